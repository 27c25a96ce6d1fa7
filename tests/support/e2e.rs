//! Shared end-to-end helpers: a static server for `dist/`, chromedriver,
//! a headless Chromium session, and polling helpers. Each e2e test file
//! includes this with `#[path = "support/e2e.rs"] mod e2e;`.
#![allow(dead_code)]

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn project_file(rel: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    assert!(
        path.is_file(),
        "{rel} is missing: run `./setup.sh single-file` first"
    );
    path
}

pub fn dist_dir() -> PathBuf {
    project_file("dist/index.html")
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Serves `dist/` on 127.0.0.1 and logs every path asked for. While
/// `offline` is set it answers 503 to everything, like a dead server.
pub struct StaticServer {
    pub url: String,
    pub requests: Arc<Mutex<Vec<String>>>,
    pub offline: Arc<AtomicBool>,
}

impl StaticServer {
    pub fn request_count(&self) -> usize {
        self.requests.lock().unwrap().len()
    }
}

pub fn serve(root: PathBuf) -> StaticServer {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().expect("a local address").port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let offline = Arc::new(AtomicBool::new(false));
    let (log, down, root) = (requests.clone(), offline.clone(), Arc::new(root));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (log, down, root) = (log.clone(), down.clone(), root.clone());
            std::thread::spawn(move || answer_connection(stream, &root, &log, &down));
        }
    });
    StaticServer {
        url: format!("http://127.0.0.1:{port}/"),
        requests,
        offline,
    }
}

/// Answers the GET requests of one keep-alive connection, each response in
/// one write on a socket without Nagle's delay, as production static servers
/// do. (A server that writes a response in small pieces without TCP_NODELAY
/// meets the client's delayed ACK and stalls about 40 ms per file, which
/// would swamp the load times the benchmark measures.)
fn answer_connection(
    stream: std::net::TcpStream,
    root: &Path,
    log: &Mutex<Vec<String>>,
    down: &AtomicBool,
) {
    use std::io::{BufRead, BufReader, Read, Write};
    let _ = stream.set_nodelay(true);
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let (mut reader, mut writer) = (BufReader::new(read_half), stream);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let (mut close, mut body_length) = (false, 0u64);
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 {
                return;
            }
            if header.trim().is_empty() {
                break;
            }
            let header = header.to_ascii_lowercase();
            close |= header.starts_with("connection:") && header.contains("close");
            if let Some(n) = header.strip_prefix("content-length:") {
                body_length = n.trim().parse().unwrap_or(0);
            }
        }
        // A request body (the app sends none) is read past, so the next
        // request on this connection starts where it should.
        if std::io::copy(&mut (&mut reader).take(body_length), &mut std::io::sink()).is_err() {
            return;
        }
        let mut words = request_line.split_whitespace();
        let method = words.next().unwrap_or_default().to_owned();
        let path = words
            .next()
            .unwrap_or("/")
            .split('?')
            .next()
            .unwrap_or("/")
            .to_owned();
        log.lock().unwrap().push(path.clone());
        let (status, mime, body) = if down.load(Ordering::SeqCst) {
            ("503 Service Unavailable", "text/plain", Vec::new())
        } else {
            static_file(root, &path)
        };
        let mut response = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        if method != "HEAD" {
            response.extend_from_slice(&body);
        }
        if writer.write_all(&response).is_err() || close {
            return;
        }
    }
}

/// Status, content type and body for a request path under `root`.
fn static_file(root: &Path, path: &str) -> (&'static str, &'static str, Vec<u8>) {
    let rel = if path.ends_with('/') {
        "index.html"
    } else {
        path.trim_start_matches('/')
    };
    let file = root.join(rel);
    let inside = file
        .canonicalize()
        .map(|f| f.starts_with(root))
        .unwrap_or(false);
    match std::fs::read(&file) {
        Ok(bytes) if inside => {
            let mime = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("json") => "application/json",
                _ => "application/octet-stream",
            };
            ("200 OK", mime, bytes)
        }
        _ => ("404 Not Found", "text/plain", b"not found".to_vec()),
    }
}

/// chromedriver on a free port, killed when dropped.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Drop for Driver {
    /// Ends chromedriver and every browser it started (they share its
    /// process group), so no Chromium outlives its test, even a failed one.
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start_driver() -> Driver {
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
            .process_group(0)
            .spawn()
            .expect("chromedriver on PATH (./setup.sh test installs it)");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Driver { child, port }
}

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("soc2r-e2e-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A Chromium DevTools or chromedriver command WebDriver itself lacks.
#[derive(Debug)]
pub struct Raw {
    pub path: &'static str,
    pub body: Value,
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
pub const RECORD_VIOLATIONS: &str = "window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline'));
});";

/// A fresh browser profile named `name`, downloading into `downloads`.
pub async fn browser(driver: &Driver, name: &str, downloads: &Path) -> Client {
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
    devtools(
        &c,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": RECORD_VIOLATIONS }),
    )
    .await;
    c
}

