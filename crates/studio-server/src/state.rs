//! `AppState`: what every handler shares — the core's database handle, the settings, the page
//! templates, the CSRF key, the spam guard and the rendered pages kept. Cloned per request (one `Arc`).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::response::Html;
use studio_core::actor::{Actor, Role};
use studio_core::{Ctx, Store};

use crate::config::Config;
use crate::csrf::CsrfKey;
use crate::error::PageError;
use crate::page_cache::PageCache;
use crate::spam::SpamGuard;
use crate::templates;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    store: Arc<Store>,
    config: Config,
    templates: minijinja::Environment<'static>,
    csrf: CsrfKey,
    spam: SpamGuard,
    pages: PageCache,
}

impl AppState {
    pub fn new(store: Store, config: Config) -> AppState {
        let csrf = CsrfKey::new(config.csrf_secret.as_deref());
        let spam = SpamGuard::new(config.limits.clone());
        let pages = PageCache::new(Duration::from_secs(config.page_cache_secs));
        AppState(Arc::new(Inner {
            store: Arc::new(store),
            templates: templates::environment(),
            csrf,
            spam,
            pages,
            config,
        }))
    }

    pub fn store(&self) -> Arc<Store> {
        self.0.store.clone()
    }

    pub fn config(&self) -> &Config {
        &self.0.config
    }

    pub fn csrf_key(&self) -> &CsrfKey {
        &self.0.csrf
    }

    pub fn spam(&self) -> &SpamGuard {
        &self.0.spam
    }

    pub fn page_cache(&self) -> &PageCache {
        &self.0.pages
    }

    /// Whether this server speaks TLS itself (cookies get `Secure`, HSTS is sent).
    pub fn is_tls(&self) -> bool {
        self.0.config.tls_cert.is_some()
    }

    /// Whether the browser reached us over HTTPS: our own TLS, or a trusted proxy's
    /// `X-Forwarded-Proto: https`. Cookies set for such a request get `Secure`.
    pub fn is_https(&self, headers: &axum::http::HeaderMap) -> bool {
        self.is_tls()
            || (self.0.config.trust_forwarded_for
                && headers
                    .get("x-forwarded-proto")
                    .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"https")))
    }

    /// Run blocking core work (SQLite) on a worker thread as `ctx`. A core refusal is also written
    /// to the audit log; a panic becomes a 500.
    pub async fn run<T: Send + 'static>(
        &self,
        ctx: Ctx,
        f: impl FnOnce(&Store, &Ctx) -> studio_core::Result<T> + Send + 'static,
    ) -> Result<T, PageError> {
        let store = self.store();
        tokio::task::spawn_blocking(move || {
            let out = f(&store, &ctx);
            if let Err(studio_core::Error::Forbidden(message)) = &out {
                let _ = studio_core::audit_log::record_refusal(&store, &ctx, "access", message);
            }
            out
        })
        .await
        .map_err(|e| PageError::Internal(format!("worker: {e}")))?
        .map_err(PageError::from)
    }

    /// Run core work as the online studio's visitor from `ip` (`Role::Visitor`, id `online:<ip>`:
    /// the core's per-actor bounds, such as failed 查询进度 tries, count per address).
    pub async fn visitor<T: Send + 'static>(
        &self,
        ip: IpAddr,
        f: impl FnOnce(&Store, &Ctx) -> studio_core::Result<T> + Send + 'static,
    ) -> Result<T, PageError> {
        self.run(visitor_ctx(ip), f).await
    }

    /// Render a template to a string.
    pub fn render(&self, name: &str, ctx: minijinja::Value) -> Result<String, PageError> {
        self.0
            .templates
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .map_err(|e| PageError::Internal(format!("template {name}: {e:#}")))
    }

    /// Render a template as an HTML page.
    pub fn page(&self, name: &str, ctx: minijinja::Value) -> Result<Html<String>, PageError> {
        self.render(name, ctx).map(Html)
    }
}

/// The online studio's visitor from `ip`.
pub fn visitor_ctx(ip: IpAddr) -> Ctx {
    Ctx::now(Actor::with_id(
        format!("online:{ip}"),
        "网上工作室",
        Role::Visitor,
    ))
}
