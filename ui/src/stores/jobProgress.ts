// The progress box of long jobs (batch PDFs, exports): which job it shows, how far it is, and 取消.
// `composables/useJob.ts` drives it; `components/JobProgressDialog.vue` (mounted once, in App.vue)
// shows it. One job is shown at a time: the newest.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { jobCancel } from '@/api'
import type { JobProgress } from '@/api'

export const useJobProgress = defineStore('jobProgress', () => {
  /** The job shown (its id), or '' when none runs. */
  const current = ref('')
  const visible = ref(false)
  const title = ref('')
  /** What the counts are, e.g. 张; empty for plain numbers. */
  const unit = ref('')
  const done = ref(0)
  const total = ref(0)
  const cancelling = ref(false)

  function begin(jobId: string, heading: string, countUnit = '') {
    current.value = jobId
    title.value = heading
    unit.value = countUnit
    done.value = 0
    total.value = 0
    cancelling.value = false
    visible.value = false
  }

  function report(jobId: string, p: JobProgress) {
    if (jobId !== current.value) return
    done.value = p.done
    total.value = p.total
  }

  /** The job has run long enough to be worth a box. */
  function show(jobId: string) {
    if (jobId === current.value) visible.value = true
  }

  function end(jobId: string) {
    if (jobId !== current.value) return
    current.value = ''
    visible.value = false
    cancelling.value = false
  }

  /** 取消: ask the backend to stop; the job's call then rejects with `cancelled`. */
  async function cancel() {
    const id = current.value
    if (!id || cancelling.value) return
    cancelling.value = true
    try {
      await jobCancel(id)
    } catch {
      cancelling.value = false
    }
  }

  return { current, visible, title, unit, done, total, cancelling, begin, report, show, end, cancel }
})
