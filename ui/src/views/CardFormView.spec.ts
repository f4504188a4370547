import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { useAppStore } from '@/stores/app'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { Card, CardAmendment, ErrorPayload } from '@/api'
import { RULES } from '@/api/rules'
import CardFormView from './CardFormView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    cardCreate: vi.fn(),
    cardUpdate: vi.fn(),
    cardGet: vi.fn(),
    cardSubmit: vi.fn(),
    cardAmend: vi.fn(),
    cardHistory: vi.fn(),
    cardAmendments: vi.fn(),
    cardDelegateSnapshot: vi.fn(),
    delegatesList: vi.fn(),
  }
})

const submitted: Card = {
  id: 'c1',
  no: '2025-0007',
  delegate_id: 'd1',
  delegation_id: 'g1',
  delegate_name: '王建国',
  delegation_name: '机关第一代表团',
  delegate_unit_position: '计算机科学与技术学院 党委书记',
  delegate_phone: '0571-88201234',
  contact_date: '2025-09-26',
  person_name: '李晓梅',
  person_gender: 'female',
  person_age: 34,
  person_political_status: 'party_member',
  person_unit_position: '后勤保障处 科员',
  person_phone: '13857101234',
  person_address: 'lixiaomei@example.edu.cn',
  person_consent: null,
  group_size: 3,
  channel: 'studio',
  channel_other: '',
  opinion: '学校东门外人行道破损严重。',
  handling: '已转交后勤保障处，已反馈本人。',
  feedback_on: '2025-09-30',
  filed_on: '2025-10-11',
  status: 'submitted',
  due_on: '2025-10-11',
  filed_late: false,
  amendment_count: 1,
  deadline: 'filed_on_time',
  created_at: '2025-09-26T02:00:00Z',
  updated_at: '2025-10-20T02:00:00Z',
  version: 3,
}

const amendment: CardAmendment = {
  id: 'a1',
  card_id: 'c1',
  at: '2025-10-20T02:00:00Z',
  actor: '王明',
  actor_role: 'admin',
  reason: '联系电话记录有误',
  before: { person_phone: '13800000000' },
  after: { person_phone: '13857101234' },
}

const validationError: ErrorPayload = {
  code: 'validation',
  message: '请选择党代表（另有 4 处需要修改）',
  fields: [
    { field: 'delegate_id', message: '请选择党代表' },
    { field: 'person_phone', message: '联系电话应为 11 位手机号码或带区号的固定电话，例如 13812345678 或 0536-8785123' },
    { field: 'channel_other', message: '请填写其他联系形式' },
    { field: 'opinion', message: '请填写党员和群众所提意见建议或问题' },
    { field: 'feedback_on', message: '反馈日期不能早于联系日期' },
  ],
  stale: null,
}

let wrapper: VueWrapper | null = null

