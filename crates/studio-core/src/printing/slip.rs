//! The kiosk's query-code slip (查询码回执): what a visitor got back from 有事找代表
//! ([`kiosk::submit_message`](crate::kiosk::submit_message)) or 约见党代表
//! ([`kiosk::request_appointment`](crate::kiosk::request_appointment)) → the print crate's plain
//! model → a one-page A6 PDF to take home.
//!
//! The slip holds no personal data: never the visitor's name or phone, only the code, the item's
//! number and day, the category, or the delegate asked for and the day. It is made from the
//! receipt the front end already holds, not read back from the records: printing needs `UseKiosk`
//! and nothing more, and a code alone opens nothing (查询进度 also needs the phone's last digits).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::actor::Permission;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::items::ItemCategory;
use crate::kiosk::{format_code, normalize_code, AppointmentReceipt, Receipt};
use crate::schedule::validate::weekday_label;
use crate::settings::{self, Settings};
use crate::storage::Store;

use super::{print_error, Rendered};

/// 有事找代表's heading.
pub const MESSAGE_HEADING: &str = "有事找代表 回执";
/// 约见党代表's heading.
pub const APPOINTMENT_HEADING: &str = "约见申请 回执";
/// How the code is used, on every slip.
pub const QUERY_INSTRUCTIONS: &str =
    "凭查询码和手机号后四位，可在工作室自助终端或网上工作室查询办理进度。";
/// What happens to a request, above [`QUERY_INSTRUCTIONS`] on an appointment's slip (staff call
/// back to confirm: `kiosk::AppointmentRequestInput::phone`).
pub const APPOINTMENT_NOTE: &str = "约见申请待工作人员确认，确认后将电话通知您。";
/// Longest item number or delegate name a slip takes: a receipt's are far shorter.
const FIELD_MAX: usize = 40;

/// What a front end asks to print after the kiosk's 有事找代表 or 约见党代表: the receipt it got
/// back, as it got it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SlipRequest {
    /// 有事找代表. `category` is the one the visitor chose on the form (the receipt does not
    /// repeat it); `None` leaves the line out.
    Message {
        receipt: Receipt,
        #[serde(default)]
        #[ts(optional = nullable)]
        category: Option<ItemCategory>,
    },
    /// 约见党代表.
    Appointment { receipt: AppointmentReceipt },
}

/// The slip of a message: heading 有事找代表 回执, the code, 受理编号, 提交日期 and 问题类别 (when
/// given), how to use the code, and the studio's name and hotline from `settings`.
pub fn slip_for_message(
    receipt: &Receipt,
    category: Option<ItemCategory>,
    settings: &Settings,
) -> studio_print::Slip {
    let mut lines = vec![
        ("受理编号".to_string(), receipt.item_no.trim().to_string()),
        ("提交日期".to_string(), chinese_date(&receipt.received_on)),
    ];
    if let Some(c) = category {
        lines.push(("问题类别".to_string(), c.label().to_string()));
    }
    studio_print::Slip {
        studio_name: settings.studio_name.clone(),
        heading: MESSAGE_HEADING.to_string(),
        query_code: shown_code(&receipt.query_code),
        lines,
        instructions: QUERY_INSTRUCTIONS.to_string(),
        hotline: settings.hotline.clone(),
    }
}

/// The slip of an appointment request: heading 约见申请 回执, the code, 约见代表, 希望时间 (the day,
/// its weekday and the half-day), 提交日期, that staff will confirm by phone, how to use the code,
/// and the studio's name and hotline from `settings`.
pub fn slip_for_appointment(
    receipt: &AppointmentReceipt,
    settings: &Settings,
) -> studio_print::Slip {
    let wished = match parse_day(&receipt.date) {
        Some(d) => format!(
            "{}（{}）{}",
            chinese_date(&receipt.date),
            weekday_label(d),
            receipt.period.label()
        ),
        None => format!("{} {}", receipt.date.trim(), receipt.period.label()),
    };
    studio_print::Slip {
        studio_name: settings.studio_name.clone(),
        heading: APPOINTMENT_HEADING.to_string(),
        query_code: shown_code(&receipt.query_code),
        lines: vec![
            (
                "约见代表".to_string(),
                receipt.delegate_name.trim().to_string(),
            ),
            ("希望时间".to_string(), wished),
            ("提交日期".to_string(), chinese_date(&receipt.received_on)),
        ],
        instructions: format!("{APPOINTMENT_NOTE}\n{QUERY_INSTRUCTIONS}"),
        hotline: settings.hotline.clone(),
    }
}

/// The print model of `request` with `settings`, after checking what the receipt holds: a query
/// code (field `query_code`), days as `YYYY-MM-DD` (`received_on`, `date`), short texts
/// (`item_no`, `delegate_name`).
pub fn slip_model(request: &SlipRequest, settings: &Settings) -> Result<studio_print::Slip> {
    check(request)?;
    Ok(match request {
        SlipRequest::Message { receipt, category } => {
            slip_for_message(receipt, *category, settings)
        }
        SlipRequest::Appointment { receipt } => slip_for_appointment(receipt, settings),
    })
}

