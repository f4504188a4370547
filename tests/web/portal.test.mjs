// The online studio end to end in Chromium: a visitor sends a message and later reads the answer
// with the code; staff route it; a delegate logs in and answers; staff publish it on 代表回复;
// no public page shows the writer's phone or name, or a delegate's unpublished number.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, newPage, go, login, whoAmI, freshPhone, SECRETS } from './lib.mjs'

const WRITER = '测试访客甲'
const PHONE = freshPhone()
const TEXT = `浏览器测试留言${PHONE.slice(-4)}：东区操场夜间照明不足，希望增设路灯。`
const ANSWER = '已协调后勤处在东区操场增设六盏路灯，本月底前完工。'

const PUBLIC_PAGES = ['/', '/intro', '/news', '/schedule', '/delegates', '/answers', '/rules',
  '/message', '/appointment', '/progress']

let browser
const state = {}

before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

test('a visitor sends a message and gets a query code', async () => {
  const page = await newPage(browser)
  await go(page, '/message')
  await page.fill('#f-name', WRITER)
  await page.fill('#f-phone', PHONE)
  await page.selectOption('#f-category', 'public_opinion')
  await page.fill('#f-text', TEXT)
  await page.check('#f-consent')
  await page.check('#f-publish_ok')
  await Promise.all([page.waitForNavigation(), page.click('form[action="/message"] button[type=submit]')])
  assert.match(await page.textContent('.notice'), /已收到您的留言/)
  state.code = (await page.textContent('.code')).trim()
  assert.match(state.code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
  await page.context().close()
})

test('a delegate logs in; staff route the message to them', async () => {
  const delegate = await newPage(browser)
  await login(delegate, 'delegate')
  assert.match(delegate.url(), /\/staff\/mine$/)
  state.delegateName = await whoAmI(delegate)
  await delegate.context().close()

  const staff = await newPage(browser)
  await login(staff, 'liaison')
  assert.match(staff.url(), /\/staff\/messages$/)
  await Promise.all([staff.waitForNavigation(), staff.click(`table[data-test=messages] a:has-text("浏览器测试留言${PHONE.slice(-4)}")`)])
  state.itemPath = new URL(staff.url()).pathname
  const option = staff.locator('#f-delegate option', { hasText: state.delegateName }).first()
  await staff.selectOption('#f-delegate', await option.getAttribute('value'))
  await Promise.all([staff.waitForNavigation(), staff.click('[data-test=route-submit]')])
  assert.match(await staff.textContent('[data-test=done]'), /已分派/)
  assert.equal((await staff.textContent('[data-test=delegates]')).trim(), state.delegateName)
  await staff.context().close()
})

test('the delegate answers online and the code shows the answer', async () => {
  const delegate = await newPage(browser)
  await login(delegate, 'delegate')
  await Promise.all([delegate.waitForNavigation(), delegate.click(`a:has-text("浏览器测试留言${PHONE.slice(-4)}")`)])
  await delegate.fill('#f-answer', ANSWER)
  await Promise.all([delegate.waitForNavigation(), delegate.click('[data-test=answer-submit]')])
  assert.match(await delegate.textContent('[data-test=status]'), /已答复/)
  await delegate.context().close()

  const visitor = await newPage(browser)
  await go(visitor, '/progress')
  await visitor.fill('#f-code', state.code)
  await visitor.fill('#f-last4', PHONE.slice(-4))
  await Promise.all([visitor.waitForNavigation(), visitor.click('form[action="/progress"] button[type=submit]')])
  assert.equal((await visitor.textContent('.answer')).trim(), ANSWER)
  await visitor.context().close()
})

test('staff publish it on 代表回复 without the writer', async () => {
  const staff = await newPage(browser)
  await login(staff, 'liaison')
  await go(staff, '/staff/answers')
  await Promise.all([staff.waitForNavigation(), staff.click(`table[data-test=publications] a:has-text("浏览器测试留言${PHONE.slice(-4)}")`)])
  await staff.fill('#f-question', '东区操场夜间照明不足，希望增设路灯。')
  await Promise.all([staff.waitForNavigation(), staff.click('[data-test=publish]')])
  assert.match(await staff.textContent('[data-test=state]'), /已发布/)
  await staff.context().close()

  const visitor = await newPage(browser)
  await go(visitor, '/answers?q=' + encodeURIComponent('东区操场'))
  const body = await visitor.textContent('main')
  assert.match(body, /东区操场夜间照明不足/)
  assert.match(body, new RegExp(ANSWER))
  assert.ok(body.includes(state.delegateName))
  assert.ok(!body.includes(WRITER) && !body.includes(PHONE))
  await visitor.context().close()
})

test('no public page shows a writer, a writer\'s phone or an unpublished field', async () => {
  const page = await newPage(browser)
  const secrets = [WRITER, PHONE, ...SECRETS].filter(s => s && s.length >= 3)
  // The demo's writers' phones and the unpublished mobiles: the check is not empty.
  assert.ok(SECRETS.length >= 3, `secrets from run.sh: ${SECRETS.length}`)
  for (const path of PUBLIC_PAGES) {
    const res = await go(page, path)
    assert.equal(res.status(), 200, path)
    const html = await page.content()
    for (const s of secrets) assert.ok(!html.includes(s), `${path} shows ${s}`)
  }
  // A delegate's own page of 代表风采, each one linked.
  await go(page, '/delegates')
  const links = await page.$$eval('main a[href^="/delegates/"]', as => as.map(a => a.getAttribute('href')))
  for (const path of [...new Set(links)].slice(0, 10)) {
    await go(page, path)
    const html = await page.content()
    for (const s of secrets) assert.ok(!html.includes(s), `${path} shows ${s}`)
  }
  await page.context().close()
})
