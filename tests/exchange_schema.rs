//! static/schema/assessment.schema.json, the published description of the
//! assessment file, must agree with the app: every file the app writes
//! passes it, it declares exactly the fields the app writes, its enums are
//! the app's, and it refuses what the app refuses.

#[path = "support/strategies.rs"]
mod strategies;

use proptest::prelude::*;
use serde_json::{Value, json};
use soc2_readiness::core::assessment::{QuestionPath, ReportType, ScopeItem};
use soc2_readiness::core::exchange::{
    ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION, export_json, import_json,
};
use soc2_readiness::core::{Category, Day, Status};
use std::collections::BTreeSet;
use strategies::{BANK, assessment};

const SCHEMA: &str = include_str!("../static/schema/assessment.schema.json");
const V1_FULL: &str = include_str!("fixtures/import/v1-full.json");
const V1_MINIMAL: &str = include_str!("fixtures/import/v1-minimal.json");
const V1_TYPE2: &str = include_str!("fixtures/import/v1-type2-incomplete-period.json");
const V0_DRAFT: &str = include_str!("fixtures/import/v0-draft.json");

const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("assessment.schema.json is JSON")
}

/// Checks `value` against the part of JSON Schema 2020-12 the assessment
/// schema uses, with `format` asserted. Any other keyword panics, so the
/// schema cannot grow past what this test checks.
fn check(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let object = schema.as_object().expect("a schema is an object");
    for (keyword, arg) in object {
        let fail = |errors: &mut Vec<String>, what: String| errors.push(format!("{at}: {what}"));
        match keyword.as_str() {
            "$schema" | "title" | "description" | "default" | "$defs" => {}
            "$ref" => {
                let pointer = arg.as_str().and_then(|r| r.strip_prefix('#')).unwrap();
                let target = root.pointer(pointer).expect("the $ref resolves");
                check(root, target, value, at, errors);
            }
            "type" => {
                let ok = match arg.as_str().unwrap() {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "boolean" => value.is_boolean(),
                    "integer" => value.is_u64() || value.is_i64(),
                    other => panic!("type {other} is not implemented"),
                };
                if !ok {
                    fail(errors, format!("{value} is not of type {arg}"));
                }
            }
            "const" => {
                if value != arg {
                    fail(errors, format!("{value} is not {arg}"));
                }
            }
            "enum" => {
                if !arg.as_array().unwrap().contains(value) {
                    fail(errors, format!("{value} is not one of {arg}"));
                }
            }
            "pattern" => {
                assert_eq!(arg, DATE_PATTERN, "only the date pattern is implemented");
                if let Some(s) = value.as_str() {
                    let b = s.as_bytes();
                    let shape = b.len() == 10
                        && b.iter().enumerate().all(|(i, c)| {
                            if i == 4 || i == 7 {
                                *c == b'-'
                            } else {
                                c.is_ascii_digit()
                            }
                        });
                    if !shape {
                        fail(errors, format!("{s:?} does not match {DATE_PATTERN}"));
                    }
                }
            }
            "format" => {
                if let Some(s) = value.as_str() {
                    let ok = match arg.as_str().unwrap() {
                        "date" => Day::parse(s).is_ok(),
                        "date-time" => time::OffsetDateTime::parse(
                            s,
                            &time::format_description::well_known::Rfc3339,
                        )
                        .is_ok(),
                        other => panic!("format {other} is not implemented"),
                    };
                    if !ok {
                        fail(errors, format!("{s:?} is not a {arg}"));
                    }
                }
            }
            "minimum" => {
                if value.as_i64().is_some_and(|n| n < arg.as_i64().unwrap()) {
                    fail(errors, format!("{value} is below {arg}"));
                }
            }
            "required" => {
                if let Some(o) = value.as_object() {
                    for field in arg.as_array().unwrap() {
                        if !o.contains_key(field.as_str().unwrap()) {
                            fail(errors, format!("missing {field}"));
                        }
                    }
                }
            }
            "properties" => {
                if let Some(o) = value.as_object() {
                    for (field, sub) in arg.as_object().unwrap() {
                        if let Some(item) = o.get(field) {
                            check(root, sub, item, &format!("{at}.{field}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                let declared = object.get("properties").and_then(Value::as_object);
                for (field, item) in value.as_object().into_iter().flatten() {
                    if declared.is_some_and(|d| d.contains_key(field)) {
                        continue;
                    }
                    match arg {
                        Value::Bool(false) => fail(errors, format!("undeclared field `{field}`")),
                        Value::Bool(true) => {}
                        sub => check(root, sub, item, &format!("{at}.{field}"), errors),
                    }
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    check(root, arg, item, &format!("{at}[{i}]"), errors);
                }
            }
            "uniqueItems" => {
                assert_eq!(arg, true);
                if let Some(l) = value.as_array()
                    && l.iter().enumerate().any(|(i, x)| l[..i].contains(x))
                {
                    fail(errors, "has repeated items".into());
                }
            }
            other => panic!("schema keyword `{other}` is not implemented in this test"),
        }
    }
}

fn errors(value: &Value) -> Vec<String> {
    let root = schema();
    let mut errors = Vec::new();
    check(&root, &root, value, "$", &mut errors);
    errors
}

fn assert_passes(name: &str, value: &Value) {
    let errors = errors(value);
    assert!(errors.is_empty(), "{name} fails the schema: {errors:#?}");
}

/// The JSON spelling of a value of the app's types.
fn wire<T: serde::Serialize>(items: impl IntoIterator<Item = T>) -> Value {
    Value::Array(
        items
            .into_iter()
            .map(|x| serde_json::to_value(x).unwrap())
            .collect(),
    )
}

#[test]
fn the_schema_is_draft_2020_12_and_uses_the_app_constants_and_enums() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["properties"]["format"]["const"], ASSESSMENT_FORMAT);
    assert_eq!(
        s["properties"]["format_version"]["const"],
        ASSESSMENT_FORMAT_VERSION
    );
    let d = &s["$defs"];
    assert_eq!(
        d["answer"]["properties"]["status"]["enum"],
        wire(Status::ALL)
    );
    assert_eq!(
        d["scope"]["properties"]["report_type"]["enum"],
        wire([ReportType::Type1, ReportType::Type2])
    );
    assert_eq!(
        s["properties"]["path"]["enum"],
        wire([QuestionPath::Full, QuestionPath::Quick])
    );
    assert_eq!(
        s["properties"]["path"]["default"],
        wire([QuestionPath::default()])[0]
    );
    assert_eq!(
        d["scope"]["properties"]["categories"]["items"]["enum"],
        wire(Category::ALL)
    );
    assert_eq!(
        d["scope"]["properties"]["in_scope"]["items"]["enum"],
        wire(ScopeItem::ALL)
    );
    assert!(
        s["description"].as_str().unwrap().contains("10 MiB"),
        "the size limit is published"
    );
}

#[test]
fn the_version_1_fixtures_and_an_upgraded_draft_pass_the_schema() {
    for (name, text) in [
        ("v1-full", V1_FULL),
        ("v1-minimal", V1_MINIMAL),
        ("v1-type2-incomplete-period", V1_TYPE2),
    ] {
        import_json(text.as_bytes(), &BANK).unwrap();
        assert_passes(name, &serde_json::from_str(text).unwrap());
    }
    let upgraded = import_json(V0_DRAFT.as_bytes(), &BANK).unwrap();
    assert_passes(
        "v0-draft, exported",
        &serde_json::from_str(&export_json(&upgraded)).unwrap(),
    );
}

proptest! {
    #[test]
    fn every_file_the_app_writes_passes_the_schema(a in assessment()) {
        let exported: Value = serde_json::from_str(&export_json(&a)).unwrap();
        let errors = errors(&exported);
        prop_assert!(errors.is_empty(), "{:#?}", errors);
    }
}

/// Field paths a schema declares; `*` stands for any key of a map.
fn declared(root: &Value, schema: &Value, at: &str, out: &mut BTreeSet<String>) {
    if let Some(pointer) = schema.get("$ref").and_then(Value::as_str) {
        let target = root.pointer(pointer.strip_prefix('#').unwrap()).unwrap();
        declared(root, target, at, out);
    }
    if let Some(items) = schema.get("items") {
        declared(root, items, &format!("{at}[]"), out);
    }
    if let Some(map @ Value::Object(_)) = schema.get("additionalProperties") {
        let path = format!("{at}.*");
        out.insert(path.clone());
        declared(root, map, &path, out);
    }
    for (field, sub) in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let path = format!("{at}.{field}");
        out.insert(path.clone());
        declared(root, sub, &path, out);
    }
}

/// Field paths a document uses; the keys of `answers` become `*`.
fn used(value: &Value, at: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            for (field, sub) in object {
                let path = if at == ".answers" {
                    format!("{at}.*")
                } else {
                    format!("{at}.{field}")
                };
                out.insert(path.clone());
                used(sub, &path, out);
            }
        }
        Value::Array(list) => list
            .iter()
            .for_each(|item| used(item, &format!("{at}[]"), out)),
        _ => {}
    }
}

