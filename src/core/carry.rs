//! Carrying answers to a newer bank version.
//!
//! Question ids never change once shipped, but a new bank version may stop
//! asking one: a merged duplicate, or a compound question split in parts.
//! The bank lists such ids as retired, with their successors. An assessment
//! answered against an older version keeps every answer: an answer to a
//! retired id moves to each successor, flagged for review, with a note
//! saying where it came from. Nothing is dropped silently.

use crate::core::assessment::{Answer, Status};
use crate::core::bank::Bank;
use std::collections::BTreeMap;

/// One retired answer and where it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    pub from: String,
    pub to: Vec<String>,
}

/// Moves answers keyed by ids the bank has retired to their successors.
/// `from_version` is the bank version the answers were given against (for
/// the notes). Answers to ids the bank neither asks nor retired are left
/// in place for the caller to report.
pub fn carry_forward(
    bank: &Bank,
    from_version: &str,
    answers: &mut BTreeMap<String, Answer>,
) -> Vec<Carried> {
    let retired: Vec<String> = answers
        .keys()
        .filter(|id| bank.question(id).is_none() && bank.retired(id).is_some())
        .cloned()
        .collect();
    let mut carried = Vec::with_capacity(retired.len());
    for id in retired {
        let (Some(old), Some(entry)) = (answers.remove(&id), bank.retired(&id)) else {
            continue;
        };
        for to in &entry.successors {
            let target = answers.entry(to.clone()).or_default();
            merge(target, &old, &id, from_version);
        }
        carried.push(Carried {
            from: id,
            to: entry.successors.clone(),
        });
    }
    carried
}

/// Merges an answer to retired question `from` into a successor's answer.
fn merge(target: &mut Answer, old: &Answer, from: &str, version: &str) {
    let mut note = format!("Carried from `{from}` (bank {version})");
    match (target.status, old.status) {
        (None, Some(s)) => {
            target.status = Some(s);
            if s == Status::NotApplicable && target.justification.is_empty() {
                target.justification = old.justification.clone();
            }
            note.push_str(&format!(": answered \u{201c}{}\u{201d}", s.label()));
        }
        (Some(_), Some(s)) => {
            note.push_str(&format!(
                ", where it was answered \u{201c}{}\u{201d}; this answer is kept",
                s.label()
            ));
        }
        (_, None) => {}
    }
    if !old.evidence.is_empty() {
        let n = old.evidence.len();
        // Positions differ between questions, so the ticks cannot move as
        // they are. A "ready" answer taken over keeps its word that evidence
        // exists: the first item stands in for them until reviewed.
        let stand_in = target.evidence.is_empty() && target.status == Some(Status::Ready);
        if stand_in {
            target.evidence.insert(0);
        }
        note.push_str(&format!(
            "; {n} evidence item{} ticked there{}: tick what applies here",
            if n == 1 { " was" } else { "s were" },
            if stand_in {
                " (the first item here is ticked in their place)"
            } else {
                ""
            }
        ));
    }
    if !old.note.trim().is_empty() {
        note.push_str(&format!(". Its note: {}", old.note.trim()));
    }
    note.push('.');
    if target.owner.is_empty() {
        target.owner = old.owner.clone();
    }
    if target.due.is_none() {
        target.due = old.due;
    }
    if target.operating_since.is_none() {
        target.operating_since = old.operating_since;
    }
    target.note = if target.note.trim().is_empty() {
        note
    } else {
        format!("{}\n{note}", target.note)
    };
    target.review = true;
}

/// A Type II answer carried from a bank that stated no frequencies: a
/// periodic control with an "operating since" date and no run days is
/// flagged for review, since its operation is now judged on the days it
/// ran. An answer that already asks is left as it is, so later bank
/// versions do not repeat the note.
pub fn ask_for_runs(bank: &Bank, answers: &mut BTreeMap<String, Answer>) {
    for (id, answer) in answers.iter_mut() {
        let Some(frequency) = bank.question(id).and_then(|q| q.frequency) else {
            continue;
        };
        if !frequency.is_periodic() || answer.operating_since.is_none() || !answer.runs.is_empty() {
            continue;
        }
        let note = format!(
            "This control runs {}: record the days it ran in the period (an \u{201c}operating \
             since\u{201d} date no longer shows its operation).",
            frequency.label()
        );
        if answer.note.contains(&note) {
            continue;
        }
        answer.note = if answer.note.trim().is_empty() {
            note
        } else {
            format!("{}\n{note}", answer.note)
        };
        answer.review = true;
    }
}
