//! The vendor register, the commitments and the description draft, with
//! hand-worked cases: the days of our period a vendor's reports leave
//! uncovered, what each vendor means for CC9.2 and the description, the
//! commitments at risk, and the draft's parts.
//!
//! The bank: one key control each for CC1.1, CC6.1, CC6.3, CC8.1 and CC9.2
//! (five criteria judged), plus the description, the assertion and one
//! disclosure under CC2.1. Every control is continuous, so a Type II needs
//! only an "operating since" date.

use serde_json::{Value, json};
use soc2_readiness::core::assessment::{Action, Assessment, Period, ReportType, Status, reduce};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::commitment::{self, Commitment, CommitmentKind};
use soc2_readiness::core::date::Day;
use soc2_readiness::core::description::{self, DescriptionDraft, Event};
use soc2_readiness::core::evaluate::{Evaluation, evaluate};
use soc2_readiness::core::outcome::{Basis, Tier, Verdict};
use soc2_readiness::core::vendor::{
    Coverage, Csoc, Cuec, ReportKind, Treatment, Vendor, VendorOpinion, VendorReport,
    VendorVerdict, coverage,
};

fn day(text: &str) -> Day {
    Day::parse(text).expect("a valid test date")
}

fn period(start: &str, end: &str) -> Option<Period> {
    Some(Period {
        start: day(start),
        end: day(end),
    })
}

fn report(report_type: ReportType, start: &str, end: &str) -> VendorReport {
    VendorReport {
        kind: ReportKind::Soc2,
        report_type,
        start: day(start),
        end: day(end),
        opinion: VendorOpinion::Unmodified,
        exceptions: String::new(),
        reviewed: Some(day("2026-10-15")),
    }
}

fn type2(start: &str, end: &str) -> VendorReport {
    report(ReportType::Type2, start, end)
}

fn vendor(reports: Vec<VendorReport>, bridge: Option<&str>) -> Vendor {
    Vendor {
        id: "v1".into(),
        name: "Cloudhost".into(),
        service: "Hosting".into(),
        treatment: Treatment::CarveOut,
        reports,
        bridge_until: bridge.map(day),
        csocs: vec![Csoc {
            text: "Physical security of the data centres".into(),
            supports: vec!["CC6.4".into()],
            tested: true,
            exception: false,
        }],
        cuecs: Vec::new(),
    }
}

fn gaps(c: &Coverage) -> Vec<(String, String)> {
    match c {
        Coverage::Gap(ranges) => ranges
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
        other => panic!("expected a gap, got {other:?}"),
    }
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_owned(), b.to_owned())
}

// ------------------------------------------------------------- coverage

#[test]
fn a_report_ending_in_september_leaves_the_rest_of_the_year_uncovered() {
    let v = vendor(vec![type2("2025-10-01", "2026-09-30")], None);
    let c = coverage(&v, ReportType::Type2, period("2026-01-01", "2026-12-31"));
    assert_eq!(c.id(), "gap");
    assert_eq!(gaps(&c), [pair("2026-10-01", "2026-12-31")]);
    // October 31 + November 30 + December 31.
    assert_eq!(c.gap_days(), 92);
    assert!(c.describe().contains("2026-10-01 to 2026-12-31 (92 days)"));
}

#[test]
fn a_gap_across_the_year_end_is_one_range() {
    // Our period runs July to June; last year's report ends in June, the
    // next one starts in January.
    let v = vendor(
        vec![
            type2("2024-07-01", "2025-06-30"),
            type2("2026-01-01", "2026-12-31"),
        ],
        None,
    );
    let c = coverage(&v, ReportType::Type2, period("2025-07-01", "2026-06-30"));
    assert_eq!(gaps(&c), [pair("2025-07-01", "2025-12-31")]);
    // July to December: 31 + 31 + 30 + 31 + 30 + 31.
    assert_eq!(c.gap_days(), 184);
}

