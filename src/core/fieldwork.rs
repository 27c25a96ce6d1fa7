//! Fieldwork rehearsal, the pure part: reading a per-event control's
//! population (CSV or TSV), counting the items in the Type II period, the
//! sample size by population, and a reproducible, stratified draw.
//!
//! The draw uses SplitMix64 (Steele, Lea and Flood, 2014; the reference
//! `splitmix64.c` by Vigna): 64 bits of state, add 0x9E3779B97F4A7C15 per
//! step, then the two multiply-xorshift rounds. A number below `n` is taken
//! by rejection, so every item is equally likely. Items are put in (date,
//! id) order first, so the same seed and the same items give the same
//! picks whatever order they were pasted in, on any machine.

use crate::core::assessment::Period;
use crate::core::date::Day;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Largest population read (rows after the header).
pub const MAX_ROWS: usize = 200_000;
/// Largest population text read, in bytes.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Problems listed one by one; the rest are counted.
pub const LISTED: usize = 50;

/// One event of the population.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub day: Day,
    pub id: String,
}

/// A row not counted, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skipped {
    /// Dated outside the period.
    Outside { line: usize, id: String, day: Day },
    /// An id already counted on an earlier line.
    Duplicate { line: usize, id: String },
    /// The row could not be read: no id, or a date that is not a date.
    Unreadable { line: usize, why: String },
}

/// A population as read: the items counted, and the rows not counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Population {
    /// Items in the period, each id once, in (date, id) order.
    pub items: Vec<Item>,
    pub outside: usize,
    pub duplicates: usize,
    pub unreadable: usize,
    /// The first [`LISTED`] rows not counted, in line order.
    pub skipped: Vec<Skipped>,
}

/// Why a population cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PopulationError {
    #[error(
        "the population is empty: paste a header line (an id and a date column) and one line per event"
    )]
    Empty,
    #[error("the population is {0} bytes; at most {MAX_BYTES} are read")]
    TooLarge(usize),
    #[error("the population has more than {MAX_ROWS} rows")]
    TooManyRows,
    #[error(
        "the header line has no date column: name one `date` (the id column is the first, or one named `id`)"
    )]
    NoDateColumn,
}

/// Reads `text` (CSV, or TSV when the header has a tab; a byte order mark
/// and CR LF line ends are fine) and counts the items in `period`.
///
/// The header names the columns: the id is the column named `id` (or
/// containing "id"), else the first; the date is the first column whose
/// name contains "date" or "day", else the second. Dates are `YYYY-MM-DD`,
/// optionally followed by a time (`2026-03-01T09:30:00Z`).
pub fn read_population(text: &str, period: Period) -> Result<Population, PopulationError> {
    if text.len() > MAX_BYTES {
        return Err(PopulationError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(PopulationError::Empty);
    };
    let delimiter = if header.contains('\t') {
        '\t'
    } else if !header.contains(',') && header.contains(';') {
        ';'
    } else {
        ','
    };
    let names: Vec<String> = fields(header, delimiter)
        .unwrap_or_default()
        .into_iter()
        .map(|n| n.trim().to_lowercase())
        .collect();
    let id_col = names
        .iter()
        .position(|n| n == "id")
        .or_else(|| names.iter().position(|n| n.contains("id")))
        .unwrap_or(0);
    let day_col = names
        .iter()
        .position(|n| n.contains("date") || n.contains("day"))
        .or((names.len() > 1).then_some(if id_col == 1 { 0 } else { 1 }))
        .filter(|c| *c != id_col)
        .ok_or(PopulationError::NoDateColumn)?;
    let mut out = Population::default();
    let mut seen = BTreeSet::new();
    let mut rows = 0;
    let skip = |out: &mut Population, s: Skipped| {
        match s {
            Skipped::Outside { .. } => out.outside += 1,
            Skipped::Duplicate { .. } => out.duplicates += 1,
            Skipped::Unreadable { .. } => out.unreadable += 1,
        }
        if out.skipped.len() < LISTED {
            out.skipped.push(s);
        }
    };
    for (ix, line) in lines {
        rows += 1;
        if rows > MAX_ROWS {
            return Err(PopulationError::TooManyRows);
        }
        let line_no = ix + 1;
        let Some(cells) = fields(line, delimiter) else {
            skip(
                &mut out,
                Skipped::Unreadable {
                    line: line_no,
                    why: "a quoted field is not closed".to_owned(),
                },
            );
            continue;
        };
        let id = cells.get(id_col).map_or("", |c| c.trim());
        if id.is_empty() {
            skip(
                &mut out,
                Skipped::Unreadable {
                    line: line_no,
                    why: "no id".to_owned(),
                },
            );
            continue;
        }
        let raw = cells.get(day_col).map_or("", |c| c.trim());
        let Some(day) = read_day(raw) else {
            skip(
                &mut out,
                Skipped::Unreadable {
                    line: line_no,
                    why: format!(
                        "{} is not a date in the form YYYY-MM-DD",
                        crate::core::text::quoted(raw)
                    ),
                },
            );
            continue;
        };
        let id = crate::core::text::visible(id, crate::core::text::QUOTE_CHARS);
        if day < period.start || day > period.end {
            skip(
                &mut out,
                Skipped::Outside {
                    line: line_no,
                    id,
                    day,
                },
            );
            continue;
        }
        if !seen.insert(id.clone()) {
            skip(&mut out, Skipped::Duplicate { line: line_no, id });
            continue;
        }
        out.items.push(Item { day, id });
    }
    crate::core::order::sort(&mut out.items);
    Ok(out)
}

/// A date, or a date and a time after `T` or a space.
fn read_day(raw: &str) -> Option<Day> {
    let date = match raw.get(10..11) {
        Some("T" | "t" | " ") => raw.get(..10)?,
        _ => raw,
    };
    if date.len() != 10 {
        return None;
    }
    Day::parse(date).ok()
}

/// The fields of one line: `"` quotes a field, `""` is a quote inside one;
/// `None` when a quote is not closed.
fn fields(line: &str, delimiter: char) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c if c == delimiter && !quoted => out.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    if quoted {
        return None;
    }
    out.push(field);
    Some(out)
}

