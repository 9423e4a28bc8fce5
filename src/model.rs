//! The arithmetic of the story: aggregates with ranges, conversions, per-person comparisons,
//! the values that would make the claim exactly true, and the energy angle.
//!
//! Pure functions of (dataset, assumptions). Nothing here can panic or return NaN: divisions by
//! zero become `None`, and assumptions are checked against the dataset's ranges first.

use crate::dataset::{Dataset, Range, HORIZON_YEARS};
use serde::Serialize;

/// Hours in a (non-leap) year: 1 GW running all year is 8.76 TWh.
pub const HOURS_PER_YEAR: f64 = 8760.0;

/// What the reader may change. Populations in millions, the rate in benchmark currency per
/// subject currency (US$ per €), the ranged pledge's point in billions of the subject currency.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Assumptions {
    // The serde names are the public JSON keys (`assumptions` of the CLI's summary).
    #[serde(rename = "eurusd")]
    pub rate: f64,
    #[serde(rename = "pop_fr_m")]
    pub subject_population_m: f64,
    #[serde(rename = "pop_us_m")]
    pub benchmark_population_m: f64,
    /// Where the ranged pledge (the UAE's €30–50bn) sits; `None` when the dataset has none.
    #[serde(rename = "uae_eur_bn")]
    pub ranged_pledge_bn: Option<f64>,
    /// Share of the year the pledged capacity runs at full power (1.0 = all year).
    pub load_factor: f64,
    /// GDPs in billions of each side's own currency; `None` when the dataset has none.
    #[serde(rename = "gdp_fr_bn")]
    pub subject_gdp_bn: Option<f64>,
    #[serde(rename = "gdp_us_bn")]
    pub benchmark_gdp_bn: Option<f64>,
    /// Over how many years the subject's package is spread; `None` when the dataset gives no
    /// horizon for the benchmark (then totals are compared, as the story does).
    #[serde(rename = "years_fr")]
    pub subject_years: Option<f64>,
    /// Count only pledges the dataset marks as private.
    pub private_only: bool,
    /// The yardstick of the comparison: per person (the claim) or share of GDP.
    pub by_gdp: bool,
}

/// The assumptions a reader can set. Each is declared once, in [`KNOBS`]: everything else
/// (the URL, the CLI's flags and usage, the charts' redraw keys, the page's and the embed
/// script's lists of parameters) is read from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Knob {
    /// The exchange rate, benchmark currency per subject currency (`eurusd`).
    Rate,
    SubjectPopulation,
    BenchmarkPopulation,
    /// Where the ranged pledge sits within its range (`uae`).
    RangedPledge,
    LoadFactor,
    /// Over how many years the subject's package is spread (`years_fr`).
    SubjectYears,
    /// 1 compares by share of GDP, 0 per person (in URLs: `gdp` or `person`).
    Yardstick,
    SubjectGdp,
    BenchmarkGdp,
    /// 1 counts private money only, 0 everything announced.
    PrivateOnly,
}

/// How a knob's value is written for the reader (the formatter `report` applies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// An exchange rate, benchmark currency per subject currency.
    Rate,
    /// Millions of people.
    Millions,
    /// A number of years.
    Years,
    /// Billions of the subject's currency, or of the benchmark's.
    SubjectMoney,
    BenchmarkMoney,
    /// A share (0.6 = 60%).
    Share,
}

/// How the reader sets a knob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// A slider over the knob's range.
    Slider(Unit),
    /// 0 or 1. `words` are what it takes in a URL besides 0 and 1 (off, on); a switch without
    /// words is a bare flag on the CLI (`--private-only`).
    Switch {
        words: Option<(&'static str, &'static str)>,
    },
}

/// Everything about one knob, in one place.
pub struct KnobSpec {
    pub knob: Knob,
    /// The URL parameter; the CLI flag and the embed attribute are the same with `-` for `_`.
    pub param: &'static str,
    /// Whether a permalink and an embed code keep it.
    pub in_url: bool,
    /// The key of its label in the string tables (a `Strings` field), `None` for a knob the
    /// page has no control for (set by URL, embed attribute or CLI only).
    pub label: Option<&'static str>,
    pub control: Control,
    /// Only whole numbers (years, switches).
    pub whole: bool,
    /// The range it accepts in a dataset, `None` where the dataset has no use for it.
    pub range: fn(&Dataset) -> Option<Range>,
    pub get: fn(&Assumptions) -> Option<f64>,
    /// Stores a value already checked against `range`.
    pub put: fn(&mut Assumptions, f64),
    /// The charts it changes, by `Chart::name`: their redraw key (`Chart::inputs`).
    pub charts: &'static [&'static str],
    /// The cards whose controls set it, by name (`html::Card`); on the full page it sits in
    /// the first. Folded under "More assumptions" there when `folded` (the claim card's
    /// populations: the rate is its lever, they are its fine print).
    pub cards: &'static [&'static str],
    pub folded: bool,
    /// Where the claim holds exactly on this knob, when it has such a point: the parity mark
    /// on its slider.
    pub parity: fn(&Figures) -> Option<f64>,
    /// For the CLI's usage: the value's placeholder (empty for a bare flag) and its help.
    pub cli: (&'static str, &'static str),
}

/// The charts of the per-person comparison (and its sensitivity to the rate).
const PER_PERSON_CHARTS: &[&str] = &["per-person", "horizon", "sensitivity"];

