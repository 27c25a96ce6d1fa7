//! The question bank: parsing and validating a bank file.
//!
//! The built-in bank and any custom bank a vendor or user loads go through
//! the same [`Bank::from_json`], so both get the same checks and messages.

mod compact;

use crate::core::cadence::Frequency;
use crate::core::catalog::{Category, Criterion, Series};
use crate::core::order;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// The `format` marker every bank file carries.
pub const BANK_FORMAT: &str = "soc2-readiness-bank";
/// The bank format version this build writes and reads. Version 4 adds
/// short titles, criteria's plain names, risk groups of key controls,
/// automated controls, secondary criteria a question also decides and the
/// questions that are preconditions of any report. Version 2 files
/// (no control frequencies or evidence validity) and version 1 files (no
/// key reasons, conditions, follow-ups or retired ids either) are read too.
pub const BANK_FORMAT_VERSION: u32 = 4;
/// The oldest bank format version this build reads.
pub const OLDEST_BANK_FORMAT_VERSION: u32 = 1;
/// Most questions a bank may ask, and the other bounds below: far above any
/// real bank (the built-in one asks 207; the benchmark scales to 15,000), low enough that no bank can make
/// loading, carrying answers or drawing the scope screen freeze the tab.
pub const MAX_QUESTIONS: usize = 20_000;
/// Most scope conditions a bank may state.
pub const MAX_CONDITIONS: usize = 200;
/// Most retired ids a bank may list.
pub const MAX_RETIRED: usize = 10_000;
/// Most successors of one retired id.
pub const MAX_SUCCESSORS: usize = 50;
/// Longest id (series, criterion, question, condition, retired), in characters.
pub const MAX_ID_CHARS: usize = 128;

/// Largest bank file accepted, so a wrong file cannot exhaust memory.
pub const MAX_BANK_BYTES: usize = 20 * 1024 * 1024;

/// Rough effort to close a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    Hours,
    Days,
    Weeks,
    Months,
}

impl Effort {
    pub fn label(self) -> &'static str {
        match self {
            Effort::Hours => "hours",
            Effort::Days => "days",
            Effort::Weeks => "weeks",
            Effort::Months => "months",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remediation {
    pub steps: Vec<String>,
    pub effort: Effort,
}

/// One question of the bank, as written in the file plus resolved links.
/// (Read only: banks are written by hand or by tools, never by the app.)
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id; answers are keyed by it, so it never changes once shipped.
    pub id: String,
    pub text: String,
    pub guidance: String,
    /// Criterion ids; the first is the primary one and decides the category.
    pub criteria: Vec<String>,
    /// 1 (minor) to 5 (critical).
    pub weight: u8,
    /// A key control: no realistic substitute for its primary criterion.
    pub key: bool,
    /// Why it is key (format 2: required exactly when `key`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_reason: Option<String>,
    /// Asked only when this scope condition holds (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<String>,
    /// A follow-up of this question: moot when it is not in place (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follows: Option<String>,
    /// Evidence items as written: text, or text with a validity (format 3).
    /// Emptied at load time, when their texts move to `evidence` (so a
    /// large bank does not hold each text twice).
    #[serde(rename = "evidence")]
    evidence_items: Vec<EvidenceItem>,
    /// How often the control operates (format 3; older banks leave it
    /// unsaid, and their controls are judged on an "operating since" date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// The evidence items' texts, resolved at load time.
    #[serde(skip)]
    pub evidence: Vec<String>,
    /// Months each evidence item stays valid once collected (same index as
    /// `evidence`); `None` for records that do not go stale.
    #[serde(skip)]
    pub evidence_valid_months: Vec<Option<u8>>,
    pub remediation: Remediation,
    /// What proof of operation across a Type II period looks like.
    pub type2_proof: String,
    /// Part of the quick path (a short first look).
    pub quick: bool,
    /// A short title for reports and lists (format 4; required there).
    #[serde(default)]
    pub short: Option<String>,
    /// The control runs by itself (a scheduled job with failure alerting):
    /// a Type II auditor tests one instance and the change management
    /// around it, so it is judged like a continuous control (format 4).
    #[serde(default)]
    pub automated: bool,
    /// Key controls only: the risk it addresses within its primary
    /// criterion. Key controls compensate for each other only when they
    /// share a risk; those without one share the criterion's (format 4).
    #[serde(default)]
    pub risk: Option<String>,
    /// Secondary criteria this question also decides, as if primary
    /// (format 4): backups decide A1.2 as well as CC9.1.
    #[serde(default)]
    pub also_decides: Vec<String>,
    /// A precondition of any report, judged apart from the criteria
    /// (format 4).
    #[serde(default)]
    pub role: Option<Role>,
    /// Indexes into [`Bank::criteria`], resolved at load time.
    #[serde(skip)]
    pub criterion_ix: Vec<usize>,
    /// Category of the primary criterion, resolved at load time.
    #[serde(skip, default = "default_category")]
    pub category: Category,
    /// Index of the `follows` question, resolved at load time.
    #[serde(skip)]
    pub follows_ix: Option<usize>,
    /// Indexes into [`Bank::criteria`] of `also_decides`, resolved at load.
    #[serde(skip)]
    pub also_decides_ix: Vec<usize>,
}

impl Question {
    /// The short title, or the id when the bank gives none.
    pub fn title(&self) -> &str {
        self.short.as_deref().unwrap_or(self.id.as_str())
    }

