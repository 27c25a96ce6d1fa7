//! The vendor register: who the system runs on, how the report treats them
//! (carve-out or inclusive), what their own reports cover, and what we rely
//! on them for. Pure: the coverage arithmetic and each vendor's standing are
//! derived here, never stored.
//!
//! How an auditor reads a subservice organisation (see the README, "Vendors
//! and subservice organisations"):
//! - **Carve-out**: its controls stay outside our report, so our description
//!   must name the controls we rely on it for (CSOCs), and our monitoring of
//!   it (CC9.2) rests on its own report: a report we reviewed that tests
//!   those controls. None listed: a finding on the description. Listed, but
//!   no reviewed report tests them (or the report's opinion is adverse or
//!   disclaimed): CC9.2 is not met, and the description claims what nobody
//!   has shown.
//! - For a Type II, the vendor's Type II reports and its bridge letter should
//!   cover every day of our period. Days left over, a Type I report only, a
//!   qualified vendor opinion or an exception on a control we rely on are
//!   deviations our auditor would list: at worst an exception on CC9.2.
//! - **Inclusive**: its controls are tested as ours, in our report; its
//!   report is then background, not the evidence.

use crate::core::assessment::{Period, ReportType, present};
use crate::core::date::Day;
use serde::{Deserialize, Serialize};

/// How our report treats the vendor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    /// A subservice organisation left out of our report; we rely on its
    /// controls (CSOCs) and monitor it.
    #[default]
    CarveOut,
    /// A subservice organisation whose controls our report includes and our
    /// auditor tests.
    Inclusive,
    /// A vendor, but not part of the system's delivery of the service.
    NotSubservice,
}

impl Treatment {
    pub const ALL: [Treatment; 3] = [
        Treatment::CarveOut,
        Treatment::Inclusive,
        Treatment::NotSubservice,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Treatment::CarveOut => "carve_out",
            Treatment::Inclusive => "inclusive",
            Treatment::NotSubservice => "not_subservice",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Treatment::CarveOut => "Subservice organisation, carved out",
            Treatment::Inclusive => "Subservice organisation, inclusive",
            Treatment::NotSubservice => "Not a subservice organisation",
        }
    }

    pub fn is_subservice(self) -> bool {
        self != Treatment::NotSubservice
    }
}

/// Which kind of report the vendor gave us.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// Controls relevant to its customers' financial reporting: it may
    /// still test controls we rely on (access, operations); check which.
    Soc1,
    #[default]
    Soc2,
}

impl ReportKind {
    pub const ALL: [ReportKind; 2] = [ReportKind::Soc1, ReportKind::Soc2];

    pub fn id(self) -> &'static str {
        match self {
            ReportKind::Soc1 => "soc1",
            ReportKind::Soc2 => "soc2",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReportKind::Soc1 => "SOC 1",
            ReportKind::Soc2 => "SOC 2",
        }
    }
}

/// The opinion in the vendor's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VendorOpinion {
    #[default]
    Unmodified,
    Qualified,
    Adverse,
    /// The auditor declined to give an opinion.
    Disclaimer,
}

impl VendorOpinion {
    pub const ALL: [VendorOpinion; 4] = [
        VendorOpinion::Unmodified,
        VendorOpinion::Qualified,
        VendorOpinion::Adverse,
        VendorOpinion::Disclaimer,
    ];

    pub fn id(self) -> &'static str {
        match self {
            VendorOpinion::Unmodified => "unmodified",
            VendorOpinion::Qualified => "qualified",
            VendorOpinion::Adverse => "adverse",
            VendorOpinion::Disclaimer => "disclaimer",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VendorOpinion::Unmodified => "Unmodified",
            VendorOpinion::Qualified => "Qualified",
            VendorOpinion::Adverse => "Adverse",
            VendorOpinion::Disclaimer => "Disclaimer of opinion",
        }
    }

    /// Whether the report shows anything worked: an adverse opinion says
    /// the controls failed, a disclaimer says nothing.
    pub fn gives_assurance(self) -> bool {
        self <= VendorOpinion::Qualified
    }
}

