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
    /// The loader of the split modules (`./setup.sh build`), and its modules.
    const LOADER: &str = "__wasm_split.js";

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
        // The split modules go in too: the file must work with nothing beside it.
        let mut modules = Vec::new();
        let mut names: Vec<String> = std::fs::read_dir(&dist)
            .map_err(|e| format!("cannot read {}: {e}", dist.display()))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".wasm") && n != WASM)
            .collect();
        names.sort();
        for name in names {
            let bytes = read(&name)?;
            modules.push((name, bytes));
        }
        let glue = match text(LOADER) {
            Ok(loader) => merge_split(&text(GLUE)?, &loader, &modules)?,
            Err(_) if modules.is_empty() => text(GLUE)?,
            Err(e) => return Err(e),
        };
        let page = single_page(&text(INDEX)?, &glue, &read(WASM)?, &text(CSS)?, &data)?;
        if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&out, &page).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        Ok(format!("wrote {} ({} bytes)", out.display(), page.len()))
    }

    /// One module script from the glue and the split loader, which import
    /// each other by file name: their imports become shared names, and the
    /// loader's fetches of `split_*.wasm` and `chunk_*.wasm` read the
    /// modules from base64 inlined beside them. Anything else the two
    /// import is refused: this tool would not know how to inline it.
    pub fn merge_split(
        glue: &str,
        loader: &str,
        modules: &[(String, Vec<u8>)],
    ) -> Result<String, String> {
        let mut out = String::from(
            "// Single file: the split modules, inlined as base64.\n\
             const __soc2r_modules = {\n",
        );
        for (name, bytes) in modules {
            out.push_str(&format!("  \"{name}\": \"{}\",\n", STANDARD.encode(bytes)));
        }
        out.push_str(
            "};\nfunction __soc2r_module(name) {\n  \
             const bytes = Uint8Array.from(atob(__soc2r_modules[name]), (c) => c.charCodeAt(0));\n  \
             return Promise.resolve(new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }));\n\
             }\n",
        );
        let mut exported = Vec::new();
        for line in loader.lines() {
            let trimmed = line.trim();
            if trimmed.starts_with("import ") {
                if trimmed.ends_with(&format!("from \"./{GLUE}\";")) {
                    continue;
                }
                return Err(format!("{LOADER} imports something else: {trimmed}"));
            }
            let line = match line.strip_prefix("export const ") {
                Some(rest) => {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    exported.push(name);
                    format!("const {rest}")
                }
                None if trimmed.starts_with("export ") => {
                    return Err(format!(
                        "{LOADER} exports in a way this tool does not know: {trimmed}"
                    ));
                }
                None => line.to_owned(),
            };
            out.push_str(&inline_fetch(&line, modules)?);
            out.push('\n');
        }
        out.push_str(&format!(
            "const __soc2r_split = {{ {} }};\n",
            exported.join(", ")
        ));
        let mut merged = String::new();
        for line in glue.lines() {
            let trimmed = line.trim();
            if let Some(rest) = trimmed.strip_prefix("import * as ") {
                match rest.split_once(&format!(" from \"./{LOADER}\"")) {
                    Some((name, _)) => {
                        merged.push_str(&format!("const {name} = __soc2r_split;\n"));
                        continue;
                    }
                    None => return Err(format!("{GLUE} imports something else: {trimmed}")),
                }
            }
            if trimmed.starts_with("import ") {
                return Err(format!("{GLUE} imports something else: {trimmed}"));
            }
            merged.push_str(line);
            merged.push('\n');
        }
        // The loader first: the glue names its exports from its first line.
        Ok(format!("{out}{merged}"))
    }

    /// `fetch(new URL("./split_x.wasm", import.meta.url))` reads the
    /// inlined copy instead; a module the loader names but the build did
    /// not write is an error.
    fn inline_fetch(line: &str, modules: &[(String, Vec<u8>)]) -> Result<String, String> {
        const OPEN: &str = "fetch(new URL(\"./";
        const CLOSE: &str = "\", import.meta.url))";
        let Some(start) = line.find(OPEN) else {
            if line.contains("import.meta") || line.contains("fetch(") {
                return Err(format!(
                    "{LOADER} loads a file in a way this tool does not know: {}",
                    line.trim()
                ));
            }
            return Ok(line.to_owned());
        };
        let rest = &line[start + OPEN.len()..];
        let end = rest
            .find(CLOSE)
            .ok_or_else(|| format!("{LOADER}: unexpected fetch: {}", line.trim()))?;
        let name = &rest[..end];
        if !modules.iter().any(|(n, _)| n == name) {
            return Err(format!(
                "{LOADER} loads {name}, which the build did not write"
            ));
        }
        Ok(format!(
            "{}__soc2r_module(\"{name}\"){}",
            &line[..start],
            &rest[end + CLOSE.len()..]
        ))
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

        const LOADER_JS: &str = "import { initSync } from \"./soc2-readiness.js\";\n\
            function get() { return initSync(undefined, undefined); }\n\
            export const __wasm_split_load_screens = wrap(() => {\n\
            const src = fetch(new URL(\"./split_screens.wasm\", import.meta.url));\n\
            });";
        const SPLIT_GLUE: &str = "import * as import1 from \"./__wasm_split.js\"\n\
            function imports() { return { \"./__wasm_split.js\": import1 }; }\n\
            async function __wbg_init(x) {}\nexport { initSync, __wbg_init as default };";

        #[test]
        fn split_modules_are_inlined_and_the_two_scripts_share_names_instead_of_importing() {
            let modules = [("split_screens.wasm".to_owned(), b"\0asm-screens".to_vec())];
            let merged = merge_split(SPLIT_GLUE, LOADER_JS, &modules).unwrap();
            assert!(
                !merged.contains("import * as") && !merged.contains("import {"),
                "{merged}"
            );
            assert!(!merged.contains("import.meta"), "{merged}");
            assert!(
                merged.contains("const import1 = __soc2r_split;"),
                "{merged}"
            );
            assert!(merged.contains("const __soc2r_split = { __wasm_split_load_screens };"));
            assert!(merged.contains("const src = __soc2r_module(\"split_screens.wasm\");"));
            assert!(merged.contains(&STANDARD.encode(b"\0asm-screens")));
            assert!(
                merged.find("const __soc2r_split").unwrap() < merged.find("const import1").unwrap(),
                "named before the glue uses the name"
            );
            // It still makes one page with nothing beside it.
            let page = single_page(INDEX, &merged, b"\0asm", "", &[]).unwrap();
            assert!(!page.contains("src=") && !page.contains("href="), "{page}");
        }

        #[test]
        fn a_split_module_the_build_did_not_write_or_an_unknown_import_is_refused() {
            let err = merge_split(SPLIT_GLUE, LOADER_JS, &[]).unwrap_err();
            assert!(
                err.contains("loads split_screens.wasm, which the build did not write"),
                "{err}"
            );
            let modules = [("split_screens.wasm".to_owned(), Vec::new())];
            let other = format!("import x from \"./elsewhere.js\";\n{LOADER_JS}");
            let err = merge_split(SPLIT_GLUE, &other, &modules).unwrap_err();
            assert!(err.contains("imports something else"), "{err}");
            let glue = format!("import * as snippet from \"./snippets/x.js\"\n{SPLIT_GLUE}");
            let err = merge_split(&glue, LOADER_JS, &modules).unwrap_err();
            assert!(err.contains("imports something else"), "{err}");
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
