//! An assessment: its scope, its answers, and the one reducer that changes it.
//!
//! Every change goes through [`reduce`], so autosave, undo, tab sync and tests
//! all see the same stream of [`Action`]s.

use crate::core::bank::{Bank, Question};
use crate::core::catalog::Category;
use crate::core::commitment::Commitment;
use crate::core::date::Day;
use crate::core::description::DescriptionDraft;
use crate::core::fieldwork::{Band, Rehearsal};
use crate::core::vendor::Vendor;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// How far a control is from ready.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Implemented, and the evidence is ready to show an auditor.
    Ready,
    /// Implemented, but the evidence is not ready.
    Implemented,
    /// Partly implemented.
    Partial,
    /// Not in place yet, but planned.
    Planned,
    /// Not in place.
    Missing,
    /// Does not apply to this system (needs a justification).
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Ready,
        Status::Implemented,
        Status::Partial,
        Status::Planned,
        Status::Missing,
        Status::NotApplicable,
    ];

    /// The name used in files (as serde writes it), also a stable hook for
    /// styles, tests and other formats.
    pub fn id(self) -> &'static str {
        match self {
            Status::Ready => "ready",
            Status::Implemented => "implemented",
            Status::Partial => "partial",
            Status::Planned => "planned",
            Status::Missing => "missing",
            Status::NotApplicable => "not_applicable",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Ready => "Ready, with evidence",
            Status::Implemented => "In place, evidence not ready",
            Status::Partial => "Partly in place",
            Status::Planned => "Planned",
            Status::Missing => "Not in place",
            Status::NotApplicable => "Not applicable",
        }
    }

    pub fn short_label(self) -> &'static str {
        match self {
            Status::Ready => "Ready",
            Status::Implemented => "No evidence",
            Status::Partial => "Partly",
            Status::Planned => "Planned",
            Status::Missing => "No",
            Status::NotApplicable => "N/A",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReportType {
    /// Design of controls at a point in time.
    #[default]
    Type1,
    /// Design and operating effectiveness across an observation period.
    Type2,
}

/// The Type II observation period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: Day,
    pub end: Day,
}

/// Allowed length of a Type II observation period, in whole months.
pub const PERIOD_MONTHS: std::ops::RangeInclusive<u32> = 3..=12;

impl Period {
    /// Why this period is not a valid observation period, if it is not.
    pub fn problem(&self) -> Option<String> {
        // The period covers start..=end, so its length is measured to end + 1 day.
        let after_end = self.end.add_days(1);
        if self.end <= self.start {
            Some("the period must end after it starts".into())
        } else if after_end < self.start.add_months(*PERIOD_MONTHS.start())
            || after_end > self.start.add_months(*PERIOD_MONTHS.end())
        {
            Some(format!(
                "the period runs {} days; a Type II period is 3 to 12 months",
                self.start.days_until(after_end)
            ))
        } else {
            None
        }
    }
}

/// Parts of the system an auditor will look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeItem {
    Infrastructure,
    Software,
    People,
    Procedures,
    Data,
}

impl ScopeItem {
    pub const ALL: [ScopeItem; 5] = [
        ScopeItem::Infrastructure,
        ScopeItem::Software,
        ScopeItem::People,
        ScopeItem::Procedures,
        ScopeItem::Data,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ScopeItem::Infrastructure => "Infrastructure",
            ScopeItem::Software => "Software",
            ScopeItem::People => "People",
            ScopeItem::Procedures => "Procedures",
            ScopeItem::Data => "Data",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub organisation: String,
    pub system: String,
    pub report_type: ReportType,
    /// Required for Type II; kept (but unused) when switching back to Type I.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub period: Option<Period>,
    /// Always contains Security.
    #[serde(deserialize_with = "unique")]
    pub categories: BTreeSet<Category>,
    #[serde(deserialize_with = "unique")]
    pub in_scope: BTreeSet<ScopeItem>,
    /// Answers to the bank's scope conditions, by condition id; absent
    /// means not answered yet.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conditions: BTreeMap<String, bool>,
}

impl Default for Scope {
    fn default() -> Self {
        // Filled by insertion: building a set from a list or an iterator
        // sorts it first, and each such sort is another copy in the Wasm.
        let mut categories = BTreeSet::new();
        categories.insert(Category::Security);
        let mut in_scope = BTreeSet::new();
        for item in ScopeItem::ALL {
            in_scope.insert(item);
        }
        Scope {
            organisation: String::new(),
            system: String::new(),
            report_type: ReportType::Type1,
            period: None,
            categories,
            in_scope,
            conditions: BTreeMap::new(),
        }
    }
}

/// Which questions the assessment asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum QuestionPath {
    #[default]
    Full,
    /// The bank's quick subset: a first look in about 15 minutes.
    Quick,
}

