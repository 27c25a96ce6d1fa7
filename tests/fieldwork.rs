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
