// The 约见 list's filters live in a store, so coming back (from the record card a completion made)
// shows the same page. 工作台 may open it with `?status=pending`.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LocationQuery } from 'vue-router'
import type { AppointmentDirection, AppointmentQuery, AppointmentSort, AppointmentStatus } from '@/api'
import { APPOINTMENT_STATUSES } from '@/utils/appointments'

export const APPOINTMENT_PAGE_SIZES = [10, 20, 50, 100]

export const APPOINTMENT_SORT_OPTIONS: { value: AppointmentSort; label: string }[] = [
  { value: 'date_desc', label: '日期从近到远' },
  { value: 'date_asc', label: '日期从早到晚' },
]

export const useAppointmentFilters = defineStore('appointmentFilters', () => {
  const status = ref<AppointmentStatus | ''>('')
  const direction = ref<AppointmentDirection | ''>('')
  const delegateId = ref('')
  const delegateName = ref('')
  /** 约见日期 [from, to]. */
  const period = ref<[string, string] | null>(null)
  const sort = ref<AppointmentSort>('date_desc')
  const page = ref(1)
  const pageSize = ref(20)

  function toQuery(): AppointmentQuery {
    return {
      status: status.value || null,
      delegate_id: delegateId.value || null,
      delegation_id: null,
      direction: direction.value || null,
      source: null,
      from: period.value?.[0] ?? null,
      to: period.value?.[1] ?? null,
      sort: sort.value,
      page: { page: page.value, page_size: pageSize.value },
    }
  }

  function isFiltered(): boolean {
    return status.value !== '' || direction.value !== '' || delegateId.value !== '' || period.value !== null
  }

  function clear(): void {
    status.value = ''
    direction.value = ''
    delegateId.value = ''
    delegateName.value = ''
    period.value = null
    page.value = 1
  }

  /** `?status=pending`: replaces the filters; returns whether it did. */
  function applyRouteQuery(query: LocationQuery): boolean {
    const s = Array.isArray(query.status) ? query.status[0] : query.status
    if (!s || !(APPOINTMENT_STATUSES as string[]).includes(s)) return false
    clear()
    status.value = s as AppointmentStatus
    return true
  }

  return { status, direction, delegateId, delegateName, period, sort, page, pageSize, toQuery, isFiltered, clear, applyRouteQuery }
})
