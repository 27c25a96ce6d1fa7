//! The pure domain: no yew, web_sys, gloo or wasm_bindgen in here, so all of
//! it runs and is tested on the host with plain `cargo test`.

pub mod assessment;
pub mod bank;
pub mod cadence;
pub mod carry;
pub mod catalog;
pub mod commitment;
pub mod crosswalk;
pub mod date;
pub mod description;
pub mod diff;
pub mod evaluate;
pub mod exchange;
pub mod fieldwork;
pub mod operation;
pub mod order;
pub mod outcome;
pub mod plan;
pub mod precheck;
pub mod reference;
pub mod register;
pub mod roadmap;
pub mod score;
pub mod text;
pub mod vendor;

pub use assessment::{Action, Answer, Assessment, Status, reduce};
pub use bank::{Bank, BankError, Question};
pub use catalog::Category;
pub use date::Day;
pub use evaluate::{Evaluation, evaluate};

/// The built-in bank file, shipped inside the Wasm so the app needs no fetch:
/// `static/bank/soc2-bank.json` without its whitespace (see `build.rs`).
pub const BUILTIN_BANK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/soc2-bank.min.json"));

/// Parses the built-in bank. A broken built-in bank is a release bug, and the
/// host tests check this parse, so the UI can treat an error as fatal.
pub fn builtin_bank() -> Result<Bank, BankError> {
    Bank::from_json(BUILTIN_BANK_JSON)
}

/// The built-in bank's core, what the app embeds: the same questions,
/// criteria, weights, key controls, frequencies, evidence counts and
/// validities, efforts and conditions, with each question's long texts
/// replaced by stand-ins (see `build.rs`). Enough to score, judge and plan;
/// the app fetches `bank/soc2-bank.json` right after start and swaps in
/// the full bank once [`Bank::same_questions`] says it matches.
pub const BUILTIN_BANK_CORE: &str = include_str!(concat!(env!("OUT_DIR"), "/soc2-bank.core.txt"));

/// Reads [`BUILTIN_BANK_CORE`], marked as waiting for its texts.
pub fn builtin_bank_core() -> Result<Bank, BankError> {
    let mut bank = Bank::from_compact(BUILTIN_BANK_CORE)?;
    bank.texts_pending = true;
    Ok(bank)
}
