//! Appointments (约见) as the desk, a delegation head and a delegate handle them: through the core's
//! public functions only.

use chrono::NaiveDate;
use studio_core::appointments::{
    self, Appointment, AppointmentDirection, AppointmentInput, AppointmentQuery, AppointmentSource,
    AppointmentStatus,
};
use studio_core::cards::{self, CardStatus, Channel};
use studio_core::export::{self, ExportFormat};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender};
use studio_core::schedule::{self, Place, SlotInput};
use studio_core::storage::audit as log;
use studio_core::{Actor, Ctx, Error, Role, Store};

const TODAY: &str = "2026-10-20";

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

/// 理工代表团: 张建华 (`zhang`, its head) and 王芳 (`wang`); 人文社科代表团: 李丽华 (`li`) and
/// 赵刚 (`zhao`, who left on 2026-09-30). 张建华 is on duty on Tuesday 2026-10-13 14:30–17:00.
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
                gender: Gender::Female,
                delegation_id: g.into(),
                unit: "外国语学院".into(),
                position: "教授".into(),
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
    schedule::create_slot(
        &store,
        &a,
        &SlotInput {
            date: "2026-10-13".into(),
            start: "14:30".into(),
            end: "17:00".into(),
            place: Some(Place::Studio),
            delegate_ids: vec![zhang.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    World {
        store,
        g1,
        zhang,
        wang,
        li,
        zhao,
    }
}

fn input(delegate: &str, date: &str, start: &str, end: &str) -> AppointmentInput {
    AppointmentInput {
        person_name: "赵小明".into(),
        person_phone: "139 8765 4321".into(),
        person_consent: Some(true),
        delegate_id: delegate.into(),
        date: date.into(),
        start: start.into(),
        end: end.into(),
        topic: "反映南区食堂晚餐供应时间短，希望当面沟通。".into(),
        direction: Some(AppointmentDirection::Request),
        ..Default::default()
    }
}

fn changes(w: &World) -> Vec<studio_core::audit::ChangeRecord> {
    log::all(&w.store.reader().unwrap()).unwrap()
}

fn accesses(w: &World) -> Vec<(String, String, String, String)> {
    log::access_entries(&w.store.reader().unwrap()).unwrap()
}

fn head(w: &World) -> Ctx {
    Ctx::new(
        Actor::new("张建华", Role::Head).as_delegate(&w.zhang, &w.g1),
        d(TODAY),
    )
}

fn delegate(w: &World) -> Ctx {
    Ctx::new(
        Actor::new("王芳", Role::Delegate).as_delegate(&w.wang, &w.g1),
        d(TODAY),
    )
}

fn field_error<T: std::fmt::Debug>(r: studio_core::Result<T>) -> (String, String) {
    match r {
        Err(Error::Validation(f)) => (f[0].field.clone(), f[0].message.clone()),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn make(w: &World, ctx: &Ctx, delegate: &str, date: &str) -> Appointment {
    appointments::create_appointment(&w.store, ctx, &input(delegate, date, "09:00", "10:00"))
        .unwrap()
}

#[test]
fn an_appointment_is_recorded_pending_with_its_phone_masked_in_lists() {
    let w = world();
    let before = changes(&w).len();
    let a = make(&w, &officer(), &w.li, "2026-10-22");
    assert_eq!(a.status, AppointmentStatus::Pending);
    assert_eq!(a.source, AppointmentSource::Staff);
    assert_eq!(a.person_phone, "13987654321");
    assert_eq!(a.place, "党代表工作室");
    assert_eq!(
        (a.delegate_name.as_str(), a.delegation_name.as_str()),
        ("李丽华", "人文社科代表团")
    );
    let log = changes(&w);
    assert_eq!(log.len(), before + 1);
    let last = log.last().unwrap();
    assert_eq!(
        (last.entity.as_str(), last.action.as_str()),
        ("appointment", "create")
    );
    let page = appointments::list_appointments(&w.store, &officer(), &AppointmentQuery::default())
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].person_phone_masked, "139****4321");
    assert_eq!(page.items[0].delegate_name, "李丽华");
    // The full record shows the phone, and opening it is recorded.
    let full = appointments::get_appointment(&w.store, &officer(), &a.id).unwrap();
    assert_eq!(full.person_phone, "13987654321");
    assert_eq!(
        accesses(&w).last(),
        Some(&(
            "王联络".to_string(),
            "appointment".to_string(),
            a.id.clone(),
            "view".to_string()
        ))
    );
    // The history masks it.
    let history = appointments::appointment_history(&w.store, &officer(), &a.id).unwrap();
    assert_eq!(
        history[0].after.as_ref().unwrap()["person_phone"],
        "139****4321"
    );
    // A visitor has no access to appointments.
    let visitor = Ctx::new(Actor::new("访客", Role::Visitor), d(TODAY));
    assert_eq!(
        appointments::list_appointments(&w.store, &visitor, &AppointmentQuery::default())
            .unwrap_err()
            .to_string(),
        "访客（访客）没有权限：办理约见"
    );
}

#[test]
fn an_appointment_cannot_clash_with_the_delegates_duty_slot() {
    let w = world();
    let o = officer();
    let before = changes(&w).len();
    let (field, message) = field_error(appointments::create_appointment(
        &w.store,
        &o,
        &input(&w.zhang, "2026-10-13", "16:00", "17:30"),
    ));
    assert_eq!(field, "start");
    assert_eq!(
        message,
        "张建华 已在 2026-10-13（周二）14:30—17:00 工作室值班，约见时间与之冲突，请另选时间"
    );
    assert_eq!(changes(&w).len(), before);
    // Right after the duty, or another delegate at that time, is fine.
    let a = appointments::create_appointment(
        &w.store,
        &o,
        &input(&w.zhang, "2026-10-13", "17:00", "17:30"),
    )
    .unwrap();
    appointments::create_appointment(
        &w.store,
        &o,
        &input(&w.wang, "2026-10-13", "15:00", "16:00"),
    )
    .unwrap();
    // Moving it into the duty is refused the same way.
    let (_, message) = field_error(appointments::update_appointment(
        &w.store,
        &o,
        &a.id,
        a.version,
        &input(&w.zhang, "2026-10-13", "14:00", "15:00"),
    ));
    assert!(message.contains("14:30—17:00"), "{message}");
    // A duty slot added after the appointment was made: confirming it is refused.
    schedule::create_slot(
        &w.store,
        &o,
        &SlotInput {
            date: "2026-10-13".into(),
            start: "17:00".into(),
            end: "18:00".into(),
            place: Some(Place::Online),
            delegate_ids: vec![w.zhang.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    let (field, message) = field_error(appointments::confirm_appointment(
        &w.store, &o, &a.id, a.version,
    ));
    assert_eq!(field, "start");
    assert!(message.contains("17:00—18:00 网上工作室"), "{message}");
}

#[test]
fn a_delegate_who_has_left_cannot_be_met() {
    let w = world();
    let (field, message) = field_error(appointments::create_appointment(
        &w.store,
        &officer(),
        &input(&w.zhao, "2026-10-22", "09:00", "10:00"),
    ));
    assert_eq!(field, "delegate_id");
    assert_eq!(message, "赵刚 已于 2026-09-30 离任，不能约见");
}

#[test]
fn the_status_flow_and_its_refusals() {
    let w = world();
    let o = officer();
    let a = make(&w, &o, &w.li, "2026-10-19");
    // Completing before confirming is refused, naming the status and the step.
    let e = appointments::complete_appointment(&w.store, &o, &a.id, a.version).unwrap_err();
    assert_eq!(e.code(), "state");
    assert_eq!(
        e.to_string(),
        "当前状态为「待确认」，不能进行「完成」，请先「确认」"
    );
    let a = appointments::confirm_appointment(&w.store, &o, &a.id, a.version).unwrap();
    assert_eq!(a.status, AppointmentStatus::Confirmed);
    assert!(a.confirmed_at.is_some());
    let e = appointments::confirm_appointment(&w.store, &o, &a.id, a.version).unwrap_err();
    assert_eq!(e.to_string(), "当前状态为「已确认」，不能进行「确认」");
    // A cancellation needs its reason.
    let (field, message) = field_error(appointments::cancel_appointment(
        &w.store, &o, &a.id, a.version, "  ",
    ));
    assert_eq!(
        (field.as_str(), message.as_str()),
        ("reason", "请填写取消原因")
    );
    let done = appointments::complete_appointment(&w.store, &o, &a.id, a.version).unwrap();
    assert_eq!(done.appointment.status, AppointmentStatus::Completed);
    let a = done.appointment;
    let e =
        appointments::cancel_appointment(&w.store, &o, &a.id, a.version, "本人有事").unwrap_err();
    assert_eq!(e.to_string(), "当前状态为「已完成」，不能进行「取消」");
    let e = appointments::update_appointment(
        &w.store,
        &o,
        &a.id,
        a.version,
        &AppointmentInput::from(&a),
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "当前状态为「已完成」，不能修改");

    // Cancelled from pending, with the reason kept; then nothing more.
    let b = make(&w, &o, &w.li, "2026-10-23");
    let b =
        appointments::cancel_appointment(&w.store, &o, &b.id, b.version, "本人临时出差").unwrap();
    assert_eq!(b.status, AppointmentStatus::Cancelled);
    assert_eq!(b.cancel_reason, "本人临时出差");
    let e = appointments::confirm_appointment(&w.store, &o, &b.id, b.version).unwrap_err();
    assert_eq!(e.to_string(), "当前状态为「已取消」，不能进行「确认」");

    // Lists by status.
    let of = |status| {
        appointments::list_appointments(
            &w.store,
            &o,
            &AppointmentQuery {
                status: Some(status),
                ..Default::default()
            },
        )
        .unwrap()
        .total
    };
    assert_eq!(of(AppointmentStatus::Completed), 1);
    assert_eq!(of(AppointmentStatus::Cancelled), 1);
    assert_eq!(of(AppointmentStatus::Pending), 0);
}

#[test]
fn completing_makes_the_linked_draft_card_in_the_same_write() {
    let w = world();
    let o = officer();
    let a = make(&w, &o, &w.li, "2026-10-19");
    let a = appointments::confirm_appointment(&w.store, &o, &a.id, a.version).unwrap();
    let before = changes(&w).len();
    let done = appointments::complete_appointment(&w.store, &o, &a.id, a.version).unwrap();
    let card = &done.card;
    assert_eq!(done.appointment.card_id.as_deref(), Some(card.id.as_str()));
    assert!(done.appointment.completed_at.is_some());
    assert_eq!(card.status, CardStatus::Draft);
    assert_eq!(card.channel, Channel::Appointment);
    assert_eq!(card.channel_text(), "约见");
    assert_eq!(card.delegate_id, w.li);
    assert_eq!(card.delegate_name, "李丽华");
    assert_eq!(card.delegation_name, "人文社科代表团");
    assert_eq!(card.contact_date, "2026-10-19");
    assert_eq!(card.person_name, "赵小明");
    assert_eq!(card.person_phone, "13987654321");
    assert_eq!(card.person_consent, Some(true));
    assert_eq!(card.opinion, a.topic);
    let log = changes(&w);
    let actions: Vec<(&str, &str)> = log[before..]
        .iter()
        .map(|c| (c.entity.as_str(), c.action.as_str()))
        .collect();
    assert_eq!(actions, [("card", "create"), ("appointment", "complete")]);
    // The card is a real draft: it opens and is filled on like any other.
    let stored = cards::get_card(&w.store, &o, &card.id).unwrap();
    assert_eq!(stored.id, card.id);

    // A meeting still to come cannot be completed; nothing is written.
    let later = make(&w, &o, &w.li, "2026-10-28");
    let later = appointments::confirm_appointment(&w.store, &o, &later.id, later.version).unwrap();
    let before = changes(&w).len();
    let e = appointments::complete_appointment(&w.store, &o, &later.id, later.version).unwrap_err();
    assert_eq!(
        e.to_string(),
        "约见日期（2026-10-28）还未到，不能标记为已完成"
    );
    assert_eq!(changes(&w).len(), before);
    assert_eq!(cards::card_count(&w.store, &o).unwrap(), 1);
}

#[test]
fn a_stale_version_is_a_conflict() {
    let w = world();
    let a = make(&w, &officer(), &w.li, "2026-10-22");
    let mut moved = AppointmentInput::from(&a);
    moved.start = "10:00".into();
    moved.end = "11:00".into();
    appointments::update_appointment(&w.store, &officer(), &a.id, a.version, &moved).unwrap();
    let mut other = AppointmentInput::from(&a);
    other.place = "行政楼 302 室".into();
    let e = appointments::update_appointment(&w.store, &colleague(), &a.id, a.version, &other)
        .unwrap_err();
    let Error::Stale(info) = &e else {
        panic!("expected a stale save, got {e:?}")
    };
    assert_eq!(info.entity, "appointment");
    assert_eq!(info.changed_by, "王联络");
    let fields: Vec<(&str, &str)> = info
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.label.as_str()))
        .collect();
    assert_eq!(fields, [("end", "结束时间"), ("start", "开始时间")]);
    assert_eq!(e.payload().code, "conflict");
    // Each step from the old version likewise.
    for r in [
        appointments::confirm_appointment(&w.store, &colleague(), &a.id, a.version).map(drop),
        appointments::cancel_appointment(&w.store, &colleague(), &a.id, a.version, "改期")
            .map(drop),
    ] {
        assert_eq!(r.unwrap_err().code(), "conflict");
    }
    let stored = appointments::get_appointment(&w.store, &officer(), &a.id).unwrap();
    assert_eq!(
        (stored.start.as_str(), stored.place.as_str(), stored.version),
        ("10:00", "党代表工作室", 2)
    );
}

#[test]
fn a_head_handles_their_delegations_appointments_only() {
    let w = world();
    let o = officer();
    let mine = make(&w, &o, &w.wang, "2026-10-22");
    let theirs = make(&w, &o, &w.li, "2026-10-22");
    let h = head(&w);
    let page = appointments::list_appointments(&w.store, &h, &AppointmentQuery::default()).unwrap();
    let ids: Vec<&str> = page.items.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, [mine.id.as_str()]);
    let asks_other = AppointmentQuery {
        delegate_id: Some(w.li.clone()),
        ..Default::default()
    };
    assert!(appointments::list_appointments(&w.store, &h, &asks_other)
        .unwrap()
        .items
        .is_empty());
    let before = changes(&w).len();
    let refused = [
        appointments::get_appointment(&w.store, &h, &theirs.id).map(drop),
        appointments::appointment_history(&w.store, &h, &theirs.id).map(drop),
        appointments::confirm_appointment(&w.store, &h, &theirs.id, theirs.version).map(drop),
        appointments::cancel_appointment(&w.store, &h, &theirs.id, theirs.version, "改期")
            .map(drop),
        appointments::update_appointment(
            &w.store,
            &h,
            &theirs.id,
            theirs.version,
            &AppointmentInput::from(&theirs),
        )
        .map(drop),
        appointments::create_appointment(
            &w.store,
            &h,
            &input(&w.li, "2026-10-23", "09:00", "10:00"),
        )
        .map(drop),
        // Nor may one of theirs be handed to another delegation.
        appointments::update_appointment(
            &w.store,
            &h,
            &mine.id,
            mine.version,
            &input(&w.li, "2026-10-22", "09:00", "10:00"),
        )
        .map(drop),
    ];
    for (i, r) in refused.into_iter().enumerate() {
        match r {
            Err(Error::Forbidden(m)) => {
                assert_eq!(
                    m, "张建华（代表团团长）只能查看和办理本代表团的记录",
                    "#{i}"
                )
            }
            other => panic!("#{i}: {other:?}"),
        }
    }
    assert_eq!(changes(&w).len(), before, "nothing was written");
    // Within the delegation: yes.
    let confirmed =
        appointments::confirm_appointment(&w.store, &h, &mine.id, mine.version).unwrap();
    assert_eq!(confirmed.status, AppointmentStatus::Confirmed);
    appointments::create_appointment(
        &w.store,
        &h,
        &input(&w.zhang, "2026-10-23", "09:00", "10:00"),
    )
    .unwrap();
}

#[test]
fn a_delegate_handles_their_own_appointments_only() {
    let w = world();
    let o = officer();
    let mine = make(&w, &o, &w.wang, "2026-10-22");
    let colleagues = make(&w, &o, &w.zhang, "2026-10-22");
    let me = delegate(&w);
    let page =
        appointments::list_appointments(&w.store, &me, &AppointmentQuery::default()).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].id, mine.id);
    assert_eq!(
        appointments::get_appointment(&w.store, &me, &colleagues.id)
            .unwrap_err()
            .to_string(),
        "王芳（党代表）只能查看和办理本人的记录"
    );
    // An invitation of their own.
    let mut invite = input(&w.wang, "2026-10-19", "15:00", "16:00");
    invite.direction = Some(AppointmentDirection::Invitation);
    invite.place = "外国语学院 201 办公室".into();
    let a = appointments::create_appointment(&w.store, &me, &invite).unwrap();
    let a = appointments::confirm_appointment(&w.store, &me, &a.id, a.version).unwrap();
    let done = appointments::complete_appointment(&w.store, &me, &a.id, a.version).unwrap();
    assert_eq!(done.card.delegate_id, w.wang);
    // Exports of personal data are staff's.
    assert_eq!(
        appointments::appointments_for_export(&w.store, &me, None, None)
            .unwrap_err()
            .code(),
        "forbidden"
    );
}

