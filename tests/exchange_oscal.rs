//! OSCAL exports checked against the OSCAL 1.1.2 model: every required
//! field present and non-empty, allowed values only, valid uuids and
//! timestamps, no empty arrays, every reference resolving. The rules below
//! are transcribed from the assessment-results, POA&M, assessment-common and
//! metadata metaschemas of OSCAL v1.1.2 (src/metaschema/ in usnistgov/OSCAL).

use serde_json::Value;
use soc2_readiness::core::exchange::import_json;
use soc2_readiness::core::exchange::oscal::{
    CriterionResult, DocumentInfo, OSCAL_VERSION, OscalError, PoamInput, PoamItemInput,
    QuestionResult, ResultsInput, assessment_results, plan_of_action,
};
use soc2_readiness::core::{Assessment, Bank, Day, Status};
use std::collections::{BTreeMap, BTreeSet};

const MINI_BANK: &str = include_str!("fixtures/mini-bank.json");
const V1_FULL: &str = include_str!("fixtures/import/v1-full.json");

// ------------------------------------------------------- the OSCAL rules

/// (model path, fields that must be present). A path names array items
/// with `[]`; a path starting with `*` matches any path ending with the rest.
const REQUIRED: &[(&str, &[&str])] = &[
    // assessment-results model
    (
        "assessment-results",
        &["uuid", "metadata", "import-ap", "results"],
    ),
    ("assessment-results.import-ap", &["href"]),
    (
        "assessment-results.results[]",
        &["uuid", "title", "description", "start", "reviewed-controls"],
    ),
    (
        "assessment-results.results[].reviewed-controls",
        &["control-selections"],
    ),
    (
        "assessment-results.results[].reviewed-controls.control-selections[].include-controls[]",
        &["control-id"],
    ),
    // assessment-common: observation, finding, risk, response
    (
        "*.observations[]",
        &["uuid", "description", "methods", "collected"],
    ),
    ("*.observations[].relevant-evidence[]", &["description"]),
    ("*.findings[]", &["uuid", "title", "description", "target"]),
    ("*.findings[].target", &["type", "target-id", "status"]),
    ("*.findings[].target.status", &["state"]),
    ("*.related-observations[]", &["observation-uuid"]),
    (
        "*.risks[]",
        &["uuid", "title", "description", "statement", "status"],
    ),
    (
        "*.risks[].remediations[]",
        &["uuid", "lifecycle", "title", "description"],
    ),
    ("*.related-risks[]", &["risk-uuid"]),
    // plan-of-action-and-milestones model
    (
        "plan-of-action-and-milestones",
        &["uuid", "metadata", "poam-items"],
    ),
    ("plan-of-action-and-milestones.system-id", &["id"]),
    // uuid is optional in 1.1.2 but "a best practice"; we always give it.
    (
        "plan-of-action-and-milestones.poam-items[]",
        &["uuid", "title", "description"],
    ),
    // metadata model
    (
        "*.metadata",
        &["title", "last-modified", "version", "oscal-version"],
    ),
    ("*.props[]", &["name", "value"]),
    ("*.back-matter.resources[]", &["uuid"]),
];

/// (model path, allowed values) for enumerated fields.
const ALLOWED: &[(&str, &[&str])] = &[
    (
        "*.observations[].methods[]",
        &["EXAMINE", "INTERVIEW", "TEST", "UNKNOWN"],
    ),
    (
        "*.observations[].types[]",
        &[
            "ssp-statement-issue",
            "control-objective",
            "mitigation",
            "finding",
            "historic",
        ],
    ),
    (
        "*.findings[].target.type",
        &["statement-id", "objective-id"],
    ),
    (
        "*.findings[].target.status.state",
        &["satisfied", "not-satisfied"],
    ),
    (
        "*.risks[].status",
        &[
            "open",
            "investigating",
            "remediating",
            "deviation-requested",
            "deviation-approved",
            "closed",
        ],
    ),
    (
        "*.risks[].remediations[].lifecycle",
        &["recommendation", "planned", "completed"],
    ),
    ("*.metadata.oscal-version", &[OSCAL_VERSION]),
];

/// Fields of type dateTime-with-timezone.
const DATE_TIMES: &[&str] = &["last-modified", "start", "end", "collected", "deadline"];
/// Fields of type token.
const TOKENS: &[&str] = &["control-id", "target-id", "name"];
/// Fields of type string (trimmed, one line) rather than markup.
const STRINGS: &[&str] = &["version", "value", "id", "href"];
/// Fields of type markup-line (one line).
const LINES: &[&str] = &["title"];

