//! Compare two assessments: overall and per-category readiness before and
//! after, scope changes, gaps closed and opened, and a per-criterion table.
//! Either side may be a saved assessment or an imported file; an imported
//! file is only compared, never stored.

use crate::core::Assessment;
use crate::core::Category;
use crate::core::assessment::{Period, QuestionPath, ReportType, Status};
use crate::core::bank::Bank;
use crate::core::diff::{self, Comparison, ScopeChange};
use crate::core::score::Scorecard;
use crate::ui::BankHandle;
use crate::ui::route::{Route, Screen};
use crate::ui::screens::plural;
use crate::ui::state::Ctx;
use crate::ui::state::{AppState, Msg, Notice};
use crate::ui::widgets::import::ImportBox;
use crate::ui::widgets::select::{select_value, use_select_value};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: AppState,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// URL segment of the imported file (saved ids are UUIDs, so it cannot clash).
const FILE_SEGMENT: &str = "~file";

/// What one side of the comparison shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    Empty,
    Saved(String),
    /// The imported file held by this screen.
    File,
}

impl Pick {
    pub fn from_url(segment: Option<&str>) -> Pick {
        match segment {
            None | Some("") => Pick::Empty,
            Some(FILE_SEGMENT) => Pick::File,
            Some(id) => Pick::Saved(id.to_owned()),
        }
    }

    /// The select's option value, which is also the URL segment.
    fn value(&self) -> String {
        match self {
            Pick::Empty => String::new(),
            Pick::Saved(id) => id.clone(),
            Pick::File => FILE_SEGMENT.to_owned(),
        }
    }
}

/// The route naming both sides, so reload and back/forward keep them.
pub fn route_for(before: &Pick, after: &Pick) -> Route {
    let segment = |p: &Pick| (*p != Pick::Empty).then(|| p.value());
    Route::Compare {
        before: segment(before),
        after: segment(after),
    }
}

/// The comparison of two assessments and the scores of each.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub comparison: Comparison,
    pub before: Scorecard,
    pub after: Scorecard,
    /// Said above the results, such as different bank versions.
    pub warning: Option<String>,
}

fn bank_name(a: &Assessment) -> String {
    format!("{} {}", a.bank.id, a.bank.version)
}

/// Compares `before` with `after`, or says why they cannot be compared:
/// answers to different question banks do not line up question by question.
pub fn compute(bank: &Bank, before: &Assessment, after: &Assessment) -> Result<Computed, String> {
    if before.bank.id != after.bank.id {
        return Err(format!(
            "These cannot be compared: \u{201c}{}\u{201d} was answered against the question bank {} and \u{201c}{}\u{201d} against {}. Only assessments of the same bank line up question by question.",
            before.name,
            bank_name(before),
            after.name,
            bank_name(after)
        ));
    }
    if let Some(other) = [before, after].into_iter().find(|a| a.bank.id != bank.id) {
        return Err(format!(
            "These cannot be compared: \u{201c}{}\u{201d} was answered against the question bank {}, not {} {} that this app uses.",
            other.name,
            bank_name(other),
            bank.id,
            bank.version
        ));
    }
    let warning = (before.bank.version != after.bank.version).then(|| {
        format!(
            "The two were answered against different versions of the question bank ({} and {}); questions added or removed since count as newly asked or no longer asked.",
            before.bank.version, after.bank.version
        )
    });
    let before_card = Scorecard::compute(bank, before);
    let after_card = Scorecard::compute(bank, after);
    let comparison = diff::compare(bank, before, after).with_scores(
        &criterion_scores(&before_card),
        &criterion_scores(&after_card),
    );
    Ok(Computed {
        comparison,
        before: before_card,
        after: after_card,
        warning,
    })
}

/// (criterion index, readiness) of every criterion that has a score.
fn criterion_scores(card: &Scorecard) -> Vec<(usize, f64)> {
    card.criteria
        .iter()
        .filter(|c| c.score.is_applicable())
        .map(|c| (c.criterion, c.score.readiness))
        .collect()
}

/// A change of readiness in words and a class for its colour; computed from
/// the shown (rounded) percentages so the text adds up.
pub fn change(before: f64, after: f64) -> (String, &'static str) {
    let delta = after.round() as i64 - before.round() as i64;
    match delta {
        0 => ("no change".to_owned(), "same"),
        d if d > 0 => (format!("up {d}"), "up"),
        d => (format!("down {}", -d), "down"),
    }
}

