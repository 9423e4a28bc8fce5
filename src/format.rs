//! The one number formatter, used by the prose, the table, the charts and the CLI.
//!
//! Written by hand rather than with `format!`: it is on every slider move, it must give the
//! same digits natively and in wasm, and `std::fmt`'s float machinery is large in wasm.

use crate::i18n::Strings;
use crate::lang::{fill, Lang};
use crate::plural::{category, Category};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digits {
    Latin,
    /// ٠١٢٣٤٥٦٧٨٩ (U+0660–U+0669)
    ArabicIndic,
}

impl Digits {
    /// One letter, for cache keys.
    pub fn code(self) -> char {
        match self {
            Digits::Latin => 'l',
            Digits::ArabicIndic => 'a',
        }
    }
}

/// A language plus the regional conventions that change how numbers look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Locale {
    pub lang: Lang,
    pub digits: Digits,
    /// Running text rather than a table or a chart: French spells units out there ("109
    /// milliards d’euros", "1,032 dollar") where a table writes "109 Md€".
    pub prose: bool,
}

pub use crate::decimal::round_half_up;

impl Locale {
    pub const EN: Locale = Locale {
        lang: Lang::En,
        digits: Digits::Latin,
        prose: false,
    };
    pub const FR: Locale = Locale {
        lang: Lang::Fr,
        digits: Digits::Latin,
        prose: false,
    };
    pub const AR: Locale = Locale {
        lang: Lang::Ar,
        digits: Digits::ArabicIndic,
        prose: false,
    };