fn matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_prefix('*') {
        Some(suffix) => path.ends_with(suffix),
        None => pattern == path,
    }
}

/// OSCAL's UUIDDatatype: a version 4 or 5 RFC 4122 uuid.
fn is_uuid(text: &str) -> bool {
    let Ok(u) = uuid::Uuid::parse_str(text) else {
        return false;
    };
    text.len() == 36
        && matches!(u.get_version_num(), 4 | 5)
        && u.get_variant() == uuid::Variant::RFC4122
}

/// OSCAL's DateTimeWithTimezoneDatatype: `YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)`
/// for years 1900 to 2999.
fn is_date_time(text: &str) -> bool {
    let format = time::format_description::well_known::Rfc3339;
    let b = text.as_bytes();
    time::OffsetDateTime::parse(text, &format).is_ok_and(|t| (1900..=2999).contains(&t.year()))
        && b.get(10) == Some(&b'T')
        && (text.ends_with('Z')
            || b.get(b.len().saturating_sub(6))
                .is_some_and(|c| *c == b'+' || *c == b'-'))
}

/// OSCAL's TokenDatatype: `^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$`.
fn is_token(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Everything wrong with a document, as readable lines.
fn violations(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut matched = BTreeSet::new();
    walk(doc, "", &mut out, &mut matched);
    let mut uuids = BTreeMap::new();
    collect_uuids(doc, &mut uuids);
    for (uuid, count) in &uuids {
        if *count > 1 {
            out.push(format!("uuid {uuid} is declared {count} times"));
        }
    }
    for reference in ["observation-uuid", "risk-uuid"] {
        let mut refs = Vec::new();
        collect_field(doc, reference, &mut refs);
        for r in refs {
            if !uuids.contains_key(&r) {
                out.push(format!("{reference} {r} points to nothing"));
            }
        }
    }
    let mut hrefs = Vec::new();
    collect_field(doc, "href", &mut hrefs);
    for href in hrefs {
        match href.strip_prefix('#') {
            Some(target) if uuids.contains_key(target) => {}
            _ => out.push(format!("href {href} is not a resolvable local reference")),
        }
    }
    out
}

fn walk(value: &Value, path: &str, out: &mut Vec<String>, matched: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            if object.is_empty() && !path.ends_with("include-all") {
                out.push(format!("{path} is an empty object"));
            }
            for (pattern, fields) in REQUIRED {
                if matches(pattern, path) {
                    matched.insert((*pattern).to_owned());
                    for field in *fields {
                        if !object.contains_key(*field) {
                            out.push(format!("{path} lacks required `{field}`"));
                        }
                    }
                }
            }
            if path.ends_with("control-selections[]")
                && object.contains_key("include-all") == object.contains_key("include-controls")
            {
                out.push(format!(
                    "{path} needs exactly one of include-all, include-controls"
                ));
            }
            for (key, sub) in object {
                let sub_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                if let Some(text) = sub.as_str() {
                    check_text(key, text, &sub_path, out);
                }
                walk(sub, &sub_path, out, matched);
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                out.push(format!(
                    "{path} is an empty array (OSCAL arrays have at least one item)"
                ));
            }
            for item in items {
                walk(item, &format!("{path}[]"), out, matched);
            }
        }
        Value::String(text) if text.is_empty() => out.push(format!("{path} is empty")),
        _ => {}
    }
    if let Some(text) = value.as_str() {
        for (pattern, allowed) in ALLOWED {
            if matches(pattern, path) && !allowed.contains(&text) {
                out.push(format!("{path} is `{text}`, not one of {allowed:?}"));
            }
        }
    }
}

fn check_text(key: &str, text: &str, path: &str, out: &mut Vec<String>) {
    if text.trim().is_empty() {
        out.push(format!("{path} is blank"));
    }
    if (key == "uuid" || key.ends_with("-uuid")) && !is_uuid(text) {
        out.push(format!("{path}: `{text}` is not a version 4 or 5 uuid"));
    }
    if DATE_TIMES.contains(&key) && !is_date_time(text) {
        out.push(format!("{path}: `{text}` is not a dateTime-with-timezone"));
    }
    if TOKENS.contains(&key) && !is_token(text) {
        out.push(format!("{path}: `{text}` is not a token"));
    }
    if (STRINGS.contains(&key) || LINES.contains(&key)) && text.contains(['\n', '\r']) {
        out.push(format!("{path} must be one line"));
    }
    if STRINGS.contains(&key) && text.trim() != text {
        out.push(format!("{path} has leading or trailing space"));
    }
}

