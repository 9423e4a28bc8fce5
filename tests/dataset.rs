//! Validation: each broken dataset is refused with a message naming the JSON path and the
//! problem. Data-driven: (what, a change to the default dataset, expected path, expected text).

use pledge_explainer::dataset::{Problem, DEFAULT_DATASET_JSON};
use pledge_explainer::messages::dataset_error_message;
use pledge_explainer::{Dataset, Lang};
use serde_json::{json, Value};

fn default_value() -> Value {
    serde_json::from_str(DEFAULT_DATASET_JSON).unwrap()
}

/// Sets `pointer` (RFC 6901) to `new`, or removes it when `new` is None.
fn with(pointer: &str, new: Option<Value>) -> String {
    let mut v = default_value();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = v
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"));
    match (target, new) {
        (Value::Object(map), Some(n)) => {
            map.insert(key.to_string(), n);
        }
        (Value::Object(map), None) => {
            map.remove(key);
        }
        (Value::Array(items), Some(n)) => items[key.parse::<usize>().unwrap()] = n,
        (Value::Array(items), None) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{pointer} is not in an object or array"),
    }
    serde_json::to_string_pretty(&v).unwrap()
}

fn errors_of(json: &str) -> Vec<String> {
    match Dataset::from_json(json) {
        Ok(_) => vec![],
        Err(errors) => errors
            .iter()
            .map(|e| dataset_error_message(e, Lang::En))
            .collect(),
    }
}

#[test]
fn the_default_dataset_is_valid_and_round_trips() {
    let d = Dataset::default_story();
    let again = Dataset::from_json(&d.to_json_pretty()).expect("its own output is valid");
    assert_eq!(d, again);
}

#[test]
fn each_problem_is_named_with_its_path() {
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unknown kind of pledge",
            with("/subject/pledges/2/kind", Some(json!("public"))),
            "subject.pledges[2].kind: is not a kind of pledge (“public”)",
        ),
        (
            "a kind without its source",
            with("/subject/pledges/2/kind_source", None),
            "subject.pledges[2].kind_source: is missing",
        ),
        (
            "a kind sourced to nothing",
            with("/subject/pledges/2/kind_source", Some(json!("nowhere"))),
            "subject.pledges[2].kind_source: names the source “nowhere”",
        ),
        (
            "a year that is not one",
            with("/subject/pledges/1/by_year/value", Some(json!(2030.5))),
            "subject.pledges[1].by_year.value: is not a year (2030.5)",
        ),
        (
            "a GDP of zero",
            with("/subject/gdp_bn/value", Some(json!(0))),
            "subject.gdp_bn.value: must be above zero",
        ),
        (
            "a horizon of 40 years",
            with("/benchmark/horizon_years/value", Some(json!(40))),
            "benchmark.horizon_years.value: the default 40 is outside the range 1–10",
        ),
        (
            "negative amount",
            with("/subject/pledges/1/low_bn", Some(json!(-20))),
            "subject.pledges[1].low_bn: is negative (-20)",
        ),
        (
            "low above high",
            with("/subject/pledges/0/low_bn", Some(json!(60))),
            "subject.pledges[0].low_bn: low (60) is above high (50)",
        ),
        (
            "half a range",
            with("/subject/pledges/2/high_bn", None),
            "subject.pledges[2]: give both low_bn and high_bn",
        ),
        (
            "unknown currency",
            with("/subject/currency", Some(json!("XYZ"))),
            "subject.currency: unknown currency “XYZ”",
        ),
        (
            "missing population",
            with("/subject/population_m", None),
            "subject.population_m: is required and missing",
        ),
        (
            "zero population",
            with("/benchmark/population_m/value", Some(json!(0))),
            "benchmark.population_m.value: must be above zero",
        ),
        (
            "duplicate name",
            with("/subject/pledges/3/name", Some(json!({"en": "brookfield"}))),
            "subject.pledges[3].name: “brookfield” appears twice",
        ),
        (
            "unknown source",
            with("/subject/pledges/1/source", Some(json!("nowhere"))),
            "subject.pledges[1].source: names the source “nowhere”",
        ),
        (
            "wrong type",
            with("/subject/announced_bn/value", Some(json!("109"))),
            "subject.announced_bn.value: expected a number, found text",
        ),
        (
            "unknown field (a typo)",
            with("/subject/pledges/0/hihg_bn", Some(json!(5))),
            "subject.pledges[0].hihg_bn: is not a field here (a typo?); the fields here are name, low_bn, high_bn, source, as_of, quote_ar, kind, kind_source, by_year",
        ),
        (
            "default outside its slider",
            with("/exchange_rate/value", Some(json!(2.5))),
            "ranges.rate: the default 2.5 is outside the range 0.8–1.3",
        ),
        (
            "empty label",
            with("/subject/pledges/0/name", Some(json!({"en": "  "}))),
            "subject.pledges[0].name.en: is empty",
        ),
        (
            "unsupported version",
            with("/schema_version", Some(json!(2))),
            "schema_version: schema version 2 is not supported",
        ),
        (
            "huge number",
            DEFAULT_DATASET_JSON.replacen("\"value\": 109,", "\"value\": 1e999,", 1),
            "number out of range",
        ),
    ];
    for (what, json, want) in cases {
        let errors = errors_of(&json);
        assert!(
            errors.iter().any(|e| e.contains(want)),
            "{what}: wanted {want:?}, got {errors:?}"
        );
    }
}

