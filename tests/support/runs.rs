//! Run days for periodic controls in test assessments.

use soc2_readiness::core::assessment::{Action, Assessment, reduce};
use soc2_readiness::core::bank::Bank;
use soc2_readiness::core::cadence::Occurrences;
use soc2_readiness::core::date::Day;

/// Records a run of question `q` on the first day of each of its windows
/// over the first half of 2026, when it is a periodic control.
pub fn every_window_of_h1_2026(bank: &Bank, mut a: Assessment, q: &str) -> Assessment {
    let day = |s| Day::parse(s).expect("a valid test date");
    let windows = bank
        .question(q)
        .and_then(|q| q.frequency)
        .and_then(|f| {
            Occurrences::over(
                f,
                day("2026-01-01"),
                day("2026-06-30"),
                [],
                day("2026-07-01"),
            )
        })
        .map(|o| o.windows)
        .unwrap_or_default();
    for w in windows {
        a = reduce(&a, Action::SetRun(q.to_owned(), w.first, true));
    }
    a
}
