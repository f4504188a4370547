//! The rules a front end shows, as one value built from the core's own definitions (DESIGN.md,
//! invariant 13): labels of every code, the steps each item status allows (asked of
//! [`items::flow`], so they cannot drift from what the service accepts), default deadlines, field
//! limits, search bounds and error codes. `bindings::rules_typescript` writes it into the UI as
//! `ui/src/api/rules.ts`; the UI reads it there and restates none of it.
//!
//! Nothing here is a second copy: each value is read from the constant, `label()` or function the
//! validators and services use.

use serde::Serialize;
use ts_rs::TS;

use crate::accounts;
use crate::actor::{Permission, Role};
use crate::appointments::{
    self, flow as appointment_flow, AppointmentDirection, AppointmentSource, AppointmentStatus,
    AppointmentStep,
};
use crate::audit_log::{self, AuditResult};
use crate::calendar::service as calendar_service;
use crate::calendar::OverrideKind;
use crate::cards::{self, CardStatus, Channel, DeadlineState, PoliticalStatus};
use crate::error::ERROR_CODES;
use crate::items::{
    self, flow, ItemAction, ItemActionKind, ItemCategory, ItemDeadlineState, ItemDeadlines,
    ItemEventKind, ItemSource, ItemStatus, Satisfaction,
};
use crate::kiosk::{self, DayPeriod, QueryKind};
use crate::roster::{self, DelegateStatus, Gender};
use crate::schedule::{self, CopyMode, Place};
use crate::{printing, settings, validate};

/// A code and the words users read for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Labelled<T> {
    pub value: T,
    pub label: String,
}

pub(crate) fn labelled<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<Labelled<T>> {
    all.iter()
        .map(|&value| Labelled {
            value,
            label: label(value).to_string(),
        })
        .collect()
}

/// An inclusive range of whole numbers a field accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Bounds {
    pub min: i64,
    pub max: i64,
}

/// One item status: its label, and the steps the status flow allows in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ItemStatusRule {
    pub value: ItemStatus,
    pub label: String,
    /// Not closed or declined.
    pub open: bool,
    /// Before the answer: the deadline runs (and 延期 / 待补充 apply).
    pub before_answer: bool,
    /// The steps allowed while the clock runs, in the order of [`ItemActionKind::ALL`].
    pub actions: Vec<ItemActionKind>,
    /// The steps allowed while paused (待补充); empty when an item in this status cannot be paused.
    pub paused_actions: Vec<ItemActionKind>,
}

