//! The roster as the administrator (组织部) keeps it and the studio reads it: through the core's
//! public functions only.

use studio_core::roster::{
    self, DelegateInput, DelegateQuery, DelegateStatus, DelegationInput, Gender,
};
use studio_core::{Actor, Ctx, Error, Role, Store};

/// The roster's keeper.
fn admin() -> Ctx {
    Ctx::now(Actor::new("组织部王老师", Role::Admin))
}

fn store_with_delegation() -> (Store, String) {
    let s = Store::open_in_memory().unwrap();
    let g = roster::create_delegation(
        &s,
        &admin(),
        &DelegationInput {
            name: "理工代表团".into(),
            ..Default::default()
        },
    )
    .unwrap();
    (s, g.id)
}

fn input(delegation: &str, name: &str) -> DelegateInput {
    DelegateInput {
        name: name.into(),
        gender: Gender::Male,
        delegation_id: delegation.into(),
        unit: "计算机工程学院".into(),
        position: "教授".into(),
        mobile: "138 1234 5678".into(),
        email: "Zhang@Example.edu.cn".into(),
        ..Default::default()
    }
}

fn field_messages(e: Error) -> Vec<(String, String)> {
    match e {
        Error::Validation(f) => f.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn create_normalises_and_lists_with_masked_phone() {
    let (s, g) = store_with_delegation();
    let d = roster::create_delegate(&s, &admin(), &input(&g, " 张建华 ")).unwrap();
    assert_eq!(d.name, "张建华");
    assert_eq!(d.mobile, "13812345678");
    assert_eq!(d.email, "zhang@example.edu.cn");
    let page = roster::list_delegates(&s, &admin(), &DelegateQuery::default()).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].delegation_name, "理工代表团");
    assert_eq!(page.items[0].mobile_masked, "138****5678");
}

#[test]
fn invalid_input_is_refused_with_chinese_messages_and_nothing_saved() {
    let (s, g) = store_with_delegation();
    let mut bad = input(&g, "");
    bad.mobile = "12345".into();
    bad.office_phone = "8785123".into();
    bad.email = "not-an-email".into();
    let fields = field_messages(roster::create_delegate(&s, &admin(), &bad).unwrap_err());
    let get = |f: &str| fields.iter().find(|(k, _)| k == f).map(|(_, m)| m.clone());
    assert_eq!(get("name").as_deref(), Some("请填写姓名"));
    assert!(get("mobile").unwrap().contains("11 位"));
    assert!(get("office_phone").unwrap().contains("区号"));
    assert!(get("email").unwrap().contains("邮箱"));
    assert_eq!(roster::delegate_count(&s, &admin()).unwrap(), 0);
    assert!(studio_core::audit::recent(&s, &admin(), 10)
        .unwrap()
        .iter()
        .all(|c| c.entity != "delegate"));
}

#[test]
fn a_phone_is_required_and_office_numbers_are_normalised() {
    let (s, g) = store_with_delegation();
    let mut no_phone = input(&g, "李四");
    no_phone.mobile.clear();
    let f = field_messages(roster::create_delegate(&s, &admin(), &no_phone).unwrap_err());
    assert_eq!(f[0].0, "mobile");
    no_phone.office_phone = "05368785123".into();
    let d = roster::create_delegate(&s, &admin(), &no_phone).unwrap();
    assert_eq!(d.office_phone, "0536-8785123");
}

#[test]
fn search_by_pinyin_initials_full_pinyin_name_and_unit() {
    let (s, g) = store_with_delegation();
    roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    let mut other = input(&g, "李丽华");
    other.unit = "外国语学院".into();
    roster::create_delegate(&s, &admin(), &other).unwrap();
    let names = |q: &str| -> Vec<String> {
        let query = DelegateQuery {
            q: q.into(),
            ..Default::default()
        };
        roster::list_delegates(&s, &admin(), &query)
            .unwrap()
            .items
            .into_iter()
            .map(|d| d.name)
            .collect()
    };
    assert_eq!(names("zjh"), ["张建华"]);
    assert_eq!(names("ZJH"), ["张建华"]);
    assert_eq!(names("zhangjian"), ["张建华"]);
    assert_eq!(names("华").len(), 2);
    assert_eq!(names("外国语"), ["李丽华"]);
    assert!(names("%").is_empty(), "LIKE wildcards are literal");
}

