//! Excel import (导入) of the roster (党代表名册) and of record cards kept on paper and typed into a
//! sheet: a template to fill in ([`template`]), a preview of every row with its parsed values, its
//! status (新增 / 更新 / 无变化 / 重复) and its errors in Chinese ([`preview`]), and the import itself
//! ([`commit`]): every row in ONE write through the gate (one change record per written row), or
//! nothing at all when any row has an error.
//!
//! The rows are checked by the areas' own rules (`roster::validate::delegate`, the card form's and
//! submit's checks); this module only reads cells, maps columns and matches duplicates:
//! a delegate with the same name and unit as one in the roster is 更新 (its non-empty cells replace
//! the stored values; 无变化 when they are the same), a card with the same delegate, contact date and
//! person as a stored card (or an earlier row) is 重复 and skipped.
//!
//! Staff only ([`Permission::ImportRecords`]: 管理员, 联络员); the roster's rows also need
//! [`Permission::EditRoster`] and the cards' [`Permission::EditCards`], as any write of them.
//! Inputs are bounded in [`sheet`]: file size, row count, cell length, columns.

mod cards;
mod delegates;
pub mod sheet;
mod steps;
mod template;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Permission;
use crate::ctx::Ctx;
use crate::error::{Error, FieldError, Result};
use crate::storage::Store;
use sheet::{SheetRow, Table};
use steps::Steps;

pub use sheet::{MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ROWS};

/// What a sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// 党代表名册.
    Delegates,
    /// 记录卡 (paper cards typed into a sheet).
    Cards,
}

impl ImportKind {
    pub const ALL: [ImportKind; 2] = [ImportKind::Delegates, ImportKind::Cards];

    pub fn label(self) -> &'static str {
        match self {
            ImportKind::Delegates => "党代表名册",
            ImportKind::Cards => "记录卡",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Delegates => "delegates",
            ImportKind::Cards => "cards",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The template's file name.
    pub fn template_name(self) -> &'static str {
        match self {
            ImportKind::Delegates => "党代表名册导入模板.xlsx",
            ImportKind::Cards => "记录卡导入模板.xlsx",
        }
    }

    /// What the rows are written with, besides [`Permission::ImportRecords`].
    fn write_permission(self) -> Permission {
        match self {
            ImportKind::Delegates => Permission::EditRoster,
            ImportKind::Cards => Permission::EditCards,
        }
    }
}

/// What the import does with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    /// 新增: a new delegate or card.
    New,
    /// 更新: a delegate of the roster (same name and unit) whose values change.
    Update,
    /// 无变化: a delegate of the roster with the same values: skipped.
    Unchanged,
    /// 重复: a card already recorded (or an earlier row of the sheet): skipped.
    Duplicate,
    /// 示例行: the template's example row (its first cell starts with 示例): skipped.
    Example,
    /// 有错误: nothing is imported while any row has one.
    Error,
}

impl ImportStatus {
    pub const ALL: [ImportStatus; 6] = [
        ImportStatus::New,
        ImportStatus::Update,
        ImportStatus::Unchanged,
        ImportStatus::Duplicate,
        ImportStatus::Example,
        ImportStatus::Error,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ImportStatus::New => "新增",
            ImportStatus::Update => "更新",
            ImportStatus::Unchanged => "无变化",
            ImportStatus::Duplicate => "重复",
            ImportStatus::Example => "示例行",
            ImportStatus::Error => "有错误",
        }
    }

    fn skipped(self) -> bool {
        matches!(
            self,
            ImportStatus::Unchanged | ImportStatus::Duplicate | ImportStatus::Example
        )
    }
}

/// One error of a row: the column (its Chinese header) and the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowError {
    pub column: String,
    pub message: String,
}

/// One row of the sheet as the import reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportRow {
    /// The row's number in the sheet, as Excel shows it (the header is usually row 1).
    pub row: u32,
    pub status: ImportStatus,
    /// The status in Chinese: 新增, 更新, 无变化, 重复, 示例行, 有错误.
    pub status_label: String,
    /// The key fields, under [`ImportPreview::columns`], as parsed.
    pub cells: Vec<String>,
    /// Which stored record or earlier row it matched (更新, 无变化, 重复), or why it is skipped.
    pub note: String,
    pub errors: Vec<RowError>,
}

