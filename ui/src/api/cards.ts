import { call } from './core'
import type {
  Card,
  CardAmendment,
  CardCounts,
  CardInput,
  CardListItem,
  CardQuery,
  ChangeRecord,
  DelegateSnapshot,
  Page,
} from './types'

// ---- 记录卡 (contact record cards) ----

/** One page of the card list; the person's phone comes masked. */
export const cardsList = (query: CardQuery) => call<Page<CardListItem>>('cards_list', { query })

/** 工作台's figures: drafts, due soon, overdue, filed late this year, filed this month. */
export const cardCounts = () => call<CardCounts>('card_counts')

/** The full card, personal data unmasked. */
export const cardGet = (id: string) => call<Card>('card_get', { id })

/** What a card copies from the roster for this delegate: name, delegation, unit and position, phone. */
export const cardDelegateSnapshot = (delegateId: string) =>
  call<DelegateSnapshot>('card_delegate_snapshot', { delegateId })

/** A new draft. */
export const cardCreate = (input: CardInput) => call<Card>('card_create', { input })

// Each change names the `version` of the card the page read: a stale one answers `conflict`.

/** Save a draft; a submitted card answers `state` (use `cardAmend`). */
export const cardUpdate = (id: string, version: number, input: CardInput) =>
  call<Card>('card_update', { id, version, input })

/** 提交到工作室 on `filedOn` (YYYY-MM-DD); null means today. Needs the feedback date and the handling. */
export const cardSubmit = (id: string, version: number, filedOn: string | null) =>
  call<Card>('card_submit', { id, version, filedOn })

/** 更正 a submitted card; the reason is required and the original values are kept. */
export const cardAmend = (id: string, version: number, input: CardInput, reason: string) =>
  call<Card>('card_amend', { id, version, input, reason })

/** 删除草稿 (drafts only). */
export const cardDiscard = (id: string, version: number) => call<null>('card_discard', { id, version })

/** Oldest first; the first one's `before` holds the original values. */
export const cardAmendments = (id: string) => call<CardAmendment[]>('card_amendments', { id })

/** Oldest first. */
export const cardHistory = (id: string) => call<ChangeRecord[]>('card_history', { id })
