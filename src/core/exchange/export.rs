//! Maps the engine's output onto the exchange formats: the gap list as CSV
//! rows, the inputs of the OSCAL assessment-results and POA&M documents, and
//! the calendar. Pure functions of the bank, the assessment and its
//! evaluation, so they are tested on the host; [`file`] makes any of them in
//! one call, and the screens only download what it returns. Only the
//! screens behind the split call it, so all of this loads on first need.

use crate::core::Assessment;
use crate::core::Day;
use crate::core::bank::Bank;
use crate::core::crosswalk::Crosswalk;
use crate::core::evaluate::Evaluation;
use crate::core::exchange::csv::{CSV_MIME, to_csv};
use crate::core::exchange::ics::{ICS_MIME, calendar};
use crate::core::exchange::oscal::{
    CriterionResult, DocumentInfo, OSCAL_MIME, PoamInput, PoamItemInput, QuestionResult,
    ResultsInput, assessment_results, plan_of_action,
};
use crate::core::outcome::{Verdict, describe_finding};
use crate::core::roadmap::Gap;

/// Columns of the gap list, in order.
pub const GAP_CSV_HEADER: [&str; 14] = [
    "Phase",
    "Priority",
    "Question id",
    "Question",
    "Criteria",
    "Status",
    "Key control",
    "Weight",
    "Effort",
    "Owner",
    "Due",
    "Overdue",
    "Remediation",
    "Evidence to collect",
];

fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_owned()
}

/// Criterion ids of a gap, such as `["CC6.1", "CC1.1"]`.
pub fn gap_criteria(bank: &Bank, evaluation: &Evaluation, gap: &Gap) -> Vec<String> {
    evaluation
        .roadmap
        .criteria(gap)
        .iter()
        .filter_map(|&c| bank.criteria.get(c).map(|c| c.id.clone()))
        .collect()
}

/// Remediation steps numbered one per line: `1. …\n2. …`.
fn numbered(steps: &[String]) -> String {
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{}. {}", i + 1, s.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One CSV row per gap, in roadmap order, with the cells of [`GAP_CSV_HEADER`].
/// Cells are plain text; [`to_csv`] quotes them and neutralises formulas.
pub fn gap_rows(bank: &Bank, assessment: &Assessment, evaluation: &Evaluation) -> Vec<Vec<String>> {
    let roadmap = &evaluation.roadmap;
    roadmap
        .gaps
        .iter()
        .map(|gap| {
            let (id, text) = gap
                .question(bank)
                .map_or((String::new(), String::new()), |q| {
                    (q.id.clone(), q.text.clone())
                });
            vec![
                gap.phase.label().to_owned(),
                gap.priority.to_string(),
                id,
                text,
                gap_criteria(bank, evaluation, gap).join(", "),
                gap.describe(),
                yes_no(gap.key),
                gap.weight.to_string(),
                gap.effort.label().to_owned(),
                roadmap.owner(gap).to_owned(),
                gap.due.map(|d| d.to_string()).unwrap_or_default(),
                yes_no(gap.overdue),
                numbered(gap.steps(bank)),
                gap.evidence_names(bank, assessment).join("; "),
            ]
        })
        .collect()
}

/// The gap list as a CSV file (UTF-8 with BOM, CRLF, formulas neutralised),
/// with a column per crosswalk naming the target controls each gap relates
/// to and how (see [`Crosswalk::cell_for_question`]).
pub fn gap_csv(
    bank: &Bank,
    assessment: &Assessment,
    evaluation: &Evaluation,
    crosswalks: &[&Crosswalk],
) -> String {
    let extra: Vec<String> = crosswalks
        .iter()
        .map(|cw| format!("{} controls", cw.short_name))
        .collect();
    let header: Vec<&str> = GAP_CSV_HEADER
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str))
        .collect();
    let mut rows = gap_rows(bank, assessment, evaluation);
    for (row, gap) in rows.iter_mut().zip(&evaluation.roadmap.gaps) {
        let id = gap.question(bank).map_or("", |q| q.id.as_str());
        row.extend(crosswalks.iter().map(|cw| cw.cell_for_question(bank, id)));
    }
    to_csv(&header, &rows)
}

/// What every OSCAL document says about where it comes from.
pub fn document_info(bank: &Bank, assessment: &Assessment) -> DocumentInfo {
    DocumentInfo {
        source_id: assessment.id.clone(),
        title: format!("SOC 2 readiness: {}", assessment.name.trim()),
        last_modified: assessment.updated.clone(),
        version: assessment.revision.to_string(),
        bank: format!(
            "{} ({} {})",
            bank.title, assessment.bank.id, assessment.bank.version
        ),
    }
}

