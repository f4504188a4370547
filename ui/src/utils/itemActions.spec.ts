import { describe, expect, it } from 'vitest'
import type { ItemStatus, Referral } from '@/api'
import { actionLabel, allowedActions } from './itemActions'

const referral: Referral = { unit: '后勤管理处', referred_on: '2025-10-09', due_on: '2025-10-20', answer: '', answered_on: null }
const subject = (status: ItemStatus, extra: { paused?: boolean; escalated?: boolean; referral?: Referral | null } = {}) => ({
  status,
  paused_since: extra.paused ? '2025-10-10' : null,
  escalated: extra.escalated ?? false,
  referral: extra.referral === undefined ? null : extra.referral,
})

describe('allowedActions', () => {
  it('received: 交办, 开始办理, 答复, 待补充, 不予受理, then 延期, 催办, 上报, 备注', () => {
    expect(allowedActions(subject('received'))).toEqual([
      'refer', 'start', 'answer', 'pause', 'decline', 'extend', 'chase', 'escalate', 'note',
    ])
  })

  it('assigned: 改派 and 承办单位答复 (with a referral)', () => {
    expect(allowedActions(subject('assigned', { referral }))).toEqual([
      'refer', 'referral_answer', 'start', 'answer', 'pause', 'decline', 'extend', 'chase', 'escalate', 'note',
    ])
    expect(actionLabel('refer', { status: 'assigned' })).toBe('改派')
    expect(actionLabel('refer', { status: 'received' })).toBe('交办')
  })

  it('承办单位答复 needs a referral', () => {
    expect(allowedActions(subject('assigned'))).not.toContain('referral_answer')
    expect(allowedActions(subject('in_progress'))).not.toContain('referral_answer')
  })

  it('in_progress: no 开始办理 and no 不予受理', () => {
    expect(allowedActions(subject('in_progress', { referral }))).toEqual([
      'refer', 'referral_answer', 'answer', 'pause', 'extend', 'chase', 'escalate', 'note',
    ])
  })

  it('paused: 恢复办理 instead of the steps that move the item or its deadline', () => {
    expect(allowedActions(subject('received', { paused: true }))).toEqual(['resume', 'decline', 'chase', 'escalate', 'note'])
    expect(allowedActions(subject('assigned', { paused: true, referral }))).toEqual([
      'resume', 'referral_answer', 'decline', 'chase', 'escalate', 'note',
    ])
    const ip = allowedActions(subject('in_progress', { paused: true }))
    expect(ip).toEqual(['resume', 'chase', 'escalate', 'note'])
    for (const k of ['refer', 'start', 'answer', 'extend', 'pause'] as const) expect(ip).not.toContain(k)
  })

  it('answered: 反馈; no 延期 after the answer', () => {
    expect(allowedActions(subject('answered'))).toEqual(['feedback', 'chase', 'escalate', 'note'])
  })

  it('fed_back: 回访', () => {
    expect(allowedActions(subject('fed_back', { referral }))).toEqual(['follow_up', 'referral_answer', 'chase', 'escalate', 'note'])
  })

  it('closed and declined: 备注 only', () => {
    expect(allowedActions(subject('closed'))).toEqual(['note'])
    expect(allowedActions(subject('declined', { escalated: true }))).toEqual(['note'])
  })

  it('上报组织部 once', () => {
    expect(allowedActions(subject('in_progress', { escalated: true }))).not.toContain('escalate')
    expect(allowedActions(subject('received', { escalated: true, paused: true }))).toEqual(['resume', 'decline', 'chase', 'note'])
  })
})
