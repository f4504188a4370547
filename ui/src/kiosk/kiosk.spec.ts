// The kiosk's frame: without a staff login only the kiosk's screens open (typed routes, a changed
// hash, the back key all lead home), the long press on the corner is the one way to the login, a
// login leads to the staff's screens and 退出登录 back to the kiosk; after the idle time what was
// typed is gone and the kiosk is home again. A normal window has no kiosk screens.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, createWebHashHistory } from 'vue-router'
import type { Router, RouterHistory } from 'vue-router'
import { defineComponent, h } from 'vue'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { AppStatus, Role, WindowStatus } from '@/api'
import App from '@/App.vue'
import { authGuard } from '@/router'
import { useAppStore } from '@/stores/app'
import { reloadWindow } from '@/utils/window'
import { KIOSK_HOME, LONG_PRESS_MS } from './constants'
import { KIOSK_SCREENS, kioskRoutes } from './screens'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    appStatus: vi.fn(),
    authLogin: vi.fn(),
    authLock: vi.fn(),
    authTouch: vi.fn(),
    authLogout: vi.fn(),
    onDbRestored: vi.fn(() => Promise.resolve(() => undefined)),
  }
})

vi.mock('@/utils/window', () => ({ reloadWindow: vi.fn() }))

const KIOSK = { terminal: 'kiosk:studio', idle_seconds: 30 }

function status(over: Partial<WindowStatus> = {}, role: Role = 'admin'): WindowStatus {
  return {
    version: '0.1.0',
    db_path: ':memory:',
    has_accounts: true,
    setup: 'demo',
    operator: { id: 'account:a1', name: '组织部 王老师', role, delegate_id: null, delegation_id: null },
    session: 'active',
    studio_name: '潍坊学院党代表工作室',
    idle_lock_minutes: 15,
    demo_login: null,
    delegate_count: 43,
    delegation_count: 5,
    kiosk: KIOSK,
    ...over,
  }
}

const atKiosk = (over: Partial<WindowStatus> = {}) => status({ session: 'none', operator: null, ...over })
const normalWindow = (over: Partial<AppStatus> = {}) => status({ kiosk: null, ...over })

const Page = (test: string) => defineComponent({ render: () => h('div', { 'data-test': test }) })

function testRouter(history: RouterHistory = createMemoryHistory()): Router {
  const router = createRouter({
    history,
    routes: [
      { path: '/', redirect: '/roster' },
      { path: '/login', name: 'login', component: { render: () => null } },
      { path: '/roster', name: 'roster', component: Page('roster-page'), meta: { permission: 'read_roster' } },
      { path: '/audit', name: 'audit', component: Page('audit-page'), meta: { permission: 'read_audit' } },
      { path: '/settings', name: 'settings', component: Page('settings-page'), meta: { permission: 'edit_settings' } },
      ...kioskRoutes,
      { path: '/:pathMatch(.*)*', redirect: '/roster' },
    ],
  })
  router.beforeEach(authGuard)
  return router
}

let wrapper: VueWrapper | null = null

async function settle(ms = 150) {
  await flushPromises()
  await new Promise((r) => setTimeout(r, ms))
  await flushPromises()
}

