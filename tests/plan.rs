//! What it takes to get audit-ready, worked out by hand on the mini bank
//! (tests/fixtures/mini-bank.json):
//!
//! | question          | criteria     | key | effort |
//! |-------------------|--------------|-----|--------|
//! | cc1-conduct       | CC1.1        | no  | days   |
//! | cc1-training      | CC1.1        | no  | weeks  |
//! | cc6-mfa           | CC6.1        | yes | hours  |
//! | cc6-access-review | CC6.1, CC1.1 | yes | days   |

use soc2_readiness::core::assessment::{Action, Assessment, Period, ReportType, Status, reduce};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::catalog::Category;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::evaluate::evaluate;
use soc2_readiness::core::plan::{AuditPlan, category_cost, how_the_plan_is_estimated};

const MINI: &str = include_str!("fixtures/mini-bank.json");

fn bank() -> Bank {
    Bank::from_json(MINI).expect("the mini bank is valid")
}

fn day(text: &str) -> Day {
    Day::parse(text).expect("a valid date")
}

fn today() -> Day {
    day("2026-03-02")
}

fn answered(bank: &Bank, changes: &[Action]) -> Assessment {
    let mut a = Assessment::new("p".into(), "P".into(), bank, "2026-01-01T00:00:00Z".into());
    for q in [
        "cc1-conduct",
        "cc1-training",
        "cc6-mfa",
        "cc6-access-review",
    ] {
        a = reduce(&a, Action::SetStatus(q.into(), Some(Status::Ready)));
        a = reduce(&a, Action::SetEvidence(q.into(), 0, true));
    }
    changes.iter().fold(a, |a, c| reduce(&a, c.clone()))
}

/// Type II over the first half of 2026, every control operating since
/// before it.
fn type2(a: Assessment) -> Assessment {
    let mut a = reduce(&a, Action::SetReportType(ReportType::Type2));
    a = reduce(
        &a,
        Action::SetPeriod(Some(Period {
            start: day("2026-01-01"),
            end: day("2026-06-30"),
        })),
    );
    for q in [
        "cc1-conduct",
        "cc1-training",
        "cc6-mfa",
        "cc6-access-review",
    ] {
        a = reduce(
            &a,
            Action::SetOperatingSince(q.into(), Some(day("2025-12-01"))),
        );
    }
    a
}

fn plan(bank: &Bank, a: &Assessment) -> AuditPlan {
    AuditPlan::compute(a, &evaluate(bank, a, today()), today())
}

fn qix(bank: &Bank, id: &str) -> usize {
    bank.questions
        .iter()
        .position(|q| q.id == id)
        .expect("question")
}

fn status(q: &str, s: Status) -> Action {
    Action::SetStatus(q.into(), Some(s))
}

#[test]
fn nothing_blocking_means_no_effort_and_a_report_as_soon_as_the_period_allows() {
    let bank = bank();
    let a = answered(&bank, &[]);
    let p = plan(&bank, &a);
    assert_eq!(p.blockers, 0);
    assert_eq!(p.effort_text(), "none");
    assert_eq!(p.ready_by, None);
    assert_eq!(p.earliest_report, today());
    // Type II: a 3-month period from today.
    let a = type2(a);
    let p = plan(&bank, &a);
    assert_eq!((p.blockers, p.earliest_report), (0, day("2026-06-02")));
}