#[test]
fn overlapping_reports_cover_their_union() {
    let v = vendor(
        vec![
            type2("2025-07-01", "2026-06-30"),
            type2("2025-01-01", "2025-12-31"),
        ],
        None,
    );
    let c = coverage(&v, ReportType::Type2, period("2025-04-01", "2026-03-31"));
    assert_eq!(c, Coverage::Covered);
    // A hole between two reports is named, however they are ordered.
    let v = vendor(
        vec![
            type2("2026-05-01", "2026-12-31"),
            type2("2025-04-01", "2026-03-31"),
        ],
        None,
    );
    let c = coverage(&v, ReportType::Type2, period("2026-01-01", "2026-12-31"));
    assert_eq!(gaps(&c), [pair("2026-04-01", "2026-04-30")]);
}

#[test]
fn a_bridge_letter_covers_from_the_latest_report_to_its_date() {
    let reports = vec![type2("2025-10-01", "2026-09-30")];
    // Part of the gap: 2026-10-01 to 11-15 bridged, the rest not.
    let v = vendor(reports.clone(), Some("2026-11-15"));
    let c = coverage(&v, ReportType::Type2, period("2026-01-01", "2026-12-31"));
    assert_eq!(gaps(&c), [pair("2026-11-16", "2026-12-31")]);
    assert_eq!(c.gap_days(), 46);
    // To the period's end (or past it): covered.
    let v = vendor(reports.clone(), Some("2026-12-31"));
    assert_eq!(
        coverage(&v, ReportType::Type2, period("2026-01-01", "2026-12-31")),
        Coverage::Covered
    );
    // A bridge letter dated before the report ends adds nothing.
    let v = vendor(reports, Some("2026-08-31"));
    let c = coverage(&v, ReportType::Type2, period("2026-01-01", "2026-12-31"));
    assert_eq!(c.gap_days(), 92);
}

#[test]
fn leap_days_are_counted() {
    // 2028 has 366 days; the report covers January and the first 28 days of
    // February (59 days), so 307 are left, from the 29th of February.
    let v = vendor(vec![type2("2027-03-01", "2028-02-28")], None);
    let c = coverage(&v, ReportType::Type2, period("2028-01-01", "2028-12-31"));
    assert_eq!(gaps(&c), [pair("2028-02-29", "2028-12-31")]);
    assert_eq!(c.gap_days(), 307);
}

#[test]
fn type_1_reports_do_not_show_operation_and_no_report_is_named() {
    let v = vendor(
        vec![report(ReportType::Type1, "2026-06-30", "2026-06-30")],
        None,
    );
    let c = coverage(&v, ReportType::Type2, period("2026-01-01", "2026-12-31"));
    assert_eq!(c.id(), "type1-only");
    let none = vendor(Vec::new(), None);
    assert_eq!(
        coverage(&none, ReportType::Type2, period("2026-01-01", "2026-12-31")).id(),
        "no-report"
    );
    // For our own Type I, a report on file is enough.
    assert_eq!(coverage(&v, ReportType::Type1, None), Coverage::Covered);
}

// ------------------------------------------------------------- opinion

fn question(id: &str, criteria: &[&str], role: Option<&str>) -> Value {
    let mut q = json!({
        "id": id, "text": format!("Is {id} done?"), "guidance": "g",
        "criteria": criteria, "weight": 3, "key": role.is_none(), "frequency": "continuous",
        "evidence": ["first item", "second item"],
        "remediation": {"steps": ["s"], "effort": "days"},
        "type2_proof": "p", "quick": false, "short": format!("The {id} control"),
    });
    match role {
        Some(r) => q["role"] = json!(r),
        None => q["key_reason"] = json!("no substitute"),
    }
    q
}

