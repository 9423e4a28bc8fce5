//! Every size, colour and margin of the charts, in one place.
//!
//! Colours are Okabe–Ito hues, told apart by colour-blind readers (blue against vermillion,
//! never red against green) and with at least 3:1 contrast for graphics on both the light
//! (#FFFFFF) and the dark (#16161A) page backgrounds: `tests/charts.rs` checks it.

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

/// Chart text is `sans-serif` (plotters' `FontFamily::SansSerif`): in the page, CSS gives it
/// the page's own font; a standalone SVG uses the reader's sans-serif.
/// Pixel sizes as they appear on screen (plotters' SVG backend divides by 1.24; see `font`).
pub const LABEL_PX: f64 = 14.0;
pub const SMALL_PX: f64 = 12.5;
pub const TICK_PX: f64 = 12.0;
/// Average advance of a glyph, in em: text is never measured (no DOM layout per label),
/// only estimated, generously.
pub const GLYPH_EM: f64 = 0.58;

pub const MIN_WIDTH: u32 = 280;
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
/// The label column beside bars: a share of the width, within bounds.
/// Below this width, row labels go above their bars.
pub const STACK_BELOW_WIDTH: i32 = 480;
pub const LABEL_COLUMN_SHARE: f64 = 0.36;
pub const LABEL_COLUMN_MIN: i32 = 110;
pub const LABEL_COLUMN_MAX: i32 = 230;
pub const LINE_CHART_HEIGHT: i32 = 300;
pub const Y_AXIS_WIDTH: i32 = 44;

/// Estimated width of `text` in pixels at `px`.
pub fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().count() as f64 * px * GLYPH_EM).ceil() as i32
}

/// Shortens `text` with an ellipsis so that it fits `max_px` at `px` (by estimate).
pub fn fit(text: &str, px: f64, max_px: i32) -> String {
    let max_chars = ((max_px as f64) / (px * GLYPH_EM)).floor().max(1.0) as usize;
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Greedy word wrap into at most `max_lines` lines of `max_px` (by estimate); the last line is
/// shortened with an ellipsis if the text still does not fit.
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
            lines.push(std::mem::replace(&mut current, word.to_string()));
        } else {
            current = candidate;
        }
    }
    lines.push(current);
    lines.into_iter().map(|l| fit(&l, px, max_px)).collect()
}
