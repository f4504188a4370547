//! The reception schedule (接待安排) as the studio's desk keeps it: through the core's public
//! functions only. Dates are in 2026, whose official calendar has 中秋节 on 09-25..27 (a make-up
//! working Sunday on 09-20) and 国庆节 on 10-01..07 (a make-up working Saturday on 10-10).

use chrono::NaiveDate;
use studio_core::export::{self, ExportFormat};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender};
use studio_core::schedule::{self, CopyInput, CopyMode, Place, Slot, SlotInput, SwapInput};
use studio_core::storage::audit as log;
use studio_core::{settings, Actor, Ctx, Error, Role, Store};

const TODAY: &str = "2026-09-15";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn admin() -> Ctx {
    Ctx::new(Actor::new("组织部张老师", Role::Admin), d(TODAY))
}

fn officer() -> Ctx {
    Ctx::new(Actor::new("王联络", Role::Liaison), d(TODAY))
}

fn colleague() -> Ctx {
    Ctx::new(Actor::new("李联络", Role::Liaison), d(TODAY))
}

fn visitor() -> Ctx {
    Ctx::new(Actor::new("访客", Role::Visitor), d(TODAY))
}

/// 理工代表团: 张建华 (`zhang`), 王芳 (`wang`); 人文社科代表团: 李丽华 (`li`), and 赵刚 (`zhao`) who
/// leaves on 2026-09-30.
struct World {
    store: Store,
    g1: String,
    zhang: String,
    wang: String,
    li: String,
    zhao: String,
}

