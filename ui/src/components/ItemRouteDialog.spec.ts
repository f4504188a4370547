// 分派: the visitor's chosen delegate comes preselected (a wish, shown as such); the backend's message
// lands beside the delegates; the chosen ones are sent with the item's version.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { Delegate, Item } from '@/api'
import { items } from '../../dev/fixtures'
import DelegateMultiPicker from './DelegateMultiPicker.vue'
import ItemRouteDialog from './ItemRouteDialog.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, itemRoute: vi.fn(), delegateGet: vi.fn(), delegationsList: vi.fn(), delegatesList: vi.fn() }
})

const base = Object.values(items.details).find((d) => d.item.status === 'received')!.item
const item: Item = { ...base, source: 'kiosk', delegates: [], requested_delegate_id: 'd7', version: 4 }

let wrapper: VueWrapper | null = null
const done = vi.fn()

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 200))
  await flushPromises()
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)

async function openDialog() {
  setActivePinia(createPinia())
  const Host = defineComponent({
    setup() {
      const open = ref(false)
      return () => h(ItemRouteDialog, { modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => (open.value = v), item, onDone: done })
    },
  })
  wrapper = mount(Host, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  wrapper.findComponent(ItemRouteDialog).vm.$emit('update:modelValue', true)
  await settle()
  return wrapper
}

beforeEach(() => {
  vi.mocked(api.delegateGet).mockResolvedValue({ id: 'd7', name: '王建国', delegation_id: 'g1', status: 'active' } as Delegate)
  vi.mocked(api.delegationsList).mockResolvedValue([{ id: 'g1', name: '理工代表团' } as never])
  vi.mocked(api.delegatesList).mockResolvedValue({ items: [], total: 0, page: 1, page_size: 50 })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('ItemRouteDialog', () => {
  it('offers the visitor’s chosen delegate first, and routes to the chosen ones', async () => {
    vi.mocked(api.itemRoute)
      .mockRejectedValueOnce(new api.ApiError('validation', '王建国 已离任，不能承办新的事项', [{ field: 'delegate_ids', message: '王建国 已离任，不能承办新的事项' }]))
      .mockResolvedValueOnce({ ...item, delegates: [{ delegate_id: 'd8', name: '李红' } as never] })
    const w = await openDialog()
    expect(q('[data-test=route-requested]')?.textContent).toContain('王建国')
    expect(q('[data-test=route-requested]')?.textContent).toContain('理工代表团')
    expect(w.findComponent(DelegateMultiPicker).props('modelValue')).toEqual(['d7'])

    q<HTMLButtonElement>('[data-test=route-confirm]')!.click()
    await settle()
    expect(api.itemRoute).toHaveBeenCalledWith(item.id, 4, ['d7'])
    expect(q('[data-test=route-delegates] .el-form-item__error')?.textContent?.trim()).toBe('王建国 已离任，不能承办新的事项')

    w.findComponent(DelegateMultiPicker).vm.$emit('update:modelValue', ['d8'])
    await settle()
    q<HTMLButtonElement>('[data-test=route-confirm]')!.click()
    await settle()
    expect(api.itemRoute).toHaveBeenLastCalledWith(item.id, 4, ['d8'])
    expect(done).toHaveBeenCalled()
  })
})
