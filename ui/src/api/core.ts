// The one place that talks to the Tauri backend. Every command goes through `call`, so every failure
// reaches the pages as an `ApiError` with the backend's Chinese message, per-field messages and, for a
// stale save, who changed the record in the meantime.
import { invoke } from '@tauri-apps/api/core'
import type { ErrorPayload, FieldError, StaleInfo } from './types'
import type { ErrorCode as CoreErrorCode } from './rules'

/**
 * The codes the backend sends (generated from the core's rules: what each means is in rules.rs,
 * `RULES.errors`), plus `unknown` for anything that did not come from the backend as an error payload.
 */
export type ErrorCode = CoreErrorCode | 'unknown'

export class ApiError extends Error {
  readonly code: ErrorCode | string
  readonly fields: FieldError[]
  /** With `code` = `conflict`: who changed the record since it was read, when, and which fields. */
  readonly stale: StaleInfo | null

  constructor(code: string, message: string, fields: FieldError[] = [], stale: StaleInfo | null = null) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
    this.stale = stale
  }

  /** The message for one form field, if the backend rejected it. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message
  }

  get isValidation(): boolean {
    return this.code === 'validation'
  }

  /** Someone else saved the record after this page read it; nothing was written. */
  get isConflict(): boolean {
    return this.code === 'conflict'
  }

  /** The user stopped a long job. Not an error to report: say 已取消 quietly. */
  get isCancelled(): boolean {
    return this.code === 'cancelled'
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

function isStaleInfo(v: unknown): v is StaleInfo {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { changed_by?: unknown }).changed_by === 'string' &&
    typeof (v as { changed_at?: unknown }).changed_at === 'string'
  )
}

/** Turn whatever `invoke` rejected with into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (isErrorPayload(e)) {
    const fields = Array.isArray(e.fields) ? e.fields : []
    const stale = isStaleInfo(e.stale) ? { ...e.stale, fields: Array.isArray(e.stale.fields) ? e.stale.fields : [] } : null
    return new ApiError(e.code, e.message, fields, stale)
  }
  // Tauri rejects with a plain string when a command is missing or its arguments do not parse.
  if (typeof e === 'string') return new ApiError('unknown', e)
  if (e instanceof Error) return new ApiError('unknown', e.message)
  return new ApiError('unknown', '操作失败，请重试')
}

/** `unauthenticated` from the login itself is its answer (a wrong password), not a lost session. */
const ANSWERS_UNAUTHENTICATED = new Set(['auth_login'])

type SessionListener = (err: ApiError) => void
const sessionListeners = new Set<SessionListener>()

/**
 * Run `listener` when any command is refused because the session is locked (`session_locked`) or
 * gone (`unauthenticated`): the window shows the lock screen or the login screen. The command's
 * caller still gets the error. Returns the function that removes the listener.
 */
export function onSessionError(listener: SessionListener): () => void {
  sessionListeners.add(listener)
  return () => sessionListeners.delete(listener)
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (e) {
    const err = toApiError(e)
    const lost = err.code === 'unauthenticated' && !ANSWERS_UNAUTHENTICATED.has(command)
    if (err.code === 'session_locked' || lost) for (const l of sessionListeners) l(err)
    throw err
  }
}
