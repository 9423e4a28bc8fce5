//! A page's share image (`og:image`, the oEmbed `thumbnail_url`): the story's title, the
//! verdict in a few words and the page's own chart, as one SVG. `pledge-explainer share`
//! rasterises it natively with resvg at build time (the CLI holds the fonts and files: no I/O
//! here). Native only: the page's wasm never draws a share image.

use crate::charts::{self, layout, Chart, Mode};
use crate::dataset::Dataset;
use crate::escape::escape;
use crate::html::Card;
use crate::report::{Report, Verdict};

/// The size social networks crop least (Facebook, LinkedIn, X's `summary_large_image`).
pub const SHARE_SIZE: (u32, u32) = (1200, 630);

/// The width an image of `width` pixels is laid out on: its own between 900 and 1200 (a
/// thumbnail keeps the page's type sizes), else scaled from the nearest.
fn logical_width(width: u32) -> i32 {
    width.clamp(900, 1200) as i32
}
const MARGIN: i32 = 56;
const TITLE_PX: f64 = 38.0;
const BADGE_PX: f64 = 46.0;
const ANSWER_PX: f64 = 30.0;
/// What the page's own stylesheet uses first (Noto ships with Debian: fonts-noto-core). Arabic
/// names its own family first: a fallback font would be picked without its bold weight.
const FONT_FAMILY: &str = "Noto Sans, Noto Sans Arabic, sans-serif";
const FONT_FAMILY_ARABIC: &str = "Noto Sans Arabic, Noto Sans, sans-serif";

/// What a share image is of: the whole story (its title, verdict and `chart`), or one card
/// (its question, its verdict for the two claims' cards, its answer and its own chart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Story(Chart),
    Card(Card),
}

/// The words that go with a page's share image, in the report's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareText {
    /// `og:title`: the story's title, or the card's question.
    pub title: String,
    /// `og:description`: the lede (what the page's `<meta name="description">` says), or the
    /// card's answer.
    pub description: String,
    /// `og:image:alt`: the verdict in words, then what the chart shows.
    pub alt: String,
}

/// What the image says, laid out by `header`: a title, a badge in its verdict's colour, a
/// sentence under it, and the chart.
struct Words<'r> {
    title: String,
    badge: Option<(String, Option<Verdict>)>,
    answer: Option<String>,
    chart: Option<Chart>,
    report: &'r Report,
}

fn words<'r>(page: Page, dataset: &Dataset, report: &'r Report) -> Words<'r> {
    match page {
        Page::Story(chart) => Words {
            title: dataset.title.get(report.lang).to_string(),
            badge: Some((report.badge.clone(), report.shown_verdict())),
            answer: None,
            chart: Some(chart),
            report,
        },
        Page::Card(card) => {
            let (question, judgement, answer) = card.text(report);
            Words {
                title: question,
                badge: judgement.map(|j| (j.badge.clone(), Some(j.verdict))),
                answer: Some(answer),
                chart: card.chart().filter(|c| c.applies(dataset)),
                report,
            }
        }
    }
}

pub fn text(page: Page, dataset: &Dataset, report: &Report) -> ShareText {
    let sentence = |key: &str| {
        report
            .sentences
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s.clone())
    };
    let w = words(page, dataset, report);
    let chart_desc = w.chart.map(|c| charts::text(c, report).desc);
    let join = |first: String| match &chart_desc {
        Some(desc) => format!("{first} {desc}"),
        None => first,
    };
    // Meta tags are plain text: the isolates that keep a figure whole on a page show as
    // boxes on some platforms.
    let plain = |t: String| -> String {
        t.chars()
            .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
            .collect()
    };
    match page {
        Page::Story(_) => ShareText {
            title: plain(w.title),
            description: plain(sentence("lede").unwrap_or_default()),
            alt: plain(join(
                sentence("verdict").unwrap_or_else(|| report.badge.clone()),
            )),
        },
        Page::Card(_) => {
            let answer = w.answer.unwrap_or_default();
            // The verdict, then what the image shows: the chart's own words where it has a
            // chart (the answer is the description already), else the answer.
            let alt = match (&w.badge, &chart_desc) {
                (Some((badge, _)), Some(desc)) => format!("{badge}. {desc}"),
                (Some((badge, _)), None) => format!("{badge}. {answer}"),
                (None, Some(desc)) => desc.clone(),
                (None, None) => answer.clone(),
            };
            ShareText {
                title: plain(w.title),
                description: plain(answer),
                alt: plain(alt),
            }
        }
    }
}

