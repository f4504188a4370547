import { call } from './core'
import type {
  Page,
  PrintOutcome,
  Proposal,
  ProposalAction,
  ProposalCounts,
  ProposalDetail,
  ProposalInput,
  ProposalListItem,
  ProposalQuery,
  ProposalRef,
} from './types'

// ---- 提议 (proposals) ----

/** One page of proposals (a head and a delegate: their delegation's). */
export const proposalsList = (query: ProposalQuery) => call<Page<ProposalListItem>>('proposals_list', { query })

/** 工作台's figures: open, referred, due soon, overdue, closed this year. */
export const proposalCounts = () => call<ProposalCounts>('proposal_counts')

/** The proposal, its timeline and the steps this user may take now (`allowed`, from the core). */
export const proposalGet = (id: string) => call<ProposalDetail>('proposal_get', { id })

/** 起草 from ledger items; field messages under `title`, `problem`, `suggestion`, `item_ids`, `delegation_id`. */
export const proposalCreate = (input: ProposalInput) => call<Proposal>('proposal_create', { input })

// Each change names the `version` the page read: a stale one answers `conflict`; a step the status
// does not allow answers `state`.

export const proposalUpdate = (id: string, version: number, input: ProposalInput) =>
  call<Proposal>('proposal_update', { id, version, input })

export const proposalAct = (id: string, version: number, action: ProposalAction) =>
  call<Proposal>('proposal_act', { id, version, action })

/** The proposals a ledger item went into (the item's page). */
export const proposalsOfItem = (itemId: string) => call<ProposalRef[]>('proposals_of_item', { itemId })

/** The printed form: bytes for the preview. */
export const proposalPdfPreview = (id: string) => call<PrintOutcome>('proposal_pdf_preview', { id })

/** 打印: the system's PDF viewer opens the form. */
export const proposalPdfOpen = (id: string) => call<PrintOutcome>('proposal_pdf_open', { id })

/** 另存为 PDF in the native dialog; `null`: cancelled. */
export const proposalPdfSave = (id: string, suggestedName: string) =>
  call<PrintOutcome | null>('proposal_pdf_save', { id, suggestedName })
