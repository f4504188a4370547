//! Demo ledger items (意见台账): 90 items over the past year in every category and source, through
//! the same core functions (and so the same write gate) a user's clicks use, so each has a real
//! timeline and change records. Some come from the demo
//! record cards; some are overdue, due soon, paused (one for long), escalated, chased, extended,
//! declined, reopened after a 不满意 follow-up, and closed with each satisfaction level.

use chrono::{Days, NaiveDate};

use super::{card_texts, mobile, names, pick};
use crate::calendar::WorkCalendar;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::items::{self, deadline, ItemAction, ItemCategory, ItemInput, ItemSource, Satisfaction};
use crate::roster::{self, DelegateStatus};
use crate::storage::Store;

/// What happens to the `i`-th demo item after it is received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scenario {
    /// Just received, well within its deadline.
    Fresh,
    /// Received so that 1–3 working days are left.
    DueSoon,
    /// Received long ago and still being handled.
    Overdue,
    /// Overdue, chased twice and escalated to the Organization Department.
    Escalated,
    /// Referred to a unit, waiting for its answer.
    Referred,
    /// Referred, the unit answered, the delegate is handling it.
    InProgress,
    /// 待补充 for a few days.
    Paused,
    /// 待补充 for weeks (shows in 长期待补充).
    LongPaused,
    /// Extended with a reason, then answered.
    Extended,
    /// Answered, feedback not yet given.
    Answered,
    /// Fed back, waiting for the follow-up.
    FedBack,
    Closed(Satisfaction),
    /// Closed 不满意 → reopened → answered again → closed 基本满意.
    Reopened,
    Declined,
}

fn scenario(i: usize) -> Scenario {
    use Scenario::*;
    match i {
        0..=3 => Fresh,
        4..=7 => DueSoon,
        8..=13 => Overdue,
        14..=15 => Escalated,
        16..=19 => Referred,
        20..=23 => InProgress,
        24..=25 => Paused,
        26..=27 => LongPaused,
        28..=30 => Extended,
        31..=33 => Answered,
        34..=36 => FedBack,
        37..=38 => Reopened,
        39..=41 => Declined,
        _ if i % 7 == 3 => Closed(Satisfaction::Basic),
        _ if i % 11 == 5 => Closed(Satisfaction::Dissatisfied),
        _ => Closed(Satisfaction::Satisfied),
    }
}

pub(super) const DEMO_ITEMS: usize = 90;

const FEEDBACKS: &[&str] = &[
    "已电话告知本人办理结果，本人表示理解。",
    "约请本人到工作室当面反馈，逐条说明了办理情况。",
    "通过网上工作室留言回复，并短信提醒本人查看。",
    "已将书面答复送达本人，并解答了补充提问。",
];

const FOLLOW_UPS: &[&str] = &[
    "一周后电话回访，本人对办理结果表示认可。",
    "回访时本人表示问题已基本解决，希望继续关注后续落实。",
    "回访时本人表示问题尚未实际解决，要求继续办理。",
];

const DECLINES: &[&str] = &[
    "所反映事项属于司法程序处理范围，已告知本人依法通过诉讼途径解决。",
    "所反映事项已有生效处理结论且无新的事实和理由，已向本人说明。",
    "所反映内容与学校工作无关，已告知本人向属地街道反映。",
];

/// A short title from an opinion: its first clause, at most 24 characters.
fn title_of(text: &str) -> String {
    let first = text
        .split(['，', '。', '；', '：', '！', '？'])
        .find(|s| s.chars().count() >= 6)
        .unwrap_or(text);
    let t: String = first.chars().take(24).collect();
    t.trim_start_matches(['反', '映', '咨', '询', '建', '议'])
        .chars()
        .take(24)
        .collect::<String>()
        .trim()
        .to_string()
}

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The latest day `d` such that an item of `limit` working days received on `d` is due between
/// 1 and 3 working days after `today`.
fn received_for_due_soon(cal: &WorkCalendar, limit: u32, today: NaiveDate, left: u32) -> NaiveDate {
    let mut d = today;
    for _ in 0..120 {
        let due = deadline::due_on(cal, d, limit, 0, 0);
        if due <= cal.add_workdays(today, left) {
            return d;
        }
        d = d.pred_opt().unwrap_or(d);
    }
    d
}

