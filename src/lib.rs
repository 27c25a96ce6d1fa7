//! SOC 2 readiness assessor: a pure domain core, a thin Yew UI, and small
//! browser adapters at the edge.

pub mod browser;
pub mod core;
pub mod ui;
