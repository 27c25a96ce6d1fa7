//! The assessment document: the JSON format used for export, import and
//! local storage alike. `static/schema/assessment.schema.json` describes
//! version 1; [`super::migrate`] lists every version.
//!
//! Import is all or nothing: it returns a complete, checked [`Assessment`] or
//! an [`ImportError`] that says what is wrong and where. It checks, in order:
//! size, text encoding, JSON syntax and duplicate keys, `format`,
//! `format_version` (older versions are upgraded), every field's type, enum
//! value and date, timestamps, then the answers against the bank (unknown
//! question ids, evidence indexes out of range).
//!
//! It does not check that a scope is complete: a Type II assessment with a
//! missing or too short period is a valid file, since users save incomplete
//! work.

use super::error::{ImportError, MAX_IMPORT_BYTES, Position, shorten, shorten_value};
use super::migrate;
use super::strict::{self, StrictError};
use crate::core::assessment::{
    Answer, Assessment, BankRef, MAX_REVISION, QuestionPath, ReportType, Scope,
};
use crate::core::bank::Bank;
use crate::core::carry::{ask_for_runs, carry_forward};
use crate::core::catalog::Category;
use crate::core::commitment::Commitment;
use crate::core::date::Timestamp;
use crate::core::description::DescriptionDraft;
use crate::core::fieldwork::{Band, Rehearsal};
use crate::core::vendor::Vendor;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

pub const ASSESSMENT_FORMAT: &str = "soc2-readiness-assessment";
pub const ASSESSMENT_FORMAT_VERSION: u64 = 6;

/// The document as written to disk. Field order is the order in the file.
/// Borrowed when written, so saving on every change copies nothing first.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document<'a> {
    format: Cow<'a, str>,
    format_version: u64,
    id: Cow<'a, str>,
    name: Cow<'a, str>,
    bank: Cow<'a, BankRef>,
    #[serde(default)]
    path: QuestionPath,
    scope: Cow<'a, Scope>,
    answers: Cow<'a, BTreeMap<String, Answer>>,
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "owned_sets"
    )]
    in_place_elsewhere: Cow<'a, BTreeMap<String, BTreeSet<String>>>,
    #[serde(default, skip_serializing_if = "<[Vendor]>::is_empty")]
    vendors: Cow<'a, [Vendor]>,
    #[serde(default, skip_serializing_if = "<[Commitment]>::is_empty")]
    commitments: Cow<'a, [Commitment]>,
    #[serde(default, skip_serializing_if = "is_blank")]
    description: Cow<'a, DescriptionDraft>,
    #[serde(default, skip_serializing_if = "<[Rehearsal]>::is_empty")]
    fieldwork: Cow<'a, [Rehearsal]>,
    #[serde(default, skip_serializing_if = "<[Band]>::is_empty")]
    sample_table: Cow<'a, [Band]>,
    /// RFC 3339 timestamps.
    created: Cow<'a, str>,
    updated: Cow<'a, str>,
    #[serde(default)]
    revision: u64,
}

// serde hands `skip_serializing_if` a reference to the field, a `Cow`.
#[allow(clippy::ptr_arg)]
fn is_blank(d: &Cow<'_, DescriptionDraft>) -> bool {
    **d == DescriptionDraft::default()
}

/// `in_place_elsewhere` as read: each list without repeats.
fn owned_sets<'de, 'a, D>(d: D) -> Result<Cow<'a, BTreeMap<String, BTreeSet<String>>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    crate::core::assessment::unique_in_each(d).map(Cow::Owned)
}

