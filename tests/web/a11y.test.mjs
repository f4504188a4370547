// axe-core on every public page and the portal's login: no serious or critical violations.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, newPage, go, seriousViolations } from './lib.mjs'

const PAGES = ['/', '/intro', '/news', '/schedule', '/delegates', '/answers', '/answers?q=%E7%83%AD%E6%B0%B4',
  '/rules', '/message', '/appointment', '/progress', '/staff/login', '/no-such-page']

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

for (const path of PAGES) {
  test(`axe: ${path}`, async () => {
    const page = await newPage(browser)
    await go(page, path)
    assert.deepEqual(await seriousViolations(page), [])
    await page.context().close()
  })
}

test('axe: the first news post and the first delegate page', async () => {
  const page = await newPage(browser)
  for (const [list, prefix] of [['/news', '/news/'], ['/delegates', '/delegates/']]) {
    await go(page, list)
    const href = await page.$eval(`main a[href^="${prefix}"]`, a => a.getAttribute('href')).catch(() => null)
    if (!href) continue
    await go(page, href)
    assert.deepEqual(await seriousViolations(page), [], href)
  }
  await page.context().close()
})

test('axe itself: a page with an unlabelled field and an image without text fails', async () => {
  const page = await newPage(browser)
  await page.setContent('<html lang="zh-CN"><title>t</title><main><img src="x.png"><input type="text"></main></html>')
  const found = await seriousViolations(page)
  assert.ok(found.some(v => v.startsWith('image-alt')), found.join('\n'))
  assert.ok(found.some(v => v.startsWith('label')), found.join('\n'))
  await page.context().close()
})
