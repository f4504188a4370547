import { call } from './core'
import type { Page, Volunteer, VolunteerInput, VolunteerListItem, VolunteerQuery } from './types'

// ---- 联络员与志愿者 ----

/** The registry, contacts masked. */
export const volunteersList = (query: VolunteerQuery) => call<Page<VolunteerListItem>>('volunteers_list', { query })

/** The full record with the contact (logged). */
export const volunteerGet = (id: string) => call<Volunteer>('volunteer_get', { id })

/** Refused with field messages (`name`, `unit`, `contact`, `political_status`, `role`, `since`, `until`, `notes`). */
export const volunteerCreate = (input: VolunteerInput) => call<Volunteer>('volunteer_create', { input })

export const volunteerUpdate = (id: string, version: number, input: VolunteerInput) =>
  call<Volunteer>('volunteer_update', { id, version, input })

export const volunteerDelete = (id: string, version: number) => call<void>('volunteer_delete', { id, version })

/** The liaison officers serving today: who may be named on a duty slot (值班联络员). */
export const volunteersLiaisons = () => call<VolunteerListItem[]>('volunteers_liaisons')
