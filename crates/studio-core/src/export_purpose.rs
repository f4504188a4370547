//! Why personal data leaves the program (个人信息保护法: a purpose for every export) and whether it
//! leaves masked. Every export of cards or items from a front door names an [`ExportPurpose`]; the
//! reason is written to the audit log with what was exported, and a masked export replaces phones
//! and addresses with their masked forms (138****8000) before the file is made.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::appointments::Appointment;
use crate::audit_log::{self, AuditResult, NewAuditEntry};
use crate::cards::Card;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::items::Item;
use crate::roster::{Delegate, DelegateExport};
use crate::storage::Store;
use crate::validate::{mask_address, mask_phone};

pub const REASON_MAX: usize = 200;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ExportPurpose {
    /// Why (required unless masked): 「季度汇总上报」.
    pub reason: String,
    /// Phones and addresses masked in the file.
    pub masked: bool,
}

impl ExportPurpose {
    /// The reason as recorded; a full export without one is refused.
    pub fn checked(&self) -> Result<String> {
        let r = self.reason.trim();
        if r.chars().count() > REASON_MAX {
            return Err(Error::field(
                "reason",
                format!("导出原因不能超过 {REASON_MAX} 个字"),
            ));
        }
        if r.is_empty() && !self.masked {
            return Err(Error::field(
                "reason",
                "导出完整个人信息须填写导出原因（或选择脱敏导出）",
            ));
        }
        Ok(if r.is_empty() {
            "脱敏导出".to_string()
        } else {
            r.to_string()
        })
    }
}

/// Record an export of `target` (what was exported) in the audit log with its reason.
pub fn record(
    store: &Store,
    ctx: &Ctx,
    target: &str,
    count: usize,
    purpose: &ExportPurpose,
) -> Result<()> {
    let reason = purpose.checked()?;
    let kind = if purpose.masked { "脱敏" } else { "完整" };
    audit_log::record(
        store,
        &NewAuditEntry {
            actor: &ctx.actor,
            area: "personal_data",
            action: "export",
            target,
            summary: &format!("{count} 条，{kind}；原因：{reason}"),
            result: AuditResult::Ok,
        },
    )
}

/// The cards with every phone and address masked.
pub fn mask_cards(cards: Vec<Card>) -> Vec<Card> {
    cards
        .into_iter()
        .map(|c| Card {
            person_phone: mask_phone(&c.person_phone),
            person_address: mask_address(&c.person_address),
            delegate_phone: mask_phone(&c.delegate_phone),
            ..c
        })
        .collect()
}

/// The items with the person's phone and contact masked.
pub fn mask_items(items: Vec<Item>) -> Vec<Item> {
    items
        .into_iter()
        .map(|i| Item {
            person_phone: mask_phone(&i.person_phone),
            person_contact: mask_address(&i.person_contact),
            ..i
        })
        .collect()
}

/// The appointments with the person's phone masked.
pub fn mask_appointments(list: Vec<Appointment>) -> Vec<Appointment> {
    list.into_iter()
        .map(|a| Appointment {
            person_phone: mask_phone(&a.person_phone),
            ..a
        })
        .collect()
}

/// The roster with the delegates' phones and e-mail masked.
pub fn mask_delegates(list: Vec<DelegateExport>) -> Vec<DelegateExport> {
    list.into_iter()
        .map(|e| DelegateExport {
            delegate: Delegate {
                mobile: mask_phone(&e.delegate.mobile),
                office_phone: mask_phone(&e.delegate.office_phone),
                email: mask_address(&e.delegate.email),
                ..e.delegate
            },
            ..e
        })
        .collect()
}
