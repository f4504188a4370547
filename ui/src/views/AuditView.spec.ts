import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElDatePicker, ElDropdown, ElSelect } from 'element-plus'
import * as api from '@/api'
import type { AccountRow, AppStatus, AuditEntry, AuditPage, AuditQuery, Role } from '@/api'
import { useAppStore } from '@/stores/app'
import { todayShanghai } from '@/utils/datetime'
import AuditView from './AuditView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, auditList: vi.fn(), accountsList: vi.fn(), auditExport: vi.fn(), auditArchive: vi.fn() }
})

const entry: AuditEntry = {
  seq: 7,
  at: '2026-11-30T01:30:05.000Z',
  actor_id: 'account:a2',
  actor: '联络员 李老师',
  actor_role: 'liaison',
  area: 'session',
  action: 'login_failed',
  target: 'liaison',
  summary: '密码错误',
  result: 'failed',
}

const people: AccountRow[] = [
  {
    id: 'a2',
    login: 'liaison',
    name: '联络员 李老师',
    role: 'liaison',
    delegate_id: null,
    delegate_name: null,
    delegation_id: null,
    must_change: false,
    failed_attempts: 1,
    locked_until: null,
    disabled: false,
    last_login_at: null,
    created_at: '2026-11-01T01:00:00Z',
    updated_at: '2026-11-01T01:00:00Z',
    version: 1,
  },
]

const page = (items: AuditEntry[], over: Partial<AuditPage> = {}): AuditPage => ({
  items,
  total: items.length,
  total_capped: false,
  page: 1,
  page_size: 50,
  ...over,
})

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
    delegate_count: 0,
    delegation_count: 0,
  }
}

let wrapper: VueWrapper | null = null

async function mountAudit(role: Role) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status(role)
  wrapper = mount(AuditView, { global: { plugins: [ElementPlus, pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const lastQuery = (): AuditQuery => vi.mocked(api.auditList).mock.calls.at(-1)![0]

async function choose(w: VueWrapper, test: string, value: unknown) {
  const select = w.findComponent<typeof ElSelect>(`[data-test=${test}]`)
  select.vm.$emit('update:modelValue', value)
  select.vm.$emit('change', value)
  await flushPromises()
}

beforeEach(() => {
  vi.mocked(api.auditList).mockResolvedValue(page([entry]))
  vi.mocked(api.accountsList).mockResolvedValue(people)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('AuditView', () => {
  it('asks for the newest entries unfiltered, and shows them in Chinese with the local time', async () => {
    const w = await mountAudit('auditor')
    expect(lastQuery()).toEqual({
      actor_id: null,
      area: null,
      action: null,
      result: null,
      from: null,
      to: null,
      page: { page: 1, page_size: 50 },
    })
    const table = w.find('[data-test=audit-table]')
    expect(table.text()).toContain('2026-11-30 09:30:05')
    expect(table.find('[data-test=audit-actor]').text()).toBe('联络员 李老师')
    expect(table.text()).toContain('联络员')
    expect(table.text()).toContain('登录与锁定')
    expect(table.find('[data-test=audit-action]').text()).toBe('登录失败')
    expect(table.find('[data-test=audit-result]').text()).toBe('失败')
    expect(w.find('[data-test=audit-total]').text()).toBe('共 1 条')
    // 审计员 reads and exports; archiving is the administrator's.
    expect(w.find('[data-test=audit-export]').exists()).toBe(true)
    expect(w.find('[data-test=audit-archive]').exists()).toBe(false)
  })

  it('sends every filter in the query, from the first page', async () => {
    const w = await mountAudit('admin')
    vi.mocked(api.auditList).mockResolvedValue(page([entry], { total: 10000, total_capped: true }))
    await choose(w, 'audit-filter-result', 'failed')
    expect(w.find('[data-test=audit-total]').text()).toBe('10000+ 条')
    // On page 3, a new filter starts again at page 1.
    const pager = w.findComponent({ name: 'ElPagination' })
    pager.vm.$emit('update:current-page', 3)
    pager.vm.$emit('current-change', 3)
    await flushPromises()
    expect(lastQuery().page).toEqual({ page: 3, page_size: 50 })

    await choose(w, 'audit-filter-person', 'account:a2')
    expect(lastQuery().page.page).toBe(1)
    await choose(w, 'audit-filter-area', 'session')
    await choose(w, 'audit-filter-action', 'login_failed')
    const picker = w.findComponent(ElDatePicker)
    picker.vm.$emit('update:modelValue', ['2026-11-01', '2026-11-30'])
    await flushPromises()
    const query = {
      actor_id: 'account:a2',
      area: 'session',
      action: 'login_failed',
      result: 'failed',
      from: '2026-11-01',
      to: '2026-11-30',
      page: { page: 1, page_size: 50 },
    }
    expect(lastQuery()).toEqual(query)

    // The export takes the same filters.
    vi.mocked(api.auditExport).mockResolvedValue('/home/studio/审计日志.csv')
    w.findComponent<typeof ElDropdown>('[data-test=audit-export]').vm.$emit('command', 'csv')
    await flushPromises()
    expect(api.auditExport).toHaveBeenCalledWith(query, 'csv', `审计日志-${todayShanghai()}.csv`)

    // 清除筛选 asks for everything again.
    await w.find('[data-test=audit-clear]').trigger('click')
    await flushPromises()
    expect(lastQuery()).toMatchObject({ actor_id: null, area: null, action: null, result: null, from: null, to: null })
  })

  it('says what to do when nothing matches', async () => {
    vi.mocked(api.auditList).mockResolvedValue(page([]))
    const w = await mountAudit('admin')
    expect(w.find('[data-test=audit-empty]').text()).toContain('登录、修改数据、导出和打印等操作都会自动记录在这里')
    await choose(w, 'audit-filter-area', 'personal_data')
    expect(w.find('[data-test=audit-empty]').text()).toContain('试试放宽筛选条件')
  })
})
