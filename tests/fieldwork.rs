//! Fieldwork rehearsal, the pure part: reading a population, the sample
//! table, the documented generator against its published outputs, and the
//! stratified draw against a vector worked out by an independent
//! implementation (a short Python transcription of the same steps).

use soc2_readiness::core::assessment::Period;
use soc2_readiness::core::date::Day;
use soc2_readiness::core::fieldwork::{
    Band, DEFAULT_TABLE, Item, MAX_ROWS, PopulationError, Skipped, SplitMix64, draw,
    read_population, sample_size,
};

fn day(text: &str) -> Day {
    Day::parse(text).expect("a valid test date")
}

fn year_2026() -> Period {
    Period {
        start: day("2026-01-01"),
        end: day("2026-12-31"),
    }
}

fn ids(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

#[test]
fn a_population_is_counted_inside_the_period_only() {
    let text = "\u{feff}id,date,name\r\n\
                H1,2026-03-01,Ann\r\n\
                H2,2025-12-31,Bob\r\n\
                H3,2026-12-31T23:59:00Z,Cy\r\n\
                H1,2026-04-01,Ann again\r\n\
                H4,01/02/2026,Di\r\n\
                ,2026-05-01,no id\r\n\
                \r\n\
                \"H,5\",2026-01-01,\"Quoted, with \"\"quotes\"\"\"\r\n\
                H6,2027-01-01,late\r\n";
    let p = read_population(text, year_2026()).unwrap();
    assert_eq!(ids(&p.items), ["H,5", "H1", "H3"]);
    assert_eq!((p.outside, p.duplicates, p.unreadable), (2, 1, 2));
    assert_eq!(
        p.skipped,
        [
            Skipped::Outside {
                line: 3,
                id: "H2".into(),
                day: day("2025-12-31")
            },
            Skipped::Duplicate {
                line: 5,
                id: "H1".into()
            },
            Skipped::Unreadable {
                line: 6,
                why: "\u{2068}`01/02/2026`\u{2069} is not a date in the form YYYY-MM-DD".into()
            },
            Skipped::Unreadable {
                line: 7,
                why: "no id".into()
            },
            Skipped::Outside {
                line: 10,
                id: "H6".into(),
                day: day("2027-01-01")
            },
        ]
    );
}

#[test]
fn tab_separated_and_named_columns_are_read() {
    let text = "Ticket\tOpened on\tSummary\nCHG-2\t2026-02-02\tx\nCHG-1\t2026-02-01\ty\n";
    let p = read_population(text, year_2026()).unwrap();
    // No column is named id or date: the id is the first, the date the
    // second.
    assert_eq!(ids(&p.items), ["CHG-1", "CHG-2"]);
    let text = "when;employee id\n2026-03-03;E7\n";
    let p = read_population(text, year_2026()).unwrap();
    assert_eq!(ids(&p.items), ["E7"]);
}

#[test]
fn a_population_that_cannot_be_read_says_why() {
    assert_eq!(
        read_population("", year_2026()),
        Err(PopulationError::Empty)
    );
    assert_eq!(
        read_population("\n\r\n", year_2026()),
        Err(PopulationError::Empty)
    );
    assert_eq!(
        read_population("id\nH1\n", year_2026()),
        Err(PopulationError::NoDateColumn)
    );
    let many = format!("id,date\n{}", "x,2026-01-01\n".repeat(MAX_ROWS + 1));
    assert_eq!(
        read_population(&many, year_2026()),
        Err(PopulationError::TooManyRows)
    );
    // An unclosed quote spoils one row, not the population.
    let p = read_population("id,date\n\"H1,2026-01-01\nH2,2026-01-02\n", year_2026()).unwrap();
    assert_eq!(ids(&p.items), ["H2"]);
    assert_eq!(p.unreadable, 1);
    // A hostile id is shown visible and short.
    let p = read_population(
        &format!("id,date\n{}\u{202e},2025-01-01\n", "A".repeat(500)),
        year_2026(),
    )
    .unwrap();
    let Skipped::Outside { id, .. } = &p.skipped[0] else {
        panic!("outside")
    };
    assert!(id.chars().count() <= 61, "{id}");
}

#[test]
fn the_sample_follows_the_table_and_never_exceeds_the_population() {
    let size = |n| sample_size(&DEFAULT_TABLE, n);
    assert_eq!(size(0), 0);
    assert_eq!(size(4), 4, "4 leavers: every one");
    assert_eq!(size(5), 5);
    assert_eq!(size(12), 5);
    assert_eq!(size(13), 13, "never more than the population");
    assert_eq!(size(52), 15);
    assert_eq!(size(120), 40);
    assert_eq!(size(365), 40);
    assert_eq!(size(50_000), 60);
    // An edited table: a firm that samples 25 above 250.
    let firm = [
        Band {
            up_to: Some(250),
            size: Some(10),
        },
        Band {
            up_to: None,
            size: Some(25),
        },
    ];
    assert_eq!(sample_size(&firm, 8), 8);
    assert_eq!(sample_size(&firm, 251), 25);
}

#[test]
fn splitmix64_gives_its_published_outputs() {
    // The reference implementation's first outputs for seed 0.
    let mut r = SplitMix64::new(0);
    let got: Vec<u64> = (0..4).map(|_| r.next_u64()).collect();
    assert_eq!(
        got,
        [
            0xE220_A839_7B1D_CDAF,
            0x6E78_9E6A_A1B9_65F4,
            0x06C4_5D18_8009_454F,
            0xF88B_B8A8_724C_81EC
        ]
    );
    let mut r = SplitMix64::new(42);
    assert_eq!(r.next_u64(), 0xBDD7_3226_2FEB_6E95);
}

/// Twenty hires, H01 on 2026-01-04 then every 17 days.
fn hires() -> Vec<Item> {
    (0..20)
        .map(|i| Item {
            day: day("2026-01-04").add_days(17 * i),
            id: format!("H{:02}", i + 1),
        })
        .collect()
}

#[test]
fn the_draw_matches_the_fixed_vector() {
    let items = hires();
    let picked = |size, seed| -> Vec<String> {
        draw(&items, size, seed, year_2026())
            .into_iter()
            .map(|ix| items[ix].id.clone())
            .collect()
    };
    assert_eq!(picked(6, 42), ["H02", "H03", "H08", "H10", "H12", "H19"]);
    assert_eq!(picked(5, 20_261_207), ["H02", "H06", "H11", "H15", "H17"]);
    // A sample as large as the population is the whole population.
    assert_eq!(picked(25, 1).len(), 20);
}

#[test]
fn the_draw_is_the_same_whatever_the_paste_order_and_spans_the_period() {
    let mut text = String::from("id,date\n");
    // 120 hires, ten a month, pasted newest first.
    for m in (1..=12).rev() {
        for d in (1..=10).rev() {
            text.push_str(&format!("E{m:02}{d:02},2026-{m:02}-{:02}\n", d * 2));
        }
    }
    let p = read_population(&text, year_2026()).unwrap();
    assert_eq!(p.items.len(), 120);
    let size = sample_size(&DEFAULT_TABLE, 120);
    let picks = draw(&p.items, size, 7, year_2026());
    assert_eq!(picks.len(), 40);
    let mut unique = picks.clone();
    unique.dedup();
    assert_eq!(unique.len(), 40, "no item twice");
    // Pasted oldest first: the same picks.
    let mut lines: Vec<&str> = text.lines().skip(1).collect();
    lines.reverse();
    let again = read_population(&format!("id,date\n{}", lines.join("\n")), year_2026()).unwrap();
    assert_eq!(draw(&again.items, size, 7, year_2026()), picks);
    // Each quarter holds 30 of the 120: each gets 10 of the 40.
    for q in 0..4 {
        let in_quarter = picks
            .iter()
            .filter(|&&ix| {
                let (_, month, _) = p.items[ix].day.ymd();
                (usize::from(month) - 1) / 3 == q
            })
            .count();
        assert_eq!(in_quarter, 10, "quarter {}", q + 1);
    }
    // Another seed, another sample.
    assert_ne!(draw(&p.items, size, 8, year_2026()), picks);
}

// ------------------------------------------------- rehearsal and outcome

mod outcome {
    use super::*;
    use serde_json::json;
    use soc2_readiness::core::assessment::{Action, Assessment, ReportType, Status, reduce};
    use soc2_readiness::core::bank::Bank;
    use soc2_readiness::core::evaluate::evaluate;
    use soc2_readiness::core::fieldwork::{Outcome, Pick, Rehearsal};
    use soc2_readiness::core::outcome::Tier;

    /// Four key controls of four criteria: `hire` per event, the others
    /// continuous.
    fn bank() -> Bank {
        let q = |id: &str, criterion: &str, frequency: &str| {
            json!({
                "id": id, "text": format!("Is {id} done?"), "guidance": "g",
                "criteria": [criterion], "weight": 3, "key": true, "key_reason": "k",
                "frequency": frequency, "evidence": ["first"],
                "remediation": {"steps": ["s"], "effort": "days"},
                "type2_proof": "p", "quick": false, "short": format!("The {id} control"),
            })
        };
        let criteria: Vec<serde_json::Value> = ["CC6.1", "CC6.2", "CC6.3", "CC6.4"]
            .iter()
            .map(|c| {
                json!({"id": c, "series": "CC6", "topic": "t", "name": c,
                            "one_question_reason": "r"})
            })
            .collect();
        let doc = json!({
            "format": "soc2-readiness-bank", "format_version": 4, "id": "fw",
            "version": "1", "title": "Fieldwork",
            "series": [{"id": "CC6", "category": "security", "name": "Access"}],
            "criteria": criteria,
            "questions": [q("hire", "CC6.2", "per_event"), q("a", "CC6.1", "continuous"),
                          q("b", "CC6.3", "continuous"), q("c", "CC6.4", "continuous")],
        });
        Bank::from_json(&doc.to_string()).expect("the fieldwork bank is valid")
    }

    /// Type II over 2026, every control ready and operating since 2025.
    fn clean(bank: &Bank) -> Assessment {
        let mut a = Assessment::new("f".into(), "F".into(), bank, "2026-01-01T00:00:00Z".into());
        a = reduce(&a, Action::SetReportType(ReportType::Type2));
        a = reduce(&a, Action::SetPeriod(Some(year_2026())));
        for q in &bank.questions {
            for action in [
                Action::SetStatus(q.id.clone(), Some(Status::Ready)),
                Action::SetEvidence(q.id.clone(), 0, true),
                Action::SetOperatingSince(q.id.clone(), Some(day("2025-06-01"))),
            ] {
                a = reduce(&a, action);
            }
        }
        a
    }

    /// 120 hires, a draw of 40, `failed` of them failed.
    fn rehearsed(bank: &Bank, failed: usize) -> Assessment {
        let mut text = String::from("id,date\n");
        for i in 0..120 {
            text.push_str(&format!("E{i:03},{}\n", day("2026-01-02").add_days(3 * i)));
        }
        let population = read_population(&text, year_2026()).unwrap();
        let picks = draw(&population.items, 40, 99, year_2026());
        let rehearsal = Rehearsal {
            question: "hire".into(),
            picks: picks
                .iter()
                .enumerate()
                .map(|(n, &ix)| Pick {
                    id: population.items[ix].id.clone(),
                    result: Some(if n < failed {
                        Outcome::Fail
                    } else {
                        Outcome::Pass
                    }),
                    note: String::new(),
                    evidence: String::new(),
                })
                .collect(),
            items: population.items,
            outside: 0,
            seed: Some(99),
        };
        reduce(
            &clean(bank),
            Action::SetRehearsal("hire".into(), Some(rehearsal)),
        )
    }

    #[test]
    fn a_clean_sample_changes_nothing_and_sets_the_population() {
        let bank = bank();
        let a = rehearsed(&bank, 0);
        assert_eq!(a.answer("hire").unwrap().population, Some(120));
        let e = evaluate(&bank, &a, day("2026-12-07"));
        assert_eq!(e.outcome.tier, Tier::Unmodified);
    }

    #[test]
    fn one_failed_pick_on_a_key_control_is_an_exception_naming_the_item() {
        let bank = bank();
        let a = rehearsed(&bank, 1);
        let failed = a.rehearsal("hire").unwrap().failed()[0].to_owned();
        let e = evaluate(&bank, &a, day("2026-12-07"));
        // One of four criteria with exceptions: not more than a third.
        assert_eq!(e.outcome.tier, Tier::UnmodifiedWithExceptions);
        let summary = e.outcome.summary(&bank);
        assert!(
            summary
                .iter()
                .any(|l| l.contains(&failed) && l.contains("1 of 40 picks tested")),
            "{summary:?}"
        );
    }

    #[test]
    fn three_failed_picks_mean_the_control_did_not_operate() {
        let bank = bank();
        // More than 2 events not handled: the engine's own rule.
        let e = evaluate(&bank, &rehearsed(&bank, 3), day("2026-12-07"));
        assert_eq!(e.outcome.tier, Tier::Qualified);
        // Two stay an exception.
        let e = evaluate(&bank, &rehearsed(&bank, 2), day("2026-12-07"));
        assert_eq!(e.outcome.tier, Tier::UnmodifiedWithExceptions);
        // Removing the rehearsal removes its population too.
        let a = reduce(
            &rehearsed(&bank, 3),
            Action::SetRehearsal("hire".into(), None),
        );
        assert_eq!(a.answer("hire").unwrap().population, None);
        assert_eq!(
            evaluate(&bank, &a, day("2026-12-07")).outcome.tier,
            Tier::Unmodified
        );
    }
}