#[test]
fn filters_sort_and_paginate() {
    let (s, g) = store_with_delegation();
    for i in 0..25 {
        let mut d = input(&g, &format!("代表{i:02}"));
        d.display_order = i;
        roster::create_delegate(&s, &admin(), &d).unwrap();
    }
    let mut q = DelegateQuery::default();
    q.page.page_size = 10;
    q.page.page = 3;
    let p = roster::list_delegates(&s, &admin(), &q).unwrap();
    assert_eq!(p.total, 25);
    assert_eq!(p.items.len(), 5);
    assert_eq!(p.items[0].name, "代表20");
    q.page.page_size = 100_000;
    assert_eq!(
        roster::list_delegates(&s, &admin(), &q).unwrap().page_size,
        200,
        "page size is bounded"
    );
}

#[test]
fn mark_left_keeps_the_record_and_audits_who_and_what() {
    let (s, g) = store_with_delegation();
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    let left =
        roster::mark_delegate_left(&s, &admin(), &d.id, d.version, Some("2026-03-01")).unwrap();
    assert_eq!(left.status, DelegateStatus::Left);
    assert_eq!(left.left_on.as_deref(), Some("2026-03-01"));
    let active = DelegateQuery {
        status: Some(DelegateStatus::Active),
        ..Default::default()
    };
    assert_eq!(
        roster::list_delegates(&s, &admin(), &active).unwrap().total,
        0
    );
    assert_eq!(
        roster::list_delegates(&s, &admin(), &DelegateQuery::default())
            .unwrap()
            .total,
        1
    );
    assert!(matches!(
        roster::mark_delegate_left(&s, &admin(), &d.id, left.version, None),
        Err(Error::Conflict(_))
    ));
    let history = roster::delegate_history(&s, &admin(), &d.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].action, "create");
    assert_eq!(history[1].action, "mark_left");
    assert_eq!(history[1].actor, "组织部王老师");
    let before = history[1].before.as_ref().unwrap();
    let after = history[1].after.as_ref().unwrap();
    assert_eq!(before["status"], "active");
    assert_eq!(after["status"], "left");
    assert!(after.get("name").is_none(), "only changed fields are kept");
    roster::reinstate_delegate(&s, &admin(), &d.id, left.version).unwrap();
}

#[test]
fn likely_duplicates_warn_on_same_name_and_unit() {
    let (s, g) = store_with_delegation();
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    assert_eq!(
        roster::likely_duplicates(&s, &admin(), "张建华", "计算机工程学院", None)
            .unwrap()
            .len(),
        1
    );
    assert!(
        roster::likely_duplicates(&s, &admin(), "张建华", "计算机工程学院", Some(&d.id))
            .unwrap()
            .is_empty()
    );
    assert!(
        roster::likely_duplicates(&s, &admin(), "张建华", "外国语学院", None)
            .unwrap()
            .is_empty()
    );
    // A warning, not a block: saving a second one works.
    roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
}

#[test]
fn visitors_cannot_write_or_read_personal_data() {
    let (s, g) = store_with_delegation();
    let visitor = Ctx::now(Actor::new("访客", Role::Visitor));
    let e = roster::create_delegate(&s, &visitor, &input(&g, "张建华")).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    assert!(e.to_string().contains("没有权限"));
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    assert_eq!(
        roster::get_delegate(&s, &visitor, &d.id)
            .unwrap_err()
            .code(),
        "forbidden"
    );
}

