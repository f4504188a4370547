// A list's loading mask: only for a page that keeps the table waiting, never for a quick answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LOADING_MASK_DELAY_MS, usePagedList } from '@/composables/usePagedList'
import type { Page } from '@/api'

const filters = { page: 1, pageSize: 20 }
const answer = (items: string[]): Page<string> => ({ items, total: items.length, page: 1, page_size: 20 }) as Page<string>

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('usePagedList', () => {
  it('fills the rows of a quick page without ever showing the mask', async () => {
    const list = usePagedList(filters, () => new Promise<Page<string>>((r) => setTimeout(() => r(answer(['a', 'b'])), 20)))
    const seen: boolean[] = []
    const done = list.load()
    for (let t = 0; t < 40; t += 5) {
      seen.push(list.loading.value)
      await vi.advanceTimersByTimeAsync(5)
    }
    await done
    expect(seen.every((s) => !s)).toBe(true)
    expect(list.rows.value).toEqual(['a', 'b'])
    await vi.advanceTimersByTimeAsync(LOADING_MASK_DELAY_MS * 2)
    expect(list.loading.value).toBe(false)
  })

  it('shows the mask while a slow page is awaited, and takes it away when it lands', async () => {
    const list = usePagedList(filters, () => new Promise<Page<string>>((r) => setTimeout(() => r(answer(['c'])), 1000)))
    const done = list.load()
    await vi.advanceTimersByTimeAsync(LOADING_MASK_DELAY_MS - 10)
    expect(list.loading.value).toBe(false)
    await vi.advanceTimersByTimeAsync(20)
    expect(list.loading.value).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    await done
    expect(list.loading.value).toBe(false)
    expect(list.rows.value).toEqual(['c'])
  })
})
