// A stand-in backend for developing and reviewing the UI in a plain browser (`npm run dev:mock`).
// It re-implements nothing: read commands answer with what the real core answered over its demo data
// (`dev/fixtures/*.json`, written by studio-core's `tests/ui_fixtures.rs` on a fixed day), and every
// write answers 「演示模式：未保存」. Loaded only when VITE_MOCK=1, so it never ships in the app.
//
// Start state from the page URL (before the #): `?mock=demo` (the demo data, at its login screen:
// admin / liaison / head / delegate / auditor with the demo password, each seeing the status the core
// gave that account), `?mock=blank` (an empty studio; any login and password), anything else: first
// start (the first administrator's form, then the welcome dialog; 载入演示数据 switches to the demo
// data). `&as=<login>` starts logged in (as that demo account, or on a blank studio as anyone). The session is kept here as the desktop
// app keeps it: nobody logged in or a locked window refuses every other command. `&kiosk=1`: the window
// is a kiosk (自助终端): its screens open without a login and read what the core gave its visitor.
// The page's clock is set to the fixtures' day, so "today" in the UI is the day the data were read.
import { mockIPC } from '@tauri-apps/api/mocks'
import type {
  Actor,
  AppStatus,
  ErrorPayload,
  ExportPurpose,
  FieldError,
  MonthPlan,
  Page,
  Permission,
  PersonRecords,
  PrintJob,
  PrintOutcome,
} from '../src/api/types'
import type { WindowStatus } from '../src/api/kiosk'
import { permissionsOf } from '../src/permissions'
import {
  accounts,
  app,
  appointments,
  blank,
  calendar,
  cards,
  items,
  kiosk,
  listIds,
  queryKey,
  reports,
  roster,
  schedule,
  studio,
  type ById,
  type Lists,
} from './fixtures'
import blankPdfUrl from './fixtures/card-blank.pdf?url'
import filledPdfUrl from './fixtures/card-filled.pdf?url'
import longPdfUrl from './fixtures/card-long.pdf?url'
import posterPdfUrl from './fixtures/poster.pdf?url'
import { NOT_HANDLED, studioRead } from './mock-studio'

type Mode = 'first_start' | 'blank' | 'demo'
let mode: Mode = 'first_start'
/** `&kiosk=1`: the window is a kiosk. */
let isKiosk = false
const demo = () => mode === 'demo'

const NOT_SAVED = '演示模式：未保存'

function fail(code: string, message: string, fields: FieldError[] = []): never {
  const payload: ErrorPayload = { code, message, fields, stale: null }
  throw payload
}

// ---- the session ----

let hasAccounts = false
let session: AppStatus['session'] = 'none'
/** The demo account logged in (its status is the core's answer for it). */
let who: string | null = null
/** Who is logged in outside the demo (the first administrator, or any login on a blank studio). */
let operator: Actor | null = null

/** The commands of the login and lock screens, which run without a session. */
const SESSIONLESS = new Set([
  'app_status',
  'app_mark',
  'auth_setup_admin',
  'auth_login',
  'auth_logout',
  'auth_lock',
  'auth_unlock',
  'auth_change_password',
  'auth_touch',
])

const demoPassword = () => app.status.login.demo_login?.password ?? ''

function status(): WindowStatus {
  return { ...accountStatus(), kiosk: isKiosk ? { terminal: 'kiosk:demo', idle_seconds: kiosk.info.idle_seconds } : null }
}

function accountStatus(): AppStatus {
  if (!hasAccounts) return app.status.first_start
  if (session === 'none') {
    if (demo()) return app.status.login
    return { ...app.status[mode], has_accounts: true, session, operator: null, demo_login: null, delegate_count: 0, delegation_count: 0 }
  }
  const base = (demo() && who && accounts.statuses[who]) || app.status[mode]
  return { ...base, has_accounts: true, session, operator: operator ?? base.operator, demo_login: null }
}

