//! Accounts (账号): who may log in, in which role, and as which delegate record. Logging in turns an
//! account into the [`Actor`] of every later request; the front door (the desktop session, the CLI's
//! `--as`, later the server) keeps it.
//!
//! - `password.rs`: the password policy and argon2id.
//! - `service.rs`: first administrator, add, change, lock/unlock, reset, change one's own password,
//!   login with lockout, the idle lock's password check.

pub mod password;
mod service;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Role;

pub use service::*;

/// 5 failed tries lock an account for 15 minutes.
pub const MAX_FAILED_ATTEMPTS: u32 = 5;
pub const LOCKOUT_MINUTES: i64 = 15;

/// Field limits of the account form, in characters.
pub const LOGIN_MAX: usize = 32;
pub const NAME_MAX: usize = 20;

/// An account as lists, change records and exports see it: no password hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AccountRow {
    pub id: String,
    pub login: String,
    /// 显示名称.
    pub name: String,
    pub role: Role,
    /// The delegate record this person is (党代表, 代表团团长).
    pub delegate_id: Option<String>,
    pub delegate_name: Option<String>,
    pub delegation_id: Option<String>,
    /// The next login must choose a new password.
    pub must_change: bool,
    pub failed_attempts: u32,
    /// Locked after failed tries until this time (UTC, RFC 3339).
    pub locked_until: Option<String>,
    /// Locked by an administrator.
    pub disabled: bool,
    pub last_login_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// A new account (用户管理 → 新增账号, `studio user add`, the first start).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct NewAccount {
    pub login: String,
    pub name: String,
    pub role: Option<Role>,
    pub delegate_id: Option<String>,
    pub password: String,
}

/// An administrator's change to an account (not its password).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AccountUpdate {
    pub name: String,
    pub role: Option<Role>,
    pub delegate_id: Option<String>,
    /// The version the change was based on.
    pub version: i64,
}

/// What a successful login gives the front door.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Session {
    pub account: AccountRow,
    pub actor: crate::actor::Actor,
    /// The password was reset: the UI asks for a new one before anything else, and the core
    /// refuses other work until it is changed (the front door checks this).
    pub must_change: bool,
}
