//! Words an editor would sign, as tests:
//! - the expected sentences of the default story in English, French and Arabic at the
//!   defaults and at four moved sets of assumptions (`tests/expected/sentences.json`, read
//!   sentence by sentence against shared/facts.md's "Language" section; the page is checked
//!   against the same table by `tests/browser/words.test.mjs`);
//! - the editor's corrections of facts.md, as phrases every language must or must never print;
//! - sentences that agree with their own figures under any assumption a reader can set: the
//!   numbers are read back out of the formatted text (both stories, every knob and switch);
//! - the verdict's wording at each threshold.
//!
//! The table is written by hand, never from the program: English from facts.md and the copy
//! edit (`tests/expected/provenance/en.py`), French and Arabic by their native readers, who
//! wrote a first draft and then signed off or corrected each sentence
//! (`provenance/first-draft-*.json`, `provenance/signoff-*.json`). A sentence the code should
//! say differently is corrected in the table first; the test fails until the code agrees.
//! `DIFF=/tmp/words.json cargo test --test words` writes what the code says, to compare.

use pledge_explainer::model::Knob;
use pledge_explainer::report::{gap, Gap, CLOSE_TOLERANCE, MULTIPLE_FROM};
use pledge_explainer::{Assumptions, Dataset, Lang, Locale, Report};
use proptest::prelude::*;

const TABLE: &str = "tests/expected/sentences.json";
/// The moved sets of assumptions the issue names, as the page's query strings.
const CASES: [&str; 5] = [
    "",
    "years_fr=6",
    "yardstick=gdp",
    "private_only=1",
    "eurusd=0.9",
];

fn story() -> Dataset {
    Dataset::default_story()
}

fn eu() -> Dataset {
    let text = std::fs::read_to_string("data/eu-investai-2025.json").unwrap();
    Dataset::from_json(&text).unwrap()
}

fn report(d: &Dataset, query: &str, lang: Lang) -> Report {
    let parsed = pledge_explainer::params::parse_query(d, Assumptions::defaults(d), query);
    assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
    Report::new(d, &parsed.assumptions, Locale::for_lang(lang))
}

/// What the table holds for one case and language, in reading order: the prose, then each
/// claim's verdict, then each card's answer, as `[key, text]` pairs.
fn words(d: &Dataset, r: &Report) -> serde_json::Value {
    let mut out: Vec<serde_json::Value> = r
        .sentences
        .iter()
        .map(|(key, sentence)| serde_json::json!([key, sentence]))
        .collect();
    for (key, j) in [("verdict", &r.person), ("gdp_verdict", &r.gdp)] {
        if let Some(j) = j {
            out.push(serde_json::json!([format!("badge:{key}"), j.badge]));
        }
    }
    for card in pledge_explainer::html::cards(d) {
        out.push(serde_json::json!([
            format!("card:{}", card.name()),
            card.answer_text(r)
        ]));
    }
    out.into()
}

#[test]
fn the_default_story_says_exactly_the_expected_sentences() {
    let d = story();
    let mut got = serde_json::Map::new();
    for query in CASES {
        let mut by_lang = serde_json::Map::new();
        for lang in Lang::ALL {
            by_lang.insert(lang.code().to_string(), words(&d, &report(&d, query, lang)));
        }
        got.insert(query.to_string(), by_lang.into());
    }
    let got = serde_json::Value::Object(got);
    // With DIFF=path the program's words are written there to read beside the table; the
    // table itself is never written from them.
    if let Some(path) = std::env::var_os("DIFF") {
        std::fs::write(path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let want: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(TABLE).unwrap()).unwrap();
    for query in CASES {
        for lang in Lang::ALL {
            let (g, w) = (&got[query][lang.code()], &want[query][lang.code()]);
            let keys = |v: &serde_json::Value| -> Vec<String> {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p[0].as_str().unwrap().to_string())
                    .collect()
            };
            assert_eq!(
                keys(g),
                keys(w),
                "{query:?} {lang:?}: which sentences, in which order"
            );
            for (g, w) in g.as_array().unwrap().iter().zip(w.as_array().unwrap()) {
                assert_eq!(g[1], w[1], "{query:?} {lang:?} {}", w[0]);
            }
        }
    }
}

