//! A page's share image (`og:image`, the oEmbed `thumbnail_url`): the story's title, the
//! verdict in a few words and the page's own chart, as one SVG. `pledge-explainer share`
//! rasterises it natively with resvg at build time (the CLI holds the fonts and files: no I/O
//! here). Native only: the page's wasm never draws a share image.

use crate::charts::{self, layout, Chart, Mode};
use crate::dataset::Dataset;
use crate::escape::escape;
use crate::report::Report;

/// The size social networks crop least (Facebook, LinkedIn, X's `summary_large_image`).
pub const SHARE_SIZE: (u32, u32) = (1200, 630);

/// Everything the image is laid out on is this wide; other sizes are the same card scaled.
const LOGICAL_WIDTH: u32 = 1200;
const MARGIN: i32 = 56;
const TITLE_PX: f64 = 38.0;
const BADGE_PX: f64 = 46.0;
/// What the page's own stylesheet uses first (Noto ships with Debian: fonts-noto-core). Arabic
/// names its own family first: a fallback font would be picked without its bold weight.
const FONT_FAMILY: &str = "Noto Sans, Noto Sans Arabic, sans-serif";
const FONT_FAMILY_ARABIC: &str = "Noto Sans Arabic, Noto Sans, sans-serif";

/// The words that go with a page's share image, in the report's language.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareText {
    /// `og:title`: the story's title.
    pub title: String,
    /// `og:description`: the lede (what the page's `<meta name="description">` says).
    pub description: String,
    /// `og:image:alt`: the verdict in words, then what the chart shows.
    pub alt: String,
}

pub fn text(chart: Chart, dataset: &Dataset, report: &Report) -> ShareText {
    let sentence = |key: &str| {
        report
            .sentences
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s.clone())
    };
    let verdict = sentence("verdict").unwrap_or_else(|| report.badge.clone());
    let chart_text = charts::text(chart, report);
    ShareText {
        title: dataset.title.get(report.lang).to_string(),
        description: sentence("lede").unwrap_or_default(),
        alt: format!("{verdict} {}", chart_text.desc),
    }
}

/// The card at its natural height for `width` pixels wide (a thumbnail with nothing empty):
/// the header, then the chart at full width.
pub fn natural_size(chart: Chart, dataset: &Dataset, report: &Report, width: u32) -> (u32, u32) {
    let (_, header) = header(dataset, report);
    let chart_h = chart.height(dataset) as i32;
    let logical_h = header + chart_h + MARGIN / 2;
    (width, (logical_h as u64 * width as u64 / LOGICAL_WIDTH as u64) as u32)
}

/// The title and the verdict badge, and the height they take (logical pixels).
fn header(dataset: &Dataset, report: &Report) -> (String, i32) {
    let w = LOGICAL_WIDTH as i32;
    let rtl = report.locale.strings().dir == "rtl";
    let (x, anchor) = if rtl { (w - MARGIN, "end") } else { (MARGIN, "start") };
    let direction = if rtl { "rtl" } else { "ltr" };
    let mut out = String::new();
    let text_width = w - 2 * MARGIN;
    let mut y = MARGIN + 28;
    let line = |out: &mut String, y: i32, px: f64, fill: String, text: &str| {
        out.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{px}\" font-weight=\"700\" fill=\"{fill}\" text-anchor=\"{anchor}\" direction=\"{direction}\">{}</text>\n",
            escape(text)
        ));
    };
    let title = dataset.title.get(report.lang);
    for l in layout::wrap(title, TITLE_PX, text_width, 2) {
        line(&mut out, y, TITLE_PX, hex(layout::INK), &l);
        y += (TITLE_PX * 1.3) as i32;
    }
    y += 14;
    let badge_fill = match report.shown_verdict() {
        Some(crate::report::Verdict::Holds) => layout::SUBJECT,
        _ => layout::BENCHMARK,
    };
    for l in layout::wrap(&report.badge, BADGE_PX, text_width, 2) {
        y += (BADGE_PX * 0.9) as i32;
        line(&mut out, y, BADGE_PX, hex(badge_fill), &l);
        y += (BADGE_PX * 0.35) as i32;
    }
    (out, y + 20)
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The card at `size` pixels: title, verdict badge and `chart`, left to right in English and
/// French, right to left in Arabic (the chart's plot stays left to right, as on the page).
pub fn svg(chart: Chart, dataset: &Dataset, report: &Report, size: (u32, u32)) -> String {
    let (width, height) = (size.0.max(1), size.1.max(1));
    // Laid out 1200 wide, scaled to the asked size (a thumbnail is the same card, smaller).
    let logical_h = (LOGICAL_WIDTH as u64 * height as u64 / width as u64).max(1) as i32;
    let w = LOGICAL_WIDTH as i32;
    let rtl = report.locale.strings().dir == "rtl";
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {w} {logical_h}\" font-family=\"{family}\">\n\
         <rect width=\"{w}\" height=\"{logical_h}\" fill=\"{paper}\"/>\n\
         <rect width=\"{w}\" height=\"12\" fill=\"{subject}\"/>\n",
        family = if rtl { FONT_FAMILY_ARABIC } else { FONT_FAMILY },
        paper = hex(layout::PAPER),
        subject = hex(layout::SUBJECT),
    );
    let (head, y) = header(dataset, report);
    out.push_str(&head);
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
    out.push_str(&charts::svg(chart, dataset, report, chart_w, Mode::Standalone));
    out.push_str("</g>\n</svg>\n");
    out
}
