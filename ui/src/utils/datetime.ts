// Times are stored in UTC and shown in Asia/Shanghai (DESIGN.md invariant 9). China has kept UTC+8
// without daylight saving since 1991, so a fixed offset is exact for every record this app holds, and
// it does not depend on the time-zone data of the webview's ICU build.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/** Wall-clock parts in Asia/Shanghai for an instant. */
function shanghaiParts(instant: Date) {
  const d = new Date(instant.getTime() + SHANGHAI_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  }
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? null : d
}

/** `2025-07-01T06:03:00Z` → `2025-07-01 14:03`; '' for a missing or unreadable value. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = parse(iso)
  if (!d) return ''
  const p = shanghaiParts(d)
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

/** The Asia/Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export function formatDate(iso: string | null | undefined): string {
  const d = parse(iso)
  if (!d) return ''
  const p = shanghaiParts(d)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** Today in Asia/Shanghai, `YYYY-MM-DD` (what the backend means by "today"). */
export function todayShanghai(now: Date = new Date()): string {
  const p = shanghaiParts(now)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** `2025-07-01` → `2025年7月1日`, for dates read in sentences. */
export function formatDateChinese(ymd: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd ?? '')
  if (!m) return ymd ?? ''
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

/** `2025-07-01T06:03:09Z` → `2025-07-01 14:03:09` (the audit log, where seconds matter). */
export function formatDateTimeSeconds(iso: string | null | undefined): string {
  const d = parse(iso)
  if (!d) return ''
  const s = new Date(d.getTime() + SHANGHAI_OFFSET_MS).getUTCSeconds()
  return `${formatDateTime(iso)}:${pad(s)}`
}
