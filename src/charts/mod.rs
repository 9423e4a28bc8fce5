//! The story's four charts (one file each: `pledges.rs`, `per_person.rs`, `sensitivity.rs`,
//! `energy.rs`; a new chart goes beside them, with a `Chart` variant here), drawn with plotters on any `DrawingBackend` (SVG natively and in
//! the browser), from the core's figures and formatter.
//!
//! Text is never measured: plotters measures through the DOM on wasm (a layout per label, and
//! a `style` attribute the strict CSP refuses), so these charts only call the primitives that
//! do not measure (`Rectangle`, `PathElement`, `Circle`, `Text` with anchors), and place text
//! by estimate (`layout::text_width`). Titles and descriptions live outside the plot (HTML
//! `figcaption`, SVG `<title>`/`<desc>`), where the browser lays them out.

mod energy;
pub mod layout;
mod per_person;
mod pledges;
mod sensitivity;
mod svg_writer;

use crate::dataset::Dataset;
use crate::escape::escape;
use crate::format::Locale;
use crate::model::{compute, ratio_at, Assumptions};
use crate::report::{capitalize_first, verdict, Report, Verdict};
use layout::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Chart {
    /// Where does the €109bn come from?
    Pledges,
    /// Is it the same proportion as Stargate?
    PerPerson,
    /// And as a share of GDP? (the `gdp` card: the comparison by share of GDP whatever the
    /// yardstick)
    Gdp,
    /// How much does the verdict depend on the exchange rate?
    Sensitivity,
    /// 1 GW for AI against the electricity exported.
    Energy,
}

impl Chart {
    pub const ALL: [Chart; 5] = [
        Chart::Pledges,
        Chart::PerPerson,
        Chart::Gdp,
        Chart::Sensitivity,
        Chart::Energy,
    ];

    /// The public name: `data-chart="<name>"`, file names of the static render.
    pub fn name(self) -> &'static str {
        match self {
            Chart::Pledges => "pledges",
            Chart::PerPerson => "per-person",
            Chart::Gdp => "gdp",
            Chart::Sensitivity => "sensitivity",
            Chart::Energy => "energy",
        }
    }

    pub fn from_name(name: &str) -> Option<Chart> {
        Chart::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The assumptions that change this chart (beyond the language and the width), so the page
    /// redraws only what moved.
    pub fn inputs(self) -> &'static [crate::model::Knob] {
        use crate::model::Knob::*;
        match self {
            Chart::Pledges => &[Uae, PrivateOnly],
            Chart::PerPerson => &[
                Eurusd,
                PopFr,
                PopUs,
                Uae,
                YearsFr,
                PrivateOnly,
                Yardstick,
                GdpFr,
                GdpUs,
            ],
            Chart::Gdp => &[Uae, YearsFr, PrivateOnly, GdpFr, GdpUs],
            Chart::Sensitivity => &[Eurusd, PopFr, PopUs, Uae, YearsFr, PrivateOnly],
            Chart::Energy => &[LoadFactor],
        }
    }

    /// Whether this dataset has what the chart needs.
    pub fn applies(self, dataset: &Dataset) -> bool {
        match self {
            Chart::Energy => dataset.energy.is_some(),
            Chart::Gdp => dataset.subject.gdp_bn.is_some() && dataset.benchmark.gdp_bn.is_some(),
            Chart::Sensitivity => dataset.subject.currency != dataset.benchmark.currency,
            _ => true,
        }
    }
}

/// A chart's accessible name and description, stating its main figures.
#[derive(Debug, Clone, Serialize)]
pub struct ChartText {
    pub title: String,
    pub desc: String,
}

