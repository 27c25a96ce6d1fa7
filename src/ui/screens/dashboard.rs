//! Dashboard, answer first: a summary band (likely outcome, readiness,
//! completion, what it takes to get audit-ready), the top blockers and
//! quick wins; then charts, the reasons and the detail.

use crate::browser::clock;
use crate::core::plan::AuditPlan;
use crate::core::roadmap::Phase;
use crate::core::score::Scorecard;
use crate::core::{Assessment, Bank, Category};
use crate::ui::route::{Route, Screen};
use crate::ui::state::Ctx;
use crate::ui::widgets::bar::Bar;
use crate::ui::widgets::criteria::CriteriaTable;
use crate::ui::widgets::operation::OperationPanel;
use crate::ui::widgets::outcome::{OutcomePanel, tier_class};
use crate::ui::widgets::precheck::PrecheckPanel;
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

/// Radar axes: the categories in scope when there are three or more,
/// otherwise the common-criteria series (a radar needs three axes).
pub fn radar_axes(bank: &Bank, card: &Scorecard) -> (String, Vec<(String, f64)>) {
    if card.categories.len() >= 3 {
        let axes = card
            .categories
            .iter()
            .map(|(c, s)| (c.name().to_owned(), s.readiness))
            .collect();
        ("Readiness by category".into(), axes)
    } else {
        let axes = card
            .series
            .iter()
            .filter(|s| s.category == Category::Security && s.score.is_applicable())
            .filter_map(|s| Some((bank.series.get(s.series)?.id.clone(), s.score.readiness)))
            .collect();
        ("Readiness by common-criteria series".into(), axes)
    }
}

/// Bars by series, grouped under their category.
pub fn series_bars(bank: &Bank, card: &Scorecard) -> Html {
    let groups = card.categories.iter().map(|(category, score)| {
        let bars = card
            .series
            .iter()
            .filter(|s| s.category == *category && s.score.asked > 0)
            .filter_map(|s| {
                let series = bank.series.get(s.series)?;
                let label = format!("{} {}", series.id, series.name);
                Some(if s.score.is_applicable() {
                    html! { <Bar label={label} value={s.score.readiness} /> }
                } else {
                    html! { <p class="hint">{ format!("{label}: not applicable") }</p> }
                })
            });
        html! {
            <div class="series-group">
                <h4>{ format!("{}: {}", category.name(), crate::core::text::percent(score.readiness)) }</h4>
                { for bars }
            </div>
        }
    });
    html! { <div class="soc2r-series-bars">{ for groups }</div> }
}

