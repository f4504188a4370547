//! The demo ledger and the item exports: what `studio demo` gives a first look, and what
//! `studio export items` writes.

use studio_core::export::{self, ExportFormat};
use studio_core::items::{
    self, ItemCategory, ItemDeadlineState, ItemSource, ItemStatus, ItemView, Satisfaction,
};
use studio_core::{Actor, Ctx, Role, Store};

fn admin() -> Actor {
    Actor::new("组织部", Role::Admin)
}

fn admin_ctx() -> Ctx {
    Ctx::now(admin())
}

#[test]
fn demo_items_cover_every_category_source_and_most_states() {
    let s = Store::open_in_memory().unwrap();
    let report = studio_core::demo::load(&s, false).unwrap();
    assert!(report.items >= 80, "{report:?}");
    let ctx = admin_ctx();
    let all = items::items_for_export(&s, &ctx, None, None).unwrap();
    assert_eq!(all.len(), report.items);
    for c in ItemCategory::ALL {
        assert!(all.iter().any(|i| i.category == c), "no item in {c:?}");
    }
    for src in ItemSource::ALL {
        assert!(all.iter().any(|i| i.source == src), "no item from {src:?}");
    }
    for st in ItemStatus::ALL {
        assert!(all.iter().any(|i| i.status == st), "no item {st:?}");
    }
    for sat in Satisfaction::ALL {
        assert!(
            all.iter().any(|i| i.satisfaction == Some(sat)),
            "no follow-up {sat:?}"
        );
    }
    for d in [
        ItemDeadlineState::Overdue,
        ItemDeadlineState::DueSoon,
        ItemDeadlineState::Paused,
        ItemDeadlineState::OnTrack,
    ] {
        assert!(all.iter().any(|i| i.deadline == d), "no item {d:?}");
    }
    assert!(
        all.iter().any(|i| i.card_id.is_some()),
        "some come from cards"
    );
    assert!(all.iter().any(|i| i.escalated));
    assert!(all.iter().any(|i| i.extension_days > 0));
    assert!(all.iter().any(|i| i.referral.is_some()));
    // Within the past year, in order of receipt.
    let today = ctx.today;
    let year_ago = (today - chrono::Days::new(366))
        .format("%Y-%m-%d")
        .to_string();
    let today_s = today.format("%Y-%m-%d").to_string();
    assert!(all
        .iter()
        .all(|i| i.received_on >= year_ago && i.received_on <= today_s));
    assert!(all.windows(2).all(|w| w[0].received_on <= w[1].received_on));

    // 督办 views and 工作台 agree with what the items say of themselves.
    let counts = items::item_counts(&s, &ctx).unwrap();
    let overdue = all
        .iter()
        .filter(|i| i.deadline == ItemDeadlineState::Overdue)
        .count() as u64;
    assert_eq!(counts.overdue, overdue);
    assert!(
        counts.long_paused >= 1 && counts.due_soon >= 1,
        "{counts:?}"
    );
    let q = items::ItemQuery {
        view: Some(ItemView::Overdue),
        ..Default::default()
    };
    assert_eq!(items::list_items(&s, &ctx, &q).unwrap().total, overdue);

    // 单位逾期: referred, the unit's deadline passed without its answer, the item not yet answered.
    let unit_late = all
        .iter()
        .filter(|i| {
            i.status.before_answer()
                && i.referral
                    .as_ref()
                    .is_some_and(|r| r.answered_on.is_none() && r.due_on < today_s)
        })
        .count() as u64;
    assert!(unit_late >= 1);
    assert_eq!(counts.unit_overdue, unit_late);
    let q = items::ItemQuery {
        view: Some(ItemView::UnitOverdue),
        ..Default::default()
    };
    assert_eq!(items::list_items(&s, &ctx, &q).unwrap().total, unit_late);

    // The demo went through the write gate: each item's change records chain from its creation
    // to its current version.
    let log = studio_core::storage::audit::all(&s.reader().unwrap()).unwrap();
    for i in &all {
        let recs: Vec<_> = log
            .iter()
            .filter(|r| r.entity == "item" && r.row_id == i.id)
            .collect();
        assert_eq!(recs[0].action, "create", "{}", i.no);
        assert_eq!(recs[0].new_version, Some(1));
        assert!(recs
            .windows(2)
            .all(|w| w[1].base_version == w[0].new_version));
        assert_eq!(
            recs.last().unwrap().new_version,
            Some(i.version),
            "{}",
            i.no
        );
    }

    // A second demo with --force adds beside the first without tripping over linked cards.
    let again = studio_core::demo::load(&s, true).unwrap();
    assert!(again.items >= 80);
}

