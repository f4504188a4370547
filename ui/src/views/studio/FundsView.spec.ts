import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { Budget, Spending, Statement } from '@/api'
import { yuan } from '@/api'
import { app, listEntry, studio } from '../../../dev/fixtures'
import { useAppStore } from '@/stores/app'
import FundsView from './FundsView.vue'
import { statusFor } from './studioStatus'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    fundsStatement: vi.fn(),
    fundsBudgets: vi.fn(),
    fundsSpendings: vi.fn(),
    fundsSetBudget: vi.fn(),
  }
})

// The core's figures over the demo (`dev/fixtures/studio.json`): this year's statement, budgets and
// spending entries as the core computed them, and the same year had 党费划拨 been budgeted below
// what was spent (`overspent`). Nothing here is added up by hand.
const YEAR = app.today.slice(0, 4)
const statement: Statement = studio.funds.statement[YEAR]!
const budgets: Budget[] = studio.funds.budgets[YEAR]!
const spent = listEntry(studio.funds, { year: Number(YEAR) })!
const firstPage: Spending[] = spent.ids.slice(0, 20).map((id) => studio.funds.rows[id]!)
/** Money as the page writes it: thousands separated, two decimals. */
const MONEY = /^-?\d{1,3}(,\d{3})*\.\d{2}$/

let wrapper: VueWrapper | null = null

async function mountFunds() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = statusFor('admin')
  wrapper = mount(FundsView, { global: { plugins: [ElementPlus, pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  vi.mocked(api.fundsStatement).mockResolvedValue(statement)
  vi.mocked(api.fundsBudgets).mockResolvedValue(budgets)
  vi.mocked(api.fundsSpendings).mockResolvedValue({
    page: { items: firstPage, total: spent.ids.length, page: 1, page_size: 20 },
    sum_fen: spent.sum_fen!,
  })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('FundsView', () => {
  it('shows the core’s statement in yuan from exact fen: each source and the total, the sum of the entries', async () => {
    const w = await mountFunds()
    expect(api.fundsStatement).toHaveBeenCalledWith(new Date().getFullYear())
    const total = w.find('[data-test=funds-line-total]')
    for (const fen of [statement.total.budget_fen, statement.total.spent_fen, statement.total.left_fen]) {
      expect(yuan(fen)).toMatch(MONEY)
      expect(total.text()).toContain(yuan(fen))
    }
    for (const l of statement.lines) {
      const line = w.find(`[data-test=funds-line-${l.source}]`)
      expect(line.text()).toContain(yuan(l.spent_fen))
      const left = line.find('[data-test=funds-left]')
      expect(left.text()).toBe(yuan(l.left_fen))
      expect(left.classes().includes('negative')).toBe(l.left_fen < 0)
    }
    expect(w.find('[data-test=funds-sum]').text()).toContain(yuan(spent.sum_fen!))
    expect(w.find('[data-test=funds-table]').text()).toContain(firstPage[0]!.purpose)
  })

  it('shows an overspent source’s remainder as the core computed it, in red', async () => {
    const over = studio.funds.overspent
    vi.mocked(api.fundsStatement).mockResolvedValue(over)
    const w = await mountFunds()
    const line = over.lines.find((l) => l.source === 'party_fee')!
    expect(line.left_fen).toBeLessThan(0)
    const left = w.find('[data-test=funds-line-party_fee] [data-test=funds-left]')
    expect(left.text()).toBe(yuan(line.left_fen))
    expect(left.text()).toMatch(MONEY)
    expect(left.classes()).toContain('negative')
    expect(w.find('[data-test=funds-line-total] [data-test=funds-left]').text()).toBe(yuan(over.total.left_fen))
  })

  it('saves a budget as typed, at the version it read, and shows the backend’s message', async () => {
    const w = await mountFunds()
    vi.mocked(api.fundsSetBudget).mockRejectedValueOnce(
      new api.ApiError('validation', '请检查填写的内容', [{ field: 'amount', message: '金额最多两位小数（精确到分）' }]),
    )
    const input = w.find('input[data-test=funds-budget-party_fee]')
    await input.setValue('1000.555')
    await input.trigger('keyup.enter')
    await flushPromises()
    const party = budgets.find((b) => b.source === 'party_fee')!
    expect(api.fundsSetBudget).toHaveBeenCalledWith(
      { year: new Date().getFullYear(), source: 'party_fee', amount: '1000.555', note: party.note },
      party.version,
    )
    expect(w.find('[data-test=funds-line-party_fee]').text()).toContain('金额最多两位小数（精确到分）')
  })
})
