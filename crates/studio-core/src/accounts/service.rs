//! Account operations. Administrators manage accounts through the write gate (one change record
//! per change, never with the password hash); logging in is the one operation without an actor
//! yet: its bookkeeping (failed tries, lockout, last login) is written by the system, and its audit
//! line names the account.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::{
    password, AccountRow, AccountUpdate, NewAccount, Session, LOCKOUT_MINUTES, LOGIN_MAX,
    MAX_FAILED_ATTEMPTS, NAME_MAX,
};
use crate::actor::{Actor, Permission, Role};
use crate::audit::Entity;
use crate::audit_log::{self, AuditResult, NewAuditEntry};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc};
use crate::storage::{accounts as db, Store};
use crate::validate::Checker;

const ACCOUNT: Entity = Entity::Account;

/// Whether any account exists (the first start asks for the administrator's when none does).
pub fn has_accounts(store: &Store) -> Result<bool> {
    Ok(db::count(&*store.reader()?)? > 0)
}

/// The actor an account acts as: `account:<id>`, its display name and role, and for delegates and
/// heads the delegate record and its delegation.
pub fn actor_of(a: &AccountRow) -> Actor {
    let mut actor = Actor::with_id(format!("account:{}", a.id), a.name.clone(), a.role);
    if matches!(a.role, Role::Delegate | Role::Head) {
        actor.delegate_id = a.delegate_id.clone();
        actor.delegation_id = a.delegation_id.clone();
    }
    actor
}

/// The account id behind an actor, when it is an account.
pub fn account_id_of(actor: &Actor) -> Option<&str> {
    actor.id.strip_prefix("account:")
}

fn check_login(c: &mut Checker, login: &str) {
    let n = login.chars().count();
    if n == 0 {
        c.add("login", "请填写登录名");
    } else if !(2..=LOGIN_MAX).contains(&n) {
        c.add("login", format!("登录名应为 2–{LOGIN_MAX} 个字符"));
    } else if !login.starts_with(|ch: char| ch.is_ascii_alphabetic())
        || !login
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '_' | '.' | '-'))
    {
        c.add(
            "login",
            "登录名只能包含英文字母、数字、下划线、点和连字符，并以字母开头",
        );
    }
}

/// Check the role and the delegate link; returns the delegate id to store (none for staff).
fn check_role(
    conn: &rusqlite::Connection,
    c: &mut Checker,
    role: Option<Role>,
    delegate_id: Option<&str>,
) -> Result<Option<String>> {
    let Some(role) = role else {
        c.add("role", "请选择角色");
        return Ok(None);
    };
    if !Role::ACCOUNT_ROLES.contains(&role) {
        c.add(
            "role",
            "角色应为：管理员、联络员、代表团团长、党代表或审计员",
        );
        return Ok(None);
    }
    if !matches!(role, Role::Delegate | Role::Head) {
        return Ok(None);
    }
    let Some(id) = delegate_id.map(str::trim).filter(|s| !s.is_empty()) else {
        c.add(
            "delegate_id",
            format!("{}账号须关联其党代表档案", role.label()),
        );
        return Ok(None);
    };
    if crate::storage::roster::get_delegate(conn, id)?.is_none() {
        c.add("delegate_id", "找不到该党代表");
        return Ok(None);
    }
    Ok(Some(id.to_string()))
}

fn new_row(input: &NewAccount, role: Role, delegate_id: Option<String>) -> AccountRow {
    let now = now_utc();
    AccountRow {
        id: new_id(),
        login: input.login.trim().to_string(),
        name: input.name.trim().to_string(),
        role,
        delegate_id,
        delegate_name: None,
        delegation_id: None,
        must_change: false,
        failed_attempts: 0,
        locked_until: None,
        disabled: false,
        last_login_at: None,
        created_at: now.clone(),
        updated_at: now,
        version: 1,
    }
}

