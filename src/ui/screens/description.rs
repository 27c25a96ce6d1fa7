//! The system description: the service commitments register, the incidents
//! and changes to disclose, the controls customers must run, and the draft
//! assembled from them and the rest of the assessment, part by part, each
//! present or named as missing. Exports as Markdown; prints as a document.

use crate::core::commitment::{self, Commitment, CommitmentKind};
use crate::core::description::{self, DescriptionDraft, Event as Happening, Part};
use crate::core::exchange::export::{self, Export};
use crate::core::{Action, Assessment, Day};
use crate::ui::state::{Ctx, Msg, Notice};
use crate::ui::widgets::form::{area_value, checked, edited, ids, value};
use crate::ui::widgets::select::Choice;
use crate::ui::{BankHandle, Derived};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
    pub on_edit: Callback<Action>,
}

/// A callback that edits a copy and saves it if it changed.
fn edit<E: 'static>(
    record: &DescriptionDraft,
    on_edit: &Callback<Action>,
    f: impl Fn(&mut DescriptionDraft, &E) + 'static,
) -> Callback<E> {
    edited(record, on_edit, Action::SetDescription, f)
}

#[component]
pub fn DescriptionScreen(props: &Props) -> Html {
    let (rules, retry) = super::vendors::use_register_rules();
    if rules != Some(true) {
        return crate::ui::lazy::split_pending(rules, retry, "register-failed");
    }
    html! { <DescriptionLoaded assessment={props.assessment.clone()} derived={props.derived.clone()} on_edit={props.on_edit.clone()} /> }
}

