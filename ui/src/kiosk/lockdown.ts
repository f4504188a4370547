// The kiosk's page-level guard, installed only in kiosk mode. The window itself is locked down in
// Rust (src-tauri/src/kiosk.rs: WebKitGTK's developer tools, context menu, printing, zoom, new
// windows, navigation elsewhere, drops, and most shortcuts never reach the page). This guard is the
// second layer, and the only one for what only the page can tell apart: Backspace in a text field
// (typing) or outside one (a browser's "back"). What it refuses:
// - keys: F1–F24, reload, close, print, new window, zoom, developer tools, Alt+Left/Right/Home,
//   Backspace outside a text field, the keyboard's browser keys and the Menu key;
// - the context menu, dragging anything out of or dropping anything into the page;
// - Ctrl+wheel and two-finger pinches (zoom); the middle, back and forward mouse buttons;
// - links that would leave the page or open a window; window.open / print / close.

type Listener = [type: string, fn: (e: Event) => void, opts: AddEventListenerOptions]

/** Keys refused with Ctrl (or ⌘), by `KeyboardEvent.key` lower-cased: reload, close, print, quit,
 * new window/tab, open, save, source, location, bookmarks, history, downloads, find, zoom. */
const CTRL_KEYS = new Set(['r', 'w', 'p', 'q', 'n', 't', 'o', 's', 'u', 'l', 'd', 'h', 'j', 'g', 'f', '+', '-', '=', '0', '_'])
/** The same by `KeyboardEvent.code` (another keyboard layout, Shift held). */
const CTRL_CODES = new Set(['KeyR', 'KeyW', 'KeyP', 'KeyQ', 'KeyN', 'KeyT', 'KeyO', 'KeyS', 'KeyU', 'KeyL', 'KeyD', 'KeyH', 'KeyJ', 'KeyG', 'KeyF', 'Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0'])
/** Ctrl+Shift: the inspector. */
const CTRL_SHIFT_KEYS = new Set(['i', 'j', 'c', 'k'])
const ALT_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home'])
/** Keys a keyboard has for a browser or the system. */
const SPECIAL_KEYS = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'BrowserStop',
  'BrowserFavorites',
  'ContextMenu',
  'PrintScreen',
  'Print',
  'ZoomIn',
  'ZoomOut',
  'Close',
  'Open',
  'Save',
])
const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'range', 'color'])

/** Where typing goes: Backspace deletes there, it does not navigate. */
export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false
  const el = target as HTMLElement
  if (el.isContentEditable) return true
  const tag = el.tagName.toLowerCase()
  if (tag === 'textarea') return !(el as HTMLTextAreaElement).readOnly
  if (tag === 'input') {
    const input = el as HTMLInputElement
    return !NOT_TEXT_INPUTS.has((input.type || 'text').toLowerCase()) && !input.readOnly
  }
  return false
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>

/** Whether the kiosk refuses this key press (a pure function: see lockdown.spec.ts). */
export function isBlockedKey(e: KeyLike): boolean {
  const key = e.key ?? ''
  if (/^F\d{1,2}$/.test(key)) return true
  if (SPECIAL_KEYS.has(key)) return true
  const ctrl = e.ctrlKey || e.metaKey
  const lower = key.toLowerCase()
  if (ctrl && e.shiftKey && CTRL_SHIFT_KEYS.has(lower)) return true
  if (ctrl && (CTRL_KEYS.has(lower) || CTRL_CODES.has(e.code))) return true
  if (e.altKey && ALT_KEYS.has(key)) return true
  if (key === 'Backspace' && !isTextField(e.target)) return true
  return false
}

/** What the guard refused, newest last (the end-to-end test reads it: a key missing here but gone
 * from the page was stopped natively, before the page saw it). */
export interface LockdownLog {
  blocked: string[]
}

declare global {
  interface Window {
    /** Set by the kiosk window's initialization script (src-tauri/src/kiosk.rs) before any page script. */
    __STUDIO_KIOSK__?: boolean
    __STUDIO_LOCKDOWN__?: LockdownLog
  }
}

