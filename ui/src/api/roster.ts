import { call } from './core'
import type {
  ChangeRecord,
  Delegate,
  DelegateInput,
  DelegateListItem,
  DelegateQuery,
  Delegation,
  DelegationInput,
  DelegationSummary,
  Page,
} from './types'

// ---- delegations (代表团) ----

export const delegationsList = () => call<DelegationSummary[]>('delegations_list')

export const delegationGet = (id: string) => call<Delegation>('delegation_get', { id })

export const delegationCreate = (input: DelegationInput) =>
  call<Delegation>('delegation_create', { input })

/** `version`: the delegation's `version` as the page read it; a stale one answers `conflict`. */
export const delegationUpdate = (id: string, version: number, input: DelegationInput) =>
  call<Delegation>('delegation_update', { id, version, input })

// ---- delegates (党代表) ----

/** One page of the roster; phone numbers come masked. */
export const delegatesList = (query: DelegateQuery) =>
  call<Page<DelegateListItem>>('delegates_list', { query })

/** The full record, phone numbers unmasked. */
export const delegateGet = (id: string) => call<Delegate>('delegate_get', { id })

export const delegateCreate = (input: DelegateInput) => call<Delegate>('delegate_create', { input })

// Every change of a delegate names the `version` of the record the page read; when someone saved
// it since, the backend refuses with `conflict` (and says who, when and what).

export const delegateUpdate = (id: string, version: number, input: DelegateInput) =>
  call<Delegate>('delegate_update', { id, version, input })

/** 离任 on `leftOn` (YYYY-MM-DD); null means today (Asia/Shanghai, decided by the backend). */
export const delegateMarkLeft = (id: string, version: number, leftOn: string | null) =>
  call<Delegate>('delegate_mark_left', { id, version, leftOn })

export const delegateReinstate = (id: string, version: number) =>
  call<Delegate>('delegate_reinstate', { id, version })

/** Delegates with the same name and unit: a warning before saving, never a block. */
export const delegateDuplicates = (name: string, unit: string, exceptId: string | null) =>
  call<DelegateListItem[]>('delegate_duplicates', { name, unit, exceptId })

/** `dataBase64` is the file's bytes in base64, without a `data:` prefix. */
export const delegateSetPhoto = (id: string, version: number, dataBase64: string) =>
  call<Delegate>('delegate_set_photo', { id, version, dataBase64 })

/** A `data:image/jpeg;base64,…` URL, or null when the delegate has no photo. */
export const delegatePhoto = (id: string, thumbnail: boolean) =>
  call<string | null>('delegate_photo', { id, thumbnail })

/** Oldest first. */
export const delegateHistory = (id: string) => call<ChangeRecord[]>('delegate_history', { id })
