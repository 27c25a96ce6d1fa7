//! Embeds the built-in question bank without the whitespace that makes the
//! file readable: the same JSON, byte for byte inside its strings, smaller
//! in the Wasm and quicker to parse at start-up.
//!
//! It also writes the bank's *core*: the same file with each question's long
//! texts (guidance, key reason, evidence items, remediation steps, Type II
//! proof) replaced by short stand-ins that keep every count and validity.
//! The app embeds only the core, enough to score, judge and plan; the full
//! file is fetched right after start (see `core::builtin_bank_core`). The
//! core goes in as lines of tab-separated fields (`soc2-bank.core.txt`, read
//! by `core::bank::compact`), so the main Wasm module needs no JSON reader
//! for banks; the JSON core is kept beside it for the test that both read
//! to the same bank.

use serde_json::Value;
use std::path::Path;

const BANK: &str = "static/bank/soc2-bank.json";

/// The reference files shipped beside the app, by the name the app loads
/// them under; their SHA-256 is fixed in the Wasm at build time.
const REFERENCE: [(&str, &str); 3] = [
    ("bank/soc2-bank", BANK),
    (
        "crosswalk/iso27001-2022",
        "static/crosswalk/iso27001-2022.json",
    ),
    (
        "crosswalk/nist-csf-2.0",
        "static/crosswalk/nist-csf-2.0.json",
    ),
];

fn main() {
    println!("cargo::rerun-if-changed={BANK}");
    for (_, path) in REFERENCE {
        println!("cargo::rerun-if-changed={path}");
    }
    write_digests();
    let text = std::fs::read_to_string(BANK).expect("the built-in bank file");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    std::fs::write(Path::new(&out).join("soc2-bank.min.json"), minify(&text))
        .expect("writing the minified bank");
    let mut bank: Value = serde_json::from_str(&text).expect("the built-in bank is JSON");
    strip_long_texts(&mut bank);
    std::fs::write(
        Path::new(&out).join("soc2-bank.core.json"),
        serde_json::to_string(&bank).expect("writing JSON to memory"),
    )
    .expect("writing the bank's core");
    std::fs::write(Path::new(&out).join("soc2-bank.core.txt"), compact(&bank))
        .expect("writing the bank's compact core");
}

/// The format of the compact core; `core::bank::compact` reads only this.
const COMPACT_HEADER: &str = "soc2-readiness-core 1";
/// Separates the items of a list field.
const ITEM: char = '\u{1f}';

/// A text field: refused at build time if it holds a separator.
fn field(v: Option<&Value>) -> String {
    let text = match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => if *b { "1" } else { "0" }.to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => panic!("the compact core cannot hold {other}"),
    };
    assert!(
        !text.contains(['\t', '\n', '\r', ITEM]),
        "a bank text holds a tab, a line break or U+001F: {text:?}"
    );
    text
}

/// A list of texts, one field.
fn list(v: Option<&Value>) -> String {
    v.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|i| field(Some(i)))
                .collect::<Vec<_>>()
                .join(&ITEM.to_string())
        })
        .unwrap_or_default()
}

