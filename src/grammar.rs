//! Names joined to the little words before them, as each language writes them: French "de" +
//! "les États-Unis" is "des États-Unis", Arabic لـ + الولايات is للولايات. The names come
//! from a dataset, so these are rules, not a list of the names we know; a name a rule gets
//! wrong (a French "h aspiré") gives its own form in the dataset (`Text::forms`).

use crate::lang::Lang;

/// The forms a template may ask for, by the prefix of its placeholder (`{de_subject}`).
pub const PREFIXES: [&str; 5] = ["de", "a", "que", "li", "bi"];

/// `name` after the preposition `prefix` in `lang`; `None` where the language has no such form
/// (French has no "li", Arabic no "de").
pub fn joined(lang: Lang, prefix: &str, name: &str) -> Option<String> {
    match (lang, prefix) {
        (Lang::Fr, "de") => Some(french(name, "de ", "d’", "du ", "des ")),
        (Lang::Fr, "a") => Some(french(name, "à ", "à ", "au ", "aux ")),
        (Lang::Fr, "que") => Some(french(name, "que ", "qu’", "que le ", "que les ")),
        (Lang::En, "de") => Some(format!("of {name}")),
        (Lang::En, "a") => Some(format!("to {name}")),
        (Lang::En, "que") => Some(format!("than {name}")),
        (Lang::Ar, "li") => Some(arabic(name, "ل", "لل")),
        (Lang::Ar, "bi") => Some(arabic(name, "ب", "بال")),
        _ => None,
    }
}

/// French: `plain` before a consonant, `elided` before a vowel or mute h, `masculine` for
/// "le …", `plural` for "les …" ("de" + "la France" stays "de la France").
fn french(name: &str, plain: &str, elided: &str, masculine: &str, plural: &str) -> String {
    if let Some(rest) = name
        .strip_prefix("les ")
        .or_else(|| name.strip_prefix("Les "))
    {
        return format!("{plural}{rest}");
    }
    if let Some(rest) = name
        .strip_prefix("le ")
        .or_else(|| name.strip_prefix("Le "))
    {
        return format!("{masculine}{rest}");
    }
    let starts_with_vowel = name
        .chars()
        .next()
        .map(|c| "aeiouyhAEIOUYHàâéèêëîïôûùÀÂÉÈÊËÎÏÔÛÙœŒ".contains(c))
        .unwrap_or(false);
    let elides = starts_with_vowel && !name.starts_with("la ") && !name.starts_with("La ");
    format!("{}{name}", if elides { elided } else { plain })
}

/// Arabic: the preposition is written joined to the word; before the article ال it takes
/// `before_article` (لـ + الولايات → للولايات), never a tatweel before an Arabic word. A name in
/// Latin letters keeps a tatweel, which is how Arabic joins a letter to a Latin word.
fn arabic(name: &str, plain: &str, before_article: &str) -> String {
    if let Some(rest) = name.strip_prefix("ال") {
        return format!("{before_article}{rest}");
    }
    let arabic_letter = name
        .chars()
        .next()
        .map(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
        .unwrap_or(false);
    if arabic_letter {
        format!("{plain}{name}")
    } else {
        format!("{plain}\u{0640}{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_contracts_and_elides() {
        let de = |n| joined(Lang::Fr, "de", n).unwrap();
        assert_eq!(de("les États-Unis"), "des États-Unis");
        assert_eq!(de("la France"), "de la France");
        assert_eq!(de("le plan IA de la France"), "du plan IA de la France");
        assert_eq!(de("l’UE"), "de l’UE");
        assert_eq!(de("Stargate"), "de Stargate");
        assert_eq!(de("InvestAI"), "d’InvestAI");
        assert_eq!(
            joined(Lang::Fr, "a", "les États-Unis").unwrap(),
            "aux États-Unis"
        );
        assert_eq!(joined(Lang::Fr, "a", "le Japon").unwrap(), "au Japon");
        assert_eq!(joined(Lang::Fr, "que", "Stargate").unwrap(), "que Stargate");
        assert_eq!(joined(Lang::Fr, "que", "InvestAI").unwrap(), "qu’InvestAI");
        assert_eq!(
            joined(Lang::Fr, "que", "la France").unwrap(),
            "que la France"
        );
    }

    #[test]
    fn arabic_joins_without_tatweel() {
        let li = |n| joined(Lang::Ar, "li", n).unwrap();
        assert_eq!(li("فرنسا"), "لفرنسا");
        assert_eq!(li("مشروع ستارغيت"), "لمشروع ستارغيت");
        assert_eq!(li("الولايات المتحدة"), "للولايات المتحدة");
        assert_eq!(joined(Lang::Ar, "bi", "الدولار").unwrap(), "بالدولار");
        assert_eq!(li("MGX"), "لـMGX");
        assert_eq!(joined(Lang::Ar, "de", "فرنسا"), None);
    }
}
