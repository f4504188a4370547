import { listen } from '@tauri-apps/api/event'
import type { UnlistenFn } from '@tauri-apps/api/event'
import { call } from './core'
import type { AutoBackupInput, AutoBackupSettings, BackupStatus, BackupSummary, RestoreReport } from './types'

// ---- 设置 → 备份与恢复 ----
// The backend asks where to save the backup, which backup to restore and 自动备份's folder, in the
// system's dialogs: the page never sends a path.

/** 立即备份: an archive (database, photos and files, manifest); null when the user closed the dialog. */
export const dbBackup = (suggestedName: string) => call<BackupSummary | null>('db_backup', { suggestedName })

/**
 * Replace all data with a backup the user picks (checked first; the current data is kept aside).
 * Null when the user closed the dialog. On success the backend also sends `db-restored`.
 */
export const dbRestore = () => call<RestoreReport | null>('db_restore', {})

/** The last backup, 自动备份's settings, and the warning 工作台 shows (folder missing, a failed backup). */
export const backupStatus = () => call<BackupStatus>('backup_status', {})

/** Save 自动备份's switch, daily time and how many to keep (the folder comes from the dialog). */
export const autoBackupSave = (input: AutoBackupInput) => call<AutoBackupSettings>('auto_backup_save', { input })

/** Choose 自动备份's folder in the backend's folder dialog; null when the user closed it. */
export const autoBackupChooseFolder = (version: number) =>
  call<AutoBackupSettings | null>('auto_backup_choose_folder', { version })

/** Run `handler` when the database was restored from a backup (every screen must reload). */
export function onDbRestored(handler: () => void): Promise<UnlistenFn> {
  return listen('db-restored', () => handler())
}
