//! The number formatter as a reader meets it (src/format.rs's own tests check the digit
//! arithmetic): the figures inside each kind of value, in each language, and the choices a
//! reader's language tag makes. Words around the numbers are the string tables' (they may be
//! reworded); what is checked here is the number each one shows.

use pledge_explainer::format::{Digits, Locale};
use pledge_explainer::lang::Lang;

const AR_MA: Locale = Locale {
    lang: Lang::Ar,
    digits: Digits::Latin,
    prose: false,
};

/// The text without the Arabic isolates (FSI…PDI) a quantity is wrapped in.
fn bare(s: &str) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

#[test]
fn a_sourced_rate_keeps_its_four_places_and_a_slider_rate_drops_zeros() {
    assert!(Locale::EN.rate_exact(1.032, "USD").contains("1.0320"));
    assert!(Locale::FR.rate_exact(1.032, "USD").contains("1,0320"));
    assert!(Locale::AR.rate_exact(1.032, "USD").contains("١٫٠٣٢٠"));
    assert!(!Locale::EN.rate_exact(1.032, "USD").trim().is_empty());
    assert!(
        Locale::EN.rate(1.032, "USD").contains("1.032")
            && !Locale::EN.rate(1.032, "USD").contains("1.0320")
    );
    assert!(Locale::EN.rate(1.02752, "USD").contains("1.0275"));
    assert!(
        Locale::EN.rate(1.0, "USD").contains('1') && !Locale::EN.rate(1.0, "USD").contains("1.0")
    );
}

#[test]
fn each_kind_of_value_shows_its_number() {
    let en = Locale::EN;
    assert!(
        en.money_bn(109.0, "EUR", 1).contains("109")
            && !en.money_bn(109.0, "EUR", 1).contains("109.0")
    );
    assert!(en.money_bn(112.488, "USD", 1).contains("112.5"));
    assert!(en.money(1639.58, "USD").contains("1,640"));
    assert!(en.times(1.1234).contains("1.12"));
    assert!(en.times(5.0).contains("5.00") || en.times(5.0).contains('5'));
    assert!(en.percent(0.0373, 2).contains("3.73"));
    assert!(en.percent(0.097, 1).contains("9.7"));
    assert!(en.millions(68.606, 1).contains("68.6"));
    assert!(en.millions(340.0, 1).contains("340") && !en.millions(340.0, 1).contains("340.0"));
    assert!(en.twh(8.76, 2).contains("8.76"));
    assert!(en.gw(1.0).contains('1') && !en.gw(1.0).contains("1.0"));
    // Under a gigawatt, megawatts, as the sources write it.
    assert!(en.gw(0.25).contains("250 MW"));
    // In French the decimal comma; in Arabic Arabic-Indic digits with the Arabic decimal sign.
    assert!(Locale::FR.percent(0.0373, 2).contains("3,73"));
    assert!(Locale::AR.percent(0.0373, 2).contains("٣٫٧٣"));
    assert!(Locale::AR.millions(68.606, 1).contains("٦٨٫٦"));
    assert!(AR_MA.millions(68.606, 1).contains("68,6"));
    // Arabic with Latin digits writes a Latin percent sign.
    assert!(AR_MA.percent(0.5, 0).contains("50") && AR_MA.percent(0.5, 0).contains('%'));
}

#[test]
fn a_range_shows_both_ends_and_collapses_when_they_round_alike() {
    let both = Locale::EN.money_bn_range(63.0, 83.0, "EUR", 1);
    assert!(both.contains("63") && both.contains("83"), "{both}");
    let one = Locale::EN.money_bn_range(49.96, 50.04, "EUR", 0);
    assert_eq!(one, Locale::EN.money_bn(50.0, "EUR", 0));
    let apart = Locale::EN.money_bn_range(49.94, 50.06, "EUR", 1);
    assert!(apart.contains("49.9") && apart.contains("50.1"), "{apart}");
    let ar = bare(&Locale::AR.money_bn_range(30.0, 50.0, "EUR", 1));
    assert!(ar.contains("٣٠") && ar.contains("٥٠"), "{ar}");
}