/// The user's answer to one question. Every field is optional work.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Answer {
    /// `None` means unanswered (the field left out; `null` is refused, as
    /// the schema does).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub status: Option<Status>,
    /// Why the question does not apply (expected with `NotApplicable`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub justification: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub due: Option<Day>,
    /// Ticked evidence items, by their position in the question's list.
    #[serde(
        skip_serializing_if = "BTreeSet::is_empty",
        deserialize_with = "unique"
    )]
    pub evidence: BTreeSet<usize>,
    /// Flagged for someone to review.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub review: bool,
    /// Type II: the date since which the control has operated (continuous
    /// and per-event controls).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub operating_since: Option<Day>,
    /// Type II, periodic controls: the days it ran.
    #[serde(
        skip_serializing_if = "BTreeSet::is_empty",
        deserialize_with = "unique"
    )]
    pub runs: BTreeSet<Day>,
    /// Type II, per-event controls: events in the period not handled as
    /// the control says; `Some(0)`: every one was; `None`: not recorded.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub unhandled: Option<u32>,
    /// Type II, per-event controls: the events in the period (the
    /// population the auditor samples from), to size the events not
    /// handled against; `None`: not recorded (format 4).
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub population: Option<u32>,
    /// When ticked evidence items were collected, by their position.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub collected: BTreeMap<usize, Day>,
    /// The crosswalk (such as `iso27001-2022`) whose proposal set the
    /// status; cleared when the user sets the status themselves.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub accepted_from: String,
}

/// An optional field that, when written, holds a value: `null` is refused
/// (leave the field out instead), as the JSON Schema says.
pub(crate) fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// A set written as a list without repeats, as the JSON Schema says
/// (`uniqueItems`): a repeat is refused rather than silently merged.
pub(crate) fn unique<'de, D, T>(d: D) -> Result<BTreeSet<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Ord,
{
    let mut set = BTreeSet::new();
    for item in Vec::<T>::deserialize(d)? {
        if !set.insert(item) {
            return Err(serde::de::Error::custom(
                "lists the same value twice; list each once",
            ));
        }
    }
    Ok(set)
}

/// A map of sets, each written as a list without repeats (see [`unique`]).
pub(crate) fn unique_in_each<'de, D>(d: D) -> Result<BTreeMap<String, BTreeSet<String>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let mut out = BTreeMap::new();
    for (key, items) in BTreeMap::<String, Vec<String>>::deserialize(d)? {
        let mut set = BTreeSet::new();
        for item in items {
            if !set.insert(item) {
                return Err(serde::de::Error::custom(
                    "lists the same value twice; list each once",
                ));
            }
        }
        out.insert(key, set);
    }
    Ok(out)
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        *self == Answer::default()
    }
}

/// The largest revision: the largest whole number JavaScript (and so any
/// JSON reader in a browser) holds exactly, 2^53 − 1.
pub const MAX_REVISION: u64 = (1 << 53) - 1;

/// The revision after `revision`, never past [`MAX_REVISION`] (a counter
/// that had reached it stays there rather than wrapping to 0, which would
/// make every other copy look newer).
pub fn next_revision(revision: u64) -> u64 {
    revision
        .checked_add(1)
        .map_or(MAX_REVISION, |r| r.min(MAX_REVISION))
}

