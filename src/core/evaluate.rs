//! Everything derived from an assessment, composed in one direction:
//! scores feed the outcome, and both feed the roadmap. `score`, `outcome`
//! and `roadmap` never import this module, so the core has no cycle.

use crate::core::assessment::Assessment;
use crate::core::bank::Bank;
use crate::core::date::Day;
use crate::core::operation::Operation;
use crate::core::outcome::Outcome;
use crate::core::roadmap::{Collector, Roadmap};
use crate::core::score::{Scorecard, facts_by_index};

/// Scores, the likely auditor outcome and the roadmap of gaps. Computed on
/// demand, never stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub scorecard: Scorecard,
    pub outcome: Outcome,
    pub roadmap: Roadmap,
    /// Type II operation and evidence freshness, as of `today`.
    pub operation: Operation,
}

/// The one entry point: scores, outcome and roadmap for `assessment`
/// against `bank`, with `today` deciding which due dates are overdue.
pub fn evaluate(bank: &Bank, assessment: &Assessment, today: Day) -> Evaluation {
    evaluate_with(
        bank,
        assessment,
        today,
        Some(crate::core::register::judge_register),
    )
}

/// [`evaluate`] with the register's rules handed in (see
/// [`Outcome::compute_with`]).
pub fn evaluate_with(
    bank: &Bank,
    assessment: &Assessment,
    today: Day,
    judge: Option<crate::core::register::RegisterJudge>,
) -> Evaluation {
    let facts = facts_by_index(bank, assessment);
    let mut gaps = Collector::new(bank.questions.len(), today);
    let scorecard = Scorecard::with_facts(bank, assessment, &facts, |ix, q, f, score| {
        gaps.visit(ix, q, f, score)
    });
    let operation = Operation::compute(bank, assessment, today);
    let outcome = Outcome::compute_with(bank, assessment, &scorecard, &operation, today, judge);
    let roadmap = gaps.finish(&scorecard, &outcome);
    Evaluation {
        scorecard,
        outcome,
        roadmap,
        operation,
    }
}
