//! Gaps and roadmap: every gap by phase, filters, owner and due date edited
//! in place, and the exports (CSV gap list, OSCAL results and POA&M).

use crate::browser::file;
use crate::core::bank::Bank;
use crate::core::exchange::export::{self, Export};
use crate::core::order;
use crate::core::roadmap::{Gap, Phase, Roadmap, how_the_roadmap_is_built};
use crate::core::{Action, Assessment, Category, Day};
use crate::ui::route::{Route, Screen};
use crate::ui::screens::plural;
use crate::ui::state::Ctx;
use crate::ui::state::{Msg, Notice};
use crate::ui::widgets::operation::OperationPanel;
use crate::ui::widgets::select::{select_value, use_select_value};
use crate::ui::{BankHandle, Crosswalks, Derived};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
    pub on_edit: Callback<Action>,
}

/// Which gaps to show, by their weight and key-control flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    #[default]
    Any,
    KeyOnly,
    /// Weight at least this (1 to 5).
    AtLeast(u8),
}

impl Severity {
    const CHOICES: [Severity; 6] = [
        Severity::Any,
        Severity::KeyOnly,
        Severity::AtLeast(5),
        Severity::AtLeast(4),
        Severity::AtLeast(3),
        Severity::AtLeast(2),
    ];

    fn value(self) -> String {
        match self {
            Severity::Any => "any".into(),
            Severity::KeyOnly => "key".into(),
            Severity::AtLeast(n) => n.to_string(),
        }
    }

    fn parse(value: &str) -> Severity {
        match value {
            "key" => Severity::KeyOnly,
            other => other
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .map_or(Severity::Any, Severity::AtLeast),
        }
    }

    fn label(self) -> String {
        match self {
            Severity::Any => "Any severity".into(),
            Severity::KeyOnly => "Key controls only".into(),
            Severity::AtLeast(5) => "Weight 5 (critical)".into(),
            Severity::AtLeast(n) => format!("Weight {n} or more"),
        }
    }

    fn keeps(self, gap: &Gap) -> bool {
        match self {
            Severity::Any => true,
            Severity::KeyOnly => gap.key,
            Severity::AtLeast(n) => gap.weight >= n,
        }
    }
}

/// Whose gaps to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum OwnerFilter {
    #[default]
    Anyone,
    Unassigned,
    Named(String),
}

impl OwnerFilter {
    /// Option values: a named owner is prefixed so no name can clash with
    /// the two fixed choices.
    fn value(&self) -> String {
        match self {
            OwnerFilter::Anyone => "any".into(),
            OwnerFilter::Unassigned => "none".into(),
            OwnerFilter::Named(name) => format!("owner:{name}"),
        }
    }

    fn parse(value: &str) -> OwnerFilter {
        match (value, value.strip_prefix("owner:")) {
            (_, Some(name)) => OwnerFilter::Named(name.to_owned()),
            ("none", None) => OwnerFilter::Unassigned,
            _ => OwnerFilter::Anyone,
        }
    }
}

/// The filters of the gap list; all of them must keep a gap for it to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Category of the gap's question.
    pub category: Option<Category>,
    pub severity: Severity,
    pub owner: OwnerFilter,
    pub overdue_only: bool,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    pub fn keeps(&self, bank: &Bank, roadmap: &Roadmap, gap: &Gap) -> bool {
        let category = self
            .category
            .is_none_or(|c| gap.question(bank).is_some_and(|q| q.category == c));
        let owner = match &self.owner {
            OwnerFilter::Anyone => true,
            OwnerFilter::Unassigned => roadmap.owner(gap).is_empty(),
            OwnerFilter::Named(name) => roadmap.owner(gap) == name,
        };
        category && owner && self.severity.keeps(gap) && (!self.overdue_only || gap.overdue)
    }
}

fn phase_id(phase: Phase) -> &'static str {
    match phase {
        Phase::BeforeAudit => "before-audit",
        Phase::Next => "next",
        Phase::Later => "later",
    }
}

