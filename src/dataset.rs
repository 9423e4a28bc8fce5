//! The dataset: every figure of a story with its source, parsed from JSON and validated.
//!
//! Parsing never panics; a bad dataset yields a list of [`DatasetError`]s, each naming the JSON
//! path and what is wrong, so a newsroom editing a file sees exactly which line to fix.

use crate::json::{self, Value};
use serde::Serialize;
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    pub en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub publisher: String,
    pub title: String,
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One sourced number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub value: f64,
    /// Key into [`Dataset::sources`].
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The words of the Arabic article this figure comes from, where it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_ar: Option<String>,
}

/// A pledge in billions of the subject's currency: a point (low = high), a range, or named
/// with no amount (both absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pledge {
    pub name: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low_bn: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high_bn: Option<f64>,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subject {
    pub name: Text,
    pub package: Text,
    pub currency: String,
    pub announced_bn: Figure,
    pub population_m: Figure,
    pub pledges: Vec<Pledge>,
}

/// What it is compared with (Stargate's $500bn).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    pub name: Text,
    pub package: Text,
    pub currency: String,
    pub amount_bn: Figure,
    pub population_m: Figure,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub text: Text,
    pub speaker: Text,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_ar: Option<String>,
}

/// The story's own (often rounded) figures, kept to show what the rounding does.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reported {
    /// The announced total as the story converted it, in the benchmark's currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted_bn: Option<Figure>,
    /// The story's running total of the itemised pledges, in the subject's currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub itemised_bn: Option<Figure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_population_m: Option<Figure>,
    /// "5x fewer people": benchmark population / subject population, as the story says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population_multiple: Option<Figure>,
}

