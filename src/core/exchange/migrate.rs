//! Upgrades older assessment documents to the current format version.
//!
//! Each migration step turns a document of version N into version N + 1 on the
//! parsed JSON, so a file of any older version reaches the current one by
//! running the steps in order. The versions of the assessment document:
//!
//! - **Version 0** (pre-release draft, never shipped in a release): answers
//!   sit under `responses` instead of `answers`; an answer's `status` is one
//!   of `"yes"`, `"partly"`, `"no"`, `"na"`; there is no `path` field (every
//!   draft assessment asked the full question list). All other fields are as
//!   in version 1.
//! - **Version 1**: answers are under `answers`; `status` is one of
//!   `ready`, `implemented`, `partial`, `planned`, `missing`,
//!   `not_applicable`; `path` is `full` (the default) or `quick`.
//! - **Version 2**: as version 1, and an answer may also hold `runs` (days
//!   a periodic control ran), `unhandled` (events not handled) and
//!   `collected` (when evidence items were collected). A version 1
//!   document is a valid version 2 document; the number tells an older app
//!   that it cannot read the new fields.
//! - **Version 3**: as version 2, and the document may hold
//!   `in_place_elsewhere` (controls of another framework in place, by
//!   crosswalk id) and an answer `accepted_from` (the crosswalk whose
//!   proposal set its status). A version 2 document is a valid version 3
//!   document.
//! - **Version 4**: as version 3, and an answer may hold `population` (a
//!   per-event control's events in the period). A version 3 document is a
//!   valid version 4 document.
//! - **Version 5**: as version 4, and the document may hold `vendors` (the
//!   vendor register), `commitments` (the service commitments) and
//!   `description` (the user's system description draft). A version 4
//!   document is a valid version 5 document.
//! - **Version 6** (current): as written by
//!   [`export_json`](super::export_json) and described by
//!   `static/schema/assessment.schema.json`. As version 5, and the document
//!   may hold `fieldwork` (rehearsals of per-event controls: populations,
//!   draws and tested picks) and `sample_table`. A version 5 document is a
//!   valid version 6 document.
//!
//! Adding version 7 means: bump `ASSESSMENT_FORMAT_VERSION`, add a step with
//! `from: 6` below, a fixture `tests/fixtures/import/v6-*.json` kept as it is,
//! and a test that imports it.

use super::error::{ImportError, shorten_value};
use serde_json::{Map, Value};

/// The oldest format version this app still imports.
pub const OLDEST_FORMAT_VERSION: u64 = 0;

type Object = Map<String, Value>;

/// One upgrade step, from version `from` to `from + 1`.
pub(crate) struct Migration {
    pub from: u64,
    /// Fields the step renames, as (name in version `from + 1`, name in
    /// version `from`): errors found after upgrading are reported at the
    /// place the user will find in their own file.
    pub renamed: &'static [(&'static str, &'static str)],
    /// Fields version `from + 1` added: top-level names, or `answers.*.x`
    /// for a field of each answer. A document of an older version that
    /// holds one is refused, as a reader of that version would.
    pub added: &'static [&'static str],
    pub apply: fn(Object) -> Result<Object, ImportError>,
}

/// Every step, in order; step `i` upgrades version `OLDEST_FORMAT_VERSION + i`.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 0,
        renamed: &[("answers", "responses")],
        added: &[],
        apply: v0_to_v1,
    },
    Migration {
        from: 1,
        renamed: &[],
        added: &[
            "answers.*.runs",
            "answers.*.unhandled",
            "answers.*.collected",
        ],
        // Only fields were added.
        apply: Ok,
    },
    Migration {
        from: 2,
        renamed: &[],
        added: &["in_place_elsewhere", "answers.*.accepted_from"],
        // Only fields were added.
        apply: Ok,
    },
    Migration {
        from: 3,
        renamed: &[],
        added: &["answers.*.population"],
        // Only a field was added.
        apply: Ok,
    },
    Migration {
        from: 4,
        renamed: &[],
        added: &["vendors", "commitments", "description"],
        // Only fields were added.
        apply: Ok,
    },
    Migration {
        from: 5,
        renamed: &[],
        added: &["fieldwork", "sample_table"],
        // Only fields were added.
        apply: Ok,
    },
];

