import { call } from './core'
import type {
  ChangeRecord,
  CopyInput,
  CopyReport,
  MonthPlan,
  MonthSummary,
  PlanDay,
  PrintOutcome,
  ScheduleMonth,
  Slot,
  SlotInput,
  SwapInput,
  SwapOutcome,
} from './types'

// ---- 接待安排 (the reception schedule) ----
// Months are `YYYY-MM`, days `YYYY-MM-DD`, times `HH:MM`.

/** A month's plan: its state (published, poster changed, version) and its days with slots. */
export const scheduleMonthPlan = (month: string) => call<MonthPlan>('schedule_month_plan', { month })

export const scheduleMonthState = (month: string) => call<ScheduleMonth>('schedule_month_state', { month })

/** The months that have slots or were published, newest first. */
export const scheduleMonths = () => call<MonthSummary[]>('schedule_months')

/** 今日接待: the slots of `date`, in time order. */
export const scheduleToday = (date: string) => call<Slot[]>('schedule_today', { date })

/** 本周接待: the days with slots from `from` through the sixth day after it. */
export const scheduleWeek = (from: string) => call<PlanDay[]>('schedule_week', { from })

/** The first day on or after `from` with slots (the next reception day), if any within a year. */
export const scheduleNextDay = (from: string) => call<PlanDay | null>('schedule_next_day', { from })

/** 我的接待: the logged-in delegate's slots (empty for an account that is no delegate). */
export const scheduleMyDuty = (from: string, to: string) => call<Slot[]>('schedule_my_duty', { from, to })

export const scheduleSlotHistory = (id: string) => call<ChangeRecord[]>('schedule_slot_history', { id })

export const scheduleMonthHistory = (month: string) => call<ChangeRecord[]>('schedule_month_history', { month })

/**
 * A new slot. Refused with field messages (`date`, `start`, `end`, `place`, `place_note`,
 * `delegate_ids`, `note`): overlaps, leavers, and a day off unless `confirm_non_working`.
 */
export const scheduleSlotCreate = (input: SlotInput) => call<Slot>('schedule_slot_create', { input })

// Each change names the `version` the page read: a stale one answers `conflict`.

export const scheduleSlotUpdate = (id: string, version: number, input: SlotInput) =>
  call<Slot>('schedule_slot_update', { id, version, input })

export const scheduleSlotDelete = (id: string, version: number) => call<void>('schedule_slot_delete', { id, version })

/** 调换: two delegates change places between two slots, in one write. */
export const scheduleSwap = (input: SwapInput) => call<SwapOutcome>('schedule_swap', { input })

/** 复制上月: lays a month's pattern onto another month; answers what was made and what was skipped. */
export const scheduleCopyMonth = (input: CopyInput) => call<CopyReport>('schedule_copy_month', { input })

/** 发布 a month whose state was read at `version` (0: never published). */
export const schedulePublish = (month: string, version: number) =>
  call<ScheduleMonth>('schedule_publish', { month, version })

// ---- the wall poster (A4 landscape) ----

/** The poster's PDF bytes, to show before printing. */
export const schedulePosterPreview = (month: string) => call<PrintOutcome>('schedule_poster_preview', { month })

/**
 * 另存为 PDF: the backend asks where (`suggestedName`: a plain file name); null when the user closed
 * the dialog. Clears the month's 「海报待更新」 mark.
 */
export const schedulePosterSave = (month: string, suggestedName: string) =>
  call<PrintOutcome | null>('schedule_poster_save', { month, suggestedName })

/** 打印: opens the poster in the system's PDF viewer. Clears the month's 「海报待更新」 mark. */
export const schedulePosterOpen = (month: string) => call<PrintOutcome>('schedule_poster_open', { month })
