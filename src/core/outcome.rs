//! The likely auditor outcome: an indication from the answers, not an audit.
//!
//! The rules, in plain words:
//!
//! 1. A criterion *would draw an exception* when
//!    - a key control under it falls short: in a Type I, it is planned, not
//!      in place or unanswered; in a Type II, it is also short when it is
//!      only partly in place or has not operated since the start of the
//!      period (the auditor tests operation across the whole period); or
//!    - its readiness is below [`LOW_READINESS`] %.
//!
//!    Criteria whose questions are all "not applicable" are not judged.
//! 2. Exceptions are *pervasive* when more than a third of the judged
//!    criteria draw one, or when more than half of the judged common-criteria
//!    (Security) series contain one.
//! 3. The opinion is then:
//!    - **not enough answers to tell** when fewer than [`MIN_COMPLETION`] %
//!      of the asked questions are answered (the exceptions found so far are
//!      still listed);
//!    - **adverse** when exceptions are pervasive;
//!    - **qualified** when any criterion draws an exception;
//!    - **unmodified** (a clean opinion) otherwise.
//!
//! Problems with the scope (a Type II without a valid observation period)
//! and "not applicable" answers without a justification are listed as
//! reasons too: an auditor would raise them, though they do not change the
//! indication.

use crate::core::assessment::{Assessment, ReportType, Status};
use crate::core::bank::Bank;
use crate::core::catalog::Category;
use crate::core::score::{
    CREDIT_IMPLEMENTED, CREDIT_PARTIAL, NotOperating, QuestionScore, Scorecard,
};

/// Shown with every indication.
pub const DISCLAIMER: &str =
    "An indication from your answers, not an audit opinion: only an auditor can give one.";

/// Below this share of answered questions (percent) there is too little to tell.
pub const MIN_COMPLETION: f64 = 80.0;

/// A criterion whose readiness is below this (percent) would draw an exception.
pub const LOW_READINESS: f64 = 50.0;

/// Least credit (percent) a key control needs not to draw an exception in a
/// Type I: partly in place. Planned, missing and unanswered fall short.
pub const KEY_CONTROL_BAR_TYPE1: u32 = CREDIT_PARTIAL;

/// Least credit (percent) a key control needs not to draw an exception in a
/// Type II: in place and operating since the start of the period. Partly in
/// place, or capped for not operating across the period, falls short.
pub const KEY_CONTROL_BAR_TYPE2: u32 = CREDIT_IMPLEMENTED;

/// Least credit a key control needs, for the given report type.
pub fn key_control_bar(report_type: ReportType) -> u32 {
    match report_type {
        ReportType::Type1 => KEY_CONTROL_BAR_TYPE1,
        ReportType::Type2 => KEY_CONTROL_BAR_TYPE2,
    }
}

/// Whether this question is a key control that would draw an exception.
/// Not applicable answers never do.
pub fn key_control_falls_short(question: &QuestionScore, report_type: ReportType) -> bool {
    question.key
        && question
            .credit
            .is_some_and(|c| c < key_control_bar(report_type))
}

/// The outcome rules in plain words, for the app and the README. Built from
/// the constants above, so it cannot drift from what the code does.
pub fn how_the_outcome_is_judged() -> Vec<String> {
    vec![
        DISCLAIMER.to_owned(),
        format!(
            "A criterion would draw an exception when a key control under it is planned, \
             not in place or unanswered, or when its readiness is below {LOW_READINESS:.0}%. \
             For Type II, a key control must also be fully in place and operating since the \
             start of the period."
        ),
        "Exceptions are pervasive when more than a third of the criteria, or more than \
         half of the common-criteria (CC) series, have one."
            .to_owned(),
        format!(
            "Adverse: pervasive exceptions. Qualified: some exceptions. Unmodified: none. \
             With fewer than {MIN_COMPLETION:.0}% of the questions answered there is not \
             enough to tell."
        ),
    ]
}

/// The predicted opinion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Opinion {
    /// Clean: no criterion would draw an exception.
    Unmodified,
    /// Exceptions in some criteria.
    Qualified,
    /// Pervasive failures.
    Adverse,
    /// Too few answers for an indication.
    NotEnoughAnswers,
}

impl Opinion {
    pub fn label(self) -> &'static str {
        match self {
            Opinion::Unmodified => "Unmodified (clean)",
            Opinion::Qualified => "Qualified",
            Opinion::Adverse => "Adverse",
            Opinion::NotEnoughAnswers => "Not enough answers to tell",
        }
    }

    /// One sentence on what the opinion means.
    pub fn meaning(self) -> &'static str {
        match self {
            Opinion::Unmodified => "No criterion would likely draw an exception.",
            Opinion::Qualified => {
                "Some criteria would likely draw exceptions; the report would say where."
            }
            Opinion::Adverse => {
                "Exceptions would likely be so widespread that the controls as a whole fail."
            }
            Opinion::NotEnoughAnswers => {
                "Answer more questions for an indication; unanswered ones count as not ready."
            }
        }
    }
}

