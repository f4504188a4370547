//! `studio export …`: deliberate exports of personal data to a file, and of the reception schedule
//! (which holds none: delegates' names only).

use std::path::PathBuf;

use studio_core::accounts;
use studio_core::activities;
use studio_core::appointments;
use studio_core::cards::{self, CardSelection};
use studio_core::export::{self, ExportFormat};
use studio_core::export_purpose;
use studio_core::files::write_atomic;
use studio_core::items;
use studio_core::proposals;
use studio_core::roster;
use studio_core::schedule;
use studio_core::{Ctx, Error, Permission, Store};

use crate::identity;

#[derive(clap::Args)]
pub struct Args {
    /// 导出内容：cards（记录卡）、items（意见台账）、schedule（接待安排）、appointments（约见）、
    /// delegates（党代表名册）、accounts（账号）、summary（统计汇总，默认本年）、units（承办单位，默认本年）、
    /// activities（活动调研）、proposals（提议）、news（工作室动态）、volunteers（联络员与志愿者）或
    /// funds（年度经费收支表，须 --year）
    #[arg(value_parser = ["cards", "items", "schedule", "appointments", "delegates", "accounts",
                          "summary", "units", "activities", "proposals", "news", "volunteers", "funds"])]
    pub(crate) what: String,
    /// 格式：json、csv 或 xlsx（统计汇总和承办单位另可 pdf）
    #[arg(long, value_parser = ["json", "csv", "xlsx", "pdf"])]
    pub(crate) format: String,
    /// 年度（经费收支表）
    #[arg(long, value_name = "YYYY")]
    pub(crate) year: Option<i32>,
    /// 起始日期（YYYY-MM-DD；记录卡按联系日期，台账按受理日期，接待安排和约见按日期）
    #[arg(long, requires = "to")]
    pub(crate) from: Option<String>,
    /// 截止日期（YYYY-MM-DD，含当天）
    #[arg(long, requires = "from")]
    pub(crate) to: Option<String>,
    /// 输出文件
    #[arg(short = 'o', long = "out")]
    pub(crate) out: PathBuf,
    /// 导出原因（记入审计日志；不填记为“命令行导出”）
    #[arg(long)]
    pub(crate) reason: Option<String>,
    /// 脱敏导出：手机号、电话和地址只保留部分（如 138****8000）
    #[arg(long)]
    pub(crate) masked: bool,
}

/// `studio export schedule`: every slot (a visitor: of published months) as JSON rows `{date, start,
/// end, place, published, delegates: [{id, name}]}`, CSV or Excel. No personal data: no reason asked.
fn export_schedule(
    store: &Store,
    ctx: &Ctx,
    a: &Args,
    format: ExportFormat,
) -> studio_core::Result<()> {
    let slots = schedule::slots_for_export(store, ctx, a.from.as_deref(), a.to.as_deref())?;
    let bytes = export::export_schedule(&slots, format)?;
    write_atomic(&a.out, &bytes)?;
    println!("已导出 {} 个接待时段到 {}", slots.len(), a.out.display());
    Ok(())
}

/// `studio export activities|proposals`: no personal data (delegates' and units' names, the items'
/// numbers and titles), so no reason is asked; the core checks `ReadRecords` and the reach.
fn export_activities_or_proposals(
    store: &Store,
    ctx: &Ctx,
    a: &Args,
    format: ExportFormat,
) -> studio_core::Result<()> {
    let (from, to) = (a.from.as_deref(), a.to.as_deref());
    let (bytes, summary) = if a.what == "activities" {
        let list = activities::activities_for_export(store, ctx, from, to)?;
        (
            export::export_activities(&list, format)?,
            format!("{} 次活动", list.len()),
        )
    } else {
        let list = proposals::proposals_for_export(store, ctx, from, to)?;
        (
            export::export_proposals(&list, format)?,
            format!("{} 件提议", list.len()),
        )
    };
    write_atomic(&a.out, &bytes)?;
    println!("已导出 {summary}到 {}", a.out.display());
    Ok(())
}

