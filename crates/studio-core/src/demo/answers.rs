//! A demo entry on 代表回复: a message sent through the online studio (`web:demo`, a visitor)
//! whose writer agreed to publication, routed by staff to a delegate who answers it, and the
//! question and answer published, each step through the same functions (and the write gate) a
//! visitor, staff and the delegate use. So `studio serve` on the demo shows it on /answers and the
//! desktop's 代表回复公开 lists it as 已发布.

use super::{mobile, names, pick};
use crate::actor::{Actor, Role};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::items::{self, ItemAction, ItemCategory, ItemQuery, ItemSource};
use crate::kiosk::{self, MessageInput};
use crate::public_answers::{self, PublicationInput, PublicationQuery};
use crate::storage::Store;

const QUESTION: &str = "东校区食堂晚餐供应时间较早，晚上有课或做实验的同学下课后常常吃不上热饭。\
                        能否延长晚餐供应时间，或在夜间开设一个窗口？";
const ANSWER: &str =
    "经与后勤管理处协调，东校区第二食堂自下月起晚餐供应延长至20:30，并在一楼开设夜宵窗口，\
                      供应至22:00。欢迎同学们继续提出意见建议。";

/// Made one published answer (1) or none: a second demo load (`--force`) finds the online
/// message of the first and adds no second one.
pub(super) fn load(store: &Store, staff: &Ctx) -> Result<usize> {
    let existing = public_answers::publication_list(store, staff, &PublicationQuery::default())?;
    if existing
        .items
        .iter()
        .any(|r| r.source == ItemSource::Online)
    {
        return Ok(0);
    }
    let web = Ctx::new(
        Actor::with_id("web:demo", "网上工作室", Role::Visitor),
        staff.today,
    );
    let shown: Vec<_> = kiosk::delegate_profiles(store, &web)?
        .into_iter()
        .flat_map(|g| g.delegates)
        .collect();
    let Some(delegate) = shown.get(1) else {
        return Ok(0);
    };
    let mut rng = fastrand::Rng::with_seed(20261203);
    let name = format!(
        "{}{}",
        pick(&mut rng, names::SURNAMES),
        pick(&mut rng, names::GIVEN_FEMALE)
    );
    let receipt = kiosk::submit_message(
        store,
        &web,
        &MessageInput {
            name,
            phone: mobile(&mut rng),
            category: Some(ItemCategory::Hardship),
            text: QUESTION.into(),
            delegate_id: Some(delegate.id.clone()),
            consent: true,
            publish_ok: true,
        },
        ItemSource::Online,
    )?;
    let found = items::list_items(
        store,
        staff,
        &ItemQuery {
            q: receipt.query_code.clone(),
            ..Default::default()
        },
    )?;
    let Some(id) = found.items.first().map(|r| r.id.clone()) else {
        return Ok(0);
    };
    let version = items::get_item(store, staff, &id)?.item.version;
    let routed = items::route_item(
        store,
        staff,
        &id,
        version,
        std::slice::from_ref(&delegate.id),
    )?;
    items::act(
        store,
        staff,
        &id,
        routed.version,
        &ItemAction::Answer {
            answer: ANSWER.into(),
            on: String::new(),
        },
    )?;
    public_answers::save_publication(
        store,
        staff,
        &id,
        0,
        &PublicationInput {
            question: QUESTION.into(),
            answer: ANSWER.into(),
        },
        true,
    )?;
    Ok(1)
}
