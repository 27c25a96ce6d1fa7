//! SOC 2 readiness assessor: a pure domain core, a thin Yew UI, and small
//! browser adapters at the edge.

pub mod browser;
/// Host tools' compression (the precompress tool, the browser benchmark).
#[cfg(not(target_arch = "wasm32"))]
pub mod compress;
pub mod core;
pub mod split;
pub mod ui;
