//! The modules depend in one direction: the core on nothing of the web,
//! the browser adapters not on the UI, screens not on the app shell, and
//! the exchange's reader and migrations not on each other.

use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source file");
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

/// Files under `dir` whose code (not comments) names any of `forbidden`.
fn offenders(dir: &str, forbidden: &[&str]) -> Vec<String> {
    sources(dir)
        .into_iter()
        .flat_map(|(path, text)| {
            text.lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .filter(|l| forbidden.iter().any(|f| l.contains(f)))
                .map(|l| format!("{}: {}", path.display(), l.trim()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_core_knows_nothing_of_the_browser_or_the_ui() {
    let found = offenders(
        "src/core",
        &[
            "crate::ui",
            "crate::browser",
            "web_sys",
            "yew::",
            "wasm_bindgen",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn browser_adapters_do_not_reach_into_the_ui() {
    let found = offenders("src/browser", &["crate::ui", "super::super::ui"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn screens_and_widgets_do_not_import_the_app_shell() {
    for dir in ["src/ui/screens", "src/ui/widgets"] {
        let found = offenders(dir, &["ui::app", "super::app", "super::super::app"]);
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn the_exchange_reader_and_its_migrations_do_not_import_each_other() {
    let read = |f: &str| {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(f)).expect("file")
    };
    let code = |text: String| {
        text.lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let migrate = code(read("src/core/exchange/migrate.rs")).replace("serde_json", "");
    let json = code(read("src/core/exchange/json.rs"));
    // json reads through the migrations; the migrations stand alone.
    assert!(json.contains("migrate"), "json.rs uses the migrations");
    assert!(
        !migrate.contains("json::") && !migrate.contains("super::json"),
        "migrate.rs imports json.rs"
    );
}
