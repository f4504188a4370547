//! 工作室动态 (news): posts with a title, a date, an author, a Markdown body (rendered by
//! [`crate::markdown`], never raw HTML), images (copied into the files folder's `news/`, resized
//! and thumbnailed by the photo code) and a draft/published state. Staff keep them
//! (`EditStudio`) and read every post (`ReadRecords`); [`published_news`] is the clean read the
//! kiosk and the online studio use: published posts only, newest first, rendered.

mod service;
pub(crate) mod validate;

pub use service::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::page::PageRequest;

/// A post as stored and as the change log records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct News {
    pub id: String,
    pub title: String,
    /// `YYYY-MM-DD`: the day the news is dated.
    pub date: String,
    pub author: String,
    /// Markdown.
    pub body: String,
    /// File names in the files folder's `news/`, in display order.
    pub images: Vec<String>,
    pub published: bool,
    /// When it was first published (UTC RFC 3339).
    pub published_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
}

/// A post with its body rendered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewsDetail {
    pub news: News,
    /// The body as safe HTML ([`crate::markdown::to_html`]).
    pub html: String,
}

/// One row of the staff's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewsSummary {
    pub id: String,
    pub title: String,
    pub date: String,
    pub author: String,
    pub published: bool,
    pub image_count: u32,
    /// The body's first characters as plain text.
    pub excerpt: String,
    pub updated_at: String,
    pub version: i64,
}

/// A published post as the kiosk and the online studio show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublicNews {
    pub id: String,
    pub title: String,
    pub date: String,
    pub author: String,
    pub html: String,
    pub images: Vec<String>,
}

/// The form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewsInput {
    pub title: String,
    pub date: String,
    pub author: String,
    pub body: String,
    pub published: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NewsStatus {
    Draft,
    Published,
}

impl NewsStatus {
    pub fn label(self) -> &'static str {
        match self {
            NewsStatus::Draft => "草稿",
            NewsStatus::Published => "已发布",
        }
    }
}

/// The list's filters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct NewsQuery {
    /// Words in the title, author or body (bounded like every search).
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub status: Option<NewsStatus>,
    /// `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub page: PageRequest,
}
