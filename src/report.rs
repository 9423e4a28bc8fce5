//! Figures put into words: the formatted value of every key figure, and the live prose.
//! Used by the page (through wasm), the static fallback and the CLI, so all three say the same.

use crate::dataset::Dataset;
use crate::format::Locale;
use crate::i18n::{join_list, Strings};
use crate::lang::fill;
use crate::lang::Lang;
use crate::model::{compute, Assumptions, FigureValue, Figures};
use crate::params::plain_number;
use serde::Serialize;

/// Within this share of each other, two figures count as the same ("the claim holds").
pub const SAME_PROPORTION_TOLERANCE: f64 = 0.01;
/// Within this share of each other (and not the same), two figures are close.
pub const CLOSE_TOLERANCE: f64 = 0.15;
/// From this ratio up (or below its inverse), one figure is a multiple of the other.
pub const MULTIPLE_FROM: f64 = 2.0;

/// Which way the subject's figure lies from the benchmark's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Holds,
    More,
    Less,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::More => "more",
            Verdict::Less => "less",
        }
    }
}

/// How far apart the two figures are, in the words a verdict uses: the same (under 1%), close
/// (under 15%), clearly apart, or one a multiple of the other (2× or more, or under half).
/// The thresholds are the constants above, the same in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    Same,
    Close,
    Clear,
    Multiple,
}

impl Gap {
    pub fn name(self) -> &'static str {
        match self {
            Gap::Same => "same",
            Gap::Close => "close",
            Gap::Clear => "clear",
            Gap::Multiple => "multiple",
        }
    }
}

pub fn verdict(ratio: Option<f64>) -> Option<Verdict> {
    let r = ratio.filter(|r| r.is_finite())?;
    Some(if gap(Some(r)) == Some(Gap::Same) {
        Verdict::Holds
    } else if r > 1.0 {
        Verdict::More
    } else {
        Verdict::Less
    })
}

/// The gap as the reader sees it: decided on the figures as they are printed (the percentage
/// to one place below 10%, else to the unit; the ratio to two places), so the words never
/// contradict the number beside them ("15% more" is never "close").
pub fn gap(ratio: Option<f64>) -> Option<Gap> {
    let r = ratio.filter(|r| r.is_finite())?;
    let apart = (r - 1.0).abs() * 100.0;
    let shown_apart = if apart < 9.95 {
        (apart * 10.0).round() / 10.0
    } else {
        apart.round()
    };
    let shown_ratio = (r * 100.0).round() / 100.0;
    Some(if shown_apart < SAME_PROPORTION_TOLERANCE * 100.0 {
        Gap::Same
    } else if shown_apart < CLOSE_TOLERANCE * 100.0 {
        Gap::Close
    } else if shown_ratio >= MULTIPLE_FROM || shown_ratio < 1.0 / MULTIPLE_FROM {
        Gap::Multiple
    } else {
        Gap::Clear
    })
}

/// What a comparison is measured by: per person (Macron's claim) or by share of GDP (the
/// Élysée's). The yardstick in effect is decided once, in [`Report::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Yardstick {
    Person,
    Gdp,
}

/// One yardstick's verdict, in words: the badge beside its claim and the sentence in the prose.
#[derive(Debug, Clone, Serialize)]
pub struct Judgement {
    pub yardstick: Yardstick,
    pub verdict: Verdict,
    pub gap: Gap,
    pub ratio: f64,
    pub badge: String,
    pub sentence: String,
}

