//! Realistic demo data for a first look at the app, for training and for benchmarks.
//! Everything goes through the same core functions a user's input does, so demo rows are valid and
//! audited like real ones.

mod accounts;
mod activities;
mod answers;
mod bulk_cards;
mod bulk_items;
mod bulk_roster;
mod items;
mod kiosk;
mod names;
mod proposals;
mod schedule;
mod studio;

pub use accounts::{demo_password_works, DEMO_ACCOUNTS, DEMO_PASSWORD};
pub use bulk_cards::bulk_cards;
pub use bulk_items::bulk_items;
pub use bulk_roster::bulk_delegates;

use crate::actor::{Actor, Permission, Role};
use crate::audit::Entity;
use crate::ctx::Ctx;
use crate::error::{Error, Result};
use crate::roster::{self, DelegateInput, DelegationInput, Gender, PublishFlags};
use crate::settings::{self, SetupState};
use crate::storage::Store;

#[derive(Debug, Clone, Default)]
pub struct DemoReport {
    pub delegations: usize,
    pub delegates: usize,
    pub cards: usize,
    /// Ledger items, the kiosk's visitors' messages among them.
    pub items: usize,
    pub accounts: usize,
    /// Duty slots of the reception schedule.
    pub slots: usize,
    /// Appointments, a kiosk visitor's request among them.
    pub appointments: usize,
    /// 活动调研 (one delegation without a field survey this year).
    pub activities: usize,
    /// 提议, one in every step.
    pub proposals: usize,
    /// News posts, liaison officers and volunteers, this year's spending entries.
    pub news: usize,
    pub volunteers: usize,
    pub spendings: usize,
}

/// The demo loader writes as the program itself, through the same gate and functions as a user.
fn demo_ctx() -> Ctx {
    Ctx::now(demo_actor())
}

fn demo_actor() -> Actor {
    Actor::with_id("demo", "演示数据", Role::System)
}

fn pick<'a, T>(rng: &mut fastrand::Rng, list: &'a [T]) -> &'a T {
    &list[rng.usize(..list.len())]
}

fn mobile(rng: &mut fastrand::Rng) -> String {
    let prefix = [
        "138", "139", "135", "136", "150", "151", "158", "186", "187", "177", "199",
    ];
    format!("{}{:08}", pick(rng, &prefix), rng.u32(0..100_000_000))
}

/// Fill the database with the demo roster. Refuses a database that already holds delegates unless
/// `force` is set (then the demo rows are added beside the existing ones).
pub fn load(store: &Store, force: bool) -> Result<DemoReport> {
    load_on(store, demo_ctx().today, force)
}

