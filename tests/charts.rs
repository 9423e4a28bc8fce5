//! The charts as SVG: snapshots per chart and language (review the diff when they change;
//! `UPDATE_SNAPSHOTS=1 cargo test --test charts` rewrites them), well-formed XML with a text
//! alternative, hostile labels shown as text, extreme assumptions drawn without panic, and a
//! palette that keeps its contrast on both themes.

use pledge_explainer::charts::layout::{BACKGROUNDS, MEANINGFUL, STATIC_WIDTH};
use pledge_explainer::charts::{self, Chart, Mode};
use pledge_explainer::dataset::DEFAULT_DATASET_JSON;
use pledge_explainer::model::Knob;
use pledge_explainer::{Assumptions, Dataset, Locale, Report};
use std::path::PathBuf;

fn story() -> Dataset {
    Dataset::default_story()
}

fn standalone(d: &Dataset, a: &Assumptions, chart: Chart, locale: Locale, width: u32) -> String {
    charts::svg(
        chart,
        d,
        &Report::new(d, a, locale),
        width,
        Mode::Standalone,
    )
}

/// Parses and returns every <text> content, checking that no <text> holds markup.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"));
    let mut out = Vec::new();
    for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
        assert!(
            node.children().all(|c| c.is_text()),
            "markup inside <text>: {svg}"
        );
        out.push(node.text().unwrap_or_default().trim().to_string());
    }
    assert!(
        !svg.contains("NaN") && !svg.contains("inf"),
        "NaN or infinity in SVG"
    );
    out
}

#[test]
fn snapshots_per_chart_and_language() {
    let d = story();
    let a = Assumptions::defaults(&d);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut changed = Vec::new();
    for chart in Chart::ALL {
        for (lang, locale) in [("en", Locale::EN), ("fr", Locale::FR), ("ar", Locale::AR)] {
            for width in [375, STATIC_WIDTH] {
                let svg = standalone(&d, &a, chart, locale, width);
                let path = dir.join(format!("{}-{lang}-{width}.svg", chart.name()));
                if update {
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(&path, &svg).unwrap();
                } else {
                    let want = std::fs::read_to_string(&path).unwrap_or_default();
                    if want != svg {
                        changed.push(path.display().to_string());
                    }
                }
            }
        }
    }
    assert!(
        changed.is_empty(),
        "snapshots differ (review, then UPDATE_SNAPSHOTS=1): {changed:#?}"
    );
}

#[test]
fn every_chart_is_well_formed_with_title_and_desc_stating_its_figures() {
    let d = story();
    let a = Assumptions::defaults(&d);
    let cases = [
        (
            Chart::Pledges,
            "Where does the €109bn come from?",
            // With the UAE (MGX) at its default point, €50bn: the rest of €109bn not itemised.
            "€26bn was not itemised",
        ),
        (
            Chart::PerPerson,
            "How much is it per person next to Stargate?",
            "$1,640",
        ),
        (
            Chart::Sensitivity,
            "How much does the verdict depend on the exchange rate?",
            "$0.925",
        ),
        (
            Chart::Energy,
            "Nuclear power for AI: 1 GW against the electricity France exports",
            // 8.76 TWh of RTE's 89 TWh of net exports.
            "9.8%",
        ),
    ];
    for (chart, title, figure) in cases {
        let svg = standalone(&d, &a, chart, Locale::EN, 640);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let title_el = root
            .children()
            .find(|n| n.has_tag_name("title"))
            .expect("title");
        assert_eq!(title_el.text(), Some(title));
        let desc = root
            .children()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .unwrap_or_default();
        assert!(
            desc.contains(figure),
            "{chart:?} desc lacks {figure}: {desc}"
        );
    }
}

#[test]
fn the_charts_show_the_core_figures() {
    let d = story();
    let mut a = Assumptions::defaults(&d);
    a.set(&d, Knob::Rate, 1.2).unwrap();
    let all: Vec<String> = Chart::ALL
        .iter()
        .flat_map(|c| texts(&standalone(&d, &a, *c, Locale::EN, 640)))
        .collect();
    // Per person 109bn × 1.2 / 68.606m = $1,907
    for want in [
        "$1,907",
        "$1,470",
        "€30–50bn",
        "€26–46bn",
        "Announced €109bn",
        "At your rate: 1.30×",
        "8.76 TWh",
        "9.8%",
    ] {
        assert!(
            all.iter().any(|t| t.contains(want)),
            "no chart text contains {want:?}: {all:?}"
        );
    }
}

