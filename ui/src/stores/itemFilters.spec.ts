import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useItemFilters } from './itemFilters'

describe('item filters: 待分派', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('asks for the unrouted items, not a 督办 view', () => {
    const f = useItemFilters()
    expect(f.toQuery()).toMatchObject({ view: null, unrouted: false })
    expect(f.applyRouteQuery({ view: 'unrouted' })).toBe(true)
    expect(f.view).toBe('unrouted')
    expect(f.toQuery()).toMatchObject({ view: null, unrouted: true })
    f.view = 'overdue'
    expect(f.toQuery()).toMatchObject({ view: 'overdue', unrouted: false })
  })
})
