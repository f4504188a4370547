// Generated from the Rust types by studio-core (src/bindings.rs). Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p studio-core --test ts_bindings`.

export type JsonValue = number | string | boolean | null | Array<JsonValue> | { [key in string]?: JsonValue };

export type FieldError = { 
/**
 * The input field's name as the UI knows it (`mobile`, `email`, …).
 */
field: string, message: string, };

export type FieldLabel = { field: string, label: string, };

export type StaleInfo = { entity: string, row_id: string, 
/**
 * The version the caller based its change on.
 */
base_version: number, 
/**
 * The version the row has now.
 */
current_version: number, 
/**
 * Who made the latest of those changes, and when (UTC, RFC 3339).
 */
changed_by: string, changed_at: string, 
/**
 * The fields that differ between the caller's version and the current one, as `{field, label}`.
 */
fields: Array<FieldLabel>, };

export type ErrorPayload = { code: string, message: string, 
/**
 * Per-field messages for forms; empty unless `code` is `validation`.
 */
fields: Array<FieldError>, 
/**
 * With `code` = `conflict`: who changed the record since it was read, and what.
 */
stale: StaleInfo | null, };

export type Role = "admin" | "liaison" | "head" | "delegate" | "auditor" | "visitor" | "system";

export type Actor = { 
/**
 * Stable identity for the audit trail: `account:<id>` for a logged-in account, `cli:<user>`
 * for the command line as an OS user, `system`, or `local:<name>` in tests.
 */
id: string, name: string, role: Role, 
/**
 * The delegate record this person is (delegates and delegation heads).
 */
delegate_id: string | null, 
/**
 * The delegation they belong to (delegates and delegation heads), read at login.
 */
delegation_id: string | null, };

export type Permission = "read_roster" | "read_records" | "edit_roster" | "edit_own_profile" | "edit_settings" | "read_personal_data" | "export_personal_data" | "maintain" | "edit_cards" | "handle_items" | "supervise" | "manage_accounts" | "read_audit" | "administer_audit" | "use_kiosk" | "read_schedule" | "edit_schedule" | "handle_appointments" | "import_records" | "edit_studio" | "manage_funds";

export type AccountRow = { id: string, login: string, 
/**
 * 显示名称.
 */
name: string, role: Role, 
/**
 * The delegate record this person is (党代表, 代表团团长).
 */
delegate_id: string | null, delegate_name: string | null, delegation_id: string | null, 
/**
 * The next login must choose a new password.
 */
must_change: boolean, failed_attempts: number, 
/**
 * Locked after failed tries until this time (UTC, RFC 3339).
 */
locked_until: string | null, 
/**
 * Locked by an administrator.
 */
disabled: boolean, last_login_at: string | null, created_at: string, updated_at: string, version: number, };

export type NewAccount = { login: string, name: string, role: Role | null, delegate_id: string | null, password: string, };

export type AccountUpdate = { name: string, role: Role | null, delegate_id: string | null, 
/**
 * The version the change was based on.
 */
version: number, };

export type Session = { account: AccountRow, actor: Actor, 
/**
 * The password was reset: the UI asks for a new one before anything else, and the core
 * refuses other work until it is changed (the front door checks this).
 */
must_change: boolean, };

export type AuditResult = "ok" | "refused" | "failed";

export type AuditEntry = { seq: number, 
/**
 * UTC, RFC 3339.
 */
at: string, actor_id: string, actor: string, actor_role: Role, 
/**
 * What it is about: a record kind (`card`, `item`, …), `session`, `account`, `audit`,
 * `personal_data`.
 */
area: string, action: string, 
/**
 * The record's id, a selection (`*`, `FROM..TO`), or a login name.
 */
target: string, 
/**
 * Which fields changed, the reason of an export, the file of an archive. Never a password,
 * never a private person's name or phone.
 */
summary: string, result: AuditResult, };

export type AuditQuery = { actor_id: string | null, area: string | null, action: string | null, result: AuditResult | null, 
/**
 * `YYYY-MM-DD`, inclusive.
 */
from: string | null, 
/**
 * `YYYY-MM-DD`, inclusive.
 */
to: string | null, page: PageRequest, };

export type AuditPage = { items: Array<AuditEntry>, total: number, total_capped: boolean, page: number, page_size: number, };

export type AuditFormat = "json" | "csv" | "xlsx";

export type ArchiveOutcome = { 
/**
 * How many entries moved to the file (0: nothing was old enough; no file was written).
 */
archived: number, file: string | null, 
/**
 * SHA-256 of the file, hex; also written beside it as `<file>.sha256` (sha256sum's format).
 */
sha256: string | null, 
/**
 * Entries on or after this day stay (Shanghai day).
 */
kept_from: string, };

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
at: string, actor: string, actor_id: string, actor_role: Role, 
/**
 * Table group: `delegate`, `delegation`, `settings`, …
 */
entity: string, row_id: string, 
/**
 * `create`, `update`, `mark_left`, `photo`, …
 */
action: string, 
/**
 * The version the change was based on (absent for a create) and the one it made.
 */
base_version: number | null, new_version: number | null, 
/**
 * The fields that changed, before and after (the whole row for a create or delete).
 */
before: JsonValue | null, after: JsonValue | null, };

export type Settings = { studio_name: string, 
/**
 * 专线电话.
 */
hotline: string, 
/**
 * 开放时间, as the poster and the kiosk print it.
 */
opening_hours: string, 
/**
 * The window locks itself after this many idle minutes (1–60).
 */
idle_lock_minutes: number, 
/**
 * Audit entries are kept at least this many months before they may be archived (6–120).
 */
audit_retention_months: number, 
/**
 * 工作室简介: what the kiosk (and later the online studio) shows under 工作室简介.
 */
studio_intro: string, 
/**
 * The kiosk clears what was typed and returns home after this many idle seconds (30–600).
 */
kiosk_idle_seconds: number, 
/**
 * The app starts as the kiosk (自助终端) rather than the login screen.
 */
kiosk_on_start: boolean, 
/**
 * Bumped on every save; a save names the version it was based on.
 */
version: number, };

export type SetupState = "pending" | "demo" | "blank";

export type DemoLogin = { logins: Array<string>, password: string, };

export type SessionState = "none" | "active" | "locked" | "must_change_password";

export type AppStatus = { version: string, db_path: string, 
/**
 * No account yet: the first start asks for the administrator's.
 */
has_accounts: boolean, setup: SetupState, 
/**
 * Who is logged in (none on the login screen).
 */
operator: Actor | null, session: SessionState, studio_name: string, idle_lock_minutes: number, demo_login: DemoLogin | null, delegate_count: number, delegation_count: number, };

export type Component = { name: string, 
/**
 * 用途, in Chinese.
 */
purpose: string, 
/**
 * The SPDX licence expression (`MIT`, `Apache-2.0 OR MIT`, `OFL-1.1`…), or `Public Domain`.
 */
licence: string, };

export type About = { version: string, db_path: string, 
/**
 * The open database's schema version (SQLite `user_version`).
 */
schema_version: number, 
/**
 * The official working-day calendar shipped with the program: first and last year, source.
 */
calendar_first_year: number, calendar_last_year: number, calendar_source: string, 
/**
 * The font printed documents embed (shipped with the program).
 */
font: Component, components: Array<Component>, };

export type CheckReport = { ok: boolean, schema_version: number, 
/**
 * `ok`, or SQLite's list of problems.
 */
integrity: Array<string>, 
/**
 * Rows pointing at rows that do not exist: `table rowid → parent`.
 */
foreign_key_problems: Array<string>, };

export type BackupSummary = { path: string, 
/**
 * Files besides the database: the files folder's (photos, thumbnails, attachments) and the
 * audit log's archives.
 */
files: number, 
/**
 * The archive's size in bytes.
 */
bytes: number, created_at: string, };

export type RestoreReport = { 
/**
 * When the archive was made (UTC, RFC 3339), by whom, with which program version.
 */
backup_created_at: string, backup_created_by: string, backup_app_version: string, 
/**
 * Files in the archive besides the database (photos, thumbnails, attachments, audit archives).
 */
files: number, 
/**
 * Audit log archives that were missing here and were added (none is ever replaced or removed).
 */
audit_archives_added: number, 
/**
 * The file was a plain database (a backup from before archives): the database was restored,
 * the files folder left as it was.
 */
plain_database: boolean, 
/**
 * The folder holding the data as it was before the restore.
 */
kept_aside: string, 
/**
 * The restored database's check.
 */
check: CheckReport, };

export type AutoBackupSettings = { enabled: boolean, 
/**
 * The folder chosen in the backend's folder dialog; empty until one is chosen.
 */
folder: string, 
/**
 * `HH:MM`, the studio's local time.
 */
daily_time: string, 
/**
 * Keep the newest this many automatic archives in the folder.
 */
keep: number, version: number, };

export type AutoBackupInput = { enabled: boolean, daily_time: string, keep: number, version: number, };

