//! Decimal text to `f64` and back, without `str::parse::<f64>` or `std::fmt`.
//!
//! Why: core's float parser (its slow path and a 10 KB table of powers of five) is about 14 KB
//! of gzipped wasm, a fifth of the page's code. Every number the explainer reads (a dataset,
//! a URL parameter, a typed value, a number it wrote itself) has at most 19 significant
//! digits and a decimal exponent within ±22 once the digits are an integer (`1.0320` is
//! 10320e-4, `0.30000000000000004` is 30000000000000004e-17): those are converted exactly,
//! correctly rounded, with integer arithmetic (`exact`). Farther exponents (`4.2e-200`) are
//! within a few units in the last place, not guaranteed correctly rounded.

/// The shortest text that reads back as `v` (`1.0325`, `50`, `0.30000000000000004`), for
/// machines: URLs, CSV, JSON. `NaN`, `inf`, `-inf` for the rest. Through `zmij` (what
/// serde_json writes with): `std::fmt`'s float machinery (some 20 KB of wasm) is linked nowhere.
pub fn plain(v: f64) -> String {
    if v.is_nan() {
        return "NaN".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let mut buffer = zmij::Buffer::new();
    let text = buffer.format_finite(v);
    text.strip_suffix(".0").unwrap_or(text).to_string()
}

/// 10^0 ..= 10^22: every one exactly representable as an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads an optional `+` or `-` at `bytes[*i]`, moving past it; true for `-`.
fn sign(bytes: &[u8], i: &mut usize) -> bool {
    match bytes.get(*i) {
        Some(b'-') => {
            *i += 1;
            true
        }
        Some(b'+') => {
            *i += 1;
            false
        }
        _ => false,
    }
}

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (also `.5` and `5.`), the whole text.
/// `None` for anything else, words like `inf` and `NaN` included; a value too large for an
/// `f64` comes back infinite, as from `str::parse`.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = sign(bytes, &mut i);
    let mut mantissa: u64 = 0;
    let mut digits = 0; // significant digits kept in `mantissa`
    let mut exponent: i64 = 0; // of ten, applied to `mantissa`
    let mut seen_digit = false;
    let mut seen_point = false;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                seen_digit = true;
                if digits < 19 {
                    if mantissa != 0 || b != b'0' {
                        digits += 1;
                    }
                    mantissa = mantissa * 10 + (b - b'0') as u64;
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    exponent += 1; // a digit beyond what a u64 holds: dropped, its place kept
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        i += 1;
        let minus = sign(bytes, &mut i);
        let start = i;
        let mut e: i64 = 0;
        while let Some(&b @ b'0'..=b'9') = bytes.get(i) {
            e = (e * 10 + (b - b'0') as i64).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += if minus { -e } else { e };
    }
    if i != bytes.len() {
        return None;
    }
    let value = scale(mantissa, exponent);
    Some(if negative { -value } else { value })
}

/// 5^0 ..= 5^22 (5^22 < 2^52).
const POW5: [u64; 23] = {
    let mut p = [1u64; 23];
    let mut i = 1;
    while i < 23 {
        p[i] = p[i - 1] * 5;
        i += 1;
    }
    p
};

/// `mantissa × 10^exponent`, rounded.
fn scale(mantissa: u64, exponent: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    if let Some(v) = exact(mantissa, exponent) {
        return v;
    }
    // 123e25: move powers of ten into the mantissa while it stays exact.
    const EXACT: f64 = (1u64 << 53) as f64;
    if (23..=37).contains(&exponent) && (mantissa as f64) < EXACT {
        let shifted = mantissa as f64 * POW10[(exponent - 22) as usize];
        if shifted < EXACT {
            return shifted * 1e22;
        }
    }
    // Past every f64 (a mantissa has at most 19 digits): no arithmetic needed, nor wanted
    // (infinity times the zero low half would be NaN).
    if exponent > 310 {
        return f64::INFINITY;
    }
    if exponent < -345 {
        return 0.0;
    }
    // Far exponents: the mantissa as two exact halves, each scaled once, then added.
    let high = (mantissa >> 32) << 32;
    let low = mantissa - high;
    let (h, l) = (high as f64, low as f64);
    if exponent >= 0 {
        let p = pow10(exponent);
        h * p + l * p
    } else if exponent >= -308 {
        let p = pow10(-exponent);
        h / p + l / p
    } else {
        // Below the smallest normal power: two steps, so the power itself does not underflow.
        let p = pow10(-exponent - 308);
        (h / 1e308 + l / 1e308) / p
    }
}

/// Correctly rounded for |exponent| ≤ 22 and any mantissa, in integers: 10^k = 5^k × 2^k,
/// and the power of two is exact in an `f64`. Dividing, the quotient keeps 75 bits or more
/// and its last bit records a remainder, so the one rounding (`u128` to `f64`) is right.
fn exact(mantissa: u64, exponent: i64) -> Option<f64> {
    if !(-22..=22).contains(&exponent) {
        return None;
    }
    let k = exponent.unsigned_abs() as i32;
    let five = POW5[k as usize] as u128;
    if exponent >= 0 {
        return Some((mantissa as u128 * five) as f64 * pow2(k));
    }
    let shift = 64 + mantissa.leading_zeros() as i32;
    let numerator = (mantissa as u128) << shift;
    let quotient = (numerator / five) | (!numerator.is_multiple_of(five)) as u128;
    Some(quotient as f64 * pow2(-(shift + k)))
}

/// 2^e for -1022 ≤ e ≤ 1023, exactly.
fn pow2(e: i32) -> f64 {
    f64::from_bits(((1023 + e) as u64) << 52)
}

/// 10^k for any `k`: exact up to 10^22, the nearest `f64` down to 10^-22, within a few units
/// in the last place beyond.
pub fn pow10i(k: i32) -> f64 {
    if k >= 0 {
        pow10(k as i64)
    } else if k >= -308 {
        1.0 / pow10(-(k as i64))
    } else {
        1.0 / pow10(308) / pow10(-(k as i64) - 308)
    }
}

/// 10^n for n ≥ 0 by squaring exact powers (infinite past 10^308).
fn pow10(n: i64) -> f64 {
    if n <= 22 {
        return POW10[n as usize];
    }
    let mut result = 1.0;
    let mut base = 10.0f64;
    let mut n = n;
    while n > 0 {
        if n & 1 == 1 {
            result *= base;
        }
        base *= base;
        n >>= 1;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_persons_numbers_are_exact() {
        for text in [
            "0",
            "1",
            "-1",
            "1.032",
            "1.0320",
            "68.606",
            "340.1",
            "2919.9",
            "29184.9",
            "0.0005",
            "109",
            "1e3",
            "1.5E-3",
            "+7",
            ".5",
            "5.",
            "0.1",
            "0.3",
            "123456789012345",
            "1e22",
            "4.2e30",
            "-0.0",
        ] {
            assert_eq!(parse(text), Some(text.parse::<f64>().unwrap()), "{text}");
        }
    }

    #[test]
    fn machine_numbers_round_trip() {
        for v in [
            0.1 + 0.2,
            1.0325000000000002,
            std::f64::consts::PI,
            123456789.12345678,
            68.60600000000001,
            1.0 / 3.0,
            2.0f64.sqrt() * 1e-5,
        ] {
            assert_eq!(parse(&v.to_string()), Some(v), "{v}");
        }
        // Many: every f64 with a short exponent written shortest comes back exactly.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = (x >> 11) as f64 / (1u64 << 53) as f64 * 1000.0;
            assert_eq!(parse(&v.to_string()), Some(v), "{v}");
        }
        // Far exponents: within a few units in the last place.
        for v in [1.2345678901234567e200, 9.87654321e-200, 1.7e308, 3.3e-300] {
            let back = parse(&format!("{v:e}")).unwrap();
            assert!(((back - v) / v).abs() < 1e-15, "{v:e}: {back:e}");
        }
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for text in [
            "", "-", ".", "e5", "1e", "1e+", "1.2.3", "abc", "inf", "NaN", "Infinity", " 1", "1 ",
            "0x10", "1,5",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
        assert_eq!(parse("1e400"), Some(f64::INFINITY));
        assert_eq!(parse("1e-400"), Some(0.0));
        assert_eq!(parse("1e99999999999999999999"), Some(f64::INFINITY));
    }
}

/// Rounds half up as a reader does on the decimal figure, not on its nearest float:
/// 109 × 0.85 is 92.65 (92.649999… as an f64), which a reader rounds to 92.7. The nudge is a
/// few units in the last place, so it never moves a value that is not a float's miss of a half.
pub fn round_half_up(x: f64) -> f64 {
    (x + x.abs() * 4.0 * f64::EPSILON).round()
}
