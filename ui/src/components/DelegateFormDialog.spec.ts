import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus, { ElMessageBox } from 'element-plus'
import * as api from '@/api'
import type { Delegate, DelegationSummary, ErrorPayload } from '@/api'
import DelegateFormDialog from './DelegateFormDialog.vue'

vi.mock('@/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/api')>()
  return {
    ...real,
    delegationsList: vi.fn(),
    delegateDuplicates: vi.fn(),
    delegateCreate: vi.fn(),
    delegateUpdate: vi.fn(),
    delegateGet: vi.fn(),
  }
})

const delegations: DelegationSummary[] = [
  { id: 'g1', name: '理工代表团', head_delegate_id: null, head_name: null, note: '', display_order: 1, active_count: 0 },
]

const validationError: ErrorPayload = {
  code: 'validation',
  message: '手机号码应为 11 位数字，以 13–19 开头，例如 13812345678（另有 2 处需要修改）',
  fields: [
    { field: 'mobile', message: '手机号码应为 11 位数字，以 13–19 开头，例如 13812345678' },
    { field: 'email', message: '电子邮箱格式不正确，例如 name@example.edu.cn' },
    { field: 'delegation_id', message: '请选择所在代表团' },
  ],
  stale: null,
}

const stored: Delegate = {
  id: 'd1',
  name: '李秀英',
  gender: 'female',
  delegation_id: 'g1',
  unit: '外国语学院',
  position: '教授',
  mobile: '13912345678',
  office_phone: '',
  email: '',
  photo: null,
  bio: '',
  pledge: '',
  term: '',
  status: 'active',
  left_on: null,
  display_order: 1,
  publish: { unit_position: true, mobile: false, office_phone: true, email: true, photo: true, bio: true, pledge: true },
  publish_consent: true,
  created_at: '2025-07-01T00:00:00Z',
  updated_at: '2025-07-01T00:00:00Z',
  version: 1,
}

let wrapper: VueWrapper | null = null

/** Element Plus shows a form item's error 100 ms after its state changes (a debounced ref). */
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 120))
  await flushPromises()
}

