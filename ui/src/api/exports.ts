import { call } from './core'
import type { JobRun } from './jobs'
import type { DatedList, ExportFormat, ExportOutcome, ExportPurpose } from './types'

// ---- 导出 of 党代表名册 and 约见 ----
// Like the card and item exports: the reason (or a masked file) is checked before the backend's save
// dialog; a long job (`run`, see jobs.ts); null when the user closed the dialog.

/** One list's export as ListExportDialog runs it: the format, the period (when the list has one). */
export type ListExporter = (
  format: ExportFormat,
  range: [string, string] | null,
  purpose: ExportPurpose,
  suggestedName: string,
  run: JobRun,
) => Promise<ExportOutcome | null>

/** 导出名册: every delegate's full record (phones, e-mail, biography, pledge). */
export const delegatesExport = (format: ExportFormat, purpose: ExportPurpose, suggestedName: string, run: JobRun) =>
  call<ExportOutcome | null>('delegates_export', {
    format,
    purpose,
    suggestedName,
    jobId: run.jobId,
    onProgress: run.onProgress,
  })

/** 导出约见 dated in [from, to] (both, or neither: all). */
export const appointmentsExport = (
  format: ExportFormat,
  from: string | null,
  to: string | null,
  purpose: ExportPurpose,
  suggestedName: string,
  run: JobRun,
) =>
  call<ExportOutcome | null>('appointments_export', {
    format,
    from,
    to,
    purpose,
    suggestedName,
    jobId: run.jobId,
    onProgress: run.onProgress,
  })

/** 账号 → 导出: every account (never a password); logged. Null when the user closed the dialog. */
export const accountsExport = (format: ExportFormat, suggestedName: string) =>
  call<ExportOutcome | null>('accounts_export', { format, suggestedName })

// ---- 导出 of 工作室动态, 活动调研, 提议 (no personal data: no reason) and 联络员与志愿者 ----

/**
 * 导出工作室动态 (`news`, full texts), 活动调研 (`activities`, held in the period) or 提议
 * (`proposals`, drafted in it) dated in [from, to] (both, or neither: all).
 */
export const datedListExport = (
  list: DatedList,
  format: ExportFormat,
  from: string | null,
  to: string | null,
  suggestedName: string,
  run: JobRun,
) =>
  call<ExportOutcome | null>('dated_list_export', {
    list,
    format,
    from,
    to,
    suggestedName,
    jobId: run.jobId,
    onProgress: run.onProgress,
  })

/** The dated list's export as ListExportDialog runs it (no reason: the purpose is not sent). */
export const datedListExporter =
  (list: DatedList): ListExporter =>
  (format, range, _purpose, suggestedName, run) =>
    datedListExport(list, format, range?.[0] ?? null, range?.[1] ?? null, suggestedName, run)

/** 导出联络员与志愿者: phones are personal data (a reason is logged, or a masked file). */
export const volunteersExport = (format: ExportFormat, purpose: ExportPurpose, suggestedName: string, run: JobRun) =>
  call<ExportOutcome | null>('volunteers_export', {
    format,
    purpose,
    suggestedName,
    jobId: run.jobId,
    onProgress: run.onProgress,
  })
