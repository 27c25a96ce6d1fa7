//! Crosswalks from SOC 2 to another framework (ISO/IEC 27001:2022 Annex A,
//! NIST CSF 2.0): which target controls each SOC 2 criterion or question
//! relates to, how (NIST IR 8477's set relationships), and why.
//!
//! A relationship is read from the SOC 2 side: a link `{criterion: CC6.1,
//! control: A.8.5, relationship: subset_of}` says that what CC6.1 asks is a
//! subset of what A.8.5 asks. So:
//! - `equal` or `subset_of`: the target control, in place, covers the whole
//!   SOC 2 element (the source of proposed answers);
//! - `equal` or `superset_of`: the SOC 2 element, ready, covers the whole
//!   target control (the only links that can show it fully ready);
//! - `intersects`: each covers part of the other; neither shows the other.
//!
//! The files are ours and validated like the bank: a broken one is refused
//! with the row named. Readiness per target control and the proposals are
//! derived from the assessment on demand, never stored.

use crate::core::assessment::{Assessment, Status};
use crate::core::bank::Bank;
use crate::core::exchange::strict;
use crate::core::score::Scorecard;
use crate::core::text;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};

pub const CROSSWALK_FORMAT: &str = "soc2-readiness-crosswalk";
pub const CROSSWALK_FORMAT_VERSION: u64 = 1;
/// Far above the shipped files (about 50 KB); a file past it is not ours.
pub const MAX_CROSSWALK_BYTES: usize = 1024 * 1024;
/// Longest rationale: one line, not an essay.
pub const MAX_RATIONALE_CHARS: usize = 240;

/// The crosswalks the app ships, by id: `static/crosswalk/{id}.json`.
pub const SHIPPED: [&str; 2] = ["iso27001-2022", "nist-csf-2.0"];

/// The short name of a shipped crosswalk, for a label that must not wait
/// for its file (a question card); any other id is "another framework".
pub fn short_name_of(id: &str) -> &str {
    match id {
        "iso27001-2022" => "ISO 27001",
        "nist-csf-2.0" => "NIST CSF",
        // A file may name any crosswalk: never print an invented framework.
        _ => "another framework",
    }
}

/// The status a proposal answers with: the other framework shows the
/// control in place, but SOC 2 evidence still has to be collected.
pub const PROPOSED_STATUS: Status = Status::Implemented;

/// How a SOC 2 element relates to a target control (NIST IR 8477).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Equal,
    SubsetOf,
    SupersetOf,
    Intersects,
}

impl Relationship {
    pub fn id(self) -> &'static str {
        match self {
            Relationship::Equal => "equal",
            Relationship::SubsetOf => "subset_of",
            Relationship::SupersetOf => "superset_of",
            Relationship::Intersects => "intersects",
        }
    }

    /// Words for a reader, from the SOC 2 side.
    pub fn label(self) -> &'static str {
        match self {
            Relationship::Equal => "equal",
            Relationship::SubsetOf => "SOC 2 asks less",
            Relationship::SupersetOf => "SOC 2 asks more",
            Relationship::Intersects => "overlap",
        }
    }

    /// The target control in place covers the whole SOC 2 element.
    pub fn target_covers_soc2(self) -> bool {
        matches!(self, Relationship::Equal | Relationship::SubsetOf)
    }

    /// The SOC 2 element, ready, covers the whole target control.
    pub fn soc2_covers_target(self) -> bool {
        matches!(self, Relationship::Equal | Relationship::SupersetOf)
    }
}

/// The SOC 2 side of a link.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Soc2 {
    Criterion(String),
    Question(String),
}

impl Soc2 {
    pub fn id(&self) -> &str {
        match self {
            Soc2::Criterion(id) | Soc2::Question(id) => id,
        }
    }

