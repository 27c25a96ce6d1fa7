//! Where the app runs: its own page, a vendor's page, an iframe, or a file
//! on disk. Read once at start-up from the document around the mount element.

use crate::ui::settings::Hosting;
use wasm_bindgen::JsValue;

/// Works out where the app mounted at `root` runs.
pub fn detect(root: &web_sys::Element) -> Hosting {
    let Some(window) = web_sys::window() else {
        return Hosting::OwnPage;
    };
    if window.location().protocol().ok().as_deref() == Some("file:") {
        return Hosting::File;
    }
    if is_framed(&window) {
        // A parent of another origin cannot reach in; one of the same
        // origin can (reading its document throws only across origins).
        return match window.parent().ok().flatten() {
            Some(parent) if parent_document_readable(&parent) => Hosting::SameOriginFrame,
            _ => Hosting::OwnPage,
        };
    }
    let alone = root
        .owner_document()
        .and_then(|d| d.body())
        .is_some_and(|body| {
            body.child_element_count() == 1
                && body
                    .first_element_child()
                    .is_some_and(|only| only.is_same_node(Some(root)))
        });
    if alone {
        Hosting::OwnPage
    } else {
        Hosting::HostPage
    }
}

fn is_framed(window: &web_sys::Window) -> bool {
    match window.top() {
        Ok(Some(top)) => !JsValue::from(top).loose_eq(&JsValue::from(window.clone())),
        // No access to `top` at all: framed by something that hides it.
        _ => true,
    }
}

fn parent_document_readable(parent: &web_sys::Window) -> bool {
    js_sys::Reflect::get(parent, &JsValue::from_str("document"))
        .is_ok_and(|d| !d.is_undefined() && !d.is_null())
}
