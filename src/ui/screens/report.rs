//! Report: one print-ready page with the scope, scores, likely outcome,
//! roadmap and evidence checklist. Print CSS hides the app around it.

use super::dashboard::{radar_axes, series_bars};
use crate::browser::clock;
use crate::core::Assessment;
use crate::core::assessment::{QuestionPath, ReportType};
use crate::core::outcome::{DISCLAIMER, Verdict, describe_finding};
use crate::core::plan::AuditPlan;
use crate::core::roadmap::{Gap, Phase};
use crate::ui::state::Ctx;
use crate::ui::widgets::bar::Bar;
use crate::ui::widgets::outcome::tier_class;
use crate::ui::widgets::radar::Radar;
use crate::ui::widgets::register::RegisterPanel;
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
    let settings = use_context::<Ctx>().map(|c| c.settings);
    let a = &props.assessment;
    let eval = &props.derived.0;
    let card = &eval.scorecard;
    let scope = &a.scope;
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    // The board one-pager: the same report printed with only its first
    // page (print() blocks until the dialog closes, then the class goes).
    let print_summary = Callback::from(|_| {
        let Some(w) = web_sys::window() else { return };
        let report = w
            .document()
            .and_then(|d| d.query_selector(".soc2r-report").ok().flatten());
        if let Some(r) = &report {
            let _ = r.class_list().add_1("summary-only");
        }
        let _ = w.print();
        if let Some(r) = &report {
            let _ = r.class_list().remove_1("summary-only");
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

    let criteria_of = |gap: &Gap| -> String {
        eval.roadmap
            .criteria(gap)
            .iter()
            .filter_map(|&c| bank.criteria.get(c).map(|c| c.id.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let owner_due = |gap: &Gap| {
        format!(
            "{} · {}",
            or_dash(eval.roadmap.owner(gap)),
            gap.due
                .map(|d| format!("due {d}"))
                .unwrap_or_else(|| "no due date".into())
        )
    };
    // The plan: one line per gap, by phase.
    let phases = Phase::ALL.map(|phase| {
        let gaps: Vec<_> = eval.roadmap.phase(phase).collect();
        let rows = gaps.iter().filter_map(|gap| {
            let q = gap.question(&bank)?;
            Some(html! {
                <li class="report-line">
                    { &q.text }
                    <span class="hint">{ format!(" {} · {} · {} · {}", criteria_of(gap), gap.describe(), owner_due(gap), gap.effort.label()) }</span>
                    if gap.key { <span class="badge key">{ "key" }</span> }
                    if gap.overdue { <span class="badge overdue">{ "overdue" }</span> }
                </li>
            })
        });
        html! {
            <section class="report-phase">
                <h4>{ format!("{} ({})", phase.label(), gaps.len()) }</h4>
                <p class="hint">{ phase.meaning() }</p>
                if !gaps.is_empty() { <ol class="report-lines">{ for rows }</ol> }
            </section>
        }
    });
    // Appendix B: how to close each blocker (the app's gap list has the rest).
    let details = eval
        .roadmap
        .gaps
        .iter()
        .filter(|g| g.phase == Phase::BeforeAudit)
        .filter_map(|gap| {
            let q = gap.question(&bank)?;
            let evidence = gap.evidence_names(&bank, a);
            Some(html! {
                <li class="report-gap">
                    <p class="question-text">{ &q.text }</p>
                    <p class="hint">{ format!("{} · {} · priority {} · {} · effort {}", criteria_of(gap), gap.phase.label(), gap.priority, gap.describe(), gap.effort.label()) }</p>
                    <ol>{ for gap.steps(&bank).iter().map(|s| html! { <li>{ s }</li> }) }</ol>
                    if !evidence.is_empty() {
                        <p class="hint">{ format!("Evidence to collect: {}", evidence.join("; ")) }</p>
                    }
                </li>
            })
        });
    let plan = AuditPlan::compute(a, eval, clock::today());
    let outcome = &eval.outcome;
    let timeline = plan.timeline();
    // Page 1 holds one page: a line on vendors and commitments to act on
    // takes the place of the fifth blocker (every blocker is in Appendix B).
    let register_line = crate::ui::widgets::register::needs_action(&bank, a, outcome);
    let shown = if register_line { 4 } else { 5 };
    let top = plan.top_blockers.iter().take(shown).filter_map(|&ix| {
        let gap = eval.roadmap.gaps.iter().find(|g| g.question == ix)?;
        let q = bank.questions.get(ix)?;
        Some(html! {
            <li>{ &q.text }<span class="hint">{ format!(" {} · {} · {}", criteria_of(gap), owner_due(gap), gap.effort.label()) }</span></li>
        })
    });
    let categories = card.categories.iter().map(|(c, score)| {
        html! { <Bar label={c.name()} value={score.readiness} /> }
    });
    // Page 1 keeps to one page: two reasons and two steps (the report's
    // appendix gives every reason).
    let reasons: Vec<String> = outcome.summary(&bank).into_iter().take(2).collect();
    let printed_for = format!(
        "{} · SOC 2 readiness · {}",
        if scope.organisation.trim().is_empty() {
            a.name.trim()
        } else {
            scope.organisation.trim()
        },
        clock::today()
    );

    // What is still to collect, question by question (N/A ones left out).
    let mut collected = 0;
    let mut total = 0;
    let checklist: Vec<Html> = a
        .asked(&bank)
        .filter(|q| a.status(&q.id) != Some(crate::core::Status::NotApplicable))
        .filter_map(|q| {
            let ticked = a.answer(&q.id).map(|ans| &ans.evidence);
            let missing: Vec<&String> = q
                .evidence
                .iter()
                .enumerate()
                .filter(|(i, _)| !ticked.is_some_and(|t| t.contains(i)))
                .map(|(_, e)| e)
                .collect();
            total += q.evidence.len();
            collected += q.evidence.len() - missing.len();
            (!missing.is_empty()).then(|| html! {
                <li>
                    <span class="question-text">{ q.title() }</span>
                    <span class="evidence">{ for missing.iter().map(|e| html! { <span class="missing">{ " ☐ " }{ *e }</span> }) }</span>
                </li>
            })
        })
        .collect();
    // Appendix A: the criteria in doubt in detail, the rest one line each.
    let doubtful = outcome.findings().into_iter().filter_map(|j| {
        let criterion = bank.criteria.get(j.criterion)?;
        let failing = j.verdict >= Verdict::NotTestable;
        Some(html! {
            <li class="report-line" data-verdict={j.verdict.id()}>
                <strong>{ &criterion.id }</strong>{ format!(" {}: ", criterion.name.as_deref().unwrap_or(&criterion.topic)) }<em>{ j.verdict.label() }</em>
                if failing {
                    <span class="hint">{ format!(". {}", crate::core::outcome::describe_basis(j)) }</span>
                    <ul>{ for j.findings.iter().map(|f| html! { <li>{ describe_finding(&bank, f) }</li> }) }</ul>
                } else {
                    <span class="hint">{ format!(" ({} deviation{} likely)", j.findings.len(), if j.findings.len() == 1 { "" } else { "s" }) }</span>
                }
            </li>
        })
    });

    // Answers taken from another framework's controls, by crosswalk: the
    // reader should know they rest on that work, not on SOC 2 evidence.
    let mut accepted_from: Vec<(String, usize)> = Vec::new();
    for q in a.asked(&bank) {
        let from = a.answer(&q.id).map_or("", |x| x.accepted_from.as_str());
        if from.is_empty() {
            continue;
        }
        match accepted_from.iter_mut().find(|(f, _)| f == from) {
            Some((_, n)) => *n += 1,
            None => accepted_from.push((from.to_owned(), 1)),
        }
    }
    html! {
        <article class="soc2r-report" aria-labelledby="report-heading">
            <div class="no-print actions">
                <button type="button" class="primary" id="print-report" onclick={print}>{ "Print / save as PDF" }</button>
                <button type="button" id="print-summary" onclick={print_summary}>{ "Print the one-page summary" }</button>
            </div>
            // A one-cell frame whose header Chromium repeats on every printed
            // page: the organisation and date run across the whole report.
            <table class="print-frame" role="presentation">
            <thead><tr><td><p class="print-running" aria-hidden="true">{ printed_for }</p></td></tr></thead>
            <tbody><tr><td>
            <section class="report-summary" aria-labelledby="report-heading">
                <h2 id="report-heading">{ format!("SOC 2 readiness report: {}", a.name) }</h2>
                <p class="hint">{ format!("Generated {} from answers in this browser · question bank {} {}", clock::today(), a.bank.id, a.bank.version) }</p>
                <p class="report-scope-line">
                    { format!("{} · {} · {} · {}", or_dash(&scope.organisation), or_dash(&scope.system), report_type,
                        scope.categories.iter().map(|c| c.name()).collect::<Vec<_>>().join(", ")) }
                    if a.path == QuestionPath::Quick { { " · quick first look" } }
                </p>
                <div class={classes!("report-tier", tier_class(outcome.tier))} data-outcome={outcome.tier.id()}>
                    <p class="hint">{ "Likely auditor outcome (an indication, not an audit opinion)" }</p>
                    <p class="opinion">{ outcome.headline(&bank) }</p>
                    <p>{ outcome.tier.meaning() }</p>
                    <ul>{ for reasons.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
                    <p><strong>{ "What would change it: " }</strong>{ outcome.to_improve(&bank).into_iter().take(2).collect::<Vec<_>>().join(" ") }</p>
                </div>
                <div class="report-columns">
                    <div>
                        <h3 id="report-scores">{ "Readiness" }</h3>
                        <p class="report-headline">
                            { format!("{} overall · {} of {} answered · {} gaps",
                                crate::core::text::percent(card.overall.readiness), card.overall.answered, card.overall.asked, eval.roadmap.gaps.len()) }
                        </p>
                        { for categories }
                        { for accepted_from.iter().map(|(from, n)| html! {
                            <p class="hint report-accepted">{ format!(
                                "{} taken from {} controls in place (proposed from the crosswalk, accepted by you); their SOC 2 evidence still needs collecting.",
                                crate::core::text::plural(*n, "answer was", "answers were"),
                                crate::core::crosswalk::short_name_of(from)
                            ) }</p>
                        }) }
                    </div>
                    <div>
                        <h3>{ "Timeline" }</h3>
                        <p id="report-timeline">{ timeline }</p>
                    </div>
                </div>
                <h3>{ "Top blockers" }</h3>
                if plan.top_blockers.is_empty() {
                    <p class="hint">{ "None: no criterion is likely not met." }</p>
                } else {
                    <ol class="report-top">{ for top }</ol>
                }
                <RegisterPanel assessment={props.assessment.clone()} derived={props.derived.clone()} action_only=true />
            </section>
            <section class="report-plan" aria-labelledby="report-roadmap">
                <h3 id="report-roadmap">{ "The plan, by phase" }</h3>
                { for phases }
            </section>
            <section class="report-appendix first" aria-labelledby="report-why">
                <h3 id="report-why">{ "Appendix A: why, criterion by criterion" }</h3>
                <dl class="report-scope">
                    <dt>{ "In scope" }</dt><dd>{ scope.in_scope.iter().map(|i| i.label()).collect::<Vec<_>>().join(", ") }</dd>
                    <dt>{ "Questions" }</dt><dd>{ match a.path { QuestionPath::Full => "Full assessment", QuestionPath::Quick => "Quick first look" } }</dd>
                </dl>
                <ul class="report-why">{ for outcome.summary(&bank).into_iter().map(|r| html! { <li>{ r }</li> }) }</ul>
                <ul class="report-lines">{ for doubtful }</ul>
                <p class="hint">{ DISCLAIMER }</p>
                if axes.len() >= 3 { <Radar title={radar_title} axes={axes} /> }
                { series_bars(&bank, card) }
            </section>
            <section class="report-appendix" aria-labelledby="report-steps">
                <h3 id="report-steps">{ "Appendix B: how to close the blockers" }</h3>
                if plan.blockers == 0 { <p class="hint">{ "No blockers." }</p> }
                <ol class="report-gaps">{ for details }</ol>
            </section>
            <section class="report-appendix" aria-labelledby="report-evidence">
                <h3 id="report-evidence">{ "Appendix C: evidence still to collect" }</h3>
                <p class="hint">{ format!("{collected} of {total} evidence items collected for the questions that apply.") }</p>
                <ol class="report-checklist">{ for checklist }</ol>
            </section>
            </td></tr></tbody>
            </table>
            if let Some(cta) = settings.and_then(|s| s.call_to_action) {
                <p class="soc2r-cta"><a class="button primary" href={cta.href} rel="noopener noreferrer" target="_blank">{ cta.label }</a></p>
            }
        </article>
    }
}
