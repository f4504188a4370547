//! The desktop session: who is logged in at this window, whether it is locked, and when it was
//! last used. Every command but the login screen's goes through [`Session::ctx`], which refuses
//! when nobody is logged in, when the session is locked (by the user, or idle longer than 设置 →
//! 自动锁定), or when a reset password must be changed first. The UI keeps its own idle timer and
//! covers the window; this is the backstop the page cannot skip.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use studio_core::{Actor, Ctx, Error, Store};

struct Active {
    actor: Actor,
    must_change: bool,
    locked: bool,
    last_used: Instant,
}

#[derive(Default)]
pub struct Session {
    state: Mutex<Option<Active>>,
}

impl Session {
    fn with<T>(&self, f: impl FnOnce(&mut Option<Active>) -> T) -> T {
        f(&mut self.state.lock().unwrap_or_else(|e| e.into_inner()))
    }

    pub fn start(&self, actor: Actor, must_change: bool) {
        self.with(|s| {
            *s = Some(Active {
                actor,
                must_change,
                locked: false,
                last_used: Instant::now(),
            })
        });
    }

    pub fn end(&self) -> Option<Actor> {
        self.with(|s| s.take().map(|a| a.actor))
    }

    /// The logged-in actor, locked or not (unlock, logout, the audit line of a lock).
    pub fn actor(&self) -> Option<Actor> {
        self.with(|s| s.as_ref().map(|a| a.actor.clone()))
    }

    /// Lock now; returns whether it was unlocked before.
    pub fn lock(&self) -> bool {
        self.with(|s| match s {
            Some(a) if !a.locked => {
                a.locked = true;
                true
            }
            _ => false,
        })
    }

    pub fn unlock(&self) {
        self.with(|s| {
            if let Some(a) = s {
                a.locked = false;
                a.last_used = Instant::now();
            }
        });
    }

    pub fn password_changed(&self) {
        self.with(|s| {
            if let Some(a) = s {
                a.must_change = false;
            }
        });
    }

    /// Keep the session alive (the page reports that the person is typing or clicking).
    pub fn touch(&self) {
        self.with(|s| {
            if let Some(a) = s {
                if !a.locked {
                    a.last_used = Instant::now();
                }
            }
        });
    }

    /// End the session if it was left alone longer than `idle` (the kiosk: a session there is ended,
    /// not locked); returns who it was.
    pub fn end_if_idle(&self, idle: Duration) -> Option<Actor> {
        self.with(|s| match s {
            Some(a) if a.last_used.elapsed() > idle => s.take().map(|a| a.actor),
            _ => None,
        })
    }

    /// The context for one command. `idle` is 设置 → 自动锁定; passing it locks a session left
    /// alone longer (and says so once in the audit log through `on_idle_lock`).
    pub fn ctx(&self, store: &Store, idle: Duration) -> Result<Ctx, Error> {
        let (actor, newly_locked) = self.with(|s| {
            let Some(a) = s else {
                return Err(Error::Unauthenticated("请先登录".to_string()));
            };
            if a.locked {
                return Err(Error::SessionLocked);
            }
            if a.last_used.elapsed() > idle {
                a.locked = true;
                return Ok((a.actor.clone(), true));
            }
            if a.must_change {
                return Err(Error::Unauthenticated(
                    "密码已被重置，请先修改密码".to_string(),
                ));
            }
            a.last_used = Instant::now();
            Ok((a.actor.clone(), false))
        })?;
        let ctx = Ctx::now(actor);
        if newly_locked {
            let _ = studio_core::accounts::record_session_event(
                store,
                &ctx,
                "lock",
                "空闲超时自动锁定",
            );
            return Err(Error::SessionLocked);
        }
        Ok(ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use studio_core::Role;

    #[test]
    fn an_idle_session_at_the_kiosk_is_ended() {
        let s = Session::default();
        assert!(s.end_if_idle(Duration::ZERO).is_none(), "nobody logged in");
        s.start(Actor::new("王老师", Role::Admin), false);
        assert!(s.end_if_idle(Duration::from_secs(60)).is_none());
        std::thread::sleep(Duration::from_millis(5));
        let ended = s.end_if_idle(Duration::from_millis(1)).expect("ended");
        assert_eq!(ended.name, "王老师");
        assert!(s.actor().is_none());
    }
}
