// 约见 over the core's own answers (dev/fixtures/appointments.json): each row offers the steps its
// status allows (RULES), phones masked; 确认 names the version; 取消 needs a reason (the backend's
// message beside it); 完成 asks first, then opens the new record card.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Router } from 'vue-router'
import { h } from 'vue'
import ElementPlus, { ElMessageBox } from 'element-plus'
import * as api from '@/api'
import type { AppointmentListItem, AppStatus, Card } from '@/api'
import { RULES } from '@/api/rules'
import { useAppStore } from '@/stores/app'
import { appointments, listIds } from '../../dev/fixtures'
import AppointmentsView from './AppointmentsView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    appointmentsList: vi.fn(),
    appointmentConfirm: vi.fn(),
    appointmentCancel: vi.fn(),
    appointmentComplete: vi.fn(),
    delegatesList: vi.fn(),
  }
})

const status: AppStatus = {
  version: '0.1.0',
  db_path: ':memory:',
  has_accounts: true,
  setup: 'demo',
  operator: { id: 'account:a1', name: '联络员 李老师', role: 'liaison', delegate_id: null, delegation_id: null },
  session: 'active',
  studio_name: '党代表工作室',
  idle_lock_minutes: 15,
  demo_login: null,
  delegate_count: 3,
  delegation_count: 1,
}

const rows: AppointmentListItem[] = listIds(appointments, { sort: 'date_desc' })!.map((id) => appointments.rows[id]!)
const rowOf = (s: AppointmentListItem['status']) => rows.find((r) => r.status === s)!

let wrapper: VueWrapper | null = null
let router: Router

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)

async function mountList() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/appointments', component: AppointmentsView },
      { path: '/cards/:id', name: 'card', component: { render: () => h('div') } },
    ],
  })
  await router.push('/appointments')
  await router.isReady()
  wrapper = mount(AppointmentsView, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

/** The table row of appointment `id` (el-table renders one `tr` per row, in order). */
function rowEl(w: VueWrapper, id: string) {
  const i = rows.findIndex((r) => r.id === id)
  return w.findAll('.el-table__body-wrapper tbody tr')[i]!
}

const stepsIn = (w: VueWrapper, id: string) =>
  rowEl(w, id)
    .findAll('[data-test^=ap-step-], [data-test=ap-edit], [data-test=ap-card]')
    .map((b) => b.text())

beforeEach(() => {
  vi.mocked(api.appointmentsList).mockResolvedValue({ items: rows, total: rows.length, page: 1, page_size: 20 })
  vi.mocked(api.delegatesList).mockResolvedValue({ items: [], total: 0, page: 1, page_size: 50 })
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.restoreAllMocks()
  vi.clearAllMocks()
})

describe('AppointmentsView', () => {
  it('lists the appointments with masked phones and the steps each status allows', async () => {
    const w = await mountList()
    expect(api.appointmentsList).toHaveBeenCalledWith(expect.objectContaining({ status: null, sort: 'date_desc', page: { page: 1, page_size: 20 } }))
    const phones = w.findAll('[data-test=ap-row-phone]').map((e) => e.text())
    expect(phones.length).toBe(rows.length)
    for (const p of phones.filter(Boolean)) expect(p).toContain('****')
    const label = (s: string) => RULES.appointments.steps.find((x) => x.value === s)!.label
    // The steps come from the core's flow: 待确认 → 确认 / 取消; 已确认 → 完成 / 取消; the rest: none.
    expect(stepsIn(w, rowOf('pending').id)).toEqual([label('confirm'), label('cancel'), '修改'])
    expect(stepsIn(w, rowOf('confirmed').id)).toEqual([label('complete'), label('cancel'), '修改'])
    expect(stepsIn(w, rowOf('cancelled').id)).toEqual([])
    expect(stepsIn(w, rowOf('completed').id)).toEqual(['记录卡'])
    expect(w.findAll('[data-test=ap-row-status]').map((e) => e.text())).toContain('已取消')
  })

  it('确认 names the version read, and reloads the list', async () => {
    const pending = rowOf('pending')
    vi.mocked(api.appointmentConfirm).mockResolvedValue({} as never)
    const w = await mountList()
    await rowEl(w, pending.id).find('[data-test=ap-step-confirm]').trigger('click')
    await settle()
    expect(api.appointmentConfirm).toHaveBeenCalledWith(pending.id, pending.version)
    expect(api.appointmentsList).toHaveBeenCalledTimes(2)
  })

  it('取消 needs a reason: the backend’s message shows beside it, then the reason is sent', async () => {
    const pending = rowOf('pending')
    vi.mocked(api.appointmentCancel)
      .mockRejectedValueOnce(new api.ApiError('validation', '请填写取消原因', [{ field: 'reason', message: '请填写取消原因' }]))
      .mockResolvedValueOnce({} as never)
    const w = await mountList()
    await rowEl(w, pending.id).find('[data-test=ap-step-cancel]').trigger('click')
    await settle()
    expect(q('[data-test=ap-cancel-dialog]')?.textContent).toContain(pending.person_name)
    q<HTMLButtonElement>('[data-test=ap-cancel-confirm]')!.click()
    await settle()
    expect(q('[data-test=ap-cancel-reason] .el-form-item__error')?.textContent?.trim()).toBe('请填写取消原因')
    const box = q<HTMLTextAreaElement>('[data-test=ap-cancel-reason] textarea')!
    box.value = '约见人临时出差'
    box.dispatchEvent(new Event('input'))
    await settle()
    q<HTMLButtonElement>('[data-test=ap-cancel-confirm]')!.click()
    await settle()
    expect(api.appointmentCancel).toHaveBeenLastCalledWith(pending.id, pending.version, '约见人临时出差')
  })

  it('完成 asks first, then opens the new record card', async () => {
    const confirmed = rowOf('confirmed')
    vi.mocked(api.appointmentComplete).mockResolvedValue({ appointment: {} as never, card: { id: 'c42' } as Card })
    const box = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const w = await mountList()
    await rowEl(w, confirmed.id).find('[data-test=ap-step-complete]').trigger('click')
    await settle()
    expect(String(box.mock.calls[0]![0])).toContain('记录卡')
    expect(api.appointmentComplete).toHaveBeenCalledWith(confirmed.id, confirmed.version)
    expect(router.currentRoute.value.fullPath).toBe('/cards/c42')
  })

  it('a declined 完成 sends nothing', async () => {
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel')
    const w = await mountList()
    await rowEl(w, rowOf('confirmed').id).find('[data-test=ap-step-complete]').trigger('click')
    await settle()
    expect(api.appointmentComplete).not.toHaveBeenCalled()
  })
})
