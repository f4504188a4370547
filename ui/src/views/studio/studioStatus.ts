// Test helper for the studio views' specs: an app status for a role (the permission table decides
// what the page offers).
import type { AppStatus, Role } from '@/api'

export function statusFor(role: Role): AppStatus {
  return {
    version: '0.1.0',
    db_path: ':memory:',
    has_accounts: true,
    setup: 'demo',
    operator: { id: 'account:a1', name: '测试', role, delegate_id: null, delegation_id: null },
    session: 'active',
    studio_name: '党代表工作室',
    idle_lock_minutes: 15,
    demo_login: null,
    delegate_count: 0,
    delegation_count: 0,
  }
}
