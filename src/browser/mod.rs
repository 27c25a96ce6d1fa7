//! The edge: everything that touches browser APIs, kept small so the core
//! stays pure and testable on the host.

pub mod bank_reader;
pub mod clock;
pub mod crypto;
pub mod data;
pub mod file;
pub mod hosting;
pub mod location;
pub mod record_reader;
pub mod storage;