/// The knobs, in the order a permalink writes them. `KNOBS[k as usize].knob == k` (a test).
pub static KNOBS: [KnobSpec; 10] = [
    KnobSpec {
        knob: Knob::Rate,
        param: "eurusd",
        in_url: true,
        label: Some("label_rate"),
        control: Control::Slider(Unit::Rate),
        whole: false,
        range: |d| Some(d.ranges.rate),
        get: |a| Some(a.rate),
        put: |a, v| a.rate = v,
        charts: PER_PERSON_CHARTS,
        cards: &["claim", "sensitivity"],
        folded: false,
        parity: |f| f.parity_eurusd.filter(|_| !f.assumptions.by_gdp),
        cli: (
            "R",
            "exchange rate, benchmark currency per subject currency (default: the dataset's)",
        ),
    },
    KnobSpec {
        knob: Knob::SubjectPopulation,
        param: "pop_fr",
        in_url: true,
        label: Some("label_subject_population"),
        control: Control::Slider(Unit::Millions),
        whole: false,
        range: |d| Some(d.ranges.subject_population_m),
        get: |a| Some(a.subject_population_m),
        put: |a, v| a.subject_population_m = v,
        charts: PER_PERSON_CHARTS,
        cards: &["claim"],
        folded: true,
        parity: |f| f.parity_pop_fr_m.filter(|_| !f.assumptions.by_gdp),
        cli: ("M", "population of the subject (France), millions"),
    },
    KnobSpec {
        knob: Knob::BenchmarkPopulation,
        param: "pop_us",
        in_url: true,
        label: Some("label_benchmark_population"),
        control: Control::Slider(Unit::Millions),
        whole: false,
        range: |d| Some(d.ranges.benchmark_population_m),
        get: |a| Some(a.benchmark_population_m),
        put: |a, v| a.benchmark_population_m = v,
        charts: PER_PERSON_CHARTS,
        cards: &["claim"],
        folded: true,
        parity: |f| f.parity_pop_us_m.filter(|_| !f.assumptions.by_gdp),
        cli: (
            "M",
            "population of the benchmark (the United States), millions",
        ),
    },
    KnobSpec {
        knob: Knob::RangedPledge,
        param: "uae",
        in_url: true,
        label: Some("label_ranged_pledge"),
        control: Control::Slider(Unit::SubjectMoney),
        whole: false,
        range: |d| {
            d.ranged_pledge()
                .and_then(|p| p.amount())
                .map(|(min, max)| Range {
                    min,
                    max,
                    step: 0.5,
                })
        },
        get: |a| a.ranged_pledge_bn,
        put: |a, v| a.ranged_pledge_bn = Some(v),
        charts: &["gdp", "pledges", "per-person", "horizon", "sensitivity"],
        cards: &["pledges"],
        folded: false,
        parity: |_| None,
        cli: (
            "B",
            "the ranged pledge's point within its range (the UAE's), billions",
        ),
    },
    KnobSpec {
        knob: Knob::LoadFactor,
        param: "load_factor",
        in_url: true,
        label: Some("label_load_factor"),
        control: Control::Slider(Unit::Share),
        whole: false,
        // Only a story with an energy figure has a use for it.
        range: |d| {
            d.energy.is_some().then_some(Range {
                min: 0.05,
                max: 1.0,
                step: 0.05,
            })
        },
        get: |a| Some(a.load_factor),
        put: |a, v| a.load_factor = v,
        charts: &["energy"],
        cards: &["energy"],
        folded: false,
        parity: |_| None,
        cli: (
            "F",
            "share of the year the AI capacity runs at full power (0.05 to 1)",
        ),
    },
    KnobSpec {
        knob: Knob::SubjectYears,
        param: "years_fr",
        in_url: true,
        label: Some("label_subject_years"),
        control: Control::Slider(Unit::Years),
        whole: true,
        range: |d| d.benchmark_years().map(|_| HORIZON_YEARS),
        get: |a| a.subject_years,
        put: |a, v| a.subject_years = Some(v),
        charts: &["per-person", "gdp", "horizon", "sensitivity"],
        cards: &["horizon"],
        folded: false,
        parity: |_| None,
        cli: (
            "Y",
            "years over which the subject's package is spread (1 to 10; default the benchmark's)",
        ),
    },
    KnobSpec {
        knob: Knob::Yardstick,
        param: "yardstick",
        in_url: true,
        label: Some("yardstick_label"),
        control: Control::Switch {
            words: Some(("person", "gdp")),
        },
        whole: true,
        range: |d| d.has_gdp().then_some(SWITCH),
        get: |a| Some(if a.by_gdp { 1.0 } else { 0.0 }),
        put: |a, v| a.by_gdp = v == 1.0,
        charts: &["per-person"],
        cards: &[],
        folded: false,
        parity: |_| None,
        cli: ("Y", "person (the claim) or gdp: what the verdict compares"),
    },
    // Half to one and a half times the sourced GDP: a revision or another year's figure.
    KnobSpec {
        knob: Knob::SubjectGdp,
        param: "gdp_fr",
        in_url: true,
        label: Some("label_subject_gdp"),
        control: Control::Slider(Unit::SubjectMoney),
        whole: false,
        range: |d| {
            d.has_gdp()
                .then(|| gdp_range(d.subject.gdp_bn.as_ref()?.value))
                .flatten()
        },
        get: |a| a.subject_gdp_bn,
        put: |a, v| a.subject_gdp_bn = Some(v),
        charts: &["gdp", "per-person"],
        cards: &["gdp"],
        folded: false,
        parity: // Where the shares of GDP are equal, whatever the yardstick (the gdp card).
        |f| f.gdp_parity_gdp_fr_bn,
        cli: (
            "B",
            "the subject's GDP, billions of its currency (default: the dataset's)",
        ),
    },
    KnobSpec {
        knob: Knob::BenchmarkGdp,
        param: "gdp_us",
        in_url: true,
        label: Some("label_benchmark_gdp"),
        control: Control::Slider(Unit::BenchmarkMoney),
        whole: false,
        range: |d| {
            d.has_gdp()
                .then(|| gdp_range(d.benchmark.gdp_bn.as_ref()?.value))
                .flatten()
        },
        get: |a| a.benchmark_gdp_bn,
        put: |a, v| a.benchmark_gdp_bn = Some(v),
        charts: &["gdp", "per-person"],
        cards: &["gdp"],
        folded: false,
        parity: |_| None,
        cli: (
            "B",
            "the benchmark's GDP, billions of its currency (default: the dataset's)",
        ),
    },
    KnobSpec {
        knob: Knob::PrivateOnly,
        param: "private_only",
        in_url: true,
        label: Some("private_only_label"),
        control: Control::Switch { words: None },
        whole: true,
        range: |d| d.has_pledge_kinds().then_some(SWITCH),
        get: |a| Some(if a.private_only { 1.0 } else { 0.0 }),
        put: |a, v| a.private_only = v == 1.0,
        charts: &["gdp", "pledges", "per-person", "horizon", "sensitivity"],
        cards: &["pledges"],
        folded: false,
        parity: |_| None,
        cli: ("", "count only the pledges the dataset marks as private"),
    },
];

