//! Writing a backup archive: the database copied by SQLite's online backup into a private temporary
//! file (consistent while the app keeps writing), then streamed with every file of the files folder
//! into a zip under a temporary name beside the target, hashed on the way, the manifest last; the
//! finished file is flushed and renamed into place (`files::commit_temp`), mode 0600.

use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::manifest::{
    hex, Manifest, ManifestFile, AUDIT_ARCHIVE_PREFIX, DB_ENTRY, FILES_PREFIX, FORMAT,
    MANIFEST_ENTRY,
};
use crate::actor::Permission;
use crate::audit_log::{self, AuditResult, NewAuditEntry};
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::files;
use crate::storage::Store;

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BackupSummary {
    pub path: String,
    /// Files besides the database: the files folder's (photos, thumbnails, attachments) and the
    /// audit log's archives.
    pub files: u32,
    /// The archive's size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    pub created_at: String,
}

/// Make a backup archive at `out` (which must not exist yet). Logged in the audit log.
pub fn create(store: &Store, ctx: &Ctx, out: &Path) -> Result<BackupSummary> {
    ctx.require(Permission::Maintain)?;
    if out.exists() {
        return Err(Error::Conflict(format!(
            "{} 已存在，请换一个文件名，以免覆盖已有备份",
            out.display()
        )));
    }
    let (manifest, bytes) = write_archive(store, ctx, out)?;
    let summary = BackupSummary {
        path: out.display().to_string(),
        files: manifest.files.len().saturating_sub(1) as u32,
        bytes,
        created_at: manifest.created_at,
    };
    audit_log::record(
        store,
        &NewAuditEntry {
            actor: &ctx.actor,
            area: "database",
            action: "backup",
            target: &out
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            summary: &format!(
                "备份到 {}：数据库和 {} 个文件，{}",
                out.display(),
                summary.files,
                human_size(bytes)
            ),
            result: AuditResult::Ok,
        },
    )?;
    Ok(summary)
}

pub(crate) fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0)
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

/// A private temporary file beside the database (same disk, same privacy), or in the system's
/// temporary folder for a database in memory.
fn db_snapshot_path(store: &Store) -> Result<PathBuf> {
    let dir = match store.path().and_then(Path::parent) {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        Some(_) => PathBuf::from("."),
        None => std::env::temp_dir(),
    };
    files::temp_path_for(&dir.join("backup.db"))
}

fn write_archive(store: &Store, ctx: &Ctx, out: &Path) -> Result<(Manifest, u64)> {
    let snapshot = db_snapshot_path(store)?;
    let tmp = files::temp_path_for(out)?;
    let result = std::thread::scope(|scope| -> Result<(Manifest, u64)> {
        // The database's online backup runs beside the photos going into the zip (it is mostly
        // copying pages; they are mostly hashing).
        let snap = scope.spawn(|| -> Result<u32> {
            files::create_private_file(&snapshot)?;
            store.reader()?.backup(rusqlite::MAIN_DB, &snapshot, None)?;
            // The copy is one self-contained file (no -wal beside it) in the archive.
            let conn = rusqlite::Connection::open(&snapshot)?;
            conn.pragma_update(None, "journal_mode", "DELETE")?;
            Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
        });
        let written = (|| -> Result<_> {
            files::create_private_file(&tmp)?;
            let file = fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(&tmp)
                .map_err(|e| io_err(out, &e))?;
            let mut zip = ZipWriter::new(BufWriter::with_capacity(1 << 20, file));
            let mut listed = Vec::new();
            let audit_archives =
                data_files(&crate::audit_log::archive_dir(store), AUDIT_ARCHIVE_PREFIX)?;
            for (name, path) in data_files(store.files_dir(), FILES_PREFIX)?
                .into_iter()
                .chain(audit_archives)
            {
                listed.push(add_file(&mut zip, &name, &path).map_err(|e| io_err(out, &e))?);
            }
            Ok((zip, listed))
        })();
        let schema_version = snap
            .join()
            .map_err(|_| Error::Invalid("备份数据库时出错".into()))??;
        let (mut zip, mut listed) = written?;
        listed.insert(
            0,
            add_database(&mut zip, &snapshot).map_err(|e| io_err(out, &e))?,
        );
        let manifest = Manifest {
            format: FORMAT.into(),
            app_version: env!("CARGO_PKG_VERSION").into(),
            schema_version,
            created_at: crate::ids::now_utc(),
            created_by: format!("{}（{}）", ctx.actor.name, ctx.actor.id),
            files: listed,
        };
        let json = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| Error::Invalid(format!("无法写入备份清单：{e}")))?;
        let zerr = |e: zip::result::ZipError| io_err(out, &std::io::Error::other(e));
        zip.start_file(
            MANIFEST_ENTRY,
            options(CompressionMethod::Deflated, json.len() as u64),
        )
        .map_err(zerr)?;
        zip.write_all(&json).map_err(|e| io_err(out, &e))?;
        let buf = zip.finish().map_err(zerr)?;
        let file = buf.into_inner().map_err(|e| io_err(out, e.error()))?;
        file.sync_all().map_err(|e| io_err(out, &e))?;
        let bytes = file.metadata().map_err(|e| io_err(out, &e))?.len();
        drop(file);
        files::commit_temp(&tmp, out)?;
        Ok((manifest, bytes))
    });
    let _ = fs::remove_file(&snapshot);
    for side in ["-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(format!("{}{side}", snapshot.display()));
    }
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn io_err(out: &Path, e: &std::io::Error) -> Error {
    Error::Invalid(format!(
        "无法写入备份 {}：{}",
        out.display(),
        files::describe_io(e)
    ))
}

