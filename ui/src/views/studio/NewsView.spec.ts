import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElSelect } from 'element-plus'
import * as api from '@/api'
import type { NewsQuery, NewsSummary, Role } from '@/api'
import { useAppStore } from '@/stores/app'
import NewsView from './NewsView.vue'
import { statusFor } from './studioStatus'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, newsList: vi.fn(), newsDelete: vi.fn(), newsGet: vi.fn(), markdownPreview: vi.fn() }
})

const row = (over: Partial<NewsSummary> = {}): NewsSummary => ({
  id: 'n1',
  title: '党代表接待日走进图书馆',
  date: '2026-11-20',
  author: '党委组织部',
  published: true,
  image_count: 2,
  excerpt: '接待顺利',
  updated_at: '2026-11-20T01:00:00Z',
  version: 3,
  ...over,
})

let wrapper: VueWrapper | null = null

async function mountAs(role: Role) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = statusFor(role)
  wrapper = mount(NewsView, { global: { plugins: [ElementPlus, pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const lastQuery = (): NewsQuery => vi.mocked(api.newsList).mock.calls.at(-1)![0]

beforeEach(() => {
  vi.mocked(api.newsList).mockResolvedValue({
    items: [row(), row({ id: 'n2', title: '下月接待日预告', published: false, version: 1 })],
    total: 2,
    page: 1,
    page_size: 20,
  })
  vi.mocked(api.markdownPreview).mockResolvedValue('<p>预览</p>')
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('NewsView', () => {
  it('lists posts newest first with their state, and offers editing to the desk', async () => {
    const w = await mountAs('liaison')
    expect(lastQuery()).toEqual({ q: null, status: null, from: null, to: null, page: { page: 1, page_size: 20 } })
    const titles = w.findAll('[data-test=news-row-title]').map((t) => t.text())
    expect(titles).toEqual(['党代表接待日走进图书馆', '下月接待日预告'])
    expect(w.findAll('[data-test=news-row-status]').map((t) => t.text())).toEqual(['已发布', '草稿'])
    expect(w.find('[data-test=news-new]').exists()).toBe(true)
  })

  it('filters by state and words from the first page', async () => {
    const w = await mountAs('liaison')
    const select = w.findComponent<typeof ElSelect>('[data-test=news-status]')
    select.vm.$emit('update:modelValue', 'draft')
    select.vm.$emit('change', 'draft')
    await flushPromises()
    expect(lastQuery().status).toBe('draft')
    await w.find('input[data-test=news-q]').setValue(' 图书馆 ')
    await w.find('input[data-test=news-q]').trigger('keyup.enter')
    await flushPromises()
    expect(lastQuery()).toMatchObject({ q: '图书馆', status: 'draft', page: { page: 1, page_size: 20 } })
  })

  it('lets a delegate read but not edit', async () => {
    const w = await mountAs('delegate')
    expect(w.findAll('[data-test=news-row-title]')).toHaveLength(2)
    expect(w.find('[data-test=news-new]').exists()).toBe(false)
    expect(w.find('[data-test=news-edit]').exists()).toBe(false)
  })

  it('deletes a post at the version it read, after asking', async () => {
    vi.mocked(api.newsDelete).mockResolvedValue(undefined)
    const w = await mountAs('admin')
    await w.findAll('[data-test=news-delete]')[1]!.trigger('click')
    await flushPromises()
    const confirm = document.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement
    confirm.click()
    await flushPromises()
    expect(api.newsDelete).toHaveBeenCalledWith('n2', 1)
  })
})
