//! How scores work, in plain words.

use yew::prelude::*;

#[component]
pub fn Help() -> Html {
    html! {
        <section class="soc2r-help" aria-labelledby="help-heading">
            <h2 id="help-heading">{ "How scores work" }</h2>
            <p>{ "Each answer earns part of its question's weight (1 to 5): ready with evidence 100%, in place without evidence 75%, partly 50%, planned 20%, not in place 0%. Unanswered questions also earn 0%: readiness counts them as not ready, and completion shows how many you have answered. Not applicable answers are left out of the score." }</p>
        </section>
    }
}
