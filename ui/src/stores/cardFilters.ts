// The card list's filters live in a store, so coming back from a card shows the same page of the
// same search. 工作台 opens the list with a filter through the route's query (see `applyRouteQuery`).
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LocationQuery } from 'vue-router'
import type { CardQuery, CardSelection, CardSort, CardStatus, Channel } from '@/api'
import { CARD_SORT_OPTIONS, CHANNELS, DEADLINE_LABELS } from '@/utils/labels'

export type CardStatusFilter = CardStatus | 'all'
/** 全部 / 即将到期 / 已逾期 / 逾期交回. */
export type DeadlineFilter = 'all' | 'due_soon' | 'overdue' | 'filed_late'

export const DEADLINE_FILTER_OPTIONS: { value: DeadlineFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'due_soon', label: DEADLINE_LABELS.due_soon },
  { value: 'overdue', label: DEADLINE_LABELS.overdue },
  { value: 'filed_late', label: DEADLINE_LABELS.filed_late },
]

export const CARD_PAGE_SIZES = [10, 20, 50, 100]

const DATE = /^\d{4}-\d{2}-\d{2}$/

const one = (v: LocationQuery[string]) => (Array.isArray(v) ? v[0] : v) ?? undefined

export const useCardFilters = defineStore('cardFilters', () => {
  const q = ref('')
  const delegateId = ref('')
  /** Shown in the delegate select before its options are loaded. */
  const delegateName = ref('')
  const delegationId = ref('')
  const channel = ref<Channel | ''>('')
  /** Contact-date period, [from, to] as YYYY-MM-DD, or null for any date. */
  const period = ref<[string, string] | null>(null)
  /** Filing-date period (交回日期), set only by 工作台's links; shown as a removable tag. */
  const filedPeriod = ref<[string, string] | null>(null)
  const status = ref<CardStatusFilter>('all')
  const deadline = ref<DeadlineFilter>('all')
  const sort = ref<CardSort>('contact_desc')
  const page = ref(1)
  const pageSize = ref(20)

  function toQuery(): CardQuery {
    return {
      q: q.value.trim(),
      delegate_id: delegateId.value || null,
      delegation_id: delegationId.value || null,
      channel: channel.value || null,
      from: period.value?.[0] ?? null,
      to: period.value?.[1] ?? null,
      filed_from: filedPeriod.value?.[0] ?? null,
      filed_to: filedPeriod.value?.[1] ?? null,
      status: status.value === 'all' ? null : status.value,
      late_only: false,
      deadline: deadline.value === 'all' ? null : deadline.value,
      sort: sort.value,
      page: { page: page.value, page_size: pageSize.value },
    }
  }

  /** True when anything narrows the list, so an empty result means "nothing matched". */
  function isFiltered(): boolean {
    return (
      q.value.trim() !== '' ||
      delegateId.value !== '' ||
      delegationId.value !== '' ||
      channel.value !== '' ||
      period.value !== null ||
      filedPeriod.value !== null ||
      status.value !== 'all' ||
      deadline.value !== 'all'
    )
  }

  /** The cards to print or export "by period": the period filter, if one is set. */
  function periodSelection(): CardSelection | null {
    return period.value ? { kind: 'period', from: period.value[0], to: period.value[1] } : null
  }

  function reset(): void {
    q.value = ''
    delegateId.value = ''
    delegateName.value = ''
    delegationId.value = ''
    channel.value = ''
    period.value = null
    filedPeriod.value = null
    status.value = 'all'
    deadline.value = 'all'
    sort.value = 'contact_desc'
    page.value = 1
  }

  /**
   * Filters from a link: `/cards?deadline=overdue`, `?status=draft`, `?from=…&to=…`,
   * `?sort=updated_desc`, `?delegate=<id>`. Any such key replaces all filters; returns whether it
   * did (the page then drops the query from the address).
   */
  function applyRouteQuery(query: LocationQuery): boolean {
    const keys = ['status', 'deadline', 'from', 'to', 'filed_from', 'filed_to', 'sort', 'delegate', 'q']
    if (!keys.some((k) => one(query[k]) !== undefined)) return false
    reset()
    const s = one(query.status)
    if (s === 'draft' || s === 'submitted' || s === 'all') status.value = s
    const d = one(query.deadline)
    if (d && DEADLINE_FILTER_OPTIONS.some((o) => o.value === d)) deadline.value = d as DeadlineFilter
    const from = one(query.from)
    const to = one(query.to)
    if (from && to && DATE.test(from) && DATE.test(to)) period.value = [from, to]
    const filedFrom = one(query.filed_from)
    const filedTo = one(query.filed_to)
    if (filedFrom && filedTo && DATE.test(filedFrom) && DATE.test(filedTo)) filedPeriod.value = [filedFrom, filedTo]
    const so = one(query.sort)
    if (so && CARD_SORT_OPTIONS.some((o) => o.value === so)) sort.value = so as CardSort
    const dg = one(query.delegate)
    if (dg) {
      delegateId.value = dg
      // The select shows this until its options load (else it would show the id).
      delegateName.value = one(query.delegate_name) ?? ''
    }
    const text = one(query.q)
    if (text) q.value = text
    const ch = one(query.channel)
    if (ch && (CHANNELS as string[]).includes(ch)) channel.value = ch as Channel
    return true
  }

  return {
    q,
    delegateId,
    delegateName,
    delegationId,
    channel,
    period,
    filedPeriod,
    status,
    deadline,
    sort,
    page,
    pageSize,
    toQuery,
    isFiltered,
    periodSelection,
    reset,
    applyRouteQuery,
  }
})
