//! Readiness per criterion, each with the answers that made its score.

use crate::core::score::QuestionScore;
use crate::ui::{BankHandle, Derived};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CriteriaProps {
    pub derived: Derived,
}

fn answer_label(score: &QuestionScore) -> String {
    let status = score.status.map_or("Unanswered", |s| s.label());
    match (score.credit, score.not_operating) {
        (None, _) => format!("{status} (left out of the score)"),
        (Some(c), Some(_)) => format!("{status}, capped at {c}% for Type II"),
        (Some(c), None) => format!("{status}: {c}%"),
    }
}

#[component]
pub fn CriteriaTable(props: &CriteriaProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let eval = &props.derived.0;
    let card = &eval.scorecard;
    let rows = card.criteria.iter().filter_map(|c| {
        let criterion = bank.criteria.get(c.criterion)?;
        let finding = eval.outcome.exception(c.criterion).map(|j| j.verdict);
        let exception = finding.is_some();
        let answers = card.explain(c.criterion).filter_map(|(q, score)| {
            let question = bank.questions.get(q)?;
            Some(html! {
                <li>
                    { &question.text }
                    <span class="hint">{ format!(" — {} · weight {}{}", answer_label(score), score.weight,
                        if score.key { " · key control" } else { "" }) }</span>
                </li>
            })
        });
        let readiness = if c.score.is_applicable() {
            crate::core::text::percent(c.score.readiness)
        } else {
            "not applicable".into()
        };
        Some(html! {
            <li class={classes!("criterion", exception.then_some("has-exception"))}>
                <details>
                    <summary>
                        <strong>{ &criterion.id }</strong>{ format!(" {} — {readiness}, {} of {} answered", criterion.topic, c.score.answered, c.score.asked) }
                        if let Some(v) = finding { <span class="badge overdue" data-verdict={v.id()}>{ v.label() }</span> }
                    </summary>
                    <ul class="explain">{ for answers }</ul>
                </details>
            </li>
        })
    });
    html! {
        <section aria-labelledby="criteria-heading">
            <h3 id="criteria-heading">{ "Readiness by criterion" }</h3>
            <p class="hint">{ "Open a criterion to see the answers that make its score." }</p>
            <ul class="soc2r-criteria">{ for rows }</ul>
        </section>
    }
}