#[component]
pub fn Dashboard(props: &Props) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let settings = use_context::<Ctx>().map(|c| c.settings);
    let eval = &props.derived.0;
    let card = &eval.scorecard;
    let a = &props.assessment;
    let (radar_title, axes) = radar_axes(&bank, card);
    let gaps = Route::Assessment {
        id: a.id.clone(),
        screen: Screen::Gaps,
        question: None,
    }
    .to_hash();
    let questions = Route::Assessment {
        id: a.id.clone(),
        screen: Screen::Questions,
        question: None,
    }
    .to_hash();
    let phases = Phase::ALL.map(|p| {
        let n = eval.roadmap.phase(p).count();
        html! { <li><strong>{ n }</strong>{ format!(" {} ", p.label()) }<span class="hint">{ p.meaning() }</span></li> }
    });
    let overdue = eval.roadmap.overdue();
    let today = clock::today();
    let plan = AuditPlan::compute(a, eval, today);
    let outcome = &eval.outcome;
    let tier_class = tier_class(outcome.tier);
    let question_link = |ix: usize| {
        Route::Assessment {
            id: a.id.clone(),
            screen: Screen::Questions,
            question: bank.questions.get(ix).map(|q| q.id.clone()),
        }
        .to_hash()
    };
    // One line per gap: the question, then owner, due date and effort.
    let gap_line = |ix: usize| {
        let gap = eval.roadmap.gaps.iter().find(|g| g.question == ix)?;
        let q = bank.questions.get(ix)?;
        let owner = match eval.roadmap.owner(gap) {
            "" => "no owner".to_owned(),
            o => o.to_owned(),
        };
        let due = gap
            .due
            .map_or("no due date".to_owned(), |d| format!("due {d}"));
        Some(html! {
            <li>
                <a href={question_link(ix)}>{ &q.text }</a>
                <span class="hint">{ format!(" {owner} · {due} · {}", gap.effort.label()) }</span>
                if gap.overdue { <span class="badge overdue">{ "overdue" }</span> }
            </li>
        })
    };
    let ready = plan.timeline();
    let headline = outcome.headline_parts(&bank);
    let summary = html! {
        <section class="summary-band" aria-label="Summary" data-outcome={outcome.tier.id()}>
            <div class={classes!("tier", tier_class)} aria-live="polite">
                <span class="label">{ "Likely auditor outcome" }</span>
                <span class="value" id="summary-tier">{ headline.0 }</span>
                if let Some(on) = &headline.1 {
                    <span class="on" id="summary-on">{ on.trim_start_matches(": ") }</span>
                }
                <span class="hint">{ outcome.tier.meaning() }</span>
            </div>
            <div class="score">
                <span class="label">{ "Overall readiness" }</span>
                <span class="value" id="overall-readiness">{ crate::core::text::percent(card.overall.readiness) }</span>
            </div>
            <div class="score">
                <span class="label">{ "Answered" }</span>
                <span class="value" id="overall-completion">{ format!("{} of {}", card.overall.answered, card.overall.asked) }</span>
                if card.overall.answered < card.overall.asked {
                    <a class="hint" href={questions.clone()}>{ "Continue the questionnaire" }</a>
                }
            </div>
            <div class="score to-ready">
                <span class="label">{ "To get audit-ready" }</span>
                <span class="value"><span id="blocker-count">{ plan.blockers }</span>{ if plan.blockers == 1 { " blocker" } else { " blockers" } }</span>
                <span class="hint" id="blocker-effort">{ ready }</span>
                <span class="hint">{ "Gaps in all: " }<span id="gap-count">{ eval.roadmap.gaps.len() }</span></span>
            </div>
        </section>
    };
    let top = plan
        .top_blockers
        .iter()
        .filter_map(|&ix| gap_line(ix))
        .collect::<Html>();
    let wins = plan
        .quick_wins
        .iter()
        .filter_map(|&ix| gap_line(ix))
        .collect::<Html>();
    html! {
        <div class="soc2r-dashboard">
            { summary }
            if !outcome.unanswered_key.is_empty() {
                <p class="notice" id="answer-key-first">
                    { format!("Answer the {} unanswered key questions for an indication. ", outcome.unanswered_key.len()) }
                    <a href={questions}>{ "Continue the questionnaire" }</a>
                </p>
            }
            <div class="summary-lists">
                <section aria-labelledby="blockers-heading">
                    <h3 id="blockers-heading">{ "Top blockers" }</h3>
                    if plan.top_blockers.is_empty() {
                        <p class="hint">{ "None: no criterion is likely not met." }</p>
                    } else {
                        <ol class="top-blockers">{ top }</ol>
                    }
                </section>
                <section aria-labelledby="wins-heading">
                    <h3 id="wins-heading">{ "Quick wins" }</h3>
                    <p class="hint">{ "Hours or days of work on a key control or blocker." }</p>
                    if plan.quick_wins.is_empty() {
                        <p class="hint">{ "None left." }</p>
                    } else {
                        <ul class="quick-wins">{ wins }</ul>
                    }
                </section>
            </div>
            <div class="charts">
                if axes.len() >= 3 {
                    <Radar title={radar_title} axes={axes} />
                }
                <section aria-labelledby="series-heading">
                    <h3 id="series-heading">{ "Readiness by series" }</h3>
                    { series_bars(&bank, card) }
                </section>
            </div>
            <PrecheckPanel assessment={props.assessment.clone()} derived={props.derived.clone()} />
            <RegisterPanel assessment={props.assessment.clone()} derived={props.derived.clone()} />
            <OutcomePanel derived={props.derived.clone()} max_criteria={8} />
            <OperationPanel assessment={props.assessment.clone()} derived={props.derived.clone()} />
            <CriteriaTable derived={props.derived.clone()} />
            <section aria-labelledby="roadmap-heading">
                <h3 id="roadmap-heading">{ "Roadmap" }</h3>
                <ul class="phase-counts">{ for phases }</ul>
                if overdue > 0 { <p class="notice error">{ format!("{overdue} gap(s) are past their due date.") }</p> }
                <a class="button" href={gaps}>{ "See the gaps and roadmap" }</a>
            </section>
            if let Some(cta) = settings.and_then(|s| s.call_to_action) {
                <p class="soc2r-cta"><a class="button primary" href={cta.href} rel="noopener noreferrer" target="_blank">{ cta.label }</a></p>
            }
        </div>
    }
}
