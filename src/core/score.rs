//! Readiness scores derived from a bank and an assessment. Never stored.
//!
//! How scores work, in plain words (the same rules as [`how_scores_work`]):
//!
//! - Only the questions the assessment asks count: their category is in
//!   scope and, on the quick path, they are quick questions.
//! - Each answer earns a share of its question's weight (1 to 5), its
//!   *credit*: ready with evidence 100 %, in place without evidence 75 %,
//!   partly in place 50 %, planned 20 %, not in place 0 %. An unanswered
//!   question earns 0 %, like "not in place".
//! - "Not applicable" answers are left out of the score altogether.
//! - In a Type II assessment a control must have operated since the start of
//!   the observation period; a ready or in-place answer without an "operating
//!   since" date on or before the start earns at most 50 %.
//! - The readiness of a group of questions (a criterion, a series, a
//!   category, the whole assessment) is the credit earned divided by the
//!   most it could earn, as a percentage. A question that supports several
//!   criteria counts fully in each of them, but only once in a series, a
//!   category or the overall score.
//! - Completion is the share of asked questions that have an answer, "not
//!   applicable" included.
//!
//! Everything is computed from indexes into the bank; the hot loop allocates
//! nothing per question.

use crate::core::assessment::{Assessment, ReportType, Scope, Status};
use crate::core::bank::{Bank, Question};
use crate::core::catalog::Category;
use crate::core::date::Day;

/// Credit of an answer that is ready, with evidence, in percent of the weight.
pub const CREDIT_READY: u32 = 100;
/// Credit of a control in place whose evidence is not ready.
pub const CREDIT_IMPLEMENTED: u32 = 75;
/// Credit of a partly implemented control.
pub const CREDIT_PARTIAL: u32 = 50;
/// Credit of a planned control.
pub const CREDIT_PLANNED: u32 = 20;
/// Credit of a missing control, and of an unanswered question.
pub const CREDIT_MISSING: u32 = 0;

/// Most a ready or in-place answer earns in a Type II assessment when the
/// control has not been shown to operate since the start of the period.
///
/// Why 50 %, the credit of "partly in place": a Type II auditor tests two
/// things, that the control is designed and in place, and that it operated
/// across the whole period. Such a control shows the first and not the
/// second, so it is, for the report, only partly there. Capping (rather
/// than replacing) keeps the order of answers: a capped answer never earns
/// less than a partial one, so improving an answer never lowers a score.
pub const CREDIT_TYPE2_NOT_OPERATING: u32 = CREDIT_PARTIAL;

/// Credit an answer earns, in percent of its question's weight (0–100).
/// `None` means the question is left out of the score (not applicable).
///
/// This is the one table of credits; Type II adjustments are applied on top
/// of it by [`QuestionScore`].
pub const fn credit_percent(status: Option<Status>) -> Option<u32> {
    match status {
        Some(Status::Ready) => Some(CREDIT_READY),
        Some(Status::Implemented) => Some(CREDIT_IMPLEMENTED),
        Some(Status::Partial) => Some(CREDIT_PARTIAL),
        Some(Status::Planned) => Some(CREDIT_PLANNED),
        Some(Status::Missing) | None => Some(CREDIT_MISSING),
        Some(Status::NotApplicable) => None,
    }
}

/// [`credit_percent`] as a fraction (0.0–1.0) of the question's weight.
pub fn credit(status: Option<Status>) -> Option<f64> {
    credit_percent(status).map(|p| f64::from(p) / 100.0)
}

/// Why a ready or in-place answer cannot count as ready for a Type II report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotOperating {
    /// No "operating since" date, so nothing shows the control ran across
    /// the period.
    NoDate,
    /// The control has operated only since `since`, after the period
    /// started on `start`.
    StartedLate { since: Day, start: Day },
    /// A periodic control with no day recorded that it ran.
    NoRuns,
}

impl NotOperating {
    /// Plain-words reason, starting with a verb ("has ..."), for gap lists
    /// and outcome reasons.
    pub fn describe(self) -> String {
        match self {
            NotOperating::NoDate => "has no \u{201c}operating since\u{201d} date, so it cannot \
                                     count as ready for Type II"
                .to_owned(),
            NotOperating::StartedLate { since, start } => format!(
                "has operated only since {since}, after the period starts on {start}, \
                 so it cannot count as ready for Type II"
            ),
            NotOperating::NoRuns => "runs periodically but has no day recorded that it ran, \
                                     so it cannot count as ready for Type II"
                .to_owned(),
        }
    }
}

