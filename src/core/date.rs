//! Calendar dates (`YYYY-MM-DD`) as used in scopes, due dates and evidence.
//!
//! Wrapping `time::Date` keeps one parser and one wire format for every date
//! the app reads or writes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::macros::format_description;

const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// A calendar day without time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(time::Date);

/// A date string that is not a real `YYYY-MM-DD` day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date in the form YYYY-MM-DD")]
pub struct DayError(pub String);

impl Day {
    /// Used when the browser reports an impossible date.
    pub const FALLBACK: Day = Day(time::macros::date!(2000 - 01 - 01));

    pub fn parse(text: &str) -> Result<Self, DayError> {
        time::Date::parse(text, FORMAT)
            .map(Day)
            .map_err(|_| DayError(text.chars().take(40).collect()))
    }

    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Day)
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Day) -> i64 {
        (other.0 - self.0).whole_days()
    }

    /// Whole calendar months from `self` to `other`, counting a month only
    /// once its day of month is reached (Jan 31 → Feb 28 is 0 months).
    pub fn months_until(self, other: Day) -> i32 {
        let (a, b) = (self.0, other.0);
        let mut months = (b.year() - a.year()) * 12 + (b.month() as i32) - (a.month() as i32);
        if b.day() < a.day() {
            months -= 1;
        }
        months
    }

    /// The same day of month `months` later, clamped to the month's last day
    /// (Jan 31 + 1 month = Feb 28).
    pub fn add_months(self, months: u32) -> Self {
        let zero_based = self.0.month() as u32 - 1 + months;
        let year = self.0.year() + (zero_based / 12) as i32;
        let month =
            time::Month::try_from((zero_based % 12 + 1) as u8).unwrap_or(time::Month::December);
        let day = self.0.day().min(month.length(year));
        time::Date::from_calendar_date(year, month, day).map_or(self, Day)
    }

    pub fn add_days(self, days: i64) -> Self {
        Day(self.0.saturating_add(time::Duration::days(days)))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The format has no fallible parts for dates in time's range.
        match self.0.format(FORMAT) {
            Ok(s) => f.write_str(&s),
            Err(_) => Err(fmt::Error),
        }
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Day::parse(&text).map_err(serde::de::Error::custom)
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
}