export type BackupStatus = { settings: AutoBackupSettings, 
/**
 * UTC, RFC 3339.
 */
last_at: string | null, last_ok: boolean | null, 
/**
 * `自动` or `手动`.
 */
last_kind: string, 
/**
 * The archive written, or why it failed.
 */
last_message: string, 
/**
 * A sentence for 工作台 when backups are not being made: the last one failed, the folder is
 * missing, or none for more than two days while automatic backups are on.
 */
warning: string | null, };

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
term: string, status: DelegateStatus, left_on: string | null, display_order: number, publish: PublishFlags, 
/**
 * The delegate agreed that the online studio and the kiosk show them (个人信息保护法). Without
 * it nothing of theirs is published, whatever `publish` says: see [`public_profile`].
 */
publish_consent: boolean, created_at: string, updated_at: string, version: number, };

export type DelegateInput = { name: string, gender: Gender, delegation_id: string, unit: string, position: string, mobile: string, office_phone: string, email: string, bio: string, pledge: string, term: string, display_order: number, publish: PublishFlags, publish_consent: boolean, };

export type PublicDelegate = { id: string, name: string, delegation_id: string, unit: string | null, position: string | null, mobile: string | null, office_phone: string | null, email: string | null, 
/**
 * File name of the photo in the files folder.
 */
photo: string | null, bio: string | null, pledge: string | null, };

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
official: boolean, 
/**
 * The version of this day's override row (0 when never overridden): what a change of this day
 * is based on.
 */
version: number, } & ({ "kind": "workday" } | { "kind": "weekend" } | { "kind": "holiday", name: string, } | { "kind": "makeup_workday", name: string, });

export type PoliticalStatus = "party_member" | "probationary_member" | "league_member" | "democratic_party" | "independent" | "masses";

export type Channel = "studio" | "online" | "appointment" | "home_visit" | "other";

export type CardStatus = "draft" | "submitted";

export type DeadlineState = "none" | "on_time" | "due_soon" | "overdue" | "filed_on_time" | "filed_late";

export type Card = { id: string, 
/**
 * 编号: the human number, `2026-0001` (the contact date's year when the card was created and a
 * serial within it); never changes.
 */
no: string, delegate_id: string, 
/**
 * The delegate's delegation when the snapshot was taken.
 */
delegation_id: string, 
/**
 * Snapshot: 党代表姓名.
 */
delegate_name: string, 
/**
 * Snapshot: 所在代表团.
 */
delegation_name: string, 
/**
 * Snapshot: 工作单位及职务.
 */
delegate_unit_position: string, 
/**
 * Snapshot: 联系电话 (mobile, else office phone).
 */
delegate_phone: string, 
/**
 * 联系日期.
 */
contact_date: string, 
/**
 * 联系对象: 姓名 (the main person when several came together).
 */
person_name: string, person_gender: Gender | null, person_age: number | null, person_political_status: PoliticalStatus | null, 
/**
 * 工作单位及职务.
 */
person_unit_position: string, 
/**
 * 联系电话: a mobile number or a fixed line with its area code, or empty.
 */
person_phone: string, 
/**
 * 详细通讯地址或 E-mail.
 */
person_address: string, 
/**
 * Whether the person agreed to the handling of their personal data (个人信息保护法);
 * `None`: not asked (cards written before consent was recorded).
 */
person_consent: boolean | null, 
/**
 * How many people came together (1 when one person).
 */
group_size: number, channel: Channel, 
/**
 * The form when `channel` is `other` (e.g. 电话联系); empty otherwise.
 */
channel_other: string, 
/**
 * 党员和群众所提意见建议或问题.
 */
opinion: string, 
/**
 * 党代表处理意见及办理情况.
 */
handling: string, 
/**
 * When the result was fed back to the person.
 */
feedback_on: string | null, 
/**
 * When the card was handed to the studio (set on submit).
 */
filed_on: string | null, status: CardStatus, 
/**
 * `feedback_on` + 3 working days, as computed when last written.
 */
due_on: string | null, 
/**
 * Submitted after `due_on`.
 */
filed_late: boolean, amendment_count: number, 
/**
 * Where the card stands against its deadline, as of the day it was read.
 */
deadline: DeadlineState, created_at: string, updated_at: string, version: number, };

export type CardInput = { delegate_id: string, 
/**
 * Take the delegate's snapshot from the roster again although the delegate is unchanged
 * (drafts only). The snapshot is always taken when a card is created or its delegate changes.
 */
refresh_snapshot: boolean, contact_date: string, person_name: string, person_gender: Gender | null, person_age: number | null, person_political_status: PoliticalStatus | null, person_unit_position: string, person_phone: string, person_address: string, 
/**
 * Whether the person agreed to the handling of their data; `None`: not asked.
 */
person_consent?: boolean | null, group_size: number, channel: Channel | null, channel_other: string, opinion: string, handling: string, feedback_on: string | null, };

export type CardListItem = { id: string, 
/**
 * 编号 (`2026-0001`).
 */
no: string, delegate_id: string, delegate_name: string, delegation_id: string, delegation_name: string, contact_date: string, person_name: string, person_phone_masked: string, group_size: number, channel: Channel, channel_other: string, 
/**
 * The first characters of the opinion, for the list.
 */
opinion_excerpt: string, feedback_on: string | null, filed_on: string | null, status: CardStatus, due_on: string | null, deadline: DeadlineState, amendment_count: number, updated_at: string, };

export type CardSort = "contact_desc" | "contact_asc" | "due_asc" | "updated_desc";

export type CardQuery = { 
/**
 * Words to find in the opinion, the handling, the person's or the delegate's name or the
 * card's number (编号); several
 * words separated by spaces must all occur. Words of 3+ characters use the full-text index.
 */
q: string, delegate_id: string | null, 
/**
 * The delegation as recorded on the card (its snapshot).
 */
delegation_id: string | null, channel: Channel | null, 
/**
 * Contact date from (inclusive), `YYYY-MM-DD`.
 */
from: string | null, 
/**
 * Contact date to (inclusive), `YYYY-MM-DD`.
 */
to: string | null, 
/**
 * Filed (handed to the studio) from (inclusive), `YYYY-MM-DD`: 工作台's 本月已报送.
 */
filed_from: string | null, 
/**
 * Filed to (inclusive), `YYYY-MM-DD`.
 */
filed_to: string | null, status: CardStatus | null, 
/**
 * Only cards past their deadline: filed late, or drafts overdue.
 */
late_only: boolean, 
/**
 * Only cards in this deadline state (as of today).
 */
deadline: DeadlineState | null, sort: CardSort, page: PageRequest, };

export type CardAmendment = { id: string, card_id: string, 
/**
 * UTC, RFC 3339.
 */
at: string, actor: string, actor_role: Role, 
/**
 * 更正原因.
 */
reason: string, 
/**
 * The changed fields' values before the correction (the first amendment's are the original).
 */
before: JsonValue, after: JsonValue, };

export type CardCounts = { drafts: number, 
/**
 * Drafts with at most one working day left.
 */
due_soon: number, 
/**
 * Drafts past their deadline.
 */
overdue: number, 
/**
 * Cards of this calendar year filed after their deadline.
 */
filed_late_this_year: number, 
/**
 * Cards filed this calendar month.
 */
filed_this_month: number, };

export type CardSelection = { "kind": "ids", ids: Array<string>, } | { "kind": "all" } | { "kind": "period", from: string, to: string, };

export type ItemCategory = "policy_inquiry" | "implementation" | "party_building" | "public_opinion" | "rights" | "hardship";

export type ItemStatus = "received" | "assigned" | "in_progress" | "answered" | "fed_back" | "closed" | "declined";

export type ItemSource = "card" | "kiosk" | "online" | "hotline" | "appointment" | "survey";

export type Satisfaction = "satisfied" | "basic" | "dissatisfied";

export type ItemDeadlineState = "on_track" | "due_soon" | "overdue" | "paused" | "met" | "late" | "none";

export type ItemDelegate = { delegate_id: string, name: string, delegation_id: string, delegation_name: string, 
/**
 * The delegation head notified of the item (empty when the delegation has none).
 */
head_name: string, };

export type Referral = { 
/**
 * 承办单位, e.g. 后勤管理处.
 */
unit: string, referred_on: string, 
/**
 * The unit's deadline (`YYYY-MM-DD`).
 */
due_on: string, 
/**
 * The unit's answer (empty until it arrives).
 */
answer: string, answered_on: string | null, };

