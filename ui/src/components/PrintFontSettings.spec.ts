import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { PrintFont } from '@/api'
import PrintFontSettings from './PrintFontSettings.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, printFontGet: vi.fn(), printFontChoose: vi.fn(), printFontDefault: vi.fn() }
})

const SHIPPED: PrintFont = { name: '思源宋体 Noto Serif SC（内置）', is_default: true, file: null }
const CHOSEN: PrintFont = { name: '文泉驿正黑', is_default: false, file: '01a2.ttc' }

let wrapper: VueWrapper | null = null

async function open() {
  setActivePinia(createPinia())
  wrapper = mount(PrintFontSettings, { global: { plugins: [ElementPlus] } })
  await flushPromises()
  return wrapper
}

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.mocked(api.printFontGet).mockReset()
  vi.mocked(api.printFontChoose).mockReset()
  vi.mocked(api.printFontDefault).mockReset()
})

describe('设置 → 打印字体', () => {
  it('shows the shipped font as the default, with 恢复默认字体 off', async () => {
    vi.mocked(api.printFontGet).mockResolvedValue(SHIPPED)
    const w = await open()
    expect(w.find('[data-test=print-font-name]').text()).toBe(SHIPPED.name)
    expect(w.find('[data-test=print-font-default-tag]').exists()).toBe(true)
    expect(w.find('[data-test=print-font-reset]').attributes('disabled')).toBeDefined()
  })

  it('shows the chosen font after the dialog, and goes back to the default', async () => {
    vi.mocked(api.printFontGet).mockResolvedValue(SHIPPED)
    vi.mocked(api.printFontChoose).mockResolvedValue(CHOSEN)
    vi.mocked(api.printFontDefault).mockResolvedValue(SHIPPED)
    const w = await open()
    await w.find('[data-test=print-font-choose]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=print-font-name]').text()).toBe('文泉驿正黑')
    expect(w.find('[data-test=print-font-default-tag]').exists()).toBe(false)
    await w.find('[data-test=print-font-reset]').trigger('click')
    await flushPromises()
    expect(api.printFontDefault).toHaveBeenCalledOnce()
    expect(w.find('[data-test=print-font-name]').text()).toBe(SHIPPED.name)
  })

  it('keeps the font when the dialog is closed, and shows the backend’s refusal in Chinese', async () => {
    vi.mocked(api.printFontGet).mockResolvedValue(SHIPPED)
    vi.mocked(api.printFontChoose).mockResolvedValueOnce(null)
    const w = await open()
    await w.find('[data-test=print-font-choose]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=print-font-name]').text()).toBe(SHIPPED.name)
    expect(w.find('[data-test=print-font-error]').exists()).toBe(false)

    vi.mocked(api.printFontChoose).mockRejectedValueOnce({
      code: 'invalid',
      message: '该字体缺少打印表格所需的 12 个字符：党代表联系。请选择一款中文字体（如宋体、仿宋）',
      fields: [],
    })
    await w.find('[data-test=print-font-choose]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=print-font-error]').text()).toContain('该字体缺少打印表格所需的')
    expect(w.find('[data-test=print-font-name]').text()).toBe(SHIPPED.name)
  })
})
