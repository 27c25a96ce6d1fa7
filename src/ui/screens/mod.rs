//! One module per screen. Each takes the assessment it shows and derives
//! what it needs from the core; none keeps its own copy of scores.

pub mod compare;
pub mod dashboard;
pub mod gaps;
pub mod help;
pub mod home;
pub mod privacy;
pub mod questions;
pub mod report;
pub mod scope;
