// The mock backend's record cards, working-day calendar, printing and export (`npm run dev:mock`).
// Same commands, shapes and Chinese messages as studio-core's cards, calendar and printing modules;
// dates are "today" in Asia/Shanghai, like the app. Print previews answer with small real PDFs made
// by studio-print (dev/fixtures/), whatever was asked for.
import type {
  Card,
  CardAmendment,
  CardCounts,
  CardInput,
  CardListItem,
  CardQuery,
  CardSelection,
  Channel,
  DeadlineState,
  DelegateSnapshot,
  FieldError,
  Gender,
  JsonValue,
  OverrideKind,
  Page,
  PoliticalStatus,
  PrintJob,
  PrintOutcome,
} from '../src/api/types'
import { addDays, MockCalendar, parseYmd } from './mock-calendar'
import blankPdfUrl from './fixtures/card-blank.pdf?url'
import filledPdfUrl from './fixtures/card-filled.pdf?url'
import longPdfUrl from './fixtures/card-long.pdf?url'

/** What the roster part of the mock lends to this one. */
export interface MockContext {
  fail(code: string, message: string, fields?: FieldError[]): never
  validation(errors: FieldError[]): void
  audit(entity: string, rowId: string, action: string, before: object | null, after: object | null): void
  newId(): string
  now(): string
  actor(): { name: string; role: 'admin' | 'system' }
  delegate(id: string): { id: string; name: string; delegation_id: string; unit: string; position: string; mobile: string; office_phone: string; status: string; left_on: string | null } | undefined
  delegationName(id: string): string
  activeDelegateIds(): string[]
}

const SHANGHAI_MS = 8 * 3600_000
export const today = () => new Date(Date.now() + SHANGHAI_MS).toISOString().slice(0, 10)

const isMobile = (s: string) => /^1[3-9]\d{9}$/.test(s)
const officePhone = (s: string): string | null => {
  const t = s.replace(/[()（）\s]/g, (c) => (c === ' ' ? '' : '-')).replace(/^-/, '').replace(/--+/g, '-')
  const m = /^(0\d{2,3})-?([1-9]\d{6,7})(-\d{1,6})?$/.exec(t)
  return m ? `${m[1]}-${m[2]}${m[3] ?? ''}` : null
}
const isEmail = (s: string) => /^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(s)
const len = (s: string) => [...s].length

function maskPhone(s: string): string {
  const c = [...s]
  if (c.length < 7) return '*'.repeat(c.length)
  return c.slice(0, 3).join('') + '*'.repeat(c.length - 7) + c.slice(-4).join('')
}

/** Characters the card font has no glyph for (a few rare ones the demo uses). */
const MISSING_GLYPHS = new Set(['䶮', '𠮷', '㛃'])