async function openForm(props: { delegateId: string | null } = { delegateId: null }) {
  setActivePinia(createPinia())
  wrapper = mount(DelegateFormDialog, {
    props: { modelValue: false, ...props },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  // Opening is what loads the form: the same path the roster takes.
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  return wrapper
}

const input = (w: VueWrapper, test: string) => w.find<HTMLInputElement>(`[data-test=${test}] input`)
const errorText = (w: VueWrapper, test: string) => w.find(`[data-test=${test}] .el-form-item__error`)

beforeEach(() => {
  vi.mocked(api.delegationsList).mockResolvedValue(delegations)
  vi.mocked(api.delegateDuplicates).mockResolvedValue([])
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.clearAllMocks()
  vi.restoreAllMocks()
})

describe('DelegateFormDialog', () => {
  it('shows backend field errors beside the right fields and keeps what was typed', async () => {
    vi.mocked(api.delegateCreate).mockRejectedValue(validationError)
    const w = await openForm()

    await input(w, 'df-name').setValue('张建华')
    await input(w, 'df-unit').setValue('计算机工程学院')
    await input(w, 'df-mobile').setValue('1381234')
    await input(w, 'df-email').setValue('zhang@')
    await w.find('[data-test=df-save]').trigger('click')
    await settle()

    expect(api.delegateCreate).toHaveBeenCalledTimes(1)
    expect(vi.mocked(api.delegateCreate).mock.calls[0]![0]).toMatchObject({
      name: '张建华',
      unit: '计算机工程学院',
      mobile: '1381234',
      email: 'zhang@',
      gender: 'male',
    })

    expect(errorText(w, 'df-mobile').text()).toBe('手机号码应为 11 位数字，以 13–19 开头，例如 13812345678')
    expect(errorText(w, 'df-email').text()).toBe('电子邮箱格式不正确，例如 name@example.edu.cn')
    // The delegation select's form item carries the delegation_id message.
    const delegationItem = w.find('[data-test=df-delegation]').element.closest('.el-form-item')
    expect(delegationItem?.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('请选择所在代表团')
    // Fields the backend did not complain about show nothing.
    expect(errorText(w, 'df-name').exists()).toBe(false)
    expect(errorText(w, 'df-unit').exists()).toBe(false)

    // The dialog stays open with the input intact.
    expect(w.emitted('saved')).toBeUndefined()
    expect(w.emitted('update:modelValue')).toBeUndefined()
    expect(input(w, 'df-name').element.value).toBe('张建华')
    expect(input(w, 'df-mobile').element.value).toBe('1381234')
    expect(input(w, 'df-email').element.value).toBe('zhang@')
  })

  it('publishes nothing until the consent is ticked, and sends the consent with the save', async () => {
    vi.mocked(api.delegateCreate).mockResolvedValue({ ...stored, publish_consent: true })
    const w = await openForm()
    const flag = () => w.find<HTMLInputElement>('[data-test=df-publish-email] input')
    expect(flag().element.disabled).toBe(true)
    expect(w.find('[data-test=df-publish]').text()).toContain('未经本人同意，不公开任何信息')

    await w.find('[data-test=df-publish-consent] input').setValue(true)
    expect(flag().element.disabled).toBe(false)
    await input(w, 'df-name').setValue('张建华')
    await w.find('[data-test=df-save]').trigger('click')
    await settle()
    expect(vi.mocked(api.delegateCreate).mock.calls[0]![0]).toMatchObject({ publish_consent: true })
  })

  it("clears a field's message once the user edits that field", async () => {
    vi.mocked(api.delegateCreate).mockRejectedValue(validationError)
    const w = await openForm()
    await input(w, 'df-mobile').setValue('1381234')
    await w.find('[data-test=df-save]').trigger('click')
    await settle()
    expect(errorText(w, 'df-mobile').exists()).toBe(true)

    await input(w, 'df-mobile').setValue('13812345678')
    await settle()
    expect(errorText(w, 'df-mobile').exists()).toBe(false)
    expect(errorText(w, 'df-email').exists()).toBe(true)
  })

  it('warns about a likely duplicate and saves nothing when the user goes back', async () => {
    vi.mocked(api.delegateDuplicates).mockResolvedValue([
      {
        id: 'd9',
        name: '张建华',
        gender: 'male',
        delegation_id: 'g1',
        delegation_name: '理工代表团',
        unit: '计算机工程学院',
        position: '',
        mobile_masked: '138****5678',
        status: 'active',
        term: '',
        has_photo: false,
        display_order: 1,
      },
    ])
    const confirm = vi.spyOn(ElMessageBox, 'confirm').mockRejectedValue('cancel')
    const w = await openForm()
    await input(w, 'df-name').setValue(' 张建华 ')
    await input(w, 'df-unit').setValue('计算机工程学院')
    await w.find('[data-test=df-save]').trigger('click')
    await settle()

    expect(api.delegateDuplicates).toHaveBeenCalledWith('张建华', '计算机工程学院', null)
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(api.delegateCreate).not.toHaveBeenCalled()
    expect(input(w, 'df-name').element.value).toBe(' 张建华 ')
  })

  it('saves an edit without the duplicate check when name and unit are unchanged', async () => {
    vi.mocked(api.delegateGet).mockResolvedValue(stored)
    vi.mocked(api.delegateUpdate).mockResolvedValue({ ...stored, position: '副院长', version: 2 })
    const w = await openForm({ delegateId: 'd1' })

    expect(input(w, 'df-name').element.value).toBe('李秀英')
    await input(w, 'df-position').setValue('副院长')
    await w.find('[data-test=df-save]').trigger('click')
    await settle()

    expect(api.delegateDuplicates).not.toHaveBeenCalled()
    expect(api.delegateUpdate).toHaveBeenCalledWith('d1', 1, expect.objectContaining({ position: '副院长', gender: 'female' }))
    expect(w.emitted('saved')).toHaveLength(1)
    expect(w.emitted('update:modelValue')?.at(-1)).toEqual([false])
  })

  it('on a stale save shows who changed what, and 刷新 refills the form with the stored values', async () => {
    vi.mocked(api.delegateGet)
      .mockResolvedValueOnce(stored)
      .mockResolvedValueOnce({ ...stored, position: '副校长', version: 2, updated_at: '2026-12-02T06:03:00Z' })
    const conflict: ErrorPayload = {
      code: 'conflict',
      message: '该记录已被他人修改，请刷新后再看',
      fields: [],
      stale: {
        entity: 'delegate',
        row_id: 'd1',
        base_version: 1,
        current_version: 2,
        changed_by: '李娟',
        changed_at: '2026-12-02T06:03:00Z',
        fields: [{ field: 'position', label: '职务' }],
      },
    }
    vi.mocked(api.delegateUpdate).mockRejectedValueOnce(conflict)
    const w = await openForm({ delegateId: 'd1' })
    await input(w, 'df-position').setValue('教务处处长')
    await w.find('[data-test=df-save]').trigger('click')
    await settle()
    await new Promise((r) => setTimeout(r, 300))

    expect(api.delegateUpdate).toHaveBeenCalledWith('d1', 1, expect.objectContaining({ position: '教务处处长' }))
    const box = document.body.querySelector('.conflict-dialog')!
    expect(box.textContent).toContain('该记录已被他人修改，请刷新后再看')
    expect(box.querySelector('[data-test=conflict-fields]')!.textContent).toBe('职务')
    expect(box.querySelector('[data-test=conflict-by]')!.textContent).toBe('李娟')
    // Until 刷新, the form keeps what the user typed.
    expect(input(w, 'df-position').element.value).toBe('教务处处长')
    expect(w.emitted('saved')).toBeUndefined()

    box.querySelector<HTMLButtonElement>('.conflict-refresh')!.click()
    await settle()
    expect(api.delegateGet).toHaveBeenCalledTimes(2)
    expect(input(w, 'df-position').element.value).toBe('副校长')
    expect(w.emitted('reloaded')).toHaveLength(1)

    // The next save is based on the version just read.
    vi.mocked(api.delegateUpdate).mockResolvedValueOnce({ ...stored, position: '教务处处长', version: 3 })
    await input(w, 'df-position').setValue('教务处处长')
    await w.find('[data-test=df-save]').trigger('click')
    await settle()
    expect(api.delegateUpdate).toHaveBeenLastCalledWith('d1', 2, expect.objectContaining({ position: '教务处处长' }))
  })
})
