import { call } from './core'
import type {
  Appointment,
  AppointmentCompletion,
  AppointmentInput,
  AppointmentListItem,
  AppointmentQuery,
  ChangeRecord,
  Page,
} from './types'

// ---- 约见 (appointments) ----

/** One page of appointments; the person's phone comes masked. */
export const appointmentsList = (query: AppointmentQuery) =>
  call<Page<AppointmentListItem>>('appointments_list', { query })

/** One appointment in full (the phone unmasked for roles that read personal data; the opening is logged). */
export const appointmentGet = (id: string) => call<Appointment>('appointment_get', { id })

export const appointmentHistory = (id: string) => call<ChangeRecord[]>('appointment_history', { id })

/** 登记约见 (待确认). Refused with field messages; a clash with the delegate's duty slot is on `start`. */
export const appointmentCreate = (input: AppointmentInput) => call<Appointment>('appointment_create', { input })

// Each change names the `version` the page read: a stale one answers `conflict`; a step the status
// does not allow answers `state`.

export const appointmentUpdate = (id: string, version: number, input: AppointmentInput) =>
  call<Appointment>('appointment_update', { id, version, input })

/** 确认 (待确认 → 已确认). */
export const appointmentConfirm = (id: string, version: number) =>
  call<Appointment>('appointment_confirm', { id, version })

/** 取消 with a reason (required: `validation` on `reason`). */
export const appointmentCancel = (id: string, version: number, reason: string) =>
  call<Appointment>('appointment_cancel', { id, version, reason })

/** 完成 (已确认 → 已完成): answers the appointment and the new draft record card made from it. */
export const appointmentComplete = (id: string, version: number) =>
  call<AppointmentCompletion>('appointment_complete', { id, version })
