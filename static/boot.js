// Starts the app from a file rather than an inline script, so the page's
// Content-Security-Policy can forbid inline scripts. Every address is taken
// relative to this file, so a site can serve the app from any folder.
import init from './soc2-readiness.js';

await init({ module_or_path: new URL('./soc2-readiness_bg.wasm', import.meta.url) });
