//! The studio's own records in the demo: news posts (one still a draft), liaison officers and a
//! volunteer team (party members first, with 入党积极分子 and 共青团员), and this year's funds (a
//! budget from each source and spending entries month by month up to today).

use chrono::{Datelike, Days, NaiveDate};

use crate::ctx::Ctx;
use crate::error::Result;
use crate::funds::{self, BudgetInput, FundSource, SpendingInput};
use crate::news::{self, NewsInput};
use crate::storage::Store;
use crate::volunteers::{self, VolunteerInput, VolunteerRole, VolunteerStatus};

#[derive(Debug, Default)]
pub struct StudioReport {
    pub news: usize,
    pub volunteers: usize,
    pub spendings: usize,
}

const NEWS: &[(&str, i64, &str, bool)] = &[
    (
        "党代表工作室举行揭牌仪式",
        150,
        "党代表工作室在行政楼一楼正式揭牌。工作室外挂“党代表工作室”牌匾，内挂“知党情、听民声、谋发展、促和谐”标识，\
张贴工作制度、工作流程、党代表名册和联络员职责。\n\n今后，党代表将按照统一安排定期到工作室接待党员群众来访。",
        true,
    ),
    (
        "理工代表团开展实验室安全专题调研",
        96,
        "## 调研情况\n理工代表团组织 8 名党代表走访了化学化工学院、机械工程学院的 6 个实验室，\
听取了师生对**实验室安全管理**的意见建议。\n\n## 下一步\n1. 梳理共性问题，形成提议提交组织部；\n2. 跟踪有关单位的办理情况。",
        true,
    ),
    (
        "网上党代表工作室开通运行",
        70,
        "网上工作室设置工作室简介、工作室动态、有事找代表、接访安排、代表风采等栏目，\
党员群众可以点击党代表进行咨询和提出意见建议。",
        true,
    ),
    (
        "党代表履职能力专题培训举行",
        41,
        "学校组织党代表开展学习培训，采取专题辅导和经验交流相结合的方式，提高党代表的履职能力。",
        true,
    ),
    (
        "志愿者服务队为来访师生提供引导服务",
        18,
        "以党员为主体、入党积极分子和共青团员为补充的志愿者服务队伍，在接待日为来访师生提供引导和登记服务。",
        true,
    ),
    (
        "（草稿）下月接待日安排预告",
        2,
        "下月接待安排正在编排中，发布后将在网上工作室公布。",
        false,
    ),
];

const VOLUNTEERS: &[(&str, &str, VolunteerStatus, VolunteerRole)] = &[
    (
        "刘晓燕",
        "党委组织部",
        VolunteerStatus::PartyMember,
        VolunteerRole::Liaison,
    ),
    (
        "陈志强",
        "党委组织部",
        VolunteerStatus::PartyMember,
        VolunteerRole::Liaison,
    ),
    (
        "孙丽",
        "机关党委",
        VolunteerStatus::PartyMember,
        VolunteerRole::Liaison,
    ),
    (
        "周文博",
        "计算机工程学院",
        VolunteerStatus::PartyMember,
        VolunteerRole::Volunteer,
    ),
    (
        "吴佳琪",
        "文学与新闻传播学院",
        VolunteerStatus::PartyMember,
        VolunteerRole::Volunteer,
    ),
    (
        "郑浩然",
        "机械与自动化学院",
        VolunteerStatus::ProbationaryMember,
        VolunteerRole::Volunteer,
    ),
    (
        "王梓萱",
        "经济管理学院",
        VolunteerStatus::Activist,
        VolunteerRole::Volunteer,
    ),
    (
        "冯雨轩",
        "化学化工与环境工程学院",
        VolunteerStatus::Activist,
        VolunteerRole::Volunteer,
    ),
    (
        "黄欣怡",
        "外国语学院",
        VolunteerStatus::LeagueMember,
        VolunteerRole::Volunteer,
    ),
    (
        "何子涵",
        "音乐学院",
        VolunteerStatus::LeagueMember,
        VolunteerRole::Volunteer,
    ),
];

