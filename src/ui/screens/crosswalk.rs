//! Crosswalk: how much of ISO 27001 or NIST CSF the SOC 2 answers already
//! show, per theme and per control, and the way in from the other side:
//! tick the target controls in place, then accept (or not) the SOC 2
//! answers they propose. Everything is derived by `core::crosswalk`.

use crate::core::assessment::{Action, Assessment};
use crate::core::crosswalk::{
    Crosswalk, CrosswalkReadiness, PROPOSED_STATUS, SHIPPED, Soc2, accepted, in_place, proposals,
};
use crate::core::text::plural;
use crate::ui::route::{Route, Screen};
use crate::ui::state::Ctx;
use crate::ui::{BankHandle, Derived, Loaded};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
    pub on_edit: Callback<Action>,
}

#[component]
pub fn CrosswalkScreen(props: &Props) -> Html {
    let chosen = use_state(|| SHIPPED[0]);
    // The tables load on first need: this screen needs them.
    {
        let want = use_context::<Ctx>().map(|c| c.want_crosswalks);
        use_effect_with((), move |_| {
            if let Some(want) = want {
                want.emit(());
            }
        });
    }
    let Some(crosswalks) = use_context::<Ctx>().map(|c| c.crosswalks) else {
        return Html::default();
    };
    let picker = crosswalks.0.iter().map(|(id, loaded)| {
        let id = *id;
        let label = match loaded {
            Loaded::Ready(cw) => cw.framework.clone(),
            _ => id.to_owned(),
        };
        let onchange = {
            let chosen = chosen.clone();
            Callback::from(move |_| chosen.set(id))
        };
        html! {
            <label class="check">
                <input type="radio" name="crosswalk" value={id} checked={*chosen == id} onchange={onchange} />
                { label }
            </label>
        }
    });
    let body = match crosswalks.get(*chosen) {
        Some(Loaded::Ready(cw)) => html! {
            <CrosswalkView cw={cw.clone()} assessment={props.assessment.clone()}
                derived={props.derived.clone()} on_edit={props.on_edit.clone()} />
        },
        Some(Loaded::Failed(why)) => html! {
            <p class="notice error" role="alert" id="crosswalk-failed">
                { format!("The crosswalk could not be loaded: {why}. Reload the page to try again; everything else works without it.") }
            </p>
        },
        _ => {
            html! { <p class="notice info" id="crosswalk-loading">{ "Loading the crosswalk…" }</p> }
        }
    };
    html! {
        <section class="soc2r-crosswalk">
            <h2>{ "Crosswalk" }</h2>
            <p class="lead">{ "How much of another framework your SOC 2 answers already show, and how to start SOC 2 from work you have done for it. The links are our own judgement, typed by how the two sides relate, each with its reason." }</p>
            <fieldset class="choices" id="crosswalk-picker">
                <legend>{ "Framework" }</legend>
                { for picker }
            </fieldset>
            { body }
        </section>
    }
}

#[derive(Properties)]
struct ViewProps {
    cw: Rc<Crosswalk>,
    assessment: Rc<Assessment>,
    derived: Derived,
    on_edit: Callback<Action>,
}

impl PartialEq for ViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cw, &other.cw)
            && self.assessment == other.assessment
            && self.derived == other.derived
            && self.on_edit == other.on_edit
    }
}

fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), crate::core::text::percent)
}

