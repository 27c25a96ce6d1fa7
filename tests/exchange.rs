//! The assessment document as a user meets it: a file exported by the app
//! imports back unchanged, an older file is upgraded, and a broken file is
//! refused as a whole with a message that says what is wrong and where.

use serde_json::{Value, json};
use soc2_readiness::core::assessment::{Period, QuestionPath, ReportType, ScopeItem};
use soc2_readiness::core::exchange::{
    ASSESSMENT_FORMAT_VERSION, ImportError, MAX_IMPORT_BYTES, OLDEST_FORMAT_VERSION, Position,
    export_json, import_json, stored_json,
};
use soc2_readiness::core::{Assessment, Bank, Category, Day, Status};
use std::collections::BTreeSet;

const MINI_BANK: &str = include_str!("fixtures/mini-bank.json");
const V1_FULL: &str = include_str!("fixtures/import/v1-full.json");
const V2_FULL: &str = include_str!("fixtures/import/v2-full.json");
const V3_FULL: &str = include_str!("fixtures/import/v3-full.json");
const V4_FULL: &str = include_str!("fixtures/import/v4-full.json");
const V5_FULL: &str = include_str!("fixtures/import/v5-full.json");
const V6_FULL: &str = include_str!("fixtures/import/v6-full.json");
const V1_MINIMAL: &str = include_str!("fixtures/import/v1-minimal.json");
const V0_DRAFT: &str = include_str!("fixtures/import/v0-draft.json");

fn bank() -> Bank {
    Bank::from_json(MINI_BANK).expect("the mini bank is valid")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn import(bytes: &[u8]) -> Result<Assessment, ImportError> {
    import_json(bytes, &bank())
}

/// Imports a file that must be refused and returns the error.
fn refusal(bytes: &[u8]) -> ImportError {
    match import(bytes) {
        Ok(a) => panic!("a broken file was imported: {a:#?}"),
        Err(e) => e,
    }
}

/// Checks the words of a message; the invisible isolates around quoted
/// values (Unicode FSI and PDI) are left out.
fn assert_names(error: &ImportError, parts: &[&str]) {
    let message = error.to_string().replace(['\u{2068}', '\u{2069}'], "");
    for part in parts {
        assert!(
            message.contains(part),
            "the message should name {part:?}: {message}"
        );
    }
}

fn day(text: &str) -> Day {
    Day::parse(text).unwrap()
}

/// v1-full.json as a `Value`, changed by `change`, as file bytes.
fn full_with(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc: Value = serde_json::from_str(V1_FULL).unwrap();
    change(&mut doc);
    serde_json::to_vec_pretty(&doc).unwrap()
}

/// The line number (from 1) of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no line contains {needle:?}"))
}

// ------------------------------------------------------------ valid files

#[test]
fn a_full_version_1_file_imports_with_every_field() {
    let a = import(V1_FULL.as_bytes()).unwrap();
    assert_eq!(a.id, "0b6f0e4e-5a7d-4c1a-9a51-6f0e2b7c1d23");
    assert_eq!(a.name, "Acme readiness, spring");
    assert_eq!(a.path, QuestionPath::Quick);
    assert_eq!(a.revision, 17);
    assert_eq!(a.scope.report_type, ReportType::Type2);
    assert_eq!(
        a.scope.period,
        Some(Period {
            start: day("2026-01-01"),
            end: day("2026-06-30")
        })
    );
    assert_eq!(
        a.scope.categories,
        BTreeSet::from([Category::Security, Category::Availability])
    );
    assert_eq!(
        a.scope.in_scope,
        BTreeSet::from([
            ScopeItem::Infrastructure,
            ScopeItem::Software,
            ScopeItem::People
        ])
    );
    let conduct = a.answer("cc1-conduct").unwrap();
    assert_eq!(conduct.status, Some(Status::Partial));
    assert_eq!(
        conduct.note,
        "Signed by \"most\" staff, not contractors.\nChase HR."
    );
    assert_eq!(conduct.owner, "Dana Ríos");
    assert_eq!(conduct.due, Some(day("2026-03-31")));
    assert_eq!(conduct.evidence, BTreeSet::from([0]));
    assert!(conduct.review);
    let mfa = a.answer("cc6-mfa").unwrap();
    assert_eq!(mfa.operating_since, Some(day("2025-11-01")));
    assert_eq!(
        a.status("a1-backups"),
        Some(Status::NotApplicable),
        "justification kept too"
    );
    assert!(!a.answer("a1-backups").unwrap().justification.is_empty());
}

