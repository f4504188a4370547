// The delegation list (a handful of rows) is used by filters, forms and labels on several pages:
// loaded once, reloaded after a delegation or a delegate changes.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { delegationsList } from '@/api'
import type { DelegationSummary } from '@/api'
import { useAppStore } from './app'

export const useDelegationsStore = defineStore('delegations', () => {
  const app = useAppStore()
  const list = ref<DelegationSummary[]>([])
  const loaded = ref(false)
  /** The app's data version the list was loaded at: demo data loaded since makes it stale. */
  let loadedVersion = -1
  let inFlight: Promise<void> | null = null

  const byId = computed(() => new Map(list.value.map((d) => [d.id, d])))

  /** Load unless loaded and current; `force` reloads (after a change). Concurrent calls share one request. */
  function load(force = false): Promise<void> {
    if (loaded.value && !force && loadedVersion === app.dataVersion) return Promise.resolve()
    if (inFlight) return inFlight
    const version = app.dataVersion
    inFlight = delegationsList()
      .then((rows) => {
        list.value = rows
        loaded.value = true
        loadedVersion = version
      })
      .finally(() => {
        inFlight = null
      })
    return inFlight
  }

  const nameOf = (id: string): string | undefined => byId.value.get(id)?.name

  return { list, loaded, byId, load, nameOf }
})
