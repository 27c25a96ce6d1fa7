//! The likely auditor outcome: an indication from the answers, not an audit.
//!
//! Built to how a SOC 2 auditor reaches an opinion (see the README, "How the
//! outcome is judged"). The rules, in plain words:
//!
//! 1. **Each criterion is judged on the questions whose primary criterion it
//!    is.** Secondary mappings feed readiness scores but never, alone, put a
//!    criterion in doubt.
//! 2. **The bar.** Type I tests design at a date: a control meets the bar
//!    when it is in place ("in place, evidence not ready" or better). Type II
//!    tests operation across the period: a control meets the bar when it is
//!    ready with evidence and has operated since the period started. In a
//!    Type II, "in place, evidence not ready" is an *evidence risk* (nothing
//!    for the auditor to test), and a control that started after the period
//!    began did not operate throughout it.
//! 3. **Deciding controls.** A criterion's key controls decide it; a
//!    criterion without an answered key control is decided by all of its
//!    answered questions.
//! 4. **Findings per criterion**:
//!    - *met*: every deciding control meets the bar and nothing else falls short;
//!    - *exceptions noted*: something falls short, but at least one deciding
//!      control meets the bar (it covers the criterion): the report would
//!      list deviations while the criterion is still met;
//!    - *not testable*: no deciding control meets the bar and at least one
//!      is in place without evidence, or without an "operating since" date
//!      (Type II): a scope limitation;
//!    - *not met*: no deciding control meets the bar and none is merely
//!      missing evidence.
//! 5. **Core areas**: access (CC6.1–CC6.3), change (CC8.1), risk (CC3.1–CC3.4)
//!    and monitoring (CC4.1, CC4.2, CC7.1, CC7.2). Failures are *pervasive*
//!    when criteria not met span at least [`PERVASIVE_CORE_AREAS`] core
//!    areas, or more than half of the judged criteria are not met.
//! 6. **The tier**, first rule that applies:
//!    - **no opinion** on the quick path (readiness only);
//!    - **cannot judge** while any asked key question is unanswered, a
//!      Type II key control has no "operating since" date, or a Type II has
//!      no valid observation period;
//!    - **not ready for an audit** (adverse) when failures are pervasive;
//!    - **cannot judge** (disclaimer risk) when criteria not met or not
//!      testable together are pervasive;
//!    - **qualified** when any criterion is not met or not testable;
//!    - **unmodified, exceptions noted** when any criterion has exceptions;
//!    - **unmodified** otherwise.
//!
//! 7. **Operation (Type II)** ([`crate::core::operation`]): a periodic
//!    control is judged on the days it ran rather than a start date. With
//!    no day recorded it is not testable (like a missing date); with some
//!    occurrences missed it meets the bar with a likely exception; with
//!    every due occurrence missed it did not operate. A per-event control
//!    with events not handled meets the bar with a likely exception.
//!
//! Unanswered questions never push the tier towards adverse: they stop the
//! indication instead.

use crate::core::assessment::{Assessment, QuestionPath, ReportType, Status};
use crate::core::bank::Bank;
use crate::core::operation::{Deviation, Operation};
use crate::core::score::{NotOperating, QuestionScore, Scorecard};
use crate::core::text::{first_names, plural};

/// Shown with every indication.
pub const DISCLAIMER: &str =
    "An indication from your answers, not an audit opinion: only an auditor can give one.";

/// Core areas whose failing together makes failures pervasive, by criterion id.
/// Our judgement: access and change are the two IT general control domains
/// every SOC 2 test plan leans on; risk assessment and monitoring are the
/// entity-level processes that would catch their failure.
pub const CORE_AREAS: [(&str, &[&str]); 4] = [
    ("access", &["CC6.1", "CC6.2", "CC6.3"]),
    ("change", &["CC8.1"]),
    ("risk", &["CC3.1", "CC3.2", "CC3.3", "CC3.4"]),
    ("monitoring", &["CC4.1", "CC4.2", "CC7.1", "CC7.2"]),
];

/// Core areas with a criterion not met that make failures pervasive. One
/// area failing is material (qualified on its criteria); two can still be
/// an "except for" opinion; three of four leave no working control system.
pub const PERVASIVE_CORE_AREAS: usize = 3;

