//! The pre-audit check: an assessment seeded with one defect of each kind
//! gives exactly those findings, a clean one gives none, and fixing one
//! takes it away.

use serde_json::json;
use soc2_readiness::core::assessment::{Action, Assessment, Period, ReportType, Status, reduce};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::evaluate::evaluate;
use soc2_readiness::core::precheck::{Place, check};
use soc2_readiness::core::vendor::{Csoc, Treatment, Vendor};

fn day(text: &str) -> Day {
    Day::parse(text).expect("a valid test date")
}

/// Four key controls: `mfa` and `enc` continuous, `review` quarterly,
/// `hire` per event; each with two evidence items.
fn bank() -> Bank {
    let q = |id: &str, criterion: &str, frequency: &str| {
        json!({
            "id": id, "text": format!("Is {id} done?"), "guidance": "g",
            "criteria": [criterion], "weight": 3, "key": true, "key_reason": "k",
            "frequency": frequency, "evidence": ["first", "second"],
            "remediation": {"steps": ["s"], "effort": "days"},
            "type2_proof": "p", "quick": false, "short": format!("The {id} control"),
        })
    };
    let doc = json!({
        "format": "soc2-readiness-bank", "format_version": 4, "id": "precheck",
        "version": "1", "title": "Pre-audit check",
        "series": [{"id": "CC6", "category": "security", "name": "Access"},
                   {"id": "CC9", "category": "security", "name": "Risk"}],
        "criteria": [
            {"id": "CC6.1", "series": "CC6", "topic": "t", "name": "access", "one_question_reason": "r"},
            {"id": "CC6.2", "series": "CC6", "topic": "t", "name": "users", "one_question_reason": "r"},
            {"id": "CC6.3", "series": "CC6", "topic": "t", "name": "removal", "one_question_reason": "r"},
            {"id": "CC9.2", "series": "CC9", "topic": "t", "name": "vendors", "one_question_reason": "r"}],
        "questions": [q("mfa", "CC6.1", "continuous"), q("enc", "CC6.2", "continuous"),
                      q("review", "CC6.3", "quarterly"), q("hire", "CC9.2", "per_event")],
    });
    Bank::from_json(&doc.to_string()).expect("the pre-check bank is valid")
}

/// Type II over 2026-01-01 to 2026-06-30; every control ready with both
/// items ticked, collected in the period, operating since 2025-12-01, the
/// review run in each quarter, and a covered carve-out vendor.
fn clean(bank: &Bank) -> Assessment {
    let mut a = Assessment::new("p".into(), "P".into(), bank, "2026-01-01T00:00:00Z".into());
    a = reduce(&a, Action::SetReportType(ReportType::Type2));
    a = reduce(
        &a,
        Action::SetPeriod(Some(Period {
            start: day("2026-01-01"),
            end: day("2026-06-30"),
        })),
    );
    for q in &bank.questions {
        let id = q.id.clone();
        for action in [
            Action::SetStatus(id.clone(), Some(Status::Ready)),
            Action::SetEvidence(id.clone(), 0, true),
            Action::SetEvidence(id.clone(), 1, true),
            Action::SetCollected(id.clone(), 0, Some(day("2026-02-01"))),
            Action::SetOperatingSince(id.clone(), Some(day("2025-12-01"))),
            Action::SetUnhandled(id.clone(), Some(0)),
        ] {
            a = reduce(&a, action);
        }
    }
    for run in ["2026-02-10", "2026-05-10"] {
        a = reduce(&a, Action::SetRun("review".into(), day(run), true));
    }
    let mut v = Vendor {
        id: "v1".into(),
        name: "Cloudhost".into(),
        treatment: Treatment::CarveOut,
        ..Vendor::default()
    };
    v.reports.push(soc2_readiness::core::vendor::VendorReport {
        kind: soc2_readiness::core::vendor::ReportKind::Soc2,
        report_type: ReportType::Type2,
        start: day("2025-07-01"),
        end: day("2026-06-30"),
        opinion: soc2_readiness::core::vendor::VendorOpinion::Unmodified,
        exceptions: String::new(),
        reviewed: Some(day("2026-07-10")),
    });
    v.csocs.push(Csoc {
        text: "Data centre security".into(),
        supports: vec!["CC6.1".into()],
        tested: true,
        exception: false,
    });
    reduce(&a, Action::PutVendor(v))
}

