//! A private person's data on request (个人信息保护法): what the studio holds about someone (群众)
//! who came to it, a copy for them, and erasure.
//!
//! A person is found by their exact name and, when given, their phone: the record cards whose
//! contact person they are, the ledger items they raised (a kiosk message among them) and their
//! appointments (约见, a kiosk request among them).
//!
//! - [`find_person`] (`ReadPersonalData`) lists those cards, items and appointments in full;
//!   logged (`view`).
//! - [`copy_for_person`] (`ExportPersonalData`) gives everything held about them as JSON: the
//!   cards with their amendments, the items with their timelines and query codes, the
//!   appointments; logged (`copy`) with the reason.
//! - [`erase_person`] (`AdministerAudit`, administrators) removes their identifying fields
//!   everywhere they appear and keeps the facts and figures. It is logged first (counts and the
//!   reason; never the name or phone), then one transaction with the append-only guard lifted
//!   rewrites: their cards (name → 「（已删除）」; phone, address, unit and position, age cleared;
//!   gender and political status kept as categories), their items (name, phone, contact), their
//!   appointments (name, phone; the name and phone replaced in the topic, place, note and reason),
//!   the query codes of those items and appointments (the phone's last digits emptied: the code
//!   stays, so it is never given again, but opens 查询进度 for no one), the amendments, timelines
//!   and change records of those rows (the person's fields erased, the name and phone replaced in
//!   every text), and every other card, item, appointment, timeline entry, amendment, change
//!   record or audit entry whose text holds their phone or name (values naming someone else, such
//!   as a delegate or a namesake's own name field, keep the name). Each rewritten card, item,
//!   appointment and query code gets a change record (action `erase`) that holds only the erased
//!   fields' new values; the versioned ones take the next version. The full-text indexes are
//!   rebuilt, then the WAL is checkpointed and the file vacuumed (`secure_delete` is on), so the
//!   bytes leave the file too.
//!
//! Discarded drafts are erased with the rest but not listed or copied.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use ts_rs::TS;

use crate::actor::Permission;
use crate::appointments::Appointment;
use crate::audit::Entity;
use crate::audit_log::{self, AuditResult, NewAuditEntry};
use crate::calendar::WorkCalendar;
use crate::cards::{self, Card, CardAmendment};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::field_labels::field_label;
use crate::ids::{now_utc, parse_date};
use crate::items::{self, Item, ItemEvent};
use crate::kiosk::{format_code, QueryKind};
use crate::storage::audit::{self as change_db, NewChange};
use crate::storage::{
    appointments as appointments_db, calendar as calendar_db, cards as cards_db, items as items_db,
    kiosk as kiosk_db, Store,
};
use crate::validate::{is_mobile, Checker};

/// The person's personal-data queries and rewrites (SQL, in `storage/`).
use crate::storage::personal_data as db;

use db::{Table, TextRow};

/// What an erased name becomes, in the name fields and inside texts.
pub const ERASED: &str = "（已删除）";
/// What the person's name or phone becomes in a reason written to the audit log.
const MASK: &str = "＊＊＊";
/// The longest reason accepted for a copy or an erasure.
pub const REASON_MAX: usize = 200;
/// The audit log's area for these requests.
const AREA: &str = "personal_data";

/// The cards, items and appointments about one person, in full (personal data unmasked), as of
/// the day read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonRecords {
    pub cards: Vec<Card>,
    pub items: Vec<Item>,
    pub appointments: Vec<Appointment>,
}

/// A card in a person's copy: the card and its corrections (the first one's `before` holds the
/// original values).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CardCopy {
    pub card: Card,
    pub amendments: Vec<CardAmendment>,
}

/// An item in a person's copy: the item, its timeline (oldest first) and the query codes (查询码,
/// `K7QM-3XPA`) a visitor's message was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ItemCopy {
    pub item: Item,
    pub timeline: Vec<ItemEvent>,
    pub query_codes: Vec<String>,
}

/// Everything the studio holds about one person: what [`copy_for_person`] returns, as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PersonalDataCopy {
    pub name: String,
    pub phone: Option<String>,
    /// UTC, RFC 3339.
    pub made_at: String,
    /// Who made the copy.
    pub made_by: String,
    pub reason: String,
    pub cards: Vec<CardCopy>,
    pub items: Vec<ItemCopy>,
    /// Their appointments (a kiosk request's query code is on it).
    pub appointments: Vec<Appointment>,
}

