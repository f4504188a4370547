// 提议's page: the steps offered are the core's `allowed` (nothing restated), each unit's deadline
// and answer are shown, 单位答复 sends the chosen unit's answer with the version read, and the
// linked items open the ledger.
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
import ProposalDetailView from './ProposalDetailView.vue'
import { detail, proposal, status } from './proposalSpecData'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, proposalGet: vi.fn(), proposalAct: vi.fn(), proposalPdfOpen: vi.fn(), itemsList: vi.fn(), delegationsList: vi.fn() }
})

let wrapper: VueWrapper | null = null
let router: Router

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 120))
  await flushPromises()
}

async function mountPage() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status('liaison')
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/proposals/:id', name: 'proposal', component: ProposalDetailView, props: true },
      { path: '/items/:id', name: 'item', component: { render: () => h('div') } },
    ],
  })
  await router.push('/proposals/p1')
  await router.isReady()
  wrapper = mount(ProposalDetailView, { props: { id: 'p1' }, global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

beforeEach(() => {
  vi.mocked(api.proposalGet).mockResolvedValue(detail())
  vi.mocked(api.delegationsList).mockResolvedValue([])
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('ProposalDetailView', () => {
  it('shows the proposal, its items, its units and only the steps the core allows', async () => {
    const w = await mountPage()
    expect(w.find('[data-test=pd-no]').text()).toBe('2026-0004')
    expect(w.find('[data-test=pd-status]').text()).toBe('交办')
    expect(w.find('[data-test=pd-items]').text()).toContain('2026-0031')
    const units = w.findAll('[data-test=pd-unit-name]').map((u) => u.text())
    expect(units).toEqual(['后勤管理处', '教务处'])
    expect(w.find('[data-test=pd-units]').text()).toContain('尚未答复')
    expect(w.find('[data-test=pd-unit-answer]').text()).toContain('教务处已落实。')
    const steps = w.findAll('[data-test^=pd-step-]').map((b) => b.attributes('data-test'))
    expect(steps).toEqual(['pd-step-answer', 'pd-step-evaluate', 'pd-step-chase', 'pd-step-note'])
    // A referred proposal's text is no longer editable.
    expect(w.find('[data-test=pd-edit]').exists()).toBe(false)
    expect(w.find('[data-test=pd-timeline]').text()).toContain('交办：后勤管理处、教务处')
  })

  it('单位答复 sends the unanswered unit’s answer with the version read, then shows the new state', async () => {
    const w = await mountPage()
    const answered = proposal({ status: 'answered', version: 7 })
    vi.mocked(api.proposalAct).mockResolvedValue(answered)
    vi.mocked(api.proposalGet).mockResolvedValue(detail({ proposal: answered, allowed: ['evaluate', 'note'] }))
    await w.find('[data-test=pd-step-answer]').trigger('click')
    await settle()
    expect(document.querySelector('.el-dialog')?.textContent).toContain('单位答复')
    // Without an answer nothing is sent: the field says what is missing.
    ;(document.querySelector('[data-test=pa-submit]') as HTMLButtonElement).click()
    await settle()
    expect(api.proposalAct).not.toHaveBeenCalled()
    expect(document.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('请填写答复内容')
    const text = (document.querySelector('textarea[data-test=pa-answer]') ??
      document.querySelector('[data-test=pa-answer] textarea')) as HTMLTextAreaElement
    text.value = '已延长至 20:00。'
    text.dispatchEvent(new Event('input'))
    await settle()
    ;(document.querySelector('[data-test=pa-submit]') as HTMLButtonElement).click()
    await settle()
    expect(api.proposalAct).toHaveBeenCalledWith('p1', 6, { kind: 'answer', unit: '后勤管理处', answer: '已延长至 20:00。', on: '' })
    expect(w.find('[data-test=pd-status]').text()).toBe('单位答复')
    expect(w.findAll('[data-test^=pd-step-]').map((b) => b.attributes('data-test'))).toEqual(['pd-step-evaluate', 'pd-step-note'])
  })

  it('a draft offers 修改 and 团内讨论 to a head, and prints through the backend', async () => {
    vi.mocked(api.proposalGet).mockResolvedValue(
      detail({ proposal: proposal({ status: 'draft', units: [], deadline: 'none', due_on: null }), allowed: ['discuss', 'note'] }),
    )
    vi.mocked(api.proposalPdfOpen).mockResolvedValue({ pdf_base64: '', path: '/tmp/x.pdf', page_count: 1, missing_chars: [] })
    const w = await mountPage()
    expect(w.find('[data-test=pd-edit]').exists()).toBe(true)
    expect(w.find('[data-test=pd-step-discuss]').exists()).toBe(true)
    expect(w.find('[data-test=pd-units]').exists()).toBe(false)
    await w.find('[data-test=pd-print]').trigger('click')
    await settle()
    expect(api.proposalPdfOpen).toHaveBeenCalledWith('p1')
  })
})
