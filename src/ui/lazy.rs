//! The screens that load on first need: every screen but Home and the
//! questionnaire. In the split build their code (and the exports only they
//! offer) is in the `screens` module, fetched the first time one of them
//! opens and kept for the rest of the visit; see [`crate::split`].
//!
//! One component, not generic, for all of them: a generic one would put a
//! copy of its code per screen into the main module.

use super::Derived;
use super::screens;
use super::state::AppState;
use crate::core::{Action, Assessment};
use std::rc::Rc;
use yew::prelude::*;

/// A screen behind the split, with what it shows.
#[derive(Clone, PartialEq)]
pub enum Page {
    Scope {
        assessment: Rc<Assessment>,
        on_edit: Callback<Action>,
    },
    Dashboard {
        assessment: Rc<Assessment>,
        derived: Derived,
    },
    Gaps {
        assessment: Rc<Assessment>,
        derived: Derived,
        on_edit: Callback<Action>,
    },
    Report {
        assessment: Rc<Assessment>,
        derived: Derived,
    },
    Vendors {
        assessment: Rc<Assessment>,
        derived: Derived,
        on_edit: Callback<Action>,
    },
    Description {
        assessment: Rc<Assessment>,
        derived: Derived,
        on_edit: Callback<Action>,
    },
    Fieldwork {
        assessment: Rc<Assessment>,
        derived: Derived,
        on_edit: Callback<Action>,
    },
    Crosswalk {
        assessment: Rc<Assessment>,
        derived: Derived,
        on_edit: Callback<Action>,
    },
    Compare {
        state: AppState,
        before: Option<String>,
        after: Option<String>,
    },
    Help,
    Privacy {
        state: AppState,
    },
}

/// Draws a page; lives in the `screens` module of the split build.
type Render = fn(&Page) -> Html;

fn render(page: &Page) -> Html {
    match page.clone() {
        Page::Scope {
            assessment,
            on_edit,
        } => html! { <screens::scope::ScopeScreen {assessment} {on_edit} /> },
        Page::Dashboard {
            assessment,
            derived,
        } => html! { <screens::dashboard::Dashboard {assessment} {derived} /> },
        Page::Gaps {
            assessment,
            derived,
            on_edit,
        } => html! { <screens::gaps::Gaps {assessment} {derived} {on_edit} /> },
        Page::Report {
            assessment,
            derived,
        } => html! { <screens::report::Report {assessment} {derived} /> },
        Page::Vendors {
            assessment,
            derived,
            on_edit,
        } => html! { <screens::vendors::Vendors {assessment} {derived} {on_edit} /> },
        Page::Description {
            assessment,
            derived,
            on_edit,
        } => html! { <screens::description::DescriptionScreen {assessment} {derived} {on_edit} /> },
        Page::Fieldwork {
            assessment,
            derived,
            on_edit,
        } => html! { <screens::fieldwork::Fieldwork {assessment} {derived} {on_edit} /> },
        Page::Crosswalk {
            assessment,
            derived,
            on_edit,
        } => html! { <screens::crosswalk::CrosswalkScreen {assessment} {derived} {on_edit} /> },
        Page::Compare {
            state,
            before,
            after,
        } => html! { <screens::compare::Compare {state} {before} {after} /> },
        Page::Help => html! { <screens::help::Help /> },
        Page::Privacy { state } => html! { <screens::privacy::Privacy {state} /> },
    }
}

crate::split_kept! {
    /// The renderer, kept once loaded, so later screens draw at once.
    screens, mod renderer: Render = render;
}

#[derive(Properties, PartialEq)]
pub struct LazyProps {
    pub page: Page,
}

/// Fetches the screens' module ahead of need (the worker has usually saved
/// it already), so the first screen opened draws at once. A failure is not
/// kept: opening a screen tries again and says so.
pub async fn preload() {
    let _ = renderer::load().await;
}

/// A split module's load, as a hook: `Some(true)` once loaded, `None`
/// while loading, `Some(false)` if it failed; the callback tries again.
/// A failure is not kept: each try fetches afresh.
pub type Load = fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>>;

#[hook]
pub fn use_split_load(loaded: bool, load: Load) -> (Option<bool>, Callback<MouseEvent>) {
    let state = use_state_eq(|| loaded.then_some(true));
    let attempt = use_state_eq(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(*attempt, move |_| {
            if *state != Some(true) {
                wasm_bindgen_futures::spawn_local(async move { state.set(Some(load().await)) });
            }
        });
    }
    let retry = {
        let (state, attempt) = (state.clone(), attempt.clone());
        Callback::from(move |_| {
            state.set(None);
            attempt.set(*attempt + 1);
        })
    };
    (*state, retry)
}

/// What shows until a split module is loaded: that it is loading, or that
/// it could not be (`Some(false)`), with a retry. `id` names the failure
/// notice for tests.
pub fn split_pending(state: Option<bool>, retry: Callback<MouseEvent>, id: &'static str) -> Html {
    match state {
        Some(false) => html! {
            <div class="notice error" role="alert" {id}>
                <p>{ "This screen could not be loaded: this browser is offline and had not yet saved it for offline use. Your answers are safe. Connect, then try again." }</p>
                <button type="button" class="primary" onclick={retry}>{ "Try again" }</button>
            </div>
        },
        _ => html! {
            <p class="notice info" role="status" id="screen-loading">{ "Loading this screen…" }</p>
        },
    }
}

/// Draws the page once the screens' module is loaded (at once without the
/// split), meanwhile says it is loading, and offers a retry if it fails.
#[component]
pub fn Lazy(props: &LazyProps) -> Html {
    let (state, retry) = use_split_load(renderer::loaded().is_some(), || {
        Box::pin(async { renderer::load().await.is_ok() })
    });
    match (state, renderer::loaded()) {
        (Some(true), Some(render)) => render(&props.page),
        (state, _) => split_pending(state, retry, "screen-failed"),
    }
}
