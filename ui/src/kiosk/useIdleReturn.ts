// The kiosk's idle return: after `ms()` without a touch, key or pointer, `onIdle` runs (the layout
// clears every form and goes home). The timer starts with the first activity after a return, so a
// kiosk nobody touches is left alone (its home screen is not rebuilt every two minutes).
import { onBeforeUnmount, onMounted } from 'vue'

export const KIOSK_ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'mousedown', 'mousemove', 'keydown', 'input', 'wheel', 'touchstart', 'touchmove'] as const

export interface IdleReturnOptions {
  /** The idle time in milliseconds (read each time the timer is armed). */
  ms: () => number
  onIdle: () => void
  /** Where activity is heard (the window; a test may pass another target). */
  target?: EventTarget
}

export function createIdleReturn(opts: IdleReturnOptions) {
  let last = 0
  let timer: ReturnType<typeof setTimeout> | null = null

  function stop() {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  function check() {
    timer = null
    const rest = opts.ms() - (Date.now() - last)
    if (rest > 0) timer = setTimeout(check, rest)
    else opts.onIdle()
  }

  /** Someone is at the kiosk: the idle time counts from now. */
  function activity() {
    last = Date.now()
    if (timer === null) timer = setTimeout(check, Math.max(1, opts.ms()))
  }

  const target = () => opts.target ?? window
  function start() {
    for (const e of KIOSK_ACTIVITY_EVENTS) target().addEventListener(e, activity, { capture: true, passive: true })
  }
  function dispose() {
    for (const e of KIOSK_ACTIVITY_EVENTS) target().removeEventListener(e, activity, { capture: true })
    stop()
  }
  return { start, dispose, activity, stop, armed: () => timer !== null }
}

/** The idle return for a component's lifetime. */
export function useIdleReturn(opts: IdleReturnOptions) {
  const idle = createIdleReturn(opts)
  onMounted(idle.start)
  onBeforeUnmount(idle.dispose)
  return idle
}