impl Knob {
    pub const ALL: [Knob; KNOBS.len()] = crate::lang::declared!(KNOBS, knob);

    pub fn spec(self) -> &'static KnobSpec {
        &KNOBS[self as usize]
    }

    /// The URL parameter name (the CLI flag is the same with `-` for `_`).
    pub fn param(self) -> &'static str {
        self.spec().param
    }

    /// A switch (0 or 1) rather than a slider.
    pub fn is_switch(self) -> bool {
        matches!(self.spec().control, Control::Switch { .. })
    }

    /// The words a switch takes in a URL besides 0 and 1.
    pub fn switch_words(self) -> Option<(&'static str, &'static str)> {
        match self.spec().control {
            Control::Switch { words } => words,
            Control::Slider(_) => None,
        }
    }

    /// The knob of a URL parameter (`pop_fr`) or CLI flag (`pop-fr`).
    pub fn from_param(name: &str) -> Option<Knob> {
        Knob::from_url_param(name).or_else(|| {
            KNOBS
                .iter()
                .find(|k| k.param.replace('_', "-") == name)
                .map(|k| k.knob)
        })
    }

    /// The knob of a URL parameter: only the public underscore spelling.
    pub fn from_url_param(name: &str) -> Option<Knob> {
        KNOBS.iter().find(|k| k.param == name).map(|k| k.knob)
    }
}

/// Why a value was refused for a knob.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AssumptionError {
    NotANumber,
    OutOfRange { min: f64, max: f64 },
    NotApplicable,
}

impl Assumptions {
    /// The sourced defaults of a dataset; the ranged pledge at its high end (the story's "up to").
    pub fn defaults(dataset: &Dataset) -> Assumptions {
        Assumptions {
            rate: dataset.exchange_rate.value,
            subject_population_m: dataset.subject.population_m.value,
            benchmark_population_m: dataset.benchmark.population_m.value,
            ranged_pledge_bn: dataset.ranged_pledge().and_then(|p| p.high_bn),
            load_factor: 1.0,
            subject_gdp_bn: dataset.subject.gdp_bn.as_ref().map(|g| g.value),
            benchmark_gdp_bn: dataset.benchmark.gdp_bn.as_ref().map(|g| g.value),
            subject_years: dataset.benchmark_years(),
            private_only: false,
            by_gdp: false,
        }
    }

    /// The range a knob accepts in this dataset.
    pub fn range(dataset: &Dataset, knob: Knob) -> Option<Range> {
        (knob.spec().range)(dataset)
    }

    pub fn get(&self, knob: Knob) -> Option<f64> {
        (knob.spec().get)(self)
    }

    /// Sets one knob if the value is a finite number inside the dataset's range; otherwise
    /// leaves everything as it was and says why.
    pub fn set(
        &mut self,
        dataset: &Dataset,
        knob: Knob,
        value: f64,
    ) -> Result<(), AssumptionError> {
        if !value.is_finite() {
            return Err(AssumptionError::NotANumber);
        }
        let range = Assumptions::range(dataset, knob).ok_or(AssumptionError::NotApplicable)?;
        // Tolerate the last-digit noise of a decimal typed into a text field.
        let eps = (range.max - range.min).abs() * 1e-9;
        if value < range.min - eps || value > range.max + eps {
            return Err(AssumptionError::OutOfRange {
                min: range.min,
                max: range.max,
            });
        }
        let value = clamp(value, range.min, range.max);
        if knob.spec().whole && value.fract() != 0.0 {
            return Err(AssumptionError::OutOfRange {
                min: range.min,
                max: range.max,
            });
        }
        (knob.spec().put)(self, value);
        Ok(())
    }

    /// Parses a textual value (URL parameter, CLI flag, typed input) and sets it.
    pub fn set_str(
        &mut self,
        dataset: &Dataset,
        knob: Knob,
        text: &str,
    ) -> Result<(), AssumptionError> {
        let text = text.trim();
        let word = knob.switch_words().and_then(|(off, on)| match text {
            t if t.eq_ignore_ascii_case(off) => Some(0.0),
            t if t.eq_ignore_ascii_case(on) => Some(1.0),
            _ => None,
        });
        let value = word
            .or_else(|| crate::decimal::parse(text))
            .ok_or(AssumptionError::NotANumber)?;
        self.set(dataset, knob, value)
    }

