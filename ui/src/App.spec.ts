// The window's gate: nothing of the app before a login (the first administrator's form, the login
// screen, a new password after a reset), the router refusing screens without a session or outside
// the role, and the idle lock covering the still-mounted app so a half-filled form survives it.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Router } from 'vue-router'
import { defineComponent, h, ref } from 'vue'
import ElementPlus, { ElInput } from 'element-plus'
import * as api from '@/api'
import type { AppStatus, Role } from '@/api'
import App from '@/App.vue'
import { authGuard } from '@/router'
import { useAppStore } from '@/stores/app'
import { reloadWindow } from '@/utils/window'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    appStatus: vi.fn(),
    authSetupAdmin: vi.fn(),
    authLogin: vi.fn(),
    authChangePassword: vi.fn(),
    authLock: vi.fn(),
    authUnlock: vi.fn(),
    authTouch: vi.fn(),
    authLogout: vi.fn(),
    onDbRestored: vi.fn(() => Promise.resolve(() => undefined)),
  }
})

vi.mock('@/utils/window', () => ({ reloadWindow: vi.fn() }))

function status(over: Partial<AppStatus> = {}, role: Role = 'admin'): AppStatus {
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
    ...over,
  }
}

const loggedOut = (over: Partial<AppStatus> = {}) => status({ session: 'none', operator: null, ...over })

/** A screen with a form, standing for any page with unsaved input. */
const FormPage = defineComponent({
  setup() {
    const text = ref('')
    return () =>
      h('div', { 'data-test': 'form-page' }, [
        h('div', { 'data-test': 'form-input' }, [
          h(ElInput, { modelValue: text.value, 'onUpdate:modelValue': (v: string) => (text.value = v) }),
        ]),
      ])
  },
})
const Page = (test: string) => defineComponent({ render: () => h('div', { 'data-test': test }) })

