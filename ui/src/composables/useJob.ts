// Running a long job (batch PDF, export, blank cards): a fresh job id and progress channel for the
// backend, a progress box with 取消 once the job has taken longer than SHOW_AFTER_MS (a quick job
// shows nothing), and a quiet 「已取消」 when the user stopped it.
import { ElMessage } from 'element-plus'
import { newJobRun, toApiError } from '@/api'
import type { JobRun } from '@/api'
import { useJobProgress } from '@/stores/jobProgress'

/** A job quicker than this shows no progress box. */
export const SHOW_AFTER_MS = 300

export interface RunJobOptions {
  /**
   * The backend first asks where to save, in the system's dialog: the box then waits for the job's
   * first progress report (the job really running), so it never appears behind that dialog.
   */
  afterDialog?: boolean
  /** What the counts are (张 for cards): the box says 已完成 N / M 张. */
  unit?: string
}

/**
 * Run `work` as a long job titled `title` (正在生成 PDF …). Resolves to its result, or null when the
 * user cancelled it (already announced as 「已取消」). Other failures reject with the ApiError.
 */
export async function runJob<T>(
  title: string,
  work: (run: JobRun) => Promise<T>,
  opts: RunJobOptions = {},
): Promise<T | null> {
  const box = useJobProgress()
  let finished = false
  let timer: ReturnType<typeof setTimeout> | null = null
  const startTimer = () => {
    if (timer !== null || finished) return
    timer = setTimeout(() => {
      if (!finished) box.show(run.jobId)
    }, SHOW_AFTER_MS)
  }
  const run = newJobRun((p) => {
    box.report(run.jobId, p)
    startTimer()
  })
  box.begin(run.jobId, title, opts.unit ?? '')
  if (!opts.afterDialog) startTimer()
  try {
    return await work(run)
  } catch (e) {
    const err = toApiError(e)
    if (err.isCancelled) {
      ElMessage.info('已取消')
      return null
    }
    throw err
  } finally {
    finished = true
    if (timer !== null) clearTimeout(timer)
    box.end(run.jobId)
  }
}
