//! `studio delegates …`.

use serde_json::json;
use studio_core::roster::{self, DelegateListItem};
use studio_core::{Ctx, Store};

#[derive(clap::Subcommand)]
pub enum Command {
    /// 列出党代表（名册顺序）
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
}

fn to_json(d: &DelegateListItem) -> serde_json::Value {
    json!({
        "id": d.id,
        "name": d.name,
        "gender": d.gender,
        "delegation": d.delegation_name,
        "delegation_id": d.delegation_id,
        "unit": d.unit,
        "position": d.position,
        "phone_masked": d.mobile_masked,
        "term": d.term,
        "status": d.status,
        "status_label": d.status.label(),
    })
}

pub fn run(store: &Store, ctx: &Ctx, cmd: Command) -> studio_core::Result<()> {
    match cmd {
        Command::List { json } => {
            let all = roster::all_delegates(store, ctx)?;
            if json {
                let arr: Vec<_> = all.iter().map(to_json).collect();
                println!("{}", serde_json::to_string_pretty(&arr).unwrap_or_default());
            } else if all.is_empty() {
                println!("名册为空。可运行 `studio demo` 载入演示数据。");
            } else {
                for d in &all {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        d.name,
                        d.delegation_name,
                        d.unit,
                        d.position,
                        d.mobile_masked,
                        d.status.label()
                    );
                }
                println!("共 {} 人", all.len());
            }
            Ok(())
        }
    }
}
