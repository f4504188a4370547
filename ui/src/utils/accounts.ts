// How accounts and audit entries read in lists: labels from the core's rules (`RULES.accounts`), and
// the UI's own tag colours.
import type { AccountRow, AuditResult, Role } from '@/api'
import { RULES } from '@/api/rules'
import { formatDateTime } from '@/utils/datetime'
import { ACTION_LABELS, actionLabel, labelMap, ROLE_LABELS } from '@/utils/labels'
import type { TagType } from '@/utils/labels'

/** The roles an account may have, in the core's order (the kiosk and the system are not accounts). */
export const ACCOUNT_ROLES = RULES.accounts.account_roles

/**
 * The roles whose account is a delegate's own (代表团团长, 党代表): the form asks which delegate record
 * the person is. The core refuses such an account without one (`delegate_id`).
 */
export const ROLES_WITH_DELEGATE: readonly Role[] = ['head', 'delegate']

export const roleLabel = (role: Role) => ROLE_LABELS[role] ?? role

export interface AccountState {
  key: 'ok' | 'disabled' | 'locked' | 'must_change'
  label: string
  type: TagType
}

/** Whether failed tries keep the account locked at `now`. */
export function lockedOut(a: AccountRow, now: number = Date.now()): boolean {
  if (!a.locked_until) return false
  const until = Date.parse(a.locked_until)
  return Number.isFinite(until) && until > now
}

/** 正常 / 已锁定 (by an administrator) / 锁定至 HH:MM (failed tries) / 须修改密码 (after a reset). */
export function accountState(a: AccountRow, now: number = Date.now()): AccountState {
  if (a.disabled) return { key: 'disabled', label: '已锁定', type: 'danger' }
  if (lockedOut(a, now)) {
    const at = formatDateTime(a.locked_until).slice(11)
    return { key: 'locked', label: `锁定至 ${at}`, type: 'warning' }
  }
  if (a.must_change) return { key: 'must_change', label: '须修改密码', type: 'info' }
  return { key: 'ok', label: '正常', type: 'success' }
}

// ---- the audit log ----

const AREA_LABELS: Record<string, string> = Object.fromEntries(RULES.accounts.audit_areas.map((a) => [a.code, a.label]))
const AUDIT_ACTION_LABELS: Record<string, string> = Object.fromEntries(
  RULES.accounts.audit_actions.map((a) => [a.code, a.label]),
)
export const AUDIT_RESULT_LABELS: Record<AuditResult, string> = labelMap(RULES.accounts.audit_results)

// A code both areas use (交办, 答复) takes the item step's word (the later entry wins).
const STEP_LABELS: Record<string, string> = Object.fromEntries(
  [...RULES.proposals.steps, ...RULES.items.steps].map((s) => [s.value, s.label]),
)

export const auditAreaLabel = (code: string) => AREA_LABELS[code] ?? code
/**
 * An entry's action: the audit log's own (登录, 导出 …), an item or proposal step (交办, 团内讨论 …), or another
 * write the gate recorded (提交, 标记离任 …, the change history's words).
 */
export const auditActionLabel = (code: string) =>
  AUDIT_ACTION_LABELS[code] ?? STEP_LABELS[code] ?? (code in ACTION_LABELS ? actionLabel(code) : code)

const RESULT_TAG_TYPES: Record<AuditResult, TagType> = { ok: 'success', refused: 'danger', failed: 'warning' }
export const auditResultTag = (r: AuditResult) => ({ label: AUDIT_RESULT_LABELS[r] ?? r, type: RESULT_TAG_TYPES[r] ?? 'info' })
