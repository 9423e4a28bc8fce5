//! The JSON Schema in data/dataset.schema.json against the Rust reader: both example datasets
//! conform, and for every object in them, the schema and the reader agree on which fields are
//! required, which are optional, and that unknown fields are refused.

use pledge_explainer::Dataset;
use serde_json::{json, Value};
use std::path::Path;

fn load(path: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => root
            .pointer(r.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("bad $ref {r}")),
        None => schema,
    }
}

/// The subset of JSON Schema the dataset schema uses. Returns the problems found.
fn check(value: &Value, schema: &Value, root: &Value, path: &str, out: &mut Vec<String>) {
    let schema = resolve(schema, root);
    if let Some(c) = schema.get("const") {
        if value != c {
            out.push(format!("{path}: expected {c}"));
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array) {
        if !options.contains(value) {
            out.push(format!("{path}: not one of {options:?}"));
        }
    }
    let kind_ok = match schema.get("type").and_then(Value::as_str) {
        Some("object") => value.is_object(),
        Some("array") => value.is_array(),
        Some("string") => value.is_string(),
        Some("number") => value.is_number(),
        None => true,
        Some(other) => panic!("type {other} not handled"),
    };
    if !kind_ok {
        out.push(format!("{path}: wrong type"));
        return;
    }
    if let (Some(n), Some(min)) = (
        value.as_f64(),
        schema.get("minimum").and_then(Value::as_f64),
    ) {
        if n < min {
            out.push(format!("{path}: below {min}"));
        }
    }
    if let (Some(n), Some(min)) = (
        value.as_f64(),
        schema.get("exclusiveMinimum").and_then(Value::as_f64),
    ) {
        if n <= min {
            out.push(format!("{path}: not above {min}"));
        }
    }
    if let (Some(s), Some(min)) = (
        value.as_str(),
        schema.get("minLength").and_then(Value::as_u64),
    ) {
        if (s.chars().count() as u64) < min {
            out.push(format!("{path}: too short"));
        }
    }
    if let Some(obj) = value.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !obj.contains_key(req.as_str().unwrap()) {
                out.push(format!("{path}: missing {req}"));
            }
        }
        for (key, needs) in schema
            .get("dependentRequired")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            for need in needs
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if obj.contains_key(key) && !obj.contains_key(need) {
                    out.push(format!("{path}: {key} needs {need}"));
                }
            }
        }
        for (k, v) in obj {
            let child = format!("{path}.{k}");
            match (
                props.and_then(|p| p.get(k)),
                schema.get("additionalProperties"),
            ) {
                (Some(s), _) => check(v, s, root, &child, out),
                (None, Some(Value::Bool(false))) => out.push(format!("{child}: not allowed")),
                (None, Some(s @ Value::Object(_))) => check(v, s, root, &child, out),
                _ => {}
            }
        }
    }
    if let (Some(items), Some(s)) = (value.as_array(), schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            check(item, s, root, &format!("{path}[{i}]"), out);
        }
    }
}

#[test]
fn both_example_datasets_conform_to_the_schema() {
    let schema = load("data/dataset.schema.json");
    for file in ["data/france-2025.json", "data/eu-investai-2025.json"] {
        let mut problems = Vec::new();
        check(&load(file), &schema, &schema, "", &mut problems);
        assert!(problems.is_empty(), "{file}: {problems:#?}");
        assert!(
            Dataset::from_json(&load(file).to_string()).is_ok(),
            "{file} refused by the reader"
        );
    }
}

/// Every object of the dataset with the schema that describes it, by JSON pointer.
fn objects<'a>(
    value: &'a Value,
    schema: &'a Value,
    root: &'a Value,
    pointer: String,
    out: &mut Vec<(String, &'a Value)>,
) {
    let schema = resolve(schema, root);
    if let Some(obj) = value.as_object() {
        out.push((pointer.clone(), schema));
        for (k, v) in obj {
            let child = schema
                .get("properties")
                .and_then(|p| p.get(k))
                .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object()));
            if let Some(s) = child {
                objects(v, s, root, format!("{pointer}/{k}"), out);
            }
        }
    }
    if let (Some(items), Some(s)) = (value.as_array(), schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            objects(item, s, root, format!("{pointer}/{i}"), out);
        }
    }
}

#[test]
fn the_schema_and_the_reader_agree_field_by_field() {
    let schema = load("data/dataset.schema.json");
    let dataset = load("data/france-2025.json");
    let mut found = Vec::new();
    objects(&dataset, &schema, &schema, String::new(), &mut found);
    let mut compared = 0;
    for (pointer, object_schema) in found {
        let Some(props) = object_schema.get("properties").and_then(Value::as_object) else {
            continue;
        };
        let mut required: Vec<&str> = object_schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let present_keys = dataset.pointer(&pointer).unwrap().as_object().unwrap();
        // Required because another field is there (`dependentRequired`: a kind needs its source).
        for (key, needs) in object_schema
            .get("dependentRequired")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if present_keys.contains_key(key) {
                required.extend(
                    needs
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str),
                );
            }
        }
        let present: Vec<String> = dataset
            .pointer(&pointer)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        for key in present.iter().filter(|k| props.contains_key(k.as_str())) {
            let mut v = dataset.clone();
            v.pointer_mut(&pointer)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(key);
            let accepted = Dataset::from_json(&v.to_string()).is_ok();
            // Dropping a field the schema requires must be refused; dropping an optional one
            // accepted (unless it leaves the pledge with half a range, which `validate` refuses).
            let half_range = key == "low_bn" || key == "high_bn";
            if required.contains(&key.as_str()) {
                assert!(
                    !accepted,
                    "{pointer}/{key} is required by the schema but the reader accepts its absence"
                );
            } else if !half_range {
                assert!(
                    accepted,
                    "{pointer}/{key} is optional in the schema but the reader refuses its absence"
                );
            }
            compared += 1;
        }
        if object_schema.get("additionalProperties") == Some(&Value::Bool(false)) {
            let mut v = dataset.clone();
            v.pointer_mut(&pointer)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .insert("not_in_the_schema".into(), json!(1));
            assert!(
                Dataset::from_json(&v.to_string()).is_err(),
                "{pointer}: the reader accepts an unknown field"
            );
            compared += 1;
        }
    }
    assert!(compared > 80, "only {compared} comparisons");
}
