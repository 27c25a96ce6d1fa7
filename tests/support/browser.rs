//! Shared setup of the browser tests (wasm-bindgen-test, run in headless
//! Chromium): local storage, clearing a test namespace, mounting the app and
//! finding and driving its elements. tests/browser.rs and
//! tests/browser_screens.rs include this with
//! `#[path = "support/browser.rs"] mod browser;`.

// Each test crate uses only some of these.
#![allow(dead_code)]

use soc2_readiness::core::{Assessment, Bank};
use soc2_readiness::ui::{App, Settings};
use wasm_bindgen::JsCast;

pub fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Removes every key of a test namespace (storage is shared by all tests).
pub fn clear(ns: &str) {
    let s = local();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect();
    for k in keys
        .into_iter()
        .filter(|k| k.starts_with(&format!("{ns}/")))
    {
        s.remove_item(&k).unwrap();
    }
}

/// A new, unanswered assessment created at a fixed time.
pub fn assessment(bank: &Bank, id: &str, name: &str) -> Assessment {
    Assessment::new(id.into(), name.into(), bank, "2026-11-26T00:00:00Z".into())
}

/// Mounts the app under `ns` at `hash`, as a bookmark would open it.
pub async fn mount(ns: &'static str, hash: &str) -> (web_sys::Element, yew::AppHandle<App>) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let settings = yew::props!(Settings { namespace: ns });
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), settings).render();
    yew::scheduler::flush().await;
    (root, handle)
}

/// Takes the app off the page, resets the URL and clears the namespace.
pub fn unmount(root: web_sys::Element, handle: yew::AppHandle<App>, ns: &str) {
    handle.destroy();
    root.remove();
    web_sys::window().unwrap().location().set_hash("").unwrap();
    clear(ns);
}

pub fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches `{selector}`"))
}

/// The element `selector` finds, as an element of type `T`.
pub fn find_as<T: JsCast>(root: &web_sys::Element, selector: &str) -> T {
    find(root, selector)
        .dyn_into()
        .unwrap_or_else(|_| panic!("`{selector}` is not the element expected"))
}

pub fn click(root: &web_sys::Element, selector: &str) {
    find_as::<web_sys::HtmlElement>(root, selector).click();
}

/// Fires a bubbling `kind` event (`input`, `change`) at `target`, as the
/// browser does when a user edits a field.
pub fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Waits for the browser's next task, where it delivers events it queued
/// (such as `toggle` after a `<details>` opens).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
