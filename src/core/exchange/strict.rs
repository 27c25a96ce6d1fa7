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
    fn trailing_text_and_deep_nesting_are_syntax_errors() {
        assert!(matches!(parse("{} x"), Err(StrictError::Syntax(_))));
        let deep = "[".repeat(100_000);
        assert!(matches!(parse(&deep), Err(StrictError::Syntax(_))));
    }
}
