//! static/schema/assessment.schema.json, the published description of the
//! assessment file, must agree with the app: every file the app writes
//! passes it, it declares exactly the fields the app writes, its enums are
//! the app's, and it refuses what the app refuses.

#[path = "support/schema.rs"]
mod schema;
#[path = "support/strategies.rs"]
mod strategies;

use proptest::prelude::*;
use serde_json::{Value, json};
use soc2_readiness::core::assessment::{QuestionPath, ReportType, ScopeItem};
use soc2_readiness::core::exchange::{
    ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION, export_json, import_json,
};
use soc2_readiness::core::{Category, Status};
use strategies::{BANK, assessment};

const SCHEMA: &str = include_str!("../static/schema/assessment.schema.json");
const V1_FULL: &str = include_str!("fixtures/import/v1-full.json");
const V2_FULL: &str = include_str!("fixtures/import/v2-full.json");
const V3_FULL: &str = include_str!("fixtures/import/v3-full.json");
const V4_FULL: &str = include_str!("fixtures/import/v4-full.json");
const V5_FULL: &str = include_str!("fixtures/import/v5-full.json");
const V6_FULL: &str = include_str!("fixtures/import/v6-full.json");
const V1_MINIMAL: &str = include_str!("fixtures/import/v1-minimal.json");
const V1_TYPE2: &str = include_str!("fixtures/import/v1-type2-incomplete-period.json");
const V0_DRAFT: &str = include_str!("fixtures/import/v0-draft.json");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("assessment.schema.json is JSON")
}

fn errors(value: &Value) -> Vec<String> {
    schema::errors(&schema(), value)
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
fn the_fixtures_pass_the_schema_as_written_or_once_upgraded() {
    assert_passes("v6-full", &serde_json::from_str(V6_FULL).unwrap());
    for (name, text) in [
        ("v5-full", V5_FULL),
        ("v4-full", V4_FULL),
        ("v3-full", V3_FULL),
        ("v2-full", V2_FULL),
        ("v1-full", V1_FULL),
        ("v1-minimal", V1_MINIMAL),
        ("v1-type2-incomplete-period", V1_TYPE2),
    ] {
        // A version 1 to 5 file differs from version 6 only in its number.
        let mut doc: Value = serde_json::from_str(text).unwrap();
        doc["format_version"] = json!(6);
        assert_passes(name, &doc);
        let a = import_json(text.as_bytes(), &BANK).unwrap();
        assert_passes(name, &serde_json::from_str(&export_json(&a)).unwrap());
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

#[test]
fn the_schema_declares_exactly_the_fields_the_app_writes() {
    // v6-full sets every field; export it again so the fields are the app's.
    // The keys of `answers` and `scope.conditions` are ids, so they count as
    // one field, `*`.
    let a = import_json(V6_FULL.as_bytes(), &BANK).unwrap();
    let used = schema::used_fields(
        &serde_json::from_str(&export_json(&a)).unwrap(),
        &[
            ".answers",
            ".scope.conditions",
            ".answers.*.collected",
            ".in_place_elsewhere",
            ".description.texts",
        ],
    );
    assert_eq!(schema::declared_fields(&schema()), used);
}

#[test]
fn the_schema_refuses_what_the_app_refuses() {
    type Change = fn(&mut Value);
    let changes: &[(&str, Change)] = &[
        ("another format", |d| {
            d["format"] = json!("soc2-readiness-bank")
        }),
        ("format version 7", |d| d["format_version"] = json!(7)),
        ("an invented framework in accepted_from", |d| {
            d["answers"]["cc6-access-review"]["accepted_from"] = json!("Not A Crosswalk")
        }),
        ("a crosswalk id with spaces", |d| {
            d["in_place_elsewhere"] = json!({"not a crosswalk": ["A.5.1"]})
        }),
        ("a run day twice", |d| {
            d["answers"]["cc6-access-review"]["runs"] = json!(["2026-01-02", "2026-01-02"])
        }),
        ("a negative count of unhandled events", |d| {
            d["answers"]["cc6-mfa"]["unhandled"] = json!(-1)
        }),
        ("a collection date keyed by a word", |d| {
            d["answers"]["cc6-mfa"]["collected"] = json!({"first": "2026-01-02"})
        }),
        ("a collection date that is not a day", |d| {
            d["answers"]["cc6-mfa"]["collected"] = json!({"0": "2026-02-30"})
        }),
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
        ("status null", |d| {
            d["answers"]["cc6-mfa"]["status"] = json!(null)
        }),
        ("due null", |d| {
            d["answers"]["cc1-conduct"]["due"] = json!(null)
        }),
        ("period null", |d| d["scope"]["period"] = json!(null)),
        ("a category twice", |d| {
            d["scope"]["categories"] = json!(["security", "security"])
        }),
        ("a system part twice", |d| {
            d["scope"]["in_scope"] = json!(["people", "people"])
        }),
        ("an evidence item twice", |d| {
            d["answers"]["cc6-mfa"]["evidence"] = json!([0, 0])
        }),
        ("a control in place twice", |d| {
            d["in_place_elsewhere"]["iso27001-2022"] = json!(["A.5.15", "A.5.15"])
        }),
        ("controls in place as text", |d| {
            d["in_place_elsewhere"]["iso27001-2022"] = json!("A.5.15")
        }),
        ("accepted from a number", |d| {
            d["answers"]["cc6-mfa"]["accepted_from"] = json!(27001)
        }),
        ("a signed year", |d| {
            d["answers"]["cc1-conduct"]["due"] = json!("+2026-03-01")
        }),
        ("a negative year", |d| {
            d["answers"]["cc1-conduct"]["due"] = json!("-2026-03-01")
        }),
        ("a space between date and time", |d| {
            d["created"] = json!("2026-01-01 09:00:00Z")
        }),
        ("an odd separator between date and time", |d| {
            d["created"] = json!("2026-01-01_09:00:00Z")
        }),
        ("a revision past 2^53 - 1", |d| {
            d["revision"] = json!(9_007_199_254_740_992u64)
        }),
    ];
    for (what, change) in changes {
        let mut doc: Value = serde_json::from_str(V6_FULL).unwrap();
        change(&mut doc);
        assert!(
            import_json(doc.to_string().as_bytes(), &BANK).is_err(),
            "the app accepts {what}"
        );
        assert!(!errors(&doc).is_empty(), "the schema accepts {what}");
    }
}
