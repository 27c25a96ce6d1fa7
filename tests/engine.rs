//! Scoring, likely outcome and roadmap, with expectations computed by hand
//! on the mini bank (tests/fixtures/mini-bank.json):
//!
//! | question          | criteria      | weight | key | quick | category     |
//! |-------------------|---------------|--------|-----|-------|--------------|
//! | cc1-conduct       | CC1.1         | 2      | no  | yes   | security     |
//! | cc1-training      | CC1.1         | 3      | no  | no    | security     |
//! | cc6-mfa           | CC6.1         | 5      | yes | yes   | security     |
//! | cc6-access-review | CC6.1, CC1.1  | 4      | yes | no    | security     |
//! | a1-backups        | A1.2          | 4      | yes | no    | availability |

use soc2_readiness::core::assessment::{
    Action, Assessment, Period, QuestionPath, ReportType, Status, reduce,
};
use soc2_readiness::core::bank::{Bank, Effort};
use soc2_readiness::core::catalog::Category;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::outcome::{Cause, Opinion, Outcome, ScopeProblem};
use soc2_readiness::core::roadmap::{Gap, GapKind, Phase, Roadmap};
use soc2_readiness::core::score::{Evaluation, NotOperating, how_scores_work, scorecard};
use soc2_readiness::core::{builtin_bank, evaluate};

const MINI: &str = include_str!("fixtures/mini-bank.json");

const CONDUCT: &str = "cc1-conduct";
const TRAINING: &str = "cc1-training";
const MFA: &str = "cc6-mfa";
const REVIEW: &str = "cc6-access-review";
const BACKUPS: &str = "a1-backups";

fn mini() -> Bank {
    Bank::from_json(MINI).expect("the mini bank is valid")
}

fn day(text: &str) -> Day {
    Day::parse(text).expect("a valid test date")
}

fn today() -> Day {
    day("2026-03-02")
}

fn new_assessment(bank: &Bank) -> Assessment {
    Assessment::new(
        "a1".into(),
        "Test".into(),
        bank,
        "2026-01-01T00:00:00Z".into(),
    )
}

fn apply(a: Assessment, actions: Vec<Action>) -> Assessment {
    actions.into_iter().fold(a, |a, action| reduce(&a, action))
}

fn status(q: &str, s: Status) -> Action {
    Action::SetStatus(q.into(), Some(s))
}

fn qix(bank: &Bank, id: &str) -> usize {
    bank.questions
        .iter()
        .position(|q| q.id == id)
        .expect("question in bank")
}

fn cix(bank: &Bank, id: &str) -> usize {
    bank.criterion_index(id).expect("criterion in bank")
}

fn criterion_readiness(bank: &Bank, e: &Evaluation, id: &str) -> f64 {
    e.scorecard
        .criterion(cix(bank, id))
        .map(|c| c.score.readiness)
        .expect("criterion scored")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn with_availability(a: Assessment) -> Assessment {
    reduce(&a, Action::SetCategory(Category::Availability, true))
}

fn type2(a: Assessment, start: &str, end: &str) -> Assessment {
    apply(
        a,
        vec![
            Action::SetReportType(ReportType::Type2),
            Action::SetPeriod(Some(Period {
                start: day(start),
                end: day(end),
            })),
        ],
    )
}

fn all(status_of: Status) -> Vec<Action> {
    [CONDUCT, TRAINING, MFA, REVIEW, BACKUPS]
        .iter()
        .map(|q| status(q, status_of))
        .collect()
}

/// Security and Availability in scope, every question answered Ready, then
/// `changes`.
fn all_ready_then(bank: &Bank, changes: Vec<Action>) -> Assessment {
    apply(
        with_availability(new_assessment(bank)),
        [all(Status::Ready), changes].concat(),
    )
}

/// The roadmap's gap for question `id`, if there is one.
fn gap_for<'e>(bank: &Bank, e: &'e Evaluation, id: &str) -> Option<&'e Gap> {
    e.roadmap.gaps.iter().find(|g| g.question == qix(bank, id))
}

/// The roadmap in order, as (question, phase, priority).
fn gap_order<'b>(bank: &'b Bank, e: &Evaluation) -> Vec<(&'b str, Phase, u32)> {
    e.roadmap
        .gaps
        .iter()
        .map(|g| (bank.questions[g.question].id.as_str(), g.phase, g.priority))
        .collect()
}

// ---------------------------------------------------------------- scores

