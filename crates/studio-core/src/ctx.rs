//! The request context: who is acting, in which role, and what day it is. Every front door (the
//! desktop session, the `studio` command, tests; later the server and the sync endpoint) builds one
//! and passes it to every core read and write (DESIGN.md, invariant 10). Permissions and masking are
//! decided here in the core from it, never only in a UI.

use chrono::NaiveDate;

use crate::actor::{Actor, Permission, Scope};
use crate::error::Result;
use crate::ids::today_shanghai;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ctx {
    pub actor: Actor,
    /// The studio's "today" (Asia/Shanghai) for this request: deadlines, overdue states and the
    /// default day of a step are computed from it, so a test can fix it.
    pub today: NaiveDate,
}

impl Ctx {
    pub fn new(actor: Actor, today: NaiveDate) -> Self {
        Ctx { actor, today }
    }

    /// A context for `actor` as of the real today in Shanghai.
    pub fn now(actor: Actor) -> Self {
        Ctx::new(actor, today_shanghai())
    }

    /// The program itself (migrations, scheduled jobs, demo data).
    pub fn system() -> Self {
        Ctx::now(Actor::system())
    }

    /// The same actor on another day (tests, and "as of" computations).
    pub fn on(&self, today: NaiveDate) -> Self {
        Ctx::new(self.actor.clone(), today)
    }

    pub fn may(&self, p: Permission) -> bool {
        self.actor.may(p)
    }

    pub fn require(&self, p: Permission) -> Result<()> {
        self.actor.require(p)
    }

    /// Which cards and items this request reaches (a head: the delegation; a delegate: their own).
    pub fn scope(&self) -> Scope {
        self.actor.scope()
    }

    /// Refuse a record outside this request's scope (see [`Actor::require_reach`]).
    pub fn require_reach(&self, delegate_ids: &[&str], delegation_ids: &[&str]) -> Result<()> {
        self.actor.require_reach(delegate_ids, delegation_ids)
    }

    /// Refuse a delegation's record (a proposal, an activity) outside this request's reach: staff
    /// reach every delegation, a head theirs, a delegate reads theirs (`write`: refused, the head
    /// writes for the delegation).
    pub fn require_delegation(&self, delegation_id: &str, write: bool) -> Result<()> {
        match self.scope() {
            Scope::All => Ok(()),
            Scope::Delegate(d)
                if !write && self.actor.delegation_id.as_deref() == Some(delegation_id) =>
            {
                self.require_reach(&[&d], &[delegation_id])
            }
            Scope::Delegate(_) if write => Err(crate::error::Error::Forbidden(format!(
                "{}（{}）只能查看本代表团的提议和活动，由团长或工作室登记",
                self.actor.name,
                self.actor.role.label()
            ))),
            _ => self.require_reach(&[], &[delegation_id]),
        }
    }

    /// Whether personal data (full phone numbers, addresses) may be shown to this actor.
    pub fn sees_personal_data(&self) -> bool {
        self.may(Permission::ReadPersonalData)
    }
}
