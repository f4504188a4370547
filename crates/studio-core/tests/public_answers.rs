//! 代表回复 (public answers, issue 13) through the core: a consenting message, once answered,
//! is prepared and published by staff and read by visitors with nothing of its writer; an
//! unconsented or unanswered message never appears; the permissions, versions, timeline and change
//! log hold.

use studio_core::audit::{self, Entity};
use studio_core::items::{self, ItemAction, ItemCategory, ItemEventKind, ItemSource};
use studio_core::kiosk::{self, MessageInput};
use studio_core::public_answers::{
    self, PublicAnswerQuery, PublicationInput, PublicationQuery, PublicationState,
};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender, PublishFlags};
use studio_core::{Actor, Ctx, Error, Role, Store};

const WRITER: &str = "赵小明";
const PHONE: &str = "13912345678";

fn admin() -> Ctx {
    Ctx::now(Actor::new("组织部张老师", Role::Admin))
}

fn liaison() -> Ctx {
    Ctx::now(Actor::new("王联络", Role::Liaison))
}

fn visitor() -> Ctx {
    Ctx::now(Actor::with_id(
        "web:visitor",
        "网上工作室访客",
        Role::Visitor,
    ))
}

struct World {
    store: Store,
    delegate: Ctx,
    delegate_id: String,
}

