//! What the public forms share: the spam checks of a send (rate limits, honeypot, the arithmetic
//! question) and the form's state for re-showing it (the values typed, the core's field errors
//! under their fields, a message above the form, the question when one is due).

use std::collections::BTreeMap;
use std::net::IpAddr;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use crate::error::PageError;
use crate::spam::{self, Question};
use crate::state::AppState;

/// The fields every public form carries besides its own.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct SpamFields {
    /// The honeypot ([`spam::HONEYPOT`]).
    pub website: String,
    /// The question's token and the answer, when one was asked.
    pub q: String,
    pub answer: String,
}

/// How a form is shown again: errors by field name, a message, the token, the question.
#[derive(Debug, Default, Serialize)]
pub struct FormState {
    pub errors: BTreeMap<String, String>,
    pub message: Option<String>,
    pub csrf: String,
    pub question: Option<Question>,
}

impl FormState {
    /// A fresh form for `ip` (with the question when its next send must answer one).
    pub fn new(state: &AppState, ip: IpAddr, csrf: &str) -> FormState {
        FormState {
            csrf: csrf.to_string(),
            question: state
                .spam()
                .needs_question(ip)
                .then(|| spam::question(state.csrf_key())),
            ..FormState::default()
        }
    }

    /// Take the core's refusal: field errors under their fields, a plain refusal as the message.
    /// Anything else is not the visitor's to fix (an error page).
    pub fn absorb(&mut self, e: studio_core::Error) -> Result<(), PageError> {
        match e {
            studio_core::Error::Validation(list) => {
                for f in list {
                    self.errors.entry(f.field).or_insert(f.message);
                }
                self.message = Some("请按提示修改后重新提交".into());
                Ok(())
            }
            // 查询进度's wrong code or digits, a refused send (too frequent): said above the form.
            studio_core::Error::Invalid(m) | studio_core::Error::NotFound(m) => {
                self.message = Some(m);
                Ok(())
            }
            other => Err(PageError::from(other)),
        }
    }
}

/// Count this send and check its spam fields. `Ok(Some(state))`: show the form again with the
/// question's error; `Err`: refused outright (429 over the limits, 400 for a filled honeypot).
pub fn check_send(
    state: &AppState,
    ip: IpAddr,
    csrf: &str,
    f: &SpamFields,
    phone: Option<&str>,
) -> Result<Option<FormState>, PageError> {
    let asked = state.spam().count_ip(ip)?;
    if !f.website.trim().is_empty() {
        tracing::info!("honeypot filled: send refused");
        return Err(PageError::BadRequest("提交未被接受".into()));
    }
    if asked && !spam::answer_ok(state.csrf_key(), &f.q, &f.answer) {
        let mut form = FormState::new(state, ip, csrf);
        let why = if f.answer.trim().is_empty() {
            "请回答算术题（您提交得较频繁）"
        } else {
            spam::WRONG_ANSWER
        };
        form.errors.insert("answer".into(), why.into());
        form.message = Some(why.into());
        if form.question.is_none() {
            form.question = Some(spam::question(state.csrf_key()));
        }
        return Ok(Some(form));
    }
    if let Some(p) = phone {
        state.spam().count_phone(p)?;
    }
    Ok(None)
}

/// A form shown again after a refused send: 400 with the page.
pub fn refused(page: Html<String>) -> Response {
    (StatusCode::BAD_REQUEST, page).into_response()
}

/// A checkbox's value as the browser sends it (present when ticked).
pub fn ticked(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|v| !v.is_empty())
}