/// One report the vendor gave us.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorReport {
    pub kind: ReportKind,
    pub report_type: ReportType,
    /// Type II: the first day of its period; Type I: its "as of" date (the
    /// same as `end`).
    pub start: Day,
    pub end: Day,
    pub opinion: VendorOpinion,
    /// Exceptions the report notes, in the user's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub exceptions: String,
    /// When we reviewed it; `None`: not reviewed yet.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub reviewed: Option<Day>,
}

/// A control we rely on the vendor to run (a CSOC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Csoc {
    pub text: String,
    /// The questions (ids) or criteria (such as `CC6.4`) it supports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    /// The vendor's report tests it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tested: bool,
    /// The vendor's report notes an exception on it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exception: bool,
}

/// A control the vendor's report asks of us (a CUEC of theirs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Cuec {
    pub text: String,
    /// The question (id) of ours that carries it; empty: not linked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub question: String,
}

/// One vendor in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Vendor {
    /// Stable within the assessment (`v1`, `v2`…): actions and links name it.
    pub id: String,
    pub name: String,
    /// What it does for the system.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub service: String,
    #[serde(default)]
    pub treatment: Treatment,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<VendorReport>,
    /// The last day its bridge letter vouches for, after its latest Type II
    /// report.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub bridge_until: Option<Day>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub csocs: Vec<Csoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cuecs: Vec<Cuec>,
}

/// A bridge letter reaching further than this past the report it follows
/// is weak evidence: auditors commonly expect the vendor's next report by
/// then (a practice, not a rule; shown, never scored).
pub const LONG_BRIDGE_DAYS: i64 = 92;

/// How the vendor's reports cover our period. Ids are stable: the
/// `data-vendor-coverage` hook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    /// Every day is covered (Type I: a report is on file).
    Covered,
    /// Days of our period that no Type II report or bridge letter covers,
    /// as inclusive ranges in date order.
    Gap(Vec<(Day, Day)>),
    /// Only Type I reports: they show design, not operation.
    Type1Only,
    /// No report on file.
    NoReport,
}

impl Coverage {
    pub fn id(&self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Gap(_) => "gap",
            Coverage::Type1Only => "type1-only",
            Coverage::NoReport => "no-report",
        }
    }

    /// Days uncovered (0 unless a gap).
    pub fn gap_days(&self) -> i64 {
        match self {
            Coverage::Gap(ranges) => ranges.iter().map(|(a, b)| a.days_until(*b) + 1).sum(),
            _ => 0,
        }
    }

    /// One line for the coverage column.
    pub fn describe(&self) -> String {
        match self {
            Coverage::Covered => "Covered".to_owned(),
            Coverage::Gap(ranges) => {
                let list: Vec<String> = ranges
                    .iter()
                    .map(|(a, b)| {
                        if a == b {
                            a.to_string()
                        } else {
                            format!("{a} to {b}")
                        }
                    })
                    .collect();
                format!(
                    "Not covered: {} ({})",
                    list.join(", "),
                    crate::core::text::plural(self.gap_days() as usize, "day", "days")
                )
            }
            Coverage::Type1Only => {
                "Type I report only: it shows the design, not that the controls operated".to_owned()
            }
            Coverage::NoReport => "No report on file".to_owned(),
        }
    }
}

/// How `vendor`'s reports cover our engagement: the days of a Type II
/// `period` left uncovered, or (Type I, or no valid period) whether any
/// report is on file.
pub fn coverage(vendor: &Vendor, report_type: ReportType, period: Option<Period>) -> Coverage {
    if vendor.reports.is_empty() {
        return Coverage::NoReport;
    }
    let period = match (report_type, period) {
        (ReportType::Type2, Some(p)) if p.start <= p.end => p,
        _ => return Coverage::Covered,
    };
    let mut spans: Vec<(Day, Day)> = vendor
        .reports
        .iter()
        .filter(|r| r.report_type == ReportType::Type2 && r.start <= r.end)
        .map(|r| (r.start, r.end))
        .collect();
    let Some(latest) = spans.iter().map(|s| s.1).max() else {
        return Coverage::Type1Only;
    };
    if let Some(until) = vendor.bridge_until.filter(|u| *u > latest) {
        spans.push((latest.add_days(1), until));
    }
    let gaps = uncovered(period.start, period.end, spans);
    if gaps.is_empty() {
        Coverage::Covered
    } else {
        Coverage::Gap(gaps)
    }
}