/// What importing a sheet would do. Nothing is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    pub kind: ImportKind,
    /// The key fields' headers shown for each row.
    pub columns: Vec<String>,
    pub rows: Vec<ImportRow>,
    pub added: u32,
    pub updated: u32,
    pub skipped: u32,
    /// Rows with an error: while there is one, [`commit`] writes nothing.
    pub error_rows: u32,
    /// Columns of the sheet the import does not know (ignored).
    pub ignored_columns: Vec<String>,
}

impl ImportPreview {
    /// 新增 N，更新 N，跳过 N（, 有错误 N 行）.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "共 {} 行：新增 {}，更新 {}，跳过 {}",
            self.rows.len(),
            self.added,
            self.updated,
            self.skipped
        );
        if self.error_rows > 0 {
            s.push_str(&format!("，有错误 {} 行", self.error_rows));
        }
        s
    }
}

/// A file the user picked for import and its preview (the app's 导入 dialog).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportFile {
    /// The file's name (not its folder).
    pub file_name: String,
    pub preview: ImportPreview,
}

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub kind: ImportKind,
    pub added: u32,
    pub updated: u32,
    pub skipped: u32,
}

impl ImportReport {
    pub fn summary(&self) -> String {
        format!(
            "已导入{}：新增 {}，更新 {}，跳过 {}",
            self.kind.label(),
            self.added,
            self.updated,
            self.skipped
        )
    }
}

// ---- columns ----------------------------------------------------------------------------------

/// One column of a template: `key` is the input field the area's rules name in their errors.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub key: &'static str,
    pub header: &'static str,
    /// Other headers read as this column (an export's, a common variant).
    pub aliases: &'static [&'static str],
    pub width: f64,
    pub required: bool,
    pub example: &'static str,
    /// 填写说明.
    pub hint: &'static str,
}

/// A header as compared: no spaces, no required-marks.
fn header_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊'))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Which sheet column each template column is in; the required ones must be there.
pub(crate) struct ColumnMap {
    index: HashMap<&'static str, usize>,
    columns: &'static [Column],
    pub ignored: Vec<String>,
}

impl ColumnMap {
    fn new(columns: &'static [Column], headers: &[String], kind: ImportKind) -> Result<Self> {
        let mut index = HashMap::new();
        let mut ignored = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            let k = header_key(h);
            if k.is_empty() {
                continue;
            }
            let found = columns.iter().find(|c| {
                header_key(c.header) == k || c.aliases.iter().any(|a| header_key(a) == k)
            });
            match found {
                Some(c) => {
                    index.entry(c.key).or_insert(i);
                }
                None => ignored.push(h.clone()),
            }
        }
        if index.is_empty() {
            return Err(Error::Invalid(format!(
                "第一行不是{}导入模板的列名，请下载模板填写",
                kind.label()
            )));
        }
        let missing: Vec<&str> = columns
            .iter()
            .filter(|c| c.required && !index.contains_key(c.key))
            .map(|c| c.header)
            .collect();
        if !missing.is_empty() {
            return Err(Error::Invalid(format!(
                "表格缺少必填的列：{}。请使用{}导入模板",
                missing.join("、"),
                kind.label()
            )));
        }
        Ok(ColumnMap {
            index,
            columns,
            ignored,
        })
    }

    /// The cell of column `key` in `row` (empty when the column or the cell is absent).
    pub fn get<'r>(&self, row: &'r SheetRow, key: &str) -> &'r str {
        self.index
            .get(key)
            .and_then(|&i| row.cells.get(i))
            .map_or("", String::as_str)
    }

    /// The header shown for an error of field `key` (the template's header).
    pub fn header_of(&self, key: &str) -> String {
        self.columns
            .iter()
            .find(|c| c.key == key)
            .map_or_else(String::new, |c| c.header.to_string())
    }

    /// The header of the sheet's column `i`.
    fn header_at(&self, i: usize) -> String {
        self.index
            .iter()
            .find(|(_, &j)| j == i)
            .map_or_else(String::new, |(k, _)| self.header_of(k))
    }

    /// The example row's mark: its first known cell starts with 示例.
    fn is_example(&self, row: &SheetRow) -> bool {
        let first = self.index.values().min().copied().unwrap_or(0);
        row.cells.get(first).is_some_and(|c| c.starts_with("示例"))
    }
}

/// A row's errors from the areas' own checks: each field error under its column's header.
pub(crate) fn row_errors(map: &ColumnMap, e: Error) -> Vec<RowError> {
    match e {
        Error::Validation(fields) => fields
            .into_iter()
            .map(|FieldError { field, message }| RowError {
                column: map.header_of(&field),
                message,
            })
            .collect(),
        other => vec![RowError {
            column: String::new(),
            message: other.to_string(),
        }],
    }
}