async function mountApp(first: WindowStatus, path = '/', history?: RouterHistory) {
  vi.mocked(api.appStatus).mockResolvedValue(first)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = testRouter(history)
  await router.push(path)
  wrapper = mount(App, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return { wrapper, router }
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)

async function type(sel: string, value: string) {
  const hit = q<HTMLInputElement>(sel)!
  const input = hit.tagName === 'INPUT' ? hit : hit.querySelector('input')!
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

function inputValue(sel: string): string | undefined {
  const hit = q<HTMLInputElement>(sel)
  if (!hit) return undefined
  return (hit.tagName === 'INPUT' ? hit : hit.querySelector('input'))?.value
}

// The kiosk's and the staff's frames are loaded on demand (shell.ts): their code is loaded here
// ahead, as the kiosk window fetches its frame while the status is read.
beforeAll(async () => {
  await Promise.all([
    import('@/kiosk/KioskLayout.vue'),
    import('@/components/AppFrame.vue'),
    import('@/components/FirstStartDialog.vue'),
    import('@/components/JobProgressDialog.vue'),
    import('@/components/PrintPreviewHost.vue'),
    import('@/components/auth/LockScreen.vue'),
  ])
}, 60_000)

beforeEach(() => {
  vi.mocked(api.authTouch).mockResolvedValue(undefined)
  vi.mocked(api.authLock).mockResolvedValue(undefined)
  vi.mocked(api.authLogout).mockResolvedValue(undefined)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
  vi.useRealTimers()
  window.location.hash = ''
})

describe('the kiosk without a staff login', () => {
  it('starts at the kiosk home with a tile for each screen, and no login screen', async () => {
    const { router } = await mountApp(atKiosk())
    expect(router.currentRoute.value.path).toBe(KIOSK_HOME)
    expect(q('[data-test=kiosk]')).not.toBeNull()
    expect(q('[data-test=login]')).toBeNull()
    expect(q('[data-test=kiosk-studio]')?.textContent).toBe('潍坊学院党代表工作室')
    expect(q('[data-test=kiosk-clock]')?.textContent).toMatch(/\d\d:\d\d/)
    for (const s of KIOSK_SCREENS) expect(q(`[data-test=kiosk-tile-${s.key}]`)?.textContent).toContain(s.title)
    // Home has no 返回首页; a screen has.
    expect(q('[data-test=kiosk-home-button]')).toBeNull()
    q<HTMLAnchorElement>('[data-test=kiosk-tile-about]')!.click()
    await settle()
    expect(router.currentRoute.value.path).toBe('/kiosk/about')
    expect(q('[data-test=kiosk-screen-about]')?.textContent).toContain('工作室简介')
    q<HTMLButtonElement>('[data-test=kiosk-home-button]')!.click()
    await settle()
    expect(router.currentRoute.value.path).toBe(KIOSK_HOME)
  })

  it('refuses every staff route: typed, pushed, the login, unknown addresses, the back key', async () => {
    const { router } = await mountApp(atKiosk(), '/audit')
    expect(router.currentRoute.value.path).toBe(KIOSK_HOME)
    for (const path of ['/roster', '/audit', '/settings', '/login', '/', '/delegates/x', '/no/such/page']) {
      await router.push('/kiosk/progress')
      await router.push(path).catch(() => undefined)
      await settle(0)
      expect(router.currentRoute.value.path, path).toBe(KIOSK_HOME)
      expect(q('[data-test=roster-page], [data-test=audit-page], [data-test=settings-page], [data-test=login]')).toBeNull()
    }
    // Every kiosk screen opens.
    for (const s of KIOSK_SCREENS) {
      await router.push(`/kiosk/${s.key}`)
      expect(router.currentRoute.value.name).toBe(`kiosk-${s.key}`)
    }
    // Back through the history never reaches a staff screen either.
    router.back()
    await settle()
    expect(router.currentRoute.value.meta.kiosk).toBe(true)
  })

  it('refuses a staff route set through location.hash', async () => {
    window.location.hash = ''
    const { router } = await mountApp(atKiosk(), '/kiosk', createWebHashHistory())
    expect(router.currentRoute.value.path).toBe(KIOSK_HOME)
    window.location.hash = '#/roster'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }))
    await settle()
    expect(router.currentRoute.value.path).toBe(KIOSK_HOME)
    expect(window.location.hash).toBe('#/kiosk')
    expect(q('[data-test=roster-page]')).toBeNull()
    expect(q('[data-test=kiosk]')).not.toBeNull()
  })

  it('opens the staff login only after a long press on the corner; a login leads to the staff screens', async () => {
    const { router } = await mountApp(atKiosk())
    const corner = q('[data-test=kiosk-corner]')!
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    // A short press (or a finger sliding off) does nothing.
    corner.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await vi.advanceTimersByTimeAsync(LONG_PRESS_MS - 500)
    corner.dispatchEvent(new Event('pointerup', { bubbles: true }))
    await vi.advanceTimersByTimeAsync(LONG_PRESS_MS)
    expect(q('[data-test=login]')).toBeNull()
    corner.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await vi.advanceTimersByTimeAsync(1000)
    corner.dispatchEvent(new Event('pointerleave', { bubbles: true }))
    await vi.advanceTimersByTimeAsync(LONG_PRESS_MS)
    expect(q('[data-test=login]')).toBeNull()
    // Held for three seconds: the login.
    corner.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await vi.advanceTimersByTimeAsync(LONG_PRESS_MS)
    vi.useRealTimers()
    await settle()
    expect(q('[data-test=kiosk-staff-dialog] [data-test=login]')).not.toBeNull()

    vi.mocked(api.authLogin).mockResolvedValueOnce(status())
    await type('[data-test=login-name]', 'admin')
    await type('[data-test=login-password]', 'Demo2026')
    q<HTMLButtonElement>('[data-test=login-submit]')!.click()
    await settle(200)
    expect(api.authLogin).toHaveBeenCalledWith('admin', 'Demo2026')
    expect(q('[data-test=kiosk]')).toBeNull()
    expect(q('[data-test=roster-page]')).not.toBeNull()
    expect(router.currentRoute.value.path).toBe('/roster')
    // Logged in, the kiosk's screens lead to the staff's first screen.
    await router.push('/kiosk/message')
    expect(router.currentRoute.value.path).toBe('/roster')
  })
})

