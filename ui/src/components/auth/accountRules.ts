// The account form's own checks before anything is sent: what is missing, too long or mistyped
// twice. Lengths come from the core (`RULES.accounts`); everything else (login characters, password
// strength, a login already taken) is the backend's to say, beside the field.
import { RULES } from '@/api/rules'

const L = RULES.accounts

export function checkLogin(v: string): string {
  const n = [...v.trim()].length
  if (n === 0) return '请填写登录名'
  if (n > L.login_max) return `登录名不能超过 ${L.login_max} 个字符`
  return ''
}

export function checkName(v: string): string {
  const n = [...v.trim()].length
  if (n === 0) return '请填写显示名称'
  if (n > L.name_max) return `显示名称不能超过 ${L.name_max} 个字符`
  return ''
}

export function checkNewPassword(v: string): string {
  if (!v) return '请填写密码'
  if ([...v].length < L.password_min) return `密码至少 ${L.password_min} 位`
  return ''
}

export function checkConfirm(password: string, confirm: string): string {
  if (!confirm) return '请再次输入密码'
  return confirm === password ? '' : '两次输入的密码不一致'
}

/** The hint under a new password field. */
export const PASSWORD_HINT = `至少 ${L.password_min} 位`
