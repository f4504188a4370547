// 新增时段: the backend's field messages beside the fields, and a day off asked about
// (「该日为休息日，仍要安排吗？」) and sent again with the confirmation.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, ref } from 'vue'
import ElementPlus, { ElDatePicker, ElMessageBox } from 'element-plus'
import * as api from '@/api'
import type { CalendarDay, Slot } from '@/api'
import DelegateMultiPicker from './DelegateMultiPicker.vue'
import SlotFormDialog from './SlotFormDialog.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    scheduleSlotCreate: vi.fn(),
    scheduleSlotUpdate: vi.fn(),
    calendarMonth: vi.fn(),
    delegatesList: vi.fn(),
  }
})

const saved: Slot = {
  id: 's9',
  date: '2026-12-05',
  weekday: 6,
  start: '09:00',
  end: '11:00',
  place: 'studio',
  place_note: '',
  note: '',
  non_working_day: true,
  delegates: [{ id: 'd1', name: '张建华', delegation_id: 'g1', delegation_name: '理工代表团' }],
  published: false,
  created_at: '2026-12-03T01:00:00Z',
  updated_at: '2026-12-03T01:00:00Z',
  version: 1,
}

function day(date: string, is_workday: boolean): CalendarDay {
  return { date, weekday: 6, is_workday, overridden: false } as CalendarDay
}

let wrapper: VueWrapper | null = null
const done = vi.fn()

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 200))
  await flushPromises()
}

async function openDialog() {
  setActivePinia(createPinia())
  const Host = defineComponent({
    setup() {
      const open = ref(false)
      return () => h(SlotFormDialog, { modelValue: open.value, 'onUpdate:modelValue': (v: boolean) => (open.value = v), slot: null, date: '2026-12-05', onSaved: done })
    },
  })
  wrapper = mount(Host, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  // Open after mounting, as the page does: the form is filled when it opens.
  const dialog = wrapper.findComponent(SlotFormDialog)
  dialog.vm.$emit('update:modelValue', true)
  await settle()
  wrapper.findComponent(DelegateMultiPicker).vm.$emit('update:modelValue', ['d1'])
  await settle()
  return wrapper
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)
const errorOf = (test: string) => q(`[data-test=${test}] .el-form-item__error`)?.textContent?.trim() ?? ''

beforeEach(() => {
  vi.mocked(api.delegatesList).mockResolvedValue({ items: [], total: 0, page: 1, page_size: 50 })
  vi.mocked(api.calendarMonth).mockResolvedValue([day('2026-12-04', true), day('2026-12-05', false)])
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.restoreAllMocks()
  vi.clearAllMocks()
})

describe('SlotFormDialog', () => {
  it('puts the backend’s messages beside the fields and keeps what was entered', async () => {
    vi.mocked(api.calendarMonth).mockResolvedValue([day('2026-12-04', true)])
    vi.mocked(api.scheduleSlotCreate).mockRejectedValue(
      new api.ApiError('validation', '请按提示修改（另有 1 处需要修改）', [
        { field: 'delegate_ids', message: '张建华 已在 2026-12-04（周五）14:30—17:00 工作室值班，时间重叠' },
        { field: 'place_note', message: '地点说明不能换行' },
      ]),
    )
    await openDialog()
    wrapper!.findComponent(ElDatePicker).vm.$emit('update:modelValue', '2026-12-04')
    await settle()
    q<HTMLButtonElement>('[data-test=slot-save]')!.click()
    await settle()
    expect(api.scheduleSlotCreate).toHaveBeenCalledWith(
      expect.objectContaining({ date: '2026-12-04', start: '14:30', end: '17:00', place: 'studio', delegate_ids: ['d1'], confirm_non_working: false }),
    )
    expect(errorOf('slot-delegates')).toContain('时间重叠')
    expect(errorOf('slot-place-note')).toBe('地点说明不能换行')
    expect(errorOf('slot-date')).toBe('')
    // The dialog stays open with the form as it was.
    expect(q('[data-test=slot-dialog]')).not.toBeNull()
    expect(done).not.toHaveBeenCalled()
  })

  it('asks before arranging a day off, and sends again with the confirmation', async () => {
    const dayOff = '2026-12-05（周六）是休息日，不是工作日；如确需在这一天安排接待，请确认后再保存'
    vi.mocked(api.scheduleSlotCreate)
      .mockRejectedValueOnce(new api.ApiError('validation', dayOff, [{ field: 'date', message: dayOff }]))
      .mockResolvedValueOnce(saved)
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    await openDialog()
    q<HTMLButtonElement>('[data-test=slot-save]')!.click()
    await settle()
    expect(api.calendarMonth).toHaveBeenCalledWith(2026, 12)
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(confirm.mock.calls[0]![1]).toBe('该日为休息日，仍要安排吗？')
    expect(String(confirm.mock.calls[0]![0])).toContain('休息日')
    expect(api.scheduleSlotCreate).toHaveBeenCalledTimes(2)
    expect(vi.mocked(api.scheduleSlotCreate).mock.calls[0]![0].confirm_non_working).toBe(false)
    expect(vi.mocked(api.scheduleSlotCreate).mock.calls[1]![0]).toMatchObject({ date: '2026-12-05', confirm_non_working: true })
    expect(done).toHaveBeenCalledWith(saved)
  })

  it('keeps the day off unconfirmed when the user declines, and says why beside the date', async () => {
    const dayOff = '2026-12-05（周六）是休息日；如确需在这一天安排接待，请确认后再保存'
    vi.mocked(api.scheduleSlotCreate).mockRejectedValue(new api.ApiError('validation', dayOff, [{ field: 'date', message: dayOff }]))
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel')
    await openDialog()
    q<HTMLButtonElement>('[data-test=slot-save]')!.click()
    await settle()
    expect(api.scheduleSlotCreate).toHaveBeenCalledTimes(1)
    expect(errorOf('slot-date')).toContain('休息日')
    expect(done).not.toHaveBeenCalled()
  })
})
