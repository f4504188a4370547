// The fixtures captured from the real core (`dev/fixtures/*.json`, written by studio-core's
// `tests/ui_fixtures.rs` over the demo data on a fixed day), parsed and typed. The dev mock serves
// them; specs read them as real data. Regenerate: `UPDATE_FIXTURES=1 cargo test -p studio-core --test ui_fixtures`.
import type {
  About,
  AccountRow,
  Activity,
  ActivityListItem,
  ActivityRef,
  Appointment,
  AppointmentListItem,
  AppStatus,
  AuditEntry,
  Budget,
  CalendarDay,
  CalendarOverride,
  Card,
  CardAmendment,
  CardCounts,
  CardListItem,
  ChangeRecord,
  DashboardCharts,
  Delegate,
  DelegateListItem,
  DelegateSnapshot,
  Delegation,
  DelegationProfiles,
  DelegationSummary,
  ErrorPayload,
  ItemCounts,
  ItemDeadlines,
  ItemDetail,
  ItemListItem,
  KioskInfo,
  MonthPlan,
  MonthSummary,
  NewsDetail,
  NewsSummary,
  PlanDay,
  Progress,
  ProposalCounts,
  ProposalDetail,
  ProposalListItem,
  ProposalRef,
  PublicNews,
  PublicationForm,
  PublicationRow,
  ScheduleMonth,
  Settings,
  SimilarItem,
  Slot,
  Spending,
  Statement,
  Summary,
  SurveyIndicator,
  UnitsReport,
  Volunteer,
  VolunteerListItem,
  WallDocView,
} from '../src/api/types'
// As text (parsed below): the type checker need not infer types for a megabyte of JSON.
import accountsText from './fixtures/accounts.json?raw'
import appText from './fixtures/app.json?raw'
import appointmentsText from './fixtures/appointments.json?raw'
import blankText from './fixtures/blank.json?raw'
import calendarText from './fixtures/calendar.json?raw'
import cardsText from './fixtures/cards.json?raw'
import itemsText from './fixtures/items.json?raw'
import kioskText from './fixtures/kiosk.json?raw'
import reportsText from './fixtures/reports.json?raw'
import rosterText from './fixtures/roster.json?raw'
import scheduleText from './fixtures/schedule.json?raw'
import studioText from './fixtures/studio.json?raw'

export type ById<T> = Record<string, T>

/**
 * A list command: each row once, and per filter (as the UI sends it, without page and empty values) the
 * ids in order, with what else the list answered (e.g. 经费's `sum_fen`).
 */
export interface Lists<T, Extra = object> {
  rows: ById<T>
  lists: ({ query: Record<string, unknown>; ids: string[] } & Partial<Extra>)[]
}

/** A read as the core answered it for one account: its answer, or the error the window got. */
export type Answer<T> = { ok: T } | { err: ErrorPayload }

export interface AppFixture {
  /** The day the data were read: "today" for every deadline in them. */
  today: string
  /** `login`: the demo's login screen (nobody logged in); `demo`: its administrator logged in. */
  status: { first_start: AppStatus; blank: AppStatus; demo: AppStatus; login: AppStatus }
  settings: Settings
  /** Newest first. */
  recent: ChangeRecord[]
}
/** An empty studio (从空白开始). */
export interface BlankFixture {
  settings: Settings
  recent: ChangeRecord[]
  card_counts: CardCounts
  item_counts: ItemCounts
  item_deadlines: ItemDeadlines
}
export interface RosterFixture extends Lists<DelegateListItem> {
  delegations: DelegationSummary[]
  delegation: ById<Delegation>
  delegates: ById<Delegate>
  history: ById<ChangeRecord[]>
}
export interface CardsFixture extends Lists<CardListItem> {
  counts: CardCounts
  cards: ById<Card>
  history: ById<ChangeRecord[]>
  /** Only of amended cards. */
  amendments: ById<CardAmendment[]>
  /** By delegate id, for every delegate in office. */
  snapshots: ById<DelegateSnapshot>
}
export interface ItemsFixture extends Lists<ItemListItem> {
  counts: ItemCounts
  deadlines: ItemDeadlines
  details: ById<ItemDetail>
  /** By card id, for every card with an item. */
  for_card: ById<ItemListItem>
  /** Each similar item once, and the ids found for an open item's form or an unlinked card's opinion. */
  similar: { items: ById<SimilarItem>; by_item: ById<string[]>; by_card: ById<string[]> }
}
/** 账号管理 and 审计 over the demo, after a few logins (one failed), a lock and an unlock. */
export interface AccountsFixture {
  list: AccountRow[]
  /** By login: the status each demo account logs in to. */
  statuses: ById<AppStatus>
  /** The audit log, keyed by `seq`, newest first, per single filter (area, action, result, actor_id). */
  audit: Lists<AuditEntry>
}
export interface CalendarFixture {
  /** By `YYYY-MM`: the fixture year and the years either side. */
  months: ById<CalendarDay[]>
  /** By year, and `all`. */
  overrides: ById<CalendarOverride[]>
}

/** 接待安排 on the fixture day. */
export interface ScheduleFixture {
  /** The months with slots or published, newest first. */
  months: MonthSummary[]
  /** By `YYYY-MM`, four months back to three ahead of the fixture month (some empty). */
  plans: ById<MonthPlan>
  /** 今日接待, 本周接待 and the next reception day, as of the fixture day. */
  today: Slot[]
  week: PlanDay[]
  next_day: PlanDay | null
  /** 我的接待 by demo login: from the fixture day to the end of the next month. */
  my_duty: ById<Slot[]>
}
/** 约见 as the demo's administrator sees it. */
export interface AppointmentsFixture extends Lists<AppointmentListItem> {
  /** Each in full (phones unmasked). */
  appointments: ById<Appointment>
}