#[test]
fn arabic_charts_use_arabic_indic_digits_and_isolate_rtl_labels() {
    let d = story();
    let a = Assumptions::defaults(&d);
    let texts = texts(&standalone(&d, &a, Chart::Pledges, Locale::AR, 640));
    assert!(
        texts.iter().any(|t| t.contains("٣٠–٥٠ مليار يورو")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .all(|t| !t.chars().any(|c| c.is_ascii_digit()) || t.contains("MGX")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .all(|t| t.starts_with('\u{2067}') && t.ends_with('\u{2069}')),
        "{texts:?}"
    );
}

#[test]
fn hostile_labels_stay_text_in_every_chart() {
    let hostile = "<script>alert(1)</script>&\"'";
    let mut v: serde_json::Value = serde_json::from_str(DEFAULT_DATASET_JSON).unwrap();
    v["subject"]["pledges"][1]["name"]["en"] = hostile.into();
    v["subject"]["pledges"][4]["name"]["en"] = "<img src=x onerror=alert(1)>".into();
    v["benchmark"]["package"]["en"] = "</text><script>x</script>".into();
    let d = Dataset::from_json(&v.to_string()).unwrap();
    let a = Assumptions::defaults(&d);
    for chart in Chart::ALL {
        for mode in [Mode::Standalone, Mode::Inline] {
            let svg = charts::svg(chart, &d, &Report::new(&d, &a, Locale::EN), 640, mode);
            assert!(!svg.contains("<script"), "{chart:?}: unescaped markup");
            assert!(!svg.contains("<img"), "{chart:?}: unescaped markup");
            texts(&svg);
        }
    }
    let pledges = texts(&standalone(&d, &a, Chart::Pledges, Locale::EN, 640));
    assert!(
        pledges.iter().any(|t| t.contains("<script>alert(1)")),
        "{pledges:?}"
    );
}

#[test]
fn extreme_assumptions_and_widths_draw_without_panic() {
    let d = story();
    let r = &d.ranges;
    for rate in [r.rate.min, r.rate.max] {
        for fr in [r.subject_population_m.min, r.subject_population_m.max] {
            for us in [r.benchmark_population_m.min, r.benchmark_population_m.max] {
                let mut a = Assumptions::defaults(&d);
                a.set(&d, Knob::Rate, rate).unwrap();
                a.set(&d, Knob::SubjectPopulation, fr).unwrap();
                a.set(&d, Knob::BenchmarkPopulation, us).unwrap();
                a.set(&d, Knob::RangedPledge, 30.0).unwrap();
                for chart in Chart::ALL {
                    for width in [0, 1, 280, 320, 1200, 100_000] {
                        texts(&standalone(&d, &a, chart, Locale::AR, width));
                    }
                }
            }
        }
    }
    // Tiny and huge populations, beyond the sliders, straight into the chart code.
    let mut r = Report::new(&d, &Assumptions::defaults(&d), Locale::EN);
    for (pop, rate) in [(1e-9, 1e-9), (1e12, 1e12), (f64::MIN_POSITIVE, 0.5)] {
        r.figures.assumptions.subject_population_m = pop;
        r.figures.assumptions.rate = rate;
        r.figures.france_usd_per_person = 1e15;
        r.figures.per_person_ratio = Some(1e15);
        for chart in Chart::ALL {
            texts(&charts::svg(chart, &d, &r, 640, Mode::Standalone));
        }
    }
}

#[test]
fn a_dataset_without_energy_or_ranges_still_draws() {
    let mut v: serde_json::Value = serde_json::from_str(DEFAULT_DATASET_JSON).unwrap();
    v.as_object_mut().unwrap().remove("energy");
    v["subject"]["pledges"][0]["low_bn"] = 50.into();
    v["subject"]["pledges"] =
        serde_json::Value::Array(v["subject"]["pledges"].as_array().unwrap()[..4].to_vec());
    let d = Dataset::from_json(&v.to_string()).unwrap();
    assert!(!Chart::Energy.applies(&d));
    let a = Assumptions::defaults(&d);
    for chart in [Chart::Pledges, Chart::PerPerson, Chart::Sensitivity] {
        let t = texts(&standalone(&d, &a, chart, Locale::EN, 640));
        assert!(
            !t.iter().any(|s| s.contains("Named without amounts")),
            "{t:?}"
        );
    }
}

fn luminance(c: plotters::style::RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

fn contrast(a: plotters::style::RGBColor, b: plotters::style::RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A custom property's colour (`--name: #rrggbb;`) in a block of CSS.
fn css_colour(css: &str, name: &str) -> plotters::style::RGBColor {
    let at = css
        .find(&format!("{name}:"))
        .unwrap_or_else(|| panic!("style.css: no {name}"));
    let value = css[at + name.len() + 1..].trim_start();
    let hex = value
        .strip_prefix('#')
        .and_then(|v| v.get(..6))
        .unwrap_or_else(|| panic!("style.css: {name} is not #rrggbb: {value:.20}"));
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    plotters::style::RGBColor(byte(0), byte(2), byte(4))
}

/// The backgrounds the charts are drawn on, as the page's stylesheet sets them: `--paper` in
/// the light theme (`:root`) and in the dark one.
fn page_backgrounds() -> Vec<plotters::style::RGBColor> {
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/style.css")).unwrap();
    let light = &css[css.find(":root {").expect("style.css: no :root")..];
    let dark = &css[css
        .find("@media (prefers-color-scheme: dark)")
        .expect("style.css: no dark theme")..];
    vec![css_colour(light, "--paper"), css_colour(dark, "--paper")]
}

#[test]
fn meaningful_colours_keep_3_to_1_on_the_stylesheets_light_and_dark_backgrounds() {
    let backgrounds = page_backgrounds();
    for color in MEANINGFUL {
        for bg in &backgrounds {
            let c = contrast(color, *bg);
            assert!(c >= 3.0, "{color:?} on style.css's {bg:?}: {c:.2}:1");
        }
    }
    // layout.rs's copy of the backgrounds (the standalone SVG's paper) is the stylesheet's.
    assert_eq!(
        BACKGROUNDS.to_vec(),
        backgrounds,
        "charts/layout.rs BACKGROUNDS vs style.css --paper"
    );
    // And the page's own subject and benchmark colours (the live panel) are the charts'.
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/style.css")).unwrap();
    assert_eq!(css_colour(&css, "--subject"), MEANINGFUL[0]);
    assert_eq!(css_colour(&css, "--benchmark"), MEANINGFUL[1]);
    // Subject and benchmark differ in lightness too, not in hue alone.
    let (s, b) = (MEANINGFUL[0], MEANINGFUL[1]);
    assert!(
        (luminance(s) - luminance(b)).abs() > 0.04,
        "{:.3} vs {:.3}",
        luminance(s),
        luminance(b)
    );
}

/// The custom properties (`--name: value`, whitespace collapsed, in order) declared in the
/// first rule of www/style.css that starts with `start`, comments left out.
fn custom_properties(start: &str) -> Vec<String> {
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/style.css")).unwrap();
    let at = css
        .find(start)
        .unwrap_or_else(|| panic!("style.css: no {start}"));
    let mut body = &css[at + start.len()..];
    let mut text = String::new();
    while let Some((before, after)) = body.split_once("/*") {
        text.push_str(before);
        body = after.split_once("*/").map_or("", |(_, rest)| rest);
    }
    text.push_str(body);
    let text = text.split_once('}').map_or(text.as_str(), |(rule, _)| rule);
    text.split(';')
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|d| d.starts_with("--"))
        .collect()
}

/// The dark palette is written twice in style.css (the reader's preference in a media query,
/// and the host's `theme=dark`: a media query cannot share a rule with a selector); the two
/// must declare the same custom properties with the same values.
#[test]
fn the_two_dark_palettes_in_the_stylesheet_are_the_same() {
    let block = |start: &str| {
        let mut props = custom_properties(start);
        props.sort();
        props
    };
    let preferred = block(":root:not([data-theme=\"light\"]) {");
    let hosted = block(":root[data-theme=\"dark\"] {");
    assert!(preferred.len() >= 8, "{preferred:?}");
    assert_eq!(
        preferred, hosted,
        "the reader's dark palette vs the host's theme=dark"
    );
}

/// Every knob that changes a chart's drawing is in that chart's redraw key (`Chart::inputs`,
/// from the knobs' declarations): one left out leaves the chart stale on the page.
#[test]
fn a_chart_redraws_for_every_knob_that_changes_it() {
    let d = story();
    let mut by_gdp = Assumptions::defaults(&d);
    by_gdp.set(&d, Knob::Yardstick, 1.0).unwrap();
    for (base, chart) in [Assumptions::defaults(&d), by_gdp]
        .into_iter()
        .flat_map(|a| Chart::ALL.map(|c| (a, c)))
    {
        let before = standalone(&d, &base, chart, Locale::EN, STATIC_WIDTH);
        for spec in pledge_explainer::model::KNOBS.iter() {
            let range = (spec.range)(&d).unwrap();
            let now = (spec.get)(&base).unwrap();
            // The far end of its range from the default (a switch: the other position).
            let other = if now - range.min > range.max - now {
                range.min
            } else {
                range.max
            };
            let mut a = base;
            a.set(&d, spec.knob, other).unwrap();
            let after = standalone(&d, &a, chart, Locale::EN, STATIC_WIDTH);
            if after != before {
                assert!(
                    chart.inputs().any(|k| k == spec.knob),
                    "{} changes the {} chart, which does not list it among its inputs",
                    spec.param,
                    chart.name()
                );
            }
        }
    }
}

fn svg_height(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.root_element().attribute("height").unwrap().to_string()
}

#[test]
fn the_claim_cards_chart_stays_per_person_whatever_the_yardstick() {
    // One verdict per card: the claim's card asks per person, so its chart does too; the gdp
    // card draws the shares (the copy edit's and the design review's blocker, 2026-12-07).
    let d = story();
    let per_person = Assumptions::defaults(&d);
    let mut by_gdp = per_person;
    by_gdp.set(&d, Knob::Yardstick, 1.0).unwrap();
    for locale in [Locale::EN, Locale::FR, Locale::AR] {
        let a = standalone(&d, &per_person, Chart::PerPerson, locale, 375);
        let b = standalone(&d, &by_gdp, Chart::PerPerson, locale, 375);
        assert_eq!(
            texts(&a),
            texts(&b),
            "{locale:?}: the yardstick changed the per-person chart"
        );
        let gdp = texts(&standalone(&d, &by_gdp, Chart::Gdp, locale, 375)).join(" | ");
        let l = locale;
        for want in [
            l.percent(0.037330, 2),
            l.percent(0.017132, 2),
            l.money_bn(50.0, "EUR", 1),
        ] {
            assert!(gdp.contains(&want), "{locale:?}: {want} not in {gdp}");
        }
        assert!(!texts(&a).join(" ").contains(&l.percent(0.037330, 2)));
        assert_eq!(
            svg_height(&a),
            svg_height(&b),
            "{locale:?}: the yardstick would move the page"
        );
    }
}

#[test]
fn private_money_only_leaves_the_state_pledges_out_of_the_pledges_chart() {
    let d = story();
    let mut a = Assumptions::defaults(&d);
    let all = texts(&standalone(&d, &a, Chart::Pledges, Locale::EN, 672)).join(" | ");
    a.set(&d, Knob::PrivateOnly, 1.0).unwrap();
    let private = texts(&standalone(&d, &a, Chart::Pledges, Locale::EN, 672)).join(" | ");
    assert!(all.contains("Bpifrance") && all.contains("UAE (MGX)"));
    assert!(
        !private.contains("Bpifrance") && !private.contains("UAE (MGX)"),
        "{private}"
    );
    assert!(
        private.contains("Brookfield") && private.contains("Iliad") && private.contains("€49bn"),
        "{private}"
    );
}

#[test]
fn the_energy_chart_shows_the_first_phase_reported_beside_the_gigawatt() {
    let d = story();
    let shown = texts(&standalone(
        &d,
        &Assumptions::defaults(&d),
        Chart::Energy,
        Locale::EN,
        672,
    ))
    .join(" | ");
    assert!(
        shown.contains("First phase, 250 MW, at 100%")
            && shown.contains("2.19 TWh")
            && shown.contains("8.76 TWh"),
        "{shown}"
    );
}

/// A dashed line (the benchmark's length, the parity line, Stargate's per year) is one element
/// with a dash pattern, not one element per dash: a slider move patches, lays out and paints
/// each element that changed.
#[test]
fn a_dashed_line_is_one_element() {
    let d = story();
    let a = Assumptions::defaults(&d);
    for (chart, lines) in [
        // One group of bars per person (the scaled group said the same: dropped).
        (Chart::PerPerson, 1),
        (Chart::Sensitivity, 1),
        (Chart::Horizon, 1),
    ] {
        let svg = standalone(&d, &a, chart, Locale::EN, 672);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let dashed: Vec<_> = doc
            .descendants()
            .filter(|n| n.attribute("stroke-dasharray") == Some("5 4"))
            .collect();
        assert_eq!(dashed.len(), lines, "{chart:?}: {svg}");
        for n in &dashed {
            assert_eq!(n.attribute("stroke-width"), Some("2"), "{chart:?}");
            assert_eq!(
                n.attribute("points").unwrap().split_whitespace().count(),
                2,
                "{chart:?}"
            );
        }
        // No dash drawn as its own short segment beside it.
        let short = doc
            .descendants()
            .filter(|n| n.has_tag_name("polyline"))
            .filter(|n| {
                let p: Vec<i32> = n
                    .attribute("points")
                    .unwrap()
                    .split([' ', ','])
                    .filter_map(|v| v.parse().ok())
                    .collect();
                p.len() == 4
                    && (p[0] - p[2]).abs() + (p[1] - p[3]).abs() <= 5
                    && n.attribute("stroke-width") == Some("2")
            })
            .count();
        assert_eq!(short, 0, "{chart:?}: dashes drawn one by one");
    }
}

/// The charts' font stacks are the stylesheet's (`--font` at the root and under
/// `[lang|="ar"]`), and each names first the Noto face for its script, which most Linux
/// systems have: Chromium on Linux asks the browser process, and waits, for every family it
/// cannot find, at every size and weight of the first screen (33-34 lookups in a cold load's
/// first layout with "Segoe UI" first, 22 with Noto first; www/style.css).
#[test]
fn font_stacks_are_the_stylesheets_and_name_an_installed_face_first() {
    use pledge_explainer::charts::layout::{FONT_STACK, FONT_STACK_ARABIC};
    let font = |rule: &str| {
        custom_properties(rule)
            .iter()
            .find_map(|d| d.strip_prefix("--font: "))
            .unwrap_or_else(|| panic!("style.css: no --font in {rule}"))
            .replace('"', "'")
    };
    assert_eq!(
        font(":root {"),
        FONT_STACK,
        "the root's --font is not layout::FONT_STACK"
    );
    assert_eq!(
        font("[lang|=\"ar\"] {"),
        FONT_STACK_ARABIC,
        "[lang|=\"ar\"]'s --font is not layout::FONT_STACK_ARABIC"
    );
    for (stack, face) in [
        (FONT_STACK, "'Noto Sans'"),
        (FONT_STACK_ARABIC, "'Noto Sans Arabic'"),
    ] {
        assert_eq!(
            stack.split(", ").next(),
            Some(face),
            "{stack}: a family a Linux reader lacks is named before {face}"
        );
    }
}

/// Every axis reads evenly: the tick labels, read back as numbers, are equally spaced (a
/// 0.25 step printed with one place read "1.3", "1.5", "1.8").
#[test]
fn axis_ticks_read_back_equally_spaced() {
    let d = story();
    // The defaults and each knob at nine points of its range (the axes' spans move with them).
    let mut sets = vec![Assumptions::defaults(&d)];
    for spec in pledge_explainer::model::KNOBS.iter() {
        let range = (spec.range)(&d).unwrap();
        for k in 0..=8 {
            let mut a = Assumptions::defaults(&d);
            let at = range.min + (range.max - range.min) * k as f64 / 8.0;
            // A knob of whole steps (years) takes the nearest whole one.
            if a.set(&d, spec.knob, at).is_ok() || a.set(&d, spec.knob, at.round()).is_ok() {
                sets.push(a);
            }
        }
    }
    for (a, chart) in sets.iter().flat_map(|a| Chart::ALL.map(|c| (a, c))) {
        for locale in [Locale::EN, Locale::FR] {
            for width in (280..=720).step_by(48) {
                let svg = standalone(&d, a, chart, locale, width);
                let doc = roxmltree::Document::parse(&svg).unwrap();
                let mut groups: std::collections::BTreeMap<String, Vec<f64>> = Default::default();
                for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
                    let plain: String = node
                        .text()
                        .unwrap_or_default()
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect();
                    if plain.is_empty()
                        || !plain
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                    {
                        continue;
                    }
                    let n: f64 = if locale == Locale::FR {
                        plain.replace(',', ".").parse().unwrap()
                    } else {
                        plain.replace(',', "").parse().unwrap()
                    };
                    // Ticks along x share a y; ticks along y share an x.
                    for at in ["x", "y"] {
                        let key = format!("{at}={}", node.attribute(at).unwrap_or_default());
                        groups.entry(key).or_default().push(n);
                    }
                }
                for (at, values) in groups.iter().filter(|(_, v)| v.len() >= 3) {
                    let mut v = values.clone();
                    v.sort_by(f64::total_cmp);
                    let steps: Vec<f64> = v.windows(2).map(|w| w[1] - w[0]).collect();
                    assert!(
                        steps.iter().all(|s| (s - steps[0]).abs() < 1e-9),
                        "{chart:?} {locale:?} {width} px: ticks at {at} read {v:?}"
                    );
                }
            }
        }
    }
}
