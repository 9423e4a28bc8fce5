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
/// string, its currency amounts as pairs, an empty string, and the shipped story's words in that language (one per text, empty where none).
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
        s.currency_amounts
            .iter()
            .flat_map(|(code, forms)| [*code, *forms]),
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
    let units_end = after.iter().position(|item| item.is_empty())?;
    let amounts = &after[units_end + 1..];
    let story_at = amounts.iter().position(|item| item.is_empty())?;
    let strings = Strings::from_texts(
        texts,
        pairs(&rest[..gap])?,
        pairs(&after[..units_end])?,
        pairs(&amounts[..story_at])?,
    )?;
    let story = &amounts[story_at + 1..];
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
            /// (ISO code, an amount of it in words by plural category, as in
            /// [`crate::format::pick`], plus `of=` the form after "billions of"): where a
            /// language writes units out (Arabic always, French in prose).
            pub currency_amounts: &'static [(&'static str, &'static str)],
        }

        impl Strings {
            /// The text fields' names, in the order of a language pack.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The text field named `name` (a declaration's label key, `model::KNOBS`).
            pub fn text(&self, name: &str) -> Option<&'static str> {
                let at = Self::FIELDS.iter().position(|f| *f == name)?;
                // SAFETY: repr(C), the text fields first and all `&'static str` (see
                // `from_texts`): they lie as an array of them at the start of the struct.
                let texts = unsafe { &*(self as *const Strings as *const [&'static str; Strings::FIELDS.len()]) };
                texts.get(at).copied()
            }

            /// The text fields' values, in the order of [`Strings::FIELDS`].
            pub fn texts(&self) -> Vec<&'static str> {
                vec![$(self.$field),*]
            }

            fn from_texts(
                texts: &[&'static str],
                currencies: &'static [(&'static str, &'static str)],
                currency_units: &'static [(&'static str, &'static str)],
                currency_amounts: &'static [(&'static str, &'static str)],
            ) -> Option<Strings> {
                let texts: &[&'static str; Strings::FIELDS.len()] = texts.try_into().ok()?;
                // Field by field this is about 3 KB of gzipped wasm (200 loads and stores that
                // LLVM does not merge); as one move of the same layout it is a copy.
                #[repr(C)]
                struct Packed {
                    texts: [&'static str; Strings::FIELDS.len()],
                    currencies: &'static [(&'static str, &'static str)],
                    currency_units: &'static [(&'static str, &'static str)],
                    currency_amounts: &'static [(&'static str, &'static str)],
                }
                let packed = Packed { texts: *texts, currencies, currency_units, currency_amounts };
                // SAFETY: both are repr(C) with the same field types in the same order: the text
                // fields (an array lays out as consecutive fields of its element type, with no
                // padding between `&str`s), then the three slices. transmute checks the sizes.
                Some(unsafe { std::mem::transmute::<Packed, Strings>(packed) })
            }
        }
    };
}

strings_table! {
    lang,
    dir,

    // Number patterns: {n} is a formatted number, {cur} a currency symbol or name. A pattern
    // may have forms by CLDR plural category, `one=…|other=…` (see `format::pick`).
    money_bn,
    /// Billions in running text, where it differs from tables and charts (French); {of} is
    /// the currency's `of=` form ("d’euros"). Empty: the same as `money_bn`.
    money_bn_text,
    money,
    range,
    /// A range in running text ("de 63 à 83"); empty: the same as `range`.
    range_text,
    times,
    /// A ratio in running text ("1.12 times"); `fraction=` is its form below one.
    times_text,
    percent,
    millions,
    twh,
    gw,
    /// Under a gigawatt: megawatts.
    mw,
    years,
    list_and,
    list_comma,

    // Live prose.
    lede,
    /// The lede when the two horizons differ: totals, no ratio (the ratio is per year).
    lede_totals,
    pledges,
    /// `pledges` for a dataset whose pledges carry no date.
    pledges_undated,
    /// `pledges` while counting private money only.
    pledges_private,
    /// The package while counting private money only: {package}.
    package_private,
    pledges_unnamed,
    scaled,
    parity,
    article_check,
    energy,
    energy_load,

    // Controls and page furniture.
    label_rate,
    label_subject_population,
    label_benchmark_population,
    label_ranged_pledge,
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
    /// The pledges chart's summary when every euro is itemised.
    chart_pledges_desc_all,
    chart_per_person_title,
    chart_per_person_desc,
    /// The per-person chart's summary when the horizons differ (per year).
    chart_per_person_desc_year,
    chart_sensitivity_title,
    chart_sensitivity_desc,
    chart_energy_title,
    chart_energy_desc,
    chart_group_per_person,
    chart_group_scaled,
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

    // Verdicts: one wording per size of the gap (`report::Gap`), for either yardstick: {per}
    // is one of the four phrases below, {pct} the gap, {times} the ratio in running text.
    per_person,
    per_person_year,
    by_gdp,
    by_gdp_year,
    verdict_same,
    verdict_close_more,
    verdict_close_less,
    verdict_clear_more,
    verdict_clear_less,
    verdict_multiple_more,
    verdict_multiple_less,
    badge_same,
    badge_close_more,
    badge_close_less,
    badge_clear_more,
    badge_clear_less,
    badge_multiple_more,
    badge_multiple_less,

    // Page sections.
    claim_said,
    /// Under a quotation given in a translation, not in the speaker's words as reported.
    claim_said_translated,
    method_upper_bound,
    method_implied_rate,
    /// When the reference rate of the day does not round to the article's conversion.
    method_implied_rate_off,
    method_population,
    /// When the official multiple does not round to the article's.
    method_population_off,
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
    /// The twelve months' names, `|`-separated, for dates in words.
    months,
    /// A date in words: {day} {month} {year}; `date_month` a month and year ("May 2024").
    date_day,
    date_month,
    /// Shortened month names and a day without its year, for chart labels ("9 Feb").
    months_short,
    date_short,
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
    /// The GDP sentence when the two horizons differ: shares per year.
    gdp_per_year,
    gdp_parity,
    horizon,
    private_only,
    label_subject_gdp,
    label_benchmark_gdp,
    label_subject_years,
    horizon_mark,
    yardstick_label,
    yardstick_person,
    yardstick_gdp,
    private_only_label,
    fig_share_gdp,
    fig_gdp_ratio,
    fig_gdp_parity,
    fig_per_year,
    /// The subject's per-year figure: its horizon is the reader's assumption.
    fig_per_year_assumed,
    fig_private,
    /// The figures table's row for a verdict: {per} is the yardstick's phrase.
    fig_verdict,
    chart_gdp_title,
    chart_gdp_desc,
    /// The GDP chart's summary when the horizons differ (per year).
    chart_gdp_desc_year,
    chart_group_gdp,
    chart_group_gdp_year,
    chart_group_per_person_year,
    chart_group_scaled_year,
    chart_first_phase,
    chart_group_scaled_gdp,
    src_gdp,
    src_horizon,
    src_kind,
    src_by_year,
    src_first_phase,
    src_gdp_claim,
    /// A source-list label for a translated quotation: {label}.
    src_translated,
    kind_private,
    kind_state_owned,
    kind_state_backed,
    err_kind,
    err_kind_source,
    err_year,
    err_language,

    // Publishing: the host's look (theme=, font=, accent=) refused, as {why} of param_ignored.
    why_choice,
    why_accent_bad,
    why_accent_weak,

    // Cards: each card's question (its heading) and one-sentence answer, whose `{#key}`
    // placeholders are live figures (`data-figure="key"`); the footer's words.
    card_claim_q,
    card_claim_a,
    /// The claim card's answer when the horizons differ: per-year figures, per-year ratio.
    card_claim_a_year,
    card_gdp_q,
    card_gdp_a,
    card_gdp_a_year,
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
    label_load_factor,
    pack_failed_reload,
    chart_horizon_title,
    chart_horizon_desc,
    chart_horizon_subject,
    chart_horizon_benchmark,
    err_asserts,
    list_nor,
    quoted,
    quote_inner,
    colon,
    intro,
    pledges_ranged,
    private_only_ranged,
    fig_unitemised_at_point,
    fig_itemised_range,
    fig_unitemised_range,
    fig_itemised_private,
    fig_left,
    fig_left_converted,
    fig_per_person_total,
    fig_share_gdp_year_assumed,
    fig_share_gdp_year,
    chart_pledges_desc_ranged,
    chart_pledges_desc_private,
    badge_true,
    badge_false,
    verdict_true,
    verdict_false,
    badge_without,
    card_claim_dek,
    card_pledges_private_a,
    card_pledges_all_a,
    method_per_person,
    method_share,
    method_per_year,
    method_parity,
    method_unitemised,
    years_alone,
    claim_verdict_line,
    claim_said_translated_by,
    parity_out_of_reach,
    copy_embed_failed,
    download_blocked,
    chart_point_of_range,
    chart_left,
    pledge_item,
    pledge_item_ranged,
    ratio_object_person,
    ratio_object_gdp,
    chart_group_scaled_gdp_year,
    card_claim_q_unclaimed,
    list_series,
    ratio_subject_person,
    ratio_subject_gdp,
    paren_merge,
    per_person_year_in_sentence,
    by_gdp_year_in_sentence,
    per_person_short,
    per_person_year_short,
    card_sources_list,
    parity_rate_beyond,
    parity_pop_beyond,
    card_claim_dek_unclaimed,
    chart_horizon_axis,
}

impl Strings {
    pub fn currency(&self, code: &str) -> &'static str {
        lookup(self.currencies, code)
    }
    pub fn currency_unit(&self, code: &str) -> &'static str {
        lookup(self.currency_units, code)
    }
    /// An amount of `code` in words (see [`Strings::currency_amounts`]), or "" where this
    /// language writes the symbol.
    pub fn currency_amount(&self, code: &str) -> &'static str {
        self.currency_amounts
            .iter()
            .find(|(c, _)| *c == code)
            .map_or("", |(_, s)| *s)
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
            ("pack_failed_reload", s.pack_failed_reload),
            ("dataset_cross_origin", s.dataset_cross_origin),
            ("dataset_unreachable", s.dataset_unreachable),
            ("use_default_story", s.use_default_story),
            // Publishing: the host's look, refused by the page (boot.js checks it).
            ("param_ignored", s.param_ignored),
            ("why_choice", s.why_choice),
            ("why_accent_bad", s.why_accent_bad),
            ("why_accent_weak", s.why_accent_weak),
            ("card_data", s.card_data),
            ("card_embed", s.card_embed),
            ("card_full", s.card_full),
            ("copy_embed_failed", s.copy_embed_failed),
            ("download_blocked", s.download_blocked),
        ]
    }
}

/// How many strings `Strings::page` gives.
pub const PAGE_STRINGS: usize = 40;

fn lookup(table: &'static [(&'static str, &'static str)], code: &str) -> &'static str {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, s)| *s)
        .unwrap_or("¤")
}

/// "a, b and c" in the language's way (Arabic repeats و before each: "أ، وب وج").
pub fn join_list(lang: Lang, items: &[&str]) -> String {
    join_ending(lang, items, lang.strings().list_and)
}

/// "a, b and c" after "without", in the language's way (« sans a, b ni c »).
pub fn join_nor(lang: Lang, items: &[&str]) -> String {
    join_ending(lang, items, lang.strings().list_nor)
}

fn join_ending(lang: Lang, items: &[&str], last_joiner: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => {
            let mut out = init.join(lang.strings().list_series);
            out.push_str(last_joiner);
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
