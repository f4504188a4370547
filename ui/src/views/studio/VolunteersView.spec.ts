// 联络员与志愿者 over the core's list of the demo (`dev/fixtures/studio.json`): the rows in the core's
// order with contacts masked; 删除 asks first, deletes at the version read and reloads; a stale row
// shows the conflict box instead.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { Role, VolunteerListItem } from '@/api'
import { useAppStore } from '@/stores/app'
import { listIds, studio } from '../../../dev/fixtures'
import VolunteersView from './VolunteersView.vue'
import { statusFor } from './studioStatus'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, volunteersList: vi.fn(), volunteerDelete: vi.fn(), volunteerGet: vi.fn() }
})

/** The serving ones, as the page first asks. */
const serving: VolunteerListItem[] = listIds(studio.volunteers, { active_only: true })!.map((id) => studio.volunteers.rows[id]!)

let wrapper: VueWrapper | null = null

async function mountAs(role: Role) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = statusFor(role)
  wrapper = mount(VolunteersView, { global: { plugins: [ElementPlus, pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

async function deleteFirstAndConfirm(w: VueWrapper) {
  await w.findAll('[data-test=volunteer-delete]')[0]!.trigger('click')
  await flushPromises()
  ;(document.querySelector('.el-message-box__btns .el-button--primary') as HTMLElement).click()
  await flushPromises()
}

beforeEach(() => {
  vi.mocked(api.volunteersList).mockResolvedValue({ items: serving, total: serving.length, page: 1, page_size: 20 })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('VolunteersView', () => {
  it('lists the serving ones in the core’s order, contacts masked', async () => {
    const w = await mountAs('liaison')
    expect(vi.mocked(api.volunteersList).mock.calls[0]![0]).toMatchObject({ active_only: true, page: { page: 1, page_size: 20 } })
    expect(serving.length).toBeGreaterThan(1)
    expect(w.findAll('[data-test=volunteer-row-name]').map((n) => n.text())).toEqual(serving.map((v) => v.name))
    expect(w.findAll('[data-test=volunteer-row-contact]').map((n) => n.text())).toEqual(serving.map((v) => v.contact_masked))
    for (const c of serving.map((v) => v.contact_masked).filter(Boolean)) expect(c).toContain('*')
  })

  it('deletes an entry at the version it read, after asking, and reloads', async () => {
    vi.mocked(api.volunteerDelete).mockResolvedValue(undefined)
    const w = await mountAs('admin')
    await deleteFirstAndConfirm(w)
    expect(api.volunteerDelete).toHaveBeenCalledWith(serving[0]!.id, serving[0]!.version)
    expect(api.volunteersList).toHaveBeenCalledTimes(2)
  })

  it('shows who changed a stale entry instead of deleting it', async () => {
    vi.mocked(api.volunteerDelete).mockRejectedValue(
      new api.ApiError('conflict', '该记录已被他人修改，请刷新后再看', [], {
        entity: 'volunteer',
        row_id: serving[0]!.id,
        base_version: serving[0]!.version,
        current_version: serving[0]!.version + 1,
        changed_by: '组织部 王老师',
        changed_at: '2026-11-30T01:30:00Z',
        fields: [],
      }),
    )
    const w = await mountAs('admin')
    await deleteFirstAndConfirm(w)
    expect(document.querySelector('[data-test=conflict-by]')?.textContent).toBe('组织部 王老师')
    expect(api.volunteersList).toHaveBeenCalledTimes(1)
  })
})
