import { call } from './core'
import type { JobRun } from './jobs'
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
 * A long job (`run`, see `composables/useJob.ts`): the stored deadlines of every open card and item are
 * recomputed in the same write; cancelled, it rejects with code `cancelled` and nothing is changed.
 */
export const calendarOverrideSet = (date: string, version: number, kind: OverrideKind, note: string, run: JobRun) =>
  call<CalendarOverride>('calendar_override_set', {
    date,
    version,
    kind,
    note,
    jobId: run.jobId,
    onProgress: run.onProgress,
  })

/** The official calendar (or the weekly rule) applies to `date` again; a long job like `calendarOverrideSet`. */
export const calendarOverrideRemove = (date: string, version: number, run: JobRun) =>
  call<null>('calendar_override_remove', { date, version, jobId: run.jobId, onProgress: run.onProgress })
