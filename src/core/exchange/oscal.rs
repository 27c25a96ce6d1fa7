//! OSCAL 1.1 exports: the readiness results as an assessment-results
//! document, the roadmap as a plan of action and milestones (POA&M).
//!
//! The builders take plain input structs, so they do not depend on how scores
//! and the roadmap are computed; the UI maps the engine's output onto them
//! ([`QuestionResult::new`] does the per-question part from core types).
//!
//! What the documents hold:
//! - assessment-results: `metadata`; `import-ap` pointing to a back-matter
//!   resource that names the question bank (there is no OSCAL assessment
//!   plan); one `result` whose `reviewed-controls` lists the criteria, with an
//!   `observation` per answered question (method `INTERVIEW`: answers are
//!   self-reported) and a `finding` per criterion whose target state is
//!   `satisfied` or `not-satisfied`;
//! - POA&M: `metadata`; `system-id`; per roadmap item a `risk` (status,
//!   deadline from the due date, the remediation steps as a planned
//!   response) and a `poam-item` linked to it.
//!
//! UUIDs are name-based (version 5) from the assessment id, so exporting the
//! same assessment again gives the same ids for the same subjects; the
//! document uuid also takes the version and timestamp, so it changes with
//! every revision, as OSCAL asks. Every required field is filled: an empty
//! title or description gets a stated placeholder, and arrays that would be
//! empty are left out (OSCAL forbids empty arrays).

use crate::core::assessment::{Answer, Status};
use crate::core::bank::Question;
use crate::core::date::{Day, Timestamp};
use serde_json::{Map, Value, json};

/// The OSCAL release the documents follow.
pub const OSCAL_VERSION: &str = "1.1.2";
/// Namespace of this app's own properties (`props`).
pub const PROPERTY_NS: &str = "urn:soc2-readiness:oscal";
/// MIME type for a download of either document.
pub const OSCAL_MIME: &str = "application/json";

/// Namespace for the name-based UUIDs of this app (fixed forever).
const UUID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6c1b_0a5e_83d4_4f0e_9a51_2c7e_5d3b_8f10);

/// Why a document could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OscalError {
    #[error(
        "`{field}` is `{value}`, not a timestamp OSCAL accepts (RFC 3339 with a time zone, years 1900 to 2999)"
    )]
    Timestamp { field: &'static str, value: String },
    #[error("a POA&M needs at least one item, and the roadmap is empty: there are no open gaps")]
    NothingToPlan,
}

/// Facts every OSCAL document carries (its `metadata` and uuid).
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentInfo {
    /// Id of the assessment the document is made from; all uuids derive from it.
    pub source_id: String,
    pub title: String,
    /// RFC 3339 timestamp of the last change (the assessment's `updated`).
    pub last_modified: String,
    /// Version of the content, such as the assessment's revision.
    pub version: String,
    /// The question bank, such as "SOC 2 readiness … (soc2-tsc-2017 1.0.0)".
    pub bank: String,
}

/// What the user answered to one question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub id: String,
    pub text: String,
    /// `None`: unanswered.
    pub status: Option<Status>,
    pub justification: String,
    pub note: String,
    pub owner: String,
    /// Names of the evidence items ticked.
    pub evidence: Vec<String>,
}

impl QuestionResult {
    /// The result of one question from its bank entry and the user's answer.
    pub fn new(question: &Question, answer: Option<&Answer>) -> Self {
        let answer = answer.cloned().unwrap_or_default();
        QuestionResult {
            id: question.id.clone(),
            text: question.text.clone(),
            status: answer.status,
            justification: answer.justification,
            note: answer.note,
            owner: answer.owner,
            evidence: answer
                .evidence
                .iter()
                .filter_map(|&i| question.evidence.get(i).cloned())
                .collect(),
        }
    }
}

/// The verdict on one criterion, such as CC6.1.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionResult {
    pub id: String,
    pub topic: String,
    /// Whether the criterion is ready for the audit.
    pub satisfied: bool,
    /// Why, in a sentence or two, such as "62% ready; MFA is not enforced".
    pub summary: String,
    /// Ids of the [`QuestionResult`]s the verdict rests on.
    pub questions: Vec<String>,
}