#[test]
fn arabic_quantities_are_isolated_and_others_are_not() {
    for s in [
        Locale::AR.money_bn(109.0, "EUR", 1),
        Locale::AR.times(1.12),
        Locale::AR.percent(0.1, 0),
        Locale::AR.millions(68.0, 1),
        Locale::AR.twh(8.76, 2),
        Locale::AR.gw(1.0),
        Locale::AR.money(1640.0, "USD"),
        Locale::AR.rate(1.032, "USD"),
        Locale::AR.rate_exact(1.032, "USD"),
        Locale::AR.money_bn_range(30.0, 50.0, "EUR", 1),
    ] {
        assert!(
            s.starts_with('\u{2068}') && s.ends_with('\u{2069}'),
            "{s:?}"
        );
    }
    for s in [Locale::EN.money_bn(109.0, "EUR", 1), Locale::FR.times(1.12)] {
        assert!(!s.contains('\u{2068}'), "{s:?}");
    }
}

#[test]
fn a_language_tag_gives_back_the_same_locale() {
    for tag in ["en", "fr", "ar", "ar-MA", "ar-EG", "AR_dz", " fr-CA "] {
        let locale = Locale::parse(tag).unwrap();
        assert_eq!(Locale::parse(locale.tag()), Some(locale), "{tag}");
    }
    assert_eq!(Locale::parse("ar-MA").unwrap().tag(), "ar-MA");
    assert_eq!(Locale::parse("ar-EG").unwrap().tag(), "ar");
    assert_eq!(Locale::parse("en-GB").unwrap().tag(), "en");
    // A word is not a tag: `?lang=arabic` is no language (the page's scripts agree).
    for bad in ["arabic", "english", "e", "", "-ar", "zz-ar"] {
        assert_eq!(Locale::parse(bad), None, "{bad}");
    }
    for lang in Lang::ALL {
        assert_eq!(Locale::for_lang(lang).lang, lang);
        assert_eq!(Locale::parse(lang.code()), Some(Locale::for_lang(lang)));
    }
    assert_ne!(Locale::AR.digits.code(), AR_MA.digits.code());
}

#[test]
fn digits_in_converts_only_for_arabic_indic() {
    assert_eq!(Locale::EN.digits_in("2025"), "2025");
    assert_eq!(AR_MA.digits_in("2025"), "2025");
    assert_eq!(Locale::AR.digits_in("2025 x"), "٢٠٢٥ x");
}

#[test]
fn negatives_and_rounding_read_right() {
    assert_eq!(Locale::EN.number(-1234.5, 1), "-1,234.5");
    assert_eq!(Locale::EN.number(-0.04, 1), "0.0");
    assert_eq!(Locale::EN.number(0.05, 1), "0.1");
    assert_eq!(Locale::EN.number(1234567.0, 0), "1,234,567");
    assert_eq!(Locale::EN.number(123.0, 0), "123");
    assert_eq!(Locale::EN.number(1.5, 8), "1.500000");
    assert_eq!(Locale::FR.number(-1.0, 0), "\u{2212}1");
    assert_eq!(AR_MA.number(-1.0, 0), "\u{200E}-1");
    assert_eq!(Locale::EN.number_trim(2.50, 2), "2.5");
    assert_eq!(Locale::EN.number_trim(2.0, 0), "2");
    assert_eq!(Locale::EN.number_trim(-3.10, 2), "-3.1");
}

