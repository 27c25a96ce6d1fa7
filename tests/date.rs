//! The app reads and writes dates and timestamps with its own small code
//! (`core::date`); these tests hold it to what the `time` crate, which it
//! replaced, did: the same days, the same accepted and refused text, the
//! same printed forms.

use soc2_readiness::core::date::{Day, Timestamp};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;

const DAY_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// A small deterministic generator.
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

fn time_date(day: Day) -> time::Date {
    let (y, m, d) = day.ymd();
    time::Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap()
}

/// The app's former `Day::add_months`, written with the time crate.
fn time_add_months(date: time::Date, months: u32) -> time::Date {
    let zero_based = date.month() as u32 - 1 + months;
    let year = date.year() + (zero_based / 12) as i32;
    let month = time::Month::try_from((zero_based % 12 + 1) as u8).unwrap();
    let day = date.day().min(month.length(year));
    time::Date::from_calendar_date(year, month, day).unwrap_or(date)
}

#[test]
fn every_day_from_year_minus_9999_to_9999_is_the_same_day() {
    let first = Day::from_ymd(-9999, 1, 1).unwrap();
    let last = Day::from_ymd(9999, 12, 31).unwrap();
    let mut day = first;
    let mut reference = time::Date::MIN;
    let mut n = 0_u64;
    loop {
        assert_eq!(
            day.ymd(),
            (reference.year(), reference.month() as u8, reference.day())
        );
        if n.is_multiple_of(97) {
            let text = reference.format(DAY_FORMAT).unwrap();
            assert_eq!(day.to_string(), text);
            assert_eq!(Day::parse(&text), Ok(day));
        }
        if day == last {
            break;
        }
        day = day.add_days(1);
        reference = reference.next_day().unwrap();
        n += 1;
    }
    assert_eq!(reference, time::Date::MAX);
    assert_eq!(
        first.days_until(last),
        (time::Date::MAX - time::Date::MIN).whole_days()
    );
}

#[test]
fn month_arithmetic_is_unchanged() {
    let mut rng = Lcg(3);
    for _ in 0..20_000 {
        let a = Day::from_ymd(rng.next(400) as i32 + 1800, 1, 1)
            .unwrap()
            .add_days(rng.next(366) as i64);
        let b = a.add_days(rng.next(2_000) as i64 - 1_000);
        let (ta, tb) = (time_date(a), time_date(b));
        let months = (tb.year() - ta.year()) * 12 + (tb.month() as i32)
            - (ta.month() as i32)
            - i32::from(tb.day() < ta.day());
        assert_eq!(a.months_until(b), months, "{a} → {b}");
        let add = rng.next(40) as u32;
        assert_eq!(
            time_date(a.add_months(add)),
            time_add_months(ta, add),
            "{a} + {add}"
        );
        assert_eq!(a.days_until(b), (tb - ta).whole_days());
    }
    let end = Day::from_ymd(9999, 11, 30).unwrap();
    assert_eq!(
        time_date(end.add_months(3)),
        time_add_months(time_date(end), 3)
    );
}

/// Text near the formats: digits, separators and signs in random places.
fn near_miss(rng: &mut Lcg, template: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789-+:.TtZz 9";
    let mut bytes = template.as_bytes().to_vec();
    for _ in 0..=rng.next(3) {
        let at = rng.next(bytes.len() as u64 + 1) as usize;
        let c = ALPHABET[rng.next(ALPHABET.len() as u64) as usize];
        match rng.next(3) {
            0 if at < bytes.len() => bytes[at] = c,
            1 => bytes.insert(at, c),
            _ if at < bytes.len() => {
                bytes.remove(at);
            }
            _ => {}
        }
    }
    String::from_utf8(bytes).unwrap()
}

#[test]
fn the_same_dates_are_accepted_and_printed_the_same() {
    let mut rng = Lcg(11);
    let templates = [
        "2026-02-28",
        "2024-02-29",
        "1999-12-31",
        "0000-01-01",
        "2026-11-30",
    ];
    let mut accepted = 0;
    for i in 0..200_000 {
        let text = near_miss(&mut rng, templates[i % templates.len()]);
        let ours = Day::parse(&text).ok().map(|d| d.to_string());
        let theirs = time::Date::parse(&text, DAY_FORMAT)
            .ok()
            .map(|d| d.format(DAY_FORMAT).unwrap());
        assert_eq!(ours, theirs, "{text:?}");
        accepted += usize::from(ours.is_some());
    }
    assert!(
        accepted > 1_000,
        "the generator reaches valid dates: {accepted}"
    );
}

#[test]
fn the_same_timestamps_are_accepted_and_printed_the_same() {
    let mut rng = Lcg(5);
    let templates = [
        "2026-11-26T09:30:00Z",
        "2026-11-26T09:30:00.000Z",
        "2026-11-26T09:30:00.5+01:00",
        "2026-11-26t23:59:59-05:30",
        "2016-12-31T23:59:60Z",
        "2017-01-01T00:59:60+01:00",
        "2026-02-28T00:00:00.123456789012z",
    ];
    let mut accepted = 0;
    for i in 0..200_000 {
        let template = templates[i % templates.len()];
        let text = if i < templates.len() {
            template.to_owned()
        } else {
            near_miss(&mut rng, template)
        };
        let ours = Timestamp::parse(&text);
        // The time crate takes any character between date and time; RFC 3339
        // (and the JSON Schema's date-time) allow only `T` or `t`.
        let theirs = time::OffsetDateTime::parse(&text, &Rfc3339)
            .ok()
            .filter(|_| matches!(text.as_bytes().get(10), Some(b'T' | b't')));
        assert_eq!(ours.is_some(), theirs.is_some(), "{text:?}");
        if let (Some(ours), Some(theirs)) = (ours, theirs) {
            assert_eq!(ours.year(), theirs.year(), "{text:?}");
            if let Ok(printed) = theirs.format(&Rfc3339) {
                assert_eq!(ours.to_string(), printed, "{text:?}");
            }
            accepted += 1;
        }
    }
    assert!(
        accepted > 1_000,
        "the generator reaches valid timestamps: {accepted}"
    );
}
