//! The card form's rules, each with the Chinese message shown beside its field. Every problem is
//! reported at once and nothing is saved.

use chrono::{Datelike, NaiveDate};

use super::{CardInput, Channel, PoliticalStatus};
use crate::roster::Gender;
use crate::validate::{is_email, Checker};

/// Field limits, in characters unless said (the UI reads them from `rules::Rules`).
pub const PERSON_NAME_MAX: usize = 20;
pub const UNIT_POSITION_MAX: usize = 50;
pub const ADDRESS_MAX: usize = 100;
pub const CHANNEL_OTHER_MAX: usize = 20;
pub const TEXT_MAX: usize = 5000;
pub const REASON_MAX: usize = 200;
/// 人数: 1 to this many.
pub const GROUP_MAX: u32 = 999;
/// 年龄: 1 to this many years.
pub const AGE_MAX: u32 = 120;
const FIRST_YEAR: i32 = 2000;

pub(super) const OPINION_LABEL: &str = "党员和群众所提意见建议或问题";
pub(super) const HANDLING_LABEL: &str = "党代表处理意见及办理情况";

/// A card form that passed every check, trimmed and normalised.
#[derive(Debug, Clone)]
pub(super) struct Valid {
    pub delegate_id: String,
    pub refresh_snapshot: bool,
    pub contact_date: NaiveDate,
    pub person_name: String,
    pub person_gender: Option<Gender>,
    pub person_age: Option<u32>,
    pub person_political_status: Option<PoliticalStatus>,
    pub person_unit_position: String,
    pub person_phone: String,
    pub person_address: String,
    pub person_consent: Option<bool>,
    pub group_size: u32,
    pub channel: Channel,
    pub channel_other: String,
    pub opinion: String,
    pub handling: String,
    pub feedback_on: Option<NaiveDate>,
}

pub(super) use crate::ids::parse_date;

/// A date field: `None` when empty (or malformed, with the message added).
pub(super) fn date_field(
    c: &mut Checker,
    field: &str,
    label: &str,
    value: &str,
    today: NaiveDate,
) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        return None;
    }
    match parse_date(value) {
        None => {
            c.add(
                field,
                format!("{label}格式应为 YYYY-MM-DD，例如 2025-10-01"),
            );
            None
        }
        Some(d) if d > today => {
            c.add(field, format!("{label}不能晚于今天"));
            None
        }
        Some(d) if d.year() < FIRST_YEAR => {
            c.add(field, format!("{label}不应早于 {FIRST_YEAR} 年"));
            None
        }
        Some(d) => Some(d),
    }
}

