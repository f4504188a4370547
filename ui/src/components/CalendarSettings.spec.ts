import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { CalendarDay, CalendarOverride } from '@/api'
import CalendarSettings from './CalendarSettings.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    calendarMonth: vi.fn(),
    calendarOverrides: vi.fn(),
    calendarOverrideSet: vi.fn(),
    calendarOverrideRemove: vi.fn(),
  }
})

/** October 2025 as the backend describes it: 国庆节 and 中秋节 off 1–8, Saturday 11 worked. */
function october(official = true): CalendarDay[] {
  const days: CalendarDay[] = []
  for (let d = 1; d <= 31; d++) {
    const date = `2025-10-${String(d).padStart(2, '0')}`
    const weekday = ((d + 1) % 7) + 1 // Oct 1 2025 is a Wednesday
    const base = { date, weekday, overridden: false, official, version: d === 17 ? 1 : 0 }
    if (d <= 8) days.push({ ...base, kind: 'holiday', name: d === 6 ? '中秋节' : '国庆节', is_workday: false })
    else if (d === 11) days.push({ ...base, kind: 'makeup_workday', name: '国庆节', is_workday: true })
    else if (d === 17) days.push({ ...base, kind: 'holiday', name: '校运动会停课', is_workday: false, overridden: true })
    else if (weekday >= 6) days.push({ ...base, kind: 'weekend', is_workday: false })
    else days.push({ ...base, kind: 'workday', is_workday: true })
  }
  return days
}

const override: CalendarOverride = {
  date: '2025-10-17',
  kind: 'holiday',
  note: '校运动会停课',
  created_at: '2025-10-01T01:00:00Z',
  updated_at: '2025-10-01T01:00:00Z',
  updated_by: '王明',
  version: 1,
}

let wrapper: VueWrapper | null = null

async function open(official = true) {
  vi.mocked(api.calendarMonth).mockResolvedValue(october(official))
  vi.mocked(api.calendarOverrides).mockResolvedValue([override])
  wrapper = mount(CalendarSettings, { props: { initialMonth: '2025-10' }, global: { plugins: [ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const cell = (w: VueWrapper, date: string) => w.find(`[data-test=cal-day-${date}]`)

beforeEach(() => {
  vi.mocked(api.calendarOverrideSet).mockResolvedValue(override)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.clearAllMocks()
})

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
    expect(cell(w, '2025-10-17').classes()).toEqual(expect.arrayContaining(['is-holiday', 'is-overridden']))
    expect(cell(w, '2025-10-17').text()).toContain('自定')
    expect(cell(w, '2025-10-09').classes()).not.toContain('is-overridden')
    // The first of the month sits under Wednesday.
    expect(w.findAll('.calendar__row')[1]!.findAll('.calendar__day--pad')).toHaveLength(2)
    expect(w.find('[data-test=cal-unofficial]').exists()).toBe(false)
    expect(w.find('[data-test=cal-overrides]').text()).toContain('校运动会停课')
  })

  it('warns when the year is not in the official calendar', async () => {
    const w = await open(false)
    expect(w.find('[data-test=cal-unofficial]').text()).toContain('尚未收录')
  })

  it('sets a day as 上班 or 放假 with a note', async () => {
    const w = await open()
    await cell(w, '2025-10-20').trigger('click')
    await flushPromises()
    // A working day opens as 放假, the usual reason to click it.
    const dialog = document.querySelector('[data-test=cal-dialog]')!
    const note = dialog.querySelector<HTMLInputElement>('[data-test=cal-note] input')!
    note.value = '校庆'
    note.dispatchEvent(new Event('input'))
    dialog.querySelector<HTMLButtonElement>('[data-test=cal-save]')!.click()
    await flushPromises()
    expect(api.calendarOverrideSet).toHaveBeenCalledWith('2025-10-20', 0, 'holiday', '校庆')
    // The month and the list are read again.
    expect(api.calendarMonth).toHaveBeenCalledTimes(2)
  })
})
