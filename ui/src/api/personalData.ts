// 个人信息 (个人信息保护法): what the studio holds about a private person (a card's 联系对象, an item's
// 反映人), a copy for them, and erasure on request. The core checks the permissions and logs each one.
import { call } from './core'
import type { ErasureReport, PersonRecords } from './types'

/** Who is asked about: the name as written on cards and items, and optionally their phone. */
export interface PersonQuery {
  name: string
  /** Narrows to the records with this phone; empty or null: every record under the name. */
  phone?: string | null
}

const who = (q: PersonQuery) => ({ name: q.name.trim(), phone: q.phone?.trim() || null })

/** Their cards and items in full (personal data unmasked); needs 查看个人信息, and is logged. */
export const personFind = (q: PersonQuery) => call<PersonRecords>('person_find', who(q))

/**
 * A copy for the person (JSON: cards with their corrections, items with their timelines) where the
 * user chooses in the system's save dialog; the path written, or null when the dialog was closed.
 * Needs 导出个人信息 and a reason, which the audit log records.
 */
export const personCopy = (q: PersonQuery, reason: string, suggestedName: string) =>
  call<string | null>('person_copy', { ...who(q), reason, suggestedName })

/**
 * Erase the person's identifying fields everywhere (cards, items, timelines, history, the audit log's
 * copies, search indexes); the facts and figures stay. Administrators only; logged; cannot be undone.
 */
export const personErase = (q: PersonQuery, reason: string) =>
  call<ErasureReport>('person_erase', { ...who(q), reason })