    /// From a BCP 47 tag such as `ar`, `ar-MA`, `fr-CA`, `en_GB`. The Maghreb writes Arabic
    /// with Latin digits; the Gulf, Egypt and the Levant with Arabic-Indic ones.
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let lang = Lang::parse(parts.next()?)?;
        let region = parts.find(|p| p.len() == 2);
        let digits = match (lang, region) {
            (Lang::Ar, Some("ma" | "dz" | "tn" | "ly" | "eh")) => Digits::Latin,
            (Lang::Ar, _) => Digits::ArabicIndic,
            _ => Digits::Latin,
        };
        Some(Locale {
            lang,
            digits,
            prose: false,
        })
    }

    pub fn for_lang(lang: Lang) -> Locale {
        match lang {
            Lang::En => Locale::EN,
            Lang::Fr => Locale::FR,
            Lang::Ar => Locale::AR,
        }
    }

    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    fn separators(&self) -> (&'static str, &'static str) {
        // (group, decimal)
        match (self.lang, self.digits) {
            (Lang::En, _) => (",", "."),
            // French groups with a narrow no-break space, so "1 650" never wraps.
            (Lang::Fr, _) => ("\u{202F}", ","),
            (Lang::Ar, Digits::ArabicIndic) => ("\u{066C}", "\u{066B}"),
            (Lang::Ar, Digits::Latin) => (".", ","),
        }
    }

    fn minus(&self) -> &'static str {
        match (self.lang, self.digits) {
            // ALM (Arabic-Indic digits) or LRM (Latin digits, as in the Maghreb) keeps the sign
            // on the number's side in right-to-left text, as CLDR has it.
            (Lang::Ar, Digits::ArabicIndic) => "\u{061C}-",
            (Lang::Ar, Digits::Latin) => "\u{200E}-",
            (Lang::Fr, _) => "\u{2212}",
            (Lang::En, _) => "-",
        }
    }

    /// The tag that gives this locale back: `en`, `fr`, `ar`, or `ar-MA` for Arabic with Latin
    /// digits (any Maghreb region formats the same way).
    pub fn tag(&self) -> &'static str {
        match (self.lang, self.digits) {
            (Lang::Ar, Digits::Latin) => "ar-MA",
            (lang, _) => lang.code(),
        }
    }

    /// A quantity inside Arabic text is isolated (FSI…PDI) so that its digits, signs and unit
    /// never reorder with the words around it.
    fn quantity(&self, text: String) -> String {
        if self.lang == Lang::Ar {
            format!("\u{2068}{text}\u{2069}")
        } else {
            text
        }
    }

    fn push_digit(&self, out: &mut String, d: u8) {
        let base = match self.digits {
            Digits::Latin => '0' as u32,
            Digits::ArabicIndic => 0x0660,
        };
        out.push(char::from_u32(base + d as u32).unwrap_or('?'));
    }

    /// Converts Latin digits in a string to this locale's (for years and the like in templates).
    pub fn digits_in(&self, s: &str) -> String {
        if self.digits == Digits::Latin {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len() * 2);
        for c in s.chars() {
            match c.to_digit(10) {
                Some(d) => self.push_digit(&mut out, d as u8),
                None => out.push(c),
            }
        }
        out
    }

    /// A number with `decimals` places (trailing zeros kept), grouped. Not-finite values
    /// become an en dash: a reader never sees NaN.
    pub fn number(&self, value: f64, decimals: u32) -> String {
        if !value.is_finite() {
            return "\u{2013}".to_string();
        }
        let decimals = decimals.min(6);
        let scale = 10u64.pow(decimals) as f64;
        // Beyond 2^53 an f64 holds no fractional part worth showing.
        let scaled = round_half_up(value.abs() * scale).min(9.0e15);
        let mut n = scaled as u64;
        let negative = value < 0.0 && n != 0;

        let mut frac = [0u8; 6];
        for i in (0..decimals as usize).rev() {
            frac[i] = (n % 10) as u8;
            n /= 10;
        }
        let mut int_digits = Vec::with_capacity(20);
        loop {
            int_digits.push((n % 10) as u8);
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let (group, point) = self.separators();
        let mut out = String::with_capacity(32);
        if negative {
            out.push_str(self.minus());
        }
        // All three languages group from four digits (CLDR: 1,650 / 1 650 / ١٬٦٥٠).
        let len = int_digits.len();
        for (i, d) in int_digits.iter().rev().enumerate() {
            if i > 0 && (len - i) % 3 == 0 {
                out.push_str(group);
            }
            self.push_digit(&mut out, *d);
        }
        if decimals > 0 {
            out.push_str(point);
            for d in &frac[..decimals as usize] {
                self.push_digit(&mut out, *d);
            }
        }
        out
    }

    /// Like [`number`](Self::number) but drops a fractional part of zeros ("109", "112.5").
    pub fn number_trim(&self, value: f64, max_decimals: u32) -> String {
        self.number(value, self.trim_places(value, max_decimals))
    }

    /// How many places [`number_trim`](Self::number_trim) keeps.
    fn trim_places(&self, value: f64, max_decimals: u32) -> u32 {
        let mut d = max_decimals.min(6);
        while d > 0 {
            let scale = 10f64.powi(d as i32);
            let scaled = round_half_up(value * scale);
            if (scaled / 10.0).fract() != 0.0 {
                break;
            }
            d -= 1;
        }
        d
    }

    /// The same locale for running text (see [`Locale::prose`]).
    pub fn for_prose(self) -> Locale {
        Locale {
            prose: true,
            ..self
        }
    }

    /// The CLDR plural category of `value` as it is printed with `decimals` places.
    pub fn category(&self, value: f64, decimals: u32) -> Category {
        category(self.lang, value, decimals)
    }

    /// Billions of a currency: "€109bn", "109 Md€" (tables) or "109 milliards d’euros"
    /// (French prose), "١٠٩ مليارات يورو" (the noun agrees with the number).
    pub fn money_bn(&self, value: f64, currency: &str, max_decimals: u32) -> String {
        let (n, decimals) = self.trimmed(value, max_decimals);
        self.billions(&n, self.category(value, decimals), currency)
    }

    fn billions(&self, n: &str, cat: Category, currency: &str) -> String {
        let s = self.strings();
        let pattern = match s.money_bn_text {
            text if self.prose && !text.is_empty() => text,
            _ => s.money_bn,
        };
        let amounts = s.currency_amount(currency);
        self.quantity(fill(
            pick(pattern, cat),
            &[
                ("n", n),
                ("cur", s.currency(currency)),
                ("of", form(amounts, "of").unwrap_or(s.currency(currency))),
            ],
        ))
    }

    /// An amount in currency units, to the unit: "$1,640", "1 640 $" (tables), "1 640 dollars"
    /// (French prose), "١٬٦٤٠ دولارًا".
    pub fn money(&self, value: f64, currency: &str) -> String {
        self.units(&self.number(value, 0), self.category(value, 0), currency)
    }

    /// `n` (already written) of a currency's units, in words where this language writes them.
    fn units(&self, n: &str, cat: Category, currency: &str) -> String {
        let s = self.strings();
        let amounts = s.currency_amount(currency);
        let words = self.lang == Lang::Ar || self.prose;
        let pattern = match amounts {
            a if words && !a.is_empty() => pick(a, cat),
            _ => s.money,
        };
        self.quantity(fill(pattern, &[("n", n), ("cur", s.currency(currency))]))
    }

    /// A sourced rate as its source writes it: four decimals, trailing zeros kept (1.0320).
    pub fn rate_exact(&self, value: f64, currency: &str) -> String {
        self.units(&self.number(value, 4), self.category(value, 4), currency)
    }

    /// A computed exchange rate (where two figures are equal): "$0.925", to three places,
    /// the precision a reader needs of a point no source gives.
    pub fn rate_point(&self, value: f64, currency: &str) -> String {
        self.units(&self.number(value, 3), self.category(value, 3), currency)
    }

    /// An exchange rate: "$1.032" per euro, to four places at most.
    pub fn rate(&self, value: f64, currency: &str) -> String {
        let (n, decimals) = self.trimmed(value, 4);
        self.units(&n, self.category(value, decimals), currency)
    }

    /// [`number_trim`](Self::number_trim) and how many places it kept.
    fn trimmed(&self, value: f64, max_decimals: u32) -> (String, u32) {
        let decimals = self.trim_places(value, max_decimals);
        (self.number(value, decimals), decimals)
    }

    /// A counted noun ("4 years", "٣ سنوات", "سنة واحدة") from a template with plural forms.
    pub fn counted(&self, template: &str, value: f64, max_decimals: u32) -> String {
        let (n, decimals) = self.trimmed(value, max_decimals);
        fill(pick(template, self.category(value, decimals)), &[("n", &n)])
    }

    /// A date of a dataset ("2025-02-09", "2024-05", "2024") in words: "9 February 2025",
    /// "9 février 2025", "٩ فبراير ٢٠٢٥". Anything else is shown as it is.
    pub fn date(&self, iso: &str) -> String {
        let s = self.strings();
        let month_name = |m: usize| s.months.split('|').nth(m - 1).unwrap_or_default();
        match parse_date(iso) {
            Some((year, month, Some(day))) => fill(
                s.date_day,
                &[
                    ("day", &self.number(day as f64, 0)),
                    ("month", month_name(month)),
                    ("year", &self.digits_in(year)),
                ],
            ),
            Some((year, month, None)) => fill(
                s.date_month,
                &[
                    ("month", month_name(month)),
                    ("year", &self.digits_in(year)),
                ],
            ),
            None => self.digits_in(iso),
        }
    }

    /// A day without its year, with the month shortened, for chart labels: "9 Feb",
    /// "9 févr.", "٩ فبراير"; anything but a full date as [`date`](Self::date) writes it.
    pub fn date_short(&self, iso: &str) -> String {
        let s = self.strings();
        match parse_date(iso) {
            Some((_, month, Some(day))) => fill(
                s.date_short,
                &[
                    ("day", &self.number(day as f64, 0)),
                    (
                        "month",
                        s.months_short.split('|').nth(month - 1).unwrap_or_default(),
                    ),
                ],
            ),
            _ => self.date(iso),
        }
    }

    /// A ratio in running text: "1.12 times", "1,12 fois", "١٫١٢ ضعف", "٠٫٧٤ من".
    pub fn times_text(&self, value: f64) -> String {
        let s = self.strings();
        let decimals = ratio_places(value);
        let n = self.number(value, decimals);
        let cat = self.category(value, decimals);
        // Below one (as printed) Arabic says "0.74 of", not "0.74 times": not a CLDR category.
        // Printed as 1.00, Arabic says "as much as" (ما يعادل), not "1.00 of".
        let printed_one = decimals == 2 && (value * 100.0).round() == 100.0;
        let pattern = match (form(s.times_text, "equal"), form(s.times_text, "fraction")) {
            (Some(f), _) if printed_one => f,
            // Below one as printed (the arm above takes what prints as 1.00).
            (_, Some(f)) if value < 1.005 => f,
            _ => pick(s.times_text, cat),
        };
        self.quantity(fill(pattern, &[("n", &n)]))
    }

    /// A ratio as a bare number, to the places [`times`](Self::times) prints it: "1.12", "5".
    pub fn ratio(&self, value: f64) -> String {
        self.number(value, ratio_places(value))
    }

    /// A ratio: "1.12×".
    pub fn times(&self, value: f64) -> String {
        let n = self.number(value, ratio_places(value));
        self.quantity(fill(self.strings().times, &[("n", &n)]))
    }

    /// A share in [0, 1] as a percentage: "9.7%", "9,7 %", "٩٫٧٪".
    pub fn percent(&self, share: f64, decimals: u32) -> String {
        // Arabic with Latin digits writes the Latin percent sign, kept on its side by an LRM.
        let pattern = match (self.lang, self.digits) {
            (Lang::Ar, Digits::Latin) => "{n}\u{200E}%",
            _ => self.strings().percent,
        };
        self.quantity(fill(
            pattern,
            &[("n", &self.number(share * 100.0, decimals))],
        ))
    }

    /// Millions of people: "68.6m", "68,6 M", "٦٨٫٦ مليون".
    pub fn millions(&self, value: f64, max_decimals: u32) -> String {
        self.quantity(self.counted(self.strings().millions, value, max_decimals))
    }

    pub fn twh(&self, value: f64, decimals: u32) -> String {
        self.quantity(fill(
            self.strings().twh,
            &[("n", &self.number(value, decimals))],
        ))
    }

    /// Power: "1 GW", and under a gigawatt in megawatts ("250 MW", as the sources write it).
    pub fn gw(&self, value: f64) -> String {
        let s = self.strings();
        if value > 0.0 && value < 1.0 {
            return self.quantity(self.counted(s.mw, value * 1000.0, 0));
        }
        self.quantity(self.counted(s.gw, value, 2))
    }

    /// A low–high range of billions, collapsing to one figure when they are equal. The noun
    /// agrees with the last number ("٦٣–٨٣ مليار يورو"); French prose writes "de 63 à 83
    /// milliards d’euros".
    pub fn money_bn_range(&self, low: f64, high: f64, currency: &str, max_decimals: u32) -> String {
        let (lo, _) = self.trimmed(low, max_decimals);
        let (hi, decimals) = self.trimmed(high, max_decimals);
        if lo == hi {
            return self.money_bn(low, currency, max_decimals);
        }
        let s = self.strings();
        let pattern = match s.range_text {
            text if self.prose && !text.is_empty() => text,
            _ => s.range,
        };
        let range = fill(pattern, &[("low", &lo), ("high", &hi)]);
        self.billions(&range, self.category(high, decimals), currency)
    }
}

