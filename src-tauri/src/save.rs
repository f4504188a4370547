//! Where files go: only where the user chose in a native dialog that the backend itself opened.
//! The page never sends a path. The chosen path gets the right extension, and the program's own
//! data folder is refused (a save there could overwrite the database or a photo).
//!
//! End-to-end tests cannot drive a native dialog. Builds with the `e2e` feature (the test build,
//! never the release) take the folder from `STUDIO_E2E_SAVE_DIR` instead of asking.

use std::path::{Path, PathBuf};

use studio_core::Error;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::error::CmdResult;

/// The kinds of file the app writes or reads, with their extension and dialog label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Json,
    Csv,
    Xlsx,
    /// A backup archive (`.zip`: database, photos and files, manifest). Opening also offers `.db`,
    /// the plain database backups made before archives.
    Backup,
    /// An activity's attachment (活动附件): opened only, of the kinds the core accepts.
    Attachment,
    /// 打印字体: a TrueType or OpenType font (collections too), opened only.
    Font,
}

impl FileKind {
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Json => "json",
            FileKind::Csv => "csv",
            FileKind::Xlsx => "xlsx",
            FileKind::Backup => "zip",
            FileKind::Attachment => "pdf",
            FileKind::Font => "ttf",
        }
    }

    fn label(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF 文件",
            FileKind::Json => "JSON 文件",
            FileKind::Csv => "CSV 文件",
            FileKind::Xlsx => "Excel 工作簿",
            FileKind::Backup => "党代表工作室备份",
            FileKind::Attachment => "活动附件",
            FileKind::Font => "TrueType 或 OpenType 字体",
        }
    }

    /// What the open dialog offers.
    fn open_extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Backup => &["zip", "db"],
            FileKind::Attachment => studio_core::activities::attachments::EXTENSIONS,
            FileKind::Font => &["ttf", "otf", "ttc", "otc", "TTF", "OTF", "TTC"],
            FileKind::Pdf => &["pdf"],
            FileKind::Json => &["json"],
            FileKind::Csv => &["csv"],
            FileKind::Xlsx => &["xlsx"],
        }
    }

    pub fn for_export(format: studio_core::export::ExportFormat) -> FileKind {
        use studio_core::export::ExportFormat as F;
        match format {
            F::Json => FileKind::Json,
            F::Csv => FileKind::Csv,
            F::Xlsx => FileKind::Xlsx,
        }
    }
}

pub struct SavePaths {
    /// Never a save target: the OS app-data folder, the database's files folder…
    protected_dirs: Vec<PathBuf>,
    /// …and the database itself with its side files, wherever `STUDIO_DB` put it.
    db: Option<PathBuf>,
}

/// A file name every file system accepts.
pub fn safe_file_name(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .take(120)
        .collect();
    let s = s.trim().to_string();
    if s.is_empty() {
        "未命名".into()
    } else {
        s
    }
}

impl SavePaths {
    pub fn new(db: Option<PathBuf>, files_dir: PathBuf, app_data_dir: PathBuf) -> Self {
        SavePaths {
            protected_dirs: vec![app_data_dir, files_dir],
            db,
        }
    }

    /// Ask where to save (`None`: the user cancelled). Blocks: call it on a worker thread.
    pub fn choose_save(
        &self,
        app: &AppHandle,
        suggested: &str,
        kind: FileKind,
    ) -> CmdResult<Option<PathBuf>> {
        let name = ensure_extension(Path::new(&safe_file_name(suggested)), kind);
        let picked = match e2e_dir() {
            Some(dir) => Some(dir.join(&name)),
            None => app
                .dialog()
                .file()
                .set_title("另存为")
                .set_file_name(name.to_string_lossy())
                .add_filter(kind.label(), &[kind.extension()])
                .blocking_save_file()
                .and_then(|p| p.into_path().ok()),
        };
        match picked {
            None => Ok(None),
            Some(p) => Ok(Some(self.check(&p, kind)?)),
        }
    }

