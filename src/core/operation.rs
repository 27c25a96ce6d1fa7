//! Type II operation: each periodic control's occurrences in the period,
//! per-event controls with events not handled, evidence that has gone or
//! is going stale, and a period that would make the key controls clean.
//!
//! Rules (also printed by [`how_operation_is_judged`]):
//! - A periodic control in place is laid against the period's windows
//!   ([`crate::core::cadence`]). A window past its last day with no run is
//!   missed: with some occurrences done, a likely exception; with none
//!   done at all, the control did not operate. A window not yet due is
//!   neither.
//! - A per-event control with events not handled has a likely exception.
//! - How big a deviation is decides between an exception and a control
//!   that did not operate ([`Deviation::did_not_operate`]).
//! - An automated control (a scheduled job with alerting) is tested with
//!   one instance and its change management, so it is judged like a
//!   continuous control, not on counted runs.
//! - An evidence item with a validity and a collection date is stale once
//!   the validity has run out, and expiring within [`EXPIRING_DAYS`].

use crate::core::assessment::{Answer, Assessment, Period, ReportType, Status};
use crate::core::bank::{Bank, Question};
use crate::core::cadence::{Frequency, Occurrences};
use crate::core::date::Day;
use crate::core::text::plural;
use std::collections::BTreeSet;

/// An evidence item is listed as expiring this many days ahead.
pub const EXPIRING_DAYS: i64 = 60;

/// One periodic control laid against the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Periodic {
    /// Index into [`Bank::questions`].
    pub question: usize,
    pub key: bool,
    /// In place (ready, or in place without evidence): the outcome judges it.
    pub in_place: bool,
    pub occurrences: Occurrences,
}

/// A collected evidence item with a validity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    pub question: usize,
    /// Position in the question's evidence list.
    pub item: usize,
    pub collected: Day,
    /// The last day it is valid.
    pub valid_until: Day,
    pub stale: bool,
}

/// What the days a control ran (or the events it handled) say about its
/// operation, for the outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deviation {
    /// Periodic: occurrences missed so far, of those done and expected.
    Missed {
        missed: u32,
        done: u32,
        expected: u32,
    },
    /// Per event: events in the period not handled, of the events in the
    /// period when recorded.
    Unhandled {
        unhandled: u32,
        population: Option<u32>,
    },
}

/// A periodic control did not operate when more than this many due
/// windows were missed...
pub const MAX_MISSED_WINDOWS: u32 = 1;
/// ...or when more than this share of its due windows were missed (one in
/// `MISSED_SHARE_DENOMINATOR`, a third).
pub const MISSED_SHARE_DENOMINATOR: u32 = 3;
/// A per-event control did not operate when more than this many events
/// were not handled (more than the usual sample of 25 tolerates)...
pub const MAX_UNHANDLED_EVENTS: u32 = 2;
/// ...or when the share not handled is above this percentage of the
/// events in the period (the tolerable deviation rate of a typical test).
pub const TOLERABLE_RATE_PERCENT: u32 = 10;

impl Deviation {
    /// Whether the deviation is too big for an exception: the control did
    /// not operate, and its criterion is short of it.
    pub fn did_not_operate(self) -> bool {
        match self {
            Deviation::Missed { missed, done, .. } => {
                done == 0
                    || missed > MAX_MISSED_WINDOWS
                    || u64::from(missed) * u64::from(MISSED_SHARE_DENOMINATOR)
                        > u64::from(missed) + u64::from(done)
            }
            Deviation::Unhandled {
                unhandled,
                population,
            } => {
                unhandled > MAX_UNHANDLED_EVENTS
                    || population.is_some_and(|p| {
                        u64::from(unhandled) * 100
                            > u64::from(p) * u64::from(TOLERABLE_RATE_PERCENT)
                    })
            }
        }
    }

    /// What the deviation means for the control, in a few words.
    pub fn means(self) -> &'static str {
        if self.did_not_operate() {
            "it did not operate"
        } else {
            "a likely exception"
        }
    }
}

impl Deviation {
    /// Plain words, starting with a verb.
    pub fn describe(self) -> String {
        match self {
            Deviation::Missed {
                missed,
                done,
                expected,
            } => format!(
                "missed {missed} of {} occurrences due in the period so far ({expected} in \
                 all; {done} done): {}",
                missed + done,
                self.means()
            ),
            Deviation::Unhandled {
                unhandled,
                population,
            } => format!(
                "left {}{} in the period: {}",
                plural(
                    unhandled as usize,
                    "event not handled",
                    "events not handled"
                ),
                match population {
                    Some(p) => format!(" of {p}"),
                    None => String::new(),
                },
                self.means()
            ),
        }
    }
}

