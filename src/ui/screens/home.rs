//! Home: the saved assessments, starting a new one, importing one, and a
//! first-visit introduction.

use crate::browser::bank_reader;
use crate::browser::clock;
use crate::browser::file;
use crate::core::assessment::{QuestionPath, ReportType};
use crate::core::bank::MAX_BANK_BYTES;
use crate::core::exchange::export_json;
use crate::core::score::scorecard;
use crate::core::text::plural;
use crate::core::{Action, Assessment, Bank};
use crate::ui::route::{Route, Screen};
use crate::ui::state::{AppState, Msg, Notice};
use crate::ui::state::{Ctx, new_assessment};
use crate::ui::widgets::bar::Bar;
use crate::ui::widgets::import::ImportBox;
use crate::ui::widgets::protect::ProtectForm;
use crate::ui::widgets::select::{select_value, use_select_value};
use crate::ui::{BankHandle, BankLoad, uses};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub state: AppState,
}

/// The first-visit introduction: heading, then two paragraphs. `index.html`
/// carries the same words as static markup, shown until the app is live
/// (a host test keeps the two the same).
pub const WELCOME: [&str; 3] = [
    "How ready are you for a SOC 2 audit?",
    "A SOC 2 report is an independent auditor's opinion on your controls against the AICPA Trust Services Criteria. \
     Security is always in scope; Availability, Processing Integrity, Confidentiality and Privacy are optional. \
     A Type I report looks at whether controls are designed and in place on one date; a Type II report tests that \
     they operated throughout an observation period of 3 to 12 months.",
    "This readiness assessment asks what an auditor would ask, shows your readiness per criterion, the likely \
     outcome if the audit were today, and a prioritised plan with the evidence to collect.",
];

