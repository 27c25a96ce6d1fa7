//! Occurrence windows, counts and samples, hand-computed across month ends
//! and leap years.

use soc2_readiness::core::cadence::{Frequency, Occurrences};
use soc2_readiness::core::date::Day;

fn day(text: &str) -> Day {
    Day::parse(text).expect("a valid test date")
}

fn over(f: Frequency, start: &str, end: &str, runs: &[&str], today: &str) -> Occurrences {
    Occurrences::over(
        f,
        day(start),
        day(end),
        runs.iter().map(|r| day(r)),
        day(today),
    )
    .expect("a periodic control over a real period")
}

fn lasts(o: &Occurrences) -> Vec<String> {
    o.windows.iter().map(|w| w.last.to_string()).collect()
}

#[test]
fn two_quarters_one_review_done_one_missed() {
    let o = over(
        Frequency::Quarterly,
        "2026-01-01",
        "2026-06-30",
        &["2026-02-10"],
        "2026-11-29",
    );
    assert_eq!(lasts(&o), ["2026-03-31", "2026-06-30"]);
    assert_eq!((o.expected(), o.done, o.missed), (2, 1, 1));
    assert_eq!(o.next_due, None);
    assert_eq!(o.sample(), Some((2, 2)));
}

#[test]
fn a_year_of_quarters_counts_only_what_is_due() {
    let o = over(
        Frequency::Quarterly,
        "2026-07-01",
        "2027-06-30",
        &["2026-09-15"],
        "2026-11-29",
    );
    assert_eq!(
        lasts(&o),
        ["2026-09-30", "2026-12-31", "2027-03-31", "2027-06-30"]
    );
    // The December quarter is open, not missed.
    assert_eq!((o.expected(), o.done, o.missed), (4, 1, 0));
    assert_eq!(o.next_due, Some(day("2026-12-31")));
    assert_eq!(o.due(day("2026-11-29")), 1);
    assert_eq!(
        o.summary(day("2026-11-29")),
        "1 of 4 quarterly occurrences done; the auditor will likely test 2; the next is due by 2026-12-31"
    );
}

#[test]
fn monthly_windows_from_the_31st_follow_month_ends_in_a_leap_year() {
    // Each start is counted from 31 January: 29 Feb (leap), 31 Mar, 30 Apr,
    // 31 May, 30 Jun; six months end on 30 July.
    let o = over(
        Frequency::Monthly,
        "2028-01-31",
        "2028-07-30",
        &["2028-02-29", "2028-03-31"],
        "2028-12-01",
    );
    assert_eq!(
        lasts(&o),
        [
            "2028-02-28",
            "2028-03-30",
            "2028-04-29",
            "2028-05-30",
            "2028-06-29",
            "2028-07-30"
        ]
    );
    let firsts: Vec<String> = o.windows.iter().map(|w| w.first.to_string()).collect();
    assert_eq!(firsts[1], "2028-02-29");
    // 29 Feb falls in the second window, 31 Mar in the third.
    assert_eq!(o.windows[1].run, Some(day("2028-02-29")));
    assert_eq!(o.windows[2].run, Some(day("2028-03-31")));
    assert_eq!((o.expected(), o.done, o.missed), (6, 2, 4));
    assert_eq!(o.sample(), Some((2, 5)));
}

#[test]
fn in_a_common_year_the_first_monthly_window_from_the_31st_ends_on_27_february() {
    let o = over(
        Frequency::Monthly,
        "2027-01-31",
        "2027-04-29",
        &[],
        "2027-01-31",
    );
    assert_eq!(lasts(&o), ["2027-02-27", "2027-03-30", "2027-04-29"]);
    assert_eq!((o.done, o.missed), (0, 0));
    assert_eq!(o.next_due, Some(day("2027-02-27")));
}

#[test]
fn daily_over_a_leap_february_counts_every_day() {
    // 29 + 31 + 30 days.
    let o = over(
        Frequency::Daily,
        "2028-02-01",
        "2028-04-30",
        &[],
        "2028-02-01",
    );
    assert_eq!(o.expected(), 90);
    assert_eq!(o.sample(), Some((20, 40)));
    let o = over(
        Frequency::Daily,
        "2027-02-01",
        "2027-04-30",
        &[],
        "2027-02-01",
    );
    assert_eq!(o.expected(), 89);
}

#[test]
fn a_part_week_at_the_end_joins_the_last_whole_week() {
    // 90 days: 12 whole weeks and 6 days.
    let o = over(
        Frequency::Weekly,
        "2026-01-01",
        "2026-03-31",
        &[],
        "2026-01-01",
    );
    assert_eq!(o.expected(), 12);
    let last = o.windows.last().unwrap();
    assert_eq!(
        (last.first, last.last),
        (day("2026-03-19"), day("2026-03-31"))
    );
    assert_eq!(o.sample(), Some((5, 12)));
}

#[test]
fn a_yearly_control_still_runs_once_in_a_shorter_period() {
    let o = over(
        Frequency::Annual,
        "2026-01-01",
        "2026-06-30",
        &["2025-11-01"],
        "2026-03-01",
    );
    // A run before the period does not count; due by the period end.
    assert_eq!(lasts(&o), ["2026-06-30"]);
    assert_eq!((o.expected(), o.done, o.missed), (1, 0, 0));
    assert_eq!(o.next_due, Some(day("2026-06-30")));
    assert_eq!(
        o.summary(day("2026-03-01")),
        "0 of 1 yearly occurrence done; the auditor will likely test 1 (all); the next is due by 2026-06-30"
    );
    let after = over(
        Frequency::Annual,
        "2026-01-01",
        "2026-06-30",
        &["2025-11-01"],
        "2026-07-01",
    );
    assert_eq!(after.missed, 1);
}

#[test]
fn seven_months_of_quarters_expect_two_reviews() {
    let o = over(
        Frequency::Quarterly,
        "2026-01-01",
        "2026-07-31",
        &[],
        "2026-01-01",
    );
    assert_eq!(lasts(&o), ["2026-03-31", "2026-07-31"]);
}

#[test]
fn two_runs_in_one_window_count_once() {
    let o = over(
        Frequency::Quarterly,
        "2026-01-01",
        "2026-06-30",
        &["2026-01-05", "2026-03-30"],
        "2026-07-01",
    );
    assert_eq!((o.done, o.missed), (1, 1));
    assert_eq!(o.windows[0].run, Some(day("2026-01-05")));
}

#[test]
fn continuous_and_per_event_controls_have_no_windows() {
    for f in [Frequency::Continuous, Frequency::PerEvent] {
        assert!(
            Occurrences::over(
                f,
                day("2026-01-01"),
                day("2026-06-30"),
                [],
                day("2026-01-01")
            )
            .is_none()
        );
    }
    assert_eq!(Frequency::Continuous.sample(100), None);
    // Per event, by the size of the population (hand-read from the table):
    // a handful is tested in full, 12 hires get 2 to 5, not 25 to 60.
    assert_eq!(Frequency::PerEvent.sample(3), Some((3, 3)));
    assert_eq!(Frequency::PerEvent.sample(4), Some((4, 4)));
    assert_eq!(Frequency::PerEvent.sample(5), Some((2, 5)));
    assert_eq!(Frequency::PerEvent.sample(12), Some((2, 5)));
    assert_eq!(Frequency::PerEvent.sample(13), Some((5, 13)));
    assert_eq!(Frequency::PerEvent.sample(52), Some((5, 15)));
    assert_eq!(Frequency::PerEvent.sample(300), Some((20, 40)));
    assert_eq!(Frequency::PerEvent.sample(500), Some((25, 60)));
}
