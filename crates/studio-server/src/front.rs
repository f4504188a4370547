//! The front door every request passes first, in one middleware: its request id, the log line
//! when it is answered, the security headers on every answer, and a kept public page answered
//! here without going further ([`page_cache::serve_kept`]).
//!
//! One middleware rather than a stack of tower-http layers (request id, trace, propagate, one
//! layer per header): `perf` on a kept page at 64 connections showed the nested layers' futures
//! being copied on every poll (`memcpy` under each layer's future) and the service stack cloned
//! per request; the page a visitor gets is the same.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;

use crate::page_cache;
use crate::state::AppState;

/// Content-Security-Policy: no script at all, styles and images from this site only, forms post
/// only here, no framing.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                       base-uri 'none'; frame-ancestors 'none'";

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Set on every answer, replacing any the handler set.
const SECURITY_HEADERS: [(HeaderName, &str); 5] = [
    (header::CONTENT_SECURITY_POLICY, CSP),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (header::REFERRER_POLICY, "same-origin"),
    (
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=()",
    ),
];

pub async fn front(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request_id(req.headers());
    req.headers_mut().insert(REQUEST_ID, id.clone());
    let method = req.method().clone();
    let uri = req.uri().clone();
    let mut res = match page_cache::serve_kept(&state, req) {
        Ok(kept) => kept,
        Err(req) => {
            // What the handlers log carries the request's id. A kept page logs nothing but
            // the line below, so it makes no span (a fifth of its time at 64 connections).
            let span = tracing::info_span!("request", id = %id.to_str().unwrap_or("-"));
            next.run(req).instrument(span).await
        }
    };
    let h = res.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        h.insert(name, HeaderValue::from_static(value));
    }
    // Pages are made per request (a form's token, a receipt) or kept only for a moment
    // (`page_cache`): not kept by shared caches. Static files and photos set their own.
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache, private"),
        );
    }
    if state.is_tls() {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    h.insert(REQUEST_ID, id.clone());
    // The path only, never the query: no visitor data in the logs.
    tracing::info!(
        method = %method,
        path = %uri.path(),
        id = %id.to_str().unwrap_or("-"),
        status = res.status().as_u16(),
        latency_us = started.elapsed().as_micros() as u64,
        "answered"
    );
    res
}

/// The id a reverse proxy gave the request (kept when it is short plain text, so one request
/// is found in both logs), or a new one: this process's random prefix and a counter, unique
/// without asking the system for randomness per request.
fn request_id(headers: &HeaderMap) -> HeaderValue {
    if let Some(v) = headers.get(REQUEST_ID) {
        let b = v.as_bytes();
        if !b.is_empty() && b.len() <= 64 && b.iter().all(|c| c.is_ascii_graphic()) {
            return v.clone();
        }
    }
    static PREFIX: OnceLock<String> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let prefix = PREFIX.get_or_init(|| {
        let mut b = [0u8; 6];
        // Without the system's randomness the start time still tells runs apart.
        if getrandom::getrandom(&mut b).is_err() {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            b.copy_from_slice(&t.to_le_bytes()[..6]);
        }
        hex::encode(b)
    });
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    HeaderValue::from_str(&format!("{prefix}-{n:x}")).unwrap_or(HeaderValue::from_static("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_new_per_request_unless_a_proxy_gave_a_plain_one() {
        let none = HeaderMap::new();
        let (a, b) = (request_id(&none), request_id(&none));
        assert_ne!(a, b);
        let mut given = HeaderMap::new();
        given.insert(REQUEST_ID, HeaderValue::from_static("proxy-42"));
        assert_eq!(request_id(&given), "proxy-42");
        let mut long = HeaderMap::new();
        long.insert(REQUEST_ID, HeaderValue::from_str(&"x".repeat(65)).unwrap());
        assert_ne!(request_id(&long), "x".repeat(65).as_str());
        let mut spaced = HeaderMap::new();
        spaced.insert(REQUEST_ID, HeaderValue::from_static("a b"));
        assert_ne!(request_id(&spaced), "a b");
    }
}