    /// Ask for a file to open (`None`: cancelled). Blocks: call it on a worker thread.
    pub fn choose_open(&self, app: &AppHandle, kind: FileKind) -> CmdResult<Option<PathBuf>> {
        if let Some(dir) = e2e_dir() {
            return Ok(std::env::var_os("STUDIO_E2E_OPEN_FILE")
                .map(PathBuf::from)
                .or_else(|| Some(dir.join(format!("open.{}", kind.extension())))));
        }
        Ok(app
            .dialog()
            .file()
            .set_title("选择文件")
            .add_filter(kind.label(), kind.open_extensions())
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()))
    }

    /// Ask for a spreadsheet to import (.xlsx, .xls, .ods; `None`: cancelled). Blocks: call it on
    /// a worker thread. The e2e build takes `STUDIO_E2E_OPEN_FILE`, else `import.xlsx` in its folder.
    pub fn choose_open_sheet(&self, app: &AppHandle) -> CmdResult<Option<PathBuf>> {
        if let Some(dir) = e2e_dir() {
            return Ok(std::env::var_os("STUDIO_E2E_OPEN_FILE")
                .map(PathBuf::from)
                .or_else(|| Some(dir.join("import.xlsx"))));
        }
        Ok(app
            .dialog()
            .file()
            .set_title("选择要导入的表格")
            .add_filter("Excel 或 WPS 表格", &["xlsx", "xls", "ods"])
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()))
    }

    /// Ask for a folder (自动备份's folder; `None`: cancelled). Not the program's own data folder.
    /// Blocks: call it on a worker thread.
    pub fn choose_folder(&self, app: &AppHandle) -> CmdResult<Option<PathBuf>> {
        let picked = match e2e_dir() {
            Some(dir) => Some(dir),
            None => app
                .dialog()
                .file()
                .set_title("选择备份文件夹")
                .blocking_pick_folder()
                .and_then(|p| p.into_path().ok()),
        };
        let Some(folder) = picked else {
            return Ok(None);
        };
        let folder = folder
            .canonicalize()
            .map_err(|_| Error::Invalid(format!("文件夹不存在：{}", folder.display())))?;
        for own in &self.protected_dirs {
            if own.canonicalize().is_ok_and(|own| folder.starts_with(own)) {
                return Err(Error::Invalid(
                    "备份不能放在本程序的数据文件夹，请选择其他位置（最好是另一块磁盘或 U 盘）"
                        .into(),
                )
                .into());
            }
        }
        Ok(Some(folder))
    }

    /// The path to write: with `kind`'s extension, and not inside the program's data folder.
    pub fn check(&self, path: &Path, kind: FileKind) -> CmdResult<PathBuf> {
        let path = ensure_extension(path, kind);
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .ok_or_else(|| Error::Invalid("请选择要保存到的文件夹".into()))?;
        let folder = folder
            .canonicalize()
            .map_err(|_| Error::Invalid(format!("文件夹不存在：{}", folder.display())))?;
        let target = folder.join(path.file_name().unwrap_or_default());
        let refused = || {
            Err(Error::Invalid(
                "不能保存到本程序的数据文件夹，请选择其他位置（如“文档”或“桌面”）".into(),
            )
            .into())
        };
        for own in &self.protected_dirs {
            if own.canonicalize().is_ok_and(|own| folder.starts_with(own)) {
                return refused();
            }
        }
        if let Some(db) = self.db.as_ref().and_then(|d| d.canonicalize().ok()) {
            let name = db
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let t = target.file_name().unwrap_or_default().to_string_lossy();
            if db.parent() == Some(folder.as_path()) && t.starts_with(&name) {
                return refused();
            }
        }
        Ok(target)
    }
}

fn ensure_extension(path: &Path, kind: FileKind) -> PathBuf {
    let ext = kind.extension();
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case(ext) => path.to_path_buf(),
        _ => {
            let mut s = path.as_os_str().to_owned();
            s.push(".");
            s.push(ext);
            PathBuf::from(s)
        }
    }
}

#[cfg(feature = "e2e")]
fn e2e_dir() -> Option<PathBuf> {
    std::env::var_os("STUDIO_E2E_SAVE_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

#[cfg(not(feature = "e2e"))]
fn e2e_dir() -> Option<PathBuf> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_is_enforced_and_the_data_folder_refused() {
        let data = tempfile_dir("data");
        let files = data.join("studio.files");
        std::fs::create_dir_all(&files).unwrap();
        let out = tempfile_dir("out");
        let db = out.join("studio.db");
        std::fs::write(&db, b"").unwrap();
        let s = SavePaths::new(Some(db.clone()), files.clone(), data.clone());
        assert_eq!(
            s.check(&out.join("卡"), FileKind::Pdf).unwrap(),
            out.canonicalize().unwrap().join("卡.pdf")
        );
        assert_eq!(
            s.check(&out.join("x.txt"), FileKind::Xlsx)
                .unwrap()
                .file_name()
                .unwrap(),
            "x.txt.xlsx"
        );
        assert_eq!(
            s.check(&out.join("a.PDF"), FileKind::Pdf)
                .unwrap()
                .file_name()
                .unwrap(),
            "a.PDF"
        );
        for bad in [
            data.join("x.pdf"),
            files.join("photos.pdf"),
            out.join("studio.db.pdf"),
        ] {
            let e = s.check(&bad, FileKind::Pdf).unwrap_err();
            assert!(e.payload().message.contains("数据文件夹"), "{bad:?}");
        }
        assert!(s
            .check(&out.join("no/such/dir/a.pdf"), FileKind::Pdf)
            .is_err());
        assert_eq!(safe_file_name("记录卡/张三:1"), "记录卡-张三-1");
    }

    fn tempfile_dir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("studio-save-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
