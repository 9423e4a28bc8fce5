//! CLDR cardinal plural categories of en, fr and ar, for the number as the page prints it: the
//! noun a count takes ("١٠٩ مليارات" few, "١٬٦٤٠ دولارًا" many, "1,5 milliard" one).
//!
//! Why hand-written rules, checked against ICU: measured 2026-12-01 in a scratch cdylib that
//! exports `category(lang_code, n, decimals)` through wasm-bindgen 0.2.130 (opt-level "z", LTO,
//! panic=abort, then wasm-opt -Oz with scripts/build.sh's flags), bytes raw / gzip -9:
//!   the export with no rules (baseline)                         9 180 /  3 944
//!   this file (`category`)                                      10 389 /  4 615  (+1.2 K / +0.7 K)
//!   icu_plurals 2.4, compiled data (CLDR 49, 120 locales)       37 851 / 17 010  (+28.7 K / +13.1 K)
//!   icu_plurals 2.4, en/fr/ar data only (a provider holding
//!   the three baked entries, `try_new_cardinal_unstable`)       16 715 /  8 084  (+7.5 K / +4.1 K)
//! Against the page's wasm (about 63 KB gzip) ICU costs 6–21 %, this file 1 %; so the rules are
//! written here and ICU is the oracle of `tests/plurals.rs` (a native dev-dependency only).
//!
//! The rules are data (`EN`, `FR`, `AR`: CLDR's own relations, one small table per language),
//! read by a short evaluator; `tests/plurals.rs` compares every category with ICU4X's
//! `icu_plurals` (its compiled CLDR data) over all integers 0..=100 000 and many decimals.

use crate::lang::Lang;

/// A CLDR plural category (the cardinal ones; English and French use two or three of them,
/// Arabic all six).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// CLDR's name of the category ("few"), as a dataset or a string table keys its forms.
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The categories `lang` distinguishes, in CLDR's order, `Other` last: the forms a counted noun
/// needs in that language (en: one, other; fr: one, many, other; ar: all six).
pub fn categories(lang: Lang) -> impl Iterator<Item = Category> {
    rules(lang)
        .iter()
        .map(|(category, _)| *category)
        .chain([Category::Other])
}

/// The category of `value` as the page prints it with `visible_decimals` places (trailing zeros
/// kept): the operands come from that text, so 112.5 with 1 decimal has v = 1, 1.0 with 2
/// decimals ("1.00") has v = 2, and 0.999 with 0 decimals ("1") is one in English. Rounding is
/// `format::Locale::number`'s: at most 6 places, half away from zero, sign ignored (CLDR takes
/// the absolute value). Not finite, or too large for every digit to be exact: `Other`.
pub fn category(lang: Lang, value: f64, visible_decimals: u32) -> Category {
    operands_of_value(value, visible_decimals).map_or(Category::Other, |ops| select(lang, &ops))
}

/// The category of a number already written with Latin digits and `.` as the decimal point
/// ("112.5", "1640", "0.9253", "1.00", an optional leading `-` or `+`), digits counted as
/// written. Anything else (grouping separators, exponents, an empty string): `Other`.
pub fn category_of_text(lang: Lang, latin_digits: &str) -> Category {
    operands_of_text(latin_digits).map_or(Category::Other, |ops| select(lang, &ops))
}

// ---------------------------------------------------------------------------------------------
// The rules, as CLDR writes them (CLDR 46–49 `common/supplemental/plurals.xml`: the same text
// in each, French's `many` since CLDR 42; ICU4X 2.4's data, the tests' oracle, is CLDR 49).
// A category holds when any of its `or` branches holds, a branch when all its relations do; a
// language's categories are tried in order, and `other` is what is left.
//
//   en  one:  i = 1 and v = 0
//   fr  one:  i = 0,1
//       many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5
//   ar  zero: n = 0
//       one:  n = 1
//       two:  n = 2
//       few:  n % 100 = 3..10
//       many: n % 100 = 11..99
// ---------------------------------------------------------------------------------------------

