import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessage } from 'element-plus'
import * as api from '@/api'
import type { CalendarDay, JobProgress, JobRun } from '@/api'
import { useJobProgress } from '@/stores/jobProgress'
import { SHOW_AFTER_MS } from '@/composables/useJob'
import { calendar } from '../../dev/fixtures'
import CalendarSettings from './CalendarSettings.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    calendarMonth: vi.fn(),
    calendarOverrides: vi.fn(),
    calendarOverrideSet: vi.fn(),
    calendarOverrideRemove: vi.fn(),
    jobCancel: vi.fn(),
    newJobRun: vi.fn((onProgress: (p: JobProgress) => void) => {
      lastProgress = onProgress
      return { jobId: 'job-1', onProgress: {} } as JobRun
    }),
  }
})

/** The progress callback of the last job started: what the backend's channel would call. */
let lastProgress: ((p: JobProgress) => void) | null = null

// Months as the core answers them (dev/fixtures): the official calendar and the studio's override.
const month = (key: string): CalendarDay[] => calendar.months[key]!

let wrapper: VueWrapper | null = null

async function open(key = '2025-10') {
  const [y] = key.split('-')
  vi.mocked(api.calendarMonth).mockResolvedValue(month(key))
  vi.mocked(api.calendarOverrides).mockResolvedValue(calendar.overrides[y!] ?? [])
  wrapper = mount(CalendarSettings, { props: { initialMonth: key }, global: { plugins: [ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const cell = (w: VueWrapper, date: string) => w.find(`[data-test=cal-day-${date}]`)

/** A call the test answers by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const cancelled = { code: 'cancelled', message: '已取消', fields: [], stale: null }

beforeEach(() => {
  setActivePinia(createPinia())
  vi.mocked(api.calendarOverrideSet).mockResolvedValue(calendar.overrides.all![0]!)
  vi.mocked(api.calendarOverrideRemove).mockResolvedValue(null)
  vi.mocked(api.jobCancel).mockResolvedValue(true)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
  vi.clearAllMocks()
})

/** Open 2025-10-20 (a working day) and press 保存 with the note 校庆. */
async function saveHoliday(w: VueWrapper) {
  await cell(w, '2025-10-20').trigger('click')
  await flushPromises()
  // A working day opens as 放假, the usual reason to click it.
  const dialog = document.querySelector('[data-test=cal-dialog]')!
  const note = dialog.querySelector<HTMLInputElement>('[data-test=cal-note] input')!
  note.value = '校庆'
  note.dispatchEvent(new Event('input'))
  dialog.querySelector<HTMLButtonElement>('[data-test=cal-save]')!.click()
}

const job = expect.objectContaining({ jobId: 'job-1' })

describe('CalendarSettings', () => {
  it('colours and labels each day by its kind', async () => {
    const w = await open()
    expect(api.calendarMonth).toHaveBeenCalledWith(2025, 10)
    expect(api.calendarOverrides).toHaveBeenCalledWith(2025)
    expect(w.find('[data-test=calendar-grid]').exists()).toBe(true)

    expect(cell(w, '2025-10-01').classes()).toContain('is-holiday')
    expect(cell(w, '2025-10-01').text()).toContain('国庆节')
    expect(cell(w, '2025-10-06').text()).toContain('中秋节')
    expect(cell(w, '2025-10-11').classes()).toContain('is-makeup')
    expect(cell(w, '2025-10-11').text()).toContain('调休上班')
    expect(cell(w, '2025-10-11').text()).toContain('国庆节')
    expect(cell(w, '2025-10-12').classes()).toContain('is-weekend')
    expect(cell(w, '2025-10-09').classes()).toContain('is-workday')
    expect(cell(w, '2025-10-09').classes()).not.toContain('is-overridden')
    // The first of the month sits under Wednesday.
    expect(w.findAll('.calendar__row')[1]!.findAll('.calendar__day--pad')).toHaveLength(2)
    expect(w.find('[data-test=cal-unofficial]').exists()).toBe(false)
  })

  it('marks the studio’s own days and lists them', async () => {
    const w = await open('2026-12')
    expect(api.calendarOverrides).toHaveBeenCalledWith(2026)
    expect(cell(w, '2026-12-31').classes()).toEqual(expect.arrayContaining(['is-holiday', 'is-overridden']))
    expect(cell(w, '2026-12-31').text()).toContain('自定')
    expect(w.find('[data-test=cal-overrides]').text()).toContain('学校放假')
  })

  it('warns when the year is not in the official calendar', async () => {
    const w = await open('2027-01')
    expect(month('2027-01')[0]!.official).toBe(false)
    expect(w.find('[data-test=cal-unofficial]').text()).toContain('尚未收录')
  })

  it('sets a day as 上班 or 放假 with a note', async () => {
    const w = await open()
    await saveHoliday(w)
    await flushPromises()
    expect(api.calendarOverrideSet).toHaveBeenCalledWith('2025-10-20', 0, 'holiday', '校庆', job)
    // The month and the list are read again.
    expect(api.calendarMonth).toHaveBeenCalledTimes(2)
  })

  it('shows the deadlines being recomputed, and 取消 leaves everything as it was', async () => {
    const w = await open()
    const box = useJobProgress()
    const info = vi.spyOn(ElMessage, 'info')
    const success = vi.spyOn(ElMessage, 'success')
    const call = deferred<never>()
    vi.mocked(api.calendarOverrideSet).mockReturnValue(call.promise)
    vi.useFakeTimers()
    await saveHoliday(w)
    await flushPromises()
    vi.advanceTimersByTime(SHOW_AFTER_MS + 50)
    expect(box.visible).toBe(true)
    expect(box.title).toBe('正在按新日历重新计算期限')
    lastProgress!({ done: 400, total: 100_338 })
    expect([box.done, box.total]).toEqual([400, 100_338])

    await box.cancel()
    expect(api.jobCancel).toHaveBeenCalledWith('job-1')
    call.reject(cancelled)
    await flushPromises()
    expect(box.visible).toBe(false)
    expect(info).toHaveBeenCalledTimes(1)
    expect(info).toHaveBeenCalledWith('已取消，2025-10-20 的安排和已有期限均未改动')
    expect(success).not.toHaveBeenCalled()
    // Nothing saved: the dialog stays open with what was entered, and nothing is read again.
    const overlay = document.querySelector('[data-test=cal-dialog]')!.closest<HTMLElement>('.el-overlay')!
    expect(overlay.style.display).not.toBe('none')
    expect(document.querySelector<HTMLInputElement>('[data-test=cal-note] input')!.value).toBe('校庆')
    expect(api.calendarMonth).toHaveBeenCalledTimes(1)
  })

  it('restores the official day as a long job too', async () => {
    const w = await open('2026-12')
    const restore = w.findAll('[data-test=cal-overrides] button').find((b) => b.text() === '恢复官方')!
    const info = vi.spyOn(ElMessage, 'info')
    vi.mocked(api.calendarOverrideRemove).mockRejectedValueOnce(cancelled)
    await restore.trigger('click')
    await flushPromises()
    const o = calendar.overrides['2026']![0]!
    expect(api.calendarOverrideRemove).toHaveBeenCalledWith(o.date, o.version, job)
    expect(info).toHaveBeenCalledWith(`已取消，${o.date} 的安排和已有期限均未改动`)
    expect(api.calendarOverrides).toHaveBeenCalledTimes(1)

    await restore.trigger('click')
    await flushPromises()
    expect(api.calendarOverrideRemove).toHaveBeenCalledTimes(2)
    expect(api.calendarOverrides).toHaveBeenCalledTimes(2)
  })
})
