//! Roster operations. Every read takes the request context; every write goes through the write gate
//! (permission, one transaction, the change record with the version it was based on).

use std::path::PathBuf;

use super::photo::{photos_dir, store_photo, thumb_name};
use super::validate;
use super::{
    Delegate, DelegateInput, DelegateListItem, DelegateQuery, DelegateStatus, Delegation,
    DelegationInput, DelegationSummary,
};
use crate::actor::Permission;
use crate::audit::{self, ChangeRecord, Entity};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc, parse_date};
use crate::page::Page;
use crate::storage::{roster as db, Store, Write};

const DELEGATION: Entity = Entity::Delegation;
const DELEGATE: Entity = Entity::Delegate;

// ---- delegations ----------------------------------------------------------------------------

pub fn list_delegations(store: &Store, ctx: &Ctx) -> Result<Vec<DelegationSummary>> {
    ctx.require(Permission::ReadRoster)?;
    db::list_delegation_summaries(&*store.reader()?)
}

pub fn get_delegation(store: &Store, ctx: &Ctx, id: &str) -> Result<Delegation> {
    ctx.require(Permission::ReadRoster)?;
    db::get_delegation(&*store.reader()?, id)?
        .ok_or_else(|| Error::NotFound("找不到该代表团".into()))
}

pub fn create_delegation(store: &Store, ctx: &Ctx, input: &DelegationInput) -> Result<Delegation> {
    ctx.require(Permission::EditRoster)?;
    let input = validate::delegation(input)?;
    if input.head_delegate_id.is_some() {
        return Err(Error::field(
            "head_delegate_id",
            "新建代表团时还没有成员，请先添加党代表再指定团长",
        ));
    }
    store.write(ctx, Permission::EditRoster, |tx| {
        if db::delegation_name_taken(tx, &input.name, "")? {
            return Err(Error::field(
                "name",
                format!("已有名为“{}”的代表团", input.name),
            ));
        }
        let now = now_utc();
        let d = Delegation {
            id: new_id(),
            name: input.name,
            head_delegate_id: None,
            note: input.note,
            display_order: input.display_order,
            created_at: now.clone(),
            updated_at: now,
            version: 1,
        };
        db::insert_delegation(tx, &d)?;
        tx.record(DELEGATION, &d.id, "create", None::<&Delegation>, Some(&d))?;
        Ok(d)
    })
}

/// Save a delegation edited from `version`; a stale version is refused ([`Error::Stale`]).
pub fn update_delegation(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &DelegationInput,
) -> Result<Delegation> {
    ctx.require(Permission::EditRoster)?;
    let input = validate::delegation(input)?;
    store.write(ctx, Permission::EditRoster, |tx| {
        let before =
            db::get_delegation(tx, id)?.ok_or_else(|| Error::NotFound("找不到该代表团".into()))?;
        tx.expect_version(DELEGATION, id, before.version, version)?;
        if db::delegation_name_taken(tx, &input.name, id)? {
            return Err(Error::field(
                "name",
                format!("已有名为“{}”的代表团", input.name),
            ));
        }
        if let Some(head) = &input.head_delegate_id {
            let h = db::get_delegate(tx, head)?
                .ok_or_else(|| Error::field("head_delegate_id", "找不到所选团长"))?;
            if h.delegation_id != id || h.status != DelegateStatus::Active {
                return Err(Error::field(
                    "head_delegate_id",
                    "团长应是本代表团在任的党代表",
                ));
            }
        }
        let after = Delegation {
            name: input.name,
            head_delegate_id: input.head_delegate_id,
            note: input.note,
            display_order: input.display_order,
            updated_at: now_utc(),
            version: before.version + 1,
            ..before.clone()
        };
        db::update_delegation(tx, &after)?;
        tx.record(DELEGATION, id, "update", Some(&before), Some(&after))?;
        Ok(after)
    })
}

// ---- delegates ------------------------------------------------------------------------------

/// One page of the roster. Phones come masked; a visitor gets none at all.
pub fn list_delegates(
    store: &Store,
    ctx: &Ctx,
    query: &DelegateQuery,
) -> Result<Page<DelegateListItem>> {
    ctx.require(Permission::ReadRoster)?;
    crate::validate::bound_search(&query.q)?;
    let (mut items, total) = db::list_delegates(&*store.reader()?, query)?;
    hide_phones_from(ctx, &mut items);
    let page = query.page.clamped();
    Ok(Page {
        items,
        total,
        page: page.page,
        page_size: page.page_size,
    })
}

