//! A large, realistic ledger for benchmarks: `n` items received over the three years before today
//! in every category, source and state, each with a handling delegate and a timeline of 3–8 steps
//! (≈ 5 per item). Old items are mostly closed; recent ones open, some overdue, paused, escalated.
//! Texts are put together from campus places, problems and requests so that searches hit a
//! realistic share of rows (a 2-character word like 食堂 matches a few percent of them).
//! Rows are written by the same storage functions as the service's (`insert_item`, `insert_event`),
//! without the service's per-step checks, many to one write through the write gate
//! (`Permission::Maintain`), each item with its change record as the service would leave it.

use chrono::{Datelike, Days, NaiveDate};
use serde_json::{json, Value};

use super::{mobile, names, pick};
use crate::actor::{Permission, Role};
use crate::audit::Entity;
use crate::calendar::WorkCalendar;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::ids::new_id;
use crate::items::{
    deadline, Item, ItemCategory, ItemDeadlineState, ItemDeadlines, ItemDelegate, ItemEvent,
    ItemEventKind, ItemSource, ItemStatus, Referral, Satisfaction,
};
use crate::roster;
use crate::storage::items::{self as db, StoredItem};
use crate::storage::Store;

const PLACES: &[&str] = &[
    "南区食堂",
    "北区食堂",
    "图书馆",
    "第二教学楼",
    "校医院",
    "体育馆",
    "实验楼",
    "学生公寓3号楼",
    "学生公寓7号楼",
    "家属院",
    "校园网",
    "东门停车场",
    "快递服务点",
    "新校区",
    "校车",
    "浴室",
    "游泳馆",
    "研究生公寓",
    "行政楼",
    "附属幼儿园",
    "学术交流中心",
    "工程训练中心",
    "操场",
    "开水房",
    "自习室",
    "报告厅",
    "档案馆",
    "后勤服务大厅",
];

const PROBLEMS: &[&str] = &[
    "价格偏高",
    "开放时间太短",
    "排队时间长",
    "设施老化",
    "网速慢经常掉线",
    "夜间噪音大",
    "照明不足",
    "卫生状况差",
    "座位不足",
    "报修后迟迟无人处理",
    "缺少无障碍设施",
    "供暖不足",
    "饭菜口味单一",
    "路面积水严重",
    "空调损坏",
    "门禁系统故障",
    "预约系统不好用",
    "指示标识不清",
];

const REQUESTS: &[&str] = &[
    "希望有关部门尽快研究解决",
    "建议延长开放时间并增加服务窗口",
    "请学校核实情况并给予答复",
    "建议纳入下学期整改计划",
    "希望党代表帮助反映到学校",
    "建议听取师生意见后再作调整",
];

const TOPICS: &[&str] = &[
    "职称评审",
    "入党积极分子培养",
    "党费交纳",
    "住房公积金提取",
    "子女入学",
    "科研经费报销",
    "研究生奖学金评定",
    "教师出国访学",
    "退休手续办理",
    "困难补助申请",
    "医疗费报销",
    "人才引进待遇",
    "年度考核",
    "岗位聘任",
    "学生资助",
    "转正手续",
];

const ASPECTS: &[&str] = &[
    "具体条件",
    "办理流程",
    "材料要求",
    "时间安排",
    "认定标准",
    "政策依据",
];

const WHO: &[&str] = &[
    "学生党员",
    "青年教师",
    "退休教工",
    "研究生",
    "辅导员",
    "后勤职工",
    "家属院居民",
    "本科生",
];

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

const ACTOR: &str = "基准数据";

/// Items written to one transaction: large enough that a big ledger is generated quickly, small
/// enough that the writer is not held for long.
const BATCH: usize = 5_000;

