// The login screen and the session: the first administrator, login, logout, lock and unlock, one's
// own password. These commands run without a logged-in session; each that changes the session
// answers with the new status, so the window knows what to show next.
import { call } from './core'
import type { WindowStatus } from './kiosk'
import type { NewAccount } from './types'

/** The first start (no account yet): create the administrator's account and log in as it. */
export const authSetupAdmin = (input: NewAccount) => call<WindowStatus>('auth_setup_admin', { input })

/** A wrong login or password answers `unauthenticated` with the reason in Chinese (lockout included). */
export const authLogin = (login: string, password: string) => call<WindowStatus>('auth_login', { login, password })

export const authLogout = () => call<void>('auth_logout')

/** `idle`: the page's idle timer ran out (otherwise the person chose 锁定). */
export const authLock = (idle: boolean) => call<void>('auth_lock', { idle })

/** A wrong password answers `validation` on the field `password`. */
export const authUnlock = (password: string) => call<WindowStatus>('auth_unlock', { password })

/** A wrong current password answers `validation` on `current`; a weak new one on `password`. */
export const authChangePassword = (current: string, password: string) =>
  call<WindowStatus>('auth_change_password', { current, password })

/** The person is at the window: keeps the backend's idle backstop from locking the session. */
export const authTouch = () => call<void>('auth_touch')
