//! The languages the explainer speaks, and filling a `{name}` template: at the bottom, under
//! both the number formatter and the string tables (which add `Lang::strings`).

use serde::Serialize;

/// The languages, each declared once in [`LANGS`]; its words are a table in `i18n/` (and the
/// dataset's `Text`), its number format in `format.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Ar,
}

/// Which way a language is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Everything about one language that is not a word.
pub struct LangSpec {
    pub lang: Lang,
    /// Its BCP 47 primary tag: `?lang=`, `<html lang>`, the page `index.<tag>.html`.
    pub tag: &'static str,
    /// Its name in itself, as the language links and messages name it.
    pub autonym: &'static str,
    pub direction: Direction,
    /// Whether it is written with Arabic-Indic digits, and the regions (BCP 47 region subtags,
    /// lowercase) that write it with Latin ones instead.
    pub arabic_indic_digits: bool,
    pub latin_digit_regions: &'static [&'static str],
    // Its CLDR plural rules are `plural::category` (one table per language there, checked
    // against ICU), which reads this module's `Lang`: not a field here, or the two would
    // name each other.
}

/// The languages; the first is the fallback, compiled into every build. `LANGS[l as usize].lang == l`.
pub static LANGS: [LangSpec; 3] = [
    LangSpec {
        lang: Lang::En,
        tag: "en",
        autonym: "English",
        direction: Direction::Ltr,
        arabic_indic_digits: false,
        latin_digit_regions: &[],
    },
    LangSpec {
        lang: Lang::Fr,
        tag: "fr",
        autonym: "Français",
        direction: Direction::Ltr,
        arabic_indic_digits: false,
        latin_digit_regions: &[],
    },
    LangSpec {
        lang: Lang::Ar,
        tag: "ar",
        autonym: "العربية",
        direction: Direction::Rtl,
        arabic_indic_digits: true,
        // The Maghreb writes Arabic with Latin digits.
        latin_digit_regions: &["ma", "dz", "tn", "ly", "eh"],
    },
];

/// The list of what a table of declarations declares, in its order, at compile time:
/// `declared!(LANGS, lang)` is `[LANGS[0].lang, LANGS[1].lang, …]` (`Lang::ALL`, `Knob::ALL`,
/// `Chart::ALL`).
macro_rules! declared {
    ($table:ident, $field:ident) => {{
        let mut all = [$table[0].$field; $table.len()];
        let mut i = 0;
        while i < $table.len() {
            all[i] = $table[i].$field;
            i += 1;
        }
        all
    }};
}
pub(crate) use declared;

impl Lang {
    pub const ALL: [Lang; LANGS.len()] = declared!(LANGS, lang);

    pub fn spec(self) -> &'static LangSpec {
        &LANGS[self as usize]
    }

    /// The language of a primary tag (`ar`, any case); see `Locale::parse` for a whole tag.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim();
        LANGS
            .iter()
            .find(|l| l.tag.eq_ignore_ascii_case(code))
            .map(|l| l.lang)
    }

    pub fn code(self) -> &'static str {
        self.spec().tag
    }
}

/// `lang`'s quotation marks, from its `quoted` template ("“{text}”", "«\u{202F}{text}\u{202F}»").
pub fn quote_marks(lang: Lang) -> (&'static str, &'static str) {
    // Char patterns only: a `str` pattern's searcher links a panic path into the wasm.
    let t = lang.strings().quoted;
    match t
        .split_once('{')
        .and_then(|(open, rest)| rest.split_once('}').map(|(_, close)| (open, close)))
    {
        Some(marks) => marks,
        None => ("“", "”"),
    }
}

/// A headline in `lang`'s quotation marks (“…”, « … », «…»), the quotes inside it turned to
/// the language's inner pair (‘…’ inside “…”) so quotes never nest in the same marks.
pub fn quoted(lang: Lang, text: &str) -> String {
    let (open, close) = quote_marks(lang);
    format!("{open}{}{close}", turn_inner_quotes(lang, text))
}

/// The quotes inside a text that `lang`'s marks will enclose, turned to its inner pair.
pub fn turn_inner_quotes(lang: Lang, text: &str) -> String {
    let s = lang.strings();
    let mut inner = s.quote_inner.chars();
    let (open, close) = (inner.next().unwrap_or('‘'), inner.next().unwrap_or('’'));
    let mut turned = String::with_capacity(text.len());
    let mut drop_space = false;
    for c in text.chars() {
        match c {
            '“' | '«' => {
                turned.push(open);
                drop_space = true;
                continue;
            }
            '”' | '»' => {
                // The space French writes inside « » does not belong inside “ ”.
                while matches!(turned.chars().next_back(), Some('\u{202F}' | '\u{A0}')) {
                    turned.pop();
                }
                turned.push(close);
            }
            '\u{202F}' | '\u{A0}' if drop_space => {}
            c => turned.push(c),
        }
        drop_space = false;
    }
    turned
}

/// Fills `{name}` placeholders. Unknown placeholders are left as they are, so a missing value
/// shows up in review instead of silently vanishing.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // `split_once`, not byte indexing: indexing a `str` links a panic path (with Unicode tables
    // to print the offending char) into the wasm.
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((key, tail)) => {
                match values.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = tail;
            }
            None => {
                out.push('{');
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
