use crate::ui::state::AppState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: AppState,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[component]
pub fn Compare(_props: &Props) -> Html {
    Html::default()
}
