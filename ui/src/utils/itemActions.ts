// Which steps an item offers, by the status flow of studio-core's `items::flow` (the backend checks
// again; this only keeps buttons away that would be refused).
import type { Item, ItemAction, ItemStatus } from '@/api'

export type ItemActionKind = ItemAction['kind']

export const ITEM_ACTION_LABELS: Record<ItemActionKind, string> = {
  refer: '交办',
  referral_answer: '承办单位答复',
  start: '开始办理',
  answer: '答复',
  feedback: '反馈',
  follow_up: '回访',
  decline: '不予受理',
  pause: '待补充',
  resume: '恢复办理',
  extend: '延期',
  chase: '催办',
  escalate: '上报组织部',
  note: '备注',
}

/** The steps of the flow proper, per status, while the clock runs (studio-core items/flow.rs). */
const FLOW: Record<ItemStatus, ItemActionKind[]> = {
  received: ['refer', 'start', 'answer', 'pause', 'decline'],
  assigned: ['refer', 'referral_answer', 'start', 'answer', 'pause', 'decline'],
  in_progress: ['refer', 'referral_answer', 'answer', 'pause'],
  answered: ['feedback', 'referral_answer'],
  fed_back: ['follow_up', 'referral_answer'],
  closed: [],
  declined: [],
}

/** Statuses before the answer: the deadline still runs, so 延期 makes sense. */
const BEFORE_ANSWER: ItemStatus[] = ['received', 'assigned', 'in_progress']

export type ActionSubject = Pick<Item, 'status' | 'paused_since' | 'escalated'> & {
  referral?: Item['referral']
}

/**
 * The actions to offer, in button order: the flow's steps first, then 延期, 催办, 上报组织部, 备注.
 * While 待补充 (paused) the clock is stopped: 恢复办理 replaces 交办 / 开始办理 / 答复 / 延期 / 待补充;
 * 承办单位答复 and 不予受理 stay (the backend allows them). 承办单位答复 needs a referral; 上报组织部
 * is offered once.
 */
export function allowedActions(item: ActionSubject): ItemActionKind[] {
  const open = item.status !== 'closed' && item.status !== 'declined'
  if (!open) return ['note']
  const paused = item.paused_since !== null && item.paused_since !== undefined && BEFORE_ANSWER.includes(item.status)
  let flow: ItemActionKind[] = paused
    ? ['resume', ...FLOW[item.status].filter((k) => k === 'referral_answer' || k === 'decline')]
    : [...FLOW[item.status]]
  if (!item.referral) flow = flow.filter((k) => k !== 'referral_answer')
  const out = [...flow]
  if (!paused && BEFORE_ANSWER.includes(item.status)) out.push('extend')
  out.push('chase')
  if (!item.escalated) out.push('escalate')
  out.push('note')
  return out
}

/** The button text: 交办 on an item already referred reads 改派. */
export function actionLabel(kind: ItemActionKind, item?: Pick<Item, 'status'>): string {
  if (kind === 'refer' && item && item.status === 'assigned') return '改派'
  return ITEM_ACTION_LABELS[kind]
}

/** Steps that cannot be undone: confirmed once more before they are sent. */
export const IRREVERSIBLE: ItemActionKind[] = ['decline', 'follow_up']

/** Secondary steps (shown as plain buttons after the flow's). */
export const SECONDARY: ItemActionKind[] = ['extend', 'chase', 'escalate', 'note']
