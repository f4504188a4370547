// The roster's filters live in a store, so coming back from a profile shows the same page of the
// same search.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DelegateQuery, DelegateSort, DelegateStatus } from '@/api'

/** `all` is the select's value for 全部; the backend takes null. */
export type StatusFilter = DelegateStatus | 'all'

export const PAGE_SIZES = [10, 20, 50, 100]

export const useRosterFilters = defineStore('rosterFilters', () => {
  const q = ref('')
  const delegationId = ref('')
  const status = ref<StatusFilter>('active')
  const sort = ref<DelegateSort>('roster')
  const page = ref(1)
  const pageSize = ref(20)

  function toQuery(): DelegateQuery {
    return {
      q: q.value.trim(),
      delegation_id: delegationId.value || null,
      status: status.value === 'all' ? null : status.value,
      sort: sort.value,
      page: { page: page.value, page_size: pageSize.value },
    }
  }

  /** True when anything narrows the list, so an empty result means "nothing matched". */
  function isFiltered(): boolean {
    return q.value.trim() !== '' || delegationId.value !== '' || status.value !== 'all'
  }

  function reset(): void {
    q.value = ''
    delegationId.value = ''
    status.value = 'active'
    sort.value = 'roster'
    page.value = 1
  }

  return { q, delegationId, status, sort, page, pageSize, toQuery, isFiltered, reset }
})
