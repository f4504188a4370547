// The item form's checks, as studio-core's items/validate.rs words them: shown as the user types,
// and the backend's own messages replace them on a rejected save. The limits are the core's (`RULES`).
import type { Item, ItemInput } from '@/api'
import { RULES } from '@/api/rules'

export const ITEM_FORM_FIELDS = [
  'category',
  'source',
  'title',
  'content',
  'person_name',
  'person_phone',
  'person_contact',
  'first_responder',
  'delegate_ids',
  'received_on',
] as const
export type ItemFormField = (typeof ITEM_FORM_FIELDS)[number]

const LIMITS = RULES.items.limits
export const TITLE_MAX = LIMITS.title
export const CONTENT_MAX = LIMITS.content
export const MAX_DELEGATES = LIMITS.delegates

const len = (s: string) => [...s].length
const isMobile = (s: string) => /^1[3-9]\d{9}$/.test(s)
const isOfficePhone = (s: string) =>
  /^(0\d{2,3})-?([1-9]\d{6,7})(-\d{1,6})?$/.test(
    s.replace(/[()（）\s]/g, (c) => (c === ' ' ? '' : '-')).replace(/^-/, '').replace(/--+/g, '-'),
  )
const isEmail = (s: string) => /^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(s)

export function emptyItemInput(today: string, firstResponder: string): ItemInput {
  return {
    category: null,
    source: null,
    title: '',
    content: '',
    person_name: '',
    person_phone: '',
    person_contact: '',
    first_responder: firstResponder,
    delegate_ids: [],
    received_on: today,
    card_id: null,
    person_consent: null,
  }
}

/**
 * The form's input for editing a stored item. `Required` so a field added to `ItemInput` cannot be
 * forgotten here: a field the edit leaves out is saved as its default (the consent as "not asked").
 */
export function inputFromItem(it: Item): Required<ItemInput> {
  return {
    category: it.category,
    source: it.source,
    title: it.title,
    content: it.content,
    person_name: it.person_name,
    person_phone: it.person_phone,
    person_contact: it.person_contact,
    person_consent: it.person_consent,
    first_responder: it.first_responder,
    delegate_ids: it.delegates.map((d) => d.delegate_id),
    received_on: it.received_on,
    card_id: it.card_id,
  }
}

/** field → message for everything wrong with `input` (empty when it may be saved). */
export function validateItemInput(input: ItemInput, today: string): Partial<Record<ItemFormField, string>> {
  const e: Partial<Record<ItemFormField, string>> = {}
  if (!input.category) e.category = '请选择问题类别'
  if (!input.source) e.source = '请选择来源'
  const title = input.title.trim()
  if (!title) e.title = '请填写标题'
  else if (len(title) > TITLE_MAX) e.title = `标题不能超过 ${TITLE_MAX} 个字`
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(title)) e.title = '标题请写成一行'
  const content = input.content.trim()
  if (!content) e.content = '请填写内容'
  else if (len(content) > CONTENT_MAX) e.content = `内容不能超过 ${CONTENT_MAX} 个字`
  if (len(input.person_name.trim()) > LIMITS.person_name) e.person_name = `反映人姓名不能超过 ${LIMITS.person_name} 个字`
  const phone = input.person_phone.replace(/[\s-]/g, '')
  if (phone && !isMobile(phone) && !isOfficePhone(input.person_phone.trim()))
    e.person_phone = '联系电话应为 11 位手机号码或带区号的固定电话，例如 13812345678 或 0536-8785123'
  const contact = input.person_contact.trim()
  if (len(contact) > LIMITS.contact) e.person_contact = `通讯地址或电子邮箱不能超过 ${LIMITS.contact} 个字`
  // eslint-disable-next-line no-control-regex
  else if (contact.includes('@') && /^[\x00-\x7f]*$/.test(contact) && !isEmail(contact))
    e.person_contact = '电子邮箱格式不正确，例如 name@example.edu.cn'
  if (len(input.first_responder.trim()) > LIMITS.first_responder)
    e.first_responder = `首问责任人不能超过 ${LIMITS.first_responder} 个字`
  if (input.delegate_ids.length > MAX_DELEGATES) e.delegate_ids = `承办党代表最多 ${MAX_DELEGATES} 位`
  const r = input.received_on.trim()
  if (r) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r)) e.received_on = '受理日期格式应为 YYYY-MM-DD，例如 2025-10-01'
    else if (r > today) e.received_on = '受理日期不能晚于今天'
    else if (r < '2000-01-01') e.received_on = '受理日期不应早于 2000 年'
  }
  return e
}

/** A title proposed from a card's opinion: its first sentence when short, else the first ~20 characters. */
export function titleFromOpinion(opinion: string, max = 20): string {
  const text = opinion.replace(/\s+/g, ' ').trim()
  const chars = [...text]
  const stop = chars.findIndex((c, i) => i >= 6 && '，。；！？,.;!?'.includes(c))
  if (stop > 0 && stop <= max) return chars.slice(0, stop).join('')
  return chars.slice(0, max).join('')
}