/// What [`erase_person`] rewrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ErasureReport {
    /// The person's cards (discarded drafts included).
    pub cards: u64,
    /// The items they raised.
    pub items: u64,
    /// Their appointments.
    pub appointments: u64,
    /// The query codes of their items and appointments whose phone digits were emptied.
    pub query_codes: u64,
    /// Other cards, items and appointments whose texts named them or held their phone.
    pub mentions: u64,
    pub card_amendments: u64,
    pub item_events: u64,
    pub change_records: u64,
    pub audit_entries: u64,
    /// The file was vacuumed and the WAL emptied into it (false: a reader held an old snapshot or
    /// the vacuum failed; the erased bytes are zeroed but may stay in the WAL until the next
    /// checkpoint).
    pub compacted: bool,
}

// ---- who ------------------------------------------------------------------------------------

/// The person asked about: the name trimmed, the phone in its canonical form.
struct Who {
    name: String,
    phone: Option<String>,
}

fn check_who(c: &mut Checker, name: &str, phone: Option<&str>) -> Who {
    let max = cards::validate::PERSON_NAME_MAX;
    let name = name.trim().to_string();
    c.required("name", "姓名", &name, max);
    c.line("name", "姓名", &name, max);
    let phone = phone
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| c.person_phone("phone", p));
    Who { name, phone }
}

fn check_reason(c: &mut Checker, reason: &str) -> String {
    let reason = reason.trim().to_string();
    c.required("reason", "原因", &reason, REASON_MAX);
    reason
}

/// The reason as the audit log keeps it: without the person's name or phone.
fn masked(reason: &str, who: &Who) -> String {
    let mut out = reason.to_string();
    for p in who.phone.iter().flat_map(|p| phone_forms(p)) {
        out = out.replace(&p, MASK);
    }
    if !who.name.is_empty() {
        out = out.replace(&who.name, MASK);
    }
    out
}

fn counts(cards: usize, items: usize, appointments: usize) -> String {
    format!("记录卡 {cards} 张，事项 {items} 件，约见 {appointments} 次")
}

fn log(store: &Store, ctx: &Ctx, action: &str, target: &str, summary: &str) -> Result<()> {
    audit_log::record(
        store,
        &NewAuditEntry {
            actor: &ctx.actor,
            area: AREA,
            action,
            target,
            summary,
            result: AuditResult::Ok,
        },
    )
}

// ---- reads ----------------------------------------------------------------------------------

/// What is held about a person.
struct Held {
    cards: Vec<CardCopy>,
    items: Vec<ItemCopy>,
    appointments: Vec<Appointment>,
}

impl Held {
    fn counts(&self) -> String {
        counts(self.cards.len(), self.items.len(), self.appointments.len())
    }
}

