//! A census of every text a reader can meet, checked against the figures it states.
//!
//! For one set of assumptions and one language, `surfaces` collects what the core writes for a
//! reader: the prose, the verdicts, each card (question, answer, caption, source line), the
//! figures table, the method notes, the sources list and caveats, the CSV, the CLI's `summary`
//! (text and `--json`, through the library calls the CLI makes), the sliders and switches
//! (labels, aria-valuetext, parity buttons, marks), every chart's SVG text, the share images'
//! words and header lines, the page's own strings, and the static fallback's HTML fragments
//! (tags stripped, alt / aria-label / aria-valuetext / title kept).
//!
//! Each rule reads those surfaces and returns findings (rule, surface, offending text, why).
//! The classes are those of the copy edit of 2026-12-07 (shared/review/), section A, plus the
//! rules every text must keep. Where a rule needs to know which figure a number is, it asks the
//! report how it formats that figure (`Report::display`, `prose_figures`, `fill`/`fill_prose`
//! of the template value) and finds that text; the few words it must match are in the tables
//! just below, one per language.
//!
//! `CENSUS_CASES=N` sets the number of random cases (`CENSUS_SEED` the seed); every finding of
//! every case is collected and printed grouped by rule before the test fails.

use pledge_explainer::charts::{self, Chart, Mode};
use pledge_explainer::html;
use pledge_explainer::model::{Knob, KNOBS};
use pledge_explainer::share::{self, Page};
use pledge_explainer::{Assumptions, Dataset, Lang, Locale, Report};
use std::collections::BTreeMap;

// ------------------------------------------------------------------ the words rules match

/// The words a rule must recognise, by language. One table, so that a new wording or a new
/// language is one place.
struct Words {
    /// A comparison per year says so.
    per_year: &'static [&'static str],
    /// What the remainder counted with `private_only` must not be called (A3).
    state_money: &'static [&'static str],
    /// "Net" exports (A7): the 90 TWh is Macron's figure, RTE's net is 89.
    net: &'static [&'static str],
    /// A range's label (A9: a "range" with one value).
    range: &'static [&'static str],
    /// Between a range's two ends, besides an en dash.
    range_joiner: &'static [&'static str],
}

fn words(lang: Lang) -> &'static Words {
    const EN: Words = Words {
        per_year: &["per year", "a year", "each year", "annual"],
        state_money: &["without state money", "private money"],
        net: &["net"],
        range: &["range"],
        range_joiner: &[" to "],
    };
    const FR: Words = Words {
        per_year: &["par an", "chaque année", "annuel"],
        state_money: &["hors argent public", "argent privé"],
        net: &["nettes", "en net", "net"],
        range: &["fourchette"],
        range_joiner: &[" à "],
    };
    const AR: Words = Words {
        per_year: &["سنوي", "في السنة", "كل عام"],
        state_money: &["من دون المال الحكومي", "المال الخاص"],
        net: &["صافي"],
        range: &["النطاق"],
        range_joiner: &[" إلى "],
    };
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Ar => &AR,
    }
}

/// Latin-script names that have an Arabic form (the copy edit's B-AR2 fix list); an Arabic
/// page must not print them. (The dataset's own names with an Arabic form are added per case.)
/// An acronym in parentheses, "(INSEE)", "(MGX)", is allowed.
const LATIN_NAMES_IN_ARABIC: &[&str] = &[
    "European Central Bank",
    "US Census Bureau",
    "US Bureau of Economic Analysis",
    "AFP, in Le Monde",
    "Élysée",
    "Brookfield Asset Management",
    "Radio France (transcript)",
    "INSEE",
];

/// Surfaces where a trailing "…" is a progress mark, not a cut.
const ELLIPSIS_OK: &[&str] = &["page:loading"];

// ------------------------------------------------------------------ surfaces

/// What a text is, which decides the rules that read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Running text: a sentence, an answer, a caption.
    Sentence,
    /// A label, heading, button, row, legend.
    Label,
    /// A value alone (aria-valuetext, a table cell, a wrapped line of a share image).
    Value,
    /// One `<text>` of a chart: read with its chart (`Whole`) where context matters.
    Piece,
    /// Someone's words, quoted (the claim, the Arabic article).
    Quote,
    /// For machines (raw CSV values, the JSON): only the never-rules apply.
    Machine,
    /// Several pieces read together (a chart, the figures table): context rules only.
    Whole,
}

#[derive(Debug, Clone)]
struct Surface {
    name: String,
    /// The language of the words (for reading numbers and typography).
    lang: Lang,
    /// The language of the page it sits on.
    page: Lang,
    kind: Kind,
    text: String,
}

/// Bidi controls are for layout: the rules read the words without them.
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
            )
        })
        .collect()
}

/// One case: a dataset, assumptions, a language, and the report the core makes of them.
struct Ctx<'a> {
    d: &'a Dataset,
    a: Assumptions,
    lang: Lang,
    r: Report,
}

impl<'a> Ctx<'a> {
    fn new(d: &'a Dataset, a: Assumptions, lang: Lang) -> Ctx<'a> {
        let r = Report::new(d, &a, Locale::for_lang(lang));
        Ctx { d, a, lang, r }
    }
    fn private(&self) -> bool {
        self.r.figures.assumptions.private_only && self.r.figures.pledges_left_out > 0
    }
}

struct Collector {
    out: Vec<Surface>,
    page: Lang,
}

impl Collector {
    fn push(&mut self, name: impl Into<String>, kind: Kind, text: &str) {
        self.push_in(name, self.page, kind, text);
    }
    fn push_in(&mut self, name: impl Into<String>, lang: Lang, kind: Kind, text: &str) {
        let text = plain(text).trim().to_string();
        if !text.is_empty() {
            let page = self.page;
            self.out.push(Surface {
                name: name.into(),
                lang,
                page,
                kind,
                text,
            });
        }
    }
}

/// Every text the core writes for a reader of `lang` at these assumptions.
fn surfaces(c: &Ctx) -> Vec<Surface> {
    let (d, r, lang) = (c.d, &c.r, c.lang);
    let mut s = Collector {
        out: Vec::new(),
        page: lang,
    };
    // The prose (also the CLI's `summary` text, which prints these lines).
    for (key, sentence) in &r.sentences {
        s.push(format!("prose:{key}"), Kind::Sentence, sentence);
    }
    // Each claim's verdict: badge and sentence; and the CLI's claim lines.
    for (key, j, claim) in [
        ("verdict", &r.person, &d.claim),
        ("gdp_verdict", &r.gdp, &d.gdp_claim),
    ] {
        if let Some(j) = j {
            s.push(format!("badge:{key}"), Kind::Label, &j.badge);
            s.push(
                format!("verdict-sentence:{key}"),
                Kind::Sentence,
                &j.sentence,
            );
            if let Some(cl) = claim {
                let line = pledge_explainer::lang::fill(
                    lang.strings().claim_verdict_line,
                    &[
                        ("quote", cl.text.get(lang)),
                        ("speaker", cl.speaker.get(lang)),
                        ("verdict", &j.badge),
                    ],
                );
                s.push(format!("summary:claim:{key}"), Kind::Label, &line);
            }
        }
    }
    // The cards: question, answer, their chart's caption.
    for card in html::cards(d) {
        let name = card.name();
        let (question, _, answer) = card.text(r);
        s.push(format!("card:{name}:question"), Kind::Label, &question);
        s.push(format!("card:{name}:answer"), Kind::Sentence, &answer);
        if let Some(chart) = card.chart().filter(|ch| ch.applies(d)) {
            let t = charts::text(chart, r);
            s.push(format!("card:{name}:caption-title"), Kind::Label, &t.title);
            s.push(format!("card:{name}:figcaption"), Kind::Sentence, &t.desc);
        }
    }
    // The figures table, row by row and as a whole.
    let rows = r.rows();
    for row in &rows {
        s.push(
            format!("table:{}", row.key),
            Kind::Label,
            &format!("{} {}", row.label, row.value),
        );
    }
    let all: Vec<String> = rows
        .iter()
        .map(|row| format!("{} {}", row.label, row.value))
        .collect();
    s.push("table:(whole)", Kind::Whole, &all.join(" · "));
    // Rows read together with their neighbours: a ratio row sits beside the rows it divides.
    for (i, w) in all.windows(3).enumerate() {
        s.push(
            format!("table:(rows {}–{})", i + 1, i + 3),
            Kind::Whole,
            &w.join(" · "),
        );
    }
    // Method notes.
    for (i, note) in pledge_explainer::report::method_notes(r).iter().enumerate() {
        s.push(format!("method:{i}"), Kind::Sentence, note);
    }
    // The sources list and the caveats.
    for (i, f) in pledge_explainer::report::sourced_figures(d, r.locale)
        .iter()
        .enumerate()
    {
        // As html::sources_section writes them: the language's colon, a headline in the page's
        // quotation marks (in its own language), a description in plain words.
        let st = lang.strings();
        s.push(
            format!("sources:{i}:{}", f.source_id),
            Kind::Label,
            &format!("{}{}{}", f.label, st.colon, f.value),
        );
        s.push(
            format!("sources:{i}:{}:publisher", f.source_id),
            Kind::Label,
            &f.publisher,
        );
        match &f.description {
            Some(what) => s.push(
                format!("sources:{i}:{}:description", f.source_id),
                Kind::Label,
                what,
            ),
            // The page's quotation marks around it are the page's; the title, its own language's.
            None => s.push_in(
                format!("sources:{i}:{}:title", f.source_id),
                f.title_lang,
                Kind::Label,
                &pledge_explainer::lang::turn_inner_quotes(lang, &f.title),
            ),
        }
        if let Some(q) = &f.quote_ar {
            s.push_in(
                format!("sources:{i}:{}:quote_ar", f.source_id),
                Lang::Ar,
                Kind::Quote,
                q,
            );
        }
    }
    for (i, cav) in d.caveats.iter().enumerate() {
        s.push(format!("caveat:{i}"), Kind::Sentence, cav.text.get(lang));
    }
    // The CSV: headers, labels and shown values for readers, raw values for machines.
    for (i, line) in pledge_explainer::report::csv(d, r)
        .split("\r\n")
        .enumerate()
    {
        let cells = csv_cells(line);
        if i == 0 {
            for cell in &cells {
                s.push("csv:header", Kind::Label, cell);
            }
            continue;
        }
        if let [key, label, raw, shown] = cells.as_slice() {
            s.push(
                format!("csv:{key}"),
                Kind::Label,
                &format!("{label} {shown}"),
            );
            s.push(format!("csv:{key}:raw"), Kind::Machine, raw);
        }
    }
    // `summary --json`: its formatted maps, and the whole text for the never-rules.
    let json = pledge_explainer::report::summary_json(d, r);
    s.push("json:(whole)", Kind::Machine, &json);
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&json) {
        for map in ["display", "prose_display", "sentences"] {
            if let Some(obj) = v[map].as_object() {
                for (key, text) in obj {
                    let kind = if map == "sentences" {
                        Kind::Sentence
                    } else {
                        Kind::Value
                    };
                    s.push(
                        format!("json:{map}:{key}"),
                        kind,
                        text.as_str().unwrap_or_default(),
                    );
                }
            }
        }
    }
    // The controls.
    for ctl in pledge_explainer::report::controls(d, r) {
        let p = ctl.param;
        s.push(format!("control:{p}:label"), Kind::Label, &ctl.label);
        s.push(
            format!("control:{p}:aria-valuetext"),
            Kind::Value,
            &ctl.display,
        );
        if let Some(w) = &ctl.parity_words {
            s.push(format!("control:{p}:parity-button"), Kind::Label, w);
        }
        for (_, w) in &ctl.marks {
            s.push(format!("control:{p}:mark"), Kind::Label, w);
        }
    }
    for sw in pledge_explainer::report::switches(d, r) {
        s.push(format!("switch:{}:label", sw.param), Kind::Label, &sw.label);
        for (_, w) in &sw.options {
            s.push(format!("switch:{}:option", sw.param), Kind::Label, w);
        }
    }
    // Every chart's SVG text (standalone: its <title> and <desc> too), at a phone's width.
    for chart in Chart::ALL.into_iter().filter(|ch| ch.applies(d)) {
        for width in [375, 672] {
            let svg = charts::svg(chart, d, r, width, Mode::Standalone);
            let name = if width == 375 {
                format!("svg:{}", chart.name())
            } else {
                format!("svg@{width}:{}", chart.name())
            };
            svg_surfaces(&mut s, &name, &svg);
        }
    }
    // The share images: their words, and the lines the image draws.
    let mut pages: Vec<(String, Page)> = Chart::ALL
        .into_iter()
        .filter(|ch| ch.applies(d))
        .map(|ch| (format!("story/{}", ch.name()), Page::Story(ch)))
        .collect();
    pages.extend(
        html::cards(d)
            .into_iter()
            .map(|card| (format!("card/{}", card.name()), Page::Card(card))),
    );
    for (name, page) in pages {
        let t = share::text(page, d, r);
        s.push(format!("share:{name}:og:title"), Kind::Label, &t.title);
        s.push(
            format!("share:{name}:og:description"),
            Kind::Sentence,
            &t.description,
        );
        s.push(format!("share:{name}:og:image:alt"), Kind::Sentence, &t.alt);
        if matches!(page, Page::Card(_)) || name == "story/per-person" {
            let svg = share::svg(page, d, r, share::SHARE_SIZE);
            share_lines(&mut s, &format!("share-image:{name}"), &svg);
        }
    }
    // The page's own words.
    for (key, text) in r.locale.strings().page() {
        if !matches!(key, "lang" | "dir") {
            s.push(format!("page:{key}"), Kind::Label, text);
        }
    }
    // The static fallback: what `render` writes (the cards hold the prose, the claim, the
    // figures table and the sources), its title and description, and the page's controls.
    s.push("fallback:title.html", Kind::Label, d.title.get(lang));
    html_surfaces(&mut s, "fallback:cards.html", &html::all_cards(d, r));
    let (sliders, switches) = html::page_controls(d, r);
    html_surfaces(&mut s, "fallback:page-sliders.html", &sliders);
    html_surfaces(&mut s, "fallback:page-switches.html", &switches);
    s.out
}

