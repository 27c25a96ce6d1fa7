//! Comparing two assessments, as the user reads it: which gaps closed,
//! which opened, per criterion, and what changed in the scope.

use soc2_readiness::core::assessment::{Period, QuestionPath, ReportType, ScopeItem};
use soc2_readiness::core::diff::{Comparison, CriterionChange, Movement, compare};
use soc2_readiness::core::{Action, Assessment, Bank, Category, Day, Status, reduce};

fn bank() -> Bank {
    Bank::from_json(include_str!("fixtures/mini-bank.json")).unwrap()
}

/// Mini bank criteria, by index.
const CC1_1: usize = 0;
const CC6_1: usize = 1;
const A1_2: usize = 2;

/// A full-path assessment of Security and Availability with these statuses.
fn answered(bank: &Bank, statuses: &[(&str, Option<Status>)]) -> Assessment {
    let mut a = Assessment::new("a".into(), "A".into(), bank, "2026-01-01T00:00:00Z".into());
    a = reduce(&a, Action::SetCategory(Category::Availability, true));
    for (id, status) in statuses {
        a = reduce(&a, Action::SetStatus((*id).into(), *status));
    }
    a
}

fn movement(c: &Comparison, id: &str) -> Option<Movement> {
    c.questions
        .iter()
        .find(|q| q.question == id)
        .map(|q| q.movement)
}

