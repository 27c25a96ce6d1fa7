//! How often a control operates, the occurrences a Type II period expects
//! of it, and the sample an auditor would likely draw.
//!
//! Occurrence windows are laid from the period start: window k runs from
//! start + k intervals to the day before start + (k + 1) intervals, each
//! computed from the start (so month ends do not drift: a monthly control
//! from 31 January has windows from 28 or 29 February, then 31 March). A
//! period expects one occurrence per whole window, and at least one: an
//! annual control in a 6-month period still has to run once inside it.
//! A window is due once its last day is past; an occurrence not yet due is
//! never counted as missed.

use crate::core::date::Day;
use serde::{Deserialize, Serialize};

/// How often a control operates, as an auditor would test it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Always on (a setting, a system): tested by inspection at dates and
    /// by its change history, not by counting occurrences.
    Continuous,
    /// Triggered by events (a hire, a leaver, a change, an incident).
    PerEvent,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    SemiAnnual,
    Annual,
}

/// The length of one occurrence window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Interval {
    Days(u32),
    Months(u32),
}

impl Frequency {
    pub const ALL: [Frequency; 8] = [
        Frequency::Continuous,
        Frequency::PerEvent,
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::SemiAnnual,
        Frequency::Annual,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Frequency::Continuous => "continuous",
            Frequency::PerEvent => "per_event",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::SemiAnnual => "semi_annual",
            Frequency::Annual => "annual",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Frequency::Continuous => "continuous",
            Frequency::PerEvent => "per event",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::SemiAnnual => "twice a year",
            Frequency::Annual => "yearly",
        }
    }

    /// Periodic controls are judged on the dates they ran.
    pub fn is_periodic(self) -> bool {
        self.interval().is_some()
    }

    fn interval(self) -> Option<Interval> {
        match self {
            Frequency::Continuous | Frequency::PerEvent => None,
            Frequency::Daily => Some(Interval::Days(1)),
            Frequency::Weekly => Some(Interval::Days(7)),
            Frequency::Monthly => Some(Interval::Months(1)),
            Frequency::Quarterly => Some(Interval::Months(3)),
            Frequency::SemiAnnual => Some(Interval::Months(6)),
            Frequency::Annual => Some(Interval::Months(12)),
        }
    }

    /// The day one interval after `day`, when the control is periodic:
    /// by then its next occurrence is due.
    pub fn one_interval_after(self, day: Day) -> Option<Day> {
        self.interval().map(|i| step(day, i, 1))
    }

    /// The usual sample for a population of `population` occurrences, as
    /// (fewest, most): common firm tables (no AICPA rule), never more than
    /// the population. A per-event control's sample follows the size of
    /// its population ([`PER_EVENT_SAMPLES`]). `None` for a continuous
    /// control (inspected, not sampled by occurrence).
    pub fn sample(self, population: u32) -> Option<(u32, u32)> {
        let (low, high) = match self {
            Frequency::Continuous => return None,
            Frequency::Annual => (1, 1),
            // Small populations are usually tested in full.
            Frequency::SemiAnnual | Frequency::Quarterly => (2, 2),
            Frequency::Monthly => (2, 5),
            Frequency::Weekly => (5, 15),
            Frequency::Daily => (20, 40),
            Frequency::PerEvent => per_event_sample(population),
        };
        Some((low.min(population), high.min(population)))
    }
}

/// A per-event control's usual sample by the size of its population in the
/// period: (largest population, fewest, most). Common firm practice, not an
/// AICPA rule: a handful of events is tested in full, and the sample grows
/// with the population up to 25 to 60.
pub const PER_EVENT_SAMPLES: [(u32, u32, u32); 5] = [
    (4, 4, 4),
    (12, 2, 5),
    (52, 5, 15),
    (365, 20, 40),
    (u32::MAX, 25, 60),
];

fn per_event_sample(population: u32) -> (u32, u32) {
    PER_EVENT_SAMPLES
        .iter()
        .find(|(most, _, _)| population <= *most)
        .map_or((25, 60), |&(_, low, high)| (low, high))
}

/// The per-event table in plain words, for "How scores work" and the README.
pub fn per_event_samples_in_words() -> String {
    let mut from = 1;
    let parts: Vec<String> = PER_EVENT_SAMPLES
        .iter()
        .map(|&(most, low, high)| {
            let range = if most == u32::MAX {
                format!("more than {}", from - 1)
            } else {
                format!("{from} to {most}")
            };
            from = most.saturating_add(1);
            if low == high && low == most {
                format!("{range} events: all")
            } else {
                format!("{range}: {low} to {high}")
            }
        })
        .collect();
    parts.join("; ")
}

