//! The app shell: loads the bank and stored assessments, saves every change,
//! follows the URL, and shows the screen it names.

use super::lazy::{Lazy, Page};
use super::route::{Route, Screen};
use super::screens;
use super::settings::{Hosting, Settings};
use super::state::{AppState, Attachment, Ctx, Level, Msg, Notice, texts_missing};
use super::{BankHandle, Banks, Crosswalks, Derived, Loaded};
use crate::browser::storage::{StorageError, Store};
use crate::browser::{bank_reader, clock, file, location, record_reader};
use crate::core::crosswalk::Crosswalk;
use crate::core::evaluate::evaluate_with;
use crate::core::{Action, Assessment, Bank, builtin_bank_core};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use yew::prelude::*;

#[component]
pub fn App(settings: &Settings) -> Html {
    // Stored custom banks are read with the bank reader, which the split
    // build loads on first need: here, before the shell reads storage.
    // A first visit needs neither (nor does the single file, which has
    // no split). Until they are loaded the shell does not start, so a
    // stored record is never reported unreadable for want of its reader.
    // Which readers the stored records need and are not loaded yet, read
    // once from storage.
    let needed = {
        let ns = settings.namespace.clone();
        use_memo((), move |_| {
            (
                bank_reader::loaded().is_none() && Store::any_banks(&ns),
                record_reader::loaded().is_none() && Store::any_assessments(&ns),
            )
        })
    };
    let ready = use_state(|| *needed == (false, false));
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    {
        let (ready, failed, needed) = (ready.clone(), failed.clone(), *needed);
        use_effect_with(*attempt, move |_| {
            if !*ready {
                wasm_bindgen_futures::spawn_local(async move {
                    let (banks, records) = needed;
                    let mut loaded = false;
                    // Once more at once: a fetch can fail while the worker
                    // is still saving its copies.
                    for _ in 0..2 {
                        loaded = (!banks || bank_reader::load().await.is_ok())
                            && (!records || record_reader::load().await.is_ok());
                        if loaded {
                            break;
                        }
                    }
                    if loaded {
                        ready.set(true);
                    } else {
                        failed.set(true);
                    }
                });
            }
        });
    }
    if *failed {
        let retry = {
            let (failed, attempt) = (failed.clone(), attempt.clone());
            Callback::from(move |_| {
                failed.set(false);
                attempt.set(*attempt + 1);
            })
        };
        return html! {
            <div class="soc2r-app" aria-busy="true"><div class="notice error" role="alert" id="readers-failed">
                <p>{ "Your saved assessments could not be opened yet: this browser is offline and had not saved this part of the app for offline use. They are safe and unchanged. Connect, then try again." }</p>
                <button type="button" class="primary" onclick={retry}>{ "Try again" }</button>
            </div></div>
        };
    }
    if !*ready {
        return html! {
            <div class="soc2r-app" aria-busy="true"><p class="notice info" role="status">{ "Opening your saved assessments…" }</p></div>
        };
    }
    let core = builtin_bank_core();
    clock::mark("soc2r-bank");
    match core {
        Ok(bank) => {
            html! { <Shell settings={settings.clone()} bank={BankHandle(Rc::new(bank))} /> }
        }
        // The bank ships inside the app and is checked by the test suite.
        Err(e) => html! {
            <div class="soc2r-app"><p class="notice error" role="alert">
                { format!("The built-in question bank is broken: {e}") }
            </p></div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct ShellProps {
    settings: Settings,
    bank: BankHandle,
}

fn initial_state(store: &Store, builtin: BankHandle, tab_only_by_choice: bool) -> AppState {
    let (custom, mut broken) = store.load_banks();
    let mut banks = vec![builtin];
    for bank in custom {
        if bank.id == banks[0].0.id {
            continue; // the built-in bank's id cannot be taken over; the record stays
        }
        banks.push(BankHandle(Rc::new(bank)));
    }
    let banks = Banks(Rc::new(banks));
    let loaded = store.load(&banks.refs());
    broken.extend(loaded.broken);
    let mut notices: Vec<Notice> = broken
        .into_iter()
        .map(|b| Notice {
            attachment: Some(Attachment {
                label: "Download raw text".into(),
                filename: file::safe_filename(&b.key, "unreadable", "json"),
                contents: b.raw,
            }),
            ..Notice::error(format!(
                "A saved record could not be read: {}. It is kept untouched in storage; download its raw text to recover it.",
                b.error
            ))
        })
        .collect();
    if !store.is_persistent() && !tab_only_by_choice {
        notices.push(Notice::error(
            "This browser does not allow local storage here, so answers last only while this tab is open. Export them to keep them.",
        ));
    }
    // Inserted one by one: collecting into a map would add a sort to the Wasm.
    let mut assessments = BTreeMap::new();
    for a in loaded.assessments {
        assessments.insert(a.id.clone(), Rc::new(a));
    }
    AppState {
        banks,
        assessments,
        notices,
    }
}

#[component]
fn Shell(props: &ShellProps) -> Html {
    // From a file on disk, answers stay in this tab until the user chooses
    // to keep them in the browser's storage for files, which other files
    // opened from disk share.
    let file_mode = props.settings.hosting == Hosting::File;
    // Records found there are loaded only once this tab's user says they are
    // theirs: another file opened from disk could have put them (and the
    // opt-in) there.
    let kept = {
        let ns = props.settings.namespace.clone();
        use_state(move || {
            !file_mode || (Store::kept_in_browser(&ns) && Store::confirmed_this_session(&ns))
        })
    };
    let found = {
        let ns = props.settings.namespace.clone();
        use_memo((), move |_| {
            if file_mode {
                Store::kept_counts(&ns)
            } else {
                (0, 0)
            }
        })
    };
    let store = use_memo((props.settings.namespace.clone(), *kept), |(ns, kept)| {
        if *kept {
            Store::open(ns)
        } else {
            Store::in_memory(ns)
        }
    });
    let state = {
        let (store, bank) = (store.clone(), props.bank.clone());
        use_reducer(move || {
            let state = initial_state(&store, bank, file_mode);
            clock::mark("soc2r-storage");
            state
        })
    };
    let route = use_state(|| Route::parse(&location::hash()));
    // The built-in bank's long texts arrive right after the first render,
    // so the first screen does not wait for them; then the screens' module
    // is fetched ahead of need. The crosswalk tables load only once a screen
    // asks for them (the crosswalk, the gaps' CSV).
    let crosswalks = use_state(Crosswalks::loading);
    let crosswalks_wanted = use_state_eq(|| false);
    let texts_settled = use_state(|| false);
    {
        let (settled, dispatcher) = (texts_settled.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let full = match crate::browser::data::load("bank/soc2-bank").await {
                    Ok(text) => bank_reader::read(&text).await,
                    Err(e) => Err(e),
                };
                match full {
                    Ok(full) => dispatcher.dispatch(Msg::BuiltinTexts(full)),
                    Err(e) => dispatcher.dispatch(Msg::Notify(texts_missing(&e))),
                }
                settled.set(true);
                super::lazy::preload().await;
            });
        });
    }
    // The app is live once its first render is done: the browser
    // benchmark counts the files asked for before this mark as the first load.
    use_effect_with((), |_| clock::mark("soc2r-interactive"));
    {
        let crosswalks = crosswalks.clone();
        use_effect_with(*crosswalks_wanted, move |wanted| {
            if *wanted {
                wasm_bindgen_futures::spawn_local(load_crosswalks(crosswalks));
            }
        });
    }
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    route.set(Route::parse(&location::hash()));
                })
            });
            move || drop(listener)
        });
    }
    let ctx = {
        let dispatcher = state.dispatcher();
        let dispatch = use_callback((), move |msg: Msg, _| dispatcher.dispatch(msg));
        let navigate = use_callback((), |r: Route, _| location::set_hash(&r.to_hash()));
        let keep_bank = {
            let (store, dispatch) = (store.clone(), dispatch.clone());
            use_callback((), move |(bank, raw): (Bank, String), _| {
                let title = format!("{} {}", bank.title, bank.version);
                match store.save_bank(&bank, &raw) {
                    Ok(()) => {
                        dispatch.emit(Msg::AddBank(bank));
                        dispatch.emit(Msg::Notify(Notice::info(format!(
                            "Loaded the question bank {}. Choose it when you start an assessment; assessments answered with another version keep theirs.",
                            crate::core::text::named(&title)
                        ))));
                    }
                    Err(e) => dispatch.emit(Msg::Notify(Notice::error(format!(
                        "The question bank \"{title}\" could not be kept: {e}"
                    )))),
                }
            })
        };
        let drop_bank = {
            let (store, dispatch) = (store.clone(), dispatch.clone());
            use_callback((), move |(id, version): (String, String), _| {
                match store.remove_bank(&id, &version) {
                    Ok(()) => dispatch.emit(Msg::RemoveBank(id, version)),
                    Err(e) => dispatch.emit(Msg::Notify(Notice::error(e.to_string()))),
                }
            })
        };
        let want_crosswalks = {
            let wanted = crosswalks_wanted.clone();
            use_callback((), move |(), _| wanted.set(true))
        };
        Ctx {
            dispatch,
            navigate,
            keep_bank,
            drop_bank,
            want_crosswalks,
            settings: props.settings.clone(),
            banks: state.banks.clone(),
            crosswalks: (*crosswalks).clone(),
        }
    };

    // Autosave: write each assessment whose revision moved, remove deleted ones.
    let saved = use_mut_ref(|| {
        state
            .assessments
            .values()
            .map(|a| (a.id.clone(), a.revision))
            .collect::<HashMap<String, u64>>()
    });
    {
        let (store, dispatch) = (store.clone(), ctx.dispatch.clone());
        use_effect_with(state.assessments.clone(), move |all| {
            let mut saved = saved.borrow_mut();
            for a in all.values() {
                if saved.get(&a.id) == Some(&a.revision) {
                    continue;
                }
                let written = if saved.contains_key(&a.id) {
                    store.save_again(a)
                } else {
                    store.save(a)
                };
                match written {
                    Ok(()) => {
                        saved.insert(a.id.clone(), a.revision);
                    }
                    // Deleted in another tab: this tab lets it go too, and
                    // the notice still offers the last copy as a file.
                    Err(e @ StorageError::DeletedElsewhere) => {
                        saved.remove(&a.id);
                        dispatch.emit(Msg::Notify(Notice {
                            attachment: Some(Attachment::export(a)),
                            ..Notice::error(format!("{}: {e}", crate::core::text::named(&a.name)))
                        }));
                        dispatch.emit(Msg::Delete(a.id.clone()));
                    }
                    // Kept in memory; the notice offers the assessment as a file.
                    Err(e) => dispatch.emit(Msg::Notify(Notice {
                        attachment: Some(Attachment::export(a)),
                        ..Notice::error(format!(
                            "{} was not saved: {e}",
                            crate::core::text::named(&a.name)
                        ))
                    })),
                }
            }
            let deleted: Vec<String> = saved
                .keys()
                .filter(|id| !all.contains_key(*id))
                .cloned()
                .collect();
            for id in deleted {
                match store.remove(&id) {
                    Ok(()) => {
                        saved.remove(&id);
                    }
                    Err(e) => dispatch.emit(Msg::Notify(Notice::error(e.to_string()))),
                }
            }
        });
    }
    // Another tab saved: take its newer revision.
    {
        let (store, dispatch) = (store.clone(), ctx.dispatch.clone());
        use_effect_with(state.banks.clone(), move |banks| {
            let banks = banks.clone();
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "storage", move |event| {
                    let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event)
                    else {
                        return;
                    };
                    let Some(id) = event.key().and_then(|k| store.id_of_key(&k)) else {
                        return;
                    };
                    if event.new_value().is_none() {
                        // Deleted there: gone here too, before an edit here
                        // could write it back.
                        dispatch.emit(Msg::Forget(id));
                    } else {
                        // The reader may not be loaded yet (a first visit
                        // that started the assessment here).
                        let (store, banks, dispatch) =
                            (store.clone(), banks.clone(), dispatch.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            let _ = record_reader::load().await;
                            if let Some(newer) = store.reload(&id, &banks.refs()) {
                                dispatch.emit(Msg::External(newer));
                            }
                        });
                    }
                })
            });
            move || drop(listener)
        });
    }

    // The one-click opt-in: remember it, write what this tab holds so far,
    // then use the browser's storage from now on.
    let keep_here = {
        let (kept, ns, state, dispatch) = (
            kept.clone(),
            props.settings.namespace.clone(),
            state.clone(),
            ctx.dispatch.clone(),
        );
        Callback::from(move |_| {
            let (kept, ns, state, dispatch) =
                (kept.clone(), ns.clone(), state.clone(), dispatch.clone());
            // The stored banks and assessments need their readers (loaded
            // on first need); without them a record is left unread, not lost.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = bank_reader::load().await;
                let _ = record_reader::load().await;
                let store = Store::open(&ns);
                // What the storage for files already holds, now that the user
                // says it is theirs: its banks, then its assessments (this tab's
                // own answers win for the same id).
                let (custom, _) = store.load_banks();
                let mut banks = state.banks.clone();
                for bank in custom {
                    if bank.id != banks.builtin().0.id {
                        banks = banks.with(bank.clone());
                        dispatch.emit(Msg::AddBank(bank));
                    }
                }
                for a in store.load(&banks.refs()).assessments {
                    if !state.assessments.contains_key(&a.id) {
                        dispatch.emit(Msg::Put(a));
                    }
                }
                let saved = Store::keep_in_browser(&ns)
                    .and_then(|()| state.assessments.values().try_for_each(|a| store.save(a)));
                match saved {
                    Ok(()) => kept.set(true),
                    Err(e) => dispatch.emit(Msg::Notify(Notice::error(format!(
                        "Your answers could not be kept in this browser: {e}"
                    )))),
                }
            });
        })
    };

    // Brand colour through the CSSOM: a strict CSP forbids inline style attributes.
    let root = use_node_ref();
    {
        let root = root.clone();
        use_effect_with(props.settings.brand_colour.clone(), move |colour| {
            if let (Some(el), Some(colour)) = (root.cast::<web_sys::HtmlElement>(), colour) {
                let _ = el.style().set_property("--soc2r-accent", colour);
            }
        });
    }

    // A new screen moves focus to the main area, as a page load would, so
    // keyboard and screen-reader users start at its top. Moving between
    // questions of one screen keeps focus where it is.
    let main = use_node_ref();
    {
        let main = main.clone();
        let screen = match &*route {
            Route::Assessment { id, screen, .. } => format!("{id}/{}", screen.slug()),
            other => other.to_hash(),
        };
        use_effect_with(screen, move |_| {
            if let Some(el) = main.cast::<web_sys::HtmlElement>() {
                // Without scrolling: on phones the header would jump out of view.
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = el.focus_with_options(&options);
            }
        });
    }

    let lazy = |page: Page| html! { <Lazy {page} /> };
    let body = match &*route {
        Route::Home => html! { <screens::home::Home state={(*state).clone()} /> },
        Route::Help => lazy(Page::Help),
        Route::Privacy => lazy(Page::Privacy {
            state: (*state).clone(),
        }),
        Route::Compare { before, after } => {
            // Both sides must share a bank; the first chosen side names it.
            let bank = before
                .iter()
                .chain(after)
                .find_map(|id| state.get(id))
                .map(|a| state.banks.for_ref(&a.bank))
                .unwrap_or(state.banks.builtin())
                .clone();
            let page = Page::Compare {
                state: (*state).clone(),
                before: before.clone(),
                after: after.clone(),
            };
            html! {
                <ContextProvider<BankHandle> context={bank}>{ lazy(page) }</ContextProvider<BankHandle>>
            }
        }
        Route::Assessment {
            id,
            screen,
            question,
        } => match state.get(id) {
            // Each assessment is shown with the bank it was answered against.
            Some(a) => html! {
                <ContextProvider<BankHandle> context={state.banks.for_ref(&a.bank).clone()}>
                    <AssessmentView assessment={a.clone()} screen={*screen} question={question.clone()} />
                </ContextProvider<BankHandle>>
            },
            None => html! {
                <section class="soc2r-missing">
                    <h2>{ "Assessment not found" }</h2>
                    <p>{ "This link names an assessment that is not stored in this browser. It may have been deleted, or saved in another browser." }</p>
                    <a href="#/">{ "See your assessments" }</a>
                </section>
            },
        },
    };
    html! {
        <ContextProvider<BankHandle> context={state.banks.builtin().clone()}>
        <ContextProvider<Ctx> context={ctx.clone()}>
            <div class="soc2r-app" ref={root} data-reference={if *texts_settled && (!*crosswalks_wanted || crosswalks.settled()) { "loaded" } else { "loading" }}>
                <header class="soc2r-header">
                    <a class="soc2r-brand" href="#/">
                        if let Some(logo) = &props.settings.logo { <img class="logo" src={logo.clone()} alt="" referrerpolicy="no-referrer" /> }
                        <h1>{ props.settings.title.clone() }</h1>
                    </a>
                    <nav aria-label="Main">
                        <a href="#/" aria-current={(matches!(*route, Route::Home)).then_some("page")}>{ "Assessments" }</a>
                        <a href="#/compare" aria-current={(matches!(*route, Route::Compare { .. })).then_some("page")}>{ "Compare" }</a>
                        <a href="#/help" aria-current={(matches!(*route, Route::Help)).then_some("page")}>{ "How scores work" }</a>
                        <a href="#/privacy" aria-current={(matches!(*route, Route::Privacy)).then_some("page")}>{ "Your data" }</a>
                    </nav>
                </header>
                if file_mode && !*kept && *found != (0, 0) {
                    <div class="notice hosting" id="hosting-notice">
                        <p>{ format!("Opened from a file on disk. This browser's storage for files opened from disk holds {} and {}. If you kept them there, load them; any other HTML file you open from disk can also put records there, so load them only if they are yours. Until then your answers stay in this tab only.",
                            crate::core::text::plural(found.0, "assessment", "assessments"),
                            crate::core::text::plural(found.1, "question bank", "question banks")) }</p>
                        <button type="button" id="keep-in-browser" onclick={keep_here}>{ "Load them and keep my answers in this browser" }</button>
                    </div>
                } else if file_mode && !*kept {
                    <div class="notice hosting" id="hosting-notice">
                        <p>{ "Opened from a file on disk: your answers stay in this tab only and are gone when you close or reload it. Export them to keep them, or keep them in this browser. Files opened from disk share one storage in this browser, so any other HTML file you open from disk could read them." }</p>
                        <button type="button" id="keep-in-browser" onclick={keep_here}>{ "Keep my answers in this browser" }</button>
                    </div>
                } else if file_mode {
                    <p class="notice hosting" id="hosting-notice">{ "Opened from a file on disk: your answers are kept in this browser's storage for files opened from disk, which any other HTML file you open from disk can read. Export them, and erase them here when you are done (Your data), on a shared computer especially." }</p>
                } else if props.settings.hosting.is_shared() {
                    <p class="notice hosting" id="hosting-notice">{ props.settings.hosting.privacy_claim() }</p>
                }
                <Notices notices={state.notices.clone()} />
                <main class="soc2r-main" ref={main} tabindex="-1">{ body }</main>
            </div>
        </ContextProvider<Ctx>>
        </ContextProvider<BankHandle>>
    }
}