pub fn text(chart: Chart, report: &Report) -> ChartText {
    let ctx = report;
    let figures = &report.figures;
    let s = report.locale.strings();
    let (title, desc) = match chart {
        Chart::Pledges => (s.chart_pledges_title, s.chart_pledges_desc),
        Chart::PerPerson if figures.assumptions.by_gdp && ctx.value("gdp_ratio").is_some() => {
            (s.chart_gdp_title, s.chart_gdp_desc)
        }
        Chart::Gdp => (s.chart_gdp_title, s.chart_gdp_desc),
        Chart::PerPerson => (s.chart_per_person_title, s.chart_per_person_desc),
        Chart::Sensitivity => (s.chart_sensitivity_title, s.chart_sensitivity_desc),
        Chart::Energy => (s.chart_energy_title, s.chart_energy_desc),
    };
    let mut desc = ctx.fill(desc);
    if chart == Chart::Pledges && figures.pledges_named_without_amount == 0 {
        // The template's last sentence names investors without amounts; there are none.
        // (Bytes, not a `str` pattern: its searcher links a panic path that prints chars.)
        if let Some(at) = desc.as_bytes().windows(2).rposition(|w| w == b". ") {
            desc.truncate(at + 1);
        }
    }
    ChartText {
        title: ctx.fill(title),
        desc,
    }
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The height a chart needs at a width (it grows with rows, not with width).
pub fn height(chart: Chart, dataset: &Dataset, width: u32) -> u32 {
    let _ = width;
    let rows = match chart {
        Chart::Pledges => {
            let with_amount = dataset
                .subject
                .pledges
                .iter()
                .filter(|p| p.amount().is_some())
                .count() as i32;
            let unnamed = dataset.subject.pledges.len() as i32 - with_amount;
            return (AXIS_HEIGHT
                + (with_amount + 1) * ROW_HEIGHT
                + AXIS_HEIGHT
                + if unnamed > 0 { NOTE_HEIGHT } else { 0 }
                + PAD) as u32;
        }
        // The verdict line may wrap onto two lines on a phone.
        Chart::PerPerson | Chart::Gdp => {
            return (2 * (GROUP_TITLE_HEIGHT + 2 * ROW_HEIGHT + PAD) + 2 * NOTE_HEIGHT + PAD) as u32
        }
        Chart::Sensitivity => return LINE_CHART_HEIGHT as u32,
        Chart::Energy => {
            2 + dataset
                .energy
                .as_ref()
                .is_some_and(|e| e.first_phase_gw.is_some()) as i32
        }
    };
    (rows * ROW_HEIGHT + AXIS_HEIGHT + PAD * 2) as u32
}

fn font(px: f64) -> FontDesc<'static> {
    // plotters' SVG backend writes font-size as size / 1.24. The family is the enum, not a
    // name: naming it by string pulls Unicode case tables into the wasm.
    (FontFamily::SansSerif, px * 1.24).into_font()
}

fn style(px: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    font(px).color(color).pos(Pos::new(h, v))
}

fn bold(px: f64, color: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    (FontFamily::SansSerif, px * 1.24, FontStyle::Bold)
        .into_font()
        .color(color)
        .pos(Pos::new(h, v))
}

/// A linear map from values to pixels.
#[derive(Clone, Copy)]
struct Scale {
    v0: f64,
    v1: f64,
    p0: i32,
    p1: i32,
}

impl Scale {
    fn at(&self, v: f64) -> i32 {
        let span = self.v1 - self.v0;
        let t = if span.abs() > f64::EPSILON {
            (v - self.v0) / span
        } else {
            0.0
        };
        let t = if t.is_finite() {
            crate::model::clamp(t, -0.05, 1.05)
        } else {
            0.0
        };
        self.p0 + ((self.p1 - self.p0) as f64 * t).round() as i32
    }
}

/// "Nice" tick values (1, 2, 5 × 10^k) covering [lo, hi], about `count` of them.
fn ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || count == 0 {
        return vec![];
    }
    let raw = (hi - lo) / count as f64;
    // The power of ten just below `raw` (not `powf`/`log10`: no libm code in the wasm).
    let mut k = 0;
    while k < 300 && crate::decimal::pow10i(k + 1) <= raw {
        k += 1;
    }
    while k > -300 && crate::decimal::pow10i(k) > raw {
        k -= 1;
    }
    let mag = crate::decimal::pow10i(k);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut v = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while v <= hi + step * 1e-9 && out.len() < 50 {
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        v += step;
    }
    out
}

/// How many tick labels fit along `px` pixels when each is about `label_px` wide.
fn tick_count(px: i32, label_px: i32) -> usize {
    ((px / (label_px + 24).max(1)).max(2) as usize).min(8)
}

struct Frame<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    width: i32,
    label_col: i32,
    /// Right-to-left text: each label is isolated as RTL inside the left-to-right plot, so
    /// "٣٠–٥٠ مليار يورو" reads in the right order while the axes do not flip.
    rtl: bool,
    /// Narrow screens: each row's label sits above its bar instead of beside it.
    stacked: bool,
}

