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
use soc2_readiness::core::evaluate::Evaluation;
use soc2_readiness::core::outcome::{self, Outcome, Shortfall, Tier, Verdict};
use soc2_readiness::core::roadmap::{Gap, GapKind, Phase, Roadmap};
use soc2_readiness::core::score::{NotOperating, how_scores_work, scorecard};
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

/// Every question answered `status_of`; "ready" with its first evidence
/// item ticked, as "ready, with evidence" means.
fn all(status_of: Status) -> Vec<Action> {
    [CONDUCT, TRAINING, MFA, REVIEW, BACKUPS]
        .iter()
        .flat_map(|q| {
            [
                status(q, status_of),
                Action::SetEvidence((*q).to_owned(), 0, status_of == Status::Ready),
            ]
        })
        .collect()
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
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    assert!(!e.outcome.reasons(&bank).iter().any(|r| r.contains("A1.2")));

    // Once in scope, the missing key control (the criterion's only one)
    // means A1.2 is likely not met.
    let e = evaluate(&bank, &with_availability(a), today());
    assert_eq!(e.outcome.tier, Tier::Qualified);
    let findings = e.outcome.findings();
    assert_eq!(findings.len(), 1);
    assert_eq!(
        (findings[0].criterion, findings[0].verdict),
        (a1, Verdict::NotMet)
    );
    assert!(
        e.outcome
            .reasons(&bank)
            .iter()
            .any(|r| r.starts_with("A1.2 (Backups and recovery, likely not met): key control"))
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
    let op = soc2_readiness::core::operation::Operation::compute(&bank, &a, today());
    let outcome = Outcome::compute(&bank, &a, &card, &op, today());
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
            Action::SetEvidence(MFA.into(), 0, true),
            status(REVIEW, Status::Ready),
            Action::SetEvidence(REVIEW.into(), 0, true),
            Action::SetOperatingSince(REVIEW.into(), Some(day("2026-01-01"))), // on the start: full
            status(CONDUCT, Status::Ready),
            Action::SetEvidence(CONDUCT.into(), 0, true),
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

    // A ready key control with no operating date leaves its operation
    // unknown: no indication until it has one.
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert_eq!(e.outcome.undated_key, [qix(&bank, MFA)]);
    // CC1.1 has no key control of its own, so both its controls decide
    // it: one started a day late (within a tenth of the period: an
    // exception), the other has no evidence to test, and it carries 3 of
    // the 5 weight points: more than half is short, only for evidence.
    let cc1 = e.outcome.judgement(cix(&bank, "CC1.1")).expect("judged");
    assert_eq!(cc1.verdict, Verdict::NotTestable);
    assert!(matches!(
        cc1.findings[..],
        [
            f1 @ outcome::Finding { shortfall: Shortfall::StartedLate { .. }, .. },
            f2 @ outcome::Finding { shortfall: Shortfall::NoEvidence, .. },
        ] if f1.question == qix(&bank, CONDUCT) && f2.question == qix(&bank, TRAINING)
    ));
    // CC6.1: the access review covers it, but MFA carries 5 of its 9
    // weight points, more than half, so it is not testable until MFA has
    // its date: a blocker.
    let cc6 = e.outcome.judgement(cix(&bank, "CC6.1")).expect("judged");
    assert_eq!(cc6.verdict, Verdict::NotTestable);
    assert_eq!(cc6.basis, outcome::Basis::MostlyShort(5, 9));
    let gap = gap_for(&bank, &e, MFA).expect("a gap");
    assert_eq!(gap.phase, Phase::BeforeAudit);
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

// --------------------------------------------------------------- outcome

#[test]
fn the_built_in_bank_fully_ready_is_clean_in_every_category() {
    let bank = builtin_bank().expect("built-in bank");
    let mut a = new_assessment(&bank);
    for c in Category::ALL {
        a = reduce(&a, Action::SetCategory(c, true));
    }
    for q in &bank.questions {
        a = reduce(&a, status(&q.id, Status::Ready));
        a = reduce(&a, Action::SetEvidence(q.id.clone(), 0, true));
    }
    let e = evaluate(&bank, &a, today());
    assert_eq!(e.scorecard.criteria.len(), bank.criteria.len());
    assert_eq!(e.scorecard.series.len(), bank.series.len());
    assert_eq!(e.scorecard.overall.readiness, 100.0);
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    assert!(e.roadmap.gaps.is_empty());
}

// --------------------------------------------------------------- roadmap

#[test]
fn gaps_are_ordered_by_phase_then_priority() {
    let bank = mini();
    let a = apply(
        new_assessment(&bank),
        vec![
            // CC6.1 has no key control at the bar: both are blockers.
            status(MFA, Status::Missing), // key 5: 5 × 2 × 100 / 10 = 100
            status(REVIEW, Status::Planned), // key 4: 4 × 2 × 80 / 10 = 64
            status(CONDUCT, Status::Planned), // 2 × 80 / 10 = 16
            // Covers CC1.1, so the planned one there is no blocker.
            status(TRAINING, Status::Implemented), // 3 × 25 / 10 = 7.5 → 8
        ],
    );
    let e = evaluate(&bank, &a, today());
    assert_eq!(
        gap_order(&bank, &e),
        vec![
            (MFA, Phase::BeforeAudit, 100),
            (REVIEW, Phase::BeforeAudit, 64),
            (CONDUCT, Phase::Next, 16),
            (TRAINING, Phase::Later, 8),
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
            Action::SetEvidence(MFA.into(), 0, true),
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
