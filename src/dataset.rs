//! The dataset: every figure of a story with its source, parsed from JSON and validated.
//!
//! Parsing never panics; a bad dataset yields a list of [`DatasetError`]s, each naming the JSON
//! path and what is wrong, so a newsroom editing a file sees exactly which line to fix.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The story shipped with the explainer, embedded in every build.
pub const DEFAULT_DATASET_JSON: &str = include_str!("../data/france-2025.json");

/// Currencies the formatter knows symbols and names for.
pub const CURRENCIES: &[&str] = &["EUR", "USD", "GBP", "AED", "CAD", "JPY", "CNY"];

/// Labels longer than this would break every layout; they are refused.
pub const MAX_LABEL_CHARS: usize = 160;
/// Caveats and claims are sentences, not labels.
pub const MAX_SENTENCE_CHARS: usize = 600;
/// More pledges than this cannot be told apart in a stacked bar.
pub const MAX_PLEDGES: usize = 40;

/// A string in the reader's language; English is required and is the fallback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ar: Option<String>,
}

impl Text {
    pub fn get(&self, lang: crate::Lang) -> &str {
        let localized = match lang {
            crate::Lang::En => None,
            crate::Lang::Fr => self.fr.as_deref(),
            crate::Lang::Ar => self.ar.as_deref(),
        };
        localized.filter(|s| !s.trim().is_empty()).unwrap_or(&self.en)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub publisher: String,
    pub title: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One sourced number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub value: f64,
    /// Key into [`Dataset::sources`].
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The words of the Arabic article this figure comes from, where it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_ar: Option<String>,
}

/// A pledge in billions of the subject's currency: a point (low = high), a range, or named
/// with no amount (both absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pledge {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low_bn: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_bn: Option<f64>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_ar: Option<String>,
}

impl Pledge {
    /// (low, high) when the pledge has an amount.
    pub fn amount(&self) -> Option<(f64, f64)> {
        match (self.low_bn, self.high_bn) {
            (Some(low), Some(high)) => Some((low, high)),
            _ => None,
        }
    }
    pub fn is_range(&self) -> bool {
        matches!(self.amount(), Some((low, high)) if high > low)
    }
}

/// The package being checked (France's €109bn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub name: Text,
    pub package: Text,
    pub currency: String,
    pub announced_bn: Figure,
    pub population_m: Figure,
    pub pledges: Vec<Pledge>,
}

/// What it is compared with (Stargate's $500bn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    pub name: Text,
    pub package: Text,
    pub currency: String,
    pub amount_bn: Figure,
    pub population_m: Figure,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub text: Text,
    pub speaker: Text,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_ar: Option<String>,
}

/// The story's own (often rounded) figures, kept to show what the rounding does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reported {
    /// The announced total as the story converted it, in the benchmark's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub converted_bn: Option<Figure>,
    /// The story's running total of the itemised pledges, in the subject's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub itemised_bn: Option<Figure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_population_m: Option<Figure>,
    /// "5x fewer people": benchmark population / subject population, as the story says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_multiple: Option<Figure>,
}

/// A caveat a careful reader should know (what "private" hides, pledges against spending).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caveat {
    pub text: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Energy {
    pub capacity_gw: Figure,
    pub exports_twh: Figure,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl Range {
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite() && value >= self.min && value <= self.max
    }
}

/// Slider ranges: what a reader may set, and what a URL parameter may carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ranges {
    pub rate: Range,
    pub subject_population_m: Range,
    pub benchmark_population_m: Range,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub schema_version: u32,
    pub id: String,
    pub title: Text,
    pub sources: BTreeMap<String, Source>,
    pub subject: Subject,
    pub benchmark: Benchmark,
    /// Units of the benchmark's currency per unit of the subject's (US$ per €).
    pub exchange_rate: Figure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
    #[serde(default)]
    pub reported: Reported,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<Energy>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<Caveat>,
    pub ranges: Ranges,
}

/// What is wrong with a dataset, as data, so each language can word it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// Not JSON at all.
    Malformed { line: usize, column: usize, detail: String },
    /// JSON, but not of the dataset's shape (missing or unknown field, wrong type).
    Shape { detail: String },
    UnsupportedVersion { found: u32 },
    Negative { value: f64 },
    NotPositive { value: f64 },
    NotFinite,
    LowAboveHigh { low: f64, high: f64 },
    HalfRange,
    UnknownCurrency { code: String },
    UnknownSource { id: String },
    Duplicate { name: String },
    Empty,
    TooLong { max: usize },
    TooMany { max: usize },
    OutsideRange { value: f64, min: f64, max: f64 },
    BadRange,
    RateMustBeOne,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatasetError {
    /// JSON path such as `subject.pledges[2].low_bn`; empty for the whole document.
    pub path: String,
    #[serde(flatten)]
    pub problem: Problem,
}

