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

use crate::core::assessment::{Assessment, Period, QuestionPath, ReportType, Status};
use crate::core::bank::{Bank, Role};
use crate::core::catalog::Category;
use crate::core::date::Day;
use crate::core::operation::{
    Deviation, MAX_MISSED_WINDOWS, MAX_UNHANDLED_EVENTS, MISSED_SHARE_DENOMINATOR, Operation,
    TOLERABLE_RATE_PERCENT, type2_period,
};
use crate::core::register::{RegisterJudge, RegisterJudgement};
use crate::core::score::{NotOperating, QuestionScore, Scorecard};
use crate::core::text::{first_names, plural};
use crate::core::vendor::{VendorStanding, VendorVerdict};

/// Shown with every indication.
pub const DISCLAIMER: &str =
    "An indication from your answers, not an audit opinion: only an auditor can give one.";

/// Core areas whose failing together makes failures pervasive, by criterion id.
/// Our judgement: the control environment underpins every other control;
/// access and change are the two IT general control domains every SOC 2
/// test plan leans on; risk assessment and monitoring are the entity-level
/// processes that would catch their failure; incident response is what
/// limits the harm when everything else fails.
pub const CORE_AREAS: [(&str, &[&str]); 6] = [
    (
        "control environment",
        &["CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5"],
    ),
    ("access", &["CC6.1", "CC6.2", "CC6.3"]),
    ("change", &["CC8.1"]),
    ("risk", &["CC3.1", "CC3.2", "CC3.3", "CC3.4"]),
    ("monitoring", &["CC4.1", "CC4.2", "CC7.1", "CC7.2"]),
    ("incident response", &["CC7.3", "CC7.4", "CC7.5"]),
];

/// Core areas with a criterion not met that make failures pervasive. One
/// area failing is material (qualified on its criteria); two can still be
/// an "except for" opinion; three leave no working control system.
pub const PERVASIVE_CORE_AREAS: usize = 3;
/// Failures are pervasive when criteria not met are more than one in this
/// many of the criteria judged (a third).
pub const PERVASIVE_SHARE: usize = 3;
/// ...or when they fall in more than this many of the nine CC series.
pub const PERVASIVE_CC_SERIES: usize = 4;
/// Exceptions on more than one in this many judged criteria (a third) add
/// up to at least a qualified opinion: the report could not call the
/// system's controls effective with that many deviations.
pub const EXCEPTIONS_SHARE: usize = 3;
/// A criterion with more than this share (percent) of its deciding weight
/// short of the bar is not met, even when a key control meets it: the key
/// controls alone rarely cover a criterion's points of focus.
pub const SHORT_WEIGHT_PERCENT: u32 = 50;
/// Type II: a control that started within this share (percent) of the
/// period after its start has deviations for those days (an exception, or
/// move the start); later, it did not operate throughout the period.
pub const LATE_START_PERCENT: i64 = 10;
/// Below this share (percent) of the asked questions of a category
/// answered, the indication is partial and never unmodified.
pub const MIN_COMPLETION_PERCENT: f64 = 80.0;

/// The likely tier of the opinion. Ids are stable: used in exports and as
/// the dashboard's `data-outcome`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// Criteria met, no deviations expected.
    Unmodified,
    /// Criteria met; Section 4 would list deviations.
    UnmodifiedWithExceptions,
    /// One or a few criteria likely not met (or not testable), or the
    /// description lacks a required disclosure.
    Qualified,
    /// Material and pervasive failures: not ready for an audit.
    Adverse,
    /// Key questions unanswered, key evidence not kept, no description or
    /// assertion, or a period not started: disclaimer risk.
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
                "One or a few criteria would likely not be met, or the description lacks \
                 something it must disclose; the opinion would say \u{201c}except for\u{201d} them."
            }
            Tier::Adverse => {
                "Failures across core areas together; an auditor would advise fixing them \
                 or rescoping before an audit."
            }
            Tier::CannotJudge => {
                "Something an auditor needs first is missing (answers, evidence, the \
                 description or management's assertion, or a period under way), so no \
                 opinion could be reached yet."
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
    /// In place, but the evidence is not ready (or no evidence item is
    /// ticked): nothing for the auditor to inspect.
    NoEvidence,
    /// Type II: ready, but with no "operating since" date, so its
    /// operation across the period is unknown.
    NoDate,
    /// Type II: it has operated only since `since`, after the period's
    /// start; `within_grace` when that is within [`LATE_START_PERCENT`] of
    /// the period (an exception) rather than beyond (not operating).
    StartedLate {
        since: Day,
        start: Day,
        within_grace: bool,
    },
    /// Type II, periodic: no day recorded that it ran in the period.
    NoRuns,
    /// Type II: occurrences missed or events not handled; its size decides
    /// between an exception and a control that did not operate.
    Deviation(Deviation),
    /// Its dated evidence has run out by the day that matters (the report
    /// date, or the period's end): not current.
    NotCurrent,
}

impl Shortfall {
    /// Plain words, starting with a verb.
    pub fn describe(self) -> String {
        match self {
            Shortfall::Design(s) => format!("is answered \u{201c}{}\u{201d}", s.label()),
            Shortfall::NoEvidence => "is in place but its evidence is not ready (no evidence \
                                      item ticked): nothing for an auditor to inspect"
                .to_owned(),
            Shortfall::NoDate => "has no \u{201c}operating since\u{201d} date, so its operation \
                                  across the period is unknown"
                .to_owned(),
            Shortfall::StartedLate {
                since,
                start,
                within_grace: true,
            } => format!(
                "has operated only since {since}, shortly after the period starts on {start}: \
                 the days before are deviations (an exception); move the period start to {since} \
                 to avoid it"
            ),
            Shortfall::StartedLate { since, start, .. } => format!(
                "has operated only since {since}, well after the period starts on {start}: it \
                 did not operate throughout the period; move the period start"
            ),
            Shortfall::NoRuns => "runs periodically but has no day recorded that it ran in the \
                                  period, so its operation across the period is unknown"
                .to_owned(),
            Shortfall::Deviation(d) => d.describe(),
            Shortfall::NotCurrent => "has dated evidence that has run out by the day that \
                                      matters: not current"
                .to_owned(),
        }
    }

