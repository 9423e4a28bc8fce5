//! The dataset: every figure of a story with its source. The types are here; `read.rs` reads
//! them from JSON and `validate.rs` checks what they mean (both only with the `dataset-reader`
//! feature); `default_story.rs` is the shipped story compiled in.
//!
//! Reading never panics; a bad dataset yields a list of [`DatasetError`]s, each naming the JSON
//! path and what is wrong, so a newsroom editing a file sees exactly which line to fix.

use serde::Serialize;
use std::borrow::Cow;

/// Text in a dataset: borrowed from the program for the compiled-in story (no code builds it:
/// it is data in the wasm), owned when read from JSON.
pub type Str = Cow<'static, str>;
/// A list in a dataset, borrowed or owned as [`Str`].
pub type List<T> = Cow<'static, [T]>;

#[cfg(not(feature = "regenerate"))]
#[rustfmt::skip] // generated, in the generator's own layout
mod default_story;
#[cfg(feature = "dataset-reader")]
mod read;
#[cfg(feature = "dataset-reader")]
mod validate;

/// The shipped story as JSON: what `default_story.rs` is generated from, and what the CLI prints.
pub const DEFAULT_DATASET_JSON: &str = include_str!("../../data/france-2025.json");

/// Currencies the formatter knows symbols and names for.
pub const CURRENCIES: &[&str] = &["EUR", "USD", "GBP", "AED", "CAD", "JPY", "CNY"];

/// Labels longer than this would break every layout; they are refused.
pub const MAX_LABEL_CHARS: usize = 160;
/// Caveats and claims are sentences, not labels.
pub const MAX_SENTENCE_CHARS: usize = 600;
/// More pledges than this cannot be told apart in a stacked bar.
pub const MAX_PLEDGES: usize = 40;
/// The horizon a package may be spread over, in years (the reader's slider and the data).
pub const HORIZON_YEARS: Range = Range {
    min: 1.0,
    max: 10.0,
    step: 1.0,
};

/// A string in the reader's language; English is required and is the fallback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    pub en: Str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fr: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ar: Option<Str>,
}

impl Text {
    /// The language of the words [`get`](Self::get) gives for `lang` (English when `lang`'s
    /// are missing), so a page marks words in another language.
    pub fn shown_lang(&self, lang: crate::lang::Lang) -> crate::lang::Lang {
        let has = match lang {
            crate::lang::Lang::En => true,
            crate::lang::Lang::Fr => self.fr.as_deref().is_some_and(|s| !s.trim().is_empty()),
            crate::lang::Lang::Ar => self.ar.as_deref().is_some_and(|s| !s.trim().is_empty()),
        };
        if has {
            lang
        } else {
            crate::lang::Lang::En
        }
    }

    pub fn get(&self, lang: crate::lang::Lang) -> &str {
        let localized = match lang {
            crate::lang::Lang::En => None,
            crate::lang::Lang::Fr => self.fr.as_deref(),
            crate::lang::Lang::Ar => self.ar.as_deref(),
        };
        localized
            .filter(|s| !s.trim().is_empty())
            .unwrap_or(&self.en)
    }
}

impl Text {
    /// Where `lang`'s words go (English, required, has no slot).
    fn slot_mut(&mut self, lang: crate::lang::Lang) -> Option<&mut Option<Str>> {
        match lang {
            crate::lang::Lang::En => None,
            crate::lang::Lang::Fr => Some(&mut self.fr),
            crate::lang::Lang::Ar => Some(&mut self.ar),
        }
    }

    /// `lang`'s words as the dataset has them, without falling back to English.
    pub fn exact(&self, lang: crate::lang::Lang) -> Option<&str> {
        match lang {
            crate::lang::Lang::En => Some(&self.en),
            crate::lang::Lang::Fr => self.fr.as_deref(),
            crate::lang::Lang::Ar => self.ar.as_deref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub publisher: Str,
    pub title: Str,
    pub date: Str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Str>,
    /// The language of the title (`en`, `fr`, `ar`), so a page in another language marks it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Str>,
    /// The publisher as each language writes it ("Banque centrale européenne"); `publisher`
    /// where a language has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher_names: Option<Text>,
    /// What the source is, when it has no headline to quote (an agency report, a transcript):
    /// shown in the reader's language as plain text instead of the quoted `title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

impl Source {
    /// The publisher's name in `lang`.
    pub fn publisher_in(&self, lang: crate::lang::Lang) -> &str {
        match &self.publisher_names {
            Some(names) => names.get(lang),
            None => &self.publisher,
        }
    }
}

/// One sourced number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub value: f64,
    /// Key into [`Dataset::sources`].
    pub source: Str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Str>,
    /// The words of the Arabic article this figure comes from, where it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_ar: Option<Str>,
}

/// Whose money a pledge is: the article calls the whole package private.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PledgeKind {
    Private,
    /// Owned by a state (Bpifrance).
    StateOwned,
    /// A fund backed by a state (MGX, Abu Dhabi).
    StateBacked,
}

impl PledgeKind {
    pub const ALL: [PledgeKind; 3] = [
        PledgeKind::Private,
        PledgeKind::StateOwned,
        PledgeKind::StateBacked,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PledgeKind::Private => "private",
            PledgeKind::StateOwned => "state_owned",
            PledgeKind::StateBacked => "state_backed",
        }
    }

