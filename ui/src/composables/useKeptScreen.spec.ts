import { describe, expect, it } from 'vitest'
import { defineComponent, h, KeepAlive, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { useKeptScreen } from './useKeptScreen'

describe('useKeptScreen', () => {
  it('calls onReturn on each return, not on the first visit, and is inactive while hidden', async () => {
    const returns: number[] = []
    let isActive = () => true
    const List = defineComponent({
      name: 'List',
      setup() {
        isActive = useKeptScreen(() => returns.push(returns.length + 1)).isActive
        return () => h('p', 'list')
      },
    })
    const Other = defineComponent({ name: 'Other', render: () => h('p', 'other') })
    const shown = ref<'list' | 'other'>('list')
    const wrapper = mount(
      defineComponent({
        render: () => h(KeepAlive, { include: ['List'] }, [h(shown.value === 'list' ? List : Other)]),
      }),
    )
    await nextTick()
    expect(returns).toEqual([])
    expect(isActive()).toBe(true)
    shown.value = 'other'
    await nextTick()
    expect(isActive()).toBe(false)
    expect(wrapper.text()).toBe('other')
    shown.value = 'list'
    await nextTick()
    expect(returns).toEqual([1])
    expect(isActive()).toBe(true)
    shown.value = 'other'
    await nextTick()
    shown.value = 'list'
    await nextTick()
    expect(returns).toEqual([1, 2])
  })

  it('is always active outside a KeepAlive', () => {
    let isActive = () => false
    mount(
      defineComponent({
        setup() {
          isActive = useKeptScreen(() => undefined).isActive
          return () => h('p')
        },
      }),
    )
    expect(isActive()).toBe(true)
  })
})
