// The mock backend's item ledger (意见台账), `npm run dev:mock`. Same commands and shapes as
// studio-core's items module; the status flow, deadlines in working days with pauses and extensions,
// the append-only timeline and the Chinese messages follow items/mod.rs. Dates are "today" in
// Asia/Shanghai.
import type {
  CardStatus,
  FieldError,
  Item,
  ItemAction,
  ItemCategory,
  ItemCounts,
  ItemDeadlines,
  ItemDeadlineState,
  ItemDelegate,
  ItemDetail,
  ItemEvent,
  ItemEventKind,
  ItemInput,
  ItemListItem,
  ItemQuery,
  ItemSource,
  ItemStatus,
  JsonValue,
  Page,
  Role,
  Satisfaction,
  SimilarItem,
} from '../src/api/types'
import { addDays, MockCalendar, parseYmd } from './mock-calendar'

export interface ItemsMockContext {
  fail(code: string, message: string, fields?: FieldError[]): never
  validation(errors: FieldError[]): void
  audit(entity: string, rowId: string, action: string, before: object | null, after: object | null): void
  newId(): string
  now(): string
  actor(): { name: string; role: 'admin' | 'system' }
  calendar: MockCalendar
  delegate(id: string): { id: string; name: string; delegation_id: string; status: string } | undefined
  delegationName(id: string): string
  headName(delegationId: string): string
  activeDelegateIds(): string[]
  card(id: string): { id: string; status: CardStatus; opinion: string; person_name: string; person_phone: string; person_address: string; delegate_id: string; contact_date: string } | undefined
  cardIds(): string[]
}

const SHANGHAI_MS = 8 * 3600_000
const today = () => new Date(Date.now() + SHANGHAI_MS).toISOString().slice(0, 10)
const len = (s: string) => [...s].length

function maskPhone(s: string): string {
  const c = [...s]
  if (c.length < 7) return '*'.repeat(c.length)
  return c.slice(0, 3).join('') + '*'.repeat(c.length - 7) + c.slice(-4).join('')
}

const STATUS_LABEL: Record<ItemStatus, string> = {
  received: '受理',
  assigned: '交办',
  in_progress: '办理中',
  answered: '已答复',
  fed_back: '已反馈',
  closed: '办结',
  declined: '不予受理',
}
const ACTION_LABEL: Record<ItemAction['kind'], string> = {
  refer: '交办',
  referral_answer: '承办单位答复',
  start: '开始办理',
  answer: '答复',
  feedback: '反馈',
  follow_up: '回访',
  decline: '不予受理',
  pause: '待补充',
  resume: '恢复办理',
  extend: '延期',
  chase: '催办',
  escalate: '上报组织部',
  note: '备注',
}

/** A demo step: its day is optional (the previous step's by default). */
type Step = { [K in ItemAction['kind']]: Omit<Extract<ItemAction, { kind: K }>, 'on'> & { on?: string } }[ItemAction['kind']]

interface Stored extends Item {
  /** Received, or the day it was reopened: where the deadline counts from. */
  start_on: string
}

