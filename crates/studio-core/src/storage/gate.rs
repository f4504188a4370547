//! The write gate: the one way anything is written (DESIGN.md, invariant 4).
//!
//! [`Store::write`] checks the permission, opens one IMMEDIATE transaction on the single writer
//! connection, runs the caller's closure with a [`Write`], and commits. The closure writes rows
//! through the storage functions (a `Write` derefs to the transaction's connection) and records each
//! changed row with [`Write::record`]: the entity, row, action, the whole row before and after, and
//! the version the change was based on and the new one, in the same transaction. An update first
//! calls [`Write::expect_version`], so a save based on a stale version is refused with
//! [`Error::Stale`] and nothing is written. This is where the sync outbox row will be added.

use std::ops::Deref;

use rusqlite::{Transaction, TransactionBehavior};
use serde::Serialize;
use serde_json::Value;

use super::audit::{self, NewChange};
use super::Store;
use crate::actor::{Actor, Permission};
use crate::audit::{diff, Entity};
use crate::audit_log::{AuditResult, NewAuditEntry};
use crate::ctx::Ctx;
use crate::error::{Error, FieldLabel, Result, StaleInfo};
use crate::field_labels::field_label;

/// An open write: the transaction, who is writing, and how many changes it recorded.
pub struct Write<'a> {
    tx: Transaction<'a>,
    ctx: &'a Ctx,
    recorded: usize,
}

impl Deref for Write<'_> {
    type Target = rusqlite::Connection;
    fn deref(&self) -> &rusqlite::Connection {
        &self.tx
    }
}

impl Write<'_> {
    pub fn ctx(&self) -> &Ctx {
        self.ctx
    }

    pub fn actor(&self) -> &Actor {
        &self.ctx.actor
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.ctx.today
    }

    /// Record one changed row. `before` is `None` for a create, `after` for a delete; the versions
    /// are read from the rows' `version` fields where they have one.
    pub fn record<B: Serialize + ?Sized, A: Serialize + ?Sized>(
        &mut self,
        entity: Entity,
        row_id: &str,
        action: &str,
        before: Option<&B>,
        after: Option<&A>,
    ) -> Result<()> {
        let before = before.map(|v| serde_json::to_value(v).unwrap_or(Value::Null));
        let after = after.map(|v| serde_json::to_value(v).unwrap_or(Value::Null));
        let version = |v: &Option<Value>| v.as_ref().and_then(|v| v.get("version")?.as_i64());
        let base_version = version(&before);
        let new_version = version(&after).or(base_version.map(|b| b + 1));
        // The audit log's line: which fields, never their values.
        crate::audit_log::record_in(
            &self.tx,
            &NewAuditEntry {
                actor: &self.ctx.actor,
                area: entity.as_str(),
                action,
                target: row_id,
                summary: &summary(entity, &before, &after),
                result: AuditResult::Ok,
            },
        )?;
        audit::append(
            &self.tx,
            NewChange {
                actor: &self.ctx.actor,
                entity,
                row_id,
                action,
                base_version,
                new_version,
                before,
                after,
            },
        )?;
        self.recorded += 1;
        Ok(())
    }

    /// Refuse the write when the row is no longer at the version the caller read: the caller gets
    /// [`Error::Stale`] with who changed it since and which fields.
    pub fn expect_version(
        &self,
        entity: Entity,
        row_id: &str,
        current: i64,
        base: i64,
    ) -> Result<()> {
        if current == base {
            return Ok(());
        }
        Err(stale(&self.tx, entity, row_id, current, base))
    }

    /// How many change records this write has made so far.
    pub fn recorded(&self) -> usize {
        self.recorded
    }
}

/// The audit line's summary: the changed fields, and for an account its login (an auditor reads
/// who was added or locked without opening the change record).
fn summary(entity: Entity, before: &Option<Value>, after: &Option<Value>) -> String {
    let fields = changed_fields(before, after);
    if entity != Entity::Account {
        return fields;
    }
    let login = after
        .as_ref()
        .or(before.as_ref())
        .and_then(|v| v.get("login")?.as_str().map(str::to_owned))
        .unwrap_or_default();
    match fields.is_empty() {
        true => format!("账号 {login}"),
        false => format!("账号 {login}，{fields}"),
    }
}

/// "修改了：手机、单位" for an update; empty for a create or a delete (the action says it).
fn changed_fields(before: &Option<Value>, after: &Option<Value>) -> String {
    let (Some(b), Some(a)) = (before, after) else {
        return String::new();
    };
    let (_, changed) = diff(b, a);
    let Value::Object(m) = changed else {
        return String::new();
    };
    let labels: Vec<&str> = m
        .keys()
        .filter(|k| !matches!(k.as_str(), "version" | "updated_at"))
        .map(|k| field_label(k))
        .take(12)
        .collect();
    if labels.is_empty() {
        String::new()
    } else {
        format!("修改了：{}", labels.join("、"))
    }
}

/// Build the conflict details from the change log: the changes made after `base`.
pub(crate) fn stale(
    conn: &rusqlite::Connection,
    entity: Entity,
    row_id: &str,
    current: i64,
    base: i64,
) -> Error {
    let missed = audit::since_version(conn, entity, row_id, base).unwrap_or_default();
    let (mut changed_by, mut changed_at) = (String::new(), String::new());
    let mut fields: Vec<String> = Vec::new();
    for r in &missed {
        changed_by = r.actor.clone();
        changed_at = r.at.clone();
        let (b, a) = match (&r.before, &r.after) {
            (Some(b), Some(a)) => diff(b, a),
            (b, a) => (
                b.clone().unwrap_or(Value::Null),
                a.clone().unwrap_or(Value::Null),
            ),
        };
        for v in [b, a] {
            if let Value::Object(m) = v {
                for k in m.keys() {
                    if !fields.contains(k) {
                        fields.push(k.clone());
                    }
                }
            }
        }
    }
    Error::Stale(Box::new(StaleInfo {
        entity: entity.as_str().to_string(),
        row_id: row_id.to_string(),
        base_version: base,
        current_version: current,
        changed_by,
        changed_at,
        fields: fields
            .into_iter()
            .map(|f| FieldLabel {
                label: field_label(&f).to_string(),
                field: f,
            })
            .collect(),
    }))
}

impl Store {
    /// Run `f` as one write by `ctx`'s actor, who must hold `permission`: one IMMEDIATE
    /// transaction, committed when `f` returns `Ok`, rolled back otherwise (or on a panic).
    pub fn write<T>(
        &self,
        ctx: &Ctx,
        permission: Permission,
        f: impl FnOnce(&mut Write<'_>) -> Result<T>,
    ) -> Result<T> {
        ctx.require(permission)?;
        self.write_as_self(ctx, f)
    }

    /// The gate without a permission: for what any actor may do to their own account (change
    /// their password), checked by the caller.
    pub(crate) fn write_as_self<T>(
        &self,
        ctx: &Ctx,
        f: impl FnOnce(&mut Write<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.writer();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut w = Write {
            tx,
            ctx,
            recorded: 0,
        };
        let out = f(&mut w)?;
        w.tx.commit()?;
        Ok(out)
    }

    /// Record that `ctx`'s actor opened a full record or exported personal data (not a change).
    pub fn record_access(
        &self,
        ctx: &Ctx,
        entity: Entity,
        row_id: &str,
        action: &str,
    ) -> Result<()> {
        crate::audit_log::record(
            self,
            &NewAuditEntry {
                actor: &ctx.actor,
                area: entity.as_str(),
                action,
                target: row_id,
                summary: "",
                result: AuditResult::Ok,
            },
        )
    }
}
