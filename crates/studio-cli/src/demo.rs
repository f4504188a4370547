//! `studio demo`.

use studio_core::Store;

#[derive(clap::Args)]
pub struct Args {
    /// 数据库不为空时也载入（演示数据加在已有数据旁）
    #[arg(long)]
    force: bool,
}

pub fn run(store: &mut Store, args: Args) -> studio_core::Result<()> {
    let r = studio_core::demo::load(store, args.force)?;
    println!(
        "已载入演示数据：{} 个代表团，{} 名党代表，{} 张记录卡",
        r.delegations, r.delegates, r.cards
    );
    Ok(())
}
