//! Working days on China's official calendar, through the core's public functions only. The dates
//! are real holiday periods from the State Council's notices.

use chrono::NaiveDate;
use studio_core::calendar::{self, CalendarOverride, DayKind, OverrideKind, WorkCalendar};
use studio_core::{Actor, Ctx, Error, Role, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn admin() -> Ctx {
    Ctx::now(Actor::new("组织部张老师", Role::Admin))
}

/// Set a day as the admin's screen does: based on the version it shows.
fn set_override(
    s: &Store,
    who: &Ctx,
    date: &str,
    kind: OverrideKind,
    note: &str,
) -> studio_core::Result<CalendarOverride> {
    let v = calendar::override_version(s, date).unwrap_or(0);
    calendar::set_override(s, who, date, v, kind, note)
}

fn remove_override(s: &Store, who: &Ctx, date: &str) -> studio_core::Result<()> {
    let v = calendar::override_version(s, date).unwrap_or(0);
    calendar::remove_override(s, who, date, v)
}

fn holiday(name: &str) -> DayKind {
    DayKind::Holiday { name: name.into() }
}

fn makeup(name: &str) -> DayKind {
    DayKind::MakeupWorkday { name: name.into() }
}

/// Days off in `from..=to`, by the calendar.
fn assert_off(c: &WorkCalendar, from: &str, to: &str) {
    for day in d(from).iter_days().take_while(|x| *x <= d(to)) {
        assert!(!c.is_workday(day), "{day} should be off");
    }
}

#[test]
fn feedback_before_national_day_2025_is_due_on_the_make_up_saturday() {
    // National Day + Mid-Autumn 2025: Oct 1–8 off, Sat Oct 11 worked. A card for feedback given on
    // Tue Sep 30 is due 3 working days later: Thu 9, Fri 10, Sat 11.
    let c = WorkCalendar::official();
    assert_off(&c, "2025-10-01", "2025-10-08");
    assert_eq!(c.add_workdays(d("2025-09-30"), 3), d("2025-10-11"));
    assert_eq!(c.add_workdays(d("2025-09-30"), 1), d("2025-10-09"));
    assert_eq!(c.add_workdays(d("2025-09-30"), 0), d("2025-09-30"));
    assert_eq!(c.day_kind(d("2025-10-11")), makeup("国庆节"));
    assert_eq!(c.day_kind(d("2025-10-06")), holiday("中秋节"));
    // Sun Sep 28 was worked too: from Fri Sep 26, +1 is that Sunday.
    assert_eq!(c.add_workdays(d("2025-09-26"), 1), d("2025-09-28"));
}

#[test]
fn spring_festival_2025() {
    // Jan 28 – Feb 4 off; Sun Jan 26 and Sat Feb 8 worked.
    let c = WorkCalendar::official();
    assert_off(&c, "2025-01-28", "2025-02-04");
    assert_eq!(c.day_kind(d("2025-01-29")), holiday("春节"));
    assert_eq!(c.day_kind(d("2025-01-26")), makeup("春节"));
    assert_eq!(c.day_kind(d("2025-02-08")), makeup("春节"));
    assert!(c.is_workday(d("2025-01-26")));
    assert!(c.is_workday(d("2025-02-08")));
    assert_eq!(c.day_kind(d("2025-02-09")), DayKind::Weekend);
    // Fri Jan 24: Sun 26 (1), Mon 27 (2), then Wed Feb 5 (3).
    assert_eq!(c.add_workdays(d("2025-01-24"), 3), d("2025-02-05"));
    // Mon 27 Jan + 1 jumps the whole festival.
    assert_eq!(c.add_workdays(d("2025-01-27"), 1), d("2025-02-05"));
}

#[test]
fn national_day_2024() {
    // Oct 1–7 off; Sun Sep 29 and Sat Oct 12 worked.
    let c = WorkCalendar::official();
    assert_off(&c, "2024-10-01", "2024-10-07");
    assert_eq!(c.day_kind(d("2024-10-01")), holiday("国庆节"));
    assert_eq!(c.day_kind(d("2024-09-29")), makeup("国庆节"));
    assert_eq!(c.day_kind(d("2024-10-12")), makeup("国庆节"));
    // Fri Sep 27: Sun 29 (1), Mon 30 (2), Tue Oct 8 (3).
    assert_eq!(c.add_workdays(d("2024-09-27"), 3), d("2024-10-08"));
    // Tue Oct 8 + 4: 9, 10, 11, Sat 12.
    assert_eq!(c.add_workdays(d("2024-10-08"), 4), d("2024-10-12"));
}

#[test]
fn an_ordinary_week() {
    let c = WorkCalendar::official();
    // Mon 2025-03-10 … Sun 2025-03-16: no holiday anywhere near.
    for (day, work) in [
        ("2025-03-10", true),
        ("2025-03-11", true),
        ("2025-03-12", true),
        ("2025-03-13", true),
        ("2025-03-14", true),
        ("2025-03-15", false),
        ("2025-03-16", false),
    ] {
        assert_eq!(c.is_workday(d(day)), work, "{day}");
    }
    assert_eq!(c.day_kind(d("2025-03-15")), DayKind::Weekend);
    assert_eq!(c.day_kind(d("2025-03-12")), DayKind::Workday);
    // Thu + 3 = Tue (the weekend skipped); Fri + 5 = next Fri.
    assert_eq!(c.add_workdays(d("2025-03-13"), 3), d("2025-03-18"));
    assert_eq!(c.add_workdays(d("2025-03-14"), 5), d("2025-03-21"));
    assert_eq!(c.workdays_between(d("2025-03-09"), d("2025-03-16")), 5);
}

#[test]
fn workdays_between_counts_the_half_open_interval_across_a_holiday() {
    let c = WorkCalendar::official();
    // (Sep 30, Oct 11] 2025: Oct 9, 10, 11 are the only working days.
    assert_eq!(c.workdays_between(d("2025-09-30"), d("2025-10-11")), 3);
    assert_eq!(c.workdays_between(d("2025-09-30"), d("2025-10-08")), 0);
    // Reversed: negated. Same day: 0.
    assert_eq!(c.workdays_between(d("2025-10-11"), d("2025-09-30")), -3);
    assert_eq!(c.workdays_between(d("2025-10-11"), d("2025-10-11")), 0);
    // September 2025: 22 weekdays plus Sun Sep 28 worked.
    assert_eq!(c.workdays_between(d("2025-08-31"), d("2025-09-30")), 23);
    // The whole of 2025: 261 weekdays, 18 of them holidays (元旦 1, 春节 6, 清明 1, 劳动节 3,
    // 端午 1, 国庆中秋 6), plus 5 make-up Saturdays/Sundays.
    assert_eq!(
        c.workdays_between(d("2024-12-31"), d("2025-12-31")),
        261 - 18 + 5
    );
    // Consistent with add_workdays.
    for n in 0..40 {
        let due = c.add_workdays(d("2025-09-20"), n);
        assert_eq!(c.workdays_between(d("2025-09-20"), due), i64::from(n));
    }
}

#[test]
fn the_covered_years_run_from_2004_to_the_latest() {
    let c = WorkCalendar::official();
    let years = c.covered_years();
    assert_eq!(*years.start(), 2004);
    assert!(*years.end() >= 2026, "{years:?}");
    assert_eq!(years, calendar::official_years());
    assert!(calendar::official_source().starts_with("chinese-days "));
    // 2004: Spring Festival Jan 22–28, Sat Jan 17 and Sun Jan 18 worked.
    assert_off(&c, "2004-01-22", "2004-01-28");
    assert_eq!(c.day_kind(d("2004-01-17")), makeup("春节"));
    assert_eq!(c.day_kind(d("2004-10-10")), makeup("国庆节"));
    // The latest year has its Spring Festival and National Day.
    let last = *years.end();
    let days = |m| c.month(last, m).unwrap();
    let names: Vec<DayKind> = (1..=12).flat_map(days).map(|x| x.kind).collect();
    assert!(names.contains(&holiday("春节")), "{last}");
    assert!(names.contains(&holiday("国庆节")), "{last}");
    // 2026 (published Nov 2025): Spring Festival Feb 15–23, Sat Feb 14 and Sat Feb 28 worked.
    assert_off(&c, "2026-02-15", "2026-02-23");
    assert_eq!(c.day_kind(d("2026-02-28")), makeup("春节"));
    // Beyond it: weekends only, and flagged.
    assert!(c.is_official(2004) && c.is_official(last));
    assert!(!c.is_official(2003) && !c.is_official(last + 1));
    let jan1 = NaiveDate::from_ymd_opt(last + 1, 1, 1).unwrap();
    assert!(!c.day(jan1).official);
}

#[test]
fn an_admin_override_turns_a_workday_into_a_holiday() {
    let s = Store::open_in_memory().unwrap();
    // Thu 2025-10-09 is a normal working day; the university closes on it.
    assert_eq!(
        calendar::load(&s).unwrap().add_workdays(d("2025-09-30"), 3),
        d("2025-10-11")
    );
    let o = set_override(&s, &admin(), "2025-10-09", OverrideKind::Holiday, " 校庆 ").unwrap();
    assert_eq!(o.date, "2025-10-09");
    assert_eq!(o.note, "校庆");
    assert_eq!(o.version, 1);
    assert_eq!(o.updated_by, "组织部张老师");

    let c = calendar::load(&s).unwrap();
    assert!(!c.is_workday(d("2025-10-09")));
    assert_eq!(c.day_kind(d("2025-10-09")), holiday("校庆"));
    assert_eq!(c.add_workdays(d("2025-09-30"), 3), d("2025-10-13"));
    assert_eq!(c.workdays_between(d("2025-09-30"), d("2025-10-11")), 2);

    let grid = calendar::month_view(&s, &admin(), 2025, 10).unwrap();
    assert_eq!(grid.len(), 31);
    let oct9 = &grid[8];
    assert_eq!(oct9.date, "2025-10-09");
    assert!(oct9.overridden && !oct9.is_workday && oct9.official);
    assert_eq!(oct9.kind, holiday("校庆"));
    assert!(
        !grid[9].overridden && grid[10].is_workday,
        "Oct 11 is still worked"
    );

    // A weekend worked for the sports day, and next year's calendar entered ahead of the data.
    set_override(
        &s,
        &admin(),
        "2025-11-15",
        OverrideKind::Workday,
        "运动会补课",
    )
    .unwrap();
    let next = calendar::official_years().end() + 1;
    let day = format!("{next}-01-01");
    set_override(&s, &admin(), &day, OverrideKind::Holiday, "元旦").unwrap();
    let c = calendar::load(&s).unwrap();
    assert_eq!(c.day_kind(d("2025-11-15")), makeup("运动会补课"));
    assert_eq!(c.day_kind(d(&day)), holiday("元旦"));
    assert_eq!(
        calendar::list_overrides(&s, &admin(), None).unwrap().len(),
        3
    );
    assert_eq!(
        calendar::list_overrides(&s, &admin(), Some(2025))
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        calendar::list_overrides(&s, &admin(), Some(next)).unwrap()[0].date,
        day
    );

    // Changing it bumps the version; removing it restores the official day.
    let o = set_override(
        &s,
        &admin(),
        "2025-10-09",
        OverrideKind::Holiday,
        "校庆停课",
    )
    .unwrap();
    assert_eq!(o.version, 2);
    remove_override(&s, &admin(), "2025-10-09").unwrap();
    let c = calendar::load(&s).unwrap();
    assert!(c.is_workday(d("2025-10-09")) && !c.is_overridden(d("2025-10-09")));
    assert_eq!(c.add_workdays(d("2025-09-30"), 3), d("2025-10-11"));
    assert_eq!(
        calendar::list_overrides(&s, &admin(), Some(2025))
            .unwrap()
            .len(),
        1
    );
    // Set again after removal: the same row comes back with a higher version.
    let o = set_override(&s, &admin(), "2025-10-09", OverrideKind::Holiday, "").unwrap();
    assert_eq!(o.version, 4);
    // Removing what is not there is a clear error.
    let e = remove_override(&s, &admin(), "2025-10-10").unwrap_err();
    assert!(matches!(e, Error::NotFound(_)), "{e:?}");
    assert!(e.to_string().contains("2025-10-10"));
}

#[test]
fn only_an_admin_may_change_the_calendar() {
    let s = Store::open_in_memory().unwrap();
    for role in [Role::Liaison, Role::Delegate, Role::Visitor] {
        let who = Ctx::now(Actor::new("王联络", role));
        let e = set_override(&s, &who, "2025-10-09", OverrideKind::Holiday, "").unwrap_err();
        assert_eq!(e.code(), "forbidden");
        assert!(e.to_string().contains("没有权限"), "{e}");
        assert!(e.to_string().contains(role_label(role)), "{e}");
    }
    set_override(&s, &admin(), "2025-10-09", OverrideKind::Holiday, "").unwrap();
    let liaison = Ctx::now(Actor::new("王联络", Role::Liaison));
    let e = remove_override(&s, &liaison, "2025-10-09").unwrap_err();
    assert!(matches!(e, Error::Forbidden(_)));
    assert!(calendar::load(&s).unwrap().is_overridden(d("2025-10-09")));
    // The calendar itself is open to every reader; the list of overrides to the studio's staff.
    assert!(calendar::load(&s).unwrap().is_overridden(d("2025-10-09")));
    assert_eq!(
        calendar::list_overrides(&s, &liaison, None).unwrap().len(),
        1
    );
}

fn role_label(r: Role) -> &'static str {
    r.label()
}

