//! The demo's accounts: one per role, all with [`DEMO_PASSWORD`], which the login screen shows only
//! while the database holds the demo (`settings::setup_state` = `Demo`).

use crate::accounts::{self, password, AccountRow};
use crate::actor::{Permission, Role};
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::ids::{new_id, now_utc};
use crate::roster;
use crate::storage::{accounts as db, settings as settings_db, Store};

pub const DEMO_PASSWORD: &str = "Demo2026";

/// `(login, display name, role)`; the head and the delegate are linked to demo delegates.
pub const DEMO_ACCOUNTS: &[(&str, &str, Role)] = &[
    ("admin", "组织部 王老师", Role::Admin),
    ("liaison", "联络员 李老师", Role::Liaison),
    ("head", "", Role::Head),
    ("delegate", "", Role::Delegate),
    ("auditor", "审计员 赵老师", Role::Auditor),
];

/// Add the demo accounts whose logins are free. One hash serves them all (demo only).
pub(crate) fn create(store: &Store, ctx: &Ctx) -> Result<usize> {
    let delegations = roster::list_delegations(store, ctx)?;
    let first = delegations.first();
    let head_id = first.and_then(|g| g.head_delegate_id.clone());
    let delegate_id = match first {
        Some(g) => roster::all_delegates(store, ctx)?
            .into_iter()
            .find(|d| {
                d.delegation_id == g.id
                    && Some(&d.id) != head_id.as_ref()
                    && d.status == roster::DelegateStatus::Active
            })
            .map(|d| (d.id, d.name)),
        None => None,
    };
    let head = match &head_id {
        Some(id) => crate::storage::roster::get_delegate(&*store.reader()?, id)?
            .map(|d| (id.clone(), d.name)),
        None => None,
    };
    let hash = password::hash(DEMO_PASSWORD)?;
    store.write(ctx, Permission::ManageAccounts, |tx| {
        let mut n = 0;
        for (login, name, role) in DEMO_ACCOUNTS {
            if db::by_login(tx, login)?.is_some() {
                continue;
            }
            let link = match role {
                Role::Head => head.clone(),
                Role::Delegate => delegate_id.clone(),
                _ => None,
            };
            if matches!(role, Role::Head | Role::Delegate) && link.is_none() {
                continue;
            }
            let now = now_utc();
            let row = AccountRow {
                id: new_id(),
                login: login.to_string(),
                name: match &link {
                    Some((_, n)) => n.clone(),
                    None => name.to_string(),
                },
                role: *role,
                delegate_id: link.map(|(id, _)| id),
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
            };
            db::insert(tx, &row, &hash)?;
            if *login == "admin" {
                // Only when the admin account is made: a second demo load keeps the old one.
                settings_db::set(tx, DEMO_HASH_KEY, &hash)?;
            }
            tx.record(Entity::Account, &row.id, "create", None::<&()>, Some(&row))?;
            n += 1;
        }
        Ok(n)
    })
}

/// The settings key holding the hash the demo accounts were given (of the public demo password,
/// so no secret).
const DEMO_HASH_KEY: &str = "demo_password_hash";

/// Whether the demo accounts are still there with the demo password (for the login screen's
/// hint): the admin demo account still has the hash the demo gave it. Compared as text, not by
/// verifying the password: the login screen asks on every start, and an argon2 verification on
/// that path held the first paint back by 1–2 s on a loaded machine. A new password gets a new
/// salt, so a changed password never matches. Demo data made before the hash was kept are
/// verified the slow way.
pub fn demo_password_works(store: &Store) -> Result<bool> {
    let conn = store.reader()?;
    let Some(a) = db::by_login(&conn, "admin")? else {
        return Ok(false);
    };
    let Some(current) = db::credentials(&conn, &a.id)? else {
        return Ok(false);
    };
    Ok(match settings_db::get(&conn, DEMO_HASH_KEY)? {
        Some(given) => given == current,
        None => accounts::password::verify(DEMO_PASSWORD, &current),
    })
}
