//! Scope: who and what is audited, which report, which categories.

use crate::core::assessment::{Period, QuestionPath, ReportType, ScopeItem, condition_action};
use crate::core::plan::{category_cost, person_weeks_text};
use crate::core::{Action, Assessment, Category, Day};
use crate::ui::BankHandle;
use crate::ui::route::{Route, Screen};
use crate::ui::state::Ctx;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScopeProps {
    pub assessment: Rc<Assessment>,
    pub on_edit: Callback<Action>,
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

#[component]
pub fn ScopeScreen(props: &ScopeProps) -> Html {
    let a = &props.assessment;
    let scope = &a.scope;
    let edit = |make: fn(String) -> Action| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| on_edit.emit(make(input_value(&e))))
    };
    // Period dates: both ends are kept together; an empty field clears the period.
    let period_input = |is_start: bool| {
        let (on_edit, current) = (props.on_edit.clone(), scope.period);
        Callback::from(move |e: Event| {
            let day = Day::parse(&input_value(&e)).ok();
            let (start, end) = match current {
                Some(p) => (Some(p.start), Some(p.end)),
                None => (None, None),
            };
            let (start, end) = if is_start { (day, end) } else { (start, day) };
            // A period is saved once either end is known; the other end starts
            // as a six-month default the user can change.
            let period = match (start, end) {
                (Some(start), Some(end)) => Some(Period { start, end }),
                (Some(start), None) => Some(Period {
                    start,
                    end: start.add_months(6).add_days(-1),
                }),
                (None, Some(end)) => Some(Period {
                    start: end.add_days(-182),
                    end,
                }),
                (None, None) => None,
            };
            on_edit.emit(Action::SetPeriod(period));
        })
    };
    let bank = use_context::<BankHandle>().map(|BankHandle(b)| b);
    let offered = use_context::<Ctx>()
        .map(|c| c.settings)
        .map(|s| s.categories)
        .unwrap_or_else(|| Category::ALL.to_vec());
    // A category in scope stays visible even if the embedder no longer offers it.
    let shown = Category::ALL
        .into_iter()
        .filter(|c| offered.contains(c) || scope.categories.contains(c));
    let categories = shown.map(|c| {
        let on_edit = props.on_edit.clone();
        let onchange = Callback::from(move |e: Event| on_edit.emit(Action::SetCategory(c, checked(&e))));
        html! {
            <label class="check">
                <input type="checkbox" id={format!("category-{}", c.id())}
                    checked={scope.categories.contains(&c)} disabled={c.is_mandatory()} onchange={onchange} />
                { c.name() }
                if c.is_mandatory() { <span class="hint">{ " (always in scope)" }</span> }
                if let Some(cost) = bank.as_ref().map(|b| category_cost(b, c)) {
                    <span class="hint cost" id={format!("cost-{}", c.id())}>{ format!(
                        " {}{} questions, {} criteria; {} from scratch",
                        if c.is_mandatory() { "" } else { "adds " },
                        cost.questions,
                        cost.criteria,
                        person_weeks_text(cost.effort_from_scratch)
                    ) }</span>
                }
            </label>
        }
    });
    let items = ScopeItem::ALL.into_iter().map(|item| {
        let on_edit = props.on_edit.clone();
        let onchange = Callback::from(move |e: Event| on_edit.emit(Action::SetScopeItem(item, checked(&e))));
        html! {
            <label class="check">
                <input type="checkbox" checked={scope.in_scope.contains(&item)} onchange={onchange} />
                { item.label() }
            </label>
        }
    });
    let radio =
        |name: &'static str, id: &'static str, label: &'static str, on: bool, action: Action| {
            let on_edit = props.on_edit.clone();
            html! {
                <label class="check">
                    <input type="radio" name={name} id={id} checked={on}
                        onchange={Callback::from(move |_| on_edit.emit(action.clone()))} />
                    { label }
                </label>
            }
        };
    // Scope conditions: "no" marks the questions that cannot apply as not
    // applicable, with the bank's reason; "yes" or "not sure" undoes that.
    let conditions = bank.iter().flat_map(|b| b.conditions.iter()).map(|c| {
        let Some(bank) = bank.as_ref() else {
            return Html::default();
        };
        let held = scope.conditions.get(&c.id).copied();
        let count = bank.questions_under(&c.id).count();
        let choice = |label: &'static str, value: Option<bool>| {
            let on_edit = props.on_edit.clone();
            let action = condition_action(bank, &c.id, value);
            let id = format!(
                "condition-{}-{}",
                c.id,
                match value {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "unsure",
                }
            );
            html! {
                <label class="check">
                    <input type="radio" name={format!("condition-{}", c.id)} id={id} checked={held == value}
                        onchange={Callback::from(move |_| on_edit.emit(action.clone()))} />
                    { label }
                </label>
            }
        };
        html! {
            <div class="condition" data-condition={c.id.clone()}>
                <p>{ &c.text }</p>
                <div class="choices">
                    { choice("Yes", Some(true)) }
                    { choice("No", Some(false)) }
                    { choice("Not sure", None) }
                </div>
                <p class="hint">{ format!(
                    "\u{201c}No\u{201d} marks {} not applicable, with the reason recorded; you can change each one.",
                    if count == 1 { "1 question".to_owned() } else { format!("{count} questions") }
                ) }</p>
            </div>
        }
    });
    let type2 = scope.report_type == ReportType::Type2;
    let period_problem = match (type2, scope.period) {
        (true, None) => Some("A Type II report needs an observation period.".to_owned()),
        (true, Some(p)) => p.problem(),
        _ => None,
    };
    let next = Route::Assessment {
        id: a.id.clone(),
        screen: Screen::Questions,
        question: None,
    }
    .to_hash();
    html! {
        <section class="soc2r-scope" aria-labelledby="scope-heading">
            <h2 id="scope-heading">{ "Scope of the audit" }</h2>
            <div class="field">
                <label for="scope-org">{ "Organisation" }</label>
                <input id="scope-org" type="text" value={scope.organisation.clone()} onchange={edit(Action::SetOrganisation)} />
            </div>
            <div class="field">
                <label for="scope-system">{ "System in scope" }</label>
                <input id="scope-system" type="text" value={scope.system.clone()} placeholder="e.g. the Acme SaaS platform"
                    onchange={edit(Action::SetSystem)} />
            </div>
            <fieldset><legend>{ "Report type" }</legend>
                { radio("report-type", "report-type1", "Type I: controls designed and in place on one date",
                    !type2, Action::SetReportType(ReportType::Type1)) }
                { radio("report-type", "report-type2", "Type II: controls operating through an observation period",
                    type2, Action::SetReportType(ReportType::Type2)) }
                <p class="hint" id="report-type-cost">
                    { "Type I: the controls in place on one date; evidence that each exists. \
                       Type II: an observation period of 3 to 12 months, and dated evidence for \
                       every occurrence of every control in it: plan at least 3 months more, \
                       and keep evidence from the first day." }
                </p>
                if type2 {
                    <div class="period">
                        <label for="period-start">{ "Period starts" }</label>
                        <input id="period-start" type="date" value={scope.period.map(|p| p.start.to_string()).unwrap_or_default()}
                            onchange={period_input(true)} />
                        <label for="period-end">{ "Period ends" }</label>
                        <input id="period-end" type="date" value={scope.period.map(|p| p.end.to_string()).unwrap_or_default()}
                            onchange={period_input(false)} />
                    </div>
                    if let Some(problem) = period_problem {
                        <p class="notice error" role="alert" id="period-problem">{ problem }</p>
                    }
                }
            </fieldset>
            <fieldset><legend>{ "Trust Services Categories" }</legend>
                { for categories }
                <p class="hint">{ "Questions of a category you remove keep their answers, so nothing is lost if you add it back." }</p>
            </fieldset>
            <fieldset><legend>{ "In scope" }</legend>{ for items }</fieldset>
            if bank.as_ref().is_some_and(|b| !b.conditions.is_empty()) {
                <fieldset class="conditions"><legend>{ "About your organisation" }</legend>{ for conditions }</fieldset>
            }
            <fieldset><legend>{ "Questions" }</legend>
                { radio("question-path", "path-full", "Full assessment", a.path == QuestionPath::Full, Action::SetPath(QuestionPath::Full)) }
                { radio("question-path", "path-quick", "Quick first look", a.path == QuestionPath::Quick, Action::SetPath(QuestionPath::Quick)) }
            </fieldset>
            <a class="button primary" href={next}>{ "Go to the questionnaire" }</a>
        </section>
    }
}