/// Validate a new account against the database (unique login, delegate link, password policy).
fn checked_new(conn: &rusqlite::Connection, input: &NewAccount) -> Result<AccountRow> {
    let mut c = Checker::new();
    let login = input.login.trim();
    check_login(&mut c, login);
    if !c.has("login") && db::by_login(conn, login)?.is_some() {
        c.add("login", format!("登录名“{login}”已被使用"));
    }
    let name = input.name.trim();
    c.required("name", "显示名称", name, NAME_MAX);
    let delegate_id = check_role(conn, &mut c, input.role, input.delegate_id.as_deref())?;
    if let Err(Error::Validation(fs)) = password::check_strength("password", &input.password) {
        for f in fs {
            c.add(&f.field, f.message);
        }
    }
    c.finish()?;
    let role = input.role.expect("checked");
    let mut row = new_row(input, role, delegate_id);
    if row.name.is_empty() {
        row.name = row.login.clone();
    }
    Ok(row)
}

/// The first start: create the administrator's account. Refused once any account exists.
pub fn create_first_admin(store: &Store, input: &NewAccount) -> Result<AccountRow> {
    let input = NewAccount {
        role: Some(Role::Admin),
        delegate_id: None,
        ..input.clone()
    };
    let ctx = Ctx::system();
    checked_new(&*store.reader()?, &input)?;
    let hash = password::hash(&input.password)?;
    store.write(&ctx, Permission::ManageAccounts, |tx| {
        if db::count(tx)? > 0 {
            return Err(Error::Conflict(
                "已有账号：请用已有的管理员账号登录".to_string(),
            ));
        }
        let row = checked_new(tx, &input)?;
        db::insert(tx, &row, &hash)?;
        tx.record(ACCOUNT, &row.id, "create", None::<&()>, Some(&row))?;
        Ok(row)
    })
}

/// Add an account (管理员).
pub fn add(store: &Store, ctx: &Ctx, input: &NewAccount) -> Result<AccountRow> {
    ctx.require(Permission::ManageAccounts)?;
    // Checked before hashing, so a bad form answers at once.
    {
        let conn = store.reader()?;
        checked_new(&conn, input)?;
    }
    let hash = password::hash(&input.password)?;
    store.write(ctx, Permission::ManageAccounts, |tx| {
        let row = checked_new(tx, input)?;
        db::insert(tx, &row, &hash)?;
        tx.record(ACCOUNT, &row.id, "create", None::<&()>, Some(&row))?;
        Ok(db::get(tx, &row.id)?.unwrap_or(row))
    })
}

/// Every account, by role then login (管理员; 审计员 too, to filter the log by person).
pub fn list(store: &Store, ctx: &Ctx) -> Result<Vec<AccountRow>> {
    if !ctx.may(Permission::ReadAudit) {
        ctx.require(Permission::ManageAccounts)?;
    }
    db::list(&*store.reader()?)
}

/// Every account for an export (账号 → 导出, `studio export accounts`): the administrator's or the
/// auditor's account review. Logged in the audit log (账号 / 导出) with how many.
pub fn list_for_export(store: &Store, ctx: &Ctx) -> Result<Vec<AccountRow>> {
    let list = list(store, ctx)?;
    audit_log::record(
        store,
        &NewAuditEntry {
            actor: &ctx.actor,
            area: "account",
            action: "export",
            target: "accounts:*",
            summary: &format!("{} 个账号", list.len()),
            result: AuditResult::Ok,
        },
    )?;
    Ok(list)
}

/// The account with this login (any case).
pub fn find(store: &Store, ctx: &Ctx, login: &str) -> Result<AccountRow> {
    ctx.require(Permission::ManageAccounts)?;
    db::by_login(&*store.reader()?, login.trim())?
        .ok_or_else(|| Error::NotFound(format!("找不到账号“{}”", login.trim())))
}