fn bank() -> Bank {
    let criteria = [
        ("CC1.1", "CC1"),
        ("CC2.1", "CC2"),
        ("CC6.1", "CC6"),
        ("CC6.3", "CC6"),
        ("CC8.1", "CC8"),
        ("CC9.2", "CC9"),
    ];
    let series = ["CC1", "CC2", "CC6", "CC8", "CC9"];
    let questions = vec![
        question("desc", &["CC2.1"], Some("description")),
        question("assert", &["CC2.1"], Some("assertion")),
        question("discl", &["CC2.1"], Some("disclosure")),
        question("env", &["CC1.1"], None),
        question("auth", &["CC6.1"], None),
        question("leaver", &["CC6.3"], None),
        question("chg", &["CC8.1"], None),
        question("vendors", &["CC9.2"], None),
    ];
    let doc = json!({
        "format": "soc2-readiness-bank", "format_version": 4, "id": "vendors",
        "version": "1", "title": "Vendor rules",
        "series": series.iter().map(|s| json!({
            "id": s, "category": "security", "name": format!("Series {s}")})).collect::<Vec<_>>(),
        "criteria": criteria.iter().map(|(id, series)| json!({
            "id": id, "series": series, "topic": format!("Topic of {id}"), "name": id,
            "one_question_reason": "a test bank"})).collect::<Vec<_>>(),
        "questions": questions,
    });
    Bank::from_json(&doc.to_string()).expect("the vendor bank is valid")
}

fn today() -> Day {
    day("2026-12-07")
}

/// Every control ready with evidence, operating since before a Type II
/// period of 2026-03-01 to 2026-11-30 (under way on 2026-12-07? no: ended).
fn clean(bank: &Bank) -> Assessment {
    let mut a = Assessment::new("v".into(), "V".into(), bank, "2026-01-01T00:00:00Z".into());
    a = reduce(&a, Action::SetReportType(ReportType::Type2));
    a = reduce(&a, Action::SetPeriod(period("2026-03-01", "2026-11-30")));
    for q in &bank.questions {
        a = reduce(&a, Action::SetStatus(q.id.clone(), Some(Status::Ready)));
        a = reduce(&a, Action::SetEvidence(q.id.clone(), 0, true));
        a = reduce(
            &a,
            Action::SetOperatingSince(q.id.clone(), Some(day("2026-01-01"))),
        );
    }
    a
}

fn with_vendor(a: &Assessment, v: Vendor) -> Assessment {
    reduce(a, Action::PutVendor(v))
}

fn judge(bank: &Bank, a: &Assessment) -> Evaluation {
    evaluate(bank, a, today())
}

fn cc92(bank: &Bank, e: &Evaluation) -> Option<Verdict> {
    let c = bank.criteria.iter().position(|c| c.id == "CC9.2")?;
    e.outcome.judgement(c).map(|j| j.verdict)
}

/// A carve-out vendor whose reviewed Type II report covers the period and
/// tests the control relied on.
fn covering() -> Vendor {
    vendor(vec![type2("2025-12-01", "2026-11-30")], None)
}

#[test]
fn a_covered_carve_out_vendor_changes_nothing() {
    let bank = bank();
    let a = with_vendor(&clean(&bank), covering());
    let e = judge(&bank, &a);
    assert_eq!(
        e.outcome.tier,
        Tier::Unmodified,
        "{:?}",
        e.outcome.summary(&bank)
    );
    assert_eq!(cc92(&bank, &e), Some(Verdict::Met));
    assert_eq!(e.outcome.vendors[0].verdict, VendorVerdict::NoAction);
    assert_eq!(e.outcome.vendors[0].coverage.id(), "covered");
}

#[test]
fn carve_out_controls_no_reviewed_report_tests_fail_cc9_2_and_the_description() {
    let bank = bank();
    // The report is on file but nobody reviewed it.
    let mut v = covering();
    v.reports[0].reviewed = None;
    let e = judge(&bank, &with_vendor(&clean(&bank), v));
    assert_eq!(cc92(&bank, &e), Some(Verdict::NotMet));
    assert_eq!(e.outcome.description.vendors, ["Cloudhost"]);
    assert_eq!(e.outcome.tier, Tier::Qualified);
    let c = bank.criteria.iter().position(|c| c.id == "CC9.2").unwrap();
    assert!(matches!(
        e.outcome.judgement(c).unwrap().basis,
        Basis::Subservice(ref names) if names == &["Cloudhost"]
    ));
    assert!(
        e.outcome
            .summary(&bank)
            .iter()
            .any(|l| l.contains("Cloudhost")),
        "{:?}",
        e.outcome.summary(&bank)
    );
    // Reviewed, but the report does not test the control relied on.
    let mut v = covering();
    v.csocs[0].tested = false;
    let e = judge(&bank, &with_vendor(&clean(&bank), v));
    assert_eq!(cc92(&bank, &e), Some(Verdict::NotMet));
    // No report at all.
    let e = judge(&bank, &with_vendor(&clean(&bank), vendor(Vec::new(), None)));
    assert_eq!(cc92(&bank, &e), Some(Verdict::NotMet));
    assert_eq!(e.outcome.vendors[0].coverage.id(), "no-report");
    // An adverse opinion shows the controls did not work.
    let mut v = covering();
    v.reports[0].opinion = VendorOpinion::Adverse;
    let e = judge(&bank, &with_vendor(&clean(&bank), v));
    assert_eq!(cc92(&bank, &e), Some(Verdict::NotMet));
}

