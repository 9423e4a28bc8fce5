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
    let py_bottom = h as i32 - AXIS_HEIGHT - PAD - AXIS_TITLE_GAP;

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
    let mut legend = vec![(s.chart_your_line, SUBJECT, 3)];
    if article.is_some() {
        legend.push((s.chart_article_line, NEUTRAL, 2));
    }
    // Below the legend, which takes two rows on a phone in some languages.
    let py_top = PAD + f.legend_height(&legend) + 4;
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
    let y_ticks = ticks(lo, hi, 5);
    let y_places = tick_places(&y_ticks);
    for t in y_ticks {
        let y = ys_scale.at(t);
        f.line(vec![(px0, y), (px1, y)], GRID, 1)?;
        f.text(
            &l.number(t, y_places),
            (px0 - 6, y),
            &style(TICK_PX, &MUTED, HPos::Right, VPos::Center),
        )?;
    }
    // x ticks: the rate.
    let quote = d.benchmark.currency.as_ref();
    let n = tick_count(px1 - px0, text_width(&l.rate(range.max, quote), TICK_PX));
    f.line(vec![(px0, py_bottom), (px1, py_bottom)], RULE, 1)?;
    let x_ticks = ticks(range.min, range.max, n);
    let x_places = tick_places(&x_ticks);
    for t in x_ticks {
        let x = xs_scale.at(t);
        f.line(vec![(x, py_bottom), (x, py_bottom + 4)], RULE, 1)?;
        let text = l.number(t, x_places);
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

    // Parity: the line where the claim holds; the point on it where the claim holds, and where
    // the reader is, with the line up to it from the axis.
    let y1 = ys_scale.at(1.0);
    let parity = fig
        .parity_eurusd
        .filter(|p| range.contains(*p))
        .map(|p| (xs_scale.at(p), y1));
    let reader = fig
        .per_person_ratio
        .map(|r| ((xs_scale.at(a.rate), ys_scale.at(r)), r));

    // The three labels, each where it collides with nothing (`layout::place`), best first:
    // the line rises to the right, so below-right of a point is usually free.
    let rtl = f.rtl;
    let line_label = [ctx.fill(s.chart_parity_line)];
    let parity_label = [ctx.fill(s.chart_parity_point)];
    // On two lines, where one line finds no room on a phone.
    let parity_lines = wrap(
        &parity_label[0],
        SMALL_PX,
        text_width(&parity_label[0], SMALL_PX) * 3 / 5,
        2,
    );
    let reader_label = reader.map(|(_, r)| {
        [crate::lang::fill(
            s.chart_you_are_here,
            &[("times", &l.times(r))],
        )]
    });
    // On two lines too, where the reader's line up from the axis leaves no room for one (a
    // card's chart on a 320 px phone is 288 px wide).
    let line_lines = wrap(
        &line_label[0],
        SMALL_PX,
        text_width(&line_label[0], SMALL_PX) * 2 / 3,
        2,
    );
    // A label that does not wrap into two lines that fit keeps its one.
    let line_wraps = line_lines.len() == 2
        && fits(
            &line_lines,
            SMALL_PX,
            text_width(&line_label[0], SMALL_PX) * 2 / 3,
        );
    let line_places: Vec<Placed> = [&line_label[..], &line_lines[..]]
        .into_iter()
        .take(if line_wraps { 2 } else { 1 })
        .flat_map(|lines| {
            [
                (px1, HPos::Right, VPos::Top),
                (px1, HPos::Right, VPos::Bottom),
                (px0 + 4, HPos::Left, VPos::Bottom),
                (px0 + 4, HPos::Left, VPos::Top),
            ]
            .map(|(x, h, v)| Placed::beside(lines, true, rtl, (x, y1), 0, 3, h, v))
        })
        .collect();
    let mut parity_places = Vec::new();
    if let Some(at) = parity {
        for lines in [&parity_label[..], &parity_lines[..]] {
            parity_places.extend(around(lines, false, rtl, at, 8, 4).into_iter().take(4));
            // Where the line up to the reader's point leaves no room beside the parity point:
            // on the same side of the dashed line, just clear of the reader's line.
            if let Some(((x, _), _)) = reader {
                parity_places.extend(
                    [
                        (HPos::Left, VPos::Top),
                        (HPos::Right, VPos::Top),
                        (HPos::Left, VPos::Bottom),
                        (HPos::Right, VPos::Bottom),
                    ]
                    .map(|(h, v)| Placed::beside(lines, false, rtl, (x, at.1), 6, 3, h, v)),
                );
            }
        }
        parity_places.extend(
            around(&parity_label, false, rtl, at, 8, 4)
                .into_iter()
                .skip(4),
        );
    }
    let reader_places = match (&reader, &reader_label) {
        // And higher still: on a phone in Arabic the parity label may need two lines above the
        // dashed line beside the reader's line, where the reader's label would be.
        (Some((at, _)), Some(label)) => {
            let higher = 6 + 2 * (SMALL_PX * 1.6) as i32;
            let mut places = around(label, true, rtl, *at, 10, 6);
            places.extend(
                [HPos::Left, HPos::Right]
                    .map(|h| Placed::beside(label, true, rtl, *at, 10, higher, h, VPos::Bottom)),
            );
            places
        }
        _ => vec![],
    };
    // What a label must not cover: the dashed line, the points, the line up to the reader's.
    let mut obstacles = vec![LabelBox {
        x0: px0,
        y0: y1 - 1,
        x1: px1,
        y1: y1 + 1,
    }];
    obstacles.extend(parity.map(|at| LabelBox::around(at, 6)));
    if let Some(((x, y), _)) = reader {
        obstacles.push(LabelBox::around((x, y), 7));
        obstacles.push(LabelBox {
            x0: x - 2,
            y0: y.min(py_bottom),
            x1: x + 2,
            y1: py_bottom,
        });
    }
    let bounds = LabelBox {
        x0: px0,
        y0: py_top,
        x1: f.width - PAD / 2,
        y1: py_bottom,
    };
    // Each label's candidates, and which one `place` chose (none for a label not drawn).
    let sets = [&line_places, &parity_places, &reader_places];
    let drawn: Vec<usize> = (0..sets.len()).filter(|i| !sets[*i].is_empty()).collect();
    let boxes: Vec<Vec<LabelBox>> = drawn
        .iter()
        .map(|i| sets[*i].iter().map(|p| p.at).collect())
        .collect();
    let chosen = place(
        &boxes.iter().map(|b| b.as_slice()).collect::<Vec<_>>(),
        &obstacles,
        bounds,
    );
    let placed = |set: usize| -> Option<&Placed> {
        let k = drawn.iter().position(|i| *i == set)?;
        sets[set].get(chosen[k])
    };

    f.dashed((px0, y1), (px1, y1), INK)?;
    if let Some(p) = placed(0) {
        p.draw(f, bold)?;
    }

    let path = |values: &[f64]| -> Vec<(i32, i32)> {
        xs.iter()
            .zip(values)
            .filter(|(_, v)| v.is_finite())
            .map(|(x, v)| (xs_scale.at(*x), ys_scale.at(*v)))
            .collect()
    };
    if let Some(article) = &article {
        f.line(path(article), NEUTRAL, 2)?;
    }
    f.line(path(&yours), SUBJECT, 3)?;
    f.legend(&legend, PAD + f.legend_row() / 2)?;

    if let Some(at) = parity {
        f.area.draw(&Circle::new(
            at,
            5,
            ShapeStyle {
                color: INK.to_rgba(),
                filled: true,
                stroke_width: 1,
            },
        ))?;
        if let Some(p) = placed(1) {
            p.draw(f, style)?;
        }
    }
    if let Some(((x, y), _)) = reader {
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
        if let Some(p) = placed(2) {
            p.draw(f, bold)?;
        }
    }
    Ok(())
}

