//! Reading an archive back before anything is replaced: the manifest must be there and ours, every
//! listed entry present with its size and SHA-256, nothing unlisted, every name a plain relative
//! path; the extracted database must pass `PRAGMA integrity_check`, be ours, and not be newer than
//! this program. Every refusal is a Chinese sentence and happens before the current data is touched.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{BufReader, Read, Write};
use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use super::manifest::{hex, is_safe_entry, Manifest, DB_ENTRY, FORMAT, MANIFEST_ENTRY};
use crate::error::{Error, Result};
use crate::files;

/// The manifest is small; a bigger one is not ours.
const MANIFEST_MAX_BYTES: u64 = 64 * 1024 * 1024;

fn corrupt(why: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("备份文件已损坏，未恢复：{why}"))
}

/// Check the archive at `archive` and extract it into `staging` (a new folder, created here):
/// `staging/studio.db` and `staging/files/…`. Returns the manifest. On any refusal `staging` may
/// hold part of the archive; the caller removes it.
pub fn verify(archive: &Path, staging: &Path) -> Result<Manifest> {
    if !archive.is_file() {
        return Err(Error::Invalid(format!(
            "找不到备份文件 {}",
            archive.display()
        )));
    }
    let file = File::open(archive)?;
    let mut zip = ZipArchive::new(BufReader::new(file))
        .map_err(|_| Error::Invalid("备份文件已损坏或不是党代表工作室的备份，未恢复".into()))?;
    let manifest = read_manifest(&mut zip)?;
    if manifest.format != FORMAT {
        return Err(Error::Invalid(format!(
            "备份格式 {} 不受本程序支持，未恢复",
            manifest.format
        )));
    }
    let app = crate::storage::schema_version();
    if manifest.schema_version as usize > app {
        return Err(newer(manifest.schema_version, app));
    }
    let listed: HashSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    if listed.len() != manifest.files.len() {
        return Err(corrupt("清单中有重复的文件"));
    }
    if !listed.contains(DB_ENTRY) {
        return Err(corrupt("清单中没有数据库"));
    }
    for i in 0..zip.len() {
        let name = zip
            .by_index_raw(i)
            .map_err(corrupt)?
            .name()
            .map_err(corrupt)?
            .into_owned();
        if name != MANIFEST_ENTRY && !listed.contains(name.as_str()) {
            return Err(corrupt(format!("清单之外的文件 {name}")));
        }
    }
    files::create_private_dir(staging)?;
    for f in &manifest.files {
        if !is_safe_entry(&f.path) {
            return Err(corrupt(format!("不安全的文件名 {}", f.path)));
        }
        let mut entry = zip
            .by_name(&f.path)
            .map_err(|_| corrupt(format!("缺少文件 {}", f.path)))?;
        let target = staging.join(&f.path);
        if let Some(dir) = target.parent() {
            files::create_private_dir(dir)?;
        }
        let mut out = fs::OpenOptions::new();
        out.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            out.mode(0o600);
        }
        let mut out = out.open(&target)?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut total = 0u64;
        loop {
            let n = entry
                .read(&mut buf)
                .map_err(|_| corrupt(format!("无法读取 {}", f.path)))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            // Never more than the manifest promised: a forged entry cannot fill the disk.
            if total > f.size {
                return Err(corrupt(format!("{} 的大小与清单不符", f.path)));
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n])?;
        }
        if total != f.size {
            return Err(corrupt(format!("{} 的大小与清单不符", f.path)));
        }
        if hex(&hasher.finalize()) != f.sha256.to_ascii_lowercase() {
            return Err(corrupt(format!("{} 的校验值（SHA-256）不符", f.path)));
        }
        out.sync_all()?;
    }
    check_database(&staging.join(DB_ENTRY), manifest.schema_version)?;
    Ok(manifest)
}

/// A plain SQLite file, as `studio backup` wrote before archives: copied into `staging/studio.db`
/// and checked like an archive's database. The manifest is made up here (`format` = `plain-db`).
pub(crate) fn verify_plain(db: &Path, staging: &Path) -> Result<Manifest> {
    files::create_private_dir(staging)?;
    let target = staging.join(DB_ENTRY);
    fs::copy(db, &target)?;
    files::make_private(&target)?;
    let conn = Connection::open_with_flags(&target, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| Error::Invalid("备份文件不是有效的数据库".into()))?;
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|_| Error::Invalid("备份文件不是有效的数据库".into()))?;
    drop(conn);
    check_database(&target, version)?;
    let modified = fs::metadata(db)
        .and_then(|m| m.modified())
        .map(|t| {
            chrono::DateTime::<chrono::Utc>::from(t)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        })
        .unwrap_or_default();
    Ok(Manifest {
        format: PLAIN_FORMAT.into(),
        app_version: String::new(),
        schema_version: version,
        created_at: modified,
        created_by: "旧版数据库备份（不含照片等文件）".into(),
        files: Vec::new(),
    })
}

/// `format` of the manifest made up for a plain database file.
pub const PLAIN_FORMAT: &str = "plain-db";

fn newer(found: u32, app: usize) -> Error {
    Error::Invalid(format!(
        "该备份来自更新版本的程序（数据库版本 {found}，本程序支持到 {app}），请先升级本程序再恢复"
    ))
}

fn read_manifest<R: Read + std::io::Seek>(zip: &mut ZipArchive<R>) -> Result<Manifest> {
    let entry = zip.by_name(MANIFEST_ENTRY).map_err(|_| {
        Error::Invalid(
            "备份文件中没有清单（manifest.json），不是党代表工作室的备份或已损坏，未恢复".into(),
        )
    })?;
    if entry.size() > MANIFEST_MAX_BYTES {
        return Err(corrupt("清单过大"));
    }
    let mut bytes = Vec::new();
    entry
        .take(MANIFEST_MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| corrupt("无法读取清单"))?;
    serde_json::from_slice(&bytes).map_err(|_| corrupt("清单无法识别"))
}

/// The extracted database: intact (`integrity_check`), ours, and of the manifest's schema version.
fn check_database(db: &Path, promised: u32) -> Result<()> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| corrupt("数据库无法打开"))?;
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut st| {
            st.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .map_err(|_| corrupt("数据库无法读取"))?;
    if integrity != ["ok"] {
        return Err(corrupt(format!(
            "数据库完整性检查未通过：{}",
            integrity.join("；")
        )));
    }
    let is_ours: bool = conn
        .query_row(
            "SELECT COUNT(*) = 3 FROM sqlite_master WHERE type = 'table'
             AND name IN ('change_log', 'delegates', 'delegations')",
            [],
            |r| r.get(0),
        )
        .unwrap_or(false);
    if !is_ours {
        return Err(Error::Invalid("该文件不是党代表工作室的备份".into()));
    }
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app = crate::storage::schema_version();
    if version as usize > app {
        return Err(newer(version, app));
    }
    if version != promised {
        return Err(corrupt("数据库版本与清单不符"));
    }
    Ok(())
}
