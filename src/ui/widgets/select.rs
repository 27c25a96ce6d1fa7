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

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(&'static str, &'static str)>,
    pub value: AttrValue,
    pub onchange: Callback<String>,
}

/// A labelled select over fixed options, kept showing `value`.
#[component]
pub fn Choice(props: &ChoiceProps) -> Html {
    let node = use_select_value(props.value.to_string());
    let onchange = props.onchange.reform(|e: Event| select_value(&e));
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} ref={node} {onchange}>
                { for props.options.iter().map(|(v, l)| html! {
                    <option value={*v} selected={*v == props.value.as_str()}>{ *l }</option>
                }) }
            </select>
        </div>
    }
}
