//! Password-protected assessment files: an assessment export encrypted with
//! AES-256-GCM under a key derived from a password with PBKDF2-SHA-256.
//! This module reads and writes the envelope; the browser does the
//! cryptography (WebCrypto), so no cipher code ships in the Wasm.
//!
//! ```json
//! { "format": "soc2-readiness-encrypted", "format_version": 1,
//!   "cipher": "AES-256-GCM",
//!   "kdf": { "name": "PBKDF2-SHA-256", "iterations": 600000, "salt": "<base64, 16 bytes>" },
//!   "iv": "<base64, 12 bytes>",
//!   "ciphertext": "<base64: the encrypted export, then the 16-byte GCM tag>" }
//! ```

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value, json};

pub const SEALED_FORMAT: &str = "soc2-readiness-encrypted";
pub const SEALED_FORMAT_VERSION: u64 = 1;
pub const CIPHER: &str = "AES-256-GCM";
pub const KDF: &str = "PBKDF2-SHA-256";
/// Iterations written into new files (OWASP's 2023 advice for PBKDF2-SHA-256).
pub const ITERATIONS: u32 = 600_000;
/// Fewer is refused on import: a file made weaker than this app makes them.
pub const MIN_ITERATIONS: u32 = 600_000;
/// More is refused too: a hostile file must not hang the tab.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
pub const TAG_BYTES: usize = 16;
/// Shortest password accepted for a new file.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// The parts of a password-protected file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    /// Ciphertext followed by the GCM tag, as WebCrypto returns it.
    pub ciphertext: Vec<u8>,
}

/// Why a password-protected file cannot be opened, before any password is tried.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealedError {
    #[error(
        "the file uses encrypted format version {0}, newer than this app reads ({SEALED_FORMAT_VERSION}); update the app"
    )]
    FutureVersion(u64),
    #[error(
        "the file is encrypted with {0}, which this app does not use; it reads {CIPHER} with {KDF}"
    )]
    Unsupported(String),
    #[error("the encrypted file is damaged at `{field}`: {why}")]
    Damaged { field: &'static str, why: String },
}

fn damaged(field: &'static str, why: impl Into<String>) -> SealedError {
    SealedError::Damaged {
        field,
        why: why.into(),
    }
}

/// Whether a file says it is password-protected (read only as far as that).
pub fn is_sealed(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Marker {
        format: Option<Value>,
    }
    let text = std::str::from_utf8(bytes)
        .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t))
        .unwrap_or("");
    serde_json::from_str::<Marker>(text)
        .ok()
        .and_then(|m| m.format)
        .is_some_and(|f| f == SEALED_FORMAT)
}

/// Why a password cannot protect a new file, if it cannot.
pub fn password_problem(password: &str) -> Option<String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Some(format!(
            "use at least {MIN_PASSWORD_CHARS} characters (this one has {chars}); a short \
             phrase is easier to remember than a complex word"
        ));
    }
    if password.trim().is_empty() {
        return Some("a password of spaces only protects nothing".to_owned());
    }
    let mut distinct: Vec<char> = password.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < MIN_DISTINCT_CHARS {
        return Some(format!(
            "use at least {MIN_DISTINCT_CHARS} different characters; repeats are guessed first"
        ));
    }
    let lower = password.to_lowercase();
    if COMMON_PASSWORDS.iter().any(|c| lower.contains(c)) {
        return Some(
            "this password is among the first ones guessed; try a phrase of a few unrelated words"
                .to_owned(),
        );
    }
    None
}

/// Fewest different characters a password may have.
pub const MIN_DISTINCT_CHARS: usize = 5;

/// Passwords (and parts) every guessing list starts with.
const COMMON_PASSWORDS: [&str; 12] = [
    "password",
    "passw0rd",
    "123456789",
    "1234567890",
    "0123456789",
    "qwertyuiop",
    "qwerty123",
    "letmein",
    "iloveyou",
    "welcome1",
    "adminadmin",
    "abcdefghij",
];

/// The largest export that can be protected and still imported again: the
/// envelope holds the encrypted text as base64 (4 bytes for every 3) plus a
/// small header, and an import reads at most
/// [`MAX_IMPORT_BYTES`](super::MAX_IMPORT_BYTES).
pub const MAX_PROTECTED_PLAIN_BYTES: usize = (super::MAX_IMPORT_BYTES - 4096) / 4 * 3;

/// Why an export of `plain_bytes` cannot be protected, if it cannot.
pub fn too_big_to_protect(plain_bytes: usize) -> Option<String> {
    (plain_bytes > MAX_PROTECTED_PLAIN_BYTES).then(|| {
        format!(
            "this assessment's export is {} KB; a protected file of it would be larger than \
             the {} KB an import reads, so it could not be opened again. Export it without a \
             password and protect the file another way",
            plain_bytes / 1024,
            super::MAX_IMPORT_BYTES / 1024
        )
    })
}