/// [`load`] as of `today`: the cards' and items' dates and deadlines are laid out around that day
/// (tests and the UI's fixtures fix it, so the data come out the same every time).
pub fn load_on(store: &Store, today: chrono::NaiveDate, force: bool) -> Result<DemoReport> {
    let ctx = Ctx::new(demo_actor(), today);
    if !force && roster::delegate_count(store, &ctx)? > 0 {
        return Err(Error::Conflict(
            "数据库中已有党代表数据，未载入演示数据（如确需载入，请加 --force）".into(),
        ));
    }
    let mut rng = fastrand::Rng::with_seed(20211027);
    let mut report = DemoReport::default();
    let existing = roster::list_delegations(store, &ctx)?;
    for (gi, (name, units)) in names::DELEGATIONS.iter().enumerate() {
        let delegation_id = match existing.iter().find(|g| g.name == *name) {
            Some(g) => g.id.clone(),
            None => {
                let input = DelegationInput {
                    name: name.to_string(),
                    head_delegate_id: None,
                    note: format!("{}等单位党员代表", units[..2].join("、")),
                    display_order: gi as i64 + 1,
                };
                report.delegations += 1;
                roster::create_delegation(store, &ctx, &input)?.id
            }
        };
        let size = 7 + rng.usize(0..3);
        let mut head = None;
        for i in 0..size {
            let gender = if rng.u8(0..10) < 6 {
                Gender::Male
            } else {
                Gender::Female
            };
            let given = match gender {
                Gender::Male => pick(&mut rng, names::GIVEN_MALE),
                Gender::Female => pick(&mut rng, names::GIVEN_FEMALE),
            };
            let name = format!("{}{}", pick(&mut rng, names::SURNAMES), given);
            let unit = pick(&mut rng, units).to_string();
            let position = if i == 0 {
                "党委副书记".to_string()
            } else {
                pick(&mut rng, names::POSITIONS).to_string()
            };
            let bio = pick(&mut rng, names::BIO_TEMPLATES)
                .replace("{unit}", &unit)
                .replace("{position}", &position);
            let pinyin = roster::pinyin_full(&name);
            let input = DelegateInput {
                name,
                gender,
                delegation_id: delegation_id.clone(),
                unit,
                position,
                mobile: mobile(&mut rng),
                office_phone: format!("0536-87{:05}", rng.u32(0..100_000)),
                email: format!("{pinyin}{}@example.edu.cn", rng.u32(1..100)),
                bio,
                pledge: pick(&mut rng, names::PLEDGES).to_string(),
                term: "第三届（2021—2026）".into(),
                display_order: i as i64 + 1,
                publish: PublishFlags::recommended(),
                // Most delegates agreed to the online studio; a few did not, so the kiosk and
                // the portal show the difference.
                publish_consent: i % 5 != 4,
            };
            let d = roster::create_delegate(store, &ctx, &input)?;
            report.delegates += 1;
            if i == 0 {
                head = Some(d.id);
            }
        }
        let g = roster::get_delegation(store, &ctx, &delegation_id)?;
        if g.head_delegate_id.is_none() {
            let input = DelegationInput {
                name: g.name,
                head_delegate_id: head,
                note: g.note,
                display_order: g.display_order,
            };
            roster::update_delegation(store, &ctx, &delegation_id, g.version, &input)?;
        }
    }
    // One former delegate, so the roster shows what 离任 looks like.
    let first = roster::all_delegates(store, &ctx)?;
    if let Some(d) = first
        .iter()
        .rev()
        .find(|d| d.status == roster::DelegateStatus::Active)
    {
        let version = stored_delegate_version(store, &d.id)?;
        roster::mark_delegate_left(store, &ctx, &d.id, version, Some("2025-07-01"))?;
    }
    report.cards = cards(store, &ctx, &mut rng)?;
    report.items = items::load(store, &ctx, &mut rng)?;
    let schedule = schedule::load(store, &ctx)?;
    report.slots = schedule.slots;
    report.appointments = schedule.appointments;
    // Completed appointments made their record cards.
    report.cards += schedule.cards;
    // Visitors at the kiosk: two messages in 待分派 and a request to meet a delegate.
    let visitors = kiosk::load(store, &ctx)?;
    report.items += visitors.items;
    report.appointments += visitors.appointments;
    // 代表回复: one online message answered and published.
    report.items += answers::load(store, &ctx)?;
    let studio = studio::load(store, &ctx)?;
    report.news = studio.news;
    report.volunteers = studio.volunteers;
    report.spendings = studio.spendings;
    report.accounts = accounts::create(store, &ctx)?;
    // Activities and proposals last: what came before keeps its ids and dates.
    report.activities = activities::load(store, &ctx, &mut rng)?;
    report.proposals = proposals::load(store, &ctx, &mut rng)?;
    store.write(&ctx, Permission::Maintain, |tx| {
        settings::set_setup_state(tx, SetupState::Demo)?;
        tx.record(
            Entity::Settings,
            "setup",
            "demo",
            None::<&()>,
            Some(&serde_json::json!({ "setup": "demo" })),
        )
    })?;
    Ok(report)
}

/// A large roster for benchmarks: `n` delegates spread over `delegations` delegations.
fn stored_delegate_version(store: &Store, id: &str) -> Result<i64> {
    crate::storage::roster::get_delegate(&*store.reader()?, id)?
        .map(|d| d.version)
        .ok_or_else(|| Error::NotFound("找不到该党代表".into()))
}

