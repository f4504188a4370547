// The dev mock (`npm run dev:mock`) answers the newer screens' reads with what the real core answered
// (dev/fixtures/studio.json, kiosk.json), each account as the core answered it, and still refuses
// every write with 「演示模式：未保存」. Through the UI's own API module, as the pages call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clearMocks } from '@tauri-apps/api/mocks'
import * as api from '@/api'
import { installMockBackend } from '../dev/mock-backend'
import { kiosk, listEntry, listIds, studio } from '../dev/fixtures'

const RealDate = Date
const page = { page: 1, page_size: 20 }

function start(search: string): void {
  window.history.replaceState(null, '', `/${search}`)
  installMockBackend()
}

afterAll(() => {
  clearMocks()
  globalThis.Date = RealDate
})

describe('the dev mock as the demo administrator', () => {
  beforeAll(() => start('?mock=demo&as=admin'))

  it('lists 活动调研, 提议, 工作室动态 and 联络员与志愿者 as the core did', async () => {
    const acts = await api.activitiesList({ q: '', kind: null, delegation_id: null, from: null, to: null, page })
    expect(acts.total).toBe(listIds(studio.activities, {})!.length)
    expect(acts.total).toBeGreaterThan(0)
    expect(acts.items[0]).toEqual(studio.activities.rows[listIds(studio.activities, {})![0]!])
    const training = await api.activitiesList({ q: '', kind: 'training', delegation_id: null, from: null, to: null, page })
    expect(training.items.every((a) => a.kind === 'training')).toBe(true)
    expect(training.total).toBe(listIds(studio.activities, { kind: 'training' })!.length)

    const props = await api.proposalsList({ q: '', status: null, delegation_id: null, view: 'overdue', from: null, to: null, page })
    expect(props.items.map((p) => p.id)).toEqual(listIds(studio.proposals, { view: 'overdue' }))
    const one = await api.proposalGet(props.items[0]!.id)
    expect(one.allowed).toEqual(studio.proposals.proposal[props.items[0]!.id]!.allowed)

    const news = await api.newsList({ q: null, status: null, from: null, to: null, page })
    expect(news.total).toBe(listIds(studio.news, {})!.length)
    const vols = await api.volunteersList({ q: null, role: null, political_status: null, active_only: true, page })
    expect(vols.total).toBe(listIds(studio.volunteers, { active_only: true })!.length)
  })

  it('answers 经费, 上墙制度, 关于本机 and 工作台’s figures', async () => {
    const year = Number(Object.keys(studio.funds.budgets).sort().at(-1))
    const spent = await api.fundsSpendings({ year, source: null, q: null, page })
    expect(spent.sum_fen).toBe(listEntry(studio.funds, { year })!.sum_fen)
    expect(spent.page.total).toBeGreaterThan(0)
    expect((await api.fundsStatement(year)).total).toEqual(studio.funds.statement[String(year)]!.total)
    const wall = await api.wallList()
    expect(wall).toEqual((studio.by_login.admin!.wall_list as { ok: unknown }).ok)
    expect(wall.length).toBe(Object.keys(studio.wall).length)
    expect(await api.aboutGet()).toEqual((studio.by_login.admin!.about_get as { ok: unknown }).ok)
    expect(await api.proposalCounts()).toEqual((studio.by_login.admin!.proposal_counts as { ok: unknown }).ok)
  })

  it('shows 修改记录 of an appointment, a duty slot and a month as the core recorded them', async () => {
    const [appt, records] = Object.entries(studio.history.appointment)[0]!
    expect(await api.appointmentHistory(appt)).toEqual(records)
    const [slot, slotRecords] = Object.entries(studio.history.slot)[0]!
    expect(await api.scheduleSlotHistory(slot)).toEqual(slotRecords)
    const [month, monthRecords] = Object.entries(studio.history.month)[0]!
    expect(await api.scheduleMonthHistory(month)).toEqual(monthRecords)
  })

  it('still saves nothing', async () => {
    await expect(api.newsDelete('x', 1)).rejects.toMatchObject({ message: '演示模式：未保存' })
  })
})

describe('the dev mock as the demo auditor', () => {
  beforeAll(() => start('?mock=demo&as=auditor'))

  it('refuses 经费 with the core’s own message for that account', async () => {
    const refused = studio.by_login.auditor!.funds_budgets
    expect('err' in refused).toBe(true)
    await expect(api.fundsBudgets(2026)).rejects.toMatchObject({ code: 'forbidden', message: 'err' in refused ? refused.err.message : '' })
  })
})

describe('the dev mock as a kiosk', () => {
  beforeAll(() => start('?mock=demo&kiosk=1'))

  it('answers the kiosk screens without a login, as the core answered its visitor', async () => {
    expect((await api.appStatus()).kiosk).not.toBeNull()
    expect(await api.kioskPublishedMonths()).toEqual(kiosk.published_months)
    expect((await api.kioskDelegateProfiles()).length).toBe(kiosk.profiles.length)
    expect(await api.kioskRequestDays()).toEqual(kiosk.request_days)
  })

  it('answers 查询进度 as the core did: any case, with or without the dash; wrong digits get the one message', async () => {
    expect(kiosk.progress.found.length).toBeGreaterThanOrEqual(3)
    for (const f of kiosk.progress.found) {
      if (!('ok' in f.answer)) throw new Error(`${f.code}: the core refused it`)
      expect(await api.kioskQueryProgress(f.code, f.digits)).toEqual(f.answer.ok)
      expect(await api.kioskQueryProgress(` ${f.code.replace('-', '').toLowerCase()} `, f.digits)).toEqual(f.answer.ok)
    }
    const { code, digits } = kiosk.progress.found[0]!
    const wrong = digits === '0000' ? '1111' : '0000'
    const err = await api.kioskQueryProgress(code, wrong).catch((e: unknown) => api.toApiError(e))
    if (!('err' in kiosk.progress.wrong)) throw new Error('the core accepted a wrong code')
    expect(err).toMatchObject({ code: kiosk.progress.wrong.err.code, message: kiosk.progress.wrong.err.message })
  })
})
