//! 工作室简介 (the settings' intro, hotline, opening hours) and 规章制度 (the wall documents).

use axum::extract::State;
use axum::response::Html;
use minijinja::{context, Value};
use studio_core::{kiosk, wall};

use super::render;
use crate::client_ip::ClientIp;
use crate::error::PageError;
use crate::state::AppState;

pub async fn intro(State(state): State<AppState>, ip: ClientIp) -> Result<Html<String>, PageError> {
    render(&state, ip, "intro.html", |s, c| {
        let info = kiosk::kiosk_info(s, c)?;
        Ok(context! {
            title => "工作室简介",
            active => "intro",
            paragraphs => super::paragraphs(&info.intro),
            hotline => info.hotline,
            opening_hours => info.opening_hours,
        })
    })
    .await
}

pub async fn rules(State(state): State<AppState>, ip: ClientIp) -> Result<Html<String>, PageError> {
    render(&state, ip, "rules.html", |s, c| {
        let docs = wall::public_wall_docs(s, c)?;
        let docs: Vec<Value> = docs
            .into_iter()
            .map(|d| {
                context! {
                    anchor => d.kind.as_str(),
                    title => d.title,
                    // The core's Markdown renderer escapes what was typed: safe to show as HTML.
                    html => Value::from_safe_string(d.html),
                }
            })
            .collect();
        Ok(context! { title => "规章制度", active => "rules", docs })
    })
    .await
}
