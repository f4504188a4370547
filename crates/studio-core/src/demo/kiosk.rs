//! Demo visitors at the kiosk, through the kiosk's own functions as a visitor
//! (`kiosk:demo`, 自助终端): two messages waiting in 待分派 (one naming the delegate the visitor
//! chose) and one request to meet a delegate (待确认), each with its query code. Each visitor has
//! their own phone, so the one-a-minute bound does not trip.

use chrono::NaiveDate;

use super::schedule::workday;
use super::{mobile, names, pick};
use crate::actor::{Actor, Role};
use crate::appointments::AppointmentSource;
use crate::calendar;
use crate::ctx::Ctx;
use crate::error::Result;
use crate::items::{self, ItemCategory, ItemSource};
use crate::kiosk::{self, AppointmentRequestInput, DayPeriod, MessageInput};
use crate::storage::Store;

/// What was made: ledger items (the messages) and appointments (the request).
pub(super) struct Made {
    pub items: usize,
    pub appointments: usize,
}

/// The kiosk of the demo: a visitor, as the studio PC in kiosk mode is.
fn visitor(today: NaiveDate) -> Ctx {
    Ctx::new(
        Actor::with_id("kiosk:demo", "自助终端", Role::Visitor),
        today,
    )
}

/// `staff` reads whether visitors' messages are already waiting: a second demo load (`--force`)
/// adds no more (the same visitors would write again within the minute).
pub(super) fn load(store: &Store, staff: &Ctx) -> Result<Made> {
    let none = Made {
        items: 0,
        appointments: 0,
    };
    if items::item_counts(store, staff)?.unrouted > 0 {
        return Ok(none);
    }
    let today = staff.today;
    let v = visitor(today);
    let shown: Vec<_> = kiosk::delegate_profiles(store, &v)?
        .into_iter()
        .flat_map(|g| g.delegates)
        .collect();
    let (Some(chosen), Some(to_meet)) = (shown.first(), shown.get(shown.len() / 2)) else {
        return Ok(none);
    };
    let mut rng = fastrand::Rng::with_seed(20261201);
    let mut person = |female: bool| {
        let given = if female {
            pick(&mut rng, names::GIVEN_FEMALE)
        } else {
            pick(&mut rng, names::GIVEN_MALE)
        };
        let name = format!("{}{given}", pick(&mut rng, names::SURNAMES));
        (name, mobile(&mut rng))
    };

    let (name, phone) = person(false);
    kiosk::submit_message(
        store,
        &v,
        &MessageInput {
            name,
            phone,
            category: Some(ItemCategory::Hardship),
            text: "南区3号宿舍楼热水供应不稳定，晚上十点以后经常没有热水，希望尽快协调维修。"
                .into(),
            delegate_id: None,
            consent: true,
            publish_ok: true,
        },
        ItemSource::Kiosk,
    )?;
    let (name, phone) = person(true);
    kiosk::submit_message(
        store,
        &v,
        &MessageInput {
            name,
            phone,
            category: Some(ItemCategory::PublicOpinion),
            text: "图书馆自习室座位紧张，考试周经常一座难求。建议考试周延长开放时间，并在空闲教室增设临时自习区。"
                .into(),
            delegate_id: Some(chosen.id.clone()),
            consent: true,
            publish_ok: false,
        },
        ItemSource::Kiosk,
    )?;

    // A morning three working days ahead: the demo's receptions are in the afternoon.
    let cal = calendar::load(store)?;
    let (name, phone) = person(false);
    kiosk::request_appointment(
        store,
        &v,
        &AppointmentRequestInput {
            name,
            phone,
            delegate_id: to_meet.id.clone(),
            date: workday(&cal, today, 3).format("%Y-%m-%d").to_string(),
            period: Some(DayPeriod::Morning),
            topic: "想当面反映研究生公寓网络信号差的问题，并咨询校园网提速的安排。".into(),
            consent: true,
        },
        AppointmentSource::Kiosk,
    )?;
    Ok(Made {
        items: 2,
        appointments: 1,
    })
}
