//! Input rules of 有事找代表 and 约见党代表 (the UI reads the limits from `rules::Rules`).

use chrono::{Days, NaiveDate};

use super::{AppointmentRequestInput, DayPeriod, MessageInput, CONSENT_MESSAGE};
use crate::error::Result;
use crate::ids::parse_date;
use crate::items::ItemCategory;
use crate::validate::Checker;

/// 姓名: as the item's person name.
pub const MESSAGE_NAME_MAX: usize = crate::items::validate::PERSON_NAME_MAX;
/// 留言内容: a message typed on a touch screen; the item's own limit is larger.
pub const MESSAGE_TEXT_MAX: usize = 1000;
/// 约见党代表: the day asked for is at most this many days after today.
pub const REQUEST_DAYS_AHEAD: u32 = 60;
/// 约见党代表: 约见事由, as an appointment's topic.
pub const REQUEST_TOPIC_MAX: usize = crate::appointments::validate::TOPIC_MAX;
/// 约见党代表: 姓名, as an appointment's person.
const REQUEST_NAME_MAX: usize = crate::appointments::validate::PERSON_NAME_MAX;

/// The title an item gets from the message: at most this many characters.
const TITLE_CHARS: usize = 20;

/// The message, checked, trimmed and normalised.
#[derive(Debug, Clone)]
pub(crate) struct ValidMessage {
    pub name: String,
    /// As the item validators store it (`13812345678`, `0536-8785123`).
    pub phone: String,
    pub category: ItemCategory,
    pub text: String,
    pub delegate_id: Option<String>,
    pub publish_ok: bool,
}

/// Check the message: every problem at once, beside its field. Without consent nothing goes
/// further.
pub(crate) fn message(input: &MessageInput) -> Result<ValidMessage> {
    let mut c = Checker::new();
    if !input.consent {
        c.add("consent", CONSENT_MESSAGE);
    }
    let name = input.name.trim().to_string();
    c.required("name", "姓名", &name, MESSAGE_NAME_MAX);
    c.line("name", "姓名", &name, MESSAGE_NAME_MAX);
    let phone = if input.phone.trim().is_empty() {
        c.add("phone", "请填写联系电话");
        String::new()
    } else {
        c.person_phone("phone", &input.phone)
    };
    if input.category.is_none() {
        c.add("category", "请选择问题类别");
    }
    let text = input.text.trim().to_string();
    c.required("text", "留言内容", &text, MESSAGE_TEXT_MAX);
    let delegate_id = input
        .delegate_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    c.finish()?;
    Ok(ValidMessage {
        name,
        phone,
        category: input.category.expect("checked"),
        text,
        delegate_id,
        publish_ok: input.publish_ok,
    })
}

/// The appointment request, checked, trimmed and normalised.
#[derive(Debug, Clone)]
pub(crate) struct ValidRequest {
    pub name: String,
    /// As the validators store it (`13812345678`, `0536-8785123`).
    pub phone: String,
    pub delegate_id: String,
    pub date: NaiveDate,
    pub period: DayPeriod,
    pub topic: String,
}

/// Check an appointment request as of `today`: every problem at once, beside its field (the
/// form's names: `name`, `phone`, `delegate_id`, `date`, `period`, `topic`, `consent`). Whether
/// the day is a working day and the delegate one the kiosk shows are the service's (they read the
/// database).
pub(crate) fn request(input: &AppointmentRequestInput, today: NaiveDate) -> Result<ValidRequest> {
    let mut c = Checker::new();
    if !input.consent {
        c.add("consent", CONSENT_MESSAGE);
    }
    let name = input.name.trim().to_string();
    c.required("name", "姓名", &name, REQUEST_NAME_MAX);
    c.line("name", "姓名", &name, REQUEST_NAME_MAX);
    let phone = if input.phone.trim().is_empty() {
        c.add("phone", "请填写联系电话");
        String::new()
    } else {
        c.person_phone("phone", &input.phone)
    };
    let delegate_id = input.delegate_id.trim().to_string();
    if delegate_id.is_empty() {
        c.add("delegate_id", "请选择要约见的党代表");
    }
    let last = today
        .checked_add_days(Days::new(u64::from(REQUEST_DAYS_AHEAD)))
        .unwrap_or(today);
    let date = match input.date.trim() {
        "" => {
            c.add("date", "请选择希望约见的日期");
            None
        }
        d => match parse_date(d) {
            None => {
                c.add("date", "日期格式应为 YYYY-MM-DD，例如 2026-10-13");
                None
            }
            Some(d) if d < today => {
                c.add("date", "希望约见的日期不能早于今天");
                None
            }
            Some(d) if d > last => {
                c.add(
                    "date",
                    format!("只能约见 {REQUEST_DAYS_AHEAD} 天以内的日期，请重新选择"),
                );
                None
            }
            Some(d) => Some(d),
        },
    };
    if input.period.is_none() {
        c.add("period", "请选择上午或下午");
    }
    let topic = input.topic.trim().to_string();
    c.required("topic", "约见事由", &topic, REQUEST_TOPIC_MAX);
    c.finish()?;
    Ok(ValidRequest {
        name,
        phone,
        delegate_id,
        date: date.expect("checked"),
        period: input.period.expect("checked"),
        topic,
    })
}