#[test]
fn the_schema_declares_exactly_the_fields_the_app_writes() {
    // v1-full sets every field; export it again so the fields are the app's.
    let root = schema();
    let mut declared_fields = BTreeSet::new();
    declared(&root, &root, "", &mut declared_fields);
    let a = import_json(V1_FULL.as_bytes(), &BANK).unwrap();
    let mut used_fields = BTreeSet::new();
    used(
        &serde_json::from_str(&export_json(&a)).unwrap(),
        "",
        &mut used_fields,
    );
    assert_eq!(declared_fields, used_fields);
}

#[test]
fn the_schema_refuses_what_the_app_refuses() {
    type Change = fn(&mut Value);
    let changes: &[(&str, Change)] = &[
        ("another format", |d| {
            d["format"] = json!("soc2-readiness-bank")
        }),
        ("format version 2", |d| d["format_version"] = json!(2)),
        ("format version as text", |d| {
            d["format_version"] = json!("1")
        }),
        ("no scope", |d| {
            d.as_object_mut().unwrap().remove("scope");
        }),
        ("no created", |d| {
            d.as_object_mut().unwrap().remove("created");
        }),
        ("unknown top-level field", |d| d["colour"] = json!("blue")),
        ("unknown answer field", |d| {
            d["answers"]["cc6-mfa"]["severity"] = json!("high")
        }),
        ("unknown scope field", |d| {
            d["scope"]["region"] = json!("EU")
        }),
        ("unknown status", |d| {
            d["answers"]["cc6-mfa"]["status"] = json!("maybe")
        }),
        ("impossible due date", |d| {
            d["answers"]["cc1-conduct"]["due"] = json!("2026-02-30")
        }),
        ("due date in another form", |d| {
            d["answers"]["cc1-conduct"]["due"] = json!("31/03/2026")
        }),
        ("period end not a date", |d| {
            d["scope"]["period"]["end"] = json!("soon")
        }),
        ("created not a timestamp", |d| {
            d["created"] = json!("5 January 2026")
        }),
        ("negative evidence index", |d| {
            d["answers"]["cc6-mfa"]["evidence"] = json!([-1])
        }),
        ("evidence index as text", |d| {
            d["answers"]["cc6-mfa"]["evidence"] = json!(["0"])
        }),
        ("review as text", |d| {
            d["answers"]["cc1-conduct"]["review"] = json!("yes")
        }),
        ("unknown report type", |d| {
            d["scope"]["report_type"] = json!("type3")
        }),
        ("unknown category", |d| {
            d["scope"]["categories"] = json!(["security", "marketing"])
        }),
        ("unknown system part", |d| {
            d["scope"]["in_scope"] = json!(["buildings"])
        }),
        ("unknown path", |d| d["path"] = json!("short")),
        ("negative revision", |d| d["revision"] = json!(-1)),
        ("bank without version", |d| {
            d["bank"].as_object_mut().unwrap().remove("version");
        }),
        ("answer that is not an object", |d| {
            d["answers"]["cc6-mfa"] = json!("ready")
        }),
    ];
    for (what, change) in changes {
        let mut doc: Value = serde_json::from_str(V1_FULL).unwrap();
        change(&mut doc);
        assert!(
            import_json(doc.to_string().as_bytes(), &BANK).is_err(),
            "the app accepts {what}"
        );
        assert!(!errors(&doc).is_empty(), "the schema accepts {what}");
    }
}