    /// The story's own figures as a preset: its rounded population, the population multiple
    /// it states, and the rate its dollar conversion implies. Knobs it does not state keep
    /// the defaults; values outside the sliders' ranges are left out.
    pub fn as_reported(dataset: &Dataset) -> Assumptions {
        let mut a = Assumptions::defaults(dataset);
        let r = &dataset.reported;
        if let Some(pop) = &r.subject_population_m {
            let _ = a.set(dataset, Knob::SubjectPopulation, pop.value);
        }
        if let Some(multiple) = &r.population_multiple {
            let _ = a.set(
                dataset,
                Knob::BenchmarkPopulation,
                a.subject_population_m * multiple.value,
            );
        }
        // The article gives no rate: its $112bn is €109bn at about $1.03, which the day's
        // reference rate (the default) gives; 112 / 109 = 1.0275 is false precision.
        a
    }
}

/// A low–high pair, always ordered.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Span {
    pub low: f64,
    pub high: f64,
}

impl Span {
    fn new(a: f64, b: f64) -> Span {
        if a <= b {
            Span { low: a, high: b }
        } else {
            Span { low: b, high: a }
        }
    }
    fn scale(self, k: f64) -> Span {
        Span::new(self.low * k, self.high * k)
    }
}

/// Every figure the page, the charts and the CLI show, under the public keys of the JSON summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub announced_eur_bn: f64,
    pub announced_usd_bn: f64,
    pub itemised_eur_bn: Span,
    pub itemised_usd_bn: Span,
    pub unitemised_eur_bn: Span,
    pub unitemised_usd_bn: Span,
    /// The itemised total with the ranged pledge at the reader's point.
    pub itemised_at_point_eur_bn: f64,
    pub unitemised_at_point_eur_bn: f64,
    pub pledges_named_without_amount: usize,
    pub stargate_usd_bn: f64,
    pub france_usd_per_person: f64,
    pub us_usd_per_person: f64,
    /// France's $ per person over Stargate's; 1.0 means "the same proportion".
    pub per_person_ratio: Option<f64>,
    pub stargate_scaled_to_france_usd_bn: f64,
    /// The exchange rate at which the per-person figures are equal.
    pub parity_eurusd: Option<f64>,
    /// France's population (millions) at which they are equal, at the chosen rate.
    pub parity_pop_fr_m: Option<f64>,
    /// The US population (millions) at which they are equal, at the chosen rate.
    pub parity_pop_us_m: Option<f64>,
    /// US population / France population (the story says 5).
    pub population_multiple: f64,
    /// The rate the story's own conversion implies (112 / 109).
    pub article_implied_eurusd: Option<f64>,
    /// The per-person ratio with the story's own figures (68m, 5×, its conversion).
    pub article_per_person_ratio: Option<f64>,
    pub nuclear_ai_gw: Option<f64>,
    pub nuclear_ai_twh_per_year: Option<f64>,
    pub exports_twh: Option<f64>,
    pub nuclear_ai_share_of_exports: Option<f64>,
    /// The package as a share of the subject's GDP (0.0373 = 3.73%), and the benchmark's.
    pub france_share_of_gdp: Option<f64>,
    pub us_share_of_gdp: Option<f64>,
    /// France's share of GDP over Stargate's (per year of each horizon, like the per-person ratio).
    pub gdp_share_ratio: Option<f64>,
    /// The two shares of GDP a year, each over its own horizon (the subject's assumed).
    pub france_share_of_gdp_per_year: Option<f64>,
    pub us_share_of_gdp_per_year: Option<f64>,
    /// The package (in the subject's currency) at which the two shares of GDP are equal, and
    /// the subject's GDP at which they are. The exchange rate plays no part in either.
    pub gdp_parity_package_eur_bn: Option<f64>,
    pub gdp_parity_gdp_fr_bn: Option<f64>,
    /// Per person per year of each package's horizon.
    pub france_usd_per_person_per_year: Option<f64>,
    pub us_usd_per_person_per_year: Option<f64>,
    /// What is left of the announced total without the pledges not marked private (a range
    /// when a left-out pledge is one), and the private pledges with an amount.
    pub private_announced_eur_bn: Option<Span>,
    pub private_itemised_eur_bn: Option<f64>,
    /// How many pledges are left out of the figures (only with `private_only`).
    pub pledges_left_out: usize,
    pub assumptions: Assumptions,
}

/// One figure's value, for writers that go through the figures by their public keys.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FigureValue {
    Number(f64),
    Range(Span),
    /// Cannot be computed for this dataset (`null` in JSON).
    Missing,
}

