import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import * as api from '@/api'
import type { AppStatus } from '@/api'
import { useAppStore } from './app'
import { useDelegationsStore } from './delegations'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, delegationsList: vi.fn(), setupLoadDemo: vi.fn() }
})

const g = { id: 'g1', name: '理工代表团', head_delegate_id: null, head_name: null, note: '', display_order: 1, active_count: 8 }

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

describe('delegations store', () => {
  it('loads once, shares a request in flight, and reloads when forced', async () => {
    vi.mocked(api.delegationsList).mockResolvedValue([g])
    const store = useDelegationsStore()
    await Promise.all([store.load(), store.load()])
    await store.load()
    expect(api.delegationsList).toHaveBeenCalledTimes(1)
    expect(store.nameOf('g1')).toBe('理工代表团')
    await store.load(true)
    expect(api.delegationsList).toHaveBeenCalledTimes(2)
  })

  it('reloads after demo data is loaded, even when a page loaded the empty list before', async () => {
    vi.mocked(api.delegationsList).mockResolvedValueOnce([]).mockResolvedValueOnce([g])
    vi.mocked(api.setupLoadDemo).mockResolvedValue({ setup: 'demo' } as AppStatus)
    const store = useDelegationsStore()
    await store.load()
    expect(store.list).toEqual([])

    await useAppStore().loadDemo()
    await store.load()
    expect(api.delegationsList).toHaveBeenCalledTimes(2)
    expect(store.nameOf('g1')).toBe('理工代表团')
  })
})
