//! Reading an assessment document from a file pick, a drop, or pasted text.
//! All three go through `import_json` (by way of `browser::record_reader`,
//! loaded on first need), so they accept and refuse the same.
//! A password-protected file is first opened with its password (in this
//! browser), then goes the same way: nothing is stored before both pass.

use crate::browser::crypto;
use crate::browser::file;
use crate::browser::record_reader;
use crate::core::Assessment;
use crate::core::exchange::MAX_IMPORT_BYTES;
use crate::core::exchange::sealed::Sealed;
use crate::split::LoadFailed;
use std::rc::Rc;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Runs `then` with the document readers: at once when they are loaded,
/// else once they are (or failed to load).
fn with_readers(then: impl FnOnce(Result<record_reader::Readers, LoadFailed>) + 'static) {
    match record_reader::loaded() {
        Some(readers) => then(Ok(readers)),
        None => wasm_bindgen_futures::spawn_local(async move { then(record_reader::load().await) }),
    }
}

#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// Gets the parsed assessment, or a message naming the source and the problem.
    pub on_result: Callback<Result<Assessment, String>>,
    /// Told, just before a successful result, whether the file was opened
    /// with its password (`true`) or was not password-protected (`false`).
    #[prop_or_default]
    pub on_opened: Callback<bool>,
    /// Distinguishes element ids when the widget appears twice on a page.
    #[prop_or(AttrValue::Static("import"))]
    pub id: AttrValue,
    #[prop_or(AttrValue::Static("Import an assessment file"))]
    pub label: AttrValue,
}

#[component]
pub fn ImportBox(props: &ImportProps) -> Html {
    let banks = use_context::<crate::ui::state::Ctx>().map(|c| c.banks);
    let reader = use_mut_ref(|| None);
    let dragging = use_state(|| false);
    let pasted = use_state(String::new);
    // A password-protected file waiting for its password: (source, envelope).
    let locked = use_state(|| None::<(String, Rc<Sealed>)>);
    let unlock_problem = use_state(|| None::<String>);
    let unlocking = use_state(|| false);

    // One path for every source: bytes in, checked assessment or message out.
    let check = {
        let (on_result, on_opened) = (props.on_result.clone(), props.on_opened.clone());
        Callback::from(
            move |(source, bytes, protected): (String, Result<Vec<u8>, String>, bool)| {
                let Some(banks) = banks.clone() else {
                    return;
                };
                let (on_result, on_opened) = (on_result.clone(), on_opened.clone());
                // The reader loads on first need (the split build's readers module).
                with_readers(move |readers| {
                    let refs = banks.refs();
                    let result = match readers {
                        Ok(readers) => bytes.and_then(|b| (readers.document)(&b, &refs)),
                        Err(e) => Err(e.to_string()),
                    }
                    .map_err(|e| format!("{source} was not imported: {e}. Nothing was changed."));
                    if result.is_ok() {
                        on_opened.emit(protected);
                    }
                    on_result.emit(result);
                });
            },
        )
    };
    let accept = {
        let (check, locked, unlock_problem, on_result) = (
            check.clone(),
            locked.clone(),
            unlock_problem.clone(),
            props.on_result.clone(),
        );
        Callback::from(move |(source, bytes): (String, Result<Vec<u8>, String>)| {
            let (check, locked, unlock_problem, on_result) = (
                check.clone(),
                locked.clone(),
                unlock_problem.clone(),
                on_result.clone(),
            );
            with_readers(move |readers| {
                let sealed = match (&bytes, readers) {
                    (Ok(b), Ok(readers)) => (readers.sealed)(b),
                    _ => None,
                };
                match sealed {
                    Some(Ok(sealed)) => {
                        unlock_problem.set(None);
                        locked.set(Some((source, Rc::new(sealed))));
                    }
                    Some(Err(e)) => on_result.emit(Err(format!(
                        "{source} was not imported: {e}. Nothing was changed."
                    ))),
                    None => check.emit((source, bytes, false)),
                }
            });
        })
    };
    let on_unlock = {
        let (locked, problem, unlocking, check) = (
            locked.clone(),
            unlock_problem.clone(),
            unlocking.clone(),
            check.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some((source, sealed)) = (*locked).clone() else {
                return;
            };
            let form: web_sys::HtmlFormElement = e.target_unchecked_into();
            let password = form
                .elements()
                .named_item("password")
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(el).ok())
                .map(|i| i.value())
                .unwrap_or_default();
            unlocking.set(true);
            let (locked, problem, unlocking, check) = (
                locked.clone(),
                problem.clone(),
                unlocking.clone(),
                check.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let opened = crypto::open(&password, &sealed).await;
                unlocking.set(false);
                match opened {
                    Ok(bytes) => {
                        locked.set(None);
                        problem.set(None);
                        check.emit((source, Ok(bytes), true));
                    }
                    // Kept open to try again; nothing was read or stored.
                    Err(e) => problem.set(Some(e)),
                }
            });
        })
    };
    let cancel_unlock = {
        let locked = locked.clone();
        Callback::from(move |_| locked.set(None))
    };
    let read_file = {
        let accept = accept.clone();
        Callback::from(move |picked: web_sys::File| {
            let source = crate::core::text::quoted(&picked.name());
            let accept = accept.clone();
            *reader.borrow_mut() = file::read_bytes(picked, MAX_IMPORT_BYTES, move |bytes| {
                accept.emit((source, bytes))
            });
        })
    };
    let on_pick = {
        let read_file = read_file.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(f) = input.files().and_then(|f| f.get(0)) {
                read_file.emit(f);
            }
            input.set_value(""); // lets the same file be picked again
        })
    };
    let on_drop = {
        let (read_file, dragging) = (read_file.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                read_file.emit(f);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_paste_import = {
        let pasted = pasted.clone();
        Callback::from(move |_| {
            accept.emit(("The pasted text".to_owned(), Ok(pasted.as_bytes().to_vec())));
        })
    };
    let id = &props.id;
    html! {
        <div class={classes!("soc2r-import", dragging.then_some("dragging"))}
            ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
            <label class="file-button">
                { props.label.clone() }
                <input type="file" id={format!("{id}-file")} accept=".json,application/json" onchange={on_pick} />
            </label>
            <span class="hint">{ " or drop a file here, or paste its text:" }</span>
            if let Some((source, _)) = &*locked {
                <form class="unlock" onsubmit={on_unlock} aria-label="Open a password-protected file">
                    <p class="hint">{ "Once opened, the assessment is kept in this browser unencrypted, like every assessment here." }</p>
                    <label for={format!("{id}-password")}>{ format!("{source} is password-protected. Password:") }</label>
                    <input id={format!("{id}-password")} name="password" type="password" autocomplete="current-password" required=true />
                    <button type="submit" class="primary" id={format!("{id}-unlock")} disabled={*unlocking}>
                        { if *unlocking { "Opening…" } else { "Open" } }
                    </button>
                    <button type="button" onclick={cancel_unlock}>{ "Cancel" }</button>
                    if let Some(p) = &*unlock_problem { <p class="notice error" role="alert" id={format!("{id}-unlock-problem")}>{ p }</p> }
                </form>
            }
            <details>
                <summary>{ "Paste JSON" }</summary>
                <label for={format!("{id}-paste")} class="visually-hidden">{ "Assessment JSON" }</label>
                <textarea id={format!("{id}-paste")} rows="4" value={(*pasted).clone()} oninput={on_paste_input} />
                <button type="button" id={format!("{id}-paste-button")} onclick={on_paste_import}
                    disabled={pasted.trim().is_empty()}>{ "Import pasted text" }</button>
            </details>
        </div>
    }
}
