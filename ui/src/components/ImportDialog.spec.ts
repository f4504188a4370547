import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import * as api from '@/api'
import type { ImportFile, ImportRow, ImportStatus, JobProgress, JobRun } from '@/api'
import { useJobProgress } from '@/stores/jobProgress'
import ImportDialog from './ImportDialog.vue'

/** The last job's progress callback (the backend's channel). */
let lastProgress: ((p: JobProgress) => void) | null = null

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    importPick: vi.fn(),
    importCommit: vi.fn(),
    importClear: vi.fn(),
    importTemplate: vi.fn(),
    jobCancel: vi.fn(),
    newJobRun: vi.fn((onProgress: (p: JobProgress) => void) => {
      lastProgress = onProgress
      return { jobId: 'job-1', onProgress: {} } as JobRun
    }),
  }
})
const pickMock = vi.mocked(api.importPick)
const commitMock = vi.mocked(api.importCommit)
const templateMock = vi.mocked(api.importTemplate)
const clearMock = vi.mocked(api.importClear)

const LABELS: Record<ImportStatus, string> = {
  new: '新增',
  update: '更新',
  unchanged: '无变化',
  duplicate: '重复',
  example: '示例行',
  error: '有错误',
}

function row(n: number, status: ImportStatus, name: string, errors: ImportRow['errors'] = [], note = ''): ImportRow {
  return { row: n, status, status_label: LABELS[status], cells: [name, '女', '理工代表团', '外国语学院', '', ''], note, errors }
}

function file(rows: ImportRow[]): ImportFile {
  const count = (s: ImportStatus[]) => rows.filter((r) => s.includes(r.status)).length
  return {
    file_name: '名册.xlsx',
    preview: {
      kind: 'delegates',
      columns: ['姓名', '性别', '所在代表团', '工作单位', '职务', '手机号码'],
      rows,
      added: count(['new']),
      updated: count(['update']),
      skipped: count(['unchanged', 'duplicate', 'example']),
      error_rows: count(['error']),
      ignored_columns: [],
    },
  }
}

const withErrors = file([
  row(2, 'new', '李丽华'),
  row(3, 'error', '王小军', [{ column: '性别', message: '性别应为“男”或“女”' }]),
  row(4, 'update', '张建华', [], '名册中已有：张建华（理工代表团）'),
  row(5, 'error', '陈静', [
    { column: '所在代表团', message: '名册中没有名为“化工代表团”的代表团，请先在名册中添加' },
    { column: '手机号码', message: '手机号码应为 11 位数字' },
  ]),
])
const clean = file([row(2, 'example', ''), row(3, 'new', '李丽华'), row(4, 'new', '林新'), row(5, 'update', '张建华')])

let wrapper: VueWrapper | null = null
const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)
const qa = (sel: string) => Array.from(document.body.querySelectorAll<HTMLElement>(sel))