/// Scope, overall readiness and likely outcome in a few sentences.
fn results_description(assessment: &Assessment, evaluation: &Evaluation) -> String {
    let scope = &assessment.scope;
    let categories: Vec<&str> = scope.categories.iter().map(|c| c.name()).collect();
    let report = match scope.report_type {
        crate::core::assessment::ReportType::Type1 => "Type I",
        crate::core::assessment::ReportType::Type2 => "Type II",
    };
    let who = match (scope.system.trim(), scope.organisation.trim()) {
        ("", "") => String::new(),
        (system, "") => format!(" of {system}"),
        ("", org) => format!(" of {org}"),
        (system, org) => format!(" of {system} at {org}"),
    };
    let overall = &evaluation.scorecard.overall;
    format!(
        "Self-assessed SOC 2 {report} readiness{who}; categories in scope: {}.\n\n\
         Overall readiness {}, with {} of {} asked questions answered. \
         Likely outcome: {}. {}",
        categories.join(", "),
        crate::core::text::percent(overall.readiness),
        overall.answered,
        overall.asked,
        evaluation.outcome.tier.label(),
        crate::core::outcome::DISCLAIMER,
    )
}

/// Input of the OSCAL assessment-results document: a finding per judged
/// criterion (satisfied when it would draw no exception) and an observation
/// per answered question.
pub fn results_input(
    bank: &Bank,
    assessment: &Assessment,
    evaluation: &Evaluation,
) -> ResultsInput {
    let card = &evaluation.scorecard;
    let criteria = card
        .criteria
        .iter()
        .filter(|c| c.score.is_applicable())
        .filter_map(|c| {
            let criterion = bank.criteria.get(c.criterion)?;
            let judgement = evaluation.outcome.exception(c.criterion);
            let mut summary = format!("{} ready", crate::core::text::percent(c.score.readiness));
            if let Some(j) = judgement {
                let causes: Vec<String> = j
                    .findings
                    .iter()
                    .map(|f| describe_finding(bank, f))
                    .collect();
                summary.push_str(&format!("; {}: ", j.verdict.label()));
                summary.push_str(&causes.join("; "));
            }
            summary.push('.');
            Some(CriterionResult {
                id: criterion.id.clone(),
                topic: criterion.topic.clone(),
                satisfied: judgement.is_none_or(|j| j.verdict <= Verdict::Exceptions),
                summary,
                questions: card
                    .explain(c.criterion)
                    .filter_map(|(q, _)| bank.questions.get(q).map(|q| q.id.clone()))
                    .collect(),
            })
        })
        .collect();
    let questions = bank
        .questions
        .iter()
        .zip(&card.questions)
        .filter(|(_, score)| score.is_some_and(|s| s.status.is_some()))
        .map(|(q, _)| QuestionResult::new(q, assessment.answer(&q.id)))
        .collect();
    ResultsInput {
        document: document_info(bank, assessment),
        title: format!("Readiness results: {}", assessment.name.trim()),
        description: results_description(assessment, evaluation),
        start: assessment.created.clone(),
        end: None,
        criteria,
        questions,
        likely_outcome: Some(evaluation.outcome.tier.id().to_owned()),
    }
}

/// Input of the OSCAL POA&M: one item per gap, in roadmap order.
pub fn poam_input(bank: &Bank, assessment: &Assessment, evaluation: &Evaluation) -> PoamInput {
    let roadmap = &evaluation.roadmap;
    let items = roadmap
        .gaps
        .iter()
        .filter_map(|gap| {
            let q = gap.question(bank)?;
            Some(PoamItemInput {
                key: q.id.clone(),
                title: q.text.clone(),
                description: format!(
                    "{}. Question {}; phase: {}; priority {} of 100{}.",
                    gap.describe(),
                    q.id,
                    gap.phase.label().to_lowercase(),
                    gap.priority,
                    if gap.key { "; a key control" } else { "" },
                ),
                criteria: gap_criteria(bank, evaluation, gap),
                status: gap.status,
                owner: roadmap.owner(gap).to_owned(),
                due: gap.due,
                steps: gap.steps(bank).to_vec(),
                effort: gap.effort.label().to_owned(),
            })
        })
        .collect();
    PoamInput {
        document: document_info(bank, assessment),
        items,
    }
}

