//! Report: one print-ready page with the scope, scores, likely outcome,
//! roadmap and evidence checklist. Print CSS hides the app around it.

use super::dashboard::{radar_axes, series_bars};
use crate::browser::clock;
use crate::core::Assessment;
use crate::core::assessment::{QuestionPath, ReportType};
use crate::core::roadmap::Phase;
use crate::ui::settings::Settings;
use crate::ui::widgets::outcome::OutcomePanel;
use crate::ui::widgets::radar::Radar;
use crate::ui::{BankHandle, Derived};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
}

#[component]
pub fn Report(props: &Props) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let settings = use_context::<Settings>();
    let a = &props.assessment;
    let eval = &props.derived.0;
    let card = &eval.scorecard;
    let scope = &a.scope;
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let report_type = match scope.report_type {
        ReportType::Type1 => "Type I".to_owned(),
        ReportType::Type2 => match scope.period {
            Some(p) => format!("Type II, observation period {} to {}", p.start, p.end),
            None => "Type II (observation period not set)".to_owned(),
        },
    };
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_owned()
        } else {
            s.to_owned()
        }
    };
    let (radar_title, axes) = radar_axes(&bank, card);

    let phases = Phase::ALL.map(|phase| {
        let gaps: Vec<_> = eval.roadmap.phase(phase).collect();
        let rows = gaps.iter().filter_map(|gap| {
            let q = gap.question(&bank)?;
            let criteria: Vec<&str> = eval
                .roadmap
                .criteria(gap)
                .iter()
                .filter_map(|&c| bank.criteria.get(c).map(|c| c.id.as_str()))
                .collect();
            let evidence = gap.evidence_names(&bank, a);
            Some(html! {
                <li class="report-gap">
                    <p class="question-text">{ &q.text }</p>
                    <p class="hint">
                        { format!("{} · priority {} · {} · effort {}", criteria.join(", "), gap.priority, gap.describe(), gap.effort.label()) }
                        if gap.key { <span class="badge key">{ "key control" }</span> }
                    </p>
                    <p>
                        { format!("Owner: {} · Due: {}", or_dash(eval.roadmap.owner(gap)), gap.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into())) }
                        if gap.overdue { <span class="badge overdue">{ "overdue" }</span> }
                    </p>
                    <ol>{ for gap.steps(&bank).iter().map(|s| html! { <li>{ s }</li> }) }</ol>
                    if !evidence.is_empty() {
                        <p class="hint">{ format!("Evidence to collect: {}", evidence.join("; ")) }</p>
                    }
                </li>
            })
        });
        html! {
            <section class="report-phase">
                <h4>{ format!("{} ({})", phase.label(), gaps.len()) }</h4>
                <p class="hint">{ phase.meaning() }</p>
                <ol class="report-gaps">{ for rows }</ol>
            </section>
        }
    });

    let checklist = a.asked(&bank).map(|q| {
        let ticked = a.answer(&q.id).map(|ans| ans.evidence.clone()).unwrap_or_default();
        html! {
            <li>
                <span class="question-text">{ &q.text }</span>
                <ul class="evidence">
                    { for q.evidence.iter().enumerate().map(|(i, e)| {
                        let have = ticked.contains(&i);
                        html! { <li class={if have { "have" } else { "missing" }}>{ if have { "☑ " } else { "☐ " } }{ e }</li> }
                    }) }
                </ul>
            </li>
        }
    });

    html! {
        <article class="soc2r-report" aria-labelledby="report-heading">
            <div class="no-print actions">
                <button type="button" class="primary" id="print-report" onclick={print}>{ "Print / save as PDF" }</button>
            </div>
            <h2 id="report-heading">{ format!("SOC 2 readiness report: {}", a.name) }</h2>
            <p class="hint">{ format!("Generated {} from answers in this browser · question bank {} {}", clock::today(), a.bank.id, a.bank.version) }</p>
            <section aria-labelledby="report-scope">
                <h3 id="report-scope">{ "Scope" }</h3>
                <dl class="report-scope">
                    <dt>{ "Organisation" }</dt><dd>{ or_dash(&scope.organisation) }</dd>
                    <dt>{ "System" }</dt><dd>{ or_dash(&scope.system) }</dd>
                    <dt>{ "Report" }</dt><dd>{ report_type }</dd>
                    <dt>{ "Categories" }</dt><dd>{ scope.categories.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ") }</dd>
                    <dt>{ "In scope" }</dt><dd>{ scope.in_scope.iter().map(|i| i.label()).collect::<Vec<_>>().join(", ") }</dd>
                    <dt>{ "Questions" }</dt><dd>{ match a.path { QuestionPath::Full => "Full assessment", QuestionPath::Quick => "Quick first look" } }</dd>
                </dl>
            </section>
            <section aria-labelledby="report-scores">
                <h3 id="report-scores">{ "Readiness" }</h3>
                <p class="report-headline">
                    { format!("Overall readiness {:.0}% · {} of {} questions answered · {} gaps",
                        card.overall.readiness, card.overall.answered, card.overall.asked, eval.roadmap.gaps.len()) }
                </p>
                <p class="hint">{ "Unanswered questions count as not ready." }</p>
                if axes.len() >= 3 { <Radar title={radar_title} axes={axes} /> }
                { series_bars(&bank, card) }
            </section>
            <OutcomePanel derived={props.derived.clone()} />
            <section aria-labelledby="report-roadmap">
                <h3 id="report-roadmap">{ "Roadmap" }</h3>
                { for phases }
            </section>
            <section aria-labelledby="report-evidence">
                <h3 id="report-evidence">{ "Evidence checklist" }</h3>
                <ol class="report-checklist">{ for checklist }</ol>
            </section>
            if let Some(cta) = settings.and_then(|s| s.call_to_action) {
                <p class="soc2r-cta"><a class="button primary" href={cta.href} rel="noopener noreferrer" target="_blank">{ cta.label }</a></p>
            }
        </article>
    }
}
