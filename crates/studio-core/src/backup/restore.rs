//! Restoring an archive: checked completely into a staging folder first (`verify`), then the current
//! data (database and files folder) is kept aside in a new timestamped folder beside the database
//! (`before-restore-YYYYMMDD-HHMMSS`, never an earlier one reused), then the files folder is swapped
//! and the database's contents replaced (SQLite's backup API into the open database, then migrated
//! up to this build). A failure while swapping puts the files back; the database is replaced in one
//! SQLite transaction, so it is either the old or the new.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use super::manifest::{AUDIT_ARCHIVE_PREFIX, DB_ENTRY};
use super::verify::{verify, verify_plain, PLAIN_FORMAT};
use crate::actor::Permission;
use crate::audit_log::{self, AuditResult, NewAuditEntry};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::files;
use crate::maintenance::{self, CheckReport};
use crate::storage::Store;

#[derive(Debug, Clone, Serialize, TS)]
pub struct RestoreReport {
    /// When the archive was made (UTC, RFC 3339), by whom, with which program version.
    pub backup_created_at: String,
    pub backup_created_by: String,
    pub backup_app_version: String,
    /// Files in the archive besides the database (photos, thumbnails, attachments, audit archives).
    pub files: u32,
    /// Audit log archives that were missing here and were added (none is ever replaced or removed).
    pub audit_archives_added: u32,
    /// The file was a plain database (a backup from before archives): the database was restored,
    /// the files folder left as it was.
    pub plain_database: bool,
    /// The folder holding the data as it was before the restore.
    pub kept_aside: String,
    /// The restored database's check.
    pub check: CheckReport,
}

/// Replace the open database and its files with the archive at `from` (see the module's comment).
/// A plain SQLite file (what `studio backup` wrote before archives) is accepted too: checked the
/// same way, the current data kept aside the same way, the database replaced, the files folder
/// left as it is (the old backup had no files).
pub fn restore(store: &Store, ctx: &Ctx, from: &Path) -> Result<RestoreReport> {
    ctx.require(Permission::Maintain)?;
    let Some(db_path) = store.path() else {
        return Err(Error::Invalid("内存中的数据库不能从备份恢复".into()));
    };
    let data_dir = match db_path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let staging = files::temp_path_for(&data_dir.join("restore"))?;
    let out = (|| -> Result<_> {
        let plain = super::is_plain_database(from);
        let manifest = if plain {
            verify_plain(from, &staging)?
        } else {
            verify(from, &staging)?
        };
        let aside = new_aside_dir(&data_dir)?;
        put_in_place(store, &staging, &aside, !plain)?;
        let added = merge_audit_archives(
            &staging.join(AUDIT_ARCHIVE_PREFIX.trim_end_matches('/')),
            &crate::audit_log::archive_dir(store),
        );
        Ok((manifest, aside, added))
    })();
    let _ = fs::remove_dir_all(&staging);
    let (manifest, aside, audit_archives_added) = out?;
    let files_count = manifest.files.len().saturating_sub(1) as u32;
    let plain_database = manifest.format == PLAIN_FORMAT;
    audit_log::record(
        store,
        &NewAuditEntry {
            actor: &ctx.actor,
            area: "database",
            action: "restore",
            target: &from
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            summary: &format!(
                "从 {} 恢复（备份于 {}，{} 个文件）；原数据保存在 {}",
                from.display(),
                manifest.created_at,
                files_count,
                aside.display()
            ),
            result: AuditResult::Ok,
        },
    )?;
    Ok(RestoreReport {
        backup_created_at: manifest.created_at,
        backup_created_by: manifest.created_by,
        backup_app_version: manifest.app_version,
        files: files_count,
        plain_database,
        audit_archives_added,
        kept_aside: aside.display().to_string(),
        check: maintenance::check(store)?,
    })
}

/// A new folder `before-restore-YYYYMMDD-HHMMSS` (Shanghai time) beside the database; `-2`, `-3`, …
/// when one of that second exists. Created with `create_dir`, which fails on an existing folder, so
/// an earlier copy is never written into.
fn new_aside_dir(data_dir: &Path) -> Result<PathBuf> {
    let stamp = (chrono::Utc::now() + chrono::Duration::hours(8)).format("%Y%m%d-%H%M%S");
    for n in 1..1000 {
        let name = if n == 1 {
            format!("before-restore-{stamp}")
        } else {
            format!("before-restore-{stamp}-{n}")
        };
        let dir = data_dir.join(name);
        let mut b = fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            b.mode(0o700);
        }
        match b.create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(Error::Invalid("无法为当前数据建立保存文件夹".into()))
}

fn put_in_place(store: &Store, staging: &Path, aside: &Path, with_files: bool) -> Result<()> {
    let db_path = store.path().expect("checked by the caller");
    // 1. The current data, kept aside: the database by online backup, the files folder moved.
    let aside_db = aside.join(db_path.file_name().unwrap_or("studio.db".as_ref()));
    files::create_private_file(&aside_db)?;
    store.writer().backup(rusqlite::MAIN_DB, &aside_db, None)?;
    let files_dir = store.files_dir().to_path_buf();
    let aside_files = aside.join(files_dir.file_name().unwrap_or("studio.files".as_ref()));
    let had_files = with_files && files_dir.exists();
    if had_files {
        fs::rename(&files_dir, &aside_files)?;
    }
    // 2. The archive's files in place.
    let new_files = staging.join("files");
    let moved = if !with_files {
        Ok(())
    } else if new_files.exists() {
        fs::rename(&new_files, &files_dir)
    } else {
        files::create_private_dir(&files_dir).map_err(std::io::Error::other)
    };
    let undo_files = || {
        if with_files {
            let _ = fs::remove_dir_all(&files_dir);
            if had_files {
                let _ = fs::rename(&aside_files, &files_dir);
            }
        }
    };
    if let Err(e) = moved {
        undo_files();
        return Err(Error::Invalid(format!(
            "无法放置备份中的文件，未恢复：{}",
            files::describe_io(&e)
        )));
    }
    // 3. The database's contents, in one SQLite transaction, then brought up to this build.
    let replaced = (|| -> Result<()> {
        let mut conn = store.writer();
        conn.restore(
            rusqlite::MAIN_DB,
            staging.join(DB_ENTRY),
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        crate::storage::migrate(&mut conn)?;
        Ok(())
    })();
    if let Err(e) = replaced {
        // The restore itself is one transaction; a failed migration after it is not: put the
        // kept copy back.
        let _ = store.writer().restore(
            rusqlite::MAIN_DB,
            &aside_db,
            None::<fn(rusqlite::backup::Progress)>,
        );
        undo_files();
        return Err(e);
    }
    // Idle readers may hold the old contents' cache: new ones see the restored file.
    store.drop_readers();
    Ok(())
}

/// The audit log's archives are the only copy of the entries they hold, and each has a unique name:
/// the archive's are added where missing; an existing one is never replaced, none is removed.
/// Returns how many were added; one that cannot be moved stays out (the next restore tries again).
fn merge_audit_archives(from: &Path, to: &Path) -> u32 {
    let Ok(entries) = fs::read_dir(from) else {
        return 0;
    };
    let mut added = 0;
    for e in entries.flatten() {
        let target = to.join(e.file_name());
        if target.exists() || !e.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        if files::create_private_dir(to).is_ok() && fs::rename(e.path(), &target).is_ok() {
            added += 1;
        }
    }
    added
}
