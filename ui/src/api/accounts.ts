// 账号管理 (管理员). The list is also open to 审计员 (the audit page filters by person).
import { call } from './core'
import type { AccountRow, AccountUpdate, NewAccount } from './types'

/** Every account, by role then login; never a password hash. */
export const accountsList = () => call<AccountRow[]>('accounts_list')

export const accountAdd = (input: NewAccount) => call<AccountRow>('account_add', { input })

/** Name, role and delegate link from `input.version`; a stale version answers `conflict`. */
export const accountUpdate = (id: string, input: AccountUpdate) => call<AccountRow>('account_update', { id, input })

/** Lock (停用) or unlock; unlocking also clears a lockout after failed tries. */
export const accountSetLocked = (id: string, locked: boolean) =>
  call<AccountRow>('account_set_locked', { id, locked })

/** A new password chosen by the administrator; the person must change it at the next login. */
export const accountResetPassword = (id: string, password: string) =>
  call<AccountRow>('account_reset_password', { id, password })