    /// Judged as a control in the criteria (not a report precondition).
    pub fn is_control(&self) -> bool {
        self.role.is_none()
    }

    /// Judged on the days it ran: periodic and not automated.
    pub fn is_periodic(&self) -> bool {
        !self.automated && self.frequency.is_some_and(Frequency::is_periodic)
    }
}

/// What a report needs before any criterion is judged: the three subjects
/// of a SOC 2 opinion are the description, the design and (Type II) the
/// operation; without a description or management's assertion there is no
/// report at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The system description exists (DC 200).
    Description,
    /// Management will sign its written assertion.
    Assertion,
    /// The description discloses something required: the subservice
    /// method and CSOCs, the CUECs, significant incidents and changes.
    Disclosure,
}

impl Role {
    pub fn id(self) -> &'static str {
        match self {
            Role::Description => "description",
            Role::Assertion => "assertion",
            Role::Disclosure => "disclosure",
        }
    }
}

/// Longest short title, in characters.
pub const MAX_SHORT_CHARS: usize = 60;

/// One evidence item: its text, or (format 3) its text and how many months
/// a collected copy stays valid (an annual pen test report: 12).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum EvidenceItem {
    Text(String),
    Dated(DatedEvidence),
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedEvidence {
    pub text: String,
    pub valid_months: u8,
}

/// Longest validity an evidence item may state, in months.
pub const MAX_VALID_MONTHS: u8 = 36;

/// A scope condition: a yes/no question about the organisation. Answered
/// "no", the questions that apply only if it holds are marked not
/// applicable with `not_applicable` as the recorded justification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub text: String,
    pub not_applicable: String,
}

/// A question id of an earlier bank version that is no longer asked, and
/// where its answers go: a merged duplicate names the question kept, a
/// split one names its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    pub id: String,
    pub successors: Vec<String>,
    pub reason: String,
}

fn default_category() -> Category {
    Category::Security
}

/// A validated bank with lookup indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    pub id: String,
    pub version: String,
    pub title: String,
    pub series: Vec<Series>,
    pub criteria: Vec<Criterion>,
    pub questions: Vec<Question>,
    /// Scope conditions (format 2), in file order.
    pub conditions: Vec<Condition>,
    /// Ids of earlier versions no longer asked (format 2).
    pub retired: Vec<Retired>,
    /// The long texts are stand-ins until the full bank arrives (the
    /// app's embedded core of the built-in bank).
    pub texts_pending: bool,
    question_ix: HashMap<String, usize>,
    /// Condition and retired-id lookups, and each condition's questions
    /// (bank order), built once at load so nothing scans per question.
    condition_ix: HashMap<String, usize>,
    retired_ix: HashMap<String, usize>,
    under: HashMap<String, Vec<usize>>,
    /// Question indexes in the order of their ids, the order an
    /// assessment's answers are kept in, so the two can be walked together.
    by_id: Vec<usize>,
    criterion_ix: HashMap<String, usize>,
    series_ix: HashMap<String, usize>,
}

