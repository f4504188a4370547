// 删除 of a row in a list: asked first (a warning box), then deleted at the version the list read;
// 已删除 and the list reloaded, or a stale row's conflict box (刷新 reloads), or the backend's message.
import { ElMessage, ElMessageBox } from 'element-plus'
import { toApiError } from '@/api'
import { handleConflict } from '@/composables/useConflict'

export interface DeleteAsk {
  /** The question: 删除动态「…」？ */
  question: string
  /** The box's title: 删除动态. */
  title: string
}

/** Ask, delete, reload. Resolves true when the row was deleted. */
export async function deleteRow(ask: DeleteAsk, remove: () => Promise<unknown>, reload: () => Promise<void>): Promise<boolean> {
  try {
    await ElMessageBox.confirm(ask.question, ask.title, { type: 'warning', confirmButtonText: '删除' })
  } catch {
    return false
  }
  try {
    await remove()
    ElMessage.success('已删除')
    void reload()
    return true
  } catch (e) {
    if (!handleConflict(e, reload)) ElMessage.error(toApiError(e).message)
    return false
  }
}