#[component]
fn DescriptionLoaded(props: &Props) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let ctx = use_context::<Ctx>();
    let a = &props.assessment;
    let d = &a.description;
    let on_edit = &props.on_edit;
    let outcome = &props.derived.0.outcome;
    let draft = description::assemble(&bank, a);
    let missing = draft.missing().count();

    let commitments = a.commitments.iter().map(|c| {
        let standing = commitment::standing(c, &bank, a, outcome);
        html! { <CommitmentRow key={c.id.clone()} commitment={c.clone()} at_risk={standing.at_risk} reasons={standing.reasons} on_edit={on_edit.clone()} /> }
    });
    let add_commitment = {
        let (on_edit, list) = (on_edit.clone(), a.commitments.clone());
        Callback::from(move |_| {
            on_edit.emit(Action::PutCommitment(Commitment {
                id: commitment::next_id(&list),
                ..Commitment::default()
            }))
        })
    };
    let events = |which: &'static str, list: &[Happening]| -> Html {
        let rows = list.iter().enumerate().map(|(i, ev)| {
            let id = format!("{which}-{i}");
            html! {
                <li class="event">
                    <div class="field">
                        <label for={format!("{id}-day")}>{ "Date" }</label>
                        <input id={format!("{id}-day")} type="date" value={ev.day.to_string()}
                            onchange={edit(d, on_edit, move |d, e: &Event| if let (Some(x), Ok(day)) = (event_at(d, which, i), Day::parse(&value(e))) { x.day = day })} />
                    </div>
                    <div class="field wide">
                        <label for={format!("{id}-summary")}>{ "What happened, and what was done" }</label>
                        <input id={format!("{id}-summary")} type="text" value={ev.summary.clone()}
                            onchange={edit(d, on_edit, move |d, e: &Event| if let Some(x) = event_at(d, which, i) { x.summary = value(e) })} />
                    </div>
                    <button type="button" class="link" aria-label={format!("Remove entry {}", i + 1)}
                        onclick={edit(d, on_edit, move |d, _: &MouseEvent| {
                            let list = if which == "incidents" { &mut d.incidents } else { &mut d.changes };
                            if i < list.len() { list.remove(i); }
                        })}>{ "Remove" }</button>
                </li>
            }
        });
        let today = crate::browser::clock::today();
        html! {
            <>
                <ul class="events">{ for rows }</ul>
                <button type="button" id={format!("{which}-add")}
                    onclick={edit(d, on_edit, move |d, _: &MouseEvent| {
                        let entry = Happening { day: today, summary: String::new() };
                        if which == "incidents" { d.incidents.push(entry) } else { d.changes.push(entry) }
                        d.none.remove(which);
                    })}>{ "Add an entry" }</button>
                <label class="check">
                    <input type="checkbox" id={format!("{which}-none")} checked={d.none.contains(which)}
                        disabled={!list.is_empty()}
                        onchange={edit(d, on_edit, move |d, e: &Event| { if checked(e) { d.none.insert(which.to_owned()); } else { d.none.remove(which); } })} />
                    { "None to disclose" }
                </label>
            </>
        }
    };
    let user_controls = d.user_controls.iter().enumerate().map(|(i, text)| {
        html! {
            <li>
                <label for={format!("user-control-{i}")} class="visually-hidden">{ format!("Customer control {}", i + 1) }</label>
                <input id={format!("user-control-{i}")} type="text" value={text.clone()}
                    onchange={edit(d, on_edit, move |d, e: &Event| if let Some(x) = d.user_controls.get_mut(i) { *x = value(e) })} />
                <button type="button" class="link" aria-label={format!("Remove customer control {}", i + 1)}
                    onclick={edit(d, on_edit, move |d, _: &MouseEvent| { if i < d.user_controls.len() { d.user_controls.remove(i); } })}>{ "Remove" }</button>
            </li>
        }
    });
    let parts = draft.parts.iter().map(|p| part_editor(p, a, d, on_edit));
    let export_md = {
        let (bank, a, eval, ctx) = (
            bank.clone(),
            a.clone(),
            props.derived.0.clone(),
            ctx.clone(),
        );
        Callback::from(move |_| {
            let made = export::file(
                Export::Description,
                &bank,
                &a,
                &eval,
                &[],
                crate::browser::clock::today(),
            );
            let saved = made.and_then(|f| {
                let name = crate::browser::file::safe_filename(&a.name, f.suffix, f.extension);
                crate::browser::file::download(&name, f.mime, &f.text)
            });
            if let (Err(e), Some(ctx)) = (saved, ctx.as_ref()) {
                ctx.dispatch.emit(Msg::Notify(Notice::error(e)));
            }
        })
    };
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <section class="soc2r-description" aria-labelledby="description-heading">
            <div class="gaps-top no-print">
                <h2 id="description-heading">{ "System description" }</h2>
                <div class="actions" role="group" aria-label="Export">
                    <button type="button" id="export-description-md" onclick={export_md}>{ "Export (Markdown)" }</button>
                    <button type="button" id="print-description" onclick={print}>{ "Print" }</button>
                </div>
            </div>
            <p class="hint no-print">
                { "The report opens with your description of the system. This draft follows the parts an auditor expects, \
                   fills what the assessment already knows, and names what is missing. Once you start writing, the \
                   missing parts count as findings on the description in the likely outcome." }
            </p>
            <p class={classes!("notice", if missing == 0 { "info" } else { "error" }, "no-print")} id="description-status"
                data-missing={missing.to_string()}>
                { if missing == 0 {
                    "Every required part is present.".to_owned()
                } else {
                    format!("{} missing{}.", crate::core::text::plural(missing, "part is", "parts are"),
                        if draft.started { ": each is a finding on the description" } else { " (not judged until you start the draft)" })
                } }
            </p>
            <section class="no-print" aria-labelledby="commitments-heading">
                <h3 id="commitments-heading">{ "Service commitments" }</h3>
                <p class="hint">{ "What you promise customers, each linked to the questions or criteria that keep it. A commitment is at risk while any of them is not ready." }</p>
                if a.commitments.is_empty() {
                    <p class="empty">{ "No commitments yet." }</p>
                }
                <ul class="commitments">{ for commitments }</ul>
                <button type="button" id="commitment-add" onclick={add_commitment}>{ "Add a commitment" }</button>
            </section>
            <section class="no-print" aria-labelledby="incidents-heading">
                <h3 id="incidents-heading">{ "Significant incidents" }</h3>
                { events("incidents", &d.incidents) }
            </section>
            <section class="no-print" aria-labelledby="changes-heading">
                <h3 id="changes-heading">{ "Significant changes to the system" }</h3>
                { events("changes", &d.changes) }
            </section>
            <section class="no-print" aria-labelledby="user-controls-heading">
                <h3 id="user-controls-heading">{ "What your customers must do" }</h3>
                <p class="hint">{ "Controls customers run on their side for yours to work, such as managing their own users' access." }</p>
                <ul class="user-controls">{ for user_controls }</ul>
                <button type="button" id="user-control-add"
                    onclick={edit(d, on_edit, |d, _: &MouseEvent| { d.user_controls.push(String::new()); d.none.remove("user_controls"); })}>{ "Add a customer control" }</button>
                <label class="check">
                    <input type="checkbox" id="user_controls-none" checked={d.none.contains("user_controls")}
                        disabled={!d.user_controls.is_empty()}
                        onchange={edit(d, on_edit, |d, e: &Event| { if checked(e) { d.none.insert("user_controls".to_owned()); } else { d.none.remove("user_controls"); } })} />
                    { "None: customers need no controls of their own" }
                </label>
            </section>
            <section class="description-draft" aria-labelledby="draft-heading">
                <h3 id="draft-heading" class="no-print">{ "The draft, part by part" }</h3>
                <h1 class="print-only">{ &draft.title }</h1>
                { for parts }
            </section>
            <datalist id="question-ids">
                { for a.asked(&bank).map(|q| html! { <option value={q.id.clone()}>{ q.title() }</option> }) }
                { for bank.criteria.iter().map(|c| html! { <option value={c.id.clone()}>{ &c.topic }</option> }) }
            </datalist>
        </section>
    }
}

