//! Who is acting, in which role, over which records. The permission table ([`Role::permissions`])
//! is the one place that says what a role may do; the core checks it on every read and write, and
//! the role × permission matrix test is generated from it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Organization Department staff (组织部): everything, accounts and settings included.
    Admin,
    /// Liaison officer at the studio desk (联络员): cards, items, supervision; no accounts, no settings.
    Liaison,
    /// A delegation's head (代表团团长): their delegation's delegates, cards and items.
    Head,
    /// A delegate (党代表): their own profile, cards and items.
    Delegate,
    /// 审计员: reads the audit log, nothing else.
    Auditor,
    /// A visitor at the kiosk or on the portal: public data and leaving messages only.
    Visitor,
    /// The program itself (migrations, demo data, scheduled jobs).
    System,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Admin,
        Role::Liaison,
        Role::Head,
        Role::Delegate,
        Role::Auditor,
        Role::Visitor,
        Role::System,
    ];

    /// The roles an account can have (the kiosk and the system are not accounts).
    pub const ACCOUNT_ROLES: [Role; 5] = [
        Role::Admin,
        Role::Liaison,
        Role::Head,
        Role::Delegate,
        Role::Auditor,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "管理员",
            Role::Liaison => "联络员",
            Role::Head => "代表团团长",
            Role::Delegate => "党代表",
            Role::Auditor => "审计员",
            Role::Visitor => "访客",
            Role::System => "系统",
        }
    }

    /// The English code (`admin`, `liaison`, …) as stored and as the CLI takes it.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Liaison => "liaison",
            Role::Head => "head",
            Role::Delegate => "delegate",
            Role::Auditor => "auditor",
            Role::Visitor => "visitor",
            Role::System => "system",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// **The permission table.** What each role may do; records of heads and delegates are further
    /// limited to their delegation or themselves ([`Actor::scope`]).
    pub fn permissions(self) -> &'static [Permission] {
        use Permission::*;
        match self {
            Role::Admin | Role::System => &Permission::ALL,
            Role::Liaison => &[
                ReadRoster,
                ReadRecords,
                ReadPersonalData,
                EditCards,
                HandleItems,
                Supervise,
                ExportPersonalData,
                ReadSchedule,
                EditSchedule,
                HandleAppointments,
                ImportRecords,
                EditStudio,
            ],
            Role::Head => &[
                ReadRoster,
                ReadRecords,
                ReadPersonalData,
                EditCards,
                HandleItems,
                EditOwnProfile,
                ReadSchedule,
                HandleAppointments,
            ],
            Role::Delegate => &[
                ReadRoster,
                ReadRecords,
                ReadPersonalData,
                EditCards,
                HandleItems,
                EditOwnProfile,
                ReadSchedule,
                HandleAppointments,
            ],
            Role::Auditor => &[ReadAudit],
            Role::Visitor => &[ReadRoster, UseKiosk, ReadSchedule],
        }
    }
}

/// Which records an actor's reads and writes reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every record (staff, auditors for the log, the system).
    All,
    /// The cards and items of one delegation's delegates (a delegation head).
    Delegation(String),
    /// One delegate's own cards and items.
    Delegate(String),
    /// None (a head or delegate account not linked to a delegate record).
    Nothing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Actor {
    /// Stable identity for the audit trail: `account:<id>` for a logged-in account, `cli:<user>`
    /// for the command line as an OS user, `system`, or `local:<name>` in tests.
    pub id: String,
    pub name: String,
    pub role: Role,
    /// The delegate record this person is (delegates and delegation heads).
    #[serde(default)]
    pub delegate_id: Option<String>,
    /// The delegation they belong to (delegates and delegation heads), read at login.
    #[serde(default)]
    pub delegation_id: Option<String>,
}

/// What an actor wants to do; checked in the core, never only in a UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// The roster's public face: names, delegations, units (everyone, visitors included; phones
    /// come masked, and blank for visitors).
    ReadRoster,
    /// The studio's records: card and item lists, figures, histories.
    ReadRecords,
    /// Add and change delegates and delegations.
    EditRoster,
    /// A delegate's own profile (phone, e-mail, pledge, photo).
    EditOwnProfile,
    EditSettings,
    /// Full records: unmasked phones and addresses (opening one is logged).
    ReadPersonalData,
    /// Exports of personal data (a reason is asked and logged).
    ExportPersonalData,
    /// Backup, restore, checks.
    Maintain,
    /// Create, edit, submit, amend and discard contact record cards (记录卡).
    EditCards,
    /// Receive and handle ledger items (受理、答复、反馈、回访).
    HandleItems,
    /// 督办: chase, escalate, grant extensions, decline.
    Supervise,
    /// Accounts: add, lock, unlock, reset passwords, change roles.
    ManageAccounts,
    /// Read and export the audit log.
    ReadAudit,
    /// Archive old audit entries; erase a person's data on request.
    AdministerAudit,
    /// The visitor kiosk (自助终端): leave a message (有事找代表), look up its progress (查询进度) with
    /// the query code, read the studio's public information. Nothing else of the records.
    UseKiosk,
    /// The reception schedule (接待安排): 今日接待, 本周接待, a month's plan. A visitor sees published
    /// months only.
    ReadSchedule,
    /// Keep the schedule: slots, copying a month forward, publishing, swaps.
    EditSchedule,
    /// 约见: record, confirm, complete and cancel appointments (a head: their delegation's
    /// delegates'; a delegate: their own).
    HandleAppointments,
    /// Excel import (导入) of the roster and of paper cards: staff only. The rows are written with
    /// the area's own permission too (`EditRoster` for delegates, `EditCards` for cards).
    ImportRecords,
    /// The studio's own records: news (工作室动态) and the registry of liaison officers and
    /// volunteers (联络员与志愿者). Wall documents are the administrator's (`EditSettings`).
    EditStudio,
    /// The studio's funds (经费): budgets, spending entries, receipts, the yearly statement.
    ManageFunds,
}