function login(name: string, password: string): AppStatus {
  const bad = () => fail('unauthenticated', '登录名或密码错误')
  if (!name.trim() || !password) bad()
  if (demo()) {
    if (!accounts.statuses[name.trim()] || password !== demoPassword()) bad()
    who = name.trim()
    operator = null
  } else {
    who = null
    operator = { id: 'account:mock', name: name.trim(), role: 'admin', delegate_id: null, delegation_id: null }
  }
  session = 'active'
  return status()
}

/** After 退出登录 the window reloads: come back to the login screen of the same studio. */
const AFTER_LOGOUT = 'studio-mock-after-logout'

function logout(): void {
  session = 'none'
  who = null
  operator = null
  sessionStorage.setItem(AFTER_LOGOUT, JSON.stringify({ mode, hasAccounts }))
  const url = new URL(window.location.href)
  url.searchParams.delete('as')
  window.history.replaceState(window.history.state, '', url)
}

function gate(cmd: string): void {
  if (SESSIONLESS.has(cmd)) return
  // A kiosk's screens run as its visitor, without a login.
  if (isKiosk && cmd.startsWith('kiosk_')) return
  if (!hasAccounts || session === 'none') fail('unauthenticated', '请先登录')
  if (session === 'locked') fail('session_locked', '已锁定，请输入密码解锁')
}

function found<T>(table: ById<T>, id: unknown, what: string): T {
  const hit = demo() && typeof id === 'string' ? table[id] : undefined
  return hit ?? fail('not_found', `找不到该${what}`)
}

/** One page of a captured list; a filter the fixtures do not hold answers an empty page. */
function page<T>(fx: Lists<T>, query: Record<string, unknown> | undefined): Page<T> {
  const q = query ?? {}
  const req = (q.page ?? { page: 1, page_size: 20 }) as { page: number; page_size: number }
  const found = demo() ? listIds(fx, q) : []
  if (!found) console.info('[mock] 此筛选条件未收录在 dev/fixtures 中，显示为空：', queryKey(q))
  const ids = found ?? []
  const start = (req.page - 1) * req.page_size
  return {
    items: ids.slice(start, start + req.page_size).map((id) => fx.rows[id]!),
    total: ids.length,
    page: req.page,
    page_size: req.page_size,
  }
}

// ---- permissions and personal data ----

/** The core refuses what the logged-in role may not do; so does the mock, for the commands below. */
function requirePermission(p: Permission): void {
  if (!permissionsOf(status().operator?.role).has(p)) fail('forbidden', '当前账号无权进行此操作')
}

/** Like the core's `ExportPurpose::checked`: a full export needs a reason. */
/** A report for `period` as captured (the presets of the fixture day); the year's for any other period. */
function report<T>(byPeriod: ById<T>, period: unknown): T {
  const p = (period ?? {}) as { from?: string | null; to?: string | null }
  const key = `${p.from ?? ''}..${p.to ?? ''}`
  const year = `${app.today.slice(0, 4)}-01-01..${app.today.slice(0, 4)}-12-31`
  if (key !== year && !(key in byPeriod)) console.info('[mock] 没有该期间的统计，显示本年：', key)
  return (byPeriod[key] ?? byPeriod[year])!
}

function checkPurpose(purpose: unknown): void {
  const p = (purpose ?? {}) as Partial<ExportPurpose>
  const reason = String(p.reason ?? '').trim()
  if ([...reason].length > 200) fail('validation', '导出原因不能超过 200 个字', [{ field: 'reason', message: '导出原因不能超过 200 个字' }])
  if (!reason && !p.masked) {
    const message = '导出完整个人信息须填写导出原因（或选择脱敏导出）'
    fail('validation', message, [{ field: 'reason', message }])
  }
}

function checkWho(a: Args, withReason: boolean): { name: string; phone: string } {
  const name = String(a.name ?? '').trim()
  const phone = String(a.phone ?? '').trim()
  const fields: FieldError[] = []
  if (!name) fields.push({ field: 'name', message: '请填写姓名' })
  if (withReason && !String(a.reason ?? '').trim()) fields.push({ field: 'reason', message: '请填写原因' })
  if (fields.length) fail('validation', fields[0]!.message, fields)
  return { name, phone }
}

