// The kiosk's page-level guard: the ways out it refuses, and what it lets through (typing).
import { afterEach, describe, expect, it } from 'vitest'
import { installLockdown, isBlockedKey, isTextField } from './lockdown'

type KeyInit = { key: string; code?: string; ctrlKey?: boolean; shiftKey?: boolean; altKey?: boolean; metaKey?: boolean; target?: EventTarget | null }

const key = (k: KeyInit) =>
  isBlockedKey({ code: '', ctrlKey: false, shiftKey: false, altKey: false, metaKey: false, target: document.body, ...k })

let off: (() => void) | null = null
afterEach(() => {
  off?.()
  off = null
  document.body.innerHTML = ''
})

describe('isBlockedKey', () => {
  it('refuses the ways out of the kiosk', () => {
    expect(key({ key: 'F4', altKey: true })).toBe(true)
    expect(key({ key: 'w', code: 'KeyW', ctrlKey: true })).toBe(true)
    expect(key({ key: 'r', code: 'KeyR', ctrlKey: true })).toBe(true)
    expect(key({ key: 'F5' })).toBe(true)
    expect(key({ key: 'F11' })).toBe(true)
    expect(key({ key: 'F12' })).toBe(true)
    expect(key({ key: 'I', code: 'KeyI', ctrlKey: true, shiftKey: true })).toBe(true)
    expect(key({ key: 'p', code: 'KeyP', ctrlKey: true })).toBe(true)
    expect(key({ key: 'ArrowLeft', altKey: true })).toBe(true)
    expect(key({ key: 'Backspace' })).toBe(true)
    expect(key({ key: '+', code: 'Equal', ctrlKey: true, shiftKey: true })).toBe(true)
    expect(key({ key: '-', code: 'Minus', ctrlKey: true })).toBe(true)
    expect(key({ key: '0', code: 'Digit0', ctrlKey: true })).toBe(true)
    expect(key({ key: 'BrowserBack' })).toBe(true)
    expect(key({ key: 'ContextMenu' })).toBe(true)
    // Another keyboard layout: the key's position counts.
    expect(key({ key: 'к', code: 'KeyR', ctrlKey: true })).toBe(true)
  })

  it('lets typing and editing through', () => {
    const input = document.createElement('input')
    const area = document.createElement('textarea')
    expect(key({ key: 'Backspace', target: input })).toBe(false)
    expect(key({ key: 'Backspace', target: area })).toBe(false)
    for (const k of ['a', 'c', 'v', 'x', 'z', 'y']) expect(key({ key: k, code: `Key${k.toUpperCase()}`, ctrlKey: true })).toBe(false)
    expect(key({ key: 'Z', code: 'KeyZ', ctrlKey: true, shiftKey: true })).toBe(false)
    for (const k of ['a', '张', 'Enter', 'Escape', 'Tab', 'ArrowLeft', 'Delete', '0']) expect(key({ key: k })).toBe(false)
  })

  it('tells text fields from the rest', () => {
    const text = document.createElement('input')
    const box = document.createElement('input')
    box.type = 'checkbox'
    const ro = document.createElement('input')
    ro.readOnly = true
    const div = document.createElement('div')
    expect(isTextField(text)).toBe(true)
    expect(isTextField(box)).toBe(false)
    expect(isTextField(ro)).toBe(false)
    expect(isTextField(div)).toBe(false)
    expect(isTextField(null)).toBe(false)
  })
})

describe('installLockdown', () => {
  function fire(target: EventTarget, ev: Event): Event {
    target.dispatchEvent(ev)
    return ev
  }

  it('prevents the refused events before the page sees them, and lets the rest through', () => {
    off = installLockdown(window)
    const input = document.createElement('input')
    const div = document.createElement('div')
    document.body.append(input, div)
    let reached = 0
    div.addEventListener('keydown', () => reached++)

    expect(fire(div, new KeyboardEvent('keydown', { key: 'F5', bubbles: true, cancelable: true })).defaultPrevented).toBe(true)
    expect(fire(div, new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true, cancelable: true })).defaultPrevented).toBe(true)
    expect(reached).toBe(0)
    expect(fire(input, new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true, cancelable: true })).defaultPrevented).toBe(false)
    expect(fire(div, new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true })).defaultPrevented).toBe(false)
    expect(reached).toBe(1)

    expect(fire(div, new MouseEvent('contextmenu', { bubbles: true, cancelable: true })).defaultPrevented).toBe(true)
    expect(fire(div, new Event('dragstart', { bubbles: true, cancelable: true })).defaultPrevented).toBe(true)
    expect(fire(input, new Event('drop', { bubbles: true, cancelable: true })).defaultPrevented).toBe(true)
    // happy-dom's WheelEvent drops `ctrlKey` from its init: set it on the event.
    const wheel = (ctrlKey: boolean) => Object.defineProperty(new WheelEvent('wheel', { bubbles: true, cancelable: true }), 'ctrlKey', { value: ctrlKey })
    expect(fire(div, wheel(true)).defaultPrevented).toBe(true)
    expect(fire(div, wheel(false)).defaultPrevented).toBe(false)
    expect(fire(div, new MouseEvent('mouseup', { button: 3, bubbles: true, cancelable: true })).defaultPrevented).toBe(true)
    expect(fire(div, new MouseEvent('auxclick', { button: 1, bubbles: true, cancelable: true })).defaultPrevented).toBe(true)
    expect(fire(div, new MouseEvent('mousedown', { button: 0, bubbles: true, cancelable: true })).defaultPrevented).toBe(false)

    const away = document.createElement('a')
    away.href = 'https://example.com/'
    document.body.append(away)
    expect(fire(away, new MouseEvent('click', { bubbles: true, cancelable: true })).defaultPrevented).toBe(true)
    const blank = document.createElement('a')
    blank.href = '#/kiosk/about'
    blank.target = '_blank'
    document.body.append(blank)
    expect(fire(blank, new MouseEvent('click', { bubbles: true, cancelable: true })).defaultPrevented).toBe(true)

    expect(window.open('https://example.com/')).toBeNull()
    expect(document.documentElement.classList.contains('kiosk-locked')).toBe(true)
    expect(window.__STUDIO_LOCKDOWN__?.blocked).toContain('keydown:F5')
    expect(window.__STUDIO_LOCKDOWN__?.blocked).toContain('contextmenu')
  })

  it('installs once, and comes off again', () => {
    off = installLockdown(window)
    expect(installLockdown(window)).toBe(off)
    off()
    off = null
    expect(document.documentElement.classList.contains('kiosk-locked')).toBe(false)
    const ev = new MouseEvent('contextmenu', { bubbles: true, cancelable: true })
    document.body.dispatchEvent(ev)
    expect(ev.defaultPrevented).toBe(false)
  })
})