crate::split_fn!(
    xwalk,
    fn parse_crosswalk(text: String) -> Result<Crosswalk, String> {
        Crosswalk::from_json(&text).map_err(|e| e.to_string())
    }
);

/// Fetches and reads each shipped crosswalk, showing each as it arrives.
async fn load_crosswalks(crosswalks: UseStateHandle<Crosswalks>) {
    let mut have = (*crosswalks.0).clone();
    for ix in 0..have.len() {
        let name = format!("crosswalk/{}", have[ix].0);
        have[ix].1 = match crate::browser::data::load(&name).await {
            Ok(text) => match parse_crosswalk(text).await {
                Ok(Ok(cw)) => Loaded::Ready(Rc::new(cw)),
                Ok(Err(e)) => Loaded::Failed(format!("{name}.json: {e}")),
                Err(e) => Loaded::Failed(e.to_string()),
            },
            Err(e) => Loaded::Failed(e),
        };
        crosswalks.set(Crosswalks(Rc::new(have.clone())));
    }
}

#[derive(Properties, PartialEq)]
struct AssessmentViewProps {
    assessment: Rc<Assessment>,
    screen: Screen,
    question: Option<String>,
}

/// One assessment: its tabs and the chosen screen.
#[component]
fn AssessmentView(props: &AssessmentViewProps) -> Html {
    let ctx = use_context::<Ctx>();
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let a = &props.assessment;
    let bank = use_context::<BankHandle>();
    // Derived on each change of the assessment, never stored.
    // The register's rules come with the document readers (see
    // `Readers::register`): judged again once they are loaded.
    let judge = record_reader::loaded().map(|r| r.register);
    let derived = use_memo((bank, a.clone(), judge.is_some()), move |(bank, a, _)| {
        let bank = bank.as_ref().map(|b| b.0.clone());
        clock::mark("soc2r-evaluate");
        let derived = bank.map(|b| Derived(Rc::new(evaluate_with(&b, a, clock::today(), judge))));
        clock::mark("soc2r-evaluated");
        derived
    });
    let on_edit = {
        let (dispatch, id) = (ctx.dispatch.clone(), a.id.clone());
        use_callback(id, move |action: Action, id| {
            dispatch.emit(Msg::Edit(id.clone(), action))
        })
    };
    let Some(derived) = (*derived).clone() else {
        return Html::default();
    };
    let tabs = Screen::ALL.into_iter().map(|s| {
        let href = Route::Assessment { id: a.id.clone(), screen: s, question: None }.to_hash();
        html! {
            <a href={href} class="tab" aria-current={(s == props.screen).then_some("page")}>{ s.title() }</a>
        }
    });
    let bar = html! {
        <div class="soc2r-assessment-bar">
            <h2 class="assessment-name">{ &a.name }</h2>
            <nav class="tabs" aria-label="Assessment">{ for tabs }</nav>
        </div>
    };
    let (assessment, on_edit) = (a.clone(), on_edit);
    let page = match props.screen {
        Screen::Questions => {
            let question = props.question.clone();
            return html! {
                <>
                    { bar }
                    <screens::questions::Questions {assessment} {derived} {on_edit} {question} />
                </>
            };
        }
        Screen::Scope => Page::Scope {
            assessment,
            on_edit,
        },
        Screen::Dashboard => Page::Dashboard {
            assessment,
            derived,
        },
        Screen::Gaps => Page::Gaps {
            assessment,
            derived,
            on_edit,
        },
        Screen::Report => Page::Report {
            assessment,
            derived,
        },
        Screen::Vendors => Page::Vendors {
            assessment,
            derived,
            on_edit,
        },
        Screen::Description => Page::Description {
            assessment,
            derived,
            on_edit,
        },
        Screen::Fieldwork => Page::Fieldwork {
            assessment,
            derived,
            on_edit,
        },
        Screen::Crosswalk => Page::Crosswalk {
            assessment,
            derived,
            on_edit,
        },
    };
    html! {
        <>
            { bar }
            <Lazy {page} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NoticesProps {
    notices: Vec<Notice>,
}

#[component]
fn Notices(props: &NoticesProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    html! {
        <div class="soc2r-notices" role="status" aria-live="polite">
            { for props.notices.iter().enumerate().map(|(ix, n)| {
                let dismiss = ctx.dispatch.reform(move |_| Msg::Dismiss(ix));
                let class = match n.level { Level::Info => "notice info", Level::Error => "notice error" };
                let download = n.attachment.clone().map(|a| {
                    let onclick = Callback::from(move |_| { let _ = file::download(&a.filename, "application/json", &a.contents); });
                    html! { <button type="button" class="primary" onclick={onclick}>{ n.attachment.as_ref().map(|a| a.label.clone()) }</button> }
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