/// The Type II rule an assessment's scope calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type2 {
    Off,
    /// `start` is `None` when the scope has no period yet: then any date is
    /// taken at its word, and the outcome reports the missing period.
    On {
        start: Option<Day>,
    },
}

impl Type2 {
    fn of(scope: &Scope) -> Type2 {
        match scope.report_type {
            ReportType::Type1 => Type2::Off,
            ReportType::Type2 => Type2::On {
                start: scope.period.map(|p| p.start),
            },
        }
    }

    fn not_operating(self, facts: &Facts, periodic: bool) -> Option<NotOperating> {
        let Type2::On { start } = self else {
            return None;
        };
        if !matches!(facts.status, Some(Status::Ready | Status::Implemented)) {
            return None;
        }
        // A periodic control is judged on the days it ran (which
        // `core::operation` lays against the period), not on a start date.
        if periodic {
            return (!facts.has_runs).then_some(NotOperating::NoRuns);
        }
        match (facts.operating_since, start) {
            (None, _) => Some(NotOperating::NoDate),
            (Some(since), Some(start)) if since > start => {
                Some(NotOperating::StartedLate { since, start })
            }
            (Some(_), _) => None,
        }
    }
}

/// How one asked question scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionScore {
    /// The answer's status; `None` is unanswered.
    pub status: Option<Status>,
    /// The bank's weight, 1 to 5.
    pub weight: u8,
    /// A key control: its absence would likely draw an exception.
    pub key: bool,
    /// Percent of the weight earned (0–100), after the Type II cap.
    /// `None` when not applicable (left out of every score).
    pub credit: Option<u32>,
    /// Set when the Type II cap applied.
    pub not_operating: Option<NotOperating>,
    /// Marked not applicable without a justification.
    pub needs_justification: bool,
    /// Unanswered, with its status implied by the question it follows up.
    pub implied: bool,
    /// Some evidence item is ticked.
    pub evidence: bool,
    /// Some day is recorded that it ran, inside the period or not.
    pub any_runs: bool,
}

impl QuestionScore {
    fn new(q: &Question, facts: &Facts, type2: Type2) -> QuestionScore {
        let (weight, key) = (q.weight, q.key);
        let status = facts.status;
        let periodic = q.is_periodic();
        let not_operating = type2.not_operating(facts, periodic);
        let credit = credit_percent(status).map(|c| match not_operating {
            Some(_) => c.min(CREDIT_TYPE2_NOT_OPERATING),
            None => c,
        });
        QuestionScore {
            status,
            weight,
            key,
            credit,
            not_operating,
            needs_justification: facts.unjustified,
            implied: facts.implied,
            evidence: facts.evidence,
            any_runs: facts.any_runs,
        }
    }

    /// The question's own score, 0–100; `None` when not applicable.
    pub fn readiness(&self) -> Option<f64> {
        self.credit.map(f64::from)
    }

    /// Weighted points earned (weight × credit), `None` when not applicable.
    pub fn earned(&self) -> Option<f64> {
        self.credit
            .map(|c| f64::from(self.weight) * f64::from(c) / 100.0)
    }

    /// Whether the answer is short of ready: a gap.
    pub fn is_short_of_ready(&self) -> bool {
        self.credit.is_some_and(|c| c < CREDIT_READY)
    }
}

/// Readiness and completion of a group of questions, both 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Weighted credit earned over the most it could earn, 0–100; 0 when
    /// every question is not applicable (see [`Score::is_applicable`]).
    pub readiness: f64,
    /// Share of asked questions answered (not applicable included), 0–100.
    pub completion: f64,
    pub asked: usize,
    pub answered: usize,
    pub not_applicable: usize,
    /// Sum of weight × credit percent over the applicable questions.
    pub earned: u64,
    /// Sum of weight × 100 over the applicable questions.
    pub possible: u64,
}

impl Score {
    /// False when nothing in the group counts (nothing asked, or all N/A).
    pub fn is_applicable(&self) -> bool {
        self.possible > 0
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    asked: usize,
    answered: usize,
    not_applicable: usize,
    earned: u64,
    possible: u64,
}

impl Tally {
    fn add(&mut self, q: &QuestionScore) {
        self.asked += 1;
        if q.status.is_some() {
            self.answered += 1;
        }
        let weight = u64::from(q.weight);
        match q.credit {
            Some(c) => {
                self.earned += weight * u64::from(c);
                self.possible += weight * u64::from(CREDIT_READY);
            }
            None => self.not_applicable += 1,
        }
    }

