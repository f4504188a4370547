// 恢复在任 asks once and calls the backend; 离任 needs a date, so it has its own dialog
// (MarkLeftDialog). Both report errors the same way.
import { ElMessage, ElMessageBox } from 'element-plus'
import { delegateReinstate, toApiError } from '@/api'
import type { Delegate } from '@/api'

/** Ask, then reinstate. Resolves to the updated delegate, or null when cancelled or failed. */
export async function confirmReinstate(d: { id: string; name: string }): Promise<Delegate | null> {
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
    const updated = await delegateReinstate(d.id)
    ElMessage.success(`${d.name} 已恢复在任`)
    return updated
  } catch (e) {
    ElMessage.error(toApiError(e).message)
    return null
  }
}