#[test]
fn the_exporter_writes_exactly_the_documented_file() {
    let a = import(V6_FULL.as_bytes()).unwrap();
    assert_eq!(export_json(&a), V6_FULL.trim_end());
    // Version 6's fields, read back; a version 5 file is the same document
    // without them.
    assert_eq!(a.rehearsal("cc6-mfa").unwrap().failed(), ["H2"]);
    assert_eq!(a.sample_table.len(), 2);
    let v5 = import(V5_FULL.as_bytes()).unwrap();
    let mut without = a.clone();
    without.fieldwork.clear();
    without.sample_table.clear();
    assert_eq!(v5, without);
    let a = v5;
    // Version 5's fields, read back; a version 4 file is the same document
    // without them.
    assert_eq!(a.vendors.len(), 2);
    assert_eq!(a.vendors[0].csocs[0].supports, ["CC6.4"]);
    assert_eq!(a.commitments[0].supports, ["cc6-mfa", "A1.2"]);
    assert_eq!(a.description.incidents.len(), 1);
    let v4 = import(V4_FULL.as_bytes()).unwrap();
    let mut without = a.clone();
    without.vendors.clear();
    without.commitments.clear();
    without.description = Default::default();
    assert_eq!(v4, without);
    let a = v4;
    // A version 3 file is the same document without the population.
    let old = import(V3_FULL.as_bytes()).unwrap();
    assert_eq!(old.answers["cc6-mfa"].population, None);
    let mut expected = a.clone();
    if let Some(mfa) = expected.answers.get_mut("cc6-mfa") {
        mfa.population = None;
    }
    assert_eq!(old, expected);
    // Version 3's fields, read back.
    assert_eq!(
        a.in_place_elsewhere["iso27001-2022"],
        BTreeSet::from(["A.5.15".to_owned(), "A.8.5".to_owned()])
    );
    assert_eq!(
        a.answer("cc6-access-review").unwrap().accepted_from,
        "iso27001-2022"
    );
    // A version 2 file is the same document without them.
    let old = import(V2_FULL.as_bytes()).unwrap();
    assert!(old.in_place_elsewhere.is_empty());
    let mut mfa = a.answer("cc6-mfa").cloned();
    if let Some(m) = mfa.as_mut() {
        m.population = None;
    }
    assert_eq!(old.answer("cc6-mfa"), mfa.as_ref());
    // Version 2's fields, read back.
    let review = a.answer("cc6-access-review").unwrap();
    assert_eq!(
        review.runs,
        BTreeSet::from([day("2025-12-20"), day("2026-03-25")])
    );
    let mfa = a.answer("cc6-mfa").unwrap();
    assert_eq!(mfa.unhandled, Some(0));
    assert_eq!(mfa.collected.get(&1), Some(&day("2026-01-15")));
    // A version 1 file reads as the same assessment without them.
    let old = import(V1_FULL.as_bytes()).unwrap();
    assert!(
        old.answers
            .values()
            .all(|a| a.runs.is_empty() && a.collected.is_empty())
    );
    assert_eq!(old.answer("cc6-mfa").unwrap().evidence, mfa.evidence);
}

#[test]
fn a_collection_date_for_an_evidence_item_the_question_lacks_is_refused() {
    let mut doc: Value = serde_json::from_str(V2_FULL).unwrap();
    doc["answers"]["cc6-mfa"]["collected"]["7"] = json!("2026-01-01");
    let e = refusal(doc.to_string().as_bytes());
    assert_names(&e, &["cc6-mfa", "7"]);
    let mut doc: Value = serde_json::from_str(V2_FULL).unwrap();
    doc["answers"]["cc6-access-review"]["runs"] = json!(["2026-01-01", "2026-01-01"]);
    assert_names(&refusal(doc.to_string().as_bytes()), &["runs", "twice"]);
}

#[test]
fn optional_fields_take_their_defaults_and_security_is_always_in_scope() {
    let a = import(V1_MINIMAL.as_bytes()).unwrap();
    assert_eq!(a.path, QuestionPath::Full);
    assert_eq!(a.revision, 0);
    assert!(a.answers.is_empty());
    assert_eq!(a.scope.categories, BTreeSet::from([Category::Security]));
}

#[test]
fn an_incomplete_type_2_period_is_saved_work_not_an_error() {
    let a = import(&fixture("v1-type2-incomplete-period.json")).unwrap();
    let period = a.scope.period.expect("the period is kept as written");
    assert!(
        period.problem().is_some(),
        "the fixture's period is invalid"
    );
    let no_period = full_with(|d| {
        d["scope"].as_object_mut().unwrap().remove("period");
    });
    let a = import(&no_period).unwrap();
    assert_eq!(a.scope.report_type, ReportType::Type2);
    assert_eq!(a.scope.period, None);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{V1_FULL}");
    assert_eq!(
        import(with_bom.as_bytes()).unwrap(),
        import(V1_FULL.as_bytes()).unwrap()
    );
}

#[test]
fn a_file_exactly_at_the_size_limit_is_read() {
    let mut text = V1_MINIMAL.trim_end().to_owned();
    text.push_str(&" ".repeat(MAX_IMPORT_BYTES - text.len()));
    assert_eq!(text.len(), MAX_IMPORT_BYTES);
    assert!(import(text.as_bytes()).is_ok());
}

// ---------------------------------------------------------------- versions