export function createItemsMock(ctx: ItemsMockContext) {
  const cal = ctx.calendar
  let items: Stored[] = []
  const events: ItemEvent[] = []
  let settings: ItemDeadlines = {
    policy_inquiry: 5,
    implementation: 15,
    party_building: 15,
    public_opinion: 10,
    rights: 10,
    hardship: 10,
    long_pause_days: 10,
  }
  const seqByYear = new Map<string, number>()
  /** Demo writes are dated by the caller; `null` = the real clock. */
  let demoActor: { name: string; role: Role } | null = null
  /** The day demo steps happen on (real today otherwise). */
  let demoDay: string | null = null
  const stepDay = () => demoDay ?? today()

  const actor = (): { name: string; role: Role } => demoActor ?? ctx.actor()
  const limitOf = (c: ItemCategory) => settings[c]

  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  function workdaysBetween(from: string, to: string): number {
    if (from === to) return 0
    const sign = to > from ? 1 : -1
    const [a, b] = sign > 0 ? [from, to] : [to, from]
    let n = 0
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (cal.isWorkday(d)) n++
    return sign * n
  }

  function recompute(it: Stored) {
    if (it.status === 'declined') {
      it.due_on = null
      return
    }
    it.due_on = cal.addWorkdays(it.start_on, it.limit_days + it.extension_days + it.paused_days)
  }

  function deadlineOf(it: Stored, day = today()): { deadline: ItemDeadlineState; days_left: number | null } {
    if (it.status === 'declined' || !it.due_on) return { deadline: 'none', days_left: null }
    if (!['received', 'assigned', 'in_progress'].includes(it.status)) {
      const on = it.answered_on ?? day
      return { deadline: on > it.due_on ? 'late' : 'met', days_left: null }
    }
    if (it.paused_since) return { deadline: 'paused', days_left: null }
    const left = workdaysBetween(day, it.due_on)
    if (day > it.due_on) return { deadline: 'overdue', days_left: left }
    return { deadline: left <= 3 ? 'due_soon' : 'on_track', days_left: left }
  }

  function filingDue(it: Stored): string | null {
    if (!it.fed_back_on) return null
    const card = it.card_id ? ctx.card(it.card_id) : undefined
    if (!card || card.status === 'submitted') return null
    return cal.addWorkdays(it.fed_back_on, 3)
  }

  const view = (it: Stored): Item => {
    const { start_on: _s, ...rest } = structuredClone(it)
    void _s
    return { ...rest, ...deadlineOf(it), card_filing_due_on: filingDue(it) }
  }

  function listItem(it: Stored): ItemListItem {
    const d = deadlineOf(it)
    return {
      id: it.id,
      no: it.no,
      category: it.category,
      status: it.status,
      source: it.source,
      title: it.title,
      person_name: it.person_name,
      person_phone_masked: it.person_phone ? maskPhone(it.person_phone) : '',
      first_responder: it.first_responder,
      delegate_names: it.delegates.map((x) => x.name).join('、'),
      referral_unit: it.referral?.unit ?? '',
      received_on: it.received_on,
      due_on: it.due_on,
      paused_since: it.paused_since,
      deadline: d.deadline,
      days_left: d.days_left,
      escalated: it.escalated,
      chase_count: it.chase_count,
      updated_at: it.updated_at,
    }
  }

  function find(id: string): Stored {
    return items.find((x) => x.id === id) ?? ctx.fail('not_found', '找不到该事项')
  }

  function event(it: Stored, kind: ItemEventKind, on: string, text: string, data: Record<string, JsonValue> = {}) {
    const a = actor()
    const at = demoActor ? new Date(Date.parse(`${on}T01:00:00Z`) + events.length * 61_000).toISOString() : ctx.now()
    events.push({ id: ctx.newId(), item_id: it.id, at, on, actor: a.name, actor_role: a.role, kind, status: it.status, text, data })
  }

  // ---- validation ----

  function dateOf(errs: FieldError[], field: string, label: string, v: string, min?: string): string {
    const s = v.trim()
    if (!s) return stepDay()
    if (!parseYmd(s)) errs.push({ field, message: `${label}格式应为 YYYY-MM-DD，例如 2025-10-01` })
    else if (s > today()) errs.push({ field, message: `${label}不能晚于今天` })
    else if (min && s < min) errs.push({ field, message: `${label}不能早于受理日期 ${min}` })
    return s
  }

  function check(input: ItemInput) {
    const errs: FieldError[] = []
    const add = (field: string, message: string) => {
      if (!errs.some((e) => e.field === field)) errs.push({ field, message })
    }
    if (!input.category) add('category', '请选择问题类别')
    if (!input.source) add('source', '请选择来源')
    const title = input.title.trim()
    if (!title) add('title', '请填写标题')
    else if (len(title) > 60) add('title', '标题不能超过 60 个字')
    const content = input.content.trim()
    if (!content) add('content', '请填写内容')
    else if (len(content) > 5000) add('content', '内容不能超过 5000 个字')
    const person_name = input.person_name.trim()
    if (len(person_name) > 20) add('person_name', '反映人姓名不能超过 20 个字')
    const phone = input.person_phone.replace(/[\s-]/g, '')
    if (phone && !/^1[3-9]\d{9}$/.test(phone) && !/^0\d{2,3}-?[1-9]\d{6,7}(-\d{1,6})?$/.test(input.person_phone.trim()))
      add('person_phone', '联系电话应为 11 位手机号码或带区号的固定电话，例如 13812345678 或 0536-8785123')
    const contact = input.person_contact.trim()
    if (len(contact) > 100) add('person_contact', '通讯地址或电子邮箱不能超过 100 个字')
    const first = input.first_responder.trim() || actor().name
    if (len(first) > 20) add('first_responder', '首问责任人不能超过 20 个字')
    const ids = [...new Set(input.delegate_ids)]
    if (ids.length > 5) add('delegate_ids', '承办党代表最多 5 位')
    const delegates: ItemDelegate[] = []
    for (const id of ids) {
      const d = ctx.delegate(id)
      if (!d) add('delegate_ids', '所选党代表不存在，请重新选择')
      else if (d.status !== 'active') add('delegate_ids', `${d.name} 已离任，不能承办`)
      else
        delegates.push({
          delegate_id: d.id,
          name: d.name,
          delegation_id: d.delegation_id,
          delegation_name: ctx.delegationName(d.delegation_id),
          head_name: ctx.headName(d.delegation_id),
        })
    }
    const received_on = dateOf(errs, 'received_on', '受理日期', input.received_on)
    ctx.validation(errs)
    return { category: input.category!, source: input.source!, title, content, person_name, person_phone: phone || input.person_phone.trim(), person_contact: contact, first_responder: first, delegates, received_on }
  }

  function notify(it: Stored, on: string, delegates: ItemDelegate[]) {
    const heads = [...new Set(delegates.map((d) => d.head_name).filter(Boolean))]
    if (delegates.length)
      event(it, 'notified', on, '', {
        delegates: delegates.map((d) => d.name),
        head_name: heads.join('、'),
      })
  }

  function create(input: ItemInput): Item {
    const v = check(input)
    if (input.card_id) {
      if (!ctx.card(input.card_id)) ctx.fail('validation', '所关联的记录卡不存在', [{ field: 'card_id', message: '所关联的记录卡不存在' }])
      if (items.some((x) => x.card_id === input.card_id)) ctx.fail('conflict', '该记录卡已登记到意见台账')
    }
    const year = v.received_on.slice(0, 4)
    const n = (seqByYear.get(year) ?? 0) + 1
    seqByYear.set(year, n)
    const t = ctx.now()
    const it: Stored = {
      id: ctx.newId(),
      no: `${year}-${String(n).padStart(4, '0')}`,
      ...v,
      status: 'received',
      card_id: input.card_id ?? null,
      referral: null,
      limit_days: limitOf(v.category),
      extension_days: 0,
      paused_days: 0,
      paused_since: null,
      due_on: null,
      answer: '',
      answered_on: null,
      feedback: '',
      fed_back_on: null,
      satisfaction: null,
      follow_up_note: '',
      closed_on: null,
      decline_reason: '',
      escalated: false,
      chase_count: 0,
      deadline: 'on_track',
      days_left: null,
      card_filing_due_on: null,
      created_at: t,
      updated_at: t,
      version: 1,
      start_on: v.received_on,
    }
    recompute(it)
    items.push(it)
    event(it, 'received', v.received_on, `首问责任人 ${it.first_responder}`, { limit_days: it.limit_days, due_on: it.due_on })
    if (it.card_id) event(it, 'card_linked', v.received_on, '关联记录卡', { card_id: it.card_id })
    notify(it, v.received_on, v.delegates)
    ctx.audit('item', it.id, 'create', null, view(it))
    return view(it)
  }

  function update(id: string, input: ItemInput): Item {
    const before = find(id)
    if (!before.status || before.status === 'closed' || before.status === 'declined')
      ctx.fail('conflict', `${STATUS_LABEL[before.status]}的事项不能修改，可在时间线上添加备注`)
    const v = check(input)
    const it = structuredClone(before)
    const changed: string[] = []
    const labels: Record<string, string> = { category: '类别', source: '来源', title: '标题', content: '内容', person_name: '提出人', person_phone: '联系电话', person_contact: '通讯地址', first_responder: '首问责任人', received_on: '受理日期' }
    for (const k of Object.keys(labels) as (keyof typeof labels)[]) {
      if ((before as unknown as Record<string, unknown>)[k] !== (v as unknown as Record<string, unknown>)[k]) changed.push(labels[k]!)
    }
    const newDelegates = v.delegates.filter((d) => !before.delegates.some((b) => b.delegate_id === d.delegate_id))
    if (JSON.stringify(before.delegates.map((d) => d.delegate_id)) !== JSON.stringify(v.delegates.map((d) => d.delegate_id))) changed.push('承办党代表')
    if (!changed.length) return view(before)
    Object.assign(it, v)
    if (before.received_on === before.start_on) it.start_on = v.received_on
    if (before.category !== v.category && before.status === 'received') it.limit_days = limitOf(v.category)
    recompute(it)
    it.updated_at = ctx.now()
    it.version++
    items = items.map((x) => (x.id === id ? it : x))
    event(it, 'edited', today(), '', { fields: changed })
    notify(it, today(), newDelegates)
    ctx.audit('item', id, 'update', view(before), view(it))
    return view(it)
  }

  // ---- the status flow ----

  function refuse(kind: ItemAction['kind'], it: Stored, why?: string): never {
    const st = `${STATUS_LABEL[it.status]}${it.paused_since ? '（待补充）' : ''}`
    return ctx.fail('invalid', `当前状态为「${st}」，不能进行「${ACTION_LABEL[kind]}」${why ?? ''}`)
  }

  function act(id: string, action: ItemAction): Item {
    const before = find(id)
    const it = structuredClone(before)
    const errs: FieldError[] = []
    const need = (field: string, label: string, v: string, max = 5000) => {
      const s = v.trim()
      if (!s) errs.push({ field, message: `请填写${label}` })
      else if (len(s) > max) errs.push({ field, message: `${label}不能超过 ${max} 个字` })
      return s
    }
    const open = it.status !== 'closed' && it.status !== 'declined'
    const beforeAnswer = ['received', 'assigned', 'in_progress'].includes(it.status)
    const paused = it.paused_since !== null
    const k = action.kind
    if (k !== 'note' && !open) refuse(k, it)
    if (paused && ['refer', 'start', 'answer', 'extend'].includes(k)) refuse(k, it, '，请先「恢复办理」')
    const dueBefore = it.due_on
    const DATE_LABEL: Partial<Record<ItemAction['kind'], string>> = {
      refer: '交办日期', start: '开始办理日期', decline: '不予受理日期', extend: '延期日期',
      chase: '催办日期', escalate: '上报日期', note: '备注日期',
    }
    const on = DATE_LABEL[k] ? dateOf(errs, 'on', DATE_LABEL[k]!, action.on, it.received_on) : stepDay()
    switch (action.kind) {
      case 'refer': {
        if (!beforeAnswer) refuse(k, it)
        const unit = need('unit', '承办单位', action.unit, 40)
        const due = action.due_on.trim()
        if (!due) errs.push({ field: 'due_on', message: '请填写承办单位的办理期限' })
        else if (!parseYmd(due)) errs.push({ field: 'due_on', message: '办理期限格式应为 YYYY-MM-DD，例如 2025-10-01' })
        else if (due < on) errs.push({ field: 'due_on', message: '办理期限不能早于今天' })
        ctx.validation(errs)
        const again = it.referral !== null
        it.referral = { unit, referred_on: on, due_on: due, answer: '', answered_on: null }
        if (it.status === 'received') it.status = 'assigned'
        event(it, 'refer', on, action.note.trim() || (again ? '改派' : ''), { unit, due_on: due })
        break
      }
      case 'referral_answer': {
        if (!it.referral) refuse(k, it, '该事项尚未交办，没有承办单位答复可记')
                const answer = need('answer', '承办单位答复', action.answer)
        const onA = dateOf(errs, 'on', '答复日期', action.on, it.referral!.referred_on)
        ctx.validation(errs)
        it.referral = { ...it.referral!, answer, answered_on: onA }
        event(it, 'referral_answer', onA, answer, { unit: it.referral.unit })
        break
      }
      case 'start':
        if (!['received', 'assigned'].includes(it.status)) refuse(k, it)
        it.status = 'in_progress'
        event(it, 'start', on, action.note.trim())
        break
      case 'answer': {
        if (!beforeAnswer) refuse(k, it)
        const answer = need('answer', '答复内容', action.answer)
        const on = dateOf(errs, 'on', '答复日期', action.on, it.received_on)
        ctx.validation(errs)
        it.status = 'answered'
        it.answer = answer
        it.answered_on = on
        event(it, 'answer', on, answer)
        break
      }
      case 'feedback': {
        if (it.status !== 'answered') refuse(k, it, it.answer ? undefined : '尚未答复，不能反馈')
        const feedback = need('feedback', '反馈情况', action.feedback)
        const on = dateOf(errs, 'on', '反馈日期', action.on, it.answered_on ?? it.received_on)
        ctx.validation(errs)
        it.status = 'fed_back'
        it.feedback = feedback
        it.fed_back_on = on
        event(it, 'feedback', on, feedback)
        break
      }
      case 'follow_up': {
        if (it.status !== 'fed_back') refuse(k, it, '须先答复并反馈提出人，才能回访办结')
        if (!['satisfied', 'basic', 'dissatisfied'].includes(action.satisfaction))
          errs.push({ field: 'satisfaction', message: '请选择满意度' })
        const note = action.note.trim()
        if (len(note) > 2000) errs.push({ field: 'note', message: '回访情况不能超过 2000 个字' })
        const on = dateOf(errs, 'on', '回访日期', action.on, it.fed_back_on ?? it.received_on)
        ctx.validation(errs)
        it.satisfaction = action.satisfaction
        it.follow_up_note = note
        event(it, 'follow_up', on, note, { satisfaction: action.satisfaction })
        if (action.satisfaction === 'dissatisfied') {
          it.status = 'in_progress'
          it.start_on = on
          it.limit_days = limitOf(it.category)
          it.extension_days = 0
          it.paused_days = 0
          it.answered_on = null
          it.fed_back_on = null
          recompute(it)
          event(it, 'reopened', on, '回访不满意，重新办理', { due_on_before: dueBefore, due_on_after: it.due_on })
        } else {
          it.status = 'closed'
          it.closed_on = on
          // the status of the follow_up entry is the status after it
          events[events.length - 1]!.status = 'closed'
        }
        break
      }
      case 'decline': {
        if (!['received', 'assigned'].includes(it.status)) refuse(k, it)
        const reason = need('reason', '不予受理的理由', action.reason, 2000)
        ctx.validation(errs)
        it.status = 'declined'
        it.decline_reason = reason
        it.paused_since = null
        it.due_on = null
        event(it, 'decline', on, reason)
        break
      }
      case 'pause': {
        if (!beforeAnswer) refuse(k, it)
        if (paused) refuse(k, it, '事项已在待补充')
        const on = dateOf(errs, 'on', '待补充日期', action.on, it.received_on)
        ctx.validation(errs)
        it.paused_since = on
        event(it, 'pause', on, action.note.trim())
        break
      }
      case 'resume': {
        if (!paused) refuse(k, it, '事项没有在待补充，无需恢复办理')
        const on = dateOf(errs, 'on', '恢复日期', action.on, it.paused_since!)
        ctx.validation(errs)
        const days = Math.max(0, workdaysBetween(it.paused_since!, on))
        it.paused_days += days
        it.paused_since = null
        recompute(it)
        event(it, 'resume', on, action.note.trim(), { days, due_on_before: dueBefore, due_on_after: it.due_on })
        break
      }
      case 'extend': {
        if (!beforeAnswer) refuse(k, it, '已答复的事项不能延期')
        if (!(Number.isInteger(action.days) && action.days >= 1 && action.days <= 60))
          errs.push({ field: 'days', message: '延期天数应在 1 到 60 个工作日之间' })
        const reason = need('reason', '延期理由', action.reason, 500)
        ctx.validation(errs)
        it.extension_days += action.days
        recompute(it)
        event(it, 'extend', on, reason, { days: action.days, due_on_before: dueBefore, due_on_after: it.due_on })
        break
      }
      case 'chase':
        it.chase_count++
        event(it, 'chase', on, action.note.trim(), { count: it.chase_count })
        break
      case 'escalate':
        if (it.escalated) refuse(k, it, '该事项已上报组织部')
        it.escalated = true
        event(it, 'escalate', on, action.note.trim())
        break
      case 'note': {
        const note = need('note', '备注', action.note, 2000)
        ctx.validation(errs)
        event(it, 'note', on, note)
        break
      }
    }
    it.updated_at = ctx.now()
    it.version++
    items = items.map((x) => (x.id === id ? it : x))
    ctx.audit('item', id, action.kind, view(before), view(it))
    return view(it)
  }

  // ---- reads ----

  function matches(it: Stored, q: ItemQuery, day: string): boolean {
    const words = q.q.trim().split(/\s+/).filter(Boolean)
    const hay = `${it.no}\n${it.title}\n${it.content}\n${it.answer}\n${it.feedback}\n${it.referral?.answer ?? ''}\n${it.person_name}`
    if (!words.every((w) => hay.includes(w))) return false
    if (q.status && it.status !== q.status) return false
    if (q.category && it.category !== q.category) return false
    if (q.source && it.source !== q.source) return false
    if (q.delegate_id && !it.delegates.some((d) => d.delegate_id === q.delegate_id)) return false
    if (q.delegation_id && !it.delegates.some((d) => d.delegation_id === q.delegation_id)) return false
    if (q.unit.trim() && !(it.referral?.unit ?? '').includes(q.unit.trim())) return false
    if (q.from && it.received_on < q.from) return false
    if (q.to && it.received_on > q.to) return false
    if (q.closed_from && !(it.closed_on && it.closed_on >= q.closed_from)) return false
    if (q.closed_to && !(it.closed_on && it.closed_on <= q.closed_to)) return false
    const open = it.status !== 'closed' && it.status !== 'declined'
    const st = deadlineOf(it, day).deadline
    switch (q.view) {
      case 'open':
        return open
      case 'due_soon':
        return st === 'due_soon'
      case 'overdue':
        return st === 'overdue'
      case 'paused':
        return open && it.paused_since !== null
      case 'long_paused':
        return open && it.paused_since !== null && workdaysBetween(it.paused_since, day) >= settings.long_pause_days
      case 'escalated':
        return open && it.escalated
      case 'unit_overdue':
        return (
          ['received', 'assigned', 'in_progress'].includes(it.status) &&
          !!it.referral &&
          !it.referral.answered_on &&
          it.referral.due_on < day
        )
      default:
        return true
    }
  }

  function list(q: ItemQuery): Page<ItemListItem> {
    const errs: FieldError[] = []
    if (q.from && !parseYmd(q.from)) errs.push({ field: 'from', message: '起始日期格式应为 YYYY-MM-DD，例如 2025-10-01' })
    if (q.to && !parseYmd(q.to)) errs.push({ field: 'to', message: '截止日期格式应为 YYYY-MM-DD，例如 2025-10-01' })
    ctx.validation(errs)
    const day = today()
    let rows = items.filter((it) => matches(it, q, day))
    const cmp = {
      received_desc: (a: Stored, b: Stored) => b.received_on.localeCompare(a.received_on) || b.no.localeCompare(a.no),
      received_asc: (a: Stored, b: Stored) => a.received_on.localeCompare(b.received_on) || a.no.localeCompare(b.no),
      due_asc: (a: Stored, b: Stored) => (a.due_on ?? '9999').localeCompare(b.due_on ?? '9999') || a.no.localeCompare(b.no),
      updated_desc: (a: Stored, b: Stored) => b.updated_at.localeCompare(a.updated_at),
    }[q.sort]
    rows = [...rows].sort(cmp)
    const size = Math.min(Math.max(q.page.page_size, 1), 200)
    const page = Math.max(q.page.page, 1)
    return { items: rows.slice((page - 1) * size, page * size).map(listItem), total: rows.length, page, page_size: size }
  }

  function counts(): ItemCounts {
    const day = today()
    const month = day.slice(0, 7)
    const base: ItemQuery = { q: '', status: null, category: null, source: null, delegate_id: null, delegation_id: null, unit: '', view: null, from: null, to: null, closed_from: null, closed_to: null, sort: 'received_desc', page: { page: 1, page_size: 1 } }
    const n = (view: ItemQuery['view']) => items.filter((it) => matches(it, { ...base, view }, day)).length
    return {
      open: n('open'),
      due_soon: n('due_soon'),
      overdue: n('overdue'),
      paused: n('paused'),
      long_paused: n('long_paused'),
      escalated: n('escalated'),
      unit_overdue: n('unit_overdue'),
      received_this_month: items.filter((it) => it.received_on.startsWith(month)).length,
      closed_this_month: items.filter((it) => it.closed_on?.startsWith(month)).length,
    }
  }

  const bigrams = (s: string) => {
    const t = s.replace(/[\s，。、；：！？,.;:!?“”"（）()《》]/g, '')
    const out = new Set<string>()
    for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2))
    return out
  }

  function similar(text: string, excludeId: string | null, limit: number | null): SimilarItem[] {
    const q = bigrams(text)
    if (q.size < 2) return []
    return items
      .filter((it) => it.id !== excludeId)
      .map((it) => {
        const b = bigrams(`${it.title}${it.content}`)
        let hit = 0
        for (const g of q) if (b.has(g)) hit++
        return { it, score: hit / Math.min(q.size, 40) }
      })
      .filter((x) => x.score >= 0.18)
      .sort((a, b) => b.score - a.score || b.it.received_on.localeCompare(a.it.received_on))
      .slice(0, limit ?? 5)
      .map(({ it }) => ({ id: it.id, no: it.no, title: it.title, category: it.category, status: it.status, received_on: it.received_on, excerpt: [...it.content].slice(0, 40).join('') }))
  }

  function detail(id: string): ItemDetail {
    const it = find(id)
    return {
      item: view(it),
      timeline: events.filter((e) => e.item_id === id).sort((a, b) => a.at.localeCompare(b.at)).map((e) => structuredClone(e)),
      card_status: it.card_id ? (ctx.card(it.card_id)?.status ?? null) : null,
    }
  }

  function fromCard(cardId: string, category: ItemCategory, title: string): Item {
    const c = ctx.card(cardId) ?? ctx.fail('not_found', '找不到该记录卡')
    if (!c.opinion.trim()) ctx.fail('invalid', '该记录卡没有填写意见建议，无需登记到意见台账')
    return create({
      category,
      source: 'card',
      title,
      content: c.opinion,
      person_name: c.person_name,
      person_phone: c.person_phone,
      person_contact: c.person_address,
      first_responder: '',
      delegate_ids: ctx.delegate(c.delegate_id)?.status === 'active' ? [c.delegate_id] : [],
      received_on: c.contact_date,
      card_id: cardId,
    })
  }

  function linkCard(itemId: string, cardId: string): Item {
    const it = find(itemId)
    if (!ctx.card(cardId)) ctx.fail('not_found', '找不到该记录卡')
    if (it.card_id) ctx.fail('conflict', '该事项已关联记录卡')
    if (items.some((x) => x.card_id === cardId)) ctx.fail('conflict', '该记录卡已关联其他事项')
    const before = view(it)
    it.card_id = cardId
    it.version++
    event(it, 'card_linked', today(), '关联记录卡', { card_id: cardId })
    ctx.audit('item', it.id, 'link_card', before, view(it))
    return view(it)
  }

  function saveDeadlines(input: ItemDeadlines): ItemDeadlines {
    const errs: FieldError[] = []
    const cats: [keyof ItemDeadlines, string][] = [
      ['policy_inquiry', '政策咨询'],
      ['implementation', '贯彻落实反映'],
      ['party_building', '党建意见建议'],
      ['public_opinion', '重大民意反映'],
      ['rights', '民主权利受侵害'],
      ['hardship', '困难帮扶请求'],
    ]
    for (const [k, label] of cats) {
      const v = input[k]
      if (!(Number.isInteger(v) && v >= 1 && v <= 90)) errs.push({ field: k, message: `${label}的办理时限应在 1 到 90 个工作日之间` })
    }
    if (!(Number.isInteger(input.long_pause_days) && input.long_pause_days >= 1 && input.long_pause_days <= 60))
      errs.push({ field: 'long_pause_days', message: '长期待补充的天数应在 1 到 60 个工作日之间' })
    ctx.validation(errs)
    const before = settings
    settings = { ...input }
    ctx.audit('settings', 'item_deadlines', 'update', before, settings)
    return { ...settings }
  }

  // ---- demo items ----

  function loadDemo() {
    const ids = ctx.activeDelegateIds()
    if (ids.length === 0) return
    const t = today()
    let seed = 20250315
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return Math.floor(seed / 65536) % n
    }
    const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!
    const back = (n: number) => addDays(t, -n)
    const clampToday = (d: string) => (d > t ? t : d)
    type Plot = 'new' | 'assigned' | 'in_progress' | 'due_soon' | 'overdue' | 'paused' | 'long_paused' | 'answered' | 'fed_back' | 'closed' | 'closed_basic' | 'reopened' | 'declined' | 'closed_month'
    const plots: Plot[] = [
      'overdue', 'due_soon', 'paused', 'closed', 'fed_back', 'in_progress', 'long_paused', 'answered', 'closed_month', 'assigned',
      'declined', 'closed_basic', 'reopened', 'new', 'overdue', 'closed', 'in_progress', 'closed_month', 'due_soon', 'closed',
      'fed_back', 'assigned', 'closed_basic', 'new', 'closed', 'overdue', 'answered', 'closed', 'in_progress', 'closed_month',
      'closed', 'declined', 'paused', 'closed', 'new', 'closed_basic', 'assigned', 'closed', 'in_progress', 'closed',
    ]
    const cardIds = ctx.cardIds()
    const linkedCards = new Set<string>()
    plots.forEach((plot, i) => {
      const [category, title, content, answer, unit] = DEMO_ITEMS[i % DEMO_ITEMS.length]!
      const responder = pick(RESPONDERS)
      demoActor = { name: responder, role: responder === '王明' ? 'admin' : 'liaison' }
      const limit = settings[category]
      let received: string
      switch (plot) {
        case 'new':
          received = back(rnd(3))
          break
        case 'due_soon': {
          received = back(1)
          for (let k = 1; k < 40; k++) {
            const due = cal.addWorkdays(back(k), limit)
            const left = workdaysBetween(t, due)
            if (left >= 1 && left <= 2) {
              received = back(k)
              break
            }
          }
          break
        }
        case 'overdue':
          received = back(limit * 2 + 10 + rnd(20))
          break
        case 'in_progress':
        case 'assigned':
          received = back(2 + rnd(6))
          break
        case 'paused':
          received = back(6 + rnd(4))
          break
        case 'long_paused':
          received = back(40 + rnd(10))
          break
        case 'answered':
        case 'fed_back':
        case 'reopened':
          received = back(limit + 8 + rnd(12))
          break
        case 'closed_month':
          received = back(Math.min(Number(t.slice(8, 10)) - 1, 3) + 18 + rnd(5))
          break
        default:
          received = back(30 + rnd(300))
      }
      const source: ItemSource = (['card', 'hotline', 'online', 'kiosk', 'appointment', 'survey', 'card', 'online'] as ItemSource[])[i % 8]!
      const gender = rnd(2)
      const person = `${pick(SURNAMES)}${pick(gender ? GIVEN_M : GIVEN_F)}`
      let cardId: string | null = null
      if (source === 'card') {
        const free = cardIds.filter((c) => !linkedCards.has(c) && (ctx.card(c)?.contact_date ?? '9') <= received)
        cardId = free.length ? pick(free) : null
        if (cardId) linkedCards.add(cardId)
      }
      const delegateIds = i % 5 === 4 ? [] : i % 7 === 2 ? [pick(ids), pick(ids)] : [pick(ids)]
      const it = create({
        category,
        source: cardId ? 'card' : source === 'card' ? 'hotline' : source,
        title,
        content,
        person_name: i % 11 === 6 ? '' : person,
        person_phone: i % 11 === 6 ? '' : `${pick(['138', '139', '150', '186', '187', '157'])}${String(rnd(100_000_000)).padStart(8, '0')}`,
        person_contact: rnd(3) === 0 ? `${person ? 'user' + rnd(999) : 'anon'}@ldu.edu.cn` : pick(ADDRESSES),
        first_responder: responder,
        delegate_ids: [...new Set(delegateIds)],
        received_on: received,
        card_id: cardId,
      })
      const s = find(it.id)
      const cur = () => find(it.id)
      const day = (n: number) => clampToday(cal.addWorkdays(received, n))
      const stepOn = (n: number) => day(n)
      let lastDay = received
      const run = (step: Step, on?: string) => {
        demoDay = on ?? (step.on || lastDay)
        act(s.id, { ...step, on: demoDay } as ItemAction)
        lastDay = demoDay
      }
      const refer = () => run({ kind: 'refer', unit, due_on: cal.addWorkdays(day(1), 7), note: '请于期限内书面答复工作室' }, day(1))
      const toAnswered = (late: boolean) => {
        if (unit && i % 2 === 0) {
          refer()
          run({ kind: 'referral_answer', answer: `${unit}答复：${answer}`, on: stepOn(Math.min(limit - 1, 3)) })
        } else if (cur().status === 'received' || cur().status === 'assigned') run({ kind: 'start', note: '' }, day(1))
        run({ kind: 'answer', answer, on: late ? day(limit + 3) : stepOn(Math.max(1, limit - 2)) })
      }
      switch (plot) {
        case 'new':
          break
        case 'assigned':
          refer()
          break
        case 'in_progress':
        case 'due_soon':
          run({ kind: 'start', note: '已与相关部门联系，了解情况中' }, day(1))
          if (plot === 'due_soon') run({ kind: 'chase', note: '电话提醒承办党代表抓紧办理' }, t)
          break
        case 'overdue':
          if (unit) refer()
          else run({ kind: 'start', note: '' }, day(1))
          run({ kind: 'extend', days: 5, reason: '需待下月校长办公会研究，申请延期' }, day(limit - 1))
          run({ kind: 'chase', note: '已超过办结期限，电话催办' }, day(limit + 7))
          if (i % 2 === 0) run({ kind: 'chase', note: '再次催办，要求本周内书面答复' }, back(1))
          if (i === 14) run({ kind: 'escalate', note: '多次催办未果，上报组织部协调' }, t)
          break
        case 'paused':
          run({ kind: 'start', note: '' }, day(1))
          run({ kind: 'pause', note: '需提出人补充具体地点和照片', on: back(2) })
          break
        case 'long_paused':
          run({ kind: 'start', note: '' }, day(1))
          run({ kind: 'pause', note: '提出人外出调研，待返校后补充相关材料', on: day(3) })
          run({ kind: 'escalate', note: '长期待补充，报组织部掌握' }, back(1))
          break
        case 'answered':
          toAnswered(false)
          break
        case 'fed_back':
          toAnswered(false)
          run({ kind: 'feedback', feedback: '已电话告知提出人办理结果，提出人表示理解。', on: clampToday(addDays(cur().answered_on!, 1)) })
          break
        case 'closed':
        case 'closed_basic':
        case 'closed_month': {
          if (i % 6 === 3) {
            run({ kind: 'start', note: '' }, day(1))
            run({ kind: 'pause', note: '待提出人补充医疗费用票据', on: day(1) })
            run({ kind: 'resume', note: '提出人已补齐材料', on: day(4) })
          }
          toAnswered(i % 9 === 5)
          const fb = clampToday(addDays(cur().answered_on!, 1 + rnd(3)))
          run({ kind: 'feedback', feedback: pick(FEEDBACKS), on: fb })
          const sat: Satisfaction = plot === 'closed_basic' ? 'basic' : 'satisfied'
          const fu = plot === 'closed_month' ? clampToday(`${t.slice(0, 7)}-${String(1 + rnd(Math.max(1, Number(t.slice(8, 10))))).padStart(2, '0')}`) : clampToday(addDays(fb, 3 + rnd(5)))
          run({ kind: 'follow_up', satisfaction: sat, note: sat === 'basic' ? '基本满意，希望后续持续关注' : '提出人对办理结果表示满意', on: fu < fb ? fb : fu })
          break
        }
        case 'reopened':
          toAnswered(false)
          run({ kind: 'feedback', feedback: '已当面反馈办理结果。', on: clampToday(addDays(cur().answered_on!, 1)) })
          run({ kind: 'follow_up', satisfaction: 'dissatisfied', note: '提出人认为问题没有根本解决，要求进一步处理', on: clampToday(addDays(cur().fed_back_on!, 2)) })
          run({ kind: 'note', note: '已与后勤管理处再次沟通，约定现场查看' }, t)
          break
        case 'declined':
          run({ kind: 'decline', reason: '所反映问题属于司法程序处理范围，已告知提出人通过法定途径解决。' }, day(2))
          break
      }
    })
    demoActor = null
    demoDay = null
  }

  type Args = Record<string, unknown>
  const arg = <T>(a: Args | undefined, k: string) => a?.[k] as T

  function handle(cmd: string, a: Args | undefined): unknown {
    switch (cmd) {
      case 'items_list':
        return list(arg(a, 'query'))
      case 'item_counts':
        return counts()
      case 'item_get':
        return detail(arg(a, 'id'))
      case 'item_for_card': {
        const it = items.find((x) => x.card_id === arg<string>(a, 'cardId'))
        return it ? listItem(it) : null
      }
      case 'item_create':
        return create(arg(a, 'input'))
      case 'item_update':
        return update(arg(a, 'id'), arg(a, 'input'))
      case 'item_create_from_card':
        return fromCard(arg(a, 'cardId'), arg(a, 'category'), arg(a, 'title'))
      case 'item_link_card':
        return linkCard(arg(a, 'itemId'), arg(a, 'cardId'))
      case 'item_act':
        return act(arg(a, 'id'), arg(a, 'action'))
      case 'items_similar':
        return similar(arg(a, 'text'), arg(a, 'excludeId'), arg(a, 'limit'))
      case 'item_deadlines':
        return { ...settings }
      case 'item_deadlines_save':
        return saveDeadlines(arg(a, 'input'))
      case 'items_export': {
        const format = arg<string>(a, 'format')
        if (!['json', 'csv', 'xlsx'].includes(format)) ctx.fail('invalid', `不支持的导出格式：${format}`)
        const from = arg<string | null>(a, 'from')
        const to = arg<string | null>(a, 'to')
        const count = items.filter((it) => (!from || it.received_on >= from) && (!to || it.received_on <= to)).length
        return { path: arg(a, 'path'), count }
      }
      default:
        return undefined
    }
  }

  return { handle, loadDemo, hasCommand: (cmd: string) => HANDLED.has(cmd) }
}