    /// Nothing to test yet (rather than a control that fails).
    fn is_evidence_gap(self) -> bool {
        matches!(
            self,
            Shortfall::NoEvidence | Shortfall::NoDate | Shortfall::NoRuns
        )
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
    /// It still meets the bar, with deviations the report would list.
    pub exception: bool,
}

/// What an auditor would likely conclude about one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Met,
    /// Met, with deviations listed.
    Exceptions,
    /// No deciding control meets the bar, one is in place without evidence.
    NotTestable,
    /// No deciding control meets the bar, or most of the criterion is short.
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

/// Why a criterion got its verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// Every risk of the criterion has a deciding control at the bar.
    Covered,
    /// No deciding control meets the bar for these risks (`None`: the
    /// criterion's common group).
    Uncovered(Vec<Option<String>>),
    /// Deciding controls meet the bar, but more than
    /// [`SHORT_WEIGHT_PERCENT`] of the weight is short: (short, total).
    MostlyShort(u32, u32),
    /// The subservice organisations (names) decide it: controls relied on
    /// that no reviewed report shows work (not met), or coverage gaps and
    /// vendor exceptions (exceptions). See [`crate::core::vendor`].
    Subservice(Vec<String>),
}

/// One judged criterion (at least one answered, applicable question that
/// decides it).
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// Index into [`Bank::criteria`].
    pub criterion: usize,
    pub verdict: Verdict,
    pub basis: Basis,
    /// Deciding controls that meet the bar (they cover the criterion).
    pub covered_by: Vec<usize>,
    /// Controls short of the bar, deciding ones first, then bank order.
    pub findings: Vec<Finding>,
    /// The findings whose closing would improve the verdict (when it is not
    /// met or not testable).
    pub blockers: Vec<usize>,
}

/// A problem with the scope that an auditor would raise first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeProblem {
    /// A Type II report with no observation period.
    Type2WithoutPeriod,
    /// The period is set but not valid; the message says why.
    InvalidPeriod(String),
    /// The period starts after today: nothing about its operation is known.
    NotStarted(Day),
    /// The assessment has a vendor register or a description draft, and
    /// the rules that judge them are not loaded yet.
    RegisterPending,
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
            ScopeProblem::RegisterPending => "The rules that judge the vendor register and the \
                                              description draft are still loading."
                .to_owned(),
            ScopeProblem::NotStarted(start) => format!(
                "The observation period has not started (it starts on {start}): nothing about \
                 the controls' operation across it can be known yet."
            ),
        }
    }
}

/// The system description and management's assertion: the first subject
/// of any SOC 2 report, judged apart from the criteria.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Description {
    /// Description or assertion questions short of in place: no report
    /// can be issued (bank order).
    pub missing: Vec<usize>,
    /// A required disclosure (or part of the description) short of in
    /// place: a finding on the description (bank order).
    pub findings: Vec<usize>,
    /// Disclosures not answered yet (or not applicable without a reason):
    /// the description's completeness is unknown (bank order).
    pub unanswered: Vec<usize>,
    /// Vendors (names) the description says too little about, or claims
    /// controls of that nothing shows work.
    pub vendors: Vec<String>,
    /// Required parts of the user's draft that are missing (part ids, in
    /// draft order), once the user works on the draft.
    pub parts: Vec<&'static str>,
}

impl Description {
    /// Whether the description has a finding (a qualified opinion at best).
    pub fn has_findings(&self) -> bool {
        !self.findings.is_empty() || !self.vendors.is_empty() || !self.parts.is_empty()
    }

    /// The findings in plain words: questions' titles, then vendors, then
    /// the draft's missing parts.
    pub fn finding_names(&self, bank: &Bank) -> Vec<String> {
        let mut out = title_list(bank, &self.findings);
        out.extend(
            self.vendors
                .iter()
                .map(|v| format!("what is relied on at {v}")),
        );
        // The draft's parts as one name: the draft screen lists them.
        match self.parts.as_slice() {
            [] => {}
            [one] => out.extend(
                crate::core::description::PARTS
                    .iter()
                    .find(|p| p.id == *one)
                    .map(|p| format!("the draft's part \u{201c}{}\u{201d}", p.heading)),
            ),
            many => out.push(format!("{} parts of the draft", many.len())),
        }
        out
    }
}

/// The likely auditor outcome and its reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub tier: Tier,
    pub report_type: ReportType,
    /// Judged criteria, in bank order.
    pub judgements: Vec<Judgement>,
    /// The description and assertion, judged apart.
    pub description: Description,
    /// Names of the core areas with a criterion not met.
    pub failed_core_areas: Vec<&'static str>,
    /// Names of the core areas with a criterion not met or not testable.
    pub doubtful_core_areas: Vec<&'static str>,
    /// Asked key questions and report preconditions without an answer, or
    /// marked not applicable without a justification (bank order).
    pub unanswered_key: Vec<usize>,
    /// Type II key controls in place with no "operating since" date, or
    /// periodic ones with no day they ran in the period.
    pub undated_key: Vec<usize>,
    /// Quick path: criteria in scope that no asked question judges.
    pub not_asked: Vec<usize>,
    /// Share of asked questions answered, 0–100.
    pub completion: f64,
    /// Categories in scope answered below [`MIN_COMPLETION_PERCENT`], with
    /// their completion: the indication is partial.
    pub partial: Vec<(Category, f64)>,
    pub scope_problems: Vec<ScopeProblem>,
    /// The Type II period is under way: the tier is as of today.
    pub provisional: bool,
    /// Asked questions marked not applicable without a justification.
    pub unjustified_not_applicable: Vec<usize>,
    /// Every vendor of the register, judged (register order).
    pub vendors: Vec<VendorStanding>,
    /// Rehearsed samples with failed picks on controls that are findings:
    /// (question, failed items' ids, picks tested), bank order.
    pub failed_picks: Vec<(usize, Vec<String>, usize)>,
    /// Questions whose closing would change the tier for the better: the
    /// deciding shortfalls of criteria not met or not testable, and the
    /// description's (sorted).
    blockers: Vec<usize>,
}