    /// Whether `bank` has this criterion or question.
    fn in_bank(&self, bank: &Bank) -> bool {
        match self {
            Soc2::Criterion(c) => bank.criterion(c).is_some(),
            Soc2::Question(q) => bank.question(q).is_some(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: String,
}

/// A target control; `topic` is our own words, not the framework's title.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub id: String,
    pub theme: String,
    pub topic: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub soc2: Soc2,
    /// Index into [`Crosswalk::controls`].
    pub control: usize,
    pub relationship: Relationship,
    pub rationale: String,
}

/// A SOC 2 criterion with no counterpart in the target, and why.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncovered {
    pub criterion: String,
    pub why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    #[serde(default)]
    criterion: Option<String>,
    #[serde(default)]
    question: Option<String>,
    control: String,
    relationship: Relationship,
    rationale: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    // Checked before this is read (see `from_json`); listed so the file
    // may, and must, carry them.
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    format_version: u64,
    id: String,
    version: String,
    framework: String,
    short_name: String,
    themes: Vec<Theme>,
    controls: Vec<Control>,
    links: Vec<RawLink>,
    #[serde(default)]
    uncovered: Vec<Uncovered>,
}

/// A validated crosswalk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crosswalk {
    pub id: String,
    pub version: String,
    /// The framework's full name, such as "ISO/IEC 27001:2022 Annex A".
    pub framework: String,
    /// For labels: "ISO 27001".
    pub short_name: String,
    pub themes: Vec<Theme>,
    pub controls: Vec<Control>,
    /// Index into `themes` of each control.
    control_theme: Vec<usize>,
    pub links: Vec<Link>,
    pub uncovered: Vec<Uncovered>,
}

/// Why a crosswalk file was refused; each message names the row.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CrosswalkError {
    #[error("the crosswalk file is {0} bytes; the limit is {MAX_CROSSWALK_BYTES} bytes")]
    TooLarge(usize),
    #[error("the crosswalk file is not valid JSON: {}", text::message(.0))]
    NotJson(String),
    #[error(
        "this is not a crosswalk in a format this app reads (`format` \"{CROSSWALK_FORMAT}\", \
         `format_version` {CROSSWALK_FORMAT_VERSION})"
    )]
    WrongFormat,
    #[error("{place}: {message}")]
    Invalid { place: String, message: String },
}

fn invalid(place: impl Into<String>, message: impl Into<String>) -> CrosswalkError {
    CrosswalkError::Invalid {
        place: text::visible(&place.into(), 2 * text::QUOTE_CHARS),
        message: text::message(&message.into()),
    }
}

/// `links[12] (CC6.1 → A.8.5)`: the row and what it says, for messages.
fn link_place(ix: usize, soc2: &str, control: &str) -> String {
    format!("links[{ix}] ({soc2} → {control})")
}