impl Judgement {
    fn new(
        yardstick: Yardstick,
        ratio: Option<f64>,
        per_year: bool,
        short: &Context,
        prose: &Context,
    ) -> Option<Judgement> {
        let (verdict, gap, ratio) = (verdict(ratio)?, gap(ratio)?, ratio?);
        let s = short.locale.strings();
        let (badge, sentence) = match (gap, verdict) {
            (Gap::Same, _) | (_, Verdict::Holds) => (s.badge_same, s.verdict_same),
            (Gap::Close, Verdict::More) => (s.badge_close_more, s.verdict_close_more),
            (Gap::Close, _) => (s.badge_close_less, s.verdict_close_less),
            (Gap::Clear, Verdict::More) => (s.badge_clear_more, s.verdict_clear_more),
            (Gap::Clear, _) => (s.badge_clear_less, s.verdict_clear_less),
            (Gap::Multiple, Verdict::More) => (s.badge_multiple_more, s.verdict_multiple_more),
            (Gap::Multiple, _) => (s.badge_multiple_less, s.verdict_multiple_less),
        };
        let per = match (yardstick, per_year) {
            (Yardstick::Person, false) => s.per_person,
            (Yardstick::Person, true) => s.per_person_year,
            (Yardstick::Gdp, false) => s.by_gdp,
            (Yardstick::Gdp, true) => s.by_gdp_year,
        };
        let words = |ctx: &Context, template: &str| {
            let l = ctx.locale;
            let pct = (ratio - 1.0).abs();
            let own = [
                ("per", ctx.fill(per)),
                ("pct", l.percent(pct, if pct < 0.1 { 1 } else { 0 })),
                ("times", l.times_text(ratio)),
                ("times_short", l.times(ratio)),
            ];
            capitalize_first(ctx.fill_with(template, &own))
        };
        Some(Judgement {
            yardstick,
            verdict,
            gap,
            ratio,
            badge: words(short, badge),
            sentence: words(prose, sentence),
        })
    }
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
    /// The per-person verdict (Macron's claim) and the verdict by share of GDP (the Élysée's).
    pub person: Option<Judgement>,
    pub gdp: Option<Judgement>,
    /// Formatted figures by their public key (`data-figure="<key>"`).
    pub display: Vec<(&'static str, String)>,
    /// The same figures as running text writes them, where the language writes them otherwise
    /// (French units: "109 milliards d’euros" for "109 Md€"): the cards' answers.
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
            &short,
            prose_ctx,
        );
        let gdp = Judgement::new(
            Yardstick::Gdp,
            figures.gdp_share_ratio,
            per_year,
            &short,
            prose_ctx,
        );
        let shown = match yardstick {
            Yardstick::Gdp => gdp.as_ref(),
            Yardstick::Person => person.as_ref(),
        };
        let badge = shown.map(|j| j.badge.clone()).unwrap_or_default();
        let mut display = short.display();
        display.push(("verdict", person.as_ref().map(|j| j.badge.clone()).unwrap_or_default()));
        display.push(("gdp_verdict", gdp.as_ref().map(|j| j.badge.clone()).unwrap_or_default()));
        let sentences = prose_ctx.sentences(shown, per_year);
        // The cards' answers are running text: units as the language writes them there, and
        // ratios in words ("1.12 times", "١٫١٢ ضعف"), as the prose writes them.
        let mut prose_display = match &prose {
            Some(p) => p.display(),
            None => display.clone(),
        };
        prose_display.truncate(display.len() - 2);
        prose_display.extend(display[display.len() - 2..].iter().cloned());
        for (key, text) in prose_display.iter_mut() {
            let ratio = match *key {
                "per_person_ratio" => figures.per_person_ratio,
                "gdp_share_ratio" => figures.gdp_share_ratio,
                _ => None,
            };
            if let Some(r) = ratio {
                *text = prose_ctx.locale.times_text(r);
            }
        }
        let values = short.values;
        let prose_values = prose.map(|p| p.values);
        let reported = &dataset.reported;
        let announced = dataset.subject.announced_bn.value;
        let reported_rate_rounds = reported.converted_bn.as_ref().map(|c| {
            let half = 0.5 * 10f64.powi(-(decimals_of(c.value) as i32));
            ((announced * dataset.exchange_rate.value) - c.value).abs() < half
        });
        let reported_multiple_rounds = reported.population_multiple.as_ref().map(|m| {
            let official = dataset.benchmark.population_m.value / dataset.subject.population_m.value;
            let half = 0.5 * 10f64.powi(-(decimals_of(m.value) as i32));
            (official - m.value).abs() < half
        });
        Report {
            lang: locale.lang,
            yardstick,
            per_year,
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

/// "4 years" in the language's way ("سنة واحدة", "سنتين", "٣ سنوات").
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

/// The named values every template may use, formatted once; `Report::new` keeps them.
struct Context<'a> {
    dataset: &'a Dataset,
    figures: &'a Figures,
    locale: Locale,
    values: Vec<(&'static str, String)>,
}

/// The dataset's names a template may join to a preposition (`{de_benchmark}`).
const NAMES: [&str; 4] = ["subject", "benchmark", "package", "benchmark_package"];

/// The placeholder of `name` joined to `prefix`: `de_subject` (static, as every value key).
fn prefixed(prefix: &str, name: &str) -> &'static str {
    const KEYS: [[&str; 4]; 5] = [
        ["de_subject", "de_benchmark", "de_package", "de_benchmark_package"],
        ["a_subject", "a_benchmark", "a_package", "a_benchmark_package"],
        ["que_subject", "que_benchmark", "que_package", "que_benchmark_package"],
        ["li_subject", "li_benchmark", "li_package", "li_benchmark_package"],
        ["bi_subject", "bi_benchmark", "bi_package", "bi_benchmark_package"],
    ];
    let row = crate::grammar::PREFIXES.iter().position(|p| *p == prefix);
    let col = NAMES.iter().position(|n| *n == name);
    match (row, col) {
        (Some(r), Some(c)) => KEYS[r][c],
        _ => "",
    }
}

/// How many decimals a sourced figure is written with (112 → 0, 112.8 → 1), up to 4.
fn decimals_of(value: f64) -> u32 {
    (0..4)
        .find(|d| {
            let scaled = value * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(4)
}

impl<'a> Context<'a> {
    fn new(dataset: &'a Dataset, f: &'a Figures, locale: Locale, per_year: bool) -> Context<'a> {
        let l = locale;
        let lang = l.lang;
        let s = l.strings();
        let base = dataset.subject.currency.as_ref();
        let quote = dataset.benchmark.currency.as_ref();
        let a = &f.assumptions;
        let dash = || "\u{2013}".to_string();
        let opt = |x: Option<f64>, fmt: &dyn Fn(f64) -> String| x.map(fmt).unwrap_or_else(dash);

        let ranged = dataset.ranged_pledge();
        let no_amount = dataset.names_without_amount(lang);
        let year = year_of(
            dataset
                .energy
                .as_ref()
                .and_then(|e| e.exports_twh.as_of.as_deref()),
        );

        let names = [
            dataset.subject.name.get(lang),
            dataset.benchmark.name.get(lang),
            dataset.subject.package.get(lang),
            dataset.benchmark.package.get(lang),
        ];
        let mut values: Vec<(&'static str, String)> = Vec::with_capacity(96);
        // Counting private money only, what is left is not "announced": the package says so.
        let package_private = fill(s.package_private, &[("package", names[2])]);
        let names = if a.private_only && f.pledges_left_out > 0 {
            [names[0], names[1], package_private.as_str(), names[3]]
        } else {
            names
        };
        for (key, name) in NAMES.into_iter().zip(names) {
            values.push((key, name.to_string()));
        }
        // The dataset's own forms first (a name the rule gets wrong), else the language's rule.
        let given = |key: &str, prefix: &str| {
            let (forms, which) = match key {
                "subject" => (&dataset.subject.forms, "name"),
                "package" => (&dataset.subject.forms, "package"),
                "benchmark" => (&dataset.benchmark.forms, "name"),
                _ => (&dataset.benchmark.forms, "package"),
            };
            crate::dataset::name_form(forms, lang, prefix, which).map(str::to_string)
        };
        for (key, name) in NAMES.into_iter().zip(names) {
            for prefix in crate::grammar::PREFIXES {
                let private_package = key == "package" && a.private_only && f.pledges_left_out > 0;
                let joined = match given(key, prefix) {
                    Some(form) if !private_package => Some(form),
                    _ => crate::grammar::joined(lang, prefix, name),
                };
                if let Some(joined) = joined {
                    values.push((prefixed(prefix, key), joined));
                }
            }
        }
        values.extend([
            ("base", s.currency(base).trim().to_string()),
            ("quote", s.currency(quote).trim().to_string()),
            ("unit", s.currency_unit(base).to_string()),
            ("currency_name", s.currency_unit(quote).to_string()),
            ("rate", l.rate_exact(a.rate, quote)),
            ("announced", l.money_bn(f.announced_eur_bn, base, 1)),
            ("announced_conv", l.money_bn(f.announced_usd_bn, quote, 1)),
            (
                "itemised",
                l.money_bn_range(f.itemised_eur_bn.low, f.itemised_eur_bn.high, base, 1),
            ),
            (
                "unitemised",
                l.money_bn_range(f.unitemised_eur_bn.low, f.unitemised_eur_bn.high, base, 1),
            ),
            ("pp", l.money(f.france_usd_per_person, quote)),
            ("benchmark_pp", l.money(f.us_usd_per_person, quote)),
            ("ratio", opt(f.per_person_ratio, &|r| l.number(r, 2))),
            ("times", opt(f.per_person_ratio, &|r| l.times_text(r))),
            ("tolerance", l.percent(SAME_PROPORTION_TOLERANCE, 0)),
            (
                "scaled",
                l.money_bn(f.stargate_scaled_to_france_usd_bn, quote, 1),
            ),
            ("parity_rate", opt(f.parity_eurusd, &|r| l.rate_exact(r, quote))),
            ("parity_pop", opt(f.parity_pop_fr_m, &|p| l.millions(p, 1))),
            ("names", join_list(lang, &no_amount)),
            ("names_no_amount", join_list(lang, &no_amount)),
            ("year", l.digits_in(&year)),
            ("load", l.percent(a.load_factor, 0)),
        ]);
        // The date of the pledges' tally: the latest date a pledge with an amount was named.
        if let Some(as_of) = dataset
            .subject
            .pledges
            .iter()
            .filter(|p| p.amount().is_some())
            .filter_map(|p| p.as_of.as_deref())
            .max()
        {
            values.push(("as_of", l.date(as_of)));
            values.push(("as_of_short", l.date_short(as_of)));
        }
        if let Some((p, (low, high))) = ranged.and_then(|p| p.amount().map(|a| (p, a))) {
            values.push(("ranged", p.name.get(lang).to_string()));
            values.push(("ranged_low", l.money_bn(low, base, 1)));
            values.push(("ranged_high", l.money_bn(high, base, 1)));
        }
        values.push(("itemised_low", l.money_bn(f.itemised_eur_bn.low, base, 1)));
        values.push((
            "default_rate",
            l.rate_exact(dataset.exchange_rate.value, quote),
        ));
        let multiple = dataset.benchmark.population_m.value / dataset.subject.population_m.value;
        values.push(("multiple_official", l.number(multiple, 2)));
        values.push(("multiple_official_times", l.times_text(multiple)));
        if let (Some(gw), Some(twh), Some(exports)) =
            (f.nuclear_ai_gw, f.nuclear_ai_twh_per_year, f.exports_twh)
        {
            values.push(("gw", l.gw(gw)));
            values.push(("twh", l.twh(twh, 2)));
            values.push(("exports", l.twh(exports, 0)));
            values.push((
                "share",
                opt(f.nuclear_ai_share_of_exports, &|x| l.percent(x, 1)),
            ));
        }
        let r = &dataset.reported;
        if let (Some(pop), Some(multiple), Some(ratio)) = (
            &r.subject_population_m,
            &r.population_multiple,
            f.article_per_person_ratio,
        ) {
            values.push(("article_pop", l.millions(pop.value, 1)));
            values.push(("multiple", l.number_trim(multiple.value, 2)));
            values.push(("multiple_times", l.times_text(multiple.value)));
            values.push(("article_ratio", l.number(ratio, 2)));
        }
        if let Some(m) = &r.population_multiple {
            values.push(("reported_multiple", l.number_trim(m.value, 2)));
        }
        if let Some(c) = &r.converted_bn {
            values.push(("reported_conv", l.money_bn(c.value, quote, 1)));
            // The rates that round the announced total to the article's conversion.
            let announced = dataset.subject.announced_bn.value;
            if announced > 0.0 {
                let half = 0.5 * 10f64.powi(-(decimals_of(c.value) as i32));
                values.push(("rate_low", l.rate((c.value - half) / announced, quote)));
                values.push(("rate_high", l.rate((c.value + half) / announced, quote)));
                values.push((
                    "reported_rate",
                    l.rate((c.value / announced * 100.0).round() / 100.0, quote),
                ));
            }
        }
        if let Some(i) = &r.itemised_bn {
            values.push(("reported_itemised", l.money_bn(i.value, base, 1)));
        }
        if let (Some(fr), Some(us), Some(ratio)) =
            (f.france_share_of_gdp, f.us_share_of_gdp, f.gdp_share_ratio)
        {
            values.push(("fr_share", l.percent(fr, 2)));
            values.push(("us_share", l.percent(us, 2)));
            if let (Some(fy), Some(uy)) = (a.subject_years, dataset.benchmark_years()) {
                values.push(("fr_share_year", l.percent(fr / fy, 2)));
                values.push(("us_share_year", l.percent(us / uy, 2)));
            }
            values.push(("gdp_ratio", l.number(ratio, 2)));
            values.push(("gdp_times", l.times_text(ratio)));
            values.push(("gdp_ratio_times", l.times(ratio)));
            values.push(("gdp_pct", l.percent((ratio - 1.0).abs(), 0)));
            values.push(("gdp_fr", opt(a.subject_gdp_bn, &|g| l.money_bn(g, base, 1))));
            values.push(("gdp_us", opt(a.benchmark_gdp_bn, &|g| l.money_bn(g, quote, 1))));
            values.push((
                "gdp_parity_package",
                opt(f.gdp_parity_package_eur_bn, &|p| l.money_bn(p, base, 1)),
            ));
            values.push((
                "gdp_parity_gdp",
                opt(f.gdp_parity_gdp_fr_bn, &|g| l.money_bn(g, base, 1)),
            ));
        }
        if let (Some(fr), Some(us), Some(ppy), Some(bppy)) = (
            a.subject_years,
            dataset.benchmark_years(),
            f.france_usd_per_person_per_year,
            f.us_usd_per_person_per_year,
        ) {
            values.push(("years_fr", years(l, fr)));
            values.push(("years_us", years(l, us)));
            values.push(("ppy", l.money(ppy, quote)));
            values.push(("benchmark_ppy", l.money(bppy, quote)));
        }
        if let (Some(range), Some(itemised)) =
            (f.private_announced_eur_bn, f.private_itemised_eur_bn)
        {
            values.push((
                "private_range",
                l.money_bn_range(range.low, range.high, base, 1),
            ));
            values.push(("private_itemised", l.money_bn(itemised, base, 1)));
            values.push(("left_out", join_list(lang, &left_out_names(dataset, lang))));
        }
        if let Some(c) = &dataset.gdp_claim {
            values.push(("gdp_speaker", c.speaker.get(lang).to_string()));
        }
        if let Some(first) = dataset
            .energy
            .as_ref()
            .and_then(|e| e.first_phase_gw.as_ref())
        {
            values.push(("first_gw", l.gw(first.value)));
            values.push(("first_year", l.digits_in(&year_of(first.as_of.as_deref()))));
        }
        // The comparison's phrase names the reader's horizon: filled last, from the values above.
        let per = if per_year { s.per_person_year } else { s.per_person };
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let per = fill(per, &pairs);
        values.push(("per", per));
        Context {
            dataset,
            figures: f,
            locale,
            values,
        }
    }

    fn fill(&self, template: &str) -> String {
        self.fill_with(template, &[])
    }

    /// Fills a template with `own` values first, then this context's.
    fn fill_with(&self, template: &str, own: &[(&str, String)]) -> String {
        let pairs: Vec<(&str, &str)> = own
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .chain(self.values.iter().map(|(k, v)| (*k, v.as_str())))
            .collect();
        fill(template, &pairs)
    }

    fn value(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    fn sentences(&self, shown: Option<&Judgement>, per_year: bool) -> Vec<(&'static str, String)> {
        let s = self.locale.strings();
        let f = self.figures;
        // Nothing left unexplained: say so rather than "€0bn is not itemised".
        let all_itemised = f.unitemised_eur_bn.high.abs() < 0.05;
        let dated = self.value("as_of").is_some();
        let private = f.assumptions.private_only && f.pledges_left_out > 0;
        let mut out = vec![
            ("lede", if per_year { s.lede_totals } else { s.lede }),
            (
                "pledges",
                match (all_itemised, dated, private) {
                    (true, _, _) => s.pledges_all,
                    (false, true, true) => s.pledges_private,
                    (false, true, false) => s.pledges,
                    (false, false, _) => s.pledges_undated,
                },
            ),
        ];
        if f.pledges_named_without_amount > 0 {
            out.push(("pledges_unnamed", s.pledges_unnamed));
        }
        if f.pledges_left_out > 0 && self.value("left_out").is_some() {
            out.push(("private_only", s.private_only));
        }
        out.push(("scaled", s.scaled));
        if per_year && self.value("ppy").is_some() {
            out.push(("horizon", s.horizon));
        }
        if self.value("gdp_ratio").is_some() {
            let by_year = per_year && self.value("fr_share_year").is_some();
            out.push(("gdp", if by_year { s.gdp_per_year } else { s.gdp }));
        }
        let by_gdp = shown.is_some_and(|j| j.yardstick == Yardstick::Gdp);
        let mut out: Vec<(&'static str, String)> = out
            .into_iter()
            .map(|(k, t)| (k, capitalize_first(self.fill(t))))
            .collect();
        // The verdict line and the parity follow the yardstick in effect.
        if let Some(j) = shown {
            out.push(("verdict", j.sentence.clone()));
        }
        let parity = if by_gdp && f.gdp_parity_package_eur_bn.is_some() {
            Some(s.gdp_parity)
        } else if !by_gdp && f.parity_eurusd.is_some() {
            Some(s.parity)
        } else {
            None
        };
        let mut tail = Vec::new();
        if let Some(t) = parity {
            tail.push(("parity", t));
        }
        if self.value("article_ratio").is_some() {
            tail.push(("article_check", s.article_check));
        }
        if self.value("gw").is_some() {
            let full_year = f.assumptions.load_factor >= 1.0;
            tail.push(("energy", if full_year { s.energy } else { s.energy_load }));
        }
        out.extend(
            tail.into_iter()
                .map(|(k, t)| (k, capitalize_first(self.fill(t)))),
        );
        out
    }
    fn display(&self) -> Vec<(&'static str, String)> {
        let l = self.locale;
        let f = self.figures;
        let base = self.dataset.subject.currency.as_ref();
        let quote = self.dataset.benchmark.currency.as_ref();
        let dash = || "\u{2013}".to_string();
        let opt = |x: Option<f64>, fmt: &dyn Fn(f64) -> String| x.map(fmt).unwrap_or_else(dash);
        let a = &f.assumptions;
        vec![
            ("announced_eur_bn", l.money_bn(f.announced_eur_bn, base, 1)),
            ("announced_usd_bn", l.money_bn(f.announced_usd_bn, quote, 1)),
            (
                "itemised_eur_bn",
                l.money_bn_range(f.itemised_eur_bn.low, f.itemised_eur_bn.high, base, 1),
            ),
            (
                "itemised_usd_bn",
                l.money_bn_range(f.itemised_usd_bn.low, f.itemised_usd_bn.high, quote, 1),
            ),
            (
                "unitemised_eur_bn",
                l.money_bn_range(f.unitemised_eur_bn.low, f.unitemised_eur_bn.high, base, 1),
            ),
            (
                "unitemised_usd_bn",
                l.money_bn_range(f.unitemised_usd_bn.low, f.unitemised_usd_bn.high, quote, 1),
            ),
            (
                "itemised_at_point_eur_bn",
                l.money_bn(f.itemised_at_point_eur_bn, base, 1),
            ),
            ("stargate_usd_bn", l.money_bn(f.stargate_usd_bn, quote, 1)),
            (
                "france_usd_per_person",
                l.money(f.france_usd_per_person, quote),
            ),
            ("us_usd_per_person", l.money(f.us_usd_per_person, quote)),
            ("per_person_ratio", opt(f.per_person_ratio, &|r| l.times(r))),
            (
                "stargate_scaled_to_france_usd_bn",
                l.money_bn(f.stargate_scaled_to_france_usd_bn, quote, 1),
            ),
            ("parity_eurusd", opt(f.parity_eurusd, &|r| l.rate(r, quote))),
            (
                "parity_pop_fr_m",
                opt(f.parity_pop_fr_m, &|p| l.millions(p, 1)),
            ),
            ("population_multiple", l.times(f.population_multiple)),
            (
                "article_implied_eurusd",
                opt(f.article_implied_eurusd, &|r| l.rate(r, quote)),
            ),
            (
                "article_per_person_ratio",
                opt(f.article_per_person_ratio, &|r| l.times(r)),
            ),
            (
                "nuclear_ai_twh_per_year",
                opt(f.nuclear_ai_twh_per_year, &|t| l.twh(t, 2)),
            ),
            (
                "nuclear_ai_share_of_exports",
                opt(f.nuclear_ai_share_of_exports, &|s| l.percent(s, 1)),
            ),
            (
                "france_share_of_gdp",
                opt(f.france_share_of_gdp, &|s| l.percent(s, 2)),
            ),
            (
                "us_share_of_gdp",
                opt(f.us_share_of_gdp, &|s| l.percent(s, 2)),
            ),
            ("gdp_share_ratio", opt(f.gdp_share_ratio, &|r| l.times(r))),
            (
                "gdp_parity_package_eur_bn",
                opt(f.gdp_parity_package_eur_bn, &|p| l.money_bn(p, base, 1)),
            ),
            (
                "france_usd_per_person_per_year",
                opt(f.france_usd_per_person_per_year, &|p| l.money(p, quote)),
            ),
            (
                "us_usd_per_person_per_year",
                opt(f.us_usd_per_person_per_year, &|p| l.money(p, quote)),
            ),
            (
                "private_announced_eur_bn",
                f.private_announced_eur_bn
                    .map_or_else(dash, |r| l.money_bn_range(r.low, r.high, base, 1)),
            ),
            ("eurusd", l.rate(a.rate, quote)),
            ("pop_fr", l.millions(a.subject_population_m, 3)),
            ("pop_us", l.millions(a.benchmark_population_m, 1)),
            ("uae", opt(a.ranged_pledge_bn, &|u| l.money_bn(u, base, 1))),
            ("gdp_fr", opt(a.subject_gdp_bn, &|g| l.money_bn(g, base, 1))),
            ("gdp_us", opt(a.benchmark_gdp_bn, &|g| l.money_bn(g, quote, 1))),
            ("years_fr", opt(a.subject_years, &|y| years(l, y))),
            ("load_factor", l.percent(a.load_factor, 0)),
        ]
    }
}

/// Key–text pairs written as one JSON object in their own order (a `BTreeMap` would sort
/// them, and bring its code into the wasm for nothing).
pub struct TextMap<'a, K, V>(pub &'a [(K, V)]);

impl<K: AsRef<str>, V: AsRef<str>> Serialize for TextMap<'_, K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k.as_ref(), v.as_ref())))
    }
}

/// The CLI's `summary --json`: every figure under its public key, the assumptions used, the
/// verdict, and the same figures and sentences formatted for the chosen language.
pub fn summary_json(dataset: &Dataset, report: &Report) -> String {
    use std::collections::BTreeMap;
    #[derive(Serialize)]
    struct Summary<'a> {
        dataset: &'a str,
        lang: Lang,
        #[serde(flatten)]
        figures: &'a Figures,
        verdict: Option<Verdict>,
        gdp_verdict: Option<Verdict>,
        /// The pledges not counted (with `--private-only`), as the dataset names them in English.
        left_out: Vec<&'a str>,
        display: BTreeMap<&'a str, &'a str>,
        sentences: BTreeMap<&'a str, &'a str>,
    }
    let summary = Summary {
        dataset: &dataset.id,
        lang: report.lang,
        figures: &report.figures,
        verdict: report.verdict(),
        gdp_verdict: report.gdp_verdict(),
        left_out: if report.figures.assumptions.private_only {
            left_out_names(dataset, Lang::En)
        } else {
            Vec::new()
        },
        display: report
            .display
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect(),
        sentences: report
            .sentences
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect(),
    };
    serde_json::to_string_pretty(&summary).unwrap_or_default()
}

/// One slider as the page draws it.
#[derive(Debug, Clone, Serialize)]
pub struct Control {
    pub param: &'static str,
    pub label: String,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub value: f64,
    /// The value, formatted for the reader.
    pub display: String,
    /// Where the claim holds exactly, when that point lies on this slider.
    pub parity: Option<f64>,
    pub parity_display: Option<String>,
    /// The words on the parity button: "Equal per person here: $0.9253".
    pub parity_words: Option<String>,
    /// Other points worth marking on the slider (the pledges' own horizons), with their words.
    pub marks: Vec<(f64, String)>,
}

/// The sliders for this dataset: the rate (when the currencies differ), both populations,
/// and the ranged pledge (when there is one).
pub fn controls(dataset: &Dataset, report: &Report) -> Vec<Control> {
    use crate::model::{Knob, Unit};
    let figures = &report.figures;
    let locale = report.locale;
    let s = locale.strings();
    let mut out = Vec::new();
    let by_gdp = figures.assumptions.by_gdp;
    // Every slider the declarations give a label (`model::KNOBS`), in their order.
    for spec in crate::model::KNOBS.iter() {
        let (crate::model::Control::Slider(unit), Some(label)) = (spec.control, spec.label) else {
            continue;
        };
        let knob = spec.knob;
        let Some(template) = s.text(label) else {
            continue;
        };
        // Where the claim holds exactly, for the knobs that have such a point.
        let parity = match knob {
            Knob::Rate => figures.parity_eurusd.filter(|_| !by_gdp),
            Knob::SubjectPopulation => figures.parity_pop_fr_m.filter(|_| !by_gdp),
            Knob::BenchmarkPopulation => figures.parity_pop_us_m.filter(|_| !by_gdp),
            // On the gdp card's slider whatever the yardstick: where the shares are equal.
            Knob::SubjectGdp => figures.gdp_parity_gdp_fr_bn,
            _ => None,
        };
        let display_key = knob.param();
        // The GDPs only matter with GDPs on both sides (the `gdp` card's sliders).
        if matches!(knob, Knob::SubjectGdp | Knob::BenchmarkGdp) && !dataset.has_gdp() {
            continue;
        }
        if knob == Knob::Rate && dataset.subject.currency == dataset.benchmark.currency {
            continue;
        }
        let (Some(range), Some(value)) = (
            Assumptions::range(dataset, knob),
            figures.assumptions.get(knob),
        ) else {
            continue;
        };
        let parity = parity.filter(|p| range.contains(*p));
        let base = dataset.subject.currency.as_ref();
        let quote = dataset.benchmark.currency.as_ref();
        let show = |v: f64| match unit {
            Unit::Rate => locale.rate(v, quote),
            Unit::Millions => locale.millions(v, 1),
            Unit::Years => years(locale, v),
            Unit::SubjectMoney => locale.money_bn(v, base, 1),
            Unit::BenchmarkMoney => locale.money_bn(v, quote, 1),
            Unit::Share => locale.percent(v, 0),
        };
        // On the horizon slider: each pledge's own "by" year, as years from the announcement.
        let marks = match (knob, dataset.announced_year()) {
            (Knob::SubjectYears, Some(start)) => dataset
                .subject
                .pledges
                .iter()
                .filter_map(|p| {
                    let by = p.by_year.as_ref()?.value;
                    let span = by - start;
                    let words = fill(
                        s.horizon_mark,
                        &[
                            ("name", p.name.get(locale.lang)),
                            ("year", &locale.digits_in(&plain_number(by))),
                        ],
                    );
                    range.contains(span).then_some((span, words))
                })
                .collect(),
            _ => Vec::new(),
        };
        out.push(Control {
            param: knob.param(),
            label: report.fill(template),
            min: range.min,
            max: range.max,
            step: range.step,
            value,
            display: report.display(display_key).unwrap_or_default().to_string(),
            parity,
            parity_display: parity.map(show),
            parity_words: parity.map(|p| fill(s.parity_mark, &[("value", &show(p))])),
            marks,
        });
    }
    out
}

/// The two figures the verdict compares, for the live panel a phone reader sees while dragging:
/// per person (per year when the reader spreads the package over another horizon than the
/// benchmark's), or shares of GDP with the GDP yardstick. (name, value, formatted) each.
pub fn comparison(dataset: &Dataset, report: &Report) -> [(String, f64, String); 2] {
    let f = &report.figures;
    let lang = report.locale.lang;
    let names = [
        capitalize_first(dataset.subject.name.get(lang).to_string()),
        capitalize_first(dataset.benchmark.package.get(lang).to_string()),
    ];
    let shown = |key: &str| report.display(key).unwrap_or_default().to_string();
    let same_horizon = f.assumptions.subject_years == dataset.benchmark_years();
    let (keys, values) = match (
        f.assumptions.by_gdp,
        f.france_share_of_gdp.zip(f.us_share_of_gdp),
    ) {
        (true, Some((fr, us))) => (["france_share_of_gdp", "us_share_of_gdp"], [fr, us]),
        _ => match f
            .france_usd_per_person_per_year
            .zip(f.us_usd_per_person_per_year)
        {
            Some((fr, us)) if !same_horizon => (
                [
                    "france_usd_per_person_per_year",
                    "us_usd_per_person_per_year",
                ],
                [fr, us],
            ),
            _ => (
                ["france_usd_per_person", "us_usd_per_person"],
                [f.france_usd_per_person, f.us_usd_per_person],
            ),
        },
    };
    let [a, b] = names;
    [
        (a, values[0], shown(keys[0])),
        (b, values[1], shown(keys[1])),
    ]
}

/// A choice the reader makes with a switch rather than a slider: the yardstick (per person or
/// share of GDP) and counting private money only. Only those the dataset supports.
#[derive(Debug, Clone, Serialize)]
pub struct Switch {
    pub param: &'static str,
    pub label: String,
    pub value: f64,
    /// The choices, value and words; a single one is a checkbox meaning "on".
    pub options: Vec<(f64, String)>,
}

pub fn switches(dataset: &Dataset, report: &Report) -> Vec<Switch> {
    use crate::model::Knob;
    let s = report.locale.strings();
    let a = &report.figures.assumptions;
    let mut out = Vec::new();
    if Assumptions::range(dataset, Knob::Yardstick).is_some() {
        out.push(Switch {
            param: Knob::Yardstick.param(),
            label: s.yardstick_label.to_string(),
            value: a.get(Knob::Yardstick).unwrap_or(0.0),
            options: vec![
                (0.0, s.yardstick_person.to_string()),
                (1.0, s.yardstick_gdp.to_string()),
            ],
        });
    }
    if Assumptions::range(dataset, Knob::PrivateOnly).is_some() {
        out.push(Switch {
            param: Knob::PrivateOnly.param(),
            label: s.private_only_label.to_string(),
            value: a.get(Knob::PrivateOnly).unwrap_or(0.0),
            options: vec![(1.0, s.private_only_label.to_string())],
        });
    }
    out
}

/// One line of the figures table: the public key, a label, the formatted value.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub key: &'static str,
    pub label: String,
    pub value: String,
}