/// A period that would make every key control clean, as far as the
/// answers show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    /// `None` when no start date would help (a key control without a run
    /// or an operating date, or gaps between runs).
    pub period: Option<Period>,
    /// Key controls with missed occurrences in the current period, and the
    /// last day of the first missed window.
    pub missed: Vec<(usize, Day)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Operation {
    /// Periodic controls in scope, in bank order (Type II with a valid period).
    pub periodic: Vec<Periodic>,
    /// Per-event controls in place with events not handled: (question,
    /// count, events in the period when recorded).
    pub unhandled: Vec<(usize, u32, Option<u32>)>,
    /// Per-event controls in place whose rehearsed sample has failed picks:
    /// (question, the failed items' ids, picks tested), in bank order. The
    /// failures count as events not handled (at least).
    pub failed_picks: Vec<(usize, Vec<String>, usize)>,
    /// Controls in place whose ticked dated evidence has run out by the
    /// day that matters ([`judged_on`]), in bank order.
    pub not_current: Vec<usize>,
    /// Stale and expiring evidence, stale first, then by date.
    pub evidence: Vec<Freshness>,
    /// Set for a Type II scope with a valid period whose key controls are
    /// not all clean.
    pub advice: Option<Advice>,
}

fn in_place(status: Option<Status>) -> bool {
    matches!(status, Some(Status::Ready | Status::Implemented))
}

/// The period, when the scope is Type II and its period is valid.
pub fn type2_period(assessment: &Assessment) -> Option<Period> {
    let scope = &assessment.scope;
    (scope.report_type == ReportType::Type2)
        .then_some(scope.period)
        .flatten()
        .filter(|p| p.problem().is_none())
}

/// A control judged on the days it ran (periodic and not automated).
fn periodic_frequency(q: &Question) -> Option<Frequency> {
    q.frequency.filter(|_| q.is_periodic())
}

/// The day evidence must still be valid on: the report date for Type I
/// (today: the indication is as of now) and, for Type II, the end of the
/// period, or today while the period is under way.
pub fn judged_on(assessment: &Assessment, today: Day) -> Day {
    match type2_period(assessment) {
        Some(p) => p.end.min(today),
        None => today,
    }
}

/// The ticked evidence items of `answer` that have a validity and a
/// collection date: (position, collected, last day valid).
pub fn dated_evidence<'a>(
    q: &'a Question,
    answer: &'a Answer,
) -> impl Iterator<Item = (usize, Day, Day)> + 'a {
    answer.collected.iter().filter_map(|(&item, &collected)| {
        let months = q.evidence_valid_months.get(item).copied().flatten()?;
        answer.evidence.contains(&item).then(|| {
            let valid_until = collected.add_months(u32::from(months)).add_days(-1);
            (item, collected, valid_until)
        })
    })
}

