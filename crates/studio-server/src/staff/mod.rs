//! The staff and delegates' portal (login, sessions, routing and answering messages): filled in by
//! the portal's own work. Its routes are merged into the server's router by [`crate::router`].

use axum::Router;

use crate::state::AppState;

/// The portal's routes (none yet).
pub fn routes() -> Router<AppState> {
    Router::new()
}