impl<'a> Document<'a> {
    fn of(a: &'a Assessment) -> Document<'a> {
        Document {
            format: Cow::Borrowed(ASSESSMENT_FORMAT),
            format_version: ASSESSMENT_FORMAT_VERSION,
            id: Cow::Borrowed(&a.id),
            name: Cow::Borrowed(&a.name),
            bank: Cow::Borrowed(&a.bank),
            path: a.path,
            scope: Cow::Borrowed(&a.scope),
            answers: Cow::Borrowed(&a.answers),
            in_place_elsewhere: Cow::Borrowed(&a.in_place_elsewhere),
            vendors: Cow::Borrowed(&a.vendors),
            commitments: Cow::Borrowed(&a.commitments),
            description: Cow::Borrowed(&a.description),
            fieldwork: Cow::Borrowed(&a.fieldwork),
            sample_table: Cow::Borrowed(&a.sample_table),
            created: Cow::Borrowed(&a.created),
            updated: Cow::Borrowed(&a.updated),
            revision: a.revision,
        }
    }
}

/// Writes an assessment as a pretty-printed document, for people: the file
/// a user exports.
pub fn export_json(assessment: &Assessment) -> String {
    write(assessment, b"  ")
}

/// Writes an assessment for local storage: the same document without the
/// indentation, which is about a quarter of a full assessment in the small
/// storage quota. (Line breaks stay: one writer for both keeps the Wasm
/// smaller.)
pub fn stored_json(assessment: &Assessment) -> String {
    write(assessment, b"")
}

fn write(assessment: &Assessment, indent: &[u8]) -> String {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(indent);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
    // Serializing plain structs with string keys into memory cannot fail,
    // and serde_json writes only UTF-8.
    match Document::of(assessment).serialize(&mut serializer) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// The bank among `banks` that a document names as the one it was answered
/// with, or the first bank when it names none of them (or cannot be read):
/// [`import_json`] against that bank then says what is wrong. See
/// [`bank_index`] for the choice.
pub fn bank_for<'b>(bytes: &[u8], banks: &[&'b Bank]) -> Option<&'b Bank> {
    #[derive(serde::Deserialize)]
    struct Named {
        bank: BankRef,
    }
    // Text that is not UTF-8 names no bank (import_json then refuses it).
    let named = std::str::from_utf8(bytes)
        .ok()
        .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t))
        .and_then(|t| serde_json::from_str::<Named>(t).ok())
        .map(|n| n.bank);
    let ix = named
        .as_ref()
        .and_then(|n| bank_index(n, banks))
        .unwrap_or(0);
    banks.get(ix).copied()
}

/// Where among `banks` the bank `named` is: that id and version, else the
/// last loaded version of that id (whose import carries the answers
/// forward or says what does not fit); `None` when no bank has the id.
pub fn bank_index(named: &BankRef, banks: &[&Bank]) -> Option<usize> {
    banks
        .iter()
        .position(|b| b.id == named.id && b.version == named.version)
        .or_else(|| banks.iter().rposition(|b| b.id == named.id))
}