/// `studio export accounts`: every account (管理员, 审计员), never a password; logged.
fn export_accounts(store: &Store, ctx: &Ctx, a: &Args) -> studio_core::Result<()> {
    let format = ExportFormat::parse(&a.format)
        .ok_or_else(|| Error::Invalid(format!("不支持的格式：{}", a.format)))?;
    if a.from.is_some() {
        return Err(Error::Invalid(
            "导出账号不按日期筛选，请去掉 --from/--to".into(),
        ));
    }
    let list = accounts::list_for_export(store, ctx)?;
    let bytes = export::export_accounts(&list, format, &studio_core::ids::now_utc())?;
    write_atomic(&a.out, &bytes)?;
    println!("已导出 {} 个账号到 {}", list.len(), a.out.display());
    Ok(())
}

pub fn run(store: &Store, ctx: &Ctx, a: Args) -> studio_core::Result<()> {
    if a.what == "activities" || a.what == "proposals" {
        let format = ExportFormat::parse(&a.format)
            .ok_or_else(|| Error::Invalid(format!("不支持的格式：{}", a.format)))?;
        return export_activities_or_proposals(store, ctx, &a, format);
    }
    if matches!(a.what.as_str(), "news" | "volunteers" | "funds") {
        return crate::studio::export(store, ctx, &a);
    }
    if a.what == "summary" || a.what == "units" {
        return crate::reports::run(store, ctx, &a.what, &a.format, a.from, a.to, &a.out);
    }
    if a.what == "accounts" {
        return export_accounts(store, ctx, &a);
    }
    if a.what == "schedule" {
        let format = ExportFormat::parse(&a.format)
            .ok_or_else(|| Error::Invalid(format!("不支持的格式：{}", a.format)))?;
        return export_schedule(store, ctx, &a, format);
    }
    ctx.require(Permission::ExportPersonalData)?;
    let purpose = identity::export_purpose(a.reason.as_deref(), a.masked)?;
    let target = format!(
        "{}:{}",
        a.what,
        match (&a.from, &a.to) {
            (Some(from), Some(to)) => format!("{from}..{to}"),
            _ => "*".to_string(),
        }
    );
    let format = ExportFormat::parse(&a.format)
        .ok_or_else(|| Error::Invalid(format!("不支持的格式：{}", a.format)))?;
    let (bytes, count, summary) = if a.what == "delegates" {
        // The whole roster: a period does not apply.
        if a.from.is_some() {
            return Err(Error::Invalid(
                "导出党代表名册不按日期筛选，请去掉 --from/--to".into(),
            ));
        }
        let mut list = roster::delegates_for_export(store, ctx)?;
        if purpose.masked {
            list = export_purpose::mask_delegates(list);
        }
        let bytes = export::export_delegates(&list, format)?;
        (bytes, list.len(), format!("{} 名党代表", list.len()))
    } else if a.what == "appointments" {
        let mut list =
            appointments::appointments_for_export(store, ctx, a.from.as_deref(), a.to.as_deref())?;
        if purpose.masked {
            list = export_purpose::mask_appointments(list);
        }
        let bytes = export::export_appointments(&list, format)?;
        (bytes, list.len(), format!("{} 条约见", list.len()))
    } else if a.what == "items" {
        let mut list = items::items_for_export(store, ctx, a.from.as_deref(), a.to.as_deref())?;
        if purpose.masked {
            list = export_purpose::mask_items(list);
        }
        let bytes = export::export_items(&list, format)?;
        (bytes, list.len(), format!("{} 件台账事项", list.len()))
    } else {
        let sel = match (a.from, a.to) {
            (Some(from), Some(to)) => CardSelection::Period { from, to },
            _ => CardSelection::All,
        };
        let mut list = cards::cards_for_export(store, ctx, &sel)?;
        if purpose.masked {
            list = export_purpose::mask_cards(list);
        }
        let bytes = export::export_cards(&list, format)?;
        (bytes, list.len(), format!("{} 张记录卡", list.len()))
    };
    // Temporary file, flushed, renamed: a crash leaves the old file or the new one.
    write_atomic(&a.out, &bytes)?;
    export_purpose::record(store, ctx, &target, count, &purpose)?;
    println!("已导出 {summary}到 {}", a.out.display());
    Ok(())
}
