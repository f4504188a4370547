import { onActivated, onDeactivated, onUnmounted } from 'vue'
import { useRouter } from 'vue-router'

/**
 * The long lists (党代表名册, 记录卡, 意见台账) stay built while the operator visits other screens
 * (App.vue's KeepAlive, `KEPT_SCREENS`): coming back shows the table at once and asks for the
 * current page again, instead of building the table, its filters and its pager anew (issue 14:
 * a list's click → painted). `onReturn` runs on each return (not on the first visit): reload the
 * page, apply the link's filters. A kept screen's watchers still run while it is hidden, so those
 * that react to the route or to new data check `isActive()` and leave it to `onReturn`.
 *
 * `early`: a plain click back to `early.route` (no link filters) asks for the page as soon as the
 * navigation is decided, before the screen being left is taken down (工作台's charts took ~30 ms
 * of the ledger's click → painted); the screen keeps what `load` started for its `onReturn`.
 *
 * Outside a KeepAlive (the component tests) the screen is always active and never returns.
 */
export function useKeptScreen(
  onReturn: () => void,
  early?: { route: string; load: () => void },
) {
  let active = true
  let visits = 0
  onActivated(() => {
    active = true
    if (visits++ > 0) onReturn()
  })
  onDeactivated(() => {
    active = false
  })
  const router = early ? useRouter() : undefined
  const stop = router?.beforeResolve((to) => {
    if (!active && early && to.name === early.route && Object.keys(to.query).length === 0) {
      early.load()
    }
  })
  if (stop) onUnmounted(stop)
  return { isActive: () => active }
}