impl Figures {
    /// Every figure but the assumptions, under its public key, in the order of the fields:
    /// the keys of the JSON summary (a test keeps the two in step), without serde.
    pub fn values(&self) -> [(&'static str, FigureValue); 36] {
        use FigureValue::{Number as N, Range as R};
        let o = |v: Option<f64>| v.map_or(FigureValue::Missing, N);
        [
            ("announced_eur_bn", N(self.announced_eur_bn)),
            ("announced_usd_bn", N(self.announced_usd_bn)),
            ("itemised_eur_bn", R(self.itemised_eur_bn)),
            ("itemised_usd_bn", R(self.itemised_usd_bn)),
            ("unitemised_eur_bn", R(self.unitemised_eur_bn)),
            ("unitemised_usd_bn", R(self.unitemised_usd_bn)),
            ("itemised_at_point_eur_bn", N(self.itemised_at_point_eur_bn)),
            (
                "unitemised_at_point_eur_bn",
                N(self.unitemised_at_point_eur_bn),
            ),
            (
                "pledges_named_without_amount",
                N(self.pledges_named_without_amount as f64),
            ),
            ("stargate_usd_bn", N(self.stargate_usd_bn)),
            ("france_usd_per_person", N(self.france_usd_per_person)),
            ("us_usd_per_person", N(self.us_usd_per_person)),
            ("per_person_ratio", o(self.per_person_ratio)),
            (
                "stargate_scaled_to_france_usd_bn",
                N(self.stargate_scaled_to_france_usd_bn),
            ),
            ("parity_eurusd", o(self.parity_eurusd)),
            ("parity_pop_fr_m", o(self.parity_pop_fr_m)),
            ("parity_pop_us_m", o(self.parity_pop_us_m)),
            ("population_multiple", N(self.population_multiple)),
            ("article_implied_eurusd", o(self.article_implied_eurusd)),
            ("article_per_person_ratio", o(self.article_per_person_ratio)),
            ("nuclear_ai_gw", o(self.nuclear_ai_gw)),
            ("nuclear_ai_twh_per_year", o(self.nuclear_ai_twh_per_year)),
            ("exports_twh", o(self.exports_twh)),
            (
                "nuclear_ai_share_of_exports",
                o(self.nuclear_ai_share_of_exports),
            ),
            ("france_share_of_gdp", o(self.france_share_of_gdp)),
            ("us_share_of_gdp", o(self.us_share_of_gdp)),
            ("gdp_share_ratio", o(self.gdp_share_ratio)),
            (
                "france_share_of_gdp_per_year",
                o(self.france_share_of_gdp_per_year),
            ),
            ("us_share_of_gdp_per_year", o(self.us_share_of_gdp_per_year)),
            (
                "gdp_parity_package_eur_bn",
                o(self.gdp_parity_package_eur_bn),
            ),
            ("gdp_parity_gdp_fr_bn", o(self.gdp_parity_gdp_fr_bn)),
            (
                "france_usd_per_person_per_year",
                o(self.france_usd_per_person_per_year),
            ),
            (
                "us_usd_per_person_per_year",
                o(self.us_usd_per_person_per_year),
            ),
            (
                "private_announced_eur_bn",
                self.private_announced_eur_bn
                    .map_or(FigureValue::Missing, R),
            ),
            ("private_itemised_eur_bn", o(self.private_itemised_eur_bn)),
            ("pledges_left_out", N(self.pledges_left_out as f64)),
        ]
    }
}

fn ratio(num: f64, den: f64) -> Option<f64> {
    let r = num / den;
    (den != 0.0 && r.is_finite()).then_some(r)
}

const SWITCH: Range = Range {
    min: 0.0,
    max: 1.0,
    step: 1.0,
};

fn gdp_range(gdp: f64) -> Option<Range> {
    (gdp.is_finite() && gdp > 0.0).then(|| Range {
        min: (gdp * 0.5).round(),
        max: (gdp * 1.5).round(),
        step: 0.1,
    })
}

/// The rate implied by the story's own conversion, if it gives one.
pub fn implied_rate(dataset: &Dataset) -> Option<f64> {
    let converted = dataset.reported.converted_bn.as_ref()?;
    ratio(converted.value, dataset.subject.announced_bn.value)
}

/// Computes every figure. Assumptions that are not finite and positive are replaced by the
/// dataset's defaults, so the result never holds NaN or infinity.
pub fn compute(dataset: &Dataset, assumptions: &Assumptions) -> Figures {
    let defaults = Assumptions::defaults(dataset);
    let sane = |x: f64, fallback: f64| {
        if x.is_finite() && x > 0.0 {
            x
        } else {
            fallback
        }
    };
    let a = Assumptions {
        rate: sane(assumptions.rate, defaults.rate),
        subject_population_m: sane(
            assumptions.subject_population_m,
            defaults.subject_population_m,
        ),
        benchmark_population_m: sane(
            assumptions.benchmark_population_m,
            defaults.benchmark_population_m,
        ),
        ranged_pledge_bn: assumptions
            .ranged_pledge_bn
            .filter(|x| x.is_finite())
            .or(defaults.ranged_pledge_bn),
        load_factor: sane(assumptions.load_factor, 1.0).min(1.0),
        subject_gdp_bn: assumptions
            .subject_gdp_bn
            .filter(|x| x.is_finite() && *x > 0.0)
            .or(defaults.subject_gdp_bn),
        benchmark_gdp_bn: assumptions
            .benchmark_gdp_bn
            .filter(|x| x.is_finite() && *x > 0.0)
            .or(defaults.benchmark_gdp_bn),
        subject_years: assumptions
            .subject_years
            .filter(|x| x.is_finite() && *x > 0.0)
            .or(defaults.subject_years),
        private_only: assumptions.private_only && dataset.has_pledge_kinds(),
        by_gdp: assumptions.by_gdp && dataset.has_gdp(),
    };
    let rate = a.rate;

    let pledges = &dataset.subject.pledges;
    let ranged = dataset.ranged_pledge();
    // Each pledge's amount as (low, high, at the reader's point).
    let amount = |p: &crate::dataset::Pledge| {
        p.amount().map(|(l, h)| {
            let point = if ranged.is_some_and(|r| std::ptr::eq(r, p)) {
                clamp(a.ranged_pledge_bn.unwrap_or(h), l, h)
            } else {
                h
            };
            (l, h, point)
        })
    };
    let sum = |keep: &dyn Fn(&crate::dataset::Pledge) -> bool| {
        pledges
            .iter()
            .filter(|p| keep(p))
            .filter_map(amount)
            .fold((0.0, 0.0, 0.0), |s, x| (s.0 + x.0, s.1 + x.1, s.2 + x.2))
    };
    let (left_low, left_high, left_point) = sum(&|p| !p.is_private());
    let private_itemised = sum(&|p| p.is_private()).2;
    let left_out = if a.private_only {
        pledges.iter().filter(|p| !p.is_private()).count()
    } else {
        0
    };
    let full = dataset.subject.announced_bn.value;
    // With private money only, the total counted is what the left-out pledges leave of it.
    let announced = if a.private_only {
        full - left_point
    } else {
        full
    };
    let (low, high, at_point) = sum(&|p| !a.private_only || p.is_private());
    let itemised = Span::new(low, high);
    let unitemised = Span::new(announced - high, announced - low);

    let stargate = dataset.benchmark.amount_bn.value;
    let announced_usd = announced * rate;
    // Billions over millions: ×1000 gives currency units per person.
    let subject_pp = announced_usd / a.subject_population_m * 1000.0;
    let benchmark_pp = stargate / a.benchmark_population_m * 1000.0;
    // Compared per year of each horizon: benchmark years over subject years (1 when the
    // dataset gives no horizon, or at the default, where both are the benchmark's).
    let benchmark_years = dataset.benchmark_years().filter(|y| *y > 0.0);
    let per_year = |total: f64, years: Option<f64>| years.and_then(|y| ratio(total, y));
    let horizon = match (benchmark_years, a.subject_years) {
        (Some(us), Some(fr)) => us / fr,
        _ => 1.0,
    };
    let subject_share = a.subject_gdp_bn.and_then(|g| ratio(announced, g));
    let benchmark_share = a.benchmark_gdp_bn.and_then(|g| ratio(stargate, g));

    let capacity = dataset.energy.as_ref().map(|e| e.capacity_gw.value);
    let exports = dataset.energy.as_ref().map(|e| e.exports_twh.value);
    let twh = capacity.map(|gw| gw * HOURS_PER_YEAR / 1000.0 * a.load_factor);

    let reported = &dataset.reported;
    let article_rate = implied_rate(dataset);
    let article_ratio = (|| {
        let pop = reported.subject_population_m.as_ref()?.value;
        let multiple = reported.population_multiple.as_ref()?.value;
        let converted = reported.converted_bn.as_ref()?.value;
        ratio(converted / pop, stargate / (pop * multiple))
    })();

    Figures {
        announced_eur_bn: announced,
        announced_usd_bn: announced_usd,
        itemised_eur_bn: itemised,
        itemised_usd_bn: itemised.scale(rate),
        unitemised_eur_bn: unitemised,
        unitemised_usd_bn: unitemised.scale(rate),
        itemised_at_point_eur_bn: at_point,
        unitemised_at_point_eur_bn: announced - at_point,
        pledges_named_without_amount: pledges.iter().filter(|p| p.amount().is_none()).count(),
        stargate_usd_bn: stargate,
        france_usd_per_person: subject_pp,
        us_usd_per_person: benchmark_pp,
        per_person_ratio: ratio(subject_pp * horizon, benchmark_pp),
        stargate_scaled_to_france_usd_bn: benchmark_pp * a.subject_population_m / 1000.0,
        parity_eurusd: ratio(
            stargate * a.subject_population_m,
            a.benchmark_population_m * announced * horizon,
        ),
        parity_pop_fr_m: ratio(announced_usd * a.benchmark_population_m * horizon, stargate),
        parity_pop_us_m: ratio(stargate * a.subject_population_m, announced_usd * horizon),
        population_multiple: a.benchmark_population_m / a.subject_population_m,
        article_implied_eurusd: article_rate,
        article_per_person_ratio: article_ratio,
        nuclear_ai_gw: capacity,
        nuclear_ai_twh_per_year: twh,
        exports_twh: exports,
        nuclear_ai_share_of_exports: match (twh, exports) {
            (Some(t), Some(e)) => ratio(t, e),
            _ => None,
        },
        france_share_of_gdp: subject_share,
        us_share_of_gdp: benchmark_share,
        gdp_share_ratio: subject_share
            .zip(benchmark_share)
            .and_then(|(f, u)| ratio(f * horizon, u)),
        france_share_of_gdp_per_year: subject_share
            .and_then(|f| per_year(f, a.subject_years.filter(|_| benchmark_years.is_some()))),
        us_share_of_gdp_per_year: benchmark_share.and_then(|u| per_year(u, benchmark_years)),
        gdp_parity_package_eur_bn: benchmark_share
            .zip(a.subject_gdp_bn)
            .and_then(|(u, g)| ratio(u * g, horizon)),
        gdp_parity_gdp_fr_bn: benchmark_share.and_then(|u| ratio(announced * horizon, u)),
        france_usd_per_person_per_year: per_year(
            subject_pp,
            a.subject_years.filter(|_| benchmark_years.is_some()),
        ),
        us_usd_per_person_per_year: per_year(benchmark_pp, benchmark_years),
        private_announced_eur_bn: dataset
            .has_pledge_kinds()
            .then(|| Span::new(full - left_high, full - left_low)),
        private_itemised_eur_bn: dataset.has_pledge_kinds().then_some(private_itemised),
        pledges_left_out: left_out,
        assumptions: a,
    }
}

/// The per-person ratio of `figures` at another exchange rate (and France's population), for
/// the sensitivity chart: linear in the rate, inverse in the population; everything else (what
/// is counted, the horizons) as `compute` counted it. No recomputation per sample.
pub fn ratio_at(figures: &Figures, eurusd: f64, pop_fr_m: f64) -> Option<f64> {
    if !(eurusd > 0.0 && pop_fr_m > 0.0) {
        return None;
    }
    let a = &figures.assumptions;
    ratio(
        figures.per_person_ratio? * eurusd * a.subject_population_m,
        a.rate * pop_fr_m,
    )
}

/// `f64::clamp` without its panic on inverted or NaN bounds (and the float formatting that
/// panic message links into the wasm): a NaN value comes out as `lo`.
pub(crate) fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_public_key_is_listed_once_in_the_order_of_the_json_summary() {
        let d = Dataset::default_story();
        let f = compute(&d, &Assumptions::defaults(&d));
        let Ok(crate::json::Value::Object(members)) =
            crate::json::parse(&serde_json::to_string(&f).unwrap())
        else {
            panic!()
        };
        let members: Vec<_> = members
            .into_iter()
            .filter(|(k, _)| k != "assumptions")
            .collect();
        let listed: Vec<&str> = f.values().iter().map(|(k, _)| *k).collect();
        assert_eq!(
            listed,
            members.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>()
        );
        for ((_, value), (key, json)) in f.values().iter().zip(members.iter()) {
            match (value, json) {
                (FigureValue::Number(n), crate::json::Value::Number(m)) => {
                    assert_eq!(n, m, "{key}")
                }
                (FigureValue::Range(_), crate::json::Value::Object(_))
                | (FigureValue::Missing, crate::json::Value::Null) => {}
                other => panic!("{key}: {other:?}"),
            }
        }
    }

