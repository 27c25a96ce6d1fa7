//! Gap analysis and roadmap: every asked answer short of ready, ranked and
//! grouped into phases.
//!
//! The rules, in plain words:
//!
//! - A *gap* is an asked question whose credit is below 100 %: unanswered,
//!   not in place, planned, partly in place, in place without evidence, or
//!   (Type II) not shown operating since the start of the period. A question
//!   marked not applicable without a justification is a gap of its own kind:
//!   it does not lower a score, but an auditor will ask why.
//! - *Priority* (0–100) = weight (1–5) × 2 for a key control (× 1 otherwise)
//!   × distance from ready (100 − credit, in percent) ÷ 10, rounded. A
//!   missing justification counts as half-way from ready (distance 50).
//! - *Phases*:
//!   - **before the audit**: blockers that hold the outcome down: the
//!     deciding controls short of the bar in a criterion likely not met or
//!     not testable (see [`crate::core::outcome`]);
//!   - **next**: other key-control gaps (unanswered ones included), weak
//!     controls (earning "partly in place" or less) and missing
//!     justifications;
//!   - **later**: improvements: other controls that are in place but whose
//!     evidence is not ready, and unanswered questions that are not key.
//! - *Order*: by phase, then by priority (highest first), then bank order,
//!   so the same input always gives the same list.
//! - A gap is *overdue* when its due date is before today.

use crate::core::assessment::{Assessment, Status};
use crate::core::bank::{Bank, Effort, Question};
use crate::core::date::Day;
use crate::core::outcome::Outcome;
use crate::core::score::{
    CREDIT_PARTIAL, CREDIT_READY, Facts, NotOperating, QuestionScore, Scorecard, facts_by_index,
};
use std::collections::BTreeMap;

/// Distance from ready given to a missing justification, in percent.
pub const JUSTIFICATION_DISTANCE: u32 = 50;

/// The roadmap rules in plain words, for the app and the README.
pub fn how_the_roadmap_is_built() -> Vec<String> {
    vec![
        "Every question you are asked that is not ready with evidence is a gap, \
         unanswered ones included. A \"not applicable\" answer without a justification is \
         listed too, because an auditor will ask why."
            .to_owned(),
        "Priority (0 to 100) grows with the question's weight, doubles for a key control, \
         and grows with the distance from ready."
            .to_owned(),
        format!(
            "{}: the key controls short of the bar in criteria likely not met or not \
             testable; closing one per criterion lifts the outcome. {}: other key-control \
             gaps, weak controls and missing justifications. {}: other controls in place \
             whose evidence is not ready, and unanswered questions that are not key.",
            Phase::BeforeAudit.label(),
            Phase::Next.label(),
            Phase::Later.label()
        ),
        "Within a phase, higher priority first, then the order of the question bank. A \
         gap whose due date has passed is overdue."
            .to_owned(),
    ]
}

/// When to close a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Blockers: they make a criterion draw an exception.
    BeforeAudit,
    /// Weak controls.
    Next,
    /// Improvements.
    Later,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::BeforeAudit, Phase::Next, Phase::Later];

    pub fn label(self) -> &'static str {
        match self {
            Phase::BeforeAudit => "Before the audit",
            Phase::Next => "Next",
            Phase::Later => "Later",
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Phase::BeforeAudit => {
                "Blockers: key controls short of the bar where no other control covers the criterion."
            }
            Phase::Next => "Other key-control gaps, weak controls and missing justifications.",
            Phase::Later => {
                "Improvements: evidence not ready, and unanswered questions that are not key."
            }
        }
    }
}

/// What kind of work closes a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GapKind {
    /// The control is short of ready.
    Control,
    /// Marked not applicable without saying why.
    Justification,
}

/// One answer short of ready. Its criteria and owner are looked up through
/// the [`Roadmap`] that holds it, which keeps them in shared lists (one
/// allocation each, however many gaps); the evidence still to collect is
/// worked out when shown ([`Gap::evidence_to_collect`]), since reading every
/// answer's ticks up front would cost more than the rest of the roadmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// Index into [`Bank::questions`].
    pub question: usize,
    pub kind: GapKind,
    pub phase: Phase,
    /// 0–100, higher first.
    pub priority: u32,
    pub status: Option<Status>,
    pub weight: u8,
    pub key: bool,
    /// Credit earned now, percent (0 for a missing justification's N/A).
    pub credit: u32,
    /// Set when the Type II rule capped the credit.
    pub not_operating: Option<NotOperating>,
    pub due: Option<Day>,
    /// Due before today.
    pub overdue: bool,
    pub effort: Effort,
    /// Index into [`Roadmap::owners`]; `None` when nobody is named.
    pub owner: Option<usize>,
    criteria: Span,
}

