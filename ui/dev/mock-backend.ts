// A fake backend for developing and reviewing the UI in a plain browser (`npm run dev:mock`).
// It answers the same Tauri commands with the same shapes and the same Chinese validation messages
// as studio-core, from memory. Loaded only when VITE_MOCK=1, so it never ships in the app.
//
// Start state from the page URL (before the #): `?mock=demo` (demo roster loaded), `?mock=blank`
// (empty roster, setup done), anything else: first start (the welcome dialog).
import { mockIPC } from '@tauri-apps/api/mocks'
import type {
  JsonValue,
  AppStatus,
  ChangeRecord,
  Delegate,
  DelegateInput,
  DelegateListItem,
  DelegateQuery,
  Delegation,
  DelegationInput,
  DelegationSummary,
  ErrorPayload,
  FieldError,
  Page,
  Settings,
  SetupState,
} from '../src/api/types'
import {
  BIO_TEMPLATES,
  DELEGATIONS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  PLEDGES,
  POSITIONS,
  SURNAMES,
} from './mock-names'
import { createCardsMock } from './mock-cards'
import { createItemsMock } from './mock-items'

interface StoredDelegate extends Delegate {
  initials: string
}

const state = {
  setup: 'pending' as SetupState,
  settings: { operator_name: '王明', studio_name: '鲁东大学党代表工作室', hotline: '0535-6681234' } as Settings,
  delegations: [] as Delegation[],
  delegates: [] as StoredDelegate[],
  log: [] as ChangeRecord[],
  photos: new Map<string, string>(),
}

// ---- helpers ----------------------------------------------------------------------------------

let idCounter = 0
const newId = () => `0190${(++idCounter).toString(16).padStart(8, '0')}-mock`
let clock = Date.parse('2025-09-01T01:30:00Z')
/** Demo rows get times spread over the past weeks; later writes use the real clock. */
const now = () => (state.setup === 'pending' ? new Date((clock += 7 * 60_000)).toISOString() : new Date().toISOString())
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function fail(code: string, message: string, fields: FieldError[] = []): never {
  const payload: ErrorPayload = { code, message, fields }
  throw payload
}

class Checker {
  errors: FieldError[] = []
  add(field: string, message: string) {
    if (!this.errors.some((e) => e.field === field)) this.errors.push({ field, message })
  }
  required(field: string, label: string, v: string, max: number) {
    if (!v.trim()) this.add(field, `请填写${label}`)
    else this.maxLen(field, label, v, max)
  }
  maxLen(field: string, label: string, v: string, max: number) {
    if ([...v].length > max) this.add(field, `${label}不能超过 ${max} 个字`)
  }
  finish() {
    const e = this.errors
    if (e.length === 0) return
    const first = e[0]!.message
    fail('validation', e.length === 1 ? first : `${first}（另有 ${e.length - 1} 处需要修改）`, e)
  }
}

const isMobile = (s: string) => /^1[3-9]\d{9}$/.test(s)
const isOfficePhone = (s: string) => /^0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?$/.test(s.replace(/[()（）]/g, '-').replace(/^-/, ''))
const isEmail = (s: string) => /^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(s)

function maskPhone(s: string): string {
  const c = [...s]
  if (c.length < 7) return '*'.repeat(c.length)
  return c.slice(0, 3).join('') + '*'.repeat(c.length - 7) + c.slice(-4).join('')
}

function audit(entity: string, rowId: string, action: string, before: object | null, after: object | null) {
  let b: JsonValue = (before as JsonValue) ?? null
  let a: JsonValue = (after as JsonValue) ?? null
  if (before && after) {
    const bo = before as Record<string, JsonValue>
    const ao = after as Record<string, JsonValue>
    const ob: Record<string, JsonValue> = {}
    const na: Record<string, JsonValue> = {}
    for (const k of Object.keys(ao)) {
      if (k === 'updated_at' || k === 'version' || k === 'initials') continue
      if (JSON.stringify(bo[k] ?? null) !== JSON.stringify(ao[k])) {
        ob[k] = bo[k] ?? null
        na[k] = ao[k] ?? null
      }
    }
    b = ob
    a = na
  }
  const demo = state.setup === 'pending'
  state.log.push({
    seq: state.log.length + 1,
    id: newId(),
    at: now(),
    actor: demo ? '演示数据' : state.settings.operator_name,
    actor_role: demo ? 'system' : 'admin',
    entity,
    row_id: rowId,
    action,
    before: b,
    after: a,
  })
}

