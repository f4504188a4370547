// The one place that talks to the Tauri backend. Every command goes through `call`, so every failure
// reaches the pages as an `ApiError` with the backend's Chinese message and per-field messages.
import { invoke } from '@tauri-apps/api/core'
import type { ErrorPayload, FieldError } from './types'

/** Stable codes the backend sends (DESIGN.md invariant 7), plus `unknown` for anything unexpected. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'invalid'
  | 'storage'
  | 'migration'
  | 'io'
  | 'unknown'

export class ApiError extends Error {
  readonly code: ErrorCode | string
  readonly fields: FieldError[]

  constructor(code: string, message: string, fields: FieldError[] = []) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
  }

  /** The message for one form field, if the backend rejected it. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message
  }

  get isValidation(): boolean {
    return this.code === 'validation'
  }
}

function isErrorPayload(v: unknown): v is ErrorPayload {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { code?: unknown }).code === 'string' &&
    typeof (v as { message?: unknown }).message === 'string'
  )
}

/** Turn whatever `invoke` rejected with into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (isErrorPayload(e)) {
    const fields = Array.isArray(e.fields) ? e.fields : []
    return new ApiError(e.code, e.message, fields)
  }
  // Tauri rejects with a plain string when a command is missing or its arguments do not parse.
  if (typeof e === 'string') return new ApiError('unknown', e)
  if (e instanceof Error) return new ApiError('unknown', e.message)
  return new ApiError('unknown', '操作失败，请重试')
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (e) {
    throw toApiError(e)
  }
}
