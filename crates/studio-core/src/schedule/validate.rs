//! The slot form's rules that need no database, each with the Chinese message shown beside its
//! field; and the small formats the schedule shares (times, months, weekdays). The rules that read
//! the database (overlaps, leavers, non-working days) are the service's.

use chrono::{Datelike, NaiveDate};

use super::{Place, SlotInput};
use crate::calendar::service::YEARS;
use crate::ids::parse_date;
use crate::validate::Checker;

/// Delegates on duty in one slot, at most.
pub const DELEGATES_MAX: usize = 6;
/// 地点说明, in characters.
pub const PLACE_NOTE_MAX: usize = 50;
/// 备注, in characters.
pub const NOTE_MAX: usize = 200;

/// A strict `HH:MM` (zero-padded, 24-hour clock): `(hour, minute)`.
pub fn parse_time(s: &str) -> Option<(u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    let digits = |i: usize| (b[i] as char).to_digit(10);
    let h = digits(0)? * 10 + digits(1)?;
    let m = digits(3)? * 10 + digits(4)?;
    (h < 24 && m < 60).then_some((h, m))
}

/// 周一 … 周日.
pub fn weekday_label(d: NaiveDate) -> &'static str {
    ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        [d.weekday().num_days_from_monday() as usize]
}

/// `14:30—17:00`.
pub fn time_span(start: &str, end: &str) -> String {
    format!("{start}—{end}")
}

/// `YYYY-MM` of a date.
pub fn month_of(d: NaiveDate) -> String {
    d.format("%Y-%m").to_string()
}

/// A strict `YYYY-MM` within the calendar's years: the month's first day.
pub fn parse_month(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() != 7 || b[4] != b'-' {
        return None;
    }
    let d = parse_date(&format!("{s}-01"))?;
    YEARS.contains(&d.year()).then_some(d)
}

/// `2026年10月`.
pub fn month_label(first: NaiveDate) -> String {
    format!("{}年{}月", first.year(), first.month())
}

/// A month field: its first day, or a message beside `field`.
pub(crate) fn month_field(
    c: &mut Checker,
    field: &str,
    label: &str,
    value: &str,
) -> Option<NaiveDate> {
    let d = parse_month(value);
    if d.is_none() {
        c.add(
            field,
            format!(
                "{label}格式应为 YYYY-MM，例如 2026-10（{} 年至 {} 年）",
                YEARS.start(),
                YEARS.end()
            ),
        );
    }
    d
}

/// A month given to a read: its first day, or the field error.
pub(crate) fn month(value: &str) -> crate::Result<NaiveDate> {
    let mut c = Checker::new();
    let d = month_field(&mut c, "month", "月份", value);
    c.finish()?;
    Ok(d.expect("checked"))
}

/// A date given to a read: the day, or the field error.
pub(crate) fn day(field: &str, value: &str) -> crate::Result<NaiveDate> {
    let mut c = Checker::new();
    let d = date_field(&mut c, field, "日期", value);
    c.finish()?;
    Ok(d.expect("checked"))
}

fn date_field(c: &mut Checker, field: &str, label: &str, value: &str) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        c.add(field, format!("请填写{label}"));
        return None;
    }
    match parse_date(value) {
        None => {
            c.add(
                field,
                format!("{label}格式应为 YYYY-MM-DD，例如 2026-10-13"),
            );
            None
        }
        Some(d) if !YEARS.contains(&d.year()) => {
            c.add(
                field,
                format!("{label}应在 {} 年至 {} 年之间", YEARS.start(), YEARS.end()),
            );
            None
        }
        Some(d) => Some(d),
    }
}

/// A time span's two fields: each a strict `HH:MM`, the end after the start. Returns them trimmed.
pub(crate) fn time_fields(c: &mut Checker, start: &str, end: &str) -> Option<(String, String)> {
    let (start, end) = (start.trim(), end.trim());
    let mut one = |field: &str, label: &str, v: &str, example: &str| {
        if v.is_empty() {
            c.add(field, format!("请填写{label}"));
            return false;
        }
        if parse_time(v).is_none() {
            c.add(
                field,
                format!("{label}格式应为 HH:MM（24 小时制，补零），例如 {example}"),
            );
            return false;
        }
        true
    };
    let ok_start = one("start", "开始时间", start, "14:30");
    let ok_end = one("end", "结束时间", end, "17:00");
    if !(ok_start && ok_end) {
        return None;
    }
    if end <= start {
        c.add("end", "结束时间应晚于开始时间");
        return None;
    }
    Some((start.to_string(), end.to_string()))
}