    /// What a reader typing into a slider's box meets: the ends are accepted, just past them
    /// refused with the range, a non-number refused as such, a fraction of a year refused,
    /// and a refused value changes nothing.
    #[test]
    fn a_value_is_accepted_up_to_the_ends_of_its_range_and_refused_past_them() {
        let d = Dataset::default_story();
        let defaults = Assumptions::defaults(&d);
        for spec in KNOBS.iter() {
            let range = (spec.range)(&d).unwrap();
            let mut a = defaults;
            assert_eq!(a.set(&d, spec.knob, range.min), Ok(()), "{}", spec.param);
            assert_eq!(a.get(spec.knob), Some(range.min), "{}", spec.param);
            assert_eq!(a.set(&d, spec.knob, range.max), Ok(()), "{}", spec.param);
            assert_eq!(a.get(spec.knob), Some(range.max), "{}", spec.param);
            let past = (range.max - range.min).max(1.0) * 1e-3;
            let before = a;
            for bad in [range.min - past, range.max + past] {
                assert_eq!(
                    a.set(&d, spec.knob, bad),
                    Err(AssumptionError::OutOfRange {
                        min: range.min,
                        max: range.max
                    }),
                    "{} = {bad}",
                    spec.param
                );
                assert_eq!(
                    a, before,
                    "{}: a refused value changed something",
                    spec.param
                );
            }
            for bad in [f64::NAN, f64::INFINITY] {
                assert_eq!(a.set(&d, spec.knob, bad), Err(AssumptionError::NotANumber));
            }
            if spec.whole {
                let half = range.min + 0.5;
                assert!(
                    a.set(&d, spec.knob, half).is_err(),
                    "{} = {half}",
                    spec.param
                );
                assert_eq!(a, before);
            }
        }
        // The last digit of a typed decimal is not held against the reader.
        let mut a = defaults;
        let rate = (Knob::Rate.spec().range)(&d).unwrap();
        assert_eq!(a.set(&d, Knob::Rate, rate.max + 1e-12), Ok(()));
        assert_eq!(a.rate, rate.max, "clamped to the end");
    }

