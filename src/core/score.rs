//! Readiness scores derived from a bank and an assessment. Never stored.

use crate::core::assessment::{Assessment, Status};
use crate::core::bank::Bank;
use crate::core::catalog::Category;

/// How much of a question's weight an answer earns towards readiness.
/// `None` means the question is excluded from the score (not applicable).
pub fn credit(status: Option<Status>) -> Option<f64> {
    match status {
        Some(Status::Ready) => Some(1.0),
        Some(Status::Implemented) => Some(0.75),
        Some(Status::Partial) => Some(0.5),
        Some(Status::Planned) => Some(0.2),
        Some(Status::Missing) | None => Some(0.0),
        Some(Status::NotApplicable) => None,
    }
}

/// Readiness and completion of a group of questions, both 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    pub readiness: f64,
    pub completion: f64,
    pub asked: usize,
    pub answered: usize,
}

#[derive(Debug, Default)]
struct Tally {
    earned: f64,
    weight: f64,
    asked: usize,
    answered: usize,
}

impl Tally {
    fn add(&mut self, weight: f64, status: Option<Status>) {
        self.asked += 1;
        if status.is_some() {
            self.answered += 1;
        }
        if let Some(c) = credit(status) {
            self.earned += weight * c;
            self.weight += weight;
        }
    }

    fn score(&self) -> Score {
        let pct = |a: f64, b: f64| if b > 0.0 { 100.0 * a / b } else { 0.0 };
        Score {
            readiness: pct(self.earned, self.weight),
            completion: pct(self.answered as f64, self.asked as f64),
            asked: self.asked,
            answered: self.answered,
        }
    }
}

/// Scores for the whole assessment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scorecard {
    pub overall: Score,
    /// In scope categories, in catalog order.
    pub categories: Vec<(Category, Score)>,
}

pub fn scorecard(bank: &Bank, assessment: &Assessment) -> Scorecard {
    let mut overall = Tally::default();
    let mut by_category: Vec<Tally> = Category::ALL.iter().map(|_| Tally::default()).collect();
    for q in assessment.asked(bank) {
        let status = assessment.status(&q.id);
        let weight = f64::from(q.weight);
        overall.add(weight, status);
        let ix = Category::ALL
            .iter()
            .position(|c| *c == q.category)
            .unwrap_or(0);
        by_category[ix].add(weight, status);
    }
    Scorecard {
        overall: overall.score(),
        categories: Category::ALL
            .iter()
            .zip(&by_category)
            .filter(|(c, _)| assessment.scope.categories.contains(c))
            .map(|(c, t)| (*c, t.score()))
            .collect(),
    }
}