/// How a control stands against the bar.
enum Standing {
    Meets,
    /// Meets the bar, with deviations the report would list.
    MeetsWithException(Shortfall),
    Short(Shortfall),
}

/// What the bar depends on besides the answer.
struct Bar<'a> {
    report_type: ReportType,
    period: Option<Period>,
    op: &'a Operation,
}

impl Bar<'_> {
    fn standing(&self, ix: usize, q: &QuestionScore) -> Option<Standing> {
        let status = q.status?;
        let key = q.key;
        if let s @ (Status::Partial | Status::Planned | Status::Missing) = status {
            return Some(Standing::Short(Shortfall::Design(s)));
        }
        if status == Status::NotApplicable {
            return None;
        }
        // In place: how it operated (Type II), then whether its evidence is
        // current and ready. The worst shortfall wins whatever the status,
        // so "ready" is never judged worse than "in place" for the same
        // facts.
        let mut standing = match self.report_type {
            ReportType::Type1 => Standing::Meets,
            ReportType::Type2 => self.operation(ix, q),
        };
        if self.op.is_not_current(ix) {
            standing = match standing {
                Standing::Meets | Standing::MeetsWithException(_) if key => {
                    Standing::Short(Shortfall::NotCurrent)
                }
                Standing::Meets => Standing::MeetsWithException(Shortfall::NotCurrent),
                other => other,
            };
        }
        // "Ready" with no evidence item ticked is in place, evidence not
        // ready. Type I inspects evidence of implementation for a key
        // control; another control is taken on its design.
        let evidence_ready = status == Status::Ready && q.evidence;
        if !evidence_ready && (key || self.report_type == ReportType::Type2) {
            standing = match standing {
                Standing::Short(s) if !s.is_evidence_gap() => Standing::Short(s),
                _ => Standing::Short(Shortfall::NoEvidence),
            };
        }
        Some(standing)
    }

    /// Type II, a control ready with evidence: did it operate throughout?
    fn operation(&self, ix: usize, q: &QuestionScore) -> Standing {
        match q.not_operating {
            Some(NotOperating::NoDate) => Standing::Short(Shortfall::NoDate),
            // Runs recorded, none in the period: with windows missed, it
            // did not operate; with nothing recorded at all, it is unknown.
            Some(NotOperating::NoRuns) => match self.op.deviation(ix) {
                Some(d) if q.any_runs => Standing::Short(Shortfall::Deviation(d)),
                _ => Standing::Short(Shortfall::NoRuns),
            },
            Some(NotOperating::StartedLate { since, start }) => {
                let within_grace = self.period.is_some_and(|p| {
                    let late = start.days_until(since);
                    let length = p.start.days_until(p.end.add_days(1));
                    late * 100 <= length * LATE_START_PERCENT
                });
                let s = Shortfall::StartedLate {
                    since,
                    start,
                    within_grace,
                };
                if within_grace {
                    Standing::MeetsWithException(s)
                } else {
                    Standing::Short(s)
                }
            }
            None => match self.op.deviation(ix) {
                Some(d) if d.did_not_operate() => Standing::Short(Shortfall::Deviation(d)),
                Some(d) => Standing::MeetsWithException(Shortfall::Deviation(d)),
                None => Standing::Meets,
            },
        }
    }
}

/// Judges one criterion from the scores of the questions that decide it
/// (bank order).
///
/// It is *not met* when its design and operation failures alone fail it
/// (a risk group with no key control at the bar, or more than
/// [`SHORT_WEIGHT_PERCENT`] of its weight short), counting controls whose
/// only gap is evidence as if they met the bar; *not testable* when it
/// fails only once those evidence gaps count; *exceptions* when something
/// is short but it does not fail. Judged this way, a better answer never
/// gives a worse verdict.
fn judge(
    criterion: usize,
    questions: &[(usize, QuestionScore)],
    bank: &Bank,
    bar: &Bar,
) -> Option<Judgement> {
    let stood: Vec<(usize, &QuestionScore, Standing)> = questions
        .iter()
        .filter_map(|(ix, q)| bar.standing(*ix, q).map(|s| (*ix, q, s)))
        .collect();
    // Judged only with at least one answered, applicable question.
    if stood.is_empty() {
        return None;
    }
    // Answered and applicable key controls decide.
    let any_key = stood.iter().any(|(_, q, _)| q.key);
    let deciding = |q: &QuestionScore| q.key || !any_key;
    let group_of = |ix: usize| -> Option<String> {
        if any_key {
            bank.questions.get(ix).and_then(|q| q.risk.clone())
        } else {
            None
        }
    };
    // Whether the criterion fails, with evidence gaps counted as short or
    // as meeting the bar: the risk groups left uncovered and the weight
    // short.
    let fails = |gaps_short: bool| -> Option<Basis> {
        let is_short = |standing: &Standing| match standing {
            Standing::Short(s) => gaps_short || !s.is_evidence_gap(),
            _ => false,
        };
        let mut groups: Vec<(Option<String>, bool)> = Vec::new();
        let (mut short, mut total) = (0u32, 0u32);
        for (ix, q, standing) in &stood {
            let short_here = is_short(standing);
            total += u32::from(q.weight);
            if short_here {
                short += u32::from(q.weight);
            }
            if deciding(q) {
                let group = group_of(*ix);
                match groups.iter_mut().find(|(g, _)| *g == group) {
                    Some((_, covered)) => *covered |= !short_here,
                    None => groups.push((group, !short_here)),
                }
            }
        }
        let uncovered: Vec<Option<String>> = groups
            .into_iter()
            .filter(|(_, covered)| !covered)
            .map(|(g, _)| g)
            .collect();
        if !uncovered.is_empty() {
            Some(Basis::Uncovered(uncovered))
        } else if short * 100 > total * SHORT_WEIGHT_PERCENT {
            Some(Basis::MostlyShort(short, total))
        } else {
            None
        }
    };
    let mut covered_by = Vec::new();
    let mut findings = Vec::new();
    for (ix, q, standing) in &stood {
        let decides = deciding(q);
        if decides && !matches!(standing, Standing::Short(_)) {
            covered_by.push(*ix);
        }
        match standing {
            Standing::Meets => {}
            Standing::MeetsWithException(shortfall) | Standing::Short(shortfall) => {
                findings.push(Finding {
                    question: *ix,
                    key: q.key,
                    deciding: decides,
                    shortfall: *shortfall,
                    exception: matches!(standing, Standing::MeetsWithException(_)),
                })
            }
        }
    }
    // Deciding ones first, bank order kept within each group.
    let (mut first, rest): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| f.deciding);
    first.extend(rest);
    let (verdict, basis) = if first.is_empty() {
        (Verdict::Met, Basis::Covered)
    } else if let Some(basis) = fails(false) {
        (Verdict::NotMet, basis)
    } else if let Some(basis) = fails(true) {
        (Verdict::NotTestable, basis)
    } else {
        (Verdict::Exceptions, Basis::Covered)
    };
    // Whose closing would improve the verdict: the shortfalls of the risks
    // left uncovered, or all of them when most of the weight is short.
    let blockers = first
        .iter()
        .filter(|f| verdict >= Verdict::NotTestable && !f.exception)
        .filter(|f| match &basis {
            Basis::Uncovered(groups) => f.deciding && groups.contains(&group_of(f.question)),
            _ => true,
        })
        .map(|f| f.question)
        .collect();
    Some(Judgement {
        criterion,
        verdict,
        basis,
        covered_by,
        findings: first,
        blockers,
    })
}

