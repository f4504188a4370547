//! The audit log (审计日志): one line for everything that happened — every write through the gate,
//! every login, failed login, lock and unlock, every export, print and opening of a full personal
//! record, and refusals — with who, when, what and the result. The change log (`audit.rs`) keeps the
//! whole rows of each write; this log is what an auditor reads and filters.
//!
//! It is append-only: triggers refuse UPDATE and DELETE. Two operations may lift that guard, each
//! for its own transaction only, both administrator-only and logged before they run: [`archive`]
//! (entries older than the retention, to a file with a SHA-256 checksum) and the redaction that
//! erasure needs (`personal_data.rs`).

use std::path::{Path, PathBuf};

use chrono::{Duration, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::actor::{Actor, Permission, Role};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::export::{to_csv, to_xlsx, Cell, Column, Sheet};
use crate::ids::parse_date;
use crate::page::PageRequest;
use crate::storage::{audit_log as db, Store};
use crate::validate::Checker;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditResult {
    Ok,
    /// Not allowed (a permission or a scope refused it).
    Refused,
    /// Tried and failed (a wrong password).
    Failed,
}

impl AuditResult {
    pub fn code(self) -> &'static str {
        match self {
            AuditResult::Ok => "ok",
            AuditResult::Refused => "refused",
            AuditResult::Failed => "failed",
        }
    }
    pub fn from_code(s: &str) -> Self {
        match s {
            "refused" => AuditResult::Refused,
            "failed" => AuditResult::Failed,
            _ => AuditResult::Ok,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            AuditResult::Ok => "成功",
            AuditResult::Refused => "拒绝",
            AuditResult::Failed => "失败",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AuditEntry {
    pub seq: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub actor_id: String,
    pub actor: String,
    pub actor_role: Role,
    /// What it is about: a record kind (`card`, `item`, …), `session`, `account`, `audit`,
    /// `personal_data`.
    pub area: String,
    pub action: String,
    /// The record's id, a selection (`*`, `FROM..TO`), or a login name.
    pub target: String,
    /// Which fields changed, the reason of an export, the file of an archive. Never a password,
    /// never a private person's name or phone.
    pub summary: String,
    pub result: AuditResult,
}

/// One entry as it is appended.
pub struct NewAuditEntry<'a> {
    pub actor: &'a Actor,
    pub area: &'a str,
    pub action: &'a str,
    pub target: &'a str,
    pub summary: &'a str,
    pub result: AuditResult,
}

/// Areas and actions with their Chinese names, for the filters and the export.
pub const AREAS: &[(&str, &str)] = &[
    ("session", "登录与锁定"),
    ("access", "访问控制"),
    ("account", "账号"),
    ("delegate", "党代表"),
    ("delegation", "代表团"),
    ("card", "记录卡"),
    ("card_amendment", "记录卡更正"),
    ("item", "意见台账"),
    ("calendar", "工作日历"),
    ("settings", "设置"),
    ("database", "数据库"),
    ("audit", "审计日志"),
    ("personal_data", "个人信息"),
    ("query_code", "查询码"),
    ("kiosk", "自助终端"),
    ("duty_slot", "接待安排"),
    ("schedule_month", "接待安排发布"),
    ("appointment", "约见"),
    ("activity", "活动调研"),
    ("proposal", "提议"),
    ("news", "工作室动态"),
    ("wall_doc", "上墙制度"),
    ("volunteer", "联络员与志愿者"),
    ("fund_budget", "经费预算"),
    ("fund_spending", "经费支出"),
    ("public_answer", "代表回复"),
];

pub const ACTIONS: &[(&str, &str)] = &[
    ("login", "登录"),
    ("login_failed", "登录失败"),
    ("logout", "退出登录"),
    ("lock", "锁定"),
    ("unlock", "解锁"),
    ("unlock_failed", "解锁失败"),
    ("account_locked", "账号被锁定"),
    ("create", "新增"),
    ("update", "修改"),
    ("delete", "删除"),
    ("view", "查看完整记录"),
    ("export", "导出"),
    ("print", "打印"),
    ("refused", "拒绝访问"),
    ("archive", "归档"),
    ("erase", "删除个人信息"),
    ("copy", "导出个人信息副本"),
    ("password_change", "修改密码"),
    ("password_reset", "重置密码"),
    ("route", "分派"),
    ("query_failed", "查询进度失败"),
    ("query_refused", "查询过于频繁"),
    ("publish", "发布"),
    ("copy_forward", "沿用上月安排"),
    ("swap", "调换值班"),
    ("poster_changed", "海报待更新"),
    ("poster_printed", "打印海报"),
    ("confirm", "确认"),
    ("complete", "完成"),
    ("cancel", "取消"),
    ("backup", "备份"),
    ("restore", "恢复"),
    ("unpublish", "撤回发布"),
    ("image", "修改图片"),
    ("receipt", "上传票据"),
];

pub fn area_label(code: &str) -> &str {
    AREAS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| *l)
        .unwrap_or(code)
}

pub fn action_label(code: &str) -> &str {
    ACTIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, l)| *l)
        .unwrap_or(code)
}