/// "point" or "points" for the change [`change`] describes.
fn points(before: f64, after: f64) -> &'static str {
    if (after.round() as i64 - before.round() as i64).abs() == 1 {
        "point"
    } else {
        "points"
    }
}

fn pct(score: f64) -> String {
    crate::core::text::percent(score)
}

fn status_text(status: Option<Status>) -> &'static str {
    status.map_or("Unanswered", Status::label)
}

fn report_type(t: ReportType) -> &'static str {
    match t {
        ReportType::Type1 => "Type I",
        ReportType::Type2 => "Type II",
    }
}

fn path_name(p: QuestionPath) -> &'static str {
    match p {
        QuestionPath::Full => "full assessment",
        QuestionPath::Quick => "quick first look",
    }
}

fn period_text(p: Option<Period>) -> String {
    p.map_or("none".to_owned(), |p| format!("{} to {}", p.start, p.end))
}

fn join<T>(items: &[T], name: impl Fn(&T) -> &'static str) -> String {
    items.iter().map(name).collect::<Vec<_>>().join(", ")
}

/// The scope changes in plain words, one line each.
pub fn scope_lines(scope: &ScopeChange) -> Vec<String> {
    let mut out = Vec::new();
    if !scope.categories_added.is_empty() {
        out.push(format!(
            "Categories added: {}",
            join(&scope.categories_added, |c| c.name())
        ));
    }
    if !scope.categories_removed.is_empty() {
        out.push(format!(
            "Categories removed: {}",
            join(&scope.categories_removed, |c| c.name())
        ));
    }
    if let Some((b, a)) = scope.report_type {
        out.push(format!(
            "Report type: {} before, {} after",
            report_type(b),
            report_type(a)
        ));
    }
    if let Some((b, a)) = scope.period {
        out.push(format!(
            "Observation period: {} before, {} after",
            period_text(b),
            period_text(a)
        ));
    }
    if let Some((b, a)) = scope.path {
        out.push(format!(
            "Questions: {} before, {} after",
            path_name(b),
            path_name(a)
        ));
    }
    if !scope.items_added.is_empty() {
        out.push(format!(
            "Now in scope: {}",
            join(&scope.items_added, |i| i.label())
        ));
    }
    if !scope.items_removed.is_empty() {
        out.push(format!(
            "No longer in scope: {}",
            join(&scope.items_removed, |i| i.label())
        ));
    }
    out
}

