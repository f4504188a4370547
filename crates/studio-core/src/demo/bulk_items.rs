//! A large, realistic ledger for benchmarks: `n` items received over the three years before today
//! in every category, source and state, each with a handling delegate and a timeline of 3–8 steps
//! (≈ 5 per item). Old items are mostly closed; recent ones open, some overdue, paused, escalated.
//! Texts are put together from campus places, problems and requests so that searches hit a
//! realistic share of rows (a 2-character word like 食堂 matches a few percent of them).

use chrono::{Datelike, Days, NaiveDate};

use super::{mobile, names, pick};
use crate::calendar::WorkCalendar;
use crate::error::Result;
use crate::items::{deadline, ItemCategory, ItemDeadlines, ItemSource, ItemStatus};
use crate::roster;
use crate::storage::items_bulk::{self, BulkEvent, BulkItem};
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

/// Add `n` generated items (and, when the roster is empty, a roster of 800 delegates in 40
/// delegations) to a database holding no items yet. Texts and states are reproducible for a given
/// `seed`; numbers run per year from 0001.
pub fn bulk_items(store: &mut Store, n: usize, seed: u64) -> Result<()> {
    if roster::delegate_count(store)? == 0 {
        super::bulk_roster(store, 40, 800, seed)?;
    }
    let delegations = roster::list_delegations(store)?;
    let all = roster::all_delegates(store)?;
    let head_of = |delegation_id: &str| -> String {
        delegations
            .iter()
            .find(|g| g.id == delegation_id)
            .and_then(|g| g.head_delegate_id.as_ref())
            .and_then(|h| all.iter().find(|d| &d.id == h))
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let delegates: Vec<(String, String, String, String, String)> = all
        .iter()
        .map(|d| {
            let g = delegations.iter().find(|g| g.id == d.delegation_id);
            (
                d.id.clone(),
                d.name.clone(),
                d.delegation_id.clone(),
                g.map(|g| g.name.clone()).unwrap_or_default(),
                head_of(&d.delegation_id),
            )
        })
        .collect();
    let cal = crate::calendar::load(store)?;
    let limits = ItemDeadlines::default();
    let today = crate::ids::today_shanghai();
    let mut rng = fastrand::Rng::with_seed(seed);
    let at = crate::ids::now_utc();
    let mut per_year: std::collections::HashMap<i32, u32> = Default::default();
    let mut batch = Vec::with_capacity(5_000);
    let mut made = 0;
    while made < n {
        let age = rng.u64(0..1095);
        let received = today.checked_sub_days(Days::new(age)).unwrap_or(today);
        let seq = per_year.entry(received.year()).or_insert(0);
        *seq += 1;
        let no = format!("{}-{:04}", received.year(), seq);
        batch.push(generate(
            &mut rng, &cal, &limits, &delegates, received, today, no,
        ));
        made += 1;
        if batch.len() == 5_000 || made == n {
            let tx = store.conn.transaction()?;
            items_bulk::insert(&tx, &batch, &at, "基准数据")?;
            tx.commit()?;
            batch.clear();
        }
    }
    // Generated data is demo data: the app opens on it without the first-start question.
    if crate::settings::setup_state(store)? == crate::settings::SetupState::Pending {
        let tx = store.conn.transaction()?;
        crate::settings::set_setup_state(&tx, crate::settings::SetupState::Demo)?;
        tx.commit()?;
    }
    store.conn.execute_batch("ANALYZE")?;
    Ok(())
}

fn generate(
    rng: &mut fastrand::Rng,
    cal: &WorkCalendar,
    limits: &ItemDeadlines,
    delegates: &[(String, String, String, String, String)],
    received: NaiveDate,
    today: NaiveDate,
    no: String,
) -> BulkItem {
    let category = ItemCategory::ALL[rng.usize(..6)];
    let source = ItemSource::ALL[rng.usize(..6)];
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
    let limit = limits.for_category(category);
    let age = (today - received).num_days();
    let on = |days: i64| {
        text(
            received
                .checked_add_days(Days::new(days.clamp(0, age.max(0)) as u64))
                .unwrap_or(today),
        )
    };
    let mut events = vec![BulkEvent {
        on: text(received),
        kind: "received",
        status: "received",
        text: String::new(),
    }];
    if !d.4.is_empty() {
        events.push(BulkEvent {
            on: text(received),
            kind: "notified",
            status: "received",
            text: format!("已通知代表团团长 {}", d.4),
        });
    }
    // How far it got: old items mostly closed, recent ones spread over the open states.
    let roll = rng.u8(0..100);
    let stage = match (age, roll) {
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
    let mut item = BulkItem {
        id: crate::ids::new_id(),
        no,
        category: category.as_str(),
        status: "received",
        source: source.as_str(),
        title,
        content,
        person_name: format!(
            "{}{}",
            pick(rng, names::SURNAMES),
            pick(rng, names::GIVEN_FEMALE)
        ),
        person_phone: mobile(rng),
        first_responder: d.1.clone(),
        delegate: d,
        referral_unit: String::new(),
        referred_on: None,
        referral_due_on: None,
        referral_answer: String::new(),
        referral_answered_on: None,
        received_on: text(received),
        limit_days: limit,
        extension_days: 0,
        paused_days: 0,
        paused_since: None,
        due_on: String::new(),
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
        events,
    };
    let push =
        |item: &mut BulkItem, day: i64, kind: &'static str, status: ItemStatus, t: String| {
            item.status = status.as_str();
            item.events.push(BulkEvent {
                on: on(day),
                kind,
                status: status.as_str(),
                text: t,
            });
        };
    if stage == 9 {
        item.decline_reason = "所反映事项不属于学校职责范围，已告知本人向有关部门反映。".into();
        let t_decline_reason = item.decline_reason.clone();
        push(
            &mut item,
            1,
            "decline",
            ItemStatus::Declined,
            t_decline_reason,
        );
    } else {
        if stage >= 2 && rng.bool() {
            let unit = pick(rng, names::UNITS).to_string();
            item.referred_on = Some(on(1));
            item.referral_due_on = Some(text(cal.add_workdays(received, 6)));
            push(
                &mut item,
                1,
                "refer",
                ItemStatus::Assigned,
                format!("交{unit}办理"),
            );
            item.referral_unit = unit;
            if stage >= 3 {
                item.referral_answer = format!("{}已核实，正在按计划整改。", item.referral_unit);
                item.referral_answered_on = Some(on(4));
                push(
                    &mut item,
                    4,
                    "referral_answer",
                    ItemStatus::Assigned,
                    String::new(),
                );
            }
        }
        if stage >= 2 {
            push(&mut item, 2, "start", ItemStatus::InProgress, String::new());
        }
        if stage == 4 && rng.u8(0..4) == 0 {
            item.paused_since = Some(on(rng.i64(3..40)));
            push(
                &mut item,
                3,
                "pause",
                ItemStatus::InProgress,
                "请本人补充材料".into(),
            );
        }
        if (3..=5).contains(&stage) && age > 30 && rng.u8(0..3) == 0 {
            item.chase_count = 1 + rng.u32(0..2);
            push(
                &mut item,
                20,
                "chase",
                ItemStatus::InProgress,
                "请抓紧办理".into(),
            );
            if rng.bool() {
                item.escalated = true;
                push(
                    &mut item,
                    25,
                    "escalate",
                    ItemStatus::InProgress,
                    "报组织部督办".into(),
                );
            }
        }
        if stage >= 6 {
            let a = rng.i64(2..(limit as i64 + 4));
            item.answer = format!(
                "经与{}沟通，已制定改进措施并于近期落实，具体情况已向本人说明。",
                pick(rng, names::UNITS)
            );
            item.answered_on = Some(on(a));
            let t_answer = item.answer.clone();
            push(&mut item, a, "answer", ItemStatus::Answered, t_answer);
            if stage >= 7 {
                item.feedback = "已电话反馈本人，本人表示理解。".into();
                item.fed_back_on = Some(on(a + 1));
                let t_feedback = item.feedback.clone();
                push(
                    &mut item,
                    a + 1,
                    "feedback",
                    ItemStatus::FedBack,
                    t_feedback,
                );
            }
            if stage >= 8 {
                let s = match rng.u8(0..10) {
                    0..=6 => "satisfied",
                    7..=8 => "basic",
                    _ => "basic",
                };
                item.satisfaction = Some(s);
                item.follow_up_note = "电话回访，本人认可办理结果。".into();
                item.closed_on = Some(on(a + 3));
                let t_follow_up_note = item.follow_up_note.clone();
                push(
                    &mut item,
                    a + 3,
                    "follow_up",
                    ItemStatus::Closed,
                    t_follow_up_note,
                );
            }
        }
    }
    item.due_on = text(deadline::due_on(cal, received, limit, 0, 0));
    item
}