    fn score(&self) -> Score {
        let pct = |a: f64, b: f64| if b > 0.0 { 100.0 * a / b } else { 0.0 };
        Score {
            readiness: pct(self.earned as f64, self.possible as f64),
            completion: pct(self.answered as f64, self.asked as f64),
            asked: self.asked,
            answered: self.answered,
            not_applicable: self.not_applicable,
            earned: self.earned,
            possible: self.possible,
        }
    }
}

/// Score of one criterion, such as CC6.1.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionScore {
    /// Index into [`Bank::criteria`].
    pub criterion: usize,
    /// Index into [`Bank::series`].
    pub series: usize,
    pub category: Category,
    pub score: Score,
    /// Range into `Scorecard::support` listing the questions behind it.
    support: std::ops::Range<usize>,
}

/// Score of one series, such as CC6 or P4.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesScore {
    /// Index into [`Bank::series`].
    pub series: usize,
    pub category: Category,
    pub score: Score,
}

/// Scores for the whole assessment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scorecard {
    pub overall: Score,
    /// In scope categories, in catalog order (listed even when the path asks
    /// none of their questions).
    pub categories: Vec<(Category, Score)>,
    /// Series with at least one asked question, in bank order.
    pub series: Vec<SeriesScore>,
    /// Criteria with at least one asked question, in bank order. Criteria of
    /// categories out of scope are never listed.
    pub criteria: Vec<CriterionScore>,
    /// Per bank question (same index as [`Bank::questions`]); `None` when
    /// the assessment does not ask it.
    pub questions: Vec<Option<QuestionScore>>,
    /// Question indexes per criterion, in bank order; sliced by
    /// `CriterionScore::support`.
    support: Vec<usize>,
    /// Position in `criteria` per bank criterion index.
    criterion_pos: Vec<Option<usize>>,
}

/// The parts of one answer that scoring and the roadmap read.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Facts<'a> {
    pub(crate) status: Option<Status>,
    /// Marked not applicable with a blank justification (the text is only
    /// read for N/A answers).
    pub(crate) unjustified: bool,
    pub(crate) operating_since: Option<Day>,
    /// Some day is recorded that the control ran (inside the Type II
    /// period, when one is set: runs before it show nothing about it).
    pub(crate) has_runs: bool,
    /// Some evidence item is ticked.
    pub(crate) evidence: bool,
    /// Some day is recorded that it ran, in the period or not.
    pub(crate) any_runs: bool,
    pub(crate) due: Option<Day>,
    /// As typed (trimmed only when a gap needs it).
    pub(crate) owner: &'a str,
    /// The status is implied by the question this one follows up.
    pub(crate) implied: bool,
}

