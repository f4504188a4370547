import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useCardFilters } from './cardFilters'

beforeEach(() => setActivePinia(createPinia()))

describe('card filters', () => {
  it('opens with 工作台 links and turns them into the backend query', () => {
    const f = useCardFilters()
    f.q = '旧的搜索'
    expect(f.applyRouteQuery({ deadline: 'overdue' })).toBe(true)
    expect(f.q).toBe('')
    expect(f.toQuery()).toMatchObject({ deadline: 'overdue', status: null, from: null, to: null, q: '' })

    f.applyRouteQuery({ status: 'draft' })
    expect(f.toQuery()).toMatchObject({ status: 'draft', deadline: null })

    f.applyRouteQuery({ deadline: 'filed_late', from: '2026-01-01', to: '2026-12-31' })
    expect(f.toQuery()).toMatchObject({ deadline: 'filed_late', from: '2026-01-01', to: '2026-12-31' })
    expect(f.periodSelection()).toEqual({ kind: 'period', from: '2026-01-01', to: '2026-12-31' })

    // Nonsense is ignored; a query without filters changes nothing.
    f.applyRouteQuery({ deadline: 'whenever', from: '2026-1-1', to: 'x' })
    expect(f.toQuery()).toMatchObject({ deadline: null, from: null, to: null })
    f.status = 'submitted'
    expect(f.applyRouteQuery({})).toBe(false)
    expect(f.status).toBe('submitted')
  })

  it('knows when the list is filtered', () => {
    const f = useCardFilters()
    expect(f.isFiltered()).toBe(false)
    f.channel = 'home_visit'
    expect(f.isFiltered()).toBe(true)
    expect(f.toQuery().channel).toBe('home_visit')
    f.reset()
    expect(f.isFiltered()).toBe(false)
  })
})