#[component]
pub fn Gaps(props: &Props) -> Html {
    // Loaded right after start; a CSV made before then has no crosswalk columns.
    let crosswalks = use_context::<Ctx>()
        .map(|c| c.crosswalks)
        .unwrap_or_else(Crosswalks::loading);
    // The tables load on first need: this screen needs them.
    {
        let want = use_context::<Ctx>().map(|c| c.want_crosswalks);
        use_effect_with((), move |_| {
            if let Some(want) = want {
                want.emit(());
            }
        });
    }
    let (Some(BankHandle(bank)), Some(ctx)) = (use_context::<BankHandle>(), use_context::<Ctx>())
    else {
        return Html::default();
    };
    let filter = use_state(Filter::default);
    let category_select = use_select_value(
        filter
            .category
            .map(|c| c.id().to_owned())
            .unwrap_or_default(),
    );
    let severity_select = use_select_value(filter.severity.value());
    let owner_select = use_select_value(filter.owner.value());
    let a = props.assessment.clone();
    let eval = props.derived.0.clone();
    let roadmap = &eval.roadmap;

    let set = |change: fn(&mut Filter, &Event)| {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let mut next = (*filter).clone();
            change(&mut next, &e);
            filter.set(next);
        })
    };
    let on_category = set(|f, e| f.category = Category::from_id(&select_value(e)));
    let on_severity = set(|f, e| f.severity = Severity::parse(&select_value(e)));
    let on_owner = set(|f, e| f.owner = OwnerFilter::parse(&select_value(e)));
    let on_overdue =
        set(|f, e| f.overdue_only = e.target_unchecked_into::<HtmlInputElement>().checked());
    let clear = {
        let filter = filter.clone();
        Callback::from(move |_| filter.set(Filter::default()))
    };

    // Exports: each builds its file from the current evaluation when clicked.
    let export = |kind: Export| {
        let (bank, a, eval, ctx) = (bank.clone(), a.clone(), eval.clone(), ctx.clone());
        let crosswalks = crosswalks.clone();
        Callback::from(move |_| {
            // The files quote remediation steps and evidence items.
            if bank.texts_pending {
                ctx.dispatch.emit(Msg::Notify(Notice::info(
                    "The questions' remediation steps and evidence lists are still loading; export again in a moment.",
                )));
                return;
            }
            let made = export::file(
                kind,
                &bank,
                &a,
                &eval,
                &crosswalks.ready(),
                crate::browser::clock::today(),
            );
            let saved = made.and_then(|f| {
                let name = file::safe_filename(&a.name, f.suffix, f.extension);
                file::download(&name, f.mime, &f.text)
            });
            if let Err(e) = saved {
                ctx.dispatch.emit(Msg::Notify(Notice::error(e)));
            }
        })
    };

    // Filter options: categories in scope, owners named on gaps.
    let f = &*filter;
    let categories = Category::ALL
        .into_iter()
        .filter(|c| a.scope.categories.contains(c))
        .map(|c| {
            html! { <option value={c.id()} selected={f.category == Some(c)}>{ c.name() }</option> }
        });
    let severities = Severity::CHOICES.into_iter().map(|s| {
        html! { <option value={s.value()} selected={f.severity == s}>{ s.label() }</option> }
    });
    let mut owners: Vec<String> = roadmap.owners.clone();
    order::sort_by_key(&mut owners, |o| o.to_lowercase());
    // A chosen owner stays selectable after their last gap is reassigned.
    if let OwnerFilter::Named(name) = &f.owner
        && !owners.contains(name)
    {
        owners.push(name.clone());
    }
    let owner_options = owners.into_iter().map(|name| {
        let choice = OwnerFilter::Named(name.clone());
        html! { <option value={choice.value()} selected={f.owner == choice}>{ name }</option> }
    });

    let total = roadmap.gaps.len();
    let shown: Vec<&Gap> = roadmap
        .gaps
        .iter()
        .filter(|g| f.keeps(&bank, roadmap, g))
        .collect();
    let overdue = roadmap.overdue();

    let phases = Phase::ALL.into_iter().map(|phase| {
        let all = roadmap.phase(phase).count();
        let in_phase: Vec<&Gap> = shown.iter().copied().filter(|g| g.phase == phase).collect();
        let heading = format!("phase-{}-heading", phase_id(phase));
        let count = if f.is_active() {
            format!("{} of {all}", in_phase.len())
        } else {
            all.to_string()
        };
        let items = in_phase.iter().map(|gap| {
            let q_id = gap
                .question(&bank)
                .map(|q| q.id.clone())
                .unwrap_or_default();
            let href = Route::Assessment {
                id: a.id.clone(),
                screen: Screen::Questions,
                question: Some(q_id.clone()),
            }
            .to_hash();
            html! {
                <GapItem key={q_id} gap={**gap} owner={AttrValue::from(roadmap.owner(gap).to_owned())}
                    criteria={roadmap.criteria(gap).to_vec()}
                    missing_evidence={gap.evidence_to_collect(&bank, &a)}
                    href={AttrValue::from(href)} on_edit={props.on_edit.clone()} />
            }
        });
        html! {
            <section class="gap-phase" id={format!("phase-{}", phase_id(phase))} aria-labelledby={heading.clone()}>
                <h4 id={heading}>
                    { phase.label() }
                    <span class="count">{ format!(" ({count})") }</span>
                </h4>
                <p class="hint">{ phase.meaning() }</p>
                if in_phase.is_empty() {
                    <p class="empty">{ if all == 0 { "No gaps in this phase." } else { "No gaps here match the filters." } }</p>
                } else {
                    <ol class="gap-list">{ for items }</ol>
                }
            </section>
        }
    });

    html! {
        <section class="soc2r-gaps" aria-labelledby="gaps-heading">
            <div class="gaps-top">
                <h3 id="gaps-heading">{ "Gaps and roadmap" }</h3>
                <div class="actions exports" role="group" aria-label="Export">
                    <button type="button" id="export-gaps-csv" onclick={export(Export::GapCsv)}>{ "Gap list (CSV)" }</button>
                    <button type="button" id="export-results-oscal" onclick={export(Export::Results)}>{ "Results (OSCAL)" }</button>
                    <button type="button" id="export-poam-oscal" onclick={export(Export::Poam)} disabled={total == 0}
                        title={(total == 0).then_some("There are no gaps to plan for.")}>
                        { "Plan of action (OSCAL POA&M)" }
                    </button>
                    <button type="button" id="export-calendar" onclick={export(Export::Calendar)}
                        title="Due dates, periodic controls, evidence expiry and a yearly re-assessment, for your own calendar app">
                        { "Calendar (iCalendar)" }
                    </button>
                </div>
            </div>
            <p class="hint">{ "Exports hold every gap, whatever the filters. Owner and due date are saved as you change them." }</p>
            <OperationPanel assessment={a.clone()} derived={props.derived.clone()} />
            <details class="roadmap-rules" id="roadmap-rules">
                <summary>{ "How the roadmap is built" }</summary>
                <ul>{ for how_the_roadmap_is_built().into_iter().map(|r| html! { <li>{ r }</li> }) }</ul>
            </details>
            if total == 0 {
                <p class="notice info" id="no-gaps">{ "No gaps: every question you are asked is ready with evidence, or justified as not applicable." }</p>
            } else {
                <form class="gap-filters" aria-label="Filter the gaps" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <div class="field">
                        <label for="filter-category">{ "Category" }</label>
                        <select id="filter-category" ref={category_select} onchange={on_category}>
                            <option value="" selected={f.category.is_none()}>{ "All categories" }</option>
                            { for categories }
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-severity">{ "Severity" }</label>
                        <select id="filter-severity" ref={severity_select} onchange={on_severity}>{ for severities }</select>
                    </div>
                    <div class="field">
                        <label for="filter-owner">{ "Owner" }</label>
                        <select id="filter-owner" ref={owner_select} onchange={on_owner}>
                            <option value={OwnerFilter::Anyone.value()} selected={f.owner == OwnerFilter::Anyone}>{ "Anyone" }</option>
                            <option value={OwnerFilter::Unassigned.value()} selected={f.owner == OwnerFilter::Unassigned}>{ "Unassigned" }</option>
                            { for owner_options }
                        </select>
                    </div>
                    <label class="check">
                        <input type="checkbox" id="filter-overdue" checked={f.overdue_only} onchange={on_overdue} />
                        { format!("Overdue only ({overdue})") }
                    </label>
                    if f.is_active() {
                        <button type="button" id="filter-clear" onclick={clear}>{ "Clear filters" }</button>
                    }
                </form>
                <p id="gaps-count" class="gaps-count" role="status" aria-live="polite">
                    { format!("Showing {} of {}", shown.len(), plural(total, "gap", "gaps")) }
                    if overdue > 0 { { format!("; {overdue} overdue") } }
                </p>
                { for phases }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct GapItemProps {
    gap: Gap,
    /// Trimmed owner, "" when nobody is named.
    owner: AttrValue,
    /// Indexes into the bank's criteria.
    criteria: Vec<usize>,
    /// Indexes into the question's evidence list not yet ticked.
    missing_evidence: Vec<usize>,
    /// Link to the question in the questionnaire.
    href: AttrValue,
    on_edit: Callback<Action>,
}

/// One gap. Its props compare cheaply, so an edit re-renders only the gap
/// it changed (and those whose position or facts moved with it).
#[component]
fn GapItem(props: &GapItemProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let gap = &props.gap;
    let Some(q) = gap.question(&bank) else {
        return Html::default();
    };
    let id = q.id.clone();
    let on_owner = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            on_edit.emit(Action::SetOwner(id.clone(), value.trim().to_owned()))
        })
    };
    let on_due = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            on_edit.emit(Action::SetDue(id.clone(), Day::parse(&value).ok()))
        })
    };
    let criteria: Vec<&str> = props
        .criteria
        .iter()
        .filter_map(|&c| bank.criteria.get(c).map(|c| c.id.as_str()))
        .collect();
    let evidence: Vec<&str> = props
        .missing_evidence
        .iter()
        .filter_map(|&i| q.evidence.get(i).map(String::as_str))
        .collect();
    let steps = &q.remediation.steps;
    let field = |name: &str| format!("gap-{name}-{id}");
    let summary = format!(
        "How to close it: {}, {} to collect",
        plural(steps.len(), "step", "steps"),
        plural(evidence.len(), "evidence item", "evidence items"),
    );
    html! {
        <li class={classes!("gap", gap.overdue.then_some("is-overdue"))} id={format!("gap-{id}")}
            data-question={id.clone()} data-phase={phase_id(gap.phase)}>
            <div class="gap-head">
                <a class="gap-question" id={field("text")} href={props.href.clone()}>{ &q.text }</a>
                <span class="gap-badges">
                    <span class="badge priority">{ format!("priority {}", gap.priority) }</span>
                    if gap.key { <span class="badge key">{ "key control" }</span> }
                    if gap.overdue { <span class="badge overdue">{ "overdue" }</span> }
                </span>
            </div>
            <div class="gap-body">
                <div class="gap-info">
                    <p class="gap-what">{ gap.describe() }</p>
                    <p class="gap-meta">
                        { format!("Criteria: {} · weight {} of 5 · effort: {}",
                            if criteria.is_empty() { "none in scope".to_owned() } else { criteria.join(", ") },
                            gap.weight, gap.effort.label()) }
                    </p>
                    <details class="gap-work">
                        <summary>{ summary }</summary>
                        <div class="gap-work-grid">
                            <div>
                                <p class="gap-work-title">{ format!("Remediation ({})", gap.effort.label()) }</p>
                                <ol class="steps">{ for steps.iter().map(|s| html! { <li>{ s }</li> }) }</ol>
                            </div>
                            <div>
                                <p class="gap-work-title">{ "Evidence still to collect" }</p>
                                if evidence.is_empty() {
                                    <p class="hint">{ "Nothing: every evidence item is ticked." }</p>
                                } else {
                                    <ul class="evidence-to-collect">{ for evidence.iter().map(|e| html! { <li>{ *e }</li> }) }</ul>
                                }
                            </div>
                        </div>
                    </details>
                </div>
                <div class="gap-edit">
                    <div class="field">
                        <label for={field("owner")}>{ "Owner" }</label>
                        <input id={field("owner")} type="text" value={props.owner.clone()} onchange={on_owner}
                            placeholder="Unassigned" aria-describedby={field("text")} />
                    </div>
                    <div class="field">
                        <label for={field("due")}>{ "Due date" }</label>
                        <input id={field("due")} type="date" value={gap.due.map(|d| d.to_string()).unwrap_or_default()}
                            onchange={on_due} aria-describedby={field("text")} />
                    </div>
                </div>
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::evaluate::evaluate;
    use crate::core::{Status, reduce};

    const MINI_BANK: &str = include_str!("../../../tests/fixtures/mini-bank.json");

    fn setup() -> (Bank, Roadmap) {
        let bank = Bank::from_json(MINI_BANK).expect("the fixture bank is valid");
        let a = Assessment::new(
            "f".into(),
            "Filters".into(),
            &bank,
            "2026-05-01T08:00:00Z".into(),
        );
        let actions = [
            Action::SetCategory(Category::Availability, true),
            Action::SetStatus("cc1-conduct".into(), Some(Status::Partial)),
            Action::SetOwner("cc1-conduct".into(), "Dana".into()),
            Action::SetDue("cc1-conduct".into(), Day::from_ymd(2026, 1, 1)),
            Action::SetOwner("a1-backups".into(), "Lee".into()),
        ];
        let a = actions.into_iter().fold(a, |a, x| reduce(&a, x));
        let today = Day::from_ymd(2026, 6, 1).expect("a valid date");
        let roadmap = evaluate(&bank, &a, today).roadmap;
        (bank, roadmap)
    }

    fn kept(bank: &Bank, roadmap: &Roadmap, filter: &Filter) -> Vec<String> {
        let mut ids: Vec<String> = roadmap
            .gaps
            .iter()
            .filter(|g| filter.keeps(bank, roadmap, g))
            .map(|g| bank.questions[g.question].id.clone())
            .collect();
        order::sort(&mut ids);
        ids
    }

    #[test]
    fn no_filter_keeps_every_gap() {
        let (bank, roadmap) = setup();
        assert!(!Filter::default().is_active());
        assert_eq!(
            kept(&bank, &roadmap, &Filter::default()).len(),
            roadmap.gaps.len()
        );
    }

    #[test]
    fn each_filter_narrows_the_list() {
        let (bank, roadmap) = setup();
        let by = |f: Filter| kept(&bank, &roadmap, &f);
        assert_eq!(
            by(Filter {
                category: Some(Category::Availability),
                ..Filter::default()
            }),
            ["a1-backups"]
        );
        assert_eq!(
            by(Filter {
                severity: Severity::KeyOnly,
                ..Filter::default()
            }),
            ["a1-backups", "cc6-access-review", "cc6-mfa"]
        );
        assert_eq!(
            by(Filter {
                severity: Severity::AtLeast(5),
                ..Filter::default()
            }),
            ["cc6-mfa"]
        );
        assert_eq!(
            by(Filter {
                owner: OwnerFilter::Named("Dana".into()),
                ..Filter::default()
            }),
            ["cc1-conduct"]
        );
        assert_eq!(
            by(Filter {
                owner: OwnerFilter::Unassigned,
                ..Filter::default()
            }),
            ["cc1-training", "cc6-access-review", "cc6-mfa"]
        );
        assert_eq!(
            by(Filter {
                overdue_only: true,
                ..Filter::default()
            }),
            ["cc1-conduct"]
        );
        // Filters combine.
        assert!(
            by(Filter {
                overdue_only: true,
                severity: Severity::KeyOnly,
                ..Filter::default()
            })
            .is_empty()
        );
    }

    #[test]
    fn option_values_read_back_and_never_clash() {
        for s in Severity::CHOICES {
            assert_eq!(Severity::parse(&s.value()), s);
        }
        assert_eq!(Severity::parse("garbage"), Severity::Any);
        assert_eq!(Severity::parse("9"), Severity::Any);
        for o in [
            OwnerFilter::Anyone,
            OwnerFilter::Unassigned,
            OwnerFilter::Named("none".into()),
            OwnerFilter::Named("any".into()),
            OwnerFilter::Named("owner:x".into()),
        ] {
            assert_eq!(OwnerFilter::parse(&o.value()), o);
        }
    }
}
