// What the whole window needs: the backend's status (setup state, who is logged in and whether the
// session is locked, studio name, counts) and what the logged-in role may do.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  appStatus,
  authChangePassword,
  authLock,
  authLogin,
  authLogout,
  authSetupAdmin,
  authUnlock,
  setupLoadDemo,
  setupStartBlank,
  toApiError,
} from '@/api'
import type { ApiError, AppStatus, NewAccount, Permission, Settings } from '@/api'
import { homePathFor } from '@/navigation'
import { permissionsOf } from '@/permissions'
import { ROLE_LABELS } from '@/utils/labels'
import { reloadWindow } from '@/utils/window'

/**
 * What the window shows: the status is still loading or failed to load, the first administrator's
 * form (no account yet), the login screen, a new password first (after a reset), or the app (a
 * locked session keeps the app mounted under the lock screen).
 */
export type Gate = 'loading' | 'error' | 'setup_admin' | 'login' | 'change_password' | 'app'

export const useAppStore = defineStore('app', () => {
  const status = ref<AppStatus | null>(null)
  const loadError = ref('')
  /**
   * Bumped when data changed under every page at once (demo data loaded): pages that show data watch
   * it and reload, instead of each knowing about the first-start dialog.
   */
  const dataVersion = ref(0)
  let firstLoad: Promise<void> | null = null

  const gate = computed<Gate>(() => {
    const s = status.value
    if (!s) return loadError.value ? 'error' : 'loading'
    if (!s.has_accounts) return 'setup_admin'
    switch (s.session) {
      case 'none':
        return 'login'
      case 'must_change_password':
        return 'change_password'
      default:
        return 'app'
    }
  })
  /** Someone is logged in and the app is mounted (possibly under the lock screen). */
  const signedIn = computed(() => gate.value === 'app')
  const locked = computed(() => signedIn.value && status.value?.session === 'locked')

  const operator = computed(() => status.value?.operator ?? null)
  const role = computed(() => operator.value?.role ?? null)
  const permissions = computed(() => permissionsOf(signedIn.value ? role.value : null))
  /** Whether the logged-in role may do this (the core's permission table). */
  const can = (p: Permission) => permissions.value.has(p)
  const homePath = computed(() => homePathFor(role.value))

  const setupPending = computed(() => signedIn.value && status.value?.setup === 'pending' && can('edit_settings'))
  const studioName = computed(() => status.value?.studio_name || '党代表工作室')
  const operatorName = computed(() => operator.value?.name ?? '')
  const roleLabel = computed(() => (role.value ? ROLE_LABELS[role.value] : ''))
  const idleLockMinutes = computed(() => status.value?.idle_lock_minutes ?? 15)

  async function load(): Promise<void> {
    try {
      status.value = await appStatus()
      loadError.value = ''
    } catch (e) {
      loadError.value = toApiError(e).message
    }
  }

  /** The first status (the router waits for it before opening any screen). */
  function ready(): Promise<void> {
    firstLoad ??= load()
    return firstLoad
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

  // ---- the session ----

  async function setupAdmin(input: NewAccount): Promise<void> {
    status.value = await authSetupAdmin(input)
  }

  async function login(loginName: string, password: string): Promise<void> {
    status.value = await authLogin(loginName, password)
  }

  async function changePassword(current: string, password: string): Promise<void> {
    status.value = await authChangePassword(current, password)
  }

  /** Cover the window at once, then tell the backend (which also locks on its own when idle). */
  async function lock(idle: boolean): Promise<void> {
    if (!status.value || status.value.session !== 'active') return
    status.value = { ...status.value, session: 'locked' }
    try {
      await authLock(idle)
    } catch {
      /* the window is covered either way; the backend's own idle lock is the backstop */
    }
  }

  async function unlock(password: string): Promise<void> {
    status.value = await authUnlock(password)
  }

  /** 退出登录: end the session and start the window afresh, so nothing of it stays in a store or form. */
  async function logout(): Promise<void> {
    await authLogout()
    if (status.value) status.value = { ...status.value, session: 'none', operator: null }
    reloadWindow('#/login')
  }

  /** A command was refused because the session is locked or gone (see `onSessionError`). */
  function sessionLost(err: ApiError): void {
    const s = status.value
    if (!s) return
    if (err.code === 'session_locked') {
      if (s.session === 'active') status.value = { ...s, session: 'locked' }
    } else {
      // Nobody logged in any more, or a new password is needed first: the status says which.
      void load()
    }
  }

  /** After settings are saved, the header and the idle lock use them at once. */
  function applySettings(s: Settings): void {
    if (!status.value) return
    status.value = { ...status.value, studio_name: s.studio_name, idle_lock_minutes: s.idle_lock_minutes }
  }

  return {
    status,
    loadError,
    dataVersion,
    gate,
    signedIn,
    locked,
    operator,
    role,
    permissions,
    can,
    homePath,
    setupPending,
    studioName,
    operatorName,
    roleLabel,
    idleLockMinutes,
    load,
    ready,
    refresh,
    loadDemo,
    startBlank,
    setupAdmin,
    login,
    changePassword,
    lock,
    unlock,
    logout,
    sessionLost,
    applySettings,
  }
})
