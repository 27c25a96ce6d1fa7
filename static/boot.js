// Starts the app from a file rather than an inline script, so the page's
// Content-Security-Policy can forbid inline scripts. Every address is taken
// relative to this file, so a site can serve the app from any folder.
//
// The Wasm download starts before the glue is imported, so the two arrive
// in parallel instead of one after the other (the glue only needs the
// response, which it compiles while it streams in).
const wasm = fetch(new URL('./soc2-readiness_bg.wasm', import.meta.url));
// The app's folder: the worker's scope, and where the app finds its files.
const base = new URL('./', import.meta.url).href;

// index.html shows the first-visit screen as static markup until the app
// is live; a returning visitor gets their list instead, so it goes now.
try {
  if (Object.keys(localStorage).some((k) => k.startsWith('soc2r/'))) {
    document.querySelector('.soc2r-prerender')?.remove();
  }
} catch (e) {
  // No storage here: nothing stored to list either.
}

// Over HTTP(S), a service worker keeps the app working offline after this
// visit. Never from file:// (the single-file build needs none), and not when
// the embedding page opts out with data-offline="off" on the mount element,
// which also removes a worker an earlier visit registered, before the app
// starts (its first fetches then go to the network, and nothing recreates
// the copies being removed).
const mount = document.getElementById('soc2-readiness');
const optedOut = mount !== null && mount.dataset.offline === 'off';
const overHttp = location.protocol === 'http:' || location.protocol === 'https:';
const worker = new URL('./sw.js', import.meta.url);
if ('serviceWorker' in navigator && overHttp && optedOut) {
  // Only ours: scripts named sw.js next to boot.js, and caches named soc2r-.
  await navigator.serviceWorker.getRegistrations()
    .then((all) => Promise.all(all
      .filter((r) => [r.active, r.waiting, r.installing].some((w) => w && w.scriptURL === worker.href))
      .map((r) => r.unregister())))
    .then(() => caches.keys())
    // This deployment's copies only (their name holds its scope), and
    // those of builds that named them without one.
    .then((keys) => Promise.all(keys
      .filter((k) => k.startsWith(`soc2r-${encodeURIComponent(base)}-`)
        || /^soc2r-[0-9a-f]+$/.test(k))
      .map((k) => caches.delete(k))))
    .catch((e) => console.warn('soc2-readiness: offline copy not removed:', e));
}

// The app fetches its reference files (bank texts, crosswalks) from this
// folder: it is handed over here, from this module's own address, never
// guessed from the page's elements. Fixed before the app starts, so a
// named element of the page cannot stand in for it.
try {
  Object.defineProperty(globalThis, 'soc2rAppBase', {
    value: base,
    writable: false,
    configurable: false,
  });
} catch (e) {
  console.warn('soc2-readiness: the app folder could not be handed over:', e);
}

// The loader of the split modules is imported alongside the glue (which
// imports it too), so it is not fetched only once the glue is parsed.
const [{ default: init }] = await Promise.all([
  import('./soc2-readiness.js'),
  import('./__wasm_split.js'),
]);
await init({ module_or_path: wasm });

if ('serviceWorker' in navigator && overHttp && !optedOut) {
  navigator.serviceWorker
    .register(worker)
    .catch((e) => console.warn('soc2-readiness: no offline copy:', e));
}
