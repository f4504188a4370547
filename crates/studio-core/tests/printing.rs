//! Printing as the front ends use it: the core's record cards mapped onto the print model, and the
//! one print job (`printing::render`) the desktop app and the CLI both run.

use studio_core::cards::{self, Card, CardSelection, Channel, PoliticalStatus};
use studio_core::ids::today_shanghai;
use studio_core::printing::{self, cards as map, PrintJob, MAX_BLANK_COPIES};
use studio_core::roster::Gender;
use studio_core::storage::audit as log;
use studio_core::{Actor, Ctx, Error, Role, Store};
use studio_print::CardDate;

fn liaison() -> Ctx {
    Ctx::new(Actor::new("李联络", Role::Liaison), today_shanghai())
}

fn visitor() -> Ctx {
    Ctx::new(Actor::new("访客", Role::Visitor), today_shanghai())
}

fn demo() -> Store {
    let store = Store::open_in_memory().unwrap();
    studio_core::demo::load(&store, false).unwrap();
    store
}

fn all_cards(store: &Store) -> Vec<Card> {
    cards::cards_for_print(store, &liaison(), &CardSelection::All).unwrap()
}

fn never_stop(_: usize, _: usize) -> bool {
    true
}

fn cards_job(selection: CardSelection) -> PrintJob {
    PrintJob::Cards { selection }
}

// ---- the mapping ------------------------------------------------------------------------------

#[test]
fn a_card_maps_field_by_field() {
    let store = demo();
    let card = all_cards(&store).into_iter().next().expect("demo cards");
    let data = map::card_data(&card);
    assert_eq!(data.delegate_name, card.delegate_name);
    assert_eq!(data.delegation, card.delegation_name);
    assert_eq!(data.delegate_unit_position, card.delegate_unit_position);
    assert_eq!(data.delegate_phone, card.delegate_phone);
    assert_eq!(data.person_name, card.person_name);
    assert_eq!(data.person_unit_position, card.person_unit_position);
    assert_eq!(data.person_phone, card.person_phone);
    assert_eq!(data.person_address, card.person_address);
    assert_eq!(data.opinion, card.opinion);
    assert_eq!(data.handling, card.handling);
    assert_eq!(data.channel, Some(map::channel(card.channel)));
    let date = data.contact_date.expect("a demo card has a contact date");
    assert_eq!(
        format!("{:04}-{:02}-{:02}", date.year, date.month, date.day),
        card.contact_date
    );
}

#[test]
fn labels_numbers_and_the_group_print_as_the_card_shows_them() {
    let store = demo();
    let mut card = all_cards(&store).into_iter().next().expect("demo cards");

    card.person_gender = Some(Gender::Female);
    card.person_age = Some(45);
    card.person_political_status = Some(PoliticalStatus::PartyMember);
    card.group_size = 3;
    card.channel = Channel::Other;
    card.channel_other = "座谈会".into();
    let data = map::card_data(&card);
    assert_eq!(data.person_gender, "女");
    assert_eq!(data.person_age, "45");
    assert_eq!(data.person_political_status, "中共党员");
    assert_eq!(data.group_size, Some(3));
    assert_eq!(data.channel, Some(studio_print::Channel::Other));
    assert_eq!(data.channel_other_text, "座谈会");

    // Unknown values print as empty cells, one person as no "（共N人）".
    card.person_gender = None;
    card.person_age = None;
    card.person_political_status = None;
    card.group_size = 1;
    let data = map::card_data(&card);
    assert_eq!(
        (
            data.person_gender.as_str(),
            data.person_age.as_str(),
            data.person_political_status.as_str()
        ),
        ("", "", "")
    );
    assert_eq!(data.group_size, None);
}

#[test]
fn every_channel_has_its_box() {
    let pairs = [
        (Channel::Studio, studio_print::Channel::Studio),
        (Channel::Online, studio_print::Channel::Online),
        (Channel::Appointment, studio_print::Channel::Appointment),
        (Channel::HomeVisit, studio_print::Channel::HomeVisit),
        (Channel::Other, studio_print::Channel::Other),
    ];
    for (core, print) in pairs {
        assert_eq!(map::channel(core), print);
        assert_eq!(
            core.label(),
            print.label(),
            "the same words on screen and paper"
        );
    }
}

#[test]
fn only_a_real_date_is_printed() {
    assert_eq!(
        map::card_date("2025-11-03"),
        Some(CardDate::new(2025, 11, 3).unwrap())
    );
    for bad in ["", "2025-02-30", "2025-13-01", "2025/11/03", "20251103"] {
        assert_eq!(map::card_date(bad), None, "{bad:?}");
    }
}