/// The form of a plural template for a category. A template is one form for every number, or
/// forms by CLDR category, `one=…|other=…` (`zero`, `one`, `two`, `few`, `many`, `other`); a
/// category it does not name takes `other`.
pub fn pick(template: &str, cat: Category) -> &str {
    if !template.contains('=') {
        return template;
    }
    form(template, cat.name())
        .or_else(|| form(template, "other"))
        .unwrap_or(template)
}

/// The form named `key` in a `key=…|key=…` template.
fn form<'a>(template: &'a str, key: &str) -> Option<&'a str> {
    template.split('|').find_map(|part| {
        let (k, v) = part.split_once('=')?;
        (k == key).then_some(v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_decimals_per_locale() {
        let cases: &[(Locale, f64, u32, &str)] = &[
            (Locale::EN, 1639.58, 0, "1,640"),
            (Locale::EN, 1234567.891, 2, "1,234,567.89"),
            (Locale::EN, 0.925341, 4, "0.9253"),
            (Locale::EN, -3.25, 1, "-3.3"),
            (Locale::EN, -0.01, 1, "0.0"),
            (Locale::FR, 1639.58, 0, "1\u{202F}640"),
            (Locale::FR, 112.488, 1, "112,5"),
            (Locale::FR, -2.5, 1, "\u{2212}2,5"),
            (Locale::AR, 1639.58, 0, "١٬٦٤٠"),
            (Locale::AR, 112.488, 1, "١١٢٫٥"),
            (Locale::AR, 109.0, 0, "١٠٩"),
            (Locale::AR, -4.0, 0, "\u{061C}-٤"),
            (
                Locale {
                    lang: Lang::Ar,
                    digits: Digits::Latin,
                    prose: false,
                },
                1639.58,
                1,
                "1.639,6",
            ),
            (Locale::EN, 999.96, 1, "1,000.0"),
            (Locale::EN, 0.0, 0, "0"),
        ];
        for (locale, value, decimals, want) in cases {
            assert_eq!(
                &locale.number(*value, *decimals),
                want,
                "{locale:?} {value} {decimals}"
            );
        }
    }

    #[test]
    fn never_shows_nan_or_infinity() {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(Locale::EN.number(v, 2), "\u{2013}");
        }
        // Huge but finite values are shown, not wrapped around.
        assert!(Locale::EN.number(1e300, 0).starts_with("9,000,000"));
    }

    #[test]
    fn trims_only_zero_fractions() {
        assert_eq!(Locale::EN.number_trim(109.0, 1), "109");
        assert_eq!(Locale::EN.number_trim(112.488, 1), "112.5");
        assert_eq!(Locale::EN.number_trim(1.0275, 4), "1.0275");
        assert_eq!(Locale::EN.number_trim(1.032, 4), "1.032");
        assert_eq!(Locale::EN.number_trim(0.99999, 2), "1");
    }

    #[test]
    fn locale_tags_choose_digits_by_region() {
        let cases = [
            ("ar", Digits::ArabicIndic),
            ("ar-EG", Digits::ArabicIndic),
            ("ar-AE", Digits::ArabicIndic),
            ("ar-SA", Digits::ArabicIndic),
            ("ar-LB", Digits::ArabicIndic),
            ("ar-MA", Digits::Latin),
            ("ar_DZ", Digits::Latin),
            ("ar-TN", Digits::Latin),
            ("fr-CA", Digits::Latin),
        ];
        for (tag, digits) in cases {
            assert_eq!(Locale::parse(tag).map(|l| l.digits), Some(digits), "{tag}");
        }
        assert_eq!(Locale::parse("de"), None);
        assert_eq!(Locale::parse(""), None);
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown() {
        assert_eq!(fill("{a} and {b} {", &[("a", "1")]), "1 and {b} {");
    }

    #[test]
    fn money_in_each_language() {
        assert_eq!(Locale::EN.money_bn(109.0, "EUR", 1), "€109bn");
        assert_eq!(Locale::EN.money_bn(112.488, "USD", 1), "$112.5bn");
        assert_eq!(Locale::FR.money_bn(109.0, "EUR", 1), "109\u{A0}Md€");
        assert_eq!(
            Locale::AR.money_bn(109.0, "EUR", 1),
            "\u{2068}١٠٩ مليارات يورو\u{2069}"
        );
        assert_eq!(Locale::EN.money(1639.6, "USD"), "$1,640");
        assert_eq!(Locale::FR.money(1639.6, "USD"), "1\u{202F}640\u{A0}$");
        assert_eq!(Locale::EN.money_bn_range(63.0, 83.0, "EUR", 1), "€63–83bn");
        assert_eq!(Locale::EN.money_bn_range(20.0, 20.0, "EUR", 1), "€20bn");
        assert_eq!(Locale::EN.percent(0.0973, 1), "9.7%");
        assert_eq!(Locale::FR.percent(0.0973, 1), "9,7\u{A0}%");
        assert_eq!(Locale::AR.percent(0.0973, 1), "\u{2068}٩٫٧٪\u{2069}");
        let ma = Locale::parse("ar-MA").unwrap();
        assert_eq!(ma.percent(0.0973, 1), "\u{2068}9,7\u{200E}%\u{2069}");
        assert_eq!(ma.number(-2.5, 1), "\u{200E}-2,5");
        assert_eq!(ma.tag(), "ar-MA");
        assert_eq!(Locale::parse("ar-EG").unwrap().tag(), "ar");
        assert_eq!(Locale::EN.times(1.1153), "1.12×");
    }
}

/// "2025-02-09" or "2024-05" (a year of four digits, a month 01–12, a day from 01): the year
/// as written, the month and the day; `None` for anything else ("2024", "2025-13", "soon").
fn parse_date(iso: &str) -> Option<(&str, usize, Option<u32>)> {
    let digits = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok())?
    };
    let mut parts = iso.split('-');
    let year = parts.next().filter(|y| digits(y, 4).is_some())?;
    let month = digits(parts.next()?, 2).filter(|m| (1..=12).contains(m))? as usize;
    let day = match parts.next() {
        None => None,
        Some(d) => Some(digits(d, 2).filter(|d| *d >= 1)?),
    };
    parts.next().is_none().then_some((year, month, day))
}

/// The places a ratio is printed with, the same in every form ("5×", "5 times", "5"): none
/// for a whole one from two up, two otherwise ("4.96", "1.10", and "1.00" near one).
fn ratio_places(value: f64) -> u32 {
    if value >= 1.995 && (value - value.round()).abs() < 0.005 {
        0
    } else {
        2
    }
}
