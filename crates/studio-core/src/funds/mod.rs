//! 经费: the studio's funds. The source document puts the studio in the university's yearly budget
//! with some party fees allocated, spent sparingly and only on the studio: a yearly budget per
//! source ([`FundSource`]: 学院预算, 党费划拨), spending entries (date, purpose, amount, source, an
//! activity when there is one, a scanned receipt copied into the files folder's `receipts/`), and
//! the yearly statement (budget, spent, left per source and in all). Amounts are integer fen
//! ([`amount`]), never floating point. `ManageFunds` for every read and write (组织部).

pub mod amount;
mod service;

pub use amount::{format_yuan, parse_yuan, AMOUNT_MAX_FEN};
pub use service::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::page::PageRequest;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FundSource {
    /// 学院预算: the university's yearly budget.
    College,
    /// 党费划拨: party fees allocated to the studio.
    PartyFee,
}

impl FundSource {
    pub const ALL: [FundSource; 2] = [FundSource::College, FundSource::PartyFee];

    pub fn label(self) -> &'static str {
        match self {
            FundSource::College => "学院预算",
            FundSource::PartyFee => "党费划拨",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FundSource::College => "college",
            FundSource::PartyFee => "party_fee",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A year's budget of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Budget {
    pub year: i32,
    pub source: FundSource,
    pub amount_fen: i64,
    pub note: String,
    pub updated_at: String,
    /// 0 while no budget was set.
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BudgetInput {
    pub year: i32,
    pub source: Option<FundSource>,
    /// Yuan as typed ("12000", "12,000.00").
    pub amount: String,
    pub note: String,
}

/// A spending entry as stored and as the change log records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Spending {
    pub id: String,
    pub date: String,
    pub purpose: String,
    pub amount_fen: i64,
    pub source: FundSource,
    /// The activity it was spent on (its id or number), when there is one.
    pub activity_id: String,
    /// The scanned receipt's file name in the files folder's `receipts/`.
    pub receipt: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SpendingInput {
    pub date: String,
    pub purpose: String,
    /// Yuan as typed.
    pub amount: String,
    pub source: Option<FundSource>,
    pub activity_id: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct SpendingQuery {
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub source: Option<FundSource>,
    /// Words in the purpose or the activity.
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub page: PageRequest,
}

/// One line of the statement: a source, or the total (`source` empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatementLine {
    pub source: Option<FundSource>,
    pub label: String,
    pub budget_fen: i64,
    pub spent_fen: i64,
    /// Budget less spent; negative when overspent.
    pub left_fen: i64,
    pub entries: u32,
}

/// 年度经费收支表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Statement {
    pub year: i32,
    pub lines: Vec<StatementLine>,
    pub total: StatementLine,
    /// The year's entries, by date.
    pub spendings: Vec<Spending>,
}

/// A page of entries and the sum of every matching entry (not only the page's).
#[derive(Debug, Clone, Serialize, TS)]
pub struct SpendingPage {
    pub page: crate::page::Page<Spending>,
    pub sum_fen: i64,
}
