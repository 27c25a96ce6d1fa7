//! The pre-audit check: what an auditor's first request list would trip
//! over, found in the answers before fieldwork starts. Each finding names
//! its kind (a stable id, the dashboard's `data-precheck`), where to fix it
//! and why, and goes away as soon as the answer no longer shows it.

use crate::core::assessment::{Assessment, ReportType, Status};
use crate::core::bank::Bank;
use crate::core::evaluate::Evaluation;
use crate::core::vendor::Coverage;

/// What kind of problem. Ids are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Type II: a ticked evidence item collected before the period starts
    /// or after it ends.
    EvidenceOutsidePeriod,
    /// Type II: a periodic control's run recorded before the day it has
    /// operated since.
    RunBeforeOperatingSince,
    /// "Ready, with evidence" with no evidence item ticked.
    ReadyWithoutEvidence,
    /// A gap on a key control with no owner or no due date.
    KeyGapUnplanned,
    /// Not applicable, with no reason given.
    NotApplicableWithoutReason,
    /// A status taken from another framework's controls with no SOC 2
    /// evidence ticked.
    CrosswalkWithoutEvidence,
    /// Type II: a subservice organisation whose reports leave days of the
    /// period uncovered (or show design only, or are missing).
    VendorCoverageGap,
    /// A rehearsed population that had rows dated outside the period (left
    /// out of the count: check the export behind it).
    PopulationOutsidePeriod,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::EvidenceOutsidePeriod => "evidence-outside-period",
            Kind::RunBeforeOperatingSince => "run-before-operating-since",
            Kind::ReadyWithoutEvidence => "ready-without-evidence",
            Kind::KeyGapUnplanned => "key-gap-unplanned",
            Kind::NotApplicableWithoutReason => "na-without-reason",
            Kind::CrosswalkWithoutEvidence => "crosswalk-without-evidence",
            Kind::VendorCoverageGap => "vendor-coverage-gap",
            Kind::PopulationOutsidePeriod => "population-outside-period",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::EvidenceOutsidePeriod => "Evidence collected outside the period",
            Kind::RunBeforeOperatingSince => "Runs recorded before \u{201c}operating since\u{201d}",
            Kind::ReadyWithoutEvidence => "\u{201c}Ready\u{201d} with no evidence ticked",
            Kind::KeyGapUnplanned => "Key gaps without an owner or a due date",
            Kind::NotApplicableWithoutReason => "Not applicable without a reason",
            Kind::CrosswalkWithoutEvidence => {
                "Answers taken from a crosswalk without SOC 2 evidence"
            }
            Kind::VendorCoverageGap => "Vendor reports that leave the period uncovered",
            Kind::PopulationOutsidePeriod => "Populations with items outside the period",
        }
    }
}

/// Where the fix is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A question (its id).
    Question(String),
    /// A vendor of the register (its id).
    Vendor(String),
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    pub place: Place,
    /// What is wrong, naming the thing ("MFA enforced: item 2 collected
    /// on 2025-11-15, before the period starts on 2026-01-01").
    pub what: String,
}

/// Every finding of `assessment`, grouped by kind (in [`Kind`] order), then
/// in bank or register order.
pub fn check(bank: &Bank, assessment: &Assessment, evaluation: &Evaluation) -> Vec<Finding> {
    let mut out = Vec::new();
    let period = match assessment.scope.report_type {
        ReportType::Type2 => assessment.scope.period.filter(|p| p.problem().is_none()),
        ReportType::Type1 => None,
    };
    for q in &bank.questions {
        if !assessment.asks(q) {
            continue;
        }
        let Some(a) = assessment.answer(&q.id) else {
            continue;
        };
        let title = q.title();
        let mut add = |kind: Kind, what: String| {
            out.push(Finding {
                kind,
                place: Place::Question(q.id.clone()),
                what,
            })
        };
        if let Some(p) = period {
            for (item, day) in &a.collected {
                if !a.evidence.contains(item) {
                    continue;
                }
                let side = if *day < p.start {
                    format!("before the period starts on {}", p.start)
                } else if *day > p.end {
                    format!("after the period ends on {}", p.end)
                } else {
                    continue;
                };
                add(
                    Kind::EvidenceOutsidePeriod,
                    format!("{title}: item {} collected on {day}, {side}", item + 1),
                );
            }
            if let Some(since) = a.operating_since {
                let early = a.runs.iter().filter(|d| **d < since).count();
                if early > 0 {
                    add(
                        Kind::RunBeforeOperatingSince,
                        format!(
                            "{title}: {} before {since}, the day it has operated since",
                            crate::core::text::plural(early, "run", "runs")
                        ),
                    );
                }
            }
        }
        if a.status == Some(Status::Ready) && a.evidence.is_empty() {
            add(
                Kind::ReadyWithoutEvidence,
                format!(
                    "{title}: tick the evidence you hold, or answer \u{201c}in place, evidence not ready\u{201d}"
                ),
            );
        }
        if a.status == Some(Status::NotApplicable) && a.justification.trim().is_empty() {
            add(
                Kind::NotApplicableWithoutReason,
                format!("{title}: say why it does not apply"),
            );
        }
        if let Some(r) = assessment.rehearsal(&q.id).filter(|r| r.outside > 0) {
            add(
                Kind::PopulationOutsidePeriod,
                format!(
                    "{title}: {} of its population dated outside the period, left out",
                    crate::core::text::plural(r.outside as usize, "row", "rows")
                ),
            );
        }
        if !a.accepted_from.is_empty() && a.evidence.is_empty() {
            add(
                Kind::CrosswalkWithoutEvidence,
                format!(
                    "{title}: taken from {}, with no SOC 2 evidence ticked",
                    a.accepted_from
                ),
            );
        }
    }
    for gap in evaluation.roadmap.gaps.iter().filter(|g| g.key) {
        let Some(q) = bank.questions.get(gap.question) else {
            continue;
        };
        let owner = evaluation.roadmap.owner(gap);
        let missing = match (owner.trim().is_empty(), gap.due.is_none()) {
            (true, true) => "no owner and no due date",
            (true, false) => "no owner",
            (false, true) => "no due date",
            (false, false) => continue,
        };
        out.push(Finding {
            kind: Kind::KeyGapUnplanned,
            place: Place::Question(q.id.clone()),
            what: format!("{}: {missing}", q.title()),
        });
    }
    if period.is_some() {
        for s in &evaluation.outcome.vendors {
            let Some(v) = assessment.vendors.get(s.vendor) else {
                continue;
            };
            if !v.treatment.is_subservice() || s.coverage == Coverage::Covered {
                continue;
            }
            out.push(Finding {
                kind: Kind::VendorCoverageGap,
                place: Place::Vendor(v.id.clone()),
                what: format!("{}: {}", s.name, s.coverage.describe()),
            });
        }
    }
    // Grouped by kind, keeping the order within each (a stable sort).
    crate::core::order::sort_by(&mut out, |a, b| a.kind.cmp(&b.kind));
    out
}
