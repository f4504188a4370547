//! [`WorkCalendar`]: which days are worked, and working-day arithmetic. Pure: no storage.

use std::collections::BTreeMap;
use std::ops::Bound::{Excluded, Included};
use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::official::{official, Official};
use super::{CalendarDay, CalendarOverride, DayKind, OverrideKind};

/// China's working-day calendar: the shipped official data plus an admin's overrides.
///
/// A day's kind is decided by, in order: an override for that date; the official data (a public
/// holiday or a make-up working day); the weekly rule (Monday–Friday work, Saturday–Sunday rest).
/// For years outside [`covered_years`](Self::covered_years) there is no official data, so only the
/// weekly rule and overrides apply; [`is_official`](Self::is_official) tells the caller so.
///
/// Cheap to build (the official data is parsed once per process and shared); build one per
/// request or keep one and rebuild it after an override changes.
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    official: &'static Official,
    overrides: BTreeMap<NaiveDate, (OverrideKind, String)>,
    /// First and last day that may differ from the weekly rule (official data or an override).
    /// Outside it, working days are counted arithmetically.
    span: Option<(NaiveDate, NaiveDate)>,
}

impl Default for WorkCalendar {
    fn default() -> Self {
        Self::official()
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Monday–Friday days in (0000-12-31, d]: a prefix sum, so the count in (a, b] is
/// `plain_prefix(b) - plain_prefix(a)`. Day 1 of the common era (0001-01-01) is a Monday.
fn plain_prefix(d: NaiveDate) -> i64 {
    let k = i64::from(d.num_days_from_ce());
    k.div_euclid(7) * 5 + k.rem_euclid(7).min(5)
}

/// The date `n` (≥ 1) Monday–Friday days after `d`. Each 7 days hold exactly 5 of them.
fn plain_add(d: NaiveDate, n: u64) -> Option<NaiveDate> {
    debug_assert!(n > 0);
    let weeks = (n - 1) / 5;
    let mut left = n - weeks * 5;
    let mut d = d.checked_add_days(Days::new(weeks.checked_mul(7)?))?;
    while left > 0 {
        d = d.succ_opt()?;
        if !is_weekend(d) {
            left -= 1;
        }
    }
    Some(d)
}

/// The first and last key of a date map.
fn ends<V>(m: &BTreeMap<NaiveDate, V>) -> Option<(NaiveDate, NaiveDate)> {
    Some((*m.keys().next()?, *m.keys().next_back()?))
}

fn non_empty(s: &str) -> Option<&str> {
    Some(s).filter(|s| !s.is_empty())
}

impl WorkCalendar {
    /// The official calendar with no overrides.
    pub fn official() -> Self {
        Self::with_overrides(BTreeMap::new())
    }

    /// The official calendar corrected by stored overrides. A row whose date is not a valid
    /// `YYYY-MM-DD` is ignored (writes validate dates, so none exists).
    pub fn from_overrides(rows: &[CalendarOverride]) -> Self {
        Self::with_overrides(
            rows.iter()
                .filter_map(|r| {
                    let d = NaiveDate::parse_from_str(&r.date, "%Y-%m-%d").ok()?;
                    Some((d, (r.kind, r.note.clone())))
                })
                .collect(),
        )
    }

    /// This calendar with one more override (replacing any for the same date).
    pub fn with_override(
        self,
        date: NaiveDate,
        kind: OverrideKind,
        note: impl Into<String>,
    ) -> Self {
        let mut overrides = self.overrides;
        overrides.insert(date, (kind, note.into()));
        Self::with_overrides(overrides)
    }

    fn with_overrides(overrides: BTreeMap<NaiveDate, (OverrideKind, String)>) -> Self {
        let official = official();
        let span = match (ends(&official.days), ends(&overrides)) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (one, None) | (None, one) => one,
        };
        WorkCalendar {
            official,
            overrides,
            span,
        }
    }

    /// The years the official data covers, e.g. 2004..=2026.
    pub fn covered_years(&self) -> RangeInclusive<i32> {
        self.official.years.clone()
    }

    /// Whether `year` is covered by the official data. When false, holidays of that year are not
    /// known (only weekends and overrides are): deadlines in it may be early.
    pub fn is_official(&self, year: i32) -> bool {
        self.official.years.contains(&year)
    }

    /// Whether an admin override decides `date`.
    pub fn is_overridden(&self, date: NaiveDate) -> bool {
        self.overrides.contains_key(&date)
    }

    pub fn is_workday(&self, date: NaiveDate) -> bool {
        if let Some((kind, _)) = self.overrides.get(&date) {
            return *kind == OverrideKind::Workday;
        }
        match self.official.days.get(&date) {
            Some(day) => !day.off,
            None => !is_weekend(date),
        }
    }

    /// The kind of `date`, with the holiday's name. An override's note is its name; without a note
    /// an override keeps the official name when it agrees with it, else reads 放假 / 上班.
    pub fn day_kind(&self, date: NaiveDate) -> DayKind {
        let official = self.official.days.get(&date);
        match self.overrides.get(&date) {
            Some((OverrideKind::Holiday, note)) => DayKind::Holiday {
                name: non_empty(note)
                    .or(official.filter(|o| o.off).map(|o| o.name))
                    .unwrap_or("放假")
                    .to_string(),
            },
            Some((OverrideKind::Workday, note)) if is_weekend(date) => DayKind::MakeupWorkday {
                name: non_empty(note)
                    .or(official.filter(|o| !o.off).map(|o| o.name))
                    .unwrap_or("上班")
                    .to_string(),
            },
            Some((OverrideKind::Workday, _)) => DayKind::Workday,
            None => match official {
                Some(o) if o.off => DayKind::Holiday {
                    name: o.name.to_string(),
                },
                Some(o) => DayKind::MakeupWorkday {
                    name: o.name.to_string(),
                },
                None if is_weekend(date) => DayKind::Weekend,
                None => DayKind::Workday,
            },
        }
    }

    /// The date `n` working days after `date`: `date` itself never counts, the result is always a
    /// working day (for n ≥ 1), and `n = 0` returns `date` unchanged. Feedback given on Tuesday
    /// 2025-09-30 plus 3 working days is Saturday 2025-10-11 (Oct 1–8 are off, Oct 11 is worked).
    ///
    /// Panics only when the result lies beyond the last date chrono can represent (n in the tens
    /// of millions); use [`checked_add_workdays`](Self::checked_add_workdays) for untrusted `n`.
    pub fn add_workdays(&self, date: NaiveDate, n: u32) -> NaiveDate {
        self.checked_add_workdays(date, n)
            .expect("add_workdays: result beyond the representable date range")
    }

    /// [`add_workdays`](Self::add_workdays), or `None` past the representable date range.
    pub fn checked_add_workdays(&self, date: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(date);
        }
        let mut left = u64::from(n);
        let Some((first, last)) = self.span else {
            return plain_add(date, left);
        };
        let mut d = date;
        if d < first {
            // Before any exception: the weekly rule until the day before `first`.
            let plain = plain_add(d, left)?;
            if plain < first {
                return Some(plain);
            }
            let before = first.pred_opt()?;
            left -= (plain_prefix(before) - plain_prefix(d)) as u64;
            d = before;
        }
        // Day by day through the years with data (a few thousand days at most)…
        while d < last {
            d = d.succ_opt()?;
            if self.is_workday(d) {
                left -= 1;
                if left == 0 {
                    return Some(d);
                }
            }
        }
        // …and the weekly rule after them.
        plain_add(d, left)
    }

