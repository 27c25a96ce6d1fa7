//! Writes `FILE.gz` (gzip -9) and `FILE.br` (brotli, quality 11) beside each
//! text or Wasm file of the built `dist/`, for hosts that serve a
//! precompressed copy when the browser accepts it (nginx `gzip_static` and
//! `brotli_static`, Caddy `precompressed`, most CDNs). The largest file, the
//! Wasm, is then sent at its smallest without the host compressing it on
//! every request. Prints each file's three sizes.
//!
//! Usage: `cargo run --bin precompress -- [DIST_DIR]` (default `dist`);
//! `./setup.sh build` runs it after Trunk.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "dist".into());
    match tool::run(std::path::Path::new(&dir)) {
        Ok(report) => {
            print!("{report}");
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("precompress: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod tool {
    use soc2_readiness::compress::{brotli, gzip};
    use std::path::{Path, PathBuf};

    /// Files worth compressing; images and the like are left alone.
    const EXTENSIONS: [&str; 6] = ["html", "js", "css", "wasm", "json", "svg"];

    fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                files(&path, out)?;
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e))
            {
                out.push(path);
            }
        }
        Ok(())
    }

    pub fn run(dir: &Path) -> Result<String, String> {
        let mut list = Vec::new();
        files(dir, &mut list).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        list.sort();
        if list.is_empty() {
            return Err(format!(
                "no files in {} (run `./setup.sh build` first)",
                dir.display()
            ));
        }
        let mut report = format!(
            "{:<40} {:>10} {:>10} {:>10}\n",
            "file", "raw", "gzip -9", "brotli 11"
        );
        for path in list {
            let bytes =
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let (gz, br) = (
                gzip(&bytes).map_err(|e| e.to_string())?,
                brotli(&bytes).map_err(|e| e.to_string())?,
            );
            for (suffix, data) in [("gz", &gz), ("br", &br)] {
                let mut name = path.clone().into_os_string();
                name.push(format!(".{suffix}"));
                std::fs::write(&name, data)
                    .map_err(|e| format!("cannot write {}: {e}", Path::new(&name).display()))?;
            }
            let shown = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .display()
                .to_string();
            report.push_str(&format!(
                "{shown:<40} {:>10} {:>10} {:>10}\n",
                bytes.len(),
                gz.len(),
                br.len()
            ));
        }
        Ok(report)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn every_served_file_gets_its_copies_and_others_are_left_alone() {
            let dir = std::env::temp_dir().join(format!("precompress-{}", std::process::id()));
            std::fs::create_dir_all(dir.join("crosswalk")).unwrap();
            std::fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
            std::fs::write(dir.join("crosswalk/x.json"), "{}").unwrap();
            std::fs::write(dir.join("logo.png"), [0u8; 4]).unwrap();
            run(&dir).unwrap();
            for f in ["index.html.gz", "index.html.br", "crosswalk/x.json.br"] {
                assert!(dir.join(f).exists(), "{f}");
            }
            assert!(!dir.join("logo.png.gz").exists());
            // Run again: the copies themselves are not compressed again.
            run(&dir).unwrap();
            assert!(!dir.join("index.html.gz.gz").exists());
            std::fs::remove_dir_all(&dir).unwrap();
        }
    }
}
