// The public delegates' photos at the kiosk, asked once per window (退出登录 and the idle return of a
// staff session start the window afresh, so a changed photo shows after that). Only what the core
// lets the public see comes back: a delegate who does not allow their photo has none here.
import { kioskDelegatePhoto } from '@/api'

const cache = new Map<string, Promise<string | null>>()

export function kioskPhoto(id: string): Promise<string | null> {
  let p = cache.get(id)
  if (!p) {
    p = kioskDelegatePhoto(id, true).catch(() => {
      cache.delete(id)
      return null
    })
    cache.set(id, p)
  }
  return p
}

/** For tests. */
export function forgetKioskPhotos(): void {
  cache.clear()
}