pub fn bulk_roster(store: &Store, delegations: usize, n: usize, seed: u64) -> Result<()> {
    let ctx = demo_ctx();
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ids = Vec::new();
    for g in 0..delegations {
        let input = DelegationInput {
            name: format!("第{}代表团", g + 1),
            display_order: g as i64,
            ..Default::default()
        };
        ids.push(roster::create_delegation(store, &ctx, &input)?.id);
    }
    let all_units: Vec<&str> = names::DELEGATIONS
        .iter()
        .flat_map(|(_, u)| u.iter().copied())
        .collect();
    for i in 0..n {
        let gender = if rng.bool() {
            Gender::Male
        } else {
            Gender::Female
        };
        let given = match gender {
            Gender::Male => pick(&mut rng, names::GIVEN_MALE),
            Gender::Female => pick(&mut rng, names::GIVEN_FEMALE),
        };
        let input = DelegateInput {
            name: format!("{}{}", pick(&mut rng, names::SURNAMES), given),
            gender,
            delegation_id: ids[i % ids.len()].clone(),
            unit: pick(&mut rng, &all_units).to_string(),
            position: pick(&mut rng, names::POSITIONS).to_string(),
            mobile: mobile(&mut rng),
            display_order: i as i64,
            ..Default::default()
        };
        roster::create_delegate(store, &ctx, &input)?;
    }
    Ok(())
}

// ---- contact record cards -------------------------------------------------------------------

/// How a demo card stands: the list and 工作台 should show every state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CardScenario {
    /// A recent contact, not yet answered: no feedback date.
    Open,
    /// Answered long ago and never handed in.
    Overdue,
    /// Answered, due today or on the next working day.
    DueSoon,
    /// Answered just now.
    OnTime,
    /// Handed in within 3 working days.
    Filed,
    /// Handed in late.
    FiledLate,
}

/// The scenario of the `i`-th demo card (of [`DEMO_CARDS`]).
fn card_scenario(i: usize) -> CardScenario {
    match i {
        0..=5 => CardScenario::Open,
        6..=9 => CardScenario::Overdue,
        10..=12 => CardScenario::DueSoon,
        13..=15 => CardScenario::OnTime,
        _ if i % 5 == 2 => CardScenario::FiledLate,
        _ => CardScenario::Filed,
    }
}

const DEMO_CARDS: usize = 72;