/// The start buttons' words, also in `index.html`'s static markup.
pub const START_FULL: &str = "Full assessment";
pub const START_QUICK: &str = "Quick first look (about 15 minutes)";

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let name = use_state(|| String::from("SOC 2 readiness"));
    let banks = &props.state.banks;
    let chosen = use_state(|| choice(&banks.builtin().0));
    let chosen_select = use_select_value((*chosen).clone());
    let BankHandle(bank) = banks
        .0
        .iter()
        .find(|b| choice(&b.0) == *chosen)
        .unwrap_or(banks.builtin())
        .clone();
    // An import whose id is already stored waits for the user's choice.
    let pending = use_state(|| None::<Assessment>);

    let start = |path: QuestionPath| {
        let (ctx, bank, name) = (ctx.clone(), bank.clone(), name.clone());
        Callback::from(move |_| {
            let title = if name.trim().is_empty() {
                "SOC 2 readiness"
            } else {
                name.trim()
            };
            let mut a = new_assessment(&bank, title);
            a = crate::core::reduce(&a, Action::SetPath(path));
            let route = Route::Assessment {
                id: a.id.clone(),
                screen: Screen::Scope,
                question: None,
            };
            ctx.dispatch.emit(Msg::Put(a));
            ctx.navigate.emit(route);
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            name.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    // Whether the file being imported was opened with its password: said in
    // the notice, so a protected file swapped for a plain one is noticed.
    let protected = use_mut_ref(|| false);
    let on_opened = {
        let protected = protected.clone();
        Callback::from(move |was: bool| *protected.borrow_mut() = was)
    };
    let on_import = {
        let (ctx, pending, stored, protected) = (
            ctx.clone(),
            pending.clone(),
            props.state.assessments.clone(),
            protected.clone(),
        );
        Callback::from(move |result: Result<Assessment, String>| match result {
            Ok(a) if stored.contains_key(&a.id) => pending.set(Some(a)),
            Ok(a) => import_as(&ctx, a, None, *protected.borrow()),
            Err(message) => ctx.dispatch.emit(Msg::Notify(Notice::error(message))),
        })
    };
    let resolve = |replace: bool| {
        let (ctx, pending, stored, protected) = (
            ctx.clone(),
            pending.clone(),
            props.state.assessments.clone(),
            protected.clone(),
        );
        Callback::from(move |_| {
            if let Some(a) = (*pending).clone() {
                let over = stored.get(&a.id).filter(|_| replace).map(|s| s.revision);
                import_as(&ctx, a, over, *protected.borrow());
            }
            pending.set(None);
        })
    };
    let cancel = {
        let pending = pending.clone();
        Callback::from(move |_| pending.set(None))
    };

    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(select_value(&e)))
    };
    let list = props.state.by_recency();
    html! {
        <>
            if list.is_empty() { <Welcome /> }
            <section class="soc2r-card" aria-labelledby="new-heading">
                <h2 id="new-heading">{ "Start an assessment" }</h2>
                <label for="new-name">{ "Name" }</label>
                <input id="new-name" type="text" value={(*name).clone()} oninput={on_name} />
                if banks.0.len() > 1 {
                    <label for="new-bank">{ "Question bank" }</label>
                    <select id="new-bank" ref={chosen_select} onchange={on_choose}>
                        { for banks.0.iter().map(|b| html! {
                            <option value={choice(&b.0)} selected={choice(&b.0) == *chosen}>
                                { format!("{} ({} {})", b.0.title, b.0.id, b.0.version) }
                            </option>
                        }) }
                    </select>
                }
                <div class="actions">
                    <button type="button" id="start-full" class="primary" onclick={start(QuestionPath::Full)}>
                        { START_FULL }
                    </button>
                    <button type="button" id="start-quick" onclick={start(QuestionPath::Quick)}>
                        { START_QUICK }
                    </button>
                </div>
                <p class="hint">{ format!(
                    "The full assessment asks up to {} questions, the quick first look up to {}: those of the categories you put in scope.",
                    bank.questions.len(),
                    bank.questions.iter().filter(|q| q.quick).count()
                ) }</p>
                <ImportBox on_result={on_import} {on_opened} />
                if let Some(p) = &*pending {
                    <div class="confirm" role="alertdialog" aria-labelledby="pending-text">
                        <p id="pending-text">{ format!("{} is already stored here. Import it as a new copy, or replace the stored one (its answers will be overwritten)?", crate::core::text::named(&p.name)) }</p>
                        <button type="button" id="import-as-new" class="primary" onclick={resolve(false)}>{ "Import as a new copy" }</button>
                        <button type="button" id="import-replace" class="danger" onclick={resolve(true)}>{ "Replace the stored one" }</button>
                        <button type="button" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                }
            </section>
            if !list.is_empty() {
                <section aria-labelledby="list-heading">
                    <h2 id="list-heading">{ "Your assessments" }</h2>
                    <ul class="soc2r-list">
                        { for list.into_iter().map(|a| html! { <AssessmentItem key={a.id.clone()} assessment={a.clone()} /> }) }
                    </ul>
                </section>
            }
            <BankPanel state={props.state.clone()} />
        </>
    }
}

/// The value that picks `bank` in the bank list: its id and version.
fn choice(bank: &Bank) -> String {
    format!("{}@{}", bank.id, bank.version)
}