/// Input of [`assessment_results`].
#[derive(Debug, Clone, PartialEq)]
pub struct ResultsInput {
    pub document: DocumentInfo,
    pub title: String,
    /// Scope and overall readiness, in prose.
    pub description: String,
    /// RFC 3339 timestamps: when the assessment began (its `created`) and,
    /// if given, ended.
    pub start: String,
    pub end: Option<String>,
    pub criteria: Vec<CriterionResult>,
    pub questions: Vec<QuestionResult>,
    /// The likely outcome's stable tier id, such as `qualified`.
    pub likely_outcome: Option<String>,
}

/// One roadmap item: a gap and the plan to close it.
#[derive(Debug, Clone, PartialEq)]
pub struct PoamItemInput {
    /// Stable key of the gap, such as its question id.
    pub key: String,
    pub title: String,
    pub description: String,
    /// Criterion ids the gap affects.
    pub criteria: Vec<String>,
    pub status: Option<Status>,
    pub owner: String,
    pub due: Option<Day>,
    /// Remediation steps, in order.
    pub steps: Vec<String>,
    /// Rough effort, such as "days".
    pub effort: String,
}

/// Input of [`plan_of_action`].
#[derive(Debug, Clone, PartialEq)]
pub struct PoamInput {
    pub document: DocumentInfo,
    pub items: Vec<PoamItemInput>,
}

/// Builds an OSCAL assessment-results document (`{"assessment-results": …}`).
pub fn assessment_results(input: &ResultsInput) -> Result<Value, OscalError> {
    let ids = Ids(&input.document.source_id);
    let doc = &input.document;
    let last_modified = timestamp("last_modified", &doc.last_modified)?;
    let bank_uuid = ids.uuid("bank", "");

    let observations: Vec<Value> = input
        .questions
        .iter()
        .map(|q| observation(&ids, q, &last_modified))
        .collect();
    let findings: Vec<Value> = input
        .criteria
        .iter()
        .map(|c| finding(&ids, c, &input.questions))
        .collect();
    let selection = if input.criteria.is_empty() {
        json!({ "include-all": {} })
    } else {
        let controls: Vec<Value> = input
            .criteria
            .iter()
            .map(|c| json!({ "control-id": token(&c.id) }))
            .collect();
        json!({ "include-controls": controls })
    };

    let mut result = Map::new();
    result.insert("uuid".into(), ids.uuid("result", &doc.version).into());
    result.insert(
        "title".into(),
        line(&input.title, "Readiness results").into(),
    );
    result.insert(
        "description".into(),
        multiline(&input.description, "Self-assessed SOC 2 readiness.").into(),
    );
    if let Some(tier) = &input.likely_outcome {
        result.insert("props".into(), json!([prop("likely-outcome", tier)]));
    }
    result.insert("start".into(), timestamp("start", &input.start)?.into());
    if let Some(end) = &input.end {
        result.insert("end".into(), timestamp("end", end)?.into());
    }
    result.insert(
        "reviewed-controls".into(),
        json!({ "control-selections": [selection] }),
    );
    insert_list(&mut result, "observations", observations);
    insert_list(&mut result, "findings", findings);

    Ok(json!({
        "assessment-results": {
            "uuid": ids.document("assessment-results", doc),
            "metadata": metadata(doc, &last_modified),
            "import-ap": { "href": format!("#{bank_uuid}") },
            "results": [result],
            "back-matter": { "resources": [bank_resource(doc, &bank_uuid)] },
        }
    }))
}

/// Builds an OSCAL plan-of-action-and-milestones document
/// (`{"plan-of-action-and-milestones": …}`).
pub fn plan_of_action(input: &PoamInput) -> Result<Value, OscalError> {
    if input.items.is_empty() {
        return Err(OscalError::NothingToPlan);
    }
    let ids = Ids(&input.document.source_id);
    let doc = &input.document;
    let last_modified = timestamp("last_modified", &doc.last_modified)?;
    let bank_uuid = ids.uuid("bank", "");
    let risks: Vec<Value> = input.items.iter().map(|i| risk(&ids, i)).collect();
    let items: Vec<Value> = input.items.iter().map(|i| poam_item(&ids, i)).collect();
    Ok(json!({
        "plan-of-action-and-milestones": {
            "uuid": ids.document("poam", doc),
            "metadata": metadata(doc, &last_modified),
            "system-id": {
                "identifier-type": "http://ietf.org/rfc/rfc4122",
                "id": ids.uuid("system", ""),
            },
            "risks": risks,
            "poam-items": items,
            "back-matter": { "resources": [bank_resource(doc, &bank_uuid)] },
        }
    }))
}

