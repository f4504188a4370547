//! The online studio (网上工作室) and the staff portal over HTTP: `studio serve`. An axum front
//! door to the same core as the desktop app and the `studio` command: every page's data comes
//! from `studio-core` services with a request context (`Ctx`) — the public pages as a visitor
//! (`Role::Visitor`, id `online:<address>`), the portal as the logged-in account. No SQL and no
//! domain rules here.
//!
//! - [`config`]: settings (file + `STUDIO_*` environment);
//! - [`state`]: [`AppState`] (the `Store`, settings, templates, CSRF key, spam guard), core calls
//!   on blocking worker threads;
//! - [`router`]: routes and the layers (request id, logs, security headers, compression,
//!   timeout, body limit, error pages, CSRF cookie);
//! - [`public`]: the pages a visitor sees; [`staff`]: the portal;
//! - [`page_cache`]: the public pages kept rendered for a moment;
//! - [`csrf`], [`spam`], [`client_ip`], [`error`], [`templates`], [`static_files`];
//! - [`server`]: listening (HTTP or TLS), graceful shutdown, logs.

pub mod answers;
pub mod client_ip;
pub mod config;
pub mod csrf;
pub mod error;
pub mod front;
pub mod page_cache;
pub mod public;
pub mod router;
pub mod server;
pub mod spam;
pub mod staff;
pub mod state;
pub mod static_files;
pub mod templates;

pub use config::Config;
pub use router::router;
pub use server::{start, Running, ServeError};
pub use state::AppState;
