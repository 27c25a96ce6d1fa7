//! Local storage of assessments.
//!
//! Layout, under a namespace an embedding site may choose (default `soc2r`):
//! - `{ns}/v1/assessment/{id}`: one assessment document per key, so one
//!   broken record cannot take the others down;
//! - `{ns}/v1/bank/{id}/{version}`: a custom question bank the user loaded,
//!   as its original file text (versions of one bank side by side; earlier
//!   releases wrote `{ns}/v1/bank/{id}`, still read).
//!
//! [`Store::stored_keys`] lists every key under `{ns}/` and
//! [`Store::erase_all`] removes them all: the user's "erase all my data".
//!
//! A record that cannot be read is never deleted or overwritten: the app
//! reports it and offers its raw text for download.

use crate::core::Assessment;
use crate::core::bank::Bank;
use crate::core::exchange::stored_json;
use crate::core::order;
use std::cell::RefCell;

pub const DEFAULT_NAMESPACE: &str = "soc2r";

/// Why a write did not happen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error(
        "browser storage is full; your answers are kept in this tab only. Export them to a file now."
    )]
    Full,
    #[error(
        "browser storage refused the write ({0}); your answers are kept in this tab only. Export them to a file."
    )]
    Refused(String),
    #[error(
        "a newer version of this assessment was saved in another tab (revision {stored}, this tab has {ours}); reload to see it"
    )]
    NewerSaved { stored: u64, ours: u64 },
    #[error(
        "its stored copy cannot be read, so it was not overwritten (download that copy from Your data); export this one to keep it"
    )]
    Unreadable,
    #[error(
        "it was deleted in another tab (or all data was erased there), so it was not saved again; export it to keep it"
    )]
    DeletedElsewhere,
}

/// A stored record that could not be read, kept as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenRecord {
    pub key: String,
    pub raw: String,
    /// What is wrong with it, in words.
    pub error: String,
}

/// What was found in storage at start-up.
#[derive(Debug, Default)]
pub struct Loaded {
    pub assessments: Vec<Assessment>,
    pub broken: Vec<BrokenRecord>,
}

/// One stored key of this namespace and the space it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredKey {
    pub key: String,
    /// Key and value as the browser keeps them (UTF-16, two bytes a unit).
    pub bytes: usize,
}

/// Local storage when the browser offers it, else memory for this tab only
/// (sandboxed iframes, disabled storage).
pub struct Store {
    local: Option<web_sys::Storage>,
    /// (key, value) pairs; a handful at most, so a list does.
    memory: RefCell<Vec<(String, String)>>,
    /// `{ns}/`: every key of this namespace, whatever its format version.
    namespace_prefix: String,
    prefix: String,
}

impl Store {
    pub fn open(namespace: &str) -> Store {
        // `local_storage()` throws in some sandboxes instead of returning None.
        let local = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        Store {
            local,
            ..Store::in_memory(namespace)
        }
    }

    /// A store that keeps everything in this tab's memory only: what
    /// [`Store::open`] falls back to where the browser refuses storage.
    pub fn in_memory(namespace: &str) -> Store {
        Store {
            local: None,
            memory: RefCell::new(Vec::new()),
            namespace_prefix: format!("{namespace}/"),
            prefix: format!("{namespace}/v1/"),
        }
    }

