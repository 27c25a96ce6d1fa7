#!/usr/bin/env bash
# One entry point for people and CI. Installs only what is missing, so a
# second run skips straight to the work.
#
#   ./setup.sh serve   build and serve the app on http://127.0.0.1:8080
#   ./setup.sh test    run every test: host, browser (wasm-bindgen-test), end to end
#   ./setup.sh build   build the release bundle into dist/
#   ./setup.sh single-file  build, then one offline file: dist-single/soc2-readiness.html
#   ./setup.sh restamp after editing dist/index.html: new digests for the worker, new .gz/.br
#   ./setup.sh size    build, then print each file's raw and gzipped size
#   ./setup.sh bench   run the engine benchmark (host) and print its figures
#   ./setup.sh bench-browser  build, then benchmark the app in headless Chromium
set -euo pipefail
cd "$(dirname "$0")"

# Versions are pinned: wasm-bindgen-cli must equal the crate in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' Cargo.toml)
BINARYEN_VERSION=132
# The splitter's CLI must pair with the wasm_split_helpers crate in Cargo.toml.
WASM_SPLIT_CLI_VERSION=0.2.4
TOOLS_DIR="${SOC2R_TOOLS_DIR:-$HOME/.local/share/soc2-readiness-tools}"
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

say() { printf '==> %s\n' "$*" >&2; }

apt_install() {
  say "installing Debian packages: $*"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

# Trunk is built without optimisation: here it only copies files, serves
# them and runs the post_build hook (the Wasm is built by wasm_into), and
# the debug build installs in under 4 minutes instead of 10-17, which keeps
# a fresh machine's `./setup.sh test` inside CI's 30 minutes with the
# splitter added.
need_build_tools() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt
  trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.' \
    || { say "installing Trunk 0.21 (about 4 minutes)"; cargo install --locked --debug trunk --version '~0.21'; }
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 8 minutes)"
    cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
      || cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_CLI_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_CLI_VERSION (about 1-3 minutes)"
    cargo install --locked wasm_split_cli_support --version "=$WASM_SPLIT_CLI_VERSION" --features build-binary
  fi
  command -v npm >/dev/null || apt_install nodejs npm
  # Debian's binaryen (108) cannot read what rustc 1.95 emits.
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    say "installing wasm-opt (binaryen@$BINARYEN_VERSION from npm)"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
  fi
}

AXE_VERSION=4.14.1

need_browser() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null \
    || apt_install chromium chromium-driver
  # axe-core checks every screen for accessibility in the end-to-end tests.
  if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$TOOLS_DIR/node_modules/axe-core/package.json"; then
    say "installing axe-core $AXE_VERSION (npm)"
    mkdir -p "$TOOLS_DIR"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --silent "axe-core@$AXE_VERSION"
  fi
}

build() {
  need_build_tools
  say "building the release bundle into dist/"
  trunk --offline=true build --release
  say "writing .gz and .br copies beside each file for hosts that serve them"
  cargo run --quiet --bin precompress -- dist > /dev/null
}