#[test]
fn a_coverage_gap_is_an_exception_and_a_bridge_letter_closes_it() {
    let bank = bank();
    // The report ends on 2026-09-30; our period runs to 2026-11-30.
    let gap = vendor(vec![type2("2025-10-01", "2026-09-30")], None);
    let e = judge(&bank, &with_vendor(&clean(&bank), gap.clone()));
    assert_eq!(cc92(&bank, &e), Some(Verdict::Exceptions));
    // One of five criteria with exceptions: not more than a third.
    assert_eq!(e.outcome.tier, Tier::UnmodifiedWithExceptions);
    assert_eq!(
        gaps(&e.outcome.vendors[0].coverage),
        [pair("2026-10-01", "2026-11-30")]
    );
    assert!(e.outcome.description.vendors.is_empty());
    assert!(
        e.outcome
            .to_improve(&bank)
            .iter()
            .any(|l| l.contains("bridge letter") && l.contains("2026-11-30")),
        "{:?}",
        e.outcome.to_improve(&bank)
    );
    // A bridge letter to the period's end closes it.
    let mut bridged = gap;
    bridged.bridge_until = Some(day("2026-11-30"));
    let e = judge(&bank, &with_vendor(&clean(&bank), bridged));
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    assert_eq!(e.outcome.vendors[0].coverage.id(), "covered");
}

#[test]
fn a_type_1_vendor_report_is_an_exception_for_a_type_2() {
    let bank = bank();
    let v = vendor(
        vec![report(ReportType::Type1, "2026-06-30", "2026-06-30")],
        None,
    );
    let e = judge(&bank, &with_vendor(&clean(&bank), v));
    assert_eq!(e.outcome.vendors[0].coverage.id(), "type1-only");
    assert_eq!(cc92(&bank, &e), Some(Verdict::Exceptions));
}

#[test]
fn a_qualified_vendor_opinion_or_an_exception_on_a_relied_on_control_is_flagged() {
    let bank = bank();
    let mut v = covering();
    v.reports[0].opinion = VendorOpinion::Qualified;
    let e = judge(&bank, &with_vendor(&clean(&bank), v));
    assert_eq!(e.outcome.vendors[0].verdict, VendorVerdict::Exception);
    assert_eq!(cc92(&bank, &e), Some(Verdict::Exceptions));
    assert!(e.outcome.vendors[0].notes[0].contains("qualified"));
    let mut v = covering();
    v.csocs[0].exception = true;
    let e = judge(&bank, &with_vendor(&clean(&bank), v));
    assert_eq!(cc92(&bank, &e), Some(Verdict::Exceptions));
    assert!(
        e.outcome.vendors[0]
            .notes
            .iter()
            .any(|n| n.contains("Physical security"))
    );
}

#[test]
fn a_carve_out_vendor_without_controls_listed_is_a_finding_on_the_description_only() {
    let bank = bank();
    let mut v = covering();
    v.csocs.clear();
    let e = judge(&bank, &with_vendor(&clean(&bank), v));
    assert_eq!(
        e.outcome.vendors[0].verdict,
        VendorVerdict::DescriptionFinding
    );
    assert_eq!(cc92(&bank, &e), Some(Verdict::Met));
    assert_eq!(e.outcome.tier, Tier::Qualified);
    assert!(e.outcome.headline(&bank).contains("description"));
}

