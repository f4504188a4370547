//! Rendered public pages, kept in memory for a moment ([`Config::page_cache_secs`]) and served
//! again without a trip to the database or the templates: the pages every visitor sees alike
//! (首页, 代表风采, 工作室动态, …) are read far more often than the studio changes them.
//!
//! A kept page is served only while (1) the store's generation ([`Store::generation`]) is the one
//! it was rendered at — any write by this server, a visitor's message as much as staff publishing,
//! renders it again on the next request — and (2) it is younger than the configured seconds, which
//! bounds how long a change made by another process (the `studio` command on the same file) or the
//! turn of the day takes to show. When a kept page grows too old, the first request renders it
//! again and the others are served the old copy until it is kept (no pile-up of renders). Only plain `200 text/html` answers are kept, and only those that
//! set no cookie: a page with a form carries a per-browser token and is never kept (the CSRF
//! middleware sets its cookie only when a page makes a token).
//!
//! A browser that accepts gzip gets the kept page's gzip copy, made once per kept page, not per
//! request. Kept pages are answered at the front door ([`serve_kept`], called by
//! [`crate::front`]), before the other layers: none of them has anything to do for a page every
//! visitor gets alike.
//!
//! [`Config::page_cache_secs`]: crate::Config::page_cache_secs
//! [`Store::generation`]: studio_core::Store::generation

use std::collections::HashMap;
use std::io::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, RwLock};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// Pages kept at most (a search on 代表回复 makes a key per query: the map must not grow with
/// what visitors type).
const MAX_PAGES: usize = 256;
/// The largest page kept.
const MAX_PAGE_BYTES: usize = 1024 * 1024;

pub struct PageCache {
    ttl: Duration,
    pages: RwLock<HashMap<String, Kept>>,
}

struct Kept {
    page: Arc<Page>,
    generation: u64,
    at: Instant,
    /// A request is rendering this page again because it grew too old: the others are served
    /// this copy meanwhile, instead of all rendering at once (at 64 connections that pile-up
    /// every `page_cache_secs` put the 99th percentile at 160 ms instead of 3.6 ms).
    refreshing: AtomicBool,
}

/// What the cache has for a request.
enum Found {
    /// Serve it.
    Page(Arc<Page>),
    /// Render (and keep) the page: there is none, a write made it obsolete, or it grew too old and
    /// this request is the one to render it again.
    Render,
}

/// A kept page: the HTML, and its gzip copy once a browser asked for it.
struct Page {
    html: Bytes,
    gzip: OnceLock<Option<Bytes>>,
}

impl Page {
    fn gzip(&self) -> Option<&Bytes> {
        self.gzip
            .get_or_init(|| {
                let mut enc =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                enc.write_all(&self.html).ok()?;
                enc.finish().ok().map(Bytes::from)
            })
            .as_ref()
    }
}

impl PageCache {
    pub fn new(ttl: Duration) -> PageCache {
        PageCache {
            ttl,
            pages: RwLock::new(HashMap::new()),
        }
    }

    fn get(&self, key: &str, generation: u64) -> Found {
        let pages = self.pages.read().unwrap_or_else(|e| e.into_inner());
        match pages.get(key) {
            // After a write every request renders until one has kept the new page: the server's
            // own changes show at once.
            Some(kept) if kept.generation == generation => {
                if kept.at.elapsed() < self.ttl || kept.refreshing.swap(true, Ordering::AcqRel) {
                    Found::Page(kept.page.clone())
                } else {
                    Found::Render
                }
            }
            _ => Found::Render,
        }
    }

    /// The render that was to renew `key` gave no page to keep: let the next request try.
    fn release(&self, key: &str) {
        let pages = self.pages.read().unwrap_or_else(|e| e.into_inner());
        if let Some(kept) = pages.get(key) {
            kept.refreshing.store(false, Ordering::Release);
        }
    }

    fn put(&self, key: String, html: Bytes, generation: u64, at: Instant) {
        let mut pages = self.pages.write().unwrap_or_else(|e| e.into_inner());
        if pages.len() >= MAX_PAGES && !pages.contains_key(&key) {
            let ttl = self.ttl;
            pages.retain(|_, k| k.generation == generation && k.at.elapsed() < ttl);
            if pages.len() >= MAX_PAGES {
                return;
            }
        }
        pages.insert(
            key,
            Kept {
                page: Arc::new(Page {
                    html,
                    gzip: OnceLock::new(),
                }),
                generation,
                at,
                refreshing: AtomicBool::new(false),
            },
        );
    }
}