#[test]
fn the_version_0_draft_is_upgraded() {
    assert_eq!(OLDEST_FORMAT_VERSION, 0);
    let a = import(V0_DRAFT.as_bytes()).unwrap();
    assert_eq!(a.name, "Pre-release draft");
    assert_eq!(a.path, QuestionPath::Full, "version 0 had no quick path");
    assert_eq!(a.revision, 4);
    assert_eq!(a.status("cc6-mfa"), Some(Status::Ready), "yes → ready");
    assert_eq!(
        a.status("cc1-conduct"),
        Some(Status::Partial),
        "partly → partial"
    );
    assert_eq!(
        a.status("cc1-training"),
        Some(Status::Missing),
        "no → missing"
    );
    assert_eq!(
        a.status("a1-backups"),
        Some(Status::NotApplicable),
        "na → not applicable"
    );
    assert_eq!(a.status("cc6-access-review"), None);
    assert_eq!(
        a.answer("cc6-access-review").unwrap().note,
        "Not discussed yet"
    );
    assert_eq!(a.answer("cc6-mfa").unwrap().owner, "Dana");
    assert_eq!(
        a.answer("cc1-conduct").unwrap().due,
        Some(day("2026-04-30"))
    );
    assert_eq!(
        a.answer("a1-backups").unwrap().justification,
        "Stateless service"
    );
}

#[test]
fn an_upgraded_file_is_exported_in_the_current_version() {
    let a = import(V0_DRAFT.as_bytes()).unwrap();
    let exported: Value = serde_json::from_str(&export_json(&a)).unwrap();
    assert_eq!(exported["format_version"], ASSESSMENT_FORMAT_VERSION);
    assert_eq!(exported["answers"]["cc6-mfa"]["status"], "ready");
    assert!(exported.get("responses").is_none());
    assert_eq!(import(export_json(&a).as_bytes()).unwrap(), a);
}

#[test]
fn the_stored_copy_is_the_same_document_without_indentation() {
    let a = import(V1_FULL.as_bytes()).unwrap();
    let (stored, exported) = (stored_json(&a), export_json(&a));
    assert_eq!(import(stored.as_bytes()).unwrap(), a);
    assert_eq!(
        serde_json::from_str::<Value>(&stored).unwrap(),
        serde_json::from_str::<Value>(&exported).unwrap()
    );
    assert!(!stored.contains("\n "), "no line is indented: {stored}");
    assert!(stored.len() < exported.len());
}

fn v0_with(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc: Value = serde_json::from_str(V0_DRAFT).unwrap();
    change(&mut doc);
    serde_json::to_vec_pretty(&doc).unwrap()
}

#[test]
fn errors_in_a_version_0_file_name_the_place_in_that_file() {
    let e = refusal(&v0_with(|d| {
        d["responses"]["cc1-training"]["status"] = json!("maybe")
    }));
    assert_names(
        &e,
        &[
            "responses.cc1-training.status",
            "maybe",
            "\"yes\", \"partly\"",
        ],
    );
    let e = refusal(&v0_with(|d| {
        d["responses"]["cc1-training"]["status"] = json!("ready")
    }));
    assert_names(&e, &["responses.cc1-training.status", "version 0"]);
    let e = refusal(&v0_with(|d| {
        d["responses"]["cc1-conduct"]["due"] = json!("2026-02-30")
    }));
    assert_names(
        &e,
        &["responses.cc1-conduct.due", "2026-02-30", "is not a date"],
    );
    let e = refusal(&v0_with(|d| {
        d["responses"]["cc6-mfa"]["evidence"] = json!([7])
    }));
    assert_names(&e, &["responses.cc6-mfa.evidence", "item 7"]);
    let e = refusal(&v0_with(|d| d["responses"]["zz-gone"] = json!({})));
    assert_eq!(e, ImportError::UnknownQuestions(vec!["zz-gone".into()]));
}

#[test]
fn a_version_0_file_in_the_shape_of_version_1_is_refused() {
    let e = refusal(&v0_with(|d| d["path"] = json!("quick")));
    assert_names(&e, &["`path`", "version 0"]);
    let e = refusal(&v0_with(|d| {
        let responses = d.as_object_mut().unwrap().remove("responses").unwrap();
        d["answers"] = responses;
    }));
    assert_names(&e, &["`answers`", "responses"]);
    let e = refusal(&v0_with(|d| {
        d.as_object_mut().unwrap().remove("responses");
    }));
    assert_names(&e, &["top level", "missing", "responses"]);
}

#[test]
fn a_version_from_the_future_asks_for_an_update() {
    let e = refusal(&fixture("err-future-version.json"));
    assert_eq!(e, ImportError::FutureVersion { found: 7 });
    assert_names(&e, &["version 7", "update the app"]);
}

#[test]
fn a_format_version_that_is_not_a_whole_number_is_named() {
    for bad in [json!("1"), json!(-1), json!(1.5), json!(null)] {
        let e = refusal(&full_with(|d| d["format_version"] = bad.clone()));
        assert_names(&e, &["format_version", "whole number"]);
    }
    let e = refusal(&full_with(|d| {
        d.as_object_mut().unwrap().remove("format_version");
    }));
    assert_names(&e, &["missing", "format_version"]);
}

// ------------------------------------------------------- not an assessment

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(refusal(&fixture("err-empty.json")), ImportError::Empty);
    assert_eq!(refusal(b" \r\n\t "), ImportError::Empty);
    assert_eq!(refusal("\u{feff}".as_bytes()), ImportError::Empty);
}

