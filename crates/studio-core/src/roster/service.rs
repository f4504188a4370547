//! Roster operations. Every read takes the request context; every write goes through the write gate
//! (permission, one transaction, the change record with the version it was based on).

use std::path::PathBuf;

use super::photo::{photos_dir, store_photo, thumb_name};
use super::validate;
use super::{
    Delegate, DelegateExport, DelegateInput, DelegateListItem, DelegateQuery, DelegateStatus,
    Delegation, DelegationInput, DelegationSummary,
};
use crate::actor::{Permission, Scope};
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

/// Every live delegate's full record (phones, e-mail, biography, pledge) in roster order, for an
/// export: a deliberate act on personal data (`ExportPersonalData`); the front door records its
/// purpose (`export_purpose::record`) and masks the file when asked.
pub fn delegates_for_export(store: &Store, ctx: &Ctx) -> Result<Vec<DelegateExport>> {
    ctx.require(Permission::ExportPersonalData)?;
    Ok(db::delegates_full(&*store.reader()?)?
        .into_iter()
        .map(|(delegate, delegation_name)| DelegateExport {
            delegate,
            delegation_name,
        })
        .collect())
}

/// The full record, phone numbers unmasked: only roles that need personal data may read it (staff;
/// a delegation head their delegation's delegates; a delegate themself), and the opening is
/// recorded.
pub fn get_delegate(store: &Store, ctx: &Ctx, id: &str) -> Result<Delegate> {
    ctx.require(Permission::ReadPersonalData)?;
    let d = find_delegate(store, id)?;
    ctx.require_reach(&[&d.id], &[&d.delegation_id])?;
    store.record_access(ctx, DELEGATE, id, "view")?;
    Ok(d)
}

/// Whether the delegate record `id` is the acting person's own.
fn is_own(ctx: &Ctx, id: &str) -> bool {
    ctx.actor.delegate_id.as_deref() == Some(id)
}

/// What changing the delegate `id` needs of `ctx`: the roster's permission, or, for a person's own
/// record when they do not maintain the roster, [`Permission::EditOwnProfile`].
fn edit_permission(ctx: &Ctx, id: &str) -> Result<Permission> {
    let p = if !ctx.may(Permission::EditRoster) && is_own(ctx, id) {
        Permission::EditOwnProfile
    } else {
        Permission::EditRoster
    };
    ctx.require(p)?;
    Ok(p)
}

/// The fields of a delegate that only the roster's keepers change (组织部): a delegate editing their
/// own profile may send them, but only as they are.
fn refuse_roster_fields(stored: &Delegate, input: &DelegateInput) -> Result<()> {
    let mut c = crate::validate::Checker::new();
    for (field, label, changed) in [
        ("name", "姓名", input.name != stored.name),
        ("gender", "性别", input.gender != stored.gender),
        (
            "delegation_id",
            "所在代表团",
            input.delegation_id != stored.delegation_id,
        ),
        ("unit", "工作单位", input.unit != stored.unit),
        ("position", "职务", input.position != stored.position),
        ("term", "届次", input.term != stored.term),
        (
            "display_order",
            "排序号",
            input.display_order != stored.display_order,
        ),
    ] {
        if changed {
            c.add(
                field,
                format!("{label}由组织部在名册中维护，修改本人资料时不能更改"),
            );
        }
    }
    c.finish()
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
        create_delegate_in(tx, input, "create")
    })
}

/// [`create_delegate`] inside the caller's write, with `input` already checked
/// (`validate::delegate`): the Excel import writes all its rows in one transaction. `action` names
/// it in the history.
pub(crate) fn create_delegate_in(
    tx: &mut Write<'_>,
    input: DelegateInput,
    action: &str,
) -> Result<Delegate> {
    tx.ctx().require(Permission::EditRoster)?;
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
        publish_consent: input.publish_consent,
        created_at: now.clone(),
        updated_at: now,
        version: 1,
    };
    db::upsert_delegate(tx, &d)?;
    tx.record(DELEGATE, &d.id, action, None::<&Delegate>, Some(&d))?;
    Ok(d)
}

