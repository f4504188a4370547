//! Item reads: one item with its timeline, the ledger list and its 督办 views, 工作台's figures,
//! the export. Each takes the request context: its permission, and "today" (`ctx.today`) for the
//! deadline states and the 督办 views. Lists carry masked phones and no address; the full record
//! (and the export) need `ReadPersonalData`, and opening one is recorded.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::{deadline, Item, ItemCounts, ItemDetail, ItemListItem, ItemQuery};
use crate::actor::{Permission, Scope};
use crate::audit::Entity;
use crate::calendar::WorkCalendar;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::ids::parse_date;
use crate::kiosk::QueryKind;
use crate::page::Page;
use crate::storage::items::{self as db, ListDays};
use crate::storage::kiosk as kiosk_db;
use crate::storage::Store;
use crate::validate::Checker;

use super::limits::deadlines_in;
use super::service::{
    calendar_in, date_text, not_found, present, require_card_reach, require_item_reach,
    with_deadline,
};

/// The item in full (phone and address unmasked), its timeline and its card's state, as of
/// `ctx.today`. Needs `ReadPersonalData`, and for a head or a delegate an item of their delegation
/// or their own; the opening is recorded (access log, `view`).
pub fn get_item(store: &Store, ctx: &Ctx, id: &str) -> Result<ItemDetail> {
    ctx.require(Permission::ReadPersonalData)?;
    let detail = {
        let guard = store.reader()?;
        let conn: &Connection = &guard;
        let s = db::get_full(conn, id)?.ok_or_else(not_found)?;
        require_item_reach(ctx, &s.item.delegates)?;
        let cal = calendar_in(conn)?;
        let card_status = match &s.item.card_id {
            Some(c) => db::card_status(conn, c)?,
            None => None,
        };
        ItemDetail {
            item: present(conn, &cal, s, ctx.today)?,
            timeline: db::events(conn, id)?,
            card_status,
        }
    };
    // The reader is given back first: an in-memory store has one connection.
    store.record_access(ctx, Entity::Item, id, "view")?;
    Ok(detail)
}

/// The item linked to a card, if any (the card page shows it). Needs `ReadRecords`; a head or a
/// delegate asks only of a card in their reach, and sees the item only if it is in their reach too.
pub fn item_for_card(store: &Store, ctx: &Ctx, card_id: &str) -> Result<Option<ItemListItem>> {
    ctx.require(Permission::ReadRecords)?;
    let guard = store.reader()?;
    let conn: &Connection = &guard;
    require_card_reach(conn, ctx, card_id)?;
    let Some(row) = db::list_row_of_card(conn, card_id)? else {
        return Ok(None);
    };
    if ctx.scope() != Scope::All
        && require_item_reach(ctx, &db::delegates(conn, &row.0.id)?).is_err()
    {
        return Ok(None);
    }
    let cal = calendar_in(conn)?;
    Ok(Some(with_deadline(&cal, row, ctx.today)))
}

pub(super) fn list_days(
    conn: &Connection,
    cal: &WorkCalendar,
    today: NaiveDate,
) -> Result<ListDays> {
    let limits = deadlines_in(conn)?;
    Ok(ListDays {
        today: date_text(today),
        soon_limit: date_text(deadline::soon_limit(cal, today)),
        long_pause_since: date_text(deadline::long_pause_since(
            cal,
            today,
            limits.long_pause_days,
        )),
    })
}

/// A date range's bounds, each empty or a strict `YYYY-MM-DD`, the end not before the start.
/// Problems go to `c` under the fields' names; returns the parsed bounds.
fn date_range(
    c: &mut Checker,
    (from_field, from_label, from): (&str, &str, Option<&str>),
    (to_field, to_label, to): (&str, &str, Option<&str>),
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mut one = |field: &str, label: &str, v: Option<&str>| {
        let v = v.unwrap_or("").trim();
        if v.is_empty() {
            return None;
        }
        let d = parse_date(v);
        if d.is_none() {
            c.add(
                field,
                format!("{label}格式应为 YYYY-MM-DD，例如 2025-10-01"),
            );
        }
        d
    };
    let f = one(from_field, from_label, from);
    let t = one(to_field, to_label, to);
    if let (Some(f), Some(t)) = (f, t) {
        if t < f {
            c.add(to_field, format!("{to_label}不能早于{from_label}"));
        }
    }
    (f, t)
}