/// One step (交办, 答复, …) and what it needs beyond the status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ItemStepRule {
    pub value: ItemActionKind,
    pub label: String,
    /// Allowed only once the item was referred to a unit (承办单位答复).
    pub needs_referral: bool,
    /// Allowed once per item (上报组织部).
    pub once: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ItemCategoryRule {
    pub value: ItemCategory,
    pub label: String,
    /// 限时办结 in working days until 设置 → 办理时限 changes it.
    pub default_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SatisfactionRule {
    pub value: Satisfaction,
    pub label: String,
    /// 回访 with it closes the item (otherwise it is reopened).
    pub closes: bool,
}

/// Field limits of the item form and the steps' dialogs, in characters unless said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ItemLimits {
    pub title: u32,
    pub content: u32,
    /// Answers, feedback, reasons and notes of the steps.
    pub text: u32,
    pub person_name: u32,
    pub contact: u32,
    pub first_responder: u32,
    /// 承办单位 of a referral.
    pub unit: u32,
    /// 承办党代表 per item.
    pub delegates: u32,
    /// 延期, in working days.
    pub extend_days: Bounds,
    /// 设置 → 办理时限: a category's working days.
    pub category_days: Bounds,
    /// 设置 → 办理时限: 长期待补充 after this many working days.
    pub long_pause_days: Bounds,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ItemRules {
    pub statuses: Vec<ItemStatusRule>,
    pub steps: Vec<ItemStepRule>,
    pub categories: Vec<ItemCategoryRule>,
    pub sources: Vec<Labelled<ItemSource>>,
    pub satisfactions: Vec<SatisfactionRule>,
    pub event_kinds: Vec<Labelled<ItemEventKind>>,
    pub deadline_states: Vec<Labelled<ItemDeadlineState>>,
    /// 设置 → 办理时限 until changed (version 0).
    pub default_deadlines: ItemDeadlines,
    /// At most this many working days left is 即将到期.
    pub due_soon_workdays: u32,
    pub limits: ItemLimits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CardDeadlineRule {
    pub value: DeadlineState,
    pub label: String,
    /// Lists and 工作台 flag it.
    pub flagged: bool,
}

/// Field limits of the card form, in characters unless said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CardLimits {
    pub person_name: u32,
    pub unit_position: u32,
    pub address: u32,
    pub channel_other: u32,
    /// 意见建议 and 处理意见.
    pub text: u32,
    /// 更正原因.
    pub reason: u32,
    pub age: Bounds,
    pub group_size: Bounds,
    /// Blank cards printed at once.
    pub blank_copies: Bounds,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CardRules {
    /// In the order the paper card prints them.
    pub channels: Vec<Labelled<Channel>>,
    pub political_statuses: Vec<Labelled<PoliticalStatus>>,
    pub statuses: Vec<Labelled<CardStatus>>,
    pub deadline_states: Vec<CardDeadlineRule>,
    /// A card is due at the studio this many working days after the feedback.
    pub filing_workdays: u32,
    /// A draft with at most this many working days left is 即将到期.
    pub due_soon_workdays: u32,
    pub limits: CardLimits,
}

/// Field limits of the roster's forms, in characters unless said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RosterLimits {
    pub delegation_name: u32,
    pub delegation_note: u32,
    pub name: u32,
    pub unit: u32,
    pub position: u32,
    pub email: u32,
    pub bio: u32,
    pub pledge: u32,
    pub term: u32,
    /// 排序号.
    pub display_order: Bounds,
    /// An uploaded photo, in bytes.
    pub photo_bytes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RosterRules {
    pub genders: Vec<Labelled<Gender>>,
    pub statuses: Vec<Labelled<DelegateStatus>>,
    pub limits: RosterLimits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SettingsLimits {
    pub studio_name: u32,
    pub hotline: u32,
    /// 开放时间, in characters.
    pub opening_hours: u32,
    /// 工作室简介, in characters.
    pub studio_intro: u32,
    /// The kiosk's idle time before it clears the screen, in seconds.
    pub kiosk_idle_seconds: Bounds,
    pub idle_lock_minutes: Bounds,
    pub audit_retention_months: Bounds,
    /// 自动备份: how many archives to keep.
    pub backup_keep: Bounds,
}

/// Accounts and the audit log: the roles an account can have, what each role may do (the UI shows
/// only what the core would allow; the core checks it anyway), field limits, the audit log's areas,
/// actions and results with their Chinese names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccountRules {
    pub account_roles: Vec<Labelled<Role>>,
    pub permissions: Vec<RolePermissions>,
    pub login_max: u32,
    pub name_max: u32,
    pub password_min: u32,
    pub max_failed_attempts: u32,
    pub lockout_minutes: u32,
    pub audit_areas: Vec<CodeLabel>,
    pub audit_actions: Vec<CodeLabel>,
    pub audit_results: Vec<Labelled<AuditResult>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RolePermissions {
    pub role: Role,
    pub permissions: Vec<Permission>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CodeLabel {
    pub code: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CalendarRules {
    pub override_kinds: Vec<Labelled<OverrideKind>>,
    /// An override's note, in characters.
    pub note: u32,
    /// The years an override or a month view may name.
    pub years: Bounds,
}

/// The visitor kiosk: the message form's limits and the query code's shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KioskRules {
    /// 有事找代表: 姓名, in characters.
    pub message_name: u32,
    /// 有事找代表: 留言内容, in characters.
    pub message_text: u32,
    /// Characters of a query code without its dash (shown as two groups: `K7QM-3XPA`).
    pub query_code_chars: u32,
    /// The characters a query code is made of.
    pub query_code_alphabet: String,
    /// The last digits of the phone that open 查询进度.
    pub phone_digits: u32,
    pub query_kinds: Vec<Labelled<QueryKind>>,
    /// 约见党代表: the half-days a visitor chooses from, with the time each stands for.
    pub day_periods: Vec<DayPeriodRule>,
    /// 约见党代表: the latest day that may be asked for, in days after today.
    pub request_days_ahead: u32,
    /// 约见党代表: 约见事由, in characters (姓名 as `appointments.limits.person_name`).
    pub request_topic: u32,
}

/// A half-day of 约见党代表 and the appointment's time it becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DayPeriodRule {
    pub value: DayPeriod,
    pub label: String,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
}

/// Field limits of the schedule's slot form, in characters unless said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScheduleLimits {
    /// Delegates on duty in one slot.
    pub delegates: Bounds,
    pub place_note: u32,
    pub note: u32,
}

/// The reception schedule (接待安排): places, copy-forward modes, limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScheduleRules {
    pub places: Vec<Labelled<Place>>,
    pub copy_modes: Vec<Labelled<CopyMode>>,
    pub limits: ScheduleLimits,
}

/// One appointment status: its label, the steps the flow allows in it, whether it may be edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppointmentStatusRule {
    pub value: AppointmentStatus,
    pub label: String,
    /// In the order of [`AppointmentStep::ALL`].
    pub steps: Vec<AppointmentStep>,
    /// Its time, place and topic may still be changed.
    pub editable: bool,
}

