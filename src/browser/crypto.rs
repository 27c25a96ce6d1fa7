//! Password protection with the browser's own WebCrypto: PBKDF2-SHA-256
//! derives an AES-256-GCM key from the password; nothing leaves the page.

use crate::core::exchange::sealed::{ITERATIONS, IV_BYTES, SALT_BYTES, Sealed};
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::future::Future;
use std::pin::Pin;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// What a user reads when the password does not open the file: AES-GCM
/// cannot tell a wrong password from a changed file.
pub const WRONG_PASSWORD: &str =
    "the password does not open this file: it is wrong, or the file was changed after it was made";

fn subtle() -> Result<(web_sys::Crypto, SubtleCrypto), String> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or("this browser offers no cryptography here")?;
    // `subtle` is undefined outside secure contexts (plain http).
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle"))
        .ok()
        .filter(|s| !s.is_undefined())
        .ok_or("password protection needs a secure page (https, localhost or a file on disk)")?;
    Ok((crypto, subtle.unchecked_into()))
}

/// SHA-256 of `text` (UTF-8) in lowercase hex, by the browser's
/// WebCrypto; `None` where it offers none (outside a secure page).
pub async fn sha256_hex(text: &str) -> Option<String> {
    let (_, subtle) = subtle().ok()?;
    let promise = subtle
        .digest_with_str_and_buffer_source("SHA-256", &Uint8Array::from(text.as_bytes()))
        .ok()?;
    let digest = JsFuture::from(promise).await.ok()?;
    Some(
        Uint8Array::new(&digest)
            .to_vec()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect(),
    )
}

fn object(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

async fn derive(
    subtle: &SubtleCrypto,
    password: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, String> {
    let fail = |_| "the key could not be derived from the password".to_owned();
    let raw = Uint8Array::from(password.as_bytes());
    let base = call(subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&JsValue::from_str("deriveKey")),
    ))
    .await
    .map_err(fail)?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    call(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &aes,
        false,
        &Array::of1(&JsValue::from_str(usage)),
    ))
    .await
    .map(JsCast::unchecked_into)
    .map_err(fail)
}

/// A result computed in the `crypto` module of the split build.
type Later<T> = Pin<Box<dyn Future<Output = Result<T, String>>>>;

crate::split_fn!(
    crypto,
    fn seal_later(password: String, plaintext: String) -> Later<Sealed> {
        Box::pin(async move { seal_here(&password, &plaintext).await })
    }
);

crate::split_fn!(
    crypto,
    fn open_later(password: String, sealed: Sealed) -> Later<Vec<u8>> {
        Box::pin(async move { open_here(&password, &sealed).await })
    }
);

/// Encrypts `plaintext` under `password` with a fresh salt and IV.
pub async fn seal(password: &str, plaintext: &str) -> Result<Sealed, String> {
    seal_later(password.to_owned(), plaintext.to_owned())
        .await
        .map_err(|e| e.to_string())?
        .await
}

/// Decrypts a sealed file with `password`: the export inside it, as bytes.
pub async fn open(password: &str, sealed: &Sealed) -> Result<Vec<u8>, String> {
    open_later(password.to_owned(), sealed.clone())
        .await
        .map_err(|e| e.to_string())?
        .await
}

async fn seal_here(password: &str, plaintext: &str) -> Result<Sealed, String> {
    let (crypto, subtle) = subtle()?;
    let mut salt = [0u8; SALT_BYTES];
    let mut iv = [0u8; IV_BYTES];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .and_then(|_| crypto.get_random_values_with_u8_array(&mut iv))
        .map_err(|_| "no random numbers are available".to_owned())?;
    let key = derive(&subtle, &nfc(password), &salt, ITERATIONS, "encrypt").await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&iv[..]).into()),
    ]);
    let out = call(subtle.encrypt_with_object_and_u8_array(&params, &key, plaintext.as_bytes()))
        .await
        .map_err(|_| "the file could not be encrypted".to_owned())?;
    Ok(Sealed {
        iterations: ITERATIONS,
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        ciphertext: Uint8Array::new(&out).to_vec(),
    })
}

/// The password as Unicode NFC, so one typed on another system (which may
/// compose accents differently) derives the same key.
fn nfc(password: &str) -> String {
    js_sys::JsString::from(password)
        .normalize("NFC")
        .as_string()
        .unwrap_or_else(|| password.to_owned())
}

/// Tries the password as NFC first, then as typed (files made before
/// passwords were normalised).
async fn open_here(password: &str, sealed: &Sealed) -> Result<Vec<u8>, String> {
    let normal = nfc(password);
    match open_with(&normal, sealed).await {
        Err(e) if normal != password => open_with(password, sealed).await.map_err(|_| e),
        other => other,
    }
}

async fn open_with(password: &str, sealed: &Sealed) -> Result<Vec<u8>, String> {
    let (_, subtle) = subtle()?;
    let key = derive(
        &subtle,
        password,
        &sealed.salt,
        sealed.iterations,
        "decrypt",
    )
    .await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&sealed.iv[..]).into()),
    ]);
    let out = call(subtle.decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext))
        .await
        .map_err(|_| WRONG_PASSWORD.to_owned())?;
    Ok(Uint8Array::new(&out).to_vec())
}
