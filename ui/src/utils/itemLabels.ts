// Chinese labels of the item ledger (意见台账): the core's words, from `RULES` (generated from
// studio-core, `api/rules.ts`); the tag colours, tabs and sort options are the UI's own.
import type {
  ItemCategory,
  ItemDeadlineState,
  ItemEvent,
  ItemEventKind,
  ItemSort,
  ItemSource,
  ItemStatus,
  ItemView,
  Satisfaction,
} from '@/api'
import { RULES } from '@/api/rules'
import { labelMap, type TagType } from '@/utils/labels'

export const ITEM_CATEGORY_LABELS: Record<ItemCategory, string> = labelMap(RULES.items.categories)
export const ITEM_CATEGORIES: ItemCategory[] = RULES.items.categories.map((c) => c.value)

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = labelMap(RULES.items.statuses)
export const ITEM_STATUSES: ItemStatus[] = RULES.items.statuses.map((s) => s.value)

export const ITEM_STATUS_TAGS: Record<ItemStatus, TagType> = {
  received: 'primary',
  assigned: 'primary',
  in_progress: 'warning',
  answered: 'success',
  fed_back: 'success',
  closed: 'info',
  declined: 'info',
}

export const ITEM_SOURCE_LABELS: Record<ItemSource, string> = labelMap(RULES.items.sources)
export const ITEM_SOURCES: ItemSource[] = RULES.items.sources.map((s) => s.value)

export const SATISFACTION_LABELS: Record<Satisfaction, string> = labelMap(RULES.items.satisfactions)
export const SATISFACTIONS: Satisfaction[] = RULES.items.satisfactions.map((s) => s.value)

/** Whether 回访 with this answer reopens the item (重新办理) instead of closing it. */
export const reopensItem = (s: Satisfaction | '' | null | undefined): boolean =>
  !!s && RULES.items.satisfactions.some((x) => x.value === s && !x.closes)

export const ITEM_EVENT_LABELS: Record<ItemEventKind, string> = labelMap(RULES.items.event_kinds)

/** 限时办结 per category in working days until 设置 → 办理时限 changes it. */
export const DEFAULT_ITEM_DEADLINES = RULES.items.default_deadlines

const DEADLINE_LABELS: Record<ItemDeadlineState, string> = labelMap(RULES.items.deadline_states)

/**
 * A tab of the list: a 督办 view, 全部, or 待分派 (messages from the kiosk and the online studio that
 * have no delegate yet: the list's `unrouted` filter rather than a view).
 */
export type ItemTab = ItemView | 'all' | 'unrouted'

/** The 督办 views as tabs on the list, `null` = 全部. */
export const ITEM_VIEW_TABS: { value: ItemTab; label: string; count: keyof import('@/api').ItemCounts | null }[] = [
  { value: 'all', label: '全部', count: null },
  { value: 'unrouted', label: '待分派', count: 'unrouted' },
  { value: 'open', label: '在办', count: 'open' },
  { value: 'due_soon', label: '即将到期', count: 'due_soon' },
  { value: 'overdue', label: '已逾期', count: 'overdue' },
  { value: 'long_paused', label: '长期待补充', count: 'long_paused' },
  { value: 'paused', label: '待补充', count: 'paused' },
  { value: 'escalated', label: '已上报', count: 'escalated' },
  { value: 'unit_overdue', label: '单位逾期', count: 'unit_overdue' },
]

export const ITEM_SORT_OPTIONS: { value: ItemSort; label: string }[] = [
  { value: 'received_desc', label: '最新受理' },
  { value: 'received_asc', label: '最早受理' },
  { value: 'due_asc', label: '期限最近' },
  { value: 'updated_desc', label: '最近修改' },
]

/** How an item stands against its deadline, as a tag: null when there is nothing to show. */
export function itemDeadlineTag(
  state: ItemDeadlineState,
  daysLeft: number | null,
): { label: string; type: TagType } | null {
  switch (state) {
    case 'on_track':
      return { label: DEADLINE_LABELS.on_track, type: 'info' }
    // Without a count (a list that sends only the state) the state's own word, never "?".
    case 'due_soon':
      if (daysLeft === null) return { label: DEADLINE_LABELS.due_soon, type: 'warning' }
      return { label: daysLeft <= 0 ? '今日到期' : `剩 ${daysLeft} 个工作日`, type: 'warning' }
    case 'overdue':
      if (daysLeft === null) return { label: DEADLINE_LABELS.overdue, type: 'danger' }
      return { label: `逾期 ${Math.abs(daysLeft) || 1} 个工作日`, type: 'danger' }
    case 'paused':
      return { label: DEADLINE_LABELS.paused, type: 'info' }
    case 'met':
      return { label: DEADLINE_LABELS.met, type: 'success' }
    case 'late':
      return { label: DEADLINE_LABELS.late, type: 'danger' }
    default:
      return null
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** The `data` of a timeline entry as short readable phrases (延期 5 个工作日, 办结期限 A → B …). */
export function eventDetails(e: Pick<ItemEvent, 'kind' | 'data'>): string[] {
  const d = (e.data && typeof e.data === 'object' && !Array.isArray(e.data) ? e.data : {}) as Record<string, unknown>
  const out: string[] = []
  if (str(d.unit)) out.push(`承办单位 ${str(d.unit)}`)
  if (e.kind === 'refer' && str(d.due_on)) out.push(`单位办理期限 ${str(d.due_on)}`)
  if (typeof d.days === 'number') {
    out.push(e.kind === 'resume' ? `待补充 ${d.days} 个工作日` : `延期 ${d.days} 个工作日`)
  }
  if (typeof d.satisfaction === 'string' && d.satisfaction in SATISFACTION_LABELS) {
    out.push(`满意度：${SATISFACTION_LABELS[d.satisfaction as Satisfaction]}`)
  }
  if (str(d.due_on_before) || str(d.due_on_after)) {
    out.push(`办结期限 ${str(d.due_on_before) || '—'} → ${str(d.due_on_after) || '—'}`)
  }
  if (typeof d.limit_days === 'number') out.push(`限时 ${d.limit_days} 个工作日`)
  if (str(d.head_name)) out.push(`已通知团长 ${str(d.head_name)}`)
  if (Array.isArray(d.delegates) && d.delegates.every((x) => typeof x === 'string') && d.delegates.length) {
    out.push(`承办党代表 ${(d.delegates as string[]).join('、')}`)
  }
  if (Array.isArray(d.fields) && d.fields.length) out.push(`修改了 ${d.fields.map(str).filter(Boolean).join('、')}`)
  return out
}
