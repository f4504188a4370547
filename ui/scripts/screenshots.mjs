// Screenshots of the UI against the dev mock backend, for review at the app's 1280×800 window.
// The mock serves what the core answered (dev/fixtures) and refuses every write (「演示模式：未保存」):
// a save shows the form's own checks, or that refusal.
// Usage: start `npm run dev:mock`, then `node scripts/screenshots.mjs [outDir]`.
import { chromium } from 'playwright-core'

const BASE = process.env.UI_URL ?? 'http://localhost:5173/'
const OUT = process.argv[2] ?? '/tmp/ui-review'

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})

const problems = []
async function open(path) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${path}: ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`${path}: pageerror: ${e.message}`))
  await page.goto(BASE + path)
  return page
}
const shot = (page, name) => page.screenshot({ path: `${OUT}/${name}.png` })
const settle = (page, ms = 400) => page.waitForTimeout(ms)

// First start
{
  const page = await open('')
  await page.waitForSelector('[data-test=setup-demo]')
  await settle(page)
  await shot(page, '01-first-start')
  await page.click('[data-test=setup-demo]')
  await settle(page, 300)
  await shot(page, '01b-first-start-loading')
  await page.waitForSelector('[data-test=roster-name]')
  await settle(page)
  await shot(page, '01c-after-demo')
  await page.close()
}

// Roster, form, profile
{
  const page = await open('?mock=demo#/roster')
  await page.waitForSelector('[data-test=roster-name]')
  await settle(page, 800)
  await shot(page, '02-roster')

  // Drive a select the way the end-to-end test will: click it, then the option by its text.
  await page.click('[data-test=roster-filter-delegation]')
  await page.locator('.roster-delegation-popper .el-select-dropdown__item', { hasText: '理工代表团' }).click()
  await page.waitForTimeout(600)
  await shot(page, '02b-roster-filtered')
  await page.click('[data-test=roster-filter-delegation]')
  await page.locator('.roster-delegation-popper .el-select-dropdown__item', { hasText: '全部' }).click()
  await page.waitForTimeout(600)

  await page.click('[data-test=roster-add]')
  await page.waitForSelector('[data-test=df-name] input')
  await settle(page)
  await shot(page, '03a-form-empty')
  await page.click('[data-test=df-gender-female]')
  await page.fill('[data-test=df-name] input', '张建华')
  await page.fill('[data-test=df-mobile] input', '1381234')
  await page.fill('[data-test=df-office-phone] input', '8785123')
  await page.fill('[data-test=df-email] input', 'zhang@')
  await page.click('[data-test=df-save]')
  await page.waitForSelector('.el-form-item__error, .el-message')
  await settle(page)
  await shot(page, '03b-form-errors')
  await page.keyboard.press('Escape')
  await settle(page)
  await shot(page, '03c-form-close-confirm')
  await page.click('.el-message-box__btns .el-button--primary')
  await settle(page)

  await page.click('[data-test=roster-delegations]')
  await page.waitForSelector('[data-test=delegation-add]')
  await settle(page, 600)
  await shot(page, '04-delegations')
  await page.click('[data-test=delegation-add]')
  await page.waitForSelector('[data-test=delegation-name] input')
  await settle(page)
  await page.click('[data-test=delegation-save]')
  await settle(page)
  await shot(page, '04b-delegation-form-error')
  await page.keyboard.press('Escape')
  await settle(page)
  await page.keyboard.press('Escape')
  await settle(page)

  await page.fill('[data-test=roster-search] input', 'zzzz')
  await settle(page, 700)
  await shot(page, '05-roster-nomatch')
  await page.fill('[data-test=roster-search] input', '')
  await settle(page, 700)

  await page.locator('[data-test=roster-name]').first().click()
  await page.waitForSelector('[data-test=profile-name]')
  await settle(page, 800)
  await shot(page, '06-profile')
  await page.click('[data-test=profile-mark-left]')
  await settle(page)
  await shot(page, '06b-mark-left')
  await page.close()
}

// Empty roster (blank start)
{
  const page = await open('?mock=blank#/roster')
  await page.waitForSelector('[data-test=roster-empty]')
  await settle(page)
  await shot(page, '07-roster-empty')
  await page.close()
}

// Settings, dashboard, an area not open yet
{
  const page = await open('?mock=demo#/settings')
  await page.waitForSelector('[data-test=settings-operator] input')
  await settle(page)
  await page.fill('[data-test=settings-operator] input', '')
  await page.click('[data-test=settings-save]')
  await settle(page)
  await shot(page, '08-settings-error')
  await page.fill('[data-test=settings-operator] input', '李红')
  await page.click('[data-test=settings-save]')
  await settle(page)
  await shot(page, '08b-settings-saved')

  await page.click('[data-test=nav-dashboard]')
  await page.waitForSelector('[data-test=recent-changes]')
  await settle(page, 800)
  await shot(page, '09-dashboard')

  await page.click('[data-test=nav-schedule]')
  await page.waitForSelector('[data-test=coming-soon]')
  await settle(page)
  await shot(page, '10-coming-soon')
  await page.close()
}

await browser.close()
if (problems.length) {
  console.log('Console problems:')
  for (const p of problems) console.log('  ' + p)
} else {
  console.log('No console errors or warnings.')
}
