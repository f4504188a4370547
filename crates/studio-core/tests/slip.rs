//! The kiosk's query-code slip (查询码回执, issue 10) through the core: a visitor leaves a message
//! or asks to meet a delegate, then prints the slip of the receipt they got back. The PDF (read
//! with poppler's `pdftotext`, required: `apt-get install poppler-utils`) holds the code and the
//! studio's settings, and nothing of the visitor: no name, no phone digits.

use std::path::PathBuf;
use std::process::Command;

use studio_core::items::{ItemCategory, ItemSource};
use studio_core::kiosk::{self, AppointmentRequestInput, DayPeriod, MessageInput};
use studio_core::printing::{self, SlipRequest};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender, PublishFlags};
use studio_core::{appointments::AppointmentSource, calendar, settings};
use studio_core::{Actor, Ctx, Error, Role, Store};

const NAME: &str = "赵小明";
const PHONE: &str = "13912345678";

fn admin() -> Ctx {
    Ctx::now(Actor::new("组织部张老师", Role::Admin))
}

fn kiosk_pc() -> Ctx {
    Ctx::now(Actor::with_id("kiosk:studio-pc", "自助终端", Role::Visitor))
}

/// A store whose settings name the studio and its hotline.
fn store() -> Store {
    let store = Store::open_in_memory().unwrap();
    let mut s = settings::load(&store).unwrap();
    s.studio_name = "中共浙江理工大学党代表工作室".into();
    s.hotline = "0571-86843114".into();
    settings::save(&store, &admin(), &s).unwrap();
    store
}

/// The text of a PDF as `pdftotext` reads it, without whitespace.
fn pdf_text(pdf: &[u8]) -> String {
    let path: PathBuf = std::env::temp_dir().join(format!(
        "studio-core-slip-{}-{:?}.pdf",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is required (apt-get install poppler-utils)");
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// No run of 4 of the phone's digits and no character of the name is on the slip (beside the
/// random code, which could hold such a run by chance).
fn assert_nothing_personal(text: &str, code: &str) {
    let text = text.replace(code, "");
    for i in 0..=PHONE.len() - 4 {
        let digits = &PHONE[i..i + 4];
        assert!(!text.contains(digits), "{digits} of the phone in {text}");
    }
    for c in NAME.chars() {
        assert!(!text.contains(c), "{c} of the name in {text}");
    }
}

#[test]
fn a_visitor_prints_the_slip_of_their_message_with_the_code_and_nothing_personal() {
    let store = store();
    let ctx = kiosk_pc();
    let receipt = kiosk::submit_message(
        &store,
        &ctx,
        &MessageInput {
            name: NAME.into(),
            phone: PHONE.into(),
            category: Some(ItemCategory::Hardship),
            text: "南区宿舍楼热水供应不稳定，晚上十点后经常没有热水，希望尽快维修。".into(),
            delegate_id: None,
            consent: true,
            publish_ok: false,
        },
        ItemSource::Kiosk,
    )
    .unwrap();

    let request = SlipRequest::Message {
        receipt: receipt.clone(),
        category: Some(ItemCategory::Hardship),
    };
    let rendered = printing::render_slip(&store, &ctx, &request).unwrap();
    assert_eq!(rendered.page_count, 1);
    assert!(rendered.missing_chars.is_empty());

    let text = pdf_text(&rendered.pdf);
    for expected in [
        receipt.query_code.as_str(),
        "有事找代表回执",
        printing::QUERY_INSTRUCTIONS,
        "中共浙江理工大学党代表工作室",
        "0571-86843114",
        &receipt.item_no,
        "困难帮扶请求",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert_nothing_personal(&text, &receipt.query_code);

    // The same request as JSON, the way a front end sends it.
    let json = serde_json::json!({
        "kind": "message",
        "receipt": receipt,
        "category": "hardship",
    });
    let from_json: SlipRequest = serde_json::from_value(json).unwrap();
    assert_eq!(from_json, request);
}

#[test]
fn a_visitor_prints_the_slip_of_their_appointment_request() {
    let store = store();
    let a = admin();
    let group = roster::create_delegation(
        &store,
        &a,
        &DelegationInput {
            name: "理工代表团".into(),
            display_order: 1,
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let delegate = roster::create_delegate(
        &store,
        &a,
        &DelegateInput {
            name: "张建华".into(),
            gender: Gender::Male,
            delegation_id: group,
            unit: "计算机工程学院".into(),
            position: "教授".into(),
            mobile: "13812345678".into(),
            publish: PublishFlags::recommended(),
            publish_consent: true,
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let ctx = kiosk_pc();
    let cal = calendar::load(&store).unwrap();
    let mut day = ctx.today + chrono::Days::new(7);
    while !cal.is_workday(day) {
        day = day.succ_opt().unwrap();
    }
    let receipt = kiosk::request_appointment(
        &store,
        &ctx,
        &AppointmentRequestInput {
            name: NAME.into(),
            phone: PHONE.into(),
            delegate_id: delegate,
            date: day.to_string(),
            period: Some(DayPeriod::Afternoon),
            topic: "想当面反映实验室夜间安全管理的问题".into(),
            consent: true,
        },
        AppointmentSource::Kiosk,
    )
    .unwrap();

    let rendered = printing::render_slip(
        &store,
        &ctx,
        &SlipRequest::Appointment {
            receipt: receipt.clone(),
        },
    )
    .unwrap();
    let text = pdf_text(&rendered.pdf);
    use chrono::Datelike;
    let wished = format!("{}年{}月{}日", day.year(), day.month(), day.day());
    for expected in [
        receipt.query_code.as_str(),
        "约见申请回执",
        "约见代表：张建华",
        &wished,
        "下午",
        printing::APPOINTMENT_NOTE,
        printing::QUERY_INSTRUCTIONS,
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert_nothing_personal(&text, &receipt.query_code);
    assert!(
        !text.contains("实验室"),
        "the topic stays off the slip: {text}"
    );
}

#[test]
fn printing_a_slip_needs_the_kiosk_and_a_real_receipt() {
    let store = store();
    let receipt = kiosk::Receipt {
        query_code: "K7QM-3XPA".into(),
        item_no: "2026-0001".into(),
        received_on: "2026-12-03".into(),
    };
    let request = SlipRequest::Message {
        receipt: receipt.clone(),
        category: None,
    };
    // Staff without the kiosk's permission: refused.
    let liaison = Ctx::now(Actor::new("王联络", Role::Liaison));
    assert!(matches!(
        printing::render_slip(&store, &liaison, &request),
        Err(Error::Forbidden(_))
    ));
    // Not a code: a field error, no PDF.
    let bad = SlipRequest::Message {
        receipt: kiosk::Receipt {
            query_code: "HELLO".into(),
            ..receipt
        },
        category: None,
    };
    match printing::render_slip(&store, &kiosk_pc(), &bad) {
        Err(Error::Validation(fields)) => assert_eq!(fields[0].field, "query_code"),
        other => panic!("{other:?}"),
    }
}
