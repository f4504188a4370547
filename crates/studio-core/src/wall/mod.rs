//! 上墙制度 (wall documents): the studio's rules, workflow, liaison duties, service pledge, the
//! roster, the year's activity plan and the sign 知党情、听民声、谋发展、促和谐. Each is a template an
//! administrator edits (`EditSettings`): a title and a Markdown body with placeholders
//! ([`fill::PLACEHOLDERS`]) filled from the data when shown or printed. The first texts come from
//! the source document (migration 016). Printed as A4 posters by `printing::wall`.

pub(crate) mod fill;
mod service;

pub use fill::PLACEHOLDERS;
pub use service::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Which wall document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WallKind {
    /// 工作制度
    Rules,
    /// 接待工作流程
    Workflow,
    /// 联络员工作职责
    Duties,
    /// 服务承诺
    Pledge,
    /// 标识：知党情、听民声、谋发展、促和谐
    Sign,
    /// 党代表名册
    Roster,
    /// 活动安排
    Plan,
}

impl WallKind {
    pub const ALL: [WallKind; 7] = [
        WallKind::Rules,
        WallKind::Workflow,
        WallKind::Duties,
        WallKind::Pledge,
        WallKind::Sign,
        WallKind::Roster,
        WallKind::Plan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WallKind::Rules => "rules",
            WallKind::Workflow => "workflow",
            WallKind::Duties => "duties",
            WallKind::Pledge => "pledge",
            WallKind::Sign => "sign",
            WallKind::Roster => "roster",
            WallKind::Plan => "plan",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            WallKind::Rules => "工作制度",
            WallKind::Workflow => "接待工作流程",
            WallKind::Duties => "联络员工作职责",
            WallKind::Pledge => "服务承诺",
            WallKind::Sign => "标识",
            WallKind::Roster => "党代表名册",
            WallKind::Plan => "活动安排",
        }
    }
}

/// A wall document as stored and as the change log records it (the template).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WallDocRow {
    pub kind: WallKind,
    pub title: String,
    /// Markdown with placeholders.
    pub body: String,
    pub updated_at: String,
    pub version: i64,
}

/// A wall document for the screen: the template and what it shows filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WallDocView {
    pub kind: WallKind,
    pub label: String,
    pub template: WallDocRow,
    /// The title with its placeholders filled.
    pub title: String,
    /// The body filled and rendered as safe HTML.
    pub html: String,
}

/// The form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WallDocInput {
    pub title: String,
    pub body: String,
}
