//! 工作室动态: the list, a post, the form (with the backend's safe Markdown preview), images (sent
//! as base64 like a delegate's photo, shown back as `data:` URLs).

use base64::Engine;
use studio_core::news::{self, NewsDetail, NewsInput, NewsQuery, NewsSummary, PublicNews};
use studio_core::page::PageRequest;
use studio_core::roster::PHOTO_MAX_BYTES;
use studio_core::{Error, Page};
use tauri::State;

use super::roster::photo_data_url;
use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn news_list(
    state: State<'_, AppState>,
    query: NewsQuery,
) -> CmdResult<Page<NewsSummary>> {
    state
        .run(move |s, ctx| news::list_news(s, ctx, &query))
        .await
}

#[tauri::command]
pub async fn news_published(
    state: State<'_, AppState>,
    page: PageRequest,
) -> CmdResult<Page<PublicNews>> {
    state
        .run(move |s, ctx| news::published_news(s, ctx, page))
        .await
}

#[tauri::command]
pub async fn news_get(state: State<'_, AppState>, id: String) -> CmdResult<NewsDetail> {
    state.run(move |s, ctx| news::get_news(s, ctx, &id)).await
}

#[tauri::command]
pub async fn news_create(state: State<'_, AppState>, input: NewsInput) -> CmdResult<NewsDetail> {
    state
        .run(move |s, ctx| news::create_news(s, ctx, &input))
        .await
}

#[tauri::command]
pub async fn news_update(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    input: NewsInput,
) -> CmdResult<NewsDetail> {
    state
        .run(move |s, ctx| news::update_news(s, ctx, &id, version, &input))
        .await
}

#[tauri::command]
pub async fn news_delete(state: State<'_, AppState>, id: String, version: i64) -> CmdResult<()> {
    state
        .run(move |s, ctx| news::delete_news(s, ctx, &id, version))
        .await
}

/// The Markdown as the safe HTML the post or wall document will show.
#[tauri::command]
pub async fn markdown_preview(state: State<'_, AppState>, markdown: String) -> CmdResult<String> {
    state
        .run(move |_, ctx| news::preview_markdown(ctx, &markdown))
        .await
}

/// The largest base64 text accepted: the photo limit plus base64's third, checked before decoding.
const IMAGE_MAX_BASE64: usize = PHOTO_MAX_BYTES / 3 * 4 + 8;

#[tauri::command]
pub async fn news_add_image(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    data_base64: String,
) -> CmdResult<NewsDetail> {
    state
        .run(move |s, ctx| {
            let text = data_base64.trim();
            if text.len() > IMAGE_MAX_BASE64 {
                return Err(Error::Invalid(format!(
                    "图片不能超过 {} MB",
                    PHOTO_MAX_BYTES / 1024 / 1024
                )));
            }
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(text)
                .map_err(|_| Error::Invalid("图片数据无法读取，请重新选择文件".into()))?;
            news::add_news_image(s, ctx, &id, version, &bytes)
        })
        .await
}

#[tauri::command]
pub async fn news_remove_image(
    state: State<'_, AppState>,
    id: String,
    version: i64,
    name: String,
) -> CmdResult<NewsDetail> {
    state
        .run(move |s, ctx| news::remove_news_image(s, ctx, &id, version, &name))
        .await
}

/// An image of a post as a `data:` URL.
#[tauri::command]
pub async fn news_image(
    state: State<'_, AppState>,
    id: String,
    name: String,
    thumbnail: bool,
) -> CmdResult<Option<String>> {
    state
        .run(move |s, ctx| {
            Ok(news::news_image_bytes(s, ctx, &id, &name, thumbnail)?.map(photo_data_url))
        })
        .await
}