    #[test]
    fn switches_take_their_words_and_sliders_none() {
        let d = Dataset::default_story();
        let mut a = Assumptions::defaults(&d);
        assert!(Knob::Yardstick.is_switch() && Knob::PrivateOnly.is_switch());
        assert!(!Knob::Rate.is_switch() && !Knob::LoadFactor.is_switch());
        assert_eq!(Knob::Yardstick.switch_words(), Some(("person", "gdp")));
        assert_eq!(Knob::PrivateOnly.switch_words(), None);
        assert_eq!(Knob::Rate.switch_words(), None);
        assert_eq!(a.set_str(&d, Knob::Yardstick, " GDP "), Ok(()));
        assert!(a.by_gdp);
        assert_eq!(a.get(Knob::Yardstick), Some(1.0));
        assert_eq!(a.set_str(&d, Knob::Yardstick, "person"), Ok(()));
        assert!(!a.by_gdp);
        assert_eq!(a.get(Knob::Yardstick), Some(0.0));
        assert_eq!(a.set_str(&d, Knob::PrivateOnly, "1"), Ok(()));
        assert!(a.private_only);
        assert_eq!(
            a.set_str(&d, Knob::PrivateOnly, "gdp"),
            Err(AssumptionError::NotANumber)
        );
        assert_eq!(a.set_str(&d, Knob::Rate, "1.05"), Ok(()));
        assert_eq!(a.rate, 1.05);
        assert_eq!(Knob::from_param("pop-fr"), Some(Knob::SubjectPopulation));
        assert_eq!(
            Knob::from_url_param("pop-fr"),
            None,
            "a URL takes the underscore name"
        );
        assert_eq!(Knob::from_param("nope"), None);
    }