/// Which bank (and bank version) the answers were given against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankRef {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub id: String,
    pub name: String,
    pub bank: BankRef,
    pub path: QuestionPath,
    pub scope: Scope,
    /// Keyed by question id. Answers to questions that left the scope are
    /// kept, so putting a category back restores them.
    pub answers: BTreeMap<String, Answer>,
    /// Controls of other frameworks the user has in place, by crosswalk id
    /// (such as `iso27001-2022` → `A.5.15`): the source of proposed answers.
    pub in_place_elsewhere: BTreeMap<String, BTreeSet<String>>,
    /// The vendor register (subservice organisations and other vendors).
    pub vendors: Vec<Vendor>,
    /// The service commitments register.
    pub commitments: Vec<Commitment>,
    /// What the user wrote for the system description.
    pub description: DescriptionDraft,
    /// Fieldwork rehearsals of per-event controls, one per question: their
    /// populations, draws and tested picks. (A list, not a map: one more
    /// map type is kilobytes of the first load.)
    pub fieldwork: Vec<Rehearsal>,
    /// The user's sample table; empty: [`crate::core::fieldwork::DEFAULT_TABLE`].
    pub sample_table: Vec<Band>,
    /// RFC 3339 timestamps, set by the edge (the core has no clock).
    pub created: String,
    pub updated: String,
    /// Bumped on every saved change; lets storage refuse to overwrite a newer save.
    /// At most [`MAX_REVISION`].
    pub revision: u64,
}

impl Assessment {
    pub fn new(id: String, name: String, bank: &Bank, now: String) -> Self {
        Assessment {
            id,
            name,
            bank: BankRef {
                id: bank.id.clone(),
                version: bank.version.clone(),
            },
            path: QuestionPath::Full,
            scope: Scope::default(),
            answers: BTreeMap::new(),
            in_place_elsewhere: BTreeMap::new(),
            vendors: Vec::new(),
            commitments: Vec::new(),
            description: DescriptionDraft::default(),
            fieldwork: Vec::new(),
            sample_table: Vec::new(),
            created: now.clone(),
            updated: now,
            revision: 0,
        }
    }

    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.get(question)
    }

    pub fn status(&self, question: &str) -> Option<Status> {
        self.answers.get(question).and_then(|a| a.status)
    }

    /// The rehearsal of question `id`'s control, if any.
    pub fn rehearsal(&self, id: &str) -> Option<&Rehearsal> {
        self.fieldwork.iter().find(|r| r.question == id)
    }

    /// Whether the assessment asks this question (category and path in scope).
    pub fn asks(&self, question: &Question) -> bool {
        self.scope.categories.contains(&question.category)
            && (self.path == QuestionPath::Full || question.quick)
    }

    /// The questions this assessment asks, in bank order.
    pub fn asked<'a>(&'a self, bank: &'a Bank) -> impl Iterator<Item = &'a Question> + 'a {
        bank.questions.iter().filter(move |q| self.asks(q))
    }
}

/// One user intent. The UI turns DOM events into these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Rename(String),
    SetPath(QuestionPath),
    SetOrganisation(String),
    SetSystem(String),
    SetReportType(ReportType),
    SetPeriod(Option<Period>),
    /// Security cannot be switched off; the action is ignored for it.
    SetCategory(Category, bool),
    SetScopeItem(ScopeItem, bool),
    SetStatus(String, Option<Status>),
    SetJustification(String, String),
    SetNote(String, String),
    SetOwner(String, String),
    SetDue(String, Option<Day>),
    SetEvidence(String, usize, bool),
    SetReview(String, bool),
    SetOperatingSince(String, Option<Day>),
    /// Records (true) or removes (false) a day a periodic control ran.
    SetRun(String, Day, bool),
    SetUnhandled(String, Option<u32>),
    /// Type II, per event: the events in the period.
    SetPopulation(String, Option<u32>),
    /// When evidence item `usize` was collected (`None` clears it).
    SetCollected(String, usize, Option<Day>),
    /// Answers a scope condition. Built by [`condition_action`], which
    /// lists the questions that apply only if it holds and the reason they
    /// are not applicable when it does not.
    SetCondition {
        id: String,
        holds: Option<bool>,
        questions: Vec<String>,
        reason: String,
    },
    /// Ticks (true) or unticks a control of another framework as in place.
    SetInPlaceElsewhere {
        crosswalk: String,
        control: String,
        on: bool,
    },
    /// Answers each listed question still unanswered with `status`, marked
    /// as accepted from `crosswalk` (see `core::crosswalk::proposals`).
    AcceptProposals {
        crosswalk: String,
        questions: Vec<String>,
        status: Status,
    },
    /// Takes back every answer accepted from `crosswalk` that the user has
    /// not changed since.
    UndoAccepted(String),
    /// Adds a vendor, or replaces the one with its id.
    PutVendor(Vendor),
    /// Removes the vendor with this id.
    RemoveVendor(String),
    /// Adds a commitment, or replaces the one with its id.
    PutCommitment(Commitment),
    /// Removes the commitment with this id.
    RemoveCommitment(String),
    /// Replaces what the user wrote for the system description.
    SetDescription(DescriptionDraft),
    /// Sets (or with `None` removes) a per-event control's rehearsal; its
    /// population's count becomes the control's population.
    SetRehearsal(String, Option<Rehearsal>),
    /// Replaces the sample table (empty: the default one).
    SetSampleTable(Vec<Band>),
}

