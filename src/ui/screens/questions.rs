//! The questionnaire: navigation by category and series with progress, the
//! questions of one series (or one question at a time), and keyboard
//! shortcuts for answering and moving.

use crate::core::assessment::ReportType;
use crate::core::order;
use crate::core::{Action, Answer, Assessment, Bank, Category, Day, Status};
use crate::ui::route::{Route, Screen};
use crate::ui::settings::Hosting;
use crate::ui::state::Ctx;
use crate::ui::widgets::bar::Bar;
use crate::ui::{BankHandle, Derived};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
    pub on_edit: Callback<Action>,
    /// The question named in the URL.
    pub question: Option<String>,
}

/// Keyboard shortcuts, shown on screen and used by the key handler.
const ANSWER_KEYS: [(char, Status); 6] = [
    ('1', Status::Ready),
    ('2', Status::Implemented),
    ('3', Status::Partial),
    ('4', Status::Planned),
    ('5', Status::Missing),
    ('6', Status::NotApplicable),
];

/// Asked question indexes of one series, in bank order.
fn series_questions(bank: &Bank, a: &Assessment, series: &str) -> Vec<usize> {
    bank.questions
        .iter()
        .enumerate()
        .filter(|(_, q)| a.asks(q) && bank.criteria[q.criterion_ix[0]].series == series)
        .map(|(ix, _)| ix)
        .collect()
}

fn series_of(bank: &Bank, question: usize) -> &str {
    &bank.criteria[bank.questions[question].criterion_ix[0]].series
}