/// Check a card form. `today` bounds the dates (nothing is recorded ahead of time). With
/// `filed = true` (amending a submitted card) the feedback date and the handling are required too,
/// as on submit.
pub(super) fn card(input: &CardInput, today: NaiveDate, filed: bool) -> crate::Result<Valid> {
    let mut c = Checker::new();
    let delegate_id = input.delegate_id.trim().to_string();
    if delegate_id.is_empty() {
        c.add("delegate_id", "请选择党代表");
    }

    let contact_date = if input.contact_date.trim().is_empty() {
        c.add("contact_date", "请填写联系日期");
        None
    } else {
        date_field(
            &mut c,
            "contact_date",
            "联系日期",
            &input.contact_date,
            today,
        )
    };

    let person_name = input.person_name.trim().to_string();
    c.required("person_name", "联系对象姓名", &person_name, PERSON_NAME_MAX);
    c.line("person_name", "联系对象姓名", &person_name, PERSON_NAME_MAX);

    if let Some(age) = input.person_age {
        if !(1..=AGE_MAX).contains(&age) {
            c.add("person_age", format!("年龄应在 1 到 {AGE_MAX} 岁之间"));
        }
    }

    let person_unit_position = input.person_unit_position.trim().to_string();
    c.line(
        "person_unit_position",
        "工作单位及职务",
        &person_unit_position,
        UNIT_POSITION_MAX,
    );
    let person_phone = c.person_phone("person_phone", &input.person_phone);
    let person_address = input.person_address.trim().to_string();
    c.line(
        "person_address",
        "通讯地址或 E-mail",
        &person_address,
        ADDRESS_MAX,
    );
    // Written as an e-mail address (ASCII with an @): it must be a valid one.
    if person_address.contains('@') && person_address.is_ascii() && !is_email(&person_address) {
        c.add(
            "person_address",
            "电子邮箱格式不正确，例如 name@example.edu.cn",
        );
    }

    if !(1..=GROUP_MAX).contains(&input.group_size) {
        c.add("group_size", format!("人数应在 1 到 {GROUP_MAX} 之间"));
    }

    let channel_other = input.channel_other.trim().to_string();
    match input.channel {
        None => c.add("channel", "请选择联系形式"),
        Some(Channel::Other) => {
            c.required(
                "channel_other",
                "其他联系形式",
                &channel_other,
                CHANNEL_OTHER_MAX,
            );
            c.line(
                "channel_other",
                "其他联系形式",
                &channel_other,
                CHANNEL_OTHER_MAX,
            );
        }
        Some(_) => {}
    }

    let opinion = input.opinion.trim().to_string();
    c.required("opinion", OPINION_LABEL, &opinion, TEXT_MAX);
    let handling = input.handling.trim().to_string();
    c.max_len("handling", HANDLING_LABEL, &handling, TEXT_MAX);

    let feedback_text = input.feedback_on.as_deref().unwrap_or("");
    let feedback_on = date_field(&mut c, "feedback_on", "反馈日期", feedback_text, today);
    if let (Some(f), Some(cd)) = (feedback_on, contact_date) {
        if f < cd {
            c.add("feedback_on", "反馈日期不能早于联系日期");
        }
    }
    if filed {
        if feedback_text.trim().is_empty() {
            c.add("feedback_on", "已提交的记录卡须填写反馈日期");
        }
        if handling.is_empty() {
            c.add(
                "handling",
                format!("已提交的记录卡须填写{HANDLING_LABEL}（件件有答复）"),
            );
        }
    }
    c.finish()?;

    let channel = input.channel.expect("checked");
    Ok(Valid {
        delegate_id,
        refresh_snapshot: input.refresh_snapshot,
        contact_date: contact_date.expect("checked"),
        person_name,
        person_gender: input.person_gender,
        person_age: input.person_age,
        person_political_status: input.person_political_status,
        person_unit_position,
        person_phone,
        person_address,
        person_consent: input.person_consent,
        group_size: input.group_size,
        channel,
        channel_other: if channel == Channel::Other {
            channel_other
        } else {
            String::new()
        },
        opinion,
        handling,
        feedback_on,
    })
}

/// The reason of an amendment: required, one short paragraph.
pub(super) fn reason(c: &mut Checker, reason: &str) -> String {
    let reason = reason.trim().to_string();
    c.required("reason", "更正原因", &reason, REASON_MAX);
    reason
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 11, 20).unwrap()
    }

    fn ok_input() -> CardInput {
        CardInput {
            delegate_id: "d1".into(),
            contact_date: "2025-11-03".into(),
            person_name: " 李明 ".into(),
            person_phone: "138 1234 5678".into(),
            channel: Some(Channel::Studio),
            channel_other: "ignored".into(),
            opinion: "食堂晚餐时间能否延长".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_form_is_normalised() {
        let v = card(&ok_input(), today(), false).unwrap();
        assert_eq!(v.person_name, "李明");
        assert_eq!(v.person_phone, "13812345678");
        assert_eq!(v.channel_other, "", "only kept for `other`");
        let mut i = ok_input();
        i.person_phone = "(0536)8785123".into();
        assert_eq!(
            card(&i, today(), false).unwrap().person_phone,
            "0536-8785123"
        );
    }

    #[test]
    fn strict_dates() {
        assert_eq!(
            parse_date("2025-10-01"),
            NaiveDate::from_ymd_opt(2025, 10, 1)
        );
        assert_eq!(parse_date("2025-1-5"), None);
        assert_eq!(parse_date("2025/10/01"), None);
    }

    #[test]
    fn every_problem_at_once() {
        let i = CardInput {
            contact_date: "2025-11-21".into(),
            person_age: Some(0),
            person_phone: "12345".into(),
            person_address: "a@b".into(),
            group_size: 0,
            channel: Some(Channel::Other),
            opinion: "字".repeat(TEXT_MAX + 1),
            feedback_on: Some("2025-13-01".into()),
            ..Default::default()
        };
        let crate::Error::Validation(f) = card(&i, today(), false).unwrap_err() else {
            panic!()
        };
        let fields: Vec<&str> = f.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "delegate_id",
                "contact_date",
                "person_name",
                "person_age",
                "person_phone",
                "person_address",
                "group_size",
                "channel_other",
                "opinion",
                "feedback_on"
            ]
        );
        assert_eq!(f[1].message, "联系日期不能晚于今天");
        assert_eq!(
            f[8].message,
            "党员和群众所提意见建议或问题不能超过 5000 个字"
        );
    }
}