/// The days of `start..=end` that none of `spans` (inclusive) covers.
fn uncovered(start: Day, end: Day, mut spans: Vec<(Day, Day)>) -> Vec<(Day, Day)> {
    spans.sort_unstable();
    let mut gaps = Vec::new();
    // The first day not yet known to be covered.
    let mut next = start;
    for (a, b) in spans {
        if next > end {
            break;
        }
        if b < next {
            continue;
        }
        if a > next {
            gaps.push((next, a.add_days(-1).min(end)));
        }
        next = next.max(b.add_days(1));
    }
    if next <= end {
        gaps.push((next, end));
    }
    gaps
}

/// Something about a vendor an auditor would ask about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// Carve-out, and no control we rely on it for is listed.
    CsocsNotListed,
    /// Controls we rely on (by position) that no reviewed report with an
    /// opinion that gives assurance tests.
    CsocsUnaddressed(Vec<usize>),
    /// The latest report's opinion is not unmodified.
    Opinion(VendorOpinion),
    /// The report notes an exception on controls we rely on (by position).
    CsocExceptions(Vec<usize>),
    /// A report is on file but none has been reviewed.
    NotReviewed,
    /// The bridge letter reaches this many days past the report.
    LongBridge(i64),
    /// A control its report asks of us (by position) whose question is not
    /// in place, or that no question carries.
    CuecsOpen(Vec<usize>),
    /// A SOC 1 report: check that it tests the controls relied on.
    Soc1,
}

impl Flag {
    /// Plain words about `vendor`.
    pub fn describe(&self, vendor: &Vendor) -> String {
        let texts = |ixs: &[usize], list: &dyn Fn(usize) -> Option<String>| -> String {
            let names: Vec<String> = ixs.iter().filter_map(|&i| list(i)).collect();
            crate::core::text::first_names(&names)
        };
        let csoc = |i: usize| {
            vendor
                .csocs
                .get(i)
                .map(|c| crate::core::text::named(&c.text))
        };
        let cuec = |i: usize| {
            vendor
                .cuecs
                .get(i)
                .map(|c| crate::core::text::named(&c.text))
        };
        match self {
            Flag::CsocsNotListed => "Carved out, but no control you rely on it for is listed: \
                                     the description must name them"
                .to_owned(),
            Flag::CsocsUnaddressed(ixs) => format!(
                "No reviewed report with an opinion that gives assurance tests {}",
                texts(ixs, &csoc)
            ),
            Flag::Opinion(o) => format!(
                "Its report's opinion is {}: assess the effect on you and respond",
                o.label().to_lowercase()
            ),
            Flag::CsocExceptions(ixs) => format!(
                "Its report notes exceptions on controls you rely on: {}",
                texts(ixs, &csoc)
            ),
            Flag::NotReviewed => "Its report is on file but not reviewed: record who reviewed \
                                  it and when"
                .to_owned(),
            Flag::LongBridge(days) => format!(
                "The bridge letter reaches {days} days past the report: ask for the next report"
            ),
            Flag::CuecsOpen(ixs) => format!(
                "Controls its report asks of you that are not in place (or not linked to a \
                 question): {}",
                texts(ixs, &cuec)
            ),
            Flag::Soc1 => "A SOC 1 report: check that it tests the controls you rely on".to_owned(),
        }
    }
}

/// What the vendor means for the opinion. Ids are stable
/// (`data-vendor-verdict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum VendorVerdict {
    /// Nothing an auditor would raise.
    NoAction,
    /// Worth fixing, but nothing the opinion would name.
    Attention,
    /// A deviation our report would list: an exception on CC9.2.
    Exception,
    /// The description lacks what it must say about the vendor.
    DescriptionFinding,
    /// Controls relied on that nothing shows work: CC9.2 not met, and a
    /// finding on the description.
    NotMet,
}

