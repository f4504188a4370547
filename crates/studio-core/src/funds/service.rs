//! Funds operations, all with `ManageFunds`; writes through the gate (entities `fund_budget`, row
//! id `YYYY-source`, and `fund_spending`).

use std::path::PathBuf;

use super::amount::parse_yuan;
use super::{
    Budget, BudgetInput, FundSource, Spending, SpendingInput, SpendingPage, SpendingQuery,
    Statement, StatementLine,
};
use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc, parse_date};
use crate::page::Page;
use crate::storage::{funds as db, Store, Write};
use crate::validate::{bound_search, Checker};

pub const PURPOSE_MAX: usize = 200;
pub const ACTIVITY_MAX: usize = 60;
pub const BUDGET_NOTE_MAX: usize = 200;
/// A scanned receipt: a PDF or a picture, at most 10 MB.
pub const RECEIPT_MAX_BYTES: usize = 10 * 1024 * 1024;
pub const YEAR_MIN: i32 = 2000;
pub const YEAR_MAX: i32 = 2100;

fn not_found() -> Error {
    Error::NotFound("找不到该支出记录，可能已被删除".into())
}

fn receipts_dir(store: &Store) -> PathBuf {
    store.files_dir().join("receipts")
}

fn check_year(year: i32) -> Result<()> {
    if (YEAR_MIN..=YEAR_MAX).contains(&year) {
        Ok(())
    } else {
        Err(Error::field(
            "year",
            format!("年度应在 {YEAR_MIN} 到 {YEAR_MAX} 之间"),
        ))
    }
}

/// Both sources' budgets of `year` (a source without one has amount 0 and version 0).
pub fn budgets(store: &Store, ctx: &Ctx, year: i32) -> Result<Vec<Budget>> {
    ctx.require(Permission::ManageFunds)?;
    check_year(year)?;
    let stored = db::budgets_of(&*store.reader()?, year)?;
    Ok(FundSource::ALL
        .iter()
        .map(|&source| {
            stored
                .iter()
                .find(|b| b.source == source)
                .cloned()
                .unwrap_or(Budget {
                    year,
                    source,
                    amount_fen: 0,
                    note: String::new(),
                    updated_at: String::new(),
                    version: 0,
                })
        })
        .collect())
}

