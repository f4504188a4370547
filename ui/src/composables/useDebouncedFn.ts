import { onBeforeUnmount } from 'vue'

/** `fn` called once `ms` after the last call; `flush` calls it now (Enter in a search box). */
export function useDebouncedFn(fn: () => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  const schedule = () => {
    cancel()
    timer = setTimeout(() => {
      timer = undefined
      fn()
    }, ms)
  }
  const flush = () => {
    cancel()
    fn()
  }
  onBeforeUnmount(cancel)
  return { schedule, flush, cancel }
}