#[test]
fn an_oversized_file_is_refused_with_the_limit_stated() {
    let big = vec![b' '; MAX_IMPORT_BYTES + 1];
    let e = refusal(&big);
    assert_eq!(
        e,
        ImportError::TooLarge {
            size: MAX_IMPORT_BYTES + 1
        }
    );
    assert_names(&e, &["10485761 bytes", "10485760 bytes", "10 MiB"]);
}

#[test]
fn binary_garbage_is_refused_with_the_byte_offset() {
    let e = refusal(&fixture("err-binary.png"));
    assert_eq!(e, ImportError::NotText { offset: 0 });
    assert_names(&e, &["not text", "byte 0"]);
    let mut bytes = V1_FULL.as_bytes().to_vec();
    bytes.insert(100, 0xff);
    assert_names(&refusal(&bytes), &["invalid UTF-8 at byte 100"]);
}

#[test]
fn utf16_text_is_recognised() {
    let e = refusal(&fixture("err-utf16.json"));
    assert_eq!(e, ImportError::Utf16);
    assert_names(&e, &["UTF-16", "UTF-8"]);
}

#[test]
fn text_that_is_not_json_is_refused_with_line_and_column() {
    let text = String::from_utf8(fixture("err-not-json.json")).unwrap();
    let e = refusal(text.as_bytes());
    let ImportError::NotJson { position, .. } = &e else {
        panic!("expected NotJson, got {e:?}");
    };
    assert_eq!(
        position.line,
        text.lines().count(),
        "the stray comma is reported where the parser notices it"
    );
    let at = format!("at line {}, column 1", text.lines().count());
    assert_names(&e, &["not valid JSON", "trailing comma", &at]);
    for garbage in ["hello", "{\"format\": ", "{} {}", "\0\0\0", "{'a': 1}"] {
        assert!(
            matches!(refusal(garbage.as_bytes()), ImportError::NotJson { .. }),
            "{garbage:?}"
        );
    }
}

#[test]
fn an_array_or_a_number_is_not_an_assessment() {
    let e = refusal(&fixture("err-array.json"));
    assert_eq!(e, ImportError::NotAnObject { found: "array" });
    assert_names(&e, &["JSON array", "not an assessment"]);
    let e = refusal(&fixture("err-number.json"));
    assert_names(&e, &["JSON number"]);
    assert_names(&refusal(b"\"soc2\""), &["JSON string"]);
    assert_names(&refusal(b"null"), &["JSON null"]);
}

#[test]
fn another_kind_of_file_is_named_by_its_format() {
    let e = refusal(&fixture("err-wrong-format.json"));
    assert_names(
        &e,
        &[
            "not a SOC 2 readiness assessment",
            "\"soc2-readiness-bank\"",
            "\"soc2-readiness-assessment\"",
        ],
    );
    let e = refusal(MINI_BANK.as_bytes());
    assert!(matches!(e, ImportError::WrongFormat { .. }), "{e:?}");
    let e = refusal(&full_with(|d| {
        d.as_object_mut().unwrap().remove("format");
    }));
    assert_eq!(e, ImportError::WrongFormat { found: None });
    assert_names(&e, &["`format` is missing"]);
}

#[test]
fn an_assessment_of_another_bank_is_refused() {
    let e = refusal(&full_with(|d| d["bank"]["id"] = json!("soc2-tsc-2017")));
    assert_names(&e, &["soc2-tsc-2017", "mini", "load that bank"]);
}

// ------------------------------------------------------------ bad content

#[test]
fn answers_for_unknown_questions_are_listed_never_dropped() {
    let e = refusal(&fixture("err-unknown-questions.json"));
    assert_eq!(
        e,
        ImportError::UnknownQuestions(vec!["cc9-retired".into(), "zz-renamed".into()])
    );
    assert_names(
        &e,
        &[
            "2 questions",
            "`cc9-retired`",
            "`zz-renamed`",
            "nothing was imported",
        ],
    );
}

#[test]
fn an_impossible_date_is_named_with_its_path_and_line() {
    let text = String::from_utf8(fixture("err-bad-date.json")).unwrap();
    let e = refusal(text.as_bytes());
    let line = line_of(&text, "2026-02-30");
    assert_names(
        &e,
        &[
            "answers.cc1-conduct.due",
            "`2026-02-30` is not a date",
            "YYYY-MM-DD",
            &format!("line {line}"),
        ],
    );
    for (path, change) in [
        (
            "scope.period.start",
            json!({ "start": "2026-13-01", "end": "2026-06-30" }),
        ),
        (
            "scope.period.end",
            json!({ "start": "2026-01-01", "end": "30/06/2026" }),
        ),
    ] {
        let e = refusal(&full_with(|d| d["scope"]["period"] = change.clone()));
        assert_names(&e, &[path, "is not a date"]);
    }
    let e = refusal(&full_with(|d| {
        d["answers"]["cc6-mfa"]["operating_since"] = json!("")
    }));
    assert_names(&e, &["answers.cc6-mfa.operating_since", "is not a date"]);
}

