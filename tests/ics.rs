//! The calendar file: RFC 5545 line rules, and read back by an independent
//! parser (the `ical` crate) with the events a user expects.

use soc2_readiness::core::assessment::{Action, Assessment, Period, ReportType, Status, reduce};
use soc2_readiness::core::builtin_bank;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::evaluate::evaluate;
use soc2_readiness::core::exchange::ics::calendar;

fn day(text: &str) -> Day {
    Day::parse(text).expect("a valid test date")
}

fn property<'a>(
    event: &'a ical::parser::ical::component::IcalEvent,
    name: &str,
) -> Option<&'a str> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

/// A Type II assessment over the first half of 2026, with one gap due,
/// one piece of dated evidence and a name that needs escaping.
fn sample() -> (String, Assessment) {
    let bank = builtin_bank().unwrap();
    let mut a = Assessment::new(
        "a-1".into(),
        "Acme, spring; \"final\"\nrun".into(),
        &bank,
        "2026-01-01T00:00:00Z".into(),
    );
    a = reduce(&a, Action::SetReportType(ReportType::Type2));
    a = reduce(
        &a,
        Action::SetPeriod(Some(Period {
            start: day("2026-01-01"),
            end: day("2026-06-30"),
        })),
    );
    let review = "cc6-quarterly-access-review".to_owned();
    a = reduce(&a, Action::SetStatus(review.clone(), Some(Status::Ready)));
    let conduct = "cc1-code-of-conduct".to_owned();
    a = reduce(
        &a,
        Action::SetStatus(conduct.clone(), Some(Status::Partial)),
    );
    a = reduce(&a, Action::SetDue(conduct.clone(), Some(day("2026-02-15"))));
    a = reduce(&a, Action::SetEvidence(conduct.clone(), 0, true));
    a = reduce(
        &a,
        Action::SetCollected(conduct, 0, Some(day("2025-10-01"))),
    );
    let today = day("2026-01-10");
    let e = evaluate(&bank, &a, today);
    (calendar(&bank, &a, &e, today), a)
}

#[test]
fn every_line_ends_in_crlf_and_fits_75_octets() {
    let (text, _) = sample();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
    // Folded lines continue with one space.
    assert!(text.contains("\r\n "));
}

#[test]
fn a_parser_reads_back_the_dates_a_user_expects() {
    let (text, _) = sample();
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none());
    let events = &cal.events;

    // Every event has a unique UID, a stamp and a whole-day start.
    let mut uids: Vec<&str> = events.iter().filter_map(|e| property(e, "UID")).collect();
    assert_eq!(uids.len(), events.len());
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    for e in events {
        assert_eq!(property(e, "DTSTAMP"), Some("20260110T000000Z"));
        let start = e.properties.iter().find(|p| p.name == "DTSTART").unwrap();
        let params = start.params.as_ref().expect("VALUE=DATE");
        assert!(params.iter().any(|(k, v)| k == "VALUE" && v == &["DATE"]));
    }
    let by_summary = |s: &str| {
        events
            .iter()
            .find(|e| property(e, "SUMMARY").is_some_and(|x| x.contains(s)))
            .unwrap_or_else(|| panic!("no event {s}"))
    };

    // Events name controls by their short titles.
    let bank = builtin_bank().unwrap();
    let title = |id: &str| bank.question(id).unwrap().title().to_owned();
    // The quarterly review recurs twice over the period, from its first day.
    let review = by_summary(&format!("run {}", title("cc6-quarterly-access-review")));
    assert_eq!(property(review, "DTSTART"), Some("20260101"));
    assert_eq!(
        property(review, "RRULE"),
        Some("FREQ=MONTHLY;INTERVAL=3;COUNT=2")
    );
    // The gap's due date.
    let gap = by_summary(&format!("gap due: {}", title("cc1-code-of-conduct")));
    assert_eq!(property(gap, "DTSTART"), Some("20260215"));
    // Evidence collected 2025-10-01, valid 12 months, expires 2026-10-01.
    let expiry = by_summary(&format!(
        "evidence expires: {}",
        title("cc1-code-of-conduct")
    ));
    assert_eq!(property(expiry, "DTSTART"), Some("20261001"));
    // A yearly re-assessment from a year on.
    let again = by_summary("Re-assess");
    assert_eq!(property(again, "DTSTART"), Some("20270110"));
    assert_eq!(property(again, "RRULE"), Some("FREQ=YEARLY"));

    // Text is escaped: the name's comma, semicolon and line break survive.
    let name = cal
        .properties
        .iter()
        .find(|p| p.name == "X-WR-CALNAME")
        .and_then(|p| p.value.clone())
        .unwrap();
    assert_eq!(name, "SOC 2: Acme\\, spring\\; \"final\"\\nrun");
}

