//! Reading a question bank from its JSON file (serde's reader, and the
//! bank's checks behind it). In the split build this is the `bank` module,
//! fetched the first time a bank file is read: the full built-in bank right
//! after start, a custom bank the user loads, or the custom banks stored
//! here (before the app starts, and only when there are some). The
//! built-in bank's core needs none of it (`core::bank::compact`).

use crate::core::{Bank, BankError};

/// Reads a bank file.
pub type Reader = fn(&str) -> Result<Bank, BankError>;

crate::split_kept! {
    /// The reader, kept once loaded.
    readers, pub mod kept: Reader = Bank::from_json;
}

/// `loaded()` has the reader if loaded; `load().await` loads first if need be.
pub use kept::{load, loaded};

/// Reads a bank file, loading the reader first if need be.
pub async fn read(text: &str) -> Result<Bank, String> {
    let reader = load().await.map_err(|e| e.to_string())?;
    reader(text).map_err(|e| e.to_string())
}
