// Hash history: the app is served from Tauri's custom protocol, where only the index file exists.
import { createRouter, createWebHashHistory } from 'vue-router'
import type { RouteRecordRaw } from 'vue-router'
import { NAV_ITEMS } from '@/navigation'
import { markNavigationStart } from '@/utils/paintMark'
// The two screens people open first are in the main bundle; the rest load on first visit.
import DashboardView from '@/views/DashboardView.vue'
import RosterView from '@/views/RosterView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Which side-nav item is highlighted. */
    nav?: string
    title?: string
  }
}

const comingSoon: RouteRecordRaw[] = NAV_ITEMS.filter((n) => !n.available).map((n) => ({
  path: n.path,
  name: n.key,
  component: () => import('@/views/ComingSoonView.vue'),
  props: { navKey: n.key },
  meta: { nav: n.key, title: n.title },
}))

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/roster' },
  {
    path: '/dashboard',
    name: 'dashboard',
    component: DashboardView,
    meta: { nav: 'dashboard', title: '工作台' },
  },
  {
    path: '/roster',
    name: 'roster',
    component: RosterView,
    meta: { nav: 'roster', title: '党代表名册' },
  },
  {
    path: '/delegates/:id',
    name: 'delegate',
    component: () => import('@/views/DelegateProfileView.vue'),
    props: true,
    meta: { nav: 'roster', title: '党代表信息' },
  },
  {
    path: '/cards',
    name: 'cards',
    component: () => import('@/views/CardsView.vue'),
    meta: { nav: 'cards', title: '记录卡' },
  },
  {
    path: '/cards/new',
    name: 'card-new',
    component: () => import('@/views/CardFormView.vue'),
    meta: { nav: 'cards', title: '新建记录卡' },
  },
  {
    path: '/cards/:id',
    name: 'card',
    component: () => import('@/views/CardFormView.vue'),
    props: true,
    meta: { nav: 'cards', title: '记录卡' },
  },
  {
    path: '/items',
    name: 'items',
    component: () => import('@/views/ItemsView.vue'),
    meta: { nav: 'items', title: '意见台账' },
  },
  {
    path: '/items/new',
    name: 'item-new',
    component: () => import('@/views/ItemFormView.vue'),
    meta: { nav: 'items', title: '新建事项' },
  },
  {
    path: '/items/:id',
    name: 'item',
    component: () => import('@/views/ItemDetailView.vue'),
    props: true,
    meta: { nav: 'items', title: '事项' },
  },
  {
    path: '/items/:id/edit',
    name: 'item-edit',
    component: () => import('@/views/ItemFormView.vue'),
    props: true,
    meta: { nav: 'items', title: '修改事项' },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/SettingsView.vue'),
    meta: { nav: 'settings', title: '设置' },
  },
  ...comingSoon,
  { path: '/:pathMatch(.*)*', redirect: '/roster' },
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes })
  router.beforeEach(() => markNavigationStart())
  return router
}