/// The editor's corrections (shared/facts.md, "Language"): what must be printed at the
/// defaults, by language.
const MUST: &[(Lang, &str)] = &[
    (Lang::En, "France’s AI package (€109bn)"),
    (Lang::En, "1.12 times Stargate’s $1,470"),
    (Lang::En, "with 5 times as many"),
    (Lang::Fr, "109\u{A0}milliards d’euros"),
    (Lang::Fr, "1,0320\u{A0}dollar pour un euro"),
    (Lang::Fr, "de 26 à 46\u{A0}milliards d’euros"),
    (Lang::Fr, "du PIB des États-Unis"),
    (Lang::Fr, "1\u{202F}640\u{A0}dollars par habitant"),
    (Lang::Ar, "١٠٩ مليارات يورو"),
    (Lang::Ar, "١٬٦٤٠ دولارًا"),
    (Lang::Ar, "١٬٤٧٠ دولارًا"),
    (Lang::Ar, "١١٢٫٥ مليار دولار"),
    (Lang::Ar, "٢٦–٤٦ مليار يورو"),
    (Lang::Ar, "٠٫٩٢٥ دولار"),
    (Lang::Ar, "لفرنسا"),
    (Lang::Ar, "للولايات المتحدة"),
    (Lang::Ar, "غيغاواط واحد"),
];

/// What no sentence may print in any case, by language (`None`: every language).
const NEVER: &[(Option<Lang>, &str, &str)] = &[
    (None, "'", "a straight apostrophe"),
    (None, "\"", "a straight quotation mark"),
    (None, "×\u{2069} ", "a short ratio sign inside running text"),
    (Some(Lang::En), ".00×", "5.00× for 5×"),
    (Some(Lang::En), "5.00 times", "5.00 times for 5 times"),
    (
        Some(Lang::En),
        "same proportion",
        "Macron's words are “the same ratio”",
    ),
    (Some(Lang::Fr), "de les ", "de + les is des"),
    (Some(Lang::Fr), "à les ", "à + les is aux"),
    (Some(Lang::Fr), "de le ", "de + le is du"),
    (Some(Lang::Fr), " :", "an ordinary space before a colon"),
    (Some(Lang::Fr), " ;", "an ordinary space before a semicolon"),
    (
        Some(Lang::Fr),
        " ?",
        "an ordinary space before a question mark",
    ),
    (Some(Lang::Fr), "« ", "an ordinary space inside guillemets"),
    (
        Some(Lang::Fr),
        "Md€",
        "Md€ belongs to tables, not running text",
    ),
    (
        Some(Lang::Fr),
        "la même proportion",
        "Macron said « le même rapport »",
    ),
    (Some(Lang::Ar), "لـال", "لـ + ال is لل"),
    (
        Some(Lang::Ar),
        "\u{0640}",
        "a tatweel before an Arabic word",
    ),
    (
        Some(Lang::Ar),
        "جيجا",
        "one spelling of /g/: غيغاواط with ستارغيت",
    ),
    (
        Some(Lang::Ar),
        "ميجا",
        "one spelling of /g/: ميغاواط with ستارغيت",
    ),
    (Some(Lang::Ar), "١ غيغاواط", "غيغاواط واحد, not ١ غيغاواط"),
    (
        Some(Lang::Ar),
        "١٠٩ مليار ",
        "١٠٩ مليارات: few takes the plural",
    ),
];

fn strip_isolates(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect()
}

