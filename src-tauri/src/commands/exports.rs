//! 导出 of the lists besides cards and items (those are in `print.rs` and `items.rs`): 党代表名册
//! and 约见 (personal data), and 账号 (the account review; short, so no job). 名册 and 约见 each ask
//! where to save (a native dialog opened here), then read, format and write the file crash-safely
//! as one job (`jobs::export_phases`), reporting each phase to `on_progress`; `job_cancel(job_id)`
//! stops it before the file is written. The purpose is logged and a masked export masks phones
//! (`export_purpose`). `None`: the dialog was closed. 工作室动态, 活动调研 and 提议 hold no personal
//! data (no reason asked); 联络员与志愿者 does (a reason, or a masked file).

use studio_core::export::{self, DatedList, ExportFormat};
use studio_core::export_purpose::{self, ExportPurpose};
use studio_core::printing::ExportOutcome;
use studio_core::{activities, appointments, news, proposals, roster, volunteers, Error};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::jobs::Progress;
use crate::save::FileKind;
use crate::state::{choose_save, AppState};

/// The format, the purpose and the permission, checked before the dialog opens.
fn checked(state: &AppState, format: &str, purpose: &ExportPurpose) -> CmdResult<ExportFormat> {
    let format = ExportFormat::parse(format)
        .ok_or_else(|| Error::Invalid(format!("不支持的导出格式：{format}")))?;
    purpose.checked()?;
    state
        .ctx()?
        .require(studio_core::Permission::ExportPersonalData)?;
    Ok(format)
}

