//! The assessment document: the JSON format used for export, import and
//! local storage alike.
//!
//! Import is all or nothing: it returns a complete, checked [`Assessment`] or
//! an [`ImportError`] that says what is wrong and where.

use crate::core::assessment::{Answer, Assessment, BankRef, QuestionPath, Scope};
use crate::core::bank::Bank;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

pub const ASSESSMENT_FORMAT: &str = "soc2-readiness-assessment";
pub const ASSESSMENT_FORMAT_VERSION: u64 = 1;
/// Largest file accepted for import.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// The document as written to disk. Field order is the order in the file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    format_version: u64,
    id: String,
    name: String,
    bank: BankRef,
    #[serde(default)]
    path: QuestionPath,
    scope: Scope,
    #[serde(deserialize_with = "answers_without_duplicates")]
    answers: BTreeMap<String, Answer>,
    created: String,
    updated: String,
    #[serde(default)]
    revision: u64,
}

/// Why an import was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is {size} bytes; the largest file accepted is {MAX_IMPORT_BYTES} bytes (10 MiB)"
    )]
    TooLarge { size: usize },
    #[error("the file is not text (invalid UTF-8 at byte {offset}); is it the right file?")]
    NotText { offset: usize },
    #[error("the file is not valid JSON: {message} at line {line}, column {column}")]
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    #[error(
        "this is not a SOC 2 readiness assessment: `format` is {found}, expected \"{ASSESSMENT_FORMAT}\""
    )]
    WrongFormat { found: String },
    #[error(
        "the file uses format version {found}, newer than this app reads ({ASSESSMENT_FORMAT_VERSION}); update the app"
    )]
    FutureVersion { found: u64 },
    #[error("at `{path}`: {message}")]
    Invalid { path: String, message: String },
    #[error(
        "the assessment was answered against bank `{found}`, but this app has bank `{expected}`; load that bank first"
    )]
    WrongBank { found: String, expected: String },
    #[error("answers for questions this bank does not have: {}", .0.join(", "))]
    UnknownQuestions(Vec<String>),
    #[error(
        "at `answers.{question}.evidence`: item {index} does not exist (the question lists {count} evidence items)"
    )]
    UnknownEvidence {
        question: String,
        index: usize,
        count: usize,
    },
}

/// Writes an assessment as a pretty-printed document.
pub fn export_json(assessment: &Assessment) -> String {
    let doc = Document {
        format: ASSESSMENT_FORMAT.to_owned(),
        format_version: ASSESSMENT_FORMAT_VERSION,
        id: assessment.id.clone(),
        name: assessment.name.clone(),
        bank: assessment.bank.clone(),
        path: assessment.path,
        scope: assessment.scope.clone(),
        answers: assessment.answers.clone(),
        created: assessment.created.clone(),
        updated: assessment.updated.clone(),
        revision: assessment.revision,
    };
    // Serializing plain structs with string keys cannot fail.
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Reads and checks a document against the bank it must have been answered with.
pub fn import_json(bytes: &[u8], bank: &Bank) -> Result<Assessment, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { size: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotText {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
        })?;
    check_header(&value)?;
    // Re-parse from text (not the Value) so duplicate answer keys are caught.
    let mut de = serde_json::Deserializer::from_str(text);
    let doc: Document = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        ImportError::Invalid {
            path,
            message: strip_position(&e.into_inner().to_string()),
        }
    })?;
    check_against_bank(&doc, bank)?;
    let mut scope = doc.scope;
    scope
        .categories
        .insert(crate::core::catalog::Category::Security);
    Ok(Assessment {
        id: doc.id,
        name: doc.name,
        bank: doc.bank,
        path: doc.path,
        scope,
        answers: doc.answers,
        created: doc.created,
        updated: doc.updated,
        revision: doc.revision,
    })
}

fn check_header(value: &serde_json::Value) -> Result<(), ImportError> {
    let Some(object) = value.as_object() else {
        return Err(ImportError::Invalid {
            path: ".".into(),
            message: "the document must be a JSON object".into(),
        });
    };
    match object.get("format") {
        Some(serde_json::Value::String(f)) if f == ASSESSMENT_FORMAT => {}
        Some(other) => {
            return Err(ImportError::WrongFormat {
                found: truncate(&other.to_string()),
            });
        }
        None => {
            return Err(ImportError::WrongFormat {
                found: "missing".into(),
            });
        }
    }
    match object.get("format_version").and_then(|v| v.as_u64()) {
        Some(v) if v > ASSESSMENT_FORMAT_VERSION => Err(ImportError::FutureVersion { found: v }),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(ImportError::Invalid {
            path: "format_version".into(),
            message: "must be a whole number from 1".into(),
        }),
    }
}

fn check_against_bank(doc: &Document, bank: &Bank) -> Result<(), ImportError> {
    if doc.bank.id != bank.id {
        return Err(ImportError::WrongBank {
            found: doc.bank.id.clone(),
            expected: bank.id.clone(),
        });
    }
    let unknown: Vec<String> = doc
        .answers
        .keys()
        .filter(|id| bank.question(id).is_none())
        .cloned()
        .collect();
    if !unknown.is_empty() {
        return Err(ImportError::UnknownQuestions(unknown));
    }
    for (id, answer) in &doc.answers {
        let count = bank.question(id).map_or(0, |q| q.evidence.len());
        if let Some(&index) = answer.evidence.iter().find(|&&i| i >= count) {
            return Err(ImportError::UnknownEvidence {
                question: id.clone(),
                index,
                count,
            });
        }
    }
    Ok(())
}

/// serde_json appends " at line X column Y"; we report position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(ix) => message[..ix].to_owned(),
        None => message.to_owned(),
    }
}

fn truncate(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// serde_json keeps the last of duplicate map keys; we refuse them instead,
/// since silently dropping one of two answers would lose data.
fn answers_without_duplicates<'de, D: Deserializer<'de>>(
    de: D,
) -> Result<BTreeMap<String, Answer>, D::Error> {
    struct NoDuplicates;
    impl<'de> Visitor<'de> for NoDuplicates {
        type Value = BTreeMap<String, Answer>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of answers keyed by question id")
        }
        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "question `{key}` is answered twice"
                    )));
                }
                let answer: Answer = map.next_value()?;
                out.insert(key, answer);
            }
            Ok(out)
        }
    }
    de.deserialize_map(NoDuplicates)
}
