// 提议's list: rows as the real core answered them (dev/fixtures/studio.json), the filters sent to the
// backend (status, 督办 view from 工作台's link), and a row opening the proposal's page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Router } from 'vue-router'
import { h } from 'vue'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import { RULES } from '@/api/rules'
import { useAppStore } from '@/stores/app'
import { listIds, studio } from '../../dev/fixtures'
import ProposalsView from './ProposalsView.vue'
import { status } from './proposalSpecData'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, proposalsList: vi.fn(), delegationsList: vi.fn() }
})

/** The first referred proposal of the captured list one of whose units has answered and one has not. */
const row = listIds(studio.proposals, {})!
  .map((id) => studio.proposals.rows[id]!)
  .find((r) => r.status === 'referred' && r.answered > 0 && r.answered < r.referred)!

let wrapper: VueWrapper | null = null
let router: Router

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 60))
  await flushPromises()
}

async function mountList(path = '/proposals', role: 'liaison' | 'head' = 'liaison') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status(role)
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/proposals', name: 'proposals', component: ProposalsView },
      { path: '/proposals/:id', name: 'proposal', component: { render: () => h('div') } },
    ],
  })
  await router.push(path)
  await router.isReady()
  wrapper = mount(ProposalsView, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

beforeEach(() => {
  vi.mocked(api.proposalsList).mockResolvedValue({ items: [row], total: 1, page: 1, page_size: 20 })
  vi.mocked(api.delegationsList).mockResolvedValue([])
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('ProposalsView', () => {
  it('lists the proposals with their units, answers and state', async () => {
    const w = await mountList()
    expect(w.find('[data-test=pr-row-no]').text()).toBe(row.no)
    expect(w.find('[data-test=pr-row-status]').text()).toBe(RULES.proposals.statuses.find((x) => x.value === 'referred')?.label)
    const table = w.find('[data-test=pr-table]').text()
    expect(table).toContain(row.units)
    expect(table).toContain(`已答复 ${row.answered}/${row.referred}`)
    expect(vi.mocked(api.proposalsList).mock.calls[0]![0]).toMatchObject({ status: null, view: null, page: { page: 1, page_size: 20 } })
  })

  it('opens on a 督办 view from 工作台’s link and sends it to the backend', async () => {
    await mountList('/proposals?view=overdue')
    expect(vi.mocked(api.proposalsList).mock.calls[0]![0].view).toBe('overdue')
  })

  it('a head has no delegation filter (the core answers their delegation’s), and a row opens the page', async () => {
    const w = await mountList('/proposals', 'head')
    expect(w.find('[data-test=pr-filter-delegation]').exists()).toBe(false)
    expect(w.find('[data-test=pr-add]').exists()).toBe(true)
    await w.find('[data-test=pr-row-title]').trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe(`/proposals/${row.id}`)
  })
})
