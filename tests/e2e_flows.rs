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
    let name = wait_for(&c, "#new-name").await;
    name.clear().await.unwrap();
    name.send_keys("Initial check").await.unwrap();
    click(&c, "#start-quick").await;
    wait_for(&c, "#scope-heading").await;
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
        wait_for(&c, ".soc2r-question")
            .await
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
    let input = wait_for(&c, ".soc2r-item form.rename input[name=name]").await;
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
    let copy = "//li[contains(@class,'soc2r-item')][.//h3/a[text()='Initial readiness (copy)']]";
    let card = c.find(Locator::XPath(copy)).await.unwrap();
    assert!(
        card.text().await.unwrap().contains("1 of"),
        "the copy keeps the answer"
    );

    // Delete asks first; keeping it changes nothing, confirming removes it.
    click_xpath(&c, &format!("{copy}//button[text()='Delete']")).await;
    click_xpath(&c, &format!("{copy}//button[text()='Keep it']")).await;
    assert_eq!(listed(&c).await.len(), 2);
    click_xpath(&c, &format!("{copy}//button[text()='Delete']")).await;
    click_xpath(&c, &format!("{copy}//button[text()='Yes, delete it']")).await;
    eventually("the deletion", || async {
        listed(&c).await == ["Initial readiness"]
    })
    .await;

    // And it stays deleted after a reload (the kept screen is painted
    // before the app replaces it: wait for the list to settle).
    c.refresh().await.unwrap();
    eventually("the list after a reload", || async {
        listed(&c).await == ["Initial readiness"]
    })
    .await;
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
        let card = wait_for(&c, ".soc2r-question").await;
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
    wait_for(&c, ".soc2r-question.focused").await;
    assert_eq!(hash(&c).await, second);
    let focused = focused_question(&c).await;
    assert!(second.ends_with(focused.trim_start_matches("q-")));
    c.back().await.unwrap();
    eventually("back to the first question", || async {
        hash(&c).await == first
    })
    .await;
    c.forward().await.unwrap();
    eventually("forward again", || async { hash(&c).await == second }).await;
}

