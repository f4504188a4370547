//! 经费: budgets, spending entries (receipts sent as base64, opened in the system viewer), the
//! yearly statement and its files (PDF, Excel) where the user chose.

use base64::Engine;
use studio_core::export;
use studio_core::files::write_atomic;
use studio_core::funds::{
    self, Budget, BudgetInput, Spending, SpendingInput, SpendingPage, SpendingQuery, Statement,
    RECEIPT_MAX_BYTES,
};
use studio_core::printing::{self, ExportOutcome};
use studio_core::Error;
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

#[tauri::command]
pub async fn funds_budgets(state: State<'_, AppState>, year: i32) -> CmdResult<Vec<Budget>> {
    state.run(move |s, ctx| funds::budgets(s, ctx, year)).await
}

#[tauri::command]
pub async fn funds_set_budget(
    state: State<'_, AppState>,
    input: BudgetInput,
    version: i64,
) -> CmdResult<Budget> {
    state
        .run(move |s, ctx| funds::set_budget(s, ctx, &input, version))
        .await
}

#[tauri::command]
pub async fn funds_spendings(
    state: State<'_, AppState>,
    query: SpendingQuery,
) -> CmdResult<SpendingPage> {
    state
        .run(move |s, ctx| funds::list_spendings(s, ctx, &query))
        .await
}

#[tauri::command]
pub async fn funds_spending_create(
    state: State<'_, AppState>,
    input: SpendingInput,
) -> CmdResult<Spending> {
    state
        .run(move |s, ctx| funds::create_spending(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn funds_spending_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: SpendingInput,
) -> CmdResult<Spending> {
    state
        .run(move |s, ctx| funds::update_spending(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn funds_spending_delete(
    state: State<'_, AppState>,
    id: String,
    version: i64,
) -> CmdResult<()> {
    state
        .run(move |s, ctx| funds::delete_spending(s, ctx, &id, version))
        .await
}

const RECEIPT_MAX_BASE64: usize = RECEIPT_MAX_BYTES / 3 * 4 + 8;

#[tauri::command]
pub async fn funds_attach_receipt(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    data_base64: String,
) -> CmdResult<Spending> {
    state
        .run(move |s, ctx| {
            let text = data_base64.trim();
            if text.len() > RECEIPT_MAX_BASE64 {
                return Err(Error::Invalid(format!(
                    "票据文件不能超过 {} MB",
                    RECEIPT_MAX_BYTES / 1024 / 1024
                )));
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text)
                .map_err(|_| Error::Invalid("票据文件无法读取，请重新选择".into()))?;
            funds::attach_receipt(s, ctx, &id, version, &bytes)
        })
        .await
}

/// 查看票据: a copy in the private print folder, opened with the system's viewer.
#[tauri::command]
pub async fn funds_open_receipt(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<()> {
    let dir = state.print_dir.clone();
    let path = state
        .run(move |s, ctx| {
            let (name, bytes) = funds::receipt_bytes(s, ctx, &id)?
                .ok_or_else(|| Error::NotFound("该支出没有票据".into()))?;
            let path = dir.join(name);
            write_atomic(&path, &bytes)?;
            Ok(path)
        })
        .await?;
    super::print::open_in_viewer(&app, &path)
}

#[tauri::command]
pub async fn funds_statement(state: State<'_, AppState>, year: i32) -> CmdResult<Statement> {
    state
        .run(move |s, ctx| funds::statement(s, ctx, year))
        .await
}

/// 导出收支表: `format` is `pdf` or `xlsx`; asks where first. `None`: the user cancelled.
#[tauri::command]
pub async fn funds_statement_save(
    app: AppHandle,
    state: State<'_, AppState>,
    year: i32,
    format: String,
    suggested_name: String,
) -> CmdResult<Option<ExportOutcome>> {
    let kind = match format.as_str() {
        "pdf" => FileKind::Pdf,
        "xlsx" => FileKind::Xlsx,
        other => return Err(Error::Invalid(format!("不支持的格式：{other}")).into()),
    };
    state.ctx()?.require(studio_core::Permission::ManageFunds)?;
    let Some(path) = choose_save(&app, suggested_name, kind).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let statement = funds::statement(s, ctx, year)?;
            let bytes = match kind {
                FileKind::Pdf => printing::funds_pdf(s, ctx, year)?.pdf,
                _ => export::funds::funds_xlsx(&statement)?,
            };
            write_atomic(&path, &bytes)?;
            Ok(Some(ExportOutcome {
                path: path.display().to_string(),
                count: statement.spendings.len() as u32,
            }))
        })
        .await
}
