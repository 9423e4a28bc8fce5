//! How the per-person ratio moves with the exchange rate: the reader's line, the article's,
//! the point where the claim holds, and where the reader is.

use super::*;

pub(super) fn draw<DB: DrawingBackend>(f: &Frame<DB>, d: &Dataset, r: &Report) -> DrawResult<DB> {
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
        .map(|x| ratio_at(fig, *x, a.subject_population_m).unwrap_or(f64::NAN))
        .collect();
    // The article's own populations (68m, 5×) beside the reader's.
    let article = match (
        &d.reported.subject_population_m,
        &d.reported.population_multiple,
    ) {
        (Some(pop), Some(mult)) => {
            let b = Assumptions {
                benchmark_population_m: pop.value * mult.value,
                ..*a
            };
            let article = compute(d, &b);
            Some(
                xs.iter()
                    .map(|x| ratio_at(&article, *x, pop.value).unwrap_or(f64::NAN))
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
    let quote = d.benchmark.currency.as_ref();
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
        let (x, y) = (xs_scale.at(a.rate), ys_scale.at(r));
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
