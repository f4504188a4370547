//! The core's one error type. Every variant carries the Chinese text a user reads; `code()` is the
//! stable identifier the UI and scripts branch on (DESIGN.md, invariant 7).

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One field that failed validation, with the message shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldError {
    /// The input field's name as the UI knows it (`mobile`, `email`, …).
    pub field: String,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; nothing was saved.
    #[error("{}", validation_summary(.0))]
    Validation(Vec<FieldError>),
    #[error("{0}")]
    NotFound(String),
    /// The request contradicts the current state (e.g. demo data into a non-empty database, a step
    /// the status does not allow).
    #[error("{0}")]
    Conflict(String),
    /// The row changed since the version the caller based its change on: nothing was written.
    #[error("{}", STALE_MESSAGE)]
    Stale(Box<StaleInfo>),
    #[error("{0}")]
    Forbidden(String),
    /// No one is logged in, or the login failed (wrong password, locked account).
    #[error("{0}")]
    Unauthenticated(String),
    /// The session is locked (idle, or locked by the user): the password is asked again.
    #[error("已锁定，请输入密码解锁")]
    SessionLocked,
    /// A user error not tied to one field (bad file, bad argument).
    #[error("{0}")]
    Invalid(String),
    #[error("数据库出错：{0}")]
    Storage(#[from] rusqlite::Error),
    #[error("数据库升级失败：{0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("文件读写失败：{0}")]
    Io(#[from] std::io::Error),
    /// A long job stopped at the user's request; nothing was written.
    #[error("已取消")]
    Cancelled,
}

/// What a stale save is told (DESIGN.md, invariant 11).
pub const STALE_MESSAGE: &str = "该记录已被他人修改，请刷新后再看";

/// Who changed the row since the caller read it, and which fields, so the UI can say what changed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StaleInfo {
    pub entity: String,
    pub row_id: String,
    /// The version the caller based its change on.
    pub base_version: i64,
    /// The version the row has now.
    pub current_version: i64,
    /// Who made the latest of those changes, and when (UTC, RFC 3339).
    pub changed_by: String,
    pub changed_at: String,
    /// The fields that differ between the caller's version and the current one, as `{field, label}`.
    pub fields: Vec<FieldLabel>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldLabel {
    pub field: String,
    pub label: String,
}

fn validation_summary(fields: &[FieldError]) -> String {
    match fields {
        [] => "输入有误".to_string(),
        [one] => one.message.clone(),
        [first, rest @ ..] => format!("{}（另有 {} 处需要修改）", first.message, rest.len()),
    }
}

impl Error {
    /// A stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Validation(_) => "validation",
            Error::NotFound(_) => "not_found",
            Error::Conflict(_) => "state",
            Error::Stale(_) => "conflict",
            Error::Forbidden(_) => "forbidden",
            Error::Unauthenticated(_) => "unauthenticated",
            Error::SessionLocked => "session_locked",
            Error::Invalid(_) => "invalid",
            Error::Storage(_) => "storage",
            Error::Migration(_) => "migration",
            Error::Io(_) => "io",
            Error::Cancelled => "cancelled",
        }
    }

    /// Whether this is the user's error (exit code 1) rather than a fault of the program.
    pub fn is_user_error(&self) -> bool {
        !matches!(self, Error::Storage(_) | Error::Migration(_) | Error::Io(_))
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Error::Validation(vec![FieldError {
            field: field.to_string(),
            message: message.into(),
        }])
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_string(),
            message: self.to_string(),
            fields: match self {
                Error::Validation(f) => f.clone(),
                _ => Vec::new(),
            },
            stale: match self {
                Error::Stale(info) => Some((**info).clone()),
                _ => None,
            },
        }
    }
}

/// What a front end receives when a call fails: `{code, message, fields}`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    /// Per-field messages for forms; empty unless `code` is `validation`.
    pub fields: Vec<FieldError>,
    /// With `code` = `conflict`: who changed the record since it was read, and what.
    pub stale: Option<StaleInfo>,
}

/// Every code [`Error::code`] can return, with what it means, for the UI (one source of rules).
pub const ERROR_CODES: &[(&str, &str)] = &[
    ("validation", "输入有误"),
    ("not_found", "找不到记录"),
    ("state", "当前状态不允许此操作"),
    ("conflict", STALE_MESSAGE),
    ("forbidden", "没有权限"),
    ("unauthenticated", "请先登录"),
    ("session_locked", "已锁定，请输入密码解锁"),
    ("invalid", "无法完成操作"),
    ("storage", "数据库出错"),
    ("migration", "数据库升级失败"),
    ("io", "文件读写失败"),
    ("cancelled", "已取消"),
    ("internal", "程序内部错误"),
];
