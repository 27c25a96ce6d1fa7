//! The app's reference files (the full bank's texts, the crosswalks),
//! loaded right after start so the first screen does not wait for them.
//!
//! - **Where from.** Over HTTP(S), from the app's own folder, which
//!   `boot.js` hands over from its own address (`globalThis.soc2rAppBase`,
//!   fixed before the app starts), never guessed from the page's elements;
//!   fetched same-origin only, without credentials or referrer. The
//!   single-file build (opened from disk) carries them as
//!   `<script type="application/json" id="soc2r-data-{name}">` blocks in its
//!   `<head>`, and only there, from a file on disk, are blocks read.
//! - **What.** Each file must be the one this build was made with: its
//!   SHA-256 is checked against the digest fixed in the Wasm
//!   ([`crate::core::reference`]). Any other content is not used.

use crate::core::reference::{canonical, expected_digest, mismatch};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The text of reference file `name` (`crosswalk/iso27001-2022`) when it is
/// this build's, or why it is not used, in words for the user.
pub async fn load(name: &str) -> Result<String, String> {
    let expected = expected_digest(name).ok_or_else(|| mismatch(name))?;
    let text = raw(name).await?;
    let digest = super::crypto::sha256_hex(&canonical(&text))
        .await
        .ok_or_else(|| {
            "the reference files cannot be checked here (the browser offers no SHA-256 \
             outside a secure page: https, localhost or a file on disk), so they are not used"
                .to_owned()
        })?;
    if digest != expected {
        return Err(mismatch(name));
    }
    Ok(text)
}

async fn raw(name: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    if window.location().protocol().ok().as_deref() == Some("file:") {
        // Only a JSON block of the page's head: an element a page's body
        // holds is never data.
        let selector = format!(
            "script[type='application/json']#soc2r-data-{}",
            name.replace('/', "-")
        );
        return document
            .head()
            .and_then(|head| head.query_selector(&selector).ok().flatten())
            .and_then(|block| block.text_content())
            .ok_or_else(|| format!("{name}.json is not inside this file"));
    }
    let url = address(&document, name).ok_or("the app's folder is unknown")?;
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::SameOrigin);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    let response = JsFuture::from(window.fetch_with_str_and_init(&url, &init))
        .await
        .map_err(|_| {
            format!("{name}.json could not be fetched (offline before its first visit?)")
        })?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{name}.json: no response"))?;
    if !response.ok() {
        return Err(format!("{name}.json: HTTP {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|_| format!("{name}.json could not be read"))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("{name}.json could not be read"))
}

/// `{name}.json` in the app's folder as `boot.js` handed it over, or beside
/// the page when nothing was (the browser tests, which start the app
/// without `boot.js`).
fn address(document: &web_sys::Document, name: &str) -> Option<String> {
    let handed = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("soc2rAppBase"))
        .ok()
        .and_then(|v| v.as_string());
    let base = match handed {
        Some(base) => base,
        None => document.base_uri().ok().flatten()?,
    };
    web_sys::Url::new_with_base(&format!("{name}.json"), &base)
        .ok()
        .map(|u| u.href())
}
