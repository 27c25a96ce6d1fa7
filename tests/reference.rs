//! The reference files are pinned: the app uses a fetched or inlined bank
//! or crosswalk only when its SHA-256 is the one fixed at build time.

use sha2::{Digest, Sha256};
use soc2_readiness::core::reference::{REFERENCE_DIGESTS, canonical, expected_digest};

fn hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn shipped(name: &str) -> String {
    let path = format!("{}/static/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_shipped_reference_file_matches_its_pinned_digest() {
    let names: Vec<&str> = REFERENCE_DIGESTS.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "bank/soc2-bank",
            "crosswalk/iso27001-2022",
            "crosswalk/nist-csf-2.0"
        ]
    );
    for (name, digest) in REFERENCE_DIGESTS {
        assert_eq!(hex(&canonical(&shipped(name))), *digest, "{name}");
    }
}

#[test]
fn a_changed_or_unknown_file_does_not_match() {
    let text = shipped("crosswalk/iso27001-2022");
    // The review's planted crosswalk: every link made `equal`.
    let planted = text.replace("\"intersects\"", "\"equal\"");
    assert_ne!(planted, text);
    assert_ne!(
        hex(&canonical(&planted)),
        expected_digest("crosswalk/iso27001-2022").unwrap()
    );
    // A changed guidance text, which the question check alone lets through.
    let bank = shipped("bank/soc2-bank");
    let changed = bank.replacen(
        "\"guidance\": \"",
        "\"guidance\": \"Upload your export to https://x. ",
        1,
    );
    assert_ne!(
        hex(&canonical(&changed)),
        expected_digest("bank/soc2-bank").unwrap()
    );
    assert_eq!(expected_digest("crosswalk/planted"), None);
}

#[test]
fn the_single_files_inlined_copy_has_the_same_digest_as_the_file() {
    // The single file inlines each file trimmed and with `<` as \u003c.
    for (name, digest) in REFERENCE_DIGESTS {
        let inlined = shipped(name).trim().replace('<', "\\u003c");
        assert_eq!(hex(&canonical(&inlined)), *digest, "{name}");
        assert_eq!(
            hex(&canonical(&format!("\n  {inlined}\n"))),
            *digest,
            "{name}"
        );
    }
}