/// The criterion that monitoring subservice organisations falls under.
pub const SUBSERVICE_CRITERION: &str = "CC9.2";

/// Worsens the verdict of criterion `c` (CC9.2) by what the vendors show:
/// controls relied on that no reviewed report shows work fail it; coverage
/// gaps and vendor exceptions are exceptions at worst. It is judged even
/// with no question of it answered, since the register speaks for it.
fn weigh_vendors(judgements: &mut Vec<Judgement>, c: usize, standings: &[VendorStanding]) {
    let worst = standings
        .iter()
        .map(|s| s.verdict)
        .filter(|v| matches!(v, VendorVerdict::Exception | VendorVerdict::NotMet))
        .max();
    let Some(worst) = worst else { return };
    let verdict = if worst == VendorVerdict::NotMet {
        Verdict::NotMet
    } else {
        Verdict::Exceptions
    };
    let names: Vec<String> = standings
        .iter()
        .filter(|s| s.verdict == worst)
        .map(|s| s.name.clone())
        .collect();
    match judgements.binary_search_by_key(&c, |j| j.criterion) {
        Ok(i) => {
            if let Some(j) = judgements.get_mut(i).filter(|j| j.verdict < verdict) {
                j.verdict = verdict;
                j.basis = Basis::Subservice(names);
                j.blockers.clear();
            }
        }
        Err(i) => judgements.insert(
            i,
            Judgement {
                criterion: c,
                verdict,
                basis: Basis::Subservice(names),
                covered_by: Vec::new(),
                findings: Vec::new(),
                blockers: Vec::new(),
            },
        ),
    }
}

impl Outcome {
    /// Applies the rules in the module documentation to a scorecard, as of
    /// `today` (which decides whether a Type II period has started).
    pub fn compute(
        bank: &Bank,
        assessment: &Assessment,
        card: &Scorecard,
        op: &Operation,
        today: Day,
    ) -> Outcome {
        Outcome::compute_with(
            bank,
            assessment,
            card,
            op,
            today,
            Some(crate::core::register::judge_register),
        )
    }

