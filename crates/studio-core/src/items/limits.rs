//! 设置 → 办理时限: the working days per category and when a pause counts as long, kept in the
//! settings table under `item_deadline.*`, with their version under `item_deadline.version`.

use rusqlite::Connection;

use super::{ItemCategory, ItemDeadlines};
use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::storage::settings as settings_db;
use crate::storage::Store;
use crate::validate::Checker;

const SETTINGS_PREFIX: &str = "item_deadline.";
const VERSION_KEY: &str = "item_deadline.version";
/// The row id of 办理时限 in the change log (entity `settings`).
const ROW_ID: &str = "item_deadlines";
/// 办理时限 of a category: 1 to this many working days.
pub const CATEGORY_DAYS_MAX: u32 = 90;
/// 长期待补充: a pause of 1 to this many working days.
pub const LONG_PAUSE_DAYS_MAX: u32 = 60;

/// The category limits and the long-pause threshold as set in 设置 (defaults where unset), with
/// their version (0 until first saved).
pub(super) fn deadlines_in(conn: &Connection) -> Result<ItemDeadlines> {
    let mut d = ItemDeadlines::default();
    for (key, slot) in deadline_slots(&mut d) {
        if let Some(v) = settings_db::get(conn, &format!("{SETTINGS_PREFIX}{key}"))? {
            if let Ok(n) = v.trim().parse::<u32>() {
                *slot = n;
            }
        }
    }
    d.version = settings_db::get(conn, VERSION_KEY)?
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
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

/// The same limits, whatever the version (a save that changes nothing records nothing).
fn same_limits(a: &ItemDeadlines, b: &ItemDeadlines) -> bool {
    ItemDeadlines { version: 0, ..*a } == ItemDeadlines { version: 0, ..*b }
}

/// 设置 → 办理时限: the working days per category and the long-pause threshold, with the version a
/// save names.
pub fn deadlines(store: &Store, ctx: &Ctx) -> Result<ItemDeadlines> {
    ctx.require(Permission::ReadRecords)?;
    deadlines_in(&*store.reader()?)
}

/// Save 办理时限 (admin: `EditSettings`), edited from `input.version`: a stale version is refused
/// ([`crate::Error::Stale`]) and nothing is written. Each category 1–90 working days, a long pause
/// 1–60. A change applies to items received (or reopened) from now on: existing items keep the limit
/// they were given, so their due dates do not move. Saving the limits as they are changes nothing
/// and records nothing.
pub fn save_deadlines(store: &Store, ctx: &Ctx, input: &ItemDeadlines) -> Result<ItemDeadlines> {
    ctx.require(Permission::EditSettings)?;
    let mut c = Checker::new();
    for cat in ItemCategory::ALL {
        if !(1..=CATEGORY_DAYS_MAX).contains(&input.for_category(cat)) {
            c.add(
                cat.as_str(),
                format!(
                    "{}的办理时限应为 1 到 {CATEGORY_DAYS_MAX} 个工作日",
                    cat.label()
                ),
            );
        }
    }
    if !(1..=LONG_PAUSE_DAYS_MAX).contains(&input.long_pause_days) {
        c.add(
            "long_pause_days",
            format!("长期待补充的天数应为 1 到 {LONG_PAUSE_DAYS_MAX} 个工作日"),
        );
    }
    c.finish()?;
    store.write(ctx, Permission::EditSettings, |tx| {
        let before = deadlines_in(tx)?;
        tx.expect_version(Entity::Settings, ROW_ID, before.version, input.version)?;
        if same_limits(&before, input) {
            return Ok(before);
        }
        let mut after = ItemDeadlines {
            version: before.version + 1,
            ..*input
        };
        for (key, value) in deadline_slots(&mut after) {
            settings_db::set(tx, &format!("{SETTINGS_PREFIX}{key}"), &value.to_string())?;
        }
        settings_db::set(tx, VERSION_KEY, &after.version.to_string())?;
        tx.record(
            Entity::Settings,
            ROW_ID,
            "update",
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}
