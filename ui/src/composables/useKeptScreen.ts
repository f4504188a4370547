import { onActivated, onDeactivated } from 'vue'

/**
 * The long lists (党代表名册, 记录卡, 意见台账) stay built while the operator visits other screens
 * (App.vue's KeepAlive, `KEPT_SCREENS`): coming back shows the table at once and asks for the
 * current page again, instead of building the table, its filters and its pager anew (issue 14:
 * a list's click → painted). `onReturn` runs on each return (not on the first visit): reload the
 * page, apply the link's filters. A kept screen's watchers still run while it is hidden, so those
 * that react to the route or to new data check `isActive()` and leave it to `onReturn`.
 *
 * Outside a KeepAlive (the component tests) the screen is always active and never returns.
 */
export function useKeptScreen(onReturn: () => void) {
  let active = true
  let visits = 0
  onActivated(() => {
    active = true
    if (visits++ > 0) onReturn()
  })
  onDeactivated(() => {
    active = false
  })
  return { isActive: () => active }
}