/// Why a criterion would draw an exception.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cause {
    /// A key control under the criterion falls short.
    KeyControl {
        /// Index into [`Bank::questions`].
        question: usize,
        status: Option<Status>,
        /// Set when it falls short only for Type II.
        not_operating: Option<NotOperating>,
    },
    /// The criterion's readiness is below [`LOW_READINESS`].
    LowReadiness { readiness: f64 },
}

impl Cause {
    /// Why, in plain words, such as "key control “Is MFA enforced?” is
    /// answered “Planned”" or "readiness 42% is below 50%".
    pub fn describe(&self, bank: &Bank) -> String {
        match self {
            Cause::KeyControl {
                question,
                status,
                not_operating,
            } => {
                let text = bank
                    .questions
                    .get(*question)
                    .map_or("", |q| q.text.as_str());
                let state = match (not_operating, status) {
                    (Some(n), _) => n.describe(),
                    (None, Some(s)) => format!("is answered \u{201c}{}\u{201d}", s.label()),
                    (None, None) => "is unanswered".to_owned(),
                };
                format!("key control \u{201c}{text}\u{201d} {state}")
            }
            Cause::LowReadiness { readiness } => format!(
                "readiness {:.0}% is below {LOW_READINESS:.0}%",
                readiness.floor()
            ),
        }
    }
}

/// A criterion that would draw an exception, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Exception {
    /// Index into [`Bank::criteria`].
    pub criterion: usize,
    /// Index into [`Bank::series`].
    pub series: usize,
    pub readiness: f64,
    /// Its readiness is below [`LOW_READINESS`].
    pub low_readiness: bool,
    /// Failing key controls first (in bank order), then low readiness.
    pub causes: Vec<Cause>,
}

/// How widespread the exceptions are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pervasiveness {
    pub criteria_with_exceptions: usize,
    /// Criteria with at least one applicable asked question.
    pub criteria_judged: usize,
    pub security_series_with_exceptions: usize,
    /// Security (common criteria) series with a judged criterion.
    pub security_series_judged: usize,
}

impl Pervasiveness {
    /// More than a third of judged criteria.
    pub fn criteria_rule(&self) -> bool {
        self.criteria_judged > 0 && self.criteria_with_exceptions * 3 > self.criteria_judged
    }

    /// More than half of judged common-criteria series.
    pub fn series_rule(&self) -> bool {
        self.security_series_judged > 0
            && self.security_series_with_exceptions * 2 > self.security_series_judged
    }

    pub fn is_pervasive(&self) -> bool {
        self.criteria_rule() || self.series_rule()
    }
}

/// A problem with the scope that an auditor would raise first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeProblem {
    /// A Type II report with no observation period.
    Type2WithoutPeriod,
    /// The period is set but not valid; the message says why.
    InvalidPeriod(String),
}

impl ScopeProblem {
    pub fn describe(&self) -> String {
        match self {
            ScopeProblem::Type2WithoutPeriod => {
                "A Type II report needs an observation period: set its start and end in the \
                 scope. Until then, operating dates cannot be checked against it."
                    .to_owned()
            }
            ScopeProblem::InvalidPeriod(why) => {
                format!("The Type II observation period is not valid: {why}.")
            }
        }
    }
}

/// The likely auditor outcome and its reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub opinion: Opinion,
    /// Criteria that would draw exceptions, in bank order.
    pub exceptions: Vec<Exception>,
    pub pervasiveness: Pervasiveness,
    /// Share of asked questions answered, 0–100.
    pub completion: f64,
    pub scope_problems: Vec<ScopeProblem>,
    /// Asked questions marked not applicable without a justification
    /// (indexes into [`Bank::questions`], bank order).
    pub unjustified_not_applicable: Vec<usize>,
}

