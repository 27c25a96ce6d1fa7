//! The app's reference files (the crosswalks), loaded right after start so
//! the first screen does not wait for them.
//!
//! From the app's own folder, found from the `boot.js` script that started
//! it (so an embed in a vendor's page fetches from where the vendor put the
//! app, on the vendor's own origin, as its policy's `connect-src 'self'`
//! allows); the service worker keeps them for offline use. The single-file
//! build carries them inline as `<script type="application/json"
//! id="soc2r-data-{name}">` blocks, and reads nothing over the network.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of reference file `name` (`crosswalk/iso27001-2022`), or why
/// it could not be had, in words for the user.
pub async fn load(name: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let inline_id = format!("soc2r-data-{}", name.replace('/', "-"));
    if let Some(block) = document.get_element_by_id(&inline_id) {
        return block
            .text_content()
            .ok_or_else(|| format!("{inline_id} is empty"));
    }
    let url = address(&document, name).ok_or("the app's folder is unknown")?;
    let response = JsFuture::from(window.fetch_with_str(&url))
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

/// `{name}.json` beside `boot.js`, or beside the page when no such script
/// is found (the test harness).
fn address(document: &web_sys::Document, name: &str) -> Option<String> {
    let base = document.base_uri().ok().flatten()?;
    let boot = document
        .query_selector("script[src$='boot.js']")
        .ok()
        .flatten()
        .and_then(|s| s.get_attribute("src"))
        .and_then(|src| web_sys::Url::new_with_base(&src, &base).ok())
        .map_or(base, |u| u.href());
    web_sys::Url::new_with_base(&format!("{name}.json"), &boot)
        .ok()
        .map(|u| u.href())
}
