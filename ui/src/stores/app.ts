// What the whole window needs: the backend's status (setup state, who is logged in and whether the
// session is locked, studio name, counts), what the logged-in role may do, and whether the window
// is the visitor kiosk (自助终端: no login for visitors; staff log in over it and return to it).
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
import type { ApiError, AppStatus, KioskMode, NewAccount, Permission, Settings, WindowStatus } from '@/api'
import { DEFAULT_KIOSK_IDLE_SECONDS, KIOSK_HOME } from '@/kiosk/constants'
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

declare global {
  interface Window {
    /**
     * The status the window opened with, set before any page script at the window's first load
     * (src-tauri/src/kiosk.rs `opening_script`): the first screen is built without an `app_status`
     * round trip. Taken once; a reloaded page asks the backend.
     */
    __STUDIO_OPENING__?: WindowStatus
  }
}

/** The opening status, once (see `Window.__STUDIO_OPENING__`). */
function takeOpeningStatus(): WindowStatus | null {
  const s = window.__STUDIO_OPENING__ ?? null
  delete window.__STUDIO_OPENING__
  return s
}

export const useAppStore = defineStore('app', () => {
  const status = ref<AppStatus | null>(null)
  const loadError = ref('')
  /** The kiosk, as the backend says (`null`: a normal window). Fixed for the window's life. */
  const kiosk = ref<KioskMode | null>(null)
  let restarting = false
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

  const isKiosk = computed(() => kiosk.value !== null)
  /** The kiosk's idle return (and, at the kiosk, a staff session's idle end), in milliseconds. */
  const kioskIdleMs = computed(() => (kiosk.value?.idle_seconds || DEFAULT_KIOSK_IDLE_SECONDS) * 1000)
  /** Where 退出登录 and a lost session lead: the kiosk's home, or the login screen. */
  const signedOutHash = computed(() => (isKiosk.value ? `#${KIOSK_HOME}` : '#/login'))

  /** Take a status answer; one from `app_status` or a login command also says whether this is a kiosk. */
  function take(s: WindowStatus): void {
    if (s.kiosk !== undefined) kiosk.value = s.kiosk
    status.value = s
  }

  // The window's opening status, when the backend gave one: taken as the store is made (by the
  // App's setup, before its first render), so the first render is already the right screen.
  const opening = takeOpeningStatus()
  if (opening) {
    take(opening)
    firstLoad = Promise.resolve()
  }

  async function load(): Promise<void> {
    try {
      take(await appStatus())
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
      take(await appStatus())
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
    take(await authSetupAdmin(input))
  }

  async function login(loginName: string, password: string): Promise<void> {
    take(await authLogin(loginName, password))
  }

  async function changePassword(current: string, password: string): Promise<void> {
    take(await authChangePassword(current, password))
  }

  /**
   * Cover the window at once, then tell the backend (which also locks on its own when idle). At the
   * kiosk a lock screen would shut visitors out: the session ends instead (the backend does the
   * same) and the window starts afresh at the kiosk's home.
   */
  async function lock(idle: boolean): Promise<void> {
    if (!status.value || status.value.session !== 'active') return
    if (isKiosk.value) {
      try {
        await authLock(idle)
      } catch {
        /* the backend ends an idle session at the kiosk on its own */
      }
      status.value = { ...status.value, session: 'none', operator: null }
      restart()
      return
    }
    status.value = { ...status.value, session: 'locked' }
    try {
      await authLock(idle)
    } catch {
      /* the window is covered either way; the backend's own idle lock is the backstop */
    }
  }

  async function unlock(password: string): Promise<void> {
    take(await authUnlock(password))
  }

  /**
   * 退出登录: end the session and start the window afresh, so nothing of it stays in a store or form
   * (at the login screen, or at a kiosk's home).
   */
  async function logout(): Promise<void> {
    await authLogout()
    if (status.value) status.value = { ...status.value, session: 'none', operator: null }
    restart()
  }

  /** Start the window afresh where a signed-out window stands (once, however many ask). */
  function restart(): void {
    if (restarting) return
    restarting = true
    reloadWindow(signedOutHash.value)
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
    if (kiosk.value) kiosk.value = { ...kiosk.value, idle_seconds: s.kiosk_idle_seconds }
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
    kiosk,
    isKiosk,
    kioskIdleMs,
    signedOutHash,
    restart,
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
