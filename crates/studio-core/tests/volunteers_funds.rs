//! 联络员与志愿者 and 经费 through the core's public functions.

use chrono::NaiveDate;
use studio_core::export::{self, ExportFormat};
use studio_core::funds::{self, BudgetInput, FundSource, SpendingInput, SpendingQuery};
use studio_core::volunteers::{
    self, VolunteerInput, VolunteerQuery, VolunteerRole, VolunteerStatus,
};
use studio_core::{printing, Actor, Ctx, Error, Role, Store};

fn ctx(role: Role) -> Ctx {
    Ctx::new(
        Actor::new(format!("{}测试", role.label()), role),
        NaiveDate::from_ymd_opt(2026, 9, 15).unwrap(),
    )
}

fn person(
    name: &str,
    role: VolunteerRole,
    status: VolunteerStatus,
    contact: &str,
) -> VolunteerInput {
    VolunteerInput {
        name: name.into(),
        unit: "计算机学院".into(),
        contact: contact.into(),
        political_status: Some(status),
        role: Some(role),
        since: "2026-03-01".into(),
        until: None,
        notes: String::new(),
    }
}

#[test]
fn the_registry_lists_liaisons_and_party_members_first_with_contacts_masked() {
    let store = Store::open_in_memory().unwrap();
    let desk = ctx(Role::Liaison);
    volunteers::create_volunteer(
        &store,
        &desk,
        &person(
            "团员小李",
            VolunteerRole::Volunteer,
            VolunteerStatus::LeagueMember,
            "13912345678",
        ),
    )
    .unwrap();
    volunteers::create_volunteer(
        &store,
        &desk,
        &person(
            "党员老王",
            VolunteerRole::Volunteer,
            VolunteerStatus::PartyMember,
            "wang@wfu.edu.cn",
        ),
    )
    .unwrap();
    let liaison = volunteers::create_volunteer(
        &store,
        &desk,
        &person(
            "联络员赵",
            VolunteerRole::Liaison,
            VolunteerStatus::PartyMember,
            "0536-878 5123",
        ),
    )
    .unwrap();
    assert_eq!(liaison.contact, "0536-8785123");
    let list = volunteers::list_volunteers(&store, &desk, &VolunteerQuery::default()).unwrap();
    let names: Vec<&str> = list.items.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["联络员赵", "党员老王", "团员小李"]);
    assert_eq!(list.items[1].contact_masked, "w***@wfu.edu.cn");
    assert_eq!(list.items[2].contact_masked, "139****5678");
    assert!(list.items.iter().all(|v| v.active));

    // Someone who stopped serving is still on record, but not among the active.
    let mut left = person(
        "团员小李",
        VolunteerRole::Volunteer,
        VolunteerStatus::LeagueMember,
        "13912345678",
    );
    left.until = Some("2026-06-30".into());
    let id = &list.items[2].id;
    volunteers::update_volunteer(&store, &desk, id, 1, &left).unwrap();
    let q = VolunteerQuery {
        active_only: true,
        ..Default::default()
    };
    assert_eq!(
        volunteers::list_volunteers(&store, &desk, &q)
            .unwrap()
            .total,
        2
    );
    let q = VolunteerQuery {
        role: Some(VolunteerRole::Liaison),
        ..Default::default()
    };
    assert_eq!(
        volunteers::list_volunteers(&store, &desk, &q)
            .unwrap()
            .total,
        1
    );

    // The full record is for those who may read personal data; the export masks unless asked.
    assert_eq!(
        volunteers::get_volunteer(&store, &desk, id)
            .unwrap()
            .contact,
        "13912345678"
    );
    assert!(matches!(
        volunteers::list_volunteers(&store, &ctx(Role::Visitor), &VolunteerQuery::default()),
        Err(Error::Forbidden(_))
    ));
    let rows = volunteers::volunteers_for_export(&store, &desk, true).unwrap();
    let csv =
        String::from_utf8(export::export_volunteers(&rows, ExportFormat::Csv).unwrap()).unwrap();
    assert!(
        csv.contains("139****5678") && !csv.contains("13912345678"),
        "{csv}"
    );
    assert!(csv.contains("入党积极分子") || csv.contains("共青团员"));
}

