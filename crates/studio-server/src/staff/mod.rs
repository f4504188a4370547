//! The staff and delegates' portal (工作人员入口, `/staff/…`): login with the desktop's accounts and
//! a server-side session ([`session`]), then for staff (管理员, 联络员) 待分派 and 分派
//! ([`messages`]) and 代表回复 ([`publish`]), for delegates and delegation heads their messages and
//! 答复 online. Every form carries the CSRF token (`crate::csrf`); every permission is the core's.

pub mod login;
pub mod messages;
pub mod publish;
pub mod session;

use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Extension, Router};
use studio_core::Error;

use crate::error::PageError;
use crate::state::AppState;

/// The portal's routes, with their sessions (one store per server).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/staff", get(messages::home))
        .route("/staff/login", get(login::show).post(login::login))
        .route("/staff/logout", post(login::logout))
        .route("/staff/messages", get(messages::unrouted))
        .route("/staff/mine", get(messages::mine))
        .route("/staff/messages/{id}", get(messages::detail))
        .route("/staff/messages/{id}/route", post(messages::route))
        .route("/staff/messages/{id}/answer", post(messages::answer))
        .route("/staff/answers", get(publish::list))
        .route(
            "/staff/answers/{id}",
            get(publish::form).post(publish::save),
        )
        .route("/staff/answers/{id}/withdraw", post(publish::withdraw))
        .layer(Extension(session::Sessions::new()))
}

/// What a step's redirect (`?done=…`) says on the next page: fixed words, nothing from the URL.
pub struct Done;

impl Done {
    pub fn text(code: &str) -> &'static str {
        match code {
            "routed" => "已分派，承办党代表可以在网上工作室答复",
            "answered" => "已答复，留言人可凭查询码在“查询进度”中看到答复",
            "saved" => "已保存（尚未发布）",
            "published" => "已发布到“代表回复”",
            "withdrawn" => "已从“代表回复”撤回",
            _ => "操作已完成",
        }
    }
}

/// A core refusal of a form, to show above the form again: the status and the core's Chinese
/// words for what the person can fix (a field, a state, a stale page). Anything else is the error
/// page's.
pub fn form_error(e: Error) -> Result<(StatusCode, String), PageError> {
    match e {
        Error::Validation(_) | Error::Invalid(_) => Ok((StatusCode::BAD_REQUEST, e.to_string())),
        Error::Conflict(_) | Error::Stale(_) => Ok((StatusCode::CONFLICT, e.to_string())),
        other => Err(other.into()),
    }
}

/// A write's outcome kept for the form (`Ok(Err(..))`), except a refusal of permission, which goes
/// to `AppState::run` (logged, the error page).
pub fn keep_refusal<T>(r: studio_core::Result<T>) -> studio_core::Result<studio_core::Result<T>> {
    match r {
        Err(e @ Error::Forbidden(_)) => Err(e),
        other => Ok(other),
    }
}