#[test]
fn the_editors_corrections_hold_in_every_language() {
    let d = story();
    for (lang, want) in MUST {
        let prose = strip_isolates(&report(&d, "", *lang).prose());
        assert!(prose.contains(want), "{lang:?} lacks {want:?}: {prose}");
    }
    for query in CASES {
        for lang in Lang::ALL {
            let r = report(&d, query, lang);
            let mut texts: Vec<(bool, String)> =
                r.sentences.iter().map(|(_, s)| (true, s.clone())).collect();
            texts.extend(
                r.person
                    .iter()
                    .chain(&r.gdp)
                    .map(|j| (false, j.badge.clone())),
            );
            for (prose, text) in texts {
                for (only, bad, why) in NEVER {
                    // A badge is a label: "2.18×" belongs there.
                    let applies = prose || !bad.starts_with('×');
                    if applies && only.is_none_or(|l| l == lang) {
                        assert!(
                            !text.contains(bad),
                            "{query:?} {lang:?}: {why} ({bad:?}) in {text}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_verdict_wording_changes_at_each_threshold() {
    // Decided on the figures as printed: "0.9%" is the same, "1.0%" is close, "14%" close,
    // "15%" clear, "1.99 times" clear, "2.00 times" a multiple, "0.50 times" clear, "0.49" not.
    let _ = (CLOSE_TOLERANCE, MULTIPLE_FROM);
    let cases = [
        (1.0, Gap::Same),
        (1.0094, Gap::Same),
        (1.0096, Gap::Close),
        (0.9906, Gap::Same),
        (0.9904, Gap::Close),
        (1.1449, Gap::Close),
        (1.1451, Gap::Clear),
        (0.8551, Gap::Close),
        (0.8549, Gap::Clear),
        (1.9949, Gap::Clear),
        (1.9951, Gap::Multiple),
        (0.4951, Gap::Clear),
        (0.4949, Gap::Multiple),
    ];
    for (ratio, want) in cases {
        assert_eq!(gap(Some(ratio)), Some(want), "{ratio}");
    }
    assert_eq!(gap(Some(f64::NAN)), None);
    assert_eq!(gap(None), None);
    // And each gap has its own words, in every language.
    for lang in Lang::ALL {
        let s = lang.strings();
        let badges = [
            s.badge_same,
            s.badge_close_more,
            s.badge_close_less,
            s.badge_clear_more,
            s.badge_clear_less,
            s.badge_multiple_more,
            s.badge_multiple_less,
        ];
        for (i, a) in badges.iter().enumerate() {
            for b in &badges[i + 1..] {
                assert_ne!(a, b, "{lang:?}: two gaps worded alike");
            }
        }
    }
}

/// A number as a locale writes it, and what follows it ('%' for a share).
#[derive(Debug, Clone, Copy)]
struct Read {
    value: f64,
    decimals: u32,
    percent: bool,
}

/// Reads every number out of a formatted sentence, in order (Latin or Arabic-Indic digits,
/// each language's separators, ranges "63–83" as two numbers).
fn numbers(lang: Lang, text: &str) -> Vec<Read> {
    let (group, point) = match lang {
        Lang::En => (',', '.'),
        Lang::Fr => ('\u{202F}', ','),
        Lang::Ar => ('\u{066C}', '\u{066B}'),
    };
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    };
    // Arabic writes two with the dual alone ("ضعفا": twice): read it as the number 2.
    // Where the ratio prints as 1.00 Arabic says "as much as" (ما يعادل): read it as 1.00.
    let text = strip_isolates(text)
        .replace("ضعفان", "2 ")
        .replace("ضعفا", "2 ")
        .replace("ما يعادل", "١٫٠٠ ");
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let (mut int, mut frac, mut decimals, mut in_frac) = (0f64, 0f64, 0u32, false);
        while i < chars.len() {
            let c = chars[i];
            let next_is_digit = chars.get(i + 1).and_then(|c| digit(*c)).is_some();
            match digit(c) {
                Some(d) if in_frac => {
                    decimals += 1;
                    frac += d as f64 / 10f64.powi(decimals as i32);
                }
                Some(d) => int = int * 10.0 + d as f64,
                None if c == group && next_is_digit && !in_frac => {}
                None if c == point && next_is_digit && !in_frac => in_frac = true,
                None => break,
            }
            i += 1;
        }
        let rest: String = chars[i..].iter().take(2).collect();
        let percent = rest
            .trim_start_matches(['\u{A0}', ' '])
            .starts_with(['%', '٪']);
        out.push(Read {
            value: int + frac,
            decimals,
            percent,
        });
    }
    out
}

/// The bounds of a/b when a and b are shown rounded to their places.
fn ratio_bounds(a: Read, b: Read) -> (f64, f64) {
    let half = |r: Read| 0.5 / 10f64.powi(r.decimals as i32);
    (
        (a.value - half(a)) / (b.value + half(b)),
        (a.value + half(a)) / (b.value - half(b)).max(f64::MIN_POSITIVE),
    )
}

fn agrees(ratio: Read, a: Read, b: Read) -> bool {
    let (lo, hi) = ratio_bounds(a, b);
    let half = 0.5 / 10f64.powi(ratio.decimals as i32);
    ratio.value + half >= lo - 1e-9 && ratio.value - half <= hi + 1e-9
}

/// A verdict sentence's stated gap (a percentage or a multiple) against the two figures it
/// weighs, read from the comparing sentence.
fn verdict_agrees(verdict: &[Read], a: Read, b: Read) -> Result<(), String> {
    let (lo, hi) = ratio_bounds(a, b);
    match verdict.iter().rev().find(|r| r.percent || r.value > 0.0) {
        // "12% more/less": |a/b − 1| as a percentage.
        Some(r) if r.percent => {
            let half = 0.5 / 10f64.powi(r.decimals as i32);
            let (g_lo, g_hi) = (r.value - half, r.value + half);
            let gap_lo = ((lo - 1.0).abs()).min((hi - 1.0).abs()) * 100.0;
            let gap_hi = ((lo - 1.0).abs()).max((hi - 1.0).abs()) * 100.0;
            let straddles = lo <= 1.0 && hi >= 1.0;
            let gap_lo = if straddles { 0.0 } else { gap_lo };
            if g_hi + 1e-9 >= gap_lo && g_lo - 1e-9 <= gap_hi {
                Ok(())
            } else {
                Err(format!("{r:?} against {a:?}/{b:?} ({lo}–{hi})"))
            }
        }
        Some(r) if agrees(*r, a, b) => Ok(()),
        other => Err(format!("{other:?} against {a:?}/{b:?} ({lo}–{hi})")),
    }
}

fn sentence<'r>(r: &'r Report, key: &str) -> Option<&'r str> {
    r.sentences
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, s)| s.as_str())
}

