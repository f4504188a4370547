//! Demo reception schedule and appointments, through the same functions the desk uses: a published
//! plan for the last three months, this month and next (every working Tuesday and Thursday
//! 14:30–17:00 in the studio, two delegates each, and one online reception a month), a swap after
//! publishing (so this month's poster is marked changed), the past months' posters printed, and
//! appointments in every state, a completed one with its record card.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::{mobile, names, pick};
use crate::appointments::{self, AppointmentDirection, AppointmentInput, AppointmentSource};
use crate::calendar::WorkCalendar;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::roster::{self, DelegateStatus};
use crate::schedule::{self, Place, SlotInput, SwapInput};
use crate::storage::Store;

/// What was made: duty slots, appointments, and the record cards of the completed appointments.
pub(super) struct Made {
    pub slots: usize,
    pub appointments: usize,
    pub cards: usize,
}

pub(super) fn load(store: &Store, ctx: &Ctx) -> Result<Made> {
    let delegates: Vec<String> = roster::all_delegates(store, ctx)?
        .into_iter()
        .filter(|d| d.status == DelegateStatus::Active)
        .map(|d| d.id)
        .collect();
    // A second demo load (`--force`) leaves the schedule it finds alone: its delegates would be
    // on duty twice.
    if delegates.len() < 4 || !schedule::month_summaries(store, ctx)?.is_empty() {
        return Ok(Made {
            slots: 0,
            appointments: 0,
            cards: 0,
        });
    }
    let cal = crate::calendar::load(store)?;
    let slots = plan(store, ctx, &delegates, &cal)?;
    let (appointments, cards) = appointments(store, ctx, &delegates, &cal)?;
    Ok(Made {
        slots,
        appointments,
        cards,
    })
}

fn text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn plan(store: &Store, ctx: &Ctx, delegates: &[String], cal: &WorkCalendar) -> Result<usize> {
    let this_month = first_of_month(ctx.today);
    let first = this_month
        .checked_sub_months(Months::new(3))
        .unwrap_or(this_month);
    let mut made = 0;
    let mut turn = 0usize;
    let mut next_pair = || {
        let pair = vec![
            delegates[turn % delegates.len()].clone(),
            delegates[(turn + 1) % delegates.len()].clone(),
        ];
        turn += 2;
        pair
    };
    let mut months = Vec::new();
    for m in 0..5 {
        let start = first.checked_add_months(Months::new(m)).unwrap_or(first);
        let key = start.format("%Y-%m").to_string();
        let days: Vec<NaiveDate> = start
            .iter_days()
            .take_while(|d| d.month() == start.month())
            .collect();
        for d in days.iter().filter(|d| cal.is_workday(**d)) {
            if matches!(d.weekday(), Weekday::Tue | Weekday::Thu) {
                let input = SlotInput {
                    date: text(*d),
                    start: "14:30".into(),
                    end: "17:00".into(),
                    place: Some(Place::Studio),
                    place_note: "行政楼 105 室".into(),
                    delegate_ids: next_pair(),
                    ..Default::default()
                };
                schedule::create_slot(store, ctx, &input)?;
                made += 1;
            }
        }
        // One online reception a month: the first working Wednesday after the 10th.
        if let Some(d) = days
            .iter()
            .find(|d| d.day() > 10 && d.weekday() == Weekday::Wed && cal.is_workday(**d))
        {
            let input = SlotInput {
                date: text(*d),
                start: "15:00".into(),
                end: "17:00".into(),
                place: Some(Place::Online),
                place_note: "网上工作室在线答复".into(),
                delegate_ids: next_pair(),
                note: "在线回复党员群众留言".into(),
                ..Default::default()
            };
            schedule::create_slot(store, ctx, &input)?;
            made += 1;
        }
        schedule::publish_month(store, ctx, &key, 0)?;
        months.push((key, start));
    }
    // The past months' posters were printed; this month's changed after it was printed (a swap).
    for (key, start) in &months {
        if *start <= this_month {
            schedule::mark_poster_printed(store, ctx, key)?;
        }
    }
    let key = this_month.format("%Y-%m").to_string();
    let this = schedule::month_plan(store, ctx, &key)?;
    let slots: Vec<_> = this
        .days
        .iter()
        .flat_map(|d| d.slots.iter())
        .filter(|s| s.place == Place::Studio)
        .collect();
    if let [a, b, ..] = slots.as_slice() {
        let (da, db) = (&a.delegates[0].id, &b.delegates[0].id);
        let free = |s: &schedule::Slot, id: &str| s.delegates.iter().all(|d| d.id != id);
        if da != db && free(a, db) && free(b, da) {
            schedule::swap(
                store,
                ctx,
                &SwapInput {
                    slot_a: a.id.clone(),
                    version_a: a.version,
                    delegate_a: da.clone(),
                    slot_b: b.id.clone(),
                    version_b: b.version,
                    delegate_b: db.clone(),
                },
            )?;
        }
    }
    Ok(made)
}

