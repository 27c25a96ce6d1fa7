//! Calendar dates (`YYYY-MM-DD`) as used in scopes, due dates and evidence,
//! and RFC 3339 timestamps as found in assessment files.
//!
//! One parser and one wire format for every date the app reads or writes,
//! written out here rather than taken from a date crate: the app needs only
//! these two formats and day arithmetic, and a general parser and formatter
//! cost more of the Wasm than the whole of this module. The rules follow the
//! `time` crate's `[year]-[month]-[day]` and RFC 3339 formats, which the app
//! used before, so every date and timestamp it accepted it still accepts.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar day without time zone (proleptic Gregorian, years -9999 to
/// 9999), kept as a count of days since 1970-01-01.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(i32);

/// A date string that is not a real `YYYY-MM-DD` day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date in the form YYYY-MM-DD")]
pub struct DayError(pub String);

const MIN_YEAR: i32 = -9999;
const MAX_YEAR: i32 = 9999;

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` (1–12) of `year`.
fn month_length(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a valid calendar date (H. Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i32 {
    let (m, d) = (i64::from(month), i64::from(day));
    let y = i64::from(year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    // Years -9999..=9999 stay far inside i32 days.
    (era * 146_097 + doe - 719_468) as i32
}

/// The calendar date of a day count (inverse of [`days_from_civil`]).
fn civil_from_days(days: i32) -> (i32, u8, u8) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400) as i32 + i32::from(month <= 2);
    (year, month, day)
}

/// `N` ASCII digits at the start of `input`, as a number, and the rest.
fn digits<const N: usize>(input: &[u8]) -> Option<(u32, &[u8])> {
    let (head, rest) = input.split_at_checked(N)?;
    let mut value = 0;
    for &b in head {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u32::from(b - b'0');
    }
    Some((value, rest))
}

/// `c` at the start of `input`, and the rest.
fn literal(input: &[u8], c: u8) -> Option<&[u8]> {
    input.strip_prefix(&[c])
}

impl Day {
    /// Used when the browser reports an impossible date.
    pub const FALLBACK: Day = Day(10_957); // 2000-01-01

    /// Reads `YYYY-MM-DD` (a year may carry a sign, as in `-0044-03-15`).
    pub fn parse(text: &str) -> Result<Self, DayError> {
        Day::parse_ymd(text.as_bytes())
            .filter(|(_, rest)| rest.is_empty())
            .map(|(day, _)| day)
            .ok_or_else(|| DayError(text.chars().take(40).collect()))
    }

    /// A date at the start of `input`, and the rest.
    fn parse_ymd(input: &[u8]) -> Option<(Day, &[u8])> {
        let (negative, input) = match input.first() {
            Some(b'-') => (true, &input[1..]),
            Some(b'+') => (false, &input[1..]),
            _ => (false, input),
        };
        let (year, input) = digits::<4>(input)?;
        let (month, input) = digits::<2>(literal(input, b'-')?)?;
        let (day, input) = digits::<2>(literal(input, b'-')?)?;
        let year = if negative {
            -(year as i32)
        } else {
            year as i32
        };
        let day = Day::from_ymd(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?;
        Some((day, input))
    }

    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && (1..=month_length(year, month)).contains(&day);
        valid.then(|| Day(days_from_civil(year, month, day)))
    }

    /// Year, month (1–12) and day of month.
    pub fn ymd(self) -> (i32, u8, u8) {
        civil_from_days(self.0)
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Day) -> i64 {
        i64::from(other.0) - i64::from(self.0)
    }

    /// Whole calendar months from `self` to `other`, counting a month only
    /// once its day of month is reached (Jan 31 → Feb 28 is 0 months).
    pub fn months_until(self, other: Day) -> i32 {
        let ((ay, am, ad), (by, bm, bd)) = (self.ymd(), other.ymd());
        let mut months = (by - ay) * 12 + i32::from(bm) - i32::from(am);
        if bd < ad {
            months -= 1;
        }
        months
    }

    /// The same day of month `months` later, clamped to the month's last day
    /// (Jan 31 + 1 month = Feb 28); `self` when that is past year 9999.
    pub fn add_months(self, months: u32) -> Self {
        let (y, m, d) = self.ymd();
        let zero_based = i64::from(m) - 1 + i64::from(months);
        let Ok(year) = i32::try_from(i64::from(y) + zero_based / 12) else {
            return self;
        };
        let month = (zero_based % 12 + 1) as u8;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return self;
        }
        Day::from_ymd(year, month, d.min(month_length(year, month))).unwrap_or(self)
    }

    /// `days` later (earlier when negative), kept within years -9999 to 9999.
    pub fn add_days(self, days: i64) -> Self {
        let min = i64::from(days_from_civil(MIN_YEAR, 1, 1));
        let max = i64::from(days_from_civil(MAX_YEAR, 12, 31));
        Day((i64::from(self.0).saturating_add(days)).clamp(min, max) as i32)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        let sign = if y < 0 { "-" } else { "" };
        write!(f, "{sign}{:04}-{m:02}-{d:02}", y.unsigned_abs())
    }
}

impl fmt::Debug for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Day({self})")
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    /// Files hold plain `YYYY-MM-DD` dates: four digits of year, no sign
    /// (as the JSON Schemas say), though [`Day::parse`] reads signed years.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if !text.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(serde::de::Error::custom(DayError(
                text.chars().take(40).collect(),
            )));
        }
        Day::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// An RFC 3339 timestamp, such as `2026-11-26T09:30:00.5+01:00`, as written:
/// its local date and time and its offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    day: Day,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
    /// Offset from UTC in minutes.
    offset: i16,
}

impl Timestamp {
    /// Reads `YYYY-MM-DD`, any one separator byte (RFC 3339 allows a space
    /// for `T`), `hh:mm:ss`, an optional fraction and `Z` or `±hh:mm`. A leap
    /// second (`:60`) counts as the nanosecond before it, and only where one
    /// can occur: the last second of a month in UTC.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let input = text.as_bytes();
        // Four unsigned digits: no sign here, unlike a plain date.
        digits::<4>(input)?;
        let (day, input) = Day::parse_ymd(input)?;
        // RFC 3339 separates date and time with `T` (or `t`), nothing else.
        let input = match input.split_first() {
            Some((b'T' | b't', rest)) => rest,
            _ => return None,
        };
        let (hour, input) = digits::<2>(input)?;
        let (minute, input) = digits::<2>(literal(input, b':')?)?;
        let (mut second, input) = digits::<2>(literal(input, b':')?)?;
        let (mut nanosecond, input) = match literal(input, b'.') {
            Some(mut input) => {
                let (mut value, mut scale, mut any) = (0, 100_000_000, false);
                while let Some((&b, rest)) = input.split_first().filter(|(b, _)| b.is_ascii_digit())
                {
                    value += u32::from(b - b'0') * scale;
                    scale /= 10;
                    input = rest;
                    any = true;
                }
                if !any {
                    return None;
                }
                (value, input)
            }
            None => (0, input),
        };
        let (offset, input) = match input.first()? {
            b'Z' | b'z' => (0, &input[1..]),
            &sign @ (b'+' | b'-') => {
                let (h, input) = digits::<2>(&input[1..])?;
                let (m, input) = digits::<2>(literal(input, b':')?)?;
                if h > 23 || m > 59 {
                    return None;
                }
                let minutes = (h * 60 + m) as i16;
                (if sign == b'-' { -minutes } else { minutes }, input)
            }
            _ => return None,
        };
        if !input.is_empty() {
            return None;
        }
        let leap_second = second == 60;
        if leap_second {
            second = 59;
            nanosecond = 999_999_999;
        }
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        let t = Timestamp {
            day,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            nanosecond,
            offset,
        };
        if leap_second && !t.is_last_second_of_a_month_in_utc() {
            return None;
        }
        Some(t)
    }

    pub fn year(&self) -> i32 {
        self.day.ymd().0
    }

    fn is_last_second_of_a_month_in_utc(&self) -> bool {
        let minutes = i64::from(self.hour) * 60 + i64::from(self.minute) - i64::from(self.offset);
        let day = self.day.add_days(minutes.div_euclid(24 * 60));
        let utc = minutes.rem_euclid(24 * 60);
        let (y, m, d) = day.ymd();
        utc == 23 * 60 + 59 && self.second == 59 && d == month_length(y, m)
    }
}

/// The timestamp in RFC 3339's own form: `T`, the fraction without trailing
/// zeros (none when zero), and `Z` for a zero offset.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}",
            self.day, self.hour, self.minute, self.second
        )?;
        if self.nanosecond != 0 {
            let digits = format!("{:09}", self.nanosecond);
            write!(f, ".{}", digits.trim_end_matches('0'))?;
        }
        match self.offset {
            0 => f.write_str("Z"),
            o => {
                let sign = if o < 0 { '-' } else { '+' };
                let o = o.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", o / 60, o % 60)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = Day::parse("2026-02-28").unwrap();
        assert_eq!(d.to_string(), "2026-02-28");
        assert!(Day::parse("2026-02-30").is_err());
        assert!(Day::parse("28/02/2026").is_err());
    }

    #[test]
    fn adding_months_clamps_to_month_end() {
        let d = |s| Day::parse(s).unwrap();
        assert_eq!(d("2026-01-31").add_months(1), d("2026-02-28"));
        assert_eq!(d("2026-11-15").add_months(3), d("2027-02-15"));
        assert_eq!(d("2026-01-01").add_months(12), d("2027-01-01"));
    }

    #[test]
    fn months_count_only_completed_months() {
        let a = Day::parse("2026-01-31").unwrap();
        assert_eq!(a.months_until(Day::parse("2026-02-28").unwrap()), 0);
        assert_eq!(a.months_until(Day::parse("2026-03-31").unwrap()), 2);
        let b = Day::parse("2026-01-01").unwrap();
        assert_eq!(b.months_until(Day::parse("2026-12-31").unwrap()), 11);
        assert_eq!(b.months_until(Day::parse("2027-01-01").unwrap()), 12);
    }

    #[test]
    fn day_counts_match_the_calendar() {
        assert_eq!(Day::FALLBACK, Day::parse("2000-01-01").unwrap());
        assert_eq!(
            Day::parse("1970-01-01").unwrap().days_until(Day::FALLBACK),
            10_957
        );
        let leap = Day::parse("2024-02-28").unwrap();
        assert_eq!(leap.add_days(1).to_string(), "2024-02-29");
        assert_eq!(leap.add_days(2).to_string(), "2024-03-01");
        assert_eq!(
            Day::parse("2100-02-28").unwrap().add_days(1).to_string(),
            "2100-03-01"
        );
    }

    #[test]
    fn dates_take_the_forms_the_time_crate_took() {
        for ok in [
            "2024-02-29",
            "0000-01-01",
            "+2026-01-01",
            "-0044-03-15",
            "9999-12-31",
        ] {
            assert!(Day::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "2023-02-29",
            "2026-1-01",
            "2026-01-1",
            "26-01-01",
            "2026-00-10",
            "2026-13-01",
            "2026-01-00",
            "2026-01-32",
            " 2026-01-01",
            "2026-01-01 ",
            "2026-01-01T00",
            "",
            "10000-01-01",
            "2026/01/01",
            "２０２６-01-01",
        ] {
            assert!(Day::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Day::parse("-0044-03-15").unwrap().to_string(),
            "-0044-03-15"
        );
        assert_eq!(Day::parse("+2026-01-01").unwrap().to_string(), "2026-01-01");
        let max = Day::parse("9999-12-31").unwrap();
        assert_eq!(max.add_days(10), max);
        assert_eq!(max.add_months(1), max);
        let min = Day::parse("-9999-01-01").unwrap();
        assert_eq!(min.add_days(-10), min);
    }

    #[test]
    fn timestamps_follow_rfc_3339() {
        let normal = |s: &str| Timestamp::parse(s).map(|t| t.to_string());
        for (text, expected) in [
            ("2026-11-26T09:30:00Z", "2026-11-26T09:30:00Z"),
            ("2026-11-26T09:30:00.000Z", "2026-11-26T09:30:00Z"),
            ("2026-11-26t09:30:00.120z", "2026-11-26T09:30:00.12Z"),
            ("2026-11-26T09:30:00-00:00", "2026-11-26T09:30:00Z"),
            (
                "2026-11-26T09:30:00.123456789123-05:30",
                "2026-11-26T09:30:00.123456789-05:30",
            ),
            ("2026-11-26T09:30:00-00:30", "2026-11-26T09:30:00-00:30"),
            ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999999999Z"),
            (
                "2017-01-01T00:59:60+01:00",
                "2017-01-01T00:59:59.999999999+01:00",
            ),
        ] {
            assert_eq!(normal(text).as_deref(), Some(expected), "{text}");
        }
        for bad in [
            "2026-11-26",
            "2026-11-26T09:30Z",
            "2026-11-26 09:30:00+00:00",
            "2026-11-26_09:30:00Z",
            "2026-11-26T09:30:00",
            "2026-11-26T24:00:00Z",
            "2026-11-26T09:60:00Z",
            "2026-11-26T09:30:00.Z",
            "2026-11-26T09:30:00+24:00",
            "2026-11-26T09:30:00+01:60",
            "2026-11-26T09:30:00+0100",
            "2026-11-26T09:30:00Z ",
            "2026-02-30T09:30:00Z",
            "-2026-11-26T09:30:00Z",
            "2026-11-26T23:59:60Z",
            "2016-12-31T23:59:60+01:00",
            "5 January 2026",
        ] {
            assert_eq!(normal(bad), None, "{bad}");
        }
        assert_eq!(
            Timestamp::parse("1899-12-31T00:00:00Z").unwrap().year(),
            1899
        );
    }
}
