//! Compares two assessments answered against the same bank: which questions
//! moved, which gaps closed and opened, per criterion, and how the scope
//! changed. Pure data for the UI to show.
//!
//! The comparison does not score: scores come from the engine. The UI
//! combines the two like this:
//!
//! ```text
//! let comparison = diff::compare(&bank, &before, &after)
//!     .with_scores(&scores_of(&before), &scores_of(&after));
//! ```
//!
//! where `scores_of` maps the engine's per-criterion readiness to
//! `(criterion index in bank.criteria, score)` pairs. Criteria whose score
//! changed then appear even when no question of theirs moved (for instance
//! after a scope change).
//!
//! A question counts as a gap when the assessment asks it and its status is
//! neither Ready nor Not applicable; unanswered counts as a gap.

use crate::core::assessment::{Assessment, Period, QuestionPath, ReportType, ScopeItem, Status};
use crate::core::bank::Bank;
use crate::core::catalog::Category;
use crate::core::order;

/// How one question moved between the two assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Movement {
    /// Was a gap, now Ready or Not applicable: a gap closed.
    Closed,
    /// Was Ready or Not applicable, now a gap: a gap (re)opened.
    Reopened,
    /// Still a gap, nearer ready (such as planned → partial).
    Improved,
    /// Still a gap, further from ready (such as partial → missing).
    Worsened,
    /// Status changed without getting nearer or further (ready ↔ not
    /// applicable, missing ↔ unanswered).
    Sideways,
    /// Asked now but not before (scope or path change).
    NewlyAsked,
    /// Asked before but not now (scope or path change).
    NoLongerAsked,
}

/// One question whose status or asked-ness changed.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionChange {
    pub question: String,
    /// Indexes into `bank.criteria` of the criteria it supports.
    pub criteria: Vec<usize>,
    pub before: Option<Status>,
    pub after: Option<Status>,
    pub movement: Movement,
}

impl QuestionChange {
    /// A gap closed: the question became Ready (or Not applicable).
    pub fn closes_gap(&self) -> bool {
        self.movement == Movement::Closed
    }

    /// A gap opened: the question got worse, or is newly asked and not ready.
    pub fn opens_gap(&self) -> bool {
        match self.movement {
            Movement::Reopened | Movement::Worsened => true,
            Movement::NewlyAsked => is_gap(self.after),
            _ => false,
        }
    }
}

/// The questions of one criterion that moved, and its scores if given.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionChange {
    /// Index into `bank.criteria`.
    pub criterion: usize,
    /// Question ids, in bank order.
    pub closed: Vec<String>,
    pub opened: Vec<String>,
    /// Questions that moved without closing or opening a gap.
    pub other: Vec<String>,
    pub score_before: Option<f64>,
    pub score_after: Option<f64>,
}

/// How the scope changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScopeChange {
    pub categories_added: Vec<Category>,
    pub categories_removed: Vec<Category>,
    /// (before, after), when different.
    pub report_type: Option<(ReportType, ReportType)>,
    pub period: Option<(Option<Period>, Option<Period>)>,
    pub path: Option<(QuestionPath, QuestionPath)>,
    pub items_added: Vec<ScopeItem>,
    pub items_removed: Vec<ScopeItem>,
}

impl ScopeChange {
    pub fn is_empty(&self) -> bool {
        *self == ScopeChange::default()
    }
}

/// Everything that changed from `before` to `after`.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Changed questions, in bank order.
    pub questions: Vec<QuestionChange>,
    /// Criteria with a changed question or a changed score, in bank order.
    pub criteria: Vec<CriterionChange>,
    pub scope: ScopeChange,
}

impl Comparison {
    /// Ids of the questions whose gap closed.
    pub fn gaps_closed(&self) -> Vec<&str> {
        self.ids(QuestionChange::closes_gap)
    }

    /// Ids of the questions whose gap opened.
    pub fn gaps_opened(&self) -> Vec<&str> {
        self.ids(QuestionChange::opens_gap)
    }

    fn ids(&self, keep: fn(&QuestionChange) -> bool) -> Vec<&str> {
        self.questions
            .iter()
            .filter(|q| keep(q))
            .map(|q| q.question.as_str())
            .collect()
    }