/// Reads and checks a document against the bank it must have been answered
/// with. Accepts every format version from
/// [`OLDEST_FORMAT_VERSION`](super::OLDEST_FORMAT_VERSION) up to
/// [`ASSESSMENT_FORMAT_VERSION`], and a leading UTF-8 byte order mark.
pub fn import_json(bytes: &[u8], bank: &Bank) -> Result<Assessment, ImportError> {
    let text = decode(bytes)?;
    let value = strict::parse(text).map_err(|e| match e {
        StrictError::Syntax(e) if e.to_string().starts_with("recursion limit exceeded") => {
            ImportError::TooDeep {
                position: position(text, &e),
            }
        }
        StrictError::Syntax(e) => ImportError::NotJson {
            message: strip_position(&e.to_string()),
            position: position(text, &e),
        },
        StrictError::Duplicate {
            path,
            key,
            line,
            column,
        } => {
            let (line, column) = strict::seen_position(text, line, column);
            ImportError::DuplicateKey {
                path,
                key,
                position: Position { line, column },
            }
        }
    })?;
    let Value::Object(object) = value else {
        return Err(ImportError::NotAnObject {
            found: kind(&value),
        });
    };
    let version = check_header(&object)?;
    // More answers than the bank has questions and retired ids cannot all
    // be known: the unknown ones are named from the raw keys, before the
    // answers are read into their types (a huge hostile file costs one pass).
    let most = bank.questions.len() + bank.retired.len();
    let raw_answers = ["answers", "responses"]
        .iter()
        .find_map(|k| object.get(*k).and_then(Value::as_object));
    if let Some(raw) = raw_answers.filter(|a| a.len() > most) {
        return Err(ImportError::UnknownQuestions(unknown_ids(raw.keys(), bank)));
    }
    let doc: Document = if version == ASSESSMENT_FORMAT_VERSION {
        // From the text, so errors carry a line and column as well as a path.
        document(text).map_err(|(path, e)| field_error(&path, &e, Some(position(text, &e))))?
    } else {
        // An upgraded document is read as text too: one way of reading
        // documents in the app, and paths found the same way.
        let upgraded = migrate::upgrade(object, version)?;
        let text = serde_json::to_string_pretty(&Value::Object(upgraded)).unwrap_or_default();
        document(&text)
            .map_err(|(path, e)| field_error(&migrate::original_path(&path, version), &e, None))?
    };
    for (field, value) in [("created", &doc.created), ("updated", &doc.updated)] {
        check_timestamp(field, value).map_err(|e| match e {
            // Where the field is, in the file as written (current version).
            ImportError::Invalid { path, message, .. } if version == ASSESSMENT_FORMAT_VERSION => {
                ImportError::Invalid {
                    position: key_position(text, field),
                    path,
                    message,
                }
            }
            other => other,
        })?;
    }
    if doc.revision > MAX_REVISION {
        return Err(ImportError::invalid(
            "revision",
            format!(
                "{} is larger than {MAX_REVISION}, the largest a browser holds exactly",
                doc.revision
            ),
        ));
    }
    if doc.bank.id != bank.id {
        return Err(ImportError::WrongBank {
            found: doc.bank.id.clone(),
            expected: bank.id.clone(),
        });
    }
    // Answers to ids a newer bank retired go to their successors first;
    // ids the bank neither asks nor retired are refused before any work.
    let mut answers = doc.answers.into_owned();
    let unknown = unknown_ids(answers.keys(), bank);
    if !unknown.is_empty() {
        return Err(ImportError::UnknownQuestions(unknown));
    }
    check_bounds(&answers, &doc.in_place_elsewhere)?;
    check_register(&doc.vendors, &doc.commitments, &doc.description)?;
    check_fieldwork(&doc.fieldwork, &doc.sample_table, bank)?;
    let mut bank_ref = doc.bank.into_owned();
    if bank_ref.version != bank.version {
        carry_forward(bank, &bank_ref.version, &mut answers);
        if doc.scope.report_type == ReportType::Type2 {
            ask_for_runs(bank, &mut answers);
        }
        bank_ref.version = bank.version.clone();
    }
    check_against_bank(&answers, bank, version)?;
    let mut scope = doc.scope.into_owned();
    scope.categories.insert(Category::Security);
    crate::core::assessment::apply_conditions(bank, &scope, &mut answers);
    Ok(Assessment {
        id: doc.id.into_owned(),
        name: doc.name.into_owned(),
        bank: bank_ref,
        path: doc.path,
        scope,
        answers,
        in_place_elsewhere: doc.in_place_elsewhere.into_owned(),
        vendors: doc.vendors.into_owned(),
        commitments: doc.commitments.into_owned(),
        description: doc.description.into_owned(),
        fieldwork: doc.fieldwork.into_owned(),
        sample_table: doc.sample_table.into_owned(),
        created: doc.created.into_owned(),
        updated: doc.updated.into_owned(),
        revision: doc.revision,
    })
}

