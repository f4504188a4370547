//! 代表回复 on the portal (staff): the consenting messages, the public question and answer edited
//! beside the originals, 保存 / 发布 / 撤回 (`public_answers` in the core, which refuses a text
//! holding the writer's name or phone and an unanswered message).

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};
use studio_core::public_answers::{self, PublicationInput, PublicationQuery};
use studio_core::PageRequest;

use super::session::Portal;
use super::{form_error, keep_refusal, Done};
use crate::csrf::{CsrfForm, CsrfToken};
use crate::error::PageError;
use crate::state::AppState;

const PAGE_SIZE: u32 = 20;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    page: u32,
}

#[derive(Serialize)]
struct Row {
    id: String,
    no: String,
    title: String,
    category: &'static str,
    status: &'static str,
    delegate_names: String,
    answered_on: Option<String>,
    state: &'static str,
}

pub async fn list(
    State(state): State<AppState>,
    portal: Portal,
    csrf: CsrfToken,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, PageError> {
    let page = PageRequest {
        page: q.page.max(1),
        page_size: PAGE_SIZE,
    };
    let list = state
        .run(portal.ctx.clone(), move |store, ctx| {
            public_answers::publication_list(
                store,
                ctx,
                &PublicationQuery {
                    answered_only: false,
                    page,
                    ..Default::default()
                },
            )
        })
        .await?;
    let rows: Vec<Row> = list
        .items
        .into_iter()
        .map(|r| Row {
            category: r.category.label(),
            status: r.status.label(),
            state: r.state.label(),
            id: r.item_id,
            no: r.no,
            title: r.title,
            delegate_names: r.delegate_names,
            answered_on: r.answered_on,
        })
        .collect();
    state.page(
        "staff/publish_list.html",
        context! {
            title => "代表回复管理", active => "staff", csrf => csrf.value(), me => portal.actor().name,
            staff => true, tab => "answers", rows, total => list.total, page => page.page,
            pages => list.total.div_ceil(u64::from(PAGE_SIZE)).max(1),
        },
    )
}

async fn form_page(
    state: &AppState,
    portal: &Portal,
    csrf: &CsrfToken,
    id: String,
    done: Option<&str>,
    error: Option<String>,
    typed: Option<PublicationInput>,
) -> Result<Html<String>, PageError> {
    let f = state
        .run(portal.ctx.clone(), move |store, ctx| {
            public_answers::publication_form(store, ctx, &id)
        })
        .await?;
    let (question, answer) = match typed {
        Some(t) => (t.question, t.answer),
        None => (f.question.clone(), f.answer.clone()),
    };
    state.page(
        "staff/publish_form.html",
        context! {
            title => format!("代表回复 {}", f.no), active => "staff", csrf => csrf.value(), me => portal.actor().name,
            staff => true, tab => "answers",
            id => f.item_id, no => f.no, category => f.category.label(),
            original_question => f.original_question, original_answer => f.original_answer,
            answered_on => f.answered_on, delegate_names => f.delegate_names,
            question, answer, state => f.state.label(),
            published => f.state == public_answers::PublicationState::Published,
            version => f.version, blocked => f.blocked,
            done => done.map(Done::text), error,
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FormQuery {
    done: Option<String>,
}

pub async fn form(
    State(state): State<AppState>,
    portal: Portal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    Query(q): Query<FormQuery>,
) -> Result<Html<String>, PageError> {
    form_page(&state, &portal, &csrf, id, q.done.as_deref(), None, None).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SaveForm {
    version: i64,
    question: String,
    answer: String,
    /// `publish` (发布) or anything else (保存).
    action: String,
}

pub async fn save(
    State(state): State<AppState>,
    portal: Portal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<SaveForm>,
) -> Result<Response, PageError> {
    let publish = form.action == "publish";
    let input = PublicationInput {
        question: form.question,
        answer: form.answer,
    };
    let (item, typed) = (id.clone(), input.clone());
    let result = state
        .run(portal.ctx.clone(), move |store, ctx| {
            keep_refusal(public_answers::save_publication(
                store,
                ctx,
                &item,
                form.version,
                &input,
                publish,
            ))
        })
        .await?;
    match result {
        Ok(_) => {
            let done = if publish { "published" } else { "saved" };
            Ok(Redirect::to(&format!("/staff/answers/{id}?done={done}")).into_response())
        }
        Err(e) => {
            let (status, message) = form_error(e)?;
            let page =
                form_page(&state, &portal, &csrf, id, None, Some(message), Some(typed)).await?;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WithdrawForm {
    version: i64,
}

pub async fn withdraw(
    State(state): State<AppState>,
    portal: Portal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<WithdrawForm>,
) -> Result<Response, PageError> {
    let item = id.clone();
    let result = state
        .run(portal.ctx.clone(), move |store, ctx| {
            keep_refusal(public_answers::withdraw_publication(
                store,
                ctx,
                &item,
                form.version,
            ))
        })
        .await?;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/staff/answers/{id}?done=withdrawn")).into_response()),
        Err(e) => {
            let (status, message) = form_error(e)?;
            let page = form_page(&state, &portal, &csrf, id, None, Some(message), None).await?;
            Ok((status, page).into_response())
        }
    }
}
