//! The pages a visitor sees (网上工作室): server-rendered, Chinese, no script. Every read and
//! write goes through the core's services as the visitor from the client's address
//! ([`AppState::visitor`]); nothing here decides what is public.

use axum::extract::State;
use axum::response::Html;
use axum::routing::get;
use axum::Router;
use minijinja::context;

use crate::error::PageError;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

async fn home(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    state.page("home.html", context! { title => "首页", active => "home" })
}
