//! 工作室动态: the published posts, paged; a post's page (the core's safe Markdown HTML); its
//! images by name (only a name the published post lists: never a path).

use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use minijinja::{context, Value};
use serde::Deserialize;
use studio_core::news;
use studio_core::page::PageRequest;

use super::{id_ok, render};
use crate::client_ip::ClientIp;
use crate::error::PageError;
use crate::state::AppState;
use crate::static_files::cached;

/// Posts per page.
pub const PAGE_SIZE: u32 = 10;

#[derive(Deserialize)]
pub struct ListQuery {
    page: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    ip: ClientIp,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, PageError> {
    let page = q
        .page
        .and_then(|p| p.trim().parse::<u32>().ok())
        .filter(|p| (1..=10_000).contains(p))
        .unwrap_or(1);
    render(&state, ip, "news.html", move |s, c| {
        let p = news::published_news(
            s,
            c,
            PageRequest {
                page,
                page_size: PAGE_SIZE,
            },
        )?;
        let pages = p.total.div_ceil(u64::from(PAGE_SIZE)).max(1);
        let posts: Vec<Value> = p
            .items
            .into_iter()
            .map(|n| context! { id => n.id, title => n.title, date => n.date, author => n.author })
            .collect();
        Ok(context! {
            title => "工作室动态",
            active => "news",
            posts,
            page,
            pages,
            total => p.total,
        })
    })
    .await
}

pub async fn post(
    State(state): State<AppState>,
    ip: ClientIp,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    if !id_ok(&id) {
        return Err(PageError::NotFound);
    }
    render(&state, ip, "post.html", move |s, c| {
        let n = news::public_news(s, c, &id)?;
        Ok(context! {
            title => n.title,
            active => "news",
            id => n.id,
            date => n.date,
            author => n.author,
            // Rendered by the core from Markdown with what was typed escaped.
            html => Value::from_safe_string(n.html),
            images => n.images,
        })
    })
    .await
}

#[derive(Deserialize)]
pub struct ImageQuery {
    thumb: Option<String>,
}

pub async fn image(
    State(state): State<AppState>,
    ip: ClientIp,
    Path((id, name)): Path<(String, String)>,
    Query(q): Query<ImageQuery>,
) -> Result<Response, PageError> {
    let name_ok = (1..=100).contains(&name.len())
        && !name.contains("..")
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !id_ok(&id) || !name_ok {
        return Err(PageError::NotFound);
    }
    let thumb = q.thumb.is_some();
    let bytes = state
        .visitor(ip.0, move |s, c| {
            news::news_image_bytes(s, c, &id, &name, thumb)
        })
        .await?
        .ok_or(PageError::NotFound)?;
    Ok(cached("image/jpeg", bytes))
}
