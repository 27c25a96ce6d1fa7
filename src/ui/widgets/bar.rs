//! A labelled progress bar whose value is also readable as text.

use crate::core::text::{percent, tenths};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarProps {
    pub label: AttrValue,
    /// 0 to 100.
    pub value: f64,
    #[prop_or_default]
    pub class: Classes,
}

#[component]
pub fn Bar(props: &BarProps) -> Html {
    let value = props.value.clamp(0.0, 100.0);
    html! {
        <div class={classes!("soc2r-bar", props.class.clone())} role="img"
            aria-label={format!("{}: {}", props.label, percent(value))}>
            <span class="bar-label">{ props.label.clone() }</span>
            // SVG geometry, not inline styles, so a strict CSP needs no 'unsafe-inline'.
            <svg class="bar-track" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                <rect class="bar-bg" width="100" height="8" rx="2" />
                <rect class="bar-fill" width={tenths(value)} height="8" rx="2" />
            </svg>
            <span class="bar-value">{ percent(value) }</span>
        </div>
    }
}