impl Sealed {
    /// The file's text.
    pub fn to_json(&self) -> String {
        let doc = json!({
            "format": SEALED_FORMAT,
            "format_version": SEALED_FORMAT_VERSION,
            "cipher": CIPHER,
            "kdf": {
                "name": KDF,
                "iterations": self.iterations,
                "salt": STANDARD.encode(&self.salt),
            },
            "iv": STANDARD.encode(&self.iv),
            "ciphertext": STANDARD.encode(&self.ciphertext),
        });
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    }

    /// Reads the envelope of a file [`is_sealed`] says is one.
    pub fn from_json(bytes: &[u8]) -> Result<Sealed, SealedError> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| damaged("", format!("not UTF-8 text at byte {}", e.valid_up_to())))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Read as strictly as every other format: a key written twice (a
        // decoy `iv` first) or a field this version does not define is
        // refused, not silently resolved.
        let value: Value = super::strict::parse(text).map_err(|e| match e {
            super::strict::StrictError::Syntax(e) => damaged(
                "",
                format!("not complete JSON ({}); was it cut short?", in_words(&e)),
            ),
            super::strict::StrictError::Duplicate { key, .. } => damaged(
                "",
                format!(
                    "the key {} is written twice",
                    crate::core::text::quoted(&key)
                ),
            ),
        })?;
        let Value::Object(doc) = value else {
            return Err(damaged("", "not a JSON object"));
        };
        let unknown = |map: &Map<String, Value>, known: &[&str]| {
            map.keys()
                .find(|k| !known.contains(&k.as_str()))
                .map(|k| format!("unknown field {}", crate::core::text::quoted(k)))
        };
        if let Some(why) = unknown(
            &doc,
            &[
                "format",
                "format_version",
                "cipher",
                "kdf",
                "iv",
                "ciphertext",
            ],
        ) {
            return Err(damaged("", why));
        }
        match doc.get("format_version").and_then(Value::as_u64) {
            Some(SEALED_FORMAT_VERSION) => {}
            Some(v) if v > SEALED_FORMAT_VERSION => return Err(SealedError::FutureVersion(v)),
            _ => {
                return Err(damaged(
                    "format_version",
                    format!("must be {SEALED_FORMAT_VERSION}"),
                ));
            }
        }
        let cipher = text_field(&doc, "cipher")?;
        if cipher != CIPHER {
            return Err(SealedError::Unsupported(crate::core::text::quoted(cipher)));
        }
        let kdf = doc
            .get("kdf")
            .and_then(Value::as_object)
            .ok_or_else(|| damaged("kdf", "missing"))?;
        if let Some(why) = unknown(kdf, &["name", "iterations", "salt"]) {
            return Err(damaged("kdf", why));
        }
        let name = text_field(kdf, "name").map_err(|_| damaged("kdf.name", "missing"))?;
        if name != KDF {
            return Err(SealedError::Unsupported(crate::core::text::quoted(name)));
        }
        let iterations = kdf
            .get("iterations")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(n))
            .ok_or_else(|| {
                damaged(
                    "kdf.iterations",
                    format!("must be a whole number from {MIN_ITERATIONS} to {MAX_ITERATIONS}"),
                )
            })?;
        let salt = bytes_field(kdf, "salt", "kdf.salt", SALT_BYTES..=SALT_BYTES)?;
        let iv = bytes_field(&doc, "iv", "iv", IV_BYTES..=IV_BYTES)?;
        let ciphertext = bytes_field(
            &doc,
            "ciphertext",
            "ciphertext",
            TAG_BYTES + 1..=super::MAX_IMPORT_BYTES,
        )?;
        Ok(Sealed {
            iterations,
            salt,
            iv,
            ciphertext,
        })
    }
}

fn text_field<'a>(doc: &'a Map<String, Value>, name: &'static str) -> Result<&'a str, SealedError> {
    doc.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| damaged(name, "missing"))
}

fn bytes_field(
    doc: &Map<String, Value>,
    name: &str,
    field: &'static str,
    sizes: std::ops::RangeInclusive<usize>,
) -> Result<Vec<u8>, SealedError> {
    let text = doc
        .get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| damaged(field, "missing"))?;
    let bytes = STANDARD
        .decode(text)
        .map_err(|_| damaged(field, "not base64; the file was changed or cut short"))?;
    if sizes.contains(&bytes.len()) {
        Ok(bytes)
    } else if sizes.start() == sizes.end() {
        Err(damaged(
            field,
            format!("{} bytes where {} belong", bytes.len(), sizes.start()),
        ))
    } else {
        Err(damaged(
            field,
            format!("{} bytes: cut short or too large", bytes.len()),
        ))
    }
}

/// serde_json's error kinds in plain words.
fn in_words(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "it ends too early",
        serde_json::error::Category::Syntax => "a syntax error",
        _ => "unreadable",
    }
}
