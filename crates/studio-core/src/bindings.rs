//! The TypeScript the UI sees, generated from the Rust types (DESIGN.md, invariant 6) and the
//! core's rules (invariant 13). `ui/src/api/types.ts` is [`typescript`]'s output and
//! `ui/src/api/rules.ts` is [`rules_typescript`]'s, both committed; the test `ts_bindings` fails
//! when either differs. Regenerate with `UPDATE_BINDINGS=1 cargo test -p studio-core --test ts_bindings`.

use ts_rs::{Config, TS};

macro_rules! decls {
    ($cfg:expr; $($t:ty),* $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),*]
    };
}

pub fn typescript() -> String {
    // Our integers are counts, orders and versions, far below 2^53: plain numbers in JS.
    let cfg = Config::new().with_large_int("number");
    let cfg = &cfg;
    let decls: Vec<String> = decls![cfg;
        crate::error::FieldError,
        crate::error::FieldLabel,
        crate::error::StaleInfo,
        crate::error::ErrorPayload,
        crate::actor::Role,
        crate::actor::Actor,
        crate::actor::Permission,
        crate::accounts::AccountRow,
        crate::accounts::NewAccount,
        crate::accounts::AccountUpdate,
        crate::accounts::Session,
        crate::audit_log::AuditResult,
        crate::audit_log::AuditEntry,
        crate::audit_log::AuditQuery,
        crate::audit_log::AuditPage,
        crate::audit_log::AuditFormat,
        crate::audit_log::ArchiveOutcome,
        crate::page::PageRequest,
        crate::page::Page<()>,
        crate::audit::ChangeRecord,
        crate::settings::Settings,
        crate::settings::SetupState,
        crate::status::DemoLogin,
        crate::status::SessionState,
        crate::status::AppStatus,
        crate::maintenance::CheckReport,
        crate::backup::BackupSummary,
        crate::backup::RestoreReport,
        crate::backup::auto::AutoBackupSettings,
        crate::backup::auto::AutoBackupInput,
        crate::backup::auto::BackupStatus,
        crate::roster::Gender,
        crate::roster::DelegateStatus,
        crate::roster::PublishFlags,
        crate::roster::Delegation,
        crate::roster::DelegationSummary,
        crate::roster::DelegationInput,
        crate::roster::Delegate,
        crate::roster::DelegateInput,
        crate::roster::PublicDelegate,
        crate::roster::DelegateListItem,
        crate::roster::DelegateSort,
        crate::roster::DelegateQuery,
        crate::calendar::DayKind,
        crate::calendar::OverrideKind,
        crate::calendar::CalendarOverride,
        crate::calendar::CalendarDay,
        crate::cards::PoliticalStatus,
        crate::cards::Channel,
        crate::cards::CardStatus,
        crate::cards::DeadlineState,
        crate::cards::Card,
        crate::cards::CardInput,
        crate::cards::CardListItem,
        crate::cards::CardSort,
        crate::cards::CardQuery,
        crate::cards::CardAmendment,
        crate::cards::CardCounts,
        crate::cards::CardSelection,
        crate::items::ItemCategory,
        crate::items::ItemStatus,
        crate::items::ItemSource,
        crate::items::Satisfaction,
        crate::items::ItemDeadlineState,
        crate::items::ItemDelegate,
        crate::items::Referral,
        crate::items::Item,
        crate::items::ItemInput,
        crate::items::ItemAction,
        crate::items::ItemActionKind,
        crate::items::ItemEventKind,
        crate::items::ItemEvent,
        crate::items::ItemListItem,
        crate::items::ItemView,
        crate::items::ItemSort,
        crate::items::ItemQuery,
        crate::items::ItemCounts,
        crate::items::ItemDeadlines,
        crate::items::SimilarItem,
        crate::items::ItemDetail,
        crate::kiosk::QueryKind,
        crate::kiosk::MessageInput,
        crate::kiosk::Receipt,
        crate::kiosk::DayPeriod,
        crate::kiosk::AppointmentRequestInput,
        crate::kiosk::AppointmentReceipt,
        crate::kiosk::Progress,
        crate::kiosk::DelegationProfiles,
        crate::kiosk::KioskInfo,
        crate::cards::DelegateSnapshot,
        crate::schedule::Place,
        crate::schedule::CopyMode,
        crate::schedule::DutyDelegate,
        crate::schedule::Slot,
        crate::schedule::SlotInput,
        crate::schedule::ScheduleMonth,
        crate::schedule::PlanDay,
        crate::schedule::MonthPlan,
        crate::schedule::MonthSummary,
        crate::schedule::CopySkip,
        crate::schedule::CopyReport,
        crate::schedule::CopyInput,
        crate::schedule::SwapInput,
        crate::schedule::SwapOutcome,
        crate::schedule::PosterRow,
        crate::schedule::PosterMonth,
        crate::appointments::AppointmentStatus,
        crate::appointments::AppointmentDirection,
        crate::appointments::AppointmentSource,
        crate::appointments::AppointmentStep,
        crate::appointments::Appointment,
        crate::appointments::AppointmentInput,
        crate::appointments::AppointmentListItem,
        crate::appointments::AppointmentSort,
        crate::appointments::AppointmentQuery,
        crate::appointments::AppointmentCompletion,
        crate::personal_data::PersonRecords,
        crate::personal_data::CardCopy,
        crate::personal_data::ItemCopy,
        crate::personal_data::PersonalDataCopy,
        crate::personal_data::ErasureReport,
        crate::printing::PrintJob,
        crate::printing::PrintOutcome,
        crate::printing::SlipRequest,
        crate::printing::ExportOutcome,
        crate::export::ExportFormat,
        crate::export_purpose::ExportPurpose,
        crate::import::ImportKind,
        crate::import::ImportStatus,
        crate::import::RowError,
        crate::import::ImportRow,
        crate::import::ImportPreview,
        crate::import::ImportReport,
        crate::import::ImportFile,
        crate::rules::Labelled<()>,
        crate::rules::Bounds,
        crate::rules::ItemStatusRule,
        crate::rules::ItemStepRule,
        crate::rules::ItemCategoryRule,
        crate::rules::SatisfactionRule,
        crate::rules::ItemLimits,
        crate::rules::ItemRules,
        crate::rules::CardDeadlineRule,
        crate::rules::CardLimits,
        crate::rules::CardRules,
        crate::rules::RosterLimits,
        crate::rules::RosterRules,
        crate::rules::SettingsLimits,
        crate::rules::CodeLabel,
        crate::rules::RolePermissions,
        crate::rules::AccountRules,
        crate::rules::CalendarRules,
        crate::rules::ScheduleLimits,
        crate::rules::ScheduleRules,
        crate::rules::AppointmentStatusRule,
        crate::rules::AppointmentLimits,
        crate::rules::AppointmentRules,
        crate::rules::KioskRules,
        crate::rules::DayPeriodRule,
        crate::rules::SearchRules,
        crate::rules::ErrorCodeRule,
        crate::rules::Rules,
        crate::reports::Period,
        crate::reports::ChannelCounts,
        crate::reports::CategoryCounts,
        crate::reports::SummaryFigures,
        crate::reports::SummaryRow,
        crate::reports::DelegationSubtotal,
        crate::reports::Summary,
        crate::reports::UnitFigures,
        crate::reports::UnitRow,
        crate::reports::UnitsReport,
        crate::reports::ChartMonth,
        crate::reports::ChartDelegation,
        crate::reports::DashboardCharts,
    ];
    let mut out = String::from(
        "// Generated from the Rust types by studio-core (src/bindings.rs). Do not edit by hand:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p studio-core --test ts_bindings`.\n\n",
    );
    // serde_json::Value appears in change records; ts-rs names it but leaves declaring it to us.
    out.push_str(
        "export type JsonValue = number | string | boolean | null | Array<JsonValue> | { [key in string]?: JsonValue };\n\n",
    );
    for d in decls {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// `ui/src/api/rules.ts`: [`crate::rules::Rules::current`] as a constant (typed by `types.ts`), and
/// the error codes as a type.
pub fn rules_typescript() -> String {
    let rules = crate::rules::Rules::current();
    let json = serde_json::to_string_pretty(&rules).expect("rules serialize");
    let codes: Vec<String> = crate::error::ERROR_CODES
        .iter()
        .map(|(code, _)| format!("'{code}'"))
        .collect();
    format!(
        "// Generated from studio-core's rules (src/rules.rs) by src/bindings.rs. Do not edit by hand:\n\
         // run `UPDATE_BINDINGS=1 cargo test -p studio-core --test ts_bindings`.\n\
         // Labels, the steps each item status allows, default deadlines, field limits, search bounds\n\
         // and error codes, as the core defines them (DESIGN.md, invariant 13).\n\n\
         import type {{ Rules }} from './types'\n\n\
         /** Every code an error from the backend carries (`ErrorPayload.code`). */\n\
         export type ErrorCode = {}\n\n\
         export const RULES: Rules = {json}\n",
        codes.join(" | ")
    )
}
