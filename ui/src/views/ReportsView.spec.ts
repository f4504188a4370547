// 统计汇总 with a mocked api: the period presets ask the backend for the right days, the table shows
// each delegation's delegates, its 小计 and the 合计, a delegate's figure opens the list behind it
// (记录卡 / 意见台账 filtered by delegate and period), 承办单位 is the other tab, and the export
// buttons ask the backend for the tab's report as Excel or PDF.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Router } from 'vue-router'
import { h } from 'vue'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { Summary, SummaryFigures, UnitsReport } from '@/api'
import { todayShanghai } from '@/utils/datetime'
import ReportsView from './ReportsView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, reportsSummary: vi.fn(), reportsUnits: vi.fn(), reportsSave: vi.fn() }
})

function figures(over: Partial<SummaryFigures> = {}): SummaryFigures {
  return {
    contacts: 0,
    by_channel: { studio: 0, online: 0, appointment: 0, home_visit: 0, other: 0 },
    people: 0,
    items: 0,
    by_category: {
      policy_inquiry: 0,
      implementation: 0,
      party_building: 0,
      public_opinion: 0,
      rights: 0,
      hardship: 0,
    },
    answered: 0,
    closed: 0,
    closed_on_time: 0,
    on_time_rate: null,
    avg_days_to_close: null,
    satisfied: 0,
    basically_satisfied: 0,
    unsatisfied: 0,
    late_cards: 0,
    surveys: 0,
    proposals: 0,
    ...over,
  }
}

const year = todayShanghai().slice(0, 4)

const zhang = figures({
  contacts: 3,
  by_channel: { studio: 1, online: 1, appointment: 0, home_visit: 1, other: 0 },
  people: 9,
  items: 2,
  closed: 2,
  closed_on_time: 1,
  on_time_rate: 0.5,
  avg_days_to_close: 6,
  late_cards: 1,
})
const wang = figures({ contacts: 2, by_channel: { studio: 0, online: 0, appointment: 1, home_visit: 0, other: 1 }, people: 2 })
const li = figures({ contacts: 1, by_channel: { studio: 1, online: 0, appointment: 0, home_visit: 0, other: 0 }, people: 4 })

const summary: Summary = {
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  rows: [
    { delegate: '王强', delegate_id: 'd-wang', delegation: '理工代表团', delegation_id: 'g1', ...wang },
    { delegate: '张建华', delegate_id: 'd-zhang', delegation: '理工代表团', delegation_id: 'g1', ...zhang },
    { delegate: '李丽华', delegate_id: 'd-li', delegation: '人文社科代表团', delegation_id: 'g2', ...li },
  ],
  delegations: [
    { delegation: '理工代表团', delegation_id: 'g1', ...figures({ contacts: 5, people: 11, on_time_rate: 0.5 }) },
    { delegation: '人文社科代表团', delegation_id: 'g2', ...figures({ contacts: 1, people: 4 }) },
  ],
  total: figures({ contacts: 6, people: 15, on_time_rate: 0.5 }),
  unrouted_items: 2,
}

const units: UnitsReport = {
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  rows: [
    {
      unit: '后勤管理处',
      referred: 2,
      answered: 2,
      answered_on_time: 1,
      on_time_rate: 0.5,
      avg_days: 4,
      satisfied: 1,
      basically_satisfied: 0,
      unsatisfied: 0,
    },
  ],
  total: {
    referred: 2,
    answered: 2,
    answered_on_time: 1,
    on_time_rate: 0.5,
    avg_days: 4,
    satisfied: 1,
    basically_satisfied: 0,
    unsatisfied: 0,
  },
}

let wrapper: VueWrapper | null = null
let router: Router

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 30))
  await flushPromises()
}

