// The 提议 / 活动调研 specs' data: what the real core answered over the demo data on the fixture day
// (`dev/fixtures/*.json`, captured by studio-core's `tests/ui_fixtures.rs`), so no status flow,
// deadline, allowed step or survey light is restated here by hand.
import type { AppStatus, ProposalCounts, ProposalDetail, Role, SurveyIndicator } from '@/api'
import { accounts, app, studio } from '../../dev/fixtures'

/** The status the demo account of `role` logs in to (the demo's logins are named after their roles). */
export function status(role: Role): AppStatus {
  const s = accounts.statuses[role]
  if (!s) throw new Error(`dev/fixtures has no demo account ${role}`)
  return s
}

/** The first captured proposal, as the demo's administrator opens it, that passes `test` (a copy). */
export function detailWhere(test: (d: ProposalDetail) => boolean): ProposalDetail {
  const d = Object.values(studio.proposals.proposal).find(test)
  if (!d) throw new Error('dev/fixtures/studio.json has no such proposal')
  return structuredClone(d)
}

function ok<T>(a: { ok: T } | { err: unknown } | undefined): T {
  if (!a || !('ok' in a)) throw new Error('the core refused this read in dev/fixtures')
  return a.ok
}

/** 工作台's figures as the demo account of `role` gets them. */
export const counts = (role: Role): ProposalCounts => ok(studio.by_login[role]?.proposal_counts)

/** This year's survey indicators (the fixture day's year) as the demo's administrator sees them. */
export const lights: SurveyIndicator[] = ok(studio.by_login.admin?.survey_indicators[app.today.slice(0, 4)])
