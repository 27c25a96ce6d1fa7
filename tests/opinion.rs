//! The opinion rules of round two, each on a small format 4 bank with
//! answers worked out by hand: the description as its own subject, how big
//! a failure is, exceptions that add up, risk groups, pervasiveness, judged
//! evidence, a real period, answers the scope gives, and the band's words.
//!
//! | question   | criteria     | key | risk | frequency  | other               |
//! |------------|--------------|-----|------|------------|---------------------|
//! | desc       | CC2.1        |     |      | annual     | role description    |
//! | assert     | CC2.1        |     |      | annual     | role assertion      |
//! | discl      | CC2.1        |     |      | per_event  | role disclosure     |
//! | env-a      | CC1.1        | yes |      | annual     | weight 3            |
//! | env-b      | CC1.1        |     |      | continuous | weight 3            |
//! | env-c      | CC1.1        |     |      | continuous | weight 3            |
//! | auth       | CC6.1        | yes | auth | continuous | weight 5            |
//! | crypt      | CC6.1        | yes | data | continuous | weight 4            |
//! | sso        | CC6.1        | yes | auth | continuous | weight 4            |
//! | review     | CC6.3        | yes |      | quarterly  |                     |
//! | leaver     | CC6.3        |     |      | per_event  | weight 2            |
//! | chg        | CC8.1        | yes |      | per_event  | applies_if software |
//! | cfg        | CC8.1        |     |      | continuous | weight 2            |
//! | backup     | CC9.1, A1.2  | yes |      | daily      | automated, decides A1.2 |
//! | bcp        | CC9.1        |     |      | annual     | weight 2            |
//! | cap        | A1.2         |     |      | continuous | weight 2            |
//! | pentest    | CC4.1        | yes |      | annual     | dated evidence 12 m |
//! | scan       | CC4.1        |     |      | monthly    |                     |

use serde_json::{Value, json};
use soc2_readiness::core::assessment::{Action, Assessment, Period, ReportType, Status, reduce};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::catalog::Category;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::evaluate::{Evaluation, evaluate};
use soc2_readiness::core::exchange::{export_json, import_json};
use soc2_readiness::core::outcome::{Basis, Shortfall, Tier, Verdict};

fn question(id: &str, criteria: &[&str], key: bool, weight: u8, frequency: &str) -> Value {
    let mut q = json!({
        "id": id, "text": format!("Is {id} done?"), "guidance": "g",
        "criteria": criteria, "weight": weight, "key": key, "frequency": frequency,
        "evidence": ["first item", "second item"],
        "remediation": {"steps": ["s"], "effort": "days"},
        "type2_proof": "p", "quick": false, "short": format!("The {id} control"),
    });
    if key {
        q["key_reason"] = json!("no substitute");
    }
    q
}

fn with(mut q: Value, field: &str, value: Value) -> Value {
    q[field] = value;
    q
}

