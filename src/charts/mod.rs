//! The story's charts (one file each: `pledges.rs`, `per_person.rs` (also the `gdp` chart),
//! `horizon.rs`, `sensitivity.rs`, `energy.rs`; a new chart goes beside them, with a `Chart` variant here), drawn with plotters on any `DrawingBackend` (SVG natively and in
//! the browser), from the core's figures and formatter.
//!
//! Text is never measured: plotters measures through the DOM on wasm (a layout per label, and
//! a `style` attribute the strict CSP refuses), so these charts only call the primitives that
//! do not measure (`Rectangle`, `PathElement`, `Circle`, `Text` with anchors), and place text
//! by estimate (`layout::text_width`). Titles and descriptions live outside the plot (HTML
//! `figcaption`, SVG `<title>`/`<desc>`), where the browser lays them out.

mod energy;
mod horizon;
pub mod layout;
mod per_person;
mod pledges;
mod sensitivity;
mod svg_writer;

use crate::dataset::Dataset;
use crate::escape::escape;
use crate::format::Locale;
use crate::model::{compute, ratio_at, Assumptions, Knob, KNOBS};
use crate::report::{capitalize_first, Report};
use layout::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;
use svg_writer::SvgWriter;

/// The charts, in reading order. Each is declared once, in [`CHARTS`]; the knobs that change
/// it say so in their own declaration (`model::KNOBS`), which is its redraw key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Chart {
    /// Where does the subject's total come from?
    Pledges,
    /// Is it the same proportion as the benchmark (per person, or by share of GDP)?
    PerPerson,
    /// And as a share of GDP? (the `gdp` card: the comparison by share of GDP whatever the
    /// yardstick)
    Gdp,
    /// Over how many years? Per person per year for each horizon of the subject's package.
    Horizon,
    /// How much does the verdict depend on the exchange rate?
    Sensitivity,
    /// The pledged capacity against the electricity exported.
    Energy,
}

/// Everything about one chart, in one place (its title and description are words: `text`).
pub struct ChartSpec {
    pub chart: Chart,
    /// The public name: `data-chart="<name>"`, file names of the static render, and how a
    /// knob's declaration names the charts it changes.
    pub name: &'static str,
    /// Whether this dataset has what the chart needs.
    pub applies: fn(&Dataset) -> bool,
    /// Its height in pixels: it grows with rows, never with the width (see ARCHITECTURE.md).
    pub height: fn(&Dataset) -> u32,
    pub draw:
        for<'a, 'b> fn(&Frame<'a, SvgWriter<'b>>, &Dataset, &Report) -> DrawResult<SvgWriter<'b>>,
}

/// The charts, in reading order. `CHARTS[c as usize].chart == c` (a test).
pub static CHARTS: [ChartSpec; 6] = [
    ChartSpec {
        chart: Chart::Pledges,
        name: "pledges",
        applies: |_| true,
        height: |dataset| {
            let with_amount = dataset
                .subject
                .pledges
                .iter()
                .filter(|p| p.amount().is_some())
                .count() as i32;
            let unnamed = dataset.subject.pledges.len() as i32 - with_amount;
            (AXIS_HEIGHT
                + (with_amount + 1) * ROW_HEIGHT
                + AXIS_HEIGHT
                + if unnamed > 0 { NOTE_HEIGHT } else { 0 }
                + PAD) as u32
        },
        draw: |f, d, r| pledges::draw(f, d, r),
    },
    ChartSpec {
        chart: Chart::PerPerson,
        name: "per-person",
        applies: |_| true,
        // One group of two bars (the scaled group had the same proportions).
        height: |_| (GROUP_TITLE_HEIGHT + 2 * ROW_HEIGHT + 2 * PAD) as u32,
        // Per person whatever the yardstick: the claim's card asks per person (one verdict per
        // card); the gdp card draws the shares.
        draw: |f, d, r| per_person::draw(f, d, r, false),
    },
    ChartSpec {
        chart: Chart::Gdp,
        name: "gdp",
        applies: |d| d.has_gdp(),
        // The per-person chart's rows, by share of GDP: the same height.
        height: |_| (2 * (GROUP_TITLE_HEIGHT + 2 * ROW_HEIGHT + PAD) + PAD) as u32,
        draw: |f, d, r| per_person::draw(f, d, r, true),
    },
    ChartSpec {
        chart: Chart::Horizon,
        name: "horizon",
        applies: |d| d.benchmark_years().is_some(),
        height: |_| horizon::HEIGHT as u32,
        draw: |f, d, r| horizon::draw(f, d, r),
    },
    ChartSpec {
        chart: Chart::Sensitivity,
        name: "sensitivity",
        applies: |d| d.subject.currency != d.benchmark.currency,
        height: |_| LINE_CHART_HEIGHT as u32,
        draw: |f, d, r| sensitivity::draw(f, d, r),
    },
    ChartSpec {
        chart: Chart::Energy,
        name: "energy",
        applies: |d| d.energy.is_some(),
        height: |dataset| {
            let rows = 2 + dataset
                .energy
                .as_ref()
                .is_some_and(|e| e.first_phase_gw.is_some()) as i32;
            (rows * ROW_HEIGHT + AXIS_HEIGHT + PAD * 2) as u32
        },
        draw: |f, d, r| energy::draw(f, d, r),
    },
];