/// The loaded question banks, and loading a custom one from a file.
#[component]
fn BankPanel(props: &HomeProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let reader = use_mut_ref(|| None);
    // A file with a loaded bank's id and version but other content waits
    // for the user's yes before it replaces that (unused) bank.
    let replacing = use_state(|| None::<(Bank, String)>);
    let banks = props.state.banks.clone();
    let on_pick = {
        let (ctx, builtin) = (ctx.clone(), banks.builtin().0.id.clone());
        let (known_banks, assessments) = (banks.clone(), props.state.assessments.clone());
        let replacing = replacing.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(picked) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            // The OS file name, shown isolated and capped.
            let name = crate::core::text::quoted(&picked.name());
            let (ctx, builtin) = (ctx.clone(), builtin.clone());
            let (known_banks, assessments) = (known_banks.clone(), assessments.clone());
            let replacing = replacing.clone();
            *reader.borrow_mut() = file::read_bytes(picked, MAX_BANK_BYTES, move |bytes| {
                let (ctx, builtin, name) = (ctx.clone(), builtin.clone(), name.clone());
                let (known_banks, assessments) = (known_banks.clone(), assessments.clone());
                let replacing = replacing.clone();
                // Read with the bank reader, loaded on first need.
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = match bytes.and_then(|b| {
                        String::from_utf8(b).map_err(|e| {
                            format!(
                                "the file is not UTF-8 text (byte {})",
                                e.utf8_error().valid_up_to()
                            )
                        })
                    }) {
                        Ok(raw) => match bank_reader::read(&raw).await {
                            Ok(bank) if bank.id == builtin => Err(format!(
                                "its id `{builtin}` is the built-in bank's; give a custom bank an id of its own"
                            )),
                            Ok(bank) => Ok((bank, raw)),
                            Err(e) => Err(e),
                        },
                        Err(e) => Err(e),
                    };
                    let (bank, raw) = match loaded {
                        Ok(loaded) => loaded,
                        Err(e) => {
                            return ctx.dispatch.emit(Msg::Notify(Notice::error(format!(
                            "{name} was not loaded as a question bank: {e}. Nothing was changed."
                        ))));
                        }
                    };
                    match known_banks.load_of(&bank, assessments.values().map(|a| &**a)) {
                    BankLoad::Add => ctx.keep_bank.emit((bank, raw)),
                    BankLoad::Same => ctx.dispatch.emit(Msg::Notify(Notice::info(format!(
                        "{name} is the question bank {} {}, already loaded. Nothing was changed.",
                        crate::core::text::named(&bank.title),
                        crate::core::text::quoted(&bank.version)
                    )))),
                    BankLoad::ReplaceUnused => replacing.set(Some((bank, raw))),
                    // Never re-judge assessments answered against the bank it would replace.
                    BankLoad::Refused(why) => {
                        ctx.dispatch.emit(Msg::Notify(Notice::error(format!(
                            "{name} was not loaded as a question bank: {why}. Nothing was changed."
                        ))))
                    }
                }
                });
            });
        })
    };
    let resolve = |yes: bool| {
        let (ctx, replacing) = (ctx.clone(), replacing.clone());
        Callback::from(move |_| {
            if let Some(bank_and_raw) = (*replacing).clone().filter(|_| yes) {
                ctx.keep_bank.emit(bank_and_raw);
            }
            replacing.set(None);
        })
    };
    let rows = banks.0.iter().enumerate().map(|(ix, b)| {
        let bank = &b.0;
        let used = props.state.assessments.values().filter(|a| uses(a, bank)).count();
        let remove = {
            let (drop_bank, id, version) = (ctx.drop_bank.clone(), bank.id.clone(), bank.version.clone());
            Callback::from(move |_| drop_bank.emit((id.clone(), version.clone())))
        };
        html! {
            <tr>
                <th scope="row">{ &bank.title }</th>
                <td>{ format!("{} {}", bank.id, bank.version) }</td>
                <td>{ bank.questions.len() }</td>
                <td>{ used }</td>
                <td>
                    if ix == 0 { { "built in" } }
                    else if used == 0 {
                        <button type="button" class="danger" onclick={remove}
                            aria-label={format!("Remove the bank {} {}", bank.title, bank.version)}>{ "Remove" }</button>
                    } else { { "in use" } }
                </td>
            </tr>
        }
    });
    html! {
        <section class="soc2r-card" aria-labelledby="banks-heading">
            <h2 id="banks-heading">{ "Question banks" }</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Question banks">
                <table class="soc2r-table">
                    <thead><tr>
                        <th scope="col">{ "Bank" }</th><th scope="col">{ "Id and version" }</th>
                        <th scope="col">{ "Questions" }</th><th scope="col">{ "Assessments" }</th><th scope="col">{ "" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="hint">{ "A custom bank uses the same JSON format as the built-in one (see static/schema/bank.schema.json). It is checked the same way and kept in this browser only. A new version of a bank is kept beside the old one: each assessment stays with the version it was answered with." }</p>
            <label class="file-button">
                { "Load a custom bank" }
                <input type="file" id="bank-file" accept=".json,application/json" onchange={on_pick} />
            </label>
            if let Some((bank, _)) = &*replacing {
                <div class="confirm" role="alertdialog" aria-labelledby="replace-bank-text">
                    <p id="replace-bank-text">{ format!(
                        "A question bank {} with the id {} and version {} is already loaded, with other content. No assessment uses it. Replace it with this file ({})?",
                        crate::core::text::named(&bank.title),
                        crate::core::text::quoted(&bank.id),
                        crate::core::text::quoted(&bank.version),
                        plural(bank.questions.len(), "question", "questions")
                    ) }</p>
                    <button type="button" id="replace-bank" class="danger" onclick={resolve(true)}>{ "Replace the loaded bank" }</button>
                    <button type="button" id="keep-bank" onclick={resolve(false)}>{ "Keep the loaded one" }</button>
                </div>
            }
        </section>
    }
}