impl Outcome {
    /// Applies the rules in the module documentation to a scorecard.
    pub fn compute(bank: &Bank, assessment: &Assessment, card: &Scorecard) -> Outcome {
        let report_type = assessment.scope.report_type;
        let mut exceptions = Vec::with_capacity(card.criteria.len());
        let mut judged = 0;
        let mut security_series_judged = vec![false; bank.series.len()];
        let mut security_series_hit = vec![false; bank.series.len()];
        for c in &card.criteria {
            if !c.score.is_applicable() {
                continue;
            }
            judged += 1;
            let security = c.category == Category::Security;
            if security && let Some(flag) = security_series_judged.get_mut(c.series) {
                *flag = true;
            }
            let mut causes: Vec<Cause> = card
                .explain(c.criterion)
                .filter(|(_, q)| key_control_falls_short(q, report_type))
                .map(|(question, q)| Cause::KeyControl {
                    question,
                    status: q.status,
                    not_operating: q.not_operating,
                })
                .collect();
            let low_readiness = c.score.readiness < LOW_READINESS;
            if low_readiness {
                causes.push(Cause::LowReadiness {
                    readiness: c.score.readiness,
                });
            }
            if causes.is_empty() {
                continue;
            }
            if security && let Some(flag) = security_series_hit.get_mut(c.series) {
                *flag = true;
            }
            exceptions.push(Exception {
                criterion: c.criterion,
                series: c.series,
                readiness: c.score.readiness,
                low_readiness,
                causes,
            });
        }
        let count = |v: &[bool]| v.iter().filter(|b| **b).count();
        let pervasiveness = Pervasiveness {
            criteria_with_exceptions: exceptions.len(),
            criteria_judged: judged,
            security_series_with_exceptions: count(&security_series_hit),
            security_series_judged: count(&security_series_judged),
        };
        let completion = card.overall.completion;
        let opinion = if completion < MIN_COMPLETION {
            Opinion::NotEnoughAnswers
        } else if pervasiveness.is_pervasive() {
            Opinion::Adverse
        } else if !exceptions.is_empty() {
            Opinion::Qualified
        } else {
            Opinion::Unmodified
        };

        let mut scope_problems = Vec::new();
        if report_type == ReportType::Type2 {
            match &assessment.scope.period {
                None => scope_problems.push(ScopeProblem::Type2WithoutPeriod),
                Some(p) => {
                    if let Some(why) = p.problem() {
                        scope_problems.push(ScopeProblem::InvalidPeriod(why));
                    }
                }
            }
        }
        let unjustified_not_applicable = card
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.is_some_and(|q| q.needs_justification))
            .map(|(ix, _)| ix)
            .collect();

        Outcome {
            opinion,
            exceptions,
            pervasiveness,
            completion,
            scope_problems,
            unjustified_not_applicable,
        }
    }

    /// The exception a criterion (by bank index) would draw, if any.
    pub fn exception(&self, criterion: usize) -> Option<&Exception> {
        self.exceptions
            .binary_search_by_key(&criterion, |e| e.criterion)
            .ok()
            .and_then(|i| self.exceptions.get(i))
    }

    /// The reasons in plain words, most important first: scope problems,
    /// why the opinion is what it is, each criterion's exception, then
    /// unjustified "not applicable" answers.
    pub fn reasons(&self, bank: &Bank) -> Vec<String> {
        let mut out = self.summary();
        let unjustified = out.pop_if(|_| !self.unjustified_not_applicable.is_empty());
        for e in &self.exceptions {
            let Some(criterion) = bank.criteria.get(e.criterion) else {
                continue;
            };
            for cause in &e.causes {
                out.push(format!(
                    "{} ({}): {}.",
                    criterion.id,
                    criterion.topic,
                    cause.describe(bank)
                ));
            }
        }
        out.extend(unjustified);
        out
    }

    /// The reasons that are not about one criterion: scope problems, why the
    /// opinion is what it is, and unjustified "not applicable" answers. The
    /// per-criterion causes are in [`Outcome::exceptions`].
    pub fn summary(&self) -> Vec<String> {
        let mut out: Vec<String> = self.scope_problems.iter().map(|p| p.describe()).collect();
        let p = &self.pervasiveness;
        match self.opinion {
            Opinion::NotEnoughAnswers => out.push(format!(
                "Only {:.0}% of the asked questions are answered; an indication needs at least \
                 {MIN_COMPLETION:.0}%.",
                self.completion.floor()
            )),
            Opinion::Adverse => {
                if p.criteria_rule() {
                    out.push(format!(
                        "Exceptions in {} of {} criteria: more than a third, so pervasive.",
                        p.criteria_with_exceptions, p.criteria_judged
                    ));
                }
                if p.series_rule() {
                    out.push(format!(
                        "Exceptions in {} of {} common-criteria series: more than half, so \
                         pervasive.",
                        p.security_series_with_exceptions, p.security_series_judged
                    ));
                }
            }
            Opinion::Qualified => out.push(format!(
                "Exceptions in {} of {} criteria, not pervasive.",
                p.criteria_with_exceptions, p.criteria_judged
            )),
            Opinion::Unmodified => out.push(format!(
                "No exception expected in the {} criteria judged.",
                p.criteria_judged
            )),
        }
        match self.unjustified_not_applicable.len() {
            0 => {}
            1 => out.push(
                "1 question is marked not applicable without a justification; an auditor \
                 will ask why."
                    .to_owned(),
            ),
            n => out.push(format!(
                "{n} questions are marked not applicable without a justification; an auditor \
                 will ask why."
            )),
        }
        out
    }
}