/// Why a bank file was rejected. Each message names the place in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BankError {
    #[error("the bank file is {0} bytes; the limit is {MAX_BANK_BYTES} bytes")]
    TooLarge(usize),
    #[error("the bank file is not valid JSON: {}", crate::core::text::message(.0))]
    NotJson(String),
    #[error("this is not a question bank: `format` must be \"{BANK_FORMAT}\"")]
    WrongFormat,
    #[error(
        "bank format version {0} is not supported; this app reads versions \
         {OLDEST_BANK_FORMAT_VERSION} to {BANK_FORMAT_VERSION}"
    )]
    UnsupportedVersion(u64),
    #[error("{place}: {message}")]
    Invalid { place: String, message: String },
}

/// Places and messages quote the file (ids, values): both are kept short
/// and their invisible or direction-changing characters shown.
fn invalid(place: impl Into<String>, message: impl Into<String>) -> BankError {
    BankError::Invalid {
        place: crate::core::text::visible(&place.into(), 2 * crate::core::text::QUOTE_CHARS),
        message: crate::core::text::message(&message.into()),
    }
}

/// The whole file, read in one pass straight into its types.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    format_version: u64,
    id: String,
    version: String,
    title: String,
    #[serde(default)]
    conditions: Option<Vec<Condition>>,
    series: Vec<Series>,
    criteria: Vec<Criterion>,
    questions: Vec<Question>,
    #[serde(default)]
    retired: Option<Vec<Retired>>,
}

/// Just the fields that say what a file is; the rest is skipped unread.
#[derive(Deserialize)]
struct Marker {
    #[serde(default)]
    format: Option<serde_json::Value>,
    #[serde(default)]
    format_version: Option<serde_json::Value>,
}