/** The person's cards, items and appointments in the fixtures: by exact name and, when given, that phone. */
function person(a: Args): PersonRecords {
  const { name, phone } = checkWho(a, false)
  if (!demo()) return { cards: [], items: [], appointments: [] }
  const samePhone = (...held: string[]) => !phone || held.some((h) => h.replace(/[\s-]/g, '') === phone.replace(/[\s-]/g, ''))
  // A head reaches their delegation's records, a delegate their own (the core's scope).
  const me = status().operator
  const reach = (delegateIds: string[], delegationIds: string[]) =>
    me?.role === 'head' ? delegationIds.includes(me.delegation_id ?? '') : me?.role === 'delegate' ? delegateIds.includes(me.delegate_id ?? '') : true
  return {
    cards: Object.values(cards.cards)
      .filter((c) => c.person_name === name && samePhone(c.person_phone) && reach([c.delegate_id], [c.delegation_id]))
      .sort((x, y) => y.contact_date.localeCompare(x.contact_date)),
    items: Object.values(items.details)
      .map((d) => d.item)
      .filter(
        (i) =>
          i.person_name === name &&
          samePhone(i.person_phone, i.person_contact) &&
          reach(
            i.delegates.map((d) => d.delegate_id),
            i.delegates.map((d) => d.delegation_id),
          ),
      )
      .sort((x, y) => y.received_on.localeCompare(x.received_on)),
    appointments: Object.values(appointments.appointments)
      .filter((x) => x.person_name === name && samePhone(x.person_phone) && reach([x.delegate_id], [x.delegation_id]))
      .sort((x, y) => y.date.localeCompare(x.date)),
  }
}

// ---- printing: small real PDFs made by studio-print, whatever was asked for ----

const pdfCache = new Map<string, string>()
async function pdfBase64(url: string): Promise<string> {
  const hit = pdfCache.get(url)
  if (hit) return hit
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  const b64 = btoa(bin)
  pdfCache.set(url, b64)
  return b64
}

async function preview(job: PrintJob): Promise<PrintOutcome> {
  const one = job.kind === 'cards' && job.selection.kind === 'ids' && job.selection.ids.length === 1
  const [url, pages] = job.kind === 'blank' ? [blankPdfUrl, 1] : one ? [filledPdfUrl, 1] : [longPdfUrl, 2]
  return { pdf_base64: await pdfBase64(url), path: null, page_count: pages, missing_chars: [] }
}

/** A month without slots, never published (what the core answers for one). */
function emptyPlan(month: string): MonthPlan {
  return {
    month: { month, published: false, published_at: null, published_by: null, poster_changed: false, poster_printed_at: null, version: 0 },
    days: [],
  }
}

// ---- commands ----