/// A keeper of the roster's update of the delegate `id`, read at `version`, inside the caller's
/// write, with `input` already checked: the Excel import's 更新. `action` names it in the history.
pub(crate) fn update_delegate_in(
    tx: &mut Write<'_>,
    id: &str,
    version: i64,
    input: DelegateInput,
    action: &str,
) -> Result<Delegate> {
    tx.ctx().require(Permission::EditRoster)?;
    let before =
        db::get_delegate(tx, id)?.ok_or_else(|| Error::NotFound("找不到该党代表".into()))?;
    tx.expect_version(DELEGATE, id, before.version, version)?;
    check_delegation(tx, &input.delegation_id)?;
    let mut after = before.clone();
    set_fields(&mut after, input);
    after.updated_at = now_utc();
    after.version = before.version + 1;
    db::upsert_delegate(tx, &after)?;
    tx.record(DELEGATE, id, action, Some(&before), Some(&after))?;
    Ok(after)
}

/// The form's fields onto a stored delegate.
fn set_fields(d: &mut Delegate, input: DelegateInput) {
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
    d.publish_consent = input.publish_consent;
}

/// Apply `change` to the stored delegate, read at `version`, and record it: one write by a keeper
/// of the roster.
fn change_delegate(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    action: &str,
    change: impl FnOnce(&mut Write<'_>, &mut Delegate) -> Result<()>,
) -> Result<Delegate> {
    change_delegate_as(
        store,
        ctx,
        id,
        version,
        Permission::EditRoster,
        action,
        change,
    )
}

/// [`change_delegate`] needing `permission` (`EditOwnProfile` for a person's own record).
fn change_delegate_as(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    permission: Permission,
    action: &str,
    change: impl FnOnce(&mut Write<'_>, &mut Delegate) -> Result<()>,
) -> Result<Delegate> {
    store.write(ctx, permission, |tx| {
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
///
/// Needs `EditRoster`, or `EditOwnProfile` for the actor's own record: a delegate changes their
/// phones, e-mail, biography, pledge and what is published; their name, gender, delegation, unit,
/// position, term and order are the roster's and must come back as they are (a change is refused
/// with a validation error naming the field).
pub fn update_delegate(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &DelegateInput,
) -> Result<Delegate> {
    let permission = edit_permission(ctx, id)?;
    let input = validate::delegate(input)?;
    change_delegate_as(store, ctx, id, version, permission, "update", |tx, d| {
        if permission == Permission::EditOwnProfile {
            refuse_roster_fields(d, &input)?;
        }
        check_delegation(tx, &input.delegation_id)?;
        set_fields(d, input);
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
/// Needs `EditRoster`, or `EditOwnProfile` for the actor's own photo.
pub fn set_delegate_photo(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    bytes: &[u8],
) -> Result<Delegate> {
    let permission = edit_permission(ctx, id)?;
    find_delegate(store, id)?;
    let name = store_photo(&photos_dir(store.files_dir()), id, bytes)?;
    change_delegate_as(store, ctx, id, version, permission, "photo", |_, d| {
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
    // Someone who may not read the studio's records (a visitor at the kiosk) sees a photo only as
    // the public may: with the delegate's consent.
    if !ctx.actor.may(Permission::ReadRecords) {
        return public_photo_bytes(store, ctx, id, thumbnail);
    }
    match photo_path(store, ctx, id, thumbnail)? {
        Some(p) if p.is_file() => Ok(Some(std::fs::read(p)?)),
        _ => Ok(None),
    }
}

/// The photo (or its thumbnail) as the public may see it (代表风采, 今日接待 at the kiosk, later the
/// online studio): only of a delegate [`public_profile`](super::public_profile) shows, and only when
/// they allowed their photo; `None` otherwise, and for an unknown id (a visitor learns nothing from
/// the difference). Needs `ReadRoster`.
pub fn public_photo_bytes(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    thumbnail: bool,
) -> Result<Option<Vec<u8>>> {
    ctx.require(Permission::ReadRoster)?;
    let photo = db::get_delegate(&*store.reader()?, id)?
        .as_ref()
        .and_then(super::public_profile)
        .and_then(|p| p.photo);
    let Some(name) = photo else {
        return Ok(None);
    };
    let file = if thumbnail { thumb_name(&name) } else { name };
    let path = photos_dir(store.files_dir()).join(file);
    Ok(if path.is_file() {
        Some(std::fs::read(path)?)
    } else {
        None
    })
}

/// Who changed this delegate, when, and what (phones masked). A delegation head asks only of their
/// delegation's delegates, a delegate only of themself.
pub fn delegate_history(store: &Store, ctx: &Ctx, id: &str) -> Result<Vec<ChangeRecord>> {
    ctx.require(Permission::ReadRecords)?;
    if ctx.scope() != Scope::All {
        let d = find_delegate(store, id)?;
        ctx.require_reach(&[&d.id], &[&d.delegation_id])?;
    }
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
