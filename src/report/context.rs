//! The named values every template may use, formatted once, and the live prose.

use super::*;

/// The named values every template may use, formatted once; `Report::new` keeps them.
pub(super) struct Context<'a> {
    pub(super) dataset: &'a Dataset,
    pub(super) figures: &'a Figures,
    pub(super) locale: Locale,
    pub(super) values: Vec<(&'static str, String)>,
}

/// The dataset's names a template may join to a preposition (`{de_benchmark}`).
const NAMES: [&str; 4] = ["subject", "benchmark", "package", "benchmark_package"];

/// The placeholder of `name` joined to `prefix`: `de_subject` (static, as every value key).
fn prefixed(prefix: &str, name: &str) -> &'static str {
    const KEYS: [[&str; 4]; 5] = [
        [
            "de_subject",
            "de_benchmark",
            "de_package",
            "de_benchmark_package",
        ],
        [
            "a_subject",
            "a_benchmark",
            "a_package",
            "a_benchmark_package",
        ],
        [
            "que_subject",
            "que_benchmark",
            "que_package",
            "que_benchmark_package",
        ],
        [
            "li_subject",
            "li_benchmark",
            "li_package",
            "li_benchmark_package",
        ],
        [
            "bi_subject",
            "bi_benchmark",
            "bi_package",
            "bi_benchmark_package",
        ],
    ];
    let row = crate::grammar::PREFIXES.iter().position(|p| *p == prefix);
    let col = NAMES.iter().position(|n| *n == name);
    match (row, col) {
        (Some(r), Some(c)) => KEYS[r][c],
        _ => "",
    }
}

/// "name (inner)", or, where the name ends in a parenthesis and the language merges them,
/// "name (MGX, inner)": never two parentheses side by side.
fn parenthesized(lang: Lang, name: &str, inner: &str) -> String {
    format!("{}{inner})", paren_open(lang, name))
}

/// The opening of [`parenthesized`]: "name (" or "name (MGX, ".
fn paren_open(lang: Lang, name: &str) -> String {
    let merge = lang.strings().paren_merge;
    match name.strip_suffix(')') {
        Some(open) if !merge.is_empty() && open.contains('(') => format!("{open}{merge}"),
        _ => format!("{name} ("),
    }
}

