//! Who the `studio` command acts as: an account (`--as LOGIN`, its password in `STUDIO_PASSWORD`, so
//! stdin stays free for `--password-stdin`), or the OS user who ran it: an administrator when that
//! user owns the database file (or the folder it will be created in), a visitor otherwise, so the
//! core refuses what it must.

use std::path::Path;

use studio_core::audit_log;
use studio_core::export_purpose::ExportPurpose;
use studio_core::{accounts, Actor, Ctx, Error, Role, Store};

/// The environment variable that holds `--as`'s password.
pub const PASSWORD_ENV: &str = "STUDIO_PASSWORD";

/// The OS user who ran the command, as the audit trail names them.
pub fn os_actor(db: &Path) -> Actor {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "未知用户".into());
    let role = if owns(db) { Role::Admin } else { Role::Visitor };
    Actor::with_id(format!("cli:{user}"), format!("命令行（{user}）"), role)
}

/// Whether this process's effective user owns the database file, or, when it does not exist yet,
/// the folder it will be created in (the nearest existing one above it).
#[cfg(unix)]
fn owns(db: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid takes no arguments, cannot fail and touches no memory of ours.
    let euid = unsafe { libc::geteuid() };
    let Ok(abs) = std::path::absolute(db) else {
        return false;
    };
    for p in abs.ancestors() {
        match std::fs::metadata(p) {
            Ok(m) => return m.uid() == euid,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(_) => return false,
        }
    }
    false
}

#[cfg(not(unix))]
fn owns(_db: &Path) -> bool {
    true
}

/// Log in as `login` with the password from [`PASSWORD_ENV`]. A failed login is an error (and is
/// in the audit log: the core's login writes it). An account whose password was reset may only
/// change it (`allow_must_change`).
pub fn login(store: &Store, login: &str, allow_must_change: bool) -> studio_core::Result<Ctx> {
    let password = std::env::var(PASSWORD_ENV).unwrap_or_default();
    if password.is_empty() {
        return Err(Error::Invalid(format!(
            "使用 --as 时请在环境变量 {PASSWORD_ENV} 中提供该账号的密码"
        )));
    }
    let session = accounts::login(store, login, &password)?;
    if session.must_change && !allow_must_change {
        return Err(Error::Unauthenticated(format!(
            "账号“{}”的密码已被重置，请先修改密码：studio --as {} user passwd --password-stdin",
            session.account.login, session.account.login
        )));
    }
    Ok(Ctx::now(session.actor))
}

/// A refusal by the core's permissions or scopes goes into the audit log, as the desktop app does.
pub fn record_if_refused<T>(
    store: &Store,
    ctx: &Ctx,
    out: studio_core::Result<T>,
) -> studio_core::Result<T> {
    if let Err(Error::Forbidden(message)) = &out {
        let _ = audit_log::record_refusal(store, ctx, "access", message);
    }
    out
}

/// The reason recorded for a personal-data export when `--reason` is not given.
pub const DEFAULT_EXPORT_REASON: &str = "命令行导出";

/// `--reason` and `--masked` as the core's [`ExportPurpose`] (checked, recorded and applied by the
/// core as for the app's exports); without a reason it is [`DEFAULT_EXPORT_REASON`].
pub fn export_purpose(reason: Option<&str>, masked: bool) -> studio_core::Result<ExportPurpose> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    let purpose = ExportPurpose {
        reason: reason.unwrap_or(DEFAULT_EXPORT_REASON).to_string(),
        masked,
    };
    purpose.checked()?;
    Ok(purpose)
}
