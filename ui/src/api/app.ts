import { call } from './core'
import type { WindowStatus } from './kiosk'
import type { AppStatus, ChangeRecord, Settings } from './types'

export const appStatus = () => call<WindowStatus>('app_status')

/** First start: fill the empty database with the demo roster. */
export const setupLoadDemo = () => call<AppStatus>('setup_load_demo')

/** First start: remember that the user starts with an empty roster. */
export const setupStartBlank = () => call<AppStatus>('setup_start_blank')

export const settingsGet = () => call<Settings>('settings_get')

/** Saves what was edited from `input.version`; a stale version answers `conflict`. */
export const settingsSave = (input: Settings) => call<Settings>('settings_save', { input })

/** Newest first. */
export const auditRecent = (limit: number) => call<ChangeRecord[]>('audit_recent', { limit })

/**
 * A timing mark for the start-up benchmark (scripts/bench/app-startup.sh). The backend prints it
 * only when started with STUDIO_TRACE=1; otherwise it does nothing.
 */
export const appMark = (label: string) => call<void>('app_mark', { label })
