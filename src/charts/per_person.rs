//! The comparison: per person (the claim), or by share of GDP (the yardstick switch), each
//! with the package scaled to the other side; the same rows either way, so the height holds.

use super::*;

/// A titled pair of bars: (value, formatted) for the subject, then the benchmark.
type BarGroup = (String, [(f64, String); 2]);

/// `by_gdp`: by share of GDP (the yardstick, or the `gdp` chart), when the story has the GDPs.
pub(super) fn draw<DB: DrawingBackend>(
    f: &Frame<DB>,
    d: &Dataset,
    r: &Report,
    by_gdp: bool,
) -> DrawResult<DB> {
    let (fig, l) = (&r.figures, r.locale);
    let s = l.strings();
    let ctx = r;
    let quote = d.benchmark.currency.as_ref();
    let (x0, x1) = f.bar_span();
    let subject_name = capitalize_first(ctx.value("subject").unwrap_or_default().to_string());
    let bench_name = ctx
        .value("benchmark_package")
        .unwrap_or_default()
        .to_string();

    let base = d.subject.currency.as_ref();
    let by_gdp = by_gdp && fig.gdp_share_ratio.is_some();
    // With different horizons every bar is per year, as the verdict under them is.
    let years = match (fig.assumptions.subject_years, d.benchmark_years()) {
        (Some(fr), Some(us)) if r.per_year && fr > 0.0 && us > 0.0 => (fr, us),
        _ => (1.0, 1.0),
    };
    let (gdp_title, per_person_title, scaled_title) = if r.per_year {
        (
            s.chart_group_gdp_year,
            s.chart_group_per_person_year,
            s.chart_group_scaled_year,
        )
    } else {
        (
            s.chart_group_gdp,
            s.chart_group_per_person,
            s.chart_group_scaled,
        )
    };
    let gdp_groups = || -> Option<[BarGroup; 2]> {
        let (fr, us, gdp) = (
            fig.france_share_of_gdp?,
            fig.us_share_of_gdp?,
            fig.assumptions.subject_gdp_bn?,
        );
        // Stargate scaled to France's GDP (its share of GDP times France's GDP), beside the
        // package: both in all, or both a year over their own horizons.
        let (package, scaled) = (fig.announced_eur_bn / years.0, us * gdp / years.1);
        let scaled_title = if r.per_year {
            s.chart_group_scaled_gdp_year
        } else {
            s.chart_group_scaled_gdp
        };
        let (fr, us) = (fr / years.0, us / years.1);
        Some([
            (
                capitalize_first(ctx.fill(gdp_title)),
                [(fr, l.percent(fr, 2)), (us, l.percent(us, 2))],
            ),
            (
                capitalize_first(ctx.fill(scaled_title)),
                [
                    (package, l.money_bn(package, base, 1)),
                    (scaled, l.money_bn(scaled, base, 1)),
                ],
            ),
        ])
    };
    let per_person_groups = || -> [BarGroup; 2] {
        let (pp, bpp) = (
            fig.france_usd_per_person / years.0,
            fig.us_usd_per_person / years.1,
        );
        let (conv, scaled) = (
            fig.announced_usd_bn / years.0,
            fig.stargate_scaled_to_france_usd_bn / years.1,
        );
        [
            (
                capitalize_first(ctx.fill(per_person_title)),
                [(pp, l.money(pp, quote)), (bpp, l.money(bpp, quote))],
            ),
            (
                capitalize_first(ctx.fill(scaled_title)),
                [
                    (conv, l.money_bn(conv, quote, 1)),
                    (scaled, l.money_bn(scaled, quote, 1)),
                ],
            ),
        ]
    };
    // Per person, one group: the package scaled to the other's population has the same
    // proportions, a second chart saying the same (the design review's look-alikes). The GDP
    // chart keeps its second group, in euros, which the shares do not give.
    let groups: Vec<BarGroup> = if by_gdp {
        gdp_groups().map_or_else(
            || per_person_groups().into_iter().take(1).collect(),
            |g| g.into(),
        )
    } else {
        per_person_groups().into_iter().take(1).collect()
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
    // The verdict is the card's badge, said once above the chart (and in the share image's
    // header): not again under the bars.
    Ok(())
}