/// The likely tier of the opinion. Ids are stable: used in exports and as
/// the dashboard's `data-outcome`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Criteria met, no deviations expected.
    Unmodified,
    /// Criteria met; Section 4 would list deviations.
    UnmodifiedWithExceptions,
    /// One or a few criteria likely not met (or not testable).
    Qualified,
    /// Material and pervasive failures: not ready for an audit.
    Adverse,
    /// Key questions unanswered, or key evidence not kept: disclaimer risk.
    CannotJudge,
    /// Quick path: readiness only.
    NoOpinion,
}

impl Tier {
    pub const ALL: [Tier; 6] = [
        Tier::Unmodified,
        Tier::UnmodifiedWithExceptions,
        Tier::Qualified,
        Tier::Adverse,
        Tier::CannotJudge,
        Tier::NoOpinion,
    ];

    /// Stable id used in files and as `data-outcome`.
    pub fn id(self) -> &'static str {
        match self {
            Tier::Unmodified => "unmodified",
            Tier::UnmodifiedWithExceptions => "unmodified_with_exceptions",
            Tier::Qualified => "qualified",
            Tier::Adverse => "adverse",
            Tier::CannotJudge => "cannot_judge",
            Tier::NoOpinion => "no_opinion",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Unmodified => "Unmodified (clean)",
            Tier::UnmodifiedWithExceptions => "Unmodified, with exceptions noted",
            Tier::Qualified => "Qualified",
            Tier::Adverse => "Not ready for an audit (adverse)",
            Tier::CannotJudge => "Cannot judge yet",
            Tier::NoOpinion => "No opinion: a quick first look",
        }
    }

    /// One sentence on what the tier means.
    pub fn meaning(self) -> &'static str {
        match self {
            Tier::Unmodified => "Every criterion judged would likely be met, with no deviations.",
            Tier::UnmodifiedWithExceptions => {
                "The criteria would likely be met, but the report would list deviations \
                 with your responses: the commonest first-year result."
            }
            Tier::Qualified => {
                "One or a few criteria would likely not be met; the opinion would say \
                 \u{201c}except for\u{201d} them."
            }
            Tier::Adverse => {
                "Failures across core areas together; an auditor would advise fixing them \
                 or rescoping before an audit."
            }
            Tier::CannotJudge => {
                "Key answers or key evidence are missing, so an auditor could not reach an \
                 opinion (disclaimer risk)."
            }
            Tier::NoOpinion => {
                "The quick path shows readiness only: too few criteria are asked for an opinion."
            }
        }
    }
}

/// Why one answered control does not meet the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortfall {
    /// Partly in place, planned or not in place.
    Design(Status),
    /// Type II: in place, but the evidence is not ready.
    NoEvidence,
    /// Type II: ready, but with no "operating since" date, so its
    /// operation across the period is unknown.
    NoDate,
    /// Type II: it has operated only since `since`, after the period's start.
    StartedLate {
        since: crate::core::date::Day,
        start: crate::core::date::Day,
    },
    /// Type II, periodic: no day recorded that it ran.
    NoRuns,
    /// Type II: occurrences missed in the period so far (with some done, a
    /// likely exception; with none done, it did not operate), or events not
    /// handled (an exception).
    Deviation(Deviation),
}

impl Shortfall {
    /// Plain words, starting with a verb.
    pub fn describe(self) -> String {
        match self {
            Shortfall::Design(s) => format!("is answered \u{201c}{}\u{201d}", s.label()),
            Shortfall::NoEvidence => {
                "is in place but its evidence is not ready: nothing for a Type II auditor to test"
                    .to_owned()
            }
            Shortfall::NoDate => "has no \u{201c}operating since\u{201d} date, so its operation \
                                  across the period is unknown"
                .to_owned(),
            Shortfall::StartedLate { since, start } => format!(
                "has operated only since {since}, after the period starts on {start}: move \
                 the period start or expect an exception"
            ),
            Shortfall::NoRuns => "runs periodically but has no day recorded that it ran, so \
                                  its operation across the period is unknown"
                .to_owned(),
            Shortfall::Deviation(d) => d.describe(),
        }
    }
}

