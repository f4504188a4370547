//! Wall document operations: reads with `ReadRecords` (staff print them); the administrator edits
//! the templates (`EditSettings`, entity `wall_doc`, row id the kind).

use rusqlite::Connection;

use super::fill::{fill, Values};
use super::{WallDocInput, WallDocRow, WallDocView, WallKind};
use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::now_utc;
use crate::markdown::{self, MARKDOWN_MAX};
use crate::storage::{wall as db, Store};
use crate::validate::Checker;

pub const WALL_TITLE_MAX: usize = 60;

fn not_found() -> Error {
    Error::NotFound("找不到该上墙文件".into())
}

/// A template filled from the data: (title, Markdown body).
pub(crate) fn filled(conn: &Connection, ctx: &Ctx, row: &WallDocRow) -> Result<(String, String)> {
    let v = Values::read(conn, ctx)?;
    Ok((fill(conn, &v, &row.title)?, fill(conn, &v, &row.body)?))
}

fn view(conn: &Connection, ctx: &Ctx, row: WallDocRow) -> Result<WallDocView> {
    view_with(conn, ctx, row, markdown::to_html)
}

/// The view with the body rendered by `render`.
fn view_with(
    conn: &Connection,
    ctx: &Ctx,
    row: WallDocRow,
    render: impl Fn(&str) -> String,
) -> Result<WallDocView> {
    let (title, body) = filled(conn, ctx, &row)?;
    Ok(WallDocView {
        kind: row.kind,
        label: row.kind.label().to_string(),
        title,
        html: render(&body),
        template: row,
    })
}

/// All seven, in the order of [`WallKind::ALL`], filled in.
pub fn list_wall_docs(store: &Store, ctx: &Ctx) -> Result<Vec<WallDocView>> {
    ctx.require(Permission::ReadRecords)?;
    let conn = store.reader()?;
    db::list(&conn)?
        .into_iter()
        .map(|r| view(&conn, ctx, r))
        .collect()
}

/// **The online studio's read** (规章制度): all seven filled in, for anyone who may read the
/// studio's public face (`ReadRoster`: visitors too). For a reader without `ReadRecords`,
/// `{{roster}}` lists only what 代表风采 would show ([`crate::roster::public_profile`]). Each body
/// is rendered for its place on that page, under the document's title (an h2): its headings start
/// at h3 and skip no level ([`markdown::to_html_under`]).
pub fn public_wall_docs(store: &Store, ctx: &Ctx) -> Result<Vec<WallDocView>> {
    ctx.require(Permission::ReadRoster)?;
    let conn = store.reader()?;
    db::list(&conn)?
        .into_iter()
        .map(|r| view_with(&conn, ctx, r, |md| markdown::to_html_under(md, 2)))
        .collect()
}

pub fn get_wall_doc(store: &Store, ctx: &Ctx, kind: WallKind) -> Result<WallDocView> {
    ctx.require(Permission::ReadRecords)?;
    let conn = store.reader()?;
    let row = db::get(&conn, kind)?.ok_or_else(not_found)?;
    view(&conn, ctx, row)
}

/// What an unsaved form would show: the title and body filled and rendered (the editor's preview).
pub fn preview_wall_doc(
    store: &Store,
    ctx: &Ctx,
    kind: WallKind,
    input: &WallDocInput,
) -> Result<WallDocView> {
    ctx.require(Permission::ReadRecords)?;
    let v = check(input)?;
    let conn = store.reader()?;
    let row = WallDocRow {
        kind,
        title: v.title,
        body: v.body,
        updated_at: String::new(),
        version: 0,
    };
    view(&conn, ctx, row)
}

fn check(input: &WallDocInput) -> Result<WallDocInput> {
    let mut c = Checker::new();
    c.required("title", "标题", &input.title, WALL_TITLE_MAX);
    c.line("title", "标题", input.title.trim(), WALL_TITLE_MAX);
    c.required("body", "正文", &input.body, MARKDOWN_MAX);
    c.finish()?;
    Ok(WallDocInput {
        title: input.title.trim().to_string(),
        body: input.body.trim_end().to_string(),
    })
}

/// Save a template (the administrator's).
pub fn update_wall_doc(
    store: &Store,
    ctx: &Ctx,
    kind: WallKind,
    version: i64,
    input: &WallDocInput,
) -> Result<WallDocView> {
    ctx.require(Permission::EditSettings)?;
    let v = check(input)?;
    let row = store.write(ctx, Permission::EditSettings, |tx| {
        let before = db::get(tx, kind)?.ok_or_else(not_found)?;
        tx.expect_version(Entity::WallDoc, kind.as_str(), before.version, version)?;
        let after = WallDocRow {
            kind,
            title: v.title,
            body: v.body,
            updated_at: now_utc(),
            version: before.version + 1,
        };
        db::update(tx, &after)?;
        tx.record(
            Entity::WallDoc,
            kind.as_str(),
            "update",
            Some(&before),
            Some(&after),
        )?;
        Ok(after)
    })?;
    view(&*store.reader()?, ctx, row)
}
