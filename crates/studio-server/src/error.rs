//! The error page: what a visitor sees when something goes wrong, in Chinese, with nothing of the
//! program's insides (no paths, no SQL, no stack). Handlers return `Result<_, PageError>`; the
//! `error_pages` middleware ([`render_error_pages`]) turns every 4xx/5xx answer into the page, also
//! those made by the layers (413 body too large, 408 timeout) and by the 404 fallback.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// Why a request failed, as far as the visitor may know.
#[derive(Debug)]
pub enum PageError {
    /// 404: no such page (also a record that is not public).
    NotFound,
    /// 400 with a message meant for the visitor (a validation message from the core).
    BadRequest(String),
    /// 403: refused (a missing or stale CSRF token, a permission).
    Forbidden(String),
    /// 429: too many sends; the message says to wait.
    TooMany(String),
    /// 500: logged with its cause; the visitor sees only a generic page.
    Internal(String),
    /// Any other status, with its default words (413 from a form body over the limit).
    Status(StatusCode),
}

/// Put on an error response so the middleware renders the page with this message.
#[derive(Clone, Debug)]
pub struct ErrorMessage(pub String);

impl PageError {
    pub fn status(&self) -> StatusCode {
        match self {
            PageError::NotFound => StatusCode::NOT_FOUND,
            PageError::BadRequest(_) => StatusCode::BAD_REQUEST,
            PageError::Forbidden(_) => StatusCode::FORBIDDEN,
            PageError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            PageError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            PageError::Status(s) => *s,
        }
    }

    /// What the page says (never the internal cause).
    pub fn message(&self) -> String {
        match self {
            PageError::BadRequest(m) | PageError::Forbidden(m) | PageError::TooMany(m) => m.clone(),
            PageError::NotFound | PageError::Internal(_) | PageError::Status(_) => {
                default_message(self.status()).into()
            }
        }
    }
}

impl From<studio_core::Error> for PageError {
    fn from(e: studio_core::Error) -> Self {
        use studio_core::Error as E;
        match e {
            E::NotFound(_) => PageError::NotFound,
            E::Forbidden(_) => PageError::Forbidden("无权访问此页面".into()),
            e @ (E::Validation { .. } | E::Invalid(_)) => PageError::BadRequest(e.to_string()),
            other => PageError::Internal(format!("{}: {other}", other.code())),
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if let PageError::Internal(cause) = &self {
            tracing::error!(%cause, "请求处理失败");
        }
        let mut r = self.status().into_response();
        r.extensions_mut().insert(ErrorMessage(self.message()));
        r
    }
}

/// The page's default words for a status.
pub fn default_message(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "提交的内容有误，请返回检查后重试",
        403 => "页面已过期或无权访问，请返回刷新后重试",
        404 => "您访问的页面不存在",
        405 => "不支持此操作",
        408 => "请求超时，请稍后重试",
        413 => "提交的内容过长，请删减后重试",
        429 => "操作过于频繁，请稍后再试",
        _ => "服务器暂时无法处理您的请求，请稍后再试",
    }
}

fn title_of(status: StatusCode) -> &'static str {
    match status.as_u16() {
        404 => "页面不存在",
        413 => "内容过长",
        429 => "操作过于频繁",
        400..=499 => "无法完成请求",
        _ => "服务器错误",
    }
}

/// Middleware: every error answer that is not already one of our HTML pages becomes the Chinese
/// error page (the body of a layer's 413 or the router's 405 would otherwise be English text).
pub async fn render_error_pages(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let ours = res.extensions().get::<ErrorMessage>().cloned();
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    if is_html && ours.is_none() {
        return res;
    }
    let message = ours.map_or_else(|| default_message(status).to_string(), |m| m.0);
    let body = state
        .render(
            "error.html",
            minijinja::context! { title => title_of(status), status => status.as_u16(), message },
        )
        .unwrap_or_else(|e| {
            tracing::error!(error = ?e, "错误页无法生成");
            default_message(status).to_string()
        });
    let (mut parts, _) = res.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Response::from_parts(parts, Body::from(body))
}

/// The router's fallback: 404 (rendered by the middleware).
pub async fn not_found() -> PageError {
    PageError::NotFound
}