impl Bank {
    /// Parses and validates a bank file.
    pub fn from_json(text: &str) -> Result<Bank, BankError> {
        if text.len() > MAX_BANK_BYTES {
            return Err(BankError::TooLarge(text.len()));
        }
        // Editors on Windows often save UTF-8 with a byte order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if !text.trim_start().starts_with('{') {
            // JSON but not an object (a list, a number) is not a bank.
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                Ok(_) => BankError::WrongFormat,
                Err(e) => BankError::NotJson(e.to_string()),
            });
        }
        // One pass for a good file. Only when it fails is the file read
        // again for what it says it is, so an assessment or another
        // version of the format gets that answer rather than a complaint
        // about its first odd field.
        let file: File = match serde_json::from_str(text) {
            Ok(file) => file,
            Err(e) => {
                let marker = serde_json::from_str::<Marker>(text)
                    .map_err(|e| BankError::NotJson(e.to_string()))?;
                check_format(
                    marker.format.as_ref().and_then(|v| v.as_str()),
                    marker.format_version.as_ref().and_then(|v| v.as_u64()),
                )?;
                return Err(located(text, &e));
            }
        };
        check_format(Some(&file.format), Some(file.format_version))?;
        for (field, text) in [
            ("id", &file.id),
            ("version", &file.version),
            ("title", &file.title),
        ] {
            if text.trim().is_empty() {
                return Err(invalid(field, "must not be empty"));
            }
        }
        // The id names the bank in storage keys and in every assessment: a
        // trailing space or a zero-width character would make a second bank
        // that looks like the first.
        if !is_kebab_case(&file.id) {
            return Err(invalid(
                "id",
                format!(
                    "{} must be lowercase kebab-case (letters, digits and single hyphens, \
                     such as `acme-soc2`)",
                    crate::core::text::quoted(&file.id)
                ),
            ));
        }
        if file.questions.is_empty() {
            return Err(invalid("questions", "must list at least one question"));
        }
        for (field, count, most) in [
            ("questions", file.questions.len(), MAX_QUESTIONS),
            (
                "conditions",
                file.conditions.as_ref().map_or(0, Vec::len),
                MAX_CONDITIONS,
            ),
            (
                "retired",
                file.retired.as_ref().map_or(0, Vec::len),
                MAX_RETIRED,
            ),
        ] {
            if count > most {
                return Err(invalid(
                    field,
                    format!("lists {count} entries; the most a bank may list is {most}"),
                ));
            }
        }
        if file.format_version < 2 {
            check_no_format2_fields(&file)?;
        }
        check_format3_fields(&file)?;
        check_format4_fields(&file)?;
        let mut bank = Bank::build(
            file.id,
            file.version,
            file.title,
            file.series,
            file.criteria,
            file.questions,
        )?;
        bank.conditions = file.conditions.unwrap_or_default();
        bank.retired = file.retired.unwrap_or_default();
        bank.index_format2();
        if file.format_version >= 2 {
            bank.check_format2()?;
        }
        Ok(bank)
    }

    fn build(
        id: String,
        version: String,
        title: String,
        series: Vec<Series>,
        criteria: Vec<Criterion>,
        mut questions: Vec<Question>,
    ) -> Result<Bank, BankError> {
        for q in &mut questions {
            (q.evidence, q.evidence_valid_months) = std::mem::take(&mut q.evidence_items)
                .into_iter()
                .map(|e| match e {
                    EvidenceItem::Text(text) => (text, None),
                    EvidenceItem::Dated(d) => (d.text, Some(d.valid_months)),
                })
                .unzip();
        }
        let series_ix = unique_ids(series.iter().map(|s| s.id.as_str()), "series")?;
        let criterion_ix = unique_ids(criteria.iter().map(|c| c.id.as_str()), "criterion")?;
        let question_ix = unique_ids(questions.iter().map(|q| q.id.as_str()), "question")?;

        for s in &series {
            if s.name.trim().is_empty() {
                return Err(invalid(
                    format!("series `{}`", s.id),
                    "field `name` must not be empty",
                ));
            }
        }
        for c in &criteria {
            let place = format!("criterion `{}`", c.id);
            if c.topic.trim().is_empty() {
                return Err(invalid(place, "field `topic` must not be empty"));
            }
            if c.one_question_reason
                .as_deref()
                .is_some_and(|r| r.trim().is_empty())
            {
                return Err(invalid(
                    place,
                    "field `one_question_reason` must not be empty when present",
                ));
            }
            if !series_ix.contains_key(&c.series) {
                return Err(invalid(
                    place,
                    format!("field `series`: unknown series `{}`", c.series),
                ));
            }
        }
        let mut reached: HashMap<usize, usize> = HashMap::new();
        for q in &mut questions {
            let place = format!("question `{}`", q.id);
            check_question_text(q, &place)?;
            q.criterion_ix.clear();
            for c in &q.criteria {
                let ix = *criterion_ix.get(c).ok_or_else(|| {
                    invalid(&place, format!("field `criteria`: unknown criterion `{c}`"))
                })?;
                if q.criterion_ix.contains(&ix) {
                    return Err(invalid(
                        &place,
                        format!("field `criteria`: `{c}` is listed twice"),
                    ));
                }
                q.criterion_ix.push(ix);
                *reached.entry(ix).or_default() += 1;
            }
            let primary = q.criterion_ix.first().copied().ok_or_else(|| {
                invalid(&place, "field `criteria`: must name at least one criterion")
            })?;
            q.also_decides_ix.clear();
            for c in &q.also_decides {
                let ix = q.criteria[1..]
                    .iter()
                    .position(|own| own == c)
                    .map(|k| q.criterion_ix[k + 1])
                    .ok_or_else(|| {
                        invalid(
                            &place,
                            format!(
                                "field `also_decides`: `{c}` must be one of the question's \
                                 secondary criteria"
                            ),
                        )
                    })?;
                if q.also_decides_ix.contains(&ix) {
                    return Err(invalid(
                        &place,
                        format!("field `also_decides`: `{c}` is listed twice"),
                    ));
                }
                q.also_decides_ix.push(ix);
            }
            q.category = series[series_ix[&criteria[primary].series]].category;
        }
        for (ix, c) in criteria.iter().enumerate() {
            let count = reached.get(&ix).copied().unwrap_or(0);
            let place = format!("criterion `{}`", c.id);
            match count {
                0 => return Err(invalid(place, "no question covers it")),
                1 if c.one_question_reason.is_none() => {
                    return Err(invalid(
                        place,
                        "only one question covers it; add a question or give `one_question_reason`",
                    ));
                }
                _ => {}
            }
        }
        for ix in 0..questions.len() {
            let Some(parent) = questions[ix].follows.clone() else {
                continue;
            };
            let place = format!("question `{}`", questions[ix].id);
            let parent_ix = *question_ix.get(&parent).ok_or_else(|| {
                invalid(
                    &place,
                    format!("field `follows`: unknown question `{parent}`"),
                )
            })?;
            if parent_ix == ix || questions[parent_ix].follows.is_some() {
                return Err(invalid(
                    &place,
                    format!("field `follows`: `{parent}` must be a question that follows no other"),
                ));
            }
            questions[ix].follows_ix = Some(parent_ix);
        }
        let mut by_id: Vec<usize> = (0..questions.len()).collect();
        order::sort_by(&mut by_id, |&a, &b| questions[a].id.cmp(&questions[b].id));
        Ok(Bank {
            conditions: Vec::new(),
            retired: Vec::new(),
            condition_ix: HashMap::new(),
            retired_ix: HashMap::new(),
            under: HashMap::new(),
            texts_pending: false,
            by_id,
            id,
            version,
            title,
            series,
            criteria,
            questions,
            question_ix,
            criterion_ix,
            series_ix,
        })
    }

    /// Format 2 rules: key reasons, conditions and retired ids.
    fn check_format2(&self) -> Result<(), BankError> {
        let mut seen = HashSet::new();
        for (ix, c) in self.conditions.iter().enumerate() {
            let place = format!("conditions[{ix}]");
            if !is_kebab_case(&c.id) {
                return Err(invalid(place, "field `id` must be lowercase kebab-case"));
            }
            if !seen.insert(c.id.as_str()) {
                return Err(invalid(format!("condition `{}`", c.id), "duplicate id"));
            }
            for (field, text) in [("text", &c.text), ("not_applicable", &c.not_applicable)] {
                if text.trim().is_empty() {
                    return Err(invalid(
                        format!("condition `{}`", c.id),
                        format!("field `{field}` must not be empty"),
                    ));
                }
            }
        }
        for q in &self.questions {
            let place = format!("question `{}`", q.id);
            match (q.key, q.key_reason.as_deref().map(str::trim)) {
                (true, None | Some("")) => {
                    return Err(invalid(
                        place,
                        "field `key_reason`: a key control must say why it is key",
                    ));
                }
                (false, Some(_)) => {
                    return Err(invalid(
                        place,
                        "field `key_reason` is only for key controls (`key`: true)",
                    ));
                }
                _ => {}
            }
            if let Some(c) = &q.applies_if
                && !self.condition_ix.contains_key(c)
            {
                return Err(invalid(
                    place,
                    format!("field `applies_if`: unknown condition `{c}`"),
                ));
            }
        }
        let mut retired = HashSet::new();
        for (ix, r) in self.retired.iter().enumerate() {
            check_id(&r.id, "retired", ix)?;
            let place = format!("retired `{}`", r.id);
            if r.successors.len() > MAX_SUCCESSORS {
                return Err(invalid(
                    place,
                    format!("field `successors` lists more than {MAX_SUCCESSORS} questions"),
                ));
            }
            if let Some(twice) = first_repeat(&r.successors) {
                return Err(invalid(
                    place,
                    format!("field `successors` lists `{twice}` twice"),
                ));
            }
            if self.question(&r.id).is_some() {
                return Err(invalid(
                    place,
                    "is still a question; a retired id is never asked",
                ));
            }
            if !retired.insert(r.id.as_str()) {
                return Err(invalid(place, "listed twice"));
            }
            if r.reason.trim().is_empty() {
                return Err(invalid(place, "field `reason` must not be empty"));
            }
            if r.successors.is_empty() {
                return Err(invalid(
                    place,
                    "field `successors` needs at least one question",
                ));
            }
            if let Some(s) = r.successors.iter().find(|s| self.question(s).is_none()) {
                return Err(invalid(
                    place,
                    format!("field `successors`: unknown question `{s}`"),
                ));
            }
        }
        Ok(())
    }

    /// The scope condition with this id.
    /// Whether `other` asks the same questions the same way: ids, text,
    /// criteria, weights, key controls, frequencies, follow-ups, conditions,
    /// the number of evidence items and their validity, the number of
    /// remediation steps and the effort. Only the long texts may differ:
    /// the check before the full built-in bank replaces its core.
    pub fn same_questions(&self, other: &Bank) -> bool {
        fn shape(q: &Question) -> impl PartialEq + '_ {
            (
                (&q.id, &q.text, &q.criteria, q.weight, q.key, q.quick),
                (
                    &q.frequency,
                    &q.applies_if,
                    &q.follows,
                    q.key_reason.is_some(),
                ),
                (
                    &q.evidence_valid_months,
                    q.remediation.steps.len(),
                    q.remediation.effort,
                ),
                (&q.short, q.automated, &q.risk, &q.also_decides, q.role),
            )
        }
        self.id == other.id
            && self.version == other.version
            && self.criteria == other.criteria
            && self.series == other.series
            && self.conditions == other.conditions
            && self.retired == other.retired
            && self.questions.len() == other.questions.len()
            && self
                .questions
                .iter()
                .zip(&other.questions)
                .all(|(a, b)| shape(a) == shape(b))
    }

    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.condition_ix
            .get(id)
            .and_then(|&ix| self.conditions.get(ix))
    }

    /// Questions that apply only if the condition holds, in bank order.
    pub fn questions_under(&self, condition: &str) -> impl Iterator<Item = &Question> {
        self.question_indexes_under(condition)
            .iter()
            .filter_map(|&ix| self.questions.get(ix))
    }

    /// Indexes into [`Bank::questions`] of the questions that apply only if
    /// the condition holds, in bank order.
    pub fn question_indexes_under(&self, condition: &str) -> &[usize] {
        self.under.get(condition).map_or(&[][..], Vec::as_slice)
    }

    /// Builds the condition, retired-id and condition-question indexes.
    fn index_format2(&mut self) {
        self.condition_ix = self
            .conditions
            .iter()
            .enumerate()
            .map(|(ix, c)| (c.id.clone(), ix))
            .collect();
        self.retired_ix = self
            .retired
            .iter()
            .enumerate()
            .map(|(ix, r)| (r.id.clone(), ix))
            .collect();
        self.under.clear();
        for (ix, q) in self.questions.iter().enumerate() {
            if let Some(c) = &q.applies_if {
                self.under.entry(c.clone()).or_default().push(ix);
            }
        }
    }

    /// Where a retired id's answers go, if it is retired.
    pub fn retired(&self, id: &str) -> Option<&Retired> {
        self.retired_ix.get(id).and_then(|&ix| self.retired.get(ix))
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_ix.get(id).map(|&ix| &self.questions[ix])
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.question_ix.get(id).copied()
    }

    /// Every question's id and index, ordered by id (as `str` orders).
    pub fn ids_in_order(&self) -> impl Iterator<Item = (&str, usize)> {
        self.by_id
            .iter()
            .map(|&ix| (self.questions[ix].id.as_str(), ix))
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criterion_ix.get(id).map(|&ix| &self.criteria[ix])
    }

    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criterion_ix.get(id).copied()
    }

    pub fn series(&self, id: &str) -> Option<&Series> {
        self.series_ix.get(id).map(|&ix| &self.series[ix])
    }

    /// Category of a criterion (through its series).
    pub fn criterion_category(&self, criterion: &Criterion) -> Category {
        self.series(&criterion.series)
            .map(|s| s.category)
            .unwrap_or(Category::Security)
    }
}