impl Report {
    /// The figures table, in reading order; the same rows for the page and the static fallback.
    pub fn rows(&self) -> Vec<Row> {
        let ctx = self;
        let s = self.locale.strings();
        let who = |key: &str| ctx.value(key).unwrap_or_default().to_string();
        let mut rows: Vec<(&'static str, String)> = vec![
            ("announced_eur_bn", ctx.fill(s.fig_announced)),
            ("announced_usd_bn", ctx.fill(s.fig_converted)),
            ("itemised_eur_bn", ctx.fill(s.fig_itemised)),
            ("unitemised_eur_bn", ctx.fill(s.fig_unitemised)),
        ];
        if ctx.value("ranged").is_some() {
            rows.push(("itemised_at_point_eur_bn", ctx.fill(s.fig_at_point)));
        }
        rows.extend([
            (
                "france_usd_per_person",
                fill(s.fig_per_person, &[("who", &who("package"))]),
            ),
            (
                "us_usd_per_person",
                fill(s.fig_per_person, &[("who", &who("benchmark_package"))]),
            ),
            ("per_person_ratio", ctx.fill(s.fig_ratio)),
            ("stargate_scaled_to_france_usd_bn", ctx.fill(s.fig_scaled)),
            ("parity_eurusd", ctx.fill(s.fig_parity_rate)),
            ("parity_pop_fr_m", ctx.fill(s.fig_parity_pop)),
        ]);
        if self.figures.france_usd_per_person_per_year.is_some() {
            // The subject's horizon is the reader's assumption ("over the next few years"): said.
            rows.push((
                "france_usd_per_person_per_year",
                fill(
                    s.fig_per_year_assumed,
                    &[("who", &who("package")), ("years", &who("years_fr"))],
                ),
            ));
            rows.push((
                "us_usd_per_person_per_year",
                fill(
                    s.fig_per_year,
                    &[("who", &who("benchmark_package")), ("years", &who("years_us"))],
                ),
            ));
        }
        if self.figures.gdp_share_ratio.is_some() {
            rows.push((
                "france_share_of_gdp",
                fill(s.fig_share_gdp, &[("who", &who("package"))]),
            ));
            rows.push((
                "us_share_of_gdp",
                fill(s.fig_share_gdp, &[("who", &who("benchmark_package"))]),
            ));
            rows.push(("gdp_share_ratio", ctx.fill(s.fig_gdp_ratio)));
            rows.push(("gdp_parity_package_eur_bn", ctx.fill(s.fig_gdp_parity)));
        }
        if self.figures.private_announced_eur_bn.is_some() {
            rows.push(("private_announced_eur_bn", ctx.fill(s.fig_private)));
        }
        if self.person.is_some() {
            rows.push(("verdict", fill(s.fig_verdict, &[("per", s.per_person)])));
        }
        if self.gdp.is_some() {
            rows.push(("gdp_verdict", fill(s.fig_verdict, &[("per", s.by_gdp)])));
        }
        if self.figures.nuclear_ai_twh_per_year.is_some() {
            rows.push(("nuclear_ai_twh_per_year", ctx.fill(s.fig_energy)));
            rows.push(("nuclear_ai_share_of_exports", ctx.fill(s.fig_share)));
        }
        rows.into_iter()
            .map(|(key, label)| Row {
                key,
                label: capitalize_first(label),
                value: self.display(key).unwrap_or_default().to_string(),
            })
            .collect()
    }
}

