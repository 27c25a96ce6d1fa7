//! Small pieces shared by the register screens' forms: reading inputs, and
//! callbacks that edit a copy of a record and save it if it changed.

use crate::core::Action;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The value of the text or date input that fired `e`.
pub fn value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The value of the textarea that fired `e`.
pub fn area_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlTextAreaElement>().value()
}

/// Whether the checkbox that fired `e` is ticked.
pub fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

/// Ids written comma-, semicolon- or space-separated, as a list.
pub fn ids(text: &str) -> Vec<String> {
    text.split([',', ' ', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A callback that applies `f` to a copy of `record` and, if that changed
/// it, emits `save(copy)`.
pub fn edited<T, E>(
    record: &T,
    on_edit: &Callback<Action>,
    save: fn(T) -> Action,
    f: impl Fn(&mut T, &E) + 'static,
) -> Callback<E>
where
    T: Clone + PartialEq + 'static,
    E: 'static,
{
    let (record, on_edit) = (record.clone(), on_edit.clone());
    Callback::from(move |e: E| {
        let mut next = record.clone();
        f(&mut next, &e);
        if next != record {
            on_edit.emit(save(next));
        }
    })
}
