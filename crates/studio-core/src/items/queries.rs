//! Item reads: one item with its timeline, the ledger list and its 督办 views, 工作台's figures,
//! the export. "Today" is a parameter of the `_at` forms so tests can fix it.

use chrono::{Datelike, NaiveDate};

use super::{deadline, Item, ItemCounts, ItemDetail, ItemListItem, ItemQuery};
use crate::actor::{Actor, Permission};
use crate::calendar::{self, WorkCalendar};
use crate::error::Result;
use crate::ids::{parse_date, today_shanghai};
use crate::page::Page;
use crate::storage::items::{self as db, ListDays};
use crate::storage::Store;
use crate::validate::Checker;

use super::limits::deadlines_in;
use super::service::{date_text, not_found, present, with_deadline};

/// The item in full, its timeline and its card's state, as of today. Needs `ReadPersonalData`.
pub fn get_item(store: &Store, actor: &Actor, id: &str) -> Result<ItemDetail> {
    get_item_at(store, actor, id, today_shanghai())
}

/// [`get_item`] as of `today`.
pub fn get_item_at(store: &Store, actor: &Actor, id: &str, today: NaiveDate) -> Result<ItemDetail> {
    actor.require(Permission::ReadPersonalData)?;
    let conn = &store.conn;
    let s = db::get_full(conn, id)?.ok_or_else(not_found)?;
    let cal = calendar::load(store)?;
    let card_status = match &s.item.card_id {
        Some(c) => db::card_status(conn, c)?,
        None => None,
    };
    Ok(ItemDetail {
        item: present(conn, &cal, s, today)?,
        timeline: db::events(conn, id)?,
        card_status,
    })
}

/// The item linked to a card, if any (the card page shows it).
pub fn item_for_card(store: &Store, card_id: &str) -> Result<Option<ItemListItem>> {
    let Some(row) = db::list_row_of_card(&store.conn, card_id)? else {
        return Ok(None);
    };
    let cal = calendar::load(store)?;
    Ok(Some(with_deadline(&cal, row, today_shanghai())))
}

/// One page of the ledger as of today (Asia/Shanghai). Phones are masked.
pub fn list_items(store: &Store, query: &ItemQuery) -> Result<Page<ItemListItem>> {
    list_items_at(store, query, today_shanghai())
}

pub(super) fn list_days(store: &Store, cal: &WorkCalendar, today: NaiveDate) -> Result<ListDays> {
    let limits = deadlines_in(&store.conn)?;
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

/// [`list_items`] as of `today`: deadline states and the 督办 views are computed for that day.
///
/// Search words (`q`, separated by spaces) must all occur: 3+ characters through the trigram
/// index, 2 letters or digits through the bigram index, anything shorter by scanning.
pub fn list_items_at(
    store: &Store,
    query: &ItemQuery,
    today: NaiveDate,
) -> Result<Page<ItemListItem>> {
    let mut c = Checker::new();
    for (field, label, value) in [
        ("from", "受理起始日期", &query.from),
        ("to", "受理截止日期", &query.to),
        ("closed_from", "办结起始日期", &query.closed_from),
        ("closed_to", "办结截止日期", &query.closed_to),
    ] {
        let v = value.as_deref().unwrap_or("").trim();
        if !v.is_empty() && parse_date(v).is_none() {
            c.add(
                field,
                format!("{label}格式应为 YYYY-MM-DD，例如 2025-10-01"),
            );
        }
    }
    c.finish()?;
    let cal = calendar::load(store)?;
    let days = list_days(store, &cal, today)?;
    let (rows, total) = db::list_items(&store.conn, query, &days)?;
    let page = query.page.clamped();
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

/// 工作台's and 督办's figures as of `today`.
pub fn item_counts(store: &Store, today: NaiveDate) -> Result<ItemCounts> {
    let cal = calendar::load(store)?;
    let days = list_days(store, &cal, today)?;
    let first = format!("{:04}-{:02}-01", today.year(), today.month());
    let last = format!("{:04}-{:02}-31", today.year(), today.month());
    db::counts(&store.conn, &days, (&first, &last))
}

/// How many live items there are.
pub fn item_count(store: &Store) -> Result<u64> {
    db::count_items(&store.conn)
}

/// Every item in full, received in `from..=to` when given, oldest first (exports). An export is a
/// deliberate act on personal data: it needs `ReadPersonalData`.
pub fn items_for_export(
    store: &Store,
    actor: &Actor,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<Item>> {
    actor.require(Permission::ReadPersonalData)?;
    let mut c = Checker::new();
    let mut bound = |field: &str, label: &str, v: Option<&str>, default: &str| match v
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => Some(default.to_string()),
        Some(s) => match parse_date(s) {
            Some(d) => Some(date_text(d)),
            None => {
                c.add(
                    field,
                    format!("{label}格式应为 YYYY-MM-DD，例如 2025-10-01"),
                );
                None
            }
        },
    };
    let from = bound("from", "起始日期", from, "0000-01-01");
    let to = bound("to", "截止日期", to, "9999-12-31");
    c.finish()?;
    let (from, to) = (from.expect("checked"), to.expect("checked"));
    let cal = calendar::load(store)?;
    let today = today_shanghai();
    db::items_received_between(&store.conn, &from, &to)?
        .into_iter()
        .map(|s| present(&store.conn, &cal, s, today))
        .collect()
}
