//! 首页: the five sections, the latest news, this month's reception plan, today's duty.

use axum::extract::State;
use axum::response::Html;
use minijinja::{context, Value};
use studio_core::page::PageRequest;
use studio_core::{kiosk, news, schedule};

use super::render;
use crate::client_ip::ClientIp;
use crate::error::PageError;
use crate::state::AppState;

/// How many posts the home page lists.
const LATEST: u32 = 5;

pub async fn home(State(state): State<AppState>, ip: ClientIp) -> Result<Html<String>, PageError> {
    render(&state, ip, "home.html", |s, c| {
        let info = kiosk::kiosk_info(s, c)?;
        let latest = news::published_news(
            s,
            c,
            PageRequest {
                page: 1,
                page_size: LATEST,
            },
        )?;
        let today = c.today.format("%Y-%m-%d").to_string();
        let month = c.today.format("%Y-%m").to_string();
        let plan = match schedule::month_plan(s, c, &month) {
            Ok(p) => Some(p),
            Err(studio_core::Error::NotFound(_)) => None,
            Err(e) => return Err(e),
        };
        let duty = schedule::today_duty(s, c, &today)?;
        Ok(context! {
            title => "首页",
            active => "home",
            intro => super::paragraphs(&info.intro).into_iter().next(),
            hotline => info.hotline,
            opening_hours => info.opening_hours,
            latest => Value::from_serialize(&latest.items),
            month_label => format!("{}年{}月", &month[..4], month[5..].trim_start_matches('0')),
            month,
            plan => Value::from_serialize(&plan),
            today,
            duty => Value::from_serialize(&duty),
        })
    })
    .await
}
