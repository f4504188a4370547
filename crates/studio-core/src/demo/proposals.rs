//! Demo proposals (提议): one in every step, each drafted by a delegation from three of its ledger
//! items: a draft, a discussed one, one submitted, one referred to two units (one unit overdue),
//! one answered by one unit of two, one fully answered, one sent back to a unit after 不满意, one
//! evaluated, one closed and one declined (不予立案).

use chrono::{Days, NaiveDate};

use super::names;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::items::Satisfaction;
use crate::proposals::{self, ProposalAction, ProposalInput, UnitReferral};
use crate::roster;
use crate::storage::{items as items_db, Store};

const TEXTS: &[(&str, &str, &str)] = &[
    (
        "关于延长学生食堂晚餐供应时间的提议",
        "多名学生和教师反映食堂晚餐 18:30 即停止供应，晚课和实验结束后无处就餐。",
        "建议后勤管理处将一食堂晚餐供应延长至 20:00，并增设夜宵窗口。",
    ),
    (
        "关于完善青年教师职称评审办法的提议",
        "青年教师反映职称评审中科研成果认定标准不透明，教学业绩权重偏低。",
        "建议人事处公开评审细则，提高教学业绩在评审中的权重，并建立申诉渠道。",
    ),
    (
        "关于改善校园夜间照明的提议",
        "北区至图书馆道路夜间照明不足，已发生多起学生摔伤。",
        "建议资产管理处和保卫处对北区道路照明进行排查，增设路灯和监控。",
    ),
    (
        "关于加快宿舍维修响应的提议",
        "宿舍报修后平均一周才有人上门，热水器故障影响学生生活。",
        "建议后勤管理处建立报修限时响应制度，48 小时内上门维修。",
    ),
    (
        "关于优化研究生奖学金评定的提议",
        "研究生反映奖学金评定过程公示时间短，结果解释不充分。",
        "建议研究生院延长公示期，公开评分明细。",
    ),
    (
        "关于增加校医院夜间门诊的提议",
        "校医院 17:30 后停诊，学生夜间急病只能去校外医院。",
        "建议校医院开设夜间急诊，或与附近医院建立绿色通道。",
    ),
    (
        "关于离退休党员活动场地的提议",
        "离退休党员反映活动室面积小、设施老旧。",
        "建议离退休工作处协调增加活动场地，更新设施。",
    ),
    (
        "关于图书馆延长开放时间的提议",
        "考试周图书馆 22:00 闭馆，座位紧张。",
        "建议图书馆在考试周延长开放至 23:30，并增加自习座位。",
    ),
    (
        "关于规范校园网收费的提议",
        "学生反映校园网套餐价格高、网速慢。",
        "建议信息化建设与管理处调整套餐，提升宿舍区带宽。",
    ),
    (
        "关于加强实验室安全培训的提议",
        "部分新进研究生未经安全培训即进入实验室。",
        "建议各学院落实实验室准入培训，未经考核不得进入。",
    ),
];

/// How far the `i`-th demo proposal goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Draft,
    Discussed,
    Submitted,
    /// Referred to two units, 60 days ago: both overdue.
    Overdue,
    /// Referred recently to two units; one answered.
    HalfAnswered,
    Answered,
    /// One unit's answer found 不满意: back to that unit.
    SentBack,
    Evaluated,
    Closed,
    Declined,
}

