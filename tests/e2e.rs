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

#[tokio::test(flavor = "multi_thread")]
async fn answer_reload_export_import_like_a_user() {
    let server = serve(dist_dir());
    let driver = start_driver();
    let downloads = temp_dir("downloads");
    let c = browser(&driver, &downloads).await;

    c.goto(&server.url).await.unwrap();
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
    c.find(Locator::Css(&ready))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
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

    // Export downloads a JSON document with the answer in it.
    c.find(Locator::Css("#export-json"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let mut exported = PathBuf::new();
    eventually("the export download", || {
        let found = std::fs::read_dir(&downloads)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|p| p.extension().is_some_and(|e| e == "json"));
        if let Some(p) = found.clone() {
            exported = p;
        }
        async move { found.is_some() }
    })
    .await;
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&exported).unwrap()).unwrap();
    let short_id = qid.trim_start_matches("q-");
    assert_eq!(doc["format"], "soc2-readiness-assessment");
    assert_eq!(doc["answers"][short_id]["status"], "ready");

    // Change the answer, then import the export: the imported answers return.
    let missing = format!("#{qid} button[data-status=missing]");
    c.find(Locator::Css(&missing))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    eventually("the changed answer", || async {
        pressed(&c, &missing).await
    })
    .await;
    let input = c.find(Locator::Css("#import-json")).await.unwrap();
    input
        .send_keys(&exported.display().to_string())
        .await
        .unwrap();
    eventually("the import notice", || async {
        text(&c, ".soc2r-notices").await.contains("Imported")
    })
    .await;
    assert!(pressed(&c, &ready).await, "imported answer shown");
    assert_eq!(text(&c, "#overall-readiness").await, score);

    // A broken file is refused with a message, and nothing changes.
    let broken = downloads.join("broken.json");
    std::fs::write(&broken, b"{\"format\": \"soc2-readiness-assessment\", oops").unwrap();
    let input = c.find(Locator::Css("#import-json")).await.unwrap();
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
    assert!(
        pressed(&c, &ready).await,
        "answers untouched by a failed import"
    );

    // Everything the page loaded came from our own server.
    assert!(!server.requests.lock().unwrap().is_empty());
    c.close().await.unwrap();
}