/// One page of the ledger as of `ctx.today`: deadline states and the 督办 views are computed for
/// that day. Phones are masked. Needs `ReadRecords`. A head sees their delegation's items, a
/// delegate their own: the delegate and delegation filters are narrowed to that.
///
/// Search words (`q`, separated by spaces; at most 50 characters and 8 words) must all occur: 3+
/// characters through the trigram index, 2 letters or digits through the bigram index, anything
/// shorter by scanning. A visitor's query code (查询码) as the whole text, in any case, with or
/// without its dash, finds the item it was given for (in place of a text search; other filters
/// still apply); text that only looks like a code is searched as words. Date bounds are strict
/// `YYYY-MM-DD`, an end not before its start.
pub fn list_items(store: &Store, ctx: &Ctx, query: &ItemQuery) -> Result<Page<ItemListItem>> {
    ctx.require(Permission::ReadRecords)?;
    crate::validate::bound_search(&query.q)?;
    let mut c = Checker::new();
    date_range(
        &mut c,
        ("from", "受理起始日期", query.from.as_deref()),
        ("to", "受理截止日期", query.to.as_deref()),
    );
    date_range(
        &mut c,
        ("closed_from", "办结起始日期", query.closed_from.as_deref()),
        ("closed_to", "办结截止日期", query.closed_to.as_deref()),
    );
    c.finish()?;
    let page = query.page.clamped();
    let mut query = query.clone();
    if !crate::cards::narrow_to_scope(ctx, &mut query.delegate_id, &mut query.delegation_id) {
        return Ok(Page {
            items: Vec::new(),
            total: 0,
            page: page.page,
            page_size: page.page_size,
        });
    }
    let today = ctx.today;
    let guard = store.reader()?;
    let conn: &Connection = &guard;
    let cal = calendar_in(conn)?;
    let days = list_days(conn, &cal, today)?;
    let by_code = kiosk_db::target_of(conn, QueryKind::Item, &query.q)?;
    let (rows, total) = db::list_items(conn, &query, &days, by_code.as_deref())?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|r| with_deadline(&cal, r, today))
            .collect(),
        total,
        page: page.page,
        page_size: page.page_size,
    })
}

/// 工作台's and 督办's figures as of `ctx.today`, over the items `ctx` reaches. Needs
/// `ReadRecords`.
pub fn item_counts(store: &Store, ctx: &Ctx) -> Result<ItemCounts> {
    ctx.require(Permission::ReadRecords)?;
    let today = ctx.today;
    let guard = store.reader()?;
    let conn: &Connection = &guard;
    let cal = calendar_in(conn)?;
    let days = list_days(conn, &cal, today)?;
    let first = format!("{:04}-{:02}-01", today.year(), today.month());
    let last = format!("{:04}-{:02}-31", today.year(), today.month());
    db::counts(conn, &days, (&first, &last), &ctx.scope())
}

/// How many live items there are (that `ctx` reaches). Needs `ReadRecords`.
pub fn item_count(store: &Store, ctx: &Ctx) -> Result<u64> {
    ctx.require(Permission::ReadRecords)?;
    db::count_items_reached(&*store.reader()?, &ctx.scope())
}

/// Every item in full (in `ctx`'s reach), received in `from..=to` when given, oldest first,
/// deadline states as of `ctx.today` (exports). An export is a deliberate act on personal data: it
/// needs `ExportPersonalData`, and it is recorded (access log, `export`, row id `FROM..TO`).
pub fn items_for_export(
    store: &Store,
    ctx: &Ctx,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<Item>> {
    ctx.require(Permission::ExportPersonalData)?;
    let mut c = Checker::new();
    let (f, t) = date_range(&mut c, ("from", "起始日期", from), ("to", "截止日期", to));
    c.finish()?;
    let from = f.map_or_else(|| "0000-01-01".to_string(), date_text);
    let to = t.map_or_else(|| "9999-12-31".to_string(), date_text);
    let items = {
        let guard = store.reader()?;
        let conn: &Connection = &guard;
        let cal = calendar_in(conn)?;
        db::items_received_between(conn, &from, &to)?
            .into_iter()
            .filter(|s| require_item_reach(ctx, &s.item.delegates).is_ok())
            .map(|s| present(conn, &cal, s, ctx.today))
            .collect::<Result<Vec<_>>>()?
    };
    store.record_access(ctx, Entity::Item, &format!("{from}..{to}"), "export")?;
    Ok(items)
}