const HANDLED = new Set([
  'items_list',
  'item_counts',
  'item_get',
  'item_for_card',
  'item_create',
  'item_update',
  'item_create_from_card',
  'item_link_card',
  'item_act',
  'items_similar',
  'item_deadlines',
  'item_deadlines_save',
  'items_export',
])

const RESPONDERS = ['王明', '王明', '李静', '赵晓燕', '孙立新']
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗']
const GIVEN_M = ['建国', '志强', '海涛', '明', '伟', '晓东', '子轩', '浩然', '俊杰', '文博']
const GIVEN_F = ['晓梅', '丽娟', '静', '雪', '婷婷', '欣怡', '秀英', '玉兰', '思雨', '佳琪']
const ADDRESSES = ['学校家属院3号楼2单元402室', '南区7号宿舍楼315室', '北区教工宿舍12号楼', '计算机工程学院办公楼305', '图书馆三楼办公室', '']
const FEEDBACKS = [
  '已电话向提出人反馈办理结果，提出人表示认可。',
  '在工作室当面反馈，并将承办单位书面答复复印件交本人。',
  '通过网上工作室留言答复，并电话确认本人已看到。',
  '党代表上门反馈办理情况，提出人表示感谢。',
]

/** (category, title, content, answer, referral unit) — what people raise at a university studio. */
const DEMO_ITEMS: [ItemCategory, string, string, string, string][] = [
  ['implementation', '东门外人行道破损积水', '学校东门外人行道破损严重，雨天积水，师生上下课通行不便，存在安全隐患。希望学校与属地街道协调，尽快修复路面并完善排水设施。', '后勤管理处已与属地街道协调，人行道修复和排水改造纳入暑期维修计划，7月底前完成。', '后勤管理处'],
  ['policy_inquiry', '纪律处分条例对网络言行的要求', '想了解新修订的《中国共产党纪律处分条例》对党员参加网络活动有哪些具体要求，支部学习时希望能有辅导材料。', '已向其解读条例中有关网络言行的条款，组织部将辅导材料发至各支部。', ''],
  ['party_building', '教工支部组织生活形式单一', '学院教工党支部组织生活形式较单一，青年教师党员参加积极性不高，建议结合学科特点开展“党建+业务”活动。', '学院党委已指导支部结合科研团队开展主题党日，组织部将该做法列入示范支部创建内容。', '党委组织部'],
  ['public_opinion', '食堂晚餐供应时间短', '食堂晚餐供应时间较短，参加实验课和社团活动的同学经常吃不上热饭，希望延长供应时间或增开夜宵窗口。', '南区食堂晚间增开两个窗口，供应时间延长至晚上八点半。', '后勤管理处'],
  ['rights', '入党积极分子推荐程序不规范', '反映所在支部在推荐入党积极分子时没有召开党员大会讨论，程序不够规范，希望上级党组织予以关注。', '学院党委核实后责成该支部按程序重新召开支部党员大会讨论推荐。', '党委组织部'],
  ['hardship', '老人住院医疗费用负担重', '家中老人患病住院，医疗费用负担较重，生活遇到困难，希望学校能给予帮助。', '校工会按程序为其申请困难职工帮扶救助金3000元，并组织上门慰问。', '工会'],
  ['public_opinion', '图书馆考试周座位紧张', '图书馆自习座位在考试周非常紧张，存在占座现象，建议推行座位预约制度。', '座位预约系统已于本学期上线，考试周增开4间自习教室。', '图书馆'],
  ['implementation', '新校区公交末班车过早', '新校区到市区的公交末班车时间太早，周末返校的同学经常赶不上，希望协调延长运营时间。', '学校已向市交通运输部门发函，公交公司答复新学期末班车调整至晚上九点。', '党委办公室'],
  ['implementation', '东门人行道雨后又积水', '东门外人行道上次修补后，最近下雨又出现大面积积水，部分路砖松动，夜间行走容易绊倒。', '后勤管理处已安排对松动路砖重新铺设，并加装两处雨水篦子。', '后勤管理处'],
  ['policy_inquiry', '青年教师职称评审政策', '青年教师想了解今年职称评审中教学业绩和科研成果如何折算，是否有代表性成果评价的新规定。', '人事处已在校内网发布评审细则解读，并将于下周举办政策宣讲会。', '人事处'],
  ['party_building', '学生党员教育管理建议', '建议在学生党员中推行“一名党员联系一个宿舍”，把党员先锋作用落到日常生活中。', '学生工作处采纳该建议，在三个学院先行试点。', '学生工作处'],
  ['hardship', '研究生因病休学生活困难', '研究生因病休学，家庭经济困难，医疗费用较高，希望学校给予临时困难补助。', '学生工作处已为其办理临时困难补助，并协助申请大病医疗保险报销。', '学生工作处'],
  ['public_opinion', '宿舍热水供应不稳定', '南区宿舍热水供应经常中断，冬季洗澡很不方便，希望尽快检修热水系统。', '后勤管理处已更换南区热水循环泵，并公布报修电话。', '后勤管理处'],
  ['rights', '民主评议党员未公开结果', '所在支部民主评议党员结束后一直未公开评议结果，党员的知情权没有得到保障。', '经核实，支部已按规定在党员大会上通报评议结果并补充公示。', '党委组织部'],
  ['implementation', '实验楼电梯长期停运', '化学实验楼电梯停运已一个多月，师生搬运实验器材和试剂很不方便，也存在安全隐患。', '资产管理处已完成电梯维修并通过特种设备检验，恢复运行。', '资产管理处'],
  ['policy_inquiry', '党费收缴标准咨询', '退休教职工党员咨询党费按什么基数计算，养老金调整后是否需要重新核定。', '组织部已解答党费收缴基数和比例，并提供了计算示例。', ''],
]
