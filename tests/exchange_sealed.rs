//! Password-protected files: the envelope is read strictly, every damage
//! gets a clear message, and no file makes the reader panic. (The
//! cryptography itself is the browser's; tests/browser.rs runs it.)

use proptest::prelude::*;
use serde_json::{Value, json};
use soc2_readiness::core::exchange::sealed::{
    ITERATIONS, MAX_ITERATIONS, Sealed, SealedError, is_sealed, password_problem,
};

fn sample() -> Sealed {
    Sealed {
        iterations: ITERATIONS,
        salt: (0..16).collect(),
        iv: (100..112).collect(),
        ciphertext: (0..64).map(|i| (i * 7) as u8).collect(),
    }
}

fn with(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc: Value = serde_json::from_str(&sample().to_json()).unwrap();
    change(&mut doc);
    doc.to_string().into_bytes()
}

fn refused(bytes: &[u8]) -> String {
    Sealed::from_json(bytes)
        .expect_err("a damaged file")
        .to_string()
}

#[test]
fn the_envelope_round_trips_and_says_what_it_is() {
    let text = sample().to_json();
    assert!(is_sealed(text.as_bytes()));
    assert_eq!(Sealed::from_json(text.as_bytes()), Ok(sample()));
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], "soc2-readiness-encrypted");
    assert_eq!(doc["cipher"], "AES-256-GCM");
    assert_eq!(doc["kdf"]["name"], "PBKDF2-SHA-256");
    assert_eq!(doc["kdf"]["iterations"], 600_000);
    // An ordinary assessment is not taken for one.
    assert!(!is_sealed(br#"{"format":"soc2-readiness-assessment"}"#));
    assert!(!is_sealed(b"not json"));
}

#[test]
fn a_newer_version_asks_for_an_update() {
    let e = Sealed::from_json(&with(|d| d["format_version"] = json!(2)));
    assert_eq!(e, Err(SealedError::FutureVersion(2)));
    assert!(refused(&with(|d| d["format_version"] = json!(2))).contains("update the app"));
}

#[test]
fn a_truncated_file_says_it_was_cut_short() {
    let text = sample().to_json();
    let half = &text.as_bytes()[..text.len() / 2];
    let _ = is_sealed(half); // may or may not look like one: no panic either way
    let message = refused(half);
    assert!(message.contains("ends too early"), "{message}");
    // Ciphertext cut to less than its tag.
    let message = refused(&with(|d| d["ciphertext"] = json!("AAAA")));
    assert!(
        message.contains("ciphertext") && message.contains("cut short"),
        "{message}"
    );
}

#[test]
fn tampered_fields_are_named() {
    for (change, field) in [
        (with(|d| d["iv"] = json!("AAAA")), "iv"),
        (
            with(|d| d["kdf"]["salt"] = json!("not base64!")),
            "kdf.salt",
        ),
        (
            with(|d| d["kdf"]["iterations"] = json!(1000)),
            "kdf.iterations",
        ),
        (
            with(|d| d["kdf"]["iterations"] = json!(MAX_ITERATIONS as u64 + 1)),
            "kdf.iterations",
        ),
        (
            with(|d| {
                d.as_object_mut()
                    .unwrap()
                    .remove("ciphertext")
                    .map(|_| ())
                    .unwrap_or(())
            }),
            "ciphertext",
        ),
    ] {
        let message = refused(&change);
        assert!(
            message.contains(&format!("`{field}`")),
            "{field}: {message}"
        );
    }
    let message = refused(&with(|d| d["cipher"] = json!("ROT13")));
    assert!(
        message.contains("ROT13") && message.contains("AES-256-GCM"),
        "{message}"
    );
}

#[test]
fn short_passwords_are_refused_for_new_files() {
    assert!(password_problem("short").is_some_and(|p| p.contains("10 characters")));
    assert_eq!(password_problem("correct horse battery"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_file_makes_the_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = is_sealed(&bytes);
        let _ = Sealed::from_json(&bytes);
    }

    #[test]
    fn a_mutated_envelope_is_read_or_refused_never_a_panic(
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = sample().to_json().into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        bytes.truncate(cut.index(bytes.len() + 1).max(1));
        if let Ok(s) = Sealed::from_json(&bytes) {
            // Whatever it accepts is well formed.
            prop_assert_eq!(s.salt.len(), 16);
            prop_assert_eq!(s.iv.len(), 12);
            prop_assert!(s.ciphertext.len() > 16);
        }
    }
}

#[test]
fn a_key_written_twice_or_an_unknown_field_is_refused() {
    // A decoy `iv` first, the real one after: no "last one wins".
    let text = sample().to_json();
    let decoy = text.replacen("{", "{\n  \"iv\": \"AAAAAAAAAAAAAAAA\",", 1);
    let message = refused(decoy.as_bytes());
    assert!(
        message.contains("written twice") && message.contains("iv"),
        "{message}"
    );
    let message = refused(&with(|d| d["aad"] = json!("")));
    assert!(
        message.contains("unknown field") && message.contains("aad"),
        "{message}"
    );
    let message = refused(&with(|d| d["kdf"]["hash"] = json!("SHA-1")));
    assert!(
        message.contains("`kdf`") && message.contains("hash"),
        "{message}"
    );
}

#[test]
fn blank_repetitive_and_common_passwords_are_refused_with_a_reason() {
    for (password, reason) in [
        ("          ", "spaces"),
        ("\t\t\t\t\t\t\t\t\t\t", "spaces"),
        ("aaaaaaaaaa", "different characters"),
        ("abababababab", "different characters"),
        ("password12", "first ones guessed"),
        ("MyPassword2026", "first ones guessed"),
        ("1234567890", "first ones guessed"),
    ] {
        let problem = password_problem(password).unwrap_or_default();
        assert!(problem.contains(reason), "{password:?}: {problem}");
    }
    for fine in [
        "correct horse battery",
        "Kettle-Ruler-Moss-42",
        "über straße 森 ok",
    ] {
        assert_eq!(password_problem(fine), None, "{fine}");
    }
}

#[test]
fn an_export_too_big_to_import_again_is_not_protected() {
    use soc2_readiness::core::exchange::MAX_IMPORT_BYTES;
    use soc2_readiness::core::exchange::sealed::{MAX_PROTECTED_PLAIN_BYTES, too_big_to_protect};
    assert_eq!(too_big_to_protect(MAX_PROTECTED_PLAIN_BYTES), None);
    assert!(too_big_to_protect(MAX_PROTECTED_PLAIN_BYTES + 1).is_some());
    // The largest envelope stays within what an import reads: base64 of
    // the text plus its 16-byte tag, and the header.
    let sealed = Sealed {
        iterations: ITERATIONS,
        salt: vec![0; 16],
        iv: vec![0; 12],
        ciphertext: vec![0; MAX_PROTECTED_PLAIN_BYTES + 16],
    };
    assert!(sealed.to_json().len() <= MAX_IMPORT_BYTES);
}

#[path = "support/schema.rs"]
mod schema;

#[test]
fn the_published_schema_takes_what_the_app_writes_and_refuses_what_it_refuses() {
    use soc2_readiness::core::exchange::sealed::{CIPHER, KDF, MIN_ITERATIONS, SEALED_FORMAT};
    let text = include_str!("../static/schema/encrypted.schema.json");
    let schema: Value = serde_json::from_str(text).unwrap();
    assert_eq!(schema["properties"]["format"]["const"], SEALED_FORMAT);
    assert_eq!(schema["properties"]["cipher"]["const"], CIPHER);
    assert_eq!(
        schema["properties"]["kdf"]["properties"]["name"]["const"],
        KDF
    );
    let iterations = &schema["properties"]["kdf"]["properties"]["iterations"];
    assert_eq!(iterations["minimum"], MIN_ITERATIONS);
    assert_eq!(iterations["maximum"], MAX_ITERATIONS);
    let written: Value = serde_json::from_str(&sample().to_json()).unwrap();
    assert_eq!(schema::errors(&schema, &written), Vec::<String>::new());
    // It declares exactly the fields the app writes.
    assert_eq!(
        schema::declared_fields(&schema),
        schema::used_fields(&written, &[])
    );
    type Change = fn(&mut Value);
    let changes: &[(&str, Change)] = &[
        ("an unknown field", |d| d["aad"] = json!("")),
        ("an unknown kdf field", |d| {
            d["kdf"]["hash"] = json!("SHA-1")
        }),
        ("another cipher", |d| d["cipher"] = json!("AES-128-CBC")),
        ("too few iterations", |d| {
            d["kdf"]["iterations"] = json!(1000)
        }),
        ("a newer version", |d| d["format_version"] = json!(2)),
        ("no iv", |d| {
            d.as_object_mut().unwrap().remove("iv");
        }),
    ];
    for (what, change) in changes {
        let bytes = with(change);
        assert!(Sealed::from_json(&bytes).is_err(), "the app accepts {what}");
        let doc: Value = serde_json::from_slice(&bytes).unwrap();
        assert!(
            !schema::errors(&schema, &doc).is_empty(),
            "the schema accepts {what}"
        );
    }
}