#[test]
fn the_form_is_checked() {
    let store = Store::open_in_memory().unwrap();
    let Err(Error::Validation(errs)) = volunteers::create_volunteer(
        &store,
        &ctx(Role::Liaison),
        &VolunteerInput {
            contact: "12345".into(),
            since: "2026-09-01".into(),
            until: Some("2026-08-01".into()),
            ..Default::default()
        },
    ) else {
        panic!("expected field errors")
    };
    let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["name", "contact", "political_status", "role", "until"]
    );
}

fn spend(date: &str, purpose: &str, amount: &str, source: FundSource) -> SpendingInput {
    SpendingInput {
        date: date.into(),
        purpose: purpose.into(),
        amount: amount.into(),
        source: Some(source),
        activity_id: String::new(),
    }
}

#[test]
fn the_statement_adds_up_in_fen() {
    let store = Store::open_in_memory().unwrap();
    let admin = ctx(Role::Admin);
    let budget = |source, amount: &str, version| {
        funds::set_budget(
            &store,
            &admin,
            &BudgetInput {
                year: 2026,
                source: Some(source),
                amount: amount.into(),
                note: String::new(),
            },
            version,
        )
    };
    budget(FundSource::College, "20,000", 0).unwrap();
    budget(FundSource::PartyFee, "5000.50", 0).unwrap();
    assert!(matches!(
        budget(FundSource::PartyFee, "6000", 0),
        Err(Error::Stale(_))
    ));
    // Ten entries of ¥0.10 are exactly ¥1.00 (floating point would drift).
    for _ in 0..10 {
        funds::create_spending(
            &store,
            &admin,
            &spend("2026-03-02", "茶水", "0.1", FundSource::College),
        )
        .unwrap();
    }
    funds::create_spending(
        &store,
        &admin,
        &spend(
            "2026-05-20",
            "印制记录卡 500 份",
            "1,280.35",
            FundSource::College,
        ),
    )
    .unwrap();
    funds::create_spending(
        &store,
        &admin,
        &spend("2026-06-01", "志愿者服装", "5000.60", FundSource::PartyFee),
    )
    .unwrap();
    // Another year's entry is not in this year's statement.
    funds::create_spending(
        &store,
        &admin,
        &spend("2025-12-30", "旧账", "99", FundSource::College),
    )
    .unwrap();
    let s = funds::statement(&store, &admin, 2026).unwrap();
    assert_eq!(s.lines[0].budget_fen, 2_000_000);
    assert_eq!(s.lines[0].spent_fen, 128_035 + 100);
    assert_eq!(s.lines[0].left_fen, 2_000_000 - 128_135);
    assert_eq!(s.lines[1].left_fen, -10, "overspent by ¥0.10");
    assert_eq!(s.total.budget_fen, 2_500_050);
    assert_eq!(s.total.spent_fen, 128_135 + 500_060);
    assert_eq!(s.total.left_fen, s.lines[0].left_fen + s.lines[1].left_fen);
    assert_eq!(s.total.entries, 12);

    let page = funds::list_spendings(
        &store,
        &admin,
        &SpendingQuery {
            year: Some(2026),
            source: Some(FundSource::College),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(page.page.total, 11);
    assert_eq!(page.sum_fen, 128_135);

    let json: serde_json::Value =
        serde_json::from_slice(&export::funds::funds_json(&s).unwrap()).unwrap();
    assert_eq!(json["total"]["left_yuan"], "18718.55");
    assert_eq!(json["lines"][1]["left_yuan"], "-0.10");
    let pdf = printing::funds_pdf(&store, &admin, 2026).unwrap();
    assert!(pdf.page_count >= 1);
    assert!(matches!(
        funds::statement(&store, &ctx(Role::Liaison), 2026),
        Err(Error::Forbidden(_))
    ));
}

#[test]
fn spending_amounts_and_receipts_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("studio.db")).unwrap();
    let admin = ctx(Role::Admin);
    for (amount, message) in [("12.345", "两位小数"), ("0", "大于 0"), ("abc", "数字")] {
        let Err(Error::Validation(errs)) = funds::create_spending(
            &store,
            &admin,
            &spend("2026-03-02", "茶水", amount, FundSource::College),
        ) else {
            panic!("{amount} should be refused")
        };
        assert_eq!(errs[0].field, "amount");
        assert!(errs[0].message.contains(message), "{}", errs[0].message);
    }
    let s = funds::create_spending(
        &store,
        &admin,
        &spend("2026-03-02", "茶水", "12.30", FundSource::College),
    )
    .unwrap();
    assert_eq!(s.amount_fen, 1_230);
    assert!(matches!(
        funds::attach_receipt(&store, &admin, &s.id, 1, b"hello"),
        Err(Error::Invalid(_))
    ));
    let pdf = b"%PDF-1.4\n% scanned receipt\n";
    let with = funds::attach_receipt(&store, &admin, &s.id, 1, pdf).unwrap();
    let name = with.receipt.clone().unwrap();
    assert!(name.ends_with(".pdf"));
    assert!(store.files_dir().join("receipts").join(&name).exists());
    let (got_name, bytes) = funds::receipt_bytes(&store, &admin, &s.id)
        .unwrap()
        .unwrap();
    assert_eq!((got_name, bytes.as_slice()), (name, &pdf[..]));
}