/// A slot form that passed the checks that need no database, trimmed.
#[derive(Debug, Clone)]
pub(crate) struct ValidSlot {
    pub date: NaiveDate,
    pub start: String,
    pub end: String,
    pub place: Place,
    pub place_note: String,
    pub note: String,
    pub delegate_ids: Vec<String>,
    pub confirm_non_working: bool,
    pub liaison_id: Option<String>,
}

pub(crate) fn slot(input: &SlotInput) -> crate::Result<ValidSlot> {
    let mut c = Checker::new();
    let date = date_field(&mut c, "date", "日期", &input.date);
    let times = time_fields(&mut c, &input.start, &input.end);
    if input.place.is_none() {
        c.add("place", "请选择接待地点");
    }
    let place_note = input.place_note.trim().to_string();
    c.line("place_note", "地点说明", &place_note, PLACE_NOTE_MAX);
    let note = input.note.trim().to_string();
    c.max_len("note", "备注", &note, NOTE_MAX);
    let delegate_ids: Vec<String> = input
        .delegate_ids
        .iter()
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
        .collect();
    if delegate_ids.is_empty() {
        c.add("delegate_ids", "请选择至少一名值班党代表");
    } else if delegate_ids.len() > DELEGATES_MAX {
        c.add(
            "delegate_ids",
            format!("每个时段最多安排 {DELEGATES_MAX} 名党代表"),
        );
    } else if (1..delegate_ids.len()).any(|i| delegate_ids[..i].contains(&delegate_ids[i])) {
        c.add("delegate_ids", "同一名党代表不能在一个时段中重复安排");
    }
    c.finish()?;
    let (start, end) = times.expect("checked");
    Ok(ValidSlot {
        date: date.expect("checked"),
        start,
        end,
        place: input.place.expect("checked"),
        place_note,
        note,
        delegate_ids,
        confirm_non_working: input.confirm_non_working,
        liaison_id: input
            .liaison_id
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string),
    })
}

/// Two spans of the same day overlap (touching ends do not).
pub fn overlaps(a: (&str, &str), b: (&str, &str)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn times_are_strict_and_zero_padded() {
        assert_eq!(parse_time("14:30"), Some((14, 30)));
        assert_eq!(parse_time("08:00"), Some((8, 0)));
        assert_eq!(parse_time("8:00"), None);
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("12:60"), None);
        assert_eq!(parse_time("12.30"), None);
    }

    #[test]
    fn months_and_weekdays() {
        assert_eq!(parse_month("2026-10"), NaiveDate::from_ymd_opt(2026, 10, 1));
        assert_eq!(parse_month("2026-1"), None);
        assert_eq!(parse_month("2026-13"), None);
        assert_eq!(parse_month("1999-12"), None);
        let d = NaiveDate::from_ymd_opt(2026, 10, 13).unwrap();
        assert_eq!(weekday_label(d), "周二");
        assert_eq!(month_label(d), "2026年10月");
    }

    #[test]
    fn overlapping_spans() {
        assert!(overlaps(("14:30", "17:00"), ("16:00", "18:00")));
        assert!(overlaps(("14:30", "17:00"), ("15:00", "16:00")));
        assert!(!overlaps(("14:30", "17:00"), ("17:00", "18:00")));
        assert!(!overlaps(("08:00", "12:00"), ("14:30", "17:00")));
    }

    #[test]
    fn every_problem_at_once() {
        let input = SlotInput {
            date: "2026-10-32".into(),
            start: "9:00".into(),
            end: "17:00".into(),
            place: None,
            place_note: "一\n二".into(),
            delegate_ids: vec!["a".into(), "a".into()],
            note: String::new(),
            confirm_non_working: false,
            liaison_id: None,
        };
        let Err(Error::Validation(f)) = slot(&input) else {
            panic!()
        };
        let fields: Vec<&str> = f.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["date", "start", "place", "place_note", "delegate_ids"]
        );
        let input = SlotInput {
            date: "2026-10-13".into(),
            start: "17:00".into(),
            end: "14:30".into(),
            delegate_ids: vec!["a".into()],
            ..Default::default()
        };
        let Err(Error::Validation(f)) = slot(&input) else {
            panic!()
        };
        assert_eq!(f[0].field, "end");
        assert_eq!(f[0].message, "结束时间应晚于开始时间");
    }
}