export type Item = { id: string, 
/**
 * 编号, `YYYY-NNNN` by year of receipt, given when the item is received.
 */
no: string, category: ItemCategory, status: ItemStatus, source: ItemSource, 
/**
 * 标题 (short).
 */
title: string, 
/**
 * 内容: the full text as the person raised it.
 */
content: string, 
/**
 * The person who raised it (personal data).
 */
person_name: string, person_phone: string, 
/**
 * Address or e-mail.
 */
person_contact: string, 
/**
 * Whether the person agreed to the handling of their personal data (个人信息保护法);
 * `None`: not asked (items received before consent was recorded).
 */
person_consent: boolean | null, 
/**
 * 有事找代表: the person allowed the answer to be published without their name (the online
 * studio's 代表回复). `false` for every other item.
 */
publish_ok: boolean, 
/**
 * 有事找代表: the delegate the person chose, as a wish; staff route the item
 * ([`route_item`]), which may or may not follow it.
 */
requested_delegate_id: string | null, 
/**
 * The record card it came from or is linked to.
 */
card_id: string | null, 
/**
 * 首问责任人: who received it; follows it and answers for it.
 */
first_responder: string, 
/**
 * 承办党代表.
 */
delegates: Array<ItemDelegate>, referral: Referral | null, 
/**
 * 受理日期.
 */
received_on: string, 
/**
 * 限时办结 working days of the category when received (or reopened).
 */
limit_days: number, 
/**
 * Sum of granted extensions, in working days.
 */
extension_days: number, 
/**
 * Working days spent paused (closed pauses only).
 */
paused_days: number, 
/**
 * 待补充 since this day (the clock is stopped); `None` when running.
 */
paused_since: string | null, 
/**
 * 办结期限: received (or reopened) + limit + extensions + paused days.
 */
due_on: string | null, 
/**
 * 答复 (the answer to the person's item).
 */
answer: string, answered_on: string | null, 
/**
 * 反馈: how and what was fed back to the person.
 */
feedback: string, fed_back_on: string | null, 
/**
 * 回访.
 */
satisfaction: Satisfaction | null, follow_up_note: string, closed_on: string | null, 
/**
 * 不予受理的理由.
 */
decline_reason: string, 
/**
 * Escalated to the Organization Department (上报组织部).
 */
escalated: boolean, 
/**
 * How many times it was chased (催办).
 */
chase_count: number, 
/**
 * As of the day it was read.
 */
deadline: ItemDeadlineState, 
/**
 * Working days left to `due_on` (negative: overdue), as of the day read; `None` when no
 * deadline runs (paused, answered, declined).
 */
days_left: number | null, 
/**
 * When fed back and no card is filed yet: the card's 3-working-day filing deadline.
 */
card_filing_due_on: string | null, created_at: string, updated_at: string, version: number, };

export type ItemInput = { category: ItemCategory | null, source: ItemSource | null, title: string, content: string, person_name: string, person_phone: string, person_contact: string, 
/**
 * Whether the person agreed to the handling of their data; `None`: not asked.
 */
person_consent?: boolean | null, 
/**
 * Empty: the operator.
 */
first_responder: string, delegate_ids: Array<string>, 
/**
 * `YYYY-MM-DD`; empty: today.
 */
received_on: string, 
/**
 * Link to a record card (source `card`).
 */
card_id: string | null, };

export type ItemAction = { "kind": "refer", unit: string, due_on: string, note: string, on: string, } | { "kind": "referral_answer", answer: string, on: string, } | { "kind": "start", note: string, on: string, } | { "kind": "answer", answer: string, on: string, } | { "kind": "feedback", feedback: string, on: string, } | { "kind": "follow_up", satisfaction: Satisfaction, note: string, on: string, } | { "kind": "decline", reason: string, on: string, } | { "kind": "pause", note: string, on: string, } | { "kind": "resume", note: string, on: string, } | { "kind": "extend", days: number, reason: string, on: string, } | { "kind": "chase", note: string, on: string, } | { "kind": "escalate", note: string, on: string, } | { "kind": "note", note: string, on: string, };

export type ItemActionKind = "refer" | "referral_answer" | "start" | "answer" | "feedback" | "follow_up" | "decline" | "pause" | "resume" | "extend" | "chase" | "escalate" | "note";

export type ItemEventKind = "received" | "routed" | "edited" | "card_linked" | "notified" | "refer" | "referral_answer" | "start" | "answer" | "feedback" | "follow_up" | "reopened" | "decline" | "pause" | "resume" | "extend" | "chase" | "escalate" | "note" | "proposal_linked" | "proposal_unlinked" | "public_saved" | "published" | "unpublished";

export type ItemEvent = { id: string, item_id: string, 
/**
 * UTC, RFC 3339.
 */
at: string, 
/**
 * The day it happened (`YYYY-MM-DD`; may be earlier than `at` when entered afterwards).
 */
on: string, actor: string, actor_role: Role, kind: ItemEventKind, 
/**
 * The status after this step.
 */
status: ItemStatus, 
/**
 * The text of the step: the answer, the reason, the note…
 */
text: string, 
/**
 * Details: e.g. `{"unit": …, "due_on": …}`, `{"days": 5}`, `{"satisfaction": "basic"}`,
 * `{"due_on_before": …, "due_on_after": …}`.
 */
data: JsonValue, };

export type ItemListItem = { id: string, no: string, category: ItemCategory, status: ItemStatus, source: ItemSource, title: string, person_name: string, person_phone_masked: string, first_responder: string, 
/**
 * The handling delegates' names, joined with `、`.
 */
delegate_names: string, referral_unit: string, received_on: string, due_on: string | null, paused_since: string | null, deadline: ItemDeadlineState, days_left: number | null, escalated: boolean, chase_count: number, updated_at: string, };

export type ItemView = "open" | "due_soon" | "overdue" | "long_paused" | "paused" | "escalated" | "unit_overdue";

export type ItemSort = "received_desc" | "received_asc" | "due_asc" | "updated_desc";

export type ItemQuery = { 
/**
 * Words (2+ characters each match anywhere) in the title, text, answers and feedback, the
 * person's name or the number; several words separated by spaces must all occur. A single
 * character matches the title, the person's name or the number only. A visitor's query code
 * (查询码, `K7QM-3XPA`, any case, with or without the dash) finds the item it was given for.
 */
q: string, status: ItemStatus | null, category: ItemCategory | null, source: ItemSource | null, delegate_id: string | null, delegation_id: string | null, 
/**
 * The referral unit contains this text.
 */
unit: string, view: ItemView | null, 
/**
 * 待分派: from the kiosk or the online studio, no delegate yet, before the answer. Optional for
 * the UI (absent is `false`).
 */
unrouted?: boolean, 
/**
 * Received from / to (inclusive), `YYYY-MM-DD`.
 */
from: string | null, to: string | null, 
/**
 * Closed from / to (inclusive): 工作台's 本月办结.
 */
closed_from: string | null, closed_to: string | null, sort: ItemSort, page: PageRequest, };

export type ItemCounts = { open: number, due_soon: number, overdue: number, paused: number, long_paused: number, escalated: number, 
/**
 * 单位逾期 (see [`ItemView::UnitOverdue`]).
 */
unit_overdue: number, received_this_month: number, closed_this_month: number, 
/**
 * 待分派 (see [`ItemQuery::unrouted`]).
 */
unrouted: number, };

export type ItemDeadlines = { policy_inquiry: number, implementation: number, party_building: number, public_opinion: number, rights: number, hardship: number, 
/**
 * A pause of at least this many working days shows in 督办 → 长期待补充.
 */
long_pause_days: number, 
/**
 * The version of these settings (0 until first saved): a save names the version it was based
 * on, and a stale one is refused.
 */
version: number, };

export type SimilarItem = { id: string, no: string, title: string, category: ItemCategory, status: ItemStatus, received_on: string, 
/**
 * The first characters of the text.
 */
excerpt: string, };

export type ItemDetail = { item: Item, timeline: Array<ItemEvent>, 
/**
 * The linked card's status (`None` when no card is linked).
 */
card_status: CardStatus | null, };

export type QueryKind = "item" | "appointment";

export type MessageInput = { 
/**
 * 姓名 (required).
 */
name: string, 
/**
 * 联系电话: a mobile number or an office phone with its area code (required: its last four
 * digits open 查询进度).
 */
phone: string, 
/**
 * 问题类别 (one of the six).
 */
category: ItemCategory | null, 
/**
 * 留言内容.
 */
text: string, 
/**
 * The delegate the visitor chose (optional): one shown on 代表风采.
 */
delegate_id?: string | null, 
/**
 * Agreed to the handling of their personal data: without it nothing is stored.
 */
consent: boolean, 
/**
 * The answer may later be published without their name (the online studio's 代表回复).
 */
publish_ok: boolean, };

export type Receipt = { 
/**
 * Grouped for reading, `K7QM-3XPA`.
 */
query_code: string, item_no: string, 
/**
 * `YYYY-MM-DD`.
 */
received_on: string, };

export type DayPeriod = "morning" | "afternoon";

export type AppointmentRequestInput = { 
/**
 * 姓名 (required).
 */
name: string, 
/**
 * 联系电话 (required: staff call back to confirm, and its last four digits open 查询进度).
 */
phone: string, 
/**
 * The delegate to meet: one 代表风采 shows (in office, consenting).
 */
delegate_id: string, 
/**
 * 希望日期, `YYYY-MM-DD`: a working day from today to [`REQUEST_DAYS_AHEAD`] days ahead.
 */
date: string, 
/**
 * 上午 or 下午.
 */
period: DayPeriod | null, 
/**
 * 约见事由.
 */
topic: string, 
/**
 * Agreed to the handling of their personal data: without it nothing is stored.
 */
consent: boolean, };

