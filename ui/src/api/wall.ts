import { call } from './core'
import type { PrintOutcome, WallDocInput, WallDocView, WallKind } from './types'

// ---- 上墙制度 (wall documents) ----

/** The seven documents, filled from the data and rendered. */
export const wallList = () => call<WallDocView[]>('wall_list')

export const wallGet = (kind: WallKind) => call<WallDocView>('wall_get', { kind })

/** What an unsaved template shows (placeholders filled, Markdown rendered safely). */
export const wallPreview = (kind: WallKind, input: WallDocInput) => call<WallDocView>('wall_preview', { kind, input })

/** The administrator saves a template; a stale `version` answers `conflict`. */
export const wallUpdate = (kind: WallKind, version: number, input: WallDocInput) =>
  call<WallDocView>('wall_update', { kind, version, input })

/** The poster as PDF bytes (base64) for the preview. */
export const wallPdfPreview = (kind: WallKind) => call<PrintOutcome>('wall_pdf_preview', { kind })

/** 另存为 PDF in a native dialog; `null` when cancelled. */
export const wallPdfSave = (kind: WallKind, suggestedName: string) =>
  call<PrintOutcome | null>('wall_pdf_save', { kind, suggestedName })

/** 打印: opens the poster in the system's PDF viewer. */
export const wallPdfOpen = (kind: WallKind) => call<PrintOutcome>('wall_pdf_open', { kind })