/** 统计汇总, 承办单位 and 工作台's charts on the fixture day, each by period `from..to`. */
export interface ReportsFixture {
  /** 本月, 本季度, 本年 (ReportsView's presets). */
  summary: ById<Summary>
  units: ById<UnitsReport>
  /** 本年, 近12个月, 上年 (工作台's presets). */
  charts: ById<DashboardCharts>
}

/** The newer screens as the demo's administrator sees them; `by_login`: what each account gets. */
export interface StudioFixture {
  activities: Lists<ActivityListItem> & { activity: ById<Activity> }
  /** By item id, only items with some. */
  activities_of_item: ById<ActivityRef[]>
  proposals: Lists<ProposalListItem> & { proposal: ById<ProposalDetail> }
  proposals_of_item: ById<ProposalRef[]>
  news: Lists<NewsSummary> & { post: ById<NewsDetail> }
  news_published: Lists<PublicNews>
  /** 代表回复公开: keyed by item id; `form` of each listed message. */
  public_answers: Lists<PublicationRow> & { form: ById<PublicationForm> }
  /** By kind, in the core's order. */
  wall: ById<WallDocView>
  volunteers: Lists<VolunteerListItem> & { volunteer: ById<Volunteer> }
  /** Spending entries keyed by year (and source); budgets and the statement by year (this and last). */
  /** `overspent`: the core's statement of the fixture year with 党费划拨's budget lowered to 1,000.00. */
  funds: Lists<Spending, { sum_fen: number }> & {
    budgets: ById<Budget[]>
    statement: ById<Statement>
    overspent: Statement
  }
  /**
   * By demo login: 工作台's figures and 关于本机 as that account gets them, and, for the lists, whether
   * the core lets that account read them (`ok` is then empty).
   */
  by_login: ById<{
    proposal_counts: Answer<ProposalCounts>
    about_get: Answer<About>
    wall_list: Answer<WallDocView[]>
    volunteers_liaisons: Answer<VolunteerListItem[]>
    activities_list: Answer<null>
    proposals_list: Answer<null>
    news_list: Answer<null>
    public_answers_list: Answer<null>
    volunteers_list: Answer<null>
    funds_budgets: Answer<null>
    /** By year. */
    survey_indicators: ById<Answer<SurveyIndicator[]>>
  }>
  /** 修改记录 by appointment id, by slot id (of the months with slots) and by month. */
  history: { appointment: ById<ChangeRecord[]>; slot: ById<ChangeRecord[]>; month: ById<ChangeRecord[]> }
}

/** The kiosk's screens as its visitor reads them on the fixture day. */
export interface KioskFixture {
  info: KioskInfo
  today: Slot[]
  next_day: PlanDay | null
  published_months: ScheduleMonth[]
  /** By published month. */
  plans: ById<Answer<MonthPlan>>
  profiles: DelegationProfiles[]
  request_days: string[]
  /**
   * 查询进度: each demo visitor's code (as the receipt prints it) and phone digits with the core's
   * answer (one message answered by staff, one waiting, one appointment request); `wrong`: the one
   * answer for a wrong code or wrong digits.
   */
  progress: { found: { code: string; digits: string; answer: Answer<Progress> }[]; wrong: Answer<Progress> }
}

export const app = JSON.parse(appText) as AppFixture
export const blank = JSON.parse(blankText) as BlankFixture
export const roster = JSON.parse(rosterText) as RosterFixture
export const cards = JSON.parse(cardsText) as CardsFixture
export const items = JSON.parse(itemsText) as ItemsFixture
export const calendar = JSON.parse(calendarText) as CalendarFixture
export const accounts = JSON.parse(accountsText) as AccountsFixture
export const schedule = JSON.parse(scheduleText) as ScheduleFixture
export const appointments = JSON.parse(appointmentsText) as AppointmentsFixture
export const reports = JSON.parse(reportsText) as ReportsFixture
export const studio = JSON.parse(studioText) as StudioFixture
export const kiosk = JSON.parse(kioskText) as KioskFixture

/** A query code as the core compares it: capitals, without spaces or dashes. */
const bareCode = (code: string) => code.toUpperCase().replace(/[\s\-－—]/g, '')

/** The captured answer of 查询进度 for a code (any case, with or without its dash) and digits. */
export function progressAnswer(code: string, digits: string): Answer<Progress> {
  const hit = kiosk.progress.found.find((f) => bareCode(f.code) === bareCode(code) && f.digits === digits.trim())
  return hit ? hit.answer : kiosk.progress.wrong
}

/** A list query as the fixtures key it: no page, no null / empty text / false. */
export function queryKey(query: object): string {
  const kept = Object.entries(query)
    .filter(([k, v]) => k !== 'page' && v !== null && v !== undefined && v !== '' && v !== false)
    .sort(([a], [b]) => a.localeCompare(b))
  return JSON.stringify(Object.fromEntries(kept))
}

/** The ids a list query answered, in order; undefined when the fixtures do not hold that filter. */
export function listIds<T>(fx: Lists<T>, query: object): string[] | undefined {
  return listEntry(fx, query)?.ids
}

/** The captured entry of a list query (its ids and what else the list answered). */
export function listEntry<T, E>(fx: Lists<T, E>, query: object): Lists<T, E>['lists'][number] | undefined {
  const key = queryKey(query)
  return fx.lists.find((l) => queryKey(l.query) === key)
}
