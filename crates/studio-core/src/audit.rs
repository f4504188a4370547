//! The audit trail: one change record per write, in the write's own transaction (the write gate,
//! [`crate::storage::gate`]). A record keeps the whole row before and after, the version the change
//! was based on and the new one; readers get the changed fields only, with phone numbers masked.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::actor::{Permission, Role};
use crate::ctx::Ctx;
use crate::validate::mask_phone;

/// What a change record is about: one table group each. The stored text is the snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Delegation,
    Delegate,
    Card,
    CardAmendment,
    Item,
    /// One day of the working-day calendar (an admin's override); the row id is the date.
    Calendar,
    /// The studio settings (one row, id `studio`), 办理时限 (`item_deadlines`), first start (`setup`).
    Settings,
    /// Whole-database operations: restore, demo data.
    Database,
    /// A login account (never its password).
    Account,
    /// A query code (查询码) given to a visitor for a message or an appointment request; the row id
    /// is the code. Never changed or deleted, so a code is never reused.
    QueryCode,
    /// One reception of the schedule (接待安排): day, time span, place, delegates on duty.
    DutySlot,
    /// A month of the schedule once published (row id `YYYY-MM`): publishing, the poster's state.
    ScheduleMonth,
    /// 约见: a meeting asked for by a person or offered by a delegate.
    Appointment,
    /// 活动调研: a forum, field survey, training, visit or reception day, with its attachments.
    Activity,
    /// 提议: a delegation's proposal from ledger items, referred to units.
    Proposal,
    /// A news post (工作室动态).
    News,
    /// A wall document (上墙制度); the row id is its kind (`rules`, `plan`, …).
    WallDoc,
    /// A liaison officer or volunteer (联络员与志愿者).
    Volunteer,
    /// A year's budget of one source (row id `YYYY-source`).
    FundBudget,
    /// A spending entry of the studio's funds.
    FundSpending,
    /// 代表回复: an item's public question and answer (row id: the item's id).
    PublicAnswer,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Delegation => "delegation",
            Entity::Delegate => "delegate",
            Entity::Card => "card",
            Entity::CardAmendment => "card_amendment",
            Entity::Item => "item",
            Entity::Calendar => "calendar",
            Entity::Settings => "settings",
            Entity::Database => "database",
            Entity::Account => "account",
            Entity::QueryCode => "query_code",
            Entity::DutySlot => "duty_slot",
            Entity::ScheduleMonth => "schedule_month",
            Entity::Appointment => "appointment",
            Entity::Activity => "activity",
            Entity::Proposal => "proposal",
            Entity::News => "news",
            Entity::WallDoc => "wall_doc",
            Entity::Volunteer => "volunteer",
            Entity::FundBudget => "fund_budget",
            Entity::FundSpending => "fund_spending",
            Entity::PublicAnswer => "public_answer",
        }
    }

    pub fn parse(s: &str) -> Option<Entity> {
        ALL_ENTITIES.iter().copied().find(|e| e.as_str() == s)
    }
}

pub const ALL_ENTITIES: &[Entity] = &[
    Entity::Delegation,
    Entity::Delegate,
    Entity::Card,
    Entity::CardAmendment,
    Entity::Item,
    Entity::Calendar,
    Entity::Settings,
    Entity::Database,
    Entity::Account,
    Entity::QueryCode,
    Entity::DutySlot,
    Entity::ScheduleMonth,
    Entity::Appointment,
    Entity::Activity,
    Entity::Proposal,
    Entity::News,
    Entity::WallDoc,
    Entity::Volunteer,
    Entity::FundBudget,
    Entity::FundSpending,
    Entity::PublicAnswer,
];