#[component]
pub fn Compare(props: &Props) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let imported = use_state(|| None::<Rc<Assessment>>);
    let before_pick = Pick::from_url(props.before.as_deref());
    let after_pick = Pick::from_url(props.after.as_deref());
    let before_select = use_select_value(before_pick.value());
    let after_select = use_select_value(after_pick.value());
    let resolve = |pick: &Pick| match pick {
        Pick::Empty => None,
        Pick::Saved(id) => props.state.get(id).cloned(),
        Pick::File => (*imported).clone(),
    };
    let (before, after) = (resolve(&before_pick), resolve(&after_pick));

    let computed = use_memo(
        (
            after
                .as_ref()
                .or(before.as_ref())
                .map_or(props.state.banks.builtin(), |a| {
                    props.state.banks.for_ref(&a.bank)
                })
                .clone(),
            before.clone(),
            after.clone(),
        ),
        |(bank, before, after)| match (before, after) {
            (Some(b), Some(a)) => Some(compute(&bank.0, b, a).map(Rc::new)),
            _ => None,
        },
    );

    let pick = |is_before: bool| {
        let (navigate, other) = (
            ctx.navigate.clone(),
            if is_before {
                after_pick.clone()
            } else {
                before_pick.clone()
            },
        );
        Callback::from(move |e: Event| {
            let chosen = Pick::from_url(Some(&select_value(&e)));
            navigate.emit(if is_before {
                route_for(&chosen, &other)
            } else {
                route_for(&other, &chosen)
            });
        })
    };
    let swap = {
        let (navigate, b, a) = (
            ctx.navigate.clone(),
            before_pick.clone(),
            after_pick.clone(),
        );
        Callback::from(move |_| navigate.emit(route_for(&a, &b)))
    };
    let on_import = {
        let (ctx, imported) = (ctx.clone(), imported.clone());
        let (b, a) = (before_pick.clone(), after_pick.clone());
        Callback::from(move |result: Result<Assessment, String>| match result {
            Ok(file) => {
                ctx.dispatch.emit(Msg::Notify(Notice::info(format!(
                    "\u{201c}{}\u{201d} from the file is only compared; it is not stored.",
                    file.name
                ))));
                imported.set(Some(Rc::new(file)));
                // The file fills an empty side, the "after" side first.
                let route = match (&b, &a) {
                    (_, Pick::Empty) => route_for(&b, &Pick::File),
                    (Pick::Empty, _) => route_for(&Pick::File, &a),
                    _ => route_for(&b, &Pick::File),
                };
                ctx.navigate.emit(route);
            }
            Err(message) => ctx.dispatch.emit(Msg::Notify(Notice::error(message))),
        })
    };

    let saved = props.state.by_recency();
    let side = |label: &'static str,
                id: &'static str,
                pick: &Pick,
                found: &Option<Rc<Assessment>>,
                node: NodeRef,
                onchange: Callback<Event>| {
        let options = saved.iter().map(|a| {
            let value = Pick::Saved(a.id.clone());
            let updated = a.updated.get(..10).unwrap_or_default();
            html! {
                <option value={value.value()} selected={*pick == value}>
                    { format!("{} (updated {updated})", a.name) }
                </option>
            }
        });
        let file_option = match (&*imported, pick) {
            (Some(f), _) => Some(format!("File: {}", f.name)),
            (None, Pick::File) => Some("The imported file (not kept: import it again)".to_owned()),
            (None, _) => None,
        };
        // A link may name an assessment that is not stored here.
        let missing = match (pick, found) {
            (Pick::Saved(id), None) => Some(id.clone()),
            _ => None,
        };
        let problem = match (pick, found) {
            (Pick::Saved(_), None) => {
                Some("The assessment named in this link is not stored in this browser.")
            }
            (Pick::File, None) => Some("An imported file is not kept: import it again below."),
            _ => None,
        };
        html! {
            <div class="field compare-side">
                <label for={id}>{ label }</label>
                <select id={id} ref={node} onchange={onchange} aria-describedby={problem.map(|_| format!("{id}-problem"))}>
                    <option value="" selected={*pick == Pick::Empty}>{ "Choose an assessment" }</option>
                    { for options }
                    if let Some(id) = missing {
                        <option value={id} selected=true>{ "Not stored in this browser" }</option>
                    }
                    if let Some(text) = file_option {
                        <option value={FILE_SEGMENT} selected={*pick == Pick::File}>{ text }</option>
                    }
                </select>
                if let Some(problem) = problem {
                    <p class="notice error" id={format!("{id}-problem")}>{ problem }</p>
                }
            </div>
        }
    };

    // Questions link to the side that is stored (after first).
    let link_to = [&after_pick, &before_pick]
        .into_iter()
        .find_map(|p| match p {
            Pick::Saved(id) if props.state.get(id).is_some() => Some(id.clone()),
            _ => None,
        });
    let results = match (&*computed, &before, &after) {
        (Some(Err(refusal)), _, _) => html! {
            <p class="notice error" id="compare-refused" role="alert">{ refusal.clone() }</p>
        },
        (Some(Ok(c)), Some(b), Some(a)) => html! {
            <Results computed={c.clone()} before={b.clone()} after={a.clone()} link_to={link_to} />
        },
        _ => html! {
            <p class="hint" id="compare-choose">
                { if saved.is_empty() && imported.is_none() {
                    "Compare needs assessments: start one on the Assessments screen, or import a file below. To track progress, duplicate an assessment before a final readiness check and compare the two."
                } else {
                    "Choose the assessment before and the one after (for example an initial check and the final readiness check) to see what changed."
                } }
            </p>
        },
    };
    let same = matches!((&before_pick, &after_pick), (Pick::Saved(b), Pick::Saved(a)) if a == b);

    html! {
        <section class="soc2r-compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{ "Compare two assessments" }</h2>
            <div class="compare-pickers">
                { side("Before", "compare-before", &before_pick, &before, before_select, pick(true)) }
                <button type="button" id="compare-swap" onclick={swap} aria-label="Swap before and after"
                    disabled={before_pick == Pick::Empty && after_pick == Pick::Empty}>{ "⇄ Swap" }</button>
                { side("After", "compare-after", &after_pick, &after, after_select, pick(false)) }
            </div>
            <ImportBox id="compare-import" label="Compare with an assessment file" on_result={on_import} />
            <p class="hint">{ "An imported file is only compared: it is not stored in this browser." }</p>
            if same {
                <p class="notice info" id="compare-same">{ "Both sides are the same assessment, so nothing changed. Choose another one for a side." }</p>
            }
            { results }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    computed: Rc<Computed>,
    before: Rc<Assessment>,
    after: Rc<Assessment>,
    /// Saved assessment whose questionnaire the question links open.
    link_to: Option<String>,
}