    /// Working days in the half-open interval (from, to]: `from` does not count, `to` does.
    /// When `to < from` the result is the negated count over (to, from]; when `to == from` it is 0.
    /// So `workdays_between(d, add_workdays(d, n)) == n`, and
    /// `workdays_between(a, b) == -workdays_between(b, a)`.
    pub fn workdays_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        match to.cmp(&from) {
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => self.count(from, to),
            std::cmp::Ordering::Less => -self.count(to, from),
        }
    }

    /// Working days in (a, b], a < b: the weekly rule, corrected at each listed day.
    fn count(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        let range = (Excluded(a), Included(b));
        let plain = |d: &NaiveDate| i64::from(!is_weekend(*d));
        let mut n = plain_prefix(b) - plain_prefix(a);
        for (d, day) in self.official.days.range(range) {
            if !self.overrides.contains_key(d) {
                n += i64::from(!day.off) - plain(d);
            }
        }
        for (d, (kind, _)) in self.overrides.range(range) {
            n += i64::from(*kind == OverrideKind::Workday) - plain(d);
        }
        n
    }

    /// One cell of a month grid.
    pub fn day(&self, date: NaiveDate) -> CalendarDay {
        let kind = self.day_kind(date);
        CalendarDay {
            date: date.format("%Y-%m-%d").to_string(),
            weekday: date.weekday().number_from_monday() as u8,
            is_workday: kind.is_workday(),
            kind,
            overridden: self.is_overridden(date),
            official: self.is_official(date.year()),
            version: 0,
        }
    }

    /// Every day of a month, first to last; `None` if `month` is not 1–12 (or the year is out of
    /// chrono's range).
    pub fn month(&self, year: i32, month: u32) -> Option<Vec<CalendarDay>> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(
            first
                .iter_days()
                .take_while(|d| d.month() == month)
                .map(|d| self.day(d))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The obvious day-by-day definitions, to check the fast paths against.
    fn slow_add(c: &WorkCalendar, mut date: NaiveDate, mut n: u32) -> NaiveDate {
        while n > 0 {
            date = date.succ_opt().unwrap();
            if c.is_workday(date) {
                n -= 1;
            }
        }
        date
    }

    fn slow_between(c: &WorkCalendar, from: NaiveDate, to: NaiveDate) -> i64 {
        let (a, b, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        sign * a
            .iter_days()
            .skip(1)
            .take_while(|x| *x <= b)
            .filter(|x| c.is_workday(*x))
            .count() as i64
    }

    #[test]
    fn plain_prefix_counts_monday_to_friday() {
        let start = d("1999-12-20");
        for i in 0..60u64 {
            let a = start + Days::new(i);
            for j in 0..30u64 {
                let b = a + Days::new(j);
                let slow = a
                    .iter_days()
                    .skip(1)
                    .take_while(|x| *x <= b)
                    .filter(|x| !is_weekend(*x))
                    .count();
                assert_eq!(plain_prefix(b) - plain_prefix(a), slow as i64, "{a}..{b}");
            }
        }
    }

    #[test]
    fn kinds_of_days_around_national_day_2025() {
        let c = WorkCalendar::official();
        assert_eq!(c.day_kind(d("2025-09-30")), DayKind::Workday);
        assert_eq!(
            c.day_kind(d("2025-10-01")),
            DayKind::Holiday {
                name: "国庆节".into()
            }
        );
        assert_eq!(
            c.day_kind(d("2025-10-06")),
            DayKind::Holiday {
                name: "中秋节".into()
            }
        );
        assert_eq!(
            c.day_kind(d("2025-10-11")),
            DayKind::MakeupWorkday {
                name: "国庆节".into()
            }
        );
        assert_eq!(c.day_kind(d("2025-10-12")), DayKind::Weekend);
        assert_eq!(
            c.day_kind(d("2025-09-28")),
            DayKind::MakeupWorkday {
                name: "国庆节".into()
            }
        );
    }

    #[test]
    fn fast_paths_agree_with_day_by_day_counting() {
        let c = WorkCalendar::official()
            .with_override(d("2025-11-03"), OverrideKind::Holiday, "校庆")
            .with_override(d("2025-11-08"), OverrideKind::Workday, "")
            .with_override(d("2025-10-03"), OverrideKind::Workday, "值班")
            .with_override(d("2030-01-02"), OverrideKind::Holiday, "");
        let starts = [
            "2003-12-20",
            "2004-01-15",
            "2005-12-28",
            "2015-09-01",
            "2024-09-27",
            "2025-01-24",
            "2025-09-30",
            "2025-10-31",
            "2026-12-25",
            "2029-12-28",
            "2031-05-01",
        ];
        for s in starts {
            let a = d(s);
            for n in [0, 1, 2, 3, 5, 7, 10, 15, 30, 200] {
                let fast = c.add_workdays(a, n);
                assert_eq!(fast, slow_add(&c, a, n), "{a} + {n}");
                assert_eq!(c.workdays_between(a, fast), i64::from(n), "{a} + {n}");
            }
            for days in [0u64, 1, 6, 13, 40, 400] {
                let b = a + Days::new(days);
                assert_eq!(c.workdays_between(a, b), slow_between(&c, a, b), "{a}..{b}");
                assert_eq!(
                    c.workdays_between(b, a),
                    -slow_between(&c, a, b),
                    "{b}..{a}"
                );
            }
        }
        // Across the whole data span in one go.
        let (a, b) = (d("2003-06-01"), d("2027-06-01"));
        assert_eq!(c.workdays_between(a, b), slow_between(&c, a, b));
        let n = slow_between(&c, a, b) as u32;
        assert_eq!(c.add_workdays(a, n), slow_add(&c, a, n));
    }

    #[test]
    fn outside_the_covered_years_only_weekends_count() {
        let c = WorkCalendar::official();
        assert!(c.is_official(2004));
        assert!(!c.is_official(2003));
        assert!(!c.is_official(*c.covered_years().end() + 1));
        // 2003-10-01 was a holiday, but 2003 is not in the data: a plain Wednesday.
        assert!(c.is_workday(d("2003-10-01")));
        assert_eq!(c.day_kind(d("2003-10-01")), DayKind::Workday);
        assert!(!c.day(d("2003-10-01")).official);
        // Far years: arithmetic, no loop over every day.
        assert_eq!(c.add_workdays(d("2100-01-01"), 5), d("2100-01-08"));
        assert_eq!(c.checked_add_workdays(d("2100-01-01"), u32::MAX), None);
    }

    #[test]
    fn override_names_fall_back_sensibly() {
        let c = WorkCalendar::official()
            .with_override(d("2025-10-01"), OverrideKind::Holiday, "")
            .with_override(d("2025-11-08"), OverrideKind::Workday, "")
            .with_override(d("2025-11-09"), OverrideKind::Workday, "运动会补课")
            .with_override(d("2025-11-10"), OverrideKind::Holiday, "")
            .with_override(d("2025-10-02"), OverrideKind::Workday, "");
        assert_eq!(
            c.day_kind(d("2025-10-01")),
            DayKind::Holiday {
                name: "国庆节".into()
            }
        );
        assert_eq!(
            c.day_kind(d("2025-11-08")),
            DayKind::MakeupWorkday {
                name: "上班".into()
            }
        );
        assert_eq!(
            c.day_kind(d("2025-11-09")),
            DayKind::MakeupWorkday {
                name: "运动会补课".into()
            }
        );
        assert_eq!(
            c.day_kind(d("2025-11-10")),
            DayKind::Holiday {
                name: "放假".into()
            }
        );
        assert_eq!(c.day_kind(d("2025-10-02")), DayKind::Workday);
        assert!(c.day(d("2025-10-02")).overridden);
    }

    #[test]
    fn a_month_grid_has_every_day() {
        let c = WorkCalendar::official();
        let feb = c.month(2024, 2).unwrap();
        assert_eq!(feb.len(), 29);
        assert_eq!(feb[0].date, "2024-02-01");
        assert_eq!(feb[0].weekday, 4);
        assert_eq!(feb[3].date, "2024-02-04");
        assert!(feb[3].is_workday, "Sunday 2024-02-04 was worked");
        assert!(c.month(2024, 13).is_none());
    }
}
