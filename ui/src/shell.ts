// The staff's frame and the kiosk's, loaded when needed (App.vue): the window's first screen is the
// login, which needs none of them, so the start-up chunk holds the login and the frame comes in its
// own chunks (issue 14: start and memory at the floor). `prefetchStaffScreens` fetches the frame
// and the first screens ahead, when someone starts to log in.
import { defineAsyncComponent } from 'vue'

const frame = () => import('@/components/AppFrame.vue')
const roster = () => import('@/views/RosterView.vue')
const dashboard = () => import('@/views/DashboardView.vue')

export const AppFrame = defineAsyncComponent(frame)
export const FirstStartDialog = defineAsyncComponent(() => import('@/components/FirstStartDialog.vue'))
export const JobProgressDialog = defineAsyncComponent(() => import('@/components/JobProgressDialog.vue'))
export const PrintPreviewHost = defineAsyncComponent(() => import('@/components/PrintPreviewHost.vue'))
export const LockScreen = defineAsyncComponent(() => import('@/components/auth/LockScreen.vue'))
const lists = [() => import('@/views/ItemsView.vue'), () => import('@/views/CardsView.vue')]
const kiosk = () => import('@/kiosk/KioskLayout.vue')
export const KioskLayout = defineAsyncComponent(kiosk)

/** The kiosk window (flagged before any script runs) fetches its frame while the status is read. */
export function prefetchKiosk(): void {
  void kiosk().catch(() => undefined)
}

/** The router's two first screens (the roles' home pages). */
export const RosterView = roster
export const DashboardView = dashboard

let prefetched = false

/** Fetch the frame and the first screens' code now (once), so the login leads straight to them. */
export function prefetchStaffScreens(): void {
  if (prefetched) return
  prefetched = true
  for (const load of [frame, roster, dashboard]) void load().catch(() => undefined)
}

/** How long after the frame is mounted the long lists' code is fetched: its first screen first. */
export const LIST_PREFETCH_DELAY_MS = 2000

let listsPrefetched = false

/**
 * Fetch 意见台账's and 记录卡's code (and their components') once the first screen has settled, so
 * their first click builds the screen at once instead of first loading it (党代表名册 is a first
 * screen, fetched with the frame).
 */
export function prefetchListScreens(): void {
  if (listsPrefetched) return
  listsPrefetched = true
  setTimeout(() => {
    for (const load of lists) void load().catch(() => undefined)
  }, LIST_PREFETCH_DELAY_MS)
}
