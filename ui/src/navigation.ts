// The side navigation, in the order the studio's work flows. Areas whose screens are not built yet
// route to one "尚未开放" page, so every menu item leads somewhere sensible. Each area names the
// permission it needs (the core's table, `RULES.accounts.permissions`): a role sees only the areas it
// may use, and the router refuses the others (by the route's own permission, which may be wider: see
// 个人信息).
import type { Component } from 'vue'
import {
  Calendar,
  ChatDotSquare,
  ChatLineRound,
  DataAnalysis,
  Document,
  EditPen,
  Key,
  MapLocation,
  Memo,
  Monitor,
  Notebook,
  Odometer,
  Postcard,
  Promotion,
  Setting,
  Tickets,
  User,
  UserFilled,
  Wallet,
} from '@element-plus/icons-vue'
import type { Permission, Role } from '@/api'
import { RULES } from '@/api/rules'
import { permissionsOf } from '@/permissions'

export interface NavItem {
  /** Also the `data-test` suffix: `nav-<key>`. */
  key: string
  path: string
  title: string
  icon: Component
  /** One line for the 尚未开放 page: what the area will do. */
  summary?: string
  /** False while the area is not built yet. */
  available: boolean
  /** What a role needs to see the area and open its screens. */
  permission: Permission
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'dashboard', permission: 'read_records', path: '/dashboard', title: '工作台', icon: Odometer, available: true },
  { key: 'roster', permission: 'read_roster', path: '/roster', title: '党代表名册', icon: User, available: true },
  {
    key: 'cards',
    permission: 'read_records',
    path: '/cards',
    title: '记录卡',
    icon: Tickets,
    available: true,
    summary: `录入、打印党代表联系党员和群众工作记录卡，跟踪 ${RULES.cards.filing_workdays} 个工作日内的交回期限。`,
  },
  {
    key: 'items',
    permission: 'read_records',
    path: '/items',
    title: '意见台账',
    icon: Notebook,
    available: true,
    summary: '登记党员群众的意见建议，交办、督办、限时办结，做到件件有答复、事事有回音。',
  },
  {
    key: 'public-answers',
    permission: 'edit_studio',
    path: '/public-answers',
    title: '代表回复公开',
    icon: ChatDotSquare,
    available: true,
    summary: '整理留言人同意公开、已答复的留言，发布到网上工作室的“代表回复”。',
  },
  {
    key: 'schedule',
    permission: 'read_schedule',
    path: '/schedule',
    title: '接待安排',
    icon: Calendar,
    available: true,
    summary: '排定接待日和值班党代表，按月公布接访安排。',
  },
  {
    key: 'appointments',
    permission: 'handle_appointments',
    path: '/appointments',
    title: '约见',
    icon: ChatLineRound,
    available: true,
    summary: '登记党员群众约见党代表、党代表约谈党员群众，确认、完成后填写记录卡。',
  },
  {
    key: 'activities',
    permission: 'read_records',
    path: '/activities',
    title: '活动调研',
    icon: MapLocation,
    available: true,
    summary: '记录走访调研、座谈、培训等活动，跟踪各代表团年度调研。',
  },
  {
    key: 'proposals',
    permission: 'read_records',
    path: '/proposals',
    title: '提议',
    icon: EditPen,
    available: true,
    summary: '把共性问题形成提议，提交组织部并跟踪交办、答复情况。',
  },
  {
    key: 'news',
    permission: 'read_records',
    path: '/news',
    title: '工作室动态',
    icon: Promotion,
    available: true,
    summary: '发布工作室动态，供网上工作室展示。',
  },
  {
    key: 'wall',
    permission: 'read_records',
    path: '/wall',
    title: '上墙制度',
    icon: Document,
    available: true,
    summary: '工作制度、工作流程、联络员职责、服务承诺、名册、活动安排和标识，打印上墙。',
  },
  {
    key: 'volunteers',
    permission: 'read_records',
    path: '/volunteers',
    title: '联络员与志愿者',
    icon: UserFilled,
    available: true,
    summary: '工作室联络员和党员志愿者服务队伍名册。',
  },
  {
    key: 'funds',
    permission: 'manage_funds',
    path: '/funds',
    title: '经费',
    icon: Wallet,
    available: true,
    summary: '工作室年度预算、支出登记和年度收支表。',
  },
  {
    key: 'reports',
    permission: 'read_records',
    path: '/reports',
    title: '统计汇总',
    icon: DataAnalysis,
    available: true,
    summary: '生成党代表联系党员群众工作情况汇总表，按时间、代表团统计。',
  },
  {
    key: 'portal',
    permission: 'read_records',
    path: '/portal',
    title: '网上工作室',
    icon: Monitor,
    available: false,
    summary: '查看网上工作室的留言，转交团长或党代表答复。',
  },
  { key: 'accounts', permission: 'manage_accounts', path: '/accounts', title: '账号管理', icon: Key, available: true },
  // 个人信息: staff (管理员, 联络员) answer people's requests for a copy or erasure; a head or a delegate
  // may open the page (the route needs read_personal_data) but is not offered it in the menu.
  {
    key: 'personal-data',
    permission: 'export_personal_data',
    path: '/personal-data',
    title: '个人信息',
    icon: Postcard,
    available: true,
  },
  { key: 'audit', permission: 'read_audit', path: '/audit', title: '审计', icon: Memo, available: true },
  { key: 'settings', permission: 'edit_settings', path: '/settings', title: '设置', icon: Setting, available: true },
]

export const navItemByKey = (key: string) => NAV_ITEMS.find((n) => n.key === key)

/** The areas `role` may open, in menu order (none when nobody is logged in). */
export function navItemsFor(role: Role | null | undefined): NavItem[] {
  const may = permissionsOf(role)
  return NAV_ITEMS.filter((n) => may.has(n.permission))
}

/** Where a role starts: the roster when it may read it, else its first area (审计员: 审计). */
export function homePathFor(role: Role | null | undefined): string {
  const items = navItemsFor(role).filter((n) => n.available)
  return (items.find((n) => n.key === 'roster') ?? items[0])?.path ?? '/'
}
