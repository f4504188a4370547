// Where to save a file: the system's save dialog (@tauri-apps/plugin-dialog, permission
// `dialog:allow-save`).
//
// End-to-end tests cannot drive a native dialog. When the page has the global string
// `window.__STUDIO_E2E_SAVE_DIR__` set (a test sets it through WebDriver's execute script, e.g.
// `window.__STUDIO_E2E_SAVE_DIR__ = '/tmp/e2e-out'`), no dialog opens: the file goes to that folder
// under the suggested name. Nothing in the app sets it.
import { save } from '@tauri-apps/plugin-dialog'

export interface FileFilter {
  /** Shown in the dialog's type list, e.g. `PDF 文件`. */
  name: string
  /** Without the dot: `pdf`, `xlsx`. */
  extensions: string[]
}

declare global {
  interface Window {
    __STUDIO_E2E_SAVE_DIR__?: string
  }
}

/** `dir` + `name` with the folder's own separator (a Windows path keeps its backslashes). */
export function joinPath(dir: string, name: string): string {
  if (dir === '') return name
  if (dir.endsWith('/') || dir.endsWith('\\')) return dir + name
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/'
  return `${dir}${sep}${name}`
}

/**
 * The path to write to, or null when the user cancelled. `defaultName` is the suggested file
 * name (记录卡-张三-2026-05-06.pdf); characters a file system refuses are replaced.
 */
export async function chooseSavePath(defaultName: string, filters: FileFilter[]): Promise<string | null> {
  const name = safeFileName(defaultName)
  const e2eDir = typeof window !== 'undefined' ? window.__STUDIO_E2E_SAVE_DIR__ : undefined
  if (typeof e2eDir === 'string' && e2eDir !== '') return joinPath(e2eDir, name)
  return save({ defaultPath: name, filters })
}

/** A file name every file system accepts: no slashes, colons, quotes… */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').trim() || '未命名'
}

export const PDF_FILTER: FileFilter = { name: 'PDF 文件', extensions: ['pdf'] }