impl Crosswalk {
    /// Parses and validates a crosswalk file on its own: format, unique
    /// ids, known themes and controls, one SOC 2 side per link, a
    /// rationale, no link twice. Whether its SOC 2 ids exist is a matter
    /// of the bank: see [`Crosswalk::check_against`].
    pub fn from_json(json: &str) -> Result<Crosswalk, CrosswalkError> {
        if json.len() > MAX_CROSSWALK_BYTES {
            return Err(CrosswalkError::TooLarge(json.len()));
        }
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| CrosswalkError::NotJson(e.to_string()))?;
        let marker = (
            value.get("format").and_then(|v| v.as_str()),
            value.get("format_version").and_then(|v| v.as_u64()),
        );
        if marker != (Some(CROSSWALK_FORMAT), Some(CROSSWALK_FORMAT_VERSION)) {
            return Err(CrosswalkError::WrongFormat);
        }
        let file: File = serde_json::from_str(json).map_err(|e| {
            let path = strict::error_path(json, &e);
            let message = e.to_string();
            let message = message
                .rfind(" at line ")
                .map_or(message.as_str(), |ix| &message[..ix]);
            invalid(if path.is_empty() { "file" } else { &path }, message)
        })?;
        Crosswalk::build(file)
    }

    fn build(file: File) -> Result<Crosswalk, CrosswalkError> {
        for (field, value) in [
            ("id", &file.id),
            ("version", &file.version),
            ("framework", &file.framework),
            ("short_name", &file.short_name),
        ] {
            if value.trim().is_empty() {
                return Err(invalid(field, "must not be empty"));
            }
        }
        let theme_ix = unique(file.themes.iter().map(|t| t.id.as_str()), "themes")?;
        for (ix, t) in file.themes.iter().enumerate() {
            if t.name.trim().is_empty() {
                return Err(invalid(
                    format!("themes[{ix}] ({})", t.id),
                    "`name` is empty",
                ));
            }
        }
        let control_ix = unique(file.controls.iter().map(|c| c.id.as_str()), "controls")?;
        let mut control_theme = Vec::with_capacity(file.controls.len());
        for (ix, c) in file.controls.iter().enumerate() {
            let place = || format!("controls[{ix}] ({})", c.id);
            let theme = theme_ix.get(c.theme.as_str()).ok_or_else(|| {
                invalid(place(), format!("unknown theme {}", text::quoted(&c.theme)))
            })?;
            if c.topic.trim().is_empty() {
                return Err(invalid(place(), "`topic` is empty"));
            }
            control_theme.push(*theme);
        }
        let mut seen = BTreeSet::new();
        let mut links = Vec::with_capacity(file.links.len());
        for (ix, raw) in file.links.into_iter().enumerate() {
            let soc2 = match (raw.criterion, raw.question) {
                (Some(c), None) => Soc2::Criterion(c),
                (None, Some(q)) => Soc2::Question(q),
                _ => {
                    return Err(invalid(
                        format!("links[{ix}] (→ {})", raw.control),
                        "name exactly one of `criterion` and `question`",
                    ));
                }
            };
            let place = || link_place(ix, soc2.id(), &raw.control);
            let control = *control_ix
                .get(raw.control.as_str())
                .ok_or_else(|| invalid(place(), "unknown control"))?;
            let rationale = raw.rationale.trim();
            if rationale.is_empty() {
                return Err(invalid(place(), "the rationale is missing"));
            }
            if rationale.chars().count() > MAX_RATIONALE_CHARS {
                return Err(invalid(
                    place(),
                    format!("the rationale is longer than {MAX_RATIONALE_CHARS} characters"),
                ));
            }
            if !seen.insert((soc2.clone(), control)) {
                return Err(invalid(place(), "links the same pair twice"));
            }
            links.push(Link {
                soc2,
                control,
                relationship: raw.relationship,
                rationale: rationale.to_owned(),
            });
        }
        let mut explained = BTreeSet::new();
        for (ix, u) in file.uncovered.iter().enumerate() {
            let place = format!("uncovered[{ix}] ({})", u.criterion);
            if u.why.trim().is_empty() {
                return Err(invalid(place, "`why` is empty"));
            }
            if !explained.insert(u.criterion.as_str()) {
                return Err(invalid(place, "lists the criterion twice"));
            }
            let linked = links
                .iter()
                .any(|l| matches!(&l.soc2, Soc2::Criterion(c) if *c == u.criterion));
            if linked {
                return Err(invalid(place, "is linked too; it cannot also be uncovered"));
            }
        }
        Ok(Crosswalk {
            id: file.id,
            version: file.version,
            framework: file.framework,
            short_name: file.short_name,
            themes: file.themes,
            controls: file.controls,
            control_theme,
            links,
            uncovered: file.uncovered,
        })
    }

    /// What does not fit `bank`: links to criteria or questions it does
    /// not have, and criteria neither linked (directly or through one of
    /// their questions) nor explained as uncovered. Empty for the shipped
    /// files against the built-in bank (a host test); for a custom bank,
    /// links it does not know are left out of every result instead.
    pub fn check_against(&self, bank: &Bank) -> Vec<CrosswalkError> {
        let mut problems = Vec::new();
        for (ix, link) in self.links.iter().enumerate() {
            if !link.soc2.in_bank(bank) {
                problems.push(invalid(
                    link_place(ix, link.soc2.id(), &self.controls[link.control].id),
                    "the bank has no such criterion or question",
                ));
            }
        }
        for (ix, u) in self.uncovered.iter().enumerate() {
            if bank.criterion(&u.criterion).is_none() {
                problems.push(invalid(
                    format!("uncovered[{ix}] ({})", u.criterion),
                    "the bank has no such criterion",
                ));
            }
        }
        let linked = self.linked_criteria(bank);
        for c in &bank.criteria {
            let explained = self.uncovered.iter().any(|u| u.criterion == c.id);
            if !linked.contains(c.id.as_str()) && !explained {
                problems.push(invalid(
                    format!("criterion {}", c.id),
                    "has no link and no reason in `uncovered`",
                ));
            }
        }
        problems
    }

    /// Criteria of `bank` linked directly or through one of their questions.
    fn linked_criteria<'b>(&self, bank: &'b Bank) -> BTreeSet<&'b str> {
        let mut out = BTreeSet::new();
        for link in &self.links {
            match &link.soc2 {
                Soc2::Criterion(c) => {
                    if let Some(c) = bank.criterion(c) {
                        out.insert(c.id.as_str());
                    }
                }
                Soc2::Question(q) => {
                    for c in bank.question(q).into_iter().flat_map(|q| &q.criteria) {
                        if let Some(c) = bank.criterion(c) {
                            out.insert(c.id.as_str());
                        }
                    }
                }
            }
        }
        out
    }

    pub fn control_index(&self, id: &str) -> Option<usize> {
        self.controls.iter().position(|c| c.id == id)
    }

    /// Index into `themes` of control `control`.
    pub fn theme_of(&self, control: usize) -> usize {
        self.control_theme.get(control).copied().unwrap_or(0)
    }

    /// Links that apply to question `question` of `bank`: its own, and
    /// those of its criteria (marked `true`, "through a criterion").
    pub fn links_of_question<'a>(
        &'a self,
        bank: &'a Bank,
        question: &'a str,
    ) -> impl Iterator<Item = (&'a Link, bool)> + 'a {
        let criteria = bank.question(question).map_or(&[][..], |q| &q.criteria[..]);
        self.links.iter().filter_map(move |l| match &l.soc2 {
            Soc2::Question(q) if q == question => Some((l, false)),
            Soc2::Criterion(c) if criteria.contains(c) => Some((l, true)),
            _ => None,
        })
    }

    /// For a gap list cell: each linked target control once, with how it
    /// relates, such as `A.8.5 (SOC 2 asks less); A.5.15 (overlap, via CC6.1)`.
    pub fn cell_for_question(&self, bank: &Bank, question: &str) -> String {
        // The question's own links first: they are the precise ones.
        let mut links: Vec<(&Link, bool)> = self.links_of_question(bank, question).collect();
        links.sort_by_key(|(_, via)| *via);
        let mut seen = BTreeSet::new();
        links
            .into_iter()
            .filter(|(l, _)| seen.insert(l.control))
            .map(|(l, via)| {
                let id = &self.controls[l.control].id;
                match (&l.soc2, via) {
                    (Soc2::Criterion(c), true) => {
                        format!("{id} ({}, via {c})", l.relationship.label())
                    }
                    _ => format!("{id} ({})", l.relationship.label()),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn unique<'a>(
    ids: impl Iterator<Item = &'a str>,
    list: &str,
) -> Result<HashMap<&'a str, usize>, CrosswalkError> {
    let mut out = HashMap::new();
    for (ix, id) in ids.enumerate() {
        if id.trim().is_empty() {
            return Err(invalid(format!("{list}[{ix}]"), "`id` is empty"));
        }
        if out.insert(id, ix).is_some() {
            return Err(invalid(
                format!("{list}[{ix}] ({id})"),
                "repeats an id listed before",
            ));
        }
    }
    Ok(out)
}

/// How far the SOC 2 answers show one target control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// A link that covers the whole control (equal, or SOC 2 asks more)
    /// is fully ready.
    Fully,
    /// Some readiness, but either short of ready or only through links
    /// that cover part of the control.
    Partly,
    /// Linked SOC 2 items are answered, and none is ready at all.
    NotYet,
    /// Linked, but nothing linked is answered (or in scope) yet.
    NotAnswered,
    /// No SOC 2 item relates to it.
    NoLink,
}

impl Shown {
    pub fn label(self) -> &'static str {
        match self {
            Shown::Fully => "Shown by SOC 2",
            Shown::Partly => "Partly shown",
            Shown::NotYet => "Not shown",
            Shown::NotAnswered => "Not answered yet",
            Shown::NoLink => "No SOC 2 counterpart",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Shown::Fully => "fully",
            Shown::Partly => "partly",
            Shown::NotYet => "not-yet",
            Shown::NotAnswered => "not-answered",
            Shown::NoLink => "no-link",
        }
    }
}

/// One target control, as the SOC 2 answers show it.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlReadiness {
    /// Index into [`Crosswalk::controls`].
    pub control: usize,
    /// Indexes into [`Crosswalk::links`] that the bank knows.
    pub links: Vec<usize>,
    /// Mean readiness (0–100) of the linked items answered so far.
    pub readiness: Option<f64>,
    /// Linked items answered, of those asked.
    pub answered: usize,
    pub asked: usize,
    pub shown: Shown,
}

