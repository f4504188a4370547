// The one print preview of the app: any page opens it with a print job and a suggested file name.
// The dialog itself (and pdf.js with it) is loaded the first time it opens.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { PrintJob } from '@/api'

export const usePrintPreview = defineStore('printPreview', () => {
  const visible = ref(false)
  /** True from the first open on: the host then mounts the (lazily loaded) dialog. */
  const used = ref(false)
  const job = shallowRef<PrintJob | null>(null)
  /** Suggested name for 另存为 PDF. */
  const fileName = ref('')
  /** The dialog's title: what is being printed. */
  const title = ref('')
  /** Bumped on every open, so the dialog reloads even for the same job. */
  const seq = ref(0)
  /** The page (hash route) it was opened on: going elsewhere closes it. */
  const openedOn = ref('')

  function open(next: PrintJob, name: string, heading: string) {
    job.value = next
    fileName.value = name
    title.value = heading
    used.value = true
    visible.value = true
    openedOn.value = typeof window !== 'undefined' ? window.location.hash.replace(/^#/, '') : ''
    seq.value++
  }

  function close() {
    visible.value = false
  }

  return { visible, used, job, fileName, title, seq, openedOn, open, close }
})
