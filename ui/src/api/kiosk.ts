// The kiosk window (自助终端). `KioskMode` is the desktop shell's own type (src-tauri/src/kiosk.rs),
// not the core's, so it is written here rather than generated: `app_status` and the login commands
// answer the core's `AppStatus` plus `kiosk` (null in a normal window).
import { call } from './core'
import type {
  AppStatus,
  AppointmentReceipt,
  AppointmentRequestInput,
  DelegationProfiles,
  KioskInfo,
  MessageInput,
  MonthPlan,
  PlanDay,
  PrintOutcome,
  Progress,
  Receipt,
  ScheduleMonth,
  SlipRequest,
  Slot,
} from './types'

export interface KioskMode {
  /** The visitor actor's id, `kiosk:<host name>` (what the audit log names). */
  terminal: string
  /** Seconds without a touch, key or pointer before the kiosk clears its forms and returns home. */
  idle_seconds: number
}

/** What `app_status` and the login commands answer: the core's status, and the kiosk's. */
export type WindowStatus = AppStatus & { kiosk?: KioskMode | null }

/** 关闭自助终端: a logged-in staff member quits the kiosk (its window refuses every other close). */
export const kioskQuit = () => call<void>('kiosk_quit')

// ---- the kiosk's screens: each runs as the kiosk's visitor, without a login (refused in a normal
// window). "Today" is the backend's day (Asia/Shanghai), not the page's clock. ----

/** 工作室简介 and the kiosk's settings (name, intro, hotline, opening hours, idle seconds). */
export const kioskInfo = () => call<KioskInfo>('kiosk_info')

/** 今日接待: today's slots in time order (published months only). */
export const kioskToday = () => call<Slot[]>('kiosk_today')

/** The next reception day after today with its slots (null: none within a year). */
export const kioskNextDutyDay = () => call<PlanDay | null>('kiosk_next_duty_day')

/** 接访安排: the published months, newest first. */
export const kioskPublishedMonths = () => call<ScheduleMonth[]>('kiosk_published_months')

/** A published month's plan (`YYYY-MM`). */
export const kioskMonthPlan = (month: string) => call<MonthPlan>('kiosk_month_plan', { month })

/** 代表风采: the delegates who allow publishing, by delegation; a field is null when not allowed. */
export const kioskDelegateProfiles = () => call<DelegationProfiles[]>('kiosk_delegate_profiles')

/** A public delegate's photo (`thumbnail`: 160 px) as a data URL; null when none may be shown. */
export const kioskDelegatePhoto = (id: string, thumbnail = true) =>
  call<string | null>('kiosk_delegate_photo', { id, thumbnail })

/**
 * 有事找代表: answers the query code, the item's number and the day. Field messages on `name`,
 * `phone`, `category`, `text`, `delegate_id`, `consent`; one message per phone per minute.
 */
export const kioskSubmitMessage = (input: MessageInput) => call<Receipt>('kiosk_submit_message', { input })

/** 约见党代表: the days that may be asked for (`YYYY-MM-DD`, working days, today through 60 days). */
export const kioskRequestDays = () => call<string[]>('kiosk_request_days')

/**
 * 约见党代表: answers the query code and what was asked for. Field messages on `name`, `phone`,
 * `delegate_id`, `date`, `period`, `topic`, `consent`.
 */
export const kioskRequestAppointment = (input: AppointmentRequestInput) =>
  call<AppointmentReceipt>('kiosk_request_appointment', { input })

/** 查询进度: the code (any case, dash or not) and the phone's last 4 digits; one message for any mismatch. */
export const kioskQueryProgress = (code: string, phoneLast4: string) =>
  call<Progress>('kiosk_query_progress', { code, phoneLast4 })

/** 打印回执: the slip (no personal data) opens in the system's PDF viewer to print. */
export const kioskPrintSlip = (request: SlipRequest) => call<PrintOutcome>('kiosk_print_slip', { request })