impl Chart {
    pub const ALL: [Chart; CHARTS.len()] = crate::lang::declared!(CHARTS, chart);

    pub fn spec(self) -> &'static ChartSpec {
        &CHARTS[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn from_name(name: &str) -> Option<Chart> {
        CHARTS.iter().find(|c| c.name == name).map(|c| c.chart)
    }

    /// The assumptions that change this chart (beyond the language and the width), so the page
    /// redraws only what moved: the knobs whose declaration names it.
    pub fn inputs(self) -> impl Iterator<Item = Knob> {
        let name = self.name();
        KNOBS
            .iter()
            .filter(move |k| k.charts.contains(&name))
            .map(|k| k.knob)
    }

    /// Whether this dataset has what the chart needs.
    pub fn applies(self, dataset: &Dataset) -> bool {
        (self.spec().applies)(dataset)
    }

    /// The height a chart needs (the same at every width).
    pub fn height(self, dataset: &Dataset) -> u32 {
        (self.spec().height)(dataset)
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
    // The shares a year, when the horizons differ: the ratio beside them is per year.
    let gdp_desc = if report.per_year && ctx.value("fr_share_year").is_some() {
        s.chart_gdp_desc_year
    } else {
        s.chart_gdp_desc
    };
    let (title, desc) = match chart {
        Chart::Pledges if report.sum == crate::report::Sum::WithoutLeftOut => {
            (s.chart_pledges_title, s.chart_pledges_desc_private)
        }
        Chart::Pledges if report.ranged_counted => {
            (s.chart_pledges_title, s.chart_pledges_desc_ranged)
        }
        Chart::Pledges => (s.chart_pledges_title, s.chart_pledges_desc),
        Chart::PerPerson if report.per_year && ctx.value("ppy").is_some() => {
            (s.chart_per_person_title, s.chart_per_person_desc_year)
        }
        Chart::Gdp => (s.chart_gdp_title, gdp_desc),
        Chart::PerPerson => (s.chart_per_person_title, s.chart_per_person_desc),
        Chart::Horizon => (s.chart_horizon_title, s.chart_horizon_desc),
        Chart::Sensitivity => (s.chart_sensitivity_title, s.chart_sensitivity_desc),
        Chart::Energy => (s.chart_energy_title, s.chart_energy_desc),
    };
    // A caption is running text: French spells its units out there.
    let desc = match chart {
        Chart::Pledges if figures.unitemised_eur_bn.high.abs() < 0.05 => s.chart_pledges_desc_all,
        _ => desc,
    };
    let mut desc = capitalize_first(ctx.fill_prose(desc));
    if chart == Chart::Pledges && figures.pledges_named_without_amount == 0 {
        // The template's last sentence names investors without amounts; there are none.
        // (Bytes, not a `str` pattern: its searcher links a panic path that prints chars.)
        if let Some(at) = desc.as_bytes().windows(2).rposition(|w| w == b". ") {
            desc.truncate(at + 1);
        }
    }
    ChartText {
        // A title is running text too (« D’où viennent les 109 milliards d’euros ? »).
        title: capitalize_first(ctx.fill_prose(title)),
        desc,
    }
}

pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

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

/// The fewest decimal places (up to 3) that write every tick exactly, so an axis stepped by
/// 0.25 reads "1.25" and "1.50", never "1.3" beside "1.5".
fn tick_places(ticks: &[f64]) -> u32 {
    (0..3)
        .find(|&d| {
            let scale = crate::decimal::pow10i(d as i32);
            ticks
                .iter()
                .all(|t| ((t * scale).round() - t * scale).abs() < 1e-6)
        })
        .unwrap_or(3)
}

/// How many tick labels fit along `px` pixels when each is about `label_px` wide.
fn tick_count(px: i32, label_px: i32) -> usize {
    ((px / (label_px + 24).max(1)).max(2) as usize).min(8)
}

pub struct Frame<'a, DB: DrawingBackend> {
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
        // The script's own font stack (layout::font_stack), at the style's size and weight.
        let font = FontDesc::new(
            FontFamily::Name(font_stack(self.rtl)),
            st.font.get_size(),
            st.font.get_style(),
        );
        self.area
            .draw(&Text::new(s, at, TextStyle { font, ..st.clone() }))
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

    /// One element with `stroke-dasharray="5 4"`, not plotters' `DashedPathElement`, which
    /// writes an element per dash (8 to 40 per line): elements the page patches, lays out and
    /// paints on every slider move. plotters' styles have no dash pattern, so the writer is
    /// told by a flag in the stroke width (`svg_writer::DASHED`).
    fn dashed(&self, from: (i32, i32), to: (i32, i32), color: RGBColor) -> DrawResult<DB> {
        self.area.draw(&PathElement::new(
            vec![from, to],
            color.stroke_width(2 | svg_writer::DASHED),
        ))
    }

    /// Where each legend item starts (x of its swatch's outer end) and on which row: items
    /// flow from the reading direction's start and wrap onto a new row when the width runs out.
    fn legend_places(&self, items: &[(&str, RGBColor, u32)]) -> Vec<(i32, i32)> {
        let mut places = Vec::new();
        let (mut used, mut row) = (0, 0);
        for (label, _, _) in items {
            let w = LEGEND_SWATCH + 6 + text_width(label, SMALL_PX);
            if used > 0 && used + w > self.width - 2 * PAD {
                used = 0;
                row += 1;
            }
            let x = if self.rtl {
                self.width - PAD - used
            } else {
                PAD + used
            };
            places.push((x, row));
            used += w + 18;
        }
        places
    }

    /// The legend's height: its rows, each as tall as a line of its script needs.
    fn legend_height(&self, items: &[(&str, RGBColor, u32)]) -> i32 {
        let rows = self
            .legend_places(items)
            .last()
            .map_or(1, |(_, row)| row + 1);
        rows * self.legend_row()
    }

    fn legend_row(&self) -> i32 {
        let (ascent, descent) = line_metrics(self.rtl);
        // A line's box and a little more: Firefox's boxes are taller than ascent and descent.
        LEGEND_HEIGHT.max(((ascent + descent) * SMALL_PX).ceil() as i32 + 4)
    }

    /// Rows of (text, colour, line width) swatches, from the reading direction's start; the
    /// first row centred on `y`.
    fn legend(&self, items: &[(&str, RGBColor, u32)], y: i32) -> DrawResult<DB> {
        for ((label, color, width), (x, row)) in items.iter().zip(self.legend_places(items)) {
            let y = y + row * self.legend_row();
            if self.rtl {
                self.line(vec![(x - LEGEND_SWATCH, y), (x, y)], *color, *width)?;
                self.text(
                    label,
                    (x - LEGEND_SWATCH - 6, y),
                    &style(SMALL_PX, &INK, HPos::Right, VPos::Center),
                )?;
            } else {
                self.line(vec![(x, y), (x + LEGEND_SWATCH, y)], *color, *width)?;
                self.text(
                    label,
                    (x + LEGEND_SWATCH + 6, y),
                    &style(SMALL_PX, &INK, HPos::Left, VPos::Center),
                )?;
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
            // Set smaller when long, never cut.
            let name_px = fit_px(
                name,
                LABEL_PX * BOLD_WIDEN,
                (self.width - 2 * PAD) * 2 / 3,
                LABEL_PX * 0.7,
            ) / BOLD_WIDEN;
            let name = name.to_string();
            let (first, first_style, second, second_style) = if self.rtl {
                (
                    amount.to_string(),
                    style(SMALL_PX, &MUTED, HPos::Left, VPos::Bottom),
                    name,
                    bold(name_px, &INK, HPos::Left, VPos::Bottom),
                )
            } else {
                (
                    name,
                    bold(name_px, &INK, HPos::Left, VPos::Bottom),
                    amount.to_string(),
                    style(SMALL_PX, &MUTED, HPos::Left, VPos::Bottom),
                )
            };
            let px_first = if self.rtl {
                SMALL_PX
            } else {
                name_px * BOLD_WIDEN
            };
            self.text(&first, (PAD, y), &first_style)?;
            return self.text(
                &second,
                (PAD + text_width(&first, px_first) + 8, y),
                &second_style,
            );
        }
        let x = self.label_col;
        let max = self.label_col - PAD;
        // Set smaller when long, never cut.
        let name_px = fit_px(name, LABEL_PX * BOLD_WIDEN, max, LABEL_PX * 0.7) / BOLD_WIDEN;
        let amount_px = fit_px(amount, SMALL_PX, max, SMALL_PX * 0.8);
        self.text(
            name,
            (x, y_mid - 8),
            &bold(name_px, &INK, HPos::Right, VPos::Center),
        )?;
        self.text(
            amount,
            (x, y_mid + 10),
            &style(amount_px, &MUTED, HPos::Right, VPos::Center),
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
    let height = chart.height(dataset);
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
        let _ = painted
            .and_then(|_| (chart.spec().draw)(&Frame::new(&root, report.locale), dataset, report));
    }
    out.push_str("</svg>\n");
    out
}
