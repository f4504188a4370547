// 代表回复公开's words: the core's labels of where a consenting message stands (`RULES.studio`), and
// the tag colours, which are the UI's own.
import type { PublicationState } from '@/api'
import { RULES } from '@/api/rules'
import { labelMap, type TagType } from '@/utils/labels'

export const PUBLICATION_STATE_LABELS: Record<PublicationState, string> = labelMap(RULES.studio.publication_states)
export const PUBLICATION_STATES: PublicationState[] = RULES.studio.publication_states.map((s) => s.value)

export const PUBLICATION_STATE_TAGS: Record<PublicationState, TagType> = {
  none: 'info',
  draft: 'warning',
  published: 'success',
  withdrawn: 'danger',
}

export const PUBLIC_QUESTION_MAX = RULES.studio.limits.public_question
export const PUBLIC_ANSWER_MAX = RULES.studio.limits.public_answer