#[test]
fn inclusive_and_other_vendors_do_not_move_the_opinion() {
    let bank = bank();
    let mut inclusive = vendor(Vec::new(), None);
    inclusive.treatment = Treatment::Inclusive;
    let e = judge(&bank, &with_vendor(&clean(&bank), inclusive));
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    // No report for a subservice organisation still needs attention.
    assert_eq!(e.outcome.vendors[0].verdict, VendorVerdict::Attention);
    let mut other = vendor(Vec::new(), None);
    other.treatment = Treatment::NotSubservice;
    let e = judge(&bank, &with_vendor(&clean(&bank), other));
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    assert_eq!(e.outcome.vendors[0].verdict, VendorVerdict::NoAction);
}

#[test]
fn the_register_judges_cc9_2_even_with_its_questions_unanswered() {
    let bank = bank();
    let mut a = clean(&bank);
    a = reduce(
        &a,
        Action::SetStatus("vendors".into(), Some(Status::NotApplicable)),
    );
    a = reduce(
        &a,
        Action::SetJustification("vendors".into(), "none".into()),
    );
    let mut v = covering();
    v.reports.clear();
    let e = judge(&bank, &with_vendor(&a, v));
    assert_eq!(cc92(&bank, &e), Some(Verdict::NotMet));
}

#[test]
fn a_control_a_vendor_asks_of_us_that_is_not_in_place_needs_attention() {
    let bank = bank();
    let mut v = covering();
    v.cuecs.push(Cuec {
        text: "Enable MFA for console users".into(),
        question: "auth".into(),
    });
    let a = with_vendor(&clean(&bank), v);
    let e = judge(&bank, &a);
    assert_eq!(e.outcome.vendors[0].verdict, VendorVerdict::NoAction);
    let a = reduce(&a, Action::SetStatus("auth".into(), Some(Status::Planned)));
    let e = judge(&bank, &a);
    assert_eq!(e.outcome.vendors[0].verdict, VendorVerdict::Attention);
    assert!(e.outcome.vendors[0].notes[0].contains("Enable MFA"));
}

#[test]
fn a_type_1_engagement_ignores_days_but_not_the_controls_relied_on() {
    let bank = bank();
    let mut a = clean(&bank);
    a = reduce(&a, Action::SetReportType(ReportType::Type1));
    let gap = vendor(vec![type2("2024-01-01", "2024-12-31")], None);
    let e = judge(&bank, &with_vendor(&a, gap));
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    let e = judge(&bank, &with_vendor(&a, vendor(Vec::new(), None)));
    assert_eq!(cc92(&bank, &e), Some(Verdict::NotMet));
}

// ------------------------------------------------------------- commitments

#[test]
fn a_commitment_is_at_risk_while_a_control_behind_it_is_not_ready() {
    let bank = bank();
    let c = Commitment {
        id: "c1".into(),
        kind: CommitmentKind::Availability,
        text: "99.9% monthly uptime".into(),
        supports: vec!["auth".into(), "CC8.1".into()],
    };
    let a = clean(&bank);
    let e = judge(&bank, &a);
    let s = commitment::standing(&c, &bank, &a, &e.outcome);
    assert_eq!(s.id(), "ok", "{:?}", s.reasons);
    let a = reduce(&a, Action::SetStatus("auth".into(), Some(Status::Partial)));
    let e = judge(&bank, &a);
    let s = commitment::standing(&c, &bank, &a, &e.outcome);
    assert_eq!(s.id(), "at-risk");
    assert!(s.reasons[0].contains("Partly in place"), "{:?}", s.reasons);
    // A linked criterion not met puts it at risk too.
    let a = reduce(
        &clean(&bank),
        Action::SetStatus("chg".into(), Some(Status::Missing)),
    );
    let e = judge(&bank, &a);
    let s = commitment::standing(&c, &bank, &a, &e.outcome);
    assert!(
        s.reasons.iter().any(|r| r.starts_with("CC8.1")),
        "{:?}",
        s.reasons
    );
    // Nothing linked: nothing shows it is kept.
    let bare = Commitment {
        supports: Vec::new(),
        ..c
    };
    assert!(commitment::standing(&bare, &bank, &a, &e.outcome).at_risk);
}

// ------------------------------------------------------------- description