async function mountView() {
  const pinia = createPinia()
  setActivePinia(pinia)
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/reports', component: ReportsView },
      { path: '/:other(.*)*', component: { render: () => h('div') } },
    ],
  })
  await router.push('/reports')
  await router.isReady()
  wrapper = mount(ReportsView, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

const texts = (w: VueWrapper, test: string) => w.findAll(`[data-test="${test}"]`).map((e) => e.text())

beforeEach(() => {
  vi.mocked(api.reportsSummary).mockReset().mockResolvedValue(summary)
  vi.mocked(api.reportsUnits).mockReset().mockResolvedValue(units)
  vi.mocked(api.reportsSave).mockReset().mockResolvedValue({ path: '/tmp/汇总表.xlsx', count: 3 })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

describe('ReportsView', () => {
  it('asks for this year and shows the delegates, the subtotals and the total', async () => {
    const w = await mountView()
    expect(api.reportsSummary).toHaveBeenCalledWith({ from: `${year}-01-01`, to: `${year}-12-31` })
    // el-table renders the fixed columns twice; the main body's cells come first.
    const names = texts(w, 'reports-delegate')
    expect(names.slice(0, 6)).toEqual(['王强', '张建华', '小计', '李丽华', '小计', ''])
    const contacts = texts(w, 'reports-contacts').slice(0, 6)
    expect(contacts).toEqual(['2', '3', '5', '1', '1', '6'])
    expect(texts(w, 'reports-rate').slice(0, 2)).toEqual(['—', '50.0%'])
    expect(texts(w, 'reports-days').slice(0, 2)).toEqual(['—', '6.0'])
    expect(w.find('[data-test="reports-unrouted"]').text()).toContain('2 件')
    expect(w.find('.reports__line--subtotal').exists()).toBe(true)
    expect(w.find('.reports__line--total').exists()).toBe(true)
  })

  it('asks for the month, the quarter and a custom range', async () => {
    const w = await mountView()
    const [y, m] = todayShanghai().split('-').map(Number)
    const mm = String(m).padStart(2, '0')
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
    await w.find('[data-test="reports-preset-month"] input').setValue(true)
    await settle()
    expect(api.reportsSummary).toHaveBeenLastCalledWith({ from: `${y}-${mm}-01`, to: `${y}-${mm}-${last}` })
    await w.find('[data-test="reports-preset-quarter"] input').setValue(true)
    await settle()
    const q = Math.floor((m - 1) / 3) * 3 + 1
    const lastMonth = q + 2
    const lastDay = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate()
    expect(api.reportsSummary).toHaveBeenLastCalledWith({
      from: `${y}-${String(q).padStart(2, '0')}-01`,
      to: `${y}-${String(lastMonth).padStart(2, '0')}-${lastDay}`,
    })
    // 自定义 waits for a range.
    const calls = vi.mocked(api.reportsSummary).mock.calls.length
    await w.find('[data-test="reports-preset-custom"] input').setValue(true)
    await settle()
    expect(vi.mocked(api.reportsSummary).mock.calls.length).toBe(calls)
    expect(w.find('[data-test="reports-range"]').exists()).toBe(true)
  })

  it("opens a delegate's cards and items for the period", async () => {
    const w = await mountView()
    const push = vi.spyOn(router, 'push')
    await w.findAll('a[data-test="reports-contacts"]')[1].trigger('click')
    expect(push).toHaveBeenLastCalledWith({
      path: '/cards',
      query: { from: `${year}-01-01`, to: `${year}-12-31`, delegate: 'd-zhang', delegate_name: '张建华', status: 'all' },
    })
    await w.findAll('a[data-test="reports-channel-home_visit"]')[1].trigger('click')
    expect(push).toHaveBeenLastCalledWith({
      path: '/cards',
      query: { from: `${year}-01-01`, to: `${year}-12-31`, delegate: 'd-zhang', delegate_name: '张建华', status: 'all', channel: 'home_visit' },
    })
    await w.findAll('a[data-test="reports-late"]')[1].trigger('click')
    expect(push).toHaveBeenLastCalledWith({
      path: '/cards',
      query: { from: `${year}-01-01`, to: `${year}-12-31`, delegate: 'd-zhang', delegate_name: '张建华', deadline: 'filed_late' },
    })
    await w.findAll('a[data-test="reports-closed"]')[1].trigger('click')
    expect(push).toHaveBeenLastCalledWith({
      path: '/items',
      query: { from: `${year}-01-01`, to: `${year}-12-31`, delegate: 'd-zhang', delegate_name: '张建华', view: 'all', status: 'closed' },
    })
    // A subtotal has no list behind it: plain text; the total's contacts open the period's cards.
    const contacts = w.findAll('[data-test="reports-contacts"]')
    expect(contacts[2].element.tagName).toBe('SPAN')
    await contacts[5].trigger('click')
    expect(push).toHaveBeenLastCalledWith({
      path: '/cards',
      query: { from: `${year}-01-01`, to: `${year}-12-31`, status: 'all' },
    })
  })

  it('shows 承办单位 on its tab', async () => {
    const w = await mountView()
    await w.find('#tab-units').trigger('click')
    await settle()
    expect(api.reportsUnits).toHaveBeenCalledWith({ from: `${year}-01-01`, to: `${year}-12-31` })
    expect(texts(w, 'reports-unit')).toEqual(['后勤管理处', '合计'])
    expect(texts(w, 'reports-unit-referred')).toEqual(['2', '2'])
    expect(texts(w, 'reports-unit-rate')).toEqual(['50.0%', '50.0%'])
  })

  it("exports the tab's report as Excel and PDF", async () => {
    const w = await mountView()
    await w.find('[data-test="reports-export-xlsx"]').trigger('click')
    await settle()
    expect(api.reportsSave).toHaveBeenLastCalledWith(
      'summary',
      'xlsx',
      { from: `${year}-01-01`, to: `${year}-12-31` },
      `党代表联系党员群众工作情况汇总表-${year}-01-01至${year}-12-31.xlsx`,
    )
    await w.find('#tab-units').trigger('click')
    await settle()
    await w.find('[data-test="reports-export-pdf"]').trigger('click')
    await settle()
    expect(api.reportsSave).toHaveBeenLastCalledWith(
      'units',
      'pdf',
      { from: `${year}-01-01`, to: `${year}-12-31` },
      `承办单位办理情况统计表-${year}-01-01至${year}-12-31.pdf`,
    )
  })

  it("shows the backend's message when the figures cannot be read", async () => {
    vi.mocked(api.reportsSummary).mockRejectedValue(
      new api.ApiError('forbidden', '审计（审计员）没有权限：查看记录'),
    )
    const w = await mountView()
    expect(w.find('[data-test="reports-error"]').text()).toContain('没有权限')
  })
})
