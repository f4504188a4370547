// Turns change records (the audit trail) into lines people read: "工作单位：文学院 → 理学院".
import type { ChangeRecord, PublishFlags } from '@/api'
import { formatDateTime } from './datetime'
import {
  actionLabel,
  CARD_STATUS_LABELS,
  CHANNEL_LABELS,
  entityLabel,
  FIELD_LABELS,
  GENDER_LABELS,
  OVERRIDE_KIND_LABELS,
  POLITICAL_LABELS,
  PUBLISH_FLAG_KEYS,
  PUBLISH_FLAG_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
} from './labels'

/** Bookkeeping the backend may leave in a snapshot; it says nothing a reader needs. */
const HIDDEN_FIELDS = new Set(['id', 'created_at', 'updated_at', 'version'])

/** Per entity: ids whose readable twin is in the same record (a card's `delegate_name`), and counters. */
const ENTITY_HIDDEN_FIELDS: Record<string, Set<string>> = {
  card: new Set(['delegate_id', 'delegation_id', 'amendment_count', 'deadline']),
}

/** A card's fields in the order the paper card prints them; changes are listed in this order. */
export const CARD_FIELD_ORDER = [
  'contact_date',
  'delegate_name',
  'delegation_name',
  'delegate_unit_position',
  'delegate_phone',
  'person_name',
  'person_gender',
  'person_age',
  'person_political_status',
  'person_unit_position',
  'person_phone',
  'person_address',
  'group_size',
  'channel',
  'channel_other',
  'opinion',
  'handling',
  'feedback_on',
  'due_on',
  'status',
  'filed_on',
  'filed_late',
]

/** Looks up names for ids that appear in records (a delegation id, a head delegate id). */
export interface NameLookup {
  delegationName?: (id: string) => string | undefined
  delegateName?: (id: string) => string | undefined
}

export interface FieldChange {
  field: string
  label: string
  before: string
  after: string
}

export interface ChangeView {
  id: string
  at: string
  actor: string
  actorRole: string
  action: string
  entity: string
  changes: FieldChange[]
}

export const EMPTY_VALUE = '（空）'

function isPublishFlags(v: unknown): v is Partial<PublishFlags> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** One stored value as a reader sees it. */
export function formatFieldValue(field: string, value: unknown, names: NameLookup = {}): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE
  switch (field) {
    case 'gender':
    case 'person_gender':
      return GENDER_LABELS[value as keyof typeof GENDER_LABELS] ?? String(value)
    case 'status':
      return (
        STATUS_LABELS[value as keyof typeof STATUS_LABELS] ??
        CARD_STATUS_LABELS[value as keyof typeof CARD_STATUS_LABELS] ??
        String(value)
      )
    case 'person_political_status':
      return POLITICAL_LABELS[value as keyof typeof POLITICAL_LABELS] ?? String(value)
    case 'channel':
      return CHANNEL_LABELS[value as keyof typeof CHANNEL_LABELS] ?? String(value)
    case 'kind':
      return OVERRIDE_KIND_LABELS[value as keyof typeof OVERRIDE_KIND_LABELS] ?? String(value)
    case 'delegate_id':
      return names.delegateName?.(String(value)) ?? '（已指定）'
    case 'delegation_id':
      return names.delegationName?.(String(value)) ?? '（已删除的代表团）'
    case 'head_delegate_id':
      return names.delegateName?.(String(value)) ?? '（已指定）'
    case 'photo':
      // The stored value is a file name; what matters to a reader is that there is a photo.
      return '已上传'
    case 'publish': {
      if (!isPublishFlags(value)) return String(value)
      const on = PUBLISH_FLAG_KEYS.filter((k) => value[k]).map((k) => PUBLISH_FLAG_LABELS[k])
      return on.length ? on.join('、') : '均不公开'
    }
  }
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  return JSON.stringify(value)
}

function fieldLabelFor(entity: string, field: string): string {
  // A delegation's `name` is its 名称, not a person's 姓名.
  if (entity === 'delegation' && field === 'name') return '代表团名称'
  if (entity === 'delegation' && field === 'display_order') return '显示顺序'
  return FIELD_LABELS[field] ?? field
}

export function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
}

/**
 * The fields an update changed, with Chinese labels and readable values. A creation's record holds
 * the whole new row, not a change, so it lists nothing.
 */
export function describeChanges(record: ChangeRecord, names: NameLookup = {}): FieldChange[] {
  if (record.action === 'create' || record.before === null || record.after === null) return []
  const before = asObject(record.before)
  const after = asObject(record.after)
  return diffLines(record.entity, before, after, names)
}

/** Changed fields of two snapshots (already reduced to what changed), labelled and ordered. */
export function diffLines(
  entity: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  names: NameLookup = {},
): FieldChange[] {
  const hidden = ENTITY_HIDDEN_FIELDS[entity]
  let fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => !HIDDEN_FIELDS.has(f) && !hidden?.has(f),
  )
  if (entity === 'card') {
    const rank = (f: string) => {
      const i = CARD_FIELD_ORDER.indexOf(f)
      return i < 0 ? CARD_FIELD_ORDER.length : i
    }
    fields = [...fields].sort((a, b) => rank(a) - rank(b))
  }
  return fields.map((field) => ({
    field,
    label: fieldLabelFor(entity, field),
    before: formatFieldValue(field, before[field], names),
    after: formatFieldValue(field, after[field], names),
  }))
}

/** `工作单位：文学院 → 理学院` */
export function changeLine(c: FieldChange): string {
  return `${c.label}：${c.before} → ${c.after}`
}

export function toChangeView(record: ChangeRecord, names: NameLookup = {}): ChangeView {
  return {
    id: record.id,
    at: formatDateTime(record.at),
    actor: record.actor,
    actorRole: ROLE_LABELS[record.actor_role] ?? record.actor_role,
    action: actionLabel(record.action),
    entity: entityLabel(record.entity),
    changes: describeChanges(record, names),
  }
}

/**
 * The name a record is about, when its snapshot carries one: a delegate's or delegation's `name`,
 * or the delegate a record card belongs to (`delegate_name`).
 */
export function recordSubjectName(record: ChangeRecord): string | undefined {
  for (const key of ['name', 'delegate_name', 'title']) {
    for (const snap of [record.after, record.before]) {
      const v = asObject(snap)[key]
      if (typeof v === 'string' && v) return v
    }
  }
  return undefined
}