impl<'a, DB: DrawingBackend> Frame<'a, DB> {
    fn new(area: &'a DrawingArea<DB, Shift>, locale: Locale) -> Self {
        let (w, _) = area.dim_in_pixel();
        let width = w as i32;
        let label_col =
            ((width as f64 * LABEL_COLUMN_SHARE) as i32).clamp(LABEL_COLUMN_MIN, LABEL_COLUMN_MAX);
        let stacked = width < STACK_BELOW_WIDTH;
        let label_col = if stacked { 0 } else { label_col };
        Frame {
            area,
            width,
            label_col,
            rtl: locale.strings().dir == "rtl",
            stacked,
        }
    }

    /// A free-standing line of text (note, group title) at the reading direction's start,
    /// wrapped onto a second line below when it is too long for one.
    fn line_of_text(
        &self,
        s: &str,
        y: i32,
        st: fn(f64, &RGBColor, HPos, VPos) -> TextStyle<'static>,
        px: f64,
        color: &RGBColor,
    ) -> DrawResult<DB> {
        let (x, h) = if self.rtl {
            (self.width - PAD, HPos::Right)
        } else {
            (PAD, HPos::Left)
        };
        for (i, line) in wrap(s, px, self.width - 2 * PAD, 2).iter().enumerate() {
            self.text(
                line,
                (x, y + i as i32 * (px * 1.3) as i32),
                &st(px, color, h, VPos::Center),
            )?;
        }
        Ok(())
    }

    /// Left edge and right edge of the bars.
    fn bar_span(&self) -> (i32, i32) {
        (self.label_col + PAD, self.width - PAD * 2)
    }

    /// Centred under its tick, unless that would run off an edge.
    fn tick_anchor(&self, x: i32, text: &str) -> HPos {
        let half = text_width(text, TICK_PX) / 2;
        if x - half < 0 {
            HPos::Left
        } else if x + half > self.width {
            HPos::Right
        } else {
            HPos::Center
        }
    }

    /// Top and bottom of the bar in the row centred on `y_mid`.
    fn bar_y(&self, y_mid: i32) -> (i32, i32) {
        if self.stacked {
            (y_mid, y_mid + BAR_HEIGHT - 2)
        } else {
            (y_mid - BAR_HEIGHT / 2, y_mid + BAR_HEIGHT / 2)
        }
    }

    fn text(&self, s: &str, at: (i32, i32), st: &TextStyle<'static>) -> DrawResult<DB> {
        let s = if self.rtl {
            format!("\u{2067}{s}\u{2069}")
        } else {
            s.to_string()
        };
        self.area.draw(&Text::new(s, at, st.clone()))
    }

    fn rect(
        &self,
        from: (i32, i32),
        to: (i32, i32),
        color: RGBColor,
        opacity: f64,
        filled: bool,
    ) -> DrawResult<DB> {
        let st = ShapeStyle {
            color: color.mix(opacity),
            filled,
            stroke_width: 1,
        };
        self.area.draw(&Rectangle::new([from, to], st))
    }