/// An item's title from a message's text, as the item form makes one from an opinion
/// (`titleFromOpinion` in the UI): the first short sentence when it ends within the first
/// 20 characters (and has at least 6), otherwise the first 20 characters; whitespace and line
/// breaks become single spaces.
pub fn title_from_text(text: &str) -> String {
    let chars: Vec<char> = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let stop = chars
        .iter()
        .enumerate()
        .position(|(i, c)| i >= 6 && "，。；！？,.;!?".contains(*c));
    let end = match stop {
        Some(s) if s <= TITLE_CHARS => s,
        _ => chars.len().min(TITLE_CHARS),
    };
    chars[..end].iter().collect::<String>().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn titles_as_the_item_form_makes_them() {
        assert_eq!(
            title_from_text("食堂晚餐供应时间较短，参加实验课的同学吃不上热饭。"),
            "食堂晚餐供应时间较短"
        );
        assert_eq!(
            title_from_text("学校东门外人行道破损严重雨天积水师生上下课通行不便存在安全隐患"),
            "学校东门外人行道破损严重雨天积水师生上下"
        );
        assert_eq!(title_from_text("  "), "");
        assert_eq!(
            title_from_text("图书馆\n开放时间\t太短"),
            "图书馆 开放时间 太短"
        );
    }

    #[test]
    fn every_problem_at_once() {
        let e = message(&MessageInput {
            phone: "12345".into(),
            text: "x".repeat(MESSAGE_TEXT_MAX + 1),
            ..Default::default()
        })
        .unwrap_err();
        let Error::Validation(f) = e else {
            panic!("{e:?}")
        };
        let fields: Vec<&str> = f.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["consent", "name", "phone", "category", "text"]);
        assert_eq!(f[0].message, CONSENT_MESSAGE);
    }

    #[test]
    fn a_request_names_every_problem_at_once() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let fields = |input: &AppointmentRequestInput| match request(input, today) {
            Err(Error::Validation(f)) => f
                .into_iter()
                .map(|f| (f.field, f.message))
                .collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        let got = fields(&AppointmentRequestInput {
            phone: "12345".into(),
            topic: "字".repeat(REQUEST_TOPIC_MAX + 1),
            ..Default::default()
        });
        let names: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            names,
            [
                "consent",
                "name",
                "phone",
                "delegate_id",
                "date",
                "period",
                "topic"
            ]
        );
        let ok = AppointmentRequestInput {
            name: " 赵小明 ".into(),
            phone: "139 8765 4321".into(),
            delegate_id: "d".into(),
            date: "2026-12-01".into(),
            period: Some(DayPeriod::Morning),
            topic: "反映实验室安全问题".into(),
            consent: true,
        };
        let v = request(&ok, today).unwrap();
        assert_eq!(
            (v.name.as_str(), v.phone.as_str()),
            ("赵小明", "13987654321")
        );
        // Today is fine; yesterday and more than 60 days ahead are not.
        request(
            &AppointmentRequestInput {
                date: "2026-11-30".into(),
                ..ok.clone()
            },
            today,
        )
        .unwrap();
        request(
            &AppointmentRequestInput {
                date: "2027-01-29".into(),
                ..ok.clone()
            },
            today,
        )
        .unwrap();
        for (date, message) in [
            ("2026-11-29", "希望约见的日期不能早于今天"),
            ("2027-01-30", "只能约见 60 天以内的日期，请重新选择"),
            ("2026/12/01", "日期格式应为 YYYY-MM-DD，例如 2026-10-13"),
        ] {
            let got = fields(&AppointmentRequestInput {
                date: date.into(),
                ..ok.clone()
            });
            assert_eq!(got, [("date".to_string(), message.to_string())], "{date}");
        }
    }
}