#[test]
fn readiness_is_the_weighted_credit_and_completion_counts_answers() {
    let bank = mini();
    let a = apply(
        new_assessment(&bank),
        vec![
            status(CONDUCT, Status::Ready),    // 2 × 100
            status(TRAINING, Status::Partial), // 3 × 50
            status(REVIEW, Status::Missing),   // 4 × 0, in CC1.1 and CC6.1
        ],
    );
    let e = evaluate(&bank, &a, today());
    // CC1.1: (200 + 150 + 0) / 900.
    assert!(close(criterion_readiness(&bank, &e, "CC1.1"), 350.0 / 9.0));
    // CC6.1: MFA unanswered (0) and the review missing (0).
    assert!(close(criterion_readiness(&bank, &e, "CC6.1"), 0.0));
    // Overall: 350 of 1400, three of four asked questions answered.
    let o = e.scorecard.overall;
    assert!(close(o.readiness, 25.0));
    assert_eq!((o.asked, o.answered), (4, 3));
    assert!(close(o.completion, 75.0));
    // Each question's own score is its credit.
    let q = |id| {
        e.scorecard
            .question(qix(&bank, id))
            .and_then(|s| s.readiness())
    };
    assert_eq!(q(CONDUCT), Some(100.0));
    assert_eq!(q(TRAINING), Some(50.0));
    assert_eq!(q(MFA), Some(0.0));
}

#[test]
fn each_status_earns_its_documented_credit() {
    let bank = mini();
    for (s, expected) in [
        (Status::Ready, 100.0),
        (Status::Implemented, 75.0),
        (Status::Partial, 50.0),
        (Status::Planned, 20.0),
        (Status::Missing, 0.0),
    ] {
        let a = apply(new_assessment(&bank), vec![status(MFA, s)]);
        let e = evaluate(&bank, &a, today());
        let got = e
            .scorecard
            .question(qix(&bank, MFA))
            .and_then(|q| q.readiness());
        assert_eq!(got, Some(expected), "{s:?}");
        // The in-app explanation quotes the same number.
        assert!(
            how_scores_work()
                .iter()
                .any(|line| line.contains(&format!("{expected}%"))),
            "{s:?}"
        );
    }
}

#[test]
fn nothing_answered_means_nothing_ready_and_nothing_complete() {
    let bank = mini();
    let a = new_assessment(&bank);
    let e = evaluate(&bank, &a, today());
    let o = e.scorecard.overall;
    assert_eq!(
        (o.readiness, o.completion, o.asked, o.answered),
        (0.0, 0.0, 4, 0)
    );
    // Every asked question is a gap, with all its evidence still to collect.
    assert_eq!(e.roadmap.gaps.len(), 4);
    let mfa = gap_for(&bank, &e, MFA).expect("gap for MFA");
    assert_eq!(mfa.describe(), "Unanswered");
    assert_eq!(mfa.evidence_to_collect(&bank, &a), [0, 1]);
}

#[test]
fn not_applicable_is_left_out_of_the_score() {
    let bank = mini();
    let a = apply(
        new_assessment(&bank),
        vec![
            status(CONDUCT, Status::NotApplicable),
            Action::SetJustification(CONDUCT.into(), "No staff yet".into()),
            status(TRAINING, Status::Ready),
            status(REVIEW, Status::Partial),
        ],
    );
    let e = evaluate(&bank, &a, today());
    // CC1.1 without the conduct question: (300 + 200) / 700.
    assert!(close(criterion_readiness(&bank, &e, "CC1.1"), 500.0 / 7.0));
    let cc1 = e.scorecard.criterion(cix(&bank, "CC1.1")).expect("CC1.1");
    assert_eq!((cc1.score.answered, cc1.score.not_applicable), (3, 1));
    // A justified N/A is no gap at all.
    assert!(gap_for(&bank, &e, CONDUCT).is_none());
    assert!(e.outcome.unjustified_not_applicable.is_empty());
}

