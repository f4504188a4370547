import { call } from './core'
import type {
  Activity,
  ActivityInput,
  ActivityListItem,
  ActivityQuery,
  ActivityRef,
  Page,
  SurveyIndicator,
} from './types'

// ---- 活动调研 (activities) ----

/** One page of activities, newest first (`delegation_id: ''`: the studio's own). */
export const activitiesList = (query: ActivityQuery) => call<Page<ActivityListItem>>('activities_list', { query })

export const activityGet = (id: string) => call<Activity>('activity_get', { id })

/** Field messages under `kind`, `topic`, `start_on`, `end_on`, `units`, `delegate_ids`, `item_ids`. */
export const activityCreate = (input: ActivityInput) => call<Activity>('activity_create', { input })

export const activityUpdate = (id: string, version: number, input: ActivityInput) =>
  call<Activity>('activity_update', { id, version, input })

/** The yearly field-survey light of each delegation this user reaches (工作台). */
export const surveyIndicators = (year: number) => call<SurveyIndicator[]>('survey_indicators', { year })

/** The activities a ledger item was raised at (the item's page). */
export const activitiesOfItem = (itemId: string) => call<ActivityRef[]>('activities_of_item', { itemId })

/** 添加附件: the backend asks for the file in its own dialog; `null`: cancelled. */
export const activityAddAttachment = (id: string, version: number) =>
  call<Activity | null>('activity_add_attachment', { id, version })

export const activityRemoveAttachment = (id: string, version: number, attachmentId: string) =>
  call<Activity>('activity_remove_attachment', { id, version, attachmentId })

/** Opens the attachment with the system's viewer. */
export const activityOpenAttachment = (attachmentId: string) =>
  call<void>('activity_open_attachment', { attachmentId })
