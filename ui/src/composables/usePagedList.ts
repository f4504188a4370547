import { ref, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { toApiError } from '@/api'
import type { Page } from '@/api'

/** The paging half of a list's filters. */
export interface PageFilters {
  page: number
  pageSize: number
}

/** How long a page may take before the table shows its loading mask. */
export const LOADING_MASK_DELAY_MS = 300

/**
 * One paginated list loaded from the backend. Only the newest request may fill it (typing fast
 * sends several), and a page past the end (its last row just left the filter) falls back to the
 * last page instead of showing an empty table. `onLoaded` runs after each page lands, with whether
 * it was the first.
 *
 * `loading` (the table's v-loading mask) turns on only when a page has taken over
 * LOADING_MASK_DELAY_MS: a page answers in a few milliseconds, and a mask for each (Element Plus
 * mounts one as its own app, then fades it out over 300 ms) cost more than the page and covered
 * the new rows while they painted.
 */
export function usePagedList<T>(
  filters: PageFilters,
  fetch: () => Promise<Page<T>>,
  onLoaded?: (page: Page<T>, first: boolean) => void,
) {
  const rows = ref([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const loadedOnce = ref(false)
  let latest = 0
  let maskTimer: ReturnType<typeof setTimeout> | undefined

  async function load(): Promise<void> {
    const mine = ++latest
    clearTimeout(maskTimer)
    maskTimer = setTimeout(() => {
      if (mine === latest) loading.value = true
    }, LOADING_MASK_DELAY_MS)
    try {
      const page = await fetch()
      if (mine !== latest) return
      if (page.items.length === 0 && page.total > 0 && filters.page > 1) {
        filters.page = Math.max(1, Math.ceil(page.total / filters.pageSize))
        void load()
        return
      }
      rows.value = page.items
      total.value = page.total
      onLoaded?.(page, !loadedOnce.value)
      loadedOnce.value = true
    } catch (e) {
      if (mine === latest) ElMessage.error(toApiError(e).message)
    } finally {
      if (mine === latest) {
        clearTimeout(maskTimer)
        loading.value = false
      }
    }
  }

  return { rows, total, loading, loadedOnce, load }
}
