import { call } from './core'
import type {
  Budget,
  BudgetInput,
  ExportOutcome,
  Spending,
  SpendingInput,
  SpendingPage,
  SpendingQuery,
  Statement,
} from './types'

// ---- 经费 (funds). Amounts travel as fen (integers); the forms send yuan as typed and the backend parses them. ----

/** Both sources' budgets of `year` (version 0: none set yet). */
export const fundsBudgets = (year: number) => call<Budget[]>('funds_budgets', { year })

export const fundsSetBudget = (input: BudgetInput, version: number) =>
  call<Budget>('funds_set_budget', { input, version })

export const fundsSpendings = (query: SpendingQuery) => call<SpendingPage>('funds_spendings', { query })

/** Refused with field messages (`date`, `purpose`, `amount`, `source`, `activity_id`). */
export const fundsSpendingCreate = (input: SpendingInput) => call<Spending>('funds_spending_create', { input })

export const fundsSpendingUpdate = (id: string, version: number, input: SpendingInput) =>
  call<Spending>('funds_spending_update', { id, version, input })

export const fundsSpendingDelete = (id: string, version: number) =>
  call<void>('funds_spending_delete', { id, version })

/** A scanned receipt (PDF, JPG or PNG, base64 without the `data:` prefix). */
export const fundsAttachReceipt = (id: string, version: number, dataBase64: string) =>
  call<Spending>('funds_attach_receipt', { id, version, dataBase64 })

/** Opens the receipt with the system's viewer. */
export const fundsOpenReceipt = (id: string) => call<void>('funds_open_receipt', { id })

/** 年度经费收支表: budget, spent and left per source and in all, and the year's entries. */
export const fundsStatement = (year: number) => call<Statement>('funds_statement', { year })

/** The statement as `pdf` or `xlsx` where the user chooses; `null` when cancelled. */
export const fundsStatementSave = (year: number, format: 'pdf' | 'xlsx', suggestedName: string) =>
  call<ExportOutcome | null>('funds_statement_save', { year, format, suggestedName })

/** 123456 fen → "1,234.56". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const a = Math.abs(fen)
  const whole = Math.floor(a / 100).toLocaleString('en-US')
  return `${sign}${whole}.${String(a % 100).padStart(2, '0')}`
}
