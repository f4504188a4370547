// The one print preview of the app: any page opens it with a print job (record cards) or a month's
// wall poster (接待安排), and a suggested file name. The dialog itself (and pdf.js with it) is loaded
// the first time it opens.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { PrintJob, WallKind } from '@/api'

export const usePrintPreview = defineStore('printPreview', () => {
  const visible = ref(false)
  /** True from the first open on: the host then mounts the (lazily loaded) dialog. */
  const used = ref(false)
  const job = shallowRef<PrintJob | null>(null)
  /** The month (`YYYY-MM`) whose wall poster is shown, instead of a print job. */
  const poster = ref<string | null>(null)
  /** The wall document (上墙制度) shown, instead of a print job or a month's poster. */
  const wall = ref<WallKind | null>(null)
  /** Bumped when a poster was saved or handed to the PDF viewer (its month's mark was cleared). */
  const posterPrinted = ref(0)
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
    poster.value = null
    wall.value = null
    show(name, heading)
  }

  /** The wall poster of `month` (`YYYY-MM`). */
  function openPoster(month: string, name: string, heading: string) {
    job.value = null
    poster.value = month
    wall.value = null
    show(name, heading)
  }

  /** A wall document's poster. */
  function openWall(kind: WallKind, name: string, heading: string) {
    job.value = null
    poster.value = null
    wall.value = kind
    show(name, heading)
  }

  function show(name: string, heading: string) {
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

  return { visible, used, job, poster, wall, posterPrinted, fileName, title, seq, openedOn, open, openPoster, openWall, close }
})
