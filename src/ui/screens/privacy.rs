//! Your data: what is stored where, and erasing it.

use crate::browser::storage::Store;
use crate::ui::screens::plural;
use crate::ui::settings::Hosting;
use crate::ui::state::Ctx;
use crate::ui::state::{AppState, Msg, Notice};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: AppState,
}

#[component]
pub fn Privacy(props: &Props) -> Html {
    let (Some(ctx), Some(settings)) = (
        use_context::<Ctx>(),
        use_context::<Ctx>().map(|c| c.settings),
    ) else {
        return Html::default();
    };
    let store = use_memo(settings.namespace.clone(), |ns| Store::open(ns));
    let hosting = settings.hosting;
    let tab_only = hosting == Hosting::File && !Store::kept_in_browser(&settings.namespace);
    let confirming = use_state(|| false);

    // Read on every render: the app saves on every change, so this is current.
    let keys = store.stored_keys();
    let bytes: usize = keys.iter().map(|k| k.bytes).sum();
    let ns = settings.namespace.to_string();
    let prefix = store.prefix().to_owned();

    let toggle = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(!*confirming))
    };
    let erase = {
        let (store, dispatch) = (store.clone(), ctx.dispatch.clone());
        Callback::from(move |_| match store.erase_all() {
            // Reload so no copy of the erased answers stays in this page's memory.
            Ok(_) => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
            Err(e) => dispatch.emit(Msg::Notify(Notice::error(format!(
                "Not everything was erased: {e}"
            )))),
        })
    };

    let usage = if keys.is_empty() {
        format!("Nothing is stored in this browser under {ns}/.")
    } else {
        format!(
            "{} stored in this browser under {ns}/, using {}.",
            plural(keys.len(), "key", "keys"),
            human_bytes(bytes)
        )
    };
    let names: Vec<String> = props
        .state
        .by_recency()
        .iter()
        .map(|a| crate::core::text::named(&a.name))
        .collect();

    html! {
        <section class="soc2r-privacy" aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">{ "Your data" }</h2>
            <p>
                { "Everything you enter stays in this browser. The app sends nothing anywhere. As the page opens it loads its own files from the place it came from (the app, its styles, its question texts and its crosswalk tables, each checked against the build), and after that it makes no network request of its own; over the web, the browser may ask the same place whether a newer version of the app exists. There is no account, no analytics and no tracking." }
                // Only its own page carries its security policy; a vendor's page has its own.
                if matches!(hosting, Hosting::OwnPage | Hosting::File) {
                    { " Its security policy forbids requests to any other site." }
                }
            </p>
            if hosting.is_shared() {
                <p class="notice hosting" id="privacy-hosting">{ hosting.privacy_claim() }</p>
            }
            if tab_only {
                <p id="tab-only"><strong>{ "Right now nothing of your answers is in this browser's storage: " }</strong>{ "opened from a file on disk, they stay in this tab until you choose to keep them in this browser (the button at the top)." }</p>
            }

            <h3>{ "What is stored, and where" }</h3>
            <p>
                { "In this browser's local storage for " }{ where_stored() }
                { ", under keys starting with " }<code>{ &prefix }</code>
                { ": one key per assessment, " }<code>{ format!("{prefix}assessment/{{id}}") }</code>
                { ", holding the same JSON document as an export, and one key per custom question bank you loaded, " }
                <code>{ format!("{prefix}bank/{{id}}") }</code>
                { ", holding that file's text; and, served from a website, " }<code>{ format!("{prefix}paint") }</code>
                { ": the list or questionnaire screen as you left it, drawn from those records, so your next visit shows it at once (it gives way when storage is full, and is dropped when the records change). Nothing else of yours is kept, and there are no cookies. Served from a website, the browser also keeps a copy of the app's own files (never your answers) so that it works offline." }
            </p>
            if store.is_persistent() {
                <p id="storage-usage">{ usage }</p>
                if !keys.is_empty() {
                    <details class="soc2r-keys">
                        <summary>{ "Show the keys" }</summary>
                        <ul>
                            { for keys.iter().map(|k| html! {
                                <li><code>{ &k.key }</code>{ format!(" ({})", human_bytes(k.bytes)) }</li>
                            }) }
                        </ul>
                    </details>
                }
            } else {
                <p id="storage-usage">{ "This browser does not allow local storage here, so nothing is stored: your answers live only in this tab and are gone when it is closed or reloaded." }</p>
            }

            <h3>{ "How to erase it" }</h3>
            <p>
                { "Export any assessment you want to keep first (from " }<a href="#/">{ "your assessments" }</a>
                { "). Then erase all your data below: it removes every key under " }<code>{ format!("{ns}/") }</code>
                { " from this browser, including records the app could not read, and reloads the app. Close the app in other tabs first, or they may save their open assessment again. Clearing this site's data in your browser's settings erases it too." }
            </p>
            <button type="button" id="erase-all" class="danger" onclick={toggle.clone()} aria-expanded={(*confirming).to_string()}>
                { "Erase all my data" }
            </button>
            if *confirming {
                <div class="confirm" role="alertdialog" aria-labelledby="erase-question">
                    <p id="erase-question">
                        { format!("Erase {} from this browser", plural(keys.len(), "key", "keys")) }
                        if !names.is_empty() { { format!(" ({})", names.join(", ")) } }
                        { "? This cannot be undone. Files you exported are not affected." }
                    </p>
                    <button type="button" id="erase-confirm" class="danger" onclick={erase}>{ "Yes, erase everything" }</button>
                    <button type="button" id="erase-cancel" onclick={toggle}>{ "Keep my data" }</button>
                </div>
            }
        </section>
    }
}

/// The site (origin) whose storage holds the data, in words.
fn where_stored() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    if origin.is_empty() || origin == "null" {
        "pages opened from files on this computer".into()
    } else {
        origin
    }
}

/// `512` → `512 bytes`, `12345` → `12.3 kB` (1 kB = 1000 bytes).
fn human_bytes(n: usize) -> String {
    match n {
        0..1000 => format!("{n} bytes"),
        1000..1_000_000 => format!("{} kB", crate::core::text::tenths(n as f64 / 1e3)),
        _ => format!("{} MB", crate::core::text::tenths(n as f64 / 1e6)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_a_person_would_write_them() {
        assert_eq!(human_bytes(0), "0 bytes");
        assert_eq!(human_bytes(999), "999 bytes");
        assert_eq!(human_bytes(12_345), "12.3 kB");
        assert_eq!(human_bytes(2_500_000), "2.5 MB");
    }
}
