//! `plural::category` against ICU4X's `icu_plurals` (its compiled CLDR data) as the oracle: the
//! same digits text gives ICU its operands (a `fixed_decimal::Decimal` parsed from it, trailing
//! zeros kept) and our `category_of_text`; `category(value, decimals)` is checked against the
//! digits the page's formatter prints for that value.

use fixed_decimal::Decimal;
use icu_locale_core::locale;
use icu_plurals::{PluralCategory, PluralRules};
use pledge_explainer::plural::{categories, category, category_of_text, Category};
use pledge_explainer::{Lang, Locale};

struct Oracle {
    rules: Vec<(Lang, PluralRules)>,
}

impl Oracle {
    fn new() -> Oracle {
        let rules = Lang::ALL
            .iter()
            .map(|&lang| {
                let locale = match lang {
                    Lang::En => locale!("en"),
                    Lang::Fr => locale!("fr"),
                    Lang::Ar => locale!("ar"),
                };
                (
                    lang,
                    PluralRules::try_new_cardinal(locale.into()).expect("ICU has en, fr, ar"),
                )
            })
            .collect();
        Oracle { rules }
    }

    fn rules(&self, lang: Lang) -> &PluralRules {
        &self.rules.iter().find(|(l, _)| *l == lang).unwrap().1
    }

    fn category(&self, lang: Lang, digits: &str) -> Category {
        let decimal: Decimal = digits
            .parse()
            .unwrap_or_else(|e| panic!("{digits:?}: {e:?}"));
        ours(self.rules(lang).category_for(&decimal))
    }
}

fn ours(category: PluralCategory) -> Category {
    match category {
        PluralCategory::Zero => Category::Zero,
        PluralCategory::One => Category::One,
        PluralCategory::Two => Category::Two,
        PluralCategory::Few => Category::Few,
        PluralCategory::Many => Category::Many,
        PluralCategory::Other => Category::Other,
    }
}

/// Collects disagreements instead of stopping at the first, so a failure shows its extent.
#[derive(Default)]
struct Mismatches {
    count: usize,
    first: Vec<String>,
}

impl Mismatches {
    fn check(&mut self, what: &str, lang: Lang, ours: Category, icu: Category) {
        if ours != icu {
            self.count += 1;
            if self.first.len() < 20 {
                self.first.push(format!(
                    "{} {what}: ours {ours:?}, ICU {icu:?}",
                    lang.code()
                ));
            }
        }
    }

    fn assert_none(self, checked: usize) {
        assert!(
            self.count == 0,
            "{} of {checked} disagree with ICU; first:\n{}",
            self.count,
            self.first.join("\n")
        );
    }
}

/// The digits the page prints for `value` at `decimals` places, Latin, without grouping.
fn printed(value: f64, decimals: u32) -> String {
    Locale::for_lang(Lang::En)
        .number(value, decimals)
        .replace(',', "")
}

#[test]
fn every_integer_to_100_000_as_icu() {
    let oracle = Oracle::new();
    let mut bad = Mismatches::default();
    let mut checked = 0;
    for lang in Lang::ALL {
        for n in 0..=100_000u32 {
            let text = n.to_string();
            let icu = oracle.category(lang, &text);
            bad.check(&text, lang, category(lang, f64::from(n), 0), icu);
            bad.check(&text, lang, category_of_text(lang, &text), icu);
            checked += 2;
        }
    }
    bad.assert_none(checked);
}

#[test]
fn decimals_with_one_and_two_places_to_200_as_icu() {
    let oracle = Oracle::new();
    let mut bad = Mismatches::default();
    let mut checked = 0;
    for lang in Lang::ALL {
        // 0.0–200.0 by 0.1 (v = 1, and the same values with v = 2: "1.50"), and by 0.01 (v = 2).
        for (step, places) in [(10u32, 1u32), (10, 2), (100, 2)] {
            for k in 0..=200 * step {
                let value = f64::from(k) / f64::from(step);
                let text = printed(value, places);
                let icu = oracle.category(lang, &text);
                bad.check(
                    &format!("{value} at {places} places ({text})"),
                    lang,
                    category(lang, value, places),
                    icu,
                );
                bad.check(&text, lang, category_of_text(lang, &text), icu);
                checked += 2;
            }
        }
    }
    bad.assert_none(checked);
}

#[test]
fn the_cases_each_rule_turns_on_as_icu() {
    let oracle = Oracle::new();
    let mut bad = Mismatches::default();
    let texts = [
        // French many (i % 1000000 = 0, i != 0, v = 0) and its neighbours.
        "1000000",
        "2000000",
        "1000000.0",
        "1000001",
        "999999",
        "10000000",
        "1000000000",
        "1000000000000",
        "5000000000000000",
        "1000000.00",
        "0",
        "0.0",
        "1",
        "1.00",
        "1.5",
        "1.99",
        "2",
        "2.0",
        "0.5",
        "000001",
        "-1",
        "-2000000",
        // Arabic: zero, one, two, few (n % 100 = 3..10), many (11..99) and the hundreds.
        "3",
        "10",
        "11",
        "99",
        "100",
        "101",
        "102",
        "103",
        "110",
        "111",
        "199",
        "200",
        "1003",
        "3.0",
        "3.5",
        "11.0",
        "103.00",
        "112.5",
        "0.9253",
        "1640",
        "1470",
        "368",
        "410",
        // Beyond nine integer digits (our kept digits) but within ICU's eighteen.
        "1000000000003",
        "123456789012",
        "100000000001",
        "1000000000000000002",
        // Many fraction digits.
        "0.000001",
        "1.000000",
        "2.0000000000",
        "12.3456789",
    ];
    for text in texts {
        for lang in Lang::ALL {
            bad.check(
                text,
                lang,
                category_of_text(lang, text),
                oracle.category(lang, text),
            );
        }
    }
    bad.assert_none(texts.len() * 3);
}

