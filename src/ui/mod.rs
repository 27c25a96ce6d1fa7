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

    /// Why `bank` must not take the place of the loaded bank of its id:
    /// assessments answered against that one would be judged against other
    /// questions (re-scored) or carried to another version. `None` when
    /// nothing uses it, or the file is the same bank again.
    pub fn replacement_problem<'a>(
        &self,
        bank: &Bank,
        assessments: impl Iterator<Item = &'a crate::core::Assessment>,
    ) -> Option<String> {
        let old = self.get(&bank.id)?;
        if *old.0 == *bank {
            return None;
        }
        let used = assessments.filter(|a| a.bank.id == bank.id).count();
        (used > 0).then(|| {
            let id = crate::core::text::quoted(&bank.id);
            format!(
                "{used} {} answered against {id} version {}; loading version {} in its place \
                 would judge {} against other questions. Give the new bank an id of its own, \
                 or export and delete {} first",
                if used == 1 {
                    "assessment was"
                } else {
                    "assessments were"
                },
                crate::core::text::quoted(&old.0.version),
                crate::core::text::quoted(&bank.version),
                if used == 1 { "it" } else { "them" },
                if used == 1 {
                    "that assessment"
                } else {
                    "those assessments"
                },
            )
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Assessment;

    const MINI: &str = include_str!("../../tests/fixtures/mini-bank.json");

    fn banks() -> (Banks, Bank) {
        let builtin = crate::core::builtin_bank().expect("built-in bank");
        let custom = Bank::from_json(MINI).expect("mini bank");
        let banks = Banks(Rc::new(vec![
            BankHandle(Rc::new(builtin)),
            BankHandle(Rc::new(custom.clone())),
        ]));
        (banks, custom)
    }

    #[test]
    fn a_new_version_of_a_used_custom_bank_never_replaces_it() {
        let (banks, custom) = banks();
        let answered = Assessment::new("a".into(), "A".into(), &custom, "t".into());
        let mut newer = custom.clone();
        newer.version = "2".into();
        let problem = banks
            .replacement_problem(&newer, [&answered].into_iter())
            .expect("refused");
        assert!(
            problem.starts_with("1 assessment was answered against"),
            "{problem}"
        );
        assert!(problem.contains("version") && problem.contains("id of its own"));
        // Unused, or the very same bank again: loading it is fine.
        assert_eq!(banks.replacement_problem(&newer, std::iter::empty()), None);
        assert_eq!(
            banks.replacement_problem(&custom, [&answered].into_iter()),
            None
        );
        // Another bank's assessments do not count.
        let other = Assessment::new(
            "b".into(),
            "B".into(),
            &crate::core::builtin_bank().expect("built-in"),
            "t".into(),
        );
        assert_eq!(
            banks.replacement_problem(&newer, [&other].into_iter()),
            None
        );
    }
}
