//! The outcome rules, one test per rule, on a hand-built bank whose answers
//! are worked out by hand (see `src/core/outcome.rs` for the rules).
//!
//! | question  | criteria      | key | quick | core area  |
//! |-----------|---------------|-----|-------|------------|
//! | env-a     | CC1.1         | yes | yes   | -          |
//! | env-b     | CC1.1         | no  | no    | -          |
//! | risk-a    | CC3.1         | yes | yes   | risk       |
//! | risk-b    | CC3.1, CC1.1  | no  | no    | risk       |
//! | mon-a     | CC4.1         | yes | yes   | monitoring |
//! | mon-b     | CC4.1         | no  | no    | monitoring |
//! | acc-a     | CC6.1         | yes | yes   | access     |
//! | acc-b     | CC6.1         | yes | no    | access     |
//! | acc-c     | CC6.1, CC8.1  | no  | no    | access     |
//! | chg-a     | CC8.1         | yes | yes   | change     |
//! | chg-b     | CC8.1         | no  | no    | change     |
//! | bcp-a     | CC9.1         | no  | yes   | -          |
//! | bcp-b     | CC9.1         | no  | no    | -          |

use soc2_readiness::core::assessment::{
    Action, Assessment, Period, QuestionPath, ReportType, Status, reduce,
};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::evaluate::{Evaluation, evaluate};
use soc2_readiness::core::outcome::{
    PERVASIVE_CORE_AREAS, Shortfall, Tier, Verdict, how_the_outcome_is_judged,
};
use soc2_readiness::core::roadmap::Phase;

const QUESTIONS: [(&str, &[&str], bool, bool); 13] = [
    ("env-a", &["CC1.1"], true, true),
    ("env-b", &["CC1.1"], false, false),
    ("risk-a", &["CC3.1"], true, true),
    ("risk-b", &["CC3.1", "CC1.1"], false, false),
    ("mon-a", &["CC4.1"], true, true),
    ("mon-b", &["CC4.1"], false, false),
    ("acc-a", &["CC6.1"], true, true),
    ("acc-b", &["CC6.1"], true, false),
    ("acc-c", &["CC6.1", "CC8.1"], false, false),
    ("chg-a", &["CC8.1"], true, true),
    ("chg-b", &["CC8.1"], false, false),
    ("bcp-a", &["CC9.1"], false, true),
    ("bcp-b", &["CC9.1"], false, false),
];