fn csv_cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(ch),
        }
    }
    cells
}

fn svg_surfaces(s: &mut Collector, name: &str, svg: &str) {
    let doc = match roxmltree::Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => {
            s.push(
                format!("{name}:unparsed"),
                Kind::Machine,
                &format!("SVG does not parse: {e}"),
            );
            return;
        }
    };
    let mut whole = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let text: String = node
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        match node.tag_name().name() {
            "title" => s.push(format!("{name}:<title>"), Kind::Label, &text),
            "desc" => s.push(format!("{name}:<desc>"), Kind::Sentence, &text),
            "text" => {
                s.push(format!("{name}:<text>"), Kind::Piece, &text);
                whole.push(plain(&text));
            }
            _ => {}
        }
    }
    s.push(
        format!("{name}:(all <text>)"),
        Kind::Whole,
        &whole.join(" "),
    );
}

/// A share image's header lines (title, badge, answer as drawn, wrapped).
fn share_lines(s: &mut Collector, name: &str, svg: &str) {
    let Ok(doc) = roxmltree::Document::parse(svg) else {
        s.push(
            format!("{name}:unparsed"),
            Kind::Machine,
            "SVG does not parse",
        );
        return;
    };
    // The header's lines are the root's own <text> children; the chart is inside a <g>.
    for node in doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("text"))
    {
        let text: String = node
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect();
        s.push(format!("{name}:line"), Kind::Value, &text);
    }
}

/// An HTML fragment as a reader meets it: one surface per block (heading, paragraph, list
/// item, row, label, button…), words in another language (`lang=`) or quoted (`q`,
/// `blockquote`) apart, and the attributes read aloud or shown as text.
fn html_surfaces(s: &mut Collector, name: &str, html: &str) {
    const BLOCKS: &[&str] = &[
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "li",
        "tr",
        "figcaption",
        "label",
        "button",
        "legend",
        "summary",
        "blockquote",
        "figure",
        "div",
        "section",
        "ul",
        "table",
        "details",
        "footer",
        "noscript",
        "fieldset",
        "a",
        "option",
        "span.card-source",
    ];
    const VOID: &[&str] = &[
        "br", "input", "img", "meta", "link", "hr", "source", "option",
    ];
    struct Open {
        tag: String,
        lang: Option<Lang>,
        quote: bool,
    }
    let decode = |t: &str| {
        t.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    };
    let page = s.page;
    let mut stack: Vec<Open> = Vec::new();
    let mut buf = String::new();
    let mut card = String::new();
    let current = |stack: &[Open]| {
        let lang = stack.iter().rev().find_map(|o| o.lang).unwrap_or(page);
        let quote = stack.iter().any(|o| o.quote);
        (lang, quote)
    };
    let flush = |s: &mut Collector, buf: &mut String, stack: &[Open], card: &str| {
        let (lang, quote) = current(stack);
        let tag = stack.last().map(|o| o.tag.as_str()).unwrap_or("");
        let kind = if quote { Kind::Quote } else { Kind::Label };
        s.push_in(format!("{name}/{card}/{tag}"), lang, kind, &decode(buf));
        buf.clear();
    };
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            buf.push_str(rest);
            break;
        };
        buf.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let inner = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if let Some(closing) = inner.strip_prefix('/') {
            let tag = closing.trim().to_ascii_lowercase();
            let is_block = BLOCKS.contains(&tag.as_str());
            if let Some(at) = stack.iter().rposition(|o| o.tag == tag) {
                let special = stack[at..].iter().any(|o| o.lang.is_some() || o.quote);
                if is_block || special {
                    flush(s, &mut buf, &stack, &card);
                }
                stack.truncate(at);
            } else if is_block {
                flush(s, &mut buf, &stack, &card);
            }
            continue;
        }
        let (tag, attrs) = inner
            .split_once(|c: char| c.is_whitespace())
            .unwrap_or((inner, ""));
        let tag = tag.trim_end_matches('/').to_ascii_lowercase();
        let attrs = parse_attrs(attrs);
        let attr = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| decode(v));
        if let Some(c) = attr("data-card") {
            card = c;
        }
        let class = attr("class").unwrap_or_default();
        let block =
            BLOCKS.contains(&tag.as_str()) || BLOCKS.contains(&format!("{tag}.{class}").as_str());
        let lang = attr("lang").and_then(|l| Lang::parse(&l));
        let quote = matches!(tag.as_str(), "q" | "blockquote");
        if block || lang.is_some() || quote || matches!(tag.as_str(), "br" | "td" | "th" | "dd") {
            if matches!(tag.as_str(), "br" | "td" | "th" | "dd") {
                buf.push(' ');
            } else {
                flush(s, &mut buf, &stack, &card);
            }
        }
        for (key, kind) in [
            ("alt", Kind::Label),
            ("aria-label", Kind::Label),
            ("aria-valuetext", Kind::Value),
            ("title", Kind::Label),
        ] {
            if let Some(v) = attr(key) {
                s.push(format!("{name}/{card}/{tag}[{key}]"), kind, &v);
            }
        }
        if !VOID.contains(&tag.as_str()) && !inner.ends_with('/') {
            let tag = if tag == "span" && class == "card-source" {
                "span.card-source".to_string()
            } else {
                tag
            };
            stack.push(Open {
                tag: tag.split('.').next().unwrap_or_default().to_string(),
                lang,
                quote,
            });
        }
    }
    flush(s, &mut buf, &stack, &card);
}

