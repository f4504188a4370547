import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { JobProgress, JobRun, ListExporter } from '@/api'
import ListExportDialog from './ListExportDialog.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    jobCancel: vi.fn(),
    newJobRun: vi.fn((_: (p: JobProgress) => void) => ({ jobId: 'job-1', onProgress: {} }) as JobRun),
  }
})

let wrapper: VueWrapper | null = null

/** Mounted closed, then opened: the dialog takes the list's period when it opens. */
type Props = {
  title: string
  fileName: string
  unit: string
  lead?: string
  periodLabel?: string
  period?: [string, string] | null
  test: string
  exporter: ListExporter
}

async function open(props: Props) {
  setActivePinia(createPinia())
  wrapper = mount(ListExportDialog, {
    props: { modelValue: false, ...props },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  return wrapper
}

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

const button = (test: string) => document.querySelector<HTMLElement>(`[data-test=${test}]`)

describe('导出 of a list', () => {
  it('a list without personal data (工作室动态) asks no reason: the period and the format go straight to the exporter', async () => {
    const exporter = vi.fn<ListExporter>().mockResolvedValue({ path: '/tmp/工作室动态.xlsx', count: 6 })
    await open({
      title: '导出工作室动态',
      fileName: '工作室动态',
      unit: '条工作室动态',
      periodLabel: '发布日期',
      period: ['2026-01-01', '2026-06-30'],
      test: 'news-export',
      exporter,
    })
    await flushPromises()
    expect(document.body.textContent).not.toContain('导出原因')
    button('news-export-ok')!.click()
    await flushPromises()
    expect(exporter).toHaveBeenCalledOnce()
    const [format, range, purpose, name] = exporter.mock.calls[0]
    expect(format).toBe('xlsx')
    expect(range).toEqual(['2026-01-01', '2026-06-30'])
    expect(purpose).toEqual({ reason: '', masked: false })
    expect(name).toMatch(/^工作室动态-2026-01-01至2026-06-30-\d{4}-\d{2}-\d{2}\.xlsx$/)
  })

  it('a list with personal data (联络员与志愿者) asks why before exporting', async () => {
    const exporter = vi.fn<ListExporter>()
    await open({
      title: '导出联络员与志愿者',
      fileName: '联络员与志愿者',
      unit: '名联络员和志愿者',
      lead: '导出文件含联络员和志愿者的姓名、联系电话等个人信息。',
      test: 'volunteers-export',
      exporter,
    })
    await flushPromises()
    expect(document.body.textContent).toContain('下一步须填写导出原因')
    button('volunteers-export-ok')!.click()
    await flushPromises()
    expect(exporter).not.toHaveBeenCalled()
  })
})
