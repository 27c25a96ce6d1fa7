// Keeps the app working offline after the first visit over HTTP(S), for the
// app's own files and nothing else: any other request (a host page's files
// when the app is embedded, other pages of a site it is deployed at the root
// of) goes to the network untouched.
//
// The build stamps VERSION with a digest of its files and DIGESTS with each
// file's SHA-256 (see the post_build hook in Trunk.toml). A new build is a
// new cache; older caches are deleted. Files are precached past the HTTP
// cache and checked against their digest, so a stale copy from a proxy or
// the browser cache is fetched again, never kept.
const VERSION = '__SOC2R_BUILD__';
const DIGESTS_TEXT = '__SOC2R_DIGESTS__';
const DIGESTS = DIGESTS_TEXT.startsWith('{') ? JSON.parse(DIGESTS_TEXT) : {};
// One deployment's caches by name: its scope is part of it, so two
// deployments on one origin never delete each other's copies.
const PREFIX = `soc2r-${encodeURIComponent(self.registration.scope)}-`;
const CACHE = `${PREFIX}${VERSION}`;
const REQUIRED = [
  './',
  './index.html',
  './boot.js',
  './soc2-readiness.js',
  './soc2-readiness_bg.wasm',
  './app.css',
  // Loaded by the app right after start.
  './bank/soc2-bank.json',
  './crosswalk/iso27001-2022.json',
  './crosswalk/nist-csf-2.0.json',
  // The split modules' loader; the modules themselves (split_*.wasm,
  // chunk_*.wasm) differ by build and are added from the stamped digests.
  './__wasm_split.js',
];
for (const f of Object.keys(DIGESTS)) {
  if (!REQUIRED.includes(`./${f}`)) REQUIRED.push(`./${f}`);
}
// Missing on some deployments; offline use does not depend on it.
const OPTIONAL = ['./embed-sample.html'];
const APP_URLS = new Set(
  [...REQUIRED, ...OPTIONAL].map((f) => new URL(f, self.registration.scope).href),
);

async function sha256(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// This build's digest of an app file, by its path ('./boot.js') or address.
function digestOf(pathOrUrl) {
  const rel = pathOrUrl.startsWith('./')
    ? pathOrUrl.slice(2)
    : pathOrUrl.slice(self.registration.scope.length);
  return DIGESTS[rel === '' ? 'index.html' : rel];
}

// Whether a response holds this build's file (by its path or address);
// a file the build did not stamp passes.
async function isBuilds(response, pathOrUrl) {
  const want = digestOf(pathOrUrl);
  return !want || (await sha256(await response.clone().arrayBuffer())) === want;
}

// A fresh copy from the server (never the HTTP cache) that matches this
// build; a second try, then give up rather than keep a wrong file.
async function fetchChecked(path) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const response = await fetch(new Request(path, { cache: 'reload' }));
    if (!response.ok) {
      throw new Error(`${path}: HTTP ${response.status}`);
    }
    if (await isBuilds(response, path)) {
      return response;
    }
  }
  throw new Error(`${path} does not match this build`);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(REQUIRED.map(async (path) => cache.put(path, await fetchChecked(path))));
    await Promise.all(OPTIONAL.map(async (path) => {
      try {
        await cache.put(path, await fetchChecked(path));
      } catch (e) {
        // Not deployed here: fine.
      }
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        // This deployment's older builds, and caches of builds that named
        // them without a scope; another deployment's are left alone.
        keys
          .filter((k) => (k.startsWith(PREFIX) || /^soc2r-[0-9a-f]+$/.test(k)) && k !== CACHE)
          .map((k) => caches.delete(k)),
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
  // Its copies erased (the page opted out with data-offline="off" and is
  // removing this worker): never create them again, just fetch. The app
  // still fetches its bank and crosswalk files through the worker while
  // the page that opted out is open.
  const erased = caches.has(CACHE).then((has) => !has);
  // The page itself: the network first, so a changed page (a new build, or
  // data-offline="off") is seen at once; the cached copy when offline.
  if (event.request.mode === 'navigate') {
    event.respondWith((async () => {
      if (await erased) {
        return fetch(event.request);
      }
      const cache = await caches.open(CACHE);
      let response = null;
      try {
        response = await fetch(event.request);
      } catch (e) {
        // Offline.
      }
      if (response && response.ok) {
        await cache.put(url.href, response.clone());
        return response;
      }
      // Offline, or the server failing: the copy from the last visit, if
      // it is still this build's page.
      const kept = await cache.match(url.href);
      if (kept && (await isBuilds(kept, url.href))) {
        return kept;
      }
      return response || Response.error();
    })());
    return;
  }
  event.respondWith(
    erased.then(async (gone) => {
      if (gone) {
        return fetch(event.request);
      }
      const cache = await caches.open(CACHE);
      const cached = await cache.match(url.href);
      // A cached copy is served only if it is still this build's file: any
      // script of the origin can write to the cache. Otherwise it is
      // fetched and checked again, never served as it is.
      if (cached && (await isBuilds(cached, url.href))) {
        return cached;
      }
      if (cached) {
        const fresh = await fetchChecked(`./${url.href.slice(self.registration.scope.length)}`);
        await cache.put(url.href, fresh.clone());
        return fresh;
      }
      const response = await fetch(event.request);
      if (response.ok) {
        await cache.put(url.href, response.clone());
      }
      return response;
    }),
  );
});
