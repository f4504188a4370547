//! `studio demo`.

use studio_core::{Ctx, Error, Role, Store};

#[derive(clap::Args)]
pub struct Args {
    /// 数据库不为空时也载入（演示数据加在已有数据旁）
    #[arg(long)]
    force: bool,
    /// 另外生成 N 件台账事项（用于性能测试；名册为空时先生成 800 名党代表）
    #[arg(long, value_name = "N")]
    bulk_items: Option<usize>,
    /// 另外生成 N 张记录卡（用于性能测试，例如 1000 张的批量打印；名册不能为空）
    #[arg(long, value_name = "N")]
    bulk_cards: Option<usize>,
    /// 生成 N 名党代表，分在 40 个代表团（用于名册的性能测试；名册须为空；可与 --bulk-cards 同用）
    #[arg(long, value_name = "N")]
    bulk_roster: Option<usize>,
}

pub fn run(store: &Store, ctx: &Ctx, args: Args) -> studio_core::Result<()> {
    // The demo loader writes as the system; only an administrator may ask for it.
    if !matches!(ctx.actor.role, Role::Admin | Role::System) {
        return Err(Error::Forbidden(format!(
            "{}（{}）没有权限：载入演示数据（仅管理员）",
            ctx.actor.name,
            ctx.actor.role.label()
        )));
    }
    if let Some(n) = args.bulk_items {
        if studio_core::items::item_count(store, ctx)? > 0 {
            return Err(studio_core::Error::Conflict(
                "数据库中已有台账事项，未生成性能测试数据".into(),
            ));
        }
        studio_core::demo::bulk_items(store, ctx, n, 20261128)?;
        println!("已生成 {n} 件台账事项");
        return Ok(());
    }
    if let Some(n) = args.bulk_roster {
        studio_core::demo::bulk_delegates(store, ctx, n, 20261203)?;
        println!("已生成 {n} 名党代表");
        if args.bulk_cards.is_none() {
            return Ok(());
        }
    }
    if let Some(n) = args.bulk_cards {
        let made = studio_core::demo::bulk_cards(store, ctx, n, 20261203)?;
        println!("已生成 {made} 张记录卡");
        return Ok(());
    }
    let r = studio_core::demo::load(store, args.force)?;
    println!(
        "已载入演示数据：{} 个代表团，{} 名党代表，{} 张记录卡，{} 件台账事项，{} 个接待时段，{} 条约见，{} 次活动，{} 件提议",
        r.delegations, r.delegates, r.cards, r.items, r.slots, r.appointments, r.activities, r.proposals
    );
    println!(
        "另有 {} 条工作室动态，{} 名联络员和志愿者，本年度 {} 笔经费支出",
        r.news, r.volunteers, r.spendings
    );
    Ok(())
}
