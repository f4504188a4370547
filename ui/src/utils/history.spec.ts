import { describe, expect, it } from 'vitest'
import type { ChangeRecord } from '@/api'
import { changeLine, describeChanges, recordSubjectName, toChangeView } from './history'
import { changeTitle } from './labels'

function record(partial: Partial<ChangeRecord>): ChangeRecord {
  return {
    seq: 1,
    id: 'c1',
    at: '2025-07-01T06:03:00Z',
    actor: '王明',
    actor_id: 'local:王明',
    actor_role: 'admin',
    entity: 'delegate',
    row_id: 'd1',
    action: 'update',
    base_version: 1,
    new_version: 2,
    before: null,
    after: null,
    ...partial,
  }
}

describe('change history', () => {
  it('labels changed fields in Chinese with readable old and new values', () => {
    const r = record({
      before: { unit: '文学院', mobile: '13812345678', gender: 'male', delegation_id: 'g1', email: '' },
      after: { unit: '理学院', mobile: '13912345678', gender: 'female', delegation_id: 'g2', email: 'a@b.cn' },
    })
    const names = { delegationName: (id: string) => ({ g1: '人文社科代表团', g2: '理工代表团' })[id] }
    const lines = describeChanges(r, names).map(changeLine)
    expect(lines).toEqual([
      '工作单位：文学院 → 理学院',
      '手机号码：13812345678 → 13912345678',
      '性别：男 → 女',
      '代表团：人文社科代表团 → 理工代表团',
      '电子邮箱：（空） → a@b.cn',
    ])
  })

  it('maps every form field name to its label', () => {
    const fields = {
      name: '姓名',
      office_phone: '办公电话',
      position: '职务',
      bio: '个人简介',
      pledge: '创先争优个人承诺',
      term: '届次',
      display_order: '排序号',
      left_on: '离任日期',
      status: '状态',
    }
    const before = Object.fromEntries(Object.keys(fields).map((k) => [k, 'x']))
    const after = Object.fromEntries(Object.keys(fields).map((k) => [k, 'y']))
    const labels = describeChanges(record({ before, after })).map((c) => c.label)
    expect(labels).toEqual(Object.values(fields))
  })

  it('shows 离任 as a status and a date', () => {
    const r = record({
      action: 'mark_left',
      before: { status: 'active', left_on: null },
      after: { status: 'left', left_on: '2025-07-01' },
    })
    expect(describeChanges(r).map(changeLine)).toEqual(['状态：在任 → 离任', '离任日期：（空） → 2025-07-01'])
    expect(toChangeView(r).action).toBe('标记离任')
  })

  it('lists publish flags by name', () => {
    const all = { unit_position: true, mobile: false, office_phone: true, email: true, photo: true, bio: true, pledge: true }
    const r = record({ before: { publish: all }, after: { publish: { ...all, mobile: true, bio: false } } })
    const [c] = describeChanges(r)
    expect(c?.label).toBe('网上工作室公开')
    expect(c?.before).toBe('单位职务、办公电话、电子邮箱、照片、简介、承诺')
    expect(c?.after).toBe('单位职务、手机号码、办公电话、电子邮箱、照片、承诺')
  })

  it('leaves bookkeeping out and lists nothing for a creation', () => {
    const r = record({ before: { version: 1, updated_at: 'a', unit: 'x' }, after: { version: 2, updated_at: 'b', unit: 'y' } })
    expect(describeChanges(r).map((c) => c.field)).toEqual(['unit'])
    expect(describeChanges(record({ action: 'create', after: { name: '张三' } }))).toEqual([])
  })

  it('names the actor with a role label, the action in Chinese and the time in Beijing', () => {
    const v = toChangeView(record({ action: 'photo', before: { photo: null }, after: { photo: 'a.jpg' } }))
    expect(v.at).toBe('2025-07-01 14:03')
    expect(v.actorRole).toBe('管理员')
    expect(v.action).toBe('更换照片')
    expect(v.entity).toBe('党代表')
    expect(v.changes.map(changeLine)).toEqual(['照片：（空） → 已上传'])
  })

  it('calls a delegation name 代表团名称', () => {
    const r = record({ entity: 'delegation', before: { name: '甲' }, after: { name: '乙' } })
    expect(describeChanges(r).map(changeLine)).toEqual(['代表团名称：甲 → 乙'])
  })

  it('titles a change in Chinese for every area that writes the audit trail', () => {
    expect(changeTitle('delegate', 'create')).toBe('新增党代表')
    expect(changeTitle('delegate', 'mark_left')).toBe('标记离任党代表')
    expect(changeTitle('delegation', 'update')).toBe('修改代表团')
    expect(changeTitle('settings', 'update')).toBe('修改工作室设置')
    expect(changeTitle('card', 'submit')).toBe('提交记录卡')
    expect(changeTitle('card', 'recompute_due')).toBe('重算记录卡期限')
    expect(changeTitle('calendar', 'delete')).toBe('撤销工作日历调整')
  })

  it("finds the subject's name in a snapshot", () => {
    expect(recordSubjectName(record({ action: 'create', after: { name: '张三' } }))).toBe('张三')
    expect(recordSubjectName(record({ entity: 'card', before: { delegate_name: '李四' }, after: null }))).toBe('李四')
    expect(recordSubjectName(record({ before: { unit: 'x' }, after: { unit: 'y' } }))).toBeUndefined()
  })
})
