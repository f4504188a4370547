//! The whole site: the public pages, the portal's hook, `/healthz`, the static files, and the
//! layers every request passes (outermost first): the front door (request id, log line, security
//! headers, kept pages: `front`) → compression → Chinese error pages → body limit → timeout →
//! CSRF cookie.

use std::time::Duration;

use axum::http::StatusCode;
use axum::routing::get;
use axum::{middleware, Router};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::state::AppState;
use crate::{answers, csrf, error, front, page_cache, public, staff, static_files};

pub fn router(state: AppState) -> Router {
    let timeout = Duration::from_secs(state.config().request_timeout_secs);
    let body_limit = state.config().body_limit;
    Router::new()
        .route("/healthz", get(healthz))
        .merge(public::pages().merge(answers::routes()).route_layer(
            middleware::from_fn_with_state(state.clone(), page_cache::cached_page),
        ))
        .merge(public::routes())
        .merge(staff::routes())
        .merge(static_files::routes())
        .fallback(error::not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            csrf::csrf_cookie,
        ))
        .layer(
            ServiceBuilder::new()
                .layer(middleware::from_fn_with_state(state.clone(), front::front))
                .layer(CompressionLayer::new())
                .layer(middleware::from_fn_with_state(
                    state.clone(),
                    error::render_error_pages,
                ))
                .layer(RequestBodyLimitLayer::new(body_limit))
                .layer(TimeoutLayer::with_status_code(
                    StatusCode::REQUEST_TIMEOUT,
                    timeout,
                )),
        )
        .with_state(state)
}

/// Liveness and the database: `ok` when a read succeeds.
async fn healthz(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> (StatusCode, &'static str) {
    let store = state.store();
    let ok = tokio::task::spawn_blocking(move || store.reader().is_ok())
        .await
        .unwrap_or(false);
    if ok {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
