// A click to another screen is answered at once (the old screen goes, the page area clears) and the
// new screen is built after the next frame; the same screen with a new address or query updates in
// place (a saved new card's form keeps its state).
import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h, ref } from 'vue'
import DeferredRouterView from '@/components/DeferredRouterView.vue'

const Ledger = defineComponent({ name: 'Ledger', setup: () => () => h('div', { class: 'ledger' }, '意见台账') })
let formsMade = 0
const Form = defineComponent({
  name: 'Form',
  setup() {
    formsMade++
    const typed = ref('')
    return () => h('input', { class: 'form', value: typed.value, onInput: (e: Event) => (typed.value = (e.target as HTMLInputElement).value) })
  },
})

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

async function setup() {
  formsMade = 0
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/items', component: Ledger },
      { path: '/cards/new', component: Form },
      { path: '/cards/:id', component: Form },
    ],
  })
  await router.push('/items')
  const wrapper = mount(DeferredRouterView, { global: { plugins: [router] } })
  await flushPromises()
  return { router, wrapper }
}

describe('DeferredRouterView', () => {
  it('clears the page at once and builds the new screen after the next frame', async () => {
    const { router, wrapper } = await setup()
    expect(wrapper.find('.ledger').exists()).toBe(true)

    await router.push('/cards/new')
    await flushPromises()
    expect(wrapper.find('.ledger').exists()).toBe(false)
    expect(wrapper.find('[data-test=screen-pending]').exists()).toBe(true)
    expect(formsMade).toBe(0)

    await nextFrame()
    await flushPromises()
    expect(wrapper.find('[data-test=screen-pending]').exists()).toBe(false)
    expect(wrapper.find('.form').exists()).toBe(true)
    expect(formsMade).toBe(1)
  })

  it('keeps the same screen in place when only its address or query changes', async () => {
    const { router, wrapper } = await setup()
    await router.push('/cards/new')
    await nextFrame()
    await flushPromises()
    await wrapper.find('.form').setValue('张三')

    await router.replace('/cards/42')
    await flushPromises()
    expect(wrapper.find('[data-test=screen-pending]').exists()).toBe(false)
    expect((wrapper.find('.form').element as HTMLInputElement).value).toBe('张三')

    await router.replace('/cards/42?tab=history')
    await flushPromises()
    expect(wrapper.find('[data-test=screen-pending]').exists()).toBe(false)
    expect(formsMade).toBe(1)
  })

  it('builds only the last screen when clicks come faster than frames', async () => {
    const { router, wrapper } = await setup()
    await router.push('/cards/new')
    await router.push('/items')
    await nextFrame()
    await nextFrame()
    await flushPromises()
    expect(wrapper.find('.ledger').exists()).toBe(true)
    expect(wrapper.find('[data-test=screen-pending]').exists()).toBe(false)
  })
})