/// Answer facts per bank question (same index as [`Bank::questions`]),
/// copied out in one merge of the answers (kept sorted by id) with the
/// bank's ids in the same order: no lookup per answer, so the cost stays
/// flat as banks grow, and the later passes read one compact list.
/// Answers whose id is not in the bank are ignored.
pub(crate) fn facts_by_index<'a>(bank: &Bank, assessment: &'a Assessment) -> Vec<Facts<'a>> {
    let mut facts = vec![Facts::default(); bank.questions.len()];
    let period = assessment.scope.period;
    let mut ids = bank.ids_in_order().peekable();
    for (id, answer) in &assessment.answers {
        while ids.next_if(|(bank_id, _)| *bank_id < id.as_str()).is_some() {}
        let Some((_, ix)) = ids.next_if(|(bank_id, _)| *bank_id == id.as_str()) else {
            continue;
        };
        if let Some(slot) = facts.get_mut(ix) {
            *slot = Facts {
                status: answer.status,
                unjustified: answer.status == Some(Status::NotApplicable)
                    && answer.justification.trim().is_empty(),
                operating_since: answer.operating_since,
                has_runs: match period {
                    Some(p) => answer.runs.range(p.start..=p.end).next().is_some(),
                    None => !answer.runs.is_empty(),
                },
                evidence: !answer.evidence.is_empty(),
                any_runs: !answer.runs.is_empty(),
                due: answer.due,
                owner: &answer.owner,
                implied: false,
            };
        }
    }
    // The scope already answers a question whose condition does not hold:
    // it is not applicable for the bank's reason, whatever the answer says.
    for (condition, _) in assessment
        .scope
        .conditions
        .iter()
        .filter(|(_, holds)| !**holds)
    {
        for &ix in bank.question_indexes_under(condition) {
            if let Some(f) = facts.get_mut(ix) {
                *f = Facts {
                    status: Some(Status::NotApplicable),
                    ..Facts::default()
                };
            }
        }
    }
    // A follow-up left unanswered takes its answer from the question it
    // follows when that one is not in place: without a plan there is no
    // test of the plan. (Follow-ups never follow follow-ups, so one pass.)
    for (ix, q) in bank.questions.iter().enumerate() {
        let Some(parent) = q.follows_ix.and_then(|p| facts.get(p)).map(|f| f.status) else {
            continue;
        };
        let (implied, whatever_answered) = match parent {
            Some(Status::Missing | Status::Planned) => (Status::Missing, false),
            // A follow-up of a control that does not apply does not apply
            // either, whatever it says: it cannot count for or against.
            Some(Status::NotApplicable) => (Status::NotApplicable, true),
            _ => continue,
        };
        if let Some(f) = facts
            .get_mut(ix)
            .filter(|f| f.status.is_none() || whatever_answered)
        {
            f.status = Some(implied);
            f.unjustified = false;
            f.implied = true;
        }
    }
    facts
}

impl Scorecard {
    /// Scores every asked question and every group they belong to.
    pub fn compute(bank: &Bank, assessment: &Assessment) -> Scorecard {
        let facts = facts_by_index(bank, assessment);
        Scorecard::with_facts(bank, assessment, &facts, |_, _, _, _| {})
    }