/// Format 3 states every question's frequency; older formats state none,
/// and give no evidence item a validity.
fn check_format3_fields(file: &File) -> Result<(), BankError> {
    for q in &file.questions {
        let place = format!("question `{}`", q.id);
        let dated = q
            .evidence_items
            .iter()
            .any(|e| matches!(e, EvidenceItem::Dated(_)));
        match (file.format_version >= 3, q.frequency.is_some(), dated) {
            (true, false, _) => {
                return Err(invalid(
                    place,
                    format!(
                        "field `frequency` is required in format 3 (one of {})",
                        Frequency::ALL.map(Frequency::id).join(", ")
                    ),
                ));
            }
            (false, true, _) => {
                return Err(invalid(
                    format!("{place}: field `frequency`"),
                    "needs `format_version` 3",
                ));
            }
            (false, _, true) => {
                return Err(invalid(
                    format!("{place}: field `evidence`"),
                    "an item with `valid_months` needs `format_version` 3",
                ));
            }
            _ => {}
        }
        for e in &q.evidence_items {
            if let EvidenceItem::Dated(d) = e
                && !(1..=MAX_VALID_MONTHS).contains(&d.valid_months)
            {
                return Err(invalid(
                    format!("{place}: field `evidence`"),
                    format!(
                        "`valid_months` must be 1 to {MAX_VALID_MONTHS}, not {}",
                        d.valid_months
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Format 4 gives every question a short title and every criterion a plain
/// name; older formats use none of what format 4 added. Also: a risk group
/// only on a key control, in kebab-case; a report precondition is never a
/// key control.
fn check_format4_fields(file: &File) -> Result<(), BankError> {
    let v4 = file.format_version >= 4;
    let needs = |place: String| invalid(place, "needs `format_version` 4");
    let mut names = HashSet::new();
    for c in &file.criteria {
        let place = format!("criterion `{}`", c.id);
        match (&c.name, v4) {
            (Some(_), false) => return Err(needs(format!("{place}: field `name`"))),
            (None, true) => {
                return Err(invalid(place, "field `name` is required in format 4"));
            }
            (Some(n), true) => {
                if n.trim().is_empty() || n.chars().count() > MAX_SHORT_CHARS {
                    return Err(invalid(
                        place,
                        format!("field `name` must be 1 to {MAX_SHORT_CHARS} characters"),
                    ));
                }
                if !names.insert(n.as_str()) {
                    return Err(invalid(place, "field `name` repeats another criterion's"));
                }
            }
            (None, false) => {}
        }
    }
    let mut shorts = HashSet::new();
    for q in &file.questions {
        let place = format!("question `{}`", q.id);
        if !v4 {
            for (field, present) in [
                ("short", q.short.is_some()),
                ("automated", q.automated),
                ("risk", q.risk.is_some()),
                ("also_decides", !q.also_decides.is_empty()),
                ("role", q.role.is_some()),
            ] {
                if present {
                    return Err(needs(format!("{place}: field `{field}`")));
                }
            }
            continue;
        }
        let short = q
            .short
            .as_deref()
            .ok_or_else(|| invalid(&place, "field `short` is required in format 4"))?;
        if short.trim().is_empty() || short.chars().count() > MAX_SHORT_CHARS {
            return Err(invalid(
                place,
                format!("field `short` must be 1 to {MAX_SHORT_CHARS} characters"),
            ));
        }
        if !shorts.insert(short) {
            return Err(invalid(place, "field `short` repeats another question's"));
        }
        if let Some(risk) = &q.risk {
            if !q.key {
                return Err(invalid(
                    place,
                    "field `risk` is only for key controls (`key`: true)",
                ));
            }
            if !is_kebab_case(risk) {
                return Err(invalid(place, "field `risk` must be lowercase kebab-case"));
            }
        }
        if q.role.is_some() && q.key {
            return Err(invalid(
                place,
                "field `role`: a precondition of the report is judged apart, never as a key \
                 control",
            ));
        }
    }
    Ok(())
}

/// A format 1 file may not use what format 2 added.
fn check_no_format2_fields(file: &File) -> Result<(), BankError> {
    let needs = |field: &str| {
        invalid(
            field.to_owned(),
            "needs `format_version` 2 (format 1 has no such field)",
        )
    };
    if file.conditions.is_some() {
        return Err(needs("conditions"));
    }
    if file.retired.is_some() {
        return Err(needs("retired"));
    }
    for q in &file.questions {
        for (field, present) in [
            ("key_reason", q.key_reason.is_some()),
            ("applies_if", q.applies_if.is_some()),
            ("follows", q.follows.is_some()),
        ] {
            if present {
                return Err(needs(&format!("question `{}`: field `{field}`", q.id)));
            }
        }
    }
    Ok(())
}

/// Why an id cannot be used, if it cannot: too long, or holding control
/// characters, line or paragraph separators, or direction overrides (an id
/// reaches calendar lines, file names and sentences).
pub fn unsafe_id(id: &str) -> Option<String> {
    if id.chars().count() > MAX_ID_CHARS {
        return Some(format!("is longer than {MAX_ID_CHARS} characters"));
    }
    id.chars()
        .find(|&c| {
            c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
                )
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .map(|c| {
            format!(
                "holds the invisible character U+{:04X}; ids may not hold control, separator \
                 or direction characters",
                u32::from(c)
            )
        })
}

/// Lowercase ASCII letters and digits in groups joined by single hyphens.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// That `format` and `format_version` name a bank this build reads.
fn check_format(format: Option<&str>, version: Option<u64>) -> Result<(), BankError> {
    if format != Some(BANK_FORMAT) {
        return Err(BankError::WrongFormat);
    }
    match version {
        Some(v)
            if (u64::from(OLDEST_BANK_FORMAT_VERSION)..=u64::from(BANK_FORMAT_VERSION))
                .contains(&v) =>
        {
            Ok(())
        }
        Some(v) => Err(BankError::UnsupportedVersion(v)),
        None => Err(invalid("format_version", "missing or not a whole number")),
    }
}

/// Names the place of an error in a bank file that is valid JSON: the item
/// (`questions[3] (`cc6-mfa`)`) and the field within it, found from the
/// error's position only once something is wrong.
fn located(text: &str, e: &serde_json::Error) -> BankError {
    let path = crate::core::exchange::strict::error_path(text, e);
    // serde's words for JSON's lists and objects.
    // (Only in serde's own phrases: names from the file stay as written.)
    // serde counts lines by `\n` only; say the line an editor shows.
    let raw = e.to_string();
    let raw = match raw.rfind(" at line ") {
        Some(ix) if e.line() > 0 => {
            let (line, column) =
                crate::core::exchange::strict::seen_position(text, e.line(), e.column());
            format!("{} at line {line} column {column}", &raw[..ix])
        }
        _ => raw,
    };
    let message = raw
        .replace(
            "data did not match any variant of untagged enum EvidenceItem",
            "an evidence item is a text, or an object with `text` and `valid_months` (a whole \
             number of months)",
        )
        .replace("unknown variant", "unknown value")
        .replace("type: sequence,", "type: list,")
        .replace("type: map,", "type: object,")
        .replace("expected a sequence", "expected a list")
        .replace("expected a map", "expected an object");
    // `questions[3].remediation.effort` → item `questions[3]`, field
    // `remediation.effort`.
    let (item, field) = match path.split_once('.') {
        Some((item, field)) if item.ends_with(']') => (item, field),
        _ if path.ends_with(']') => (path.as_str(), ""),
        _ => ("", path.as_str()),
    };
    let mut place = if item.is_empty() {
        "bank".to_owned()
    } else {
        item.to_owned()
    };
    if let Some((list, ix)) = item.strip_suffix(']').and_then(|i| i.split_once('['))
        && let Ok(ix) = ix.parse::<usize>()
        && let Some(id) = item_id(text, list, ix)
    {
        place.push_str(&format!(" (`{id}`)"));
    }
    if field.is_empty() || message.contains(&format!("`{field}`")) {
        invalid(place, message)
    } else {
        invalid(place, format!("field `{field}`: {message}"))
    }
}

/// The `id` of item `ix` of the top-level list `list`, when it has one.
fn item_id(text: &str, list: &str, ix: usize) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    Some(value.get(list)?.get(ix)?.get("id")?.as_str()?.to_owned())
}

fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    what: &str,
) -> Result<HashMap<String, usize>, BankError> {
    let mut map = HashMap::new();
    for (ix, id) in ids.enumerate() {
        check_id(id, what, ix)?;
        if map.insert(id.to_owned(), ix).is_some() {
            return Err(invalid(format!("{what} `{id}`"), "duplicate id"));
        }
    }
    Ok(map)
}

/// An id is not blank and [`unsafe_id`] finds nothing wrong with it; the
/// error names it by its position (`question #3`), since the id itself
/// cannot be shown.
fn check_id(id: &str, what: &str, ix: usize) -> Result<(), BankError> {
    let why = if id.trim().is_empty() {
        "must not be empty".to_owned()
    } else {
        match unsafe_id(id) {
            Some(why) => why,
            None => return Ok(()),
        }
    };
    Err(invalid(
        format!("{what} #{}", ix + 1),
        format!("field `id` {why}"),
    ))
}

/// The first item listed twice, if any.
fn first_repeat<'a>(items: impl IntoIterator<Item = &'a String>) -> Option<&'a str> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .map(String::as_str)
        .find(|s| !seen.insert(*s))
}

fn check_question_text(q: &Question, place: &str) -> Result<(), BankError> {
    let required = [
        ("text", q.text.as_str()),
        ("guidance", q.guidance.as_str()),
        ("type2_proof", q.type2_proof.as_str()),
    ];
    for (field, value) in required {
        if value.trim().is_empty() {
            return Err(invalid(place, format!("field `{field}` must not be empty")));
        }
    }
    if !(1..=5).contains(&q.weight) {
        return Err(invalid(
            place,
            format!("field `weight` must be 1 to 5, not {}", q.weight),
        ));
    }
    let lists = [
        ("evidence", &q.evidence),
        ("remediation.steps", &q.remediation.steps),
    ];
    for (field, list) in lists {
        if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
            return Err(invalid(
                place,
                format!("field `{field}` needs at least one non-empty item"),
            ));
        }
    }
    if let Some(dup) = first_repeat(&q.evidence) {
        return Err(invalid(
            place,
            format!("field `evidence`: `{dup}` is listed twice"),
        ));
    }
    Ok(())
}
