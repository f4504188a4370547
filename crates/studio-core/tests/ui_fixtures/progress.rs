//! 查询进度 at the kiosk for `ui/dev/fixtures/kiosk.json`: each demo visitor's query code (as the
//! receipt prints it) with the last four digits of their phone, and what the core answered the
//! kiosk; and the one answer for a wrong code or wrong digits. Staff first answer one of the two
//! messages (分派, 开始办理, 答复 on the fixture day), so the screen's answered state is the core's
//! too. Run last: it changes an item and writes the failed tries to the audit log.

use serde_json::{json, Value};
use studio_core::appointments::{self, AppointmentQuery, AppointmentSource};
use studio_core::items::{self, ItemAction, ItemQuery};
use studio_core::kiosk::{self, QueryKind};
use studio_core::{Ctx, Store};

use super::studio::answer;

/// What staff answer the first message.
const ANSWER: &str =
    "已联系后勤管理处，南区3号宿舍楼热水管道本周内完成检修，检修后晚间供水延长至23点。";

fn last4(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len() - 4..].to_string()
}

/// The codes issued for `target` (as stored, without the dash).
fn codes(s: &Store, kind: QueryKind, target: &str) -> Vec<String> {
    studio_core::storage::kiosk::codes_for(&s.reader().unwrap(), kind, target).unwrap()
}

/// `staff` routes the message to `delegate`, starts it and answers it.
fn answer_message(s: &Store, staff: &Ctx, id: &str, version: i64, delegate: &str) {
    let routed = items::route_item(s, staff, id, version, &[delegate.to_string()]).unwrap();
    let start = ItemAction::Start {
        note: String::new(),
        on: String::new(),
    };
    let started = items::act(s, staff, id, routed.version, &start).unwrap();
    let done = ItemAction::Answer {
        answer: ANSWER.into(),
        on: String::new(),
    };
    items::act(s, staff, id, started.version, &done).unwrap();
}

pub(super) fn capture_progress(s: &Store, staff: &Ctx, visitor: &Ctx) -> Value {
    let unrouted = ItemQuery {
        unrouted: true,
        ..Default::default()
    };
    let messages = items::list_items(s, staff, &unrouted).unwrap().items;
    assert_eq!(messages.len(), 2, "the demo's two kiosk messages");
    let delegate = kiosk::delegate_profiles(s, visitor).unwrap()[0].delegates[0]
        .id
        .clone();
    let first = items::get_item(s, staff, &messages[0].id).unwrap().item;
    answer_message(s, staff, &first.id, first.version, &delegate);

    let mut asked = Vec::new();
    for m in &messages {
        let phone = items::get_item(s, staff, &m.id).unwrap().item.person_phone;
        for code in codes(s, QueryKind::Item, &m.id) {
            asked.push((code, last4(&phone)));
        }
    }
    let kiosk_requests = AppointmentQuery {
        source: Some(AppointmentSource::Kiosk),
        ..Default::default()
    };
    for a in appointments::list_appointments(s, staff, &kiosk_requests)
        .unwrap()
        .items
    {
        let a = appointments::get_appointment(s, staff, &a.id).unwrap();
        asked.push((
            a.query_code.expect("a kiosk request's code"),
            last4(&a.person_phone),
        ));
    }
    let found: Vec<Value> = asked
        .iter()
        .map(|(code, digits)| {
            let code = kiosk::format_code(&kiosk::normalize_code(code).expect("a code"));
            let mut got = kiosk::query_progress(s, visitor, &code, digits)
                .unwrap_or_else(|e| panic!("{code}: {e}"));
            if got.kind == QueryKind::Appointment {
                // An appointment's day of receipt is the Shanghai day of its `created_at`, a
                // clock time the fixtures fix (`FIXED_TIME`): the day that time falls on.
                got.received_on = super::day_of_fixed_time();
            }
            json!({ "code": code, "digits": digits, "answer": answer(Ok(got)) })
        })
        .collect();
    // A right code with wrong digits gets the same answer as a wrong code.
    let (code, digits) = &asked[0];
    let wrong_digits = if digits == "0000" { "1111" } else { "0000" };
    let wrong = answer(kiosk::query_progress(s, visitor, code, wrong_digits));
    assert_eq!(
        wrong,
        answer(kiosk::query_progress(s, visitor, "2345-6789", digits))
    );
    json!({ "found": found, "wrong": wrong })
}
