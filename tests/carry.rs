//! An assessment answered against bank 1.0.0 opens against the built-in
//! bank 2.0.0 with nothing lost: every answer is kept, or carried to the
//! questions that replaced it and flagged for review.

use serde_json::Value;
use soc2_readiness::core::assessment::{Answer, Status};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::builtin_bank;
use soc2_readiness::core::carry::carry_forward;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::exchange::{export_json, import_json};
use std::collections::BTreeMap;

/// Every one of the 204 questions of 1.0.0 answered, with owners, notes,
/// evidence ticks, due and operating dates (see the file).
const FULL_1_0_0: &str = include_str!("fixtures/import/v1-bank-1.0.0-full.json");

fn bank() -> Bank {
    builtin_bank().expect("built-in bank")
}

fn status_of(v: &Value) -> Option<Status> {
    serde_json::from_value(v["status"].clone()).ok()
}

#[test]
fn a_full_1_0_0_assessment_opens_against_2_0_0_with_every_answer_kept() {
    let bank = bank();
    let old: Value = serde_json::from_str(FULL_1_0_0).expect("fixture is JSON");
    let old_answers = old["answers"].as_object().expect("answers");
    assert_eq!(old_answers.len(), 204);
    let old_answers_ids: Vec<&str> = old_answers.keys().map(String::as_str).collect();

    let a = import_json(FULL_1_0_0.as_bytes(), &bank).expect("opens");
    assert_eq!(a.bank.version, bank.version);
    assert_eq!(a.revision, 42);

    let mut kept = 0;
    let mut carried = 0;
    for (id, was) in old_answers {
        if let Some(now) = a.answer(id) {
            // Still asked: the answer is as it was; a retired question merged
            // into it may only add a note, a review flag and empty fields.
            kept += 1;
            assert!(bank.question(id).is_some());
            assert_eq!(now.status, status_of(was), "{id}");
            if let Some(owner) = was["owner"].as_str() {
                assert_eq!(now.owner, owner, "{id}");
            }
            let ticks: Vec<usize> =
                serde_json::from_value(was["evidence"].clone()).unwrap_or_default();
            assert_eq!(
                now.evidence.iter().copied().collect::<Vec<_>>(),
                ticks,
                "{id}"
            );
            if let Some(note) = was["note"].as_str() {
                assert!(now.note.starts_with(note), "{id}: note kept");
            }
        } else {
            // Retired: each successor has its status (unless it has its own
            // answer), is flagged for review, and says where it came from.
            carried += 1;
            let retired = bank
                .retired(id)
                .unwrap_or_else(|| panic!("{id} was dropped silently"));
            for to in &retired.successors {
                let now = a
                    .answer(to)
                    .unwrap_or_else(|| panic!("{id} → {to}: nothing carried"));
                assert!(now.review, "{to} not flagged for review");
                assert!(
                    now.note
                        .contains(&format!("Carried from `{id}` (bank 1.0.0)")),
                    "{to}: {}",
                    now.note
                );
                match old_answers.get(to.as_str()) {
                    Some(own) => {
                        assert_eq!(now.status, status_of(own), "{to} keeps its own answer")
                    }
                    None => assert!(now.status.is_some(), "{to} got no status from {id}"),
                }
                if let Some(note) = was["note"].as_str() {
                    assert!(now.note.contains(note), "{to}: the note of {id} is lost");
                }
            }
        }
    }
    assert_eq!(kept + carried, 204);
    // Every retired id the 1.0.0 file answered was carried (later banks
    // also retired ids first shipped after 1.0.0).
    let retired_here = bank
        .retired
        .iter()
        .filter(|r| old_answers_ids.contains(&r.id.as_str()))
        .count();
    assert_eq!(carried, retired_here);

    // The upgraded assessment is a normal 2.0.0 assessment: it exports and
    // imports unchanged.
    let file = export_json(&a);
    assert_eq!(import_json(file.as_bytes(), &bank), Ok(a));
}

#[test]
fn a_merged_duplicate_keeps_the_kept_questions_own_answer_and_notes_the_other() {
    let bank = bank();
    let mut answers = BTreeMap::new();
    answers.insert(
        "cc4-penetration-test".to_owned(),
        Answer {
            status: Some(Status::Partial),
            ..Answer::default()
        },
    );
    answers.insert(
        "cc7-penetration-test".to_owned(),
        Answer {
            status: Some(Status::Ready),
            note: "Report from May".into(),
            evidence: [0, 1].into_iter().collect(),
            ..Answer::default()
        },
    );
    let moved = carry_forward(&bank, "1.0.0", &mut answers);
    assert_eq!(moved.len(), 1);
    assert_eq!(moved[0].from, "cc7-penetration-test");
    assert!(!answers.contains_key("cc7-penetration-test"));
    let kept = &answers["cc4-penetration-test"];
    assert_eq!(kept.status, Some(Status::Partial));
    assert!(kept.review);
    assert_eq!(
        kept.note,
        "Carried from `cc7-penetration-test` (bank 1.0.0), where it was answered \
         \u{201c}Ready, with evidence\u{201d}; this answer is kept; 2 evidence items were \
         ticked there: tick what applies here. Its note: Report from May."
    );
}