impl VendorVerdict {
    pub fn id(self) -> &'static str {
        match self {
            VendorVerdict::NoAction => "no_action",
            VendorVerdict::Attention => "attention",
            VendorVerdict::Exception => "exception",
            VendorVerdict::DescriptionFinding => "description_finding",
            VendorVerdict::NotMet => "not_met",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VendorVerdict::NoAction => "No action",
            VendorVerdict::Attention => "Needs attention",
            VendorVerdict::Exception => "Exception on CC9.2",
            VendorVerdict::DescriptionFinding => "Finding on the description",
            VendorVerdict::NotMet => "CC9.2 not met, and a finding on the description",
        }
    }

    /// Whether the dashboard lists it as needing action.
    pub fn needs_action(self) -> bool {
        self > VendorVerdict::NoAction
    }

    /// Whether the description is short because of it.
    pub fn on_description(self) -> bool {
        self >= VendorVerdict::DescriptionFinding
    }
}

/// One vendor, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorStanding {
    /// Position in the register.
    pub vendor: usize,
    /// Its name, as entered (trimmed).
    pub name: String,
    pub coverage: Coverage,
    pub flags: Vec<Flag>,
    /// The flags in plain words, in the same order.
    pub notes: Vec<String>,
    pub verdict: VendorVerdict,
    /// One line for the outcome's reasons: who, what it means, and why.
    pub summary: String,
    /// What would close it, starting with a verb.
    pub fix: String,
}

impl VendorStanding {
    fn summary_line(&self) -> String {
        let mut why = self.notes.clone();
        if matches!(self.coverage, Coverage::Gap(_) | Coverage::Type1Only) {
            why.insert(0, self.coverage.describe());
        }
        format!(
            "Vendor {}: {}. {}.",
            crate::core::text::named(&self.name),
            self.verdict
                .label()
                .to_lowercase()
                .replace("cc9.2", "CC9.2"),
            why.join(". ")
        )
    }
}

impl VendorStanding {
    fn fix_line(&self) -> String {
        let name = crate::core::text::named(&self.name);
        let has = |f: &dyn Fn(&Flag) -> bool| self.flags.iter().any(f);
        if has(&|f| matches!(f, Flag::CsocsUnaddressed(_))) {
            return format!(
                "Obtain the current report of {name}, review it, and check that it tests each \
                 control you rely on it for."
            );
        }
        if has(&|f| *f == Flag::CsocsNotListed) {
            return format!("List the controls you rely on {name} to run, in the description.");
        }
        match &self.coverage {
            Coverage::Gap(ranges) => {
                let last = ranges.last().map(|r| r.1.to_string()).unwrap_or_default();
                return format!(
                    "Ask {name} for a bridge letter or its next report, covering up to {last}."
                );
            }
            Coverage::Type1Only => {
                return format!("Ask {name} for a Type II report covering your period.");
            }
            Coverage::NoReport => {
                return format!(
                    "Get the report of {name}, or record how you monitor it (your own tests of \
                     its controls)."
                );
            }
            Coverage::Covered => {}
        }
        if has(&|f| matches!(f, Flag::Opinion(_) | Flag::CsocExceptions(_))) {
            return format!(
                "Assess the exceptions and the opinion in the report of {name}, and record how \
                 your own controls respond."
            );
        }
        if has(&|f| *f == Flag::NotReviewed) {
            return format!("Review the report of {name}, and record who did and when.");
        }
        if has(&|f| matches!(f, Flag::CuecsOpen(_))) {
            return format!("Put in place the controls the report of {name} asks of you.");
        }
        if has(&|f| matches!(f, Flag::LongBridge(_))) {
            return format!("Ask {name} for its next report.");
        }
        format!("Check that the report of {name} tests the controls you rely on.")
    }
}

