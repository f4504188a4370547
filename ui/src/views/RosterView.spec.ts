import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { AppStatus, DelegateListItem, DelegationSummary, Page, Role } from '@/api'
import { useAppStore } from '@/stores/app'
import RosterView from './RosterView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    delegatesList: vi.fn(),
    delegationsList: vi.fn(),
    delegatePhoto: vi.fn(),
  }
})

const delegations: DelegationSummary[] = [
  { id: 'g1', name: '理工代表团', head_delegate_id: null, head_name: null, note: '', display_order: 1, active_count: 1 },
  { id: 'g2', name: '人文社科代表团', head_delegate_id: null, head_name: null, note: '', display_order: 2, active_count: 0 },
]

const item: DelegateListItem = {
  id: 'd1',
  name: '张建华',
  gender: 'male',
  delegation_id: 'g1',
  delegation_name: '理工代表团',
  unit: '计算机工程学院',
  position: '院长',
  mobile_masked: '138****5678',
  status: 'active',
  term: '第三届（2021—2026）',
  has_photo: false,
  display_order: 1,
}

const page = (items: DelegateListItem[], total = items.length): Page<DelegateListItem> => ({
  items,
  total,
  page: 1,
  page_size: 20,
})

function status(delegateCount: number, role: Role = 'admin'): AppStatus {
  return {
    version: '0.1.0',
    db_path: ':memory:',
    has_accounts: true,
    setup: 'demo',
    operator: { id: 'account:a1', name: '王明', role, delegate_id: null, delegation_id: null },
    session: 'active',
    studio_name: '党代表工作室',
    idle_lock_minutes: 15,
    demo_login: null,
    delegate_count: delegateCount,
    delegation_count: 2,
  }
}

let wrapper: VueWrapper | null = null