/// Add the demo items as `ctx`'s actor, the scenario's "today" being `ctx.today` (items are
/// received up to a year before it; every step is dated on or before it). Returns how many items
/// were made (none when the roster has no delegate in office).
pub(super) fn load(store: &Store, ctx: &Ctx, rng: &mut fastrand::Rng) -> Result<usize> {
    let today = ctx.today;
    let delegates: Vec<_> = roster::all_delegates(store, ctx)?
        .into_iter()
        .filter(|d| d.status == DelegateStatus::Active)
        .collect();
    if delegates.is_empty() {
        return Ok(0);
    }
    let cal = crate::calendar::load(store)?;
    let limits = items::deadlines(store, ctx)?;
    let back = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
    // Cards with an opinion become items (the first 18, oldest contact first), the rest are raised
    // through the other channels.
    // Read through the storage layer: only ids, opinions and contact days are needed.
    let cards = crate::storage::cards::all_cards(&*store.reader()?)?;
    let mut unlinked = Vec::new();
    for c in cards.iter().filter(|c| !c.opinion.is_empty()) {
        if items::item_for_card(store, ctx, &c.id)?.is_none() {
            unlinked.push(c);
        }
    }
    let mut made = 0;
    let mut others = 0;
    for i in 0..DEMO_ITEMS {
        let sc = scenario(i);
        let category = ItemCategory::ALL[i % ItemCategory::ALL.len()];
        let limit = limits.for_category(category);
        let kind = card_texts::KINDS[i % card_texts::KINDS.len()];
        let (opinion, answer) = *pick(rng, kind);
        // When the item was received: recent for open scenarios, earlier for finished ones.
        let received = match sc {
            Scenario::Fresh => back(rng.u64(0..2)),
            Scenario::DueSoon => received_for_due_soon(&cal, limit, today, 1 + (i as u32 % 3)),
            Scenario::Overdue | Scenario::Escalated => back(rng.u64(40..120)),
            Scenario::Referred | Scenario::InProgress | Scenario::Paused => back(rng.u64(3..8)),
            Scenario::LongPaused => back(rng.u64(45..70)),
            Scenario::Extended | Scenario::Answered | Scenario::FedBack => back(rng.u64(15..40)),
            // A few closed lately, so 本月办结 has something to show.
            Scenario::Closed(_) if i % 10 == 2 => back(rng.u64(8..16)),
            _ => back(rng.u64(40..360)),
        };
        let delegate = &delegates[(i * 5 + rng.usize(0..delegates.len())) % delegates.len()];
        // Every fifth item comes from a card: the unlinked card contacted closest to the day the
        // scenario wants, so an item's age fits its state (the card's contact day is its receipt).
        let card = if i % 5 == 0 && !unlinked.is_empty() {
            let gap = |c: &&crate::cards::Card| {
                crate::ids::parse_date(&c.contact_date)
                    .map_or(i64::MAX, |d| (d - received).num_days().abs())
            };
            let best = (0..unlinked.len())
                .min_by_key(|&k| gap(&unlinked[k]))
                .unwrap_or(0);
            Some(unlinked.swap_remove(best))
        } else {
            None
        };
        let item = match card {
            Some(c) => items::create_from_card(store, ctx, &c.id, category, &title_of(&c.opinion))?,
            None => {
                let source = ItemSource::ALL[1 + others % (ItemSource::ALL.len() - 1)];
                others += 1;
                let gender_female = rng.bool();
                let given = if gender_female {
                    pick(rng, names::GIVEN_FEMALE)
                } else {
                    pick(rng, names::GIVEN_MALE)
                };
                let mut ids = vec![delegate.id.clone()];
                if i % 6 == 1 {
                    let other = &delegates[(i * 11 + 3) % delegates.len()];
                    if other.id != delegate.id {
                        ids.push(other.id.clone());
                    }
                }
                let input = ItemInput {
                    category: Some(category),
                    source: Some(source),
                    title: title_of(opinion),
                    content: opinion.to_string(),
                    person_name: format!("{}{}", pick(rng, names::SURNAMES), given),
                    person_phone: if i % 4 == 3 {
                        String::new()
                    } else {
                        mobile(rng)
                    },
                    person_contact: if source == ItemSource::Online {
                        format!(
                            "{}{}@example.edu.cn",
                            roster::pinyin_full(given),
                            rng.u16(10..999)
                        )
                    } else {
                        String::new()
                    },
                    first_responder: if i % 3 == 0 {
                        delegate.name.clone()
                    } else {
                        "王晓燕".to_string()
                    },
                    delegate_ids: ids,
                    received_on: text(received),
                    card_id: None,
                    person_consent: None,
                };
                items::create_item(store, ctx, &input)?
            }
        };
        made += 1;
        let received = crate::ids::parse_date(&item.received_on).unwrap_or(received);
        // Step dates: received ≤ d1 ≤ d2 ≤ … ≤ today.
        let span = (today - received).num_days().max(0) as u64;
        let at = |frac: u64| {
            text(
                received
                    .checked_add_days(Days::new(span * frac / 10))
                    .unwrap_or(today),
            )
        };
        let unit = pick(rng, names::UNITS).to_string();
        // 交办 on `on` (tenths of the way from receipt to today), the unit given `days` working days.
        let refer = |frac: u64, days: u32| {
            let on = received
                .checked_add_days(Days::new(span * frac / 10))
                .unwrap_or(today);
            ItemAction::Refer {
                unit: unit.clone(),
                due_on: text(cal.add_workdays(on, days)),
                note: format!("请{unit}核实办理，并于期限内书面答复。"),
                on: text(on),
            }
        };
        let mut steps: Vec<ItemAction> = Vec::new();
        let answer_steps = |steps: &mut Vec<ItemAction>, a: u64, f: u64| {
            steps.push(ItemAction::Answer {
                answer: answer.to_string(),
                on: at(a),
            });
            steps.push(ItemAction::Feedback {
                feedback: FEEDBACKS[i % FEEDBACKS.len()].to_string(),
                on: at(f),
            });
        };
        match sc {
            Scenario::Fresh | Scenario::DueSoon => {}
            Scenario::Overdue => {
                steps.push(ItemAction::Start {
                    note: "已与相关部门初步沟通。".into(),
                    on: at(1),
                });
                if i % 2 == 0 {
                    steps.push(ItemAction::Chase {
                        note: "已超过办结期限，请承办代表抓紧办理并说明进展。".into(),
                        on: at(9),
                    });
                }
            }
            Scenario::Escalated => {
                steps.push(refer(1, 5));
                steps.push(ItemAction::Chase {
                    note: "承办单位逾期未答复，请尽快办理。".into(),
                    on: at(5),
                });
                steps.push(ItemAction::Chase {
                    note: "第二次催办：请于三个工作日内书面答复。".into(),
                    on: at(7),
                });
                steps.push(ItemAction::Escalate {
                    note: "两次催办仍未办结，报请党委组织部督办。".into(),
                    on: at(9),
                });
            }
            Scenario::Referred => steps.push(refer(5, 5)),
            Scenario::InProgress => {
                steps.push(refer(1, 5));
                steps.push(ItemAction::ReferralAnswer {
                    answer: format!("{unit}已研究，拟于本月内落实，具体方案另行告知。"),
                    on: at(6),
                });
                steps.push(ItemAction::Start {
                    note: "根据单位答复跟进落实。".into(),
                    on: at(8),
                });
            }
            Scenario::Paused | Scenario::LongPaused => {
                steps.push(ItemAction::Start {
                    note: String::new(),
                    on: at(1),
                });
                steps.push(ItemAction::Pause {
                    note: "需本人补充相关证明材料和具体时间，已电话告知。".into(),
                    on: at(if sc == Scenario::Paused { 6 } else { 2 }),
                });
            }
            Scenario::Extended => {
                steps.push(refer(1, 8));
                steps.push(ItemAction::Extend {
                    days: 5,
                    reason: "涉及多个部门协调，需召开专题会研究。".into(),
                    on: at(5),
                });
                steps.push(ItemAction::Answer {
                    answer: answer.to_string(),
                    on: at(9),
                });
            }
            Scenario::Answered => steps.push(ItemAction::Answer {
                answer: answer.to_string(),
                on: at(8),
            }),
            Scenario::FedBack => answer_steps(&mut steps, 6, 9),
            Scenario::Closed(s) => {
                if i % 2 == 0 {
                    steps.push(refer(0, 5));
                    steps.push(ItemAction::ReferralAnswer {
                        answer: format!("{unit}已按要求办理完毕。"),
                        on: at(1),
                    });
                }
                answer_steps(&mut steps, 1, 2);
                if s == Satisfaction::Dissatisfied {
                    // 不满意 reopens; answered again and closed 基本满意.
                    steps.push(ItemAction::FollowUp {
                        satisfaction: s,
                        note: FOLLOW_UPS[2].into(),
                        on: at(3),
                    });
                    answer_steps(&mut steps, 4, 5);
                    steps.push(ItemAction::FollowUp {
                        satisfaction: Satisfaction::Basic,
                        note: FOLLOW_UPS[1].into(),
                        on: at(6),
                    });
                } else {
                    steps.push(ItemAction::FollowUp {
                        satisfaction: s,
                        note: FOLLOW_UPS[if s == Satisfaction::Satisfied { 0 } else { 1 }].into(),
                        on: at(3),
                    });
                }
            }
            Scenario::Reopened => {
                answer_steps(&mut steps, 5, 7);
                steps.push(ItemAction::FollowUp {
                    satisfaction: Satisfaction::Dissatisfied,
                    note: FOLLOW_UPS[2].into(),
                    on: at(9),
                });
            }
            Scenario::Declined => steps.push(ItemAction::Decline {
                reason: DECLINES[i % DECLINES.len()].into(),
                on: at(1),
            }),
        }
        let mut version = item.version;
        for step in &steps {
            version = items::act(store, ctx, &item.id, version, step)?.version;
        }
    }
    Ok(made)
}
