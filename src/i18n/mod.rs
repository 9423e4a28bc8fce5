//! Every string a reader sees, one table per language (`en.rs`, `fr.rs`, `ar.rs`).
//!
//! A table is a `Strings` value, so a key missing from one language is a compile error.
//! Templates use `{name}` placeholders filled by [`crate::lang::fill`]; numbers inside them
//! are always formatted by [`crate::format::Locale`].

// French and Arabic are compiled in everywhere but the page's wasm, which loads the one its
// reader needs as a language pack generated from these same tables (`pack`, `load_pack`).
#[cfg(feature = "builtin-languages")]
mod ar;
mod en;
#[cfg(feature = "builtin-languages")]
mod fr;

use crate::lang::Lang;
use std::sync::OnceLock;

impl Lang {
    /// This language's table; in a build without it, English until its pack is loaded
    /// (callers that must not fall back ask [`Lang::is_available`] first).
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            #[cfg(feature = "builtin-languages")]
            Lang::Fr => &fr::STRINGS,
            #[cfg(feature = "builtin-languages")]
            Lang::Ar => &ar::STRINGS,
            #[cfg(not(feature = "builtin-languages"))]
            other => LOADED[other as usize]
                .get()
                .copied()
                .unwrap_or(&en::STRINGS),
        }
    }

    /// Whether this build can word things in this language now: compiled in, or its pack loaded.
    pub fn is_available(self) -> bool {
        cfg!(feature = "builtin-languages")
            || self == Lang::En
            || LOADED[self as usize].get().is_some()
    }
}

/// Language packs loaded at run time, by `Lang as usize`.
static LOADED: [OnceLock<&'static Strings>; 3] =
    [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// Separates the items of a language pack as `load_pack` takes it (the page joins the JSON
/// array with it): never inside a string of the tables (a test checks).
pub const PACK_SEPARATOR: char = '\u{1F}';

/// The shipped story's words in a language, from its pack, by `Lang as usize`.
static STORY: [OnceLock<&'static [&'static str]>; 3] =
    [OnceLock::new(), OnceLock::new(), OnceLock::new()];

/// The shipped story's words in `lang` as its pack brought them, in the order of
/// [`Dataset::texts_mut`](crate::dataset::Dataset::texts_mut) (empty where the story has none).
pub fn story_words(lang: Lang) -> Option<&'static [&'static str]> {
    STORY[lang as usize].get().copied()
}

/// A language's table as a pack: a JSON array of its texts in [`Strings::FIELDS`] order, then
/// its currencies as code, name pairs, an empty string, its currency units as pairs, an empty
/// string, and the shipped story's words in that language (one per text, empty where none).
pub fn pack(lang: Lang) -> String {
    let s = lang.strings();
    let mut story = crate::dataset::Dataset::default_story();
    let mut items = s.texts();
    items.extend(s.currencies.iter().flat_map(|(code, name)| [*code, *name]));
    items.push("");
    items.extend(
        s.currency_units
            .iter()
            .flat_map(|(code, name)| [*code, *name]),
    );
    items.push("");
    items.extend(
        story
            .texts_mut()
            .into_iter()
            .map(|t| t.exact(lang).unwrap_or("")),
    );
    crate::json::array(&items, |out, item| crate::json::write_string(out, item))
}

/// Reads a pack's items joined by [`PACK_SEPARATOR`] into a table and the shipped story's words
/// (kept for the life of the program: a page loads each language once). `None` when it is not
/// a whole pack.
pub fn parse_pack(joined: String) -> Option<(Strings, &'static [&'static str])> {
    let text: &'static str = Box::leak(joined.into_boxed_str());
    let items: Vec<&'static str> = text.split(PACK_SEPARATOR).collect();
    let (texts, rest) = items.split_at_checked(Strings::FIELDS.len())?;
    let gap = rest.iter().position(|item| item.is_empty())?;
    let pairs = |items: &[&'static str]| -> Option<&'static [(&'static str, &'static str)]> {
        if !items.len().is_multiple_of(2) {
            return None;
        }
        Some(Box::leak(
            items
                .chunks(2)
                .map(|p| (p[0], p[1]))
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        ))
    };
    let after = &rest[gap + 1..];
    let story_at = after.iter().position(|item| item.is_empty())?;
    let strings = Strings::from_texts(texts, pairs(&rest[..gap])?, pairs(&after[..story_at])?)?;
    let story = &after[story_at + 1..];
    if story.len() != crate::dataset::Dataset::default_story().text_count() {
        return None;
    }
    let story: &'static [&'static str] = Box::leak(story.to_vec().into_boxed_slice());
    matches!(strings.dir, "ltr" | "rtl").then_some((strings, story))
}

