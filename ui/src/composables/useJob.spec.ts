import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ElMessage } from 'element-plus'
import * as api from '@/api'
import type { JobProgress, JobRun } from '@/api'
import { useJobProgress } from '@/stores/jobProgress'
import { runJob, SHOW_AFTER_MS } from './useJob'

let lastProgress: ((p: JobProgress) => void) | null = null

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    jobCancel: vi.fn(),
    newJobRun: vi.fn((onProgress: (p: JobProgress) => void) => {
      lastProgress = onProgress
      return { jobId: 'job-1', onProgress: {} } as JobRun
    }),
  }
})

/** A job the test finishes by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.useFakeTimers()
  vi.mocked(api.jobCancel).mockResolvedValue(true)
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('runJob', () => {
  it('shows no box for a quick job', async () => {
    const box = useJobProgress()
    const done = runJob('正在生成 PDF', async () => 'ok')
    await expect(done).resolves.toBe('ok')
    vi.advanceTimersByTime(SHOW_AFTER_MS * 2)
    expect(box.visible).toBe(false)
  })

  it('shows the box with progress once the job takes a while, and 取消 stops it quietly', async () => {
    const box = useJobProgress()
    const info = vi.spyOn(ElMessage, 'info')
    const job = deferred<string>()
    const done = runJob('正在生成打印预览', () => job.promise)
    vi.advanceTimersByTime(SHOW_AFTER_MS - 50)
    expect(box.visible).toBe(false)
    vi.advanceTimersByTime(100)
    expect(box.visible).toBe(true)
    expect(box.title).toBe('正在生成打印预览')
    lastProgress!({ done: 12, total: 90 })
    expect([box.done, box.total]).toEqual([12, 90])
    expect(box.unit).toBe('')

    await box.cancel()
    expect(api.jobCancel).toHaveBeenCalledWith('job-1')
    expect(box.cancelling).toBe(true)
    job.reject({ code: 'cancelled', message: '已取消', fields: [], stale: null })
    await expect(done).resolves.toBeNull()
    expect(info).toHaveBeenCalledWith('已取消')
    expect(box.visible).toBe(false)
  })

  it('counts in the unit the caller names (cards: 张)', async () => {
    const box = useJobProgress()
    const job = deferred<string>()
    const done = runJob('正在生成 PDF', () => job.promise, { unit: '张' })
    expect(box.unit).toBe('张')
    job.resolve('ok')
    await done
  })

  it('after a save dialog, waits for the job to report before counting', async () => {
    const box = useJobProgress()
    const job = deferred<string>()
    const done = runJob('正在保存 PDF', () => job.promise, { afterDialog: true })
    vi.advanceTimersByTime(5000) // the user is still choosing where to save
    expect(box.visible).toBe(false)
    lastProgress!({ done: 0, total: 40 })
    vi.advanceTimersByTime(SHOW_AFTER_MS + 10)
    expect(box.visible).toBe(true)
    job.resolve('saved')
    await expect(done).resolves.toBe('saved')
    expect(box.visible).toBe(false)
  })

  it('passes other failures on as ApiErrors', async () => {
    const done = runJob('正在导出记录卡', () => Promise.reject({ code: 'io', message: '文件读写失败：磁盘已满', fields: [], stale: null }))
    await expect(done).rejects.toMatchObject({ name: 'ApiError', code: 'io' })
    expect(useJobProgress().visible).toBe(false)
  })
})
