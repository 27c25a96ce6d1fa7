//! End-to-end: the built `dist/` served on 127.0.0.1, driven in headless
//! Chromium through chromedriver like a user would.
//!
//! Needs `./setup.sh build` first (`./setup.sh test` does it) and chromedriver
//! on PATH. Run: `cargo test --features e2e --test e2e`.

#[path = "support/e2e.rs"]
mod e2e;

use e2e::*;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn answer_reload_export_import_like_a_user() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads");
    let c = browser(&driver, "user", &downloads).await;

    // First visit: an introduction, then a new assessment.
    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    click(&c, "#start-full").await;
    wait_for(&c, "#scope-heading").await;
    click(&c, ".soc2r-scope a.primary").await;
    wait_for(&c, "#overall-readiness").await;
    assert_eq!(text(&c, "#overall-readiness").await, "0%");

    // Answer the first question "Ready": the score rises at once.
    let card = c.find(Locator::Css(".soc2r-question")).await.unwrap();
    let qid = card
        .attr("id")
        .await
        .unwrap()
        .expect("question cards have ids");
    let ready = format!("#{qid} button[data-status=ready]");
    click(&c, &ready).await;
    eventually("the score to change", || async {
        text(&c, "#overall-readiness").await != "0%"
    })
    .await;
    let score = text(&c, "#overall-readiness").await;
    assert!(pressed(&c, &ready).await);

    // Reload: the answer and the score are still there.
    c.refresh().await.unwrap();
    wait_for(&c, &ready).await;
    assert!(pressed(&c, &ready).await, "answer kept after reload");
    assert_eq!(text(&c, "#overall-readiness").await, score);

    // Export from the list downloads a JSON document with the answer in it.
    c.goto(&server.url).await.unwrap();
    click(&c, ".soc2r-item button.export").await;
    let exported = downloaded(&downloads, ".soc2.json").await;
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&exported).unwrap()).unwrap();
    let short_id = qid.trim_start_matches("q-");
    assert_eq!(doc["format"], "soc2-readiness-assessment");
    assert_eq!(doc["answers"][short_id]["status"], "ready");

    // Import it as a copy: a second assessment with the same answers.
    // The file's id is stored already: the app asks before doing anything.
    import_as_new(&c, &exported).await;
    // A plain file says so, so a protected one swapped for it is noticed.
    assert!(
        text(&c, ".soc2r-notices")
            .await
            .contains("not password-protected")
    );
    click(&c, ".tabs a[href$='/questions']").await;
    wait_for(&c, &ready).await;
    assert!(pressed(&c, &ready).await, "imported answer shown");
    assert_eq!(text(&c, "#overall-readiness").await, score);
    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-item").await;
    assert_eq!(
        c.find_all(Locator::Css(".soc2r-item")).await.unwrap().len(),
        2
    );

    // A broken file is refused with a message saying where, and nothing changes.
    let broken = downloads.join("broken.json");
    std::fs::write(&broken, b"{\"format\": \"soc2-readiness-assessment\", oops").unwrap();
    choose_file(&c, "#import-file", &broken).await;
    eventually("the import error", || async {
        text(&c, ".soc2r-notices")
            .await
            .contains("was not imported")
    })
    .await;
    let notices = text(&c, ".soc2r-notices").await;
    assert!(notices.contains("line 1"), "error says where: {notices}");
    assert_eq!(
        c.find_all(Locator::Css(".soc2r-item")).await.unwrap().len(),
        2
    );

    // Everything the page loaded came from our own server.
    assert!(!server.requests.lock().unwrap().is_empty());
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_newcomer_sees_the_first_screen_before_the_app_is_live_and_cannot_click_too_soon() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "prerender", &temp_dir("prerender-downloads")).await;

    // The Wasm never arrives: what the page shows is index.html alone.
    devtools(&c, "Network.enable", serde_json::json!({})).await;
    devtools(
        &c,
        "Network.setBlockedURLs",
        serde_json::json!({ "urls": ["*.wasm"] }),
    )
    .await;
    c.goto(&server.url).await.unwrap();
    let intro = text(&c, ".soc2r-prerender .soc2r-intro").await;
    assert!(
        intro.starts_with("How ready are you for a SOC 2 audit?"),
        "{intro}"
    );
    let disabled = run(
        &c,
        "return [...document.querySelectorAll('.soc2r-prerender button')].map((b) => b.disabled);",
    )
    .await;
    assert_eq!(
        disabled,
        serde_json::json!([true, true]),
        "visibly not yet possible"
    );
    assert_eq!(
        text(&c, ".soc2r-prerender [role=status]").await,
        "Starting the app…"
    );
    assert_eq!(count(&c, "#start-full").await, 0);

    // A returning visitor is not shown the introduction while it starts.
    run(
        &c,
        "localStorage.setItem('soc2r/v1/assessment/x', '{}'); return null;",
    )
    .await;
    c.refresh().await.unwrap();
    wait_for(&c, "noscript").await;
    eventually("the introduction gone", || async {
        count(&c, ".soc2r-prerender").await == 0
    })
    .await;
    run(&c, "localStorage.clear(); return null;").await;

    // With the Wasm, the app replaces it with the live screen.
    devtools(
        &c,
        "Network.setBlockedURLs",
        serde_json::json!({ "urls": [] }),
    )
    .await;
    c.refresh().await.unwrap();
    wait_for(&c, "#start-full").await;
    assert_eq!(count(&c, ".soc2r-prerender").await, 0);
    assert_eq!(count(&c, ".soc2r-app").await, 1);
    c.close().await.unwrap();
}

