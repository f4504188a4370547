//! The visitor kiosk (issue 10) as a visitor and the studio's staff use it through the core: a
//! message (有事找代表) becomes a ledger item in 待分派 with a query code, staff route and answer it,
//! and 查询进度 shows the status and then the answer, and nothing else; a request to meet a delegate
//! (约见党代表) becomes a 待确认 appointment with its own code; staff find either by the code; the
//! bounds hold.

use std::collections::HashSet;

use studio_core::appointments::{
    self, AppointmentDirection, AppointmentInput, AppointmentQuery, AppointmentSource,
    AppointmentStatus,
};
use studio_core::audit::{self, Entity};
use studio_core::audit_log::{self, AuditQuery, AuditResult};
use studio_core::cards::{self, CardQuery};
use studio_core::items::{
    self, ItemAction, ItemCategory, ItemEventKind, ItemInput, ItemQuery, ItemSource, ItemStatus,
};
use studio_core::kiosk::{self, AppointmentRequestInput, DayPeriod, MessageInput, QueryKind};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender, PublishFlags};
use studio_core::schedule::{self, Place, SlotInput};
use studio_core::{calendar, settings};
use studio_core::{Actor, Ctx, Error, Permission, Role, Store};

fn admin() -> Ctx {
    Ctx::now(Actor::new("组织部张老师", Role::Admin))
}

fn liaison() -> Ctx {
    Ctx::now(Actor::new("王联络", Role::Liaison))
}

/// The studio PC in kiosk mode: one visitor actor, the unit of the failed-lookup bound.
fn kiosk_pc() -> Ctx {
    Ctx::now(Actor::with_id("kiosk:studio-pc", "自助终端", Role::Visitor))
}

struct World {
    store: Store,
    /// 理工代表团 (shown first), with 张建华 (public) and 王芳 (not consenting).
    g1: String,
    /// 人文社科代表团, with 李丽华 (public) and 赵海 (public, then left).
    g2: String,
    zhang: String,
    wang: String,
    li: String,
    zhao: String,
}

