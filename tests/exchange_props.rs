//! Property tests: any assessment the app can hold survives export and
//! import unchanged, and no file, however broken, makes an importer panic.

#[path = "support/strategies.rs"]
mod strategies;

use proptest::prelude::*;
use serde_json::{Value, json};
use soc2_readiness::core::Bank;
use soc2_readiness::core::exchange::{ImportError, export_json, import_json};
use strategies::{BANK, MINI_BANK, assessment, text};

const V1_FULL: &str = include_str!("fixtures/import/v1-full.json");
const V0_DRAFT: &str = include_str!("fixtures/import/v0-draft.json");

// -------------------------------------------------------------- round trip

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn export_then_import_gives_back_an_equal_assessment(a in assessment()) {
        let file = export_json(&a);
        let back = import_json(file.as_bytes(), &BANK);
        prop_assert_eq!(back.as_ref(), Ok(&a), "file:\n{}", file);
        prop_assert_eq!(export_json(&back.unwrap()), file, "the file is stable");
    }
}

// ------------------------------------------------------------------- fuzz

/// Import must return, not panic; and whatever it accepts, it must be able
/// to write and read back.
fn import_is_total(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(a) = import_json(bytes, &BANK) {
        let again = import_json(export_json(&a).as_bytes(), &BANK);
        prop_assert_eq!(again, Ok(a));
    }
    Ok(())
}

fn bank_load_is_total(text: &str) {
    // A panic fails the test; the result itself may be either.
    let _ = Bank::from_json(text);
}

/// A byte-level mutation of a valid file.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Repeat(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1u8..=255).prop_map(|(at, bits)| Mutation::Flip(at, bits)),
        (
            any::<usize>(),
            prop_oneof![
                proptest::collection::vec(any::<u8>(), 1..16),
                proptest::sample::select(vec![
                    b"{".to_vec(),
                    b"}".to_vec(),
                    b"[".to_vec(),
                    b",".to_vec(),
                    b"\"".to_vec(),
                    b":".to_vec(),
                    b"\\".to_vec(),
                    b"null".to_vec(),
                    b"-1".to_vec(),
                    b"1e999".to_vec(),
                    b"\xef\xbb\xbf".to_vec(),
                    b"\xff".to_vec(),
                    b"\"\\ud800\"".to_vec(),
                ]),
            ]
        )
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Mutation::Repeat(at, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Truncate(at) => bytes.truncate(at % len),
            Mutation::Flip(at, bits) => {
                if let Some(b) = bytes.get_mut(at % len) {
                    *b ^= bits;
                }
            }
            Mutation::Insert(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Repeat(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    let copy = bytes[at..end].to_vec();
                    bytes.splice(end..end, copy);
                }
            }
        }
    }
    bytes
}

/// Any JSON value, for swapping into a document.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::from),
        proptest::sample::select(vec![
            "ready",
            "maybe",
            "2026-02-30",
            "2026-02-28",
            "type2",
            "quick",
            "security",
            "mini",
            "soc2-readiness-assessment",
            "",
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("[a-z_-]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Replaces the value at the `pick`-th node (in document order) of `doc`.
fn replace_node(doc: &mut Value, pick: usize, new: Value) {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Array(a) => a.iter().map(count).sum(),
            Value::Object(o) => o.values().map(count).sum(),
            _ => 0,
        }
    }
    fn walk(v: &mut Value, mut pick: usize, new: Value) {
        if pick == 0 {
            *v = new;
            return;
        }
        pick -= 1;
        let children: Vec<&mut Value> = match v {
            Value::Array(a) => a.iter_mut().collect(),
            Value::Object(o) => o.values_mut().collect(),
            _ => return,
        };
        for child in children {
            let n = count(child);
            if pick < n {
                return walk(child, pick, new);
            }
            pick -= n;
        }
    }
    let total = count(doc);
    walk(doc, pick % total, new);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        import_is_total(&bytes)?;
        bank_load_is_total(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,500}") {
        import_is_total(text.as_bytes())?;
        bank_load_is_total(&text);
    }

    #[test]
    fn broken_assessment_files_never_panic(
        base in proptest::sample::select(vec![V1_FULL, V0_DRAFT]),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let bytes = mutate(base.as_bytes().to_vec(), &mutations);
        import_is_total(&bytes)?;
    }

    #[test]
    fn broken_bank_files_never_panic(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let bytes = mutate(MINI_BANK.as_bytes().to_vec(), &mutations);
        bank_load_is_total(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn documents_with_a_value_swapped_never_panic(
        base in proptest::sample::select(vec![V1_FULL, V0_DRAFT, MINI_BANK]),
        swaps in proptest::collection::vec((any::<usize>(), json_value()), 1..3),
    ) {
        let mut doc: Value = serde_json::from_str(base).unwrap();
        for (pick, new) in swaps {
            replace_node(&mut doc, pick, new);
        }
        let text = doc.to_string();
        import_is_total(text.as_bytes())?;
        bank_load_is_total(&text);
    }
}

// ------------------------------------------------------------ error paths

/// Every place in a document: its path as error messages write it, e.g.
/// `answers.cc6-mfa.evidence[1]`.
fn places(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let here = if at.is_empty() {
                    k.clone()
                } else {
                    format!("{at}.{k}")
                };
                out.push(here.clone());
                places(child, here, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let here = format!("{at}[{i}]");
                out.push(here.clone());
                places(child, here, out);
            }
        }
        _ => {}
    }
}