/// At the front door ([`crate::front`]): a GET answered from a kept page, or the request back to
/// go on. Only pages the [`cached_page`] routes kept are found, so this needs no list of paths.
/// A kept page grown too old goes on for the one request that renews it.
#[allow(clippy::result_large_err)] // The request goes on at once; boxing it would cost an allocation.
pub fn serve_kept(state: &AppState, req: Request) -> Result<Response, Request> {
    let cache = state.page_cache();
    if cache.ttl.is_zero() || req.method() != Method::GET {
        return Err(req);
    }
    let key = req.uri().path_and_query().map_or("", |p| p.as_str());
    match cache.get(key, state.store().generation()) {
        Found::Page(page) => Ok(kept(&page, accepts_gzip(req.headers()))),
        Found::Render => Err(req),
    }
}

/// Middleware for the public pages' routes, reached when [`serve_kept`] had no page: render,
/// and keep the page when it is one every visitor sees alike.
pub async fn cached_page(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let cache = state.page_cache();
    if cache.ttl.is_zero() || req.method() != Method::GET {
        return next.run(req).await;
    }
    let key = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    // Read before rendering: a write while the page renders leaves it kept under the old number,
    // so the next request renders again.
    let generation = state.store().generation();
    let started = Instant::now();
    let res = next.run(req).await;
    let keep = res.status() == StatusCode::OK
        && !res.headers().contains_key(header::SET_COOKIE)
        && res
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if !keep {
        cache.release(&key);
        return res;
    }
    let (parts, body) = res.into_parts();
    match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => {
            cache.put(key, bytes.clone(), generation, started);
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(_) => {
            cache.release(&key);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn kept(page: &Page, gzip: bool) -> Response {
    let gz = if gzip { page.gzip() } else { None };
    let mut res = Response::new(Body::from(gz.unwrap_or(&page.html).clone()));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gz.is_some() {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    res
}

/// Whether the request's `Accept-Encoding` takes gzip (not refused with `q=0`).
fn accepts_gzip(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let mut it = part.split(';').map(str::trim);
            it.next().is_some_and(|c| c.eq_ignore_ascii_case("gzip"))
                && !it.any(|p| p.replace(' ', "") == "q=0" || p.replace(' ', "") == "q=0.0")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_served_again_only_at_its_generation_and_age() {
        let cache = PageCache::new(Duration::from_millis(200));
        cache.put("/".into(), Bytes::from_static(b"a"), 7, Instant::now());
        assert_eq!(html(&cache, "/", 7).as_deref(), Some(&b"a"[..]));
        assert!(html(&cache, "/", 8).is_none(), "a write renders it again");
        assert!(
            html(&cache, "/", 8).is_none(),
            "for every request until one is kept"
        );
        assert!(html(&cache, "/delegates", 7).is_none());
        std::thread::sleep(Duration::from_millis(250));
        assert!(
            html(&cache, "/", 7).is_none(),
            "too old: this request renders"
        );
        assert_eq!(
            html(&cache, "/", 7).as_deref(),
            Some(&b"a"[..]),
            "the others get the old copy meanwhile"
        );
        cache.release("/");
        assert!(
            html(&cache, "/", 7).is_none(),
            "that render failed: the next one tries"
        );
        cache.put("/".into(), Bytes::from_static(b"b"), 7, Instant::now());
        assert_eq!(html(&cache, "/", 7).as_deref(), Some(&b"b"[..]));
    }

    #[test]
    fn the_map_stays_bounded() {
        let cache = PageCache::new(Duration::from_secs(60));
        for i in 0..MAX_PAGES + 50 {
            cache.put(format!("/answers?q={i}"), Bytes::new(), 1, Instant::now());
        }
        assert_eq!(cache.pages.read().unwrap().len(), MAX_PAGES);
        // Once the kept pages are of an old generation, new ones take their place.
        cache.put("/".into(), Bytes::from_static(b"new"), 2, Instant::now());
        assert_eq!(html(&cache, "/", 2).as_deref(), Some(&b"new"[..]));
    }

    fn html(cache: &PageCache, key: &str, generation: u64) -> Option<Bytes> {
        match cache.get(key, generation) {
            Found::Page(p) => Some(p.html.clone()),
            Found::Render => None,
        }
    }

    #[test]
    fn gzip_is_sent_only_to_browsers_that_take_it() {
        let h = |v: &str| {
            let mut m = axum::http::HeaderMap::new();
            m.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            m
        };
        assert!(accepts_gzip(&h("gzip, deflate, br")));
        assert!(accepts_gzip(&h("br;q=1.0, GZIP;q=0.5")));
        assert!(!accepts_gzip(&h("gzip;q=0, br")));
        assert!(!accepts_gzip(&h("identity")));
        assert!(!accepts_gzip(&axum::http::HeaderMap::new()));
        let page = Page {
            html: Bytes::from("<p>代表风采</p>".repeat(100)),
            gzip: OnceLock::new(),
        };
        let gz = page.gzip().unwrap().clone();
        assert!(gz.len() < page.html.len() / 5);
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back)
            .unwrap();
        assert_eq!(back.as_bytes(), &page.html[..]);
    }
}
