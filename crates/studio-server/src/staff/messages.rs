//! Messages on the portal. Staff (管理员, 联络员): 待分派 — the messages from the online studio and
//! the kiosk without a delegate — and 分派 to the delegation head or a delegate
//! (`items::route_item`). Delegates and heads: the messages routed to them (their reach, decided by
//! the core) and 答复 online (`items::act` with `Answer`); the answer is what the writer's
//! 查询进度 shows. Every step is the core's: the item's timeline, the change log, the audit log.

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::context;
use serde::{Deserialize, Serialize};
use studio_core::items::{
    self, flow, ItemAction, ItemDetail, ItemListItem, ItemQuery, ItemSource, ItemStatus, ItemView,
};
use studio_core::roster::{self, DelegateStatus};
use studio_core::validate::mask_phone;
use studio_core::{Error, PageRequest, Role};

use super::session::Portal;
use super::{form_error, keep_refusal, Done};
use crate::csrf::{CsrfForm, CsrfToken};
use crate::error::PageError;
use crate::state::AppState;

/// Rows on one page of a list.
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
    source: &'static str,
    category: &'static str,
    status: String,
    title: String,
    delegate_names: String,
    received_on: String,
    due_on: Option<String>,
}

fn row(i: ItemListItem) -> Row {
    Row {
        status: flow::status_text(i.status, i.paused_since.is_some()),
        source: i.source.label(),
        category: i.category.label(),
        id: i.id,
        no: i.no,
        title: i.title,
        delegate_names: i.delegate_names,
        received_on: i.received_on,
        due_on: i.due_on,
    }
}

/// `/staff`: staff to 待分派, delegates and heads to their messages.
pub async fn home(portal: Portal) -> Redirect {
    if portal.is_staff() {
        Redirect::to("/staff/messages")
    } else {
        Redirect::to("/staff/mine")
    }
}

