// China's official working-day calendar for the mock backend: 2024–2026 from the app's data
// (crates/studio-core/data/china-calendar.txt, from the MIT-licensed chinese-days package). Earlier
// years the app covers follow only the weekly rule here; years after 2026 are "not official", as in
// the app.
import type { CalendarDay, CalendarOverride, DayKind } from '../src/api/types'

const DATA = `
2024-01-01 H 元旦
2024-02-04 W 春节
2024-02-10..2024-02-17 H 春节
2024-02-18 W 春节
2024-04-04..2024-04-06 H 清明节
2024-04-07 W 清明节
2024-04-28 W 劳动节
2024-05-01..2024-05-05 H 劳动节
2024-05-11 W 劳动节
2024-06-10 H 端午节
2024-09-14 W 中秋节
2024-09-15..2024-09-17 H 中秋节
2024-09-29 W 国庆节
2024-10-01..2024-10-07 H 国庆节
2024-10-12 W 国庆节
2025-01-01 H 元旦
2025-01-26 W 春节
2025-01-28..2025-02-04 H 春节
2025-02-08 W 春节
2025-04-04..2025-04-06 H 清明节
2025-04-27 W 劳动节
2025-05-01..2025-05-05 H 劳动节
2025-05-31..2025-06-02 H 端午节
2025-09-28 W 国庆节
2025-10-01..2025-10-05 H 国庆节
2025-10-06 H 中秋节
2025-10-07..2025-10-08 H 国庆节
2025-10-11 W 国庆节
2026-01-01..2026-01-03 H 元旦
2026-01-04 W 元旦
2026-02-14 W 春节
2026-02-15..2026-02-23 H 春节
2026-02-28 W 春节
2026-04-04..2026-04-06 H 清明节
2026-05-01..2026-05-05 H 劳动节
2026-05-09 W 劳动节
2026-06-19..2026-06-21 H 端午节
2026-09-20 W 国庆节
2026-09-25..2026-09-27 H 中秋节
2026-10-01..2026-10-07 H 国庆节
2026-10-10 W 国庆节
`

export const OFFICIAL_YEARS = [2004, 2026] as const

interface OfficialDay {
  off: boolean
  name: string
}

const pad = (n: number) => String(n).padStart(2, '0')

export function ymd(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export function parseYmd(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null
  const d = new Date(`${s}T00:00:00Z`)
  return Number.isNaN(d.getTime()) || ymd(d) !== s ? null : d
}

export function addDays(s: string, n: number): string {
  const d = new Date(`${s}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return ymd(d)
}

/** 1 = Monday … 7 = Sunday */
export const weekday = (s: string) => ((new Date(`${s}T00:00:00Z`).getUTCDay() + 6) % 7) + 1

const official = new Map<string, OfficialDay>()
for (const line of DATA.trim().split('\n')) {
  const [span, kind, name] = line.split(' ') as [string, string, string]
  const [from, to] = span.includes('..') ? (span.split('..') as [string, string]) : [span, span]
  for (let d = from; d <= to; d = addDays(d, 1)) official.set(d, { off: kind === 'H', name })
}

export class MockCalendar {
  overrides = new Map<string, CalendarOverride>()

  kind(date: string): DayKind {
    const o = official.get(date)
    const weekend = weekday(date) >= 6
    const ov = this.overrides.get(date)
    if (ov?.kind === 'holiday') return { kind: 'holiday', name: ov.note || (o?.off ? o.name : '') || '放假' }
    if (ov?.kind === 'workday')
      return weekend ? { kind: 'makeup_workday', name: ov.note || (o && !o.off ? o.name : '') || '上班' } : { kind: 'workday' }
    if (o) return o.off ? { kind: 'holiday', name: o.name } : { kind: 'makeup_workday', name: o.name }
    return weekend ? { kind: 'weekend' } : { kind: 'workday' }
  }

  isWorkday(date: string): boolean {
    const k = this.kind(date).kind
    return k === 'workday' || k === 'makeup_workday'
  }

  /** `n` working days after `date` (the day itself never counts). */
  addWorkdays(date: string, n: number): string {
    let d = date
    while (n > 0) {
      d = addDays(d, 1)
      if (this.isWorkday(d)) n--
    }
    return d
  }

  day(date: string): CalendarDay {
    const kind = this.kind(date)
    const year = Number(date.slice(0, 4))
    return {
      date,
      weekday: weekday(date),
      ...kind,
      is_workday: kind.kind === 'workday' || kind.kind === 'makeup_workday',
      overridden: this.overrides.has(date),
      official: year >= OFFICIAL_YEARS[0] && year <= OFFICIAL_YEARS[1],
    }
  }

  month(year: number, month: number): CalendarDay[] {
    const days: CalendarDay[] = []
    for (let d = `${year}-${pad(month)}-01`; Number(d.slice(5, 7)) === month; d = addDays(d, 1)) days.push(this.day(d))
    return days
  }
}