/// 60+ cards over the past year before `today`, through the same functions a user's form uses:
/// every channel, drafts in every deadline state, filed cards on time and late, two amendments.
fn cards(store: &Store, ctx: &Ctx, rng: &mut fastrand::Rng) -> Result<usize> {
    use crate::cards::{self, deadline, CardInput, Channel, PoliticalStatus};
    use chrono::Days;

    let today = ctx.today;
    let delegates: Vec<_> = roster::all_delegates(store, ctx)?
        .into_iter()
        .filter(|d| d.status == roster::DelegateStatus::Active)
        .collect();
    if delegates.is_empty() {
        return Ok(0);
    }
    let cal = crate::calendar::load(store)?;
    let text = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let back = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
    let mut made = 0;
    let mut filed_ids = Vec::new();
    for i in 0..DEMO_CARDS {
        let scenario = card_scenario(i);
        let kind = i % card_texts::KINDS.len();
        let (opinion, handling, long) = match i {
            20 => (
                card_texts::LONG_OPINION_1,
                card_texts::LONG_HANDLING_1,
                true,
            ),
            31 => (
                card_texts::LONG_OPINION_2,
                card_texts::LONG_HANDLING_2,
                true,
            ),
            _ => {
                let pairs = card_texts::KINDS[kind];
                let (o, h) = *pick(rng, pairs);
                (o, h, false)
            }
        };
        // Dates: contact ≤ feedback ≤ filed ≤ today.
        let (contact, feedback) = match scenario {
            CardScenario::Open => (back(rng.u64(0..10)), None),
            CardScenario::Overdue => {
                let f = back(rng.u64(10..60));
                (
                    f.checked_sub_days(Days::new(rng.u64(0..8))).unwrap_or(f),
                    Some(f),
                )
            }
            CardScenario::DueSoon => {
                let soon = deadline::soon_limit(today, &cal);
                let candidates: Vec<_> = (0..15)
                    .map(back)
                    .filter(|f| {
                        let due = deadline::due_on(*f, &cal);
                        today <= due && due < soon
                    })
                    .collect();
                let f = *candidates.first().unwrap_or(&today);
                (
                    f.checked_sub_days(Days::new(rng.u64(0..5))).unwrap_or(f),
                    Some(f),
                )
            }
            CardScenario::OnTime => (back(rng.u64(0..4)), Some(today)),
            CardScenario::Filed | CardScenario::FiledLate => {
                let c = back(rng.u64(30..360));
                let f = c.checked_add_days(Days::new(rng.u64(0..10))).unwrap_or(c);
                (c, Some(f.min(today)))
            }
        };
        let channel = Channel::ALL[i % Channel::ALL.len()];
        let gender = if rng.u8(0..10) < 5 {
            Gender::Male
        } else {
            Gender::Female
        };
        let given = match gender {
            Gender::Male => pick(rng, names::GIVEN_MALE),
            Gender::Female => pick(rng, names::GIVEN_FEMALE),
        };
        let (unit, age_range) = *pick(rng, card_texts::PERSON_UNITS);
        let political = match rng.u8(0..10) {
            0..=4 => PoliticalStatus::PartyMember,
            5 => PoliticalStatus::ProbationaryMember,
            6 => PoliticalStatus::LeagueMember,
            7 => PoliticalStatus::DemocraticParty,
            8 => PoliticalStatus::Independent,
            _ => PoliticalStatus::Masses,
        };
        let address = match rng.u8(0..3) {
            0 => format!(
                "学校家属院{}号楼{}单元{}室",
                rng.u8(1..20),
                rng.u8(1..4),
                rng.u16(101..702)
            ),
            1 => format!("南区{}号宿舍楼{}室", rng.u8(1..12), rng.u16(101..620)),
            _ => format!(
                "{}{}@example.edu.cn",
                roster::pinyin_full(given),
                rng.u16(10..999)
            ),
        };
        let delegate = &delegates[(i * 7 + rng.usize(0..delegates.len())) % delegates.len()];
        let filed_scenario = matches!(scenario, CardScenario::Filed | CardScenario::FiledLate);
        let handling = match scenario {
            // Not answered yet: a first note at most.
            CardScenario::Open if i % 2 == 0 => "已记录，正在与相关部门沟通了解情况。",
            CardScenario::Open => "",
            _ => handling,
        };
        let input = CardInput {
            delegate_id: delegate.id.clone(),
            contact_date: text(contact),
            person_name: format!("{}{}", pick(rng, names::SURNAMES), given),
            person_gender: Some(gender),
            person_age: (i % 11 != 5).then(|| rng.u32(age_range.0..age_range.1)),
            person_political_status: (i % 13 != 7).then_some(political),
            person_unit_position: unit.to_string(),
            person_phone: if i % 9 == 8 {
                format!("0536-87{:05}", rng.u32(0..100_000))
            } else {
                mobile(rng)
            },
            person_address: address,
            group_size: if long && i == 20 {
                6
            } else if i % 7 == 3 {
                rng.u32(2..16)
            } else {
                1
            },
            channel: Some(channel),
            channel_other: if channel == Channel::Other {
                pick(rng, card_texts::OTHER_CHANNELS).to_string()
            } else {
                String::new()
            },
            opinion: opinion.to_string(),
            handling: handling.to_string(),
            feedback_on: feedback.map(text),
            ..Default::default()
        };
        let card = cards::create_card(store, ctx, &input)?;
        made += 1;
        if filed_scenario {
            let f = feedback.unwrap_or(contact);
            let after = match scenario {
                CardScenario::FiledLate => rng.u32(4..12),
                _ => rng.u32(0..4),
            };
            let filed = cal.add_workdays(f, after).min(today);
            cards::submit_card(store, ctx, &card.id, card.version, Some(&text(filed)))?;
            filed_ids.push(card.id);
        }
    }
    // Two corrections, so the UI has an original to show.
    for (n, id) in filed_ids.iter().skip(3).step_by(17).take(2).enumerate() {
        let card = crate::storage::cards::get_card(&*store.reader()?, id)?
            .ok_or_else(|| Error::NotFound("找不到该记录卡".into()))?;
        let mut input = CardInput::from(&card);
        let reason = if n == 0 {
            input.person_phone = mobile(rng);
            "联系电话记录有误，经本人确认后更正"
        } else {
            input.handling = format!(
                "{}（补记：已于反馈后一周电话回访，本人表示满意。）",
                input.handling
            );
            "补记回访情况"
        };
        cards::amend_card(store, ctx, id, card.version, &input, reason)?;
    }
    Ok(made)
}