fn metadata(doc: &DocumentInfo, last_modified: &str) -> Value {
    json!({
        "title": line(&doc.title, "SOC 2 readiness"),
        "last-modified": last_modified,
        "version": string(&doc.version, "1"),
        "oscal-version": OSCAL_VERSION,
    })
}

fn bank_resource(doc: &DocumentInfo, uuid: &str) -> Value {
    json!({
        "uuid": uuid,
        "title": line(&doc.bank, "SOC 2 readiness question bank"),
        "description": "The questionnaire the answers were given against; it stands in for an assessment plan.",
    })
}

fn observation(ids: &Ids, q: &QuestionResult, collected: &str) -> Value {
    let status = q.status.map_or("Not answered", Status::label);
    let mut description = format!("Answer: {status}.");
    for (label, text) in [("Why not applicable", &q.justification), ("Note", &q.note)] {
        if !text.trim().is_empty() {
            description.push_str(&format!("\n\n{label}: {}", text.trim()));
        }
    }
    let mut props = vec![prop("question-id", &q.id)];
    if let Some(status) = q.status {
        props.push(prop("readiness-status", Status::id(status)));
    }
    if !q.owner.trim().is_empty() {
        props.push(prop("owner", &q.owner));
    }
    let mut o = Map::new();
    o.insert("uuid".into(), ids.uuid("observation", &q.id).into());
    o.insert("title".into(), line(&q.text, &q.id).into());
    o.insert("description".into(), multiline(&description, "").into());
    o.insert("props".into(), props.into());
    o.insert("methods".into(), json!(["INTERVIEW"]));
    o.insert("types".into(), json!(["control-objective"]));
    let evidence: Vec<Value> = q
        .evidence
        .iter()
        .filter(|e| !e.trim().is_empty())
        .map(|e| json!({ "description": multiline(e, "") }))
        .collect();
    insert_list(&mut o, "relevant-evidence", evidence);
    o.insert("collected".into(), collected.into());
    Value::Object(o)
}

fn finding(ids: &Ids, c: &CriterionResult, questions: &[QuestionResult]) -> Value {
    let state = if c.satisfied {
        "satisfied"
    } else {
        "not-satisfied"
    };
    let mut f = Map::new();
    f.insert("uuid".into(), ids.uuid("finding", &c.id).into());
    f.insert(
        "title".into(),
        line(&format!("{}: {}", c.id, c.topic), &c.id).into(),
    );
    f.insert(
        "description".into(),
        multiline(
            &c.summary,
            if c.satisfied {
                "Ready for the audit."
            } else {
                "Not ready for the audit."
            },
        )
        .into(),
    );
    f.insert(
        "target".into(),
        json!({
            "type": "objective-id",
            "target-id": token(&c.id),
            "status": { "state": state },
        }),
    );
    let related: Vec<Value> = c
        .questions
        .iter()
        .filter(|id| questions.iter().any(|q| &q.id == *id))
        .map(|id| json!({ "observation-uuid": ids.uuid("observation", id) }))
        .collect();
    insert_list(&mut f, "related-observations", related);
    Value::Object(f)
}

fn risk(ids: &Ids, item: &PoamItemInput) -> Value {
    let status = match item.status {
        Some(Status::Ready | Status::NotApplicable) => "closed",
        Some(Status::Implemented | Status::Partial) => "remediating",
        Some(Status::Planned | Status::Missing) | None => "open",
    };
    let title = line(&item.title, &item.key);
    let raw_title = string(&item.title, &item.key);
    let mut r = Map::new();
    r.insert("uuid".into(), ids.uuid("risk", &item.key).into());
    r.insert("title".into(), title.clone().into());
    r.insert(
        "description".into(),
        multiline(&item.description, &raw_title).into(),
    );
    r.insert(
        "statement".into(),
        multiline(
            &format!(
                "An auditor may report an exception for {} until this is closed.",
                if item.criteria.is_empty() {
                    "the related criteria".to_owned()
                } else {
                    item.criteria.join(", ")
                }
            ),
            "",
        )
        .into(),
    );
    r.insert("status".into(), status.into());
    if let Some(deadline) = item.due.and_then(deadline) {
        r.insert("deadline".into(), deadline.into());
    }
    let steps: Vec<String> = item
        .steps
        .iter()
        .filter(|s| !s.trim().is_empty())
        .enumerate()
        .map(|(i, s)| format!("{}. {}", i + 1, markup(s.trim())))
        .collect();
    let mut response = Map::new();
    response.insert("uuid".into(), ids.uuid("remediation", &item.key).into());
    response.insert("lifecycle".into(), "planned".into());
    response.insert("title".into(), format!("Close: {title}").into());
    response.insert(
        "description".into(),
        if steps.is_empty() {
            "No remediation steps were recorded.".to_owned()
        } else {
            steps.join("\n")
        }
        .into(),
    );
    if !item.effort.trim().is_empty() {
        response.insert("props".into(), json!([prop("effort", &item.effort)]));
    }
    r.insert("remediations".into(), json!([response]));
    Value::Object(r)
}