/// The method notes: where the article's own figures are loose, stated plainly. Only the notes
/// whose figures the dataset has.
pub fn method_notes(report: &Report) -> Vec<String> {
    let ctx = report;
    let s = report.locale.strings();
    let mut out = Vec::new();
    let needs = |keys: &[&str]| keys.iter().all(|k| ctx.value(k).is_some());
    // The article's tally counts every pledge: not said while counting private money only.
    if needs(&["reported_itemised", "ranged", "ranged_low"]) && !report.figures.assumptions.private_only {
        out.push(ctx.fill_prose(s.method_upper_bound));
    }
    if let (Some(rounds), true) = (report.reported_rate_rounds, needs(&["reported_conv", "rate_low"])) {
        let t = if rounds { s.method_implied_rate } else { s.method_implied_rate_off };
        out.push(ctx.fill_prose(t));
    }
    if let (Some(rounds), true) = (report.reported_multiple_rounds, needs(&["reported_multiple"])) {
        let t = if rounds { s.method_population } else { s.method_population_off };
        out.push(ctx.fill_prose(t));
    }
    out.into_iter().map(capitalize_first).collect()
}

/// A figure of the dataset with where it comes from, for the sources list.
#[derive(Debug, Clone, Serialize)]
pub struct Sourced {
    pub label: String,
    pub value: String,
    pub source_id: String,
    pub publisher: String,
    pub title: String,
    pub date: String,
    /// The language of the publisher's title (the page's own when the dataset does not say).
    #[serde(skip)]
    pub title_lang: Lang,
    pub url: Option<String>,
    pub as_of: Option<String>,
    pub quote_ar: Option<String>,
}

