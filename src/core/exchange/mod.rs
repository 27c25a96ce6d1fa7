//! Files the user exchanges with the app and with other tools.

pub mod json;

pub use json::{
    ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION, ImportError, MAX_IMPORT_BYTES, export_json,
    import_json,
};
