import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { BackupStatus } from '@/api'
import BackupSettings from './BackupSettings.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    backupStatus: vi.fn(),
    autoBackupSave: vi.fn(),
    autoBackupChooseFolder: vi.fn(),
    dbBackup: vi.fn(),
    dbRestore: vi.fn(),
  }
})

const settings = { enabled: true, folder: '/media/usb/备份', daily_time: '12:00', keep: 30, version: 4 }
const failed: BackupStatus = {
  settings,
  last_at: '2026-03-06T04:00:30.000Z',
  last_ok: false,
  last_kind: '自动',
  last_message: '备份文件夹 /media/usb/备份 不存在（U 盘未插入？）',
  warning: '最近一次备份失败：备份文件夹 /media/usb/备份 不存在（U 盘未插入？）',
}

let wrapper: VueWrapper | null = null

async function open(status: BackupStatus = failed) {
  vi.mocked(api.backupStatus).mockResolvedValue(status)
  wrapper = mount(BackupSettings, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.clearAllMocks()
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('设置 → 备份与恢复', () => {
  it('shows the folder, the last backup with its result and the warning', async () => {
    const w = await open()
    expect(w.find('[data-test=auto-folder]').text()).toBe('/media/usb/备份')
    const last = w.find('[data-test=backup-last]').text()
    expect(last).toContain('2026-03-06 12:00')
    expect(last).toContain('失败')
    expect(last).toContain('U 盘未插入')
    expect(w.find('[data-test=backup-warning]').text()).toContain('最近一次备份失败')
  })

  it('saves the switch, time and count with the version read, never a path', async () => {
    const w = await open()
    vi.mocked(api.autoBackupSave).mockResolvedValue({ ...settings, keep: 10, version: 5 })
    await w.find('[data-test=auto-keep] input').setValue('10')
    await w.find('[data-test=auto-keep] input').trigger('blur')
    await w.find('[data-test=auto-save]').trigger('click')
    await flushPromises()
    expect(api.autoBackupSave).toHaveBeenCalledWith({ enabled: true, daily_time: '12:00', keep: 10, version: 4 })
    expect(Object.keys(vi.mocked(api.autoBackupSave).mock.calls[0]![0])).not.toContain('folder')
  })

  it('shows a field error from the backend under its field', async () => {
    const w = await open()
    vi.mocked(api.autoBackupSave).mockRejectedValue({
      code: 'validation',
      message: '请检查填写的内容',
      fields: [{ field: 'keep', message: '保留份数应为 1–365' }],
      stale: null,
    })
    await w.find('[data-test=auto-save]').trigger('click')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 150)) // el-form-item shows its error debounced
    await flushPromises()
    expect(w.find('[data-test=auto-keep-item] .el-form-item__error').text()).toContain('保留份数应为 1–365')
    expect(w.find('[data-test=auto-time-item] .el-form-item__error').exists()).toBe(false)
  })

  it('asks the backend to open the folder dialog and shows the folder chosen', async () => {
    const w = await open()
    vi.mocked(api.autoBackupChooseFolder).mockResolvedValue({ ...settings, folder: '/media/usb2', version: 5 })
    vi.mocked(api.backupStatus).mockResolvedValue({
      ...failed,
      settings: { ...settings, folder: '/media/usb2', version: 5 },
      warning: null,
    })
    await w.find('[data-test=auto-choose-folder]').trigger('click')
    await flushPromises()
    expect(api.autoBackupChooseFolder).toHaveBeenCalledWith(4)
    expect(w.find('[data-test=auto-folder]').text()).toBe('/media/usb2')
    expect(w.find('[data-test=backup-warning]').exists()).toBe(false)
  })

  it('立即备份 suggests a .zip name and says where the archive went', async () => {
    const w = await open()
    vi.mocked(api.dbBackup).mockResolvedValue({
      path: '/home/u/党代表工作室备份-2026-03-06.zip',
      files: 12,
      bytes: 123456,
      created_at: '2026-03-06T04:00:00.000Z',
    })
    await w.find('[data-test=backup-create]').trigger('click')
    await flushPromises()
    expect(vi.mocked(api.dbBackup).mock.calls[0]![0]).toMatch(/^党代表工作室备份-\d{4}-\d{2}-\d{2}\.zip$/)
    expect(w.find('[data-test=backup-path]').text()).toBe('/home/u/党代表工作室备份-2026-03-06.zip')
    expect(api.backupStatus).toHaveBeenCalledTimes(2) // the last backup is shown afresh
  })

  it('从备份恢复 says the current data is kept aside, and restores only when confirmed', async () => {
    const w = await open()
    vi.mocked(api.dbRestore).mockResolvedValue(null)
    await w.find('[data-test=restore-open]').trigger('click')
    await flushPromises()
    const box = document.querySelector('.restore-confirm')
    expect(box?.textContent).toContain('另存一份留底')
    expect(api.dbRestore).not.toHaveBeenCalled()
    ;(document.querySelector('.restore-confirm .el-button--danger') as HTMLElement).click()
    await flushPromises()
    expect(api.dbRestore).toHaveBeenCalledTimes(1)
  })
})
