//! End-to-end: the built `dist/` served on 127.0.0.1, driven in headless
//! Chromium through chromedriver like a user would.
//!
//! Needs `./setup.sh build` first (`./setup.sh test` does it) and chromedriver
//! on PATH. Run: `cargo test --features e2e --test e2e`.

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Serves `dist/` and records every path the browser asks for.
struct StaticServer {
    url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

fn dist_dir() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "dist/index.html is missing: run `./setup.sh build` first"
    );
    dist
}

fn serve(root: PathBuf) -> StaticServer {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = server.server_addr().to_ip().expect("ip address").port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let log = requests.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let path = request.url().split('?').next().unwrap_or("/").to_owned();
            log.lock().unwrap().push(path.clone());
            let rel = if path == "/" {
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
                        Some("svg") => "image/svg+xml",
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

async fn browser(driver: &Driver, downloads: &Path) -> Client {
    let profile = temp_dir("profile");
    let caps = serde_json::json!({
        "goog:chromeOptions": {
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {
                "download.default_directory": downloads.display().to_string(),
                "download.prompt_for_download": false,
            },
        }
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session")
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

#[tokio::test(flavor = "multi_thread")]
async fn answer_reload_export_import_like_a_user() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads");
    let c = browser(&driver, &downloads).await;

    // First visit: an introduction, then a new assessment.
    c.goto(&server.url).await.unwrap();
    c.wait()
        .for_element(Locator::Css(".soc2r-welcome"))
        .await
        .unwrap();
    click(&c, "#start-full").await;
    c.wait()
        .for_element(Locator::Css("#scope-heading"))
        .await
        .unwrap();
    click(&c, ".soc2r-scope a.primary").await;
    c.wait()
        .for_element(Locator::Css("#overall-readiness"))
        .await
        .unwrap();
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
    c.wait().for_element(Locator::Css(&ready)).await.unwrap();
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
    let input = c.find(Locator::Css("#import-file")).await.unwrap();
    input
        .send_keys(&exported.display().to_string())
        .await
        .unwrap();
    // The file's id is stored already: the app asks before doing anything.
    click(&c, "#import-as-new").await;
    eventually("the import notice", || async {
        text(&c, ".soc2r-notices").await.contains("Imported")
    })
    .await;
    click(&c, ".tabs a[href$='/questions']").await;
    c.wait().for_element(Locator::Css(&ready)).await.unwrap();
    assert!(pressed(&c, &ready).await, "imported answer shown");
    assert_eq!(text(&c, "#overall-readiness").await, score);
    c.goto(&server.url).await.unwrap();
    c.wait()
        .for_element(Locator::Css(".soc2r-item"))
        .await
        .unwrap();
    assert_eq!(
        c.find_all(Locator::Css(".soc2r-item")).await.unwrap().len(),
        2
    );

    // A broken file is refused with a message saying where, and nothing changes.
    let broken = downloads.join("broken.json");
    std::fs::write(&broken, b"{\"format\": \"soc2-readiness-assessment\", oops").unwrap();
    let input = c.find(Locator::Css("#import-file")).await.unwrap();
    input
        .send_keys(&broken.display().to_string())
        .await
        .unwrap();
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
