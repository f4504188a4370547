// Starting the window afresh (after 退出登录, after a restore): no data of the previous session left
// in a store or a form. `hash`: the route to start at (退出登录: the login screen, not the page the
// previous person had open). A function of its own so specs can replace it.
export function reloadWindow(hash?: string): void {
  if (hash !== undefined) window.history.replaceState(null, '', hash)
  window.location.reload()
}
