//! Yew UI.
