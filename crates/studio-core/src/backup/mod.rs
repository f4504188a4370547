//! Backups that keep everything (设置 → 备份与恢复, `studio backup` / `studio restore`, the automatic
//! daily backup): one zip archive holding the database (an SQLite online backup), every file of the
//! database's files folder (photos, thumbnails, attachments) and `manifest.json` (program and schema
//! version, when, who, each file's size and SHA-256).
//!
//! - `manifest.rs`: the manifest's shape and the archive's entry names;
//! - `archive.rs`: writing an archive (crash-safe, 0600);
//! - `verify.rs`: reading one back into a staging folder, refusing anything that does not check out;
//! - `restore.rs`: keeping the current data aside and putting the archive's data in place;
//! - `schedule.rs`: pure rules of the automatic backup (is one due, file names, what to prune);
//! - `auto.rs`: the automatic backup's settings and status, and one run of it.

mod archive;
pub mod auto;
mod manifest;
mod restore;
pub mod schedule;
mod verify;

pub use archive::{create, BackupSummary};
pub use manifest::{Manifest, ManifestFile, DB_ENTRY, FILES_PREFIX, FORMAT, MANIFEST_ENTRY};
pub use restore::{restore, RestoreReport};
pub use verify::verify;

/// Whether `path` is a plain SQLite database file (the backups made before archives existed).
pub fn is_plain_database(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .map(|()| &head == b"SQLite format 3\0")
        .unwrap_or(false)
}
