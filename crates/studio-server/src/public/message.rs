//! 有事找代表: the message form → `kiosk::submit_message(…, ItemSource::Online)`. The receipt
//! (已收到 and the 查询码) is shown only after the core has stored the item.

use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};
use studio_core::items::{ItemCategory, ItemSource};
use studio_core::kiosk::{self, MessageInput, MESSAGE_NAME_MAX, MESSAGE_TEXT_MAX};

use super::forms::{self, FormState, SpamFields};
use super::render;
use crate::client_ip::ClientIp;
use crate::csrf::{CsrfForm, CsrfToken};
use crate::error::PageError;
use crate::state::AppState;

/// What the form posts (all text: the browser sends text; the core checks it).
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct MessageForm {
    pub name: String,
    pub phone: String,
    pub category: String,
    pub text: String,
    pub delegate_id: String,
    pub consent: Option<String>,
    pub publish_ok: Option<String>,
    #[serde(skip_serializing)]
    pub website: String,
    #[serde(skip_serializing)]
    pub q: String,
    #[serde(skip_serializing)]
    pub answer: String,
}

/// The categories as `(value, label)` for the select.
pub fn categories() -> Vec<(String, &'static str)> {
    ItemCategory::ALL
        .iter()
        .map(|c| (code_of(c), c.label()))
        .collect()
}

/// A serde enum's wire name (`policy_inquiry`).
pub fn code_of<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The wire name back to the enum (`None` when it is not one).
pub fn parse_code<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.trim().to_string())).ok()
}

#[derive(Deserialize)]
pub struct Preselect {
    delegate: Option<String>,
}

pub async fn form(
    State(state): State<AppState>,
    ip: ClientIp,
    csrf: CsrfToken,
    Query(p): Query<Preselect>,
) -> Result<Html<String>, PageError> {
    let values = MessageForm {
        delegate_id: p.delegate.unwrap_or_default(),
        ..MessageForm::default()
    };
    let fs = FormState::new(&state, ip.0, csrf.value());
    page(&state, ip, fs, values).await
}

async fn page(
    state: &AppState,
    ip: ClientIp,
    fs: FormState,
    values: MessageForm,
) -> Result<Html<String>, PageError> {
    render(state, ip, "message.html", move |s, c| {
        let groups = kiosk::delegate_profiles(s, c)?;
        Ok(context! {
            title => "有事找代表",
            active => "message",
            groups => Value::from_serialize(&groups),
            categories => categories(),
            v => Value::from_serialize(&values),
            form => Value::from_serialize(&fs),
            name_max => MESSAGE_NAME_MAX,
            text_max => MESSAGE_TEXT_MAX,
        })
    })
    .await
}

pub async fn send(
    State(state): State<AppState>,
    ip: ClientIp,
    csrf: CsrfToken,
    CsrfForm(f): CsrfForm<MessageForm>,
) -> Result<Response, PageError> {
    let spam = SpamFields {
        website: f.website.clone(),
        q: f.q.clone(),
        answer: f.answer.clone(),
    };
    if let Some(fs) = forms::check_send(&state, ip.0, csrf.value(), &spam, Some(&f.phone))? {
        return Ok(forms::refused(page(&state, ip, fs, f).await?));
    }
    let input = MessageInput {
        name: f.name.clone(),
        phone: f.phone.clone(),
        category: parse_code(&f.category),
        text: f.text.clone(),
        delegate_id: Some(f.delegate_id.trim().to_string()).filter(|d| !d.is_empty()),
        consent: forms::ticked(&f.consent),
        publish_ok: forms::ticked(&f.publish_ok),
    };
    let out = state
        .visitor(ip.0, move |s, c| {
            Ok(kiosk::submit_message(s, c, &input, ItemSource::Online))
        })
        .await?;
    match out {
        Ok(receipt) => {
            let site_name = super::site_name(&state, ip).await?;
            let html = state.page(
                "receipt.html",
                context! {
                    site_name,
                    title => "留言已收到",
                    active => "message",
                    kind => "message",
                    code => receipt.query_code,
                    item_no => receipt.item_no,
                    received_on => receipt.received_on,
                },
            )?;
            Ok(no_store(html))
        }
        Err(e) => {
            let mut fs = FormState::new(&state, ip.0, csrf.value());
            fs.absorb(e)?;
            Ok(forms::refused(page(&state, ip, fs, f).await?))
        }
    }
}

/// A receipt: not kept by any cache (it holds the query code).
pub fn no_store(html: Html<String>) -> Response {
    ([(axum::http::header::CACHE_CONTROL, "no-store")], html).into_response()
}
