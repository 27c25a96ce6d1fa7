//! The pre-audit check on the dashboard: each finding a link to the card
//! that fixes it, grouped by kind (`data-precheck` holds the kind's id).

use crate::core::Assessment;
use crate::core::precheck::{Place, check};
use crate::ui::route::{Route, Screen};
use crate::ui::{BankHandle, Derived};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PrecheckProps {
    pub assessment: Rc<Assessment>,
    pub derived: Derived,
}

#[component]
pub fn PrecheckPanel(props: &PrecheckProps) -> Html {
    let Some(BankHandle(bank)) = use_context::<BankHandle>() else {
        return Html::default();
    };
    let a = &props.assessment;
    let findings = check(&bank, a, &props.derived.0);
    let link = |place: &Place| {
        match place {
            Place::Question(q) => Route::Assessment {
                id: a.id.clone(),
                screen: Screen::Questions,
                question: Some(q.clone()),
            },
            Place::Vendor(_) => Route::Assessment {
                id: a.id.clone(),
                screen: Screen::Vendors,
                question: None,
            },
        }
        .to_hash()
    };
    let mut groups: Vec<Html> = Vec::new();
    let mut at = 0;
    while let Some(first) = findings.get(at) {
        let kind = first.kind;
        let items: Vec<Html> = findings[at..]
            .iter()
            .take_while(|f| f.kind == kind)
            .map(|f| html! { <li data-precheck={kind.id()}><a href={link(&f.place)}>{ &f.what }</a></li> })
            .collect();
        at += items.len();
        groups.push(html! {
            <li class="precheck-kind">
                <strong>{ format!("{} ({})", kind.label(), items.len()) }</strong>
                <ul>{ for items }</ul>
            </li>
        });
    }
    html! {
        <section class="soc2r-precheck" aria-labelledby="precheck-heading" data-findings={findings.len().to_string()}>
            <h3 id="precheck-heading">{ "Pre-audit check" }</h3>
            if findings.is_empty() {
                <p class="hint" id="precheck-clean">{ "Nothing an auditor's first requests would trip over: no evidence outside the period, no \u{201c}ready\u{201d} without evidence, every key gap planned." }</p>
            } else {
                <p class="hint">{ format!("{} an auditor's first requests would trip over. Each link opens the card that fixes it.", crate::core::text::plural(findings.len(), "thing", "things")) }</p>
                <ul class="precheck">{ for groups }</ul>
            }
        </section>
    }
}
