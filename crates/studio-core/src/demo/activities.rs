//! Demo activities (活动调研): every delegation held some over the past year (forums, training,
//! visits, field surveys), the studio its reception days; one delegation has held no field survey
//! this year, so 工作台's indicator shows amber or red beside the green ones. Some activities raised
//! ledger items (linked both ways).

use chrono::{Datelike, Days, NaiveDate};

use super::{names, pick};
use crate::activities::{self, ActivityInput, ActivityKind, InvitedUnit};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::roster::{self, DelegateStatus};
use crate::storage::{items as items_db, Store};

/// The delegation (by its place in the roster) without a field survey this year.
pub const WITHOUT_SURVEY: usize = 2;

const TOPICS: &[(ActivityKind, &str, &str)] = &[
    (
        ActivityKind::Forum,
        "青年教师发展座谈会",
        "听取青年教师对职称评审、住房和子女入学的意见",
    ),
    (
        ActivityKind::FieldSurvey,
        "学生食堂与宿舍走访调研",
        "走访食堂后厨、学生宿舍，了解伙食价格和宿舍维修情况",
    ),
    (
        ActivityKind::Training,
        "党代表履职能力培训",
        "学习党代表任期制有关规定和联系党员群众的方法",
    ),
    (
        ActivityKind::Visit,
        "走访慰问离退休老党员",
        "走访慰问生活困难的离退休老党员，送去节日问候",
    ),
    (
        ActivityKind::FieldSurvey,
        "实验室安全管理走访调研",
        "走访各学院实验室，检查危化品管理和安全培训落实情况",
    ),
    (
        ActivityKind::Forum,
        "研究生培养质量座谈会",
        "听取研究生和导师对课程设置与学位论文评审的意见",
    ),
];

fn day(today: NaiveDate, back: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(back)).unwrap_or(today)
}

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Load the demo activities; returns how many.
pub fn load(store: &Store, ctx: &Ctx, rng: &mut fastrand::Rng) -> Result<usize> {
    let today = ctx.today;
    let delegations = roster::list_delegations(store, ctx)?;
    let delegates = roster::all_delegates(store, ctx)?;
    let items = items_db::items_received_between(&*store.reader()?, "0000-01-01", "9999-12-31")?;
    let start_of_year = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let this_year_days = (today - start_of_year).num_days().max(0) as u64;
    let mut n = 0;
    for (gi, g) in delegations.iter().enumerate() {
        let members: Vec<&roster::DelegateListItem> = delegates
            .iter()
            .filter(|d| d.delegation_id == g.id && d.status == DelegateStatus::Active)
            .collect();
        let their_items: Vec<String> = items
            .iter()
            .filter(|s| s.item.delegates.iter().any(|d| d.delegation_id == g.id))
            .map(|s| s.item.id.clone())
            .collect();
        for k in 0..3 {
            let (mut kind, topic, summary) = TOPICS[(gi + k) % TOPICS.len()];
            // One delegation held no field survey this year (its surveys were last year).
            let back = if gi == WITHOUT_SURVEY && kind == ActivityKind::FieldSurvey {
                this_year_days + 20 + rng.u64(0..60)
            } else if k == 0 && gi != WITHOUT_SURVEY {
                // Every other delegation's first activity this year is a field survey.
                kind = ActivityKind::FieldSurvey;
                rng.u64(0..this_year_days.max(1))
            } else {
                5 + rng.u64(0..200)
            };
            let on = day(today, back);
            let delegate_ids: Vec<String> = members
                .iter()
                .take(2 + rng.usize(0..4))
                .map(|d| d.id.clone())
                .collect();
            let linked: Vec<String> = if k == 1 {
                their_items.iter().take(2).cloned().collect()
            } else {
                Vec::new()
            };
            let input = ActivityInput {
                kind: Some(kind),
                topic: topic.to_string(),
                start_on: text(on),
                end_on: text(on),
                place: pick(
                    rng,
                    &[
                        "党代表工作室",
                        "行政楼第三会议室",
                        "学生第一食堂",
                        "图书馆报告厅",
                    ],
                )
                .to_string(),
                delegation_id: Some(g.id.clone()),
                delegate_ids,
                units: vec![InvitedUnit {
                    unit: pick(rng, names::UNITS).to_string(),
                    head: "王处长".into(),
                }],
                summary: format!("{summary}。共收集意见建议 {} 条。", 3 + rng.usize(0..8)),
                item_ids: linked,
            };
            activities::create_activity(store, ctx, &input)?;
            n += 1;
        }
    }
    // The studio's own reception days, one a month for the last three months.
    for m in 0..3u64 {
        let on = day(today, 10 + 30 * m);
        let input = ActivityInput {
            kind: Some(ActivityKind::ReceptionDay),
            topic: "党代表接待日".into(),
            start_on: text(on),
            end_on: text(on),
            place: "党代表工作室".into(),
            delegation_id: None,
            delegate_ids: delegates.iter().take(3).map(|d| d.id.clone()).collect(),
            units: Vec::new(),
            summary: "集中接待来访党员群众，现场解答政策咨询。".into(),
            item_ids: Vec::new(),
        };
        activities::create_activity(store, ctx, &input)?;
        n += 1;
    }
    Ok(n)
}
