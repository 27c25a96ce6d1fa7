use crate::core::{Action, Assessment};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub assessment: Rc<Assessment>,
    pub derived: crate::ui::Derived,
    pub on_edit: Callback<Action>,
}

#[component]
pub fn Gaps(_props: &Props) -> Html {
    Html::default()
}
