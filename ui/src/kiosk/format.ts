// How the kiosk's screens write days, months and places: short, in Chinese, for reading at a glance.
import { RULES } from '@/api/rules'
import type { DayPeriod, Place } from '@/api'

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

function parts(day: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim())
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null
}

/** `2026-12-08` → `星期二` (empty for what is not a day). */
export function weekdayOf(day: string): string {
  const p = parts(day)
  if (!p) return ''
  return WEEKDAYS[new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay()]
}

/** `2026-12-08` → `12月8日`. */
export function monthDay(day: string): string {
  const p = parts(day)
  return p ? `${p[1]}月${p[2]}日` : day
}

/** `2026-12-08` → `2026年12月8日`. */
export function fullDay(day: string): string {
  const p = parts(day)
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : day
}

/** `2026-12` → `2026年12月`. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month.trim())
  return m ? `${m[1]}年${Number(m[2])}月` : month
}

/** `09:00`–`11:30` → `09:00 – 11:30`. */
export function span(start: string, end: string): string {
  return `${start} – ${end}`
}

export function placeLabel(place: Place, note = ''): string {
  const label = RULES.schedule.places.find((p) => p.value === place)?.label ?? ''
  return note.trim() ? `${label} · ${note.trim()}` : label
}

export function periodLabel(period: DayPeriod): string {
  return RULES.kiosk.day_periods.find((p) => p.value === period)?.label ?? ''
}

/** The page's own day (`YYYY-MM-DD`), for what is only cosmetic (dimming past days). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
