//! The questionnaire: questions grouped by series, one card per question.

use super::BankHandle;
use crate::core::assessment::ReportType;
use crate::core::{Action, Answer, Assessment, Status};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    pub assessment: Assessment,
    pub on_edit: Callback<Action>,
}

#[component]
pub fn Questionnaire(props: &QuestionnaireProps) -> Html {
    let bank = use_context::<BankHandle>();
    let Some(BankHandle(bank)) = bank else {
        return Html::default();
    };
    let type2 = props.assessment.scope.report_type == ReportType::Type2;
    let sections = bank.series.iter().filter_map(|series| {
        let questions: Vec<usize> = bank
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                props.assessment.asks(q)
                    && bank.criteria[q.criterion_ix[0]].series == series.id
            })
            .map(|(ix, _)| ix)
            .collect();
        if questions.is_empty() {
            return None;
        }
        Some(html! {
            <section class="soc2r-series" key={series.id.clone()} aria-labelledby={format!("series-{}", series.id)}>
                <h3 id={format!("series-{}", series.id)}>{ format!("{} {}", series.id, series.name) }</h3>
                { for questions.into_iter().map(|ix| {
                    let id = &bank.questions[ix].id;
                    html! {
                        <QuestionCard key={id.clone()} index={ix}
                            answer={props.assessment.answer(id).cloned()}
                            type2={type2} on_edit={props.on_edit.clone()} />
                    }
                }) }
            </section>
        })
    });
    html! {
        <section class="soc2r-questionnaire" aria-label="Questionnaire">
            <h2>{ "Questionnaire" }</h2>
            { for sections }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub index: usize,
    pub answer: Option<Answer>,
    pub type2: bool,
    pub on_edit: Callback<Action>,
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let Some(q) = bank.questions.get(props.index) else {
        return Html::default();
    };
    let current = props.answer.as_ref().and_then(|a| a.status);
    let buttons = Status::ALL.into_iter().map(|status| {
        let pressed = current == Some(status);
        let (id, on_edit) = (q.id.clone(), props.on_edit.clone());
        // Clicking the chosen answer again clears it.
        let onclick = Callback::from(move |_| {
            on_edit.emit(Action::SetStatus(
                id.clone(),
                if pressed { None } else { Some(status) },
            ))
        });
        html! {
            <button type="button" class="answer" data-status={status_id(status)}
                aria-pressed={pressed.to_string()} title={status.label()} onclick={onclick}>
                { status.short_label() }
            </button>
        }
    });
    html! {
        <article class="soc2r-question" id={format!("q-{}", q.id)} data-answered={current.is_some().to_string()}>
            <p class="question-text">{ &q.text }</p>
            <p class="question-meta">
                { q.criteria.join(", ") }
                if q.key { <span class="badge key">{ "key control" }</span> }
            </p>
            <div class="answers" role="group" aria-label={format!("Answer: {}", q.text)}>{ for buttons }</div>
            <details>
                <summary>{ "Guidance and evidence" }</summary>
                <p>{ &q.guidance }</p>
                <ul>{ for q.evidence.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                if props.type2 { <p><strong>{ "Type II: " }</strong>{ &q.type2_proof }</p> }
            </details>
        </article>
    }
}

/// The wire name of a status, used as a stable hook for styles and tests.
pub fn status_id(status: Status) -> &'static str {
    match status {
        Status::Ready => "ready",
        Status::Implemented => "implemented",
        Status::Partial => "partial",
        Status::Planned => "planned",
        Status::Missing => "missing",
        Status::NotApplicable => "not_applicable",
    }
}
