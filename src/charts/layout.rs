//! Every size, colour and margin of the charts, in one place.
//!
//! Colours are Okabe–Ito hues, told apart by colour-blind readers (blue against vermillion,
//! never red against green) and with at least 3:1 contrast for graphics on both the light
//! (#FFFFFF) and the dark (#16161A) page backgrounds: `tests/charts.rs` checks it.

use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;

/// The package being checked (France).
pub const SUBJECT: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// What it is compared with (Stargate).
pub const BENCHMARK: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
/// Money announced but not itemised; secondary lines.
pub const NEUTRAL: RGBColor = RGBColor(0x71, 0x71, 0x7A);
/// Text. In the page, CSS replaces it by the theme's ink; standalone SVGs sit on white.
pub const INK: RGBColor = RGBColor(0x1B, 0x1B, 0x1F);
/// Secondary text (amounts under names, tick labels).
pub const MUTED: RGBColor = RGBColor(0x52, 0x52, 0x5B);
/// Axes.
pub const RULE: RGBColor = RGBColor(0xA1, 0xA1, 0xAA);
/// Grid lines, fainter than axes.
pub const GRID: RGBColor = RGBColor(0xD4, 0xD4, 0xD8);
/// Background of standalone SVG files (the page's own background shows through otherwise).
pub const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// The page backgrounds the palette is checked against (light, dark).
pub const BACKGROUNDS: [RGBColor; 2] = [RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0x16, 0x16, 0x1A)];
/// Colours that carry meaning and must stand out from both backgrounds.
pub const MEANINGFUL: [RGBColor; 3] = [SUBJECT, BENCHMARK, NEUTRAL];

/// Opacity of the uncertain part of a range (drawn over a full-colour outline).
pub const RANGE_FILL_OPACITY: f64 = 0.3;

/// The chart text's font stack, the page's own (www/style.css `--font`): each script's face
/// before any generic family, since fontconfig's pick for `system-ui` (DejaVu Sans, in Firefox
/// on Linux) draws Arabic heavier and wider, and WebKit sets Arabic half a line high when a
/// Latin face comes first; Noto (Linux) before Segoe UI (Windows), since Chromium on
/// Linux waits on the browser process for each family it cannot find, at each size (the
/// stylesheet's comment has the measurement). In the page CSS applies the same; a standalone
/// SVG names it itself.
pub const FONT_STACK: &str =
    "'Noto Sans', 'Segoe UI', 'Noto Sans Arabic', system-ui, -apple-system, sans-serif";
/// The same for right-to-left (Arabic) text: the Arabic face first.
pub const FONT_STACK_ARABIC: &str =
    "'Noto Sans Arabic', 'Segoe UI', 'Noto Sans', system-ui, -apple-system, sans-serif";

pub fn font_stack(rtl: bool) -> &'static str {
    if rtl {
        FONT_STACK_ARABIC
    } else {
        FONT_STACK
    }
}

/// Pixel sizes as they appear on screen (plotters' SVG backend divides by 1.24; see `font`).
pub const LABEL_PX: f64 = 14.0;
pub const SMALL_PX: f64 = 12.5;
pub const TICK_PX: f64 = 12.0;
/// Average advance of a glyph, in em: text is never measured (no DOM layout per label),
/// only estimated, generously.
pub const GLYPH_EM: f64 = 0.58;

/// Below any phone's column: at 320 px, Firefox's classic scroll bar leaves a 276 px column.
pub const MIN_WIDTH: u32 = 256;
pub const MAX_WIDTH: u32 = 1200;
/// The width the static fallback is rendered at: the page's column on a desktop screen
/// (style.css: `--measure` 44rem less 2 × 1rem padding, at 16 px), so a desktop reader's
/// charts need no redraw at start; other widths are scaled, then redrawn by the page.
pub const STATIC_WIDTH: u32 = 672;