/// One theme (ISO A.5 to A.8, a CSF function): its controls summed up.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeReadiness {
    pub theme: usize,
    pub controls: usize,
    /// Controls with at least one link.
    pub linked: usize,
    /// Mean of the controls' readiness, over those with any.
    pub readiness: Option<f64>,
    pub fully: usize,
    pub partly: usize,
}

/// Readiness of every target control and theme, from the assessment's
/// scores through the links.
#[derive(Debug, Clone, PartialEq)]
pub struct CrosswalkReadiness {
    pub controls: Vec<ControlReadiness>,
    pub themes: Vec<ThemeReadiness>,
}

/// What one linked SOC 2 item says: its readiness, if answered, and
/// whether it is asked at all.
fn item_readiness(bank: &Bank, scorecard: &Scorecard, soc2: &Soc2) -> (bool, Option<f64>) {
    match soc2 {
        Soc2::Question(q) => {
            let score = bank.question_index(q).and_then(|ix| scorecard.question(ix));
            match score {
                None => (false, None),
                // Not applicable: the item says nothing about the control.
                Some(s) if s.status.is_none() || s.credit.is_none() => (true, None),
                Some(s) => (true, s.readiness()),
            }
        }
        Soc2::Criterion(c) => {
            let score = bank
                .criterion_index(c)
                .and_then(|ix| scorecard.criterion(ix));
            match score {
                None => (false, None),
                Some(s) if s.score.answered == 0 || !s.score.is_applicable() => (true, None),
                Some(s) => (true, Some(s.score.readiness)),
            }
        }
    }
}