#[test]
fn bad_input_is_refused_in_chinese_and_nothing_is_saved() {
    let s = Store::open_in_memory().unwrap();
    let fields = |e: Error| match e {
        Error::Validation(f) => f
            .into_iter()
            .map(|f| (f.field, f.message))
            .collect::<Vec<_>>(),
        other => panic!("expected a validation error, got {other:?}"),
    };
    let e = set_override(&s, &admin(), "2025/10/09", OverrideKind::Holiday, "").unwrap_err();
    assert_eq!(
        fields(e),
        [(
            "date".into(),
            "日期格式应为 YYYY-MM-DD，例如 2025-10-01".into()
        )]
    );
    let e = set_override(&s, &admin(), "2025-02-29", OverrideKind::Holiday, "").unwrap_err();
    assert_eq!(fields(e)[0].0, "date");
    let e = set_override(&s, &admin(), "1990-10-09", OverrideKind::Holiday, "").unwrap_err();
    assert_eq!(fields(e)[0].1, "日期应在 2000 年至 2100 年之间");
    let long = "停".repeat(101);
    let e = set_override(&s, &admin(), "bad", OverrideKind::Holiday, &long).unwrap_err();
    let f = fields(e);
    assert_eq!(f.len(), 2, "both problems at once: {f:?}");
    assert_eq!(f[1], ("note".into(), "备注不能超过 100 个字".into()));
    // Exactly 100 characters is fine.
    set_override(
        &s,
        &admin(),
        "2025-10-09",
        OverrideKind::Holiday,
        &"停".repeat(100),
    )
    .unwrap();
    let e = calendar::month_view(&s, &admin(), 2025, 13).unwrap_err();
    assert_eq!(
        fields(e),
        [("month".into(), "月份应在 1 到 12 之间".into())]
    );
    assert_eq!(
        calendar::list_overrides(&s, &admin(), None).unwrap().len(),
        1
    );
}

