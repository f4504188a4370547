//! `studio calendar …`: working days on China's official calendar plus this studio's overrides.

use studio_core::calendar;
use studio_core::ids::parse_date;
use studio_core::{Error, Store};

#[derive(clap::Subcommand)]
pub enum Command {
    /// 输出 DATE 之后第 N 个工作日（YYYY-MM-DD）
    Add {
        /// 起始日期 YYYY-MM-DD（不计入）
        date: String,
        /// 工作日数
        n: u32,
    },
    /// 判断某天是否工作日，输出 yes 或 no
    IsWorkday {
        /// 日期 YYYY-MM-DD
        date: String,
    },
}

fn date_arg(s: &str) -> studio_core::Result<chrono::NaiveDate> {
    parse_date(s).ok_or_else(|| Error::Invalid(format!("日期“{s}”格式不正确，应为 YYYY-MM-DD")))
}

pub fn run(store: &Store, cmd: Command) -> studio_core::Result<()> {
    answer(&calendar::load(store)?, cmd)
}

/// The official calendar alone (no database: no overrides to add).
pub fn run_official(cmd: Command) -> studio_core::Result<()> {
    answer(&calendar::WorkCalendar::official(), cmd)
}

fn answer(cal: &calendar::WorkCalendar, cmd: Command) -> studio_core::Result<()> {
    match cmd {
        Command::Add { date, n } => {
            let d = date_arg(&date)?;
            let out = cal
                .checked_add_workdays(d, n)
                .ok_or_else(|| Error::Invalid("工作日数过大".into()))?;
            println!("{}", out.format("%Y-%m-%d"));
        }
        Command::IsWorkday { date } => {
            let d = date_arg(&date)?;
            println!("{}", if cal.is_workday(d) { "yes" } else { "no" });
        }
    }
    Ok(())
}