fn bank_json() -> Value {
    let criteria = [
        ("CC1.1", "CC1", "ethics"),
        ("CC2.1", "CC2", "information quality"),
        ("CC4.1", "CC4", "control evaluations"),
        ("CC6.1", "CC6", "logical access"),
        ("CC6.3", "CC6", "access removal"),
        ("CC8.1", "CC8", "change management"),
        ("CC9.1", "CC9", "business disruption"),
        ("A1.2", "A1", "backup and recovery"),
    ];
    let series = ["CC1", "CC2", "CC4", "CC6", "CC8", "CC9", "A1"];
    let questions = vec![
        with(
            question("desc", &["CC2.1"], false, 5, "annual"),
            "role",
            json!("description"),
        ),
        with(
            question("assert", &["CC2.1"], false, 5, "annual"),
            "role",
            json!("assertion"),
        ),
        with(
            question("discl", &["CC2.1"], false, 3, "per_event"),
            "role",
            json!("disclosure"),
        ),
        question("env-a", &["CC1.1"], true, 3, "annual"),
        question("env-b", &["CC1.1"], false, 3, "continuous"),
        question("env-c", &["CC1.1"], false, 3, "continuous"),
        with(
            question("auth", &["CC6.1"], true, 5, "continuous"),
            "risk",
            json!("auth"),
        ),
        with(
            question("crypt", &["CC6.1"], true, 4, "continuous"),
            "risk",
            json!("data"),
        ),
        with(
            question("sso", &["CC6.1"], true, 4, "continuous"),
            "risk",
            json!("auth"),
        ),
        question("review", &["CC6.3"], true, 4, "quarterly"),
        question("leaver", &["CC6.3"], false, 2, "per_event"),
        with(
            question("chg", &["CC8.1"], true, 5, "per_event"),
            "applies_if",
            json!("software"),
        ),
        question("cfg", &["CC8.1"], false, 2, "continuous"),
        with(
            with(
                with(
                    question("backup", &["CC9.1", "A1.2"], true, 5, "daily"),
                    "automated",
                    json!(true),
                ),
                "also_decides",
                json!(["A1.2"]),
            ),
            "evidence",
            json!(["job configuration", "failure alerts"]),
        ),
        question("bcp", &["CC9.1"], false, 2, "annual"),
        question("cap", &["A1.2"], false, 2, "continuous"),
        with(
            question("pentest", &["CC4.1"], true, 4, "annual"),
            "evidence",
            json!([{"text": "pen test report", "valid_months": 12}, "retest"]),
        ),
        question("scan", &["CC4.1"], false, 3, "monthly"),
    ];
    json!({
        "format": "soc2-readiness-bank", "format_version": 4, "id": "opinion",
        "version": "1", "title": "Opinion rules",
        "conditions": [{"id": "software", "text": "Do you build software?",
                        "not_applicable": "We build no software."}],
        "series": series.iter().map(|s| json!({
            "id": s, "category": if s.starts_with('A') { "availability" } else { "security" },
            "name": format!("Series {s}")})).collect::<Vec<_>>(),
        "criteria": criteria.iter().map(|(id, series, name)| json!({
            "id": id, "series": series, "topic": format!("Topic of {id}"), "name": name,
            "one_question_reason": "a test bank"})).collect::<Vec<_>>(),
        "questions": questions,
    })
}

fn bank() -> Bank {
    Bank::from_json(&bank_json().to_string()).expect("the opinion bank is valid")
}

fn day(text: &str) -> Day {
    Day::parse(text).expect("a valid test date")
}

fn today() -> Day {
    day("2026-12-07")
}

/// Every question ready with its first evidence item ticked (the dated
/// pen test collected on 2026-06-01), the software condition holding.
fn ready(bank: &Bank) -> Assessment {
    let mut a = Assessment::new("o".into(), "O".into(), bank, "2026-01-01T00:00:00Z".into());
    a = reduce(
        &a,
        soc2_readiness::core::assessment::condition_action(bank, "software", Some(true)),
    );
    for q in &bank.questions {
        a = set(a, &q.id, Status::Ready);
    }
    reduce(
        &a,
        Action::SetCollected("pentest".into(), 0, Some(day("2026-06-01"))),
    )
}

fn set(a: Assessment, id: &str, status: Status) -> Assessment {
    let a = reduce(&a, Action::SetStatus(id.into(), Some(status)));
    reduce(
        &a,
        Action::SetEvidence(id.into(), 0, status == Status::Ready),
    )
}

/// Type II over 2026-01-01 to 2026-06-30 (181 days): every control
/// operating since 2025-12-01, the quarterly review run on 2026-01-10 and
/// 2026-04-10, the monthly scan on the 5th of each month, the yearly ones
/// on 2026-02-01, no event left unhandled.
fn type2(bank: &Bank, a: Assessment) -> Assessment {
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
            Action::SetOperatingSince(q.id.clone(), Some(day("2025-12-01"))),
        );
    }
    let runs: [(&str, &[&str]); 5] = [
        ("review", &["2026-01-10", "2026-04-10"]),
        (
            "scan",
            &[
                "2026-01-05",
                "2026-02-05",
                "2026-03-05",
                "2026-04-05",
                "2026-05-05",
                "2026-06-05",
            ],
        ),
        ("env-a", &["2026-02-01"]),
        ("bcp", &["2026-02-01"]),
        ("pentest", &["2026-02-01"]),
    ];
    for (id, days) in runs {
        for d in days {
            a = reduce(&a, Action::SetRun(id.into(), day(d), true));
        }
    }
    a
}