    /// Whether the user chose to keep answers in this browser when the app
    /// runs from a file on disk (where the default is this tab only).
    pub fn kept_in_browser(namespace: &str) -> bool {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(&keep_key(namespace)).ok().flatten())
            .is_some_and(|v| v == "yes")
    }

    /// Records that choice (under the namespace, so "erase all" forgets it),
    /// and that this tab's user made it (see [`Store::confirmed_this_session`]).
    pub fn keep_in_browser(namespace: &str) -> Result<(), StorageError> {
        let store = Store::open(namespace);
        store.set(&keep_key(namespace), "yes")?;
        if let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let _ = session.set_item(&confirm_key(namespace), "yes");
        }
        Ok(())
    }

    /// Whether the user of this tab said that what the storage for files
    /// holds is theirs. Any HTML file opened from disk can write that storage
    /// (the opt-in flag, records, banks); only this tab's session storage
    /// tells that the choice was made here.
    pub fn confirmed_this_session(namespace: &str) -> bool {
        web_sys::window()
            .and_then(|w| w.session_storage().ok().flatten())
            .and_then(|s| s.get_item(&confirm_key(namespace)).ok().flatten())
            .is_some_and(|v| v == "yes")
    }

    /// How many assessment and bank records the browser's storage holds
    /// under `namespace`, by their keys alone (nothing is read or parsed).
    pub fn kept_counts(namespace: &str) -> (usize, usize) {
        let store = Store::open(namespace);
        let assessments = store.keys_under(&store.assessment_key("")).len();
        let banks = store.keys_under(&store.bank_key("")).len();
        (assessments, banks)
    }

    /// The prefix of every key this store writes, e.g. `soc2r/v1/`.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// False when answers live only in this tab's memory.
    pub fn is_persistent(&self) -> bool {
        self.local.is_some()
    }

    fn assessment_key(&self, id: &str) -> String {
        format!("{}assessment/{id}", self.prefix)
    }

    fn bank_key(&self, id: &str) -> String {
        format!("{}bank/{id}", self.prefix)
    }

    fn bank_version_key(&self, id: &str, version: &str) -> String {
        format!("{}bank/{id}/{version}", self.prefix)
    }

    /// Stored keys starting with `prefix`, sorted.
    fn keys_under(&self, prefix: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(prefix))
            .collect();
        order::sort(&mut keys);
        keys
    }

    fn delete(&self, key: &str) -> Result<(), StorageError> {
        match &self.local {
            Some(s) => s.remove_item(key).map_err(|e| {
                StorageError::Refused(e.as_string().unwrap_or_else(|| format!("{e:?}")))
            }),
            None => {
                self.memory.borrow_mut().retain(|(k, _)| k != key);
                Ok(())
            }
        }
    }

    fn get(&self, key: &str) -> Option<String> {
        match &self.local {
            Some(s) => s.get_item(key).ok().flatten(),
            None => self
                .memory
                .borrow()
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone()),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match self.set_once(key, value) {
            // The kept screen (static/boot.js) gives way to the user's records.
            Err(StorageError::Full) if self.get(&self.paint_key()).is_some() => {
                self.delete(&self.paint_key())?;
                self.set_once(key, value)
            }
            other => other,
        }
    }

    /// Where static/boot.js keeps the screen the user left.
    fn paint_key(&self) -> String {
        format!("{}paint", self.prefix)
    }

    fn set_once(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match &self.local {
            Some(s) => s.set_item(key, value).map_err(|e| {
                let name = js_sys::Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                if name == "QuotaExceededError" {
                    StorageError::Full
                } else {
                    StorageError::Refused(name)
                }
            }),
            None => {
                let mut memory = self.memory.borrow_mut();
                memory.retain(|(k, _)| k != key);
                memory.push((key.to_owned(), value.to_owned()));
                Ok(())
            }
        }
    }

    fn keys(&self) -> Vec<String> {
        match &self.local {
            Some(s) => {
                let n = s.length().unwrap_or(0);
                (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
            }
            None => self
                .memory
                .borrow()
                .iter()
                .map(|(k, _)| k.clone())
                .collect(),
        }
    }

    /// Reads every stored assessment, each against the bank it names among
    /// `banks`; unreadable ones are reported, not dropped.
    pub fn load(&self, banks: &[&Bank]) -> Loaded {
        let record_prefix = self.assessment_key("");
        let mut loaded = Loaded::default();
        for key in self.keys_under(&record_prefix) {
            let Some(raw) = self.get(&key) else { continue };
            // The app loads the readers before it reads stored records
            // (src/ui/app.rs); without them a record is reported, kept.
            let imported = match super::record_reader::loaded() {
                Some(readers) => (readers.document)(raw.as_bytes(), banks),
                None => Err("the assessment reader could not be loaded".to_owned()),
            };
            match imported {
                Ok(mut a) => {
                    // The key is the authority on identity.
                    a.id = key[record_prefix.len()..].to_owned();
                    loaded.assessments.push(a);
                }
                Err(error) => loaded.broken.push(BrokenRecord { key, raw, error }),
            }
        }
        loaded
    }

    /// Whether custom banks are stored under `namespace` in this browser's
    /// local storage (then the app loads the bank reader before it starts).
    pub fn any_banks(namespace: &str) -> bool {
        Self::any_under(&format!("{namespace}/v1/bank/"))
    }

    /// Whether assessments are stored under `namespace` in this browser's
    /// local storage (then the app loads their reader before it starts).
    pub fn any_assessments(namespace: &str) -> bool {
        Self::any_under(&format!("{namespace}/v1/assessment/"))
    }

    fn any_under(prefix: &str) -> bool {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some_and(|s| {
                let n = s.length().unwrap_or(0);
                (0..n).any(|i| {
                    s.key(i)
                        .ok()
                        .flatten()
                        .is_some_and(|k| k.starts_with(prefix))
                })
            })
    }

    /// Reads every stored custom bank; unreadable ones are reported, kept.
    /// A second record of the same id and version (an older release's key
    /// beside the current one) is skipped.
    pub fn load_banks(&self) -> (Vec<Bank>, Vec<BrokenRecord>) {
        let mut banks: Vec<Bank> = Vec::new();
        let mut broken = Vec::new();
        for (key, raw, read) in self.stored_banks() {
            match read {
                Ok(bank) => {
                    if !banks
                        .iter()
                        .any(|b| b.id == bank.id && b.version == bank.version)
                    {
                        banks.push(bank)
                    }
                }
                Err(e) => broken.push(BrokenRecord {
                    key,
                    raw,
                    error: format!("custom question bank: {e}"),
                }),
            }
        }
        (banks, broken)
    }

    fn stored_banks(&self) -> Vec<(String, String, Result<Bank, String>)> {
        self.keys_under(&self.bank_key(""))
            .into_iter()
            .filter_map(|key| {
                let raw = self.get(&key)?;
                // The app loads the reader before it reads stored banks
                // (src/ui/app.rs); without it a record is reported, kept.
                let read = match super::bank_reader::loaded() {
                    Some(reader) => reader(&raw).map_err(|e| e.to_string()),
                    None => Err("the question bank reader could not be loaded".to_owned()),
                };
                Some((key, raw, read))
            })
            .collect()
    }

    /// Keeps a custom bank's file text under its id and version (replacing
    /// only a bank of the same id and version).
    pub fn save_bank(&self, bank: &Bank, raw: &str) -> Result<(), StorageError> {
        let key = self.bank_version_key(&bank.id, &bank.version);
        self.set(&key, raw)?;
        // An older release's record of this id and version would shadow it.
        self.remove_bank_records(&bank.id, &bank.version, Some(&key))
    }

    /// Removes the custom bank `id` at `version`, under whichever key holds it.
    pub fn remove_bank(&self, id: &str, version: &str) -> Result<(), StorageError> {
        self.remove_bank_records(id, version, None)
    }

    fn remove_bank_records(
        &self,
        id: &str,
        version: &str,
        keep: Option<&str>,
    ) -> Result<(), StorageError> {
        for (key, _, read) in self.stored_banks() {
            let matches = read.is_ok_and(|b| b.id == id && b.version == version);
            if matches && Some(key.as_str()) != keep {
                self.delete(&key)?;
            }
        }
        Ok(())
    }

    /// Saves one assessment unless storage holds a newer revision of it, or
    /// a record under its key that cannot be read (kept for the user).
    pub fn save(&self, assessment: &Assessment) -> Result<(), StorageError> {
        self.write(assessment, false)
    }

    /// Saves an assessment this tab saved before: as [`Store::save`], and
    /// also refused when its record is gone, deleted in another tab, so a
    /// delete or "erase all" there is not undone by an edit here.
    pub fn save_again(&self, assessment: &Assessment) -> Result<(), StorageError> {
        self.write(assessment, true)
    }

    fn write(&self, assessment: &Assessment, saved_before: bool) -> Result<(), StorageError> {
        let key = self.assessment_key(&assessment.id);
        match self.get(&key) {
            None if saved_before => return Err(StorageError::DeletedElsewhere),
            None => {}
            Some(raw) => match stored_revision(&raw) {
                None => return Err(StorageError::Unreadable),
                Some(stored) if stored > assessment.revision => {
                    return Err(StorageError::NewerSaved {
                        stored,
                        ours: assessment.revision,
                    });
                }
                Some(_) => {}
            },
        }
        self.set(&key, &stored_json(assessment))
    }

    /// Deletes one assessment (the user confirmed it).
    pub fn remove(&self, id: &str) -> Result<(), StorageError> {
        self.delete(&self.assessment_key(id))
    }

    /// Every key under `{ns}/` (readable or not), sorted, with its size.
    pub fn stored_keys(&self) -> Vec<StoredKey> {
        let mut keys: Vec<StoredKey> = self
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(&self.namespace_prefix))
            .map(|key| {
                let value = self.get(&key).unwrap_or_default();
                let bytes = 2 * (key.encode_utf16().count() + value.encode_utf16().count());
                StoredKey { key, bytes }
            })
            .collect();
        order::sort_by(&mut keys, |a, b| a.key.cmp(&b.key));
        keys
    }

    /// Removes every key under `{ns}/`, including records that could not be
    /// read, and returns how many went. Keys of other namespaces stay.
    pub fn erase_all(&self) -> Result<usize, StorageError> {
        let keys = self.stored_keys();
        for StoredKey { key, .. } in &keys {
            self.delete(key)?;
        }
        Ok(keys.len())
    }

    /// Reads one stored assessment again (after another tab changed it).
    /// Needs the readers loaded (`record_reader::load`); `None` otherwise.
    pub fn reload(&self, id: &str, banks: &[&Bank]) -> Option<Assessment> {
        let raw = self.get(&self.assessment_key(id))?;
        let readers = super::record_reader::loaded()?;
        (readers.document)(raw.as_bytes(), banks).ok().map(|mut a| {
            a.id = id.to_owned();
            a
        })
    }

    /// The assessment id a storage key belongs to, if it is one of ours.
    pub fn id_of_key(&self, key: &str) -> Option<String> {
        key.strip_prefix(&self.assessment_key(""))
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
    }
}

/// The key of the "keep answers in this browser" choice for a file on disk.
fn keep_key(namespace: &str) -> String {
    format!("{namespace}/keep-in-browser")
}

fn confirm_key(namespace: &str) -> String {
    format!("{namespace}/keep-confirmed")
}

/// The revision of a stored document, read without building the assessment
/// (and without serde_json's reader, which nothing else at start needs).
fn stored_revision(raw: &str) -> Option<u64> {
    crate::core::exchange::peek::revision_of(raw)
}
