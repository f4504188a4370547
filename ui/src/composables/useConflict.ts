// The one way a stale save is shown: someone else saved the record after this page read it, so the
// backend wrote nothing (code `conflict`). A message box says who changed it, when (Asia/Shanghai) and
// which fields, and offers 刷新, which reloads the record so nothing stale stays on screen. An edit
// form also says the user's unsaved text will be replaced, and offers 取消 to keep looking at it.
import { h } from 'vue'
import { ElMessageBox } from 'element-plus'
import { toApiError } from '@/api'
import type { ApiError } from '@/api'
import { formatDateTime } from '@/utils/datetime'

export const CONFLICT_MESSAGE = '该记录已被他人修改，请刷新后再看'

export interface ConflictOptions {
  /** An edit form holding the user's unsaved text: 刷新 replaces it, 取消 keeps it on screen. */
  editing?: boolean
}

/** What the box says, as plain lines (tested on their own). */
export function describeConflict(err: ApiError) {
  const s = err.stale
  return {
    message: err.message || CONFLICT_MESSAGE,
    by: s?.changed_by ?? '',
    at: formatDateTime(s?.changed_at),
    fields: [...new Set((s?.fields ?? []).map((f) => f.label || f.field))],
  }
}

let showing: Promise<boolean> | null = null

/**
 * Show the conflict box. Resolves true when the user chose 刷新 (the caller reloads), false when they
 * chose 取消 (only offered with `editing`). One box at a time: a second conflict while it is open
 * waits for the same answer.
 */
export function showConflict(err: ApiError, opts: ConflictOptions = {}): Promise<boolean> {
  if (showing) return showing
  const editing = !!opts.editing
  const d = describeConflict(err)
  const facts = [
    d.by ? ['修改人', d.by, 'conflict-by'] : null,
    d.at ? ['修改时间', d.at, 'conflict-at'] : null,
    d.fields.length ? ['改动内容', d.fields.join('、'), 'conflict-fields'] : null,
  ].filter((f): f is [string, string, string] => f !== null)
  const note = editing
    ? '点击“刷新”载入最新内容，您尚未保存的修改将被替换；点击“取消”可继续查看您填写的内容（不会保存）。'
    : '点击“刷新”载入最新内容后，请核对再操作。'
  const message = h('div', { class: 'conflict', 'data-test': 'conflict' }, [
    h('p', { class: 'conflict__lead', 'data-test': 'conflict-message' }, d.message),
    facts.length
      ? h(
          'dl',
          { class: 'conflict__facts' },
          facts.flatMap(([k, v, test]) => [h('dt', k), h('dd', { 'data-test': test }, v)]),
        )
      : null,
    h('p', { class: 'conflict__note' }, note),
  ])
  showing = ElMessageBox({
    title: '记录已被修改',
    message,
    type: 'warning',
    customClass: 'conflict-dialog',
    confirmButtonText: '刷新',
    confirmButtonClass: 'conflict-refresh',
    showCancelButton: editing,
    cancelButtonText: '取消',
    cancelButtonClass: 'conflict-cancel',
    showClose: editing,
    closeOnClickModal: false,
    closeOnPressEscape: editing,
    closeOnHashChange: false,
  })
    .then(() => true)
    .catch(() => false)
    .finally(() => {
      showing = null
    })
  return showing
}

/**
 * For a `catch`: when `e` is a stale save, show the box and, on 刷新, run `reload`; returns true (the
 * error is dealt with). Any other error returns false for the caller to report as before. It does not
 * wait for the user, so the caller's busy state ends at once.
 */
export function handleConflict(e: unknown, reload: () => unknown, opts: ConflictOptions = {}): boolean {
  const err = toApiError(e)
  if (!err.isConflict) return false
  void showConflict(err, opts).then((refresh) => {
    if (refresh) return reload()
  })
  return true
}
