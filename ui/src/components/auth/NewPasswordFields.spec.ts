// The new password + confirm pair shared by the setup, change, reset and new-account forms: both
// values reach the parent, typing asks to clear that field's message, leaving it asks to check it,
// and a message shows under the field it belongs to.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import ElementPlus, { ElForm } from 'element-plus'
import { defineComponent, h, reactive } from 'vue'
import { PASSWORD_HINT } from './accountRules'
import NewPasswordFields from './NewPasswordFields.vue'

type Field = 'password' | 'confirm'

let wrapper: VueWrapper | null = null

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

// el-form-item shows its message a moment after the error arrives (a debounced state).
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 120))
  await flushPromises()
}

const q = <T extends Element = HTMLElement>(sel: string) => document.body.querySelector<T>(sel)

/** Mounts the pair inside an el-form the way the forms do, recording what it emits. */
async function mountPair(errors: { password?: string; confirm?: string } = {}) {
  const form = reactive({ password: '', confirm: '' })
  const shownErrors = reactive({ ...errors })
  const cleared: Field[] = []
  const validated: Field[] = []
  const Host = defineComponent({
    setup() {
      return () =>
        h(ElForm, { labelPosition: 'top' }, () =>
          h(NewPasswordFields, {
            password: form.password,
            'onUpdate:password': (v: string) => (form.password = v),
            confirm: form.confirm,
            'onUpdate:confirm': (v: string) => (form.confirm = v),
            errors: shownErrors,
            passwordLabel: '新密码',
            confirmLabel: '确认新密码',
            passwordTest: 'np-password',
            confirmTest: 'np-confirm',
            confirmPlaceholder: '再次输入新密码',
            onClear: (f: Field) => cleared.push(f),
            onValidate: (f: Field) => validated.push(f),
          }),
        )
    },
  })
  wrapper = mount(Host, { global: { plugins: [ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return { form, shownErrors, cleared, validated }
}

async function type(sel: string, value: string) {
  const input = q<HTMLInputElement>(`${sel} input`)!
  input.value = value
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('NewPasswordFields', () => {
  it('renders both fields with their labels, placeholders and password inputs', async () => {
    await mountPair()
    expect(q('[data-test=np-password] .el-form-item__label')?.textContent).toBe('新密码')
    expect(q('[data-test=np-confirm] .el-form-item__label')?.textContent).toBe('确认新密码')
    const pw = q<HTMLInputElement>('[data-test=np-password] input')!
    const cf = q<HTMLInputElement>('[data-test=np-confirm] input')!
    for (const input of [pw, cf]) {
      expect(input.type).toBe('password')
      expect(input.getAttribute('autocomplete')).toBe('new-password')
    }
    expect(pw.placeholder).toBe(PASSWORD_HINT)
    expect(cf.placeholder).toBe('再次输入新密码')
  })

  it('updates both v-models as the person types, and asks to clear only that field', async () => {
    const { form, cleared } = await mountPair()
    await type('[data-test=np-password]', 'abcd1234')
    expect(form).toEqual({ password: 'abcd1234', confirm: '' })
    expect(cleared).toEqual(['password'])

    await type('[data-test=np-confirm]', 'abcd1235')
    expect(form).toEqual({ password: 'abcd1234', confirm: 'abcd1235' })
    expect(cleared).toEqual(['password', 'confirm'])
  })

  it('asks to check a field when it loses focus', async () => {
    const { validated } = await mountPair()
    q('[data-test=np-confirm] input')!.dispatchEvent(new FocusEvent('blur'))
    await flushPromises()
    expect(validated).toEqual(['confirm'])
    q('[data-test=np-password] input')!.dispatchEvent(new FocusEvent('blur'))
    await flushPromises()
    expect(validated).toEqual(['confirm', 'password'])
  })

  it('shows a message under the field it belongs to', async () => {
    const { shownErrors } = await mountPair({ confirm: '两次输入的密码不一致' })
    await settle()
    expect(q('[data-test=np-confirm] .el-form-item__error')?.textContent).toContain('两次输入的密码不一致')
    expect(q('[data-test=np-password] .el-form-item__error')).toBeNull()

    shownErrors.password = '密码至少 8 位'
    delete shownErrors.confirm
    await settle()
    expect(q('[data-test=np-password] .el-form-item__error')?.textContent).toContain('密码至少 8 位')
    expect(q('[data-test=np-confirm] .el-form-item__error')).toBeNull()
  })
})
