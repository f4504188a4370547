// 代表回复公开 over the core's own answers (dev/fixtures/studio.json, the demo's consenting messages):
// the list with each message's publication state, filters sent as the core takes them, and the drawer:
// the writer's text and the answer beside the public texts; 发布 refused while unanswered; a save sends
// the version read, and a stale one shows the conflict box whose 刷新 reloads; a text with the writer's
// name comes back under its field; 撤回 asks first.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { h } from 'vue'
import ElementPlus, { ElMessageBox } from 'element-plus'
import * as api from '@/api'
import type { AppStatus, Publication, PublicationRow } from '@/api'
import { useAppStore } from '@/stores/app'
import { listIds, studio } from '../../dev/fixtures'
import PublicAnswersView from './PublicAnswersView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    publicAnswersList: vi.fn(),
    publicAnswerForm: vi.fn(),
    publicAnswerSave: vi.fn(),
    publicAnswerWithdraw: vi.fn(),
  }
})

const status: AppStatus = {
  version: '0.1.0',
  db_path: ':memory:',
  has_accounts: true,
  setup: 'demo',
  operator: { id: 'account:a1', name: '联络员 李老师', role: 'liaison', delegate_id: null, delegation_id: null },
  session: 'active',
  studio_name: '党代表工作室',
  idle_lock_minutes: 15,
  demo_login: null,
  delegate_count: 3,
  delegation_count: 1,
}

const fx = studio.public_answers
const rows: PublicationRow[] = listIds(fx, {})!.map((id) => fx.rows[id]!)
const published = rows.find((r) => r.state === 'published')!
const unanswered = rows.find((r) => r.answered_on === null)!

let wrapper: VueWrapper | null = null

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)

