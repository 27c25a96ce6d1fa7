//! Your data: what is stored where, and erasing it.

use crate::ui::state::AppState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: AppState,
}

#[component]
pub fn Privacy(_props: &Props) -> Html {
    Html::default()
}
