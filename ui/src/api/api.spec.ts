import { beforeEach, describe, expect, it, vi } from 'vitest'
import { invoke } from '@tauri-apps/api/core'
import * as api from './index'
import { ApiError, toApiError } from './index'
import type { AppointmentInput, AuditQuery, DelegateInput, DelegateQuery, ErrorPayload, Settings, SlotInput } from './index'

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
  publish_consent: true,
}

const settings: Settings = {
  studio_name: '工作室',
  hotline: '',
  opening_hours: '工作日 8:00—12:00',
  idle_lock_minutes: 10,
  audit_retention_months: 12,
  studio_intro: '',
  kiosk_idle_seconds: 120,
  kiosk_on_start: false,
  version: 3,
}

const slotInput: SlotInput = {
  date: '2026-12-08',
  start: '14:30',
  end: '17:00',
  place: 'studio',
  place_note: '',
  delegate_ids: ['d1', 'd2'],
  note: '',
  confirm_non_working: false,
}

const appointmentInput: AppointmentInput = {
  person_name: '钱学明',
  person_phone: '13900001111',
  delegate_id: 'd1',
  date: '2026-12-08',
  start: '09:00',
  end: '10:00',
  place: '党代表工作室',
  topic: '食堂',
  direction: 'request',
  note: '',
}

