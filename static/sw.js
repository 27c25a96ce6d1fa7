// Keeps the app working offline after the first visit over HTTP(S):
// cache-first for the app's own files, and nothing else. Any other request
// (including a host page's own files when the app is embedded) goes to the
// network untouched. The build stamps VERSION with a digest of its files (see
// the post_build hook in Trunk.toml): a new build is a new cache, picked up on
// the next visit, and older caches are deleted.
const VERSION = '__SOC2R_BUILD__';
const CACHE = `soc2r-${VERSION}`;
const APP_FILES = [
  './',
  './index.html',
  './boot.js',
  './soc2-readiness.js',
  './soc2-readiness_bg.wasm',
  './app.css',
  './embed-sample.html',
];
const APP_URLS = new Set(APP_FILES.map((f) => new URL(f, self.registration.scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(APP_FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith('soc2r-') && k !== CACHE).map((k) => caches.delete(k)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  url.search = '';
  url.hash = '';
  if (event.request.method !== 'GET' || !APP_URLS.has(url.href)) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(url.href);
      if (cached) {
        return cached;
      }
      const response = await fetch(event.request);
      if (response.ok) {
        await cache.put(url.href, response.clone());
      }
      return response;
    }),
  );
});
