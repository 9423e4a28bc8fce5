//! Invariants over arbitrary inputs: nothing panics, nothing shown is NaN or infinite, ranges
//! stay ordered, ratios scale as they must, conversions round-trip.
//! Cases per property: PROPTEST_CASES (default 10,000; `make test-long` runs 100,000).

use pledge_explainer::model::Knob;
use pledge_explainer::{compute, Assumptions, Dataset, Locale, Report};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000)
}

fn story() -> Dataset {
    Dataset::default_story()
}

/// Any f64 at all, weighted toward the awkward ones.
fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(-0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MIN_POSITIVE),
        Just(f64::MAX),
        -1e6..1e6f64,
        any::<f64>(),
    ]
}

/// Assumptions a reader can actually reach: inside the sliders' ranges.
fn reachable() -> impl Strategy<Value = (f64, f64, f64, f64)> {
    (
        0.8..=1.3f64,
        40.0..=100.0f64,
        250.0..=450.0f64,
        30.0..=50.0f64,
    )
}

fn assumptions(d: &Dataset, (rate, fr, us, uae): (f64, f64, f64, f64)) -> Assumptions {
    let mut a = Assumptions::defaults(d);
    a.set(d, Knob::Rate, rate).unwrap();
    a.set(d, Knob::SubjectPopulation, fr).unwrap();
    a.set(d, Knob::BenchmarkPopulation, us).unwrap();
    a.set(d, Knob::RangedPledge, uae).unwrap();
    a
}

/// The first figure (or assumption) that is NaN or infinite, by its public key. A figure that
/// cannot be computed is `Missing` (`null` in JSON): that is allowed, a NaN anywhere is not.
/// (Read from `Figures::values`, not from serde_json, which writes NaN as `null`.)
fn not_finite(f: &pledge_explainer::Figures) -> Option<String> {
    use pledge_explainer::model::{FigureValue, KNOBS};
    for (key, value) in f.values() {
        match value {
            FigureValue::Number(n) if !n.is_finite() => return Some(format!("{key} = {n}")),
            FigureValue::Range(r) if !(r.low.is_finite() && r.high.is_finite()) => {
                return Some(format!("{key} = {}..{}", r.low, r.high))
            }
            _ => {}
        }
    }
    KNOBS.iter().find_map(|k| {
        let v = (k.get)(&f.assumptions)?;
        (!v.is_finite()).then(|| format!("assumptions.{} = {v}", k.param))
    })
}

/// Where a text shows a number that was not one: the formatter writes a lone en dash for
/// NaN or infinity, so an en dash that is not between two digits (a range: "30–50") is one.
/// The shipped words use the en dash for ranges only.
fn shows_a_missing_number(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |c: Option<&char>| {
        c.is_some_and(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(c))
    };
    for (i, c) in chars.iter().enumerate() {
        if *c == '\u{2013}' && !(i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1))) {
            let around: String = chars[i.saturating_sub(20)..(i + 20).min(chars.len())]
                .iter()
                .collect();
            return Some(around);
        }
    }
    (text.contains("NaN") || text.contains("inf")).then(|| text.to_string())
}

/// Every text a report shows: its sentences, its formatted figures, the badge.
fn report_texts(r: &Report) -> Vec<String> {
    r.sentences
        .iter()
        .chain(r.display.iter())
        .map(|(_, s)| s.clone())
        .chain([r.badge.clone(), r.prose()])
        .collect()
}