    /// Scores the assessment, calling `visit` on each asked question in
    /// bank order (the roadmap gathers its gaps there).
    pub(crate) fn with_facts<'a>(
        bank: &Bank,
        assessment: &Assessment,
        facts: &[Facts<'a>],
        mut visit: impl FnMut(usize, &Question, &Facts<'a>, &QuestionScore),
    ) -> Scorecard {
        let type2 = Type2::of(&assessment.scope);
        let mut in_scope = [false; Category::ALL.len()];
        for c in &assessment.scope.categories {
            in_scope[*c as usize] = true;
        }
        // Series index and category of each criterion; `None` when its
        // category is out of scope, so it is never mentioned.
        let criterion_home: Vec<Option<(usize, Category)>> = bank
            .criteria
            .iter()
            .map(|c| {
                let series = bank.series(&c.series)?;
                let ix = bank.series.element_offset(series)?;
                in_scope[series.category as usize].then_some((ix, series.category))
            })
            .collect();

        let mut overall = Tally::default();
        let mut by_category = [Tally::default(); Category::ALL.len()];
        let mut by_series = vec![Tally::default(); bank.series.len()];
        let mut by_criterion = vec![Tally::default(); bank.criteria.len()];
        let mut questions = vec![None; bank.questions.len()];
        // (criterion, question) for each in-scope criterion of each asked
        // question, in bank order.
        // Sized for three criteria a question, so it rarely grows.
        let mut links: Vec<(usize, usize)> = Vec::with_capacity(bank.questions.len() * 3);

        for (ix, q) in bank.questions.iter().enumerate() {
            if !assessment.asks(q) {
                continue;
            }
            let f = facts.get(ix).copied().unwrap_or_default();
            let score = QuestionScore::new(q, &f, type2);
            overall.add(&score);
            let home = |c: usize| criterion_home.get(c).copied().flatten();
            for (k, &c) in q.criterion_ix.iter().enumerate() {
                let Some((series, category)) = home(c) else {
                    continue;
                };
                if let Some(t) = by_criterion.get_mut(c) {
                    t.add(&score);
                    links.push((c, ix));
                }
                // Once per series and per category, however many of their
                // criteria the question supports.
                let earlier = || q.criterion_ix[..k].iter().filter_map(|&e| home(e));
                if !earlier().any(|(s, _)| s == series) {
                    by_series[series].add(&score);
                }
                if !earlier().any(|(_, cat)| cat == category) {
                    by_category[category as usize].add(&score);
                }
            }
            visit(ix, q, &f, &score);
            questions[ix] = Some(score);
        }

        // Which questions made each criterion's score, laid out flat: a
        // counting sort of the links by criterion, keeping bank order.
        let mut start = Vec::with_capacity(by_criterion.len() + 1);
        let mut total = 0;
        for t in &by_criterion {
            start.push(total);
            total += t.asked;
        }
        start.push(total);
        let mut fill = start.clone();
        let mut support = vec![0; total];
        for &(c, ix) in &links {
            support[fill[c]] = ix;
            fill[c] += 1;
        }

        let mut criteria = Vec::new();
        let mut criterion_pos = vec![None; bank.criteria.len()];
        for (c, t) in by_criterion.iter().enumerate() {
            if let (Some((series, category)), true) = (criterion_home[c], t.asked > 0) {
                criterion_pos[c] = Some(criteria.len());
                criteria.push(CriterionScore {
                    criterion: c,
                    series,
                    category,
                    score: t.score(),
                    support: start[c]..start[c + 1],
                });
            }
        }
        let series = bank
            .series
            .iter()
            .zip(&by_series)
            .enumerate()
            .filter(|(_, (_, t))| t.asked > 0)
            .map(|(ix, (s, t))| SeriesScore {
                series: ix,
                category: s.category,
                score: t.score(),
            })
            .collect();
        let categories = Category::ALL
            .iter()
            .filter(|c| in_scope[**c as usize])
            .map(|c| (*c, by_category[*c as usize].score()))
            .collect();

        Scorecard {
            overall: overall.score(),
            categories,
            series,
            criteria,
            questions,
            support,
            criterion_pos,
        }
    }

    /// How one bank question scores; `None` when it is not asked.
    pub fn question(&self, question: usize) -> Option<&QuestionScore> {
        self.questions.get(question).and_then(Option::as_ref)
    }

    /// Score of one criterion by its bank index; `None` when it is out of
    /// scope or no asked question supports it.
    pub fn criterion(&self, criterion: usize) -> Option<&CriterionScore> {
        let pos = self.criterion_pos.get(criterion).copied().flatten()?;
        self.criteria.get(pos)
    }

    /// Score of one series by its bank index.
    pub fn series_score(&self, series: usize) -> Option<&SeriesScore> {
        self.series.iter().find(|s| s.series == series)
    }

    /// The answers that made a criterion's score: each asked question that
    /// supports it, in bank order, with its status, weight and credit.
    pub fn explain(&self, criterion: usize) -> impl Iterator<Item = (usize, &QuestionScore)> {
        let range = self
            .criterion(criterion)
            .map(|c| c.support.clone())
            .unwrap_or(0..0);
        self.support
            .get(range)
            .unwrap_or(&[])
            .iter()
            .filter_map(|&q| self.question(q).map(|s| (q, s)))
    }
}

/// Scores for the whole assessment (same as [`Scorecard::compute`]).
pub fn scorecard(bank: &Bank, assessment: &Assessment) -> Scorecard {
    Scorecard::compute(bank, assessment)
}

/// The scoring rules in plain words, for the app's "how scores work" and
/// the README. Built from the constants above, so it cannot drift.
pub fn how_scores_work() -> Vec<String> {
    vec![
        "Only the questions you are asked count: those of the categories in scope \
         (and, on the quick path, the quick questions)."
            .to_owned(),
        format!(
            "Each answer earns a share of its question's weight (1 to 5): ready with \
             evidence {CREDIT_READY}%, in place but evidence not ready {CREDIT_IMPLEMENTED}%, \
             partly in place {CREDIT_PARTIAL}%, planned {CREDIT_PLANNED}%, not in place \
             {CREDIT_MISSING}%."
        ),
        format!(
            "Unanswered questions count as not in place ({CREDIT_MISSING}%) in readiness, \
             and show separately as completion: the share of questions answered."
        ),
        "\"Not applicable\" answers are left out of the score; give a short \
         justification, because an auditor will ask why."
            .to_owned(),
        format!(
            "Type II: a control must have operated since the start of the observation \
             period. A ready or in-place answer without an \"operating since\" date on or \
             before the start earns at most {CREDIT_TYPE2_NOT_OPERATING}%."
        ),
        "A score is the credit earned divided by the most that could be earned, as a \
         percentage, for a criterion, a series, a category or the whole assessment. A \
         question that supports several criteria counts fully in each, and once in a \
         series, a category or the overall score."
            .to_owned(),
    ]
}