fn world() -> World {
    let store = Store::open_in_memory().unwrap();
    let a = admin();
    let g = roster::create_delegation(
        &store,
        &a,
        &DelegationInput {
            name: "理工代表团".into(),
            display_order: 1,
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let d = roster::create_delegate(
        &store,
        &a,
        &DelegateInput {
            name: "张建华".into(),
            gender: Gender::Female,
            delegation_id: g.clone(),
            unit: "计算机工程学院".into(),
            position: "教授".into(),
            mobile: "13812345678".into(),
            term: "第三届".into(),
            publish: PublishFlags::recommended(),
            publish_consent: true,
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    World {
        store,
        delegate: Ctx::now(Actor::new("张建华", Role::Delegate).as_delegate(&d, &g)),
        delegate_id: d,
    }
}

/// A message from the online studio; returns the item's id.
fn message(w: &World, phone: &str, text: &str, publish_ok: bool) -> String {
    let receipt = kiosk::submit_message(
        &w.store,
        &visitor(),
        &MessageInput {
            name: WRITER.into(),
            phone: phone.into(),
            category: Some(ItemCategory::Hardship),
            text: text.into(),
            delegate_id: None,
            consent: true,
            publish_ok,
        },
        ItemSource::Online,
    )
    .unwrap();
    let found = items::list_items(
        &w.store,
        &admin(),
        &items::ItemQuery {
            q: receipt.query_code.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    found.items[0].id.clone()
}

/// Staff route the item to the delegate, who answers it.
fn route_and_answer(w: &World, id: &str, answer: &str) {
    let v = items::get_item(&w.store, &liaison(), id)
        .unwrap()
        .item
        .version;
    let routed = items::route_item(
        &w.store,
        &liaison(),
        id,
        v,
        std::slice::from_ref(&w.delegate_id),
    )
    .unwrap();
    items::act(
        &w.store,
        &w.delegate,
        id,
        routed.version,
        &ItemAction::Answer {
            answer: answer.into(),
            on: String::new(),
        },
    )
    .unwrap();
}

fn public(w: &World, q: &str) -> Vec<public_answers::PublicAnswer> {
    public_answers::public_answers(
        &w.store,
        &visitor(),
        &PublicAnswerQuery {
            q: q.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .items
}

fn texts(question: &str, answer: &str) -> PublicationInput {
    PublicationInput {
        question: question.into(),
        answer: answer.into(),
    }
}

#[test]
fn a_published_answer_shows_category_question_delegate_answer_and_dates_only() {
    let w = world();
    let id = message(
        &w,
        PHONE,
        &format!("我是{WRITER}，南区宿舍热水不稳定，电话{PHONE}。"),
        true,
    );
    route_and_answer(&w, &id, "已协调后勤处，本周内完成热水系统检修。");

    // The form starts from the originals; staff must take the writer's name and phone out.
    let form = public_answers::publication_form(&w.store, &liaison(), &id).unwrap();
    assert_eq!(form.state, PublicationState::None);
    assert!(form.blocked.is_none());
    let e = public_answers::save_publication(
        &w.store,
        &liaison(),
        &id,
        0,
        &texts(&form.question, &form.answer),
        true,
    )
    .unwrap_err();
    let fields: Vec<_> = e.payload().fields.into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["question"], "{e}");
    assert!(public(&w, "").is_empty());

    let p = public_answers::save_publication(
        &w.store,
        &liaison(),
        &id,
        0,
        &texts("南区宿舍热水供应不稳定，希望尽快维修。", &form.answer),
        true,
    )
    .unwrap();
    assert!(p.published);

    let page = public(&w, "");
    assert_eq!(page.len(), 1);
    let a = &page[0];
    assert_eq!(a.category, ItemCategory::Hardship);
    assert_eq!(a.category_label, "困难帮扶请求");
    assert_eq!(a.question, "南区宿舍热水供应不稳定，希望尽快维修。");
    assert_eq!(a.answer, "已协调后勤处，本周内完成热水系统检修。");
    assert_eq!(a.delegate_names, "张建华");
    assert_eq!(
        a.answered_on,
        w.delegate.today.format("%Y-%m-%d").to_string()
    );
    assert!(!a.received_on.is_empty() && !a.published_on.is_empty());
    // Nothing of the writer anywhere in what a visitor gets.
    let json = serde_json::to_string(&page).unwrap();
    assert!(!json.contains(WRITER), "{json}");
    assert!(!json.contains(PHONE) && !json.contains("5678"), "{json}");
}

#[test]
fn an_unconsented_or_unanswered_item_never_appears() {
    let w = world();
    let unconsented = message(&w, "13900000001", "食堂饭菜价格偏高。", false);
    let unanswered = message(&w, "13900000002", "图书馆座位紧张。", true);
    route_and_answer(&w, &unconsented, "已转后勤处。");

    // Staff's list holds only the consenting message; the unconsented one cannot be prepared.
    let list = public_answers::publication_list(&w.store, &liaison(), &PublicationQuery::default())
        .unwrap();
    let ids: Vec<_> = list.items.iter().map(|r| r.item_id.as_str()).collect();
    assert_eq!(ids, [unanswered.as_str()]);
    let e = public_answers::save_publication(
        &w.store,
        &liaison(),
        &unconsented,
        0,
        &texts("食堂饭菜价格偏高。", "已转后勤处。"),
        true,
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid", "{e}");

    // Unanswered: saved as a draft, but publishing is refused.
    let form = public_answers::publication_form(&w.store, &liaison(), &unanswered).unwrap();
    assert!(form.blocked.as_deref().unwrap().contains("尚未答复"));
    let e = public_answers::save_publication(
        &w.store,
        &liaison(),
        &unanswered,
        0,
        &texts("图书馆座位紧张。", "拟增设自习室。"),
        true,
    )
    .unwrap_err();
    assert!(e.to_string().contains("尚未答复"), "{e}");
    let draft = public_answers::save_publication(
        &w.store,
        &liaison(),
        &unanswered,
        0,
        &texts("图书馆座位紧张。", "拟增设自习室。"),
        false,
    )
    .unwrap();
    assert!(!draft.published);
    assert!(public(&w, "").is_empty());
}

#[test]
fn a_reopened_item_leaves_the_page_and_a_withdrawn_one_too() {
    let w = world();
    let id = message(&w, PHONE, "宿舍热水不稳定。", true);
    route_and_answer(&w, &id, "已检修。");
    let p = public_answers::save_publication(
        &w.store,
        &liaison(),
        &id,
        0,
        &texts("宿舍热水不稳定。", "已检修。"),
        true,
    )
    .unwrap();
    assert_eq!(public(&w, "").len(), 1);

    // Withdrawn: gone; the stale version is refused.
    let withdrawn =
        public_answers::withdraw_publication(&w.store, &liaison(), &id, p.version).unwrap();
    assert!(public(&w, "").is_empty());
    let e = public_answers::withdraw_publication(&w.store, &liaison(), &id, p.version).unwrap_err();
    assert!(matches!(e, Error::Stale(_)), "{e}");
    let again = public_answers::save_publication(
        &w.store,
        &liaison(),
        &id,
        withdrawn.version,
        &texts("宿舍热水不稳定。", "已检修。"),
        true,
    )
    .unwrap();
    assert_eq!(
        public_answers::publication_form(&w.store, &liaison(), &id)
            .unwrap()
            .state,
        PublicationState::Published
    );
    assert!(again.version > withdrawn.version);

    // Fed back, then 不满意: the item is reopened and loses its answer day, so it leaves the page.
    let a = admin();
    let v = items::get_item(&w.store, &a, &id).unwrap().item.version;
    let i = items::act(
        &w.store,
        &a,
        &id,
        v,
        &ItemAction::Feedback {
            feedback: "电话告知".into(),
            on: String::new(),
        },
    )
    .unwrap();
    items::act(
        &w.store,
        &a,
        &id,
        i.version,
        &ItemAction::FollowUp {
            satisfaction: items::Satisfaction::Dissatisfied,
            note: "仍无热水".into(),
            on: String::new(),
        },
    )
    .unwrap();
    assert!(public(&w, "").is_empty());
}

#[test]
fn search_and_pages() {
    let w = world();
    for n in 0..12 {
        let phone = format!("139000000{n:02}");
        let id = message(&w, &phone, &format!("第{n}个问题"), true);
        let topic = if n % 2 == 0 { "热水" } else { "食堂" };
        route_and_answer(&w, &id, &format!("关于{topic}的答复{n}"));
        public_answers::save_publication(
            &w.store,
            &liaison(),
            &id,
            0,
            &texts(&format!("{topic}问题{n}"), &format!("关于{topic}的答复{n}")),
            true,
        )
        .unwrap();
    }
    let page = |q: &str, page: u32| {
        public_answers::public_answers(
            &w.store,
            &visitor(),
            &PublicAnswerQuery {
                q: q.into(),
                page,
                ..Default::default()
            },
        )
        .unwrap()
    };
    let first = page("", 1);
    assert_eq!((first.total, first.items.len()), (12, 10));
    assert_eq!(page("", 2).items.len(), 2);
    let hot = page("热水", 1);
    assert_eq!(hot.total, 6);
    assert!(hot.items.iter().all(|a| a.question.contains("热水")));
    assert_eq!(page("张建华 食堂", 1).total, 6);
    assert_eq!(page("没有的词", 1).total, 0);
    // Bounded like every search.
    let long = PublicAnswerQuery {
        q: "字".repeat(51),
        ..Default::default()
    };
    assert!(public_answers::public_answers(&w.store, &visitor(), &long).is_err());
}

#[test]
fn only_staff_prepare_and_every_step_is_on_the_timeline_and_in_the_change_log() {
    let w = world();
    let id = message(&w, PHONE, "宿舍热水不稳定。", true);
    route_and_answer(&w, &id, "已检修。");
    // A delegate and a visitor may not prepare or publish; a visitor may not read staff's list.
    for ctx in [w.delegate.clone(), visitor()] {
        let e = public_answers::save_publication(
            &w.store,
            &ctx,
            &id,
            0,
            &texts("宿舍热水不稳定。", "已检修。"),
            true,
        )
        .unwrap_err();
        assert_eq!(e.code(), "forbidden");
        assert!(public_answers::publication_list(&w.store, &ctx, &Default::default()).is_err());
    }
    let p = public_answers::save_publication(
        &w.store,
        &liaison(),
        &id,
        0,
        &texts("宿舍热水不稳定。", "已检修。"),
        false,
    )
    .unwrap();
    let p = public_answers::save_publication(
        &w.store,
        &liaison(),
        &id,
        p.version,
        &texts("宿舍热水不稳定。", "已检修。"),
        true,
    )
    .unwrap();
    public_answers::withdraw_publication(&w.store, &liaison(), &id, p.version).unwrap();

    let detail = items::get_item(&w.store, &admin(), &id).unwrap();
    let kinds: Vec<_> = detail
        .timeline
        .iter()
        .map(|e| e.kind)
        .filter(|k| {
            matches!(
                k,
                ItemEventKind::PublicSaved | ItemEventKind::Published | ItemEventKind::Unpublished
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ItemEventKind::PublicSaved,
            ItemEventKind::Published,
            ItemEventKind::Unpublished
        ]
    );
    assert!(detail.timeline.iter().any(|e| e.actor == "王联络"));
    let history = audit::history(&w.store, &admin(), Entity::PublicAnswer, &id).unwrap();
    let actions: Vec<_> = history.iter().map(|c| c.action.as_str()).collect();
    assert_eq!(actions, ["create", "publish", "unpublish"]);
}

#[test]
fn staffs_list_filters_by_where_each_message_stands() {
    let w = world();
    // Four consenting messages: untouched, prepared, published, withdrawn; one without consent.
    let untouched = message(&w, "13900000001", "食堂饭菜价格偏高。", true);
    let prepared = message(&w, "13900000002", "图书馆空调太冷。", true);
    let published = message(&w, "13900000003", "操场照明不足。", true);
    let withdrawn = message(&w, "13900000004", "快递点排队太久。", true);
    message(&w, "13900000005", "不愿公开的留言。", false);
    for id in [&prepared, &published, &withdrawn] {
        route_and_answer(&w, id, "已协调解决。");
    }
    let save = |id: &str, publish: bool| {
        public_answers::save_publication(
            &w.store,
            &liaison(),
            id,
            0,
            &texts("留言内容。", "已协调解决。"),
            publish,
        )
        .unwrap()
    };
    save(&prepared, false);
    save(&published, true);
    let p = save(&withdrawn, true);
    public_answers::withdraw_publication(&w.store, &liaison(), &withdrawn, p.version).unwrap();

    let ids = |state: Option<PublicationState>, answered_only: bool| {
        let page = public_answers::publication_list(
            &w.store,
            &liaison(),
            &PublicationQuery {
                state,
                answered_only,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(page.total as usize, page.items.len());
        let mut ids: Vec<String> = page.items.into_iter().map(|r| r.item_id).collect();
        ids.sort();
        ids
    };
    let sorted = |mut v: Vec<&String>| {
        v.sort();
        v.into_iter().cloned().collect::<Vec<_>>()
    };
    assert_eq!(
        ids(None, false),
        sorted(vec![&untouched, &prepared, &published, &withdrawn])
    );
    assert_eq!(
        ids(None, true),
        sorted(vec![&prepared, &published, &withdrawn])
    );
    assert_eq!(
        ids(Some(PublicationState::None), false),
        std::slice::from_ref(&untouched)
    );
    assert_eq!(
        ids(Some(PublicationState::Draft), false),
        std::slice::from_ref(&prepared)
    );
    assert_eq!(
        ids(Some(PublicationState::Published), false),
        std::slice::from_ref(&published)
    );
    assert_eq!(
        ids(Some(PublicationState::Withdrawn), false),
        std::slice::from_ref(&withdrawn)
    );
    assert!(ids(Some(PublicationState::None), true).is_empty());
}
