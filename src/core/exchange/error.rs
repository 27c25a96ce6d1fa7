//! Why an import was refused, in words a user can act on.

use crate::core::text::{quoted, some_names};
use serde_json::Value;
use std::fmt;

/// Largest file accepted for import.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// A place in the file by line and column (both from 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// Why an import was refused. Import is all or nothing: on any error nothing
/// is imported. Every message names what is wrong and where: a JSON path such
/// as `answers.cc6-mfa.due` (empty for the top level), a line and column, or a
/// byte offset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is {size} bytes; the largest file accepted is {MAX_IMPORT_BYTES} bytes ({} MiB)",
        MAX_IMPORT_BYTES / (1024 * 1024)
    )]
    TooLarge { size: usize },
    #[error("the file is not text (invalid UTF-8 at byte {offset}); is it the right file?")]
    NotText { offset: usize },
    #[error("the file is UTF-16 text; save it as UTF-8 and import it again")]
    Utf16,
    #[error("the file is not valid JSON: {} at {position}", crate::core::text::message(.message))]
    NotJson { message: String, position: Position },
    #[error(
        "the file is nested too deeply (more than 128 levels) at {position}; an assessment is at most 5 levels deep"
    )]
    TooDeep { position: Position },
    #[error(
        "{} has the key {} twice (the second at {position}); remove one of them",
        describe_path(path),
        quoted(key)
    )]
    DuplicateKey {
        /// The object holding the key twice.
        path: String,
        key: String,
        position: Position,
    },
    #[error("the file holds a JSON {found}, not an assessment (a JSON object)")]
    NotAnObject { found: &'static str },
    #[error(
        "this is not a SOC 2 readiness assessment: {}, expected \"{}\"",
        match found {
            Some(found) => format!("`format` is {found}"),
            None => "`format` is missing".to_owned(),
        },
        super::ASSESSMENT_FORMAT
    )]
    WrongFormat {
        /// The `format` value as JSON text (shortened), if there is one.
        found: Option<String>,
    },
    #[error(
        "the file uses format version {found}, newer than this app reads ({}); update the app",
        super::ASSESSMENT_FORMAT_VERSION
    )]
    FutureVersion { found: u64 },
    #[error(
        "at {}{}: {}",
        describe_path(path),
        position.map(|p| format!(" ({p})")).unwrap_or_default(),
        crate::core::text::message(.message)
    )]
    Invalid {
        path: String,
        message: String,
        position: Option<Position>,
    },
    #[error(
        "the assessment was answered against bank {}, but this app has bank {}; load that bank first",
        quoted(found),
        quoted(expected)
    )]
    WrongBank { found: String, expected: String },
    #[error(
        "the file has answers for {} questions this bank does not have: {}; nothing was imported",
        crate::core::text::thousands(.0.len()),
        some_names(.0)
    )]
    UnknownQuestions(Vec<String>),
    #[error(
        "at {}: evidence item {index} does not exist (question {} lists {count} evidence items, numbered from 0)",
        describe_path(path),
        quoted(question)
    )]
    UnknownEvidence {
        path: String,
        question: String,
        index: usize,
        count: usize,
    },
}

impl ImportError {
    pub(crate) fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        ImportError::Invalid {
            path: path.into(),
            message: message.into(),
            position: None,
        }
    }
}

fn describe_path(path: &str) -> String {
    if path.is_empty() {
        "the top level".to_owned()
    } else {
        // Paths hold keys from the file: as long and as odd as any value.
        quoted(path)
    }
}

/// A value found in a file, as JSON on one line and shortened, for a
/// message. Written by the pretty writer the other exports use, so the Wasm
/// carries one JSON writer for values rather than two.
pub(crate) fn shorten_value(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    // Line breaks in pretty JSON fall between tokens, never inside a string.
    shorten(
        &text
            .lines()
            .map(str::trim_start)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Shortens text quoted from the file to 60 characters.
pub(crate) fn shorten(text: &str) -> String {
    crate::core::text::visible(text, crate::core::text::QUOTE_CHARS)
}
