// Photos come from the backend as data URLs. Thumbnails are cached per delegate for the session so
// paging back and forth through the roster does not ask again; an upload drops the cached entry.
import { delegatePhoto } from '@/api'

const thumbnails = new Map<string, Promise<string | null>>()

export function loadThumbnail(id: string): Promise<string | null> {
  let p = thumbnails.get(id)
  if (!p) {
    p = delegatePhoto(id, true).catch(() => {
      // Do not cache a failure: the next view tries again.
      thumbnails.delete(id)
      return null
    })
    thumbnails.set(id, p)
  }
  return p
}

export function loadPhoto(id: string): Promise<string | null> {
  return delegatePhoto(id, false)
}

export function forgetPhoto(id: string): void {
  thumbnails.delete(id)
}
