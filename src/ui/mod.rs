//! The Yew UI: a thin layer that renders values derived by the core and
//! turns DOM events into [`crate::core::Action`]s.

pub mod app;
mod lazy;
pub mod route;
mod screens;
pub mod settings;
pub mod state;
mod widgets;

pub use app::App;
pub use settings::Settings;

use crate::core::Bank;
use crate::core::assessment::BankRef;
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

/// Every loaded bank: the built-in one first, then custom ones, each kept
/// by id and version, so versions of one bank sit side by side and every
/// assessment stays judged against the questions it was answered with.
#[derive(Clone, Debug)]
pub struct Banks(pub Rc<Vec<BankHandle>>);

impl PartialEq for Banks {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What loading a custom bank file would do to the loaded banks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankLoad {
    /// A new bank, or a new version of one: added beside the others.
    Add,
    /// The very same bank is already loaded.
    Same,
    /// Same id and version, other content, and no assessment uses the
    /// loaded one: replacing it needs the user's yes.
    ReplaceUnused,
    /// Same id and version, other content, and assessments use the loaded
    /// one: refused, with why.
    Refused(String),
}

impl Banks {
    /// The bank shipped with the app (always loaded, always first).
    pub fn builtin(&self) -> &BankHandle {
        &self.0[0]
    }

    pub fn get(&self, id: &str, version: &str) -> Option<&BankHandle> {
        self.0
            .iter()
            .find(|b| b.0.id == id && b.0.version == version)
    }

    /// The bank an assessment was answered with; else the last loaded
    /// version of its id (the built-in bank carries older versions'
    /// answers forward); else the built-in one.
    pub fn for_ref(&self, bank: &BankRef) -> &BankHandle {
        crate::core::exchange::bank_index(bank, &self.refs())
            .and_then(|ix| self.0.get(ix))
            .unwrap_or(self.builtin())
    }

    pub fn refs(&self) -> Vec<&Bank> {
        self.0.iter().map(|b| &*b.0).collect()
    }

    /// With `bank` added, or replacing the custom bank of the same id and version.
    pub fn with(&self, bank: Bank) -> Banks {
        let mut list: Vec<BankHandle> = self
            .0
            .iter()
            .filter(|b| !(b.0.id == bank.id && b.0.version == bank.version))
            .cloned()
            .collect();
        list.push(BankHandle(Rc::new(bank)));
        Banks(Rc::new(list))
    }

    /// The built-in bank's full texts in place of its embedded core, if
    /// `full` asks exactly the same questions; `None` if it does not.
    pub fn with_builtin_texts(&self, full: Bank) -> Option<Banks> {
        if !self.builtin().0.same_questions(&full) {
            return None;
        }
        let mut list: Vec<BankHandle> = self.0.iter().cloned().collect();
        list[0] = BankHandle(Rc::new(full));
        Some(Banks(Rc::new(list)))
    }

    /// What loading `bank` would do. Assessments answered against a loaded
    /// bank are never re-judged against other questions: a file with the
    /// same id and version but other content is refused while any uses it.
    pub fn load_of<'a>(
        &self,
        bank: &Bank,
        assessments: impl Iterator<Item = &'a crate::core::Assessment>,
    ) -> BankLoad {
        let Some(old) = self.get(&bank.id, &bank.version) else {
            return BankLoad::Add;
        };
        if *old.0 == *bank {
            return BankLoad::Same;
        }
        let used = assessments.filter(|a| uses(a, &old.0)).count();
        if used == 0 {
            return BankLoad::ReplaceUnused;
        }
        let them = if used == 1 { "it" } else { "them" };
        BankLoad::Refused(format!(
            "{} answered against {} version {} as loaded; this file has other content under \
             the same id and version, and would judge {them} against other questions. Give \
             the changed bank a new version (it is then kept beside the old one)",
            crate::core::text::plural(used, "assessment was", "assessments were"),
            crate::core::text::quoted(&bank.id),
            crate::core::text::quoted(&bank.version),
        ))
    }

    /// Without the custom bank `id` at `version` (the built-in one stays).
    pub fn without(&self, id: &str, version: &str) -> Banks {
        Banks(Rc::new(
            self.0
                .iter()
                .enumerate()
                .filter(|(ix, b)| *ix == 0 || !(b.0.id == id && b.0.version == version))
                .map(|(_, b)| b.clone())
                .collect(),
        ))
    }
}