#[test]
fn a_timestamp_that_is_not_rfc_3339_is_named() {
    let e = refusal(&fixture("err-bad-timestamp.json"));
    assert_names(&e, &["`created`", "5 January 2026", "RFC 3339"]);
    let e = refusal(&full_with(|d| d["updated"] = json!("2026-02-11")));
    assert_names(&e, &["`updated`", "RFC 3339"]);
    // In a file of the current version, the line and column an editor
    // shows, whatever its line ends.
    for eol in ["\n", "\r\n", "\r"] {
        let text = V6_FULL
            .replace(
                "\"updated\": \"2026-02-11T16:45:12.345Z\"",
                "\"updated\": \"yesterday\"",
            )
            .replace('\n', eol);
        let line = line_of(V6_FULL, "\"updated\"");
        let e = refusal(text.as_bytes());
        assert_names(&e, &["`updated`", &format!("line {line}"), "column 3"]);
    }
}

#[test]
fn an_unknown_value_is_named_with_its_path_and_the_allowed_values() {
    let e = refusal(&fixture("err-bad-status.json"));
    assert_names(
        &e,
        &[
            "answers.cc1-conduct.status",
            "`maybe`",
            "`ready`",
            "`not_applicable`",
        ],
    );
    for (path, change) in [
        (
            "scope.report_type",
            (|d: &mut Value| d["scope"]["report_type"] = json!("type3")) as fn(&mut Value),
        ),
        ("scope.categories[2]", |d| {
            d["scope"]["categories"] = json!(["security", "availability", "marketing"])
        }),
        ("scope.in_scope[0]", |d| {
            d["scope"]["in_scope"] = json!(["buildings"])
        }),
        ("`path`", |d| d["path"] = json!("short")),
    ] {
        assert_names(&refusal(&full_with(change)), &[path, "unknown value"]);
    }
}

#[test]
fn a_value_of_the_wrong_kind_is_named_with_its_path() {
    for (path, change) in [
        (
            "answers.cc6-mfa.review",
            (|d: &mut Value| d["answers"]["cc6-mfa"]["review"] = json!("yes")) as fn(&mut Value),
        ),
        ("answers.cc6-mfa.evidence[1]", |d| {
            d["answers"]["cc6-mfa"]["evidence"] = json!([0, "1"])
        }),
        ("answers.cc6-mfa", |d| {
            d["answers"]["cc6-mfa"] = json!("ready")
        }),
        ("`revision`", |d| d["revision"] = json!("17")),
        ("`name`", |d| d["name"] = json!(null)),
        ("bank.version", |d| d["bank"]["version"] = json!(1)),
        ("`answers`", |d| d["answers"] = json!([])),
    ] {
        assert_names(&refusal(&full_with(change)), &[path, "invalid type"]);
    }
    let e = refusal(&full_with(|d| {
        d["answers"]["cc6-mfa"]["evidence"] = json!([0, -1])
    }));
    assert_names(&e, &["answers.cc6-mfa.evidence[1]", "`-1`"]);
}

#[test]
fn a_missing_or_unknown_field_is_named() {
    let e = refusal(&full_with(|d| {
        d.as_object_mut().unwrap().remove("scope");
    }));
    assert_names(&e, &["top level", "missing field `scope`"]);
    let e = refusal(&full_with(|d| {
        d["scope"].as_object_mut().unwrap().remove("system");
    }));
    assert_names(&e, &["`scope`", "missing field `system`"]);
    let e = refusal(&full_with(|d| d["colour"] = json!("blue")));
    assert_names(&e, &["colour", "unknown field"]);
    let e = refusal(&full_with(|d| {
        d["answers"]["cc6-mfa"]["severity"] = json!("high")
    }));
    assert_names(&e, &["answers.cc6-mfa.severity", "unknown field"]);
}

#[test]
fn an_evidence_item_out_of_range_is_named() {
    let e = refusal(&fixture("err-bad-evidence.json"));
    assert_eq!(
        e,
        ImportError::UnknownEvidence {
            path: "answers.cc6-mfa.evidence".into(),
            question: "cc6-mfa".into(),
            index: 2,
            count: 2,
        }
    );
    assert_names(&e, &["answers.cc6-mfa.evidence", "item 2", "lists 2"]);
}

// ---------------------------------------------------------- duplicate keys

#[test]
fn a_question_answered_twice_is_refused_with_its_place() {
    let text = String::from_utf8(fixture("err-duplicate-answer.json")).unwrap();
    let e = refusal(text.as_bytes());
    let second = text.match_indices("\"cc1-conduct\"").nth(1).unwrap().0;
    let line = text[..second].lines().count();
    let ImportError::DuplicateKey {
        path,
        key,
        position,
    } = &e
    else {
        panic!("expected a duplicate key, got {e:?}");
    };
    assert_eq!((path.as_str(), key.as_str()), ("answers", "cc1-conduct"));
    assert_eq!(position.line, line);
    assert_names(&e, &["`answers` has the key `cc1-conduct` twice"]);
}