/// Upgrades a document of format version `from` to the current version.
pub(crate) fn upgrade(mut document: Object, from: u64) -> Result<Object, ImportError> {
    for step in MIGRATIONS.iter().filter(|m| m.from >= from) {
        document = (step.apply)(document)?;
        if let Some(path) = added_field(&document, step.added) {
            return Err(ImportError::invalid(
                original_path(&path, from),
                format!(
                    "is a field of format version {} and later; this file says it is version \
                     {from}",
                    step.from + 1
                ),
            ));
        }
        document.insert("format_version".into(), Value::from(step.from + 1));
    }
    Ok(document)
}

/// The first of `added` that `doc` holds, as a path (`answers.q.runs`).
fn added_field(doc: &Object, added: &[&str]) -> Option<String> {
    for field in added {
        match field.strip_prefix("answers.*.") {
            Some(inner) => {
                let holder = doc
                    .get("answers")
                    .and_then(Value::as_object)
                    .and_then(|answers| {
                        answers
                            .iter()
                            .find(|(_, a)| a.as_object().is_some_and(|a| a.contains_key(inner)))
                    });
                if let Some((id, _)) = holder {
                    return Some(format!("answers.{id}.{inner}"));
                }
            }
            None if doc.contains_key(*field) => return Some((*field).to_owned()),
            None => {}
        }
    }
    None
}

/// Maps a JSON path in the upgraded document back to the file as written in
/// version `from`, such as `answers.q.due` → `responses.q.due` for version 0.
pub(crate) fn original_path(path: &str, from: u64) -> String {
    let mut path = path.to_owned();
    for step in MIGRATIONS.iter().rev().filter(|m| m.from >= from) {
        for (new, old) in step.renamed {
            if let Some(rest) = path.strip_prefix(new)
                && (rest.is_empty() || rest.starts_with(['.', '[']))
            {
                path = format!("{old}{rest}");
            }
        }
    }
    path
}

/// Version 0 → 1: `responses` becomes `answers`, draft statuses become
/// current ones (yes → ready, partly → partial, no → missing,
/// na → not_applicable).
fn v0_to_v1(mut doc: Object) -> Result<Object, ImportError> {
    for (field, why) in [
        ("path", "format version 0 has no `path` field"),
        (
            "answers",
            "format version 0 keeps answers under `responses`",
        ),
    ] {
        if doc.contains_key(field) {
            return Err(ImportError::invalid(field, why));
        }
    }
    let mut responses = match doc.remove("responses") {
        Some(Value::Object(responses)) => responses,
        Some(_) => {
            return Err(ImportError::invalid(
                "responses",
                "must be an object of answers keyed by question id",
            ));
        }
        None => return Err(ImportError::invalid("", "missing field `responses`")),
    };
    for (id, answer) in &mut responses {
        let Value::Object(answer) = answer else {
            return Err(ImportError::invalid(
                format!("responses.{id}"),
                "must be an object",
            ));
        };
        let Some(status) = answer.get_mut("status") else {
            continue;
        };
        let current = match status.as_str() {
            _ if status.is_null() => continue,
            Some("yes") => "ready",
            Some("partly") => "partial",
            Some("no") => "missing",
            Some("na") => "not_applicable",
            _ => {
                return Err(ImportError::invalid(
                    format!("responses.{id}.status"),
                    format!(
                        "{} is not a status of format version 0; expected one of \"yes\", \"partly\", \"no\", \"na\"",
                        shorten_value(status)
                    ),
                ));
            }
        };
        *status = Value::from(current);
    }
    doc.insert("answers".into(), Value::Object(responses));
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exchange::ASSESSMENT_FORMAT_VERSION;

    #[test]
    fn there_is_one_step_per_older_version_in_order() {
        let froms: Vec<u64> = MIGRATIONS.iter().map(|m| m.from).collect();
        let expected: Vec<u64> = (OLDEST_FORMAT_VERSION..ASSESSMENT_FORMAT_VERSION).collect();
        assert_eq!(froms, expected);
    }

    #[test]
    fn paths_map_back_to_the_names_of_the_older_version() {
        assert_eq!(original_path("answers.q.due", 0), "responses.q.due");
        assert_eq!(original_path("answers", 0), "responses");
        assert_eq!(original_path("answersheet", 0), "answersheet");
        assert_eq!(original_path("scope.period", 0), "scope.period");
        assert_eq!(original_path("answers.q.due", 1), "answers.q.due");
    }
}
