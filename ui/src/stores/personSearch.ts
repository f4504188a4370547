// 个人信息's last search lives in a store, so coming back from a card or an item asks again for the
// same person instead of starting empty. Only the query is kept (never the records), in memory: 退出登录
// reloads the window and forgets it.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PersonQuery } from '@/api'

export const usePersonSearch = defineStore('personSearch', () => {
  const last = ref<PersonQuery | null>(null)
  return { last }
})