/// One control of a criterion short of the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    /// Index into [`Bank::questions`].
    pub question: usize,
    pub key: bool,
    /// It decides the criterion (a key control, or any control of a
    /// criterion without an answered key control).
    pub deciding: bool,
    pub shortfall: Shortfall,
}

/// What an auditor would likely conclude about one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Met,
    /// Met, with deviations listed.
    Exceptions,
    /// Type II: no deciding control meets the bar, one is in place without evidence.
    NotTestable,
    /// No deciding control meets the bar.
    NotMet,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Exceptions => "exceptions",
            Verdict::NotTestable => "not_testable",
            Verdict::NotMet => "not_met",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Exceptions => "met, exceptions noted",
            Verdict::NotTestable => "not testable: evidence missing",
            Verdict::NotMet => "likely not met",
        }
    }
}

/// One judged criterion (at least one answered, applicable primary question).
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// Index into [`Bank::criteria`].
    pub criterion: usize,
    pub verdict: Verdict,
    /// Deciding controls that meet the bar (they cover the criterion).
    pub covered_by: Vec<usize>,
    /// Controls short of the bar, deciding ones first, then bank order.
    pub findings: Vec<Finding>,
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
                "A Type II report covers an observation period: set its start and end in the \
                 scope. Until then, operation cannot be judged."
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
    pub tier: Tier,
    pub report_type: ReportType,
    /// Judged criteria, in bank order.
    pub judgements: Vec<Judgement>,
    /// Names of the core areas with a criterion not met.
    pub failed_core_areas: Vec<&'static str>,
    /// Names of the core areas with a criterion not met or not testable.
    pub doubtful_core_areas: Vec<&'static str>,
    /// Asked key questions without an answer (bank order).
    pub unanswered_key: Vec<usize>,
    /// Type II key controls in place with no "operating since" date, or
    /// periodic ones with no day they ran.
    pub undated_key: Vec<usize>,
    /// Quick path: criteria in scope that no asked question judges.
    pub not_asked: Vec<usize>,
    /// Share of asked questions answered, 0–100.
    pub completion: f64,
    pub scope_problems: Vec<ScopeProblem>,
    /// Asked questions marked not applicable without a justification.
    pub unjustified_not_applicable: Vec<usize>,
    /// Questions whose closing would change the tier for the better: the
    /// deciding shortfalls of criteria not met or not testable (sorted).
    blockers: Vec<usize>,
}

/// How a control stands against the bar.
enum Standing {
    Meets,
    /// Meets the bar, with deviations the report would list.
    MeetsWithException(Shortfall),
    Short(Shortfall),
}

fn standing(
    q: &QuestionScore,
    report_type: ReportType,
    deviation: Option<Deviation>,
) -> Option<Standing> {
    let status = q.status?;
    Some(match (report_type, status) {
        (_, Status::NotApplicable) => return None,
        (_, s @ (Status::Partial | Status::Planned | Status::Missing)) => {
            Standing::Short(Shortfall::Design(s))
        }
        (ReportType::Type1, Status::Ready | Status::Implemented) => Standing::Meets,
        (ReportType::Type2, s) => match q.not_operating {
            Some(NotOperating::StartedLate { since, start }) => {
                Standing::Short(Shortfall::StartedLate { since, start })
            }
            _ if s == Status::Implemented => Standing::Short(Shortfall::NoEvidence),
            Some(NotOperating::NoDate) => Standing::Short(Shortfall::NoDate),
            Some(NotOperating::NoRuns) => Standing::Short(Shortfall::NoRuns),
            None => match deviation {
                // Every occurrence due so far missed: it did not operate.
                Some(d @ Deviation::Missed { done: 0, .. }) => {
                    Standing::Short(Shortfall::Deviation(d))
                }
                Some(d) => Standing::MeetsWithException(Shortfall::Deviation(d)),
                None => Standing::Meets,
            },
        },
    })
}

