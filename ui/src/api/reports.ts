import { call } from './core'
import type { DashboardCharts, ExportOutcome, Period, Summary, UnitsReport } from './types'

// ---- 统计汇总 and 承办单位 ----
// A period is both days (YYYY-MM-DD) or neither (the current calendar year, the core's "today").

/** 党代表联系党员群众工作情况汇总表: per delegate, delegation subtotals, the total. */
export const reportsSummary = (period: Period) => call<Summary>('reports_summary', { period })

/** 承办单位: per unit items were referred to in the period. */
export const reportsUnits = (period: Period) => call<UnitsReport>('reports_units', { period })

/** 工作台's charts: items per month by category, on-time rate per month, delegations, contacts by channel. */
export const reportsCharts = (period: Period) => call<DashboardCharts>('reports_charts', { period })

export type ReportKind = 'summary' | 'units'
export type ReportFileFormat = 'xlsx' | 'pdf'

/** 导出 Excel / 导出 PDF: the backend asks where; null when the user closed the dialog. */
export const reportsSave = (report: ReportKind, format: ReportFileFormat, period: Period, suggestedName: string) =>
  call<ExportOutcome | null>('reports_save', { report, format, period, suggestedName })
