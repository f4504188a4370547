// The kiosk's fixed numbers and its home route, for the store, the router and the layout.

/** Where the kiosk starts, and where the idle return and 退出登录 lead. */
export const KIOSK_HOME = '/kiosk'

/** How long the top-left corner is held before the staff login opens. */
export const LONG_PRESS_MS = 3000

/** The kiosk's idle time when the status does not say (设置 → 自助终端空闲返回). */
export const DEFAULT_KIOSK_IDLE_SECONDS = 120
