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
use crate::core::evaluate::Evaluation;
use std::rc::Rc;

/// The loaded bank, compared by identity so props stay cheap to compare.
#[derive(Clone, Debug)]
pub struct BankHandle(pub Rc<Bank>);

impl PartialEq for BankHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Every loaded bank: the built-in one first, then custom ones by id.
#[derive(Clone, Debug)]
pub struct Banks(pub Rc<Vec<BankHandle>>);

impl PartialEq for Banks {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Banks {
    /// The bank shipped with the app (always loaded, always first).
    pub fn builtin(&self) -> &BankHandle {
        &self.0[0]
    }

    pub fn get(&self, id: &str) -> Option<&BankHandle> {
        self.0.iter().find(|b| b.0.id == id)
    }

    /// The bank an assessment was answered with, else the built-in one.
    pub fn for_id(&self, id: &str) -> &BankHandle {
        self.get(id).unwrap_or(self.builtin())
    }

    pub fn refs(&self) -> Vec<&Bank> {
        self.0.iter().map(|b| &*b.0).collect()
    }

    /// With `bank` added, or replacing the custom bank of the same id.
    pub fn with(&self, bank: Bank) -> Banks {
        let mut list: Vec<BankHandle> = self
            .0
            .iter()
            .filter(|b| b.0.id != bank.id)
            .cloned()
            .collect();
        list.push(BankHandle(Rc::new(bank)));
        Banks(Rc::new(list))
    }

    /// Without the custom bank `id` (the built-in one stays).
    pub fn without(&self, id: &str) -> Banks {
        let builtin = &self.builtin().0.id;
        Banks(Rc::new(
            self.0
                .iter()
                .filter(|b| b.0.id != id || &b.0.id == builtin)
                .cloned()
                .collect(),
        ))
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
