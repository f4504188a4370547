import { listen } from '@tauri-apps/api/event'
import type { UnlistenFn } from '@tauri-apps/api/event'
import { call } from './core'
import type { CheckReport } from './types'

// ---- 设置 → 备份与恢复 ----
// The backend asks where to save the backup and which backup to restore, in the system's dialogs.

/** A consistent copy of the database; the path it was written to, or null when the user closed the dialog. */
export const dbBackup = (suggestedName: string) => call<string | null>('db_backup', { suggestedName })

/**
 * Replace all data with a backup the user picks (checked first; the current data is kept aside).
 * Null when the user closed the dialog. On success the backend also sends `db-restored`.
 */
export const dbRestore = () => call<CheckReport | null>('db_restore', {})

/** Run `handler` when the database was restored from a backup (every screen must reload). */
export function onDbRestored(handler: () => void): Promise<UnlistenFn> {
  return listen('db-restored', () => handler())
}
