//! The portal's sessions: server-side, in memory. A login gets a random 256-bit token in the
//! cookie `studio_session` (HttpOnly, SameSite=Lax, Path=/staff, Secure under TLS); the server
//! keeps the account's actor under it. A session ends at logout, after the studio's idle time
//! (设置 → 空闲锁定, the desktop's idle lock) without a request, or after [`MAX_AGE`] in all.
//!
//! Why in memory and not a table: a session holds nothing worth keeping across a restart (staff
//! log in again), a single server process serves the campus, and a request then costs no write
//! to the database (the single writer stays free for the messages). The map is bounded: beyond
//! [`MAX_SESSIONS`] the expired ones are dropped, then the oldest.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use studio_core::{Actor, Ctx};

use crate::state::AppState;

/// The cookie's name.
pub const COOKIE: &str = "studio_session";
/// A session lasts at most this long, however active.
pub const MAX_AGE: Duration = Duration::from_secs(12 * 3600);
/// Sessions kept at most (expired ones, then the oldest, are dropped beyond it).
const MAX_SESSIONS: usize = 5_000;

struct Entry {
    actor: Actor,
    started: Instant,
    last_seen: Instant,
    idle: Duration,
}

impl Entry {
    fn alive(&self, now: Instant) -> bool {
        now.duration_since(self.last_seen) < self.idle && now.duration_since(self.started) < MAX_AGE
    }
}

/// The sessions of one server process.
#[derive(Clone, Default)]
pub struct Sessions(Arc<Mutex<HashMap<String, Entry>>>);

impl Sessions {
    pub fn new() -> Self {
        Self::default()
    }

    /// A new session for `actor` that ends after `idle` without a request; returns its token.
    pub fn create(&self, actor: Actor, idle: Duration) -> String {
        let mut b = [0u8; 32];
        getrandom::getrandom(&mut b).expect("the OS random source");
        let token = hex::encode(b);
        let now = Instant::now();
        let mut m = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if m.len() >= MAX_SESSIONS {
            m.retain(|_, e| e.alive(now));
            if m.len() >= MAX_SESSIONS {
                if let Some(oldest) = m
                    .iter()
                    .min_by_key(|(_, e)| e.last_seen)
                    .map(|(k, _)| k.clone())
                {
                    m.remove(&oldest);
                }
            }
        }
        m.insert(
            token.clone(),
            Entry {
                actor,
                started: now,
                last_seen: now,
                idle,
            },
        );
        token
    }

    /// The actor of a live session (its idle clock restarts); an expired one is removed.
    pub fn touch(&self, token: &str) -> Option<Actor> {
        let now = Instant::now();
        let mut m = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match m.get_mut(token) {
            Some(e) if e.alive(now) => {
                e.last_seen = now;
                Some(e.actor.clone())
            }
            Some(_) => {
                m.remove(token);
                None
            }
            None => None,
        }
    }

    pub fn remove(&self, token: &str) -> Option<Actor> {
        let mut m = self.0.lock().unwrap_or_else(|e| e.into_inner());
        m.remove(token).map(|e| e.actor)
    }
}

/// The session token in the request's cookie (64 hex digits), if any.
pub fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `Set-Cookie` for a new session, or (`token` None) one that clears it.
pub fn set_cookie(state: &AppState, token: Option<&str>) -> HeaderValue {
    let secure = if state.is_tls() { "; Secure" } else { "" };
    let v = match token {
        Some(t) => format!("{COOKIE}={t}; Path=/staff; HttpOnly; SameSite=Lax{secure}"),
        None => format!("{COOKIE}=; Path=/staff; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    };
    HeaderValue::from_str(&v).expect("ASCII cookie")
}

/// A logged-in request: the account's context (as of today) and its session token. Without a
/// live session the request is sent to the login page.
pub struct Portal {
    pub ctx: Ctx,
    pub token: String,
}

impl Portal {
    pub fn actor(&self) -> &Actor {
        &self.ctx.actor
    }

    /// Staff (管理员, 联络员): the 待分派 and 代表回复 pages.
    pub fn is_staff(&self) -> bool {
        matches!(
            self.ctx.actor.role,
            studio_core::Role::Admin | studio_core::Role::Liaison
        )
    }
}

/// Where a request without a session goes.
pub struct ToLogin;

impl IntoResponse for ToLogin {
    fn into_response(self) -> Response {
        Redirect::to("/staff/login").into_response()
    }
}

impl FromRequestParts<AppState> for Portal {
    type Rejection = ToLogin;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, ToLogin> {
        let sessions = parts.extensions.get::<Sessions>().ok_or(ToLogin)?;
        let token = cookie_token(&parts.headers).ok_or(ToLogin)?;
        let actor = sessions.touch(&token).ok_or(ToLogin)?;
        Ok(Portal {
            ctx: Ctx::now(actor),
            token,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use studio_core::Role;

    #[test]
    fn a_session_ends_when_idle_or_removed() {
        let s = Sessions::new();
        let t = s.create(Actor::new("王联络", Role::Liaison), Duration::from_secs(60));
        assert_eq!(s.touch(&t).unwrap().name, "王联络");
        assert!(s.touch("0".repeat(64).as_str()).is_none());
        s.remove(&t);
        assert!(s.touch(&t).is_none());
        let idle = s.create(
            Actor::new("王联络", Role::Liaison),
            Duration::from_millis(1),
        );
        std::thread::sleep(Duration::from_millis(5));
        assert!(s.touch(&idle).is_none());
    }
}
