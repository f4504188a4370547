import { describe, expect, it } from 'vitest'
import { RULES } from '@/api/rules'
import { changeTitle, entityLabel } from './labels'

describe('change titles (最近修改, a record history)', () => {
  it('name every kind of record the core writes', () => {
    for (const a of RULES.accounts.audit_areas) expect(entityLabel(a.code), a.code).not.toBe(a.code)
  })

  it('say a proposal step in its own words', () => {
    expect(changeTitle('proposal', 'decline')).toBe('提议：不予立案')
    expect(changeTitle('proposal', 'discuss')).toMatch(/^提议：[^a-z]+$/)
    expect(changeTitle('activity', 'create')).toBe('新增活动调研')
    expect(changeTitle('item', 'decline')).toBe('不予受理事项')
  })
})