/// Size and encoding: the raw bytes as UTF-8 text without a byte order mark.
fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(ImportError::Utf16);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotText {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

/// Checks `format` and returns `format_version`.
fn check_header(object: &serde_json::Map<String, Value>) -> Result<u64, ImportError> {
    match object.get("format") {
        Some(Value::String(f)) if f == ASSESSMENT_FORMAT => {}
        other => {
            return Err(ImportError::WrongFormat {
                found: other.map(shorten_value),
            });
        }
    }
    let whole_number = || {
        format!(
            "must be a whole number from {} to {ASSESSMENT_FORMAT_VERSION}",
            migrate::OLDEST_FORMAT_VERSION
        )
    };
    match object.get("format_version") {
        None => Err(ImportError::invalid("", "missing field `format_version`")),
        Some(v) => match v.as_u64() {
            Some(v) if v > ASSESSMENT_FORMAT_VERSION => {
                Err(ImportError::FutureVersion { found: v })
            }
            Some(v)
                if (migrate::OLDEST_FORMAT_VERSION..=ASSESSMENT_FORMAT_VERSION).contains(&v) =>
            {
                Ok(v)
            }
            _ => Err(ImportError::invalid(
                "format_version",
                format!("{} {}", shorten_value(v), whole_number()),
            )),
        },
    }
}

fn check_timestamp(field: &str, text: &str) -> Result<(), ImportError> {
    match Timestamp::parse(text) {
        Some(_) => Ok(()),
        None => Err(ImportError::invalid(
            field,
            format!(
                "`{}` is not a timestamp; expected RFC 3339, such as 2026-11-26T09:30:00Z",
                shorten(text)
            ),
        )),
    }
}

/// The ids among `ids` that `bank` neither asks nor retired.
fn unknown_ids<'a>(ids: impl Iterator<Item = &'a String>, bank: &Bank) -> Vec<String> {
    ids.filter(|id| bank.question(id).is_none() && bank.retired(id).is_none())
        .cloned()
        .collect()
}

/// Most days recorded for one control: ten years of a daily control.
pub const MAX_RUNS: usize = 3_660;
/// Longest crosswalk or control id an assessment may name.
pub const MAX_FREE_ID_CHARS: usize = 64;
/// Most controls in place an assessment may list per crosswalk.
pub const MAX_CONTROLS_IN_PLACE: usize = 1_000;

/// The bounds of what an assessment's free ids and lists may hold, so a
/// file cannot fill the storage quota or print an invented framework.
fn check_bounds(
    answers: &BTreeMap<String, Answer>,
    in_place: &BTreeMap<String, std::collections::BTreeSet<String>>,
) -> Result<(), ImportError> {
    let free_id = |id: &str| crate::core::bank::is_kebab_case(id) && id.len() <= MAX_FREE_ID_CHARS;
    for (id, answer) in answers {
        if answer.runs.len() > MAX_RUNS {
            return Err(ImportError::invalid(
                format!("answers.{id}.runs"),
                format!(
                    "lists {} days; at most {MAX_RUNS} are kept per control",
                    answer.runs.len()
                ),
            ));
        }
        if !answer.accepted_from.is_empty() && !free_id(&answer.accepted_from) {
            return Err(ImportError::invalid(
                format!("answers.{id}.accepted_from"),
                format!(
                    "must be a crosswalk id in lowercase kebab-case of at most \
                     {MAX_FREE_ID_CHARS} characters"
                ),
            ));
        }
    }
    for (crosswalk, controls) in in_place {
        if !free_id(crosswalk) {
            return Err(ImportError::invalid(
                "in_place_elsewhere",
                format!(
                    "crosswalk ids are lowercase kebab-case of at most {MAX_FREE_ID_CHARS} \
                     characters"
                ),
            ));
        }
        if controls.len() > MAX_CONTROLS_IN_PLACE {
            return Err(ImportError::invalid(
                format!("in_place_elsewhere.{crosswalk}"),
                format!("lists more than {MAX_CONTROLS_IN_PLACE} controls"),
            ));
        }
        if let Some(long) = controls
            .iter()
            .find(|c| c.chars().count() > MAX_FREE_ID_CHARS)
        {
            return Err(ImportError::invalid(
                format!("in_place_elsewhere.{crosswalk}"),
                format!(
                    "a control id is longer than {MAX_FREE_ID_CHARS} characters ({})",
                    crate::core::text::quoted(long)
                ),
            ));
        }
    }
    Ok(())
}