fn full_draft(bank: &Bank) -> Assessment {
    let mut a = clean(bank);
    a = reduce(&a, Action::SetSystem("Acme API".into()));
    a = reduce(&a, Action::SetOrganisation("Acme Ltd".into()));
    a = with_vendor(&a, covering());
    a = reduce(
        &a,
        Action::PutCommitment(Commitment {
            id: "c1".into(),
            kind: CommitmentKind::Deletion,
            text: "Deleted within 30 days".into(),
            supports: vec!["chg".into()],
        }),
    );
    let mut d = DescriptionDraft::default();
    for (k, v) in [
        ("services", "An API for invoices, used by small firms."),
        ("boundaries", "The API; not the marketing site."),
        (
            "governance",
            "The CTO owns security; quarterly risk review.",
        ),
        ("components.infrastructure", "Cloudhost, one region"),
        ("components.software", "Rust services"),
        ("components.people", "Six engineers"),
        ("components.procedures", "Runbooks in the wiki"),
        ("components.data", "Invoices and contacts"),
    ] {
        d.texts.insert(k.into(), v.into());
    }
    d.incidents.push(Event {
        day: day("2026-04-02"),
        summary: "Phishing of one account".into(),
    });
    d.none.insert("changes".into());
    d.user_controls
        .push("Customers manage their own users".into());
    reduce(&a, Action::SetDescription(d))
}

#[test]
fn the_draft_fills_every_part_from_its_field() {
    let bank = bank();
    let a = full_draft(&bank);
    let draft = description::assemble(&bank, &a);
    assert_eq!(draft.title, "System description: Acme API");
    assert_eq!(draft.missing().count(), 0, "{:?}", draft.parts);
    let part = |id: &str| draft.parts.iter().find(|p| p.id == id).unwrap();
    assert!(
        part("services")
            .facts
            .contains(&"System: Acme API".to_owned())
    );
    assert_eq!(
        part("services").text,
        "An API for invoices, used by small firms."
    );
    assert_eq!(
        part("commitments").facts,
        ["Deletion of customer data: Deleted within 30 days"]
    );
    assert!(
        part("components")
            .facts
            .contains(&"Data: Invoices and contacts".to_owned())
    );
    assert_eq!(
        part("subservice").facts,
        ["Cloudhost (Hosting): carved out of this report"]
    );
    assert_eq!(
        part("csocs").facts,
        ["Cloudhost: Physical security of the data centres"]
    );
    assert_eq!(
        part("user_controls").facts,
        ["Customers manage their own users"]
    );
    assert_eq!(
        part("incidents").facts,
        ["2026-04-02: Phishing of one account"]
    );
    assert_eq!(part("changes").facts, ["None"]);
    assert!(part("criteria").facts[0].contains("Security"));
    let md = description::to_markdown(&draft);
    for heading in description::PARTS.iter().map(|p| p.heading) {
        assert!(md.contains(&format!("## {heading}\n")), "{heading}");
    }
    assert!(!md.contains("Missing"));
    assert_eq!(judge(&bank, &a).outcome.tier, Tier::Unmodified);
}

#[test]
fn missing_parts_are_named_and_become_findings_once_the_draft_is_started() {
    let bank = bank();
    // Nothing written: the parts are missing, but the draft is not the
    // description the app judges yet.
    let a = clean(&bank);
    let draft = description::assemble(&bank, &a);
    assert!(!draft.started);
    let missing: Vec<&str> = draft.missing().map(|p| p.id).collect();
    assert_eq!(
        missing,
        [
            "services",
            "commitments",
            "components",
            "boundaries",
            "governance",
            "subservice",
            "csocs",
            "user_controls",
            "incidents",
            "changes"
        ]
    );
    assert_eq!(judge(&bank, &a).outcome.tier, Tier::Unmodified);
    // Started, with the boundaries and the data component left out.
    let mut a = full_draft(&bank);
    let mut d = a.description.clone();
    d.texts.remove("boundaries");
    d.texts.remove("components.data");
    a = reduce(&a, Action::SetDescription(d));
    let draft = description::assemble(&bank, &a);
    let missing: Vec<(&str, String)> = draft
        .missing()
        .map(|p| (p.id, p.missing.clone().unwrap()))
        .collect();
    assert_eq!(
        missing,
        [
            ("components", "describe: data".to_owned()),
            ("boundaries", "write this part".to_owned())
        ]
    );
    let e = judge(&bank, &a);
    assert_eq!(e.outcome.description.parts, ["components", "boundaries"]);
    assert_eq!(e.outcome.tier, Tier::Qualified);
    assert!(description::to_markdown(&draft).contains("_Missing: write this part._"));
}

