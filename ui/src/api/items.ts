import { call } from './core'
import type { JobRun } from './jobs'
import type {
  ExportFormat,
  ExportOutcome,
  ExportPurpose,
  Item,
  ItemAction,
  ItemCategory,
  ItemCounts,
  ItemDeadlines,
  ItemDetail,
  ItemInput,
  ItemListItem,
  ItemQuery,
  Page,
  SimilarItem,
} from './types'

// ---- 意见台账 (the item ledger) ----

/** One page of the ledger; the person's phone comes masked. */
export const itemsList = (query: ItemQuery) => call<Page<ItemListItem>>('items_list', { query })

/** 督办 and 工作台 figures as of today. */
export const itemCounts = () => call<ItemCounts>('item_counts')

/** The full item (personal data unmasked), its timeline oldest first and the linked card's status. */
export const itemGet = (id: string) => call<ItemDetail>('item_get', { id })

/** The item a record card created or is linked to, if any. */
export const itemForCard = (cardId: string) => call<ItemListItem | null>('item_for_card', { cardId })

export const itemCreate = (input: ItemInput) => call<Item>('item_create', { input })

// Each change names the `version` of the item the page read: a stale one answers `conflict`.

/** Edit an open item (closed and declined items answer `state`). */
export const itemUpdate = (id: string, version: number, input: ItemInput) =>
  call<Item>('item_update', { id, version, input })

/** 登记到意见台账: a new item from a card's opinion (source 记录卡, the card's person). */
export const itemCreateFromCard = (cardId: string, category: ItemCategory, title: string) =>
  call<Item>('item_create_from_card', { cardId, category, title })

export const itemLinkCard = (itemId: string, version: number, cardId: string) =>
  call<Item>('item_link_card', { itemId, version, cardId })

/** One step of the status flow (交办, 答复, 回访, 延期, 催办 …), recorded on the timeline. */
export const itemAct = (id: string, version: number, action: ItemAction) =>
  call<Item>('item_act', { id, version, action })

/**
 * 分派: give an item without delegates (待分派, from the kiosk or the online studio) its handling
 * delegates. Field messages on `delegate_ids`.
 */
export const itemRoute = (id: string, version: number, delegateIds: string[]) =>
  call<Item>('item_route', { id, version, delegateIds })

/** Earlier items like `text` (the form's title and content), most similar first. */
export const itemsSimilar = (text: string, excludeId: string | null = null, limit: number | null = null) =>
  call<SimilarItem[]>('items_similar', { text, excludeId, limit })

/** 限时办结 per category (设置 → 办理时限). */
export const itemDeadlines = () => call<ItemDeadlines>('item_deadlines')

/** Saves what was edited from `input.version`; a stale version answers `conflict`. */
export const itemDeadlinesSave = (input: ItemDeadlines) => call<ItemDeadlines>('item_deadlines_save', { input })

/**
 * Items received in [from, to] (null: all), full texts included, to a file the backend asks for in the
 * save dialog (`suggestedName`: a plain file name). `purpose`: why (recorded in the audit log) and
 * whether phones and contacts are masked; a full export without a reason is refused (`validation` on
 * `reason`) before the dialog. A long job (`run`, see jobs.ts); null when the user closed the dialog.
 */
export const itemsExport = (
  format: ExportFormat,
  from: string | null,
  to: string | null,
  purpose: ExportPurpose,
  suggestedName: string,
  run: JobRun,
) =>
  call<ExportOutcome | null>('items_export', {
    format,
    from,
    to,
    purpose,
    suggestedName,
    jobId: run.jobId,
    onProgress: run.onProgress,
  })