/// Entry `i` of the incidents or the changes.
fn event_at<'a>(d: &'a mut DescriptionDraft, which: &str, i: usize) -> Option<&'a mut Happening> {
    if which == "incidents" {
        d.incidents.get_mut(i)
    } else {
        d.changes.get_mut(i)
    }
}

/// One part of the draft: its status, what the assessment fills in, and
/// the user's own words.
fn part_editor(p: &Part, a: &Assessment, d: &DescriptionDraft, on_edit: &Callback<Action>) -> Html {
    let status = match (&p.missing, p.optional) {
        (None, _) => "present",
        (Some(_), true) => "optional",
        (Some(_), false) => "missing",
    };
    let id = p.id;
    let text_field = |key: String, label: String, current: String| {
        let about = format!(" ({})", p.heading);
        let field_id = format!("part-{}", key.replace('.', "-"));
        let k = key.clone();
        html! {
            <div class="field no-print">
                <label for={field_id.clone()}>{ label }<span class="visually-hidden">{ about }</span></label>
                <textarea id={field_id} rows="3" value={current}
                    onchange={edit(d, on_edit, move |d, e: &Event| {
                        let text = area_value(e);
                        if text.trim().is_empty() { d.texts.remove(&k); } else { d.texts.insert(k.clone(), text); }
                    })} />
            </div>
        }
    };
    let editors = if id == "components" {
        a.scope
            .in_scope
            .iter()
            .map(|item| {
                let key = format!("components.{}", item.label().to_lowercase());
                let current = d.texts.get(&key).cloned().unwrap_or_default();
                text_field(key, item.label().to_owned(), current)
            })
            .collect::<Html>()
    } else {
        text_field(
            id.to_owned(),
            "Your words".to_owned(),
            d.texts.get(id).cloned().unwrap_or_default(),
        )
    };
    html! {
        <article class={classes!("description-part", status)} data-part={id} data-part-status={status} aria-labelledby={format!("part-{id}-heading")}>
            <h4 id={format!("part-{id}-heading")}>{ p.heading }
                <span class={classes!("badge", "no-print", status)}>{ match status {
                    "present" => "Present", "optional" => "Optional for a Type I", _ => "Missing" } }</span>
            </h4>
            <p class="hint no-print">{ p.prompt }</p>
            if !p.text.is_empty() {
                <p class="print-only part-text">{ &p.text }</p>
            }
            if !p.facts.is_empty() {
                <ul class="part-facts">{ for p.facts.iter().map(|f| html! { <li>{ f }</li> }) }</ul>
            }
            if let Some(why) = &p.missing {
                <p class="part-missing">{ format!("{}: {why}.", if p.optional { "Optional" } else { "Missing" }) }</p>
            }
            { editors }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    commitment: Commitment,
    at_risk: bool,
    reasons: Vec<String>,
    on_edit: Callback<Action>,
}

#[component]
fn CommitmentRow(props: &RowProps) -> Html {
    let c = &props.commitment;
    let confirming = use_state(|| false);
    let pre = format!("commitment-{}", c.id);
    let put = |f: fn(&mut Commitment, String)| {
        let (c, on_edit) = (c.clone(), props.on_edit.clone());
        Callback::from(move |v: String| {
            let mut next = c.clone();
            f(&mut next, v);
            if next != c {
                on_edit.emit(Action::PutCommitment(next));
            }
        })
    };
    let kinds: Vec<(&str, &str)> = CommitmentKind::ALL
        .iter()
        .map(|k| (k.id(), k.label()))
        .collect();
    let status = if props.at_risk { "at-risk" } else { "ok" };
    let remove = {
        let (on_edit, id) = (props.on_edit.clone(), c.id.clone());
        Callback::from(move |_| on_edit.emit(Action::RemoveCommitment(id.clone())))
    };
    let (ask, keep) = {
        let (a, b) = (confirming.clone(), confirming.clone());
        (
            Callback::from(move |_| a.set(true)),
            Callback::from(move |_| b.set(false)),
        )
    };
    html! {
        <li class={classes!("commitment", status)} data-commitment-id={c.id.clone()}>
            <div class="grid">
                <Choice id={format!("{pre}-kind")} label="Kind" options={kinds} value={c.kind.id()}
                    onchange={put(|c, v| if let Some(k) = CommitmentKind::ALL.into_iter().find(|k| k.id() == v) { c.kind = k })} />
                <div class="field wide">
                    <label for={format!("{pre}-text")}>{ "The promise" }</label>
                    <input id={format!("{pre}-text")} type="text" value={c.text.clone()} placeholder={c.kind.example()}
                        onchange={put(|c, v| c.text = v).reform(|e: Event| value(&e))} />
                </div>
                <div class="field wide">
                    <label for={format!("{pre}-supports")}>{ "Kept by (question ids or criteria)" }</label>
                    <input id={format!("{pre}-supports")} type="text" list="question-ids" value={c.supports.join(", ")}
                        onchange={put(|c, v| c.supports = ids(&v))
                            .reform(|e: Event| value(&e))} />
                </div>
            </div>
            <p class={classes!("commitment-status", status)} data-commitment={status}>
                <strong>{ if props.at_risk { "At risk" } else { "Backed by controls that are ready" } }</strong>
                if props.at_risk {
                    { format!(": {}.", props.reasons.join("; ")) }
                }
            </p>
            if *confirming {
                <span class="confirm" role="alertdialog" aria-label="Remove this commitment?">
                    <button type="button" class="danger" id={format!("{pre}-remove-yes")} onclick={remove}>{ "Remove" }</button>
                    <button type="button" onclick={keep}>{ "Keep it" }</button>
                </span>
            } else {
                <button type="button" class="link" id={format!("{pre}-remove")} onclick={ask}>{ "Remove commitment" }</button>
            }
        </li>
    }
}
