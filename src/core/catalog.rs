//! The Trust Services Criteria catalog: categories, series and criteria.
//!
//! The five categories are fixed by the framework (an assessment's scope is
//! expressed in them); series and criteria come from the bank file.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A Trust Services Category. Security (the common criteria) is always in scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Security,
    Availability,
    ProcessingIntegrity,
    Confidentiality,
    Privacy,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Security,
        Category::Availability,
        Category::ProcessingIntegrity,
        Category::Confidentiality,
        Category::Privacy,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Security => "Security",
            Category::Availability => "Availability",
            Category::ProcessingIntegrity => "Processing Integrity",
            Category::Confidentiality => "Confidentiality",
            Category::Privacy => "Privacy",
        }
    }

    /// Identifier used in files and data attributes.
    pub fn id(self) -> &'static str {
        match self {
            Category::Security => "security",
            Category::Availability => "availability",
            Category::ProcessingIntegrity => "processing_integrity",
            Category::Confidentiality => "confidentiality",
            Category::Privacy => "privacy",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }

    pub fn is_mandatory(self) -> bool {
        self == Category::Security
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A series of criteria, such as CC6 (logical and physical access) or P4.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub id: String,
    pub category: Category,
    pub name: String,
}

/// One criterion, such as CC6.1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub series: String,
    pub topic: String,
    /// A plain name of a few words ("change management"), for the outcome
    /// band and the report (format 4; required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Present only when a single question covers the criterion: why that is enough.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_question_reason: Option<String>,
}

impl Criterion {
    /// "CC8.1 (change management)": the id with its plain name, or with its
    /// topic when the bank gives no name.
    pub fn plain(&self) -> String {
        format!(
            "{} ({})",
            self.id,
            self.name.as_deref().unwrap_or(self.topic.as_str())
        )
    }
}