#[test]
fn not_applicable_without_justification_is_flagged_but_not_scored() {
    let bank = mini();
    let a = apply(
        new_assessment(&bank),
        vec![
            status(CONDUCT, Status::NotApplicable),
            Action::SetJustification(CONDUCT.into(), "   ".into()),
            status(TRAINING, Status::Ready),
            status(REVIEW, Status::Partial),
        ],
    );
    let e = evaluate(&bank, &a, today());
    assert!(close(criterion_readiness(&bank, &e, "CC1.1"), 500.0 / 7.0));
    assert_eq!(
        e.outcome.unjustified_not_applicable,
        vec![qix(&bank, CONDUCT)]
    );
    let gap = gap_for(&bank, &e, CONDUCT).expect("a justification item");
    assert_eq!(gap.kind, GapKind::Justification);
    assert_eq!(gap.phase, Phase::Next);
    // Weight 2, not key, counted half-way from ready: 2 × 50 / 10.
    assert_eq!(gap.priority, 10);
    assert!(gap.evidence_to_collect(&bank, &a).is_empty());
    assert!(
        e.outcome
            .reasons(&bank)
            .iter()
            .any(|r| r.contains("1 question is marked not applicable without a justification"))
    );
}

#[test]
fn a_question_for_two_criteria_counts_in_each_and_once_in_groups() {
    let bank = mini();
    let a = apply(new_assessment(&bank), vec![status(REVIEW, Status::Ready)]);
    let e = evaluate(&bank, &a, today());
    // 4 × 100 of CC1.1's 900 and of CC6.1's 900.
    assert!(close(criterion_readiness(&bank, &e, "CC1.1"), 400.0 / 9.0));
    assert!(close(criterion_readiness(&bank, &e, "CC6.1"), 400.0 / 9.0));
    // Overall and Security: 400 of 1400, not 800 of 1800.
    assert!(close(e.scorecard.overall.readiness, 200.0 / 7.0));
    let security = e.scorecard.categories[0];
    assert_eq!(security.0, Category::Security);
    assert!(close(security.1.readiness, 200.0 / 7.0));
    assert_eq!(security.1.asked, 4);
    // The CC1 series is the three questions behind CC1.1.
    let cc1 = bank.series.iter().position(|s| s.id == "CC1").expect("CC1");
    let cc1 = e.scorecard.series_score(cc1).expect("CC1 scored");
    assert_eq!(cc1.score.asked, 3);
    assert!(close(cc1.score.readiness, 400.0 / 9.0));
}

