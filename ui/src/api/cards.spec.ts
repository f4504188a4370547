import { beforeEach, describe, expect, it, vi } from 'vitest'
import { invoke } from '@tauri-apps/api/core'
import * as api from './index'
import type { CardInput, CardQuery, CardSelection, JobRun, PrintJob } from './index'

vi.mock('@tauri-apps/api/core', () => ({
  invoke: vi.fn(),
  // Enough of Tauri's Channel for the page side: messages go to `onmessage`.
  Channel: class {
    onmessage: (m: unknown) => void = () => {}
  },
}))
const invokeMock = vi.mocked(invoke)

beforeEach(() => {
  invokeMock.mockReset()
  invokeMock.mockResolvedValue(null)
})

const input: CardInput = {
  delegate_id: 'd1',
  refresh_snapshot: false,
  contact_date: '2025-10-09',
  person_name: '李晓梅',
  person_gender: 'female',
  person_age: 34,
  person_political_status: 'party_member',
  person_unit_position: '后勤保障处 科员',
  person_phone: '13857101234',
  person_address: '',
  group_size: 1,
  channel: 'studio',
  channel_other: '',
  opinion: '人行道破损',
  handling: '',
  feedback_on: null,
}

const query: CardQuery = {
  q: '人行道',
  delegate_id: null,
  delegation_id: 'g1',
  channel: null,
  from: '2025-10-01',
  to: '2025-10-31',
  filed_from: null,
  filed_to: null,
  status: 'draft',
  late_only: false,
  deadline: 'overdue',
  sort: 'contact_desc',
  page: { page: 1, page_size: 20 },
}

describe('card, calendar, print and export commands', () => {
  it('sends each command by its Rust name with camelCase argument keys', async () => {
    const ids: CardSelection = { kind: 'ids', ids: ['c1', 'c2'] }
    const job: PrintJob = { kind: 'cards', selection: ids }
    const blank: PrintJob = { kind: 'blank', copies: 10 }
    const run: JobRun = api.newJobRun(() => {})
    const runArgs = { jobId: run.jobId, onProgress: run.onProgress }
    const calls: [() => Promise<unknown>, string, Record<string, unknown> | undefined][] = [
      [() => api.cardsList(query), 'cards_list', { query }],
      [() => api.cardCounts(), 'card_counts', undefined],
      [() => api.cardGet('c1'), 'card_get', { id: 'c1' }],
      [() => api.cardDelegateSnapshot('d1'), 'card_delegate_snapshot', { delegateId: 'd1' }],
      [() => api.cardCreate(input), 'card_create', { input }],
      [() => api.cardUpdate('c1', 3, input), 'card_update', { id: 'c1', version: 3, input }],
      [() => api.cardSubmit('c1', 3, null), 'card_submit', { id: 'c1', version: 3, filedOn: null }],
      [() => api.cardSubmit('c1', 3, '2025-10-13'), 'card_submit', { id: 'c1', version: 3, filedOn: '2025-10-13' }],
      [
        () => api.cardAmend('c1', 4, input, '电话有误'),
        'card_amend',
        { id: 'c1', version: 4, input, reason: '电话有误' },
      ],
      [() => api.cardDiscard('c1', 2), 'card_discard', { id: 'c1', version: 2 }],
      [() => api.cardAmendments('c1'), 'card_amendments', { id: 'c1' }],
      [() => api.cardHistory('c1'), 'card_history', { id: 'c1' }],
      [() => api.calendarMonth(2025, 10), 'calendar_month', { year: 2025, month: 10 }],
      [() => api.calendarOverrides(2025), 'calendar_overrides', { year: 2025 }],
      [() => api.calendarOverrides(null), 'calendar_overrides', { year: null }],
      [
        () => api.calendarOverrideSet('2025-10-17', 0, 'holiday', '校运动会停课', run),
        'calendar_override_set',
        { date: '2025-10-17', version: 0, kind: 'holiday', note: '校运动会停课', ...runArgs },
      ],
      [
        () => api.calendarOverrideRemove('2025-10-17', 2, run),
        'calendar_override_remove',
        { date: '2025-10-17', version: 2, ...runArgs },
      ],
      [() => api.printPreview(job, run), 'print_preview', { job, ...runArgs }],
      [() => api.printPreview(blank, run), 'print_preview', { job: blank, ...runArgs }],
      [
        () => api.printSave(job, '记录卡-张三-2026-05-06.pdf', run),
        'print_save',
        { job, suggestedName: '记录卡-张三-2026-05-06.pdf', ...runArgs },
      ],
      [() => api.printOpen(job, run), 'print_open', { job, ...runArgs }],
      [
        () =>
          api.cardsExport(
            'xlsx',
            { kind: 'period', from: '2025-10-01', to: '2025-10-31' },
            { reason: '季度汇总上报', masked: false },
            '记录卡导出.xlsx',
            run,
          ),
        'cards_export',
        {
          format: 'xlsx',
          selection: { kind: 'period', from: '2025-10-01', to: '2025-10-31' },
          purpose: { reason: '季度汇总上报', masked: false },
          suggestedName: '记录卡导出.xlsx',
          ...runArgs,
        },
      ],
    ]
    for (const [run, command, args] of calls) {
      invokeMock.mockClear()
      await run()
      expect(invokeMock).toHaveBeenCalledTimes(1)
      expect(invokeMock).toHaveBeenCalledWith(command, args)
    }
  })

  it('turns a rejected card submit into an ApiError with field messages', async () => {
    invokeMock.mockRejectedValueOnce({
      code: 'validation',
      message: '提交前请填写反馈日期（向党员群众反馈办理结果的日期）',
      fields: [{ field: 'feedback_on', message: '提交前请填写反馈日期（向党员群众反馈办理结果的日期）' }],
    })
    const e = (await api.cardSubmit('c1', 1, null).catch((x: unknown) => x)) as api.ApiError
    expect(e).toBeInstanceOf(api.ApiError)
    expect(e.fieldMessage('feedback_on')).toContain('反馈日期')
  })
})

describe('long jobs', () => {
  it('makes a fresh id and passes progress reports on', () => {
    const seen: api.JobProgress[] = []
    const a = api.newJobRun((p) => seen.push(p))
    const b = api.newJobRun(() => {})
    expect(a.jobId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a.jobId).not.toBe(b.jobId)
    a.onProgress.onmessage({ done: 3, total: 90 })
    expect(seen).toEqual([{ done: 3, total: 90 }])
  })

  it('answers null when the user closed the save dialog', async () => {
    invokeMock.mockResolvedValueOnce(null)
    await expect(api.printSave({ kind: 'blank', copies: 2 }, '空白记录卡-2份.pdf', api.newJobRun(() => {}))).resolves.toBeNull()
  })
})