fn parse_attrs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(q) = after.strip_prefix('"') {
                let close = q.find('"').unwrap_or(q.len());
                out.push((key, q[..close].to_string()));
                rest = q.get(close + 1..).unwrap_or("").trim_start();
            } else {
                let close = after.find(char::is_whitespace).unwrap_or(after.len());
                out.push((key, after[..close].to_string()));
                rest = after[close..].trim_start();
            }
        } else {
            out.push((key, String::new()));
        }
    }
    out
}

// ------------------------------------------------------------------ reading numbers

/// A number as a locale writes it, where it is (char offsets), and what follows it.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    decimals: u32,
    /// The digits as an integer (1.0229 → 10229), for exact arithmetic.
    mantissa: i128,
    percent: bool,
    start: usize,
    end: usize,
}

/// Every number in a text, in order: Latin or Arabic-Indic digits, each language's group and
/// decimal separators (French groups with U+202F or U+00A0, Arabic ٬ and ٫), as tests/words.rs
/// reads them.
fn numbers(lang: Lang, text: &str) -> Vec<Num> {
    let (groups, point): (&[char], char) = match lang {
        Lang::En => (&[','], '.'),
        Lang::Fr => (&['\u{202F}', '\u{A0}'], ','),
        Lang::Ar => (&['\u{066C}'], '\u{066B}'),
    };
    let digit = |c: char| match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let (mut mantissa, mut decimals, mut in_frac) = (0i128, 0u32, false);
        while i < chars.len() {
            let c = chars[i];
            let next_digits = chars[i + 1..]
                .iter()
                .take_while(|c| digit(**c).is_some())
                .count();
            match digit(c) {
                Some(d) => {
                    mantissa = mantissa.saturating_mul(10).saturating_add(d as i128);
                    if in_frac {
                        decimals += 1;
                    }
                }
                // A group separator before exactly three digits (French "1 640", not "4 ans").
                None if groups.contains(&c) && !in_frac && next_digits == 3 => {}
                None if c == point && next_digits > 0 && !in_frac => in_frac = true,
                None => break,
            }
            i += 1;
        }
        let rest: String = chars[i..].iter().take(2).collect();
        let percent = rest
            .trim_start_matches(['\u{A0}', '\u{202F}', ' '])
            .starts_with(['%', '٪']);
        out.push(Num {
            value: mantissa as f64 / 10f64.powi(decimals as i32),
            decimals,
            mantissa,
            percent,
            start,
            end: i,
        });
    }
    out
}

/// The bounds of a/b when a and b are shown rounded to their places (tests/words.rs).
fn ratio_bounds(a: Num, b: Num) -> (f64, f64) {
    let half = |r: Num| 0.5 / 10f64.powi(r.decimals as i32);
    (
        (a.value - half(a)) / (b.value + half(b)),
        (a.value + half(a)) / (b.value - half(b)).max(f64::MIN_POSITIVE),
    )
}

fn agrees(ratio: Num, a: Num, b: Num) -> bool {
    let (lo, hi) = ratio_bounds(a, b);
    let half = 0.5 / 10f64.powi(ratio.decimals as i32);
    ratio.value + half >= lo - 1e-9 && ratio.value - half <= hi + 1e-9
}

/// Where `form` (a formatted figure) occurs in `text`, as char offsets, not inside a longer
/// number.
fn find_form(text: &str, form: &str) -> Vec<usize> {
    let form = plain(form);
    if form.is_empty() {
        return Vec::new();
    }
    let is_num = |c: char| c.is_ascii_digit() || ('\u{0660}'..='\u{066C}').contains(&c);
    let mut out = Vec::new();
    for (at, _) in text.match_indices(form.as_str()) {
        let before = text[..at].chars().next_back();
        let after = text[at + form.len()..].chars().next();
        let first_num = form.chars().next().is_some_and(is_num);
        let last_num = form.chars().next_back().is_some_and(is_num);
        let glued_before =
            first_num && before.is_some_and(|c| is_num(c) || c == '.' || c == ',' || c == '٫');
        let glued_after = last_num
            && after.is_some_and(|c| {
                is_num(c)
                    || ((c == '.' || c == ',' || c == '٫')
                        && text[at + form.len() + 1..]
                            .chars()
                            .next()
                            .is_some_and(is_num))
            });
        if !glued_before && !glued_after {
            out.push(text[..at].chars().count());
        }
    }
    out
}

/// Every way the report writes a figure: its table/chart form, its running-text form, and the
/// template values that carry it (`{pp}`, `{rate}`…), short and prose.
fn forms(r: &Report, display_key: &str, template_keys: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(v) = r.display(display_key) {
        out.push(v.to_string());
    }
    if let Some((_, v)) = r.prose_figures().find(|(k, _)| *k == display_key) {
        out.push(v.to_string());
    }
    for key in template_keys {
        let t = format!("{{{key}}}");
        out.push(r.fill(&t));
        out.push(r.fill_prose(&t));
    }
    let mut out: Vec<String> = out
        .into_iter()
        .map(|f| plain(&f))
        .filter(|f| !f.contains('{') && !f.is_empty() && f != "\u{2013}")
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The first number of `form` found in `text`: (the number read, where).
fn occurrences(lang: Lang, text: &str, forms: &[String]) -> Vec<Num> {
    let nums = numbers(lang, text);
    let mut out: Vec<Num> = Vec::new();
    for f in forms {
        for at in find_form(text, f) {
            let offset = f
                .chars()
                .take_while(|c| !c.is_ascii_digit() && !('\u{0660}'..='\u{0669}').contains(c))
                .count();
            if let Some(n) = nums.iter().find(|n| n.start == at + offset) {
                if !out.iter().any(|o| o.start == n.start) {
                    out.push(*n);
                }
            }
        }
    }
    out
}

fn has_word(text: &str, word: &str) -> bool {
    let letters = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic());
    text.match_indices(word).any(|(at, _)| {
        !letters(text[..at].chars().next_back()) && !letters(text[at + word.len()..].chars().next())
    })
}

fn has_any(text: &str, list: &[&str]) -> bool {
    let lower = text.to_lowercase();
    list.iter().any(|w| lower.contains(&w.to_lowercase()))
}

// ------------------------------------------------------------------ rules

#[derive(Debug, Clone)]
struct Finding {
    rule: &'static str,
    surface: String,
    text: String,
    why: String,
}

type Rule = fn(&Ctx, &[Surface]) -> Vec<Finding>;

/// The rules, by name: each a class of the copy edit (A…) or a rule every text keeps.
const RULES: &[(&str, Rule)] = &[
    (
        "A1 conversion note states the announced total",
        a1_conversion_note,
    ),
    (
        "A3 private-only remainder called private / point and range",
        a3_private_remainder,
    ),
    (
        "A4 ratio beside two totals is not their ratio",
        a4_ratio_beside_totals,
    ),
    (
        "A5 per-year figure not labelled per year",
        a5_per_year_unlabelled,
    ),
    ("A7 90 TWh called net exports", a7_net_exports),
    ("A9 pledges card: point, remainder, range", a9_pledges_card),
    (
        "A10 rate interval ends do not give the conversion",
        a10_rate_interval,
    ),
    ("T1 unfilled placeholder", t_placeholder),
    ("T2 text cut with an ellipsis", t_ellipsis),
    ("T3 English text starts with a numeral", t_numeral_start),
    (
        "T4 French spacing before : ; ? ! and inside « »",
        t_french_spacing,
    ),
    ("T5 Latin-script name in Arabic text", t_arabic_latin),
    (
        "T6 Arabic ratio of 1.00 worded as a fraction",
        t_arabic_fraction_one,
    ),
    ("T7 NaN / inf / undefined", t_not_a_number),
    ("P1 one figure, several precisions", p_one_precision),
];

fn finding(rule: &'static str, s: &Surface, why: impl Into<String>) -> Finding {
    Finding {
        rule,
        surface: s.name.clone(),
        text: s.text.clone(),
        why: why.into(),
    }
}

fn readable(s: &Surface) -> bool {
    !matches!(s.kind, Kind::Machine | Kind::Whole)
}

/// The method note about the article's conversion: it states the article's converted figure
/// and the rough rate that gives it.
fn conversion_notes<'s>(c: &Ctx, all: &'s [Surface]) -> Vec<&'s Surface> {
    let conv = forms(&c.r, "", &["reported_conv"]);
    let rate = forms(&c.r, "", &["reported_rate"]);
    if conv.is_empty() || rate.is_empty() {
        return Vec::new();
    }
    all.iter()
        .filter(|s| readable(s) && s.lang == c.lang && s.kind != Kind::Quote)
        .filter(|s| conv.iter().any(|f| !find_form(&s.text, f).is_empty()))
        .filter(|s| rate.iter().any(|f| !find_form(&s.text, f).is_empty()))
        .collect()
}

/// The announced total as the report formats it with every pledge counted.
fn full_total_forms(c: &Ctx) -> Vec<String> {
    let mut a = c.a;
    a.private_only = false;
    let full = Report::new(c.d, &a, Locale::for_lang(c.lang));
    forms(&full, "announced_eur_bn", &["announced"])
}

fn a1_conversion_note(c: &Ctx, all: &[Surface]) -> Vec<Finding> {
    const RULE: &str = "A1 conversion note states the announced total";
    let want = full_total_forms(c);
    conversion_notes(c, all)
        .into_iter()
        .filter(|s| !want.iter().any(|f| !find_form(&s.text, f).is_empty()))
        .map(|s| {
            finding(
                RULE,
                s,
                format!(
                    "the article converted the announced total ({})",
                    want.join(" / ")
                ),
            )
        })
        .collect()
}