fn hide_phones_from(ctx: &Ctx, items: &mut [DelegateListItem]) {
    if !ctx.may(Permission::ReadRecords) {
        for d in items {
            d.mobile_masked.clear();
        }
    }
}

/// Every live delegate in roster order (for exports and the CLI).
pub fn all_delegates(store: &Store, ctx: &Ctx) -> Result<Vec<DelegateListItem>> {
    ctx.require(Permission::ReadRoster)?;
    let mut out = Vec::new();
    let mut q = DelegateQuery::default();
    q.page.page_size = crate::page::MAX_PAGE_SIZE;
    loop {
        let (items, total) = db::list_delegates(&*store.reader()?, &q)?;
        let done = items.is_empty() || out.len() + items.len() >= total as usize;
        out.extend(items);
        if done {
            hide_phones_from(ctx, &mut out);
            return Ok(out);
        }
        q.page.page += 1;
    }
}

/// The full record, phone numbers unmasked: only roles that need personal data may read it, and
/// the opening is recorded.
pub fn get_delegate(store: &Store, ctx: &Ctx, id: &str) -> Result<Delegate> {
    ctx.require(Permission::ReadPersonalData)?;
    let d = find_delegate(store, id)?;
    store.record_access(ctx, DELEGATE, id, "view")?;
    Ok(d)
}

fn find_delegate(store: &Store, id: &str) -> Result<Delegate> {
    db::get_delegate(&*store.reader()?, id)?.ok_or_else(|| Error::NotFound("找不到该党代表".into()))
}

/// Delegates with the same name and unit: the UI warns before saving, it does not block.
pub fn likely_duplicates(
    store: &Store,
    ctx: &Ctx,
    name: &str,
    unit: &str,
    except_id: Option<&str>,
) -> Result<Vec<DelegateListItem>> {
    ctx.require(Permission::EditRoster)?;
    db::same_name_and_unit(
        &*store.reader()?,
        name.trim(),
        unit.trim(),
        except_id.unwrap_or(""),
    )
}

fn check_delegation(tx: &rusqlite::Connection, id: &str) -> Result<()> {
    if db::get_delegation(tx, id)?.is_none() {
        return Err(Error::field(
            "delegation_id",
            "所选代表团不存在，请重新选择",
        ));
    }
    Ok(())
}

pub fn create_delegate(store: &Store, ctx: &Ctx, input: &DelegateInput) -> Result<Delegate> {
    ctx.require(Permission::EditRoster)?;
    let input = validate::delegate(input)?;
    store.write(ctx, Permission::EditRoster, |tx| {
        check_delegation(tx, &input.delegation_id)?;
        let now = now_utc();
        let d = Delegate {
            id: new_id(),
            name: input.name,
            gender: input.gender,
            delegation_id: input.delegation_id,
            unit: input.unit,
            position: input.position,
            mobile: input.mobile,
            office_phone: input.office_phone,
            email: input.email,
            photo: None,
            bio: input.bio,
            pledge: input.pledge,
            term: input.term,
            status: DelegateStatus::Active,
            left_on: None,
            display_order: input.display_order,
            publish: input.publish,
            created_at: now.clone(),
            updated_at: now,
            version: 1,
        };
        db::upsert_delegate(tx, &d)?;
        tx.record(DELEGATE, &d.id, "create", None::<&Delegate>, Some(&d))?;
        Ok(d)
    })
}