fn world() -> World {
    let store = Store::open_in_memory().unwrap();
    let a = admin();
    let group = |name: &str| {
        roster::create_delegation(
            &store,
            &a,
            &DelegationInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let g1 = group("理工代表团");
    let g2 = group("人文社科代表团");
    let person = |g: &str, name: &str| {
        roster::create_delegate(
            &store,
            &a,
            &DelegateInput {
                name: name.into(),
                gender: Gender::Male,
                delegation_id: g.into(),
                unit: "计算机工程学院".into(),
                mobile: "13812345678".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let zhang = person(&g1, "张建华");
    let wang = person(&g1, "王芳");
    let li = person(&g2, "李丽华");
    let zhao = person(&g2, "赵刚");
    let v = roster::get_delegate(&store, &a, &zhao).unwrap().version;
    roster::mark_delegate_left(&store, &a, &zhao, v, Some("2026-09-30")).unwrap();
    World {
        store,
        g1,
        zhang,
        wang,
        li,
        zhao,
    }
}

fn input(date: &str, start: &str, end: &str, who: &[&str]) -> SlotInput {
    SlotInput {
        date: date.into(),
        start: start.into(),
        end: end.into(),
        place: Some(Place::Studio),
        delegate_ids: who.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

fn afternoon(date: &str, who: &[&str]) -> SlotInput {
    input(date, "14:30", "17:00", who)
}

fn changes(w: &World) -> Vec<studio_core::audit::ChangeRecord> {
    log::all(&w.store.reader().unwrap()).unwrap()
}

/// The one field error of a refused save: (field, message).
fn field_error<T: std::fmt::Debug>(r: studio_core::Result<T>) -> (String, String) {
    match r {
        Err(Error::Validation(f)) => {
            assert_eq!(f.len(), 1, "{f:?}");
            (f[0].field.clone(), f[0].message.clone())
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn dates(slots: &[Slot]) -> Vec<&str> {
    slots.iter().map(|s| s.date.as_str()).collect()
}

fn names(s: &Slot) -> Vec<&str> {
    s.delegates.iter().map(|d| d.name.as_str()).collect()
}

#[test]
fn a_slot_carries_its_delegates_with_their_delegations_and_is_recorded() {
    let w = world();
    let before = changes(&w).len();
    let s = schedule::create_slot(
        &w.store,
        &officer(),
        &afternoon("2026-09-08", &[&w.zhang, &w.wang]),
    )
    .unwrap();
    assert_eq!(
        (s.date.as_str(), s.weekday, s.start.as_str(), s.end.as_str()),
        ("2026-09-08", 2, "14:30", "17:00")
    );
    assert_eq!(names(&s), ["张建华", "王芳"]);
    assert_eq!(s.delegates[0].delegation_name, "理工代表团");
    assert_eq!(s.delegates[0].delegation_id, w.g1);
    assert!(!s.published && !s.non_working_day);
    assert_eq!(s.version, 1);
    let log = changes(&w);
    assert_eq!(log.len(), before + 1);
    let last = log.last().unwrap();
    assert_eq!(
        (
            last.entity.as_str(),
            last.action.as_str(),
            last.actor.as_str()
        ),
        ("duty_slot", "create", "王联络")
    );
    assert_eq!(
        last.after.as_ref().unwrap()["delegate_ids"],
        serde_json::json!([w.zhang, w.wang])
    );
}

#[test]
fn a_delegate_on_two_overlapping_slots_is_refused_naming_the_other_slot() {
    let w = world();
    let o = officer();
    schedule::create_slot(&w.store, &o, &afternoon("2026-09-08", &[&w.zhang])).unwrap();
    let before = changes(&w).len();
    let mut clash = input("2026-09-08", "16:00", "18:00", &[&w.li, &w.zhang]);
    clash.place = Some(Place::Online);
    let (field, message) = field_error(schedule::create_slot(&w.store, &o, &clash));
    assert_eq!(field, "delegate_ids");
    assert_eq!(
        message,
        "张建华 已在 2026-09-08（周二）14:30—17:00 工作室值班，时间重叠"
    );
    assert_eq!(changes(&w).len(), before, "nothing was written");
    // Touching ends do not overlap; another delegate at the same time is fine.
    schedule::create_slot(
        &w.store,
        &o,
        &input("2026-09-08", "17:00", "18:00", &[&w.zhang]),
    )
    .unwrap();
    schedule::create_slot(&w.store, &o, &afternoon("2026-09-08", &[&w.li])).unwrap();
    // Moving a slot onto another one of the same delegate is refused the same way.
    let morning = schedule::create_slot(
        &w.store,
        &o,
        &input("2026-09-08", "08:30", "11:30", &[&w.zhang]),
    )
    .unwrap();
    let (_, message) = field_error(schedule::update_slot(
        &w.store,
        &o,
        &morning.id,
        morning.version,
        &input("2026-09-08", "10:00", "15:00", &[&w.zhang]),
    ));
    assert!(message.contains("14:30—17:00"), "{message}");
    // The same delegate twice in one slot, or more than six, is refused by the form's rules.
    let (_, message) = field_error(schedule::create_slot(
        &w.store,
        &o,
        &afternoon("2026-09-10", &[&w.wang, &w.wang]),
    ));
    assert_eq!(message, "同一名党代表不能在一个时段中重复安排");
}

#[test]
fn a_delegate_who_has_left_is_refused_from_the_day_they_left() {
    let w = world();
    let o = officer();
    let (field, message) = field_error(schedule::create_slot(
        &w.store,
        &o,
        &afternoon("2026-10-13", &[&w.zhao]),
    ));
    assert_eq!(field, "delegate_ids");
    assert_eq!(message, "赵刚 已于 2026-09-30 离任，不能安排接待");
    // Before leaving they still received visitors.
    schedule::create_slot(&w.store, &o, &afternoon("2026-09-29", &[&w.zhao])).unwrap();
}

#[test]
fn a_day_off_is_refused_until_confirmed() {
    let w = world();
    let o = officer();
    // 中秋节 falls on a Friday.
    let holiday = afternoon("2026-09-25", &[&w.zhang]);
    let (field, message) = field_error(schedule::create_slot(&w.store, &o, &holiday));
    assert_eq!(field, "date");
    assert_eq!(
        message,
        "2026-09-25（周五）中秋节放假，不是工作日；如确需在这一天安排接待，请确认后再保存"
    );
    let (_, message) = field_error(schedule::create_slot(
        &w.store,
        &o,
        &afternoon("2026-09-12", &[&w.zhang]),
    ));
    assert!(
        message.starts_with("2026-09-12（周六）周末休息，不是工作日"),
        "{message}"
    );
    let confirmed = SlotInput {
        confirm_non_working: true,
        ..holiday
    };
    let s = schedule::create_slot(&w.store, &o, &confirmed).unwrap();
    assert!(s.non_working_day);
    // Once confirmed it stays confirmed while it stays on that day.
    let mut edit = SlotInput::from(&s);
    edit.confirm_non_working = false;
    edit.note = "中秋节特别接待".into();
    let saved = schedule::update_slot(&w.store, &o, &s.id, s.version, &edit).unwrap();
    assert_eq!(saved.note, "中秋节特别接待");
    // A make-up working Sunday needs no confirmation.
    let sunday = schedule::create_slot(&w.store, &o, &afternoon("2026-09-20", &[&w.wang])).unwrap();
    assert!(!sunday.non_working_day);
}

/// September 2026: every Tuesday 张建华 and 王芳 in the studio, every Thursday 李丽华 online, and
/// 赵刚 (who leaves on 09-30) on Wednesday 09-16.
fn september(w: &World) {
    let o = officer();
    for day in ["01", "08", "15", "22", "29"] {
        schedule::create_slot(
            &w.store,
            &o,
            &afternoon(&format!("2026-09-{day}"), &[&w.zhang, &w.wang]),
        )
        .unwrap();
    }
    for day in ["03", "10", "17", "24"] {
        let mut i = input(&format!("2026-09-{day}"), "09:00", "11:30", &[&w.li]);
        i.place = Some(Place::Online);
        schedule::create_slot(&w.store, &o, &i).unwrap();
    }
    schedule::create_slot(&w.store, &o, &afternoon("2026-09-16", &[&w.zhao])).unwrap();
}

#[test]
fn copy_forward_by_weekday_skips_national_day_and_the_leaver() {
    let w = world();
    september(&w);
    let o = officer();
    let before = changes(&w).len();
    let copy = CopyInput {
        from_month: "2026-09".into(),
        to_month: "2026-10".into(),
        mode: CopyMode::Weekday,
        add_alongside: false,
    };
    let r = schedule::copy_month(&w.store, &o, &copy).unwrap();
    assert_eq!(
        dates(&r.made),
        [
            "2026-10-08",
            "2026-10-13",
            "2026-10-15",
            "2026-10-20",
            "2026-10-22",
            "2026-10-27",
            "2026-10-29"
        ]
    );
    let tuesday = r.made.iter().find(|s| s.date == "2026-10-13").unwrap();
    assert_eq!(names(tuesday), ["张建华", "王芳"]);
    assert_eq!(
        (tuesday.start.as_str(), tuesday.end.as_str()),
        ("14:30", "17:00")
    );
    let thursday = r.made.iter().find(|s| s.date == "2026-10-08").unwrap();
    assert_eq!(thursday.place, Place::Online);
    let skipped: Vec<(Option<&str>, &str)> = r
        .skipped
        .iter()
        .map(|s| (s.date.as_deref(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                Some("2026-10-01"),
                "2026-10-01（周四）国庆节放假，不是工作日"
            ),
            (
                Some("2026-10-06"),
                "2026-10-06（周二）国庆节放假，不是工作日"
            ),
            (
                Some("2026-10-07"),
                "2026-10-07（周三）国庆节放假，不是工作日"
            ),
            (
                Some("2026-10-14"),
                "赵刚 已于 2026-09-30 离任，不能安排接待"
            ),
            (
                Some("2026-10-21"),
                "赵刚 已于 2026-09-30 离任，不能安排接待"
            ),
            (
                Some("2026-10-28"),
                "赵刚 已于 2026-09-30 离任，不能安排接待"
            ),
        ]
    );
    // One change record per slot made, in the same write.
    let log = changes(&w);
    assert_eq!(log.len(), before + 7);
    assert!(log[before..].iter().all(|c| c.action == "copy_forward"));

    // Copying again into a month that has slots is refused, unless asked to add alongside: then
    // every copy overlaps the one already there, and is skipped for it.
    let e = schedule::copy_month(&w.store, &o, &copy).unwrap_err();
    assert_eq!(e.code(), "state");
    assert!(
        e.to_string().starts_with("2026年10月已有 7 个接待时段"),
        "{e}"
    );
    let again = schedule::copy_month(
        &w.store,
        &o,
        &CopyInput {
            add_alongside: true,
            ..copy
        },
    )
    .unwrap();
    assert!(again.made.is_empty());
    assert!(again.skipped.iter().any(|s| s.reason
        == "张建华 已在 2026-10-13（周二）14:30—17:00 工作室值班，时间重叠；\
                王芳 已在 2026-10-13（周二）14:30—17:00 工作室值班，时间重叠"));
    assert_eq!(changes(&w).len(), before + 7);
}

#[test]
fn copy_forward_by_nth_weekday_keeps_each_weeks_delegates() {
    let w = world();
    let o = officer();
    // A rota: a different delegate each Tuesday and Thursday.
    for (day, who) in [
        ("2026-09-01", &w.zhang), // 1st Tuesday → 10-06, a holiday
        ("2026-09-08", &w.wang),  // 2nd Tuesday → 10-13
        ("2026-09-29", &w.li),    // 5th Tuesday → none in October
        ("2026-09-03", &w.li),    // 1st Thursday → 10-01, a holiday
        ("2026-09-10", &w.zhang), // 2nd Thursday → 10-08
    ] {
        schedule::create_slot(&w.store, &o, &afternoon(day, &[who])).unwrap();
    }
    let r = schedule::copy_month(
        &w.store,
        &o,
        &CopyInput {
            from_month: "2026-09".into(),
            to_month: "2026-10".into(),
            mode: CopyMode::NthWeekday,
            add_alongside: false,
        },
    )
    .unwrap();
    let made: Vec<(&str, Vec<&str>)> = r.made.iter().map(|s| (s.date.as_str(), names(s))).collect();
    assert_eq!(
        made,
        [("2026-10-08", vec!["张建华"]), ("2026-10-13", vec!["王芳"])]
    );
    let reasons: Vec<&str> = r.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "2026年10月没有第5个周二",
            "2026-10-01（周四）国庆节放假，不是工作日",
            "2026-10-06（周二）国庆节放假，不是工作日"
        ]
    );
    // Nothing to copy from an empty month; a month onto itself is a mistake.
    let e = schedule::copy_month(
        &w.store,
        &o,
        &CopyInput {
            from_month: "2026-11".into(),
            to_month: "2026-12".into(),
            mode: CopyMode::Weekday,
            add_alongside: false,
        },
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "2026年11月没有接待安排可以沿用");
    let (field, _) = field_error(schedule::copy_month(
        &w.store,
        &o,
        &CopyInput {
            from_month: "2026-10".into(),
            to_month: "2026-10".into(),
            mode: CopyMode::Weekday,
            add_alongside: true,
        },
    ));
    assert_eq!(field, "to_month");
}

#[test]
fn publishing_is_logged_and_later_changes_mark_the_poster() {
    let w = world();
    let o = officer();
    let a = schedule::create_slot(&w.store, &o, &afternoon("2026-10-13", &[&w.zhang])).unwrap();
    let b = schedule::create_slot(&w.store, &o, &afternoon("2026-10-15", &[&w.li])).unwrap();
    let state = schedule::month_state(&w.store, &o, "2026-10").unwrap();
    assert!(!state.published);
    assert_eq!(state.version, 0);
    // A change before publishing marks nothing.
    let a = schedule::update_slot(&w.store, &o, &a.id, a.version, &{
        let mut i = SlotInput::from(&a);
        i.note = "请提前十分钟到岗".into();
        i
    })
    .unwrap();
    assert!(
        !schedule::month_state(&w.store, &o, "2026-10")
            .unwrap()
            .poster_changed
    );

    let before = changes(&w).len();
    let m = schedule::publish_month(&w.store, &o, "2026-10", 0).unwrap();
    assert!(m.published && !m.poster_changed);
    assert_eq!(m.published_by.as_deref(), Some("王联络"));
    assert_eq!(m.version, 1);
    let log = changes(&w);
    assert_eq!(log.len(), before + 1);
    let publish = log.last().unwrap();
    assert_eq!(
        (
            publish.entity.as_str(),
            publish.row_id.as_str(),
            publish.action.as_str(),
            publish.actor.as_str()
        ),
        ("schedule_month", "2026-10", "publish", "王联络")
    );
    assert!(schedule::get_slot(&w.store, &o, &a.id).unwrap().published);

    // A change to a published month: the slot's change record, and the month marked.
    let before = changes(&w).len();
    let mut edit = SlotInput::from(&b);
    edit.start = "15:00".into();
    let b = schedule::update_slot(&w.store, &colleague(), &b.id, b.version, &edit).unwrap();
    let log = changes(&w);
    let actions: Vec<(&str, &str)> = log[before..]
        .iter()
        .map(|c| (c.entity.as_str(), c.action.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("duty_slot", "update"),
            ("schedule_month", "poster_changed")
        ]
    );
    let m = schedule::month_state(&w.store, &o, "2026-10").unwrap();
    assert!(m.poster_changed);
    // Further changes are logged as usual; the month is already marked.
    let before = changes(&w).len();
    schedule::delete_slot(&w.store, &o, &b.id, b.version).unwrap();
    assert_eq!(changes(&w).len(), before + 1);
    // Printing the poster clears the mark.
    let printed = schedule::mark_poster_printed(&w.store, &o, "2026-10").unwrap();
    assert!(!printed.poster_changed && printed.poster_printed_at.is_some());
    let history = schedule::month_history(&w.store, &o, "2026-10").unwrap();
    let actions: Vec<&str> = history.iter().map(|c| c.action.as_str()).collect();
    assert_eq!(actions, ["publish", "poster_changed", "poster_printed"]);

    // Publishing twice, from a stale version, or an empty month, is refused.
    assert_eq!(
        schedule::publish_month(&w.store, &o, "2026-10", printed.version)
            .unwrap_err()
            .to_string(),
        "2026年10月的接待安排已发布"
    );
    assert_eq!(
        schedule::publish_month(&w.store, &o, "2026-10", 0)
            .unwrap_err()
            .code(),
        "conflict"
    );
    assert_eq!(
        schedule::publish_month(&w.store, &o, "2026-12", 0)
            .unwrap_err()
            .to_string(),
        "2026年12月还没有接待安排，不能发布"
    );
    // Only those who keep the schedule publish it.
    let head = Ctx::new(
        Actor::new("张建华", Role::Head).as_delegate(&w.zhang, &w.g1),
        d(TODAY),
    );
    assert_eq!(
        schedule::publish_month(&w.store, &head, "2026-11", 0)
            .unwrap_err()
            .to_string(),
        "张建华（代表团团长）没有权限：编排接待安排"
    );
}

#[test]
fn a_visitor_sees_published_months_only() {
    let w = world();
    let o = officer();
    let oct = schedule::create_slot(&w.store, &o, &afternoon("2026-10-13", &[&w.zhang])).unwrap();
    let nov = schedule::create_slot(&w.store, &o, &afternoon("2026-11-10", &[&w.wang])).unwrap();
    schedule::publish_month(&w.store, &o, "2026-10", 0).unwrap();
    let v = visitor();
    let months: Vec<String> = schedule::published_months(&w.store, &v)
        .unwrap()
        .into_iter()
        .map(|m| m.month)
        .collect();
    assert_eq!(months, ["2026-10"]);
    let plan = schedule::month_plan(&w.store, &v, "2026-10").unwrap();
    assert_eq!(plan.days.len(), 1);
    assert_eq!(plan.days[0].weekday_label, "周二");
    assert_eq!(names(&plan.days[0].slots[0]), ["张建华"]);
    let e = schedule::month_plan(&w.store, &v, "2026-11").unwrap_err();
    assert_eq!(e.code(), "not_found");
    assert_eq!(e.to_string(), "2026年11月的接待安排尚未发布");
    assert_eq!(
        schedule::get_slot(&w.store, &v, &nov.id)
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(
        schedule::get_slot(&w.store, &v, &oct.id).unwrap().id,
        oct.id
    );
    assert!(schedule::today_duty(&w.store, &v, "2026-11-10")
        .unwrap()
        .is_empty());
    assert_eq!(
        schedule::today_duty(&w.store, &v, "2026-10-13")
            .unwrap()
            .len(),
        1
    );
    // The kiosk's "next reception day" skips the unpublished month.
    let next = schedule::next_duty_day(&w.store, &v, "2026-10-14").unwrap();
    assert!(next.is_none());
    let summaries = schedule::month_summaries(&w.store, &v).unwrap();
    assert_eq!(summaries.len(), 1);
    // Staff see both.
    assert_eq!(
        schedule::next_duty_day(&w.store, &o, "2026-10-14")
            .unwrap()
            .unwrap()
            .date,
        "2026-11-10"
    );
    assert_eq!(schedule::month_summaries(&w.store, &o).unwrap().len(), 2);
    assert_eq!(
        schedule::month_plan(&w.store, &o, "2026-11")
            .unwrap()
            .days
            .len(),
        1
    );
    // A visitor writes nothing.
    assert_eq!(
        schedule::create_slot(&w.store, &v, &afternoon("2026-10-15", &[&w.li]))
            .unwrap_err()
            .to_string(),
        "访客（访客）没有权限：编排接待安排"
    );
}

#[test]
fn a_delegate_sees_their_own_duty_and_the_week() {
    let w = world();
    september(&w);
    let me = Ctx::new(
        Actor::new("李丽华", Role::Delegate).as_delegate(&w.li, "g2"),
        d(TODAY),
    );
    let mine = schedule::my_duty(&w.store, &me, "2026-09-01", "2026-09-30").unwrap();
    assert_eq!(
        dates(&mine),
        ["2026-09-03", "2026-09-10", "2026-09-17", "2026-09-24"]
    );
    assert!(mine.iter().all(|s| names(s) == ["李丽华"]));
    let (field, _) = field_error(schedule::my_duty(&w.store, &me, "2026-09-30", "2026-09-01"));
    assert_eq!(field, "to");
    // 本周接待 from Monday 09-14: Tuesday, Wednesday and Thursday.
    let week = schedule::week_duty(&w.store, &me, "2026-09-14").unwrap();
    let days: Vec<(&str, &str, usize)> = week
        .iter()
        .map(|d| (d.date.as_str(), d.weekday_label.as_str(), d.slots.len()))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-09-15", "周二", 1),
            ("2026-09-16", "周三", 1),
            ("2026-09-17", "周四", 1)
        ]
    );
    let today = schedule::today_duty(&w.store, &me, TODAY).unwrap();
    assert_eq!(names(&today[0]), ["张建华", "王芳"]);
    // A delegate reads the plan but does not keep it.
    assert_eq!(
        schedule::create_slot(&w.store, &me, &afternoon("2026-09-18", &[&w.li]))
            .unwrap_err()
            .code(),
        "forbidden"
    );
    // An account that is no delegate has no duty of its own.
    assert!(
        schedule::my_duty(&w.store, &officer(), "2026-09-01", "2026-09-30")
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_swap_is_one_change_of_both_slots_and_keeps_the_rules() {
    let w = world();
    let o = officer();
    let a = schedule::create_slot(&w.store, &o, &afternoon("2026-10-13", &[&w.zhang, &w.wang]))
        .unwrap();
    let b = schedule::create_slot(&w.store, &o, &afternoon("2026-10-15", &[&w.li])).unwrap();
    schedule::publish_month(&w.store, &o, "2026-10", 0).unwrap();
    let before = changes(&w).len();
    let swap = SwapInput {
        slot_a: a.id.clone(),
        version_a: a.version,
        delegate_a: w.zhang.clone(),
        slot_b: b.id.clone(),
        version_b: b.version,
        delegate_b: w.li.clone(),
    };
    let out = schedule::swap(&w.store, &o, &swap).unwrap();
    assert_eq!(names(&out.slot_a), ["李丽华", "王芳"]);
    assert_eq!(names(&out.slot_b), ["张建华"]);
    assert_eq!((out.slot_a.version, out.slot_b.version), (2, 2));
    let log = changes(&w);
    let actions: Vec<(&str, &str)> = log[before..]
        .iter()
        .map(|c| (c.entity.as_str(), c.action.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("duty_slot", "swap"),
            ("duty_slot", "swap"),
            ("schedule_month", "poster_changed")
        ]
    );

    // The same swap from the old versions is stale: nothing changes.
    assert_eq!(
        schedule::swap(&w.store, &o, &swap).unwrap_err().code(),
        "conflict"
    );

    // A swap that would put 王芳 on two overlapping slots is refused, and neither slot changes.
    let c = schedule::create_slot(
        &w.store,
        &o,
        &input("2026-10-15", "09:00", "15:00", &[&w.wang]),
    )
    .unwrap();
    let before = changes(&w).len();
    let refused = SwapInput {
        slot_a: a.id.clone(),
        version_a: out.slot_a.version,
        delegate_a: w.wang.clone(),
        slot_b: b.id.clone(),
        version_b: out.slot_b.version,
        delegate_b: w.zhang.clone(),
    };
    let (field, message) = field_error(schedule::swap(&w.store, &o, &refused));
    assert_eq!(field, "delegate_a");
    assert_eq!(
        message,
        "王芳 已在 2026-10-15（周四）09:00—15:00 工作室值班，时间重叠"
    );
    assert_eq!(changes(&w).len(), before);
    assert_eq!(schedule::get_slot(&w.store, &o, &a.id).unwrap().version, 2);
    assert_eq!(schedule::get_slot(&w.store, &o, &b.id).unwrap().version, 2);
    // Once 王芳's other slot is gone, the same swap goes through.
    schedule::delete_slot(&w.store, &o, &c.id, c.version).unwrap();
    let out = schedule::swap(&w.store, &o, &refused).unwrap();
    assert_eq!(names(&out.slot_a), ["李丽华", "张建华"]);
    assert_eq!(names(&out.slot_b), ["王芳"]);
    // Someone not on the slot cannot be swapped out of it.
    let e = schedule::swap(
        &w.store,
        &o,
        &SwapInput {
            slot_a: a.id.clone(),
            version_a: out.slot_a.version,
            delegate_a: w.wang.clone(),
            slot_b: b.id.clone(),
            version_b: out.slot_b.version,
            delegate_b: w.li.clone(),
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "state");
}

#[test]
fn a_deleted_slot_leaves_a_tombstone_and_its_history() {
    let w = world();
    let o = officer();
    let s = schedule::create_slot(&w.store, &o, &afternoon("2026-10-13", &[&w.zhang])).unwrap();
    let edit = {
        let mut i = SlotInput::from(&s);
        i.place_note = "行政楼 302 室".into();
        i
    };
    let saved = schedule::update_slot(&w.store, &o, &s.id, s.version, &edit).unwrap();
    // The same form again changes nothing and records nothing.
    let before = changes(&w).len();
    let same = schedule::update_slot(&w.store, &o, &s.id, saved.version, &edit).unwrap();
    assert_eq!(same.version, saved.version);
    assert_eq!(changes(&w).len(), before);
    assert_eq!(
        schedule::delete_slot(&w.store, &o, &s.id, s.version)
            .unwrap_err()
            .code(),
        "conflict"
    );
    schedule::delete_slot(&w.store, &o, &s.id, saved.version).unwrap();
    assert_eq!(
        schedule::get_slot(&w.store, &o, &s.id).unwrap_err().code(),
        "not_found"
    );
    assert!(schedule::today_duty(&w.store, &o, "2026-10-13")
        .unwrap()
        .is_empty());
    let history = schedule::slot_history(&w.store, &o, &s.id).unwrap();
    let actions: Vec<(&str, Option<i64>, Option<i64>)> = history
        .iter()
        .map(|c| (c.action.as_str(), c.base_version, c.new_version))
        .collect();
    assert_eq!(
        actions,
        [
            ("create", None, Some(1)),
            ("update", Some(1), Some(2)),
            ("delete", Some(2), Some(3))
        ]
    );
    // The delegate is free again that afternoon.
    schedule::create_slot(&w.store, &o, &afternoon("2026-10-13", &[&w.zhang])).unwrap();
}

#[test]
fn a_stale_slot_save_is_told_who_changed_which_field() {
    let w = world();
    let s =
        schedule::create_slot(&w.store, &officer(), &afternoon("2026-10-13", &[&w.zhang])).unwrap();
    let mut first = SlotInput::from(&s);
    first.place_note = "行政楼 302 室".into();
    schedule::update_slot(&w.store, &officer(), &s.id, s.version, &first).unwrap();
    let mut second = SlotInput::from(&s);
    second.end = "17:30".into();
    let e = schedule::update_slot(&w.store, &colleague(), &s.id, s.version, &second).unwrap_err();
    let payload = e.payload();
    let Error::Stale(info) = e else {
        panic!("expected a stale save, got {e:?}")
    };
    assert_eq!(info.entity, "duty_slot");
    assert_eq!((info.base_version, info.current_version), (1, 2));
    assert_eq!(info.changed_by, "王联络");
    let fields: Vec<(&str, &str)> = info
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.label.as_str()))
        .collect();
    assert_eq!(fields, [("place_note", "地点说明")]);
    assert_eq!(payload.code, "conflict");
    let stored = schedule::get_slot(&w.store, &officer(), &s.id).unwrap();
    assert_eq!((stored.end.as_str(), stored.version), ("17:00", 2));
}

#[test]
fn the_poster_shows_every_slot_with_hotline_and_opening_hours() {
    let w = world();
    let o = officer();
    let s = settings::load(&w.store).unwrap();
    settings::save(
        &w.store,
        &admin(),
        &settings::Settings {
            hotline: "0536-8785000".into(),
            ..s
        },
    )
    .unwrap();
    schedule::create_slot(&w.store, &o, &afternoon("2026-10-15", &[&w.li])).unwrap();
    let mut online = input("2026-10-13", "09:00", "11:00", &[&w.zhang, &w.wang]);
    online.place = Some(Place::Online);
    online.place_note = "视频会议".into();
    schedule::create_slot(&w.store, &o, &online).unwrap();
    schedule::create_slot(&w.store, &o, &afternoon("2026-10-13", &[&w.li])).unwrap();
    let p = schedule::poster_data(&w.store, &o, "2026-10").unwrap();
    assert_eq!(p.title, "党代表工作室接待安排（2026年10月）");
    assert_eq!(p.hotline, "0536-8785000");
    assert_eq!(p.opening_hours, "工作日 8:00—12:00，14:30—17:30");
    assert!(!p.published);
    let rows: Vec<(&str, &str, &str, &str, Vec<&str>)> = p
        .rows
        .iter()
        .map(|r| {
            (
                r.date_label.as_str(),
                r.weekday.as_str(),
                r.time.as_str(),
                r.place.as_str(),
                r.delegates.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "10月13日",
                "周二",
                "09:00—11:00",
                "网上工作室（视频会议）",
                vec!["张建华（理工代表团）", "王芳（理工代表团）"]
            ),
            (
                "10月13日",
                "周二",
                "14:30—17:00",
                "工作室",
                vec!["李丽华（人文社科代表团）"]
            ),
            (
                "10月15日",
                "周四",
                "14:30—17:00",
                "工作室",
                vec!["李丽华（人文社科代表团）"]
            ),
        ]
    );
    // A visitor gets the poster of a published month only.
    assert_eq!(
        schedule::poster_data(&w.store, &visitor(), "2026-10")
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn the_schedule_exports_as_json_csv_and_xlsx() {
    let w = world();
    let o = officer();
    schedule::create_slot(&w.store, &o, &afternoon("2026-10-13", &[&w.zhang, &w.wang])).unwrap();
    schedule::create_slot(&w.store, &o, &afternoon("2026-11-10", &[&w.li])).unwrap();
    schedule::publish_month(&w.store, &o, "2026-10", 0).unwrap();
    let slots =
        schedule::slots_for_export(&w.store, &o, Some("2026-10-01"), Some("2026-11-30")).unwrap();
    assert_eq!(slots.len(), 2);
    let json: serde_json::Value =
        serde_json::from_slice(&export::export_schedule(&slots, ExportFormat::Json).unwrap())
            .unwrap();
    let first = &json[0];
    assert_eq!(first["date"], "2026-10-13");
    assert_eq!(first["start"], "14:30");
    assert_eq!(first["end"], "17:00");
    assert_eq!(first["place"], "studio");
    assert_eq!(first["published"], true);
    assert_eq!(
        first["delegates"],
        serde_json::json!([{"id": w.zhang, "name": "张建华"}, {"id": w.wang, "name": "王芳"}])
    );
    assert_eq!(json[1]["published"], false);
    let csv =
        String::from_utf8(export::export_schedule(&slots, ExportFormat::Csv).unwrap()).unwrap();
    assert!(
        csv.starts_with("\u{FEFF}日期,星期,开始时间,结束时间,地点"),
        "{csv}"
    );
    assert!(csv.contains(
        "2026-10-13,周二,14:30,17:00,工作室,,张建华（理工代表团）、王芳（理工代表团）,是"
    ));
    let xlsx = export::export_schedule(&slots, ExportFormat::Xlsx).unwrap();
    assert_eq!(&xlsx[..2], b"PK");
    // A visitor's export holds the published months only.
    let public = schedule::slots_for_export(&w.store, &visitor(), None, None).unwrap();
    assert_eq!(dates(&public), ["2026-10-13"]);
}

#[test]
fn the_demo_has_a_published_plan_and_appointments_in_every_state() {
    use studio_core::appointments::{self, AppointmentQuery, AppointmentStatus};
    let store = Store::open_in_memory().unwrap();
    let day = d("2026-11-30");
    let r = studio_core::demo::load_on(&store, day, false).unwrap();
    assert!(r.slots > 40, "{r:?}");
    let c = Ctx::new(Actor::new("组织部张老师", Role::Admin), day);
    let months = schedule::published_months(&store, &c).unwrap();
    let keys: Vec<&str> = months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(
        keys,
        ["2026-12", "2026-11", "2026-10", "2026-09", "2026-08"]
    );
    // Printed posters for the past months; this month's changed by a swap after printing.
    let changed: Vec<(&str, bool, bool)> = months
        .iter()
        .map(|m| {
            (
                m.month.as_str(),
                m.poster_changed,
                m.poster_printed_at.is_some(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        [
            ("2026-12", false, false),
            ("2026-11", true, true),
            ("2026-10", false, true),
            ("2026-09", false, true),
            ("2026-08", false, true)
        ]
    );
    let oct = schedule::month_plan(&store, &c, "2026-10").unwrap();
    assert!(oct.days.iter().all(|d| d.is_workday));
    // Nothing in the National Day holiday.
    assert!(oct
        .days
        .iter()
        .all(|d| !("2026-10-01"..="2026-10-07").contains(&d.date.as_str())));
    let online = oct
        .days
        .iter()
        .flat_map(|d| &d.slots)
        .filter(|s| s.place == Place::Online)
        .count();
    assert_eq!(online, 1);
    assert!(oct
        .days
        .iter()
        .flat_map(|d| &d.slots)
        .all(|s| s.delegates.len() == 2));
    for status in AppointmentStatus::ALL {
        let page = appointments::list_appointments(
            &store,
            &c,
            &AppointmentQuery {
                status: Some(status),
                ..Default::default()
            },
        )
        .unwrap();
        assert!(page.total >= 1, "{status:?}");
        if status == AppointmentStatus::Completed {
            assert!(page.items.iter().all(|a| a.card_id.is_some()));
        }
    }
}
