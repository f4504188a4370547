import { describe, expect, it } from 'vitest'
import { formatDate, formatDateChinese, formatDateTime, todayShanghai } from './datetime'

describe('Asia/Shanghai formatting', () => {
  it('shows a UTC instant as Beijing wall-clock time', () => {
    expect(formatDateTime('2025-07-01T06:03:00Z')).toBe('2025-07-01 14:03')
    expect(formatDateTime('2025-07-01T06:03:59.999+00:00')).toBe('2025-07-01 14:03')
  })

  it('rolls over to the next day after 16:00 UTC', () => {
    expect(formatDateTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30')
    expect(formatDate('2025-12-31T16:30:00Z')).toBe('2026-01-01')
    expect(todayShanghai(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01')
    expect(todayShanghai(new Date('2025-12-31T15:59:00Z'))).toBe('2025-12-31')
  })

  it('accepts offsets other than UTC', () => {
    expect(formatDateTime('2025-03-09T10:00:00-05:00')).toBe('2025-03-09 23:00')
  })

  it('gives an empty string for missing or unreadable values', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime('')).toBe('')
    expect(formatDateTime('not a date')).toBe('')
  })

  it('writes a date the Chinese way', () => {
    expect(formatDateChinese('2025-07-01')).toBe('2025年7月1日')
  })
})
