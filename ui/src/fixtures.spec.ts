// The generated rules and the fixtures captured from the core agree with each other and with what the
// UI asks: every code in the data has its label, every error code the core sends is one the UI knows,
// and the lists the screens open with are among the captured ones (so `npm run dev:mock` shows them).
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { RULES } from '@/api/rules'
import { useCardFilters } from '@/stores/cardFilters'
import { auditActionLabel } from '@/utils/accounts'
import { useAppointmentFilters } from '@/stores/appointmentFilters'
import { useItemFilters } from '@/stores/itemFilters'
import { useRosterFilters } from '@/stores/rosterFilters'
import { accounts, app, appointments, cards, items, listIds, roster, schedule } from '../dev/fixtures'

const values = (list: readonly { value: string }[]) => list.map((x) => x.value)

describe('RULES', () => {
  it('names every error code once', () => {
    const codes = RULES.errors.map((e) => e.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toEqual(expect.arrayContaining(['validation', 'not_found', 'conflict']))
  })

  it('labels every code the captured data hold', () => {
    for (const { item, timeline } of Object.values(items.details)) {
      expect(values(RULES.items.statuses)).toContain(item.status)
      expect(values(RULES.items.categories)).toContain(item.category)
      expect(values(RULES.items.sources)).toContain(item.source)
      expect(values(RULES.items.deadline_states)).toContain(item.deadline)
      if (item.satisfaction) expect(values(RULES.items.satisfactions)).toContain(item.satisfaction)
      for (const e of timeline) expect(values(RULES.items.event_kinds)).toContain(e.kind)
    }
    for (const c of Object.values(cards.cards)) {
      expect(values(RULES.cards.channels)).toContain(c.channel)
      expect(values(RULES.cards.statuses)).toContain(c.status)
      expect(values(RULES.cards.deadline_states)).toContain(c.deadline)
      if (c.person_political_status) expect(values(RULES.cards.political_statuses)).toContain(c.person_political_status)
    }
    for (const d of Object.values(roster.delegates)) {
      expect(values(RULES.roster.genders)).toContain(d.gender)
      expect(values(RULES.roster.statuses)).toContain(d.status)
    }
    expect(values(RULES.roles)).toContain(app.status.demo.operator?.role)
    const areas = RULES.accounts.audit_areas.map((a) => a.code)
    for (const e of Object.values(accounts.audit.rows)) {
      expect(values(RULES.roles)).toContain(e.actor_role)
      expect(values(RULES.accounts.audit_results)).toContain(e.result)
      expect(areas).toContain(e.area)
      // The log's own actions from RULES, the gate's writes (item steps, 提交 …) from their labels.
      expect(auditActionLabel(e.action), e.action).not.toBe(e.action)
    }
    for (const a of accounts.list) expect(values(RULES.accounts.account_roles)).toContain(a.role)
    for (const plan of Object.values(schedule.plans)) {
      for (const day of plan.days) for (const s of day.slots) expect(values(RULES.schedule.places)).toContain(s.place)
    }
    for (const a of Object.values(appointments.appointments)) {
      expect(values(RULES.appointments.statuses)).toContain(a.status)
      expect(values(RULES.appointments.directions)).toContain(a.direction)
      expect(values(RULES.appointments.sources)).toContain(a.source)
    }
  })

  it('the default deadlines are what a new studio is given', () => {
    expect(items.deadlines).toMatchObject({ ...RULES.items.default_deadlines, version: items.deadlines.version })
    for (const c of RULES.items.categories) expect(RULES.items.default_deadlines[c.value]).toBe(c.default_days)
  })
})

describe('fixtures', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('hold the first page of every list as the screens open it', () => {
    expect(listIds(roster, useRosterFilters().toQuery())?.length).toBeGreaterThan(0)
    expect(listIds(cards, useCardFilters().toQuery())?.length).toBeGreaterThan(0)
    expect(listIds(items, useItemFilters().toQuery())?.length).toBeGreaterThan(0)
    expect(listIds(appointments, useAppointmentFilters().toQuery())?.length).toBeGreaterThan(0)
    const f = useItemFilters()
    f.view = 'unrouted'
    expect(listIds(items, f.toQuery())).toBeDefined()
  })

  it('hold the accounts, a status for each demo login, and the audit log as 审计 opens it', () => {
    const logins = accounts.list.map((a) => a.login)
    for (const login of app.status.login.demo_login?.logins ?? []) {
      expect(logins).toContain(login)
      expect(accounts.statuses[login]?.operator?.name).toBeTruthy()
    }
    expect(listIds(accounts.audit, {})?.length).toBeGreaterThan(0)
    expect(listIds(accounts.audit, { action: 'login_failed' })?.length).toBeGreaterThan(0)
  })

  it('hold a detail for every row', () => {
    for (const id of Object.keys(roster.rows)) expect(roster.delegates[id]).toBeDefined()
    for (const id of Object.keys(cards.rows)) expect(cards.cards[id]).toBeDefined()
    for (const id of Object.keys(items.rows)) expect(items.details[id]).toBeDefined()
  })
})