    fn line(&self, points: Vec<(i32, i32)>, color: RGBColor, width: u32) -> DrawResult<DB> {
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))
    }

    fn dashed(&self, from: (i32, i32), to: (i32, i32), color: RGBColor) -> DrawResult<DB> {
        self.area.draw(&plotters::element::DashedPathElement::new(
            vec![from, to],
            5,
            4,
            color.stroke_width(2),
        ))
    }

    /// A row of (text, colour, line width) swatches, from the reading direction's start.
    fn legend(&self, items: &[(&str, RGBColor, u32)], y: i32) -> DrawResult<DB> {
        const SWATCH: i32 = 18;
        let mut x = if self.rtl { self.width - PAD } else { PAD };
        for (label, color, width) in items {
            let w = text_width(label, SMALL_PX);
            if self.rtl {
                self.line(vec![(x - SWATCH, y), (x, y)], *color, *width)?;
                self.text(
                    label,
                    (x - SWATCH - 6, y),
                    &style(SMALL_PX, &INK, HPos::Right, VPos::Center),
                )?;
                x -= SWATCH + 6 + w + 18;
            } else {
                self.line(vec![(x, y), (x + SWATCH, y)], *color, *width)?;
                self.text(
                    label,
                    (x + SWATCH + 6, y),
                    &style(SMALL_PX, &INK, HPos::Left, VPos::Center),
                )?;
                x += SWATCH + 6 + w + 18;
            }
        }
        Ok(())
    }

    /// A row label: the name (bold) over its amount, right-aligned against the bars.
    fn row_label(&self, y_mid: i32, name: &str, amount: &str) -> DrawResult<DB> {
        if self.stacked {
            // Above the bar, from the left edge in both directions: the total's rule runs down
            // the right edge. In right-to-left text the name comes first from the right.
            let y = y_mid - 3;
            let name = fit(name, LABEL_PX, (self.width - 2 * PAD) * 2 / 3);
            let (first, first_style, second, second_style) = if self.rtl {
                (
                    amount.to_string(),
                    style(SMALL_PX, &MUTED, HPos::Left, VPos::Bottom),
                    name,
                    bold(LABEL_PX, &INK, HPos::Left, VPos::Bottom),
                )
            } else {
                (
                    name,
                    bold(LABEL_PX, &INK, HPos::Left, VPos::Bottom),
                    amount.to_string(),
                    style(SMALL_PX, &MUTED, HPos::Left, VPos::Bottom),
                )
            };
            let px_first = if self.rtl { SMALL_PX } else { LABEL_PX };
            self.text(&first, (PAD, y), &first_style)?;
            return self.text(
                &second,
                (PAD + text_width(&first, px_first) + 8, y),
                &second_style,
            );
        }
        let x = self.label_col;
        let max = self.label_col - PAD;
        self.text(
            &fit(name, LABEL_PX, max),
            (x, y_mid - 8),
            &bold(LABEL_PX, &INK, HPos::Right, VPos::Center),
        )?;
        self.text(
            &fit(amount, SMALL_PX, max),
            (x, y_mid + 10),
            &style(SMALL_PX, &MUTED, HPos::Right, VPos::Center),
        )
    }

    /// A bottom axis with money ticks under the bars.
    fn money_axis(
        &self,
        scale: Scale,
        y: i32,
        max: f64,
        label: &dyn Fn(f64) -> String,
    ) -> DrawResult<DB> {
        let sample = label(max);
        let n = tick_count(scale.p1 - scale.p0, text_width(&sample, TICK_PX));
        self.line(vec![(scale.p0, y), (scale.p1, y)], RULE, 1)?;
        for t in ticks(0.0, max, n) {
            let x = scale.at(t);
            self.line(vec![(x, y), (x, y + 4)], RULE, 1)?;
            let text = label(t);
            self.text(
                &text,
                (x, y + 6),
                &style(TICK_PX, &MUTED, self.tick_anchor(x, &text), VPos::Top),
            )?;
        }
        Ok(())
    }
}

/// Draws one chart on `area`, which has the size `height` asks for at its width.
pub fn draw<DB: DrawingBackend>(
    chart: Chart,
    area: &DrawingArea<DB, Shift>,
    dataset: &Dataset,
    report: &Report,
) -> DrawResult<DB> {
    let frame = Frame::new(area, report.locale);
    match chart {
        Chart::Pledges => pledges::draw(&frame, dataset, report),
        Chart::PerPerson => per_person::draw(&frame, dataset, report, report.figures.assumptions.by_gdp),
        Chart::Gdp => per_person::draw(&frame, dataset, report, true),
        Chart::Sensitivity => sensitivity::draw(&frame, dataset, report),
        Chart::Energy => energy::draw(&frame, dataset, report),
    }
}

/// Where an SVG goes: a file of its own (white background, `<title>`/`<desc>`, `role="img"`),
/// or inside the page's `<figure>`, whose caption already names and describes it (so the SVG is
/// hidden from assistive technology, and the theme's background shows through).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Standalone,
    Inline,
}

pub fn svg(chart: Chart, dataset: &Dataset, report: &Report, width: u32, mode: Mode) -> String {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH);
    let height = height(chart, dataset, width);
    let id = chart.name();
    let mut out = String::new();
    let head = match mode {
        Mode::Inline => String::from("aria-hidden=\"true\" focusable=\"false\" direction=\"ltr\" "),
        Mode::Standalone => {
            format!("role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" direction=\"ltr\" ")
        }
    };
    svg_writer::open_svg(&mut out, (width, height), &head);
    if mode == Mode::Standalone {
        let t = text(chart, report);
        out.push_str(&format!(
            "<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
            escape(&t.title),
            escape(&t.desc)
        ));
    }
    {
        let root = svg_writer::SvgWriter::new(&mut out, (width, height)).into_drawing_area();
        let painted = if mode == Mode::Standalone {
            root.fill(&PAPER)
        } else {
            Ok(())
        };
        // Drawing into a String cannot fail; an error leaves a partial chart, never a panic.
        let _ = painted.and_then(|_| draw(chart, &root, dataset, report));
    }
    out.push_str("</svg>\n");
    out
}
