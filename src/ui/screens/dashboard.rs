use crate::core::Assessment;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub assessment: Rc<Assessment>,
    pub derived: crate::ui::Derived,
}

#[component]
pub fn Dashboard(_props: &Props) -> Html {
    Html::default()
}
