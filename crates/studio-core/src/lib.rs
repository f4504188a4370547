//! Delegate Studio's core: domain types, validation, rules and storage.
//!
//! Everything a window can do, a test can do through this crate: the desktop app and the `studio`
//! command are thin layers over the functions here. This crate depends on neither Tauri nor any HTTP
//! stack (DESIGN.md, invariant 1).
//!
//! Every write is one function taking an explicit [`Actor`]; it checks the actor may do it, validates,
//! writes, and appends one change record in the same transaction ([`audit`]).

pub mod actor;
pub mod audit;
pub mod bindings;
pub mod calendar;
pub mod cards;
pub mod demo;
pub mod error;
pub mod export;
pub mod ids;
pub mod items;
pub mod maintenance;
pub mod page;
pub mod paths;
pub mod printing;
pub mod roster;
pub mod settings;
pub mod status;
pub mod storage;
pub mod validate;

pub use actor::{Actor, Role};
pub use error::{Error, ErrorPayload, FieldError, Result};
pub use page::{Page, PageRequest};
pub use storage::Store;