/// The id of the question card the keyboard is on.
async fn focused_question(c: &Client) -> String {
    c.find(Locator::Css(".soc2r-question.focused"))
        .await
        .unwrap()
        .attr("id")
        .await
        .unwrap()
        .expect("question cards have ids")
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
    wait_for(&c, "#start-full").await;

    tab_to(&c, "#start-full", 30).await;
    assert!(
        focus_is_visible(&c).await,
        "focus is visible on the start button"
    );
    press(&c, &Key::Enter).await;
    wait_for(&c, "#scope-heading").await;

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
    wait_for(&c, ".soc2r-question.focused").await;

    // Answer with the shortcuts shown on screen: 1 = Ready, j = next, 5 = No.
    let body = c.find(Locator::Css("body")).await.unwrap();
    let first = focused_question(&c).await;
    body.send_keys("1").await.unwrap();
    eventually("Ready by key", || async {
        pressed(&c, &format!("#{first} button[data-status=ready]")).await
    })
    .await;
    body.send_keys("j").await.unwrap();
    eventually("the next question", || async {
        focused_question(&c).await != first
    })
    .await;
    let second = focused_question(&c).await;
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
    wait_for(&c, "#report-heading").await;
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
    choose_file(&c, "#bank-file", &broken).await;
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
    choose_file(&c, "#bank-file", &fixtures.join("mini-bank.json")).await;
    let select = wait_for(&c, "#new-bank").await;
    select.select_by_value("mini@1").await.unwrap();
    click(&c, "#start-full").await;
    click(&c, ".soc2r-scope a.primary").await;
    wait_for(&c, "#q-cc1-conduct").await;
    assert!(
        text(&c, "#questionnaire-progress")
            .await
            .contains("Answered 0 of 4")
    );

    // After a reload the bank and the assessment are both still there.
    c.refresh().await.unwrap();
    wait_for(&c, "#q-cc1-conduct").await;
    c.goto(&server.url).await.unwrap();
    wait_for(&c, "#new-bank option[value='mini@1']").await;

    // Version 2 of the bank is kept beside version 1, which the assessment
    // still uses; an edited version 2 nobody uses replaces it only on a yes.
    let v2 = downloads.join("mini-bank-2.json");
    std::fs::write(
        &v2,
        original.replace("\"version\": \"1\"", "\"version\": \"2\""),
    )
    .unwrap();
    choose_file(&c, "#bank-file", &v2).await;
    wait_for(&c, "#new-bank option[value='mini@2']").await;
    wait_for(&c, "#new-bank option[value='mini@1']").await;
    let edited = downloads.join("mini-bank-2-edited.json");
    std::fs::write(
        &edited,
        original
            .replace("\"version\": \"1\"", "\"version\": \"2\"")
            .replace("Mini bank for tests", "Mini bank, edited"),
    )
    .unwrap();
    choose_file(&c, "#bank-file", &edited).await;
    wait_for(&c, "#replace-bank-text").await;
    let question = text(&c, "#replace-bank-text").await;
    assert!(question.contains("No assessment uses it"), "{question}");
    click(&c, "#keep-bank").await;
    assert!(
        !text(&c, "#banks-heading + .table-scroll")
            .await
            .contains("Mini bank, edited")
    );
    choose_file(&c, "#bank-file", &edited).await;
    click(&c, "#replace-bank").await;
    eventually("the edited bank listed", || async {
        text(&c, "#banks-heading + .table-scroll")
            .await
            .contains("Mini bank, edited")
    })
    .await;
    // The assessment still opens against version 1, its four questions.
    click(&c, ".soc2r-list a").await;
    wait_for(&c, "#q-cc1-conduct").await;
    assert!(text(&c, "#questionnaire-progress").await.contains("of 4"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_section_narrows_to_the_questions_of_one_criterion() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-criterion", &temp_dir("flows-criterion")).await;
    c.goto(&server.url).await.unwrap();
    click(&c, "#start-full").await;
    click(&c, ".soc2r-scope a.primary").await;
    wait_for(&c, ".criteria-filter").await;
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

#[tokio::test(flavor = "multi_thread")]
async fn two_tabs_on_one_assessment_stay_in_step() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-tabs", &temp_dir("flows-tabs")).await;
    c.goto(&server.url).await.unwrap();
    let ready = start_assessment(&c).await;
    let url = c.current_url().await.unwrap();
    let first = c.window().await.unwrap();

    // A second tab on the same question.
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second.clone()).await.unwrap();
    c.goto(url.as_str()).await.unwrap();
    wait_for(&c, &ready).await;
    assert!(!pressed(&c, &ready).await);

    // Answer in the first tab: the second shows it without a reload.
    c.switch_to_window(first.clone()).await.unwrap();
    click(&c, &ready).await;
    eventually("the answer in the first tab", || async {
        pressed(&c, &ready).await
    })
    .await;
    c.switch_to_window(second.clone()).await.unwrap();
    eventually("the answer reaching the second tab", || async {
        pressed(&c, &ready).await
    })
    .await;
    assert!(
        text(&c, ".soc2r-notices")
            .await
            .contains("changed in another tab")
    );

    // A change in the second tab then wins in storage and in the first tab.
    let missing = ready.replace("data-status=ready", "data-status=missing");
    click(&c, &missing).await;
    eventually("the second tab's answer", || async {
        pressed(&c, &missing).await
    })
    .await;
    c.switch_to_window(first.clone()).await.unwrap();
    eventually("the second tab's answer in the first", || async {
        pressed(&c, &missing).await
    })
    .await;
    c.refresh().await.unwrap();
    wait_for(&c, &missing).await;
    assert!(
        pressed(&c, &missing).await,
        "the newest answer is the one saved"
    );

    // Deleted in the second tab: the first lets it go, and an edit made
    // there before it noticed cannot bring it back.
    c.switch_to_window(second).await.unwrap();
    click(&c, ".soc2r-header nav a[href='#/']").await;
    click_xpath(
        &c,
        "//li[contains(@class,'soc2r-item')]//button[text()='Delete']",
    )
    .await;
    click_xpath(&c, "//button[text()='Yes, delete it']").await;
    eventually("the deletion", || async {
        count(&c, ".soc2r-item").await == 0
    })
    .await;
    c.switch_to_window(first).await.unwrap();
    eventually("the first tab told", || async {
        text(&c, ".soc2r-notices")
            .await
            .contains("deleted in another tab")
    })
    .await;
    c.refresh().await.unwrap();
    click(&c, ".soc2r-header nav a[href='#/']").await;
    eventually("still deleted", || async {
        count(&c, ".soc2r-item").await == 0
    })
    .await;
    assert!(
        storage_keys(&c)
            .await
            .iter()
            .all(|k| !k.contains("/assessment/"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_explains_which_answers_make_a_criterion_score() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-explain", &temp_dir("flows-explain")).await;
    c.goto(&server.url).await.unwrap();
    let ready = start_assessment(&c).await;
    click(&c, &ready).await;
    let card = ready.split(' ').next().unwrap().to_owned();
    let question = text(&c, &format!("{card} .question-text")).await;
    let first_criterion = text(&c, &format!("{card} .question-meta")).await;
    let first_criterion = first_criterion.split(',').next().unwrap().trim().to_owned();

    click(&c, ".tabs a[href$='/dashboard']").await;
    let item = format!(
        "//ul[contains(@class,'soc2r-criteria')]/li[.//summary/strong[text()='{first_criterion}']]"
    );
    click_xpath(&c, &format!("{item}//summary")).await;
    let row = c
        .find(Locator::XPath(&item))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(row.contains(&question), "{row}");
    assert!(row.contains("Ready, with evidence: 100%"), "{row}");
    assert!(
        row.contains("Unanswered: 0%"),
        "the other answers are listed too: {row}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_scope_condition_rules_questions_out_and_back_and_the_outcome_says_why() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-conditions", &temp_dir("flows-conditions")).await;
    c.goto(&server.url).await.unwrap();
    click(&c, "#start-full").await;
    wait_for(&c, "#scope-heading").await;
    let scope = hash(&c).await;
    let base = scope.trim_end_matches("/scope").to_owned();

    // "We build no software": the code-review question becomes not
    // applicable, with the bank's reason recorded.
    click(&c, "#condition-builds-software-no").await;
    let card = "#q-cc8-peer-review-branch-protection";
    c.goto(&format!(
        "{}#{base}/questions/cc8-peer-review-branch-protection",
        server.url
    ))
    .await
    .unwrap();
    let na = format!("{card} button[data-status=not_applicable]");
    eventually("the question marked not applicable", || async {
        pressed(&c, &na).await
    })
    .await;
    let why = wait_for(&c, &format!("{card} input[id^=why-]")).await;
    assert!(
        why.prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
            .contains("We build no software"),
        "the reason is recorded"
    );

    // "Not sure" undoes exactly that.
    c.goto(&format!("{}#{scope}", server.url)).await.unwrap();
    click(&c, "#condition-builds-software-unsure").await;
    c.goto(&format!(
        "{}#{base}/questions/cc8-peer-review-branch-protection",
        server.url
    ))
    .await
    .unwrap();
    wait_for(&c, card).await;
    eventually("the question unanswered again", || async {
        !pressed(&c, &na).await
    })
    .await;

    // With key questions unanswered the dashboard gives no indication, says
    // so in its stable id, and names the questions to answer.
    c.goto(&format!("{}#{base}/dashboard", server.url))
        .await
        .unwrap();
    let outcome = wait_for(&c, ".soc2r-outcome").await;
    assert_eq!(
        outcome.attr("data-outcome").await.unwrap().as_deref(),
        Some("cannot_judge")
    );
    assert!(
        text(&c, ".soc2r-outcome .reasons")
            .await
            .contains("key questions are unanswered"),
        "the reason is shown"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_assessment_saved_with_bank_1_0_0_opens_with_its_answers_carried_forward() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-bank-1", &temp_dir("flows-bank-1")).await;
    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-app").await;
    // As a browser that used the app before bank 2.0.0 would have it.
    let old = std::fs::read_to_string(project_file(
        "tests/fixtures/import/v1-bank-1.0.0-full.json",
    ))
    .unwrap();
    c.execute(
        "localStorage.setItem('soc2r/v1/assessment/5d1f0c2a-1b3c-4d5e-8f90-aabbccddeeff', arguments[0]);",
        vec![serde_json::json!(old)],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    eventually("the old assessment listed", || async {
        listed(&c).await == ["Every 1.0.0 question answered"]
    })
    .await;
    // cc7-penetration-test merged into cc4-penetration-test: the kept
    // question keeps its own answer and is flagged for review with a note.
    c.goto(&format!(
        "{}#/a/5d1f0c2a-1b3c-4d5e-8f90-aabbccddeeff/questions/cc4-penetration-test",
        server.url
    ))
    .await
    .unwrap();
    let card = "#q-cc4-penetration-test";
    wait_for(&c, &format!("{card} .badge.review")).await;
    c.find(fantoccini::Locator::Css(&format!("{card} summary")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let note = wait_for(&c, &format!("{card} textarea")).await;
    assert!(
        note.prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
            .contains("Carried from `cc7-penetration-test` (bank 1.0.0)"),
        "the note says where the answer came from"
    );
}

/// Sets a date input as a user picking a day would, firing `change`.
async fn pick_day(c: &Client, css: &str, day: &str) {
    wait_for(c, css).await;
    run(
        c,
        &format!(
            "const i = document.querySelector('{css}'); i.value = '{day}'; \
             i.dispatchEvent(new Event('change', {{ bubbles: true }}));"
        ),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_type2_review_records_the_days_it_ran_and_the_dashboard_counts_them() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-type2", &temp_dir("flows-type2")).await;
    c.goto(&server.url).await.unwrap();
    click(&c, "#start-full").await;
    click(&c, "#report-type2").await;
    pick_day(&c, "#period-start", "2026-01-01").await;
    pick_day(&c, "#period-end", "2026-06-30").await;
    click(&c, ".soc2r-scope a.primary").await;
    wait_for(&c, ".soc2r-question").await;

    // Open the quarterly access review, answer it and record one run.
    let url = c.current_url().await.unwrap().to_string();
    let questions = url.split('#').nth(1).unwrap().to_owned();
    let base = url.split('#').next().unwrap().to_owned();
    let id = "cc6-quarterly-access-review";
    c.goto(&format!("{base}#{questions}/{id}")).await.unwrap();
    let card = format!("#q-{id}");
    click(&c, &format!("{card} button[data-status=ready]")).await;
    click(&c, &format!("{card} details summary")).await;
    assert!(text(&c, &card).await.contains("quarterly"));
    pick_day(&c, &format!("#run-{id}"), "2026-02-10").await;
    eventually("the run listed and counted", || async {
        text(&c, &format!("{card} .hint.operation"))
            .await
            .starts_with("1 of 2 quarterly occurrences done; 1 missed")
    })
    .await;
    assert!(
        text(&c, &format!("{card} fieldset.runs"))
            .await
            .contains("2026-02-10")
    );

    // The dashboard shows the occurrences and what to do about the miss.
    c.goto(&format!(
        "{base}#{}",
        questions.replace("/questions", "/dashboard")
    ))
    .await
    .unwrap();
    let folded = text(&c, "details.occurrences summary").await;
    assert_eq!(
        folded,
        "Periodic controls: 0 on schedule, 1 with missed occurrences"
    );
    click(&c, "details.occurrences summary").await;
    // Controls are named by their short titles, not their ids.
    let bank = soc2_readiness::core::builtin_bank().expect("the built-in bank");
    let title = bank.question(id).expect("asked").title();
    let table = text(&c, "#occurrences").await;
    assert!(table.contains(title), "{table}");
    let advice = text(&c, "#period-advice").await;
    assert!(
        advice.contains(&format!("{title} (due by 2026-06-30)")),
        "{advice}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn starting_from_iso_27001_proposes_answers_that_are_accepted_one_or_all_and_taken_back() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("flows-crosswalk");
    let c = browser(&driver, "flows-crosswalk", &downloads).await;
    c.goto(&server.url).await.unwrap();
    let first = start_assessment(&c).await;
    click(&c, ".tabs a[href$='/crosswalk']").await;
    wait_for(&c, "#xw-themes").await;
    assert!(
        text(&c, "#proposals")
            .await
            .contains("Tick the ISO 27001 controls you have in place"),
        "nothing proposed before a tick"
    );

    // A.5.18 (access rights) is in place: it wholly covers two access
    // questions (approval before access, access changed for movers); the
    // leaver deadline and the quarterly review ask more than it does.
    run(&c, "document.getElementById('theme-A.5').open = true").await;
    click(&c, "input[data-control='A.5.18']").await;
    eventually("two proposals", || async {
        count(&c, "li.proposal").await == 2
    })
    .await;
    let listed = text(&c, "#proposals").await;
    assert!(listed.contains("Accept all 2"), "{listed}");
    assert!(listed.contains("Proposed from ISO 27001: In place, evidence not ready"));
    assert_eq!(count(&c, "#proposal-cc6-leaver-deprovisioning").await, 0);
    // A control that only overlaps SOC 2 proposes nothing.
    click(&c, "input[data-control='A.5.4']").await;
    assert_eq!(count(&c, "li.proposal").await, 2);

    // One at a time: the question is answered and says where from.
    click(&c, "#proposal-cc6-access-request-approval button.accept").await;
    eventually("one left", || async { count(&c, "li.proposal").await == 1 }).await;
    assert!(
        text(&c, "#accepted")
            .await
            .starts_with("1 answer accepted from ISO 27001")
    );
    let base = c.current_url().await.unwrap().to_string();
    let questions = base.replace("/crosswalk", "/questions");
    c.goto(&format!("{questions}/cc6-access-request-approval"))
        .await
        .unwrap();
    let card = "#q-cc6-access-request-approval";
    wait_for(&c, card).await;
    assert!(pressed(&c, &format!("{card} button[data-status=implemented]")).await);
    assert!(
        text(&c, &format!("{card} .hint.accepted"))
            .await
            .starts_with("Accepted from ISO 27001")
    );

    // The rest at once.
    c.goto(&base).await.unwrap();
    click(&c, "#accept-all").await;
    eventually("no proposal left", || async {
        count(&c, "li.proposal").await == 0
    })
    .await;
    assert!(
        text(&c, "#accepted")
            .await
            .starts_with("2 answers accepted")
    );
    // The report says which answers rest on the other framework's work.
    c.goto(&base.replace("/crosswalk", "/report"))
        .await
        .unwrap();
    assert!(
        text(&c, ".report-accepted")
            .await
            .starts_with("2 answers were taken from ISO 27001 controls in place")
    );
    c.goto(&base).await.unwrap();
    // The control's row now has SOC 2 answers to show, and only partly:
    // SOC 2 asks less than A.5.18.
    run(&c, "document.getElementById('theme-A.5').open = true").await;
    let row = text(&c, "tr[data-control='A.5.18']").await;
    assert!(row.contains("Partly shown") && row.contains('%'), "{row}");

    // The user confirms one with evidence: it is theirs now.
    c.goto(&format!("{questions}/cc6-movers-access-change"))
        .await
        .unwrap();
    click(&c, "#q-cc6-movers-access-change button[data-status=ready]").await;
    wait_for(&c, "#q-cc6-movers-access-change[data-answered=true]").await;
    assert_eq!(
        count(&c, "#q-cc6-movers-access-change .hint.accepted").await,
        0
    );

    // Take back the rest: unanswered and proposed again.
    c.goto(&base).await.unwrap();
    assert!(text(&c, "#accepted").await.starts_with("1 answer accepted"));
    click(&c, "#undo-accepted").await;
    eventually("one proposed again", || async {
        count(&c, "#proposal-cc6-access-request-approval").await == 1
    })
    .await;
    assert_eq!(count(&c, "#accepted").await, 0);
    assert_eq!(count(&c, "#proposal-cc6-movers-access-change").await, 0);

    // The gap list carries the crosswalk columns.
    c.goto(&base.replace("/crosswalk", "/gaps")).await.unwrap();
    click(&c, "#export-gaps-csv").await;
    let csv = std::fs::read_to_string(downloaded(&downloads, "gaps.csv").await).unwrap();
    // Records end in CRLF; a cell may hold a bare line feed.
    let header = csv.split("\r\n").next().unwrap();
    assert!(
        header.ends_with("ISO 27001 controls,NIST CSF controls"),
        "{header}"
    );
    let approval = csv
        .split("\r\n")
        .find(|l| l.contains(",cc6-access-request-approval,"))
        .expect("the approval question is a gap again");
    assert!(approval.contains("A.5.18 (SOC 2 asks less)"), "{approval}");
    let _ = first;
    c.close().await.unwrap();
}

/// From the home screen at `url`: a new full assessment, Type II over 2026.
/// Returns the app's address (before `#`) and the assessment's id.
async fn start_type2_2026(c: &Client, url: &str) -> (String, String) {
    c.goto(url).await.unwrap();
    click(c, "#start-full").await;
    click(c, "#report-type2").await;
    pick_day(c, "#period-start", "2026-01-01").await;
    pick_day(c, "#period-end", "2026-12-31").await;
    let url = c.current_url().await.unwrap().to_string();
    let (base, hash) = url.split_once('#').unwrap();
    let id = hash.trim_start_matches("/a/").split('/').next().unwrap();
    (base.to_owned(), id.to_owned())
}

/// The text of the first vendor's coverage line on the dashboard, once it
/// says `id` (`gap`, `covered`…).
async fn dashboard_coverage(c: &Client, base: &str, assessment: &str, id: &str) -> String {
    c.goto(&format!("{base}#/a/{assessment}/dashboard"))
        .await
        .unwrap();
    let css = format!(".soc2r-register [data-vendor-coverage=\"{id}\"]");
    wait_for(c, &css).await;
    text(c, &css).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_vendor_gap_shows_on_the_dashboard_and_a_bridge_letter_closes_it() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("flows-vendors");
    let c = browser(&driver, "flows-vendors", &downloads).await;
    let (base, assessment) = start_type2_2026(&c, &server.url).await;

    // Register a carved-out vendor with last year's report.
    click(&c, ".tabs a[href$='/vendors']").await;
    wait_for(&c, "#vendor-new-name")
        .await
        .send_keys("Cloudhost")
        .await
        .unwrap();
    click(&c, "#vendor-add").await;
    let card = "section[data-vendor=\"v1\"]";
    wait_for(&c, card).await;
    assert_eq!(
        text(&c, &format!("{card} [data-vendor-coverage]")).await,
        "Coverage: No report on file"
    );
    click(&c, "#vendor-v1-add-report").await;
    pick_day(&c, "#vendor-v1-report-0-start", "2025-10-01").await;
    pick_day(&c, "#vendor-v1-report-0-end", "2026-09-30").await;
    pick_day(&c, "#vendor-v1-report-0-reviewed", "2026-10-20").await;
    click(&c, "#vendor-v1-add-csoc").await;
    pick_text(
        &c,
        "#vendor-v1-csoc-0",
        "Physical security of the data centres",
    )
    .await;
    click(&c, "#vendor-v1-csoc-0-tested").await;
    eventually("the gap named on the card", || async {
        text(&c, &format!("{card} [data-vendor-coverage=\"gap\"]"))
            .await
            .contains("2026-10-01 to 2026-12-31 (92 days)")
    })
    .await;

    // The dashboard shows the gap and what it means for CC9.2.
    let line = dashboard_coverage(&c, &base, &assessment, "gap").await;
    assert!(line.contains("2026-10-01 to 2026-12-31"), "{line}");
    let register = text(&c, ".soc2r-register").await;
    assert!(register.contains("1 of 1 vendor need action"), "{register}");
    assert!(register.contains("bridge letter"), "{register}");

    // A bridge letter to the period's end closes it.
    c.goto(&format!("{base}#/a/{assessment}/vendors"))
        .await
        .unwrap();
    pick_day(&c, "#vendor-v1-bridge", "2026-12-31").await;
    eventually("the card covered", || async {
        count(&c, &format!("{card} [data-vendor-coverage=\"covered\"]")).await == 1
    })
    .await;
    let line = dashboard_coverage(&c, &base, &assessment, "covered").await;
    assert_eq!(line, "Covered");

    // A commitment with no control behind it is at risk, on the dashboard too.
    c.goto(&format!("{base}#/a/{assessment}/description"))
        .await
        .unwrap();
    click(&c, "#commitment-add").await;
    pick_text(&c, "#commitment-c1-text", "99.9% monthly uptime").await;
    eventually("the commitment at risk", || async {
        count(&c, "[data-commitment=\"at-risk\"]").await == 1
    })
    .await;
    c.goto(&format!("{base}#/a/{assessment}/dashboard"))
        .await
        .unwrap();
    wait_for(&c, ".soc2r-register [data-commitment=\"at-risk\"]").await;

    // Export and import: the register comes back whole.
    c.goto(&server.url).await.unwrap();
    click(&c, ".soc2r-item button.export").await;
    let exported = downloaded(&downloads, ".soc2.json").await;
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&exported).unwrap()).unwrap();
    assert_eq!(doc["vendors"][0]["name"], "Cloudhost");
    assert_eq!(doc["vendors"][0]["bridge_until"], "2026-12-31");
    assert_eq!(doc["vendors"][0]["csocs"][0]["tested"], true);
    assert_eq!(doc["commitments"][0]["text"], "99.9% monthly uptime");
    import_as_new(&c, &exported).await;
    click(&c, ".tabs a[href$='/vendors']").await;
    wait_for(
        &c,
        "section[data-vendor=\"v1\"] [data-vendor-coverage=\"covered\"]",
    )
    .await;
    let copy = c.current_url().await.unwrap().to_string();
    assert!(
        !copy.contains(&assessment),
        "the copy is another assessment"
    );
    let back = c
        .find(Locator::Css("#vendor-v1-report-0-end"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(back.as_deref(), Some("2026-09-30"));
    c.close().await.unwrap();
}

/// Sets a text input as a user typing and leaving it would, firing `change`.
async fn pick_text(c: &Client, css: &str, value: &str) {
    wait_for(c, css).await;
    let el = c.find(Locator::Css(css)).await.unwrap();
    el.send_keys(value).await.unwrap();
    run(
        c,
        &format!(
            "document.querySelector('{css}').dispatchEvent(new Event('change', {{ bubbles: true }}));"
        ),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pre_audit_check_links_to_the_card_that_fixes_each_finding() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "flows-precheck", &temp_dir("flows-precheck")).await;
    c.goto(&server.url).await.unwrap();
    let ready = start_assessment(&c).await;
    let card = ready.split(' ').next().unwrap().to_owned();
    // "Ready" with no evidence item ticked.
    click(&c, &ready).await;
    let url = c.current_url().await.unwrap().to_string();
    let base = url.split('#').next().unwrap().to_owned();
    let assessment = url
        .split("#/a/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    c.goto(&format!("{base}#/a/{assessment}/dashboard"))
        .await
        .unwrap();
    let finding = "[data-precheck=\"ready-without-evidence\"]";
    wait_for(&c, finding).await;
    assert_eq!(count(&c, finding).await, 1);
    // Its link opens the card; ticking an item there takes it away.
    click(&c, &format!("{finding} a")).await;
    wait_for(&c, &card).await;
    click(&c, &format!("{card} details summary")).await;
    click(&c, &format!("{card} ul.evidence input[type=checkbox]")).await;
    click(&c, ".tabs a[href$='/dashboard']").await;
    wait_for(&c, ".soc2r-precheck").await;
    assert_eq!(count(&c, finding).await, 0, "fixed, so gone");
    c.close().await.unwrap();
}

/// Fills a textarea as a paste would (one `input` event).
async fn paste(c: &Client, css: &str, text: &str) {
    wait_for(c, css).await;
    c.execute(
        "const t = document.querySelector(arguments[0]); t.value = arguments[1]; \
         t.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![serde_json::json!(css), serde_json::json!(text)],
    )
    .await
    .unwrap();
}

/// The ids of the picks a control's card shows, in order.
async fn picks(c: &Client, card: &str) -> Vec<String> {
    let mut out = Vec::new();
    for row in c
        .find_all(Locator::Css(&format!("{card} tr[data-pick]")))
        .await
        .unwrap()
    {
        out.push(row.attr("data-pick").await.unwrap().unwrap_or_default());
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rehearsed_sample_with_a_failed_pick_shows_as_an_exception_and_survives_a_reload() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("flows-fieldwork");
    let c = browser(&driver, "flows-fieldwork", &downloads).await;
    let (base, assessment) = start_type2_2026(&c, &server.url).await;
    // The leavers control is in place.
    let id = "cc6-leaver-deprovisioning";
    c.goto(&format!("{base}#/a/{assessment}/questions/{id}"))
        .await
        .unwrap();
    click(&c, &format!("#q-{id} button[data-status=implemented]")).await;

    // 120 joiners' accesses pasted, counted, drawn with a seed.
    c.goto(&format!("{base}#/a/{assessment}/fieldwork"))
        .await
        .unwrap();
    let card = format!("section[data-fieldwork=\"{id}\"]");
    let mut rows = String::from("leaver,date,team\r\n");
    for i in 0..120 {
        rows.push_str(&format!(
            "L{i:03},2026-{:02}-{:02},ops\r\n",
            i % 12 + 1,
            i % 28 + 1
        ));
    }
    rows.push_str("L999,2025-12-31,ops\r\n");
    click(&c, &format!("{card} details.rehearse summary")).await;
    paste(&c, &format!("#fw-{id}-paste"), &rows).await;
    click(&c, &format!("#fw-{id}-count")).await;
    eventually("the population counted", || async {
        text_of(&c, &format!("{card} .population")).await
            == "Population: 120 in the period (1 outside it, left out). Sample: 40."
    })
    .await;
    pick_text(&c, &format!("#fw-{id}-seed"), "12345").await;
    click(&c, &format!("#fw-{id}-draw")).await;
    eventually("40 picks", || async { picks(&c, &card).await.len() == 40 }).await;
    let drawn = picks(&c, &card).await;
    let first = drawn[0].clone();
    click(
        &c,
        &format!("{card} tr[data-pick=\"{first}\"] button[data-result=fail]"),
    )
    .await;
    eventually("the predicted exception", || async {
        count(&c, &format!("{card} [data-prediction=\"exception\"]")).await == 1
    })
    .await;
    // Drawing again would throw that result away: asked first, and kept.
    click(&c, &format!("#fw-{id}-draw")).await;
    click(&c, &format!("#fw-{id}-replace-no")).await;
    assert_eq!(picks(&c, &card).await, drawn);
    assert_eq!(
        count(&c, &format!("{card} [data-prediction=\"exception\"]")).await,
        1
    );
    // The pre-audit check names the row outside the period.
    c.goto(&format!("{base}#/a/{assessment}/dashboard"))
        .await
        .unwrap();
    wait_for(&c, "[data-precheck=\"population-outside-period\"]").await;
    let reasons = text(&c, ".soc2r-outcome .reasons").await;
    assert!(
        reasons.contains(&format!("failed on {first} (1 of 1 picks tested)")),
        "{reasons}"
    );

    // Reload: the same sample, the same result.
    c.goto(&format!("{base}#/a/{assessment}/fieldwork"))
        .await
        .unwrap();
    c.refresh().await.unwrap();
    eventually("the picks back", || async {
        picks(&c, &card).await.len() == 40
    })
    .await;
    assert_eq!(picks(&c, &card).await, drawn);
    assert_eq!(count(&c, &format!("{card} [data-seed=\"12345\"]")).await, 1);

    // Four leavers: a sample of four.
    let small = "cc6-access-request-approval";
    let card = format!("section[data-fieldwork=\"{small}\"]");
    click(&c, &format!("{card} details.rehearse summary")).await;
    // Chosen as a file this time.
    let tsv = downloads.join("access-requests.tsv");
    std::fs::write(
        &tsv,
        "id\tdate\nA1\t2026-02-01\nA2\t2026-03-01\nA3\t2026-04-01\nA4\t2026-05-01\n",
    )
    .unwrap();
    choose_file(&c, &format!("#fw-{small}-file"), &tsv).await;
    eventually("the file read into the box", || async {
        count(&c, &format!("#fw-{small}-count:not([disabled])")).await == 1
    })
    .await;
    click(&c, &format!("#fw-{small}-count")).await;
    click(&c, &format!("#fw-{small}-draw")).await;
    eventually("every item picked", || async {
        picks(&c, &card).await.len() == 4
    })
    .await;
    c.close().await.unwrap();
}

async fn text_of(c: &Client, css: &str) -> String {
    match c.find(Locator::Css(css)).await {
        Ok(e) => e.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}
