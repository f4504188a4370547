import { call } from './core'
import type { CalendarDay, CalendarOverride, OverrideKind } from './types'

// ---- 工作日历 (working-day calendar) ----

/** Every day of the month (1–12), with its kind and whether an override decides it. */
export const calendarMonth = (year: number, month: number) =>
  call<CalendarDay[]>('calendar_month', { year, month })

/** The studio's own corrections, of one year or (null) all. */
export const calendarOverrides = (year: number | null) =>
  call<CalendarOverride[]>('calendar_overrides', { year })

/**
 * Make `date` (YYYY-MM-DD) a working day or a day off; replaces any override of that date. `version`:
 * the day's `version` as the month grid (or the override list) showed it, 0 for a day never overridden.
 */
export const calendarOverrideSet = (date: string, version: number, kind: OverrideKind, note: string) =>
  call<CalendarOverride>('calendar_override_set', { date, version, kind, note })

/** The official calendar (or the weekly rule) applies to `date` again. */
export const calendarOverrideRemove = (date: string, version: number) =>
  call<null>('calendar_override_remove', { date, version })