/// Every sourced figure of the dataset, in the order a reader meets them.
pub fn sourced_figures(dataset: &Dataset, locale: Locale) -> Vec<Sourced> {
    use crate::dataset::Figure;
    let s = locale.strings();
    let l = locale;
    let lang = locale.lang;
    let base = dataset.subject.currency.as_ref();
    let quote = dataset.benchmark.currency.as_ref();
    let mut out = Vec::new();
    let mut push = |label: String,
                    value: String,
                    source: &str,
                    as_of: Option<&str>,
                    quote_ar: Option<&str>| {
        let Some(src) = dataset.sources.get(source) else {
            return;
        };
        out.push(Sourced {
            label: capitalize_first(label),
            value,
            source_id: source.to_string(),
            publisher: src.publisher.to_string(),
            title: src.title.to_string(),
            date: l.date(&src.date),
            title_lang: src.lang.as_deref().and_then(Lang::parse).unwrap_or(lang),
            url: src
                .url
                .as_deref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                .map(str::to_string),
            as_of: as_of.map(|d| l.digits_in(d)),
            quote_ar: quote_ar.map(str::to_string),
        });
    };
    let fig = |f: &Figure| (f.source.clone(), f.as_of.clone(), f.quote_ar.clone());
    let sub = &dataset.subject;
    let (src, as_of, q) = fig(&sub.announced_bn);
    push(
        s.src_announced.to_string(),
        l.money_bn(sub.announced_bn.value, base, 1),
        &src,
        as_of.as_deref(),
        q.as_deref(),
    );
    for p in sub.pledges.iter() {
        let value = match p.amount() {
            Some((low, high)) => l.money_bn_range(low, high, base, 1),
            None => s.src_no_amount.to_string(),
        };
        push(
            fill(s.src_pledge, &[("name", p.name.get(lang))]),
            value,
            &p.source,
            p.as_of.as_deref(),
            p.quote_ar.as_deref(),
        );
    }
    let b = &dataset.benchmark;
    let (src, as_of, q) = fig(&b.amount_bn);
    push(
        fill(
            s.src_benchmark,
            &[("benchmark_package", b.package.get(lang))],
        ),
        l.money_bn(b.amount_bn.value, quote, 1),
        &src,
        as_of.as_deref(),
        q.as_deref(),
    );
    for p in sub.pledges.iter() {
        let name = p.name.get(lang);
        if let (Some(kind), Some(source)) = (p.kind, &p.kind_source) {
            let words = match kind {
                crate::dataset::PledgeKind::Private => s.kind_private,
                crate::dataset::PledgeKind::StateOwned => s.kind_state_owned,
                crate::dataset::PledgeKind::StateBacked => s.kind_state_backed,
            };
            push(
                fill(s.src_kind, &[("name", name)]),
                words.to_string(),
                source,
                None,
                None,
            );
        }
        if let Some(by) = &p.by_year {
            push(
                fill(s.src_by_year, &[("name", name)]),
                l.digits_in(&plain_number(by.value)),
                &by.source,
                by.as_of.as_deref(),
                None,
            );
        }
    }
    // Each claim credited to the source of the words shown, and a translation said to be one.
    for (label, claim) in [(s.src_claim, &dataset.claim), (s.src_gdp_claim, &dataset.gdp_claim)] {
        let Some(c) = claim else { continue };
        let (source, translated) = c.quoted(lang);
        let label = if translated {
            fill(s.src_translated, &[("label", label)])
        } else {
            label.to_string()
        };
        push(
            label,
            c.text.get(lang).to_string(),
            source,
            c.as_of.as_deref(),
            c.quote_ar.as_deref(),
        );
    }
    if let Some(h) = &b.horizon_years {
        push(
            fill(
                s.src_horizon,
                &[
                    ("benchmark_package", b.package.get(lang)),
                    (
                        "de_benchmark_package",
                        &crate::grammar::joined(lang, "de", b.package.get(lang))
                            .unwrap_or_default(),
                    ),
                ],
            ),
            years(l, h.value),
            &h.source,
            h.as_of.as_deref(),
            h.quote_ar.as_deref(),
        );
    }
    for (who, gdp, cur) in [
        (sub.name.get(lang), &sub.gdp_bn, base),
        (b.name.get(lang), &b.gdp_bn, quote),
    ] {
        if let Some(g) = gdp {
            let joined = |prefix| crate::grammar::joined(lang, prefix, who).unwrap_or_default();
            push(
                fill(
                    s.src_gdp,
                    &[("who", who), ("de_who", &joined("de")), ("li_who", &joined("li"))],
                ),
                l.money_bn(g.value, cur, 1),
                &g.source,
                g.as_of.as_deref(),
                g.quote_ar.as_deref(),
            );
        }
    }
    for (who, f) in [
        (sub.name.get(lang), &sub.population_m),
        (b.name.get(lang), &b.population_m),
    ] {
        let (src, as_of, q) = fig(f);
        push(
            fill(s.src_population, &[("who", who)]),
            l.millions(f.value, 3),
            &src,
            as_of.as_deref(),
            q.as_deref(),
        );
    }
    let (src, as_of, q) = fig(&dataset.exchange_rate);
    push(
        s.src_rate.to_string(),
        l.rate_exact(dataset.exchange_rate.value, quote),
        &src,
        as_of.as_deref(),
        q.as_deref(),
    );
    if let Some(e) = &dataset.energy {
        let (src, as_of, q) = fig(&e.capacity_gw);
        push(
            s.src_capacity.to_string(),
            l.gw(e.capacity_gw.value),
            &src,
            as_of.as_deref(),
            q.as_deref(),
        );
        if let Some(first) = &e.first_phase_gw {
            let (src, as_of, q) = fig(first);
            push(
                s.src_first_phase.to_string(),
                l.gw(first.value),
                &src,
                as_of.as_deref(),
                q.as_deref(),
            );
        }
        let (src, as_of, q) = fig(&e.exports_twh);
        push(
            s.src_exports.to_string(),
            l.twh(e.exports_twh.value, 0),
            &src,
            as_of.as_deref(),
            q.as_deref(),
        );
    }
    let r = &dataset.reported;
    type Shown<'a> = Box<dyn Fn(f64) -> String + 'a>;
    let reported: [(&str, &Option<Figure>, Shown); 4] = [
        (
            s.src_reported_conv,
            &r.converted_bn,
            Box::new(|v| l.money_bn(v, quote, 1)),
        ),
        (
            s.src_reported_itemised,
            &r.itemised_bn,
            Box::new(|v| l.money_bn(v, base, 1)),
        ),
        (
            s.src_reported_pop,
            &r.subject_population_m,
            Box::new(|v| l.millions(v, 1)),
        ),
        (
            s.src_reported_multiple,
            &r.population_multiple,
            Box::new(|v| l.times(v)),
        ),
    ];
    for (label, f, show) in reported {
        if let Some(f) = f {
            let (src, as_of, q) = fig(f);
            push(
                label.to_string(),
                show(f.value),
                &src,
                as_of.as_deref(),
                q.as_deref(),
            );
        }
    }
    out
}

