// The dev mock's answers for the newer screens (活动调研, 提议, 工作室动态, 代表回复公开, 上墙制度, 联络员与志愿者,
// 经费, 关于本机, 工作台's figures) and the kiosk's screens: what the real core answered over the demo
// data (`dev/fixtures/studio.json`, `kiosk.json`, written by studio-core's `tests/ui_fixtures.rs`).
// Nothing here decides anything: which account may read what is the core's answer for that account.
import type { ErrorPayload, Page, SpendingPage } from '../src/api/types'
import { kiosk, listEntry, progressAnswer, studio, type Answer, type ById, type Lists, type StudioFixture } from './fixtures'

/** What the mock's session gives this module. */
export interface Env {
  /** The demo data are loaded (otherwise: an empty studio). */
  demo: boolean
  /** The demo account logged in; outside the demo the operator is an administrator. */
  login: string | null
  page<T>(fx: Lists<T>, query: Record<string, unknown> | undefined): Page<T>
  found<T>(table: ById<T>, id: unknown, what: string): T
}

/** The answer of a command this module does not serve. */
export const NOT_HANDLED = Symbol('not handled')

type Args = Record<string, unknown>
type Reads = StudioFixture['by_login'][string]

function fail(code: string, message: string): never {
  const payload: ErrorPayload = { code, message, fields: [], stale: null }
  throw payload
}

/** The core's answer for the account, or its error thrown as the window gets it. */
function unwrap<T>(a: Answer<T> | undefined, what: string): T {
  if (!a) return fail('invalid', `演示模式：未收录${what}`)
  if ('err' in a) throw a.err
  return a.ok
}

/** The reads of the logged-in account (an empty studio's operator is an administrator). */
function reads(env: Env): Reads {
  return (env.login && studio.by_login[env.login]) || studio.by_login.admin!
}

/** Refuse a list the core refuses this account, as it does. */
function allowed(env: Env, cmd: keyof Reads): void {
  unwrap(reads(env)[cmd] as Answer<unknown>, cmd)
}

/** Only the demo has the captured rows. */
function rows<T>(env: Env, fx: Lists<T>): Lists<T> {
  return env.demo ? fx : { rows: {}, lists: fx.lists.map((l) => ({ query: l.query, ids: [] })) }
}

const NO_PREVIEW = '演示模式：不生成此预览（请在桌面程序中查看）'

export async function studioRead(cmd: string, a: Args, env: Env): Promise<unknown> {
  const q = a.query as Args | undefined
  switch (cmd) {
    case 'activities_list':
      allowed(env, 'activities_list')
      return env.page(rows(env, studio.activities), q)
    case 'activity_get':
      return env.found(studio.activities.activity, a.id, '活动')
    case 'activities_of_item':
      return (env.demo && studio.activities_of_item[String(a.itemId)]) || []
    case 'survey_indicators': {
      const byYear = reads(env).survey_indicators
      const year = String(a.year)
      if (!(year in byYear)) console.info('[mock] 没有该年份的调研指标：', year)
      return env.demo ? unwrap(byYear[year], `${year} 年的调研指标`) : []
    }

    case 'proposals_list':
      allowed(env, 'proposals_list')
      return env.page(rows(env, studio.proposals), q)
    case 'proposal_get':
      return env.found(studio.proposals.proposal, a.id, '提议')
    case 'proposal_counts':
      return unwrap(reads(env).proposal_counts, '提议统计')
    case 'proposals_of_item':
      return (env.demo && studio.proposals_of_item[String(a.itemId)]) || []

    case 'news_list':
      allowed(env, 'news_list')
      return env.page(rows(env, studio.news), q)
    case 'news_published':
      return env.page(rows(env, studio.news_published), { page: a.page })
    case 'news_get':
      return env.found(studio.news.post, a.id, '动态')
    case 'news_image':
      return null

    case 'public_answers_list':
      allowed(env, 'public_answers_list')
      return env.page(rows(env, studio.public_answers), q)
    case 'public_answer_form':
      return env.found(studio.public_answers.form, a.itemId, '留言')

    case 'wall_list':
      return unwrap(reads(env).wall_list, '上墙制度')
    case 'wall_get':
      return env.found(studio.wall, a.kind, '制度')

    case 'volunteers_list':
      allowed(env, 'volunteers_list')
      return env.page(rows(env, studio.volunteers), q)
    case 'volunteer_get':
      return env.found(studio.volunteers.volunteer, a.id, '联络员或志愿者')
    case 'volunteers_liaisons':
      return env.demo ? unwrap(reads(env).volunteers_liaisons, '值班联络员') : []

    case 'funds_budgets':
      allowed(env, 'funds_budgets')
      return (env.demo && studio.funds.budgets[String(a.year)]) || fail('invalid', `演示模式：未收录 ${String(a.year)} 年的预算`)
    case 'funds_statement':
      allowed(env, 'funds_budgets')
      return (env.demo && studio.funds.statement[String(a.year)]) || fail('invalid', `演示模式：未收录 ${String(a.year)} 年的收支表`)
    case 'funds_spendings': {
      allowed(env, 'funds_budgets')
      const sum = env.demo ? (listEntry(studio.funds, q ?? {})?.sum_fen ?? 0) : 0
      const out: SpendingPage = { page: env.page(rows(env, studio.funds), q), sum_fen: sum }
      return out
    }

    case 'schedule_slot_history':
      return env.found(studio.history.slot, a.id, '接待安排')
    case 'schedule_month_history':
      return (env.demo && studio.history.month[String(a.month)]) || []

    case 'about_get':
      return unwrap(reads(env).about_get, '关于本机')

    // The kiosk's screens, read as its visitor.
    case 'kiosk_info':
      return kiosk.info
    case 'kiosk_today':
      return env.demo ? kiosk.today : []
    case 'kiosk_next_duty_day':
      return env.demo ? kiosk.next_day : null
    case 'kiosk_published_months':
      return env.demo ? kiosk.published_months : []
    case 'kiosk_month_plan':
      return unwrap(env.demo ? kiosk.plans[String(a.month)] : undefined, `${String(a.month)} 的接访安排`)
    case 'kiosk_delegate_profiles':
      return env.demo ? kiosk.profiles : []
    case 'kiosk_delegate_photo':
      return null
    case 'kiosk_request_days':
      return kiosk.request_days
    case 'kiosk_query_progress':
      return unwrap(env.demo ? progressAnswer(String(a.code), String(a.phoneLast4)) : kiosk.progress.wrong, '查询进度')

    case 'proposal_pdf_preview':
    case 'wall_pdf_preview':
    case 'wall_preview':
    case 'markdown_preview':
      return fail('invalid', NO_PREVIEW)
    default:
      return NOT_HANDLED
  }
}
