//! Parses JSON text into a [`Value`], refusing duplicate object keys.
//!
//! `serde_json::Value` keeps the last of two equal keys, so a file with an
//! answer written twice would lose one without a word. Every importer parses
//! through here first, which also lets migrations work on a `Value`.

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Why the text was refused.
#[derive(Debug)]
pub(crate) enum StrictError {
    /// Not JSON: serde_json's message, with its line and column.
    Syntax(serde_json::Error),
    /// An object has the same key twice; `path` names the object.
    Duplicate {
        path: String,
        key: String,
        line: usize,
        column: usize,
    },
}

/// Parses a complete JSON text (trailing characters are an error).
pub(crate) fn parse(text: &str) -> Result<Value, StrictError> {
    let mut path = Vec::new();
    let mut duplicate = None;
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Node {
        path: &mut path,
        duplicate: &mut duplicate,
    }
    .deserialize(&mut de)
    .and_then(|value| de.end().map(|()| value));
    parsed.map_err(|e| match duplicate {
        Some((path, key)) => StrictError::Duplicate {
            path,
            key,
            line: e.line(),
            column: e.column(),
        },
        None => StrictError::Syntax(e),
    })
}

/// One step of a JSON path: an object key or an array index.
enum Step {
    Key(String),
    Index(usize),
}

/// Renders a path the way error messages show it: `answers.cc6-mfa.evidence[1]`.
fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(ix) => out.push_str(&format!("[{ix}]")),
        }
    }
    out
}

/// The JSON path, as error messages write it (`answers.cc6-mfa.due`, empty
/// for the top level), of the value that `e` is about, `e` being what
/// serde_json said when deserializing a type from `text`, a text that is
/// valid JSON. The same path a path-tracking deserializer would give, found only
/// when there is an error, so reading costs nothing extra.
pub(crate) fn error_path(text: &str, e: &serde_json::Error) -> String {
    let mut offset = offset_of(text, e.line(), e.column());
    // In a text that parses, a "syntax" error is a value of the wrong kind
    // that serde_json only peeked at, and it counts one byte past it.
    if e.classify() == serde_json::error::Category::Syntax {
        offset = offset.saturating_sub(1);
    }
    // Errors about an object or list as a whole, rather than a member.
    let message = e.to_string();
    let whole = ["missing field", "invalid length", "duplicate field"]
        .iter()
        .any(|m| message.starts_with(m));
    path_at(text, offset, whole)
}