#[component]
fn CrosswalkView(props: &ViewProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let (cw, a) = (&props.cw, &props.assessment);
    let r = CrosswalkReadiness::compute(cw, &bank, &props.derived.0.scorecard);
    let held = in_place(cw, a);
    let themes = r.themes.iter().map(|t| {
        let theme = &cw.themes[t.theme];
        html! {
            <tr>
                <th scope="row">{ format!("{} {}", theme.id, theme.name) }</th>
                <td class="num">{ t.controls }</td>
                <td class="num">{ t.linked }</td>
                <td class="num">{ pct(t.readiness) }</td>
                <td class="num">{ t.fully }</td>
                <td class="num">{ t.partly }</td>
            </tr>
        }
    });
    let controls_by_theme = (0..cw.themes.len()).map(|t| {
        let theme = &cw.themes[t];
        let rows = r
            .controls
            .iter()
            .filter(|c| cw.theme_of(c.control) == t)
            .map(|c| {
                let control = &cw.controls[c.control];
                let ticked = held.contains(&c.control);
                let onchange = {
                    let (on_edit, crosswalk, id) =
                        (props.on_edit.clone(), cw.id.clone(), control.id.clone());
                    Callback::from(move |e: Event| {
                        let on = e
                            .target_dyn_into::<web_sys::HtmlInputElement>()
                            .is_some_and(|i| i.checked());
                        on_edit.emit(Action::SetInPlaceElsewhere {
                            crosswalk: crosswalk.clone(),
                            control: id.clone(),
                            on,
                        })
                    })
                };
                let links = c.links.iter().map(|&l| {
                    let link = &cw.links[l];
                    let what = match &link.soc2 {
                        Soc2::Criterion(id) => id.clone(),
                        Soc2::Question(id) => bank
                            .question(id)
                            .map_or(id.clone(), |q| format!("{id}: {}", q.text)),
                    };
                    html! {
                        <li>
                            <span class={classes!("rel", link.relationship.id())}>{ link.relationship.label() }</span>
                            { " " }<strong>{ what }</strong>{ ". " }{ &link.rationale }
                        </li>
                    }
                });
                let answered = if c.asked > 0 {
                    format!("{} of {} answered", c.answered, plural(c.asked, "linked item", "linked items"))
                } else {
                    String::new()
                };
                html! {
                    <tr class={classes!("xw-control", c.shown.id())} data-control={control.id.clone()}>
                        <td class="tick">
                            <input type="checkbox" id={format!("in-place-{}", control.id)} data-control={control.id.clone()}
                                checked={ticked} onchange={onchange} />
                        </td>
                        <th scope="row">
                            <label for={format!("in-place-{}", control.id)}>
                                <span class="control-id">{ &control.id }</span>{ " " }{ &control.topic }
                            </label>
                        </th>
                        <td class="num readiness">{ pct(c.readiness) }</td>
                        <td class="shown">{ c.shown.label() }<span class="hint">{ answered }</span></td>
                        <td class="links">
                            if c.links.is_empty() {
                                { "–" }
                            } else {
                                <details>
                                    <summary>{ plural(c.links.len(), "link", "links") }</summary>
                                    <ul>{ for links }</ul>
                                </details>
                            }
                        </td>
                    </tr>
                }
            });
        let ticked = r
            .controls
            .iter()
            .filter(|c| cw.theme_of(c.control) == t && held.contains(&c.control))
            .count();
        html! {
            <details class="xw-theme" id={format!("theme-{}", theme.id)}>
                <summary>
                    { format!("{} {}", theme.id, theme.name) }
                    <span class="hint">{ format!(" · {} · {ticked} in place", plural(r.themes[t].controls, "control", "controls")) }</span>
                </summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{} controls", theme.name)}>
                    <table class="xw-controls">
                        <thead><tr>
                            <th scope="col"><span class="visually-hidden">{ "In place" }</span></th>
                            <th scope="col">{ "Control" }</th>
                            <th scope="col" class="num">{ "SOC 2 readiness" }</th>
                            <th scope="col">{ "Shown" }</th>
                            <th scope="col">{ "How they relate" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </details>
        }
    });
    let uncovered = cw.uncovered.iter().map(|u| {
        html! { <li><strong>{ &u.criterion }</strong>{ ": " }{ &u.why }</li> }
    });
    html! {
        <>
            <h3>{ format!("{} (crosswalk {})", cw.framework, cw.version) }</h3>
            <ul class="xw-legend">
                <li><span class="rel equal">{ "equal" }</span>{ " both ask the same: each, in place, shows the other." }</li>
                <li><span class="rel subset_of">{ "SOC 2 asks less" }</span>{ format!(" the {} control covers the SOC 2 item, so it can propose a SOC 2 answer; SOC 2 ready shows only part of the control.", cw.short_name) }</li>
                <li><span class="rel superset_of">{ "SOC 2 asks more" }</span>{ format!(" the SOC 2 item, ready, shows the whole {} control.", cw.short_name) }</li>
                <li><span class="rel intersects">{ "overlap" }</span>{ " each covers part of the other; neither shows the other." }</li>
            </ul>
            <h4>{ format!("{} by theme", cw.short_name) }</h4>
            <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{} by theme", cw.short_name)}>
                <table class="soc2r-table xw-themes" id="xw-themes">
                    <thead><tr>
                        <th scope="col">{ "Theme" }</th>
                        <th scope="col" class="num">{ "Controls" }</th>
                        <th scope="col" class="num">{ "With a SOC 2 link" }</th>
                        <th scope="col" class="num">{ "SOC 2 readiness" }</th>
                        <th scope="col" class="num">{ "Shown by SOC 2" }</th>
                        <th scope="col" class="num">{ "Partly shown" }</th>
                    </tr></thead>
                    <tbody>{ for themes }</tbody>
                </table>
            </div>
            <p class="hint">{ format!("Readiness is the mean of the linked SOC 2 answers given so far. A control counts as shown only through a link where SOC 2 asks as much or more, and only when that item is ready; this says nothing of how an {} auditor would judge it.", cw.short_name) }</p>
            <Proposals cw={props.cw.clone()} assessment={props.assessment.clone()} on_edit={props.on_edit.clone()} />
            <h4 id="start-from">{ format!("Your {} controls", cw.short_name) }</h4>
            <p>{ format!("Tick the {} controls you have in place{}. Each one that covers a SOC 2 question wholly proposes an answer above; nothing is answered until you accept it.",
                cw.short_name,
                if cw.id.starts_with("iso") { " (the applicable controls of your Statement of Applicability)" } else { "" }) }</p>
            { for controls_by_theme }
            if !cw.uncovered.is_empty() {
                <details class="xw-uncovered">
                    <summary>{ format!("SOC 2 criteria with no {} counterpart ({})", cw.short_name, cw.uncovered.len()) }</summary>
                    <ul>{ for uncovered }</ul>
                </details>
            }
        </>
    }
}

#[derive(Properties)]
struct ProposalsProps {
    cw: Rc<Crosswalk>,
    assessment: Rc<Assessment>,
    on_edit: Callback<Action>,
}

impl PartialEq for ProposalsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.cw, &other.cw)
            && self.assessment == other.assessment
            && self.on_edit == other.on_edit
    }
}