/// A CLDR plural operand (UTS #35, Part 3, "Plural Operand Meanings").
#[derive(Clone, Copy)]
enum Operand {
    /// The absolute value (an integer here only when its fraction is zero).
    N,
    /// The integer digits.
    I,
    /// The number of visible fraction digits, with trailing zeros.
    V,
    /// The compact exponent (always 0: the page writes "109 milliards", not "109c9").
    E,
}

/// `operand [% modulo] (= | !=) ranges`: CLDR's relation. `modulo` 0 means none.
struct Relation {
    operand: Operand,
    modulo: u64,
    equal: bool,
    ranges: &'static [(u64, u64)],
}

const fn rel(
    operand: Operand,
    modulo: u64,
    equal: bool,
    ranges: &'static [(u64, u64)],
) -> Relation {
    Relation {
        operand,
        modulo,
        equal,
        ranges,
    }
}

/// A category and its `or` branches of `and`ed relations.
type Rule = (Category, &'static [&'static [Relation]]);

const EN: &[Rule] = &[(
    Category::One,
    &[&[
        rel(Operand::I, 0, true, &[(1, 1)]),
        rel(Operand::V, 0, true, &[(0, 0)]),
    ]],
)];

const FR: &[Rule] = &[
    (Category::One, &[&[rel(Operand::I, 0, true, &[(0, 1)])]]),
    (
        Category::Many,
        &[
            &[
                rel(Operand::E, 0, true, &[(0, 0)]),
                rel(Operand::I, 0, false, &[(0, 0)]),
                rel(Operand::I, 1_000_000, true, &[(0, 0)]),
                rel(Operand::V, 0, true, &[(0, 0)]),
            ],
            &[rel(Operand::E, 0, false, &[(0, 5)])],
        ],
    ),
];

const AR: &[Rule] = &[
    (Category::Zero, &[&[rel(Operand::N, 0, true, &[(0, 0)])]]),
    (Category::One, &[&[rel(Operand::N, 0, true, &[(1, 1)])]]),
    (Category::Two, &[&[rel(Operand::N, 0, true, &[(2, 2)])]]),
    (Category::Few, &[&[rel(Operand::N, 100, true, &[(3, 10)])]]),
    (
        Category::Many,
        &[&[rel(Operand::N, 100, true, &[(11, 99)])]],
    ),
];

fn rules(lang: Lang) -> &'static [Rule] {
    match lang {
        Lang::En => EN,
        Lang::Fr => FR,
        Lang::Ar => AR,
    }
}

/// Every modulo in the rules divides this; so does every range end stay below it. The integer
/// digits are kept modulo it, with a flag for "more digits than that".
const KEPT: u64 = 1_000_000_000;

/// The operands of a number as written. Only what the rules above read: `i` as its last nine
/// digits and whether there are more, whether the fraction has a non-zero digit, and `v`.
#[derive(Debug, PartialEq, Eq)]
struct Operands {
    i_low: u64,
    i_beyond: bool,
    fraction_nonzero: bool,
    v: u64,
}

fn select(lang: Lang, ops: &Operands) -> Category {
    for (category, branches) in rules(lang) {
        if branches
            .iter()
            .any(|relations| relations.iter().all(|r| holds(r, ops)))
        {
            return *category;
        }
    }
    Category::Other
}

fn holds(relation: &Relation, ops: &Operands) -> bool {
    // `None`: a value no integer range contains (a fraction for `n`, or an integer part beyond
    // `KEPT` without a modulo to bring it down).
    let value = match (relation.operand, relation.modulo) {
        (Operand::N, _) if ops.fraction_nonzero => None,
        (Operand::N | Operand::I, 0) if ops.i_beyond => None,
        (Operand::N | Operand::I, 0) => Some(ops.i_low),
        (Operand::N | Operand::I, m) => Some(ops.i_low % m),
        (Operand::V, 0) => Some(ops.v),
        (Operand::V, m) => Some(ops.v % m),
        (Operand::E, _) => Some(0),
    };
    let within = value.is_some_and(|x| relation.ranges.iter().any(|&(lo, hi)| lo <= x && x <= hi));
    within == relation.equal
}

