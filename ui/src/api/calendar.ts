import { call } from './core'
import type { CalendarDay, CalendarOverride, OverrideKind } from './types'

// ---- 工作日历 (working-day calendar) ----

/** Every day of the month (1–12), with its kind and whether an override decides it. */
export const calendarMonth = (year: number, month: number) =>
  call<CalendarDay[]>('calendar_month', { year, month })

/** The studio's own corrections, of one year or (null) all. */
export const calendarOverrides = (year: number | null) =>
  call<CalendarOverride[]>('calendar_overrides', { year })

/** Make `date` (YYYY-MM-DD) a working day or a day off; replaces any override of that date. */
export const calendarOverrideSet = (date: string, kind: OverrideKind, note: string) =>
  call<CalendarOverride>('calendar_override_set', { date, kind, note })

/** The official calendar (or the weekly rule) applies to `date` again. */
export const calendarOverrideRemove = (date: string) => call<null>('calendar_override_remove', { date })
