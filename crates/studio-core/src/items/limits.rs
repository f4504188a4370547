//! 设置 → 办理时限: the working days per category and when a pause counts as long, kept in the
//! settings table under `item_deadline.*`.

use rusqlite::Connection;

use super::{ItemCategory, ItemDeadlines};
use crate::actor::{Actor, Permission};
use crate::error::Result;
use crate::storage::Store;
use crate::storage::{audit, settings as settings_db};
use crate::validate::Checker;

const SETTINGS_PREFIX: &str = "item_deadline.";

/// The category limits and the long-pause threshold as set in 设置 (defaults where unset).
pub(super) fn deadlines_in(conn: &Connection) -> Result<ItemDeadlines> {
    let mut d = ItemDeadlines::default();
    for (key, slot) in deadline_slots(&mut d) {
        if let Some(v) = settings_db::get(conn, &format!("{SETTINGS_PREFIX}{key}"))? {
            if let Ok(n) = v.trim().parse::<u32>() {
                *slot = n;
            }
        }
    }
    Ok(d)
}

pub(super) fn deadline_slots(d: &mut ItemDeadlines) -> [(&'static str, &mut u32); 7] {
    [
        ("policy_inquiry", &mut d.policy_inquiry),
        ("implementation", &mut d.implementation),
        ("party_building", &mut d.party_building),
        ("public_opinion", &mut d.public_opinion),
        ("rights", &mut d.rights),
        ("hardship", &mut d.hardship),
        ("long_pause_days", &mut d.long_pause_days),
    ]
}

/// 设置 → 办理时限: the working days per category and the long-pause threshold.
pub fn deadlines(store: &Store) -> Result<ItemDeadlines> {
    deadlines_in(&store.conn)
}

/// Save 办理时限 (admin: `EditSettings`). Each category 1–90 working days, a long pause 1–60. A
/// change applies to items received (or reopened) from now on: existing items keep the limit they
/// were given, so their due dates do not move.
pub fn save_deadlines(
    store: &mut Store,
    actor: &Actor,
    input: &ItemDeadlines,
) -> Result<ItemDeadlines> {
    actor.require(Permission::EditSettings)?;
    let mut c = Checker::new();
    for cat in ItemCategory::ALL {
        if !(1..=90).contains(&input.for_category(cat)) {
            c.add(
                cat.as_str(),
                format!("{}的办理时限应为 1 到 90 个工作日", cat.label()),
            );
        }
    }
    if !(1..=60).contains(&input.long_pause_days) {
        c.add("long_pause_days", "长期待补充的天数应为 1 到 60 个工作日");
    }
    c.finish()?;
    let tx = store.conn.transaction()?;
    let before = deadlines_in(&tx)?;
    if before == *input {
        return Ok(before);
    }
    let mut copy = *input;
    for (key, value) in deadline_slots(&mut copy) {
        settings_db::set(&tx, &format!("{SETTINGS_PREFIX}{key}"), &value.to_string())?;
    }
    audit::append(
        &tx,
        actor,
        "settings",
        "item_deadlines",
        "update",
        Some(&before),
        Some(input),
    )?;
    tx.commit()?;
    Ok(*input)
}