/// Judges one criterion from its primary questions' scores (bank order).
fn judge(
    criterion: usize,
    questions: &[(usize, QuestionScore)],
    rt: ReportType,
    op: &Operation,
) -> Judgement {
    let stand = |ix: usize, q: &QuestionScore| standing(q, rt, op.deviation(ix));
    // Answered and applicable key controls decide.
    let any_key = questions
        .iter()
        .any(|(ix, q)| q.key && stand(*ix, q).is_some());
    let deciding = |q: &QuestionScore| q.key || !any_key;
    let mut covered_by = Vec::new();
    let mut findings = Vec::new();
    for (ix, q) in questions {
        match stand(*ix, q) {
            Some(Standing::Meets) if deciding(q) => covered_by.push(*ix),
            Some(Standing::MeetsWithException(shortfall)) => {
                if deciding(q) {
                    covered_by.push(*ix);
                }
                findings.push(Finding {
                    question: *ix,
                    key: q.key,
                    deciding: deciding(q),
                    shortfall,
                });
            }
            Some(Standing::Short(shortfall)) => findings.push(Finding {
                question: *ix,
                key: q.key,
                deciding: deciding(q),
                shortfall,
            }),
            _ => {}
        }
    }
    // Deciding ones first, bank order kept within each group.
    let (mut first, rest): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| f.deciding);
    first.extend(rest);
    let decided_short = first.iter().any(|f| f.deciding);
    let verdict = if first.is_empty() {
        Verdict::Met
    } else if !covered_by.is_empty() || !decided_short {
        Verdict::Exceptions
    } else if first.iter().any(|f| {
        f.deciding
            && matches!(
                f.shortfall,
                Shortfall::NoEvidence | Shortfall::NoDate | Shortfall::NoRuns
            )
    }) {
        Verdict::NotTestable
    } else {
        Verdict::NotMet
    };
    Judgement {
        criterion,
        verdict,
        covered_by,
        findings: first,
    }
}

impl Outcome {
    /// Applies the rules in the module documentation to a scorecard.
    pub fn compute(
        bank: &Bank,
        assessment: &Assessment,
        card: &Scorecard,
        op: &Operation,
    ) -> Outcome {
        let report_type = assessment.scope.report_type;
        // Asked questions by primary criterion, in bank order.
        let mut by_primary: Vec<Vec<(usize, QuestionScore)>> =
            vec![Vec::new(); bank.criteria.len()];
        let mut unanswered_key = Vec::new();
        let mut undated_key = Vec::new();
        let mut unjustified_not_applicable = Vec::new();
        for (ix, (q, score)) in bank.questions.iter().zip(&card.questions).enumerate() {
            let Some(score) = score else { continue };
            if score.needs_justification {
                unjustified_not_applicable.push(ix);
            }
            if score.key && score.status.is_none() {
                unanswered_key.push(ix);
            }
            if score.key
                && matches!(
                    standing(score, report_type, None),
                    Some(Standing::Short(Shortfall::NoDate | Shortfall::NoRuns))
                )
            {
                undated_key.push(ix);
            }
            if let Some(list) = q.criterion_ix.first().and_then(|&c| by_primary.get_mut(c)) {
                list.push((ix, *score));
            }
        }
        let judgements: Vec<Judgement> = by_primary
            .iter()
            .enumerate()
            .filter(|(_, qs)| {
                qs.iter()
                    .any(|(_, q)| standing(q, report_type, None).is_some())
            })
            .map(|(c, qs)| judge(c, qs, report_type, op))
            .collect();

        let area_hit = |pred: &dyn Fn(Verdict) -> bool| -> Vec<&'static str> {
            CORE_AREAS
                .iter()
                .filter(|(_, ids)| {
                    judgements.iter().any(|j| {
                        pred(j.verdict)
                            && bank
                                .criteria
                                .get(j.criterion)
                                .is_some_and(|c| ids.contains(&c.id.as_str()))
                    })
                })
                .map(|(name, _)| *name)
                .collect()
        };
        let failed_core_areas = area_hit(&|v| v == Verdict::NotMet);
        let doubtful_core_areas = area_hit(&|v| v >= Verdict::NotTestable);
        let judged = judgements.len();
        let at_least = |min: Verdict| judgements.iter().filter(|j| j.verdict >= min).count();
        let not_met = judgements
            .iter()
            .filter(|j| j.verdict == Verdict::NotMet)
            .count();
        let pervasive_failure =
            failed_core_areas.len() >= PERVASIVE_CORE_AREAS || not_met * 2 > judged;
        let pervasive_doubt = doubtful_core_areas.len() >= PERVASIVE_CORE_AREAS
            || at_least(Verdict::NotTestable) * 2 > judged;

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

