// Labels and steps of 提议 and 活动调研, read from the core's rules (RULES.proposals,
// RULES.activities): nothing here restates them.
import { RULES } from '@/api/rules'
import type {
  ActivityKind,
  ProposalActionKind,
  ProposalEventKind,
  ProposalStatus,
  SurveyLight,
} from '@/api'

const byValue = <T extends string>(list: { value: T; label: string }[]) =>
  Object.fromEntries(list.map((l) => [l.value, l.label])) as Record<T, string>

export const PROPOSAL_STATUS_LABELS = byValue(RULES.proposals.statuses)
export const PROPOSAL_STEP_LABELS = byValue<ProposalActionKind>(RULES.proposals.steps)
export const PROPOSAL_EVENT_LABELS = byValue<ProposalEventKind>(RULES.proposals.event_kinds)
export const PROPOSAL_STATUSES: ProposalStatus[] = RULES.proposals.statuses.map((s) => s.value)
export const ACTIVITY_KIND_LABELS = byValue<ActivityKind>(RULES.activities.kinds)
export const ACTIVITY_KINDS: ActivityKind[] = RULES.activities.kinds.map((k) => k.value)
export const SURVEY_LIGHT_LABELS = byValue<SurveyLight>(RULES.activities.lights)
export const PROPOSAL_LIMITS = RULES.proposals.limits
export const ACTIVITY_LIMITS = RULES.activities.limits

/** The tag colour of a status: done green, declined grey, waiting on units amber, the rest blue. */
export function proposalStatusTag(s: ProposalStatus): 'success' | 'info' | 'warning' | 'primary' {
  if (s === 'closed' || s === 'evaluated') return 'success'
  if (s === 'declined') return 'info'
  if (s === 'referred' || s === 'answered') return 'warning'
  return 'primary'
}

/** Whether a step is the Organization Department's (needs 督办) rather than the delegation's. */
export const isStaffStep = (k: ProposalActionKind) => RULES.proposals.steps.some((s) => s.value === k && s.staff)

export const LIGHT_TAG: Record<SurveyLight, 'success' | 'warning' | 'danger'> = {
  green: 'success',
  amber: 'warning',
  red: 'danger',
}
