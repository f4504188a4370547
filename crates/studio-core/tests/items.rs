//! The item ledger (意见建议台账) through the core's public functions: the status flow, deadlines
//! with pauses and extensions across holidays, supervision views, search, similar items, cards.

use chrono::NaiveDate;
use studio_core::audit::ChangeRecord;
use studio_core::calendar::{self, OverrideKind, WorkCalendar};
use studio_core::cards::{self, CardInput, CardStatus, Channel};
use studio_core::items::{
    self, Item, ItemAction, ItemCategory, ItemDeadlineState, ItemDeadlines, ItemDetail,
    ItemEventKind, ItemInput, ItemQuery, ItemSort, ItemSource, ItemStatus, ItemView, Satisfaction,
};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender};
use studio_core::{Actor, Ctx, Error, Role, Store};

fn officer() -> Actor {
    Actor::new("王联络", Role::Liaison)
}

fn admin() -> Actor {
    Actor::new("组织部张老师", Role::Admin)
}

/// 张建华 logged in as the delegate he is (the fixture's `delegate`).
fn delegate_actor(f: &Fixture) -> Actor {
    Actor::new("张建华", Role::Delegate).as_delegate(&f.delegate, &f.delegation)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// `actor` acting on `day`.
fn on(actor: Actor, day: &str) -> Ctx {
    Ctx::new(actor, d(day))
}

struct Fixture {
    store: Store,
    delegation: String,
    delegate: String,
    other_delegate: String,
    /// In a delegation without a head.
    headless_delegate: String,
}

/// Three delegations, entered by the administrator (the roster is theirs).
fn fixture() -> Fixture {
    let s = Store::open_in_memory().unwrap();
    let ctx = Ctx::now(admin());
    let group = |name: &str| {
        roster::create_delegation(
            &s,
            &ctx,
            &DelegationInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .unwrap()
    };
    let person = |g: &str, name: &str| {
        roster::create_delegate(
            &s,
            &ctx,
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
    let g1 = group("理工代表团");
    let g2 = group("人文社科代表团");
    let g3 = group("机关代表团");
    let d1 = person(&g1.id, "张建华");
    let d2 = person(&g2.id, "李丽华");
    let d3 = person(&g3.id, "赵海");
    for (g, head) in [(&g1, &d1), (&g2, &d2)] {
        roster::update_delegation(
            &s,
            &ctx,
            &g.id,
            g.version,
            &DelegationInput {
                name: g.name.clone(),
                head_delegate_id: Some(head.clone()),
                ..Default::default()
            },
        )
        .unwrap();
    }
    Fixture {
        store: s,
        delegation: g1.id,
        delegate: d1,
        other_delegate: d2,
        headless_delegate: d3,
    }
}

fn input(delegate: &str, received: &str, title: &str, content: &str) -> ItemInput {
    ItemInput {
        category: Some(ItemCategory::PolicyInquiry),
        source: Some(ItemSource::Kiosk),
        title: title.into(),
        content: content.into(),
        person_name: "赵小明".into(),
        person_phone: "139 8765 4321".into(),
        person_contact: "南区3号宿舍楼215室".into(),
        person_consent: None,
        first_responder: String::new(),
        delegate_ids: vec![delegate.into()],
        received_on: received.into(),
        card_id: None,
    }
}

/// A policy-inquiry item received on `received` (today = `received`).
fn make(f: &Fixture, received: &str) -> Item {
    items::create_item(
        &f.store,
        &on(officer(), received),
        &input(
            &f.delegate,
            received,
            "南区食堂晚餐价格偏高",
            "反映南区食堂晚餐价格偏高。",
        ),
    )
    .unwrap()
}

/// The item's stored version: what a screen that has just read it sends back with a change.
fn version(f: &Fixture, id: &str) -> i64 {
    studio_core::storage::items::get_item(&f.store.reader().unwrap(), id)
        .unwrap()
        .map_or(0, |s| s.item.version)
}

/// A step by the liaison officer on `today`, based on the current version.
fn act(f: &Fixture, id: &str, a: ItemAction, today: &str) -> Result<Item, Error> {
    act_as(f, officer(), id, a, today)
}

/// A step by `actor` on `today`, based on the current version.
fn act_as(f: &Fixture, actor: Actor, id: &str, a: ItemAction, today: &str) -> Result<Item, Error> {
    items::act(&f.store, &on(actor, today), id, version(f, id), &a)
}

/// The item as the officer opens it on `day`.
fn detail(f: &Fixture, id: &str, day: &str) -> ItemDetail {
    items::get_item(&f.store, &on(officer(), day), id).unwrap()
}

fn s() -> String {
    String::new()
}

fn refer(due: &str, on: &str) -> ItemAction {
    ItemAction::Refer {
        unit: "后勤管理处".into(),
        due_on: due.into(),
        note: "请核实办理".into(),
        on: on.into(),
    }
}
fn start(on: &str) -> ItemAction {
    ItemAction::Start {
        note: s(),
        on: on.into(),
    }
}
fn answer(on: &str) -> ItemAction {
    ItemAction::Answer {
        answer: "已协调后勤，宿舍热水全天供应。".into(),
        on: on.into(),
    }
}
fn feedback(on: &str) -> ItemAction {
    ItemAction::Feedback {
        feedback: "电话告知本人，表示认可。".into(),
        on: on.into(),
    }
}
fn follow_up(sat: Satisfaction, on: &str) -> ItemAction {
    ItemAction::FollowUp {
        satisfaction: sat,
        note: "回访".into(),
        on: on.into(),
    }
}
fn pause(on: &str) -> ItemAction {
    ItemAction::Pause {
        note: "待本人补充材料".into(),
        on: on.into(),
    }
}
fn resume(on: &str) -> ItemAction {
    ItemAction::Resume {
        note: s(),
        on: on.into(),
    }
}
fn extend(days: u32, reason: &str) -> ItemAction {
    ItemAction::Extend {
        days,
        reason: reason.into(),
        on: s(),
    }
}
fn decline(reason: &str) -> ItemAction {
    ItemAction::Decline {
        reason: reason.into(),
        on: s(),
    }
}
fn chase() -> ItemAction {
    ItemAction::Chase {
        note: "请抓紧办理".into(),
        on: s(),
    }
}
fn escalate() -> ItemAction {
    ItemAction::Escalate {
        note: "报组织部督办".into(),
        on: s(),
    }
}
fn note(text: &str) -> ItemAction {
    ItemAction::Note {
        note: text.into(),
        on: s(),
    }
}

/// A step the item's status does not allow: refused with the `state` code (as a submitted card's
/// edit is), so the UI tells it apart from bad input, and a message naming the step and status.
fn invalid(r: Result<Item, Error>) -> String {
    match r {
        Err(e) if e.code() == "state" => e.to_string(),
        other => panic!("expected a state refusal, got {other:?}"),
    }
}

fn fields(r: Result<Item, Error>) -> Vec<String> {
    match r {
        Err(Error::Validation(f)) => f.into_iter().map(|f| f.field).collect(),
        other => panic!("expected Validation, got {other:?}"),
    }
}

fn kinds(f: &Fixture, id: &str) -> Vec<ItemEventKind> {
    detail(f, id, "2026-01-01")
        .timeline
        .iter()
        .map(|e| e.kind)
        .collect()
}

// ---- receipt ----------------------------------------------------------------------------------

#[test]
fn numbers_by_year_and_heads_are_notified() {
    let f = fixture();
    let a = make(&f, "2026-01-05");
    let b = make(&f, "2026-01-06");
    let c = make(&f, "2025-12-30");
    assert_eq!(a.no, "2026-0001");
    assert_eq!(b.no, "2026-0002");
    assert_eq!(c.no, "2025-0001");
    assert_eq!(a.status, ItemStatus::Received);
    assert_eq!(a.first_responder, "王联络", "empty: the operator");
    assert_eq!(a.limit_days, 5);
    // Mon 2026-01-05 + 5 working days.
    assert_eq!(a.due_on.as_deref(), Some("2026-01-12"));
    assert_eq!(a.delegates[0].name, "张建华");
    assert_eq!(a.delegates[0].head_name, "张建华");

    // Two delegates of two delegations with heads, one without a head: two notices.
    let mut i = input(&f.delegate, "2026-01-07", "图书馆座位", "图书馆座位不足");
    i.delegate_ids = vec![
        f.delegate.clone(),
        f.other_delegate.clone(),
        f.headless_delegate.clone(),
    ];
    let multi = items::create_item(&f.store, &Ctx::new(officer(), d("2026-01-07")), &i).unwrap();
    let detail =
        items::get_item(&f.store, &Ctx::new(officer(), d("2026-01-07")), &multi.id).unwrap();
    let notices: Vec<&str> = detail
        .timeline
        .iter()
        .filter(|e| e.kind == ItemEventKind::Notified)
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        notices,
        vec![
            "已通知理工代表团团长 张建华",
            "已通知人文社科代表团团长 李丽华"
        ]
    );
    assert_eq!(detail.timeline[0].kind, ItemEventKind::Received);
    assert_eq!(detail.timeline[0].actor, "王联络");
    let page = items::list_items(
        &f.store,
        &Ctx::new(officer(), d("2026-01-07")),
        &ItemQuery::default(),
    )
    .unwrap();
    let row = page.items.iter().find(|r| r.id == multi.id).unwrap();
    assert_eq!(row.delegate_names, "张建华、李丽华、赵海");
    assert_eq!(row.person_phone_masked, "139****4321");
    assert_eq!(
        items::item_count(&f.store, &Ctx::now(officer())).unwrap(),
        4
    );
}

#[test]
fn the_form_is_checked_field_by_field() {
    let f = fixture();
    let today = d("2026-01-05");
    let mut bad = input(&f.delegate, "2026-01-06", "", "内容");
    bad.person_phone = "12345".into();
    let r = items::create_item(&f.store, &Ctx::new(officer(), today), &bad);
    let got = fields(r);
    for want in ["title", "person_phone", "received_on"] {
        assert!(got.contains(&want.to_string()), "{want} in {got:?}");
    }
    let mut unknown = input("no-such-delegate", "2026-01-05", "标题", "内容");
    unknown.delegate_ids.push("x".into());
    assert_eq!(
        fields(items::create_item(
            &f.store,
            &Ctx::new(officer(), today),
            &unknown
        )),
        vec!["delegate_ids"]
    );
    let mut six = input(&f.delegate, "2026-01-05", "标题", "内容");
    six.delegate_ids = (0..6).map(|i| format!("d{i}")).collect();
    assert_eq!(
        fields(items::create_item(
            &f.store,
            &Ctx::new(officer(), today),
            &six
        )),
        vec!["delegate_ids"]
    );
    // A delegate who left cannot take a new item.
    let ctx = Ctx::now(admin());
    let v = roster::get_delegate(&f.store, &ctx, &f.other_delegate)
        .unwrap()
        .version;
    roster::mark_delegate_left(&f.store, &ctx, &f.other_delegate, v, Some("2025-12-31")).unwrap();
    let left = input(&f.other_delegate, "2026-01-05", "标题", "内容");
    match items::create_item(&f.store, &Ctx::new(officer(), today), &left) {
        Err(Error::Validation(v)) => {
            assert_eq!(v[0].field, "delegate_ids");
            assert!(v[0].message.contains("离任"), "{}", v[0].message);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        items::item_count(&f.store, &Ctx::now(officer())).unwrap(),
        0
    );
}

// ---- the status flow ----------------------------------------------------------------------------

#[test]
fn an_item_goes_from_received_to_closed() {
    let f = fixture();
    let it = make(&f, "2025-09-01");
    let id = it.id.clone();
    let today = "2025-09-20";
    let a = act(&f, &id, refer("2025-09-10", "2025-09-02"), today).unwrap();
    assert_eq!(a.status, ItemStatus::Assigned);
    assert_eq!(a.referral.as_ref().unwrap().unit, "后勤管理处");
    // A second referral replaces the first; the timeline keeps both.
    let mut re = refer("2025-09-12", "2025-09-03");
    if let ItemAction::Refer { unit, .. } = &mut re {
        *unit = "学生工作处".into();
    }
    let a = act(&f, &id, re, today).unwrap();
    assert_eq!(a.referral.as_ref().unwrap().unit, "学生工作处");
    let a = act(
        &f,
        &id,
        ItemAction::ReferralAnswer {
            answer: "已安排".into(),
            on: "2025-09-04".into(),
        },
        today,
    )
    .unwrap();
    assert_eq!(a.status, ItemStatus::Assigned);
    assert_eq!(
        a.referral.as_ref().unwrap().answered_on.as_deref(),
        Some("2025-09-04")
    );
    assert_eq!(
        act(&f, &id, start("2025-09-04"), today).unwrap().status,
        ItemStatus::InProgress
    );
    let a = act(&f, &id, answer("2025-09-05"), today).unwrap();
    assert_eq!(a.status, ItemStatus::Answered);
    assert_eq!(a.deadline, ItemDeadlineState::Met);
    let a = act(&f, &id, feedback("2025-09-06"), today).unwrap();
    assert_eq!(a.status, ItemStatus::FedBack);
    let a = act(&f, &id, follow_up(Satisfaction::Basic, "2025-09-08"), today).unwrap();
    assert_eq!(a.status, ItemStatus::Closed);
    assert_eq!(a.closed_on.as_deref(), Some("2025-09-08"));
    assert_eq!(a.satisfaction, Some(Satisfaction::Basic));
    // A note (a correction) on a closed item.
    let a = act(&f, &id, note("更正：反映人为2023级学生"), today).unwrap();
    assert_eq!(a.status, ItemStatus::Closed);
    assert_eq!(a.version, 9);
    assert_eq!(
        kinds(&f, &id),
        vec![
            ItemEventKind::Received,
            ItemEventKind::Notified,
            ItemEventKind::Refer,
            ItemEventKind::Refer,
            ItemEventKind::ReferralAnswer,
            ItemEventKind::Start,
            ItemEventKind::Answer,
            ItemEventKind::Feedback,
            ItemEventKind::FollowUp,
            ItemEventKind::Note,
        ]
    );
    // Every write left its change record.
    let log = studio_core::audit::recent(&f.store, &Ctx::now(admin()), 100).unwrap();
    assert_eq!(
        log.iter()
            .filter(|r| r.entity == "item" && r.row_id == id)
            .count(),
        9
    );
    // Nothing more but notes once closed.
    let m = invalid(act(&f, &id, answer(""), today));
    assert!(m.contains("办结") && m.contains("答复"), "{m}");
}

#[test]
fn refused_steps_name_the_step_and_the_status() {
    let f = fixture();
    let today = "2025-09-20";
    let it = make(&f, "2025-09-01");
    let id = it.id.clone();
    // 件件有答复: no feedback, no follow-up without an answer.
    let m = invalid(act(&f, &id, feedback(""), today));
    assert_eq!(m, "当前状态为「受理」，不能进行「反馈」，请先「答复」");
    let m = invalid(act(&f, &id, follow_up(Satisfaction::Satisfied, ""), today));
    assert!(m.contains("回访") && m.contains("受理"), "{m}");
    let m = invalid(act(
        &f,
        &id,
        ItemAction::ReferralAnswer {
            answer: "x".into(),
            on: s(),
        },
        today,
    ));
    assert!(m.contains("承办单位答复") && m.contains("尚未交办"), "{m}");
    let m = invalid(act(&f, &id, resume(""), today));
    assert!(m.contains("恢复办理"), "{m}");

    act(&f, &id, answer("2025-09-05"), today).unwrap();
    // Answered but not fed back: still cannot close.
    let m = invalid(act(&f, &id, follow_up(Satisfaction::Satisfied, ""), today));
    assert_eq!(m, "当前状态为「已答复」，不能进行「回访」，请先「反馈」");
    let m = invalid(act(&f, &id, refer("2025-09-30", ""), today));
    assert_eq!(m, "当前状态为「已答复」，不能进行「交办」");
    for (a, step) in [
        (start(""), "开始办理"),
        (answer(""), "答复"),
        (pause(""), "待补充"),
        (extend(2, "x"), "延期"),
    ] {
        let m = invalid(act(&f, &id, a, today));
        assert!(m.contains(step) && m.contains("已答复"), "{m}");
    }
    let m = invalid(act_as(&f, admin(), &id, decline("重复"), today));
    assert!(m.contains("不予受理") && m.contains("已答复"), "{m}");

    // Started items cannot be declined; declining needs a reason.
    let other = make(&f, "2025-09-01");
    act(&f, &other.id, start(""), today).unwrap();
    let m = invalid(act_as(
        &f,
        admin(),
        &other.id,
        decline("不属于受理范围"),
        today,
    ));
    assert!(m.contains("办理中"), "{m}");
    let third = make(&f, "2025-09-01");
    let r = act_as(&f, admin(), &third.id, decline("  "), today);
    assert_eq!(fields(r), vec!["reason"]);
    let declined = act_as(&f, admin(), &third.id, decline("不属于受理范围"), today).unwrap();
    assert_eq!(declined.status, ItemStatus::Declined);
    assert_eq!(declined.deadline, ItemDeadlineState::None);
    let m = invalid(act_as(&f, admin(), &third.id, chase(), today));
    assert!(m.contains("催办") && m.contains("不予受理"), "{m}");

    // Escalating twice is refused.
    act_as(&f, admin(), &other.id, escalate(), today).unwrap();
    let m = invalid(act_as(&f, admin(), &other.id, escalate(), today));
    assert!(m.contains("上报组织部") && m.contains("办理中"), "{m}");

    // Step dates: strict, not in the future, not before the receipt.
    assert_eq!(
        fields(act(&f, &other.id, answer("2025-9-5"), today)),
        vec!["on"]
    );
    assert_eq!(
        fields(act(&f, &other.id, answer("2025-09-21"), today)),
        vec!["on"]
    );
    assert_eq!(
        fields(act(&f, &other.id, answer("2025-08-31"), today)),
        vec!["on"]
    );
    assert_eq!(
        fields(act(
            &f,
            &other.id,
            ItemAction::Answer {
                answer: " ".into(),
                on: s()
            },
            today
        )),
        vec!["answer"]
    );
    // A referral's deadline lies after the referral day.
    assert_eq!(
        fields(act(&f, &other.id, refer("2025-09-10", "2025-09-10"), today)),
        vec!["due_on"]
    );
}

#[test]
fn a_paused_item_must_be_resumed_first() {
    let f = fixture();
    let today = "2025-09-20";
    let it = make(&f, "2025-09-01");
    let id = it.id.clone();
    let p = act(&f, &id, pause("2025-09-02"), today).unwrap();
    assert_eq!(p.paused_since.as_deref(), Some("2025-09-02"));
    assert_eq!(p.deadline, ItemDeadlineState::Paused);
    assert_eq!(p.days_left, None);
    for (a, step) in [
        (refer("2025-09-30", ""), "交办"),
        (start(""), "开始办理"),
        (answer(""), "答复"),
    ] {
        let m = invalid(act(&f, &id, a, today));
        assert_eq!(
            m,
            format!("当前状态为「受理（待补充）」，不能进行「{step}」，请先「恢复办理」")
        );
    }
    let m = invalid(items::act(
        &f.store,
        &Ctx::new(admin(), d(today)),
        &id,
        version(&f, &id),
        &extend(3, "协调"),
    ));
    assert!(m.contains("恢复办理"), "{m}");
    let m = invalid(act(&f, &id, pause(""), today));
    assert!(m.contains("待补充"), "{m}");
    // Chasing and notes are fine while paused.
    act_as(&f, admin(), &id, chase(), today).unwrap();
    // The resume may not come before the pause.
    assert_eq!(
        fields(act(&f, &id, resume("2025-09-01"), today)),
        vec!["on"]
    );
    let r = act(&f, &id, resume("2025-09-03"), today).unwrap();
    assert_eq!(r.paused_since, None);
    assert_eq!(r.paused_days, 1);
    act(&f, &id, answer("2025-09-04"), today).unwrap();
}

#[test]
fn dissatisfied_reopens_with_a_new_deadline() {
    let f = fixture();
    let today = "2025-10-31";
    let it = make(&f, "2025-09-01");
    let id = it.id.clone();
    act(&f, &id, answer("2025-09-03"), today).unwrap();
    act(&f, &id, feedback("2025-09-04"), today).unwrap();
    let r = act(
        &f,
        &id,
        follow_up(Satisfaction::Dissatisfied, "2025-09-15"),
        today,
    )
    .unwrap();
    assert_eq!(r.status, ItemStatus::InProgress);
    assert_eq!(r.answered_on, None);
    assert_eq!(r.fed_back_on, None);
    assert_eq!(r.closed_on, None);
    // Mon 2025-09-15 + 5: 16, 17, 18, 19, 22.
    assert_eq!(r.due_on.as_deref(), Some("2025-09-22"));
    assert_eq!(r.deadline, ItemDeadlineState::Overdue);
    let detail = items::get_item(&f.store, &Ctx::new(officer(), d(today)), &id).unwrap();
    let n = detail.timeline.len();
    assert_eq!(detail.timeline[n - 2].kind, ItemEventKind::FollowUp);
    assert_eq!(detail.timeline[n - 1].kind, ItemEventKind::Reopened);
    assert_eq!(detail.timeline[n - 1].data["due_on_after"], "2025-09-22");
    // The first answer stays on the timeline.
    assert!(detail
        .timeline
        .iter()
        .any(|e| e.kind == ItemEventKind::Answer && e.on == "2025-09-03"));
    // Steps of the new round may not predate the reopening.
    assert_eq!(
        fields(act(&f, &id, answer("2025-09-10"), today)),
        vec!["on"]
    );
    act(&f, &id, answer("2025-09-19"), today).unwrap();
    act(&f, &id, feedback("2025-09-19"), today).unwrap();
    let c = act(
        &f,
        &id,
        follow_up(Satisfaction::Satisfied, "2025-09-22"),
        today,
    )
    .unwrap();
    assert_eq!(c.status, ItemStatus::Closed);
    assert_eq!(c.deadline, ItemDeadlineState::Met);
}

// ---- deadlines --------------------------------------------------------------------------------

#[test]
fn a_pause_across_national_day_moves_the_due_date_by_its_working_days() {
    let f = fixture();
    // Fri 2025-09-26, 政策咨询 5 working days: Sun 28 (make-up), Mon 29, Tue 30, [Oct 1–8 off],
    // Thu Oct 9, Fri Oct 10.
    let it = make(&f, "2025-09-26");
    assert_eq!(it.due_on.as_deref(), Some("2025-10-10"));
    let id = it.id.clone();
    act(&f, &id, pause("2025-09-29"), "2025-09-29").unwrap();
    // Paused: never overdue, however late it is.
    let later = d("2025-12-01");
    let got = items::get_item(&f.store, &Ctx::new(officer(), later), &id)
        .unwrap()
        .item;
    assert_eq!(got.deadline, ItemDeadlineState::Paused);
    let overdue = ItemQuery {
        view: Some(ItemView::Overdue),
        ..Default::default()
    };
    assert_eq!(
        items::list_items(&f.store, &Ctx::new(officer(), later), &overdue)
            .unwrap()
            .total,
        0
    );
    assert_eq!(
        items::item_counts(&f.store, &Ctx::new(officer(), later))
            .unwrap()
            .overdue,
        0
    );
    // Resumed Thu Oct 9: the clock stood still on Tue Sep 30 and Thu Oct 9 (Oct 1–8 are off):
    // 2 working days, so due Sat Oct 11 (make-up) → Mon Oct 13.
    let r = act(&f, &id, resume("2025-10-09"), "2025-10-09").unwrap();
    assert_eq!(r.paused_days, 2);
    assert_eq!(r.due_on.as_deref(), Some("2025-10-13"));
    assert_eq!(r.deadline, ItemDeadlineState::DueSoon);
    assert_eq!(r.days_left, Some(3), "Fri 10, Sat 11, Mon 13");
    let ev = items::get_item(&f.store, &Ctx::new(officer(), d("2025-10-09")), &id)
        .unwrap()
        .timeline
        .pop()
        .unwrap();
    assert_eq!(ev.kind, ItemEventKind::Resume);
    assert_eq!(ev.data["paused_days"], 2);
    assert_eq!(ev.data["due_on_before"], "2025-10-10");
    assert_eq!(ev.data["due_on_after"], "2025-10-13");
}

#[test]
fn an_extension_adds_working_days_and_records_who_granted_it() {
    let f = fixture();
    let it = make(&f, "2025-09-26"); // due 2025-10-10
    let id = it.id.clone();
    let today = d("2025-10-09");
    // A delegate handles items but does not supervise.
    for a in [extend(3, "需协调"), chase(), escalate(), decline("x")] {
        match items::act(
            &f.store,
            &Ctx::new(delegate_actor(&f), today),
            &id,
            version(&f, &id),
            &a,
        ) {
            Err(Error::Forbidden(_)) => {}
            other => panic!("{a:?}: {other:?}"),
        }
    }
    for bad in [0, 61] {
        let r = items::act(
            &f.store,
            &Ctx::new(admin(), today),
            &id,
            version(&f, &id),
            &extend(bad, "x"),
        );
        assert_eq!(fields(r), vec!["days"]);
    }
    let r = items::act(
        &f.store,
        &Ctx::new(admin(), today),
        &id,
        version(&f, &id),
        &extend(3, " "),
    );
    assert_eq!(fields(r), vec!["reason"]);
    let e = items::act(
        &f.store,
        &Ctx::new(admin(), today),
        &id,
        version(&f, &id),
        &extend(3, "涉及多部门"),
    )
    .unwrap();
    // Oct 10 + 3: Sat 11 (make-up), Mon 13, Tue 14.
    assert_eq!(e.extension_days, 3);
    assert_eq!(e.due_on.as_deref(), Some("2025-10-14"));
    let ev = items::get_item(&f.store, &Ctx::new(officer(), today), &id)
        .unwrap()
        .timeline
        .pop()
        .unwrap();
    assert_eq!(ev.kind, ItemEventKind::Extend);
    assert_eq!(ev.actor, "组织部张老师");
    assert_eq!(ev.actor_role, Role::Admin);
    assert_eq!(ev.text, "涉及多部门");
    assert_eq!(ev.data["days"], 3);
    // The delegate may answer.
    let a = items::act(
        &f.store,
        &Ctx::new(delegate_actor(&f), today),
        &id,
        version(&f, &id),
        &answer(""),
    )
    .unwrap();
    assert_eq!(a.status, ItemStatus::Answered);
}

#[test]
fn supervision_views_and_counts_as_of_a_fixed_day() {
    let f = fixture();
    let today = d("2025-03-20"); // Thursday
    let t = "2025-03-20";
    let mk = |f: &Fixture, received: &str, cat: ItemCategory, title: &str| {
        let mut i = input(&f.delegate, received, title, "内容");
        i.category = Some(cat);
        items::create_item(&f.store, &Ctx::new(officer(), today), &i).unwrap()
    };
    // Mon Mar 3 + 5 → Mon Mar 10: overdue.
    let overdue = mk(&f, "2025-03-03", ItemCategory::PolicyInquiry, "逾期");
    // Mon Mar 17 + 5 → Mon Mar 24: two working days left (Fri 21, Mon 24).
    let soon = mk(&f, "2025-03-17", ItemCategory::PolicyInquiry, "将到期");
    let on_track = mk(&f, "2025-03-19", ItemCategory::Implementation, "正常");
    let long = mk(&f, "2025-03-03", ItemCategory::PolicyInquiry, "长期待补充");
    act(&f, &long.id, pause("2025-03-04"), t).unwrap();
    let short = mk(&f, "2025-03-18", ItemCategory::PolicyInquiry, "待补充");
    act(&f, &short.id, pause("2025-03-19"), t).unwrap();
    let closed = mk(&f, "2025-03-03", ItemCategory::PolicyInquiry, "已办结");
    act(&f, &closed.id, answer("2025-03-11"), t).unwrap();
    act(&f, &closed.id, feedback("2025-03-11"), t).unwrap();
    act(
        &f,
        &closed.id,
        follow_up(Satisfaction::Satisfied, "2025-03-12"),
        t,
    )
    .unwrap();
    let older = mk(&f, "2025-02-10", ItemCategory::PolicyInquiry, "上月");
    act(&f, &older.id, answer("2025-02-11"), t).unwrap();
    items::act(
        &f.store,
        &Ctx::new(admin(), today),
        &overdue.id,
        version(&f, &overdue.id),
        &escalate(),
    )
    .unwrap();

    let view = |f: &Fixture, v: ItemView| -> Vec<String> {
        let q = ItemQuery {
            view: Some(v),
            sort: ItemSort::DueAsc,
            ..Default::default()
        };
        let p = items::list_items(&f.store, &Ctx::new(officer(), today), &q).unwrap();
        assert_eq!(p.total as usize, p.items.len());
        p.items.into_iter().map(|r| r.title).collect()
    };
    assert_eq!(view(&f, ItemView::Overdue), vec!["逾期"]);
    assert_eq!(view(&f, ItemView::DueSoon), vec!["将到期"]);
    assert_eq!(view(&f, ItemView::Paused).len(), 2);
    // Paused Tue Mar 4: Mar 5–7, 10–14, 17–20 = 12 working days ≥ 10.
    assert_eq!(view(&f, ItemView::LongPaused), vec!["长期待补充"]);
    assert_eq!(view(&f, ItemView::Escalated), vec!["逾期"]);
    assert_eq!(view(&f, ItemView::Open).len(), 6);

    let page =
        items::list_items(&f.store, &Ctx::new(officer(), today), &ItemQuery::default()).unwrap();
    let row = |title: &str| {
        page.items
            .iter()
            .find(|r| r.title == title)
            .unwrap()
            .clone()
    };
    assert_eq!(row("逾期").deadline, ItemDeadlineState::Overdue);
    assert_eq!(row("逾期").days_left, Some(-8));
    assert_eq!(row("将到期").deadline, ItemDeadlineState::DueSoon);
    assert_eq!(row("将到期").days_left, Some(2));
    assert_eq!(row("正常").deadline, ItemDeadlineState::OnTrack);
    assert_eq!(row("长期待补充").deadline, ItemDeadlineState::Paused);
    // Due Mon Mar 10, answered Tue Mar 11.
    assert_eq!(row("已办结").deadline, ItemDeadlineState::Late);
    assert_eq!(row("上月").deadline, ItemDeadlineState::Met);
    assert!(on_track.days_left.unwrap() > 3);

    let c = items::item_counts(&f.store, &Ctx::new(officer(), today)).unwrap();
    assert_eq!(c.open, 6);
    assert_eq!(c.overdue, 1);
    assert_eq!(c.due_soon, 1);
    assert_eq!(c.paused, 2);
    assert_eq!(c.long_paused, 1);
    assert_eq!(c.escalated, 1);
    assert_eq!(c.received_this_month, 6);
    assert_eq!(c.closed_this_month, 1);
    // 本月办结 as a list.
    let q = ItemQuery {
        closed_from: Some("2025-03-01".into()),
        closed_to: Some("2025-03-31".into()),
        ..Default::default()
    };
    assert_eq!(
        items::list_items(&f.store, &Ctx::new(officer(), today), &q)
            .unwrap()
            .total,
        1
    );
    // A longer long-pause threshold (设置) empties the view.
    let mut limits = items::deadlines(&f.store, &Ctx::now(admin())).unwrap();
    limits.long_pause_days = 20;
    items::save_deadlines(&f.store, &Ctx::now(admin()), &limits).unwrap();
    assert!(view(&f, ItemView::LongPaused).is_empty());
    let _ = soon;
}

#[test]
fn deadline_settings_apply_to_new_items_and_calendar_changes_move_due_dates() {
    let f = fixture();
    let before = make(&f, "2025-03-10"); // Mon + 5 → Mon Mar 17
    assert_eq!(before.due_on.as_deref(), Some("2025-03-17"));
    let mut limits = items::deadlines(&f.store, &Ctx::now(admin())).unwrap();
    assert_eq!(limits, ItemDeadlines::default());
    limits.policy_inquiry = 7;
    match items::save_deadlines(&f.store, &Ctx::now(officer()), &limits) {
        Err(Error::Forbidden(_)) => {}
        other => panic!("{other:?}"),
    }
    let mut bad = limits;
    bad.rights = 0;
    bad.long_pause_days = 61;
    match items::save_deadlines(&f.store, &Ctx::now(admin()), &bad) {
        Err(Error::Validation(v)) => {
            let names: Vec<_> = v.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(names, vec!["rights", "long_pause_days"]);
        }
        other => panic!("{other:?}"),
    }
    items::save_deadlines(&f.store, &Ctx::now(admin()), &limits).unwrap();
    assert_eq!(
        items::deadlines(&f.store, &Ctx::now(admin()))
            .unwrap()
            .policy_inquiry,
        7
    );
    let after = make(&f, "2025-03-10");
    assert_eq!(after.limit_days, 7);
    assert_eq!(after.due_on.as_deref(), Some("2025-03-19"));
    let kept =
        items::get_item(&f.store, &Ctx::new(officer(), d("2025-03-10")), &before.id).unwrap();
    assert_eq!(kept.item.limit_days, 5);

    // The university closes on Wed Mar 12: both due dates move by a day.
    let closed = calendar::set_override(
        &f.store,
        &Ctx::now(admin()),
        "2025-03-12",
        0,
        OverrideKind::Holiday,
        "校庆",
    )
    .unwrap();
    let moved =
        items::get_item(&f.store, &Ctx::new(officer(), d("2025-03-10")), &before.id).unwrap();
    assert_eq!(moved.item.due_on.as_deref(), Some("2025-03-18"));
    calendar::remove_override(&f.store, &Ctx::now(admin()), "2025-03-12", closed.version).unwrap();
    let back =
        items::get_item(&f.store, &Ctx::new(officer(), d("2025-03-10")), &before.id).unwrap();
    assert_eq!(back.item.due_on.as_deref(), Some("2025-03-17"));
    assert_eq!(
        items::recompute_item_due_dates(&f.store, &Ctx::now(admin())).unwrap(),
        0
    );
}

// ---- the timeline -------------------------------------------------------------------------------

#[test]
fn the_timeline_cannot_be_changed_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("studio.db");
    let s = Store::open(&path).unwrap();
    let ctx = Ctx::now(admin());
    let g = roster::create_delegation(
        &s,
        &ctx,
        &DelegationInput {
            name: "理工代表团".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let del = roster::create_delegate(
        &s,
        &ctx,
        &DelegateInput {
            name: "张建华".into(),
            delegation_id: g.id,
            unit: "计算机工程学院".into(),
            mobile: "13812345678".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let it = items::create_item(
        &s,
        &Ctx::new(officer(), d("2025-09-01")),
        &input(&del.id, "2025-09-01", "标题", "内容"),
    )
    .unwrap();
    drop(s);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let upd = conn.execute(
        "UPDATE item_events SET text = '篡改' WHERE item_id = ?1",
        [&it.id],
    );
    assert!(
        upd.unwrap_err().to_string().contains("只能追加"),
        "UPDATE refused"
    );
    let del = conn.execute("DELETE FROM item_events WHERE item_id = ?1", [&it.id]);
    assert!(del.unwrap_err().to_string().contains("只能追加"));
    // The CHECK backs the flow: nothing is closed without answer and feedback.
    let close = conn.execute(
        "UPDATE items SET status = 'closed', closed_on = '2025-09-02', satisfaction = 'satisfied'
         WHERE id = ?1",
        [&it.id],
    );
    assert!(close.is_err());
    let n: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM item_events WHERE item_id = ?1",
            [&it.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}

// ---- search -------------------------------------------------------------------------------------

fn titles(f: &Fixture, q: ItemQuery) -> Vec<String> {
    items::list_items(&f.store, &Ctx::new(officer(), d("2026-01-31")), &q)
        .unwrap()
        .items
        .into_iter()
        .map(|r| r.title)
        .collect()
}

fn search(f: &Fixture, q: &str) -> Vec<String> {
    titles(
        f,
        ItemQuery {
            q: q.into(),
            sort: ItemSort::ReceivedAsc,
            ..Default::default()
        },
    )
}

#[test]
fn search_finds_substrings_of_any_length_and_answers() {
    let f = fixture();
    let today = d("2026-01-31");
    let mk = |received: &str, title: &str, content: &str, who: &str| {
        let mut i = input(&f.delegate, received, title, content);
        i.delegate_ids = vec![who.to_string()];
        items::create_item(&f.store, &Ctx::new(officer(), today), &i).unwrap()
    };
    let other = f.other_delegate.clone();
    let dele = f.delegate.clone();
    let a = mk(
        "2026-01-05",
        "南区食堂价格偏高",
        "南区食堂晚餐价格偏高，希望平价窗口。",
        &dele,
    );
    let b = mk(
        "2026-01-06",
        "图书馆座位不足",
        "考试周图书馆座位紧张。",
        &other,
    );
    let c = mk("2026-01-07", "Wi-Fi 信号差", "宿舍楼Wi-Fi经常断线", &dele);
    items::act(
        &f.store,
        &Ctx::new(officer(), today),
        &b.id,
        version(&f, &b.id),
        &ItemAction::Answer {
            answer: "已延长自习室开放时间，并协调宿舍区空教室。".into(),
            on: "2026-01-08".into(),
        },
    )
    .unwrap();
    assert_eq!(search(&f, "食堂"), vec!["南区食堂价格偏高"]);
    // The totals of one-word searches (counted from the full-text index alone) and of two words.
    for (q, n) in [("宿舍", 2), ("宿舍楼", 1), ("食堂 偏高", 1)] {
        let q = ItemQuery {
            q: q.into(),
            page: studio_core::PageRequest {
                page: 1,
                page_size: 1,
            },
            ..Default::default()
        };
        assert_eq!(
            items::list_items(&f.store, &Ctx::new(officer(), today), &q)
                .unwrap()
                .total,
            n
        );
    }
    assert_eq!(search(&f, "食堂价格"), vec!["南区食堂价格偏高"]);
    assert_eq!(search(&f, "堂价"), vec!["南区食堂价格偏高"]);
    assert_eq!(search(&f, "食"), vec!["南区食堂价格偏高"]);
    // The answer is searched too (2 and 3+ characters).
    assert_eq!(search(&f, "自习"), vec!["图书馆座位不足"]);
    assert_eq!(search(&f, "自习室"), vec!["图书馆座位不足"]);
    assert_eq!(search(&f, "宿舍"), vec!["图书馆座位不足", "Wi-Fi 信号差"]);
    // Latin letters: case-insensitive; a word with punctuation, and the number.
    assert_eq!(search(&f, "wi"), vec!["Wi-Fi 信号差"]);
    assert_eq!(search(&f, "WI-FI"), vec!["Wi-Fi 信号差"]);
    assert_eq!(search(&f, "i-"), vec!["Wi-Fi 信号差"]);
    assert_eq!(search(&f, &a.no), vec!["南区食堂价格偏高"]);
    // All words must occur.
    assert_eq!(search(&f, "图书 座位"), vec!["图书馆座位不足"]);
    assert!(search(&f, "图书 食堂").is_empty());
    assert!(search(&f, "\"引号\"").is_empty());
    // An edited title is found by its new words, not the old ones.
    let mut i = input(
        &f.delegate,
        "2026-01-07",
        "无线网络信号差",
        "宿舍楼Wi-Fi经常断线",
    );
    i.category = Some(ItemCategory::PolicyInquiry);
    items::update_item(
        &f.store,
        &Ctx::new(officer(), today),
        &c.id,
        version(&f, &c.id),
        &i,
    )
    .unwrap();
    assert_eq!(search(&f, "无线"), vec!["无线网络信号差"]);
    assert_eq!(search(&f, "信号"), vec!["无线网络信号差"]);

    // Filters.
    let q = |f: &Fixture, q: ItemQuery| titles(f, q);
    assert_eq!(
        q(
            &f,
            ItemQuery {
                delegate_id: Some(other.clone()),
                ..Default::default()
            }
        ),
        vec!["图书馆座位不足"]
    );
    assert_eq!(
        q(
            &f,
            ItemQuery {
                delegation_id: Some(f.delegation.clone()),
                sort: ItemSort::ReceivedAsc,
                ..Default::default()
            }
        ),
        vec!["南区食堂价格偏高", "无线网络信号差"]
    );
    assert_eq!(
        q(
            &f,
            ItemQuery {
                status: Some(ItemStatus::Answered),
                ..Default::default()
            }
        ),
        vec!["图书馆座位不足"]
    );
    assert_eq!(
        q(
            &f,
            ItemQuery {
                from: Some("2026-01-06".into()),
                to: Some("2026-01-06".into()),
                ..Default::default()
            }
        ),
        vec!["图书馆座位不足"]
    );
    assert_eq!(
        q(
            &f,
            ItemQuery {
                category: Some(ItemCategory::Rights),
                ..Default::default()
            }
        )
        .len(),
        0
    );
    items::act(
        &f.store,
        &Ctx::new(officer(), today),
        &a.id,
        version(&f, &a.id),
        &refer("2026-02-10", "2026-01-10"),
    )
    .unwrap();
    assert_eq!(
        q(
            &f,
            ItemQuery {
                unit: "后勤".into(),
                ..Default::default()
            }
        ),
        vec!["南区食堂价格偏高"]
    );
    assert_eq!(
        q(
            &f,
            ItemQuery {
                source: Some(ItemSource::Hotline),
                ..Default::default()
            }
        )
        .len(),
        0
    );
    // Default order: newest received first; paging and the total.
    let p = items::list_items(
        &f.store,
        &Ctx::new(officer(), today),
        &ItemQuery {
            page: studio_core::PageRequest {
                page: 1,
                page_size: 2,
            },
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(p.total, 3);
    assert_eq!(p.items[0].title, "无线网络信号差");
    match items::list_items(
        &f.store,
        &Ctx::new(officer(), today),
        &ItemQuery {
            from: Some("2026-1-1".into()),
            ..Default::default()
        },
    ) {
        Err(Error::Validation(v)) => assert_eq!(v[0].field, "from"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn similar_items_put_the_related_earlier_item_first() {
    let f = fixture();
    let today = d("2026-01-31");
    let mk = |received: &str, title: &str, content: &str| {
        let i = input(&f.delegate, received, title, content);
        items::create_item(&f.store, &Ctx::new(officer(), today), &i).unwrap()
    };
    let canteen = mk(
        "2026-01-05",
        "南区食堂晚餐价格偏高",
        "南区食堂晚餐价格偏高，学生负担重，希望增加平价窗口。",
    );
    mk(
        "2026-01-06",
        "图书馆空调温度过低",
        "图书馆三楼空调温度过低。",
    );
    mk("2026-01-07", "食堂排队时间长", "中午食堂排队时间长。");
    let got = items::similar_items(
        &f.store,
        &Ctx::now(officer()),
        "北区食堂晚餐价格也偏高，希望增加平价窗口",
        None,
        5,
    )
    .unwrap();
    assert_eq!(got[0].id, canteen.id);
    assert_eq!(got[0].no, "2026-0001");
    assert!(got[0].excerpt.starts_with("南区食堂晚餐价格偏高"));
    assert!(got.iter().all(|s| s.title != "图书馆空调温度过低"));
    let got = items::similar_items(
        &f.store,
        &Ctx::now(officer()),
        "北区食堂晚餐价格也偏高",
        Some(&canteen.id),
        5,
    )
    .unwrap();
    assert!(got.iter().all(|s| s.id != canteen.id));
    assert!(
        items::similar_items(&f.store, &Ctx::now(officer()), "食堂", None, 5)
            .unwrap()
            .is_empty()
    );
    assert!(
        items::similar_items(&f.store, &Ctx::now(officer()), "", None, 5)
            .unwrap()
            .is_empty()
    );
}

// ---- cards ------------------------------------------------------------------------------------

fn card(f: &Fixture, opinion: &str) -> String {
    cards::create_card(
        &f.store,
        &Ctx::now(officer()),
        &CardInput {
            delegate_id: f.delegate.clone(),
            contact_date: "2025-09-29".into(),
            person_name: "钱小红".into(),
            person_phone: "13987654321".into(),
            person_address: "南区3号宿舍楼215室".into(),
            channel: Some(Channel::Studio),
            opinion: opinion.into(),
            handling: "已与后勤管理处沟通。".into(),
            feedback_on: Some("2025-09-30".into()),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

#[test]
fn an_item_from_a_card_and_the_card_filing_deadline() {
    let f = fixture();
    let today = d("2025-10-20");
    let card_id = card(&f, "反映南区食堂晚餐供应时间短，希望延长营业时间。");
    let it = items::create_from_card(
        &f.store,
        &Ctx::new(officer(), today),
        &card_id,
        ItemCategory::Hardship,
        "食堂晚餐时间短",
    )
    .unwrap();
    assert_eq!(it.source, ItemSource::Card);
    assert_eq!(it.card_id.as_deref(), Some(card_id.as_str()));
    assert_eq!(it.content, "反映南区食堂晚餐供应时间短，希望延长营业时间。");
    assert_eq!(it.person_name, "钱小红");
    assert_eq!(it.person_phone, "13987654321");
    assert_eq!(it.person_contact, "南区3号宿舍楼215室");
    assert_eq!(it.first_responder, "张建华");
    assert_eq!(it.delegates[0].delegate_id, f.delegate);
    assert_eq!(it.received_on, "2025-09-29");
    assert_eq!(it.status, ItemStatus::Received, "no automatic steps");
    assert_eq!(it.card_filing_due_on, None);
    assert!(kinds(&f, &it.id).contains(&ItemEventKind::CardLinked));
    // One item per card.
    match items::create_from_card(
        &f.store,
        &Ctx::new(officer(), today),
        &card_id,
        ItemCategory::Hardship,
        "",
    ) {
        Err(Error::Conflict(m)) => assert!(m.contains(&it.no), "{m}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        items::item_for_card(&f.store, &Ctx::now(officer()), &card_id)
            .unwrap()
            .unwrap()
            .id,
        it.id
    );
    match items::create_from_card(
        &f.store,
        &Ctx::new(officer(), today),
        "no-such-card",
        ItemCategory::Hardship,
        "",
    ) {
        Err(Error::NotFound(_)) => {}
        other => panic!("{other:?}"),
    }

    // Fed back on Tue Sep 30 while the card is a draft: file it by Sat Oct 11 (make-up day).
    act(&f, &it.id, answer("2025-09-30"), "2025-10-20").unwrap();
    let fb = act(&f, &it.id, feedback("2025-09-30"), "2025-10-20").unwrap();
    assert_eq!(fb.card_filing_due_on.as_deref(), Some("2025-10-11"));
    let detail = items::get_item(&f.store, &Ctx::new(officer(), today), &it.id).unwrap();
    assert_eq!(detail.card_status, Some(CardStatus::Draft));
    let card_version = studio_core::storage::cards::get_card(&f.store.reader().unwrap(), &card_id)
        .unwrap()
        .unwrap()
        .version;
    cards::submit_card(
        &f.store,
        &Ctx::now(officer()),
        &card_id,
        card_version,
        Some("2025-10-10"),
    )
    .unwrap();
    let detail = items::get_item(&f.store, &Ctx::new(officer(), today), &it.id).unwrap();
    assert_eq!(detail.card_status, Some(CardStatus::Submitted));
    assert_eq!(detail.item.card_filing_due_on, None);

    // An item without a card shows the deadline after feedback; linking a card records it.
    let plain = make(&f, "2025-09-29");
    act(&f, &plain.id, answer("2025-09-30"), "2025-10-20").unwrap();
    let fb = act(&f, &plain.id, feedback("2025-09-30"), "2025-10-20").unwrap();
    assert_eq!(fb.card_filing_due_on.as_deref(), Some("2025-10-11"));
    match items::link_card(
        &f.store,
        &Ctx::now(officer()),
        &plain.id,
        version(&f, &plain.id),
        &card_id,
    ) {
        Err(Error::Conflict(m)) => assert!(m.contains(&it.no), "{m}"),
        other => panic!("{other:?}"),
    }
    let second = card(&f, "宿舍热水供应时间短。");
    let linked = items::link_card(
        &f.store,
        &Ctx::now(officer()),
        &plain.id,
        version(&f, &plain.id),
        &second,
    )
    .unwrap();
    assert_eq!(linked.card_id.as_deref(), Some(second.as_str()));
    assert_eq!(linked.card_filing_due_on.as_deref(), Some("2025-10-11"));
    assert_eq!(
        *kinds(&f, &plain.id).last().unwrap(),
        ItemEventKind::CardLinked
    );

    // The export says the same as the item's page (it answers "is the card filed?" for all items
    // from one read): the filed card's item has no filing deadline, the draft's item has one.
    let exported =
        items::items_for_export(&f.store, &Ctx::new(admin(), today), None, None).unwrap();
    let of = |id: &str| {
        exported
            .iter()
            .find(|i| i.id == id)
            .unwrap()
            .card_filing_due_on
            .clone()
    };
    assert_eq!(of(&it.id), None);
    assert_eq!(of(&plain.id).as_deref(), Some("2025-10-11"));
}

// ---- editing and permissions --------------------------------------------------------------------

#[test]
fn edits_are_listed_on_the_timeline_and_new_delegates_notified() {
    let f = fixture();
    let today = d("2025-09-10");
    let it = make(&f, "2025-09-01");
    let mut i = input(
        &f.delegate,
        "2025-09-01",
        "南区食堂晚餐价格偏高（更正）",
        "反映南区食堂晚餐价格偏高。",
    );
    i.delegate_ids.push(f.other_delegate.clone());
    i.category = Some(ItemCategory::Implementation);
    let e = items::update_item(
        &f.store,
        &Ctx::new(officer(), today),
        &it.id,
        version(&f, &it.id),
        &i,
    )
    .unwrap();
    assert_eq!(e.limit_days, 15);
    assert_eq!(e.version, 2);
    assert_eq!(e.first_responder, "王联络");
    let tl = items::get_item(&f.store, &Ctx::new(officer(), today), &it.id)
        .unwrap()
        .timeline;
    let edited = tl.iter().find(|e| e.kind == ItemEventKind::Edited).unwrap();
    assert_eq!(edited.text, "修改了：问题类别、标题、承办党代表");
    assert_eq!(tl.last().unwrap().text, "已通知人文社科代表团团长 李丽华");
    // The same form again changes nothing and records nothing.
    let same = items::update_item(
        &f.store,
        &Ctx::new(officer(), today),
        &it.id,
        version(&f, &it.id),
        &i,
    )
    .unwrap();
    assert_eq!(same.version, 2);
    // A closed item is not edited.
    act(&f, &it.id, answer("2025-09-02"), "2025-09-10").unwrap();
    act(&f, &it.id, feedback("2025-09-02"), "2025-09-10").unwrap();
    act(
        &f,
        &it.id,
        follow_up(Satisfaction::Satisfied, "2025-09-03"),
        "2025-09-10",
    )
    .unwrap();
    let m = invalid(items::update_item(
        &f.store,
        &Ctx::new(officer(), today),
        &it.id,
        version(&f, &it.id),
        &i,
    ));
    assert!(m.contains("办结") && m.contains("修改"), "{m}");
}

#[test]
fn visitors_are_refused() {
    let f = fixture();
    let visitor = Actor::new("访客", Role::Visitor);
    let today = d("2025-09-01");
    let i = input(&f.delegate, "2025-09-01", "标题", "内容");
    match items::create_item(&f.store, &Ctx::new(visitor.clone(), today), &i) {
        Err(Error::Forbidden(_)) => {}
        other => panic!("{other:?}"),
    }
    let it = make(&f, "2025-09-01");
    assert!(matches!(
        items::get_item(&f.store, &Ctx::new(visitor.clone(), today), &it.id),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        items::act(
            &f.store,
            &Ctx::new(visitor.clone(), today),
            &it.id,
            version(&f, &it.id),
            &note("x")
        ),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        items::items_for_export(&f.store, &Ctx::now(visitor.clone()), None, None),
        Err(Error::Forbidden(_))
    ));
    let all = items::items_for_export(
        &f.store,
        &Ctx::now(admin()),
        Some("2025-09-01"),
        Some("2025-09-01"),
    )
    .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].delegates.len(), 1);
    assert!(
        items::items_for_export(&f.store, &Ctx::now(admin()), Some("2025-09-02"), None)
            .unwrap()
            .is_empty()
    );
    let _ = WorkCalendar::official();
}

// ---- the write gate: stale versions, permissions, the change and access logs -------------------

/// Every change record so far, oldest first, whole rows as stored.
fn changes(f: &Fixture) -> Vec<ChangeRecord> {
    studio_core::storage::audit::all(&f.store.reader().unwrap()).unwrap()
}

fn stale_info(e: &Error) -> &studio_core::error::StaleInfo {
    match e {
        Error::Stale(info) => info,
        other => panic!("expected Stale, got {other:?}"),
    }
}

#[test]
fn two_steps_from_the_same_version_the_second_is_refused() {
    let f = fixture();
    let it = make(&f, "2025-09-01");
    // Two screens open the same item.
    let seen = detail(&f, &it.id, "2025-09-02").item.version;
    let first_ctx = on(officer(), "2025-09-02");
    let second_ctx = on(admin(), "2025-09-02");
    let records = changes(&f).len();

    let first = items::act(&f.store, &first_ctx, &it.id, seen, &refer("2025-09-10", "")).unwrap();
    assert_eq!(first.version, seen + 1);
    // The second, based on what it saw, is refused whatever the step: a note…
    let e = items::act(&f.store, &second_ctx, &it.id, seen, &note("同时备注")).unwrap_err();
    assert_eq!(e.code(), "conflict");
    assert_eq!(e.to_string(), "该记录已被他人修改，请刷新后再看");
    let info = stale_info(&e);
    assert_eq!(info.entity, "item");
    assert_eq!(info.row_id, it.id);
    assert_eq!((info.base_version, info.current_version), (seen, seen + 1));
    assert_eq!(info.changed_by, "王联络");
    let fields: Vec<&str> = info.fields.iter().map(|f| f.field.as_str()).collect();
    assert!(
        fields.contains(&"status") && fields.contains(&"referral"),
        "{fields:?}"
    );
    // …or the same step (the version is checked before the flow).
    let e = items::act(
        &f.store,
        &second_ctx,
        &it.id,
        seen,
        &refer("2025-09-12", ""),
    )
    .unwrap_err();
    assert_eq!(e.code(), "conflict");

    // Only the first step happened: the timeline, the row and the change log say so.
    let now = detail(&f, &it.id, "2025-09-02");
    assert_eq!(
        now.timeline.iter().map(|e| e.kind).collect::<Vec<_>>(),
        vec![
            ItemEventKind::Received,
            ItemEventKind::Notified,
            ItemEventKind::Refer
        ]
    );
    assert_eq!(now.item, first);
    assert_eq!(now.item.referral.as_ref().unwrap().due_on, "2025-09-10");
    let new: Vec<_> = changes(&f).split_off(records);
    assert_eq!(new.len(), 1);
    assert_eq!(new[0].action, "refer");

    // Based on the new version, the second screen's note goes through.
    let noted = items::act(
        &f.store,
        &second_ctx,
        &it.id,
        first.version,
        &note("刷新后备注"),
    )
    .unwrap();
    assert_eq!(noted.version, first.version + 1);
    assert_eq!(noted.status, ItemStatus::Assigned);
}

#[test]
fn two_edits_from_the_same_version_the_second_is_refused() {
    let f = fixture();
    let it = make(&f, "2025-09-01");
    let ctx = on(officer(), "2025-09-05");
    let mut mine = input(
        &f.delegate,
        "2025-09-01",
        "南区食堂晚餐价格偏高（更正）",
        "内容一",
    );
    let first = items::update_item(&f.store, &ctx, &it.id, it.version, &mine).unwrap();
    assert_eq!(first.version, it.version + 1);
    mine.title = "另一位同事的标题".into();
    mine.person_phone = "13700001111".into();
    let e = items::update_item(
        &f.store,
        &on(admin(), "2025-09-05"),
        &it.id,
        it.version,
        &mine,
    )
    .unwrap_err();
    assert_eq!(e.code(), "conflict");
    let info = stale_info(&e);
    assert_eq!((info.base_version, info.current_version), (1, 2));
    assert!(info
        .fields
        .iter()
        .any(|f| f.field == "title" && f.label == "标题"));

    let now = detail(&f, &it.id, "2025-09-05");
    assert_eq!(now.item, first);
    assert_eq!(now.item.title, "南区食堂晚餐价格偏高（更正）");
    assert_eq!(now.item.person_phone, "13987654321");
    let edits = now
        .timeline
        .iter()
        .filter(|e| e.kind == ItemEventKind::Edited)
        .count();
    assert_eq!(edits, 1);
    // A stale link is refused the same way.
    let c = card(&f, "宿舍热水供应时间短。");
    let e = items::link_card(&f.store, &ctx, &it.id, it.version, &c).unwrap_err();
    assert_eq!(e.code(), "conflict");
    assert_eq!(detail(&f, &it.id, "2025-09-05").item.card_id, None);
}

#[test]
fn two_saves_of_the_deadlines_from_the_same_version_the_second_is_refused() {
    let f = fixture();
    let ctx = Ctx::now(admin());
    let read = items::deadlines(&f.store, &ctx).unwrap();
    assert_eq!(read.version, 0, "never saved");
    let mine = ItemDeadlines {
        policy_inquiry: 7,
        ..read
    };
    let saved = items::save_deadlines(&f.store, &ctx, &mine).unwrap();
    assert_eq!(saved.version, 1);
    assert_eq!(saved.policy_inquiry, 7);
    let theirs = ItemDeadlines {
        policy_inquiry: 8,
        rights: 12,
        ..read
    };
    let e = items::save_deadlines(
        &f.store,
        &Ctx::now(Actor::new("组织部李老师", Role::Admin)),
        &theirs,
    )
    .unwrap_err();
    assert_eq!(e.code(), "conflict");
    let info = stale_info(&e);
    assert_eq!(info.entity, "settings");
    assert_eq!(info.row_id, "item_deadlines");
    assert_eq!((info.base_version, info.current_version), (0, 1));
    assert_eq!(info.changed_by, "组织部张老师");
    assert!(info.fields.iter().any(|f| f.field == "policy_inquiry"));
    let now = items::deadlines(&f.store, &ctx).unwrap();
    assert_eq!(now, saved);
    assert_eq!(now.rights, 10);
    // Saving what is set, from the current version, changes and records nothing.
    let same = items::save_deadlines(&f.store, &ctx, &now).unwrap();
    assert_eq!(same.version, 1);
    let log: Vec<_> = changes(&f)
        .into_iter()
        .filter(|r| r.entity == "settings" && r.row_id == "item_deadlines")
        .collect();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].base_version, log[0].new_version),
        (Some(0), Some(1))
    );
    // The next save is based on version 1 and makes version 2.
    let theirs = ItemDeadlines {
        version: now.version,
        ..theirs
    };
    assert_eq!(
        items::save_deadlines(&f.store, &ctx, &theirs)
            .unwrap()
            .version,
        2
    );
}

#[test]
fn a_visitor_reads_nothing_of_the_ledger_and_opening_an_item_is_recorded() {
    let f = fixture();
    let it = make(&f, "2025-09-01");
    let c = card(&f, "宿舍热水供应时间短。");
    let visitor = Ctx::new(Actor::new("访客", Role::Visitor), d("2025-09-02"));
    let refused = |r: Result<(), Error>, what: &str| match r {
        Err(Error::Forbidden(_)) => {}
        other => panic!("{what}: {other:?}"),
    };
    let s = &f.store;
    refused(items::get_item(s, &visitor, &it.id).map(drop), "get_item");
    refused(
        items::list_items(s, &visitor, &ItemQuery::default()).map(drop),
        "list_items",
    );
    refused(items::item_counts(s, &visitor).map(drop), "item_counts");
    refused(items::item_count(s, &visitor).map(drop), "item_count");
    refused(
        items::similar_items(s, &visitor, "南区食堂晚餐价格偏高", None, 5).map(drop),
        "similar_items",
    );
    refused(
        items::item_for_card(s, &visitor, &c).map(drop),
        "item_for_card",
    );
    refused(
        items::items_for_export(s, &visitor, None, None).map(drop),
        "items_for_export",
    );
    refused(items::deadlines(s, &visitor).map(drop), "deadlines");
    let access =
        |s: &Store| studio_core::storage::audit::access_entries(&s.reader().unwrap()).unwrap();
    assert!(access(s).is_empty(), "a refused read is not an opening");

    // Lists are for records readers: masked phone, no address.
    let page = items::list_items(
        s,
        &on(delegate_actor(&f), "2025-09-02"),
        &ItemQuery::default(),
    )
    .unwrap();
    let row = serde_json::to_value(&page.items[0]).unwrap();
    assert_eq!(row["person_phone_masked"], "139****4321");
    let text = row.to_string();
    assert!(
        !text.contains("13987654321") && !text.contains("215室"),
        "{text}"
    );
    assert_eq!(access(s).len(), 0, "a list is not an opening");

    // Opening the full record is recorded once; an export once.
    let full = items::get_item(s, &on(officer(), "2025-09-02"), &it.id).unwrap();
    assert_eq!(full.item.person_phone, "13987654321");
    assert_eq!(
        access(s),
        vec![(
            "王联络".to_string(),
            "item".to_string(),
            it.id.clone(),
            "view".to_string()
        )]
    );
    items::items_for_export(s, &Ctx::now(admin()), Some("2025-09-01"), None).unwrap();
    let log = access(s);
    assert_eq!(log.len(), 2);
    assert_eq!(log[1].0, "组织部张老师");
    assert_eq!(log[1].3, "export");
    assert_eq!(log[1].2, "2025-09-01..9999-12-31");

    // Bounded reads: a search text, a similar-items text, date ranges.
    let long = ItemQuery {
        q: "食".repeat(51),
        ..Default::default()
    };
    assert_eq!(
        items::list_items(s, &on(officer(), "2025-09-02"), &long)
            .unwrap_err()
            .code(),
        "validation"
    );
    let huge = "食堂".repeat(3_000);
    assert_eq!(
        items::similar_items(s, &on(officer(), "2025-09-02"), &huge, None, 5)
            .unwrap_err()
            .code(),
        "validation"
    );
    let backwards = ItemQuery {
        from: Some("2025-09-10".into()),
        to: Some("2025-09-01".into()),
        closed_from: Some("2025-09-10".into()),
        closed_to: Some("2025-09-09".into()),
        ..Default::default()
    };
    match items::list_items(s, &on(officer(), "2025-09-02"), &backwards) {
        Err(Error::Validation(v)) => {
            let got: Vec<_> = v
                .iter()
                .map(|f| (f.field.as_str(), f.message.as_str()))
                .collect();
            assert_eq!(
                got,
                vec![
                    ("to", "受理截止日期不能早于受理起始日期"),
                    ("closed_to", "办结截止日期不能早于办结起始日期"),
                ]
            );
        }
        other => panic!("{other:?}"),
    }
    match items::items_for_export(
        s,
        &Ctx::now(admin()),
        Some("2025-09-10"),
        Some("2025-09-01"),
    ) {
        Err(Error::Validation(v)) => assert_eq!(v[0].field, "to"),
        other => panic!("{other:?}"),
    }
}

/// The records made since `from`: exactly one, for `row_id`, by `action`, from `base` to `new`
/// (whole rows: the after row's own version is `new`).
fn one_change(
    f: &Fixture,
    from: usize,
    entity: &str,
    row_id: &str,
    action: &str,
    base: Option<i64>,
    new: i64,
) -> ChangeRecord {
    let mut recs = changes(f).split_off(from);
    assert_eq!(
        recs.len(),
        1,
        "{action}: {:?}",
        recs.iter().map(|r| &r.action).collect::<Vec<_>>()
    );
    let r = recs.remove(0);
    assert_eq!(
        (r.entity.as_str(), r.row_id.as_str(), r.action.as_str()),
        (entity, row_id, action)
    );
    assert_eq!(
        (r.base_version, r.new_version),
        (base, Some(new)),
        "{action}"
    );
    let after = r.after.as_ref().expect("after");
    assert_eq!(after["version"], new, "{action}: the whole row after");
    match (&r.before, base) {
        (None, None) => {}
        (Some(b), Some(v)) => assert_eq!(b["version"], v, "{action}: the whole row before"),
        (b, _) => panic!("{action}: before {b:?}"),
    }
    r
}

/// A step of the change-record test: who, the step, its action in the change log, what the timeline
/// gains.
type Step = (fn() -> Actor, ItemAction, &'static str, Vec<ItemEventKind>);

#[test]
fn every_item_write_leaves_one_whole_row_change_record() {
    use ItemEventKind as K;
    let f = fixture();
    let today = "2025-09-20";
    let mut n = changes(&f).len();

    // 受理.
    let it = make(&f, "2025-09-01");
    let id = it.id.clone();
    let r = one_change(&f, n, "item", &id, "create", None, 1);
    let row = r.after.unwrap();
    assert_eq!(row["person_phone"], "13987654321", "stored whole, unmasked");
    assert_eq!(row["clock_start_on"], "2025-09-01");
    assert_eq!(row["delegates"][0]["name"], "张建华");
    assert!(row.get("deadline").is_none() && row.get("days_left").is_none());
    let mut want = vec![K::Received, K::Notified];
    assert_eq!(kinds(&f, &id), want);
    let mut v = 1;

    // 修改.
    n = changes(&f).len();
    let mut edit = input(
        &f.delegate,
        "2025-09-01",
        "南区食堂晚餐价格偏高（更正）",
        "内容",
    );
    edit.category = Some(ItemCategory::Implementation);
    items::update_item(&f.store, &on(officer(), today), &id, v, &edit).unwrap();
    let r = one_change(&f, n, "item", &id, "update", Some(v), v + 1);
    assert_eq!(r.before.unwrap()["title"], "南区食堂晚餐价格偏高");
    v += 1;
    want.push(K::Edited);
    assert_eq!(kinds(&f, &id), want);

    let o = officer;
    let a = admin;
    let steps: Vec<Step> = vec![
        (
            o,
            refer("2025-09-10", "2025-09-02"),
            "refer",
            vec![K::Refer],
        ),
        (
            o,
            ItemAction::ReferralAnswer {
                answer: "已安排".into(),
                on: "2025-09-03".into(),
            },
            "referral_answer",
            vec![K::ReferralAnswer],
        ),
        (o, pause("2025-09-04"), "pause", vec![K::Pause]),
        (a, chase(), "chase", vec![K::Chase]),
        (o, resume("2025-09-05"), "resume", vec![K::Resume]),
        (a, extend(2, "涉及多部门"), "extend", vec![K::Extend]),
        (a, escalate(), "escalate", vec![K::Escalate]),
        (o, start("2025-09-05"), "start", vec![K::Start]),
        (o, answer("2025-09-08"), "answer", vec![K::Answer]),
        (o, feedback("2025-09-09"), "feedback", vec![K::Feedback]),
        (
            o,
            follow_up(Satisfaction::Dissatisfied, "2025-09-10"),
            "follow_up",
            vec![K::FollowUp, K::Reopened],
        ),
        (o, answer("2025-09-11"), "answer", vec![K::Answer]),
        (o, feedback("2025-09-12"), "feedback", vec![K::Feedback]),
        (
            o,
            follow_up(Satisfaction::Satisfied, "2025-09-15"),
            "follow_up",
            vec![K::FollowUp],
        ),
        (o, note("更正：反映人为2023级学生"), "note", vec![K::Note]),
    ];
    for (who, step, action, gains) in steps {
        n = changes(&f).len();
        let got = items::act(&f.store, &on(who(), today), &id, v, &step)
            .unwrap_or_else(|e| panic!("{action}: {e}"));
        assert_eq!(got.version, v + 1);
        one_change(&f, n, "item", &id, action, Some(v), v + 1);
        v += 1;
        want.extend(gains);
        assert_eq!(kinds(&f, &id), want, "{action}");
    }
    assert_eq!(detail(&f, &id, today).item.status, ItemStatus::Closed);

    // 不予受理.
    let other = make(&f, "2025-09-01");
    n = changes(&f).len();
    items::act(
        &f.store,
        &on(admin(), today),
        &other.id,
        1,
        &decline("不属于受理范围"),
    )
    .unwrap();
    one_change(&f, n, "item", &other.id, "decline", Some(1), 2);
    assert_eq!(
        kinds(&f, &other.id),
        vec![K::Received, K::Notified, K::Decline]
    );

    // 关联记录卡, and an item from a card.
    let plain = make(&f, "2025-09-01");
    let c = card(&f, "宿舍热水供应时间短。");
    n = changes(&f).len();
    items::link_card(&f.store, &on(officer(), today), &plain.id, 1, &c).unwrap();
    let r = one_change(&f, n, "item", &plain.id, "link_card", Some(1), 2);
    assert_eq!(r.after.unwrap()["card_id"], c.as_str());
    assert_eq!(
        kinds(&f, &plain.id),
        vec![K::Received, K::Notified, K::CardLinked]
    );
    // Linking the card it has changes and records nothing.
    n = changes(&f).len();
    items::link_card(&f.store, &on(officer(), today), &plain.id, 2, &c).unwrap();
    assert_eq!(changes(&f).len(), n);
    let c2 = card(&f, "图书馆座位不足。");
    n = changes(&f).len();
    let from_card = items::create_from_card(
        &f.store,
        &on(officer(), "2025-10-20"),
        &c2,
        ItemCategory::Hardship,
        "",
    )
    .unwrap();
    one_change(&f, n, "item", &from_card.id, "create", None, 1);
    assert_eq!(
        kinds(&f, &from_card.id),
        vec![K::Received, K::CardLinked, K::Notified]
    );

    // 办理时限.
    n = changes(&f).len();
    let limits = items::deadlines(&f.store, &Ctx::now(admin())).unwrap();
    items::save_deadlines(
        &f.store,
        &Ctx::now(admin()),
        &ItemDeadlines {
            hardship: 12,
            ..limits
        },
    )
    .unwrap();
    one_change(&f, n, "settings", "item_deadlines", "update", Some(0), 1);

    // A calendar change moves the open items' due dates: one record each, versions set.
    let open = [plain.id.clone(), from_card.id.clone()];
    let versions: Vec<i64> = open.iter().map(|i| version(&f, i)).collect();
    n = changes(&f).len();
    calendar::set_override(
        &f.store,
        &Ctx::now(admin()),
        "2025-09-03",
        0,
        OverrideKind::Holiday,
        "校庆",
    )
    .unwrap();
    let moved: Vec<ChangeRecord> = changes(&f)
        .split_off(n)
        .into_iter()
        .filter(|r| r.entity == "item")
        .collect();
    // 政策咨询 received Mon Sep 1 was due Mon Sep 8; Sep 3 closed, so Tue Sep 9.
    let plain_moved = moved.iter().find(|r| r.row_id == plain.id).expect("moved");
    assert_eq!(plain_moved.after.as_ref().unwrap()["due_on"], "2025-09-09");
    for r in &moved {
        assert_eq!(r.action, "recompute_due");
        let k = open
            .iter()
            .position(|i| *i == r.row_id)
            .expect("an open item");
        let (b, a) = (r.before.as_ref().unwrap(), r.after.as_ref().unwrap());
        assert_eq!(r.base_version, b["version"].as_i64());
        assert_eq!(r.new_version, a["version"].as_i64());
        assert!(r.base_version.unwrap() >= versions[k]);
        assert_ne!(b["due_on"], a["due_on"]);
        assert_eq!(a["delegates"], b["delegates"], "whole rows");
        assert!(a["delegates"].as_array().is_some_and(|d| !d.is_empty()));
    }
    // Closed and declined items keep their due dates and versions.
    assert!(moved.iter().all(|r| r.row_id != id && r.row_id != other.id));
    // Each item's records chain: every base is the previous new version.
    for item in [&id, &plain.id, &from_card.id, &other.id] {
        let recs: Vec<_> = changes(&f)
            .into_iter()
            .filter(|r| r.entity == "item" && &r.row_id == item)
            .collect();
        for w in recs.windows(2) {
            assert_eq!(w[1].base_version, w[0].new_version, "{item}");
        }
        assert_eq!(
            recs.last().unwrap().new_version,
            Some(version(&f, item)),
            "{item}"
        );
    }
}
