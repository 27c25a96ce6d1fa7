//! The reducer: every user edit goes through `core::reduce`.

use soc2_readiness::core::assessment::{Period, QuestionPath, ReportType, ScopeItem};
use soc2_readiness::core::{Action, Assessment, Bank, Category, Day, Status, reduce};

fn bank() -> Bank {
    Bank::from_json(include_str!("fixtures/mini-bank.json")).unwrap()
}

fn fresh(bank: &Bank) -> Assessment {
    Assessment::new(
        "a".into(),
        "Initial".into(),
        bank,
        "2026-01-01T00:00:00Z".into(),
    )
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

#[test]
fn answering_records_status_and_details_without_touching_the_original() {
    let bank = bank();
    let a = fresh(&bank);
    let b = reduce(
        &a,
        Action::SetStatus("cc6-mfa".into(), Some(Status::Partial)),
    );
    let b = reduce(&b, Action::SetOwner("cc6-mfa".into(), "Dana".into()));
    let b = reduce(
        &b,
        Action::SetDue("cc6-mfa".into(), Some(day("2026-03-01"))),
    );
    let b = reduce(&b, Action::SetEvidence("cc6-mfa".into(), 1, true));
    assert_eq!(a.status("cc6-mfa"), None, "reduce is pure");
    let answer = b.answer("cc6-mfa").unwrap();
    assert_eq!(answer.status, Some(Status::Partial));
    assert_eq!(answer.owner, "Dana");
    assert_eq!(answer.due, Some(day("2026-03-01")));
    assert!(answer.evidence.contains(&1));
}

#[test]
fn clearing_every_field_removes_the_answer() {
    let bank = bank();
    let a = reduce(
        &fresh(&bank),
        Action::SetStatus("cc1-conduct".into(), Some(Status::Ready)),
    );
    let a = reduce(&a, Action::SetStatus("cc1-conduct".into(), None));
    assert!(a.answers.is_empty());
}

#[test]
fn security_cannot_leave_the_scope_but_optional_categories_can() {
    let bank = bank();
    let a = reduce(
        &fresh(&bank),
        Action::SetCategory(Category::Security, false),
    );
    assert!(a.scope.categories.contains(&Category::Security));
    let a = reduce(&a, Action::SetCategory(Category::Availability, true));
    assert!(a.scope.categories.contains(&Category::Availability));
    let a = reduce(&a, Action::SetCategory(Category::Availability, false));
    assert!(!a.scope.categories.contains(&Category::Availability));
}

#[test]
fn answers_of_questions_leaving_the_scope_are_kept_for_when_they_return() {
    let bank = bank();
    let a = reduce(
        &fresh(&bank),
        Action::SetCategory(Category::Availability, true),
    );
    let a = reduce(
        &a,
        Action::SetStatus("a1-backups".into(), Some(Status::Missing)),
    );
    let asked = |a: &Assessment| a.asked(&bank).map(|q| q.id.clone()).collect::<Vec<_>>();
    assert!(asked(&a).contains(&"a1-backups".to_owned()));

    let a = reduce(&a, Action::SetCategory(Category::Availability, false));
    assert!(!asked(&a).contains(&"a1-backups".to_owned()));
    let a = reduce(&a, Action::SetCategory(Category::Availability, true));
    assert_eq!(a.status("a1-backups"), Some(Status::Missing));
}

#[test]
fn the_quick_path_asks_only_quick_questions() {
    let bank = bank();
    let a = reduce(&fresh(&bank), Action::SetPath(QuestionPath::Quick));
    let asked: Vec<_> = a.asked(&bank).map(|q| q.id.as_str()).collect();
    assert_eq!(asked, ["cc1-conduct", "cc6-mfa"]);
}

#[test]
fn scope_edits_change_only_the_scope() {
    let bank = bank();
    let period = Period {
        start: day("2026-01-01"),
        end: day("2026-06-30"),
    };
    let a = fresh(&bank);
    let b = reduce(&a, Action::SetReportType(ReportType::Type2));
    let b = reduce(&b, Action::SetPeriod(Some(period)));
    let b = reduce(&b, Action::SetScopeItem(ScopeItem::People, false));
    let b = reduce(&b, Action::SetOrganisation("Acme".into()));
    assert_eq!(b.scope.report_type, ReportType::Type2);
    assert_eq!(b.scope.period, Some(period));
    assert!(!b.scope.in_scope.contains(&ScopeItem::People));
    assert_eq!(b.scope.organisation, "Acme");
    assert_eq!(b.answers, a.answers);
}

#[test]
fn observation_periods_must_be_three_to_twelve_months() {
    let p = |s, e| {
        Period {
            start: day(s),
            end: day(e),
        }
        .problem()
    };
    assert_eq!(p("2026-01-01", "2026-03-31"), None);
    assert_eq!(p("2026-01-01", "2026-12-31"), None);
    assert!(
        p("2026-01-01", "2026-03-30")
            .unwrap()
            .contains("3 to 12 months")
    );
    assert!(
        p("2026-01-01", "2027-01-01")
            .unwrap()
            .contains("3 to 12 months")
    );
    assert!(p("2026-06-01", "2026-01-01").unwrap().contains("end after"));
}

#[test]
fn a_status_id_is_the_name_files_use() {
    for status in Status::ALL {
        let written = serde_json::to_value(status).unwrap();
        assert_eq!(written, serde_json::json!(status.id()));
    }
}
