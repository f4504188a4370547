// 工作台's reception panels over the core's own answers (dev/fixtures/schedule.json, the demo on
// 2026-11-30, a Monday without receptions): 今日接待 says there is none and shows the next reception
// day; 本周接待 lists the days; with slots today they show instead. The 待分派 figure opens the ledger
// on its tab.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Router } from 'vue-router'
import { h } from 'vue'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { AppStatus, BackupStatus, Role } from '@/api'
import { useAppStore } from '@/stores/app'
import { cards, items, schedule } from '../../dev/fixtures'
import DashboardView from './DashboardView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    auditRecent: vi.fn(),
    cardCounts: vi.fn(),
    itemCounts: vi.fn(),
    delegatesList: vi.fn(),
    delegationsList: vi.fn(),
    delegateGet: vi.fn(),
    scheduleToday: vi.fn(),
    scheduleWeek: vi.fn(),
    scheduleNextDay: vi.fn(),
    backupStatus: vi.fn(),
  }
})

function status(role: Role, delegateId: string | null = null): AppStatus {
  return {
    version: '0.1.0',
    db_path: ':memory:',
    has_accounts: true,
    setup: 'demo',
    operator: { id: 'account:a1', name: '测试', role, delegate_id: delegateId, delegation_id: null },
    session: 'active',
    studio_name: '党代表工作室',
    idle_lock_minutes: 15,
    demo_login: null,
    delegate_count: 3,
    delegation_count: 1,
  }
}

let wrapper: VueWrapper | null = null
let router: Router

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  await flushPromises()
}

async function mountDashboard(role: Role = 'liaison', delegateId: string | null = null) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status(role, delegateId)
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/dashboard', component: DashboardView },
      { path: '/:other(.*)*', component: { render: () => h('div') } },
    ],
  })
  await router.push('/dashboard')
  await router.isReady()
  wrapper = mount(DashboardView, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

const backupOk: BackupStatus = {
  settings: { enabled: true, folder: '/media/usb', daily_time: '12:00', keep: 30, version: 1 },
  last_at: '2026-11-30T04:00:00.000Z',
  last_ok: true,
  last_kind: '自动',
  last_message: '/media/usb/studio-backup-20261130-120000.zip',
  warning: null,
}

const md = (date: string) => {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

beforeEach(() => {
  vi.mocked(api.auditRecent).mockResolvedValue([])
  vi.mocked(api.cardCounts).mockResolvedValue(cards.counts)
  vi.mocked(api.itemCounts).mockResolvedValue({ ...items.counts, unrouted: 3 })
  vi.mocked(api.delegatesList).mockResolvedValue({ items: [], total: 0, page: 1, page_size: 1 })
  vi.mocked(api.delegationsList).mockResolvedValue([])
  vi.mocked(api.scheduleToday).mockResolvedValue(schedule.today)
  vi.mocked(api.scheduleWeek).mockResolvedValue(schedule.week)
  vi.mocked(api.scheduleNextDay).mockResolvedValue(schedule.next_day)
  vi.mocked(api.backupStatus).mockResolvedValue(backupOk)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('DashboardView: 今日接待 and 本周接待', () => {
  it('with no reception today, shows the next reception day and its delegates', async () => {
    expect(schedule.today).toEqual([])
    const next = schedule.next_day!
    const w = await mountDashboard()
    const today = w.find('[data-test=dash-today]')
    expect(today.find('[data-test=dash-today-none]').text()).toBe('今日没有接待安排。')
    const nextEl = today.find('[data-test=dash-next-day]')
    expect(nextEl.text()).toContain(`下一个接待日：${md(next.date)} ${next.weekday_label}`)
    for (const d of next.slots[0]!.delegates) {
      expect(nextEl.text()).toContain(d.name)
      expect(nextEl.text()).toContain(d.delegation_name)
    }
    expect(api.scheduleNextDay).toHaveBeenCalledWith(vi.mocked(api.scheduleToday).mock.calls[0]![0])

    const week = w.findAll('[data-test=dash-week-day]')
    expect(week).toHaveLength(schedule.week.length)
    expect(week[0]!.text()).toContain(md(schedule.week[0]!.date))
    expect(week[0]!.text()).toContain(schedule.week[0]!.slots[0]!.delegates[0]!.name)
  })

  it('shows today’s slots when there are some, and asks for no next day', async () => {
    vi.mocked(api.scheduleToday).mockResolvedValue(schedule.next_day!.slots)
    const w = await mountDashboard()
    const slots = w.findAll('[data-test=dash-today-slot]')
    expect(slots).toHaveLength(schedule.next_day!.slots.length)
    const s = schedule.next_day!.slots[0]!
    expect(slots[0]!.text()).toContain(`${s.start}—${s.end}`)
    expect(slots[0]!.text()).toContain(s.delegates[0]!.name)
    expect(w.find('[data-test=dash-today-none]').exists()).toBe(false)
    expect(api.scheduleNextDay).not.toHaveBeenCalled()
  })

  it('says so when the week has no receptions', async () => {
    vi.mocked(api.scheduleWeek).mockResolvedValue([])
    vi.mocked(api.scheduleNextDay).mockResolvedValue(null)
    const w = await mountDashboard()
    expect(w.find('[data-test=dash-week-none]').text()).toContain('没有接待安排')
    expect(w.find('[data-test=dash-today]').text()).toContain('一年内还没有排定接待日')
  })

  it('marks the logged-in delegate’s own duty', async () => {
    const mine = schedule.week[0]!.slots[0]!.delegates[0]!.id
    const w = await mountDashboard('delegate', mine)
    expect(w.findAll('[data-test=dash-week] .is-mine').length).toBeGreaterThan(0)
  })

  it('counts 待分派 and opens the ledger on that tab', async () => {
    const w = await mountDashboard()
    const tile = w.find('[data-test=tile-items-unrouted]')
    expect(tile.text()).toContain('待分派')
    expect(tile.find('[data-test=dash-value]').text()).toBe('3')
    await tile.trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/items?view=unrouted')
  })
})

describe('DashboardView: 自动备份', () => {
  it('warns when the backup folder is missing, and says nothing when backups run', async () => {
    let w = await mountDashboard('admin')
    expect(w.find('[data-test=dashboard-backup-warning]').exists()).toBe(false)
    wrapper?.unmount()
    vi.mocked(api.backupStatus).mockResolvedValue({
      ...backupOk,
      last_ok: false,
      warning: '最近一次备份失败：备份文件夹 /media/usb 不存在（U 盘未插入？）',
    })
    w = await mountDashboard('admin')
    const alert = w.find('[data-test=dashboard-backup-warning]')
    expect(alert.text()).toContain('U 盘未插入')
    expect(alert.find('a').attributes('href')).toBe('/settings?tab=backup')
  })
})