/// 待分派 (staff): messages from the online studio and the kiosk waiting for a delegate.
pub async fn unrouted(
    State(state): State<AppState>,
    portal: Portal,
    csrf: CsrfToken,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, PageError> {
    if !portal.is_staff() {
        return Err(PageError::Forbidden(
            "只有管理员和联络员可以分派留言".into(),
        ));
    }
    let page = PageRequest {
        page: q.page.max(1),
        page_size: PAGE_SIZE,
    };
    let ctx = portal.ctx.clone();
    let list = state
        .run(ctx, move |store, ctx| {
            items::list_items(
                store,
                ctx,
                &ItemQuery {
                    unrouted: true,
                    sort: items::ItemSort::ReceivedAsc,
                    page,
                    ..Default::default()
                },
            )
        })
        .await?;
    let rows: Vec<Row> = list.items.into_iter().map(row).collect();
    state.page(
        "staff/messages.html",
        context! {
            title => "待分派留言", active => "staff", csrf => csrf.value(), me => portal.actor().name,
            staff => true, tab => "unrouted", rows, total => list.total, page => page.page,
            pages => list.total.div_ceil(u64::from(PAGE_SIZE)).max(1),
        },
    )
}

/// 我的留言 (delegates and heads): the open messages from the online studio and the kiosk routed
/// to them (a head: their delegation's), oldest first.
pub async fn mine(
    State(state): State<AppState>,
    portal: Portal,
    csrf: CsrfToken,
) -> Result<Html<String>, PageError> {
    let ctx = portal.ctx.clone();
    let rows = state
        .run(ctx, move |store, ctx| {
            let mut all = Vec::new();
            for source in [ItemSource::Online, ItemSource::Kiosk] {
                let page = items::list_items(
                    store,
                    ctx,
                    &ItemQuery {
                        source: Some(source),
                        view: Some(ItemView::Open),
                        sort: items::ItemSort::ReceivedAsc,
                        page: PageRequest {
                            page: 1,
                            page_size: studio_core::page::MAX_PAGE_SIZE,
                        },
                        ..Default::default()
                    },
                )?;
                all.extend(page.items);
            }
            all.sort_by(|a, b| a.received_on.cmp(&b.received_on).then(a.no.cmp(&b.no)));
            Ok(all)
        })
        .await?;
    let rows: Vec<Row> = rows.into_iter().map(row).collect();
    let total = rows.len();
    state.page(
        "staff/messages.html",
        context! {
            title => "我的留言", active => "staff", csrf => csrf.value(), me => portal.actor().name,
            staff => portal.is_staff(), tab => "mine", rows, total, page => 1, pages => 1,
        },
    )
}

#[derive(Serialize)]
struct Event {
    on: String,
    actor: String,
    label: &'static str,
    text: String,
}

#[derive(Serialize)]
struct Choice {
    id: String,
    name: String,
}

#[derive(Serialize)]
struct Group {
    name: String,
    delegates: Vec<Choice>,
}

/// The delegates in office by delegation, each delegation's head first and marked (分派's choices).
fn choices(store: &studio_core::Store, ctx: &studio_core::Ctx) -> studio_core::Result<Vec<Group>> {
    let delegations = roster::list_delegations(store, ctx)?;
    let delegates = roster::all_delegates(store, ctx)?;
    Ok(delegations
        .into_iter()
        .map(|g| {
            let mut list: Vec<Choice> = delegates
                .iter()
                .filter(|d| d.delegation_id == g.id && d.status == DelegateStatus::Active)
                .map(|d| {
                    let head = g.head_delegate_id.as_deref() == Some(d.id.as_str());
                    Choice {
                        id: d.id.clone(),
                        name: if head {
                            format!("{}（团长）", d.name)
                        } else {
                            d.name.clone()
                        },
                    }
                })
                .collect();
            if let Some(pos) = list
                .iter()
                .position(|c| g.head_delegate_id.as_deref() == Some(c.id.as_str()))
            {
                let head = list.remove(pos);
                list.insert(0, head);
            }
            Group {
                name: g.name,
                delegates: list,
            }
        })
        .filter(|g| !g.delegates.is_empty())
        .collect())
}

/// One message: its text, status, delegates and timeline; 分派 for staff while it has no delegate;
/// 答复 for its delegates (and their head) while it may be answered.
async fn detail_page(
    state: &AppState,
    portal: &Portal,
    csrf: &CsrfToken,
    id: String,
    done: Option<&str>,
    error: Option<String>,
    answer_text: &str,
) -> Result<Html<String>, PageError> {
    let staff = portal.is_staff();
    let ctx = portal.ctx.clone();
    let (detail, groups, requested) = state
        .run(ctx, move |store, ctx| {
            let detail: ItemDetail = items::get_item(store, ctx, &id)?;
            if !matches!(detail.item.source, ItemSource::Online | ItemSource::Kiosk) {
                return Err(Error::NotFound("找不到该留言".into()));
            }
            let routable =
                staff && detail.item.delegates.is_empty() && detail.item.status.is_open();
            let groups = if routable {
                choices(store, ctx)?
            } else {
                Vec::new()
            };
            let requested = match &detail.item.requested_delegate_id {
                Some(d) => roster::get_delegate(store, ctx, d).ok().map(|d| d.name),
                None => None,
            };
            Ok((detail, groups, requested))
        })
        .await?;
    let i = &detail.item;
    let answerable = matches!(portal.actor().role, Role::Delegate | Role::Head)
        && !i.delegates.is_empty()
        && i.paused_since.is_none()
        && matches!(
            i.status,
            ItemStatus::Received | ItemStatus::Assigned | ItemStatus::InProgress
        );
    let events: Vec<Event> = detail
        .timeline
        .iter()
        .map(|e| Event {
            on: e.on.clone(),
            actor: e.actor.clone(),
            label: e.kind.label(),
            text: e.text.clone(),
        })
        .collect();
    state.page(
        "staff/message.html",
        context! {
            title => format!("留言 {}", i.no), active => "staff", csrf => csrf.value(), me => portal.actor().name,
            staff, tab => if staff { "unrouted" } else { "mine" },
            id => i.id, no => i.no, version => i.version,
            source => i.source.label(), category => i.category.label(),
            status => flow::status_text(i.status, i.paused_since.is_some()),
            title_text => i.title, content => i.content,
            person_name => i.person_name, phone_masked => mask_phone(&i.person_phone),
            publish_ok => i.publish_ok, requested, received_on => i.received_on,
            due_on => i.due_on, delegate_names => i.delegates.iter().map(|d| d.name.clone()).collect::<Vec<_>>().join("、"),
            answer => i.answer, answered_on => i.answered_on,
            groups, answerable, answer_text, events,
            done => done.map(Done::text), error,
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DetailQuery {
    done: Option<String>,
}

pub async fn detail(
    State(state): State<AppState>,
    portal: Portal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    Query(q): Query<DetailQuery>,
) -> Result<Html<String>, PageError> {
    detail_page(&state, &portal, &csrf, id, q.done.as_deref(), None, "").await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RouteForm {
    version: i64,
    delegate_id: String,
}

/// 分派: the chosen delegate (or head) becomes the message's handling delegate.
pub async fn route(
    State(state): State<AppState>,
    portal: Portal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<RouteForm>,
) -> Result<Response, PageError> {
    let item = id.clone();
    let result = state
        .run(portal.ctx.clone(), move |store, ctx| {
            keep_refusal(items::route_item(
                store,
                ctx,
                &item,
                form.version,
                &[form.delegate_id],
            ))
        })
        .await?;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/staff/messages/{id}?done=routed")).into_response()),
        Err(e) => {
            let (status, message) = form_error(e)?;
            let page = detail_page(&state, &portal, &csrf, id, None, Some(message), "").await?;
            Ok((status, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswerForm {
    version: i64,
    answer: String,
}

/// 答复 online: the item is answered (已答复) and the writer's 查询进度 shows the answer.
pub async fn answer(
    State(state): State<AppState>,
    portal: Portal,
    csrf: CsrfToken,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> Result<Response, PageError> {
    let item = id.clone();
    let text = form.answer.clone();
    let result = state
        .run(portal.ctx.clone(), move |store, ctx| {
            keep_refusal(items::act(
                store,
                ctx,
                &item,
                form.version,
                &ItemAction::Answer {
                    answer: form.answer,
                    on: String::new(),
                },
            ))
        })
        .await?;
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/staff/messages/{id}?done=answered")).into_response()),
        Err(e) => {
            let (status, message) = form_error(e)?;
            let page = detail_page(&state, &portal, &csrf, id, None, Some(message), &text).await?;
            Ok((status, page).into_response())
        }
    }
}