#[derive(Debug, Clone, Serialize, TS)]
pub struct ChangeRecord {
    pub seq: i64,
    pub id: String,
    /// UTC, RFC 3339.
    pub at: String,
    pub actor: String,
    pub actor_id: String,
    pub actor_role: Role,
    /// Table group: `delegate`, `delegation`, `settings`, …
    pub entity: String,
    pub row_id: String,
    /// `create`, `update`, `mark_left`, `photo`, …
    pub action: String,
    /// The version the change was based on (absent for a create) and the one it made.
    pub base_version: Option<i64>,
    pub new_version: Option<i64>,
    /// The fields that changed, before and after (the whole row for a create or delete).
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// The latest changes of any kind, newest first (工作台's recent activity).
pub fn recent(store: &crate::Store, ctx: &Ctx, limit: u32) -> crate::Result<Vec<ChangeRecord>> {
    ctx.require(Permission::ReadRecords)?;
    let rows = crate::storage::audit::recent(&*store.reader()?, limit)?;
    Ok(rows.into_iter().map(for_reader).collect())
}

/// The history of one row, oldest first, as a reader sees it.
pub fn history(
    store: &crate::Store,
    ctx: &Ctx,
    entity: Entity,
    row_id: &str,
) -> crate::Result<Vec<ChangeRecord>> {
    ctx.require(Permission::ReadRecords)?;
    let rows = crate::storage::audit::for_row(&*store.reader()?, entity, row_id)?;
    Ok(rows.into_iter().map(for_reader).collect())
}

/// What a screen gets: the changed fields only, and no phone number in full (a history is a list;
/// the full record is where a phone is shown, to those who may see it).
pub fn for_reader(mut r: ChangeRecord) -> ChangeRecord {
    if let (Some(b), Some(a)) = (&r.before, &r.after) {
        let (b, a) = diff(b, a);
        r.before = Some(b);
        r.after = Some(a);
    }
    r.before = r.before.map(mask_personal);
    r.after = r.after.map(mask_personal);
    r
}

/// Fields holding a phone number or an address, by name, in any record kept in the change log.
const PHONE_FIELDS: &[&str] = &[
    "mobile",
    "office_phone",
    "person_phone",
    "delegate_phone",
    "phone",
];
const ADDRESS_FIELDS: &[&str] = &["person_address", "address"];

/// Mask phone numbers and addresses anywhere in a JSON value.
pub fn mask_personal(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let v = match (&v, k.as_str()) {
                        (Value::String(s), f) if PHONE_FIELDS.contains(&f) => {
                            Value::String(mask_phone(s))
                        }
                        (Value::String(s), f) if ADDRESS_FIELDS.contains(&f) => {
                            Value::String(crate::validate::mask_address(s))
                        }
                        _ => mask_personal(v),
                    };
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(mask_personal).collect()),
        other => other,
    }
}

/// Reduce two snapshots to the fields that differ. Bookkeeping fields are left out: they change on
/// every write and say nothing a reader needs.
pub fn diff(before: &Value, after: &Value) -> (Value, Value) {
    const IGNORED: &[&str] = &["updated_at", "version"];
    let (Value::Object(b), Value::Object(a)) = (before, after) else {
        return (before.clone(), after.clone());
    };
    let mut old = Map::new();
    let mut new = Map::new();
    for (k, av) in a {
        if IGNORED.contains(&k.as_str()) {
            continue;
        }
        let bv = b.get(k).unwrap_or(&Value::Null);
        if bv != av {
            old.insert(k.clone(), bv.clone());
            new.insert(k.clone(), av.clone());
        }
    }
    for (k, bv) in b {
        if !a.contains_key(k) && !IGNORED.contains(&k.as_str()) {
            old.insert(k.clone(), bv.clone());
            new.insert(k.clone(), Value::Null);
        }
    }
    (Value::Object(old), Value::Object(new))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn diff_keeps_only_changed_fields() {
        let (b, a) = diff(
            &json!({"name": "张三", "unit": "文学院", "version": 1}),
            &json!({"name": "张三", "unit": "理学院", "version": 2}),
        );
        assert_eq!(b, json!({"unit": "文学院"}));
        assert_eq!(a, json!({"unit": "理学院"}));
    }

    #[test]
    fn readers_never_get_a_phone_in_full() {
        let v = mask_personal(
            json!({"mobile": "13812345678", "nested": {"person_phone": "13900001111"}}),
        );
        assert_eq!(
            v,
            json!({"mobile": "138****5678", "nested": {"person_phone": "139****1111"}})
        );
    }
}
