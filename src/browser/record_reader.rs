//! Reading assessment documents: the strict importer with its migrations
//! (`core::exchange`), and the password-protected envelope. In the split
//! build this is the `records` module, fetched the first time a document is
//! read: before the app starts when assessments are stored (a first visit
//! has none), or when the user imports a file.

use crate::core::exchange::sealed::{Sealed, is_sealed};
use crate::core::exchange::{bank_for, import_json};
use crate::core::register::{RegisterJudge, judge_register};
use crate::core::{Assessment, Bank};

/// The readers, as plain function pointers into the module.
#[derive(Clone, Copy)]
pub struct Readers {
    /// An assessment document, checked against the bank it names among those given.
    pub document: fn(&[u8], &[&Bank]) -> Result<Assessment, String>,
    /// A password-protected envelope: `None` when the bytes are not one.
    pub sealed: fn(&[u8]) -> Option<Result<Sealed, String>>,
    /// The rules that judge the vendor register and the description draft.
    /// Here because an assessment that has them was read (or is being
    /// written on a screen that loads these readers first).
    pub register: RegisterJudge,
}

fn document(bytes: &[u8], banks: &[&Bank]) -> Result<Assessment, String> {
    let bank = bank_for(bytes, banks).ok_or("no question bank is loaded")?;
    import_json(bytes, bank).map_err(|e| e.to_string())
}

fn sealed(bytes: &[u8]) -> Option<Result<Sealed, String>> {
    is_sealed(bytes).then(|| Sealed::from_json(bytes).map_err(|e| e.to_string()))
}

const HERE: Readers = Readers {
    document,
    sealed,
    register: judge_register,
};

crate::split_kept! {
    /// The readers, kept once loaded.
    readers, pub mod kept: Readers = HERE;
}

/// `loaded()` has the readers if loaded; `load().await` loads first if need be.
pub use kept::{load, loaded};
