// The kiosk's screens over mocked kiosk commands: 有事找代表 sends nothing without the consent, puts
// the backend's messages beside their fields and shows the query code large after sending (打印回执,
// 完成); 查询进度 shows the core's answers over the demo (the fixture): the status and the answer, or
// the one message for a wrong code or digits;
// 今日接待 shows today's delegates, or 「今日无接待安排」 and the next reception day's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Component } from 'vue'
import type { Router } from 'vue-router'
import ElementPlus from 'element-plus'
import * as api from '@/api'
import type { DelegationProfiles, ErrorPayload, PlanDay, Progress, Slot } from '@/api'
import { kiosk, progressAnswer } from '../../../dev/fixtures'
import { fullDay, monthDay, weekdayOf } from '../format'
import { forgetKioskPhotos } from '../photos'
import MessageScreen from './MessageScreen.vue'
import ProgressScreen from './ProgressScreen.vue'
import TodayScreen from './TodayScreen.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    kioskDelegateProfiles: vi.fn(),
    kioskDelegatePhoto: vi.fn(),
    kioskSubmitMessage: vi.fn(),
    kioskPrintSlip: vi.fn(),
    kioskQueryProgress: vi.fn(),
    kioskToday: vi.fn(),
    kioskNextDutyDay: vi.fn(),
  }
})

const PROFILES: DelegationProfiles[] = [
  {
    delegation_id: 'g1',
    delegation_name: '理工代表团',
    delegates: [
      {
        id: 'd1',
        name: '张建华',
        delegation_id: 'g1',
        unit: '计算机工程学院',
        position: '教授',
        mobile: null,
        office_phone: null,
        email: null,
        photo: 'd1.jpg',
        bio: null,
        pledge: '做党员群众的贴心人。',
      },
    ],
  },
]

function slot(over: Partial<Slot> = {}): Slot {
  return {
    id: 's1',
    date: '2026-12-03',
    weekday: 4,
    start: '09:00',
    end: '11:30',
    place: 'studio',
    place_note: '行政楼 302 室',
    note: '',
    non_working_day: false,
    delegates: [
      { id: 'd1', name: '张建华', delegation_id: 'g1', delegation_name: '理工代表团' },
      { id: 'd2', name: '王芳', delegation_id: 'g1', delegation_name: '理工代表团' },
    ],
    published: true,
    created_at: '2026-11-20T01:00:00Z',
    updated_at: '2026-11-20T01:00:00Z',
    version: 1,
    ...over,
  }
}

let wrapper: VueWrapper | null = null
let router: Router

async function settle(ms = 50) {
  await flushPromises()
  await new Promise((r) => setTimeout(r, ms))
  await flushPromises()
}

async function show(screen: Component) {
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/kiosk', component: { render: () => null } },
      { path: '/kiosk/:key', component: screen },
    ],
  })
  await router.push('/kiosk/screen')
  wrapper = mount(screen, { global: { plugins: [ElementPlus, router] }, attachTo: document.body })
  await settle()
  return wrapper
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)
const text = (sel: string) => q(sel)?.textContent?.trim() ?? ''

/** An el-input's own input or textarea (Element Plus puts `data-test` on it). */
function field(testId: string): HTMLInputElement | HTMLTextAreaElement {
  const hit = q<HTMLInputElement>(`[data-test=${testId}]`)!
  return ['INPUT', 'TEXTAREA'].includes(hit.tagName) ? hit : hit.querySelector('input, textarea')!
}