/// Stores an imported assessment, then opens it. `replacing` is the stored
/// revision the user chose to overwrite; otherwise the import gets a fresh id.
fn import_as(ctx: &Ctx, mut a: Assessment, replacing: Option<u64>, protected: bool) {
    match replacing {
        // Outrank the stored revision so the save guard accepts the replacement.
        Some(stored) => a.revision = crate::core::assessment::next_revision(stored),
        None => {
            a.id = clock::new_id();
            a.revision = 0;
        }
    }
    let text = if replacing.is_some() {
        "replaced the stored copy"
    } else {
        "stored as a new assessment"
    };
    ctx.dispatch.emit(Msg::Notify(Notice::info(format!(
        "Imported {}: {text}. {}",
        crate::core::text::quoted(&a.name),
        if protected {
            "It was opened with its password, so its contents are as they were exported."
        } else {
            "This file was not password-protected."
        }
    ))));
    let route = Route::Assessment {
        id: a.id.clone(),
        screen: Screen::Dashboard,
        question: None,
    };
    ctx.dispatch.emit(Msg::Put(a));
    ctx.navigate.emit(route);
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    assessment: Rc<Assessment>,
}

#[component]
fn AssessmentItem(props: &ItemProps) -> Html {
    let (Some(ctx), Some(banks)) = (use_context::<Ctx>(), use_context::<Ctx>().map(|c| c.banks))
    else {
        return Html::default();
    };
    let BankHandle(bank) = banks.for_ref(&props.assessment.bank).clone();
    let renaming = use_state(|| false);
    let confirming = use_state(|| false);
    let protecting = use_state(|| false);
    let a = props.assessment.clone();
    let card = scorecard(&bank, &a);
    let open = Route::Assessment {
        id: a.id.clone(),
        screen: Screen::Questions,
        question: None,
    }
    .to_hash();
    let dashboard = Route::Assessment {
        id: a.id.clone(),
        screen: Screen::Dashboard,
        question: None,
    }
    .to_hash();

    let duplicate = {
        let (ctx, bank, a) = (ctx.clone(), bank.clone(), a.clone());
        Callback::from(move |_| {
            let mut copy = new_assessment(&bank, &format!("{} (copy)", a.name));
            copy.path = a.path;
            copy.scope = a.scope.clone();
            copy.answers = a.answers.clone();
            ctx.dispatch.emit(Msg::Notify(Notice::info(format!(
                "Duplicated {}: use the copy for your final readiness check and compare the two.",
                crate::core::text::named(&a.name)
            ))));
            ctx.dispatch.emit(Msg::Put(copy));
        })
    };
    let export = {
        let (ctx, a) = (ctx.clone(), a.clone());
        Callback::from(move |_| {
            let name = file::safe_filename(&a.name, "", "soc2.json");
            if let Err(e) = file::download(&name, "application/json", &export_json(&a)) {
                ctx.dispatch.emit(Msg::Notify(Notice::error(e)));
            }
        })
    };
    let on_rename = {
        let (ctx, id, renaming) = (ctx.clone(), a.id.clone(), renaming.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form: web_sys::HtmlFormElement = e.target_unchecked_into();
            let value = form
                .elements()
                .named_item("name")
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(el).ok())
                .map(|i| i.value())
                .unwrap_or_default();
            if !value.trim().is_empty() {
                ctx.dispatch.emit(Msg::Edit(
                    id.clone(),
                    Action::Rename(value.trim().to_owned()),
                ));
            }
            renaming.set(false);
        })
    };
    let delete = {
        let (ctx, id) = (ctx.clone(), a.id.clone());
        Callback::from(move |_| ctx.dispatch.emit(Msg::Delete(id.clone())))
    };
    let toggle = |s: &UseStateHandle<bool>| {
        let s = s.clone();
        Callback::from(move |_| s.set(!*s))
    };
    let kind = match (a.path, a.scope.report_type) {
        (QuestionPath::Quick, _) => "Quick first look",
        (_, ReportType::Type1) => "Type I",
        (_, ReportType::Type2) => "Type II",
    };
    html! {
        <li class="soc2r-item" data-id={a.id.clone()}>
            if *renaming {
                <form class="rename" onsubmit={on_rename}>
                    <label for={format!("rename-{}", a.id)}>{ "New name" }</label>
                    <input id={format!("rename-{}", a.id)} name="name" type="text" value={a.name.clone()} />
                    <button type="submit" class="primary">{ "Save name" }</button>
                    <button type="button" onclick={toggle(&renaming)}>{ "Cancel" }</button>
                </form>
            } else {
                <h3><a href={open}>{ &a.name }</a></h3>
            }
            <p class="hint">{ format!("{kind} · {} of {} answered · updated {}", card.overall.answered, card.overall.asked, short_time(&a.updated)) }</p>
            <Bar label="Readiness" value={card.overall.readiness} />
            <div class="actions">
                <a class="button" href={dashboard}>{ "Dashboard" }</a>
                <button type="button" onclick={toggle(&renaming)}>{ "Rename" }</button>
                <button type="button" onclick={duplicate}>{ "Duplicate" }</button>
                <button type="button" class="export" onclick={export}>{ "Export JSON" }</button>
                <button type="button" class="export-protected" onclick={toggle(&protecting)}
                    aria-expanded={(*protecting).to_string()}>{ "Export with a password" }</button>
                <button type="button" class="danger" onclick={toggle(&confirming)}>{ "Delete" }</button>
            </div>
            if *protecting {
                <ProtectForm assessment={a.clone()} on_close={{ let p = protecting.clone(); Callback::from(move |_| p.set(false)) }} />
            }
            if *confirming {
                <div class="confirm" role="alertdialog" aria-label="Confirm delete">
                    <p>{ format!("Delete {} and all its answers from this browser? This cannot be undone; export it first if you may need it.", crate::core::text::named(&a.name)) }</p>
                    <button type="button" class="danger" onclick={delete}>{ "Yes, delete it" }</button>
                    <button type="button" onclick={toggle(&confirming)}>{ "Keep it" }</button>
                </div>
            }
        </li>
    }
}