impl Operation {
    /// Reads only the answers given (not every question of the bank), so
    /// the cost on each change follows what the user answered.
    pub fn compute(bank: &Bank, assessment: &Assessment, today: Day) -> Operation {
        let mut op = Operation::default();
        let period = type2_period(assessment);
        let judged = judged_on(assessment, today);
        for (id, answer) in &assessment.answers {
            let Some(ix) = bank.question_index(id) else {
                continue;
            };
            let q = &bank.questions[ix];
            if !assessment.asks(q) || answer.status == Some(Status::NotApplicable) {
                continue;
            }
            let mut not_current = false;
            for (item, collected, valid_until) in dated_evidence(q, answer) {
                not_current |= valid_until < judged;
                if valid_until < today.add_days(EXPIRING_DAYS) {
                    op.evidence.push(Freshness {
                        question: ix,
                        item,
                        collected,
                        valid_until,
                        stale: valid_until < today,
                    });
                }
            }
            if not_current && in_place(answer.status) {
                op.not_current.push(ix);
            }
            let (Some(period), Some(frequency)) = (period, q.frequency) else {
                continue;
            };
            if frequency == Frequency::PerEvent {
                let rehearsal = assessment.rehearsal(id);
                let failed = rehearsal.map(|r| r.failed()).unwrap_or_default();
                let sampled = u32::try_from(failed.len()).unwrap_or(u32::MAX);
                let unhandled = answer.unhandled.unwrap_or(0).max(sampled);
                if unhandled > 0 && in_place(answer.status) {
                    op.unhandled.push((ix, unhandled, answer.population));
                    if let Some(r) = rehearsal.filter(|_| sampled > 0) {
                        op.failed_picks.push((
                            ix,
                            failed.iter().map(|f| (*f).to_owned()).collect(),
                            r.tested(),
                        ));
                    }
                }
            } else if !q.is_periodic() {
                // Continuous, or automated: judged on its operating date.
            } else if let Some(occurrences) = Occurrences::over(
                frequency,
                period.start,
                period.end,
                answer.runs.iter().copied(),
                today,
            ) {
                op.periodic.push(Periodic {
                    question: ix,
                    key: q.key,
                    in_place: in_place(answer.status),
                    occurrences,
                });
            }
        }
        // Answers come in id order; lists are kept in bank order.
        op.periodic.sort_by_key(|p| p.question);
        op.unhandled.sort_unstable();
        crate::core::order::sort_by_key(&mut op.failed_picks, |f| f.0);
        op.not_current.sort_unstable();
        op.evidence
            .sort_by_key(|f| (!f.stale, f.valid_until, f.question, f.item));
        if let Some(period) = period {
            op.advice = advise(bank, assessment, period, &op.periodic, today);
        }
        op
    }

    /// The deviation recorded for question `ix`, if any.
    pub fn deviation(&self, ix: usize) -> Option<Deviation> {
        if let Some(p) = self.periodic(ix) {
            let o = &p.occurrences;
            return (p.in_place && o.missed > 0).then_some(Deviation::Missed {
                missed: o.missed,
                done: o.done,
                expected: o.expected(),
            });
        }
        self.unhandled
            .binary_search_by_key(&ix, |&(q, _, _)| q)
            .ok()
            .map(|at| Deviation::Unhandled {
                unhandled: self.unhandled[at].1,
                population: self.unhandled[at].2,
            })
    }

    /// Whether question `ix`'s dated evidence has run out by the day that
    /// matters.
    pub fn is_not_current(&self, ix: usize) -> bool {
        self.not_current.binary_search(&ix).is_ok()
    }

    pub fn periodic(&self, ix: usize) -> Option<&Periodic> {
        self.periodic
            .binary_search_by_key(&ix, |p| p.question)
            .ok()
            .map(|at| &self.periodic[at])
    }

    pub fn stale(&self) -> impl Iterator<Item = &Freshness> {
        self.evidence.iter().filter(|f| f.stale)
    }

    pub fn expiring(&self) -> impl Iterator<Item = &Freshness> {
        self.evidence.iter().filter(|f| !f.stale)
    }
}

/// The earliest day from which a periodic control's runs have kept to its
/// interval up to `today`: each run within one interval of the previous,
/// and the last within one interval of today. `None` without runs.
fn on_schedule_since(frequency: Frequency, runs: &BTreeSet<Day>, today: Day) -> Option<Day> {
    let last = *runs.last()?;
    if frequency
        .one_interval_after(last)
        .is_none_or(|due| due < today)
    {
        return None;
    }
    let mut since = last;
    // (earlier, later) pairs, from the latest back.
    for (&earlier, &later) in runs.iter().rev().skip(1).zip(runs.iter().rev()) {
        if frequency
            .one_interval_after(earlier)
            .is_some_and(|due| later <= due)
        {
            since = earlier;
        } else {
            break;
        }
    }
    Some(since)
}