/// Checks every sentence that states a ratio against the figures it states.
fn check_sentences(r: &Report) -> Result<(), String> {
    let lang = r.locale.lang;
    let nums = |key: &str| sentence(r, key).map(|s| numbers(lang, s));
    let last3 = |v: &[Read]| -> Option<[Read; 3]> {
        let n = v.len();
        (n >= 3).then(|| [v[n - 3], v[n - 2], v[n - 1]])
    };
    // The per-person comparison: the lede at one horizon (pp, ratio, benchmark pp), the
    // horizon sentence per year (ppy, benchmark ppy, ratio).
    let person = if r.per_year {
        let [a, b, ratio] = last3(&nums("horizon").ok_or("no horizon sentence")?)
            .ok_or("horizon: too few numbers")?;
        if sentence(r, "lede").is_some_and(|s| numbers(lang, s).len() > 5) {
            return Err("the lede states a ratio while the horizons differ".into());
        }
        (a, b, ratio)
    } else {
        let [a, ratio, b] = last3(&nums("lede").ok_or("no lede")?).ok_or("lede: too few")?;
        (a, b, ratio)
    };
    if !agrees(person.2, person.0, person.1) {
        return Err(format!("per person: {person:?}"));
    }
    // The claim card's answer states the same comparison (per year when the horizons differ):
    // its two figures and their ratio, in the lede's order or the horizon sentence's.
    let card = numbers(lang, &pledge_explainer::html::Card::Claim.answer_text(r));
    let [x, y, z] = last3(&card).ok_or("claim card: too few numbers")?;
    let (a, b, ratio) = if r.per_year { (x, y, z) } else { (x, z, y) };
    if !agrees(ratio, a, b) {
        return Err(format!("claim card: {:?}", (a, b, ratio)));
    }
    // The GDP sentence's two shares, and the verdict that weighs whichever is in effect.
    let shares = nums("gdp").map(|v| v.into_iter().filter(|n| n.percent).collect::<Vec<_>>());
    let weighed = match r.yardstick {
        pledge_explainer::report::Yardstick::Gdp => {
            let s = shares.ok_or("no GDP sentence")?;
            (s.len() == 2)
                .then(|| (s[0], s[1]))
                .ok_or("GDP: not two shares")?
        }
        pledge_explainer::report::Yardstick::Person => (person.0, person.1),
    };
    if let (Some(verdict), Some(j)) = (nums("verdict"), r.shown()) {
        if j.gap != Gap::Same {
            verdict_agrees(&verdict, weighed.0, weighed.1).map_err(|e| format!("verdict: {e}"))?;
        }
    }
    Ok(())
}