#[test]
fn a_field_written_twice_is_refused_wherever_it_is() {
    let text = String::from_utf8(fixture("err-duplicate-field.json")).unwrap();
    let e = refusal(text.as_bytes());
    assert_eq!(
        e,
        ImportError::DuplicateKey {
            path: "answers.cc1-conduct".into(),
            key: "owner".into(),
            position: Position {
                line: line_of(&text, "\"Sam\""),
                column: 13,
            },
        }
    );
    let top = V1_MINIMAL.replacen("\"name\": \"\",", "\"name\": \"a\", \"name\": \"b\",", 1);
    assert_names(
        &refusal(top.as_bytes()),
        &["the top level has the key `name` twice"],
    );
    let scope = V1_MINIMAL.replacen(
        "\"system\": \"\",",
        "\"system\": \"\", \"system\": \"x\",",
        1,
    );
    assert_names(
        &refusal(scope.as_bytes()),
        &["`scope` has the key `system` twice"],
    );
}

#[test]
fn every_error_message_is_a_sentence_a_user_can_read() {
    let errors = [
        ImportError::Empty,
        ImportError::TooLarge { size: 1 },
        ImportError::NotText { offset: 3 },
        ImportError::Utf16,
        ImportError::NotAnObject { found: "array" },
        ImportError::WrongFormat { found: None },
        ImportError::FutureVersion { found: 9 },
        ImportError::UnknownQuestions(vec!["x".into()]),
        refusal(&fixture("err-bad-date.json")),
        refusal(&fixture("err-not-json.json")),
        refusal(&fixture("err-duplicate-answer.json")),
    ];
    for e in errors {
        let message = e.to_string();
        assert!(message.len() > 15, "{message}");
        assert!(
            !message.contains("Error") && !message.contains("{"),
            "no debug text: {message}"
        );
    }
}

#[test]
fn an_import_is_checked_against_the_bank_the_file_names() {
    use soc2_readiness::core::builtin_bank;
    use soc2_readiness::core::exchange::bank_for;
    let (builtin, mini) = (builtin_bank().unwrap(), bank());
    let on_mini = export_json(&Assessment::new(
        "x".into(),
        "On the mini bank".into(),
        &mini,
        "2026-11-26T00:00:00Z".into(),
    ));
    let banks = [&builtin, &mini];
    assert_eq!(bank_for(on_mini.as_bytes(), &banks).unwrap().id, "mini");
    // Unreadable or unknown: the first bank, against which import says why.
    assert_eq!(bank_for(b"{oops", &banks).unwrap().id, builtin.id);
    let elsewhere = on_mini.replace("\"mini\"", "\"acme-bank\"");
    let chosen = bank_for(elsewhere.as_bytes(), &banks).unwrap();
    let error = import_json(elsewhere.as_bytes(), chosen)
        .unwrap_err()
        .to_string();
    assert!(error.contains("acme-bank"), "{error}");
    assert!(bank_for(on_mini.as_bytes(), &[]).is_none());
    // With two versions of the bank loaded, the file's own version is
    // chosen; with only another version loaded, the last one of its id.
    let mut mini2 = mini.clone();
    mini2.version = "2".into();
    mini2.questions.truncate(1);
    let chosen = bank_for(on_mini.as_bytes(), &[&builtin, &mini, &mini2]).unwrap();
    assert_eq!((chosen.id.as_str(), chosen.version.as_str()), ("mini", "1"));
    let chosen = bank_for(on_mini.as_bytes(), &[&builtin, &mini2, &mini]).unwrap();
    assert_eq!(chosen.version, "1");
    let chosen = bank_for(on_mini.as_bytes(), &[&builtin, &mini2]).unwrap();
    assert_eq!(chosen.version, "2");
}

// ------------------------------------------------- hostile files, short messages

#[test]
fn thousands_of_unknown_ids_are_counted_and_ten_named() {
    let bytes = full_with(|doc| {
        let answers = doc["answers"].as_object_mut().unwrap();
        for i in 0..5000 {
            answers.insert(format!("zz-unknown-{i:04}"), json!({ "status": "ready" }));
        }
    });
    let e = refusal(&bytes);
    assert_names(
        &e,
        &[
            "5,000 questions",
            "`zz-unknown-0000`",
            "`zz-unknown-0009`",
            "and 4,990 more",
        ],
    );
    assert!(!e.to_string().contains("zz-unknown-0010"));
    assert!(e.to_string().len() < 1000, "{} bytes", e.to_string().len());
}

#[test]
fn a_huge_bad_value_is_quoted_as_a_short_excerpt() {
    let huge = "x".repeat(5 * 1024 * 1024);
    let bytes = full_with(|doc| doc["answers"]["cc1-conduct"]["status"] = json!(huge));
    let e = refusal(&bytes);
    assert_names(&e, &["answers.cc1-conduct.status", "unknown value"]);
    assert!(e.to_string().len() < 600, "{} bytes", e.to_string().len());
    // A huge key is cut short too, in the path and in the list.
    let bytes = full_with(|doc| {
        doc["answers"][huge.as_str()] = json!({ "status": "ready" });
    });
    assert!(refusal(&bytes).to_string().len() < 600);
}

