// What the whole window needs: the backend's status (setup state, operator, studio name, counts).
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { appStatus, setupLoadDemo, setupStartBlank, toApiError } from '@/api'
import type { AppStatus, Settings } from '@/api'
import { ROLE_LABELS } from '@/utils/labels'

export const useAppStore = defineStore('app', () => {
  const status = ref<AppStatus | null>(null)
  const loadError = ref('')
  /**
   * Bumped when data changed under every page at once (demo data loaded): pages that show data watch
   * it and reload, instead of each knowing about the first-start dialog.
   */
  const dataVersion = ref(0)

  const setupPending = computed(() => status.value?.setup === 'pending')
  const studioName = computed(() => status.value?.studio_name || '党代表工作室')
  const operatorName = computed(() => status.value?.operator.name ?? '')
  const roleLabel = computed(() => (status.value ? ROLE_LABELS[status.value.operator.role] : ''))

  async function load(): Promise<void> {
    try {
      status.value = await appStatus()
      loadError.value = ''
    } catch (e) {
      loadError.value = toApiError(e).message
    }
  }

  /** Refresh counts after a change, without disturbing the page if it fails. */
  async function refresh(): Promise<void> {
    try {
      status.value = await appStatus()
    } catch {
      /* the next full load reports it */
    }
  }

  async function loadDemo(): Promise<void> {
    status.value = await setupLoadDemo()
    dataVersion.value++
  }

  async function startBlank(): Promise<void> {
    status.value = await setupStartBlank()
    dataVersion.value++
  }

  /** After settings are saved, the header shows the new operator and studio name at once. */
  function applySettings(s: Settings): void {
    if (!status.value) return
    status.value = {
      ...status.value,
      studio_name: s.studio_name,
      operator: { ...status.value.operator, name: s.operator_name },
    }
  }

  return {
    status,
    loadError,
    dataVersion,
    setupPending,
    studioName,
    operatorName,
    roleLabel,
    load,
    refresh,
    loadDemo,
    startBlank,
    applySettings,
  }
})
