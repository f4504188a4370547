import { beforeEach, describe, expect, it, vi } from 'vitest'
import { invoke } from '@tauri-apps/api/core'
import { save } from '@tauri-apps/plugin-dialog'
import * as api from './index'
import { chooseSavePath, joinPath, safeFileName } from './files'
import type { CardInput, CardQuery, CardSelection, PrintJob } from './index'

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }))
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: vi.fn() }))
const invokeMock = vi.mocked(invoke)
const saveMock = vi.mocked(save)

beforeEach(() => {
  invokeMock.mockReset()
  invokeMock.mockResolvedValue(null)
  saveMock.mockReset()
  delete window.__STUDIO_E2E_SAVE_DIR__
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
    const calls: [() => Promise<unknown>, string, Record<string, unknown> | undefined][] = [
      [() => api.cardsList(query), 'cards_list', { query }],
      [() => api.cardCounts(), 'card_counts', undefined],
      [() => api.cardGet('c1'), 'card_get', { id: 'c1' }],
      [() => api.cardDelegateSnapshot('d1'), 'card_delegate_snapshot', { delegateId: 'd1' }],
      [() => api.cardCreate(input), 'card_create', { input }],
      [() => api.cardUpdate('c1', input), 'card_update', { id: 'c1', input }],
      [() => api.cardSubmit('c1', null), 'card_submit', { id: 'c1', filedOn: null }],
      [() => api.cardSubmit('c1', '2025-10-13'), 'card_submit', { id: 'c1', filedOn: '2025-10-13' }],
      [() => api.cardAmend('c1', input, '电话有误'), 'card_amend', { id: 'c1', input, reason: '电话有误' }],
      [() => api.cardDiscard('c1'), 'card_discard', { id: 'c1' }],
      [() => api.cardAmendments('c1'), 'card_amendments', { id: 'c1' }],
      [() => api.cardHistory('c1'), 'card_history', { id: 'c1' }],
      [() => api.calendarMonth(2025, 10), 'calendar_month', { year: 2025, month: 10 }],
      [() => api.calendarOverrides(2025), 'calendar_overrides', { year: 2025 }],
      [() => api.calendarOverrides(null), 'calendar_overrides', { year: null }],
      [
        () => api.calendarOverrideSet('2025-10-17', 'holiday', '校运动会停课'),
        'calendar_override_set',
        { date: '2025-10-17', kind: 'holiday', note: '校运动会停课' },
      ],
      [() => api.calendarOverrideRemove('2025-10-17'), 'calendar_override_remove', { date: '2025-10-17' }],
      [() => api.printPreview(job), 'print_preview', { job }],
      [() => api.printPreview(blank), 'print_preview', { job: blank }],
      [() => api.printSave(job, '/tmp/a.pdf'), 'print_save', { job, path: '/tmp/a.pdf' }],
      [() => api.printOpen(job), 'print_open', { job }],
      [
        () => api.cardsExport('xlsx', { kind: 'period', from: '2025-10-01', to: '2025-10-31' }, '/tmp/a.xlsx'),
        'cards_export',
        { format: 'xlsx', selection: { kind: 'period', from: '2025-10-01', to: '2025-10-31' }, path: '/tmp/a.xlsx' },
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
    const e = (await api.cardSubmit('c1', null).catch((x: unknown) => x)) as api.ApiError
    expect(e).toBeInstanceOf(api.ApiError)
    expect(e.fieldMessage('feedback_on')).toContain('反馈日期')
  })
})

describe('chooseSavePath', () => {
  it('skips the dialog when an end-to-end test set the save folder', async () => {
    window.__STUDIO_E2E_SAVE_DIR__ = '/tmp/e2e-out'
    await expect(chooseSavePath('记录卡-张三-2026-05-06.pdf', [{ name: 'PDF', extensions: ['pdf'] }])).resolves.toBe(
      '/tmp/e2e-out/记录卡-张三-2026-05-06.pdf',
    )
    expect(saveMock).not.toHaveBeenCalled()
  })

  it('opens the save dialog with the suggested name and the filter otherwise', async () => {
    saveMock.mockResolvedValueOnce('/home/u/记录卡.pdf')
    const filters = [{ name: 'PDF 文件', extensions: ['pdf'] }]
    await expect(chooseSavePath('空白记录卡-10份.pdf', filters)).resolves.toBe('/home/u/记录卡.pdf')
    expect(saveMock).toHaveBeenCalledWith({ defaultPath: '空白记录卡-10份.pdf', filters })
    saveMock.mockResolvedValueOnce(null)
    await expect(chooseSavePath('a.pdf', filters)).resolves.toBeNull()
  })

  it('joins with the folder’s own separator and cleans file names', () => {
    expect(joinPath('/tmp/out/', 'a.pdf')).toBe('/tmp/out/a.pdf')
    expect(joinPath('C:\\Users\\a', 'a.pdf')).toBe('C:\\Users\\a\\a.pdf')
    expect(safeFileName('记录卡-a/b:c.pdf')).toBe('记录卡-a-b-c.pdf')
  })
})