type Args = Record<string, unknown>
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function handle(cmd: string, a: Args = {}): Promise<unknown> {
  await sleep(cmd === 'setup_load_demo' ? 900 : cmd === 'print_preview' ? 400 : 60)
  gate(cmd)
  switch (cmd) {
    case 'app_status':
      return status()
    case 'setup_load_demo':
      mode = 'demo'
      return status()
    case 'setup_start_blank':
      mode = 'blank'
      return status()

    case 'auth_setup_admin': {
      if (hasAccounts) fail('state', '已有账号：请用已有的管理员账号登录')
      const input = (a.input ?? {}) as { login?: string; name?: string }
      hasAccounts = true
      session = 'active'
      operator = { id: 'account:mock-admin', name: input.name || input.login || '管理员', role: 'admin', delegate_id: null, delegation_id: null }
      return status()
    }
    case 'auth_login':
      return login(String(a.login ?? ''), String(a.password ?? ''))
    case 'auth_logout':
      logout()
      return null
    case 'auth_lock':
      if (session === 'active') session = 'locked'
      return null
    case 'auth_unlock': {
      const password = String(a.password ?? '')
      const ok = password && (operator !== null || password === demoPassword())
      if (!ok) fail('validation', '密码不正确', [{ field: 'password', message: '密码不正确' }])
      session = 'active'
      return status()
    }
    case 'auth_touch':
      return null

    case 'accounts_list':
      return demo() ? accounts.list : []
    case 'audit_list':
      return { ...page(accounts.audit, a.query as Args), total_capped: false }
    case 'settings_get':
      return demo() ? app.settings : blank.settings
    case 'backup_status':
      // What the core answers for a database never backed up, 自动备份 off.
      return {
        settings: { enabled: false, folder: '', daily_time: '12:00', keep: 30, version: 0 },
        last_at: null,
        last_ok: null,
        last_kind: '',
        last_message: '',
        warning: null,
      }
    case 'audit_recent':
      return (demo() ? app.recent : blank.recent).slice(0, Number(a.limit ?? 10))
    case 'app_mark':
      return null
    case 'job_cancel':
      return false

    case 'delegations_list':
      return demo() ? roster.delegations : []
    case 'delegation_get':
      return found(roster.delegation, a.id, '代表团')
    case 'delegates_list':
      return page(roster, a.query as Args)
    case 'delegate_get':
      return found(roster.delegates, a.id, '党代表')
    case 'delegate_history':
      return found(roster.history, a.id, '党代表')
    case 'delegate_duplicates':
      return []
    case 'delegate_photo':
      return null

    case 'cards_list':
      return page(cards, a.query as Args)
    case 'card_counts':
      return demo() ? cards.counts : blank.card_counts
    case 'card_get':
      return found(cards.cards, a.id, '记录卡')
    case 'card_history':
      return found(cards.history, a.id, '记录卡')
    case 'card_amendments':
      return cards.amendments[String(a.id)] ?? []
    case 'card_delegate_snapshot':
      return found(cards.snapshots, a.delegateId, '党代表')

    case 'items_list':
      return page(items, a.query as Args)
    case 'item_counts':
      return demo() ? items.counts : blank.item_counts
    case 'item_get':
      return found(items.details, a.id, '事项')
    case 'item_for_card':
      return items.for_card[String(a.cardId)] ?? null
    case 'items_similar': {
      // Captured for an open item's own text and for each unlinked card's opinion; nothing else.
      const card = Object.values(cards.cards).find((c) => c.opinion === a.text)
      const ids = typeof a.excludeId === 'string' ? items.similar.by_item[a.excludeId] : card ? items.similar.by_card[card.id] : []
      return demo() ? (ids ?? []).slice(0, Number(a.limit ?? 5)).map((id) => items.similar.items[id]!) : []
    }
    case 'item_deadlines':
      return demo() ? items.deadlines : blank.item_deadlines

    case 'schedule_months':
      return demo() ? schedule.months : []
    case 'schedule_month_plan': {
      const month = String(a.month ?? '')
      const plan = demo() ? schedule.plans[month] : undefined
      return plan ?? emptyPlan(month)
    }
    case 'schedule_month_state': {
      const month = String(a.month ?? '')
      return ((demo() && schedule.plans[month]) || emptyPlan(month)).month
    }
    // 今日 / 本周 / the next day and 我的接待 were captured for the fixture day (the page's today).
    case 'schedule_today':
      return demo() && a.date === app.today ? schedule.today : []
    case 'schedule_week':
      return demo() && a.from === app.today ? schedule.week : []
    case 'schedule_next_day':
      return demo() && a.from === app.today ? schedule.next_day : null
    case 'schedule_my_duty':
      return (demo() && who && schedule.my_duty[who]) || []
    case 'schedule_poster_preview': {
      const month = String(a.month ?? '')
      if (!demo() || !schedule.plans[month]?.days.length) fail('invalid', '该月还没有接待安排，不能生成海报')
      return { pdf_base64: await pdfBase64(posterPdfUrl), path: null, page_count: 1, missing_chars: [] }
    }

    case 'appointments_list':
      requirePermission('handle_appointments')
      return page(appointments, a.query as Args)
    case 'appointment_get':
      requirePermission('handle_appointments')
      return found(appointments.appointments, a.id, '约见')
    case 'appointment_history':
      requirePermission('handle_appointments')
      return found(studio.history.appointment, a.id, '约见')

    case 'calendar_month': {
      const key = `${a.year}-${String(a.month).padStart(2, '0')}`
      return calendar.months[key] ?? fail('invalid', `演示模式：未收录 ${a.year} 年 ${a.month} 月的日历`)
    }
    case 'calendar_overrides':
      return calendar.overrides[a.year === null || a.year === undefined ? 'all' : String(a.year)] ?? []

    case 'person_find':
      requirePermission('read_personal_data')
      return person(a)
    case 'person_copy':
      requirePermission('export_personal_data')
      checkWho(a, true)
      return fail('invalid', NOT_SAVED)
    case 'person_erase':
      requirePermission('administer_audit')
      checkWho(a, true)
      return fail('invalid', NOT_SAVED)
    case 'reports_summary':
      requirePermission('read_records')
      return report(reports.summary, a.period)
    case 'reports_units':
      requirePermission('read_records')
      return report(reports.units, a.period)
    case 'reports_charts':
      requirePermission('read_records')
      return report(reports.charts, a.period)
    case 'reports_save':
      requirePermission('read_records')
      return fail('invalid', NOT_SAVED)
    case 'accounts_export':
      return fail('invalid', NOT_SAVED)
    case 'cards_export':
    case 'items_export':
    case 'delegates_export':
    case 'appointments_export':
      checkPurpose(a.purpose)
      requirePermission('export_personal_data')
      return fail('invalid', NOT_SAVED)

    case 'print_preview':
      return preview(a.job as PrintJob)
    case 'plugin:dialog|save': {
      const opts = a.options as { defaultPath?: string } | undefined
      return `/home/studio/文档/${opts?.defaultPath ?? '未命名.pdf'}`
    }
    default: {
      // The newer screens' reads (dev/mock-studio.ts); every other command changes something: the
      // demo keeps its data as captured.
      const answer = await studioRead(cmd, a, { demo: demo(), login: who, page, found })
      return answer === NOT_HANDLED ? fail('invalid', NOT_SAVED) : answer
    }
  }
}