#[test]
fn invisible_and_bidi_characters_in_names_are_shown_and_isolated() {
    // A right-to-left override (U+202E) would make the name read backwards.
    let sneaky = "cc6-mfa\u{202e}exe.txt\u{200b}";
    let bytes = full_with(|doc| doc["answers"][sneaky] = json!({ "status": "ready" }));
    let message = refusal(&bytes).to_string();
    assert!(
        message.contains("cc6-mfa⟨U+202E⟩exe.txt⟨U+200B⟩"),
        "{message}"
    );
    assert!(!message.contains('\u{202e}') && !message.contains('\u{200b}'));
    // Each quoted name sits between a first-strong isolate and its pop.
    assert!(message.contains("\u{2068}`cc6-mfa"), "{message}");
}

#[test]
fn deeply_nested_json_is_called_nested_too_deeply() {
    let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
    let e = refusal(deep.as_bytes());
    assert!(matches!(e, ImportError::TooDeep { .. }), "{e:?}");
    assert_names(&e, &["nested too deeply", "line 1"]);
}

#[test]
fn a_revision_past_what_a_browser_holds_exactly_is_refused_and_counting_stops_there() {
    use soc2_readiness::core::assessment::{MAX_REVISION, next_revision};
    let e = refusal(&full_with(|doc| doc["revision"] = json!(MAX_REVISION + 1)));
    assert_names(&e, &["revision", "9007199254740991"]);
    assert!(import(&full_with(|doc| doc["revision"] = json!(MAX_REVISION))).is_ok());
    assert_eq!(next_revision(41), 42);
    assert_eq!(next_revision(MAX_REVISION), MAX_REVISION);
    assert_eq!(next_revision(u64::MAX), MAX_REVISION);
}

#[test]
fn download_names_are_safe_everywhere_and_keep_their_suffix() {
    use soc2_readiness::core::text::file_name;
    assert_eq!(
        file_name("Acme: Q3/Q4 check", "", "soc2.json"),
        "Acme-Q3-Q4-check.soc2.json"
    );
    assert_eq!(file_name("", "gaps", "csv"), "assessment-gaps.csv");
    assert_eq!(file_name("../../etc/passwd", "", "json"), "etc-passwd.json");
    assert_eq!(file_name("CON", "", "json"), "file-CON.json");
    assert_eq!(file_name("lpt1", "gaps", "csv"), "file-lpt1-gaps.csv");
    assert_eq!(file_name("a\u{202e}b\u{200b}c", "", "json"), "a-b-c.json");
    // A long name is cut, the suffix that tells the files apart is not.
    let long = "x".repeat(500);
    let results = file_name(&long, "oscal-results", "json");
    let poam = file_name(&long, "oscal-poam", "json");
    assert!(results.ends_with("-oscal-results.json") && poam.ends_with("-oscal-poam.json"));
    assert_ne!(results, poam);
    assert!(results.len() < 100);
}

