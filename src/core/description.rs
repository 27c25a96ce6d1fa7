//! The system description draft: the parts an auditor expects a SOC 2
//! system description to hold, in our own words, each filled from what the
//! assessment already records (scope, components, vendors, commitments,
//! incidents and changes) and from the user's own text. Each required part
//! is present or named as missing; once the user works on the draft, the
//! missing ones are findings on the description (see `outcome`).

use crate::core::assessment::{Assessment, ReportType, Status, present};
use crate::core::bank::Bank;
use crate::core::date::Day;
use crate::core::vendor::Treatment;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Something that happened in the period that the description must
/// disclose (an incident or a change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub day: Day,
    pub summary: String,
}

/// What the user wrote and recorded for the description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct DescriptionDraft {
    /// The user's words, by part id (see [`PARTS`]; components by
    /// `components.<item>`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub texts: BTreeMap<String, String>,
    /// Significant security incidents.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<Event>,
    /// Significant changes to the system.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Event>,
    /// Controls our customers must run for ours to work (our CUECs).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub user_controls: Vec<String>,
    /// Parts the user states have nothing to disclose (`incidents`,
    /// `changes`, `user_controls`).
    #[serde(
        skip_serializing_if = "BTreeSet::is_empty",
        deserialize_with = "crate::core::assessment::unique"
    )]
    pub none: BTreeSet<String>,
    /// When the draft was last marked as reviewed by the user; absent: not yet.
    #[serde(skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub reviewed: Option<Day>,
}

impl DescriptionDraft {
    /// Whether the user has worked on the draft: from then on it is the
    /// description the app judges.
    pub fn is_started(&self) -> bool {
        self.texts.values().any(|t| !t.trim().is_empty())
            || !self.incidents.is_empty()
            || !self.changes.is_empty()
            || !self.user_controls.is_empty()
            || !self.none.is_empty()
    }

    pub fn text(&self, id: &str) -> &str {
        self.texts.get(id).map_or("", |t| t.trim())
    }
}

/// One part of the description: stable id, heading and what to write.
pub struct PartDef {
    pub id: &'static str,
    pub heading: &'static str,
    pub prompt: &'static str,
}

/// The parts, in the order of the description. Headings and prompts are
/// our own words.
pub const PARTS: [PartDef; 11] = [
    PartDef {
        id: "services",
        heading: "The service and who uses it",
        prompt: "What the system does for customers, which products it covers, and who the \
                 customers are.",
    },
    PartDef {
        id: "commitments",
        heading: "What we promise customers",
        prompt: "The service commitments (uptime, recovery, deletion, breach notice, where data \
                 is kept) and what the system must do to keep them. Kept in the commitments \
                 register.",
    },
    PartDef {
        id: "components",
        heading: "What the system is made of",
        prompt: "For each part in scope: the infrastructure, software, people, procedures and \
                 data that deliver the service.",
    },
    PartDef {
        id: "boundaries",
        heading: "Where the system ends",
        prompt: "What is inside the system and what is not (other products, corporate IT, \
                 customer-run parts).",
    },
    PartDef {
        id: "governance",
        heading: "How security is run",
        prompt: "Who sets the tone and owns security, how risks are assessed, how people are \
                 kept informed, and how controls are monitored.",
    },
    PartDef {
        id: "subservice",
        heading: "Organisations the system relies on",
        prompt: "Each subservice organisation, what it does, and whether this report carves it \
                 out or includes it. Kept in the vendor register.",
    },
    PartDef {
        id: "csocs",
        heading: "What we rely on carved-out organisations to do",
        prompt: "For each carved-out organisation, the controls we rely on it to run. Kept in \
                 the vendor register.",
    },
    PartDef {
        id: "user_controls",
        heading: "What our customers must do",
        prompt: "The controls customers must run on their side for ours to work, such as \
                 managing their own users.",
    },
    PartDef {
        id: "criteria",
        heading: "Criteria covered, and those left out",
        prompt: "The categories in scope, and for each criterion that does not apply, why.",
    },
    PartDef {
        id: "incidents",
        heading: "Significant incidents",
        prompt: "Security incidents that were significant, with what was done; or a statement \
                 that there were none.",
    },
    PartDef {
        id: "changes",
        heading: "Significant changes to the system",
        prompt: "Changes in the period that matter to a reader (new infrastructure, a new \
                 product, a new vendor); or a statement that there were none.",
    },
];