/// Filters of the 审计 page. Empty / `None` fields do not filter; dates are Shanghai days.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AuditQuery {
    pub actor_id: Option<String>,
    pub area: Option<String>,
    pub action: Option<String>,
    pub result: Option<AuditResult>,
    /// `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    pub page: PageRequest,
}

/// A page of the audit log. Counting stops at [`COUNT_CAP`]: `total_capped` says the real number is
/// larger (the page shows “10000+”).
#[derive(Debug, Clone, Serialize, TS)]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    pub total: u64,
    pub total_capped: bool,
    pub page: u32,
    pub page_size: u32,
}

pub const COUNT_CAP: i64 = 10_000;

/// Append one entry (its own small transaction on the writer). Front doors call this for what the
/// gate does not see: logins, refusals, exports.
pub fn record(store: &Store, entry: &NewAuditEntry<'_>) -> Result<()> {
    db::append(&store.writer(), entry)
}

/// Append inside an open write (the gate, logins that also update the account).
pub(crate) fn record_in(conn: &rusqlite::Connection, entry: &NewAuditEntry<'_>) -> Result<()> {
    db::append(conn, entry)
}

/// A refusal, as the front door saw it: `area` is what was asked (a command's name).
pub fn record_refusal(store: &Store, ctx: &Ctx, area: &str, message: &str) -> Result<()> {
    record(
        store,
        &NewAuditEntry {
            actor: &ctx.actor,
            area,
            action: "refused",
            target: "",
            summary: message,
            result: AuditResult::Refused,
        },
    )
}

/// The UTC instant a Shanghai day starts (`YYYY-MM-DDT16:00:00.000Z` of the day before).
fn day_start_utc(day: NaiveDate) -> String {
    let t = day.and_hms_opt(0, 0, 0).expect("midnight") - Duration::hours(8);
    format!("{}Z", t.format("%Y-%m-%dT%H:%M:%S%.3f"))
}

