//! Over how many years: the subject's package per person per year for each horizon the slider
//! offers (the reader's own in full colour), against the benchmark's per person per year over
//! its own horizon (the dashed line). Where the columns cross the line, the two are level.

use super::*;
use crate::dataset::HORIZON_YEARS;

/// The chart's height: a legend of up to two rows, the plot, the year ticks and their title.
pub(super) const HEIGHT: i32 = 270;

pub(super) fn draw<DB: DrawingBackend>(f: &Frame<DB>, d: &Dataset, r: &Report) -> DrawResult<DB> {
    let (fig, l) = (&r.figures, r.locale);
    let s = l.strings();
    let quote = d.benchmark.currency.as_ref();
    let (Some(chosen), Some(benchmark_ppy)) = (
        fig.assumptions.subject_years,
        fig.us_usd_per_person_per_year,
    ) else {
        return Ok(());
    };
    let total = fig.france_usd_per_person;
    let years: Vec<f64> = (HORIZON_YEARS.min as i32..=HORIZON_YEARS.max as i32)
        .map(f64::from)
        .collect();
    let per_year = |n: f64| total / n;

    let subject = crate::report::capitalize_first(r.fill(s.chart_horizon_subject));
    let benchmark = crate::report::capitalize_first(r.fill(s.chart_horizon_benchmark));
    let legend = [
        (subject.as_str(), SUBJECT, 10),
        (benchmark.as_str(), BENCHMARK, 2),
    ];
    let (_, h) = f.area.dim_in_pixel();
    let py_top = PAD + f.legend_height(&legend) + 10;
    let py_bottom = h as i32 - AXIS_HEIGHT - PAD - AXIS_TITLE_GAP;
    let (px0, px1) = (PAD + Y_AXIS_WIDTH, f.width - PAD * 2);
    f.legend(&legend, PAD + f.legend_row() / 2)?;

    let hi = years
        .iter()
        .map(|n| per_year(*n))
        .chain([benchmark_ppy])
        .filter(|v| v.is_finite())
        .fold(f64::MIN_POSITIVE, f64::max);
    let ys = Scale {
        v0: 0.0,
        v1: hi,
        p0: py_bottom,
        p1: py_top,
    };
    // Money ticks on the left, with their grid.
    let n = tick_count(py_bottom - py_top, 12).min(5);
    for t in ticks(0.0, hi, n) {
        let y = ys.at(t);
        f.line(vec![(px0, y), (px1, y)], GRID, 1)?;
        f.text(
            &l.money(t, quote),
            (px0 - 6, y),
            &style(TICK_PX, &MUTED, HPos::Right, VPos::Center),
        )?;
    }
    // One column per horizon, the reader's in full colour; its year under it.
    let slot = (px1 - px0) as f64 / years.len() as f64;
    let gap = (slot * 0.25).round() as i32;
    for (i, n) in years.iter().enumerate() {
        let x0 = px0 + (slot * i as f64).round() as i32 + gap / 2;
        let x1 = px0 + (slot * (i + 1) as f64).round() as i32 - gap / 2;
        let top = ys.at(per_year(*n)).min(py_bottom - 1);
        let opacity = if *n == chosen { 1.0 } else { 0.35 };
        f.rect((x0, top), (x1, py_bottom), SUBJECT, opacity, true)?;
        let label = l.number(*n, 0);
        let tick_style: fn(f64, &RGBColor, HPos, VPos) -> TextStyle<'static> =
            if *n == chosen { bold } else { style };
        f.text(
            &label,
            ((x0 + x1) / 2, py_bottom + 6),
            &tick_style(
                TICK_PX,
                if *n == chosen { &INK } else { &MUTED },
                HPos::Center,
                VPos::Top,
            ),
        )?;
    }
    f.line(vec![(px0, py_bottom), (px1, py_bottom)], RULE, 1)?;
    // The benchmark's per person per year, across every horizon.
    let yb = ys.at(benchmark_ppy);
    f.dashed((px0, yb), (px1, yb), BENCHMARK)?;
    f.text(
        &r.fill(s.chart_horizon_axis),
        (px1, h as i32 - PAD),
        &style(SMALL_PX, &MUTED, HPos::Right, VPos::Bottom),
    )
}
