//! News operations: reads take the context (`ReadRecords` for staff, `ReadRoster` for the
//! published posts a visitor may see); writes go through the gate with `EditStudio` (entity
//! `news`).

use std::path::PathBuf;

use super::validate::{self, IMAGES_MAX};
use super::{News, NewsDetail, NewsInput, NewsQuery, NewsStatus, NewsSummary, PublicNews};
use crate::actor::Permission;
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::ids::{new_id, now_utc};
use crate::markdown;
use crate::page::{Page, PageRequest};
use crate::roster::photo::{store_photo, thumb_name};
use crate::storage::{news as db, Store, Write};
use crate::validate::bound_search;

const NEWS: Entity = Entity::News;
const EXCERPT_CHARS: usize = 60;

fn not_found() -> Error {
    Error::NotFound("找不到该动态，可能已被删除".into())
}

/// Where a post's images are kept.
pub(crate) fn images_dir(store: &Store) -> PathBuf {
    store.files_dir().join("news")
}

fn detail(news: News) -> NewsDetail {
    NewsDetail {
        html: markdown::to_html(&news.body),
        news,
    }
}

/// The body's first characters as one line of plain text.
fn excerpt(body: &str) -> String {
    let text: String = markdown::to_blocks(body)
        .iter()
        .map(|b| b.text().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

fn summary(n: News) -> NewsSummary {
    NewsSummary {
        excerpt: excerpt(&n.body),
        image_count: n.images.len() as u32,
        id: n.id,
        title: n.title,
        date: n.date,
        author: n.author,
        published: n.published,
        updated_at: n.updated_at,
        version: n.version,
    }
}

fn load_at(tx: &Write<'_>, id: &str, version: i64) -> Result<News> {
    let before = db::get(tx, id)?.ok_or_else(not_found)?;
    tx.expect_version(NEWS, id, before.version, version)?;
    Ok(before)
}

// ---- reads ----------------------------------------------------------------------------------

/// The staff's list: every post (drafts too), newest first, filtered.
pub fn list_news(store: &Store, ctx: &Ctx, q: &NewsQuery) -> Result<Page<NewsSummary>> {
    ctx.require(Permission::ReadRecords)?;
    let text = q.q.as_deref().unwrap_or("");
    bound_search(text)?;
    for (field, d) in [("from", &q.from), ("to", &q.to)] {
        if let Some(d) = d.as_deref().filter(|d| !d.is_empty()) {
            if crate::ids::parse_date(d).is_none() {
                return Err(Error::field(field, "日期格式应为 2026-12-03"));
            }
        }
    }
    let filter = db::Filter {
        words: text.split_whitespace().collect(),
        status: q.status,
        from: q.from.as_deref().filter(|d| !d.is_empty()),
        to: q.to.as_deref().filter(|d| !d.is_empty()),
    };
    let page = q.page.clamped();
    let (rows, total) = db::list(&*store.reader()?, &filter, page.limit(), page.offset())?;
    Ok(Page {
        items: rows.into_iter().map(summary).collect(),
        total,
        page: page.page,
        page_size: page.page_size,
    })
}

/// One post with its body rendered (drafts too).
pub fn get_news(store: &Store, ctx: &Ctx, id: &str) -> Result<NewsDetail> {
    ctx.require(Permission::ReadRecords)?;
    let n = db::get(&*store.reader()?, id)?.ok_or_else(not_found)?;
    Ok(detail(n))
}

/// **The online studio's read**: published posts only, newest first, rendered safely. Anyone who
/// may read the studio's public face (`ReadRoster`: staff, delegates, the kiosk's visitor).
pub fn published_news(store: &Store, ctx: &Ctx, page: PageRequest) -> Result<Page<PublicNews>> {
    ctx.require(Permission::ReadRoster)?;
    let filter = db::Filter {
        status: Some(NewsStatus::Published),
        ..Default::default()
    };
    let page = page.clamped();
    let (rows, total) = db::list(&*store.reader()?, &filter, page.limit(), page.offset())?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|n| PublicNews {
                html: markdown::to_html(&n.body),
                id: n.id,
                title: n.title,
                date: n.date,
                author: n.author,
                images: n.images,
            })
            .collect(),
        total,
        page: page.page,
        page_size: page.page_size,
    })
}

/// **The online studio's post page**: one published post, rendered safely (a draft or a deleted
/// post is `not_found`). Needs `ReadRoster`, as [`published_news`].
pub fn public_news(store: &Store, ctx: &Ctx, id: &str) -> Result<PublicNews> {
    ctx.require(Permission::ReadRoster)?;
    let n = db::get(&*store.reader()?, id)?
        .filter(|n| n.published)
        .ok_or_else(not_found)?;
    Ok(PublicNews {
        html: markdown::to_html(&n.body),
        id: n.id,
        title: n.title,
        date: n.date,
        author: n.author,
        images: n.images,
    })
}