const SPENDINGS: &[(u32, u32, &str, &str, FundSource)] = &[
    (
        1,
        8,
        "印制《党代表联系党员和群众工作记录卡》1000 份",
        "860.00",
        FundSource::College,
    ),
    (
        2,
        26,
        "工作室牌匾、标识及上墙制度制作",
        "2,350.00",
        FundSource::College,
    ),
    (3, 15, "接待日茶水及办公用品", "186.50", FundSource::College),
    (
        4,
        12,
        "理工代表团实验室安全调研交通费",
        "420.00",
        FundSource::PartyFee,
    ),
    (
        5,
        20,
        "党代表履职能力培训资料印制",
        "1,280.35",
        FundSource::PartyFee,
    ),
    (
        6,
        18,
        "志愿者服务队统一服装 20 套",
        "1,960.00",
        FundSource::PartyFee,
    ),
    (7, 9, "专线电话费（上半年）", "360.00", FundSource::College),
    (8, 30, "网上工作室栏目维护", "1,500.00", FundSource::College),
    (9, 24, "座谈会场地布置", "265.80", FundSource::College),
    (
        10,
        28,
        "接待日茶水及办公用品",
        "203.40",
        FundSource::College,
    ),
    (
        11,
        19,
        "走访慰问困难党员慰问品",
        "1,200.00",
        FundSource::PartyFee,
    ),
    (
        12,
        10,
        "年度工作总结材料印制",
        "318.00",
        FundSource::College,
    ),
];

pub(crate) fn load(store: &Store, ctx: &Ctx) -> Result<StudioReport> {
    let mut report = StudioReport::default();
    let today = ctx.today;
    let date = |days: i64| {
        today
            .checked_sub_days(Days::new(days as u64))
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string()
    };
    for (title, ago, body, published) in NEWS {
        news::create_news(
            store,
            ctx,
            &NewsInput {
                title: title.to_string(),
                date: date(*ago),
                author: "党委组织部".into(),
                body: body.to_string(),
                published: *published,
            },
        )?;
        report.news += 1;
    }
    for (i, (name, unit, status, role)) in VOLUNTEERS.iter().enumerate() {
        let since = NaiveDate::from_ymd_opt(today.year() - 1 + (i % 2) as i32, 9, 1)
            .unwrap_or(today)
            .format("%Y-%m-%d")
            .to_string();
        volunteers::create_volunteer(
            store,
            ctx,
            &VolunteerInput {
                name: name.to_string(),
                unit: unit.to_string(),
                contact: format!("1395368{:04}", 1200 + i * 37),
                political_status: Some(*status),
                role: Some(*role),
                since,
                until: None,
                notes: if *role == VolunteerRole::Liaison {
                    "负责接待日登记和专线电话".into()
                } else {
                    String::new()
                },
            },
        )?;
        report.volunteers += 1;
    }
    let year = today.year();
    // A second load (--force) keeps the budgets already set.
    let set = funds::budgets(store, ctx, year)?;
    for (source, amount) in [
        (FundSource::College, "20000"),
        (FundSource::PartyFee, "6000"),
    ] {
        if set.iter().any(|b| b.source == source && b.version > 0) {
            continue;
        }
        funds::set_budget(
            store,
            ctx,
            &BudgetInput {
                year,
                source: Some(source),
                amount: amount.into(),
                note: match source {
                    FundSource::College => "列入学院年度预算".into(),
                    FundSource::PartyFee => "从党费中划拨，专款专用".into(),
                },
            },
            0,
        )?;
    }
    for (month, day, purpose, amount, source) in SPENDINGS {
        let Some(d) = NaiveDate::from_ymd_opt(year, *month, *day).filter(|d| *d <= today) else {
            continue;
        };
        funds::create_spending(
            store,
            ctx,
            &SpendingInput {
                date: d.format("%Y-%m-%d").to_string(),
                purpose: purpose.to_string(),
                amount: amount.to_string(),
                source: Some(*source),
                activity_id: String::new(),
            },
        )?;
        report.spendings += 1;
    }
    Ok(report)
}
