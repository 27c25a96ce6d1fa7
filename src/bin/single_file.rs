//! Turns the built `dist/` into one self-contained HTML file for offline and
//! air-gapped use: the wasm-bindgen glue, the Wasm (base64) and the styles
//! are inlined, and the page's Content-Security-Policy allows exactly those
//! two inline blocks by their SHA-256 hashes. Open it straight from disk.
//!
//! Usage: `cargo run --release --bin single-file -- [DIST_DIR] [OUT_FILE]`,
//! by default `dist` and `dist-single/soc2-readiness.html`.
//! `./setup.sh single-file` builds `dist/` first, then runs this.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match tool::run(std::env::args().skip(1).collect()) {
        Ok(summary) => {
            println!("{summary}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("single-file: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod tool {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use sha2::{Digest, Sha256};
    use std::path::PathBuf;

    /// The files of `dist/` that make up the app (Trunk `filehash = false`).
    const INDEX: &str = "index.html";
    const GLUE: &str = "soc2-readiness.js";
    const WASM: &str = "soc2-readiness_bg.wasm";
    const CSS: &str = "app.css";

    pub fn run(args: Vec<String>) -> Result<String, String> {
        let dist = PathBuf::from(args.first().map_or("dist", String::as_str));
        let out = PathBuf::from(
            args.get(1)
                .map_or("dist-single/soc2-readiness.html", String::as_str),
        );
        let read = |name: &str| {
            std::fs::read(dist.join(name)).map_err(|e| {
                format!(
                    "cannot read {}: {e} (run `./setup.sh build` first)",
                    dist.join(name).display()
                )
            })
        };
        let text =
            |name: &str| String::from_utf8(read(name)?).map_err(|_| format!("{name} is not UTF-8"));
        // The reference files the app would fetch right after start.
        let mut data = vec![("bank-soc2-bank".to_owned(), text("bank/soc2-bank.json")?)];
        for id in soc2_readiness::core::crosswalk::SHIPPED {
            data.push((
                format!("crosswalk-{id}"),
                text(&format!("crosswalk/{id}.json"))?,
            ));
        }
        let page = single_page(
            &text(INDEX)?,
            &text(GLUE)?,
            &read(WASM)?,
            &text(CSS)?,
            &data,
        )?;
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&out, &page).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        Ok(format!("wrote {} ({} bytes)", out.display(), page.len()))
    }

    /// The CSP source that allows an inline block with exactly this text.
    pub fn csp_hash(text: &str) -> String {
        format!(
            "'sha256-{}'",
            STANDARD.encode(Sha256::digest(text.as_bytes()))
        )
    }

    /// The part of `s` from the start of `open` to the end of `close`.
    fn element<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
        let start = s.find(open)?;
        let end = start + s[start..].find(close)? + close.len();
        Some(&s[start..end])
    }

    /// A JSON data block the app reads instead of fetching the file
    /// (`src/browser/data.rs`). Data blocks never run, so the policy does
    /// not list them; a `<` (only ever inside a JSON string) is written
    /// `\u003c`, so nothing in the data can end or open an element.
    fn data_block(name: &str, json: &str) -> String {
        format!(
            "<script type=\"application/json\" id=\"soc2r-data-{name}\">{}</script>\n",
            json.trim().replace('<', "\\u003c")
        )
    }

    /// Builds the page: the `<title>` and `<body>` of the built index.html,
    /// with the styles, the reference data (`data`: name and JSON text) and
    /// a module script (glue, then the Wasm as base64 and its start-up)
    /// inlined.
    pub fn single_page(
        index: &str,
        glue: &str,
        wasm: &[u8],
        css: &str,
        data: &[(String, String)],
    ) -> Result<String, String> {
        let title = element(index, "<title>", "</title>").ok_or("index.html has no <title>")?;
        let body = element(index, "<body", "</body>").ok_or("index.html has no <body>")?;
        if !glue.contains("__wbg_init as default") {
            return Err(format!(
                "{GLUE} does not export `__wbg_init` as its default: update this tool for the new wasm-bindgen"
            ));
        }
        let script = format!(
            "{glue}\n// Single file: the Wasm below, inlined as base64.\n\
             await __wbg_init({{ module_or_path: Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0)) }});\n",
            STANDARD.encode(wasm)
        );
        // Text that would end or confuse the inline element it goes into.
        let lower = script.to_ascii_lowercase();
        if lower.contains("</script") || lower.contains("<!--") || lower.contains("<script") {
            return Err(format!(
                "{GLUE} contains markup that cannot be inlined in <script>"
            ));
        }
        if css.to_ascii_lowercase().contains("</style") {
            return Err(format!("{CSS} contains `</style`"));
        }
        let csp = format!(
            "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; \
             base-uri 'none'; form-action 'none'; object-src 'none'",
            csp_hash(&script),
            csp_hash(css)
        );
        Ok(format!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n\
             <meta charset=\"utf-8\" />\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
             <!-- Everything is inside this file. The policy allows only the inline\n     \
             script and style below (by hash) and compiling their WebAssembly:\n     \
             the page can load nothing and send nothing. -->\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />\n\
             <meta name=\"referrer\" content=\"no-referrer\" />\n\
             {title}\n<style>{css}</style>\n{blocks}<script type=\"module\">{script}</script>\n\
             </head>\n{body}\n</html>\n",
            blocks = data
                .iter()
                .map(|(name, json)| data_block(name, json))
                .collect::<String>()
        ))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        const INDEX: &str = "<!doctype html><html><head><title>Check</title>\
            <link rel=\"stylesheet\" href=\"./app.css\"/><script type=\"module\" src=\"./boot.js\"></script>\
            </head><body><main id=\"soc2-readiness\" data-title=\"Check\"></main></body></html>";
        const GLUE: &str =
            "async function __wbg_init(x) {}\nexport { initSync, __wbg_init as default };";

        #[test]
        fn the_page_needs_no_other_file_and_its_policy_allows_exactly_its_inline_blocks() {
            let page =
                single_page(INDEX, GLUE, b"\0asm", ".soc2r-app { color: red; }", &[]).unwrap();
            assert!(!page.contains("src=") && !page.contains("href="), "{page}");
            assert!(page.contains("<main id=\"soc2-readiness\" data-title=\"Check\"></main>"));
            assert!(page.contains(&format!("\"{}\"", STANDARD.encode(b"\0asm"))));
            let script = element(&page, "<script type=\"module\">", "</script>").unwrap();
            let script =
                &script["<script type=\"module\">".len()..script.len() - "</script>".len()];
            let style = element(&page, "<style>", "</style>").unwrap();
            let style = &style["<style>".len()..style.len() - "</style>".len()];
            assert!(page.contains(&format!(
                "script-src {} 'wasm-unsafe-eval'",
                csp_hash(script)
            )));
            assert!(page.contains(&format!("style-src {};", csp_hash(style))));
            assert!(!page.contains("unsafe-inline"));
        }

        #[test]
        fn glue_that_would_break_out_of_its_script_element_is_refused() {
            let glue = format!("{GLUE}\nconst s = '</script><img src=x>';");
            let err = single_page(INDEX, &glue, b"", "", &[]).unwrap_err();
            assert!(err.contains("cannot be inlined"), "{err}");
        }

        #[test]
        fn data_goes_inline_as_json_that_cannot_end_its_element() {
            let data = [(
                "crosswalk-x".to_owned(),
                r#"{"a": "</script><b>"}"#.to_owned(),
            )];
            let page = single_page(INDEX, GLUE, b"", "", &data).unwrap();
            let block = element(&page, "<script type=\"application/json\"", "</script>").unwrap();
            assert!(block.contains("id=\"soc2r-data-crosswalk-x\""), "{block}");
            let json = &block[block.find('>').unwrap() + 1..block.len() - "</script>".len()];
            let value: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(value["a"], "</script><b>");
            assert!(!json.contains('<'));
        }

        #[test]
        fn a_hash_is_the_base64_sha256_of_the_exact_text() {
            // echo -n 'hello' | openssl dgst -sha256 -binary | base64
            assert_eq!(
                csp_hash("hello"),
                "'sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ='"
            );
        }
    }
}
