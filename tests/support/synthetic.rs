//! Synthetic banks and assessments for the benchmarks: `tests/bench/engine.rs`
//! (host) and `tests/bench/browser.rs` (the built app in Chromium) include
//! this with `#[path = "../support/synthetic.rs"] mod synthetic;`.
#![allow(dead_code)]

use soc2_readiness::core::assessment::{Answer, Assessment, Period, ReportType, Status};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::catalog::Category;
use soc2_readiness::core::date::Day;
use std::fmt::Write as _;

const SERIES: [(&str, &str); 20] = [
    ("CC1", "security"),
    ("CC2", "security"),
    ("CC3", "security"),
    ("CC4", "security"),
    ("CC5", "security"),
    ("CC6", "security"),
    ("CC7", "security"),
    ("CC8", "security"),
    ("CC9", "security"),
    ("A1", "availability"),
    ("PI1", "processing_integrity"),
    ("C1", "confidentiality"),
    ("P1", "privacy"),
    ("P2", "privacy"),
    ("P3", "privacy"),
    ("P4", "privacy"),
    ("P5", "privacy"),
    ("P6", "privacy"),
    ("P7", "privacy"),
    ("P8", "privacy"),
];

const EFFORTS: [&str; 4] = ["hours", "days", "weeks", "months"];

/// A small deterministic generator, so every run measures the same input.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

/// A question id that does not sort in bank order, as in real banks, so
/// answers (kept sorted by id) are not laid out in bank order either.
/// Multiplying by an odd number is a bijection modulo 2^32: ids stay unique.
fn scrambled(q: usize) -> u32 {
    (q as u32).wrapping_mul(2_654_435_761)
}

/// The bank file of `questions` questions (criteria in proportion, every
/// series of the catalog), with the id `synthetic-{questions}`.
pub fn synthetic_bank_json(questions: usize) -> String {
    let criteria = (questions / 3).max(SERIES.len());
    let mut json = format!(
        r#"{{"format": "soc2-readiness-bank", "format_version": 1, "id": "synthetic-{questions}",
            "version": "1", "title": "Synthetic bank", "series": ["#
    );
    for (i, (id, category)) in SERIES.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(
            json,
            r#"{sep}{{"id": "{id}", "category": "{category}", "name": "{id}"}}"#
        );
    }
    json.push_str(r#"], "criteria": ["#);
    for c in 0..criteria {
        let sep = if c == 0 { "" } else { "," };
        let series = SERIES[c % SERIES.len()].0;
        let _ = write!(
            json,
            r#"{sep}{{"id": "{series}.{c}", "series": "{series}", "topic": "Topic {c}",
                "one_question_reason": "Synthetic."}}"#
        );
    }
    json.push_str(r#"], "questions": ["#);
    let mut rng = Lcg(questions as u64);
    for q in 0..questions {
        let sep = if q == 0 { "" } else { "," };
        let primary = q % criteria;
        let mut list = vec![primary];
        for _ in 0..rng.next(3) {
            let extra = rng.next(criteria as u64) as usize;
            if !list.contains(&extra) {
                list.push(extra);
            }
        }
        let names: Vec<String> = list
            .iter()
            .map(|&c| format!(r#""{}.{c}""#, SERIES[c % SERIES.len()].0))
            .collect();
        let _ = write!(
            json,
            r#"{sep}{{"id": "q-{:08x}", "text": "Question {q}?", "guidance": "Guidance.",
                "criteria": [{}], "weight": {}, "key": {}, "evidence": ["Policy", "Record", "Log"],
                "remediation": {{"steps": ["Do it", "Record it"], "effort": "{}"}},
                "type2_proof": "Records across the period.", "quick": {}}}"#,
            scrambled(q),
            names.join(", "),
            1 + q % 5,
            q % 3 != 0,
            EFFORTS[q % EFFORTS.len()],
            q % 8 == 0,
        );
    }
    json.push_str("]}");
    json
}

pub fn synthetic_bank(questions: usize) -> Bank {
    Bank::from_json(&synthetic_bank_json(questions)).expect("the synthetic bank is valid")
}

pub fn day(offset: i64) -> Day {
    Day::from_ymd(2026, 1, 1)
        .expect("valid date")
        .add_days(offset)
}

/// A Type II assessment with every category in scope. Nine questions in
/// ten are answered, each with a random status, owner, due date, evidence
/// and "operating since" date; with `full`, every question is.
pub fn synthetic_assessment(bank: &Bank, full: bool) -> Assessment {
    let mut a = Assessment::new(
        "bench".into(),
        "Bench".into(),
        bank,
        "2026-11-26T09:00:00Z".into(),
    );
    a.scope.categories = Category::ALL.into_iter().collect();
    a.scope.report_type = ReportType::Type2;
    a.scope.period = Some(Period {
        start: day(0),
        end: day(272),
    });
    let mut rng = Lcg(7);
    for q in &bank.questions {
        if rng.next(10) == 0 && !full {
            continue; // unanswered
        }
        let status = Status::ALL[rng.next(Status::ALL.len() as u64) as usize];
        let answer = Answer {
            status: Some(status),
            justification: if rng.next(2) == 0 {
                "Not used".into()
            } else {
                String::new()
            },
            owner: if rng.next(3) == 0 {
                "Sam".into()
            } else {
                String::new()
            },
            due: (rng.next(2) == 0).then(|| day(rng.next(120) as i64)),
            // Bank questions list at least one evidence item; synthetic ones three.
            evidence: (0..3)
                .filter(|_| rng.next(2) == 0)
                .filter(|&i| i < q.evidence.len())
                .collect(),
            operating_since: (rng.next(3) != 0).then(|| day(rng.next(60) as i64 - 30)),
            ..Answer::default()
        };
        a.answers.insert(q.id.clone(), answer);
    }
    a
}
