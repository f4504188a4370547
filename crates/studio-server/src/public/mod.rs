//! The pages a visitor sees (网上工作室): server-rendered, Chinese, no script. Every read and
//! write goes through the core's services as the visitor from the client's address
//! ([`AppState::visitor`]); nothing here decides what is public — the core does
//! (`published_news`, `month_plan`, `delegate_profiles`/`public_profile`, `public_wall_docs`,
//! `query_progress`).
//!
//! One file per page group: [`home`], [`info`] (工作室简介, 规章制度), [`news`] (工作室动态 and
//! its images), [`schedule`] (接访安排), [`delegates`] (代表风采 and photos), [`message`]
//! (有事找代表), [`appointment`] (约见党代表), [`progress`] (查询进度); [`forms`] is what the three
//! forms share (spam checks, field errors).

mod appointment;
mod delegates;
mod forms;
mod home;
mod info;
mod message;
mod news;
mod progress;
mod schedule;

use axum::response::Html;
use axum::routing::get;
use axum::Router;
use studio_core::{Ctx, Store};

use crate::client_ip::ClientIp;
use crate::error::PageError;
use crate::state::AppState;

/// The pages every visitor sees alike (the server may keep them rendered: `page_cache`).
pub fn pages() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/intro", get(info::intro))
        .route("/rules", get(info::rules))
        .route("/news", get(news::list))
        .route("/news/{id}", get(news::post))
        .route("/schedule", get(schedule::schedule))
        .route("/delegates", get(delegates::list))
}

/// The forms (a per-browser token in each page), and the images (their own cache headers).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/news/{id}/images/{name}", get(news::image))
        .route("/photos/{id}", get(delegates::photo))
        .route("/message", get(message::form).post(message::send))
        .route(
            "/appointment",
            get(appointment::form).post(appointment::send),
        )
        .route("/progress", get(progress::form).post(progress::query))
}

/// Render `template` with what `f` reads (as the visitor from `ip`) and the studio's name, in one
/// trip to a worker thread.
async fn render<F>(
    state: &AppState,
    ip: ClientIp,
    template: &'static str,
    f: F,
) -> Result<Html<String>, PageError>
where
    F: FnOnce(&Store, &Ctx) -> studio_core::Result<minijinja::Value> + Send + 'static,
{
    let (site_name, data) = state
        .visitor(ip.0, move |s, c| {
            let name = studio_core::kiosk::kiosk_info(s, c)?.studio_name;
            Ok((name, f(s, c)?))
        })
        .await?;
    state.page(template, minijinja::context! { site_name, ..data })
}

/// The studio's name for the layout (pages that read nothing else).
async fn site_name(state: &AppState, ip: ClientIp) -> Result<String, PageError> {
    state
        .visitor(ip.0, |s, c| {
            Ok(studio_core::kiosk::kiosk_info(s, c)?.studio_name)
        })
        .await
}

/// A record id from a path (UUID text): anything else is not a page.
fn id_ok(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Plain text as paragraphs (the intro and other settings typed as text), for `{% for %}`.
fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}
