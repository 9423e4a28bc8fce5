//! TEMPORARY stand-in (replaced by the plurals branch): CLDR cardinal plural categories.
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category { Zero, One, Two, Few, Many, Other }

pub fn category(lang: Lang, value: f64, visible_decimals: u32) -> Category {
    if !value.is_finite() || value.abs() > 9.0e15 {
        return Category::Other;
    }
    let scale = 10f64.powi(visible_decimals.min(6) as i32);
    let scaled = (value.abs() * scale).round();
    let i = (scaled / scale).trunc() as u64;
    let f = (scaled as u64) % (scale as u64).max(1);
    let v = visible_decimals;
    match lang {
        Lang::En => if i == 1 && v == 0 { Category::One } else { Category::Other },
        Lang::Fr => {
            if i == 0 || i == 1 { Category::One }
            else if v == 0 && i != 0 && i % 1_000_000 == 0 { Category::Many }
            else { Category::Other }
        }
        Lang::Ar => {
            if f != 0 { return Category::Other; }
            let n100 = i % 100;
            match i {
                0 => Category::Zero,
                1 => Category::One,
                2 => Category::Two,
                _ if (3..=10).contains(&n100) => Category::Few,
                _ if (11..=99).contains(&n100) => Category::Many,
                _ => Category::Other,
            }
        }
    }
}