/// Whether `assessment` was answered against `bank` (this id and version).
pub fn uses(assessment: &crate::core::Assessment, bank: &Bank) -> bool {
    assessment.bank.id == bank.id && assessment.bank.version == bank.version
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
    fn the_full_built_in_bank_replaces_its_core_only_if_it_asks_the_same() {
        let core = crate::core::builtin_bank_core().expect("core");
        let custom = Bank::from_json(MINI).expect("mini bank");
        let banks = Banks(Rc::new(vec![
            BankHandle(Rc::new(core)),
            BankHandle(Rc::new(custom)),
        ]));
        let full = crate::core::builtin_bank().expect("full");
        let swapped = banks
            .with_builtin_texts(full.clone())
            .expect("same questions");
        assert!(!swapped.builtin().0.texts_pending);
        assert_eq!(swapped.builtin().0.questions, full.questions);
        assert!(
            Rc::ptr_eq(&swapped.0[1].0, &banks.0[1].0),
            "custom banks kept"
        );
        let mut other = full;
        other.version = "9".into();
        assert!(banks.with_builtin_texts(other).is_none());
    }

    #[test]
    fn versions_of_a_custom_bank_sit_side_by_side() {
        let (banks, custom) = banks();
        let answered = Assessment::new("a".into(), "A".into(), &custom, "t".into());
        let mut newer = custom.clone();
        newer.version = "2".into();
        newer.questions.truncate(2);
        // A new version is added, whether or not the old one is used.
        assert_eq!(
            banks.load_of(&newer, [&answered].into_iter()),
            BankLoad::Add
        );
        let both = banks.with(newer.clone());
        assert_eq!(both.0.len(), 3);
        // The assessment stays with the version it was answered with; a
        // new one answered with version 2 finds version 2.
        assert_eq!(
            both.for_ref(&answered.bank).0.questions.len(),
            custom.questions.len()
        );
        let on_two = Assessment::new("b".into(), "B".into(), &newer, "t".into());
        assert_eq!(both.for_ref(&on_two.bank).0.questions.len(), 2);
        // A version no longer loaded falls back to the last one of its id.
        let gone = both.without("mini", "1");
        assert_eq!(gone.0.len(), 2);
        assert_eq!(gone.for_ref(&answered.bank).0.version, "2");
        // The built-in bank cannot be removed.
        let builtin = banks.builtin().0.clone();
        assert_eq!(banks.without(&builtin.id, &builtin.version).0.len(), 2);
    }

    #[test]
    fn other_content_under_a_loaded_id_and_version_asks_or_is_refused() {
        let (banks, custom) = banks();
        let answered = Assessment::new("a".into(), "A".into(), &custom, "t".into());
        let mut edited = custom.clone();
        edited.title = "Mini bank, edited".into();
        assert_eq!(
            banks.load_of(&edited, std::iter::empty()),
            BankLoad::ReplaceUnused
        );
        let BankLoad::Refused(why) = banks.load_of(&edited, [&answered].into_iter()) else {
            panic!("a used bank must not be replaced");
        };
        assert!(
            why.starts_with("1 assessment was answered against") && why.contains("new version"),
            "{why}"
        );
        assert_eq!(
            banks.load_of(&custom, [&answered].into_iter()),
            BankLoad::Same
        );
        // Another bank's assessments do not count.
        let other = Assessment::new(
            "b".into(),
            "B".into(),
            &crate::core::builtin_bank().expect("built-in"),
            "t".into(),
        );
        assert_eq!(
            banks.load_of(&edited, [&other].into_iter()),
            BankLoad::ReplaceUnused
        );
    }
}

/// One shipped crosswalk as the app has it: loading right after start,
/// ready, or not to be had (and why).
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    Loading,
    Ready(Rc<crate::core::crosswalk::Crosswalk>),
    Failed(String),
}

/// The shipped crosswalks, in [`crate::core::crosswalk::SHIPPED`] order.
#[derive(Clone, Debug, PartialEq)]
pub struct Crosswalks(pub Rc<Vec<(&'static str, Loaded)>>);

impl Crosswalks {
    pub fn loading() -> Crosswalks {
        Crosswalks(Rc::new(
            crate::core::crosswalk::SHIPPED
                .iter()
                .map(|id| (*id, Loaded::Loading))
                .collect(),
        ))
    }

    pub fn get(&self, id: &str) -> Option<&Loaded> {
        self.0.iter().find(|(i, _)| *i == id).map(|(_, l)| l)
    }

    /// Those loaded, for exports.
    pub fn ready(&self) -> Vec<&crate::core::crosswalk::Crosswalk> {
        self.0
            .iter()
            .filter_map(|(_, l)| match l {
                Loaded::Ready(cw) => Some(&**cw),
                _ => None,
            })
            .collect()
    }

    /// Whether every crosswalk has arrived or failed.
    pub fn settled(&self) -> bool {
        self.0.iter().all(|(_, l)| !matches!(l, Loaded::Loading))
    }
}
