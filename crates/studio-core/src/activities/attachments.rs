//! An activity's attachments: files copied into the data folder (`activities/<activity id>/`,
//! written crash-safely), size-limited, of the kinds a studio keeps (documents, sheets, pictures,
//! PDFs). The file is named by the attachment's id; the row keeps the name it had. The desktop
//! app opens one with the system viewer from [`attachment_path`].

use std::path::{Path, PathBuf};

use super::service::{load_at, not_found, require_organiser, save};
use super::{Activity, Attachment};
use crate::actor::Permission;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::files::{create_private_dir, write_atomic};
use crate::ids::{new_id, now_utc};
use crate::storage::activities as db;
use crate::storage::Store;

/// The largest attachment, in bytes.
pub const ATTACHMENT_MAX_BYTES: usize = 20 * 1024 * 1024;
/// At most this many attachments per activity.
pub const ATTACHMENTS_MAX: usize = 30;
/// The file name as shown, in characters.
pub const FILE_NAME_MAX: usize = 100;
/// The kinds accepted (by extension, lower case).
pub const EXTENSIONS: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "webp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "wps",
];

fn dir(store: &Store, activity_id: &str) -> PathBuf {
    store.files_dir().join("activities").join(activity_id)
}

/// The extension of `name` if it is one accepted, and the name without any folder part.
fn checked_name(name: &str) -> Result<(String, String)> {
    let base = Path::new(name.trim())
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .trim()
        .to_string();
    if base.is_empty() {
        return Err(Error::field("file_name", "请选择要上传的文件"));
    }
    if base.chars().count() > FILE_NAME_MAX {
        return Err(Error::field(
            "file_name",
            format!("文件名不能超过 {FILE_NAME_MAX} 个字"),
        ));
    }
    let ext = Path::new(&base)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !EXTENSIONS.contains(&ext.as_str()) {
        return Err(Error::field(
            "file_name",
            format!("不支持该文件类型，可上传：{}", EXTENSIONS.join("、")),
        ));
    }
    Ok((base, ext))
}

/// Add `bytes` as an attachment named `file_name` to the activity read at `version`. The file is
/// written (temp file, fsync, rename) before the row; a failed write leaves the activity as it was.
pub fn add_attachment(
    store: &Store,
    ctx: &Ctx,
    activity_id: &str,
    version: i64,
    file_name: &str,
    bytes: &[u8],
) -> Result<Activity> {
    ctx.require(Permission::HandleItems)?;
    let (name, ext) = checked_name(file_name)?;
    if bytes.len() > ATTACHMENT_MAX_BYTES {
        return Err(Error::field(
            "file_name",
            format!("附件不能超过 {} MB", ATTACHMENT_MAX_BYTES / 1024 / 1024),
        ));
    }
    if bytes.is_empty() {
        return Err(Error::field("file_name", "该文件是空的"));
    }
    store.write(ctx, Permission::HandleItems, |tx| {
        let before = load_at(tx, activity_id, version)?;
        if before.attachments.len() >= ATTACHMENTS_MAX {
            return Err(Error::Invalid(format!(
                "每个活动最多 {ATTACHMENTS_MAX} 个附件"
            )));
        }
        let att = Attachment {
            id: new_id(),
            file_name: name,
            size: bytes.len() as u64,
            added_at: now_utc(),
            added_by: tx.actor().name.clone(),
        };
        let stored = format!("{}.{ext}", att.id);
        let folder = dir(store, activity_id);
        create_private_dir(&folder)?;
        write_atomic(&folder.join(&stored), bytes)?;
        db::insert_attachment(tx, activity_id, &att, &stored)?;
        let mut after = before.clone();
        after.attachments.push(att);
        save(tx, "add_attachment", &before, &mut after)?;
        db::get(tx, activity_id)?.ok_or_else(not_found)
    })
}

/// Take an attachment off the activity read at `version`. The row is kept (marked removed) and so
/// is the file, for the backup and the change log.
pub fn remove_attachment(
    store: &Store,
    ctx: &Ctx,
    activity_id: &str,
    version: i64,
    attachment_id: &str,
) -> Result<Activity> {
    ctx.require(Permission::HandleItems)?;
    store.write(ctx, Permission::HandleItems, |tx| {
        let before = load_at(tx, activity_id, version)?;
        if !before.attachments.iter().any(|a| a.id == attachment_id) {
            return Err(Error::NotFound("找不到该附件".into()));
        }
        db::remove_attachment(tx, attachment_id, &now_utc())?;
        let mut after = before.clone();
        after.attachments.retain(|a| a.id != attachment_id);
        save(tx, "remove_attachment", &before, &mut after)?;
        db::get(tx, activity_id)?.ok_or_else(not_found)
    })
}

/// Where an attachment's file is, for the system viewer; its activity must be in reach.
pub fn attachment_path(store: &Store, ctx: &Ctx, attachment_id: &str) -> Result<PathBuf> {
    ctx.require(Permission::ReadRecords)?;
    let conn = store.reader()?;
    let (activity_id, stored) = db::attachment_file(&conn, attachment_id)?
        .ok_or_else(|| Error::NotFound("找不到该附件".into()))?;
    let a = db::get(&conn, &activity_id)?.ok_or_else(not_found)?;
    require_organiser(ctx, a.delegation_id.as_deref(), false)?;
    let path = dir(store, &activity_id).join(stored);
    if !path.is_file() {
        return Err(Error::NotFound("附件文件已不存在，请从备份恢复".into()));
    }
    Ok(path)
}