    pub fn parse(name: &str) -> Option<PledgeKind> {
        PledgeKind::ALL.into_iter().find(|k| k.name() == name)
    }
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
    pub source: Str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_ar: Option<Str>,
    /// Whose money it is, with the source that says so (`kind_source`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<PledgeKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind_source: Option<Str>,
    /// The year by which the pledge is to be invested ("by 2030"), with its source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_year: Option<Figure>,
    /// The name as running text writes it, with its article ("the UAE (MGX)", « les Émirats
    /// arabes unis (MGX) »), where that differs from the label (`name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_text: Option<Text>,
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
    /// Counted as private money: what the dataset says, private when it does not say.
    pub fn is_private(&self) -> bool {
        self.kind.is_none_or(|k| k == PledgeKind::Private)
    }
    /// The name as running text writes it in `lang` (`in_text`, else the label).
    pub fn name_in_text(&self, lang: crate::lang::Lang) -> &str {
        match &self.in_text {
            Some(t) => t.get(lang),
            None => self.name.get(lang),
        }
    }
}

/// The package being checked (France's €109bn).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subject {
    pub name: Text,
    pub package: Text,
    pub currency: Str,
    pub announced_bn: Figure,
    pub population_m: Figure,
    pub pledges: List<Pledge>,
    /// Gross domestic product in billions of the subject's currency, for the GDP yardstick.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gdp_bn: Option<Figure>,
    /// The name and package joined to a preposition, where the language's rule would get it
    /// wrong (`src/grammar.rs`): French "de Hambourg", not "d’Hambourg".
    #[serde(skip_serializing_if = "<[_]>::is_empty", serialize_with = "forms_as_map")]
    pub forms: List<NameForm>,
}

/// Writes forms as the JSON has them: `{ "fr": { "de_name": "…" } }`.
fn forms_as_map<S: serde::Serializer>(forms: &List<NameForm>, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    struct Keys<'a>(Vec<&'a NameForm>);
    impl Serialize for Keys<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut m = serializer.serialize_map(Some(self.0.len()))?;
            for f in &self.0 {
                m.serialize_entry(f.key.as_ref(), f.text.as_ref())?;
            }
            m.end()
        }
    }
    let mut langs: Vec<&str> = Vec::new();
    for f in forms.iter() {
        if !langs.contains(&f.lang.as_ref()) {
            langs.push(&f.lang);
        }
    }
    let mut m = serializer.serialize_map(Some(langs.len()))?;
    for lang in langs {
        m.serialize_entry(lang, &Keys(forms.iter().filter(|f| f.lang == lang).collect()))?;
    }
    m.end()
}

/// One form of a name joined to a preposition: `lang` "fr", `key` "de_name" or "de_package"
/// (a prefix of `grammar::PREFIXES` the language has, then which name), `text` the words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameForm {
    pub lang: Str,
    pub key: Str,
    pub text: Str,
}

/// The dataset's form of `which` ("name" or "package") after `prefix` in `lang`, if it gives one.
pub fn name_form<'a>(forms: &'a [NameForm], lang: crate::lang::Lang, prefix: &str, which: &str) -> Option<&'a str> {
    forms
        .iter()
        .find(|f| {
            f.lang == lang.code()
                && f.key.split_once('_').is_some_and(|(p, w)| p == prefix && w == which)
        })
        .map(|f| f.text.as_ref())
}

