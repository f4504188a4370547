// Chinese labels for the codes the backend sends. One table per kind, so pages never spell them out.
import type { DelegateSort, DelegateStatus, Gender, PublishFlags, Role } from '@/api'

export const ROLE_LABELS: Record<Role, string> = {
  admin: '组织部管理员',
  liaison: '联络员',
  delegate: '党代表',
  visitor: '访客',
  system: '系统',
}

export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' }

export const STATUS_LABELS: Record<DelegateStatus, string> = { active: '在任', left: '离任' }

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

export const ENTITY_LABELS: Record<string, string> = {
  delegate: '党代表',
  delegation: '代表团',
  settings: '设置',
  card: '记录卡',
  card_amendment: '记录卡更正',
  calendar: '工作日历',
}

export const ACTION_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  mark_left: '标记离任',
  reinstate: '恢复在任',
  photo: '更换照片',
  start_blank: '从空白开始',
  load_demo: '载入演示数据',
  submit: '提交',
  amend: '更正',
  delete: '删除',
  recompute_due: '重算期限',
}

/** Where "action + entity" does not read as Chinese, the whole phrase. */
const CHANGE_TITLES: Record<string, string> = {
  'settings:update': '修改工作室设置',
  'settings:start_blank': '从空白开始',
  'settings:load_demo': '载入演示数据',
  'card:recompute_due': '重算记录卡期限',
  'card_amendment:create': '更正记录卡',
  'calendar:create': '调整工作日历',
  'calendar:update': '调整工作日历',
  'calendar:delete': '撤销工作日历调整',
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
  // delegation
  head_delegate_id: '团长',
  note: '备注',
  // settings
  operator_name: '操作员姓名',
  studio_name: '工作室名称',
  hotline: '专线电话',
}

export const entityLabel = (entity: string) => ENTITY_LABELS[entity] ?? entity
export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action
export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field

/** What a change record did, as a short phrase: 新增党代表, 修改代表团, 提交记录卡 … */
export const changeTitle = (entity: string, action: string) =>
  CHANGE_TITLES[`${entity}:${action}`] ?? `${actionLabel(action)}${entityLabel(entity)}`
