//! From the core's record card to what the printer draws. The print crate knows only its own plain
//! model (`studio_print::CardData`); mapping the domain onto it is the core's side of the contract,
//! so `studio-print` depends on no crate of ours (DESIGN.md: "the core side maps records to it").

use chrono::Datelike;
use studio_print::{CardData, CardDate, Channel};

use crate::cards::{self as core, Card};
use crate::ids::parse_date;

/// The card's 联系形式 box.
pub fn channel(c: core::Channel) -> Channel {
    match c {
        core::Channel::Studio => Channel::Studio,
        core::Channel::Online => Channel::Online,
        core::Channel::Appointment => Channel::Appointment,
        core::Channel::HomeVisit => Channel::HomeVisit,
        core::Channel::Other => Channel::Other,
    }
}

/// `YYYY-MM-DD` → the card's 年 月 日; anything else leaves the date blank to fill by hand.
pub fn card_date(s: &str) -> Option<CardDate> {
    let d = parse_date(s)?;
    CardDate::new(d.year(), d.month(), d.day()).ok()
}

/// Everything printed on one card, from the record. A group of one prints no "（共N人）".
pub fn card_data(c: &Card) -> CardData {
    CardData {
        contact_date: card_date(&c.contact_date),
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

/// Print-ready filled cards, in the order given.
pub fn print_cards(cards: &[Card]) -> Vec<studio_print::Card> {
    cards
        .iter()
        .map(|c| studio_print::Card::filled(card_data(c)))
        .collect()
}
