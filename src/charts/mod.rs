//! The story's four charts, drawn with plotters on any `DrawingBackend` (SVG natively and in
//! the browser), from the core's figures and formatter.
//!
//! Text is never measured: plotters measures through the DOM on wasm (a layout per label, and
//! a `style` attribute the strict CSP refuses), so these charts only call the primitives that
//! do not measure (`Rectangle`, `PathElement`, `Circle`, `Text` with anchors), and place text
//! by estimate (`layout::text_width`). Titles and descriptions live outside the plot (HTML
//! `figcaption`, SVG `<title>`/`<desc>`), where the browser lays them out.

pub mod layout;
mod svg_writer;

use crate::dataset::Dataset;
use crate::escape::escape;
use crate::format::Locale;
use crate::model::{ratio_at, Assumptions};
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
    /// How much does the verdict depend on the exchange rate?
    Sensitivity,
    /// 1 GW for AI against the electricity exported.
    Energy,
}

impl Chart {
    pub const ALL: [Chart; 4] = [
        Chart::Pledges,
        Chart::PerPerson,
        Chart::Sensitivity,
        Chart::Energy,
    ];

    /// The public name: `data-chart="<name>"`, file names of the static render.
    pub fn name(self) -> &'static str {
        match self {
            Chart::Pledges => "pledges",
            Chart::PerPerson => "per-person",
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
            Chart::Sensitivity => &[Eurusd, PopFr, PopUs, Uae, YearsFr, PrivateOnly],
            Chart::Energy => &[LoadFactor],
        }
    }

    /// Whether this dataset has what the chart needs.
    pub fn applies(self, dataset: &Dataset) -> bool {
        match self {
            Chart::Energy => dataset.energy.is_some(),
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
        Chart::PerPerson => {
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
        Chart::Pledges => pledges(&frame, dataset, report),
        Chart::PerPerson => per_person(&frame, dataset, report),
        Chart::Sensitivity => sensitivity(&frame, dataset, report),
        Chart::Energy => energy(&frame, dataset, report),
    }
}

fn pledges<DB: DrawingBackend>(f: &Frame<DB>, d: &Dataset, r: &Report) -> DrawResult<DB> {
    let (fig, l) = (&r.figures, r.locale);
    let s = l.strings();
    let cur = d.subject.currency.as_str();
    let lang = l.lang;
    let announced = fig.announced_eur_bn;
    let max = announced
        .max(fig.itemised_eur_bn.high)
        .max(f64::MIN_POSITIVE);
    let (x0, x1) = f.bar_span();
    let scale = Scale {
        v0: 0.0,
        v1: max,
        p0: x0,
        p1: x1,
    };
    let top = AXIS_HEIGHT;

    // Points first, then ranges, so the uncertainty sits at the end of the stack.
    // (Two passes rather than a stable sort: same order, and no sort code in the wasm.)
    // With private money only, the pledges left out are not drawn (the chart keeps its height).
    let counted = |p: &&crate::dataset::Pledge| !fig.assumptions.private_only || p.is_private();
    let with_amount = || {
        d.subject
            .pledges
            .iter()
            .filter(|p| p.amount().is_some())
            .filter(counted)
    };
    let rows: Vec<&crate::dataset::Pledge> = with_amount()
        .filter(|p| !p.is_range())
        .chain(with_amount().filter(|p| p.is_range()))
        .collect();
    let rows_bottom = top + (rows.len() as i32 + 1) * ROW_HEIGHT;

    // The announced total: a rule across all rows, labelled above them.
    let xa = scale.at(announced);
    f.line(vec![(xa, top - 4), (xa, rows_bottom)], INK, 2)?;
    let label = crate::lang::fill(
        s.chart_announced,
        &[("announced", &l.money_bn(announced, cur, 1))],
    );
    let anchor = if xa - text_width(&label, SMALL_PX) < x0 {
        HPos::Left
    } else {
        HPos::Right
    };
    f.text(
        &label,
        (xa, top - 8),
        &bold(SMALL_PX, &INK, anchor, VPos::Bottom),
    )?;

    let mut start = 0.0;
    for (i, p) in rows.iter().enumerate() {
        let (low, high) = p.amount().unwrap_or((0.0, 0.0));
        let y_mid = top + i as i32 * ROW_HEIGHT + ROW_HEIGHT / 2;
        let (y0, y1) = f.bar_y(y_mid);
        f.row_label(
            y_mid,
            p.name.get(lang),
            &l.money_bn_range(low, high, cur, 1),
        )?;
        f.rect(
            (scale.at(start), y0),
            (scale.at(start + low).max(scale.at(start) + 1), y1),
            SUBJECT,
            1.0,
            true,
        )?;
        if high > low {
            let (ra, rb) = (scale.at(start + low), scale.at(start + high));
            f.rect((ra, y0), (rb, y1), SUBJECT, RANGE_FILL_OPACITY, true)?;
            f.rect((ra, y0), (rb, y1), SUBJECT, 1.0, false)?;
            if let Some(point) = fig
                .assumptions
                .uae_eur_bn
                .filter(|_| d.ranged_pledge().is_some_and(|r| std::ptr::eq(r, *p)))
            {
                let xp = scale.at(start + point);
                f.line(vec![(xp, y0 - 4), (xp, y1 + 4)], INK, 3)?;
            }
        }
        start += high;
    }

    // What is announced but not itemised: certain beyond the ranges' top, possible within them.
    let i = rows.len() as i32;
    let y_mid = top + i * ROW_HEIGHT + ROW_HEIGHT / 2;
    let (y0, y1) = f.bar_y(y_mid);
    let un = fig.unitemised_eur_bn;
    f.row_label(
        y_mid,
        s.chart_not_itemised,
        &l.money_bn_range(un.low.max(0.0), un.high.max(0.0), cur, 1),
    )?;
    let (lo, hi) = (fig.itemised_eur_bn.low, fig.itemised_eur_bn.high);
    if announced > hi {
        f.rect(
            (scale.at(hi), y0),
            (scale.at(announced), y1),
            NEUTRAL,
            1.0,
            true,
        )?;
    }
    if hi > lo && announced > lo {
        let (ra, rb) = (scale.at(lo), scale.at(hi.min(announced)));
        f.rect((ra, y0), (rb, y1), NEUTRAL, RANGE_FILL_OPACITY, true)?;
        f.rect((ra, y0), (rb, y1), NEUTRAL, 1.0, false)?;
    }

    f.money_axis(scale, rows_bottom + 2, max, &|v| l.money_bn(v, cur, 0))?;

    let unnamed: Vec<&str> = d
        .subject
        .pledges
        .iter()
        .filter(|p| p.amount().is_none())
        .map(|p| p.name.get(lang))
        .collect();
    if !unnamed.is_empty() {
        let note = crate::lang::fill(
            s.chart_named_no_amount,
            &[("names", &crate::i18n::join_list(lang, &unnamed))],
        );
        f.line_of_text(
            &note,
            rows_bottom + AXIS_HEIGHT + NOTE_HEIGHT / 2 + 4,
            style,
            SMALL_PX,
            &MUTED,
        )?;
    }
    Ok(())
}

/// A titled pair of bars: (value, formatted) for the subject, then the benchmark.
type BarGroup = (String, [(f64, String); 2]);

fn per_person<DB: DrawingBackend>(f: &Frame<DB>, d: &Dataset, r: &Report) -> DrawResult<DB> {
    let (fig, l) = (&r.figures, r.locale);
    let s = l.strings();
    let ctx = r;
    let quote = d.benchmark.currency.as_str();
    let (x0, x1) = f.bar_span();
    let subject_name = capitalize_first(ctx.value("subject").unwrap_or_default().to_string());
    let bench_name = ctx
        .value("benchmark_package")
        .unwrap_or_default()
        .to_string();

    let base = d.subject.currency.as_str();
    let by_gdp = fig.assumptions.by_gdp && fig.gdp_share_ratio.is_some();
    let gdp_groups = || -> Option<[BarGroup; 2]> {
        let (fr, us, parity) = (
            fig.france_share_of_gdp?,
            fig.us_share_of_gdp?,
            fig.gdp_parity_package_eur_bn?,
        );
        Some([
            (
                capitalize_first(ctx.fill(s.chart_group_gdp)),
                [(fr, l.percent(fr, 2)), (us, l.percent(us, 2))],
            ),
            (
                capitalize_first(ctx.fill(s.chart_group_scaled_gdp)),
                [
                    (
                        fig.announced_eur_bn,
                        l.money_bn(fig.announced_eur_bn, base, 1),
                    ),
                    (parity, l.money_bn(parity, base, 1)),
                ],
            ),
        ])
    };
    let per_person_groups = || -> [BarGroup; 2] {
        [
            (
                capitalize_first(ctx.fill(s.chart_group_per_person)),
                [
                    (
                        fig.france_usd_per_person,
                        l.money(fig.france_usd_per_person, quote),
                    ),
                    (fig.us_usd_per_person, l.money(fig.us_usd_per_person, quote)),
                ],
            ),
            (
                capitalize_first(ctx.fill(s.chart_group_scaled)),
                [
                    (
                        fig.announced_usd_bn,
                        l.money_bn(fig.announced_usd_bn, quote, 1),
                    ),
                    (
                        fig.stargate_scaled_to_france_usd_bn,
                        l.money_bn(fig.stargate_scaled_to_france_usd_bn, quote, 1),
                    ),
                ],
            ),
        ]
    };
    // Same rows either way, so switching the yardstick never changes the chart's height.
    let groups = if by_gdp {
        gdp_groups().unwrap_or_else(per_person_groups)
    } else {
        per_person_groups()
    };
    let mut y = PAD;
    for (title, bars) in groups.iter() {
        f.line_of_text(title, y + GROUP_TITLE_HEIGHT / 2, bold, LABEL_PX, &INK)?;
        y += GROUP_TITLE_HEIGHT;
        let max = bars[0].0.max(bars[1].0).max(f64::MIN_POSITIVE);
        let scale = Scale {
            v0: 0.0,
            v1: max,
            p0: x0,
            p1: x1,
        };
        for (j, ((value, shown), (name, color))) in bars
            .iter()
            .zip([(&subject_name, SUBJECT), (&bench_name, BENCHMARK)])
            .enumerate()
        {
            let y_mid = y + j as i32 * ROW_HEIGHT + ROW_HEIGHT / 2;
            f.row_label(y_mid, name, shown)?;
            let (y0, y1) = f.bar_y(y_mid);
            f.rect(
                (x0, y0),
                (scale.at(*value).max(x0 + 1), y1),
                color,
                1.0,
                true,
            )?;
        }
        // Where the subject's bar would end if the claim held: the benchmark's length.
        let xb = scale.at(bars[1].0);
        let (top, _) = f.bar_y(y + ROW_HEIGHT / 2);
        let (_, bottom) = f.bar_y(y + ROW_HEIGHT + ROW_HEIGHT / 2);
        f.dashed((xb, top - 3), (xb, bottom + 3), INK)?;
        y += 2 * ROW_HEIGHT + PAD;
    }
    let line = match verdict(if by_gdp {
        fig.gdp_share_ratio
    } else {
        fig.per_person_ratio
    }) {
        Some(Verdict::Holds) if by_gdp => s.verdict_gdp_holds,
        Some(Verdict::More) if by_gdp => s.verdict_gdp_more,
        Some(Verdict::Less) if by_gdp => s.verdict_gdp_less,
        Some(Verdict::Holds) => s.chart_verdict_holds,
        Some(Verdict::More) => s.chart_verdict_more,
        Some(Verdict::Less) => s.chart_verdict_less,
        None => return Ok(()),
    };
    f.line_of_text(
        &capitalize_first(ctx.fill(line)),
        y + NOTE_HEIGHT / 2,
        bold,
        LABEL_PX,
        &INK,
    )
}

fn sensitivity<DB: DrawingBackend>(f: &Frame<DB>, d: &Dataset, r: &Report) -> DrawResult<DB> {
    let (fig, l) = (&r.figures, r.locale);
    let s = l.strings();
    let ctx = r;
    let a = &fig.assumptions;
    let range = d.ranges.rate;
    let (_, h) = f.area.dim_in_pixel();
    let (px0, px1) = (PAD + Y_AXIS_WIDTH, f.width - PAD * 2);
    let (py_top, py_bottom) = (PAD + LEGEND_HEIGHT + 4, h as i32 - AXIS_HEIGHT - PAD - 14);

    let samples = 48;
    let xs: Vec<f64> = (0..=samples)
        .map(|i| range.min + (range.max - range.min) * i as f64 / samples as f64)
        .collect();
    let yours: Vec<f64> = xs
        .iter()
        .map(|x| ratio_at(d, a, *x, a.pop_fr_m).unwrap_or(f64::NAN))
        .collect();
    // The article's own populations (68m, 5×) beside the reader's.
    let article = match (
        &d.reported.subject_population_m,
        &d.reported.population_multiple,
    ) {
        (Some(pop), Some(mult)) => {
            let b = Assumptions {
                pop_us_m: pop.value * mult.value,
                ..*a
            };
            Some(
                xs.iter()
                    .map(|x| ratio_at(d, &b, *x, pop.value).unwrap_or(f64::NAN))
                    .collect::<Vec<f64>>(),
            )
        }
        _ => None,
    };
    let finite = yours
        .iter()
        .chain(article.iter().flatten())
        .copied()
        .filter(|v| v.is_finite());
    let (mut lo, mut hi) = finite.fold((1.0f64, 1.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let pad = (hi - lo).max(0.1) * 0.08;
    lo = (lo - pad).max(0.0);
    hi += pad;
    let xs_scale = Scale {
        v0: range.min,
        v1: range.max,
        p0: px0,
        p1: px1,
    };
    let ys_scale = Scale {
        v0: lo,
        v1: hi,
        p0: py_bottom,
        p1: py_top,
    };

    // Grid and y ticks.
    for t in ticks(lo, hi, 5) {
        let y = ys_scale.at(t);
        f.line(vec![(px0, y), (px1, y)], GRID, 1)?;
        f.text(
            &l.number(t, 1),
            (px0 - 6, y),
            &style(TICK_PX, &MUTED, HPos::Right, VPos::Center),
        )?;
    }
    // x ticks: the rate.
    let quote = d.benchmark.currency.as_str();
    let n = tick_count(px1 - px0, text_width(&l.rate(range.max, quote), TICK_PX));
    f.line(vec![(px0, py_bottom), (px1, py_bottom)], RULE, 1)?;
    for t in ticks(range.min, range.max, n) {
        let x = xs_scale.at(t);
        f.line(vec![(x, py_bottom), (x, py_bottom + 4)], RULE, 1)?;
        let text = l.number(t, 1);
        f.text(
            &text,
            (x, py_bottom + 6),
            &style(TICK_PX, &MUTED, f.tick_anchor(x, &text), VPos::Top),
        )?;
    }
    let axis_label = ctx.fill(s.chart_rate_axis);
    f.text(
        &axis_label,
        (px1, h as i32 - PAD),
        &style(SMALL_PX, &MUTED, HPos::Right, VPos::Bottom),
    )?;

    // Parity: the line where the claim holds.
    let y1 = ys_scale.at(1.0);
    f.dashed((px0, y1), (px1, y1), INK)?;
    // Labelled at the right end: the ratio rises with the rate, so the lines are far above it there.
    f.text(
        s.chart_parity_line,
        (px1, y1 + 4),
        &bold(SMALL_PX, &INK, HPos::Right, VPos::Top),
    )?;

    let path = |values: &[f64]| -> Vec<(i32, i32)> {
        xs.iter()
            .zip(values)
            .filter(|(_, v)| v.is_finite())
            .map(|(x, v)| (xs_scale.at(*x), ys_scale.at(*v)))
            .collect()
    };
    let mut legend = vec![(s.chart_your_line, SUBJECT, 3)];
    if let Some(article) = &article {
        f.line(path(article), NEUTRAL, 2)?;
        legend.push((s.chart_article_line, NEUTRAL, 2));
    }
    f.line(path(&yours), SUBJECT, 3)?;
    f.legend(&legend, PAD + LEGEND_HEIGHT / 2)?;

    // Where the claim holds, and where the reader is.
    if let Some(p) = fig.parity_eurusd.filter(|p| range.contains(*p)) {
        let (x, y) = (xs_scale.at(p), y1);
        f.area.draw(&Circle::new(
            (x, y),
            5,
            ShapeStyle {
                color: INK.to_rgba(),
                filled: true,
                stroke_width: 1,
            },
        ))?;
        let label = ctx.fill(s.chart_parity_point);
        f.text(
            &label,
            (x + 8, y + 6),
            &style(SMALL_PX, &INK, HPos::Left, VPos::Top),
        )?;
    }
    if let Some(r) = fig.per_person_ratio {
        let (x, y) = (xs_scale.at(a.eurusd), ys_scale.at(r));
        f.line(vec![(x, py_bottom), (x, y)], SUBJECT, 1)?;
        f.area.draw(&Circle::new(
            (x, y),
            6,
            ShapeStyle {
                color: SUBJECT.to_rgba(),
                filled: true,
                stroke_width: 2,
            },
        ))?;
        // The line rises to the right, so below-right of the point is free (above-left otherwise).
        let label = format!("{}: {}", s.chart_you_are_here, l.times(r));
        let fits_right = px1 - x > text_width(&label, SMALL_PX) + 12;
        let (at, anchor) = if fits_right {
            ((x + 10, y + 8), Pos::new(HPos::Left, VPos::Top))
        } else {
            ((x - 10, y - 8), Pos::new(HPos::Right, VPos::Bottom))
        };
        f.text(
            &label,
            at,
            &(FontFamily::SansSerif, SMALL_PX * 1.24, FontStyle::Bold)
                .into_font()
                .color(&INK)
                .pos(anchor),
        )?;
    }
    Ok(())
}

fn energy<DB: DrawingBackend>(f: &Frame<DB>, d: &Dataset, r: &Report) -> DrawResult<DB> {
    let (fig, l) = (&r.figures, r.locale);
    let s = l.strings();
    let ctx = r;
    let (Some(twh), Some(exports)) = (fig.nuclear_ai_twh_per_year, fig.exports_twh) else {
        return Ok(());
    };
    let (x0, x1) = f.bar_span();
    let max = exports.max(twh).max(f64::MIN_POSITIVE);
    let scale = Scale {
        v0: 0.0,
        v1: max,
        p0: x0,
        p1: x1,
    };
    let mut rows = vec![
        (
            ctx.fill(s.chart_exports),
            exports,
            l.twh(exports, 0),
            NEUTRAL,
        ),
        (s.chart_ai_year.to_string(), twh, l.twh(twh, 2), SUBJECT),
    ];
    // The first phase reported (250 MW by the end of 2026), run for a year at the same load.
    if let (Some(first), Some(gw)) = (
        d.energy.as_ref().and_then(|e| e.first_phase_gw.as_ref()),
        fig.nuclear_ai_gw.filter(|g| *g > 0.0),
    ) {
        let first_twh = twh * first.value / gw;
        rows.push((
            ctx.fill(s.chart_first_phase),
            first_twh,
            l.twh(first_twh, 2),
            SUBJECT,
        ));
    }
    for (i, (name, value, shown, color)) in rows.iter().enumerate() {
        let y_mid = PAD + i as i32 * ROW_HEIGHT + ROW_HEIGHT / 2;
        f.row_label(y_mid, name, shown)?;
        let xe = scale.at(*value).max(x0 + 1);
        let (y0, y1) = f.bar_y(y_mid);
        f.rect((x0, y0), (xe, y1), *color, 1.0, true)?;
        if i == 1 {
            if let Some(share) = fig.nuclear_ai_share_of_exports {
                f.text(
                    &l.percent(share, 1),
                    (xe + 6, (y0 + y1) / 2),
                    &bold(LABEL_PX, &INK, HPos::Left, VPos::Center),
                )?;
            }
        }
    }
    f.money_axis(scale, PAD + rows.len() as i32 * ROW_HEIGHT + 2, max, &|v| {
        l.twh(v, 0)
    })
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