async function type(testId: string, value: string) {
  const input = field(testId)
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function press(testId: string) {
  q<HTMLElement>(`[data-test=${testId}]`)!.click()
  await settle()
}

beforeEach(() => {
  forgetKioskPhotos()
  vi.mocked(api.kioskDelegateProfiles).mockResolvedValue(PROFILES)
  vi.mocked(api.kioskDelegatePhoto).mockResolvedValue('data:image/jpeg;base64,AAAA')
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.clearAllMocks()
})

describe('有事找代表', () => {
  async function fill() {
    await type('kiosk-message-name', '赵小明')
    await type('kiosk-message-phone', '139 8765 4321')
    await press('kiosk-message-category-policy_inquiry')
    await type('kiosk-message-text', '南区食堂晚餐窗口太少，排队要二十分钟。')
  }

  it('sends nothing without the consent, and says why beside the box and the button', async () => {
    await show(MessageScreen)
    await fill()
    await press('kiosk-message-send')
    expect(api.kioskSubmitMessage).not.toHaveBeenCalled()
    expect(text('[data-test=kiosk-error-consent]')).toContain('请先勾选同意')
    expect(text('[data-test=kiosk-message-why]')).toContain('同意')
    // Ticked, the message goes away with it.
    await press('kiosk-message-consent')
    expect(q('[data-test=kiosk-error-consent]')).toBeNull()
  })

  it('puts the backend’s messages beside their fields', async () => {
    vi.mocked(api.kioskSubmitMessage).mockRejectedValueOnce(
      new api.ApiError('validation', '输入有误', [
        { field: 'phone', message: '联系电话格式不正确' },
        { field: 'text', message: '请填写留言内容' },
      ]),
    )
    await show(MessageScreen)
    await type('kiosk-message-name', '赵小明')
    await type('kiosk-message-phone', '12345')
    await press('kiosk-message-consent')
    await press('kiosk-message-send')
    expect(api.kioskSubmitMessage).toHaveBeenCalledTimes(1)
    const phoneField = q('[data-field=phone]')!
    expect(phoneField.querySelector('[data-test=kiosk-error-phone]')?.textContent).toBe('联系电话格式不正确')
    expect(q('[data-field=text] [data-test=kiosk-error-text]')?.textContent).toBe('请填写留言内容')
    expect(q('[data-test=kiosk-error-name]')).toBeNull()
    expect(text('[data-test=kiosk-message-why]')).toBe('请按红色提示修改后再提交')
    // Typing in the field takes its message away.
    await type('kiosk-message-phone', '13987654321')
    expect(q('[data-test=kiosk-error-phone]')).toBeNull()
    expect(q('[data-test=kiosk-error-text]')).not.toBeNull()
  })

  it('shows a refusal without a field (one a minute) by the button', async () => {
    vi.mocked(api.kioskSubmitMessage).mockRejectedValueOnce(new api.ApiError('invalid', '提交过于频繁，请一分钟后再试'))
    await show(MessageScreen)
    await fill()
    await press('kiosk-message-consent')
    await press('kiosk-message-send')
    expect(text('[data-test=kiosk-message-why]')).toBe('提交过于频繁，请一分钟后再试')
  })

  it('sends the form with the chosen delegate and shows the code large, 打印回执 and 完成', async () => {
    const receipt = { query_code: 'K7QM-3XPA', item_no: '2026-0418', received_on: '2026-12-03' }
    vi.mocked(api.kioskSubmitMessage).mockResolvedValueOnce(receipt)
    vi.mocked(api.kioskPrintSlip).mockResolvedValueOnce({ pdf_base64: '', path: '/p/回执.pdf', page_count: 1, missing_chars: [] })
    await show(MessageScreen)
    await fill()
    // The delegate from the public profiles, on a screen of their own, then back to the form.
    await press('kiosk-message-delegate')
    expect(q('[data-test=kiosk-picker]')).not.toBeNull()
    await press('kiosk-pick-d1')
    expect(text('[data-test=kiosk-message-delegate-name]')).toBe('张建华')
    expect(field('kiosk-message-name').value).toBe('赵小明')
    await press('kiosk-message-consent')
    await press('kiosk-message-publish')
    await press('kiosk-message-send')

    expect(api.kioskSubmitMessage).toHaveBeenCalledWith({
      name: '赵小明',
      phone: '139 8765 4321',
      category: 'policy_inquiry',
      text: '南区食堂晚餐窗口太少，排队要二十分钟。',
      delegate_id: 'd1',
      consent: true,
      publish_ok: true,
    })
    expect(text('[data-test=kiosk-receipt-code]')).toBe('K7QM-3XPA')
    expect(text('[data-test=kiosk-receipt]')).toContain('2026-0418')
    expect(text('[data-test=kiosk-receipt]')).toContain('政策咨询')
    expect(q('[data-test=kiosk-message-name]')).toBeNull()

    await press('kiosk-receipt-print')
    expect(api.kioskPrintSlip).toHaveBeenCalledWith({ kind: 'message', receipt, category: 'policy_inquiry' })
    expect(text('[data-test=kiosk-receipt-print-note]')).toContain('打印')
    await press('kiosk-receipt-done')
    expect(router.currentRoute.value.path).toBe('/kiosk')
  })
})

describe('查询进度', () => {
  // The core's answers over the demo (`dev/fixtures/kiosk.json`): a message staff answered, one
  // waiting, an appointment request, and the one answer for a wrong code or wrong digits.
  const found = (pick: (p: Progress) => boolean) => {
    const hit = kiosk.progress.found.find((f) => 'ok' in f.answer && pick(f.answer.ok))
    if (!hit || !('ok' in hit.answer)) throw new Error('the fixture has no such progress')
    return { code: hit.code, digits: hit.digits, progress: hit.answer.ok }
  }
  const wrong = kiosk.progress.wrong as { err: ErrorPayload }

  beforeEach(() => {
    // As the core answered each code and digits.
    vi.mocked(api.kioskQueryProgress).mockImplementation(async (code, digits) => {
      const a = progressAnswer(code, digits)
      if ('err' in a) throw new api.ApiError(a.err.code, a.err.message)
      return a.ok
    })
  })

  it('asks with the code in capitals and the digits, and shows the status and the answer', async () => {
    const { code, digits, progress } = found((p) => p.answer !== null)
    await show(ProgressScreen)
    const bare = code.replace('-', '')
    await type('kiosk-progress-code', bare.toLowerCase())
    expect(field('kiosk-progress-code').value).toBe(bare)
    await type('kiosk-progress-digits', `${digits.slice(0, 2)}a${digits.slice(2)}`)
    expect(field('kiosk-progress-digits').value).toBe(digits)
    await press('kiosk-progress-submit')
    expect(api.kioskQueryProgress).toHaveBeenCalledWith(bare, digits)
    expect(text('[data-test=kiosk-progress-status]')).toBe(progress.status_label)
    expect(text('[data-test=kiosk-progress-answer]')).toContain(progress.answer!)
    expect(text('[data-test=kiosk-progress-result]')).toContain(fullDay(progress.answered_on!))
    await press('kiosk-progress-again')
    expect(field('kiosk-progress-code').value).toBe('')
  })

  it('shows a waiting message’s status without an answer', async () => {
    const { code, digits, progress } = found((p) => p.kind === 'item' && p.answer === null)
    await show(ProgressScreen)
    await type('kiosk-progress-code', code)
    await type('kiosk-progress-digits', digits)
    await press('kiosk-progress-submit')
    expect(text('[data-test=kiosk-progress-status]')).toBe(progress.status_label)
    expect(text('[data-test=kiosk-progress-result]')).toContain(fullDay(progress.received_on))
    expect(q('[data-test=kiosk-progress-answer]')).toBeNull()
  })

  it('shows the backend’s one message for a wrong code or wrong digits, and asks for what is missing', async () => {
    const { code, digits } = found((p) => p.answer !== null)
    await show(ProgressScreen)
    await press('kiosk-progress-submit')
    expect(api.kioskQueryProgress).not.toHaveBeenCalled()
    expect(text('[data-test=kiosk-error-code]')).toBe('请输入查询码')
    expect(text('[data-test=kiosk-error-digits]')).toBe('请输入手机号后四位')

    await type('kiosk-progress-code', code)
    await type('kiosk-progress-digits', digits === '0000' ? '1111' : '0000')
    await press('kiosk-progress-submit')
    expect(text('[data-test=kiosk-progress-error]')).toBe(wrong.err.message)
    expect(q('[data-test=kiosk-progress-result]')).toBeNull()
    // Typing again clears it.
    await type('kiosk-progress-digits', digits)
    expect(q('[data-test=kiosk-progress-error]')).toBeNull()
  })

  it('shows an appointment’s day and time, without an answer', async () => {
    const { code, digits, progress } = found((p) => p.kind === 'appointment')
    await show(ProgressScreen)
    await type('kiosk-progress-code', code)
    await type('kiosk-progress-digits', digits)
    await press('kiosk-progress-submit')
    expect(text('[data-test=kiosk-progress-status]')).toBe(progress.status_label)
    const day = progress.appointment_date!
    expect(text('[data-test=kiosk-progress-when]')).toContain(
      `${monthDay(day)} ${weekdayOf(day)} ${progress.appointment_time}`,
    )
    expect(q('[data-test=kiosk-progress-answer]')).toBeNull()
  })
})

describe('今日接待', () => {
  it('shows today’s receptions with the delegates’ photo, delegation and unit', async () => {
    vi.mocked(api.kioskToday).mockResolvedValueOnce([slot()])
    vi.mocked(api.kioskNextDutyDay).mockResolvedValueOnce({
      date: '2026-12-08',
      weekday: 2,
      weekday_label: '周二',
      is_workday: true,
      slots: [slot({ id: 's2', date: '2026-12-08', delegates: [{ id: 'd3', name: '郭书源', delegation_id: 'g2', delegation_name: '人文社科代表团' }] })],
    })
    await show(TodayScreen)
    expect(q('[data-test=kiosk-today-none]')).toBeNull()
    // The next reception day is a line below today's.
    expect(text('[data-test=kiosk-today-later]')).toContain('12月8日 星期二')
    expect(text('[data-test=kiosk-today-later]')).toContain('郭书源')
    expect(document.body.querySelectorAll('[data-test=kiosk-slot]')).toHaveLength(1)
    expect(text('[data-test=kiosk-slot-time]')).toBe('09:00 – 11:30')
    expect(text('[data-test=kiosk-slot]')).toContain('工作室 · 行政楼 302 室')
    const people = document.body.querySelectorAll('[data-test=kiosk-duty-delegate]')
    expect(people).toHaveLength(2)
    expect(people[0].textContent).toContain('张建华')
    expect(people[0].textContent).toContain('理工代表团')
    expect(people[0].textContent).toContain('计算机工程学院 教授')
    expect(people[0].querySelector('img')?.getAttribute('src')).toBe('data:image/jpeg;base64,AAAA')
    // 王芳 does not allow publishing: her name and delegation (as the published plan has them), no
    // photo asked for, no unit.
    expect(people[1].textContent).toContain('王芳')
    expect(people[1].querySelector('img')).toBeNull()
    expect(api.kioskDelegatePhoto).toHaveBeenCalledTimes(1)
    expect(api.kioskDelegatePhoto).toHaveBeenCalledWith('d1', true)
  })

  it('says 今日无接待安排 and shows the next reception day', async () => {
    const next: PlanDay = {
      date: '2026-12-08',
      weekday: 2,
      weekday_label: '周二',
      is_workday: true,
      slots: [slot({ id: 's2', date: '2026-12-08', start: '14:30', end: '17:00' })],
    }
    vi.mocked(api.kioskToday).mockResolvedValueOnce([])
    vi.mocked(api.kioskNextDutyDay).mockResolvedValueOnce(next)
    await show(TodayScreen)
    expect(text('[data-test=kiosk-today-none]')).toContain('今日无接待安排')
    expect(text('[data-test=kiosk-today-next]')).toBe('下次接待：12月8日 星期二')
    expect(text('[data-test=kiosk-next-slots]')).toContain('14:30 – 17:00')
    expect(text('[data-test=kiosk-next-slots]')).toContain('张建华')
  })

  it('says so when nothing is planned at all', async () => {
    vi.mocked(api.kioskToday).mockResolvedValueOnce([])
    vi.mocked(api.kioskNextDutyDay).mockResolvedValueOnce(null)
    await show(TodayScreen)
    expect(text('[data-test=kiosk-today-none]')).toContain('近期暂无接待安排')
    expect(document.body.querySelectorAll('[data-test=kiosk-slot]')).toHaveLength(0)
  })
})
