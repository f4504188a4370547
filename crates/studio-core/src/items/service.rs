//! Item operations. Each write: permission, validation, one transaction holding the change, its
//! timeline entry and its change record (entity `item`).

use chrono::NaiveDate;

use super::{
    Item, ItemAction, ItemCategory, ItemCounts, ItemDeadlines, ItemDetail, ItemInput, ItemListItem,
    ItemQuery, SimilarItem,
};
use crate::actor::Actor;
use crate::error::Result;
use crate::page::Page;
use crate::storage::Store;

/// 受理: a new item (status `received`), numbered, with its deadline from the category's working
/// days; handling delegates snapshotted and their delegation heads notified (timeline `notified`).
pub fn create_item(store: &mut Store, actor: &Actor, input: &ItemInput) -> Result<Item> {
    let _ = (store, actor, input);
    todo!()
}

/// Edit an open item's fields (not its status): a timeline `edited` entry lists what changed.
pub fn update_item(store: &mut Store, actor: &Actor, id: &str, input: &ItemInput) -> Result<Item> {
    let _ = (store, actor, id, input);
    todo!()
}

/// An item from a record card's opinion: source `card`, the card's opinion as content, its person,
/// its delegate as handler and first responder, received on the contact date. A card has at most
/// one item: a second call is a `Conflict` naming the existing item's number.
pub fn create_from_card(
    store: &mut Store,
    actor: &Actor,
    card_id: &str,
    category: ItemCategory,
    title: &str,
) -> Result<Item> {
    let _ = (store, actor, card_id, category, title);
    todo!()
}

/// Link an existing item to a record card (timeline `card_linked`).
pub fn link_card(store: &mut Store, actor: &Actor, item_id: &str, card_id: &str) -> Result<Item> {
    let _ = (store, actor, item_id, card_id);
    todo!()
}

/// One step of the flow (see [`super::flow`]), recorded on the timeline.
pub fn act(store: &mut Store, actor: &Actor, id: &str, action: &ItemAction) -> Result<Item> {
    let _ = (store, actor, id, action);
    todo!()
}

pub fn get_item(store: &Store, actor: &Actor, id: &str) -> Result<ItemDetail> {
    let _ = (store, actor, id);
    todo!()
}

pub fn get_item_at(store: &Store, actor: &Actor, id: &str, today: NaiveDate) -> Result<ItemDetail> {
    let _ = (store, actor, id, today);
    todo!()
}

/// The item linked to a card, if any (the card page shows it).
pub fn item_for_card(store: &Store, card_id: &str) -> Result<Option<ItemListItem>> {
    let _ = (store, card_id);
    todo!()
}

pub fn list_items(store: &Store, query: &ItemQuery) -> Result<Page<ItemListItem>> {
    let _ = (store, query);
    todo!()
}

pub fn list_items_at(
    store: &Store,
    query: &ItemQuery,
    today: NaiveDate,
) -> Result<Page<ItemListItem>> {
    let _ = (store, query, today);
    todo!()
}

pub fn item_counts(store: &Store, today: NaiveDate) -> Result<ItemCounts> {
    let _ = (store, today);
    todo!()
}

pub fn item_count(store: &Store) -> Result<u64> {
    let _ = store;
    todo!()
}

/// Earlier items like `text` (title and content of the item being entered), best first.
pub fn similar_items(
    store: &Store,
    text: &str,
    exclude_id: Option<&str>,
    limit: u32,
) -> Result<Vec<SimilarItem>> {
    let _ = (store, text, exclude_id, limit);
    todo!()
}

pub fn deadlines(store: &Store) -> Result<ItemDeadlines> {
    let _ = store;
    todo!()
}

pub fn save_deadlines(
    store: &mut Store,
    actor: &Actor,
    input: &ItemDeadlines,
) -> Result<ItemDeadlines> {
    let _ = (store, actor, input);
    todo!()
}

/// Every item in full, received in `from..=to` when given, oldest first (exports).
pub fn items_for_export(
    store: &Store,
    actor: &Actor,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<Item>> {
    let _ = (store, actor, from, to);
    todo!()
}

/// Recompute the stored due dates of open items (after a working-day calendar change).
pub fn recompute_item_due_dates(store: &mut Store) -> Result<usize> {
    let _ = store;
    todo!()
}