fn load(tx: &rusqlite::Connection, id: &str) -> Result<AccountRow> {
    db::get(tx, id)?.ok_or_else(|| Error::NotFound("找不到该账号".to_string()))
}

/// Change an account's name, role or delegate link from `upd.version`.
pub fn update(store: &Store, ctx: &Ctx, id: &str, upd: &AccountUpdate) -> Result<AccountRow> {
    ctx.require(Permission::ManageAccounts)?;
    store.write(ctx, Permission::ManageAccounts, |tx| {
        let before = load(tx, id)?;
        tx.expect_version(ACCOUNT, id, before.version, upd.version)?;
        let mut c = Checker::new();
        c.required("name", "显示名称", upd.name.trim(), NAME_MAX);
        let delegate_id = check_role(tx, &mut c, upd.role, upd.delegate_id.as_deref())?;
        c.finish()?;
        let role = upd.role.expect("checked");
        if before.role == Role::Admin && role != Role::Admin {
            refuse_last_admin(tx, &before)?;
        }
        let after = AccountRow {
            name: upd.name.trim().to_string(),
            role,
            delegate_id,
            updated_at: now_utc(),
            version: before.version + 1,
            ..before.clone()
        };
        db::update(tx, &after)?;
        let after = load(tx, id)?;
        tx.record(ACCOUNT, id, "update", Some(&before), Some(&after))?;
        Ok(after)
    })
}

/// The studio must keep one administrator who can log in.
fn refuse_last_admin(tx: &rusqlite::Connection, a: &AccountRow) -> Result<()> {
    let others = db::list(tx)?
        .into_iter()
        .filter(|o| o.role == Role::Admin && o.id != a.id && !o.disabled)
        .count();
    if others == 0 {
        return Err(Error::Conflict(
            "这是唯一可用的管理员账号，不能锁定或改为其他角色".to_string(),
        ));
    }
    Ok(())
}

/// Lock (停用) or unlock an account. Unlocking also clears a lockout after failed tries.
pub fn set_locked(store: &Store, ctx: &Ctx, id: &str, locked: bool) -> Result<AccountRow> {
    ctx.require(Permission::ManageAccounts)?;
    store.write(ctx, Permission::ManageAccounts, |tx| {
        let before = load(tx, id)?;
        if locked && before.role == Role::Admin {
            refuse_last_admin(tx, &before)?;
        }
        if locked && account_id_of(&ctx.actor) == Some(id) {
            return Err(Error::Conflict("不能锁定自己的账号".to_string()));
        }
        let after = AccountRow {
            disabled: locked,
            failed_attempts: if locked { before.failed_attempts } else { 0 },
            locked_until: if locked {
                before.locked_until.clone()
            } else {
                None
            },
            updated_at: now_utc(),
            version: before.version + 1,
            ..before.clone()
        };
        db::update(tx, &after)?;
        let action = if locked { "lock" } else { "unlock" };
        tx.record(ACCOUNT, id, action, Some(&before), Some(&after))?;
        Ok(after)
    })
}

/// An administrator sets a new password; the next login must change it. Clears any lock from
/// failed tries.
pub fn reset_password(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    new_password: &str,
) -> Result<AccountRow> {
    ctx.require(Permission::ManageAccounts)?;
    password::check_strength("password", new_password)?;
    let hash = password::hash(new_password)?;
    store.write(ctx, Permission::ManageAccounts, |tx| {
        let before = load(tx, id)?;
        db::set_password(tx, id, &hash)?;
        let after = AccountRow {
            must_change: true,
            failed_attempts: 0,
            locked_until: None,
            updated_at: now_utc(),
            version: before.version + 1,
            ..before.clone()
        };
        db::update(tx, &after)?;
        tx.record(ACCOUNT, id, "password_reset", Some(&before), Some(&after))?;
        Ok(after)
    })
}