/// A caveat a careful reader should know (what "private" hides, pledges against spending).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Caveat {
    pub text: Text,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Energy {
    pub capacity_gw: Figure,
    pub exports_twh: Figure,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranges {
    pub rate: Range,
    pub subject_population_m: Range,
    pub benchmark_population_m: Range,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    pub schema_version: u32,
    pub id: String,
    pub title: Text,
    pub sources: BTreeMap<String, Source>,
    pub subject: Subject,
    pub benchmark: Benchmark,
    /// Units of the benchmark's currency per unit of the subject's (US$ per €).
    pub exchange_rate: Figure,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
    #[serde(skip_serializing_if = "is_default")]
    pub reported: Reported,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub energy: Option<Energy>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
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
    pub fn from_json(text: &str) -> Result<Dataset, Vec<DatasetError>> {
        let value = json::parse(text).map_err(|e| {
            vec![DatasetError::new(
                "",
                Problem::Malformed { line: e.line, column: e.column, detail: e.message.to_string() },
            )]
        })?;
        let mut reader = Reader { errors: Vec::new() };
        let dataset = reader.dataset(&value);
        match dataset {
            Some(d) if reader.errors.is_empty() => {
                let errors = d.validate();
                if errors.is_empty() {
                    Ok(d)
                } else {
                    Err(errors)
                }
            }
            _ => Err(reader.errors),
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

fn is_default(r: &Reported) -> bool {
    *r == Reported::default()
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Reads the dataset out of a JSON value, naming the path of every shape problem: a missing
/// or unknown field, a value of the wrong kind. Semantic checks come after, in `validate`.
struct Reader {
    errors: Vec<DatasetError>,
}

type Members<'v> = &'v [(String, Value)];

impl Reader {
    fn shape(&mut self, path: &str, detail: String) {
        self.errors.push(DatasetError::new(path, Problem::Shape { detail }));
    }

    /// The members of an object, refusing keys it does not know (a typo must not pass silently).
    fn object<'v>(&mut self, v: &'v Value, path: &str, allowed: &[&str]) -> Option<Members<'v>> {
        let Value::Object(members) = v else {
            self.shape(path, format!("expected an object, found {}", v.kind()));
            return None;
        };
        for (key, _) in members {
            if !allowed.contains(&key.as_str()) {
                let expected: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
                self.shape(&join(path, key), format!("unknown field `{key}`, expected one of {}", expected.join(", ")));
            }
        }
        Some(members)
    }

    fn optional<'v>(&mut self, m: Members<'v>, key: &str) -> Option<&'v Value> {
        m.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Value::Null)
    }

    fn required<'v>(&mut self, m: Members<'v>, path: &str, key: &str) -> Option<&'v Value> {
        let v = self.optional(m, key);
        if v.is_none() {
            self.shape(path, format!("missing field `{key}`"));
        }
        v
    }

    fn number(&mut self, v: &Value, path: &str) -> Option<f64> {
        match v {
            Value::Number(n) => Some(*n),
            other => {
                self.shape(path, format!("expected a number, found {}", other.kind()));
                None
            }
        }
    }

    fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                self.shape(path, format!("expected a string, found {}", other.kind()));
                None
            }
        }
    }

    fn req_number(&mut self, m: Members, path: &str, key: &str) -> Option<f64> {
        let v = self.required(m, path, key)?;
        self.number(v, &join(path, key))
    }

    fn opt_number(&mut self, m: Members, path: &str, key: &str) -> Option<f64> {
        let v = self.optional(m, key)?;
        self.number(v, &join(path, key))
    }

    fn req_string(&mut self, m: Members, path: &str, key: &str) -> Option<String> {
        let v = self.required(m, path, key)?;
        self.string(v, &join(path, key))
    }

    fn opt_string(&mut self, m: Members, path: &str, key: &str) -> Option<String> {
        let v = self.optional(m, key)?;
        self.string(v, &join(path, key))
    }

    fn text(&mut self, v: &Value, path: &str) -> Option<Text> {
        let m = self.object(v, path, &["en", "fr", "ar"])?;
        let en = self.req_string(m, path, "en");
        let fr = self.opt_string(m, path, "fr");
        let ar = self.opt_string(m, path, "ar");
        Some(Text { en: en?, fr, ar })
    }

    fn req_text(&mut self, m: Members, path: &str, key: &str) -> Option<Text> {
        let v = self.required(m, path, key)?;
        self.text(v, &join(path, key))
    }

    fn figure(&mut self, v: &Value, path: &str) -> Option<Figure> {
        let m = self.object(v, path, &["value", "source", "as_of", "quote_ar"])?;
        let value = self.req_number(m, path, "value");
        let source = self.req_string(m, path, "source");
        let as_of = self.opt_string(m, path, "as_of");
        let quote_ar = self.opt_string(m, path, "quote_ar");
        Some(Figure { value: value?, source: source?, as_of, quote_ar })
    }

    fn req_figure(&mut self, m: Members, path: &str, key: &str) -> Option<Figure> {
        let v = self.required(m, path, key)?;
        self.figure(v, &join(path, key))
    }

    fn opt_figure(&mut self, m: Members, path: &str, key: &str) -> Option<Figure> {
        let v = self.optional(m, key)?;
        self.figure(v, &join(path, key))
    }

    fn list<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v [Value]> {
        match v {
            Value::Array(items) => Some(items),
            other => {
                self.shape(path, format!("expected a list, found {}", other.kind()));
                None
            }
        }
    }

    fn range(&mut self, m: Members, path: &str, key: &str) -> Option<Range> {
        let v = self.required(m, path, key)?;
        let path = join(path, key);
        let m = self.object(v, &path, &["min", "max", "step"])?;
        let (min, max, step) = (self.req_number(m, &path, "min"), self.req_number(m, &path, "max"), self.req_number(m, &path, "step"));
        Some(Range { min: min?, max: max?, step: step? })
    }

    fn dataset(&mut self, v: &Value) -> Option<Dataset> {
        let m = self.object(
            v,
            "",
            &["schema_version", "id", "title", "sources", "subject", "benchmark", "exchange_rate", "claim", "reported", "energy", "caveats", "ranges"],
        )?;
        let schema_version = self.req_number(m, "", "schema_version");
        let id = self.req_string(m, "", "id");
        let title = self.req_text(m, "", "title");

        let mut sources = BTreeMap::new();
        match self.required(m, "", "sources") {
            None => {}
            Some(Value::Object(members)) => {
                // Source ids are free: any key names a source.
                for (key, source) in members {
                    let path = format!("sources.{key}");
                    let Some(sm) = self.object(source, &path, &["publisher", "title", "date", "url", "note"]) else { continue };
                    let (publisher, title, date) = (self.req_string(sm, &path, "publisher"), self.req_string(sm, &path, "title"), self.req_string(sm, &path, "date"));
                    let (url, note) = (self.opt_string(sm, &path, "url"), self.opt_string(sm, &path, "note"));
                    if let (Some(publisher), Some(title), Some(date)) = (publisher, title, date) {
                        sources.insert(key.clone(), Source { publisher, title, date, url, note });
                    }
                }
            }
            Some(other) => self.shape("sources", format!("expected an object, found {}", other.kind())),
        }

        let subject = self.required(m, "", "subject").and_then(|v| self.subject(v));
        let benchmark = self.required(m, "", "benchmark").and_then(|v| {
            let path = "benchmark";
            let m = self.object(v, path, &["name", "package", "currency", "amount_bn", "population_m"])?;
            let (name, package) = (self.req_text(m, path, "name"), self.req_text(m, path, "package"));
            let currency = self.req_string(m, path, "currency");
            let (amount_bn, population_m) = (self.req_figure(m, path, "amount_bn"), self.req_figure(m, path, "population_m"));
            Some(Benchmark { name: name?, package: package?, currency: currency?, amount_bn: amount_bn?, population_m: population_m? })
        });
        let exchange_rate = self.req_figure(m, "", "exchange_rate");
        let claim = self.optional(m, "claim").and_then(|v| {
            let path = "claim";
            let m = self.object(v, path, &["text", "speaker", "source", "as_of", "quote_ar"])?;
            let (text, speaker) = (self.req_text(m, path, "text"), self.req_text(m, path, "speaker"));
            let source = self.req_string(m, path, "source");
            let (as_of, quote_ar) = (self.opt_string(m, path, "as_of"), self.opt_string(m, path, "quote_ar"));
            Some(Claim { text: text?, speaker: speaker?, source: source?, as_of, quote_ar })
        });
        let reported = match self.optional(m, "reported") {
            None => Reported::default(),
            Some(v) => {
                let path = "reported";
                match self.object(v, path, &["converted_bn", "itemised_bn", "subject_population_m", "population_multiple"]) {
                    None => Reported::default(),
                    Some(m) => Reported {
                        converted_bn: self.opt_figure(m, path, "converted_bn"),
                        itemised_bn: self.opt_figure(m, path, "itemised_bn"),
                        subject_population_m: self.opt_figure(m, path, "subject_population_m"),
                        population_multiple: self.opt_figure(m, path, "population_multiple"),
                    },
                }
            }
        };
        let energy = self.optional(m, "energy").and_then(|v| {
            let m = self.object(v, "energy", &["capacity_gw", "exports_twh"])?;
            let (capacity_gw, exports_twh) = (self.req_figure(m, "energy", "capacity_gw"), self.req_figure(m, "energy", "exports_twh"));
            Some(Energy { capacity_gw: capacity_gw?, exports_twh: exports_twh? })
        });
        let mut caveats = Vec::new();
        if let Some(items) = self.optional(m, "caveats").and_then(|v| self.list(v, "caveats")) {
            for (i, item) in items.iter().enumerate() {
                let path = format!("caveats[{i}]");
                let Some(cm) = self.object(item, &path, &["text", "sources"]) else { continue };
                let text = self.req_text(cm, &path, "text");
                let ids = self.required(cm, &path, "sources").and_then(|v| self.list(v, &join(&path, "sources")));
                let ids: Vec<String> = ids
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .filter_map(|(j, id)| self.string(id, &format!("{path}.sources[{j}]")))
                    .collect();
                if let Some(text) = text {
                    caveats.push(Caveat { text, sources: ids });
                }
            }
        }
        let ranges = self.required(m, "", "ranges").and_then(|v| {
            let m = self.object(v, "ranges", &["rate", "subject_population_m", "benchmark_population_m"])?;
            let (rate, s, b) = (self.range(m, "ranges", "rate"), self.range(m, "ranges", "subject_population_m"), self.range(m, "ranges", "benchmark_population_m"));
            Some(Ranges { rate: rate?, subject_population_m: s?, benchmark_population_m: b? })
        });

        // A version that is not a small whole number is reported by `validate` as unsupported.
        let version = schema_version.map(|v| if v.fract() == 0.0 && (0.0..=1e6).contains(&v) { v as u32 } else { u32::MAX });
        Some(Dataset {
            schema_version: version?,
            id: id?,
            title: title?,
            sources,
            subject: subject?,
            benchmark: benchmark?,
            exchange_rate: exchange_rate?,
            claim,
            reported,
            energy,
            caveats,
            ranges: ranges?,
        })
    }

    fn subject(&mut self, v: &Value) -> Option<Subject> {
        let path = "subject";
        let m = self.object(v, path, &["name", "package", "currency", "announced_bn", "population_m", "pledges"])?;
        let (name, package) = (self.req_text(m, path, "name"), self.req_text(m, path, "package"));
        let currency = self.req_string(m, path, "currency");
        let (announced_bn, population_m) = (self.req_figure(m, path, "announced_bn"), self.req_figure(m, path, "population_m"));
        let mut pledges = Vec::new();
        let items = self.required(m, path, "pledges").and_then(|v| self.list(v, "subject.pledges"));
        let items = items?;
        for (i, item) in items.iter().enumerate() {
            let path = format!("subject.pledges[{i}]");
            let Some(pm) = self.object(item, &path, &["name", "low_bn", "high_bn", "source", "as_of", "quote_ar"]) else { continue };
            let name = self.req_text(pm, &path, "name");
            let (low_bn, high_bn) = (self.opt_number(pm, &path, "low_bn"), self.opt_number(pm, &path, "high_bn"));
            let source = self.req_string(pm, &path, "source");
            let (as_of, quote_ar) = (self.opt_string(pm, &path, "as_of"), self.opt_string(pm, &path, "quote_ar"));
            if let (Some(name), Some(source)) = (name, source) {
                pledges.push(Pledge { name, low_bn, high_bn, source, as_of, quote_ar });
            }
        }
        Some(Subject { name: name?, package: package?, currency: currency?, announced_bn: announced_bn?, population_m: population_m?, pledges })
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
            // Case-insensitive for ASCII ("Brookfield" and "brookfield" are twins).
            let key = p.name.en.trim().to_ascii_lowercase();
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
