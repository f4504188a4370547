// 上墙制度 over the documents the real core filled in for the demo (dev/fixtures/studio.json), as each
// demo account gets them: the first shown, another when chosen, printing, editing for the administrator.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { Role, WallDocView } from '@/api'
import { useAppStore } from '@/stores/app'
import { usePrintPreview } from '@/stores/printPreview'
import WallView from './WallView.vue'
import { accounts, listIds, roster, studio } from '../../../dev/fixtures'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, wallList: vi.fn(), wallPreview: vi.fn(), wallUpdate: vi.fn() }
})

/** 上墙制度 as the core answered the demo account of `role`. */
function docsOf(role: Role): WallDocView[] {
  const a = studio.by_login[role]!.wall_list
  if (!('ok' in a)) throw new Error(`the core refused ${role} 上墙制度`)
  return a.ok
}
const docs = docsOf('liaison')
const byKind = (k: string) => docs.find((d) => d.kind === k)!

let wrapper: VueWrapper | null = null

async function mountAs(role: Role) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = accounts.statuses[role]!
  wrapper = mount(WallView, { global: { plugins: [ElementPlus, pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  vi.mocked(api.wallList).mockImplementation(async () => docsOf(useAppStore().status!.operator!.role))
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('WallView', () => {
  it('shows the first document filled in, and another one when chosen', async () => {
    const w = await mountAs('liaison')
    expect(w.findAll('[data-test^=wall-kind-]').map((x) => x.text())).toEqual(docs.map((d) => d.label))
    expect(w.find('[data-test=wall-doc-title]').text()).toBe(docs[0]!.title)
    const html = document.createElement('div')
    html.innerHTML = docs[0]!.html
    expect(w.find('[data-test=wall-doc-body]').text()).toContain(html.textContent!.trim().slice(0, 30))
    await w.find('[data-test=wall-kind-roster]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=wall-doc-title]').text()).toBe(byKind('roster').title)
    // The roster is filled in with the delegates in office.
    const first = roster.rows[listIds(roster, { status: 'active', sort: 'roster' })![0]!]!
    expect(w.find('[data-test=wall-doc-body]').text()).toContain(first.name)
  })

  it('prints the chosen document through the print preview', async () => {
    const w = await mountAs('liaison')
    await w.find('[data-test=wall-kind-sign]').trigger('click')
    await flushPromises()
    await w.find('[data-test=wall-print]').trigger('click')
    const preview = usePrintPreview()
    expect(preview.visible).toBe(true)
    expect(preview.wall).toBe('sign')
    expect(preview.job).toBeNull()
    expect(preview.fileName).toBe(`${byKind('sign').title}.pdf`)
  })

  it('offers editing the templates to the administrator only', async () => {
    expect((await mountAs('liaison')).find('[data-test=wall-edit]').exists()).toBe(false)
    wrapper?.unmount()
    expect((await mountAs('admin')).find('[data-test=wall-edit]').exists()).toBe(true)
  })
})
