//! The app's state and its reducer: the only place assessments change.

use super::Banks;
use super::route::Route;
use crate::browser::clock;
use crate::core::Bank;
use crate::core::order;
use crate::core::{Action, Assessment, reduce};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::{Callback, Reducible};

/// What the user can do from anywhere: navigate, send messages, and keep or
/// drop a custom bank (which the shell writes to storage first).
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub dispatch: Callback<Msg>,
    pub navigate: Callback<Route>,
    /// A validated custom bank and its file text.
    pub keep_bank: Callback<(Bank, String)>,
    /// Removes the custom bank of this id and version.
    pub drop_bank: Callback<(String, String)>,
    /// Asks for the crosswalk tables, which load only once a screen needs them.
    pub want_crosswalks: Callback<()>,
    /// The vendor's settings, read once at start.
    pub settings: super::settings::Settings,
    /// Every bank the app has: the built-in one first.
    pub banks: Banks,
    /// The crosswalk tables, as far as they have loaded.
    pub crosswalks: super::Crosswalks,
}

/// Why the questions show stand-ins for their long texts.
pub fn texts_missing(why: &str) -> Notice {
    Notice::error(format!(
        "The questions' guidance, evidence lists and remediation steps could not be loaded ({why}). Answers, scores and the outcome work without them; reload the page to try again."
    ))
}

/// A new, empty assessment with a fresh id.
pub fn new_assessment(bank: &Bank, name: &str) -> Assessment {
    Assessment::new(clock::new_id(), name.to_owned(), bank, clock::now_rfc3339())
}

/// A message shown to the user until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// A file the user can download with the notice (an unreadable record,
    /// or an assessment storage could not keep).
    pub attachment: Option<Attachment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// What the download button says.
    pub label: String,
    pub filename: String,
    pub contents: String,
}

impl Attachment {
    /// The assessment as an export file, offered where it could not be kept.
    pub fn export(a: &Assessment) -> Attachment {
        Attachment {
            label: format!("Export {}", crate::core::text::named(&a.name)),
            filename: crate::browser::file::safe_filename(&a.name, "", "soc2.json"),
            contents: crate::core::exchange::export_json(a),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

impl Notice {
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            level: Level::Info,
            text: text.into(),
            attachment: None,
        }
    }
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            level: Level::Error,
            text: text.into(),
            attachment: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The built-in bank and any custom banks the user loaded.
    pub banks: Banks,
    /// Every assessment, keyed by id.
    pub assessments: BTreeMap<String, Rc<Assessment>>,
    pub notices: Vec<Notice>,
}

pub enum Msg {
    /// A user edit of one assessment.
    Edit(String, Action),
    /// Add a new, duplicated or imported assessment, or replace one after
    /// the user confirmed it.
    Put(Assessment),
    Delete(String),
    /// A custom bank was loaded (and stored), or replaced one of its id.
    AddBank(Bank),
    /// A custom bank no assessment uses was removed.
    RemoveBank(String, String),
    /// The built-in bank's full file arrived, checked to ask the same
    /// questions as the embedded core it replaces.
    BuiltinTexts(Bank),
    /// A newer save of an assessment from another tab.
    External(Assessment),
    /// Another tab deleted this assessment (or erased all data).
    Forget(String),
    Notify(Notice),
    Dismiss(usize),
}

impl AppState {
    pub fn get(&self, id: &str) -> Option<&Rc<Assessment>> {
        self.assessments.get(id)
    }

    /// Most recently changed first.
    pub fn by_recency(&self) -> Vec<Rc<Assessment>> {
        let mut all: Vec<_> = self.assessments.values().cloned().collect();
        order::sort_by(&mut all, |a, b| {
            b.updated.cmp(&a.updated).then_with(|| a.name.cmp(&b.name))
        });
        all
    }

    fn with(self: &Rc<Self>, change: impl FnOnce(&mut AppState)) -> Rc<Self> {
        let mut next = (**self).clone();
        change(&mut next);
        Rc::new(next)
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Edit(id, action) => {
                let Some(current) = self.assessments.get(&id) else {
                    return self;
                };
                let mut next = reduce(current, action);
                if next == **current {
                    return self; // a no-op edit re-renders nothing
                }
                next.revision = crate::core::assessment::next_revision(next.revision);
                next.updated = clock::now_rfc3339();
                self.with(|s| {
                    s.assessments.insert(id, Rc::new(next));
                })
            }
            Msg::Put(a) => self.with(|s| {
                s.assessments.insert(a.id.clone(), Rc::new(a));
            }),
            Msg::Delete(id) => self.with(|s| {
                s.assessments.remove(&id);
            }),
            Msg::Forget(id) => match self.assessments.get(&id).cloned() {
                Some(gone) => self.with(|s| {
                    s.assessments.remove(&id);
                    s.notices.push(Notice {
                        attachment: Some(Attachment::export(&gone)),
                        ..Notice::info(format!(
                            "{} was deleted in another tab (or all data was erased there); \
                             export this copy if you still need it.",
                            crate::core::text::named(&gone.name)
                        ))
                    });
                }),
                None => self,
            },
            Msg::AddBank(bank) => self.with(|s| s.banks = s.banks.with(bank)),
            Msg::RemoveBank(id, version) => self.with(|s| s.banks = s.banks.without(&id, &version)),
            Msg::BuiltinTexts(full) => self.with(|s| match s.banks.with_builtin_texts(full) {
                Some(banks) => s.banks = banks,
                None => s.notices.push(texts_missing(
                    "bank/soc2-bank.json is not the file of this build",
                )),
            }),
            Msg::External(newer) => {
                let older = self.assessments.get(&newer.id);
                if older.is_some_and(|o| o.revision >= newer.revision) {
                    return self;
                }
                self.with(|s| {
                    s.notices.push(Notice::info(format!(
                        "{} was changed in another tab; showing the newer answers.",
                        crate::core::text::named(&newer.name)
                    )));
                    s.assessments.insert(newer.id.clone(), Rc::new(newer));
                })
            }
            Msg::Notify(notice) => {
                if self.notices.contains(&notice) {
                    return self;
                }
                // The same message again (say, each failed save) updates the
                // one shown instead of stacking copies.
                self.with(
                    |s| match s.notices.iter_mut().find(|n| n.text == notice.text) {
                        Some(shown) => *shown = notice,
                        None => s.notices.push(notice),
                    },
                )
            }
            Msg::Dismiss(ix) => self.with(|s| {
                if ix < s.notices.len() {
                    s.notices.remove(ix);
                }
            }),
        }
    }
}
