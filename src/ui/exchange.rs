//! Export and import of the assessment document.

use super::BankHandle;
use super::state::{AppState, Msg, Notice};
use crate::browser::{clock, file};
use crate::core::Assessment;
use crate::core::exchange::{MAX_IMPORT_BYTES, export_json, import_json};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExchangeProps {
    pub assessment: Assessment,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

#[component]
pub fn Exchange(props: &ExchangeProps) -> Html {
    let bank = use_context::<BankHandle>();
    let reader = use_mut_ref(|| None);
    let on_export = {
        let (a, dispatcher) = (props.assessment.clone(), props.dispatcher.clone());
        Callback::from(move |_| {
            let name = file::safe_filename(&a.name, "soc2.json");
            if let Err(e) = file::download(&name, "application/json", &export_json(&a)) {
                dispatcher.dispatch(Msg::Notify(Notice::error(e)));
            }
        })
    };
    let on_import = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(picked) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value(""); // lets the same file be picked again
            let Some(BankHandle(bank)) = bank.clone() else {
                return;
            };
            let name = picked.name();
            let dispatcher = dispatcher.clone();
            *reader.borrow_mut() = file::read_bytes(picked, MAX_IMPORT_BYTES, move |bytes| {
                let result = bytes.and_then(|b| import_json(&b, &bank).map_err(|e| e.to_string()));
                match result {
                    Ok(mut imported) => {
                        // Import never overwrites: it becomes a new assessment.
                        imported.id = clock::new_id();
                        imported.revision = 0;
                        dispatcher.dispatch(Msg::Notify(Notice::info(format!(
                            "Imported `{name}` as a new assessment, \"{}\".",
                            imported.name
                        ))));
                        dispatcher.dispatch(Msg::Open(imported));
                    }
                    Err(e) => dispatcher.dispatch(Msg::Notify(Notice::error(format!(
                        "`{name}` was not imported: {e}. Nothing was changed."
                    )))),
                }
            });
        })
    };
    html! {
        <div class="soc2r-exchange">
            <button type="button" id="export-json" onclick={on_export}>{ "Export JSON" }</button>
            <label class="file-button">
                { "Import JSON" }
                <input type="file" id="import-json" accept=".json,application/json" onchange={on_import} />
            </label>
        </div>
    }
}
