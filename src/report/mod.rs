//! Figures put into words: the formatted value of every key figure, and the live prose.
//! Used by the page (through wasm), the static fallback and the CLI, so all three say the same.
//!
//! By concern: `verdict` (how far apart two figures are, and each claim's judgement in words),
//! `context` (every template value, formatted once, and the prose), `controls` (the sliders,
//! switches and live panel), `table` (the figures table, method notes, sources list, CSV and
//! the CLI's JSON). `Report` here holds what they computed for one set of assumptions.

mod context;
mod controls;
mod table;
mod verdict;

pub use controls::{comparison, controls, switches, Control, Switch};
pub use table::{csv, method_notes, sourced_figures, summary_json, Row, Sourced, TextMap};
pub use verdict::{
    gap, verdict, Gap, Judgement, Verdict, CLOSE_TOLERANCE, MULTIPLE_FROM,
    SAME_PROPORTION_TOLERANCE,
};

use crate::dataset::{Asserts, Dataset};
use crate::format::Locale;
use crate::i18n::{join_list, join_nor, Strings};
use crate::lang::fill;
use crate::lang::Lang;
use crate::model::{compute, Assumptions, FigureValue, Figures};
use crate::params::plain_number;
use context::{decimals_of, Context};
use serde::Serialize;

/// What a comparison is measured by: per person (Macron's claim) or by share of GDP (the
/// Élysée's). The yardstick in effect is decided once, in [`Report::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Yardstick {
    Person,
    Gdp,
}

/// Which sum the subject's figures count, decided once from the assumptions: the total as
/// announced, or what is left of it without the state-owned and state-backed pledges. Every
/// text names the second for what it is ("…without the UAE (MGX) and Bpifrance"), never as
/// "private money": only the pledges marked private are known to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sum {
    Announced,
    WithoutLeftOut,
}

impl Sum {
    pub fn of(figures: &Figures) -> Sum {
        if figures.assumptions.private_only && figures.pledges_left_out > 0 {
            Sum::WithoutLeftOut
        } else {
            Sum::Announced
        }
    }
}

/// The lowest and highest exchange rates, at four places, at which `announced` converts to
/// `shown` as the story printed it (half up, to `shown`'s own places): €109bn gives "$112bn"
/// from $1.0230 to $1.0321, €200bn "$206bn" from $1.0275 to $1.0324.
pub fn rounding_rates(announced: f64, shown: f64) -> Option<(f64, f64)> {
    if !(announced > 0.0 && shown.is_finite() && shown > 0.0) {
        return None;
    }
    let scale = 10f64.powi(decimals_of(shown) as i32);
    let target = (shown * scale).round();
    // Half up, with a hair of tolerance: 200 × 1.0325 is 206.5 however the float falls.
    let rounds = |rate: f64| ((announced * rate * scale) + 0.5 + 1e-9).floor() == target;
    let half = 0.5 / scale;
    let mut low = (((shown - half) / announced) * 1e4 - 1e-6).ceil();
    let mut high = (((shown + half) / announced) * 1e4 + 1e-6).floor();
    for _ in 0..4 {
        if !rounds(low / 1e4) {
            low += 1.0;
        }
        if !rounds(high / 1e4) {
            high -= 1.0;
        }
    }
    (low <= high && rounds(low / 1e4) && rounds(high / 1e4)).then(|| (low / 1e4, high / 1e4))
}

