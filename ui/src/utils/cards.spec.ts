import { describe, expect, it } from 'vitest'
import type { CardAmendment, DeadlineState } from '@/api'
import { RULES } from '@/api/rules'
import { blankPdfName, cardPdfName, describeAmendment, selectionPdfName } from './cards'
import { changeLine } from './history'
import { deadlineTag } from './labels'

describe('deadline tags', () => {
  it('read every deadline state in the core’s words, with a colour; nothing to flag without a feedback date', () => {
    const colours: Record<DeadlineState, string | null> = {
      none: null,
      on_time: 'info',
      due_soon: 'warning',
      overdue: 'danger',
      filed_on_time: 'success',
      filed_late: 'danger',
    }
    expect(RULES.cards.deadline_states.map((d) => d.value).sort()).toEqual(Object.keys(colours).sort())
    for (const { value, label } of RULES.cards.deadline_states) {
      const tag = deadlineTag(value)
      expect(tag ? [tag.label, tag.type] : null, value).toEqual(colours[value] ? [label, colours[value]] : null)
    }
  })
})

describe('amendment lines', () => {
  const amendment: CardAmendment = {
    id: 'a1',
    card_id: 'c1',
    at: '2025-10-20T02:00:00Z',
    actor: '王明',
    actor_role: 'admin',
    reason: '联系电话记录有误',
    before: {
      handling: '已转交后勤处',
      person_phone: '13800000000',
      channel: 'other',
      channel_other: '电话联系',
      person_political_status: null,
      person_gender: 'male',
      feedback_on: '2025-10-09',
      due_on: '2025-10-14',
      delegate_id: 'd1',
      amendment_count: 0,
    },
    after: {
      handling: '已转交后勤处，已回访',
      person_phone: '13900000000',
      channel: 'appointment',
      channel_other: '',
      person_political_status: 'party_member',
      person_gender: 'female',
      feedback_on: '2025-10-10',
      due_on: '2025-10-15',
      delegate_id: 'd2',
      amendment_count: 1,
    },
  }

  it('reads as 字段：原值 → 新值 with Chinese labels and values, in the paper card’s order', () => {
    expect(describeAmendment(amendment).map(changeLine)).toEqual([
      '性别：男 → 女',
      '政治面貌：（空） → 中共党员',
      '联系对象联系电话：13800000000 → 13900000000',
      '联系形式：其他形式 → 约见',
      '其他联系形式：电话联系 → （空）',
      '党代表处理意见及办理情况：已转交后勤处 → 已转交后勤处，已回访',
      '反馈日期：2025-10-09 → 2025-10-10',
      '报送期限：2025-10-14 → 2025-10-15',
    ])
  })
})

describe('file names', () => {
  it('suggests names people recognise', () => {
    expect(cardPdfName({ delegate_name: '张三', contact_date: '2026-05-06' })).toBe('记录卡-张三-2026-05-06.pdf')
    expect(blankPdfName(10)).toBe('空白记录卡-10份.pdf')
    expect(selectionPdfName({ kind: 'period', from: '2025-10-01', to: '2025-10-31' })).toBe(
      '记录卡-2025-10-01至2025-10-31.pdf',
    )
    expect(selectionPdfName({ kind: 'ids', ids: ['a', 'b'] })).toBe('记录卡-所选2张.pdf')
  })
})
