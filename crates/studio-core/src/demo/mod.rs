//! Realistic demo data for a first look at the app, for training and for benchmarks.
//! Everything goes through the same core functions a user's input does, so demo rows are valid and
//! audited like real ones.

mod names;

use crate::actor::{Actor, Role};
use crate::error::{Error, Result};
use crate::roster::{self, DelegateInput, DelegationInput, Gender, PublishFlags};
use crate::settings::{self, SetupState};
use crate::storage::Store;

#[derive(Debug, Clone, Default)]
pub struct DemoReport {
    pub delegations: usize,
    pub delegates: usize,
}

fn demo_actor() -> Actor {
    Actor::new("演示数据", Role::System)
}

fn pick<'a, T>(rng: &mut fastrand::Rng, list: &'a [T]) -> &'a T {
    &list[rng.usize(..list.len())]
}

fn mobile(rng: &mut fastrand::Rng) -> String {
    let prefix = ["138", "139", "135", "136", "150", "151", "158", "186", "187", "177", "199"];
    format!("{}{:08}", pick(rng, &prefix), rng.u32(0..100_000_000))
}

/// Fill the database with the demo roster. Refuses a database that already holds delegates unless
/// `force` is set (then the demo rows are added beside the existing ones).
pub fn load(store: &mut Store, force: bool) -> Result<DemoReport> {
    if !force && roster::delegate_count(store)? > 0 {
        return Err(Error::Conflict(
            "数据库中已有党代表数据，未载入演示数据（如确需载入，请加 --force）".into(),
        ));
    }
    let actor = demo_actor();
    let mut rng = fastrand::Rng::with_seed(20211027);
    let mut report = DemoReport::default();
    let existing = roster::list_delegations(store)?;
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
                roster::create_delegation(store, &actor, &input)?.id
            }
        };
        let size = 7 + rng.usize(0..3);
        let mut head = None;
        for i in 0..size {
            let gender = if rng.u8(0..10) < 6 { Gender::Male } else { Gender::Female };
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
            };
            let d = roster::create_delegate(store, &actor, &input)?;
            report.delegates += 1;
            if i == 0 {
                head = Some(d.id);
            }
        }
        let g = roster::get_delegation(store, &delegation_id)?;
        if g.head_delegate_id.is_none() {
            let input = DelegationInput {
                name: g.name,
                head_delegate_id: head,
                note: g.note,
                display_order: g.display_order,
            };
            roster::update_delegation(store, &actor, &delegation_id, &input)?;
        }
    }
    // One former delegate, so the roster shows what 离任 looks like.
    let first = roster::all_delegates(store)?;
    if let Some(d) = first.iter().rev().find(|d| d.status == roster::DelegateStatus::Active) {
        roster::mark_delegate_left(store, &actor, &d.id, Some("2025-07-01"))?;
    }
    let tx = store.conn.transaction()?;
    settings::set_setup_state(&tx, SetupState::Demo)?;
    tx.commit()?;
    Ok(report)
}

/// A large roster for benchmarks: `n` delegates spread over `delegations` delegations.
pub fn bulk_roster(store: &mut Store, delegations: usize, n: usize, seed: u64) -> Result<()> {
    let actor = demo_actor();
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut ids = Vec::new();
    for g in 0..delegations {
        let input = DelegationInput {
            name: format!("第{}代表团", g + 1),
            display_order: g as i64,
            ..Default::default()
        };
        ids.push(roster::create_delegation(store, &actor, &input)?.id);
    }
    let all_units: Vec<&str> = names::DELEGATIONS.iter().flat_map(|(_, u)| u.iter().copied()).collect();
    for i in 0..n {
        let gender = if rng.bool() { Gender::Male } else { Gender::Female };
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
        roster::create_delegate(store, &actor, &input)?;
    }
    Ok(())
}
