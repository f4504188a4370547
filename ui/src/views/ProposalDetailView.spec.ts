// 提议's page over proposals the real core answered (dev/fixtures/studio.json, the demo opened by its
// administrator): the steps offered are the core's `allowed` (nothing restated), each unit's answer or
// 尚未答复 is shown, 单位答复 sends the unanswered unit's answer with the version read, and a draft
// offers 修改 and 团内讨论.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Router } from 'vue-router'
import { h } from 'vue'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { ProposalDetail } from '@/api'
import { RULES } from '@/api/rules'
import { useAppStore } from '@/stores/app'
import ProposalDetailView from './ProposalDetailView.vue'
import { detailWhere, status } from './proposalSpecData'

/** A referred proposal one of whose units has answered and one has not (the core's own record). */
const halfAnswered = () =>
  detailWhere(
    (d) => d.proposal.status === 'referred' && d.proposal.units.some((u) => u.answered_on) && d.proposal.units.some((u) => !u.answered_on),
  )
const statusLabel = (s: string) => RULES.proposals.statuses.find((x) => x.value === s)?.label
/** The steps as buttons: the core's `allowed` in its order, 备注 (a button of its own) last. */
const stepsOf = (d: ProposalDetail) =>
  [...d.allowed.filter((k) => k !== 'note'), ...d.allowed.filter((k) => k === 'note')].map((k) => `pd-step-${k}`)
let shown: ProposalDetail

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
  useAppStore().status = status('admin')
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/proposals/:id', name: 'proposal', component: ProposalDetailView, props: true },
      { path: '/items/:id', name: 'item', component: { render: () => h('div') } },
    ],
  })
  await router.push(`/proposals/${shown.proposal.id}`)
  await router.isReady()
  wrapper = mount(ProposalDetailView, { props: { id: shown.proposal.id }, global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

beforeEach(() => {
  shown = halfAnswered()
  vi.mocked(api.proposalGet).mockImplementation(async () => shown)
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
    const p = shown.proposal
    const w = await mountPage()
    expect(w.find('[data-test=pd-no]').text()).toBe(p.no)
    expect(w.find('[data-test=pd-status]').text()).toBe(statusLabel('referred'))
    expect(p.items.length).toBeGreaterThan(0)
    for (const i of p.items) expect(w.find('[data-test=pd-items]').text()).toContain(i.no)
    const units = w.findAll('[data-test=pd-unit-name]').map((u) => u.text())
    expect(units).toEqual(p.units.map((u) => u.unit))
    expect(w.find('[data-test=pd-units]').text()).toContain('尚未答复')
    const answered = p.units.find((u) => u.answered_on)!
    expect(w.find('[data-test=pd-unit-answer]').text()).toContain(answered.answer)
    const steps = w.findAll('[data-test^=pd-step-]').map((b) => b.attributes('data-test'))
    expect(steps).toEqual(stepsOf(shown))
    expect(steps).toContain('pd-step-answer')
    // A referred proposal's text is no longer editable.
    expect(w.find('[data-test=pd-edit]').exists()).toBe(false)
    const refer = shown.timeline.find((e) => e.status === 'referred')!
    expect(w.find('[data-test=pd-timeline]').text()).toContain(refer.text)
  })

  it('单位答复 sends the unanswered unit’s answer with the version read, then shows the new state', async () => {
    const w = await mountPage()
    const read = shown.proposal
    const unit = read.units.find((u) => !u.answered_on)!.unit
    // What the core answers next: a proposal every unit of which has answered.
    const after = detailWhere((d) => d.proposal.status === 'answered')
    vi.mocked(api.proposalAct).mockResolvedValue(after.proposal)
    shown = after
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
    expect(api.proposalAct).toHaveBeenCalledWith(read.id, read.version, { kind: 'answer', unit, answer: '已延长至 20:00。', on: '' })
    expect(w.find('[data-test=pd-status]').text()).toBe(statusLabel('answered'))
    expect(w.findAll('[data-test^=pd-step-]').map((b) => b.attributes('data-test'))).toEqual(stepsOf(after))
  })

  it('a draft offers 修改 and 团内讨论, and prints through the backend', async () => {
    shown = detailWhere((d) => d.proposal.status === 'draft')
    expect(shown.allowed).toContain('discuss')
    vi.mocked(api.proposalPdfOpen).mockResolvedValue({ pdf_base64: '', path: '/tmp/x.pdf', page_count: 1, missing_chars: [] })
    const w = await mountPage()
    expect(w.find('[data-test=pd-edit]').exists()).toBe(true)
    expect(w.find('[data-test=pd-step-discuss]').exists()).toBe(true)
    expect(w.find('[data-test=pd-units]').exists()).toBe(false)
    await w.find('[data-test=pd-print]').trigger('click')
    await settle()
    expect(api.proposalPdfOpen).toHaveBeenCalledWith(shown.proposal.id)
  })
})