#[test]
fn a_due_day_late_in_the_month_gets_one_event_per_window() {
    let bank = builtin_bank().unwrap();
    let mut a = Assessment::new("b".into(), "B".into(), &bank, "2026-01-01T00:00:00Z".into());
    a = reduce(&a, Action::SetReportType(ReportType::Type2));
    a = reduce(
        &a,
        Action::SetPeriod(Some(Period {
            start: day("2026-01-31"),
            end: day("2026-07-30"),
        })),
    );
    let today = day("2026-01-31");
    let text = calendar(&bank, &a, &evaluate(&bank, &a, today), today);
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser.next().unwrap().unwrap();
    let starts: Vec<&str> = cal
        .events
        .iter()
        .filter(|e| {
            property(e, "SUMMARY").is_some_and(|s| s.contains("run Quarterly access review"))
        })
        .filter_map(|e| property(e, "DTSTART"))
        .collect();
    // RRULE would skip months without a 31st; the windows start 31 Jan and 30 Apr.
    assert_eq!(starts, ["20260131", "20260430"]);
}

/// A custom bank whose question ids are not kebab-case: they never reach a
/// content line as they are.
fn custom_bank(id: &str) -> String {
    serde_json::json!({
        "format": "soc2-readiness-bank", "format_version": 3, "id": "hostile", "version": "1",
        "title": "Hostile",
        "series": [{"id": "CC6", "category": "security", "name": "Access"}],
        "criteria": [{"id": "CC6.1", "series": "CC6", "topic": "Access",
                      "one_question_reason": "a test"}],
        "questions": [{"id": id, "text": "Reviewed?", "guidance": "g", "criteria": ["CC6.1"],
                       "weight": 3, "key": false, "frequency": "quarterly",
                       "evidence": [{"text": "record", "valid_months": 3}],
                       "remediation": {"steps": ["s"], "effort": "days"},
                       "type2_proof": "p", "quick": false}],
    })
    .to_string()
}

#[test]
fn a_bank_id_with_line_breaks_is_refused_at_load() {
    use soc2_readiness::core::Bank;
    for id in [
        "q1\r\nATTACH:https://evil.example/payload",
        "q1\nX-INJECTED:yes",
        "q1\rX-INJECTED:yes",
        "q1\u{2028}x",
        "q1\u{202e}x",
        "q1\u{85}x",
    ] {
        let message = Bank::from_json(&custom_bank(id)).unwrap_err().to_string();
        assert!(message.contains("invisible character"), "{message}");
        assert!(
            !message.contains("ATTACH"),
            "the message quotes no line: {message}"
        );
    }
}

#[test]
fn every_content_line_of_a_hostile_banks_calendar_is_a_known_property() {
    use soc2_readiness::core::Bank;
    // Loadable, but not kebab-case: colons, semicolons, spaces, and long
    // enough that its line folds inside the id.
    let id = format!("Q 1;ATTACH:https://evil.example/{}", "x".repeat(80));
    let bank = Bank::from_json(&custom_bank(&id)).expect("loads");
    let mut a = Assessment::new(
        "a-1".into(),
        "A".into(),
        &bank,
        "2026-01-01T00:00:00Z".into(),
    );
    a = reduce(&a, Action::SetStatus(id.clone(), Some(Status::Partial)));
    a = reduce(&a, Action::SetDue(id.clone(), Some(day("2026-03-01"))));
    a = reduce(&a, Action::SetEvidence(id.clone(), 0, true));
    a = reduce(
        &a,
        Action::SetCollected(id.clone(), 0, Some(day("2026-01-05"))),
    );
    let today = day("2026-01-10");
    let text = calendar(&bank, &a, &evaluate(&bank, &a, today), today);
    let known = [
        "BEGIN:",
        "END:",
        "VERSION:",
        "PRODID:",
        "CALSCALE:",
        "METHOD:",
        "X-WR-CALNAME:",
        "UID:",
        "DTSTAMP:",
        "DTSTART;",
        "DTEND;",
        "RRULE:",
        "SUMMARY:",
        "DESCRIPTION:",
        "TRANSP:",
        " ",
    ];
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(
            known.iter().any(|k| line.starts_with(k)),
            "unexpected line: {line}"
        );
        assert!(!line.contains('\r') && !line.contains('\n'));
    }
    assert!(!text.contains("\r\nATTACH"));
    // The UIDs carry no character of the id: a UUIDv5 stands in for it.
    for uid in text.split("\r\n").filter(|l| l.starts_with("UID:")) {
        assert!(!uid.contains("ATTACH") && !uid.contains(' '), "{uid}");
    }
    // Three events for the control (gap, run reminder, expiry) and the
    // re-assessment, read back by an independent parser.
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = parser.next().expect("one calendar").expect("it parses");
    assert_eq!(cal.events.len(), 4);
}
