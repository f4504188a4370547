//! A private person's data on request (个人信息保护法): finding it, a copy for them, and erasure
//! that leaves no byte of their name or phone in the database file: cards, items, a kiosk message
//! and a kiosk appointment request with their query codes.

use chrono::NaiveDate;
use serde_json::Value;
use studio_core::appointments::{self, AppointmentSource, AppointmentStatus};
use studio_core::audit_log::{self, AuditQuery, AuditResult, NewAuditEntry};
use studio_core::cards::{self, CardInput, CardQuery, CardStatus, Channel, PoliticalStatus};
use studio_core::items::{
    self, ItemAction, ItemCategory, ItemInput, ItemQuery, ItemSource, ItemStatus,
};
use studio_core::kiosk::{self, AppointmentRequestInput, DayPeriod, MessageInput};
use studio_core::personal_data::{self, PersonalDataCopy, ERASED};
use studio_core::roster::{self, Gender};
use studio_core::{demo, Actor, Ctx, Error, Role, Store};

const TODAY: &str = "2025-11-20";
const NAME: &str = "欧阳明远";
const PHONE: &str = "13912345678";
/// The phone first written on the card by mistake, corrected by an amendment.
const OLD_PHONE: &str = "13912345670";
const ADDRESS: &str = "东区7号楼302室";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn as_role(name: &str, role: Role) -> Ctx {
    Ctx::new(Actor::new(name, role), d(TODAY))
}

fn admin() -> Ctx {
    as_role("组织部张老师", Role::Admin)
}

fn liaison() -> Ctx {
    as_role("王联络", Role::Liaison)
}

fn forbidden<T: std::fmt::Debug>(r: studio_core::Result<T>) {
    assert!(matches!(r, Err(Error::Forbidden(_))), "{r:?}");
}

/// What the person left in the studio's records.
struct Person {
    card: String,
    from_card: String,
    direct: String,
    /// Another person's item whose text names them.
    mention: String,
    /// Their message at the kiosk, and its query code.
    kiosk_item: String,
    kiosk_code: String,
    /// Their request at the kiosk to meet a delegate, and its query code.
    appointment: String,
    appointment_code: String,
}