/// What it is compared with (Stargate's $500bn).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    pub name: Text,
    pub package: Text,
    pub currency: Str,
    pub amount_bn: Figure,
    pub population_m: Figure,
    /// Gross domestic product in billions of the benchmark's currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gdp_bn: Option<Figure>,
    /// Over how many years the benchmark is to be invested (Stargate: four).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizon_years: Option<Figure>,
    /// As [`Subject::forms`].
    #[serde(skip_serializing_if = "<[_]>::is_empty", serialize_with = "forms_as_map")]
    pub forms: List<NameForm>,
    /// What the benchmark is, in a few words, for the first screen ("OpenAI and SoftBank’s
    /// project for AI data centres in the United States, over four years").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub text: Text,
    pub speaker: Text,
    pub source: Str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_ar: Option<Str>,
    /// In which languages the text is the speaker's words as a source reports them, and which
    /// source; in a language not listed the text is a translation, and the page says so.
    /// Absent: every language's text is from `source`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quoted_in: Option<QuotedIn>,
    /// What the claim asserts of the two figures: `same` (about equal: Macron's "the same
    /// ratio"; the default) or `at_least` (the subject's is at least the benchmark's: the
    /// Élysée's "even in our favour"), so its verdict answers the claim that was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub asserts: Option<Str>,
    /// The language the speaker spoke (`fr`): a text in another language is a translation,
    /// even where a source printed it (then "as translated by" that source).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spoken_in: Option<Str>,
}

/// What a claim asserts (see [`Claim::asserts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Asserts {
    Same,
    AtLeast,
}

impl Asserts {
    pub const NAMES: [&'static str; 2] = ["same", "at_least"];
    pub fn parse(s: &str) -> Option<Asserts> {
        match s {
            "same" => Some(Asserts::Same),
            "at_least" => Some(Asserts::AtLeast),
            _ => None,
        }
    }
}

/// A source id per language (see [`Claim::quoted_in`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuotedIn {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fr: Option<Str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ar: Option<Str>,
}

impl QuotedIn {
    pub fn get(&self, lang: crate::lang::Lang) -> Option<&str> {
        match lang {
            crate::lang::Lang::En => self.en.as_deref(),
            crate::lang::Lang::Fr => self.fr.as_deref(),
            crate::lang::Lang::Ar => self.ar.as_deref(),
        }
    }
}

impl Claim {
    /// The source of the words shown in `lang`, and whether they are a translation.
    /// What the claim asserts (`same` unless the dataset says otherwise).
    pub fn assertion(&self) -> Asserts {
        self.asserts.as_deref().and_then(Asserts::parse).unwrap_or(Asserts::Same)
    }

    /// Whether the words shown in `lang` are a translation of what the speaker said, and the
    /// source that printed that translation when one did (TechCrunch's English of Macron).
    pub fn translated_by(&self, lang: crate::lang::Lang) -> Option<Option<&str>> {
        let shown = self.text.shown_lang(lang);
        let (source, translated) = self.quoted(lang);
        let spoken = self.spoken_in.as_deref().and_then(crate::lang::Lang::parse);
        match (translated, spoken) {
            (true, _) => Some(None),
            (false, Some(spoken)) if spoken != shown => Some(Some(source)),
            _ => None,
        }
    }

    pub fn quoted(&self, lang: crate::lang::Lang) -> (&str, bool) {
        let shown = self.text.shown_lang(lang);
        match &self.quoted_in {
            None => (&self.source, false),
            Some(q) => match q.get(shown) {
                Some(id) => (id, false),
                None => (&self.source, true),
            },
        }
    }
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
    pub sources: List<Str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Energy {
    pub capacity_gw: Figure,
    pub exports_twh: Figure,
    /// What is reported for a first phase (250 MW by the end of 2026), `as_of` its date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_phase_gw: Option<Figure>,
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

/// The sources by id, in the order of their ids; figures name them in their `source`.
#[derive(Debug, Clone, PartialEq)]
pub struct Sources(pub List<(Str, Source)>);

impl Sources {
    /// From (id, source) pairs in any order (ids are unique: the JSON parser refuses a key
    /// written twice).
    pub fn new(mut pairs: Vec<(Str, Source)>) -> Sources {
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        Sources(pairs.into())
    }
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, s)| s)
    }
    pub fn contains_key(&self, id: &str) -> bool {
        self.get(id).is_some()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Source)> {
        self.0.iter().map(|(k, s)| (k.as_ref(), s))
    }
}

