//! The page's public URL state: `lang` and the knobs [`KNOBS`] declares as kept by the URL
//! (their names and order are there; `pledge-explainer declarations` hands them to the page).
//!
//! Parsing lives in the core so that the page, the embed script and the tests agree on it.
//! Unknown parameters (embed hosts add their own) are ignored silently; a known one with a bad
//! value is ignored with a notice, and the others still apply.

use crate::dataset::Dataset;
use crate::format::Locale;
use crate::lang::Lang;
use crate::messages::assumption_error_message;
use crate::model::{AssumptionError, Assumptions, Knob, KNOBS};
use serde::Serialize;

/// A parameter that was refused, and why, in words for the reader.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub param: String,
    pub value: String,
    pub error: AssumptionError,
}

impl Notice {
    pub fn message(&self, lang: Lang) -> String {
        let s = lang.strings();
        // A hostile value is shown as text by the page; here it is only shortened.
        let value: String = self.value.chars().take(40).collect();
        crate::lang::fill(
            s.param_ignored,
            &[
                ("param", &self.param),
                ("value", &value),
                ("why", &assumption_error_message(&self.error, lang)),
            ],
        )
    }
}

/// What a query string asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub locale: Option<Locale>,
    pub assumptions: Assumptions,
    pub notices: Vec<Notice>,
}

/// Decodes `%XX` and `+` (application/x-www-form-urlencoded); invalid escapes stay as typed.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Applies a query string (with or without the leading `?`) on top of `start`.
pub fn parse_query(dataset: &Dataset, start: Assumptions, query: &str) -> Parsed {
    let mut assumptions = start;
    let mut locale = None;
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        let value = percent_decode(raw_value);
        if key == "lang" {
            match Locale::parse(&value) {
                Some(l) => locale = Some(l),
                None => notices.push(Notice {
                    param: key,
                    value,
                    error: AssumptionError::NotApplicable,
                }),
            }
            continue;
        }
        // Only the public underscore spellings are URL parameters.
        let Some(knob) = Knob::from_url_param(&key) else {
            continue;
        };
        if let Err(error) = assumptions.set_str(dataset, knob, &value) {
            notices.push(Notice {
                param: key,
                value,
                error,
            });
        }
    }
    Parsed {
        locale,
        assumptions,
        notices,
    }
}

/// The query string for a view: only what differs from the defaults, in a fixed order, so
/// the same view always gives the same link.
pub fn to_query(dataset: &Dataset, a: &Assumptions, locale: Option<Locale>) -> String {
    let defaults = Assumptions::defaults(dataset);
    let mut parts: Vec<String> = Vec::new();
    if let Some(l) = locale {
        parts.push(format!("lang={}", l.tag()));
    }
    for spec in KNOBS.iter().filter(|k| k.in_url) {
        if let (Some(v), Some(d)) = ((spec.get)(a), (spec.get)(&defaults)) {
            if v != d {
                let text = match spec.knob.switch_words() {
                    Some((off, on)) => (if v == 1.0 { on } else { off }).to_string(),
                    None => plain_number(v),
                };
                parts.push(format!("{}={}", spec.param, text));
            }
        }
    }
    parts.join("&")
}

pub use crate::decimal::plain as plain_number;

