//! Where the announced total comes from: the pledges stacked (ranges shaded, the reader's
//! point marked), what is not itemised, and the investors named without an amount.

use super::*;

pub(super) fn draw<DB: DrawingBackend>(f: &Frame<DB>, d: &Dataset, r: &Report) -> DrawResult<DB> {
    let (fig, l) = (&r.figures, r.locale);
    let s = l.strings();
    let cur = d.subject.currency.as_ref();
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
    // Without the state-owned and state-backed pledges the rule is what is left, said so.
    let total_label = if r.sum == crate::report::Sum::WithoutLeftOut {
        s.chart_left
    } else {
        s.chart_announced
    };
    let label = crate::lang::fill(
        total_label,
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
        // The reader's point first where there is one, its range beside it.
        let ranged_point = fig
            .assumptions
            .ranged_pledge_bn
            .filter(|_| high > low && d.ranged_pledge().is_some_and(|r| std::ptr::eq(r, *p)));
        let amount = match ranged_point {
            Some(point) => crate::lang::fill(
                s.chart_point_of_range,
                &[
                    ("point", &l.money_bn(point, cur, 1)),
                    ("range", &l.money_bn_range(low, high, cur, 1)),
                ],
            ),
            None => l.money_bn_range(low, high, cur, 1),
        };
        f.row_label(y_mid, p.name.get(lang), &amount)?;
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
                .ranged_pledge_bn
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
    let range = l.money_bn_range(un.low.max(0.0), un.high.max(0.0), cur, 1);
    let not_itemised = if r.ranged_counted && un.high > un.low {
        crate::lang::fill(
            s.chart_point_of_range,
            &[
                (
                    "point",
                    &l.money_bn(fig.unitemised_at_point_eur_bn.max(0.0), cur, 1),
                ),
                ("range", &range),
            ],
        )
    } else {
        range
    };
    f.row_label(y_mid, &r.fill(s.chart_not_itemised), &not_itemised)?;
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

    let unnamed = d.names_without_amount(lang);
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