const publicDelegate = (d: StoredDelegate): Delegate => {
  const { initials: _initials, ...rest } = d
  void _initials
  return structuredClone(rest)
}

function listItem(d: StoredDelegate): DelegateListItem {
  const g = state.delegations.find((x) => x.id === d.delegation_id)
  return {
    id: d.id,
    name: d.name,
    gender: d.gender,
    delegation_id: d.delegation_id,
    delegation_name: g?.name ?? '',
    unit: d.unit,
    position: d.position,
    mobile_masked: maskPhone(d.mobile || d.office_phone),
    status: d.status,
    term: d.term,
    has_photo: d.photo !== null,
    display_order: d.display_order,
  }
}

function findDelegate(id: string): StoredDelegate {
  return state.delegates.find((d) => d.id === id) ?? fail('not_found', '找不到该党代表')
}

function findDelegation(id: string): Delegation {
  return state.delegations.find((d) => d.id === id) ?? fail('not_found', '找不到该代表团')
}

/** Initials for names from the word lists; other names search by their characters only. */
function initialsOf(name: string): string {
  const sur = SURNAMES.find(([s]) => name.startsWith(s))
  if (!sur) return ''
  const given = [...GIVEN_MALE, ...GIVEN_FEMALE].find(([g]) => name.slice(1) === g)
  return sur[1] + (given?.[1] ?? '')
}

/** Reject with every field message at once, as studio-core's Checker does. */
function validation(errors: FieldError[]) {
  if (errors.length === 0) return
  const first = errors[0]!.message
  fail('validation', errors.length === 1 ? first : `${first}（另有 ${errors.length - 1} 处需要修改）`, errors)
}

// Record cards, the working-day calendar, printing and export: dev/mock-cards.ts.
const cardsMock = createCardsMock({
  fail,
  validation,
  audit,
  newId,
  now,
  actor: () =>
    state.setup === 'pending'
      ? { name: '演示数据', role: 'system' }
      : { name: state.settings.operator_name, role: 'admin' },
  delegate: (id) => state.delegates.find((d) => d.id === id),
  delegationName: (id) => state.delegations.find((g) => g.id === id)?.name ?? '',
  activeDelegateIds: () => state.delegates.filter((d) => d.status === 'active').map((d) => d.id),
})

// The item ledger (意见台账): dev/mock-items.ts, on the cards' calendar.
const itemsMock = createItemsMock({
  fail,
  validation,
  audit,
  newId,
  now,
  actor: () =>
    state.setup === 'pending'
      ? { name: '演示数据', role: 'system' }
      : { name: state.settings.operator_name, role: 'admin' },
  calendar: cardsMock.calendar,
  delegate: (id) => state.delegates.find((d) => d.id === id),
  delegationName: (id) => state.delegations.find((g) => g.id === id)?.name ?? '',
  headName: (id) => {
    const g = state.delegations.find((x) => x.id === id)
    return state.delegates.find((d) => d.id === g?.head_delegate_id)?.name ?? ''
  },
  activeDelegateIds: () => state.delegates.filter((d) => d.status === 'active').map((d) => d.id),
  card: (id) => cardsMock.card(id),
  cardIds: () => cardsMock.cardIds(),
})

// ---- validation (as in studio-core's roster/validate.rs) -----------------------------------------