export function createCardsMock(ctx: MockContext) {
  const cal = new MockCalendar()
  let cards: Card[] = []
  const amendments: CardAmendment[] = []

  // ---- deadlines ----

  function stateOf(c: Pick<Card, 'due_on' | 'filed_on'>, day = today()): DeadlineState {
    if (!c.due_on) return 'none'
    if (c.filed_on) return c.filed_on > c.due_on ? 'filed_late' : 'filed_on_time'
    if (day > c.due_on) return 'overdue'
    return c.due_on < cal.addWorkdays(day, 2) ? 'due_soon' : 'on_time'
  }

  function setDue(c: Card) {
    c.due_on = c.feedback_on ? cal.addWorkdays(c.feedback_on, 3) : null
    c.filed_late = !!(c.filed_on && c.due_on && c.filed_on > c.due_on)
  }

  const withDeadline = (c: Card): Card => ({ ...structuredClone(c), deadline: stateOf(c) })

  function auditValue(c: Card): Record<string, JsonValue> {
    const { deadline: _d, ...rest } = c
    void _d
    return structuredClone(rest) as unknown as Record<string, JsonValue>
  }

  // ---- validation (as in studio-core's cards/validate.rs) ----

  function dateField(errs: FieldError[], field: string, label: string, value: string): string | null {
    const v = value.trim()
    if (!v) return null
    const d = parseYmd(v)
    if (!d) errs.push({ field, message: `${label}格式应为 YYYY-MM-DD，例如 2025-10-01` })
    else if (v > today()) errs.push({ field, message: `${label}不能晚于今天` })
    else if (v < '2000-01-01') errs.push({ field, message: `${label}不应早于 2000 年` })
    else return v
    return null
  }

  function check(input: CardInput, filed: boolean, errs: FieldError[] = []) {
    const add = (field: string, message: string) => {
      if (!errs.some((e) => e.field === field)) errs.push({ field, message })
    }
    if (!input.delegate_id.trim()) add('delegate_id', '请选择党代表')
    const contact = input.contact_date.trim()
      ? dateField(errs, 'contact_date', '联系日期', input.contact_date)
      : (add('contact_date', '请填写联系日期'), null)
    const person_name = input.person_name.trim()
    if (!person_name) add('person_name', '请填写联系对象姓名')
    else if (len(person_name) > 20) add('person_name', '联系对象姓名不能超过 20 个字')
    if (input.person_age !== null && !(input.person_age >= 1 && input.person_age <= 120)) add('person_age', '年龄应在 1 到 120 岁之间')
    const unit = input.person_unit_position.trim()
    if (len(unit) > 50) add('person_unit_position', '工作单位及职务不能超过 50 个字')
    const compact = input.person_phone.replace(/[\s-]/g, '')
    let phone = ''
    if (compact) {
      if (isMobile(compact)) phone = compact
      else {
        const o = officePhone(input.person_phone.trim())
        if (o) phone = o
        else add('person_phone', '联系电话应为 11 位手机号码或带区号的固定电话，例如 13812345678 或 0536-8785123')
      }
    }
    const address = input.person_address.trim()
    if (len(address) > 100) add('person_address', '通讯地址或 E-mail不能超过 100 个字')
    // eslint-disable-next-line no-control-regex
    if (address.includes('@') && /^[\x00-\x7f]*$/.test(address) && !isEmail(address))
      add('person_address', '电子邮箱格式不正确，例如 name@example.edu.cn')
    if (!(input.group_size >= 1 && input.group_size <= 999)) add('group_size', '人数应在 1 到 999 之间')
    const other = input.channel_other.trim()
    if (input.channel === null) add('channel', '请选择联系形式')
    else if (input.channel === 'other') {
      if (!other) add('channel_other', '请填写其他联系形式')
      else if (len(other) > 20) add('channel_other', '其他联系形式不能超过 20 个字')
    }
    const opinion = input.opinion.trim()
    if (!opinion) add('opinion', '请填写党员和群众所提意见建议或问题')
    else if (len(opinion) > 5000) add('opinion', '党员和群众所提意见建议或问题不能超过 5000 个字')
    const handling = input.handling.trim()
    if (len(handling) > 5000) add('handling', '党代表处理意见及办理情况不能超过 5000 个字')
    const fbText = input.feedback_on ?? ''
    const feedback = dateField(errs, 'feedback_on', '反馈日期', fbText)
    if (feedback && contact && feedback < contact) add('feedback_on', '反馈日期不能早于联系日期')
    if (filed) {
      if (!fbText.trim()) add('feedback_on', '已提交的记录卡须填写反馈日期')
      if (!handling) add('handling', '已提交的记录卡须填写党代表处理意见及办理情况（件件有答复）')
    }
    return {
      errs,
      value: {
        contact_date: contact ?? '',
        person_name,
        person_gender: input.person_gender,
        person_age: input.person_age,
        person_political_status: input.person_political_status,
        person_unit_position: unit,
        person_phone: phone,
        person_address: address,
        group_size: input.group_size,
        channel: (input.channel ?? 'studio') as Channel,
        channel_other: input.channel === 'other' ? other : '',
        opinion,
        handling,
        feedback_on: feedback,
      },
    }
  }

  function snapshot(delegateId: string): DelegateSnapshot & { left_on: string | null } {
    const d = ctx.delegate(delegateId) ?? ctx.fail('validation', '所选党代表不存在，请重新选择', [{ field: 'delegate_id', message: '所选党代表不存在，请重新选择' }])
    return {
      delegate_id: d.id,
      delegation_id: d.delegation_id,
      delegate_name: d.name,
      delegation_name: ctx.delegationName(d.delegation_id),
      delegate_unit_position: [d.unit, d.position].filter(Boolean).join(' '),
      delegate_phone: d.mobile || d.office_phone,
      left_on: d.status === 'left' ? d.left_on : null,
    }
  }

  function apply(card: Card, input: CardInput, filed: boolean, takeSnapshot: boolean) {
    const { errs, value } = check(input, filed)
    ctx.validation(errs)
    if (takeSnapshot) {
      const s = snapshot(input.delegate_id.trim())
      if (s.left_on && value.contact_date > s.left_on) {
        const m = `${s.delegate_name} 已于 ${s.left_on} 离任，联系日期晚于离任日期`
        ctx.fail('validation', m, [{ field: 'delegate_id', message: m }])
      }
      Object.assign(card, {
        delegate_id: s.delegate_id,
        delegation_id: s.delegation_id,
        delegate_name: s.delegate_name,
        delegation_name: s.delegation_name,
        delegate_unit_position: s.delegate_unit_position,
        delegate_phone: s.delegate_phone,
      })
    }
    Object.assign(card, value)
    setDue(card)
  }

  function find(id: string): Card {
    return cards.find((c) => c.id === id) ?? ctx.fail('not_found', '找不到该记录卡')
  }

  // ---- writes ----

  function create(input: CardInput): Card {
    const t = ctx.now()
    const card: Card = {
      id: ctx.newId(),
      delegate_id: '',
      delegation_id: '',
      delegate_name: '',
      delegation_name: '',
      delegate_unit_position: '',
      delegate_phone: '',
      contact_date: '',
      person_name: '',
      person_gender: null,
      person_age: null,
      person_political_status: null,
      person_unit_position: '',
      person_phone: '',
      person_address: '',
      group_size: 1,
      channel: 'studio',
      channel_other: '',
      opinion: '',
      handling: '',
      feedback_on: null,
      filed_on: null,
      status: 'draft',
      due_on: null,
      filed_late: false,
      amendment_count: 0,
      deadline: 'none',
      created_at: t,
      updated_at: t,
      version: 1,
    }
    apply(card, input, false, true)
    cards.push(card)
    ctx.audit('card', card.id, 'create', null, auditValue(card))
    return withDeadline(card)
  }

  function update(id: string, input: CardInput): Card {
    const before = find(id)
    if (before.status === 'submitted') ctx.fail('conflict', '已提交的记录卡不能直接修改，请使用“更正”')
    const after = structuredClone(before)
    apply(after, input, false, input.refresh_snapshot || input.delegate_id !== before.delegate_id)
    if (JSON.stringify(auditValue(after)) === JSON.stringify(auditValue(before))) return withDeadline(before)
    after.updated_at = ctx.now()
    after.version++
    cards = cards.map((c) => (c.id === id ? after : c))
    ctx.audit('card', id, 'update', auditValue(before), auditValue(after))
    return withDeadline(after)
  }

  function submit(id: string, filedOn: string | null): Card {
    const before = find(id)
    if (before.status === 'submitted') ctx.fail('conflict', `该记录卡已于 ${before.filed_on ?? ''} 提交`)
    const errs: FieldError[] = []
    const filed = filedOn?.trim() ? dateField(errs, 'filed_on', '交回日期', filedOn) : today()
    if (!before.feedback_on) errs.push({ field: 'feedback_on', message: '提交前请填写反馈日期（向党员群众反馈办理结果的日期）' })
    else if (filed && filed < before.feedback_on)
      errs.push({ field: 'filed_on', message: `交回日期不能早于反馈日期（${before.feedback_on}）` })
    if (!before.handling.trim()) errs.push({ field: 'handling', message: '提交前请填写党代表处理意见及办理情况（件件有答复）' })
    ctx.validation(errs)
    const after = structuredClone(before)
    after.status = 'submitted'
    after.filed_on = filed
    setDue(after)
    after.updated_at = ctx.now()
    after.version++
    cards = cards.map((c) => (c.id === id ? after : c))
    ctx.audit('card', id, 'submit', auditValue(before), auditValue(after))
    return withDeadline(after)
  }

  function amend(id: string, input: CardInput, reason: string): Card {
    const errs: FieldError[] = []
    const why = reason.trim()
    if (!why) errs.push({ field: 'reason', message: '请填写更正原因' })
    else if (len(why) > 200) errs.push({ field: 'reason', message: '更正原因不能超过 200 个字' })
    check(input, true, errs)
    ctx.validation(errs)
    const before = find(id)
    if (before.status === 'draft') ctx.fail('conflict', '草稿可以直接修改，无需更正')
    if (input.feedback_on && before.filed_on && input.feedback_on > before.filed_on) {
      const m = `反馈日期不能晚于交回日期（${before.filed_on}）`
      ctx.fail('validation', m, [{ field: 'feedback_on', message: m }])
    }
    const after = structuredClone(before)
    apply(after, input, true, input.delegate_id !== before.delegate_id)
    const b = auditValue(before)
    const a = auditValue(after)
    const old: Record<string, JsonValue> = {}
    const neu: Record<string, JsonValue> = {}
    for (const k of Object.keys(a)) {
      if (k === 'updated_at' || k === 'version') continue
      if (JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k])) {
        old[k] = b[k] ?? null
        neu[k] = a[k] ?? null
      }
    }
    if (Object.keys(old).length === 0) ctx.fail('invalid', '记录卡内容没有变化，无需更正')
    after.amendment_count++
    after.updated_at = ctx.now()
    after.version++
    cards = cards.map((c) => (c.id === id ? after : c))
    const who = ctx.actor()
    const am: CardAmendment = { id: ctx.newId(), card_id: id, at: after.updated_at, actor: who.name, actor_role: who.role, reason: why, before: old, after: neu }
    amendments.push(am)
    ctx.audit('card', id, 'amend', auditValue(before), auditValue(after))
    ctx.audit('card_amendment', am.id, 'create', null, am)
    return withDeadline(after)
  }

  function discard(id: string) {
    const before = find(id)
    if (before.status === 'submitted') ctx.fail('conflict', '已提交的记录卡不能删除，如有错误请使用“更正”')
    cards = cards.filter((c) => c.id !== id)
    ctx.audit('card', id, 'delete', auditValue(before), null)
    return null
  }

  function recomputeDue() {
    for (const c of cards) setDue(c)
  }

  // ---- reads ----

  function listItem(c: Card): CardListItem {
    return {
      id: c.id,
      delegate_id: c.delegate_id,
      delegate_name: c.delegate_name,
      delegation_id: c.delegation_id,
      delegation_name: c.delegation_name,
      contact_date: c.contact_date,
      person_name: c.person_name,
      person_phone_masked: c.person_phone ? maskPhone(c.person_phone) : '',
      group_size: c.group_size,
      channel: c.channel,
      channel_other: c.channel_other,
      opinion_excerpt: [...c.opinion].slice(0, 60).join(''),
      feedback_on: c.feedback_on,
      filed_on: c.filed_on,
      status: c.status,
      due_on: c.due_on,
      deadline: stateOf(c),
      amendment_count: c.amendment_count,
      updated_at: c.updated_at,
    }
  }

  function list(q: CardQuery): Page<CardListItem> {
    const errs: FieldError[] = []
    if (q.from && !parseYmd(q.from)) errs.push({ field: 'from', message: '起始日期格式应为 YYYY-MM-DD，例如 2025-10-01' })
    if (q.to && !parseYmd(q.to)) errs.push({ field: 'to', message: '截止日期格式应为 YYYY-MM-DD，例如 2025-10-01' })
    ctx.validation(errs)
    const words = q.q.trim().split(/\s+/).filter(Boolean)
    let rows = cards.filter((c) => {
      const hay = `${c.opinion}\n${c.handling}\n${c.person_name}\n${c.delegate_name}`
      const st = stateOf(c)
      return (
        words.every((w) => hay.includes(w)) &&
        (!q.delegate_id || c.delegate_id === q.delegate_id) &&
        (!q.delegation_id || c.delegation_id === q.delegation_id) &&
        (!q.channel || c.channel === q.channel) &&
        (!q.from || c.contact_date >= q.from) &&
        (!q.to || c.contact_date <= q.to) &&
        (!q.status || c.status === q.status) &&
        (!q.late_only || st === 'filed_late' || st === 'overdue') &&
        (!q.deadline || st === q.deadline)
      )
    })
    const cmp = {
      contact_desc: (a: Card, b: Card) => b.contact_date.localeCompare(a.contact_date) || b.created_at.localeCompare(a.created_at),
      contact_asc: (a: Card, b: Card) => a.contact_date.localeCompare(b.contact_date) || a.created_at.localeCompare(b.created_at),
      due_asc: (a: Card, b: Card) => (a.due_on ?? '9999').localeCompare(b.due_on ?? '9999') || b.contact_date.localeCompare(a.contact_date),
      updated_desc: (a: Card, b: Card) => b.updated_at.localeCompare(a.updated_at),
    }[q.sort]
    rows = [...rows].sort(cmp)
    const size = Math.min(Math.max(q.page.page_size, 1), 200)
    const page = Math.max(q.page.page, 1)
    return { items: rows.slice((page - 1) * size, page * size).map(listItem), total: rows.length, page, page_size: size }
  }

  function counts(): CardCounts {
    const t = today()
    const year = t.slice(0, 4)
    const month = t.slice(0, 7)
    const st = (c: Card) => stateOf(c, t)
    return {
      drafts: cards.filter((c) => c.status === 'draft').length,
      due_soon: cards.filter((c) => st(c) === 'due_soon').length,
      overdue: cards.filter((c) => st(c) === 'overdue').length,
      filed_late_this_year: cards.filter((c) => st(c) === 'filed_late' && c.filed_on?.startsWith(year)).length,
      filed_this_month: cards.filter((c) => c.status === 'submitted' && c.filed_on?.startsWith(month)).length,
    }
  }

  function selected(sel: CardSelection): Card[] {
    if (sel.kind === 'ids') return sel.ids.map((id) => cards.find((c) => c.id === id) ?? ctx.fail('not_found', `找不到记录卡 ${id}`))
    if (sel.kind === 'all') return [...cards].sort((a, b) => a.contact_date.localeCompare(b.contact_date))
    const errs: FieldError[] = []
    if (!parseYmd(sel.from)) errs.push({ field: 'from', message: '起始日期格式应为 YYYY-MM-DD，例如 2025-10-01' })
    if (!parseYmd(sel.to)) errs.push({ field: 'to', message: '截止日期格式应为 YYYY-MM-DD，例如 2025-10-31' })
    else if (sel.to < sel.from) errs.push({ field: 'to', message: '截止日期不能早于起始日期' })
    ctx.validation(errs)
    return cards.filter((c) => c.contact_date >= sel.from && c.contact_date <= sel.to).sort((a, b) => a.contact_date.localeCompare(b.contact_date))
  }

  // ---- printing and export ----

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

  async function render(job: PrintJob, withBytes: boolean, path: string | null): Promise<PrintOutcome> {
    let url = blankPdfUrl
    let pages = 1
    const missing = new Set<string>()
    if (job.kind === 'blank') {
      if (!(job.copies >= 1 && job.copies <= 500)) ctx.fail('validation', '份数应在 1 到 500 之间', [{ field: 'copies', message: '份数应在 1 到 500 之间' }])
    } else {
      const list = selected(job.selection)
      if (list.length === 0) ctx.fail('invalid', '所选范围内没有记录卡')
      const long = list.length > 1 || list.some((c) => c.opinion.length + c.handling.length > 600)
      url = long ? longPdfUrl : filledPdfUrl
      pages = long ? 2 : 1
      for (const c of list) for (const ch of `${c.person_name}${c.opinion}${c.handling}${c.person_address}`) if (MISSING_GLYPHS.has(ch)) missing.add(ch)
    }
    return { pdf_base64: withBytes ? await pdfBase64(url) : '', path, page_count: pages, missing_chars: [...missing] }
  }

  function exportCards(format: string, sel: CardSelection, path: string) {
    if (!['json', 'csv', 'xlsx'].includes(format)) ctx.fail('invalid', `不支持的导出格式：${format}`)
    return { path, count: selected(sel).length }
  }

  // ---- calendar ----

  function overrideSet(date: string, kind: OverrideKind, note: string) {
    const n = note.trim()
    const errs: FieldError[] = []
    const d = parseYmd(date)
    if (!d) errs.push({ field: 'date', message: '日期格式应为 YYYY-MM-DD，例如 2025-10-01' })
    else if (d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100) errs.push({ field: 'date', message: '日期应在 2000 年至 2100 年之间' })
    if (len(n) > 100) errs.push({ field: 'note', message: '备注不能超过 100 个字' })
    ctx.validation(errs)
    const before = cal.overrides.get(date)
    if (before && before.kind === kind && before.note === n) return before
    const t = ctx.now()
    const after = { date, kind, note: n, created_at: before?.created_at ?? t, updated_at: t, updated_by: ctx.actor().name, version: (before?.version ?? 0) + 1 }
    cal.overrides.set(date, after)
    ctx.audit('calendar', date, before ? 'update' : 'create', before ?? null, after)
    recomputeDue()
    return after
  }

  function overrideRemove(date: string) {
    const before = cal.overrides.get(date) ?? ctx.fail('not_found', `${date} 没有自定的上班或放假安排`)
    cal.overrides.delete(date)
    ctx.audit('calendar', date, 'delete', before, null)
    recomputeDue()
    return null
  }

  // ---- demo cards ----

  function loadDemo() {
    const ids = ctx.activeDelegateIds()
    if (ids.length === 0) return
    const t = today()
    let seed = 20251009
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return Math.floor(seed / 65536) % n
    }
    const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!
    const back = (n: number) => addDays(t, -n)
    const channels: Channel[] = ['studio', 'online', 'appointment', 'home_visit', 'other']
    const statuses: PoliticalStatus[] = ['party_member', 'party_member', 'party_member', 'probationary_member', 'league_member', 'masses', 'democratic_party', 'independent']
    type Scenario = 'open' | 'overdue' | 'due_soon' | 'on_time' | 'filed' | 'filed_late'
    const scenarios: Scenario[] = ['open', 'overdue', 'due_soon', 'on_time', 'filed', 'filed_late', 'filed', 'filed', 'open', 'filed']
    const filedIds: string[] = []
    for (let i = 0; i < 46; i++) {
      const scenario = i < 3 ? (['overdue', 'due_soon', 'open'] as Scenario[])[i]! : scenarios[i % scenarios.length]!
      const [opinion, handling] = DEMO_TEXTS[i % DEMO_TEXTS.length]!
      let contact: string
      let feedback: string | null = null
      switch (scenario) {
        case 'open':
          contact = back(rnd(8))
          break
        case 'overdue':
          feedback = back(12 + rnd(30))
          contact = addDays(feedback, -rnd(6))
          break
        case 'due_soon': {
          let f = t
          for (let k = 0; k < 12; k++) {
            const cand = back(k)
            const due = cal.addWorkdays(cand, 3)
            if (t <= due && due < cal.addWorkdays(t, 2)) {
              f = cand
              break
            }
          }
          feedback = f
          contact = addDays(f, -rnd(4))
          break
        }
        case 'on_time':
          feedback = t
          contact = back(rnd(4))
          break
        default:
          contact = back(20 + rnd(330))
          feedback = addDays(contact, rnd(9))
          if (feedback > t) feedback = t
      }
      const gender: Gender = rnd(2) ? 'male' : 'female'
      const channel = channels[i % channels.length]!
      const [unit, age0, age1] = pick(PERSON_UNITS)
      const input: CardInput = {
        delegate_id: ids[(i * 7 + rnd(ids.length)) % ids.length]!,
        refresh_snapshot: false,
        contact_date: contact,
        person_name: i === 4 ? '陈䶮' : `${pick(SURNAMES)}${pick(gender === 'male' ? GIVEN_M : GIVEN_F)}`,
        person_gender: gender,
        person_age: i % 11 === 5 ? null : age0 + rnd(age1 - age0),
        person_political_status: i % 13 === 7 ? null : pick(statuses),
        person_unit_position: unit,
        person_phone: i % 9 === 8 ? `0535-66${String(rnd(100000)).padStart(5, '0')}` : `${pick(['138', '139', '150', '186', '187'])}${String(rnd(100_000_000)).padStart(8, '0')}`,
        person_address: rnd(2) ? `学校家属院${1 + rnd(19)}号楼${1 + rnd(3)}单元${101 + rnd(600)}室` : `南区${1 + rnd(11)}号宿舍楼${101 + rnd(500)}室`,
        group_size: i % 7 === 3 ? 2 + rnd(12) : 1,
        channel,
        channel_other: channel === 'other' ? pick(['电话联系', '座谈会', '微信联系', '来信']) : '',
        opinion,
        handling: scenario === 'open' ? (i % 2 ? '' : '已记录，正在与相关部门沟通了解情况。') : handling,
        feedback_on: feedback,
      }
      const c = create(input)
      if (scenario === 'filed' || scenario === 'filed_late') {
        const f = feedback ?? contact
        let filed = cal.addWorkdays(f, scenario === 'filed_late' ? 4 + rnd(8) : rnd(4))
        if (filed > t) filed = t
        submit(c.id, filed)
        filedIds.push(c.id)
      }
    }
    // Two corrections, so a card shows its original values.
    const [a, b] = [filedIds[1], filedIds[5]]
    if (a) {
      const c = find(a)
      amend(a, { ...inputOf(c), person_phone: '13953512876' }, '联系电话记录有误，经本人确认后更正')
      const c2 = find(a)
      amend(a, { ...inputOf(c2), handling: `${c2.handling}（补记：已于反馈后一周电话回访，本人表示满意。）`, person_age: (c2.person_age ?? 40) + 1 }, '补记回访情况，年龄按身份证更正')
    }
    if (b) {
      const c = find(b)
      amend(b, { ...inputOf(c), channel: 'appointment', channel_other: '' }, '联系形式勾选有误')
    }
  }

  function inputOf(c: Card): CardInput {
    return {
      delegate_id: c.delegate_id,
      refresh_snapshot: false,
      contact_date: c.contact_date,
      person_name: c.person_name,
      person_gender: c.person_gender,
      person_age: c.person_age,
      person_political_status: c.person_political_status,
      person_unit_position: c.person_unit_position,
      person_phone: c.person_phone,
      person_address: c.person_address,
      group_size: c.group_size,
      channel: c.channel,
      channel_other: c.channel_other,
      opinion: c.opinion,
      handling: c.handling,
      feedback_on: c.feedback_on,
    }
  }

  type Args = Record<string, unknown>
  const arg = <T>(a: Args | undefined, k: string) => a?.[k] as T

  /** The answer to `cmd`, or `undefined` when the command is not one of these. */
  async function handle(cmd: string, a: Args | undefined): Promise<unknown> {
    switch (cmd) {
      case 'cards_list':
        return list(arg(a, 'query'))
      case 'card_counts':
        return counts()
      case 'card_get':
        return withDeadline(find(arg(a, 'id')))
      case 'card_delegate_snapshot': {
        const { left_on: _l, ...s } = snapshot(arg(a, 'delegateId'))
        void _l
        return s
      }
      case 'card_create':
        return create(arg(a, 'input'))
      case 'card_update':
        return update(arg(a, 'id'), arg(a, 'input'))
      case 'card_submit':
        return submit(arg(a, 'id'), arg(a, 'filedOn'))
      case 'card_amend':
        return amend(arg(a, 'id'), arg(a, 'input'), arg(a, 'reason'))
      case 'card_discard':
        return discard(arg(a, 'id'))
      case 'card_amendments':
        return amendments.filter((x) => x.card_id === arg(a, 'id'))
      case 'print_preview':
        return render(arg(a, 'job'), true, null)
      case 'print_save':
        return render(arg(a, 'job'), false, arg(a, 'path'))
      case 'print_open': {
        const out = await render(arg(a, 'job'), false, null)
        return { ...out, path: '/home/studio/.cache/cn.delegatestudio.desktop/print/记录卡.pdf' }
      }
      case 'cards_export':
        return exportCards(arg(a, 'format'), arg(a, 'selection'), arg(a, 'path'))
      case 'calendar_month': {
        const y = arg<number>(a, 'year')
        const m = arg<number>(a, 'month')
        const errs: FieldError[] = []
        if (!(y >= 2000 && y <= 2100)) errs.push({ field: 'year', message: '日期应在 2000 年至 2100 年之间' })
        if (!(m >= 1 && m <= 12)) errs.push({ field: 'month', message: '月份应在 1 到 12 之间' })
        ctx.validation(errs)
        return cal.month(y, m)
      }
      case 'calendar_overrides': {
        const y = arg<number | null>(a, 'year')
        return [...cal.overrides.values()].filter((o) => y === null || o.date.startsWith(`${y}-`)).sort((x, z) => x.date.localeCompare(z.date))
      }
      case 'calendar_override_set':
        return overrideSet(arg(a, 'date'), arg(a, 'kind'), arg(a, 'note'))
      case 'calendar_override_remove':
        return overrideRemove(arg(a, 'date'))
      case 'plugin:dialog|save': {
        const opts = arg<{ defaultPath?: string } | undefined>(a, 'options')
        return `/home/studio/文档/${opts?.defaultPath ?? '未命名.pdf'}`
      }
      default:
        return undefined
    }
  }

  return {
    handle,
    loadDemo,
    overrideSet,
    hasCommand: (cmd: string) => HANDLED.has(cmd),
    /** For the item ledger: the same calendar and the cards its items link to. */
    calendar: cal,
    card: (id: string) => cards.find((c) => c.id === id),
    cardIds: () => cards.filter((c) => c.opinion.trim()).map((c) => c.id),
  }
}

