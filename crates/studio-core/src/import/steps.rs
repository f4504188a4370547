//! How far an import is, for the window's progress bar and its 取消: each row read and checked is a
//! step, and on 确认导入 each row written is another. The callback is asked every
//! [`progress::EVERY`] steps and at the end; answering `false` stops the import with
//! [`Error::Cancelled`](crate::Error::Cancelled) — before the write commits, so nothing is written.

use crate::error::Result;
use crate::progress::{self, EVERY};

pub(super) struct Steps<'a> {
    progress: &'a mut dyn FnMut(usize, usize) -> bool,
    pub(super) done: usize,
    pub(super) total: usize,
}

impl<'a> Steps<'a> {
    pub(super) fn new(progress: &'a mut dyn FnMut(usize, usize) -> bool, total: usize) -> Self {
        Steps {
            progress,
            done: 0,
            total,
        }
    }

    /// Report where the import is now (and ask whether to go on).
    pub(super) fn report(&mut self) -> Result<()> {
        progress::report(self.progress, self.done, self.total)
    }

    /// One row more.
    pub(super) fn step(&mut self) -> Result<()> {
        self.done += 1;
        if self.done.is_multiple_of(EVERY) || self.done == self.total {
            self.report()?;
        }
        Ok(())
    }
}