function checkDelegate(input: DelegateInput): DelegateInput {
  const out: DelegateInput = {
    ...input,
    name: input.name.trim(),
    unit: input.unit.trim(),
    position: input.position.trim(),
    mobile: input.mobile.replace(/[\s-]/g, ''),
    office_phone: input.office_phone.trim(),
    email: input.email.trim().toLowerCase(),
    bio: input.bio.trim(),
    pledge: input.pledge.trim(),
    term: input.term.trim(),
  }
  const c = new Checker()
  c.required('name', '姓名', out.name, 20)
  if (!out.delegation_id) c.add('delegation_id', '请选择所在代表团')
  c.required('unit', '工作单位', out.unit, 60)
  c.maxLen('position', '职务', out.position, 60)
  if (out.mobile && !isMobile(out.mobile)) c.add('mobile', '手机号码应为 11 位数字，以 13–19 开头，例如 13812345678')
  if (out.office_phone && !isOfficePhone(out.office_phone))
    c.add('office_phone', '办公电话应带区号，例如 0536-8785123（分机可写作 0536-8785123-801）')
  if (!out.mobile && !out.office_phone) c.add('mobile', '手机号码和办公电话至少填写一项')
  if (out.email && !isEmail(out.email)) c.add('email', '电子邮箱格式不正确，例如 name@example.edu.cn')
  c.maxLen('bio', '简介', out.bio, 2000)
  c.maxLen('pledge', '创先争优个人承诺', out.pledge, 1000)
  c.maxLen('term', '届次', out.term, 30)
  c.finish()
  if (!state.delegations.some((g) => g.id === out.delegation_id))
    fail('validation', '所选代表团不存在，请重新选择', [{ field: 'delegation_id', message: '所选代表团不存在，请重新选择' }])
  return out
}

function checkDelegation(input: DelegationInput, exceptId: string): DelegationInput {
  const out = { ...input, name: input.name.trim(), note: input.note.trim(), head_delegate_id: input.head_delegate_id || null }
  const c = new Checker()
  c.required('name', '代表团名称', out.name, 40)
  c.maxLen('note', '备注', out.note, 500)
  c.finish()
  if (state.delegations.some((g) => g.name === out.name && g.id !== exceptId)) {
    const m = `已有名为“${out.name}”的代表团`
    fail('validation', m, [{ field: 'name', message: m }])
  }
  return out
}

// ---- commands ---------------------------------------------------------------------------------

function status(): AppStatus {
  return {
    version: '0.1.0-mock',
    db_path: '/home/studio/.local/share/cn.delegatestudio.desktop/studio.db',
    setup: state.setup,
    operator: { name: state.settings.operator_name, role: 'admin' },
    studio_name: state.settings.studio_name,
    delegate_count: state.delegates.length,
    delegation_count: state.delegations.length,
  }
}

function createDelegation(input: DelegationInput): Delegation {
  const v = checkDelegation(input, '')
  if (v.head_delegate_id) {
    const m = '新建代表团时还没有成员，请先添加党代表再指定团长'
    fail('validation', m, [{ field: 'head_delegate_id', message: m }])
  }
  const t = now()
  const d: Delegation = { id: newId(), ...v, head_delegate_id: null, created_at: t, updated_at: t, version: 1 }
  state.delegations.push(d)
  audit('delegation', d.id, 'create', null, d)
  return d
}

function updateDelegation(id: string, input: DelegationInput): Delegation {
  const before = findDelegation(id)
  const v = checkDelegation(input, id)
  if (v.head_delegate_id) {
    const h = state.delegates.find((x) => x.id === v.head_delegate_id)
    if (!h || h.delegation_id !== id || h.status !== 'active') {
      const m = '团长应是本代表团在任的党代表'
      fail('validation', m, [{ field: 'head_delegate_id', message: m }])
    }
  }
  const after: Delegation = { ...before, ...v, updated_at: now(), version: before.version + 1 }
  state.delegations = state.delegations.map((g) => (g.id === id ? after : g))
  audit('delegation', id, 'update', before, after)
  return after
}

function createDelegate(input: DelegateInput): Delegate {
  const v = checkDelegate(input)
  const t = now()
  const d: StoredDelegate = {
    id: newId(),
    ...v,
    photo: null,
    status: 'active',
    left_on: null,
    created_at: t,
    updated_at: t,
    version: 1,
    initials: initialsOf(v.name),
  }
  state.delegates.push(d)
  audit('delegate', d.id, 'create', null, publicDelegate(d))
  return publicDelegate(d)
}

