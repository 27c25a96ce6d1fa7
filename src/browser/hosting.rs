//! Where the app runs: its own page, a vendor's page, an iframe, or a file
//! on disk. Read once at start-up from the document around the mount element.
//!
//! The "own page" claim is decided positively, from what only our own
//! `index.html` carries: its marker, its security policy, no script but
//! `boot.js`, and the mount element alone in the body. Anything else is a
//! host page, and any ancestor frame of our origin is a same-origin frame:
//! when in doubt, the app makes the claim that is true.

use wasm_bindgen::JsValue;

/// Where the app runs. Privacy claims differ: on its own page nothing but
/// the app can read what it stores; inside another page, that page can.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hosting {
    /// A page of its own (or an iframe from another origin): only the app
    /// reads what it stores.
    #[default]
    OwnPage,
    /// Mounted in a page with other content: the page's scripts can read it.
    HostPage,
    /// In an iframe whose parent page is of the same origin, which can
    /// reach in and read it.
    SameOriginFrame,
    /// Opened from a file on disk: the browser's storage for files is shared
    /// by every file opened from disk.
    File,
}

/// The marker only the app's own `index.html` carries.
pub const OWN_PAGE_MARKER: &str = "meta[name='soc2r-page'][content='own']";

/// The parts of the app's own security policy that make its privacy claim
/// true: nothing from anywhere else, no request to anywhere else.
const OWN_POLICY: [&str; 3] = [
    "default-src 'none'",
    "script-src 'self'",
    "connect-src 'self'",
];

/// Works out where the app mounted at `root` runs.
pub fn detect(root: &web_sys::Element) -> Hosting {
    let Some(window) = web_sys::window() else {
        return Hosting::HostPage;
    };
    if window.location().protocol().ok().as_deref() == Some("file:") {
        return Hosting::File;
    }
    if is_framed(&window) && same_origin_ancestor(&window) {
        return Hosting::SameOriginFrame;
    }
    match root.owner_document() {
        Some(document) if own_page(&document, root) => Hosting::OwnPage,
        _ => Hosting::HostPage,
    }
}

/// Our own `index.html`: its marker and policy, only `boot.js` as a
/// script, and the mount element alone in the body.
fn own_page(document: &web_sys::Document, root: &web_sys::Element) -> bool {
    let marked = document
        .query_selector(OWN_PAGE_MARKER)
        .ok()
        .flatten()
        .is_some();
    let policy = document
        .query_selector("meta[http-equiv='Content-Security-Policy']")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .is_some_and(|p| OWN_POLICY.iter().all(|part| p.contains(part)));
    let alone = document.body().is_some_and(|body| {
        body.child_element_count() == 1
            && body
                .first_element_child()
                .is_some_and(|only| only.is_same_node(Some(root)))
    });
    marked && policy && alone && only_our_script(document)
}

/// Every `<script>` of the document is `boot.js` beside the page.
fn only_our_script(document: &web_sys::Document) -> bool {
    let Ok(scripts) = js_sys::Reflect::get(document, &JsValue::from_str("scripts")) else {
        return false;
    };
    let count = js_sys::Reflect::get(&scripts, &JsValue::from_str("length"))
        .ok()
        .and_then(|n| n.as_f64())
        .unwrap_or(f64::MAX);
    if !(1.0..=16.0).contains(&count) {
        return false;
    }
    (0..count as u32).all(|i| {
        js_sys::Reflect::get_u32(&scripts, i)
            .ok()
            .and_then(|s| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(s).ok())
            .and_then(|s| s.get_attribute("src"))
            .is_some_and(|src| src == "./boot.js" || src == "boot.js")
    })
}

fn is_framed(window: &web_sys::Window) -> bool {
    match window.top() {
        Ok(Some(top)) => !JsValue::from(top).loose_eq(&JsValue::from(window.clone())),
        // No access to `top` at all: framed by something that hides it.
        _ => true,
    }
}

/// Whether any frame above this one, however far up, is of this origin: it
/// can reach in through `frames`. Reads `location.ancestorOrigins` where
/// the browser has it, and walks the parents up to the top in any case
/// (reading a document throws only across origins).
fn same_origin_ancestor(window: &web_sys::Window) -> bool {
    let location = window.location();
    let origin = location.origin().unwrap_or_default();
    let listed = js_sys::Reflect::get(&location, &JsValue::from_str("ancestorOrigins"))
        .ok()
        .filter(|list| !list.is_undefined() && !list.is_null());
    if let Some(list) = listed {
        let count = js_sys::Reflect::get(&list, &JsValue::from_str("length"))
            .ok()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0) as u32;
        let same = (0..count.min(64)).any(|i| {
            js_sys::Reflect::get_u32(&list, i)
                .ok()
                .and_then(|o| o.as_string())
                .is_some_and(|o| o == origin)
        });
        if same {
            return true;
        }
    }
    let mut current = window.parent().ok().flatten();
    for _ in 0..64 {
        let Some(frame) = current else {
            return false;
        };
        if document_readable(&frame) {
            return true;
        }
        let at_top = window
            .top()
            .ok()
            .flatten()
            .is_some_and(|top| JsValue::from(top).loose_eq(&JsValue::from(frame.clone())));
        if at_top {
            return false;
        }
        current = frame.parent().ok().flatten();
    }
    // Deeper than any real page nests frames: say what is true of the worst.
    true
}

fn document_readable(frame: &web_sys::Window) -> bool {
    js_sys::Reflect::get(frame, &JsValue::from_str("document"))
        .is_ok_and(|d| !d.is_undefined() && !d.is_null())
}
