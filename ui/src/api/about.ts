import { call } from './core'
import type { About } from './types'

/** 设置 → 关于: version, database and schema version, the calendar data's years, licences. */
export const aboutGet = () => call<About>('about_get')
