//! Mounts the app into `#soc2-readiness` (or a new element at the end of
//! `body`), configured by that element's `data-*` attributes.

/// talc rather than Rust's default dlmalloc: smaller in the Wasm, and it
/// grows the memory as needed (the app is single-threaded).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    mount();
}

#[cfg(target_arch = "wasm32")]
fn mount() {
    soc2_readiness::browser::clock::mark("soc2r-instantiated");
    use soc2_readiness::ui::{App, Settings};
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let root = match document.get_element_by_id("soc2-readiness") {
        Some(el) => el,
        None => {
            let Ok(el) = document.create_element("div") else {
                return;
            };
            if let Some(body) = document.body() {
                let _ = body.append_child(&el);
            }
            el
        }
    };
    // The static first-visit markup of index.html: the app replaces it.
    while let Ok(Some(stale)) = root.query_selector(".soc2r-prerender") {
        stale.remove();
    }
    let (mut settings, warnings) =
        Settings::from_attributes(|name| root.get_attribute(&format!("data-{name}")));
    settings.hosting = soc2_readiness::browser::hosting::detect(&root);
    for w in warnings {
        web_sys::console::warn_1(&format!("soc2-readiness: {w}").into());
    }
    yew::Renderer::<App>::with_root_and_props(root, settings).render();
}