function changeDelegate(id: string, action: string, change: (d: StoredDelegate) => void): Delegate {
  const before = findDelegate(id)
  const after: StoredDelegate = structuredClone(before)
  change(after)
  after.updated_at = now()
  after.version = before.version + 1
  state.delegates = state.delegates.map((d) => (d.id === id ? after : d))
  audit('delegate', id, action, publicDelegate(before), publicDelegate(after))
  return publicDelegate(after)
}

function markLeft(id: string, leftOn: string | null): Delegate {
  const date = leftOn?.trim() || new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const m = '离任日期格式应为 YYYY-MM-DD'
    fail('validation', m, [{ field: 'left_on', message: m }])
  }
  const d = findDelegate(id)
  if (d.status === 'left') fail('conflict', `${d.name} 已是离任状态`)
  const g = state.delegations.find((x) => x.head_delegate_id === id)
  if (g) updateDelegation(g.id, { ...g, head_delegate_id: null })
  return changeDelegate(id, 'mark_left', (x) => {
    x.status = 'left'
    x.left_on = date
  })
}

function listDelegates(q: DelegateQuery): Page<DelegateListItem> {
  const text = q.q.trim().toLowerCase()
  const order = (id: string) => state.delegations.find((g) => g.id === id)?.display_order ?? 0
  let rows = state.delegates.filter(
    (d) =>
      (!text ||
        d.name.includes(text) ||
        d.unit.includes(text) ||
        d.position.includes(text) ||
        (/^[a-z]+$/.test(text) && d.initials.startsWith(text))) &&
      (!q.delegation_id || d.delegation_id === q.delegation_id) &&
      (!q.status || d.status === q.status),
  )
  const cmp = {
    roster: (a: StoredDelegate, b: StoredDelegate) =>
      order(a.delegation_id) - order(b.delegation_id) || a.display_order - b.display_order || a.initials.localeCompare(b.initials),
    name: (a: StoredDelegate, b: StoredDelegate) => a.initials.localeCompare(b.initials) || a.name.localeCompare(b.name, 'zh-CN'),
    unit: (a: StoredDelegate, b: StoredDelegate) => a.unit.localeCompare(b.unit, 'zh-CN'),
    updated_desc: (a: StoredDelegate, b: StoredDelegate) => b.updated_at.localeCompare(a.updated_at),
  }[q.sort]
  rows = [...rows].sort(cmp)
  const size = Math.min(Math.max(q.page.page_size, 1), 200)
  const page = Math.max(q.page.page, 1)
  return {
    items: rows.slice((page - 1) * size, page * size).map(listItem),
    total: rows.length,
    page,
    page_size: size,
  }
}

function summaries(): DelegationSummary[] {
  return [...state.delegations]
    .sort((a, b) => a.display_order - b.display_order || a.name.localeCompare(b.name, 'zh-CN'))
    .map((g) => ({
      id: g.id,
      name: g.name,
      head_delegate_id: g.head_delegate_id,
      head_name: state.delegates.find((d) => d.id === g.head_delegate_id)?.name ?? null,
      note: g.note,
      display_order: g.display_order,
      active_count: state.delegates.filter((d) => d.delegation_id === g.id && d.status === 'active').length,
    }))
}

/** A calm, generated portrait so the roster shows what photos look like. */
function portrait(seed: number, female: boolean): string {
  const bg = ['#dfe7f1', '#e6e1f0', '#e3efe6', '#f1e8dc', '#e8eef3'][seed % 5]
  const coat = ['#2f3e52', '#3b4a5e', '#26303d', '#40506a'][seed % 4]
  const hair = female ? '#2b1d16' : '#1e1a18'
  const hairShape = female
    ? '<path d="M52 78c0-30 18-46 48-46s48 16 48 46v40c-8-6-12-22-12-34-14 8-54 8-72 0 0 12-4 28-12 34z"/>'
    : '<path d="M56 80c0-28 18-42 44-42s44 14 44 42c-6-8-18-14-44-14s-38 6-44 14z"/>'
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 260"><rect width="200" height="260" fill="${bg}"/><path d="M20 260c6-54 40-74 80-74s74 20 80 74z" fill="${coat}"/><path d="M86 170h28v24l-14 10-14-10z" fill="#e9c9ad"/><path d="M92 186l8 60 8-60-8 8z" fill="#b71c1c"/><ellipse cx="100" cy="104" rx="40" ry="48" fill="#efd3bb"/><g fill="${hair}">${hairShape}</g></svg>`
  return `data:image/svg+xml;base64,${btoa(svg)}`
}

