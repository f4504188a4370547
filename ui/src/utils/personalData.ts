// Personal data (个人信息保护法) on the page side: the checks the export and request forms make
// before anything is sent, and how an erasure's report reads. The core checks the same again.
import type { ErasureReport } from '@/api'
import { RULES } from '@/api/rules'

/**
 * The longest reason for an export, a copy or an erasure: studio-core's `export_purpose::REASON_MAX`
 * and `personal_data::REASON_MAX` (200), which `RULES` does not carry yet.
 */
export const EXPORT_REASON_MAX = 200

/** A person is looked up by the name as cards and items hold it (联系对象姓名, 反映人). */
export const PERSON_NAME_MAX = RULES.cards.limits.person_name

const chars = (s: string) => [...s.trim()].length

/** 导出原因: required unless the file leaves masked. */
export function checkExportReason(reason: string, masked: boolean): string {
  const n = chars(reason)
  if (n > EXPORT_REASON_MAX) return `导出原因不能超过 ${EXPORT_REASON_MAX} 个字`
  if (n === 0 && !masked) return '导出完整个人信息须填写导出原因（或选择脱敏导出）'
  return ''
}

/** The reason for a copy or an erasure: always required. */
export function checkRequestReason(reason: string, what: string): string {
  const n = chars(reason)
  if (n === 0) return `请填写${what}`
  if (n > EXPORT_REASON_MAX) return `${what}不能超过 ${EXPORT_REASON_MAX} 个字`
  return ''
}

export function checkPersonName(name: string): string {
  const n = chars(name)
  if (n === 0) return '请填写姓名'
  if (n > PERSON_NAME_MAX) return `姓名不能超过 ${PERSON_NAME_MAX} 个字`
  return ''
}

/** 个人信息副本-张三-2026-11-30.json */
export const personCopyName = (name: string, today: string) => `个人信息副本-${name.trim()}-${today}.json`

/** What an erasure rewrote, line by line, in the report's order. */
export function erasureLines(r: ErasureReport): { key: keyof ErasureReport; label: string; value: number }[] {
  const rows: [keyof ErasureReport, string, number][] = [
    ['cards', '此人的记录卡', r.cards],
    ['items', '此人反映的事项', r.items],
    ['appointments', '此人的约见', r.appointments],
    ['query_codes', '查询码', r.query_codes],
    ['mentions', '提到此人的其他记录卡和事项', r.mentions],
    ['card_amendments', '记录卡更正记录', r.card_amendments],
    ['item_events', '办理过程记录', r.item_events],
    ['change_records', '修改历史记录', r.change_records],
    ['audit_entries', '审计日志条目', r.audit_entries],
  ]
  return rows.map(([key, label, value]) => ({ key, label, value }))
}
