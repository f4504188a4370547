//! Activity writes (through the write gate with the version read) and reads: the list, the detail,
//! the survey indicators for 工作台, an item's activities and the export.

use chrono::NaiveDate;
use serde_json::Value;

use super::indicator;
use super::validate::{self, Valid};
use super::{
    Activity, ActivityDelegate, ActivityListItem, ActivityQuery, ActivityRef, SurveyIndicator,
};
use crate::actor::{Permission, Scope};
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc, parse_date};
use crate::page::Page;
use crate::proposals::service::item_refs;
use crate::storage::activities::{self as db, Filter};
use crate::storage::{items as items_db, roster, Store, Write};
use crate::validate::bound_search;

const ACTIVITY: Entity = Entity::Activity;

pub(super) fn not_found() -> Error {
    Error::NotFound("找不到该活动".into())
}

fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Staff reach every activity; a head their delegation's (and writes them); a delegate reads
/// their delegation's. The studio's own activities (no delegation) are staff's to write.
pub(super) fn require_organiser(ctx: &Ctx, delegation_id: Option<&str>, write: bool) -> Result<()> {
    match delegation_id {
        Some(d) => ctx.require_delegation(d, write),
        None if !write || ctx.scope() == Scope::All => Ok(()),
        None => Err(Error::Forbidden(
            "工作室组织的活动由管理员或联络员登记".into(),
        )),
    }
}

/// The activity as the change log keeps it (the proposals are derived, not stored with it).
fn row_value(a: &Activity) -> Value {
    let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("proposals");
        m.remove("organiser");
    }
    v
}

fn fill(tx: &Write<'_>, a: &mut Activity, v: Valid) -> Result<()> {
    if let Some(d) = &v.delegation_id {
        if roster::get_delegation(tx, d)?.is_none() {
            return Err(Error::field("delegation_id", "所选代表团不存在"));
        }
    }
    require_organiser(tx.ctx(), v.delegation_id.as_deref(), true)?;
    let mut delegates = Vec::new();
    for id in &v.delegate_ids {
        match a.delegates.iter().find(|d| &d.delegate_id == id) {
            Some(d) => delegates.push(d.clone()),
            None => {
                let (d, _) = items_db::delegate_snapshot(tx, id)?
                    .ok_or_else(|| Error::field("delegate_ids", "所选党代表不存在，请重新选择"))?;
                delegates.push(ActivityDelegate {
                    delegate_id: d.delegate_id,
                    name: d.name,
                });
            }
        }
    }
    a.items = item_refs(tx, &v.item_ids)?;
    a.kind = v.kind;
    a.topic = v.topic;
    a.start_on = date_text(v.start_on);
    a.end_on = date_text(v.end_on);
    a.place = v.place;
    a.delegation_id = v.delegation_id;
    a.delegates = delegates;
    a.units = v.units;
    a.summary = v.summary;
    Ok(())
}

/// Record an activity. Needs `HandleItems` (staff: any; a head: their delegation's).
pub fn create_activity(store: &Store, ctx: &Ctx, input: &super::ActivityInput) -> Result<Activity> {
    ctx.require(Permission::HandleItems)?;
    let v = validate::activity(input)?;
    store.write(ctx, Permission::HandleItems, |tx| {
        let now = now_utc();
        let mut a = Activity {
            id: new_id(),
            kind: v.kind,
            topic: String::new(),
            start_on: String::new(),
            end_on: String::new(),
            place: String::new(),
            delegation_id: None,
            organiser: String::new(),
            delegates: Vec::new(),
            units: Vec::new(),
            summary: String::new(),
            items: Vec::new(),
            proposals: Vec::new(),
            attachments: Vec::new(),
            created_at: now.clone(),
            updated_at: now,
            version: 1,
        };
        fill(tx, &mut a, v)?;
        db::insert(tx, &a)?;
        tx.record(
            ACTIVITY,
            &a.id,
            "create",
            None::<&Value>,
            Some(&row_value(&a)),
        )?;
        db::get(tx, &a.id)?.ok_or_else(not_found)
    })
}

/// The live activity `id` as of `version`, in the writer's reach.
pub(super) fn load_at(tx: &Write<'_>, id: &str, version: i64) -> Result<Activity> {
    let a = db::get(tx, id)?.ok_or_else(not_found)?;
    require_organiser(tx.ctx(), a.delegation_id.as_deref(), true)?;
    tx.expect_version(ACTIVITY, id, a.version, version)?;
    Ok(a)
}

/// Store `after` as the next version of `before` and record it.
pub(super) fn save(
    tx: &mut Write<'_>,
    action: &str,
    before: &Activity,
    after: &mut Activity,
) -> Result<()> {
    after.updated_at = now_utc();
    after.version = before.version + 1;
    db::update(tx, after)?;
    tx.record(
        ACTIVITY,
        &after.id,
        action,
        Some(&row_value(before)),
        Some(&row_value(after)),
    )
}

/// Edit an activity read at `version` (a stale one is refused). The same form again changes
/// nothing.
pub fn update_activity(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &super::ActivityInput,
) -> Result<Activity> {
    ctx.require(Permission::HandleItems)?;
    let v = validate::activity(input)?;
    store.write(ctx, Permission::HandleItems, |tx| {
        let before = load_at(tx, id, version)?;
        let mut after = before.clone();
        fill(tx, &mut after, v)?;
        if row_value(&after) == row_value(&before) {
            return Ok(before);
        }
        save(tx, "update", &before, &mut after)?;
        db::get(tx, id)?.ok_or_else(not_found)
    })
}

