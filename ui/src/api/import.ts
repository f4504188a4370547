import { call } from './core'
import type { JobRun } from './jobs'
import type { ImportFile, ImportKind, ImportReport } from './types'

// ---- 导入 (Excel import of the roster and of paper cards) ----
// The backend opens the file dialog, reads and previews the sheet, and keeps the file until 确认导入
// or until the dialog is closed: the page never sends a path or the file's bytes.

/**
 * Pick a sheet (.xlsx, .xls, .ods) and preview it, reporting the rows checked (a long job, `run`);
 * null when the user closed the dialog.
 */
export const importPick = (kind: ImportKind, run: JobRun) =>
  call<ImportFile | null>('import_pick', { kind, jobId: run.jobId, onProgress: run.onProgress })

/**
 * Import the picked sheet in one transaction, reporting the rows checked and written (`run`); refused
 * (nothing written) while any row has an error; cancelled before the commit, nothing is written.
 */
export const importCommit = (kind: ImportKind, run: JobRun) =>
  call<ImportReport>('import_commit', { kind, jobId: run.jobId, onProgress: run.onProgress })

/** Forget the picked file. */
export const importClear = () => call<null>('import_clear', {})

/** Save the template where the user chooses; the path, or null when they cancelled. */
export const importTemplate = (kind: ImportKind) => call<string | null>('import_template', { kind })
