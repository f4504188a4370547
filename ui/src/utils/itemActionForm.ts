// The fields of each step's dialog, their checks (as studio-core words them, with its limits from
// `RULES`) and the ItemAction sent.
import type { ItemAction, Satisfaction } from '@/api'
import { RULES } from '@/api/rules'
import type { ItemActionKind } from './itemActions'

export interface ActionForm {
  unit: string
  due_on: string
  answer: string
  feedback: string
  satisfaction: Satisfaction | ''
  reason: string
  days: number | null
  note: string
  on: string
}

export type ActionField = keyof ActionForm

export const TEXT_MAX = RULES.items.limits.text
export const UNIT_MAX = RULES.items.limits.unit
export const EXTEND_MAX = RULES.items.limits.extend_days.max

export function emptyActionForm(today: string): ActionForm {
  return { unit: '', due_on: '', answer: '', feedback: '', satisfaction: '', reason: '', days: 5, note: '', on: today }
}

/** The fields a step's dialog shows, in order (`on`, the step's day, is always last). */
export const ACTION_FIELDS: Record<ItemActionKind, ActionField[]> = {
  refer: ['unit', 'due_on', 'note', 'on'],
  referral_answer: ['answer', 'on'],
  start: ['note', 'on'],
  answer: ['answer', 'on'],
  feedback: ['feedback', 'on'],
  follow_up: ['satisfaction', 'note', 'on'],
  decline: ['reason', 'on'],
  pause: ['note', 'on'],
  resume: ['note', 'on'],
  extend: ['days', 'reason', 'on'],
  chase: ['note', 'on'],
  escalate: ['note', 'on'],
  note: ['note', 'on'],
}

/** Labels of the texts, per step (the same field reads differently in each). */
export function fieldLabel(kind: ItemActionKind, field: ActionField): string {
  switch (field) {
    case 'unit':
      return '承办单位'
    case 'due_on':
      return '单位办理期限'
    case 'answer':
      return kind === 'referral_answer' ? '承办单位答复' : '答复内容'
    case 'feedback':
      return '反馈情况'
    case 'satisfaction':
      return '满意度'
    case 'reason':
      return kind === 'extend' ? '延期理由' : '不予受理的理由'
    case 'days':
      return '延期天数'
    case 'note':
      return { follow_up: '回访情况', pause: '需补充的内容', resume: '补充情况', chase: '催办情况', escalate: '上报说明', note: '备注', refer: '交办说明', start: '说明' }[kind as string] ?? '说明'
    case 'on':
      return '日期'
  }
}

const len = (s: string) => [...s].length
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** field → message; empty when the step may be sent. */
export function validateActionForm(kind: ItemActionKind, f: ActionForm, today: string): Partial<Record<ActionField, string>> {
  const e: Partial<Record<ActionField, string>> = {}
  const fields = ACTION_FIELDS[kind]
  const required = (field: 'unit' | 'answer' | 'feedback' | 'reason' | 'note', max = TEXT_MAX) => {
    const label = fieldLabel(kind, field)
    const v = f[field].trim()
    if (!v) e[field] = `请填写${label}`
    else if (len(v) > max) e[field] = `${label}不能超过 ${max} 个字`
  }
  if (fields.includes('unit')) {
    required('unit', UNIT_MAX)
    if (!e.unit && /[\u0000-\u001f]/.test(f.unit)) e.unit = '承办单位请写成一行'
  }
  if (fields.includes('due_on')) {
    if (!f.due_on) e.due_on = '请填写承办单位的办理期限'
    else if (!DATE.test(f.due_on)) e.due_on = '办理期限格式应为 YYYY-MM-DD，例如 2025-10-01'
  }
  if (fields.includes('answer')) required('answer')
  if (fields.includes('feedback')) required('feedback')
  if (fields.includes('reason')) required('reason')
  if (fields.includes('satisfaction') && !f.satisfaction) e.satisfaction = '请选择满意度'
  if (fields.includes('days')) {
    const d = f.days
    if (d === null || !Number.isInteger(d) || d < 1 || d > EXTEND_MAX) e.days = `延期天数应在 1 到 ${EXTEND_MAX} 个工作日之间`
  }
  if (fields.includes('note')) {
    if (kind === 'note') required('note')
    else if (len(f.note.trim()) > TEXT_MAX) e.note = `${fieldLabel(kind, 'note')}不能超过 ${TEXT_MAX} 个字`
  }
  if (f.on) {
    if (!DATE.test(f.on)) e.on = '日期格式应为 YYYY-MM-DD，例如 2025-10-01'
    else if (f.on > today) e.on = '日期不能晚于今天'
  }
  return e
}

/** The action to send (texts trimmed; an empty day means today to the backend). */
export function toAction(kind: ItemActionKind, f: ActionForm): ItemAction {
  const on = f.on
  const note = f.note.trim()
  switch (kind) {
    case 'refer':
      return { kind, unit: f.unit.trim(), due_on: f.due_on, note, on }
    case 'referral_answer':
      return { kind, answer: f.answer.trim(), on }
    case 'start':
      return { kind, note, on }
    case 'answer':
      return { kind, answer: f.answer.trim(), on }
    case 'feedback':
      return { kind, feedback: f.feedback.trim(), on }
    case 'follow_up':
      return { kind, satisfaction: f.satisfaction as Satisfaction, note, on }
    case 'decline':
      return { kind, reason: f.reason.trim(), on }
    case 'pause':
      return { kind, note, on }
    case 'resume':
      return { kind, note, on }
    case 'extend':
      return { kind, days: f.days ?? 0, reason: f.reason.trim(), on }
    case 'chase':
      return { kind, note, on }
    case 'escalate':
      return { kind, note, on }
    case 'note':
      return { kind, note, on }
  }
}