/// The OSCAL assessment-results document as pretty JSON, or why not.
pub fn results_json(
    bank: &Bank,
    assessment: &Assessment,
    evaluation: &Evaluation,
) -> Result<String, String> {
    let doc = assessment_results(&results_input(bank, assessment, evaluation))
        .map_err(|e| format!("The OSCAL results could not be made: {e}."))?;
    serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())
}

/// The OSCAL POA&M document as pretty JSON, or why not (such as no gaps).
pub fn poam_json(
    bank: &Bank,
    assessment: &Assessment,
    evaluation: &Evaluation,
) -> Result<String, String> {
    let doc = plan_of_action(&poam_input(bank, assessment, evaluation))
        .map_err(|e| format!("The OSCAL plan of action could not be made: {e}."))?;
    serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())
}

/// The files the app exports from an assessment's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// The gap list, for a spreadsheet.
    GapCsv,
    /// OSCAL assessment results.
    Results,
    /// OSCAL plan of action and milestones.
    Poam,
    /// Due dates, periodic controls and evidence expiry, for a calendar app.
    Calendar,
    /// The system description draft, as Markdown.
    Description,
}

/// An export, ready to download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Added to the assessment's name in the file name.
    pub suffix: &'static str,
    pub extension: &'static str,
    pub mime: &'static str,
    pub text: String,
}

