// Which steps an item offers: the steps the core's status flow allows in the item's status
// (`RULES.items.statuses`, derived from studio-core's `items::flow`), less those the item itself rules
// out (承办单位答复 before a referral, 上报组织部 a second time). The backend checks again; this only
// keeps buttons away that would be refused.
import type { Item, ItemActionKind, ItemStatus, Permission } from '@/api'
import { RULES } from '@/api/rules'
import { labelMap } from '@/utils/labels'

export type { ItemActionKind }

const ITEM_ACTION_LABELS: Record<ItemActionKind, string> = labelMap(RULES.items.steps)

const STATUS_RULES = new Map(RULES.items.statuses.map((s) => [s.value, s]))
const STEP_RULES = new Map(RULES.items.steps.map((s) => [s.value, s]))

export type ActionSubject = Pick<Item, 'status' | 'paused_since' | 'escalated'> & {
  referral?: Item['referral']
}

/** Whether the item's clock is stopped (待补充): paused, in a status that can be paused. */
export function isPaused(item: Pick<Item, 'status' | 'paused_since'>): boolean {
  const rule = STATUS_RULES.get(item.status)
  return item.paused_since !== null && item.paused_since !== undefined && (rule?.paused_actions.length ?? 0) > 0
}

/**
 * The actions to offer, in the core's order: the flow's steps first (恢复办理 first while paused),
 * then 延期, 催办, 上报组织部, 备注.
 */
export function allowedActions(item: ActionSubject): ItemActionKind[] {
  const rule = STATUS_RULES.get(item.status)
  if (!rule) return []
  const steps = isPaused(item) ? rule.paused_actions : rule.actions
  return steps.filter((k) => {
    const step = STEP_RULES.get(k)
    if (step?.needs_referral && !item.referral) return false
    if (step?.once && item.escalated) return false
    return true
  })
}

/** Whether an item in `status` is still being handled (not closed or declined). */
export const isOpenStatus = (status: ItemStatus): boolean => STATUS_RULES.get(status)?.open ?? false

/** The button text: 交办 on an item already referred reads 改派. */
export function actionLabel(kind: ItemActionKind, item?: Pick<Item, 'status'>): string {
  if (kind === 'refer' && item && item.status === 'assigned') return '改派'
  return ITEM_ACTION_LABELS[kind]
}

/** Steps that cannot be undone: confirmed once more before they are sent. */
export const IRREVERSIBLE: ItemActionKind[] = ['decline', 'follow_up']

/** Secondary steps (shown as plain buttons after the flow's). */
export const SECONDARY: ItemActionKind[] = ['extend', 'chase', 'escalate', 'note']

/**
 * The steps that are 督办 and need `supervise` beyond `handle_items` (the core's `items::act`).
 * RULES does not carry a step's permission yet, so this list mirrors the core; the core refuses
 * these steps to a role without `supervise` in any case.
 */
export const SUPERVISION_STEPS: readonly ItemActionKind[] = ['chase', 'escalate', 'extend', 'decline']

/** The steps of `actions` the logged-in role may take. */
export function permittedActions(actions: ItemActionKind[], can: (p: Permission) => boolean): ItemActionKind[] {
  if (!can('handle_items')) return []
  return can('supervise') ? actions : actions.filter((k) => !SUPERVISION_STEPS.includes(k))
}