fn kinds(bank: &Bank, a: &Assessment) -> Vec<(String, String)> {
    let e = evaluate(bank, a, day("2026-12-07"));
    check(bank, a, &e)
        .into_iter()
        .map(|f| {
            let place = match f.place {
                Place::Question(q) => q,
                Place::Vendor(v) => v,
            };
            (f.kind.id().to_owned(), place)
        })
        .collect()
}

fn pair(kind: &str, place: &str) -> (String, String) {
    (kind.to_owned(), place.to_owned())
}

#[test]
fn a_clean_assessment_has_no_findings() {
    let bank = bank();
    assert_eq!(kinds(&bank, &clean(&bank)), []);
}

#[test]
fn each_seeded_defect_is_found_once_and_nothing_else() {
    let bank = bank();
    let mut a = clean(&bank);
    for action in [
        // mfa: evidence collected before the period.
        Action::SetCollected("mfa".into(), 1, Some(day("2025-11-15"))),
        // review: a run before it has operated since 2025-12-01.
        Action::SetRun("review".into(), day("2025-10-05"), true),
        // enc: "ready" with nothing ticked, and taken from a crosswalk.
        Action::SetEvidence("enc".into(), 0, false),
        Action::SetEvidence("enc".into(), 1, false),
    ] {
        a = reduce(&a, action);
    }
    a = reduce(
        &a,
        Action::AcceptProposals {
            crosswalk: "iso27001-2022".into(),
            questions: vec!["hire".into()],
            status: Status::Ready,
        },
    );
    // hire: the accepted status only counts on an unanswered question;
    // mark it by hand as a status taken from the crosswalk, then untick.
    a = reduce(&a, Action::SetStatus("hire".into(), None));
    a = reduce(
        &a,
        Action::AcceptProposals {
            crosswalk: "iso27001-2022".into(),
            questions: vec!["hire".into()],
            status: Status::Implemented,
        },
    );
    a = reduce(&a, Action::SetEvidence("hire".into(), 0, false));
    a = reduce(&a, Action::SetEvidence("hire".into(), 1, false));
    // hire: a rehearsed population with two rows outside the period.
    a = reduce(
        &a,
        Action::SetRehearsal(
            "hire".into(),
            Some(soc2_readiness::core::fieldwork::Rehearsal {
                outside: 2,
                ..Default::default()
            }),
        ),
    );
    // The vendor's report now ends before the period does.
    let mut v = a.vendors[0].clone();
    v.reports[0].end = day("2026-05-31");
    a = reduce(&a, Action::PutVendor(v));
    assert_eq!(
        kinds(&bank, &a),
        [
            pair("evidence-outside-period", "mfa"),
            pair("run-before-operating-since", "review"),
            pair("ready-without-evidence", "enc"),
            pair("key-gap-unplanned", "hire"),
            pair("crosswalk-without-evidence", "hire"),
            pair("vendor-coverage-gap", "v1"),
            pair("population-outside-period", "hire"),
        ]
    );
    // Fixing one removes it, and only it.
    a = reduce(
        &a,
        Action::SetRun("review".into(), day("2025-10-05"), false),
    );
    a = reduce(&a, Action::SetOwner("hire".into(), "Dana".into()));
    a = reduce(&a, Action::SetDue("hire".into(), Some(day("2027-01-31"))));
    a = reduce(&a, Action::SetEvidence("enc".into(), 0, true));
    assert_eq!(
        kinds(&bank, &a),
        [
            pair("evidence-outside-period", "mfa"),
            pair("crosswalk-without-evidence", "hire"),
            pair("vendor-coverage-gap", "v1"),
            pair("population-outside-period", "hire"),
        ]
    );
}

#[test]
fn not_applicable_without_a_reason_is_found_and_type_1_skips_the_period_checks() {
    let bank = bank();
    let mut a = clean(&bank);
    a = reduce(
        &a,
        Action::SetStatus("mfa".into(), Some(Status::NotApplicable)),
    );
    a = reduce(
        &a,
        Action::SetCollected("enc".into(), 1, Some(day("2027-01-15"))),
    );
    let found = kinds(&bank, &a);
    assert!(
        found.contains(&pair("na-without-reason", "mfa")),
        "{found:?}"
    );
    assert!(
        found.contains(&pair("evidence-outside-period", "enc")),
        "{found:?}"
    );
    a = reduce(
        &a,
        Action::SetJustification("mfa".into(), "No logins".into()),
    );
    a = reduce(&a, Action::SetReportType(ReportType::Type1));
    assert_eq!(kinds(&bank, &a), []);
}
