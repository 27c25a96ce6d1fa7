// Starts the app from a file rather than an inline script, so the page's
// Content-Security-Policy can forbid inline scripts. Every address is taken
// relative to this file, so a site can serve the app from any folder.
//
// The Wasm download starts before the glue is imported, so the two arrive
// in parallel instead of one after the other (the glue only needs the
// response, which it compiles while it streams in).
const wasm = fetch(new URL('./soc2-readiness_bg.wasm', import.meta.url));
const { default: init } = await import('./soc2-readiness.js');
await init({ module_or_path: wasm });

// Over HTTP(S), a service worker keeps the app working offline after this
// visit. Never from file:// (the single-file build needs none), and not when
// the embedding page opts out with data-offline="off" on the mount element.
const mount = document.getElementById('soc2-readiness');
const optedOut = mount !== null && mount.dataset.offline === 'off';
const overHttp = location.protocol === 'http:' || location.protocol === 'https:';
if ('serviceWorker' in navigator && overHttp && !optedOut) {
  navigator.serviceWorker
    .register(new URL('./sw.js', import.meta.url))
    .catch((e) => console.warn('soc2-readiness: no offline copy:', e));
}
