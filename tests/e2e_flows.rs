//! The user's flows through the built app in headless Chromium, by clicks
//! and keys: managing assessments, deep links with back and forward, and a
//! keyboard-only run from the first visit to the report.
//!
//! Needs `./setup.sh build` first. Run: `cargo test --features e2e --test e2e_flows`.

#[path = "support/e2e.rs"]
mod e2e;

use e2e::*;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};

/// Names of the assessments on the home screen, in the order shown.
async fn listed(c: &Client) -> Vec<String> {
    let mut names = Vec::new();
    for item in c.find_all(Locator::Css(".soc2r-item h3")).await.unwrap() {
        names.push(item.text().await.unwrap());
    }
    names
}

async fn hash(c: &Client) -> String {
    c.current_url()
        .await
        .unwrap()
        .fragment()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn new_rename_duplicate_and_delete_assessments() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-list", &temp_dir("flows-list")).await;
    c.goto(&server.url).await.unwrap();

    // A quick first look, named by the user.
    let name = c
        .wait()
        .for_element(Locator::Css("#new-name"))
        .await
        .unwrap();
    name.clear().await.unwrap();
    name.send_keys("Initial check").await.unwrap();
    click(&c, "#start-quick").await;
    c.wait()
        .for_element(Locator::Css("#scope-heading"))
        .await
        .unwrap();
    assert!(
        c.find(Locator::Css("#path-quick"))
            .await
            .unwrap()
            .is_selected()
            .await
            .unwrap()
    );
    click(&c, ".soc2r-scope a.primary").await;
    let ready = format!(
        "#{} button[data-status=ready]",
        c.wait()
            .for_element(Locator::Css(".soc2r-question"))
            .await
            .unwrap()
            .attr("id")
            .await
            .unwrap()
            .unwrap()
    );
    click(&c, &ready).await;
    eventually("the answer", || async { pressed(&c, &ready).await }).await;

    // Rename it from the list.
    c.goto(&server.url).await.unwrap();
    eventually("the list", || async {
        listed(&c).await == ["Initial check"]
    })
    .await;
    click(&c, ".soc2r-item .actions button:nth-of-type(1)").await;
    let input = c
        .wait()
        .for_element(Locator::Css(".soc2r-item form.rename input[name=name]"))
        .await
        .unwrap();
    input.clear().await.unwrap();
    input.send_keys("Initial readiness\n").await.unwrap();
    eventually("the new name", || async {
        listed(&c).await == ["Initial readiness"]
    })
    .await;

    // Duplicate it for the final check: answers come along.
    click(&c, ".soc2r-item .actions button:nth-of-type(2)").await;
    eventually("the copy", || async { listed(&c).await.len() == 2 }).await;
    assert!(
        listed(&c)
            .await
            .contains(&"Initial readiness (copy)".to_owned())
    );
    let copy = c
        .find(Locator::XPath(
            "//li[contains(@class,'soc2r-item')][.//h3/a[text()='Initial readiness (copy)']]",
        ))
        .await
        .unwrap();
    assert!(
        copy.text().await.unwrap().contains("1 of"),
        "the copy keeps the answer"
    );

    // Delete asks first; keeping it changes nothing, confirming removes it.
    let delete_copy =
        "//li[contains(@class,'soc2r-item')][.//h3/a[text()='Initial readiness (copy)']]";
    c.find(Locator::XPath(&format!(
        "{delete_copy}//button[text()='Delete']"
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    c.find(Locator::XPath(&format!(
        "{delete_copy}//button[text()='Keep it']"
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    assert_eq!(listed(&c).await.len(), 2);
    c.find(Locator::XPath(&format!(
        "{delete_copy}//button[text()='Delete']"
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    c.find(Locator::XPath(&format!(
        "{delete_copy}//button[text()='Yes, delete it']"
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    eventually("the deletion", || async {
        listed(&c).await == ["Initial readiness"]
    })
    .await;

    // And it stays deleted after a reload.
    c.refresh().await.unwrap();
    c.wait()
        .for_element(Locator::Css(".soc2r-item"))
        .await
        .unwrap();
    assert_eq!(listed(&c).await, ["Initial readiness"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_url_names_the_screen_and_question_so_back_and_reload_work() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-links", &temp_dir("flows-links")).await;
    c.goto(&server.url).await.unwrap();
    let ready = {
        click(&c, "#start-full").await;
        click(&c, ".soc2r-scope a.primary").await;
        let card = c
            .wait()
            .for_element(Locator::Css(".soc2r-question"))
            .await
            .unwrap();
        card.attr("id").await.unwrap().unwrap()
    };
    // Next question with the keyboard: the URL follows.
    let first = hash(&c).await;
    c.find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("j")
        .await
        .unwrap();
    eventually("the next question in the URL", || async {
        hash(&c).await != first
    })
    .await;
    let second = hash(&c).await;
    assert!(second.contains("/questions/"), "{second}");
    assert!(!second.ends_with(ready.trim_start_matches("q-")));

    // Reload lands on the same question; back returns to the first.
    c.refresh().await.unwrap();
    c.wait()
        .for_element(Locator::Css(".soc2r-question.focused"))
        .await
        .unwrap();
    assert_eq!(hash(&c).await, second);
    let focused = c
        .find(Locator::Css(".soc2r-question.focused"))
        .await
        .unwrap()
        .attr("id")
        .await
        .unwrap()
        .unwrap();
    assert!(second.ends_with(focused.trim_start_matches("q-")));
    c.back().await.unwrap();
    eventually("back to the first question", || async {
        hash(&c).await == first
    })
    .await;
    c.forward().await.unwrap();
    eventually("forward again", || async { hash(&c).await == second }).await;
}

/// Presses Tab until the focused element matches `css` (at most `limit` times).
async fn tab_to(c: &Client, css: &str, limit: usize) {
    for _ in 0..limit {
        let matched = c
            .execute(
                "return document.activeElement.matches(arguments[0]);",
                vec![serde_json::json!(css)],
            )
            .await
            .unwrap();
        if matched == serde_json::json!(true) {
            return;
        }
        c.active_element()
            .await
            .unwrap()
            .send_keys(&Key::Tab)
            .await
            .unwrap();
    }
    panic!("Tab never reached `{css}`");
}

async fn press(c: &Client, keys: &str) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

/// The focused element shows a visible focus outline.
async fn focus_is_visible(c: &Client) -> bool {
    let style = c
        .execute(
            "const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;",
            vec![],
        )
        .await
        .unwrap();
    let style = style.as_str().unwrap_or_default().to_owned();
    !style.starts_with("none") && !style.ends_with(" 0px")
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_only_from_first_visit_to_the_report() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-keys", &temp_dir("flows-keys")).await;
    c.goto(&server.url).await.unwrap();
    c.wait()
        .for_element(Locator::Css("#start-full"))
        .await
        .unwrap();

    tab_to(&c, "#start-full", 30).await;
    assert!(
        focus_is_visible(&c).await,
        "focus is visible on the start button"
    );
    press(&c, &Key::Enter).await;
    c.wait()
        .for_element(Locator::Css("#scope-heading"))
        .await
        .unwrap();

    // Scope by keyboard: Type II, then on to the questionnaire.
    tab_to(&c, "#report-type1", 30).await;
    press(&c, &Key::Down).await;
    eventually("Type II chosen", || async {
        c.find(Locator::Css("#report-type2"))
            .await
            .unwrap()
            .is_selected()
            .await
            .unwrap()
    })
    .await;
    tab_to(&c, ".soc2r-scope a.primary", 60).await;
    press(&c, &Key::Enter).await;
    c.wait()
        .for_element(Locator::Css(".soc2r-question.focused"))
        .await
        .unwrap();

    // Answer with the shortcuts shown on screen: 1 = Ready, j = next, 5 = No.
    let body = c.find(Locator::Css("body")).await.unwrap();
    let first = c
        .find(Locator::Css(".soc2r-question.focused"))
        .await
        .unwrap()
        .attr("id")
        .await
        .unwrap()
        .unwrap();
    body.send_keys("1").await.unwrap();
    eventually("Ready by key", || async {
        pressed(&c, &format!("#{first} button[data-status=ready]")).await
    })
    .await;
    body.send_keys("j").await.unwrap();
    eventually("the next question", || async {
        let id = c
            .find(Locator::Css(".soc2r-question.focused"))
            .await
            .unwrap()
            .attr("id")
            .await
            .unwrap()
            .unwrap();
        id != first
    })
    .await;
    let second = c
        .find(Locator::Css(".soc2r-question.focused"))
        .await
        .unwrap()
        .attr("id")
        .await
        .unwrap()
        .unwrap();
    body.send_keys("5").await.unwrap();
    eventually("No by key", || async {
        pressed(&c, &format!("#{second} button[data-status=missing]")).await
    })
    .await;
    assert!(
        text(&c, "#questionnaire-progress")
            .await
            .contains("Answered 2 of")
    );

    // A new screen puts focus at the top of the main area: Tab reaches the
    // screen tabs first.
    tab_to(&c, ".tabs a[href$='/report']", 10).await;
    assert!(focus_is_visible(&c).await, "focus is visible on the tab");
    press(&c, &Key::Enter).await;
    c.wait()
        .for_element(Locator::Css("#report-heading"))
        .await
        .unwrap();
    tab_to(&c, "#print-report", 40).await;
    assert!(
        focus_is_visible(&c).await,
        "focus is visible on the print button"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_custom_bank_loads_from_a_file_and_drives_a_new_assessment() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("flows-bank");
    let c = browser(&driver, "flows-bank", &downloads).await;
    c.goto(&server.url).await.unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");

    // A broken bank is refused with the problem named; nothing changes.
    let broken = downloads.join("broken-bank.json");
    let original = std::fs::read_to_string(fixtures.join("mini-bank.json")).unwrap();
    std::fs::write(
        &broken,
        original.replace("\"CC6.1\", \"CC1.1\"", "\"CC6.1\", \"CC9.9\""),
    )
    .unwrap();
    let input = c
        .wait()
        .for_element(Locator::Css("#bank-file"))
        .await
        .unwrap();
    input
        .send_keys(&broken.display().to_string())
        .await
        .unwrap();
    eventually("the bank error", || async {
        text(&c, ".soc2r-notices")
            .await
            .contains("was not loaded as a question bank")
    })
    .await;
    let notices = text(&c, ".soc2r-notices").await;
    assert!(
        notices.contains("CC9.9") && notices.contains("cc6-access-review"),
        "{notices}"
    );
    assert_eq!(
        c.find_all(Locator::Css("#new-bank")).await.unwrap().len(),
        0
    );

    // A valid one is kept, offered for new assessments, and used by them.
    let input = c.find(Locator::Css("#bank-file")).await.unwrap();
    input
        .send_keys(&fixtures.join("mini-bank.json").display().to_string())
        .await
        .unwrap();
    let select = c
        .wait()
        .for_element(Locator::Css("#new-bank"))
        .await
        .unwrap();
    select.select_by_value("mini").await.unwrap();
    click(&c, "#start-full").await;
    click(&c, ".soc2r-scope a.primary").await;
    c.wait()
        .for_element(Locator::Css("#q-cc1-conduct"))
        .await
        .unwrap();
    assert!(
        text(&c, "#questionnaire-progress")
            .await
            .contains("Answered 0 of 4")
    );

    // After a reload the bank and the assessment are both still there.
    c.refresh().await.unwrap();
    c.wait()
        .for_element(Locator::Css("#q-cc1-conduct"))
        .await
        .unwrap();
    c.goto(&server.url).await.unwrap();
    c.wait()
        .for_element(Locator::Css("#new-bank option[value=mini]"))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_section_narrows_to_the_questions_of_one_criterion() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-criterion", &temp_dir("flows-criterion")).await;
    c.goto(&server.url).await.unwrap();
    click(&c, "#start-full").await;
    click(&c, ".soc2r-scope a.primary").await;
    c.wait()
        .for_element(Locator::Css(".criteria-filter"))
        .await
        .unwrap();
    let all = c
        .find_all(Locator::Css(".soc2r-question"))
        .await
        .unwrap()
        .len();

    click(&c, ".criteria-filter button[title]:nth-of-type(3)").await;
    let chosen = c
        .find(Locator::Css(".criteria-filter button[aria-pressed=true]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let metas = c
        .find_all(Locator::Css(".soc2r-question .question-meta"))
        .await
        .unwrap();
    assert!(
        !metas.is_empty() && metas.len() < all,
        "{} of {all}",
        metas.len()
    );
    for meta in metas {
        let text = meta.text().await.unwrap();
        assert!(text.contains(&chosen), "{text} lists {chosen}");
    }
    click(&c, ".criteria-filter button:first-child").await;
    eventually("all questions again", || async {
        c.find_all(Locator::Css(".soc2r-question"))
            .await
            .unwrap()
            .len()
            == all
    })
    .await;
}
