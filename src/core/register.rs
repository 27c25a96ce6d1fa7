//! The vendor register and the description draft, judged together for the
//! outcome: each vendor's standing, and the draft's missing parts once the
//! user has started it. Handed to the outcome as a function, so the app can
//! load these rules with the document readers rather than at first load.

use crate::core::assessment::{Assessment, Period, ReportType, Status};
use crate::core::bank::Bank;
use crate::core::vendor::{self, VendorStanding};

/// What the register and the draft mean for the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RegisterJudgement {
    /// Every vendor, judged (register order).
    pub vendors: Vec<VendorStanding>,
    /// The draft's required parts that are missing, once it is started.
    pub missing_parts: Vec<&'static str>,
}

/// The rules, as the outcome takes them.
pub type RegisterJudge = fn(&Bank, &Assessment, ReportType, Option<Period>) -> RegisterJudgement;

/// Whether there is anything for [`judge_register`] to judge.
pub fn has_register(assessment: &Assessment) -> bool {
    !assessment.vendors.is_empty() || assessment.description.is_started()
}

/// Judges the register and the draft of `assessment` for an engagement of
/// `report_type` over `period` (as the outcome's bar sees them).
pub fn judge_register(
    bank: &Bank,
    assessment: &Assessment,
    report_type: ReportType,
    period: Option<Period>,
) -> RegisterJudgement {
    let in_place = |q: &str| {
        matches!(
            assessment.status(q),
            Some(Status::Ready | Status::Implemented)
        )
    };
    let vendors = vendor::judge_all(&assessment.vendors, report_type, period, &in_place);
    let draft = crate::core::description::assemble(bank, assessment);
    let missing_parts = if draft.started {
        draft.missing().map(|p| p.id).collect()
    } else {
        Vec::new()
    };
    RegisterJudgement {
        vendors,
        missing_parts,
    }
}