        // Quick path: criteria in scope that no asked question is primary for.
        let mut not_asked = Vec::new();
        if assessment.path == QuestionPath::Quick {
            for (c, criterion) in bank.criteria.iter().enumerate() {
                let in_scope = assessment
                    .scope
                    .categories
                    .contains(&bank.criterion_category(criterion));
                if in_scope && by_primary.get(c).is_none_or(Vec::is_empty) {
                    not_asked.push(c);
                }
            }
        }

        let tier = if assessment.path == QuestionPath::Quick {
            Tier::NoOpinion
        } else if !unanswered_key.is_empty()
            || !undated_key.is_empty()
            || !scope_problems.is_empty()
            || judged == 0
        {
            Tier::CannotJudge
        } else if pervasive_failure {
            Tier::Adverse
        } else if pervasive_doubt {
            Tier::CannotJudge
        } else if at_least(Verdict::NotTestable) > 0 {
            Tier::Qualified
        } else if at_least(Verdict::Exceptions) > 0 {
            Tier::UnmodifiedWithExceptions
        } else {
            Tier::Unmodified
        };

        let mut blockers: Vec<usize> = judgements
            .iter()
            .filter(|j| j.verdict >= Verdict::NotTestable)
            .flat_map(|j| j.findings.iter().filter(|f| f.deciding).map(|f| f.question))
            .collect();
        crate::core::order::sort_by(&mut blockers, |a, b| a.cmp(b));
        blockers.dedup();