/// Demo texts of cards: what people raise, in the six kinds of DOMAIN.md, with the delegate's
/// handling; a few long ones (600+ characters) for printing continuation pages.
mod card_texts {
    /// (work unit and position, age range)
    pub const PERSON_UNITS: &[(&str, (u32, u32))] = &[
        ("计算机工程学院2022级本科生", (19, 23)),
        ("化学化工学院硕士研究生", (22, 28)),
        ("外国语学院讲师", (28, 45)),
        ("机电与车辆工程学院副教授", (35, 55)),
        ("经济管理学院辅导员", (26, 38)),
        ("后勤管理处职工", (30, 58)),
        ("图书馆馆员", (30, 56)),
        ("离退休工作处退休教师", (61, 85)),
        ("附属幼儿园教师", (24, 45)),
        ("学校家属院居民", (35, 80)),
        ("教务处科员", (25, 45)),
        ("建筑工程学院教工党支部书记", (35, 55)),
    ];

    pub const OTHER_CHANNELS: &[&str] = &["电话联系", "座谈会", "微信联系", "专线电话", "调研走访"];

    /// 政策咨询
    const POLICY: &[(&str, &str)] = &[
        (
            "咨询青年教师申报高级职称时，海外访学经历能否折算为基层锻炼经历，以及今年职称评审条件中教学业绩的具体认定办法。",
            "当场解读了学校专业技术职务评聘办法的相关条款，并联系人事处确认：海外访学经历不能替代基层锻炼经历，但可作为国际交流业绩予以认定。已电话告知本人，本人表示清楚。",
        ),
        (
            "退休教工党员咨询：长期在外地随子女居住的退休党员如何参加组织生活、按时交纳党费，能否通过线上方式参加支部学习。",
            "介绍了离退休党员教育管理的有关规定，与离退休工作处党委确认可通过“线上支部”参加学习，党费可通过手机缴纳或委托支部代交。已将操作指南发给本人。",
        ),
        (
            "学生咨询入党积极分子培养考察期间转专业到其他学院后，培养联系人和考察材料如何衔接，考察时间是否重新计算。",
            "对照《中国共产党发展党员工作细则》和学校实施办法答复：转出党支部应将培养考察材料完整移交转入党支部，考察期连续计算。已协调两个学院学生党支部完成材料交接。",
        ),
        (
            "咨询教职工子女入读附属幼儿园的报名条件和今年招生计划，双职工家庭是否有优先政策。",
            "与后勤管理处和附属幼儿园核实了今年的招生简章：双职工家庭没有单独的优先政策，在校工作满三年的教职工子女可优先录取。已将招生简章和报名时间反馈本人。",
        ),
    ];

    /// 贯彻落实反映
    const IMPLEMENTATION: &[(&str, &str)] = &[
        (
            "反映学院落实“教授为本科生上课”制度不够到位，部分教授本学期未承担本科课程，由青年教师代课。",
            "向教务处了解了各学院教授授课情况，将问题转教务处核查。教务处已约谈相关学院，要求下学期起教授每学年至少讲授一门本科课程，并纳入年度考核。已向反映人反馈核查结果。",
        ),
        (
            "反映学校关于为基层减负的要求落实不够，学院各类报表多、重复填报，辅导员疲于应付。",
            "会同学生工作处梳理了本学期下发学院的报表，合并重复报表6项，明确同类数据今后由信息系统统一导出。已在代表团座谈会上通报，并反馈反映人。",
        ),
        (
            "反映科研经费“放管服”改革文件已出台，但财务报销环节仍要求提供大量纸质材料，报销周期长。",
            "与财务处沟通，财务处将于下月上线网上报销系统并精简5类附件。已将改进时间表告知反映人，并跟踪系统上线情况。",
        ),
        (
            "反映实验室安全管理新规定执行中，个别学院安全培训流于形式，有学生未经培训即进入实验室。",
            "到相关学院实验室实地查看后，将情况转实验室与设备管理处。该处已开展专项检查，要求各学院落实“先培训、后准入”，建立准入台账。已反馈反映人。",
        ),
    ];

