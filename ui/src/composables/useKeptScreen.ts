import { onActivated, onDeactivated, onUnmounted } from 'vue'
import { useRouter } from 'vue-router'

/**
 * How long a plain click back to a kept screen with an `early` load waits for that load before the
 * screen is shown anyway (its kept rows, replaced when the page comes).
 */
export const EARLY_WAIT_MS = 150

/**
 * The long lists (党代表名册, 记录卡, 意见台账) stay built while the operator visits other screens
 * (App.vue's KeepAlive, `KEPT_SCREENS`): coming back shows the table at once and asks for the
 * current page again, instead of building the table, its filters and its pager anew (issue 14:
 * a list's click → painted). `onReturn` runs on each return (not on the first visit): reload the
 * page, apply the link's filters. A kept screen's watchers still run while it is hidden, so those
 * that react to the route or to new data check `isActive()` and leave it to `onReturn`.
 *
 * `early`: a plain click back to `early.route` (no link filters) asks for the page as soon as the
 * navigation is decided, and the navigation waits for it (at most {@link EARLY_WAIT_MS}): the rows
 * are in the hidden screen before it is shown, so the screen comes back in one frame with its new
 * page, instead of a frame of kept rows and another of new ones (issue 14: in WebKitGTK the answer
 * could only land after the route change's patch and first paint, ~45 ms after the click, for a
 * query of ~5 ms). That load is handed to `onReturn` as `asked`, so it is not asked for twice; any
 * other navigation drops it (a return that was cancelled by another click).
 *
 * Outside a KeepAlive (the component tests) the screen is always active and never returns.
 */
export function useKeptScreen(
  onReturn: (asked: Promise<void> | null) => void,
  early?: { route: string; load: () => Promise<void> },
) {
  let active = true
  let visits = 0
  let asked: Promise<void> | null = null
  onActivated(() => {
    active = true
    const page = asked
    asked = null
    if (visits++ > 0) onReturn(page)
  })
  onDeactivated(() => {
    active = false
  })
  const router = early ? useRouter() : undefined
  const stop = router?.beforeResolve((to) => {
    if (active || !early) return
    asked = null
    if (to.name !== early.route || Object.keys(to.query).length > 0) return
    const page = early.load()
    asked = page
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, EARLY_WAIT_MS)
      void page.finally(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  })
  if (stop) onUnmounted(stop)
  return { isActive: () => active }
}
