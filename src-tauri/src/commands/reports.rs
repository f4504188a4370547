//! 统计汇总 and 承办单位: the figures for a period, and 导出 Excel / PDF through a native save
//! dialog (the file written crash-safely). No personal data: no reason is asked; reading the
//! records' figures (`ReadRecords`) is what may export them, refused before the dialog otherwise.

use studio_core::export;
use studio_core::files::write_atomic;
use studio_core::printing::{self, ExportOutcome};
use studio_core::reports::{self, DashboardCharts, Period, Summary, UnitsReport};
use studio_core::{Error, Permission};
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

#[tauri::command]
pub async fn reports_summary(state: State<'_, AppState>, period: Period) -> CmdResult<Summary> {
    state
        .run(move |s, ctx| reports::summary(s, ctx, &period))
        .await
}

#[tauri::command]
pub async fn reports_units(state: State<'_, AppState>, period: Period) -> CmdResult<UnitsReport> {
    state
        .run(move |s, ctx| reports::units(s, ctx, &period))
        .await
}

/// 工作台's charts for `period` (one read: items per month, on-time rate, delegations, channels).
#[tauri::command]
pub async fn reports_charts(
    state: State<'_, AppState>,
    period: Period,
) -> CmdResult<DashboardCharts> {
    state
        .run(move |s, ctx| reports::dashboard_charts(s, ctx, &period))
        .await
}

/// 导出 Excel / 导出 PDF of `report` (`summary` or `units`) for `period`: asks where (native
/// dialog), reads, formats, writes. `None`: the user cancelled. `count` is the report's lines.
#[tauri::command]
pub async fn reports_save(
    app: AppHandle,
    state: State<'_, AppState>,
    report: String,
    format: String,
    period: Period,
    suggested_name: String,
) -> CmdResult<Option<ExportOutcome>> {
    let kind = match format.as_str() {
        "xlsx" => FileKind::Xlsx,
        "pdf" => FileKind::Pdf,
        "csv" => FileKind::Csv,
        _ => return Err(Error::Invalid(format!("不支持的导出格式：{format}")).into()),
    };
    if report != "summary" && report != "units" {
        return Err(Error::Invalid(format!("没有这种报表：{report}")).into());
    }
    {
        let ctx = state.ctx()?;
        ctx.require(Permission::ReadRecords)?;
        // A bad period is told before the dialog.
        reports::resolve_period(&ctx, &period)?;
    }
    let Some(path) = choose_save(&app, suggested_name, kind).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let made_on = ctx.today.format("%Y-%m-%d").to_string();
            let (bytes, count) = if report == "summary" {
                let r = reports::summary(s, ctx, &period)?;
                let bytes = match format.as_str() {
                    "xlsx" => export::summary_xlsx(&r)?,
                    "csv" => export::summary_csv(&r),
                    _ => printing::summary_pdf(s, &r, &made_on)?.pdf,
                };
                (bytes, r.rows.len())
            } else {
                let r = reports::units(s, ctx, &period)?;
                let bytes = match format.as_str() {
                    "xlsx" => export::units_xlsx(&r)?,
                    "csv" => export::units_csv(&r),
                    _ => printing::units_pdf(s, &r, &made_on)?.pdf,
                };
                (bytes, r.rows.len())
            };
            write_atomic(&path, &bytes)?;
            Ok(Some(ExportOutcome {
                path: path.display().to_string(),
                count: count as u32,
            }))
        })
        .await
}