#[test]
fn changes_are_optional_for_a_type_1() {
    let bank = bank();
    let mut a = full_draft(&bank);
    let mut d = a.description.clone();
    d.none.clear();
    a = reduce(&a, Action::SetDescription(d));
    assert_eq!(
        description::assemble(&bank, &a)
            .missing()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        ["changes"]
    );
    a = reduce(&a, Action::SetReportType(ReportType::Type1));
    assert_eq!(description::assemble(&bank, &a).missing().count(), 0);
}

#[test]
fn vendors_and_commitments_are_edited_by_id() {
    let bank = bank();
    let a = with_vendor(&clean(&bank), covering());
    let mut renamed = covering();
    renamed.name = "Cloudhost Inc".into();
    let a = reduce(&a, Action::PutVendor(renamed));
    assert_eq!(a.vendors.len(), 1);
    assert_eq!(a.vendors[0].name, "Cloudhost Inc");
    let a = reduce(&a, Action::RemoveVendor("v1".into()));
    assert!(a.vendors.is_empty());
    assert_eq!(soc2_readiness::core::vendor::next_id(&[covering()]), "v2");
}

#[test]
fn without_the_register_rules_an_assessment_with_a_register_is_not_judged() {
    use soc2_readiness::core::evaluate::evaluate_with;
    use soc2_readiness::core::outcome::ScopeProblem;
    let bank = bank();
    // Nothing in the register: the rules are not needed.
    let e = evaluate_with(&bank, &clean(&bank), today(), None);
    assert_eq!(e.outcome.tier, Tier::Unmodified);
    // A vendor, and the rules not loaded: said, never judged without them.
    let a = with_vendor(&clean(&bank), vendor(Vec::new(), None));
    let e = evaluate_with(&bank, &a, today(), None);
    assert_eq!(e.outcome.tier, Tier::CannotJudge);
    assert_eq!(e.outcome.scope_problems, [ScopeProblem::RegisterPending]);
    assert!(e.outcome.vendors.is_empty());
}

/// Six vendors against a Type II period of 2026 (under way on 2026-12-07),
/// each with the verdict an auditor would give and why, in
/// `tests/fixtures/vendors/six-vendors.expected.json`.
#[test]
fn six_vendors_get_the_verdicts_an_auditor_gives() {
    let bank = bank();
    let file = include_str!("fixtures/vendors/six-vendors.json");
    let expected: Value =
        serde_json::from_str(include_str!("fixtures/vendors/six-vendors.expected.json")).unwrap();
    let imported = soc2_readiness::core::exchange::import_json(file.as_bytes(), &bank)
        .expect("the fixture imports");
    assert_eq!(imported.vendors.len(), 6);
    let mut a = clean(&bank);
    a = reduce(&a, Action::SetPeriod(period("2026-01-01", "2026-12-31")));
    for v in imported.vendors {
        a = with_vendor(&a, v);
    }
    let e = judge(&bank, &a);
    for (v, s) in a.vendors.iter().zip(&e.outcome.vendors) {
        let want = &expected[&v.id];
        assert_eq!(
            s.coverage.id(),
            want["coverage"],
            "{}: {}",
            v.name,
            want["why"]
        );
        assert_eq!(
            s.verdict.id(),
            want["verdict"],
            "{}: {}",
            v.name,
            want["why"]
        );
    }
    assert_eq!(cc92(&bank, &e).map(|v| v.id()), expected["cc9.2"].as_str());
    assert_eq!(e.outcome.tier.id(), expected["tier"]);
    assert_eq!(e.outcome.description.vendors, ["Backupco"]);
}
