//! `manifest.json`: what an archive holds, so a restore can check every byte before it replaces
//! anything.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The manifest's entry name.
pub const MANIFEST_ENTRY: &str = "manifest.json";
/// The database's entry name.
pub const DB_ENTRY: &str = "studio.db";
/// The files folder's entries are `files/<path inside the folder>`.
pub const FILES_PREFIX: &str = "files/";
/// The audit log's archive files (`audit_log::archive_dir`) are `audit-archive/<name>`.
pub const AUDIT_ARCHIVE_PREFIX: &str = "audit-archive/";
/// What `format` says in our manifests.
pub const FORMAT: &str = "delegate-studio-backup/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Manifest {
    pub format: String,
    /// The program that wrote it (`CARGO_PKG_VERSION`).
    pub app_version: String,
    /// The database's schema version (SQLite `user_version`).
    pub schema_version: u32,
    /// UTC, RFC 3339.
    pub created_at: String,
    /// Who made it: the actor's name and id.
    pub created_by: String,
    /// Every entry but the manifest, the database first.
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ManifestFile {
    /// The entry's name in the archive (`studio.db`, `files/photos/…`).
    pub path: String,
    #[ts(type = "number")]
    pub size: u64,
    /// Lower-case hex SHA-256 of the entry's bytes.
    pub sha256: String,
}

/// Whether an entry name is one we write and may extract: `studio.db`, or `files/` or
/// `audit-archive/` followed by plain relative components (no `..`, no absolute path, no backslash,
/// no empty part).
pub(crate) fn is_safe_entry(name: &str) -> bool {
    if name == DB_ENTRY {
        return true;
    }
    let Some(rest) = name
        .strip_prefix(FILES_PREFIX)
        .or_else(|| name.strip_prefix(AUDIT_ARCHIVE_PREFIX))
    else {
        return false;
    };
    !rest.is_empty()
        && !name.contains('\\')
        && !name.contains('\0')
        && rest
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != ".." && !c.contains(':'))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_entry_names_are_safe() {
        assert!(is_safe_entry("studio.db"));
        assert!(is_safe_entry("files/photos/a.jpg"));
        assert!(is_safe_entry(
            "audit-archive/audit-archive-20260101-x.jsonl"
        ));
        for bad in [
            "files/../studio.db",
            "/etc/passwd",
            "files/",
            "files//a",
            "files\\a",
            "other.txt",
            "files/C:/x",
        ] {
            assert!(!is_safe_entry(bad), "{bad}");
        }
    }
}
