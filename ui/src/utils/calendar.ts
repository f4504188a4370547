// The month grid of 设置 → 工作日历: how each kind of day is labelled and coloured, and the weeks.
import type { CalendarDay } from '@/api'

export const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日']

export interface DayLook {
  /** The kind in words: 工作日, 周末, the holiday's name (国庆节, or the admin's note), 调休上班. */
  label: string
  /** A second line: for a make-up day, the holiday it makes up for (or the admin's note). */
  detail: string
  /** CSS class for the cell's colour. */
  className: 'is-workday' | 'is-weekend' | 'is-holiday' | 'is-makeup'
}

export function dayLook(day: CalendarDay): DayLook {
  switch (day.kind) {
    case 'workday':
      return { label: '工作日', detail: '', className: 'is-workday' }
    case 'weekend':
      return { label: '周末', detail: '', className: 'is-weekend' }
    case 'holiday':
      return { label: day.name || '放假', detail: '', className: 'is-holiday' }
    case 'makeup_workday':
      return { label: '调休上班', detail: day.name, className: 'is-makeup' }
  }
}

/** The legend under the grid, one entry per class. */
export const DAY_LEGEND: { className: DayLook['className']; label: string }[] = [
  { className: 'is-workday', label: '工作日' },
  { className: 'is-weekend', label: '周末' },
  { className: 'is-holiday', label: '法定节假日 / 放假' },
  { className: 'is-makeup', label: '调休上班' },
]

/** Weeks Monday to Sunday; days outside the month are null. */
export function monthWeeks(days: CalendarDay[]): (CalendarDay | null)[][] {
  if (days.length === 0) return []
  const cells: (CalendarDay | null)[] = Array.from({ length: days[0]!.weekday - 1 }, () => null)
  cells.push(...days)
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (CalendarDay | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

/** `2025-10-01` → 1 */
export const dayOfMonth = (date: string) => Number(date.slice(8, 10))
