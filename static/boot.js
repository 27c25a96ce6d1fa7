// Starts the app from a file rather than an inline script, so the page's
// Content-Security-Policy can forbid inline scripts. Every address is taken
// relative to this file, so a site can serve the app from any folder.
//
// The Wasm download starts before the glue is imported, so the two arrive
// in parallel instead of one after the other (the glue only needs the
// response, which it compiles while it streams in).
performance.mark('soc2r-boot');
const wasm = fetch(new URL('./soc2-readiness_bg.wasm', import.meta.url));
// Compiled as it streams in, apart from instantiating it, so the start
// profile can tell the two apart (README, "Performance").
// A host that serves .wasm under another type gets it compiled from bytes.
const compiled = wasm
  .then((r) => ((r.headers.get('Content-Type') ?? '').startsWith('application/wasm')
    ? WebAssembly.compileStreaming(r)
    : r.arrayBuffer().then((bytes) => WebAssembly.compile(bytes))))
  .then((module) => {
    performance.mark('soc2r-compiled');
    return module;
  });
// The app's folder: the worker's scope, and where the app finds its files.
const base = new URL('./', import.meta.url).href;

// The app's storage namespace, as the app reads it (src/ui/settings.rs).
const mount = document.getElementById('soc2-readiness');
const asked = mount?.dataset.namespace?.trim() ?? '';
const namespace = /^[A-Za-z0-9_-]{1,64}$/.test(asked) ? asked : 'soc2r';
const overHttp = location.protocol === 'http:' || location.protocol === 'https:';

// The returning user's screen before the Wasm is live.
//
// As the page is left (hidden or unloaded), the screen on show is kept in
// local storage as a tree of known elements and text, with a digest of
// every stored record it was drawn from. On the next start, before the Wasm
// is live, boot.js draws that tree again, inert and marked busy, and the app
// replaces it when it renders (src/main.rs removes `.soc2r-prerender`).
//
// Storage can be written by others (a host page, another file on disk), so
// the tree is never read as HTML: elements are created one by one from a
// fixed list of tags and attributes, text goes in as text nodes, and any
// unknown part, a record changed since, or another address drops it all.
// Only the list of assessments and the questionnaire are kept; never from
// file:// (answers there stay in the tab unless the user says otherwise).

const VERSION = 1;
// Big enough for a long section of questions, small against the storage
// the user's own records need.
const MAX_BYTES = 120000;
const MAX_NODES = 4000;
const MAX_DEPTH = 40;
const MAX_TEXT = 4000;
const HTML_TAGS = new Set([
  'div', 'section', 'header', 'nav', 'main', 'article', 'aside', 'footer', 'a',
  'h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'span', 'strong', 'em', 'small',
  'code', 'button', 'label', 'input', 'textarea', 'select', 'option', 'fieldset',
  'legend', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary',
  'dl', 'dt', 'dd', 'br', 'hr', 'form', 'progress', 'meter', 'time', 'kbd', 'b', 'i',
  'abbr', 'mark', 'sup', 'sub', 'del', 'ins', 's', 'u', 'caption', 'tfoot', 'output',
  'figure', 'figcaption', 'blockquote', 'pre', 'q',
]);
const SVG_TAGS = new Set(['svg', 'g', 'rect', 'circle', 'line', 'path', 'polygon', 'polyline', 'text']);
const SVG_NS = 'http://www.w3.org/2000/svg';
// Attributes that carry no address and run nothing. `href` only within the
// page (`#…`); geometry only as numbers and path letters.
const TEXT_ATTRS = new Set([
  'class', 'id', 'type', 'name', 'value', 'checked', 'disabled', 'selected',
  'open', 'for', 'role', 'aria-current', 'aria-pressed', 'aria-label',
  'aria-labelledby', 'aria-describedby', 'aria-expanded', 'aria-hidden',
  'data-outcome', 'data-status', 'data-tier', 'max', 'min', 'placeholder',
]);
const GEOMETRY_ATTRS = new Set([
  'viewBox', 'width', 'height', 'x', 'y', 'rx', 'ry', 'cx', 'cy', 'r', 'x1', 'x2',
  'y1', 'y2', 'd', 'points', 'text-anchor', 'dominant-baseline',
]);
const GEOMETRY = /^[-0-9.,eE a-zA-Z]{0,2000}$/;

