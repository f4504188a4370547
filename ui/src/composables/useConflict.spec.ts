import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { toApiError } from '@/api'
import type { ErrorPayload } from '@/api'
import { describeConflict, handleConflict, showConflict } from './useConflict'

const stalePayload: ErrorPayload = {
  code: 'conflict',
  message: '该记录已被他人修改，请刷新后再看',
  fields: [],
  stale: {
    entity: 'delegate',
    row_id: 'd1',
    base_version: 2,
    current_version: 3,
    changed_by: '李娟',
    changed_at: '2026-12-02T06:03:00Z',
    fields: [
      { field: 'position', label: '职务' },
      { field: 'mobile', label: '手机号码' },
    ],
  },
}

/** The message box animates in and out; give it time. */
async function settle() {
  await flushPromises()
  await new Promise((r) => setTimeout(r, 350))
  await flushPromises()
}

const box = () => document.body.querySelector<HTMLElement>('.conflict-dialog')
const button = (cls: string) => document.body.querySelector<HTMLButtonElement>(`.conflict-dialog .${cls}`)

afterEach(async () => {
  // Close a box a test left open (the module shows one at a time).
  button('conflict-refresh')?.click()
  await settle()
  document.body.innerHTML = ''
})

describe('the conflict box', () => {
  it('says who changed the record, when (Asia/Shanghai) and which fields', () => {
    expect(describeConflict(toApiError(stalePayload))).toEqual({
      message: '该记录已被他人修改，请刷新后再看',
      by: '李娟',
      at: '2026-12-02 14:03',
      fields: ['职务', '手机号码'],
    })
  })

  it('shows them with 刷新, and 取消 only for an edit form', async () => {
    const answer = showConflict(toApiError(stalePayload), { editing: true })
    await settle()
    const text = box()!.textContent ?? ''
    expect(text).toContain('该记录已被他人修改，请刷新后再看')
    expect(box()!.querySelector('[data-test=conflict-by]')!.textContent).toBe('李娟')
    expect(box()!.querySelector('[data-test=conflict-at]')!.textContent).toBe('2026-12-02 14:03')
    expect(box()!.querySelector('[data-test=conflict-fields]')!.textContent).toBe('职务、手机号码')
    expect(text).toContain('尚未保存的修改将被替换')
    expect(button('conflict-refresh')!.textContent).toContain('刷新')
    button('conflict-cancel')!.click()
    await expect(answer).resolves.toBe(false)
    await settle()

    const again = showConflict(toApiError(stalePayload))
    await settle()
    expect(box()).not.toBeNull()
    expect(button('conflict-cancel')?.style.display === 'none' || !button('conflict-cancel')).toBe(true)
    button('conflict-refresh')!.click()
    await expect(again).resolves.toBe(true)
  })

  it('handles only conflicts, and reloads on 刷新', async () => {
    const reload = vi.fn()
    expect(handleConflict({ code: 'state', message: '已提交的记录卡不能直接修改', fields: [], stale: null }, reload)).toBe(false)
    expect(handleConflict(stalePayload, reload)).toBe(true)
    await settle()
    expect(reload).not.toHaveBeenCalled()
    button('conflict-refresh')!.click()
    await settle()
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
