//! 代表风采: the delegates who agreed to be shown, by delegation, each with only the fields they
//! allow (`kiosk::delegate_profiles` → `roster::public_profile`); photos by delegate id, through
//! `roster::public_photo_bytes` (the same rule), never by a path.

use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use minijinja::{context, Value};
use serde::Deserialize;
use studio_core::{kiosk, roster};

use super::{id_ok, render};
use crate::client_ip::ClientIp;
use crate::error::PageError;
use crate::state::AppState;
use crate::static_files::cached;

pub async fn list(State(state): State<AppState>, ip: ClientIp) -> Result<Html<String>, PageError> {
    render(&state, ip, "delegates.html", |s, c| {
        let groups = kiosk::delegate_profiles(s, c)?;
        Ok(context! {
            title => "代表风采",
            active => "delegates",
            groups => Value::from_serialize(&groups),
        })
    })
    .await
}

#[derive(Deserialize)]
pub struct PhotoQuery {
    thumb: Option<String>,
}

pub async fn photo(
    State(state): State<AppState>,
    ip: ClientIp,
    Path(id): Path<String>,
    Query(q): Query<PhotoQuery>,
) -> Result<Response, PageError> {
    if !id_ok(&id) {
        return Err(PageError::NotFound);
    }
    let thumb = q.thumb.is_some();
    let bytes = state
        .visitor(ip.0, move |s, c| {
            roster::public_photo_bytes(s, c, &id, thumb)
        })
        .await?
        .ok_or(PageError::NotFound)?;
    Ok(cached("image/jpeg", bytes))
}