// The key beside the app's records: `{namespace}/v1/paint`.
function paintKey(namespace) {
  return `${namespace}/v1/paint`;
}

// A digest of every record under `{namespace}/v1/` but the paint itself:
// FNV-1a over keys and values. Not a security check (whoever can write the
// records can write this too): it tells that the records changed since.
function recordsDigest(namespace) {
  const prefix = `${namespace}/v1/`;
  const own = paintKey(namespace);
  const keys = Object.keys(localStorage).filter((k) => k.startsWith(prefix) && k !== own).sort();
  let h = 0x811c9dc5;
  const add = (s) => {
    for (let i = 0; i < s.length; i += 1) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const k of keys) {
    add(k);
    add('\u0000');
    add(localStorage.getItem(k) ?? '');
    add('\u0001');
  }
  return `${keys.length}:${h.toString(16)}`;
}

// The screens worth painting: the list, and the questionnaire.
function paintable(hash) {
  return hash === '' || hash === '#/' || /^#\/a\/[^/]+\/questions(\/[^/]*)?$/.test(hash);
}

function toTree(node, budget, depth) {
  if (node.nodeType === Node.TEXT_NODE) {
    budget.nodes -= 1;
    return node.data.length > MAX_TEXT ? node.data.slice(0, MAX_TEXT) : node.data;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const tag = node.localName;
  if (!HTML_TAGS.has(tag) && !SVG_TAGS.has(tag)) return null;
  budget.nodes -= 1;
  if (budget.nodes < 0 || depth > MAX_DEPTH) throw new Error('too big');
  const attrs = {};
  for (const { name, value } of node.attributes) {
    if (TEXT_ATTRS.has(name) || (GEOMETRY_ATTRS.has(name) && GEOMETRY.test(value))
      || (name === 'href' && value.startsWith('#'))) {
      attrs[name] = value;
    }
  }
  // What the user chose or typed, as the page shows it now.
  if (tag === 'input') {
    if (node.checked) attrs.checked = ''; else delete attrs.checked;
    if (node.type !== 'password' && node.type !== 'file') attrs.value = node.value;
    else delete attrs.value;
  }
  const kids = [];
  if (tag === 'textarea') {
    kids.push(node.value);
  } else {
    for (const child of node.childNodes) {
      const t = toTree(child, budget, depth + 1);
      if (t !== null) kids.push(t);
    }
  }
  return [tag, attrs, ...kids];
}

// Keeps the screen on show, or forgets the last one when this screen is
// not one to paint.
function keep(mount, namespace) {
  try {
    const key = paintKey(namespace);
    // Not the first-visit or kept screen, nor the app still opening.
    const app = mount.querySelector(':scope > .soc2r-app:not(.soc2r-prerender):not([aria-busy])');
    if (!app) return;
    const digest = recordsDigest(namespace);
    if (!paintable(location.hash) || digest.startsWith('0:')) {
      localStorage.removeItem(key);
      return;
    }
    const tree = toTree(app, { nodes: MAX_NODES }, 0);
    const text = JSON.stringify({ v: VERSION, hash: location.hash, digest, tree });
    if (text.length > MAX_BYTES) {
      localStorage.removeItem(key);
      return;
    }
    localStorage.setItem(key, text);
  } catch (e) {
    // Too big, or storage full or off: no paint next time, nothing else.
    try { localStorage.removeItem(paintKey(namespace)); } catch (_) { /* off */ }
  }
}

function build(node, budget, depth) {
  if (typeof node === 'string') {
    if (node.length > MAX_TEXT) throw new Error('text too long');
    return document.createTextNode(node);
  }
  budget.nodes -= 1;
  if (!Array.isArray(node) || budget.nodes < 0 || depth > MAX_DEPTH) throw new Error('bad node');
  const [tag, attrs, ...kids] = node;
  const svg = SVG_TAGS.has(tag);
  if (!svg && !HTML_TAGS.has(tag)) throw new Error('unknown element');
  if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) throw new Error('bad attributes');
  const el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    const ok = typeof value === 'string' && value.length <= MAX_TEXT
      && (TEXT_ATTRS.has(name) || (GEOMETRY_ATTRS.has(name) && GEOMETRY.test(value))
        || (name === 'href' && value.startsWith('#')));
    if (!ok) throw new Error('unknown attribute');
    el.setAttribute(name, value);
  }
  for (const kid of kids) el.append(build(kid, budget, depth + 1));
  return el;
}