#[test]
fn print_cards_keeps_the_order() {
    let store = demo();
    let list = all_cards(&store);
    let printed = map::print_cards(&list);
    assert_eq!(printed.len(), list.len());
    for (card, printed) in list.iter().zip(&printed) {
        match printed {
            studio_print::Card::Filled(data) => assert_eq!(data.person_name, card.person_name),
            studio_print::Card::Blank => panic!("a record prints filled"),
        }
    }
}

// ---- the job ----------------------------------------------------------------------------------

#[test]
fn blank_copies_out_of_range_are_a_field_error() {
    let store = demo();
    for copies in [0, MAX_BLANK_COPIES + 1] {
        let err = printing::render(
            &store,
            &liaison(),
            &PrintJob::Blank { copies },
            &mut never_stop,
        )
        .unwrap_err();
        match &err {
            Error::Validation(fields) => {
                assert_eq!(fields.len(), 1);
                assert_eq!(fields[0].field, "copies");
                assert!(fields[0].message.contains("份数应在 1 到"), "{err}");
            }
            other => panic!("expected a validation error, got {other:?}"),
        }
        assert_eq!(err.code(), "validation");
    }
    let r = printing::render(
        &store,
        &liaison(),
        &PrintJob::Blank { copies: 3 },
        &mut never_stop,
    )
    .unwrap();
    assert_eq!(r.page_count, 3);
    assert!(r.pdf.starts_with(b"%PDF-"));
}

#[test]
fn blank_cards_need_no_database() {
    let r = printing::render_blank(None, 2, &mut never_stop).unwrap();
    assert_eq!(r.page_count, 2);
    assert!(matches!(
        printing::render_blank(None, 0, &mut never_stop),
        Err(Error::Validation(_))
    ));
}

#[test]
fn filled_cards_print_one_or_more_pages_each_and_the_access_is_recorded() {
    let store = demo();
    let list = all_cards(&store);
    let ids: Vec<String> = list.iter().take(3).map(|c| c.id.clone()).collect();
    let before = log::access_entries(&store.reader().unwrap()).unwrap().len();

    let mut calls = Vec::new();
    let r = printing::render(
        &store,
        &liaison(),
        &cards_job(CardSelection::Ids { ids: ids.clone() }),
        &mut |done, total| {
            calls.push((done, total));
            true
        },
    )
    .unwrap();
    assert!(r.page_count >= 3);
    assert!(r.pdf.starts_with(b"%PDF-"));
    assert!(calls.len() >= 3, "at least once a card: {calls:?}");
    // The progress box says 已完成 N / M 张: the counts are cards, and never go back.
    assert!(calls.iter().all(|&(_, total)| total == 3), "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0), "{calls:?}");
    assert_eq!(*calls.last().unwrap(), (3, 3));

    let log = log::access_entries(&store.reader().unwrap()).unwrap();
    assert_eq!(log.len(), before + 1, "one access for the whole job");
    let (actor, _, row, action) = log.last().unwrap();
    assert_eq!(actor, "李联络");
    assert_eq!(action, "print");
    for id in &ids {
        assert!(row.contains(id.as_str()), "{row} names {id}");
    }
}

#[test]
fn a_cancelled_batch_is_cancelled() {
    let store = demo();
    // Stopped at once, and stopped halfway.
    for stop_after in [0, 5] {
        let mut calls = 0;
        let err = printing::render(
            &store,
            &liaison(),
            &cards_job(CardSelection::All),
            &mut |_, _| {
                calls += 1;
                calls <= stop_after
            },
        )
        .unwrap_err();
        assert!(matches!(err, Error::Cancelled), "{err:?}");
        assert_eq!(err.code(), "cancelled");
        assert_eq!(calls, stop_after + 1, "nothing asked after the stop");
    }
    // Blank batches stop the same way.
    let err = printing::render(
        &store,
        &liaison(),
        &PrintJob::Blank { copies: 10 },
        &mut |_, _| false,
    )
    .unwrap_err();
    assert!(matches!(err, Error::Cancelled), "{err:?}");
}

#[test]
fn a_visitor_may_not_print_records() {
    let store = demo();
    let err = printing::render(
        &store,
        &visitor(),
        &cards_job(CardSelection::All),
        &mut never_stop,
    )
    .unwrap_err();
    assert!(matches!(err, Error::Forbidden(_)), "{err:?}");
    assert_eq!(err.code(), "forbidden");
}

#[test]
fn an_empty_selection_is_an_error_not_an_empty_pdf() {
    let store = demo();
    let err = printing::render(
        &store,
        &liaison(),
        &cards_job(CardSelection::Period {
            from: "2001-01-01".into(),
            to: "2001-01-31".into(),
        }),
        &mut never_stop,
    )
    .unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    assert_eq!(err.to_string(), "没有符合条件的记录卡可打印");
}