const auditQuery: AuditQuery = {
  actor_id: null,
  area: 'session',
  action: null,
  result: 'failed',
  from: '2026-11-01',
  to: null,
  page: { page: 1, page_size: 50 },
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
      [() => api.settingsSave(settings), 'settings_save', { input: settings }],
      [
        () => api.authSetupAdmin({ login: 'admin', name: '王老师', role: 'admin', delegate_id: null, password: 'abcd1234' }),
        'auth_setup_admin',
        { input: { login: 'admin', name: '王老师', role: 'admin', delegate_id: null, password: 'abcd1234' } },
      ],
      [() => api.authLogin('admin', 'abcd1234'), 'auth_login', { login: 'admin', password: 'abcd1234' }],
      [() => api.authLogout(), 'auth_logout', undefined],
      [() => api.authLock(true), 'auth_lock', { idle: true }],
      [() => api.authUnlock('abcd1234'), 'auth_unlock', { password: 'abcd1234' }],
      [() => api.authChangePassword('old1234a', 'new1234a'), 'auth_change_password', { current: 'old1234a', password: 'new1234a' }],
      [() => api.authTouch(), 'auth_touch', undefined],
      [() => api.accountsList(), 'accounts_list', undefined],
      [
        () => api.accountUpdate('a1', { name: '李老师', role: 'liaison', delegate_id: null, version: 2 }),
        'account_update',
        { id: 'a1', input: { name: '李老师', role: 'liaison', delegate_id: null, version: 2 } },
      ],
      [() => api.accountSetLocked('a1', true), 'account_set_locked', { id: 'a1', locked: true }],
      [() => api.accountResetPassword('a1', 'abcd1234'), 'account_reset_password', { id: 'a1', password: 'abcd1234' }],
      [
        () => api.auditExport(auditQuery, 'csv', '审计日志.csv'),
        'audit_export',
        { query: auditQuery, format: 'csv', suggestedName: '审计日志.csv' },
      ],
      [() => api.auditList(auditQuery), 'audit_list', { query: auditQuery }],
      [() => api.auditArchive(), 'audit_archive', undefined],
      [() => api.personFind({ name: ' 李晓梅 ' }), 'person_find', { name: '李晓梅', phone: null }],
      [() => api.personFind({ name: '李晓梅', phone: '' }), 'person_find', { name: '李晓梅', phone: null }],
      [
        () => api.personCopy({ name: '李晓梅', phone: '13857101234' }, '本人申请', '个人信息副本-李晓梅-2026-11-30.json'),
        'person_copy',
        { name: '李晓梅', phone: '13857101234', reason: '本人申请', suggestedName: '个人信息副本-李晓梅-2026-11-30.json' },
      ],
      [
        () => api.personErase({ name: '李晓梅', phone: null }, '本人书面申请删除'),
        'person_erase',
        { name: '李晓梅', phone: null, reason: '本人书面申请删除' },
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
      [() => api.backupStatus(), 'backup_status', {}],
      [() => api.autoBackupChooseFolder(3), 'auto_backup_choose_folder', { version: 3 }],
      [
        () => api.autoBackupSave({ enabled: true, daily_time: '12:00', keep: 30, version: 3 }),
        'auto_backup_save',
        { input: { enabled: true, daily_time: '12:00', keep: 30, version: 3 } },
      ],
      [() => api.jobCancel('j1'), 'job_cancel', { jobId: 'j1' }],
      [() => api.itemRoute('i1', 3, ['d1']), 'item_route', { id: 'i1', version: 3, delegateIds: ['d1'] }],
      [() => api.scheduleMonthPlan('2026-12'), 'schedule_month_plan', { month: '2026-12' }],
      [() => api.scheduleMonths(), 'schedule_months', undefined],
      [() => api.scheduleToday('2026-12-03'), 'schedule_today', { date: '2026-12-03' }],
      [() => api.scheduleWeek('2026-12-03'), 'schedule_week', { from: '2026-12-03' }],
      [() => api.scheduleNextDay('2026-12-03'), 'schedule_next_day', { from: '2026-12-03' }],
      [() => api.scheduleMyDuty('2026-12-01', '2027-01-31'), 'schedule_my_duty', { from: '2026-12-01', to: '2027-01-31' }],
      [() => api.scheduleSlotCreate(slotInput), 'schedule_slot_create', { input: slotInput }],
      [() => api.scheduleSlotUpdate('s1', 2, slotInput), 'schedule_slot_update', { id: 's1', version: 2, input: slotInput }],
      [() => api.scheduleSlotDelete('s1', 2), 'schedule_slot_delete', { id: 's1', version: 2 }],
      [
        () => api.scheduleSwap({ slot_a: 's1', version_a: 1, delegate_a: 'd1', slot_b: 's2', version_b: 4, delegate_b: 'd2' }),
        'schedule_swap',
        { input: { slot_a: 's1', version_a: 1, delegate_a: 'd1', slot_b: 's2', version_b: 4, delegate_b: 'd2' } },
      ],
      [
        () => api.scheduleCopyMonth({ from_month: '2026-11', to_month: '2026-12', mode: 'weekday', add_alongside: false }),
        'schedule_copy_month',
        { input: { from_month: '2026-11', to_month: '2026-12', mode: 'weekday', add_alongside: false } },
      ],
      [() => api.schedulePublish('2026-12', 0), 'schedule_publish', { month: '2026-12', version: 0 }],
      [() => api.schedulePosterPreview('2026-12'), 'schedule_poster_preview', { month: '2026-12' }],
      [
        () => api.schedulePosterSave('2026-12', '接待安排-2026年12月.pdf'),
        'schedule_poster_save',
        { month: '2026-12', suggestedName: '接待安排-2026年12月.pdf' },
      ],
      [() => api.schedulePosterOpen('2026-12'), 'schedule_poster_open', { month: '2026-12' }],
      [() => api.appointmentGet('a1'), 'appointment_get', { id: 'a1' }],
      [() => api.appointmentCreate(appointmentInput), 'appointment_create', { input: appointmentInput }],
      [() => api.appointmentUpdate('a1', 2, appointmentInput), 'appointment_update', { id: 'a1', version: 2, input: appointmentInput }],
      [() => api.appointmentConfirm('a1', 2), 'appointment_confirm', { id: 'a1', version: 2 }],
      [() => api.appointmentCancel('a1', 2, '本人有事'), 'appointment_cancel', { id: 'a1', version: 2, reason: '本人有事' }],
      [() => api.appointmentComplete('a1', 3), 'appointment_complete', { id: 'a1', version: 3 }],
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

describe('session errors', () => {
  it('tells the window when a command meets a locked or lost session, but not a wrong login', async () => {
    const seen: string[] = []
    const off = api.onSessionError((e) => seen.push(`${e.code}:${e.message}`))
    try {
      invokeMock.mockRejectedValueOnce({ code: 'session_locked', message: '已锁定，请输入密码解锁', fields: [], stale: null })
      await expect(api.delegateGet('d1')).rejects.toBeInstanceOf(ApiError)
      invokeMock.mockRejectedValueOnce({ code: 'unauthenticated', message: '请先登录', fields: [], stale: null })
      await expect(api.cardsList({} as never)).rejects.toBeInstanceOf(ApiError)
      // The login's own answer to a wrong password is not a lost session.
      invokeMock.mockRejectedValueOnce({ code: 'unauthenticated', message: '登录名或密码错误', fields: [], stale: null })
      await expect(api.authLogin('admin', 'x')).rejects.toBeInstanceOf(ApiError)
      invokeMock.mockRejectedValueOnce({ code: 'forbidden', message: '没有权限', fields: [], stale: null })
      await expect(api.delegateGet('d1')).rejects.toBeInstanceOf(ApiError)
    } finally {
      off()
    }
    expect(seen).toEqual(['session_locked:已锁定，请输入密码解锁', 'unauthenticated:请先登录'])
  })
})