/// The JSON path of the place serde_json stopped at when it reported an
/// error at byte `offset` of `text` (a text it read without error up to
/// there), in the form error messages show: `answers.cc6-mfa.evidence[1]`,
/// empty for the top level.
///
/// serde_json reports a wrong value or an unknown field just after reading
/// it. An error raised outside serde_json (a missing field, a list of the
/// wrong length, a date that is not a day) is reported once the enclosing
/// object or list is read, and then past its `}` or `]` when that comes
/// next: `whole` says the error is about that object or list as a whole,
/// so the path names it rather than its last member.
///
/// Finding the path again from the text, only when an import fails, costs
/// next to nothing; tracking it through every deserializer would cost the
/// app a copy of each.
fn path_at(text: &str, offset: usize, whole: bool) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut path: Vec<Step> = Vec::new();
    // Open containers: whether each is an object, and the path length at
    // which it opened.
    let mut open: Vec<(bool, usize)> = Vec::new();
    let mut expect_key = false;
    // The path of the last member of a container whose end was the last
    // thing read.
    let mut closed_member: Option<String> = None;
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if !b.is_ascii_whitespace() {
            closed_member = None;
        }
        match b {
            b'{' => {
                open.push((true, path.len()));
                expect_key = true;
            }
            b'[' => {
                open.push((false, path.len()));
                path.push(Step::Index(0));
                expect_key = false;
            }
            b'}' | b']' => {
                closed_member = Some(render(&path));
                if let Some((_, len)) = open.pop() {
                    path.truncate(len);
                }
                expect_key = false;
            }
            b',' => match open.last() {
                Some(&(true, len)) => {
                    path.truncate(len);
                    expect_key = true;
                }
                Some(&(false, len)) => {
                    let next = match path.get(len) {
                        Some(Step::Index(ix)) => ix + 1,
                        _ => 0,
                    };
                    path.truncate(len);
                    path.push(Step::Index(next));
                }
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < end && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= end {
                    break; // the text stops inside this string
                }
                if expect_key {
                    let raw = &text[start..=i];
                    let key = serde_json::from_str::<String>(raw)
                        .unwrap_or_else(|_| raw.trim_matches('"').to_owned());
                    if let Some(&(_, len)) = open.last() {
                        path.truncate(len);
                    }
                    path.push(Step::Key(key));
                    expect_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    match closed_member {
        Some(member) if !whole => member,
        _ => render(&path),
    }
}

/// The line and column a person sees for serde_json's `line` and
/// `column`: serde counts only `\n` as a line end, while editors also end
/// lines at a lone `\r` (old Mac files). `\r\n` is one line end.
pub(crate) fn seen_position(text: &str, line: usize, column: usize) -> (usize, usize) {
    let offset = offset_of(text, line, column).min(text.len());
    let (line, start) = line_at(text, offset);
    (line, offset - start)
}

/// The line (from 1) of byte `offset` as an editor shows it (`\r\n`, `\n`
/// and a lone `\r` each end a line), and the byte offset that line starts at.
pub(crate) fn line_at(text: &str, offset: usize) -> (usize, usize) {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let (mut line, mut start) = (1, 0);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 1;
                line += 1;
                start = i + 1;
            }
            b'\r' | b'\n' => {
                line += 1;
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    (line, start)
}

/// The byte offset of a 1-based line and a column as serde_json counts
/// them (bytes since the start of the line).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    start + column
}

/// Deserializes one JSON value at `path`; nested values reborrow the path.
/// serde_json's recursion limit (128 levels) bounds the nesting.
struct Node<'a> {
    path: &'a mut Vec<Step>,
    duplicate: &'a mut Option<(String, String)>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // JSON has no NaN or infinity, so this always succeeds for parsed text.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            self.path.push(Step::Index(items.len()));
            let item = seq.next_element_seed(Node {
                path: &mut *self.path,
                duplicate: &mut *self.duplicate,
            });
            self.path.pop();
            match item? {
                Some(value) => items.push(value),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                *self.duplicate = Some((render(self.path), key.clone()));
                return Err(A::Error::custom(format!("duplicate key `{key}`")));
            }
            self.path.push(Step::Key(key.clone()));
            let value = map.next_value_seed(Node {
                path: &mut *self.path,
                duplicate: &mut *self.duplicate,
            });
            self.path.pop();
            object.insert(key, value?);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_serde_json() {
        let text = r#"{"a": [1, -2, 2.5, "x", null, true, {"b": {}}], "c": "é"}"#;
        let strict = parse(text).unwrap();
        let plain: Value = serde_json::from_str(text).unwrap();
        assert_eq!(strict, plain);
    }

    #[test]
    fn names_the_object_holding_a_duplicate_key() {
        let text = "{\"answers\": {\"q1\": {}, \"list\": [{\"x\": 1,\n \"x\": 2}]}}";
        match parse(text) {
            Err(StrictError::Duplicate {
                path, key, line, ..
            }) => {
                assert_eq!(path, "answers.list[0]");
                assert_eq!(key, "x");
                assert_eq!(line, 2);
            }
            other => panic!("expected a duplicate, got {other:?}"),
        }
    }

    #[test]
    fn finds_the_path_of_a_place_in_the_text() {
        let text =
            "{\"a\": {\"b\": [1, {\"c\": 2, \"d\\u0022\": [3, 4]}], \"e\": true}, \"f\": {}}";
        let at = |needle: &str, whole: bool| {
            path_at(text, text.find(needle).unwrap() + needle.len(), whole)
        };
        assert_eq!(path_at(text, 0, false), "");
        assert_eq!(at("{\"a\"", false), "a");
        assert_eq!(at("[1", false), "a.b[0]");
        assert_eq!(at("{\"c\": 2", false), "a.b[1].c");
        assert_eq!(at("\"d\\u0022\"", false), "a.b[1].d\"");
        assert_eq!(at("[3, 4", false), "a.b[1].d\"[1]");
        // Just past a `]` or `}`: its last member, or the object itself.
        assert_eq!(at("[3, 4]", false), "a.b[1].d\"[1]");
        assert_eq!(at("[3, 4]}", false), "a.b[1].d\"");
        assert_eq!(at("[3, 4]}", true), "a.b[1]");
        assert_eq!(at("\"e\": true", false), "a.e");
        assert_eq!(at("\"e\": true}", true), "a");
        assert_eq!(at("\"f\": {}}", true), "");
        let lines = "{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(offset_of(lines, 3, 7), lines.find('x').unwrap());
    }

    #[test]
    fn trailing_text_and_deep_nesting_are_syntax_errors() {
        assert!(matches!(parse("{} x"), Err(StrictError::Syntax(_))));
        let deep = "[".repeat(100_000);
        assert!(matches!(parse(&deep), Err(StrictError::Syntax(_))));
    }
}