describe('a staff member at the kiosk', () => {
  it('退出登录 starts the window afresh at the kiosk home, not the login screen', async () => {
    await mountApp(status())
    expect(q('[data-test=roster-page]')).not.toBeNull()
    q<HTMLElement>('[data-test=header-user] button')!.click()
    await settle()
    expect(q('[data-test=header-lock]')).toBeNull()
    expect(q('[data-test=header-kiosk-quit]')).not.toBeNull()
    q<HTMLElement>('[data-test=header-logout]')!.click()
    await settle()
    q<HTMLButtonElement>('.logout-confirm .el-button--primary')!.click()
    await settle()
    expect(api.authLogout).toHaveBeenCalledTimes(1)
    expect(reloadWindow).toHaveBeenCalledTimes(1)
    expect(reloadWindow).toHaveBeenCalledWith('#/kiosk')
  })

  it('is signed out after the kiosk’s idle time (no lock screen over the kiosk)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.mocked(api.appStatus).mockResolvedValue(status())
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = testRouter()
    const going = router.push('/roster')
    await vi.advanceTimersByTimeAsync(10)
    await going
    wrapper = mount(App, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
    await vi.advanceTimersByTimeAsync(50)
    expect(q('[data-test=roster-page]')).not.toBeNull()
    await vi.advanceTimersByTimeAsync(KIOSK.idle_seconds * 1000 - 5000)
    expect(api.authLock).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(6000)
    expect(api.authLock).toHaveBeenCalledWith(true)
    expect(reloadWindow).toHaveBeenCalledWith('#/kiosk')
    expect(q('[data-test=lock-screen]')).toBeNull()
  })

  it('goes back to the kiosk when a command finds the session ended', async () => {
    await mountApp(status())
    vi.mocked(api.appStatus).mockResolvedValue(atKiosk())
    useAppStore().sessionLost(new api.ApiError('unauthenticated', '空闲超时，已自动退出登录'))
    await settle()
    expect(reloadWindow).toHaveBeenCalledWith('#/kiosk')
  })
})

describe('the idle return', () => {
  it('clears what was typed, closes the login and goes home after the idle time without a touch', async () => {
    const { router } = await mountApp(atKiosk(), '/kiosk/message')
    expect(router.currentRoute.value.path).toBe('/kiosk/message')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    await type('[data-test=kiosk-message-name]', '张三')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    expect(inputValue('[data-test=kiosk-message-name]')).toBe('张三')

    // Someone still at the kiosk keeps it as it is.
    await vi.advanceTimersByTimeAsync(20_000)
    window.dispatchEvent(new Event('pointerdown'))
    await vi.advanceTimersByTimeAsync(20_000)
    expect(router.currentRoute.value.path).toBe('/kiosk/message')
    expect(inputValue('[data-test=kiosk-message-name]')).toBe('张三')

    await vi.advanceTimersByTimeAsync(11_000)
    vi.useRealTimers()
    await settle()
    expect(router.currentRoute.value.path).toBe(KIOSK_HOME)
    // The screen is mounted afresh: coming back, the field is empty.
    await router.push('/kiosk/message')
    await settle()
    expect(inputValue('[data-test=kiosk-message-name]')).toBe('')
  })

  it('closes the staff login half filled in, and forgets what was typed on the screen under it', async () => {
    const { router, wrapper: w } = await mountApp(atKiosk(), '/kiosk/message')
    await type('[data-test=kiosk-message-name]', '李四')
    const corner = q('[data-test=kiosk-corner]')!
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    corner.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await vi.advanceTimersByTimeAsync(LONG_PRESS_MS)
    vi.useRealTimers()
    await settle()
    await type('[data-test=login-name]', 'admin')
    expect(q('[data-test=kiosk-staff-dialog] [data-test=login]')).not.toBeNull()

    const layout = w.findComponent({ name: 'KioskLayout' })
    ;(layout.vm as unknown as { idleReturn: () => void }).idleReturn()
    await settle(400)
    expect(router.currentRoute.value.path).toBe(KIOSK_HOME)
    expect(q('[data-test=login]')).toBeNull()
    await router.push('/kiosk/message')
    await settle()
    expect(inputValue('[data-test=kiosk-message-name]')).toBe('')
    expect(api.authLogout).not.toHaveBeenCalled()
  })
})

describe('a normal window', () => {
  it('has no kiosk screens', async () => {
    const { router } = await mountApp(normalWindow({ session: 'none', operator: null }), '/kiosk')
    expect(router.currentRoute.value.name).toBe('login')
    expect(q('[data-test=kiosk]')).toBeNull()
    expect(q('[data-test=login]')).not.toBeNull()

    useAppStore().status = normalWindow()
    await settle()
    await router.push('/kiosk/message')
    expect(router.currentRoute.value.path).toBe('/roster')
  })
})
