import { beforeEach, describe, expect, it, vi } from 'vitest'
import { invoke } from '@tauri-apps/api/core'
import * as api from './index'
import type { ItemAction, ItemDeadlines, ItemInput, ItemQuery, JobRun } from './index'

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }))

/** What a page hands a long command: its job id and progress channel (a stand-in here). */
const run = { jobId: 'job-1', onProgress: {} } as JobRun
const invokeMock = vi.mocked(invoke)

beforeEach(() => {
  invokeMock.mockReset()
  invokeMock.mockResolvedValue(null)
})

const input: ItemInput = {
  category: 'implementation',
  source: 'hotline',
  title: '东门外人行道破损积水',
  content: '学校东门外人行道破损严重，雨天积水。',
  person_name: '李晓梅',
  person_phone: '13857101234',
  person_contact: '',
  first_responder: '王明',
  delegate_ids: ['d1', 'd2'],
  received_on: '2025-10-09',
  card_id: null,
}

const query: ItemQuery = {
  q: '人行道',
  status: 'in_progress',
  category: null,
  source: 'card',
  delegate_id: null,
  delegation_id: 'g1',
  unit: '后勤',
  view: 'overdue',
  from: '2025-10-01',
  to: '2025-10-31',
  closed_from: null,
  closed_to: null,
  sort: 'due_asc',
  page: { page: 2, page_size: 20 },
}

const deadlines: ItemDeadlines = {
  policy_inquiry: 5,
  implementation: 15,
  party_building: 15,
  public_opinion: 10,
  rights: 10,
  hardship: 10,
  long_pause_days: 10,
  version: 2,
}

describe('item commands', () => {
  it('sends each command by its Rust name with camelCase argument keys', async () => {
    const extend: ItemAction = { kind: 'extend', days: 5, reason: '等待校长办公会研究', on: '' }
    const calls: [() => Promise<unknown>, string, Record<string, unknown> | undefined][] = [
      [() => api.itemsList(query), 'items_list', { query }],
      [() => api.itemCounts(), 'item_counts', undefined],
      [() => api.itemGet('i1'), 'item_get', { id: 'i1' }],
      [() => api.itemForCard('c1'), 'item_for_card', { cardId: 'c1' }],
      [() => api.itemCreate(input), 'item_create', { input }],
      [() => api.itemUpdate('i1', 6, input), 'item_update', { id: 'i1', version: 6, input }],
      [
        () => api.itemCreateFromCard('c1', 'hardship', '老人住院医疗费用负担重'),
        'item_create_from_card',
        { cardId: 'c1', category: 'hardship', title: '老人住院医疗费用负担重' },
      ],
      [() => api.itemLinkCard('i1', 6, 'c1'), 'item_link_card', { itemId: 'i1', version: 6, cardId: 'c1' }],
      [() => api.itemAct('i1', 6, extend), 'item_act', { id: 'i1', version: 6, action: extend }],
      [() => api.itemsSimilar('人行道 积水'), 'items_similar', { text: '人行道 积水', excludeId: null, limit: null }],
      [() => api.itemsSimilar('人行道', 'i1', 8), 'items_similar', { text: '人行道', excludeId: 'i1', limit: 8 }],
      [() => api.itemDeadlines(), 'item_deadlines', undefined],
      [() => api.itemDeadlinesSave(deadlines), 'item_deadlines_save', { input: deadlines }],
      [
        () => api.itemsExport('xlsx', '2025-10-01', '2025-10-31', { reason: '季度汇总上报', masked: false }, '意见台账-2025-10-01至2025-10-31-2025-11-02.xlsx', run),
        'items_export',
        {
          format: 'xlsx',
          from: '2025-10-01',
          to: '2025-10-31',
          purpose: { reason: '季度汇总上报', masked: false },
          suggestedName: '意见台账-2025-10-01至2025-10-31-2025-11-02.xlsx',
          jobId: 'job-1',
          onProgress: run.onProgress,
        },
      ],
      [
        () => api.itemsExport('json', null, null, { reason: '', masked: true }, '意见台账-全部-2025-11-02.json', run),
        'items_export',
        {
          format: 'json',
          from: null,
          to: null,
          purpose: { reason: '', masked: true },
          suggestedName: '意见台账-全部-2025-11-02.json',
          jobId: 'job-1',
          onProgress: run.onProgress,
        },
      ],
    ]
    for (const [run, command, args] of calls) {
      invokeMock.mockClear()
      await run()
      expect(invokeMock).toHaveBeenCalledOnce()
      expect(invokeMock).toHaveBeenCalledWith(command, args)
    }
  })

  it('turns a rejected step into an ApiError with the Chinese message', async () => {
    invokeMock.mockRejectedValue({ code: 'state', message: '当前状态为「已答复」，不能进行「交办」', fields: [], stale: null })
    await expect(api.itemAct('i1', 3, { kind: 'refer', unit: '后勤管理处', due_on: '2025-10-20', note: '', on: '' })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'state',
      message: '当前状态为「已答复」，不能进行「交办」',
    })
  })
})