/// The filters as a seq range plus equality filters; `None` when the period holds nothing.
fn filter<'a>(
    store_conn: &rusqlite::Connection,
    q: &'a AuditQuery,
) -> Result<Option<db::Filter<'a>>> {
    let mut c = Checker::new();
    let from = q.from.as_deref().filter(|s| !s.trim().is_empty());
    let to = q.to.as_deref().filter(|s| !s.trim().is_empty());
    let from_d = from.map(|s| (s, parse_date(s.trim())));
    let to_d = to.map(|s| (s, parse_date(s.trim())));
    if let Some((_, None)) = from_d {
        c.add("from", "起始日期格式应为 YYYY-MM-DD");
    }
    if let Some((_, None)) = to_d {
        c.add("to", "截止日期格式应为 YYYY-MM-DD");
    }
    if let (Some((_, Some(f))), Some((_, Some(t)))) = (from_d, to_d) {
        if f > t {
            c.add("to", "截止日期不能早于起始日期");
        }
    }
    for (field, v) in [
        ("actor_id", &q.actor_id),
        ("area", &q.area),
        ("action", &q.action),
    ] {
        if v.as_deref().is_some_and(|s| s.chars().count() > 100) {
            c.add(field, "筛选条件过长");
        }
    }
    c.finish()?;
    let lo = match from_d.and_then(|(_, d)| d) {
        Some(d) => match db::first_seq_from(store_conn, &day_start_utc(d))? {
            Some(s) => s,
            None => return Ok(None),
        },
        None => 0,
    };
    let hi = match to_d.and_then(|(_, d)| d) {
        Some(d) => match db::last_seq_before(store_conn, &day_start_utc(d + Duration::days(1)))? {
            Some(s) => s,
            None => return Ok(None),
        },
        None => i64::MAX,
    };
    let nonempty = |v: &'a Option<String>| v.as_deref().filter(|s| !s.is_empty());
    Ok(Some(db::Filter {
        lo,
        hi,
        actor_id: nonempty(&q.actor_id),
        area: nonempty(&q.area),
        action: nonempty(&q.action),
        result: q.result.map(AuditResult::code),
    }))
}

/// One page of the audit log, newest first (管理员, 审计员).
pub fn list(store: &Store, ctx: &Ctx, q: &AuditQuery) -> Result<AuditPage> {
    ctx.require(Permission::ReadAudit)?;
    let page = q.page.clamped();
    let conn = store.reader()?;
    let Some(f) = filter(&conn, q)? else {
        return Ok(AuditPage {
            items: Vec::new(),
            total: 0,
            total_capped: false,
            page: page.page,
            page_size: page.page_size,
        });
    };
    let items = db::page(&conn, &f, page.limit(), page.offset())?;
    // A short first page is the whole answer: no need to count.
    let total = if page.page == 1 && (items.len() as i64) < page.limit() {
        items.len() as i64
    } else {
        db::count_capped(&conn, &f, COUNT_CAP + 1)?
    };
    Ok(AuditPage {
        items,
        total: total.min(COUNT_CAP) as u64,
        total_capped: total > COUNT_CAP,
        page: page.page,
        page_size: page.page_size,
    })
}

const COLUMNS: &[Column] = &[
    Column {
        header: "序号",
        width: 10.0,
    },
    Column {
        header: "时间",
        width: 22.0,
    },
    Column {
        header: "操作人",
        width: 14.0,
    },
    Column {
        header: "操作人标识",
        width: 24.0,
    },
    Column {
        header: "角色",
        width: 10.0,
    },
    Column {
        header: "范围",
        width: 12.0,
    },
    Column {
        header: "操作",
        width: 14.0,
    },
    Column {
        header: "对象",
        width: 38.0,
    },
    Column {
        header: "摘要",
        width: 40.0,
    },
    Column {
        header: "结果",
        width: 8.0,
    },
];

fn sheet_row(e: &AuditEntry) -> Vec<Cell<'_>> {
    vec![
        Cell::Number(e.seq as f64),
        Cell::from(e.at.as_str()),
        Cell::from(e.actor.as_str()),
        Cell::from(e.actor_id.as_str()),
        Cell::from(e.actor_role.label()),
        Cell::from(area_label(&e.area)),
        Cell::from(action_label(&e.action)),
        Cell::from(e.target.as_str()),
        Cell::from(e.summary.as_str()),
        Cell::from(e.result.label()),
    ]
}

/// The file formats of an audit export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditFormat {
    Json,
    Csv,
    Xlsx,
}