/// Field limits of the appointment form, in characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppointmentLimits {
    pub person_name: u32,
    pub place: u32,
    pub topic: u32,
    pub note: u32,
    /// 取消原因.
    pub reason: u32,
}

/// Appointments (约见): statuses with their steps, directions, sources, limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppointmentRules {
    pub statuses: Vec<AppointmentStatusRule>,
    pub steps: Vec<Labelled<AppointmentStep>>,
    pub directions: Vec<Labelled<AppointmentDirection>>,
    pub sources: Vec<Labelled<AppointmentSource>>,
    /// What the form's 地点 holds until changed.
    pub default_place: String,
    pub limits: AppointmentLimits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchRules {
    /// The longest search text, in characters.
    pub max_chars: u32,
    /// The most words in one search.
    pub max_words: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorCodeRule {
    pub code: String,
    /// What it means, in general (the error's own message says more).
    pub message: String,
}

/// Everything the UI shows that a rule of the core decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Rules {
    pub roles: Vec<Labelled<Role>>,
    pub roster: RosterRules,
    pub cards: CardRules,
    pub items: ItemRules,
    pub settings: SettingsLimits,
    pub accounts: AccountRules,
    pub calendar: CalendarRules,
    pub schedule: ScheduleRules,
    pub appointments: AppointmentRules,
    pub kiosk: KioskRules,
    pub studio: StudioRules,
    pub search: SearchRules,
    pub errors: Vec<ErrorCodeRule>,
    pub proposals: crate::proposals::rules::ProposalRules,
    pub activities: crate::activities::rules::ActivityRules,
}

fn code_labels(all: &[(&str, &str)]) -> Vec<CodeLabel> {
    all.iter()
        .map(|(code, label)| CodeLabel {
            code: code.to_string(),
            label: label.to_string(),
        })
        .collect()
}

