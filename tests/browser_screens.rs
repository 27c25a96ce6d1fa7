//! Browser tests of the gaps and compare screens: run with
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_screens`.
//! On the host they compile to nothing.
#![cfg(target_arch = "wasm32")]

#[path = "support/browser.rs"]
mod browser;

use browser::{assessment, clear, click, find, find_as, fire, mount, next_task, unmount};
use soc2_readiness::browser::storage::Store;
use soc2_readiness::core::{Action, Status, builtin_bank, reduce};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_owner_edited_on_the_gaps_screen_is_saved() {
    let ns = "test-gaps-screen";
    clear(ns);
    let bank = builtin_bank().unwrap();
    let stored = assessment(&bank, "gaps1", "Roadmap");
    Store::open(ns).save(&stored).unwrap();
    let (root, handle) = mount(ns, "#/a/gaps1/gaps").await;

    // Nothing is answered, so every asked question is a gap.
    let first = find(&root, "li.gap");
    let question = first.get_attribute("data-question").unwrap();
    assert!(
        find(&root, "#gaps-count")
            .text_content()
            .unwrap()
            .starts_with("Showing ")
    );
    let owner: web_sys::HtmlInputElement = find_as(&root, &format!("#gap-owner-{question}"));
    assert_eq!(owner.value(), "");
    // Type and leave the field, as a user would.
    owner.set_value("Dana");
    fire(&owner, "change");
    yew::scheduler::flush().await;

    let saved = Store::open(ns).load(&[&bank]).assessments;
    assert_eq!(saved.len(), 1);
    assert_eq!(
        saved[0].answer(&question).map(|a| a.owner.as_str()),
        Some("Dana")
    );
    assert!(saved[0].revision > stored.revision);
    // The new owner is offered by the owner filter, and the field shows it.
    let options = find(&root, "#filter-owner").text_content().unwrap();
    assert!(options.contains("Dana"), "{options}");
    let owner: web_sys::HtmlInputElement = find_as(&root, &format!("#gap-owner-{question}"));
    assert_eq!(owner.value(), "Dana");
    unmount(root, handle, ns);
}

#[wasm_bindgen_test]
async fn the_compare_screen_shows_a_gap_closed() {
    let ns = "test-compare-screen";
    clear(ns);
    let bank = builtin_bank().unwrap();
    let question = bank.questions[0].clone();
    let before = reduce(
        &assessment(&bank, "cmp-before", "Initial check"),
        Action::SetStatus(question.id.clone(), Some(Status::Planned)),
    );
    let after = reduce(
        &assessment(&bank, "cmp-after", "Final check"),
        Action::SetStatus(question.id.clone(), Some(Status::Ready)),
    );
    let store = Store::open(ns);
    store.save(&before).unwrap();
    store.save(&after).unwrap();
    let (root, handle) = mount(ns, "#/compare/cmp-before/cmp-after").await;

    let before_select: web_sys::HtmlSelectElement = find_as(&root, "#compare-before");
    let after_select: web_sys::HtmlSelectElement = find_as(&root, "#compare-after");
    assert_eq!(before_select.value(), "cmp-before");
    assert_eq!(after_select.value(), "cmp-after");

    let closed = root.query_selector_all(".gaps-closed li").unwrap();
    assert_eq!(closed.length(), 1);
    let item = find(&root, ".gaps-closed li");
    assert_eq!(
        item.get_attribute("data-question").as_deref(),
        Some(question.id.as_str())
    );
    assert!(item.text_content().unwrap().contains(&question.text));
    assert_eq!(
        root.query_selector_all(".gaps-opened li").unwrap().length(),
        0
    );
    let overall = find(&root, "#compare-overall").text_content().unwrap();
    assert!(overall.contains("up "), "{overall}");
    let criterion = &bank.criteria[question.criterion_ix[0]].id;
    let table = find(&root, "#compare-criteria").text_content().unwrap();
    assert!(table.contains(criterion.as_str()), "{table}");
    unmount(root, handle, ns);
}

#[wasm_bindgen_test]
async fn gap_filters_narrow_the_list_and_clear_back() {
    let ns = "test-gaps-filters";
    clear(ns);
    let bank = builtin_bank().unwrap();
    let stored = assessment(&bank, "gaps2", "Filters");
    Store::open(ns).save(&stored).unwrap();
    let (root, handle) = mount(ns, "#/a/gaps2/gaps").await;
    let count = || root.query_selector_all("li.gap").unwrap().length();
    let all = count();
    assert!(all > 0);

    let severity: web_sys::HtmlSelectElement = find_as(&root, "#filter-severity");
    severity.set_value("key");
    fire(&severity, "change");
    yew::scheduler::flush().await;
    let keys = count();
    assert!(keys > 0 && keys < all, "{keys} of {all}");
    assert_eq!(
        root.query_selector_all("li.gap .badge.key")
            .unwrap()
            .length(),
        keys
    );
    assert_eq!(
        find(&root, "#gaps-count").text_content().unwrap(),
        format!("Showing {keys} of {all} gaps")
    );

    click(&root, "#filter-clear");
    yew::scheduler::flush().await;
    assert_eq!(count(), all);
    assert_eq!(severity.value(), "any");
    unmount(root, handle, ns);
}

#[wasm_bindgen_test]
async fn an_imported_file_is_compared_but_not_stored() {
    use soc2_readiness::core::exchange::export_json;
    let ns = "test-compare-import";
    clear(ns);
    let bank = builtin_bank().unwrap();
    let question = bank.questions[1].clone();
    let saved = assessment(&bank, "cmp-saved", "Initial check");
    Store::open(ns).save(&saved).unwrap();
    let file = reduce(
        &assessment(&bank, "cmp-file", "From a file"),
        Action::SetStatus(question.id.clone(), Some(Status::Ready)),
    );
    let (root, handle) = mount(ns, "#/compare/cmp-saved").await;
    assert!(root.query_selector("#compare-choose").unwrap().is_some());

    // Paste the file's text, as a user without a file picker would.
    let paste: web_sys::HtmlTextAreaElement = find_as(&root, "#compare-import-paste");
    paste.set_value(&export_json(&file));
    fire(&paste, "input");
    yew::scheduler::flush().await;
    click(&root, "#compare-import-paste-button");
    yew::scheduler::flush().await;
    // The URL names the file side; the app follows it on `hashchange`.
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, "#/compare/cmp-saved/~file");
    for _ in 0..50 {
        if root.query_selector(".gaps-closed li").unwrap().is_some() {
            break;
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
        yew::scheduler::flush().await;
    }
    let item = find(&root, ".gaps-closed li");
    assert_eq!(
        item.get_attribute("data-question").as_deref(),
        Some(question.id.as_str())
    );
    let after: web_sys::HtmlSelectElement = find_as(&root, "#compare-after");
    assert_eq!(after.value(), "~file");
    // Only compared: storage still holds the one saved assessment.
    let stored = Store::open(ns).load(&[&bank]).assessments;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].id, "cmp-saved");
    unmount(root, handle, ns);
}

#[wasm_bindgen_test]
async fn a_card_opened_on_the_questionnaire_takes_an_owner_and_evidence() {
    let ns = "test-question-card";
    clear(ns);
    let bank = builtin_bank().unwrap();
    Store::open(ns)
        .save(&assessment(&bank, "card1", "Card"))
        .unwrap();
    let (root, handle) = mount(ns, "#/a/card1/questions").await;

    let card = find(&root, "article.soc2r-question");
    let question = card.id().trim_start_matches("q-").to_owned();
    // Open the card's details the way a user does; the browser reports it
    // with a `toggle` event in a later task.
    click(&card, "summary");
    next_task().await;
    yew::scheduler::flush().await;

    let owner: web_sys::HtmlInputElement = find_as(&card, &format!("#owner-{question}"));
    owner.set_value("Priya");
    fire(&owner, "change");
    let first_evidence: web_sys::HtmlInputElement =
        find_as(&card, "ul.evidence input[type=checkbox]");
    first_evidence.set_checked(true);
    fire(&first_evidence, "change");
    yew::scheduler::flush().await;

    let saved = Store::open(ns).load(&[&bank]).assessments;
    let answer = saved[0].answer(&question).expect("an answer was saved");
    assert_eq!(answer.owner, "Priya");
    assert_eq!(answer.evidence.iter().copied().collect::<Vec<_>>(), vec![0]);
    unmount(root, handle, ns);
}
