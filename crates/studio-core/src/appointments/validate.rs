//! The appointment form's rules that need no database, each with the Chinese message shown beside
//! its field. The clash with duty slots and the leaver rule read the database: the service's.

use chrono::{Datelike, NaiveDate};

use super::{AppointmentDirection, AppointmentInput, AppointmentSource};
use crate::calendar::service::YEARS;
use crate::ids::parse_date;
use crate::schedule::validate::time_fields;
use crate::validate::Checker;

/// Field limits, in characters (the UI reads them from `rules::Rules`).
pub const PERSON_NAME_MAX: usize = 20;
pub const PLACE_MAX: usize = 50;
pub const TOPIC_MAX: usize = 500;
pub const NOTE_MAX: usize = 200;
/// 取消原因.
pub const REASON_MAX: usize = 200;

/// Where an appointment is unless the form says otherwise.
pub const DEFAULT_PLACE: &str = "党代表工作室";

#[derive(Debug, Clone)]
pub(crate) struct Valid {
    pub person_name: String,
    pub person_phone: String,
    pub person_consent: Option<bool>,
    pub delegate_id: String,
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    pub place: String,
    pub topic: String,
    pub direction: AppointmentDirection,
    pub source: AppointmentSource,
    pub note: String,
}

pub(crate) fn appointment(input: &AppointmentInput) -> crate::Result<Valid> {
    let mut c = Checker::new();
    let person_name = input.person_name.trim().to_string();
    c.required("person_name", "约见人姓名", &person_name, PERSON_NAME_MAX);
    c.line("person_name", "约见人姓名", &person_name, PERSON_NAME_MAX);
    let person_phone = c.person_phone("person_phone", &input.person_phone);
    let delegate_id = input.delegate_id.trim().to_string();
    if delegate_id.is_empty() {
        c.add("delegate_id", "请选择党代表");
    }
    let date = if input.date.trim().is_empty() {
        c.add("date", "请填写约见日期");
        None
    } else {
        match parse_date(&input.date) {
            None => {
                c.add("date", "约见日期格式应为 YYYY-MM-DD，例如 2026-10-13");
                None
            }
            Some(d) if !YEARS.contains(&d.year()) => {
                c.add(
                    "date",
                    format!("约见日期应在 {} 年至 {} 年之间", YEARS.start(), YEARS.end()),
                );
                None
            }
            Some(d) => Some(d),
        }
    };
    let times = time_fields(&mut c, &input.start, &input.end);
    let place = input.place.trim().to_string();
    c.required("place", "约见地点", &place, PLACE_MAX);
    c.line("place", "约见地点", &place, PLACE_MAX);
    let topic = input.topic.trim().to_string();
    c.required("topic", "约见事由", &topic, TOPIC_MAX);
    if input.direction.is_none() {
        c.add("direction", "请选择约见方式");
    }
    let note = input.note.trim().to_string();
    c.max_len("note", "备注", &note, NOTE_MAX);
    c.finish()?;
    let (start, end) = times.expect("checked");
    Ok(Valid {
        person_name,
        person_phone,
        person_consent: input.person_consent,
        delegate_id,
        date: date.expect("checked"),
        start,
        end,
        place,
        topic,
        direction: input.direction.expect("checked"),
        source: input.source.unwrap_or(AppointmentSource::Staff),
        note,
    })
}

/// The reason of a cancellation: required, one short paragraph.
pub(crate) fn reason(reason: &str) -> crate::Result<String> {
    let reason = reason.trim().to_string();
    let mut c = Checker::new();
    c.required("reason", "取消原因", &reason, REASON_MAX);
    c.finish()?;
    Ok(reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn every_problem_at_once() {
        let input = AppointmentInput {
            person_phone: "12345".into(),
            date: "2026/10/13".into(),
            start: "14:30".into(),
            end: "14:00".into(),
            place: String::new(),
            topic: "字".repeat(TOPIC_MAX + 1),
            direction: None,
            ..Default::default()
        };
        let Err(Error::Validation(f)) = appointment(&input) else {
            panic!()
        };
        let fields: Vec<&str> = f.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "person_name",
                "person_phone",
                "delegate_id",
                "date",
                "end",
                "place",
                "topic",
                "direction"
            ]
        );
    }

    #[test]
    fn phones_as_on_cards() {
        let input = AppointmentInput {
            person_name: "赵小明".into(),
            person_phone: "139 8765 4321".into(),
            delegate_id: "d".into(),
            date: "2026-10-13".into(),
            start: "09:00".into(),
            end: "10:00".into(),
            topic: "反映食堂问题".into(),
            ..Default::default()
        };
        let v = appointment(&input).unwrap();
        assert_eq!(v.person_phone, "13987654321");
        assert_eq!(v.place, DEFAULT_PLACE);
        assert_eq!(v.source, AppointmentSource::Staff);
    }
}