#[component]
pub fn Questions(props: &QuestionsProps) -> Html {
    let (Some(BankHandle(bank)), Some(ctx)) = (use_context::<BankHandle>(), use_context::<Ctx>())
    else {
        return Html::default();
    };
    let one_at_a_time = use_state(|| false);
    // Narrows a section to one criterion (by bank index); cleared per section.
    let criterion = use_state(|| None::<usize>);
    let a = props.assessment.clone();
    let asked: Vec<usize> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| a.asks(q))
        .map(|(ix, _)| ix)
        .collect();
    let focused = props
        .question
        .as_deref()
        .and_then(|id| {
            asked
                .iter()
                .copied()
                .find(|&ix| bank.questions[ix].id == id)
        })
        .or_else(|| asked.first().copied());
    let route_to = {
        let (id, bank) = (a.id.clone(), bank.clone());
        move |ix: usize| Route::Assessment {
            id: id.clone(),
            screen: Screen::Questions,
            question: Some(bank.questions[ix].id.clone()),
        }
    };

    // Keyboard: 1-6 answer the focused question, 0 clears it, j/k move.
    {
        let (on_edit, navigate, bank) = (props.on_edit.clone(), ctx.navigate.clone(), bank.clone());
        let hosting = use_context::<Ctx>()
            .map(|c| c.settings)
            .map(|s| s.hosting)
            .unwrap_or_default();
        let (asked, route_to) = (asked.clone(), route_to.clone());
        use_effect_with((focused, asked.len(), a.id.clone()), move |_| {
            let listener = web_sys::window().and_then(|w| w.document()).map(|doc| {
                gloo::events::EventListener::new(&doc, "keydown", move |event| {
                    let Some(event) = wasm_bindgen::JsCast::dyn_ref::<KeyboardEvent>(event) else {
                        return;
                    };
                    if event.ctrl_key()
                        || event.meta_key()
                        || event.alt_key()
                        || typing_in_field(event)
                        || !meant_for_the_app(event, hosting)
                    {
                        return;
                    }
                    let Some(current) = focused else { return };
                    let pos = asked.iter().position(|&ix| ix == current).unwrap_or(0);
                    let key = event.key();
                    let id = bank.questions[current].id.clone();
                    if let Some((_, status)) =
                        ANSWER_KEYS.iter().find(|(k, _)| key == k.to_string())
                    {
                        on_edit.emit(Action::SetStatus(id, Some(*status)));
                    } else if key == "0" {
                        on_edit.emit(Action::SetStatus(id, None));
                    } else if key == "j" && pos + 1 < asked.len() {
                        navigate.emit(route_to(asked[pos + 1]));
                    } else if key == "k" && pos > 0 {
                        navigate.emit(route_to(asked[pos - 1]));
                    } else {
                        return;
                    }
                    event.prevent_default();
                })
            });
            move || drop(listener)
        });
    }

    let card = &props.derived.0.scorecard;
    let current_series = focused.map(|ix| series_of(&bank, ix).to_owned());
    let nav = Category::ALL
        .into_iter()
        .filter(|c| a.scope.categories.contains(c))
        .map(|c| {
            let series = bank.series.iter().filter(|s| s.category == c).filter_map(|s| {
                let qs = series_questions(&bank, &a, &s.id);
                let first = *qs.first()?;
                let answered = qs.iter().filter(|&&ix| a.status(&bank.questions[ix].id).is_some()).count();
                let pct = 100.0 * answered as f64 / qs.len() as f64;
                let current = current_series.as_deref() == Some(s.id.as_str());
                Some(html! {
                    <li>
                        <a href={route_to(first).to_hash()} aria-current={current.then_some("true")}>
                            { format!("{} {}", s.id, s.name) }
                        </a>
                        <Bar label={format!("{answered} of {}", qs.len())} value={pct} class="small" />
                    </li>
                })
            });
            html! {
                <li class="nav-category">
                    <span class="nav-category-name">{ c.name() }</span>
                    <ul>{ for series }</ul>
                </li>
            }
        });

    let section = current_series
        .as_deref()
        .map(|s| series_questions(&bank, &a, s))
        .unwrap_or_default();
    // Criteria the section's questions support, in bank order.
    let mut section_criteria: Vec<usize> = section
        .iter()
        .flat_map(|&ix| bank.questions[ix].criterion_ix.iter().copied())
        .filter(|&c| Some(bank.criteria[c].series.as_str()) == current_series.as_deref())
        .collect();
    order::sort(&mut section_criteria);
    section_criteria.dedup();
    let chosen = (*criterion).filter(|c| section_criteria.contains(c));
    let shown: Vec<usize> = match (*one_at_a_time, focused) {
        (true, Some(ix)) => vec![ix],
        (true, None) => Vec::new(),
        (false, _) => section
            .into_iter()
            .filter(|&ix| chosen.is_none_or(|c| bank.questions[ix].criterion_ix.contains(&c)))
            .collect(),
    };
    let criterion_buttons = (!*one_at_a_time && section_criteria.len() > 1).then(|| {
        let button = |target: Option<usize>, label: String, title: String| {
            let criterion = criterion.clone();
            html! {
                <button type="button" class="chip" aria-pressed={(chosen == target).to_string()} title={title}
                    onclick={Callback::from(move |_| criterion.set(target))}>{ label }</button>
            }
        };
        html! {
            <div class="criteria-filter" role="group" aria-label="Show questions of one criterion">
                { button(None, "All criteria".into(), "Every question of this series".into()) }
                { for section_criteria.iter().map(|&c| {
                    let cr = &bank.criteria[c];
                    button(Some(c), cr.id.clone(), cr.topic.clone())
                }) }
            </div>
        }
    });
    let chosen_topic =
        chosen.map(|c| format!("{}: {}", bank.criteria[c].id, bank.criteria[c].topic));
    let type2 = a.scope.report_type == ReportType::Type2;
    let pos = focused.and_then(|f| asked.iter().position(|&ix| ix == f));
    let prev = pos
        .filter(|&p| p > 0)
        .map(|p| route_to(asked[p - 1]).to_hash());
    let next = pos
        .filter(|&p| p + 1 < asked.len())
        .map(|p| route_to(asked[p + 1]).to_hash());
    let toggle_mode = {
        let one = one_at_a_time.clone();
        Callback::from(move |_| one.set(!*one))
    };
    let heading = current_series
        .as_deref()
        .and_then(|s| bank.series(s))
        .map(|s| format!("{} {}", s.id, s.name))
        .unwrap_or_default();

    html! {
        <div class="soc2r-questions">
            <aside class="q-nav" aria-label="Sections">
                <div class="progress" aria-live="polite" id="questionnaire-progress">
                    <Bar label={format!("Answered {} of {}", card.overall.answered, card.overall.asked)} value={card.overall.completion} />
                    <p>{ "Readiness " }<strong id="overall-readiness">{ crate::core::text::percent(card.overall.readiness) }</strong></p>
                    <p class="hint">{ "Unanswered questions count as not ready." }</p>
                </div>
                // Folded on phones so the questions come first; open on wide screens.
                <details class="nav-sections" open={wide_screen()}>
                    <summary>{ "Sections" }</summary>
                    <ul class="nav-tree">{ for nav }</ul>
                </details>
            </aside>
            <section class="q-main" aria-labelledby="section-heading">
                <div class="q-toolbar">
                    <h3 id="section-heading">{ heading }</h3>
                    <button type="button" aria-pressed={(*one_at_a_time).to_string()} onclick={toggle_mode}>
                        { "One question at a time" }
                    </button>
                </div>
                { for criterion_buttons }
                if let Some(topic) = chosen_topic { <p class="hint criterion-topic">{ topic }</p> }
                if asked.is_empty() {
                    <p>{ "No questions are in scope." }</p>
                }
                { for shown.into_iter().map(|ix| {
                    let q = &bank.questions[ix];
                    // A follow-up left unanswered whose parent is not in place.
                    let implied = card
                        .question(ix)
                        .filter(|s| s.implied)
                        .and_then(|s| s.status)
                        .zip(q.follows_ix.and_then(|p| bank.questions.get(p)))
                        .map(|(status, parent)| AttrValue::from(format!(
                            "Taken as \u{201c}{}\u{201d}: it follows up \u{201c}{}\u{201d}, which is not in \
                             place. Answer it to say otherwise.",
                            status.label(),
                            parent.text
                        )));
                    // Type II: how the days it ran fall in the period.
                    let operation = type2.then(|| operation_note(&props.derived.0, ix)).flatten();
                    html! {
                        <QuestionCard key={q.id.clone()} index={ix} answer={a.answer(&q.id).cloned()} implied={implied}
                            operation={operation}
                            type2={type2} focused={Some(ix) == focused} expanded={*one_at_a_time}
                            on_edit={props.on_edit.clone()} href={route_to(ix).to_hash()} />
                    }
                }) }
                <nav class="q-pager" aria-label="Question">
                    if let Some(href) = prev { <a class="button" href={href} rel="prev">{ "← Previous (k)" }</a> }
                    if let Some(href) = next { <a class="button" href={href} rel="next">{ "Next (j) →" }</a> }
                </nav>
                <p class="hint shortcuts">
                    { "Keys for the highlighted question: " }
                    { for ANSWER_KEYS.iter().map(|(k, s)| html! { <><kbd>{ *k }</kbd>{ format!(" {}  ", s.short_label()) }</> }) }
                    <kbd>{ "0" }</kbd>{ " clear  " }<kbd>{ "j" }</kbd>{ " next  " }<kbd>{ "k" }</kbd>{ " previous" }
                </p>
            </section>
        </div>
    }
}