/// Most bands of a sample table.
pub const MAX_BANDS: usize = 20;

/// Rehearsals: of questions the bank asks, populations within the reader's
/// limits, seeds a browser holds exactly, picks of items of the population.
fn check_fieldwork(
    fieldwork: &[Rehearsal],
    table: &[Band],
    bank: &Bank,
) -> Result<(), ImportError> {
    use crate::core::fieldwork::{MAX_ROWS, MAX_SEED};
    if table.len() > MAX_BANDS {
        return Err(ImportError::invalid(
            "sample_table",
            format!("has {} bands; at most {MAX_BANDS}", table.len()),
        ));
    }
    let mut seen = BTreeSet::new();
    for (i, r) in fieldwork.iter().enumerate() {
        let id = &r.question;
        let at = |field: &str| format!("fieldwork[{i}].{field}");
        if bank.question(id).is_none() {
            return Err(ImportError::UnknownQuestions(vec![id.clone()]));
        }
        if !seen.insert(id.as_str()) {
            return Err(ImportError::invalid(
                at("question"),
                format!(
                    "rehearses {} a second time; one rehearsal per control",
                    crate::core::text::quoted(id)
                ),
            ));
        }
        if r.items.len() > MAX_ROWS {
            return Err(ImportError::invalid(
                at("items"),
                format!("lists {} items; at most {MAX_ROWS}", r.items.len()),
            ));
        }
        if r.seed.is_some_and(|s| s > MAX_SEED) {
            return Err(ImportError::invalid(
                at("seed"),
                format!("is larger than {MAX_SEED}, the largest a browser holds exactly"),
            ));
        }
        if r.picks.len() > r.items.len() {
            return Err(ImportError::invalid(
                at("picks"),
                "has more picks than the population has items",
            ));
        }
        if let Some(p) = r
            .picks
            .iter()
            .find(|p| !r.items.iter().any(|i| i.id == p.id))
        {
            return Err(ImportError::invalid(
                at("picks"),
                format!(
                    "picks {}, which is not an item of the population",
                    crate::core::text::quoted(&p.id)
                ),
            ));
        }
    }
    Ok(())
}

/// Most vendors, commitments, and entries of any one list in the
/// register or the description draft an assessment may hold.
pub const MAX_REGISTER_ENTRIES: usize = 500;

/// The vendor register, the commitments and the draft: ids unique and
/// short, periods in order, lists bounded, and only known parts named.
fn check_register(
    vendors: &[Vendor],
    commitments: &[Commitment],
    draft: &DescriptionDraft,
) -> Result<(), ImportError> {
    let too_many = |path: &str, n: usize| -> Result<(), ImportError> {
        if n > MAX_REGISTER_ENTRIES {
            Err(ImportError::invalid(
                path,
                format!("lists {n} entries; at most {MAX_REGISTER_ENTRIES} are kept"),
            ))
        } else {
            Ok(())
        }
    };
    let check_id = |path: String, id: &str, seen: &mut BTreeSet<String>| {
        if id.is_empty() || id.chars().count() > MAX_FREE_ID_CHARS {
            return Err(ImportError::invalid(
                path,
                format!("an id must have 1 to {MAX_FREE_ID_CHARS} characters"),
            ));
        }
        if !seen.insert(id.to_owned()) {
            return Err(ImportError::invalid(
                path,
                format!(
                    "the id {} is used twice; each must be unique",
                    crate::core::text::quoted(id)
                ),
            ));
        }
        Ok(())
    };
    too_many("vendors", vendors.len())?;
    too_many("commitments", commitments.len())?;
    let mut seen = BTreeSet::new();
    for (i, v) in vendors.iter().enumerate() {
        check_id(format!("vendors[{i}].id"), &v.id, &mut seen)?;
        too_many(&format!("vendors[{i}].reports"), v.reports.len())?;
        too_many(&format!("vendors[{i}].csocs"), v.csocs.len())?;
        too_many(&format!("vendors[{i}].cuecs"), v.cuecs.len())?;
        for (r, report) in v.reports.iter().enumerate() {
            if report.start > report.end {
                return Err(ImportError::invalid(
                    format!("vendors[{i}].reports[{r}]"),
                    format!(
                        "its period starts ({}) after it ends ({})",
                        report.start, report.end
                    ),
                ));
            }
        }
    }
    let mut seen = BTreeSet::new();
    for (i, c) in commitments.iter().enumerate() {
        check_id(format!("commitments[{i}].id"), &c.id, &mut seen)?;
    }
    too_many("description.incidents", draft.incidents.len())?;
    too_many("description.changes", draft.changes.len())?;
    too_many("description.user_controls", draft.user_controls.len())?;
    let known = |key: &str| {
        crate::core::description::PARTS.iter().any(|p| p.id == key)
            || key.strip_prefix("components.").is_some_and(|item| {
                crate::core::assessment::ScopeItem::ALL
                    .iter()
                    .any(|s| s.label().to_lowercase() == item)
            })
    };
    if let Some(key) = draft.texts.keys().find(|k| !known(k)) {
        return Err(ImportError::invalid(
            "description.texts",
            format!(
                "{} is not a part of the description",
                crate::core::text::quoted(key)
            ),
        ));
    }
    if let Some(key) = draft
        .none
        .iter()
        .find(|k| !["incidents", "changes", "user_controls"].contains(&k.as_str()))
    {
        return Err(ImportError::invalid(
            "description.none",
            format!(
                "{} is not a part that can be stated as none (incidents, changes, user_controls)",
                crate::core::text::quoted(key)
            ),
        ));
    }
    Ok(())
}