/// 导出名册: every delegate's full record.
#[tauri::command]
pub async fn delegates_export(
    app: AppHandle,
    state: State<'_, AppState>,
    format: String,
    purpose: ExportPurpose,
    suggested_name: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<Option<ExportOutcome>> {
    let format = checked(&state, &format, &purpose)?;
    let Some(path) = choose_save(&app, suggested_name, FileKind::for_export(format)).await? else {
        return Ok(None);
    };
    let job = state.jobs.start(&job_id);
    let mut go_on = job.reporter(on_progress);
    state
        .run(move |s, ctx| {
            let _job = job;
            crate::jobs::export_phases(
                &path,
                &mut go_on,
                || {
                    let list = roster::delegates_for_export(s, ctx)?;
                    export_purpose::record(s, ctx, "delegates:*", list.len(), &purpose)?;
                    Ok(if purpose.masked {
                        export_purpose::mask_delegates(list)
                    } else {
                        list
                    })
                },
                |list| export::export_delegates(list, format),
            )
            .map(Some)
        })
        .await
}

/// 导出约见: the appointments dated in `[from, to]` (both, or neither: all).
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn appointments_export(
    app: AppHandle,
    state: State<'_, AppState>,
    format: String,
    from: Option<String>,
    to: Option<String>,
    purpose: ExportPurpose,
    suggested_name: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<Option<ExportOutcome>> {
    let format = checked(&state, &format, &purpose)?;
    let Some(path) = choose_save(&app, suggested_name, FileKind::for_export(format)).await? else {
        return Ok(None);
    };
    let job = state.jobs.start(&job_id);
    let mut go_on = job.reporter(on_progress);
    state
        .run(move |s, ctx| {
            let _job = job;
            crate::jobs::export_phases(
                &path,
                &mut go_on,
                || {
                    let list = appointments::appointments_for_export(
                        s,
                        ctx,
                        from.as_deref(),
                        to.as_deref(),
                    )?;
                    let target = match (&from, &to) {
                        (Some(f), Some(t)) => format!("appointments:{f}..{t}"),
                        _ => "appointments:*".to_string(),
                    };
                    export_purpose::record(s, ctx, &target, list.len(), &purpose)?;
                    Ok(if purpose.masked {
                        export_purpose::mask_appointments(list)
                    } else {
                        list
                    })
                },
                |list| export::export_appointments(list, format),
            )
            .map(Some)
        })
        .await
}

/// 账号 → 导出: every account (never a password), to a file the person chooses; the number of
/// accounts and where, `None` when the dialog was closed. Short: no job.
#[tauri::command]
pub async fn accounts_export(
    app: AppHandle,
    state: State<'_, AppState>,
    format: String,
    suggested_name: String,
) -> CmdResult<Option<ExportOutcome>> {
    let format = ExportFormat::parse(&format)
        .ok_or_else(|| Error::Invalid(format!("不支持的导出格式：{format}")))?;
    {
        // A refused person is not shown a save dialog.
        let ctx = state.ctx()?;
        if !ctx.may(studio_core::Permission::ReadAudit) {
            ctx.require(studio_core::Permission::ManageAccounts)?;
        }
    }
    let Some(path) = choose_save(&app, suggested_name, FileKind::for_export(format)).await? else {
        return Ok(None);
    };
    state
        .run(move |s, ctx| {
            let list = studio_core::accounts::list_for_export(s, ctx)?;
            let now = studio_core::ids::now_utc();
            let bytes = export::export_accounts(&list, format, &now)?;
            studio_core::files::write_atomic(&path, &bytes)?;
            Ok(Some(ExportOutcome {
                path: path.display().to_string(),
                count: list.len() as u32,
            }))
        })
        .await
}

/// 工作室动态, 活动调研 or 提议 → 导出 (`list`): the posts, activities or proposals dated in
/// `[from, to]` (both, or neither: all). No personal data, so no reason is asked; the core checks
/// `ReadRecords` and the actor's reach.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn dated_list_export(
    app: AppHandle,
    state: State<'_, AppState>,
    list: DatedList,
    format: String,
    from: Option<String>,
    to: Option<String>,
    suggested_name: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<Option<ExportOutcome>> {
    let format = ExportFormat::parse(&format)
        .ok_or_else(|| Error::Invalid(format!("不支持的导出格式：{format}")))?;
    // A refused person is not shown a save dialog.
    state.ctx()?.require(studio_core::Permission::ReadRecords)?;
    let Some(path) = choose_save(&app, suggested_name, FileKind::for_export(format)).await? else {
        return Ok(None);
    };
    let job = state.jobs.start(&job_id);
    let mut go_on = job.reporter(on_progress);
    state
        .run(move |s, ctx| {
            let _job = job;
            let (from, to) = (from.as_deref(), to.as_deref());
            let go_on: &mut dyn FnMut(usize, usize) -> bool = &mut go_on;
            match list {
                DatedList::News => crate::jobs::export_phases(
                    &path,
                    go_on,
                    || news::news_for_export(s, ctx, from, to),
                    |rows| export::export_news(rows, format),
                ),
                DatedList::Activities => crate::jobs::export_phases(
                    &path,
                    go_on,
                    || activities::activities_for_export(s, ctx, from, to),
                    |rows| export::export_activities(rows, format),
                ),
                DatedList::Proposals => crate::jobs::export_phases(
                    &path,
                    go_on,
                    || proposals::proposals_for_export(s, ctx, from, to),
                    |rows| export::export_proposals(rows, format),
                ),
            }
            .map(Some)
        })
        .await
}

/// 联络员与志愿者 → 导出: personal data (phones), so a reason is logged, or the file is masked
/// (then reading the records is enough; a full file needs `ExportPersonalData`).
#[tauri::command]
pub async fn volunteers_export(
    app: AppHandle,
    state: State<'_, AppState>,
    format: String,
    purpose: ExportPurpose,
    suggested_name: String,
    job_id: String,
    on_progress: Channel<Progress>,
) -> CmdResult<Option<ExportOutcome>> {
    let format = ExportFormat::parse(&format)
        .ok_or_else(|| Error::Invalid(format!("不支持的导出格式：{format}")))?;
    purpose.checked()?;
    {
        let ctx = state.ctx()?;
        ctx.require(studio_core::Permission::ReadRecords)?;
        if !purpose.masked {
            ctx.require(studio_core::Permission::ExportPersonalData)?;
        }
    }
    let Some(path) = choose_save(&app, suggested_name, FileKind::for_export(format)).await? else {
        return Ok(None);
    };
    let job = state.jobs.start(&job_id);
    let mut go_on = job.reporter(on_progress);
    state
        .run(move |s, ctx| {
            let _job = job;
            crate::jobs::export_phases(
                &path,
                &mut go_on,
                || {
                    let rows = volunteers::volunteers_for_export(s, ctx, purpose.masked)?;
                    export_purpose::record(s, ctx, "volunteers:*", rows.len(), &purpose)?;
                    Ok(rows)
                },
                |rows| export::export_volunteers(rows, format),
            )
            .map(Some)
        })
        .await
}