/// Every entry matching `q` (its page ignored), oldest first, as JSON, CSV (UTF-8 with BOM) or an
/// Excel workbook (the same sheet as the CSV).
/// The export is itself logged.
pub fn export(store: &Store, ctx: &Ctx, q: &AuditQuery, format: AuditFormat) -> Result<Vec<u8>> {
    ctx.require(Permission::ReadAudit)?;
    let mut entries = Vec::new();
    {
        let conn = store.reader()?;
        if let Some(f) = filter(&conn, q)? {
            db::each(&conn, &f, |e| {
                entries.push(e);
                Ok(())
            })?;
        }
    }
    let period = format!(
        "{}..{}",
        q.from.as_deref().unwrap_or(""),
        q.to.as_deref().unwrap_or("")
    );
    record(
        store,
        &NewAuditEntry {
            actor: &ctx.actor,
            area: "audit",
            action: "export",
            target: &period,
            summary: &format!("{} 条", entries.len()),
            result: AuditResult::Ok,
        },
    )?;
    Ok(match format {
        AuditFormat::Json => serde_json::to_vec_pretty(&entries)
            .map_err(|e| Error::Invalid(format!("无法生成 JSON：{e}")))?,
        AuditFormat::Csv | AuditFormat::Xlsx => {
            let sheet = Sheet {
                name: "审计日志".into(),
                columns: COLUMNS.to_vec(),
                rows: entries.iter().map(sheet_row).collect(),
            };
            if format == AuditFormat::Csv {
                to_csv(&sheet)
            } else {
                to_xlsx(&sheet)?
            }
        }
    })
}

/// The least retention an administrator may set, in months (等保 2.0: at least six months).
pub const MIN_RETENTION_MONTHS: u32 = 6;
pub const MAX_RETENTION_MONTHS: u32 = 120;

/// What [`archive`] did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ArchiveOutcome {
    /// How many entries moved to the file (0: nothing was old enough; no file was written).
    pub archived: u64,
    pub file: Option<String>,
    /// SHA-256 of the file, hex; also written beside it as `<file>.sha256` (sha256sum's format).
    pub sha256: Option<String>,
    /// Entries on or after this day stay (Shanghai day).
    pub kept_from: String,
}

/// Move the entries older than `retention_months` (never less than six) to a JSON Lines file in
/// `dir`, with its checksum beside it, then delete them from the database. Administrator only;
/// logged before it runs. The file is written and synced before anything is deleted.
pub fn archive(
    store: &Store,
    ctx: &Ctx,
    retention_months: u32,
    dir: &Path,
) -> Result<ArchiveOutcome> {
    ctx.require(Permission::AdministerAudit)?;
    if !(MIN_RETENTION_MONTHS..=MAX_RETENTION_MONTHS).contains(&retention_months) {
        return Err(Error::field(
            "retention_months",
            format!(
                "保留期限应为 {MIN_RETENTION_MONTHS}–{MAX_RETENTION_MONTHS} 个月（等保要求至少六个月）"
            ),
        ));
    }
    let keep_from = ctx
        .today
        .checked_sub_months(Months::new(retention_months))
        .unwrap_or(ctx.today);
    let cutoff = day_start_utc(keep_from);
    // What goes is decided first, so the line that says it is happening stays.
    let last = db::last_seq_before(&*store.reader()?, &cutoff)?;
    record(
        store,
        &NewAuditEntry {
            actor: &ctx.actor,
            area: "audit",
            action: "archive",
            target: &format!("..{keep_from}"),
            summary: &format!("归档 {keep_from} 之前的审计日志（保留 {retention_months} 个月）"),
            result: AuditResult::Ok,
        },
    )?;
    let Some(last) = last else {
        return Ok(ArchiveOutcome {
            archived: 0,
            file: None,
            sha256: None,
            kept_from: keep_from.to_string(),
        });
    };
    // The file first, synced; only then the delete, in one guarded transaction.
    let mut bytes = Vec::new();
    let n = {
        let conn = store.reader()?;
        let f = db::Filter {
            lo: 0,
            hi: last,
            actor_id: None,
            area: None,
            action: None,
            result: None,
        };
        db::each(&conn, &f, |e| {
            serde_json::to_writer(&mut bytes, &e)
                .map_err(|e| Error::Invalid(format!("无法写出归档：{e}")))?;
            bytes.push(b'\n');
            Ok(())
        })?
    };
    let name = format!(
        "audit-archive-{}-{}.jsonl",
        keep_from.format("%Y%m%d"),
        crate::ids::new_id()
    );
    let path: PathBuf = dir.join(&name);
    let sha = hex(&Sha256::digest(&bytes));
    crate::files::write_atomic(&path, &bytes)?;
    crate::files::write_atomic(
        &dir.join(format!("{name}.sha256")),
        format!("{sha}  {name}\n").as_bytes(),
    )?;
    store.with_guard("archive", |conn| db::delete_through(conn, last).map(|_| ()))?;
    Ok(ArchiveOutcome {
        archived: n,
        file: Some(path.display().to_string()),
        sha256: Some(sha),
        kept_from: keep_from.to_string(),
    })
}

