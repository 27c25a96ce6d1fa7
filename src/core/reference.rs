//! The reference files shipped beside the app (the full bank, the
//! crosswalks) are used only when they are the files this build was made
//! with: `build.rs` fixes each one's SHA-256 in the Wasm.
//!
//! The digest is of a canonical form, so the same check holds for a file
//! fetched from the app's folder and for the single-file build, which
//! inlines each file trimmed and with `<` written `\u003c` (JSON reads both
//! the same).

include!(concat!(env!("OUT_DIR"), "/reference_digests.rs"));

/// The text whose SHA-256 is compared: trimmed, `<` as `\u003c`.
pub fn canonical(text: &str) -> String {
    text.trim().replace('<', "\\u003c")
}

/// The SHA-256 (lowercase hex) this build expects for reference file
/// `name` (`crosswalk/iso27001-2022`); `None` for a file it does not ship.
pub fn expected_digest(name: &str) -> Option<&'static str> {
    REFERENCE_DIGESTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, digest)| *digest)
}

/// What the user reads when a reference file is not the build's.
pub fn mismatch(name: &str) -> String {
    format!("{name}.json is not the file this app was built with, so it is not used")
}
