//! The site's static files: compiled into the binary and served by name from a fixed list, so no
//! request path can reach a file outside it (`/static/../x` is simply not a name: 404). Cached by
//! browsers for a day.

use axum::extract::Path;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::error::PageError;
use crate::state::AppState;

/// `(name, content type, bytes)`.
const FILES: &[(&str, &str, &[u8])] = &[(
    "studio.css",
    "text/css; charset=utf-8",
    include_bytes!("../static/studio.css"),
)];

/// Browsers and proxies may keep static files and photos this long.
pub const CACHE_STATIC: &str = "public, max-age=86400";

pub fn routes() -> Router<AppState> {
    Router::new().route("/static/{name}", get(file))
}

async fn file(Path(name): Path<String>) -> Result<Response, PageError> {
    let (_, mime, bytes) = FILES
        .iter()
        .find(|(n, _, _)| *n == name)
        .ok_or(PageError::NotFound)?;
    Ok(cached(mime, bytes.to_vec()))
}

/// A cacheable answer with `bytes` of type `mime`.
pub fn cached(mime: &'static str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(CACHE_STATIC),
            ),
        ],
        bytes,
    )
        .into_response()
}
