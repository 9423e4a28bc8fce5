//! Every string a reader sees, one table per language (`en.rs`, `fr.rs`, `ar.rs`).
//!
//! A table is a `Strings` value, so a key missing from one language is a compile error.
//! Templates use `{name}` placeholders filled by [`crate::format::fill`]; numbers inside them
//! are always formatted by [`crate::format::Locale`].

mod ar;
mod en;
mod fr;

use crate::dataset::{DatasetError, Problem};
use crate::format::{fill, Locale};
use crate::model::AssumptionError;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Ar];

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        self.strings().lang
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::Fr => &fr::STRINGS,
            Lang::Ar => &ar::STRINGS,
        }
    }
}

/// One language's strings. Field names are the keys the page uses (`data-i18n="..."`).
#[derive(Debug)]
pub struct Strings {
    pub lang: &'static str,
    pub dir: &'static str,

    // Number patterns: {n} is a formatted number, {cur} a currency symbol or name.
    pub money_bn: &'static str,
    pub money: &'static str,
    pub range: &'static str,
    pub times: &'static str,
    pub percent: &'static str,
    pub millions: &'static str,
    pub twh: &'static str,
    pub gw: &'static str,
    /// (ISO code, symbol or name) as written in this language.
    pub currencies: &'static [(&'static str, &'static str)],
    /// (ISO code, name of one unit) for "per euro".
    pub currency_units: &'static [(&'static str, &'static str)],
    pub list_and: &'static str,
    pub list_comma: &'static str,

    // Live prose.
    pub lede: &'static str,
    pub pledges: &'static str,
    pub pledges_unnamed: &'static str,
    pub scaled: &'static str,
    pub verdict_holds: &'static str,
    pub verdict_more: &'static str,
    pub verdict_less: &'static str,
    pub parity: &'static str,
    pub article_check: &'static str,
    pub energy: &'static str,
    pub energy_load: &'static str,

    // Controls and page furniture.
    pub label_eurusd: &'static str,
    pub label_pop_fr: &'static str,
    pub label_pop_us: &'static str,
    pub label_uae: &'static str,
    pub parity_mark: &'static str,
    pub reset: &'static str,
    pub preset_article: &'static str,
    pub preset_official: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub figures_heading: &'static str,
    pub claim_heading: &'static str,
    pub sources_heading: &'static str,
    pub assumptions_heading: &'static str,
    pub loading: &'static str,
    pub crashed: &'static str,
    /// The static page without JavaScript.
    pub no_script: &'static str,
    /// The static page when the wasm cannot run in this browser.
    pub no_wasm: &'static str,

    // Figure names (table rows, chart labels).
    pub fig_announced: &'static str,
    pub fig_itemised: &'static str,
    pub fig_at_point: &'static str,
    pub fig_unitemised: &'static str,
    pub fig_per_person: &'static str,
    pub fig_converted: &'static str,
    pub fig_share: &'static str,
    pub fig_ratio: &'static str,
    pub fig_scaled: &'static str,
    pub fig_parity_rate: &'static str,
    pub fig_parity_pop: &'static str,
    pub fig_energy: &'static str,

    // Charts.
    pub chart_pledges_title: &'static str,
    pub chart_pledges_desc: &'static str,
    pub chart_per_person_title: &'static str,
    pub chart_per_person_desc: &'static str,
    pub chart_sensitivity_title: &'static str,
    pub chart_sensitivity_desc: &'static str,
    pub chart_energy_title: &'static str,
    pub chart_energy_desc: &'static str,
    pub chart_group_per_person: &'static str,
    pub chart_group_scaled: &'static str,
    pub chart_verdict_more: &'static str,
    pub chart_verdict_less: &'static str,
    pub chart_verdict_holds: &'static str,
    pub chart_article_line: &'static str,
    pub chart_your_line: &'static str,
    pub chart_parity_point: &'static str,
    pub chart_not_itemised: &'static str,
    pub chart_named_no_amount: &'static str,
    pub chart_announced: &'static str,
    pub chart_parity_line: &'static str,
    pub chart_you_are_here: &'static str,
    pub chart_rate_axis: &'static str,
    pub chart_exports: &'static str,
    pub chart_ai_year: &'static str,

    // Page sections.
    pub claim_said: &'static str,
    pub verdict_badge_holds: &'static str,
    pub verdict_badge_more: &'static str,
    pub verdict_badge_less: &'static str,
    pub method_upper_bound: &'static str,
    pub method_implied_rate: &'static str,
    pub method_population: &'static str,
    pub caveats_heading: &'static str,
    pub src_announced: &'static str,
    pub src_pledge: &'static str,
    pub src_no_amount: &'static str,
    pub src_benchmark: &'static str,
    pub src_population: &'static str,
    pub src_rate: &'static str,
    pub src_capacity: &'static str,
    pub src_exports: &'static str,
    pub src_reported_conv: &'static str,
    pub src_reported_itemised: &'static str,
    pub src_reported_pop: &'static str,
    pub src_reported_multiple: &'static str,
    pub src_claim: &'static str,
    pub quote_label: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub download_chart: &'static str,
    pub download_csv: &'static str,
    pub csv_figure: &'static str,
    pub csv_value: &'static str,
    pub csv_shown: &'static str,
    pub language_label: &'static str,
    pub presets_label: &'static str,
    pub copy_failed: &'static str,
    pub copy_embed: &'static str,
    pub embed_copied: &'static str,
    pub charts_label: &'static str,

