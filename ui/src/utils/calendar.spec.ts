import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '@/api'
import { dayLook, monthWeeks } from './calendar'

const day = (date: string, weekday: number, kind: Partial<CalendarDay>): CalendarDay =>
  ({ date, weekday, is_workday: true, overridden: false, official: true, kind: 'workday', ...kind }) as CalendarDay

describe('calendar grid', () => {
  it('labels and colours each kind of day', () => {
    expect(dayLook(day('2025-10-09', 4, { kind: 'workday' }))).toMatchObject({ label: '工作日', className: 'is-workday' })
    expect(dayLook(day('2025-10-12', 7, { kind: 'weekend', is_workday: false }))).toMatchObject({
      label: '周末',
      className: 'is-weekend',
    })
    expect(dayLook(day('2025-10-01', 3, { kind: 'holiday', name: '国庆节', is_workday: false } as Partial<CalendarDay>))).toMatchObject({
      label: '国庆节',
      className: 'is-holiday',
    })
    expect(dayLook(day('2025-10-11', 6, { kind: 'makeup_workday', name: '国庆节' } as Partial<CalendarDay>))).toMatchObject({
      label: '调休上班',
      detail: '国庆节',
      className: 'is-makeup',
    })
  })

  it('lays a month out Monday to Sunday with blanks around it', () => {
    // October 2025 starts on a Wednesday and has 31 days.
    const days = Array.from({ length: 31 }, (_, i) => day(`2025-10-${String(i + 1).padStart(2, '0')}`, ((i + 2) % 7) + 1, {}))
    const weeks = monthWeeks(days)
    expect(weeks).toHaveLength(5)
    expect(weeks[0]!.slice(0, 2)).toEqual([null, null])
    expect(weeks[0]![2]!.date).toBe('2025-10-01')
    expect(weeks[4]![4]!.date).toBe('2025-10-31')
    expect(weeks[4]!.slice(5)).toEqual([null, null])
  })
})