/// The largest scaled integer whose every digit an `f64` holds exactly (below 2^53), as in
/// `format::Locale::number`, which prints no more than this.
const EXACT_LIMIT: f64 = 9.0e15;

fn operands_of_value(value: f64, visible_decimals: u32) -> Option<Operands> {
    if !value.is_finite() {
        return None;
    }
    let decimals = visible_decimals.min(6);
    let scale = 10u64.pow(decimals);
    // The same rounding as the formatter, so the category is that of the printed digits.
    let scaled = crate::decimal::round_half_up(value.abs() * scale as f64);
    if scaled > EXACT_LIMIT {
        return None;
    }
    let scaled = scaled as u64;
    let i = scaled / scale;
    Some(Operands {
        i_low: i % KEPT,
        i_beyond: i >= KEPT,
        fraction_nonzero: scaled % scale != 0,
        v: decimals as u64,
    })
}

fn operands_of_text(text: &str) -> Option<Operands> {
    // Bytes and iterators only: no `str` indexing in code the wasm reaches.
    let bytes = text.as_bytes();
    let unsigned = bytes
        .strip_prefix(b"-")
        .or_else(|| bytes.strip_prefix(b"+"))
        .unwrap_or(bytes);
    let mut parts = unsigned.splitn(2, |&b| b == b'.');
    let int_part = parts.next().unwrap_or_default();
    let fraction = parts.next();
    let all_digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
    // "5." and ".5" are not how anyone prints a number: refused with the rest.
    if int_part.is_empty()
        || !all_digits(int_part)
        || fraction.is_some_and(|f| f.is_empty() || !all_digits(f))
    {
        return None;
    }
    let significant = int_part.iter().skip_while(|&&b| b == b'0');
    let i_digits = significant.clone().count();
    let i_low = significant.fold(0u64, |acc, &b| (acc * 10 + u64::from(b - b'0')) % KEPT);
    let fraction = fraction.unwrap_or_default();
    Some(Operands {
        i_low,
        i_beyond: i_digits > 9,
        fraction_nonzero: fraction.iter().any(|&b| b != b'0'),
        v: fraction.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_s_numbers() {
        assert_eq!(category(Lang::Ar, 109.0, 0), Category::Few);
        assert_eq!(category(Lang::Ar, 1640.0, 0), Category::Many);
        assert_eq!(category(Lang::Ar, 410.0, 0), Category::Few);
        assert_eq!(category(Lang::Ar, 112.5, 1), Category::Other);
        assert_eq!(category(Lang::Ar, 2.0, 1), Category::Two);
        assert_eq!(category(Lang::Fr, 1.5, 1), Category::One);
        assert_eq!(category(Lang::Fr, 2_000_000.0, 0), Category::Many);
        assert_eq!(category(Lang::Fr, 2_000_000.0, 1), Category::Other);
        assert_eq!(category(Lang::En, 1.0, 2), Category::Other);
        assert_eq!(category(Lang::En, 0.999, 0), Category::One);
        assert_eq!(category_of_text(Lang::Ar, "0.9253"), Category::Other);
        assert_eq!(category_of_text(Lang::Fr, "1000000000000"), Category::Many);
        assert_eq!(category_of_text(Lang::En, "-1"), Category::One);
    }

    #[test]
    fn no_panic_and_other_on_what_is_not_a_number() {
        for lang in Lang::ALL {
            for v in [
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                1e300,
                f64::MAX,
                9.1e15,
            ] {
                assert_eq!(category(lang, v, 0), Category::Other);
                assert_eq!(category(lang, v, u32::MAX), Category::Other);
            }
            for t in [
                "", "-", ".", "5.", ".5", "1,640", "1e3", "١٠٩", "1.2.3", "--1", " 1", "é",
            ] {
                assert_eq!(category_of_text(lang, t), Category::Other, "{t:?}");
            }
        }
    }
}