export type AppointmentReceipt = { 
/**
 * Grouped for reading, `K7QM-3XPA`.
 */
query_code: string, delegate_name: string, 
/**
 * The day asked for, `YYYY-MM-DD`.
 */
date: string, period: DayPeriod, 
/**
 * The day the request was made, `YYYY-MM-DD`.
 */
received_on: string, };

export type Progress = { kind: QueryKind, 
/**
 * 受理, 办理中, 已答复, … (an item's status as the ledger names it, 待补充 included).
 */
status_label: string, 
/**
 * The day it was received (`YYYY-MM-DD`).
 */
received_on: string, 
/**
 * The answer, once the item has one.
 */
answer: string | null, answered_on: string | null, 
/**
 * An appointment's day (`YYYY-MM-DD`) and time span (`09:00–10:00`); `None` for an item.
 */
appointment_date: string | null, appointment_time: string | null, };

export type DelegationProfiles = { delegation_id: string, delegation_name: string, delegates: Array<PublicDelegate>, };

export type KioskInfo = { studio_name: string, intro: string, 
/**
 * 专线电话 (empty when not set).
 */
hotline: string, 
/**
 * 开放时间 from 设置 (`None` when left empty).
 */
opening_hours: string | null, 
/**
 * Clear the screen and return home after this many idle seconds.
 */
idle_seconds: number, };

export type DelegateSnapshot = { delegate_id: string, delegation_id: string, delegate_name: string, delegation_name: string, 
/**
 * 工作单位及职务: unit and position, separated by a space.
 */
delegate_unit_position: string, 
/**
 * The mobile number, else the office phone.
 */
delegate_phone: string, };

export type Place = "studio" | "online";

export type CopyMode = "weekday" | "nth_weekday";

export type DutyDelegate = { id: string, name: string, delegation_id: string, delegation_name: string, };

export type SlotLiaison = { id: string, name: string, };

export type Slot = { id: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * 1 = Monday … 7 = Sunday.
 */
weekday: number, 
/**
 * `HH:MM`, zero-padded.
 */
start: string, end: string, place: Place, 
/**
 * e.g. 行政楼 302 室, or the meeting link's name; may be empty.
 */
place_note: string, note: string, 
/**
 * The day is not a working day and the slot was confirmed anyway.
 */
non_working_day: boolean, 
/**
 * In the order shown on the plan and the poster.
 */
delegates: Array<DutyDelegate>, 
/**
 * The liaison officer on duty (联络员与志愿者), when one is named.
 */
liaison?: SlotLiaison | null, 
/**
 * The slot's month is published.
 */
published: boolean, created_at: string, updated_at: string, version: number, };

export type SlotInput = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * `HH:MM`, zero-padded (24-hour clock).
 */
start: string, end: string, place: Place | null, place_note: string, 
/**
 * One or more, in the order to show.
 */
delegate_ids: Array<string>, note: string, 
/**
 * The user confirmed a slot on a day that is not a working day.
 */
confirm_non_working: boolean, 
/**
 * The liaison officer on duty (a serving 联络员's id), or none.
 */
liaison_id?: string | null, };

export type ScheduleMonth = { 
/**
 * `YYYY-MM`.
 */
month: string, published: boolean, 
/**
 * UTC, RFC 3339.
 */
published_at: string | null, 
/**
 * Who published it.
 */
published_by: string | null, 
/**
 * A slot of the published month changed since it was published or its poster last printed.
 */
poster_changed: boolean, poster_printed_at: string | null, 
/**
 * 0 while the month was never published: what [`publish_month`] is based on.
 */
version: number, };

export type PlanDay = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * 1 = Monday … 7 = Sunday.
 */
weekday: number, 
/**
 * 周一 … 周日.
 */
weekday_label: string, is_workday: boolean, slots: Array<Slot>, };

export type MonthPlan = { month: ScheduleMonth, days: Array<PlanDay>, };

export type MonthSummary = { month: ScheduleMonth, slot_count: number, };

export type CopySkip = { 
/**
 * The source slot's date.
 */
source_date: string, 
/**
 * The target day it would have gone to (none when the target month has no such day, e.g. no
 * fifth Tuesday).
 */
date: string | null, start: string, end: string, 
/**
 * In Chinese, e.g. 「2026-10-06（周二）国庆节放假，不是工作日」.
 */
reason: string, };

export type CopyReport = { from_month: string, to_month: string, mode: CopyMode, 
/**
 * In date and time order.
 */
made: Array<Slot>, skipped: Array<CopySkip>, };

export type CopyInput = { 
/**
 * `YYYY-MM`: the month whose pattern is copied.
 */
from_month: string, 
/**
 * `YYYY-MM`: the month it is laid onto.
 */
to_month: string, mode: CopyMode, 
/**
 * The target month already has slots: add the copies beside them (else the copy is refused).
 */
add_alongside: boolean, };

export type SwapInput = { slot_a: string, version_a: number, delegate_a: string, slot_b: string, version_b: number, delegate_b: string, };

export type SwapOutcome = { slot_a: Slot, slot_b: Slot, };

export type PosterRow = { 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * `10月13日`.
 */
date_label: string, 
/**
 * 周二.
 */
weekday: string, 
/**
 * `14:30—17:00`.
 */
time: string, 
/**
 * 工作室, 网上工作室, or with the place's note: 工作室（行政楼 302 室）.
 */
place: string, 
/**
 * Each `姓名（代表团）`, in the slot's order.
 */
delegates: Array<string>, };

export type PosterMonth = { 
/**
 * `YYYY-MM`.
 */
month: string, 
/**
 * 党代表工作室接待安排（2026年10月）.
 */
title: string, 
/**
 * 设置's studio name (the poster's footer may name it).
 */
studio_name: string, 
/**
 * 专线电话, from 设置 (may be empty).
 */
hotline: string, 
/**
 * 开放时间, from 设置.
 */
opening_hours: string, published: boolean, 
/**
 * The month changed since it was published or its poster last printed.
 */
poster_changed: boolean, 
/**
 * In date and time order.
 */
rows: Array<PosterRow>, };

export type AppointmentStatus = "pending" | "confirmed" | "completed" | "cancelled";

export type AppointmentDirection = "request" | "invitation";

export type AppointmentSource = "staff" | "kiosk" | "online";

export type AppointmentStep = "confirm" | "complete" | "cancel";

export type Appointment = { id: string, person_name: string, 
/**
 * A mobile number or a fixed line with its area code, or empty.
 */
person_phone: string, 
/**
 * Whether the person agreed to the handling of their data; `None`: not asked.
 */
person_consent: boolean | null, delegate_id: string, 
/**
 * The delegate's current name and delegation (from the roster when read).
 */
delegate_name: string, delegation_id: string, delegation_name: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * `HH:MM`, zero-padded.
 */
start: string, end: string, 
/**
 * 地点: the studio, an office, online…
 */
place: string, 
/**
 * 约见事由.
 */
topic: string, direction: AppointmentDirection, source: AppointmentSource, status: AppointmentStatus, 
/**
 * Why it was cancelled (empty unless cancelled).
 */
cancel_reason: string, 
/**
 * The record card made when it was completed.
 */
card_id: string | null, 
/**
 * The visitor's 查询码 (kiosk and online requests).
 */
query_code: string | null, note: string, 
/**
 * UTC, RFC 3339.
 */
confirmed_at: string | null, completed_at: string | null, cancelled_at: string | null, created_at: string, updated_at: string, version: number, };

export type AppointmentInput = { person_name: string, person_phone: string, person_consent?: boolean | null, delegate_id: string, 
/**
 * `YYYY-MM-DD`.
 */
date: string, 
/**
 * `HH:MM`, zero-padded.
 */
start: string, end: string, place: string, topic: string, direction: AppointmentDirection | null, 
/**
 * Defaults to `staff`; kept as it was when an appointment is edited.
 */
source?: AppointmentSource | null, note: string, };

export type AppointmentListItem = { id: string, person_name: string, person_phone_masked: string, delegate_id: string, delegate_name: string, delegation_id: string, delegation_name: string, date: string, start: string, end: string, place: string, topic: string, direction: AppointmentDirection, source: AppointmentSource, status: AppointmentStatus, card_id: string | null, version: number, };

export type AppointmentSort = "date_desc" | "date_asc";

export type AppointmentQuery = { 
/**
 * Words (separated by spaces, each must occur; at most 50 characters and 8 words) in the
 * person's name, the delegate's name, the topic or the place; or a visitor's query code
 * (查询码, `K7QM-3XPA`, any case, with or without the dash) as the whole text, which finds the
 * appointment it was given for. Optional for the UI (absent is empty).
 */
q?: string, status: AppointmentStatus | null, delegate_id: string | null, delegation_id: string | null, direction: AppointmentDirection | null, source: AppointmentSource | null, 
/**
 * Date from (inclusive), `YYYY-MM-DD`.
 */
from: string | null, 
/**
 * Date to (inclusive), `YYYY-MM-DD`.
 */
to: string | null, sort: AppointmentSort, page: PageRequest, };

