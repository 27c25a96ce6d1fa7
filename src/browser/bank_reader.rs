//! Reading a question bank from its JSON file (serde's reader, and the
//! bank's checks behind it). In the split build this is the `bank` module,
//! fetched the first time a bank file is read: the full built-in bank right
//! after start, a custom bank the user loads, or the custom banks stored
//! here (before the app starts, and only when there are some). The
//! built-in bank's core needs none of it (`core::bank::compact`).

use crate::core::{Bank, BankError};
use crate::split::LoadFailed;

/// Reads a bank file.
pub type Reader = fn(&str) -> Result<Bank, BankError>;

crate::split_fn!(
    #[cfg_attr(not(feature = "split"), allow(dead_code))]
    readers,
    fn reader_in_module() -> Reader {
        Bank::from_json
    }
);

#[cfg(feature = "split")]
thread_local! {
    static LOADED: std::cell::Cell<Option<Reader>> = const { std::cell::Cell::new(None) };
}

/// The reader, if it is loaded (always, without the split).
pub fn loaded() -> Option<Reader> {
    #[cfg(feature = "split")]
    return LOADED.get();
    #[cfg(not(feature = "split"))]
    Some(Bank::from_json)
}

/// The reader, loading it first if need be.
pub async fn load() -> Result<Reader, LoadFailed> {
    if let Some(reader) = loaded() {
        return Ok(reader);
    }
    #[cfg(feature = "split")]
    {
        let reader = reader_in_module().await?;
        LOADED.set(Some(reader));
        Ok(reader)
    }
    #[cfg(not(feature = "split"))]
    Ok(Bank::from_json)
}

/// Reads a bank file, loading the reader first if need be.
pub async fn read(text: &str) -> Result<Bank, String> {
    let reader = load().await.map_err(|e| e.to_string())?;
    reader(text).map_err(|e| e.to_string())
}
