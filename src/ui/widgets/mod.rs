//! Small reusable pieces of the UI.

pub mod bar;
pub mod import;
