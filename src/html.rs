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
        // A translation says so, and whose it is when a source printed it (TechCrunch's
        // English of Macron's French).
        let by = c.translated_by(lang);
        let publisher = by
            .flatten()
            .and_then(|id| dataset.sources.get(id))
            .map(|src| src.publisher_in(lang));
        let template = match (by, publisher) {
            (Some(_), Some(_)) => s.claim_said_translated_by,
            (Some(_), None) => s.claim_said_translated,
            (None, _) => s.claim_said,
        };
        let said = crate::lang::fill(
            template,
            &[
                ("speaker", c.speaker.get(lang)),
                ("publisher", publisher.unwrap_or_default()),
            ],
        );
        out.push_str(&format!(
            "<figure class=\"quote\"><blockquote{}><p>{}</p></blockquote><figcaption>{}</figcaption>\n",
            lang_attrs(c.text.shown_lang(lang), lang),
            escape(c.text.get(lang)),
            escape(&crate::report::capitalize_first(said))
        ));
        out.push_str(&verdict_badge(key, judgement, false));
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
/// The card's badge carries the id (`#verdict`, `#gdp-verdict`); the one beside the quote
/// in the folded sources does not, so an id is never written twice.
pub fn verdict_badge(
    key: &str,
    judgement: Option<&crate::report::Judgement>,
    with_id: bool,
) -> String {
    let (verdict, gap, words) = judgement
        .map(|j| (j.verdict.name(), j.gap.name(), j.badge.as_str()))
        .unwrap_or_default();
    let id = match (with_id, key) {
        (false, _) => String::new(),
        (true, "verdict") => " id=\"verdict\"".to_string(),
        (true, _) => " id=\"gdp-verdict\"".to_string(),
    };
    format!(
        "<p class=\"verdict\"{id} data-figure=\"{key}\" data-verdict=\"{verdict}\" data-gap=\"{gap}\">{}</p>\n",
        escape(words)
    )
}

/// `lang` and `dir` for words in `shown` inside a page in `page` (nothing when they agree).
pub fn lang_attrs(shown: crate::lang::Lang, page: crate::lang::Lang) -> String {
    if shown == page {
        return String::new();
    }
    let dir = if shown == crate::lang::Lang::Ar {
        "rtl"
    } else {
        "ltr"
    };
    format!(" lang=\"{}\" dir=\"{dir}\"", shown.code())
}

