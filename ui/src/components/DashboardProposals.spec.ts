// 工作台's 提议与调研 panel over the real core's answers for the demo on the fixture day
// (dev/fixtures/studio.json): the proposals' figures open the list on their view, and each
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
import { counts, lights, status } from '@/views/proposalSpecData'

const green = lights.find((l) => l.light === 'green' && l.surveys > 0)!
const red = lights.find((l) => l.light === 'red')!

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
  vi.mocked(api.proposalCounts).mockResolvedValue(counts('liaison'))
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
    const c = counts('liaison')
    expect(w.find('[data-test=tile-proposals-overdue] [data-test=dash-value]').text()).toBe(String(c.overdue))
    expect(w.find('[data-test=tile-proposals-open] [data-test=dash-value]').text()).toBe(String(c.open))
    await w.find('[data-test=tile-proposals-overdue]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/proposals?view=overdue')
  })

  it('shows a light per delegation; a red one opens that delegation’s activities', async () => {
    const w = await mountPanel()
    expect(api.surveyIndicators).toHaveBeenCalledWith(expect.any(Number))
    const greens = w.findAll('[data-test=survey-green]').map((x) => x.text())
    expect(greens).toContain(`${green.delegation_name} · ${green.surveys} 次`)
    const shown = w.find('[data-test=survey-red]')
    expect(shown.text()).toContain(red.delegation_name)
    expect(shown.text()).toContain('已过半年仍未开展走访调研')
    await shown.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe(`/activities?delegation=${red.delegation_id}`)
  })
})
