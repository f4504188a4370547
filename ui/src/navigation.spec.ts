// What each role is offered: the side navigation and the first screen come from the core's
// permission table (RULES.accounts.permissions), and the side nav shows only those areas.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import type { AppStatus, Role } from '@/api'
import { RULES } from '@/api/rules'
import AppSideNav from '@/components/AppSideNav.vue'
import { homePathFor, NAV_ITEMS, navItemsFor } from '@/navigation'
import { permissionsOf, roleMay } from '@/permissions'
import { useAppStore } from '@/stores/app'

const keys = (role: Role | null) => navItemsFor(role).map((n) => n.key)

function status(role: Role): AppStatus {
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
    delegate_count: 3,
    delegation_count: 1,
  }
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

describe('navigation by role', () => {
  it('reads each role’s permissions from the core’s table', () => {
    for (const r of RULES.accounts.permissions) expect([...permissionsOf(r.role)].sort()).toEqual([...r.permissions].sort())
    expect(permissionsOf(null).size).toBe(0)
    expect(roleMay('auditor', 'read_audit')).toBe(true)
    expect(roleMay('auditor', 'read_roster')).toBe(false)
  })

  it('offers each role only the areas it may use', () => {
    expect(keys('admin')).toEqual(NAV_ITEMS.map((n) => n.key))
    expect(keys('auditor')).toEqual(['audit'])
    for (const role of ['liaison', 'head', 'delegate'] as Role[]) {
      expect(keys(role)).toContain('roster')
      expect(keys(role)).toContain('cards')
      expect(keys(role)).toContain('items')
      expect(keys(role)).not.toContain('settings')
      expect(keys(role)).not.toContain('accounts')
      expect(keys(role)).not.toContain('audit')
    }
    expect(keys(null)).toEqual([])
  })

  it('starts each role on a screen it may open', () => {
    expect(homePathFor('admin')).toBe('/roster')
    expect(homePathFor('delegate')).toBe('/roster')
    expect(homePathFor('auditor')).toBe('/audit')
  })

  it.each([
    ['auditor', ['nav-audit']],
    ['liaison', ['nav-dashboard', 'nav-roster', 'nav-cards', 'nav-items']],
  ] as const)('the side nav of a %s', async (role, expected) => {
    const pinia = createPinia()
    setActivePinia(pinia)
    useAppStore().status = status(role)
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
    await router.push('/')
    wrapper = mount(AppSideNav, { global: { plugins: [ElementPlus, pinia, router] } })
    await flushPromises()
    const shown = wrapper.findAll('[data-test^=nav-]').map((e) => e.attributes('data-test'))
    for (const k of expected) expect(shown).toContain(k)
    expect(shown).not.toContain('nav-settings')
    expect(shown).not.toContain('nav-accounts')
    if (role === 'auditor') expect(shown).toEqual(['nav-audit'])
  })
})