/// One activity in full.
pub fn get_activity(store: &Store, ctx: &Ctx, id: &str) -> Result<Activity> {
    ctx.require(Permission::ReadRecords)?;
    let a = db::get(&*store.reader()?, id)?.ok_or_else(not_found)?;
    require_organiser(ctx, a.delegation_id.as_deref(), false)?;
    Ok(a)
}

fn reached(ctx: &Ctx, a: &Activity) -> bool {
    require_organiser(ctx, a.delegation_id.as_deref(), false).is_ok()
}

fn all_in_scope(store: &Store, ctx: &Ctx, q: &ActivityQuery) -> Result<Vec<Activity>> {
    ctx.require(Permission::ReadRecords)?;
    bound_search(&q.q)?;
    for d in [&q.from, &q.to].into_iter().flatten() {
        if parse_date(d).is_none() {
            return Err(Error::Invalid(format!("日期格式应为 YYYY-MM-DD：{d}")));
        }
    }
    let list = db::list(
        &*store.reader()?,
        &Filter {
            kind: q.kind,
            delegation_id: q.delegation_id.as_deref(),
            from: q.from.as_deref(),
            to: q.to.as_deref(),
        },
    )?;
    let words: Vec<String> = q.q.split_whitespace().map(str::to_lowercase).collect();
    Ok(list
        .into_iter()
        .filter(|a| reached(ctx, a))
        .filter(|a| {
            words.iter().all(|w| {
                a.topic.to_lowercase().contains(w)
                    || a.place.to_lowercase().contains(w)
                    || a.summary.to_lowercase().contains(w)
                    || a.units.iter().any(|u| u.unit.contains(w.as_str()))
                    || a.delegates.iter().any(|d| d.name.contains(w.as_str()))
            })
        })
        .collect())
}

/// A page of activities, newest first: by words, kind, organiser (`""`: the studio) and period.
pub fn list_activities(
    store: &Store,
    ctx: &Ctx,
    q: &ActivityQuery,
) -> Result<Page<ActivityListItem>> {
    let all = all_in_scope(store, ctx, q)?;
    let page = q.page.clamped();
    let items = all
        .iter()
        .skip(page.offset() as usize)
        .take(page.limit() as usize)
        .map(|a| ActivityListItem {
            id: a.id.clone(),
            kind: a.kind,
            topic: a.topic.clone(),
            start_on: a.start_on.clone(),
            end_on: a.end_on.clone(),
            place: a.place.clone(),
            delegation_id: a.delegation_id.clone(),
            organiser: a.organiser.clone(),
            delegate_names: a
                .delegates
                .iter()
                .map(|d| d.name.as_str())
                .collect::<Vec<_>>()
                .join("、"),
            item_count: a.items.len() as u32,
            attachment_count: a.attachments.len() as u32,
        })
        .collect();
    Ok(Page {
        items,
        total: all.len() as u64,
        page: page.page,
        page_size: page.page_size,
    })
}

/// Every activity held in `from..=to` (or all), oldest first, for `studio export activities`.
pub fn activities_for_export(
    store: &Store,
    ctx: &Ctx,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<Activity>> {
    let q = ActivityQuery {
        from: from.map(str::to_owned),
        to: to.map(str::to_owned),
        ..Default::default()
    };
    let mut all = all_in_scope(store, ctx, &q)?;
    all.reverse();
    Ok(all)
}

/// The survey indicator of every delegation this request reaches for `year`, as of `ctx.today`,
/// in the roster's order.
pub fn survey_indicators(store: &Store, ctx: &Ctx, year: i32) -> Result<Vec<SurveyIndicator>> {
    ctx.require(Permission::ReadRecords)?;
    if !(2000..=2100).contains(&year) {
        return Err(Error::Invalid(format!("年份无效：{year}")));
    }
    let conn = store.reader()?;
    let days = db::survey_days(
        &conn,
        &format!("{year:04}-01-01"),
        &format!("{year:04}-12-31"),
    )?;
    let mut out = Vec::new();
    for g in roster::list_delegation_summaries(&conn)? {
        if ctx.require_delegation(&g.id, false).is_err() {
            continue;
        }
        let mine: Vec<NaiveDate> = days
            .iter()
            .filter(|(d, _)| *d == g.id)
            .filter_map(|(_, on)| parse_date(on))
            .collect();
        let held: Vec<&NaiveDate> = mine.iter().filter(|d| **d <= ctx.today).collect();
        out.push(SurveyIndicator {
            light: indicator::light(year, ctx.today, &mine),
            surveys: held.len() as u32,
            last_on: held.iter().max().map(|d| date_text(**d)),
            delegation_id: g.id,
            delegation_name: g.name,
            year,
        });
    }
    Ok(out)
}

/// The activities a ledger item was raised at (the item's page lists them).
pub fn activities_of_item(store: &Store, ctx: &Ctx, item_id: &str) -> Result<Vec<ActivityRef>> {
    ctx.require(Permission::ReadRecords)?;
    let conn = store.reader()?;
    crate::items::reachable_item(&conn, ctx, item_id)?;
    db::of_item(&conn, item_id)
}