#[test]
fn item_exports_hold_every_item_with_the_fields_and_codes_asked_for() {
    let s = Store::open_in_memory().unwrap();
    studio_core::demo::load(&s, false).unwrap();
    let all = items::items_for_export(&s, &admin_ctx(), None, None).unwrap();

    let json: serde_json::Value =
        serde_json::from_slice(&export::export_items(&all, ExportFormat::Json).unwrap()).unwrap();
    let arr = json.as_array().unwrap();
    assert_eq!(arr.len(), all.len());
    let categories = [
        "policy_inquiry",
        "implementation",
        "party_building",
        "public_opinion",
        "rights",
        "hardship",
    ];
    let statuses = [
        "received",
        "assigned",
        "in_progress",
        "answered",
        "fed_back",
        "closed",
        "declined",
    ];
    let sources = [
        "card",
        "kiosk",
        "online",
        "hotline",
        "appointment",
        "survey",
    ];
    for (o, i) in arr.iter().zip(&all) {
        for key in [
            "id",
            "category",
            "status",
            "source",
            "received_on",
            "due_on",
            "answered_on",
            "fed_back_on",
            "closed_on",
            "overdue",
            "first_responder",
            "delegate",
            "content",
            "answer",
        ] {
            assert!(o.get(key).is_some(), "{key} missing in {o}");
        }
        assert!(categories.contains(&o["category"].as_str().unwrap()));
        assert!(statuses.contains(&o["status"].as_str().unwrap()));
        assert!(sources.contains(&o["source"].as_str().unwrap()));
        assert_eq!(o["content"], i.content.as_str(), "the full text");
        assert_eq!(
            o["overdue"].as_bool().unwrap(),
            i.deadline == ItemDeadlineState::Overdue
        );
        assert!(o["category_label"].is_string());
    }
    let closed = arr.iter().find(|o| o["status"] == "closed").unwrap();
    assert!(closed["answered_on"].is_string() && closed["fed_back_on"].is_string());
    assert!(!closed["answer"].as_str().unwrap().is_empty());
    assert!(arr.iter().any(|o| o["overdue"] == true));

    // CSV: BOM, Chinese header, the full texts (quoted when they hold commas).
    let csv = export::export_items(&all, ExportFormat::Csv).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(csv).unwrap();
    let header = text.trim_start_matches('\u{FEFF}').lines().next().unwrap();
    assert!(
        header.starts_with("编号,受理日期,问题类别,来源,状态,标题,内容"),
        "{header}"
    );
    assert!(text.contains(&all[0].content));

    // XLSX reads back with a row per item.
    let xlsx = export::export_items(&all, ExportFormat::Xlsx).unwrap();
    use calamine::Reader;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(xlsx)).unwrap();
    let range = wb.worksheet_range("意见台账").unwrap();
    let rows: Vec<_> = range.rows().collect();
    assert_eq!(rows.len(), all.len() + 1);
    assert_eq!(rows[1][0].to_string(), all[0].no);

    // Exports are deliberate acts on personal data: a visitor is refused.
    let visitor = Actor::new("访客", Role::Visitor);
    assert_eq!(
        items::items_for_export(&s, &Ctx::now(visitor), None, None)
            .unwrap_err()
            .code(),
        "forbidden"
    );
}

#[test]
fn in_a_large_ledger_similar_items_look_past_the_pieces_every_item_shares() {
    let s = Store::open_in_memory().unwrap();
    let ctx = Ctx::system();
    studio_core::demo::bulk_items(&s, &ctx, 2_500, 7).unwrap();
    // One item per generated row in the change log, by whoever generated them.
    let log = studio_core::storage::audit::all(&s.reader().unwrap()).unwrap();
    let created: Vec<_> = log
        .iter()
        .filter(|r| r.entity == "item" && r.action == "create")
        .collect();
    assert_eq!(created.len(), 2_500);
    assert!(created
        .iter()
        .all(|r| r.actor_id == "system" && r.base_version.is_none() && r.new_version == Some(1)));
    assert_eq!(items::item_count(&s, &ctx).unwrap(), 2_500);
    // One earlier item about something the generated ledger never mentions.
    let earlier = items::create_item(
        &s,
        &admin_ctx(),
        &items::ItemInput {
            category: Some(ItemCategory::Hardship),
            source: Some(ItemSource::Hotline),
            title: "青年教师公寓电梯经常停运".into(),
            content: "反映青年教师公寓电梯经常停运，希望有关部门研究解决。".into(),
            ..Default::default()
        },
    )
    .unwrap();
    // Its text shares the phrases every generated item has (希望有关部门研究解决) and one rare one.
    let got = items::similar_items(
        &s,
        &admin_ctx(),
        "公寓电梯又停运了，希望有关部门研究解决",
        None,
        5,
    )
    .unwrap();
    assert_eq!(
        got.first().map(|g| g.id.as_str()),
        Some(earlier.id.as_str()),
        "{got:?}"
    );
}