async function mountView() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/public-answers', component: PublicAnswersView },
      { path: '/items/:id', name: 'item', component: { render: () => h('div') } },
    ],
  })
  await router.push('/public-answers')
  await router.isReady()
  wrapper = mount(PublicAnswersView, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

async function openRow(w: VueWrapper, row: PublicationRow) {
  const i = rows.findIndex((r) => r.item_id === row.item_id)
  await w.findAll('[data-test=pa-row-title]')[i]!.trigger('click')
  await settle()
}

function typeQuestion(text: string) {
  const box = q<HTMLTextAreaElement>('[data-test=pa-question] textarea, textarea[data-test=pa-question]')!
  box.value = text
  box.dispatchEvent(new Event('input'))
}

const saved = (version: number): Publication => ({
  item_id: published.item_id,
  question: 'q',
  answer: 'a',
  published: true,
  first_published_at: null,
  published_at: null,
  created_at: '',
  updated_at: '',
  version,
})

beforeEach(() => {
  vi.mocked(api.publicAnswersList).mockImplementation(async (query) => {
    const ids = listIds(fx, query) ?? []
    return { items: ids.map((id) => fx.rows[id]!), total: ids.length, page: 1, page_size: 20 }
  })
  vi.mocked(api.publicAnswerForm).mockImplementation(async (id) => fx.form[id]!)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.restoreAllMocks()
  vi.clearAllMocks()
})

describe('PublicAnswersView', () => {
  it('lists the consenting messages with their publication state, filtered as the core takes it', async () => {
    const w = await mountView()
    expect(api.publicAnswersList).toHaveBeenCalledWith({ answered_only: false, state: null, page: { page: 1, page_size: 20 } })
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(w.findAll('[data-test=pa-row-no]').map((e) => e.text())).toEqual(rows.map((r) => r.no))
    const states = w.findAll('[data-test=pa-row-state]').map((e) => e.text())
    expect(states).toContain('已发布')
    expect(states).toContain('未整理')
    // Only the answered: the core's list for that filter.
    await w.find('[data-test=pa-filter-answered] input').setValue(true)
    await settle()
    expect(api.publicAnswersList).toHaveBeenLastCalledWith(expect.objectContaining({ answered_only: true, state: null }))
    expect(w.findAll('[data-test=pa-row-no]').map((e) => e.text())).toEqual(
      listIds(fx, { answered_only: true })!.map((id) => fx.rows[id]!.no),
    )
  })

  it('the drawer shows the writer’s text and the answer; an unanswered message cannot be published', async () => {
    const w = await mountView()
    await openRow(w, published)
    const form = fx.form[published.item_id]!
    expect(q('[data-test=pa-original-question]')?.textContent).toBe(form.original_question)
    expect(q('[data-test=pa-original-answer]')?.textContent).toBe(form.original_answer)
    expect(q('[data-test=pa-state]')?.textContent?.trim()).toBe('已发布')
    expect(q('[data-test=pa-withdraw]')).not.toBeNull()
    expect(q<HTMLButtonElement>('[data-test=pa-publish]')!.disabled).toBe(false)
    // Another message: not answered yet, so 发布 is off and the core's reason shows.
    vi.mocked(api.publicAnswerForm).mockClear()
    wrapper!.unmount()
    document.body.innerHTML = ''
    const w2 = await mountView()
    await openRow(w2, unanswered)
    const blocked = fx.form[unanswered.item_id]!.blocked!
    expect(blocked).toContain('尚未答复')
    expect(q('[data-test=pa-blocked]')?.textContent).toContain(blocked)
    expect(q<HTMLButtonElement>('[data-test=pa-publish]')!.disabled).toBe(true)
    expect(q('[data-test=pa-withdraw]')).toBeNull()
  })

  it('发布 sends the edited texts with the version read; a stale save shows the conflict box and 刷新 reloads', async () => {
    const form = fx.form[published.item_id]!
    vi.mocked(api.publicAnswerSave)
      .mockRejectedValueOnce(new api.ApiError('conflict', '该记录已被他人修改，请刷新后再看'))
      .mockResolvedValueOnce(saved(form.version + 1))
    const w = await mountView()
    await openRow(w, published)
    typeQuestion('食堂晚餐能否延长供应时间？')
    await settle()
    q<HTMLButtonElement>('[data-test=pa-publish]')!.click()
    await settle()
    expect(api.publicAnswerSave).toHaveBeenCalledWith(
      published.item_id,
      form.version,
      { question: '食堂晚餐能否延长供应时间？', answer: form.answer },
      true,
    )
    expect(q('[data-test=conflict-message]')?.textContent).toContain('已被他人修改')
    q<HTMLButtonElement>('.conflict-refresh')!.click()
    await settle()
    expect(api.publicAnswerForm).toHaveBeenCalledTimes(2)
    expect(q<HTMLTextAreaElement>('[data-test=pa-question] textarea, textarea[data-test=pa-question]')!.value).toBe(form.question)
    // Saved this time: the list reloads.
    const before = vi.mocked(api.publicAnswersList).mock.calls.length
    q<HTMLButtonElement>('[data-test=pa-publish]')!.click()
    await settle()
    expect(api.publicAnswerSave).toHaveBeenCalledTimes(2)
    expect(vi.mocked(api.publicAnswersList).mock.calls.length).toBeGreaterThan(before)
  })

  it('a text naming the writer comes back under its field', async () => {
    vi.mocked(api.publicAnswerSave).mockRejectedValueOnce(
      new api.ApiError('validation', '请检查', [{ field: 'question', message: '公开的问题中含有留言人的姓名，请删除后再保存' }]),
    )
    const w = await mountView()
    await openRow(w, published)
    q<HTMLButtonElement>('[data-test=pa-save]')!.click()
    await settle()
    expect(api.publicAnswerSave).toHaveBeenCalledWith(published.item_id, fx.form[published.item_id]!.version, expect.anything(), false)
    expect(document.body.textContent).toContain('公开的问题中含有留言人的姓名')
    expect(q('.el-form-item.is-error [data-test=pa-question], .el-form-item.is-error')).not.toBeNull()
  })

  it('撤回 asks first: declined sends nothing; confirmed sends the version read', async () => {
    const version = fx.form[published.item_id]!.version
    const box = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValueOnce('cancel').mockResolvedValueOnce('confirm' as never)
    vi.mocked(api.publicAnswerWithdraw).mockResolvedValue(saved(version + 1))
    const w = await mountView()
    await openRow(w, published)
    q<HTMLButtonElement>('[data-test=pa-withdraw]')!.click()
    await settle()
    expect(String(box.mock.calls[0]![0])).toContain('不再在网上工作室')
    expect(api.publicAnswerWithdraw).not.toHaveBeenCalled()
    q<HTMLButtonElement>('[data-test=pa-withdraw]')!.click()
    await settle()
    expect(api.publicAnswerWithdraw).toHaveBeenCalledWith(published.item_id, version)
  })
})
