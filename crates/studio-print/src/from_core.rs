//! From the core's record card to what the printer draws. Kept here, not in the core, so the core
//! builds without the PDF stack and the printer stays a function of plain data.

use studio_core::cards::{self as core, Card};

use crate::model::{CardData, CardDate, Channel};

fn channel(c: core::Channel) -> Channel {
    match c {
        core::Channel::Studio => Channel::Studio,
        core::Channel::Online => Channel::Online,
        core::Channel::Appointment => Channel::Appointment,
        core::Channel::HomeVisit => Channel::HomeVisit,
        core::Channel::Other => Channel::Other,
    }
}

/// `YYYY-MM-DD` → the card's 年 月 日; anything else leaves the date blank to fill by hand.
fn date(s: &str) -> Option<CardDate> {
    let mut it = s.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    CardDate::new(i32::try_from(y).ok()?, m, d).ok()
}

pub fn card_data(c: &Card) -> CardData {
    CardData {
        contact_date: date(&c.contact_date),
        delegate_name: c.delegate_name.clone(),
        delegation: c.delegation_name.clone(),
        delegate_unit_position: c.delegate_unit_position.clone(),
        delegate_phone: c.delegate_phone.clone(),
        person_name: c.person_name.clone(),
        person_gender: c
            .person_gender
            .map(|g| g.label().to_string())
            .unwrap_or_default(),
        person_age: c.person_age.map(|a| a.to_string()).unwrap_or_default(),
        person_political_status: c
            .person_political_status
            .map(|p| p.label().to_string())
            .unwrap_or_default(),
        person_unit_position: c.person_unit_position.clone(),
        person_phone: c.person_phone.clone(),
        person_address: c.person_address.clone(),
        channel: Some(channel(c.channel)),
        channel_other_text: c.channel_other.clone(),
        group_size: (c.group_size > 1).then_some(c.group_size),
        opinion: c.opinion.clone(),
        handling: c.handling.clone(),
    }
}

/// Print-ready cards, in the order given.
pub fn cards(cards: &[Card]) -> Vec<crate::Card> {
    cards
        .iter()
        .map(|c| crate::Card::filled(card_data(c)))
        .collect()
}