function loadDemo() {
  if (state.delegates.length > 0) fail('conflict', '数据库中已有党代表数据，未载入演示数据')
  let seed = 20211027
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    // The low bits of this generator repeat quickly; use the high ones.
    return Math.floor(seed / 65536) % n
  }
  const pick = <T>(xs: T[]): T => xs[rnd(xs.length)]!
  DELEGATIONS.forEach(([name, units], gi) => {
    const g = createDelegation({ name, head_delegate_id: null, note: `${units.slice(0, 2).join('、')}等单位党员代表`, display_order: gi + 1 })
    const size = 7 + rnd(3)
    let head: string | null = null
    for (let i = 0; i < size; i++) {
      const female = rnd(10) >= 6
      const [sur, si] = pick(SURNAMES)
      const [given, gi2] = pick(female ? GIVEN_FEMALE : GIVEN_MALE)
      const unit = pick(units)
      const position = i === 0 ? '党委副书记' : pick(POSITIONS)
      const d = createDelegate({
        name: sur + given,
        gender: female ? 'female' : 'male',
        delegation_id: g.id,
        unit,
        position,
        mobile: `${pick(['138', '139', '135', '150', '151', '186', '187', '199'])}${String(rnd(100_000_000)).padStart(8, '0')}`,
        office_phone: `0535-66${String(rnd(100_000)).padStart(5, '0')}`,
        email: `${si}${gi2}${rnd(99) + 1}@example.edu.cn`,
        bio: pick(BIO_TEMPLATES).replace('{unit}', unit).replace('{position}', position),
        pledge: pick(PLEDGES),
        term: '第三届（2021—2026）',
        display_order: i + 1,
        publish: { unit_position: true, mobile: false, office_phone: true, email: true, photo: true, bio: true, pledge: true },
      })
      if (i === 0) head = d.id
      if (rnd(10) < 6) {
        const url = portrait(rnd(1000), female)
        state.photos.set(d.id, url)
        const s = state.delegates.find((x) => x.id === d.id)!
        s.photo = `${d.id}.jpg`
      }
    }
    updateDelegation(g.id, { ...g, head_delegate_id: head })
  })
  const last = [...state.delegates].reverse().find((d) => d.status === 'active')
  if (last) markLeft(last.id, '2025-07-01')
  cardsMock.loadDemo()
  itemsMock.loadDemo()
  state.setup = 'demo'
}

type Args = Record<string, unknown>
const arg = <T>(a: Args | undefined, k: string) => (a?.[k] as T)