/// The working day `n` working days from `today` (back when negative), or `today` itself for 0.
pub(super) fn workday(cal: &WorkCalendar, today: NaiveDate, n: i32) -> NaiveDate {
    let mut d = today;
    let mut left = n.unsigned_abs();
    while left > 0 {
        d = if n > 0 {
            d.checked_add_days(Days::new(1))
        } else {
            d.checked_sub_days(Days::new(1))
        }
        .unwrap_or(d);
        if cal.is_workday(d) {
            left -= 1;
        }
    }
    d
}

const TOPICS: &[&str] = &[
    "反映南区食堂晚餐供应时间短，参加晚间实验的同学吃不上热饭，希望当面沟通。",
    "咨询青年教师职称评审中教学业绩的认定办法。",
    "退休党员希望了解异地参加组织生活的办法，想与代表当面交流。",
    "反映学院报表多、重复填报的问题，希望代表帮助向有关部门反映。",
    "新校区通勤班车班次少，教职工希望增开晚间班次。",
    "家庭经济困难学生咨询助学贷款和临时困难补助政策。",
    "代表就实验室安全准入制度的落实情况约谈实验室管理人员。",
    "代表约谈学生党支部书记，了解学生党员继续教育情况。",
];

fn appointments(
    store: &Store,
    ctx: &Ctx,
    delegates: &[String],
    cal: &WorkCalendar,
) -> Result<(usize, usize)> {
    let mut rng = fastrand::Rng::with_seed(20261013);
    let today = ctx.today;
    // (working days from today, delegate, direction, source, what happens to it)
    #[derive(Clone, Copy, PartialEq)]
    enum End {
        Pending,
        Confirmed,
        Completed,
        CancelledPending,
        CancelledConfirmed,
    }
    use AppointmentDirection::{Invitation, Request};
    use AppointmentSource::{Online, Staff};
    let plan: [(i32, AppointmentDirection, AppointmentSource, End); 8] = [
        (-12, Request, Staff, End::Completed),
        (-5, Invitation, Staff, End::Completed),
        (-3, Request, Online, End::CancelledConfirmed),
        (2, Request, Staff, End::Confirmed),
        (3, Request, Online, End::Pending),
        (4, Request, Staff, End::CancelledPending),
        (6, Invitation, Staff, End::Confirmed),
        (8, Invitation, Staff, End::Pending),
    ];
    let (mut made, mut cards) = (0, 0);
    for (i, (days, direction, source, end)) in plan.into_iter().enumerate() {
        let date = workday(cal, today, days);
        let given = pick(&mut rng, names::GIVEN_MALE);
        let input = AppointmentInput {
            person_name: format!("{}{given}", pick(&mut rng, names::SURNAMES)),
            person_phone: mobile(&mut rng),
            person_consent: Some(true),
            delegate_id: delegates[(i * 3) % delegates.len()].clone(),
            date: text(date),
            start: if i % 2 == 0 { "09:00" } else { "10:00" }.into(),
            end: if i % 2 == 0 { "10:00" } else { "11:30" }.into(),
            place: if direction == Invitation {
                "党代表工作室（行政楼 105 室）".into()
            } else {
                "党代表工作室".into()
            },
            topic: TOPICS[i % TOPICS.len()].into(),
            direction: Some(direction),
            source: Some(source),
            note: String::new(),
        };
        let a = appointments::create_appointment(store, ctx, &input)?;
        made += 1;
        let a = match end {
            End::Pending => continue,
            End::CancelledPending => {
                appointments::cancel_appointment(
                    store,
                    ctx,
                    &a.id,
                    a.version,
                    "本人临时有事，另约时间",
                )?;
                continue;
            }
            _ => appointments::confirm_appointment(store, ctx, &a.id, a.version)?,
        };
        match end {
            End::Completed => {
                appointments::complete_appointment(store, ctx, &a.id, a.version)?;
                cards += 1;
            }
            End::CancelledConfirmed => {
                appointments::cancel_appointment(
                    store,
                    ctx,
                    &a.id,
                    a.version,
                    "党代表外出参加会议，已电话告知本人改约",
                )?;
            }
            _ => {}
        }
    }
    Ok((made, cards))
}
