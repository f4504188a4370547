// 个人信息: search a private person by name (and phone), open what was found, give them a copy, and
// (administrators only) erase their identifying data after typing their name and a reason.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { AppStatus, ErasureReport, PersonRecords, Role } from '@/api'
import { navItemsFor } from '@/navigation'
import { routes } from '@/router'
import { useAppStore } from '@/stores/app'
import { cards, items } from '../../dev/fixtures'
import PersonalDataView from './PersonalDataView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, personFind: vi.fn(), personCopy: vi.fn(), personErase: vi.fn() }
})

// A person the demo holds a card and an item for (the core's own records, dev/fixtures).
const card = Object.values(cards.cards).find((c) => Object.values(items.details).some((d) => d.item.person_name === c.person_name))!
const NAME = card.person_name
const item = Object.values(items.details).find((d) => d.item.person_name === NAME)!.item
const records: PersonRecords = { cards: [card], items: [item], appointments: [] }

const report: ErasureReport = {
  cards: 1,
  items: 1,
  appointments: 0,
  query_codes: 0,
  mentions: 2,
  card_amendments: 0,
  item_events: 5,
  change_records: 4,
  audit_entries: 1,
  compacted: true,
}

function status(role: Role): AppStatus {
  return {
    version: '0.1.0',
    db_path: ':memory:',
    has_accounts: true,
    setup: 'demo',
    operator: { id: 'account:a1', name: '测试', role, delegate_id: null, delegation_id: null },
    session: 'active',
    studio_name: '党代表工作室',
    idle_lock_minutes: 15,
    demo_login: null,
    delegate_count: 3,
    delegation_count: 1,
  }
}

let wrapper: VueWrapper | null = null

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 120))
  await flushPromises()
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)
const click = async (sel: string) => {
  q<HTMLElement>(sel)!.click()
  await settle()
}

async function type(sel: string, value: string) {
  const el = q<HTMLInputElement | HTMLTextAreaElement>(`${sel} input, ${sel} textarea`)!
  el.value = value
  el.dispatchEvent(new Event('input'))
  await settle()
}

async function mountPage(role: Role = 'admin', pinia = createPinia()) {
  setActivePinia(pinia)
  useAppStore().status = status(role)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/personal-data', name: 'personal-data', component: PersonalDataView },
      { path: '/cards/:id', name: 'card', component: { template: '<div />' } },
      { path: '/items/:id', name: 'item', component: { template: '<div />' } },
    ],
  })
  await router.push('/personal-data')
  wrapper = mount(PersonalDataView, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return { wrapper, router }
}

async function searchFor(name: string, phone = '') {
  await type('[data-test=pd-name]', name)
  if (phone) await type('[data-test=pd-phone]', phone)
  await click('[data-test=pd-search]')
}