/// A slice of one of the roadmap's shared lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Span {
    start: usize,
    len: usize,
}

impl Span {
    fn of(self, list: &[usize]) -> &[usize] {
        list.get(self.start..self.start + self.len).unwrap_or(&[])
    }
}

impl Gap {
    pub fn question<'b>(&self, bank: &'b Bank) -> Option<&'b Question> {
        bank.questions.get(self.question)
    }

    /// Remediation steps from the bank.
    pub fn steps<'b>(&self, bank: &'b Bank) -> &'b [String] {
        self.question(bank)
            .map_or(&[], |q| q.remediation.steps.as_slice())
    }

    /// Indexes into the question's evidence list not yet ticked in the
    /// assessment's answer (empty for a missing justification).
    pub fn evidence_to_collect(&self, bank: &Bank, assessment: &Assessment) -> Vec<usize> {
        let (Some(q), GapKind::Control) = (self.question(bank), self.kind) else {
            return Vec::new();
        };
        let ticked = assessment.answer(&q.id).map(|a| &a.evidence);
        (0..q.evidence.len())
            .filter(|i| !ticked.is_some_and(|t| t.contains(i)))
            .collect()
    }

    /// Names of the evidence items still to collect.
    pub fn evidence_names<'b>(&self, bank: &'b Bank, assessment: &Assessment) -> Vec<&'b str> {
        let list = self
            .question(bank)
            .map_or(&[][..], |q| q.evidence.as_slice());
        self.evidence_to_collect(bank, assessment)
            .into_iter()
            .filter_map(|i| list.get(i).map(String::as_str))
            .collect()
    }

    /// What is wrong, in plain words.
    pub fn describe(&self) -> String {
        match (self.kind, self.not_operating, self.status) {
            (GapKind::Justification, _, _) => {
                "Marked not applicable without a justification".to_owned()
            }
            (GapKind::Control, Some(n), Some(s)) => format!("{}, but {}", s.label(), n.describe()),
            (GapKind::Control, _, Some(s)) => s.label().to_owned(),
            (GapKind::Control, _, None) => "Unanswered".to_owned(),
        }
    }
}

/// The gaps in roadmap order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Roadmap {
    pub gaps: Vec<Gap>,
    /// Distinct owners named on gaps (trimmed), in bank order of first use.
    pub owners: Vec<String>,
    criteria: Vec<usize>,
}

impl Roadmap {
    /// Gaps for an assessment (the same as [`crate::core::evaluate::evaluate`]
    /// gives).
    pub fn compute(
        bank: &Bank,
        assessment: &Assessment,
        card: &Scorecard,
        outcome: &Outcome,
        today: Day,
    ) -> Roadmap {
        let facts = facts_by_index(bank, assessment);
        let mut collector = Collector::new(bank.questions.len(), today);
        for (ix, ((q, score), f)) in bank
            .questions
            .iter()
            .zip(&card.questions)
            .zip(&facts)
            .enumerate()
        {
            if let Some(score) = score {
                collector.visit(ix, q, f, score);
            }
        }
        collector.finish(card, outcome)
    }

    /// Gaps of one phase, in order.
    pub fn phase(&self, phase: Phase) -> impl Iterator<Item = &Gap> {
        self.gaps.iter().filter(move |g| g.phase == phase)
    }

    /// Number of overdue gaps.
    pub fn overdue(&self) -> usize {
        self.gaps.iter().filter(|g| g.overdue).count()
    }

    /// Indexes into [`Bank::criteria`] of the in-scope criteria a gap's
    /// question supports.
    pub fn criteria(&self, gap: &Gap) -> &[usize] {
        gap.criteria.of(&self.criteria)
    }

    /// The gap's owner, or "" when nobody is named.
    pub fn owner(&self, gap: &Gap) -> &str {
        gap.owner
            .and_then(|o| self.owners.get(o))
            .map_or("", String::as_str)
    }
}

/// Gathers gaps while the scorecard visits each asked question, so every
/// answer is read once while it is in cache; phases need the outcome, so
/// they are set by [`Collector::finish`].
pub(crate) struct Collector<'a> {
    today: Day,
    gaps: Vec<Gap>,
    criteria: Vec<usize>,
    owners: Vec<String>,
    owner_ix: BTreeMap<&'a str, usize>,
}

