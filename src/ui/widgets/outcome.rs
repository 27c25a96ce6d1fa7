//! The likely auditor outcome with its reasons, labelled as an indication.

use crate::core::outcome::{DISCLAIMER, Tier, Verdict, describe_basis, describe_finding};
use crate::ui::{BankHandle, Derived};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomeProps {
    pub derived: Derived,
    /// Show at most this many criteria with findings (the report shows all).
    #[prop_or(usize::MAX)]
    pub max_criteria: usize,
    /// Each criterion folded to one line (the printed report unfolds them).
    #[prop_or(true)]
    pub folded: bool,
}

/// Style hook for a tier: colour plus a shape or word, never colour alone.
pub fn tier_class(tier: Tier) -> &'static str {
    match tier {
        Tier::Unmodified => "good",
        Tier::UnmodifiedWithExceptions => "fair",
        Tier::Qualified => "warn",
        Tier::Adverse => "bad",
        Tier::CannotJudge | Tier::NoOpinion => "unknown",
    }
}

#[component]
pub fn OutcomePanel(props: &OutcomeProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let outcome = &props.derived.0.outcome;
    let card = &props.derived.0.scorecard;
    let class = tier_class(outcome.tier);
    let findings = outcome.findings();
    let hidden = findings.len().saturating_sub(props.max_criteria);
    // One entry per criterion, its findings beneath it.
    let items = findings.iter().take(props.max_criteria).filter_map(|j| {
        let criterion = bank.criteria.get(j.criterion)?;
        let readiness = card
            .criterion(j.criterion)
            .map(|c| format!(" ({} ready)", crate::core::text::percent(c.score.readiness.floor())))
            .unwrap_or_default();
        let covered = (j.verdict == Verdict::Exceptions && !j.covered_by.is_empty()).then(|| {
            let names: Vec<&str> = j
                .covered_by
                .iter()
                .filter_map(|&q| bank.questions.get(q).map(|q| q.title()))
                .collect();
            format!("Covered by: {}.", names.join(", "))
        });
        Some(html! {
            <li data-verdict={j.verdict.id()}>
                <details open={!props.folded}>
                    <summary>
                        <strong>{ &criterion.id }</strong>{ format!(" {}{readiness}: ", criterion.name.as_deref().unwrap_or(&criterion.topic)) }
                        <em>{ j.verdict.label() }</em>
                    </summary>
                    <p class="hint basis">{ describe_basis(j) }</p>
                    <ul>{ for j.findings.iter().map(|f| html! { <li>{ describe_finding(&bank, f) }</li> }) }</ul>
                    if let Some(c) = covered { <p class="hint">{ c }</p> }
                </details>
            </li>
        })
    });
    // The description is its own subject: listed apart from the criteria.
    let description: Vec<Html> = outcome
        .description
        .missing
        .iter()
        .map(|&q| (q, "missing: no report can be issued without it"))
        .chain(
            outcome
                .description
                .findings
                .iter()
                .map(|&q| (q, "a required part is missing: a finding on the description")),
        )
        .filter_map(|(q, what)| {
            let question = bank.questions.get(q)?;
            Some(html! { <li data-question={question.id.clone()}><strong>{ question.title() }</strong>{ format!(": {what}.") }</li> })
        })
        .chain(outcome.description.vendors.iter().map(|v| html! {
            <li><strong>{ v }</strong>{ ": what you rely on it for is not named, or not shown to work: a finding on the description." }</li>
        }))
        .chain(outcome.description.parts.iter().filter_map(|id| {
            let part = crate::core::description::PARTS.iter().find(|p| p.id == *id)?;
            Some(html! { <li data-part={*id}><strong>{ part.heading }</strong>{ ": missing from your draft: a finding on the description." }</li> })
        }))
        .collect();
    html! {
        <section class={classes!("soc2r-outcome", class)} aria-labelledby="outcome-heading"
                 data-outcome={outcome.tier.id()}>
            <h3 id="outcome-heading">{ "Likely auditor outcome" }</h3>
            <p class="opinion" id="outcome-opinion">{ outcome.headline(&bank) }</p>
            <p>{ outcome.tier.meaning() }</p>
            <ul class="reasons">
                { for outcome.summary(&bank).into_iter().map(|r| html! { <li>{ r }</li> }) }
            </ul>
            <h4>{ "What would change it" }</h4>
            <ul class="to-improve">
                { for outcome.to_improve(&bank).into_iter().map(|r| html! { <li>{ r }</li> }) }
            </ul>
            if !description.is_empty() {
                <h4>{ "The system description" }</h4>
                <ul class="description-findings">{ for description }</ul>
            }
            if !findings.is_empty() {
                <h4>{ if outcome.tier == Tier::CannotJudge { "Findings so far" } else { "Criteria with findings" } }</h4>
                <ul class="exceptions">{ for items }</ul>
                if hidden > 0 { <p class="hint">{ format!("…and {hidden} more criteria, listed in the report.") }</p> }
            }
            <p class="hint disclaimer">{ DISCLAIMER }</p>
        </section>
    }
}
