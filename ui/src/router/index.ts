// Hash history: the app is served from Tauri's custom protocol, where only the index file exists.
import { createRouter, createWebHashHistory } from 'vue-router'
import type { RouteLocationNormalized, RouteLocationRaw, RouteRecordRaw, Router } from 'vue-router'
import type { Permission } from '@/api'
import { KIOSK_HOME } from '@/kiosk/constants'
import { kioskRoutes } from '@/kiosk/screens'
import { NAV_ITEMS } from '@/navigation'
import { useAppStore } from '@/stores/app'
import { markNavigationStart } from '@/utils/paintMark'
// Every screen loads on first visit; the two people open first are fetched ahead (shell.ts).
import { DashboardView, RosterView } from '@/shell'

declare module 'vue-router' {
  interface RouteMeta {
    /** Which side-nav item is highlighted. */
    nav?: string
    title?: string
    /** What the logged-in role needs to open the screen (the core's permission table). */
    permission?: Permission
    /** A kiosk screen (自助终端, under /kiosk): the only routes of a kiosk without a staff login. */
    kiosk?: boolean
  }
}

const comingSoon: RouteRecordRaw[] = NAV_ITEMS.filter((n) => !n.available).map((n) => ({
  path: n.path,
  name: n.key,
  component: () => import('@/views/ComingSoonView.vue'),
  props: { navKey: n.key },
  meta: { nav: n.key, title: n.title, permission: n.permission },
}))

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/roster' },
  // Where the window stands while nobody is logged in: App.vue shows the login (or first
  // administrator, or new password) screen instead of any route.
  { path: '/login', name: 'login', component: { render: () => null } },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: DashboardView,
    meta: { nav: 'dashboard', title: '工作台', permission: 'read_records' },
  },
  {
    path: '/roster',
    name: 'roster',
    component: RosterView,
    meta: { nav: 'roster', title: '党代表名册', permission: 'read_roster' },
  },
  {
    path: '/delegates/:id',
    name: 'delegate',
    component: () => import('@/views/DelegateProfileView.vue'),
    props: true,
    meta: { nav: 'roster', title: '党代表信息', permission: 'read_roster' },
  },
  {
    path: '/cards',
    name: 'cards',
    component: () => import('@/views/CardsView.vue'),
    meta: { nav: 'cards', title: '记录卡', permission: 'read_records' },
  },
  {
    path: '/cards/new',
    name: 'card-new',
    component: () => import('@/views/CardFormView.vue'),
    meta: { nav: 'cards', title: '新建记录卡', permission: 'edit_cards' },
  },
  {
    path: '/cards/:id',
    name: 'card',
    component: () => import('@/views/CardFormView.vue'),
    props: true,
    meta: { nav: 'cards', title: '记录卡', permission: 'read_records' },
  },
  {
    path: '/items',
    name: 'items',
    component: () => import('@/views/ItemsView.vue'),
    meta: { nav: 'items', title: '意见台账', permission: 'read_records' },
  },
  {
    path: '/items/new',
    name: 'item-new',
    component: () => import('@/views/ItemFormView.vue'),
    meta: { nav: 'items', title: '新建事项', permission: 'handle_items' },
  },
  {
    path: '/items/:id',
    name: 'item',
    component: () => import('@/views/ItemDetailView.vue'),
    props: true,
    meta: { nav: 'items', title: '事项', permission: 'read_records' },
  },
  {
    path: '/items/:id/edit',
    name: 'item-edit',
    component: () => import('@/views/ItemFormView.vue'),
    props: true,
    meta: { nav: 'items', title: '修改事项', permission: 'handle_items' },
  },
  {
    path: '/public-answers',
    name: 'public-answers',
    component: () => import('@/views/PublicAnswersView.vue'),
    meta: { nav: 'public-answers', title: '代表回复公开', permission: 'edit_studio' },
  },
  {
    path: '/schedule',
    name: 'schedule',
    component: () => import('@/views/ScheduleView.vue'),
    meta: { nav: 'schedule', title: '接待安排', permission: 'read_schedule' },
  },
  {
    path: '/appointments',
    name: 'appointments',
    component: () => import('@/views/AppointmentsView.vue'),
    meta: { nav: 'appointments', title: '约见', permission: 'handle_appointments' },
  },
  {
    path: '/activities',
    name: 'activities',
    component: () => import('@/views/ActivitiesView.vue'),
    meta: { nav: 'activities', title: '活动调研', permission: 'read_records' },
  },
  {
    path: '/activities/:id',
    name: 'activity',
    component: () => import('@/views/ActivityDetailView.vue'),
    props: true,
    meta: { nav: 'activities', title: '活动', permission: 'read_records' },
  },
  {
    path: '/proposals',
    name: 'proposals',
    component: () => import('@/views/ProposalsView.vue'),
    meta: { nav: 'proposals', title: '提议', permission: 'read_records' },
  },
  {
    path: '/proposals/:id',
    name: 'proposal',
    component: () => import('@/views/ProposalDetailView.vue'),
    props: true,
    meta: { nav: 'proposals', title: '提议', permission: 'read_records' },
  },
  {
    path: '/news',
    name: 'news',
    component: () => import('@/views/studio/NewsView.vue'),
    meta: { nav: 'news', title: '工作室动态', permission: 'read_records' },
  },
  {
    path: '/wall',
    name: 'wall',
    component: () => import('@/views/studio/WallView.vue'),
    meta: { nav: 'wall', title: '上墙制度', permission: 'read_records' },
  },
  {
    path: '/volunteers',
    name: 'volunteers',
    component: () => import('@/views/studio/VolunteersView.vue'),
    meta: { nav: 'volunteers', title: '联络员与志愿者', permission: 'read_records' },
  },
  {
    path: '/funds',
    name: 'funds',
    component: () => import('@/views/studio/FundsView.vue'),
    meta: { nav: 'funds', title: '经费', permission: 'manage_funds' },
  },
  {
    path: '/reports',
    name: 'reports',
    component: () => import('@/views/ReportsView.vue'),
    meta: { nav: 'reports', title: '统计汇总', permission: 'read_records' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/SettingsView.vue'),
    meta: { nav: 'settings', title: '设置', permission: 'edit_settings' },
  },
  {
    path: '/accounts',
    name: 'accounts',
    component: () => import('@/views/AccountsView.vue'),
    meta: { nav: 'accounts', title: '账号管理', permission: 'manage_accounts' },
  },
  {
    path: '/personal-data',
    name: 'personal-data',
    component: () => import('@/views/PersonalDataView.vue'),
    meta: { nav: 'personal-data', title: '个人信息', permission: 'read_personal_data' },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('@/views/AuditView.vue'),
    meta: { nav: 'audit', title: '审计', permission: 'read_audit' },
  },
  ...comingSoon,
  ...kioskRoutes,
  { path: '/:pathMatch(.*)*', redirect: '/roster' },
]

