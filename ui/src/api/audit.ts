// 审计 (管理员, 审计员): the audit log's pages, its export, the archive of old entries.
import { call } from './core'
import type { ArchiveOutcome, AuditFormat, AuditPage, AuditQuery } from './types'

/** One page, newest first. Counting stops at 10,000 (`total_capped`). */
export const auditList = (query: AuditQuery) => call<AuditPage>('audit_list', { query })

/**
 * Every entry matching `query` (its page ignored) to a file the person chooses in the system's save
 * dialog; the path written, or null when the dialog was closed. The export is itself logged.
 */
export const auditExport = (query: AuditQuery, format: AuditFormat, suggestedName: string) =>
  call<string | null>('audit_export', { query, format, suggestedName })

/** Move the entries older than 设置 → 审计日志保留期限 to a file with its SHA-256 (管理员). */
export const auditArchive = () => call<ArchiveOutcome>('audit_archive')