#[test]
fn blockers_sum_their_effort_and_the_longest_sets_the_date() {
    let bank = bank();
    // CC6.1 has no key control at the bar: both are blockers.
    let a = answered(
        &bank,
        &[
            status("cc6-mfa", Status::Missing),
            status("cc6-access-review", Status::Planned),
        ],
    );
    let p = plan(&bank, &a);
    assert_eq!(p.blockers, 2);
    // hours 0.05–0.2 plus days 0.2–1.
    assert!((p.effort.0 - 0.25).abs() < 1e-9 && (p.effort.1 - 1.2).abs() < 1e-9);
    assert_eq!(p.effort_text(), "about 0.3–1.2 person-weeks");
    // Priority order: MFA 100, access review 64.
    assert_eq!(
        p.top_blockers,
        [qix(&bank, "cc6-mfa"), qix(&bank, "cc6-access-review")]
    );
    // No due dates: today plus the longest (days: 7 calendar days).
    assert!(!p.ready_by_due_dates);
    assert_eq!(p.ready_by, Some(day("2026-03-09")));
    assert_eq!(p.earliest_report, day("2026-03-09"));
    assert_eq!(
        p.timeline(),
        "2 blockers to close (about 0.3–1.2 person-weeks), by 2026-03-09 from their effort, \
         worked on in parallel: the earliest date for a Type I report."
    );
    // Both are little work on a blocker, but already named as top blockers.
    assert!(p.quick_wins.is_empty());
}

#[test]
fn due_dates_on_every_blocker_set_the_date_but_never_before_today() {
    let bank = bank();
    let mut a = type2(answered(
        &bank,
        &[
            status("cc6-mfa", Status::Missing),
            status("cc6-access-review", Status::Planned),
            Action::SetDue("cc6-mfa".into(), Some(day("2026-04-15"))),
        ],
    ));
    // One blocker without a date: the effort rule still decides.
    assert_eq!(plan(&bank, &a).ready_by, Some(day("2026-03-09")));
    a = reduce(
        &a,
        Action::SetDue("cc6-access-review".into(), Some(day("2026-02-01"))),
    );
    let p = plan(&bank, &a);
    assert!(p.ready_by_due_dates);
    assert_eq!(p.ready_by, Some(day("2026-04-15")));
    // Type II: 3 months of operation after that.
    assert_eq!(p.earliest_report, day("2026-07-15"));
    assert!(p.timeline().ends_with(
        "by 2026-04-15 from their due dates; then a 3-month observation period: earliest \
         Type II report 2026-07-15."
    ));
    // Both due dates past: today.
    a = reduce(
        &a,
        Action::SetDue("cc6-mfa".into(), Some(day("2026-01-10"))),
    );
    assert_eq!(plan(&bank, &a).ready_by, Some(today()));
}

#[test]
fn quick_wins_are_little_work_on_a_key_control_or_blocker() {
    let bank = bank();
    let a = answered(
        &bank,
        &[
            // Not key, days: a gap but not a quick win.
            status("cc1-conduct", Status::Missing),
            // Key, days, covered by MFA: not a blocker, still a quick win.
            status("cc6-access-review", Status::Partial),
        ],
    );
    let p = plan(&bank, &a);
    assert_eq!(p.blockers, 0);
    assert_eq!(p.quick_wins, [qix(&bank, "cc6-access-review")]);
}

#[test]
fn the_printed_rules_name_every_effort_class() {
    let rules = how_the_plan_is_estimated().join(" ");
    for part in [
        "hours 0.05–0.2",
        "days 0.2–1",
        "weeks 1–4",
        "months 4–26",
        "3-month",
    ] {
        assert!(rules.contains(part), "{part}: {rules}");
    }
}

#[test]
fn a_category_costs_its_questions_criteria_and_effort_from_scratch() {
    let bank = bank();
    // Availability: a1-backups (days) for A1.2.
    let a1 = category_cost(&bank, Category::Availability);
    assert_eq!((a1.questions, a1.criteria), (1, 1));
    assert_eq!(a1.effort_from_scratch, (0.2, 1.0));
    // Security: days + weeks + hours + days = 0.2 + 1 + 0.05 + 0.2 to
    // 1 + 4 + 0.2 + 1.
    let cc = category_cost(&bank, Category::Security);
    assert_eq!((cc.questions, cc.criteria), (4, 2));
    assert!((cc.effort_from_scratch.0 - 1.45).abs() < 1e-9);
    assert!((cc.effort_from_scratch.1 - 6.2).abs() < 1e-9);
    assert_eq!(
        soc2_readiness::core::plan::person_weeks_text(cc.effort_from_scratch),
        "about 1.5–6.2 person-weeks"
    );
    assert_eq!(category_cost(&bank, Category::Privacy).questions, 0);
}
