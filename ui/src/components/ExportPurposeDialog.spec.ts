// 导出个人信息: every export of cards or items asks why before the save dialog; the reason is
// required unless the file leaves masked, and what was chosen reaches the backend as `purpose`.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { JobRun } from '@/api'
import CardExportDialog from './CardExportDialog.vue'
import ItemExportDialog from './ItemExportDialog.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    cardsExport: vi.fn(),
    itemsExport: vi.fn(),
    newJobRun: vi.fn(() => ({ jobId: 'job-1', onProgress: {} }) as JobRun),
  }
})

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

async function typeReason(value: string) {
  const area = q<HTMLTextAreaElement>('[data-test=export-reason] textarea')!
  area.value = value
  area.dispatchEvent(new Event('input'))
  await settle()
}

async function mountCards() {
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(CardExportDialog, {
    props: { modelValue: false, selectedIds: ['c1', 'c2'], period: null },
    global: { plugins: [ElementPlus, pinia] },
    attachTo: document.body,
  })
  // Opened as the list opens it: the scope follows the selection.
  await wrapper.setProps({ modelValue: true })
  await settle()
}

beforeEach(() => {
  vi.mocked(api.cardsExport).mockResolvedValue({ path: '/home/studio/记录卡导出.json', count: 2 })
  vi.mocked(api.itemsExport).mockResolvedValue({ path: '/home/studio/意见台账.json', count: 90 })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('the export reason dialog', () => {
  it('asks why before the save dialog, and says the export is logged', async () => {
    await mountCards()
    expect(q('[data-test=export-purpose]')).toBeNull()
    await click('[data-test=cards-export-ok]')
    const dialog = q('[data-test=export-purpose]')!
    expect(dialog.textContent).toContain('导出个人信息')
    expect(dialog.textContent).toContain('审计日志')
    expect(dialog.textContent).toContain('138****8000')
    expect(api.cardsExport).not.toHaveBeenCalled()
  })

  it('requires a reason for a full export, then passes it to the backend', async () => {
    await mountCards()
    await click('[data-test=cards-export-ok]')
    await click('[data-test=export-ok]')
    expect(q('[data-test=export-reason] .el-form-item__error')?.textContent).toContain('须填写导出原因')
    expect(api.cardsExport).not.toHaveBeenCalled()

    await typeReason('  季度汇总上报组织部 ')
    expect(q('[data-test=export-reason] .el-form-item__error')).toBeNull()
    await click('[data-test=export-ok]')
    expect(api.cardsExport).toHaveBeenCalledTimes(1)
    const [format, selection, purpose, name] = vi.mocked(api.cardsExport).mock.calls[0]!
    expect(format).toBe('xlsx')
    expect(selection).toEqual({ kind: 'ids', ids: ['c1', 'c2'] })
    expect(purpose).toEqual({ reason: '季度汇总上报组织部', masked: false })
    expect(name).toMatch(/\.xlsx$/)
  })

  it('lets a masked export go without a reason', async () => {
    await mountCards()
    await click('[data-test=cards-export-ok]')
    await click('[data-test=export-ok]')
    expect(q('[data-test=export-reason] .el-form-item__error')).not.toBeNull()
    await click('[data-test=export-masked]')
    // Masked: the reason is optional, and the error about a missing one is gone.
    expect(q('[data-test=export-reason] .el-form-item__error')).toBeNull()
    expect(q('[data-test=export-reason]')!.textContent).toContain('选填')
    await click('[data-test=export-ok]')
    expect(vi.mocked(api.cardsExport).mock.calls[0]![2]).toEqual({ reason: '', masked: true })
  })

  it('shows the backend’s refusal of the reason beside the field, keeping what was typed', async () => {
    vi.mocked(api.cardsExport).mockRejectedValueOnce(
      new api.ApiError('validation', '导出原因不能超过 200 个字', [{ field: 'reason', message: '导出原因不能超过 200 个字' }]),
    )
    await mountCards()
    await click('[data-test=cards-export-ok]')
    await typeReason('汇总')
    await click('[data-test=export-ok]')
    expect(api.cardsExport).toHaveBeenCalledTimes(1)
    expect(q('[data-test=export-reason] .el-form-item__error')?.textContent).toContain('不能超过 200 个字')
    expect(q<HTMLTextAreaElement>('[data-test=export-reason] textarea')!.value).toBe('汇总')
  })

  it('asks the same before exporting the item ledger', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    wrapper = mount(ItemExportDialog, {
      props: { modelValue: false, period: ['2026-11-01', '2026-11-30'] },
      global: { plugins: [ElementPlus, pinia] },
      attachTo: document.body,
    })
    await wrapper.setProps({ modelValue: true })
    await settle()
    await click('[data-test=items-export-ok]')
    await click('[data-test=export-ok]')
    expect(api.itemsExport).not.toHaveBeenCalled()
    await typeReason('督办通报')
    await click('[data-test=export-masked]')
    await click('[data-test=export-ok]')
    expect(api.itemsExport).toHaveBeenCalledTimes(1)
    const [format, from, to, purpose, name] = vi.mocked(api.itemsExport).mock.calls[0]!
    expect(format).toBe('xlsx')
    expect([from, to]).toEqual(['2026-11-01', '2026-11-30'])
    expect(purpose).toEqual({ reason: '督办通报', masked: true })
    expect(name).toMatch(/^意见台账-2026-11-01至2026-11-30-\d{4}-\d{2}-\d{2}\.xlsx$/)
  })
})