/// Makes the export `kind` of an assessment, as of `today`.
pub fn file(
    kind: Export,
    bank: &Bank,
    assessment: &Assessment,
    evaluation: &Evaluation,
    crosswalks: &[&Crosswalk],
    today: Day,
) -> Result<File, String> {
    let (suffix, extension, mime, text) = match kind {
        Export::GapCsv => (
            "gaps",
            "csv",
            CSV_MIME,
            gap_csv(bank, assessment, evaluation, crosswalks),
        ),
        Export::Results => (
            "oscal-results",
            "json",
            OSCAL_MIME,
            results_json(bank, assessment, evaluation)?,
        ),
        Export::Poam => (
            "oscal-poam",
            "json",
            OSCAL_MIME,
            poam_json(bank, assessment, evaluation)?,
        ),
        Export::Calendar => (
            "calendar",
            "ics",
            ICS_MIME,
            calendar(bank, assessment, evaluation, today),
        ),
        Export::Description => (
            "system-description",
            "md",
            "text/markdown;charset=utf-8",
            crate::core::description::to_markdown(&crate::core::description::assemble(
                bank, assessment,
            )),
        ),
    };
    Ok(File {
        suffix,
        extension,
        mime,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::evaluate::evaluate;
    use crate::core::{Action, Day, Status, reduce};
    use serde_json::Value;

    const MINI_BANK: &str = include_str!("../../../tests/fixtures/mini-bank.json");

    fn bank() -> Bank {
        Bank::from_json(MINI_BANK).expect("the fixture bank is valid")
    }

    fn today() -> Day {
        Day::from_ymd(2026, 6, 1).expect("a valid date")
    }

    /// MFA ready (its first evidence item ticked), conduct partly in place with a formula-looking owner and an
    /// overdue date, training planned, the rest unanswered.
    fn sample(bank: &Bank) -> Assessment {
        let a = Assessment::new(
            "exp1".into(),
            "Exports, test".into(),
            bank,
            "2026-05-01T08:00:00Z".into(),
        );
        let actions = [
            Action::SetStatus("cc6-mfa".into(), Some(Status::Ready)),
            Action::SetEvidence("cc6-mfa".into(), 0, true),
            Action::SetStatus("cc1-conduct".into(), Some(Status::Partial)),
            Action::SetOwner("cc1-conduct".into(), "=HYPERLINK(\"x\")".into()),
            Action::SetDue("cc1-conduct".into(), Day::from_ymd(2026, 5, 1)),
            Action::SetEvidence("cc1-conduct".into(), 1, true),
            Action::SetStatus("cc1-training".into(), Some(Status::Planned)),
            Action::SetOwner("cc1-training".into(), "Dana".into()),
            Action::SetDue("cc1-training".into(), Day::from_ymd(2026, 9, 1)),
        ];
        actions.into_iter().fold(a, |a, action| reduce(&a, action))
    }

    fn column(name: &str) -> usize {
        GAP_CSV_HEADER
            .iter()
            .position(|h| *h == name)
            .expect("a known column")
    }

    fn row<'a>(rows: &'a [Vec<String>], question: &str) -> &'a [String] {
        rows.iter()
            .find(|r| r[column("Question id")] == question)
            .expect("the question has a row")
    }

    #[test]
    fn one_call_makes_each_export_with_its_name_and_type() {
        let bank = bank();
        let a = sample(&bank);
        let eval = evaluate(&bank, &a, today());
        let make = |kind| file(kind, &bank, &a, &eval, &[], today()).expect("made");
        let csv = make(Export::GapCsv);
        assert_eq!(
            (csv.suffix, csv.extension, csv.mime),
            ("gaps", "csv", CSV_MIME)
        );
        // With a byte-order mark, so spreadsheets read it as UTF-8.
        assert!(csv.text.starts_with("\u{feff}Phase,Priority,"));
        for kind in [Export::Results, Export::Poam] {
            let f = make(kind);
            assert_eq!((f.extension, f.mime), ("json", OSCAL_MIME));
            let doc: Value = serde_json::from_str(&f.text).expect("JSON");
            assert!(
                doc.get("assessment-results").is_some()
                    || doc.get("plan-of-action-and-milestones").is_some()
            );
        }
        let ics = make(Export::Calendar);
        assert_eq!(
            (ics.suffix, ics.extension, ics.mime),
            ("calendar", "ics", ICS_MIME)
        );
        assert!(ics.text.starts_with("BEGIN:VCALENDAR"), "{}", ics.text);
        // The training planned for 2026-09-01 is on the calendar.
        assert!(ics.text.contains("20260901"), "{}", ics.text);
    }

    #[test]
    fn every_gap_has_a_row_with_every_column() {
        let bank = bank();
        let a = sample(&bank);
        let ev = evaluate(&bank, &a, today());
        let rows = gap_rows(&bank, &a, &ev);
        assert_eq!(rows.len(), ev.roadmap.gaps.len());
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r.len() == GAP_CSV_HEADER.len()));
        // Ready with evidence is no gap.
        assert!(rows.iter().all(|r| r[column("Question id")] != "cc6-mfa"));
        // Rows come in roadmap order.
        let order: Vec<&str> = rows
            .iter()
            .map(|r| r[column("Question id")].as_str())
            .collect();
        let expected: Vec<&str> = ev
            .roadmap
            .gaps
            .iter()
            .map(|g| bank.questions[g.question].id.as_str())
            .collect();
        assert_eq!(order, expected);
    }

    #[test]
    fn a_row_holds_the_gap_facts() {
        let bank = bank();
        let a = sample(&bank);
        let ev = evaluate(&bank, &a, today());
        let rows = gap_rows(&bank, &a, &ev);

        let conduct = row(&rows, "cc1-conduct");
        assert_eq!(
            conduct[column("Question")],
            "Do staff sign a code of conduct?"
        );
        assert_eq!(conduct[column("Criteria")], "CC1.1");
        assert_eq!(conduct[column("Status")], "Partly in place");
        assert_eq!(conduct[column("Key control")], "no");
        assert_eq!(conduct[column("Weight")], "2");
        assert_eq!(conduct[column("Effort")], "days");
        assert_eq!(conduct[column("Due")], "2026-05-01");
        assert_eq!(conduct[column("Overdue")], "yes");
        assert_eq!(
            conduct[column("Remediation")],
            "1. Write it\n2. Collect signatures"
        );
        // The second evidence item is ticked, so only the first is left.
        assert_eq!(
            conduct[column("Evidence to collect")],
            "Signed acknowledgements"
        );

        let training = row(&rows, "cc1-training");
        assert_eq!(training[column("Owner")], "Dana");
        assert_eq!(training[column("Overdue")], "no");

        let review = row(&rows, "cc6-access-review");
        assert_eq!(review[column("Criteria")], "CC6.1, CC1.1");
        assert_eq!(review[column("Status")], "Unanswered");
        assert_eq!(review[column("Key control")], "yes");
        assert_eq!(review[column("Owner")], "");
        assert_eq!(review[column("Due")], "");
        assert_eq!(review[column("Overdue")], "no");
    }

    #[test]
    fn the_csv_neutralises_a_formula_looking_owner() {
        let bank = bank();
        let a = sample(&bank);
        let ev = evaluate(&bank, &a, today());
        let csv = gap_csv(&bank, &a, &ev, &[]);
        assert!(csv.starts_with('\u{feff}'));
        let header = csv
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .next()
            .unwrap_or_default();
        assert_eq!(header.split(',').count(), GAP_CSV_HEADER.len());
        // Never a cell that starts with `=`: the owner is shown as text.
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"));
    }

    #[test]
    fn the_csv_has_a_column_per_crosswalk_naming_the_linked_controls() {
        let bank = crate::core::builtin_bank().unwrap();
        let a = Assessment::new("a".into(), "A".into(), &bank, "2026-01-01T00:00:00Z".into());
        let ev = evaluate(&bank, &a, today());
        let text = include_str!("../../../static/crosswalk/iso27001-2022.json");
        let iso = Crosswalk::from_json(text).unwrap();
        let csv = gap_csv(&bank, &a, &ev, &[&iso]);
        let mut lines = csv.trim_start_matches('\u{feff}').split("\r\n");
        let header = lines.next().unwrap_or_default();
        assert!(
            header.ends_with(",Evidence to collect,ISO 27001 controls"),
            "{header}"
        );
        // Unanswered, access approval is a gap; ISO's A.5.18 asks more than
        // it does, and MFA everywhere only overlaps A.8.5 (risk-based).
        let rows: Vec<&str> = lines.collect();
        let row = |id: &str| {
            rows.iter()
                .find(|l| l.contains(&format!(",{id},")))
                .copied()
                .unwrap_or_default()
        };
        let approval = row("cc6-access-request-approval");
        assert!(approval.contains("A.5.18 (SOC 2 asks less)"), "{approval}");
        assert!(row("cc6-mfa-enforced").contains("A.8.5 (overlap)"));
    }

    #[test]
    fn categories_out_of_scope_give_no_rows() {
        let bank = bank();
        let a = sample(&bank);
        let ev = evaluate(&bank, &a, today());
        assert!(
            gap_rows(&bank, &a, &ev)
                .iter()
                .all(|r| r[column("Question id")] != "a1-backups")
        );
        let a = reduce(
            &a,
            Action::SetCategory(crate::core::Category::Availability, true),
        );
        let ev = evaluate(&bank, &a, today());
        let rows = gap_rows(&bank, &a, &ev);
        assert_eq!(row(&rows, "a1-backups")[column("Criteria")], "A1.2");
    }

    fn items(doc: &Value, path: &[&str]) -> Vec<Value> {
        let mut v = doc;
        for key in path {
            v = &v[*key];
        }
        v.as_array().cloned().unwrap_or_default()
    }

    #[test]
    fn every_gap_appears_in_the_plan_of_action() {
        let bank = bank();
        let a = reduce(
            &sample(&bank),
            Action::SetCategory(crate::core::Category::Availability, true),
        );
        let ev = evaluate(&bank, &a, today());
        let input = poam_input(&bank, &a, &ev);
        assert_eq!(input.items.len(), ev.roadmap.gaps.len());

        let text = poam_json(&bank, &a, &ev).expect("a POA&M when there are gaps");
        let doc: Value = serde_json::from_str(&text).expect("valid JSON");
        let poam = &doc["plan-of-action-and-milestones"];
        let poam_items = items(poam, &["poam-items"]);
        let risks = items(poam, &["risks"]);
        assert_eq!(poam_items.len(), ev.roadmap.gaps.len());
        assert_eq!(risks.len(), ev.roadmap.gaps.len());
        for gap in &ev.roadmap.gaps {
            let q = &bank.questions[gap.question];
            let item = poam_items
                .iter()
                .find(|i| i["description"].as_str().is_some_and(|d| d.contains(&q.id)))
                .unwrap_or_else(|| panic!("{} is in the POA&M", q.id));
            assert_eq!(item["title"], q.text.as_str());
            for criterion in gap_criteria(&bank, &ev, gap) {
                assert!(
                    item["props"].as_array().is_some_and(|p| p
                        .iter()
                        .any(|p| p["name"] == "criterion" && p["value"] == criterion.as_str())),
                    "{} lists {criterion}",
                    q.id
                );
            }
        }
        // The overdue gap keeps its owner and its deadline.
        let conduct = risks
            .iter()
            .find(|r| r["title"] == "Do staff sign a code of conduct?")
            .expect("a risk for the conduct gap");
        assert_eq!(conduct["deadline"], "2026-05-01T23:59:59Z");
        assert_eq!(poam["metadata"]["oscal-version"], "1.1.2");
        assert_eq!(poam["metadata"]["title"], "SOC 2 readiness: Exports, test");
    }

    #[test]
    fn the_results_hold_every_judged_criterion_and_answered_question() {
        let bank = bank();
        let a = sample(&bank);
        let ev = evaluate(&bank, &a, today());
        let text = results_json(&bank, &a, &ev).expect("results for a valid assessment");
        let doc: Value = serde_json::from_str(&text).expect("valid JSON");
        let result = &doc["assessment-results"]["results"][0];
        let findings = items(result, &["findings"]);
        let judged = ev
            .scorecard
            .criteria
            .iter()
            .filter(|c| c.score.is_applicable())
            .count();
        assert_eq!(findings.len(), judged);
        // CC1.1 has no key control, and neither of its answers is in
        // place: likely not met, so not satisfied.
        let state = |id: &str| {
            findings
                .iter()
                .find(|f| f["target"]["target-id"] == id)
                .map(|f| {
                    (
                        f["target"]["status"]["state"].clone(),
                        f["description"].clone(),
                    )
                })
                .expect("a finding")
        };
        let (cc1, why) = state("CC1.1");
        assert_eq!(cc1, "not-satisfied");
        assert!(
            why.as_str().is_some_and(|d| d.contains("likely not met")),
            "{why}"
        );
        // CC6.1's ready key control meets it; the unanswered one is not a failure.
        assert_eq!(state("CC6.1").0, "satisfied");
        // The likely outcome travels with its stable id: key questions are
        // unanswered, so no indication yet.
        assert_eq!(ev.outcome.tier.id(), "cannot_judge");
        assert!(
            result["props"].as_array().is_some_and(|p| p
                .iter()
                .any(|p| p["name"] == "likely-outcome" && p["value"] == "cannot_judge")),
            "{result}"
        );
        // Three questions are answered: three observations.
        assert_eq!(items(result, &["observations"]).len(), 3);
        assert_eq!(result["start"], "2026-05-01T08:00:00Z");
        assert!(
            result["description"]
                .as_str()
                .is_some_and(|d| d.contains("Overall readiness"))
        );
    }

    #[test]
    fn no_gaps_means_no_plan_of_action_and_a_clear_reason() {
        let bank = bank();
        let mut a = Assessment::new(
            "done".into(),
            "Done".into(),
            &bank,
            "2026-05-01T08:00:00Z".into(),
        );
        for q in &bank.questions {
            a = reduce(&a, Action::SetStatus(q.id.clone(), Some(Status::Ready)));
        }
        let ev = evaluate(&bank, &a, today());
        assert!(ev.roadmap.gaps.is_empty());
        assert!(gap_rows(&bank, &a, &ev).is_empty());
        let err = poam_json(&bank, &a, &ev).expect_err("nothing to plan");
        assert!(err.contains("no open gaps"), "{err}");
        assert!(results_json(&bank, &a, &ev).is_ok());
    }

    #[test]
    fn the_built_in_bank_exports_with_every_category_in_scope() {
        let bank = crate::core::builtin_bank().expect("the built-in bank is valid");
        let mut a = Assessment::new(
            "all".into(),
            "Everything".into(),
            &bank,
            "2026-11-26T07:22:52.324Z".into(),
        );
        for c in crate::core::Category::ALL {
            a = reduce(&a, Action::SetCategory(c, true));
        }
        let statuses = [Some(Status::Implemented), Some(Status::Missing), None];
        for (q, status) in bank.questions.iter().zip(statuses.iter().cycle()) {
            a = reduce(&a, Action::SetStatus(q.id.clone(), *status));
        }
        let ev = evaluate(&bank, &a, today());
        let rows = gap_rows(&bank, &a, &ev);
        assert_eq!(rows.len(), ev.roadmap.gaps.len());
        assert!(rows.len() >= 200, "{} gaps", rows.len());
        let poam: Value =
            serde_json::from_str(&poam_json(&bank, &a, &ev).expect("a POA&M")).expect("JSON");
        assert_eq!(
            items(&poam["plan-of-action-and-milestones"], &["poam-items"]).len(),
            rows.len()
        );
        assert!(results_json(&bank, &a, &ev).is_ok());
    }

    #[test]
    fn a_broken_timestamp_is_an_error_not_a_panic() {
        let bank = bank();
        let mut a = sample(&bank);
        a.updated = "yesterday".into();
        let ev = evaluate(&bank, &a, today());
        let err = results_json(&bank, &a, &ev).expect_err("no valid timestamp");
        assert!(err.contains("yesterday"), "{err}");
        assert!(poam_json(&bank, &a, &ev).is_err());
    }
}