#[test]
fn malformed_json_gives_line_and_column() {
    let broken = DEFAULT_DATASET_JSON.replacen(
        "\"id\": \"france-ai-2025\",",
        "\"id\": \"france-ai-2025\"",
        1,
    );
    let errors = Dataset::from_json(&broken).unwrap_err();
    assert_eq!(errors.len(), 1);
    match &errors[0].problem {
        Problem::Malformed { line, column, .. } => {
            assert_eq!((*line, *column), (4, 3), "{:?}", errors[0])
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
    let msg = dataset_error_message(&errors[0], Lang::En);
    assert!(msg.contains("line 4, column 3"), "{msg}");
    for junk in ["", "{", "[]", "null", "{\"a\":1} trailing", "\u{feff}{}"] {
        assert!(Dataset::from_json(junk).is_err(), "{junk:?} accepted");
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut v = default_value();
    v["subject"]["pledges"][0]["low_bn"] = json!(-1);
    v["subject"]["currency"] = json!("ZZZ");
    v["benchmark"]["currency"] = json!("QQQ");
    let errors = Dataset::from_json(&v.to_string()).unwrap_err();
    assert!(errors.len() >= 3, "{errors:?}");
}

#[test]
fn errors_are_worded_in_each_language() {
    let json = with("/subject/currency", Some(json!("XYZ")));
    let error = &Dataset::from_json(&json).unwrap_err()[0];
    assert!(dataset_error_message(error, Lang::Fr).contains("devise inconnue"));
    let ar = dataset_error_message(error, Lang::Ar);
    assert!(
        ar.contains("عملة غير معروفة") && ar.contains("\u{2066}subject.currency\u{2069}"),
        "{ar}"
    );
}

#[test]
fn hostile_labels_are_accepted_as_data() {
    let json = with(
        "/subject/pledges/1/name",
        Some(json!({"en": "<script>alert(1)</script>&\""})),
    );
    let d = Dataset::from_json(&json).expect("a label is just text");
    assert_eq!(d.subject.pledges[1].name.en, "<script>alert(1)</script>&\"");
}

/// What the story editor relies on: an empty or half-filled form names each field that is
/// missing by its own path (not its parent's), and says what kind of value a field needs.
#[test]
fn missing_fields_and_wrong_kinds_name_the_field_itself() {
    let errors = Dataset::from_json("{}").unwrap_err();
    let missing: Vec<&str> = errors
        .iter()
        .filter(|e| e.problem == Problem::Missing)
        .map(|e| e.path.as_str())
        .collect();
    for field in [
        "schema_version",
        "id",
        "title",
        "sources",
        "subject",
        "benchmark",
        "exchange_rate",
        "ranges",
    ] {
        assert!(
            missing.contains(&field),
            "{field} not reported in {missing:?}"
        );
    }

    let mut v = default_value();
    v["subject"]["announced_bn"] = json!({ "source": "elysee-2025-02-09" });
    v["title"] = json!({ "fr": "Sans anglais" });
    v["subject"]["pledges"][0]["low_bn"] = json!("12,5");
    let text = serde_json::to_string(&v).unwrap();
    let errors = Dataset::from_json(&text).unwrap_err();
    let find = |path: &str| {
        errors
            .iter()
            .find(|e| e.path == path)
            .unwrap_or_else(|| panic!("no error at {path}: {errors:?}"))
    };
    assert_eq!(find("subject.announced_bn.value").problem, Problem::Missing);
    assert_eq!(find("title.en").problem, Problem::Missing);
    assert_eq!(
        dataset_error_message(find("subject.pledges[0].low_bn"), Lang::Ar),
        "\u{2066}subject.pledges[0].low_bn\u{2069}: المتوقع رقم، والموجود نص"
    );
    assert_eq!(
        dataset_error_message(find("title.en"), Lang::Fr),
        "title.en: est obligatoire et manque"
    );

    // An unknown field, in Arabic: the field names stay left to right inside the sentence.
    let mut v = default_value();
    v["ranges"]["rate"]["stepp"] = json!(1);
    let errors = Dataset::from_json(&serde_json::to_string(&v).unwrap()).unwrap_err();
    assert_eq!(
        dataset_error_message(&errors[0], Lang::Ar),
        "\u{2066}ranges.rate.stepp\u{2069}: ليس حقلًا في هذا الموضع (خطأ مطبعي؟)؛ الحقول الممكنة هنا: \u{2066}min, max, step\u{2069}"
    );
}

/// A key written twice would lose one of its values unseen; a source needs a name to be cited.
#[test]
fn twice_written_keys_and_unnamed_sources_are_refused() {
    let text = DEFAULT_DATASET_JSON.replacen(
        "\"schema_version\": 1,",
        "\"schema_version\": 1, \"id\": \"twice\",",
        1,
    );
    assert_eq!(
        errors_of(&text),
        ["not valid JSON at line 3, column 3 (a key appears twice in the same object)"]
    );

    let mut v = default_value();
    v["sources"][" "] = json!({ "publisher": "P", "title": "T", "date": "2025" });
    let errors = errors_of(&serde_json::to_string(&v).unwrap());
    assert!(
        errors.iter().any(|e| e.starts_with("sources. : ")),
        "{errors:?}"
    );
}

/// A language pack carries the shipped story's words in `Dataset::texts_mut` order, and the
/// page's build puts them back with `fill_texts`: the shipped story comes back.
#[test]
fn words_filled_in_from_a_pack_give_back_the_shipped_story() {
    fn strip(v: &mut Value, lang: &str) {
        match v {
            Value::Object(map) => {
                map.remove(lang);
                map.values_mut().for_each(|x| strip(x, lang));
            }
            Value::Array(items) => items.iter_mut().for_each(|x| strip(x, lang)),
            _ => {}
        }
    }
    let mut shipped = Dataset::default_story();
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::Ar, "ar")] {
        let mut v = default_value();
        strip(&mut v, code);
        let mut english_only = Dataset::from_json(&v.to_string()).unwrap();
        assert_ne!(english_only, shipped);
        let words: Vec<&'static str> = shipped
            .texts_mut()
            .into_iter()
            .map(|t| &*String::leak(t.exact(lang).unwrap_or("").to_string()))
            .collect();
        english_only.fill_texts(lang, &words);
        // Only the translations differ from the shipped story's: compare those.
        let got: Vec<Option<&str>> = english_only
            .texts_mut()
            .into_iter()
            .map(|t| t.exact(lang))
            .collect();
        let want: Vec<Option<&str>> = shipped
            .texts_mut()
            .into_iter()
            .map(|t| t.exact(lang))
            .collect();
        assert_eq!(got, want, "{code}");
    }
}
