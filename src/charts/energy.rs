//! The gigawatt for AI against the electricity France exports, with the first phase reported.

use super::*;

pub(super) fn draw<DB: DrawingBackend>(f: &Frame<DB>, d: &Dataset, r: &Report) -> DrawResult<DB> {
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
        (ctx.fill(s.chart_ai_year), twh, l.twh(twh, 2), SUBJECT),
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
