//! The wall document job (上墙制度): a template filled from the data (`wall`, which checks who may
//! read it) → its Markdown as the print crate's blocks → an A4 poster (the sign: A4 landscape).

use crate::ctx::Ctx;
use crate::error::Result;
use crate::storage::{wall as db, Store};
use crate::wall::{self, WallKind};
use crate::{markdown, settings, Permission};

use super::{print_error, Rendered};

/// The print model of the wall document `kind`, filled from the data as of `ctx.today`.
pub fn wall_model(store: &Store, ctx: &Ctx, kind: WallKind) -> Result<studio_print::WallDoc> {
    ctx.require(Permission::ReadRecords)?;
    let conn = store.reader()?;
    let row =
        db::get(&conn, kind)?.ok_or_else(|| crate::Error::NotFound("找不到该上墙文件".into()))?;
    let (title, body) = wall::filled(&conn, ctx, &row)?;
    let sign = kind == WallKind::Sign;
    Ok(studio_print::WallDoc {
        title,
        blocks: markdown::to_blocks(&body),
        signature: if sign {
            String::new()
        } else {
            settings::load_from(&conn)?.studio_name
        },
        sign,
    })
}

/// The wall document `kind` as PDF bytes.
pub fn render_wall(store: &Store, ctx: &Ctx, kind: WallKind) -> Result<Rendered> {
    let model = wall_model(store, ctx, kind)?;
    super::printer(store)?
        .render_wall(&model)
        .map_err(print_error)
}