/** Run the page's clock on the fixtures' day (time of day as now), so "today" agrees with the data. */
function pinToday(day: string): void {
  const RealDate = Date
  const now = RealDate.now()
  // The time of day in Shanghai, on the fixtures' day there.
  const clock = new RealDate(now + 8 * 3600_000).toISOString().slice(11, 23)
  const offset = RealDate.parse(`${day}T${clock}+08:00`) - now
  class FixtureDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...(args as [string]))
    }
    static override now(): number {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = FixtureDate as DateConstructor
}

export function installMockBackend(): void {
  const params = new URLSearchParams(window.location.search)
  const start = params.get('mock')
  mode = start === 'demo' ? 'demo' : start === 'blank' ? 'blank' : 'first_start'
  isKiosk = params.get('kiosk') === '1'
  hasAccounts = mode !== 'first_start'
  const after = sessionStorage.getItem(AFTER_LOGOUT)
  if (after) {
    sessionStorage.removeItem(AFTER_LOGOUT)
    ;({ mode, hasAccounts } = JSON.parse(after) as { mode: Mode; hasAccounts: boolean })
  } else if (hasAccounts && params.get('as')) {
    try {
      login(params.get('as') ?? '', demo() ? demoPassword() : 'mock')
    } catch {
      console.info('[mock] 没有这个演示账号：', params.get('as'))
    }
  }
  pinToday(app.today)
  mockIPC((cmd, payload) => handle(cmd, payload as Args | undefined))
  console.info(`[mock] 演示后端（dev/fixtures，${app.today}）：`, mode)
}
