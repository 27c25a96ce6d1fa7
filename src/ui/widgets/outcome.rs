//! The likely auditor outcome with its reasons, labelled as an indication.

use crate::core::outcome::{DISCLAIMER, Opinion};
use crate::ui::{BankHandle, Derived};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomeProps {
    pub derived: Derived,
    /// Show at most this many reasons (the report shows all).
    #[prop_or(usize::MAX)]
    pub max_reasons: usize,
}

#[component]
pub fn OutcomePanel(props: &OutcomeProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let outcome = &props.derived.0.outcome;
    let reasons = outcome.reasons(&bank);
    let hidden = reasons.len().saturating_sub(props.max_reasons);
    let class = match outcome.opinion {
        Opinion::Unmodified => "good",
        Opinion::Qualified => "warn",
        Opinion::Adverse => "bad",
        Opinion::NotEnoughAnswers => "unknown",
    };
    html! {
        <section class={classes!("soc2r-outcome", class)} aria-labelledby="outcome-heading">
            <h3 id="outcome-heading">{ "Likely auditor outcome" }</h3>
            <p class="opinion" id="outcome-opinion">{ outcome.opinion.label() }</p>
            <p>{ outcome.opinion.meaning() }</p>
            <ul class="reasons">
                { for reasons.iter().take(props.max_reasons).map(|r| html! { <li>{ r }</li> }) }
            </ul>
            if hidden > 0 { <p class="hint">{ format!("…and {hidden} more in the report.") }</p> }
            <p class="hint disclaimer">{ DISCLAIMER }</p>
        </section>
    }
}
