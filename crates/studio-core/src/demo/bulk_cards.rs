//! Many filled record cards, for benchmarks (a 1,000-card batch PDF while the window is used).

use chrono::Days;

use super::{card_texts, mobile, names, pick};
use crate::actor::Permission;
use crate::cards::{self, CardInput, Channel, PoliticalStatus};
use crate::ctx::Ctx;
use crate::error::Result;
use crate::roster::{self, DelegateStatus, Gender};
use crate::storage::Store;

/// Cards written in one transaction of the write gate.
const PER_WRITE: usize = 2_000;

/// Add `n` draft cards with realistic texts (a long one every 25th, printed with a 续页), contacts
/// spread over the past year, through the same function the card form uses, [`PER_WRITE`] cards to
/// a gate write (one write per card took most of an hour for the 100,000-card list benchmark). The
/// roster must not be empty. Reproducible for a given `seed`. Returns how many were made.
pub fn bulk_cards(store: &Store, ctx: &Ctx, n: usize, seed: u64) -> Result<usize> {
    let delegates: Vec<_> = roster::all_delegates(store, ctx)?
        .into_iter()
        .filter(|d| d.status == DelegateStatus::Active)
        .collect();
    if delegates.is_empty() {
        return Err(crate::Error::Conflict(
            "名册中没有在任党代表，无法生成记录卡".into(),
        ));
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    let today = ctx.today;
    let mut inputs = Vec::with_capacity(PER_WRITE.min(n));
    for i in 0..n {
        let (opinion, handling) = if i % 25 == 24 {
            (card_texts::LONG_OPINION_1, card_texts::LONG_HANDLING_1)
        } else {
            *pick(&mut rng, card_texts::KINDS[i % card_texts::KINDS.len()])
        };
        let contact = today
            .checked_sub_days(Days::new(rng.u64(0..360)))
            .unwrap_or(today);
        let gender = if rng.bool() {
            Gender::Male
        } else {
            Gender::Female
        };
        let (unit, ages) = *pick(&mut rng, card_texts::PERSON_UNITS);
        let input = CardInput {
            delegate_id: delegates[i % delegates.len()].id.clone(),
            contact_date: contact.format("%Y-%m-%d").to_string(),
            person_name: format!(
                "{}{}",
                pick(&mut rng, names::SURNAMES),
                pick(&mut rng, names::GIVEN_FEMALE)
            ),
            person_gender: Some(gender),
            person_age: Some(rng.u32(ages.0..ages.1)),
            person_political_status: Some(PoliticalStatus::PartyMember),
            person_unit_position: unit.to_string(),
            person_phone: mobile(&mut rng),
            person_address: format!("南区{}号宿舍楼{}室", rng.u8(1..12), rng.u16(101..620)),
            group_size: 1,
            channel: Some(Channel::ALL[i % Channel::ALL.len()]),
            channel_other: String::new(),
            opinion: opinion.to_string(),
            handling: handling.to_string(),
            ..Default::default()
        };
        let input = if input.channel == Some(Channel::Other) {
            CardInput {
                channel_other: card_texts::OTHER_CHANNELS[0].to_string(),
                ..input
            }
        } else {
            input
        };
        inputs.push(input);
        if inputs.len() == PER_WRITE || i + 1 == n {
            store.write(ctx, Permission::EditCards, |tx| {
                for input in inputs.drain(..) {
                    cards::create_card_in(tx, &input)?;
                }
                Ok(())
            })?;
        }
    }
    super::bulk_roster::mark_generated(store, ctx)?;
    Ok(n)
}