fn reachable(d: &Dataset, picks: &[f64]) -> Assumptions {
    let mut a = Assumptions::defaults(d);
    for (knob, t) in Knob::ALL.into_iter().zip(picks.iter().cycle()) {
        let Some(range) = Assumptions::range(d, knob) else {
            continue;
        };
        let steps = ((range.max - range.min) / range.step).round();
        let value = range.min + (t * steps).round() * range.step;
        let _ = a.set(d, knob, value.min(range.max));
    }
    a
}

#[test]
fn every_ratio_a_sentence_states_is_the_ratio_of_the_figures_it_states() {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let stories = [story(), eu()];
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(cases));
    runner
        .run(
            &(
                0..2usize,
                prop::collection::vec(0.0..=1.0f64, 10),
                0..3usize,
            ),
            |(which, picks, lang)| {
                let d = &stories[which];
                let a = reachable(d, &picks);
                let r = Report::new(d, &a, Locale::for_lang(Lang::ALL[lang]));
                if let Err(e) = check_sentences(&r) {
                    return Err(TestCaseError::fail(format!("{e}\n{}", r.prose())));
                }
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn the_checker_catches_a_sentence_that_contradicts_its_figures() {
    // The defect the issue found: at a six-year horizon the lede stated the per-year ratio
    // beside the totals ("$1,640 per person, 0.74 times Stargate's $1,470").
    let d = story();
    let mut r = report(&d, "years_fr=6", Lang::En);
    assert!(check_sentences(&r).is_ok());
    r.per_year = false;
    r.sentences[0].1 = "At $1.032 per euro, France’s AI package of €109bn is $112.5bn: $1,640 per person, 0.74 times Stargate’s $1,470.".into();
    assert!(check_sentences(&r).is_err());
    // And the GDP sentence's shares against a verdict that weighs per-year shares.
    let mut r = report(&d, "years_fr=6&yardstick=gdp", Lang::En);
    assert!(check_sentences(&r).is_ok());
    let at = r.sentences.iter().position(|(k, _)| *k == "gdp").unwrap();
    r.sentences[at].1 = "France’s AI package is 3.73% of the GDP of France (€2,919.9bn); Stargate is 1.71% of the GDP of the United States ($29,184.9bn).".into();
    assert!(check_sentences(&r).is_err());
}

#[test]
fn no_placeholder_is_left_unfilled_in_anything_a_reader_sees() {
    use pledge_explainer::charts::{self, Chart};
    use pledge_explainer::html;
    for d in [story(), eu()] {
        for query in CASES {
            for lang in Lang::ALL {
                let parsed =
                    pledge_explainer::params::parse_query(&d, Assumptions::defaults(&d), query);
                let r = Report::new(&d, &parsed.assumptions, Locale::for_lang(lang));
                let mut seen = vec![
                    html::prose(&r),
                    html::claim_section(&d, &r),
                    html::figures_table(&r),
                    html::sources_section(&d, r.locale),
                    html::chart_figures(&d, &r, 375),
                ];
                for chart in Chart::ALL.into_iter().filter(|c| c.applies(&d)) {
                    seen.push(charts::svg(chart, &d, &r, 375, charts::Mode::Standalone));
                }
                for c in pledge_explainer::report::controls(&d, &r) {
                    seen.push(c.label);
                    seen.extend(c.marks.into_iter().map(|(_, words)| words));
                }
                seen.extend(pledge_explainer::report::method_notes(&r));
                for text in seen {
                    let open = text.match_indices('{').map(|(i, _)| i);
                    for i in open {
                        let rest = &text[i + 1..];
                        let name: String = rest
                            .chars()
                            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                            .collect();
                        assert!(
                            !(rest[name.len()..].starts_with('}') && !name.is_empty()),
                            "{} {query:?} {lang:?}: {{{name}}} left unfilled",
                            d.id
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_dataset_gives_the_form_a_rule_would_get_wrong_and_a_wrong_key_is_refused_by_its_path() {
    let text = std::fs::read_to_string("data/eu-investai-2025.json").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["subject"]["name"]["fr"] = "Hambourg".into();
    v["subject"]["forms"] = serde_json::json!({});
    let prose = |v: &serde_json::Value| {
        let d = Dataset::from_json(&v.to_string()).unwrap();
        Report::new(&d, &Assumptions::defaults(&d), Locale::FR).prose()
    };
    // The rule elides before h, which is right for most names and wrong for an aspirated h.
    assert!(prose(&v).contains("d’Hambourg"), "{}", prose(&v));
    v["subject"]["forms"] = serde_json::json!({ "fr": { "de_name": "de Hambourg" } });
    assert!(
        prose(&v).contains("population de Hambourg"),
        "{}",
        prose(&v)
    );
    assert!(!prose(&v).contains("d’Hambourg"));
    // A form the language does not have is named by its path, with the keys that place takes.
    v["subject"]["forms"] = serde_json::json!({ "fr": { "li_name": "x" } });
    let errors = Dataset::from_json(&v.to_string()).unwrap_err();
    assert_eq!(errors[0].path, "subject.forms.fr.li_name", "{errors:?}");
}

/// The live panel's pair is what the verdict in effect weighs: per person, per year once the
/// horizons differ, shares of GDP with the GDP yardstick (the same decisions as the report's).
#[test]
fn the_live_panel_compares_what_the_verdict_weighs() {
    let d = story();
    for (query, keys) in [
        ("", ["france_usd_per_person", "us_usd_per_person"]),
        (
            "years_fr=6",
            [
                "france_usd_per_person_per_year",
                "us_usd_per_person_per_year",
            ],
        ),
        ("yardstick=gdp", ["france_share_of_gdp", "us_share_of_gdp"]),
        // The verdict weighs a year of each share when the horizons differ.
        (
            "yardstick=gdp&years_fr=6",
            ["france_share_of_gdp_per_year", "us_share_of_gdp_per_year"],
        ),
    ] {
        let r = report(&d, query, Lang::En);
        let pair = pledge_explainer::report::comparison(&d, &r);
        let shown: Vec<&str> = keys.iter().map(|k| r.display(k).unwrap()).collect();
        assert_eq!(
            [pair[0].2.as_str(), pair[1].2.as_str()],
            [shown[0], shown[1]],
            "{query}"
        );
        assert_eq!(
            [pair[0].0.as_str(), pair[1].0.as_str()],
            ["France", "Stargate"],
            "{query}"
        );
    }
}

/// The horizon slider names each pledge's own date where it falls: years from the announcement.
#[test]
fn the_horizon_slider_marks_the_pledges_dates_in_years_from_the_announcement() {
    let d = story();
    let r = report(&d, "", Lang::En);
    let controls = pledge_explainer::report::controls(&d, &r);
    let years = controls.iter().find(|c| c.param == "years_fr").unwrap();
    let mut marks = years.marks.clone();
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(
        marks,
        [
            (4.0, "Bpifrance: by 2029".to_string()),
            (5.0, "Brookfield: by 2030".to_string())
        ]
    );
    // A story in one currency has no rate slider, and keeps the others.
    let mut one = story();
    one.benchmark.currency = one.subject.currency.clone();
    let r = Report::new(
        &one,
        &Assumptions::defaults(&one),
        Locale::for_lang(Lang::En),
    );
    let params: Vec<&str> = pledge_explainer::report::controls(&one, &r)
        .iter()
        .map(|c| c.param)
        .collect();
    assert!(
        !params.contains(&"eurusd") && params.contains(&"pop_fr"),
        "{params:?}"
    );
}

/// The names the page reads a verdict's colour and size by (`data-verdict`, `data-gap`).
#[test]
fn verdicts_and_gaps_have_the_names_the_page_styles() {
    use pledge_explainer::report::Verdict;
    let names: Vec<&str> = [Verdict::Holds, Verdict::More, Verdict::Less]
        .iter()
        .map(|v| v.name())
        .collect();
    assert_eq!(names, ["holds", "more", "less"]);
    let gaps: Vec<&str> = [Gap::Same, Gap::Close, Gap::Clear, Gap::Multiple]
        .iter()
        .map(|g| g.name())
        .collect();
    assert_eq!(gaps, ["same", "close", "clear", "multiple"]);
    let css = std::fs::read_to_string("www/style.css").unwrap();
    for name in ["holds", "more", "less"] {
        assert!(
            css.contains(&format!("[data-verdict=\"{name}\"]")),
            "style.css styles no {name}"
        );
    }
    for name in ["same", "close"] {
        assert!(
            css.contains(&format!("[data-gap=\"{name}\"]")),
            "style.css styles no {name}"
        );
    }
}