fn options(method: CompressionMethod, size: u64) -> SimpleFileOptions {
    let o = SimpleFileOptions::default()
        .compression_method(method)
        .unix_permissions(0o600)
        .large_file(size >= u64::from(u32::MAX));
    if method == CompressionMethod::Deflated {
        // The fastest level: a database compresses well even so, and a backup at exit must be quick.
        o.compression_level(Some(1))
    } else {
        o
    }
}

/// Copy one file into the archive as it is (photos are already compressed JPEGs), hashing it on the
/// way.
fn add_file<W: Write + std::io::Seek>(
    zip: &mut ZipWriter<W>,
    name: &str,
    path: &Path,
) -> std::io::Result<ManifestFile> {
    let mut f = File::open(path)?;
    let size = f.metadata()?.len();
    zip.start_file(name, options(CompressionMethod::Stored, size))
        .map_err(std::io::Error::other)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut written = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        zip.write_all(&buf[..n])?;
        written += n as u64;
    }
    Ok(ManifestFile {
        path: name.to_string(),
        size: written,
        sha256: hex(&hasher.finalize()),
    })
}

/// The database snapshot, deflated. Its size makes the compression the backup's longest step: a
/// second thread reads and hashes the file while this one compresses and writes.
fn add_database<W: Write + std::io::Seek>(
    zip: &mut ZipWriter<W>,
    path: &Path,
) -> std::io::Result<ManifestFile> {
    const CHUNK: usize = 1 << 20;
    let mut f = File::open(path)?;
    let size = f.metadata()?.len();
    zip.start_file(DB_ENTRY, options(CompressionMethod::Deflated, size))
        .map_err(std::io::Error::other)?;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || -> std::io::Result<(u64, String)> {
            let mut hasher = Sha256::new();
            let mut total = 0u64;
            loop {
                let mut buf = vec![0u8; CHUNK];
                let n = f.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                buf.truncate(n);
                hasher.update(&buf);
                total += n as u64;
                if tx.send(buf).is_err() {
                    // The writer stopped (its error is the one reported).
                    break;
                }
            }
            Ok((total, hex(&hasher.finalize())))
        });
        let mut written = Ok(());
        for chunk in rx.iter() {
            if let Err(e) = zip.write_all(&chunk) {
                written = Err(e);
                break;
            }
        }
        drop(rx);
        let read = reader
            .join()
            .map_err(|_| std::io::Error::other("读取数据库副本时出错"))?;
        written?;
        let (size, sha256) = read?;
        Ok(ManifestFile {
            path: DB_ENTRY.to_string(),
            size,
            sha256,
        })
    })
}

/// Every regular file under `dir`, as `(prefix + path inside, path)`, sorted by name; leftovers of
/// interrupted writes (`files::TEMP_PREFIX`) and symbolic links are not data and are skipped.
pub(crate) fn data_files(dir: &Path, prefix: &str) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    if dir.is_dir() {
        walk(dir, prefix.trim_end_matches('/'), &mut out)?;
    }
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf)>) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(files::TEMP_PREFIX) {
            continue;
        }
        let kind = entry.file_type()?;
        let entry_name = format!("{prefix}/{name}");
        if kind.is_dir() {
            walk(&entry.path(), &entry_name, out)?;
        } else if kind.is_file() {
            out.push((entry_name, entry.path()));
        }
    }
    Ok(())
}