/// A label's lines at one of its candidate places: where they are anchored, and their box.
struct Placed<'a> {
    lines: &'a [String],
    anchor: (i32, i32),
    h: HPos,
    v: VPos,
    at: LabelBox,
}

impl<'a> Placed<'a> {
    /// `lines` beside the point `(x, y)`: starting `dx` to its right (`HPos::Left`) or ending
    /// `dx` to its left (`HPos::Right`); their box's top `dy` below it (`VPos::Top`) or its
    /// bottom `dy` above it (`VPos::Bottom`).
    #[allow(clippy::too_many_arguments)]
    fn beside(
        lines: &'a [String],
        bold: bool,
        rtl: bool,
        (x, y): (i32, i32),
        dx: i32,
        dy: i32,
        h: HPos,
        v: VPos,
    ) -> Self {
        let ax = if let HPos::Right = h { x - dx } else { x + dx };
        let edge = if let VPos::Bottom = v { y - dy } else { y + dy };
        let anchor = (ax, LabelBox::anchor_y(edge, SMALL_PX, rtl, v));
        // The box of the first line, grown by the others (below it, or above for a bottom anchor).
        let widest = lines
            .iter()
            .max_by_key(|l| text_width(l, SMALL_PX))
            .map_or("", |l| l.as_str());
        let mut at = LabelBox::text(widest, SMALL_PX, bold, rtl, anchor, h, v);
        let more = (lines.len().max(1) - 1) as i32 * line_height(rtl);
        if let VPos::Bottom = v {
            at.y0 -= more;
        } else {
            at.y1 += more;
        }
        Placed {
            lines,
            anchor,
            h,
            v,
            at,
        }
    }

    fn draw<DB: DrawingBackend>(
        &self,
        f: &Frame<DB>,
        st: fn(f64, &RGBColor, HPos, VPos) -> TextStyle<'static>,
    ) -> DrawResult<DB> {
        let n = self.lines.len() as i32;
        for (i, line) in self.lines.iter().enumerate() {
            // Lines go down from a top anchor, and up to a bottom one.
            let i = if let VPos::Bottom = self.v {
                i as i32 - (n - 1)
            } else {
                i as i32
            };
            let at = (self.anchor.0, self.anchor.1 + i * line_height(f.rtl));
            f.text(line, at, &st(SMALL_PX, &INK, self.h, self.v))?;
        }
        Ok(())
    }
}

/// The distance between two lines of a label: a line's box and a little more (Firefox's
/// boxes are taller than the face's ascent and descent).
fn line_height(rtl: bool) -> i32 {
    let (ascent, descent) = line_metrics(rtl);
    ((ascent + descent) * SMALL_PX).ceil() as i32 + 4
}

/// Places around a point, best first: below-right, above-left, above-right, below-left, then
/// the same a line further out.
fn around<'a>(
    lines: &'a [String],
    bold: bool,
    rtl: bool,
    at: (i32, i32),
    dx: i32,
    dy: i32,
) -> Vec<Placed<'a>> {
    let line = (SMALL_PX * 1.6) as i32;
    [
        (dy, HPos::Left, VPos::Top),
        (dy, HPos::Right, VPos::Bottom),
        (dy, HPos::Left, VPos::Bottom),
        (dy, HPos::Right, VPos::Top),
        (dy + line, HPos::Left, VPos::Top),
        (dy + line, HPos::Right, VPos::Top),
        (dy + line, HPos::Left, VPos::Bottom),
        (dy + line, HPos::Right, VPos::Bottom),
    ]
    .into_iter()
    .map(|(dy, h, v)| Placed::beside(lines, bold, rtl, at, dx, dy, h, v))
    .collect()
}
