//! Files the user exchanges with the app and with other tools.
//!
//! - [`json`]: the assessment document (export, import, local storage), with
//!   [`migrate`] upgrading older format versions;
//! - [`csv`]: tables such as the gap list, for spreadsheets;
//! - [`oscal`]: OSCAL 1.1 assessment results and POA&M documents;
//! - [`ics`]: an iCalendar file of the assessment's dates;
//! - [`peek`]: a stored document's revision, read without a JSON library.

pub mod csv;
mod error;
pub mod export;
pub mod ics;
pub mod json;
pub mod migrate;
pub mod oscal;
pub mod peek;
pub mod sealed;
/// Strict JSON parsing, and [`strict::error_path`] for any reader of JSON
/// text in the core (such as bank files) to name the place of an error.
pub(crate) mod strict;

pub use error::{ImportError, MAX_IMPORT_BYTES, Position};
pub use json::{
    ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION, bank_for, bank_index, export_json, import_json,
    stored_json,
};
pub use migrate::OLDEST_FORMAT_VERSION;
