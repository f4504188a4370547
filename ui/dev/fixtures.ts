// The fixtures captured from the real core (`dev/fixtures/*.json`, written by studio-core's
// `tests/ui_fixtures.rs` over the demo data on a fixed day), parsed and typed. The dev mock serves
// them; specs read them as real data. Regenerate: `UPDATE_FIXTURES=1 cargo test -p studio-core --test ui_fixtures`.
import type {
  AccountRow,
  Appointment,
  AppointmentListItem,
  AppStatus,
  AuditEntry,
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
  DelegationSummary,
  ItemCounts,
  ItemDeadlines,
  ItemDetail,
  ItemListItem,
  MonthPlan,
  MonthSummary,
  PlanDay,
  Settings,
  SimilarItem,
  Slot,
  Summary,
  UnitsReport,
} from '../src/api/types'
// As text (parsed below): the type checker need not infer types for a megabyte of JSON.
import accountsText from './fixtures/accounts.json?raw'
import appText from './fixtures/app.json?raw'
import appointmentsText from './fixtures/appointments.json?raw'
import blankText from './fixtures/blank.json?raw'
import calendarText from './fixtures/calendar.json?raw'
import cardsText from './fixtures/cards.json?raw'
import itemsText from './fixtures/items.json?raw'
import reportsText from './fixtures/reports.json?raw'
import rosterText from './fixtures/roster.json?raw'
import scheduleText from './fixtures/schedule.json?raw'

export type ById<T> = Record<string, T>

/** A list command: each row once, and per filter (as the UI sends it, without page and empty values) the ids in order. */
export interface Lists<T> {
  rows: ById<T>
  lists: { query: Record<string, unknown>; ids: string[] }[]
}

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

/** A list query as the fixtures key it: no page, no null / empty text / false. */
export function queryKey(query: object): string {
  const kept = Object.entries(query)
    .filter(([k, v]) => k !== 'page' && v !== null && v !== undefined && v !== '' && v !== false)
    .sort(([a], [b]) => a.localeCompare(b))
  return JSON.stringify(Object.fromEntries(kept))
}

/** The ids a list query answered, in order; undefined when the fixtures do not hold that filter. */
export function listIds<T>(fx: Lists<T>, query: object): string[] | undefined {
  const key = queryKey(query)
  return fx.lists.find((l) => queryKey(l.query) === key)?.ids
}