function describe(e: Event): string {
  if (e instanceof KeyboardEvent) {
    const mods = [e.ctrlKey && 'Ctrl', e.metaKey && 'Meta', e.altKey && 'Alt', e.shiftKey && 'Shift'].filter(Boolean)
    return `${e.type}:${[...mods, e.key].join('+')}`
  }
  return e.type
}

let uninstall: (() => void) | null = null

/** Install the guard on `win` (once; a second call does nothing). Returns how to remove it. */
export function installLockdown(win: Window = window): () => void {
  if (uninstall) return uninstall
  const log: LockdownLog = { blocked: [] }
  win.__STUDIO_LOCKDOWN__ = log
  const refuse = (e: Event) => {
    e.preventDefault()
    e.stopImmediatePropagation()
    log.blocked.push(describe(e))
    if (log.blocked.length > 200) log.blocked.splice(0, 100)
  }
  const onKey = (e: Event) => {
    if (isBlockedKey(e as KeyboardEvent)) refuse(e)
  }
  // Middle (1), back (3) and forward (4) buttons. wry turns the mouse's back/forward buttons into
  // page events and goes back in history only when the page did not prevent them.
  const onButton = (e: Event) => {
    if ([1, 3, 4].includes((e as MouseEvent).button)) refuse(e)
  }
  const onDragOver = (e: Event) => {
    const d = (e as DragEvent).dataTransfer
    if (d) d.dropEffect = 'none'
    refuse(e)
  }
  const onWheel = (e: Event) => {
    if ((e as WheelEvent).ctrlKey) refuse(e)
  }
  const onTouch = (e: Event) => {
    if ((e as TouchEvent).touches && (e as TouchEvent).touches.length > 1) refuse(e)
  }
  // A link that leaves the page or asks for another window: refused (the app has none; this is for
  // any that a screen's text might carry).
  const onClick = (e: Event) => {
    const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
    if (!a) return
    const target = a.getAttribute('target')
    // Protocol and host, not `origin`: the app's own `tauri://localhost` has an opaque origin.
    let foreign = false
    try {
      const u = new URL(a.href, win.location.href)
      foreign = u.protocol !== win.location.protocol || u.host !== win.location.host
    } catch {
      foreign = true
    }
    if (foreign || (target && target !== '_self') || a.hasAttribute('download')) refuse(e)
  }
  const capture = { capture: true, passive: false }
  const listeners: Listener[] = [
    ['keydown', onKey, capture],
    ['keyup', onKey, capture],
    ['keypress', onKey, capture],
    ['contextmenu', refuse, capture],
    ['dragstart', refuse, capture],
    ['dragenter', onDragOver, capture],
    ['dragover', onDragOver, capture],
    ['drop', refuse, capture],
    ['wheel', onWheel, capture],
    ['mousedown', onButton, capture],
    ['mouseup', onButton, capture],
    ['auxclick', refuse, capture],
    ['pointerdown', onButton, capture],
    ['touchstart', onTouch, capture],
    ['touchmove', onTouch, capture],
    ['gesturestart', refuse, capture],
    ['click', onClick, capture],
  ]
  for (const [type, fn, opts] of listeners) win.addEventListener(type, fn, opts)

  // Script calls that would open, print or close a window (the init script fixed them already in
  // the real kiosk window; assigning over a fixed property simply fails there).
  const saved = { open: win.open, print: win.print, close: win.close }
  const replace = <K extends 'open' | 'print' | 'close'>(name: K, value: Window[K]) => {
    try {
      win[name] = value
    } catch {
      /* fixed by the window's initialization script */
    }
  }
  replace('open', (() => null) as Window['open'])
  replace('print', () => undefined)
  replace('close', () => undefined)

  const root = win.document.documentElement
  root.classList.add('kiosk-locked')

  uninstall = () => {
    for (const [type, fn, opts] of listeners) win.removeEventListener(type, fn, opts)
    replace('open', saved.open)
    replace('print', saved.print)
    replace('close', saved.close)
    root.classList.remove('kiosk-locked')
    uninstall = null
  }
  return uninstall
}
