/// <reference types="node" />
// The app's packaging config (tauri.conf.json at the repository root, with tauri.linux.conf.json
// merged over it on Linux) against the Tauri config JSON schema shipped in @tauri-apps/cli, and the
// settings the installers depend on. The Windows installer cannot be built on Linux, so this test
// is what keeps its config valid. Not UI code: it lives here because Vitest is the JS test runner.
import { readFileSync, existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import Ajv from 'ajv'

const ROOT = resolve(__dirname, '../..')
// Paths inside the config are relative to src-tauri/, where the Tauri tools read it (a symlink).
const CONF_DIR = resolve(ROOT, 'src-tauri')

type Json = Record<string, unknown>
const read = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json
const conf = read(resolve(ROOT, 'tauri.conf.json'))
const linux = read(resolve(ROOT, 'tauri.linux.conf.json'))
const schema = read(resolve(ROOT, 'ui/node_modules/@tauri-apps/cli/config.schema.json'))

/** RFC 7396 JSON merge patch: how the Tauri tools apply a platform file. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch
  const out: Json = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Json) } : {}
  for (const [k, v] of Object.entries(patch as Json)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

function validator() {
  // unicodeRegExp off: the schema's productName pattern escapes `:` (`\:`), which the
  // `u` flag refuses; JSON Schema patterns are plain ECMA-262 regular expressions.
  const ajv = new Ajv({ allErrors: true, strict: true, unicodeRegExp: false })
  // The schema is generated from Rust types (schemars): its integer and float formats.
  const inRange = (lo: number, hi: number) => (n: number) => Number.isInteger(n) && n >= lo && n <= hi
  ajv.addFormat('uint8', { type: 'number', validate: inRange(0, 255) })
  ajv.addFormat('uint32', { type: 'number', validate: inRange(0, 2 ** 32 - 1) })
  ajv.addFormat('int32', { type: 'number', validate: inRange(-(2 ** 31), 2 ** 31 - 1) })
  ajv.addFormat('int64', { type: 'number', validate: Number.isSafeInteger })
  ajv.addFormat('double', { type: 'number', validate: Number.isFinite })
  ajv.addFormat('uri', (s: string) => URL.canParse(s))
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  return ajv.compile(schema)
}

const bundle = (c: Json) => c.bundle as Json

describe('tauri.conf.json', () => {
  const validate = validator()

  it('is valid against the Tauri config schema, alone and with the Linux file merged', () => {
    expect(schema.$schema).toContain('json-schema.org/draft-07')
    for (const c of [conf, mergePatch(conf, linux)]) {
      validate(c)
      expect(validate.errors ?? []).toEqual([])
    }
  })

  it('the schema check fails on a wrong setting (the test can catch a mistake)', () => {
    const bad = mergePatch(conf, { bundle: { windows: { nsis: { installMode: 'everyone' } } } })
    expect(validate(bad)).toBe(false)
  })

  it('has the Windows installer in Chinese, per machine, with a start-menu folder and WebView2 offline', () => {
    const win = bundle(conf).windows as Json
    const nsis = win.nsis as Json
    expect(nsis.languages).toEqual(['SimpChinese'])
    expect(nsis.installMode).toBe('perMachine')
    expect(nsis.startMenuFolder).toBe('党代表工作室')
    expect((win.webviewInstallMode as Json).type).toBe('offlineInstaller')
    expect(bundle(conf).targets).toContain('nsis')
    expect(bundle(conf).icon).toContain('../icons/icon.ico')
    // Windows keeps the Chinese product name (installer, folder, shortcut).
    expect(conf.productName).toBe('党代表工作室')
  })

  it('names the Debian package in ASCII and the desktop entry 党代表工作室, with a CJK font dependency', () => {
    const merged = mergePatch(conf, linux) as Json
    // dpkg's rule for package names (the bundler kebab-cases productName).
    expect(merged.productName).toMatch(/^[a-z0-9][a-z0-9.+-]+$/)
    expect(merged.productName).toBe('delegate-studio')
    const deb = (bundle(merged).linux as Json).deb as Json
    const template = readFileSync(resolve(CONF_DIR, deb.desktopTemplate as string), 'utf8')
    expect(template).toMatch(/^Name=党代表工作室$/m)
    expect(template).toMatch(/^Exec=\{\{exec\}\}$/m)
    expect(template).toMatch(/^Icon=\{\{icon\}\}$/m)
    // The window's WM_CLASS is the binary's name: docks group the window under this entry.
    expect(template).toMatch(/^StartupWMClass=\{\{exec\}\}$/m)
    const depends = (deb.depends as string[]).join(', ')
    expect(depends).toContain('fonts-noto-cjk')
    expect(depends).toMatch(/fonts-noto-cjk \| fonts-wqy-/)
    for (const src of Object.values(deb.files as Record<string, string>)) {
      expect(existsSync(resolve(CONF_DIR, src)), src).toBe(true)
    }
  })

  it('names a category the bundler knows (the schema takes any string; "Office" failed the bundle)', () => {
    // tauri-bundler's AppCategory (bundle/category.rs), games left out.
    const known = 'Business DeveloperTool Education Entertainment Finance GraphicsAndDesign HealthcareAndFitness Lifestyle Medical Music News Photography Productivity Reference SocialNetworking Sports Travel Utility Video Weather'
    expect(known.split(' ')).toContain(bundle(conf).category)
  })

  it('lists the icon in every size the desktop asks for, and every listed file exists', () => {
    const icons = bundle(conf).icon as string[]
    for (const icon of icons) expect(existsSync(resolve(CONF_DIR, icon)), icon).toBe(true)
    const sizes = icons
      .filter((p) => p.endsWith('.png'))
      .map((p) => {
        const png = readFileSync(resolve(CONF_DIR, p))
        return png.readUInt32BE(16) // IHDR width
      })
    for (const want of [16, 24, 32, 48, 64, 128, 256, 512]) expect(sizes).toContain(want)
  })
})
