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

// First start: the administrator's account, then the choice of data
{
  const page = await open('')
  await page.waitForSelector('[data-test=setup-admin]')
  await settle(page)
  await page.click('[data-test=setup-submit]')
  await settle(page)
  await shot(page, '00-setup-admin-errors')
  await page.fill('[data-test=setup-login] input', 'admin')
  await page.fill('[data-test=setup-name] input', '组织部 王老师')
  await page.fill('[data-test=setup-password] input', 'Studio2026')
  await page.fill('[data-test=setup-confirm] input', 'Studio2026')
  await shot(page, '00b-setup-admin')
  await page.click('[data-test=setup-submit]')
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
  const page = await open('?mock=demo&as=admin#/roster')
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
  const page = await open('?mock=blank&as=admin#/roster')
  await page.waitForSelector('[data-test=roster-empty]')
  await settle(page)
  await shot(page, '07-roster-empty')
  await page.close()
}

// Settings, dashboard, an area not open yet
{
  const page = await open('?mock=demo&as=admin#/settings')
  await page.waitForSelector('[data-test=settings-studio] input')
  await settle(page)
  await page.fill('[data-test=settings-studio] input', '')
  await page.click('[data-test=settings-save]')
  await settle(page)
  await shot(page, '08-settings-error')
  await page.fill('[data-test=settings-studio] input', '潍坊学院党代表工作室')
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

// Login, the lock screen, 账号管理, 审计, and what an auditor sees
{
  const page = await open('?mock=demo#/roster')
  await page.waitForSelector('[data-test=login]')
  await page.fill('[data-test=login-name] input', 'admin')
  await page.fill('[data-test=login-password] input', 'wrong')
  await page.press('[data-test=login-password] input', 'Enter')
  await page.waitForSelector('[data-test=login-error]')
  await settle(page)
  await shot(page, '11-login-error')
  await page.fill('[data-test=login-password] input', 'Demo2026')
  await page.press('[data-test=login-password] input', 'Enter')
  await page.waitForSelector('[data-test=roster-name]')
  await page.click('[data-test=header-user] button')
  await settle(page)
  await shot(page, '12-header-menu')
  await page.click('[data-test=header-lock]')
  await page.waitForSelector('[data-test=lock-screen]')
  await settle(page)
  await shot(page, '13-locked')
  await page.fill('[data-test=lock-password]', 'Demo2026')
  await page.click('[data-test=lock-unlock]')
  await settle(page)

  await page.click('[data-test=nav-accounts]')
  await page.waitForSelector('[data-test=account-login-cell]')
  await settle(page)
  await shot(page, '14-accounts')
  await page.click('[data-test=accounts-add]')
  await settle(page)
  await page.click('[data-test=account-save]')
  await settle(page)
  await shot(page, '14b-account-form')
  await page.keyboard.press('Escape')
  await settle(page)

  await page.click('[data-test=nav-audit]')
  await page.waitForSelector('[data-test=audit-actor]')
  await settle(page)
  await shot(page, '15-audit')
  await page.close()
}
{
  const page = await open('?mock=demo&as=auditor#/roster')
  await page.waitForSelector('[data-test=audit-actor]')
  await settle(page)
  await shot(page, '16-auditor')
  await page.close()
}

await browser.close()
if (problems.length) {
  console.log('Console problems:')
  for (const p of problems) console.log('  ' + p)
} else {
  console.log('No console errors or warnings.')
}