#[test]
fn lists_by_delegate_and_period_page_like_other_lists() {
    let w = world();
    let o = officer();
    for day in [
        "2026-10-05",
        "2026-10-14",
        "2026-10-15",
        "2026-10-16",
        "2026-11-02",
    ] {
        make(&w, &o, &w.li, day);
    }
    make(&w, &o, &w.wang, "2026-10-15");
    let q = AppointmentQuery {
        delegate_id: Some(w.li.clone()),
        from: Some("2026-10-10".into()),
        to: Some("2026-10-31".into()),
        sort: appointments::AppointmentSort::DateAsc,
        page: studio_core::PageRequest {
            page: 1,
            page_size: 2,
        },
        ..Default::default()
    };
    let page = appointments::list_appointments(&w.store, &o, &q).unwrap();
    assert_eq!(page.total, 3);
    let dates: Vec<&str> = page.items.iter().map(|a| a.date.as_str()).collect();
    assert_eq!(dates, ["2026-10-14", "2026-10-15"]);
    let second = appointments::list_appointments(
        &w.store,
        &o,
        &AppointmentQuery {
            page: studio_core::PageRequest {
                page: 2,
                page_size: 2,
            },
            ..q.clone()
        },
    )
    .unwrap();
    assert_eq!(second.items.len(), 1);
    assert_eq!(second.items[0].date, "2026-10-16");
    let (field, _) = field_error(appointments::list_appointments(
        &w.store,
        &o,
        &AppointmentQuery {
            from: Some("2026-10-31".into()),
            to: Some("2026-10-01".into()),
            ..Default::default()
        },
    ));
    assert_eq!(field, "to");
}