/// The stripped bank as lines: `B` the bank, `S` a series, `C` a criterion,
/// `Q` a question, `D` a scope condition, `R` a retired question. Long
/// texts are the stand-ins already put in; a question keeps the count of
/// its evidence items (with each one's validity) and remediation steps.
fn compact(bank: &Value) -> String {
    let mut out = vec![COMPACT_HEADER.to_owned()];
    let line = |out: &mut Vec<String>, fields: Vec<String>| out.push(fields.join("\t"));
    let get = |v: &Value, k: &str| v.get(k).cloned();
    line(
        &mut out,
        ["B", "id", "version", "title", "format_version"]
            .iter()
            .enumerate()
            .map(|(ix, k)| {
                if ix == 0 {
                    (*k).to_owned()
                } else {
                    field(get(bank, k).as_ref())
                }
            })
            .collect(),
    );
    let items = |k: &str| {
        bank.get(k)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for s in items("series") {
        line(
            &mut out,
            vec![
                "S".into(),
                field(s.get("id")),
                field(s.get("category")),
                field(s.get("name")),
            ],
        );
    }
    for c in items("criteria") {
        line(
            &mut out,
            vec![
                "C".into(),
                field(c.get("id")),
                field(c.get("series")),
                field(c.get("topic")),
                field(c.get("name")),
                field(c.get("one_question_reason")),
            ],
        );
    }
    for q in items("questions") {
        let evidence: Vec<String> = q
            .get("evidence")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .map(|i| {
                        i.get("valid_months")
                            .map(|m| field(Some(m)))
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let remediation = q.get("remediation");
        let steps = remediation
            .and_then(|r| r.get("steps"))
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        line(
            &mut out,
            vec![
                "Q".into(),
                field(q.get("id")),
                field(q.get("text")),
                list(q.get("criteria")),
                field(q.get("weight")),
                field(q.get("key")),
                field(q.get("quick")),
                field(q.get("automated")),
                field(q.get("applies_if")),
                field(q.get("follows")),
                field(q.get("frequency")),
                // One entry per evidence item: its validity in months, or empty.
                format!("{}:{}", evidence.len(), evidence.join(&ITEM.to_string())),
                field(remediation.and_then(|r| r.get("effort"))),
                steps.to_string(),
                field(q.get("short")),
                field(q.get("risk")),
                list(q.get("also_decides")),
                field(q.get("role")),
                if q.get("key_reason").is_some() {
                    "1"
                } else {
                    "0"
                }
                .to_owned(),
            ],
        );
    }
    for d in items("conditions") {
        line(
            &mut out,
            vec![
                "D".into(),
                field(d.get("id")),
                field(d.get("text")),
                field(d.get("not_applicable")),
            ],
        );
    }
    for r in items("retired") {
        line(
            &mut out,
            vec![
                "R".into(),
                field(r.get("id")),
                list(r.get("successors")),
                field(r.get("reason")),
            ],
        );
    }
    out.join("\n")
}

/// Writes `reference_digests.rs`: each reference file's name and SHA-256
/// (hex), so the app uses only the files it was built with.
fn write_digests() {
    use sha2::{Digest, Sha256};
    let mut out = String::from("pub const REFERENCE_DIGESTS: &[(&str, &str)] = &[\n");
    for (name, path) in REFERENCE {
        let text = std::fs::read_to_string(path).expect("a reference file of the build");
        // The same canonical form the app digests (`core::reference`): the
        // single file inlines each file trimmed, with `<` escaped.
        let canonical = text.trim().replace('<', "\\u003c");
        let hex: String = Sha256::digest(canonical.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        out.push_str(&format!("    ({name:?}, {hex:?}),\n"));
    }
    out.push_str("];\n");
    let dir = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    std::fs::write(Path::new(&dir).join("reference_digests.rs"), out)
        .expect("writing the reference digests");
}

/// Stand-in for a long text until the full bank arrives.
const PENDING: &str = "…";

/// Replaces the long texts of every question, keeping the number of
/// evidence items (answers refer to them by position), their validity,
/// the number of remediation steps and the effort.
fn strip_long_texts(bank: &mut Value) {
    let Some(questions) = bank.get_mut("questions").and_then(Value::as_array_mut) else {
        return;
    };
    for q in questions {
        for field in ["guidance", "type2_proof", "key_reason"] {
            if let Some(v) = q.get_mut(field) {
                *v = Value::from(PENDING);
            }
        }
        if let Some(items) = q.get_mut("evidence").and_then(Value::as_array_mut) {
            for (ix, item) in items.iter_mut().enumerate() {
                // Unique within the question, as the bank requires.
                let stand_in = Value::from(format!("Evidence item {}", ix + 1));
                match item {
                    Value::Object(dated) => {
                        dated.insert("text".into(), stand_in);
                    }
                    other => *other = stand_in,
                }
            }
        }
        if let Some(steps) = q
            .get_mut("remediation")
            .and_then(|r| r.get_mut("steps"))
            .and_then(Value::as_array_mut)
        {
            for step in steps {
                *step = Value::from(PENDING);
            }
        }
    }
}

/// Drops whitespace outside strings. JSON whitespace only separates tokens,
/// so the result parses to the same value.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}
