//! The reception schedule poster job: a month's plan as the core reads it (`schedule::poster_data`,
//! which checks who may read it) → the print crate's plain model → PDF bytes. The app, the CLI and
//! later the server call this one function.

use crate::ctx::Ctx;
use crate::error::Result;
use crate::schedule::{self, PosterMonth};
use crate::storage::Store;

use super::{print_error, Rendered};

/// Printed under the table of every poster.
const POSTER_NOTE: &str = "如有调整，以工作室通知为准。欢迎党员群众到工作室反映意见建议。";

/// The print model of `month`.
pub fn poster_model(month: &PosterMonth) -> studio_print::Poster {
    studio_print::Poster {
        title: month.title.clone(),
        studio_name: month.studio_name.clone(),
        rows: month
            .rows
            .iter()
            .map(|r| studio_print::PosterRow {
                date: r.date_label.clone(),
                weekday: r.weekday.clone(),
                time: r.time.clone(),
                place: r.place.clone(),
                delegates: r.delegates.clone(),
            })
            .collect(),
        hotline: month.hotline.clone(),
        opening_hours: month.opening_hours.clone(),
        note: POSTER_NOTE.to_string(),
    }
}

/// The wall poster of `month` (`YYYY-MM`) as PDF bytes. A month without slots is an error with a
/// Chinese message, not an empty page. Rendering does not clear the month's 「海报待更新」 mark: the
/// front end calls `schedule::mark_poster_printed` once the file was saved or printed.
pub fn render_poster(store: &Store, ctx: &Ctx, month: &str) -> Result<Rendered> {
    let data = schedule::poster_data(store, ctx, month)?;
    super::printer(store)?
        .render_poster(&poster_model(&data))
        .map_err(print_error)
}
