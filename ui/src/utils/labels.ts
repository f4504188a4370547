// Chinese labels for the codes the backend sends. The words of the core's own codes (roles, statuses,
// channels, …) come from `RULES` (generated from studio-core, `api/rules.ts`); the tables here only
// add what is the UI's own (sort options, history phrasing, tag colours).
import type {
  CardSort,
  CardStatus,
  Channel,
  DeadlineState,
  DelegateSort,
  DelegateStatus,
  ExportFormat,
  Gender,
  OverrideKind,
  PoliticalStatus,
  PublishFlags,
  Role,
} from '@/api'
import { RULES } from '@/api/rules'

/** `{code: label}` of a list of `{value, label}` from `RULES`. */
export function labelMap<T extends string>(list: readonly { value: T; label: string }[]): Record<T, string> {
  return Object.fromEntries(list.map((x) => [x.value, x.label])) as Record<T, string>
}

export const ROLE_LABELS: Record<Role, string> = labelMap(RULES.roles)

export const GENDER_LABELS: Record<Gender, string> = labelMap(RULES.roster.genders)

export const STATUS_LABELS: Record<DelegateStatus, string> = labelMap(RULES.roster.statuses)

export const SORT_OPTIONS: { value: DelegateSort; label: string }[] = [
  { value: 'roster', label: '名册顺序' },
  { value: 'name', label: '姓名拼音' },
  { value: 'unit', label: '单位' },
  { value: 'updated_desc', label: '最近修改' },
]

/** What the online studio may show, in the order the form lists them. */
export const PUBLISH_FLAG_LABELS: Record<keyof PublishFlags, string> = {
  unit_position: '单位职务',
  mobile: '手机号码',
  office_phone: '办公电话',
  email: '电子邮箱',
  photo: '照片',
  bio: '简介',
  pledge: '承诺',
}

export const PUBLISH_FLAG_KEYS = Object.keys(PUBLISH_FLAG_LABELS) as (keyof PublishFlags)[]

// The core names every kind of record (RULES.accounts.audit_areas, checked in the core to cover every
// entity); the history says a few of them more briefly.
export const ENTITY_LABELS: Record<string, string> = {
  ...Object.fromEntries(RULES.accounts.audit_areas.map((a) => [a.code, a.label])),
  delegate: '党代表',
  delegation: '代表团',
  settings: '设置',
  card: '记录卡',
  card_amendment: '记录卡更正',
  calendar: '工作日历',
  item: '事项',
  account: '账号',
  duty_slot: '接待时段',
  schedule_month: '接待安排',
  appointment: '约见',
}

export const ACTION_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  import: '导入',
  mark_left: '标记离任',
  reinstate: '恢复在任',
  photo: '更换照片',
  start_blank: '从空白开始',
  load_demo: '载入演示数据',
  demo: '载入演示数据',
  submit: '提交',
  amend: '更正',
  delete: '删除',
  recompute_due: '重算期限',
  // item steps (意见台账)
  refer: '交办',
  referral_answer: '记录承办单位答复',
  start: '开始办理',
  answer: '答复',
  feedback: '反馈',
  follow_up: '回访',
  decline: '不予受理',
  pause: '暂停（待补充）',
  resume: '恢复办理',
  extend: '延期',
  chase: '催办',
  escalate: '上报',
  note: '备注',
  link_card: '关联记录卡到',
  route: '分派',
  // 接待安排 and 约见
  swap: '调换',
  copy_forward: '沿用',
  publish: '发布',
  poster_printed: '打印海报',
  confirm: '确认',
  complete: '完成',
  cancel: '取消',
  // accounts (账号管理)
  lock: '锁定',
  unlock: '解锁',
  password_reset: '重置密码',
  password_change: '修改密码',
}

/** Where "action + entity" does not read as Chinese, the whole phrase. */
const CHANGE_TITLES: Record<string, string> = {
  'settings:update': '修改工作室设置',
  'settings:start_blank': '从空白开始',
  'settings:load_demo': '载入演示数据',
  'settings:demo': '载入演示数据',
  'card:recompute_due': '重算记录卡期限',
  'card_amendment:create': '更正记录卡',
  'calendar:create': '调整工作日历',
  'calendar:update': '调整工作日历',
  'calendar:delete': '撤销工作日历调整',
  'item:create': '受理事项',
  'settings:item_deadlines': '修改办理时限',
  'account:password_reset': '重置账号密码',
  'account:password_change': '修改本人密码',
  'duty_slot:swap': '调换值班',
  'duty_slot:copy_forward': '复制上月接待时段',
  'schedule_month:publish': '发布接待安排',
  'schedule_month:poster_printed': '打印接待安排海报',
  'schedule_month:poster_changed': '接待安排有变动（海报待更新）',
  'appointment:create': '登记约见',
}

