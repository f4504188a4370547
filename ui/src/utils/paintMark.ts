// Paint marks for the whole-app benchmarks (scripts/bench/items-page.sh, app-startup.sh): the router notes when a
// navigation starts, and a list view notes when a page of data is on screen (after the DOM update
// and two animation frames). The figures sit on `window` for the benchmark to read; nothing else
// uses them.
import { nextTick } from 'vue'
import { appMark } from '@/api'

declare global {
  interface Window {
    __studioNav?: number
    __studioPainted?: Record<string, number>
  }
}

export function markNavigationStart(): void {
  window.__studioNav = performance.now()
}

/**
 * Milliseconds from the last navigation start to `name`'s data painted; then `after` runs (work
 * deliberately left until the data is on screen).
 */
export function markPainted(name: string, after?: () => void): void {
  void nextTick(() =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const painted = (window.__studioPainted ??= {})
        painted[name] = performance.now() - (window.__studioNav ?? 0)
        after?.()
      }),
    ),
  )
}

/** Milliseconds from the last navigation start to now, under `name` (where the time goes). */
export function markNow(name: string): void {
  const marks = (window.__studioPainted ??= {})
  marks[name] = performance.now() - (window.__studioNav ?? 0)
}

/**
 * Tell the start-up benchmark (scripts/bench/app-startup.sh, with STUDIO_TRACE=1) that `label`'s
 * screen is on screen: after the DOM update and two animation frames. Does nothing otherwise.
 */
export function markAppPainted(label: string): void {
  void nextTick(() =>
    requestAnimationFrame(() => requestAnimationFrame(() => void appMark(label).catch(() => undefined))),
  )
}