#[test]
fn a_split_question_gives_its_answer_to_each_part() {
    let bank = bank();
    let retired = bank.retired("cc9-backups").expect("cc9-backups was split");
    assert!(retired.successors.len() >= 2);
    let mut answers = BTreeMap::new();
    answers.insert(
        "cc9-backups".to_owned(),
        Answer {
            status: Some(Status::NotApplicable),
            justification: "Stateless".into(),
            owner: "Sam".into(),
            ..Answer::default()
        },
    );
    carry_forward(&bank, "1.0.0", &mut answers);
    for to in &retired.successors {
        let a = &answers[to];
        assert_eq!(a.status, Some(Status::NotApplicable), "{to}");
        assert_eq!(a.justification, "Stateless");
        assert_eq!(a.owner, "Sam");
        assert!(a.review);
    }
}

#[test]
fn answers_of_the_current_version_are_left_alone() {
    let bank = bank();
    let mut answers = BTreeMap::new();
    answers.insert(
        "cc6-mfa-enforced".to_owned(),
        Answer {
            status: Some(Status::Ready),
            ..Answer::default()
        },
    );
    let before = answers.clone();
    assert!(carry_forward(&bank, "2.0.0", &mut answers).is_empty());
    assert_eq!(answers, before);
}

#[test]
fn a_type2_answer_with_only_an_operating_date_on_a_periodic_control_asks_for_its_run_days() {
    use soc2_readiness::core::carry::ask_for_runs;
    use soc2_readiness::core::date::Day;
    let bank = bank();
    let since = Day::parse("2025-10-01").unwrap();
    let mut answers = BTreeMap::new();
    for (id, runs) in [
        ("cc6-quarterly-access-review", vec![]),
        ("cc3-annual-risk-assessment", vec![since]),
        ("cc6-mfa-enforced", vec![]),
    ] {
        answers.insert(
            id.to_owned(),
            Answer {
                status: Some(Status::Ready),
                operating_since: Some(since),
                runs: runs.into_iter().collect(),
                note: "Kept.".into(),
                ..Answer::default()
            },
        );
    }
    ask_for_runs(&bank, &mut answers);
    let review = &answers["cc6-quarterly-access-review"];
    assert!(review.review);
    assert!(
        review
            .note
            .starts_with("Kept.\nThis control runs quarterly: record the days it ran"),
        "{}",
        review.note
    );
    // Runs already recorded, or a continuous control: left alone.
    assert!(!answers["cc3-annual-risk-assessment"].review);
    assert!(!answers["cc6-mfa-enforced"].review);
    assert_eq!(answers["cc6-mfa-enforced"].note, "Kept.");
    // A later bank version does not repeat the note.
    let once = answers.clone();
    ask_for_runs(&bank, &mut answers);
    assert_eq!(answers, once);
}

#[test]
fn a_2_1_0_assessment_opens_against_2_2_0_with_every_answer_kept_and_its_indication() {
    // Every Security question of bank 2.1.0 answered ready with its first
    // evidence item ticked, as a format 3 file.
    let bank = builtin_bank().unwrap();
    let text = include_str!("fixtures/import/v3-bank-2.1.0-all-ready.json");
    let old: serde_json::Value = serde_json::from_str(text).unwrap();
    let a = import_json(text.as_bytes(), &bank).expect("opens");
    assert_eq!(a.bank.version, bank.version);
    for id in old["answers"].as_object().unwrap().keys() {
        match bank.question(id) {
            Some(_) => assert_eq!(a.status(id), Some(Status::Ready), "{id} kept"),
            None => {
                let r = bank.retired(id).unwrap_or_else(|| panic!("{id} dropped"));
                for to in &r.successors {
                    let now = a.answer(to).unwrap_or_else(|| panic!("{id} → {to}"));
                    assert_eq!(now.status, Some(Status::Ready), "{id} → {to}");
                    assert!(now.review, "{to} flagged for review");
                }
            }
        }
    }
    // The replaced segregation question says its old answers meant the
    // opposite, so the carried answer asks for review.
    let r = bank.retired("cc6-segregation-of-duties-prod").unwrap();
    assert!(r.reason.contains("review"), "{}", r.reason);
    // The indication survives the new version: the questions 2.2.0 added
    // and left unanswered (a disclosure, a follow-up) stop nothing.
    let e = soc2_readiness::core::evaluate(&bank, &a, Day::from_ymd(2026, 12, 7).unwrap());
    assert_eq!(
        e.outcome.tier,
        soc2_readiness::core::outcome::Tier::Unmodified,
        "{:?}",
        e.outcome.summary(&bank)
    );
    assert_eq!(e.outcome.description.unanswered.len(), 1);
}