/// The data folder's `archive/` (beside the files folder), where 归档 writes its files; backups carry
/// it too, as the only copy of the archived entries.
pub fn archive_dir(store: &Store) -> PathBuf {
    store.files_dir().with_file_name("archive")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Check an archive file against its `.sha256` beside it.
pub fn verify_archive(file: &Path) -> Result<bool> {
    let bytes = std::fs::read(file)?;
    let sum_file = PathBuf::from(format!("{}.sha256", file.display()));
    let expected = std::fs::read_to_string(sum_file)?;
    Ok(expected.split_whitespace().next() == Some(hex(&Sha256::digest(&bytes)).as_str()))
}

/// One generated row for [`bulk_generate`] (benchmarks).
#[doc(hidden)]
pub struct BulkAuditRow {
    pub at: String,
    pub actor_id: String,
    pub actor: String,
    pub actor_role: &'static str,
    pub area: &'static str,
    pub action: &'static str,
    pub target: String,
    pub summary: &'static str,
    pub result: &'static str,
}

/// Benchmarks: `n` audit entries over the two years before now, from 60 people, in every area and
/// action, oldest first (so `seq` grows with `at`, as in real use).
#[doc(hidden)]
pub fn bulk_generate(store: &Store, n: usize, seed: u64) -> Result<()> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let start = chrono::Utc::now() - Duration::days(730);
    let step_ms = (730_i64 * 24 * 3600 * 1000) as f64 / n.max(1) as f64;
    let roles = ["admin", "liaison", "head", "delegate", "auditor"];
    let mut batch = Vec::with_capacity(10_000);
    for i in 0..n {
        let t = start + Duration::milliseconds((i as f64 * step_ms) as i64);
        let who = rng.usize(0..60);
        let (area, _) = AREAS[rng.usize(0..AREAS.len())];
        let (action, _) = ACTIONS[rng.usize(0..ACTIONS.len())];
        batch.push(BulkAuditRow {
            at: format!("{}", t.format("%Y-%m-%dT%H:%M:%S%.3fZ")),
            actor_id: format!("account:bench-{who:02}"),
            actor: format!("用户{who:02}"),
            actor_role: roles[who % roles.len()],
            area,
            action,
            target: crate::ids::new_id(),
            summary: "修改了：手机、单位",
            result: if rng.u8(0..50) == 0 { "refused" } else { "ok" },
        });
        if batch.len() == 10_000 {
            db::bulk_append(&mut store.writer(), &batch)?;
            batch.clear();
        }
    }
    db::bulk_append(&mut store.writer(), &batch)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::area_label;

    /// Every kind of record a write can change has a Chinese name on the 审计 page (its filter and
    /// its rows): a new entity without one showed its code.
    #[test]
    fn every_entity_has_an_area_label() {
        for e in crate::audit::ALL_ENTITIES {
            let code = e.as_str();
            assert_ne!(area_label(code), code, "{code} has no label");
        }
    }
}