/// `2026-11-26T09:30:12.000Z` → `2026-11-26 09:30` (UTC).
fn short_time(rfc3339: &str) -> String {
    rfc3339
        .get(..16)
        .map(|s| s.replace('T', " "))
        .unwrap_or_default()
}

#[component]
fn Welcome() -> Html {
    let hosting = use_context::<crate::ui::state::Ctx>()
        .map(|c| c.settings)
        .map(|s| s.hosting)
        .unwrap_or_default();
    html! {
        <section class="soc2r-welcome" aria-labelledby="welcome-heading">
            <h2 id="welcome-heading">{ WELCOME[0] }</h2>
            <p>{ WELCOME[1] }</p>
            <p>{ WELCOME[2] }</p>
            <p id="privacy-claim">{ hosting.privacy_claim() }</p>
            <p>{ "To begin, name your assessment and choose the full assessment or a quick first look." }</p>
        </section>
    }
}

#[cfg(test)]
mod prerender_tests {
    use super::*;

    /// The words as HTML writes them (the markup escapes the apostrophe).
    fn html(text: &str) -> String {
        text.replace('\'', "&#39;")
    }

    #[test]
    fn the_static_first_visit_markup_says_what_the_app_says() {
        let index = include_str!("../../../index.html");
        let squeezed = index.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in WELCOME.iter().chain([&START_FULL, &START_QUICK]) {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(squeezed.contains(&html(&text)), "index.html lacks: {text}");
        }
    }
}
