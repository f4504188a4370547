//! 设置 → 打印字体: the font every document is printed in. The shipped Noto Serif SC is the
//! default; an administrator may choose any TrueType or OpenType CJK font file (`.ttf`, `.otf`,
//! `.ttc`, `.otc`; a university's own 宋体 or 仿宋). The file is checked (it parses, and it draws
//! every character of the printed forms), copied crash-safely into the files folder's `fonts/`
//! under a new name, and its name is recorded in the settings through the write gate (an audit
//! line). Going back to the default records an empty name; the copied file stays on disk for the
//! backups and the change log.
//!
//! [`printer`] is what every print job uses: the shipped printer, or the chosen font's, parsed
//! once per process and kept (a font file is 5–20 MB; one is kept per distinct file printed with,
//! so choosing fonts back and forth in one session keeps each in memory until the app exits).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use studio_print::CardPrinter;
use ts_rs::TS;

use crate::actor::Permission;
use crate::audit::Entity;
use crate::error::{Error, Result};
use crate::ids::new_id;
use crate::storage::{settings as db, Store};
use crate::Ctx;

/// The settings key holding the chosen font's file name in `fonts/` ("" or absent: the default).
const KEY: &str = "print_font";
/// The chosen font's name as the administrator saw it (its family name, or the file's name).
const NAME_KEY: &str = "print_font_name";
/// Larger files are refused: the biggest CJK fonts (full 宋体 with Ext-B) are about 40 MB.
pub const FONT_MAX_BYTES: usize = 64 * 1024 * 1024;
/// The shipped font's name, as 设置 shows it.
pub const DEFAULT_FONT_NAME: &str = "思源宋体 Noto Serif SC（内置）";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PrintFont {
    /// What 设置 shows: the font's family name, or the shipped font's.
    pub name: String,
    /// True for the shipped Noto Serif SC.
    pub is_default: bool,
    /// The copied file's name in the files folder's `fonts/`, when a font was chosen.
    pub file: Option<String>,
}

fn fonts_dir(store: &Store) -> PathBuf {
    store.files_dir().join("fonts")
}

/// The font documents are printed in now. Any actor that may print may ask.
pub fn current(store: &Store) -> Result<PrintFont> {
    let conn = store.reader()?;
    let file = db::get(&conn, KEY)?.filter(|f| !f.is_empty());
    Ok(match file {
        None => PrintFont {
            name: DEFAULT_FONT_NAME.into(),
            is_default: true,
            file: None,
        },
        Some(file) => PrintFont {
            name: db::get(&conn, NAME_KEY)?.unwrap_or_else(|| file.clone()),
            is_default: false,
            file: Some(file),
        },
    })
}

/// The printer of the font chosen in 设置 (the shipped one by default).
pub fn printer(store: &Store) -> Result<&'static CardPrinter> {
    match current(store)?.file {
        None => CardPrinter::shared().map_err(super::print_error),
        Some(file) => load(&fonts_dir(store).join(&file)).map_err(|e| match e {
            Error::NotFound(_) => Error::Invalid(format!(
                "打印字体文件 {file} 不见了：请在 设置 → 打印字体 中重新选择字体，或恢复默认字体"
            )),
            e => e,
        }),
    }
}

/// Printers of chosen fonts, by file: parsed once, kept for the process (see the module).
fn load(path: &std::path::Path) -> Result<&'static CardPrinter> {
    static CACHE: Mutex<Option<HashMap<PathBuf, &'static CardPrinter>>> = Mutex::new(None);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(printer) = cache.get_or_insert_with(HashMap::new).get(path) {
        return Ok(printer);
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::NotFound(path.display().to_string()))
        }
        Err(e) => return Err(e.into()),
    };
    let printer: &'static CardPrinter = Box::leak(Box::new(parse(bytes)?));
    cache
        .get_or_insert_with(HashMap::new)
        .insert(path.to_path_buf(), printer);
    Ok(printer)
}

/// A printer for `bytes`, kept for the process (the font's tables borrow the bytes).
fn parse(bytes: Vec<u8>) -> Result<CardPrinter> {
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    CardPrinter::with_font(bytes, 0).map_err(|e| Error::Invalid(format!("无法使用该字体文件：{e}")))
}

/// The file's kind from its first bytes: TrueType (`00 01 00 00`, `true`), OpenType/CFF
/// (`OTTO`), or a collection (`ttcf`, first face used). WOFF and anything else are refused.
fn font_extension(bytes: &[u8]) -> Option<&'static str> {
    match bytes.get(..4)? {
        [0, 1, 0, 0] | b"true" => Some("ttf"),
        b"OTTO" => Some("otf"),
        b"ttcf" => Some("ttc"),
        _ => None,
    }
}

/// Choose `bytes` (a font file the administrator picked; `file_name` is its name, for 设置) as
/// the print font. Refused, with nothing written: not TrueType/OpenType, over
/// [`FONT_MAX_BYTES`], unreadable, or lacking a character of the printed forms (named).
pub fn choose(store: &Store, ctx: &Ctx, file_name: &str, bytes: Vec<u8>) -> Result<PrintFont> {
    ctx.require(Permission::EditSettings)?;
    if bytes.len() > FONT_MAX_BYTES {
        return Err(Error::Invalid(format!(
            "字体文件不能超过 {} MB",
            FONT_MAX_BYTES / 1024 / 1024
        )));
    }
    let ext = font_extension(&bytes).ok_or_else(|| {
        Error::Invalid("请选择 TrueType 或 OpenType 字体文件（.ttf、.otf、.ttc）".into())
    })?;
    let copy = bytes.clone();
    let printer = parse(bytes)?;
    let family = printer.font().family_name();
    let missing = printer.missing_form_chars().map_err(super::print_error)?;
    if !missing.is_empty() {
        let chars: String = missing.iter().take(40).collect();
        return Err(Error::Invalid(format!(
            "该字体缺少打印表格所需的 {} 个字符：{chars}。请选择一款中文字体（如宋体、仿宋）",
            missing.len()
        )));
    }
    let dir = fonts_dir(store);
    crate::files::create_private_dir(&dir)?;
    let file = format!("{}.{ext}", new_id());
    crate::files::write_atomic(&dir.join(&file), &copy)?;
    let name = family.unwrap_or_else(|| file_name.chars().take(80).collect());
    record(store, ctx, Some(&file), &name)
}

/// Go back to the shipped Noto Serif SC.
pub fn use_default(store: &Store, ctx: &Ctx) -> Result<PrintFont> {
    ctx.require(Permission::EditSettings)?;
    record(store, ctx, None, "")
}

fn record(store: &Store, ctx: &Ctx, file: Option<&str>, name: &str) -> Result<PrintFont> {
    let before = current(store)?;
    let after = match file {
        None => PrintFont {
            name: DEFAULT_FONT_NAME.into(),
            is_default: true,
            file: None,
        },
        Some(f) => PrintFont {
            name: name.into(),
            is_default: false,
            file: Some(f.into()),
        },
    };
    store.write(ctx, Permission::EditSettings, |tx| {
        db::set(tx, KEY, file.unwrap_or(""))?;
        db::set(tx, NAME_KEY, name)?;
        tx.record(
            Entity::Settings,
            "print_font",
            "print_font",
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })
}