impl DatasetError {
    fn new(path: impl Into<String>, problem: Problem) -> Self {
        DatasetError { path: path.into(), problem }
    }
}

impl std::fmt::Display for DatasetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::dataset_error_message(self, crate::Lang::En))
    }
}

impl Dataset {
    /// The embedded default story. It is validated by the test suite, so this cannot fail
    /// in a shipped build; should it ever, the error says why instead of panicking.
    pub fn default_story() -> Result<Dataset, Vec<DatasetError>> {
        Dataset::from_json(DEFAULT_DATASET_JSON)
    }

    /// Parses and validates. Every problem found is reported, not only the first.
    pub fn from_json(json: &str) -> Result<Dataset, Vec<DatasetError>> {
        let mut de = serde_json::Deserializer::from_str(json);
        let parsed: Result<Dataset, _> = serde_path_to_error::deserialize(&mut de);
        let dataset = match parsed {
            Ok(d) => d,
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                let path = if path == "." { String::new() } else { path };
                let problem = match inner.classify() {
                    serde_json::error::Category::Data => Problem::Shape { detail: strip_position(&inner.to_string()) },
                    _ => Problem::Malformed {
                        line: inner.line(),
                        column: inner.column(),
                        detail: strip_position(&inner.to_string()),
                    },
                };
                return Err(vec![DatasetError::new(path, problem)]);
            }
        };
        // Trailing garbage after the document is malformed JSON too.
        if let Err(e) = de.end() {
            return Err(vec![DatasetError::new(
                "",
                Problem::Malformed { line: e.line(), column: e.column(), detail: strip_position(&e.to_string()) },
            )]);
        }
        let errors = dataset.validate();
        if errors.is_empty() {
            Ok(dataset)
        } else {
            Err(errors)
        }
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The pledge whose point the reader chooses (the first with a range), if any.
    pub fn ranged_pledge(&self) -> Option<&Pledge> {
        self.subject.pledges.iter().find(|p| p.is_range())
    }

    pub fn validate(&self) -> Vec<DatasetError> {
        let mut v = Validator { dataset: self, errors: Vec::new() };
        v.run();
        v.errors
    }
}

/// serde_json appends " at line L column C"; the path and our own fields say that already.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

struct Validator<'a> {
    dataset: &'a Dataset,
    errors: Vec<DatasetError>,
}