// Draws the kept screen in place of the first-visit markup, when it was
// drawn from exactly the records stored now and for this address. Returns
// whether it did; anything in doubt is dropped from storage.
function paint(mount, namespace) {
  const key = paintKey(namespace);
  let kept;
  try {
    kept = localStorage.getItem(key);
  } catch (e) {
    return false;
  }
  if (kept === null) return false;
  try {
    if (kept.length > MAX_BYTES) throw new Error('too big');
    const snap = JSON.parse(kept);
    if (snap === null || typeof snap !== 'object' || snap.v !== VERSION
      || typeof snap.hash !== 'string' || typeof snap.digest !== 'string') {
      throw new Error('not a paint');
    }
    // Another screen asked for, or records changed since: not this paint.
    if (snap.hash !== location.hash || !paintable(location.hash)) return false;
    if (snap.digest !== recordsDigest(namespace)) throw new Error('records changed');
    const app = build(snap.tree, { nodes: MAX_NODES }, 0);
    if (app.localName !== 'div') throw new Error('not the app');
    // Shown as it was, inert until the app is live.
    app.classList.add('soc2r-app', 'soc2r-prerender', 'soc2r-snapshot');
    app.setAttribute('aria-busy', 'true');
    app.inert = true;
    mount.querySelector('.soc2r-prerender')?.remove();
    mount.prepend(app);
    return true;
  } catch (e) {
    try { localStorage.removeItem(key); } catch (_) { /* off */ }
    return false;
  }
}

// index.html shows the first-visit screen as static markup until the app
// is live. A returning visitor instead gets the screen they left, drawn
// from what the app kept (below), or nothing until the app lists
// their assessments. Never from file://: no screen is kept there.
try {
  if (Object.keys(localStorage).some((k) => k.startsWith(`${namespace}/`))) {
    const painted = overHttp && mount !== null && paint(mount, namespace);
    if (!painted) document.querySelector('.soc2r-prerender')?.remove();
  }
} catch (e) {
  // No storage here: nothing stored to list either.
  document.querySelector('.soc2r-prerender')?.remove();
}

// Over HTTP(S), a service worker keeps the app working offline after this
// visit. Never from file:// (the single-file build needs none), and not when
// the embedding page opts out with data-offline="off" on the mount element,
// which also removes a worker an earlier visit registered, before the app
// starts (its first fetches then go to the network, and nothing recreates
// the copies being removed).
const optedOut = mount !== null && mount.dataset.offline === 'off';
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
await init({ module_or_path: await compiled });

if ('serviceWorker' in navigator && overHttp && !optedOut) {
  navigator.serviceWorker
    .register(worker)
    .catch((e) => console.warn('soc2-readiness: no offline copy:', e));
}

// Keeps the screen on show as the page is left, for the next start.
if (overHttp && mount !== null) {
  const save = () => keep(mount, namespace);
  addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
}