/// Records what the scope already answers: every question whose condition
/// the scope says does not hold is not applicable, with the bank's reason,
/// whatever the answer said (its notes and evidence are kept). Used on
/// import; `evaluate` reads conditions the same way.
pub fn apply_conditions(bank: &Bank, scope: &Scope, answers: &mut BTreeMap<String, Answer>) {
    for (condition, _) in scope.conditions.iter().filter(|(_, holds)| !**holds) {
        let Some(reason) = bank.condition(condition).map(|c| &c.not_applicable) else {
            continue;
        };
        for q in bank.questions_under(condition) {
            let answer = answers.entry(q.id.clone()).or_default();
            if answer.status != Some(Status::NotApplicable)
                || answer.justification.trim().is_empty()
            {
                answer.status = Some(Status::NotApplicable);
                answer.justification = reason.clone();
            }
        }
    }
}

/// The action that answers scope condition `id` of `bank` (`None` clears it).
pub fn condition_action(bank: &Bank, id: &str, holds: Option<bool>) -> Action {
    Action::SetCondition {
        id: id.to_owned(),
        holds,
        questions: bank.questions_under(id).map(|q| q.id.clone()).collect(),
        reason: bank
            .condition(id)
            .map(|c| c.not_applicable.clone())
            .unwrap_or_default(),
    }
}