/// Set a year's budget of one source; `version` 0 for a source that has none yet.
pub fn set_budget(store: &Store, ctx: &Ctx, input: &BudgetInput, version: i64) -> Result<Budget> {
    ctx.require(Permission::ManageFunds)?;
    let mut c = Checker::new();
    if !(YEAR_MIN..=YEAR_MAX).contains(&input.year) {
        c.add("year", format!("年度应在 {YEAR_MIN} 到 {YEAR_MAX} 之间"));
    }
    if input.source.is_none() {
        c.add("source", "请选择经费来源");
    }
    let amount = parse_yuan(&input.amount);
    if let Err(e) = &amount {
        c.add("amount", e.clone());
    }
    c.max_len("note", "备注", &input.note, BUDGET_NOTE_MAX);
    c.finish()?;
    let (source, amount_fen) = (input.source.expect("checked"), amount.expect("checked"));
    let row_id = format!("{}-{}", input.year, source.as_str());
    store.write(ctx, Permission::ManageFunds, |tx| {
        let before = db::get_budget(tx, input.year, source)?;
        tx.expect_version(
            Entity::FundBudget,
            &row_id,
            before.as_ref().map_or(0, |b| b.version),
            version,
        )?;
        let after = Budget {
            year: input.year,
            source,
            amount_fen,
            note: input.note.trim().to_string(),
            updated_at: now_utc(),
            version: before.as_ref().map_or(1, |b| b.version + 1),
        };
        db::upsert_budget(tx, &after)?;
        tx.record(
            Entity::FundBudget,
            &row_id,
            if before.is_some() { "update" } else { "create" },
            before.as_ref(),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// The entries, newest first, filtered, with the sum of all that match.
pub fn list_spendings(store: &Store, ctx: &Ctx, q: &SpendingQuery) -> Result<SpendingPage> {
    ctx.require(Permission::ManageFunds)?;
    let text = q.q.as_deref().unwrap_or("");
    bound_search(text)?;
    if let Some(y) = q.year {
        check_year(y)?;
    }
    let filter = db::Filter {
        year: q.year,
        source: q.source,
        words: text.split_whitespace().collect(),
    };
    let page = q.page.clamped();
    let (rows, total, sum_fen) =
        db::list_spendings(&*store.reader()?, &filter, page.limit(), page.offset())?;
    Ok(SpendingPage {
        page: Page {
            items: rows,
            total,
            page: page.page,
            page_size: page.page_size,
        },
        sum_fen,
    })
}

/// Budget, spent and left per source and in all: pure arithmetic in fen.
pub fn statement_of(year: i32, budgets: &[Budget], spendings: Vec<Spending>) -> Statement {
    let line = |source: Option<FundSource>| {
        let budget_fen: i64 = budgets
            .iter()
            .filter(|b| source.is_none_or(|s| b.source == s))
            .map(|b| b.amount_fen)
            .sum();
        let mine = spendings
            .iter()
            .filter(|x| source.is_none_or(|s| x.source == s));
        let spent_fen: i64 = mine.clone().map(|x| x.amount_fen).sum();
        StatementLine {
            source,
            label: source.map_or("合计", FundSource::label).to_string(),
            budget_fen,
            spent_fen,
            left_fen: budget_fen - spent_fen,
            entries: mine.count() as u32,
        }
    };
    let lines = FundSource::ALL.iter().map(|&s| line(Some(s))).collect();
    let total = line(None);
    let mut spendings = spendings;
    spendings.sort_by(|a, b| (&a.date, &a.created_at).cmp(&(&b.date, &b.created_at)));
    Statement {
        year,
        lines,
        total,
        spendings,
    }
}

/// 年度经费收支表 of `year`.
pub fn statement(store: &Store, ctx: &Ctx, year: i32) -> Result<Statement> {
    let budgets = budgets(store, ctx, year)?;
    let filter = db::Filter {
        year: Some(year),
        ..Default::default()
    };
    let (rows, _, _) = db::list_spendings(&*store.reader()?, &filter, i64::MAX, 0)?;
    Ok(statement_of(year, &budgets, rows))
}

fn check(input: &SpendingInput) -> Result<(SpendingInput, i64)> {
    let mut c = Checker::new();
    if parse_date(&input.date).is_none() {
        c.add("date", "请填写日期，格式如 2026-12-03");
    }
    c.required("purpose", "用途", &input.purpose, PURPOSE_MAX);
    c.line("purpose", "用途", input.purpose.trim(), PURPOSE_MAX);
    let amount = parse_yuan(&input.amount);
    match &amount {
        Err(e) => c.add("amount", e.clone()),
        Ok(0) => c.add("amount", "金额应大于 0"),
        Ok(_) => {}
    }
    if input.source.is_none() {
        c.add("source", "请选择经费来源");
    }
    c.line(
        "activity_id",
        "关联活动",
        input.activity_id.trim(),
        ACTIVITY_MAX,
    );
    c.finish()?;
    Ok((
        SpendingInput {
            date: input.date.trim().into(),
            purpose: input.purpose.trim().into(),
            amount: String::new(),
            source: input.source,
            activity_id: input.activity_id.trim().into(),
        },
        amount.expect("checked"),
    ))
}

fn load_at(tx: &Write<'_>, id: &str, version: i64) -> Result<Spending> {
    let before = db::get_spending(tx, id)?.ok_or_else(not_found)?;
    tx.expect_version(Entity::FundSpending, id, before.version, version)?;
    Ok(before)
}

pub fn get_spending(store: &Store, ctx: &Ctx, id: &str) -> Result<Spending> {
    ctx.require(Permission::ManageFunds)?;
    db::get_spending(&*store.reader()?, id)?.ok_or_else(not_found)
}

pub fn create_spending(store: &Store, ctx: &Ctx, input: &SpendingInput) -> Result<Spending> {
    ctx.require(Permission::ManageFunds)?;
    let (v, amount_fen) = check(input)?;
    store.write(ctx, Permission::ManageFunds, |tx| {
        let now = now_utc();
        let row = Spending {
            id: new_id(),
            date: v.date,
            purpose: v.purpose,
            amount_fen,
            source: v.source.expect("checked"),
            activity_id: v.activity_id,
            receipt: None,
            created_at: now.clone(),
            updated_at: now,
            version: 1,
        };
        db::upsert_spending(tx, &row)?;
        tx.record(
            Entity::FundSpending,
            &row.id,
            "create",
            None::<&Spending>,
            Some(&row),
        )?;
        Ok(row)
    })
}

pub fn update_spending(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &SpendingInput,
) -> Result<Spending> {
    ctx.require(Permission::ManageFunds)?;
    let (v, amount_fen) = check(input)?;
    store.write(ctx, Permission::ManageFunds, |tx| {
        let before = load_at(tx, id, version)?;
        let after = Spending {
            date: v.date,
            purpose: v.purpose,
            amount_fen,
            source: v.source.expect("checked"),
            activity_id: v.activity_id,
            updated_at: now_utc(),
            version: before.version + 1,
            ..before.clone()
        };
        db::upsert_spending(tx, &after)?;
        tx.record(
            Entity::FundSpending,
            id,
            "update",
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

pub fn delete_spending(store: &Store, ctx: &Ctx, id: &str, version: i64) -> Result<()> {
    store.write(ctx, Permission::ManageFunds, |tx| {
        let before = load_at(tx, id, version)?;
        db::delete_spending(tx, id, &now_utc(), before.version + 1)?;
        tx.record(
            Entity::FundSpending,
            id,
            "delete",
            Some(&before),
            None::<&Spending>,
        )
    })
}

/// What kind of file `bytes` are, from their first bytes: a receipt is a PDF, a JPEG or a PNG.
fn receipt_extension(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("jpg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("png")
    } else {
        None
    }
}

/// Attach (or replace) the scanned receipt: the file is copied into the files folder's
/// `receipts/` under a new name; the old one stays on disk for backups and the change log.
pub fn attach_receipt(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    bytes: &[u8],
) -> Result<Spending> {
    ctx.require(Permission::ManageFunds)?;
    if bytes.len() > RECEIPT_MAX_BYTES {
        return Err(Error::Invalid(format!(
            "票据文件不能超过 {} MB",
            RECEIPT_MAX_BYTES / 1024 / 1024
        )));
    }
    let ext = receipt_extension(bytes)
        .ok_or_else(|| Error::Invalid("票据应为 PDF、JPG 或 PNG 文件".into()))?;
    let dir = receipts_dir(store);
    crate::files::create_private_dir(&dir)?;
    let name = format!("{id}-{}.{ext}", new_id());
    crate::files::write_atomic(&dir.join(&name), bytes)?;
    store.write(ctx, Permission::ManageFunds, |tx| {
        let before = load_at(tx, id, version)?;
        let after = Spending {
            receipt: Some(name),
            updated_at: now_utc(),
            version: before.version + 1,
            ..before.clone()
        };
        db::upsert_spending(tx, &after)?;
        tx.record(
            Entity::FundSpending,
            id,
            "receipt",
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}

/// The receipt's file name and bytes, when the entry has one.
pub fn receipt_bytes(store: &Store, ctx: &Ctx, id: &str) -> Result<Option<(String, Vec<u8>)>> {
    let s = get_spending(store, ctx, id)?;
    let Some(name) = s.receipt else {
        return Ok(None);
    };
    match std::fs::read(receipts_dir(store).join(&name)) {
        Ok(b) => Ok(Some((name, b))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}