/// A number and, when a range follows ("49–69", "de 49 à 69"), its other end.
fn point_or_range(lang: Lang, text: &str, nums: &[Num], i: usize) -> (Num, Option<Num>) {
    let n = nums[i];
    let chars: Vec<char> = text.chars().collect();
    if let Some(next) = nums.get(i + 1) {
        let between: String = chars[n.end..next.start].iter().collect();
        let between = between.replace(['\u{A0}', '\u{202F}'], " ");
        // "€49–69bn", "49 à 69 milliards", "٤٩–٦٩": the unit may sit between in French.
        let joined = between.trim() == "\u{2013}"
            || words(lang).range_joiner.iter().any(|j| {
                between == *j
                    || between.ends_with(j)
                        && between.len() < 24
                        && !between.contains([',', ';', ':'])
            });
        if joined {
            return (n, Some(*next));
        }
    }
    (n, None)
}

fn a3_private_remainder(c: &Ctx, all: &[Surface]) -> Vec<Finding> {
    const RULE: &str = "A3 private-only remainder called private / point and range";
    if !c.private() {
        return Vec::new();
    }
    let mut out: Vec<Finding> = all
        .iter()
        .filter(|s| readable(s) && s.kind != Kind::Quote && s.page == c.lang)
        .filter(|s| has_any(&s.text, words(s.lang).state_money))
        .map(|s| {
            finding(
                RULE,
                s,
                "the remainder is not known to be private (only the itemised private pledges are)",
            )
        })
        .collect();
    // The same sum given as a point in one place and as a range in another, each right after
    // the package's name in effect.
    let strip = |n: String| {
        let n = n
            .trim_start_matches("le ")
            .trim_start_matches("la ")
            .trim_start_matches("les ")
            .trim_start_matches("l’")
            .to_string();
        n.to_lowercase()
    };
    let names: Vec<String> = [c.r.fill("{package}"), c.r.fill_prose("{package}")]
        .into_iter()
        .map(strip)
        .collect();
    let (mut point, mut range): (Option<(&Surface, f64)>, Option<(&Surface, f64, f64)>) =
        (None, None);
    for s in all
        .iter()
        .filter(|s| readable(s) && s.lang == c.lang && s.kind != Kind::Quote)
    {
        // Lower case keeps the offsets in these languages' scripts.
        let lower = s.text.to_lowercase();
        let nums = numbers(s.lang, &s.text);
        for name in &names {
            for (at, _) in lower.match_indices(name.as_str()) {
                let after = lower[..at].chars().count() + name.chars().count();
                let Some(i) = nums
                    .iter()
                    .position(|n| n.start >= after && n.start < after + 30)
                else {
                    continue;
                };
                match point_or_range(s.lang, &s.text, &nums, i) {
                    (n, Some(high)) if (high.value - n.value).abs() > 1e-9 => {
                        range.get_or_insert((s, n.value, high.value));
                    }
                    (n, _) => {
                        point.get_or_insert((s, n.value));
                    }
                }
            }
        }
    }
    if let (Some((ps, p)), Some((rs, lo, hi))) = (point, range) {
        out.push(Finding {
            rule: RULE,
            surface: format!("{} & {}", ps.name, rs.name),
            text: format!("{} ‖ {}", ps.text, rs.text),
            why: format!("the same sum is given as {p} and as {lo}–{hi}"),
        });
    }
    out
}

/// The figures a per-year comparison is made of, and the ratio it states.
struct Comparison {
    totals: [Vec<String>; 2],
    per_year: [Vec<String>; 2],
    ratio: Vec<String>,
    value: Option<f64>,
    totals_value: Option<f64>,
}

fn comparisons(c: &Ctx) -> Vec<Comparison> {
    let r = &c.r;
    let f = &r.figures;
    let l = r.locale;
    let ratio_forms = |v: Option<f64>, display: &str, keys: &[&str]| {
        let mut out = forms(r, display, keys);
        if let Some(v) = v {
            out.extend(
                [
                    l.times(v),
                    l.times_text(v),
                    l.for_prose().times_text(v),
                    l.number(v, 2),
                ]
                .map(|s| plain(&s)),
            );
        }
        out.sort();
        out.dedup();
        out
    };
    let mut out = vec![Comparison {
        totals: [
            forms(r, "france_usd_per_person", &["pp"]),
            forms(r, "us_usd_per_person", &["benchmark_pp"]),
        ],
        per_year: [
            forms(r, "france_usd_per_person_per_year", &["ppy"]),
            forms(r, "us_usd_per_person_per_year", &["benchmark_ppy"]),
        ],
        ratio: ratio_forms(f.per_person_ratio, "per_person_ratio", &["ratio", "times"]),
        value: f.per_person_ratio,
        totals_value: Some(f.france_usd_per_person / f.us_usd_per_person),
    }];
    if let (Some(fr), Some(us)) = (f.france_share_of_gdp, f.us_share_of_gdp) {
        out.push(Comparison {
            totals: [
                forms(r, "france_share_of_gdp", &["fr_share"]),
                forms(r, "us_share_of_gdp", &["us_share"]),
            ],
            per_year: [
                forms(r, "", &["fr_share_year"]),
                forms(r, "", &["us_share_year"]),
            ],
            ratio: ratio_forms(
                f.gdp_share_ratio,
                "gdp_share_ratio",
                &["gdp_ratio", "gdp_times", "gdp_ratio_times"],
            ),
            value: f.gdp_share_ratio,
            totals_value: Some(fr / us),
        });
    }
    out
}

fn a4_ratio_beside_totals(c: &Ctx, all: &[Surface]) -> Vec<Finding> {
    const RULE: &str = "A4 ratio beside two totals is not their ratio";
    if !c.r.per_year {
        return Vec::new();
    }
    let mut out = Vec::new();
    for cmp in comparisons(c) {
        for s in all
            .iter()
            .filter(|s| s.kind != Kind::Machine && s.kind != Kind::Quote && s.lang == c.lang)
        {
            let find = |f: &[String]| occurrences(s.lang, &s.text, f);
            let (a, b) = (find(&cmp.totals[0]), find(&cmp.totals[1]));
            let (ya, yb) = (find(&cmp.per_year[0]), find(&cmp.per_year[1]));
            let ratios = find(&cmp.ratio);
            let (Some(a), Some(b)) = (a.first(), b.first()) else {
                continue;
            };
            if !ya.is_empty() && !yb.is_empty() {
                continue;
            }
            // A ratio among the totals' own numbers is not a ratio beside them.
            for ratio in ratios
                .iter()
                .filter(|n| n.start != a.start && n.start != b.start && !n.percent)
            {
                if !agrees(*ratio, *a, *b) {
                    out.push(finding(
                        RULE,
                        s,
                        format!("{} / {} is not {}", a.value, b.value, ratio.value),
                    ));
                }
            }
        }
    }
    out
}

fn a5_per_year_unlabelled(c: &Ctx, all: &[Surface]) -> Vec<Finding> {
    const RULE: &str = "A5 per-year figure not labelled per year";
    if !c.r.per_year {
        return Vec::new();
    }
    let r = &c.r;
    let f = &r.figures;
    let l = r.locale;
    // The figures that change meaning with the horizon: the ratios, and the parity points.
    let mut checked: Vec<(&str, Vec<String>)> = Vec::new();
    for cmp in comparisons(c) {
        let differs = match (cmp.value, cmp.totals_value) {
            (Some(v), Some(t)) => (v * 100.0).round() != (t * 100.0).round(),
            _ => false,
        };
        if differs {
            // A bare whole number ("3") is any count; a ratio is read by its own form.
            let ratio: Vec<String> = cmp
                .ratio
                .into_iter()
                .filter(|f| {
                    !f.chars()
                        .all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
                })
                .collect();
            checked.push(("ratio", ratio));
        }
    }
    let quote = c.d.benchmark.currency.as_ref();
    if let Some(p) = f.parity_eurusd {
        let mut v = forms(r, "parity_eurusd", &["parity_rate"]);
        v.push(plain(&l.rate(p, quote)));
        checked.push(("parity rate", v));
    }
    if let Some(p) = f.parity_pop_fr_m {
        let mut v = forms(r, "parity_pop_fr_m", &["parity_pop"]);
        v.push(plain(&l.millions(p, 1)));
        checked.push(("parity population", v));
    }
    let mut out = Vec::new();
    // A value alone (a cell, aria-valuetext) is labelled by its row or control, read apart.
    for s in all.iter().filter(|s| {
        !matches!(
            s.kind,
            Kind::Machine | Kind::Quote | Kind::Piece | Kind::Value
        ) && s.lang == c.lang
    }) {
        if s.name == "table:(whole)" {
            continue;
        }
        // The article's own figures and the sources do not move with the horizon: a number
        // there that happens to equal a per-year figure is not that figure.
        let fixed = [
            "prose:article_check",
            "json:sentences:article_check",
            "method:",
            "sources:",
            "caveat:",
        ];
        // The energy chart and card state no ratio of the two packages.
        if fixed.iter().any(|p| s.name.starts_with(p))
            || s.name.ends_with("/li")
            || s.name.contains("energy")
            || s.name.contains("nuclear_ai")
            || s.text.contains("TWh")
            || s.text.contains("تيراواط")
        {
            continue;
        }
        for (what, forms) in &checked {
            if !occurrences(s.lang, &s.text, forms).is_empty()
                && !has_any(&s.text, words(s.lang).per_year)
            {
                out.push(finding(RULE, s, format!("the {what} is per year (France over {} years) and the text does not say so", f.assumptions.subject_years.unwrap_or_default())));
                break;
            }
        }
    }
    out
}

/// France's net electricity exports in 2024, RTE's official figure (facts.md); Macron's 90 TWh
/// rounds it, and is no net figure.
const NET_EXPORTS_TWH: f64 = 89.0;
/// Macron's rounding of it (the article's figure).
const MACRON_EXPORTS_TWH: f64 = 90.0;