export type AppointmentCompletion = { appointment: Appointment, card: Card, };

export type PersonRecords = { cards: Array<Card>, items: Array<Item>, appointments: Array<Appointment>, };

export type CardCopy = { card: Card, amendments: Array<CardAmendment>, };

export type ItemCopy = { item: Item, timeline: Array<ItemEvent>, query_codes: Array<string>, };

export type PersonalDataCopy = { name: string, phone: string | null, 
/**
 * UTC, RFC 3339.
 */
made_at: string, 
/**
 * Who made the copy.
 */
made_by: string, reason: string, cards: Array<CardCopy>, items: Array<ItemCopy>, 
/**
 * Their appointments (a kiosk request's query code is on it).
 */
appointments: Array<Appointment>, };

export type ErasureReport = { 
/**
 * The person's cards (discarded drafts included).
 */
cards: number, 
/**
 * The items they raised.
 */
items: number, 
/**
 * Their appointments.
 */
appointments: number, 
/**
 * The query codes of their items and appointments whose phone digits were emptied.
 */
query_codes: number, 
/**
 * Other cards, items and appointments whose texts named them or held their phone.
 */
mentions: number, card_amendments: number, item_events: number, change_records: number, audit_entries: number, 
/**
 * The file was vacuumed and the WAL emptied into it (false: a reader held an old snapshot or
 * the vacuum failed; the erased bytes are zeroed but may stay in the WAL until the next
 * checkpoint).
 */
compacted: boolean, };

export type PrintJob = { "kind": "cards", selection: CardSelection, } | { "kind": "blank", copies: number, };

export type PrintOutcome = { 
/**
 * The PDF, base64, when the caller asked for the bytes (preview); empty otherwise.
 */
pdf_base64: string, 
/**
 * Where the PDF was written, when it was.
 */
path: string | null, page_count: number, 
/**
 * Characters the font has no glyph for; printed as 〓.
 */
missing_chars: Array<string>, };

export type SlipRequest = { "kind": "message", receipt: Receipt, category?: ItemCategory | null, } | { "kind": "appointment", receipt: AppointmentReceipt, };

export type ExportOutcome = { path: string, count: number, };

export type PrintFont = { 
/**
 * What 设置 shows: the font's family name, or the shipped font's.
 */
name: string, 
/**
 * True for the shipped Noto Serif SC.
 */
is_default: boolean, 
/**
 * The copied file's name in the files folder's `fonts/`, when a font was chosen.
 */
file: string | null, };

export type ExportFormat = "json" | "csv" | "xlsx";

export type DatedList = "news" | "activities" | "proposals";

export type ExportPurpose = { 
/**
 * Why (required unless masked): 「季度汇总上报」.
 */
reason: string, 
/**
 * Phones and addresses masked in the file.
 */
masked: boolean, };

export type ImportKind = "delegates" | "cards";

export type ImportStatus = "new" | "update" | "unchanged" | "duplicate" | "example" | "error";

export type RowError = { column: string, message: string, };

export type ImportRow = { 
/**
 * The row's number in the sheet, as Excel shows it (the header is usually row 1).
 */
row: number, status: ImportStatus, 
/**
 * The status in Chinese: 新增, 更新, 无变化, 重复, 示例行, 有错误.
 */
status_label: string, 
/**
 * The key fields, under [`ImportPreview::columns`], as parsed.
 */
cells: Array<string>, 
/**
 * Which stored record or earlier row it matched (更新, 无变化, 重复), or why it is skipped.
 */
note: string, errors: Array<RowError>, };

export type ImportPreview = { kind: ImportKind, 
/**
 * The key fields' headers shown for each row.
 */
columns: Array<string>, rows: Array<ImportRow>, added: number, updated: number, skipped: number, 
/**
 * Rows with an error: while there is one, [`commit`] writes nothing.
 */
error_rows: number, 
/**
 * Columns of the sheet the import does not know (ignored).
 */
ignored_columns: Array<string>, };

export type ImportReport = { kind: ImportKind, added: number, updated: number, skipped: number, };

export type ImportFile = { 
/**
 * The file's name (not its folder).
 */
file_name: string, preview: ImportPreview, };

export type Labelled<T> = { value: T, label: string, };

export type Bounds = { min: number, max: number, };

export type ItemStatusRule = { value: ItemStatus, label: string, 
/**
 * Not closed or declined.
 */
open: boolean, 
/**
 * Before the answer: the deadline runs (and 延期 / 待补充 apply).
 */
before_answer: boolean, 
/**
 * The steps allowed while the clock runs, in the order of [`ItemActionKind::ALL`].
 */
actions: Array<ItemActionKind>, 
/**
 * The steps allowed while paused (待补充); empty when an item in this status cannot be paused.
 */
paused_actions: Array<ItemActionKind>, };

export type ItemStepRule = { value: ItemActionKind, label: string, 
/**
 * Allowed only once the item was referred to a unit (承办单位答复).
 */
needs_referral: boolean, 
/**
 * Allowed once per item (上报组织部).
 */
once: boolean, };

export type ItemCategoryRule = { value: ItemCategory, label: string, 
/**
 * 限时办结 in working days until 设置 → 办理时限 changes it.
 */
default_days: number, };

export type SatisfactionRule = { value: Satisfaction, label: string, 
/**
 * 回访 with it closes the item (otherwise it is reopened).
 */
closes: boolean, };

export type ItemLimits = { title: number, content: number, 
/**
 * Answers, feedback, reasons and notes of the steps.
 */
text: number, person_name: number, contact: number, first_responder: number, 
/**
 * 承办单位 of a referral.
 */
unit: number, 
/**
 * 承办党代表 per item.
 */
delegates: number, 
/**
 * 延期, in working days.
 */
extend_days: Bounds, 
/**
 * 设置 → 办理时限: a category's working days.
 */
category_days: Bounds, 
/**
 * 设置 → 办理时限: 长期待补充 after this many working days.
 */
long_pause_days: Bounds, };

export type ItemRules = { statuses: Array<ItemStatusRule>, steps: Array<ItemStepRule>, categories: Array<ItemCategoryRule>, sources: Array<Labelled<ItemSource>>, satisfactions: Array<SatisfactionRule>, event_kinds: Array<Labelled<ItemEventKind>>, deadline_states: Array<Labelled<ItemDeadlineState>>, 
/**
 * 设置 → 办理时限 until changed (version 0).
 */
default_deadlines: ItemDeadlines, 
/**
 * At most this many working days left is 即将到期.
 */
due_soon_workdays: number, limits: ItemLimits, };

export type CardDeadlineRule = { value: DeadlineState, label: string, 
/**
 * Lists and 工作台 flag it.
 */
flagged: boolean, };

export type CardLimits = { person_name: number, unit_position: number, address: number, channel_other: number, 
/**
 * 意见建议 and 处理意见.
 */
text: number, 
/**
 * 更正原因.
 */
reason: number, age: Bounds, group_size: Bounds, 
/**
 * Blank cards printed at once.
 */
blank_copies: Bounds, };

export type CardRules = { 
/**
 * In the order the paper card prints them.
 */
channels: Array<Labelled<Channel>>, political_statuses: Array<Labelled<PoliticalStatus>>, statuses: Array<Labelled<CardStatus>>, deadline_states: Array<CardDeadlineRule>, 
/**
 * A card is due at the studio this many working days after the feedback.
 */
filing_workdays: number, 
/**
 * A draft with at most this many working days left is 即将到期.
 */
due_soon_workdays: number, limits: CardLimits, };

export type RosterLimits = { delegation_name: number, delegation_note: number, name: number, unit: number, position: number, email: number, bio: number, pledge: number, term: number, 
/**
 * 排序号.
 */
display_order: Bounds, 
/**
 * An uploaded photo, in bytes.
 */
photo_bytes: number, };

export type RosterRules = { genders: Array<Labelled<Gender>>, statuses: Array<Labelled<DelegateStatus>>, limits: RosterLimits, };

export type SettingsLimits = { studio_name: number, hotline: number, 
/**
 * 开放时间, in characters.
 */
opening_hours: number, 
/**
 * 工作室简介, in characters.
 */
studio_intro: number, 
/**
 * The kiosk's idle time before it clears the screen, in seconds.
 */
kiosk_idle_seconds: Bounds, idle_lock_minutes: Bounds, audit_retention_months: Bounds, 
/**
 * 自动备份: how many archives to keep.
 */
backup_keep: Bounds, };

export type CodeLabel = { code: string, label: string, };

export type RolePermissions = { role: Role, permissions: Array<Permission>, };

export type AccountRules = { account_roles: Array<Labelled<Role>>, permissions: Array<RolePermissions>, login_max: number, name_max: number, password_min: number, max_failed_attempts: number, lockout_minutes: number, audit_areas: Array<CodeLabel>, audit_actions: Array<CodeLabel>, audit_results: Array<Labelled<AuditResult>>, };