/// What every kind's planning starts with: the example row and over-long cells.
pub(crate) fn pre_check(map: &ColumnMap, row: &SheetRow) -> Option<ImportRow> {
    if map.is_example(row) {
        return Some(ImportRow {
            status_label: String::new(),
            row: row.number,
            status: ImportStatus::Example,
            cells: Vec::new(),
            note: "模板中的示例行，不导入".into(),
            errors: Vec::new(),
        });
    }
    row.overlong.map(|i| ImportRow {
        status_label: String::new(),
        row: row.number,
        status: ImportStatus::Error,
        cells: Vec::new(),
        note: String::new(),
        errors: vec![RowError {
            column: map.header_at(i),
            message: format!("内容过长（超过 {MAX_CELL_CHARS} 字）"),
        }],
    })
}

// ---- the operations ---------------------------------------------------------------------------

fn require(ctx: &Ctx, kind: ImportKind) -> Result<()> {
    ctx.require(Permission::ImportRecords)?;
    ctx.require(kind.write_permission())
}

fn finish_preview(
    kind: ImportKind,
    columns: &[&str],
    mut rows: Vec<ImportRow>,
    ignored: Vec<String>,
) -> ImportPreview {
    for r in &mut rows {
        r.status_label = r.status.label().to_string();
    }
    let count =
        |f: &dyn Fn(ImportStatus) -> bool| rows.iter().filter(|r| f(r.status)).count() as u32;
    ImportPreview {
        kind,
        columns: columns.iter().map(|s| s.to_string()).collect(),
        added: count(&|s| s == ImportStatus::New),
        updated: count(&|s| s == ImportStatus::Update),
        skipped: count(&|s| s.skipped()),
        error_rows: count(&|s| s == ImportStatus::Error),
        rows,
        ignored_columns: ignored,
    }
}

fn read_table(bytes: &[u8]) -> Result<Table> {
    sheet::read(bytes)
}

/// What importing `bytes` (an .xlsx, .xls or .ods file) as `kind` would do: every row with its
/// parsed key fields, its status and its errors. Nothing is written.
pub fn preview(store: &Store, ctx: &Ctx, kind: ImportKind, bytes: &[u8]) -> Result<ImportPreview> {
    preview_with_progress(store, ctx, kind, bytes, &mut |_, _| true)
}

