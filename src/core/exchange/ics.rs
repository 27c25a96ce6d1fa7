//! An iCalendar file (RFC 5545) of an assessment's dates, so reminders live
//! in the user's own calendar with no account and no server: the due dates
//! of open gaps, the occurrences of periodic controls (as recurrences), the
//! days collected evidence expires, and a yearly re-assessment.
//!
//! Every event is a whole day (`VALUE=DATE`), so no time zone is needed.
//! Lines end in CRLF and are folded at 75 octets; text is escaped.

use crate::core::assessment::Assessment;
use crate::core::bank::Bank;
use crate::core::cadence::{Frequency, Occurrences};
use crate::core::date::Day;
use crate::core::evaluate::Evaluation;
use crate::core::operation::{dated_evidence, type2_period};

/// The calendar file's media type.
pub const ICS_MIME: &str = "text/calendar;charset=utf-8";

/// `PRODID` of the files the app writes.
pub const PRODID: &str = "-//soc2-readiness//Readiness calendar//EN";

struct Event {
    uid: String,
    day: Day,
    summary: String,
    description: String,
    rrule: Option<String>,
}

/// The calendar of `assessment`, stamped and built as of `today`.
pub fn calendar(bank: &Bank, assessment: &Assessment, eval: &Evaluation, today: Day) -> String {
    let mut events = Vec::new();
    let short = |ix: usize| {
        bank.questions
            .get(ix)
            .map_or(String::new(), |q| q.text.clone())
    };
    // Question ids go into UIDs only through `uid_part`, and into text
    // only escaped: a custom bank's id is never written as it is.
    let id = |ix: usize| {
        bank.questions
            .get(ix)
            .map_or(String::new(), |q| uid_part(&q.id))
    };
    let title = |ix: usize| bank.questions.get(ix).map_or("", |q| q.title());

    for gap in &eval.roadmap.gaps {
        if let Some(due) = gap.due {
            events.push(Event {
                uid: format!("gap-{}", id(gap.question)),
                day: due,
                summary: format!("SOC 2 gap due: {}", title(gap.question)),
                description: format!("{} ({})", short(gap.question), gap.describe()),
                rrule: None,
            });
        }
    }

    // Periodic controls: over the Type II period, else for a year from the
    // first day of next month.
    let (from, to) = match type2_period(assessment) {
        Some(p) => (p.start, p.end),
        None => {
            let (y, m, _) = today.ymd();
            let first = Day::from_ymd(y, m, 1).unwrap_or(today).add_months(1);
            (first, first.add_months(12).add_days(-1))
        }
    };
    for (ix, q) in bank.questions.iter().enumerate() {
        // Automated controls run by themselves: no reminder to run them.
        let Some(f) = q.frequency.filter(|_| q.is_periodic()) else {
            continue;
        };
        if !assessment.asks(q)
            || assessment.status(&q.id) == Some(crate::core::Status::NotApplicable)
        {
            continue;
        }
        let Some(o) = Occurrences::over(f, from, to, [], today) else {
            continue;
        };
        // On the first day of each window: run it before the next starts.
        let summary = format!("SOC 2 {} control: run {}", f.label(), q.title());
        let description = format!(
            "{} Run it before the next window starts, then record the day it ran in the \
             assessment.",
            short(ix)
        );
        let first = o.windows.first().map_or(from, |w| w.first);
        match recurrence(f, first, o.expected()) {
            Some(rule) => events.push(Event {
                uid: format!("run-{}", id(ix)),
                day: first,
                summary,
                description,
                rrule: Some(rule),
            }),
            // A due day late in the month recurs unevenly under RRULE (months
            // without that day are skipped), so each window gets its own event.
            None => {
                for (k, w) in o.windows.iter().enumerate() {
                    events.push(Event {
                        uid: format!("run-{}-{}", id(ix), k + 1),
                        day: w.first,
                        summary: summary.clone(),
                        description: description.clone(),
                        rrule: None,
                    });
                }
            }
        }
    }

    for (answered, answer) in &assessment.answers {
        let Some(q) = bank.question(answered) else {
            continue;
        };
        for (item, collected, valid_until) in dated_evidence(q, answer) {
            let months = q
                .evidence_valid_months
                .get(item)
                .copied()
                .flatten()
                .unwrap_or_default();
            events.push(Event {
                uid: format!("evidence-{}-{item}", uid_part(&q.id)),
                day: valid_until.add_days(1),
                summary: format!("SOC 2 evidence expires: {}", q.title()),
                description: format!(
                    "{} (collected {collected}, valid {months} months). {}",
                    q.evidence.get(item).map_or("", String::as_str),
                    q.text
                ),
                rrule: None,
            });
        }
    }

    events.push(Event {
        uid: "reassess".to_owned(),
        day: today.add_months(12),
        summary: format!("Re-assess SOC 2 readiness: {}", assessment.name),
        description: "Open the assessment, review every answer and export a new copy.".to_owned(),
        rrule: Some("FREQ=YEARLY".to_owned()),
    });

    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        &format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape(&format!("SOC 2: {}", assessment.name))
        ),
    );
    let stamp = format!("{}T000000Z", compact(today));
    for e in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(
            &mut out,
            &format!("UID:{}-{}@soc2-readiness", safe_uid(&assessment.id), e.uid),
        );
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", compact(e.day)));
        push_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", compact(e.day.add_days(1))),
        );
        if let Some(rule) = e.rrule {
            push_line(&mut out, &format!("RRULE:{rule}"));
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        push_line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// The RRULE for `count` occurrences from `first`, when the recurrence
/// lands on the same days as the windows (no month-end clamping).
fn recurrence(f: Frequency, first: Day, count: u32) -> Option<String> {
    let (freq, interval) = match f {
        Frequency::Daily => ("DAILY", 1),
        Frequency::Weekly => ("WEEKLY", 1),
        Frequency::Monthly => ("MONTHLY", 1),
        Frequency::Quarterly => ("MONTHLY", 3),
        Frequency::SemiAnnual => ("MONTHLY", 6),
        Frequency::Annual => ("YEARLY", 1),
        Frequency::Continuous | Frequency::PerEvent => return None,
    };
    let (_, _, d) = first.ymd();
    if d > 28 && !matches!(f, Frequency::Daily | Frequency::Weekly) {
        return None;
    }
    Some(if interval == 1 {
        format!("FREQ={freq};COUNT={count}")
    } else {
        format!("FREQ={freq};INTERVAL={interval};COUNT={count}")
    })
}

/// 2026-12-31 → 20261231.
fn compact(day: Day) -> String {
    let (y, m, d) = day.ymd();
    format!("{y:04}{m:02}{d:02}")
}

/// A question id as a UID part: a kebab-case id of at most 64 characters as
/// it is (stable and readable), anything else as the UUIDv5 of the id, so
/// no character of a custom bank's id reaches a content line.
fn uid_part(id: &str) -> String {
    if crate::core::bank::is_kebab_case(id) && id.len() <= 64 {
        id.to_owned()
    } else {
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_OID, id.as_bytes())
            .simple()
            .to_string()
    }
}

/// An assessment id as a UID part: letters, digits and hyphens only.
fn safe_uid(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(64)
        .collect()
}

/// TEXT escaping (RFC 5545 3.3.11); control characters other than line
/// breaks are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no line exceeds 75 octets (RFC 5545
/// 3.1), never inside a UTF-8 character.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}
