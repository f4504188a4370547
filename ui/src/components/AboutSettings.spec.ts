import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { About } from '@/api'
import AboutSettings from './AboutSettings.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, aboutGet: vi.fn() }
})

const ABOUT: About = {
  version: '0.1.0',
  db_path: '/home/wang/.local/share/cn.delegatestudio.desktop/studio.db',
  schema_version: 15,
  calendar_first_year: 2004,
  calendar_last_year: 2026,
  calendar_source: 'chinese-days 1.5.7 MIT',
  font: { name: 'Noto Serif SC（思源宋体）', purpose: '打印字体', licence: 'OFL-1.1' },
  components: [
    { name: 'Tauri', purpose: '桌面程序框架', licence: 'Apache-2.0 OR MIT' },
    { name: 'Element Plus', purpose: '界面组件', licence: 'MIT' },
  ],
}

let wrapper: VueWrapper | null = null

async function open() {
  setActivePinia(createPinia())
  wrapper = mount(AboutSettings, { global: { plugins: [ElementPlus] } })
  await flushPromises()
  return wrapper
}

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.mocked(api.aboutGet).mockReset()
})

describe('设置 → 关于本机', () => {
  it('shows the version, the database, its schema, the calendar years and every licence', async () => {
    vi.mocked(api.aboutGet).mockResolvedValue(ABOUT)
    const w = await open()
    expect(w.find('[data-test=about-version]').text()).toBe('0.1.0')
    expect(w.find('[data-test=about-db]').text()).toBe(ABOUT.db_path)
    expect(w.find('[data-test=about-schema]').text()).toBe('15')
    expect(w.find('[data-test=about-calendar]').text()).toContain('2004–2026 年')
    expect(w.text()).toContain('2027 年及以后的节假日')
    const rows = w.findAll('[data-test=about-licences] tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    expect(rows).toEqual([
      ['Noto Serif SC（思源宋体）', '打印字体', 'OFL-1.1'],
      ['Tauri', '桌面程序框架', 'Apache-2.0 OR MIT'],
      ['Element Plus', '界面组件', 'MIT'],
    ])
  })

  it('says why when the backend refuses', async () => {
    vi.mocked(api.aboutGet).mockRejectedValue({ code: 'forbidden', message: '没有权限：修改设置', fields: [], stale: null })
    const w = await open()
    expect(w.text()).toContain('没有权限')
    expect(w.find('[data-test=about-licences]').exists()).toBe(false)
  })
})
