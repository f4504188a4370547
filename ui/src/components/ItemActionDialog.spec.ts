import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import ElementPlus, { ElMessageBox } from 'element-plus'
import * as api from '@/api'
import type { Item } from '@/api'
import { RULES } from '@/api/rules'
import ItemActionDialog from './ItemActionDialog.vue'
import { emptyActionForm, toAction, validateActionForm } from '@/utils/itemActionForm'
import type { ItemActionKind } from '@/utils/itemActions'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return { ...real, itemAct: vi.fn() }
})
const actMock = vi.mocked(api.itemAct)

const item = {
  id: 'i1',
  no: '2025-0001',
  title: '东门外人行道破损积水',
  status: 'received',
  referral: null,
  due_on: '2025-10-20',
  version: 4,
} as unknown as Item

let wrapper: VueWrapper | null = null

async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 120))
  await flushPromises()
}

async function open(kind: ItemActionKind) {
  wrapper = mount(ItemActionDialog, {
    props: { modelValue: false, item, kind },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await settle()
  return wrapper
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)
const errorOf = (field: string) => q(`[data-test=action-field-${field}] .el-form-item__error`)?.textContent?.trim()

async function confirm() {
  q<HTMLButtonElement>('[data-test=action-dialog-confirm]')!.click()
  await settle()
}

async function type(field: string, value: string) {
  const el = q<HTMLTextAreaElement | HTMLInputElement>(`[data-test=action-field-${field}] textarea, [data-test=action-field-${field}] input`)!
  el.value = value
  el.dispatchEvent(new Event('input'))
  await settle()
}

beforeEach(() => {
  actMock.mockReset()
  actMock.mockResolvedValue(item)
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('ItemActionDialog', () => {
  it('不予受理 needs a reason, then confirms before sending', async () => {
    await open('decline')
    await confirm()
    expect(errorOf('reason')).toBe('请填写不予受理的理由')
    expect(actMock).not.toHaveBeenCalled()

    const box = vi.spyOn(ElMessageBox, 'confirm').mockResolvedValue('confirm' as never)
    await type('reason', '属于司法程序处理范围')
    await confirm()
    expect(box).toHaveBeenCalledOnce()
    expect(actMock).toHaveBeenCalledWith('i1', 4, expect.objectContaining({ kind: 'decline', reason: '属于司法程序处理范围' }))
  })

  it('a cancelled confirmation sends nothing', async () => {
    await open('decline')
    await type('reason', '属于司法程序处理范围')
    vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel')
    await confirm()
    expect(actMock).not.toHaveBeenCalled()
  })

  it('回访 needs a satisfaction; 不满意 says it reopens', async () => {
    await open('follow_up')
    await confirm()
    expect(errorOf('satisfaction')).toBe('请选择满意度')
    expect(actMock).not.toHaveBeenCalled()
    q<HTMLElement>('[data-test=action-satisfaction-dissatisfied]')!.click()
    await settle()
    expect(q('[data-test=action-reopen-note]')?.textContent).toContain('重新')
    await confirm()
    expect(actMock).toHaveBeenCalledWith('i1', 4, expect.objectContaining({ kind: 'follow_up', satisfaction: 'dissatisfied' }))
  })

  it('shows the backend field messages beside the fields', async () => {
    actMock.mockRejectedValue({ code: 'validation', message: '答复日期不能早于受理日期（2025-10-01）', fields: [{ field: 'on', message: '答复日期不能早于受理日期（2025-10-01）' }] })
    await open('answer')
    await type('answer', '已修复')
    await confirm()
    expect(errorOf('on')).toBe('答复日期不能早于受理日期（2025-10-01）')
  })
})

describe('validateActionForm', () => {
  const T = '2025-10-09'
  it('延期 days are within the core’s bounds and need a reason', () => {
    const { max } = RULES.items.limits.extend_days
    const f = { ...emptyActionForm(T), reason: '等待校长办公会研究' }
    expect(validateActionForm('extend', { ...f, days: 0 }, T).days).toBe(`延期天数应在 1 到 ${max} 个工作日之间`)
    expect(validateActionForm('extend', { ...f, days: max + 1 }, T).days).toBeDefined()
    expect(validateActionForm('extend', { ...f, days: null }, T).days).toBeDefined()
    expect(validateActionForm('extend', { ...f, days: max }, T)).toEqual({})
    expect(validateActionForm('extend', { ...f, reason: ' ', days: 5 }, T).reason).toBe('请填写延期理由')
  })

  it('交办 needs the unit and its deadline; 答复 and 反馈 need their texts', () => {
    const f = emptyActionForm(T)
    expect(validateActionForm('refer', f, T)).toEqual({ unit: '请填写承办单位', due_on: '请填写承办单位的办理期限' })
    expect(validateActionForm('answer', f, T)).toEqual({ answer: '请填写答复内容' })
    expect(validateActionForm('feedback', f, T)).toEqual({ feedback: '请填写反馈情况' })
    expect(validateActionForm('chase', f, T)).toEqual({})
    expect(validateActionForm('note', f, T)).toEqual({ note: '请填写备注' })
  })

  it('refuses a day after today', () => {
    expect(validateActionForm('start', { ...emptyActionForm(T), on: '2025-10-10' }, T).on).toBe('日期不能晚于今天')
  })

  it('builds the tagged action', () => {
    const f = { ...emptyActionForm(T), unit: ' 后勤管理处 ', due_on: '2025-10-20', note: '请书面答复' }
    expect(toAction('refer', f)).toEqual({ kind: 'refer', unit: '后勤管理处', due_on: '2025-10-20', note: '请书面答复', on: T })
    expect(toAction('extend', { ...f, days: 5, reason: '理由' })).toEqual({ kind: 'extend', days: 5, reason: '理由', on: T })
  })
})
