//! The figures table, the method notes, the sources list, the CSV and the CLI's JSON.

use super::*;

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
        /// The same figures as running text writes them (the cards' answers).
        prose_display: BTreeMap<&'a str, &'a str>,
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
        prose_display: report.prose_figures().collect(),
        sentences: report
            .sentences
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect(),
    };
    serde_json::to_string_pretty(&summary).unwrap_or_default()
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
        let without = self.sum == Sum::WithoutLeftOut;
        // The ranged pledge counted at the reader's point: the range rows say they span it.
        let ranged = self.ranged_counted;
        let pick = |yes: bool, a: &'static str, b: &'static str| if yes { a } else { b };
        let mut rows: Vec<(&'static str, String)> = vec![
            (
                "announced_eur_bn",
                ctx.fill(pick(without, s.fig_left, s.fig_announced)),
            ),
            (
                "announced_usd_bn",
                ctx.fill(pick(without, s.fig_left_converted, s.fig_converted)),
            ),
            (
                "itemised_eur_bn",
                ctx.fill(if ranged {
                    s.fig_itemised_range
                } else {
                    pick(without, s.fig_itemised_private, s.fig_itemised)
                }),
            ),
            (
                "unitemised_eur_bn",
                ctx.fill(pick(ranged, s.fig_unitemised_range, s.fig_unitemised)),
            ),
        ];
        if ranged {
            rows.push(("itemised_at_point_eur_bn", ctx.fill(s.fig_at_point)));
            rows.push((
                "unitemised_at_point_eur_bn",
                ctx.fill(s.fig_unitemised_at_point),
            ));
        }
        // Totals per person beside a per-year ratio say "in all".
        let per_person = pick(self.per_year, s.fig_per_person_total, s.fig_per_person);
        rows.extend([
            (
                "france_usd_per_person",
                fill(per_person, &[("who", &who("package"))]),
            ),
            (
                "us_usd_per_person",
                fill(per_person, &[("who", &who("benchmark_package"))]),
            ),
        ]);
        // The ratio sits beside the two figures it divides: the totals, or a year of each.
        let ratio_rows = [
            ("per_person_ratio", ctx.fill(s.fig_ratio)),
            ("stargate_scaled_to_france_usd_bn", ctx.fill(s.fig_scaled)),
            ("parity_eurusd", ctx.fill(s.fig_parity_rate)),
            ("parity_pop_fr_m", ctx.fill(s.fig_parity_pop)),
        ];
        let yearly = self.per_year && self.figures.france_usd_per_person_per_year.is_some();
        if !yearly {
            rows.extend(ratio_rows.clone());
        }
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
                    &[
                        ("who", &who("benchmark_package")),
                        ("years", &who("years_us")),
                    ],
                ),
            ));
        }
        if yearly {
            rows.extend(ratio_rows);
        }
        if self.figures.gdp_share_ratio.is_some() {
            let yearly = self.per_year && self.figures.france_share_of_gdp_per_year.is_some();
            if yearly {
                rows.push((
                    "france_share_of_gdp_per_year",
                    fill(
                        s.fig_share_gdp_year_assumed,
                        &[("who", &who("package")), ("years", &who("years_fr"))],
                    ),
                ));
                rows.push((
                    "us_share_of_gdp_per_year",
                    fill(
                        s.fig_share_gdp_year,
                        &[
                            ("who", &who("benchmark_package")),
                            ("years", &who("years_us")),
                        ],
                    ),
                ));
            } else {
                rows.push((
                    "france_share_of_gdp",
                    fill(s.fig_share_gdp, &[("who", &who("package"))]),
                ));
                rows.push((
                    "us_share_of_gdp",
                    fill(s.fig_share_gdp, &[("who", &who("benchmark_package"))]),
                ));
            }
            rows.push(("gdp_share_ratio", ctx.fill(s.fig_gdp_ratio)));
            rows.push(("gdp_parity_package_eur_bn", ctx.fill(s.fig_gdp_parity)));
        }
        if self.figures.private_announced_eur_bn.is_some() {
            rows.push(("private_announced_eur_bn", ctx.fill(s.fig_private)));
        }
        if self.person.is_some() {
            rows.push(("verdict", fill(s.fig_verdict, &[("per", &who("per"))])));
        }
        if self.gdp.is_some() {
            rows.push((
                "gdp_verdict",
                fill(s.fig_verdict, &[("per", &who("per_gdp"))]),
            ));
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
    if needs(&["reported_itemised", "ranged", "ranged_low"])
        && !report.figures.assumptions.private_only
    {
        out.push(ctx.fill_prose(s.method_upper_bound));
    }
    if let (Some(rounds), true) = (
        report.reported_rate_rounds,
        needs(&["reported_conv", "rate_low"]),
    ) {
        let t = if rounds {
            s.method_implied_rate
        } else {
            s.method_implied_rate_off
        };
        out.push(ctx.fill_prose(t));
    }
    if let (Some(rounds), true) = (
        report.reported_multiple_rounds,
        needs(&["reported_multiple"]),
    ) {
        let t = if rounds {
            s.method_population
        } else {
            s.method_population_off
        };
        out.push(ctx.fill_prose(t));
    }
    // How each kind of figure is worked out, one line each, where the story has it.
    out.push(ctx.fill_prose(s.method_per_person));
    if needs(&["gdp_ratio"]) {
        out.push(ctx.fill_prose(s.method_share));
    }
    if needs(&["years_us"]) {
        out.push(ctx.fill_prose(s.method_per_year));
    }
    if report.figures.parity_eurusd.is_some() {
        out.push(ctx.fill_prose(s.method_parity));
    }
    if needs(&["as_of"]) && report.figures.unitemised_eur_bn.high.abs() >= 0.05 {
        out.push(ctx.fill_prose(s.method_unitemised));
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
    /// What the source is, in the page's language, when it has no headline to quote.
    pub description: Option<String>,
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
            publisher: src.publisher_in(lang).to_string(),
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
            description: src.description.as_ref().map(|d| d.get(lang).to_string()),
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
        let de = crate::grammar::joined(lang, "de", p.name_in_text(lang)).unwrap_or_default();
        push(
            fill(
                s.src_pledge,
                &[("name", p.name.get(lang)), ("de_name", &de)],
            ),
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
        let de = crate::grammar::joined(lang, "de", p.name_in_text(lang)).unwrap_or_default();
        let named: [(&str, &str); 2] = [("name", name), ("de_name", &de)];
        if let (Some(kind), Some(source)) = (p.kind, &p.kind_source) {
            let words = match kind {
                crate::dataset::PledgeKind::Private => s.kind_private,
                crate::dataset::PledgeKind::StateOwned => s.kind_state_owned,
                crate::dataset::PledgeKind::StateBacked => s.kind_state_backed,
            };
            push(
                fill(s.src_kind, &named),
                words.to_string(),
                source,
                None,
                None,
            );
        }
        if let Some(by) = &p.by_year {
            push(
                fill(s.src_by_year, &named),
                l.digits_in(&plain_number(by.value)),
                &by.source,
                by.as_of.as_deref(),
                None,
            );
        }
    }
    // Each claim credited to the source of the words shown, and a translation said to be one.
    for (label, claim) in [
        (s.src_claim, &dataset.claim),
        (s.src_gdp_claim, &dataset.gdp_claim),
    ] {
        let Some(c) = claim else { continue };
        let (source, _) = c.quoted(lang);
        let label = if c.translated_by(lang).is_some() {
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
                    &[
                        ("who", who),
                        ("de_who", &joined("de")),
                        ("li_who", &joined("li")),
                    ],
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
        let de = crate::grammar::joined(lang, "de", who).unwrap_or_default();
        push(
            fill(s.src_population, &[("who", who), ("de_who", &de)]),
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
                "verdict" => report
                    .verdict()
                    .map(Verdict::name)
                    .unwrap_or_default()
                    .to_string(),
                "gdp_verdict" => report
                    .gdp_verdict()
                    .map(Verdict::name)
                    .unwrap_or_default()
                    .to_string(),
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