/// A person changes their own password (knowing the current one); clears "must change".
pub fn change_own_password(
    store: &Store,
    ctx: &Ctx,
    current: &str,
    new_password: &str,
) -> Result<AccountRow> {
    let id = account_id_of(&ctx.actor)
        .ok_or_else(|| Error::Forbidden("只有登录账号可以修改密码".to_string()))?
        .to_string();
    let stored = db::credentials(&*store.reader()?, &id)?
        .ok_or_else(|| Error::NotFound("找不到该账号".to_string()))?;
    if !password::verify(current, &stored) {
        return Err(Error::field("current", "当前密码不正确"));
    }
    password::check_strength("password", new_password)?;
    if current == new_password {
        return Err(Error::field("password", "新密码不能与当前密码相同"));
    }
    let hash = password::hash(new_password)?;
    // Changing one's own password needs no permission beyond being that account.
    store.write_as_self(ctx, |tx| {
        let before = load(tx, &id)?;
        db::set_password(tx, &id, &hash)?;
        let after = AccountRow {
            must_change: false,
            updated_at: now_utc(),
            version: before.version + 1,
            ..before.clone()
        };
        db::update(tx, &after)?;
        tx.record(ACCOUNT, &id, "password_change", Some(&before), Some(&after))?;
        Ok(after)
    })
}

