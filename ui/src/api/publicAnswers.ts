import { call } from './core'
import type { Page, Publication, PublicationForm, PublicationInput, PublicationQuery, PublicationRow } from './types'

// ---- 代表回复公开 (staff: the messages whose writer agreed to publication) ----

/** The consenting messages, latest answer first; `answered_only` and `state` narrow it. */
export const publicAnswersList = (query: PublicationQuery) =>
  call<Page<PublicationRow>>('public_answers_list', { query })

/** The writer's text and the answer beside the public texts; `blocked` says why it cannot go out yet. */
export const publicAnswerForm = (itemId: string) => call<PublicationForm>('public_answer_form', { itemId })

/**
 * Save the public texts (`publish`: and show them on 代表回复). `version` as read (0 before the first
 * save): a stale one is refused (`conflict`); a text holding the writer's name or phone, field errors.
 */
export const publicAnswerSave = (itemId: string, version: number, input: PublicationInput, publish: boolean) =>
  call<Publication>('public_answer_save', { itemId, version, input, publish })

/** Take it off 代表回复 (the texts are kept). */
export const publicAnswerWithdraw = (itemId: string, version: number) =>
  call<Publication>('public_answer_withdraw', { itemId, version })