/// Whether the window is wide enough to show the section list beside the questions.
fn wide_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w >= 768.0)
}

fn target_element(event: &KeyboardEvent) -> Option<web_sys::Element> {
    event
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
}

/// True when the key goes to an editable element (a form field, or any
/// element the page made editable), where digits are text, not answers.
fn typing_in_field(event: &KeyboardEvent) -> bool {
    target_element(event).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&el)
                .is_some_and(|h| h.is_content_editable())
    })
}

/// True when the key was pressed inside the app, or with nothing focused on
/// a page that is not a vendor's (where keys pressed outside the app are the
/// page's, never ours). Where the app runs was worked out at start-up.
fn meant_for_the_app(event: &KeyboardEvent, hosting: Hosting) -> bool {
    let Some(el) = target_element(event) else {
        return false;
    };
    if el.closest(".soc2r-app").ok().flatten().is_some() {
        return true;
    }
    let on_page = el.tag_name() == "BODY" || el.tag_name() == "HTML";
    on_page && hosting != Hosting::HostPage
}

/// The occurrence summary of periodic question `ix`.
fn operation_note(eval: &crate::core::Evaluation, ix: usize) -> Option<AttrValue> {
    let o = &eval.operation.periodic(ix)?.occurrences;
    let today = crate::browser::clock::today();
    let mut text = o.summary(today);
    let missed: Vec<String> = o.missed_by(today).map(|d| d.to_string()).collect();
    if !missed.is_empty() {
        text.push_str(&format!(
            ". Missed windows ending {}: {}",
            crate::core::text::first_names(&missed),
            crate::core::operation::Deviation::Missed {
                missed: o.missed,
                done: o.done,
                expected: o.expected(),
            }
            .means()
        ));
    }
    Some(AttrValue::from(text + "."))
}

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub index: usize,
    pub answer: Option<Answer>,
    pub type2: bool,
    pub focused: bool,
    pub expanded: bool,
    pub href: AttrValue,
    pub on_edit: Callback<Action>,
    /// Set when the answer is implied by the question this one follows up.
    #[prop_or_default]
    pub implied: Option<AttrValue>,
    /// Type II: the occurrences of a periodic control in the period.
    #[prop_or_default]
    pub operation: Option<AttrValue>,
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let Some(q) = bank.questions.get(props.index) else {
        return Html::default();
    };
    let answer = props.answer.clone().unwrap_or_default();
    let current = answer.status;
    let id = q.id.clone();
    let emit = |make: fn(String, String) -> Action| {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |e: Event| {
            let target = e.target_unchecked_into::<web_sys::HtmlElement>();
            let value = match target.dyn_ref::<HtmlTextAreaElement>() {
                Some(t) => t.value(),
                None => target.unchecked_into::<HtmlInputElement>().value(),
            };
            on_edit.emit(make(id.clone(), value))
        })
    };
    let date = |make: fn(String, Option<Day>) -> Action| {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            on_edit.emit(make(id.clone(), Day::parse(&value).ok()))
        })
    };
    let buttons = Status::ALL.into_iter().zip(ANSWER_KEYS).map(|(status, (key, _))| {
        let pressed = current == Some(status);
        let (id, on_edit) = (id.clone(), props.on_edit.clone());
        // Clicking the chosen answer again clears it.
        let onclick = Callback::from(move |_| {
            on_edit.emit(Action::SetStatus(id.clone(), if pressed { None } else { Some(status) }))
        });
        html! {
            <button type="button" class="answer" data-status={status.id()}
                aria-pressed={pressed.to_string()} title={format!("{} (key {key})", status.label())} onclick={onclick}>
                { status.short_label() }
            </button>
        }
    });
    let evidence = q.evidence.iter().enumerate().map(|(ix, item)| {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            on_edit.emit(Action::SetEvidence(id.clone(), ix, on))
        });
        let ticked = answer.evidence.contains(&ix);
        let months = q.evidence_valid_months.get(ix).copied().flatten();
        let date_id = format!("collected-{}-{ix}", q.id);
        let collected = {
            let (on_edit, id) = (props.on_edit.clone(), q.id.clone());
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlInputElement>().value();
                on_edit.emit(Action::SetCollected(id.clone(), ix, Day::parse(&value).ok()))
            })
        };
        html! {
            <li><label class="check">
                <input type="checkbox" checked={ticked} onchange={onchange} />
                // One flex item, so the validity runs on with the text.
                <span>
                    { item }
                    if let Some(m) = months { <span class="hint">{ format!(" (valid {m} months)") }</span> }
                </span>
            </label>
            if ticked && months.is_some() {
                <span class="collected">
                    <label for={date_id.clone()}>{ "Collected on" }</label>
                    <input id={date_id} type="date"
                        value={answer.collected.get(&ix).map(|d| d.to_string()).unwrap_or_default()}
                        onchange={collected} />
                </span>
            }
            </li>
        }
    });
    let frequency = q.frequency;
    let periodic = q.is_periodic();
    let per_event = frequency == Some(crate::core::cadence::Frequency::PerEvent);
    let runs = answer.runs.iter().map(|&d| {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        let remove = Callback::from(move |_| on_edit.emit(Action::SetRun(id.clone(), d, false)));
        html! {
            <li>{ d.to_string() }
                <button type="button" onclick={remove} aria-label={format!("Remove the run on {d}")}>{ "Remove" }</button>
            </li>
        }
    });
    let add_run = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Ok(d) = Day::parse(&input.value()) {
                on_edit.emit(Action::SetRun(id.clone(), d, true));
                input.set_value("");
            }
        })
    };
    let unhandled = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            on_edit.emit(Action::SetUnhandled(id.clone(), value.trim().parse().ok()))
        })
    };
    let population = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            on_edit.emit(Action::SetPopulation(id.clone(), value.trim().parse().ok()))
        })
    };
    let review = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |e: Event| {
            on_edit.emit(Action::SetReview(
                id.clone(),
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };
    // A card's form controls are built only once its details are opened:
    // most cards stay closed, and their two dozen inputs each were most of
    // the first render (the questionnaire became interactive 20 ms sooner).
    // The text (guidance, evidence, steps) is always there for find-in-page.
    let opened = use_state(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            opened.set(
                e.target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            );
        })
    };
    let controls = props.expanded || *opened;
    let field = |name: &str| format!("{name}-{}", q.id);
    let needs_justification =
        current == Some(Status::NotApplicable) && answer.justification.trim().is_empty();
    html! {
        <article class={classes!("soc2r-question", props.focused.then_some("focused"))} id={format!("q-{}", q.id)}
            data-answered={current.is_some().to_string()} aria-labelledby={field("text")}>
            <p class="question-text" id={field("text")}><a href={props.href.clone()}>{ &q.text }</a></p>
            <p class="question-meta">
                { q.criteria.join(", ") }
                if q.key { <span class="badge key" title={q.key_reason.clone().unwrap_or_default()}>{ "key control" }</span> }
                if answer.review { <span class="badge review">{ "to review" }</span> }
                if let (true, Some(f)) = (props.type2, frequency) { <span class="badge frequency">{ f.label() }</span> }
            </p>
            if let Some(note) = &props.operation { <p class="hint operation">{ note.clone() }</p> }
            if let Some(note) = &props.implied { <p class="hint implied">{ note.clone() }</p> }
            if !answer.accepted_from.is_empty() {
                <p class="hint accepted" id={field("accepted")}>
                    { format!("Accepted from {}: change the status once its SOC 2 evidence is collected.",
                        crate::core::crosswalk::short_name_of(&answer.accepted_from)) }
                </p>
            }
            <div class="answers" role="group" aria-label="Answer">{ for buttons }</div>
            if current == Some(Status::NotApplicable) {
                <div class="field">
                    <label for={field("why")}>{ "Why it does not apply (an auditor will ask)" }</label>
                    <input id={field("why")} type="text" value={answer.justification.clone()}
                        aria-invalid={needs_justification.to_string()} onchange={emit(Action::SetJustification)} />
                </div>
            }
            <details open={props.expanded} {ontoggle}>
                <summary>{ "Guidance, evidence and follow-up" }</summary>
                <p class="guidance">{ &q.guidance }</p>
                if let Some(why) = &q.key_reason {
                    <p class="guidance"><strong>{ "Why it is a key control: " }</strong>{ why }</p>
                }
                if props.type2 { <p class="guidance"><strong>{ "Type II proof: " }</strong>{ &q.type2_proof }</p> }
                <fieldset>
                    <legend>{ "Evidence an auditor will ask for" }</legend>
                    if controls {
                        <ul class="evidence">{ for evidence }</ul>
                    } else {
                        <ul class="evidence">{ for q.evidence.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                    }
                </fieldset>
                if controls {
                    <div class="grid">
                        <div class="field">
                            <label for={field("owner")}>{ "Owner" }</label>
                            <input id={field("owner")} type="text" value={answer.owner.clone()} onchange={emit(Action::SetOwner)} />
                        </div>
                        <div class="field">
                            <label for={field("due")}>{ "Due date" }</label>
                            <input id={field("due")} type="date" value={answer.due.map(|d| d.to_string()).unwrap_or_default()}
                                onchange={date(Action::SetDue)} />
                        </div>
                        if props.type2 && !periodic {
                            <div class="field">
                                <label for={field("since")}>{ "Operating since" }</label>
                                <input id={field("since")} type="date"
                                    value={answer.operating_since.map(|d| d.to_string()).unwrap_or_default()}
                                    onchange={date(Action::SetOperatingSince)} />
                            </div>
                        }
                        if props.type2 && per_event {
                            <div class="field">
                                <label for={field("unhandled")}>{ "Events in the period not handled (0 if every one was)" }</label>
                                <input id={field("unhandled")} type="number" min="0" inputmode="numeric"
                                    value={answer.unhandled.map(|n| n.to_string()).unwrap_or_default()}
                                    onchange={unhandled} />
                            </div>
                            <div class="field">
                                <label for={field("population")}>{ "Events in the period in all (the population sampled)" }</label>
                                <input id={field("population")} type="number" min="0" inputmode="numeric"
                                    value={answer.population.map(|n| n.to_string()).unwrap_or_default()}
                                    onchange={population} />
                                if let Some((lo, hi)) = answer.population.and_then(|p| crate::core::cadence::Frequency::PerEvent.sample(p)) {
                                    <span class="hint">{ if lo == hi { format!("An auditor would likely test {lo}.") } else { format!("An auditor would likely test {lo} to {hi}.") } }</span>
                                }
                            </div>
                        }
                    </div>
                    if props.type2 && periodic {
                        <fieldset class="runs">
                            <legend>{ "Days it ran" }</legend>
                            <ul>{ for runs }</ul>
                            <label for={field("run")}>{ "Add a day it ran" }</label>
                            <input id={field("run")} type="date" onchange={add_run} />
                        </fieldset>
                    }
                    <div class="field">
                        <label for={field("note")}>{ "Note" }</label>
                        <textarea id={field("note")} rows="2" value={answer.note.clone()} onchange={emit(Action::SetNote)} />
                    </div>
                    <label class="check">
                        <input type="checkbox" checked={answer.review} onchange={review} />{ "Flag for review" }
                    </label>
                }
                <p class="remediation"><strong>{ format!("To close the gap ({}):", q.remediation.effort.label()) }</strong></p>
                <ol>{ for q.remediation.steps.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
            </details>
        </article>
    }
}