        Outcome {
            tier,
            report_type,
            judgements,
            failed_core_areas,
            doubtful_core_areas,
            unanswered_key,
            undated_key,
            not_asked,
            completion: card.overall.completion,
            scope_problems,
            unjustified_not_applicable,
            blockers,
        }
    }

    /// The judgement of a criterion (by bank index) when it is anything but met.
    pub fn exception(&self, criterion: usize) -> Option<&Judgement> {
        self.judgement(criterion)
            .filter(|j| j.verdict != Verdict::Met)
    }

    /// The judgement of a criterion (by bank index), if it was judged.
    pub fn judgement(&self, criterion: usize) -> Option<&Judgement> {
        self.judgements
            .binary_search_by_key(&criterion, |j| j.criterion)
            .ok()
            .and_then(|i| self.judgements.get(i))
    }

    /// Judged criteria that are not met, not testable or have exceptions,
    /// worst first, then bank order.
    pub fn findings(&self) -> Vec<&Judgement> {
        let mut out: Vec<&Judgement> = self
            .judgements
            .iter()
            .filter(|j| j.verdict != Verdict::Met)
            .collect();
        crate::core::order::sort_by(&mut out, |a, b| b.verdict.cmp(&a.verdict));
        out
    }

    /// Whether closing this question's gap would improve the tier: it is a
    /// deciding shortfall of a criterion not met or not testable.
    pub fn is_blocker(&self, question: usize) -> bool {
        self.blockers.binary_search(&question).is_ok()
    }

    /// Criteria with the given verdict.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.judgements
            .iter()
            .filter(|j| j.verdict == verdict)
            .count()
    }

    /// Why the tier is what it is, in plain words, most important first.
    pub fn summary(&self, bank: &Bank) -> Vec<String> {
        let mut out: Vec<String> = self.scope_problems.iter().map(|p| p.describe()).collect();
        let judged = self.judgements.len();
        let not_met = self.count(Verdict::NotMet);
        let untestable = self.count(Verdict::NotTestable);
        let exceptions = self.count(Verdict::Exceptions);
        match self.tier {
            Tier::NoOpinion => {
                let ids: Vec<String> = self
                    .not_asked
                    .iter()
                    .filter_map(|&c| bank.criteria.get(c).map(|c| c.id.clone()))
                    .collect();
                out.push(if ids.is_empty() {
                    "The quick path asks a few questions per criterion, too few for an opinion."
                        .to_owned()
                } else {
                    format!(
                        "The quick path asks a few questions per series, too few for an opinion; \
                         {} of the criteria in scope are not asked at all: {}.",
                        ids.len(),
                        first_names(&ids)
                    )
                })
            }
            Tier::CannotJudge => {
                if !self.unanswered_key.is_empty() {
                    out.push(format!(
                        "{} unanswered: {}.",
                        plural(
                            self.unanswered_key.len(),
                            "key question is",
                            "key questions are"
                        ),
                        name_questions(bank, &self.unanswered_key)
                    ));
                }
                if !self.undated_key.is_empty() {
                    out.push(format!(
                        "{} in place with no \u{201c}operating since\u{201d} date (or, for a \
                         periodic one, no day it ran), so operation across the period is \
                         unknown: {}.",
                        plural(self.undated_key.len(), "key control is", "key controls are"),
                        name_questions(bank, &self.undated_key)
                    ));
                }
                if judged == 0 && self.unanswered_key.is_empty() {
                    out.push("No criterion has an answered question to judge.".to_owned());
                }
                if self.unanswered_key.is_empty()
                    && self.undated_key.is_empty()
                    && self.scope_problems.is_empty()
                    && judged > 0
                {
                    out.push(format!(
                        "Key evidence is missing across the system: {} of {judged} criteria \
                         are not met or not testable{}. With so little to test an auditor \
                         would likely disclaim an opinion.",
                        not_met + untestable,
                        areas(&self.doubtful_core_areas)
                    ));
                }
            }
            Tier::Adverse => out.push(format!(
                "{not_met} of {judged} criteria are likely not met{}: failures are pervasive.",
                areas(&self.failed_core_areas)
            )),
            Tier::Qualified => out.push(format!(
                "{} of {judged} criteria likely not met or not testable; no single working \
                 control covers {}.",
                not_met + untestable,
                if not_met + untestable == 1 {
                    "it"
                } else {
                    "them"
                }
            )),
            Tier::UnmodifiedWithExceptions => out.push(format!(
                "All {judged} criteria judged would likely be met; {exceptions} would have \
                 deviations noted."
            )),
            Tier::Unmodified => out.push(format!(
                "All {judged} criteria judged would likely be met with no deviation."
            )),
        }
        match self.unjustified_not_applicable.len() {
            0 => {}
            n => out.push(format!(
                "{} not applicable without a justification; an auditor will ask why.",
                plural(n, "question is marked", "questions are marked")
            )),
        }
        out
    }

    /// What would change the tier for the better, in plain words.
    pub fn to_improve(&self, bank: &Bank) -> Vec<String> {
        let short = |verdicts: &[Verdict]| -> Vec<String> {
            self.judgements
                .iter()
                .filter(|j| verdicts.contains(&j.verdict))
                .filter_map(|j| bank.criteria.get(j.criterion).map(|c| c.id.clone()))
                .collect()
        };
        match self.tier {
            Tier::NoOpinion => vec![
                "Switch to the full questionnaire for an indication of the likely opinion."
                    .to_owned(),
            ],
            Tier::CannotJudge => {
                let mut out = Vec::new();
                if !self.scope_problems.is_empty() {
                    out.push("Set a valid Type II observation period in the scope.".to_owned());
                }
                if !self.unanswered_key.is_empty() {
                    out.push("Answer the key questions listed above.".to_owned());
                }
                if !self.undated_key.is_empty() {
                    out.push(
                        "Give each key control the date it has operated since, or the days a \
                         periodic one ran."
                            .to_owned(),
                    );
                }
                if out.is_empty() {
                    out.push(format!(
                        "Keep dated evidence for the key controls of {}.",
                        first_names(&short(&[Verdict::NotTestable, Verdict::NotMet]))
                    ));
                }
                out
            }
            Tier::Adverse => vec![format!(
                "Bring one key control to the bar in each criterion not met ({}) until fewer \
                 than {PERVASIVE_CORE_AREAS} core areas fail; the indication then becomes \
                 qualified.",
                first_names(&short(&[Verdict::NotMet]))
            )],
            Tier::Qualified => vec![format!(
                "Bring one key control to the bar in each of {}; the indication then becomes \
                 unmodified with exceptions.",
                first_names(&short(&[Verdict::NotMet, Verdict::NotTestable]))
            )],
            Tier::UnmodifiedWithExceptions => vec![format!(
                "Close the shortfalls behind the deviations in {} for a clean indication.",
                first_names(&short(&[Verdict::Exceptions]))
            )],
            Tier::Unmodified => vec![match self.report_type {
                ReportType::Type1 => "Keep the controls in place and their evidence current \
                                      up to the report date."
                    .to_owned(),
                ReportType::Type2 => "Keep running every control and keep its evidence for \
                                      each occurrence through the whole period."
                    .to_owned(),
            }],
        }
    }

    /// Every reason: the summary, then one line per finding of each
    /// criterion not met, not testable or with exceptions.
    pub fn reasons(&self, bank: &Bank) -> Vec<String> {
        let mut out = self.summary(bank);
        for j in self.findings() {
            let Some(criterion) = bank.criteria.get(j.criterion) else {
                continue;
            };
            for f in &j.findings {
                out.push(format!(
                    "{} ({}, {}): {}.",
                    criterion.id,
                    criterion.topic,
                    j.verdict.label(),
                    describe_finding(bank, f)
                ));
            }
        }
        out
    }
}