/// Makes a language available from its pack (see [`pack`]); returns the language, or `None`
/// for something that is not a pack of a language we know. A language compiled in, or loaded
/// already, stays as it is.
pub fn load_pack(joined: String) -> Option<Lang> {
    let (strings, story) = parse_pack(joined)?;
    let lang = Lang::parse(strings.lang)?;
    if !lang.is_available() {
        let _ = LOADED[lang as usize].set(Box::leak(Box::new(strings)));
        let _ = STORY[lang as usize].set(story);
    }
    Some(lang)
}

/// Defines [`Strings`] from its text fields, and the list of their names in order: the order
/// of a language pack (`pack`, `load_pack`), which is how the page's default wasm gets French
/// and Arabic without carrying them.
macro_rules! strings_table {
    ($($(#[$doc:meta])* $field:ident,)*) => {
        /// One language's strings. Field names are the keys the page uses (`data-i18n="..."`).
        // repr(C): the texts lie in memory in pack order, so reading a pack is one copy
        // (`from_texts` relies on it).
        #[derive(Debug, PartialEq)]
        #[repr(C)]
        pub struct Strings {
            $($(#[$doc])* pub $field: &'static str,)*
            /// (ISO code, symbol or name) as written in this language.
            pub currencies: &'static [(&'static str, &'static str)],
            /// (ISO code, name of one unit) for "per euro".
            pub currency_units: &'static [(&'static str, &'static str)],
        }

        impl Strings {
            /// The text fields' names, in the order of a language pack.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The text fields' values, in the order of [`Strings::FIELDS`].
            pub fn texts(&self) -> Vec<&'static str> {
                vec![$(self.$field),*]
            }

            fn from_texts(
                texts: &[&'static str],
                currencies: &'static [(&'static str, &'static str)],
                currency_units: &'static [(&'static str, &'static str)],
            ) -> Option<Strings> {
                let texts: &[&'static str; Strings::FIELDS.len()] = texts.try_into().ok()?;
                // Field by field this is about 3 KB of gzipped wasm (200 loads and stores that
                // LLVM does not merge); as one move of the same layout it is a copy.
                #[repr(C)]
                struct Packed {
                    texts: [&'static str; Strings::FIELDS.len()],
                    currencies: &'static [(&'static str, &'static str)],
                    currency_units: &'static [(&'static str, &'static str)],
                }
                let packed = Packed { texts: *texts, currencies, currency_units };
                // SAFETY: both are repr(C) with the same field types in the same order: the text
                // fields (an array lays out as consecutive fields of its element type, with no
                // padding between `&str`s), then the two slices. transmute checks the sizes.
                Some(unsafe { std::mem::transmute::<Packed, Strings>(packed) })
            }
        }
    };
}

strings_table! {
    lang,
    dir,

    // Number patterns: {n} is a formatted number, {cur} a currency symbol or name.
    money_bn,
    money,
    range,
    times,
    percent,
    millions,
    twh,
    gw,
    list_and,
    list_comma,

    // Live prose.
    lede,
    pledges,
    pledges_unnamed,
    scaled,
    verdict_holds,
    verdict_more,
    verdict_less,
    parity,
    article_check,
    energy,
    energy_load,

    // Controls and page furniture.
    label_eurusd,
    label_pop_fr,
    label_pop_us,
    label_uae,
    parity_mark,
    reset,
    preset_article,
    preset_official,
    copy_link,
    copied,
    figures_heading,
    claim_heading,
    sources_heading,
    assumptions_heading,
    loading,
    crashed,
    /// The static page without JavaScript.
    no_script,
    /// The static page when the wasm cannot run in this browser.
    no_wasm,
    /// A language's words (its pack) could not be fetched: `{language}` and `{shown}` (the
    /// language the page goes on in) are the language links' own names.
    pack_failed,

    // Figure names (table rows, chart labels).
    fig_announced,
    fig_itemised,
    fig_at_point,
    fig_unitemised,
    fig_per_person,
    fig_converted,
    fig_share,
    fig_ratio,
    fig_scaled,
    fig_parity_rate,
    fig_parity_pop,
    fig_energy,

    // Charts.
    chart_pledges_title,
    chart_pledges_desc,
    chart_per_person_title,
    chart_per_person_desc,
    chart_sensitivity_title,
    chart_sensitivity_desc,
    chart_energy_title,
    chart_energy_desc,
    chart_group_per_person,
    chart_group_scaled,
    chart_verdict_more,
    chart_verdict_less,
    chart_verdict_holds,
    chart_article_line,
    chart_your_line,
    chart_parity_point,
    chart_not_itemised,
    chart_named_no_amount,
    chart_announced,
    chart_parity_line,
    chart_you_are_here,
    chart_rate_axis,
    chart_exports,
    chart_ai_year,

    // Page sections.
    claim_said,
    verdict_badge_holds,
    verdict_badge_more,
    verdict_badge_less,
    method_upper_bound,
    method_implied_rate,
    method_population,
    caveats_heading,
    src_announced,
    src_pledge,
    src_no_amount,
    src_benchmark,
    src_population,
    src_rate,
    src_capacity,
    src_exports,
    src_reported_conv,
    src_reported_itemised,
    src_reported_pop,
    src_reported_multiple,
    src_claim,
    quote_label,
    download_svg,
    download_png,
    download_chart,
    download_csv,
    csv_figure,
    csv_value,
    csv_shown,
    language_label,
    presets_label,
    copy_failed,
    copy_embed,
    embed_copied,
    charts_label,

    // Problems, worded for a reader. {param}, {path}, {min}, {max}, ... are filled in.
    dataset_cross_origin,
    dataset_unreachable,
    use_default_story,
    pledges_all,
    param_ignored,
    why_not_a_number,
    why_out_of_range,
    why_not_applicable,
    dataset_invalid,
    err_malformed,
    err_unknown_field,
    err_missing,
    err_wrong_type,
    kind_null,
    kind_bool,
    kind_number,
    kind_text,
    kind_list,
    kind_object,
    err_version,
    err_negative,
    err_not_positive,
    err_not_finite,
    err_low_above_high,
    err_half_range,
    err_currency,
    err_source,
    err_duplicate,
    err_empty,
    err_too_long,
    err_too_many,
    err_outside_range,
    err_bad_range,
    err_rate_one,

    // Share of GDP, horizon, private money.
    gdp,
    verdict_gdp_holds,
    verdict_gdp_more,
    verdict_gdp_less,
    gdp_parity,
    horizon,
    private_only,
    years,
    years_one,
    years_two,
    label_gdp_fr,
    label_gdp_us,
    label_years_fr,
    horizon_mark,
    yardstick_label,
    yardstick_person,
    yardstick_gdp,
    private_only_label,
    verdict_badge_gdp,
    fig_share_gdp,
    fig_gdp_ratio,
    fig_gdp_parity,
    fig_per_year,
    fig_private,
    chart_gdp_title,
    chart_gdp_desc,
    chart_group_gdp,
    chart_first_phase,
    chart_group_scaled_gdp,
    src_gdp,
    src_horizon,
    src_kind,
    src_by_year,
    src_first_phase,
    src_gdp_claim,
    kind_private,
    kind_state_owned,
    kind_state_backed,
    err_kind,
    err_kind_source,
    err_year,

    // Cards: each card's question (its heading) and one-sentence answer, whose `{#key}`
    // placeholders are live figures (`data-figure="key"`); the footer's words.
    card_claim_q,
    card_claim_a,
    card_gdp_q,
    card_gdp_a,
    card_pledges_q,
    card_pledges_a,
    card_horizon_q,
    card_horizon_a,
    card_sensitivity_q,
    card_sensitivity_a,
    card_energy_q,
    card_energy_a,
    card_sources_q,
    card_sources_a,
    card_source,
    card_data,
    card_embed,
    card_full,
    card_more,
    card_pledges_ranged_a,
}

impl Strings {
    pub fn currency(&self, code: &str) -> &'static str {
        lookup(self.currencies, code)
    }
    pub fn currency_unit(&self, code: &str) -> &'static str {
        lookup(self.currency_units, code)
    }

    /// The strings the page's own markup and script use (`data-i18n` keys and a few more),
    /// by key: the live page gets them from the wasm, the static pages have them written in.
    /// The rest of the table reaches the page already filled in by the core.
    pub fn page(&self) -> [(&'static str, &'static str); PAGE_STRINGS] {
        let s = self;
        [
            ("lang", s.lang),
            ("dir", s.dir),
            ("assumptions_heading", s.assumptions_heading),
            ("claim_heading", s.claim_heading),
            ("figures_heading", s.figures_heading),
            ("sources_heading", s.sources_heading),
            ("loading", s.loading),
            ("preset_article", s.preset_article),
            ("preset_official", s.preset_official),
            ("reset", s.reset),
            ("copy_link", s.copy_link),
            ("copy_embed", s.copy_embed),
            ("copied", s.copied),
            ("copy_failed", s.copy_failed),
            ("embed_copied", s.embed_copied),
            ("download_csv", s.download_csv),
            ("download_svg", s.download_svg),
            ("download_png", s.download_png),
            ("download_chart", s.download_chart),
            ("charts_label", s.charts_label),
            ("language_label", s.language_label),
            ("presets_label", s.presets_label),
            ("parity_mark", s.parity_mark),
            ("crashed", s.crashed),
            ("no_script", s.no_script),
            ("no_wasm", s.no_wasm),
            ("pack_failed", s.pack_failed),
            ("dataset_cross_origin", s.dataset_cross_origin),
            ("dataset_unreachable", s.dataset_unreachable),
            ("use_default_story", s.use_default_story),
            ("card_data", s.card_data),
            ("card_embed", s.card_embed),
            ("card_full", s.card_full),
        ]
    }
}

/// How many strings `Strings::page` gives.
pub const PAGE_STRINGS: usize = 33;

fn lookup(table: &'static [(&'static str, &'static str)], code: &str) -> &'static str {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, s)| *s)
        .unwrap_or("¤")
}

/// "a, b and c" in the language's way.
pub fn join_list(lang: Lang, items: &[&str]) -> String {
    let s = lang.strings();
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => {
            let mut out = init.join(s.list_comma);
            out.push_str(s.list_and);
            out.push_str(last);
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(lang: Lang) -> String {
        let items: Vec<String> = serde_json::from_str(&pack(lang)).unwrap();
        items.join(&PACK_SEPARATOR.to_string())
    }

    #[test]
    fn a_language_pack_reads_back_as_the_same_table() {
        for lang in Lang::ALL {
            let (strings, story) = parse_pack(joined(lang)).unwrap();
            assert_eq!(&strings, lang.strings(), "{lang:?}");
            let mut shipped = crate::dataset::Dataset::default_story();
            let exact: Vec<&str> = shipped
                .texts_mut()
                .into_iter()
                .map(|t| t.exact(lang).unwrap_or(""))
                .collect();
            assert_eq!(story, exact, "{lang:?}: the shipped story's words");
            assert_eq!(
                crate::dataset::Dataset::default_story().text_count(),
                exact.len()
            );
            assert_eq!(load_pack(joined(lang)), Some(lang));
        }
    }

    #[test]
    fn no_string_of_any_table_contains_the_pack_separator() {
        for lang in Lang::ALL {
            let s = lang.strings();
            let pairs = s
                .currencies
                .iter()
                .chain(s.currency_units)
                .flat_map(|(a, b)| [*a, *b]);
            for text in s.texts().into_iter().chain(pairs) {
                assert!(!text.contains(PACK_SEPARATOR), "{lang:?}: {text:?}");
            }
            let mut shipped = crate::dataset::Dataset::default_story();
            for text in shipped
                .texts_mut()
                .into_iter()
                .filter_map(|t| t.exact(lang))
            {
                assert!(!text.contains(PACK_SEPARATOR), "{lang:?}: {text:?}");
            }
            assert!(s.currencies.iter().all(|(code, _)| !code.is_empty()));
        }
    }

    #[test]
    fn what_is_not_a_whole_pack_is_refused() {
        let full = joined(Lang::Fr);
        let cut = full.rsplit_once(PACK_SEPARATOR).unwrap().0.to_string(); // one item short
        let short = full
            .split(PACK_SEPARATOR)
            .take(50)
            .collect::<Vec<_>>()
            .join(&PACK_SEPARATOR.to_string());
        for bad in [
            String::new(),
            "fr".to_string(),
            cut,
            short,
            full.replacen("ltr", "sideways", 1),
            full.replacen("fr", "xx", 1),
        ] {
            assert_eq!(load_pack(bad.clone()), None, "{bad:.40}");
        }
    }
}
