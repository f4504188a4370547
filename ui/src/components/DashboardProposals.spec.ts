// 工作台's 提议与调研 panel: the proposals' figures open the list on their view, and each
// delegation's survey light (green / red) opens its activities.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Router } from 'vue-router'
import { h } from 'vue'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import { useAppStore } from '@/stores/app'
import DashboardProposals from './DashboardProposals.vue'
import { lights, status } from '@/views/proposalSpecData'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, proposalCounts: vi.fn(), surveyIndicators: vi.fn() }
})

let wrapper: VueWrapper | null = null
let router: Router

async function mountPanel() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status('liaison')
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/dashboard', component: DashboardProposals },
      { path: '/proposals', name: 'proposals', component: { render: () => h('div') } },
      { path: '/activities', name: 'activities', component: { render: () => h('div') } },
    ],
  })
  await router.push('/dashboard')
  await router.isReady()
  wrapper = mount(DashboardProposals, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  vi.mocked(api.proposalCounts).mockResolvedValue({ open: 7, referred: 3, due_soon: 1, overdue: 2, closed_this_year: 1 })
  vi.mocked(api.surveyIndicators).mockResolvedValue(lights)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('DashboardProposals', () => {
  it('shows the figures and opens the overdue view', async () => {
    const w = await mountPanel()
    expect(w.find('[data-test=tile-proposals-overdue] [data-test=dash-value]').text()).toBe('2')
    expect(w.find('[data-test=tile-proposals-open] [data-test=dash-value]').text()).toBe('7')
    await w.find('[data-test=tile-proposals-overdue]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/proposals?view=overdue')
  })

  it('shows a light per delegation; a red one opens that delegation’s activities', async () => {
    const w = await mountPanel()
    expect(api.surveyIndicators).toHaveBeenCalledWith(expect.any(Number))
    expect(w.find('[data-test=survey-green]').text()).toContain('理工代表团 · 2 次')
    const red = w.find('[data-test=survey-red]')
    expect(red.text()).toContain('人文社科代表团')
    expect(red.text()).toContain('已过半年仍未开展走访调研')
    await red.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/activities?delegation=g2')
  })
})
