import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { Budget, Spending, Statement } from '@/api'
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

const spending: Spending = {
  id: 's1',
  date: '2026-05-20',
  purpose: '党代表履职能力培训资料印制',
  amount_fen: 128_035,
  source: 'party_fee',
  activity_id: '',
  receipt: null,
  created_at: '2026-05-20T01:00:00Z',
  updated_at: '2026-05-20T01:00:00Z',
  version: 1,
}

const statement: Statement = {
  year: 2026,
  lines: [
    { source: 'college', label: '学院预算', budget_fen: 2_000_000, spent_fen: 0, left_fen: 2_000_000, entries: 0 },
    { source: 'party_fee', label: '党费划拨', budget_fen: 100_000, spent_fen: 128_035, left_fen: -28_035, entries: 1 },
  ],
  total: { source: null, label: '合计', budget_fen: 2_100_000, spent_fen: 128_035, left_fen: 1_971_965, entries: 1 },
  spendings: [spending],
}

const budgets: Budget[] = [
  { year: 2026, source: 'college', amount_fen: 2_000_000, note: '', updated_at: '', version: 2 },
  { year: 2026, source: 'party_fee', amount_fen: 100_000, note: '', updated_at: '', version: 1 },
]

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
    page: { items: [spending], total: 1, page: 1, page_size: 20 },
    sum_fen: 128_035,
  })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('FundsView', () => {
  it('shows the statement in yuan from exact fen, an overspent source in red', async () => {
    const w = await mountFunds()
    const year = Number(new Date().getFullYear())
    expect(api.fundsStatement).toHaveBeenCalledWith(year)
    const total = w.find('[data-test=funds-line-total]')
    expect(total.text()).toContain('21,000.00')
    expect(total.text()).toContain('1,280.35')
    expect(total.text()).toContain('19,719.65')
    const party = w.find('[data-test=funds-line-party_fee] [data-test=funds-left]')
    expect(party.text()).toBe('-280.35')
    expect(party.classes()).toContain('negative')
    expect(w.find('[data-test=funds-sum]').text()).toContain('1,280.35')
    expect(w.find('[data-test=funds-table]').text()).toContain('党代表履职能力培训资料印制')
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
    expect(api.fundsSetBudget).toHaveBeenCalledWith(
      { year: new Date().getFullYear(), source: 'party_fee', amount: '1000.555', note: '' },
      1,
    )
    expect(w.find('[data-test=funds-line-party_fee]').text()).toContain('金额最多两位小数（精确到分）')
  })
})
