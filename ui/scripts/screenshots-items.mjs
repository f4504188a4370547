// Screenshots of 意见台账 (list, 督办 tab, the form with similar items, the detail with its timeline
// and an action dialog), 工作台's item figures and 设置 → 办理时限 against the dev mock backend (the core's
// answers over the demo data; writes answer 「演示模式：未保存」).
// Usage: start `npm run dev:mock`, then `node scripts/screenshots-items.mjs [outDir]`.
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

const BASE = process.env.UI_URL ?? 'http://localhost:5173/'
const OUT = process.argv[2] ?? '/tmp/ui-review/items'
mkdirSync(OUT, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
})
const problems = []
let page
async function newPage() {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
}
await newPage()
const shot = (name, opts = {}) => page.screenshot({ path: `${OUT}/${name}.png`, ...opts })
const settle = (ms = 500) => page.waitForTimeout(ms)

await page.goto(BASE + '?mock=demo&as=admin#/items')
await page.waitForSelector('[data-test=items-row]')
await settle(800)
await shot('01-list')

await page.click('[data-test=items-view-overdue]')
await settle(700)
await shot('02-list-overdue')

await page.click('[data-test=items-view-all]')
await page.fill('[data-test=items-search] input', '人行道')
await settle(900)
await shot('03-list-search')
await page.fill('[data-test=items-search] input', '')
await settle(700)

// A detail with a long timeline: the first overdue item
await page.click('[data-test=items-view-overdue]')
await settle(700)
await page.locator('[data-test=items-row]').first().click()
await page.waitForSelector('[data-test=item-timeline]')
await settle(600)
await shot('04-detail-overdue', { fullPage: true })

await page.click('[data-test=item-edit]')
await page.waitForSelector('[data-test=item-form-title] input')
await settle(1200)
await shot('04b-edit')
await page.goBack()
await page.waitForSelector('[data-test=item-timeline]')
await settle(500)
await page.click('[data-test=item-action-extend]')
await page.waitForSelector('[data-test=action-dialog-confirm]')
await settle(500)
await page.click('[data-test=action-dialog-confirm]')
await settle(400)
await shot('05-dialog-extend-empty')
await page.keyboard.press('Escape')
await settle(400)

// A closed item
await page.goto(BASE + '?mock=demo&as=admin#/items?status=closed')
await page.waitForSelector('[data-test=items-row]')
await settle(700)
await page.locator('[data-test=items-row]').first().click()
await page.waitForSelector('[data-test=item-timeline]')
await settle(600)
await shot('06-detail-closed', { fullPage: true })

// The form with similar items
await page.goto(BASE + '?mock=demo&as=admin#/items/new')
await page.waitForSelector('[data-test=item-form-title] input')
await settle(500)
await page.click('[data-test=item-save]')
await settle(400)
await shot('07-form-empty-save')
await page.fill('[data-test=item-form-title] input', '东门人行道积水')
await page.fill('[data-test=item-form-content] textarea', '东门外人行道雨天积水严重，路砖松动，希望尽快修复。')
await settle(1200)
await shot('08-form-filled')

// 工作台 and 设置 (a new page: the unsaved form above would ask before leaving)
await page.close()
await newPage()
await page.goto(BASE + '?mock=demo&as=admin#/dashboard')
await settle(1200)
await shot('09-dashboard', { fullPage: true })
await page.goto(BASE + '?mock=demo&as=admin#/settings?tab=deadlines')
await settle(1000)
await shot('10-settings-deadlines')

// A record card without an item: 登记到意见台账
await page.goto(BASE + '?mock=demo&as=admin#/cards')
await page.waitForSelector('[data-test=card-open]')
await settle(600)
for (let i = 0; i < 8; i++) {
  await page.locator('[data-test=card-open]').nth(i).click()
  await page.waitForSelector('[data-test=cf-status]')
  await settle(600)
  if (await page.locator('[data-test=card-to-item]').count()) break
  await page.goBack()
  await settle(500)
}
await shot('11-card-to-item')
if (await page.locator('[data-test=card-to-item]').count()) {
  await page.click('[data-test=card-to-item]')
  await settle(500)
  await shot('12-card-to-item-dialog')
  await page.click('[data-test=card-to-item-category]')
  await page.locator('.card-to-item-category-popper .el-select-dropdown__item:visible', { hasText: '贯彻落实反映' }).click()
  await page.click('[data-test=card-to-item-ok]')
  await page.waitForSelector('.el-message')
  await settle(400)
  await shot('13-card-to-item-not-saved')
}

// An item fed back to the person: the card's filing deadline, and 回访
await page.goto(BASE + '?mock=demo&as=admin#/items?status=fed_back')
await page.waitForSelector('[data-test=items-row]')
await settle(700)
await page.locator('[data-test=items-row]').first().click()
await page.waitForSelector('[data-test=item-timeline]')
await settle(600)
await shot('14-item-fed-back', { fullPage: true })
await page.click('[data-test=item-action-follow_up]')
await settle(500)
await page.click('[data-test=action-satisfaction-dissatisfied]')
await settle(300)
await shot('15-follow-up-dialog')
await page.keyboard.press('Escape')

await browser.close()
console.log(problems.length ? problems.join('\n') : 'no console problems')
console.log(`screenshots in ${OUT}`)
