// Generated from the Rust types by studio-core (src/bindings.rs). Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p studio-core --test ts_bindings`.

export type FieldError = { 
/**
 * The input field's name as the UI knows it (`mobile`, `email`, …).
 */
field: string, message: string, };

export type ErrorPayload = { code: string, message: string, 
/**
 * Per-field messages for forms; empty unless `code` is `validation`.
 */
fields: Array<FieldError>, };

export type Role = "admin" | "liaison" | "delegate" | "visitor" | "system";

export type Actor = { name: string, role: Role, };

export type PageRequest = { 
/**
 * 1-based.
 */
page: number, page_size: number, };

export type Page<T> = { items: Array<T>, total: number, page: number, page_size: number, };

export type ChangeRecord = { seq: number, id: string, 
/**
 * UTC, RFC 3339.
 */
at: string, actor: string, actor_role: Role, 
/**
 * Table group: `delegate`, `delegation`, `settings`, …
 */
entity: string, row_id: string, 
/**
 * `create`, `update`, `mark_left`, `photo`, …
 */
action: string, before: JsonValue | null, after: JsonValue | null, };

export type Settings = { 
/**
 * Who works at this PC. Until accounts exist this name is the actor on every change.
 */
operator_name: string, studio_name: string, 
/**
 * 专线电话.
 */
hotline: string, };

export type SetupState = "pending" | "demo" | "blank";

export type AppStatus = { version: string, db_path: string, setup: SetupState, operator: Actor, studio_name: string, delegate_count: number, delegation_count: number, };

export type CheckReport = { ok: boolean, schema_version: number, 
/**
 * `ok`, or SQLite's list of problems.
 */
integrity: Array<string>, 
/**
 * Rows pointing at rows that do not exist: `table rowid → parent`.
 */
foreign_key_problems: Array<string>, };

export type Gender = "male" | "female";

export type DelegateStatus = "active" | "left";

export type PublishFlags = { unit_position: boolean, mobile: boolean, office_phone: boolean, email: boolean, photo: boolean, bio: boolean, pledge: boolean, };

export type Delegation = { id: string, name: string, head_delegate_id: string | null, note: string, display_order: number, created_at: string, updated_at: string, version: number, };

export type DelegationSummary = { id: string, name: string, head_delegate_id: string | null, head_name: string | null, note: string, display_order: number, active_count: number, };

export type DelegationInput = { name: string, head_delegate_id: string | null, note: string, display_order: number, };

export type Delegate = { id: string, name: string, gender: Gender, delegation_id: string, unit: string, position: string, mobile: string, office_phone: string, email: string, 
/**
 * File name of the photo in the database's files folder, if one was set.
 */
photo: string | null, bio: string, pledge: string, 
/**
 * e.g. 第三届（2021–2026）.
 */
term: string, status: DelegateStatus, left_on: string | null, display_order: number, publish: PublishFlags, created_at: string, updated_at: string, version: number, };

export type DelegateInput = { name: string, gender: Gender, delegation_id: string, unit: string, position: string, mobile: string, office_phone: string, email: string, bio: string, pledge: string, term: string, display_order: number, publish: PublishFlags, };

export type DelegateListItem = { id: string, name: string, gender: Gender, delegation_id: string, delegation_name: string, unit: string, position: string, mobile_masked: string, status: DelegateStatus, term: string, has_photo: boolean, display_order: number, };

export type DelegateSort = "roster" | "name" | "unit" | "updated_desc";

export type DelegateQuery = { 
/**
 * Name, pinyin, pinyin initials ("zjh") or unit; empty for all.
 */
q: string, delegation_id: string | null, status: DelegateStatus | null, sort: DelegateSort, page: PageRequest, };

export type DayKind = { "kind": "workday" } | { "kind": "weekend" } | { "kind": "holiday", name: string, } | { "kind": "makeup_workday", name: string, };

export type OverrideKind = "workday" | "holiday";

export type CalendarOverride = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, kind: OverrideKind, 
/**
 * Why, in a few words (“学校运动会停课”, “2027年春节”); at most 100 characters, may be empty.
 */
note: string, 
/**
 * UTC, RFC 3339.
 */
created_at: string, updated_at: string, 
/**
 * The actor who last set it.
 */
updated_by: string, version: number, };

export type CalendarDay = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * 1 = Monday … 7 = Sunday.
 */
weekday: number, is_workday: boolean, 
/**
 * An admin override decides this day.
 */
overridden: boolean, 
/**
 * The year is covered by the shipped official calendar; when false only weekends (and any
 * overrides) are known, and the UI should say so.
 */
official: boolean, } & ({ "kind": "workday" } | { "kind": "weekend" } | { "kind": "holiday", name: string, } | { "kind": "makeup_workday", name: string, });
