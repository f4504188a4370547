//! 代表回复 (public answers) of the online studio, as county-level online studios run them: the
//! messages from the kiosk or the online studio whose writer agreed to publication (`publish_ok`)
//! and that have been answered, shown with the question as staff edited it and the answer as staff
//! checked it — the category, the delegate, the dates — and never the writer's name, phone or
//! contact.
//!
//! Staff (管理员, 联络员: `EditStudio`) edit the public question and answer, publish and withdraw
//! ([`service::save_publication`], [`service::withdraw_publication`]); each step is on the item's
//! timeline (`public_saved`, `published`, `unpublished`) and in the change log (entity
//! `public_answer`, the row id is the item's). A text that holds the writer's name or phone number
//! is refused. Visitors read the published ones, paged and searchable ([`service::public_answers`]):
//! an item that was not consented to, is not (or no longer) answered, or was withdrawn never
//! appears. SQL in `storage/public_answers.rs`, schema in `migrations/019_public_answers.sql`.

mod service;
mod validate;

pub use service::{
    public_answers, publication_form, publication_list, save_publication, withdraw_publication,
};
pub use validate::{PUBLIC_ANSWER_MAX, PUBLIC_QUESTION_MAX};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::items::{ItemCategory, ItemSource, ItemStatus};
use crate::page::PageRequest;

/// Public answers on one page of 代表回复.
pub const PUBLIC_PAGE_SIZE: u32 = 10;

/// One answer on 代表回复: nothing of the writer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublicAnswer {
    pub category: ItemCategory,
    pub category_label: String,
    /// The question as staff edited it for publication.
    pub question: String,
    /// The handling delegates' names (`、` between them).
    pub delegate_names: String,
    /// The answer as staff checked it for publication.
    pub answer: String,
    /// `YYYY-MM-DD`: received, answered, published (the last publication, Shanghai day).
    pub received_on: String,
    pub answered_on: String,
    pub published_on: String,
}

/// 代表回复's search: words (each must occur in the question, the answer or the delegate's name), a
/// category, a page (of [`PUBLIC_PAGE_SIZE`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PublicAnswerQuery {
    pub q: String,
    #[ts(optional = nullable)]
    pub category: Option<ItemCategory>,
    /// 1-based (0 is the first page).
    pub page: u32,
}

/// Where a consenting message stands with 代表回复.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PublicationState {
    /// Nothing prepared yet.
    None,
    /// Texts saved, not shown.
    Draft,
    /// On 代表回复.
    Published,
    /// Shown once, withdrawn.
    Withdrawn,
}

impl PublicationState {
    pub fn label(self) -> &'static str {
        match self {
            PublicationState::None => "未整理",
            PublicationState::Draft => "未发布",
            PublicationState::Published => "已发布",
            PublicationState::Withdrawn => "已撤回",
        }
    }
}

/// Staff's list of the messages whose writer agreed to publication.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PublicationQuery {
    /// Only the answered ones (those that can be published).
    pub answered_only: bool,
    /// Only those standing so with 代表回复.
    #[ts(optional = nullable)]
    pub state: Option<PublicationState>,
    pub page: PageRequest,
}

/// One row of staff's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublicationRow {
    pub item_id: String,
    pub no: String,
    pub title: String,
    pub category: ItemCategory,
    pub source: ItemSource,
    pub status: ItemStatus,
    pub delegate_names: String,
    pub received_on: String,
    pub answered_on: Option<String>,
    pub state: PublicationState,
}

/// What staff edit for one item: the original texts beside the public ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublicationForm {
    pub item_id: String,
    pub no: String,
    pub category: ItemCategory,
    /// The writer's text and the delegate's answer as stored (staff's, never public).
    pub original_question: String,
    pub original_answer: String,
    pub answered_on: Option<String>,
    pub delegate_names: String,
    /// The public texts: saved ones, or the originals to start from.
    pub question: String,
    pub answer: String,
    pub state: PublicationState,
    /// The public row's version (0: none saved yet), for the next save.
    pub version: i64,
    /// Why it cannot be published now (not answered, declined…); `None` when it can.
    pub blocked: Option<String>,
}

/// The texts staff save.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PublicationInput {
    pub question: String,
    pub answer: String,
}

/// The stored public row (the change log's row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Publication {
    pub item_id: String,
    pub question: String,
    pub answer: String,
    pub published: bool,
    pub first_published_at: Option<String>,
    pub published_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

impl Publication {
    pub fn state(&self) -> PublicationState {
        match (self.published, &self.first_published_at) {
            (true, _) => PublicationState::Published,
            (false, Some(_)) => PublicationState::Withdrawn,
            (false, None) => PublicationState::Draft,
        }
    }
}