fn bank() -> Bank {
    let series = ["CC1", "CC3", "CC4", "CC6", "CC8", "CC9"]
        .iter()
        .map(|s| format!(r#"{{"id":"{s}","category":"security","name":"Series {s}"}}"#))
        .collect::<Vec<_>>()
        .join(",");
    let criteria = ["CC1.1", "CC3.1", "CC4.1", "CC6.1", "CC8.1", "CC9.1"]
        .iter()
        .map(|c| {
            let series = c.split('.').next().unwrap_or_default();
            format!(r#"{{"id":"{c}","series":"{series}","topic":"Topic of {c}"}}"#)
        })
        .collect::<Vec<_>>()
        .join(",");
    let questions = QUESTIONS
        .iter()
        .map(|(id, criteria, key, quick)| {
            let criteria = criteria
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(",");
            format!(
                r#"{{"id":"{id}","text":"Is {id} done?","guidance":"g","criteria":[{criteria}],
                "weight":3,"key":{key},"evidence":["e"],"remediation":{{"steps":["s"],
                "effort":"days"}},"type2_proof":"p","quick":{quick}}}"#
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let text = format!(
        r#"{{"format":"soc2-readiness-bank","format_version":1,"id":"rules","version":"1",
        "title":"Rules","series":[{series}],"criteria":[{criteria}],"questions":[{questions}]}}"#
    );
    Bank::from_json(&text).expect("the rules bank is valid")
}

fn day(text: &str) -> Day {
    Day::parse(text).expect("a valid test date")
}

fn today() -> Day {
    day("2026-03-02")
}

/// Every question answered `base`, then `changes` as (question, status).
fn answered(bank: &Bank, base: Status, changes: &[(&str, Option<Status>)]) -> Assessment {
    let mut a = Assessment::new("t".into(), "T".into(), bank, "2026-01-01T00:00:00Z".into());
    for (id, ..) in QUESTIONS {
        a = reduce(&a, Action::SetStatus(id.into(), Some(base)));
        // "Ready" means with evidence: its one item is ticked.
        a = reduce(&a, Action::SetEvidence(id.into(), 0, base == Status::Ready));
    }
    for (id, s) in changes {
        a = reduce(&a, Action::SetStatus((*id).into(), *s));
    }
    a
}

fn type2(bank: &Bank, a: Assessment, since: &str) -> Assessment {
    let mut a = reduce(&a, Action::SetReportType(ReportType::Type2));
    a = reduce(
        &a,
        Action::SetPeriod(Some(Period {
            start: day("2026-01-01"),
            end: day("2026-06-30"),
        })),
    );
    for q in &bank.questions {
        a = reduce(
            &a,
            Action::SetOperatingSince(q.id.clone(), Some(day(since))),
        );
    }
    a
}

fn eval(bank: &Bank, a: &Assessment) -> Evaluation {
    evaluate(bank, a, today())
}

fn verdict(bank: &Bank, e: &Evaluation, criterion: &str) -> Option<Verdict> {
    let c = bank.criterion_index(criterion).expect("criterion");
    e.outcome.judgement(c).map(|j| j.verdict)
}

fn qix(bank: &Bank, id: &str) -> usize {
    bank.questions
        .iter()
        .position(|q| q.id == id)
        .expect("question")
}

#[test]
fn every_tier_has_a_stable_id() {
    let ids: Vec<&str> = Tier::ALL.iter().map(|t| t.id()).collect();
    assert_eq!(
        ids,
        [
            "unmodified",
            "unmodified_with_exceptions",
            "qualified",
            "adverse",
            "cannot_judge",
            "no_opinion"
        ]
    );
}

#[test]
fn all_ready_is_unmodified() {
    let bank = bank();
    let e = eval(&bank, &answered(&bank, Status::Ready, &[]));
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    assert_eq!(e.outcome.judgements.len(), 6);
    assert!(e.outcome.findings().is_empty());
}

#[test]
fn a_criterion_is_judged_on_its_primary_questions_only() {
    let bank = bank();
    // acc-c is primary CC6.1, secondary CC8.1: its gap is CC6.1's alone.
    let e = eval(
        &bank,
        &answered(&bank, Status::Ready, &[("acc-c", Some(Status::Missing))]),
    );
    assert_eq!(verdict(&bank, &e, "CC6.1"), Some(Verdict::Exceptions));
    assert_eq!(verdict(&bank, &e, "CC8.1"), Some(Verdict::Met));
    // Its readiness still counts under CC8.1: (3 × 100 × 2 + 0) / 900.
    let cc8 = e
        .scorecard
        .criterion(bank.criterion_index("CC8.1").expect("CC8.1"))
        .expect("scored");
    assert!((cc8.score.readiness - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(e.outcome.tier, Tier::UnmodifiedWithExceptions);
}

#[test]
fn a_key_shortfall_covered_by_another_key_control_is_an_exception_noted() {
    let bank = bank();
    let e = eval(
        &bank,
        &answered(&bank, Status::Ready, &[("acc-a", Some(Status::Missing))]),
    );
    let j = e
        .outcome
        .judgement(bank.criterion_index("CC6.1").expect("CC6.1"))
        .expect("judged");
    assert_eq!(j.verdict, Verdict::Exceptions);
    assert_eq!(j.covered_by, [qix(&bank, "acc-b")]);
    assert_eq!(e.outcome.tier, Tier::UnmodifiedWithExceptions);
    // Not a blocker: it does not hold the outcome down.
    let gap = e
        .roadmap
        .gaps
        .iter()
        .find(|g| g.question == qix(&bank, "acc-a"))
        .expect("a gap");
    assert_eq!(gap.phase, Phase::Next);
}

#[test]
fn a_criterion_fails_when_no_key_control_meets_the_bar() {
    let bank = bank();
    let a = answered(
        &bank,
        Status::Ready,
        &[
            ("acc-a", Some(Status::Missing)),
            ("acc-b", Some(Status::Partial)),
        ],
    );
    let e = eval(&bank, &a);
    assert_eq!(verdict(&bank, &e, "CC6.1"), Some(Verdict::NotMet));
    assert_eq!(e.outcome.tier, Tier::Qualified);
    assert_eq!(e.outcome.failed_core_areas, ["access"]);
    // Both are blockers, first in the roadmap.
    let before: Vec<usize> = e
        .roadmap
        .phase(Phase::BeforeAudit)
        .map(|g| g.question)
        .collect();
    assert_eq!(before, [qix(&bank, "acc-a"), qix(&bank, "acc-b")]);
    assert!(e.outcome.to_improve(&bank)[0].contains("CC6.1"));
}

#[test]
fn type1_bar_is_in_place_and_partly_falls_short() {
    let bank = bank();
    // In place without evidence: a Type I still inspects one instance of
    // each key control, so every criterion with a key control is not
    // testable (5 of 6), and so many together leave nothing to judge.
    let in_place = answered(&bank, Status::Implemented, &[]);
    let e = eval(&bank, &in_place);
    assert_eq!(e.outcome.count(Verdict::NotTestable), 5);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    // Key controls with evidence, the others only in place: design is
    // enough for a control that is not key.
    let mut keys_ready = in_place.clone();
    for (id, _, key, _) in QUESTIONS {
        if key {
            keys_ready = reduce(
                &keys_ready,
                Action::SetStatus(id.into(), Some(Status::Ready)),
            );
            keys_ready = reduce(&keys_ready, Action::SetEvidence(id.into(), 0, true));
        }
    }
    assert_eq!(eval(&bank, &keys_ready).outcome.tier, Tier::Unmodified);
    // "Ready" with no evidence item ticked is in place without evidence.
    let unticked = reduce(&keys_ready, Action::SetEvidence("chg-a".into(), 0, false));
    let e = eval(&bank, &unticked);
    assert_eq!(verdict(&bank, &e, "CC8.1"), Some(Verdict::NotTestable));
    assert_eq!(
        e.outcome.findings()[0].findings[0].shortfall,
        Shortfall::NoEvidence
    );
    let partly = answered(&bank, Status::Ready, &[("chg-a", Some(Status::Partial))]);
    let e = eval(&bank, &partly);
    assert_eq!(verdict(&bank, &e, "CC8.1"), Some(Verdict::NotMet));
    assert_eq!(e.outcome.tier, Tier::Qualified);
}

#[test]
fn type2_bar_needs_evidence_and_in_place_without_it_is_an_evidence_risk() {
    let bank = bank();
    let a = type2(
        &bank,
        answered(
            &bank,
            Status::Ready,
            &[("chg-a", Some(Status::Implemented))],
        ),
        "2025-10-01",
    );
    let e = eval(&bank, &a);
    assert_eq!(verdict(&bank, &e, "CC8.1"), Some(Verdict::NotTestable));
    let j = e.outcome.findings()[0];
    assert_eq!(j.findings[0].shortfall, Shortfall::NoEvidence);
    assert_eq!(e.outcome.tier, Tier::Qualified);
    // A Type I inspects the evidence of a key control too: still an
    // evidence risk on CC8.1.
    let mut type1 = a.clone();
    type1.scope.report_type = ReportType::Type1;
    let e = eval(&bank, &type1);
    assert_eq!(verdict(&bank, &e, "CC8.1"), Some(Verdict::NotTestable));
    assert_eq!(e.outcome.tier, Tier::Qualified);
}

#[test]
fn type2_evidence_missing_everywhere_is_a_disclaimer_risk() {
    let bank = bank();
    let a = type2(
        &bank,
        answered(&bank, Status::Implemented, &[]),
        "2025-10-01",
    );
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert_eq!(e.outcome.count(Verdict::NotTestable), 6);
    assert!(
        e.outcome
            .summary(&bank)
            .iter()
            .any(|r| r.contains("disclaim")),
        "{:?}",
        e.outcome.summary(&bank)
    );
}

#[test]
fn type2_control_started_after_the_period_start_falls_short() {
    let bank = bank();
    let mut a = type2(&bank, answered(&bank, Status::Ready, &[]), "2025-10-01");
    a = reduce(
        &a,
        Action::SetOperatingSince("mon-a".into(), Some(day("2026-02-01"))),
    );
    let e = eval(&bank, &a);
    assert_eq!(verdict(&bank, &e, "CC4.1"), Some(Verdict::NotMet));
    let j = e.outcome.findings()[0];
    assert_eq!(
        j.findings[0].shortfall,
        Shortfall::StartedLate {
            since: day("2026-02-01"),
            start: day("2026-01-01"),
            within_grace: false,
        }
    );
    assert!(
        e.outcome
            .reasons(&bank)
            .iter()
            .any(|r| r.contains("move the period start"))
    );
}

#[test]
fn type2_key_control_without_an_operating_date_stops_the_indication() {
    let bank = bank();
    let mut a = type2(&bank, answered(&bank, Status::Ready, &[]), "2025-10-01");
    a = reduce(&a, Action::SetOperatingSince("env-a".into(), None));
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert_eq!(e.outcome.undated_key, [qix(&bank, "env-a")]);
    // A non-key control without a date does not: it is a deviation risk.
    let mut a = type2(&bank, answered(&bank, Status::Ready, &[]), "2025-10-01");
    a = reduce(&a, Action::SetOperatingSince("env-b".into(), None));
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::UnmodifiedWithExceptions);
    assert_eq!(
        e.outcome.findings()[0].findings[0].shortfall,
        Shortfall::NoDate
    );
}

#[test]
fn type2_without_a_period_cannot_be_judged() {
    let bank = bank();
    let mut a = type2(&bank, answered(&bank, Status::Ready, &[]), "2025-10-01");
    a = reduce(&a, Action::SetPeriod(None));
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert!(e.outcome.summary(&bank)[0].contains("observation period"));
}

#[test]
fn unanswered_key_questions_stop_the_indication_and_never_count_as_failures() {
    let bank = bank();
    // Everything else missing would be adverse; unanswered keys stop it.
    let a = answered(&bank, Status::Missing, &[("acc-a", None), ("chg-a", None)]);
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert_eq!(
        e.outcome.unanswered_key,
        [qix(&bank, "acc-a"), qix(&bank, "chg-a")]
    );
    assert!(e.outcome.summary(&bank)[0].starts_with(
        "2 key questions are unanswered (or not applicable without a reason): acc-a, chg-a"
    ));
    // Unanswered non-key questions neither stop it nor count against it.
    let a = answered(&bank, Status::Ready, &[("env-b", None), ("mon-b", None)]);
    assert_eq!(eval(&bank, &a).outcome.tier, Tier::Unmodified);
}

#[test]
fn failures_in_three_core_areas_are_adverse_and_in_two_qualified() {
    let bank = bank();
    let two = answered(
        &bank,
        Status::Ready,
        &[
            ("risk-a", Some(Status::Missing)),
            ("chg-a", Some(Status::Missing)),
        ],
    );
    let e = eval(&bank, &two);
    assert_eq!(e.outcome.failed_core_areas, ["change", "risk"]);
    assert_eq!(e.outcome.tier, Tier::Qualified);
    let three = reduce(
        &two,
        Action::SetStatus("mon-a".into(), Some(Status::Planned)),
    );
    let e = eval(&bank, &three);
    assert_eq!(e.outcome.failed_core_areas.len(), PERVASIVE_CORE_AREAS);
    assert_eq!(e.outcome.tier, Tier::Adverse);
    assert!(e.outcome.summary(&bank)[0].contains("core areas: change, risk, monitoring"));
}

#[test]
fn more_than_a_third_of_the_criteria_not_met_is_adverse() {
    let bank = bank();
    // CC9.1 (both its controls missing), CC3.1 and CC4.1 not met: 3 of 6,
    // more than a third, in only two core areas (risk, monitoring).
    let a = answered(
        &bank,
        Status::Ready,
        &[
            ("bcp-a", Some(Status::Missing)),
            ("bcp-b", Some(Status::Missing)),
            ("risk-a", Some(Status::Missing)),
            ("mon-a", Some(Status::Missing)),
        ],
    );
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.count(Verdict::NotMet), 3);
    assert_eq!(e.outcome.failed_core_areas, ["risk", "monitoring"]);
    assert_eq!(e.outcome.tier, Tier::Adverse);
    // Two of six is a third, not more: qualified.
    let a = reduce(&a, Action::SetStatus("mon-a".into(), Some(Status::Ready)));
    assert_eq!(eval(&bank, &a).outcome.tier, Tier::Qualified);
}

#[test]
fn the_control_environment_is_a_core_area() {
    let bank = bank();
    // CC1.1 (its key control missing), CC3.1 and CC8.1: three core areas.
    let a = answered(
        &bank,
        Status::Ready,
        &[
            ("env-a", Some(Status::Missing)),
            ("risk-a", Some(Status::Missing)),
            ("chg-a", Some(Status::Missing)),
        ],
    );
    let e = eval(&bank, &a);
    assert_eq!(
        e.outcome.failed_core_areas,
        ["control environment", "change", "risk"]
    );
    assert_eq!(e.outcome.tier, Tier::Adverse);
}

#[test]
fn a_criterion_without_key_controls_is_decided_by_all_its_answers() {
    let bank = bank();
    let one = answered(&bank, Status::Ready, &[("bcp-a", Some(Status::Missing))]);
    assert_eq!(
        verdict(&bank, &eval(&bank, &one), "CC9.1"),
        Some(Verdict::Exceptions)
    );
    let both = reduce(
        &one,
        Action::SetStatus("bcp-b".into(), Some(Status::Planned)),
    );
    let e = eval(&bank, &both);
    assert_eq!(verdict(&bank, &e, "CC9.1"), Some(Verdict::NotMet));
    assert_eq!(e.outcome.tier, Tier::Qualified);
}

#[test]
fn not_applicable_controls_are_left_out_of_the_judgement() {
    let bank = bank();
    let mut a = answered(
        &bank,
        Status::Ready,
        &[
            ("acc-a", Some(Status::NotApplicable)),
            ("acc-b", Some(Status::Missing)),
        ],
    );
    a = reduce(
        &a,
        Action::SetJustification("acc-a".into(), "No users".into()),
    );
    // acc-b is the only key control left: CC6.1 not met.
    let e = eval(&bank, &a);
    assert_eq!(verdict(&bank, &e, "CC6.1"), Some(Verdict::NotMet));
    // Every CC8.1 question not applicable: the criterion is not judged.
    let mut a = answered(&bank, Status::Ready, &[]);
    for q in ["chg-a", "chg-b"] {
        a = reduce(&a, Action::SetStatus(q.into(), Some(Status::NotApplicable)));
        a = reduce(&a, Action::SetJustification(q.into(), "No changes".into()));
    }
    let e = eval(&bank, &a);
    // acc-c still supports CC8.1 as a secondary, but judges only CC6.1.
    assert_eq!(verdict(&bank, &e, "CC8.1"), None);
    assert_eq!(e.outcome.judgements.len(), 5);
    assert_eq!(e.outcome.tier, Tier::Unmodified);
}

#[test]
fn the_quick_path_gives_no_opinion_and_names_what_was_not_asked() {
    let bank = bank();
    let mut a = answered(&bank, Status::Ready, &[]);
    a = reduce(&a, Action::SetPath(QuestionPath::Quick));
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::NoOpinion);
    // Every criterion has a quick question here, so none is unasked.
    assert!(e.outcome.not_asked.is_empty());
    assert!(e.outcome.to_improve(&bank)[0].contains("full questionnaire"));
}

#[test]
fn every_tier_names_what_would_change_it() {
    let bank = bank();
    let cases = [
        answered(&bank, Status::Ready, &[]),
        answered(&bank, Status::Ready, &[("acc-a", Some(Status::Missing))]),
        answered(&bank, Status::Ready, &[("chg-a", Some(Status::Missing))]),
        answered(&bank, Status::Missing, &[]),
        answered(&bank, Status::Ready, &[("chg-a", None)]),
    ];
    let tiers: Vec<Tier> = cases.iter().map(|a| eval(&bank, a).outcome.tier).collect();
    assert_eq!(
        tiers,
        [
            Tier::Unmodified,
            Tier::UnmodifiedWithExceptions,
            Tier::Qualified,
            Tier::Adverse,
            Tier::CannotJudge
        ]
    );
    for a in &cases {
        let e = eval(&bank, a);
        let change = e.outcome.to_improve(&bank);
        assert!(!change.is_empty() && change.iter().all(|c| !c.trim().is_empty()));
    }
    let qualified = eval(&bank, &cases[2]).outcome.to_improve(&bank);
    assert!(qualified[0].contains("CC8.1"), "{qualified:?}");
}

#[test]
fn the_printed_rules_come_from_the_constants() {
    let rules = how_the_outcome_is_judged().join(" ");
    assert!(rules.contains(&format!("span {PERVASIVE_CORE_AREAS} or more core areas")));
    assert!(rules.contains("access (CC6.1, CC6.2, CC6.3)"));
    for tier in Tier::ALL {
        assert!(
            rules.contains(tier.label()),
            "{} not explained",
            tier.label()
        );
    }
}
