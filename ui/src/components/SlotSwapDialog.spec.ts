// 调换值班: two delegates change places between two slots in one call, naming both versions; the
// backend's message lands beside the delegate at fault.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import ElementPlus, { ElSelect } from 'element-plus'
import * as api from '@/api'
import { schedule } from '../../dev/fixtures'
import SlotSwapDialog from './SlotSwapDialog.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, scheduleSwap: vi.fn() }
})

const slots = schedule.plans['2026-12']!.days.flatMap((d) => d.slots).filter((s) => s.place === 'studio')
const [a, b] = [slots[0]!, slots[1]!]
let wrapper: VueWrapper | null = null
const done = vi.fn()

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 200))
  await flushPromises()
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('SlotSwapDialog', () => {
  it('swaps the chosen delegates of two slots in one call', async () => {
    vi.mocked(api.scheduleSwap)
      .mockRejectedValueOnce(
        new api.ApiError('validation', '时间重叠', [{ field: 'delegate_b', message: `${b.delegates[0]!.name} 已在其他时段值班，时间重叠` }]),
      )
      .mockResolvedValueOnce({ slot_a: a, slot_b: b })
    const Host = defineComponent({
      setup() {
        const open = ref(false)
        return () =>
          h(SlotSwapDialog, { modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => (open.value = v), slots, initialSlot: a.id, onDone: done })
      },
    })
    wrapper = mount(Host, { global: { plugins: [ElementPlus] }, attachTo: document.body })
    wrapper.findComponent(SlotSwapDialog).vm.$emit('update:modelValue', true)
    await settle()
    // Opened from slot A: its first delegate is chosen; then slot B (its first delegate follows).
    const selects = wrapper.findAllComponents(ElSelect)
    selects[1]!.vm.$emit('update:modelValue', b.id)
    await settle()
    expect(q('[data-test=swap-outcome]')?.textContent).toContain(a.delegates[0]!.name)
    q<HTMLButtonElement>('[data-test=swap-save]')!.click()
    await settle()
    const input = {
      slot_a: a.id,
      version_a: a.version,
      delegate_a: a.delegates[0]!.id,
      slot_b: b.id,
      version_b: b.version,
      delegate_b: b.delegates[0]!.id,
    }
    expect(api.scheduleSwap).toHaveBeenCalledWith(input)
    expect(q('[data-test=swap-delegate-b] .el-form-item__error')?.textContent).toContain('时间重叠')
    q<HTMLButtonElement>('[data-test=swap-save]')!.click()
    await settle()
    expect(api.scheduleSwap).toHaveBeenCalledTimes(2)
    expect(done).toHaveBeenCalled()
  })
})