beforeEach(() => {
  vi.mocked(api.personFind).mockResolvedValue(records)
  vi.mocked(api.personErase).mockResolvedValue(report)
  vi.mocked(api.personCopy).mockResolvedValue('/home/studio/副本.json')
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('the 个人信息 page', () => {
  it('is offered in the menu to staff only, and opens for every role that reads personal data', () => {
    const inMenu = (r: Role) => navItemsFor(r).some((n) => n.key === 'personal-data')
    expect(inMenu('admin')).toBe(true)
    expect(inMenu('liaison')).toBe(true)
    expect(inMenu('head')).toBe(false)
    expect(inMenu('delegate')).toBe(false)
    expect(inMenu('auditor')).toBe(false)
    expect(routes.find((r) => r.path === '/personal-data')?.meta?.permission).toBe('read_personal_data')
  })

  it('says what to do before a search, needs a name, and sends the query', async () => {
    await mountPage()
    expect(q('[data-test=pd-start]')?.textContent).toContain('输入此人的姓名')
    await click('[data-test=pd-search]')
    expect(q('[data-test=pd-name] .el-form-item__error')?.textContent).toContain('请填写姓名')
    expect(api.personFind).not.toHaveBeenCalled()

    await searchFor(` ${NAME} `, '13800138000')
    expect(api.personFind).toHaveBeenCalledWith({ name: NAME, phone: '13800138000' })
    expect(q('[data-test=pd-counts]')?.textContent).toContain('记录卡 1 张，事项 1 件')
    expect(q('[data-test=pd-card-date]')?.textContent).toBe(card.contact_date)
    expect(q('[data-test=pd-cards]')?.textContent).toContain(card.delegate_name)
    expect(q('[data-test=pd-item-no]')?.textContent).toBe(item.no)
    expect(q('[data-test=pd-items]')?.textContent).toContain(item.title)
  })

  it('opens a card or an item found', async () => {
    const { router } = await mountPage()
    await searchFor(NAME)
    expect(api.personFind).toHaveBeenCalledWith({ name: NAME, phone: null })
    q<HTMLElement>('[data-test=pd-item-no]')!.closest('tr')!.click()
    await settle()
    expect(router.currentRoute.value.fullPath).toBe(`/items/${item.id}`)
  })

  it('asks again for the same person when the page is opened again (back from a card)', async () => {
    const pinia = createPinia()
    await mountPage('admin', pinia)
    await searchFor(NAME, '13800138000')
    wrapper!.unmount()
    document.body.innerHTML = ''
    vi.mocked(api.personFind).mockClear()
    await mountPage('admin', pinia)
    expect(api.personFind).toHaveBeenCalledWith({ name: NAME, phone: '13800138000' })
    expect(q<HTMLInputElement>('[data-test=pd-name] input')!.value).toBe(NAME)
    expect(q('[data-test=pd-counts]')).not.toBeNull()
  })

  it('says what to try when nobody is found, and shows the backend’s field message', async () => {
    vi.mocked(api.personFind).mockResolvedValueOnce({ cards: [], items: [], appointments: [] })
    await mountPage()
    await searchFor('无此人', '13800138000')
    expect(q('[data-test=pd-none]')?.textContent).toContain('没有找到“无此人（手机号 13800138000）”')
    expect(q('[data-test=pd-none]')?.textContent).toContain('去掉手机号再查')
    expect(q('[data-test=pd-copy]')).toBeNull()

    vi.mocked(api.personFind).mockRejectedValueOnce(
      new api.ApiError('validation', '手机号格式不正确', [{ field: 'phone', message: '手机号格式不正确' }]),
    )
    await type('[data-test=pd-phone]', '123')
    await click('[data-test=pd-search]')
    expect(q('[data-test=pd-phone] .el-form-item__error')?.textContent).toContain('手机号格式不正确')
  })

  it('exports a copy for the person after asking why', async () => {
    await mountPage('liaison')
    await searchFor(NAME)
    await click('[data-test=pd-copy]')
    // A copy for the person is always in full: no masked option, and the reason is required.
    expect(q('[data-test=export-masked]')).toBeNull()
    await click('[data-test=export-ok]')
    expect(q('[data-test=export-reason] .el-form-item__error')).not.toBeNull()
    expect(api.personCopy).not.toHaveBeenCalled()
    await type('[data-test=export-reason]', '本人来电申请查阅')
    await click('[data-test=export-ok]')
    expect(api.personCopy).toHaveBeenCalledWith({ name: NAME, phone: null }, '本人来电申请查阅', expect.stringMatching(new RegExp(`^个人信息副本-${NAME}-\\d{4}-\\d{2}-\\d{2}\\.json$`)))
  })

  it.each(['liaison', 'head', 'delegate'] as Role[])('offers no erasure to a %s', async (role) => {
    await mountPage(role)
    await searchFor(NAME)
    expect(q('[data-test=pd-counts]')).not.toBeNull()
    expect(q('[data-test=pd-erase]')).toBeNull()
    // Heads and delegates may look, not export.
    expect(q('[data-test=pd-copy]') !== null).toBe(role === 'liaison')
  })

  it('erases only after the person’s name is typed and a reason given, then shows what was rewritten', async () => {
    await mountPage('admin')
    await searchFor(NAME)
    await click('[data-test=pd-erase]')
    const dialog = q('[data-test=pd-erase-dialog]')!
    expect(dialog.textContent).toContain('无法恢复')
    expect(dialog.textContent).toContain('保留')
    expect(dialog.textContent).toContain('修改历史')
    const ok = () => q<HTMLButtonElement>('[data-test=pd-erase-ok]')!

    // Not the name: the button stays disabled and nothing is sent.
    expect(ok().disabled).toBe(true)
    await type('[data-test=pd-erase-confirm-name]', `${NAME}x`)
    expect(ok().disabled).toBe(true)
    ok().click()
    await settle()
    expect(api.personErase).not.toHaveBeenCalled()

    await type('[data-test=pd-erase-confirm-name]', NAME)
    expect(ok().disabled).toBe(false)
    // The name alone is not enough: a reason is required.
    await click('[data-test=pd-erase-ok]')
    expect(q('[data-test=pd-erase-reason] .el-form-item__error')?.textContent).toContain('请填写删除原因')
    expect(api.personErase).not.toHaveBeenCalled()

    await type('[data-test=pd-erase-reason]', '本人书面申请删除')
    await click('[data-test=pd-erase-ok]')
    expect(api.personErase).toHaveBeenCalledWith({ name: NAME, phone: null }, '本人书面申请删除')
    const shown = q('[data-test=pd-erase-report]')!
    expect(q('[data-test=pd-erase-count-mentions]')?.textContent).toBe('2')
    expect(q('[data-test=pd-erase-count-item_events]')?.textContent).toBe('5')
    expect(shown.textContent).toContain('审计日志条目')
    expect(q('[data-test=pd-erase-not-compacted]')).toBeNull()
    // The results named someone no longer there: the page starts afresh.
    expect(q('[data-test=pd-cards]')).toBeNull()
    expect(q('[data-test=pd-start]')).not.toBeNull()
  })
})