/// The person's live cards (with amendments when `history`), items (with timelines and query
/// codes when `history`) and appointments within the actor's reach, as of `ctx.today`.
fn held(store: &Store, ctx: &Ctx, who: &Who, history: bool) -> Result<Held> {
    let conn = store.reader()?;
    let cal = WorkCalendar::from_overrides(&calendar_db::list(&conn, None)?);
    let phone = who.phone.as_deref();
    let mut cards = Vec::new();
    for id in db::card_ids(&conn, &who.name, phone, true)? {
        let Some(mut card) = cards_db::get_card(&conn, &id)? else {
            continue;
        };
        if ctx
            .require_reach(&[&card.delegate_id], &[&card.delegation_id])
            .is_err()
        {
            continue;
        }
        let date = |s: &Option<String>| s.as_deref().and_then(parse_date);
        card.deadline = cards::deadline::state_for_due(
            date(&card.due_on),
            date(&card.filed_on),
            ctx.today,
            &cal,
        );
        let amendments = if history {
            cards_db::amendments(&conn, &id)?
        } else {
            Vec::new()
        };
        cards.push(CardCopy { card, amendments });
    }
    let mut items = Vec::new();
    for id in db::item_ids(&conn, &who.name, phone, true)? {
        let Some(s) = items_db::get_full(&conn, &id)? else {
            continue;
        };
        let delegates: Vec<&str> = s
            .item
            .delegates
            .iter()
            .map(|d| d.delegate_id.as_str())
            .collect();
        let delegations: Vec<&str> = s
            .item
            .delegates
            .iter()
            .map(|d| d.delegation_id.as_str())
            .collect();
        if ctx.require_reach(&delegates, &delegations).is_err() {
            continue;
        }
        let item = items::present_stored(&conn, s, ctx.today)?;
        let (timeline, query_codes) = if history {
            let codes = kiosk_db::codes_for(&conn, QueryKind::Item, &id)?;
            (
                items_db::events(&conn, &id)?,
                codes.iter().map(|c| format_code(c)).collect(),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        items.push(ItemCopy {
            item,
            timeline,
            query_codes,
        });
    }
    let mut appointments = Vec::new();
    for id in db::appointment_ids(&conn, &who.name, phone, true)? {
        let Some(a) = appointments_db::get(&conn, &id)? else {
            continue;
        };
        if ctx
            .require_reach(&[&a.delegate_id], &[&a.delegation_id])
            .is_ok()
        {
            appointments.push(a);
        }
    }
    Ok(Held {
        cards,
        items,
        appointments,
    })
}

/// The cards whose contact person is `name` (exactly), the items they raised and their
/// appointments, with, when `phone` is given, that phone (on the card, item or appointment; an
/// item's contact field counts), in full.
/// Needs `ReadPersonalData`; a delegation head or a delegate sees only the records in their reach.
/// Logged (area `personal_data`, action `view`, the counts as target).
pub fn find_person(
    store: &Store,
    ctx: &Ctx,
    name: &str,
    phone: Option<&str>,
) -> Result<PersonRecords> {
    ctx.require(Permission::ReadPersonalData)?;
    let mut c = Checker::new();
    let who = check_who(&mut c, name, phone);
    c.finish()?;
    let held = held(store, ctx, &who, false)?;
    // The reader is given back first: an in-memory store reads on the writer's connection.
    log(store, ctx, "view", &held.counts(), "")?;
    Ok(PersonRecords {
        cards: held.cards.into_iter().map(|c| c.card).collect(),
        items: held.items.into_iter().map(|i| i.item).collect(),
        appointments: held.appointments,
    })
}

/// A person's right to a copy: everything held about them ([`find_person`]'s records, the cards
/// with their amendments, the items with their timelines and query codes, the appointments) as
/// pretty JSON
/// ([`PersonalDataCopy`]). Needs `ExportPersonalData` and a reason, which the audit log records
/// (action `copy`; the person's name and phone in it are masked).
pub fn copy_for_person(
    store: &Store,
    ctx: &Ctx,
    name: &str,
    phone: Option<&str>,
    reason: &str,
) -> Result<Vec<u8>> {
    ctx.require(Permission::ExportPersonalData)?;
    let mut c = Checker::new();
    let who = check_who(&mut c, name, phone);
    let reason = check_reason(&mut c, reason);
    c.finish()?;
    let held = held(store, ctx, &who, true)?;
    log(store, ctx, "copy", &held.counts(), &masked(&reason, &who))?;
    let copy = PersonalDataCopy {
        name: who.name,
        phone: who.phone,
        made_at: now_utc(),
        made_by: ctx.actor.name.clone(),
        reason,
        cards: held.cards,
        items: held.items,
        appointments: held.appointments,
    };
    serde_json::to_vec_pretty(&copy).map_err(|e| Error::Invalid(format!("无法生成 JSON：{e}")))
}

// ---- erasure --------------------------------------------------------------------------------

/// Erase a person's identifying data everywhere (see the module's description). Administrators
/// only (`AdministerAudit`); a reason is required. Logged before anything changes (area
/// `personal_data`, action `erase`, target the counts, summary the reason with the name and phone
/// masked). `NotFound` when no card, item or appointment is about them.
pub fn erase_person(
    store: &Store,
    ctx: &Ctx,
    name: &str,
    phone: Option<&str>,
    reason: &str,
) -> Result<ErasureReport> {
    ctx.require(Permission::AdministerAudit)?;
    let mut c = Checker::new();
    let who = check_who(&mut c, name, phone);
    let reason = check_reason(&mut c, reason);
    c.finish()?;
    let (cards, items, appointments) = {
        let conn = store.reader()?;
        let phone = who.phone.as_deref();
        (
            db::card_ids(&conn, &who.name, phone, false)?.len(),
            db::item_ids(&conn, &who.name, phone, false)?.len(),
            db::appointment_ids(&conn, &who.name, phone, false)?.len(),
        )
    };
    if cards == 0 && items == 0 && appointments == 0 {
        return Err(Error::NotFound(
            "没有找到与该姓名（及电话）相符的记录卡、事项或约见".into(),
        ));
    }
    log(
        store,
        ctx,
        "erase",
        &counts(cards, items, appointments),
        &masked(&reason, &who),
    )?;
    let mut report = store.with_guard("erase", |conn| erase_in(conn, ctx, &who))?;
    // The erasure has committed: a failed compaction is reported, not an error.
    report.compacted = db::compact(&store.writer()).unwrap_or(false);
    Ok(report)
}

/// How a column of a rewritten table is treated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The person's name field: erased on their rows; on other rows (a namesake) kept when equal.
    PersonName,
    /// Phone, address, unit, contact: cleared on the person's rows; elsewhere the phone is removed.
    PersonField,
    /// Free text: the name and phone are replaced inside it.
    Text,
    /// JSON (change records, amendments, timeline details): walked value by value.
    Json,
}

fn kind(table: Table, column: &str) -> Kind {
    match (table, column) {
        (Table::Cards | Table::Items | Table::Appointments, "person_name") => Kind::PersonName,
        (Table::Cards, "person_phone" | "person_address" | "person_unit_position")
        | (Table::Items, "person_phone" | "person_contact")
        | (Table::Appointments, "person_phone") => Kind::PersonField,
        (Table::ItemEvents, "data")
        | (Table::CardAmendments, "before" | "after")
        | (Table::ChangeLog, _) => Kind::Json,
        _ => Kind::Text,
    }
}

/// JSON keys whose values name someone other than the person (delegates, staff): the person's
/// phone is removed from them, never the name.
const OTHER_PEOPLE: &[&str] = &[
    "actor",
    "delegate",
    "delegate_name",
    "delegate_names",
    "delegation_name",
    "first_responder",
    "granted_by",
    "head_name",
    "login",
    "name",
];

/// The phone as people write it: `13912345678`, `139 1234 5678`, `139-1234-5678`; a fixed line
/// `0536-8785123` also as `05368785123` and `(0536)8785123`.
fn phone_forms(p: &str) -> Vec<String> {
    let mut out = vec![p.to_string()];
    if is_mobile(p) {
        out.push(format!("{} {} {}", &p[..3], &p[3..7], &p[7..]));
        out.push(format!("{}-{}-{}", &p[..3], &p[3..7], &p[7..]));
    } else if let Some((area, rest)) = p.split_once('-') {
        out.push(format!("{area}{rest}"));
        out.push(format!("({area}){rest}"));
        out.push(format!("（{area}）{rest}"));
    }
    out
}

/// What is searched for and replaced.
struct Redactor {
    name: String,
    /// Every form of every phone of the person, longest first.
    phones: Vec<String>,
    /// The name is replaced outside the person's own rows too (not for a one-character name, which
    /// would match inside ordinary words).
    name_everywhere: bool,
}

impl Redactor {
    fn new(name: &str, phones: &[String]) -> Self {
        let mut forms: Vec<String> = phones
            .iter()
            .filter(|p| p.chars().count() >= 5)
            .flat_map(|p| phone_forms(p))
            .collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        forms.dedup();
        Redactor {
            name: name.to_string(),
            phones: forms,
            name_everywhere: name.chars().count() >= 2,
        }
    }

    /// What the other rows are searched for.
    fn needles(&self) -> Vec<String> {
        let mut n = self.phones.clone();
        if self.name_everywhere {
            n.push(self.name.clone());
        }
        n
    }

    fn text(&self, s: &str, names: bool) -> String {
        let mut out = s.to_string();
        for p in &self.phones {
            if out.contains(p.as_str()) {
                out = out.replace(p.as_str(), ERASED);
            }
        }
        if names && !self.name.is_empty() && out.contains(self.name.as_str()) {
            out = out.replace(self.name.as_str(), ERASED);
        }
        out
    }

    /// Rewrite a JSON value in place; whether anything changed. `about`: the value is a row of
    /// the person's own (its person fields are erased); `names`: replace the name in texts.
    fn walk(&self, v: &mut Value, about: bool, names: bool) -> bool {
        match v {
            Value::String(s) => {
                let new = self.text(s, names);
                let changed = new != *s;
                *s = new;
                changed
            }
            Value::Array(a) => a
                .iter_mut()
                .fold(false, |ch, x| self.walk(x, about, names) | ch),
            Value::Object(m) => {
                let mut changed = false;
                for (k, x) in m.iter_mut() {
                    if about {
                        if let Some(e) = erased_field(k, x) {
                            if *x != e {
                                *x = e;
                                changed = true;
                            }
                            continue;
                        }
                    }
                    let names = names
                        && !OTHER_PEOPLE.contains(&k.as_str())
                        // A namesake's own name stays.
                        && !(k == "person_name" && x.as_str() == Some(self.name.as_str()));
                    changed |= self.walk(x, about, names);
                }
                changed
            }
            _ => false,
        }
    }

    /// The changed text columns of one row. `about`: the row is the person's own (or belongs to
    /// one of their records: its amendments, timeline, change records).
    fn row(&self, table: Table, row: &TextRow, about: bool) -> Vec<(&'static str, Option<String>)> {
        let names = about || self.name_everywhere;
        let mut changed = Vec::new();
        for (col, value) in table.columns().iter().zip(&row.values) {
            let Some(v) = value else { continue };
            let new = match kind(table, col) {
                Kind::PersonName if about => {
                    if v.is_empty() {
                        v.clone()
                    } else {
                        ERASED.to_string()
                    }
                }
                Kind::PersonName if *v == self.name => v.clone(),
                Kind::PersonName => self.text(v, names),
                Kind::PersonField if about => String::new(),
                Kind::PersonField => self.text(v, false),
                Kind::Text => self.text(v, names),
                Kind::Json => match serde_json::from_str::<Value>(v) {
                    Ok(mut j) => {
                        if self.walk(&mut j, about, names) {
                            j.to_string()
                        } else {
                            v.clone()
                        }
                    }
                    Err(_) => self.text(v, names),
                },
            };
            if new != *v {
                changed.push((*col, Some(new)));
            }
        }
        changed
    }
}

/// The erased value of one of the person's fields in a JSON record, or `None` for other keys.
fn erased_field(key: &str, v: &Value) -> Option<Value> {
    match key {
        "person_name" => match v {
            Value::String(s) if !s.is_empty() => Some(Value::String(ERASED.into())),
            _ => None,
        },
        // A query code's record holds the last digits of the phone.
        "person_phone"
        | "person_address"
        | "person_unit_position"
        | "person_contact"
        | "phone_last4" => v.is_string().then(|| Value::String(String::new())),
        "person_age" => Some(Value::Null),
        _ => None,
    }
}

/// A card, item, appointment or query code rewritten by the erasure: its change record and audit
/// line are written once the logs themselves have been redacted.
struct Rewritten {
    entity: Entity,
    id: String,
    /// The version it was at (`None`: a query code, which has none).
    version: Option<i64>,
    fields: Vec<(&'static str, Option<String>)>,
}

/// The erasure's work inside the guarded transaction.
fn erase_in(conn: &rusqlite::Connection, ctx: &Ctx, who: &Who) -> Result<ErasureReport> {
    let mut report = ErasureReport::default();
    let now = now_utc();
    let phone = who.phone.as_deref();
    let card_ids = db::card_ids(conn, &who.name, phone, false)?;
    let item_ids = db::item_ids(conn, &who.name, phone, false)?;
    let appointment_ids = db::appointment_ids(conn, &who.name, phone, false)?;

    // The person's rows, and every phone they hold (the one asked for and any other recorded).
    let mut card_rows = Vec::new();
    for id in &card_ids {
        card_rows.extend(db::rows_by_id(conn, Table::Cards, id)?);
    }
    let mut item_rows = Vec::new();
    for id in &item_ids {
        item_rows.extend(db::rows_by_id(conn, Table::Items, id)?);
    }
    let mut appointment_rows = Vec::new();
    for id in &appointment_ids {
        appointment_rows.extend(db::rows_by_id(conn, Table::Appointments, id)?);
    }
    let mut phones: Vec<String> = who.phone.iter().cloned().collect();
    for (rows, table) in [
        (&card_rows, Table::Cards),
        (&item_rows, Table::Items),
        (&appointment_rows, Table::Appointments),
    ] {
        let col = table
            .columns()
            .iter()
            .position(|c| *c == "person_phone")
            .expect("a phone column");
        for r in rows.iter() {
            if let Some(p) = r.values[col].as_deref().filter(|p| !p.is_empty()) {
                phones.push(p.to_string());
            }
        }
    }
    let r = Redactor::new(&who.name, &phones);
    let needles = r.needles();

    // Cards, items and appointments: the person's own, then others that mention them.
    let mut rewritten: Vec<Rewritten> = Vec::new();
    let mut changed_items: Vec<String> = Vec::new();
    for (table, entity, own) in [
        (Table::Cards, Entity::Card, &card_rows),
        (Table::Items, Entity::Item, &item_rows),
        (Table::Appointments, Entity::Appointment, &appointment_rows),
    ] {
        let own_rowids: HashSet<i64> = own.iter().map(|r| r.rowid).collect();
        let others = db::rows_mentioning(conn, table, &needles)?;
        let rows = own.iter().map(|row| (row, true)).chain(
            others
                .iter()
                .filter(|o| !own_rowids.contains(&o.rowid))
                .map(|o| (o, false)),
        );
        for (row, about) in rows {
            let mut fields = r.row(table, row, about);
            if about && table == Table::Cards && db::clear_card_age(conn, &row.key)? {
                fields.push(("person_age", None));
            }
            if fields.is_empty() {
                continue;
            }
            let text: Vec<_> = fields
                .iter()
                .filter(|(c, _)| table.columns().contains(c))
                .cloned()
                .collect();
            db::update_row(conn, table, row, &text, &now)?;
            if table == Table::Items {
                changed_items.push(row.key.clone());
            }
            match (about, table) {
                (true, Table::Cards) => report.cards += 1,
                (true, Table::Items) => report.items += 1,
                (true, _) => report.appointments += 1,
                (false, _) => report.mentions += 1,
            }
            rewritten.push(Rewritten {
                entity,
                id: row.key.clone(),
                version: Some(row.version),
                fields,
            });
        }
    }

    // The records that belong to the person's rows: amendments, timelines, change records.
    let mut amendment_ids = Vec::new();
    for id in &card_ids {
        amendment_ids.extend(db::amendment_ids(conn, id)?);
    }
    let mut own: Vec<(Table, TextRow)> = Vec::new();
    for id in &amendment_ids {
        for row in db::rows_by_id(conn, Table::CardAmendments, id)? {
            own.push((Table::CardAmendments, row));
        }
        for row in db::change_rows(conn, Entity::CardAmendment.as_str(), id)? {
            own.push((Table::ChangeLog, row));
        }
    }
    for id in &item_ids {
        for row in db::event_rows(conn, id)? {
            own.push((Table::ItemEvents, row));
        }
        for row in db::change_rows(conn, Entity::Item.as_str(), id)? {
            own.push((Table::ChangeLog, row));
        }
    }
    for id in &card_ids {
        for row in db::change_rows(conn, Entity::Card.as_str(), id)? {
            own.push((Table::ChangeLog, row));
        }
    }
    for id in &appointment_ids {
        for row in db::change_rows(conn, Entity::Appointment.as_str(), id)? {
            own.push((Table::ChangeLog, row));
        }
    }
    // The query codes of their items and appointments: the code stays (never given again), the
    // phone's last digits go, in the row and in its change records.
    let mut codes = Vec::new();
    for (kind, ids) in [
        (QueryKind::Item, &item_ids),
        (QueryKind::Appointment, &appointment_ids),
    ] {
        for id in ids.iter() {
            codes.extend(kiosk_db::codes_for(conn, kind, id)?);
        }
    }
    for code in &codes {
        if kiosk_db::blank_phone_digits(conn, code)? {
            report.query_codes += 1;
            rewritten.push(Rewritten {
                entity: Entity::QueryCode,
                id: code.clone(),
                version: None,
                fields: vec![("phone_last4", Some(String::new()))],
            });
        }
        for row in db::change_rows(conn, Entity::QueryCode.as_str(), code)? {
            own.push((Table::ChangeLog, row));
        }
    }
    let mut seen: HashSet<(Table, i64)> = HashSet::new();
    for (table, row) in &own {
        seen.insert((*table, row.rowid));
        let fields = r.row(*table, row, true);
        if !fields.is_empty() {
            db::update_row(conn, *table, row, &fields, &now)?;
            count(*table, &mut report);
        }
    }
    // Every other record that holds the phone or the name.
    for table in [
        Table::CardAmendments,
        Table::ItemEvents,
        Table::ChangeLog,
        Table::AuditLog,
    ] {
        for row in db::rows_mentioning(conn, table, &needles)? {
            if seen.contains(&(table, row.rowid)) {
                continue;
            }
            let fields = r.row(table, &row, false);
            if !fields.is_empty() {
                db::update_row(conn, table, &row, &fields, &now)?;
                count(table, &mut report);
            }
        }
    }

    // The rewritten rows' change records: the erased fields' new values only.
    for w in &rewritten {
        let mut after = Map::new();
        for (field, value) in &w.fields {
            after.insert(
                field.to_string(),
                value.clone().map(Value::String).unwrap_or(Value::Null),
            );
        }
        if let Some(v) = w.version {
            after.insert("version".into(), json!(v + 1));
        }
        change_db::append(
            conn,
            NewChange {
                actor: &ctx.actor,
                entity: w.entity,
                row_id: &w.id,
                action: "erase",
                before: w.version.map(|v| json!({ "version": v })),
                after: Some(Value::Object(after)),
                base_version: w.version,
                new_version: w.version.map(|v| v + 1),
            },
        )?;
        let mut labels: Vec<&str> = Vec::new();
        for (f, _) in &w.fields {
            let l = field_label(f);
            if !labels.contains(&l) {
                labels.push(l);
            }
        }
        audit_log::record_in(
            conn,
            &NewAuditEntry {
                actor: &ctx.actor,
                area: w.entity.as_str(),
                action: "erase",
                target: &w.id,
                summary: &format!("删除个人信息：{}", labels.join("、")),
                result: AuditResult::Ok,
            },
        )?;
    }

    // The search indexes: no old token may stay behind.
    for id in &changed_items {
        db::rewrite_bigrams(conn, id)?;
    }
    db::rebuild_indexes(conn)?;
    Ok(report)
}

/// One more rewritten record of `table` in the report.
fn count(table: Table, report: &mut ErasureReport) {
    match table {
        Table::CardAmendments => report.card_amendments += 1,
        Table::ItemEvents => report.item_events += 1,
        Table::ChangeLog => report.change_records += 1,
        Table::AuditLog => report.audit_entries += 1,
        Table::Cards | Table::Items | Table::Appointments => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r() -> Redactor {
        Redactor::new("欧阳明远", &["13912345678".to_string()])
    }

    #[test]
    fn phones_in_every_form_and_the_name_are_replaced() {
        let r = r();
        assert_eq!(
            r.text("欧阳明远（139 1234 5678）来电", true),
            "（已删除）（（已删除））来电"
        );
        assert_eq!(r.text("欧阳明远 13912345678", false), "欧阳明远 （已删除）");
        assert_eq!(
            phone_forms("0536-8785123"),
            vec![
                "0536-8785123",
                "05368785123",
                "(0536)8785123",
                "（0536）8785123"
            ]
        );
    }

    #[test]
    fn json_of_the_persons_rows_loses_their_fields() {
        let r = r();
        let mut v = json!({
            "person_name": "欧阳明远", "person_phone": "13912345678", "person_age": 40,
            "person_address": "南区3号楼", "opinion": "欧阳明远反映食堂问题",
            "delegate_name": "欧阳明远", "delegates": [{"name": "张三"}],
            "before": {"person_phone": "13912345670"}
        });
        assert!(r.walk(&mut v, true, true));
        assert_eq!(
            v,
            json!({
                "person_name": ERASED, "person_phone": "", "person_age": null,
                "person_address": "", "opinion": "（已删除）反映食堂问题",
                "delegate_name": "欧阳明远", "delegates": [{"name": "张三"}],
                "before": {"person_phone": ""}
            })
        );
    }

    #[test]
    fn a_namesake_keeps_their_name_but_not_the_phone() {
        let r = r();
        let mut v = json!({"person_name": "欧阳明远", "person_phone": "13912345678",
                           "content": "欧阳明远说"});
        assert!(r.walk(&mut v, false, true));
        assert_eq!(
            v,
            json!({"person_name": "欧阳明远", "person_phone": ERASED, "content": "（已删除）说"})
        );
    }
}
