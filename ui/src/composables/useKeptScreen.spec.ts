import { describe, expect, it } from 'vitest'
import { defineComponent, h, KeepAlive, nextTick, ref } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { flushPromises, mount } from '@vue/test-utils'
import { EARLY_WAIT_MS, useKeptScreen } from './useKeptScreen'

/** A kept `list` screen with an early load beside an `other` screen, in a real router. */
async function keptWithEarlyLoad() {
  const loads: Array<(() => void) | null> = []
  const returns: Array<Promise<void> | null> = []
  const List = defineComponent({
    name: 'List',
    setup() {
      useKeptScreen((asked) => returns.push(asked), {
        route: 'list',
        load: () => new Promise<void>((resolve) => loads.push(resolve)),
      })
      return () => h('p', 'list')
    },
  })
  const Other = defineComponent({ name: 'Other', render: () => h('p', 'other') })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/list', name: 'list', component: List },
      { path: '/other', name: 'other', component: Other },
      { path: '/third', name: 'third', component: Other },
    ],
  })
  await router.push('/list')
  const wrapper = mount(
    defineComponent({
      render: () =>
        h(RouterView, null, {
          default: ({ Component }: { Component: unknown }) =>
            h(KeepAlive, { include: ['List'] }, [Component ? h(Component as never) : null]),
        }),
    }),
    { global: { plugins: [router] } },
  )
  await flushPromises()
  await router.push('/other')
  await flushPromises()
  return { router, wrapper, loads, returns }
}

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

  it('asks for the page when a plain click back is decided, and shows the screen once it came', async () => {
    const { router, wrapper, loads, returns } = await keptWithEarlyLoad()
    const going = router.push('/list')
    await flushPromises()
    expect(loads).toHaveLength(1)
    expect(wrapper.text()).toBe('other') // the navigation waits for the page
    loads[0]?.()
    await going
    await flushPromises()
    expect(wrapper.text()).toBe('list')
    expect(returns).toHaveLength(1)
    expect(returns[0]).toBeInstanceOf(Promise) // the page asked for at the click, not a second one
  })

  it('shows the screen after EARLY_WAIT_MS when the page is slow', async () => {
    const { router, wrapper, loads, returns } = await keptWithEarlyLoad()
    const started = Date.now()
    await router.push('/list')
    await flushPromises()
    expect(Date.now() - started).toBeGreaterThanOrEqual(EARLY_WAIT_MS - 5)
    expect(wrapper.text()).toBe('list')
    expect(loads).toHaveLength(1)
    expect(returns[0]).toBeInstanceOf(Promise)
  })

  it('asks nothing early for a link with filters, and forgets a return another click cancelled', async () => {
    const { router, loads, returns } = await keptWithEarlyLoad()
    await router.push({ name: 'list', query: { status: 'open' } })
    await flushPromises()
    expect(loads).toHaveLength(0)
    expect(returns).toEqual([null])

    await router.push('/other')
    await flushPromises()
    const cancelled = router.push('/list')
    await flushPromises()
    expect(loads).toHaveLength(1)
    await router.push('/third') // clicked elsewhere before the page came
    await cancelled
    await router.push({ name: 'list', query: { status: 'closed' } })
    await flushPromises()
    expect(returns).toEqual([null, null]) // the cancelled return's page is not this one's
  })
})