/// The figures table as CSV (RFC 4180), with the raw number beside the formatted one. A cell
/// that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with
/// an apostrophe, so a hostile label stays text.
pub fn csv(dataset: &Dataset, report: &Report) -> String {
    let s = report.locale.strings();
    let values = report.figures.values();
    let mut out = String::new();
    let mut line = |cells: &[&str]| {
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(&["key", s.csv_figure, s.csv_value, s.csv_shown]);
    for row in report.rows() {
        let value = match values
            .iter()
            .find(|(key, _)| *key == row.key)
            .map(|(_, v)| *v)
        {
            Some(FigureValue::Number(n)) => plain_number(n),
            Some(FigureValue::Range(r)) => {
                format!("{}–{}", plain_number(r.low), plain_number(r.high))
            }
            // A verdict's machine value is its direction, as in the JSON summary.
            _ => match row.key {
                "verdict" => report.verdict().map(Verdict::name).unwrap_or_default().to_string(),
                "gdp_verdict" => report.gdp_verdict().map(Verdict::name).unwrap_or_default().to_string(),
                _ => String::new(),
            },
        };
        line(&[row.key, &row.label, &value, &row.value]);
    }
    // The pledges themselves, named as the dataset names them.
    let l = report.locale;
    for p in dataset.subject.pledges.iter() {
        let (raw, shown) = match p.amount() {
            Some((low, high)) if low == high => (
                plain_number(low),
                l.money_bn(low, &dataset.subject.currency, 1),
            ),
            Some((low, high)) => (
                format!("{}–{}", plain_number(low), plain_number(high)),
                l.money_bn_range(low, high, &dataset.subject.currency, 1),
            ),
            None => (String::new(), s.src_no_amount.to_string()),
        };
        line(&["pledge", p.name.get(l.lang), &raw, &shown]);
    }
    out
}

fn csv_cell(text: &str) -> String {
    let is_number = crate::decimal::parse(text).is_some_and(f64::is_finite);
    let guarded = match text.chars().next() {
        _ if is_number => text.to_string(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
