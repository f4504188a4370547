//! 接访安排: the published months (a visitor gets nothing else from the core), one month's days
//! with their receptions.

use axum::extract::{Query, State};
use axum::response::Html;
use minijinja::{context, Value};
use serde::Deserialize;
use studio_core::schedule;

use super::render;
use crate::client_ip::ClientIp;
use crate::error::PageError;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct MonthQuery {
    month: Option<String>,
}

/// `2026-09` → 2026年9月.
pub fn month_label(month: &str) -> String {
    match month.split_once('-') {
        Some((y, m)) => format!("{y}年{}月", m.trim_start_matches('0')),
        None => month.to_string(),
    }
}

pub async fn schedule(
    State(state): State<AppState>,
    ip: ClientIp,
    Query(q): Query<MonthQuery>,
) -> Result<Html<String>, PageError> {
    let asked = q.month.filter(|m| {
        m.len() == 7 && m.as_bytes()[4] == b'-' && m.bytes().filter(u8::is_ascii_digit).count() == 6
    });
    render(&state, ip, "schedule.html", move |s, c| {
        let months = schedule::published_months(s, c)?;
        let this_month = c.today.format("%Y-%m").to_string();
        let shown = match asked {
            Some(m) => Some(m),
            None => months
                .iter()
                .find(|m| m.month == this_month)
                .or_else(|| months.first())
                .map(|m| m.month.clone()),
        };
        let plan = match shown.as_deref().map(|m| schedule::month_plan(s, c, m)) {
            None => None,
            Some(Ok(p)) => Some(p),
            Some(Err(studio_core::Error::NotFound(_))) => return Err(not_published()),
            Some(Err(studio_core::Error::Validation(_))) => return Err(not_published()),
            Some(Err(e)) => return Err(e),
        };
        let months: Vec<Value> = months
            .iter()
            .map(|m| context! { month => m.month, label => month_label(&m.month) })
            .collect();
        Ok(context! {
            title => "接访安排",
            active => "schedule",
            months,
            shown,
            shown_label => shown.as_deref().map(month_label),
            plan => Value::from_serialize(&plan),
        })
    })
    .await
}

fn not_published() -> studio_core::Error {
    studio_core::Error::NotFound("该月接访安排尚未发布".into())
}