/// Top, left (on the page, wherever it is scrolled) and height of the
/// element `css` finds, in CSS pixels.
async fn place(c: &fantoccini::Client, css: &str) -> Vec<f64> {
    let script = format!(
        "const r = document.querySelector({}).getBoundingClientRect(); return [r.top + scrollY, r.left + scrollX, r.height];",
        serde_json::to_string(css).unwrap()
    );
    serde_json::from_value(run(c, &script).await).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_returning_user_sees_the_screen_they_left_before_the_app_is_live() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let c = browser(&driver, "paint", &temp_dir("paint-downloads")).await;
    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    let card = ready.replace(" button[data-status=ready]", "");
    let live_text = text(&c, ".soc2r-main").await;
    let live_place = place(&c, &card).await;

    // The Wasm never arrives (past the worker too): the page shows the
    // screen kept as it was left, inert and busy.
    devtools(&c, "Network.enable", serde_json::json!({})).await;
    devtools(
        &c,
        "Network.setBypassServiceWorker",
        serde_json::json!({ "bypass": true }),
    )
    .await;
    devtools(
        &c,
        "Network.setBlockedURLs",
        serde_json::json!({ "urls": ["*.wasm"] }),
    )
    .await;
    c.refresh().await.unwrap();
    wait_for(&c, ".soc2r-snapshot").await;
    assert_eq!(
        count(&c, ".soc2r-app").await,
        1,
        "the first-visit screen is gone"
    );
    assert_eq!(text(&c, ".soc2r-snapshot .soc2r-main").await, live_text);
    let state = run(
        &c,
        "const s = document.querySelector('.soc2r-snapshot'); return [s.inert, s.getAttribute('aria-busy')];",
    )
    .await;
    assert_eq!(
        state,
        serde_json::json!([true, "true"]),
        "not yet clickable"
    );
    assert!(
        pressed(&c, &format!(".soc2r-snapshot {ready}")).await,
        "the answer shows"
    );
    assert_eq!(
        place(&c, &card).await,
        live_place,
        "drawn where the app draws it"
    );
    // For review beside the other screens' shots.
    let shots = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    std::fs::write(
        shots.join("paint-before-wasm.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();
    let kept: String =
        serde_json::from_value(run(&c, "return localStorage.getItem('soc2r/v1/paint');").await)
            .unwrap();

    // Storage others can write: an element or attribute that is not the
    // app's is never drawn, and the whole paint is dropped.
    for (hostile, drawn) in [
        (
            r#"["div",{"class":"soc2r-app"},["img",{"src":"x","onerror":"window.__pwned=1"}]]"#,
            0,
        ),
        (
            r#"["div",{"class":"soc2r-app"},["a",{"href":"javascript:window.__pwned=1"},"Go"]]"#,
            0,
        ),
        (
            r#"["div",{"class":"soc2r-app"},["script",{},"window.__pwned=1"]]"#,
            0,
        ),
        (
            r#"["div",{"class":"soc2r-app","onclick":"window.__pwned=1"},"x"]"#,
            0,
        ),
        // Text that looks like markup stays text: drawn, and harmless.
        (
            r#"["div",{"class":"soc2r-app"},"<img src=x onerror=window.__pwned=1>"]"#,
            1,
        ),
    ] {
        let planted = kept.replace(
            &kept[kept.find("\"tree\":").unwrap()..kept.len() - 1],
            &format!("\"tree\":{hostile}"),
        );
        let script = format!(
            "localStorage.setItem('soc2r/v1/paint', {}); return null;",
            serde_json::to_string(&planted).unwrap()
        );
        run(&c, &script).await;
        c.refresh().await.unwrap();
        wait_for(&c, "noscript").await;
        let after = run(
            &c,
            "return [document.querySelectorAll('.soc2r-snapshot').length, window.__pwned ?? null, localStorage.getItem('soc2r/v1/paint')];",
        )
        .await;
        assert_eq!(after[0], drawn, "{hostile}");
        assert_eq!(after[1], serde_json::Value::Null, "{hostile}");
        assert_eq!(
            after[2].is_null(),
            drawn == 0,
            "dropped when refused: {hostile}"
        );
    }

    // A record changed since the paint was kept: it shows something else,
    // so it is dropped.
    let script = format!(
        "localStorage.setItem('soc2r/v1/paint', {}); \
         const k = Object.keys(localStorage).find((k) => k.startsWith('soc2r/v1/assessment/')); \
         localStorage.setItem(k, localStorage.getItem(k) + ' '); return null;",
        serde_json::to_string(&kept).unwrap()
    );
    run(&c, &script).await;
    c.refresh().await.unwrap();
    wait_for(&c, "noscript").await;
    assert_eq!(count(&c, ".soc2r-snapshot").await, 0);

    // With the Wasm, the app is live where the paint was.
    let script = format!(
        "const k = Object.keys(localStorage).find((k) => k.startsWith('soc2r/v1/assessment/')); \
         localStorage.setItem(k, localStorage.getItem(k).trimEnd()); \
         localStorage.setItem('soc2r/v1/paint', {}); return null;",
        serde_json::to_string(&kept).unwrap()
    );
    run(&c, &script).await;
    devtools(
        &c,
        "Network.setBlockedURLs",
        serde_json::json!({ "urls": [] }),
    )
    .await;
    c.refresh().await.unwrap();
    wait_for(
        &c,
        &format!(".soc2r-app:not(.soc2r-prerender) {ready}[aria-pressed=true]"),
    )
    .await;
    assert_eq!(count(&c, ".soc2r-prerender").await, 0);
    assert_eq!(
        place(&c, &card).await,
        live_place,
        "no shift when the app takes over"
    );
    c.close().await.unwrap();
}
