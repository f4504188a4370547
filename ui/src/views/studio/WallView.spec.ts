import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { Role, WallDocView, WallKind } from '@/api'
import { useAppStore } from '@/stores/app'
import { usePrintPreview } from '@/stores/printPreview'
import WallView from './WallView.vue'
import { statusFor } from './studioStatus'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, wallList: vi.fn(), wallPreview: vi.fn(), wallUpdate: vi.fn() }
})

const doc = (kind: WallKind, label: string, title: string, html: string): WallDocView => ({
  kind,
  label,
  title,
  html,
  template: { kind, title, body: '{{roster}}', updated_at: '2021-10-27T00:00:00Z', version: 1 },
})

let wrapper: VueWrapper | null = null

async function mountAs(role: Role) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = statusFor(role)
  wrapper = mount(WallView, { global: { plugins: [ElementPlus, pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  vi.mocked(api.wallList).mockResolvedValue([
    doc('rules', '工作制度', '党代表工作室工作制度', '<h2>一、接待制度</h2>'),
    doc('sign', '标识', '党代表工作室标识', '<p>知党情、听民声、谋发展、促和谐</p>'),
    doc('roster', '党代表名册', '党代表名册', '<h2>理工代表团</h2><ul><li>张建华</li></ul>'),
  ])
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
    expect(w.find('[data-test=wall-doc-title]').text()).toBe('党代表工作室工作制度')
    expect(w.find('[data-test=wall-doc-body]').html()).toContain('<h2>一、接待制度</h2>')
    await w.find('[data-test=wall-kind-roster]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test=wall-doc-title]').text()).toBe('党代表名册')
    expect(w.find('[data-test=wall-doc-body]').text()).toContain('张建华')
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
    expect(preview.fileName).toBe('党代表工作室标识.pdf')
  })

  it('offers editing the templates to the administrator only', async () => {
    expect((await mountAs('liaison')).find('[data-test=wall-edit]').exists()).toBe(false)
    wrapper?.unmount()
    expect((await mountAs('admin')).find('[data-test=wall-edit]').exists()).toBe(true)
  })
})
