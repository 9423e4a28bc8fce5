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

/// Each claim with its own verdict beside it (Macron's per person, the Élysée's by share of
/// GDP), the values that would make it exact, and the method notes. Live values sit in
/// `data-figure` cells, which the page updates in place; a verdict's `data-verdict` (its
/// colour) is written with its text, from the same judgement.
pub fn claim_section(dataset: &Dataset, report: &Report) -> String {
    let locale = report.locale;
    let s = locale.strings();
    let lang = locale.lang;
    let mut out = String::new();
    let claims = [
        (&dataset.claim, "verdict", report.person.as_ref()),
        (&dataset.gdp_claim, "gdp_verdict", report.gdp.as_ref()),
    ];
    for (claim, key, judgement) in claims {
        let Some(c) = claim else { continue };
        let (_, translated) = c.quoted(lang);
        let template = if translated {
            s.claim_said_translated
        } else {
            s.claim_said
        };
        let said = crate::lang::fill(template, &[("speaker", c.speaker.get(lang))]);
        out.push_str(&format!(
            "<figure class=\"quote\"><blockquote{}><p>{}</p></blockquote><figcaption>{}</figcaption>\n",
            lang_attrs(c.text.shown_lang(lang), lang),
            escape(c.text.get(lang)),
            escape(&crate::report::capitalize_first(said))
        ));
        out.push_str(&verdict_badge(key, judgement));
        out.push_str("</figure>\n");
    }
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

/// A claim's verdict: its words in `data-figure="<key>"`, its direction in `data-verdict`
/// and the size of the gap in `data-gap` (what the badge's colour and weight follow).
pub fn verdict_badge(key: &str, judgement: Option<&crate::report::Judgement>) -> String {
    let (verdict, gap, words) = judgement
        .map(|j| (j.verdict.name(), j.gap.name(), j.badge.as_str()))
        .unwrap_or_default();
    let id = if key == "verdict" { "verdict" } else { "gdp-verdict" };
    format!(
        "<p class=\"verdict\" id=\"{id}\" data-figure=\"{key}\" data-verdict=\"{verdict}\" data-gap=\"{gap}\">{}</p>\n",
        escape(words)
    )
}

/// `lang` and `dir` for words in `shown` inside a page in `page` (nothing when they agree).
pub fn lang_attrs(shown: crate::lang::Lang, page: crate::lang::Lang) -> String {
    if shown == page {
        return String::new();
    }
    let dir = if shown == crate::lang::Lang::Ar { "rtl" } else { "ltr" };
    format!(" lang=\"{}\" dir=\"{dir}\"", shown.code())
}

/// Every sourced figure with a link to its source, the Arabic quote it comes from, and the
/// caveats. Links open the source itself; nothing is loaded from it.
pub fn sources_section(dataset: &Dataset, locale: Locale) -> String {
    let s = locale.strings();
    let mut out = String::from("<ul class=\"sources-list\">\n");
    for f in crate::report::sourced_figures(dataset, locale) {
        // The publisher and title are in the source's language, marked when it is not the page's.
        let cite = format!(
            "<bdi{}>{}, “{}”</bdi>{}{}",
            lang_attrs(f.title_lang, locale.lang),
            escape(&f.publisher),
            escape(&f.title),
            s.list_comma,
            escape(&f.date)
        );
        let cite = match &f.url {
            Some(url) => format!(
                "<a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
                escape(url),
                cite
            ),
            None => cite,
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
            // Each publisher once, in the language's list style.
            let mut names: Vec<String> = Vec::new();
            for src in c.sources.iter().filter_map(|id| dataset.sources.get(id)) {
                let name = escape(&src.publisher);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            out.push_str(&format!(
                "<li>{} <span class=\"caveat-sources\">({})</span></li>\n",
                escape(c.text.get(locale.lang)),
                names.join(s.list_comma)
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
