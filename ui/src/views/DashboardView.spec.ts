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
import { cards, items, reports, schedule } from '../../dev/fixtures'
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
    reportsCharts: vi.fn(),
  }
})

/** A stand-in for ECharts: each chart keeps its options and its click handler. */
interface FakeChart {
  dom: HTMLElement
  option: Record<string, unknown> | null
  click: ((e: unknown) => void) | null
}
const charts: FakeChart[] = []
vi.mock('@/utils/echarts', () => ({
  loadEcharts: vi.fn(async () => ({
    init: (dom: HTMLElement) => {
      const c: FakeChart = { dom, option: null, click: null }
      charts.push(c)
      return {
        getDom: () => dom,
        setOption: (o: Record<string, unknown>) => (c.option = o),
        on: (_: string, f: (e: unknown) => void) => (c.click = f),
        resize: () => undefined,
        dispose: () => charts.splice(charts.indexOf(c), 1),
      }
    },
  })),
}))

const YEAR = reports.charts['2026-01-01..2026-12-31']!

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
  vi.mocked(api.reportsCharts).mockResolvedValue(YEAR)
  charts.length = 0
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

describe('DashboardView: 统计图表', () => {
  /** The chart drawn in the cell of `kind`. */
  const chartOf = (kind: string) => {
    const cell = document.querySelector(`[data-test=dash-chart-${kind}] [data-test=dash-chart-canvas]`)
    const c = charts.find((x) => x.dom === cell)
    expect(c, kind).toBeDefined()
    return c!
  }

  it('draws the four charts from one read of the year', async () => {
    await mountDashboard()
    expect(api.reportsCharts).toHaveBeenCalledTimes(1)
    const period = vi.mocked(api.reportsCharts).mock.calls[0]![0]
    expect(period.from!.slice(5)).toBe('01-01')
    expect(period.to!.slice(5)).toBe('12-31')
    expect(charts).toHaveLength(4)
    // Items per month: a stacked series per category, a bar per month.
    const months = chartOf('months').option as { series: { stack: string; data: number[] }[]; xAxis: { data: string[] } }
    expect(months.series).toHaveLength(6)
    expect(months.series.every((x) => x.stack === 'items')).toBe(true)
    expect(months.xAxis.data).toHaveLength(12)
    const november = YEAR.months[10]!
    const total = months.series.reduce((n, x) => n + x.data[10]!, 0)
    expect(total).toBe(Object.values(november.by_category).reduce((a, b) => a + b, 0))
    // The pie's slices are the channels' counts.
    const pie = chartOf('channels').option as { series: { data: { value: number }[] }[] }
    expect(pie.series[0]!.data.map((d) => d.value).reduce((a, b) => a + b, 0)).toBe(
      Object.values(YEAR.channels).reduce((a, b) => a + b, 0),
    )
    expect(document.querySelector('[data-test=dash-charts-range]')!.textContent).toBe(`${YEAR.from} 至 ${YEAR.to}`)
  })

  it('opens the list behind a bar, a point or a slice', async () => {
    await mountDashboard()
    // The second category's bar in November: that category's items received in November.
    chartOf('months').click!({ seriesIndex: 1, dataIndex: 10 })
    await settle()
    expect(router.currentRoute.value.path).toBe('/items')
    expect(router.currentRoute.value.query).toEqual({ view: 'all', category: 'implementation', from: '2026-11-01', to: '2026-11-30' })

    await router.push('/dashboard')
    await settle()
    // October's on-time point: the items closed in October.
    chartOf('onTime').click!({ seriesIndex: 0, dataIndex: 9 })
    await settle()
    expect(router.currentRoute.value.query).toEqual({ view: 'all', status: 'closed', closed_from: '2026-10-01', closed_to: '2026-10-31' })

    await router.push('/dashboard')
    await settle()
    // A delegation's 已办结 bar: its closed items of the year; 按期办结 opens nothing.
    const g = YEAR.delegations[0]!
    chartOf('delegations').click!({ seriesIndex: 1, dataIndex: 0 })
    await settle()
    expect(router.currentRoute.value.query).toEqual({ view: 'all', from: YEAR.from, to: YEAR.to, delegation: g.delegation_id, status: 'closed' })
    await router.push('/dashboard')
    await settle()
    chartOf('delegations').click!({ seriesIndex: 2, dataIndex: 0 })
    await settle()
    expect(router.currentRoute.value.path).toBe('/dashboard')

    // A slice: the record cards of that channel (the pie's first slice is 党代表工作室).
    chartOf('channels').click!({ seriesIndex: 0, dataIndex: 0 })
    await settle()
    expect(router.currentRoute.value.path).toBe('/cards')
    expect(router.currentRoute.value.query).toEqual({ status: 'all', from: YEAR.from, to: YEAR.to, channel: 'studio' })
  })

  it('shows an empty state, not a blank chart, where there is nothing to draw', async () => {
    const last = reports.charts['2025-01-01..2025-12-31']!
    vi.mocked(api.reportsCharts).mockResolvedValue(last)
    await mountDashboard()
    // 2025 of the demo: two cards of 其他形式, two items received in December and closed only in 2026.
    expect(document.querySelector('[data-test=dash-chart-onTime] [data-test=dash-chart-empty]')!.textContent).toContain('期间内没有办结的事项')
    expect(document.querySelector('[data-test=dash-chart-onTime] [data-test=dash-chart-canvas]')).toBeNull()
    expect(charts.some((c) => c.dom.closest('[data-test=dash-chart-onTime]'))).toBe(false)
    expect(document.querySelector('[data-test=dash-chart-channels] [data-test=dash-chart-canvas]')).not.toBeNull()
  })

  it('is not shown to the auditor, who reads no records', async () => {
    await mountDashboard('auditor')
    expect(document.querySelector('[data-test=dash-charts]')).toBeNull()
    expect(api.reportsCharts).not.toHaveBeenCalled()
  })
})
