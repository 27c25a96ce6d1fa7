//! Embeds the built-in question bank without the whitespace that makes the
//! file readable: the same JSON, byte for byte inside its strings, smaller
//! in the Wasm and quicker to parse at start-up.

use std::path::Path;

const BANK: &str = "static/bank/soc2-bank.json";

fn main() {
    println!("cargo::rerun-if-changed={BANK}");
    let text = std::fs::read_to_string(BANK).expect("the built-in bank file");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    std::fs::write(Path::new(&out).join("soc2-bank.min.json"), minify(&text))
        .expect("writing the minified bank");
}

/// Drops whitespace outside strings. JSON whitespace only separates tokens,
/// so the result parses to the same value.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}
