//! Registry operations: the list (`ReadRecords`, contacts masked), the full record
//! (`ReadPersonalData`, logged), writes through the gate with `EditStudio` (entity `volunteer`).

use super::{Volunteer, VolunteerInput, VolunteerListItem, VolunteerQuery};
use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc, parse_date};
use crate::page::Page;
use crate::storage::{volunteers as db, Store, Write};
use crate::validate::{bound_search, is_email, mask_phone, Checker};

const ENTITY: Entity = Entity::Volunteer;
pub const NAME_MAX: usize = 30;
pub const UNIT_MAX: usize = 60;
pub const CONTACT_MAX: usize = 60;
pub const NOTES_MAX: usize = 500;

fn not_found() -> Error {
    Error::NotFound("找不到该联络员或志愿者".into())
}

/// A contact as a list shows it: a phone as every list masks it, an e-mail with its name hidden.
pub fn mask_contact(contact: &str) -> String {
    match contact.split_once('@') {
        Some((name, domain)) => {
            let first: String = name.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None if contact.is_empty() => String::new(),
        None => mask_phone(contact),
    }
}

/// Whether `v` serves on `day` (`YYYY-MM-DD`).
pub fn serves_on(v: &Volunteer, day: &str) -> bool {
    v.since.as_str() <= day && v.until.as_deref().is_none_or(|u| u >= day)
}

fn list_item(v: Volunteer, day: &str) -> VolunteerListItem {
    VolunteerListItem {
        active: serves_on(&v, day),
        contact_masked: mask_contact(&v.contact),
        id: v.id,
        name: v.name,
        unit: v.unit,
        political_status: v.political_status,
        role: v.role,
        since: v.since,
        until: v.until,
        notes: v.notes,
        version: v.version,
    }
}

/// The form, trimmed and checked; every problem beside its field.
fn check(input: &VolunteerInput) -> Result<VolunteerInput> {
    let mut c = Checker::new();
    c.required("name", "姓名", &input.name, NAME_MAX);
    c.line("name", "姓名", input.name.trim(), NAME_MAX);
    c.line("unit", "单位", input.unit.trim(), UNIT_MAX);
    let contact = input.contact.trim();
    c.line("contact", "联系方式", contact, CONTACT_MAX);
    let contact = if contact.contains('@') {
        if !is_email(contact) {
            c.add("contact", "电子邮箱格式不正确，例如 name@example.edu.cn");
        }
        contact.to_string()
    } else {
        c.person_phone("contact", contact)
    };
    if input.political_status.is_none() {
        c.add("political_status", "请选择政治面貌");
    }
    if input.role.is_none() {
        c.add("role", "请选择身份（联络员或志愿者）");
    }
    let since = parse_date(&input.since);
    if since.is_none() {
        c.add("since", "请填写起始日期，格式如 2026-09-01");
    }
    let until = input
        .until
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    if let Some(u) = until {
        match parse_date(u) {
            None => c.add("until", "结束日期格式应为 2026-12-31"),
            Some(u) if since.is_some_and(|s| u < s) => c.add("until", "结束日期不能早于起始日期"),
            _ => {}
        }
    }
    c.max_len("notes", "备注", &input.notes, NOTES_MAX);
    c.finish()?;
    Ok(VolunteerInput {
        name: input.name.trim().into(),
        unit: input.unit.trim().into(),
        contact,
        political_status: input.political_status,
        role: input.role,
        since: input.since.trim().into(),
        until: until.map(str::to_string),
        notes: input.notes.trim().into(),
    })
}

fn load_at(tx: &Write<'_>, id: &str, version: i64) -> Result<Volunteer> {
    let before = db::get(tx, id)?.ok_or_else(not_found)?;
    tx.expect_version(ENTITY, id, before.version, version)?;
    Ok(before)
}

fn day(ctx: &Ctx) -> String {
    ctx.today.format("%Y-%m-%d").to_string()
}

/// The registry, filtered, contacts masked.
pub fn list_volunteers(
    store: &Store,
    ctx: &Ctx,
    q: &VolunteerQuery,
) -> Result<Page<VolunteerListItem>> {
    ctx.require(Permission::ReadRecords)?;
    let text = q.q.as_deref().unwrap_or("");
    bound_search(text)?;
    let today = day(ctx);
    let filter = db::Filter {
        words: text.split_whitespace().collect(),
        role: q.role,
        status: q.political_status,
        active_on: q.active_only.then_some(today.as_str()),
    };
    let page = q.page.clamped();
    let (rows, total) = db::list(&*store.reader()?, &filter, page.limit(), page.offset())?;
    Ok(Page {
        items: rows.into_iter().map(|v| list_item(v, &today)).collect(),
        total,
        page: page.page,
        page_size: page.page_size,
    })
}

/// The full record, contact unmasked; the opening is logged.
pub fn get_volunteer(store: &Store, ctx: &Ctx, id: &str) -> Result<Volunteer> {
    ctx.require(Permission::ReadPersonalData)?;
    let v = db::get(&*store.reader()?, id)?.ok_or_else(not_found)?;
    store.record_access(ctx, ENTITY, id, "view")?;
    Ok(v)
}

/// The liaison officers serving on the context's day (a duty slot's choice), contacts masked.
pub fn serving_liaisons(store: &Store, ctx: &Ctx) -> Result<Vec<VolunteerListItem>> {
    ctx.require(Permission::ReadSchedule)?;
    let today = day(ctx);
    let filter = db::Filter {
        role: Some(super::VolunteerRole::Liaison),
        active_on: Some(&today),
        ..Default::default()
    };
    let (rows, _) = db::list(&*store.reader()?, &filter, 500, 0)?;
    Ok(rows.into_iter().map(|v| list_item(v, &today)).collect())
}

/// Every entry, for an export: contacts masked unless `masked` is false, which needs
/// `ExportPersonalData` (the caller logs the export).
pub fn volunteers_for_export(store: &Store, ctx: &Ctx, masked: bool) -> Result<Vec<Volunteer>> {
    ctx.require(Permission::ReadRecords)?;
    if !masked {
        ctx.require(Permission::ExportPersonalData)?;
    }
    let (mut rows, _) = db::list(&*store.reader()?, &db::Filter::default(), i64::MAX, 0)?;
    if masked {
        for v in &mut rows {
            v.contact = mask_contact(&v.contact);
        }
    }
    Ok(rows)
}

pub fn create_volunteer(store: &Store, ctx: &Ctx, input: &VolunteerInput) -> Result<Volunteer> {
    ctx.require(Permission::EditStudio)?;
    let v = check(input)?;
    store.write(ctx, Permission::EditStudio, |tx| {
        let now = now_utc();
        let row = Volunteer {
            id: new_id(),
            name: v.name,
            unit: v.unit,
            contact: v.contact,
            political_status: v.political_status.expect("checked"),
            role: v.role.expect("checked"),
            since: v.since,
            until: v.until,
            notes: v.notes,
            created_at: now.clone(),
            updated_at: now,
            version: 1,
        };
        db::upsert(tx, &row)?;
        tx.record(ENTITY, &row.id, "create", None::<&Volunteer>, Some(&row))?;
        Ok(row)
    })
}

pub fn update_volunteer(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &VolunteerInput,
) -> Result<Volunteer> {
    ctx.require(Permission::EditStudio)?;
    let v = check(input)?;
    store.write(ctx, Permission::EditStudio, |tx| {
        let before = load_at(tx, id, version)?;
        let after = Volunteer {
            name: v.name,
            unit: v.unit,
            contact: v.contact,
            political_status: v.political_status.expect("checked"),
            role: v.role.expect("checked"),
            since: v.since,
            until: v.until,
            notes: v.notes,
            updated_at: now_utc(),
            version: before.version + 1,
            ..before.clone()
        };
        db::upsert(tx, &after)?;
        tx.record(ENTITY, id, "update", Some(&before), Some(&after))?;
        Ok(after)
    })
}

/// Delete an entry made in error (someone who stops serving gets an `until` instead).
pub fn delete_volunteer(store: &Store, ctx: &Ctx, id: &str, version: i64) -> Result<()> {
    store.write(ctx, Permission::EditStudio, |tx| {
        let before = load_at(tx, id, version)?;
        db::delete(tx, id, &now_utc(), before.version + 1)?;
        tx.record(ENTITY, id, "delete", Some(&before), None::<&Volunteer>)
    })
}

/// Why `id` cannot be a slot's liaison officer on `day`: not in the registry, not a 联络员, or not
/// serving that day. `None` when it can.
pub(crate) fn liaison_problem(
    conn: &rusqlite::Connection,
    id: &str,
    day: &str,
) -> Result<Option<String>> {
    Ok(match db::get(conn, id)? {
        None => Some("所选联络员不存在，请重新选择".into()),
        Some(v) if v.role != super::VolunteerRole::Liaison => {
            Some(format!("{} 是志愿者，不是联络员", v.name))
        }
        Some(v) if !serves_on(&v, day) => Some(format!("{} 在 {day} 不在岗", v.name)),
        Some(_) => None,
    })
}