/// One part, assembled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub id: &'static str,
    pub heading: &'static str,
    pub prompt: &'static str,
    /// The user's text for the part (components: per item, below).
    pub text: String,
    /// Lines filled from the assessment's records.
    pub facts: Vec<String>,
    /// Why the part is missing, if it is; `None`: present (or not required).
    pub missing: Option<String>,
    /// Not required for this report type (shown, never a finding).
    pub optional: bool,
}

/// The draft, assembled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub parts: Vec<Part>,
    pub started: bool,
}

impl Draft {
    /// The required parts that are missing.
    pub fn missing(&self) -> impl Iterator<Item = &Part> {
        self.parts
            .iter()
            .filter(|p| p.missing.is_some() && !p.optional)
    }
}

fn list_or(facts: &mut Vec<String>, items: impl IntoIterator<Item = String>) -> bool {
    let before = facts.len();
    facts.extend(items);
    facts.len() > before
}

/// Assembles the draft of `assessment` against `bank`.
pub fn assemble(bank: &Bank, assessment: &Assessment) -> Draft {
    let d = &assessment.description;
    let scope = &assessment.scope;
    let type2 = scope.report_type == ReportType::Type2;
    let subservice: Vec<_> = assessment
        .vendors
        .iter()
        .filter(|v| v.treatment.is_subservice())
        .collect();
    let mut parts = Vec::new();
    for def in &PARTS {
        let text = d.text(def.id).to_owned();
        let mut facts = Vec::new();
        let mut optional = false;
        let has_text = !text.is_empty();
        let missing: Option<String> = match def.id {
            "services" => {
                if !scope.system.trim().is_empty() {
                    facts.push(format!("System: {}", scope.system.trim()));
                }
                if !scope.organisation.trim().is_empty() {
                    facts.push(format!("Provided by: {}", scope.organisation.trim()));
                }
                (!has_text).then(|| "describe the service and its customers".to_owned())
            }
            "commitments" => {
                let any = list_or(
                    &mut facts,
                    assessment
                        .commitments
                        .iter()
                        .filter(|c| !c.text.trim().is_empty())
                        .map(|c| format!("{}: {}", c.kind.label(), c.text.trim())),
                );
                (!any).then(|| "record the commitments in the commitments register".to_owned())
            }
            "components" => {
                let mut short = Vec::new();
                for item in &scope.in_scope {
                    let key = format!("components.{}", item.label().to_lowercase());
                    let words = d.text(&key);
                    if words.is_empty() {
                        short.push(item.label().to_lowercase());
                    } else {
                        facts.push(format!("{}: {words}", item.label()));
                    }
                }
                if scope.in_scope.is_empty() {
                    Some("choose the parts of the system in scope".to_owned())
                } else if short.is_empty() {
                    None
                } else {
                    Some(format!("describe: {}", short.join(", ")))
                }
            }
            "boundaries" | "governance" => (!has_text).then(|| "write this part".to_owned()),
            "subservice" => {
                let any = list_or(
                    &mut facts,
                    subservice.iter().map(|v| {
                        let does = if v.service.trim().is_empty() {
                            String::new()
                        } else {
                            format!(" ({})", v.service.trim())
                        };
                        let how = match v.treatment {
                            Treatment::Inclusive => "included in this report",
                            _ => "carved out of this report",
                        };
                        format!("{}{does}: {how}", v.name.trim())
                    }),
                );
                if any {
                    None
                } else if assessment.vendors.is_empty() {
                    Some("record the vendors in the vendor register".to_owned())
                } else {
                    facts.push("None: no vendor is a subservice organisation".to_owned());
                    None
                }
            }
            "csocs" => {
                let mut bare = Vec::new();
                for v in subservice
                    .iter()
                    .filter(|v| v.treatment == Treatment::CarveOut)
                {
                    if v.csocs.is_empty() {
                        bare.push(v.name.trim().to_owned());
                    }
                    for c in &v.csocs {
                        facts.push(format!("{}: {}", v.name.trim(), c.text.trim()));
                    }
                }
                if assessment.vendors.is_empty() {
                    Some("record the vendors in the vendor register".to_owned())
                } else if !bare.is_empty() {
                    Some(format!(
                        "list the controls relied on at {}",
                        crate::core::text::first_names(&bare)
                    ))
                } else {
                    if facts.is_empty() {
                        facts.push("None: no organisation is carved out".to_owned());
                    }
                    None
                }
            }
            "user_controls" => {
                let any = list_or(
                    &mut facts,
                    d.user_controls
                        .iter()
                        .filter(|c| !c.trim().is_empty())
                        .map(|c| c.trim().to_owned()),
                );
                stated(
                    any,
                    d.none.contains(def.id),
                    &mut facts,
                    "list them, or state none",
                )
            }
            "criteria" => {
                let categories: Vec<&str> = scope.categories.iter().map(|c| c.name()).collect();
                facts.push(format!("Categories in scope: {}", categories.join(", ")));
                let mut unexplained = 0;
                for q in assessment.asked(bank) {
                    let Some(a) = assessment.answer(&q.id) else {
                        continue;
                    };
                    if a.status == Some(Status::NotApplicable) {
                        if a.justification.trim().is_empty() {
                            unexplained += 1;
                        } else {
                            facts.push(format!(
                                "Not applicable: {} ({}): {}",
                                q.title(),
                                q.criteria.join(", "),
                                a.justification.trim()
                            ));
                        }
                    }
                }
                (unexplained > 0).then(|| {
                    format!(
                        "give the reason for {} marked not applicable",
                        crate::core::text::plural(unexplained, "question", "questions")
                    )
                })
            }
            "incidents" | "changes" => {
                let events = if def.id == "incidents" {
                    &d.incidents
                } else {
                    &d.changes
                };
                optional = def.id == "changes" && !type2;
                let any = list_or(
                    &mut facts,
                    events
                        .iter()
                        .map(|e| format!("{}: {}", e.day, e.summary.trim())),
                );
                stated(
                    any,
                    d.none.contains(def.id),
                    &mut facts,
                    "record them, or state none",
                )
            }
            _ => None,
        };
        parts.push(Part {
            id: def.id,
            heading: def.heading,
            prompt: def.prompt,
            text,
            facts,
            missing,
            optional,
        });
    }
    let system = scope.system.trim();
    Draft {
        title: if system.is_empty() {
            "System description".to_owned()
        } else {
            format!("System description: {system}")
        },
        parts,
        started: d.is_started(),
    }
}

/// A part listed or stated as having nothing to disclose.
fn stated(any: bool, none: bool, facts: &mut Vec<String>, ask: &str) -> Option<String> {
    if any {
        None
    } else if none {
        facts.push("None".to_owned());
        None
    } else {
        Some(ask.to_owned())
    }
}

/// The draft as Markdown: headings, the user's text, the recorded facts as
/// lists, and each missing part marked.
pub fn to_markdown(draft: &Draft) -> String {
    let mut out = format!("# {}\n\n", draft.title);
    out.push_str(
        "Draft made with the SOC 2 readiness assessor. Each part below is what the description \
         must cover; parts marked missing are not written yet.\n",
    );
    for p in &draft.parts {
        out.push_str(&format!("\n## {}\n\n", p.heading));
        if !p.text.is_empty() {
            out.push_str(&p.text);
            out.push_str("\n\n");
        }
        for f in &p.facts {
            out.push_str(&format!("- {f}\n"));
        }
        if !p.facts.is_empty() {
            out.push('\n');
        }
        if let Some(why) = &p.missing {
            let label = if p.optional { "Optional" } else { "Missing" };
            out.push_str(&format!("_{label}: {why}._\n"));
        }
    }
    out
}