    // Problems, worded for a reader. {param}, {path}, {min}, {max}, ... are filled in.
    pub dataset_cross_origin: &'static str,
    pub dataset_unreachable: &'static str,
    pub use_default_story: &'static str,
    pub pledges_all: &'static str,
    pub param_ignored: &'static str,
    pub why_not_a_number: &'static str,
    pub why_out_of_range: &'static str,
    pub why_not_applicable: &'static str,
    pub dataset_invalid: &'static str,
    pub err_malformed: &'static str,
    pub err_shape: &'static str,
    pub err_version: &'static str,
    pub err_negative: &'static str,
    pub err_not_positive: &'static str,
    pub err_not_finite: &'static str,
    pub err_low_above_high: &'static str,
    pub err_half_range: &'static str,
    pub err_currency: &'static str,
    pub err_source: &'static str,
    pub err_duplicate: &'static str,
    pub err_empty: &'static str,
    pub err_too_long: &'static str,
    pub err_too_many: &'static str,
    pub err_outside_range: &'static str,
    pub err_bad_range: &'static str,
    pub err_rate_one: &'static str,
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
            ("dataset_cross_origin", s.dataset_cross_origin),
            ("dataset_unreachable", s.dataset_unreachable),
            ("use_default_story", s.use_default_story),
        ]
    }
}

/// How many strings `Strings::page` gives.
pub const PAGE_STRINGS: usize = 29;

fn lookup(table: &'static [(&'static str, &'static str)], code: &str) -> &'static str {
    table.iter().find(|(c, _)| *c == code).map(|(_, s)| *s).unwrap_or("¤")
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

pub fn dataset_error_message(error: &DatasetError, lang: Lang) -> String {
    let s = lang.strings();
    let l = Locale::for_lang(lang);
    let num = |x: f64| l.number_trim(x, 4);
    let message = match &error.problem {
        Problem::Malformed { line, column, detail } => fill(
            s.err_malformed,
            &[("line", &l.number(*line as f64, 0)), ("column", &l.number(*column as f64, 0)), ("detail", detail)],
        ),
        Problem::Shape { detail } => fill(s.err_shape, &[("detail", detail)]),
        Problem::UnsupportedVersion { found } => fill(s.err_version, &[("found", &l.number(*found as f64, 0))]),
        Problem::Negative { value } => fill(s.err_negative, &[("value", &num(*value))]),
        Problem::NotPositive { value } => fill(s.err_not_positive, &[("value", &num(*value))]),
        Problem::NotFinite => s.err_not_finite.to_string(),
        Problem::LowAboveHigh { low, high } => fill(s.err_low_above_high, &[("low", &num(*low)), ("high", &num(*high))]),
        Problem::HalfRange => s.err_half_range.to_string(),
        Problem::UnknownCurrency { code } => fill(s.err_currency, &[("code", code)]),
        Problem::UnknownSource { id } => fill(s.err_source, &[("id", id)]),
        Problem::Duplicate { name } => fill(s.err_duplicate, &[("name", name)]),
        Problem::Empty => s.err_empty.to_string(),
        Problem::TooLong { max } => fill(s.err_too_long, &[("max", &l.number(*max as f64, 0))]),
        Problem::TooMany { max } => fill(s.err_too_many, &[("max", &l.number(*max as f64, 0))]),
        Problem::OutsideRange { value, min, max } => fill(
            s.err_outside_range,
            &[("value", &num(*value)), ("min", &num(*min)), ("max", &num(*max))],
        ),
        Problem::BadRange => s.err_bad_range.to_string(),
        Problem::RateMustBeOne => s.err_rate_one.to_string(),
    };
    match (error.path.is_empty(), lang) {
        (true, _) => message,
        // The path is JSON, always left to right: isolate it inside Arabic text.
        (false, Lang::Ar) => format!("\u{2066}{}\u{2069}: {}", error.path, message),
        (false, _) => format!("{}: {}", error.path, message),
    }
}

pub fn assumption_error_message(error: &AssumptionError, lang: Lang) -> String {
    let s = lang.strings();
    let l = Locale::for_lang(lang);
    match error {
        AssumptionError::NotANumber => s.why_not_a_number.to_string(),
        AssumptionError::OutOfRange { min, max } => fill(
            s.why_out_of_range,
            &[("min", &l.number_trim(*min, 4)), ("max", &l.number_trim(*max, 4))],
        ),
        AssumptionError::NotApplicable => s.why_not_applicable.to_string(),
    }
}
