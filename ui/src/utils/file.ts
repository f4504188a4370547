import { RULES } from '@/api/rules'

/** A file's bytes as base64 (no `data:` prefix), as the backend's photo command takes them. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result ?? '')
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'))
    reader.readAsDataURL(file)
  })
}

/** The largest photo the core accepts, in bytes. */
export const PHOTO_MAX_BYTES = RULES.roster.limits.photo_bytes
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']