/// A card (written with a wrong phone, submitted, amended with the right one and a note naming
/// them), an item made from it and handled, another item they raised directly, a third person's
/// item that mentions them, an audit line whose reason names them, and at the kiosk a message and
/// a request to meet a delegate (whose topic names them), each with its query code.
fn leave_traces(s: &Store) -> Person {
    let ctx = liaison();
    let delegate = roster::all_delegates(s, &ctx).unwrap()[0].id.clone();
    let input = CardInput {
        delegate_id: delegate.clone(),
        contact_date: "2025-11-10".into(),
        person_name: NAME.into(),
        person_gender: Some(Gender::Male),
        person_age: Some(67),
        person_political_status: Some(PoliticalStatus::Masses),
        person_unit_position: "学校退休职工".into(),
        person_phone: OLD_PHONE.into(),
        person_address: ADDRESS.into(),
        person_consent: Some(true),
        channel: Some(Channel::Studio),
        opinion: format!("{NAME}反映东区路灯损坏多日，夜间出行不便。"),
        handling: "已联系后勤管理处维修。".into(),
        feedback_on: Some("2025-11-12".into()),
        ..Default::default()
    };
    let card = cards::create_card(s, &ctx, &input).unwrap();
    assert_eq!(card.person_consent, Some(true));
    let card = cards::submit_card(s, &ctx, &card.id, card.version, Some("2025-11-13")).unwrap();
    let amended = CardInput {
        person_phone: "139 1234 5678".into(),
        handling: format!("已联系后勤管理处维修，并电话告知{NAME}（{PHONE}）。"),
        ..input
    };
    let card =
        cards::amend_card(s, &ctx, &card.id, card.version, &amended, "电话号码记错").unwrap();
    assert_eq!(card.person_phone, PHONE);
    assert_eq!(card.person_consent, Some(true));
    cards::get_card(s, &ctx, &card.id).unwrap();

    let item =
        items::create_from_card(s, &ctx, &card.id, ItemCategory::Implementation, "").unwrap();
    assert_eq!(
        item.person_consent,
        Some(true),
        "the card's consent goes with it"
    );
    let item = items::act(
        s,
        &ctx,
        &item.id,
        item.version,
        &ItemAction::Start {
            note: format!("已与{NAME}电话沟通（{PHONE}），约定现场查看。"),
            on: "2025-11-14".into(),
        },
    )
    .unwrap();
    let item = items::act(
        s,
        &ctx,
        &item.id,
        item.version,
        &ItemAction::Answer {
            answer: "东区路灯已全部修复。".into(),
            on: "2025-11-17".into(),
        },
    )
    .unwrap();

    let direct = items::create_item(
        s,
        &ctx,
        &ItemInput {
            category: Some(ItemCategory::Hardship),
            source: Some(ItemSource::Hotline),
            title: "退休职工医疗报销咨询".into(),
            content: "来电咨询退休职工门诊报销比例。".into(),
            person_name: NAME.into(),
            person_phone: PHONE.into(),
            person_contact: ADDRESS.into(),
            person_consent: Some(false),
            delegate_ids: vec![delegate.clone()],
            received_on: "2025-11-18".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(direct.person_consent, Some(false));
    // Consent changed on its own is an edit like any other.
    let input = ItemInput {
        category: Some(direct.category),
        source: Some(direct.source),
        title: direct.title.clone(),
        content: direct.content.clone(),
        person_name: direct.person_name.clone(),
        person_phone: direct.person_phone.clone(),
        person_contact: direct.person_contact.clone(),
        person_consent: Some(true),
        delegate_ids: vec![delegate.clone()],
        received_on: direct.received_on.clone(),
        ..Default::default()
    };
    let direct = items::update_item(s, &ctx, &direct.id, direct.version, &input).unwrap();
    assert_eq!(direct.person_consent, Some(true));
    assert_eq!(direct.version, 2);

    let mention = items::create_item(
        s,
        &ctx,
        &ItemInput {
            category: Some(ItemCategory::PublicOpinion),
            source: Some(ItemSource::Kiosk),
            title: "东区路灯".into(),
            content: format!("与{NAME}同楼，东区路灯也请一并检修。"),
            person_name: "钱小红".into(),
            person_phone: "13800001111".into(),
            received_on: "2025-11-18".into(),
            ..Default::default()
        },
    )
    .unwrap();
    // A line of the audit log written elsewhere with the person in its reason.
    audit_log::record(
        s,
        &NewAuditEntry {
            actor: &ctx.actor,
            area: "card",
            action: "export",
            target: &card.id,
            summary: &format!("应{NAME}要求打印"),
            result: AuditResult::Ok,
        },
    )
    .unwrap();
    // At the kiosk: a message, then a request to meet a delegate the next working day.
    let visitor = Ctx::new(
        Actor::with_id("kiosk:studio-pc", "自助终端", Role::Visitor),
        d(TODAY),
    );
    let receipt = kiosk::submit_message(
        s,
        &visitor,
        &MessageInput {
            name: NAME.into(),
            phone: PHONE.into(),
            category: Some(ItemCategory::PublicOpinion),
            text: "东区路灯修好后又坏了，晚上回家很不方便，请代表帮忙催一下。".into(),
            consent: true,
            ..Default::default()
        },
        ItemSource::Kiosk,
    )
    .unwrap();
    let kiosk_item = items::list_items(
        s,
        &ctx,
        &ItemQuery {
            q: receipt.query_code.clone(),
            ..Default::default()
        },
    )
    .unwrap()
    .items[0]
        .id
        .clone();
    let to_meet = kiosk::delegate_profiles(s, &visitor).unwrap()[0].delegates[0]
        .id
        .clone();
    let asked = kiosk::request_appointment(
        s,
        &visitor,
        &AppointmentRequestInput {
            name: NAME.into(),
            phone: "139 1234 5678".into(),
            delegate_id: to_meet,
            date: "2025-11-21".into(),
            period: Some(DayPeriod::Morning),
            topic: format!("{NAME}想当面反映东区路灯维修进度"),
            consent: true,
        },
        AppointmentSource::Kiosk,
    )
    .unwrap();
    let appointment = appointments::list_appointments(
        s,
        &ctx,
        &appointments::AppointmentQuery {
            q: asked.query_code.clone(),
            ..Default::default()
        },
    )
    .unwrap()
    .items[0]
        .id
        .clone();
    Person {
        card: card.id,
        from_card: item.id,
        direct: direct.id,
        mention: mention.id,
        kiosk_item,
        kiosk_code: receipt.query_code,
        appointment,
        appointment_code: asked.query_code,
    }
}

/// Every file of the database: the file itself and its WAL, if any.
fn database_bytes(path: &std::path::Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    let wal = std::path::PathBuf::from(format!("{}-wal", path.display()));
    if wal.exists() {
        bytes.extend(std::fs::read(wal).unwrap());
    }
    bytes
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn erasure_leaves_no_trace_of_the_person_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("studio.db");
    let s = Store::open(&path).unwrap();
    demo::load_on(&s, d(TODAY), false).unwrap();
    let p = leave_traces(&s);

    // Found by name and phone, in full.
    let found = personal_data::find_person(&s, &liaison(), NAME, Some("139-1234-5678")).unwrap();
    assert_eq!(found.cards.len(), 1);
    assert_eq!(found.cards[0].id, p.card);
    assert_eq!(found.cards[0].person_address, ADDRESS);
    let ids: Vec<&str> = found.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        vec![
            p.from_card.as_str(),
            p.direct.as_str(),
            p.kiosk_item.as_str()
        ]
    );
    assert_eq!(found.appointments.len(), 1);
    assert_eq!(found.appointments[0].id, p.appointment);
    assert_eq!(found.appointments[0].person_phone, PHONE);
    // By name alone too; another phone finds nothing.
    let by_name = personal_data::find_person(&s, &liaison(), NAME, None).unwrap();
    assert_eq!(
        (
            by_name.cards.len(),
            by_name.items.len(),
            by_name.appointments.len()
        ),
        (1, 3, 1)
    );
    let other = personal_data::find_person(&s, &liaison(), NAME, Some("13800001111")).unwrap();
    assert!(other.cards.is_empty() && other.items.is_empty() && other.appointments.is_empty());
    // Before the erasure, each code opens 查询进度 with the phone's last four digits.
    let visitor = as_role("自助终端", Role::Visitor);
    for code in [&p.kiosk_code, &p.appointment_code] {
        kiosk::query_progress(&s, &visitor, code, "5678").unwrap();
    }

    // The copy: the card in full with its amendment, the items with their timelines.
    let bytes = personal_data::copy_for_person(
        &s,
        &liaison(),
        NAME,
        Some(PHONE),
        &format!("{NAME}本人申请"),
    )
    .unwrap();
    let copy: PersonalDataCopy = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(copy.name, NAME);
    assert_eq!(copy.phone.as_deref(), Some(PHONE));
    assert_eq!(copy.cards.len(), 1);
    assert_eq!(copy.cards[0].card.person_phone, PHONE);
    assert_eq!(copy.cards[0].card.person_age, Some(67));
    assert_eq!(copy.cards[0].amendments.len(), 1);
    assert_eq!(
        copy.cards[0].amendments[0].before["person_phone"],
        OLD_PHONE
    );
    assert_eq!(copy.items.len(), 3);
    let from_card = &copy.items[0];
    assert_eq!(from_card.item.id, p.from_card);
    assert!(from_card.timeline.iter().any(|e| e.text.contains(PHONE)));
    assert!(from_card.query_codes.is_empty());
    assert!(!copy.items[1].timeline.is_empty());
    assert_eq!(copy.items[2].item.id, p.kiosk_item);
    assert_eq!(
        copy.items[2].query_codes,
        std::slice::from_ref(&p.kiosk_code)
    );
    assert_eq!(copy.appointments.len(), 1);
    assert_eq!(
        copy.appointments[0].query_code.as_deref(),
        Some(p.appointment_code.as_str())
    );

    // Only an administrator erases; the others are refused and nothing changes.
    for role in [
        Role::Liaison,
        Role::Head,
        Role::Delegate,
        Role::Auditor,
        Role::Visitor,
    ] {
        forbidden(personal_data::erase_person(
            &s,
            &as_role("某人", role),
            NAME,
            Some(PHONE),
            "本人申请删除",
        ));
    }
    forbidden(personal_data::find_person(
        &s,
        &as_role("访客", Role::Visitor),
        NAME,
        None,
    ));
    forbidden(personal_data::find_person(
        &s,
        &as_role("审计", Role::Auditor),
        NAME,
        None,
    ));
    forbidden(personal_data::copy_for_person(
        &s,
        &as_role("团长", Role::Head),
        NAME,
        None,
        "x",
    ));
    assert!(matches!(
        personal_data::erase_person(&s, &admin(), NAME, Some(PHONE), " "),
        Err(Error::Validation(_))
    ));
    assert!(
        holds(&database_bytes(&path), NAME),
        "the test looks in the right place"
    );

    let before_card = cards::get_card(&s, &admin(), &p.card).unwrap();
    let before_appointment = appointments::get_appointment(&s, &admin(), &p.appointment).unwrap();
    let before_detail = items::get_item(&s, &admin(), &p.from_card).unwrap();
    let before_item = &before_detail.item;
    let report = personal_data::erase_person(
        &s,
        &admin(),
        NAME,
        Some(PHONE),
        &format!("{NAME}本人书面申请删除（{PHONE}）"),
    )
    .unwrap();
    assert_eq!(
        (
            report.cards,
            report.items,
            report.appointments,
            report.query_codes
        ),
        (1, 3, 1, 2)
    );
    assert_eq!(report.mentions, 1, "{report:?}");
    assert_eq!(report.card_amendments, 1, "{report:?}");
    assert!(report.item_events >= 1, "{report:?}");
    assert!(report.change_records >= 10, "{report:?}");
    assert!(report.audit_entries >= 1, "{report:?}");
    assert!(report.compacted);

    // The card keeps its facts; the person's fields are gone.
    let card = cards::get_card(&s, &admin(), &p.card).unwrap();
    assert_eq!(card.person_name, ERASED);
    assert_eq!(
        (
            card.person_phone.as_str(),
            card.person_address.as_str(),
            card.person_unit_position.as_str()
        ),
        ("", "", "")
    );
    assert_eq!(card.person_age, None);
    assert_eq!(card.person_gender, Some(Gender::Male));
    assert_eq!(card.person_political_status, Some(PoliticalStatus::Masses));
    assert_eq!(
        card.opinion,
        "（已删除）反映东区路灯损坏多日，夜间出行不便。"
    );
    assert_eq!(
        (
            card.status,
            card.contact_date.as_str(),
            card.filed_on.as_deref()
        ),
        (CardStatus::Submitted, "2025-11-10", Some("2025-11-13"))
    );
    assert_eq!(card.version, before_card.version + 1);
    assert_eq!(card.amendment_count, 1);

    // The item too: its category, status, dates and texts that do not identify stay.
    let detail = items::get_item(&s, &admin(), &p.from_card).unwrap();
    let item = &detail.item;
    assert_eq!(item.person_name, ERASED);
    assert_eq!(
        (item.person_phone.as_str(), item.person_contact.as_str()),
        ("", "")
    );
    assert_eq!(item.category, ItemCategory::Implementation);
    assert_eq!(item.status, ItemStatus::Answered);
    assert_eq!(item.received_on, before_item.received_on);
    assert_eq!(item.answered_on.as_deref(), Some("2025-11-17"));
    assert_eq!(item.due_on, before_item.due_on);
    assert_eq!(item.answer, "东区路灯已全部修复。");
    assert_eq!(item.version, before_item.version + 1);
    // The timeline is rewritten in place, never shortened or lengthened.
    assert_eq!(detail.timeline.len(), before_detail.timeline.len());
    assert!(detail
        .timeline
        .iter()
        .any(|e| e.text == "已与（已删除）电话沟通（（已删除）），约定现场查看。"));
    let direct = items::get_item(&s, &admin(), &p.direct).unwrap().item;
    assert_eq!(direct.person_name, ERASED);
    assert_eq!(direct.content, "来电咨询退休职工门诊报销比例。");
    assert_eq!(direct.person_consent, Some(true));
    let mention = items::get_item(&s, &admin(), &p.mention).unwrap().item;
    assert_eq!(mention.person_name, "钱小红");
    assert_eq!(mention.content, "与（已删除）同楼，东区路灯也请一并检修。");
    let kiosk_item = items::get_item(&s, &admin(), &p.kiosk_item).unwrap().item;
    assert_eq!(
        (
            kiosk_item.person_name.as_str(),
            kiosk_item.person_phone.as_str(),
            kiosk_item.source
        ),
        (ERASED, "", ItemSource::Kiosk)
    );

    // The appointment keeps its delegate, day, time and status; the topic loses the name.
    let a = appointments::get_appointment(&s, &admin(), &p.appointment).unwrap();
    assert_eq!(
        (a.person_name.as_str(), a.person_phone.as_str()),
        (ERASED, "")
    );
    assert_eq!(a.topic, "（已删除）想当面反映东区路灯维修进度");
    assert_eq!(
        (
            a.delegate_id.as_str(),
            a.date.as_str(),
            a.start.as_str(),
            a.status,
            a.source
        ),
        (
            before_appointment.delegate_id.as_str(),
            "2025-11-21",
            "08:00",
            AppointmentStatus::Pending,
            AppointmentSource::Kiosk
        )
    );
    assert_eq!(a.version, before_appointment.version + 1);
    let history = appointments::appointment_history(&s, &admin(), &p.appointment).unwrap();
    assert_eq!(history.last().unwrap().action, "erase");
    let text = serde_json::to_string(&history).unwrap();
    assert!(!text.contains(NAME) && !text.contains(PHONE), "{text}");

    // The query codes stay (never given again) but open 查询进度 for no one, whatever is typed.
    let conn = s.reader().unwrap();
    for code in [&p.kiosk_code, &p.appointment_code] {
        let row =
            studio_core::storage::kiosk::get_code(&conn, &kiosk::normalize_code(code).unwrap())
                .unwrap()
                .expect("the code stays");
        assert_eq!(row.phone_last4, "");
    }
    drop(conn);
    for code in [&p.kiosk_code, &p.appointment_code] {
        for digits in ["5678", "", "    "] {
            let e = kiosk::query_progress(&s, &visitor, code, digits).unwrap_err();
            assert_eq!(e.code(), "not_found", "{code} {digits:?}");
        }
        let records = studio_core::audit::history(
            &s,
            &admin(),
            studio_core::Entity::QueryCode,
            &kiosk::normalize_code(code).unwrap(),
        )
        .unwrap();
        let actions: Vec<&str> = records.iter().map(|r| r.action.as_str()).collect();
        assert_eq!(actions, ["create", "erase"]);
        assert!(
            !serde_json::to_string(&records).unwrap().contains("5678"),
            "{records:?}"
        );
    }

    // The change records say which fields, never the values.
    let history = cards::card_history(&s, &admin(), &p.card).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.action, "erase");
    let text = serde_json::to_string(&history).unwrap();
    assert!(!text.contains(NAME) && !text.contains(PHONE), "{text}");

    // The search indexes no longer find them, by 4, 3 or 2 characters.
    for q in [NAME, "欧阳明", "明远", "欧阳"] {
        let cards = cards::list_cards(
            &s,
            &admin(),
            &CardQuery {
                q: q.into(),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(cards.total, 0, "cards {q}");
        let items = items::list_items(
            &s,
            &admin(),
            &ItemQuery {
                q: q.into(),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(items.total, 0, "items {q}");
    }
    let found = personal_data::find_person(&s, &admin(), NAME, None).unwrap();
    assert!(found.cards.is_empty() && found.items.is_empty() && found.appointments.is_empty());
    assert!(matches!(
        personal_data::erase_person(&s, &admin(), NAME, None, "再次申请"),
        Err(Error::NotFound(_))
    ));

    // The audit log has the erasure, with the counts and the reason, without the name or phone.
    let q = AuditQuery {
        area: Some("personal_data".into()),
        action: Some("erase".into()),
        ..Default::default()
    };
    let entries = audit_log::list(&s, &admin(), &q).unwrap().items;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].target, "记录卡 1 张，事项 3 件，约见 1 次");
    assert_eq!(entries[0].summary, "＊＊＊本人书面申请删除（＊＊＊）");
    assert_eq!(entries[0].actor, "组织部张老师");
    let all = audit_log::export(
        &s,
        &admin(),
        &AuditQuery::default(),
        audit_log::AuditFormat::Json,
    )
    .unwrap();
    let all = String::from_utf8(all).unwrap();
    assert!(!all.contains(NAME) && !all.contains(PHONE));
    assert!(all.contains("\"copy\""), "the copy was logged");

    // And the file: not one byte of the name, the phones or the address.
    drop(s);
    let bytes = database_bytes(&path);
    // With the name's 3-character pieces: what the trigram index holds of it.
    for secret in [
        NAME,
        "欧阳明",
        "阳明远",
        PHONE,
        OLD_PHONE,
        "139 1234 5678",
        ADDRESS,
        "学校退休职工",
    ] {
        assert!(!holds(&bytes, secret), "{secret} is still in the file");
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(
        cards::get_card(&s, &admin(), &p.card).unwrap().person_name,
        ERASED
    );
}

#[test]
fn a_namesake_keeps_their_name_and_a_delegate_sees_only_their_reach() {
    let s = Store::open_in_memory().unwrap();
    demo::load_on(&s, d(TODAY), false).unwrap();
    let delegates: Vec<_> = roster::all_delegates(&s, &liaison())
        .unwrap()
        .into_iter()
        .filter(|d| d.status == roster::DelegateStatus::Active)
        .collect();
    let mine = &delegates[0];
    let theirs = delegates
        .iter()
        .find(|d| d.delegation_id != mine.delegation_id)
        .unwrap();
    let card = |delegate: &str, phone: &str| {
        cards::create_card(
            &s,
            &liaison(),
            &CardInput {
                delegate_id: delegate.into(),
                contact_date: "2025-11-10".into(),
                person_name: NAME.into(),
                person_phone: phone.into(),
                channel: Some(Channel::Studio),
                opinion: "希望增加校车班次。".into(),
                ..Default::default()
            },
        )
        .unwrap()
    };
    let person = card(&mine.id, PHONE);
    let namesake = card(&theirs.id, "13800002222");
    assert_eq!(person.person_consent, None, "not asked");

    // A delegate finds only the cards of their own.
    let me = Ctx::new(
        Actor::new(&mine.name, Role::Delegate).as_delegate(&mine.id, &mine.delegation_id),
        d(TODAY),
    );
    let found = personal_data::find_person(&s, &me, NAME, None).unwrap();
    assert_eq!(
        found
            .cards
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        vec![person.id.as_str()]
    );
    assert_eq!(
        personal_data::find_person(&s, &liaison(), NAME, None)
            .unwrap()
            .cards
            .len(),
        2
    );

    // Erasing the one with this phone leaves the namesake as they are.
    let report = personal_data::erase_person(&s, &admin(), NAME, Some(PHONE), "本人申请").unwrap();
    assert_eq!((report.cards, report.items, report.mentions), (1, 0, 0));
    let kept = cards::get_card(&s, &admin(), &namesake.id).unwrap();
    assert_eq!(kept.person_name, NAME);
    assert_eq!(kept.version, namesake.version);
    let history = cards::card_history(&s, &admin(), &namesake.id).unwrap();
    assert!(serde_json::to_string(&history).unwrap().contains(NAME));
    assert_eq!(
        cards::get_card(&s, &admin(), &person.id)
            .unwrap()
            .person_name,
        ERASED
    );
    // Bad input is a validation error naming the field.
    match personal_data::find_person(&s, &admin(), " ", Some("12345")) {
        Err(Error::Validation(f)) => {
            let fields: Vec<_> = f.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(fields, vec!["name", "phone"]);
        }
        other => panic!("{other:?}"),
    }
    let _: Value = serde_json::from_slice(
        &personal_data::copy_for_person(&s, &admin(), NAME, None, "本人申请").unwrap(),
    )
    .unwrap();
}