/// [`preview`] reporting the rows checked so far (`done` of `total` rows); `progress` answering
/// `false` stops it with [`Error::Cancelled`].
pub fn preview_with_progress(
    store: &Store,
    ctx: &Ctx,
    kind: ImportKind,
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ImportPreview> {
    require(ctx, kind)?;
    let table = read_table(bytes)?;
    let mut steps = Steps::new(progress, table.rows.len());
    steps.report()?;
    let conn = store.reader()?;
    Ok(match kind {
        ImportKind::Delegates => {
            let p = delegates::plan(&conn, &table, &mut steps)?;
            finish_preview(kind, delegates::KEY_HEADERS, p.rows, p.ignored)
        }
        ImportKind::Cards => {
            let p = cards::plan(&conn, &table, ctx.today, &mut steps)?;
            finish_preview(kind, cards::KEY_HEADERS, p.rows, p.ignored)
        }
    })
}

/// Import `bytes` as `kind`: the sheet is read and matched again inside one write through the gate;
/// when any row has an error nothing is written and the error names the rows
/// ([`Error::Invalid`]: 第 N 行 列：message); otherwise each 新增 and 更新 row is written with its
/// change record (action `import`) and the report counts them.
pub fn commit(store: &Store, ctx: &Ctx, kind: ImportKind, bytes: &[u8]) -> Result<ImportReport> {
    commit_with_progress(store, ctx, kind, bytes, &mut |_, _| true)
}

/// [`commit`] reporting its steps: each row checked, then each row written (`total` grows to the
/// rows plus the rows to write once they are known). `progress` answering `false` stops it with
/// [`Error::Cancelled`] before the transaction commits: nothing is written.
pub fn commit_with_progress(
    store: &Store,
    ctx: &Ctx,
    kind: ImportKind,
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ImportReport> {
    require(ctx, kind)?;
    let table = read_table(bytes)?;
    let mut steps = Steps::new(progress, table.rows.len() * 2);
    steps.report()?;
    store.write(ctx, kind.write_permission(), |tx| {
        ctx.require(Permission::ImportRecords)?;
        let (rows, written) = match kind {
            ImportKind::Delegates => {
                let p = delegates::plan(tx, &table, &mut steps)?;
                refuse_errors(&p.rows)?;
                steps.total = p.rows.len() + p.actions.len();
                let w = delegates::write(tx, p.actions, &mut steps)?;
                (p.rows, w)
            }
            ImportKind::Cards => {
                let p = cards::plan(tx, &table, tx.today(), &mut steps)?;
                refuse_errors(&p.rows)?;
                steps.total = p.rows.len() + p.actions.len();
                let w = cards::write(tx, p.actions, &mut steps)?;
                (p.rows, w)
            }
        };
        // The last question before the commit: 取消 up to here writes nothing.
        steps.done = steps.total;
        steps.report()?;
        let count = |s: ImportStatus| rows.iter().filter(|r| r.status == s).count() as u32;
        debug_assert_eq!(
            written,
            (count(ImportStatus::New) + count(ImportStatus::Update)) as usize
        );
        Ok(ImportReport {
            kind,
            added: count(ImportStatus::New),
            updated: count(ImportStatus::Update),
            skipped: rows.iter().filter(|r| r.status.skipped()).count() as u32,
        })
    })
}

/// How many row errors an error message lists before "等".
const ERRORS_LISTED: usize = 5;

fn refuse_errors(rows: &[ImportRow]) -> Result<()> {
    let bad: Vec<&ImportRow> = rows
        .iter()
        .filter(|r| r.status == ImportStatus::Error)
        .collect();
    if bad.is_empty() {
        return Ok(());
    }
    let listed: Vec<String> = bad
        .iter()
        .flat_map(|r| r.errors.iter().map(move |e| format_error(r.row, e)))
        .take(ERRORS_LISTED)
        .collect();
    Err(Error::Invalid(format!(
        "有 {} 行有错误，未导入任何数据：{}{}",
        bad.len(),
        listed.join("；"),
        if bad.iter().map(|r| r.errors.len()).sum::<usize>() > ERRORS_LISTED {
            " 等"
        } else {
            ""
        }
    )))
}

/// `第 5 行 性别：性别应为“男”或“女”`.
pub fn format_error(row: u32, e: &RowError) -> String {
    if e.column.is_empty() {
        format!("第 {row} 行：{}", e.message)
    } else {
        format!("第 {row} 行 {}：{}", e.column, e.message)
    }
}

/// A write of row `row` failed inside the import's transaction (a rule only the write itself
/// checks): the whole import is refused, naming the row and the column (the header in `columns`
/// of the field that failed).
pub(crate) fn at_row(columns: &[Column], row: u32, e: Error) -> Error {
    let map_header = |field: &str| {
        columns
            .iter()
            .find(|c| c.key == field)
            .map_or_else(String::new, |c| c.header.to_string())
    };
    match e {
        Error::Validation(fields) => Error::Invalid(format!(
            "未导入任何数据：{}",
            fields
                .iter()
                .map(|f| format_error(
                    row,
                    &RowError {
                        column: map_header(&f.field),
                        message: f.message.clone(),
                    }
                ))
                .collect::<Vec<_>>()
                .join("；")
        )),
        Error::Conflict(m) | Error::Invalid(m) | Error::NotFound(m) => {
            Error::Invalid(format!("未导入任何数据：第 {row} 行：{m}"))
        }
        other => other,
    }
}

/// The template workbook for `kind`: the header row, an example row, column widths, lists where
/// a field has fixed values (the delegations for the roster), and a sheet of 填写说明.
pub fn template(store: &Store, ctx: &Ctx, kind: ImportKind) -> Result<Vec<u8>> {
    require(ctx, kind)?;
    match kind {
        ImportKind::Delegates => {
            let mut names: Vec<(i64, String)> =
                crate::storage::roster::list_delegation_summaries(&*store.reader()?)?
                    .into_iter()
                    .map(|g| (g.display_order, g.name))
                    .collect();
            names.sort();
            let names: Vec<String> = names.into_iter().map(|(_, n)| n).collect();
            template::build(kind, delegates::COLUMNS, &delegates::lists(&names))
        }
        ImportKind::Cards => template::build(kind, cards::COLUMNS, &cards::lists()),
    }
}