/// How many decimals a sourced figure is written with (112 → 0, 112.8 → 1), up to 4.
pub(super) fn decimals_of(value: f64) -> u32 {
    (0..4)
        .find(|d| {
            let scaled = value * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(4)
}

impl<'a> Context<'a> {
    pub(super) fn new(
        dataset: &'a Dataset,
        f: &'a Figures,
        locale: Locale,
        per_year: bool,
    ) -> Context<'a> {
        let l = locale;
        let lang = l.lang;
        let s = l.strings();
        let base = dataset.subject.currency.as_ref();
        let quote = dataset.benchmark.currency.as_ref();
        let a = &f.assumptions;
        let dash = || "\u{2013}".to_string();
        let opt = |x: Option<f64>, fmt: &dyn Fn(f64) -> String| x.map(fmt).unwrap_or_else(dash);

        let ranged = dataset.ranged_pledge();
        let no_amount = dataset.names_without_amount(lang);
        let year = year_of(
            dataset
                .energy
                .as_ref()
                .and_then(|e| e.exports_twh.as_of.as_deref()),
        );

        let names = [
            dataset.subject.name.get(lang),
            dataset.benchmark.name.get(lang),
            dataset.subject.package.get(lang),
            dataset.benchmark.package.get(lang),
        ];
        let mut values: Vec<(&'static str, String)> = Vec::with_capacity(112);
        // Without the state-owned and state-backed pledges, what is left is not the package
        // announced: its name says what it leaves out ("…without the UAE (MGX) and Bpifrance").
        let without = Sum::of(f) == Sum::WithoutLeftOut;
        let left_out_in_text = left_out_names_in_text(dataset, lang);
        let left_out_nor = join_nor(lang, &left_out_in_text);
        let package_private = fill(
            s.package_private,
            &[("package", names[2]), ("left_out_nor", &left_out_nor)],
        );
        let names = if without {
            [names[0], names[1], package_private.as_str(), names[3]]
        } else {
            names
        };
        for (key, name) in NAMES.into_iter().zip(names) {
            values.push((key, name.to_string()));
        }
        // The dataset's own forms first (a name the rule gets wrong), else the language's rule.
        let given = |key: &str, prefix: &str| {
            let (forms, which) = match key {
                "subject" => (&dataset.subject.forms, "name"),
                "package" => (&dataset.subject.forms, "package"),
                "benchmark" => (&dataset.benchmark.forms, "name"),
                _ => (&dataset.benchmark.forms, "package"),
            };
            crate::dataset::name_form(forms, lang, prefix, which).map(str::to_string)
        };
        for (key, name) in NAMES.into_iter().zip(names) {
            for prefix in crate::grammar::PREFIXES {
                let private_package = key == "package" && without;
                let joined = match given(key, prefix) {
                    Some(form) if !private_package => Some(form),
                    _ => crate::grammar::joined(lang, prefix, name),
                };
                if let Some(joined) = joined {
                    values.push((prefixed(prefix, key), joined));
                }
            }
        }
        values.extend([
            ("base", s.currency(base).trim().to_string()),
            ("quote", s.currency(quote).trim().to_string()),
            ("unit", s.currency_unit(base).to_string()),
            ("currency_name", s.currency_unit(quote).to_string()),
            ("rate", l.rate_exact(a.rate, quote)),
            ("announced", l.money_bn(f.announced_eur_bn, base, 1)),
            // The total as announced, whatever the switches count (the article's conversion
            // and the method notes are about it).
            (
                "announced_full",
                l.money_bn(dataset.subject.announced_bn.value, base, 1),
            ),
            (
                "package_full",
                dataset.subject.package.get(lang).to_string(),
            ),
            (
                "itemised_point",
                l.money_bn(f.itemised_at_point_eur_bn, base, 1),
            ),
            (
                "unitemised_point",
                l.money_bn(f.unitemised_at_point_eur_bn, base, 1),
            ),
            ("announced_conv", l.money_bn(f.announced_usd_bn, quote, 1)),
            (
                "itemised",
                l.money_bn_range(f.itemised_eur_bn.low, f.itemised_eur_bn.high, base, 1),
            ),
            (
                "unitemised",
                l.money_bn_range(f.unitemised_eur_bn.low, f.unitemised_eur_bn.high, base, 1),
            ),
            ("pp", l.money(f.france_usd_per_person, quote)),
            ("benchmark_pp", l.money(f.us_usd_per_person, quote)),
            ("ratio", opt(f.per_person_ratio, &|r| l.ratio(r))),
            ("times", opt(f.per_person_ratio, &|r| l.times_text(r))),
            ("tolerance", l.percent(SAME_PROPORTION_TOLERANCE, 0)),
            (
                "scaled",
                l.money_bn(f.stargate_scaled_to_france_usd_bn, quote, 1),
            ),
            (
                "parity_rate",
                opt(f.parity_eurusd, &|r| l.rate_point(r, quote)),
            ),
            ("parity_pop", opt(f.parity_pop_fr_m, &|p| l.millions(p, 1))),
            ("names", join_list(lang, &no_amount)),
            ("names_no_amount", join_list(lang, &no_amount)),
            ("year", l.digits_in(&year)),
            ("load", l.percent(a.load_factor, 0)),
        ]);
        // The date of the pledges' tally: the latest date a pledge with an amount was named.
        if let Some(as_of) = dataset
            .subject
            .pledges
            .iter()
            .filter(|p| p.amount().is_some())
            .filter_map(|p| p.as_of.as_deref())
            .max()
        {
            values.push(("as_of", l.date(as_of)));
            values.push(("as_of_short", l.date_short(as_of)));
        }
        // The pledges counted, each named with its amount, for running text: all of them, the
        // ranged one with its range and the reader's point; and those with a fixed amount.
        let counted = |p: &&crate::dataset::Pledge| !without || p.is_private();
        let ranged_counted = ranged.is_some_and(|p| counted(&p));
        // (name, amounts, whether it is the ranged pledge).
        let mut items: Vec<(&str, String, bool)> = Vec::new();
        for p in dataset.subject.pledges.iter().filter(counted) {
            let Some((low, high)) = p.amount() else {
                continue;
            };
            let name = p.name_in_text(lang);
            let is_ranged = ranged_counted && ranged.is_some_and(|r| std::ptr::eq(r, p));
            let item = match a.ranged_pledge_bn.filter(|_| is_ranged) {
                Some(point) => fill(
                    s.pledge_item_ranged,
                    &[
                        ("range", &l.money_bn_range(low, high, base, 1)),
                        ("point", &l.money_bn(point, base, 1)),
                    ],
                ),
                None => fill(
                    s.pledge_item,
                    &[("amount", &l.money_bn_range(low, high, base, 1))],
                ),
            };
            items.push((name, item, is_ranged));
        }
        let list = |only_fixed: bool, prefix: Option<&str>| {
            let named: Vec<String> = items
                .iter()
                .filter(|(_, _, ranged)| !(only_fixed && *ranged))
                .map(|(name, item, _)| {
                    let name = match prefix {
                        Some(p) => crate::grammar::joined(lang, p, name)
                            .unwrap_or_else(|| name.to_string()),
                        None => name.to_string(),
                    };
                    parenthesized(lang, &name, item)
                })
                .collect();
            let named: Vec<&str> = named.iter().map(String::as_str).collect();
            join_list(lang, &named)
        };
        values.push(("pledge_list", list(false, None)));
        values.push(("de_pledge_list", list(false, Some("de"))));
        values.push(("fixed_pledge_list", list(true, None)));
        values.push(("de_fixed_pledge_list", list(true, Some("de"))));
        let private_names: Vec<&str> = dataset
            .subject
            .pledges
            .iter()
            .filter(|p| p.is_private() && p.amount().is_some())
            .map(|p| p.name_in_text(lang))
            .collect();
        values.push(("private_names", join_list(lang, &private_names)));
        let de_private: Vec<String> = private_names
            .iter()
            .map(|n| crate::grammar::joined(lang, "de", n).unwrap_or_else(|| n.to_string()))
            .collect();
        let de_private: Vec<&str> = de_private.iter().map(String::as_str).collect();
        values.push(("de_private_names", join_list(lang, &de_private)));
        if let Some((p, (low, high))) = ranged.and_then(|p| p.amount().map(|a| (p, a))) {
            values.push(("ranged", p.name.get(lang).to_string()));
            values.push(("ranged_text", p.name_in_text(lang).to_string()));
            // Without its parenthesis ("الإمارات" for "الإمارات (MGX)"), inside one already.
            let short = match p.name_in_text(lang).rsplit_once('(') {
                Some((head, _)) if !head.trim_end().is_empty() => head.trim_end(),
                _ => p.name_in_text(lang),
            };
            values.push(("ranged_short", short.to_string()));
            if let Some(de) = crate::grammar::joined(lang, "de", short) {
                values.push(("de_ranged_short", de));
            }
            // Its name opening a parenthesis for what follows: « des Émirats arabes unis (MGX, ».
            let de = crate::grammar::joined(lang, "de", p.name_in_text(lang)).unwrap_or_default();
            values.push(("de_ranged_open", paren_open(lang, &de)));
            if let Some(de) = crate::grammar::joined(lang, "de", p.name_in_text(lang)) {
                values.push(("de_ranged_text", de));
            }
            values.push(("ranged_range", l.money_bn_range(low, high, base, 1)));
            if let Some(point) = a.ranged_pledge_bn {
                values.push(("ranged_point", l.money_bn(point, base, 1)));
            }
            values.push(("ranged_low", l.money_bn(low, base, 1)));
            values.push(("ranged_high", l.money_bn(high, base, 1)));
        }
        values.push(("itemised_low", l.money_bn(f.itemised_eur_bn.low, base, 1)));
        values.push((
            "default_rate",
            l.rate_exact(dataset.exchange_rate.value, quote),
        ));
        let multiple = dataset.benchmark.population_m.value / dataset.subject.population_m.value;
        values.push(("multiple_official", l.number(multiple, 2)));
        values.push(("multiple_official_times", l.times_text(multiple)));
        if let (Some(gw), Some(twh), Some(exports)) =
            (f.nuclear_ai_gw, f.nuclear_ai_twh_per_year, f.exports_twh)
        {
            values.push(("gw", l.gw(gw)));
            values.push(("twh", l.twh(twh, 2)));
            values.push(("exports", l.twh(exports, 0)));
            values.push((
                "share",
                opt(f.nuclear_ai_share_of_exports, &|x| l.percent(x, 1)),
            ));
        }
        let r = &dataset.reported;
        if let (Some(pop), Some(multiple), Some(ratio)) = (
            &r.subject_population_m,
            &r.population_multiple,
            f.article_per_person_ratio,
        ) {
            values.push(("article_pop", l.millions(pop.value, 1)));
            values.push(("multiple", l.number_trim(multiple.value, 2)));
            values.push(("multiple_times", l.times_text(multiple.value)));
            values.push(("article_ratio", l.ratio(ratio)));
        }
        if let Some(m) = &r.population_multiple {
            values.push(("reported_multiple", l.number_trim(m.value, 2)));
        }
        if let Some(c) = &r.converted_bn {
            values.push(("reported_conv", l.money_bn(c.value, quote, 1)));
            // The rates that round the announced total to the article's conversion.
            let announced = dataset.subject.announced_bn.value;
            if announced > 0.0 {
                if let Some((low, high)) = rounding_rates(announced, c.value) {
                    values.push(("rate_low", l.rate_exact(low, quote)));
                    values.push(("rate_high", l.rate_exact(high, quote)));
                }
                values.push((
                    "reported_rate",
                    l.rate((c.value / announced * 100.0).round() / 100.0, quote),
                ));
            }
        }
        if let Some(i) = &r.itemised_bn {
            values.push(("reported_itemised", l.money_bn(i.value, base, 1)));
        }
        if let (Some(fr), Some(us), Some(ratio)) =
            (f.france_share_of_gdp, f.us_share_of_gdp, f.gdp_share_ratio)
        {
            values.push(("fr_share", l.percent(fr, 2)));
            values.push(("us_share", l.percent(us, 2)));
            if let (Some(fy), Some(uy)) =
                (f.france_share_of_gdp_per_year, f.us_share_of_gdp_per_year)
            {
                values.push(("fr_share_year", l.percent(fy, 2)));
                values.push(("us_share_year", l.percent(uy, 2)));
            }
            values.push(("gdp_ratio", l.ratio(ratio)));
            values.push(("gdp_times", l.times_text(ratio)));
            values.push(("gdp_ratio_times", l.times(ratio)));
            values.push(("gdp_pct", l.percent((ratio - 1.0).abs(), 0)));
            values.push(("gdp_fr", opt(a.subject_gdp_bn, &|g| l.money_bn(g, base, 1))));
            values.push((
                "gdp_us",
                opt(a.benchmark_gdp_bn, &|g| l.money_bn(g, quote, 1)),
            ));
            values.push((
                "gdp_parity_package",
                opt(f.gdp_parity_package_eur_bn, &|p| l.money_bn(p, base, 1)),
            ));
            values.push((
                "gdp_parity_gdp",
                opt(f.gdp_parity_gdp_fr_bn, &|g| l.money_bn(g, base, 1)),
            ));
        }
        if let (Some(fr), Some(us), Some(ppy), Some(bppy)) = (
            a.subject_years,
            dataset.benchmark_years(),
            f.france_usd_per_person_per_year,
            f.us_usd_per_person_per_year,
        ) {
            values.push(("years_fr", years(l, fr)));
            values.push(("years_us", years(l, us)));
            values.push(("ppy", l.money(ppy, quote)));
            values.push(("benchmark_ppy", l.money(bppy, quote)));
        }
        if let (Some(range), Some(itemised)) =
            (f.private_announced_eur_bn, f.private_itemised_eur_bn)
        {
            values.push((
                "private_range",
                l.money_bn_range(range.low, range.high, base, 1),
            ));
            values.push(("private_itemised", l.money_bn(itemised, base, 1)));
            values.push(("left_out", join_list(lang, &left_out_in_text)));
            values.push(("left_out_nor", left_out_nor.clone()));
        }
        // A label of a figure of what is left says so (", without the UAE (MGX) and Bpifrance").
        let sum_note = if without {
            fill(s.badge_without, &[("left_out_nor", &left_out_nor)])
        } else {
            String::new()
        };
        values.push(("sum_note", sum_note));
        if let Some(c) = &dataset.gdp_claim {
            values.push(("gdp_speaker", c.speaker.get(lang).to_string()));
        }
        if let Some(c) = &dataset.claim {
            values.push(("speaker", c.speaker.get(lang).to_string()));
        }
        if let Some(about) = &dataset.benchmark.about {
            values.push(("about", about.get(lang).to_string()));
        }
        if let Some(src) = r
            .converted_bn
            .as_ref()
            .and_then(|c| dataset.sources.get(&c.source))
        {
            values.push(("reported_by", src.publisher_in(lang).to_string()));
        }
        if let Some(g) = &dataset.subject.gdp_bn {
            values.push(("gdp_year", l.digits_in(&year_of(g.as_of.as_deref()))));
        }
        if let Some(first) = dataset
            .energy
            .as_ref()
            .and_then(|e| e.first_phase_gw.as_ref())
        {
            values.push(("first_gw", l.gw(first.value)));
            values.push(("first_year", l.digits_in(&year_of(first.as_of.as_deref()))));
        }
        // The comparison's phrase names the reader's horizon: filled last, from the values above.
        let per = if per_year {
            s.per_person_year
        } else {
            s.per_person
        };
        let per_gdp = if per_year { s.by_gdp_year } else { s.by_gdp };
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (per, per_gdp) = (fill(per, &pairs), fill(per_gdp, &pairs));
        values.push(("per", per));
        values.push(("per_gdp", per_gdp));
        // For a label inside a chart, where the horizon is said beside it.
        let short = if per_year {
            s.per_person_year_short
        } else {
            s.per_person_short
        };
        values.push(("per_short", short.to_string()));
        Context {
            dataset,
            figures: f,
            locale,
            values,
        }
    }

    pub(super) fn fill(&self, template: &str) -> String {
        self.fill_with(template, &[])
    }

    /// Fills a template with `own` values first, then this context's.
    pub(super) fn fill_with(&self, template: &str, own: &[(&str, String)]) -> String {
        let pairs: Vec<(&str, &str)> = own
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .chain(self.values.iter().map(|(k, v)| (*k, v.as_str())))
            .collect();
        fill(template, &pairs)
    }

    /// Whether the figures count the ranged pledge at the reader's point (it is in the story,
    /// and not left out with the state-owned and state-backed pledges).
    pub(super) fn ranged_counted(&self) -> bool {
        let counted =
            |p: &crate::dataset::Pledge| Sum::of(self.figures) == Sum::Announced || p.is_private();
        self.dataset.ranged_pledge().is_some_and(counted) && self.value("ranged_point").is_some()
    }

    pub(super) fn value(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn sentences(
        &self,
        shown: Option<&Judgement>,
        per_year: bool,
    ) -> Vec<(&'static str, String)> {
        let s = self.locale.strings();
        let f = self.figures;
        // Nothing left unexplained: say so rather than "€0bn is not itemised".
        let all_itemised = f.unitemised_eur_bn.high.abs() < 0.05;
        let dated = self.value("as_of").is_some();
        let private = Sum::of(f) == Sum::WithoutLeftOut;
        let ranged = self.ranged_counted();
        let mut out = Vec::new();
        if self.value("about").is_some() {
            out.push(("intro", s.intro));
        }
        out.extend([
            ("lede", if per_year { s.lede_totals } else { s.lede }),
            (
                "pledges",
                match (all_itemised, dated, private, ranged) {
                    (true, ..) => s.pledges_all,
                    (false, true, true, _) => s.pledges_private,
                    (false, true, false, true) => s.pledges_ranged,
                    (false, true, false, false) => s.pledges,
                    (false, false, ..) => s.pledges_undated,
                },
            ),
        ]);
        if f.pledges_named_without_amount > 0 {
            out.push(("pledges_unnamed", s.pledges_unnamed));
        }
        if f.pledges_left_out > 0 && self.value("left_out").is_some() {
            // The sum left depends on the ranged pledge's point when that pledge is left out.
            let point_left_out = self
                .dataset
                .ranged_pledge()
                .is_some_and(|p| !p.is_private())
                && self.value("ranged_point").is_some();
            out.push((
                "private_only",
                if point_left_out {
                    s.private_only_ranged
                } else {
                    s.private_only
                },
            ));
        }
        out.push(("scaled", s.scaled));
        if per_year && self.value("ppy").is_some() {
            out.push(("horizon", s.horizon));
        }
        if self.value("gdp_ratio").is_some() {
            let by_year = per_year && self.value("fr_share_year").is_some();
            out.push(("gdp", if by_year { s.gdp_per_year } else { s.gdp }));
        }
        let by_gdp = shown.is_some_and(|j| j.yardstick == Yardstick::Gdp);
        let mut out: Vec<(&'static str, String)> = out
            .into_iter()
            .map(|(k, t)| (k, capitalize_first(self.fill(t))))
            .collect();
        // The verdict line and the parity follow the yardstick in effect.
        if let Some(j) = shown {
            out.push(("verdict", j.sentence.clone()));
        }
        // A parity no slider can reach is no help to a reader: said as such, not to 3 places.
        let reachable = |knob: crate::model::Knob, at: Option<f64>| {
            at.zip(Assumptions::range(self.dataset, knob))
                .is_some_and(|(v, r)| r.contains(v))
        };
        // Each value beyond its slider says so, in the lede as on the cards.
        let rate_in = reachable(crate::model::Knob::Rate, f.parity_eurusd);
        let pop_in = reachable(crate::model::Knob::SubjectPopulation, f.parity_pop_fr_m);
        let parity = if by_gdp && f.gdp_parity_package_eur_bn.is_some() {
            Some(s.gdp_parity)
        } else if by_gdp || f.parity_eurusd.is_none() {
            None
        } else {
            Some(match (rate_in, pop_in) {
                (true, true) => s.parity,
                (false, true) => s.parity_rate_beyond,
                (true, false) => s.parity_pop_beyond,
                (false, false) => s.parity_out_of_reach,
            })
        };
        let mut tail = Vec::new();
        if let Some(t) = parity {
            tail.push(("parity", t));
        }
        if self.value("article_ratio").is_some() {
            tail.push(("article_check", s.article_check));
        }
        if self.value("gw").is_some() {
            let full_year = f.assumptions.load_factor >= 1.0;
            tail.push(("energy", if full_year { s.energy } else { s.energy_load }));
        }
        out.extend(
            tail.into_iter()
                .map(|(k, t)| (k, capitalize_first(self.fill(t)))),
        );
        out
    }
    pub(super) fn display(&self) -> Vec<(&'static str, String)> {
        let l = self.locale;
        let f = self.figures;
        let base = self.dataset.subject.currency.as_ref();
        let quote = self.dataset.benchmark.currency.as_ref();
        let dash = || "\u{2013}".to_string();
        let opt = |x: Option<f64>, fmt: &dyn Fn(f64) -> String| x.map(fmt).unwrap_or_else(dash);
        let a = &f.assumptions;
        vec![
            ("announced_eur_bn", l.money_bn(f.announced_eur_bn, base, 1)),
            ("announced_usd_bn", l.money_bn(f.announced_usd_bn, quote, 1)),
            (
                "itemised_eur_bn",
                l.money_bn_range(f.itemised_eur_bn.low, f.itemised_eur_bn.high, base, 1),
            ),
            (
                "itemised_usd_bn",
                l.money_bn_range(f.itemised_usd_bn.low, f.itemised_usd_bn.high, quote, 1),
            ),
            (
                "unitemised_eur_bn",
                l.money_bn_range(f.unitemised_eur_bn.low, f.unitemised_eur_bn.high, base, 1),
            ),
            (
                "unitemised_usd_bn",
                l.money_bn_range(f.unitemised_usd_bn.low, f.unitemised_usd_bn.high, quote, 1),
            ),
            (
                "itemised_at_point_eur_bn",
                l.money_bn(f.itemised_at_point_eur_bn, base, 1),
            ),
            (
                "unitemised_at_point_eur_bn",
                l.money_bn(f.unitemised_at_point_eur_bn, base, 1),
            ),
            ("stargate_usd_bn", l.money_bn(f.stargate_usd_bn, quote, 1)),
            (
                "france_usd_per_person",
                l.money(f.france_usd_per_person, quote),
            ),
            ("us_usd_per_person", l.money(f.us_usd_per_person, quote)),
            ("per_person_ratio", opt(f.per_person_ratio, &|r| l.times(r))),
            (
                "stargate_scaled_to_france_usd_bn",
                l.money_bn(f.stargate_scaled_to_france_usd_bn, quote, 1),
            ),
            (
                "parity_eurusd",
                opt(f.parity_eurusd, &|r| l.rate_point(r, quote)),
            ),
            (
                "parity_pop_fr_m",
                opt(f.parity_pop_fr_m, &|p| l.millions(p, 1)),
            ),
            ("population_multiple", l.times(f.population_multiple)),
            (
                "article_implied_eurusd",
                opt(f.article_implied_eurusd, &|r| l.rate(r, quote)),
            ),
            (
                "article_per_person_ratio",
                opt(f.article_per_person_ratio, &|r| l.times(r)),
            ),
            (
                "nuclear_ai_twh_per_year",
                opt(f.nuclear_ai_twh_per_year, &|t| l.twh(t, 2)),
            ),
            (
                "nuclear_ai_share_of_exports",
                opt(f.nuclear_ai_share_of_exports, &|s| l.percent(s, 1)),
            ),
            (
                "france_share_of_gdp",
                opt(f.france_share_of_gdp, &|s| l.percent(s, 2)),
            ),
            (
                "us_share_of_gdp",
                opt(f.us_share_of_gdp, &|s| l.percent(s, 2)),
            ),
            ("gdp_share_ratio", opt(f.gdp_share_ratio, &|r| l.times(r))),
            (
                "france_share_of_gdp_per_year",
                opt(f.france_share_of_gdp_per_year, &|s| l.percent(s, 2)),
            ),
            (
                "us_share_of_gdp_per_year",
                opt(f.us_share_of_gdp_per_year, &|s| l.percent(s, 2)),
            ),
            (
                "gdp_parity_package_eur_bn",
                opt(f.gdp_parity_package_eur_bn, &|p| l.money_bn(p, base, 1)),
            ),
            (
                "france_usd_per_person_per_year",
                opt(f.france_usd_per_person_per_year, &|p| l.money(p, quote)),
            ),
            (
                "us_usd_per_person_per_year",
                opt(f.us_usd_per_person_per_year, &|p| l.money(p, quote)),
            ),
            (
                "private_announced_eur_bn",
                f.private_announced_eur_bn
                    .map_or_else(dash, |r| l.money_bn_range(r.low, r.high, base, 1)),
            ),
            ("eurusd", l.rate_exact(a.rate, quote)),
            ("pop_fr", l.millions(a.subject_population_m, 3)),
            ("pop_us", l.millions(a.benchmark_population_m, 1)),
            ("uae", opt(a.ranged_pledge_bn, &|u| l.money_bn(u, base, 1))),
            ("gdp_fr", opt(a.subject_gdp_bn, &|g| l.money_bn(g, base, 1))),
            (
                "gdp_us",
                opt(a.benchmark_gdp_bn, &|g| l.money_bn(g, quote, 1)),
            ),
            ("years_fr", opt(a.subject_years, &|y| years_alone(l, y))),
            ("load_factor", l.percent(a.load_factor, 0)),
        ]
    }
}