/**
 * No screen without a login: until someone is logged in every route leads to `login` (remembering
 * where it was going); a screen the role may not use leads to the role's first screen.
 *
 * At a kiosk nothing but the kiosk's screens opens until a staff member logs in (a typed address, a
 * changed hash, the back key: every other route leads to the kiosk's home), and once one has, the
 * kiosk's screens lead to the staff's first screen. A normal window has no kiosk screens.
 */
export async function authGuard(to: RouteLocationNormalized): Promise<RouteLocationRaw | boolean> {
  const app = useAppStore()
  await app.ready()
  const kioskRoute = to.meta.kiosk === true
  if (app.isKiosk && !app.signedIn) return kioskRoute ? true : { path: KIOSK_HOME, replace: true }
  if (kioskRoute) return app.signedIn ? app.homePath : { name: 'login' }
  if (to.name === 'login') return app.signedIn ? app.homePath : true
  if (!app.signedIn) {
    return { name: 'login', query: to.fullPath === '/' || to.fullPath === '/roster' ? {} : { redirect: to.fullPath } }
  }
  const need = to.meta.permission
  if (need && !app.can(need)) return app.homePath === to.path ? false : app.homePath
  return true
}

/** Where to go once logged in: back where the window was going, or the role's first screen. */
export function afterLoginTarget(router: Router): RouteLocationRaw {
  const redirect = router.currentRoute.value.query.redirect
  return typeof redirect === 'string' && redirect.startsWith('/') ? redirect : useAppStore().homePath
}

export function createAppRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes })
  router.beforeEach((to) => {
    markNavigationStart()
    return authGuard(to)
  })
  return router
}