const STEPS: [Step; 10] = [
    Step::Draft,
    Step::Discussed,
    Step::Submitted,
    Step::Overdue,
    Step::HalfAnswered,
    Step::Answered,
    Step::SentBack,
    Step::Evaluated,
    Step::Closed,
    Step::Declined,
];

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Load the demo proposals; returns how many.
pub fn load(store: &Store, ctx: &Ctx, rng: &mut fastrand::Rng) -> Result<usize> {
    let today = ctx.today;
    let delegations = roster::list_delegations(store, ctx)?;
    let items = items_db::items_received_between(&*store.reader()?, "0000-01-01", "9999-12-31")?;
    let mut n = 0;
    for (i, step) in STEPS.into_iter().enumerate() {
        let g = &delegations[i % delegations.len()];
        let mut item_ids: Vec<String> = items
            .iter()
            .filter(|s| s.item.delegates.iter().any(|d| d.delegation_id == g.id))
            .map(|s| s.item.id.clone())
            .skip(i / delegations.len() * 3)
            .take(3)
            .collect();
        if item_ids.is_empty() {
            item_ids = items
                .iter()
                .skip(i * 3)
                .take(3)
                .map(|s| s.item.id.clone())
                .collect();
        }
        // The steps 4 days apart, the last of them a few days before today (the overdue one's
        // referral two months back).
        let span: u64 = if step == Step::Overdue { 70 } else { 30 };
        let start = today
            .checked_sub_days(Days::new(span + rng.u64(0..5)))
            .unwrap_or(today);
        let at = |k: u64| text(start.checked_add_days(Days::new(4 * k)).unwrap_or(start));
        let (title, problem, suggestion) = TEXTS[i % TEXTS.len()];
        let mut p = proposals::create_proposal(
            store,
            ctx,
            &ProposalInput {
                delegation_id: g.id.clone(),
                title: title.into(),
                problem: problem.into(),
                suggestion: suggestion.into(),
                item_ids,
                drafted_on: at(0),
            },
        )?;
        let run = |p: &proposals::Proposal, a: ProposalAction| {
            proposals::act(store, ctx, &p.id, p.version, &a)
        };
        if step == Step::Draft {
            n += 1;
            continue;
        }
        p = run(
            &p,
            ProposalAction::Discuss {
                participants: format!("{}全体党代表", g.name),
                outcome: "一致同意提交组织部".into(),
                on: at(1),
            },
        )?;
        if step == Step::Discussed {
            n += 1;
            continue;
        }
        p = run(&p, ProposalAction::Submit { on: at(2) })?;
        if step == Step::Submitted {
            n += 1;
            continue;
        }
        if step == Step::Declined {
            run(
                &p,
                ProposalAction::Decline {
                    reason: "所提问题已列入学校年度工作计划，正在推进，不再单独立案。".into(),
                    on: at(3),
                },
            )?;
            n += 1;
            continue;
        }
        let a = names::UNITS[i % names::UNITS.len()];
        let b = names::UNITS[(i + 5) % names::UNITS.len()];
        p = run(
            &p,
            ProposalAction::Refer {
                units: vec![
                    UnitReferral {
                        unit: a.into(),
                        days: 10,
                    },
                    UnitReferral {
                        unit: b.into(),
                        days: 15,
                    },
                ],
                on: at(3),
            },
        )?;
        if step == Step::Overdue {
            p = run(
                &p,
                ProposalAction::Chase {
                    unit: a.into(),
                    note: "已电话催办".into(),
                    on: text(today),
                },
            )?;
            let _ = p;
            n += 1;
            continue;
        }
        let answer = |unit: &str, on: String| ProposalAction::Answer {
            unit: unit.into(),
            answer: format!("{unit}已研究落实：制定整改方案，本学期内完成。"),
            on,
        };
        p = run(&p, answer(a, at(4)))?;
        if step == Step::HalfAnswered {
            n += 1;
            continue;
        }
        p = run(&p, answer(b, at(5)))?;
        if step == Step::Answered {
            n += 1;
            continue;
        }
        let evaluate = |unit: &str, s: Satisfaction, on: String| ProposalAction::Evaluate {
            unit: unit.into(),
            satisfaction: s,
            note: String::new(),
            on,
        };
        p = run(&p, evaluate(a, Satisfaction::Satisfied, at(6)))?;
        if step == Step::SentBack {
            run(&p, evaluate(b, Satisfaction::Dissatisfied, at(6)))?;
            n += 1;
            continue;
        }
        p = run(&p, evaluate(b, Satisfaction::Basic, at(6)))?;
        if step == Step::Closed {
            run(
                &p,
                ProposalAction::Close {
                    note: "整改措施已落实，党代表团满意。".into(),
                    on: at(7),
                },
            )?;
        }
        n += 1;
    }
    Ok(n)
}
