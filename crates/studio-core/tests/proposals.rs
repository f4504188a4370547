//! 提议 through the core's public functions: drafted from ledger items (linked both ways), the
//! steps to 办结, units' deadlines across the National Day holiday, each unit's own answer, an
//! evaluation sending it back, supervision figures, permissions and stale versions.

use chrono::NaiveDate;
use studio_core::items::{
    self, ItemCategory, ItemDeadlineState, ItemEventKind, ItemInput, ItemSource, Satisfaction,
};
use studio_core::proposals::{
    self, Proposal, ProposalAction, ProposalActionKind, ProposalEventKind, ProposalInput,
    ProposalQuery, ProposalStatus, ProposalView, UnitReferral,
};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender};
use studio_core::{Actor, Ctx, Error, Role, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn staff(day: &str) -> Ctx {
    Ctx::new(Actor::new("组织部张老师", Role::Admin), d(day))
}

struct Fixture {
    store: Store,
    delegation: String,
    other_delegation: String,
    head: String,
    items: Vec<String>,
    other_item: String,
}

impl Fixture {
    fn head(&self, day: &str) -> Ctx {
        Ctx::new(
            Actor::new("张建华", Role::Head).as_delegate(&self.head, &self.delegation),
            d(day),
        )
    }
}

fn fixture() -> Fixture {
    let store = Store::open_in_memory().unwrap();
    let ctx = staff("2025-09-01");
    let group = |name: &str| {
        roster::create_delegation(
            &store,
            &ctx,
            &DelegationInput {
                name: name.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let person = |g: &str, name: &str| {
        roster::create_delegate(
            &store,
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
    let d1 = person(&g1, "张建华");
    let d2 = person(&g2, "李丽华");
    let item = |delegate: &str, title: &str| {
        items::create_item(
            &store,
            &ctx,
            &ItemInput {
                category: Some(ItemCategory::PartyBuilding),
                source: Some(ItemSource::Card),
                title: title.into(),
                content: format!("{title}。"),
                delegate_ids: vec![delegate.into()],
                received_on: "2025-09-01".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id
    };
    let items = vec![
        item(&d1, "食堂晚餐供应时间短"),
        item(&d1, "晚课后无处就餐"),
        item(&d1, "实验结束后食堂已关门"),
    ];
    let other_item = item(&d2, "图书馆座位紧张");
    Fixture {
        store,
        delegation: g1,
        other_delegation: g2,
        head: d1,
        items,
        other_item,
    }
}

fn draft(f: &Fixture, ctx: &Ctx, item_ids: Vec<String>) -> Result<Proposal, Error> {
    proposals::create_proposal(
        &f.store,
        ctx,
        &ProposalInput {
            delegation_id: String::new(),
            title: "关于延长食堂晚餐供应时间的提议".into(),
            problem: "晚课和实验结束后食堂已停止供应。".into(),
            suggestion: "建议将晚餐供应延长至 20:00。".into(),
            item_ids,
            drafted_on: String::new(),
        },
    )
}

fn act(f: &Fixture, ctx: &Ctx, p: &Proposal, a: ProposalAction) -> Result<Proposal, Error> {
    proposals::act(&f.store, ctx, &p.id, p.version, &a)
}

fn refer(units: &[(&str, u32)], on: &str) -> ProposalAction {
    ProposalAction::Refer {
        units: units
            .iter()
            .map(|(u, days)| UnitReferral {
                unit: u.to_string(),
                days: *days,
            })
            .collect(),
        on: on.into(),
    }
}

fn answer(unit: &str, on: &str) -> ProposalAction {
    ProposalAction::Answer {
        unit: unit.into(),
        answer: format!("{unit}：已延长至 20:00。"),
        on: on.into(),
    }
}

fn evaluate(unit: &str, s: Satisfaction, on: &str) -> ProposalAction {
    ProposalAction::Evaluate {
        unit: unit.into(),
        satisfaction: s,
        note: String::new(),
        on: on.into(),
    }
}

/// Drafted, discussed and submitted by the head; ready to be referred on 2025-09-30.
fn submitted(f: &Fixture) -> Proposal {
    let head = f.head("2025-09-26");
    let p = draft(f, &head, f.items.clone()).unwrap();
    let p = act(
        f,
        &head,
        &p,
        ProposalAction::Discuss {
            participants: "理工代表团 9 名党代表".into(),
            outcome: "同意提交".into(),
            on: String::new(),
        },
    )
    .unwrap();
    act(f, &head, &p, ProposalAction::Submit { on: String::new() }).unwrap()
}

#[test]
fn items_and_proposal_are_linked_both_ways() {
    let f = fixture();
    let head = f.head("2025-09-26");
    let p = draft(&f, &head, f.items.clone()).unwrap();
    assert_eq!(p.no, "2025-0001");
    assert_eq!(p.status, ProposalStatus::Draft);
    assert_eq!(p.delegation_name, "理工代表团");
    let nos: Vec<&str> = p.items.iter().map(|i| i.no.as_str()).collect();
    assert_eq!(nos, ["2025-0001", "2025-0002", "2025-0003"]);
    // Each item lists the proposal, and its timeline says it went into it.
    for id in &f.items {
        let of = proposals::proposals_of_item(&f.store, &head, id).unwrap();
        assert_eq!(of.len(), 1);
        assert_eq!(of[0].no, p.no);
        let detail = items::get_item(&f.store, &staff("2025-09-26"), id).unwrap();
        let last = detail.timeline.last().unwrap();
        assert_eq!(last.kind, ItemEventKind::ProposalLinked);
        assert!(
            last.text.contains(&p.no) && last.text.contains("食堂"),
            "{}",
            last.text
        );
    }
    // Taking an item out of the draft says so on that item's timeline.
    let p2 = proposals::update_proposal(
        &f.store,
        &head,
        &p.id,
        p.version,
        &ProposalInput {
            title: p.title.clone(),
            problem: p.problem.clone(),
            suggestion: p.suggestion.clone(),
            item_ids: f.items[..2].to_vec(),
            drafted_on: p.drafted_on.clone(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(p2.items.len(), 2);
    assert!(proposals::proposals_of_item(&f.store, &head, &f.items[2])
        .unwrap()
        .is_empty());
    let detail = items::get_item(&f.store, &staff("2025-09-26"), &f.items[2]).unwrap();
    assert_eq!(
        detail.timeline.last().unwrap().kind,
        ItemEventKind::ProposalUnlinked
    );
    // The editing form based on the old version is refused.
    let stale = proposals::update_proposal(
        &f.store,
        &head,
        &p.id,
        p.version,
        &ProposalInput {
            title: "另一个标题".into(),
            problem: "问题".into(),
            suggestion: "建议".into(),
            item_ids: f.items.clone(),
            ..Default::default()
        },
    );
    assert_eq!(stale.unwrap_err().code(), "conflict");
}

#[test]
fn a_head_drafts_from_their_own_items_only() {
    let f = fixture();
    let head = f.head("2025-09-26");
    let e = draft(&f, &head, vec![f.other_item.clone()]).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    // Nor the items a proposal of the other delegation could hang off; an item that is not
    // there is the form's field error.
    let e = proposals::proposals_of_item(&f.store, &head, &f.other_item).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    let e = draft(
        &f,
        &head,
        vec!["019ad000-0000-7000-8000-000000009999".into()],
    )
    .unwrap_err();
    assert!(
        matches!(&e, Error::Validation(v) if v[0].field == "item_ids" && v[0].message.contains("不存在")),
        "{e:?}"
    );
    let e = draft(&f, &head, Vec::new()).unwrap_err();
    assert_eq!(e.code(), "validation");
    // Staff draft for a delegation they name; without one it is a field error.
    let e = draft(&f, &staff("2025-09-26"), f.items.clone()).unwrap_err();
    assert!(
        matches!(&e, Error::Validation(v) if v[0].field == "delegation_id"),
        "{e:?}"
    );
    // The other delegation's head does not see this delegation's proposal.
    let p = draft(&f, &head, f.items.clone()).unwrap();
    let other = Ctx::new(
        Actor::new("李丽华", Role::Head).as_delegate("x", &f.other_delegation),
        d("2025-09-26"),
    );
    assert_eq!(
        proposals::get_proposal(&f.store, &other, &p.id)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert_eq!(
        proposals::list_proposals(&f.store, &other, &ProposalQuery::default())
            .unwrap()
            .total,
        0
    );
    // Referring is the Organization Department's: the head may not.
    let p = submitted(&f);
    let e = act(
        &f,
        &f.head("2025-09-30"),
        &p,
        refer(&[("后勤管理处", 3)], ""),
    )
    .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    // A head's detail page offers the delegation's steps, not staff's.
    let detail = proposals::get_proposal(&f.store, &f.head("2025-09-30"), &p.id).unwrap();
    assert_eq!(detail.allowed, vec![ProposalActionKind::Note]);
    let detail = proposals::get_proposal(&f.store, &staff("2025-09-30"), &p.id).unwrap();
    assert_eq!(
        detail.allowed,
        vec![
            ProposalActionKind::Refer,
            ProposalActionKind::Decline,
            ProposalActionKind::Note
        ]
    );
}

#[test]
fn unit_deadlines_count_working_days_across_the_holiday() {
    let f = fixture();
    let p = submitted(&f);
    // Referred on Tuesday 2025-09-30: Oct 1–8 are off, Saturday Oct 11 is worked.
    let p = act(
        &f,
        &staff("2025-09-30"),
        &p,
        refer(&[("后勤管理处", 3), ("教务处", 5)], "2025-09-30"),
    )
    .unwrap();
    assert_eq!(p.status, ProposalStatus::Referred);
    assert_eq!(p.units[0].due_on, "2025-10-11");
    assert_eq!(p.units[1].due_on, "2025-10-14");
    assert_eq!(p.due_on.as_deref(), Some("2025-10-11"));
    // During the holiday nothing is due soon yet; on Oct 9 the first unit is (2 working days left).
    let on = |day: &str| {
        proposals::get_proposal(&f.store, &staff(day), &p.id)
            .unwrap()
            .proposal
    };
    assert_eq!(
        on("2025-10-03").units[0].deadline,
        ItemDeadlineState::DueSoon
    );
    assert_eq!(on("2025-10-09").units[0].days_left, Some(2));
    assert_eq!(
        on("2025-10-13").units[0].deadline,
        ItemDeadlineState::Overdue
    );
    assert_eq!(
        on("2025-10-13").units[1].deadline,
        ItemDeadlineState::DueSoon
    );
    assert_eq!(on("2025-10-13").deadline, ItemDeadlineState::Overdue);
    // Supervision: the overdue view and 工作台's figures.
    let ctx = staff("2025-10-13");
    let overdue = proposals::list_proposals(
        &f.store,
        &ctx,
        &ProposalQuery {
            view: Some(ProposalView::Overdue),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(overdue.total, 1);
    assert_eq!(overdue.items[0].units, "后勤管理处、教务处");
    let c = proposals::proposal_counts(&f.store, &ctx).unwrap();
    assert_eq!((c.open, c.referred, c.overdue, c.due_soon), (1, 1, 1, 0));
    // 催办 the late unit: counted and on the timeline.
    let p = act(
        &f,
        &ctx,
        &p,
        ProposalAction::Chase {
            unit: "后勤管理处".into(),
            note: "电话催办".into(),
            on: String::new(),
        },
    )
    .unwrap();
    assert_eq!(p.chase_count, 1);
    // A unit answering late is 逾期答复; the other on time 按期答复.
    let p = act(&f, &ctx, &p, answer("后勤管理处", "2025-10-13")).unwrap();
    assert_eq!(p.units[0].deadline, ItemDeadlineState::Late);
    let p = act(&f, &ctx, &p, answer("教务处", "2025-10-13")).unwrap();
    assert_eq!(p.units[1].deadline, ItemDeadlineState::Met);
    assert_eq!(p.status, ProposalStatus::Answered);
    assert_eq!(p.deadline, ItemDeadlineState::None);
}

#[test]
fn each_unit_answers_and_dissatisfaction_sends_it_back_then_closed_and_printed() {
    let f = fixture();
    let p = submitted(&f);
    let ctx = staff("2025-11-03");
    let p = act(
        &f,
        &ctx,
        &p,
        refer(&[("后勤管理处", 10), ("教务处", 10)], "2025-11-03"),
    )
    .unwrap();
    // One unit's answer: the proposal waits for the other.
    let p = act(&f, &ctx, &p, answer("教务处", "")).unwrap();
    assert_eq!(p.status, ProposalStatus::Referred);
    assert!(p.units[0].answered_on.is_none());
    assert_eq!(p.units[1].answered_on.as_deref(), Some("2025-11-03"));
    // An answer dated before the referral is refused.
    let e = act(&f, &ctx, &p, answer("后勤管理处", "2025-10-31")).unwrap_err();
    assert_eq!(e.code(), "validation");
    let p = act(&f, &ctx, &p, answer("后勤管理处", "")).unwrap();
    assert_eq!(p.status, ProposalStatus::Answered);
    // The delegation evaluates: 不满意 sends it back to 后勤管理处 with a new round.
    let head = f.head("2025-11-10");
    let p = act(
        &f,
        &head,
        &p,
        evaluate("教务处", Satisfaction::Satisfied, ""),
    )
    .unwrap();
    let p = act(
        &f,
        &head,
        &p,
        evaluate("后勤管理处", Satisfaction::Dissatisfied, ""),
    )
    .unwrap();
    assert_eq!(p.status, ProposalStatus::Referred);
    let u = &p.units[0];
    assert_eq!((u.rounds, u.referred_on.as_str()), (2, "2025-11-10"));
    assert!(u.answered_on.is_none() && u.answer.is_empty());
    assert_eq!(u.due_on, "2025-11-24");
    assert_eq!(p.units[1].satisfaction, Some(Satisfaction::Satisfied));
    // Closing now is refused; after the new answer and a satisfied evaluation it is allowed.
    let close = ProposalAction::Close {
        note: "已落实".into(),
        on: String::new(),
    };
    let e = act(&f, &staff("2025-11-10"), &p, close.clone()).unwrap_err();
    assert_eq!(e.code(), "state");
    let p = act(&f, &staff("2025-11-12"), &p, answer("后勤管理处", "")).unwrap();
    let p = act(
        &f,
        &f.head("2025-11-13"),
        &p,
        evaluate("后勤管理处", Satisfaction::Basic, ""),
    )
    .unwrap();
    assert_eq!(p.status, ProposalStatus::Evaluated);
    let p = act(&f, &staff("2025-11-14"), &p, close).unwrap();
    assert_eq!(p.status, ProposalStatus::Closed);
    assert_eq!(p.closed_on.as_deref(), Some("2025-11-14"));
    // The timeline keeps every step, the sending back among them.
    let detail = proposals::get_proposal(&f.store, &staff("2025-11-14"), &p.id).unwrap();
    let kinds: Vec<ProposalEventKind> = detail.timeline.iter().map(|e| e.kind).collect();
    use ProposalEventKind::*;
    assert_eq!(
        kinds,
        vec![
            Drafted, Discuss, Submit, Refer, Answer, Answer, Evaluate, SentBack, Answer, Evaluate,
            Close
        ]
    );
    assert!(detail.allowed == vec![ProposalActionKind::Note]);
    // The printed form carries the number, the delegation, the texts, the items and the answers.
    let pdf = studio_core::printing::proposal_pdf(&f.store, &staff("2025-11-14"), &p.id).unwrap();
    assert_eq!(pdf.page_count, 1);
    assert!(pdf.missing_chars.is_empty(), "{:?}", pdf.missing_chars);
    let form = studio_core::printing::proposal_model(&p, "党代表工作室", "2025-11-14");
    assert_eq!(form.items.len(), 3);
    assert!(form.items[0].starts_with("2025-0001"));
    assert!(
        form.answers[0].referral.contains("第 2 次办理"),
        "{}",
        form.answers[0].referral
    );
    assert_eq!(form.answers[1].evaluation, "评价：满意");
}

#[test]
fn declined_only_with_a_reason_and_steps_in_order() {
    let f = fixture();
    let head = f.head("2025-09-26");
    let p = draft(&f, &head, f.items.clone()).unwrap();
    let e = act(&f, &head, &p, ProposalAction::Submit { on: String::new() }).unwrap_err();
    assert_eq!(
        e.to_string(),
        "当前状态为「起草」，不能进行「提交组织部」，请先「团内讨论」"
    );
    let p = submitted(&f);
    let ctx = staff("2025-10-09");
    let e = act(
        &f,
        &ctx,
        &p,
        ProposalAction::Decline {
            reason: " ".into(),
            on: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "validation");
    let p = act(
        &f,
        &ctx,
        &p,
        ProposalAction::Decline {
            reason: "已列入学校年度计划".into(),
            on: String::new(),
        },
    )
    .unwrap();
    assert_eq!(p.status, ProposalStatus::Declined);
    // A submitted proposal's text can no longer be edited.
    let e = proposals::update_proposal(
        &f.store,
        &f.head("2025-10-09"),
        &p.id,
        p.version,
        &ProposalInput {
            title: "x".into(),
            problem: "x".into(),
            suggestion: "x".into(),
            item_ids: f.items.clone(),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "state");
}
