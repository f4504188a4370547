import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { CalendarDay } from '@/api'
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
  }
})

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

beforeEach(() => {
  vi.mocked(api.calendarOverrideSet).mockResolvedValue(calendar.overrides.all![0]!)
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