/// Apply `change` to the stored delegate, read at `version`, and record it: one write.
fn change_delegate(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    action: &str,
    change: impl FnOnce(&mut Write<'_>, &mut Delegate) -> Result<()>,
) -> Result<Delegate> {
    store.write(ctx, Permission::EditRoster, |tx| {
        let before =
            db::get_delegate(tx, id)?.ok_or_else(|| Error::NotFound("找不到该党代表".into()))?;
        tx.expect_version(DELEGATE, id, before.version, version)?;
        let mut after = before.clone();
        change(tx, &mut after)?;
        after.updated_at = now_utc();
        after.version = before.version + 1;
        db::upsert_delegate(tx, &after)?;
        tx.record(DELEGATE, id, action, Some(&before), Some(&after))?;
        Ok(after)
    })
}

/// Save a delegate edited from `version`; a stale version is refused ([`Error::Stale`]).
pub fn update_delegate(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &DelegateInput,
) -> Result<Delegate> {
    ctx.require(Permission::EditRoster)?;
    let input = validate::delegate(input)?;
    change_delegate(store, ctx, id, version, "update", |tx, d| {
        check_delegation(tx, &input.delegation_id)?;
        d.name = input.name;
        d.gender = input.gender;
        d.delegation_id = input.delegation_id;
        d.unit = input.unit;
        d.position = input.position;
        d.mobile = input.mobile;
        d.office_phone = input.office_phone;
        d.email = input.email;
        d.bio = input.bio;
        d.pledge = input.pledge;
        d.term = input.term;
        d.display_order = input.display_order;
        d.publish = input.publish;
        Ok(())
    })
}

/// 离任: the delegate stays on record (cards and items refer to them) but leaves the active roster.
/// `left_on` defaults to today.
pub fn mark_delegate_left(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    left_on: Option<&str>,
) -> Result<Delegate> {
    let date = match left_on.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => {
            parse_date(s).ok_or_else(|| Error::field("left_on", "离任日期格式应为 YYYY-MM-DD"))?
        }
        None => ctx.today,
    };
    change_delegate(store, ctx, id, version, "mark_left", |tx, d| {
        if d.status == DelegateStatus::Left {
            return Err(Error::Conflict(format!("{} 已是离任状态", d.name)));
        }
        // A head who leaves no longer heads the delegation.
        if let Some(mut g) = db::get_delegation(tx, &d.delegation_id)? {
            if g.head_delegate_id.as_deref() == Some(&d.id) {
                let before = g.clone();
                g.head_delegate_id = None;
                g.updated_at = now_utc();
                g.version += 1;
                db::update_delegation(tx, &g)?;
                tx.record(DELEGATION, &g.id, "head_left", Some(&before), Some(&g))?;
            }
        }
        d.status = DelegateStatus::Left;
        d.left_on = Some(date.format("%Y-%m-%d").to_string());
        Ok(())
    })
}

/// Undo a mistaken 离任.
pub fn reinstate_delegate(store: &Store, ctx: &Ctx, id: &str, version: i64) -> Result<Delegate> {
    change_delegate(store, ctx, id, version, "reinstate", |_, d| {
        if d.status == DelegateStatus::Active {
            return Err(Error::Conflict(format!("{} 已是在任状态", d.name)));
        }
        d.status = DelegateStatus::Active;
        d.left_on = None;
        Ok(())
    })
}

/// Store a new photo (any JPG/PNG/WebP up to 10 MB) and its thumbnail; the old files stay on disk
/// so the audit trail's earlier values still point at something.
/// The image is checked and decoded before the write: the writer is held only for the row.
pub fn set_delegate_photo(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    bytes: &[u8],
) -> Result<Delegate> {
    ctx.require(Permission::EditRoster)?;
    find_delegate(store, id)?;
    let name = store_photo(&photos_dir(store.files_dir()), id, bytes)?;
    change_delegate(store, ctx, id, version, "photo", |_, d| {
        d.photo = Some(name);
        Ok(())
    })
}

/// Where a delegate's photo (or its thumbnail) is on disk, if they have one.
pub fn photo_path(store: &Store, ctx: &Ctx, id: &str, thumbnail: bool) -> Result<Option<PathBuf>> {
    ctx.require(Permission::ReadRoster)?;
    let d = find_delegate(store, id)?;
    Ok(d.photo.map(|p| {
        let file = if thumbnail { thumb_name(&p) } else { p };
        photos_dir(store.files_dir()).join(file)
    }))
}

/// The photo's bytes (JPEG), or its thumbnail's; `None` when the delegate has no photo.
pub fn photo_bytes(store: &Store, ctx: &Ctx, id: &str, thumbnail: bool) -> Result<Option<Vec<u8>>> {
    match photo_path(store, ctx, id, thumbnail)? {
        Some(p) if p.is_file() => Ok(Some(std::fs::read(p)?)),
        _ => Ok(None),
    }
}

/// Who changed this delegate, when, and what.
/// Who changed this delegate, when, and what (phones masked).
pub fn delegate_history(store: &Store, ctx: &Ctx, id: &str) -> Result<Vec<ChangeRecord>> {
    audit::history(store, ctx, DELEGATE, id)
}

pub fn delegate_count(store: &Store, ctx: &Ctx) -> Result<u64> {
    ctx.require(Permission::ReadRoster)?;
    db::count_delegates(&*store.reader()?)
}

pub fn delegation_count(store: &Store, ctx: &Ctx) -> Result<u64> {
    ctx.require(Permission::ReadRoster)?;
    db::count_delegations(&*store.reader()?)
}
