//! Refusals worded for a reader: a dataset's problems and a refused assumption, from the data
//! that describes them (`Problem`, `AssumptionError`) and the reader's language tables.

use crate::dataset::{DatasetError, Kind, Problem};
use crate::format::Locale;
use crate::lang::{fill, Lang};
use crate::model::AssumptionError;

/// One problem with a dataset, with its JSON path in front (`subject.currency: unknown…`).
pub fn dataset_error_message(error: &DatasetError, lang: Lang) -> String {
    let message = problem_message(&error.problem, lang);
    match (error.path.is_empty(), lang) {
        (true, _) => message,
        // The path is JSON, always left to right: isolate it inside Arabic text.
        (false, Lang::Ar) => format!("\u{2066}{}\u{2069}: {}", error.path, message),
        (false, _) => format!("{}: {}", error.path, message),
    }
}

/// What is wrong, without the path: the editor shows it next to the field the path names.
pub fn problem_message(problem: &Problem, lang: Lang) -> String {
    let s = lang.strings();
    let l = Locale::for_lang(lang);
    let num = |x: f64| l.number_trim(x, 4);
    match problem {
        Problem::Malformed {
            line,
            column,
            detail,
        } => fill(
            s.err_malformed,
            &[
                ("line", &l.number(*line as f64, 0)),
                ("column", &l.number(*column as f64, 0)),
                ("detail", detail),
            ],
        ),
        Problem::UnknownField { expected } => {
            let list = expected.join(", ");
            // Field names are JSON, left to right: isolated inside Arabic text.
            let list = match lang {
                Lang::Ar => format!("\u{2066}{list}\u{2069}"),
                _ => list,
            };
            fill(s.err_unknown_field, &[("expected", &list)])
        }
        Problem::Missing => s.err_missing.to_string(),
        Problem::WrongType { expected, found } => fill(
            s.err_wrong_type,
            &[
                ("expected", kind_name(*expected, lang)),
                ("found", kind_name(*found, lang)),
            ],
        ),
        Problem::UnsupportedVersion { found } => {
            fill(s.err_version, &[("found", &l.number(*found as f64, 0))])
        }
        Problem::Negative { value } => fill(s.err_negative, &[("value", &num(*value))]),
        Problem::NotPositive { value } => fill(s.err_not_positive, &[("value", &num(*value))]),
        Problem::NotFinite => s.err_not_finite.to_string(),
        Problem::LowAboveHigh { low, high } => fill(
            s.err_low_above_high,
            &[("low", &num(*low)), ("high", &num(*high))],
        ),
        Problem::HalfRange => s.err_half_range.to_string(),
        Problem::UnknownCurrency { code } => fill(s.err_currency, &[("code", code)]),
        Problem::UnknownSource { id } => fill(s.err_source, &[("id", id)]),
        Problem::UnknownLanguage { code } => fill(s.err_language, &[("code", code)]),
        Problem::UnknownKind { found } => fill(s.err_kind, &[("found", found)]),
        Problem::MissingKindSource => s.err_kind_source.to_string(),
        Problem::UnknownAssertion { found } => fill(s.err_asserts, &[("found", found)]),
        Problem::NotAYear { value } => {
            fill(s.err_year, &[("value", &crate::decimal::plain(*value))])
        }
        Problem::Duplicate { name } => fill(s.err_duplicate, &[("name", name)]),
        Problem::Empty => s.err_empty.to_string(),
        Problem::TooLong { max } => fill(s.err_too_long, &[("max", &l.number(*max as f64, 0))]),
        Problem::TooMany { max } => fill(s.err_too_many, &[("max", &l.number(*max as f64, 0))]),
        Problem::OutsideRange { value, min, max } => fill(
            s.err_outside_range,
            &[
                ("value", &num(*value)),
                ("min", &num(*min)),
                ("max", &num(*max)),
            ],
        ),
        Problem::BadRange => s.err_bad_range.to_string(),
        Problem::RateMustBeOne => s.err_rate_one.to_string(),
    }
}

fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    let s = lang.strings();
    match kind {
        Kind::Null => s.kind_null,
        Kind::Bool => s.kind_bool,
        Kind::Number => s.kind_number,
        Kind::Text => s.kind_text,
        Kind::List => s.kind_list,
        Kind::Object => s.kind_object,
    }
}

pub fn assumption_error_message(error: &AssumptionError, lang: Lang) -> String {
    let s = lang.strings();
    let l = Locale::for_lang(lang);
    match error {
        AssumptionError::NotANumber => s.why_not_a_number.to_string(),
        AssumptionError::OutOfRange { min, max } => fill(
            s.why_out_of_range,
            &[
                ("min", &l.number_trim(*min, 4)),
                ("max", &l.number_trim(*max, 4)),
            ],
        ),
        AssumptionError::NotApplicable => s.why_not_applicable.to_string(),
    }
}