    /// 党建意见建议
    const PARTY_BUILDING: &[(&str, &str)] = &[
        (
            "建议教工党支部组织生活形式更加多样，结合专业开展主题党日，避免简单读文件。",
            "认同该建议，已在代表团会议上交流，并向党委组织部提出将“专业+党建”主题党日纳入支部工作考核加分项。组织部已采纳，拟在下学期推广。已反馈本人。",
        ),
        (
            "建议加强学生党员入党后的继续教育，部分学生党员入党后参加组织生活的积极性有所下降。",
            "与学院党委副书记沟通，建议建立学生党员志愿服务积分制和党员示范岗。学院已在两个学生党支部试行，已向建议人反馈。",
        ),
        (
            "建议在“双带头人”教师党支部书记培育中，对支部书记的党务工作给予一定的工作量认定。",
            "将建议整理后报送党委组织部。组织部答复：学校正在研究将支部书记工作按每学年40学时折算工作量，相关文件正在征求意见。已反馈建议人。",
        ),
        (
            "建议党代表工作室接待日信息提前在网上工作室和学院公告栏公布，方便党员群众预约。",
            "已与工作室联络员商定，每月25日前在网上工作室发布下月接访安排，并同步推送至各学院党委。已向建议人反馈。",
        ),
    ];

    /// 重大民意反映
    const PUBLIC_OPINION: &[(&str, &str)] = &[
        (
            "多名教职工反映新老校区之间的通勤班车班次少、末班车时间早，晚间上课的教师返程困难。",
            "汇总教职工意见后与后勤管理处协商，增开21:30一班返程班车，并在学期初根据课表动态调整。调整方案已公布，已向反映人反馈。",
        ),
        (
            "学生反映学校供暖开始时间晚于市区，部分宿舍楼温度偏低，影响学习生活。",
            "与后勤管理处、热力公司沟通，学校已将供暖试运行提前5天，并对温度偏低的宿舍楼进行管网排查。已在学生座谈会上通报并反馈反映人。",
        ),
        (
            "部分教职工对绩效工资分配方案调整意见较大，认为向行政岗位倾斜，对教学一线激励不足。",
            "整理了23名教职工的意见，形成书面材料报送党委组织部并转人事处。人事处召开教职工代表座谈会，对方案中的教学工作量系数作了调整。已逐一反馈。",
        ),
        (
            "学生反映食堂饭菜价格上涨较快，希望学校加强价格监管、增加平价窗口。",
            "会同学生会伙食委员会对三个食堂进行了价格调查，后勤管理处已在每个食堂设立平价窗口，并公布主要菜品价格监测结果。已反馈反映人。",
        ),
    ];

    /// 民主权利受侵害
    const RIGHTS: &[(&str, &str)] = &[
        (
            "反映所在支部换届选举时，候选人名单未经充分酝酿，本人的推荐意见未被听取。",
            "向学院党委了解换届程序并查阅会议记录，酝酿环节确有不足。已建议学院党委按规定补充征求意见环节并向党员说明情况，学院党委已整改。已向反映人反馈。",
        ),
        (
            "学生党员反映在民主评议党员中，评议结果未向本人反馈，对评议等次有异议。",
            "经与所在学生党支部核实，支部未按要求向本人反馈评议结果。已督促支部书记与本人谈心谈话、说明评议依据，并告知其向上级党组织提出申诉的途径。本人表示理解。",
        ),
        (
            "反映所在党支部在重要事项决策时未召开党员大会，由支委会直接决定，党员的知情权和参与权未得到保障。",
            "转学院党委调查核实。学院党委已要求该支部严格执行党员大会议事规则，对相关事项补充召开党员大会表决。已向反映人反馈处理结果。",
        ),
    ];

