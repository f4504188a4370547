//! 约见党代表: a request to meet a delegate → `kiosk::request_appointment(…, Online)` (a 待确认
//! appointment with a query code), as at the kiosk: a public delegate, a working day the core
//! offers (`kiosk::request_days`), 上午 or 下午, the topic, consent.

use axum::extract::{Query, State};
use axum::response::{Html, Response};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};
use studio_core::appointments::AppointmentSource;
use studio_core::kiosk::{
    self, AppointmentRequestInput, DayPeriod, MESSAGE_NAME_MAX, REQUEST_TOPIC_MAX,
};

use super::forms::{self, FormState, SpamFields};
use super::message::{code_of, no_store, parse_code};
use super::render;
use crate::client_ip::ClientIp;
use crate::csrf::{CsrfForm, CsrfToken};
use crate::error::PageError;
use crate::state::AppState;

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(default)]
pub struct AppointmentForm {
    pub name: String,
    pub phone: String,
    pub delegate_id: String,
    pub date: String,
    pub period: String,
    pub topic: String,
    pub consent: Option<String>,
    #[serde(skip_serializing)]
    pub website: String,
    #[serde(skip_serializing)]
    pub q: String,
    #[serde(skip_serializing)]
    pub answer: String,
}

#[derive(Deserialize)]
pub struct Preselect {
    delegate: Option<String>,
}

const WEEKDAYS: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/// `2026-09-22` → `9月22日（周二）`.
fn day_label(day: &str) -> String {
    use chrono::Datelike;
    match chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        Ok(d) => format!(
            "{}月{}日（{}）",
            d.month(),
            d.day(),
            WEEKDAYS[d.weekday().num_days_from_monday() as usize]
        ),
        Err(_) => day.to_string(),
    }
}

pub async fn form(
    State(state): State<AppState>,
    ip: ClientIp,
    csrf: CsrfToken,
    Query(p): Query<Preselect>,
) -> Result<Html<String>, PageError> {
    let values = AppointmentForm {
        delegate_id: p.delegate.unwrap_or_default(),
        ..AppointmentForm::default()
    };
    let fs = FormState::new(&state, ip.0, csrf.value());
    page(&state, ip, fs, values).await
}

async fn page(
    state: &AppState,
    ip: ClientIp,
    fs: FormState,
    values: AppointmentForm,
) -> Result<Html<String>, PageError> {
    render(state, ip, "appointment.html", move |s, c| {
        let groups = kiosk::delegate_profiles(s, c)?;
        let days: Vec<(String, String)> = kiosk::request_days(s, c)?
            .into_iter()
            .map(|d| {
                let label = day_label(&d);
                (d, label)
            })
            .collect();
        let periods: Vec<(String, &str)> = DayPeriod::ALL
            .iter()
            .map(|p| (code_of(p), p.label()))
            .collect();
        Ok(context! {
            title => "约见党代表",
            active => "appointment",
            groups => Value::from_serialize(&groups),
            days,
            periods,
            v => Value::from_serialize(&values),
            form => Value::from_serialize(&fs),
            name_max => MESSAGE_NAME_MAX,
            topic_max => REQUEST_TOPIC_MAX,
        })
    })
    .await
}

pub async fn send(
    State(state): State<AppState>,
    ip: ClientIp,
    csrf: CsrfToken,
    CsrfForm(f): CsrfForm<AppointmentForm>,
) -> Result<Response, PageError> {
    let spam = SpamFields {
        website: f.website.clone(),
        q: f.q.clone(),
        answer: f.answer.clone(),
    };
    if let Some(fs) = forms::check_send(&state, ip.0, csrf.value(), &spam, Some(&f.phone))? {
        return Ok(forms::refused(page(&state, ip, fs, f).await?));
    }
    let input = AppointmentRequestInput {
        name: f.name.clone(),
        phone: f.phone.clone(),
        delegate_id: f.delegate_id.trim().to_string(),
        date: f.date.trim().to_string(),
        period: parse_code(&f.period),
        topic: f.topic.clone(),
        consent: forms::ticked(&f.consent),
    };
    let out = state
        .visitor(ip.0, move |s, c| {
            Ok(kiosk::request_appointment(
                s,
                c,
                &input,
                AppointmentSource::Online,
            ))
        })
        .await?;
    match out {
        Ok(r) => {
            let site_name = super::site_name(&state, ip).await?;
            let html = state.page(
                "receipt.html",
                context! {
                    site_name,
                    title => "约见申请已收到",
                    active => "appointment",
                    kind => "appointment",
                    code => r.query_code,
                    delegate_name => r.delegate_name,
                    date_label => day_label(&r.date),
                    period => r.period.label(),
                    received_on => r.received_on,
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
