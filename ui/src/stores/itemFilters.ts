// The ledger's filters live in a store, so coming back from an item shows the same page of the same
// search. 工作台 opens the list with a view or status through the query (`/items?view=overdue`,
// `?view=unrouted` for 待分派, `?status=closed&closed_from=…&closed_to=…`), see `applyRouteQuery`.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LocationQuery } from 'vue-router'
import type { ItemCategory, ItemQuery, ItemSort, ItemSource, ItemStatus } from '@/api'
import { ITEM_CATEGORIES, ITEM_SORT_OPTIONS, ITEM_SOURCES, ITEM_STATUSES, ITEM_VIEW_TABS } from '@/utils/itemLabels'
import type { ItemTab } from '@/utils/itemLabels'

export const ITEM_PAGE_SIZES = [10, 20, 50, 100]
const DATE = /^\d{4}-\d{2}-\d{2}$/
const one = (v: LocationQuery[string]) => (Array.isArray(v) ? v[0] : v) ?? undefined

export const useItemFilters = defineStore('itemFilters', () => {
  const view = ref<ItemTab>('all')
  const q = ref('')
  const status = ref<ItemStatus | ''>('')
  const category = ref<ItemCategory | ''>('')
  const source = ref<ItemSource | ''>('')
  const delegateId = ref('')
  const delegateName = ref('')
  const delegationId = ref('')
  const unit = ref('')
  /** 受理日期 [from, to]. */
  const period = ref<[string, string] | null>(null)
  /** 办结日期, only from 工作台's 本月办结 (a removable tag). */
  const closedPeriod = ref<[string, string] | null>(null)
  const sort = ref<ItemSort>('received_desc')
  const page = ref(1)
  const pageSize = ref(20)

  function toQuery(): ItemQuery {
    return {
      q: q.value.trim(),
      status: status.value || null,
      category: category.value || null,
      source: source.value || null,
      delegate_id: delegateId.value || null,
      delegation_id: delegationId.value || null,
      unit: unit.value.trim(),
      view: view.value === 'all' || view.value === 'unrouted' ? null : view.value,
      unrouted: view.value === 'unrouted',
      from: period.value?.[0] ?? null,
      to: period.value?.[1] ?? null,
      closed_from: closedPeriod.value?.[0] ?? null,
      closed_to: closedPeriod.value?.[1] ?? null,
      sort: sort.value,
      page: { page: page.value, page_size: pageSize.value },
    }
  }

  /** Anything besides the 督办 tab narrows the list. */
  function isFiltered(): boolean {
    return (
      q.value.trim() !== '' ||
      status.value !== '' ||
      category.value !== '' ||
      source.value !== '' ||
      delegateId.value !== '' ||
      delegationId.value !== '' ||
      unit.value.trim() !== '' ||
      period.value !== null ||
      closedPeriod.value !== null
    )
  }

  /** Clear the filters (the tab stays). */
  function clear(): void {
    q.value = ''
    status.value = ''
    category.value = ''
    source.value = ''
    delegateId.value = ''
    delegateName.value = ''
    delegationId.value = ''
    unit.value = ''
    period.value = null
    closedPeriod.value = null
    page.value = 1
  }

  function reset(): void {
    clear()
    view.value = 'all'
    sort.value = 'received_desc'
  }

  /**
   * Filters from a link: `?view=overdue`, `?status=closed`, `?closed_from=&closed_to=`,
   * `?from=&to=`, `?category=`, `?source=`, `?q=`. Any such key replaces all filters; returns whether
   * it did (the page then drops the query from the address).
   */
  function applyRouteQuery(query: LocationQuery): boolean {
    const keys = ['view', 'status', 'category', 'source', 'from', 'to', 'closed_from', 'closed_to', 'q', 'sort', 'delegate', 'delegation']
    if (!keys.some((k) => one(query[k]) !== undefined)) return false
    reset()
    const v = one(query.view)
    if (v && ITEM_VIEW_TABS.some((t) => t.value === v)) view.value = v as ItemTab
    const s = one(query.status)
    if (s && (ITEM_STATUSES as string[]).includes(s)) status.value = s as ItemStatus
    const c = one(query.category)
    if (c && (ITEM_CATEGORIES as string[]).includes(c)) category.value = c as ItemCategory
    const so = one(query.source)
    if (so && (ITEM_SOURCES as string[]).includes(so)) source.value = so as ItemSource
    const from = one(query.from)
    const to = one(query.to)
    if (from && to && DATE.test(from) && DATE.test(to)) period.value = [from, to]
    const cf = one(query.closed_from)
    const ct = one(query.closed_to)
    if (cf && ct && DATE.test(cf) && DATE.test(ct)) closedPeriod.value = [cf, ct]
    const st = one(query.sort)
    if (st && ITEM_SORT_OPTIONS.some((o) => o.value === st)) sort.value = st as ItemSort
    const dg = one(query.delegate)
    if (dg) {
      delegateId.value = dg
      // The select shows this until its options load (else it would show the id).
      delegateName.value = one(query.delegate_name) ?? ''
    }
    const text = one(query.q)
    if (text) q.value = text
    // 工作台's 各代表团 chart.
    const dl = one(query.delegation)
    if (dl) delegationId.value = dl
    return true
  }

  return {
    view,
    q,
    status,
    category,
    source,
    delegateId,
    delegateName,
    delegationId,
    unit,
    period,
    closedPeriod,
    sort,
    page,
    pageSize,
    toQuery,
    isFiltered,
    clear,
    reset,
    applyRouteQuery,
  }
})