/// Add `n` generated items (and, when the roster is empty, a roster of 800 delegates in 40
/// delegations) to a database holding no items yet, as `ctx`'s actor (`Maintain`), received over
/// the three years before `ctx.today`. Texts and states are reproducible for a given `seed`;
/// numbers run per year from 0001. Each batch of items is one write; each item leaves one change
/// record (`create`, its whole row).
pub fn bulk_items(store: &Store, ctx: &Ctx, n: usize, seed: u64) -> Result<()> {
    ctx.require(Permission::Maintain)?;
    if roster::delegate_count(store, ctx)? == 0 {
        super::bulk_roster(store, 40, 800, seed)?;
    }
    let delegations = roster::list_delegations(store, ctx)?;
    let delegates: Vec<ItemDelegate> = roster::all_delegates(store, ctx)?
        .into_iter()
        .map(|d| {
            let g = delegations.iter().find(|g| g.id == d.delegation_id);
            ItemDelegate {
                delegate_id: d.id,
                name: d.name,
                delegation_id: d.delegation_id,
                delegation_name: g.map(|g| g.name.clone()).unwrap_or_default(),
                head_name: g.and_then(|g| g.head_name.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let cal = crate::calendar::load(store)?;
    let limits = ItemDeadlines::default();
    let today = ctx.today;
    let mut rng = fastrand::Rng::with_seed(seed);
    let at = crate::ids::now_utc();
    let mut per_year: std::collections::HashMap<i32, u32> = Default::default();
    let mut made = 0;
    while made < n {
        let batch = (n - made).min(BATCH);
        store.write(ctx, Permission::Maintain, |tx| {
            for _ in 0..batch {
                let age = rng.u64(0..1095);
                let received = today.checked_sub_days(Days::new(age)).unwrap_or(today);
                let seq = per_year.entry(received.year()).or_insert(0);
                *seq += 1;
                let no = format!("{}-{:04}", received.year(), seq);
                let g = Generated::new(&mut rng, &limits, &delegates, received, today, no, &at);
                let (stored, events) = g.handle(&mut rng, &cal);
                db::insert_item(tx, &stored)?;
                for e in &events {
                    db::insert_event(tx, e)?;
                }
                tx.record(
                    Entity::Item,
                    &stored.item.id,
                    "create",
                    None::<&Value>,
                    Some(&crate::items::row_value(&stored)),
                )?;
            }
            Ok(())
        })?;
        made += batch;
    }
    super::bulk_roster::mark_generated(store, ctx)
}

/// One generated item on its way through the steps, and its timeline.
struct Generated {
    item: Item,
    events: Vec<ItemEvent>,
    received: NaiveDate,
    today: NaiveDate,
}

impl Generated {
    /// A received item: texts, person, handling delegate, deadline; `received` and `notified` on
    /// the timeline.
    fn new(
        rng: &mut fastrand::Rng,
        limits: &ItemDeadlines,
        delegates: &[ItemDelegate],
        received: NaiveDate,
        today: NaiveDate,
        no: String,
        at: &str,
    ) -> Self {
        let category = ItemCategory::ALL[rng.usize(..6)];
        let who = pick(rng, WHO);
        let (title, content) = if category == ItemCategory::PolicyInquiry {
            let topic = pick(rng, TOPICS);
            let aspect = pick(rng, ASPECTS);
            (
                format!("咨询{topic}的{aspect}"),
                format!(
                    "{who}咨询{topic}的{aspect}，以及{}方面的有关规定，希望了解今年是否有新的变化，{}。",
                    pick(rng, TOPICS),
                    pick(rng, REQUESTS)
                ),
            )
        } else {
            let place = pick(rng, PLACES);
            let problem = pick(rng, PROBLEMS);
            (
                format!("{place}{problem}"),
                format!(
                    "{who}反映：{place}{problem}，{}也存在{}的情况，已持续一段时间，影响正常学习和生活。{}。",
                    pick(rng, PLACES),
                    pick(rng, PROBLEMS),
                    pick(rng, REQUESTS)
                ),
            )
        };
        let d = delegates[rng.usize(..delegates.len())].clone();
        let head = d.head_name.clone();
        let item = Item {
            id: new_id(),
            no,
            category,
            status: ItemStatus::Received,
            source: ItemSource::ALL[rng.usize(..6)],
            title,
            content,
            person_name: format!(
                "{}{}",
                pick(rng, names::SURNAMES),
                pick(rng, names::GIVEN_FEMALE)
            ),
            person_phone: mobile(rng),
            person_contact: String::new(),
            person_consent: None,
            publish_ok: false,
            requested_delegate_id: None,
            card_id: None,
            first_responder: d.name.clone(),
            delegates: vec![d],
            referral: None,
            received_on: text(received),
            limit_days: limits.for_category(category),
            extension_days: 0,
            paused_days: 0,
            paused_since: None,
            due_on: None,
            answer: String::new(),
            answered_on: None,
            feedback: String::new(),
            fed_back_on: None,
            satisfaction: None,
            follow_up_note: String::new(),
            closed_on: None,
            decline_reason: String::new(),
            escalated: false,
            chase_count: 0,
            deadline: ItemDeadlineState::None,
            days_left: None,
            card_filing_due_on: None,
            created_at: at.to_string(),
            updated_at: at.to_string(),
            version: 1,
        };
        let mut g = Generated {
            item,
            events: Vec::new(),
            received,
            today,
        };
        g.step(
            0,
            ItemEventKind::Received,
            ItemStatus::Received,
            String::new(),
        );
        if !head.is_empty() {
            let t = format!("已通知代表团团长 {head}");
            g.step(0, ItemEventKind::Notified, ItemStatus::Received, t);
        }
        g
    }

    /// The day `days` after receipt, never after today.
    fn day(&self, days: i64) -> String {
        let age = (self.today - self.received).num_days().max(0);
        text(
            self.received
                .checked_add_days(Days::new(days.clamp(0, age) as u64))
                .unwrap_or(self.today),
        )
    }

    /// A step `days` after receipt (at most today), leaving the item in `status`.
    fn step(&mut self, days: i64, kind: ItemEventKind, status: ItemStatus, text: String) {
        self.item.status = status;
        self.events.push(ItemEvent {
            id: new_id(),
            item_id: self.item.id.clone(),
            at: self.item.created_at.clone(),
            on: self.day(days),
            actor: ACTOR.into(),
            actor_role: Role::System,
            kind,
            status,
            text,
            data: json!({}),
        });
    }

    /// How far it got: old items mostly closed, recent ones spread over the open states.
    fn handle(
        mut self,
        rng: &mut fastrand::Rng,
        cal: &WorkCalendar,
    ) -> (StoredItem, Vec<ItemEvent>) {
        use ItemEventKind as K;
        use ItemStatus as S;
        let age = (self.today - self.received).num_days();
        let stage = match (age, rng.u8(0..100)) {
            (_, 0..=3) => 9, // declined
            (a, r) if a > 60 => {
                if r < 92 {
                    8
                } else {
                    rng.u8(2..8)
                }
            }
            (a, _) if a > 20 => rng.u8(2..9),
            _ => rng.u8(1..6),
        };
        let limit = self.item.limit_days;
        if stage == 9 {
            self.item.decline_reason =
                "所反映事项不属于学校职责范围，已告知本人向有关部门反映。".into();
            self.step(1, K::Decline, S::Declined, self.item.decline_reason.clone());
        } else {
            if stage >= 2 && rng.bool() {
                let unit = pick(rng, names::UNITS).to_string();
                let answered = stage >= 3;
                self.item.referral = Some(Referral {
                    unit: unit.clone(),
                    referred_on: self.day(1),
                    due_on: text(cal.add_workdays(self.received, 6)),
                    answer: if answered {
                        format!("{unit}已核实，正在按计划整改。")
                    } else {
                        String::new()
                    },
                    answered_on: answered.then(|| self.day(4)),
                });
                self.step(1, K::Refer, S::Assigned, format!("交{unit}办理"));
                if answered {
                    self.step(4, K::ReferralAnswer, S::Assigned, String::new());
                }
            }
            if stage >= 2 {
                self.step(2, K::Start, S::InProgress, String::new());
            }
            if stage == 4 && rng.u8(0..4) == 0 {
                self.item.paused_since = Some(self.day(rng.i64(3..40)));
                self.step(3, K::Pause, S::InProgress, "请本人补充材料".into());
            }
            if (3..=5).contains(&stage) && age > 30 && rng.u8(0..3) == 0 {
                self.item.chase_count = 1 + rng.u32(0..2);
                self.step(20, K::Chase, S::InProgress, "请抓紧办理".into());
                if rng.bool() {
                    self.item.escalated = true;
                    self.step(25, K::Escalate, S::InProgress, "报组织部督办".into());
                }
            }
            if stage >= 6 {
                let a = rng.i64(2..(limit as i64 + 4));
                self.item.answer = format!(
                    "经与{}沟通，已制定改进措施并于近期落实，具体情况已向本人说明。",
                    pick(rng, names::UNITS)
                );
                self.item.answered_on = Some(self.day(a));
                self.step(a, K::Answer, S::Answered, self.item.answer.clone());
                if stage >= 7 {
                    self.item.feedback = "已电话反馈本人，本人表示理解。".into();
                    self.item.fed_back_on = Some(self.day(a + 1));
                    self.step(a + 1, K::Feedback, S::FedBack, self.item.feedback.clone());
                }
                if stage >= 8 {
                    // 不满意 would have reopened the item: closed ones are 满意 or 基本满意.
                    self.item.satisfaction = Some(if rng.u8(0..10) < 7 {
                        Satisfaction::Satisfied
                    } else {
                        Satisfaction::Basic
                    });
                    self.item.follow_up_note = "电话回访，本人认可办理结果。".into();
                    self.item.closed_on = Some(self.day(a + 3));
                    self.step(
                        a + 3,
                        K::FollowUp,
                        S::Closed,
                        self.item.follow_up_note.clone(),
                    );
                }
            }
        }
        self.item.due_on = Some(text(deadline::due_on(cal, self.received, limit, 0, 0)));
        let stored = StoredItem {
            rid: 0,
            clock_start_on: self.item.received_on.clone(),
            item: self.item,
        };
        (stored, self.events)
    }
}
