//! How far apart two figures are, decided on the figures as printed, and each claim's
//! verdict in words (its badge and its sentence).

use super::*;

/// Within this share of each other, two figures count as the same ("the claim holds").
pub const SAME_PROPORTION_TOLERANCE: f64 = 0.01;
/// Within this share of each other (and not the same), two figures are close.
pub const CLOSE_TOLERANCE: f64 = 0.15;
/// From this ratio up (or below its inverse), one figure is a multiple of the other.
pub const MULTIPLE_FROM: f64 = 2.0;

/// Which way the subject's figure lies from the benchmark's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Holds,
    More,
    Less,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Holds => "holds",
            Verdict::More => "more",
            Verdict::Less => "less",
        }
    }
}

/// How far apart the two figures are, in the words a verdict uses: the same (under 1%), close
/// (under 15%), clearly apart, or one a multiple of the other (2× or more, or under half).
/// The thresholds are the constants above, the same in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gap {
    Same,
    Close,
    Clear,
    Multiple,
}

impl Gap {
    pub fn name(self) -> &'static str {
        match self {
            Gap::Same => "same",
            Gap::Close => "close",
            Gap::Clear => "clear",
            Gap::Multiple => "multiple",
        }
    }
}

pub fn verdict(ratio: Option<f64>) -> Option<Verdict> {
    let r = ratio.filter(|r| r.is_finite())?;
    Some(if gap(Some(r)) == Some(Gap::Same) {
        Verdict::Holds
    } else if r > 1.0 {
        Verdict::More
    } else {
        Verdict::Less
    })
}

/// The gap as the reader sees it: decided on the figures as they are printed (the percentage
/// to one place below 10%, else to the unit; the ratio to two places), so the words never
/// contradict the number beside them ("15% more" is never "close").
pub fn gap(ratio: Option<f64>) -> Option<Gap> {
    let r = ratio.filter(|r| r.is_finite())?;
    let apart = (r - 1.0).abs() * 100.0;
    // Rounded as the formatter rounds what it prints.
    let round = crate::format::round_half_up;
    let shown_apart = if apart < 9.95 {
        round(apart * 10.0) / 10.0
    } else {
        round(apart)
    };
    let shown_ratio = round(r * 100.0) / 100.0;
    Some(if shown_apart < SAME_PROPORTION_TOLERANCE * 100.0 {
        Gap::Same
    } else if shown_apart < CLOSE_TOLERANCE * 100.0 {
        Gap::Close
    } else if shown_ratio >= MULTIPLE_FROM || shown_ratio < 1.0 / MULTIPLE_FROM {
        Gap::Multiple
    } else {
        Gap::Clear
    })
}

/// One yardstick's verdict, in words: the badge beside its claim and the sentence in the prose.
#[derive(Debug, Clone, Serialize)]
pub struct Judgement {
    pub yardstick: Yardstick,
    pub verdict: Verdict,
    pub gap: Gap,
    pub ratio: f64,
    /// What the claim asserts: its verdict answers that.
    pub asserts: Asserts,
    pub badge: String,
    pub sentence: String,
}

impl Judgement {
    pub(super) fn new(
        yardstick: Yardstick,
        ratio: Option<f64>,
        per_year: bool,
        claim: Option<&crate::dataset::Claim>,
        short: &Context,
        prose: &Context,
    ) -> Option<Judgement> {
        let asserts = claim.map_or(Asserts::Same, |c| c.assertion());
        let (verdict, gap, ratio) = (verdict(ratio)?, gap(ratio)?, ratio?);
        let s = short.locale.strings();
        // A claim that the subject's is at least the benchmark's ("even in our favour") is
        // answered yes or no first; one that they are the same ratio, by how close they are.
        let holds = verdict != Verdict::Less;
        let (badge, sentence) = match (asserts, gap, verdict) {
            (Asserts::AtLeast, _, _) if holds => (s.badge_true, s.verdict_true),
            (Asserts::AtLeast, _, _) => (s.badge_false, s.verdict_false),
            (_, gap, verdict) => match (gap, verdict) {
                (Gap::Same, _) | (_, Verdict::Holds) => (s.badge_same, s.verdict_same),
                (Gap::Close, Verdict::More) => (s.badge_close_more, s.verdict_close_more),
                (Gap::Close, _) => (s.badge_close_less, s.verdict_close_less),
                (Gap::Clear, Verdict::More) => (s.badge_clear_more, s.verdict_clear_more),
                (Gap::Clear, _) => (s.badge_clear_less, s.verdict_clear_less),
                (Gap::Multiple, Verdict::More) => (s.badge_multiple_more, s.verdict_multiple_more),
                (Gap::Multiple, _) => (s.badge_multiple_less, s.verdict_multiple_less),
            },
        };
        let per = match (yardstick, per_year) {
            (Yardstick::Person, false) => s.per_person,
            (Yardstick::Person, true) => s.per_person_year,
            (Yardstick::Gdp, false) => s.by_gdp,
            (Yardstick::Gdp, true) => s.by_gdp_year,
        };
        // The sentence names the package right after the phrase: the phrase need not (« s’il »).
        let per_in_sentence = match (yardstick, per_year) {
            (Yardstick::Person, true) => s.per_person_year_in_sentence,
            (Yardstick::Gdp, true) => s.by_gdp_year_in_sentence,
            _ => per,
        };
        let words = |ctx: &Context, template: &str, per: &str| {
            let l = ctx.locale;
            let pct = (ratio - 1.0).abs();
            // Who made the claim the verdict answers, and what the ratio is of (Arabic names
            // the benchmark's figure after a ratio: "٠٫٤٠ من نصيب الفرد من …").
            let claimant = claim
                .map(|c| c.speaker.get(l.lang).to_string())
                .unwrap_or_default();
            let de_claimant =
                crate::grammar::joined(l.lang, "de", &claimant).unwrap_or_else(|| claimant.clone());
            let (subject, object) = match yardstick {
                Yardstick::Person => (
                    l.strings().ratio_subject_person,
                    l.strings().ratio_object_person,
                ),
                Yardstick::Gdp => (l.strings().ratio_subject_gdp, l.strings().ratio_object_gdp),
            };
            let own = [
                ("per", ctx.fill(per)),
                ("pct", l.percent(pct, if pct < 0.1 { 1 } else { 0 })),
                ("times", l.times_text(ratio)),
                ("times_short", l.times(ratio)),
                ("claimant", claimant),
                ("de_claimant", de_claimant),
                ("ratio_object", ctx.fill(object)),
                ("ratio_subject", ctx.fill(subject)),
            ];
            capitalize_first(ctx.fill_with(template, &own))
        };
        // A verdict on a sum the speaker did not name says which sum it weighs.
        let mut badge = words(short, badge, per);
        if Sum::of(short.figures) == Sum::WithoutLeftOut {
            badge.push_str(&short.fill(s.badge_without));
        }
        Some(Judgement {
            yardstick,
            verdict,
            gap,
            ratio,
            asserts,
            badge,
            sentence: words(prose, sentence, per_in_sentence),
        })
    }
}
