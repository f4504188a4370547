//! 查询进度: the query code and the last four digits of the phone → `kiosk::query_progress`:
//! the status and the answer (a message) or the day and time (an appointment), nothing else.
//! Asked by POST so neither the code nor the digits end up in a URL or a log.

use axum::extract::State;
use axum::response::{Html, Response};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};
use studio_core::kiosk::{self, Progress};

use super::forms::{self, FormState, SpamFields};
use super::message::no_store;
use super::render;
use crate::client_ip::ClientIp;
use crate::csrf::{CsrfForm, CsrfToken};
use crate::error::PageError;
use crate::state::AppState;

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct ProgressForm {
    pub code: String,
    pub last4: String,
    #[serde(skip_serializing)]
    pub website: String,
    #[serde(skip_serializing)]
    pub q: String,
    #[serde(skip_serializing)]
    pub answer: String,
}

pub async fn form(
    State(state): State<AppState>,
    ip: ClientIp,
    csrf: CsrfToken,
) -> Result<Html<String>, PageError> {
    let fs = FormState::new(&state, ip.0, csrf.value());
    page(&state, ip, fs, ProgressForm::default(), None).await
}

async fn page(
    state: &AppState,
    ip: ClientIp,
    fs: FormState,
    values: ProgressForm,
    result: Option<Progress>,
) -> Result<Html<String>, PageError> {
    render(state, ip, "progress.html", move |_, _| {
        Ok(context! {
            title => "查询进度",
            active => "progress",
            v => Value::from_serialize(&values),
            form => Value::from_serialize(&fs),
            result => Value::from_serialize(&result),
        })
    })
    .await
}

pub async fn query(
    State(state): State<AppState>,
    ip: ClientIp,
    csrf: CsrfToken,
    CsrfForm(f): CsrfForm<ProgressForm>,
) -> Result<Response, PageError> {
    let spam = SpamFields {
        website: f.website.clone(),
        q: f.q.clone(),
        answer: f.answer.clone(),
    };
    if let Some(fs) = forms::check_send(&state, ip.0, csrf.value(), &spam, None)? {
        let values = ProgressForm {
            code: f.code,
            ..ProgressForm::default()
        };
        return Ok(forms::refused(page(&state, ip, fs, values, None).await?));
    }
    let (code, last4) = (f.code.clone(), f.last4.clone());
    let out = state
        .visitor(ip.0, move |s, c| {
            Ok(kiosk::query_progress(s, c, &code, &last4))
        })
        .await?;
    // The digits are not shown back.
    let values = ProgressForm {
        code: f.code,
        ..ProgressForm::default()
    };
    match out {
        Ok(p) => {
            let fs = FormState::new(&state, ip.0, csrf.value());
            Ok(no_store(page(&state, ip, fs, values, Some(p)).await?))
        }
        Err(e) => {
            let mut fs = FormState::new(&state, ip.0, csrf.value());
            fs.absorb(e)?;
            Ok(forms::refused(page(&state, ip, fs, values, None).await?))
        }
    }
}
