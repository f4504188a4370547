//! CSRF protection for every POST form, public and staff alike.
//!
//! Double submit with a signed token: the [`csrf_cookie`] middleware gives a browser a random
//! nonce in the cookie `studio_csrf` (HttpOnly, SameSite=Lax, Secure under TLS) on the first page
//! that has a form (a page without one sets no cookie, so it can be cached); a form carries
//! `HMAC-SHA256(server secret, nonce)` in its hidden field `csrf`. A POST is accepted only when the
//! field matches the cookie's nonce under the server's secret: another site can neither read the
//! cookie nor compute the token, and a token from one browser is worthless in another.
//!
//! # How to use it
//! ```ignore
//! use crate::csrf::{CsrfForm, CsrfToken};
//!
//! // GET: put the token into the form (the layout's `csrf_field(csrf)` macro writes the input).
//! async fn show(State(s): State<AppState>, csrf: CsrfToken) -> Result<Html<String>, PageError> {
//!     s.page("form.html", context! { csrf => csrf.value() })
//! }
//!
//! // POST: `CsrfForm<T>` refuses (403, the Chinese error page) a body without the right token,
//! // then parses the rest of the form into `T` (serde, `application/x-www-form-urlencoded`).
//! async fn send(State(s): State<AppState>, CsrfForm(form): CsrfForm<MyForm>) -> … { … }
//! ```
//! In a template: `<input type="hidden" name="csrf" value="{{ csrf }}">`.

use std::sync::{Arc, OnceLock};

use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use hmac::{Hmac, Mac};
use serde::de::DeserializeOwned;
use sha2::Sha256;

use crate::error::PageError;
use crate::state::AppState;

/// The cookie's name.
pub const COOKIE: &str = "studio_csrf";
/// The hidden field's name.
pub const FIELD: &str = "csrf";
/// What the visitor reads when the token is missing or wrong.
pub const REFUSED: &str = "页面已过期，请返回上一页刷新后重新提交";

/// The server's signing key.
#[derive(Clone)]
pub struct CsrfKey(Vec<u8>);

impl CsrfKey {
    /// From the configured secret, or a fresh random one.
    pub fn new(secret: Option<&str>) -> CsrfKey {
        match secret {
            Some(s) => CsrfKey(s.as_bytes().to_vec()),
            None => CsrfKey(random_bytes::<32>().to_vec()),
        }
    }

    fn mac(&self, nonce: &str) -> Hmac<Sha256> {
        let mut m = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        m.update(b"studio-csrf:");
        m.update(nonce.as_bytes());
        m
    }

    /// The form token for a nonce.
    pub fn token(&self, nonce: &str) -> String {
        hex::encode(self.mac(nonce).finalize().into_bytes())
    }

    /// Whether `token` is the nonce's (constant time).
    pub fn verify(&self, nonce: &str, token: &str) -> bool {
        let Ok(bytes) = hex::decode(token) else {
            return false;
        };
        self.mac(nonce).verify_slice(&bytes).is_ok()
    }
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    getrandom::getrandom(&mut b).expect("the OS random source");
    b
}

/// This browser's nonce, put on the request by [`csrf_cookie`]: the cookie's, or one made when a
/// page first asks for a token ([`CsrfToken`]), which the middleware then sets as the cookie.
#[derive(Clone, Debug)]
struct Nonce {
    had: Option<String>,
    made: Arc<OnceLock<String>>,
}

impl Nonce {
    fn value(&self) -> &str {
        match &self.had {
            Some(n) => n,
            None => self.made.get_or_init(|| hex::encode(random_bytes::<16>())),
        }
    }
}

/// Extractor for pages with a form: the token to put in the hidden `csrf` field.
#[derive(Clone, Debug)]
pub struct CsrfToken(String);

impl CsrfToken {
    pub fn value(&self) -> &str {
        &self.0
    }
}

impl FromRequestParts<AppState> for CsrfToken {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let nonce = parts
            .extensions
            .get::<Nonce>()
            .ok_or_else(|| PageError::Internal("csrf_cookie middleware missing".into()))?;
        Ok(CsrfToken(state.csrf_key().token(nonce.value())))
    }
}

/// The nonce in the request's `studio_csrf` cookie, if it is well formed (32 hex digits).
fn cookie_nonce(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
        .filter(|v| v.len() == 32 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Middleware: give the request this browser's nonce; set the cookie when it had none and the page
/// made one for a form.
pub async fn csrf_cookie(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let had = cookie_nonce(req.headers());
    let https = state.is_https(req.headers());
    let made = Arc::new(OnceLock::new());
    req.extensions_mut().insert(Nonce {
        had: had.clone(),
        made: made.clone(),
    });
    let mut res = next.run(req).await;
    if let (None, Some(nonce)) = (&had, made.get()) {
        let secure = if https { "; Secure" } else { "" };
        let cookie = format!("{COOKIE}={nonce}; Path=/; HttpOnly; SameSite=Lax{secure}");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

/// Extractor for a POSTed form: checks the `csrf` field against the cookie, then parses `T`.
/// A body over the configured limit is 413; a bad token 403; a malformed form 400.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, PageError> {
        let nonce = cookie_nonce(req.headers());
        let limit = state.config().body_limit;
        let bytes = axum::body::to_bytes(req.into_body(), limit)
            .await
            .map_err(|_| PageError::Status(StatusCode::PAYLOAD_TOO_LARGE))?;
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| PageError::BadRequest("提交的表单格式有误".into()))?;
        let token = pairs
            .iter()
            .find(|(k, _)| k == FIELD)
            .map(|(_, v)| v.as_str());
        match (nonce, token) {
            (Some(n), Some(t)) if state.csrf_key().verify(&n, t) => {}
            _ => return Err(PageError::Forbidden(REFUSED.into())),
        }
        serde_urlencoded::from_bytes(&bytes)
            .map(CsrfForm)
            .map_err(|_| PageError::BadRequest("提交的表单格式有误".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_fits_only_its_nonce_and_key() {
        let k = CsrfKey::new(None);
        let t = k.token("0123456789abcdef0123456789abcdef");
        assert!(k.verify("0123456789abcdef0123456789abcdef", &t));
        assert!(!k.verify("0123456789abcdef0123456789abcdee", &t));
        assert!(!CsrfKey::new(None).verify("0123456789abcdef0123456789abcdef", &t));
        assert!(!k.verify("0123456789abcdef0123456789abcdef", "zz"));
    }
}
