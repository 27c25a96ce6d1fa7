//! Vendors and commitments at a glance, for the dashboard and page 1 of
//! the report: each vendor's coverage of the period and verdict, and each
//! commitment ok or at risk, with a link to fix it.

use crate::core::commitment;
use crate::core::outcome::Outcome;
use crate::core::{Assessment, Bank};
use crate::ui::route::{Route, Screen};
use crate::ui::{BankHandle, Derived};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RegisterProps {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
    /// Only what needs action (the printed report's first page).
    #[prop_or(false)]
    pub action_only: bool,
}

/// Whether a vendor needs action or a commitment is at risk: what page 1
/// of the report gives a line to.
pub fn needs_action(bank: &Bank, a: &Assessment, outcome: &Outcome) -> bool {
    outcome.vendors.iter().any(|v| v.verdict.needs_action())
        || a.commitments
            .iter()
            .any(|c| commitment::standing(c, bank, a, outcome).at_risk)
}

#[component]
pub fn RegisterPanel(props: &RegisterProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let a = &props.assessment;
    let outcome = &props.derived.0.outcome;
    if a.vendors.is_empty() && a.commitments.is_empty() {
        return Html::default();
    }
    let link = |screen: Screen| {
        Route::Assessment {
            id: a.id.clone(),
            screen,
            question: None,
        }
        .to_hash()
    };
    let needing = outcome
        .vendors
        .iter()
        .filter(|v| v.verdict.needs_action())
        .count();
    let subservice = |ix: usize| {
        a.vendors
            .get(ix)
            .is_some_and(|v| v.treatment.is_subservice())
    };
    let vendors = outcome
        .vendors
        .iter()
        .filter(|v| !props.action_only || v.verdict.needs_action())
        .map(|s| {
            html! {
                <li class="register-vendor" data-vendor-id={a.vendors.get(s.vendor).map(|v| v.id.clone())}>
                    <strong>{ &s.name }</strong>
                    <span class={classes!("badge", "vendor-verdict", format!("verdict-{}", s.verdict.id()))} data-vendor-verdict={s.verdict.id()}>{ s.verdict.label() }</span>
                    <span class={classes!("coverage", format!("cov-{}", s.coverage.id()), (!subservice(s.vendor)).then_some("outside"))}
                        data-vendor-coverage={s.coverage.id()}>{ s.coverage.describe() }</span>
                    if s.verdict.needs_action() {
                        <span class="hint">{ &s.fix }</span>
                    }
                </li>
            }
        })
        .collect::<Vec<_>>();
    let standings: Vec<_> = a
        .commitments
        .iter()
        .map(|c| (c, commitment::standing(c, &bank, a, outcome)))
        .collect();
    let at_risk = standings.iter().filter(|(_, s)| s.at_risk).count();
    let commitments = standings
        .iter()
        .filter(|(_, s)| !props.action_only || s.at_risk)
        .map(|(c, s)| {
            html! {
                <li class={classes!("register-commitment", s.id())} data-commitment={s.id()}>
                    <strong>{ if c.text.trim().is_empty() { c.kind.label() } else { c.text.trim() } }</strong>
                    { if s.at_risk { format!(": at risk: {}.", s.reasons.join("; ")) } else { ": backed by controls that are ready.".to_owned() } }
                </li>
            }
        })
        .collect::<Vec<_>>();
    if props.action_only {
        // The printed first page: one short line each.
        let vendors: Vec<Html> = outcome
            .vendors
            .iter()
            .filter(|v| v.verdict.needs_action())
            .map(|s| html! {
                <span class="register-vendor" data-vendor-verdict={s.verdict.id()}>
                    <strong>{ &s.name }</strong>{ " (" }
                    <span data-vendor-coverage={s.coverage.id()}>{ s.verdict.label().to_lowercase().replace("cc9.2", "CC9.2") }</span>{ ")" }
                </span>
            })
            .collect();
        let risky: Vec<String> = standings
            .iter()
            .filter(|(_, s)| s.at_risk)
            .map(|(c, _)| {
                if c.text.trim().is_empty() {
                    c.kind.label().to_owned()
                } else {
                    c.text.trim().to_owned()
                }
            })
            .collect();
        if vendors.is_empty() && risky.is_empty() {
            return Html::default();
        }
        let last = vendors.len().saturating_sub(1);
        return html! {
            <p class="soc2r-register compact">
                if !vendors.is_empty() {
                    <strong>{ "Vendors that need action: " }</strong>
                    { for vendors.into_iter().enumerate().map(|(i, v)| html! { <>{ v }{ if i < last { "; " } else { ". " } }</> }) }
                }
                if !risky.is_empty() {
                    <span data-commitment="at-risk"><strong>{ "Commitments at risk: " }</strong>{ format!("{}.", risky.join("; ")) }</span>
                }
            </p>
        };
    }
    html! {
        <section class="soc2r-register" aria-labelledby="register-heading">
            <h3 id="register-heading">{ "Vendors and commitments" }</h3>
            if !a.vendors.is_empty() {
                <p class="hint">
                    { format!("{} of {} need action. ", needing, crate::core::text::plural(a.vendors.len(), "vendor", "vendors")) }
                    <a class="no-print" href={link(Screen::Vendors)}>{ "Open the vendor register" }</a>
                </p>
                if !vendors.is_empty() {
                    <ul class="register-vendors">{ for vendors }</ul>
                }
            }
            if !a.commitments.is_empty() {
                <p class="hint">
                    { format!("{} of {} at risk. ", at_risk, crate::core::text::plural(a.commitments.len(), "commitment", "commitments")) }
                    <a class="no-print" href={link(Screen::Description)}>{ "Open the commitments" }</a>
                </p>
                if !commitments.is_empty() {
                    <ul class="register-commitments">{ for commitments }</ul>
                }
            }
        </section>
    }
}
