//! Delegate Studio's core: domain types, validation, rules and storage.
//!
//! Everything a window can do, a test can do through this crate: the desktop app and the `studio`
//! command are thin layers over the functions here. This crate depends on neither Tauri nor any HTTP
//! stack (DESIGN.md, invariant 1).
//!
//! Every read and write takes a request context ([`Ctx`]: who, in which role, what day). Every write
//! goes through one gate ([`Store::write`]): permission, one IMMEDIATE transaction, the change
//! records with the versions they were based on, commit ([`storage::gate`]).

pub mod about;
pub mod accounts;
pub mod activities;
pub mod actor;
pub mod appointments;
pub mod audit;
pub mod audit_log;
pub mod backup;
pub mod bindings;
pub mod calendar;
pub mod cards;
pub mod ctx;
pub mod demo;
pub mod error;
pub mod export;
pub mod export_purpose;
pub mod field_labels;
pub mod files;
pub mod funds;
pub mod ids;
pub mod import;
pub mod items;
pub mod kiosk;
pub mod maintenance;
pub mod markdown;
pub mod news;
pub mod page;
pub mod paths;
pub mod personal_data;
pub mod printing;
mod progress;
pub mod proposals;
pub mod public_answers;
pub mod reports;
pub mod roster;
pub mod rules;
pub mod schedule;
pub mod settings;
pub mod status;
pub mod storage;
pub mod validate;
pub mod volunteers;
pub mod wall;

pub use actor::{Actor, Permission, Role};
pub use audit::Entity;
pub use ctx::Ctx;
pub use error::{Error, ErrorPayload, FieldError, Result};
pub use page::{Page, PageRequest};
pub use storage::{Store, Write};