/// Judges `vendor` (at position `ix`) for an engagement of `report_type`
/// over `period`; `cuec_in_place` says whether one of our questions (by id)
/// is in place.
pub fn judge(
    ix: usize,
    vendor: &Vendor,
    report_type: ReportType,
    period: Option<Period>,
    cuec_in_place: &dyn Fn(&str) -> bool,
) -> VendorStanding {
    let coverage = coverage(vendor, report_type, period);
    let mut flags = Vec::new();
    let reviewed: Vec<&VendorReport> = vendor
        .reports
        .iter()
        .filter(|r| r.reviewed.is_some() && r.opinion.gives_assurance())
        .collect();
    let carve_out = vendor.treatment == Treatment::CarveOut;
    let mut verdict = VendorVerdict::NoAction;
    let mut raise = |v: VendorVerdict| verdict = verdict.max(v);
    if carve_out && vendor.csocs.is_empty() {
        flags.push(Flag::CsocsNotListed);
        raise(VendorVerdict::DescriptionFinding);
    }
    let unaddressed: Vec<usize> = vendor
        .csocs
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.tested || reviewed.is_empty())
        .map(|(i, _)| i)
        .collect();
    if carve_out && !unaddressed.is_empty() {
        flags.push(Flag::CsocsUnaddressed(unaddressed));
        raise(VendorVerdict::NotMet);
    }
    let latest = vendor.reports.iter().max_by_key(|r| r.end);
    if let Some(opinion) = latest
        .map(|r| r.opinion)
        .filter(|o| *o != VendorOpinion::Unmodified)
    {
        flags.push(Flag::Opinion(opinion));
        if carve_out {
            raise(VendorVerdict::Exception);
        }
    }
    let excepted: Vec<usize> = vendor
        .csocs
        .iter()
        .enumerate()
        .filter(|(_, c)| c.exception)
        .map(|(i, _)| i)
        .collect();
    if !excepted.is_empty() {
        flags.push(Flag::CsocExceptions(excepted));
        if carve_out {
            raise(VendorVerdict::Exception);
        }
    }
    if !vendor.reports.is_empty() && vendor.reports.iter().all(|r| r.reviewed.is_none()) {
        flags.push(Flag::NotReviewed);
    }
    if carve_out && matches!(coverage, Coverage::Gap(_) | Coverage::Type1Only) {
        raise(VendorVerdict::Exception);
    }
    let latest_type2 = vendor
        .reports
        .iter()
        .filter(|r| r.report_type == ReportType::Type2)
        .map(|r| r.end)
        .max();
    if let (Some(end), Some(until)) = (latest_type2, vendor.bridge_until) {
        let days = end.days_until(until);
        if days > LONG_BRIDGE_DAYS {
            flags.push(Flag::LongBridge(days));
        }
    }
    let open: Vec<usize> = vendor
        .cuecs
        .iter()
        .enumerate()
        .filter(|(_, c)| c.question.is_empty() || !cuec_in_place(&c.question))
        .map(|(i, _)| i)
        .collect();
    if !open.is_empty() {
        flags.push(Flag::CuecsOpen(open));
    }
    if latest.is_some_and(|r| r.kind == ReportKind::Soc1) && !vendor.csocs.is_empty() {
        flags.push(Flag::Soc1);
    }
    // Whatever is flagged and not already weighed needs attention; a
    // subservice organisation without a report on file does too, even
    // inclusive (our auditor will ask how it is monitored).
    let uncovered_subservice = vendor.treatment.is_subservice()
        && matches!(
            coverage,
            Coverage::NoReport | Coverage::Gap(_) | Coverage::Type1Only
        );
    if !flags.is_empty() || uncovered_subservice {
        raise(VendorVerdict::Attention);
    }
    let mut standing = VendorStanding {
        vendor: ix,
        name: vendor.name.trim().to_owned(),
        coverage,
        notes: flags.iter().map(|f| f.describe(vendor)).collect(),
        flags,
        verdict,
        summary: String::new(),
        fix: String::new(),
    };
    standing.summary = standing.summary_line();
    standing.fix = standing.fix_line();
    standing
}

/// Every vendor of the register, judged, in register order.
pub fn judge_all(
    vendors: &[Vendor],
    report_type: ReportType,
    period: Option<Period>,
    cuec_in_place: &dyn Fn(&str) -> bool,
) -> Vec<VendorStanding> {
    vendors
        .iter()
        .enumerate()
        .map(|(ix, v)| judge(ix, v, report_type, period, cuec_in_place))
        .collect()
}

/// A fresh vendor id not used by `vendors` (`v1`, `v2`…).
pub fn next_id(vendors: &[Vendor]) -> String {
    let mut n = vendors.len() + 1;
    loop {
        let id = format!("v{n}");
        if vendors.iter().all(|v| v.id != id) {
            return id;
        }
        n += 1;
    }
}