fn advise(
    bank: &Bank,
    assessment: &Assessment,
    period: Period,
    periodic: &[Periodic],
    today: Day,
) -> Option<Advice> {
    let missed: Vec<(usize, Day)> = periodic
        .iter()
        .filter(|p| p.key && p.in_place)
        .filter_map(|p| {
            p.occurrences
                .missed_by(today)
                .next()
                .map(|d| (p.question, d))
        })
        .collect();
    // The key controls asked and in place, with their answers.
    let keys: Vec<(&Question, &Answer)> = assessment
        .answers
        .iter()
        .filter_map(|(id, a)| {
            let q = bank.question(id)?;
            (q.key && assessment.asks(q) && in_place(a.status)).then_some((q, a))
        })
        .collect();
    let started_late = keys.iter().any(|(q, a)| {
        periodic_frequency(q).is_none() && a.operating_since.is_some_and(|d| d > period.start)
    });
    if missed.is_empty() && !started_late {
        return None;
    }
    // The latest day from which every key control in place has run on
    // schedule (periodic) or operated (the others).
    let mut start = period.start;
    for (q, a) in &keys {
        let since = match periodic_frequency(q) {
            Some(f) => on_schedule_since(f, &a.runs, today),
            None => a.operating_since,
        };
        match since {
            Some(d) => start = start.max(d),
            None => {
                return Some(Advice {
                    period: None,
                    missed,
                });
            }
        }
    }
    let months = period.start.months_until(period.end.add_days(1)).max(3) as u32;
    let candidate = Period {
        start,
        end: start.add_months(months).add_days(-1),
    };
    let clean = keys.iter().all(|(q, a)| {
        periodic_frequency(q).is_none_or(|f| {
            Occurrences::over(
                f,
                candidate.start,
                candidate.end,
                a.runs.iter().copied(),
                today,
            )
            .is_some_and(|o| o.missed == 0)
        })
    });
    Some(Advice {
        period: (clean && candidate.start > period.start).then_some(candidate),
        missed,
    })
}

impl Advice {
    /// One sentence: the period to choose, or the occurrences to run.
    pub fn describe(&self, bank: &Bank) -> String {
        let name = |ix: usize| bank.questions.get(ix).map_or("", |q| q.title());
        let runs = crate::core::text::first_names(
            &self
                .missed
                .iter()
                .map(|&(ix, by)| format!("{} (due by {by})", name(ix)))
                .collect::<Vec<_>>(),
        );
        match (&self.period, self.missed.is_empty()) {
            (Some(p), true) => format!(
                "Start the period on {} (to {}): every key control has operated since then.",
                p.start, p.end
            ),
            (Some(p), false) => format!(
                "Start the period on {} (to {}), from when every key control has run on \
                 schedule; or keep this period and expect exceptions for the missed \
                 occurrences: {runs}.",
                p.start, p.end
            ),
            (None, false) => format!(
                "Expect exceptions for the missed occurrences: {runs}. No later start makes \
                 every key control clean yet: run each on schedule from now on."
            ),
            (None, true) => "A key control started after the period start; no later start \
                             makes every key control clean yet (record when each ran or \
                             started)."
                .to_owned(),
        }
    }
}

/// The rules above, in plain words, for "How scores work" and the README.
pub fn how_operation_is_judged() -> Vec<String> {
    vec![
        "Each question states how often its control operates: continuous, per event, daily, \
         weekly, monthly, quarterly, twice a year or yearly."
            .to_owned(),
        "Continuous and per-event controls are judged on the day they have operated since; \
         periodic ones on the days they ran."
            .to_owned(),
        "A Type II period is cut into windows of the control's interval from its start date, \
         each date counted from the start so month ends do not drift. A part window at the \
         end joins the last whole one. A control whose interval is longer than the period \
         must still run once inside it."
            .to_owned(),
        format!(
            "A window past its last day with no run is missed; a window not yet due is \
             neither. Runs recorded before the period do not count. More than \
             {MAX_MISSED_WINDOWS} missed window, or more than one in \
             {MISSED_SHARE_DENOMINATOR} of the windows due, means the control did not operate; \
             fewer is a likely exception."
        ),
        "An automated control (a scheduled job with failure alerting, marked in the bank) is \
         tested with one instance and its change management: it is judged on the day it has \
         operated since, like a continuous one, not on counted runs."
            .to_owned(),
        format!(
            "A per-event control records the events in the period not handled and, to size \
             them, all the events in the period. More than {MAX_UNHANDLED_EVENTS} not handled, or \
             more than {TOLERABLE_RATE_PERCENT}% of the events, means it did not operate; fewer \
             is a likely exception."
        ),
        format!(
            "The sample an auditor would likely draw follows common firm tables (no AICPA \
             rule): yearly 1; quarterly and twice a year 2; monthly 2 to 5; weekly 5 to 15; \
             daily 20 to 40; per event by the size of the population ({}); never more than \
             the occurrences.",
            crate::core::cadence::per_event_samples_in_words()
        ),
        format!(
            "Evidence that goes stale (a yearly pen test report) is stale once its validity runs \
             out from the day it was collected, and listed as expiring {EXPIRING_DAYS} days \
             before. The outcome judges it on the day that matters: the report date for Type \
             I (today), the period's end for Type II (today while the period runs)."
        ),
    ]
}
