//! The likely auditor outcome with its reasons, labelled as an indication.

use crate::core::outcome::{DISCLAIMER, Opinion};
use crate::ui::{BankHandle, Derived};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomeProps {
    pub derived: Derived,
    /// Show at most this many criteria with exceptions (the report shows all).
    #[prop_or(usize::MAX)]
    pub max_criteria: usize,
}

#[component]
pub fn OutcomePanel(props: &OutcomeProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let outcome = &props.derived.0.outcome;
    let class = match outcome.opinion {
        Opinion::Unmodified => "good",
        Opinion::Qualified => "warn",
        Opinion::Adverse => "bad",
        Opinion::NotEnoughAnswers => "unknown",
    };
    let hidden = outcome.exceptions.len().saturating_sub(props.max_criteria);
    // One entry per criterion, its causes beneath it.
    let exceptions = outcome.exceptions.iter().take(props.max_criteria).filter_map(|e| {
        let criterion = bank.criteria.get(e.criterion)?;
        Some(html! {
            <li>
                <strong>{ &criterion.id }</strong>{ format!(" {} ({:.0}%)", criterion.topic, e.readiness.floor()) }
                <ul>{ for e.causes.iter().map(|c| html! { <li>{ c.describe(&bank) }</li> }) }</ul>
            </li>
        })
    });
    html! {
        <section class={classes!("soc2r-outcome", class)} aria-labelledby="outcome-heading">
            <h3 id="outcome-heading">{ "Likely auditor outcome" }</h3>
            <p class="opinion" id="outcome-opinion">{ outcome.opinion.label() }</p>
            <p>{ outcome.opinion.meaning() }</p>
            <ul class="reasons">
                { for outcome.summary().into_iter().map(|r| html! { <li>{ r }</li> }) }
            </ul>
            if !outcome.exceptions.is_empty() {
                <h4>{ "Criteria that would draw an exception" }</h4>
                <ul class="exceptions">{ for exceptions }</ul>
                if hidden > 0 { <p class="hint">{ format!("…and {hidden} more criteria, listed in the report.") }</p> }
            }
            <p class="hint disclaimer">{ DISCLAIMER }</p>
        </section>
    }
}
