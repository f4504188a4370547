// 接待安排 over the core's own answers (dev/fixtures/schedule.json, the demo on 2026-11-30): the month
// as days with their slots, the month's state, edit buttons only for those who keep the schedule,
// publishing after a confirmation, and the poster in the print preview.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus, { ElMessageBox } from 'element-plus'
import * as api from '@/api'
import type { AppStatus, MonthPlan, Role } from '@/api'
import { useAppStore } from '@/stores/app'
import { usePrintPreview } from '@/stores/printPreview'
import { schedule } from '../../dev/fixtures'
import ScheduleView from './ScheduleView.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    scheduleMonthPlan: vi.fn(),
    scheduleMonths: vi.fn(),
    scheduleMyDuty: vi.fn(),
    schedulePublish: vi.fn(),
    scheduleSlotDelete: vi.fn(),
  }
})

function status(role: Role, delegateId: string | null = null): AppStatus {
  return {
    version: '0.1.0',
    db_path: ':memory:',
    has_accounts: true,
    setup: 'demo',
    operator: { id: 'account:a1', name: '测试', role, delegate_id: delegateId, delegation_id: null },
    session: 'active',
    studio_name: '党代表工作室',
    idle_lock_minutes: 15,
    demo_login: null,
    delegate_count: 3,
    delegation_count: 1,
  }
}

let wrapper: VueWrapper | null = null

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  await flushPromises()
}

async function mountAt(month: string, role: Role = 'admin', delegateId: string | null = null) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAppStore().status = status(role, delegateId)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/schedule', component: ScheduleView }] })
  await router.push(`/schedule?month=${month}`)
  await router.isReady()
  wrapper = mount(ScheduleView, { global: { plugins: [ElementPlus, pinia, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

const november = schedule.plans['2026-11']!

beforeEach(() => {
  vi.mocked(api.scheduleMonthPlan).mockImplementation(async (m: string) => schedule.plans[m]!)
  vi.mocked(api.scheduleMonths).mockResolvedValue(schedule.months)
  vi.mocked(api.scheduleMyDuty).mockResolvedValue([])
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.restoreAllMocks()
  vi.clearAllMocks()
})

describe('ScheduleView', () => {
  it('shows the month as days with their slots: time, place, delegates with delegation', async () => {
    const w = await mountAt('2026-11')
    expect(api.scheduleMonthPlan).toHaveBeenCalledWith('2026-11')
    expect(w.find('[data-test=schedule-month]').text()).toBe('2026年11月')
    // Published, then changed (the demo swapped two delegates): the poster is out of date.
    expect(w.find('[data-test=schedule-state]').text()).toBe('已发布·海报待更新')
    expect(w.find('[data-test=schedule-poster-changed]').exists()).toBe(true)

    const slots = november.days.flatMap((d) => d.slots)
    const rows = w.findAll('[data-test=schedule-row]')
    expect(rows).toHaveLength(slots.length)
    const first = november.days[0]!
    const firstSlot = first.slots[0]!
    const [, m, d] = first.date.split('-').map(Number)
    expect(rows[0]!.text()).toContain(`${m}月${d}日`)
    expect(rows[0]!.text()).toContain(first.weekday_label)
    expect(rows[0]!.text()).toContain(`${firstSlot.start}—${firstSlot.end}`)
    expect(rows[0]!.text()).toContain('工作室')
    for (const dd of firstSlot.delegates) {
      expect(rows[0]!.find('[data-test=schedule-delegates]').text()).toContain(dd.name)
      expect(rows[0]!.find('[data-test=schedule-delegates]').text()).toContain(dd.delegation_name)
    }
    // The online reception is there too, as 网上工作室.
    const online = slots.findIndex((s) => s.place === 'online')
    expect(online).toBeGreaterThanOrEqual(0)
    expect(rows[online]!.text()).toContain('网上工作室')
    // Each day's date shows once, however many slots it has.
    expect(w.findAll('.schedule__date')).toHaveLength(november.days.length)
    // Those who keep the schedule get the edit buttons.
    expect(w.find('[data-test=schedule-add]').exists()).toBe(true)
    expect(w.findAll('[data-test=slot-edit]')).toHaveLength(slots.length)
    // The months menu lists every month with slots.
    expect(api.scheduleMonths).toHaveBeenCalled()
    expect(w.find('[data-test=schedule-months]').exists()).toBe(true)
  })

  it('moves between months with ‹ ›, and says what to do in an empty month', async () => {
    const w = await mountAt('2026-12')
    expect(w.find('[data-test=schedule-state]').text()).toBe('已发布')
    await w.find('[data-test=schedule-next]').trigger('click')
    await settle()
    expect(api.scheduleMonthPlan).toHaveBeenLastCalledWith('2027-01')
    expect(w.find('[data-test=schedule-month]').text()).toBe('2027年1月')
    expect(w.find('[data-test=schedule-state]').text()).toBe('未发布')
    expect(w.find('[data-test=schedule-empty]').text()).toContain('还没有接待安排')
    expect(w.find('[data-test=schedule-empty]').text()).toContain('复制上月')
    expect(w.find<HTMLButtonElement>('[data-test=schedule-publish]').element.disabled).toBe(true)
  })

  it('offers no edits to a delegate, and shows their own duty', async () => {
    const mine = schedule.my_duty.delegate!
    vi.mocked(api.scheduleMyDuty).mockResolvedValue(mine)
    const w = await mountAt('2026-11', 'delegate', 'd1')
    expect(w.find('[data-test=schedule-add]').exists()).toBe(false)
    expect(w.find('[data-test=slot-edit]').exists()).toBe(false)
    expect(w.find('[data-test=schedule-poster-changed]').exists()).toBe(false)
    expect(w.find('[data-test=my-duty]').exists()).toBe(true)
    expect(w.findAll('[data-test=my-duty-slot]')).toHaveLength(mine.length)
  })

  it('publishes a month after saying who will see it, naming the version read', async () => {
    const draft: MonthPlan = { ...november, month: { ...november.month, published: false, poster_changed: false, version: 0 } }
    vi.mocked(api.scheduleMonthPlan).mockResolvedValue(draft)
    vi.mocked(api.schedulePublish).mockResolvedValue({ ...november.month, poster_changed: false })
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const w = await mountAt('2026-11')
    expect(w.find('[data-test=schedule-state]').text()).toBe('未发布')
    await w.find('[data-test=schedule-publish]').trigger('click')
    await settle()
    expect(String(confirm.mock.calls[0]![0])).toContain('自助终端和网上工作室')
    expect(api.schedulePublish).toHaveBeenCalledWith('2026-11', 0)
  })

  it('opens the month’s poster in the print preview', async () => {
    const w = await mountAt('2026-11')
    await w.find('[data-test=schedule-poster]').trigger('click')
    const preview = usePrintPreview()
    expect(preview.visible).toBe(true)
    expect(preview.poster).toBe('2026-11')
    expect(preview.job).toBeNull()
    expect(preview.fileName).toBe('接待安排-2026年11月.pdf')
  })

  it('deletes a slot after a confirmation, naming its version', async () => {
    vi.mocked(api.scheduleSlotDelete).mockResolvedValue(undefined)
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    const w = await mountAt('2026-11')
    await w.findAll('[data-test=slot-delete]')[0]!.trigger('click')
    await settle()
    const slot = november.days[0]!.slots[0]!
    expect(String(confirm.mock.calls[0]![0])).toContain('本月已发布')
    expect(api.scheduleSlotDelete).toHaveBeenCalledWith(slot.id, slot.version)
  })
})