    /// 困难帮扶请求
    const HARDSHIP: &[(&str, &str)] = &[
        (
            "退休老党员反映本人患病住院，子女均在外地，生活照料存在困难，希望组织给予帮助。",
            "当日与离退休工作处联系，组织志愿者上门看望慰问，送上慰问金1000元，并帮助联系社区医院上门护理服务。已向本人及家属反馈。",
        ),
        (
            "家庭经济困难学生反映因家庭变故无力支付下学年学费，希望了解助学贷款和困难补助政策。",
            "联系学生资助管理中心，帮助其办理生源地信用助学贷款，并申请临时困难补助2000元。已向本人反馈办理结果，并请辅导员持续关注。",
        ),
        (
            "青年教师反映配偶在外地工作、子女入学困难，希望学校在人才引进配套政策上给予协调。",
            "向人事处了解人才引进配偶安置和子女入学政策，协调人事处与属地教育部门沟通，子女已就近入学。已向本人反馈。",
        ),
        (
            "职工反映家中房屋因暴雨受损，经济压力较大，希望工会给予困难帮扶。",
            "与校工会联系，按程序为其申请困难职工帮扶救助金3000元，并组织部门同事上门慰问。已反馈本人。",
        ),
    ];

    /// The six kinds of item (DOMAIN.md, 二、1. 接待), each with (opinion, handling) pairs.
    pub const KINDS: &[&[(&str, &str)]] = &[
        POLICY,
        IMPLEMENTATION,
        PARTY_BUILDING,
        PUBLIC_OPINION,
        RIGHTS,
        HARDSHIP,
    ];

    pub const LONG_OPINION_1: &str = "我们是机电与车辆工程学院2023级的几名学生党员，代表班级同学反映新校区学生生活服务方面的几个问题。一是新校区快递服务点只有一个，位于校园最北侧，距离南区宿舍步行需要二十多分钟，每逢购物节期间排队时间常常超过一个小时，取件时间与晚自习冲突，很多同学只能请同学代取，容易出现错拿漏拿的情况。二是南区宿舍周边没有自习室，图书馆座位在考试周前后非常紧张，早上不到七点就有人排队占座，部分同学因此放弃到图书馆学习。三是新校区校园网在晚上九点到十一点之间网速很慢，上网课、提交作业经常掉线，宿舍无线网络覆盖也不完整，靠近楼梯间的房间几乎没有信号。四是校医院新校区门诊只在工作日白天开放，晚上和周末学生突发疾病只能打车去市区医院，既不方便也增加了经济负担。五是新校区到市区的公交线路只有一条，末班车时间是晚上七点，周末返校的同学经常赶不上。六是南区食堂晚餐供应时间较短，晚上七点以后只有一个窗口营业，参加社团活动和实验课的同学经常吃不上热饭；宿舍楼热水供应时间也只到晚上十一点，复习期间很不方便。我们理解新校区建设需要一个过程，学校也在不断完善，但这些问题关系到每一位同学的日常学习和生活，希望党代表能够把我们的意见反映给学校有关部门，能解决的尽快解决，暂时解决不了的也请给我们一个说明和时间表。我们也愿意作为学生志愿者参与到校园服务的改进工作中，比如协助快递点在高峰期维持秩序、参与自习室管理等。以上问题是我们在班级里征求意见后整理的，共有三十多名同学签名，附后供参考。";

    pub const LONG_HANDLING_1: &str = "接待后，我于当天将同学们反映的五个方面问题逐条整理，形成书面材料，分别与后勤管理处、图书馆、信息化建设与管理处、校医院和学生工作处进行了沟通，并在代表团集中研讨时作为共性问题进行了交流。各部门答复和办理情况如下：一是关于快递服务点，后勤管理处已与快递企业协商，在南区宿舍增设一个快递服务点，目前已完成选址和装修，下月初投入使用，购物节期间将延长营业时间至晚上十点。二是关于自习室，学生工作处协调教务处，在南区两栋教学楼各开放四间教室作为晚间自习室，开放时间为晚上六点至十点半，图书馆同时推行座位预约系统，杜绝占座现象。三是关于校园网，信息化建设与管理处已对新校区出口带宽进行扩容，并对南区宿舍无线网络进行补点建设，预计本学期末完成，期间同学们如遇网络故障可拨打服务热线报修。四是关于校医院，校医院已调整新校区门诊时间，工作日晚上和周末安排值班医生，并公布了夜间急诊联系电话。五是关于公交线路，学校已向市交通运输部门发函，协调延长末班车时间，市公交公司答复将在新学期把末班车调整至晚上九点。六是关于食堂和热水，后勤管理处已安排南区食堂晚间增开两个窗口供应至晚上八点半，考试周期间宿舍热水延长供应至凌晨零点。对同学们参与志愿服务的意愿，学生工作处表示欢迎，已将名单转给校团委统一安排。我已于反馈日约请几位同学到工作室，逐条反馈了上述办理情况，同学们表示满意，并报名参加快递点高峰期志愿服务。下一步我将继续跟踪无线网络补点和公交线路调整的落实情况，落实后再次向同学们反馈。";

