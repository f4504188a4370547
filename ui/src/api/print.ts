import { call } from './core'
import type { JobRun } from './jobs'
import type { CardSelection, ExportFormat, ExportOutcome, ExportPurpose, PrintJob, PrintOutcome } from './types'

// ---- 打印 and 导出 ----
// A print job is `{ kind: 'cards', selection }` (filled cards, one or more pages each, in one PDF)
// or `{ kind: 'blank', copies }` (blank cards to fill in by hand). Each is a long job (`run`: its id
// and progress channel, see jobs.ts). Where a file is written, the backend itself asks where, in the
// system's save dialog: the page only suggests a plain file name (`记录卡-张三-2026-05-06.pdf`).

/** The PDF's bytes, to show before printing. */
export const printPreview = (job: PrintJob, run: JobRun) =>
  call<PrintOutcome>('print_preview', { job, jobId: run.jobId, onProgress: run.onProgress })

/** 另存为 PDF: the backend asks where; null when the user closed the save dialog. */
export const printSave = (job: PrintJob, suggestedName: string, run: JobRun) =>
  call<PrintOutcome | null>('print_save', { job, suggestedName, jobId: run.jobId, onProgress: run.onProgress })

/** Open the PDF in the system's default viewer, where the user prints it (打印). */
export const printOpen = (job: PrintJob, run: JobRun) =>
  call<PrintOutcome>('print_open', { job, jobId: run.jobId, onProgress: run.onProgress })

/**
 * 导出: the selected cards as JSON, CSV or an Excel workbook, where the user chooses; null when they
 * closed the dialog. `purpose`: why (recorded in the audit log) and whether phones and addresses are
 * masked; a full export without a reason is refused (`validation` on `reason`) before the dialog.
 */
export const cardsExport = (
  format: ExportFormat,
  selection: CardSelection,
  purpose: ExportPurpose,
  suggestedName: string,
  run: JobRun,
) =>
  call<ExportOutcome | null>('cards_export', {
    format,
    selection,
    purpose,
    suggestedName,
    jobId: run.jobId,
    onProgress: run.onProgress,
  })
