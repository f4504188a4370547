import { call } from './core'
import type { PrintFont } from './types'

/** 设置 → 打印字体: the font every document is printed in (the shipped 思源宋体 by default). */
export const printFontGet = () => call<PrintFont>('print_font_get')
/** Opens the native dialog for a TrueType/OpenType font; `null` when the user cancelled. */
export const printFontChoose = () => call<PrintFont | null>('print_font_choose')
/** Back to the shipped font. */
export const printFontDefault = () => call<PrintFont>('print_font_default')