fn world() -> World {
    let store = Store::open_in_memory().unwrap();
    let a = admin();
    let group = |name: &str, order: i64| {
        roster::create_delegation(
            &store,
            &a,
            &DelegationInput {
                name: name.into(),
                display_order: order,
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    // Created in the opposite order of their display order.
    let g2 = group("人文社科代表团", 2);
    let g1 = group("理工代表团", 1);
    let person = |g: &str, name: &str, consent: bool| {
        roster::create_delegate(
            &store,
            &a,
            &DelegateInput {
                name: name.into(),
                gender: Gender::Female,
                delegation_id: g.into(),
                unit: "计算机工程学院".into(),
                position: "教授".into(),
                mobile: "13812345678".into(),
                office_phone: "0536-8785123".into(),
                pledge: "做党员群众的贴心人。".into(),
                term: "第三届".into(),
                publish: PublishFlags::recommended(),
                publish_consent: consent,
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let zhang = person(&g1, "张建华", true);
    let wang = person(&g1, "王芳", false);
    let li = person(&g2, "李丽华", true);
    let zhao = person(&g2, "赵海", true);
    let version = roster::get_delegate(&store, &a, &zhao).unwrap().version;
    roster::mark_delegate_left(&store, &a, &zhao, version, None).unwrap();
    World {
        store,
        g1,
        g2,
        zhang,
        wang,
        li,
        zhao,
    }
}

fn message(phone: &str) -> MessageInput {
    MessageInput {
        name: "赵小明".into(),
        phone: phone.into(),
        category: Some(ItemCategory::Hardship),
        text: "南区宿舍楼热水供应不稳定，晚上十点后经常没有热水，希望尽快维修。".into(),
        delegate_id: None,
        consent: true,
        publish_ok: false,
    }
}

fn unrouted() -> ItemQuery {
    ItemQuery {
        unrouted: true,
        ..Default::default()
    }
}

fn item_count(w: &World) -> u64 {
    items::item_count(&w.store, &admin()).unwrap()
}

fn version_of(w: &World, id: &str) -> i64 {
    items::get_item(&w.store, &admin(), id)
        .unwrap()
        .item
        .version
}

/// The item a receipt names, found by its number in the ledger.
fn item_id_of(w: &World, no: &str) -> String {
    let page = items::list_items(
        &w.store,
        &liaison(),
        &ItemQuery {
            q: no.into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(page.items.len(), 1, "{no}");
    page.items[0].id.clone()
}

/// `K7QM-3XPA`: two groups of four characters of the alphabet.
fn has_code_shape(code: &str) -> bool {
    let (a, b) = code.split_once('-').unwrap_or(("", ""));
    [a, b]
        .iter()
        .all(|g| g.len() == 4 && g.bytes().all(|c| kiosk::CODE_ALPHABET.contains(&c)))
}

/// The fields of a serialised progress that are empty.
fn p_json_nulls(json: &serde_json::Value) -> Vec<String> {
    json.as_object()
        .unwrap()
        .iter()
        .filter(|(_, v)| v.is_null())
        .map(|(k, _)| k.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn failed_lookups(w: &World) -> Vec<audit_log::AuditEntry> {
    audit_log::list(
        &w.store,
        &admin(),
        &AuditQuery {
            area: Some("kiosk".into()),
            ..Default::default()
        },
    )
    .unwrap()
    .items
}

#[test]
fn a_visitors_message_becomes_a_kiosk_item_waiting_in_unrouted() {
    let w = world();
    let s = &w.store;
    // An item the desk entered for a delegate is not waiting for anyone.
    items::create_item(
        s,
        &liaison(),
        &ItemInput {
            category: Some(ItemCategory::PolicyInquiry),
            source: Some(ItemSource::Kiosk),
            title: "图书馆开放时间".into(),
            content: "希望延长图书馆开放时间。".into(),
            delegate_ids: vec![w.zhang.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    let before = item_count(&w);

    let mut m = message("139 8765 4321");
    m.delegate_id = Some(w.li.clone());
    m.publish_ok = true;
    let receipt = kiosk::submit_message(s, &kiosk_pc(), &m, ItemSource::Kiosk).unwrap();
    assert!(
        has_code_shape(&receipt.query_code),
        "{}",
        receipt.query_code
    );
    assert_eq!(receipt.received_on, kiosk_pc().today.to_string());
    assert_eq!(item_count(&w), before + 1);

    // Staff find it in 待分派, from the kiosk, with nobody on it yet.
    let page = items::list_items(s, &liaison(), &unrouted()).unwrap();
    assert_eq!(page.total, 1);
    let row = &page.items[0];
    assert_eq!(row.no, receipt.item_no);
    assert_eq!(row.source, ItemSource::Kiosk);
    assert_eq!(row.delegate_names, "");
    assert_eq!(row.person_phone_masked, "139****4321");
    assert_eq!(items::item_counts(s, &liaison()).unwrap().unrouted, 1);

    let item = items::get_item(s, &liaison(), &row.id).unwrap().item;
    assert_eq!(item.status, ItemStatus::Received);
    assert_eq!(item.category, ItemCategory::Hardship);
    assert_eq!(item.title, "南区宿舍楼热水供应不稳定");
    assert_eq!(item.content, m.text);
    assert_eq!(item.person_name, "赵小明");
    assert_eq!(item.person_phone, "13987654321");
    assert_eq!(item.person_consent, Some(true));
    assert!(item.publish_ok);
    assert_eq!(item.requested_delegate_id.as_deref(), Some(w.li.as_str()));
    assert!(item.delegates.is_empty(), "a wish, not an assignment");
    assert_eq!(item.first_responder, "自助终端");
    assert!(item.due_on.is_some());

    // The code is stored for the item, tied to the phone's last four digits, never in full.
    let code = kiosk::normalize_code(&receipt.query_code).unwrap();
    let row = studio_core::storage::kiosk::get_code(&s.reader().unwrap(), &code)
        .unwrap()
        .unwrap();
    assert_eq!(
        (row.kind, row.target_id.as_str(), row.phone_last4.as_str()),
        (QueryKind::Item, item.id.as_str(), "4321")
    );
    let history = audit::history(s, &admin(), Entity::QueryCode, &code).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "create");
    assert_eq!(history[0].actor, "自助终端");

    // From the online studio (the server's issue) it is the same, with its own source.
    let online =
        kiosk::submit_message(s, &kiosk_pc(), &message("13912345678"), ItemSource::Online).unwrap();
    let id = item_id_of(&w, &online.item_no);
    let item = items::get_item(s, &liaison(), &id).unwrap().item;
    assert_eq!(item.source, ItemSource::Online);
    assert_eq!(item.first_responder, "网上工作室");
    assert!(!item.publish_ok);
    assert_eq!(items::item_counts(s, &liaison()).unwrap().unrouted, 2);
    // Only those two channels.
    assert_eq!(
        kiosk::submit_message(s, &kiosk_pc(), &message("13700001111"), ItemSource::Hotline)
            .unwrap_err()
            .code(),
        "invalid"
    );
}

#[test]
fn without_consent_nothing_is_stored() {
    let w = world();
    let before = item_count(&w);
    let mut m = message("13987654321");
    m.consent = false;
    match kiosk::submit_message(&w.store, &kiosk_pc(), &m, ItemSource::Kiosk) {
        Err(Error::Validation(fields)) => {
            assert_eq!(fields.len(), 1, "{fields:?}");
            assert_eq!(fields[0].field, "consent");
            assert!(fields[0].message.starts_with("请先阅读并同意"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(item_count(&w), before);
    // Nor with the other fields missing: every problem at once.
    let e = kiosk::submit_message(
        &w.store,
        &kiosk_pc(),
        &MessageInput {
            phone: "12345".into(),
            text: "字".repeat(kiosk::MESSAGE_TEXT_MAX + 1),
            ..Default::default()
        },
        ItemSource::Kiosk,
    )
    .unwrap_err();
    let Error::Validation(fields) = e else {
        panic!("{e:?}")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["consent", "name", "phone", "category", "text"]);
    assert_eq!(item_count(&w), before);
}

#[test]
fn a_chosen_delegate_must_be_one_the_kiosk_shows() {
    let w = world();
    let before = item_count(&w);
    for (who, id) in [
        ("not consenting", w.wang.clone()),
        ("left", w.zhao.clone()),
        ("unknown", "no-such-delegate".to_string()),
    ] {
        let mut m = message("13987654321");
        m.delegate_id = Some(id);
        match kiosk::submit_message(&w.store, &kiosk_pc(), &m, ItemSource::Kiosk) {
            Err(Error::Validation(f)) => assert_eq!(f[0].field, "delegate_id", "{who}"),
            other => panic!("{who}: {other:?}"),
        }
    }
    assert_eq!(item_count(&w), before);
}

#[test]
fn a_second_message_from_the_same_phone_within_a_minute_is_refused() {
    let w = world();
    let s = &w.store;
    kiosk::submit_message(s, &kiosk_pc(), &message("139 8765 4321"), ItemSource::Kiosk).unwrap();
    let before = item_count(&w);
    // The same number typed otherwise, and from the online studio: still the same phone.
    for (phone, source) in [
        ("13987654321", ItemSource::Kiosk),
        ("139-8765-4321", ItemSource::Online),
    ] {
        let e = kiosk::submit_message(s, &kiosk_pc(), &message(phone), source).unwrap_err();
        assert_eq!(e.to_string(), "提交过于频繁，请一分钟后再试");
        assert_eq!(e.code(), "invalid");
    }
    assert_eq!(item_count(&w), before);
    // Another phone is not held up; nor is the desk entering an item for the same person, nor is
    // a visitor by the desk's entries.
    kiosk::submit_message(s, &kiosk_pc(), &message("0536-8785000"), ItemSource::Kiosk).unwrap();
    items::create_item(
        s,
        &liaison(),
        &ItemInput {
            category: Some(ItemCategory::Hardship),
            source: Some(ItemSource::Kiosk),
            title: "热水".into(),
            content: "在自助终端旁口头反映热水问题。".into(),
            person_phone: "13700001111".into(),
            ..Default::default()
        },
    )
    .unwrap();
    kiosk::submit_message(s, &kiosk_pc(), &message("13700001111"), ItemSource::Kiosk).unwrap();
    items::create_item(
        s,
        &liaison(),
        &ItemInput {
            category: Some(ItemCategory::Hardship),
            source: Some(ItemSource::Hotline),
            title: "热水".into(),
            content: "又来电反映热水问题。".into(),
            person_phone: "13987654321".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(item_count(&w), before + 4);
}

#[test]
fn two_thousand_codes_are_unique_and_of_the_alphabet() {
    let w = world();
    let s = &w.store;
    let codes: Vec<String> = s
        .write(&admin(), Permission::UseKiosk, |tx| {
            (0..2000)
                .map(|i| kiosk::issue(tx, QueryKind::Appointment, &format!("a{i}"), "13812345678"))
                .collect()
        })
        .unwrap();
    assert_eq!(codes.len(), 2000);
    assert!(codes.iter().all(|c| has_code_shape(c)), "{codes:?}");
    let distinct: HashSet<&String> = codes.iter().collect();
    assert_eq!(distinct.len(), 2000);
    // Every character of the alphabet turns up; none of the look-alikes can.
    let used: HashSet<u8> = codes.iter().flat_map(|c| c.bytes()).collect();
    for &c in kiosk::CODE_ALPHABET.iter() {
        assert!(used.contains(&c), "{}", c as char);
    }
    for c in b"01OIL" {
        assert!(!used.contains(c));
    }
    // Each is stored once, for its own target.
    let conn = s.reader().unwrap();
    for (i, c) in codes.iter().enumerate().step_by(97) {
        let row = studio_core::storage::kiosk::get_code(&conn, &kiosk::normalize_code(c).unwrap())
            .unwrap()
            .unwrap();
        assert_eq!(row.target_id, format!("a{i}"));
    }
}

#[test]
fn codes_are_never_deleted_so_never_reused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("studio.db");
    let store = Store::open(&path).unwrap();
    let code = store
        .write(&admin(), Permission::UseKiosk, |tx| {
            kiosk::issue(tx, QueryKind::Item, "x", "13812345678")
        })
        .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let code = kiosk::normalize_code(&code).unwrap();
    let delete = conn.execute("DELETE FROM query_codes WHERE code = ?1", [&code]);
    assert!(delete.unwrap_err().to_string().contains("查询码不能删除"));
    let update = conn.execute(
        "UPDATE query_codes SET target_id = 'y' WHERE code = ?1",
        [&code],
    );
    assert!(update.unwrap_err().to_string().contains("查询码不能修改"));
}

#[test]
fn routing_moves_a_message_out_of_unrouted_and_is_logged() {
    let w = world();
    let s = &w.store;
    let receipt =
        kiosk::submit_message(s, &kiosk_pc(), &message("13987654321"), ItemSource::Kiosk).unwrap();
    let id = item_id_of(&w, &receipt.item_no);
    let v = version_of(&w, &id);

    // A head or a delegate does not reach an item without delegates; a visitor handles nothing.
    let head = Ctx::now(Actor::new("张建华", Role::Head).as_delegate(&w.zhang, &w.g1));
    let route = |ctx: &Ctx, ids: &[&str]| {
        let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
        items::route_item(s, ctx, &id, v, &ids)
    };
    assert_eq!(route(&head, &[&w.zhang]).unwrap_err().code(), "forbidden");
    assert_eq!(
        route(&kiosk_pc(), &[&w.zhang]).unwrap_err().code(),
        "forbidden"
    );
    // Someone, and someone in office.
    match route(&liaison(), &[]) {
        Err(Error::Validation(f)) => assert_eq!(f[0].message, "请选择承办党代表"),
        other => panic!("{other:?}"),
    }
    match route(&liaison(), &[&w.zhao]) {
        Err(Error::Validation(f)) => assert_eq!(f[0].message, "赵海 已离任，不能承办新的事项"),
        other => panic!("{other:?}"),
    }
    assert_eq!(version_of(&w, &id), v, "nothing written");

    let routed = route(&liaison(), &[&w.zhang, &w.wang]).unwrap();
    assert_eq!(routed.version, v + 1);
    let names: Vec<&str> = routed.delegates.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["张建华", "王芳"]);
    assert_eq!(routed.first_responder, "王联络");
    assert_eq!(routed.status, ItemStatus::Received);

    // Out of 待分派, into the ledger of its delegates.
    assert_eq!(
        items::list_items(s, &liaison(), &unrouted()).unwrap().total,
        0
    );
    assert_eq!(items::item_counts(s, &liaison()).unwrap().unrouted, 0);
    let zhang = Ctx::now(Actor::new("张建华", Role::Delegate).as_delegate(&w.zhang, &w.g1));
    assert_eq!(
        items::list_items(s, &zhang, &ItemQuery::default())
            .unwrap()
            .total,
        1
    );

    // On the timeline, in the change log, in the audit log.
    let detail = items::get_item(s, &liaison(), &id).unwrap();
    let kinds: Vec<ItemEventKind> = detail.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [ItemEventKind::Received, ItemEventKind::Routed]);
    let e = &detail.timeline[1];
    assert_eq!(e.text, "分派给 张建华、王芳");
    assert_eq!(e.actor, "王联络");
    let changes = audit::history(s, &admin(), Entity::Item, &id).unwrap();
    let last = changes.last().unwrap();
    assert_eq!(
        (last.action.as_str(), last.actor.as_str()),
        ("route", "王联络")
    );
    let logged = audit_log::list(
        s,
        &admin(),
        &AuditQuery {
            action: Some("route".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(logged.total, 1);
    assert_eq!(logged.items[0].target, id);

    // Routed once; after that its delegates change as any item's.
    assert_eq!(
        items::route_item(
            s,
            &liaison(),
            &id,
            routed.version,
            std::slice::from_ref(&w.li)
        )
        .unwrap_err()
        .code(),
        "state"
    );
}

#[test]
fn progress_shows_the_status_and_then_the_answer() {
    let w = world();
    let s = &w.store;
    let kiosk = kiosk_pc();
    let receipt =
        kiosk::submit_message(s, &kiosk, &message("139 8765 4321"), ItemSource::Kiosk).unwrap();
    let code = receipt.query_code.clone();

    let p = kiosk::query_progress(s, &kiosk, &code, "4321").unwrap();
    assert_eq!(p.kind, QueryKind::Item);
    assert_eq!(p.status_label, "受理");
    assert_eq!(p.received_on, receipt.received_on);
    assert_eq!((p.answer, p.answered_on), (None, None));

    // Staff route it, the delegate answers it.
    let id = item_id_of(&w, &receipt.item_no);
    let routed = items::route_item(
        s,
        &liaison(),
        &id,
        version_of(&w, &id),
        std::slice::from_ref(&w.zhang),
    )
    .unwrap();
    let started = items::act(
        s,
        &liaison(),
        &id,
        routed.version,
        &ItemAction::Start {
            note: String::new(),
            on: String::new(),
        },
    )
    .unwrap();
    // Any case, with or without the dash, spaces around.
    let typed = format!(" {} ", code.replace('-', "").to_lowercase());
    assert_eq!(
        kiosk::query_progress(s, &kiosk, &typed, "4321")
            .unwrap()
            .status_label,
        "办理中"
    );
    let zhang = Ctx::now(Actor::new("张建华", Role::Delegate).as_delegate(&w.zhang, &w.g1));
    let answer = "已联系后勤管理处，南区热水管道本周内完成检修，晚间供水时间延长至23点。";
    let answered = items::act(
        s,
        &zhang,
        &id,
        started.version,
        &ItemAction::Answer {
            answer: answer.into(),
            on: String::new(),
        },
    )
    .unwrap();
    let p = kiosk::query_progress(s, &kiosk, &code, "4321").unwrap();
    assert_eq!(p.status_label, "已答复");
    assert_eq!(p.answer.as_deref(), Some(answer));
    assert_eq!(p.answered_on, answered.answered_on);
    // Nothing else of the item: the whole answer serialised is these five fields.
    let json = serde_json::to_value(&p).unwrap();
    let mut keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "answer",
            "answered_on",
            "appointment_date",
            "appointment_time",
            "kind",
            "received_on",
            "status_label"
        ]
    );
    assert_eq!(
        p_json_nulls(&json),
        ["appointment_date", "appointment_time"]
    );
    assert!(!json.to_string().contains("赵小明"));
    assert!(!json.to_string().contains("13987654321"));
    // Showing it is not the feedback step: the item still waits for 反馈.
    assert_eq!(
        items::get_item(s, &liaison(), &id).unwrap().item.status,
        ItemStatus::Answered
    );
}

#[test]
fn a_wrong_code_and_wrong_digits_get_the_same_answer_and_are_logged() {
    let w = world();
    let s = &w.store;
    let kiosk = kiosk_pc();
    let receipt =
        kiosk::submit_message(s, &kiosk, &message("13987654321"), ItemSource::Kiosk).unwrap();
    let other_code = if receipt.query_code.starts_with('2') {
        "3333-3333"
    } else {
        "2222-2222"
    };
    let wrong_digits = kiosk::query_progress(s, &kiosk, &receipt.query_code, "1234").unwrap_err();
    let wrong_code = kiosk::query_progress(s, &kiosk, other_code, "4321").unwrap_err();
    let not_a_code = kiosk::query_progress(s, &kiosk, "你好", "4321").unwrap_err();
    for e in [&wrong_digits, &wrong_code, &not_a_code] {
        assert_eq!(e.to_string(), "查询码或手机号后四位不正确");
        assert_eq!(e.code(), "not_found");
    }
    let logged = failed_lookups(&w);
    assert_eq!(logged.len(), 3);
    for e in &logged {
        assert_eq!(
            (e.action.as_str(), e.result, e.actor_id.as_str()),
            ("query_failed", AuditResult::Failed, "kiosk:studio-pc")
        );
    }
    assert_eq!(audit_log::area_label("kiosk"), "自助终端");
    assert_eq!(audit_log::action_label("query_failed"), "查询进度失败");
    // The right pair still works.
    kiosk::query_progress(s, &kiosk, &receipt.query_code, "4321").unwrap();
    assert_eq!(failed_lookups(&w).len(), 3, "a success is not a failure");
}

#[test]
fn the_eleventh_failed_try_in_ten_minutes_is_refused() {
    let w = world();
    let s = &w.store;
    let kiosk = kiosk_pc();
    let receipt =
        kiosk::submit_message(s, &kiosk, &message("13987654321"), ItemSource::Kiosk).unwrap();
    for i in 0..10 {
        let e = kiosk::query_progress(s, &kiosk, &receipt.query_code, "0000").unwrap_err();
        assert_eq!(e.to_string(), "查询码或手机号后四位不正确", "try {}", i + 1);
    }
    let e = kiosk::query_progress(s, &kiosk, &receipt.query_code, "0000").unwrap_err();
    assert_eq!(e.to_string(), "查询过于频繁，请稍后再试");
    // Even the right pair waits now, at this kiosk…
    let e = kiosk::query_progress(s, &kiosk, &receipt.query_code, "4321").unwrap_err();
    assert_eq!(e.to_string(), "查询过于频繁，请稍后再试");
    let logged = failed_lookups(&w);
    let count = |a: &str| logged.iter().filter(|e| e.action == a).count();
    assert_eq!((count("query_failed"), count("query_refused")), (10, 2));
    // …not at another.
    let other = Ctx::now(Actor::with_id("kiosk:library", "自助终端", Role::Visitor));
    assert_eq!(
        kiosk::query_progress(s, &other, &receipt.query_code, "4321")
            .unwrap()
            .status_label,
        "受理"
    );
}

#[test]
fn an_appointment_code_shows_its_status_and_day() {
    let w = world();
    let s = &w.store;
    let day = (kiosk_pc().today + chrono::Duration::days(7)).to_string();
    let a = appointments::create_appointment(
        s,
        &admin(),
        &AppointmentInput {
            person_name: "赵小明".into(),
            person_phone: "0536-8785123-801".into(),
            delegate_id: w.zhang.clone(),
            date: day.clone(),
            start: "09:00".into(),
            end: "10:00".into(),
            topic: "反映实验室安全管理问题".into(),
            ..Default::default()
        },
    )
    .unwrap();
    // As the kiosk's request will: a code for the appointment, in a write.
    let code = s
        .write(&admin(), Permission::UseKiosk, |tx| {
            kiosk::issue(tx, QueryKind::Appointment, &a.id, &a.person_phone)
        })
        .unwrap();
    // The number's own last digits, not the extension's.
    assert!(kiosk::query_progress(s, &kiosk_pc(), &code, "3801").is_err());
    let p = kiosk::query_progress(s, &kiosk_pc(), &code, "5123").unwrap();
    assert_eq!(p.kind, QueryKind::Appointment);
    assert_eq!(p.status_label, "待确认");
    assert_eq!(p.received_on, kiosk_pc().today.to_string());
    assert_eq!(p.appointment_date.as_deref(), Some(day.as_str()));
    assert_eq!(p.appointment_time.as_deref(), Some("09:00–10:00"));
    assert_eq!((p.answer, p.answered_on), (None, None));
    appointments::confirm_appointment(s, &admin(), &a.id, a.version).unwrap();
    assert_eq!(
        kiosk::query_progress(s, &kiosk_pc(), &code, "5123")
            .unwrap()
            .status_label,
        "已确认"
    );
}

#[test]
fn a_visitor_reads_nothing_of_the_records() {
    let w = world();
    let s = &w.store;
    let v = kiosk_pc();
    let receipt = kiosk::submit_message(s, &v, &message("13987654321"), ItemSource::Kiosk).unwrap();
    let id = item_id_of(&w, &receipt.item_no);
    for (what, r) in [
        (
            "list items",
            items::list_items(s, &v, &ItemQuery::default()).map(drop),
        ),
        ("unrouted", items::list_items(s, &v, &unrouted()).map(drop)),
        ("an item", items::get_item(s, &v, &id).map(drop)),
        ("item counts", items::item_counts(s, &v).map(drop)),
        (
            "cards",
            cards::list_cards(s, &v, &CardQuery::default()).map(drop),
        ),
        ("a card", cards::get_card(s, &v, "any").map(drop)),
        (
            "appointments",
            appointments::list_appointments(s, &v, &AppointmentQuery::default()).map(drop),
        ),
        (
            "history",
            audit::history(s, &v, Entity::Item, &id).map(drop),
        ),
        (
            "audit",
            audit_log::list(s, &v, &AuditQuery::default()).map(drop),
        ),
    ] {
        assert!(matches!(r, Err(Error::Forbidden(_))), "{what}: {r:?}");
    }
    // Staff without the kiosk's permission do not use its doors either.
    assert_eq!(
        kiosk::query_progress(s, &liaison(), &receipt.query_code, "4321")
            .unwrap_err()
            .code(),
        "forbidden"
    );
}

#[test]
fn the_kiosk_shows_consenting_delegates_by_delegation_and_the_studio() {
    let w = world();
    let s = &w.store;
    let v = kiosk_pc();
    let groups = kiosk::delegate_profiles(s, &v).unwrap();
    let shown: Vec<(&str, Vec<&str>)> = groups
        .iter()
        .map(|g| {
            (
                g.delegation_name.as_str(),
                g.delegates.iter().map(|d| d.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("理工代表团", vec!["张建华"]),
            ("人文社科代表团", vec!["李丽华"])
        ]
    );
    assert_eq!(groups[0].delegation_id, w.g1);
    assert_eq!(groups[1].delegation_id, w.g2);
    let zhang = &groups[0].delegates[0];
    assert_eq!(zhang.unit.as_deref(), Some("计算机工程学院"));
    assert_eq!(zhang.office_phone.as_deref(), Some("0536-8785123"));
    assert_eq!(zhang.mobile, None, "a private mobile stays private");

    let info = kiosk::kiosk_info(s, &v).unwrap();
    assert_eq!(info.studio_name, "党代表工作室");
    assert_eq!(info.intro, settings::DEFAULT_STUDIO_INTRO);
    assert_eq!(info.idle_seconds, 120);
    assert_eq!(
        info.opening_hours.as_deref(),
        Some(settings::DEFAULT_OPENING_HOURS)
    );

    // The administrator writes the studio's own introduction and idle time.
    let current = settings::load(s).unwrap();
    assert!(!current.kiosk_on_start);
    let bad = settings::Settings {
        kiosk_idle_seconds: 10,
        studio_intro: "字".repeat(settings::STUDIO_INTRO_MAX + 1),
        ..current.clone()
    };
    match settings::save(s, &admin(), &bad) {
        Err(Error::Validation(f)) => {
            let names: Vec<&str> = f.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(names, ["studio_intro", "kiosk_idle_seconds"]);
        }
        other => panic!("{other:?}"),
    }
    settings::save(
        s,
        &admin(),
        &settings::Settings {
            studio_intro: "  学校党代表工作室设在行政楼一楼。  ".into(),
            kiosk_idle_seconds: 300,
            kiosk_on_start: true,
            hotline: "0536-8785000".into(),
            ..current
        },
    )
    .unwrap();
    let info = kiosk::kiosk_info(s, &v).unwrap();
    assert_eq!(
        (
            info.intro.as_str(),
            info.idle_seconds,
            info.hotline.as_str()
        ),
        ("学校党代表工作室设在行政楼一楼。", 300, "0536-8785000")
    );
    assert!(settings::load(s).unwrap().kiosk_on_start);
    let last = audit::history(s, &admin(), Entity::Settings, "studio")
        .unwrap()
        .pop()
        .unwrap();
    let changed = last.after.unwrap();
    for field in ["studio_intro", "kiosk_idle_seconds", "kiosk_on_start"] {
        assert!(changed.get(field).is_some(), "{field} in {changed}");
    }
}

// ---- 约见党代表 ------------------------------------------------------------------------------

/// The first working day at least `after` days from today.
fn working_day(w: &World, after: u64) -> chrono::NaiveDate {
    let cal = calendar::load(&w.store).unwrap();
    let mut d = kiosk_pc().today + chrono::Days::new(after);
    while !cal.is_workday(d) {
        d = d.succ_opt().unwrap();
    }
    d
}

fn request(w: &World, phone: &str, day: chrono::NaiveDate) -> AppointmentRequestInput {
    AppointmentRequestInput {
        name: "赵小明".into(),
        phone: phone.into(),
        delegate_id: w.zhang.clone(),
        date: day.to_string(),
        period: Some(DayPeriod::Morning),
        topic: "想当面反映实验室夜间安全管理的问题".into(),
        consent: true,
    }
}

fn appointment_count(w: &World) -> u64 {
    appointments::list_appointments(&w.store, &admin(), &AppointmentQuery::default())
        .unwrap()
        .total
}

/// The appointment a kiosk code was given for.
fn appointment_of(w: &World, code: &str) -> appointments::Appointment {
    let row = studio_core::storage::kiosk::get_code(
        &w.store.reader().unwrap(),
        &kiosk::normalize_code(code).unwrap(),
    )
    .unwrap()
    .unwrap();
    assert_eq!(row.kind, QueryKind::Appointment);
    appointments::get_appointment(&w.store, &admin(), &row.target_id).unwrap()
}

#[test]
fn a_visitor_asks_to_meet_a_delegate_and_follows_it_with_the_code() {
    let w = world();
    let s = &w.store;
    let day = working_day(&w, 3);
    let receipt = kiosk::request_appointment(
        s,
        &kiosk_pc(),
        &request(&w, "139 8765 4321", day),
        AppointmentSource::Kiosk,
    )
    .unwrap();
    assert!(has_code_shape(&receipt.query_code), "{receipt:?}");
    assert_eq!(
        (
            receipt.delegate_name.as_str(),
            receipt.date.as_str(),
            receipt.period,
            receipt.received_on.as_str()
        ),
        (
            "张建华",
            day.to_string().as_str(),
            DayPeriod::Morning,
            kiosk_pc().today.to_string().as_str()
        )
    );

    // Staff see a 待确认 request from the kiosk, the half-day as its time, the phone masked.
    let page = appointments::list_appointments(
        s,
        &liaison(),
        &AppointmentQuery {
            status: Some(AppointmentStatus::Pending),
            source: Some(AppointmentSource::Kiosk),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(page.total, 1);
    let row = &page.items[0];
    assert_eq!(
        (
            row.person_name.as_str(),
            row.person_phone_masked.as_str(),
            row.delegate_name.as_str(),
            row.start.as_str(),
            row.end.as_str(),
            row.direction,
        ),
        (
            "赵小明",
            "139****4321",
            "张建华",
            "08:00",
            "12:00",
            AppointmentDirection::Request
        )
    );
    let a = appointment_of(&w, &receipt.query_code);
    assert_eq!(a.id, row.id);
    assert_eq!(a.query_code.as_deref(), Some(receipt.query_code.as_str()));
    assert_eq!(a.person_phone, "13987654321");
    assert_eq!(a.person_consent, Some(true));
    assert_eq!(a.topic, "想当面反映实验室夜间安全管理的问题");
    assert_eq!(a.place, "党代表工作室");
    // Written by the kiosk, the code in the same write.
    let history = appointments::appointment_history(s, &admin(), &a.id).unwrap();
    assert_eq!(
        (history[0].action.as_str(), history[0].actor.as_str()),
        ("create", "自助终端")
    );
    let code = kiosk::normalize_code(&receipt.query_code).unwrap();
    let code_history = audit::history(s, &admin(), Entity::QueryCode, &code).unwrap();
    assert_eq!(code_history.len(), 1);

    // 查询进度: the status, the day and the time, nothing else.
    let kiosk = kiosk_pc();
    let p = kiosk::query_progress(s, &kiosk, &receipt.query_code, "4321").unwrap();
    assert_eq!(p.kind, QueryKind::Appointment);
    assert_eq!(p.status_label, "待确认");
    assert_eq!(p.received_on, receipt.received_on);
    assert_eq!(
        p.appointment_date.as_deref(),
        Some(day.to_string().as_str())
    );
    assert_eq!(p.appointment_time.as_deref(), Some("08:00–12:00"));
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(p_json_nulls(&json), ["answer", "answered_on"]);
    for private in ["赵小明", "13987654321", "实验室", "张建华"] {
        assert!(!json.to_string().contains(private), "{private} in {json}");
    }

    // Staff fix the hour and confirm: the kiosk shows 已确认 and the agreed time.
    let input = AppointmentInput {
        start: "09:00".into(),
        end: "10:00".into(),
        ..AppointmentInput::from(&a)
    };
    let a = appointments::update_appointment(s, &liaison(), &a.id, a.version, &input).unwrap();
    assert_eq!(a.source, AppointmentSource::Kiosk, "the source stays");
    let a = appointments::confirm_appointment(s, &liaison(), &a.id, a.version).unwrap();
    let p = kiosk::query_progress(s, &kiosk, &receipt.query_code, "4321").unwrap();
    assert_eq!(
        (p.status_label.as_str(), p.appointment_time.as_deref()),
        ("已确认", Some("09:00–10:00"))
    );
    // On the day it is held: 已完成, and the record card is staff's business, not the kiosk's.
    let that_day = Ctx::new(admin().actor, day);
    let done = appointments::complete_appointment(s, &that_day, &a.id, a.version).unwrap();
    assert!(done.appointment.card_id.is_some());
    let p = kiosk::query_progress(s, &kiosk, &receipt.query_code, "4321").unwrap();
    assert_eq!(p.status_label, "已完成");
    assert_eq!(
        p_json_nulls(&serde_json::to_value(&p).unwrap()),
        ["answer", "answered_on"]
    );

    // A request for the afternoon, from the online studio, cancelled by staff with a reason the
    // kiosk does not show.
    let afternoon = AppointmentRequestInput {
        period: Some(DayPeriod::Afternoon),
        delegate_id: w.li.clone(),
        ..request(&w, "0536-8785123", day)
    };
    let r = kiosk::request_appointment(s, &kiosk, &afternoon, AppointmentSource::Online).unwrap();
    let b = appointment_of(&w, &r.query_code);
    assert_eq!(
        (b.source, b.start.as_str(), b.end.as_str()),
        (AppointmentSource::Online, "14:30", "17:30")
    );
    appointments::cancel_appointment(s, &liaison(), &b.id, b.version, "党代表外出开会").unwrap();
    let p = kiosk::query_progress(s, &kiosk, &r.query_code, "5123").unwrap();
    assert_eq!(p.status_label, "已取消");
    assert!(!serde_json::to_string(&p).unwrap().contains("开会"));
}

#[test]
fn a_request_is_refused_beside_its_fields_and_bounded() {
    let w = world();
    let s = &w.store;
    let day = working_day(&w, 3);
    let fields_of = |r: studio_core::Result<kiosk::AppointmentReceipt>| match r {
        Err(Error::Validation(f)) => f.into_iter().map(|f| f.field).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    let ask = |input: &AppointmentRequestInput| {
        kiosk::request_appointment(s, &kiosk_pc(), input, AppointmentSource::Kiosk)
    };

    // Without consent nothing is stored; every problem at once.
    let mut r = request(&w, "13987654321", day);
    r.consent = false;
    assert_eq!(fields_of(ask(&r)), ["consent"]);
    let empty = AppointmentRequestInput::default();
    assert_eq!(
        fields_of(ask(&empty)),
        [
            "consent",
            "name",
            "phone",
            "delegate_id",
            "date",
            "period",
            "topic"
        ]
    );
    // A delegate the kiosk does not show.
    for id in [w.wang.clone(), w.zhao.clone(), "no-such-delegate".into()] {
        let r = AppointmentRequestInput {
            delegate_id: id,
            ..request(&w, "13987654321", day)
        };
        assert_eq!(fields_of(ask(&r)), ["delegate_id"]);
    }
    // A day off, a day past, a day too far.
    let cal = calendar::load(s).unwrap();
    let mut off = day;
    while cal.is_workday(off) {
        off = off.succ_opt().unwrap();
    }
    for d in [
        off,
        kiosk_pc().today.pred_opt().unwrap(),
        kiosk_pc().today + chrono::Days::new(61),
    ] {
        let r = AppointmentRequestInput {
            date: d.to_string(),
            ..request(&w, "13987654321", day)
        };
        assert_eq!(fields_of(ask(&r)), ["date"], "{d}");
    }
    // The delegate is on duty that morning: the half-day clashes (the appointments' rule).
    schedule::create_slot(
        s,
        &admin(),
        &SlotInput {
            date: day.to_string(),
            start: "09:00".into(),
            end: "11:00".into(),
            place: Some(Place::Studio),
            delegate_ids: vec![w.zhang.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    match ask(&request(&w, "13987654321", day)) {
        Err(Error::Validation(f)) => {
            assert_eq!(f.len(), 1);
            assert_eq!(f[0].field, "period");
            assert!(f[0].message.contains("值班"), "{}", f[0].message);
        }
        other => panic!("{other:?}"),
    }
    // Only the kiosk's and the online studio's doors; staff use the appointment form.
    assert_eq!(
        kiosk::request_appointment(
            s,
            &kiosk_pc(),
            &request(&w, "13987654321", day),
            AppointmentSource::Staff
        )
        .unwrap_err()
        .code(),
        "invalid"
    );
    assert_eq!(
        kiosk::request_appointment(
            s,
            &liaison(),
            &request(&w, "13987654321", day),
            AppointmentSource::Kiosk
        )
        .unwrap_err()
        .code(),
        "forbidden"
    );
    assert_eq!(appointment_count(&w), 0, "nothing was stored");

    // One request per phone per minute (the same number typed otherwise, from either door).
    let afternoon = AppointmentRequestInput {
        period: Some(DayPeriod::Afternoon),
        ..request(&w, "139 8765 4321", day)
    };
    ask(&afternoon).unwrap();
    for phone in ["13987654321", "139-8765-4321"] {
        let again = AppointmentRequestInput {
            phone: phone.into(),
            ..afternoon.clone()
        };
        let e = kiosk::request_appointment(s, &kiosk_pc(), &again, AppointmentSource::Online)
            .unwrap_err();
        assert_eq!(e.to_string(), "提交过于频繁，请一分钟后再试");
    }
    assert_eq!(appointment_count(&w), 1);
    // Another phone is not held up, and a message is bounded on its own.
    ask(&AppointmentRequestInput {
        phone: "13700001111".into(),
        ..afternoon.clone()
    })
    .unwrap();
    kiosk::submit_message(s, &kiosk_pc(), &message("13987654321"), ItemSource::Kiosk).unwrap();
    assert_eq!(appointment_count(&w), 2);
}

#[test]
fn staff_find_an_item_or_an_appointment_by_the_visitors_code() {
    let w = world();
    let s = &w.store;
    let kiosk = kiosk_pc();
    let m = kiosk::submit_message(s, &kiosk, &message("13987654321"), ItemSource::Kiosk).unwrap();
    // Another message, so that a match is one of several.
    kiosk::submit_message(s, &kiosk, &message("13912345678"), ItemSource::Kiosk).unwrap();
    let r = kiosk::request_appointment(
        s,
        &kiosk,
        &request(&w, "13987654321", working_day(&w, 3)),
        AppointmentSource::Kiosk,
    )
    .unwrap();
    let item_id = item_id_of(&w, &m.item_no);
    let appointment_id = appointment_of(&w, &r.query_code).id;

    let items_for = |ctx: &Ctx, q: &str| {
        items::list_items(
            s,
            ctx,
            &ItemQuery {
                q: q.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.id)
        .collect::<Vec<_>>()
    };
    let appointments_for = |q: &str| {
        appointments::list_appointments(
            s,
            &liaison(),
            &AppointmentQuery {
                q: q.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .items
        .into_iter()
        .map(|a| a.id)
        .collect::<Vec<_>>()
    };
    let typed = |code: &str| {
        [
            code.to_string(),
            code.replace('-', ""),
            format!("  {}  ", code.to_lowercase()),
            code.replace('-', " "),
        ]
    };
    for t in typed(&m.query_code) {
        assert_eq!(
            items_for(&liaison(), &t),
            std::slice::from_ref(&item_id),
            "{t:?}"
        );
        assert!(appointments_for(&t).is_empty(), "an item's code: {t:?}");
    }
    for t in typed(&r.query_code) {
        assert_eq!(
            appointments_for(&t),
            std::slice::from_ref(&appointment_id),
            "{t:?}"
        );
        assert!(
            items_for(&liaison(), &t).is_empty(),
            "an appointment's code: {t:?}"
        );
    }
    // Other filters still apply; a code nobody was given is searched as text (and finds nothing).
    let closed = items::list_items(
        s,
        &liaison(),
        &ItemQuery {
            q: m.query_code.clone(),
            status: Some(ItemStatus::Closed),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(closed.total, 0);
    let unknown = ["2222-2222", "3333-3333", "4444-4444"]
        .into_iter()
        .find(|c| *c != m.query_code && *c != r.query_code)
        .unwrap();
    assert!(items_for(&liaison(), unknown).is_empty());
    assert!(appointments_for(unknown).is_empty());
    // A head does not reach an unrouted message, code or not.
    let head = Ctx::now(Actor::new("张建华", Role::Head).as_delegate(&w.zhang, &w.g1));
    assert!(items_for(&head, &m.query_code).is_empty());

    // The appointments' list searches words too: the person, the delegate, the topic.
    for q in ["赵小明", "张建华", "实验室 安全", "小明"] {
        assert_eq!(
            appointments_for(q),
            std::slice::from_ref(&appointment_id),
            "{q}"
        );
    }
    assert!(appointments_for("李丽华").is_empty());
    let too_long = AppointmentQuery {
        q: "字".repeat(51),
        ..Default::default()
    };
    match appointments::list_appointments(s, &liaison(), &too_long) {
        Err(Error::Validation(f)) => assert_eq!(f[0].field, "q"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_days_a_visitor_may_ask_for_are_the_working_days_of_the_next_sixty() {
    let w = world();
    let s = &w.store;
    let v = kiosk_pc();
    let days = kiosk::request_days(s, &v).unwrap();
    let cal = calendar::load(s).unwrap();
    let last = v.today + chrono::Days::new(u64::from(kiosk::REQUEST_DAYS_AHEAD));
    let expected: Vec<String> = v
        .today
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| cal.is_workday(*d))
        .map(|d| d.to_string())
        .collect();
    assert_eq!(days, expected);
    assert!(days.len() >= 30, "{days:?}");
    // Every day offered is one the request takes (the first and the last).
    for (i, day) in [days.first().unwrap(), days.last().unwrap()]
        .into_iter()
        .enumerate()
    {
        let r = kiosk::request_appointment(
            s,
            &v,
            &AppointmentRequestInput {
                date: day.clone(),
                ..request(&w, &format!("1390000000{i}"), v.today)
            },
            AppointmentSource::Kiosk,
        );
        assert!(r.is_ok(), "{day}: {r:?}");
    }

    // The studio's own day off is not offered.
    let off = working_day(&w, 10).to_string();
    assert!(days.contains(&off));
    calendar::set_override(
        s,
        &admin(),
        &off,
        0,
        calendar::OverrideKind::Holiday,
        "校庆",
    )
    .unwrap();
    assert!(!kiosk::request_days(s, &v).unwrap().contains(&off));

    // Staff at their desk are no kiosk.
    assert_eq!(
        kiosk::request_days(s, &liaison()).unwrap_err().code(),
        "forbidden"
    );
}

#[test]
fn the_kiosk_shows_a_photo_only_of_a_delegate_who_allowed_it() {
    let w = world();
    let s = &w.store;
    let a = admin();
    let mut png = Vec::new();
    image::RgbImage::from_pixel(400, 500, image::Rgb([200, 30, 30]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    for id in [&w.zhang, &w.wang, &w.zhao] {
        let version = roster::get_delegate(s, &a, id).unwrap().version;
        roster::set_delegate_photo(s, &a, id, version, &png).unwrap();
    }
    let v = kiosk_pc();
    let thumb = roster::public_photo_bytes(s, &v, &w.zhang, true)
        .unwrap()
        .expect("张建华 allowed her photo");
    let t = image::load_from_memory(&thumb).unwrap();
    assert_eq!(t.width().max(t.height()), roster::THUMB_SIZE);
    assert!(
        roster::public_photo_bytes(s, &v, &w.zhang, false)
            .unwrap()
            .unwrap()
            .len()
            > thumb.len()
    );
    // Not consenting, left, unknown, or no photo: nothing, the same way.
    for id in [
        w.wang.as_str(),
        w.zhao.as_str(),
        "no-such-id",
        w.li.as_str(),
    ] {
        assert_eq!(
            roster::public_photo_bytes(s, &v, id, true).unwrap(),
            None,
            "{id}"
        );
        // The staff's photo read gives a visitor no more than the public one.
        assert_eq!(
            roster::photo_bytes(s, &v, id, true).unwrap(),
            None,
            "{id} through photo_bytes"
        );
    }
    // 张建华 unticks her photo: the kiosk no longer shows it.
    let d = roster::get_delegate(s, &a, &w.zhang).unwrap();
    let input = DelegateInput {
        name: d.name.clone(),
        gender: d.gender,
        delegation_id: d.delegation_id.clone(),
        unit: d.unit.clone(),
        position: d.position.clone(),
        mobile: d.mobile.clone(),
        office_phone: d.office_phone.clone(),
        pledge: d.pledge.clone(),
        term: d.term.clone(),
        publish_consent: d.publish_consent,
        publish: PublishFlags {
            photo: false,
            ..d.publish
        },
        ..Default::default()
    };
    roster::update_delegate(s, &a, &w.zhang, d.version, &input).unwrap();
    assert_eq!(
        roster::public_photo_bytes(s, &v, &w.zhang, true).unwrap(),
        None
    );
}
