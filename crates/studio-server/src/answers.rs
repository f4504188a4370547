//! 代表回复 (`/answers`): the published answers to the messages whose writers agreed, as the core
//! gives them to a visitor (`public_answers::public_answers`): category, the question as staff
//! edited it, the delegate, the answer, the dates — nothing of the writer. Paged, searchable
//! (words and a category) with a plain GET form; no script.

use axum::extract::{Query, State};
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use minijinja::context;
use serde::{Deserialize, Serialize};
use studio_core::items::ItemCategory;
use studio_core::public_answers::{self, PublicAnswerQuery, PUBLIC_PAGE_SIZE};
use studio_core::validate::SEARCH_MAX_CHARS;

use crate::client_ip::ClientIp;
use crate::error::PageError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/answers", get(page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnswersQuery {
    q: String,
    category: String,
    page: u32,
}

/// Characters of the question its heading shows.
const HEADING_CHARS: usize = 40;

/// One answer as the page shows it: the core's fields and a short heading.
#[derive(Serialize)]
struct Shown {
    heading: String,
    #[serde(flatten)]
    answer: public_answers::PublicAnswer,
}

#[derive(Serialize)]
struct Category {
    code: &'static str,
    label: &'static str,
}

async fn page(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Query(query): Query<AnswersQuery>,
) -> Result<Html<String>, PageError> {
    let q: String = query.q.trim().chars().take(SEARCH_MAX_CHARS).collect();
    let category = ItemCategory::parse(query.category.trim());
    let core_query = PublicAnswerQuery {
        q: q.clone(),
        category,
        page: query.page.max(1),
    };
    let page = state
        .visitor(ip, move |store, ctx| {
            public_answers::public_answers(store, ctx, &core_query)
        })
        .await?;
    let pages = page.total.div_ceil(u64::from(PUBLIC_PAGE_SIZE)).max(1);
    let categories: Vec<Category> = ItemCategory::ALL
        .iter()
        .map(|c| Category {
            code: c.as_str(),
            label: c.label(),
        })
        .collect();
    // The pager's links keep the search: `q=…&category=…&` (encoded here, escaped by the page).
    let mut qs = String::new();
    if !q.is_empty() || category.is_some() {
        qs = serde_urlencoded::to_string([
            ("q", q.as_str()),
            ("category", category.map_or("", |c| c.as_str())),
        ])
        .unwrap_or_default();
        qs.push('&');
    }
    state.page(
        "answers.html",
        context! {
            title => "代表回复", active => "answers",
            answers => page.items.into_iter().map(|a| {
                let mut heading: String = a.question.chars().take(HEADING_CHARS).collect();
                if a.question.chars().count() > HEADING_CHARS {
                    heading.push('…');
                }
                Shown { heading, answer: a }
            }).collect::<Vec<_>>(), total => page.total, page => page.page, pages,
            q, qs, category => category.map(|c| c.as_str()), categories,
        },
    )
}