fn n(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

fn bounds(min: impl Into<i64>, max: impl Into<i64>) -> Bounds {
    Bounds {
        min: min.into(),
        max: max.into(),
    }
}

/// A step of `kind` with empty texts: enough for the flow, which looks at the kind only (and at the
/// satisfaction of 回访, given here as 满意).
pub(crate) fn probe(kind: ItemActionKind) -> ItemAction {
    let s = String::new;
    match kind {
        ItemActionKind::Refer => ItemAction::Refer {
            unit: s(),
            due_on: s(),
            note: s(),
            on: s(),
        },
        ItemActionKind::ReferralAnswer => ItemAction::ReferralAnswer {
            answer: s(),
            on: s(),
        },
        ItemActionKind::Start => ItemAction::Start { note: s(), on: s() },
        ItemActionKind::Answer => ItemAction::Answer {
            answer: s(),
            on: s(),
        },
        ItemActionKind::Feedback => ItemAction::Feedback {
            feedback: s(),
            on: s(),
        },
        ItemActionKind::FollowUp => ItemAction::FollowUp {
            satisfaction: Satisfaction::Satisfied,
            note: s(),
            on: s(),
        },
        ItemActionKind::Decline => ItemAction::Decline {
            reason: s(),
            on: s(),
        },
        ItemActionKind::Pause => ItemAction::Pause { note: s(), on: s() },
        ItemActionKind::Resume => ItemAction::Resume { note: s(), on: s() },
        ItemActionKind::Extend => ItemAction::Extend {
            days: 1,
            reason: s(),
            on: s(),
        },
        ItemActionKind::Chase => ItemAction::Chase { note: s(), on: s() },
        ItemActionKind::Escalate => ItemAction::Escalate { note: s(), on: s() },
        ItemActionKind::Note => ItemAction::Note { note: s(), on: s() },
    }
}

/// The steps the flow allows in `status` (`paused`: 待补充), asked of [`flow::next_status`].
fn allowed(status: ItemStatus, paused: bool) -> Vec<ItemActionKind> {
    ItemActionKind::ALL
        .into_iter()
        .filter(|&k| flow::next_status(status, paused, &probe(k)).is_ok())
        .collect()
}

/// What `kind` needs beyond the status, asked of [`flow::check`] in a status that allows it:
/// (needs a referral, allowed once).
fn needs(kind: ItemActionKind) -> (bool, bool) {
    let a = probe(kind);
    let Some(status) = ItemStatus::ALL
        .into_iter()
        .find(|&s| flow::next_status(s, false, &a).is_ok())
    else {
        return (false, false);
    };
    let ok = |referred, escalated| flow::check(status, false, referred, escalated, &a).is_ok();
    (
        !ok(false, false) && ok(true, false),
        ok(true, false) && !ok(true, true),
    )
}

impl Rules {
    pub fn current() -> Rules {
        let statuses = ItemStatus::ALL
            .into_iter()
            .map(|s| {
                let actions = allowed(s, false);
                let can_pause = actions.contains(&ItemActionKind::Pause);
                ItemStatusRule {
                    value: s,
                    label: s.label().to_string(),
                    open: s.is_open(),
                    before_answer: s.before_answer(),
                    paused_actions: if can_pause {
                        allowed(s, true)
                    } else {
                        Vec::new()
                    },
                    actions,
                }
            })
            .collect();
        let steps = ItemActionKind::ALL
            .into_iter()
            .map(|k| {
                let (needs_referral, once) = needs(k);
                ItemStepRule {
                    value: k,
                    label: k.label().to_string(),
                    needs_referral,
                    once,
                }
            })
            .collect();
        let defaults = ItemDeadlines::default();
        let categories = ItemCategory::ALL
            .into_iter()
            .map(|c| ItemCategoryRule {
                value: c,
                label: c.label().to_string(),
                default_days: defaults.for_category(c),
            })
            .collect();
        let satisfactions = Satisfaction::ALL
            .into_iter()
            .map(|s| {
                let follow_up = ItemAction::FollowUp {
                    satisfaction: s,
                    note: String::new(),
                    on: String::new(),
                };
                SatisfactionRule {
                    value: s,
                    label: s.label().to_string(),
                    closes: matches!(
                        flow::next_status(ItemStatus::FedBack, false, &follow_up),
                        Ok(ItemStatus::Closed)
                    ),
                }
            })
            .collect();
        let items = ItemRules {
            statuses,
            steps,
            categories,
            sources: labelled(&ItemSource::ALL, ItemSource::label),
            satisfactions,
            event_kinds: labelled(&ItemEventKind::ALL, ItemEventKind::label),
            deadline_states: labelled(&ItemDeadlineState::ALL, ItemDeadlineState::label),
            default_deadlines: defaults,
            due_soon_workdays: items::deadline::DUE_SOON_WORKDAYS,
            limits: ItemLimits {
                title: n(items::validate::TITLE_MAX),
                content: n(items::validate::CONTENT_MAX),
                text: n(items::validate::TEXT_MAX),
                person_name: n(items::validate::PERSON_NAME_MAX),
                contact: n(items::validate::CONTACT_MAX),
                first_responder: n(items::validate::RESPONDER_MAX),
                unit: n(items::validate::UNIT_MAX),
                delegates: n(items::validate::DELEGATES_MAX),
                extend_days: bounds(1, items::validate::EXTEND_MAX),
                category_days: bounds(1, items::limits::CATEGORY_DAYS_MAX),
                long_pause_days: bounds(1, items::limits::LONG_PAUSE_DAYS_MAX),
            },
        };

        let cards = CardRules {
            channels: labelled(&Channel::ALL, Channel::label),
            political_statuses: labelled(&PoliticalStatus::ALL, PoliticalStatus::label),
            statuses: labelled(&CardStatus::ALL, CardStatus::label),
            deadline_states: DeadlineState::ALL
                .into_iter()
                .map(|d| CardDeadlineRule {
                    value: d,
                    label: d.label().to_string(),
                    flagged: d.is_flagged(),
                })
                .collect(),
            filing_workdays: cards::deadline::FILING_WORKDAYS,
            due_soon_workdays: cards::deadline::DUE_SOON_WORKDAYS,
            limits: CardLimits {
                person_name: n(cards::validate::PERSON_NAME_MAX),
                unit_position: n(cards::validate::UNIT_POSITION_MAX),
                address: n(cards::validate::ADDRESS_MAX),
                channel_other: n(cards::validate::CHANNEL_OTHER_MAX),
                text: n(cards::validate::TEXT_MAX),
                reason: n(cards::validate::REASON_MAX),
                age: bounds(1, cards::validate::AGE_MAX),
                group_size: bounds(1, cards::validate::GROUP_MAX),
                blank_copies: bounds(1, printing::MAX_BLANK_COPIES),
            },
        };

        let roster = RosterRules {
            genders: labelled(&Gender::ALL, Gender::label),
            statuses: labelled(&DelegateStatus::ALL, DelegateStatus::label),
            limits: RosterLimits {
                delegation_name: n(roster::validate::DELEGATION_NAME_MAX),
                delegation_note: n(roster::validate::DELEGATION_NOTE_MAX),
                name: n(roster::validate::NAME_MAX),
                unit: n(roster::validate::UNIT_MAX),
                position: n(roster::validate::POSITION_MAX),
                email: n(validate::EMAIL_MAX),
                bio: n(roster::validate::BIO_MAX),
                pledge: n(roster::validate::PLEDGE_MAX),
                term: n(roster::validate::TERM_MAX),
                display_order: bounds(0, validate::ORDER_MAX),
                photo_bytes: n(roster::PHOTO_MAX_BYTES),
            },
        };

        Rules {
            roles: labelled(&Role::ALL, Role::label),
            roster,
            cards,
            items,
            settings: SettingsLimits {
                studio_name: n(settings::STUDIO_NAME_MAX),
                hotline: n(settings::HOTLINE_MAX),
                opening_hours: n(settings::OPENING_HOURS_MAX),
                idle_lock_minutes: bounds(
                    settings::IDLE_LOCK_MINUTES.0,
                    settings::IDLE_LOCK_MINUTES.1,
                ),
                studio_intro: n(settings::STUDIO_INTRO_MAX),
                kiosk_idle_seconds: bounds(
                    settings::KIOSK_IDLE_SECONDS.0,
                    settings::KIOSK_IDLE_SECONDS.1,
                ),
                audit_retention_months: bounds(
                    audit_log::MIN_RETENTION_MONTHS,
                    audit_log::MAX_RETENTION_MONTHS,
                ),
                backup_keep: bounds(
                    crate::backup::auto::KEEP_RANGE.0,
                    crate::backup::auto::KEEP_RANGE.1,
                ),
            },
            accounts: AccountRules {
                account_roles: labelled(&Role::ACCOUNT_ROLES, Role::label),
                permissions: Role::ALL
                    .iter()
                    .map(|&role| RolePermissions {
                        role,
                        permissions: role.permissions().to_vec(),
                    })
                    .collect(),
                login_max: n(accounts::LOGIN_MAX),
                name_max: n(accounts::NAME_MAX),
                password_min: n(accounts::password::MIN_LEN),
                max_failed_attempts: accounts::MAX_FAILED_ATTEMPTS,
                lockout_minutes: accounts::LOCKOUT_MINUTES as u32,
                audit_areas: code_labels(audit_log::AREAS),
                audit_actions: code_labels(audit_log::ACTIONS),
                audit_results: labelled(
                    &[AuditResult::Ok, AuditResult::Refused, AuditResult::Failed],
                    AuditResult::label,
                ),
            },
            calendar: CalendarRules {
                override_kinds: labelled(&OverrideKind::ALL, OverrideKind::label),
                note: n(calendar_service::NOTE_MAX),
                years: bounds(
                    *calendar_service::YEARS.start(),
                    *calendar_service::YEARS.end(),
                ),
            },
            schedule: ScheduleRules {
                places: labelled(&Place::ALL, Place::label),
                copy_modes: labelled(&CopyMode::ALL, CopyMode::label),
                limits: ScheduleLimits {
                    delegates: bounds(1, n(schedule::validate::DELEGATES_MAX)),
                    place_note: n(schedule::validate::PLACE_NOTE_MAX),
                    note: n(schedule::validate::NOTE_MAX),
                },
            },
            appointments: AppointmentRules {
                statuses: AppointmentStatus::ALL
                    .into_iter()
                    .map(|s| AppointmentStatusRule {
                        value: s,
                        label: s.label().to_string(),
                        steps: appointment_flow::allowed_steps(s),
                        editable: appointment_flow::editable(s),
                    })
                    .collect(),
                steps: labelled(&AppointmentStep::ALL, AppointmentStep::label),
                directions: labelled(&AppointmentDirection::ALL, AppointmentDirection::label),
                sources: labelled(&AppointmentSource::ALL, AppointmentSource::label),
                default_place: appointments::validate::DEFAULT_PLACE.to_string(),
                limits: AppointmentLimits {
                    person_name: n(appointments::validate::PERSON_NAME_MAX),
                    place: n(appointments::validate::PLACE_MAX),
                    topic: n(appointments::validate::TOPIC_MAX),
                    note: n(appointments::validate::NOTE_MAX),
                    reason: n(appointments::validate::REASON_MAX),
                },
            },
            kiosk: KioskRules {
                message_name: n(kiosk::MESSAGE_NAME_MAX),
                message_text: n(kiosk::MESSAGE_TEXT_MAX),
                query_code_chars: n(kiosk::CODE_LEN),
                query_code_alphabet: String::from_utf8_lossy(kiosk::CODE_ALPHABET).into_owned(),
                phone_digits: 4,
                query_kinds: labelled(&QueryKind::ALL, QueryKind::label),
                day_periods: DayPeriod::ALL
                    .into_iter()
                    .map(|p| DayPeriodRule {
                        value: p,
                        label: p.label().to_string(),
                        start: p.span().0.to_string(),
                        end: p.span().1.to_string(),
                    })
                    .collect(),
                request_days_ahead: kiosk::REQUEST_DAYS_AHEAD,
                request_topic: n(kiosk::REQUEST_TOPIC_MAX),
            },
            proposals: crate::proposals::rules::ProposalRules::current(),
            activities: crate::activities::rules::ActivityRules::current(),
            studio: studio_rules(),
            search: SearchRules {
                max_chars: n(validate::SEARCH_MAX_CHARS),
                max_words: n(validate::SEARCH_MAX_WORDS),
            },
            errors: ERROR_CODES
                .iter()
                .map(|(code, message)| ErrorCodeRule {
                    code: code.to_string(),
                    message: message.to_string(),
                })
                .collect(),
        }
    }
}

/// News, wall documents, volunteers and funds (issue 11): their codes' labels and limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StudioRules {
    pub news_statuses: Vec<Labelled<crate::news::NewsStatus>>,
    pub wall_kinds: Vec<Labelled<crate::wall::WallKind>>,
    /// Each placeholder a wall template may use, and what it becomes.
    pub wall_placeholders: Vec<CodeLabel>,
    pub volunteer_roles: Vec<Labelled<crate::volunteers::VolunteerRole>>,
    pub volunteer_statuses: Vec<Labelled<crate::volunteers::VolunteerStatus>>,
    pub fund_sources: Vec<Labelled<crate::funds::FundSource>>,
    /// 代表回复: where a consenting message stands (issue 13).
    pub publication_states: Vec<Labelled<crate::public_answers::PublicationState>>,
    pub limits: StudioLimits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StudioLimits {
    pub news_title: u32,
    pub news_author: u32,
    pub news_images: u32,
    pub markdown: u32,
    pub wall_title: u32,
    pub volunteer_name: u32,
    pub volunteer_unit: u32,
    pub volunteer_contact: u32,
    pub volunteer_notes: u32,
    pub fund_purpose: u32,
    pub fund_activity: u32,
    pub receipt_mb: u32,
    pub years: Bounds,
    /// 代表回复's public question and answer.
    pub public_question: u32,
    pub public_answer: u32,
}

fn studio_rules() -> StudioRules {
    use crate::news::{validate as news_validate, NewsStatus};
    use crate::public_answers::{self, PublicationState};
    use crate::volunteers::{VolunteerRole, VolunteerStatus};
    use crate::{funds, volunteers, wall};
    StudioRules {
        news_statuses: labelled(
            &[NewsStatus::Draft, NewsStatus::Published],
            NewsStatus::label,
        ),
        wall_kinds: labelled(&wall::WallKind::ALL, wall::WallKind::label),
        wall_placeholders: code_labels(&wall::PLACEHOLDERS),
        volunteer_roles: labelled(&VolunteerRole::ALL, VolunteerRole::label),
        volunteer_statuses: labelled(&VolunteerStatus::ALL, VolunteerStatus::label),
        fund_sources: labelled(&funds::FundSource::ALL, funds::FundSource::label),
        publication_states: labelled(
            &[
                PublicationState::None,
                PublicationState::Draft,
                PublicationState::Published,
                PublicationState::Withdrawn,
            ],
            PublicationState::label,
        ),
        limits: StudioLimits {
            news_title: n(news_validate::TITLE_MAX),
            news_author: n(news_validate::AUTHOR_MAX),
            news_images: n(news_validate::IMAGES_MAX),
            markdown: n(crate::markdown::MARKDOWN_MAX),
            wall_title: n(wall::WALL_TITLE_MAX),
            volunteer_name: n(volunteers::NAME_MAX),
            volunteer_unit: n(volunteers::UNIT_MAX),
            volunteer_contact: n(volunteers::CONTACT_MAX),
            volunteer_notes: n(volunteers::NOTES_MAX),
            fund_purpose: n(funds::PURPOSE_MAX),
            fund_activity: n(funds::ACTIVITY_MAX),
            receipt_mb: n(funds::RECEIPT_MAX_BYTES / 1024 / 1024),
            years: bounds(funds::YEAR_MIN, funds::YEAR_MAX),
            public_question: n(public_answers::PUBLIC_QUESTION_MAX),
            public_answer: n(public_answers::PUBLIC_ANSWER_MAX),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every step, both outcomes of 回访.
    fn all_actions() -> Vec<ItemAction> {
        let mut out: Vec<ItemAction> = ItemActionKind::ALL.into_iter().map(probe).collect();
        for satisfaction in Satisfaction::ALL {
            out.push(ItemAction::FollowUp {
                satisfaction,
                note: "回访".into(),
                on: String::new(),
            });
        }
        out
    }

    #[test]
    fn probes_are_the_kinds_they_stand_for() {
        for k in ItemActionKind::ALL {
            let a = probe(k);
            assert_eq!(a.kind(), k);
            // The kind's serde name is the action's `kind` tag, as the UI sends it.
            assert_eq!(
                serde_json::to_value(&a).unwrap()["kind"],
                serde_json::to_value(k).unwrap()
            );
            assert_eq!(flow::event_kind(&a), k.event_kind());
        }
    }

    #[test]
    fn allowed_actions_agree_with_the_flow_for_every_status_action_and_pause() {
        let rules = Rules::current();
        assert_eq!(rules.items.statuses.len(), ItemStatus::ALL.len());
        let mut checked = 0;
        for rule in &rules.items.statuses {
            for paused in [false, true] {
                for a in all_actions() {
                    let flow_ok = flow::next_status(rule.value, paused, &a).is_ok();
                    if paused && !rule.actions.contains(&ItemActionKind::Pause) {
                        // Such an item cannot be paused: the rules promise nothing while paused.
                        assert!(rule.paused_actions.is_empty(), "{:?}", rule.value);
                        continue;
                    }
                    let list = if paused {
                        &rule.paused_actions
                    } else {
                        &rule.actions
                    };
                    assert_eq!(
                        list.contains(&a.kind()),
                        flow_ok,
                        "{:?} paused={paused} {a:?}",
                        rule.value
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn step_needs_agree_with_the_service_checks() {
        let rules = Rules::current();
        for step in &rules.items.steps {
            assert_eq!(
                step.needs_referral,
                step.value == ItemActionKind::ReferralAnswer,
                "{step:?}"
            );
            assert_eq!(
                step.once,
                step.value == ItemActionKind::Escalate,
                "{step:?}"
            );
        }
        // And against the check itself, in every status that allows the step.
        for rule in &rules.items.statuses {
            for &k in &rule.actions {
                let step = rules.items.steps.iter().find(|s| s.value == k).unwrap();
                let a = probe(k);
                let unreferred = flow::check(rule.value, false, false, false, &a);
                assert_eq!(unreferred.is_err(), step.needs_referral, "{k:?}");
                if let Err(e) = unreferred {
                    assert_eq!(e.code(), "state", "a refused step is a state refusal");
                }
                let again = flow::check(rule.value, false, true, true, &a);
                assert_eq!(again.is_err(), step.once, "{k:?}");
            }
        }
    }

    #[test]
    fn the_flow_as_the_ui_reads_it() {
        let rules = Rules::current();
        let of = |s: ItemStatus| {
            rules
                .items
                .statuses
                .iter()
                .find(|r| r.value == s)
                .unwrap()
                .clone()
        };
        use ItemActionKind::*;
        assert_eq!(of(ItemStatus::Closed).actions, vec![Note]);
        assert_eq!(of(ItemStatus::Declined).actions, vec![Note]);
        assert!(of(ItemStatus::Answered).paused_actions.is_empty());
        let received = of(ItemStatus::Received);
        assert!(received.actions.contains(&Pause) && !received.actions.contains(&Resume));
        assert!(received.paused_actions.contains(&Resume));
        assert!(!received.paused_actions.contains(&Answer));
        let closing: Vec<_> = rules
            .items
            .satisfactions
            .iter()
            .filter(|s| s.closes)
            .map(|s| s.value)
            .collect();
        assert_eq!(closing, vec![Satisfaction::Satisfied, Satisfaction::Basic]);
    }

    #[test]
    fn appointment_steps_agree_with_the_flow() {
        let rules = Rules::current();
        assert_eq!(
            rules.appointments.statuses.len(),
            AppointmentStatus::ALL.len()
        );
        for rule in &rules.appointments.statuses {
            for step in AppointmentStep::ALL {
                assert_eq!(
                    rule.steps.contains(&step),
                    appointment_flow::next_status(rule.value, step).is_ok(),
                    "{:?} {step:?}",
                    rule.value
                );
            }
        }
        assert_eq!(rules.schedule.limits.delegates.max, 6);
        assert_eq!(rules.schedule.places[0].label, "工作室");
    }

    #[test]
    fn labels_and_limits_come_from_the_definitions() {
        let r = Rules::current();
        assert_eq!(r.items.event_kinds.len(), ItemEventKind::ALL.len());
        assert!(r.items.event_kinds.iter().all(|e| !e.label.is_empty()));
        assert_eq!(
            r.items.categories[0].default_days,
            ItemDeadlines::default().policy_inquiry
        );
        assert_eq!(r.roster.limits.delegation_name, 40);
        assert_eq!(r.roster.limits.unit, 60);
        assert_eq!(r.items.limits.title, 60);
        assert_eq!(r.search.max_chars, 50);
        assert_eq!(r.errors.len(), ERROR_CODES.len());
    }
}