#[test]
fn the_export_is_deliberate_recorded_and_may_be_masked() {
    let w = world();
    let o = officer();
    make(&w, &o, &w.li, "2026-10-22");
    make(&w, &o, &w.wang, "2026-11-03");
    let list =
        appointments::appointments_for_export(&w.store, &o, Some("2026-10-01"), Some("2026-10-31"))
            .unwrap();
    assert_eq!(list.len(), 1);
    assert!(accesses(&w).contains(&(
        "王联络".to_string(),
        "appointment".to_string(),
        "2026-10-01..2026-10-31".to_string(),
        "export".to_string()
    )));
    let json: serde_json::Value =
        serde_json::from_slice(&export::export_appointments(&list, ExportFormat::Json).unwrap())
            .unwrap();
    assert_eq!(json[0]["person_phone"], "13987654321");
    assert_eq!(json[0]["status_label"], "待确认");
    assert_eq!(json[0]["delegate_name"], "李丽华");
    let masked = studio_core::export_purpose::mask_appointments(list);
    let csv = String::from_utf8(export::export_appointments(&masked, ExportFormat::Csv).unwrap())
        .unwrap();
    assert!(
        csv.contains("139****4321") && !csv.contains("13987654321"),
        "{csv}"
    );
    // A head may handle appointments but not export personal data.
    assert_eq!(
        appointments::appointments_for_export(&w.store, &head(&w), None, None)
            .unwrap_err()
            .to_string(),
        "张建华（代表团团长）没有权限：导出个人信息"
    );
}