export type CalendarRules = { override_kinds: Array<Labelled<OverrideKind>>, 
/**
 * An override's note, in characters.
 */
note: number, 
/**
 * The years an override or a month view may name.
 */
years: Bounds, };

export type ScheduleLimits = { 
/**
 * Delegates on duty in one slot.
 */
delegates: Bounds, place_note: number, note: number, };

export type ScheduleRules = { places: Array<Labelled<Place>>, copy_modes: Array<Labelled<CopyMode>>, limits: ScheduleLimits, };

export type AppointmentStatusRule = { value: AppointmentStatus, label: string, 
/**
 * In the order of [`AppointmentStep::ALL`].
 */
steps: Array<AppointmentStep>, 
/**
 * Its time, place and topic may still be changed.
 */
editable: boolean, };

export type AppointmentLimits = { person_name: number, place: number, topic: number, note: number, 
/**
 * 取消原因.
 */
reason: number, };

export type AppointmentRules = { statuses: Array<AppointmentStatusRule>, steps: Array<Labelled<AppointmentStep>>, directions: Array<Labelled<AppointmentDirection>>, sources: Array<Labelled<AppointmentSource>>, 
/**
 * What the form's 地点 holds until changed.
 */
default_place: string, limits: AppointmentLimits, };

export type KioskRules = { 
/**
 * 有事找代表: 姓名, in characters.
 */
message_name: number, 
/**
 * 有事找代表: 留言内容, in characters.
 */
message_text: number, 
/**
 * Characters of a query code without its dash (shown as two groups: `K7QM-3XPA`).
 */
query_code_chars: number, 
/**
 * The characters a query code is made of.
 */
query_code_alphabet: string, 
/**
 * The last digits of the phone that open 查询进度.
 */
phone_digits: number, query_kinds: Array<Labelled<QueryKind>>, 
/**
 * 约见党代表: the half-days a visitor chooses from, with the time each stands for.
 */
day_periods: Array<DayPeriodRule>, 
/**
 * 约见党代表: the latest day that may be asked for, in days after today.
 */
request_days_ahead: number, 
/**
 * 约见党代表: 约见事由, in characters (姓名 as `appointments.limits.person_name`).
 */
request_topic: number, };

export type DayPeriodRule = { value: DayPeriod, label: string, 
/**
 * `HH:MM`.
 */
start: string, end: string, };

export type SearchRules = { 
/**
 * The longest search text, in characters.
 */
max_chars: number, 
/**
 * The most words in one search.
 */
max_words: number, };

export type ErrorCodeRule = { code: string, 
/**
 * What it means, in general (the error's own message says more).
 */
message: string, };

export type StudioLimits = { news_title: number, news_author: number, news_images: number, markdown: number, wall_title: number, volunteer_name: number, volunteer_unit: number, volunteer_contact: number, volunteer_notes: number, fund_purpose: number, fund_activity: number, receipt_mb: number, years: Bounds, 
/**
 * 代表回复's public question and answer.
 */
public_question: number, public_answer: number, };

export type StudioRules = { news_statuses: Array<Labelled<NewsStatus>>, wall_kinds: Array<Labelled<WallKind>>, 
/**
 * Each placeholder a wall template may use, and what it becomes.
 */
wall_placeholders: Array<CodeLabel>, volunteer_roles: Array<Labelled<VolunteerRole>>, volunteer_statuses: Array<Labelled<VolunteerStatus>>, fund_sources: Array<Labelled<FundSource>>, 
/**
 * 代表回复: where a consenting message stands (issue 13).
 */
publication_states: Array<Labelled<PublicationState>>, limits: StudioLimits, };

export type Rules = { roles: Array<Labelled<Role>>, roster: RosterRules, cards: CardRules, items: ItemRules, settings: SettingsLimits, accounts: AccountRules, calendar: CalendarRules, schedule: ScheduleRules, appointments: AppointmentRules, kiosk: KioskRules, studio: StudioRules, search: SearchRules, errors: Array<ErrorCodeRule>, proposals: ProposalRules, activities: ActivityRules, };

export type Period = { from?: string | null, to?: string | null, };

export type ChannelCounts = { 
/**
 * 党代表工作室
 */
studio: number, 
/**
 * 网上工作室
 */
online: number, 
/**
 * 约见
 */
appointment: number, 
/**
 * 走访慰问
 */
home_visit: number, 
/**
 * 其他形式
 */
other: number, };

export type CategoryCounts = { policy_inquiry: number, implementation: number, party_building: number, public_opinion: number, rights: number, hardship: number, };

export type SummaryFigures = { 
/**
 * Cards whose contact date is in the period, drafts included.
 */
contacts: number, by_channel: ChannelCounts, 
/**
 * People reached: the cards' group sizes added up.
 */
people: number, 
/**
 * Items received in the period.
 */
items: number, by_category: CategoryCounts, 
/**
 * Of those, answered (an answer recorded).
 */
answered: number, 
/**
 * Of those, closed (办结).
 */
closed: number, 
/**
 * Of the closed, answered by their deadline.
 */
closed_on_time: number, 
/**
 * `closed_on_time / closed`, 0–1 to four decimals; `null` when none is closed.
 */
on_time_rate?: number | null, 
/**
 * Working days from receipt to closing, on average over the closed (one decimal); `null`
 * when none is closed.
 */
avg_days_to_close?: number | null, 
/**
 * Follow-up satisfaction: 满意, 基本满意, 不满意.
 */
satisfied: number, basically_satisfied: number, unsatisfied: number, 
/**
 * Cards of the period filed after their deadline.
 */
late_cards: number, 
/**
 * 走访调研 the delegate took part in (activities of kind `field_survey` starting in the period).
 */
surveys: number, 
/**
 * 提议 drafted in the period, each counted once: for the first handling delegate of its first
 * linked item (so rows add up to the subtotals and the total).
 */
proposals: number, };

export type SummaryRow = { 
/**
 * The delegate's name.
 */
delegate: string, delegate_id: string, 
/**
 * Their delegation's name.
 */
delegation: string, delegation_id: string, 
/**
 * Cards whose contact date is in the period, drafts included.
 */
contacts: number, by_channel: ChannelCounts, 
/**
 * People reached: the cards' group sizes added up.
 */
people: number, 
/**
 * Items received in the period.
 */
items: number, by_category: CategoryCounts, 
/**
 * Of those, answered (an answer recorded).
 */
answered: number, 
/**
 * Of those, closed (办结).
 */
closed: number, 
/**
 * Of the closed, answered by their deadline.
 */
closed_on_time: number, 
/**
 * `closed_on_time / closed`, 0–1 to four decimals; `null` when none is closed.
 */
on_time_rate?: number | null, 
/**
 * Working days from receipt to closing, on average over the closed (one decimal); `null`
 * when none is closed.
 */
avg_days_to_close?: number | null, 
/**
 * Follow-up satisfaction: 满意, 基本满意, 不满意.
 */
satisfied: number, basically_satisfied: number, unsatisfied: number, 
/**
 * Cards of the period filed after their deadline.
 */
late_cards: number, 
/**
 * 走访调研 the delegate took part in (activities of kind `field_survey` starting in the period).
 */
surveys: number, 
/**
 * 提议 drafted in the period, each counted once: for the first handling delegate of its first
 * linked item (so rows add up to the subtotals and the total).
 */
proposals: number, };

export type DelegationSubtotal = { delegation: string, delegation_id: string, 
/**
 * Cards whose contact date is in the period, drafts included.
 */
contacts: number, by_channel: ChannelCounts, 
/**
 * People reached: the cards' group sizes added up.
 */
people: number, 
/**
 * Items received in the period.
 */
items: number, by_category: CategoryCounts, 
/**
 * Of those, answered (an answer recorded).
 */
answered: number, 
/**
 * Of those, closed (办结).
 */
closed: number, 
/**
 * Of the closed, answered by their deadline.
 */
closed_on_time: number, 
/**
 * `closed_on_time / closed`, 0–1 to four decimals; `null` when none is closed.
 */
on_time_rate?: number | null, 
/**
 * Working days from receipt to closing, on average over the closed (one decimal); `null`
 * when none is closed.
 */
avg_days_to_close?: number | null, 
/**
 * Follow-up satisfaction: 满意, 基本满意, 不满意.
 */
satisfied: number, basically_satisfied: number, unsatisfied: number, 
/**
 * Cards of the period filed after their deadline.
 */
late_cards: number, 
/**
 * 走访调研 the delegate took part in (activities of kind `field_survey` starting in the period).
 */
surveys: number, 
/**
 * 提议 drafted in the period, each counted once: for the first handling delegate of its first
 * linked item (so rows add up to the subtotals and the total).
 */
proposals: number, };