/// Every post dated in `from..=to` (both optional), for the export, oldest first.
pub fn news_for_export(
    store: &Store,
    ctx: &Ctx,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<News>> {
    ctx.require(Permission::ReadRecords)?;
    let filter = db::Filter {
        from,
        to,
        ..Default::default()
    };
    let (mut rows, _) = db::list(&*store.reader()?, &filter, i64::MAX, 0)?;
    rows.reverse();
    Ok(rows)
}

/// The Markdown as the safe HTML a post or wall document will show (the forms' preview).
pub fn preview_markdown(ctx: &Ctx, md: &str) -> Result<String> {
    ctx.require(Permission::ReadRecords)?;
    if md.chars().count() > markdown::MARKDOWN_MAX {
        return Err(Error::field(
            "body",
            format!("正文不能超过 {} 个字", markdown::MARKDOWN_MAX),
        ));
    }
    Ok(markdown::to_html(md))
}

/// An image of a post (JPEG), or its thumbnail. Staff see every post's; others only a published
/// post's. `None` when the post has no such image.
pub fn news_image_bytes(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    name: &str,
    thumbnail: bool,
) -> Result<Option<Vec<u8>>> {
    ctx.require(Permission::ReadRoster)?;
    let Some(n) = db::get(&*store.reader()?, id)? else {
        return Ok(None);
    };
    if !n.published && !ctx.may(Permission::ReadRecords) {
        return Ok(None);
    }
    // Only a name the post lists: never a path from outside.
    if !n.images.iter().any(|i| i == name) {
        return Ok(None);
    }
    let file = if thumbnail {
        thumb_name(name)
    } else {
        name.to_string()
    };
    match std::fs::read(images_dir(store).join(file)) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

// ---- writes ---------------------------------------------------------------------------------

fn published_at(before: Option<&News>, input: &NewsInput, now: &str) -> Option<String> {
    match (input.published, before.and_then(|b| b.published_at.clone())) {
        (false, kept) => kept,
        (true, Some(first)) => Some(first),
        (true, None) => Some(now.to_string()),
    }
}

/// A new post (a draft unless `published`).
pub fn create_news(store: &Store, ctx: &Ctx, input: &NewsInput) -> Result<NewsDetail> {
    ctx.require(Permission::EditStudio)?;
    let v = validate::news(input)?;
    store.write(ctx, Permission::EditStudio, |tx| {
        let now = now_utc();
        let n = News {
            id: new_id(),
            published_at: published_at(None, &v, &now),
            title: v.title,
            date: v.date,
            author: v.author,
            body: v.body,
            images: Vec::new(),
            published: v.published,
            created_at: now.clone(),
            updated_at: now,
            version: 1,
        };
        db::upsert(tx, &n)?;
        tx.record(NEWS, &n.id, "create", None::<&News>, Some(&n))?;
        Ok(detail(n))
    })
}

/// Change a post (publishing or taking it back to draft is part of the form).
pub fn update_news(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    input: &NewsInput,
) -> Result<NewsDetail> {
    ctx.require(Permission::EditStudio)?;
    let v = validate::news(input)?;
    store.write(ctx, Permission::EditStudio, |tx| {
        let before = load_at(tx, id, version)?;
        let now = now_utc();
        let action = match (before.published, v.published) {
            (false, true) => "publish",
            (true, false) => "unpublish",
            _ => "update",
        };
        let after = News {
            published_at: published_at(Some(&before), &v, &now),
            title: v.title,
            date: v.date,
            author: v.author,
            body: v.body,
            published: v.published,
            updated_at: now,
            version: before.version + 1,
            ..before.clone()
        };
        db::upsert(tx, &after)?;
        tx.record(NEWS, id, action, Some(&before), Some(&after))?;
        Ok(detail(after))
    })
}

/// Delete a post (a tombstone; the change log keeps it).
pub fn delete_news(store: &Store, ctx: &Ctx, id: &str, version: i64) -> Result<()> {
    store.write(ctx, Permission::EditStudio, |tx| {
        let before = load_at(tx, id, version)?;
        db::delete(tx, id, &now_utc(), before.version + 1)?;
        tx.record(NEWS, id, "delete", Some(&before), None::<&News>)
    })
}

/// Add an image (JPG, PNG or WebP up to 10 MB): decoded, resized to at most 1200 px and
/// thumbnailed by the photo code, stored in the files folder's `news/`.
pub fn add_news_image(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    bytes: &[u8],
) -> Result<NewsDetail> {
    ctx.require(Permission::EditStudio)?;
    {
        let n = db::get(&*store.reader()?, id)?.ok_or_else(not_found)?;
        if n.images.len() >= IMAGES_MAX {
            return Err(Error::Invalid(format!("每条动态最多 {IMAGES_MAX} 张图片")));
        }
    }
    let name = store_photo(&images_dir(store), id, bytes)?;
    store.write(ctx, Permission::EditStudio, |tx| {
        let before = load_at(tx, id, version)?;
        if before.images.len() >= IMAGES_MAX {
            return Err(Error::Invalid(format!("每条动态最多 {IMAGES_MAX} 张图片")));
        }
        let mut after = before.clone();
        after.images.push(name);
        after.updated_at = now_utc();
        after.version += 1;
        db::upsert(tx, &after)?;
        tx.record(NEWS, id, "image", Some(&before), Some(&after))?;
        Ok(detail(after))
    })
}

/// Take an image off a post (the file stays on disk, like a replaced photo).
pub fn remove_news_image(
    store: &Store,
    ctx: &Ctx,
    id: &str,
    version: i64,
    name: &str,
) -> Result<NewsDetail> {
    store.write(ctx, Permission::EditStudio, |tx| {
        let before = load_at(tx, id, version)?;
        if !before.images.iter().any(|i| i == name) {
            return Err(Error::NotFound("该动态没有这张图片".into()));
        }
        let mut after = before.clone();
        after.images.retain(|i| i != name);
        after.updated_at = now_utc();
        after.version += 1;
        db::upsert(tx, &after)?;
        tx.record(NEWS, id, "image", Some(&before), Some(&after))?;
        Ok(detail(after))
    })
}