const HANDLED = new Set([
  'cards_list',
  'card_counts',
  'card_get',
  'card_delegate_snapshot',
  'card_create',
  'card_update',
  'card_submit',
  'card_amend',
  'card_discard',
  'card_amendments',
  'print_preview',
  'print_save',
  'print_open',
  'cards_export',
  'calendar_month',
  'calendar_overrides',
  'calendar_override_set',
  'calendar_override_remove',
  'plugin:dialog|save',
])

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗']
const GIVEN_M = ['建国', '志强', '海涛', '明', '伟', '晓东', '子轩', '浩然', '俊杰', '文博']
const GIVEN_F = ['晓梅', '丽娟', '静', '雪', '婷婷', '欣怡', '秀英', '玉兰', '思雨', '佳琪']
const PERSON_UNITS: [string, number, number][] = [
  ['计算机工程学院2022级本科生', 19, 23],
  ['化学化工学院硕士研究生', 22, 28],
  ['外国语学院讲师', 28, 45],
  ['机电与车辆工程学院副教授', 35, 55],
  ['经济管理学院辅导员', 26, 38],
  ['后勤管理处职工', 30, 58],
  ['图书馆馆员', 30, 56],
  ['离退休工作处退休教师', 61, 85],
]

/** (意见建议或问题, 处理意见及办理情况): the six kinds of item people raise. */
const DEMO_TEXTS: [string, string][] = [
  [
    '学校东门外人行道破损严重，雨天积水，师生上下课通行不便，存在安全隐患。希望学校与属地街道协调，尽快修复路面并完善排水设施。',
    '已将情况转交后勤保障处，并与属地街道沟通。后勤保障处答复：人行道修复纳入暑期维修计划，7月底前完成。已电话反馈本人，本人表示满意。',
  ],
  [
    '想了解新修订的《中国共产党纪律处分条例》对党员参加网络活动有哪些具体要求，支部学习时希望能有辅导材料。',
    '向其解读了条例中有关网络言行的条款，并协调组织部将辅导材料发至各支部。已当面反馈。',
  ],
  [
    '学院教工党支部组织生活形式较单一，青年教师党员参加积极性不高，建议结合学科特点开展“党建+业务”活动。',
    '与学院党委沟通，建议支部结合科研团队开展主题党日，组织部已将该做法列入示范支部创建内容。已反馈本人。',
  ],
  [
    '食堂晚餐供应时间较短，参加实验课和社团活动的同学经常吃不上热饭，希望延长供应时间或增开夜宵窗口。',
    '与后勤管理处协商，南区食堂晚间增开两个窗口供应至晚上八点半。已在工作室向同学们反馈，同学们表示满意。',
  ],
  [
    '反映所在支部在推荐入党积极分子时没有召开党员大会讨论，程序不够规范，希望上级党组织予以关注。',
    '向学院党委了解核实，学院已责成该支部按程序重新召开支部党员大会讨论推荐。已向本人反馈核查和整改情况。',
  ],
  [
    '家中老人患病住院，医疗费用负担较重，生活遇到困难，希望学校能给予帮助。',
    '与校工会联系，按程序为其申请困难职工帮扶救助金3000元，并组织部门同事上门慰问。已反馈本人。',
  ],
  [
    '图书馆自习座位在考试周非常紧张，存在占座现象，建议推行座位预约制度。',
    '与图书馆沟通，座位预约系统已于本学期上线，考试周增开4间自习教室。已在网上工作室答复。',
  ],
  [
    '新校区到市区的公交末班车时间太早，周末返校的同学经常赶不上，希望协调延长运营时间。',
    '学校已向市交通运输部门发函协调，公交公司答复新学期末班车调整至晚上九点。已反馈本人。',
  ],
]
