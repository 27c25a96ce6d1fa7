//! A checker for the subset of JSON Schema 2020-12 that the published schemas
//! (static/schema/bank.schema.json and assessment.schema.json) use, shared by
//! tests/bank.rs and tests/exchange_schema.rs
//! (`#[path = "support/schema.rs"] mod schema;`).
//!
//! Any keyword, type, pattern or format not implemented here panics, so a
//! schema cannot outgrow what the tests really check. `format` is asserted,
//! not only annotated.

use serde_json::Value;
use soc2_readiness::core::Day;
use std::collections::BTreeSet;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The non-blank pattern: at least one character that is not white space.
/// Lowercase kebab-case, as the app checks with `is_kebab_case`.
const KEBAB: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
const NON_BLANK: &str = "\\S";
/// The shape of a calendar date, `YYYY-MM-DD`.
const DATE: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const INDEX: &str = "^(0|[1-9][0-9]{0,8})$";
/// A bank id: not blank, at most 128 characters, no control, separator or
/// direction character (the app's `bank::unsafe_id`).
const ID: &str = r"^(?=.*\S)[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]{1,128}$";

/// Where `value` breaks `schema`, one message a problem; empty if it passes.
pub fn errors(schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, value, "$", &mut errors);
    errors
}

fn check(root: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let object = schema.as_object().expect("a schema is an object");
    for (keyword, arg) in object {
        let fail = |errors: &mut Vec<String>, what: String| errors.push(format!("{at}: {what}"));
        match keyword.as_str() {
            "$schema" | "title" | "description" | "$comment" | "default" | "$defs" => {}
            "$ref" => check(root, resolve(root, arg), value, at, errors),
            "type" => {
                let ok = match arg.as_str().unwrap() {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "boolean" => value.is_boolean(),
                    "integer" => value.is_i64() || value.is_u64(),
                    "number" => value.is_number(),
                    other => panic!("type {other} is not implemented"),
                };
                if !ok {
                    fail(errors, format!("{value} is not of type {arg}"));
                }
            }
            "const" => {
                if value != arg {
                    fail(errors, format!("{value} is not {arg}"));
                }
            }
            "enum" => {
                if !arg.as_array().unwrap().contains(value) {
                    fail(errors, format!("{value} is not one of {arg}"));
                }
            }
            "pattern" => {
                let matches: fn(&str) -> bool = match arg.as_str().unwrap() {
                    NON_BLANK => |s| !s.trim().is_empty(),
                    DATE => is_date_shaped,
                    KEBAB => soc2_readiness::core::bank::is_kebab_case,
                    ID => |s| {
                        !s.trim().is_empty() && soc2_readiness::core::bank::unsafe_id(s).is_none()
                    },
                    INDEX => |s| {
                        (s == "0" || !s.starts_with('0'))
                            && (1..=9).contains(&s.len())
                            && s.bytes().all(|b| b.is_ascii_digit())
                    },
                    other => panic!("pattern {other} is not implemented"),
                };
                if let Some(s) = value.as_str()
                    && !matches(s)
                {
                    fail(errors, format!("{s:?} does not match {arg}"));
                }
            }
            "format" => {
                let matches: fn(&str) -> bool = match arg.as_str().unwrap() {
                    "date" => |s| Day::parse(s).is_ok(),
                    // RFC 3339: `T` or `t` between date and time (the time
                    // crate alone takes any character there).
                    "date-time" => |s| {
                        OffsetDateTime::parse(s, &Rfc3339).is_ok()
                            && matches!(s.as_bytes().get(10), Some(b'T' | b't'))
                    },
                    other => panic!("format {other} is not implemented"),
                };
                if let Some(s) = value.as_str()
                    && !matches(s)
                {
                    fail(errors, format!("{s:?} is not a {arg}"));
                }
            }
            "minimum" | "maximum" => {
                if let Some(n) = value.as_f64() {
                    let bound = arg.as_f64().unwrap();
                    if (keyword == "minimum" && n < bound) || (keyword == "maximum" && n > bound) {
                        fail(errors, format!("{n} is outside the {keyword} {bound}"));
                    }
                }
            }
            "required" => {
                if let Some(o) = value.as_object() {
                    for field in arg.as_array().unwrap() {
                        if !o.contains_key(field.as_str().unwrap()) {
                            fail(errors, format!("missing {field}"));
                        }
                    }
                }
            }
            "properties" => {
                if let Some(o) = value.as_object() {
                    for (field, sub) in arg.as_object().unwrap() {
                        if let Some(item) = o.get(field) {
                            check(root, sub, item, &format!("{at}.{field}"), errors);
                        }
                    }
                }
            }
            "additionalProperties" => {
                let declared = object.get("properties").and_then(Value::as_object);
                for (field, item) in value.as_object().into_iter().flatten() {
                    if declared.is_some_and(|d| d.contains_key(field)) {
                        continue;
                    }
                    match arg {
                        Value::Bool(false) => fail(errors, format!("undeclared field `{field}`")),
                        Value::Bool(true) => {}
                        sub => check(root, sub, item, &format!("{at}.{field}"), errors),
                    }
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    check(root, arg, item, &format!("{at}[{i}]"), errors);
                }
            }
            "minLength" | "maxLength" => {
                let bound = arg.as_u64().unwrap() as usize;
                if let Some(n) = value.as_str().map(|s| s.chars().count())
                    && ((keyword == "minLength" && n < bound)
                        || (keyword == "maxLength" && n > bound))
                {
                    fail(
                        errors,
                        format!("{n} characters is outside the {keyword} {bound}"),
                    );
                }
            }
            "minItems" => {
                let min = arg.as_u64().unwrap() as usize;
                if value.as_array().is_some_and(|a| a.len() < min) {
                    fail(errors, format!("fewer than {min} items"));
                }
            }
            "maxItems" => {
                let max = arg.as_u64().unwrap() as usize;
                if value.as_array().is_some_and(|a| a.len() > max) {
                    fail(errors, format!("more than {max} items"));
                }
            }
            "uniqueItems" => {
                let unique = arg.as_bool().expect("uniqueItems is true or false");
                if unique
                    && let Some(l) = value.as_array()
                    && l.iter().enumerate().any(|(i, x)| l[..i].contains(x))
                {
                    fail(errors, "has repeated items".into());
                }
            }
            "propertyNames" => {
                for key in value.as_object().into_iter().flatten().map(|(k, _)| k) {
                    check(
                        root,
                        arg,
                        &Value::String(key.clone()),
                        &format!("{at}.{key}"),
                        errors,
                    );
                }
            }
            "oneOf" => {
                let passing = arg
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|sub| {
                        let mut sub_errors = Vec::new();
                        check(root, sub, value, at, &mut sub_errors);
                        sub_errors.is_empty()
                    })
                    .count();
                if passing != 1 {
                    fail(
                        errors,
                        format!("matches {passing} of the `oneOf` choices, not one"),
                    );
                }
            }
            other => panic!("schema keyword `{other}` is not implemented in this test"),
        }
    }
}