export type Summary = { from: string, to: string, 
/**
 * One per delegate, in roster order.
 */
rows: Array<SummaryRow>, 
/**
 * One per delegation, in roster order.
 */
delegations: Array<DelegationSubtotal>, 
/**
 * The sum of the delegations.
 */
total: SummaryFigures, 
/**
 * Items received in the period not yet routed to a delegate (待分派), in no row; 0 for a
 * head or a delegate.
 */
unrouted_items: number, };

export type UnitFigures = { 
/**
 * Items referred (交办) in the period.
 */
referred: number, 
/**
 * Of those, answered by the unit.
 */
answered: number, 
/**
 * Of the answered, by the unit's deadline.
 */
answered_on_time: number, 
/**
 * `answered_on_time / answered`, 0–1; `null` when none is answered.
 */
on_time_rate?: number | null, 
/**
 * Working days from referral to the unit's answer, on average; `null` when none is answered.
 */
avg_days?: number | null, satisfied: number, basically_satisfied: number, unsatisfied: number, };

export type UnitRow = { unit: string, 
/**
 * Items referred (交办) in the period.
 */
referred: number, 
/**
 * Of those, answered by the unit.
 */
answered: number, 
/**
 * Of the answered, by the unit's deadline.
 */
answered_on_time: number, 
/**
 * `answered_on_time / answered`, 0–1; `null` when none is answered.
 */
on_time_rate?: number | null, 
/**
 * Working days from referral to the unit's answer, on average; `null` when none is answered.
 */
avg_days?: number | null, satisfied: number, basically_satisfied: number, unsatisfied: number, };

export type UnitsReport = { from: string, to: string, rows: Array<UnitRow>, total: UnitFigures, };

export type ProposalStatus = "draft" | "discussed" | "submitted" | "referred" | "answered" | "evaluated" | "closed" | "declined";

export type ProposalUnit = { 
/**
 * 承办单位, e.g. 后勤管理处.
 */
unit: string, 
/**
 * The start of the current round: the referral, or the 不满意 evaluation that sent it back.
 */
referred_on: string, 
/**
 * Working days the unit has to answer.
 */
limit_days: number, 
/**
 * `referred_on` + `limit_days` working days, by the studio's calendar.
 */
due_on: string, 
/**
 * 1, 2, …: how many times the unit was asked (a 不满意 evaluation asks again).
 */
rounds: number, answer: string, answered_on: string | null, 
/**
 * The evaluation of this round's answer (`None` until evaluated).
 */
satisfaction: Satisfaction | null, evaluation_note: string, evaluated_on: string | null, 
/**
 * As of the day read: before the answer on track / due soon / overdue; after it met / late.
 */
deadline: ItemDeadlineState, 
/**
 * Working days left to `due_on` (negative: overdue) while unanswered.
 */
days_left: number | null, };

export type ProposalItemRef = { id: string, 
/**
 * The item's 编号 (`no` in the items export).
 */
no: string, title: string, status: ItemStatus, };

export type Proposal = { id: string, 
/**
 * 编号 `YYYY-NNNN` by the year drafted.
 */
no: string, status: ProposalStatus, delegation_id: string, delegation_name: string, title: string, 
/**
 * 问题.
 */
problem: string, 
/**
 * 建议.
 */
suggestion: string, drafted_on: string, 
/**
 * 团内讨论.
 */
discussed_on: string | null, discussion_participants: string, discussion_outcome: string, submitted_on: string | null, referred_on: string | null, closed_on: string | null, close_note: string, declined_on: string | null, decline_reason: string, chase_count: number, items: Array<ProposalItemRef>, units: Array<ProposalUnit>, 
/**
 * The worst of the unanswered units' states while referred (overdue before due soon before on
 * track); `None` otherwise.
 */
deadline: ItemDeadlineState, 
/**
 * The earliest due date of an unanswered unit.
 */
due_on: string | null, created_at: string, updated_at: string, version: number, };

export type ProposalInput = { 
/**
 * Empty: the actor's own delegation (a head); staff choose one.
 */
delegation_id: string, title: string, problem: string, suggestion: string, 
/**
 * The ledger items it comes from (at least one).
 */
item_ids: Array<string>, 
/**
 * `YYYY-MM-DD`; empty: today.
 */
drafted_on: string, };

export type UnitReferral = { unit: string, days: number, };

export type ProposalAction = { "kind": "discuss", participants: string, outcome: string, on: string, } | { "kind": "submit", on: string, } | { "kind": "refer", units: Array<UnitReferral>, on: string, } | { "kind": "answer", unit: string, answer: string, on: string, } | { "kind": "evaluate", unit: string, satisfaction: Satisfaction, note: string, on: string, } | { "kind": "close", note: string, on: string, } | { "kind": "decline", reason: string, on: string, } | { "kind": "chase", unit: string, note: string, on: string, } | { "kind": "note", note: string, on: string, };

export type ProposalActionKind = "discuss" | "submit" | "refer" | "answer" | "evaluate" | "close" | "decline" | "chase" | "note";

export type ProposalEventKind = "drafted" | "edited" | "discuss" | "submit" | "refer" | "answer" | "evaluate" | "sent_back" | "close" | "decline" | "chase" | "note";

export type ProposalEvent = { id: string, proposal_id: string, 
/**
 * UTC, RFC 3339.
 */
at: string, 
/**
 * The day it happened.
 */
on: string, actor: string, actor_role: Role, kind: ProposalEventKind, 
/**
 * The status after this step.
 */
status: ProposalStatus, text: string, data: JsonValue, };

export type ProposalDetail = { proposal: Proposal, timeline: Array<ProposalEvent>, allowed: Array<ProposalActionKind>, };

export type ProposalListItem = { id: string, no: string, status: ProposalStatus, title: string, delegation_id: string, delegation_name: string, drafted_on: string, 
/**
 * The units' names, joined with `、`.
 */
units: string, 
/**
 * Units answered / referred.
 */
answered: number, referred: number, item_count: number, deadline: ItemDeadlineState, due_on: string | null, chase_count: number, };

export type ProposalView = "open" | "due_soon" | "overdue";

export type ProposalQuery = { 
/**
 * Words in the number, title, problem, suggestion or a unit's name (all must occur).
 */
q: string, status: ProposalStatus | null, delegation_id: string | null, view: ProposalView | null, 
/**
 * Drafted from / to (inclusive).
 */
from: string | null, to: string | null, page: PageRequest, };

export type ProposalCounts = { open: number, 
/**
 * Referred and waiting for an answer.
 */
referred: number, due_soon: number, overdue: number, closed_this_year: number, };

export type ProposalRef = { id: string, no: string, title: string, status: ProposalStatus, };

export type ProposalStatusRule = { value: ProposalStatus, label: string, open: boolean, 
/**
 * Its texts and items may be edited.
 */
editable: boolean, actions: Array<ProposalActionKind>, };

export type ProposalStepRule = { value: ProposalActionKind, label: string, 
/**
 * The Organization Department's step (`Supervise`); otherwise the delegation's.
 */
staff: boolean, };

export type ProposalLimits = { title: number, 
/**
 * 问题, 建议.
 */
body: number, participants: number, 
/**
 * Answers, outcomes, reasons and notes.
 */
text: number, unit: number, items: number, units: number, 
/**
 * A unit's working days.
 */
unit_days: Bounds, };

export type ProposalRules = { statuses: Array<ProposalStatusRule>, steps: Array<ProposalStepRule>, event_kinds: Array<Labelled<ProposalEventKind>>, limits: ProposalLimits, };

export type ActivityKind = "forum" | "field_survey" | "training" | "visit" | "reception_day" | "other";

export type ActivityDelegate = { delegate_id: string, name: string, };

export type InvitedUnit = { unit: string, head: string, };

export type Attachment = { id: string, 
/**
 * The name it had when added.
 */
file_name: string, 
/**
 * Bytes.
 */
size: number, added_at: string, added_by: string, };

export type Activity = { id: string, kind: ActivityKind, topic: string, start_on: string, 
/**
 * The last day (the first for a one-day activity).
 */
end_on: string, place: string, 
/**
 * The organising delegation; `None`: the studio.
 */
delegation_id: string | null, 
/**
 * The delegation's name, or 工作室.
 */
organiser: string, delegates: Array<ActivityDelegate>, units: Array<InvitedUnit>, summary: string, 
/**
 * The ledger items raised (their `no` as in the items export).
 */
items: Array<ProposalItemRef>, 
/**
 * The proposals those items went into.
 */
proposals: Array<ProposalRef>, attachments: Array<Attachment>, created_at: string, updated_at: string, version: number, };

export type ActivityInput = { kind: ActivityKind | null, topic: string, 
/**
 * `YYYY-MM-DD`.
 */
start_on: string, 
/**
 * Empty: the same day as `start_on`.
 */
end_on: string, place: string, 
/**
 * Empty / `None`: the studio organised it.
 */
delegation_id?: string | null, delegate_ids: Array<string>, units: Array<InvitedUnit>, summary: string, item_ids: Array<string>, };

