//! Keeping a `<select>` in step with state.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The value of the select that fired `e`.
pub fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// Keeps a select showing `value`. An option's `selected` attribute stops
/// applying once the user has picked another option, so the value is also
/// set on the element after each change.
#[hook]
pub fn use_select_value(value: String) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(value, move |value| {
            if let Some(select) = node.cast::<HtmlSelectElement>() {
                select.set_value(value);
            }
        });
    }
    node
}