fn shanghai_time(utc: &str) -> String {
    DateTime::parse_from_rfc3339(utc)
        .map(|t| {
            t.with_timezone(&FixedOffset::east_opt(8 * 3600).expect("UTC+8"))
                .format("%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A well-formed hash of nothing, verified when the login is unknown so the answer takes as long
/// as for a real account.
fn dummy_hash() -> &'static str {
    use std::sync::OnceLock;
    static H: OnceLock<String> = OnceLock::new();
    H.get_or_init(|| password::hash("no such account 0").unwrap_or_default())
}

/// Log in as of now.
pub fn login(store: &Store, login: &str, password: &str) -> Result<Session> {
    login_at(store, login, password, Utc::now())
}

/// Log in as of `now` (tests move the clock for the lockout's expiry). Wrong passwords count; the
/// fifth in a row locks the account for 15 minutes. Every attempt is in the audit log.
pub fn login_at(store: &Store, login: &str, password: &str, now: DateTime<Utc>) -> Result<Session> {
    let login = login.trim();
    let bad = || Error::Unauthenticated("登录名或密码错误".to_string());
    if login.is_empty() || login.chars().count() > LOGIN_MAX || password.len() > 1024 {
        return Err(bad());
    }
    let found = {
        let conn = store.reader()?;
        match db::by_login(&conn, login)? {
            Some(a) => {
                let h = db::credentials(&conn, &a.id)?.unwrap_or_default();
                Some((a, h))
            }
            None => None,
        }
    };
    let sys = Ctx::system();
    let Some((account, hash)) = found else {
        password::verify(password, dummy_hash());
        let who = Actor::with_id(format!("login:{login}"), login, Role::Visitor);
        audit_log::record(
            store,
            &entry(&who, "login_failed", login, "无此账号", AuditResult::Failed),
        )?;
        return Err(bad());
    };
    let actor = actor_of(&account);
    if account.disabled {
        audit_log::record(
            store,
            &entry(
                &actor,
                "login_failed",
                login,
                "账号已被管理员锁定",
                AuditResult::Refused,
            ),
        )?;
        return Err(Error::Unauthenticated(
            "账号已被管理员锁定，请联系管理员解锁".to_string(),
        ));
    }
    if let Some(until) = account.locked_until.as_deref() {
        if until > stamp(now).as_str() {
            audit_log::record(
                store,
                &entry(
                    &actor,
                    "login_failed",
                    login,
                    "账号锁定中",
                    AuditResult::Refused,
                ),
            )?;
            return Err(Error::Unauthenticated(format!(
                "密码错误次数过多，账号已锁定，请于 {} 后再试，或请管理员解锁",
                shanghai_time(until)
            )));
        }
    }
    let ok = password::verify(password, &hash);
    store.write(&sys, Permission::ManageAccounts, |tx| {
        let mut a = load(tx, &account.id)?;
        if ok {
            a.failed_attempts = 0;
            a.locked_until = None;
            a.last_login_at = Some(stamp(now));
            db::update(tx, &a)?;
            audit_log::record_in(tx, &entry(&actor, "login", login, "", AuditResult::Ok))?;
        } else {
            // A lockout that has expired starts a fresh count.
            if a.locked_until.is_some() {
                a.failed_attempts = 0;
                a.locked_until = None;
            }
            a.failed_attempts += 1;
            audit_log::record_in(
                tx,
                &entry(
                    &actor,
                    "login_failed",
                    login,
                    "密码错误",
                    AuditResult::Failed,
                ),
            )?;
            if a.failed_attempts >= MAX_FAILED_ATTEMPTS {
                a.locked_until = Some(stamp(now + Duration::minutes(LOCKOUT_MINUTES)));
                audit_log::record_in(
                    tx,
                    &entry(
                        &actor,
                        "account_locked",
                        login,
                        &format!(
                            "连续 {MAX_FAILED_ATTEMPTS} 次密码错误，锁定 {LOCKOUT_MINUTES} 分钟"
                        ),
                        AuditResult::Ok,
                    ),
                )?;
            }
            db::update(tx, &a)?;
        }
        Ok(())
    })?;
    if !ok {
        let a = db::get(&*store.reader()?, &account.id)?;
        if a.is_some_and(|a| a.locked_until.is_some()) {
            return Err(Error::Unauthenticated(format!(
                "密码连续错误 {MAX_FAILED_ATTEMPTS} 次，账号已锁定 {LOCKOUT_MINUTES} 分钟"
            )));
        }
        return Err(bad());
    }
    let account = db::get(&*store.reader()?, &account.id)?.unwrap_or(account);
    Ok(Session {
        actor: actor_of(&account),
        must_change: account.must_change,
        account,
    })
}

fn entry<'a>(
    actor: &'a Actor,
    action: &'a str,
    target: &'a str,
    summary: &'a str,
    result: AuditResult,
) -> NewAuditEntry<'a> {
    NewAuditEntry {
        actor,
        area: "session",
        action,
        target,
        summary,
        result,
    }
}

/// The idle lock's unlock: the logged-in person's password again. A wrong one is logged; the
/// session stays locked.
pub fn verify_for_unlock(store: &Store, ctx: &Ctx, password: &str) -> Result<()> {
    let id = account_id_of(&ctx.actor)
        .ok_or_else(|| Error::Unauthenticated("请重新登录".to_string()))?;
    let stored = db::credentials(&*store.reader()?, id)?;
    let login = db::get(&*store.reader()?, id)?
        .map(|a| a.login)
        .unwrap_or_default();
    match stored {
        Some(h) if password::verify(password, &h) => audit_log::record(
            store,
            &entry(&ctx.actor, "unlock", &login, "", AuditResult::Ok),
        ),
        _ => {
            audit_log::record(
                store,
                &entry(
                    &ctx.actor,
                    "unlock_failed",
                    &login,
                    "密码错误",
                    AuditResult::Failed,
                ),
            )?;
            Err(Error::field("password", "密码不正确"))
        }
    }
}

/// Record a session event the front door saw (idle lock, logout).
pub fn record_session_event(store: &Store, ctx: &Ctx, action: &str, summary: &str) -> Result<()> {
    let login = account_id_of(&ctx.actor)
        .and_then(|id| db::get(&*store.reader().ok()?, id).ok().flatten())
        .map(|a| a.login)
        .unwrap_or_default();
    audit_log::record(
        store,
        &entry(&ctx.actor, action, &login, summary, AuditResult::Ok),
    )
}