async function open(kind: 'delegates' | 'cards' = 'delegates') {
  wrapper = mount(ImportDialog, {
    props: { modelValue: false, kind },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
}

async function click(sel: string) {
  q<HTMLButtonElement>(sel)!.click()
  await flushPromises()
}

const RUN = { jobId: 'job-1', onProgress: {} }

beforeEach(() => {
  setActivePinia(createPinia())
  lastProgress = null
  vi.mocked(api.jobCancel).mockReset().mockResolvedValue(true)
  pickMock.mockReset()
  commitMock.mockReset()
  templateMock.mockReset().mockResolvedValue('/home/u/党代表名册导入模板.xlsx')
  clearMock.mockReset().mockResolvedValue(null)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('ImportDialog', () => {
  it('saves the template and stays on step 1 when the file dialog is cancelled', async () => {
    await open('cards')
    expect(q('[data-test=import-step-pick]')).not.toBeNull()
    await click('[data-test=import-template]')
    expect(templateMock).toHaveBeenCalledWith('cards')
    pickMock.mockResolvedValue(null)
    await click('[data-test=import-pick]')
    expect(pickMock).toHaveBeenCalledWith('cards', RUN)
    expect(q('[data-test=import-step-pick]')).not.toBeNull()
    expect(q('[data-test=import-step-preview]')).toBeNull()
  })

  it('shows each row with its status and its errors in red, and keeps 确认导入 disabled while a row has one', async () => {
    pickMock.mockResolvedValue(withErrors)
    await open()
    await click('[data-test=import-pick]')
    expect(q('[data-test=import-file]')!.textContent).toBe('名册.xlsx')
    expect(q('[data-test=import-summary]')!.textContent).toBe('共 4 行：新增 1，更新 1，跳过 0，有错误 2 行')
    expect(q('[data-test=import-has-errors]')!.textContent).toContain('有 2 行有错误')
    // Opened on the rows with errors, each error beside its row.
    expect(qa('[data-test=import-row-no]').map((e) => e.textContent)).toEqual(['3', '5'])
    expect(qa('[data-test=import-row-error]').map((e) => e.textContent!.trim())).toEqual([
      '性别：性别应为“男”或“女”',
      '所在代表团：名册中没有名为“化工代表团”的代表团，请先在名册中添加',
      '手机号码：手机号码应为 11 位数字',
    ])
    expect(qa('[data-test=import-row-status]').map((e) => e.textContent)).toEqual(['有错误', '有错误'])
    expect(q<HTMLButtonElement>('[data-test=import-commit]')!.disabled).toBe(true)

    // Every row when the switch is off.
    q<HTMLElement>('[data-test=import-only-errors]')!.click()
    await flushPromises()
    expect(qa('[data-test=import-row-no]').map((e) => e.textContent)).toEqual(['2', '3', '4', '5'])
    expect(qa('[data-test=import-row-status]').map((e) => e.textContent)).toEqual(['新增', '有错误', '更新', '有错误'])
    expect(document.body.textContent).toContain('名册中已有：张建华（理工代表团）')
    await click('[data-test=import-commit]')
    expect(commitMock).not.toHaveBeenCalled()
  })

  it('imports a clean sheet and reports what was added, updated and skipped', async () => {
    pickMock.mockResolvedValue(clean)
    commitMock.mockResolvedValue({ kind: 'delegates', added: 2, updated: 1, skipped: 1 })
    await open()
    await click('[data-test=import-pick]')
    expect(q('[data-test=import-summary]')!.textContent).toBe('共 4 行：新增 2，更新 1，跳过 1')
    expect(q('[data-test=import-only-errors]')).toBeNull()
    const commit = q<HTMLButtonElement>('[data-test=import-commit]')!
    expect(commit.disabled).toBe(false)
    await click('[data-test=import-commit]')
    expect(commitMock).toHaveBeenCalledWith('delegates', RUN)
    expect(q('[data-test=import-report]')!.textContent).toBe('新增 2，更新 1，跳过 1')
    expect(wrapper!.emitted('imported')![0]).toEqual([{ kind: 'delegates', added: 2, updated: 1, skipped: 1 }])
  })

  it('keeps the preview when the import is refused, and pages a long sheet', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => row(i + 2, 'new', `党代表${i + 2}`))
    pickMock.mockResolvedValue(file(rows))
    commitMock.mockRejectedValue(new api.ApiError('invalid', '未导入任何数据：第 7 行：张三 已于 2025-01-01 离任'))
    await open()
    await click('[data-test=import-pick]')
    expect(qa('[data-test=import-row-no]')).toHaveLength(50)
    expect(q('[data-test=import-pager]')).not.toBeNull()
    q<HTMLElement>('[data-test=import-pager] .el-pager li:nth-child(3)')!.click()
    await flushPromises()
    expect(qa('[data-test=import-row-no]')[0]!.textContent).toBe('102')
    await click('[data-test=import-commit]')
    expect(commitMock).toHaveBeenCalledTimes(1)
    expect(document.body.textContent).toContain('未导入任何数据：第 7 行')
    expect(q('[data-test=import-step-preview]')).not.toBeNull()
  })

  it('shows the import progress with 取消, and a cancelled import stays on the preview with nothing reported', async () => {
    pickMock.mockResolvedValue(clean)
    let reject!: (e: unknown) => void
    commitMock.mockImplementation(
      () =>
        new Promise((_, rej) => {
          reject = rej
        }),
    )
    await open()
    await click('[data-test=import-pick]')
    await click('[data-test=import-commit]')
    // The backend reports rows checked and written: the job's box follows them.
    lastProgress!({ done: 3, total: 6 })
    const job = useJobProgress()
    expect(job.title).toBe('正在导入')
    expect([job.done, job.total]).toEqual([3, 6])
    await job.cancel()
    expect(api.jobCancel).toHaveBeenCalledWith('job-1')
    reject(new api.ApiError('cancelled', '已取消'))
    await flushPromises()
    expect(q('[data-test=import-step-preview]')).not.toBeNull()
    expect(q('[data-test=import-report]')).toBeNull()
    expect(wrapper!.emitted('imported')).toBeUndefined()
  })
})