pub const PAD: i32 = 8;
pub const ROW_HEIGHT: i32 = 44;
pub const BAR_HEIGHT: i32 = 18;
pub const AXIS_HEIGHT: i32 = 24;
pub const NOTE_HEIGHT: i32 = 26;
pub const GROUP_TITLE_HEIGHT: i32 = 24;
pub const LEGEND_HEIGHT: i32 = 20;
/// The line drawn before a legend's label.
pub const LEGEND_SWATCH: i32 = 18;
/// The label column beside bars: a share of the width, within bounds.
/// Below this width, row labels go above their bars.
pub const STACK_BELOW_WIDTH: i32 = 480;
pub const LABEL_COLUMN_SHARE: f64 = 0.36;
pub const LABEL_COLUMN_MIN: i32 = 110;
pub const LABEL_COLUMN_MAX: i32 = 230;
pub const LINE_CHART_HEIGHT: i32 = 310;
/// Between the x axis's tick labels and its title below them: room for Arabic's taller lines.
pub const AXIS_TITLE_GAP: i32 = 24;
pub const Y_AXIS_WIDTH: i32 = 44;

/// Average advance of an Arabic letter, in em (joined letters are narrower than Latin ones:
/// 0.45 em in Noto Sans Arabic).
pub const ARABIC_GLYPH_EM: f64 = 0.55;

/// Estimated advance of a character, in em: none for the bidi isolates and marks the charts
/// wrap their text in, nor for Arabic's combining vowel marks (shadda, tanwin…).
fn advance_em(c: char) -> f64 {
    match c {
        '\u{200E}'
        | '\u{200F}'
        | '\u{2066}'..='\u{2069}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}' => 0.0,
        // Arabic-Indic digits and signs are as wide as Latin ones.
        '\u{0660}'..='\u{066D}' | '\u{06F0}'..='\u{06F9}' => GLYPH_EM,
        '\u{0600}'..='\u{06FF}' => ARABIC_GLYPH_EM,
        _ => GLYPH_EM,
    }
}

/// Estimated width of `text` in pixels at `px`.
pub fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().map(advance_em).sum::<f64>() * px).ceil() as i32
}

/// The largest size from `px` down to `min_px` at which `text` fits `max_px` (by estimate):
/// a label that is too long is set smaller, never cut.
pub fn fit_px(text: &str, px: f64, max_px: i32, min_px: f64) -> f64 {
    let mut size = px;
    while size > min_px && text_width(text, size) > max_px {
        size = (size - 0.5).max(min_px);
    }
    size
}

/// Greedy word wrap into at most `max_lines` lines of `max_px` (by estimate); text that still
/// does not fit stays on the last line, whole (never cut: see [`wrap_fit`]).
pub fn wrap(text: &str, px: f64, max_px: i32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ') {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, px) <= max_px || current.is_empty() {
            current = candidate;
        } else if lines.len() + 1 < max_lines {
            // A line does not start with a numeral ("…(France over" / "2 years)"): the word
            // before it goes down too.
            let numeral = word
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c));
            match current.rsplit_once(' ').filter(|_| numeral) {
                Some((head, tail)) => {
                    let next = format!("{tail} {word}");
                    lines.push(head.to_string());
                    current = next;
                }
                None => lines.push(std::mem::replace(&mut current, word.to_string())),
            }
        } else {
            current = candidate;
        }
    }
    lines.push(current);
    lines
}

/// Whether every line fits `max_px` at `px`.
pub fn fits(lines: &[String], px: f64, max_px: i32) -> bool {
    lines.iter().all(|l| text_width(l, px) <= max_px)
}

/// [`wrap`] at the largest size from `px` down to `min_px` at which the text fits in
/// `max_lines` lines; the size and the lines.
pub fn wrap_fit(
    text: &str,
    px: f64,
    max_px: i32,
    max_lines: usize,
    min_px: f64,
) -> (f64, Vec<String>) {
    let mut size = px;
    loop {
        let lines = wrap(text, size, max_px, max_lines);
        if size <= min_px || fits(&lines, size, max_px) {
            return (size, lines);
        }
        size = (size - 1.0).max(min_px);
    }
}

