import { call } from './core'
import type { CardSelection, ExportFormat, ExportOutcome, PrintJob, PrintOutcome } from './types'

// ---- 打印 and 导出 ----
// A print job is `{ kind: 'cards', selection }` (filled cards, one or more pages each, in one PDF)
// or `{ kind: 'blank', copies }` (blank cards to fill in by hand).

/** The PDF's bytes, to show before printing. */
export const printPreview = (job: PrintJob) => call<PrintOutcome>('print_preview', { job })

/** Write the PDF to `path` (from the save dialog). */
export const printSave = (job: PrintJob, path: string) => call<PrintOutcome>('print_save', { job, path })

/** Open the PDF in the system's default viewer, where the user prints it (打印). */
export const printOpen = (job: PrintJob) => call<PrintOutcome>('print_open', { job })

/** 导出: write the selected cards to `path` as JSON, CSV or an Excel workbook. */
export const cardsExport = (format: ExportFormat, selection: CardSelection, path: string) =>
  call<ExportOutcome>('cards_export', { format, selection, path })