fn collect_uuids(value: &Value, out: &mut BTreeMap<String, usize>) {
    match value {
        Value::Object(o) => {
            if let Some(u) = o.get("uuid").and_then(Value::as_str) {
                *out.entry(u.to_owned()).or_default() += 1;
            }
            o.values().for_each(|v| collect_uuids(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_uuids(v, out)),
        _ => {}
    }
}

fn collect_field(value: &Value, field: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(o) => {
            if let Some(v) = o.get(field).and_then(Value::as_str) {
                out.push(v.to_owned());
            }
            o.values().for_each(|v| collect_field(v, field, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_field(v, field, out)),
        _ => {}
    }
}

fn assert_valid(doc: &Value) {
    let problems = violations(doc);
    assert!(
        problems.is_empty(),
        "not valid OSCAL 1.1.2:\n{}\n{doc:#}",
        problems.join("\n")
    );
}

// ------------------------------------------------------------- the inputs

fn bank() -> Bank {
    Bank::from_json(MINI_BANK).unwrap()
}

fn assessment(bank: &Bank) -> Assessment {
    import_json(V1_FULL.as_bytes(), bank).unwrap()
}

fn info(a: &Assessment) -> DocumentInfo {
    DocumentInfo {
        source_id: a.id.clone(),
        title: format!("SOC 2 readiness: {}", a.scope.organisation),
        last_modified: a.updated.clone(),
        version: a.revision.to_string(),
        bank: "Mini bank for tests (mini 1)".into(),
    }
}

/// Results as the UI builds them: criteria the assessment asks about, each
/// satisfied here when all its questions are ready or not applicable (a
/// stand-in for the engine).
fn results(bank: &Bank, a: &Assessment) -> ResultsInput {
    let questions: Vec<QuestionResult> = a
        .asked(bank)
        .map(|q| QuestionResult::new(q, a.answer(&q.id)))
        .collect();
    let criteria = bank
        .criteria
        .iter()
        .enumerate()
        .filter_map(|(ix, c)| {
            let ids: Vec<String> = a
                .asked(bank)
                .filter(|q| q.criterion_ix.contains(&ix))
                .map(|q| q.id.clone())
                .collect();
            if ids.is_empty() {
                return None;
            }
            let satisfied = ids
                .iter()
                .all(|id| matches!(a.status(id), Some(Status::Ready | Status::NotApplicable)));
            Some(CriterionResult {
                id: c.id.clone(),
                topic: c.topic.clone(),
                satisfied,
                summary: format!("Questions considered: {}.", ids.join(", ")),
                questions: ids,
            })
        })
        .collect();
    ResultsInput {
        document: info(a),
        title: "Readiness self-assessment".into(),
        description: "Acme Cloud, Type II, Security and Availability.".into(),
        start: a.created.clone(),
        end: Some(a.updated.clone()),
        criteria,
        questions,
        likely_outcome: Some("qualified".into()),
    }
}

fn poam(bank: &Bank, a: &Assessment) -> PoamInput {
    let items = bank
        .questions
        .iter()
        .filter(|q| !matches!(a.status(&q.id), Some(Status::Ready | Status::NotApplicable)))
        .map(|q| {
            let answer = a.answer(&q.id).cloned().unwrap_or_default();
            PoamItemInput {
                key: q.id.clone(),
                title: q.text.clone(),
                description: q.guidance.clone(),
                criteria: q.criteria.clone(),
                status: answer.status,
                owner: answer.owner,
                due: answer.due,
                steps: q.remediation.steps.clone(),
                effort: q.remediation.effort.label().into(),
            }
        })
        .collect();
    PoamInput {
        document: info(a),
        items,
    }
}

fn ar_result(doc: &Value) -> &Value {
    &doc["assessment-results"]["results"][0]
}

// ------------------------------------------------------------------ tests

#[test]
fn the_rule_checker_catches_what_it_should() {
    // Guards the rules themselves: a broken document must be reported.
    let bank = bank();
    let a = assessment(&bank);
    let mut doc = assessment_results(&results(&bank, &a)).unwrap();
    assert_valid(&doc);
    let ar = &mut doc["assessment-results"];
    ar["metadata"].as_object_mut().unwrap().remove("version");
    ar["results"][0]["findings"][0]["target"]["status"]["state"] = "maybe".into();
    ar["results"][0]["observations"][0]["uuid"] = "not-a-uuid".into();
    ar["results"][0]["start"] = "2026-01-05".into();
    ar["results"][0]["observations"][1]["relevant-evidence"] = Value::Array(vec![]);
    let problems = violations(&doc).join("\n");
    for expected in [
        "lacks required `version`",
        "not one of",
        "not a version 4 or 5 uuid",
        "not a dateTime-with-timezone",
        "empty array",
        "points to nothing",
    ] {
        assert!(problems.contains(expected), "{expected}: {problems}");
    }
}

#[test]
fn assessment_results_have_every_field_oscal_requires() {
    let bank = bank();
    let a = assessment(&bank);
    let doc = assessment_results(&results(&bank, &a)).unwrap();
    assert_valid(&doc);
    let ar = &doc["assessment-results"];
    assert_eq!(ar["metadata"]["oscal-version"], "1.1.2");
    assert_eq!(ar["metadata"]["version"], "17");
    assert_eq!(ar["metadata"]["last-modified"], "2026-02-11T16:45:12.345Z");
    assert_eq!(ar_result(&doc)["start"], "2026-01-05T09:30:00Z");
}

#[test]
fn each_criterion_is_a_finding_and_each_question_an_observation() {
    let bank = bank();
    let a = assessment(&bank);
    let input = results(&bank, &a);
    let doc = assessment_results(&input).unwrap();
    let result = ar_result(&doc);
    let controls: Vec<&str> =
        result["reviewed-controls"]["control-selections"][0]["include-controls"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["control-id"].as_str().unwrap())
            .collect();
    // The quick path asks nothing about A1.2.
    assert_eq!(controls, ["CC1.1", "CC6.1"]);
    let findings = result["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    let state = |id: &str| {
        findings
            .iter()
            .find(|f| f["target"]["target-id"] == id)
            .unwrap()["target"]["status"]["state"]
            .clone()
    };
    // Quick path: CC1.1 asks cc1-conduct (partial); CC6.1 asks cc6-mfa (ready).
    assert_eq!(state("CC1.1"), "not-satisfied");
    assert_eq!(state("CC6.1"), "satisfied");
    let observations = result["observations"].as_array().unwrap();
    assert_eq!(observations.len(), input.questions.len());
    let mfa = observations
        .iter()
        .find(|o| o["title"] == "Is MFA enforced for every user?")
        .unwrap();
    let evidence: Vec<&str> = mfa["relevant-evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["description"].as_str().unwrap())
        .collect();
    assert_eq!(
        evidence,
        ["IdP MFA policy screenshot", "List of users without MFA"]
    );
    assert!(
        mfa["props"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "readiness-status" && p["value"] == "ready")
    );
}

#[test]
fn notes_and_owners_are_carried_and_escaped_for_markdown() {
    let bank = bank();
    let a = assessment(&bank);
    let mut input = results(&bank, &a);
    input.questions[0].note = "Use <script>alert(1)</script> and *all* users".into();
    input.questions[0].owner = "  Dana\nRíos ".into();
    let doc = assessment_results(&input).unwrap();
    assert_valid(&doc);
    let o = &ar_result(&doc)["observations"][0];
    let description = o["description"].as_str().unwrap();
    assert!(
        description.contains("\\<script\\>") && description.contains("\\*all\\*"),
        "{description}"
    );
    assert!(
        o["props"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "owner" && p["value"] == "Dana Ríos")
    );
}

#[test]
fn empty_input_still_gives_a_valid_document() {
    let input = ResultsInput {
        document: DocumentInfo {
            source_id: String::new(),
            title: " ".into(),
            last_modified: "2026-01-01T00:00:00Z".into(),
            version: String::new(),
            bank: String::new(),
        },
        title: String::new(),
        description: "\n".into(),
        start: "2026-01-01T00:00:00+02:00".into(),
        end: None,
        criteria: Vec::new(),
        questions: Vec::new(),
        likely_outcome: None,
    };
    let doc = assessment_results(&input).unwrap();
    assert_valid(&doc);
    assert!(
        ar_result(&doc)["reviewed-controls"]["control-selections"][0]
            .get("include-all")
            .is_some()
    );
    let result = ar_result(&doc).as_object().unwrap();
    assert!(!result.contains_key("findings") && !result.contains_key("observations"));
    let titled = CriterionResult {
        id: "1bad id".into(),
        topic: String::new(),
        satisfied: false,
        summary: String::new(),
        questions: vec!["not-there".into()],
    };
    let doc = assessment_results(&ResultsInput {
        criteria: vec![titled],
        ..input
    })
    .unwrap();
    assert_valid(&doc);
}

#[test]
fn a_timestamp_oscal_cannot_take_is_refused_by_name() {
    let bank = bank();
    let a = assessment(&bank);
    for (field, value) in [
        ("start", "2026-01-05"),
        ("start", "yesterday"),
        ("last_modified", "1850-01-01T00:00:00Z"),
    ] {
        let mut input = results(&bank, &a);
        match field {
            "start" => input.start = value.into(),
            _ => input.document.last_modified = value.into(),
        }
        let e = assessment_results(&input).unwrap_err();
        assert!(
            matches!(e, OscalError::Timestamp { field: f, .. } if f == field),
            "{e:?}"
        );
        assert!(e.to_string().contains(value));
    }
}

#[test]
fn uuids_are_stable_per_subject_and_new_per_revision() {
    let bank = bank();
    let a = assessment(&bank);
    let first = assessment_results(&results(&bank, &a)).unwrap();
    assert_eq!(
        first,
        assessment_results(&results(&bank, &a)).unwrap(),
        "deterministic"
    );
    let mut b = a.clone();
    b.revision += 1;
    b.updated = "2026-03-01T10:00:00Z".into();
    let second = assessment_results(&results(&bank, &b)).unwrap();
    assert_ne!(
        first["assessment-results"]["uuid"], second["assessment-results"]["uuid"],
        "a new revision is a new document"
    );
    assert_eq!(
        ar_result(&first)["observations"][0]["uuid"],
        ar_result(&second)["observations"][0]["uuid"],
        "the same question is the same subject"
    );
    let mut other = a.clone();
    other.id = "another-assessment".into();
    let third = assessment_results(&results(&bank, &other)).unwrap();
    assert_ne!(
        ar_result(&first)["observations"][0]["uuid"],
        ar_result(&third)["observations"][0]["uuid"]
    );
}

#[test]
fn the_poam_has_every_field_oscal_requires() {
    let bank = bank();
    let a = assessment(&bank);
    let doc = plan_of_action(&poam(&bank, &a)).unwrap();
    assert_valid(&doc);
    let p = &doc["plan-of-action-and-milestones"];
    assert!(
        p.get("import-ssp").is_some() || p.get("system-id").is_some(),
        "a POA&M names its system"
    );
    assert_eq!(p["metadata"]["oscal-version"], "1.1.2");
}

#[test]
fn each_gap_is_a_poam_item_with_its_risk_deadline_and_plan() {
    let bank = bank();
    let a = assessment(&bank);
    let input = poam(&bank, &a);
    let doc = plan_of_action(&input).unwrap();
    let p = &doc["plan-of-action-and-milestones"];
    let items = p["poam-items"].as_array().unwrap();
    assert_eq!(items.len(), input.items.len());
    assert_eq!(
        items.len(),
        3,
        "cc1-conduct, cc1-training, cc6-access-review"
    );
    let conduct = items
        .iter()
        .find(|i| i["title"] == "Do staff sign a code of conduct?")
        .unwrap();
    let props: Vec<(&str, &str)> = conduct["props"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["name"].as_str().unwrap(), p["value"].as_str().unwrap()))
        .collect();
    assert!(props.contains(&("criterion", "CC1.1")));
    assert!(props.contains(&("owner", "Dana Ríos")));
    assert!(props.contains(&("readiness-status", "partial")));
    let risk_uuid = &conduct["related-risks"][0]["risk-uuid"];
    let risk = p["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| &r["uuid"] == risk_uuid)
        .unwrap();
    assert_eq!(risk["status"], "remediating", "partly in place");
    assert_eq!(risk["deadline"], "2026-03-31T23:59:59Z");
    let plan = risk["remediations"][0]["description"].as_str().unwrap();
    assert_eq!(plan, "1. Write it\n2. Collect signatures");
    assert_eq!(risk["remediations"][0]["lifecycle"], "planned");
    let training = p["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == "Do staff complete security training every year?")
        .unwrap();
    assert_eq!(training["status"], "open", "unanswered");
    assert!(training.get("deadline").is_none());
}

#[test]
fn a_due_date_outside_oscal_years_is_left_out_not_invalid() {
    let bank = bank();
    let a = assessment(&bank);
    let mut input = poam(&bank, &a);
    input.items[0].due = Day::from_ymd(202, 3, 1);
    input.items[0].steps = vec![" ".into()];
    input.items[0].effort = String::new();
    let doc = plan_of_action(&input).unwrap();
    assert_valid(&doc);
    let risk = &doc["plan-of-action-and-milestones"]["risks"][0];
    assert!(risk.get("deadline").is_none());
    assert_eq!(
        risk["remediations"][0]["description"],
        "No remediation steps were recorded."
    );
}

#[test]
fn an_empty_roadmap_is_not_a_poam() {
    let bank = bank();
    let a = assessment(&bank);
    let input = PoamInput {
        document: info(&a),
        items: Vec::new(),
    };
    let e = plan_of_action(&input).unwrap_err();
    assert_eq!(e, OscalError::NothingToPlan);
    assert!(e.to_string().contains("no open gaps"));
}