fn eval(bank: &Bank, a: &Assessment) -> Evaluation {
    evaluate(bank, a, today())
}

fn verdict(bank: &Bank, e: &Evaluation, criterion: &str) -> Option<Verdict> {
    let c = bank.criterion_index(criterion)?;
    e.outcome.judgement(c).map(|j| j.verdict)
}

fn qix(bank: &Bank, id: &str) -> usize {
    bank.question_index(id).expect("a question of the bank")
}

#[test]
fn the_baselines_are_clean() {
    let bank = bank();
    let e = eval(&bank, &ready(&bank));
    assert_eq!(
        e.outcome.tier,
        Tier::Unmodified,
        "{:?}",
        e.outcome.summary(&bank)
    );
    let e = eval(&bank, &type2(&bank, ready(&bank)));
    assert_eq!(
        e.outcome.tier,
        Tier::Unmodified,
        "{:?}",
        e.outcome.summary(&bank)
    );
    assert!(!e.outcome.provisional);
}

// ------------------------------------------------------ the description

#[test]
fn no_description_or_no_assertion_means_no_report_at_all() {
    let bank = bank();
    for (id, status) in [
        ("desc", Status::Missing),
        ("desc", Status::Planned),
        ("assert", Status::Missing),
        ("assert", Status::Partial),
        // Neither can be "not applicable": every report has both.
        ("assert", Status::NotApplicable),
    ] {
        let mut a = set(ready(&bank), id, status);
        a = reduce(
            &a,
            Action::SetJustification(id.into(), "We think not.".into()),
        );
        let e = eval(&bank, &a);
        assert_eq!(e.outcome.tier, Tier::CannotJudge, "{id} {status:?}");
        assert_eq!(e.outcome.description.missing, [qix(&bank, id)]);
        let headline = e.outcome.headline(&bank);
        assert!(
            headline.contains("no report can be issued yet"),
            "{headline}"
        );
        assert!(
            headline.contains(&format!("(not in place: The {id} control)")),
            "{headline}"
        );
        // Not a criterion finding: CC2.1 is judged on no control at all.
        assert_eq!(verdict(&bank, &e, "CC2.1"), None);
        assert!(e.outcome.is_blocker(qix(&bank, id)));
    }
    // Unanswered: the indication waits for it like a key question.
    let a = reduce(&ready(&bank), Action::SetStatus("desc".into(), None));
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert_eq!(e.outcome.unanswered_key, [qix(&bank, "desc")]);
}

#[test]
fn a_missing_disclosure_is_a_finding_on_the_description_apart_from_the_criteria() {
    let bank = bank();
    let e = eval(&bank, &set(ready(&bank), "discl", Status::Missing));
    assert_eq!(e.outcome.tier, Tier::Qualified);
    assert_eq!(e.outcome.description.findings, [qix(&bank, "discl")]);
    assert!(
        e.outcome
            .judgements
            .iter()
            .all(|j| j.verdict == Verdict::Met)
    );
    assert_eq!(
        e.outcome.headline(&bank),
        "Qualified on the description (The discl control)"
    );
    // A partial description is the same kind of finding.
    let e = eval(&bank, &set(ready(&bank), "desc", Status::Partial));
    assert_eq!(e.outcome.tier, Tier::Qualified);
    assert_eq!(e.outcome.description.findings, [qix(&bank, "desc")]);
    // A disclosure that does not apply, with its reason, is no finding.
    let mut a = set(ready(&bank), "discl", Status::NotApplicable);
    a = reduce(
        &a,
        Action::SetJustification("discl".into(), "No subservice organisation.".into()),
    );
    assert_eq!(eval(&bank, &a).outcome.tier, Tier::Unmodified);
    // Without a reason it counts as unanswered: like a control that is not
    // key, an unanswered disclosure stops nothing, and is listed.
    let a = reduce(&a, Action::SetJustification("discl".into(), String::new()));
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    assert!(e.outcome.unanswered_key.is_empty());
    assert_eq!(e.outcome.description.unanswered, [qix(&bank, "discl")]);
    assert!(
        e.outcome
            .summary(&bank)
            .iter()
            .any(|r| r.contains("whether the description discloses them is unknown")),
        "{:?}",
        e.outcome.summary(&bank)
    );
}

