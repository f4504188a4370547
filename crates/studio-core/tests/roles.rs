//! Who may do what, enforced in the core (issue 9): the role × permission matrix generated from the
//! permission table (`Role::permissions`), and the reach of delegation heads (their delegation's
//! records) and delegates (their own), for reads as well as writes.

use chrono::NaiveDate;
use studio_core::accounts::{self, NewAccount};
use studio_core::appointments::{self, AppointmentInput};
use studio_core::audit_log::{self, AuditQuery};
use studio_core::cards::{self, Card, CardInput, CardQuery, CardSelection, Channel};
use studio_core::items::{self, ItemAction, ItemCategory, ItemInput, ItemQuery, ItemSource};
use studio_core::roster::{
    self, Delegate, DelegateInput, DelegateQuery, DelegationInput, Gender, PublishFlags,
};
use studio_core::schedule::{self, SlotInput};
use studio_core::storage::audit as log;
use studio_core::{kiosk, maintenance, settings};
use studio_core::{Actor, Ctx, Error, Permission, Role, Store};

const TODAY: &str = "2025-11-20";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ctx(actor: Actor) -> Ctx {
    Ctx::new(actor, d(TODAY))
}

fn admin() -> Ctx {
    ctx(Actor::new("组织部张老师", Role::Admin))
}

/// Two delegations: 理工 with 张建华 (`d1`) and 王芳 (`d1b`), 人文社科 with 李丽华 (`d2`); a card
/// and an item of each, all entered by the administrator.
struct World {
    store: Store,
    dir: tempfile::TempDir,
    g1: String,
    g2: String,
    d1: String,
    d1b: String,
    d2: String,
    card1: String,
    card1b: String,
    card2: String,
    item1: String,
    item1b: String,
    item2: String,
}

fn card_input(delegate: &str) -> CardInput {
    CardInput {
        delegate_id: delegate.into(),
        contact_date: "2025-09-29".into(),
        person_name: "赵小明".into(),
        person_gender: Some(Gender::Male),
        person_age: Some(21),
        person_phone: "139 8765 4321".into(),
        person_address: "南区3号宿舍楼215室".into(),
        channel: Some(Channel::Studio),
        opinion: "反映南区食堂晚餐供应时间短，希望延长营业时间。".into(),
        handling: "已与后勤管理处沟通。".into(),
        feedback_on: Some("2025-09-30".into()),
        ..Default::default()
    }
}

fn item_input(delegates: &[&str]) -> ItemInput {
    ItemInput {
        category: Some(ItemCategory::PolicyInquiry),
        source: Some(ItemSource::Kiosk),
        title: "南区食堂晚餐价格偏高".into(),
        content: "反映南区食堂晚餐价格偏高，希望核查。".into(),
        person_name: "赵小明".into(),
        person_phone: "139 8765 4321".into(),
        person_contact: "南区3号宿舍楼215室".into(),
        delegate_ids: delegates.iter().map(|s| s.to_string()).collect(),
        received_on: "2025-11-03".into(),
        ..Default::default()
    }
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
                position: "教授".into(),
                mobile: "13812345678".into(),
                term: "第三届".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let (d1, d1b, d2) = (
        person(&g1, "张建华"),
        person(&g1, "王芳"),
        person(&g2, "李丽华"),
    );
    let card = |d: &str| cards::create_card(&store, &a, &card_input(d)).unwrap().id;
    let (card1, card1b, card2) = (card(&d1), card(&d1b), card(&d2));
    let item = |d: &str| {
        items::create_item(&store, &a, &item_input(&[d]))
            .unwrap()
            .id
    };
    let (item1, item1b, item2) = (item(&d1), item(&d1b), item(&d2));
    World {
        store,
        dir: tempfile::tempdir().unwrap(),
        g1,
        g2,
        d1,
        d1b,
        d2,
        card1,
        card1b,
        card2,
        item1,
        item1b,
        item2,
    }
}

fn stored_delegate(w: &World, id: &str) -> Delegate {
    studio_core::storage::roster::get_delegate(&w.store.reader().unwrap(), id)
        .unwrap()
        .unwrap()
}