/// The node at `path` (as [`places`] writes it), and its parent.
fn node_mut<'a>(doc: &'a mut Value, path: &str) -> &'a mut Value {
    let mut node = doc;
    for part in path.split('.') {
        let (key, indexes) = part.split_once('[').map_or((part, ""), |(k, i)| (k, i));
        if !key.is_empty() {
            node = &mut node[key];
        }
        for ix in indexes.split('[').filter(|s| !s.is_empty()) {
            node = &mut node[ix.trim_end_matches(']').parse::<usize>().unwrap()];
        }
    }
    node
}

/// The error's path when the import failed on a field's type or value.
fn invalid_path(bytes: &[u8]) -> Option<(String, String)> {
    match import_json(bytes, &BANK) {
        Err(ImportError::Invalid { path, message, .. }) => Some((path, message)),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(768))]

    /// Swap any value of a valid file for one of the wrong kind, or remove
    /// it: the refusal names that very place (its first item for a list
    /// given where one value belongs; the object holding a missing field),
    /// in pretty-printed and compact files alike.
    #[test]
    fn a_wrong_or_missing_value_is_named_at_its_place(
        pick in any::<prop::sample::Index>(),
        kind in 0usize..9,
        pretty in any::<bool>(),
    ) {
        let doc: Value = serde_json::from_str(V1_FULL).unwrap();
        let mut all = Vec::new();
        places(&doc, String::new(), &mut all);
        all.retain(|p| !p.starts_with("format") && p != "bank.id");
        let place = pick.get(&all).clone();
        let mut changed = doc.clone();
        let write = |v: &Value| if pretty {
            serde_json::to_vec_pretty(v).unwrap()
        } else {
            serde_json::to_vec(v).unwrap()
        };
        if kind == 8 {
            // Remove it (from its object; list items shift instead).
            let (parent, key) = match place.rsplit_once('.') {
                Some((p, k)) => (Some(p.to_owned()), k.to_owned()),
                None => (None, place.clone()),
            };
            prop_assume!(!key.ends_with(']'));
            let holder = match &parent {
                Some(p) => node_mut(&mut changed, p),
                None => &mut changed,
            };
            holder.as_object_mut().unwrap().remove(&key);
            if let Some((path, message)) = invalid_path(&write(&changed)) {
                prop_assert!(message.starts_with("missing field"), "{place}: {message}");
                prop_assert_eq!(path, parent.unwrap_or_default(), "removed {}", place);
            }
        } else {
            let wrong = [
                json!("x"), json!(-1), json!(2.5), json!(null), json!(true), json!([]),
                json!(["x"]), json!("2026-13-01"),
            ][kind].clone();
            *node_mut(&mut changed, &place) = wrong.clone();
            if let Some((path, message)) = invalid_path(&write(&changed)) {
                let first = format!("{place}[0]");
                prop_assert!(
                    path == place || (kind == 6 && path == first),
                    "{} set to {}: reported at `{}`: {}", place, wrong, path, message
                );
            }
        }
    }
}

// --------------------------------------------------- the stored revision

/// What serde_json reads as the revision: the reference the save path's
/// own reader (`core::exchange::peek`) must agree with.
fn serde_revision(text: &str) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Revision {
        #[serde(default)]
        revision: u64,
    }
    serde_json::from_str::<Revision>(text)
        .ok()
        .map(|r| r.revision)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_save_paths_revision_reader_agrees_with_serde_json(
        a in assessment(),
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        insert in prop_oneof![
            Just(""), Just("\""), Just(","), Just("}"), Just("{"), Just("["), Just("\\"),
            Just("\\u00"), Just("-"), Just("0"), Just("1.5"), Just(" \"revision\": 3,"),
            Just("\u{1}"), Just("null"), Just("\"revision\":")
        ],
    ) {
        use soc2_readiness::core::exchange::peek::revision_of;
        let stored = soc2_readiness::core::exchange::stored_json(&a);
        prop_assert_eq!(revision_of(&stored), Some(a.revision));
        prop_assert_eq!(revision_of(&stored), serde_revision(&stored));
        // Cut short or with something inserted: both readers agree.
        let mut chars: Vec<char> = stored.chars().collect();
        chars.truncate(cut.index(chars.len() + 1));
        let short: String = chars.iter().collect();
        prop_assert_eq!(revision_of(&short), serde_revision(&short), "{}", short);
        let mut chars: Vec<char> = stored.chars().collect();
        let ix = at.index(chars.len() + 1);
        for (k, c) in insert.chars().enumerate() {
            chars.insert(ix + k, c);
        }
        let changed: String = chars.iter().collect();
        prop_assert_eq!(revision_of(&changed), serde_revision(&changed), "{}", changed);
    }
}