// ------------------------------------------------------ size of failure

#[test]
fn missed_windows_are_an_exception_up_to_one_and_a_third() {
    let bank = bank();
    let base = type2(&bank, ready(&bank));
    // Quarterly review, two windows due: missing the second is one of two,
    // more than a third: it did not operate.
    let a = reduce(
        &base,
        Action::SetRun("review".into(), day("2026-04-10"), false),
    );
    let e = eval(&bank, &a);
    assert_eq!(verdict(&bank, &e, "CC6.3"), Some(Verdict::NotMet));
    assert_eq!(e.outcome.tier, Tier::Qualified);
    assert_eq!(
        e.outcome.headline(&bank),
        "Qualified on CC6.3 (access removal)"
    );
    // Monthly scan (not key), six windows: one missed is an exception...
    let a = reduce(
        &base,
        Action::SetRun("scan".into(), day("2026-03-05"), false),
    );
    let e = eval(&bank, &a);
    assert_eq!(verdict(&bank, &e, "CC4.1"), Some(Verdict::Exceptions));
    assert_eq!(
        e.outcome.headline(&bank),
        "Unmodified, with exceptions noted on CC4.1 (control evaluations)"
    );
    // ...two missed did not operate (more than one window), and its 3 of
    // 7 weight points short is not most of CC4.1: still met, exceptions.
    let a = reduce(&a, Action::SetRun("scan".into(), day("2026-04-05"), false));
    let e = eval(&bank, &a);
    let cc4 = e
        .outcome
        .judgement(bank.criterion_index("CC4.1").unwrap())
        .unwrap();
    assert!(matches!(
        cc4.findings[0].shortfall,
        Shortfall::Deviation(d) if d.did_not_operate()
    ));
    assert!(!cc4.findings[0].exception);
    assert_eq!(cc4.verdict, Verdict::Exceptions);
}

#[test]
fn unhandled_events_are_sized_against_the_population() {
    let bank = bank();
    let base = type2(&bank, ready(&bank));
    let with = |unhandled: u32, population: Option<u32>| {
        let a = reduce(&base, Action::SetUnhandled("chg".into(), Some(unhandled)));
        let a = reduce(&a, Action::SetPopulation("chg".into(), population));
        verdict(&bank, &eval(&bank, &a), "CC8.1")
    };
    // Two unknown-sized deviations: an exception; three: did not operate.
    assert_eq!(with(2, None), Some(Verdict::Exceptions));
    assert_eq!(with(3, None), Some(Verdict::NotMet));
    // 2 of 100 (2%): an exception; 2 of 10 (20%, above 10%): did not operate.
    assert_eq!(with(2, Some(100)), Some(Verdict::Exceptions));
    assert_eq!(with(2, Some(10)), Some(Verdict::NotMet));
    // 500 changes of 600 merged without review: not met.
    assert_eq!(with(500, Some(600)), Some(Verdict::NotMet));
    assert_eq!(with(1, Some(10)), Some(Verdict::Exceptions));
    assert_eq!(with(0, Some(10)), Some(Verdict::Met));
}

#[test]
fn an_automated_control_is_judged_on_its_operating_date_not_on_counted_runs() {
    let bank = bank();
    // The daily backup job has no day recorded at all.
    let a = type2(&bank, ready(&bank));
    assert!(a.answers["backup"].runs.is_empty());
    let e = eval(&bank, &a);
    assert_eq!(verdict(&bank, &e, "CC9.1"), Some(Verdict::Met));
    assert!(e.operation.periodic(qix(&bank, "backup")).is_none());
    // Started in the middle of the period: did not operate throughout.
    let a = reduce(
        &a,
        Action::SetOperatingSince("backup".into(), Some(day("2026-04-01"))),
    );
    assert_eq!(
        verdict(&bank, &eval(&bank, &a), "CC9.1"),
        Some(Verdict::NotMet)
    );
}