fn check_against_bank(
    answers: &BTreeMap<String, Answer>,
    bank: &Bank,
    version: u64,
) -> Result<(), ImportError> {
    let unknown: Vec<String> = answers
        .keys()
        .filter(|id| bank.question(id).is_none())
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(ImportError::UnknownQuestions(unknown));
    }
    for (id, answer) in answers.iter() {
        let count = bank.question(id).map_or(0, |q| q.evidence.len());
        let out_of_range = answer
            .evidence
            .iter()
            .copied()
            .chain(answer.collected.keys().copied())
            .find(|&i| i >= count);
        if let Some(index) = out_of_range {
            return Err(ImportError::UnknownEvidence {
                path: migrate::original_path(&format!("answers.{id}.evidence"), version),
                question: id.clone(),
                index,
                count,
            });
        }
    }
    Ok(())
}

/// Reads a document from JSON text already checked for syntax; on error,
/// also the JSON path of the offending place (empty for the top level).
fn document(text: &str) -> Result<Document<'static>, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    Document::deserialize(&mut de).map_err(|e| (strict::error_path(text, &e), e))
}

/// A field-level error from serde, with its path (empty for the top level).
fn field_error(path: &str, e: &serde_json::Error, position: Option<Position>) -> ImportError {
    let message = strip_position(&e.to_string()).replacen("unknown variant", "unknown value", 1);
    ImportError::Invalid {
        path: path.to_owned(),
        message,
        position,
    }
}

/// Where the key `"name"` is in `text`, as an editor shows it (CR LF, LF
/// and CR each end a line). A quote inside a JSON string is escaped, so
/// `"name"` followed by a colon is always a key.
fn key_position(text: &str, name: &str) -> Option<Position> {
    let quoted = format!("\"{name}\"");
    let at = text.match_indices(&quoted).map(|(i, _)| i).find(|&i| {
        text[i + quoted.len()..]
            .trim_start_matches([' ', '\t', '\r', '\n'])
            .starts_with(':')
    })?;
    let (line, start) = strict::line_at(text, at);
    Some(Position {
        line,
        column: text[start..at].chars().count() + 1,
    })
}

fn position(text: &str, e: &serde_json::Error) -> Position {
    let (line, column) = strict::seen_position(text, e.line(), e.column());
    Position { line, column }
}

/// serde_json appends " at line X column Y"; we report position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(ix) => message[..ix].to_owned(),
        None => message.to_owned(),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
