// Shared helpers of the browser tests: the server's address (STUDIO_URL, set by run.sh), Chromium
// through playwright-core, the demo's logins, axe-core.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

export const BASE = process.env.STUDIO_URL ?? 'http://127.0.0.1:8080'
/** The demo's accounts all have this password (studio-core demo::accounts). */
export const DEMO_PASSWORD = 'Demo2026'
/** Values that must never be on a public page (run.sh reads them from the database). */
export const SECRETS = process.env.STUDIO_SECRETS
  ? JSON.parse(readFileSync(process.env.STUDIO_SECRETS, 'utf8'))
  : []

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export async function launch () {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage']
  })
}

/** A fresh browser context (its own cookies) and page. */
export async function newPage (browser) {
  const context = await browser.newContext({ locale: 'zh-CN' })
  return context.newPage()
}

export async function go (page, path) {
  const res = await page.goto(BASE + path)
  return res
}

export async function login (page, user, password = DEMO_PASSWORD) {
  await go(page, '/staff/login')
  await page.fill('#f-login', user)
  await page.fill('#f-password', password)
  await Promise.all([page.waitForNavigation(), page.click('[data-test=login-submit]')])
}

/** The logged-in person's name as the portal's menu shows it. */
export async function whoAmI (page) {
  return (await page.textContent('.logout span')).trim()
}

/**
 * axe-core on the current page: the serious and critical violations. The page's CSP forbids
 * script tags, so axe is evaluated through the DevTools protocol (not subject to the page's CSP).
 */
export async function seriousViolations (page) {
  await page.evaluate(AXE_SOURCE)
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] })
  )
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
}

/** A phone number nobody else in the demo has, per run. */
export function freshPhone () {
  return '139' + String(Date.now() % 1e8).padStart(8, '0')
}