/// As a JSON object (id → source), the dataset format's shape.
impl Serialize for Sources {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
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
    pub id: Str,
    pub title: Text,
    pub sources: Sources,
    pub subject: Subject,
    pub benchmark: Benchmark,
    /// Units of the benchmark's currency per unit of the subject's (US$ per €).
    pub exchange_rate: Figure,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
    /// A second claim, by share of GDP (the Élysée's "even in our favour").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gdp_claim: Option<Claim>,
    #[serde(skip_serializing_if = "is_default")]
    pub reported: Reported,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub energy: Option<Energy>,
    #[serde(skip_serializing_if = "<[Caveat]>::is_empty")]
    pub caveats: List<Caveat>,
    pub ranges: Ranges,
}

/// What is wrong with a dataset, as data, so each language can word it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// Not JSON at all.
    Malformed {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A field the format does not have there (a typo, or from a newer format); the path
    /// names it, `expected` lists the fields that place has.
    UnknownField {
        expected: Vec<String>,
    },
    /// A required field is absent (or null); the path names the field itself.
    Missing,
    /// A value of the wrong kind: text where a number belongs.
    WrongType {
        expected: Kind,
        found: Kind,
    },
    UnsupportedVersion {
        found: u32,
    },
    Negative {
        value: f64,
    },
    NotPositive {
        value: f64,
    },
    NotFinite,
    LowAboveHigh {
        low: f64,
        high: f64,
    },
    HalfRange,
    UnknownCurrency {
        code: String,
    },
    UnknownSource {
        id: String,
    },
    /// A language code the explainer does not speak.
    UnknownLanguage {
        code: String,
    },
    UnknownKind {
        found: String,
    },
    MissingKindSource,
    /// A claim's `asserts` that is neither `same` nor `at_least`.
    UnknownAssertion {
        found: String,
    },
    /// A "by" year that is not a whole year between 1900 and 2200.
    NotAYear {
        value: f64,
    },
    Duplicate {
        name: String,
    },
    Empty,
    TooLong {
        max: usize,
    },
    TooMany {
        max: usize,
    },
    OutsideRange {
        value: f64,
        min: f64,
        max: f64,
    },
    BadRange,
    RateMustBeOne,
}

impl Problem {
    /// A stable name for the kind of problem (`missing`, `wrong_type`…), for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Malformed { .. } => "malformed",
            Problem::UnknownField { .. } => "unknown_field",
            Problem::UnknownLanguage { .. } => "unknown_language",
            Problem::Missing => "missing",
            Problem::WrongType { .. } => "wrong_type",
            Problem::UnsupportedVersion { .. } => "unsupported_version",
            Problem::Negative { .. } => "negative",
            Problem::NotPositive { .. } => "not_positive",
            Problem::NotFinite => "not_finite",
            Problem::LowAboveHigh { .. } => "low_above_high",
            Problem::HalfRange => "half_range",
            Problem::UnknownCurrency { .. } => "unknown_currency",
            Problem::UnknownSource { .. } => "unknown_source",
            Problem::UnknownKind { .. } => "unknown_kind",
            Problem::MissingKindSource => "missing_kind_source",
            Problem::UnknownAssertion { .. } => "unknown_assertion",
            Problem::NotAYear { .. } => "not_a_year",
            Problem::Duplicate { .. } => "duplicate",
            Problem::Empty => "empty",
            Problem::TooLong { .. } => "too_long",
            Problem::TooMany { .. } => "too_many",
            Problem::OutsideRange { .. } => "outside_range",
            Problem::BadRange => "bad_range",
            Problem::RateMustBeOne => "rate_must_be_one",
        }
    }
}

/// The kinds of JSON value, for [`Problem::WrongType`]: each language names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatasetError {
    /// JSON path such as `subject.pledges[2].low_bn`; empty for the whole document.
    pub path: String,
    #[serde(flatten)]
    pub problem: Problem,
}

impl DatasetError {
    #[cfg(feature = "dataset-reader")]
    pub(crate) fn new(path: impl Into<String>, problem: Problem) -> Self {
        DatasetError {
            path: path.into(),
            problem,
        }
    }
}