#[component]
fn Results(props: &ResultsProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let c = &props.computed;
    let cmp = &c.comparison;
    let (b, a) = (&c.before.overall, &c.after.overall);
    let (overall_change, overall_class) = change(b.readiness, a.readiness);
    let closed: Vec<_> = cmp.questions.iter().filter(|q| q.closes_gap()).collect();
    let opened: Vec<_> = cmp.questions.iter().filter(|q| q.opens_gap()).collect();

    let question_item = |q: &diff::QuestionChange| {
        let text = bank
            .question(&q.question)
            .map_or(q.question.clone(), |x| x.text.clone());
        let label = match &props.link_to {
            Some(id) => {
                let href = Route::Assessment {
                    id: id.clone(),
                    screen: Screen::Questions,
                    question: Some(q.question.clone()),
                }
                .to_hash();
                html! { <a href={href}>{ text }</a> }
            }
            None => html! { <span>{ text }</span> },
        };
        html! {
            <li key={q.question.clone()} data-question={q.question.clone()}>
                { label }
                <span class="hint">{ format!(" \u{2014} was {}, now {}", status_text(q.before), status_text(q.after)) }</span>
            </li>
        }
    };

    // Categories of either assessment, in the catalog's order.
    let in_either = |cat: &Category| {
        c.before.categories.iter().any(|(c, _)| c == cat)
            || c.after.categories.iter().any(|(c, _)| c == cat)
    };
    let categories: Vec<Category> = Category::ALL.into_iter().filter(in_either).collect();
    let category_rows = categories.into_iter().map(|cat| {
        let find = |card: &Scorecard| {
            card.categories
                .iter()
                .find(|(x, _)| *x == cat)
                .filter(|(_, s)| s.is_applicable())
                .map(|(_, s)| s.readiness)
        };
        score_row(cat.name(), None, find(&c.before), find(&c.after), None)
    });
    let criterion_rows = cmp.criteria.iter().filter_map(|ch| {
        let criterion = bank.criteria.get(ch.criterion)?;
        Some(score_row(
            &criterion.id,
            Some(&criterion.topic),
            ch.score_before,
            ch.score_after,
            Some((ch.closed.len(), ch.opened.len())),
        ))
    });
    let scope = scope_lines(&cmp.scope);

    html! {
        <div class="compare-results">
            if let Some(w) = &c.warning { <p class="notice info" id="compare-warning">{ w.clone() }</p> }
            <section aria-labelledby="compare-overall-heading">
                <h3 id="compare-overall-heading">{ "Overall readiness" }</h3>
                <p id="compare-overall" class="compare-overall" aria-live="polite">
                    <span class="before">{ pct(b.readiness) }</span>
                    <span class="visually-hidden">{ " before," }</span>
                    <span aria-hidden="true">{ " \u{2192} " }</span>
                    <span class="after">{ pct(a.readiness) }</span>
                    <span class="visually-hidden">{ " after" }</span>
                    <span class={classes!("change", overall_class)}>
                        { if overall_class == "same" { " (no change)".to_owned() } else { format!(" ({overall_change} {})", points(b.readiness, a.readiness)) } }
                    </span>
                </p>
                <p class="hint">
                    { format!("\u{201c}{}\u{201d} (before): {} of {} answered. \u{201c}{}\u{201d} (after): {} of {} answered. ",
                        props.before.name, b.answered, b.asked, props.after.name, a.answered, a.asked) }
                    { format!("{} closed, {} opened.", plural(closed.len(), "gap", "gaps"), plural(opened.len(), "gap", "gaps")) }
                </p>
            </section>
            <section aria-labelledby="compare-categories-heading">
                <h3 id="compare-categories-heading">{ "By category" }</h3>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Table of readiness by category">
                    <table id="compare-categories" class="compare-table">
                        <thead><tr>
                            <th scope="col">{ "Category" }</th>
                            <th scope="col">{ "Before" }</th>
                            <th scope="col">{ "After" }</th>
                            <th scope="col">{ "Change" }</th>
                        </tr></thead>
                        <tbody>{ for category_rows }</tbody>
                    </table>
                </div>
            </section>
            <section aria-labelledby="compare-scope-heading" id="compare-scope">
                <h3 id="compare-scope-heading">{ "Scope changes" }</h3>
                if scope.is_empty() {
                    <p>{ "The scope is the same." }</p>
                } else {
                    <ul class="scope-changes">{ for scope.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                }
            </section>
            <div class="compare-gaps">
                <section aria-labelledby="gaps-closed-heading" id="gaps-closed">
                    <h3 id="gaps-closed-heading">{ format!("Gaps closed ({})", closed.len()) }</h3>
                    if closed.is_empty() {
                        <p>{ "None." }</p>
                    } else {
                        <ul class="gaps-closed">{ for closed.iter().map(|q| question_item(q)) }</ul>
                    }
                </section>
                <section aria-labelledby="gaps-opened-heading" id="gaps-opened">
                    <h3 id="gaps-opened-heading">{ format!("Gaps opened ({})", opened.len()) }</h3>
                    if opened.is_empty() {
                        <p>{ "None." }</p>
                    } else {
                        <ul class="gaps-opened">{ for opened.iter().map(|q| question_item(q)) }</ul>
                    }
                </section>
            </div>
            <section aria-labelledby="compare-criteria-heading">
                <h3 id="compare-criteria-heading">{ "By criterion" }</h3>
                if cmp.criteria.is_empty() {
                    <p>{ "No criterion changed." }</p>
                } else {
                    <p class="hint">{ "Criteria whose answers or score changed. \u{201c}Not scored\u{201d}: out of scope, or every question not applicable." }</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Table of changes by criterion">
                        <table id="compare-criteria" class="compare-table">
                            <thead><tr>
                                <th scope="col">{ "Criterion" }</th>
                                <th scope="col">{ "Topic" }</th>
                                <th scope="col">{ "Before" }</th>
                                <th scope="col">{ "After" }</th>
                                <th scope="col">{ "Change" }</th>
                                <th scope="col">{ "Gaps closed" }</th>
                                <th scope="col">{ "Gaps opened" }</th>
                            </tr></thead>
                            <tbody>{ for criterion_rows }</tbody>
                        </table>
                    </div>
                }
            </section>
        </div>
    }
}

/// A table row: a header cell, an optional topic, both scores, the change
/// and, for criteria, the closed and opened counts.
fn score_row(
    name: &str,
    topic: Option<&str>,
    before: Option<f64>,
    after: Option<f64>,
    counts: Option<(usize, usize)>,
) -> Html {
    let cell = |s: Option<f64>| s.map_or("not scored".to_owned(), pct);
    let (text, class) = match (before, after) {
        (Some(b), Some(a)) => change(b, a),
        (None, Some(_)) => ("newly scored".to_owned(), "same"),
        (Some(_), None) => ("no longer scored".to_owned(), "same"),
        (None, None) => ("\u{2014}".to_owned(), "same"),
    };
    html! {
        <tr key={name.to_owned()}>
            <th scope="row">{ name }</th>
            if let Some(topic) = topic { <td class="topic">{ topic }</td> }
            <td class="num">{ cell(before) }</td>
            <td class="num">{ cell(after) }</td>
            <td class={classes!("num", "change", class)}>{ text }</td>
            if let Some((closed, opened)) = counts {
                <td class="num closed">{ closed }</td>
                <td class="num opened">{ opened }</td>
            }
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Action, Category, reduce};

    const MINI_BANK: &str = include_str!("../../../tests/fixtures/mini-bank.json");

    fn bank() -> Bank {
        Bank::from_json(MINI_BANK).expect("the fixture bank is valid")
    }

    fn assessment(bank: &Bank, id: &str, actions: Vec<Action>) -> Assessment {
        let a = Assessment::new(id.into(), id.into(), bank, "2026-05-01T08:00:00Z".into());
        actions.into_iter().fold(a, |a, x| reduce(&a, x))
    }

    #[test]
    fn picks_survive_the_url_whichever_side_is_chosen() {
        let saved = |id: &str| Pick::Saved(id.into());
        let cases = [
            (Pick::Empty, Pick::Empty),
            (saved("b"), Pick::Empty),
            (Pick::Empty, saved("a")),
            (Pick::File, saved("a")),
            (saved("b"), Pick::File),
            (saved("b"), saved("a")),
        ];
        for (b, a) in cases {
            let hash = route_for(&b, &a).to_hash();
            let Route::Compare { before, after } = Route::parse(&hash) else {
                panic!("{hash} is a compare route");
            };
            assert_eq!(
                (
                    Pick::from_url(before.as_deref()),
                    Pick::from_url(after.as_deref())
                ),
                (b, a),
                "{hash}"
            );
        }
    }

    #[test]
    fn a_closed_gap_and_the_score_change_are_found() {
        let bank = bank();
        let before = assessment(&bank, "before", vec![]);
        let after = assessment(
            &bank,
            "after",
            vec![Action::SetStatus("cc6-mfa".into(), Some(Status::Ready))],
        );
        let c = compute(&bank, &before, &after).expect("same bank");
        assert_eq!(c.comparison.gaps_closed(), ["cc6-mfa"]);
        assert!(c.comparison.gaps_opened().is_empty());
        assert!(c.after.overall.readiness > c.before.overall.readiness);
        let cc61 = bank.criterion_index("CC6.1").expect("CC6.1");
        let row = c
            .comparison
            .criteria
            .iter()
            .find(|ch| ch.criterion == cc61)
            .expect("CC6.1 changed");
        assert_eq!(row.score_before, Some(0.0));
        assert!(row.score_after.is_some_and(|s| s > 0.0));
        assert!(c.warning.is_none());
    }

    #[test]
    fn different_banks_are_refused_and_versions_warned() {
        let bank = bank();
        let before = assessment(&bank, "before", vec![]);
        let mut other = assessment(&bank, "other", vec![]);
        other.bank.id = "someone-elses-bank".into();
        let err = compute(&bank, &before, &other).expect_err("different banks");
        assert!(err.contains("someone-elses-bank"), "{err}");
        assert!(compute(&bank, &other, &other).is_err());

        let mut newer = assessment(&bank, "newer", vec![]);
        newer.bank.version = "2".into();
        let c = compute(&bank, &before, &newer).expect("same bank, other version");
        assert!(c.warning.is_some_and(|w| w.contains("versions")));
    }

    #[test]
    fn scope_changes_read_as_sentences() {
        let bank = bank();
        let before = assessment(&bank, "before", vec![]);
        let after = assessment(
            &bank,
            "after",
            vec![
                Action::SetCategory(Category::Availability, true),
                Action::SetReportType(ReportType::Type2),
                Action::SetPath(QuestionPath::Quick),
            ],
        );
        let lines = scope_lines(&diff::compare(&bank, &before, &after).scope);
        assert_eq!(
            lines,
            [
                "Categories added: Availability",
                "Report type: Type I before, Type II after",
                "Questions: full assessment before, quick first look after",
            ]
        );
        assert!(scope_lines(&ScopeChange::default()).is_empty());
    }

    #[test]
    fn changes_are_words_not_only_colours() {
        assert_eq!(change(40.0, 61.4), ("up 21".to_owned(), "up"));
        assert_eq!(change(61.0, 40.0), ("down 21".to_owned(), "down"));
        assert_eq!(change(50.2, 49.8), ("no change".to_owned(), "same"));
        assert_eq!(points(40.0, 41.0), "point");
        assert_eq!(points(41.0, 40.0), "point");
        assert_eq!(points(40.0, 61.4), "points");
    }
}