#[test]
fn the_finiteness_checks_can_fail() {
    let d = story();
    let mut f = compute(&d, &Assumptions::defaults(&d));
    assert_eq!(not_finite(&f), None);
    f.stargate_scaled_to_france_usd_bn = f64::NAN;
    assert_eq!(
        not_finite(&f).as_deref(),
        Some("stargate_scaled_to_france_usd_bn = NaN")
    );
    f.stargate_scaled_to_france_usd_bn = 1.0;
    f.assumptions.load_factor = f64::INFINITY;
    assert!(not_finite(&f).is_some());
    // What the formatter writes for NaN, inside a sentence, is caught; a range is not.
    let nan = Locale::EN.money_bn(f64::NAN, "EUR", 0);
    assert!(
        shows_a_missing_number(&format!("France announced {nan}.")).is_some(),
        "{nan}"
    );
    assert_eq!(shows_a_missing_number("€30–50bn, ٣٠–٥٠"), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_parsed_or_refused_without_panic(text in any::<String>()) {
        let _ = Dataset::from_json(&text);
    }

    #[test]
    fn damaged_copies_of_the_real_dataset_are_refused_or_read_without_panic(
        cut in 0usize..12_000, byte in any::<u8>(), at in 0usize..12_000,
    ) {
        // Truncated downloads and flipped bytes: what a broken CMS upload looks like.
        let text = pledge_explainer::dataset::DEFAULT_DATASET_JSON.as_bytes();
        let mut bytes = text[..cut.min(text.len())].to_vec();
        if !bytes.is_empty() {
            let i = at % bytes.len();
            bytes[i] = byte;
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(d) = Dataset::from_json(&text) {
            let f = compute(&d, &Assumptions::defaults(&d));
            prop_assert_eq!(not_finite(&f), None);
        }
    }

    #[test]
    fn any_numbers_in_the_dataset_are_refused_or_computed_safely(
        announced in any_f64(), low in any_f64(), high in any_f64(), pop in any_f64(), rate in any_f64(),
        set_rate in any_f64(), set_pop in any_f64(),
    ) {
        let mut v: serde_json::Value = serde_json::from_str(pledge_explainer::dataset::DEFAULT_DATASET_JSON).unwrap();
        let num = |x: f64| serde_json::Number::from_f64(x).map(serde_json::Value::Number).unwrap_or(serde_json::Value::Null);
        v["subject"]["announced_bn"]["value"] = num(announced);
        v["subject"]["pledges"][0]["low_bn"] = num(low);
        v["subject"]["pledges"][0]["high_bn"] = num(high);
        v["subject"]["population_m"]["value"] = num(pop);
        v["exchange_rate"]["value"] = num(rate);
        if let Ok(d) = Dataset::from_json(&v.to_string()) {
            let mut a = Assumptions::defaults(&d);
            let _ = a.set(&d, Knob::Rate, set_rate);
            let _ = a.set(&d, Knob::SubjectPopulation, set_pop);
            let f = compute(&d, &a);
            prop_assert_eq!(not_finite(&f), None, "{:?}", f);
            prop_assert!(f.itemised_eur_bn.low <= f.itemised_eur_bn.high);
            prop_assert!(f.unitemised_eur_bn.low <= f.unitemised_eur_bn.high);
            for locale in [Locale::EN, Locale::FR, Locale::AR] {
                for text in report_texts(&Report::new(&d, &a, locale)) {
                    prop_assert_eq!(shows_a_missing_number(&text), None, "{}", text);
                }
            }
        }
    }

    #[test]
    fn refused_assumptions_change_nothing(knob in 0usize..Knob::ALL.len(), value in any_f64()) {
        let d = story();
        let before = Assumptions::defaults(&d);
        let mut a = before;
        if a.set(&d, Knob::ALL[knob], value).is_err() {
            prop_assert_eq!(a, before);
        } else {
            prop_assert!(value.is_finite());
        }
    }

    #[test]
    fn ratios_scale_as_they_must(p in reachable(), k in 0.5..2.0f64) {
        let d = story();
        let a = assumptions(&d, p);
        let f = compute(&d, &a);
        let ratio = f.per_person_ratio.unwrap();
        // Linear in the rate, inverse in France's population, linear in the US population.
        let at = pledge_explainer::model::ratio_at(&f, a.rate * k, a.subject_population_m).unwrap();
        prop_assert!((at - ratio * k).abs() <= 1e-9 * ratio.max(1.0) * k.max(1.0));
        // And it is what `compute` gives at that rate (the chart's shortcut is exact).
        let mut moved = a;
        moved.rate = a.rate * k;
        let computed = compute(&d, &moved).per_person_ratio.unwrap();
        prop_assert!((at - computed).abs() <= 1e-9 * computed.max(1.0));
        let at = pledge_explainer::model::ratio_at(&f, a.rate, a.subject_population_m * k).unwrap();
        prop_assert!((at - ratio / k).abs() <= 1e-9 * ratio.max(1.0) / k.min(1.0));
        // At the parity values the per-person figures are equal.
        let parity = f.parity_eurusd.unwrap();
        let at = pledge_explainer::model::ratio_at(&f, parity, a.subject_population_m).unwrap();
        prop_assert!((at - 1.0).abs() < 1e-9);
        let at = pledge_explainer::model::ratio_at(&f, a.rate, f.parity_pop_fr_m.unwrap()).unwrap();
        prop_assert!((at - 1.0).abs() < 1e-9);
        // Stargate scaled to France's population over France's package is 1 / ratio.
        prop_assert!((f.stargate_scaled_to_france_usd_bn / f.announced_usd_bn - 1.0 / ratio).abs() < 1e-9);
    }

    #[test]
    fn conversions_round_trip_and_ranges_stay_ordered(p in reachable()) {
        let d = story();
        let f = compute(&d, &assumptions(&d, p));
        let rate = f.assumptions.rate;
        prop_assert!((f.announced_usd_bn / rate - f.announced_eur_bn).abs() < 1e-9);
        prop_assert!((f.itemised_usd_bn.high / rate - f.itemised_eur_bn.high).abs() < 1e-9);
        prop_assert!(f.itemised_eur_bn.low <= f.itemised_at_point_eur_bn);
        prop_assert!(f.itemised_at_point_eur_bn <= f.itemised_eur_bn.high);
        prop_assert!((f.itemised_at_point_eur_bn + f.unitemised_at_point_eur_bn - f.announced_eur_bn).abs() < 1e-9);
        prop_assert!(f.itemised_usd_bn.low <= f.itemised_usd_bn.high);
        prop_assert!(f.unitemised_usd_bn.low <= f.unitemised_usd_bn.high);
    }

    #[test]
    fn the_formatter_never_shows_nan_or_panics(x in any_f64(), decimals in 0u32..10) {
        for locale in [Locale::EN, Locale::FR, Locale::AR] {
            let s = locale.number(x, decimals);
            prop_assert!(!s.is_empty());
            prop_assert!(!s.contains("NaN") && !s.contains("inf"));
            let _ = locale.money_bn(x, "EUR", decimals);
            let _ = locale.percent(x, decimals);
        }
    }
}

/// The assumptions #13 added, inside their ranges: years, both GDPs, the two switches.
fn depth() -> impl Strategy<Value = (u8, f64, f64, bool, bool)> {
    (
        1u8..=10,
        1460.0..=4380.0f64,
        14592.0..=43777.0f64,
        any::<bool>(),
        any::<bool>(),
    )
}

fn with_depth(
    d: &Dataset,
    mut a: Assumptions,
    (years, gdp_fr, gdp_us, private, by_gdp): (u8, f64, f64, bool, bool),
) -> Assumptions {
    a.set(d, Knob::SubjectYears, years as f64).unwrap();
    a.set(d, Knob::SubjectGdp, gdp_fr).unwrap();
    a.set(d, Knob::BenchmarkGdp, gdp_us).unwrap();
    a.set(d, Knob::PrivateOnly, private as u8 as f64).unwrap();
    a.set(d, Knob::Yardstick, by_gdp as u8 as f64).unwrap();
    a
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases() / 4, ..ProptestConfig::default() })]

    /// Every figure stays finite and every sentence is written, whatever the reader sets.
    #[test]
    fn the_new_assumptions_keep_every_figure_finite(base in reachable(), extra in depth(), lang in 0usize..3) {
        let d = story();
        let a = with_depth(&d, assumptions(&d, base), extra);
        let f = compute(&d, &a);
        prop_assert_eq!(not_finite(&f), None);
        let locale = [Locale::EN, Locale::FR, Locale::AR][lang];
        let r = Report::new(&d, &a, locale);
        let unfilled = r.sentences.iter().any(|(_, s)| s.contains('{'));
        prop_assert!(!unfilled, "a sentence with a placeholder: {:?}", r.sentences);
        for text in report_texts(&r) {
            prop_assert_eq!(shows_a_missing_number(&text), None, "{}", text);
        }
        prop_assert!(r.sentences.iter().any(|(k, _)| *k == "verdict"));
    }

    /// A share of GDP does not depend on the exchange rate; the per-person ratio is linear in it.
    #[test]
    fn the_gdp_ratio_ignores_the_rate(base in reachable(), extra in depth(), rate in 0.8..=1.3f64) {
        let d = story();
        let a = with_depth(&d, assumptions(&d, base), extra);
        let mut b = a;
        b.set(&d, Knob::Rate, rate).unwrap();
        let (fa, fb) = (compute(&d, &a), compute(&d, &b));
        let (ga, gb) = (fa.gdp_share_ratio.unwrap(), fb.gdp_share_ratio.unwrap());
        prop_assert!((ga - gb).abs() <= 1e-12 * ga.abs());
        let (pa, pb) = (fa.per_person_ratio.unwrap(), fb.per_person_ratio.unwrap());
        // The sensitivity chart's shortcut agrees with `compute`, private money and horizon included.
        let shortcut = pledge_explainer::model::ratio_at(&fa, rate, a.subject_population_m).unwrap();
        prop_assert!((shortcut - pb).abs() <= 1e-9 * pb.max(1.0));
        prop_assert!((pb / pa - rate / a.rate).abs() < 1e-9);
    }

    /// At each parity the comparison is exactly even, horizon and private counting included.
    #[test]
    fn each_parity_makes_its_ratio_one(base in reachable(), extra in depth()) {
        let d = story();
        let a = with_depth(&d, assumptions(&d, base), extra);
        let f = compute(&d, &a);
        let mut at_rate = a;
        at_rate.rate = f.parity_eurusd.unwrap();
        prop_assert!((compute(&d, &at_rate).per_person_ratio.unwrap() - 1.0).abs() < 1e-9);
        let mut at_gdp = a;
        at_gdp.subject_gdp_bn = f.gdp_parity_gdp_fr_bn;
        prop_assert!((compute(&d, &at_gdp).gdp_share_ratio.unwrap() - 1.0).abs() < 1e-9);
    }

    /// Private money only never counts more than the whole, and leaves the itemised private part.
    #[test]
    fn private_money_is_part_of_the_whole(base in reachable(), extra in depth()) {
        let d = story();
        let a = with_depth(&d, assumptions(&d, base), extra);
        let mut all = a;
        all.private_only = false;
        let (f, whole) = (compute(&d, &a), compute(&d, &all));
        prop_assert!(f.announced_eur_bn <= whole.announced_eur_bn);
        let range = f.private_announced_eur_bn.unwrap();
        prop_assert!(range.low <= range.high && range.high <= whole.announced_eur_bn);
        if a.private_only {
            prop_assert!(range.low - 1e-9 <= f.announced_eur_bn && f.announced_eur_bn <= range.high + 1e-9);
            prop_assert_eq!(f.itemised_eur_bn.high, f.private_itemised_eur_bn.unwrap());
        }
    }
}
