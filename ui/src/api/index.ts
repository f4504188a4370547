// `ui/src/api/` is the only module that calls the backend; pages import from here.
export { ApiError, toApiError } from './core'
export type { ErrorCode } from './core'
export * from './app'
export * from './roster'
export type * from './types'
