//! Contact record cards as a liaison officer uses them: through the core's public functions only.

use chrono::NaiveDate;
use studio_core::calendar::{self, OverrideKind};
use studio_core::cards::{
    self, Card, CardInput, CardQuery, CardSelection, CardSort, CardStatus, Channel, DeadlineState,
    PoliticalStatus,
};
use studio_core::export;
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender};
use studio_core::storage::audit as log;
use studio_core::{Actor, Ctx, Error, Role, Store};

/// The day the tests run on: every "today" (deadline states, the default filing date, the latest
/// date a form accepts) comes from the context, so the tests do not depend on the clock.
const TODAY: &str = "2025-11-20";

fn officer() -> Ctx {
    Ctx::new(Actor::new("王联络", Role::Liaison), d(TODAY))
}

fn admin() -> Ctx {
    Ctx::new(Actor::new("组织部张老师", Role::Admin), d(TODAY))
}

fn visitor() -> Ctx {
    Ctx::new(Actor::new("访客", Role::Visitor), d(TODAY))
}

/// Another liaison officer at the desk, working on the same cards.
fn colleague() -> Ctx {
    Ctx::new(Actor::new("李联络", Role::Liaison), d(TODAY))
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct Fixture {
    store: Store,
    delegation: String,
    other_delegation: String,
    delegate: String,
    other_delegate: String,
}

/// Two delegations of one delegate each, entered by the administrator (the roster is theirs).
fn fixture() -> Fixture {
    let s = Store::open_in_memory().unwrap();
    let group = |name: &str| {
        roster::create_delegation(
            &s,
            &admin(),
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
    let delegate = |s: &Store, g: &str, name: &str, unit: &str| {
        roster::create_delegate(
            s,
            &admin(),
            &DelegateInput {
                name: name.into(),
                gender: Gender::Male,
                delegation_id: g.into(),
                unit: unit.into(),
                position: "教授".into(),
                mobile: "13812345678".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let d1 = delegate(&s, &g1, "张建华", "计算机工程学院");
    let d2 = delegate(&s, &g2, "李丽华", "外国语学院");
    Fixture {
        store: s,
        delegation: g1,
        other_delegation: g2,
        delegate: d1,
        other_delegate: d2,
    }
}

fn input(delegate: &str) -> CardInput {
    CardInput {
        delegate_id: delegate.into(),
        contact_date: "2025-09-29".into(),
        person_name: "赵小明".into(),
        person_gender: Some(Gender::Male),
        person_age: Some(21),
        person_political_status: Some(PoliticalStatus::LeagueMember),
        person_unit_position: "计算机工程学院2023级本科生".into(),
        person_phone: "139 8765 4321".into(),
        person_address: "南区3号宿舍楼215室".into(),
        channel: Some(Channel::Studio),
        opinion: "反映南区食堂晚餐供应时间短，希望延长营业时间。".into(),
        handling: "已与后勤管理处沟通，南区食堂晚餐延长至晚上八点半。".into(),
        feedback_on: Some("2025-09-30".into()),
        ..Default::default()
    }
}

/// A card of `delegate` contacted on `contact`, fed back on `feedback`; its id.
fn make(s: &Store, delegate: &str, contact: &str, feedback: Option<&str>) -> String {
    let mut i = input(delegate);
    i.contact_date = contact.into();
    i.feedback_on = feedback.map(Into::into);
    cards::create_card(s, &officer(), &i).unwrap().id
}

/// A card with this person, opinion and channel; its id.
fn add(
    s: &Store,
    delegate: &str,
    contact: &str,
    name: &str,
    opinion: &str,
    channel: Channel,
) -> String {
    let mut i = input(delegate);
    i.contact_date = contact.into();
    i.feedback_on = Some(contact.into());
    i.person_name = name.into();
    i.opinion = opinion.into();
    i.handling = "已转相关部门办理。".into();
    i.channel = Some(channel);
    if channel == Channel::Other {
        i.channel_other = "电话联系".into();
    }
    cards::create_card(s, &officer(), &i).unwrap().id
}

fn list_ids(s: &Store, q: CardQuery) -> Vec<String> {
    cards::list_cards(s, &officer(), &q)
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.id)
        .collect()
}

/// The version a card is stored at now: what a form that has just loaded it sends back.
fn version(s: &Store, id: &str) -> i64 {
    cards::get_card(s, &officer(), id).unwrap().version
}

/// Submit the card as it is stored now, on `filed` (default today).
fn submit(s: &Store, id: &str, filed: Option<&str>) -> studio_core::Result<Card> {
    cards::submit_card(s, &officer(), id, version(s, id), filed)
}

fn field_messages(e: Error) -> Vec<(String, String)> {
    match e {
        Error::Validation(f) => f.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn message<'a>(fields: &'a [(String, String)], field: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, m)| m.as_str())
}

// ---- deadlines ------------------------------------------------------------------------------

#[test]
fn feedback_before_national_day_is_due_on_the_make_up_saturday() {
    let f = fixture();
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    assert_eq!(c.status, CardStatus::Draft);
    assert_eq!(c.due_on.as_deref(), Some("2025-10-11"));
    // A long time ago, never handed in.
    assert_eq!(c.deadline, DeadlineState::Overdue);
}

#[test]
fn feedback_on_a_friday_is_due_after_an_ordinary_weekend() {
    let f = fixture();
    let mut i = input(&f.delegate);
    i.contact_date = "2025-03-12".into();
    i.feedback_on = Some("2025-03-14".into());
    let c = cards::create_card(&f.store, &officer(), &i).unwrap();
    assert_eq!(c.due_on.as_deref(), Some("2025-03-19"));
}

#[test]
fn filed_on_the_due_date_is_on_time_the_next_working_day_is_late() {
    let f = fixture();
    let a = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let b = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let a = cards::submit_card(&f.store, &officer(), &a.id, a.version, Some("2025-10-11")).unwrap();
    assert_eq!(a.status, CardStatus::Submitted);
    assert_eq!(a.filed_on.as_deref(), Some("2025-10-11"));
    assert!(!a.filed_late);
    assert_eq!(a.deadline, DeadlineState::FiledOnTime);
    let b = cards::submit_card(&f.store, &officer(), &b.id, b.version, Some("2025-10-13")).unwrap();
    assert!(b.filed_late);
    assert_eq!(b.deadline, DeadlineState::FiledLate);
    // Filed before the feedback is impossible; a malformed date is refused.
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let e = field_messages(
        cards::submit_card(&f.store, &officer(), &c.id, c.version, Some("2025-09-29")).unwrap_err(),
    );
    assert_eq!(
        message(&e, "filed_on"),
        Some("交回日期不能早于反馈日期（2025-09-30）")
    );
    let e = field_messages(
        cards::submit_card(&f.store, &officer(), &c.id, c.version, Some("2025/10/01")).unwrap_err(),
    );
    assert!(message(&e, "filed_on").unwrap().contains("YYYY-MM-DD"));
    // Without a date: today.
    let c = cards::submit_card(&f.store, &officer(), &c.id, c.version, None).unwrap();
    assert_eq!(c.filed_on.as_deref(), Some(TODAY));
}

#[test]
fn deadline_states_filters_and_counts_for_a_fixed_today() {
    let f = fixture();
    let s = &f.store;
    let g = f.delegate.as_str();
    // Feedback Mon 2025-03-10 → due Thu 03-13; Fri 03-07 → due Wed 03-12; Mon 03-03 → Thu 03-06.
    let due_13 = make(s, g, "2025-03-10", Some("2025-03-10"));
    let due_12 = make(s, g, "2025-03-07", Some("2025-03-07"));
    let due_06 = make(s, g, "2025-03-03", Some("2025-03-03"));
    let open = make(s, g, "2025-03-10", None);
    let filed_late = make(s, g, "2025-02-03", Some("2025-02-05"));
    submit(s, &filed_late, Some("2025-03-03")).unwrap();
    let filed_ok = make(s, g, "2025-03-03", Some("2025-03-04"));
    submit(s, &filed_ok, Some("2025-03-05")).unwrap();

    let today = d("2025-03-11");
    let on = |day: NaiveDate| officer().on(day);
    let all = cards::list_cards(&f.store, &on(today), &CardQuery::default()).unwrap();
    assert_eq!(all.total, 6);
    let state = |id: &str| all.items.iter().find(|c| c.id == id).unwrap().deadline;
    assert_eq!(
        state(&due_13),
        DeadlineState::OnTime,
        "two working days left"
    );
    assert_eq!(
        state(&due_12),
        DeadlineState::DueSoon,
        "one working day left"
    );
    assert_eq!(state(&due_06), DeadlineState::Overdue);
    assert_eq!(state(&open), DeadlineState::None);
    assert_eq!(state(&filed_late), DeadlineState::FiledLate);
    assert_eq!(state(&filed_ok), DeadlineState::FiledOnTime);

    let ids = |q: CardQuery, today: &str| -> Vec<String> {
        let mut v: Vec<String> = cards::list_cards(&f.store, &on(d(today)), &q)
            .unwrap()
            .items
            .into_iter()
            .map(|c| c.id)
            .collect();
        v.sort();
        v
    };
    let sorted = |mut v: Vec<&String>| {
        v.sort();
        v.into_iter().cloned().collect::<Vec<_>>()
    };
    let late = CardQuery {
        late_only: true,
        ..Default::default()
    };
    assert_eq!(
        ids(late.clone(), "2025-03-11"),
        sorted(vec![&due_06, &filed_late])
    );
    // Two days later both the 12th and the 13th have passed or are due today.
    assert_eq!(
        ids(late, "2025-03-13"),
        sorted(vec![&due_06, &due_12, &filed_late])
    );
    let soon = CardQuery {
        deadline: Some(DeadlineState::DueSoon),
        ..Default::default()
    };
    assert_eq!(ids(soon.clone(), "2025-03-11"), [due_12.as_str()]);
    assert_eq!(ids(soon, "2025-03-13"), [due_13.as_str()]);

    let counts = cards::card_counts(&f.store, &on(today)).unwrap();
    assert_eq!(counts.drafts, 4);
    assert_eq!(counts.due_soon, 1);
    assert_eq!(counts.overdue, 1);
    assert_eq!(counts.filed_late_this_year, 1);
    assert_eq!(counts.filed_this_month, 2);
    // 工作台's tiles open lists holding exactly what they count.
    let t = today.format("%Y-%m-%d").to_string();
    let month = CardQuery {
        status: Some(CardStatus::Submitted),
        filed_from: Some(format!("{}-01", &t[..7])),
        filed_to: Some(format!("{}-31", &t[..7])),
        ..Default::default()
    };
    assert_eq!(
        cards::list_cards(&f.store, &on(today), &month)
            .unwrap()
            .total,
        counts.filed_this_month
    );
    let late = CardQuery {
        deadline: Some(DeadlineState::FiledLate),
        filed_from: Some(format!("{}-01-01", &t[..4])),
        filed_to: Some(format!("{}-12-31", &t[..4])),
        ..Default::default()
    };
    assert_eq!(
        cards::list_cards(&f.store, &on(today), &late)
            .unwrap()
            .total,
        counts.filed_late_this_year
    );
    assert_eq!(
        cards::card_counts(&f.store, &on(d("2026-03-11")))
            .unwrap()
            .filed_late_this_year,
        0
    );
}

#[test]
fn a_calendar_override_moves_stored_due_dates() {
    let f = fixture();
    let mut i = input(&f.delegate);
    i.contact_date = "2025-03-10".into();
    i.feedback_on = Some("2025-03-10".into());
    let draft = cards::create_card(&f.store, &officer(), &i).unwrap();
    let filed = cards::create_card(&f.store, &officer(), &i).unwrap();
    let filed = cards::submit_card(
        &f.store,
        &officer(),
        &filed.id,
        filed.version,
        Some("2025-03-14"),
    )
    .unwrap();
    assert_eq!(draft.due_on.as_deref(), Some("2025-03-13"));
    assert!(filed.filed_late);
    // The university closes on Wed 03-12: both move to Fri 03-14, and the filed card was on time.
    calendar::set_override(
        &f.store,
        &admin(),
        "2025-03-12",
        0,
        OverrideKind::Holiday,
        "校庆",
    )
    .unwrap();
    let get = |s: &Store, id: &str| cards::get_card(s, &officer(), id).unwrap();
    assert_eq!(
        get(&f.store, &draft.id).due_on.as_deref(),
        Some("2025-03-14")
    );
    assert!(!get(&f.store, &filed.id).filed_late);
    let history = cards::card_history(&f.store, &officer(), &filed.id).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.action, "recompute_due");
    assert_eq!(last.actor, "组织部张老师");
    assert_eq!((last.base_version, last.new_version), (Some(2), Some(3)));
    let set = calendar::list_overrides(&f.store, &admin(), Some(2025)).unwrap();
    let v = set.iter().find(|o| o.date == "2025-03-12").unwrap().version;
    calendar::remove_override(&f.store, &admin(), "2025-03-12", v).unwrap();
    assert_eq!(
        get(&f.store, &draft.id).due_on.as_deref(),
        Some("2025-03-13")
    );
    assert!(get(&f.store, &filed.id).filed_late);
    assert_eq!(
        cards::recompute_due_dates(&f.store, &admin()).unwrap(),
        0,
        "already current"
    );
    // It follows a calendar change: a settings matter.
    assert_eq!(
        cards::recompute_due_dates(&f.store, &officer())
            .unwrap_err()
            .code(),
        "forbidden"
    );
}

// ---- validation and the snapshot ------------------------------------------------------------

#[test]
fn invalid_input_is_refused_with_chinese_messages_and_nothing_saved() {
    let f = fixture();
    let bad = CardInput {
        delegate_id: f.delegate.clone(),
        contact_date: "2099-01-01".into(),
        person_name: "".into(),
        person_age: Some(130),
        person_phone: "8785123".into(),
        group_size: 1000,
        channel: Some(Channel::Other),
        channel_other: "".into(),
        opinion: " ".into(),
        handling: "办".repeat(5001),
        feedback_on: Some("2025-01-01".into()),
        ..Default::default()
    };
    let e = field_messages(cards::create_card(&f.store, &officer(), &bad).unwrap_err());
    assert_eq!(message(&e, "contact_date"), Some("联系日期不能晚于今天"));
    assert_eq!(message(&e, "person_name"), Some("请填写联系对象姓名"));
    assert_eq!(message(&e, "person_age"), Some("年龄应在 1 到 120 岁之间"));
    assert!(message(&e, "person_phone").unwrap().contains("区号"));
    assert_eq!(message(&e, "group_size"), Some("人数应在 1 到 999 之间"));
    assert_eq!(message(&e, "channel_other"), Some("请填写其他联系形式"));
    assert_eq!(
        message(&e, "opinion"),
        Some("请填写党员和群众所提意见建议或问题")
    );
    assert_eq!(
        message(&e, "handling"),
        Some("党代表处理意见及办理情况不能超过 5000 个字")
    );

    let mut early = input(&f.delegate);
    early.feedback_on = Some("2025-09-28".into());
    early.channel = None;
    early.person_name = "一二三四五六七八九十一二三四五六七八九十一".into();
    let e = field_messages(cards::create_card(&f.store, &officer(), &early).unwrap_err());
    assert_eq!(message(&e, "feedback_on"), Some("反馈日期不能早于联系日期"));
    assert_eq!(message(&e, "channel"), Some("请选择联系形式"));
    assert_eq!(
        message(&e, "person_name"),
        Some("联系对象姓名不能超过 20 个字")
    );

    let mut nobody = input("no-such-delegate");
    nobody.contact_date = "2025-09-29".into();
    let e = field_messages(cards::create_card(&f.store, &officer(), &nobody).unwrap_err());
    assert_eq!(
        message(&e, "delegate_id"),
        Some("所选党代表不存在，请重新选择")
    );

    assert_eq!(cards::card_count(&f.store, &officer()).unwrap(), 0);
    assert!(studio_core::audit::recent(&f.store, &officer(), 50)
        .unwrap()
        .iter()
        .all(|c| c.entity != "card"));
}

#[test]
fn phones_are_normalised_and_other_channels_keep_their_text() {
    let f = fixture();
    let mut i = input(&f.delegate);
    i.person_phone = "(0536)8785123".into();
    i.channel = Some(Channel::Other);
    i.channel_other = " 电话联系 ".into();
    let c = cards::create_card(&f.store, &officer(), &i).unwrap();
    assert_eq!(c.person_phone, "0536-8785123");
    assert_eq!(c.channel_other, "电话联系");
    assert_eq!(c.channel_text(), "其他形式（电话联系）");
    let mut i = input(&f.delegate);
    i.channel_other = "不该保存".into();
    let c = cards::create_card(&f.store, &officer(), &i).unwrap();
    assert_eq!(c.channel_other, "");
    assert_eq!(c.person_phone, "13987654321");
}

#[test]
fn the_card_keeps_its_snapshot_when_the_roster_changes() {
    let f = fixture();
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    assert_eq!(c.delegate_name, "张建华");
    assert_eq!(c.delegation_name, "理工代表团");
    assert_eq!(c.delegation_id, f.delegation);
    assert_eq!(c.delegate_unit_position, "计算机工程学院 教授");
    assert_eq!(c.delegate_phone, "13812345678");

    // The delegate moves to another unit.
    let mut d = roster::get_delegate(&f.store, &officer(), &f.delegate).unwrap();
    d.unit = "数学与统计学院".into();
    let di = DelegateInput {
        name: d.name.clone(),
        gender: d.gender,
        delegation_id: d.delegation_id.clone(),
        unit: d.unit.clone(),
        position: d.position.clone(),
        mobile: d.mobile.clone(),
        ..Default::default()
    };
    roster::update_delegate(&f.store, &admin(), &f.delegate, d.version, &di).unwrap();
    let again = cards::get_card(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(again.delegate_unit_position, "计算机工程学院 教授");

    // Saving the draft keeps it too…
    let mut edit = input(&f.delegate);
    edit.person_age = Some(22);
    let saved = cards::update_card(&f.store, &officer(), &c.id, c.version, &edit).unwrap();
    assert_eq!(saved.delegate_unit_position, "计算机工程学院 教授");
    assert_eq!(saved.version, 2);
    // …unless the user asks for a fresh one,
    edit.refresh_snapshot = true;
    let saved = cards::update_card(&f.store, &officer(), &c.id, saved.version, &edit).unwrap();
    assert_eq!(saved.delegate_unit_position, "数学与统计学院 教授");
    // or picks another delegate.
    let mut other = input(&f.other_delegate);
    other.person_age = Some(22);
    let saved = cards::update_card(&f.store, &officer(), &c.id, saved.version, &other).unwrap();
    assert_eq!(saved.delegate_name, "李丽华");
    assert_eq!(saved.delegation_id, f.other_delegation);
    assert_eq!(saved.delegation_name, "人文社科代表团");
    // The preview the form shows when a delegate is chosen.
    let snap = cards::delegate_snapshot(&f.store, &officer(), &f.delegate).unwrap();
    assert_eq!(snap.delegate_unit_position, "数学与统计学院 教授");
    // Saving the same values again changes nothing and records nothing.
    let n = cards::card_history(&f.store, &officer(), &c.id)
        .unwrap()
        .len();
    let same = cards::update_card(&f.store, &officer(), &c.id, saved.version, &other).unwrap();
    assert_eq!(same.version, saved.version);
    assert_eq!(
        cards::card_history(&f.store, &officer(), &c.id)
            .unwrap()
            .len(),
        n
    );
}

#[test]
fn a_delegate_who_left_takes_no_cards_after_leaving() {
    let f = fixture();
    roster::mark_delegate_left(&f.store, &admin(), &f.delegate, 1, Some("2025-09-01")).unwrap();
    let e =
        field_messages(cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap_err());
    assert!(message(&e, "delegate_id")
        .unwrap()
        .contains("已于 2025-09-01 离任"));
    let mut before = input(&f.delegate);
    before.contact_date = "2025-08-20".into();
    before.feedback_on = Some("2025-08-21".into());
    cards::create_card(&f.store, &officer(), &before).unwrap();
}

// ---- two people, one card: stale saves ------------------------------------------------------

#[test]
fn two_draft_saves_from_the_same_version_the_second_is_refused() {
    let f = fixture();
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    // Both open the card at version 1.
    let mine = cards::get_card(&f.store, &officer(), &c.id).unwrap();
    let theirs = cards::get_card(&f.store, &colleague(), &c.id).unwrap();
    assert_eq!((mine.version, theirs.version), (1, 1));
    let mut first = CardInput::from(&mine);
    first.opinion = "反映南区食堂晚餐供应时间短，希望延长到晚上九点。".into();
    let mut second = CardInput::from(&theirs);
    second.opinion = "反映北区食堂早餐品种少。".into();

    let saved = cards::update_card(&f.store, &officer(), &c.id, mine.version, &first).unwrap();
    assert_eq!(saved.version, 2);
    let e = cards::update_card(&f.store, &colleague(), &c.id, theirs.version, &second).unwrap_err();
    assert!(matches!(e, Error::Stale(_)), "{e:?}");
    assert_eq!(e.code(), "conflict");
    assert_eq!(e.to_string(), "该记录已被他人修改，请刷新后再看");

    let stored = cards::get_card(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(stored.opinion, first.opinion, "the first save stands");
    assert_eq!(stored.version, 2);
    // Refreshed, the colleague saves on top of it.
    let mut again = CardInput::from(&stored);
    again.handling = "已电话回访，本人满意。".into();
    let saved = cards::update_card(&f.store, &colleague(), &c.id, stored.version, &again).unwrap();
    assert_eq!(saved.version, 3);
    assert_eq!(saved.opinion, first.opinion);
}

#[test]
fn a_stale_save_is_told_who_changed_which_field() {
    let f = fixture();
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let mut first = CardInput::from(&c);
    first.person_unit_position = "计算机工程学院2024级研究生".into();
    cards::update_card(&f.store, &officer(), &c.id, c.version, &first).unwrap();
    let mut second = CardInput::from(&c);
    second.person_age = Some(30);
    let e = cards::update_card(&f.store, &colleague(), &c.id, c.version, &second).unwrap_err();
    let payload = e.payload();
    let Error::Stale(info) = e else {
        panic!("expected a stale save, got {e:?}")
    };
    assert_eq!(info.entity, "card");
    assert_eq!(info.row_id, c.id);
    assert_eq!((info.base_version, info.current_version), (1, 2));
    assert_eq!(info.changed_by, "王联络");
    assert!(!info.changed_at.is_empty());
    let fields: Vec<(&str, &str)> = info
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.label.as_str()))
        .collect();
    assert_eq!(fields, [("person_unit_position", "工作单位及职务")]);
    // What a front end receives.
    assert_eq!(payload.code, "conflict");
    assert_eq!(payload.stale.as_ref(), Some(&*info));
}

#[test]
fn submit_and_update_from_the_same_version_the_second_is_refused() {
    let f = fixture();
    let mut edit = input(&f.delegate);
    edit.opinion = "希望图书馆延长开放时间。".into();

    // Submitted first: a draft save based on the version before is stale (not a state error).
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    cards::submit_card(&f.store, &officer(), &c.id, c.version, Some("2025-10-10")).unwrap();
    let e = cards::update_card(&f.store, &colleague(), &c.id, c.version, &edit).unwrap_err();
    assert_eq!(e.code(), "conflict");
    let Error::Stale(info) = &e else { panic!() };
    assert_eq!(info.changed_by, "王联络");
    let fields: Vec<&str> = info.fields.iter().map(|f| f.field.as_str()).collect();
    assert!(
        fields.contains(&"status") && fields.contains(&"filed_on"),
        "{fields:?}"
    );
    let stored = cards::get_card(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(stored.status, CardStatus::Submitted);
    assert_eq!(stored.opinion, c.opinion);
    assert_eq!(stored.version, 2);
    // An amendment or a discard based on the old version likewise.
    let mut fix = CardInput::from(&stored);
    fix.person_age = Some(22);
    let e =
        cards::amend_card(&f.store, &colleague(), &c.id, c.version, &fix, "年龄有误").unwrap_err();
    assert_eq!(e.code(), "conflict");
    assert_eq!(version(&f.store, &c.id), 2);

    // Saved first: a submit based on the version before is stale; the card stays a draft.
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    cards::update_card(&f.store, &officer(), &c.id, c.version, &edit).unwrap();
    let e = cards::submit_card(&f.store, &colleague(), &c.id, c.version, None).unwrap_err();
    assert_eq!(e.code(), "conflict");
    let e = cards::discard_draft(&f.store, &colleague(), &c.id, c.version).unwrap_err();
    assert_eq!(e.code(), "conflict");
    let stored = cards::get_card(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(stored.status, CardStatus::Draft);
    assert_eq!(stored.opinion, edit.opinion);
    assert_eq!(stored.filed_on, None);
    assert_eq!(stored.version, 2);
}

// ---- the access log and the change log ------------------------------------------------------

type Access = (String, String, String, String);

fn access(s: &Store) -> Vec<Access> {
    log::access_entries(&s.reader().unwrap()).unwrap()
}

fn entry(actor: &str, row: &str, action: &str) -> Access {
    (actor.into(), "card".into(), row.into(), action.into())
}

#[test]
fn opening_printing_and_exporting_cards_are_recorded() {
    let f = fixture();
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    assert!(access(&f.store).is_empty(), "writing is not opening");

    cards::get_card(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(access(&f.store), [entry("王联络", &c.id, "view")]);

    // Lists, figures and histories show no personal data in full: not recorded.
    cards::list_cards(&f.store, &officer(), &CardQuery::default()).unwrap();
    cards::card_counts(&f.store, &officer()).unwrap();
    cards::card_history(&f.store, &officer(), &c.id).unwrap();
    cards::card_amendments(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(access(&f.store).len(), 1);
    // A card that is not there was not opened.
    assert_eq!(
        cards::get_card(&f.store, &officer(), "nope")
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(access(&f.store).len(), 1);

    let ids = CardSelection::Ids {
        ids: vec![c.id.clone()],
    };
    cards::cards_for_print(&f.store, &officer(), &ids).unwrap();
    let period = CardSelection::Period {
        from: "2025-09-01".into(),
        to: "2025-09-30".into(),
    };
    cards::cards_for_print(&f.store, &officer(), &period).unwrap();
    cards::all_cards_for_export(&f.store, &admin()).unwrap();
    assert_eq!(
        access(&f.store),
        [
            entry("王联络", &c.id, "view"),
            entry("王联络", &c.id, "print"),
            entry("王联络", "2025-09-01..2025-09-30", "print"),
            entry("组织部张老师", "*", "export"),
        ]
    );
}

#[test]
fn each_card_write_leaves_one_change_record_with_its_versions() {
    let f = fixture();
    let card_records = || -> Vec<studio_core::audit::ChangeRecord> {
        log::all(&f.store.reader().unwrap())
            .unwrap()
            .into_iter()
            .filter(|r| r.entity == "card")
            .collect()
    };
    let mut seen = 0;
    let mut one_more = |row: &str, action: &str, base: Option<i64>, new: i64| {
        let all = card_records();
        assert_eq!(all.len(), seen + 1, "{action}: exactly one change record");
        seen = all.len();
        let r = all.last().unwrap().clone();
        assert_eq!((r.row_id.as_str(), r.action.as_str()), (row, action));
        assert_eq!(
            (r.base_version, r.new_version),
            (base, Some(new)),
            "{action}"
        );
        assert_eq!(r.actor, "王联络");
        r
    };

    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let r = one_more(&c.id, "create", None, 1);
    // The whole row as stored (the read-time deadline state is not part of it).
    let after = r.after.unwrap();
    assert!(r.before.is_none());
    assert_eq!(after["person_phone"], "13987654321");
    assert_eq!(after["opinion"], c.opinion.as_str());
    assert!(after.get("deadline").is_none());

    let mut edit = CardInput::from(&c);
    edit.person_age = Some(22);
    let c = cards::update_card(&f.store, &officer(), &c.id, c.version, &edit).unwrap();
    let r = one_more(&c.id, "update", Some(1), 2);
    // Whole rows before and after, not only the changed fields.
    assert_eq!(r.before.unwrap()["person_name"], "赵小明");
    assert_eq!(r.after.unwrap()["person_age"], 22);

    // Saving the same values writes nothing; a stale or invalid save neither.
    cards::update_card(&f.store, &officer(), &c.id, c.version, &edit).unwrap();
    cards::update_card(&f.store, &officer(), &c.id, 1, &edit).unwrap_err();
    let mut bad = edit.clone();
    bad.person_name.clear();
    cards::update_card(&f.store, &officer(), &c.id, c.version, &bad).unwrap_err();
    assert_eq!(card_records().len(), 2);

    let c = cards::submit_card(&f.store, &officer(), &c.id, c.version, Some("2025-10-10")).unwrap();
    one_more(&c.id, "submit", Some(2), 3);

    let mut fix = CardInput::from(&c);
    fix.person_age = Some(23);
    let c = cards::amend_card(&f.store, &officer(), &c.id, c.version, &fix, "年龄有误").unwrap();
    one_more(&c.id, "amend", Some(3), 4);
    // …and the amendment row beside it.
    let amendments: Vec<_> = log::all(&f.store.reader().unwrap())
        .unwrap()
        .into_iter()
        .filter(|r| r.entity == "card_amendment")
        .collect();
    assert_eq!(amendments.len(), 1);
    assert_eq!(amendments[0].action, "create");
    assert_eq!(
        amendments[0].after.as_ref().unwrap()["card_id"],
        c.id.as_str()
    );

    let draft = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    one_more(&draft.id, "create", None, 1);
    cards::discard_draft(&f.store, &officer(), &draft.id, draft.version).unwrap();
    let r = one_more(&draft.id, "delete", Some(1), 2);
    assert!(r.before.is_some() && r.after.is_none());
}

// ---- lifecycle ------------------------------------------------------------------------------

#[test]
fn submitting_needs_the_feedback_and_the_handling() {
    let f = fixture();
    let mut i = input(&f.delegate);
    i.feedback_on = None;
    i.handling = "".into();
    let c = cards::create_card(&f.store, &officer(), &i).unwrap();
    assert_eq!(c.due_on, None);
    assert_eq!(c.deadline, DeadlineState::None);
    let e = field_messages(submit(&f.store, &c.id, None).unwrap_err());
    assert!(message(&e, "feedback_on")
        .unwrap()
        .starts_with("提交前请填写反馈日期"));
    assert_eq!(
        message(&e, "handling"),
        Some("提交前请填写党代表处理意见及办理情况（件件有答复）")
    );
    let still = cards::get_card(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(still.status, CardStatus::Draft);
    assert_eq!(still.version, 1);
}

#[test]
fn a_submitted_card_is_frozen() {
    let f = fixture();
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let c = cards::submit_card(&f.store, &officer(), &c.id, c.version, Some("2025-10-10")).unwrap();
    // Based on the current version: refused for the card's state, not as a stale save.
    let e = cards::update_card(&f.store, &officer(), &c.id, c.version, &input(&f.delegate))
        .unwrap_err();
    assert_eq!(e.code(), "state");
    assert_eq!(e.to_string(), "已提交的记录卡不能直接修改，请使用“更正”");
    let e = cards::discard_draft(&f.store, &officer(), &c.id, c.version).unwrap_err();
    assert_eq!(e.code(), "state");
    let e = cards::submit_card(&f.store, &officer(), &c.id, c.version, None).unwrap_err();
    assert_eq!(e.code(), "state");
    let after = cards::get_card(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(after.filed_on.as_deref(), Some("2025-10-10"));
    assert_eq!(after.handling, input(&f.delegate).handling);
}

#[test]
fn an_amendment_keeps_the_original_and_is_listed() {
    let f = fixture();
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let c = cards::submit_card(&f.store, &officer(), &c.id, c.version, Some("2025-10-11")).unwrap();

    let draft = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let e = cards::amend_card(
        &f.store,
        &officer(),
        &draft.id,
        draft.version,
        &input(&f.delegate),
        "x",
    )
    .unwrap_err();
    assert_eq!(e.code(), "state", "drafts are edited, not amended");

    let mut fix = cards::CardInput::from(&c);
    fix.person_phone = "13700001111".into();
    fix.handling = format!("{}另已电话回访。", c.handling);
    let e = field_messages(
        cards::amend_card(&f.store, &officer(), &c.id, c.version, &fix, " ").unwrap_err(),
    );
    assert_eq!(message(&e, "reason"), Some("请填写更正原因"));
    let mut no_handling = fix.clone();
    no_handling.handling.clear();
    let e = field_messages(
        cards::amend_card(&f.store, &officer(), &c.id, c.version, &no_handling, "更正")
            .unwrap_err(),
    );
    assert!(message(&e, "handling").is_some());
    let e = cards::amend_card(
        &f.store,
        &officer(),
        &c.id,
        c.version,
        &cards::CardInput::from(&c),
        "无变化",
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid");

    let amended = cards::amend_card(
        &f.store,
        &officer(),
        &c.id,
        c.version,
        &fix,
        "联系电话记录有误",
    )
    .unwrap();
    assert_eq!(amended.person_phone, "13700001111");
    assert_eq!(amended.status, CardStatus::Submitted);
    assert_eq!(amended.amendment_count, 1);
    assert_eq!(amended.filed_on.as_deref(), Some("2025-10-11"));

    // A feedback date after the filing date is impossible.
    let mut after_filing = cards::CardInput::from(&amended);
    after_filing.feedback_on = Some("2025-10-13".into());
    let e = field_messages(
        cards::amend_card(
            &f.store,
            &officer(),
            &c.id,
            amended.version,
            &after_filing,
            "更正",
        )
        .unwrap_err(),
    );
    assert_eq!(
        message(&e, "feedback_on"),
        Some("反馈日期不能晚于交回日期（2025-10-11）")
    );
    // A second correction: contact and feedback were days earlier, which makes the card late
    // (Thu 09-25 + 3 working days is Mon 09-29: Fri 26, Sun 28 worked, Mon 29).
    let mut earlier = cards::CardInput::from(&amended);
    earlier.contact_date = "2025-09-24".into();
    earlier.feedback_on = Some("2025-09-25".into());
    let amended2 = cards::amend_card(
        &f.store,
        &officer(),
        &c.id,
        amended.version,
        &earlier,
        "日期记错",
    )
    .unwrap();
    assert_eq!(amended2.due_on.as_deref(), Some("2025-09-29"));
    assert!(amended2.filed_late);
    assert_eq!(amended2.deadline, DeadlineState::FiledLate);
    assert_eq!(amended2.amendment_count, 2);

    let list = cards::card_amendments(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].reason, "联系电话记录有误");
    assert_eq!(list[0].actor, "王联络");
    // A list: phone numbers come masked (the full card shows them).
    assert_eq!(
        list[0].before["person_phone"], "139****4321",
        "the original"
    );
    assert_eq!(list[0].after["person_phone"], "137****1111");
    assert_eq!(list[0].before["handling"], c.handling);
    assert!(
        list[0].before.get("contact_date").is_none(),
        "only changed fields"
    );
    assert_eq!(list[1].before["feedback_on"], "2025-09-30");
    assert_eq!(list[1].before["due_on"], "2025-10-11");
    assert_eq!(list[1].before["filed_late"], false);
    assert_eq!(list[1].after["filed_late"], true);
    assert_eq!(list[1].reason, "日期记错");

    let history = cards::card_history(&f.store, &officer(), &c.id).unwrap();
    let actions: Vec<&str> = history.iter().map(|h| h.action.as_str()).collect();
    assert_eq!(actions, ["create", "submit", "amend", "amend"]);
}

#[test]
fn a_draft_may_be_discarded() {
    let f = fixture();
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    cards::discard_draft(&f.store, &officer(), &c.id, c.version).unwrap();
    assert_eq!(cards::card_count(&f.store, &officer()).unwrap(), 0);
    assert_eq!(
        cards::get_card(&f.store, &officer(), &c.id)
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(
        cards::list_cards(&f.store, &officer(), &CardQuery::default())
            .unwrap()
            .total,
        0
    );
    let q = CardQuery {
        q: "食堂晚餐".into(),
        ..Default::default()
    };
    assert_eq!(
        cards::list_cards(&f.store, &officer(), &q).unwrap().total,
        0
    );
    let history = cards::card_history(&f.store, &officer(), &c.id).unwrap();
    assert_eq!(history.last().unwrap().action, "delete");
}

#[test]
fn roles() {
    let f = fixture();
    let visitor = visitor();
    let e = cards::create_card(&f.store, &visitor, &input(&f.delegate)).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    // A delegate writes their own cards.
    let delegate = Ctx::new(
        Actor::new("张建华", Role::Delegate).as_delegate(&f.delegate, &f.delegation),
        d(TODAY),
    );
    let c = cards::create_card(&f.store, &delegate, &input(&f.delegate)).unwrap();
    let v = c.version;
    for e in [
        cards::update_card(&f.store, &visitor, &c.id, v, &input(&f.delegate)).unwrap_err(),
        cards::submit_card(&f.store, &visitor, &c.id, v, None).unwrap_err(),
        cards::amend_card(&f.store, &visitor, &c.id, v, &input(&f.delegate), "更正").unwrap_err(),
        cards::discard_draft(&f.store, &visitor, &c.id, v).unwrap_err(),
        cards::recompute_due_dates(&f.store, &visitor).unwrap_err(),
    ] {
        assert_eq!(e.code(), "forbidden");
        assert!(e.to_string().contains("没有权限"));
    }
    // The card is as the delegate saved it.
    assert_eq!(version(&f.store, &c.id), 1);
    // The list masks the phone.
    let page = cards::list_cards(&f.store, &delegate, &CardQuery::default()).unwrap();
    assert_eq!(page.items[0].person_phone_masked, "139****4321");
}

#[test]
fn a_visitor_reads_no_card_at_all() {
    let f = fixture();
    let c = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let visitor = visitor();
    let refused = [
        cards::get_card(&f.store, &visitor, &c.id).map(drop),
        cards::list_cards(&f.store, &visitor, &CardQuery::default()).map(drop),
        cards::card_counts(&f.store, &visitor).map(drop),
        cards::card_count(&f.store, &visitor).map(drop),
        cards::card_history(&f.store, &visitor, &c.id).map(drop),
        cards::card_amendments(&f.store, &visitor, &c.id).map(drop),
        cards::cards_for_print(&f.store, &visitor, &CardSelection::All).map(drop),
        cards::cards_for_print(
            &f.store,
            &visitor,
            &CardSelection::Ids {
                ids: vec![c.id.clone()],
            },
        )
        .map(drop),
        cards::all_cards_for_export(&f.store, &visitor).map(drop),
        cards::delegate_snapshot(&f.store, &visitor, &f.delegate).map(drop),
    ];
    for (i, r) in refused.into_iter().enumerate() {
        let e = r.expect_err(&format!("read #{i} should be refused"));
        assert_eq!(e.code(), "forbidden", "read #{i}");
        assert!(e.to_string().contains("没有权限"), "read #{i}");
    }
    // Nothing was opened, so nothing is in the access log.
    assert!(log::access_entries(&f.store.reader().unwrap())
        .unwrap()
        .is_empty());
}

// ---- the list -------------------------------------------------------------------------------

#[test]
fn search_two_and_four_characters_filters_and_pagination() {
    let f = fixture();
    let canteen = add(
        &f.store,
        &f.delegate,
        "2025-05-06",
        "王芳",
        "希望食堂晚餐时间延长到八点。",
        Channel::Studio,
    );
    let bus = add(
        &f.store,
        &f.other_delegate,
        "2025-06-10",
        "欧阳文静",
        "新老校区通勤班车末班车时间太早。",
        Channel::Online,
    );
    let heat = add(
        &f.store,
        &f.delegate,
        "2025-11-03",
        "陈晓东",
        "宿舍供暖温度偏低。",
        Channel::Other,
    );
    let names = |s: &Store, q: &str| {
        list_ids(
            s,
            CardQuery {
                q: q.into(),
                ..Default::default()
            },
        )
    };
    assert_eq!(
        names(&f.store, "食堂"),
        [canteen.as_str()],
        "2 characters: LIKE"
    );
    assert_eq!(
        names(&f.store, "通勤班车"),
        [bus.as_str()],
        "4 characters: full-text"
    );
    assert_eq!(
        names(&f.store, "欧阳文静"),
        [bus.as_str()],
        "the person's name"
    );
    assert_eq!(names(&f.store, "王芳"), [canteen.as_str()]);
    assert_eq!(
        names(&f.store, "李丽华"),
        [bus.as_str()],
        "the delegate's name"
    );
    assert_eq!(names(&f.store, "转相关部门").len(), 3, "the handling");
    assert_eq!(
        names(&f.store, "食堂 八点"),
        [canteen.as_str()],
        "every word must occur"
    );
    assert!(names(&f.store, "食堂 班车").is_empty());
    assert!(
        names(&f.store, "%").is_empty(),
        "LIKE wildcards are literal"
    );
    assert!(
        names(&f.store, "\"温度").is_empty(),
        "quotes do not break the full-text query"
    );
    assert_eq!(names(&f.store, "供暖温度"), [heat.as_str()]);

    // The index follows edits.
    let mut edit = input(&f.delegate);
    edit.contact_date = "2025-11-03".into();
    edit.feedback_on = Some("2025-11-03".into());
    edit.person_name = "陈晓东".into();
    edit.opinion = "宿舍热水供应时间太短。".into();
    edit.channel = Some(Channel::Appointment);
    cards::update_card(&f.store, &officer(), &heat, 1, &edit).unwrap();
    assert!(names(&f.store, "供暖温度").is_empty());
    assert_eq!(names(&f.store, "热水供应"), [heat.as_str()]);

    assert_eq!(
        list_ids(
            &f.store,
            CardQuery {
                channel: Some(Channel::Online),
                ..Default::default()
            }
        ),
        [bus.as_str()]
    );
    assert_eq!(
        list_ids(
            &f.store,
            CardQuery {
                delegate_id: Some(f.delegate.clone()),
                ..Default::default()
            }
        ),
        [heat.as_str(), canteen.as_str()],
        "newest contact first"
    );
    assert_eq!(
        list_ids(
            &f.store,
            CardQuery {
                delegation_id: Some(f.other_delegation.clone()),
                ..Default::default()
            }
        ),
        [bus.as_str()]
    );
    assert_eq!(
        list_ids(
            &f.store,
            CardQuery {
                from: Some("2025-05-01".into()),
                to: Some("2025-06-10".into()),
                sort: CardSort::ContactAsc,
                ..Default::default()
            }
        ),
        [canteen.as_str(), bus.as_str()]
    );
    submit(&f.store, &bus, Some("2025-06-11")).unwrap();
    assert_eq!(
        list_ids(
            &f.store,
            CardQuery {
                status: Some(CardStatus::Submitted),
                ..Default::default()
            }
        ),
        [bus.as_str()]
    );
    let refused =
        |q: CardQuery| field_messages(cards::list_cards(&f.store, &officer(), &q).unwrap_err());
    let e = refused(CardQuery {
        from: Some("5月1日".into()),
        ..Default::default()
    });
    assert!(message(&e, "from").unwrap().contains("YYYY-MM-DD"));
    // A range ends on or after its start.
    let e = refused(CardQuery {
        from: Some("2025-06-10".into()),
        to: Some("2025-05-01".into()),
        ..Default::default()
    });
    assert_eq!(message(&e, "to"), Some("截止日期不能早于起始日期"));
    let e = refused(CardQuery {
        filed_from: Some("2025-06-10".into()),
        filed_to: Some("2025-05-31".into()),
        ..Default::default()
    });
    assert_eq!(
        message(&e, "filed_to"),
        Some("交回截止日期不能早于交回起始日期")
    );
    // 工作台 asks for "…-31" of any month: accepted.
    let february = CardQuery {
        filed_from: Some("2025-02-01".into()),
        filed_to: Some("2025-02-31".into()),
        ..Default::default()
    };
    assert!(cards::list_cards(&f.store, &officer(), &february).is_ok());
    // An over-long search is refused before it reaches the index.
    let e = refused(CardQuery {
        q: "食".repeat(51),
        ..Default::default()
    });
    assert!(message(&e, "q").is_some());

    // 25 more, then page 3 of 10.
    for i in 0..25 {
        add(
            &f.store,
            &f.delegate,
            "2024-12-02",
            &format!("群众{i:02}"),
            "其他意见。",
            Channel::HomeVisit,
        );
    }
    let mut q = CardQuery {
        channel: Some(Channel::HomeVisit),
        ..Default::default()
    };
    q.page.page_size = 10;
    q.page.page = 3;
    let p = cards::list_cards(&f.store, &officer(), &q).unwrap();
    assert_eq!(p.total, 25);
    assert_eq!(p.items.len(), 5);
    assert_eq!(p.page, 3);
    let item = &p.items[0];
    assert_eq!(item.delegate_name, "张建华");
    assert_eq!(item.delegation_name, "理工代表团");
    assert_eq!(item.opinion_excerpt, "其他意见。");
}

#[test]
fn cards_for_print_by_ids_all_and_period() {
    let f = fixture();
    let a = cards::create_card(&f.store, &officer(), &input(&f.delegate)).unwrap();
    let mut i = input(&f.delegate);
    i.contact_date = "2025-03-03".into();
    i.feedback_on = None;
    let b = cards::create_card(&f.store, &officer(), &i).unwrap();
    let ids = |v: Vec<cards::Card>| v.into_iter().map(|c| c.id).collect::<Vec<_>>();
    let sel = CardSelection::Ids {
        ids: vec![a.id.clone(), b.id.clone()],
    };
    assert_eq!(
        ids(cards::cards_for_print(&f.store, &officer(), &sel).unwrap()),
        [a.id.as_str(), b.id.as_str()]
    );
    assert_eq!(
        ids(cards::cards_for_print(&f.store, &officer(), &CardSelection::All).unwrap()),
        [b.id.as_str(), a.id.as_str()]
    );
    let period = CardSelection::Period {
        from: "2025-09-01".into(),
        to: "2025-09-30".into(),
    };
    assert_eq!(
        ids(cards::cards_for_print(&f.store, &officer(), &period).unwrap()),
        [a.id.as_str()]
    );
    let bad = CardSelection::Period {
        from: "2025-09-30".into(),
        to: "2025-09-01".into(),
    };
    let e = field_messages(cards::cards_for_print(&f.store, &officer(), &bad).unwrap_err());
    assert_eq!(message(&e, "to"), Some("截止日期不能早于起始日期"));
    let open = CardSelection::Period {
        from: "2025-09-01".into(),
        to: " ".into(),
    };
    let e = field_messages(cards::cards_for_print(&f.store, &officer(), &open).unwrap_err());
    assert_eq!(message(&e, "to"), Some("请填写截止日期"));
    let missing = CardSelection::Ids {
        ids: vec!["nope".into()],
    };
    assert_eq!(
        cards::cards_for_print(&f.store, &officer(), &missing)
            .unwrap_err()
            .code(),
        "not_found"
    );
    // The selection is what the UI sends.
    assert_eq!(
        serde_json::to_value(&period).unwrap(),
        serde_json::json!({"kind": "period", "from": "2025-09-01", "to": "2025-09-30"})
    );
}

// ---- demo and export ------------------------------------------------------------------------

#[test]
fn demo_cards_cover_every_channel_and_state_and_export() {
    let s = Store::open_in_memory().unwrap();
    let report = studio_core::demo::load(&s, false).unwrap();
    assert!(report.cards >= 60, "{report:?}");
    // The demo data is made relative to the real today.
    let admin = Ctx::now(admin().actor);
    let all = cards::all_cards_for_export(&s, &admin).unwrap();
    assert_eq!(all.len(), report.cards);
    for ch in Channel::ALL {
        assert!(all.iter().any(|c| c.channel == ch), "no card in {ch:?}");
    }
    let today = admin.today;
    let year_ago = today - chrono::Days::new(366);
    assert!(all.iter().all(|c| {
        let cd = d(&c.contact_date);
        cd <= today && cd >= year_ago
    }));
    for st in [
        DeadlineState::None,
        DeadlineState::Overdue,
        DeadlineState::DueSoon,
        DeadlineState::OnTime,
        DeadlineState::FiledOnTime,
        DeadlineState::FiledLate,
    ] {
        assert!(all.iter().any(|c| c.deadline == st), "no card {st:?}");
    }
    assert!(all.iter().any(|c| c.status == CardStatus::Draft));
    assert!(all.iter().any(|c| c.status == CardStatus::Submitted));
    assert!(all.iter().any(|c| c.opinion.chars().count() >= 600));
    assert!(all.iter().any(|c| c.handling.chars().count() >= 600));
    assert!(all.iter().any(|c| c.group_size > 1));
    assert!(all.iter().any(|c| c.amendment_count > 0));
    let counts = cards::card_counts(&s, &admin).unwrap();
    assert!(
        counts.drafts > 0 && counts.overdue > 0 && counts.due_soon > 0,
        "{counts:?}"
    );

    // JSON: every card, with labels.
    let json: serde_json::Value =
        serde_json::from_slice(&export::cards_json(&all).unwrap()).unwrap();
    let arr = json.as_array().unwrap();
    assert_eq!(arr.len(), all.len());
    assert_eq!(arr[0]["id"], all[0].id.as_str());
    assert!(arr[0]["channel_label"].is_string());
    assert!(["草稿", "已提交"].contains(&arr[0]["status_label"].as_str().unwrap()));

    // CSV: BOM, Chinese header, a line per card (long texts may hold line breaks inside quotes).
    let csv = export::cards_csv(&all);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(csv).unwrap();
    let header = text.trim_start_matches('\u{FEFF}').lines().next().unwrap();
    assert!(
        header.starts_with("编号,联系日期,党代表姓名,所在代表团"),
        "{header}"
    );
    assert!(header.contains("期限状态"));
    assert_eq!(text.matches("\r\n").count(), all.len() + 1);

    // XLSX: a zip that reads back with the same rows.
    let xlsx = export::cards_xlsx(&all).unwrap();
    assert_eq!(&xlsx[..2], b"PK");
    use calamine::Reader;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let range = wb.worksheet_range("记录卡").unwrap();
    let rows: Vec<_> = range.rows().collect();
    assert_eq!(rows.len(), all.len() + 1);
    assert_eq!(rows[0][0].to_string(), "编号");
    assert_eq!(rows[0][1].to_string(), "联系日期");
    assert_eq!(rows[1][0].to_string(), all[0].no);
    assert!(
        all[0].no.len() == 9 && all[0].no.as_bytes()[4] == b'-',
        "{}",
        all[0].no
    );
    let id_col = rows[0].iter().position(|h| *h == "系统编号").unwrap();
    assert_eq!(rows[1][id_col].to_string(), all[0].id);
    assert_eq!(
        rows[1][1].to_string(),
        all[0].contact_date,
        "dates are text"
    );

    let same = export::export_cards(&all, export::ExportFormat::Csv).unwrap();
    assert_eq!(same, export::cards_csv(&all));
}

#[test]
fn every_card_gets_the_next_number_of_its_contact_year_and_is_found_by_it() {
    let f = fixture();
    let s = &f.store;
    let a = make(s, &f.delegate, "2025-09-29", None);
    let b = make(s, &f.delegate, "2024-12-30", None);
    let c = make(s, &f.other_delegate, "2025-01-02", None);
    let no = |id: &str| cards::get_card(s, &officer(), id).unwrap().no;
    assert_eq!(no(&a), "2025-0001");
    assert_eq!(no(&b), "2024-0001");
    assert_eq!(no(&c), "2025-0002");

    // The number stays when the contact date moves to another year; the next card is not given it.
    let card = cards::get_card(s, &officer(), &a).unwrap();
    let mut i = CardInput::from(&card);
    i.contact_date = "2024-11-02".into();
    let moved = cards::update_card(s, &officer(), &a, card.version, &i).unwrap();
    assert_eq!(moved.no, "2025-0001");
    assert_eq!(no(&make(s, &f.delegate, "2025-10-10", None)), "2025-0003");
    assert_eq!(no(&make(s, &f.delegate, "2024-10-10", None)), "2024-0002");

    // The list shows it, and finds a card by its whole number or a part of it.
    let find = |q: &str| -> Vec<String> {
        let q = CardQuery {
            q: q.into(),
            ..Default::default()
        };
        cards::list_cards(s, &officer(), &q)
            .unwrap()
            .items
            .into_iter()
            .map(|c| c.no)
            .collect()
    };
    assert_eq!(find("2025-0002"), vec!["2025-0002"]);
    assert_eq!(find("2024-0001"), vec!["2024-0001"]);
    let mut part = find("-000");
    part.sort();
    assert_eq!(part.len(), 5, "{part:?}");
    assert!(find("2023-0001").is_empty());
}