fn poam_item(ids: &Ids, item: &PoamItemInput) -> Value {
    let raw_title = string(&item.title, &item.key);
    let mut props: Vec<Value> = item
        .criteria
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| prop("criterion", c))
        .collect();
    if let Some(status) = item.status {
        props.push(prop("readiness-status", Status::id(status)));
    }
    if !item.owner.trim().is_empty() {
        props.push(prop("owner", &item.owner));
    }
    let mut p = Map::new();
    p.insert("uuid".into(), ids.uuid("poam-item", &item.key).into());
    p.insert("title".into(), markup(&raw_title).into());
    p.insert(
        "description".into(),
        multiline(&item.description, &raw_title).into(),
    );
    insert_list(&mut p, "props", props);
    p.insert(
        "related-risks".into(),
        json!([{ "risk-uuid": ids.uuid("risk", &item.key) }]),
    );
    Value::Object(p)
}

/// Name-based uuids under one assessment id.
struct Ids<'a>(&'a str);

impl Ids<'_> {
    fn uuid(&self, kind: &str, key: &str) -> String {
        let name = format!("{}\u{1f}{kind}\u{1f}{key}", self.0);
        uuid::Uuid::new_v5(&UUID_NAMESPACE, name.as_bytes())
            .hyphenated()
            .to_string()
    }

    /// A document's uuid changes with every version and modification time.
    fn document(&self, kind: &str, doc: &DocumentInfo) -> String {
        self.uuid(kind, &format!("{}\u{1f}{}", doc.version, doc.last_modified))
    }
}

fn prop(name: &str, value: &str) -> Value {
    json!({ "name": name, "ns": PROPERTY_NS, "value": string(value, "-") })
}

fn insert_list(object: &mut Map<String, Value>, key: &str, list: Vec<Value>) {
    if !list.is_empty() {
        object.insert(key.into(), Value::Array(list));
    }
}

/// A timestamp in the canonical RFC 3339 form OSCAL's dateTime-with-timezone
/// accepts (uppercase `T` and `Z`, years 1900 to 2999).
fn timestamp(field: &'static str, text: &str) -> Result<String, OscalError> {
    let error = || OscalError::Timestamp {
        field,
        value: text.chars().take(40).collect(),
    };
    let parsed = Timestamp::parse(text).ok_or_else(error)?;
    if !(1900..=2999).contains(&parsed.year()) {
        return Err(error());
    }
    Ok(parsed.to_string())
}

/// A due date as the end of that day in UTC; `None` outside the years OSCAL
/// accepts.
fn deadline(day: Day) -> Option<String> {
    let text = day.to_string();
    let year: i32 = text.get(..4)?.parse().ok()?;
    (text.len() == 10 && (1900..=2999).contains(&year)).then(|| format!("{text}T23:59:59Z"))
}

/// A single-line, trimmed, non-empty plain text (OSCAL string).
fn string(text: &str, fallback: &str) -> String {
    let collapse = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    match (collapse(text), collapse(fallback)) {
        (text, _) if !text.is_empty() => text,
        (_, fallback) if !fallback.is_empty() => fallback,
        _ => "-".to_owned(),
    }
}

/// A single-line, trimmed, non-empty text (OSCAL markup-line).
fn line(text: &str, fallback: &str) -> String {
    markup(&string(text, fallback))
}

/// A trimmed, non-empty multi-line text (OSCAL markup-multiline).
fn multiline(text: &str, fallback: &str) -> String {
    match text.trim() {
        "" => line(fallback, "-"),
        text => markup(text),
    }
}

/// Escapes the Markdown characters that would change how user text renders
/// in OSCAL tools (emphasis, links, code, inline HTML).
fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An OSCAL token (control and target ids): letters, digits, `.`, `-`, `_`,
/// starting with a letter or `_`.
fn token(id: &str) -> String {
    let mut out: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        out.insert(0, '_');
    }
    out
}
