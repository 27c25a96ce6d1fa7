//! Audit scope: report type and Trust Services Categories.

use crate::core::assessment::{QuestionPath, ReportType};
use crate::core::{Action, Assessment, Category};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScopeProps {
    pub assessment: Assessment,
    pub on_edit: Callback<Action>,
}

#[component]
pub fn ScopePanel(props: &ScopeProps) -> Html {
    let scope = &props.assessment.scope;
    let categories = Category::ALL.into_iter().map(|c| {
        let on_edit = props.on_edit.clone();
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            on_edit.emit(Action::SetCategory(c, on));
        });
        html! {
            <label class="check">
                <input type="checkbox" id={format!("category-{}", c.id())}
                    checked={scope.categories.contains(&c)} disabled={c.is_mandatory()} onchange={onchange} />
                { c.name() }
                if c.is_mandatory() { <span class="hint">{ " (always in scope)" }</span> }
            </label>
        }
    });
    let report = |t: ReportType, label: &'static str| {
        let on_edit = props.on_edit.clone();
        html! {
            <label class="check">
                <input type="radio" name="report-type" checked={scope.report_type == t}
                    onchange={Callback::from(move |_| on_edit.emit(Action::SetReportType(t)))} />
                { label }
            </label>
        }
    };
    let path = |p: QuestionPath, label: &'static str| {
        let on_edit = props.on_edit.clone();
        html! {
            <label class="check">
                <input type="radio" name="question-path" checked={props.assessment.path == p}
                    onchange={Callback::from(move |_| on_edit.emit(Action::SetPath(p)))} />
                { label }
            </label>
        }
    };
    html! {
        <section class="soc2r-scope" aria-label="Scope">
            <h2>{ "Scope" }</h2>
            <fieldset><legend>{ "Report" }</legend>
                { report(ReportType::Type1, "Type I (design at a point in time)") }
                { report(ReportType::Type2, "Type II (operation over a period)") }
            </fieldset>
            <fieldset><legend>{ "Trust Services Categories" }</legend>{ for categories }</fieldset>
            <fieldset><legend>{ "Questions" }</legend>
                { path(QuestionPath::Full, "Full assessment") }
                { path(QuestionPath::Quick, "Quick first look (about 15 minutes)") }
            </fieldset>
        </section>
    }
}