/// The card at its natural height for `width` pixels wide (a thumbnail with nothing empty):
/// the header, then the chart at full width.
pub fn natural_size(page: Page, dataset: &Dataset, report: &Report, width: u32) -> (u32, u32) {
    let w = words(page, dataset, report);
    let lw = logical_width(width);
    let (_, header) = header(&w, lw);
    let chart_h = w.chart.map_or(0, |c| c.height(dataset) as i32);
    let logical_h = header + chart_h + MARGIN / 2;
    (width, (logical_h as u64 * width as u64 / lw as u64) as u32)
}

/// The title, the verdict badge and the answer, and the height they take (logical pixels).
fn header(words: &Words, w: i32) -> (String, i32) {
    let rtl = words.report.locale.strings().dir == "rtl";
    let (x, anchor) = if rtl {
        (w - MARGIN, "end")
    } else {
        (MARGIN, "start")
    };
    let direction = if rtl { "rtl" } else { "ltr" };
    let mut out = String::new();
    let text_width = w - 2 * MARGIN;
    let mut y = MARGIN + 28;
    let line = |out: &mut String, y: i32, px: f64, weight: u32, fill: String, text: &str| {
        out.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{px}\" font-weight=\"{weight}\" fill=\"{fill}\" text-anchor=\"{anchor}\" direction=\"{direction}\">{}</text>\n",
            // A right-to-left mark at each end: resvg orders a line's runs from its ends.
            if rtl { format!("\u{200F}{}\u{200F}", with_latin_runs(text)) } else { escape(text) }
        ));
    };
    // Set smaller when long, never cut (three lines at the most, then smaller still).
    let (title_px, title) = layout::wrap_fit(
        &keep_isolates_whole(&words.title),
        TITLE_PX,
        text_width,
        2,
        TITLE_PX * 0.8,
    );
    let (title_px, title) = if layout::fits(&title, title_px, text_width) {
        (title_px, title)
    } else {
        layout::wrap_fit(
            &keep_isolates_whole(&words.title),
            title_px,
            text_width,
            3,
            TITLE_PX * 0.6,
        )
    };
    for l in title {
        line(&mut out, y, title_px, 700, hex(layout::INK), &l);
        y += (title_px * 1.3) as i32;
    }
    y += 14;
    if let Some((badge, verdict)) = &words.badge {
        let badge_fill = match verdict {
            Some(Verdict::Holds) => layout::SUBJECT,
            _ => layout::BENCHMARK,
        };
        let (badge_px, lines) = layout::wrap_fit(
            &keep_isolates_whole(badge),
            BADGE_PX,
            text_width,
            2,
            BADGE_PX * 0.6,
        );
        for l in lines {
            y += (badge_px * 0.9) as i32;
            line(&mut out, y, badge_px, 700, hex(badge_fill), &l);
            y += (badge_px * 0.35) as i32;
        }
        y += 6;
    }
    if let Some(answer) = &words.answer {
        // Without a chart the answer has the room the chart would take.
        let (px, lines) = if words.chart.is_some() {
            (ANSWER_PX, 3)
        } else {
            (ANSWER_PX * 1.25, 6)
        };
        let (px, lines) = layout::wrap_fit(
            &keep_isolates_whole(answer),
            px,
            text_width,
            lines,
            px * 0.6,
        );
        for l in lines {
            y += px as i32;
            line(&mut out, y, px, 400, hex(layout::INK), &l);
            y += (px * 0.35) as i32;
        }
    }
    (out, y + 20)
}

/// What Noto Sans Arabic draws besides Arabic (`fc-query --format='%{charset}'` on Debian's
/// NotoSansArabic-Regular.ttf and -Bold.ttf, the same): space ! , - . / 0-9 : NBSP « », a few
/// spaces and marks. Not "(", "%", "–" nor "×", nor Latin letters.
fn in_arabic_face(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x21 | 0x2C..=0x3A | 0xA0 | 0xAB | 0xBB | 0x34F | 0x600..=0x8FF | 0x200B..=0x2011
        | 0x204F | 0x25CC | 0x2E41 | 0xFB50..=0xFDFD | 0xFE70..=0xFEFC)
}

