// Chinese labels of the item ledger (意见台账): the same words as studio-core's `label()`s.
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
import type { TagType } from '@/utils/labels'

export const ITEM_CATEGORY_LABELS: Record<ItemCategory, string> = {
  policy_inquiry: '政策咨询',
  implementation: '贯彻落实反映',
  party_building: '党建意见建议',
  public_opinion: '重大民意反映',
  rights: '民主权利受侵害',
  hardship: '困难帮扶请求',
}
export const ITEM_CATEGORIES = Object.keys(ITEM_CATEGORY_LABELS) as ItemCategory[]

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  received: '受理',
  assigned: '交办',
  in_progress: '办理中',
  answered: '已答复',
  fed_back: '已反馈',
  closed: '办结',
  declined: '不予受理',
}
export const ITEM_STATUSES = Object.keys(ITEM_STATUS_LABELS) as ItemStatus[]

export const ITEM_STATUS_TAGS: Record<ItemStatus, TagType> = {
  received: 'primary',
  assigned: 'primary',
  in_progress: 'warning',
  answered: 'success',
  fed_back: 'success',
  closed: 'info',
  declined: 'info',
}

export const ITEM_SOURCE_LABELS: Record<ItemSource, string> = {
  card: '记录卡',
  kiosk: '自助终端',
  online: '网上工作室',
  hotline: '专线电话',
  appointment: '约见',
  survey: '走访调研',
}
export const ITEM_SOURCES = Object.keys(ITEM_SOURCE_LABELS) as ItemSource[]

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
}
export const SATISFACTIONS = Object.keys(SATISFACTION_LABELS) as Satisfaction[]

export const ITEM_EVENT_LABELS: Record<ItemEventKind, string> = {
  received: '受理',
  edited: '修改',
  card_linked: '关联记录卡',
  notified: '通知团长',
  refer: '交办',
  referral_answer: '承办单位答复',
  start: '开始办理',
  answer: '答复',
  feedback: '反馈',
  follow_up: '回访',
  reopened: '重新办理',
  decline: '不予受理',
  pause: '待补充',
  resume: '恢复办理',
  extend: '延期',
  chase: '催办',
  escalate: '上报组织部',
  note: '备注',
}

/** The 督办 views as tabs on the list, `null` = 全部. */
export const ITEM_VIEW_TABS: { value: ItemView | 'all'; label: string; count: keyof import('@/api').ItemCounts | null }[] = [
  { value: 'all', label: '全部', count: null },
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
      return { label: '正常', type: 'info' }
    case 'due_soon':
      return {
        label: daysLeft !== null && daysLeft <= 0 ? '今日到期' : `剩 ${daysLeft ?? '?'} 个工作日`,
        type: 'warning',
      }
    case 'overdue':
      return { label: `逾期 ${Math.abs(daysLeft ?? 0) || '?'} 个工作日`, type: 'danger' }
    case 'paused':
      return { label: '待补充', type: 'info' }
    case 'met':
      return { label: '按期答复', type: 'success' }
    case 'late':
      return { label: '逾期答复', type: 'danger' }
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