# The Wasm, split so that the screens after the first, crosswalk reading and
# crypto load on first need (src/split.rs). Trunk's own Rust step cannot
# split, so index.html has none: Trunk's post_build hook runs this into its
# staging folder (SOC2R_DIST), then restamps. wasm-split-cli reads the
# linker's relocations (--emit-relocs, in a target folder of its own so the
# flag does not rebuild the test builds); wasm-bindgen must keep the table
# the split modules call back through (--keep-lld-exports).
WASM_OPT_FLAGS=(-Oz --converge --enable-bulk-memory --enable-bulk-memory-opt
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  --enable-reference-types --enable-multivalue)
wasm_into() {
  local out="${SOC2R_DIST:?SOC2R_DIST names the folder to write into}"
  local target=target/split work=target/split/out
  say "building the Wasm and splitting it into $out"
  CARGO_TARGET_DIR="$target" RUSTFLAGS="-Clink-args=--emit-relocs" \
    cargo build --release --target wasm32-unknown-unknown --bin soc2-readiness --features split
  rm -rf "$work" && mkdir -p "$work/bound"
  wasm-split-cli --out-name soc2-readiness "$target/wasm32-unknown-unknown/release/soc2-readiness.wasm" "$work"
  wasm-bindgen --target web --no-typescript --keep-lld-exports \
    --out-dir "$work/bound" --out-name soc2-readiness "$work/soc2-readiness.wasm"
  # The skipped Rust link Trunk leaves in the page.
  sed -i '/<link data-trunk rel="rust" data-trunk-skip/d' "$out/index.html"
  rm -f "$out"/*.wasm "$out"/*.wasm.gz "$out"/*.wasm.br
  cp "$work/bound/soc2-readiness.js" "$work/__wasm_split.js" "$out/"
  # Each module on its own (two at a time on two cores); binaryen warns
  # about the name subsection the splitter leaves, which it drops anyway.
  local pids=() f
  for f in "$work/bound/soc2-readiness_bg.wasm" "$work"/split_*.wasm "$work"/chunk_*.wasm; do
    [ -e "$f" ] || continue
    wasm-opt "${WASM_OPT_FLAGS[@]}" "$f" -o "$out/$(basename "$f")" 2>"$f.log" & pids+=($!)
  done
  for f in "${pids[@]}"; do
    wait "$f" || { cat "$work"/*.log "$work"/bound/*.log >&2; exit 1; }
  done
}

# Stamps sw.js with a version and the SHA-256 of each app file: Trunk's
# post_build hook runs it on every build, and after a vendor edits
# dist/index.html (the iframe's data-* settings) the worker's digests and
# the precompressed copies must follow, or offline use silently breaks and
# hosts serve the old settings.
restamp() {
  local dir="${SOC2R_DIST:-dist}"
  say "stamping $dir/sw.js with the digests of the files beside it"
  (
    cd "$dir"
    local files=(index.html boot.js soc2-readiness.js __wasm_split.js *.wasm app.css bank/*.json crosswalk/*.json)
    v=$(cat "${files[@]}" | sha256sum | cut -c1-16)
    d=$(for f in "${files[@]}"; do
      printf '"%s":"%s",' "$f" "$(sha256sum "$f" | cut -c1-64)"
    done)
    sed -i -e "s|^const VERSION = '.*';|const VERSION = '$v';|" \
      -e "s|^const DIGESTS_TEXT = '.*';|const DIGESTS_TEXT = '{${d%,}}';|" sw.js
  )
  if [ "${SOC2R_NO_PRECOMPRESS:-}" != 1 ]; then
    say "writing .gz and .br copies beside each file again"
    cargo run --quiet --bin precompress -- "$dir" > /dev/null
  fi
}

single_file() {
  build
  say "inlining dist/ into dist-single/soc2-readiness.html"
  cargo run --quiet --bin single-file -- dist dist-single/soc2-readiness.html
}

size_report() {
  build
  say "bundle sizes (raw, gzip -9, brotli 11: the precompressed copies in dist/)"
  local total_raw=0 total_gz=0 total_br=0
  printf '%-40s %10s %10s %10s\n' "file" "raw (B)" "gzip (B)" "brotli (B)"
  while IFS= read -r f; do
    raw=$(stat -c %s "$f")
    gz=$(stat -c %s "$f.gz" 2>/dev/null || echo 0); br=$(stat -c %s "$f.br" 2>/dev/null || echo 0)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
    printf '%-40s %10d %10d %10d\n' "${f#dist/}" "$raw" "$gz" "$br"
  done < <(find dist -type f ! -name '*.gz' ! -name '*.br' | sort)
  printf '%-40s %10d %10d %10d\n' "TOTAL" "$total_raw" "$total_gz" "$total_br"
  echo "(first load: index.html, boot.js, the glue, __wasm_split.js, soc2-readiness_bg.wasm, app.css"
  echo " and sw.js; split_*.wasm and chunk_*.wasm load on first need, bank/ right after the first screen,"
  echo " crosswalk/ when a screen needs it; ./setup.sh bench-browser measures what the page asks for)"
}

run_tests() {
  need_build_tools
  need_browser
  say "format and lint"
  cargo fmt --check
  cargo clippy --all-targets --features e2e -- -D warnings
  # The Wasm as built: with the split points (src/split.rs).
  cargo clippy --target wasm32-unknown-unknown --lib --bins --features split -- -D warnings
  say "host tests (domain core)"
  cargo test
  say "browser tests (wasm-bindgen-test in headless Chromium)"
  CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test browser --test browser_screens
  single_file
  say "end-to-end tests (built dist/ and dist-single/ in headless Chromium)"
  SOC2R_TOOLS_DIR="$TOOLS_DIR" cargo test --features e2e --test e2e --test e2e_flows --test e2e_privacy --test e2e_screens -- --test-threads=1
}

case "${1:-}" in
  serve)
    need_build_tools
    say "serving on http://127.0.0.1:8080 (Ctrl-C to stop)"
    exec trunk --offline=true serve --release ;;
  test) run_tests ;;
  build) build ;;
  single-file) single_file ;;
  restamp) restamp ;;
  wasm-into) need_build_tools; wasm_into; restamp ;;
  size) size_report ;;
  bench) cargo bench --bench engine ;;
  bench-browser)
    build
    need_browser
    say "browser benchmark (headless Chromium; prints figures, asserts nothing)"
    cargo bench --features e2e --bench browser ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
