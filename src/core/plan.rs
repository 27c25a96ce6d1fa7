//! What it takes to get audit-ready, in the numbers a CEO reads first:
//! blockers, effort, quick wins and, for Type II, the earliest report date.
//!
//! The rules, in plain words (printed by [`how_the_plan_is_estimated`]):
//!
//! - *Blockers* are the roadmap's "before the audit" gaps: key controls
//!   short of the bar where nothing else covers the criterion.
//! - *Effort* is a range in person-weeks, summed over the blockers from each
//!   question's rough effort: hours 0.05–0.2, days 0.2–1, weeks 1–4, months
//!   4–26 person-weeks (a person-week is 40 hours). A range, because the
//!   bank's efforts are classes, not estimates.
//! - *Ready by*: when the last blocker closes. If every blocker has a due
//!   date, the latest of them (not before today); otherwise today plus the
//!   calendar time of the longest blocker, worked on in parallel: hours 1
//!   day, days 1 week, weeks 3 weeks, months 3 months.
//! - *Earliest Type II report*: the period can start once the blockers are
//!   closed and must run at least 3 months, so ready-by plus 3 months. A
//!   Type I report can be dated on the ready-by day.
//! - *Quick wins*: gaps whose effort is hours or days and that are blockers
//!   or key controls: little work, a large effect on the outcome (listed
//!   beyond the top blockers, which are named already).

use crate::core::assessment::{Assessment, ReportType};
use crate::core::bank::{Bank, Effort};
use crate::core::catalog::Category;
use crate::core::date::Day;
use crate::core::evaluate::Evaluation;
use crate::core::roadmap::{Gap, Phase};

/// How many blockers and quick wins the summary names.
pub const TOP: usize = 5;

/// Shortest Type II observation period, in months.
pub const MIN_PERIOD_MONTHS: u32 = 3;

/// Person-weeks an effort class stands for, as (low, high).
pub const fn person_weeks(effort: Effort) -> (f64, f64) {
    match effort {
        Effort::Hours => (0.05, 0.2),
        Effort::Days => (0.2, 1.0),
        Effort::Weeks => (1.0, 4.0),
        Effort::Months => (4.0, 26.0),
    }
}

/// Calendar days to close one gap of this effort, worked on alone.
pub const fn calendar_days(effort: Effort) -> i64 {
    match effort {
        Effort::Hours => 1,
        Effort::Days => 7,
        Effort::Weeks => 21,
        Effort::Months => 91,
    }
}

/// Little work for a large effect.
pub fn is_quick_win(gap: &Gap) -> bool {
    matches!(gap.effort, Effort::Hours | Effort::Days)
        && (gap.phase == Phase::BeforeAudit || gap.key)
}

/// The summary of what it takes to get audit-ready.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditPlan {
    /// Gaps before the audit (blockers).
    pub blockers: usize,
    /// Person-weeks to close the blockers, (low, high).
    pub effort: (f64, f64),
    /// The first [`TOP`] blockers in roadmap order (question indexes).
    pub top_blockers: Vec<usize>,
    /// Up to [`TOP`] quick wins in roadmap order, not counting the top
    /// blockers (question indexes).
    pub quick_wins: Vec<usize>,
    /// When the last blocker closes; `None` when there is none.
    pub ready_by: Option<Day>,
    /// How `ready_by` was found.
    pub ready_by_due_dates: bool,
    /// Earliest date a report could carry.
    pub earliest_report: Day,
    pub report_type: ReportType,
}

impl AuditPlan {
    pub fn compute(assessment: &Assessment, evaluation: &Evaluation, today: Day) -> AuditPlan {
        let blockers: Vec<&Gap> = evaluation.roadmap.phase(Phase::BeforeAudit).collect();
        let effort = blockers.iter().fold((0.0, 0.0), |(lo, hi), g| {
            let (l, h) = person_weeks(g.effort);
            (lo + l, hi + h)
        });
        let all_dated = !blockers.is_empty() && blockers.iter().all(|g| g.due.is_some());
        let ready_by = if blockers.is_empty() {
            None
        } else if all_dated {
            blockers
                .iter()
                .filter_map(|g| g.due)
                .max()
                .map(|d| d.max(today))
        } else {
            blockers
                .iter()
                .map(|g| calendar_days(g.effort))
                .max()
                .map(|days| today.add_days(days))
        };
        let start = ready_by.unwrap_or(today);
        let report_type = assessment.scope.report_type;
        let earliest_report = match report_type {
            ReportType::Type1 => start,
            ReportType::Type2 => start.add_months(MIN_PERIOD_MONTHS),
        };
        let top_blockers: Vec<usize> = blockers.iter().take(TOP).map(|g| g.question).collect();
        AuditPlan {
            blockers: blockers.len(),
            effort,
            // Beyond the top blockers, which are listed already.
            quick_wins: evaluation
                .roadmap
                .gaps
                .iter()
                .filter(|g| is_quick_win(g) && !top_blockers.contains(&g.question))
                .take(TOP)
                .map(|g| g.question)
                .collect(),
            top_blockers,
            ready_by,
            ready_by_due_dates: all_dated,
            earliest_report,
            report_type,
        }
    }

