import { beforeEach, describe, expect, it, vi } from 'vitest'
import { invoke } from '@tauri-apps/api/core'
import * as api from './index'
import { ApiError, toApiError } from './index'
import type { DelegateInput, DelegateQuery, ErrorPayload } from './index'

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }))
const invokeMock = vi.mocked(invoke)

beforeEach(() => {
  invokeMock.mockReset()
  invokeMock.mockResolvedValue(null)
})

const input: DelegateInput = {
  name: '张建华',
  gender: 'male',
  delegation_id: 'g1',
  unit: '计算机工程学院',
  position: '',
  mobile: '13812345678',
  office_phone: '',
  email: '',
  bio: '',
  pledge: '',
  term: '',
  display_order: 0,
  publish: { unit_position: true, mobile: false, office_phone: true, email: true, photo: true, bio: true, pledge: true },
}

describe('api commands', () => {
  it('sends each command by its Rust name with camelCase argument keys', async () => {
    const query: DelegateQuery = {
      q: 'zjh',
      delegation_id: null,
      status: 'active',
      sort: 'roster',
      page: { page: 2, page_size: 20 },
    }
    const calls: [() => Promise<unknown>, string, Record<string, unknown> | undefined][] = [
      [() => api.appStatus(), 'app_status', undefined],
      [() => api.setupLoadDemo(), 'setup_load_demo', undefined],
      [() => api.setupStartBlank(), 'setup_start_blank', undefined],
      [() => api.settingsGet(), 'settings_get', undefined],
      [
        () => api.settingsSave({ operator_name: '王明', studio_name: '工作室', hotline: '', version: 3 }),
        'settings_save',
        { input: { operator_name: '王明', studio_name: '工作室', hotline: '', version: 3 } },
      ],
      [() => api.delegationsList(), 'delegations_list', undefined],
      [() => api.delegationGet('g1'), 'delegation_get', { id: 'g1' }],
      [
        () => api.delegationUpdate('g1', 4, { name: '理工代表团', head_delegate_id: null, note: '', display_order: 1 }),
        'delegation_update',
        { id: 'g1', version: 4, input: { name: '理工代表团', head_delegate_id: null, note: '', display_order: 1 } },
      ],
      [() => api.delegatesList(query), 'delegates_list', { query }],
      [() => api.delegateGet('d1'), 'delegate_get', { id: 'd1' }],
      [() => api.delegateCreate(input), 'delegate_create', { input }],
      [() => api.delegateUpdate('d1', 2, input), 'delegate_update', { id: 'd1', version: 2, input }],
      [
        () => api.delegateMarkLeft('d1', 2, '2025-07-01'),
        'delegate_mark_left',
        { id: 'd1', version: 2, leftOn: '2025-07-01' },
      ],
      [() => api.delegateMarkLeft('d1', 2, null), 'delegate_mark_left', { id: 'd1', version: 2, leftOn: null }],
      [() => api.delegateReinstate('d1', 5), 'delegate_reinstate', { id: 'd1', version: 5 }],
      [
        () => api.delegateDuplicates('张建华', '计算机工程学院', null),
        'delegate_duplicates',
        { name: '张建华', unit: '计算机工程学院', exceptId: null },
      ],
      [() => api.delegateSetPhoto('d1', 2, 'AAAA'), 'delegate_set_photo', { id: 'd1', version: 2, dataBase64: 'AAAA' }],
      [() => api.delegatePhoto('d1', true), 'delegate_photo', { id: 'd1', thumbnail: true }],
      [() => api.delegateHistory('d1'), 'delegate_history', { id: 'd1' }],
      [() => api.auditRecent(10), 'audit_recent', { limit: 10 }],
      [() => api.dbBackup('党代表工作室备份-2026-12-02.db'), 'db_backup', { suggestedName: '党代表工作室备份-2026-12-02.db' }],
      [() => api.dbRestore(), 'db_restore', {}],
      [() => api.jobCancel('j1'), 'job_cancel', { jobId: 'j1' }],
    ]
    for (const [run, command, args] of calls) {
      invokeMock.mockClear()
      await run()
      expect(invokeMock).toHaveBeenCalledTimes(1)
      expect(invokeMock).toHaveBeenCalledWith(command, args)
    }
  })

  it('returns what the backend resolved', async () => {
    invokeMock.mockResolvedValueOnce('data:image/jpeg;base64,xyz')
    await expect(api.delegatePhoto('d1', false)).resolves.toBe('data:image/jpeg;base64,xyz')
  })
})

describe('ApiError', () => {
  it('turns a rejected ErrorPayload into an ApiError with code, message and fields', async () => {
    const payload: ErrorPayload = {
      code: 'validation',
      message: '请填写姓名（另有 1 处需要修改）',
      fields: [
        { field: 'name', message: '请填写姓名' },
        { field: 'mobile', message: '手机号码应为 11 位数字' },
      ],
      stale: null,
    }
    invokeMock.mockRejectedValueOnce(payload)
    const err = await api.delegateCreate(input).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const e = err as ApiError
    expect(e.code).toBe('validation')
    expect(e.message).toBe('请填写姓名（另有 1 处需要修改）')
    expect(e.fields).toEqual(payload.fields)
    expect(e.isValidation).toBe(true)
    expect(e.fieldMessage('mobile')).toBe('手机号码应为 11 位数字')
    expect(e.fieldMessage('email')).toBeUndefined()
    expect(e.stale).toBeNull()
    expect(e.isConflict).toBe(false)
  })

  it('carries who changed a record and what, for a stale save', async () => {
    const payload: ErrorPayload = {
      code: 'conflict',
      message: '该记录已被他人修改，请刷新后再看',
      fields: [],
      stale: {
        entity: 'delegate',
        row_id: 'd1',
        base_version: 2,
        current_version: 3,
        changed_by: '李娟',
        changed_at: '2026-12-02T06:03:00Z',
        fields: [{ field: 'position', label: '职务' }],
      },
    }
    invokeMock.mockRejectedValueOnce(payload)
    const e = (await api.delegateUpdate('d1', 2, input).catch((x: unknown) => x)) as ApiError
    expect(e).toBeInstanceOf(ApiError)
    expect(e.isConflict).toBe(true)
    expect(e.message).toBe('该记录已被他人修改，请刷新后再看')
    expect(e.stale).toEqual(payload.stale)
  })

  it('tells a stopped job and a refused state apart from a conflict', () => {
    const cancelled = toApiError({ code: 'cancelled', message: '已取消', fields: [], stale: null })
    expect(cancelled.isCancelled).toBe(true)
    expect(cancelled.isConflict).toBe(false)
    const state = toApiError({ code: 'state', message: '已提交的记录卡不能直接修改', fields: [], stale: null })
    expect(state.isConflict).toBe(false)
    expect(state.code).toBe('state')
  })

  it('keeps non-validation codes and tolerates a payload without fields', async () => {
    invokeMock.mockRejectedValueOnce({ code: 'not_found', message: '找不到该党代表' })
    const e = (await api.delegateGet('x').catch((x: unknown) => x)) as ApiError
    expect(e).toBeInstanceOf(ApiError)
    expect(e.code).toBe('not_found')
    expect(e.fields).toEqual([])
    expect(e.isValidation).toBe(false)
  })

  it('wraps a plain string rejection (a missing command, bad arguments) as unknown', () => {
    const e = toApiError('command delegate_frobnicate not found')
    expect(e.code).toBe('unknown')
    expect(e.message).toBe('command delegate_frobnicate not found')
  })
})