#[test]
fn positions_count_lines_ended_by_a_lone_carriage_return() {
    // The same broken file with three kinds of line end: the same place.
    let lines = [
        "{",
        "  \"format\": \"soc2-readiness-assessment\",",
        "  \"format_version\": 1,",
        "  \"name\": x",
        "}",
    ];
    for end in ["\n", "\r\n", "\r"] {
        let text = lines.join(end);
        match refusal(text.as_bytes()) {
            ImportError::NotJson { position, .. } => {
                assert_eq!((position.line, position.column), (4, 11), "{end:?}")
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn free_ids_and_lists_are_bounded_with_the_place_named() {
    type Change = fn(&mut Value);
    let cases: &[(&str, Change, &[&str])] = &[
        (
            "an invented framework",
            |d| {
                d["answers"]["cc6-access-review"]["accepted_from"] =
                    json!("Totally Real Framework 9000")
            },
            &["answers.cc6-access-review.accepted_from", "kebab-case"],
        ),
        (
            "a 65-character crosswalk id",
            |d| d["answers"]["cc6-access-review"]["accepted_from"] = json!("x".repeat(65)),
            &["accepted_from", "64 characters"],
        ),
        (
            "too many run days",
            |d| {
                let days: Vec<String> = (0..3_661)
                    .map(|i| Day::from_ymd(2016, 1, 1).unwrap().add_days(i).to_string())
                    .collect();
                d["answers"]["cc6-access-review"]["runs"] = json!(days)
            },
            &["answers.cc6-access-review.runs", "3661 days", "3660"],
        ),
        (
            "a huge control id",
            |d| d["in_place_elsewhere"]["iso27001-2022"] = json!(["A".repeat(65)]),
            &["in_place_elsewhere.iso27001-2022", "longer than 64"],
        ),
        (
            "a crosswalk id with spaces",
            |d| d["in_place_elsewhere"] = json!({"not a crosswalk": ["A.5.1"]}),
            &["in_place_elsewhere", "kebab-case"],
        ),
        (
            "a vendor report that ends before it starts",
            |d| d["vendors"][0]["reports"][0]["end"] = json!("2025-01-01"),
            &["vendors[0].reports[0]", "2025-10-01", "after it ends"],
        ),
        (
            "two vendors with one id",
            |d| d["vendors"][1]["id"] = json!("v1"),
            &["vendors[1].id", "used twice"],
        ),
        (
            "a hundred thousand incidents",
            |d| {
                d["description"]["incidents"] =
                    json!(vec![json!({"day": "2026-01-01", "summary": "x"}); 100_000])
            },
            &["description.incidents", "at most 500"],
        ),
        (
            "a pick that is not an item of the population",
            |d| d["fieldwork"][0]["picks"][0]["id"] = json!("H9"),
            &["fieldwork[0].picks", "not an item"],
        ),
        (
            "a seed past 2^53 - 1",
            |d| d["fieldwork"][0]["seed"] = json!(9_007_199_254_740_992u64),
            &["fieldwork[0].seed", "larger than"],
        ),
        (
            "one control rehearsed twice",
            |d| {
                let again = d["fieldwork"][0].clone();
                d["fieldwork"].as_array_mut().unwrap().push(again)
            },
            &["fieldwork[1].question", "second time"],
        ),
        (
            "an unknown part of the description",
            |d| d["description"]["texts"] = json!({"<script>": "x"}),
            &["description.texts", "not a part"],
        ),
    ];
    for (what, change, parts) in cases {
        let mut doc: Value = serde_json::from_str(V6_FULL).unwrap();
        change(&mut doc);
        let e = refusal(doc.to_string().as_bytes());
        assert_names(&e, parts);
        assert!(e.to_string().len() < 300, "{what}: {e}");
    }
}

#[test]
fn answers_to_ids_neither_asked_nor_retired_are_refused_before_any_carrying() {
    let mut doc: Value = serde_json::from_str(V6_FULL).unwrap();
    doc["bank"]["version"] = json!("0.9");
    doc["answers"]["not-a-question"] = json!({"status": "ready"});
    let e = refusal(doc.to_string().as_bytes());
    assert!(matches!(e, ImportError::UnknownQuestions(ref ids) if ids == &["not-a-question"]));
}

#[test]
fn a_field_of_a_later_version_in_an_older_file_is_refused_with_its_place() {
    type Change = fn(&mut Value);
    let cases: &[(&str, u64, Change, &[&str])] = &[
        (
            "v1 with runs",
            1,
            |d| d["answers"]["cc6-access-review"]["runs"] = json!(["2026-01-02"]),
            &[
                "answers.cc6-access-review.runs",
                "version 2 and later",
                "version 1",
            ],
        ),
        (
            "v2 with in_place_elsewhere",
            2,
            |d| d["in_place_elsewhere"] = json!({"iso27001-2022": ["A.5.1"]}),
            &["in_place_elsewhere", "version 3 and later"],
        ),
        (
            "v2 with accepted_from",
            2,
            |d| d["answers"]["cc6-access-review"]["accepted_from"] = json!("iso27001-2022"),
            &[
                "answers.cc6-access-review.accepted_from",
                "version 3 and later",
            ],
        ),
        (
            "v3 with population",
            3,
            |d| d["answers"]["cc6-mfa"]["population"] = json!(12),
            &[
                "answers.cc6-mfa.population",
                "version 4 and later",
                "version 3",
            ],
        ),
        (
            "v4 with vendors",
            4,
            |d| d["vendors"] = json!([{"id": "v1", "name": "Cloudhost"}]),
            &["vendors", "version 5 and later", "version 4"],
        ),
        (
            "v5 with fieldwork",
            5,
            |d| d["fieldwork"] = json!([{"question": "cc6-mfa", "seed": 1}]),
            &["fieldwork", "version 6 and later", "version 5"],
        ),
    ];
    for (what, version, change, parts) in cases {
        let mut doc: Value = serde_json::from_str(V6_FULL).unwrap();
        doc["format_version"] = json!(version);
        for field in [
            "vendors",
            "commitments",
            "description",
            "fieldwork",
            "sample_table",
        ] {
            doc.as_object_mut().unwrap().remove(field);
        }
        if *version < 4
            && let Some(mfa) = doc["answers"]["cc6-mfa"].as_object_mut()
        {
            mfa.remove("population");
        }
        if *version < 3 {
            doc.as_object_mut().unwrap().remove("in_place_elsewhere");
            for a in doc["answers"].as_object_mut().unwrap().values_mut() {
                a.as_object_mut().unwrap().remove("accepted_from");
            }
        }
        if *version < 2 {
            for a in doc["answers"].as_object_mut().unwrap().values_mut() {
                for f in ["runs", "unhandled", "collected"] {
                    a.as_object_mut().unwrap().remove(f);
                }
            }
        }
        // The file as its version writes it is accepted...
        assert!(
            import(doc.to_string().as_bytes()).is_ok(),
            "{what}: the plain file"
        );
        // ...with a later field, refused.
        change(&mut doc);
        let e = refusal(doc.to_string().as_bytes());
        assert_names(&e, parts);
    }
    // A version 0 draft with a later field names it where the draft has it.
    let mut draft: Value =
        serde_json::from_str(&String::from_utf8(fixture("v0-draft.json")).unwrap()).unwrap();
    let first = draft["responses"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    draft["responses"][&first]["collected"] = json!({"0": "2026-01-02"});
    let e = refusal(draft.to_string().as_bytes());
    assert_names(
        &e,
        &[
            &format!("responses.{first}.collected"),
            "version 2 and later",
        ],
    );
}