impl CrosswalkReadiness {
    pub fn compute(cw: &Crosswalk, bank: &Bank, scorecard: &Scorecard) -> CrosswalkReadiness {
        let mut by_control: Vec<Vec<usize>> = vec![Vec::new(); cw.controls.len()];
        for (ix, link) in cw.links.iter().enumerate() {
            if link.soc2.in_bank(bank) {
                by_control[link.control].push(ix);
            }
        }
        let controls: Vec<ControlReadiness> = by_control
            .into_iter()
            .enumerate()
            .map(|(control, links)| {
                let (mut asked, mut answered, mut sum, mut full_ready) = (0, 0, 0.0, false);
                for &l in &links {
                    let link = &cw.links[l];
                    let (is_asked, readiness) = item_readiness(bank, scorecard, &link.soc2);
                    asked += usize::from(is_asked);
                    if let Some(r) = readiness {
                        answered += 1;
                        sum += r;
                        // Ready to the full: the whole-cover link shows it.
                        full_ready |= link.relationship.soc2_covers_target() && r >= 100.0;
                    }
                }
                let readiness = (answered > 0).then(|| sum / answered as f64);
                let shown = match readiness {
                    _ if links.is_empty() => Shown::NoLink,
                    None => Shown::NotAnswered,
                    Some(_) if full_ready => Shown::Fully,
                    Some(r) if r > 0.0 => Shown::Partly,
                    Some(_) => Shown::NotYet,
                };
                ControlReadiness {
                    control,
                    links,
                    readiness,
                    answered,
                    asked,
                    shown,
                }
            })
            .collect();
        let themes = (0..cw.themes.len())
            .map(|theme| {
                let mine: Vec<&ControlReadiness> = controls
                    .iter()
                    .filter(|c| cw.theme_of(c.control) == theme)
                    .collect();
                let with: Vec<f64> = mine.iter().filter_map(|c| c.readiness).collect();
                ThemeReadiness {
                    theme,
                    controls: mine.len(),
                    linked: mine.iter().filter(|c| c.shown != Shown::NoLink).count(),
                    readiness: (!with.is_empty())
                        .then(|| with.iter().sum::<f64>() / with.len() as f64),
                    fully: mine.iter().filter(|c| c.shown == Shown::Fully).count(),
                    partly: mine.iter().filter(|c| c.shown == Shown::Partly).count(),
                }
            })
            .collect();
        CrosswalkReadiness { controls, themes }
    }
}