#[test]
fn delegation_names_are_unique_and_heads_belong_to_the_delegation() {
    let (s, g) = store_with_delegation();
    let dup = roster::create_delegation(
        &s,
        &admin(),
        &DelegationInput {
            name: "理工代表团".into(),
            ..Default::default()
        },
    );
    assert_eq!(field_messages(dup.unwrap_err())[0].0, "name");
    let other = roster::create_delegation(
        &s,
        &admin(),
        &DelegationInput {
            name: "人文代表团".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    let bad = DelegationInput {
        name: "人文代表团".into(),
        head_delegate_id: Some(d.id.clone()),
        ..Default::default()
    };
    assert!(roster::update_delegation(&s, &admin(), &other.id, other.version, &bad).is_err());
    let ok = DelegationInput {
        name: "理工代表团".into(),
        head_delegate_id: Some(d.id.clone()),
        ..Default::default()
    };
    roster::update_delegation(&s, &admin(), &g, 1, &ok).unwrap();
    let list = roster::list_delegations(&s, &admin()).unwrap();
    let lg = list.iter().find(|x| x.id == g).unwrap();
    assert_eq!(lg.head_name.as_deref(), Some("张建华"));
    assert_eq!(lg.active_count, 1);
    // The head leaving clears the headship.
    roster::mark_delegate_left(&s, &admin(), &d.id, d.version, None).unwrap();
    assert_eq!(
        roster::get_delegation(&s, &admin(), &g)
            .unwrap()
            .head_delegate_id,
        None
    );
}

#[test]
fn photos_are_stored_with_a_thumbnail_and_non_images_refused() {
    let (s, g) = store_with_delegation();
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    let err =
        roster::set_delegate_photo(&s, &admin(), &d.id, d.version, b"not an image").unwrap_err();
    assert_eq!(err.code(), "invalid");
    let mut png = Vec::new();
    image::RgbImage::from_pixel(800, 600, image::Rgb([200, 30, 30]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let d = roster::set_delegate_photo(&s, &admin(), &d.id, d.version, &png).unwrap();
    assert!(d.photo.is_some());
    let thumb = roster::photo_bytes(&s, &admin(), &d.id, true)
        .unwrap()
        .unwrap();
    let t = image::load_from_memory(&thumb).unwrap();
    assert_eq!(t.width().max(t.height()), roster::THUMB_SIZE);
    assert!(
        roster::photo_bytes(&s, &admin(), &d.id, false)
            .unwrap()
            .unwrap()
            .len()
            > thumb.len()
    );
}

#[test]
fn roster_order_follows_delegation_order_and_changes_with_it() {
    let (s, a) = store_with_delegation();
    let b = roster::create_delegation(
        &s,
        &admin(),
        &DelegationInput {
            name: "人文代表团".into(),
            display_order: 1,
            ..Default::default()
        },
    )
    .unwrap();
    let a_input = DelegationInput {
        name: "理工代表团".into(),
        display_order: 2,
        ..Default::default()
    };
    roster::update_delegation(&s, &admin(), &a, 1, &a_input).unwrap();
    roster::create_delegate(&s, &admin(), &input(&a, "理工甲")).unwrap();
    roster::create_delegate(&s, &admin(), &input(&b.id, "人文乙")).unwrap();
    let first = |s: &Store| {
        roster::list_delegates(s, &admin(), &DelegateQuery::default())
            .unwrap()
            .items[0]
            .name
            .clone()
    };
    assert_eq!(first(&s), "人文乙");
    let a_first = DelegationInput {
        display_order: 0,
        ..a_input
    };
    roster::update_delegation(&s, &admin(), &a, 2, &a_first).unwrap();
    assert_eq!(
        first(&s),
        "理工甲",
        "moving a delegation moves its delegates"
    );
    let bad = DelegationInput {
        display_order: -1,
        ..a_first
    };
    assert!(roster::update_delegation(&s, &admin(), &a, 3, &bad).is_err());
}

// ---- the front door: versions, masking, access and change records ---------------------------

fn ctx_of(name: &str, role: Role) -> Ctx {
    Ctx::now(Actor::new(name, role))
}

#[test]
fn a_stale_delegate_save_is_refused_and_overwrites_nothing() {
    let (s, g) = store_with_delegation();
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    // Two administrators open the same version.
    let (a, b) = (ctx_of("甲", Role::Admin), ctx_of("乙", Role::Admin));
    let mut first = input(&g, "张建华");
    first.unit = "外国语学院".into();
    roster::update_delegate(&s, &a, &d.id, d.version, &first).unwrap();
    let mut second = input(&g, "张建华");
    second.position = "副教授".into();
    let err = roster::update_delegate(&s, &b, &d.id, d.version, &second).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(err.to_string(), "该记录已被他人修改，请刷新后再看");
    let Error::Stale(info) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(info.changed_by, "甲");
    assert_eq!(info.current_version, d.version + 1);
    assert!(info
        .fields
        .iter()
        .any(|f| f.field == "unit" && f.label == "单位"));
    let now = roster::get_delegate(&s, &admin(), &d.id).unwrap();
    assert_eq!(now.unit, "外国语学院");
    assert_eq!(now.position, "教授", "the second save wrote nothing");
    // Status changes and photos are checked the same way.
    assert_eq!(
        roster::mark_delegate_left(&s, &b, &d.id, d.version, None)
            .unwrap_err()
            .code(),
        "conflict"
    );
}

#[test]
fn a_stale_delegation_save_is_refused() {
    let (s, g) = store_with_delegation();
    let base = roster::get_delegation(&s, &admin(), &g).unwrap();
    let rename = |name: &str| DelegationInput {
        name: name.into(),
        ..Default::default()
    };
    roster::update_delegation(
        &s,
        &ctx_of("甲", Role::Admin),
        &g,
        base.version,
        &rename("甲团"),
    )
    .unwrap();
    let err = roster::update_delegation(
        &s,
        &ctx_of("乙", Role::Admin),
        &g,
        base.version,
        &rename("乙团"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(
        roster::get_delegation(&s, &admin(), &g).unwrap().name,
        "甲团"
    );
}

#[test]
fn visitors_see_the_roster_without_phones_and_nothing_else() {
    let (s, g) = store_with_delegation();
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    let visitor = ctx_of("访客", Role::Visitor);
    let page = roster::list_delegates(&s, &visitor, &DelegateQuery::default()).unwrap();
    assert_eq!(page.items[0].name, "张建华");
    assert_eq!(
        page.items[0].mobile_masked, "",
        "a visitor gets no phone at all"
    );
    for code in [
        roster::get_delegate(&s, &visitor, &d.id).map(|_| ()),
        roster::delegate_history(&s, &visitor, &d.id).map(|_| ()),
        roster::likely_duplicates(&s, &visitor, "张建华", "x", None).map(|_| ()),
        studio_core::audit::recent(&s, &visitor, 5).map(|_| ()),
    ]
    .map(|r| r.unwrap_err().code())
    {
        assert_eq!(code, "forbidden");
    }
}

#[test]
fn history_never_shows_a_phone_in_full_and_opening_a_record_is_recorded() {
    let (s, g) = store_with_delegation();
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    let mut changed = input(&g, "张建华");
    changed.mobile = "13900001111".into();
    roster::update_delegate(&s, &admin(), &d.id, d.version, &changed).unwrap();
    let h = roster::delegate_history(&s, &admin(), &d.id).unwrap();
    let text = serde_json::to_string(&h).unwrap();
    assert!(
        !text.contains("13812345678") && !text.contains("13900001111"),
        "{text}"
    );
    assert_eq!(h[1].after.as_ref().unwrap()["mobile"], "139****1111");
    // The full record shows it, and the opening is on record.
    assert_eq!(
        roster::get_delegate(&s, &admin(), &d.id).unwrap().mobile,
        "13900001111"
    );
    let access = studio_core::storage::audit::access_entries(&s.reader().unwrap()).unwrap();
    assert_eq!(
        access,
        [(
            "组织部王老师".to_string(),
            "delegate".to_string(),
            d.id.clone(),
            "view".to_string()
        )]
    );
}

#[test]
fn every_roster_write_leaves_one_change_record_with_its_versions() {
    let (s, g) = store_with_delegation();
    let count = |s: &Store| studio_core::storage::audit::all(&s.reader().unwrap()).unwrap();
    let mut seen = count(&s).len();
    let mut check = |s: &Store, entity: &str, action: &str, base: Option<i64>, new: i64| {
        let all = count(s);
        assert_eq!(all.len(), seen + 1, "{action}: exactly one record");
        seen = all.len();
        let r = all.last().unwrap();
        assert_eq!((r.entity.as_str(), r.action.as_str()), (entity, action));
        assert_eq!(
            (r.base_version, r.new_version),
            (base, Some(new)),
            "{action}"
        );
        assert_eq!(r.actor_id, "local:组织部王老师");
    };
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    check(&s, "delegate", "create", None, 1);
    let d = roster::update_delegate(&s, &admin(), &d.id, 1, &input(&g, "张健华")).unwrap();
    check(&s, "delegate", "update", Some(1), 2);
    let mut png = Vec::new();
    image::RgbImage::from_pixel(40, 40, image::Rgb([1, 2, 3]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let d = roster::set_delegate_photo(&s, &admin(), &d.id, d.version, &png).unwrap();
    check(&s, "delegate", "photo", Some(2), 3);
    let d = roster::mark_delegate_left(&s, &admin(), &d.id, d.version, None).unwrap();
    check(&s, "delegate", "mark_left", Some(3), 4);
    roster::reinstate_delegate(&s, &admin(), &d.id, d.version).unwrap();
    check(&s, "delegate", "reinstate", Some(4), 5);
    let x = roster::create_delegation(
        &s,
        &admin(),
        &DelegationInput {
            name: "新团".into(),
            ..Default::default()
        },
    )
    .unwrap();
    check(&s, "delegation", "create", None, 1);
    roster::update_delegation(
        &s,
        &admin(),
        &x.id,
        1,
        &DelegationInput {
            name: "新团二".into(),
            ..Default::default()
        },
    )
    .unwrap();
    check(&s, "delegation", "update", Some(1), 2);
}

#[test]
fn an_oversized_picture_is_refused_before_it_is_decoded() {
    let (s, g) = store_with_delegation();
    let d = roster::create_delegate(&s, &admin(), &input(&g, "张建华")).unwrap();
    // A 16,000 × 16,000 PNG header (768 MB once decoded): the header alone must be enough to
    // refuse it — the picture data is not even there, so decoding would fail differently.
    let png = png_header(16_000, 16_000);
    assert!(png.len() < roster::PHOTO_MAX_BYTES, "{} bytes", png.len());
    let err = roster::set_delegate_photo(&s, &admin(), &d.id, d.version, &png).unwrap_err();
    assert!(
        err.to_string().contains("照片尺寸过大（16000 × 16000"),
        "{err}"
    );
}

#[test]
fn an_over_long_search_is_refused() {
    let (s, _) = store_with_delegation();
    let q = DelegateQuery {
        q: "长".repeat(51),
        ..Default::default()
    };
    assert_eq!(
        roster::list_delegates(&s, &admin(), &q).unwrap_err().code(),
        "validation"
    );
}

/// A PNG's signature, IHDR (8-bit RGB, `w` × `h`), a truncated IDAT and IEND: a header without
/// pixels.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for &b in bytes {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        out.extend(&body);
        out.extend(crc32(&body).to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(w.to_be_bytes());
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &[0x78, 0x9c]);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// 代表风采 shows a delegate only with their consent, and then only the fields they ticked.
#[test]
fn the_public_profile_needs_consent_and_shows_only_the_ticked_fields() {
    let (s, g) = store_with_delegation();
    let mut i = input(&g, "张建华");
    i.office_phone = "0536-8785123".into();
    i.pledge = "服务师生".into();
    let d = roster::create_delegate(&s, &admin(), &i).unwrap();
    assert!(!d.publish_consent, "no consent unless someone records it");
    assert_eq!(roster::public_profile(&d), None);

    i.publish_consent = true;
    i.publish.mobile = false;
    i.publish.email = false;
    let d = roster::update_delegate(&s, &admin(), &d.id, d.version, &i).unwrap();
    let stored = roster::get_delegate(&s, &admin(), &d.id).unwrap();
    assert!(stored.publish_consent, "the consent is stored");
    let p = roster::public_profile(&stored).expect("shown with consent");
    assert_eq!(p.name, "张建华");
    assert_eq!(p.unit.as_deref(), Some("计算机工程学院"));
    assert_eq!(p.office_phone.as_deref(), Some("0536-8785123"));
    assert_eq!(p.pledge.as_deref(), Some("服务师生"));
    assert_eq!(p.mobile, None, "the mobile was not ticked");
    assert_eq!(p.email, None, "the e-mail was not ticked");

    // Withdrawing consent hides everything again, and the change is on record.
    i.publish_consent = false;
    let d = roster::update_delegate(&s, &admin(), &d.id, stored.version, &i).unwrap();
    assert_eq!(roster::public_profile(&d), None);
    let history = studio_core::audit::recent(&s, &admin(), 10).unwrap();
    assert!(history
        .iter()
        .any(|c| c.entity == "delegate" && c.row_id == d.id && c.action == "update"));

    // A delegate who has left is not shown, consent or not.
    i.publish_consent = true;
    let d = roster::update_delegate(&s, &admin(), &d.id, d.version, &i).unwrap();
    let d = roster::mark_delegate_left(&s, &admin(), &d.id, d.version, None).unwrap();
    assert_eq!(roster::public_profile(&d), None);
}
