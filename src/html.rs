//! Static HTML for readers without JavaScript, feeds and newsletters: the prose and the
//! figures table, with the same keys the live page uses. Every dataset string is escaped.

use crate::charts::{self, Chart, Mode};
use crate::dataset::Dataset;
use crate::escape::escape;
use crate::format::Locale;
use crate::report::Report;

/// The live prose as sentences, each in a span keyed like the page's.
pub fn prose(report: &Report) -> String {
    let mut out = String::new();
    for (i, (key, sentence)) in report.sentences.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!(
            "<span data-sentence=\"{key}\">{}</span>",
            escape(sentence)
        ));
    }
    out
}

/// The figures table, named by the heading the page puts above it.
pub fn figures_table(report: &Report) -> String {
    let mut out = String::from(
        "<table class=\"figures-table\" aria-labelledby=\"figures-heading\">\n<tbody>\n",
    );
    for row in report.rows() {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td data-figure=\"{}\">{}</td></tr>\n",
            escape(&row.label),
            row.key,
            escape(&row.value)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The claim, its verdict, the values that would make it exact, and the method notes.
/// Live values sit in `data-figure` cells and `#verdict`, which the page updates in place.
pub fn claim_section(dataset: &Dataset, report: &Report) -> String {
    let locale = report.locale;
    let s = locale.strings();
    let lang = locale.lang;
    let mut out = String::new();
    // Macron's claim (per person), then the Élysée's (by share of GDP), each with its speaker.
    for c in [&dataset.claim, &dataset.gdp_claim].into_iter().flatten() {
        let said = crate::lang::fill(s.claim_said, &[("speaker", c.speaker.get(lang))]);
        out.push_str(&format!(
            "<figure class=\"quote\"><blockquote><p>{}</p></blockquote><figcaption>{}</figcaption></figure>\n",
            escape(c.text.get(lang)),
            escape(&crate::report::capitalize_first(said))
        ));
    }
    let verdict = report.verdict.map(|v| v.name()).unwrap_or_default();
    out.push_str(&format!(
        "<p class=\"verdict\" id=\"verdict\" data-verdict=\"{verdict}\">{}</p>\n",
        escape(&report.badge)
    ));
    out.push_str("<dl class=\"claim-figures\">\n");
    for row in report.rows() {
        if matches!(
            row.key,
            "per_person_ratio" | "parity_eurusd" | "parity_pop_fr_m" | "gdp_share_ratio"
        ) {
            out.push_str(&format!(
                "<div><dt>{}</dt><dd data-figure=\"{}\">{}</dd></div>\n",
                escape(&row.label),
                row.key,
                escape(&row.value)
            ));
        }
    }
    out.push_str("</dl>\n<ul class=\"method\">\n");
    for note in crate::report::method_notes(report) {
        out.push_str(&format!("<li>{}</li>\n", escape(&note)));
    }
    out.push_str("</ul>\n");
    out
}

/// Every sourced figure with a link to its source, the Arabic quote it comes from, and the
/// caveats. Links open the source itself; nothing is loaded from it.
pub fn sources_section(dataset: &Dataset, locale: Locale) -> String {
    let s = locale.strings();
    let mut out = String::from("<ul class=\"sources-list\">\n");
    for f in crate::report::sourced_figures(dataset, locale) {
        let cite = format!("{}, “{}”, {}", f.publisher, f.title, f.date);
        let cite = match &f.url {
            Some(url) => format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
                escape(url),
                escape(&cite)
            ),
            None => escape(&cite),
        };
        out.push_str(&format!(
            "<li><span class=\"src-label\">{}</span>: <bdi class=\"src-value\">{}</bdi> <cite>{}</cite>",
            escape(&f.label),
            escape(&f.value),
            cite
        ));
        if let Some(q) = &f.quote_ar {
            out.push_str(&format!(
                "<br><span class=\"quote-label\">{}</span>: <q lang=\"ar\" dir=\"rtl\">{}</q>",
                escape(s.quote_label),
                escape(q)
            ));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    if !dataset.caveats.is_empty() {
        out.push_str(&format!(
            "<h3>{}</h3>\n<ul class=\"caveats\">\n",
            escape(s.caveats_heading)
        ));
        for c in dataset.caveats.iter() {
            let names: Vec<String> = c
                .sources
                .iter()
                .filter_map(|id| dataset.sources.get(id))
                .map(|src| escape(&src.publisher))
                .collect();
            out.push_str(&format!(
                "<li>{} <span class=\"caveat-sources\">({})</span></li>\n",
                escape(c.text.get(locale.lang)),
                names.join(", ")
            ));
        }
        out.push_str("</ul>\n");
    }
    out
}

/// A chart in the page: a `<figure>` named by its heading and described by its summary (the
/// text alternative, with the chart's main figures), the plot kept left to right.
pub fn chart_figure(chart: Chart, dataset: &Dataset, report: &Report, width: u32) -> String {
    let id = chart.name();
    let t = charts::text(chart, report);
    format!(
        "<figure class=\"chart\" data-chart=\"{id}\" aria-labelledby=\"{id}-heading\" aria-describedby=\"{id}-summary\">\n\
         <figcaption><h3 id=\"{id}-heading\">{}</h3><p id=\"{id}-summary\">{}</p></figcaption>\n\
         <div class=\"plot\" dir=\"ltr\">{}</div>\n</figure>\n",
        escape(&t.title),
        escape(&t.desc),
        charts::svg(chart, dataset, report, width, Mode::Inline)
    )
}

/// Every chart that applies to the dataset.
pub fn chart_figures(dataset: &Dataset, report: &Report, width: u32) -> String {
    Chart::ALL
        .into_iter()
        .filter(|c| c.applies(dataset))
        .map(|c| chart_figure(c, dataset, report, width))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)>&\"'"),
            "&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;"
        );
    }
}