    /// [`Outcome::compute`] with the register's rules handed in: `None`
    /// while they are not loaded (the app loads them with the document
    /// readers), and then an assessment with a register cannot be judged.
    pub fn compute_with(
        bank: &Bank,
        assessment: &Assessment,
        card: &Scorecard,
        op: &Operation,
        today: Day,
        rules: Option<RegisterJudge>,
    ) -> Outcome {
        let report_type = assessment.scope.report_type;
        let mut scope_problems = Vec::new();
        let mut provisional = false;
        if report_type == ReportType::Type2 {
            match &assessment.scope.period {
                None => scope_problems.push(ScopeProblem::Type2WithoutPeriod),
                Some(p) => {
                    if let Some(why) = p.problem() {
                        scope_problems.push(ScopeProblem::InvalidPeriod(why));
                    } else if p.start > today {
                        scope_problems.push(ScopeProblem::NotStarted(p.start));
                    } else {
                        provisional = today <= p.end;
                    }
                }
            }
        }
        let not_started = scope_problems
            .iter()
            .any(|p| matches!(p, ScopeProblem::NotStarted(_)));
        // Before the period starts only the design can be judged (as of
        // today); its operation is unknown, and the tier says so.
        let bar = Bar {
            report_type: if not_started {
                ReportType::Type1
            } else {
                report_type
            },
            period: type2_period(assessment),
            op,
        };
        // Asked controls by the criteria they decide, in bank order.
        let mut deciders: Vec<Vec<(usize, QuestionScore)>> = vec![Vec::new(); bank.criteria.len()];
        let mut unanswered_key = Vec::new();
        let mut undated_key = Vec::new();
        let mut unjustified_not_applicable = Vec::new();
        let mut description = Description::default();
        for (ix, (q, score)) in bank.questions.iter().zip(&card.questions).enumerate() {
            let Some(score) = score else { continue };
            if score.needs_justification {
                unjustified_not_applicable.push(ix);
            }
            let unanswered = score.status.is_none() || score.needs_justification;
            // A key control, the description and the assertion must be
            // answered for any indication. An unanswered disclosure stops
            // nothing (as a control that is not key): it is listed, and the
            // description's completeness stays unknown.
            if unanswered && q.role == Some(Role::Disclosure) {
                description.unanswered.push(ix);
                continue;
            }
            if unanswered && (score.key || q.role.is_some()) {
                unanswered_key.push(ix);
                continue;
            }
            if let Some(role) = q.role {
                let in_place = matches!(score.status, Some(Status::Ready | Status::Implemented));
                match (role, score.status) {
                    (_, _) if in_place => {}
                    (Role::Disclosure, Some(Status::NotApplicable)) => {}
                    (Role::Description, Some(Status::Partial)) | (Role::Disclosure, _) => {
                        description.findings.push(ix)
                    }
                    _ => description.missing.push(ix),
                }
                continue;
            }
            if score.key
                && matches!(
                    bar.standing(ix, score),
                    Some(Standing::Short(Shortfall::NoDate | Shortfall::NoRuns))
                )
            {
                undated_key.push(ix);
            }
            for &c in q.criterion_ix.first().into_iter().chain(&q.also_decides_ix) {
                if let Some(list) = deciders.get_mut(c) {
                    list.push((ix, *score));
                }
            }
        }
        // Only criteria of categories in scope are judged (a secondary
        // criterion a question also decides may be out of scope).
        let mut judgements: Vec<Judgement> = deciders
            .iter()
            .enumerate()
            .filter(|(c, _)| card.criterion(*c).is_some())
            .filter_map(|(c, qs)| judge(c, qs, bank, &bar))
            .collect();
        let register = if !crate::core::register::has_register(assessment) {
            RegisterJudgement::default()
        } else if let Some(rules) = rules {
            rules(bank, assessment, bar.report_type, bar.period)
        } else {
            // Never judged without its rules: said, not guessed.
            scope_problems.push(ScopeProblem::RegisterPending);
            RegisterJudgement::default()
        };
        if let Some(c) = bank
            .criteria
            .iter()
            .position(|c| c.id == SUBSERVICE_CRITERION)
            && card.criterion(c).is_some()
        {
            weigh_vendors(&mut judgements, c, &register.vendors);
        }
        description.vendors = register
            .vendors
            .iter()
            .filter(|v| v.verdict.on_description())
            .map(|v| v.name.clone())
            .collect();
        description.parts = register.missing_parts;
        let vendors = register.vendors;

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
        let count =
            |pred: &dyn Fn(Verdict) -> bool| judgements.iter().filter(|j| pred(j.verdict)).count();
        let not_met = count(&|v| v == Verdict::NotMet);
        let doubtful = count(&|v| v >= Verdict::NotTestable);
        let exceptions = count(&|v| v == Verdict::Exceptions);
        let cc_series = |pred: &dyn Fn(Verdict) -> bool| {
            let mut series: Vec<&str> = judgements
                .iter()
                .filter(|j| pred(j.verdict))
                .filter_map(|j| bank.criteria.get(j.criterion))
                .filter(|c| c.series.starts_with("CC"))
                .map(|c| c.series.as_str())
                .collect();
            series.sort_unstable();
            series.dedup();
            series.len()
        };
        let pervasive_failure = failed_core_areas.len() >= PERVASIVE_CORE_AREAS
            || not_met * PERVASIVE_SHARE > judged
            || cc_series(&|v| v == Verdict::NotMet) > PERVASIVE_CC_SERIES;
        let pervasive_doubt = doubtful_core_areas.len() >= PERVASIVE_CORE_AREAS
            || doubtful * PERVASIVE_SHARE > judged
            || cc_series(&|v| v >= Verdict::NotTestable) > PERVASIVE_CC_SERIES;

        // Quick path: criteria in scope that no asked question is primary for.
        let mut not_asked = Vec::new();
        if assessment.path == QuestionPath::Quick {
            for (c, criterion) in bank.criteria.iter().enumerate() {
                let in_scope = assessment
                    .scope
                    .categories
                    .contains(&bank.criterion_category(criterion));
                if in_scope && deciders.get(c).is_none_or(Vec::is_empty) {
                    not_asked.push(c);
                }
            }
        }
        let partial: Vec<(Category, f64)> = card
            .categories
            .iter()
            .filter(|(_, s)| s.asked > 0 && s.completion < MIN_COMPLETION_PERCENT)
            .map(|(c, s)| (*c, s.completion))
            .collect();

        let mut tier = if assessment.path == QuestionPath::Quick {
            Tier::NoOpinion
        } else if !unanswered_key.is_empty()
            || !undated_key.is_empty()
            || !scope_problems.is_empty()
            || !description.missing.is_empty()
            || judged == 0
        {
            Tier::CannotJudge
        } else if pervasive_failure {
            Tier::Adverse
        } else if pervasive_doubt {
            Tier::CannotJudge
        } else if doubtful > 0
            || description.has_findings()
            || exceptions * EXCEPTIONS_SHARE > judged
        {
            Tier::Qualified
        } else if exceptions > 0 {
            Tier::UnmodifiedWithExceptions
        } else {
            Tier::Unmodified
        };
        // Too little answered for a clean word.
        if !partial.is_empty() && tier <= Tier::UnmodifiedWithExceptions {
            tier = Tier::CannotJudge;
        }

        let finding_questions: Vec<usize> = judgements
            .iter()
            .flat_map(|j| j.findings.iter().map(|f| f.question))
            .collect();
        let mut blockers: Vec<usize> = judgements
            .iter()
            .flat_map(|j| j.blockers.iter().copied())
            .chain(description.missing.iter().copied())
            .chain(description.findings.iter().copied())
            .collect();
        crate::core::order::sort_by(&mut blockers, |a, b| a.cmp(b));
        blockers.dedup();

        Outcome {
            tier,
            report_type,
            judgements,
            description,
            failed_core_areas,
            doubtful_core_areas,
            unanswered_key,
            undated_key,
            not_asked,
            completion: card.overall.completion,
            partial,
            scope_problems,
            provisional,
            unjustified_not_applicable,
            vendors,
            failed_picks: op
                .failed_picks
                .iter()
                .filter(|(q, _, _)| finding_questions.contains(q))
                .cloned()
                .collect(),
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

    /// The band's one line: the tier and what it is on, with the criteria's
    /// plain names ("Qualified on CC8.1 (change management)").
    pub fn headline(&self, bank: &Bank) -> String {
        let (tier, on) = self.headline_parts(bank);
        match on {
            Some(on) if on.starts_with(':') => format!("{tier}{on}"),
            Some(on) => format!("{tier} {on}"),
            None => tier.to_owned(),
        }
    }

    /// The headline in two parts: the tier's words, and what it is on
    /// ("on CC8.1 (change management)", ": no report can be issued yet
    /// (…)"), with "(provisional …)" while the period runs. The band shows
    /// the first large and the second beneath it.
    pub fn headline_parts(&self, bank: &Bank) -> (&'static str, Option<String>) {
        let named = |verdicts: &[Verdict]| self.plain_names(bank, verdicts);
        let description = || -> Option<String> {
            self.description.has_findings().then(|| {
                format!(
                    "the description ({})",
                    few(&self.description.finding_names(bank))
                )
            })
        };
        let (tier, on) = match self.tier {
            Tier::NoOpinion | Tier::Unmodified => (self.tier.label(), None),
            Tier::UnmodifiedWithExceptions => (
                "Unmodified, with exceptions noted",
                Some(format!("on {}", few(&named(&[Verdict::Exceptions])))),
            ),
            Tier::Qualified => {
                // The description first: it is the report's first subject.
                let mut on: Vec<String> = description().into_iter().collect();
                on.extend(named(&[Verdict::NotMet, Verdict::NotTestable]));
                let exceptions = named(&[Verdict::Exceptions]);
                let detail = if on.is_empty()
                    && exceptions.len() * EXCEPTIONS_SHARE > self.judgements.len()
                {
                    format!(
                        ": exceptions on {} of {} criteria, among them {}",
                        exceptions.len(),
                        self.judgements.len(),
                        few(&exceptions)
                    )
                } else {
                    format!("on {}", few(&on))
                };
                (self.tier.label(), Some(detail))
            }
            Tier::Adverse => (
                self.tier.label(),
                Some(format!(": not met on {}", few(&named(&[Verdict::NotMet])))),
            ),
            Tier::CannotJudge => (
                self.tier.label(),
                Some(format!(": {}", self.cannot_judge_why(bank))),
            ),
        };
        let provisional = "(provisional: the period is under way)";
        let on = match (on, self.provisional && self.tier != Tier::NoOpinion) {
            (Some(on), true) => Some(format!("{on} {provisional}")),
            (None, true) => Some(provisional.to_owned()),
            (on, false) => on,
        };
        (tier, on)
    }

    /// The first reason the indication cannot be given, in a few words.
    fn cannot_judge_why(&self, bank: &Bank) -> String {
        if let Some(p) = self.scope_problems.first() {
            return match p {
                ScopeProblem::NotStarted(start) => {
                    format!("the observation period has not started (it starts on {start})")
                }
                ScopeProblem::Type2WithoutPeriod => "no Type II observation period".to_owned(),
                ScopeProblem::InvalidPeriod(_) => "the observation period is not valid".to_owned(),
                ScopeProblem::RegisterPending => "the vendor register is still loading".to_owned(),
            };
        }
        if !self.description.missing.is_empty() {
            return format!(
                "no report can be issued yet (not in place: {})",
                few_titles(bank, &self.description.missing)
            );
        }
        if !self.unanswered_key.is_empty() {
            return format!(
                "{} ({})",
                plural(
                    self.unanswered_key.len(),
                    "key question unanswered",
                    "key questions unanswered"
                ),
                few_titles(bank, &self.unanswered_key)
            );
        }
        if !self.undated_key.is_empty() {
            return format!(
                "operation unknown for {}",
                few_titles(bank, &self.undated_key)
            );
        }
        if let Some((category, completion)) = self.partial.first() {
            return format!(
                "a partial indication: {} of the {} questions answered",
                crate::core::text::percent(completion.floor()),
                category.name()
            );
        }
        if self.judgements.is_empty() {
            return "no criterion has an answered question".to_owned();
        }
        format!(
            "key evidence is missing on {}",
            few(&self.plain_names(bank, &[Verdict::NotTestable, Verdict::NotMet]))
        )
    }

    /// Why the tier is what it is, in plain words, most important first.
    pub fn summary(&self, bank: &Bank) -> Vec<String> {
        let mut out: Vec<String> = self.scope_problems.iter().map(|p| p.describe()).collect();
        let judged = self.judgements.len();
        let not_met = self.count(Verdict::NotMet);
        let untestable = self.count(Verdict::NotTestable);
        let exceptions = self.count(Verdict::Exceptions);
        if self.provisional {
            out.push(
                "The observation period is under way: this is the indication as of today, \
                 provisional until the period ends."
                    .to_owned(),
            );
        }
        if !self.description.missing.is_empty() {
            out.push(format!(
                "No report can be issued yet: an auditor needs the system description and \
                 management's signed assertion before any examination ({} short of in place).",
                titles(bank, &self.description.missing)
            ));
        }
        if self.description.has_findings() && self.tier != Tier::NoOpinion {
            out.push(format!(
                "The system description lacks what it must disclose: {}. That is a finding on \
                 the description itself, apart from the criteria.",
                first_names(&self.description.finding_names(bank))
            ));
        }
        for v in self
            .vendors
            .iter()
            .filter(|v| v.verdict >= VendorVerdict::Exception)
        {
            out.push(v.summary.clone());
        }
        for (q, ids, tested) in &self.failed_picks {
            let title = bank.questions.get(*q).map_or("", |q| q.title());
            out.push(format!(
                "Sample rehearsed: \u{201c}{title}\u{201d} failed on {} ({} of {tested} picks \
                 tested); the report would list {}.",
                first_names(ids),
                ids.len(),
                if ids.len() == 1 { "it" } else { "them" }
            ));
        }
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
                        "{} unanswered (or not applicable without a reason): {}.",
                        plural(
                            self.unanswered_key.len(),
                            "key question is",
                            "key questions are"
                        ),
                        titles(bank, &self.unanswered_key)
                    ));
                }
                if !self.undated_key.is_empty() {
                    out.push(format!(
                        "{} in place with no \u{201c}operating since\u{201d} date (or, for a \
                         periodic one, no day it ran in the period), so operation across the \
                         period is unknown: {}.",
                        plural(self.undated_key.len(), "key control is", "key controls are"),
                        titles(bank, &self.undated_key)
                    ));
                }
                for (category, completion) in &self.partial {
                    out.push(format!(
                        "Only {} of the {} questions are answered: a partial indication, \
                         never an unmodified one, until at least {} are.",
                        crate::core::text::percent(completion.floor()),
                        category.name(),
                        crate::core::text::percent(MIN_COMPLETION_PERCENT)
                    ));
                }
                if judged == 0 && self.unanswered_key.is_empty() {
                    out.push("No criterion has an answered question to judge.".to_owned());
                }
                if self.unanswered_key.is_empty()
                    && self.undated_key.is_empty()
                    && self.scope_problems.is_empty()
                    && self.description.missing.is_empty()
                    && self.partial.is_empty()
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
            Tier::Qualified if not_met + untestable > 0 => out.push(format!(
                "{} of {judged} criteria likely not met or not testable: {}.",
                not_met + untestable,
                self.named(bank, &[Verdict::NotMet, Verdict::NotTestable])
            )),
            Tier::Qualified if !self.description.has_findings() => out.push(format!(
                "{exceptions} of {judged} criteria have deviations: more than a third, so the \
                 exceptions add up to a qualified opinion."
            )),
            Tier::Qualified => {}
            Tier::UnmodifiedWithExceptions => out.push(format!(
                "All {judged} criteria judged would likely be met; {exceptions} would have \
                 deviations noted: {}.",
                self.named(bank, &[Verdict::Exceptions])
            )),
            Tier::Unmodified => out.push(format!(
                "All {judged} criteria judged would likely be met with no deviation."
            )),
        }
        if !self.description.unanswered.is_empty() && self.tier != Tier::NoOpinion {
            out.push(format!(
                "Not answered yet, so whether the description discloses them is unknown: {}.",
                titles(bank, &self.description.unanswered)
            ));
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

    /// "CC8.1 (change management), CC6.1 (logical access)".
    fn named(&self, bank: &Bank, verdicts: &[Verdict]) -> String {
        first_names(&self.plain_names(bank, verdicts))
    }

    /// The plain names of the criteria with one of these verdicts, in bank
    /// order.
    fn plain_names(&self, bank: &Bank, verdicts: &[Verdict]) -> Vec<String> {
        self.judgements
            .iter()
            .filter(|j| verdicts.contains(&j.verdict))
            .filter_map(|j| bank.criteria.get(j.criterion).map(|c| c.plain()))
            .collect()
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
        let mut out = Vec::new();
        if self.description.has_findings() && self.tier != Tier::NoOpinion {
            out.push(format!(
                "Complete the system description: {}.",
                first_names(&self.description.finding_names(bank))
            ));
        }
        if self.tier != Tier::NoOpinion {
            out.extend(
                self.vendors
                    .iter()
                    .filter(|v| v.verdict >= VendorVerdict::Exception)
                    .map(|v| v.fix.clone()),
            );
        }
        match self.tier {
            Tier::NoOpinion => vec![
                "Switch to the full questionnaire for an indication of the likely opinion."
                    .to_owned(),
            ],
            Tier::CannotJudge => {
                for p in &self.scope_problems {
                    out.push(match p {
                        ScopeProblem::RegisterPending => {
                            "Open the Vendors screen, or reload the page, so the rules that \
                             judge the vendor register and the description draft load."
                                .to_owned()
                        }
                        ScopeProblem::NotStarted(start) => format!(
                            "Wait for the period to start on {start}, or choose one that has \
                             started; meanwhile, a Type I indication shows the design."
                        ),
                        _ => "Set a valid Type II observation period in the scope.".to_owned(),
                    });
                }
                if !self.description.missing.is_empty() {
                    out.push(format!(
                        "Write the system description and have management agree to sign its \
                         assertion: {}.",
                        titles(bank, &self.description.missing)
                    ));
                }
                if !self.unanswered_key.is_empty() {
                    out.push(
                        "Answer the key questions listed above (a \u{201c}not \
                         applicable\u{201d} needs its reason)."
                            .to_owned(),
                    );
                }
                if !self.undated_key.is_empty() {
                    out.push(
                        "Give each key control the date it has operated since, or the days a \
                         periodic one ran."
                            .to_owned(),
                    );
                }
                if !self.partial.is_empty() {
                    out.push(format!(
                        "Answer at least {} of the questions of each category in scope.",
                        crate::core::text::percent(MIN_COMPLETION_PERCENT)
                    ));
                }
                if out.is_empty() {
                    out.push(format!(
                        "Keep dated evidence for the key controls of {}.",
                        first_names(&short(&[Verdict::NotTestable, Verdict::NotMet]))
                    ));
                }
                out
            }
            Tier::Adverse => {
                out.push(format!(
                    "Bring the controls of each criterion not met ({}) to the bar until \
                     failures are no longer pervasive (fewer than {PERVASIVE_CORE_AREAS} core \
                     areas, at most a third of the criteria and at most {PERVASIVE_CC_SERIES} \
                     CC series); the indication then becomes qualified.",
                    first_names(&short(&[Verdict::NotMet]))
                ));
                out
            }
            Tier::Qualified => {
                let failing = short(&[Verdict::NotMet, Verdict::NotTestable]);
                if !failing.is_empty() {
                    out.push(format!(
                        "Bring the controls of {} to the bar (a key control for each risk, and \
                         most of the criterion's weight); the indication then improves.",
                        first_names(&failing)
                    ));
                } else if !self.description.has_findings() {
                    out.push(format!(
                        "Close the deviations in {} until at most a third of the criteria have \
                         exceptions.",
                        first_names(&short(&[Verdict::Exceptions]))
                    ));
                }
                out
            }
            Tier::UnmodifiedWithExceptions => {
                out.push(format!(
                    "Close the shortfalls behind the deviations in {} for a clean indication.",
                    first_names(&short(&[Verdict::Exceptions]))
                ));
                out
            }
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
                    criterion.name.as_deref().unwrap_or(&criterion.topic),
                    j.verdict.label(),
                    describe_finding(bank, f)
                ));
            }
        }
        out
    }
}

