//! The app's state and its reducer: the only place the open assessment changes.

use crate::browser::clock;
use crate::core::{Action, Assessment, Bank, reduce};
use std::rc::Rc;
use yew::Reducible;

/// A message shown to the user until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub level: Level,
    pub text: String,
    /// Raw text the user can download (for unreadable stored records).
    pub raw: Option<(String, String)>,
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
            raw: None,
        }
    }
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            level: Level::Error,
            text: text.into(),
            raw: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub bank: Rc<Bank>,
    pub assessment: Assessment,
    pub notices: Vec<Notice>,
}

pub enum Msg {
    /// A user edit of the open assessment.
    Edit(Action),
    /// Open another assessment (imported, or changed by another tab).
    Open(Assessment),
    /// A newer save of the open assessment from another tab.
    External(Assessment),
    Notify(Notice),
    Dismiss(usize),
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Edit(action) => {
                let mut next = reduce(&self.assessment, action);
                if next == self.assessment {
                    return self; // no re-render for a no-op
                }
                next.revision += 1;
                next.updated = clock::now_rfc3339();
                Rc::new(AppState {
                    assessment: next,
                    ..(*self).clone()
                })
            }
            Msg::Open(assessment) => Rc::new(AppState {
                assessment,
                ..(*self).clone()
            }),
            Msg::External(newer) => {
                let same = newer.id == self.assessment.id;
                if !same || newer.revision <= self.assessment.revision {
                    return self;
                }
                let mut next = (*self).clone();
                next.assessment = newer;
                next.notices.push(Notice::info(
                    "This assessment was changed in another tab; showing the newer answers.",
                ));
                Rc::new(next)
            }
            Msg::Notify(notice) => {
                let mut next = (*self).clone();
                if !next.notices.contains(&notice) {
                    next.notices.push(notice);
                }
                Rc::new(next)
            }
            Msg::Dismiss(ix) => {
                let mut next = (*self).clone();
                if ix < next.notices.len() {
                    next.notices.remove(ix);
                }
                Rc::new(next)
            }
        }
    }
}
