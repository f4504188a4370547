//! Input rules of the item form and of each step's texts.

use chrono::{Datelike, NaiveDate};

use super::{ItemCategory, ItemInput, ItemSource};
use crate::ids::parse_date;
use crate::validate::Checker;

/// Field limits, in characters unless said (the UI reads them from `rules::Rules`).
pub const TITLE_MAX: usize = 60;
pub const CONTENT_MAX: usize = 5000;
/// Answers, feedback, reasons and notes.
pub const TEXT_MAX: usize = 2000;
pub const PERSON_NAME_MAX: usize = 20;
pub const CONTACT_MAX: usize = 100;
pub const RESPONDER_MAX: usize = 20;
/// 承办单位 of a referral.
pub const UNIT_MAX: usize = 60;
/// 承办党代表: at most this many.
pub const DELEGATES_MAX: usize = 5;
/// 延期: 1 to this many working days at a time.
pub const EXTEND_MAX: u32 = 60;
const FIRST_YEAR: i32 = 2000;

/// The item form, checked, trimmed and normalised.
#[derive(Debug, Clone)]
pub(super) struct Valid {
    pub category: ItemCategory,
    pub source: ItemSource,
    pub title: String,
    pub content: String,
    pub person_name: String,
    pub person_phone: String,
    pub person_contact: String,
    pub person_consent: Option<bool>,
    /// Empty: the caller puts the actor's name.
    pub first_responder: String,
    pub delegate_ids: Vec<String>,
    pub received_on: NaiveDate,
    pub card_id: Option<String>,
    /// Set by the kiosk and the online studio only (never by the item form).
    pub publish_ok: bool,
    pub requested_delegate_id: Option<String>,
}

/// A strict `YYYY-MM-DD` no later than `today` and not before `not_before` (named in the message);
/// `None` (with the message added) otherwise.
pub(crate) fn date(
    c: &mut Checker,
    field: &str,
    label: &str,
    value: &str,
    today: NaiveDate,
    not_before: Option<(NaiveDate, &str)>,
) -> Option<NaiveDate> {
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
        Some(d) => match not_before {
            Some((min, what)) if d < min => {
                c.add(
                    field,
                    format!("{label}不能早于{what}（{}）", min.format("%Y-%m-%d")),
                );
                None
            }
            _ => Some(d),
        },
    }
}

/// A step's date: empty is `today`.
pub(super) fn action_date(
    c: &mut Checker,
    field: &str,
    label: &str,
    value: &str,
    today: NaiveDate,
    not_before: Option<(NaiveDate, &str)>,
) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        match not_before {
            Some((min, what)) if today < min => {
                c.add(
                    field,
                    format!("{label}不能早于{what}（{}）", min.format("%Y-%m-%d")),
                );
                None
            }
            _ => Some(today),
        }
    } else {
        date(c, field, label, value, today, not_before)
    }
}

/// A required text of a step (answer, feedback, reason), trimmed.
pub(super) fn text(c: &mut Checker, field: &str, label: &str, value: &str) -> String {
    let v = value.trim().to_string();
    c.required(field, label, &v, TEXT_MAX);
    v
}

/// An optional text of a step (a note), trimmed.
pub(super) fn note(c: &mut Checker, field: &str, label: &str, value: &str) -> String {
    let v = value.trim().to_string();
    c.max_len(field, label, &v, TEXT_MAX);
    v
}

/// Check the item form as of `today` (the receipt date may not lie ahead). Delegates' existence is
/// checked by the service, against the roster in the write's transaction.
pub(super) fn item(input: &ItemInput, today: NaiveDate) -> crate::Result<Valid> {
    let mut c = Checker::new();
    if input.category.is_none() {
        c.add("category", "请选择问题类别");
    }
    if input.source.is_none() {
        c.add("source", "请选择来源");
    }
    let title = input.title.trim().to_string();
    c.required("title", "标题", &title, TITLE_MAX);
    c.line("title", "标题", &title, TITLE_MAX);
    let content = input.content.trim().to_string();
    c.required("content", "内容", &content, CONTENT_MAX);

    let person_name = input.person_name.trim().to_string();
    c.line("person_name", "反映人姓名", &person_name, PERSON_NAME_MAX);
    let person_phone = c.person_phone("person_phone", &input.person_phone);
    let person_contact = input.person_contact.trim().to_string();
    c.line(
        "person_contact",
        "通讯地址或电子邮箱",
        &person_contact,
        CONTACT_MAX,
    );
    let first_responder = input.first_responder.trim().to_string();
    c.line(
        "first_responder",
        "首问责任人",
        &first_responder,
        RESPONDER_MAX,
    );

    let mut delegate_ids: Vec<String> = Vec::new();
    for id in &input.delegate_ids {
        let id = id.trim();
        if !id.is_empty() && !delegate_ids.iter().any(|d| d == id) {
            delegate_ids.push(id.to_string());
        }
    }
    if delegate_ids.len() > DELEGATES_MAX {
        c.add("delegate_ids", format!("承办党代表最多 {DELEGATES_MAX} 位"));
    }

    let received_on = if input.received_on.trim().is_empty() {
        Some(today)
    } else {
        date(
            &mut c,
            "received_on",
            "受理日期",
            &input.received_on,
            today,
            None,
        )
    };
    let card_id = input
        .card_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    c.finish()?;
    Ok(Valid {
        category: input.category.expect("checked"),
        source: input.source.expect("checked"),
        title,
        content,
        person_name,
        person_phone,
        person_contact,
        person_consent: input.person_consent,
        first_responder,
        delegate_ids,
        received_on: received_on.expect("checked"),
        card_id,
        publish_ok: false,
        requested_delegate_id: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn fields(e: Error) -> Vec<String> {
        match e {
            Error::Validation(f) => f.into_iter().map(|f| f.field).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_form_reports_every_problem() {
        let input = ItemInput {
            title: "x".repeat(61),
            person_phone: "12345".into(),
            received_on: "2025-1-5".into(),
            delegate_ids: (0..6).map(|i| i.to_string()).collect(),
            ..Default::default()
        };
        let f = fields(item(&input, d("2025-10-01")).unwrap_err());
        for want in [
            "category",
            "source",
            "title",
            "content",
            "person_phone",
            "received_on",
            "delegate_ids",
        ] {
            assert!(f.contains(&want.to_string()), "{want} in {f:?}");
        }
    }

    #[test]
    fn a_good_form_is_normalised() {
        let input = ItemInput {
            category: Some(ItemCategory::Hardship),
            source: Some(ItemSource::Hotline),
            title: " 宿舍热水 ".into(),
            content: "热水供应不稳定".into(),
            person_phone: "139 8765 4321".into(),
            delegate_ids: vec!["a".into(), "a".into(), " ".into()],
            ..Default::default()
        };
        let v = item(&input, d("2025-10-01")).unwrap();
        assert_eq!(v.title, "宿舍热水");
        assert_eq!(v.person_phone, "13987654321");
        assert_eq!(v.delegate_ids, vec!["a".to_string()]);
        assert_eq!(v.received_on, d("2025-10-01"));
        let future = ItemInput {
            received_on: "2025-10-02".into(),
            ..input
        };
        assert_eq!(
            fields(item(&future, d("2025-10-01")).unwrap_err()),
            vec!["received_on"]
        );
    }
}
