//! 登录 / 退出 of the portal: the desktop's accounts (`accounts::login`: the same argon2id hashes,
//! five wrong passwords lock the account for 15 minutes, every try in the audit log), then a
//! server-side session ([`super::session`]). Administrators, liaison officers, delegation heads
//! and delegates may use the portal; an auditor reads the log at the studio.

use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Extension;
use minijinja::context;
use serde::Deserialize;
use studio_core::{accounts, settings, Error, Role};

use super::session::{cookie_token, set_cookie, Portal, Sessions};
use crate::csrf::{CsrfForm, CsrfToken};
use crate::error::PageError;
use crate::state::AppState;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    login: String,
    password: String,
}

#[derive(Deserialize, Default)]
pub struct Empty {}

fn login_page(
    state: &AppState,
    csrf: &CsrfToken,
    login: &str,
    error: Option<&str>,
    notice: Option<&str>,
) -> Result<Html<String>, PageError> {
    state.page(
        "staff/login.html",
        context! { title => "工作人员登录", active => "staff", csrf => csrf.value(), login, error, notice },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginQuery {
    out: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    Extension(sessions): Extension<Sessions>,
    headers: axum::http::HeaderMap,
    axum::extract::Query(q): axum::extract::Query<LoginQuery>,
    csrf: CsrfToken,
) -> Result<Response, PageError> {
    if cookie_token(&headers).is_some_and(|t| sessions.touch(&t).is_some()) {
        return Ok(Redirect::to("/staff").into_response());
    }
    let notice = q.out.map(|_| "您已退出登录");
    Ok(login_page(&state, &csrf, "", None, notice)?.into_response())
}

pub async fn login(
    State(state): State<AppState>,
    Extension(sessions): Extension<Sessions>,
    csrf: CsrfToken,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response, PageError> {
    let store = state.store();
    let (login, password) = (form.login.clone(), form.password);
    let result = tokio::task::spawn_blocking(move || {
        let session = accounts::login(&store, &login, &password)?;
        let idle = settings::load(&store)?.idle_lock_minutes;
        Ok::<_, Error>((session, idle))
    })
    .await
    .map_err(|e| PageError::Internal(format!("worker: {e}")))?;
    let refuse = |message: &str| -> Result<Response, PageError> {
        let page = login_page(&state, &csrf, form.login.trim(), Some(message), None)?;
        Ok((StatusCode::UNAUTHORIZED, page).into_response())
    };
    let (session, idle_minutes) = match result {
        Ok(s) => s,
        Err(Error::Unauthenticated(m)) => return refuse(&m),
        Err(e) => return Err(e.into()),
    };
    if session.must_change {
        return refuse("您的密码已被重置，请先在工作室电脑上修改密码，再登录网上工作室");
    }
    if !matches!(
        session.actor.role,
        Role::Admin | Role::Liaison | Role::Head | Role::Delegate
    ) {
        return refuse("审计员请在工作室电脑上查看审计日志");
    }
    let idle = Duration::from_secs(u64::from(idle_minutes.max(1)) * 60);
    let token = sessions.create(session.actor, idle);
    let mut res = Redirect::to("/staff").into_response();
    res.headers_mut()
        .append(header::SET_COOKIE, set_cookie(&state, Some(&token)));
    Ok(res)
}

pub async fn logout(
    State(state): State<AppState>,
    Extension(sessions): Extension<Sessions>,
    portal: Portal,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, PageError> {
    sessions.remove(&portal.token);
    state
        .run(portal.ctx, |store, ctx| {
            accounts::record_session_event(store, ctx, "logout", "网上工作室")
        })
        .await?;
    let mut res = Redirect::to("/staff/login?out=1").into_response();
    res.headers_mut()
        .append(header::SET_COOKIE, set_cookie(&state, None));
    Ok(res)
}