impl<'a> Collector<'a> {
    pub(crate) fn new(questions: usize, today: Day) -> Self {
        Collector {
            today,
            gaps: Vec::with_capacity(questions),
            criteria: Vec::with_capacity(questions * 3),
            owners: Vec::new(),
            owner_ix: BTreeMap::new(),
        }
    }

    /// Records the gap of one asked question, if it has one.
    pub(crate) fn visit(
        &mut self,
        ix: usize,
        q: &Question,
        facts: &Facts<'a>,
        score: &QuestionScore,
    ) {
        let (kind, credit) = match score.credit {
            Some(c) if c < CREDIT_READY => (GapKind::Control, c),
            None if score.needs_justification => (GapKind::Justification, 0),
            _ => return,
        };
        let start = self.criteria.len();
        self.criteria.extend_from_slice(&q.criterion_ix);
        let criteria = Span {
            start,
            len: q.criterion_ix.len(),
        };
        let owner = Some(facts.owner)
            .filter(|o| !o.is_empty())
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(|o| {
                *self.owner_ix.entry(o).or_insert_with(|| {
                    self.owners.push(o.to_owned());
                    self.owners.len() - 1
                })
            });
        let due = facts.due;
        self.gaps.push(Gap {
            question: ix,
            kind,
            phase: Phase::Later,
            priority: priority(score, kind),
            status: score.status,
            weight: score.weight,
            key: score.key,
            credit,
            not_operating: score.not_operating,
            due,
            overdue: due.is_some_and(|d| d < self.today),
            effort: q.remediation.effort,
            owner,
            criteria,
        });
    }

    /// Keeps only in-scope criteria, sets each gap's phase and sorts.
    pub(crate) fn finish(mut self, card: &Scorecard, outcome: &Outcome) -> Roadmap {
        // Gaps are in bank order, so their criteria spans are in list order
        // and can be compacted in place.
        let mut kept = 0;
        for g in &mut self.gaps {
            let start = kept;
            for read in g.criteria.start..g.criteria.start + g.criteria.len {
                let c = self.criteria[read];
                if card.criterion(c).is_some() {
                    self.criteria[kept] = c;
                    kept += 1;
                }
            }
            g.criteria = Span {
                start,
                len: kept - start,
            };
            g.phase = match g.kind {
                GapKind::Justification => Phase::Next,
                GapKind::Control if outcome.is_blocker(g.question) => Phase::BeforeAudit,
                GapKind::Control if g.key || g.credit <= CREDIT_PARTIAL && g.status.is_some() => {
                    Phase::Next
                }
                GapKind::Control => Phase::Later,
            };
        }
        self.criteria.truncate(kept);
        Roadmap {
            gaps: in_roadmap_order(&self.gaps),
            owners: self.owners,
            criteria: self.criteria,
        }
    }
}

/// Sorts by phase, then priority (highest first), then bank order. A
/// counting sort over the (phase, priority) ranks: linear, and stable, so
/// gaps built in bank order keep it within a rank.
fn in_roadmap_order(gaps: &[Gap]) -> Vec<Gap> {
    const PRIORITIES: usize = MAX_PRIORITY as usize + 1;
    let rank = |g: &Gap| {
        g.phase as usize * PRIORITIES + (MAX_PRIORITY - g.priority.min(MAX_PRIORITY)) as usize
    };
    let mut next = vec![0usize; Phase::ALL.len() * PRIORITIES + 1];
    for g in gaps {
        next[rank(g) + 1] += 1;
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    let mut order = vec![0usize; gaps.len()];
    for (ix, g) in gaps.iter().enumerate() {
        let slot = &mut next[rank(g)];
        order[*slot] = ix;
        *slot += 1;
    }
    order.into_iter().map(|ix| gaps[ix]).collect()
}

/// Highest priority.
pub const MAX_PRIORITY: u32 = 100;

/// Priority 0–100: weight × (2 if key, else 1) × distance from ready ÷ 10.
pub fn priority(score: &QuestionScore, kind: GapKind) -> u32 {
    let distance = match kind {
        GapKind::Control => CREDIT_READY.saturating_sub(score.credit.unwrap_or(0)),
        GapKind::Justification => JUSTIFICATION_DISTANCE,
    };
    let key = if score.key { 2 } else { 1 };
    ((u32::from(score.weight) * key * distance + 5) / 10).min(MAX_PRIORITY)
}