#[test]
fn a_late_start_within_a_tenth_of_the_period_is_an_exception() {
    let bank = bank();
    let base = type2(&bank, ready(&bank));
    let since = |d: &str| {
        let a = reduce(
            &base,
            Action::SetOperatingSince("auth".into(), Some(day(d))),
        );
        eval(&bank, &a)
    };
    // 181 days; 18 days late is within 10% (1,800 ≤ 1,810).
    let e = since("2026-01-19");
    assert_eq!(verdict(&bank, &e, "CC6.1"), Some(Verdict::Exceptions));
    assert!(
        e.outcome
            .reasons(&bank)
            .iter()
            .any(|r| r.contains("move the period start"))
    );
    // 19 days late is beyond it: the only other auth control (sso) still
    // covers the risk, but auth is 5 of 13 weight points: exceptions.
    let e = since("2026-01-20");
    let j = e
        .outcome
        .judgement(bank.criterion_index("CC6.1").unwrap())
        .unwrap();
    assert!(matches!(
        j.findings[0].shortfall,
        Shortfall::StartedLate {
            within_grace: false,
            ..
        }
    ));
    assert_eq!(j.verdict, Verdict::Exceptions);
}

// ----------------------------------------------------- exceptions add up

#[test]
fn most_of_a_criterions_weight_short_is_not_met_even_with_its_key_control() {
    let bank = bank();
    // CC1.1: env-a (key, 3) ready; env-b and env-c (3 each) missing: 6 of
    // 9 points short, more than half.
    let a = set(
        set(ready(&bank), "env-b", Status::Missing),
        "env-c",
        Status::Missing,
    );
    let e = eval(&bank, &a);
    let j = e
        .outcome
        .judgement(bank.criterion_index("CC1.1").unwrap())
        .unwrap();
    assert_eq!(j.verdict, Verdict::NotMet);
    assert_eq!(j.basis, Basis::MostlyShort(6, 9));
    assert_eq!(j.covered_by, [qix(&bank, "env-a")]);
    // Both shortfalls are what would change it.
    assert!(e.outcome.is_blocker(qix(&bank, "env-b")));
    assert!(e.outcome.is_blocker(qix(&bank, "env-c")));
    // One of them, 3 of 9: exceptions.
    let a = set(ready(&bank), "env-b", Status::Missing);
    assert_eq!(
        verdict(&bank, &eval(&bank, &a), "CC1.1"),
        Some(Verdict::Exceptions)
    );
}

#[test]
fn exceptions_on_more_than_a_third_of_the_criteria_add_up_to_qualified() {
    let bank = bank();
    // Six criteria judged (A1.2 out of scope, CC2.1 has only the
    // description's questions). Exceptions on CC1.1 and CC4.1: 2 of 6, not
    // more than a third.
    let a = set(
        set(ready(&bank), "env-b", Status::Missing),
        "scan",
        Status::Partial,
    );
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.judgements.len(), 6);
    assert_eq!(e.outcome.tier, Tier::UnmodifiedWithExceptions);
    // And CC8.1: 3 of 6 (9 > 6).
    let a = set(a, "cfg", Status::Missing);
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.count(Verdict::Exceptions), 3);
    assert_eq!(e.outcome.tier, Tier::Qualified);
    assert!(
        e.outcome
            .headline(&bank)
            .starts_with("Qualified: exceptions on 3 of 6 criteria")
    );
}

// --------------------------------------------------------- risk groups