/// A dataset's dates in words, and anything that is not a date shown as it is (a month 13,
/// day 0, month 0): a journalist's typo is visible, never "undefined 2025".
#[test]
fn dates_in_words_and_malformed_ones_as_they_are() {
    for (iso, long, short) in [
        ("2025-02-09", "9 February 2025", "9 Feb"),
        ("2024-05", "May 2024", "May 2024"),
        ("2024-12", "December 2024", "December 2024"),
        ("2024-01-31", "31 January 2024", "31 Jan"),
        ("2024", "2024", "2024"),
        ("2025-13-09", "2025-13-09", "2025-13-09"),
        ("2025-00-09", "2025-00-09", "2025-00-09"),
        ("2025-02-00", "2025-02-00", "2025-02-00"),
        ("2025-13", "2025-13", "2025-13"),
        ("2025-00", "2025-00", "2025-00"),
        ("2025-2-9", "2025-2-9", "2025-2-9"),
        ("2025-02-09-01", "2025-02-09-01", "2025-02-09-01"),
        ("soon", "soon", "soon"),
    ] {
        assert_eq!(Locale::EN.date(iso), long, "{iso}");
        assert_eq!(Locale::EN.date_short(iso), short, "{iso}");
    }
    assert_eq!(Locale::FR.date("2025-02-09"), "9\u{a0}février 2025");
    assert_eq!(Locale::AR.date("2025-02-09"), "٩ فبراير ٢٠٢٥");
}

/// Ratios in running text: whole from two up ("5 times"), two places otherwise; in Arabic
/// "of" below one as printed, "as much as" when printed as 1.00, and CLDR's plural forms.
#[test]
fn ratios_in_words_at_the_edges_of_each_form() {
    for (value, en, ar) in [
        (0.74, "0.74 times", "٠٫٧٤ من"),
        (0.994, "0.99 times", "٠٫٩٩ من"),
        (0.996, "1.00 times", "ما يعادل"),
        (1.0, "1.00 times", "ما يعادل"),
        (1.004, "1.00 times", "ما يعادل"),
        (1.006, "1.01 times", "١٫٠١ ضعف"),
        (1.12, "1.12 times", "١٫١٢ ضعف"),
        (1.994, "1.99 times", "١٫٩٩ ضعف"),
        (1.996, "2 times", "ضعفا"),
        (2.004, "2 times", "ضعفا"),
        (2.006, "2.01 times", "٢٫٠١ ضعف"),
        (3.0, "3 times", "٣ أضعاف"),
        (11.0, "11 times", "١١ ضعفًا"),
    ] {
        assert_eq!(bare(&Locale::EN.times_text(value)), en, "{value}");
        // The bare ratio and the "×" form print the same number.
        let n = en.trim_end_matches(" times");
        assert_eq!(Locale::EN.ratio(value), n, "{value}");
        assert_eq!(Locale::EN.times(value), format!("{n}×"), "{value}");
        assert_eq!(bare(&Locale::AR.times_text(value)), ar, "{value}");
    }
}

/// Power: megawatts below one gigawatt, never "0 MW" for nothing; a range of billions in a
/// table ("63–83 Md€") and in running text (« de 63 à 83 milliards d’euros »).
#[test]
fn power_and_ranges_of_billions_in_tables_and_in_prose() {
    for (gw, shown) in [
        (0.0, "0 GW"),
        (0.25, "250 MW"),
        (1.0, "1 GW"),
        (1.5, "1.5 GW"),
    ] {
        assert_eq!(Locale::EN.gw(gw), shown, "{gw}");
    }
    assert_eq!(Locale::EN.money_bn_range(63.0, 83.0, "EUR", 1), "€63–83bn");
    assert_eq!(Locale::EN.money_bn_range(20.0, 20.0, "EUR", 1), "€20bn");
    let table = Locale::FR.money_bn_range(63.0, 83.0, "EUR", 1);
    let prose = Locale::FR.for_prose().money_bn_range(63.0, 83.0, "EUR", 1);
    assert!(!table.starts_with("de "), "{table}");
    assert!(prose.starts_with("de 63 à 83"), "{prose}");
}