#[test]
fn every_override_change_is_audited_in_its_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cal.db");
    let s = Store::open(&path).unwrap();
    set_override(&s, &admin(), "2025-10-09", OverrideKind::Holiday, "校庆").unwrap();
    set_override(&s, &admin(), "2025-10-09", OverrideKind::Workday, "校庆").unwrap();
    // The same again changes nothing and records nothing.
    set_override(&s, &admin(), "2025-10-09", OverrideKind::Workday, "校庆").unwrap();
    remove_override(&s, &admin(), "2025-10-09").unwrap();
    // Refused writes leave no record.
    let _ = set_override(
        &s,
        &Ctx::now(Actor::new("访客", Role::Visitor)),
        "2025-10-10",
        OverrideKind::Holiday,
        "",
    );
    let _ = set_override(&s, &admin(), "2025-13-01", OverrideKind::Holiday, "");
    drop(s);

    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut st = conn
        .prepare(
            "SELECT actor, actor_role, row_id, action, before, after FROM change_log
             WHERE entity = 'calendar' ORDER BY seq",
        )
        .unwrap();
    type Rec = (
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Rec> = st
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let actions: Vec<&str> = rows.iter().map(|r| r.3.as_str()).collect();
    assert_eq!(actions, ["create", "update", "delete"]);
    for r in &rows {
        assert_eq!(
            (r.0.as_str(), r.1.as_str(), r.2.as_str()),
            ("组织部张老师", "admin", "2025-10-09")
        );
    }
    let json = |s: &Option<String>| {
        serde_json::from_str::<serde_json::Value>(s.as_deref().unwrap()).unwrap()
    };
    assert!(rows[0].4.is_none());
    assert_eq!(json(&rows[0].5)["kind"], "holiday");
    // The update keeps the whole row before and after, with its versions.
    assert_eq!(json(&rows[1].4)["kind"], "holiday");
    assert_eq!(json(&rows[1].4)["version"], 1);
    assert_eq!(json(&rows[1].5)["kind"], "workday");
    assert_eq!(json(&rows[1].5)["version"], 2);
    // The delete keeps the whole row it removed; after it is the tombstone's version.
    assert_eq!(json(&rows[2].4)["note"], "校庆");
    assert_eq!(json(&rows[2].5)["version"], 3);
    // The row itself is a tombstone.
    let deleted: Option<String> = conn
        .query_row(
            "SELECT deleted_at FROM calendar_overrides WHERE date = '2025-10-09'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(deleted.is_some());
}

#[test]
fn a_stale_calendar_change_is_refused() {
    let s = Store::open_in_memory().unwrap();
    let day = "2025-10-09";
    let seen = calendar::month_view(&s, &admin(), 2025, 10).unwrap()[8].version;
    assert_eq!(seen, 0, "never overridden");
    let a = Ctx::now(Actor::new("甲", Role::Admin));
    let b = Ctx::now(Actor::new("乙", Role::Admin));
    calendar::set_override(&s, &a, day, seen, OverrideKind::Holiday, "校庆").unwrap();
    let e = calendar::set_override(&s, &b, day, seen, OverrideKind::Workday, "补课").unwrap_err();
    assert_eq!(e.code(), "conflict");
    let e = calendar::remove_override(&s, &b, day, seen).unwrap_err();
    assert_eq!(e.code(), "conflict");
    let c = calendar::load(&s).unwrap();
    assert_eq!(c.day_kind(d(day)), holiday("校庆"), "nothing overwritten");
    assert_eq!(
        calendar::month_view(&s, &admin(), 2025, 10).unwrap()[8].version,
        1
    );
}

/// What a calendar change may touch, read straight from the tables: every item's and card's due
/// date (and late flag) with its version, and how many overrides, change records and audit lines
/// there are.
#[derive(Debug, PartialEq)]
struct Snapshot {
    items: Vec<(String, Option<String>, i64)>,
    cards: Vec<(String, Option<String>, bool, i64)>,
    overrides: i64,
    changes: i64,
    audit: i64,
}

fn snapshot(s: &Store) -> Snapshot {
    let conn = s.reader().unwrap();
    let count = |table: &str| -> i64 {
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    let items = conn
        .prepare("SELECT id, due_on, version FROM items ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let cards = conn
        .prepare("SELECT id, due_on, filed_late, version FROM cards ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    Snapshot {
        items,
        cards,
        overrides: count("calendar_overrides"),
        changes: count("change_log"),
        audit: count("audit_log"),
    }
}

/// What a calendar change recomputes, one progress step each: (open items, cards with feedback).
fn recomputed_rows(s: &Store) -> (usize, usize) {
    let conn = s.reader().unwrap();
    let count = |sql: &str| -> usize {
        let n: i64 = conn.query_row(sql, [], |r| r.get(0)).unwrap();
        n as usize
    };
    (
        count(
            "SELECT COUNT(*) FROM items WHERE deleted_at IS NULL AND status IN
               ('received', 'assigned', 'in_progress', 'answered', 'fed_back')",
        ),
        count("SELECT COUNT(*) FROM cards WHERE deleted_at IS NULL AND feedback_on IS NOT NULL"),
    )
}

/// The progress reports of one successful change: from 0 to the total known at the start, never
/// going back, every few hundred rows rather than every row.
fn assert_progress(calls: &[(usize, usize)], total: usize) {
    assert!(calls.len() >= 3, "{calls:?}");
    assert!(
        calls.iter().all(|&(_, t)| t == total),
        "the total is known up front: {calls:?}"
    );
    assert_eq!(calls.first(), Some(&(0, total)));
    assert_eq!(calls.last(), Some(&(total, total)));
    for w in calls.windows(2) {
        assert!(w[0].0 <= w[1].0, "growing: {w:?}");
        assert!(w[1].0 - w[0].0 <= 500, "often enough for a bar: {w:?}");
    }
    assert!(
        calls.len() <= total / 50 + 6,
        "not every row: {} calls for {total} rows",
        calls.len()
    );
}

#[test]
fn a_calendar_change_reports_progress_and_cancelling_it_changes_nothing() {
    // A ledger large enough for several progress steps, and the demo's cards and items beside it.
    let s = Store::open_in_memory().unwrap();
    let today = d("2025-11-20");
    studio_core::demo::bulk_items(&s, &Ctx::new(Actor::system(), today), 2_000, 11).unwrap();
    studio_core::demo::load_on(&s, today, true).unwrap();
    let (items, cards) = recomputed_rows(&s);
    // More open items than one progress step, so that 取消 can fall in the middle of them.
    assert!(
        items > 250 && cards > 0,
        "{items} open items, {cards} cards"
    );
    let total = items + cards;
    // The second working day after today becomes a day off: running deadlines beyond it move.
    let cal = calendar::load(&s).unwrap();
    let day = cal.add_workdays(today, 2);
    let day = day.format("%Y-%m-%d").to_string();
    let start = snapshot(&s);

    // 取消 half-way (the cards done, some items already rewritten): nothing at all is changed.
    let mut calls = Vec::new();
    let e = calendar::set_override_with_progress(
        &s,
        &admin(),
        &day,
        0,
        OverrideKind::Holiday,
        "校庆",
        &mut |done, t| {
            calls.push((done, t));
            done <= cards
        },
    )
    .unwrap_err();
    assert!(matches!(e, Error::Cancelled), "{e:?}");
    assert_eq!(e.code(), "cancelled");
    assert_eq!(e.to_string(), "已取消");
    assert_eq!(calls.first(), Some(&(0, total)));
    let &(stopped, _) = calls.last().unwrap();
    assert!(stopped > cards && stopped < total, "{calls:?}");
    assert_eq!(
        snapshot(&s),
        start,
        "the override, deadlines and records all rolled back"
    );
    assert!(!calendar::load(&s).unwrap().is_overridden(d(&day)));
    assert_eq!(calendar::override_version(&s, &day).unwrap(), 0);

    // Let it run: the count grows to the total, and deadlines move.
    let mut calls = Vec::new();
    let set = calendar::set_override_with_progress(
        &s,
        &admin(),
        &day,
        0,
        OverrideKind::Holiday,
        "校庆",
        &mut |done, t| {
            calls.push((done, t));
            true
        },
    )
    .unwrap();
    assert_progress(&calls, total);
    let after = snapshot(&s);
    assert_eq!(after.overrides, 1);
    assert_ne!(after.items, start.items, "some running deadlines moved");
    assert!(after.changes > start.changes + 1);

    // Removing it can be cancelled just the same, even at the last report, when every deadline
    // has been recomputed: the override stays, nothing moves back, nothing is recorded.
    let e =
        calendar::remove_override_with_progress(&s, &admin(), &day, set.version, &mut |done, t| {
            done < t
        })
        .unwrap_err();
    assert_eq!(e.code(), "cancelled");
    assert_eq!(snapshot(&s), after);
    assert!(calendar::load(&s).unwrap().is_overridden(d(&day)));

    let mut calls = Vec::new();
    calendar::remove_override_with_progress(&s, &admin(), &day, set.version, &mut |done, t| {
        calls.push((done, t));
        true
    })
    .unwrap();
    assert_progress(&calls, total);
    let back = snapshot(&s);
    let dates = |s: &Snapshot| {
        (
            s.items.iter().map(|i| i.1.clone()).collect::<Vec<_>>(),
            s.cards
                .iter()
                .map(|c| (c.1.clone(), c.2))
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(dates(&back), dates(&start), "the official deadlines again");
}