#[test]
fn key_controls_stand_in_only_for_the_same_risk() {
    let bank = bank();
    // No MFA (auth) and no SSO: encryption cannot cover authentication.
    let a = set(
        set(ready(&bank), "auth", Status::Missing),
        "sso",
        Status::Missing,
    );
    let e = eval(&bank, &a);
    let j = e
        .outcome
        .judgement(bank.criterion_index("CC6.1").unwrap())
        .unwrap();
    assert_eq!(j.verdict, Verdict::NotMet);
    assert_eq!(j.basis, Basis::Uncovered(vec![Some("auth".to_owned())]));
    assert_eq!(e.outcome.tier, Tier::Qualified);
    assert_eq!(
        e.outcome.headline(&bank),
        "Qualified on CC6.1 (logical access)"
    );
    assert!(e.outcome.is_blocker(qix(&bank, "auth")));
    assert!(!e.outcome.is_blocker(qix(&bank, "crypt")));
    // SSO shares the risk: it covers a missing MFA (5 of 13 points short).
    let a = set(ready(&bank), "auth", Status::Missing);
    assert_eq!(
        verdict(&bank, &eval(&bank, &a), "CC6.1"),
        Some(Verdict::Exceptions)
    );
    // And nothing stands in for encryption.
    let a = set(ready(&bank), "crypt", Status::Missing);
    assert_eq!(
        verdict(&bank, &eval(&bank, &a), "CC6.1"),
        Some(Verdict::NotMet)
    );
}

#[test]
fn a_question_decides_the_secondary_criteria_the_bank_names() {
    let bank = bank();
    let a = reduce(
        &ready(&bank),
        Action::SetCategory(Category::Availability, true),
    );
    let a = set(a, "backup", Status::Missing);
    let e = eval(&bank, &a);
    // The backup job is the key control of CC9.1 and decides A1.2 too.
    assert_eq!(verdict(&bank, &e, "CC9.1"), Some(Verdict::NotMet));
    assert_eq!(verdict(&bank, &e, "A1.2"), Some(Verdict::NotMet));
    // Out of scope, A1.2 is never judged.
    let a = reduce(&a, Action::SetCategory(Category::Availability, false));
    assert_eq!(verdict(&bank, &eval(&bank, &a), "A1.2"), None);
}

// ------------------------------------------------------------ evidence

#[test]
fn stale_key_evidence_is_short_of_the_bar_and_other_stale_evidence_an_exception() {
    let bank = bank();
    // The pen test report was collected 30 months ago: 12 months' validity
    // ran out on 2025-05-31, before the Type I date (today).
    let a = reduce(
        &ready(&bank),
        Action::SetCollected("pentest".into(), 0, Some(day("2024-06-01"))),
    );
    let e = eval(&bank, &a);
    let j = e
        .outcome
        .judgement(bank.criterion_index("CC4.1").unwrap())
        .unwrap();
    assert_eq!(j.verdict, Verdict::NotMet);
    assert_eq!(j.findings[0].shortfall, Shortfall::NotCurrent);
    // Collected 2025-12-08: valid to 2026-12-07, today: still current.
    let a = reduce(
        &ready(&bank),
        Action::SetCollected("pentest".into(), 0, Some(day("2025-12-08"))),
    );
    assert_eq!(
        verdict(&bank, &eval(&bank, &a), "CC4.1"),
        Some(Verdict::Met)
    );
    // Type II judges on the period's end (2026-06-30): collected
    // 2025-06-15, valid to 2026-06-14, it lapsed inside the period.
    let a = reduce(
        &type2(&bank, ready(&bank)),
        Action::SetCollected("pentest".into(), 0, Some(day("2025-06-15"))),
    );
    assert_eq!(
        verdict(&bank, &eval(&bank, &a), "CC4.1"),
        Some(Verdict::NotMet)
    );
}

#[test]
fn ready_without_a_ticked_item_is_in_place_without_evidence() {
    let bank = bank();
    let a = reduce(
        &ready(&bank),
        Action::SetEvidence("review".into(), 0, false),
    );
    let e = eval(&bank, &a);
    let j = e
        .outcome
        .judgement(bank.criterion_index("CC6.3").unwrap())
        .unwrap();
    assert_eq!(j.findings[0].shortfall, Shortfall::NoEvidence);
    assert_eq!(j.verdict, Verdict::NotTestable);
    // A control that is not key is taken on its design in a Type I.
    let a = reduce(
        &ready(&bank),
        Action::SetEvidence("leaver".into(), 0, false),
    );
    assert_eq!(eval(&bank, &a).outcome.tier, Tier::Unmodified);
}