/// "key control “MFA on every sign-in” is answered “Planned”".
pub fn describe_finding(bank: &Bank, f: &Finding) -> String {
    let title = bank.questions.get(f.question).map_or("", |q| q.title());
    let kind = if f.key { "key control" } else { "control" };
    format!("{kind} \u{201c}{title}\u{201d} {}", f.shortfall.describe())
}

/// Why a criterion's verdict, in one sentence (empty when met).
pub fn describe_basis(j: &Judgement) -> String {
    match (&j.basis, j.verdict) {
        (_, Verdict::Met) => String::new(),
        (Basis::Uncovered(groups), _) => {
            let named: Vec<String> = groups.iter().flatten().cloned().collect();
            if named.is_empty() {
                "No control that decides it meets the bar.".to_owned()
            } else {
                format!(
                    "No key control meets the bar for {} (controls for other risks do not \
                     stand in).",
                    named.join(", ").replace('-', " ")
                )
            }
        }
        (Basis::MostlyShort(short, total), _) => format!(
            "Controls carrying {short} of its {total} weight points are short of the bar: \
             more than {SHORT_WEIGHT_PERCENT}%."
        ),
        (Basis::Covered, Verdict::Exceptions) => {
            "Still met: a control meets the bar for each of its risks; the report would list \
             the deviations."
                .to_owned()
        }
        (Basis::Subservice(names), Verdict::Exceptions) => format!(
            "Still met, but the reports of {} leave days of the period uncovered, show design \
             only, or note exceptions or a modified opinion: the report would list them.",
            first_names(names)
        ),
        (Basis::Subservice(names), _) => format!(
            "Controls relied on at {} are not shown to work by any reviewed report: the \
             monitoring of subservice organisations fails.",
            first_names(names)
        ),
        (Basis::Covered, _) => String::new(),
    }
}

