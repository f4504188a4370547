//! The TypeScript the UI sees, generated from the Rust types (DESIGN.md, invariant 6).
//! `ui/src/api/types.ts` is this function's output, committed; the test `ts_bindings` fails when the
//! two differ. Regenerate with `UPDATE_BINDINGS=1 cargo test -p studio-core --test ts_bindings`.

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
        crate::error::ErrorPayload,
        crate::actor::Role,
        crate::actor::Actor,
        crate::page::PageRequest,
        crate::page::Page<()>,
        crate::audit::ChangeRecord,
        crate::settings::Settings,
        crate::settings::SetupState,
        crate::status::AppStatus,
        crate::maintenance::CheckReport,
        crate::roster::Gender,
        crate::roster::DelegateStatus,
        crate::roster::PublishFlags,
        crate::roster::Delegation,
        crate::roster::DelegationSummary,
        crate::roster::DelegationInput,
        crate::roster::Delegate,
        crate::roster::DelegateInput,
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
        crate::cards::DelegateSnapshot,
        crate::printing::PrintJob,
        crate::printing::PrintOutcome,
        crate::printing::ExportOutcome,
        crate::export::ExportFormat,
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
