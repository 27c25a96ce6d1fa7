//! Type II operation and evidence freshness: each periodic control's
//! occurrences and likely sample, per-event deviations, the suggested
//! period, and evidence that is stale or expiring. Shown on the dashboard
//! and the roadmap; everything comes from `core::operation`.

use crate::browser::clock;
use crate::core::Assessment;
use crate::ui::route::{Route, Screen};
use crate::ui::{BankHandle, Derived};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
}

#[component]
pub fn OperationPanel(props: &Props) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let op = &props.derived.0.operation;
    let a = &props.assessment;
    let today = clock::today();
    let link = |ix: usize| {
        let q = bank.questions.get(ix);
        let href = Route::Assessment {
            id: a.id.clone(),
            screen: Screen::Questions,
            question: q.map(|q| q.id.clone()),
        }
        .to_hash();
        html! { <a href={href}>{ q.map(|q| q.title().to_owned()).unwrap_or_default() }</a> }
    };
    // Periodic controls in place: the ones judged on their runs (a control
    // not in place is a design gap, listed with the gaps).
    let shown: Vec<_> = op.periodic.iter().filter(|p| p.in_place).collect();
    if shown.is_empty() && op.unhandled.is_empty() && op.evidence.is_empty() {
        return Html::default();
    }
    let rows = shown.iter().map(|p| {
        let o = &p.occurrences;
        let sample = match o.sample() {
            Some((lo, hi)) if lo == hi => lo.to_string(),
            Some((lo, hi)) => format!("{lo}–{hi}"),
            None => String::new(),
        };
        html! {
            <tr class={classes!((o.missed > 0).then_some("missed"))}>
                <th scope="row">{ link(p.question) }{ if p.key { " (key)" } else { "" } }</th>
                <td>{ o.frequency.label() }</td>
                <td>{ o.expected() }</td>
                <td>{ o.done }</td>
                <td>{ o.missed }</td>
                <td>{ sample }</td>
                <td>{ o.next_due.map(|d| d.to_string()).unwrap_or_else(|| "–".into()) }</td>
            </tr>
        }
    });
    let freshness = |stale: bool| {
        op.evidence
            .iter()
            .filter(|f| f.stale == stale)
            .map(|f| {
                let item = bank
                    .questions
                    .get(f.question)
                    .and_then(|q| q.evidence.get(f.item))
                    .cloned()
                    .unwrap_or_default();
                let when = if stale {
                    format!("collected {}, stale since {}", f.collected, f.valid_until.add_days(1))
                } else {
                    format!("collected {}, valid until {}", f.collected, f.valid_until)
                };
                html! { <li>{ item }<span class="hint">{ format!(" · {when} · ") }</span>{ link(f.question) }</li> }
            })
            .collect::<Html>()
    };
    let stale_count = op.stale().count();
    let expiring_count = op.expiring().count();
    html! {
        <section class="soc2r-operation" aria-labelledby="operation-heading">
            <h3 id="operation-heading">{ "Operation and evidence freshness" }</h3>
            if let Some(advice) = &op.advice {
                <p class="notice" id="period-advice">{ advice.describe(&bank) }</p>
            }
            if !shown.is_empty() {
                // Folded: one row per periodic control is detail; the line
                // says how many are behind.
                <details class="occurrences">
                    <summary>{ format!(
                        "Periodic controls: {} on schedule, {} with missed occurrences",
                        shown.iter().filter(|p| p.occurrences.missed == 0).count(),
                        shown.iter().filter(|p| p.occurrences.missed > 0).count()
                    ) }</summary>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Periodic controls in the period">
                        <table class="soc2r-table" id="occurrences">
                            <caption>{ format!("Periodic controls in the period, as of {today}") }</caption>
                            <thead><tr>
                                <th scope="col">{ "Control" }</th><th scope="col">{ "How often" }</th>
                                <th scope="col">{ "Expected" }</th><th scope="col">{ "Done" }</th>
                                <th scope="col">{ "Missed" }</th><th scope="col">{ "Likely sample" }</th>
                                <th scope="col">{ "Next due by" }</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                </details>
            }
            if !op.unhandled.is_empty() {
                <p>{ "Events not handled: " }
                    { for op.unhandled.iter().map(|&(ix, n, population)| {
                        let means = crate::core::operation::Deviation::Unhandled { unhandled: n, population }.means();
                        let size = match population { Some(p) => format!(" {n} of {p}"), None => format!(" {n}") };
                        html! { <span class="unhandled">{ link(ix) }{ format!("{size} ({means}); ") }</span> }
                    }) }
                </p>
            }
            if stale_count > 0 {
                <h4>{ format!("Stale evidence ({stale_count})") }</h4>
                <ul class="stale-evidence">{ freshness(true) }</ul>
            }
            if expiring_count > 0 {
                <h4>{ format!("Expiring within {} days ({expiring_count})", crate::core::operation::EXPIRING_DAYS) }</h4>
                <ul class="expiring-evidence">{ freshness(false) }</ul>
            }
        </section>
    }
}
