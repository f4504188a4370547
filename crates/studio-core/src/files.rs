//! Files the program writes (PDFs, exports, photos, backups' side files) are written so that a crash,
//! a power cut or a full disk leaves either the old file or the new one, never half of one
//! (DESIGN.md, invariant 12): a temporary file in the same folder, flushed to disk, renamed over
//! the target, and the folder flushed so the rename itself survives a power cut.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The prefix of every temporary file this module makes; [`clean_temporaries`] removes leftovers.
pub const TEMP_PREFIX: &str = ".studio-tmp-";

/// A fresh temporary name in `target`'s folder.
pub fn temp_path_for(target: &Path) -> Result<PathBuf> {
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .ok_or_else(|| Error::Invalid(format!("不是文件路径：{}", target.display())))?;
    Ok(dir.join(format!(
        "{TEMP_PREFIX}{}-{}",
        crate::ids::new_id(),
        name.to_string_lossy()
    )))
}

/// Write `bytes` to `target` atomically (see the module's comment).
pub fn write_atomic(target: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(target, |f| f.write_all(bytes))
}

/// Like [`write_atomic`], with the content streamed by `fill`.
pub fn write_atomic_with(
    target: &Path,
    fill: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<()> {
    let tmp = temp_path_for(target)?;
    let result = (|| -> std::io::Result<()> {
        let mut f = private_options().open(&tmp)?;
        fill(&mut f)?;
        f.flush()?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, target)?;
        sync_dir(target.parent())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::Invalid(format!(
            "无法写入 {}：{}",
            target.display(),
            describe_io(&e)
        )));
    }
    Ok(())
}

/// Options that create a new file readable and writable by its owner only (0600 on Unix): what
/// the program writes holds personal data.
fn private_options() -> fs::OpenOptions {
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o
}

/// Create an empty file that only its owner can read (the database before SQLite opens it).
pub fn create_private_file(path: &Path) -> Result<()> {
    match private_options().open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Create a folder (and its parents) that only its owner can enter (0700 on Unix).
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)?;
    Ok(())
}

/// Make an existing file readable by its owner only (0600 on Unix; nothing elsewhere, where the
/// user's profile folder is already private).
pub fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = fs::metadata(path) {
            if meta.permissions().mode() & 0o077 != 0 {
                let mut p = meta.permissions();
                p.set_mode(0o600);
                fs::set_permissions(path, p)?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Put a finished temporary file (written by someone else, e.g. SQLite's backup) in place: flush
/// it, rename it over `target`, flush the folder.
pub fn commit_temp(tmp: &Path, target: &Path) -> Result<()> {
    let done = (|| -> std::io::Result<()> {
        File::open(tmp)?.sync_all()?;
        // A backup made by SQLite gets the umask's mode: make it private before it is in place.
        make_private(tmp).map_err(|e| std::io::Error::other(e.to_string()))?;
        fs::rename(tmp, target)?;
        sync_dir(target.parent())
    })();
    done.map_err(|e| {
        let _ = fs::remove_file(tmp);
        Error::Invalid(format!(
            "无法写入 {}：{}",
            target.display(),
            describe_io(&e)
        ))
    })
}

/// Flush a folder's entry list, so a rename in it survives a power cut (no-op where unsupported).
fn sync_dir(dir: Option<&Path>) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let dir = dir
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// A Chinese reason for the common IO failures a user can act on.
pub fn describe_io(e: &std::io::Error) -> String {
    match e.raw_os_error() {
        Some(28) => "磁盘空间不足".into(),
        Some(13) | Some(1) => "没有写入权限".into(),
        Some(30) => "磁盘为只读".into(),
        Some(27) => "文件超过该磁盘允许的大小".into(),
        _ => match e.kind() {
            std::io::ErrorKind::NotFound => "文件夹不存在".into(),
            std::io::ErrorKind::PermissionDenied => "没有写入权限".into(),
            _ => e.to_string(),
        },
    }
}

/// Remove temporary files a crash left in `dir` (not recursive). Returns how many were removed.
pub fn clean_temporaries(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        fs::write(&target, b"old").unwrap();
        write_atomic(&target, b"new content").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new content");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_removes_the_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        fs::write(&target, b"old").unwrap();
        let err = write_atomic_with(&target, |f| {
            f.write_all(b"half")?;
            Err(std::io::Error::other("boom"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("无法写入"), "{err}");
        assert_eq!(fs::read(&target).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn leftovers_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(format!("{TEMP_PREFIX}x-a.pdf")), b"half").unwrap();
        fs::write(dir.path().join("keep.pdf"), b"whole").unwrap();
        assert_eq!(clean_temporaries(dir.path()), 1);
        assert!(dir.path().join("keep.pdf").exists());
    }
}
