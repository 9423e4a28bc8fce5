//! The sliders and switches as the page draws them, and the two figures the live panel compares.

use super::*;

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
    // Every slider the declarations give a label (`model::KNOBS`), in their order.
    for spec in crate::model::KNOBS.iter() {
        let (crate::model::Control::Slider(unit), Some(label)) = (spec.control, spec.label) else {
            continue;
        };
        let knob = spec.knob;
        let Some(template) = s.text(label) else {
            continue;
        };
        let parity = (spec.parity)(figures);
        let display_key = knob.param();
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
            Unit::Rate => locale.rate_point(v, quote),
            Unit::Millions => locale.millions(v, 1),
            Unit::Years => crate::report::years_alone(locale, v),
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
            // The two figures the parity makes equal are per person (a year, when the
            // horizons differ): the button says so.
            parity_words: parity.map(|p| {
                // A GDP slider (an amount of money) makes the shares equal, not the figures
                // per person (the ranged pledge, also money, has no parity).
                let per = match unit {
                    Unit::SubjectMoney | Unit::BenchmarkMoney => "per_gdp",
                    _ => "per",
                };
                fill(
                    s.parity_mark,
                    &[
                        ("value", &show(p)),
                        ("per", report.value(per).unwrap_or_default()),
                    ],
                )
            }),
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
    // The yardstick in effect and whether the horizons differ, as the report decided them.
    let gdp = f.france_share_of_gdp.zip(f.us_share_of_gdp);
    let gdp_year = f
        .france_share_of_gdp_per_year
        .zip(f.us_share_of_gdp_per_year);
    let per_year = f
        .france_usd_per_person_per_year
        .zip(f.us_usd_per_person_per_year);
    let (keys, values) = match (report.yardstick, gdp, per_year) {
        (Yardstick::Gdp, _, _) if report.per_year && gdp_year.is_some() => {
            let (fr, us) = gdp_year.unwrap_or_default();
            (
                ["france_share_of_gdp_per_year", "us_share_of_gdp_per_year"],
                [fr, us],
            )
        }
        (Yardstick::Gdp, Some((fr, us)), _) => {
            (["france_share_of_gdp", "us_share_of_gdp"], [fr, us])
        }
        (_, _, Some((fr, us))) if report.per_year => (
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
    let s = report.locale.strings();
    let a = &report.figures.assumptions;
    let mut out = Vec::new();
    // Every switch the declarations give a label (`model::KNOBS`), where the dataset has a use
    // for it. A switch with words (`yardstick=person|gdp`) is radio buttons worded by the
    // strings `<param>_<word>`; one without is a checkbox worded by its label.
    for spec in crate::model::KNOBS.iter() {
        let (crate::model::Control::Switch { words }, Some(label)) = (spec.control, spec.label)
        else {
            continue;
        };
        let Some(label) = s.text(label) else {
            continue;
        };
        if Assumptions::range(dataset, spec.knob).is_none() {
            continue;
        }
        let word = |w: &str| {
            s.text(&format!("{}_{w}", spec.param))
                .unwrap_or(w)
                .to_string()
        };
        let options = match words {
            Some((off, on)) => vec![(0.0, word(off)), (1.0, word(on))],
            None => vec![(1.0, label.to_string())],
        };
        out.push(Switch {
            param: spec.param,
            label: label.to_string(),
            value: a.get(spec.knob).unwrap_or(0.0),
            options,
        });
    }
    out
}