/// What the page's scripts need of the declarations, as JSON, for the build to write into them
/// (`pledge-explainer declarations`; `scripts/inline-shared.mjs`): the languages' tags (the
/// fallback first), their names in themselves, those written right to left, and the URL parameters of the view's
/// state (`lang` first: the page's `STATE_PARAMS`; `embed.js`'s attributes are these with `-`
/// for `_`, and `dataset`).
pub fn page_declarations() -> String {
    use crate::json::{array, write_string, ObjectWriter};
    use crate::lang::{Direction, LANGS};
    let strings = |items: Vec<&str>| array(items, |out, s| write_string(out, s));
    let mut out = String::new();
    let mut o = ObjectWriter::new(&mut out);
    let mut names = String::new();
    let mut n = ObjectWriter::new(&mut names);
    for l in LANGS.iter() {
        n.string(l.tag, l.autonym);
    }
    n.end();
    o.raw("languages", &strings(LANGS.iter().map(|l| l.tag).collect()))
        .raw("names", &names)
        .raw(
            "rtl",
            &strings(
                LANGS
                    .iter()
                    .filter(|l| l.direction == Direction::Rtl)
                    .map(|l| l.tag)
                    .collect(),
            ),
        )
        .raw(
            "state",
            &strings(
                std::iter::once("lang")
                    .chain(KNOBS.iter().filter(|k| k.in_url).map(|k| k.param))
                    .collect(),
            ),
        );
    o.end();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Dataset {
        Dataset::default_story()
    }

    #[test]
    fn plain_numbers_are_shortest_and_round_trip() {
        for (v, text) in [
            (1.0325, "1.0325"),
            (68.606, "68.606"),
            (50.0, "50"),
            (-0.5, "-0.5"),
            (0.1 + 0.2, "0.30000000000000004"),
        ] {
            assert_eq!(plain_number(v), text);
            assert_eq!(text.parse::<f64>().unwrap(), v);
        }
        assert_eq!(plain_number(f64::NAN), "NaN");
        assert_eq!(plain_number(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn good_values_apply_and_unknown_parameters_are_silent() {
        let d = story();
        let p = parse_query(
            &d,
            Assumptions::defaults(&d),
            "?lang=ar&eurusd=1.05&pop_fr=70&initialWidth=375&childId=x",
        );
        assert_eq!(p.locale, Some(Locale::AR));
        assert_eq!(p.assumptions.rate, 1.05);
        assert_eq!(p.assumptions.subject_population_m, 70.0);
        assert!(p.notices.is_empty(), "{:?}", p.notices);
    }

    #[test]
    fn bad_values_are_named_and_the_rest_survive() {
        let d = story();
        let defaults = Assumptions::defaults(&d);
        let p = parse_query(
            &d,
            defaults,
            "eurusd=abc&pop_fr=70&pop_us=Infinity&uae=99&lang=xx&eurusd=%3Cscript%3E",
        );
        assert_eq!(p.assumptions.subject_population_m, 70.0);
        assert_eq!(p.assumptions.rate, defaults.rate);
        assert_eq!(
            p.assumptions.benchmark_population_m,
            defaults.benchmark_population_m
        );
        assert_eq!(p.assumptions.ranged_pledge_bn, defaults.ranged_pledge_bn);
        let named: Vec<&str> = p.notices.iter().map(|n| n.param.as_str()).collect();
        assert_eq!(named, ["eurusd", "pop_us", "uae", "lang", "eurusd"]);
        assert_eq!(p.notices[4].value, "<script>");
        let msg = p.notices[2].message(Lang::En);
        assert!(
            msg.contains("uae=99") && msg.contains("between 30 and 50"),
            "{msg}"
        );
    }

    #[test]
    fn round_trip_gives_the_same_view() {
        let d = story();
        let mut a = Assumptions::defaults(&d);
        a.set(&d, Knob::Rate, 0.9873).unwrap();
        a.set(&d, Knob::RangedPledge, 41.5).unwrap();
        let q = to_query(&d, &a, Some(Locale::FR));
        assert_eq!(q, "lang=fr&eurusd=0.9873&uae=41.5");
        let back = parse_query(&d, Assumptions::defaults(&d), &q);
        assert_eq!(back.assumptions, a);
        assert_eq!(back.locale, Some(Locale::FR));
        let ma = Locale::parse("ar-DZ").unwrap();
        let q = to_query(&d, &a, Some(ma));
        assert!(q.starts_with("lang=ar-MA&"), "{q}");
        assert_eq!(
            parse_query(&d, Assumptions::defaults(&d), &q).locale,
            Some(ma)
        );
    }

    #[test]
    fn percent_decoding_survives_garbage() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E2%82%AC"), "€");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn the_new_parameters_round_trip_and_bad_values_are_named() {
        let d = Dataset::default_story();
        let q = "years_fr=6&yardstick=gdp&gdp_fr=3000&private_only=1";
        let parsed = parse_query(&d, Assumptions::defaults(&d), q);
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        let a = parsed.assumptions;
        assert_eq!(
            (a.subject_years, a.by_gdp, a.subject_gdp_bn, a.private_only),
            (Some(6.0), true, Some(3000.0), true)
        );
        assert_eq!(
            to_query(&d, &a, None),
            "years_fr=6&yardstick=gdp&gdp_fr=3000&private_only=1"
        );
        for bad in [
            "years_fr=0",
            "years_fr=2.5",
            "years_fr=x",
            "yardstick=banana",
            "private_only=2",
            "gdp_us=-5",
            "gdp_fr=1e9",
        ] {
            let parsed = parse_query(&d, Assumptions::defaults(&d), bad);
            assert_eq!(parsed.assumptions, Assumptions::defaults(&d), "{bad}");
            assert_eq!(parsed.notices.len(), 1, "{bad}");
            assert!(
                parsed.notices[0]
                    .message(Lang::En)
                    .contains(bad.split('=').next().unwrap()),
                "{bad}"
            );
        }
    }

    #[test]
    fn load_factor_round_trips_through_the_link() {
        let d = story();
        let parsed = parse_query(&d, Assumptions::defaults(&d), "load_factor=0.6");
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        assert_eq!(parsed.assumptions.load_factor, 0.6);
        assert_eq!(to_query(&d, &parsed.assumptions, None), "load_factor=0.6");
    }

    /// Every knob the URL keeps comes back from its link, at either end of its range, alone
    /// and all together; the link names each knob once, by its declared name.
    #[test]
    fn every_declared_knob_round_trips_through_the_link() {
        let d = story();
        let defaults = Assumptions::defaults(&d);
        for far in [false, true] {
            let mut all = defaults;
            for spec in KNOBS.iter().filter(|k| k.in_url) {
                let range = (spec.range)(&d).unwrap();
                let value = if far { range.max } else { range.min };
                let value = if (spec.get)(&defaults) == Some(value) {
                    if far {
                        range.min
                    } else {
                        range.max
                    }
                } else {
                    value
                };
                let mut one = defaults;
                one.set(&d, spec.knob, value).unwrap();
                all.set(&d, spec.knob, value).unwrap();
                let q = to_query(&d, &one, None);
                assert!(
                    q.starts_with(&format!("{}=", spec.param)) && !q.contains('&'),
                    "{q}"
                );
                let back = parse_query(&d, defaults, &q);
                assert!(back.notices.is_empty(), "{q}: {:?}", back.notices);
                assert_eq!(back.assumptions, one, "{q}");
            }
            let q = to_query(&d, &all, Some(Locale::AR));
            assert_eq!(
                q.split('&').count(),
                1 + KNOBS.iter().filter(|k| k.in_url).count(),
                "{q}"
            );
            let back = parse_query(&d, defaults, &q);
            assert_eq!(back.assumptions, all, "{q}");
            assert_eq!(back.locale, Some(Locale::AR));
        }
        // The defaults need no link at all.
        assert_eq!(to_query(&d, &defaults, None), "");
    }

    #[test]
    fn the_page_is_handed_the_declared_lists() {
        let json = page_declarations();
        assert_eq!(
            json,
            "{\"languages\":[\"en\",\"fr\",\"ar\"],\"names\":{\"en\":\"English\",\"fr\":\"Français\",\"ar\":\"العربية\"},\"rtl\":[\"ar\"],\"state\":[\"lang\",\"eurusd\",\"pop_fr\",\"pop_us\",\"uae\",\"load_factor\",\"years_fr\",\"yardstick\",\"gdp_fr\",\"gdp_us\",\"private_only\"]}"
        );
    }
}