fn accept(
    on_edit: &Callback<Action>,
    cw: &Crosswalk,
    questions: Vec<String>,
) -> Callback<MouseEvent> {
    let (on_edit, crosswalk) = (on_edit.clone(), cw.id.clone());
    Callback::from(move |_| {
        on_edit.emit(Action::AcceptProposals {
            crosswalk: crosswalk.clone(),
            questions: questions.clone(),
            status: PROPOSED_STATUS,
        })
    })
}

fn question_link(a: &Assessment, id: &str) -> String {
    Route::Assessment {
        id: a.id.clone(),
        screen: Screen::Questions,
        question: Some(id.to_owned()),
    }
    .to_hash()
}

/// The proposed answers, and the answers accepted so far with a way back.
#[component]
fn Proposals(props: &ProposalsProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let (cw, a) = (&*props.cw, &*props.assessment);
    let list = proposals(cw, &bank, a);
    let taken = accepted(&bank, a, &cw.id);
    let all: Vec<String> = list.iter().map(|p| p.question.clone()).collect();
    let items = list.iter().map(|p| {
        let text = bank.question(&p.question).map(|q| q.text.clone()).unwrap_or_default();
        let because = p.because.iter().map(|&l| {
            let link = &cw.links[l];
            let control = &cw.controls[link.control];
            html! { <li><span class="control-id">{ &control.id }</span>{ " " }{ &control.topic }{ ": " }{ &link.rationale }</li> }
        });
        html! {
            <li class="proposal" id={format!("proposal-{}", p.question)}>
                <p><a href={question_link(a, &p.question)}>{ &p.question }</a>{ " " }{ text }</p>
                <p class="hint">{ format!("Proposed from {}: {}. The SOC 2 evidence still needs collecting.", cw.short_name, PROPOSED_STATUS.label()) }</p>
                <ul class="because">{ for because }</ul>
                <button type="button" class="accept" onclick={accept(&props.on_edit, cw, vec![p.question.clone()])}>
                    { "Accept" }<span class="visually-hidden">{ format!(" for {}", p.question) }</span>
                </button>
            </li>
        }
    });
    let undo = {
        let (on_edit, crosswalk) = (props.on_edit.clone(), cw.id.clone());
        Callback::from(move |_| on_edit.emit(Action::UndoAccepted(crosswalk.clone())))
    };
    let nothing_ticked = in_place(cw, a).is_empty();
    html! {
        <section class="xw-proposals" id="proposals" aria-labelledby="proposals-title">
            <h4 id="proposals-title">{ format!("Start from your {} work", cw.short_name) }</h4>
            if nothing_ticked && taken.is_empty() {
                <p>{ format!("Tick the {} controls you have in place below to see the SOC 2 answers they propose.", cw.short_name) }</p>
            } else if list.is_empty() {
                <p id="no-proposals">{ "No proposal left: the questions your ticked controls cover are answered, or none is covered wholly." }</p>
            } else {
                <p>
                    { format!("{} from {}. Accept each, or all at once; or answer the question yourself.",
                        plural(list.len(), "proposed answer", "proposed answers"), cw.short_name) }
                    { " " }
                    <button type="button" class="primary" id="accept-all" onclick={accept(&props.on_edit, cw, all)}>
                        { format!("Accept all {}", list.len()) }
                    </button>
                </p>
                <ol class="proposal-list">{ for items }</ol>
            }
            if !taken.is_empty() {
                <p id="accepted">
                    { format!("{} accepted from {} and not changed since: each is \"{}\" until you collect its evidence and say so.",
                        plural(taken.len(), "answer", "answers"), cw.short_name, PROPOSED_STATUS.label()) }
                    { " " }
                    <button type="button" id="undo-accepted" onclick={undo}>
                        { format!("Take back all {}", taken.len()) }
                    </button>
                </p>
            }
        </section>
    }
}