impl Permission {
    pub const ALL: [Permission; 21] = [
        Permission::ReadRoster,
        Permission::ReadRecords,
        Permission::EditRoster,
        Permission::EditOwnProfile,
        Permission::EditSettings,
        Permission::ReadPersonalData,
        Permission::ExportPersonalData,
        Permission::Maintain,
        Permission::EditCards,
        Permission::HandleItems,
        Permission::Supervise,
        Permission::ManageAccounts,
        Permission::ReadAudit,
        Permission::AdministerAudit,
        Permission::UseKiosk,
        Permission::ReadSchedule,
        Permission::EditSchedule,
        Permission::HandleAppointments,
        Permission::ImportRecords,
        Permission::EditStudio,
        Permission::ManageFunds,
    ];

    /// What the refusal message names.
    pub fn label(self) -> &'static str {
        use Permission::*;
        match self {
            ReadRoster => "查看名册",
            ReadRecords => "查看记录",
            EditRoster => "维护名册",
            EditOwnProfile => "修改本人资料",
            EditSettings => "修改设置",
            ReadPersonalData => "查看个人信息",
            ExportPersonalData => "导出个人信息",
            Maintain => "备份与恢复",
            EditCards => "填写记录卡",
            HandleItems => "办理事项",
            Supervise => "督办",
            ManageAccounts => "管理账号",
            ReadAudit => "查看审计日志",
            AdministerAudit => "归档审计日志与删除个人信息",
            UseKiosk => "使用自助终端",
            ReadSchedule => "查看接待安排",
            EditSchedule => "编排接待安排",
            HandleAppointments => "办理约见",
            ImportRecords => "批量导入",
            EditStudio => "维护工作室动态与志愿者",
            ManageFunds => "管理经费",
        }
    }
}

impl Actor {
    /// An actor known by name only (tests, scripts): its id is `local:<name>`, no delegate record.
    pub fn new(name: impl Into<String>, role: Role) -> Self {
        let name = name.into();
        Actor::with_id(format!("local:{name}"), name, role)
    }

    pub fn with_id(id: impl Into<String>, name: impl Into<String>, role: Role) -> Self {
        Actor {
            id: id.into(),
            name: name.into(),
            role,
            delegate_id: None,
            delegation_id: None,
        }
    }

    /// The same actor as the delegate record `delegate_id` of `delegation_id`.
    pub fn as_delegate(mut self, delegate_id: &str, delegation_id: &str) -> Self {
        self.delegate_id = Some(delegate_id.to_string());
        self.delegation_id = Some(delegation_id.to_string());
        self
    }

    pub fn system() -> Self {
        Actor::with_id("system", "系统", Role::System)
    }

    pub fn may(&self, p: Permission) -> bool {
        self.role.permissions().contains(&p)
    }

    pub fn require(&self, p: Permission) -> Result<()> {
        if self.may(p) {
            Ok(())
        } else {
            Err(Error::Forbidden(format!(
                "{}（{}）没有权限：{}",
                self.name,
                self.role.label(),
                p.label()
            )))
        }
    }

    /// Which cards and items this actor's reads and writes reach.
    pub fn scope(&self) -> Scope {
        match self.role {
            Role::Head => match &self.delegation_id {
                Some(d) => Scope::Delegation(d.clone()),
                None => Scope::Nothing,
            },
            Role::Delegate => match &self.delegate_id {
                Some(d) => Scope::Delegate(d.clone()),
                None => Scope::Nothing,
            },
            _ => Scope::All,
        }
    }

    /// Refuse a record outside this actor's scope: `delegate_ids` are the delegates the record
    /// belongs to, `delegation_ids` their delegations.
    pub fn require_reach(&self, delegate_ids: &[&str], delegation_ids: &[&str]) -> Result<()> {
        let ok = match self.scope() {
            Scope::All => true,
            Scope::Delegation(d) => delegation_ids.contains(&d.as_str()),
            Scope::Delegate(d) => delegate_ids.contains(&d.as_str()),
            Scope::Nothing => false,
        };
        if ok {
            Ok(())
        } else {
            Err(Error::Forbidden(format!(
                "{}（{}）只能查看和办理{}的记录",
                self.name,
                self.role.label(),
                if self.role == Role::Head {
                    "本代表团"
                } else {
                    "本人"
                }
            )))
        }
    }
}