/// The slip of `request` as PDF bytes (one A6 page), with the studio's name and hotline from
/// 设置. Needs `UseKiosk` (a visitor at the kiosk; the slip holds no personal data); reads
/// nothing but the settings and writes nothing. A receipt that is not one (no query code, a day
/// that is not a date) is a field error, not a slip.
pub fn render_slip(store: &Store, ctx: &Ctx, request: &SlipRequest) -> Result<Rendered> {
    ctx.require(Permission::UseKiosk)?;
    let settings = settings::load(store)?;
    let slip = slip_model(request, &settings)?;
    super::printer(store)?
        .render_slip(&slip)
        .map_err(print_error)
}

/// A field's name and its text.
type Field<'a> = (&'static str, &'a str);

fn check(request: &SlipRequest) -> Result<()> {
    let (code, days, texts): (&str, Vec<Field<'_>>, Vec<Field<'_>>) = match request {
        SlipRequest::Message { receipt, .. } => (
            &receipt.query_code,
            vec![("received_on", &receipt.received_on)],
            vec![("item_no", &receipt.item_no)],
        ),
        SlipRequest::Appointment { receipt } => (
            &receipt.query_code,
            vec![
                ("date", &receipt.date),
                ("received_on", &receipt.received_on),
            ],
            vec![("delegate_name", &receipt.delegate_name)],
        ),
    };
    if normalize_code(code).is_none() {
        return Err(Error::field("query_code", "查询码不正确，无法打印回执"));
    }
    for (field, day) in days {
        if parse_day(day).is_none() {
            return Err(Error::field(field, "日期应为 YYYY-MM-DD"));
        }
    }
    for (field, text) in texts {
        let text = text.trim();
        if text.is_empty() || text.chars().count() > FIELD_MAX {
            return Err(Error::field(field, format!("应为 1 到 {FIELD_MAX} 个字")));
        }
    }
    Ok(())
}

/// The code grouped as the kiosk shows it (`K7QM-3XPA`), whatever its case or dash; as given
/// (trimmed) when it is not a code.
fn shown_code(code: &str) -> String {
    normalize_code(code)
        .map(|c| format_code(&c))
        .unwrap_or_else(|| code.trim().to_string())
}

fn parse_day(day: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").ok()
}

/// `2026-12-03` → `2026年12月3日`; as given (trimmed) when it is not a date.
fn chinese_date(day: &str) -> String {
    use chrono::Datelike;
    match parse_day(day) {
        Some(d) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        None => day.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kiosk::DayPeriod;

    fn settings() -> Settings {
        Settings {
            studio_name: "中共浙江理工大学党代表工作室".into(),
            hotline: "0571-86843114".into(),
            ..Settings::default()
        }
    }

    #[test]
    fn a_message_receipt_becomes_its_slip() {
        let receipt = Receipt {
            query_code: "k7qm3xpa".into(),
            item_no: "2026-0418".into(),
            received_on: "2026-12-03".into(),
        };
        let slip = slip_for_message(&receipt, Some(ItemCategory::PolicyInquiry), &settings());
        assert_eq!(slip.query_code, "K7QM-3XPA");
        assert_eq!(slip.heading, MESSAGE_HEADING);
        assert_eq!(
            slip.lines,
            vec![
                ("受理编号".into(), "2026-0418".into()),
                ("提交日期".into(), "2026年12月3日".into()),
                ("问题类别".into(), "政策咨询".into()),
            ]
        );
        assert_eq!(slip.studio_name, "中共浙江理工大学党代表工作室");
        assert_eq!(slip.hotline, "0571-86843114");
        assert_eq!(slip.instructions, QUERY_INSTRUCTIONS);
        assert_eq!(slip_for_message(&receipt, None, &settings()).lines.len(), 2);
    }

    #[test]
    fn an_appointment_receipt_becomes_its_slip() {
        let receipt = AppointmentReceipt {
            query_code: "W4HN-8RZE".into(),
            delegate_name: "张建华".into(),
            date: "2026-12-10".into(),
            period: DayPeriod::Afternoon,
            received_on: "2026-12-03".into(),
        };
        let slip = slip_for_appointment(&receipt, &settings());
        assert_eq!(slip.heading, APPOINTMENT_HEADING);
        assert_eq!(
            slip.lines,
            vec![
                ("约见代表".into(), "张建华".into()),
                ("希望时间".into(), "2026年12月10日（周四）下午".into()),
                ("提交日期".into(), "2026年12月3日".into()),
            ]
        );
        assert!(slip.instructions.starts_with(APPOINTMENT_NOTE));
    }

    #[test]
    fn what_is_not_a_receipt_is_refused_beside_its_field() {
        let good = Receipt {
            query_code: "K7QM-3XPA".into(),
            item_no: "2026-0418".into(),
            received_on: "2026-12-03".into(),
        };
        let field_of = |receipt: Receipt| match slip_model(
            &SlipRequest::Message {
                receipt,
                category: None,
            },
            &settings(),
        ) {
            Err(Error::Validation(f)) => f[0].field.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field_of(Receipt {
                query_code: "K7QM-3XP0".into(),
                ..good.clone()
            }),
            "query_code"
        );
        assert_eq!(
            field_of(Receipt {
                received_on: "12月3日".into(),
                ..good.clone()
            }),
            "received_on"
        );
        assert_eq!(
            field_of(Receipt {
                item_no: String::new(),
                ..good
            }),
            "item_no"
        );
    }
}
