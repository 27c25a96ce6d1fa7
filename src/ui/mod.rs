//! The Yew UI: a thin layer that renders derived values and turns DOM
//! events into [`crate::core::Action`]s.

mod app;
mod exchange;
mod question;
mod scope;
mod state;
mod summary;

pub use app::{App, Settings};
pub use state::{AppState, Msg, Notice};

use crate::core::Bank;
use std::rc::Rc;

/// The loaded bank, compared by identity so props stay cheap to compare.
#[derive(Clone, Debug)]
pub struct BankHandle(pub Rc<Bank>);

impl PartialEq for BankHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