fn areas(names: &[&str]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!(" (core areas: {})", names.join(", "))
    }
}

/// At most [`HEADLINE_NAMES`] names, then how many more: the band is one
/// line.
fn few(names: &[String]) -> String {
    crate::core::text::first_n_names(names, HEADLINE_NAMES)
}

/// Names shown in the band before "and N more".
pub const HEADLINE_NAMES: usize = 3;

/// The questions' short titles, in the order given.
fn title_list(bank: &Bank, questions: &[usize]) -> Vec<String> {
    questions
        .iter()
        .filter_map(|&q| bank.questions.get(q).map(|q| q.title().to_owned()))
        .collect()
}

fn few_titles(bank: &Bank, questions: &[usize]) -> String {
    few(&title_list(bank, questions))
}

/// The questions' short titles, a few of them.
fn titles(bank: &Bank, questions: &[usize]) -> String {
    first_names(&title_list(bank, questions))
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
        "Three subjects, as in a real report: the system description, the design of the \
         controls and (Type II) their operation. Without a description or management's \
         signed assertion no report can be issued: cannot judge. A description that lacks a \
         required disclosure (the subservice method and the controls relied on at providers, \
         what customers must do, significant incidents and changes) is a finding on the \
         description: at least qualified."
            .to_owned(),
        "Each criterion is judged on the questions whose primary (first) criterion it is, and \
         on those the bank says also decide it (backups decide A1.2 as well as CC9.1); other \
         links feed readiness only. A question whose scope condition does not hold is not \
         applicable for the bank's reason, whatever the answer says."
            .to_owned(),
        "The bar. Type I: a control must be in place; a key control also needs its evidence \
         (an evidence item ticked), since the auditor inspects one instance. Type II: ready \
         with evidence and operating since the period started. \u{201c}Ready\u{201d} with no \
         evidence item ticked counts as in place, evidence not ready. Dated evidence that has \
         run out by the report date (Type I) or by the period's end (Type II, or today while \
         it runs) is not current: short of the bar for a key control, an exception otherwise."
            .to_owned(),
        format!(
            "How big a failure is counts (Type II). A periodic control that missed more than \
             {MAX_MISSED_WINDOWS} window, or more than one in {MISSED_SHARE_DENOMINATOR} of its \
             windows due, did not operate; a per-event control with more than \
             {MAX_UNHANDLED_EVENTS} events not handled, or more than {TOLERABLE_RATE_PERCENT}% \
             of the events in the period, did not operate. Below that, an exception. A control \
             that started within {LATE_START_PERCENT}% of the period after its start has an \
             exception (or move the start); later, it did not operate. Runs before the period \
             do not count; an automated control is tested by one instance and its change \
             management, like a continuous one."
        ),
        format!(
            "A criterion's key controls decide it (all its answered questions when it has no \
             key control). Key controls stand in for each other only when the bank gives them \
             the same risk (encryption never stands in for MFA): each risk needs one key \
             control at the bar, or the criterion is not met (not testable when the gap is \
             only evidence). A criterion with more than {SHORT_WEIGHT_PERCENT}% of its weight \
             short of the bar is not met too. Otherwise, with something short, it is met with \
             exceptions noted."
        ),
        format!(
            "Core areas: {}. Failures are pervasive when criteria not met span \
             {PERVASIVE_CORE_AREAS} or more core areas, more than one in {PERVASIVE_SHARE} of \
             the criteria judged, or more than {PERVASIVE_CC_SERIES} of the nine CC series.",
            core.join("; ")
        ),
        format!(
            "Tiers, first that applies: {} on the quick path; {} while a key question is \
             unanswered (or not applicable without a reason), the description or the assertion \
             is missing, a Type II key control has no operating date, or the Type II period is \
             missing or has not started; {} when failures are pervasive; {} when criteria not \
             met or not testable are pervasive together (disclaimer risk); {} when any \
             criterion is not met or not testable, the description lacks a disclosure, or more \
             than one in {EXCEPTIONS_SHARE} of the criteria have exceptions; {} when any has \
             exceptions; otherwise {}.",
            Tier::NoOpinion.label(),
            Tier::CannotJudge.label(),
            Tier::Adverse.label(),
            Tier::CannotJudge.label(),
            Tier::Qualified.label(),
            Tier::UnmodifiedWithExceptions.label(),
            Tier::Unmodified.label(),
        ),
        format!(
            "Below {} of a category's questions answered the indication is partial: {} rather \
             than an unmodified tier. While a Type II period is under way the tier is as of \
             today and marked provisional.",
            crate::core::text::percent(MIN_COMPLETION_PERCENT),
            Tier::CannotJudge.label()
        ),
        "Unanswered questions never count as failures: unanswered key questions stop the \
         indication instead."
            .to_owned(),
    ]
}