async function mountRoster(delegateCount: number, role: Role = 'admin') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status(delegateCount, role)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/roster', name: 'roster', component: RosterView },
      { path: '/delegates/:id', name: 'delegate', component: { template: '<div />' } },
    ],
  })
  await router.push('/roster')
  wrapper = mount(RosterView, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

const lastQuery = () => vi.mocked(api.delegatesList).mock.calls.at(-1)![0]

beforeEach(() => {
  vi.mocked(api.delegationsList).mockResolvedValue(delegations)
  vi.mocked(api.delegatePhoto).mockResolvedValue(null)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.clearAllMocks()
  vi.useRealTimers()
})

describe('RosterView', () => {
  it('asks for the first page of delegates in office, in roster order, and shows the masked phone', async () => {
    vi.mocked(api.delegatesList).mockResolvedValue(page([item]))
    const { wrapper: w } = await mountRoster(1)

    expect(api.delegatesList).toHaveBeenCalledTimes(1)
    expect(lastQuery()).toEqual({
      q: '',
      delegation_id: null,
      status: 'active',
      sort: 'roster',
      page: { page: 1, page_size: 20 },
    })
    const table = w.find('[data-test=roster-table]')
    expect(table.find('[data-test=roster-name]').text()).toBe('张建华')
    expect(table.find('[data-test=roster-phone]').text()).toBe('138****5678')
    expect(table.text()).toContain('计算机工程学院')
    expect(w.find('[data-test=roster-empty]').exists()).toBe(false)
  })

  it('searches after a pause in typing, and at once on Enter', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    vi.mocked(api.delegatesList).mockResolvedValue(page([item]))
    const { wrapper: w } = await mountRoster(1)
    vi.mocked(api.delegatesList).mockClear()

    const search = w.find('[data-test=roster-search] input')
    await search.setValue('z')
    await search.setValue('zj')
    await search.setValue('zjh')
    vi.advanceTimersByTime(200)
    expect(api.delegatesList).not.toHaveBeenCalled()
    vi.advanceTimersByTime(60)
    await flushPromises()
    expect(api.delegatesList).toHaveBeenCalledTimes(1)
    expect(lastQuery()).toMatchObject({ q: 'zjh', page: { page: 1, page_size: 20 } })

    await search.setValue('计算机')
    await search.trigger('keydown', { key: 'Enter' })
    await flushPromises()
    expect(api.delegatesList).toHaveBeenCalledTimes(2)
    expect(lastQuery().q).toBe('计算机')
    // The pending debounced call was replaced by the Enter, not added to it.
    vi.advanceTimersByTime(500)
    await flushPromises()
    expect(api.delegatesList).toHaveBeenCalledTimes(2)
  })

  it('passes the delegation, status and sort filters to the backend', async () => {
    vi.mocked(api.delegatesList).mockResolvedValue(page([item]))
    const { wrapper: w } = await mountRoster(1)
    // The filter boxes come in just after the first page is painted (two animation frames).
    await vi.waitFor(() => expect(w.find('[data-test=roster-filter-delegation]').exists()).toBe(true))

    const pick = async (test: string, value: string) => {
      const select = w.findComponent<typeof import('element-plus')['ElSelect']>(`[data-test=${test}]`)
      select.vm.$emit('update:modelValue', value)
      select.vm.$emit('change', value)
      await flushPromises()
    }
    await pick('roster-filter-delegation', 'g2')
    expect(lastQuery()).toMatchObject({ delegation_id: 'g2', status: 'active' })
    await pick('roster-filter-status', 'all')
    expect(lastQuery()).toMatchObject({ delegation_id: 'g2', status: null })
    await pick('roster-filter-status', 'left')
    expect(lastQuery()).toMatchObject({ status: 'left' })
    await pick('roster-sort', 'updated_desc')
    expect(lastQuery()).toMatchObject({ sort: 'updated_desc', delegation_id: 'g2', status: 'left' })
  })

  it('explains how to start when the roster is empty', async () => {
    vi.mocked(api.delegatesList).mockResolvedValue(page([]))
    const { wrapper: w } = await mountRoster(0)
    const empty = w.find('[data-test=roster-empty]')
    expect(empty.exists()).toBe(true)
    expect(empty.text()).toContain('还没有党代表。点击“新增党代表”添加，或在“代表团管理”中先建立代表团。')
  })

  it('says nothing matched when filters exclude everyone', async () => {
    vi.mocked(api.delegatesList).mockResolvedValue(page([]))
    const { wrapper: w } = await mountRoster(12)
    const empty = w.find('[data-test=roster-empty]')
    expect(empty.text()).toContain('没有符合条件的党代表，试试更换关键词或筛选条件')
    expect(empty.text()).not.toContain('还没有党代表')
  })

  it('offers adding and changing delegates only to a role that may edit the roster', async () => {
    vi.mocked(api.delegatesList).mockResolvedValue(page([item]))
    const { wrapper: admin } = await mountRoster(1)
    expect(admin.find('[data-test=roster-add]').exists()).toBe(true)
    expect(admin.find('[data-test=roster-delegations]').exists()).toBe(true)
    expect(admin.find('[data-test=roster-import]').exists()).toBe(true)
    expect(admin.find('[data-test=roster-table]').text()).toContain('编辑')
    admin.unmount()

    const { wrapper: liaison } = await mountRoster(1, 'liaison')
    expect(liaison.find('[data-test=roster-add]').exists()).toBe(false)
    expect(liaison.find('[data-test=roster-delegations]').exists()).toBe(false)
    expect(liaison.find('[data-test=roster-import]').exists()).toBe(false)
    const table = liaison.find('[data-test=roster-table]')
    expect(table.text()).toContain('查看')
    expect(table.text()).not.toContain('编辑')
    expect(table.text()).not.toContain('离任')
  })

  it('opens the profile when a name is clicked', async () => {
    vi.mocked(api.delegatesList).mockResolvedValue(page([item]))
    const { wrapper: w, router } = await mountRoster(1)
    await w.find('[data-test=roster-name]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/delegates/d1')
  })
})
