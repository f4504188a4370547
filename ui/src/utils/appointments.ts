// 约见 in the core's words (`RULES.appointments`): statuses with the steps each allows, directions,
// sources; and the tag colours, which are the UI's own.
import type { AppointmentDirection, AppointmentSource, AppointmentStatus, AppointmentStep } from '@/api'
import { RULES } from '@/api/rules'
import { labelMap, type TagType } from '@/utils/labels'

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = labelMap(RULES.appointments.statuses)
export const APPOINTMENT_STATUSES: AppointmentStatus[] = RULES.appointments.statuses.map((s) => s.value)

export const APPOINTMENT_STATUS_TAGS: Record<AppointmentStatus, TagType> = {
  pending: 'warning',
  confirmed: 'primary',
  completed: 'success',
  cancelled: 'info',
}

export const APPOINTMENT_STEP_LABELS: Record<AppointmentStep, string> = labelMap(RULES.appointments.steps)

export const DIRECTION_LABELS: Record<AppointmentDirection, string> = labelMap(RULES.appointments.directions)
export const DIRECTIONS: AppointmentDirection[] = RULES.appointments.directions.map((d) => d.value)

export const APPOINTMENT_SOURCE_LABELS: Record<AppointmentSource, string> = labelMap(RULES.appointments.sources)
export const APPOINTMENT_SOURCES: AppointmentSource[] = RULES.appointments.sources.map((s) => s.value)

const rule = (status: AppointmentStatus) => RULES.appointments.statuses.find((s) => s.value === status)

/** The steps the status flow allows in `status`, in the core's order (确认, 完成, 取消). */
export const appointmentSteps = (status: AppointmentStatus): AppointmentStep[] => rule(status)?.steps ?? []

/** Whether an appointment in `status` may still be edited. */
export const appointmentEditable = (status: AppointmentStatus): boolean => rule(status)?.editable ?? false
