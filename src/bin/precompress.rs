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
    use std::io::Write;
    use std::path::{Path, PathBuf};

    /// Files worth compressing; images and the like are left alone.
    const EXTENSIONS: [&str; 6] = ["html", "js", "css", "wasm", "json", "svg"];

    pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(bytes)?;
        encoder.finish()
    }

    pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 24,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
        Ok(out)
    }

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
        use std::io::Read;

        #[test]
        fn both_copies_decompress_to_the_original() {
            let text = "SOC 2 readiness ".repeat(500);
            let gz = gzip(text.as_bytes()).unwrap();
            let mut back = String::new();
            flate2::read::GzDecoder::new(&gz[..])
                .read_to_string(&mut back)
                .unwrap();
            assert_eq!(back, text);
            let br = brotli(text.as_bytes()).unwrap();
            let mut back = Vec::new();
            brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
            assert_eq!(back, text.as_bytes());
            assert!(br.len() < text.len() / 10 && gz.len() < text.len() / 10);
        }

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