// -------------------------------------------------------------- period

#[test]
fn a_period_that_has_not_started_cannot_be_judged_and_one_under_way_is_provisional() {
    let bank = bank();
    let a = type2(&bank, ready(&bank));
    let future = reduce(
        &a,
        Action::SetPeriod(Some(Period {
            start: day("2028-01-01"),
            end: day("2028-06-30"),
        })),
    );
    let e = eval(&bank, &future);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert!(e.outcome.headline(&bank).contains("has not started"));
    // Under way (2026-09-01 to 2027-02-28, today 2026-12-07): the tier as
    // of today, marked provisional. The runs fall before the period, so
    // the review and scan have none inside it: with windows already
    // missed they did not operate.
    let under_way = reduce(
        &a,
        Action::SetPeriod(Some(Period {
            start: day("2026-09-01"),
            end: day("2027-02-28"),
        })),
    );
    let e = eval(&bank, &under_way);
    assert!(e.outcome.provisional);
    assert!(
        e.outcome
            .headline(&bank)
            .ends_with("(provisional: the period is under way)")
    );
    assert_eq!(verdict(&bank, &e, "CC6.3"), Some(Verdict::NotMet));
}

#[test]
fn runs_before_the_period_do_not_show_operation_in_it() {
    let bank = bank();
    let mut a = type2(&bank, ready(&bank));
    // The review ran only before the period: one window due and missed
    // (today is past the period), none done.
    for d in ["2026-01-10", "2026-04-10"] {
        a = reduce(&a, Action::SetRun("review".into(), day(d), false));
    }
    a = reduce(&a, Action::SetRun("review".into(), day("2025-12-15"), true));
    let e = eval(&bank, &a);
    assert_eq!(verdict(&bank, &e, "CC6.3"), Some(Verdict::NotMet));
    // With no day recorded at all, its operation is unknown.
    a = reduce(
        &a,
        Action::SetRun("review".into(), day("2025-12-15"), false),
    );
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert_eq!(e.outcome.undated_key, [qix(&bank, "review")]);
}

// ------------------------------------------------- answers of the scope

#[test]
fn a_question_the_scope_rules_out_is_not_applicable_whatever_the_file_says() {
    let bank = bank();
    // "We build no software", with the change question answered "missing".
    let a = set(ready(&bank), "chg", Status::Missing);
    let a = reduce(
        &a,
        soc2_readiness::core::assessment::condition_action(&bank, "software", Some(false)),
    );
    assert_eq!(a.answers["chg"].status, Some(Status::Missing));
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    // Imported, the file records it not applicable with the bank's reason.
    let imported = import_json(export_json(&a).as_bytes(), &bank).expect("imports");
    assert_eq!(imported.answers["chg"].status, Some(Status::NotApplicable));
    assert_eq!(
        imported.answers["chg"].justification,
        "We build no software."
    );
}

#[test]
fn not_applicable_on_a_key_control_needs_a_reason() {
    let bank = bank();
    let a = set(ready(&bank), "review", Status::NotApplicable);
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert_eq!(e.outcome.unanswered_key, [qix(&bank, "review")]);
    let a = reduce(
        &a,
        Action::SetJustification("review".into(), "No user accounts.".into()),
    );
    assert_eq!(eval(&bank, &a).outcome.tier, Tier::Unmodified);
}

