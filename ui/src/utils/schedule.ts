// The reception schedule (接待安排) as the UI words it: places and copy modes in the core's words
// (`RULES.schedule`), the month's state as a tag, months as `2026年12月`, and a slot as one line.
import type { CopyMode, DutyDelegate, Place, ScheduleMonth, Slot } from '@/api'
import { RULES } from '@/api/rules'
import { labelMap, type TagType } from '@/utils/labels'

export const PLACE_LABELS: Record<Place, string> = labelMap(RULES.schedule.places)
export const PLACES: Place[] = RULES.schedule.places.map((p) => p.value)

export const COPY_MODE_LABELS: Record<CopyMode, string> = labelMap(RULES.schedule.copy_modes)
export const COPY_MODES: CopyMode[] = RULES.schedule.copy_modes.map((m) => m.value)

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** 1 = Monday … 7 = Sunday → 周一 … 周日. */
export const weekdayLabel = (weekday: number) => WEEKDAYS[weekday - 1] ?? ''

const MONTH = /^(\d{4})-(\d{2})$/

/** `2026-12` → `2026年12月`. */
export function monthLabel(month: string): string {
  const m = MONTH.exec(month)
  return m ? `${m[1]}年${Number(m[2])}月` : month
}

/** The month `n` months after `month` (before, when negative): `2026-12` + 1 → `2027-01`. */
export function shiftMonth(month: string, n: number): string {
  const m = MONTH.exec(month)
  if (!m) return month
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The month of a date: `2026-12-03` → `2026-12`. */
export const monthOf = (date: string) => date.slice(0, 7)

/** The last day of `month`, `YYYY-MM-DD`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${month}-${String(last).padStart(2, '0')}`
}

/** `YYYY-MM-DD` plus `days` days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** `2026-12-03` → `12月3日`. */
export function shortDate(date: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${Number(m[1])}月${Number(m[2])}日` : date
}

/** `14:30—17:00`, as the core and the poster write a span. */
export const timeSpan = (start: string, end: string) => `${start}—${end}`

/** 工作室（行政楼 105 室）, or just the place. */
export const placeText = (s: Pick<Slot, 'place' | 'place_note'>) =>
  s.place_note ? `${PLACE_LABELS[s.place]}（${s.place_note}）` : PLACE_LABELS[s.place]

/** 张建华（理工代表团） */
export const delegateText = (d: DutyDelegate) => (d.delegation_name ? `${d.name}（${d.delegation_name}）` : d.name)

/** `12月3日 周四 14:30—17:00 工作室`: how a slot is named in a choice or a message. */
export const slotText = (s: Slot) => `${shortDate(s.date)} ${weekdayLabel(s.weekday)} ${timeSpan(s.start, s.end)} ${PLACE_LABELS[s.place]}`

/** 未发布 / 已发布 / 已发布·海报待更新. */
export function monthStateTag(m: ScheduleMonth): { label: string; type: TagType } {
  if (!m.published) return { label: '未发布', type: 'info' }
  if (m.poster_changed) return { label: '已发布·海报待更新', type: 'warning' }
  return { label: '已发布', type: 'success' }
}

/** The poster's suggested file name: `接待安排-2026年12月.pdf`. */
export const posterFileName = (month: string) => `接待安排-${monthLabel(month)}.pdf`
