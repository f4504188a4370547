// The kiosk's seven screens: the home tiles and the routes under /kiosk both come from this list.
// Each screen is its own component in ./screens/.
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import {
  Avatar,
  Calendar,
  ChatLineRound,
  OfficeBuilding,
  Search,
  Service,
  UserFilled,
} from '@element-plus/icons-vue'
import { KIOSK_HOME } from './constants'
// The kiosk's first screen is in the main bundle: a lazy chunk would be one more load between
// the window opening and the home painted (scripts/bench/app-startup.sh).
import KioskHome from './KioskHome.vue'

export interface KioskScreen {
  /** The route is `/kiosk/<key>`, named `kiosk-<key>`; the home tile is `data-test=kiosk-tile-<key>`. */
  key: string
  title: string
  /** A few words under the tile's title. */
  hint: string
  icon: Component
  component: () => Promise<Component>
}

export const KIOSK_SCREENS: KioskScreen[] = [
  { key: 'today', title: '今日接待', hint: '今天谁在工作室', icon: UserFilled, component: () => import('./screens/TodayScreen.vue') },
  { key: 'delegates', title: '代表风采', hint: '认识党代表', icon: Avatar, component: () => import('./screens/DelegatesScreen.vue') },
  { key: 'schedule', title: '接访安排', hint: '哪天来找代表', icon: Calendar, component: () => import('./screens/ScheduleScreen.vue') },
  { key: 'about', title: '工作室简介', hint: '开放时间 · 电话', icon: OfficeBuilding, component: () => import('./screens/AboutScreen.vue') },
  { key: 'message', title: '有事找代表', hint: '留下意见建议', icon: ChatLineRound, component: () => import('./screens/MessageScreen.vue') },
  { key: 'appointment', title: '约见党代表', hint: '预约见面', icon: Service, component: () => import('./screens/AppointmentScreen.vue') },
  { key: 'progress', title: '查询进度', hint: '凭查询码查看', icon: Search, component: () => import('./screens/ProgressScreen.vue') },
]


/** The kiosk's routes: `meta.kiosk` marks them (the router guard lets only these through while no
 * staff member is logged in at a kiosk, and none of them in a normal window). */
export const kioskRoutes: RouteRecordRaw[] = [
  {
    path: KIOSK_HOME,
    name: 'kiosk',
    component: KioskHome,
    meta: { kiosk: true, title: '首页' },
  },
  ...KIOSK_SCREENS.map<RouteRecordRaw>((s) => ({
    path: `${KIOSK_HOME}/${s.key}`,
    name: `kiosk-${s.key}`,
    component: s.component,
    meta: { kiosk: true, title: s.title },
  })),
]
