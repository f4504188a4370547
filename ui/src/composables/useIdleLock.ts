// The idle lock: after `minutes()` without the person touching the window (mouse, keys, wheel,
// touch) `onIdle` runs, and the window covers itself. While the person is active, `touch` tells the
// backend at most once a minute, so its own idle backstop (which refuses commands of a session left
// alone too long) agrees with the page. Nothing runs while `enabled()` is false (logged out, locked).
import { onBeforeUnmount, onMounted, watch } from 'vue'

export const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'click', 'wheel', 'touchstart'] as const

/** The backend hears of activity at most this often. */
export const TOUCH_EVERY_MS = 60_000

export interface IdleLockOptions {
  minutes: () => number
  /** The idle time in milliseconds instead of `minutes` (the kiosk counts in seconds). */
  limitMs?: () => number | undefined
  enabled: () => boolean
  onIdle: () => void
  touch: () => void
}

export function useIdleLock(opts: IdleLockOptions) {
  let last = Date.now()
  let lastTouch = Date.now()
  let timer: ReturnType<typeof setTimeout> | null = null

  const limitMs = () => opts.limitMs?.() ?? Math.max(1, opts.minutes()) * 60_000
  // The backend's own idle check must not run out while the person is active.
  const touchEveryMs = () => Math.min(TOUCH_EVERY_MS, limitMs() / 2)

  function stop() {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  function schedule(ms: number) {
    stop()
    timer = setTimeout(check, ms)
  }

  // One timer for the whole idle period; activity only moves `last`, and the timer, when it fires
  // early, waits for the rest.
  function check() {
    timer = null
    if (!opts.enabled()) return
    const idle = Date.now() - last
    const limit = limitMs()
    if (idle >= limit) opts.onIdle()
    else schedule(limit - idle)
  }

  function onActivity() {
    if (!opts.enabled()) return
    const now = Date.now()
    last = now
    if (now - lastTouch >= touchEveryMs()) {
      lastTouch = now
      opts.touch()
    }
  }

  /** Start the idle period afresh (logged in, unlocked, the setting changed). */
  function restart() {
    last = Date.now()
    lastTouch = last
    if (opts.enabled()) schedule(limitMs())
    else stop()
  }

  watch(opts.enabled, restart)
  watch([opts.minutes, () => opts.limitMs?.()], () => {
    if (opts.enabled()) schedule(Math.max(0, limitMs() - (Date.now() - last)))
  })

  onMounted(() => {
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true })
    restart()
  })
  onBeforeUnmount(() => {
    for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true })
    stop()
  })

  return { restart }
}