async function open(path: string) {
  setActivePinia(createPinia())
  // A role that writes cards (管理员).
  useAppStore().status = {
    version: '0.1.0',
    db_path: ':memory:',
    has_accounts: true,
    setup: 'demo',
    operator: { id: 'account:a1', name: '组织部 王老师', role: 'admin', delegate_id: null, delegation_id: null },
    session: 'active',
    studio_name: '党代表工作室',
    idle_lock_minutes: 15,
    demo_login: null,
    delegate_count: 1,
    delegation_count: 1,
  }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cards', component: { render: () => h('div') } },
      { path: '/cards/new', name: 'card-new', component: CardFormView },
      { path: '/cards/:id', name: 'card', component: CardFormView, props: true },
    ],
  })
  await router.push(path)
  await router.isReady()
  const Root = defineComponent({ render: () => h(RouterView) })
  wrapper = mount(Root, { global: { plugins: [router, ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const input = (w: VueWrapper, test: string) => w.find<HTMLInputElement>(`[data-test=${test}] input`)
const textarea = (w: VueWrapper, test: string) => w.find<HTMLTextAreaElement>(`[data-test=${test}] textarea`)
const errorText = (w: VueWrapper, test: string) => w.find(`[data-test=${test}] .el-form-item__error`)

beforeEach(() => {
  vi.mocked(api.cardHistory).mockResolvedValue([])
  vi.mocked(api.cardAmendments).mockResolvedValue([amendment])
  vi.mocked(api.delegatesList).mockResolvedValue({ items: [], total: 0, page: 1, page_size: 50 })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.clearAllMocks()
})

describe('CardFormView', () => {
  it('puts backend field errors beside the right cells and keeps what was typed', async () => {
    vi.mocked(api.cardCreate).mockRejectedValue(validationError)
    const w = await open('/cards/new')

    await input(w, 'cf-person-name').setValue('李晓梅')
    await input(w, 'cf-person-phone').setValue('1385')
    await input(w, 'cf-person-address').setValue('杭州市西湖区')
    await w.find('[data-test=cf-channel-other]').trigger('click')
    await textarea(w, 'cf-handling').setValue('已转交后勤处')
    await w.find('[data-test=cf-save]').trigger('click')
    await flushPromises()

    expect(api.cardCreate).toHaveBeenCalledTimes(1)
    expect(vi.mocked(api.cardCreate).mock.calls[0]![0]).toMatchObject({
      person_name: '李晓梅',
      person_phone: '1385',
      person_address: '杭州市西湖区',
      channel: 'other',
      handling: '已转交后勤处',
      group_size: 1,
      feedback_on: null,
    })

    expect(errorText(w, 'cf-delegate').text()).toBe('请选择党代表')
    expect(errorText(w, 'cf-person-phone').text()).toContain('联系电话应为 11 位手机号码')
    expect(errorText(w, 'cf-channel-other').text()).toBe('请填写其他联系形式')
    expect(errorText(w, 'cf-opinion').text()).toBe('请填写党员和群众所提意见建议或问题')
    expect(errorText(w, 'cf-feedback-on').text()).toBe('反馈日期不能早于联系日期')
    // Cells the backend did not complain about show nothing.
    expect(errorText(w, 'cf-person-name').exists()).toBe(false)
    expect(errorText(w, 'cf-person-address').exists()).toBe(false)
    expect(errorText(w, 'cf-handling').exists()).toBe(false)

    // Nothing typed is lost.
    expect(input(w, 'cf-person-name').element.value).toBe('李晓梅')
    expect(input(w, 'cf-person-phone').element.value).toBe('1385')
    expect(input(w, 'cf-person-address').element.value).toBe('杭州市西湖区')
    expect(textarea(w, 'cf-handling').element.value).toBe('已转交后勤处')
    expect(w.find('[data-test=cf-channel-other] [role=radio]').attributes('aria-checked')).toBe('true')

    // Editing a cell clears its message only.
    await input(w, 'cf-person-phone').setValue('13857101234')
    await flushPromises()
    expect(errorText(w, 'cf-person-phone').exists()).toBe(false)
    expect(errorText(w, 'cf-opinion').exists()).toBe(true)
  })

  it('shows a submitted card read-only with its status, and offers 更正', async () => {
    vi.mocked(api.cardGet).mockResolvedValue(submitted)
    const w = await open('/cards/c1')

    expect(api.cardGet).toHaveBeenCalledWith('c1')
    const status = w.find('[data-test=cf-status]').text()
    expect(status).toContain('已提交')
    expect(status).toContain('2025-10-11')
    expect(status).toContain(RULES.cards.deadline_states.find((d) => d.value === 'filed_on_time')!.label)

    // Values as text, no inputs anywhere on the sheet.
    expect(w.find('[data-test=cf-person-name]').text()).toContain('李晓梅')
    expect(w.find('[data-test=cf-no]').text()).toBe('编号：2025-0007')
    expect(w.find('[data-test=cf-person-name] input').exists()).toBe(false)
    expect(w.find('.card-sheet input').exists()).toBe(false)
    expect(w.find('.card-sheet textarea').exists()).toBe(false)
    expect(w.find('[data-test=cf-save]').exists()).toBe(false)
    expect(w.find('[data-test=cf-submit]').exists()).toBe(false)
    expect(w.find('[data-test=cf-discard]').exists()).toBe(false)
    expect(w.find('[data-test=cf-preview]').exists()).toBe(true)
    expect(w.find('[data-test=cf-due]').text()).toContain('应于 2025-10-11 前交工作室')

    // 更正记录 with Chinese labels.
    expect(w.find('[data-test=cf-amendments]').text()).toContain('联系对象联系电话：13800000000 → 13857101234')

    // 更正 makes it editable, with a required reason.
    await w.find('[data-test=cf-amend]').trigger('click')
    await flushPromises()
    expect(input(w, 'cf-person-name').element.value).toBe('李晓梅')
    expect(w.find('[data-test=cf-reason] textarea').exists()).toBe(true)

    vi.mocked(api.cardAmend).mockRejectedValue({
      code: 'validation',
      message: '请填写更正原因',
      fields: [{ field: 'reason', message: '请填写更正原因' }],
    })
    await input(w, 'cf-person-phone').setValue('13957101234')
    await w.find('[data-test=cf-save]').trigger('click')
    await flushPromises()
    expect(api.cardAmend).toHaveBeenCalledWith('c1', 3, expect.objectContaining({ person_phone: '13957101234' }), '')
    expect(errorText(w, 'cf-reason').text()).toBe('请填写更正原因')
    expect(input(w, 'cf-person-phone').element.value).toBe('13957101234')
  })
})