/// "key control “Is MFA enforced?” is answered “Planned”".
pub fn describe_finding(bank: &Bank, f: &Finding) -> String {
    let text = bank
        .questions
        .get(f.question)
        .map_or("", |q| q.text.as_str());
    let kind = if f.key { "key control" } else { "control" };
    format!("{kind} \u{201c}{text}\u{201d} {}", f.shortfall.describe())
}

fn areas(names: &[&str]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!(" (core areas: {})", names.join(", "))
    }
}

fn name_questions(bank: &Bank, questions: &[usize]) -> String {
    let ids: Vec<String> = questions
        .iter()
        .filter_map(|&q| bank.questions.get(q).map(|q| q.id.clone()))
        .collect();
    first_names(&ids)
}

/// The outcome rules in plain words, for the app and the README. Built from
/// the constants above, so it cannot drift from what the code does.
pub fn how_the_outcome_is_judged() -> Vec<String> {
    let core: Vec<String> = CORE_AREAS
        .iter()
        .map(|(name, ids)| format!("{name} ({})", ids.join(", ")))
        .collect();
    vec![
        DISCLAIMER.to_owned(),
        "Each criterion is judged on the questions whose primary (first) criterion it is; \
         secondary links feed readiness only."
            .to_owned(),
        "The bar. Type I: a control must be in place (\u{201c}in place, evidence not \
         ready\u{201d} or better). Type II: ready with evidence and operating since the \
         period started; in place without evidence is an evidence risk."
            .to_owned(),
        "A criterion's key controls decide it (all its answered questions when it has no \
         key control). It is met when they all meet the bar; met with exceptions noted when \
         something falls short but one deciding control still meets the bar; not testable \
         when none meets the bar and one is in place without evidence; otherwise not met."
            .to_owned(),
        format!(
            "Core areas: {}. Failures are pervasive when criteria not met span \
             {PERVASIVE_CORE_AREAS} or more core areas, or more than half of the criteria \
             judged.",
            core.join("; ")
        ),
        format!(
            "Tiers, first that applies: {} on the quick path; {} while a key question is \
             unanswered, a Type II key control has no operating date or the Type II period \
             is missing; {} when failures are pervasive; {} when criteria not met or not \
             testable are pervasive together (disclaimer risk); {} when any criterion is not \
             met or not testable; {} when any has exceptions; otherwise {}.",
            Tier::NoOpinion.label(),
            Tier::CannotJudge.label(),
            Tier::Adverse.label(),
            Tier::CannotJudge.label(),
            Tier::Qualified.label(),
            Tier::UnmodifiedWithExceptions.label(),
            Tier::Unmodified.label(),
        ),
        "Unanswered questions never count as failures: unanswered key questions stop the \
         indication instead."
            .to_owned(),
    ]
}
