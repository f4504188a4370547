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

  it("shows a linked delegate's name, not their id, before the select's options load", () => {
    const f = useCardFilters()
    f.applyRouteQuery({ delegate: 'd-zhang', delegate_name: '张建华', from: '2026-01-01', to: '2026-12-31' })
    expect(f.toQuery()).toMatchObject({ delegate_id: 'd-zhang' })
    expect(f.delegateName).toBe('张建华')
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