impl Dataset {
    /// The story shipped with the explainer, compiled in as a `static` (`default_story.rs`,
    /// generated from `data/france-2025.json` and checked against it by `tests/default_story.rs`):
    /// no JSON reading at start, and no reader in the page's default build.
    pub fn default_story() -> Dataset {
        // A copy of borrowed data: pointers, no text copied.
        #[cfg(not(feature = "regenerate"))]
        return default_story::DATASET.clone();
        // Only while regenerating default_story.rs (when it no longer compiles after a change
        // to these types): read the JSON instead. Never in a shipped build.
        #[cfg(feature = "regenerate")]
        return Dataset::from_json(DEFAULT_DATASET_JSON)
            .unwrap_or_else(|e| panic!("data/france-2025.json: {e:?}"));
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Every text a reader reads in their language, in one fixed order: how a language pack
    /// carries the shipped story's French or Arabic to the page's wasm, which has them not
    /// (`i18n::pack` lists them, [`Dataset::fill_texts`] puts them back). Mutable, so that one
    /// list serves both; a borrowed story's pledges and caveats are copied (a few pointers).
    pub fn texts_mut(&mut self) -> Vec<&mut Text> {
        let (s, b) = (&mut self.subject, &mut self.benchmark);
        let mut out = vec![
            &mut self.title,
            &mut s.name,
            &mut s.package,
            &mut b.name,
            &mut b.package,
        ];
        for p in s.pledges.to_mut().iter_mut() {
            out.push(&mut p.name);
            out.extend(p.in_text.as_mut());
        }
        out.extend(b.about.as_mut());
        for claim in [&mut self.claim, &mut self.gdp_claim].into_iter().flatten() {
            out.extend([&mut claim.text, &mut claim.speaker]);
        }
        out.extend(self.caveats.to_mut().iter_mut().map(|c| &mut c.text));
        for (_, source) in self.sources.0.to_mut().iter_mut() {
            out.extend(source.publisher_names.as_mut());
            out.extend(source.description.as_mut());
        }
        out
    }

    /// How many [`Dataset::texts_mut`] there are (without listing them).
    pub fn text_count(&self) -> usize {
        let claims = usize::from(self.claim.is_some()) + usize::from(self.gdp_claim.is_some());
        let pledges: usize = self.subject.pledges.iter().map(|p| 1 + usize::from(p.in_text.is_some())).sum();
        let sources: usize = self
            .sources
            .0
            .iter()
            .map(|(_, s)| usize::from(s.publisher_names.is_some()) + usize::from(s.description.is_some()))
            .sum();
        5 + pledges + usize::from(self.benchmark.about.is_some()) + 2 * claims + self.caveats.len() + sources
    }

    /// Gives `lang`'s words, in the order of [`Dataset::texts_mut`] (empty: none), to the texts
    /// that have none in that language. Nothing changes unless there is one per text.
    pub fn fill_texts(&mut self, lang: crate::lang::Lang, words: &[&'static str]) {
        if words.len() != self.text_count() {
            return;
        }
        for (text, word) in self.texts_mut().into_iter().zip(words) {
            if let Some(slot @ None) = text.slot_mut(lang) {
                if !word.is_empty() {
                    *slot = Some(Cow::Borrowed(word));
                }
            }
        }
    }

    /// The pledge whose point the reader chooses (the first with a range), if any.
    pub fn ranged_pledge(&self) -> Option<&Pledge> {
        self.subject.pledges.iter().find(|p| p.is_range())
    }

    /// The investors named without an amount (Orange, Thales), in `lang`.
    pub fn names_without_amount(&self, lang: crate::lang::Lang) -> Vec<&str> {
        self.subject
            .pledges
            .iter()
            .filter(|p| p.amount().is_none())
            .map(|p| p.name.get(lang))
            .collect()
    }

    /// Over how many years the benchmark is to be invested, when the dataset says.
    pub fn benchmark_years(&self) -> Option<f64> {
        self.benchmark.horizon_years.as_ref().map(|y| y.value)
    }

    /// Whether both sides have a GDP: the GDP yardstick needs both.
    pub fn has_gdp(&self) -> bool {
        self.subject.gdp_bn.is_some() && self.benchmark.gdp_bn.is_some()
    }

    /// Whether any pledge is marked as not private: the "private money only" toggle needs one.
    pub fn has_pledge_kinds(&self) -> bool {
        self.subject.pledges.iter().any(|p| !p.is_private())
    }

    /// The year the package was announced (from its `as_of`), for pledges' "by" years.
    pub fn announced_year(&self) -> Option<f64> {
        let as_of = self.subject.announced_bn.as_of.as_deref()?;
        let year = as_of.get(..4)?;
        year.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| crate::decimal::parse(year))
            .flatten()
    }
}

fn is_default(r: &Reported) -> bool {
    *r == Reported::default()
}