/// The schema a local `$ref` (`#/$defs/…`) points to.
fn resolve<'a>(root: &'a Value, reference: &Value) -> &'a Value {
    let pointer = reference
        .as_str()
        .and_then(|r| r.strip_prefix('#'))
        .expect("a local $ref");
    root.pointer(pointer)
        .unwrap_or_else(|| panic!("dangling $ref {reference}"))
}

/// Whether `s` matches [`DATE`]: four digits, `-`, two digits, `-`, two digits.
fn is_date_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Field paths a schema declares, such as `.questions[].remediation.effort`;
/// a map (`additionalProperties` with a schema) has its keys as `*`.
pub fn declared_fields(schema: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    declare(schema, schema, "", &mut out);
    out
}

fn declare(root: &Value, schema: &Value, at: &str, out: &mut BTreeSet<String>) {
    if let Some(reference) = schema.get("$ref") {
        declare(root, resolve(root, reference), at, out);
    }
    if let Some(items) = schema.get("items") {
        declare(root, items, &format!("{at}[]"), out);
    }
    for choice in schema
        .get("oneOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        declare(root, choice, at, out);
    }
    if let Some(map @ Value::Object(_)) = schema.get("additionalProperties") {
        let path = format!("{at}.*");
        out.insert(path.clone());
        declare(root, map, &path, out);
    }
    for (field, sub) in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let path = format!("{at}.{field}");
        out.insert(path.clone());
        declare(root, sub, &path, out);
    }
}

/// Field paths a document uses, in the spelling of [`declared_fields`]. The
/// objects at `maps` (paths such as `.answers`) are maps: their keys are data,
/// not field names, and become `*`.
pub fn used_fields(value: &Value, maps: &[&str]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    collect_used(value, "", maps, &mut out);
    out
}

fn collect_used(value: &Value, at: &str, maps: &[&str], out: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            for (field, sub) in object {
                let path = if maps.contains(&at) {
                    format!("{at}.*")
                } else {
                    format!("{at}.{field}")
                };
                out.insert(path.clone());
                collect_used(sub, &path, maps, out);
            }
        }
        Value::Array(list) => list
            .iter()
            .for_each(|item| collect_used(item, &format!("{at}[]"), maps, out)),
        _ => {}
    }
}
