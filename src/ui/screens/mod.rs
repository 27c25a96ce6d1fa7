//! One module per screen. Each takes the assessment it shows and derives
//! what it needs from the core; none keeps its own copy of scores.

pub mod compare;
pub mod crosswalk;
pub mod dashboard;
pub mod description;
pub mod fieldwork;
pub mod gaps;
pub mod help;
pub mod home;
pub mod privacy;
pub mod questions;
pub mod report;
pub mod scope;
pub mod vendors;

/// `n` with the word for one or for many: "1 gap", "3 gaps".
pub(crate) use crate::core::text::plural;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_word_for_one_or_many() {
        assert_eq!(plural(1, "key", "keys"), "1 key");
        assert_eq!(plural(3, "key", "keys"), "3 keys");
        assert_eq!(
            plural(0, "evidence item", "evidence items"),
            "0 evidence items"
        );
    }
}