/// Every sourced figure with a link to its source, the Arabic quote it comes from, and the
/// caveats. Links open the source itself; nothing is loaded from it.
pub fn sources_section(dataset: &Dataset, locale: Locale) -> String {
    let s = locale.strings();
    let lang = locale.lang;
    let mut out = String::from("<ul class=\"sources-list\">\n");
    for f in crate::report::sourced_figures(dataset, locale) {
        // A headline in the page's quotation marks and in its own language (marked when not
        // the page's); a description of a source without one in plain text.
        let what = match &f.description {
            Some(d) => escape(d),
            // The marks are the page's, outside the title's own language.
            None => {
                let (open, close) = crate::lang::quote_marks(lang);
                format!(
                    "{open}<bdi{}>{}</bdi>{close}",
                    lang_attrs(f.title_lang, lang),
                    escape(&crate::lang::turn_inner_quotes(lang, &f.title))
                )
            }
        };
        let cite = format!(
            "{}{}{}{}{}",
            escape(&f.publisher),
            s.list_comma,
            what,
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
            "<li><span class=\"src-label\">{}</span>{}<bdi class=\"src-value\">{}</bdi> <cite>{}</cite>",
            escape(&f.label),
            escape(s.colon),
            escape(&f.value),
            cite
        ));
        // The Arabic translation's words, on the Arabic page only (as it printed them).
        if let (Some(q), crate::lang::Lang::Ar) = (&f.quote_ar, lang) {
            out.push_str(&format!(
                "<br><span class=\"quote-label\">{}</span>{}<q lang=\"ar\" dir=\"rtl\">{}</q>",
                escape(s.quote_label),
                escape(s.colon),
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
                let name = escape(src.publisher_in(locale.lang));
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

// ---------------------------------------------------------------- cards

/// The story as cards, in story order: each answers one question with a live sentence, its
/// chart and its controls, and stands alone (`dist/cards/<name>.html`, `data-card` embeds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Card {
    Claim,
    Gdp,
    Pledges,
    Horizon,
    Sensitivity,
    Energy,
    Sources,
}

impl Card {
    pub const ALL: [Card; 7] = [
        Card::Claim,
        Card::Gdp,
        Card::Pledges,
        Card::Horizon,
        Card::Sensitivity,
        Card::Energy,
        Card::Sources,
    ];

    /// The public name: `data-card="<name>"`, `cards/<name>.html`, `#card-<name>`.
    pub fn name(self) -> &'static str {
        match self {
            Card::Claim => "claim",
            Card::Gdp => "gdp",
            Card::Pledges => "pledges",
            Card::Horizon => "horizon",
            Card::Sensitivity => "sensitivity",
            Card::Energy => "energy",
            Card::Sources => "sources",
        }
    }

    pub fn from_name(name: &str) -> Option<Card> {
        Card::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The card's chart, drawn beside its controls (by the chart's declared name).
    pub fn chart(self) -> Option<Chart> {
        let name = match self {
            Card::Claim => "per-person",
            Card::Sources => return None,
            other => other.name(),
        };
        Chart::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The knobs this card's controls set (sliders and switches), from their declarations
    /// (`model::KNOBS`). On the full page a knob two cards share (the rate) sits in the first.
    pub fn knobs(self) -> Vec<Knob> {
        crate::model::KNOBS
            .iter()
            .filter(|k| k.cards.contains(&self.name()))
            .map(|k| k.knob)
            .collect()
    }

    /// The knobs of `knobs` folded under "More assumptions", so the card stays one phone screen.
    fn folded(self) -> Vec<Knob> {
        crate::model::KNOBS
            .iter()
            .filter(|k| k.folded && k.cards.first() == Some(&self.name()))
            .map(|k| k.knob)
            .collect()
    }

    /// Whether this dataset can fill the card (a story without GDPs has no `gdp` card, one
    /// without the benchmark's horizon no `horizon` card), in every language alike.
    pub fn applies(self, dataset: &Dataset) -> bool {
        match self {
            Card::Horizon => dataset.benchmark_years().is_some(),
            Card::Claim | Card::Pledges | Card::Sources => true,
            _ => self.chart().is_some_and(|c| c.applies(dataset)),
        }
    }

    /// The question (the card's heading) and the answer's template under these assumptions.
    fn words(self, report: &Report) -> (&'static str, &'static str) {
        let s = report.locale.strings();
        let all_itemised = report.figures.unitemised_eur_bn.high.abs() < 0.05;
        // A story without a claim quotes nobody: its per-person card asks plainly.
        let claim_q = if report.has_claim {
            s.card_claim_q
        } else {
            s.card_claim_q_unclaimed
        };
        match self {
            Card::Pledges if all_itemised => (s.card_pledges_q, s.card_pledges_all_a),
            // Without the state-owned and state-backed pledges: what is left, and no range.
            Card::Pledges if report.sum == crate::report::Sum::WithoutLeftOut => {
                (s.card_pledges_q, s.card_pledges_private_a)
            }
            // With a ranged pledge (the UAE's), the answer follows the reader's point in it.
            Card::Pledges if report.ranged_counted => (s.card_pledges_q, s.card_pledges_ranged_a),
            // With different horizons the ratio is per year: so are the figures beside it.
            Card::Claim if report.per_year => (claim_q, s.card_claim_a_year),
            Card::Claim => (claim_q, s.card_claim_a),
            Card::Gdp if report.per_year => (s.card_gdp_q, s.card_gdp_a_year),
            Card::Gdp => (s.card_gdp_q, s.card_gdp_a),
            Card::Pledges => (s.card_pledges_q, s.card_pledges_a),
            Card::Horizon => (s.card_horizon_q, s.card_horizon_a),
            Card::Sensitivity => (s.card_sensitivity_q, s.card_sensitivity_a),
            Card::Energy => (s.card_energy_q, s.card_energy_a),
            Card::Sources => (s.card_sources_q, s.card_sources_a),
        }
    }

    /// The words of the card's question and answer under these assumptions, apart from the
    /// answer's live figures (`data-answer`, a [`words_key`]): a move that changes them (the
    /// template, "over 5 years", which sum) has the page take the question and answer again.
    pub fn answer_form(self, report: &Report) -> String {
        let (question, answer) = self.words(report);
        words_key(&format!(
            "{}\u{0}{}",
            report.fill_prose(question),
            report.fill_prose(answer)
        ))
    }

    /// The question, as the card's heading says it.
    pub fn question(self, report: &Report) -> String {
        crate::report::capitalize_first(report.fill_prose(self.words(report).0))
    }

    /// The answer as HTML (its figures live `data-figure` cells), the content of
    /// `<p class="answer">`.
    pub fn answer_html(self, report: &Report) -> String {
        with_figures(report, self.words(report).1)
    }

    /// The answer as a reader reads it (the tests read its figures back).
    pub fn answer_text(self, report: &Report) -> String {
        let pairs: Vec<(String, &str)> = report
            .prose_figures()
            .map(|(k, v)| (format!("#{k}"), v))
            .collect();
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let text = crate::report::capitalize_first(report.fill_prose(self.words(report).1));
        crate::lang::fill(&text, &pairs)
    }

    /// The card's question, its verdict (the two claims' cards), and its answer with the figures
    /// as a reader reads them, as plain text: what its share image and `og:` tags say.
    pub fn text(self, report: &Report) -> (String, Option<&crate::report::Judgement>, String) {
        let (question, _) = self.words(report);
        let verdict = match self {
            Card::Claim => report.person.as_ref(),
            Card::Gdp => report.gdp.as_ref(),
            _ => None,
        };
        (
            crate::report::capitalize_first(report.fill_prose(question)),
            verdict,
            self.answer_text(report),
        )
    }

    /// The ids of the sources of the figures the card shows, for its footer.
    fn sources(self, d: &Dataset) -> Vec<&str> {
        let s = &d.subject;
        let b = &d.benchmark;
        fn claim(c: &Option<crate::dataset::Claim>) -> Option<&str> {
            c.as_ref().map(|c| c.source.as_ref())
        }
        let mut ids: Vec<&str> = match self {
            Card::Claim => vec![
                claim(&d.claim).unwrap_or_default(),
                &s.announced_bn.source,
                &b.amount_bn.source,
                &d.exchange_rate.source,
                &s.population_m.source,
                &b.population_m.source,
            ],
            Card::Gdp => {
                let mut v = vec![claim(&d.gdp_claim).unwrap_or_default()];
                v.extend(
                    s.gdp_bn
                        .iter()
                        .chain(b.gdp_bn.iter())
                        .map(|f| f.source.as_ref()),
                );
                v
            }
            Card::Pledges => std::iter::once(s.announced_bn.source.as_ref())
                .chain(s.pledges.iter().map(|p| p.source.as_ref()))
                .collect(),
            Card::Horizon => b
                .horizon_years
                .iter()
                .map(|f| f.source.as_ref())
                .chain(
                    s.pledges
                        .iter()
                        .filter_map(|p| p.by_year.as_ref())
                        .map(|f| f.source.as_ref()),
                )
                .collect(),
            Card::Sensitivity => vec![
                &d.exchange_rate.source,
                &s.announced_bn.source,
                &b.amount_bn.source,
            ],
            Card::Energy => d
                .energy
                .iter()
                .flat_map(|e| {
                    [
                        Some(&e.capacity_gw),
                        e.first_phase_gw.as_ref(),
                        Some(&e.exports_twh),
                    ]
                    .into_iter()
                    .flatten()
                    .map(|f| f.source.as_ref())
                })
                .collect(),
            Card::Sources => Vec::new(),
        };
        let mut seen = Vec::new();
        ids.retain(|id| {
            !id.is_empty() && !seen.contains(id) && {
                seen.push(*id);
                true
            }
        });
        ids
    }
}

use crate::model::Knob;

/// The cards this dataset can fill, in story order.
pub fn cards(dataset: &Dataset) -> Vec<Card> {
    Card::ALL
        .into_iter()
        .filter(|c| c.applies(dataset))
        .collect()
}

/// A template of running text whose `{name}` values are the report's words and whose `{#key}`
/// placeholders are live figures: `<b data-figure="key">…</b>`, which the page updates in
/// place. The cells take the figures as running text writes them (`data-form="prose"`:
/// French units in words, ratios in words), which the page keeps apart from the table's.
fn with_figures(report: &Report, template: &str) -> String {
    let text = escape(&crate::report::capitalize_first(
        report.fill_prose(template),
    ));
    let cells: Vec<(String, String)> = report
        .prose_figures()
        .map(|(key, value)| {
            (
                format!("#{key}"),
                format!(
                    "<b data-figure=\"{key}\" data-form=\"prose\">{}</b>",
                    escape(value)
                ),
            )
        })
        .collect();
    let pairs: Vec<(&str, &str)> = cells
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    crate::lang::fill(&text, &pairs)
}

/// What a region says apart from its live figures, as a short key (FNV-1a, hex): the text
/// of every `data-figure` cell is left out, so the key changes only when a move changes the
/// words around the figures (a label's "over 3 years", which sum a row is of), and the page
/// then takes the region's HTML again instead of writing its figures alone. Cell values are
/// escaped text (no `<`), so a cell's content ends at the next `<`.
pub fn words_key(html: &str) -> String {
    const MARK: &str = "data-figure=\"";
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |part: &str| {
        for b in part.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut rest = html;
    while let Some(at) = rest.find(MARK) {
        // Up to the end of the cell's opening tag; then past its content.
        let Some(open_end) = rest[at..].find('>').map(|i| at + i + 1) else {
            break;
        };
        add(&rest[..open_end]);
        rest = &rest[open_end..];
        rest = &rest[rest.find('<').unwrap_or(rest.len())..];
    }
    add(rest);
    format!("{hash:016x}")
}

/// The verdict of the Élysée's claim (by share of GDP) in a few words, for the `gdp` card.
pub fn gdp_badge(report: &Report) -> String {
    report
        .gdp
        .as_ref()
        .map(|j| j.badge.clone())
        .unwrap_or_default()
}

/// One slider, as the page builds it (`app.js` `newSlider`): the same markup, attribute for
/// attribute, so that the page adopts it as it is (a page showing another view builds it, and
/// nothing moves). Not disabled: a reader may move it before the page is wired, and `boot.js`
/// keeps that move for the page to apply at ready (#41).
fn control_html(c: &crate::report::Control) -> String {
    let n = crate::params::plain_number;
    let p = c.param;
    let parity = c.parity_words.as_ref();
    let (marks, described, list, ticks) = if c.marks.is_empty() {
        (
            String::new(),
            format!("parity-{p}"),
            String::new(),
            String::new(),
        )
    } else {
        let words: Vec<&str> = c.marks.iter().map(|(_, w)| w.as_str()).collect();
        let options: String = c
            .marks
            .iter()
            .map(|(v, _)| format!("<option value=\"{}\"></option>", n(*v)))
            .collect();
        (
            format!(
                "<p class=\"marks\" id=\"marks-{p}\">{}</p>",
                escape(&words.join(" · "))
            ),
            format!("parity-{p} marks-{p}"),
            format!(" list=\"ticks-{p}\""),
            format!("<datalist id=\"ticks-{p}\">{options}</datalist>"),
        )
    };
    format!(
        "<div class=\"control\" data-control=\"{p}\"><label id=\"label-{p}\" for=\"range-{p}\">{label}</label>\
         <div class=\"control-row\"><div class=\"track\"><input type=\"range\" id=\"range-{p}\" name=\"{p}\" min=\"{min}\" max=\"{max}\" step=\"{step}\" value=\"{value}\" aria-describedby=\"{described}\"{list} aria-valuetext=\"{shown}\">\
         <span class=\"parity-mark\" aria-hidden=\"true\"{hidden}></span>{ticks}</div>\
         <input type=\"number\" id=\"number-{p}\" inputmode=\"decimal\" min=\"{min}\" max=\"{max}\" step=\"any\" value=\"{value}\" aria-labelledby=\"label-{p}\"></div>\
         <button type=\"button\" class=\"parity\" id=\"parity-{p}\"{hidden}>{parity}</button>{marks}</div>",
        label = escape(&c.label),
        min = n(c.min),
        max = n(c.max),
        step = n(c.step),
        value = n(c.value),
        shown = escape(&c.display),
        hidden = if parity.is_some() { "" } else { " hidden" },
        parity = escape(parity.map(String::as_str).unwrap_or_default()),
    )
}

/// A switch (a checkbox, or radio buttons), as `app.js` `buildSwitches` builds it (not
/// disabled either: see `control_html`).
fn switch_html(sw: &crate::report::Switch) -> String {
    let p = sw.param;
    let on = |v: f64| if sw.value == v { " checked" } else { "" };
    if let [(value, _)] = sw.options.as_slice() {
        format!(
            "<div class=\"switch\" data-switch=\"{p}\"><input type=\"checkbox\" id=\"switch-{p}\" name=\"{p}\"{}><label for=\"switch-{p}\">{}</label></div>",
            on(*value),
            escape(&sw.label)
        )
    } else {
        let mut out = format!(
            "<fieldset class=\"switch\" data-switch=\"{p}\"><legend>{}</legend>",
            escape(&sw.label)
        );
        for (value, words) in &sw.options {
            let v = crate::params::plain_number(*value);
            out.push_str(&format!(
                "<span class=\"option\"><input type=\"radio\" id=\"switch-{p}-{v}\" name=\"{p}\" value=\"{v}\"{}><label for=\"switch-{p}-{v}\">{}</label></span>",
                on(*value),
                escape(words)
            ));
        }
        out.push_str("</fieldset>");
        out
    }
}

/// A card's chart as the served page holds it: its caption, and an empty box of the chart's
/// size that the page draws at the reader's width when it comes into view (the image in
/// `<noscript>`, the core's standalone SVG beside the page, is for readers without JavaScript).
fn chart_box(chart: Chart, dataset: &Dataset, report: &Report) -> String {
    let id = chart.name();
    let t = charts::text(chart, report);
    let width = charts::layout::STATIC_WIDTH;
    let svg = charts::svg(chart, dataset, report, width, Mode::Inline);
    let head = svg
        .split_once('\n')
        .map(|(head, _)| head)
        .unwrap_or_default();
    let placeholder = head.replacen("<svg ", "<svg class=\"placeholder\" ", 1);
    let height = chart.height(dataset);
    format!(
        "<figure class=\"chart\" data-chart=\"{id}\" aria-labelledby=\"{id}-heading\" aria-describedby=\"{id}-summary\">\n\
         <figcaption><h3 id=\"{id}-heading\">{}</h3><p id=\"{id}-summary\">{}</p></figcaption>\n\
         <div class=\"plot\" dir=\"ltr\">{placeholder}</svg><noscript><img src=\"fallback/{lang}/{id}.svg\" width=\"{width}\" height=\"{height}\" alt=\"\"></noscript></div>\n</figure>\n",
        escape(&t.title),
        escape(&t.desc),
        lang = report.locale.lang.code(),
    )
}

/// One card: its question, its answer (the verdict first, for the two claims), its chart and
/// controls, and a footer (sources · the data · embed · the full explainer). The same fragment
/// serves the full page, the card's own page and the live rewrite in another language.
pub fn card(card: Card, dataset: &Dataset, report: &Report, controls_here: &[Knob]) -> String {
    let locale = report.locale;
    let s = locale.strings();
    let name = card.name();
    let form = card.answer_form(report);
    let mut out = format!(
        "<section class=\"card\" id=\"card-{name}\" data-card=\"{name}\" data-region=\"card-{name}\" aria-labelledby=\"card-{name}-q\">\n\
         <h2 id=\"card-{name}-q\">{}</h2>\n",
        escape(&card.question(report))
    );
    // Each claim's card opens with its own verdict (the same judgement as beside its quote).
    match card {
        Card::Claim => out.push_str(&verdict_badge("verdict", report.person.as_ref(), true)),
        Card::Gdp => out.push_str(&verdict_badge("gdp_verdict", report.gdp.as_ref(), true)),
        _ => {}
    }
    out.push_str(&format!(
        "<p class=\"answer\" data-answer=\"{form}\">{}</p>\n",
        card.answer_html(report)
    ));
    if card == Card::Sources {
        let (claim, figures) = (claim_section(dataset, report), figures_table(report));
        out.push_str(&format!(
            // In a frame a phone screen high (the card alone) it scrolls: a region the keyboard
            // can reach, named by its heading.
            "<details class=\"sources\" id=\"sources\">\n<summary><h3 id=\"sources-heading\">{}</h3></summary>\n\
             <div class=\"sources-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"sources-heading\">\n\
             <p id=\"prose\" class=\"prose\" data-region=\"prose\">{}</p>\n\
             <div id=\"claim-body\" class=\"claim\" data-region=\"claim\" data-words=\"{}\">{}</div>\n\
             <h3 id=\"figures-heading\">{}</h3>\n<div id=\"figures\" class=\"figures\" data-region=\"figures\" data-words=\"{}\">{}</div>\n\
             <div id=\"sources-body\">{}</div>\n</div>\n</details>\n",
            escape(s.sources_heading),
            prose(report),
            words_key(&claim),
            claim,
            escape(s.figures_heading),
            words_key(&figures),
            figures,
            sources_section(dataset, locale),
        ));
    }
    let knobs: Vec<&str> = card
        .knobs()
        .iter()
        .filter(|k| controls_here.contains(k))
        .map(|k| k.param())
        .collect();
    let folded: Vec<&str> = card.folded().iter().map(|k| k.param()).collect();
    let (mut controls, mut more) = (String::new(), String::new());
    for c in crate::report::controls(dataset, report) {
        if knobs.contains(&c.param) {
            let to = if folded.contains(&c.param) {
                &mut more
            } else {
                &mut controls
            };
            to.push_str(&control_html(&c));
        }
    }
    for sw in crate::report::switches(dataset, report) {
        if knobs.contains(&sw.param) {
            controls.push_str(&switch_html(&sw));
        }
    }
    let (shown, folded): (Vec<&str>, Vec<&str>) = knobs.iter().partition(|k| !folded.contains(k));
    if !more.is_empty() {
        more = format!(
            "<details class=\"card-more\"><summary>{}</summary>\n<div class=\"card-controls\" data-controls=\"{}\">{more}</div>\n</details>\n",
            escape(s.card_more),
            folded.join(" ")
        );
    }
    let chart = card.chart().filter(|c| c.applies(dataset));
    if chart.is_some() || !controls.is_empty() || !more.is_empty() {
        let side = !controls.is_empty() || !more.is_empty();
        out.push_str(if side {
            "<div class=\"card-body with-controls\">\n"
        } else {
            "<div class=\"card-body\">\n"
        });
        if let Some(chart) = chart {
            out.push_str(&chart_box(chart, dataset, report));
        }
        if side {
            out.push_str(&format!(
                "<div class=\"card-side\"><div class=\"card-controls\" data-controls=\"{}\">{controls}</div>\n{more}</div>\n",
                shown.join(" ")
            ));
        }
        out.push_str("</div>\n");
    }
    // The claim's card says what the benchmark is and who made the claim, so a card shared
    // alone is understood: under its chart and slider, which stay on a phone's first screen.
    if card == Card::Claim && report.value("about").is_some_and(|a| !a.is_empty()) {
        // A story without a claim quotes nobody.
        let dek = report.fill_prose(if report.has_claim {
            s.card_claim_dek
        } else {
            s.card_claim_dek_unclaimed
        });
        out.push_str(&format!(
            "<p class=\"dek\">{}</p>\n",
            escape(&crate::report::capitalize_first(dek))
        ));
    }
    // The footer: where the figures come from, each publisher linking to its source.
    out.push_str("<footer class=\"card-foot\">");
    let sources: Vec<String> = card
        .sources(dataset)
        .into_iter()
        .filter_map(|id| dataset.sources.get(id))
        .map(|src| {
            match src
                .url
                .as_deref()
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            {
                Some(url) => format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
                    escape(url),
                    escape(src.publisher_in(locale.lang))
                ),
                None => escape(src.publisher_in(locale.lang)),
            }
        })
        .collect();
    if !sources.is_empty() {
        out.push_str(&format!(
            "<span class=\"card-source\">{}</span> ",
            crate::lang::fill(
                &escape(if sources.len() > 1 {
                    s.card_sources_list
                } else {
                    s.card_source
                }),
                &[("list", &sources.join(s.list_comma))]
            )
        ));
    }
    out.push_str(&format!(
        "<button type=\"button\" class=\"link card-data\" disabled>{}</button> \
         <button type=\"button\" class=\"link card-embed\" data-embed=\"{name}\" disabled>{}</button> \
         <a class=\"card-full\" href=\"{}#card-{name}\" target=\"_blank\" rel=\"noopener\">{}</a></footer>\n</section>\n",
        escape(s.card_data),
        escape(s.card_embed),
        match locale.lang {
            crate::lang::Lang::En => "index.html",
            crate::lang::Lang::Fr => "index.fr.html",
            crate::lang::Lang::Ar => "index.ar.html",
        },
        escape(s.card_full),
    ));
    out
}

/// The full page's cards, in story order; a knob two cards share has its control in the first.
pub fn all_cards(dataset: &Dataset, report: &Report) -> String {
    let mut placed: Vec<Knob> = Vec::new();
    let mut out = String::new();
    for c in cards(dataset) {
        let here: Vec<Knob> = c
            .knobs()
            .iter()
            .copied()
            .filter(|k| !placed.contains(k))
            .collect();
        out.push_str(&card(c, dataset, report, &here));
        placed.extend(here);
    }
    out
}

/// The full page's own controls, as `app.js` builds them in its "Your assumptions" boxes: the
/// sliders and the switches no card of the story holds (the yardstick), which the page adopts
/// as served.
pub fn page_controls(dataset: &Dataset, report: &Report) -> (String, String) {
    let in_cards: Vec<&str> = cards(dataset)
        .into_iter()
        .flat_map(|c| c.knobs())
        .map(|k| k.param())
        .collect();
    let sliders = crate::report::controls(dataset, report)
        .iter()
        .filter(|c| !in_cards.contains(&c.param))
        .map(control_html)
        .collect();
    let switches = crate::report::switches(dataset, report)
        .iter()
        .filter(|sw| !in_cards.contains(&sw.param))
        .map(switch_html)
        .collect();
    (sliders, switches)
}

/// One card alone, with all its controls (its own page, an embed).
pub fn single_card(c: Card, dataset: &Dataset, report: &Report) -> String {
    card(c, dataset, report, &c.knobs())
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