/// Ascent and descent of a line of chart text, in em, as engines lay it out (the box
/// `getBoundingClientRect` gives): those of the first face of each stack, Noto Sans (1.07,
/// 0.29; Segoe UI and San Francisco are smaller) and Noto Sans Arabic (1.37, 0.74).
pub fn line_metrics(rtl: bool) -> (f64, f64) {
    if rtl {
        (1.4, 0.76)
    } else {
        (1.08, 0.31)
    }
}
/// Bold text is estimated this much wider than regular.
pub const BOLD_WIDEN: f64 = 1.08;
/// Where the SVG writer puts the baseline for each vertical anchor, in em below the anchor
/// (`dy` 0.76 em, half an ex, minus half an ex).
fn baseline_em(v: VPos) -> f64 {
    match v {
        VPos::Top => 0.76,
        VPos::Center => 0.26,
        VPos::Bottom => -0.26,
    }
}

/// A rectangle on the chart in pixels: a label's box by estimate, or something a label must
/// not cover (a point, a line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelBox {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl LabelBox {
    /// The box of `text` drawn at `at` with these anchors.
    pub fn text(
        text: &str,
        px: f64,
        bold: bool,
        rtl: bool,
        at: (i32, i32),
        h: HPos,
        v: VPos,
    ) -> LabelBox {
        let widen = if bold { BOLD_WIDEN } else { 1.0 };
        let w = (text_width(text, px) as f64 * widen).ceil() as i32;
        let x0 = match h {
            HPos::Left => at.0,
            HPos::Center => at.0 - w / 2,
            HPos::Right => at.0 - w,
        };
        let (ascent, descent) = line_metrics(rtl);
        let base = at.1 as f64 + px * baseline_em(v);
        LabelBox {
            x0,
            x1: x0 + w,
            y0: (base - px * ascent).floor() as i32,
            y1: (base + px * descent).ceil() as i32,
        }
    }

    /// The anchor that puts a text's box with its top edge at `top` (`VPos::Top`) or its
    /// bottom edge at `bottom` (`VPos::Bottom`): labels are placed by their boxes, which are
    /// taller in Arabic.
    pub fn anchor_y(edge: i32, px: f64, rtl: bool, v: VPos) -> i32 {
        let (ascent, descent) = line_metrics(rtl);
        let from_anchor = match v {
            VPos::Bottom => baseline_em(v) + descent,
            _ => baseline_em(v) - ascent,
        };
        (edge as f64 - px * from_anchor).round() as i32
    }

    /// A square of half-side `r` around a point.
    pub fn around((x, y): (i32, i32), r: i32) -> LabelBox {
        LabelBox {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        }
    }

    fn area(&self) -> i64 {
        (self.x1 - self.x0).max(0) as i64 * (self.y1 - self.y0).max(0) as i64
    }

    /// The area two boxes share.
    pub fn overlap(&self, o: &LabelBox) -> i64 {
        LabelBox {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        }
        .area()
    }
}

/// Chooses one place for each label among its candidates (best first) so that no two labels,
/// and no label and obstacle, overlap, and every label stays inside `bounds`: the least
/// overlap wins, then the most preferred places. Every combination is tried: a chart has a
/// handful of labels with a handful of places each.
pub fn place(candidates: &[&[LabelBox]], obstacles: &[LabelBox], bounds: LabelBox) -> Vec<usize> {
    let mut pick = vec![0usize; candidates.len()];
    let mut best = (i64::MAX, usize::MAX, pick.clone());
    if candidates.iter().any(|c| c.is_empty()) {
        return pick;
    }
    loop {
        let boxes: Vec<&LabelBox> = candidates.iter().zip(&pick).map(|(c, i)| &c[*i]).collect();
        let mut cost = 0i64;
        for (i, a) in boxes.iter().enumerate() {
            cost += a.area() - a.overlap(&bounds);
            cost += obstacles.iter().map(|o| a.overlap(o)).sum::<i64>();
            cost += boxes[i + 1..].iter().map(|b| a.overlap(b)).sum::<i64>();
        }
        let preference: usize = pick.iter().sum();
        if (cost, preference) < (best.0, best.1) {
            best = (cost, preference, pick.clone());
        }
        // The next combination, like an odometer.
        let mut k = 0;
        loop {
            if k == pick.len() {
                return best.2;
            }
            pick[k] += 1;
            if pick[k] < candidates[k].len() {
                break;
            }
            pick[k] = 0;
            k += 1;
        }
    }
}