/// Runs a Chromium DevTools command (`cmd` with `params`) in the page.
pub async fn devtools(c: &Client, cmd: &str, params: Value) {
    c.issue_cmd(Raw {
        path: "goog/cdp/execute",
        body: json!({ "cmd": cmd, "params": params }),
    })
    .await
    .unwrap_or_else(|e| panic!("DevTools {cmd} {params}: {e}"));
}

/// Runs a Chromium DevTools command and returns its result.
pub async fn devtools_value(c: &Client, cmd: &str, params: Value) -> Value {
    c.issue_cmd(Raw {
        path: "goog/cdp/execute",
        body: json!({ "cmd": cmd, "params": params }),
    })
    .await
    .unwrap_or_else(|e| panic!("DevTools {cmd} {params}: {e}"))
}

/// Addresses of every request the page started since the last call,
/// from Chromium's DevTools network log.
pub async fn network_log(c: &Client) -> Vec<String> {
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
pub fn over_the_network(urls: &[String]) -> Vec<String> {
    urls.iter()
        .filter(|u| {
            ["http:", "https:", "ws:", "wss:"]
                .iter()
                .any(|s| u.starts_with(s))
        })
        .cloned()
        .collect()
}

pub async fn run(c: &Client, script: &str) -> Value {
    c.execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

pub async fn csp_violations(c: &Client) -> Vec<String> {
    serde_json::from_value(run(c, "return window.__cspViolations || null;").await)
        .expect("the violation recorder is installed")
}

/// What the document fetched: Resource Timing entries (served from the
/// network or from the service worker's cache alike).
pub async fn resources(c: &Client) -> Vec<String> {
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
pub async fn eventually<F, Fut>(what: &str, mut check: F)
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

pub async fn text(c: &Client, css: &str) -> String {
    match c.find(Locator::Css(css)).await {
        Ok(el) => el.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

pub async fn pressed(c: &Client, css: &str) -> bool {
    match c.find(Locator::Css(css)).await {
        Ok(el) => el.attr("aria-pressed").await.ok().flatten().as_deref() == Some("true"),
        Err(_) => false,
    }
}

/// Waits for the element `css` finds, and returns it.
pub async fn wait_for(c: &Client, css: &str) -> Element {
    c.wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}`: {e}"))
}

pub async fn click(c: &Client, css: &str) {
    click_on(c, Locator::Css(css)).await;
}

/// Clicks what an XPath finds, for elements named by their text.
pub async fn click_xpath(c: &Client, xpath: &str) {
    click_on(c, Locator::XPath(xpath)).await;
}

async fn click_on(c: &Client, locator: Locator<'_>) {
    // An element re-rendered between finding and clicking it (the app
    // redraws when its reference files arrive) is found again.
    for attempt in 1.. {
        let element = c
            .wait()
            .for_element(locator)
            .await
            .unwrap_or_else(|e| panic!("no {locator:?}: {e}"));
        match element.click().await {
            Ok(()) => return,
            Err(e) if attempt < 5 && e.to_string().contains("stale element") => {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            Err(e) => panic!("could not click {locator:?}: {e}"),
        }
    }
}

pub async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.unwrap().len()
}

/// Chooses `file` in the file input `css`, as a user picking it would.
pub async fn choose_file(c: &Client, css: &str, file: &Path) {
    wait_for(c, css)
        .await
        .send_keys(&file.display().to_string())
        .await
        .unwrap_or_else(|e| panic!("could not choose {} in `{css}`: {e}", file.display()));
}

/// On the home screen: imports `file` as a new assessment and waits for the
/// notice that says so.
pub async fn import_as_new(c: &Client, file: &Path) {
    choose_file(c, "#import-file", file).await;
    click(c, "#import-as-new").await;
    eventually("the import notice", || async {
        text(c, ".soc2r-notices").await.contains("Imported")
    })
    .await;
}

/// The file downloaded into `dir` whose name ends with `suffix`.
pub async fn downloaded(dir: &Path, suffix: &str) -> PathBuf {
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
pub async fn start_assessment(c: &Client) -> String {
    click(c, "#start-full").await;
    wait_for(c, "#scope-heading").await;
    click(c, ".soc2r-scope a.primary").await;
    let card = wait_for(c, ".soc2r-question").await;
    let qid = card.attr("id").await.unwrap().expect("question ids");
    format!("#{qid} button[data-status=ready]")
}

/// Answers "Ready" and waits for the score to move.
pub async fn answer_ready(c: &Client, ready: &str) {
    assert_eq!(text(c, "#overall-readiness").await, "0%");
    click(c, ready).await;
    eventually("the score to change", || async {
        text(c, "#overall-readiness").await != "0%"
    })
    .await;
    assert!(pressed(c, ready).await);
}

/// Waits until a service worker controls the page (it has cached the app).
pub async fn service_worker_in_control(c: &Client) {
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
pub async fn storage_keys(c: &Client) -> Vec<String> {
    serde_json::from_value(run(c, "return Object.keys(localStorage).sort();").await).unwrap()
}

// ------------------------------------------------------------------ tests