fn a7_net_exports(c: &Ctx, all: &[Surface]) -> Vec<Finding> {
    const RULE: &str = "A7 90 TWh called net exports";
    let (Some(exports), Some(share)) = (
        c.r.figures.exports_twh,
        c.r.figures.nuclear_ai_share_of_exports,
    ) else {
        return Vec::new();
    };
    let share_forms = forms(&c.r, "nuclear_ai_share_of_exports", &["share"]);
    let mut out = Vec::new();
    for s in all.iter().filter(|s| {
        !matches!(s.kind, Kind::Machine | Kind::Quote | Kind::Piece) && s.lang == c.lang
    }) {
        if s.name.starts_with("table:(") {
            continue;
        }
        let lower = s.text.to_lowercase();
        let shares = occurrences(s.lang, &s.text, &share_forms);
        let nums = numbers(s.lang, &s.text);
        let mut hit = false;
        for w in words(s.lang).net {
            for (at, _) in lower.match_indices(w) {
                if !has_word(
                    &lower[at..at
                        + w.len()
                        + lower[at + w.len()..]
                            .chars()
                            .next()
                            .map_or(0, char::len_utf8)]
                        .trim_end(),
                    w,
                ) && s.lang != Lang::Ar
                {
                    // "net" inside another word ("internet", "nettement").
                    let before = lower[..at].chars().next_back();
                    let after = lower[at + w.len()..].chars().next();
                    if before.is_some_and(char::is_alphabetic)
                        || after.is_some_and(char::is_alphabetic)
                    {
                        continue;
                    }
                }
                let pos = lower[..at].chars().count();
                // The clause the word sits in (up to the nearest ; : . or |).
                let chars: Vec<char> = s.text.chars().collect();
                let stop = |c: char| matches!(c, ';' | ':' | '.' | '|' | '؛');
                let from = chars[..pos]
                    .iter()
                    .rposition(|c| stop(*c))
                    .map_or(0, |i| i + 1);
                let to = chars[pos..]
                    .iter()
                    .position(|c| stop(*c) && true)
                    .map_or(chars.len(), |i| pos + i);
                let in_clause = |n: &Num| n.start >= from && n.end <= to;
                // "Net" is true of RTE's official figure only (facts.md: 89 TWh net in 2024):
                // a clause that calls another exports figure net (Macron's 90) is wrong.
                let not_net = |v: f64| (v - NET_EXPORTS_TWH).abs() >= 0.5;
                let in_twh = |n: &Num| {
                    let after: String = s.text.chars().skip(n.end).take(4).collect();
                    after.contains("TWh") || after.contains("تير")
                };
                let names_other = nums.iter().filter(|n| in_clause(n) && in_twh(n)).any(|n| {
                    not_net(n.value)
                        && ((n.value - exports).abs() < 0.5
                            || (n.value - MACRON_EXPORTS_TWH).abs() < 0.5)
                        && !(1900.0..2100.0).contains(&n.value)
                }) || (not_net(exports)
                    && (shares.iter().any(in_clause)
                        || s.name.contains("table:nuclear_ai_share")
                        || s.name.contains("csv:nuclear_ai_share")));
                if names_other {
                    hit = true;
                }
            }
        }
        if hit {
            out.push(finding(RULE, s, format!("{exports} TWh is Macron's figure (share {share:.3}); RTE's net exports were {NET_EXPORTS_TWH} TWh")));
        }
    }
    out
}

fn a9_pledges_card(c: &Ctx, all: &[Surface]) -> Vec<Finding> {
    const RULE: &str = "A9 pledges card: point, remainder, range";
    let r = &c.r;
    let f = &r.figures;
    let prose = r.locale.for_prose();
    let base = c.d.subject.currency.as_ref();
    let mut out = Vec::new();
    let ranged = c.d.ranged_pledge().is_some();
    for s in all.iter().filter(|s| s.name == "card:pledges:answer") {
        if ranged && !c.private() {
            let want = plain(&prose.money_bn(f.unitemised_at_point_eur_bn, base, 1));
            if find_form(&s.text, &want).is_empty() {
                out.push(finding(
                    RULE,
                    s,
                    format!("with the UAE at its point, {want} is not itemised"),
                ));
            }
        }
        if c.private() {
            // Naming what is left out is right; giving it a point ("at €50bn") is not.
            if let (Some(p), Some(point)) = (c.d.ranged_pledge(), f.assumptions.ranged_pledge_bn) {
                let name = p.name.get(c.lang);
                let point = plain(&prose.money_bn(point, base, 1));
                // What is left may print as the point does ("€49.5bn is left" with the UAE at
                // €49.5bn): then the amount beside the name is the sum left, not a point.
                let left = plain(&prose.money_bn(f.announced_eur_bn, base, 1));
                let near = point != left
                    && s.text.match_indices(name).any(|(at, _)| {
                        let after: String = s.text[at + name.len()..].chars().take(24).collect();
                        !find_form(&after, &point).is_empty()
                    });
                if near {
                    out.push(finding(
                        RULE,
                        s,
                        format!("{name} is left out in private mode: its clause means nothing"),
                    ));
                }
            }
        }
    }
    // Anywhere: a "range" followed by one value.
    for s in all
        .iter()
        .filter(|s| readable(s) && s.kind != Kind::Quote && s.lang == c.lang)
    {
        let lower = s.text.to_lowercase();
        let nums = numbers(s.lang, &s.text);
        for w in words(s.lang).range {
            for (at, _) in lower.match_indices(w) {
                let pos = lower[..at].chars().count() + w.chars().count();
                let Some(i) = nums
                    .iter()
                    .position(|n| n.start >= pos && n.start < pos + 12)
                else {
                    continue;
                };
                // "(beyond the slider’s range), or with 48.4m people": the phrase ends before
                // the number, which is not the range's.
                let between: String = s.text.chars().skip(pos).take(nums[i].start - pos).collect();
                if between.contains([')', ',', '،', ';']) {
                    continue;
                }
                if point_or_range(s.lang, &s.text, &nums, i).1.is_none() {
                    out.push(finding(RULE, s, "a range with one value"));
                }
            }
        }
    }
    out
}

/// Whether `announced` × rate rounds to `converted` (half up, exactly, in decimals).
fn rounds_to(announced: f64, rate: Num, converted: f64) -> bool {
    let places = |v: f64| {
        (0..5)
            .find(|d| ((v * 10f64.powi(*d)) - (v * 10f64.powi(*d)).round()).abs() < 1e-9)
            .unwrap_or(4) as u32
    };
    let (pa, pc) = (places(announced), places(converted));
    let a = (announced * 10f64.powi(pa as i32)).round() as i128;
    let conv = (converted * 10f64.powi(pc as i32)).round() as i128;
    // product = a × mantissa / 10^(pa + rate.decimals); rounded to pc places, half up.
    let scale = 10i128.pow(pa + rate.decimals);
    let num = a * rate.mantissa * 10i128.pow(pc);
    let rounded = (2 * num + scale) / (2 * scale);
    rounded == conv
}

fn a10_rate_interval(c: &Ctx, all: &[Surface]) -> Vec<Finding> {
    const RULE: &str = "A10 rate interval ends do not give the conversion";
    let Some(conv) = c.d.reported.converted_bn.as_ref() else {
        return Vec::new();
    };
    let announced = c.d.subject.announced_bn.value;
    let mut out = Vec::new();
    for s in conversion_notes(c, all) {
        let rates: Vec<Num> = numbers(s.lang, &s.text)
            .into_iter()
            .filter(|n| n.decimals >= 3 && n.value < 20.0)
            .collect();
        if rates.len() < 2 {
            continue;
        }
        for end in &rates[..2] {
            if !rounds_to(announced, *end, conv.value) {
                out.push(finding(
                    RULE,
                    s,
                    format!(
                        "{announced} × {} = {:.4}, which does not round to {}",
                        end.value,
                        announced * end.value,
                        conv.value
                    ),
                ));
            }
        }
    }
    out
}

