//! Dashboard: overall readiness, likely outcome, readiness by category and
//! series, and the size of the roadmap.

use crate::core::roadmap::Phase;
use crate::core::score::Scorecard;
use crate::core::{Assessment, Bank, Category};
use crate::ui::route::{Route, Screen};
use crate::ui::settings::Settings;
use crate::ui::widgets::bar::Bar;
use crate::ui::widgets::criteria::CriteriaTable;
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
                <h4>{ format!("{}: {:.0}%", category.name(), score.readiness) }</h4>
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
    let settings = use_context::<Settings>();
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
    html! {
        <div class="soc2r-dashboard">
            <section class="headline" aria-label="Readiness">
                <div class="score" aria-live="polite">
                    <span class="label">{ "Overall readiness" }</span>
                    <span class="value" id="overall-readiness">{ format!("{:.0}%", card.overall.readiness) }</span>
                </div>
                <div class="score">
                    <span class="label">{ "Answered" }</span>
                    <span class="value" id="overall-completion">{ format!("{} of {}", card.overall.answered, card.overall.asked) }</span>
                </div>
                <div class="score">
                    <span class="label">{ "Gaps" }</span>
                    <span class="value" id="gap-count">{ eval.roadmap.gaps.len() }</span>
                </div>
                if card.overall.answered < card.overall.asked {
                    <p class="hint">
                        { "Unanswered questions count as not ready. " }
                        <a href={questions}>{ "Continue the questionnaire" }</a>
                    </p>
                }
            </section>
            <OutcomePanel derived={props.derived.clone()} max_criteria={5} />
            <div class="charts">
                if axes.len() >= 3 {
                    <Radar title={radar_title} axes={axes} />
                }
                <section aria-labelledby="series-heading">
                    <h3 id="series-heading">{ "Readiness by series" }</h3>
                    { series_bars(&bank, card) }
                </section>
            </div>
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
