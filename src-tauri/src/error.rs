//! What a failed command sends the UI: `{code, message, fields}` (DESIGN.md, invariant 7).

use serde::{Serialize, Serializer};
use studio_core::Error;

/// A core error on its way to the UI.
#[derive(Debug)]
pub struct CmdError(pub Error);

impl From<Error> for CmdError {
    fn from(e: Error) -> Self {
        CmdError(e)
    }
}

impl Serialize for CmdError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.payload().serialize(s)
    }
}

pub type CmdResult<T> = Result<T, CmdError>;