export type ActivityListItem = { id: string, kind: ActivityKind, topic: string, start_on: string, end_on: string, place: string, delegation_id: string | null, organiser: string, 
/**
 * The delegates' names, joined with `、`.
 */
delegate_names: string, item_count: number, attachment_count: number, };

export type ActivityQuery = { 
/**
 * Words in the topic, place, summary or a unit's name (all must occur).
 */
q: string, kind: ActivityKind | null, delegation_id: string | null, 
/**
 * Held from / to (inclusive, by the first day).
 */
from: string | null, to: string | null, page: PageRequest, };

export type SurveyLight = "green" | "amber" | "red";

export type SurveyIndicator = { delegation_id: string, delegation_name: string, year: number, light: SurveyLight, 
/**
 * Field surveys held this year up to today.
 */
surveys: number, 
/**
 * The latest of them.
 */
last_on: string | null, };

export type ActivityRef = { id: string, kind: ActivityKind, topic: string, start_on: string, };

export type ActivityLimits = { topic: number, place: number, summary: number, unit: number, head: number, delegates: number, units: number, items: number, 
/**
 * Longest activity, in days.
 */
days: number, attachment_bytes: number, attachments: number, file_name: number, 
/**
 * Accepted file extensions (lower case, no dot).
 */
extensions: Array<string>, };

export type ActivityRules = { kinds: Array<Labelled<ActivityKind>>, 
/**
 * The kind the yearly survey indicator counts.
 */
survey_kind: ActivityKind, lights: Array<Labelled<SurveyLight>>, 
/**
 * The survey indicator turns red from this day of the year (`MM-DD`) without a survey.
 */
red_from: string, limits: ActivityLimits, };

export type News = { id: string, title: string, 
/**
 * `YYYY-MM-DD`: the day the news is dated.
 */
date: string, author: string, 
/**
 * Markdown.
 */
body: string, 
/**
 * File names in the files folder's `news/`, in display order.
 */
images: Array<string>, published: boolean, 
/**
 * When it was first published (UTC RFC 3339).
 */
published_at: string | null, created_at: string, updated_at: string, version: number, };

export type NewsDetail = { news: News, 
/**
 * The body as safe HTML ([`crate::markdown::to_html`]).
 */
html: string, };

export type NewsSummary = { id: string, title: string, date: string, author: string, published: boolean, image_count: number, 
/**
 * The body's first characters as plain text.
 */
excerpt: string, updated_at: string, version: number, };

export type PublicNews = { id: string, title: string, date: string, author: string, html: string, images: Array<string>, };

export type NewsInput = { title: string, date: string, author: string, body: string, published: boolean, };

export type NewsStatus = "draft" | "published";

export type NewsQuery = { 
/**
 * Words in the title, author or body (bounded like every search).
 */
q: string | null, status: NewsStatus | null, 
/**
 * `YYYY-MM-DD`, inclusive.
 */
from: string | null, to: string | null, page: PageRequest, };

export type WallKind = "rules" | "workflow" | "duties" | "pledge" | "sign" | "roster" | "plan";

export type WallDocRow = { kind: WallKind, title: string, 
/**
 * Markdown with placeholders.
 */
body: string, updated_at: string, version: number, };

export type WallDocView = { kind: WallKind, label: string, template: WallDocRow, 
/**
 * The title with its placeholders filled.
 */
title: string, 
/**
 * The body filled and rendered as safe HTML.
 */
html: string, };

export type WallDocInput = { title: string, body: string, };

export type VolunteerRole = "liaison" | "volunteer";

export type VolunteerStatus = "party_member" | "probationary_member" | "activist" | "league_member" | "masses" | "other";

export type Volunteer = { id: string, name: string, unit: string, 
/**
 * A phone number or an e-mail address.
 */
contact: string, political_status: VolunteerStatus, role: VolunteerRole, 
/**
 * `YYYY-MM-DD`.
 */
since: string, 
/**
 * `YYYY-MM-DD`; empty while serving.
 */
until: string | null, notes: string, created_at: string, updated_at: string, version: number, };

export type VolunteerListItem = { id: string, name: string, unit: string, contact_masked: string, political_status: VolunteerStatus, role: VolunteerRole, since: string, until: string | null, active: boolean, notes: string, version: number, };

export type VolunteerInput = { name: string, unit: string, contact: string, political_status: VolunteerStatus | null, role: VolunteerRole | null, since: string, 
/**
 * Empty or absent while serving.
 */
until: string | null, notes: string, };

export type VolunteerQuery = { 
/**
 * Words in the name, unit or notes.
 */
q: string | null, role: VolunteerRole | null, political_status: VolunteerStatus | null, 
/**
 * Only those serving on the context's day.
 */
active_only: boolean, page: PageRequest, };

export type FundSource = "college" | "party_fee";

export type Budget = { year: number, source: FundSource, amount_fen: number, note: string, updated_at: string, 
/**
 * 0 while no budget was set.
 */
version: number, };

export type BudgetInput = { year: number, source: FundSource | null, 
/**
 * Yuan as typed ("12000", "12,000.00").
 */
amount: string, note: string, };

export type Spending = { id: string, date: string, purpose: string, amount_fen: number, source: FundSource, 
/**
 * The activity it was spent on (its id or number), when there is one.
 */
activity_id: string, 
/**
 * The scanned receipt's file name in the files folder's `receipts/`.
 */
receipt: string | null, created_at: string, updated_at: string, version: number, };

export type SpendingInput = { date: string, purpose: string, 
/**
 * Yuan as typed.
 */
amount: string, source: FundSource | null, activity_id: string, };

export type SpendingQuery = { year: number | null, source: FundSource | null, 
/**
 * Words in the purpose or the activity.
 */
q: string | null, page: PageRequest, };

export type SpendingPage = { page: Page<Spending>, sum_fen: number, };

export type StatementLine = { source: FundSource | null, label: string, budget_fen: number, spent_fen: number, 
/**
 * Budget less spent; negative when overspent.
 */
left_fen: number, entries: number, };

export type Statement = { year: number, lines: Array<StatementLine>, total: StatementLine, 
/**
 * The year's entries, by date.
 */
spendings: Array<Spending>, };

export type ChartMonth = { 
/**
 * `YYYY-MM`.
 */
month: string, 
/**
 * The month's first day in the period, `YYYY-MM-DD`.
 */
from: string, 
/**
 * The month's last day in the period.
 */
to: string, 
/**
 * Items received in the month, by category.
 */
by_category: CategoryCounts, 
/**
 * Items closed (办结) in the month.
 */
closed: number, 
/**
 * Of those, answered by their deadline (按期答复).
 */
closed_on_time: number, 
/**
 * `closed_on_time / closed`, 0–1; `null` when none was closed in the month.
 */
on_time_rate?: number | null, };

export type ChartDelegation = { delegation_id: string, delegation: string, items: number, closed: number, closed_on_time: number, };

export type DashboardCharts = { from: string, to: string, 
/**
 * Every month of the period, oldest first.
 */
months: Array<ChartMonth>, 
/**
 * The delegations with items in the period, in roster order.
 */
delegations: Array<ChartDelegation>, 
/**
 * Cards whose contact date is in the period (drafts included), by channel.
 */
channels: ChannelCounts, };

export type PublicAnswer = { category: ItemCategory, category_label: string, 
/**
 * The question as staff edited it for publication.
 */
question: string, 
/**
 * The handling delegates' names (`、` between them).
 */
delegate_names: string, 
/**
 * The answer as staff checked it for publication.
 */
answer: string, 
/**
 * `YYYY-MM-DD`: received, answered, published (the last publication, Shanghai day).
 */
received_on: string, answered_on: string, published_on: string, };

export type PublicAnswerQuery = { q: string, category?: ItemCategory | null, 
/**
 * 1-based (0 is the first page).
 */
page: number, };

export type PublicationState = "none" | "draft" | "published" | "withdrawn";

export type PublicationQuery = { 
/**
 * Only the answered ones (those that can be published).
 */
answered_only: boolean, 
/**
 * Only those standing so with 代表回复.
 */
state?: PublicationState | null, page: PageRequest, };

export type PublicationRow = { item_id: string, no: string, title: string, category: ItemCategory, source: ItemSource, status: ItemStatus, delegate_names: string, received_on: string, answered_on: string | null, state: PublicationState, };

export type PublicationForm = { item_id: string, no: string, category: ItemCategory, 
/**
 * The writer's text and the delegate's answer as stored (staff's, never public).
 */
original_question: string, original_answer: string, answered_on: string | null, delegate_names: string, 
/**
 * The public texts: saved ones, or the originals to start from.
 */
question: string, answer: string, state: PublicationState, 
/**
 * The public row's version (0: none saved yet), for the next save.
 */
version: number, 
/**
 * Why it cannot be published now (not answered, declined…); `None` when it can.
 */
blocked: string | null, };

export type PublicationInput = { question: string, answer: string, };

export type Publication = { item_id: string, question: string, answer: string, published: boolean, first_published_at: string | null, published_at: string | null, created_at: string, updated_at: string, version: number, };
