//! What a failed command sends the UI: `{code, message, fields, stale}` (DESIGN.md, invariant 7).

use serde::{Serialize, Serializer};
use studio_core::{Error, ErrorPayload};

/// A core error (or a fault of the shell itself) on its way to the UI.
#[derive(Debug)]
pub enum CmdError {
    Core(Error),
    /// A panic or a lost worker: the program's fault, reported instead of closing the window. The
    /// detail goes to the log, not to the page.
    Internal,
}

impl From<Error> for CmdError {
    fn from(e: Error) -> Self {
        CmdError::Core(e)
    }
}

impl CmdError {
    pub fn internal(detail: &str) -> Self {
        crate::log::write(&format!("内部错误：{detail}"));
        CmdError::Internal
    }

    /// The core error's code, if this is one.
    pub fn core_code(&self) -> Option<&'static str> {
        match self {
            CmdError::Core(e) => Some(e.code()),
            CmdError::Internal => None,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        match self {
            CmdError::Core(e) => e.payload(),
            CmdError::Internal => ErrorPayload {
                code: "internal".into(),
                message:
                    "程序内部出错，本次操作未完成，已记入日志。请重试；如反复出现，请联系管理员。"
                        .into(),
                fields: Vec::new(),
                stale: None,
            },
        }
    }
}

impl Serialize for CmdError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.payload().serialize(s)
    }
}

pub type CmdResult<T> = Result<T, CmdError>;
