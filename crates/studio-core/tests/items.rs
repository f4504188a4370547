//! The item ledger (意见建议台账) through the core's public functions: the status flow, deadlines
//! with pauses and extensions across holidays, supervision views, search, similar items, cards.

use chrono::NaiveDate;
use studio_core::calendar::{self, OverrideKind, WorkCalendar};
use studio_core::cards::{self, CardInput, CardStatus, Channel};
use studio_core::items::{
    self, Item, ItemAction, ItemCategory, ItemDeadlineState, ItemDeadlines, ItemEventKind,
    ItemInput, ItemQuery, ItemSort, ItemSource, ItemStatus, ItemView, Satisfaction,
};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender};
use studio_core::{Actor, Error, Role, Store};

fn officer() -> Actor {
    Actor::new("王联络", Role::Liaison)
}

fn admin() -> Actor {
    Actor::new("组织部张老师", Role::Admin)
}

fn delegate_actor() -> Actor {
    Actor::new("张建华", Role::Delegate)
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct Fixture {
    store: Store,
    delegation: String,
    delegate: String,
    other_delegate: String,
    /// In a delegation without a head.
    headless_delegate: String,
}

fn fixture() -> Fixture {
    let mut s = Store::open_in_memory().unwrap();
    let group = |s: &mut Store, name: &str| {
        roster::create_delegation(
            s,
            &officer(),
            &DelegationInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let person = |s: &mut Store, g: &str, name: &str| {
        roster::create_delegate(
            s,
            &officer(),
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
    let g1 = group(&mut s, "理工代表团");
    let g2 = group(&mut s, "人文社科代表团");
    let g3 = group(&mut s, "机关代表团");
    let d1 = person(&mut s, &g1, "张建华");
    let d2 = person(&mut s, &g2, "李丽华");
    let d3 = person(&mut s, &g3, "赵海");
    for (g, head, name) in [(&g1, &d1, "理工代表团"), (&g2, &d2, "人文社科代表团")] {
        roster::update_delegation(
            &mut s,
            &officer(),
            g,
            &DelegationInput {
                name: name.into(),
                head_delegate_id: Some(head.clone()),
                ..Default::default()
            },
        )
        .unwrap();
    }
    Fixture {
        store: s,
        delegation: g1,
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
        first_responder: String::new(),
        delegate_ids: vec![delegate.into()],
        received_on: received.into(),
        card_id: None,
    }
}

/// A policy-inquiry item received on `received` (today = `received`).
fn make(f: &mut Fixture, received: &str) -> Item {
    items::create_item_on(
        &mut f.store,
        &officer(),
        &input(
            &f.delegate,
            received,
            "南区食堂晚餐价格偏高",
            "反映南区食堂晚餐价格偏高。",
        ),
        d(received),
    )
    .unwrap()
}

fn act(f: &mut Fixture, id: &str, a: ItemAction, today: &str) -> Result<Item, Error> {
    items::act_on(&mut f.store, &officer(), id, &a, d(today))
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

fn invalid(r: Result<Item, Error>) -> String {
    match r {
        Err(Error::Invalid(m)) => m,
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn fields(r: Result<Item, Error>) -> Vec<String> {
    match r {
        Err(Error::Validation(f)) => f.into_iter().map(|f| f.field).collect(),
        other => panic!("expected Validation, got {other:?}"),
    }
}

fn kinds(f: &Fixture, id: &str) -> Vec<ItemEventKind> {
    items::get_item_at(&f.store, &officer(), id, d("2026-01-01"))
        .unwrap()
        .timeline
        .iter()
        .map(|e| e.kind)
        .collect()
}

// ---- receipt ----------------------------------------------------------------------------------

#[test]
fn numbers_by_year_and_heads_are_notified() {
    let mut f = fixture();
    let a = make(&mut f, "2026-01-05");
    let b = make(&mut f, "2026-01-06");
    let c = make(&mut f, "2025-12-30");
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
    let multi = items::create_item_on(&mut f.store, &officer(), &i, d("2026-01-07")).unwrap();
    let detail = items::get_item_at(&f.store, &officer(), &multi.id, d("2026-01-07")).unwrap();
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
    let page = items::list_items_at(&f.store, &ItemQuery::default(), d("2026-01-07")).unwrap();
    let row = page.items.iter().find(|r| r.id == multi.id).unwrap();
    assert_eq!(row.delegate_names, "张建华、李丽华、赵海");
    assert_eq!(row.person_phone_masked, "139****4321");
    assert_eq!(items::item_count(&f.store).unwrap(), 4);
}

#[test]
fn the_form_is_checked_field_by_field() {
    let mut f = fixture();
    let today = d("2026-01-05");
    let mut bad = input(&f.delegate, "2026-01-06", "", "内容");
    bad.person_phone = "12345".into();
    let r = items::create_item_on(&mut f.store, &officer(), &bad, today);
    let got = fields(r);
    for want in ["title", "person_phone", "received_on"] {
        assert!(got.contains(&want.to_string()), "{want} in {got:?}");
    }
    let mut unknown = input("no-such-delegate", "2026-01-05", "标题", "内容");
    unknown.delegate_ids.push("x".into());
    assert_eq!(
        fields(items::create_item_on(
            &mut f.store,
            &officer(),
            &unknown,
            today
        )),
        vec!["delegate_ids"]
    );
    let mut six = input(&f.delegate, "2026-01-05", "标题", "内容");
    six.delegate_ids = (0..6).map(|i| format!("d{i}")).collect();
    assert_eq!(
        fields(items::create_item_on(&mut f.store, &officer(), &six, today)),
        vec!["delegate_ids"]
    );
    // A delegate who left cannot take a new item.
    roster::mark_delegate_left(
        &mut f.store,
        &officer(),
        &f.other_delegate,
        Some("2025-12-31"),
    )
    .unwrap();
    let left = input(&f.other_delegate, "2026-01-05", "标题", "内容");
    match items::create_item_on(&mut f.store, &officer(), &left, today) {
        Err(Error::Validation(v)) => {
            assert_eq!(v[0].field, "delegate_ids");
            assert!(v[0].message.contains("离任"), "{}", v[0].message);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(items::item_count(&f.store).unwrap(), 0);
}

// ---- the status flow ----------------------------------------------------------------------------

#[test]
fn an_item_goes_from_received_to_closed() {
    let mut f = fixture();
    let it = make(&mut f, "2025-09-01");
    let id = it.id.clone();
    let today = "2025-09-20";
    let a = act(&mut f, &id, refer("2025-09-10", "2025-09-02"), today).unwrap();
    assert_eq!(a.status, ItemStatus::Assigned);
    assert_eq!(a.referral.as_ref().unwrap().unit, "后勤管理处");
    // A second referral replaces the first; the timeline keeps both.
    let mut re = refer("2025-09-12", "2025-09-03");
    if let ItemAction::Refer { unit, .. } = &mut re {
        *unit = "学生工作处".into();
    }
    let a = act(&mut f, &id, re, today).unwrap();
    assert_eq!(a.referral.as_ref().unwrap().unit, "学生工作处");
    let a = act(
        &mut f,
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
        act(&mut f, &id, start("2025-09-04"), today).unwrap().status,
        ItemStatus::InProgress
    );
    let a = act(&mut f, &id, answer("2025-09-05"), today).unwrap();
    assert_eq!(a.status, ItemStatus::Answered);
    assert_eq!(a.deadline, ItemDeadlineState::Met);
    let a = act(&mut f, &id, feedback("2025-09-06"), today).unwrap();
    assert_eq!(a.status, ItemStatus::FedBack);
    let a = act(
        &mut f,
        &id,
        follow_up(Satisfaction::Basic, "2025-09-08"),
        today,
    )
    .unwrap();
    assert_eq!(a.status, ItemStatus::Closed);
    assert_eq!(a.closed_on.as_deref(), Some("2025-09-08"));
    assert_eq!(a.satisfaction, Some(Satisfaction::Basic));
    // A note (a correction) on a closed item.
    let a = act(&mut f, &id, note("更正：反映人为2023级学生"), today).unwrap();
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
    let log = studio_core::audit::recent(&f.store, &admin(), 100).unwrap();
    assert_eq!(
        log.iter()
            .filter(|r| r.entity == "item" && r.row_id == id)
            .count(),
        9
    );
    // Nothing more but notes once closed.
    let m = invalid(act(&mut f, &id, answer(""), today));
    assert!(m.contains("办结") && m.contains("答复"), "{m}");
}

#[test]
fn refused_steps_name_the_step_and_the_status() {
    let mut f = fixture();
    let today = "2025-09-20";
    let it = make(&mut f, "2025-09-01");
    let id = it.id.clone();
    // 件件有答复: no feedback, no follow-up without an answer.
    let m = invalid(act(&mut f, &id, feedback(""), today));
    assert_eq!(m, "当前状态为「受理」，不能进行「反馈」，请先「答复」");
    let m = invalid(act(
        &mut f,
        &id,
        follow_up(Satisfaction::Satisfied, ""),
        today,
    ));
    assert!(m.contains("回访") && m.contains("受理"), "{m}");
    let m = invalid(act(
        &mut f,
        &id,
        ItemAction::ReferralAnswer {
            answer: "x".into(),
            on: s(),
        },
        today,
    ));
    assert!(m.contains("承办单位答复") && m.contains("尚未交办"), "{m}");
    let m = invalid(act(&mut f, &id, resume(""), today));
    assert!(m.contains("恢复办理"), "{m}");

    act(&mut f, &id, answer("2025-09-05"), today).unwrap();
    // Answered but not fed back: still cannot close.
    let m = invalid(act(
        &mut f,
        &id,
        follow_up(Satisfaction::Satisfied, ""),
        today,
    ));
    assert_eq!(m, "当前状态为「已答复」，不能进行「回访」，请先「反馈」");
    let m = invalid(act(&mut f, &id, refer("2025-09-30", ""), today));
    assert_eq!(m, "当前状态为「已答复」，不能进行「交办」");
    for (a, step) in [
        (start(""), "开始办理"),
        (answer(""), "答复"),
        (pause(""), "待补充"),
        (extend(2, "x"), "延期"),
    ] {
        let m = invalid(act(&mut f, &id, a, today));
        assert!(m.contains(step) && m.contains("已答复"), "{m}");
    }
    let m = invalid(items::act_on(
        &mut f.store,
        &admin(),
        &id,
        &decline("重复"),
        d(today),
    ));
    assert!(m.contains("不予受理") && m.contains("已答复"), "{m}");

    // Started items cannot be declined; declining needs a reason.
    let other = make(&mut f, "2025-09-01");
    act(&mut f, &other.id, start(""), today).unwrap();
    let m = invalid(items::act_on(
        &mut f.store,
        &admin(),
        &other.id,
        &decline("不属于受理范围"),
        d(today),
    ));
    assert!(m.contains("办理中"), "{m}");
    let third = make(&mut f, "2025-09-01");
    let r = items::act_on(&mut f.store, &admin(), &third.id, &decline("  "), d(today));
    assert_eq!(fields(r), vec!["reason"]);
    let declined = items::act_on(
        &mut f.store,
        &admin(),
        &third.id,
        &decline("不属于受理范围"),
        d(today),
    )
    .unwrap();
    assert_eq!(declined.status, ItemStatus::Declined);
    assert_eq!(declined.deadline, ItemDeadlineState::None);
    let m = invalid(items::act_on(
        &mut f.store,
        &admin(),
        &third.id,
        &chase(),
        d(today),
    ));
    assert!(m.contains("催办") && m.contains("不予受理"), "{m}");

    // Escalating twice is refused.
    items::act_on(&mut f.store, &admin(), &other.id, &escalate(), d(today)).unwrap();
    let m = invalid(items::act_on(
        &mut f.store,
        &admin(),
        &other.id,
        &escalate(),
        d(today),
    ));
    assert!(m.contains("上报组织部") && m.contains("办理中"), "{m}");

    // Step dates: strict, not in the future, not before the receipt.
    assert_eq!(
        fields(act(&mut f, &other.id, answer("2025-9-5"), today)),
        vec!["on"]
    );
    assert_eq!(
        fields(act(&mut f, &other.id, answer("2025-09-21"), today)),
        vec!["on"]
    );
    assert_eq!(
        fields(act(&mut f, &other.id, answer("2025-08-31"), today)),
        vec!["on"]
    );
    assert_eq!(
        fields(act(
            &mut f,
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
        fields(act(
            &mut f,
            &other.id,
            refer("2025-09-10", "2025-09-10"),
            today
        )),
        vec!["due_on"]
    );
}

#[test]
fn a_paused_item_must_be_resumed_first() {
    let mut f = fixture();
    let today = "2025-09-20";
    let it = make(&mut f, "2025-09-01");
    let id = it.id.clone();
    let p = act(&mut f, &id, pause("2025-09-02"), today).unwrap();
    assert_eq!(p.paused_since.as_deref(), Some("2025-09-02"));
    assert_eq!(p.deadline, ItemDeadlineState::Paused);
    assert_eq!(p.days_left, None);
    for (a, step) in [
        (refer("2025-09-30", ""), "交办"),
        (start(""), "开始办理"),
        (answer(""), "答复"),
    ] {
        let m = invalid(act(&mut f, &id, a, today));
        assert_eq!(
            m,
            format!("当前状态为「受理（待补充）」，不能进行「{step}」，请先「恢复办理」")
        );
    }
    let m = invalid(items::act_on(
        &mut f.store,
        &admin(),
        &id,
        &extend(3, "协调"),
        d(today),
    ));
    assert!(m.contains("恢复办理"), "{m}");
    let m = invalid(act(&mut f, &id, pause(""), today));
    assert!(m.contains("待补充"), "{m}");
    // Chasing and notes are fine while paused.
    items::act_on(&mut f.store, &admin(), &id, &chase(), d(today)).unwrap();
    // The resume may not come before the pause.
    assert_eq!(
        fields(act(&mut f, &id, resume("2025-09-01"), today)),
        vec!["on"]
    );
    let r = act(&mut f, &id, resume("2025-09-03"), today).unwrap();
    assert_eq!(r.paused_since, None);
    assert_eq!(r.paused_days, 1);
    act(&mut f, &id, answer("2025-09-04"), today).unwrap();
}

#[test]
fn dissatisfied_reopens_with_a_new_deadline() {
    let mut f = fixture();
    let today = "2025-10-31";
    let it = make(&mut f, "2025-09-01");
    let id = it.id.clone();
    act(&mut f, &id, answer("2025-09-03"), today).unwrap();
    act(&mut f, &id, feedback("2025-09-04"), today).unwrap();
    let r = act(
        &mut f,
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
    let detail = items::get_item_at(&f.store, &officer(), &id, d(today)).unwrap();
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
        fields(act(&mut f, &id, answer("2025-09-10"), today)),
        vec!["on"]
    );
    act(&mut f, &id, answer("2025-09-19"), today).unwrap();
    act(&mut f, &id, feedback("2025-09-19"), today).unwrap();
    let c = act(
        &mut f,
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
    let mut f = fixture();
    // Fri 2025-09-26, 政策咨询 5 working days: Sun 28 (make-up), Mon 29, Tue 30, [Oct 1–8 off],
    // Thu Oct 9, Fri Oct 10.
    let it = make(&mut f, "2025-09-26");
    assert_eq!(it.due_on.as_deref(), Some("2025-10-10"));
    let id = it.id.clone();
    act(&mut f, &id, pause("2025-09-29"), "2025-09-29").unwrap();
    // Paused: never overdue, however late it is.
    let later = d("2025-12-01");
    let got = items::get_item_at(&f.store, &officer(), &id, later)
        .unwrap()
        .item;
    assert_eq!(got.deadline, ItemDeadlineState::Paused);
    let overdue = ItemQuery {
        view: Some(ItemView::Overdue),
        ..Default::default()
    };
    assert_eq!(
        items::list_items_at(&f.store, &overdue, later)
            .unwrap()
            .total,
        0
    );
    assert_eq!(items::item_counts(&f.store, later).unwrap().overdue, 0);
    // Resumed Thu Oct 9: the clock stood still on Tue Sep 30 and Thu Oct 9 (Oct 1–8 are off):
    // 2 working days, so due Sat Oct 11 (make-up) → Mon Oct 13.
    let r = act(&mut f, &id, resume("2025-10-09"), "2025-10-09").unwrap();
    assert_eq!(r.paused_days, 2);
    assert_eq!(r.due_on.as_deref(), Some("2025-10-13"));
    assert_eq!(r.deadline, ItemDeadlineState::DueSoon);
    assert_eq!(r.days_left, Some(3), "Fri 10, Sat 11, Mon 13");
    let ev = items::get_item_at(&f.store, &officer(), &id, d("2025-10-09"))
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
    let mut f = fixture();
    let it = make(&mut f, "2025-09-26"); // due 2025-10-10
    let id = it.id.clone();
    let today = d("2025-10-09");
    // A delegate handles items but does not supervise.
    for a in [extend(3, "需协调"), chase(), escalate(), decline("x")] {
        match items::act_on(&mut f.store, &delegate_actor(), &id, &a, today) {
            Err(Error::Forbidden(_)) => {}
            other => panic!("{a:?}: {other:?}"),
        }
    }
    for bad in [0, 61] {
        let r = items::act_on(&mut f.store, &admin(), &id, &extend(bad, "x"), today);
        assert_eq!(fields(r), vec!["days"]);
    }
    let r = items::act_on(&mut f.store, &admin(), &id, &extend(3, " "), today);
    assert_eq!(fields(r), vec!["reason"]);
    let e = items::act_on(&mut f.store, &admin(), &id, &extend(3, "涉及多部门"), today).unwrap();
    // Oct 10 + 3: Sat 11 (make-up), Mon 13, Tue 14.
    assert_eq!(e.extension_days, 3);
    assert_eq!(e.due_on.as_deref(), Some("2025-10-14"));
    let ev = items::get_item_at(&f.store, &officer(), &id, today)
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
    let a = items::act_on(&mut f.store, &delegate_actor(), &id, &answer(""), today).unwrap();
    assert_eq!(a.status, ItemStatus::Answered);
}

#[test]
fn supervision_views_and_counts_as_of_a_fixed_day() {
    let mut f = fixture();
    let today = d("2025-03-20"); // Thursday
    let t = "2025-03-20";
    let mk = |f: &mut Fixture, received: &str, cat: ItemCategory, title: &str| {
        let mut i = input(&f.delegate, received, title, "内容");
        i.category = Some(cat);
        items::create_item_on(&mut f.store, &officer(), &i, today).unwrap()
    };
    // Mon Mar 3 + 5 → Mon Mar 10: overdue.
    let overdue = mk(&mut f, "2025-03-03", ItemCategory::PolicyInquiry, "逾期");
    // Mon Mar 17 + 5 → Mon Mar 24: two working days left (Fri 21, Mon 24).
    let soon = mk(&mut f, "2025-03-17", ItemCategory::PolicyInquiry, "将到期");
    let on_track = mk(&mut f, "2025-03-19", ItemCategory::Implementation, "正常");
    let long = mk(
        &mut f,
        "2025-03-03",
        ItemCategory::PolicyInquiry,
        "长期待补充",
    );
    act(&mut f, &long.id, pause("2025-03-04"), t).unwrap();
    let short = mk(&mut f, "2025-03-18", ItemCategory::PolicyInquiry, "待补充");
    act(&mut f, &short.id, pause("2025-03-19"), t).unwrap();
    let closed = mk(&mut f, "2025-03-03", ItemCategory::PolicyInquiry, "已办结");
    act(&mut f, &closed.id, answer("2025-03-11"), t).unwrap();
    act(&mut f, &closed.id, feedback("2025-03-11"), t).unwrap();
    act(
        &mut f,
        &closed.id,
        follow_up(Satisfaction::Satisfied, "2025-03-12"),
        t,
    )
    .unwrap();
    let older = mk(&mut f, "2025-02-10", ItemCategory::PolicyInquiry, "上月");
    act(&mut f, &older.id, answer("2025-02-11"), t).unwrap();
    items::act_on(&mut f.store, &admin(), &overdue.id, &escalate(), today).unwrap();

    let view = |f: &Fixture, v: ItemView| -> Vec<String> {
        let q = ItemQuery {
            view: Some(v),
            sort: ItemSort::DueAsc,
            ..Default::default()
        };
        let p = items::list_items_at(&f.store, &q, today).unwrap();
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

    let page = items::list_items_at(&f.store, &ItemQuery::default(), today).unwrap();
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

    let c = items::item_counts(&f.store, today).unwrap();
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
    assert_eq!(items::list_items_at(&f.store, &q, today).unwrap().total, 1);
    // A longer long-pause threshold (设置) empties the view.
    let mut limits = items::deadlines(&f.store).unwrap();
    limits.long_pause_days = 20;
    items::save_deadlines(&mut f.store, &admin(), &limits).unwrap();
    assert!(view(&f, ItemView::LongPaused).is_empty());
    let _ = soon;
}

#[test]
fn deadline_settings_apply_to_new_items_and_calendar_changes_move_due_dates() {
    let mut f = fixture();
    let before = make(&mut f, "2025-03-10"); // Mon + 5 → Mon Mar 17
    assert_eq!(before.due_on.as_deref(), Some("2025-03-17"));
    let mut limits = items::deadlines(&f.store).unwrap();
    assert_eq!(limits, ItemDeadlines::default());
    limits.policy_inquiry = 7;
    match items::save_deadlines(&mut f.store, &officer(), &limits) {
        Err(Error::Forbidden(_)) => {}
        other => panic!("{other:?}"),
    }
    let mut bad = limits;
    bad.rights = 0;
    bad.long_pause_days = 61;
    match items::save_deadlines(&mut f.store, &admin(), &bad) {
        Err(Error::Validation(v)) => {
            let names: Vec<_> = v.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(names, vec!["rights", "long_pause_days"]);
        }
        other => panic!("{other:?}"),
    }
    items::save_deadlines(&mut f.store, &admin(), &limits).unwrap();
    assert_eq!(items::deadlines(&f.store).unwrap().policy_inquiry, 7);
    let after = make(&mut f, "2025-03-10");
    assert_eq!(after.limit_days, 7);
    assert_eq!(after.due_on.as_deref(), Some("2025-03-19"));
    let kept = items::get_item_at(&f.store, &officer(), &before.id, d("2025-03-10")).unwrap();
    assert_eq!(kept.item.limit_days, 5);

    // The university closes on Wed Mar 12: both due dates move by a day.
    calendar::set_override(
        &mut f.store,
        &admin(),
        "2025-03-12",
        OverrideKind::Holiday,
        "校庆",
    )
    .unwrap();
    let moved = items::get_item_at(&f.store, &officer(), &before.id, d("2025-03-10")).unwrap();
    assert_eq!(moved.item.due_on.as_deref(), Some("2025-03-18"));
    calendar::remove_override(&mut f.store, &admin(), "2025-03-12").unwrap();
    let back = items::get_item_at(&f.store, &officer(), &before.id, d("2025-03-10")).unwrap();
    assert_eq!(back.item.due_on.as_deref(), Some("2025-03-17"));
    assert_eq!(items::recompute_item_due_dates(&mut f.store).unwrap(), 0);
}

// ---- the timeline -------------------------------------------------------------------------------

#[test]
fn the_timeline_cannot_be_changed_or_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("studio.db");
    let mut s = Store::open(&path).unwrap();
    let g = roster::create_delegation(
        &mut s,
        &officer(),
        &DelegationInput {
            name: "理工代表团".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let del = roster::create_delegate(
        &mut s,
        &officer(),
        &DelegateInput {
            name: "张建华".into(),
            delegation_id: g.id,
            unit: "计算机工程学院".into(),
            mobile: "13812345678".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let it = items::create_item_on(
        &mut s,
        &officer(),
        &input(&del.id, "2025-09-01", "标题", "内容"),
        d("2025-09-01"),
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
    items::list_items_at(&f.store, &q, d("2026-01-31"))
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
    let mut f = fixture();
    let today = d("2026-01-31");
    let mut mk = |received: &str, title: &str, content: &str, who: &str| {
        let mut i = input(&f.delegate, received, title, content);
        i.delegate_ids = vec![who.to_string()];
        items::create_item_on(&mut f.store, &officer(), &i, today).unwrap()
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
    items::act_on(
        &mut f.store,
        &officer(),
        &b.id,
        &ItemAction::Answer {
            answer: "已延长自习室开放时间，并协调宿舍区空教室。".into(),
            on: "2026-01-08".into(),
        },
        today,
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
        assert_eq!(items::list_items_at(&f.store, &q, today).unwrap().total, n);
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
    items::update_item_on(&mut f.store, &officer(), &c.id, &i, today).unwrap();
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
    items::act_on(
        &mut f.store,
        &officer(),
        &a.id,
        &refer("2026-02-10", "2026-01-10"),
        today,
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
    let p = items::list_items_at(
        &f.store,
        &ItemQuery {
            page: studio_core::PageRequest {
                page: 1,
                page_size: 2,
            },
            ..Default::default()
        },
        today,
    )
    .unwrap();
    assert_eq!(p.total, 3);
    assert_eq!(p.items[0].title, "无线网络信号差");
    match items::list_items_at(
        &f.store,
        &ItemQuery {
            from: Some("2026-1-1".into()),
            ..Default::default()
        },
        today,
    ) {
        Err(Error::Validation(v)) => assert_eq!(v[0].field, "from"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn similar_items_put_the_related_earlier_item_first() {
    let mut f = fixture();
    let today = d("2026-01-31");
    let mut mk = |received: &str, title: &str, content: &str| {
        let i = input(&f.delegate, received, title, content);
        items::create_item_on(&mut f.store, &officer(), &i, today).unwrap()
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
        "北区食堂晚餐价格也偏高，希望增加平价窗口",
        None,
        5,
    )
    .unwrap();
    assert_eq!(got[0].id, canteen.id);
    assert_eq!(got[0].no, "2026-0001");
    assert!(got[0].excerpt.starts_with("南区食堂晚餐价格偏高"));
    assert!(got.iter().all(|s| s.title != "图书馆空调温度过低"));
    let got =
        items::similar_items(&f.store, "北区食堂晚餐价格也偏高", Some(&canteen.id), 5).unwrap();
    assert!(got.iter().all(|s| s.id != canteen.id));
    assert!(items::similar_items(&f.store, "食堂", None, 5)
        .unwrap()
        .is_empty());
    assert!(items::similar_items(&f.store, "", None, 5)
        .unwrap()
        .is_empty());
}

// ---- cards ------------------------------------------------------------------------------------

fn card(f: &mut Fixture, opinion: &str) -> String {
    cards::create_card(
        &mut f.store,
        &officer(),
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
    let mut f = fixture();
    let today = d("2025-10-20");
    let card_id = card(&mut f, "反映南区食堂晚餐供应时间短，希望延长营业时间。");
    let it = items::create_from_card_on(
        &mut f.store,
        &officer(),
        &card_id,
        ItemCategory::Hardship,
        "食堂晚餐时间短",
        today,
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
    match items::create_from_card_on(
        &mut f.store,
        &officer(),
        &card_id,
        ItemCategory::Hardship,
        "",
        today,
    ) {
        Err(Error::Conflict(m)) => assert!(m.contains(&it.no), "{m}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        items::item_for_card(&f.store, &card_id)
            .unwrap()
            .unwrap()
            .id,
        it.id
    );
    match items::create_from_card_on(
        &mut f.store,
        &officer(),
        "no-such-card",
        ItemCategory::Hardship,
        "",
        today,
    ) {
        Err(Error::NotFound(_)) => {}
        other => panic!("{other:?}"),
    }

    // Fed back on Tue Sep 30 while the card is a draft: file it by Sat Oct 11 (make-up day).
    act(&mut f, &it.id, answer("2025-09-30"), "2025-10-20").unwrap();
    let fb = act(&mut f, &it.id, feedback("2025-09-30"), "2025-10-20").unwrap();
    assert_eq!(fb.card_filing_due_on.as_deref(), Some("2025-10-11"));
    let detail = items::get_item_at(&f.store, &officer(), &it.id, today).unwrap();
    assert_eq!(detail.card_status, Some(CardStatus::Draft));
    cards::submit_card(&mut f.store, &officer(), &card_id, Some("2025-10-10")).unwrap();
    let detail = items::get_item_at(&f.store, &officer(), &it.id, today).unwrap();
    assert_eq!(detail.card_status, Some(CardStatus::Submitted));
    assert_eq!(detail.item.card_filing_due_on, None);

    // An item without a card shows the deadline after feedback; linking a card records it.
    let plain = make(&mut f, "2025-09-29");
    act(&mut f, &plain.id, answer("2025-09-30"), "2025-10-20").unwrap();
    let fb = act(&mut f, &plain.id, feedback("2025-09-30"), "2025-10-20").unwrap();
    assert_eq!(fb.card_filing_due_on.as_deref(), Some("2025-10-11"));
    match items::link_card(&mut f.store, &officer(), &plain.id, &card_id) {
        Err(Error::Conflict(m)) => assert!(m.contains(&it.no), "{m}"),
        other => panic!("{other:?}"),
    }
    let second = card(&mut f, "宿舍热水供应时间短。");
    let linked = items::link_card(&mut f.store, &officer(), &plain.id, &second).unwrap();
    assert_eq!(linked.card_id.as_deref(), Some(second.as_str()));
    assert_eq!(linked.card_filing_due_on.as_deref(), Some("2025-10-11"));
    assert_eq!(
        *kinds(&f, &plain.id).last().unwrap(),
        ItemEventKind::CardLinked
    );
}

// ---- editing and permissions --------------------------------------------------------------------

#[test]
fn edits_are_listed_on_the_timeline_and_new_delegates_notified() {
    let mut f = fixture();
    let today = d("2025-09-10");
    let it = make(&mut f, "2025-09-01");
    let mut i = input(
        &f.delegate,
        "2025-09-01",
        "南区食堂晚餐价格偏高（更正）",
        "反映南区食堂晚餐价格偏高。",
    );
    i.delegate_ids.push(f.other_delegate.clone());
    i.category = Some(ItemCategory::Implementation);
    let e = items::update_item_on(&mut f.store, &officer(), &it.id, &i, today).unwrap();
    assert_eq!(e.limit_days, 15);
    assert_eq!(e.version, 2);
    assert_eq!(e.first_responder, "王联络");
    let tl = items::get_item_at(&f.store, &officer(), &it.id, today)
        .unwrap()
        .timeline;
    let edited = tl.iter().find(|e| e.kind == ItemEventKind::Edited).unwrap();
    assert_eq!(edited.text, "修改了：问题类别、标题、承办党代表");
    assert_eq!(tl.last().unwrap().text, "已通知人文社科代表团团长 李丽华");
    // The same form again changes nothing and records nothing.
    let same = items::update_item_on(&mut f.store, &officer(), &it.id, &i, today).unwrap();
    assert_eq!(same.version, 2);
    // A closed item is not edited.
    act(&mut f, &it.id, answer("2025-09-02"), "2025-09-10").unwrap();
    act(&mut f, &it.id, feedback("2025-09-02"), "2025-09-10").unwrap();
    act(
        &mut f,
        &it.id,
        follow_up(Satisfaction::Satisfied, "2025-09-03"),
        "2025-09-10",
    )
    .unwrap();
    let m = invalid(items::update_item_on(
        &mut f.store,
        &officer(),
        &it.id,
        &i,
        today,
    ));
    assert!(m.contains("办结") && m.contains("修改"), "{m}");
}

#[test]
fn visitors_are_refused() {
    let mut f = fixture();
    let visitor = Actor::new("访客", Role::Visitor);
    let today = d("2025-09-01");
    let i = input(&f.delegate, "2025-09-01", "标题", "内容");
    match items::create_item_on(&mut f.store, &visitor, &i, today) {
        Err(Error::Forbidden(_)) => {}
        other => panic!("{other:?}"),
    }
    let it = make(&mut f, "2025-09-01");
    assert!(matches!(
        items::get_item_at(&f.store, &visitor, &it.id, today),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        items::act_on(&mut f.store, &visitor, &it.id, &note("x"), today),
        Err(Error::Forbidden(_))
    ));
    assert!(matches!(
        items::items_for_export(&f.store, &visitor, None, None),
        Err(Error::Forbidden(_))
    ));
    let all = items::items_for_export(&f.store, &admin(), Some("2025-09-01"), Some("2025-09-01"))
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].delegates.len(), 1);
    assert!(
        items::items_for_export(&f.store, &admin(), Some("2025-09-02"), None)
            .unwrap()
            .is_empty()
    );
    let _ = WorkCalendar::official();
}
