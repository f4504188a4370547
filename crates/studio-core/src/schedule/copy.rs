//! Copy-forward as a pure function: which days of the target month a source month's slots go to,
//! and which they cannot go to and why (a day off, no such nth weekday). The service then applies
//! the rules that need the database (leavers, overlaps) and writes what is left.

use chrono::{Datelike, Days, NaiveDate};

use super::validate::{month_label, weekday_label};
use super::{CopyMode, CopySkip, SlotRow};
use crate::calendar::{DayKind, WorkCalendar};
use crate::ids::parse_date;

/// A slot to make: the source slot it copies and its new day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate<'a> {
    pub source: &'a SlotRow,
    pub date: NaiveDate,
}

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Why `d` takes no slot: 「2026-10-06（周二）国庆节放假，不是工作日」.
pub(crate) fn day_off_reason(d: NaiveDate, cal: &WorkCalendar) -> String {
    let what = match cal.day_kind(d) {
        DayKind::Holiday { name } if name.ends_with("放假") => name,
        DayKind::Holiday { name } => format!("{name}放假"),
        _ => "周末休息".to_string(),
    };
    format!("{}（{}）{what}，不是工作日", text(d), weekday_label(d))
}

/// The days of the month starting at `first`.
fn days_of(first: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first
        .iter_days()
        .take_while(move |d| d.month() == first.month())
}

/// Which occurrence of its weekday `d` is in its month (1 for the first Tuesday, …).
pub(crate) fn nth_of_month(d: NaiveDate) -> u32 {
    (d.day() - 1) / 7 + 1
}

/// The `n`th `weekday` of the month starting at `first`, if the month has one.
fn nth_weekday(first: NaiveDate, weekday: chrono::Weekday, n: u32) -> Option<NaiveDate> {
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let d = first.checked_add_days(Days::new(u64::from(offset + 7 * (n - 1))))?;
    (d.month() == first.month()).then_some(d)
}

/// A slot's pattern for [`CopyMode::Weekday`]: the same weekday, time, place, delegates and note
/// count once however often the source month repeats them.
fn same_pattern(a: &SlotRow, b: &SlotRow) -> bool {
    let weekday = |s: &SlotRow| parse_date(&s.date).map(|d| d.weekday());
    weekday(a) == weekday(b)
        && a.start == b.start
        && a.end == b.end
        && a.place == b.place
        && a.place_note == b.place_note
        && a.note == b.note
        && a.delegate_ids == b.delegate_ids
}

/// Lay the `source` slots (one month's, in date and time order) onto the month starting at
/// `target`, by `mode`: the slots to make, in date and time order, and the ones skipped.
pub(crate) fn plan<'a>(
    source: &'a [SlotRow],
    target: NaiveDate,
    mode: CopyMode,
    cal: &WorkCalendar,
) -> (Vec<Candidate<'a>>, Vec<CopySkip>) {
    let mut made = Vec::new();
    let mut skipped = Vec::new();
    let skip = |s: &SlotRow, date: Option<NaiveDate>, reason: String| CopySkip {
        source_date: s.date.clone(),
        date: date.map(text),
        start: s.start.clone(),
        end: s.end.clone(),
        reason,
    };
    match mode {
        CopyMode::Weekday => {
            let mut patterns: Vec<&SlotRow> = Vec::new();
            for s in source {
                if !patterns.iter().any(|p| same_pattern(p, s)) {
                    patterns.push(s);
                }
            }
            for s in patterns {
                let Some(weekday) = parse_date(&s.date).map(|d| d.weekday()) else {
                    continue;
                };
                for d in days_of(target).filter(|d| d.weekday() == weekday) {
                    if cal.is_workday(d) {
                        made.push(Candidate { source: s, date: d });
                    } else {
                        skipped.push(skip(s, Some(d), day_off_reason(d, cal)));
                    }
                }
            }
        }
        CopyMode::NthWeekday => {
            for s in source {
                let Some(from) = parse_date(&s.date) else {
                    continue;
                };
                let n = nth_of_month(from);
                match nth_weekday(target, from.weekday(), n) {
                    None => skipped.push(skip(
                        s,
                        None,
                        format!("{}没有第{n}个{}", month_label(target), weekday_label(from)),
                    )),
                    Some(d) if !cal.is_workday(d) => {
                        skipped.push(skip(s, Some(d), day_off_reason(d, cal)))
                    }
                    Some(d) => made.push(Candidate { source: s, date: d }),
                }
            }
        }
    }
    made.sort_by(|a, b| (a.date, &a.source.start).cmp(&(b.date, &b.source.start)));
    skipped.sort_by(|a, b| (&a.date, &a.start).cmp(&(&b.date, &b.start)));
    (made, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Place;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn slot(date: &str, who: &str) -> SlotRow {
        SlotRow {
            id: format!("{date}-{who}"),
            date: date.into(),
            start: "14:30".into(),
            end: "17:00".into(),
            place: Place::Studio,
            place_note: String::new(),
            note: String::new(),
            non_working_day: false,
            delegate_ids: vec![who.into()],
            liaison_id: None,
            created_at: String::new(),
            updated_at: String::new(),
            version: 1,
        }
    }

    fn dates(made: &[Candidate]) -> Vec<String> {
        made.iter().map(|c| text(c.date)).collect()
    }

    #[test]
    fn nth_weekdays() {
        let oct = d("2026-10-01");
        assert_eq!(
            nth_weekday(oct, chrono::Weekday::Tue, 1),
            Some(d("2026-10-06"))
        );
        assert_eq!(
            nth_weekday(oct, chrono::Weekday::Thu, 1),
            Some(d("2026-10-01"))
        );
        assert_eq!(
            nth_weekday(oct, chrono::Weekday::Thu, 5),
            Some(d("2026-10-29"))
        );
        assert_eq!(nth_weekday(oct, chrono::Weekday::Tue, 5), None);
        assert_eq!(nth_of_month(d("2026-09-08")), 2);
        assert_eq!(nth_of_month(d("2026-09-29")), 5);
    }

    #[test]
    fn by_weekday_every_working_day_of_that_weekday_once() {
        let cal = WorkCalendar::official();
        // Every Tuesday of September 2026 with the same delegate: one pattern.
        let source: Vec<SlotRow> = ["2026-09-01", "2026-09-08", "2026-09-15"]
            .iter()
            .map(|s| slot(s, "a"))
            .collect();
        let (made, skipped) = plan(&source, d("2026-10-01"), CopyMode::Weekday, &cal);
        assert_eq!(dates(&made), ["2026-10-13", "2026-10-20", "2026-10-27"]);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].date.as_deref(), Some("2026-10-06"));
        assert_eq!(
            skipped[0].reason,
            "2026-10-06（周二）国庆节放假，不是工作日"
        );
    }

    #[test]
    fn by_nth_weekday_the_same_occurrence() {
        let cal = WorkCalendar::official();
        let source = vec![
            slot("2026-09-01", "a"),
            slot("2026-09-08", "b"),
            slot("2026-09-29", "c"),
        ];
        let (made, skipped) = plan(&source, d("2026-10-01"), CopyMode::NthWeekday, &cal);
        assert_eq!(dates(&made), ["2026-10-13"]);
        assert_eq!(made[0].source.delegate_ids, ["b"]);
        let reasons: Vec<&str> = skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "2026年10月没有第5个周二",
                "2026-10-06（周二）国庆节放假，不是工作日"
            ]
        );
    }
}
