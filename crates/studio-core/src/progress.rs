//! Progress of a long job inside the core (a calendar change recomputing every stored deadline):
//! the front end passes `progress(done, total) -> bool`, the job calls it now and then and stops
//! with [`Error::Cancelled`] when it answers `false`. Printing takes the same kind of callback.

use crate::error::{Error, Result};

/// A loop over rows asks its callback every this many rows: often enough for a smooth bar and a
/// prompt 取消, rarely enough to cost nothing.
pub(crate) const EVERY: usize = 200;

/// Report `done` of `total` and ask whether to go on: [`Error::Cancelled`] when the answer is no.
pub(crate) fn report(
    progress: &mut dyn FnMut(usize, usize) -> bool,
    done: usize,
    total: usize,
) -> Result<()> {
    if progress(done, total) {
        Ok(())
    } else {
        Err(Error::Cancelled)
    }
}
