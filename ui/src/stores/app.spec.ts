// The window's first status: the backend hands a new window its opening status before any page
// script (src-tauri/src/kiosk.rs `opening_script`), so the login is the first render, with no
// `app_status` round trip; without one (a reloaded page, the browser mock) the status is asked for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import * as api from '@/api'
import type { WindowStatus } from '@/api'
import { useAppStore } from './app'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, appStatus: vi.fn() }
})

const opening: WindowStatus = {
  version: '0.1.0',
  db_path: '/data/studio.db',
  has_accounts: true,
  setup: 'demo',
  operator: null,
  session: 'none',
  studio_name: '理工大学党代表工作室',
  idle_lock_minutes: 15,
  demo_login: { logins: ['admin'], password: 'demo1234' },
  delegate_count: 0,
  delegation_count: 0,
  kiosk: null,
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})
afterEach(() => {
  delete window.__STUDIO_OPENING__
})

describe('the window’s first status', () => {
  it('shows the login at once from the opening status, without asking the backend', async () => {
    window.__STUDIO_OPENING__ = opening
    const app = useAppStore()
    expect(app.gate).toBe('login')
    expect(app.studioName).toBe('理工大学党代表工作室')
    expect(app.isKiosk).toBe(false)
    await app.ready()
    expect(api.appStatus).not.toHaveBeenCalled()
    // Taken once: a reloaded page (or a second store) asks the backend.
    expect(window.__STUDIO_OPENING__).toBeUndefined()
  })

  it('opens a kiosk window at the kiosk from the opening status', () => {
    window.__STUDIO_OPENING__ = { ...opening, kiosk: { terminal: 'kiosk:host', idle_seconds: 90 } }
    const app = useAppStore()
    expect(app.isKiosk).toBe(true)
    expect(app.kioskIdleMs).toBe(90_000)
  })

  it('asks the backend when the window gave no opening status', async () => {
    vi.mocked(api.appStatus).mockResolvedValue({ ...opening, has_accounts: false })
    const app = useAppStore()
    expect(app.gate).toBe('loading')
    await app.ready()
    expect(api.appStatus).toHaveBeenCalledTimes(1)
    expect(app.gate).toBe('setup_admin')
  })
})