fn profile_input(d: &Delegate) -> DelegateInput {
    DelegateInput {
        name: d.name.clone(),
        gender: d.gender,
        delegation_id: d.delegation_id.clone(),
        unit: d.unit.clone(),
        position: d.position.clone(),
        mobile: d.mobile.clone(),
        office_phone: d.office_phone.clone(),
        email: d.email.clone(),
        bio: d.bio.clone(),
        pledge: d.pledge.clone(),
        term: d.term.clone(),
        display_order: d.display_order,
        publish: d.publish,
        publish_consent: d.publish_consent,
    }
}

fn card_version(w: &World, id: &str) -> i64 {
    studio_core::storage::cards::get_card(&w.store.reader().unwrap(), id)
        .unwrap()
        .unwrap()
        .version
}

fn item_version(w: &World, id: &str) -> i64 {
    studio_core::storage::items::get_item(&w.store.reader().unwrap(), id)
        .unwrap()
        .unwrap()
        .item
        .version
}

fn changes(w: &World) -> usize {
    log::all(&w.store.reader().unwrap()).unwrap().len()
}

fn accesses(w: &World) -> Vec<(String, String, String, String)> {
    log::access_entries(&w.store.reader().unwrap()).unwrap()
}

// ---- the matrix -------------------------------------------------------------------------------

/// One representative core call for each permission: it needs exactly that permission (and, for
/// 督办, handling items too: [`also_needs`]).
fn attempt(w: &World, ctx: &Ctx, p: Permission) -> studio_core::Result<()> {
    let s = &w.store;
    match p {
        Permission::ReadRoster => {
            roster::list_delegates(s, ctx, &DelegateQuery::default()).map(drop)
        }
        Permission::ReadRecords => cards::list_cards(s, ctx, &CardQuery::default()).map(drop),
        Permission::EditRoster => roster::create_delegation(
            s,
            ctx,
            &DelegationInput {
                name: "机关代表团".into(),
                ..Default::default()
            },
        )
        .map(drop),
        Permission::EditOwnProfile => {
            let me = stored_delegate(w, &w.d1);
            let mut input = profile_input(&me);
            input.mobile = "13900001111".into();
            input.pledge = "做党员群众的贴心人。".into();
            roster::update_delegate(s, ctx, &w.d1, me.version, &input).map(drop)
        }
        Permission::EditSettings => {
            let current = settings::load(s)?;
            settings::save(s, ctx, &current).map(drop)
        }
        Permission::ReadPersonalData => cards::get_card(s, ctx, &w.card1).map(drop),
        Permission::ExportPersonalData => cards::all_cards_for_export(s, ctx).map(drop),
        Permission::Maintain => {
            maintenance::backup(s, ctx, &w.dir.path().join("backup.db")).map(drop)
        }
        Permission::EditCards => cards::create_card(s, ctx, &card_input(&w.d1)).map(drop),
        Permission::HandleItems => items::create_item(s, ctx, &item_input(&[&w.d1])).map(drop),
        Permission::Supervise => items::act(
            s,
            ctx,
            &w.item1,
            item_version(w, &w.item1),
            &ItemAction::Chase {
                note: "请加快办理".into(),
                on: String::new(),
            },
        )
        .map(drop),
        Permission::ManageAccounts => accounts::add(
            s,
            ctx,
            &NewAccount {
                login: "wanglian".into(),
                name: "王联络".into(),
                role: Some(Role::Liaison),
                delegate_id: None,
                password: "Studio2026".into(),
            },
        )
        .map(drop),
        Permission::ReadAudit => audit_log::list(s, ctx, &AuditQuery::default()).map(drop),
        Permission::AdministerAudit => audit_log::archive(s, ctx, 6, w.dir.path()).map(drop),
        Permission::ReadSchedule => schedule::week_duty(s, ctx, TODAY).map(drop),
        Permission::EditSchedule => schedule::create_slot(
            s,
            ctx,
            &SlotInput {
                date: "2025-11-25".into(),
                start: "14:30".into(),
                end: "17:00".into(),
                delegate_ids: vec![w.d1.clone()],
                ..Default::default()
            },
        )
        .map(drop),
        Permission::HandleAppointments => appointments::create_appointment(
            s,
            ctx,
            &AppointmentInput {
                person_name: "赵小明".into(),
                person_phone: "139 8765 4321".into(),
                delegate_id: w.d1.clone(),
                date: "2025-11-26".into(),
                start: "09:00".into(),
                end: "10:00".into(),
                topic: "反映南区食堂晚餐供应时间短。".into(),
                ..Default::default()
            },
        )
        .map(drop),
        Permission::ImportRecords => {
            studio_core::import::template(s, ctx, studio_core::import::ImportKind::Cards).map(drop)
        }
        Permission::EditStudio => studio_core::news::create_news(
            s,
            ctx,
            &studio_core::news::NewsInput {
                title: "党代表接待日走进图书馆".into(),
                date: TODAY.into(),
                body: "接待顺利。".into(),
                ..Default::default()
            },
        )
        .map(drop),
        Permission::ManageFunds => studio_core::funds::create_spending(
            s,
            ctx,
            &studio_core::funds::SpendingInput {
                date: TODAY.into(),
                purpose: "印制记录卡".into(),
                amount: "320.00".into(),
                source: Some(studio_core::funds::FundSource::College),
                ..Default::default()
            },
        )
        .map(drop),
        Permission::UseKiosk => kiosk::submit_message(
            s,
            ctx,
            &kiosk::MessageInput {
                name: "赵小明".into(),
                phone: "139 8765 4321".into(),
                category: Some(ItemCategory::Hardship),
                text: "宿舍楼热水供应不稳定，希望学校尽快维修。".into(),
                consent: true,
                ..Default::default()
            },
            ItemSource::Kiosk,
        )
        .map(drop),
    }
}