fn criterion(c: &Comparison, ix: usize) -> &CriterionChange {
    c.criteria
        .iter()
        .find(|x| x.criterion == ix)
        .unwrap_or_else(|| panic!("criterion {ix} is not in the comparison"))
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn an_assessment_compared_with_itself_has_no_changes() {
    let bank = bank();
    let a = answered(&bank, &[("cc6-mfa", Some(Status::Partial))]);
    let c = compare(&bank, &a, &a);
    assert!(c.questions.is_empty());
    assert!(c.criteria.is_empty());
    assert!(c.scope.is_empty());
}

#[test]
fn notes_and_owners_alone_are_not_status_changes() {
    let bank = bank();
    let a = answered(&bank, &[("cc6-mfa", Some(Status::Partial))]);
    let b = reduce(&a, Action::SetNote("cc6-mfa".into(), "Chasing IT".into()));
    let b = reduce(&b, Action::SetOwner("cc6-mfa".into(), "Dana".into()));
    assert!(compare(&bank, &a, &b).questions.is_empty());
}

#[test]
fn gaps_closed_and_opened_are_listed_with_before_and_after() {
    let bank = bank();
    let before = answered(
        &bank,
        &[
            ("cc6-mfa", Some(Status::Partial)),
            ("cc1-conduct", Some(Status::Ready)),
            ("cc1-training", Some(Status::Planned)),
            ("cc6-access-review", Some(Status::Missing)),
        ],
    );
    let after = answered(
        &bank,
        &[
            ("cc6-mfa", Some(Status::Ready)),
            ("cc1-conduct", Some(Status::Partial)),
            ("cc1-training", Some(Status::Partial)),
            ("cc6-access-review", None),
            ("a1-backups", Some(Status::Missing)),
        ],
    );
    let c = compare(&bank, &before, &after);
    assert_eq!(c.gaps_closed(), ["cc6-mfa"]);
    assert_eq!(c.gaps_opened(), ["cc1-conduct"]);
    assert_eq!(movement(&c, "cc6-mfa"), Some(Movement::Closed));
    assert_eq!(movement(&c, "cc1-conduct"), Some(Movement::Reopened));
    assert_eq!(movement(&c, "cc1-training"), Some(Movement::Improved));
    assert_eq!(
        movement(&c, "cc6-access-review"),
        Some(Movement::Sideways),
        "missing → unanswered is still the same gap"
    );
    assert_eq!(
        movement(&c, "a1-backups"),
        Some(Movement::Sideways),
        "unanswered → missing"
    );
    let mfa = c
        .questions
        .iter()
        .find(|q| q.question == "cc6-mfa")
        .unwrap();
    assert_eq!(
        (mfa.before, mfa.after),
        (Some(Status::Partial), Some(Status::Ready))
    );
    assert_eq!(mfa.criteria, [CC6_1]);
    let order: Vec<&str> = c.questions.iter().map(|q| q.question.as_str()).collect();
    assert_eq!(
        order,
        [
            "cc1-conduct",
            "cc1-training",
            "cc6-mfa",
            "cc6-access-review",
            "a1-backups"
        ],
        "bank order"
    );
}

#[test]
fn each_criterion_lists_its_own_closed_and_opened_questions() {
    let bank = bank();
    let before = answered(
        &bank,
        &[
            ("cc6-mfa", Some(Status::Partial)),
            ("cc1-conduct", Some(Status::Ready)),
            ("cc6-access-review", Some(Status::Missing)),
        ],
    );
    let after = answered(
        &bank,
        &[
            ("cc6-mfa", Some(Status::Ready)),
            ("cc1-conduct", Some(Status::Partial)),
            ("cc6-access-review", Some(Status::Ready)),
        ],
    );
    let c = compare(&bank, &before, &after);
    let cc1 = criterion(&c, CC1_1);
    assert_eq!(cc1.closed, strings(&["cc6-access-review"]));
    assert_eq!(cc1.opened, strings(&["cc1-conduct"]));
    let cc6 = criterion(&c, CC6_1);
    assert_eq!(
        cc6.closed,
        strings(&["cc6-mfa", "cc6-access-review"]),
        "a question counts for every criterion it supports"
    );
    assert!(cc6.opened.is_empty());
    assert!(c.criteria.iter().all(|x| x.criterion != A1_2));
}

#[test]
fn slipping_further_from_ready_opens_a_gap() {
    let bank = bank();
    let before = answered(&bank, &[("cc6-mfa", Some(Status::Partial))]);
    let after = answered(&bank, &[("cc6-mfa", Some(Status::Missing))]);
    let c = compare(&bank, &before, &after);
    assert_eq!(movement(&c, "cc6-mfa"), Some(Movement::Worsened));
    assert_eq!(c.gaps_opened(), ["cc6-mfa"]);
    assert_eq!(criterion(&c, CC6_1).opened, strings(&["cc6-mfa"]));
}

#[test]
fn not_applicable_closes_a_gap_and_ready_to_not_applicable_is_sideways() {
    let bank = bank();
    let before = answered(
        &bank,
        &[
            ("a1-backups", Some(Status::Missing)),
            ("cc6-mfa", Some(Status::Ready)),
        ],
    );
    let after = answered(
        &bank,
        &[
            ("a1-backups", Some(Status::NotApplicable)),
            ("cc6-mfa", Some(Status::NotApplicable)),
        ],
    );
    let c = compare(&bank, &before, &after);
    assert_eq!(c.gaps_closed(), ["a1-backups"]);
    assert_eq!(movement(&c, "cc6-mfa"), Some(Movement::Sideways));
    assert!(c.gaps_opened().is_empty());
}

#[test]
fn a_category_added_to_scope_brings_its_questions_in_as_new_gaps() {
    let bank = bank();
    let before = Assessment::new("a".into(), "A".into(), &bank, "t".into());
    let after = reduce(&before, Action::SetCategory(Category::Availability, true));
    let c = compare(&bank, &before, &after);
    assert_eq!(c.scope.categories_added, [Category::Availability]);
    assert!(c.scope.categories_removed.is_empty());
    assert_eq!(movement(&c, "a1-backups"), Some(Movement::NewlyAsked));
    assert_eq!(c.gaps_opened(), ["a1-backups"], "asked and not ready");
    assert_eq!(criterion(&c, A1_2).opened, strings(&["a1-backups"]));
}

#[test]
fn a_newly_asked_question_that_is_already_ready_opens_no_gap() {
    let bank = bank();
    // Answers to a category are kept when it leaves the scope.
    let with = answered(&bank, &[("a1-backups", Some(Status::Ready))]);
    let without = reduce(&with, Action::SetCategory(Category::Availability, false));
    let c = compare(&bank, &without, &with);
    assert_eq!(movement(&c, "a1-backups"), Some(Movement::NewlyAsked));
    assert!(c.gaps_opened().is_empty());
    assert_eq!(criterion(&c, A1_2).other, strings(&["a1-backups"]));

    let c = compare(&bank, &with, &without);
    assert_eq!(c.scope.categories_removed, [Category::Availability]);
    assert_eq!(movement(&c, "a1-backups"), Some(Movement::NoLongerAsked));
    assert!(
        c.gaps_closed().is_empty(),
        "leaving the scope is not closing a gap"
    );
}

#[test]
fn switching_to_the_quick_path_drops_the_other_questions() {
    let bank = bank();
    let full = answered(&bank, &[]);
    let quick = reduce(&full, Action::SetPath(QuestionPath::Quick));
    let c = compare(&bank, &full, &quick);
    assert_eq!(
        c.scope.path,
        Some((QuestionPath::Full, QuestionPath::Quick))
    );
    let dropped: Vec<&str> = c
        .questions
        .iter()
        .filter(|q| q.movement == Movement::NoLongerAsked)
        .map(|q| q.question.as_str())
        .collect();
    assert_eq!(dropped, ["cc1-training", "cc6-access-review", "a1-backups"]);
}

#[test]
fn report_type_period_and_system_parts_changes_are_reported() {
    let bank = bank();
    let before = answered(&bank, &[]);
    let period = Period {
        start: Day::parse("2026-01-01").unwrap(),
        end: Day::parse("2026-06-30").unwrap(),
    };
    let after = reduce(&before, Action::SetReportType(ReportType::Type2));
    let after = reduce(&after, Action::SetPeriod(Some(period)));
    let after = reduce(&after, Action::SetScopeItem(ScopeItem::People, false));
    let c = compare(&bank, &before, &after);
    assert_eq!(
        c.scope.report_type,
        Some((ReportType::Type1, ReportType::Type2))
    );
    assert_eq!(c.scope.period, Some((None, Some(period))));
    assert_eq!(c.scope.items_removed, [ScopeItem::People]);
    assert!(c.scope.items_added.is_empty());
    assert!(c.questions.is_empty(), "no question changed");
}

#[test]
fn engine_scores_attach_to_criteria_and_bring_in_criteria_that_only_moved_in_score() {
    let bank = bank();
    let before = answered(&bank, &[("cc6-mfa", Some(Status::Partial))]);
    let after = answered(&bank, &[("cc6-mfa", Some(Status::Ready))]);
    let c = compare(&bank, &before, &after).with_scores(
        &[(CC1_1, 0.5), (CC6_1, 0.4), (A1_2, 0.0)],
        &[(CC1_1, 0.6), (CC6_1, 0.9), (A1_2, 0.0)],
    );
    let indexes: Vec<usize> = c.criteria.iter().map(|x| x.criterion).collect();
    assert_eq!(
        indexes,
        [CC1_1, CC6_1],
        "A1.2 did not move in any way; CC1.1 moved in score only"
    );
    let cc6 = criterion(&c, CC6_1);
    assert_eq!((cc6.score_before, cc6.score_after), (Some(0.4), Some(0.9)));
    assert_eq!(cc6.closed, strings(&["cc6-mfa"]));
    let cc1 = criterion(&c, CC1_1);
    assert!(cc1.closed.is_empty() && cc1.opened.is_empty() && cc1.other.is_empty());
    assert_eq!((cc1.score_before, cc1.score_after), (Some(0.5), Some(0.6)));
}