    /// The effort as people read it: "about 2.5–11 person-weeks".
    pub fn effort_text(&self) -> String {
        person_weeks_text(self.effort)
    }

    /// The timeline in one sentence, for the dashboard and the report.
    pub fn timeline(&self) -> String {
        let n = self.blockers;
        let blockers = format!("{n} blocker{}", if n == 1 { "" } else { "s" });
        let ready_by = self.ready_by.unwrap_or(self.earliest_report);
        let how = if self.ready_by_due_dates {
            "their due dates"
        } else {
            "their effort, worked on in parallel"
        };
        match (n, self.report_type) {
            (0, ReportType::Type1) => "No blockers: a Type I report could be dated now.".to_owned(),
            (0, ReportType::Type2) => format!(
                "No blockers: earliest Type II report {}, after a {MIN_PERIOD_MONTHS}-month \
                 period from today.",
                self.earliest_report
            ),
            (_, ReportType::Type1) => format!(
                "{blockers} to close ({}), by {ready_by} from {how}: the earliest date for a \
                 Type I report.",
                self.effort_text()
            ),
            (_, ReportType::Type2) => format!(
                "{blockers} to close ({}), by {ready_by} from {how}; then a \
                 {MIN_PERIOD_MONTHS}-month observation period: earliest Type II report {}.",
                self.effort_text(),
                self.earliest_report
            ),
        }
    }
}

/// What putting a category in scope adds, before any answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CategoryCost {
    pub questions: usize,
    pub criteria: usize,
    /// Person-weeks if none of its controls existed yet, (low, high).
    pub effort_from_scratch: (f64, f64),
}

/// The questions, criteria and effort a category adds (its questions are
/// those whose primary criterion is in it).
pub fn category_cost(bank: &Bank, category: Category) -> CategoryCost {
    let questions: Vec<_> = bank
        .questions
        .iter()
        .filter(|q| q.category == category)
        .collect();
    let criteria = bank
        .criteria
        .iter()
        .filter(|c| bank.criterion_category(c) == category)
        .count();
    let effort_from_scratch = questions.iter().fold((0.0, 0.0), |(lo, hi), q| {
        let (l, h) = person_weeks(q.remediation.effort);
        (lo + l, hi + h)
    });
    CategoryCost {
        questions: questions.len(),
        criteria,
        effort_from_scratch,
    }
}

/// "about 2.5–11 person-weeks": tenths below ten weeks, whole weeks above,
/// no more precision than effort classes carry.
pub fn person_weeks_text((lo, hi): (f64, f64)) -> String {
    let show = |x: f64| {
        if x < 10.0 {
            crate::core::text::tenths((x * 10.0).round() / 10.0)
        } else {
            crate::core::text::whole(x.round())
        }
    };
    if hi <= 0.0 {
        "none".to_owned()
    } else {
        format!("about {}–{} person-weeks", show(lo), show(hi))
    }
}

/// The rules in plain words, for the app and the README.
pub fn how_the_plan_is_estimated() -> Vec<String> {
    let pw = |e: Effort| {
        let (lo, hi) = person_weeks(e);
        format!("{} {lo}–{hi}", e.label())
    };
    vec![
        "Blockers are the gaps before the audit: key controls short of the bar where nothing \
         else covers the criterion."
            .to_owned(),
        format!(
            "Effort is a range in person-weeks summed over the blockers from each question's \
             rough effort: {}, {}, {}, {}.",
            pw(Effort::Hours),
            pw(Effort::Days),
            pw(Effort::Weeks),
            pw(Effort::Months)
        ),
        format!(
            "Ready by: the latest due date of the blockers when every one has a due date; \
             otherwise today plus the longest blocker's calendar time (hours {} day, days {} \
             days, weeks {} days, months {} days), the blockers worked on in parallel.",
            calendar_days(Effort::Hours),
            calendar_days(Effort::Days),
            calendar_days(Effort::Weeks),
            calendar_days(Effort::Months)
        ),
        format!(
            "Earliest Type II report: ready by plus a {MIN_PERIOD_MONTHS}-month observation \
             period, the shortest an auditor accepts. A Type I report can be dated on the \
             ready-by day."
        ),
        "Quick wins: gaps whose effort is hours or days and that are blockers or key controls."
            .to_owned(),
    ]
}