/// What [`attempt`]'s call checks before `p`.
fn also_needs(p: Permission) -> &'static [Permission] {
    match p {
        Permission::Supervise => &[Permission::HandleItems],
        _ => &[],
    }
}

#[test]
fn every_role_may_do_what_the_permission_table_says_and_nothing_else() {
    let mut wrong = Vec::new();
    let mut checked = 0;
    for role in Role::ALL {
        for p in Permission::ALL {
            // Every actor is 张建华 of 理工代表团, so a head's or a delegate's reach covers the
            // records the calls touch and only the permission decides (staff reach everything).
            let w = world();
            let actor = Actor::new(format!("测试{}", role.label()), role).as_delegate(&w.d1, &w.g1);
            let c = ctx(actor.clone());
            let needed: Vec<Permission> = also_needs(p).iter().copied().chain([p]).collect();
            let missing = needed
                .iter()
                .copied()
                .find(|n| !role.permissions().contains(n));
            if role.permissions().contains(&p) {
                assert_eq!(
                    missing, None,
                    "{role:?} may {p:?} by the table but lacks what its call also needs"
                );
            }
            let before = changes(&w);
            let got = attempt(&w, &c, p);
            checked += 1;
            match (missing, got) {
                (None, Ok(())) => {}
                (None, Err(e)) => wrong.push(format!("{role:?} × {p:?}: allowed, got {e:?}")),
                (Some(m), Err(Error::Forbidden(msg))) => {
                    let expected =
                        format!("{}（{}）没有权限：{}", actor.name, role.label(), m.label());
                    if msg != expected {
                        wrong.push(format!(
                            "{role:?} × {p:?}: message {msg:?}, expected {expected:?}"
                        ));
                    }
                    if changes(&w) != before {
                        wrong.push(format!(
                            "{role:?} × {p:?}: refused but something was written"
                        ));
                    }
                }
                (Some(_), other) => wrong.push(format!(
                    "{role:?} × {p:?}: should be refused, got {other:?}"
                )),
            }
        }
    }
    assert_eq!(checked, Role::ALL.len() * Permission::ALL.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

// ---- reach: a delegate's own records, a head's delegation ------------------------------------

fn delegate_of(w: &World) -> Ctx {
    ctx(Actor::new("张建华", Role::Delegate).as_delegate(&w.d1, &w.g1))
}

fn head_of(w: &World) -> Ctx {
    ctx(Actor::new("张建华", Role::Head).as_delegate(&w.d1, &w.g1))
}

fn card_ids(page: studio_core::Page<cards::CardListItem>) -> Vec<String> {
    let mut ids: Vec<String> = page.items.into_iter().map(|c| c.id).collect();
    ids.sort();
    ids
}

fn item_ids(page: studio_core::Page<items::ItemListItem>) -> Vec<String> {
    let mut ids: Vec<String> = page.items.into_iter().map(|c| c.id).collect();
    ids.sort();
    ids
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn ids_of(cards: Vec<Card>) -> Vec<String> {
    sorted(cards.into_iter().map(|c| c.id).collect())
}

/// A refusal because the record is out of reach: `forbidden`, in Chinese, naming whose records the
/// actor may handle.
fn out_of_reach<T: std::fmt::Debug>(r: studio_core::Result<T>, whose: &str, what: &str) {
    match r {
        Err(Error::Forbidden(m)) => assert!(
            m.contains(&format!("只能查看和办理{whose}的记录")),
            "{what}: {m}"
        ),
        other => panic!("{what}: expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_delegate_sees_only_their_own_cards() {
    let w = world();
    let me = delegate_of(&w);
    let s = &w.store;
    // The list, whatever the filters ask.
    let all = card_ids(cards::list_cards(s, &me, &CardQuery::default()).unwrap());
    assert_eq!(all, vec![w.card1.clone()]);
    let theirs = CardQuery {
        delegate_id: Some(w.d2.clone()),
        ..Default::default()
    };
    assert!(cards::list_cards(s, &me, &theirs).unwrap().items.is_empty());
    let my_delegation = CardQuery {
        delegation_id: Some(w.g1.clone()),
        ..Default::default()
    };
    assert_eq!(
        card_ids(cards::list_cards(s, &me, &my_delegation).unwrap()),
        vec![w.card1.clone()],
        "not the colleague's card of the same delegation"
    );
    let page = cards::list_cards(s, &me, &CardQuery::default()).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(cards::card_count(s, &me).unwrap(), 1);
    assert_eq!(cards::card_counts(s, &me).unwrap().drafts, 1);
    assert_eq!(cards::card_count(s, &admin()).unwrap(), 3);

    // The full card: one's own only; a refused opening is not recorded.
    assert_eq!(cards::get_card(s, &me, &w.card1).unwrap().id, w.card1);
    out_of_reach(
        cards::get_card(s, &me, &w.card1b),
        "本人",
        "a colleague's card",
    );
    out_of_reach(
        cards::get_card(s, &me, &w.card2),
        "本人",
        "another delegation's card",
    );
    out_of_reach(cards::card_history(s, &me, &w.card2), "本人", "history");
    out_of_reach(
        cards::card_amendments(s, &me, &w.card2),
        "本人",
        "amendments",
    );
    assert!(cards::card_history(s, &me, &w.card1).unwrap().len() == 1);
    assert_eq!(
        accesses(&w),
        [(
            "张建华".to_string(),
            "card".to_string(),
            w.card1.clone(),
            "view".to_string()
        )]
    );

    // Printing: chosen cards must all be one's own; all cards or a period mean one's own.
    let mine = CardSelection::Ids {
        ids: vec![w.card1.clone()],
    };
    assert_eq!(
        ids_of(cards::cards_for_print(s, &me, &mine).unwrap()),
        vec![w.card1.clone()]
    );
    let mixed = CardSelection::Ids {
        ids: vec![w.card1.clone(), w.card2.clone()],
    };
    out_of_reach(
        cards::cards_for_print(s, &me, &mixed),
        "本人",
        "print by ids",
    );
    assert_eq!(
        ids_of(cards::cards_for_print(s, &me, &CardSelection::All).unwrap()),
        vec![w.card1.clone()]
    );
    let period = CardSelection::Period {
        from: "2025-09-01".into(),
        to: "2025-09-30".into(),
    };
    assert_eq!(
        ids_of(cards::cards_for_print(s, &me, &period).unwrap()),
        vec![w.card1.clone()]
    );
    assert_eq!(
        cards::cards_for_print(s, &admin(), &period).unwrap().len(),
        3
    );
    // Exports are staff's.
    assert_eq!(
        cards::all_cards_for_export(s, &me).unwrap_err().code(),
        "forbidden"
    );
}

#[test]
fn a_delegates_card_writes_out_of_reach_are_refused_and_write_nothing() {
    let w = world();
    let me = delegate_of(&w);
    let s = &w.store;
    let before = changes(&w);
    let v2 = card_version(&w, &w.card2);
    out_of_reach(
        cards::create_card(s, &me, &card_input(&w.d2)),
        "本人",
        "a card for another delegate",
    );
    out_of_reach(
        cards::create_card(s, &me, &card_input(&w.d1b)),
        "本人",
        "a card for a colleague",
    );
    out_of_reach(
        cards::update_card(s, &me, &w.card2, v2, &card_input(&w.d2)),
        "本人",
        "update",
    );
    out_of_reach(
        cards::submit_card(s, &me, &w.card2, v2, None),
        "本人",
        "submit",
    );
    out_of_reach(
        cards::amend_card(s, &me, &w.card2, v2, &card_input(&w.d2), "更正"),
        "本人",
        "amend",
    );
    out_of_reach(
        cards::discard_draft(s, &me, &w.card2, v2),
        "本人",
        "discard",
    );
    // Nor may one's own card be handed to someone else.
    let v1 = card_version(&w, &w.card1);
    out_of_reach(
        cards::update_card(s, &me, &w.card1, v1, &card_input(&w.d2)),
        "本人",
        "move one's card to another delegate",
    );
    out_of_reach(
        cards::delegate_snapshot(s, &me, &w.d2),
        "本人",
        "another delegate's snapshot",
    );
    assert_eq!(changes(&w), before, "nothing was written");
    assert_eq!(
        (card_version(&w, &w.card1), card_version(&w, &w.card2)),
        (v1, v2)
    );
    assert_eq!(cards::card_count(s, &admin()).unwrap(), 3);

    // Their own cards they write as anyone at the desk does.
    let mine = cards::create_card(s, &me, &card_input(&w.d1)).unwrap();
    let mut edit = card_input(&w.d1);
    edit.person_age = Some(22);
    let saved = cards::update_card(s, &me, &mine.id, mine.version, &edit).unwrap();
    cards::submit_card(s, &me, &mine.id, saved.version, None).unwrap();
    assert_eq!(cards::card_count(s, &me).unwrap(), 2);
}

#[test]
fn a_head_reaches_their_delegations_records_and_no_other() {
    let w = world();
    let head = head_of(&w);
    let s = &w.store;
    // Cards.
    assert_eq!(
        card_ids(cards::list_cards(s, &head, &CardQuery::default()).unwrap()),
        sorted(vec![w.card1.clone(), w.card1b.clone()])
    );
    let other = CardQuery {
        delegation_id: Some(w.g2.clone()),
        ..Default::default()
    };
    assert!(cards::list_cards(s, &head, &other)
        .unwrap()
        .items
        .is_empty());
    assert_eq!(cards::card_count(s, &head).unwrap(), 2);
    cards::get_card(s, &head, &w.card1b).unwrap();
    out_of_reach(cards::get_card(s, &head, &w.card2), "本代表团", "get_card");
    assert_eq!(
        ids_of(cards::cards_for_print(s, &head, &CardSelection::All).unwrap()),
        sorted(vec![w.card1.clone(), w.card1b.clone()])
    );
    // Items.
    assert_eq!(
        item_ids(items::list_items(s, &head, &ItemQuery::default()).unwrap()),
        sorted(vec![w.item1.clone(), w.item1b.clone()])
    );
    assert_eq!(items::item_count(s, &head).unwrap(), 2);
    assert_eq!(items::item_counts(s, &head).unwrap().open, 2);
    assert_eq!(items::item_counts(s, &admin()).unwrap().open, 3);
    items::get_item(s, &head, &w.item1b).unwrap();
    out_of_reach(items::get_item(s, &head, &w.item2), "本代表团", "get_item");
    // The delegation's delegates in full, not another delegation's.
    roster::get_delegate(s, &head, &w.d1b).unwrap();
    out_of_reach(
        roster::get_delegate(s, &head, &w.d2),
        "本代表团",
        "get_delegate",
    );
    out_of_reach(
        roster::delegate_history(s, &head, &w.d2),
        "本代表团",
        "delegate_history",
    );
    // Writes: within the delegation yes, outside no, and nothing written then.
    cards::create_card(s, &head, &card_input(&w.d1b)).unwrap();
    let before = changes(&w);
    out_of_reach(
        cards::create_card(s, &head, &card_input(&w.d2)),
        "本代表团",
        "create_card",
    );
    let note = ItemAction::Note {
        note: "已电话联系反映人".into(),
        on: String::new(),
    };
    out_of_reach(
        items::act(s, &head, &w.item2, item_version(&w, &w.item2), &note),
        "本代表团",
        "act",
    );
    assert_eq!(changes(&w), before, "nothing was written");
    items::act(s, &head, &w.item1b, item_version(&w, &w.item1b), &note).unwrap();
    // A head does not supervise.
    let chase = ItemAction::Chase {
        note: String::new(),
        on: String::new(),
    };
    assert_eq!(
        items::act(s, &head, &w.item1b, item_version(&w, &w.item1b), &chase)
            .unwrap_err()
            .to_string(),
        "张建华（代表团团长）没有权限：督办"
    );
}

#[test]
fn a_delegate_sees_and_handles_only_their_own_items() {
    let w = world();
    let me = delegate_of(&w);
    let s = &w.store;
    assert_eq!(
        item_ids(items::list_items(s, &me, &ItemQuery::default()).unwrap()),
        vec![w.item1.clone()]
    );
    let theirs = ItemQuery {
        delegate_id: Some(w.d2.clone()),
        ..Default::default()
    };
    assert!(items::list_items(s, &me, &theirs).unwrap().items.is_empty());
    let found = items::list_items(
        s,
        &me,
        &ItemQuery {
            q: "食堂".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(item_ids(found), vec![w.item1.clone()]);
    let similar: Vec<String> = items::similar_items(s, &me, "南区食堂晚餐价格偏高", None, 10)
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(similar, vec![w.item1.clone()]);
    assert_eq!(
        items::similar_items(s, &admin(), "南区食堂晚餐价格偏高", None, 10)
            .unwrap()
            .len(),
        3
    );
    assert_eq!(items::item_count(s, &me).unwrap(), 1);
    items::get_item(s, &me, &w.item1).unwrap();
    out_of_reach(items::get_item(s, &me, &w.item1b), "本人", "get_item");
    assert_eq!(accesses(&w).len(), 1, "a refused opening is not recorded");
    out_of_reach(
        items::item_for_card(s, &me, &w.card2),
        "本人",
        "item_for_card",
    );
    assert_eq!(items::item_for_card(s, &me, &w.card1).unwrap(), None);
    assert_eq!(
        items::items_for_export(s, &me, None, None)
            .unwrap_err()
            .code(),
        "forbidden"
    );

    // Writes out of reach: refused, nothing written.
    let before = changes(&w);
    let v1 = item_version(&w, &w.item1);
    out_of_reach(
        items::create_item(s, &me, &item_input(&[&w.d2])),
        "本人",
        "create_item for another",
    );
    out_of_reach(
        items::create_item(s, &me, &item_input(&[])),
        "本人",
        "create_item without a delegate",
    );
    out_of_reach(
        items::update_item(
            s,
            &me,
            &w.item2,
            item_version(&w, &w.item2),
            &item_input(&[&w.d2]),
        ),
        "本人",
        "update another's item",
    );
    out_of_reach(
        items::update_item(s, &me, &w.item1, v1, &item_input(&[&w.d2])),
        "本人",
        "hand one's item to another",
    );
    out_of_reach(
        items::link_card(s, &me, &w.item1, v1, &w.card2),
        "本人",
        "link another's card",
    );
    out_of_reach(
        items::create_from_card(s, &me, &w.card2, ItemCategory::PolicyInquiry, ""),
        "本人",
        "an item from another's card",
    );
    let note = ItemAction::Note {
        note: "已电话联系反映人".into(),
        on: String::new(),
    };
    out_of_reach(
        items::act(s, &me, &w.item2, item_version(&w, &w.item2), &note),
        "本人",
        "a step on another's item",
    );
    assert_eq!(changes(&w), before, "nothing was written");
    assert_eq!(item_version(&w, &w.item1), v1);

    // Their own: yes.
    let linked = items::link_card(s, &me, &w.item1, v1, &w.card1).unwrap();
    assert_eq!(linked.card_id.as_deref(), Some(w.card1.as_str()));
    assert_eq!(
        items::item_for_card(s, &me, &w.card1).unwrap().unwrap().id,
        w.item1
    );
    items::act(s, &me, &w.item1, linked.version, &note).unwrap();
    items::create_item(s, &me, &item_input(&[&w.d1])).unwrap();
    assert_eq!(items::item_count(s, &me).unwrap(), 2);
}

#[test]
fn a_head_or_delegate_account_without_a_delegate_record_reaches_nothing() {
    let w = world();
    let s = &w.store;
    for role in [Role::Head, Role::Delegate] {
        let lost = ctx(Actor::new("未关联", role));
        assert!(cards::list_cards(s, &lost, &CardQuery::default())
            .unwrap()
            .items
            .is_empty());
        assert!(items::list_items(s, &lost, &ItemQuery::default())
            .unwrap()
            .items
            .is_empty());
        assert_eq!(cards::card_count(s, &lost).unwrap(), 0);
        assert_eq!(items::item_counts(s, &lost).unwrap().open, 0);
        assert!(cards::cards_for_print(s, &lost, &CardSelection::All)
            .unwrap()
            .is_empty());
        for r in [
            cards::get_card(s, &lost, &w.card1).map(drop),
            items::get_item(s, &lost, &w.item1).map(drop),
            cards::create_card(s, &lost, &card_input(&w.d1)).map(drop),
            roster::get_delegate(s, &lost, &w.d1).map(drop),
        ] {
            assert_eq!(r.unwrap_err().code(), "forbidden", "{role:?}");
        }
        // The public roster stays readable.
        assert_eq!(
            roster::list_delegates(s, &lost, &DelegateQuery::default())
                .unwrap()
                .total,
            3
        );
    }
}

// ---- a delegate's own profile -----------------------------------------------------------------

#[test]
fn a_delegate_edits_their_own_profile_but_not_the_roster_fields() {
    let w = world();
    let me = delegate_of(&w);
    let s = &w.store;
    let mine = stored_delegate(&w, &w.d1);
    let mut input = profile_input(&mine);
    input.mobile = "139 0000 1111".into();
    input.office_phone = "0536-8785123".into();
    input.email = "zhang@example.edu.cn".into();
    input.bio = "长期从事计算机教学科研工作。".into();
    input.pledge = "做党员群众的贴心人。".into();
    input.publish = PublishFlags {
        mobile: true,
        ..PublishFlags::recommended()
    };
    let saved = roster::update_delegate(s, &me, &w.d1, mine.version, &input).unwrap();
    assert_eq!(saved.mobile, "13900001111");
    assert_eq!(saved.pledge, "做党员群众的贴心人。");
    assert!(saved.publish.mobile);
    assert_eq!(saved.name, "张建华");
    assert_eq!(saved.version, mine.version + 1);
    let last = log::all(&s.reader().unwrap()).unwrap().pop().unwrap();
    assert_eq!(
        (last.actor.as_str(), last.action.as_str()),
        ("张建华", "update")
    );

    // The roster's fields come back as they are, or the save is refused field by field.
    let before = changes(&w);
    let mut renamed = profile_input(&saved);
    renamed.name = "张建国".into();
    renamed.unit = "外国语学院".into();
    renamed.delegation_id = w.g2.clone();
    renamed.position = "院长".into();
    renamed.term = "第四届".into();
    renamed.display_order = 9;
    renamed.gender = Gender::Female;
    match roster::update_delegate(s, &me, &w.d1, saved.version, &renamed) {
        Err(Error::Validation(fields)) => {
            let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
            assert_eq!(
                names,
                [
                    "name",
                    "gender",
                    "delegation_id",
                    "unit",
                    "position",
                    "term",
                    "display_order"
                ]
            );
            assert_eq!(
                fields[0].message,
                "姓名由组织部在名册中维护，修改本人资料时不能更改"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(changes(&w), before, "nothing was written");
    assert_eq!(stored_delegate(&w, &w.d1).name, "张建华");

    // Someone else's profile, and the roster's own operations, are the administrator's.
    let colleague = stored_delegate(&w, &w.d1b);
    let e = roster::update_delegate(
        s,
        &me,
        &w.d1b,
        colleague.version,
        &profile_input(&colleague),
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "张建华（党代表）没有权限：维护名册");
    let e = roster::mark_delegate_left(s, &me, &w.d1, saved.version, None).unwrap_err();
    assert_eq!(e.to_string(), "张建华（党代表）没有权限：维护名册");
    assert_eq!(changes(&w), before);

    // A photo: one's own, not a colleague's.
    let mut png = Vec::new();
    image::RgbImage::from_pixel(40, 40, image::Rgb([1, 2, 3]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let with_photo = roster::set_delegate_photo(s, &me, &w.d1, saved.version, &png).unwrap();
    assert!(with_photo.photo.is_some());
    assert_eq!(
        roster::set_delegate_photo(s, &me, &w.d1b, colleague.version, &png)
            .unwrap_err()
            .code(),
        "forbidden"
    );

    // Their own full record; a colleague's only on the public roster.
    assert_eq!(
        roster::get_delegate(s, &me, &w.d1).unwrap().mobile,
        "13900001111"
    );
    out_of_reach(
        roster::get_delegate(s, &me, &w.d1b),
        "本人",
        "a colleague's record",
    );
    let page = roster::list_delegates(s, &me, &DelegateQuery::default()).unwrap();
    assert_eq!(page.total, 3);

    // The administrator changes everything.
    let by_admin =
        roster::update_delegate(s, &admin(), &w.d1, with_photo.version, &renamed).unwrap();
    assert_eq!(by_admin.name, "张建国");
    assert_eq!(by_admin.delegation_id, w.g2);
}

#[test]
fn a_liaison_no_longer_keeps_the_roster() {
    let w = world();
    let liaison = ctx(Actor::new("王联络", Role::Liaison));
    let s = &w.store;
    let d = stored_delegate(&w, &w.d1);
    let before = changes(&w);
    let refused = [
        roster::create_delegation(
            s,
            &liaison,
            &DelegationInput {
                name: "机关代表团".into(),
                ..Default::default()
            },
        )
        .map(drop),
        roster::create_delegate(s, &liaison, &profile_input(&d)).map(drop),
        roster::update_delegate(s, &liaison, &w.d1, d.version, &profile_input(&d)).map(drop),
        roster::mark_delegate_left(s, &liaison, &w.d1, d.version, None).map(drop),
        roster::likely_duplicates(s, &liaison, "张建华", "计算机工程学院", None).map(drop),
    ];
    for (i, r) in refused.into_iter().enumerate() {
        assert_eq!(
            r.unwrap_err().to_string(),
            "王联络（联络员）没有权限：维护名册",
            "#{i}"
        );
    }
    assert_eq!(changes(&w), before);
    // They read it, full records included (the studio's desk needs the phones).
    assert_eq!(
        roster::get_delegate(s, &liaison, &w.d2).unwrap().mobile,
        "13812345678"
    );
    // The administrator keeps it.
    let mut moved = profile_input(&d);
    moved.unit = "外国语学院".into();
    roster::update_delegate(s, &admin(), &w.d1, d.version, &moved).unwrap();
    roster::create_delegation(
        s,
        &admin(),
        &DelegationInput {
            name: "机关代表团".into(),
            ..Default::default()
        },
    )
    .unwrap();
}