    pub const LONG_OPINION_2: &str = "作为一名教工党支部书记，我想就基层党支部工作谈几点意见和建议。近年来学校高度重视党建工作，党支部标准化规范化建设取得了明显成效，但在实际工作中也遇到一些困难，这些问题在我们学院的几个教工党支部中都不同程度存在。第一，支部书记普遍由专任教师兼任，教学科研任务重，党务工作时间难以保证，而党务工作量在职称评审和年度考核中体现不够，影响了优秀教师担任支部书记的积极性。第二，各类检查、考核要求支部提交的材料较多，有的内容重复，台账记录占用了大量时间，真正用于思想引领和服务党员的精力反而不足。第三，支部组织生活内容与教学科研业务结合不够紧密，部分党员参加的积极性不高，认为组织生活“走过场”。第四，青年教师党员比例逐年上升，他们思想活跃，对组织生活的形式和内容有新的期待，现有的学习方式吸引力不够。第五，支部经费使用范围规定较严，开展主题党日活动、走访慰问困难党员时经费不足。第六，党员教育培训的内容针对性不强，有的培训与教师的实际工作联系不紧密，希望多安排一些结合立德树人、课程思政的专题。为此建议：一是将支部书记的党务工作折算为一定的工作量，并在职称评审中作为业绩予以认定；二是整合各类检查考核，推行“一表多用”，减少重复填报；三是鼓励支部结合学科专业开展组织生活，推广“党建+业务”的好做法；四是针对青年党员的特点，丰富线上学习、实践调研等形式；五是适当放宽支部活动经费的使用范围，简化审批流程；六是围绕课程思政和师德师风开设党员教育专题培训。以上意见供党代表参考，希望能够反映到学校党委。";

    pub const LONG_HANDLING_2: &str = "收到意见后，我先后与本学院三个教工党支部书记进行了交流，了解到上述问题具有一定的普遍性，遂在代表团座谈会上提出讨论，代表团形成了关于减轻基层党支部负担、激发支部书记工作积极性的提议，并于当月提交党委组织部。组织部高度重视，会同人事处、财务处进行了研究，答复如下：一是学校已出台文件，将教工党支部书记的党务工作按每学年不少于40学时折算为工作量，并在专业技术职务评审中将“双带头人”支部书记的工作业绩作为思想政治表现的重要参考；二是组织部对各类党建检查考核进行了清理，取消了3项重复的材料报送，推行党建工作信息系统“一次填报、多方共享”；三是学校将评选一批“党建+业务”示范党支部，每个支部给予专项经费支持；四是组织部将在下学期组织青年教师党员开展专题调研实践活动，并开设线上学习专栏；五是财务处已修订党组织工作经费管理办法，明确主题党日、走访慰问困难党员等支出可在支部活动经费中列支，并简化审批程序；六是关于党员教育培训，组织部将在今年的党员集中轮训中增设课程思政和师德师风专题，由各学院推荐优秀教师党员授课，并与教师发展中心的青年教师培训统筹安排，避免重复。办理过程中，我还就有关问题多次与组织部同志电话沟通，及时了解进展。我已于反馈日当面向该同志反馈了上述办理情况，并表示将继续关注文件的落实情况。该同志对办理结果表示满意，并表示愿意在本支部先行先试“党建+业务”的做法，为其他支部提供经验。代表团也将把这一提议的办理情况作为年度工作总结的重要内容。";

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn long_texts_are_long_enough_to_need_a_continuation_page() {
            for t in [
                LONG_OPINION_1,
                LONG_HANDLING_1,
                LONG_OPINION_2,
                LONG_HANDLING_2,
            ] {
                assert!(t.chars().count() >= 600, "{}", t.chars().count());
            }
            assert_eq!(KINDS.len(), 6);
        }
    }
}