/** Field names as the backend sends them (in records and validation errors) → form labels. */
export const FIELD_LABELS: Record<string, string> = {
  // delegate
  name: '姓名',
  gender: '性别',
  delegation_id: '代表团',
  unit: '工作单位',
  position: '职务',
  mobile: '手机号码',
  office_phone: '办公电话',
  email: '电子邮箱',
  photo: '照片',
  bio: '个人简介',
  pledge: '创先争优个人承诺',
  term: '届次',
  status: '状态',
  left_on: '离任日期',
  display_order: '排序号',
  publish: '网上工作室公开',
  publish_consent: '同意在网上工作室公开',
  // delegation
  head_delegate_id: '团长',
  note: '备注',
  // settings (操作员姓名: only in changes made before accounts existed)
  operator_name: '操作员姓名',
  studio_name: '工作室名称',
  hotline: '专线电话',
  idle_lock_minutes: '自动锁定（分钟）',
  audit_retention_months: '审计日志保留期限（月）',
  opening_hours: '开放时间',
  studio_intro: '工作室简介',
  kiosk_idle_seconds: '自助终端空闲返回（秒）',
  kiosk_on_start: '开机进入自助终端',
  // account
  login: '登录名',
  role: '角色',
  disabled: '已锁定',
  must_change: '须修改密码',
  failed_attempts: '密码错误次数',
  locked_until: '锁定至',
  last_login_at: '最近登录',
  // record card (记录卡), in the order of the paper card
  contact_date: '联系日期',
  delegate_id: '党代表',
  delegate_name: '党代表姓名',
  delegation_name: '所在代表团',
  delegate_unit_position: '党代表工作单位及职务',
  delegate_phone: '党代表联系电话',
  person_name: '联系对象姓名',
  person_gender: '性别',
  person_age: '年龄',
  person_political_status: '政治面貌',
  person_unit_position: '联系对象工作单位及职务',
  person_phone: '联系对象联系电话',
  person_address: '详细通讯地址或E-mail',
  group_size: '共同来访人数',
  channel: '联系形式',
  channel_other: '其他联系形式',
  opinion: '党员和群众所提意见建议或问题',
  handling: '党代表处理意见及办理情况',
  feedback_on: '反馈日期',
  filed_on: '交回日期',
  due_on: '报送期限',
  filed_late: '逾期交回',
  amendment_count: '更正次数',
  reason: '更正原因',
  // calendar override
  date: '日期',
  kind: '安排',
  // 接待安排 (a slot) and 约见
  start: '开始时间',
  end: '结束时间',
  place: '地点',
  place_note: '地点说明',
  delegate_ids: '值班党代表',
  non_working_day: '休息日安排',
  topic: '约见事由',
  direction: '约见方式',
  cancel_reason: '取消原因',
  person_consent: '使用同意',
}

export const entityLabel = (entity: string) => ENTITY_LABELS[entity] ?? entity
const AUDIT_ACTION_WORDS: Record<string, string> = Object.fromEntries(
  RULES.accounts.audit_actions.map((a) => [a.code, a.label]),
)
export const actionLabel = (action: string) => ACTION_LABELS[action] ?? AUDIT_ACTION_WORDS[action] ?? action
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field

/** What a change record did, as a short phrase: 新增党代表, 修改代表团, 提交记录卡 … */
export const changeTitle = (entity: string, action: string) =>
  CHANGE_TITLES[`${entity}:${action}`] ??
  (entity === 'proposal' && PROPOSAL_STEPS[action]
    ? `提议：${PROPOSAL_STEPS[action]}`
    : `${actionLabel(action)}${entityLabel(entity)}`)

// A proposal's steps in the core's words (不予立案, not the items' 不予受理).
const PROPOSAL_STEPS: Record<string, string> = Object.fromEntries(RULES.proposals.steps.map((s) => [s.value, s.label]))

// ---- 记录卡 ----

export const CHANNEL_LABELS: Record<Channel, string> = labelMap(RULES.cards.channels)

/** In the order the paper card prints them. */
export const CHANNELS: Channel[] = RULES.cards.channels.map((c) => c.value)

/** 联系形式 as a list shows it: the other form's own words when there are some. */
export const channelText = (channel: Channel, other: string) =>
  channel === 'other' && other.trim() ? other.trim() : CHANNEL_LABELS[channel]

export const POLITICAL_LABELS: Record<PoliticalStatus, string> = labelMap(RULES.cards.political_statuses)

export const POLITICAL_STATUSES: PoliticalStatus[] = RULES.cards.political_statuses.map((p) => p.value)

export const CARD_STATUS_LABELS: Record<CardStatus, string> = labelMap(RULES.cards.statuses)

export const CARD_SORT_OPTIONS: { value: CardSort; label: string }[] = [
  { value: 'contact_desc', label: '最新联系' },
  { value: 'contact_asc', label: '最早联系' },
  { value: 'due_asc', label: '期限最近' },
  { value: 'updated_desc', label: '最近修改' },
]

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** A card's deadline states in the core's words (未反馈, 即将到期, 逾期交回 …). */
export const DEADLINE_LABELS: Record<DeadlineState, string> = labelMap(RULES.cards.deadline_states)

const DEADLINE_TAG_TYPES: Record<DeadlineState, TagType | null> = {
  none: null,
  on_time: 'info',
  due_soon: 'warning',
  overdue: 'danger',
  filed_on_time: 'success',
  filed_late: 'danger',
}

/** How a card's deadline state reads in lists and on the card: null when there is nothing to flag. */
export const DEADLINE_TAGS = Object.fromEntries(
  RULES.cards.deadline_states.map((d) => {
    const type = DEADLINE_TAG_TYPES[d.value]
    return [d.value, type ? { label: d.label, type } : null]
  }),
) as Record<DeadlineState, { label: string; type: TagType } | null>

export const deadlineTag = (state: DeadlineState) => DEADLINE_TAGS[state] ?? null

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  csv: 'CSV 表格（.csv）',
  json: 'JSON 数据（.json）',
}

// ---- 工作日历 ----

export const OVERRIDE_KIND_LABELS: Record<OverrideKind, string> = labelMap(RULES.calendar.override_kinds)