    /// The story's own figures as a preset: 68m and five times as many Americans, at the day's rate.
    #[test]
    fn the_article_preset_is_the_articles_own_figures() {
        let d = Dataset::default_story();
        let a = Assumptions::as_reported(&d);
        assert_eq!(a.subject_population_m, 68.0);
        assert_eq!(a.benchmark_population_m, 340.0);
        let defaults = Assumptions::defaults(&d);
        // The article gives no rate: the day's reference rate stays.
        assert_eq!(a.rate, defaults.rate);
        assert_eq!(implied_rate(&d), Some(112.0 / 109.0));
        assert_eq!(a.ranged_pledge_bn, defaults.ranged_pledge_bn);
        assert_eq!(a.subject_years, defaults.subject_years);
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    /// The story's figures at the sourced defaults, and what each knob moves: what a reader of
    /// the page checks against the article.
    #[test]
    fn the_figures_follow_each_knob_as_the_story_says() {
        let d = Dataset::default_story();
        let base = Assumptions::defaults(&d);
        let f = compute(&d, &base);
        assert_eq!(f.announced_eur_bn, 109.0);
        assert_eq!(
            (f.itemised_eur_bn.low, f.itemised_eur_bn.high),
            (63.0, 83.0)
        );
        assert_eq!(
            (f.unitemised_eur_bn.low, f.unitemised_eur_bn.high),
            (26.0, 46.0)
        );
        assert_eq!(f.itemised_at_point_eur_bn, 83.0);
        assert_eq!(f.pledges_named_without_amount, 2);
        assert!(close(f.announced_usd_bn, 109.0 * 1.032));
        assert!(close(
            f.france_usd_per_person,
            109.0 * 1.032 / 68.606 * 1000.0
        ));
        assert!(close(f.us_usd_per_person, 500.0 / 340.1 * 1000.0));
        assert!(close(
            f.per_person_ratio.unwrap(),
            f.france_usd_per_person / f.us_usd_per_person
        ));
        assert!(close(f.population_multiple, 340.1 / 68.606));
        assert!(close(
            f.parity_eurusd.unwrap(),
            1.032 / f.per_person_ratio.unwrap()
        ));
        assert!(close(f.nuclear_ai_twh_per_year.unwrap(), 8.76));
        // RTE's net exports, 89 TWh (Macron rounded them to 90).
        assert!(close(f.nuclear_ai_share_of_exports.unwrap(), 8.76 / 89.0));
        assert!(close(
            f.france_usd_per_person_per_year.unwrap(),
            f.france_usd_per_person / 4.0
        ));
        assert!(close(
            f.us_usd_per_person_per_year.unwrap(),
            f.us_usd_per_person / 4.0
        ));
        assert_eq!(f.pledges_left_out, 0);

        // The ranged pledge at its low end: €20bn less itemised, as much more not itemised.
        let mut a = base;
        a.set(&d, Knob::RangedPledge, 30.0).unwrap();
        let low = compute(&d, &a);
        assert_eq!(
            (low.itemised_at_point_eur_bn, low.unitemised_at_point_eur_bn),
            (63.0, 46.0)
        );
        assert_eq!(low.announced_eur_bn, 109.0);

        // Half the year at full power: half the energy.
        let mut a = base;
        a.set(&d, Knob::LoadFactor, 0.5).unwrap();
        assert!(close(
            compute(&d, &a).nuclear_ai_twh_per_year.unwrap(),
            4.38
        ));

        // France's package over eight years instead of four: half the per-year comparison.
        let mut a = base;
        a.set(&d, Knob::SubjectYears, 8.0).unwrap();
        let spread = compute(&d, &a);
        assert!(close(
            spread.per_person_ratio.unwrap(),
            f.per_person_ratio.unwrap() / 2.0
        ));
        assert!(close(
            spread.gdp_share_ratio.unwrap(),
            f.gdp_share_ratio.unwrap() / 2.0
        ));
        assert!(close(
            spread.france_usd_per_person_per_year.unwrap(),
            f.france_usd_per_person / 8.0
        ));
        assert!(close(
            spread.parity_eurusd.unwrap(),
            2.0 * f.parity_eurusd.unwrap()
        ));

        // Private money only: the state's pledges (Bpifrance, MGX) leave €49–69bn, of which
        // €23bn itemised; with the UAE's at its top, €49bn is counted.
        let mut a = base;
        a.set(&d, Knob::PrivateOnly, 1.0).unwrap();
        let private = compute(&d, &a);
        assert_eq!(private.pledges_left_out, 2);
        assert_eq!(private.announced_eur_bn, 49.0);
        assert_eq!(
            (private.itemised_eur_bn.low, private.itemised_eur_bn.high),
            (23.0, 23.0)
        );
        let span = private.private_announced_eur_bn.unwrap();
        assert_eq!((span.low, span.high), (49.0, 69.0));
        assert_eq!(private.private_itemised_eur_bn, Some(23.0));

        // A GDP half as large again: the subject's share is the package over it.
        let mut a = base;
        let gdp = base.subject_gdp_bn.unwrap();
        a.set(&d, Knob::SubjectGdp, (gdp * 1.5).round()).unwrap();
        let richer = compute(&d, &a);
        assert!(close(
            richer.france_share_of_gdp.unwrap(),
            109.0 / (gdp * 1.5).round()
        ));
        assert!(
            close(
                richer.gdp_parity_gdp_fr_bn.unwrap(),
                f.gdp_parity_gdp_fr_bn.unwrap()
            ),
            "the parity GDP does not depend on the GDP set"
        );

        // The sensitivity chart's shortcut refuses what is not a rate or a population.
        assert_eq!(ratio_at(&f, 0.0, 68.0), None);
        assert_eq!(ratio_at(&f, 1.0, -1.0), None);
        assert!(close(
            ratio_at(&f, 2.064, 68.606).unwrap(),
            2.0 * f.per_person_ratio.unwrap()
        ));
    }
}
