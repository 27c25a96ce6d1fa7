//! End-to-end tests (written with the UI).
