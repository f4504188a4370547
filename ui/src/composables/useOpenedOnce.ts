import { ref, watch, type Ref } from 'vue'

/**
 * Whether a dialog has been opened yet: a list screen mounts its dialogs (their forms, selects and
 * watchers) on their first opening rather than with the screen, and keeps them for the closing
 * animation and the next opening. Turns true in the same tick as `open`, so the dialog mounts
 * already open.
 */
export function useOpenedOnce(open: Ref<boolean>): Ref<boolean> {
  const opened = ref(open.value)
  watch(
    open,
    (now) => {
      if (now) opened.value = true
    },
    { flush: 'sync' },
  )
  return opened
}