/// Spaces and the bidi controls (isolates, marks): they stay in the run they are in.
fn is_neutral(c: char) -> bool {
    c == ' ' || matches!(c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// A figure in an isolate (U+2068 "١٬٦٤٠ دولارًا" U+2069) is never cut across two lines: a line that opens
/// an isolate and does not close it reorders the rest of the line around it.
fn keep_isolates_whole(text: &str) -> String {
    let mut depth = 0u32;
    text.chars()
        .map(|c| match c {
            '\u{2066}'..='\u{2068}' => {
                depth += 1;
                c
            }
            '\u{2069}' => {
                depth = depth.saturating_sub(1);
                c
            }
            ' ' if depth > 0 => '\u{00A0}',
            c => c,
        })
        .collect()
}

/// Text (escaped here) in which what the Arabic face lacks is set in the Latin face by name:
/// resvg 0.45 falls back to another face only when it shapes the whole line into as many
/// glyphs, which Arabic with its marks does not, and draws an empty box instead.
///
/// usvg 0.45 also garbles Arabic marks that follow such a span (it repeats the word before
/// them: "مقارنقارنة" for "مقارنةً"), so a line with a Latin run drops its optional marks
/// (harakat and tanween; newspapers mostly print without them).
fn with_latin_runs(text: &str) -> String {
    let stripped: String;
    let text = if text.chars().any(|c| !in_arabic_face(c) && !is_neutral(c)) {
        stripped = text
            .chars()
            .filter(|c| !matches!(*c as u32, 0x064B..=0x065F | 0x0670))
            .collect();
        &stripped
    } else {
        return escape(text);
    };
    let mut out = String::new();
    let mut run = String::new();
    let mut in_latin = false;
    let flush = |out: &mut String, run: &mut String, in_latin: bool| {
        if in_latin && !run.is_empty() {
            // A run with Latin letters is also isolated left to right (U+2066 … U+2069),
            // its edge spaces outside: resvg otherwise orders the line's runs left to right
            // (Chromium, reading the same text, does not). A run of signs alone ("(", "×")
            // is left to the line's direction, which mirrors the brackets.
            let isolate = run.chars().any(|c| c.is_alphabetic());
            let core = run.trim_matches(' ');
            let (lead, trail) = match run.split_once(core) {
                Some((lead, trail)) if isolate => (lead, trail),
                _ => ("", ""),
            };
            let core = if isolate { core } else { run.as_str() };
            out.push_str(lead);
            if isolate {
                out.push('\u{2066}');
            }
            out.push_str(&format!(
                "<tspan font-family=\"{FONT_FAMILY}\">{}</tspan>",
                escape(core)
            ));
            if isolate {
                out.push('\u{2069}');
            }
            out.push_str(trail);
        } else {
            out.push_str(&escape(run));
        }
        run.clear();
    };
    for c in text.chars() {
        // An isolate's controls stay out of the Latin spans: a span that closes an isolate
        // opened outside it makes resvg put the isolate at the other end of the line.
        let control = c != ' ' && is_neutral(c);
        if (control && in_latin) || (!is_neutral(c) && in_arabic_face(c) == in_latin) {
            flush(&mut out, &mut run, in_latin);
            in_latin = !in_latin;
        }
        run.push(c);
    }
    flush(&mut out, &mut run, in_latin);
    out
}

/// `with_latin_runs` in every `<text>` of an SVG whose text is escaped plain text (a chart's).
fn latin_runs_in_texts(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 256);
    let mut rest = svg;
    while let Some((before, after)) = rest.split_once("<text") {
        out.push_str(before);
        out.push_str("<text");
        let Some((attrs, after)) = after.split_once('>') else {
            rest = after;
            break;
        };
        out.push_str(attrs);
        out.push('>');
        let Some((content, after)) = after.split_once("</text>") else {
            rest = after;
            break;
        };
        let plain = content
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        out.push_str(&with_latin_runs(&plain));
        out.push_str("</text>");
        rest = after;
    }
    out.push_str(rest);
    out
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The card at `size` pixels: title, verdict badge and `chart`, left to right in English and
/// French, right to left in Arabic (the chart's plot stays left to right, as on the page).
pub fn svg(page: Page, dataset: &Dataset, report: &Report, size: (u32, u32)) -> String {
    let (width, height) = (size.0.max(1), size.1.max(1));
    let w = logical_width(width);
    let logical_h = (w as u64 * height as u64 / width as u64).max(1) as i32;
    let rtl = report.locale.strings().dir == "rtl";
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {w} {logical_h}\" font-family=\"{family}\">\n\
         <rect width=\"{w}\" height=\"{logical_h}\" fill=\"{paper}\"/>\n\
         <rect width=\"{w}\" height=\"12\" fill=\"{subject}\"/>\n",
        family = if rtl { FONT_FAMILY_ARABIC } else { FONT_FAMILY },
        paper = hex(layout::PAPER),
        subject = hex(layout::SUBJECT),
    );
    let words = words(page, dataset, report);
    let (head, y) = header(&words, w);
    out.push_str(&head);
    let Some(chart) = words.chart else {
        out.push_str("</svg>\n");
        return out;
    };
    // The chart in the space left, as large as fits (its own aspect kept).
    let text_width = w - 2 * MARGIN;
    let chart_w = text_width as u32;
    let chart_h = chart.height(dataset) as i32;
    let room = (logical_h - y - MARGIN / 2).max(1);
    let scale = (room as f64 / chart_h as f64).min(1.0);
    let drawn_w = chart_w as f64 * scale;
    let left = MARGIN as f64 + (text_width as f64 - drawn_w) / 2.0;
    out.push_str(&format!(
        "<g transform=\"translate({left:.1} {y}) scale({scale:.4})\">\n"
    ));
    let chart_svg = charts::svg(chart, dataset, report, chart_w, Mode::Standalone);
    out.push_str(&if rtl {
        latin_runs_in_texts(&chart_svg)
    } else {
        chart_svg
    });
    out.push_str("</g>\n</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Locale;
    use crate::model::Assumptions;

    fn report(dataset: &Dataset, locale: Locale) -> Report {
        Report::new(dataset, &Assumptions::defaults(dataset), locale)
    }

    #[test]
    fn a_card_image_says_its_question_verdict_and_answer_in_its_language() {
        let d = Dataset::default_story();
        for locale in [Locale::EN, Locale::FR, Locale::AR] {
            let r = report(&d, locale);
            for card in crate::html::cards(&d) {
                let (question, judgement, answer) = card.text(&r);
                let svg = svg(Page::Card(card), &d, &r, SHARE_SIZE);
                let spaces = |s: &str| s.replace(['\u{a0}', '\u{202f}'], " ");
                let plain = spaces(&svg);
                // The first words of each (the lines may wrap), as the image draws them.
                let first = |s: &str| spaces(s).split(' ').take(2).collect::<Vec<_>>().join(" ");
                assert!(
                    plain.contains(&escape(&first(&question))),
                    "{card:?} {locale:?}: {question}"
                );
                let said = if locale == Locale::AR {
                    answer
                        .chars()
                        .filter(|c| !matches!(*c as u32, 0x064B..=0x065F | 0x0670))
                        .collect()
                } else {
                    answer.clone()
                };
                assert!(
                    plain.contains(&escape(&first(&said)))
                        || plain.contains(&escape(&first(&answer))),
                    "{card:?} {locale:?}: {answer}"
                );
                if let Some(j) = judgement {
                    assert!(
                        plain.contains(&escape(&first(&j.badge))),
                        "{card:?}: {}",
                        j.badge
                    );
                }
                let rtl = svg.contains("direction=\"rtl\"") && svg.contains("text-anchor=\"end\"");
                assert_eq!(rtl, locale == Locale::AR, "{card:?} {locale:?}");
                let words = text(Page::Card(card), &d, &r);
                // Meta text carries no isolates (some platforms draw them as boxes).
                let plain = |t: &str| -> String {
                    t.chars()
                        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}'))
                        .collect()
                };
                assert_eq!(words.title, plain(&question));
                assert_eq!(words.description, plain(&answer));
            }
        }
    }

    #[test]
    fn arabic_lines_set_what_the_arabic_face_lacks_in_the_latin_face() {
        let span = |s: &str| format!("<tspan font-family=\"{FONT_FAMILY}\">{s}</tspan>");
        assert_eq!(
            with_latin_runs("الإمارات (MGX)"),
            format!("الإمارات \u{2066}{}\u{2069}", span("(MGX)"))
        );
        assert_eq!(
            with_latin_runs("أي \u{2068}١٫١٢×\u{2069}."),
            format!("أي \u{2068}١٫١٢{}\u{2069}.", span("×"))
        );
        // Without a Latin run, the line keeps its marks; what it escapes is Latin too.
        assert_eq!(with_latin_runs("دولارًا، ١٬٦٤٠"), "دولارًا، ١٬٦٤٠");
        assert_eq!(
            with_latin_runs("ب <b>"),
            format!("ب \u{2066}{}\u{2069}", span("&lt;b&gt;"))
        );
        assert_eq!(with_latin_runs("نصيب ١٪"), "نصيب ١٪");
        // With one, the marks go (usvg repeats the word before a mark that follows a span).
        assert_eq!(
            with_latin_runs("(ترجمة) مقارنةً"),
            format!("{}ترجمة{}مقارنة", span("("), span(") "))
        );
        // A chart's text: unescaped once, escaped once.
        assert_eq!(
            latin_runs_in_texts(
                "<svg><title>A &amp; B</title><text x=\"1\">Q &amp; ب</text></svg>"
            ),
            format!(
                "<svg><title>A &amp; B</title><text x=\"1\">{}ب</text></svg>",
                format!("\u{2066}{}\u{2069} ", span("Q &amp;"))
            )
        );
    }

    #[test]
    fn a_figure_in_an_isolate_is_never_cut_across_lines() {
        assert_eq!(
            keep_isolates_whole("يبلغ \u{2068}٣٦٨ دولارًا\u{2069} سنويًا"),
            "يبلغ \u{2068}٣٦٨\u{a0}دولارًا\u{2069} سنويًا"
        );
        assert_eq!(keep_isolates_whole("a b"), "a b");
    }
}
