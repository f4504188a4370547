// Map a backend validation error onto form items: each message beside its field, the rest in a toast.
import type { ApiError, FieldError } from '@/api'

export type FieldErrors = Record<string, string>

export interface PlacedErrors {
  /** field name → message, for fields the form shows. */
  byField: FieldErrors
  /** Messages for fields the form does not have; show them some other way. */
  unplaced: FieldError[]
}

export function placeFieldErrors(err: ApiError, formFields: readonly string[]): PlacedErrors {
  const byField: FieldErrors = {}
  const unplaced: FieldError[] = []
  for (const f of err.fields) {
    if (formFields.includes(f.field)) {
      // The backend sends one message per field; keep the first if it ever sends more.
      byField[f.field] ??= f.message
    } else {
      unplaced.push(f)
    }
  }
  return { byField, unplaced }
}
