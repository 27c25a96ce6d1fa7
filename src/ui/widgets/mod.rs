//! Small reusable pieces of the UI.

pub mod bar;
pub mod criteria;
pub mod form;
pub mod import;
pub mod operation;
pub mod outcome;
pub mod precheck;
pub mod protect;
pub mod radar;
pub mod register;
pub mod select;
