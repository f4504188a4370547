// The dated lists' 导出 (工作室动态, 活动调研, 提议) is one backend command that names the list: what
// ListExportDialog hands the exporter (format, period, file name, job) arrives under the list's kind,
// the period as its two ends (or neither), and no reason (these lists hold no personal data).
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { invoke } from '@tauri-apps/api/core'
import * as api from './index'
import type { DatedList, ExportPurpose, JobRun } from './index'

vi.mock('@tauri-apps/api/core', () => ({
  invoke: vi.fn(),
  Channel: class {
    onmessage: (m: unknown) => void = () => {}
  },
}))
const invokeMock = vi.mocked(invoke)

beforeEach(() => {
  invokeMock.mockReset()
  invokeMock.mockResolvedValue({ path: '/tmp/x.xlsx', count: 3 })
})

const run = { jobId: 'job-7', onProgress: {} } as JobRun
const purpose: ExportPurpose = { reason: '', masked: false }

describe('datedListExporter', () => {
  it.each<DatedList>(['news', 'activities', 'proposals'])('sends %s to the one command with its period', async (list) => {
    const out = await api.datedListExporter(list)('xlsx', ['2026-01-01', '2026-06-30'], purpose, '清单', run)
    expect(out).toEqual({ path: '/tmp/x.xlsx', count: 3 })
    expect(invokeMock).toHaveBeenCalledTimes(1)
    expect(invokeMock).toHaveBeenCalledWith('dated_list_export', {
      list,
      format: 'xlsx',
      from: '2026-01-01',
      to: '2026-06-30',
      suggestedName: '清单',
      jobId: 'job-7',
      onProgress: {},
    })
  })

  it('sends neither end without a period (the whole list)', async () => {
    await api.datedListExporter('news')('csv', null, purpose, '工作室动态', run)
    expect(invokeMock).toHaveBeenCalledWith('dated_list_export', expect.objectContaining({ list: 'news', from: null, to: null }))
  })
})