#[test]
fn a_question_for_two_criteria_of_one_series_counts_once_in_it() {
    let q = |id: &str, criteria: &str, weight: u8| {
        format!(
            r#"{{"id": "{id}", "text": "Q?", "guidance": "G", "criteria": [{criteria}],
               "weight": {weight}, "key": false, "evidence": ["E"],
               "remediation": {{"steps": ["S"], "effort": "days"}},
               "type2_proof": "P", "quick": true}}"#
        )
    };
    let json = format!(
        r#"{{"format": "soc2-readiness-bank", "format_version": 1, "id": "two", "version": "1",
            "title": "Two criteria, one series",
            "series": [{{"id": "CC6", "category": "security", "name": "Access"}}],
            "criteria": [{{"id": "CC6.1", "series": "CC6", "topic": "One"}},
                         {{"id": "CC6.2", "series": "CC6", "topic": "Two"}}],
            "questions": [{}, {}, {}]}}"#,
        q("both", r#""CC6.1", "CC6.2""#, 4),
        q("first", r#""CC6.1""#, 1),
        q("second", r#""CC6.2""#, 2),
    );
    let bank = Bank::from_json(&json).expect("valid test bank");
    let a = apply(new_assessment(&bank), vec![status("both", Status::Ready)]);
    let e = evaluate(&bank, &a, today());
    // Criteria: 400 of 500 and 400 of 600. Series: 400 of 700, not 800 of 1100.
    assert!(close(criterion_readiness(&bank, &e, "CC6.1"), 80.0));
    assert!(close(criterion_readiness(&bank, &e, "CC6.2"), 200.0 / 3.0));
    let series = e.scorecard.series_score(0).expect("CC6 scored");
    assert_eq!(series.score.asked, 3);
    assert!(close(series.score.readiness, 400.0 / 7.0));
}

#[test]
fn each_category_scores_its_own_questions() {
    let bank = mini();
    let a = apply(
        with_availability(new_assessment(&bank)),
        vec![
            status(REVIEW, Status::Ready),
            status(BACKUPS, Status::Ready),
        ],
    );
    let e = evaluate(&bank, &a, today());
    let cats: Vec<(Category, f64)> = e
        .scorecard
        .categories
        .iter()
        .map(|(c, s)| (*c, s.readiness))
        .collect();
    assert_eq!(cats.len(), 2);
    assert_eq!(cats[1], (Category::Availability, 100.0));
    assert!(close(cats[0].1, 200.0 / 7.0));
    // Overall: (400 + 400) / 1800.
    assert!(close(e.scorecard.overall.readiness, 400.0 / 9.0));
}

#[test]
fn quick_path_scores_only_quick_questions() {
    let bank = mini();
    let a = apply(
        new_assessment(&bank),
        vec![
            Action::SetPath(QuestionPath::Quick),
            status(CONDUCT, Status::Ready),
            status(TRAINING, Status::Missing),
        ],
    );
    let e = evaluate(&bank, &a, today());
    assert_eq!(e.scorecard.overall.asked, 2); // conduct and MFA
    // The training answer is kept but not asked, so CC1.1 is conduct alone.
    assert_eq!(criterion_readiness(&bank, &e, "CC1.1"), 100.0);
    assert!(gap_for(&bank, &e, TRAINING).is_none());
}

#[test]
fn a_category_out_of_scope_is_never_mentioned() {
    let bank = mini();
    let base = apply(new_assessment(&bank), all(Status::Ready));
    let a = reduce(&base, status(BACKUPS, Status::Missing));
    let e = evaluate(&bank, &a, today());
    let a1 = cix(&bank, "A1.2");
    assert!(e.scorecard.criterion(a1).is_none());
    assert!(
        e.scorecard
            .categories
            .iter()
            .all(|(c, _)| *c == Category::Security)
    );
    assert!(
        e.scorecard
            .series
            .iter()
            .all(|s| s.category == Category::Security)
    );
    assert!(gap_for(&bank, &e, BACKUPS).is_none());
    assert_eq!(e.outcome.opinion, Opinion::Unmodified);
    assert!(!e.outcome.reasons(&bank).iter().any(|r| r.contains("A1.2")));

    // Once in scope, the missing key control is an exception.
    let e = evaluate(&bank, &with_availability(a), today());
    assert_eq!(e.outcome.opinion, Opinion::Qualified);
    assert_eq!(e.outcome.exceptions.len(), 1);
    assert_eq!(e.outcome.exceptions[0].criterion, a1);
    assert!(
        e.outcome
            .reasons(&bank)
            .iter()
            .any(|r| r.starts_with("A1.2 (Backups and recovery): key control"))
    );
}

#[test]
fn answers_for_unknown_questions_are_ignored() {
    let bank = mini();
    let a = apply(new_assessment(&bank), vec![status(MFA, Status::Partial)]);
    let with_stray = apply(
        a.clone(),
        vec![
            status("no-such-question", Status::Ready),
            Action::SetOwner("another-unknown".into(), "Ann".into()),
            // Ids that sort between the bank's own, e.g. a retired question.
            status(&format!("{MFA}-retired"), Status::Ready),
            status("cc1", Status::Ready),
            status("cc6", Status::Ready),
        ],
    );
    assert_eq!(
        evaluate(&bank, &a, today()),
        evaluate(&bank, &with_stray, today())
    );
}

#[test]
fn each_part_computed_alone_matches_the_evaluation() {
    let bank = mini();
    let a = apply(
        new_assessment(&bank),
        vec![
            status(MFA, Status::Partial),
            status(REVIEW, Status::Missing),
        ],
    );
    let e = evaluate(&bank, &a, today());
    let card = scorecard(&bank, &a);
    assert_eq!(card, e.scorecard);
    let outcome = Outcome::compute(&bank, &a, &card);
    assert_eq!(outcome, e.outcome);
    assert_eq!(
        Roadmap::compute(&bank, &a, &card, &outcome, today()),
        e.roadmap
    );
}

#[test]
fn explanation_lists_the_answers_behind_a_criterion() {
    let bank = mini();
    let a = apply(
        new_assessment(&bank),
        vec![
            status(CONDUCT, Status::Ready),
            status(TRAINING, Status::NotApplicable),
            status(REVIEW, Status::Planned),
        ],
    );
    let e = evaluate(&bank, &a, today());
    let rows: Vec<(String, Option<Status>, u8, Option<u32>)> = e
        .scorecard
        .explain(cix(&bank, "CC1.1"))
        .map(|(q, s)| (bank.questions[q].id.clone(), s.status, s.weight, s.credit))
        .collect();
    assert_eq!(
        rows,
        vec![
            (CONDUCT.to_owned(), Some(Status::Ready), 2, Some(100)),
            (TRAINING.to_owned(), Some(Status::NotApplicable), 3, None),
            (REVIEW.to_owned(), Some(Status::Planned), 4, Some(20)),
        ]
    );
    // An out-of-scope criterion has nothing to explain.
    assert_eq!(e.scorecard.explain(cix(&bank, "A1.2")).count(), 0);
}

// --------------------------------------------------------------- Type II

#[test]
fn type2_needs_operation_since_the_period_start() {
    let bank = mini();
    let a = apply(
        type2(new_assessment(&bank), "2026-01-01", "2026-06-30"),
        vec![
            status(MFA, Status::Ready), // no date: capped
            status(REVIEW, Status::Ready),
            Action::SetOperatingSince(REVIEW.into(), Some(day("2026-01-01"))), // on the start: full
            status(CONDUCT, Status::Implemented),
            Action::SetOperatingSince(CONDUCT.into(), Some(day("2026-01-02"))), // a day late: capped
            status(TRAINING, Status::Implemented),
            Action::SetOperatingSince(TRAINING.into(), Some(day("2025-06-01"))), // full 75
        ],
    );
    let e = evaluate(&bank, &a, today());
    let mfa = e.scorecard.question(qix(&bank, MFA)).expect("asked");
    assert_eq!(mfa.credit, Some(50));
    assert_eq!(mfa.not_operating, Some(NotOperating::NoDate));
    let conduct = e.scorecard.question(qix(&bank, CONDUCT)).expect("asked");
    assert_eq!(conduct.credit, Some(50));
    assert_eq!(
        conduct.not_operating,
        Some(NotOperating::StartedLate {
            since: day("2026-01-02"),
            start: day("2026-01-01")
        })
    );
    // CC6.1: (5 × 50 + 4 × 100) / 900.
    assert!(close(criterion_readiness(&bank, &e, "CC6.1"), 650.0 / 9.0));
    // CC1.1: (2 × 50 + 3 × 75 + 4 × 100) / 900.
    assert!(close(criterion_readiness(&bank, &e, "CC1.1"), 725.0 / 9.0));

    // A ready key control that has not operated across the period is an
    // exception, and closing it is a blocker.
    let exception = &e.outcome.exceptions[0];
    assert_eq!(exception.criterion, cix(&bank, "CC6.1"));
    assert!(matches!(
        exception.causes[0],
        Cause::KeyControl {
            not_operating: Some(NotOperating::NoDate),
            ..
        }
    ));
    let gap = &e.roadmap.gaps[0];
    assert_eq!(
        (gap.question, gap.phase),
        (qix(&bank, MFA), Phase::BeforeAudit)
    );
    assert!(gap.describe().contains("cannot count as ready for Type II"));
    // Weight 5, key, 50 from ready: 5 × 2 × 50 / 10.
    assert_eq!(gap.priority, 50);
}

#[test]
fn type1_ignores_operating_dates() {
    let bank = mini();
    let a = apply(new_assessment(&bank), vec![status(MFA, Status::Ready)]);
    let e = evaluate(&bank, &a, today());
    let mfa = e.scorecard.question(qix(&bank, MFA)).expect("asked");
    assert_eq!((mfa.credit, mfa.not_operating), (Some(100), None));
}

#[test]
fn type2_key_control_partly_in_place_is_an_exception_but_not_in_type1() {
    let bank = mini();
    let answers = vec![
        status(CONDUCT, Status::Ready),
        status(TRAINING, Status::Ready),
        status(MFA, Status::Partial),
        status(REVIEW, Status::Ready),
        Action::SetOperatingSince(CONDUCT.into(), Some(day("2025-01-01"))),
        Action::SetOperatingSince(TRAINING.into(), Some(day("2025-01-01"))),
        Action::SetOperatingSince(REVIEW.into(), Some(day("2025-01-01"))),
    ];
    let type1 = apply(new_assessment(&bank), answers.clone());
    assert_eq!(
        evaluate(&bank, &type1, today()).outcome.opinion,
        Opinion::Unmodified
    );
    let type2 = apply(
        type2(new_assessment(&bank), "2026-01-01", "2026-12-31"),
        answers,
    );
    let e = evaluate(&bank, &type2, today());
    assert_eq!(e.outcome.exceptions.len(), 1);
    assert_eq!(e.outcome.exceptions[0].criterion, cix(&bank, "CC6.1"));
}

#[test]
fn type2_without_a_valid_period_is_a_scope_problem() {
    let bank = mini();
    let no_period = apply(
        new_assessment(&bank),
        vec![Action::SetReportType(ReportType::Type2)],
    );
    let e = evaluate(&bank, &no_period, today());
    assert_eq!(
        e.outcome.scope_problems,
        vec![ScopeProblem::Type2WithoutPeriod]
    );
    assert!(e.outcome.reasons(&bank)[0].contains("needs an observation period"));
    // Without a period, an operating date is taken at its word; no date
    // still caps the answer.
    let dated = apply(
        no_period,
        vec![
            status(MFA, Status::Ready),
            Action::SetOperatingSince(MFA.into(), Some(day("2026-02-01"))),
            status(CONDUCT, Status::Ready),
        ],
    );
    let e = evaluate(&bank, &dated, today());
    let credit = |id| e.scorecard.question(qix(&bank, id)).and_then(|q| q.credit);
    assert_eq!(credit(MFA), Some(100));
    assert_eq!(credit(CONDUCT), Some(50));

    let short = type2(new_assessment(&bank), "2026-01-01", "2026-02-28");
    let e = evaluate(&bank, &short, today());
    assert!(matches!(
        e.outcome.scope_problems[..],
        [ScopeProblem::InvalidPeriod(_)]
    ));
    assert!(e.outcome.reasons(&bank)[0].contains("3 to 12 months"));

    let fine = type2(new_assessment(&bank), "2026-01-01", "2026-06-30");
    assert!(
        evaluate(&bank, &fine, today())
            .outcome
            .scope_problems
            .is_empty()
    );
    // Type I never has a period problem.
    assert!(
        evaluate(&bank, &new_assessment(&bank), today())
            .outcome
            .scope_problems
            .is_empty()
    );
}

// --------------------------------------------------------------- outcome

#[test]
fn all_ready_is_a_clean_opinion() {
    let bank = mini();
    let a = all_ready_then(&bank, vec![]);
    let e = evaluate(&bank, &a, today());
    assert_eq!(e.scorecard.overall.readiness, 100.0);
    assert_eq!(e.outcome.opinion, Opinion::Unmodified);
    assert!(e.outcome.exceptions.is_empty());
    assert!(e.roadmap.gaps.is_empty());
    assert_eq!(
        e.outcome.reasons(&bank),
        vec!["No exception expected in the 3 criteria judged.".to_owned()]
    );
}

#[test]
fn one_planned_key_control_qualifies_the_opinion() {
    let bank = mini();
    let a = all_ready_then(&bank, vec![status(MFA, Status::Planned)]);
    let e = evaluate(&bank, &a, today());
    // CC6.1 is still at (5 × 20 + 400) / 900 = 55.6 %, but its key control fails.
    assert_eq!(e.outcome.opinion, Opinion::Qualified);
    let ex = &e.outcome.exceptions;
    assert_eq!(ex.len(), 1);
    assert_eq!(ex[0].criterion, cix(&bank, "CC6.1"));
    assert_eq!(
        ex[0].causes,
        [Cause::KeyControl {
            question: qix(&bank, MFA),
            status: Some(Status::Planned),
            not_operating: None
        }]
    );
    let reasons = e.outcome.reasons(&bank);
    assert_eq!(reasons[0], "Exceptions in 1 of 3 criteria, not pervasive.");
    assert_eq!(
        reasons[1],
        "CC6.1 (Logical access): key control \u{201c}Is MFA enforced for every user?\u{201d} \
         is answered \u{201c}Planned\u{201d}."
    );
}

#[test]
fn a_key_control_partly_in_place_is_no_exception_in_type1() {
    let bank = mini();
    let a = all_ready_then(&bank, vec![status(MFA, Status::Partial)]);
    assert_eq!(
        evaluate(&bank, &a, today()).outcome.opinion,
        Opinion::Unmodified
    );
}

#[test]
fn low_readiness_alone_draws_an_exception() {
    let bank = mini();
    let a = all_ready_then(
        &bank,
        vec![
            status(CONDUCT, Status::Missing),
            status(TRAINING, Status::Missing),
            status(REVIEW, Status::Partial),
        ],
    );
    let e = evaluate(&bank, &a, today());
    // CC1.1: 4 × 50 / 900 = 22.2 %; the key review at "partly" passes Type I.
    assert_eq!(e.outcome.opinion, Opinion::Qualified);
    let ex = &e.outcome.exceptions;
    assert_eq!(ex.len(), 1);
    assert_eq!(ex[0].criterion, cix(&bank, "CC1.1"));
    assert!(
        matches!(ex[0].causes[..], [Cause::LowReadiness { readiness }] if close(readiness, 200.0 / 9.0))
    );
    assert!(
        e.outcome
            .reasons(&bank)
            .contains(&"CC1.1 (Ethics and integrity): readiness 22% is below 50%.".to_owned())
    );
    // The two missing answers cause it: blockers. The review is a weak key control.
    let phase = |id| gap_for(&bank, &e, id).map(|g| g.phase);
    assert_eq!(phase(CONDUCT), Some(Phase::BeforeAudit));
    assert_eq!(phase(TRAINING), Some(Phase::BeforeAudit));
    assert_eq!(phase(REVIEW), Some(Phase::Next));
}

#[test]
fn readiness_of_exactly_half_draws_no_exception_and_just_below_does() {
    let bank = mini();
    let half = all_ready_then(
        &bank,
        vec![
            status(CONDUCT, Status::Partial),
            status(TRAINING, Status::Partial),
            status(REVIEW, Status::Partial),
        ],
    );
    let e = evaluate(&bank, &half, today());
    assert_eq!(criterion_readiness(&bank, &e, "CC1.1"), 50.0);
    assert_eq!(e.outcome.opinion, Opinion::Unmodified);
    // Conduct planned: (2 × 20 + 3 × 50 + 4 × 50) / 900 = 43.3 %.
    let e = evaluate(
        &bank,
        &reduce(&half, status(CONDUCT, Status::Planned)),
        today(),
    );
    assert_eq!(e.outcome.opinion, Opinion::Qualified);
    assert_eq!(e.outcome.exceptions[0].criterion, cix(&bank, "CC1.1"));
}

#[test]
fn exceptions_in_more_than_a_third_of_criteria_are_adverse() {
    let bank = mini();
    let a = all_ready_then(
        &bank,
        vec![
            status(MFA, Status::Missing),
            status(BACKUPS, Status::Missing),
        ],
    );
    let e = evaluate(&bank, &a, today());
    assert_eq!(e.outcome.opinion, Opinion::Adverse);
    assert_eq!(e.outcome.pervasiveness.criteria_with_exceptions, 2);
    assert!(
        e.outcome.reasons(&bank).contains(
            &"Exceptions in 2 of 3 criteria: more than a third, so pervasive.".to_owned()
        )
    );
}

#[test]
fn exceptions_in_more_than_half_of_the_common_criteria_series_are_adverse() {
    let bank = builtin_bank().expect("built-in bank");
    let mut a = new_assessment(&bank);
    for q in &bank.questions {
        a = reduce(&a, status(&q.id, Status::Ready));
    }
    // One key control missing in each of five series: 5 of 9 series, but
    // only 5 of 33 criteria.
    let keys = [
        "cc1-org-chart-current",
        "cc2-external-reporting-channel",
        "cc3-security-objectives",
        "cc4-control-testing-plan",
        "cc6-leaver-deprovisioning",
    ];
    for id in keys {
        let q = bank.question(id).expect("question in the built-in bank");
        assert!(
            q.key && q.criteria.len() == 1,
            "{id} is a key control for one criterion"
        );
        a = reduce(&a, status(id, Status::Missing));
    }
    let e = evaluate(&bank, &a, today());
    let p = e.outcome.pervasiveness;
    assert_eq!((p.criteria_with_exceptions, p.criteria_judged), (5, 33));
    assert_eq!(
        (p.security_series_with_exceptions, p.security_series_judged),
        (5, 9)
    );
    assert_eq!(e.outcome.opinion, Opinion::Adverse);
    // Four series are only qualified.
    let e = evaluate(&bank, &reduce(&a, status(keys[4], Status::Ready)), today());
    assert_eq!(e.outcome.opinion, Opinion::Qualified);
}

#[test]
fn too_few_answers_give_no_opinion_but_list_exceptions_so_far() {
    let bank = mini();
    let a = apply(
        with_availability(new_assessment(&bank)),
        vec![
            status(CONDUCT, Status::Ready),
            status(TRAINING, Status::Ready),
            status(MFA, Status::Missing),
        ],
    );
    // 3 of 5 answered: 60 %.
    let e = evaluate(&bank, &a, today());
    assert_eq!(e.outcome.opinion, Opinion::NotEnoughAnswers);
    assert!(!e.outcome.exceptions.is_empty());
    assert!(e.outcome.reasons(&bank)[0].starts_with("Only 60% of the asked questions"));
    // 4 of 5 (80 %) is enough.
    let a = reduce(&a, status(REVIEW, Status::Ready));
    assert_ne!(
        evaluate(&bank, &a, today()).outcome.opinion,
        Opinion::NotEnoughAnswers
    );
}

#[test]
fn the_built_in_bank_fully_ready_is_clean_in_every_category() {
    let bank = builtin_bank().expect("built-in bank");
    let mut a = new_assessment(&bank);
    for c in Category::ALL {
        a = reduce(&a, Action::SetCategory(c, true));
    }
    for q in &bank.questions {
        a = reduce(&a, status(&q.id, Status::Ready));
    }
    let e = evaluate(&bank, &a, today());
    assert_eq!(e.scorecard.criteria.len(), bank.criteria.len());
    assert_eq!(e.scorecard.series.len(), bank.series.len());
    assert_eq!(e.scorecard.overall.readiness, 100.0);
    assert_eq!(e.outcome.opinion, Opinion::Unmodified);
    assert!(e.roadmap.gaps.is_empty());
}

// --------------------------------------------------------------- roadmap

#[test]
fn gaps_are_ordered_by_phase_then_priority() {
    let bank = mini();
    let a = apply(
        new_assessment(&bank),
        vec![
            status(MFA, Status::Missing),        // key 5: 5 × 2 × 100 / 10 = 100
            status(REVIEW, Status::Implemented), // key 4: 4 × 2 × 25 / 10 = 20
            status(CONDUCT, Status::Planned),    // 2 × 80 / 10 = 16
            status(TRAINING, Status::Partial),   // 3 × 50 / 10 = 15
        ],
    );
    let e = evaluate(&bank, &a, today());
    assert_eq!(
        gap_order(&bank, &e),
        vec![
            (MFA, Phase::BeforeAudit, 100),
            (REVIEW, Phase::Next, 20),
            (CONDUCT, Phase::Next, 16),
            (TRAINING, Phase::Next, 15),
        ]
    );
}

#[test]
fn equal_priorities_keep_bank_order_and_improvements_come_later() {
    let bank = mini();
    let a = apply(
        new_assessment(&bank),
        vec![
            status(MFA, Status::Ready),
            status(REVIEW, Status::Implemented), // key: 20, next
            status(CONDUCT, Status::Missing),    // 2 × 100 / 10 = 20, next
            status(TRAINING, Status::Implemented), // not key: 3 × 25 / 10 = 8, later
        ],
    );
    let e = evaluate(&bank, &a, today());
    assert_eq!(
        gap_order(&bank, &e),
        vec![
            (CONDUCT, Phase::Next, 20),
            (REVIEW, Phase::Next, 20),
            (TRAINING, Phase::Later, 8),
        ]
    );
    assert_eq!(e.roadmap.phase(Phase::Later).count(), 1);
}

#[test]
fn a_gap_carries_its_plan() {
    let bank = mini();
    let a = apply(
        with_availability(new_assessment(&bank)),
        vec![
            status(REVIEW, Status::Partial),
            Action::SetOwner(REVIEW.into(), "Dana".into()),
            Action::SetDue(REVIEW.into(), Some(day("2026-03-01"))),
            status(MFA, Status::Implemented),
            Action::SetEvidence(MFA.into(), 0, true),
            Action::SetEvidence(MFA.into(), 7, true), // a stale tick, ignored
            Action::SetDue(MFA.into(), Some(today())),
        ],
    );
    let e = evaluate(&bank, &a, today());
    let gap = |id| gap_for(&bank, &e, id).expect("a gap");
    let roadmap = &e.roadmap;
    let review = gap(REVIEW);
    assert_eq!(
        roadmap.criteria(review),
        [cix(&bank, "CC6.1"), cix(&bank, "CC1.1")]
    );
    assert_eq!(roadmap.owner(review), "Dana");
    assert_eq!(roadmap.owners, ["Dana"]);
    assert_eq!(review.due, Some(day("2026-03-01")));
    assert!(review.overdue);
    assert_eq!(review.effort, Effort::Days);
    assert_eq!(review.steps(&bank), ["Schedule reviews", "Record sign-off"]);
    assert_eq!(
        review.evidence_names(&bank, &a),
        ["Signed-off review records"]
    );
    assert_eq!(review.describe(), "Partly in place");

    let mfa = gap(MFA);
    assert!(!mfa.overdue, "due today is not overdue");
    assert_eq!(roadmap.owner(mfa), "");
    assert_eq!(mfa.effort, Effort::Hours);
    assert_eq!(mfa.evidence_names(&bank, &a), ["List of users without MFA"]);
    assert_eq!(e.roadmap.overdue(), 1);
}