/// Applies one action. Pure: no clock, no I/O; returns the changed copy.
pub fn reduce(assessment: &Assessment, action: Action) -> Assessment {
    let mut next = assessment.clone();
    let scope = &mut next.scope;
    match action {
        Action::Rename(name) => next.name = name,
        Action::SetPath(path) => next.path = path,
        Action::SetOrganisation(v) => scope.organisation = v,
        Action::SetSystem(v) => scope.system = v,
        Action::SetReportType(t) => scope.report_type = t,
        Action::SetPeriod(p) => scope.period = p,
        Action::SetCategory(c, on) => {
            if on {
                scope.categories.insert(c);
            } else if !c.is_mandatory() {
                scope.categories.remove(&c);
            }
        }
        Action::SetScopeItem(item, on) => {
            if on {
                scope.in_scope.insert(item);
            } else {
                scope.in_scope.remove(&item);
            }
        }
        Action::SetStatus(q, s) => edit(&mut next, q, |a| {
            // The user's own choice now, even if it is the proposed one.
            a.status = s;
            a.accepted_from.clear();
        }),
        Action::SetJustification(q, v) => edit(&mut next, q, |a| a.justification = v),
        Action::SetNote(q, v) => edit(&mut next, q, |a| a.note = v),
        Action::SetOwner(q, v) => edit(&mut next, q, |a| a.owner = v),
        Action::SetDue(q, d) => edit(&mut next, q, |a| a.due = d),
        Action::SetEvidence(q, ix, on) => edit(&mut next, q, |a| {
            if on {
                a.evidence.insert(ix);
            } else {
                // An item no longer held has no collection date either.
                a.evidence.remove(&ix);
                a.collected.remove(&ix);
            }
        }),
        Action::SetReview(q, flag) => edit(&mut next, q, |a| a.review = flag),
        Action::SetOperatingSince(q, d) => edit(&mut next, q, |a| a.operating_since = d),
        Action::SetRun(q, day, on) => edit(&mut next, q, |a| {
            if on {
                a.runs.insert(day);
            } else {
                a.runs.remove(&day);
            }
        }),
        Action::SetUnhandled(q, n) => edit(&mut next, q, |a| a.unhandled = n),
        Action::SetPopulation(q, n) => edit(&mut next, q, |a| a.population = n),
        Action::SetCollected(q, ix, day) => edit(&mut next, q, |a| match day {
            Some(d) => {
                a.collected.insert(ix, d);
            }
            None => {
                a.collected.remove(&ix);
            }
        }),
        Action::SetCondition {
            id,
            holds,
            questions,
            reason,
        } => {
            match holds {
                Some(h) => next.scope.conditions.insert(id, h),
                None => next.scope.conditions.remove(&id),
            };
            for q in questions {
                if holds == Some(false) {
                    // Recorded, so it shows and exports like any answer;
                    // a question the user already answered is left alone.
                    edit(&mut next, q, |a| {
                        if a.status.is_none() {
                            a.status = Some(Status::NotApplicable);
                            a.justification = reason.clone();
                        }
                    });
                } else {
                    // Reversed: undo only what the condition recorded.
                    edit(&mut next, q, |a| {
                        if a.status == Some(Status::NotApplicable) && a.justification == reason {
                            a.status = None;
                            a.justification.clear();
                        }
                    });
                }
            }
        }
        Action::SetInPlaceElsewhere {
            crosswalk,
            control,
            on,
        } => {
            let held = next
                .in_place_elsewhere
                .entry(crosswalk.clone())
                .or_default();
            if on {
                held.insert(control);
            } else {
                held.remove(&control);
            }
            if held.is_empty() {
                next.in_place_elsewhere.remove(&crosswalk);
            }
        }
        Action::AcceptProposals {
            crosswalk,
            questions,
            status,
        } => {
            for q in questions {
                edit(&mut next, q, |a| {
                    if a.status.is_none() {
                        a.status = Some(status);
                        a.accepted_from = crosswalk.clone();
                    }
                });
            }
        }
        Action::UndoAccepted(crosswalk) => {
            let ids: Vec<String> = next
                .answers
                .iter()
                .filter(|(_, a)| a.accepted_from == crosswalk)
                .map(|(id, _)| id.clone())
                .collect();
            for q in ids {
                edit(&mut next, q, |a| {
                    a.status = None;
                    a.accepted_from.clear();
                });
            }
        }
        Action::PutVendor(v) => put(&mut next.vendors, v, |x| &x.id),
        Action::RemoveVendor(id) => next.vendors.retain(|v| v.id != id),
        Action::PutCommitment(c) => put(&mut next.commitments, c, |x| &x.id),
        Action::RemoveCommitment(id) => next.commitments.retain(|c| c.id != id),
        Action::SetDescription(d) => next.description = d,
        Action::SetRehearsal(q, r) => {
            let count = r
                .as_ref()
                .map(|r| u32::try_from(r.items.len()).unwrap_or(u32::MAX));
            next.fieldwork.retain(|x| x.question != q);
            if let Some(mut r) = r {
                r.question = q.clone();
                next.fieldwork.push(r);
            }
            edit(&mut next, q, |a| a.population = count);
        }
        Action::SetSampleTable(t) => next.sample_table = t,
    }
    next
}

/// Replaces the entry of `list` with `item`'s id, or appends `item`.
fn put<T>(list: &mut Vec<T>, item: T, id: fn(&T) -> &String) {
    match list.iter_mut().find(|x| id(x) == id(&item)) {
        Some(slot) => *slot = item,
        None => list.push(item),
    }
}

/// Edits one answer, dropping it when it becomes empty so files stay small.
fn edit(assessment: &mut Assessment, question: String, change: impl FnOnce(&mut Answer)) {
    let answer = assessment.answers.entry(question.clone()).or_default();
    change(answer);
    if answer.is_empty() {
        assessment.answers.remove(&question);
    }
}