fn t_placeholder(_: &Ctx, all: &[Surface]) -> Vec<Finding> {
    let mut out = Vec::new();
    // The page's own strings are templates its script fills ("Download “{title}” as {format}").
    for s in all
        .iter()
        .filter(|s| s.kind != Kind::Whole && !s.name.starts_with("page:"))
    {
        for (at, _) in s.text.match_indices('{') {
            let rest = &s.text[at + 1..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_' || *c == '#')
                .collect();
            if !name.is_empty() && rest[name.len()..].starts_with('}') {
                out.push(finding("T1 unfilled placeholder", s, format!("{{{name}}}")));
            }
        }
    }
    out
}

fn t_ellipsis(_: &Ctx, all: &[Surface]) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in all
        .iter()
        .filter(|s| readable(s) && s.kind != Kind::Quote && !ELLIPSIS_OK.contains(&s.name.as_str()))
    {
        let mut depth = 0i32;
        for ch in s.text.chars() {
            match ch {
                '“' | '«' => depth += 1,
                '”' | '»' => depth -= 1,
                '…' if depth <= 0 => {
                    out.push(finding(
                        "T2 text cut with an ellipsis",
                        s,
                        "an ellipsis outside a quotation",
                    ));
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

fn t_numeral_start(_: &Ctx, all: &[Surface]) -> Vec<Finding> {
    all.iter()
        .filter(|s| {
            s.lang == Lang::En && matches!(s.kind, Kind::Sentence | Kind::Label | Kind::Piece)
        })
        .filter(|s| s.text.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|s| {
            // A value with its unit ("4 years", "8.76 TWh") is not a sentence; "1 GW for a year" is.
            let rest = s
                .text
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
            rest.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
                >= 2
        })
        .map(|s| {
            finding(
                "T3 English text starts with a numeral",
                s,
                "spell it out or recast",
            )
        })
        .collect()
}

fn t_french_spacing(_: &Ctx, all: &[Surface]) -> Vec<Finding> {
    let mut out = Vec::new();
    let thin = |c: Option<&char>| matches!(c, Some('\u{202F}' | '\u{A0}'));
    for s in all
        .iter()
        .filter(|s| s.lang == Lang::Fr && s.kind != Kind::Machine && s.kind != Kind::Whole)
    {
        let chars: Vec<char> = s.text.chars().collect();
        for (i, ch) in chars.iter().enumerate() {
            let (prev, next) = (
                if i > 0 { chars.get(i - 1) } else { None },
                chars.get(i + 1),
            );
            let bad = match ch {
                ':' | ';' | '?' | '!' => {
                    let url = *ch == ':' && next == Some(&'/');
                    let clock = prev.is_some_and(char::is_ascii_digit)
                        && next.is_some_and(char::is_ascii_digit);
                    i > 0 && !thin(prev) && !url && !clock
                }
                // At a text's edge the mark's space sits across a change of language (the
                // page's « » around a title in its own language), trimmed here.
                '«' => next.is_some() && !thin(next),
                '»' => prev.is_some() && !thin(prev),
                _ => false,
            };
            if bad {
                let from = i.saturating_sub(12);
                let near: String = chars[from..(i + 3).min(chars.len())].iter().collect();
                out.push(finding(
                    "T4 French spacing before : ; ? ! and inside « »",
                    s,
                    format!("no (narrow) no-break space at “{near}”"),
                ));
                break;
            }
        }
    }
    out
}

/// The Latin-script names an Arabic page must not print: the table above, and the dataset's
/// names whose Arabic form the dataset gives.
fn latin_names(d: &Dataset) -> Vec<String> {
    let mut d = d.clone();
    let mut out: Vec<String> = LATIN_NAMES_IN_ARABIC
        .iter()
        .map(|s| s.to_string())
        .collect();
    for t in d.texts_mut() {
        let en = t.en.to_string();
        let short =
            en.split_whitespace().count() <= 4 && en.chars().any(|c| c.is_ascii_alphabetic());
        if short && t.ar.as_deref().is_some_and(|ar| ar != en) {
            out.push(en);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn t_arabic_latin(c: &Ctx, all: &[Surface]) -> Vec<Finding> {
    if c.lang != Lang::Ar {
        return Vec::new();
    }
    let names = latin_names(c.d);
    let mut out = Vec::new();
    // Words marked as another language (a source's English headline) are that language's.
    for s in all.iter().filter(|s| {
        s.page == Lang::Ar && s.lang == Lang::Ar && readable(s) && s.kind != Kind::Quote
    }) {
        // A source's title in quotation marks is its own words; the names around it are the page's.
        let mut text = String::new();
        let mut depth = 0;
        for ch in s.text.chars() {
            match ch {
                '“' | '«' => depth += 1,
                '”' | '»' => depth -= 1,
                _ if depth <= 0 => text.push(ch),
                _ => {}
            }
        }
        let found: Vec<&String> = names
            .iter()
            .filter(|n| {
                text.match_indices(n.as_str()).any(|(at, _)| {
                    let before = text[..at].chars().next_back();
                    let after = text[at + n.len()..].chars().next();
                    let word = !before.is_some_and(char::is_alphabetic)
                        && !after.is_some_and(char::is_alphabetic);
                    let acronym_in_parens = before == Some('(')
                        && after == Some(')')
                        && n.chars().all(|c| c.is_ascii_uppercase());
                    word && !acronym_in_parens
                })
            })
            .collect();
        if !found.is_empty() {
            out.push(finding(
                "T5 Latin-script name in Arabic text",
                s,
                format!("{found:?} have an Arabic form"),
            ));
        }
    }
    out
}

fn t_arabic_fraction_one(_: &Ctx, all: &[Surface]) -> Vec<Finding> {
    all.iter()
        .filter(|s| s.lang == Lang::Ar && readable(s))
        .filter(|s| s.text.contains("١٫٠٠ من") || s.text.contains("1.00 من"))
        .map(|s| {
            finding(
                "T6 Arabic ratio of 1.00 worded as a fraction",
                s,
                "1.00 is not a fraction: say it equals",
            )
        })
        .collect()
}

fn t_not_a_number(_: &Ctx, all: &[Surface]) -> Vec<Finding> {
    all.iter()
        .filter(|s| s.kind != Kind::Whole)
        .filter(|s| {
            ["NaN", "inf", "Infinity", "undefined", "null"]
                .iter()
                .any(|w| has_word(&s.text, w) && !(*w == "null" && s.kind == Kind::Machine))
        })
        .map(|s| finding("T7 NaN / inf / undefined", s, "not a number"))
        .collect()
}

fn p_one_precision(c: &Ctx, all: &[Surface]) -> Vec<Finding> {
    let r = &c.r;
    let f = &r.figures;
    let l = r.locale;
    let quote = c.d.benchmark.currency.as_ref();
    // A figure: its forms (every surface that writes it goes through one of these).
    let mut figures: Vec<(&str, Vec<String>)> = vec![
        ("eurusd", forms(r, "eurusd", &["rate"])),
        ("parity_eurusd", forms(r, "parity_eurusd", &["parity_rate"])),
        (
            "parity_pop_fr_m",
            forms(r, "parity_pop_fr_m", &["parity_pop"]),
        ),
        (
            "france_usd_per_person",
            forms(r, "france_usd_per_person", &["pp"]),
        ),
        (
            "per_person_ratio",
            forms(r, "per_person_ratio", &["ratio", "times"]),
        ),
        (
            "gdp_share_ratio",
            forms(r, "gdp_share_ratio", &["gdp_ratio", "gdp_times"]),
        ),
        ("pop_fr", forms(r, "pop_fr", &[])),
        (
            "announced_usd_bn",
            forms(r, "announced_usd_bn", &["announced_conv"]),
        ),
    ];
    // The parity buttons write the parity points their own way.
    for ctl in pledge_explainer::report::controls(c.d, r) {
        let Some(p) = ctl.parity_display.clone() else {
            continue;
        };
        let key = match ctl.param {
            "eurusd" => "parity_eurusd",
            "pop_fr" => "parity_pop_fr_m",
            _ => continue,
        };
        if let Some((_, v)) = figures.iter_mut().find(|(k, _)| *k == key) {
            v.push(plain(&p));
        }
    }
    if let Some(p) = f.parity_eurusd {
        if let Some((_, v)) = figures.iter_mut().find(|(k, _)| *k == "parity_eurusd") {
            v.push(plain(&l.rate(p, quote)));
        }
    }
    // The rate trimmed ("$1.032") is a form some writer could print beside "$1.0320".
    if let Some((_, v)) = figures.iter_mut().find(|(k, _)| *k == "eurusd") {
        v.push(plain(&l.rate(f.assumptions.rate, quote)));
    }
    let mut out = Vec::new();
    for (key, fs) in figures {
        // Each form that some surface prints, with its places and one surface that prints it.
        let mut seen: BTreeMap<u32, (String, String)> = BTreeMap::new();
        for form in &fs {
            let Some(n) = numbers(c.lang, form).first().copied() else {
                continue;
            };
            // Named by a reader's surface first (the JSON repeats them all).
            // The method notes and the sources state the article's and the day's figures,
            // which may equal the reader's only by chance ("about $1.03").
            let fixed = |s: &Surface| {
                s.name.starts_with("method:")
                    || s.name.starts_with("sources:")
                    || s.name.ends_with("/li")
                    || s.name.contains(":article_")
            };
            let mut readers: Vec<&Surface> = all
                .iter()
                .filter(|s| readable(s) && s.lang == c.lang && !fixed(s))
                .collect();
            readers.sort_by_key(|s| s.name.starts_with("json:"));
            let printed = readers
                .into_iter()
                .find(|s| !find_form(&s.text, form).is_empty());
            if let Some(s) = printed {
                seen.entry(n.decimals)
                    .or_insert((form.clone(), s.name.clone()));
            }
        }
        if seen.len() > 1 {
            let list: Vec<String> = seen
                .values()
                .map(|(f, s)| format!("“{f}” in {s}"))
                .collect();
            out.push(Finding {
                rule: "P1 one figure, several precisions",
                surface: key.to_string(),
                text: list.join(" vs "),
                why: format!(
                    "{key} is written with {} different numbers of decimals",
                    seen.len()
                ),
            });
        }
    }
    out
}

// ------------------------------------------------------------------ running the census

fn story() -> Dataset {
    Dataset::default_story()
}

fn eu() -> Dataset {
    Dataset::from_json(&std::fs::read_to_string("data/eu-investai-2025.json").unwrap()).unwrap()
}

fn at(d: &Dataset, query: &str) -> Assumptions {
    let parsed = pledge_explainer::params::parse_query(d, Assumptions::defaults(d), query);
    assert!(
        parsed.notices.is_empty(),
        "{query}: {:?}",
        parsed
            .notices
            .iter()
            .map(|n| n.message(Lang::En))
            .collect::<Vec<_>>()
    );
    parsed.assumptions
}

/// Every finding of one case, by every rule (or only `only`).
fn census(c: &Ctx, only: Option<&str>) -> Vec<Finding> {
    let all = surfaces(c);
    RULES
        .iter()
        .filter(|(name, _)| {
            // "A1" is that rule (not A10); a letter alone is its family ("T").
            let id = name.split(' ').next().unwrap_or_default();
            only.is_none_or(|o| id == o || (o.len() == 1 && id.starts_with(o)))
        })
        .flat_map(|(_, rule)| rule(c, &all))
        .collect()
}

/// Findings grouped by rule: how many, and each distinct text once with the surfaces that
/// print it and the case it was found at.
#[derive(Default)]
struct Tally {
    by_rule: BTreeMap<&'static str, Vec<(String, Finding, Vec<String>)>>,
    /// Where each (rule, text, why) sits in `by_rule`.
    index: std::collections::HashMap<(&'static str, String, String), usize>,
    cases: usize,
}

impl Tally {
    fn add(&mut self, case: &str, findings: Vec<Finding>) {
        self.cases += 1;
        for f in findings {
            let list = self.by_rule.entry(f.rule).or_default();
            let key = (f.rule, f.text.clone(), f.why.clone());
            match self.index.get(&key).map(|i| &mut list[*i]) {
                Some((_, _, surfaces)) => {
                    if !surfaces.contains(&f.surface) && surfaces.len() < 6 {
                        surfaces.push(f.surface.clone());
                    }
                }
                None => {
                    let s = f.surface.clone();
                    self.index.insert(key, list.len());
                    list.push((case.to_string(), f, vec![s]));
                }
            }
        }
    }
    fn total(&self) -> usize {
        self.by_rule.values().map(Vec::len).sum()
    }
    fn print(&self, shown_per_rule: usize) -> String {
        let mut out = format!(
            "{} distinct findings over {} cases\n",
            self.total(),
            self.cases
        );
        for (rule, _) in RULES {
            let Some(list) = self.by_rule.get(rule) else {
                continue;
            };
            out.push_str(&format!("\n== {rule}: {} distinct\n", list.len()));
            for (case, f, surfaces) in list.iter().take(shown_per_rule) {
                out.push_str(&format!(
                    "  [{case}] {}\n    {}\n    why: {}\n",
                    surfaces.join(", "),
                    f.text,
                    f.why
                ));
            }
            if list.len() > shown_per_rule {
                out.push_str(&format!("  … and {} more\n", list.len() - shown_per_rule));
            }
        }
        out
    }
}

/// Runs `rule` (a prefix of its name, or every rule) over the copy edit's reproductions.
fn repro(rule: Option<&str>, cases: &[(&str, &str)]) {
    let (s, e) = (story(), eu());
    let mut tally = Tally::default();
    for (which, query) in cases {
        let d = if *which == "eu" { &e } else { &s };
        for lang in Lang::ALL {
            let label = format!("{which} {query:?} {}", lang.code());
            let c = Ctx::new(d, at(d, query), lang);
            tally.add(&label, census(&c, rule));
        }
    }
    assert!(tally.total() == 0, "{}", tally.print(8));
}

// ------------------------------------------------------------------ the copy edit's reproductions

#[test]
fn a1_the_conversion_note_states_the_announced_total_in_private_mode() {
    repro(
        Some("A1"),
        &[
            ("fr", "private_only=1"),
            ("fr", "private_only=1&uae=30"),
            ("fr", ""),
        ],
    );
}

#[test]
fn a3_the_private_only_remainder_is_not_called_private() {
    repro(
        Some("A3"),
        &[
            ("fr", "private_only=1"),
            ("fr", "private_only=1&uae=30"),
            ("fr", "private_only=1&yardstick=gdp"),
        ],
    );
}

#[test]
fn a4_a_ratio_beside_two_totals_is_their_ratio_at_other_horizons() {
    repro(
        Some("A4"),
        &[
            ("fr", "years_fr=10"),
            ("fr", "years_fr=1"),
            ("fr", "years_fr=6"),
            ("fr", "yardstick=gdp&years_fr=2&eurusd=1.2"),
        ],
    );
}

#[test]
fn a5_a_per_year_ratio_or_parity_says_per_year() {
    repro(
        Some("A5"),
        &[
            ("fr", "years_fr=10"),
            ("fr", "years_fr=1"),
            ("fr", "years_fr=6"),
        ],
    );
}

#[test]
fn a7_the_90_twh_is_never_called_net_exports() {
    repro(Some("A7"), &[("fr", ""), ("fr", "load_factor=0.3")]);
}

#[test]
fn a9_the_pledges_card_gives_the_points_remainder_and_no_range_of_one() {
    repro(
        Some("A9"),
        &[
            ("fr", ""),
            ("fr", "uae=30"),
            ("fr", "private_only=1"),
            ("eu", ""),
        ],
    );
}

#[test]
fn a10_both_ends_of_the_rate_interval_give_the_articles_conversion() {
    repro(Some("A10"), &[("fr", ""), ("eu", "")]);
}

#[test]
fn every_text_keeps_the_rules_of_every_text_at_the_copy_edits_assumptions() {
    repro(
        Some("T"),
        &[
            ("fr", ""),
            ("fr", "pop_fr=76.5"),
            ("fr", "pop_us=304.9"),
            ("fr", "eurusd=0.9253"),
            ("fr", "years_fr=2"),
            ("eu", ""),
        ],
    );
}

#[test]
fn p1_one_figure_is_written_with_one_precision() {
    repro(Some("P1"), &[("fr", ""), ("eu", ""), ("fr", "eurusd=1.2")]);
}

// ------------------------------------------------------------------ the random census

/// splitmix64: a seeded stream, so a failing case can be run again (`CENSUS_SEED`).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Random assumptions a reader can reach: each knob on a step of its declared range (about a
/// third of them left at the default), the switches on or off.
fn random_assumptions(d: &Dataset, rng: &mut Rng) -> (Assumptions, String) {
    let mut a = Assumptions::defaults(d);
    let mut query = Vec::new();
    for spec in KNOBS.iter() {
        let knob: Knob = spec.knob;
        let Some(range) = Assumptions::range(d, knob) else {
            continue;
        };
        if rng.unit() < 0.35 {
            continue;
        }
        let steps = ((range.max - range.min) / range.step).round();
        let value = (range.min + (rng.unit() * steps).round() * range.step).min(range.max);
        let value = (value * 1e6).round() / 1e6;
        if a.set(d, knob, value).is_ok() {
            query.push(format!(
                "{}={}",
                knob.param(),
                pledge_explainer::params::plain_number(value)
            ));
        }
    }
    (a, query.join("&"))
}

#[test]
fn every_text_a_reader_can_meet_agrees_with_its_figures() {
    let cases: usize = std::env::var("CENSUS_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500);
    let seed: u64 = std::env::var("CENSUS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20261207);
    let stories = [("fr", story()), ("eu", eu())];
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    for _ in 0..cases {
        let (which, d) = &stories[(rng.next() % 2) as usize];
        let lang = Lang::ALL[(rng.next() % 3) as usize];
        let (a, query) = random_assumptions(d, &mut rng);
        let label = format!("{which} {query:?} {}", lang.code());
        let c = Ctx::new(d, a, lang);
        tally.add(&label, census(&c, None));
    }
    let shown = std::env::var("CENSUS_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    assert!(tally.total() == 0, "seed {seed}\n{}", tally.print(shown));
}

// ------------------------------------------------------------------ the rules, tested

/// A case and one hand-made surface of `kind` for rule tests.
fn one(c: &Ctx, name: &str, kind: Kind, text: &str) -> Vec<Surface> {
    vec![Surface {
        name: name.into(),
        lang: c.lang,
        page: c.lang,
        kind,
        text: text.into(),
    }]
}

fn fires(rule: Rule, c: &Ctx, s: &[Surface]) -> bool {
    !rule(c, s).is_empty()
}

#[test]
fn each_rule_flags_a_bad_text_and_passes_a_good_one() {
    let d = story();
    let ctx = |q: &str, lang: Lang| Ctx::new(&d, at(&d, q), lang);
    let en = ctx("", Lang::En);
    let private = ctx("private_only=1", Lang::En);
    let y10 = ctx("years_fr=10", Lang::En);
    let fr = ctx("", Lang::Fr);
    let ar = ctx("", Lang::Ar);

    // A1
    let bad = "The article’s $112bn is €49bn at about $1.03 per euro: any rate from $1.0230 to $1.0321 gives it.";
    let good = "The article’s $112bn is €109bn at about $1.03 per euro: any rate from $1.0230 to $1.0321 gives it.";
    assert!(fires(
        a1_conversion_note,
        &private,
        &one(&private, "m", Kind::Sentence, bad)
    ));
    assert!(!fires(
        a1_conversion_note,
        &private,
        &one(&private, "m", Kind::Sentence, good)
    ));
    // A10: 1.0229 gives $111bn; 1.0230 gives $112bn.
    let bad = "The article’s $112bn is €109bn at about $1.03 per euro: any rate from $1.0229 to $1.0321 gives it.";
    assert!(fires(
        a10_rate_interval,
        &en,
        &one(&en, "m", Kind::Sentence, bad)
    ));
    assert!(!fires(
        a10_rate_interval,
        &en,
        &one(&en, "m", Kind::Sentence, good)
    ));
    let e = eu();
    let eu_en = Ctx::new(&e, Assumptions::defaults(&e), Lang::En);
    let conv = eu_en.r.fill_prose("{reported_conv}");
    let note = |lo: &str, hi: &str| {
        format!("The article’s {conv} is €200bn at about $1.03 per euro: any rate from ${lo} to ${hi} gives it.")
    };
    assert!(fires(
        a10_rate_interval,
        &eu_en,
        &one(&eu_en, "m", Kind::Sentence, &note("1.0275", "1.0325"))
    ));
    assert!(!fires(
        a10_rate_interval,
        &eu_en,
        &one(&eu_en, "m", Kind::Sentence, &note("1.0275", "1.0324"))
    ));
    // A3: the words, and a point and a range for one sum.
    let name = private.r.fill("{package}");
    assert!(fires(
        a3_private_remainder,
        &private,
        &one(
            &private,
            "s",
            Kind::Sentence,
            "France’s AI package without state money comes to €49bn."
        )
    ));
    assert!(!fires(
        a3_private_remainder,
        &private,
        &one(
            &private,
            "s",
            Kind::Sentence,
            "France’s package without Bpifrance and the UAE (MGX) comes to €49bn."
        )
    ));
    assert!(!fires(
        a3_private_remainder,
        &en,
        &one(
            &en,
            "s",
            Kind::Sentence,
            "France’s AI package without state money comes to €49bn."
        )
    ));
    let mut two = one(
        &private,
        "lede",
        Kind::Sentence,
        &format!("At $1.0320 per euro, {name} of €49bn is $50.6bn."),
    );
    two.extend(one(
        &private,
        "po",
        Kind::Sentence,
        &format!("Without them, {name} comes to €49–69bn."),
    ));
    assert!(a3_private_remainder(&private, &two)
        .iter()
        .any(|f| f.why.contains("as 49")));
    two.pop();
    assert!(!a3_private_remainder(&private, &two)
        .iter()
        .any(|f| f.why.contains("as 49")));
    // A4: "3.73% … 1.71%: 0.87 times" at ten years; the right ratio passes.
    let bad = "France’s AI package is 3.73% of GDP, Stargate 1.71%: 0.87 times as much.";
    let good = "France’s AI package is 3.73% of GDP, Stargate 1.71%: 2.18 times as much.";
    assert!(fires(
        a4_ratio_beside_totals,
        &y10,
        &one(&y10, "c", Kind::Sentence, bad)
    ));
    assert!(!fires(
        a4_ratio_beside_totals,
        &y10,
        &one(&y10, "c", Kind::Sentence, good)
    ));
    assert!(!fires(
        a4_ratio_beside_totals,
        &en,
        &one(&en, "c", Kind::Sentence, good)
    ));
    // A5: the table's row.
    let ratio = y10.r.display("per_person_ratio").unwrap().to_string();
    assert!(fires(
        a5_per_year_unlabelled,
        &y10,
        &one(
            &y10,
            "table:per_person_ratio",
            Kind::Label,
            &format!("Per-person ratio {ratio}")
        )
    ));
    assert!(!fires(
        a5_per_year_unlabelled,
        &y10,
        &one(
            &y10,
            "table:per_person_ratio",
            Kind::Label,
            &format!("Per-person ratio per year {ratio}")
        )
    ));
    // A7
    assert!(fires(a7_net_exports, &en, &one(&en, "e", Kind::Sentence, "Running 1 GW all year uses 8.76 TWh: 9.7% of France’s net electricity exports of 90 TWh in 2024.")));
    assert!(!fires(a7_net_exports, &en, &one(&en, "e", Kind::Sentence, "Running 1 GW all year uses 8.76 TWh: 9.7% of the 90 TWh France exported in 2024, by Macron’s count.")));
    assert!(!fires(
        a7_net_exports,
        &en,
        &one(
            &en,
            "e",
            Kind::Sentence,
            "Macron’s 90 TWh rounds RTE’s official figure: net exports of 89 TWh in 2024."
        )
    ));
    // A9
    let bad = "With the UAE (MGX) at €50bn, the pledges named with an amount add up to €83bn (range: €63–83bn); €26–46bn of the €109bn is not itemised.";
    let good = "With the UAE (MGX) at €50bn, the pledges with an amount add up to €83bn, leaving €26bn of the €109bn not itemised.";
    assert!(fires(
        a9_pledges_card,
        &en,
        &one(&en, "card:pledges:answer", Kind::Sentence, bad)
    ));
    assert!(!fires(
        a9_pledges_card,
        &en,
        &one(&en, "card:pledges:answer", Kind::Sentence, good)
    ));
    assert!(fires(
        a9_pledges_card,
        &private,
        &one(
            &private,
            "x",
            Kind::Sentence,
            "They add up to €23bn (range: €23bn)."
        )
    ));
    assert!(!fires(
        a9_pledges_card,
        &private,
        &one(
            &private,
            "x",
            Kind::Sentence,
            "They add up to €23bn (range: €23–43bn)."
        )
    ));
    // T1–T7
    assert!(fires(
        t_placeholder,
        &en,
        &one(&en, "x", Kind::Label, "At {rate} per euro")
    ));
    assert!(!fires(
        t_placeholder,
        &en,
        &one(&en, "x", Kind::Label, "At $1.0320 per euro {not a key}")
    ));
    assert!(fires(
        t_ellipsis,
        &en,
        &one(
            &en,
            "x",
            Kind::Label,
            "With the UAE (MGX) at €50bn, the pledg…"
        )
    ));
    assert!(!fires(
        t_ellipsis,
        &en,
        &one(
            &en,
            "x",
            Kind::Label,
            "“exactly the equivalent for France … it’s the same ratio”"
        )
    ));
    assert!(fires(
        t_numeral_start,
        &en,
        &one(&en, "x", Kind::Label, "1 GW for a year")
    ));
    assert!(!fires(
        t_numeral_start,
        &en,
        &one(&en, "x", Kind::Value, "1 GW for a year")
    ));
    assert!(!fires(
        t_numeral_start,
        &en,
        &one(&en, "x", Kind::Label, "One gigawatt for a year")
    ));
    assert!(fires(
        t_french_spacing,
        &fr,
        &one(&fr, "x", Kind::Label, "Taux de change: 1,0320 $")
    ));
    assert!(fires(
        t_french_spacing,
        &fr,
        &one(&fr, "x", Kind::Label, "«Le PIB»")
    ));
    assert!(!fires(
        t_french_spacing,
        &fr,
        &one(
            &fr,
            "x",
            Kind::Label,
            "Taux de change\u{A0}: 1,0320 $ «\u{202F}Le PIB\u{202F}»\u{202F}; non\u{202F}?"
        )
    ));
    assert!(fires(
        t_arabic_latin,
        &ar,
        &one(
            &ar,
            "x",
            Kind::Label,
            "المصدر: TechCrunch، European Central Bank"
        )
    ));
    assert!(fires(
        t_arabic_latin,
        &ar,
        &one(&ar, "x", Kind::Label, "(Iliad، TechCrunch)")
    ));
    assert!(!fires(
        t_arabic_latin,
        &ar,
        &one(
            &ar,
            "x",
            Kind::Label,
            "البنك المركزي الأوروبي، المعهد الوطني الفرنسي للإحصاء (INSEE)"
        )
    ));
    assert!(fires(
        t_arabic_fraction_one,
        &ar,
        &one(&ar, "x", Kind::Sentence, "وهو ١٫٠٠ من نصيب الفرد")
    ));
    assert!(!fires(
        t_arabic_fraction_one,
        &ar,
        &one(&ar, "x", Kind::Sentence, "وهو ٠٫٩٠ من نصيب الفرد")
    ));
    assert!(fires(
        t_not_a_number,
        &en,
        &one(&en, "x", Kind::Value, "$NaN per person")
    ));
    assert!(fires(
        t_not_a_number,
        &en,
        &one(&en, "x", Kind::Value, "inf×")
    ));
    assert!(!fires(
        t_not_a_number,
        &en,
        &one(&en, "x", Kind::Value, "information, infinitely")
    ));
    // P1: "$1.032" on one surface and "$1.0320" on another.
    let mut two = one(&en, "control:eurusd:aria-valuetext", Kind::Value, "$1.032");
    two.extend(one(
        &en,
        "prose:lede",
        Kind::Sentence,
        "At $1.0320 per euro",
    ));
    assert!(fires(p_one_precision, &en, &two));
    two.pop();
    assert!(!fires(p_one_precision, &en, &two));
}

#[test]
fn the_number_reader_reads_each_languages_numbers() {
    let vals = |lang, t| {
        numbers(lang, t)
            .iter()
            .map(|n| (n.value, n.decimals))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        vals(Lang::En, "$1,640 and 1.0320"),
        [(1640.0, 0), (1.032, 4)]
    );
    assert_eq!(
        vals(
            Lang::Fr,
            "1\u{202F}640\u{A0}dollars, 1,0229\u{A0}dollar, 4\u{A0}ans"
        ),
        [(1640.0, 0), (1.0229, 4), (4.0, 0)]
    );
    assert_eq!(
        vals(Lang::Ar, "١٬٦٤٠ دولارًا و١٫٠٣٢٠"),
        [(1640.0, 0), (1.032, 4)]
    );
    let n = numbers(Lang::En, "1.0229")[0];
    assert!(!rounds_to(109.0, n, 112.0) && rounds_to(109.0, numbers(Lang::En, "1.0230")[0], 112.0));
    assert!(!rounds_to(200.0, numbers(Lang::En, "1.0325")[0], 206.0));
}

#[test]
fn the_census_reads_every_surface_the_brief_names() {
    let d = story();
    let c = Ctx::new(&d, Assumptions::defaults(&d), Lang::En);
    let all = surfaces(&c);
    for prefix in [
        "prose:",
        "badge:",
        "verdict-sentence:",
        "card:pledges:answer",
        "card:gdp:figcaption",
        "table:",
        "method:",
        "sources:",
        "caveat:",
        "csv:per_person_ratio",
        "json:",
        "control:eurusd:aria-valuetext",
        "control:eurusd:parity-button",
        "switch:private_only",
        "svg:energy:<text>",
        "svg:gdp:<desc>",
        "share:card/claim:og:image:alt",
        "share-image:card/pledges:line",
        "page:",
        "fallback:cards.html",
    ] {
        assert!(
            all.iter().any(|s| s.name.starts_with(prefix)),
            "no surface {prefix}"
        );
    }
    // The card's source line and an aria-valuetext come through the fallback HTML too.
    assert!(all.iter().any(|s| s.name.starts_with("fallback:cards.html")
        && (s.text.starts_with("Source:") || s.text.starts_with("Sources:"))));
    assert!(all.iter().any(|s| s.name.ends_with("[aria-valuetext]")));
}
