// What a role may do, read from the core's permission table (`RULES.accounts.permissions`, generated
// from `Role::permissions`). The UI offers only what the role may use; the core refuses the rest
// anyway.
import type { Permission, Role } from '@/api'
import { RULES } from '@/api/rules'

const TABLE = new Map<Role, ReadonlySet<Permission>>(
  RULES.accounts.permissions.map((r) => [r.role, new Set(r.permissions)]),
)

const NONE: ReadonlySet<Permission> = new Set()

/** The permissions of `role`; none for no role (nobody logged in). */
export function permissionsOf(role: Role | null | undefined): ReadonlySet<Permission> {
  return (role && TABLE.get(role)) || NONE
}

export function roleMay(role: Role | null | undefined, permission: Permission): boolean {
  return permissionsOf(role).has(permission)
}