/// One band of the sample table: populations up to `up_to` items (the
/// last band: any larger) get `size` picks (`None`: every item).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::core::assessment::present"
    )]
    pub up_to: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::core::assessment::present"
    )]
    pub size: Option<u32>,
}

/// What testing one pick found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
}

/// One item drawn for testing, and what testing it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pick {
    /// The item's id in the population.
    pub id: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::core::assessment::present"
    )]
    pub result: Option<Outcome>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The evidence looked at.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

/// The largest seed kept: the largest whole number a browser's JSON
/// reader holds exactly, 2^53 − 1.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// A per-event control's rehearsal: its population in the period, the
/// rows left out, the seed of its draw and the picks with their results.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rehearsal {
    /// The question (id) of the control rehearsed.
    #[serde(default)]
    pub question: String,
    /// The items counted (in the period, each id once), in (date, id) order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
    /// Rows of the pasted population dated outside the period.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub outside: u32,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::core::assessment::present"
    )]
    pub seed: Option<u64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub picks: Vec<Pick>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Rehearsal {
    /// The ids of the picks that failed, in pick order.
    pub fn failed(&self) -> Vec<&str> {
        self.picks
            .iter()
            .filter(|p| p.result == Some(Outcome::Fail))
            .map(|p| p.id.as_str())
            .collect()
    }

    /// How many picks have a result.
    pub fn tested(&self) -> usize {
        self.picks.iter().filter(|p| p.result.is_some()).count()
    }
}

/// The default table, for per-event controls: the larger end of the ranges
/// audit firms commonly use (a firm's own table differs; edit it to match).
/// Every item is tested in a population of 4 or fewer.
pub const DEFAULT_TABLE: [Band; 5] = [
    Band {
        up_to: Some(4),
        size: None,
    },
    Band {
        up_to: Some(12),
        size: Some(5),
    },
    Band {
        up_to: Some(52),
        size: Some(15),
    },
    Band {
        up_to: Some(365),
        size: Some(40),
    },
    Band {
        up_to: None,
        size: Some(60),
    },
];

/// The sample for a population of `n` by `table`: never more than `n`.
pub fn sample_size(table: &[Band], n: u32) -> u32 {
    let band = table
        .iter()
        .find(|b| b.up_to.is_none_or(|up| n <= up))
        .or(table.last());
    match band.and_then(|b| b.size) {
        Some(size) => size.min(n),
        None => n,
    }
}

/// SplitMix64: a documented, portable generator (see the module doc).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0), each equally likely: draws past the
    /// last whole multiple of `n` are thrown away.
    pub fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % n;
            }
        }
    }
}

/// Strata of the period: up to this many equal stretches of time.
pub const STRATA: usize = 4;

/// Draws `size` of `items` (in (date, id) order, as [`read_population`]
/// gives them) with `seed`, stratified over `period`: the period is cut
/// into up to [`STRATA`] equal stretches, each gets its share of the
/// sample by its share of the items (largest remainders, earlier first on
/// ties), and each share is drawn without repeats. Returns positions in
/// `items`, ascending.
pub fn draw(items: &[Item], size: u32, seed: u64, period: Period) -> Vec<usize> {
    let n = items.len();
    let size = (size as usize).min(n);
    if size == n {
        return (0..n).collect();
    }
    let strata = STRATA.min(size).max(1);
    let length = period.start.days_until(period.end) + 1;
    let stratum_of = |day: Day| -> usize {
        let offset = period.start.days_until(day).clamp(0, length - 1);
        ((offset as usize) * strata / length as usize).min(strata - 1)
    };
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); strata];
    for (ix, item) in items.iter().enumerate() {
        if let Some(g) = groups.get_mut(stratum_of(item.day)) {
            g.push(ix);
        }
    }
    // Shares by largest remainder.
    let mut shares: Vec<usize> = groups.iter().map(|g| g.len() * size / n).collect();
    let mut rest: Vec<usize> = (0..strata).collect();
    crate::core::order::sort_by(&mut rest, |a, b| {
        let ra = groups[*a].len() * size % n;
        let rb = groups[*b].len() * size % n;
        rb.cmp(&ra)
    });
    let mut left = size - shares.iter().sum::<usize>();
    for g in rest {
        if left == 0 {
            break;
        }
        if shares[g] < groups[g].len() {
            shares[g] += 1;
            left -= 1;
        }
    }
    let mut rng = SplitMix64::new(seed);
    let mut picks = Vec::with_capacity(size);
    for (group, share) in groups.iter_mut().zip(shares) {
        // A partial Fisher–Yates shuffle: the first `share` places.
        for i in 0..share {
            let j = i + rng.below((group.len() - i) as u64) as usize;
            group.swap(i, j);
            picks.push(group[i]);
        }
    }
    crate::core::order::sort(&mut picks);
    picks
}
