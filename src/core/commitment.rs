//! Service commitments: what the organisation promises its customers
//! (uptime, recovery, deletion, breach notice, where data lives), each tied
//! to the controls that keep it. A commitment is at risk while any of them
//! is not ready, since the criteria are judged against these commitments.

use crate::core::assessment::{Assessment, Status};
use crate::core::bank::Bank;
use crate::core::outcome::{Outcome, Verdict};
use serde::{Deserialize, Serialize};

/// The usual kinds of commitment; `Other` for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    #[default]
    Availability,
    Recovery,
    Deletion,
    BreachNotice,
    DataLocation,
    Other,
}

impl CommitmentKind {
    pub const ALL: [CommitmentKind; 6] = [
        CommitmentKind::Availability,
        CommitmentKind::Recovery,
        CommitmentKind::Deletion,
        CommitmentKind::BreachNotice,
        CommitmentKind::DataLocation,
        CommitmentKind::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CommitmentKind::Availability => "availability",
            CommitmentKind::Recovery => "recovery",
            CommitmentKind::Deletion => "deletion",
            CommitmentKind::BreachNotice => "breach_notice",
            CommitmentKind::DataLocation => "data_location",
            CommitmentKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CommitmentKind::Availability => "Uptime",
            CommitmentKind::Recovery => "Recovery (RPO / RTO)",
            CommitmentKind::Deletion => "Deletion of customer data",
            CommitmentKind::BreachNotice => "Breach notice",
            CommitmentKind::DataLocation => "Where data is kept",
            CommitmentKind::Other => "Other",
        }
    }

    /// An example of the promise, as a placeholder.
    pub fn example(self) -> &'static str {
        match self {
            CommitmentKind::Availability => "99.9% monthly uptime for the API",
            CommitmentKind::Recovery => "Restore within 4 hours, losing at most 1 hour of data",
            CommitmentKind::Deletion => "Customer data deleted within 30 days of termination",
            CommitmentKind::BreachNotice => "Customers told of a breach within 72 hours",
            CommitmentKind::DataLocation => "Customer data stays in the EU",
            CommitmentKind::Other => "What you promise",
        }
    }
}

/// One commitment in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Stable within the assessment (`c1`, `c2`…).
    pub id: String,
    pub kind: CommitmentKind,
    /// The promise, in the customer's terms.
    pub text: String,
    /// The questions (ids) or criteria (such as `A1.2`) that keep it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
}

/// How a commitment stands. Ids are stable (`data-commitment`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentStanding {
    pub at_risk: bool,
    /// Why it is at risk, one line each.
    pub reasons: Vec<String>,
}

impl CommitmentStanding {
    pub fn id(&self) -> &'static str {
        if self.at_risk { "at-risk" } else { "ok" }
    }
}

/// Whether the controls behind `commitment` are ready: each linked question
/// answered "ready" and short of nothing in the outcome, each linked
/// criterion judged met (exceptions included). No link at all: at risk, as
/// nothing is shown to keep it.
pub fn standing(
    commitment: &Commitment,
    bank: &Bank,
    assessment: &Assessment,
    outcome: &Outcome,
) -> CommitmentStanding {
    let mut reasons = Vec::new();
    if commitment.supports.is_empty() {
        reasons.push("No control is linked to it".to_owned());
    }
    for link in &commitment.supports {
        if let Some(ix) = bank.questions.iter().position(|q| q.id == *link) {
            let title = bank.questions.get(ix).map_or("", |q| q.title());
            let short = outcome
                .judgements
                .iter()
                .flat_map(|j| &j.findings)
                .any(|f| f.question == ix && !f.exception);
            match assessment.status(link) {
                Some(Status::Ready) if !short => {}
                Some(Status::Ready) => reasons.push(format!(
                    "\u{201c}{title}\u{201d} is short of what an auditor needs"
                )),
                Some(s) => reasons.push(format!(
                    "\u{201c}{title}\u{201d} is answered \u{201c}{}\u{201d}",
                    s.label()
                )),
                None => reasons.push(format!("\u{201c}{title}\u{201d} is not answered")),
            }
        } else if let Some(c) = bank.criteria.iter().position(|c| c.id == *link) {
            match outcome.judgement(c).map(|j| j.verdict) {
                Some(Verdict::Met | Verdict::Exceptions) => {}
                Some(v) => reasons.push(format!("{link} is {}", v.label())),
                None => reasons.push(format!("{link} is not judged yet")),
            }
        } else {
            reasons.push(format!(
                "{} is neither a question nor a criterion of this bank",
                crate::core::text::quoted(link)
            ));
        }
    }
    CommitmentStanding {
        at_risk: !reasons.is_empty(),
        reasons,
    }
}

/// A fresh commitment id not used by `list` (`c1`, `c2`…).
pub fn next_id(list: &[Commitment]) -> String {
    let mut n = list.len() + 1;
    loop {
        let id = format!("c{n}");
        if list.iter().all(|c| c.id != id) {
            return id;
        }
        n += 1;
    }
}