/// A proposed answer: a question the assessment asks and has not answered,
/// wholly covered by target controls the user has in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub question: String,
    /// Indexes into [`Crosswalk::links`] that cover it, through controls
    /// in place.
    pub because: Vec<usize>,
}

/// Target controls in place for crosswalk `cw` in this assessment, as
/// control indexes (ids the crosswalk does not know are left out).
pub fn in_place(cw: &Crosswalk, assessment: &Assessment) -> BTreeSet<usize> {
    assessment
        .in_place_elsewhere
        .get(&cw.id)
        .into_iter()
        .flatten()
        .filter_map(|id| cw.control_index(id))
        .collect()
}

/// The proposals for `assessment`, in bank order: every asked, unanswered
/// question wholly covered by controls in place, that is by an `equal` or
/// `subset_of` link of its own, or else by such links for every one of
/// its criteria (a question that also serves a criterion no ticked
/// control covers asks more than they do). Nothing is answered here: the
/// user accepts proposals, one or all, through [`Action::AcceptProposals`].
///
/// [`Action::AcceptProposals`]: crate::core::assessment::Action::AcceptProposals
pub fn proposals(cw: &Crosswalk, bank: &Bank, assessment: &Assessment) -> Vec<Proposal> {
    let held = in_place(cw, assessment);
    if held.is_empty() {
        return Vec::new();
    }
    let covering = |soc2: &dyn Fn(&Soc2) -> bool| -> Vec<usize> {
        cw.links
            .iter()
            .enumerate()
            .filter(|(_, l)| l.relationship.target_covers_soc2() && held.contains(&l.control))
            .filter(|(_, l)| soc2(&l.soc2))
            .map(|(ix, _)| ix)
            .collect()
    };
    assessment
        .asked(bank)
        .filter(|q| assessment.status(&q.id).is_none())
        .filter_map(|q| {
            let own = covering(&|s| matches!(s, Soc2::Question(id) if *id == q.id));
            let because = if own.is_empty() {
                let per_criterion: Vec<Vec<usize>> = q
                    .criteria
                    .iter()
                    .map(|c| covering(&|s| matches!(s, Soc2::Criterion(id) if id == c)))
                    .collect();
                if per_criterion.iter().all(|links| !links.is_empty()) {
                    per_criterion.concat()
                } else {
                    Vec::new()
                }
            } else {
                own
            };
            (!because.is_empty()).then(|| Proposal {
                question: q.id.clone(),
                because,
            })
        })
        .collect()
}

/// Questions whose answer was accepted from crosswalk `id` and not changed
/// since, in bank order.
pub fn accepted<'a>(bank: &'a Bank, assessment: &'a Assessment, id: &'a str) -> Vec<&'a str> {
    bank.questions
        .iter()
        .filter(|q| {
            assessment
                .answer(&q.id)
                .is_some_and(|a| a.accepted_from == id)
        })
        .map(|q| q.id.as_str())
        .collect()
}
