//! The Yew UI: a thin layer that renders values derived by the core and
//! turns DOM events into [`crate::core::Action`]s.

pub mod app;
pub mod exports;
pub mod route;
mod screens;
pub mod settings;
pub mod state;
mod widgets;

pub use app::App;
pub use settings::Settings;

use crate::core::Bank;
use crate::core::score::Evaluation;
use std::rc::Rc;

/// The loaded bank, compared by identity so props stay cheap to compare.
#[derive(Clone, Debug)]
pub struct BankHandle(pub Rc<Bank>);

impl PartialEq for BankHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Scores, outcome and roadmap of the open assessment, derived once per
/// change and shared by identity.
#[derive(Clone, Debug)]
pub struct Derived(pub Rc<Evaluation>);

impl PartialEq for Derived {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