#[test]
fn category_of_a_value_is_that_of_the_digits_printed() {
    // Values where rounding decides: the category follows what the reader sees.
    let oracle = Oracle::new();
    let mut bad = Mismatches::default();
    let mut checked = 0;
    let values = [
        0.0,
        0.4,
        0.5,
        0.999,
        1.0,
        1.004,
        1.005,
        1.5,
        1.95,
        2.0,
        2.004,
        2.5,
        9.9999,
        10.49,
        10.5,
        99.5,
        102.96,
        109.0,
        112.5,
        999_999.6,
        1_000_000.0,
        1_999_999.99,
        2_000_000.0,
        1640.4,
        -1.0,
        -2_000_000.0,
        0.9253,
        1.032,
        1e12,
        3e15,
        8.99e15,
    ];
    for lang in Lang::ALL {
        for value in values {
            for places in 0..=6 {
                let text = printed(value, places);
                let icu = oracle.category(lang, &text);
                bad.check(
                    &format!("{value} at {places} places ({text})"),
                    lang,
                    category(lang, value, places),
                    icu,
                );
                checked += 1;
            }
        }
    }
    bad.assert_none(checked);
}

#[test]
fn what_facts_md_names() {
    // /work/shared/facts.md, "Language": the Arabic categories an editor relies on.
    assert_eq!(category(Lang::Ar, 109.0, 0), Category::Few); // ١٠٩ مليارات يورو
    assert_eq!(category(Lang::Ar, 10.0, 0), Category::Few);
    assert_eq!(category(Lang::Ar, 3.0, 0), Category::Few);
    assert_eq!(category(Lang::Ar, 1640.0, 0), Category::Many); // ١٬٦٤٠ دولارًا
    assert_eq!(category(Lang::Ar, 1470.0, 0), Category::Many);
    assert_eq!(category(Lang::Ar, 368.0, 0), Category::Many);
    assert_eq!(category(Lang::Ar, 410.0, 0), Category::Few); // ٤١٠ دولارات
    assert_eq!(category(Lang::Ar, 112.5, 1), Category::Other); // ١١٢٫٥ مليار دولار
    assert_eq!(category(Lang::Ar, 0.9253, 4), Category::Other);
    assert_eq!(category(Lang::Ar, 83.0, 0), Category::Many); // ٨٣ مليار يورو (idafa)
    assert_eq!(category(Lang::Fr, 1.5, 1), Category::One); // 1,5 milliard
}

#[test]
fn random_digit_strings_up_to_eighteen_integer_digits_as_icu() {
    // ICU keeps 18 integer digits; we keep 9 and a flag. A fixed xorshift, so a failure repeats.
    let oracle = Oracle::new();
    let mut bad = Mismatches::default();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move |below: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % below
    };
    let count = 50_000;
    for _ in 0..count {
        let int_len = 1 + next(18) as usize;
        let mut text: String = (0..int_len)
            .map(|_| char::from(b'0' + next(10) as u8))
            .collect();
        // A quarter end in six zeros, so French many (i % 1000000 = 0) is met often.
        if next(4) == 0 && int_len > 6 {
            text.truncate(int_len - 6);
            text.push_str("000000");
        }
        match next(3) {
            0 => {}
            1 => {
                text.push('.');
                text.push_str(&"0".repeat(1 + next(4) as usize));
            }
            _ => {
                text.push('.');
                text.extend((0..1 + next(6)).map(|_| char::from(b'0' + next(10) as u8)));
            }
        }
        for lang in Lang::ALL {
            bad.check(
                &text,
                lang,
                category_of_text(lang, &text),
                oracle.category(lang, &text),
            );
        }
    }
    bad.assert_none(count * 3);
}

#[test]
fn each_language_s_categories_as_icu_and_their_names() {
    let oracle = Oracle::new();
    for lang in Lang::ALL {
        let icu: Vec<Category> = oracle.rules(lang).categories().map(ours).collect();
        assert_eq!(categories(lang).collect::<Vec<_>>(), icu, "{}", lang.code());
    }
    for category in Category::ALL {
        assert_eq!(Category::parse(category.name()), Some(category));
        let icu = PluralCategory::get_for_cldr_string(category.name()).map(ours);
        assert_eq!(icu, Some(category), "{}", category.name());
    }
    assert_eq!(Category::parse("Few"), None);
    assert_eq!(Category::parse(""), None);
}