#[test]
fn a_duty_slot_may_name_the_liaison_officer_on_duty() {
    use studio_core::roster::{self, DelegateInput, DelegationInput};
    use studio_core::schedule::{self, Place, SlotInput};
    let store = Store::open_in_memory().unwrap();
    let admin = ctx(Role::Admin);
    let g = roster::create_delegation(
        &store,
        &admin,
        &DelegationInput {
            name: "理工代表团".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let d = roster::create_delegate(
        &store,
        &admin,
        &DelegateInput {
            name: "张建华".into(),
            delegation_id: g.id,
            unit: "计算机学院".into(),
            mobile: "13800000001".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let liaison = volunteers::create_volunteer(
        &store,
        &admin,
        &person(
            "联络员赵",
            VolunteerRole::Liaison,
            VolunteerStatus::PartyMember,
            "13912345678",
        ),
    )
    .unwrap();
    let helper = volunteers::create_volunteer(
        &store,
        &admin,
        &person(
            "志愿者钱",
            VolunteerRole::Volunteer,
            VolunteerStatus::Activist,
            "13912345679",
        ),
    )
    .unwrap();
    let input = |liaison_id: &str| SlotInput {
        date: "2026-09-22".into(),
        start: "14:30".into(),
        end: "17:00".into(),
        place: Some(Place::Studio),
        delegate_ids: vec![d.id.clone()],
        liaison_id: Some(liaison_id.into()),
        ..Default::default()
    };
    let Err(Error::Validation(errs)) = schedule::create_slot(&store, &admin, &input(&helper.id))
    else {
        panic!("a volunteer is not a liaison officer")
    };
    assert_eq!(errs[0].field, "liaison_id");
    assert!(
        errs[0].message.contains("不是联络员"),
        "{}",
        errs[0].message
    );
    let slot = schedule::create_slot(&store, &admin, &input(&liaison.id)).unwrap();
    assert_eq!(slot.liaison.as_ref().unwrap().name, "联络员赵");
    let plan = schedule::month_plan(&store, &admin, "2026-09").unwrap();
    let shown = plan.days.iter().flat_map(|day| &day.slots).next().unwrap();
    assert_eq!(
        shown.liaison.as_ref().map(|l| l.id.as_str()),
        Some(liaison.id.as_str())
    );
    let serving = volunteers::serving_liaisons(&store, &admin).unwrap();
    assert_eq!(serving.len(), 1);
}
