// The buttons an item offers, checked against the core's own rules (`RULES`, derived from
// studio-core's status flow) and against real items the core produced (`dev/fixtures`): no rule of
// the flow is restated here.
import { describe, expect, it } from 'vitest'
import type { ItemStatus, Referral } from '@/api'
import { RULES } from '@/api/rules'
import { items } from '../../dev/fixtures'
import { actionLabel, allowedActions, isOpenStatus, isPaused } from './itemActions'

const referral: Referral = { unit: '后勤管理处', referred_on: '2025-10-09', due_on: '2025-10-20', answer: '', answered_on: null }
const subject = (status: ItemStatus, extra: { paused?: boolean; escalated?: boolean; referral?: Referral | null } = {}) => ({
  status,
  paused_since: extra.paused ? '2025-10-10' : null,
  escalated: extra.escalated ?? false,
  referral: extra.referral === undefined ? null : extra.referral,
})
const step = (k: string) => RULES.items.steps.find((s) => s.value === k)!

describe('allowedActions', () => {
  it('offers exactly the steps the core allows in each status, with a referral and not yet escalated', () => {
    for (const rule of RULES.items.statuses) {
      expect(allowedActions(subject(rule.value, { referral })), rule.value).toEqual(rule.actions)
      if (rule.paused_actions.length > 0) {
        expect(allowedActions(subject(rule.value, { referral, paused: true })), rule.value).toEqual(rule.paused_actions)
      }
    }
  })

  it('leaves out the steps that need a referral when there is none, and those done once when done', () => {
    const needsReferral = RULES.items.steps.filter((s) => s.needs_referral).map((s) => s.value)
    const once = RULES.items.steps.filter((s) => s.once).map((s) => s.value)
    expect(needsReferral.length).toBeGreaterThan(0)
    expect(once.length).toBeGreaterThan(0)
    for (const rule of RULES.items.statuses) {
      const bare = allowedActions(subject(rule.value))
      for (const k of needsReferral) expect(bare, rule.value).not.toContain(k)
      const escalated = allowedActions(subject(rule.value, { referral, escalated: true }))
      for (const k of once) expect(escalated, rule.value).not.toContain(k)
      expect(escalated).toEqual(rule.actions.filter((k) => !once.includes(k)))
    }
  })

  it('a paused item is offered 恢复办理 and none of the steps the flow refuses while paused', () => {
    for (const rule of RULES.items.statuses.filter((r) => r.paused_actions.length > 0)) {
      const paused = allowedActions(subject(rule.value, { paused: true, referral }))
      expect(paused[0], rule.value).toBe('resume')
      for (const k of rule.actions.filter((a) => !rule.paused_actions.includes(a))) expect(paused).not.toContain(k)
    }
  })

  it('a pause date on a status that cannot be paused is ignored', () => {
    const answered = RULES.items.statuses.find((r) => r.paused_actions.length === 0 && r.open)!
    expect(isPaused(subject(answered.value, { paused: true }))).toBe(false)
    expect(allowedActions(subject(answered.value, { paused: true, referral }))).toEqual(answered.actions)
  })

  it('every item the core made offers only steps its status allows, and an open one more than a note', () => {
    const details = Object.values(items.details)
    expect(new Set(details.map((d) => d.item.status)).size).toBe(RULES.items.statuses.length)
    for (const { item } of details) {
      const rule = RULES.items.statuses.find((r) => r.value === item.status)!
      const offered = allowedActions(item)
      for (const k of offered) expect([...rule.actions, ...rule.paused_actions], `${item.no} ${k}`).toContain(k)
      if (!item.referral) expect(offered).not.toContain('referral_answer')
      if (item.escalated) expect(offered).not.toContain('escalate')
      expect(offered.length > 1, item.no).toBe(isOpenStatus(item.status))
      if (item.paused_since) expect(offered[0], item.no).toBe('resume')
    }
  })
})

describe('labels', () => {
  it('are the core’s step labels; 交办 on an item already referred reads 改派', () => {
    expect(actionLabel('answer')).toBe(step('answer').label)
    expect(actionLabel('refer', { status: 'received' })).toBe(step('refer').label)
    expect(actionLabel('refer', { status: 'assigned' })).toBe('改派')
  })
})
