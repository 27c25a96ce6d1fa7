//! "Export with a password": a small form that encrypts an assessment with
//! the browser's WebCrypto and downloads it.

use crate::browser::{crypto, file};
use crate::core::Assessment;
use crate::core::exchange::export_json;
use crate::core::exchange::sealed::password_problem;
use crate::ui::state::Ctx;
use crate::ui::state::{Msg, Notice};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProtectProps {
    pub assessment: Rc<Assessment>,
    pub on_close: Callback<()>,
}

fn field(form: &web_sys::HtmlFormElement, name: &str) -> String {
    form.elements()
        .named_item(name)
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(el).ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

#[component]
pub fn ProtectForm(props: &ProtectProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let problem = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let onsubmit = {
        let (a, problem, busy, close) = (
            props.assessment.clone(),
            problem.clone(),
            busy.clone(),
            props.on_close.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form: web_sys::HtmlFormElement = e.target_unchecked_into();
            let (password, again) = (field(&form, "password"), field(&form, "again"));
            if let Some(p) = password_problem(&password) {
                problem.set(Some(p));
                return;
            }
            if password != again {
                problem.set(Some("the two passwords differ".to_owned()));
                return;
            }
            if let Some(p) =
                crate::core::exchange::sealed::too_big_to_protect(export_json(&a).len())
            {
                problem.set(Some(p));
                return;
            }
            problem.set(None);
            busy.set(true);
            let (a, problem, busy, close, ctx) = (
                a.clone(),
                problem.clone(),
                busy.clone(),
                close.clone(),
                ctx.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let result = crypto::seal(&password, &export_json(&a))
                    .await
                    .and_then(|sealed| {
                        // A neutral name: the assessment's (often a customer's)
                        // would show in mail and file listings.
                        let name = file::safe_filename("soc2-readiness", "protected", "soc2.json");
                        file::download(&name, "application/json", &sealed.to_json())
                    });
                busy.set(false);
                match result {
                    Ok(()) => {
                        ctx.dispatch.emit(Msg::Notify(Notice::info(format!(
                            "{} was exported with a password. Send the password another way than the file.",
                            crate::core::text::named(&a.name)
                        ))));
                        close.emit(());
                    }
                    Err(e) => problem.set(Some(e)),
                }
            });
        })
    };
    let id = &props.assessment.id;
    html! {
        <form class="protect" {onsubmit} aria-label="Export with a password">
            <p class="hint">{ "The file is encrypted in this browser (AES-256-GCM, key from the password with PBKDF2-SHA-256, 600,000 rounds). Without the password nobody can read it, and nobody can recover it: keep the password safe. The copy kept in this browser stays unencrypted, like every assessment here." }</p>
            <label for={format!("protect-{id}")}>{ "Password (at least 10 characters)" }</label>
            <p class="hint">{ "Strongest and easiest to remember: a phrase of four or more unrelated words. Common passwords and repeats are refused." }</p>
            <input id={format!("protect-{id}")} name="password" type="password" autocomplete="new-password" required=true />
            <label for={format!("protect-again-{id}")}>{ "The same password again" }</label>
            <input id={format!("protect-again-{id}")} name="again" type="password" autocomplete="new-password" required=true />
            if let Some(p) = &*problem { <p class="notice error" role="alert">{ p }</p> }
            <button type="submit" class="primary" disabled={*busy}>{ if *busy { "Encrypting…" } else { "Export encrypted file" } }</button>
            <button type="button" onclick={props.on_close.reform(|_| ())}>{ "Cancel" }</button>
        </form>
    }
}
