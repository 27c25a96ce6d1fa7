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

    // The quarterly review recurs twice over the period, from its first day.
    let review = by_summary("cc6-quarterly-access-review");
    assert_eq!(property(review, "DTSTART"), Some("20260101"));
    assert_eq!(
        property(review, "RRULE"),
        Some("FREQ=MONTHLY;INTERVAL=3;COUNT=2")
    );
    // The gap's due date.
    let gap = by_summary("gap due: cc1-code-of-conduct");
    assert_eq!(property(gap, "DTSTART"), Some("20260215"));
    // Evidence collected 2025-10-01, valid 12 months, expires 2026-10-01.
    let expiry = by_summary("evidence expires: cc1-code-of-conduct");
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
            property(e, "SUMMARY").is_some_and(|s| s.contains("cc6-quarterly-access-review"))
        })
        .filter_map(|e| property(e, "DTSTART"))
        .collect();
    // RRULE would skip months without a 31st; the windows start 31 Jan and 30 Apr.
    assert_eq!(starts, ["20260131", "20260430"]);
}
