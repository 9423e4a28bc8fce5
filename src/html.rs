//! Static HTML for readers without JavaScript, feeds and newsletters: the prose and the
//! figures table, with the same keys the live page uses. Every dataset string is escaped.

use crate::charts::{self, Chart, Mode};
use crate::dataset::Dataset;
use crate::format::Locale;
use crate::model::Figures;
use crate::report::Report;

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The live prose as sentences, each in a span keyed like the page's.
pub fn prose(report: &Report) -> String {
    let mut out = String::new();
    for (i, (key, sentence)) in report.sentences.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!("<span data-sentence=\"{key}\">{}</span>", escape(sentence)));
    }
    out
}

/// The figures table, named by the heading the page puts above it.
pub fn figures_table(report: &Report, dataset: &Dataset, locale: Locale) -> String {
    let mut out = String::from("<table class=\"figures-table\" aria-labelledby=\"figures-heading\">\n<tbody>\n");
    for row in report.rows(dataset, locale) {
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

/// A chart in the page: a `<figure>` named by its heading and described by its summary (the
/// text alternative, with the chart's main figures), the plot kept left to right.
pub fn chart_figure(chart: Chart, dataset: &Dataset, figures: &Figures, locale: Locale, width: u32) -> String {
    let id = chart.name();
    let t = charts::text(chart, dataset, figures, locale);
    format!(
        "<figure class=\"chart\" data-chart=\"{id}\" aria-labelledby=\"{id}-heading\" aria-describedby=\"{id}-summary\">\n\
         <figcaption><h3 id=\"{id}-heading\">{}</h3><p id=\"{id}-summary\">{}</p></figcaption>\n\
         <div class=\"plot\" dir=\"ltr\">{}</div>\n</figure>\n",
        escape(&t.title),
        escape(&t.desc),
        charts::svg(chart, dataset, figures, locale, width, Mode::Inline)
    )
}

/// Every chart that applies to the dataset.
pub fn chart_figures(dataset: &Dataset, figures: &Figures, locale: Locale, width: u32) -> String {
    Chart::ALL
        .into_iter()
        .filter(|c| c.applies(dataset))
        .map(|c| chart_figure(c, dataset, figures, locale, width))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape("<img src=x onerror=alert(1)>&\"'"), "&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;");
    }
}
