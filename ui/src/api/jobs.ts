// Long jobs (batch PDFs, exports) report progress and can be stopped. The page names each job with an
// id it makes and hands the backend a channel; `jobCancel(id)` asks the job to stop, and its call then
// rejects with code `cancelled`. Pages use them through `composables/useJob.ts`.
import { Channel } from '@tauri-apps/api/core'
import { call } from './core'

/** What a running job reports: `done` of `total` steps (cards, rows, phases). */
export interface JobProgress {
  done: number
  total: number
}

/** The two arguments every long command takes besides its own. */
export interface JobRun {
  jobId: string
  onProgress: Channel<JobProgress>
}

/** A fresh job id: a UUID (with a fallback for a webview without `crypto.randomUUID`). */
export function newJobId(): string {
  const c = globalThis.crypto
  if (typeof c?.randomUUID === 'function') return c.randomUUID()
  const b = new Uint8Array(16)
  c.getRandomValues(b)
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** A new job: its id and a channel that passes each progress report to `onProgress`. */
export function newJobRun(onProgress: (p: JobProgress) => void): JobRun {
  const channel = new Channel<JobProgress>()
  channel.onmessage = onProgress
  return { jobId: newJobId(), onProgress: channel }
}

/** Ask the job to stop; false when it had already ended. */
export const jobCancel = (jobId: string) => call<boolean>('job_cancel', { jobId })