async function handle(cmd: string, a: Args | undefined): Promise<unknown> {
  await sleep(cmd === 'setup_load_demo' ? 900 : cmd === 'delegate_photo' ? 40 : cmd === 'print_preview' ? 500 : 90)
  switch (cmd) {
    case 'app_status':
      return status()
    case 'setup_load_demo':
      loadDemo()
      return status()
    case 'setup_start_blank':
      state.setup = 'blank'
      audit('settings', 'setup', 'start_blank', null, null)
      return status()
    case 'settings_get':
      return { ...state.settings }
    case 'settings_save': {
      const s = arg<Settings>(a, 'input')
      const v = { operator_name: s.operator_name.trim(), studio_name: s.studio_name.trim(), hotline: s.hotline.trim() }
      const c = new Checker()
      c.required('operator_name', '操作员姓名', v.operator_name, 20)
      c.required('studio_name', '工作室名称', v.studio_name, 40)
      c.maxLen('hotline', '专线电话', v.hotline, 30)
      c.finish()
      const before = state.settings
      state.settings = v
      audit('settings', 'studio', 'update', before, v)
      return { ...v }
    }
    case 'delegations_list':
      return summaries()
    case 'delegation_get':
      return findDelegation(arg(a, 'id'))
    case 'delegation_create':
      return createDelegation(arg(a, 'input'))
    case 'delegation_update':
      return updateDelegation(arg(a, 'id'), arg(a, 'input'))
    case 'delegates_list':
      return listDelegates(arg(a, 'query'))
    case 'delegate_get':
      return publicDelegate(findDelegate(arg(a, 'id')))
    case 'delegate_create':
      return createDelegate(arg(a, 'input'))
    case 'delegate_update': {
      const v = checkDelegate(arg(a, 'input'))
      return changeDelegate(arg(a, 'id'), 'update', (d) => Object.assign(d, v, { initials: initialsOf(v.name) }))
    }
    case 'delegate_mark_left':
      return markLeft(arg(a, 'id'), arg(a, 'leftOn'))
    case 'delegate_reinstate': {
      const d = findDelegate(arg(a, 'id'))
      if (d.status === 'active') fail('conflict', `${d.name} 已是在任状态`)
      return changeDelegate(d.id, 'reinstate', (x) => {
        x.status = 'active'
        x.left_on = null
      })
    }
    case 'delegate_duplicates': {
      const name = arg<string>(a, 'name').trim()
      const unit = arg<string>(a, 'unit').trim()
      const except = arg<string | null>(a, 'exceptId') ?? ''
      return state.delegates.filter((d) => d.name === name && d.unit === unit && d.id !== except).map(listItem)
    }
    case 'delegate_set_photo': {
      const id = arg<string>(a, 'id')
      const data = arg<string>(a, 'dataBase64')
      if (data.length * 0.75 > 10 * 1024 * 1024) fail('invalid', '照片不能超过 10 MB')
      findDelegate(id)
      state.photos.set(id, `data:image/jpeg;base64,${data}`)
      return changeDelegate(id, 'photo', (d) => {
        d.photo = `${id}-${newId()}.jpg`
      })
    }
    case 'delegate_photo': {
      const d = findDelegate(arg(a, 'id'))
      return d.photo ? (state.photos.get(d.id) ?? null) : null
    }
    case 'delegate_history': {
      const id = arg<string>(a, 'id')
      findDelegate(id)
      return state.log.filter((r) => r.entity === 'delegate' && r.row_id === id)
    }
    case 'audit_recent':
      return [...state.log].reverse().slice(0, arg<number>(a, 'limit'))
    case 'card_history': {
      const id = arg<string>(a, 'id')
      return state.log.filter((r) => r.entity === 'card' && r.row_id === id)
    }
    default:
      if (cardsMock.hasCommand(cmd)) return cardsMock.handle(cmd, a)
      if (itemsMock.hasCommand(cmd)) return itemsMock.handle(cmd, a)
      return fail('invalid', `模拟后端没有命令 ${cmd}`)
  }
}

export function installMockBackend(): void {
  const start = new URLSearchParams(window.location.search).get('mock')
  if (start === 'demo') {
    loadDemo()
    // A few edits by the operator, so 工作台 and the history show real-looking changes.
    const [first, second] = state.delegates
    if (first) changeDelegate(first.id, 'update', (d) => {
      d.position = '党委书记'
      d.publish = { ...d.publish, mobile: true }
    })
    if (second) changeDelegate(second.id, 'update', (d) => {
      d.office_phone = '0535-6681999'
    })
    // The studio's own calendar corrections.
    cardsMock.overrideSet('2025-10-17', 'holiday', '校运动会停课')
    cardsMock.overrideSet('2026-12-31', 'holiday', '学校放假')
  } else if (start === 'blank') {
    state.setup = 'blank'
  }
  mockIPC((cmd, payload) => handle(cmd, payload as Args | undefined))
  console.info('[mock] 模拟后端已启用：', start ?? 'first start')
}