impl Validator<'_> {
    fn push(&mut self, path: impl Into<String>, problem: Problem) {
        self.errors.push(DatasetError::new(path, problem));
    }

    fn run(&mut self) {
        let d = self.dataset;
        if d.schema_version != 1 {
            self.push("schema_version", Problem::UnsupportedVersion { found: d.schema_version });
        }
        self.label("id", &d.id);
        self.text("title", &d.title);
        for (id, source) in &d.sources {
            let path = format!("sources.{id}");
            self.label(&format!("{path}.publisher"), &source.publisher);
            self.label(&format!("{path}.title"), &source.title);
        }

        let s = &d.subject;
        self.text("subject.name", &s.name);
        self.text("subject.package", &s.package);
        self.currency("subject.currency", &s.currency);
        self.amount("subject.announced_bn", &s.announced_bn);
        self.positive("subject.population_m", &s.population_m);
        if s.pledges.len() > MAX_PLEDGES {
            self.push("subject.pledges", Problem::TooMany { max: MAX_PLEDGES });
        }
        let mut seen: Vec<String> = Vec::new();
        for (i, p) in s.pledges.iter().enumerate() {
            let path = format!("subject.pledges[{i}]");
            self.text(&format!("{path}.name"), &p.name);
            let key = p.name.en.trim().to_lowercase();
            if seen.contains(&key) {
                self.push(format!("{path}.name"), Problem::Duplicate { name: p.name.en.clone() });
            } else {
                seen.push(key);
            }
            self.source_ref(&format!("{path}.source"), &p.source);
            match (p.low_bn, p.high_bn) {
                (None, None) => {}
                (Some(low), Some(high)) => {
                    let ok_low = self.non_negative(&format!("{path}.low_bn"), low);
                    let ok_high = self.non_negative(&format!("{path}.high_bn"), high);
                    if ok_low && ok_high && low > high {
                        self.push(format!("{path}.low_bn"), Problem::LowAboveHigh { low, high });
                    }
                }
                _ => self.push(path, Problem::HalfRange),
            }
        }

        let b = &d.benchmark;
        self.text("benchmark.name", &b.name);
        self.text("benchmark.package", &b.package);
        self.currency("benchmark.currency", &b.currency);
        self.amount("benchmark.amount_bn", &b.amount_bn);
        self.positive("benchmark.population_m", &b.population_m);

        self.positive("exchange_rate", &d.exchange_rate);
        if s.currency == b.currency && d.exchange_rate.value != 1.0 {
            self.push("exchange_rate.value", Problem::RateMustBeOne);
        }

        if let Some(c) = &d.claim {
            self.text("claim.text", &c.text);
            self.text("claim.speaker", &c.speaker);
            self.source_ref("claim.source", &c.source);
        }
        let r = &d.reported;
        for (name, fig) in [
            ("converted_bn", &r.converted_bn),
            ("itemised_bn", &r.itemised_bn),
            ("subject_population_m", &r.subject_population_m),
            ("population_multiple", &r.population_multiple),
        ] {
            if let Some(f) = fig {
                self.positive(&format!("reported.{name}"), f);
            }
        }
        if let Some(e) = &d.energy {
            self.amount("energy.capacity_gw", &e.capacity_gw);
            self.positive("energy.exports_twh", &e.exports_twh);
        }

        for (i, c) in d.caveats.iter().enumerate() {
            self.text(&format!("caveats[{i}].text"), &c.text);
            for (j, id) in c.sources.iter().enumerate() {
                self.source_ref(&format!("caveats[{i}].sources[{j}]"), id);
            }
        }

        let ranges = &d.ranges;
        self.range("ranges.rate", &ranges.rate, d.exchange_rate.value);
        self.range("ranges.subject_population_m", &ranges.subject_population_m, s.population_m.value);
        self.range("ranges.benchmark_population_m", &ranges.benchmark_population_m, b.population_m.value);
    }

    fn label(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(path, Problem::Empty);
        } else if value.chars().count() > MAX_LABEL_CHARS {
            self.push(path, Problem::TooLong { max: MAX_LABEL_CHARS });
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        let max = if path.starts_with("caveats") || path.starts_with("claim") { MAX_SENTENCE_CHARS } else { MAX_LABEL_CHARS };
        for (lang, value) in [("en", Some(&text.en)), ("fr", text.fr.as_ref()), ("ar", text.ar.as_ref())] {
            let Some(v) = value else { continue };
            if lang == "en" && v.trim().is_empty() {
                self.push(format!("{path}.en"), Problem::Empty);
            } else if v.chars().count() > max {
                self.push(format!("{path}.{lang}"), Problem::TooLong { max });
            }
        }
    }

    fn currency(&mut self, path: &str, code: &str) {
        if !CURRENCIES.contains(&code) {
            self.push(path, Problem::UnknownCurrency { code: code.to_string() });
        }
    }

    fn source_ref(&mut self, path: &str, id: &str) {
        if !self.dataset.sources.contains_key(id) {
            self.push(path, Problem::UnknownSource { id: id.to_string() });
        }
    }

    fn finite(&mut self, path: &str, value: f64) -> bool {
        if value.is_finite() {
            true
        } else {
            self.push(path, Problem::NotFinite);
            false
        }
    }

    fn non_negative(&mut self, path: &str, value: f64) -> bool {
        if !self.finite(path, value) {
            return false;
        }
        if value < 0.0 {
            self.push(path, Problem::Negative { value });
            return false;
        }
        true
    }

    /// An amount of money or energy: zero is allowed, negative is not.
    fn amount(&mut self, path: &str, figure: &Figure) {
        self.non_negative(&format!("{path}.value"), figure.value);
        self.source_ref(&format!("{path}.source"), &figure.source);
    }

    /// A population, a rate, a total we divide by: must be above zero.
    fn positive(&mut self, path: &str, figure: &Figure) {
        let vpath = format!("{path}.value");
        if self.finite(&vpath, figure.value) && figure.value <= 0.0 {
            self.push(vpath, Problem::NotPositive { value: figure.value });
        }
        self.source_ref(&format!("{path}.source"), &figure.source);
    }

    fn range(&mut self, path: &str, range: &Range, default: f64) {
        let all_finite = [range.min, range.max, range.step].iter().all(|x| x.is_finite());
        if !all_finite || range.min <= 0.0 || range.min >= range.max || range.step <= 0.0 {
            self.push(path, Problem::BadRange);
        } else if default.is_finite() && !range.contains(default) {
            self.push(path, Problem::OutsideRange { value: default, min: range.min, max: range.max });
        }
    }
}
