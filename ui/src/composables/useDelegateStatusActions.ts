// 恢复在任 asks once and calls the backend; 离任 needs a date, so it has its own dialog
// (MarkLeftDialog). Both report errors the same way, and both name the version of the delegate the
// page shows (read first for a roster row, which has none): a stale one shows the conflict box.
import { ElMessage, ElMessageBox } from 'element-plus'
import { delegateGet, delegateReinstate, toApiError } from '@/api'
import type { Delegate } from '@/api'
import { showConflict } from '@/composables/useConflict'

/**
 * Ask, then reinstate. Resolves to the updated delegate; after a conflict, to the delegate as it is
 * now (刷新); null when cancelled or failed.
 */
export async function confirmReinstate(d: { id: string; name: string; version?: number }): Promise<Delegate | null> {
  let version = d.version
  if (version === undefined) {
    try {
      version = (await delegateGet(d.id)).version
    } catch (e) {
      ElMessage.error(toApiError(e).message)
      return null
    }
  }
  try {
    await ElMessageBox.confirm(`确定将 ${d.name} 恢复为在任吗？`, '恢复在任', {
      confirmButtonText: '恢复在任',
      cancelButtonText: '取消',
      type: 'warning',
    })
  } catch {
    return null
  }
  try {
    const updated = await delegateReinstate(d.id, version)
    ElMessage.success(`${d.name} 已恢复在任`)
    return updated
  } catch (e) {
    const err = toApiError(e)
    if (!err.isConflict) {
      ElMessage.error(err.message)
      return null
    }
    await showConflict(err)
    try {
      return await delegateGet(d.id)
    } catch (e2) {
      ElMessage.error(toApiError(e2).message)
      return null
    }
  }
}
