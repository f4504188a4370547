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

describe('item filters: 工作台 统计图表', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('takes a delegation bar’s query: the delegation, the period and the status', () => {
    const f = useItemFilters()
    expect(f.applyRouteQuery({ view: 'all', from: '2026-01-01', to: '2026-12-31', delegation: 'g1', status: 'closed' })).toBe(true)
    expect(f.toQuery()).toMatchObject({ delegation_id: 'g1', from: '2026-01-01', to: '2026-12-31', status: 'closed', view: null, unrouted: false })
    // The delegation alone is a filter too.
    expect(f.applyRouteQuery({ delegation: 'g2' })).toBe(true)
    expect(f.toQuery()).toMatchObject({ delegation_id: 'g2', status: null, from: null })
  })
})