/// Everything a reader sees for one set of assumptions, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub lang: Lang,
    pub figures: Figures,
    /// The yardstick in effect: by share of GDP when the reader chose it and the dataset has
    /// both GDPs, else per person.
    pub yardstick: Yardstick,
    /// Whether the two packages are spread over different horizons: then every comparison
    /// is per year, and the sentences say so.
    pub per_year: bool,
    /// Which sum the subject's figures count (the announced total, or without the pledges
    /// left out): with `yardstick` and `per_year`, what every figure measures.
    pub sum: Sum,
    /// Whether the figures count the ranged pledge (the UAE's) at the reader's point: then a
    /// range spans its range, and a point is given with it.
    pub ranged_counted: bool,
    /// Whether the story quotes a claim per person (a story without one quotes nobody).
    pub has_claim: bool,
    /// The per-person verdict (Macron's claim) and the verdict by share of GDP (the Élysée's).
    pub person: Option<Judgement>,
    pub gdp: Option<Judgement>,
    /// Formatted figures by their public key (`data-figure="<key>"`).
    pub display: Vec<(&'static str, String)>,
    /// The figures running text writes otherwise than `display` (French units: "109 milliards
    /// d’euros" for "109 Md€"; ratios in words; rates to four places): the cards' answers read
    /// them through [`Report::prose_figures`]. Only those that differ, so a move sends few.
    #[serde(skip)]
    pub prose_display: Vec<(&'static str, String)>,
    /// The live prose, one sentence per entry, in reading order.
    pub sentences: Vec<(&'static str, String)>,
    /// The verdict of the yardstick in effect in a few words, for the live panel.
    pub badge: String,
    /// Whether the reference rate of the day rounds the announced total to the article's
    /// conversion, and whether the official population multiple rounds to the article's.
    pub reported_rate_rounds: Option<bool>,
    pub reported_multiple_rounds: Option<bool>,
    #[serde(skip)]
    pub locale: Locale,
    /// Every template value, formatted once (see [`Context`]).
    #[serde(skip)]
    values: Vec<(&'static str, String)>,
    /// The same for running text, where the language writes it otherwise (French units).
    #[serde(skip)]
    prose_values: Option<Vec<(&'static str, String)>>,
}

impl Report {
    /// Computes and formats everything once; every other view (table rows, sliders, method
    /// notes) reads from here rather than formatting again.
    pub fn new(dataset: &Dataset, assumptions: &Assumptions, locale: Locale) -> Report {
        let figures = compute(dataset, assumptions);
        let a = &figures.assumptions;
        let yardstick = if a.by_gdp && figures.gdp_share_ratio.is_some() {
            Yardstick::Gdp
        } else {
            Yardstick::Person
        };
        let per_year = figures.france_usd_per_person_per_year.is_some()
            && a.subject_years.is_some()
            && a.subject_years != dataset.benchmark_years();
        let short = Context::new(dataset, &figures, locale, per_year);
        // French spells units out in running text; other languages write them the same.
        let prose = prose_differs(locale.strings())
            .then(|| Context::new(dataset, &figures, locale.for_prose(), per_year));
        let prose_ctx = prose.as_ref().unwrap_or(&short);
        let person = Judgement::new(
            Yardstick::Person,
            figures.per_person_ratio,
            per_year,
            dataset.claim.as_ref(),
            &short,
            prose_ctx,
        );
        let gdp = Judgement::new(
            Yardstick::Gdp,
            figures.gdp_share_ratio,
            per_year,
            dataset.gdp_claim.as_ref(),
            &short,
            prose_ctx,
        );
        let shown = match yardstick {
            Yardstick::Gdp => gdp.as_ref(),
            Yardstick::Person => person.as_ref(),
        };
        let badge = shown.map(|j| j.badge.clone()).unwrap_or_default();
        let mut display = short.display();
        display.push((
            "verdict",
            person.as_ref().map(|j| j.badge.clone()).unwrap_or_default(),
        ));
        display.push((
            "gdp_verdict",
            gdp.as_ref().map(|j| j.badge.clone()).unwrap_or_default(),
        ));
        let sentences = prose_ctx.sentences(shown, per_year);
        // The cards' answers are running text: units as the language writes them there (the
        // prose context's figures where they differ), ratios in words ("1.12 times", "١٫١٢
        // ضعف") as the prose writes them, and rates to four places as the lede does (a trimmed
        // "$1.14" beside "$1.158" re-broke the answer's lines on every move: a layout shift).
        let mut prose_display: Vec<(&'static str, String)> = match &prose {
            Some(p) => p
                .display()
                .into_iter()
                .zip(&display)
                .filter(|((k, a), (key, b))| k == key && a != b)
                .map(|(pair, _)| pair)
                .collect(),
            None => Vec::new(),
        };
        let quote = dataset.benchmark.currency.as_ref();
        let l = prose_ctx.locale;
        let a = &figures.assumptions;
        for (key, text) in [
            (
                "per_person_ratio",
                figures.per_person_ratio.map(|r| l.times_text(r)),
            ),
            (
                "gdp_share_ratio",
                figures.gdp_share_ratio.map(|r| l.times_text(r)),
            ),
            ("eurusd", Some(l.rate_exact(a.rate, quote))),
            (
                "parity_eurusd",
                figures.parity_eurusd.map(|r| l.rate_point(r, quote)),
            ),
            ("years_fr", a.subject_years.map(|y| years(l, y))),
        ] {
            let Some(text) = text else { continue };
            match prose_display.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = text,
                None => prose_display.push((key, text)),
            }
        }
        let ranged_counted = short.ranged_counted();
        let values = short.values;
        let prose_values = prose.map(|p| p.values);
        let reported = &dataset.reported;
        let announced = dataset.subject.announced_bn.value;
        let reported_rate_rounds = reported.converted_bn.as_ref().map(|c| {
            let half = 0.5 * 10f64.powi(-(decimals_of(c.value) as i32));
            ((announced * dataset.exchange_rate.value) - c.value).abs() < half
        });
        let reported_multiple_rounds = reported.population_multiple.as_ref().map(|m| {
            let official =
                dataset.benchmark.population_m.value / dataset.subject.population_m.value;
            let half = 0.5 * 10f64.powi(-(decimals_of(m.value) as i32));
            (official - m.value).abs() < half
        });
        Report {
            lang: locale.lang,
            yardstick,
            per_year,
            sum: Sum::of(&figures),
            ranged_counted,
            has_claim: dataset.claim.is_some(),
            person,
            gdp,
            figures,
            display,
            prose_display,
            sentences,
            badge,
            reported_rate_rounds,
            reported_multiple_rounds,
            locale,
            values,
            prose_values,
        }
    }

    /// The per-person verdict (Macron's claim).
    pub fn verdict(&self) -> Option<Verdict> {
        self.person.as_ref().map(|j| j.verdict)
    }

    /// The verdict by share of GDP (the Élysée's claim).
    pub fn gdp_verdict(&self) -> Option<Verdict> {
        self.gdp.as_ref().map(|j| j.verdict)
    }

    /// The judgement of the yardstick in effect.
    pub fn shown(&self) -> Option<&Judgement> {
        match self.yardstick {
            Yardstick::Gdp => self.gdp.as_ref(),
            Yardstick::Person => self.person.as_ref(),
        }
    }

    /// The verdict of the yardstick the reader chose (per person, or share of GDP).
    pub fn shown_verdict(&self) -> Option<Verdict> {
        self.shown().map(|j| j.verdict)
    }

    /// Fills a template with this report's values.
    pub fn fill(&self, template: &str) -> String {
        let pairs: Vec<(&str, &str)> = self.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(template, &pairs)
    }

    /// Fills a template of running text (a caption, a method note) with the prose values.
    pub fn fill_prose(&self, template: &str) -> String {
        let values = self.prose_values.as_ref().unwrap_or(&self.values);
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(template, &pairs)
    }

    pub fn value(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every figure as running text writes it (a card's answer), in `display`'s order.
    pub fn prose_figures(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.display.iter().map(|(key, shown)| {
            let prose = self.prose_display.iter().find(|(k, _)| k == key);
            (*key, prose.map_or(shown.as_str(), |(_, v)| v.as_str()))
        })
    }

    pub fn display(&self, key: &str) -> Option<&str> {
        self.display
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn prose(&self) -> String {
        let parts: Vec<&str> = self.sentences.iter().map(|(_, s)| s.as_str()).collect();
        parts.join(" ")
    }
}

/// Whether this language writes running text differently from tables and charts.
fn prose_differs(s: &Strings) -> bool {
    !s.money_bn_text.is_empty() || !s.range_text.is_empty()
}

/// "4 years" as a value alone (a slider's spoken value, a table cell): "سنتان" in Arabic.
pub fn years_alone(locale: Locale, n: f64) -> String {
    locale.counted(locale.strings().years_alone, n, 1)
}

/// "4 years" in the language's way after a preposition ("سنة واحدة", "سنتين", "٣ سنوات").
pub fn years(locale: Locale, n: f64) -> String {
    locale.counted(locale.strings().years, n, 1)
}

/// The names of the pledges left out when counting private money only.
pub fn left_out_names(dataset: &Dataset, lang: Lang) -> Vec<&str> {
    dataset
        .subject
        .pledges
        .iter()
        .filter(|p| !p.is_private())
        .map(|p| p.name.get(lang))
        .collect()
}

/// The same, as running text names them ("the UAE (MGX)", « les Émirats arabes unis (MGX) »).
pub fn left_out_names_in_text(dataset: &Dataset, lang: Lang) -> Vec<&str> {
    dataset
        .subject
        .pledges
        .iter()
        .filter(|p| !p.is_private())
        .map(|p| p.name_in_text(lang))
        .collect()
}

/// The year of an `as_of` such as "2024" or "2024-12-31".
fn year_of(as_of: Option<&str>) -> String {
    as_of
        .map(|s| s.chars().take_while(|c| c.is_ascii_digit()).collect())
        .unwrap_or_default()
}

/// Capitalises a sentence that starts with a lowercase ASCII letter ("la France…" → "La
/// France…"). ASCII only: Unicode case tables would add 10 KiB to the wasm for no sentence
/// these languages start with.
pub fn capitalize_first(mut s: String) -> String {
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s
}