    /// Adds per-criterion scores, as (criterion index, score) pairs computed
    /// by the engine for each assessment. A criterion with no moved question
    /// is added when its score differs.
    pub fn with_scores(mut self, before: &[(usize, f64)], after: &[(usize, f64)]) -> Self {
        // (before, after) per criterion index.
        let size = before.iter().chain(after).map(|&(ix, _)| ix + 1).max();
        let mut scores = vec![(None, None); size.unwrap_or(0)];
        for &(ix, score) in before {
            scores[ix].0 = Some(score);
        }
        for &(ix, score) in after {
            scores[ix].1 = Some(score);
        }
        for c in &mut self.criteria {
            (c.score_before, c.score_after) = scores.get(c.criterion).copied().unwrap_or_default();
        }
        for (ix, &(b, a)) in scores.iter().enumerate() {
            if b != a && !self.criteria.iter().any(|c| c.criterion == ix) {
                self.criteria.push(CriterionChange {
                    criterion: ix,
                    closed: Vec::new(),
                    opened: Vec::new(),
                    other: Vec::new(),
                    score_before: b,
                    score_after: a,
                });
            }
        }
        order::sort_by_key(&mut self.criteria, |c| c.criterion);
        self
    }
}

/// Compares two assessments of the same bank.
pub fn compare(bank: &Bank, before: &Assessment, after: &Assessment) -> Comparison {
    let mut questions = Vec::new();
    // Per criterion index; a list rather than a map keeps the Wasm smaller.
    let mut criteria: Vec<Option<CriterionChange>> = vec![None; bank.criteria.len()];
    for q in &bank.questions {
        let (was_asked, is_asked) = (before.asks(q), after.asks(q));
        let (b, a) = (before.status(&q.id), after.status(&q.id));
        let movement = match (was_asked, is_asked) {
            (false, false) => continue,
            (false, true) => Movement::NewlyAsked,
            (true, false) => Movement::NoLongerAsked,
            (true, true) if b == a => continue,
            (true, true) => match (is_gap(b), is_gap(a)) {
                (true, false) => Movement::Closed,
                (false, true) => Movement::Reopened,
                _ => match distance(a).cmp(&distance(b)) {
                    std::cmp::Ordering::Less => Movement::Improved,
                    std::cmp::Ordering::Greater => Movement::Worsened,
                    std::cmp::Ordering::Equal => Movement::Sideways,
                },
            },
        };
        let change = QuestionChange {
            question: q.id.clone(),
            criteria: q.criterion_ix.clone(),
            before: b,
            after: a,
            movement,
        };
        for &ix in &q.criterion_ix {
            let Some(slot) = criteria.get_mut(ix) else {
                continue;
            };
            let entry = slot.get_or_insert_with(|| CriterionChange {
                criterion: ix,
                closed: Vec::new(),
                opened: Vec::new(),
                other: Vec::new(),
                score_before: None,
                score_after: None,
            });
            let list = if change.closes_gap() {
                &mut entry.closed
            } else if change.opens_gap() {
                &mut entry.opened
            } else {
                &mut entry.other
            };
            list.push(q.id.clone());
        }
        questions.push(change);
    }
    Comparison {
        questions,
        criteria: criteria.into_iter().flatten().collect(),
        scope: scope_change(before, after),
    }
}

fn is_gap(status: Option<Status>) -> bool {
    !matches!(status, Some(Status::Ready | Status::NotApplicable))
}

/// How far a status is from ready; unanswered counts as missing.
fn distance(status: Option<Status>) -> u8 {
    match status {
        Some(Status::Ready | Status::NotApplicable) => 0,
        Some(Status::Implemented) => 1,
        Some(Status::Partial) => 2,
        Some(Status::Planned) => 3,
        Some(Status::Missing) | None => 4,
    }
}

fn scope_change(before: &Assessment, after: &Assessment) -> ScopeChange {
    let (b, a) = (&before.scope, &after.scope);
    let changed = |x, y| (x != y).then_some((x, y));
    ScopeChange {
        categories_added: a.categories.difference(&b.categories).copied().collect(),
        categories_removed: b.categories.difference(&a.categories).copied().collect(),
        report_type: changed(b.report_type, a.report_type),
        period: (b.period != a.period).then_some((b.period, a.period)),
        path: (before.path != after.path).then_some((before.path, after.path)),
        items_added: a.in_scope.difference(&b.in_scope).copied().collect(),
        items_removed: b.in_scope.difference(&a.in_scope).copied().collect(),
    }
}
