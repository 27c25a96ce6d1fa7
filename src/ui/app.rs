//! The app shell: loads the bank and stored assessments, saves changes,
//! and lays out the screens.

use super::BankHandle;
use super::exchange::Exchange;
use super::question::Questionnaire;
use super::scope::ScopePanel;
use super::state::{AppState, Msg, Notice};
use super::summary::Summary;
use crate::browser::storage::{DEFAULT_NAMESPACE, Store};
use crate::browser::{clock, file};
use crate::core::score::scorecard;
use crate::core::{Action, Assessment, Bank, builtin_bank};
use std::rc::Rc;
use yew::prelude::*;

/// Settings an embedding page gives through `data-*` attributes.
#[derive(Debug, Clone, PartialEq, Eq, Properties)]
pub struct Settings {
    #[prop_or(AttrValue::Static("SOC 2 readiness assessment"))]
    pub title: AttrValue,
    #[prop_or(AttrValue::Static(DEFAULT_NAMESPACE))]
    pub namespace: AttrValue,
}

#[component]
pub fn App(settings: &Settings) -> Html {
    match builtin_bank() {
        Ok(bank) => {
            html! { <Assessor settings={settings.clone()} bank={BankHandle(Rc::new(bank))} /> }
        }
        // The bank ships inside the app and is checked by the test suite.
        Err(e) => {
            html! { <p class="notice error" role="alert">{ format!("The built-in question bank is broken: {e}") }</p> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct AssessorProps {
    settings: Settings,
    bank: BankHandle,
}

/// Opens storage and picks the assessment to show: the last one open, else
/// the most recently changed, else a new one.
fn initial_state(store: &Store, bank: Rc<Bank>) -> AppState {
    let loaded = store.load(&bank);
    let mut notices: Vec<Notice> = loaded
        .broken
        .into_iter()
        .map(|b| Notice {
            raw: Some((b.key.replace('/', "-") + ".json", b.raw)),
            ..Notice::error(format!(
                "A saved assessment could not be read ({}). It has been kept untouched; download its raw text to recover it.",
                b.error
            ))
        })
        .collect();
    if !store.is_persistent() {
        notices.push(Notice::error(
            "This browser does not allow local storage here, so answers last only while this tab is open. Export them to keep them.",
        ));
    }
    let current = loaded.current.as_deref();
    let mut all = loaded.assessments;
    all.sort_by(|a, b| b.updated.cmp(&a.updated));
    let assessment = match all.iter().position(|a| Some(a.id.as_str()) == current) {
        Some(ix) => all.swap_remove(ix),
        None if !all.is_empty() => all.swap_remove(0),
        None => Assessment::new(
            clock::new_id(),
            "My readiness assessment".into(),
            &bank,
            clock::now_rfc3339(),
        ),
    };
    AppState {
        bank,
        assessment,
        notices,
    }
}

#[component]
fn Assessor(props: &AssessorProps) -> Html {
    let store = use_memo(props.settings.namespace.clone(), |ns| Store::open(ns));
    let state = {
        let (store, bank) = (store.clone(), props.bank.0.clone());
        use_reducer(move || initial_state(&store, bank))
    };
    let on_edit = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| {
            dispatcher.dispatch(Msg::Edit(action))
        })
    };

    // Autosave: every change of the assessment is written at once.
    {
        let (store, dispatcher) = (store.clone(), state.dispatcher());
        use_effect_with(state.assessment.clone(), move |assessment| {
            if let Err(e) = store.save(assessment) {
                dispatcher.dispatch(Msg::Notify(Notice::error(e.to_string())));
            }
        });
    }
    // Another tab saved the same assessment: show its newer state.
    {
        let (store, dispatcher, bank) = (store.clone(), state.dispatcher(), props.bank.0.clone());
        use_effect_with(state.assessment.id.clone(), move |id| {
            let id = id.clone();
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "storage", move |event| {
                    let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event)
                    else {
                        return;
                    };
                    let key = event.key().unwrap_or_default();
                    if store.is_key_of(&key, &id)
                        && let Some(newer) = store.reload(&id, &bank)
                    {
                        dispatcher.dispatch(Msg::External(newer));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let card = use_memo(
        (props.bank.clone(), state.assessment.clone()),
        |(bank, a)| scorecard(&bank.0, a),
    );
    let on_dismiss = {
        let dispatcher = state.dispatcher();
        Callback::from(move |ix: usize| dispatcher.dispatch(Msg::Dismiss(ix)))
    };

    html! {
        <ContextProvider<BankHandle> context={props.bank.clone()}>
            <div class="soc2r-app">
                <header class="soc2r-header">
                    <h1>{ props.settings.title.clone() }</h1>
                    <Exchange assessment={state.assessment.clone()} dispatcher={state.dispatcher()} />
                </header>
                <Notices notices={state.notices.clone()} on_dismiss={on_dismiss} />
                <Summary card={(*card).clone()} />
                <ScopePanel assessment={state.assessment.clone()} on_edit={on_edit.clone()} />
                <Questionnaire assessment={state.assessment.clone()} on_edit={on_edit} />
            </div>
        </ContextProvider<BankHandle>>
    }
}

#[derive(Properties, PartialEq)]
struct NoticesProps {
    notices: Vec<Notice>,
    on_dismiss: Callback<usize>,
}

#[component]
fn Notices(props: &NoticesProps) -> Html {
    html! {
        <div class="soc2r-notices" role="status" aria-live="polite">
            { for props.notices.iter().enumerate().map(|(ix, n)| {
                let dismiss = props.on_dismiss.reform(move |_| ix);
                let class = match n.level { super::state::Level::Info => "notice info", super::state::Level::Error => "notice error" };
                let download = n.raw.clone().map(|(name, raw)| {
                    let onclick = Callback::from(move |_| { let _ = file::download(&name, "application/json", &raw); });
                    html! { <button type="button" onclick={onclick}>{ "Download raw text" }</button> }
                });
                html! {
                    <div class={class}>
                        <p>{ &n.text }</p>
                        { for download }
                        <button type="button" onclick={dismiss} aria-label="Dismiss this message">{ "Dismiss" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
