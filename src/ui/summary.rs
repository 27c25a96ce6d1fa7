//! The headline scores, announced to screen readers when they change.

use crate::core::score::Scorecard;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub card: Scorecard,
}

#[component]
pub fn Summary(props: &SummaryProps) -> Html {
    let o = &props.card.overall;
    html! {
        <section class="soc2r-summary" aria-label="Readiness summary">
            <div class="score" aria-live="polite">
                <span class="label">{ "Readiness" }</span>
                <span class="value" id="overall-readiness">{ format!("{:.0}%", o.readiness) }</span>
            </div>
            <div class="score">
                <span class="label">{ "Answered" }</span>
                <span class="value" id="overall-completion">{ format!("{} of {}", o.answered, o.asked) }</span>
            </div>
            <ul class="category-scores">
                { for props.card.categories.iter().map(|(c, s)| html! {
                    <li>{ format!("{}: {:.0}%", c.name(), s.readiness) }</li>
                }) }
            </ul>
            <p class="hint">{ "Unanswered questions count as not ready." }</p>
        </section>
    }
}
