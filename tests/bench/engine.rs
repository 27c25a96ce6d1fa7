//! Benchmark of the scoring engine: `cargo bench --bench engine`.
//!
//! Builds synthetic banks of 150, 1,500 and 15,000 questions (criteria in
//! proportion, every category in scope, a Type II period) with assessments
//! answering nine questions in ten, then times scoring alone and the whole
//! evaluation (scores, outcome and roadmap), taking the median of many runs.
//! The cost per question shows whether growth is linear.
//!
//! Built with the release profile, the one the shipped Wasm uses.

use soc2_readiness::core::assessment::{Answer, Assessment, Period, ReportType, Status};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::catalog::Category;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::evaluate;
use soc2_readiness::core::score::Scorecard;
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

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
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
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

fn synthetic_bank(questions: usize) -> Bank {
    let criteria = (questions / 3).max(SERIES.len());
    let mut json = String::from(
        r#"{"format": "soc2-readiness-bank", "format_version": 1, "id": "synthetic",
            "version": "1", "title": "Synthetic bank", "series": ["#,
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
    Bank::from_json(&json).expect("the synthetic bank is valid")
}

fn day(offset: i64) -> Day {
    Day::from_ymd(2026, 1, 1)
        .expect("valid date")
        .add_days(offset)
}

fn synthetic_assessment(bank: &Bank) -> Assessment {
    let mut a = Assessment::new("bench".into(), "Bench".into(), bank, "now".into());
    a.scope.categories = Category::ALL.into_iter().collect();
    a.scope.report_type = ReportType::Type2;
    a.scope.period = Some(Period {
        start: day(0),
        end: day(272),
    });
    let mut rng = Lcg(7);
    for q in &bank.questions {
        if rng.next(10) == 0 {
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
            evidence: (0..3).filter(|_| rng.next(2) == 0).collect(),
            operating_since: (rng.next(3) != 0).then(|| day(rng.next(60) as i64 - 30)),
            ..Answer::default()
        };
        a.answers.insert(q.id.clone(), answer);
    }
    a
}

/// Median and fastest of `runs` timed calls, after a few warm-up calls.
/// The fastest shows the cost without interference from other processes.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..runs.div_ceil(10) {
        f();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    (times[times.len() / 2], times[0])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let today = day(60);
    println!("Scoring engine (release profile): median of many runs, fastest in brackets");
    println!(
        "{:>9} {:>9} {:>8} {:>7} {:>20} {:>20} {:>13}",
        "questions",
        "criteria",
        "answers",
        "gaps",
        "scorecard (ms)",
        "evaluate (ms)",
        "ns/question"
    );
    for (questions, runs) in [(150, 3_000), (1_500, 600), (15_000, 200)] {
        let bank = synthetic_bank(questions);
        let assessment = synthetic_assessment(&bank);
        let gaps = evaluate(&bank, &assessment, today).roadmap.gaps.len();
        let card = time(runs, || {
            black_box(Scorecard::compute(black_box(&bank), black_box(&assessment)));
        });
        let full = time(runs, || {
            black_box(evaluate(black_box(&bank), black_box(&assessment), today));
        });
        println!(
            "{:>9} {:>9} {:>8} {:>7} {:>9.3} ({:>7.3}) {:>9.3} ({:>7.3}) {:>13.1}",
            questions,
            bank.criteria.len(),
            assessment.answers.len(),
            gaps,
            ms(card.0),
            ms(card.1),
            ms(full.0),
            ms(full.1),
            full.0.as_secs_f64() * 1e9 / questions as f64,
        );
    }
    println!("evaluate = scores + likely outcome + roadmap; ns/question from the median.");
    println!("Target: 15,000 questions evaluated in under 5 ms, per-question cost flat.");
}
