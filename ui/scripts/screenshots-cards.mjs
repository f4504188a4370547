// Screenshots of 记录卡, the print preview, 工作台's card figures and 设置 → 工作日历 against the dev
// mock backend, at the app's 1280×800 window. It drives the pages the way the end-to-end test will
// (data-test hooks, typed dates, selects by their visible option).
// Usage: start `npm run dev:mock`, then `node scripts/screenshots-cards.mjs [outDir]`.
import { readFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

const BASE = process.env.UI_URL ?? 'http://localhost:5173/'
const OUT = process.argv[2] ?? '/tmp/ui-review/cards'
// What the mock serves: the core's answers over the demo data, on the fixtures' day.
const fixture = (name) => JSON.parse(readFileSync(new URL(`../dev/fixtures/${name}.json`, import.meta.url), 'utf8'))
const TODAY = fixture('app').today
const cards = fixture('cards')
const override = fixture('calendar').overrides.all[0]

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
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
const shot = (page, name, opts = {}) => page.screenshot({ path: `${OUT}/${name}.png`, ...opts })
const settle = (page, ms = 400) => page.waitForTimeout(ms)

/** Type a date into an Element Plus date picker and confirm with Enter (what WebDriver does). */
async function typeDate(page, test, value) {
  const input = page.locator(`[data-test=${test}] input`).first()
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  await page.keyboard.press('Escape')
}

// The list, filters, blank cards, print preview
{
  const page = await open('?mock=demo&as=admin#/cards')
  await page.waitForSelector('[data-test=card-open]')
  await settle(page, 800)
  await shot(page, '01-card-list')

  await page.click('[data-test=cards-filter-deadline]')
  await page.locator('.cards-deadline-popper .el-select-dropdown__item:visible', { hasText: '已逾期' }).click()
  await settle(page, 600)
  await shot(page, '01b-card-list-overdue')

  await page.fill('[data-test=cards-search] input', '不存在的内容')
  await settle(page, 900)
  await shot(page, '01c-card-list-nomatch')
  await page.click('[data-test=cards-clear]')
  await settle(page, 700)

  // A period typed into the range picker
  const start = page.locator('[data-test=cards-period] input').nth(0)
  await start.click()
  await start.fill(`${TODAY.slice(0, 8)}01`)
  const end = page.locator('[data-test=cards-period] input').nth(1)
  await end.fill(`${TODAY.slice(0, 8)}30`)
  await end.press('Enter')
  await page.keyboard.press('Escape')
  await settle(page, 800)
  await shot(page, '01d-card-list-period')

  // Select two rows, then the print menu and the export dialog
  await page.locator('[data-test=cards-table] tbody .el-checkbox').nth(0).click()
  await page.locator('[data-test=cards-table] tbody .el-checkbox').nth(1).click()
  await page.click('[data-test=cards-print]')
  await settle(page)
  await shot(page, '01e-card-list-print-menu')
  await page.keyboard.press('Escape')
  await page.click('[data-test=cards-export]')
  await page.waitForSelector('[data-test=cards-export-ok]')
  await settle(page)
  await shot(page, '01f-export-dialog')
  await page.click('[data-test=cards-export-ok]')
  // 导出个人信息: why, or a masked file.
  await page.waitForSelector('[data-test=export-ok]')
  await settle(page)
  await page.click('[data-test=export-ok]')
  await settle(page)
  await shot(page, '01f2-export-purpose')
  await page.fill('[data-test=export-reason] textarea', '季度汇总上报组织部')
  await page.click('[data-test=export-ok]')
  await settle(page, 600)
  await shot(page, '01g-exported')
  // The mock writes nothing: the dialog stays open with the refusal.
  if (await page.locator('[data-test=cards-export-ok]').isVisible()) await page.keyboard.press('Escape')
  await settle(page, 500)

  await page.click('[data-test=cards-blank]')
  await page.waitForSelector('[data-test=blank-copies] input')
  await page.fill('[data-test=blank-copies] input', '10')
  await settle(page)
  await shot(page, '02a-blank-copies')
  await page.click('[data-test=blank-ok]')
  await page.waitForSelector('[data-test=print-pages] canvas[data-rendered]', { timeout: 15000 })
  await settle(page, 600)
  await shot(page, '02b-print-preview-blank')
  await page.click('[data-test=print-save]')
  await settle(page, 600)
  await shot(page, '02c-print-saved')
  await page.keyboard.press('Escape')
  await settle(page, 500)

  // One filled card from its row
  await page.locator('[data-test=card-print]').first().click()
  await page.waitForSelector('[data-test=print-pages] canvas[data-rendered]', { timeout: 15000 })
  await settle(page, 800)
  await shot(page, '03-print-preview')
  await page.keyboard.press('Escape')
  await page.close()
}

// A new card: empty, then with the form's own checks, then filled (the mock saves nothing)
{
  const page = await open('?mock=demo&as=admin#/cards/new')
  await page.waitForSelector('[data-test=cf-person-name] input')
  await settle(page, 600)
  await shot(page, '04a-new-card-empty')

  await page.fill('[data-test=cf-person-name] input', '李晓梅')
  await page.fill('[data-test=cf-person-age] input', '150')
  await page.fill('[data-test=cf-person-phone] input', '1385')
  await page.fill('[data-test=cf-person-address] input', 'li@xx')
  await page.click('[data-test=cf-channel-other]')
  await page.click('[data-test=cf-save]')
  await page.waitForSelector('.card-field__error, .el-message')
  await settle(page, 600)
  await page.evaluate(() => document.querySelector('.card-page')?.scrollTo(0, 0))
  await settle(page, 300)
  await shot(page, '05a-new-card-errors')

  // Fill it properly
  await typeDate(page, 'cf-contact-date', `${TODAY.slice(0, 8)}20`)
  await page.click('[data-test=cf-delegate]')
  await page.keyboard.type('王')
  await settle(page, 700)
  await page.locator('.cf-delegate-popper .el-select-dropdown__item:visible').first().click()
  await settle(page, 500)
  await page.fill('[data-test=cf-person-age] input', '34')
  await page.click('[data-test=cf-gender-female]')
  await page.click('[data-test=cf-political]')
  await page.locator('.cf-political-popper .el-select-dropdown__item:visible', { hasText: '中共党员' }).first().click()
  await page.fill('[data-test=cf-person-unit] input', '后勤保障处 科员')
  await page.fill('[data-test=cf-person-phone] input', '13857101234')
  await page.fill('[data-test=cf-person-address] input', 'lixiaomei@example.edu.cn')
  await page.click('[data-test=cf-channel-studio]')
  await page.fill('[data-test=cf-opinion] textarea', '学校东门外（靠近3号教学楼）的人行道破损严重，雨天积水，师生上下课通行不便，存在安全隐患。希望学校与属地街道协调，尽快修复路面并完善排水设施。')
  await page.fill('[data-test=cf-handling] textarea', '已将情况转交后勤保障处，并与属地街道沟通。后勤保障处答复：人行道修复纳入暑期维修计划。已电话反馈本人，本人表示满意。')
  await typeDate(page, 'cf-feedback-on', `${TODAY.slice(0, 8)}26`)
  await settle(page, 400)
  await page.evaluate(() => document.querySelector('.card-page')?.scrollTo(0, 0))
  await shot(page, '06-new-card-filled')
  await page.keyboard.press('Control+s')
  await page.waitForSelector('.el-message')
  await settle(page, 400)
  await shot(page, '07-demo-not-saved')
  await page.close()
}

// A submitted card with amendments (from the fixtures), and correcting it
{
  const amended = Object.keys(cards.amendments)[0]
  const page = await open(`?mock=demo&as=admin#/cards/${amended}`)
  await page.waitForSelector('[data-test=cf-amendments]')
  await settle(page, 800)
  await shot(page, '08a-submitted-card')
  await page.evaluate(() => document.querySelector('[data-test=cf-amendments]')?.scrollIntoView())
  await settle(page, 300)
  await shot(page, '08c-amendments')
  await page.evaluate(() => document.querySelector('.card-page')?.scrollTo(0, 0))
  await page.click('[data-test=cf-amend]')
  await settle(page, 400)
  await page.click('[data-test=cf-save]')
  await settle(page, 700)
  await shot(page, '09-amend-errors')
  await page.close()
}

// 工作台 and the calendar
{
  const page = await open('?mock=demo&as=admin#/dashboard')
  await page.waitForSelector('[data-test=dash-cards-overdue]')
  await settle(page, 900)
  await shot(page, '10-dashboard')
  await page.click('[data-test=dash-cards-overdue]')
  await page.waitForSelector('[data-test=card-open]')
  await settle(page, 800)
  await shot(page, '10b-dashboard-to-overdue')

  await page.goto(BASE + '?mock=demo&as=admin#/settings?tab=calendar&month=2025-10')
  await page.waitForSelector('[data-test=cal-day-2025-10-11]')
  await settle(page, 800)
  await shot(page, '11-calendar-2025-10')
  await page.goto(BASE + `?mock=demo&as=admin#/settings?tab=calendar&month=${override.date.slice(0, 7)}`)
  await page.reload()
  await page.waitForSelector(`[data-test=cal-day-${override.date}]`)
  await settle(page, 800)
  await page.click(`[data-test=cal-day-${override.date}]`)
  await page.waitForSelector('[data-test=cal-restore]')
  await settle(page, 400)
  await shot(page, '12-calendar-day-dialog')
  await page.keyboard.press('Escape')
  await settle(page, 300)
  await page.click('[data-test=cal-year]')
  await page.locator('.cal-year-popper .el-select-dropdown__item:visible', { hasText: '2027' }).click()
  await settle(page, 700)
  await shot(page, '13-calendar-unofficial')
  await page.close()
}

// No cards yet
{
  const page = await open('?mock=blank&as=admin#/cards')
  await page.waitForSelector('[data-test=cards-empty]')
  await settle(page)
  await shot(page, '14-card-list-empty')
  await page.close()
}

await browser.close()
if (problems.length) {
  console.log('Console problems:')
  for (const p of problems) console.log('  ' + p)
} else {
  console.log('No console errors or warnings.')
}