#[test]
fn below_four_fifths_answered_the_indication_is_partial_never_unmodified() {
    let bank = bank();
    // Security asks 17 questions (A1's cap is out of scope). Four
    // unanswered non-key ones: 13 of 17 (76%) answered.
    let mut a = ready(&bank);
    for id in ["env-b", "env-c", "leaver", "scan"] {
        a = reduce(&a, Action::SetStatus(id.into(), None));
    }
    let e = eval(&bank, &a);
    assert_eq!(e.outcome.partial.len(), 1);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert!(e.outcome.headline(&bank).contains("partial indication"));
    // Three unanswered: 14 of 17 (82%): unmodified again.
    let a = set(a, "scan", Status::Ready);
    assert_eq!(eval(&bank, &a).outcome.tier, Tier::Unmodified);
}

// ---------------------------------------------------------- properties

#[test]
fn improving_any_one_answer_never_worsens_the_tier() {
    // From every single downgrade of the ready baseline, Type I and II,
    // raising that answer back to ready never gives a worse tier.
    let bank = bank();
    for base in [ready(&bank), type2(&bank, ready(&bank))] {
        for q in &bank.questions {
            for worse in [
                Status::Implemented,
                Status::Partial,
                Status::Planned,
                Status::Missing,
            ] {
                let down = set(base.clone(), &q.id, worse);
                let up = set(down.clone(), &q.id, Status::Ready);
                let (t_down, t_up) = (
                    eval(&bank, &down).outcome.tier,
                    eval(&bank, &up).outcome.tier,
                );
                assert!(
                    t_up <= t_down,
                    "{}: {worse:?} {t_down:?} → ready {t_up:?}",
                    q.id
                );
            }
        }
    }
}

// ------------------------------------------------ the rules as printed

#[test]
fn the_printed_rules_and_the_readme_state_the_engines_constants() {
    use soc2_readiness::core::operation::{
        MAX_MISSED_WINDOWS, MAX_UNHANDLED_EVENTS, TOLERABLE_RATE_PERCENT, how_operation_is_judged,
    };
    use soc2_readiness::core::outcome::{
        LATE_START_PERCENT, MIN_COMPLETION_PERCENT, PERVASIVE_CC_SERIES, PERVASIVE_CORE_AREAS,
        SHORT_WEIGHT_PERCENT, how_the_outcome_is_judged,
    };
    let printed = [how_the_outcome_is_judged(), how_operation_is_judged()]
        .concat()
        .join(" ");
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("the README");
    let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    for (what, printed_words, readme_words) in [
        (
            "missed windows",
            format!("more than {MAX_MISSED_WINDOWS} window"),
            format!("more than {MAX_MISSED_WINDOWS} window"),
        ),
        (
            "unhandled events",
            format!("more than {MAX_UNHANDLED_EVENTS} events not handled"),
            format!("more than {MAX_UNHANDLED_EVENTS} not handled"),
        ),
        (
            "tolerable rate",
            format!("{TOLERABLE_RATE_PERCENT}% of the events"),
            format!("{TOLERABLE_RATE_PERCENT}% of the events"),
        ),
        (
            "late start",
            format!("within {LATE_START_PERCENT}% of the period"),
            format!("within {LATE_START_PERCENT}% of the period"),
        ),
        (
            "weight short",
            format!("more than {SHORT_WEIGHT_PERCENT}% of its weight"),
            format!("more than {SHORT_WEIGHT_PERCENT}% of its deciding weight"),
        ),
        (
            "core areas",
            format!("span {PERVASIVE_CORE_AREAS} or more core areas"),
            format!("span {PERVASIVE_CORE_AREAS} or more core areas"),
        ),
        (
            "CC series",
            format!("more than {PERVASIVE_CC_SERIES} of the nine CC series"),
            format!("more than {PERVASIVE_CC_SERIES} of the 9 CC series"),
        ),
        (
            "completion",
            format!("Below {MIN_COMPLETION_PERCENT}%"),
            format!("below {MIN_COMPLETION_PERCENT}% of the asked questions"),
        ),
        (
            "per-event sample",
            "1 to 4 events: all".to_owned(),
            "1 to 4 events all".to_owned(),
        ),
    ] {
        assert!(
            printed.contains(&printed_words),
            "rules: {what}: {printed_words}"
        );
        assert!(
            readme.contains(&readme_words),
            "README: {what}: {readme_words}"
        );
    }
}