/// Day `k` intervals after `start`, computed from `start`.
fn step(start: Day, interval: Interval, k: u32) -> Day {
    match interval {
        Interval::Days(d) => start.add_days(i64::from(d) * i64::from(k)),
        Interval::Months(m) => start.add_months(m * k),
    }
}

/// One window in which a periodic control should run once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub first: Day,
    /// The last day of the window: the occurrence is due by then.
    pub last: Day,
    /// The earliest recorded run inside the window.
    pub run: Option<Day>,
}

impl Window {
    /// Past its last day as of `today` and without a run: missed.
    pub fn is_missed(&self, today: Day) -> bool {
        self.run.is_none() && self.last < today
    }
}

/// A periodic control's occurrences over one observation period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrences {
    pub frequency: Frequency,
    pub windows: Vec<Window>,
    /// Windows with a run.
    pub done: u32,
    /// Windows past their last day with no run.
    pub missed: u32,
    /// The last day of the first window still open (not past, no run).
    pub next_due: Option<Day>,
}

/// Most windows a period is laid into: a daily control over 12 months has
/// 366 at most; this only bounds a hostile period.
const MAX_WINDOWS: u32 = 400;

impl Occurrences {
    /// The windows of `frequency` over `start..=end`, matched with `runs`
    /// (any order; runs outside the period are ignored), as of `today`.
    /// `None` for a control that is not periodic, or an empty period.
    pub fn over(
        frequency: Frequency,
        start: Day,
        end: Day,
        runs: impl IntoIterator<Item = Day>,
        today: Day,
    ) -> Option<Occurrences> {
        let interval = frequency.interval()?;
        if end < start {
            return None;
        }
        let after_end = end.add_days(1);
        let mut windows = Vec::new();
        let mut k = 0;
        while k < MAX_WINDOWS && step(start, interval, k + 1) <= after_end {
            windows.push(Window {
                first: step(start, interval, k),
                last: step(start, interval, k + 1).add_days(-1),
                run: None,
            });
            k += 1;
        }
        if windows.is_empty() {
            // Longer than the period: once, somewhere inside it.
            windows.push(Window {
                first: start,
                last: end,
                run: None,
            });
        } else if let Some(last) = windows.last_mut() {
            // A part window at the end joins the last whole one.
            last.last = end;
        }
        for run in runs {
            if let Some(w) = windows.iter_mut().find(|w| w.first <= run && run <= w.last) {
                w.run = Some(w.run.map_or(run, |r| r.min(run)));
            }
        }
        let done = windows.iter().filter(|w| w.run.is_some()).count() as u32;
        let missed = windows.iter().filter(|w| w.is_missed(today)).count() as u32;
        let next_due = windows
            .iter()
            .find(|w| w.run.is_none() && w.last >= today)
            .map(|w| w.last);
        Some(Occurrences {
            frequency,
            windows,
            done,
            missed,
            next_due,
        })
    }

    /// Occurrences the period expects.
    pub fn expected(&self) -> u32 {
        self.windows.len() as u32
    }

    /// Windows already due as of `today` (past their last day, or done).
    pub fn due(&self, today: Day) -> u32 {
        self.windows
            .iter()
            .filter(|w| w.run.is_some() || w.last < today)
            .count() as u32
    }

    /// The sample an auditor would likely draw from the period's population.
    pub fn sample(&self) -> Option<(u32, u32)> {
        self.frequency.sample(self.expected())
    }

    /// The missed windows' last days.
    pub fn missed_by(&self, today: Day) -> impl Iterator<Item = Day> + '_ {
        self.windows
            .iter()
            .filter(move |w| w.is_missed(today))
            .map(|w| w.last)
    }

    /// One plain sentence: "2 of 4 quarterly occurrences done; the auditor
    /// will likely test 2; the next is due 2026-12-31".
    pub fn summary(&self, today: Day) -> String {
        let mut parts = vec![format!(
            "{} of {} {} {} done",
            self.done,
            self.expected(),
            self.frequency.label(),
            if self.expected() == 1 {
                "occurrence"
            } else {
                "occurrences"
            }
        )];
        if self.missed > 0 {
            parts.push(format!("{} missed", self.missed));
        }
        if let Some((low, high)) = self.sample() {
            let n = if low == high {
                low.to_string()
            } else {
                format!("{low} to {high}")
            };
            let all = if low == self.expected() { " (all)" } else { "" };
            parts.push(format!("the auditor will likely test {n}{all}"));
        }
        match self.next_due {
            Some(day) => parts.push(format!("the next is due by {day}")),
            None if self.missed == 0 && self.due(today) == self.expected() => {
                parts.push("none left to run in this period".to_owned())
            }
            None => {}
        }
        parts.join("; ")
    }
}