function testRouter(): Router {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', redirect: '/roster' },
      { path: '/login', name: 'login', component: { render: () => null } },
      { path: '/roster', name: 'roster', component: FormPage, meta: { permission: 'read_roster' } },
      { path: '/audit', name: 'audit', component: Page('audit-page'), meta: { permission: 'read_audit' } },
      { path: '/settings', name: 'settings', component: Page('settings-page'), meta: { permission: 'edit_settings' } },
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

async function mountApp(first: AppStatus, path = '/') {
  vi.mocked(api.appStatus).mockResolvedValue(first)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = testRouter()
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

// The staff's frame is loaded on demand (shell.ts): its code is loaded here ahead, as the window
// fetches it when someone starts to log in, so a login shows it as soon as the promise settles.
beforeAll(async () => {
  await Promise.all([
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
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
  vi.useRealTimers()
})

describe('the login gate', () => {
  it('asks for the administrator’s account when there is none, then offers the first-start choice', async () => {
    const { router } = await mountApp(loggedOut({ has_accounts: false, setup: 'pending' }), '/settings')
    expect(q('[data-test=setup-admin]')).not.toBeNull()
    expect(q('[data-test=form-page]')).toBeNull()
    expect(router.currentRoute.value.name).toBe('login')

    // Checked on the page first: nothing is sent while a field is missing or mistyped.
    q<HTMLButtonElement>('[data-test=setup-submit]')!.click()
    await settle()
    expect(q('[data-test=setup-login] .el-form-item__error')?.textContent).toContain('请填写登录名')
    expect(api.authSetupAdmin).not.toHaveBeenCalled()

    await type('[data-test=setup-login]', 'admin')
    await type('[data-test=setup-name]', '组织部 王老师')
    await type('[data-test=setup-password]', 'abcd1234')
    await type('[data-test=setup-confirm]', 'abcd1235')
    q<HTMLButtonElement>('[data-test=setup-submit]')!.click()
    await settle()
    expect(q('[data-test=setup-confirm] .el-form-item__error')?.textContent).toContain('两次输入的密码不一致')
    expect(api.authSetupAdmin).not.toHaveBeenCalled()

    // The backend's own field messages show beside the field.
    vi.mocked(api.authSetupAdmin).mockRejectedValueOnce(
      new api.ApiError('validation', '密码须同时包含字母和数字', [{ field: 'password', message: '密码须同时包含字母和数字' }]),
    )
    await type('[data-test=setup-confirm]', 'abcd1234')
    q<HTMLButtonElement>('[data-test=setup-submit]')!.click()
    await settle()
    expect(q('[data-test=setup-password] .el-form-item__error')?.textContent).toContain('密码须同时包含字母和数字')

    vi.mocked(api.authSetupAdmin).mockResolvedValueOnce(status({ setup: 'pending', delegate_count: 0, delegation_count: 0 }))
    q<HTMLButtonElement>('[data-test=setup-submit]')!.click()
    await settle(100)
    expect(api.authSetupAdmin).toHaveBeenLastCalledWith({
      login: 'admin',
      name: '组织部 王老师',
      role: 'admin',
      delegate_id: null,
      password: 'abcd1234',
    })
    expect(q('[data-test=setup-admin]')).toBeNull()
    expect(q('[data-test=setup-dialog]')).not.toBeNull()
    // Back where the window was going.
    expect(router.currentRoute.value.path).toBe('/settings')
  })

  it('shows the login screen with the demo hint; Enter logs in, a refusal shows the backend’s words', async () => {
    const { router } = await mountApp(
      loggedOut({ demo_login: { logins: ['admin', 'liaison', 'head', 'delegate', 'auditor'], password: 'Demo2026' } }),
    )
    expect(q('[data-test=login]')).not.toBeNull()
    expect(q('[data-test=form-page]')).toBeNull()
    expect(q('[data-test=login-demo]')?.textContent?.trim()).toBe(
      '演示数据库：账号 admin / liaison / head / delegate / auditor，密码 Demo2026',
    )

    vi.mocked(api.authLogin).mockRejectedValueOnce(new api.ApiError('unauthenticated', '登录名或密码错误'))
    await type('[data-test=login-name]', 'admin')
    await type('[data-test=login-password]', 'wrong')
    q('[data-test=login-password] input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle()
    expect(api.authLogin).toHaveBeenCalledWith('admin', 'wrong')
    expect(q('[data-test=login-error]')?.textContent).toContain('登录名或密码错误')
    expect(q('[data-test=login]')).not.toBeNull()

    vi.mocked(api.authLogin).mockResolvedValueOnce(status())
    await type('[data-test=login-password]', 'Demo2026')
    q('[data-test=login-password] input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await settle(100)
    expect(q('[data-test=login]')).toBeNull()
    expect(q('[data-test=form-page]')).not.toBeNull()
    expect(q('[data-test=header-operator]')?.textContent).toBe('组织部 王老师')
    expect(q('[data-test=header-role]')?.textContent?.trim()).toBe('管理员')
    expect(router.currentRoute.value.path).toBe('/roster')
  })

  it('asks for a new password before anything else after a reset', async () => {
    await mountApp(status({ session: 'must_change_password' }, 'liaison'))
    expect(q('[data-test=must-change]')).not.toBeNull()
    expect(q('[data-test=form-page]')).toBeNull()
    expect(q('.side-nav')).toBeNull()

    vi.mocked(api.authChangePassword).mockResolvedValueOnce(status({}, 'liaison'))
    await type('[data-test=pw-current]', 'Temp2026')
    await type('[data-test=pw-new]', 'Mine2026x')
    await type('[data-test=pw-confirm]', 'Mine2026x')
    q<HTMLButtonElement>('[data-test=pw-submit]')!.click()
    await settle(100)
    expect(api.authChangePassword).toHaveBeenCalledWith('Temp2026', 'Mine2026x')
    expect(q('[data-test=must-change]')).toBeNull()
    expect(q('[data-test=form-page]')).not.toBeNull()
  })

  it('never opens a screen without a login, nor one the role may not use', async () => {
    const { router } = await mountApp(loggedOut(), '/audit')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/audit')
    await router.push('/roster').catch(() => undefined)
    expect(router.currentRoute.value.name).toBe('login')
    expect(q('[data-test=form-page]')).toBeNull()

    // An auditor sent to the settings or the roster lands on 审计.
    useAppStore().status = status({}, 'auditor')
    await settle()
    expect(router.currentRoute.value.path).toBe('/audit')
    await router.push('/settings')
    expect(router.currentRoute.value.path).toBe('/audit')
    await router.push('/roster')
    expect(router.currentRoute.value.path).toBe('/audit')
  })

  it('goes back to the login screen when a command finds the session gone', async () => {
    const { router } = await mountApp(status())
    expect(q('[data-test=form-page]')).not.toBeNull()
    vi.mocked(api.appStatus).mockResolvedValue(loggedOut())
    useAppStore().sessionLost(new api.ApiError('unauthenticated', '请先登录'))
    await settle()
    expect(q('[data-test=form-page]')).toBeNull()
    expect(q('[data-test=login]')).not.toBeNull()
    expect(router.currentRoute.value.name).toBe('login')
  })
})

describe('the header', () => {
  it('shows who is logged in; 退出登录 asks first, then ends the session and starts afresh at the login', async () => {
    vi.mocked(api.authLogout).mockResolvedValue(undefined)
    await mountApp(status({}, 'liaison'))
    expect(q('[data-test=header-operator]')?.textContent).toBe('组织部 王老师')
    expect(q('[data-test=header-role]')?.textContent?.trim()).toBe('联络员')
    q<HTMLElement>('[data-test=header-user] button')!.click()
    await settle()
    q<HTMLElement>('[data-test=header-logout]')!.click()
    await settle()
    expect(q('.logout-confirm')?.textContent).toContain('尚未保存的内容将会丢失')
    expect(api.authLogout).not.toHaveBeenCalled()
    q<HTMLButtonElement>('.logout-confirm .el-button--primary')!.click()
    await settle()
    expect(api.authLogout).toHaveBeenCalledTimes(1)
    expect(reloadWindow).toHaveBeenCalledWith('#/login')
  })

  it('锁定 covers the window at once', async () => {
    await mountApp(status())
    q<HTMLElement>('[data-test=header-user] button')!.click()
    await settle()
    q<HTMLElement>('[data-test=header-lock]')!.click()
    await settle()
    expect(api.authLock).toHaveBeenCalledWith(false)
    expect(q('[data-test=lock-screen]')).not.toBeNull()
  })
})

describe('the idle lock', () => {
  it('covers the app after the idle minutes, and the typed text is still there after unlocking', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.mocked(api.appStatus).mockResolvedValue(status({ idle_lock_minutes: 2 }))
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = testRouter()
    const going = router.push('/roster')
    await vi.advanceTimersByTimeAsync(10)
    await going
    wrapper = mount(App, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(10)
      await flushPromises()
    }
    expect(q('[data-test=form-page]')).not.toBeNull()
    await type('[data-test=form-input]', '未保存的意见内容')

    // Activity keeps it open, and reaches the backend at most once a minute.
    await vi.advanceTimersByTimeAsync(90_000)
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }))
    window.dispatchEvent(new MouseEvent('mousemove'))
    expect(api.authTouch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(90_000)
    expect(api.authLock).not.toHaveBeenCalled()
    expect(useAppStore().locked).toBe(false)

    await vi.advanceTimersByTimeAsync(31_000)
    expect(api.authLock).toHaveBeenCalledWith(true)
    expect(useAppStore().locked).toBe(true)
    vi.useRealTimers()
    await settle(100)

    const lock = q('[data-test=lock-screen]')
    expect(lock).not.toBeNull()
    expect(q('[data-test=lock-operator]')?.textContent).toBe('组织部 王老师')
    // The page is still mounted underneath, with its text.
    expect(q<HTMLInputElement>('[data-test=form-input] input')?.value).toBe('未保存的意见内容')

    // A wrong password keeps it locked and says why.
    vi.mocked(api.authUnlock).mockRejectedValueOnce(
      new api.ApiError('validation', '密码不正确', [{ field: 'password', message: '密码不正确' }]),
    )
    await type('[data-test=lock-password]', 'nope')
    q<HTMLButtonElement>('[data-test=lock-unlock]')!.click()
    await settle()
    expect(q('[data-test=lock-error]')?.textContent).toBe('密码不正确')
    expect(useAppStore().locked).toBe(true)

    vi.mocked(api.authUnlock).mockResolvedValueOnce(status({ idle_lock_minutes: 2 }))
    await type('[data-test=lock-password]', 'Demo2026')
    q<HTMLButtonElement>('[data-test=lock-unlock]')!.click()
    await settle(400)
    expect(api.authUnlock).toHaveBeenLastCalledWith('Demo2026')
    expect(useAppStore().locked).toBe(false)
    expect(q<HTMLInputElement>('[data-test=form-input] input')?.value).toBe('未保存的意见内容')
    expect(q('[data-test=form-page]')).not.toBeNull()
  })

  it('shows the lock screen when a command finds the session locked', async () => {
    await mountApp(status())
    useAppStore().sessionLost(new api.ApiError('session_locked', '已锁定，请输入密码解锁'))
    await settle(100)
    expect(q('[data-test=lock-screen]')).not.toBeNull()
    expect(q('[data-test=form-page]')).not.toBeNull()
    expect(api.authLock).not.toHaveBeenCalled()
  })
})
