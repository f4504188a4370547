//! Who is acting. Every write takes an [`Actor`] explicitly so the audit trail names a person and
//! roles can be enforced on the same parameter once accounts exist.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Organization Department staff (组织部).
    Admin,
    /// Liaison officer at the studio desk (联络员).
    Liaison,
    /// A delegate (党代表).
    Delegate,
    /// A visitor at the kiosk or on the portal: may read public data and leave messages only.
    Visitor,
    /// The program itself (migrations, demo data, scheduled jobs).
    System,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Liaison,
        Role::Delegate,
        Role::Visitor,
        Role::System,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "组织部管理员",
            Role::Liaison => "联络员",
            Role::Delegate => "党代表",
            Role::Visitor => "访客",
            Role::System => "系统",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Actor {
    /// Stable identity for the audit trail: the account id once accounts exist; until then the
    /// desktop session's operator (`local:<name>`), `cli:<user>`, or `system`.
    pub id: String,
    pub name: String,
    pub role: Role,
}

/// What an actor wants to do; checked in the core, never only in a UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// The roster's public face: names, delegations, units (everyone, visitors included; phones
    /// come masked, and blank for visitors).
    ReadRoster,
    /// The studio's records: card and item lists, figures, histories, the change log.
    ReadRecords,
    EditRoster,
    EditSettings,
    ReadPersonalData,
    Maintain,
    /// Create, edit, submit, amend and discard contact record cards (记录卡).
    EditCards,
    /// Receive and handle ledger items (受理、答复、反馈、回访).
    HandleItems,
    /// 督办: chase, escalate, grant extensions, decline.
    Supervise,
}

impl Actor {
    /// An actor known by name only (the desktop operator until accounts exist, tests): its id is
    /// `local:<name>`.
    pub fn new(name: impl Into<String>, role: Role) -> Self {
        let name = name.into();
        Actor {
            id: format!("local:{name}"),
            name,
            role,
        }
    }

    pub fn with_id(id: impl Into<String>, name: impl Into<String>, role: Role) -> Self {
        Actor {
            id: id.into(),
            name: name.into(),
            role,
        }
    }

    pub fn system() -> Self {
        Actor::with_id("system", "系统", Role::System)
    }

    pub fn may(&self, p: Permission) -> bool {
        use Permission::*;
        match self.role {
            Role::Admin | Role::System => true,
            Role::Liaison => matches!(
                p,
                ReadRoster
                    | ReadRecords
                    | EditRoster
                    | ReadPersonalData
                    | EditCards
                    | HandleItems
                    | Supervise
            ),
            Role::Delegate => matches!(
                p,
                ReadRoster | ReadRecords | ReadPersonalData | EditCards | HandleItems
            ),
            Role::Visitor => matches!(p, ReadRoster),
        }
    }

    pub fn require(&self, p: Permission) -> Result<()> {
        if self.may(p) {
            Ok(())
        } else {
            Err(Error::Forbidden(format!(
                "{}（{}）没有权限进行此操作",
                self.name,
                self.role.label()
            )))
        }
    }
}
