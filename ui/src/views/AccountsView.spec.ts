import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElSelect } from 'element-plus'
import * as api from '@/api'
import type { AccountRow, AppStatus } from '@/api'
import DelegatePicker from '@/components/DelegatePicker.vue'
import { useAppStore } from '@/stores/app'
import { accountState } from '@/utils/accounts'
import AccountsView from './AccountsView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    accountsList: vi.fn(),
    accountAdd: vi.fn(),
    accountUpdate: vi.fn(),
    accountSetLocked: vi.fn(),
    accountResetPassword: vi.fn(),
    delegatesList: vi.fn(),
  }
})

const NOW = Date.parse('2026-11-30T02:00:00Z')

function account(over: Partial<AccountRow>): AccountRow {
  return {
    id: 'a1',
    login: 'admin',
    name: '组织部 王老师',
    role: 'admin',
    delegate_id: null,
    delegate_name: null,
    delegation_id: null,
    must_change: false,
    failed_attempts: 0,
    locked_until: null,
    disabled: false,
    last_login_at: '2026-11-30T01:30:00Z',
    created_at: '2026-11-01T01:00:00Z',
    updated_at: '2026-11-01T01:00:00Z',
    version: 1,
    ...over,
  }
}

const rows = [
  account({}),
  account({ id: 'a2', login: 'liaison', name: '联络员 李老师', role: 'liaison', disabled: true, last_login_at: null }),
  account({ id: 'a3', login: 'head', name: '张建华', role: 'head', delegate_id: 'd1', delegate_name: '张建华', locked_until: '2026-11-30T02:10:00Z' }),
  account({ id: 'a4', login: 'auditor', name: '审计员 赵老师', role: 'auditor', must_change: true }),
]

const status: AppStatus = {
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

let wrapper: VueWrapper | null = null

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)

async function type(sel: string, value: string) {
  const hit = q<HTMLInputElement>(sel)!
  const input = hit.tagName === 'INPUT' ? hit : hit.querySelector('input')!
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function mountAccounts() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status
  wrapper = mount(AccountsView, { global: { plugins: [ElementPlus, pinia] }, attachTo: document.body })
  await settle()
  return wrapper
}

beforeEach(() => {
  vi.mocked(api.accountsList).mockResolvedValue(rows)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
  vi.useRealTimers()
})

describe('account states', () => {
  it('reads 正常, 已锁定, 锁定至 HH:MM (Beijing time) and 须修改密码', () => {
    expect(rows.map((r) => accountState(r, NOW).label)).toEqual(['正常', '已锁定', '锁定至 10:10', '须修改密码'])
    // A lockout that has run out is over.
    expect(accountState(rows[2]!, Date.parse('2026-11-30T03:00:00Z')).label).toBe('正常')
  })
})

describe('AccountsView', () => {
  it('lists the accounts with role, delegate and state, and offers no lock of one’s own account', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const w = await mountAccounts()
    expect(w.findAll('[data-test=account-state]').map((c) => c.text())).toEqual(['正常', '已锁定', '锁定至 10:10', '须修改密码'])
    const table = w.find('[data-test=accounts-table]')
    expect(table.findAll('[data-test=account-login-cell]').map((c) => c.text())).toEqual(['admin', 'liaison', 'head', 'auditor'])
    expect(table.findAll('[data-test=account-role-cell]').map((c) => c.text())).toEqual(['管理员', '联络员', '代表团团长', '审计员'])
    expect(table.text()).toContain('张建华')
    expect(table.text()).toContain('从未登录')
    const locks = table.findAll('[data-test=account-lock]').map((b) => b.text())
    // admin (oneself): none; the liaison (locked) and the head (locked out): 解锁; the auditor: 锁定.
    expect(locks).toEqual(['解锁', '解锁', '锁定'])
  })

  it('adds a delegate’s account linked to the delegate record', async () => {
    vi.mocked(api.delegatesList).mockResolvedValue({ items: [], total: 0, page: 1, page_size: 50 })
    vi.mocked(api.accountAdd).mockResolvedValue(account({ id: 'a9', login: 'zhang', name: '张建华', role: 'delegate' }))
    const w = await mountAccounts()
    await w.find('[data-test=accounts-add]').trigger('click')
    await settle()
    expect(q('[data-test=account-form]')).not.toBeNull()
    expect(q('[data-test=account-delegate]')).toBeNull()

    await type('[data-test=account-login]', 'zhang')
    await type('[data-test=account-name]', '张建华')
    const role = w.findComponent<typeof ElSelect>('[data-test=account-role] .el-select')
    role.vm.$emit('update:modelValue', 'delegate')
    await settle()
    expect(q('[data-test=account-delegate]')).not.toBeNull()
    await type('[data-test=account-password]', 'abcd1234')
    await type('[data-test=account-confirm]', 'abcd1234')

    // The delegate is required for this role.
    q<HTMLButtonElement>('[data-test=account-save]')!.click()
    await settle()
    expect(q('[data-test=account-delegate] .el-form-item__error')?.textContent).toContain('请选择此人对应的党代表')
    expect(api.accountAdd).not.toHaveBeenCalled()

    w.findComponent(DelegatePicker).vm.$emit('update:modelValue', 'd1')
    await settle()
    q<HTMLButtonElement>('[data-test=account-save]')!.click()
    await settle()
    expect(api.accountAdd).toHaveBeenCalledWith({
      login: 'zhang',
      name: '张建华',
      role: 'delegate',
      delegate_id: 'd1',
      password: 'abcd1234',
    })
    expect(api.accountsList).toHaveBeenCalledTimes(2)
  })

  it('locks an account after a confirmation, and resets a password', async () => {
    vi.mocked(api.accountSetLocked).mockResolvedValue(rows[3]!)
    vi.mocked(api.accountResetPassword).mockResolvedValue(rows[3]!)
    const w = await mountAccounts()
    const lock = w.findAll('[data-test=account-lock]').at(-1)!
    await lock.trigger('click')
    await settle()
    expect(q('.account-lock-confirm')?.textContent).toContain('审计员 赵老师（auditor）将无法登录')
    q<HTMLButtonElement>('.account-lock-confirm .el-button--primary, .account-lock-confirm .el-button--danger')!.click()
    await settle()
    expect(api.accountSetLocked).toHaveBeenCalledWith('a4', true)

    await w.findAll('[data-test=account-reset-open]').at(-1)!.trigger('click')
    await settle()
    expect(q('[data-test=account-reset]')?.textContent).toContain('下次登录时须修改')
    await type('[data-test=reset-password]', 'Temp2026')
    await type('[data-test=reset-confirm]', 'Temp2026')
    q<HTMLButtonElement>('[data-test=reset-save]')!.click()
    await settle()
    expect(api.accountResetPassword).toHaveBeenCalledWith('a4', 'Temp2026')
  })
})
