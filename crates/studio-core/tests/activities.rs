//! 活动调研 through the core's public functions: recording an activity with its delegates, units
//! and items (linked both ways), attachments in the data folder, the yearly survey indicator per
//! delegation, reach and stale versions; and the demo data's indicator.

use chrono::NaiveDate;
use studio_core::activities::{
    self, ActivityInput, ActivityKind, ActivityQuery, InvitedUnit, SurveyLight,
};
use studio_core::items::{self, ItemCategory, ItemInput, ItemSource};
use studio_core::roster::{self, DelegateInput, DelegationInput, Gender};
use studio_core::{Actor, Ctx, Role, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn staff(day: &str) -> Ctx {
    Ctx::new(Actor::new("王联络", Role::Liaison), d(day))
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    groups: Vec<String>,
    delegates: Vec<String>,
    item: String,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("studio.db")).unwrap();
    let admin = Ctx::new(Actor::new("组织部张老师", Role::Admin), d("2026-01-05"));
    let mut groups = Vec::new();
    let mut delegates = Vec::new();
    for (g, p) in [
        ("理工代表团", "张建华"),
        ("人文社科代表团", "李丽华"),
        ("机关代表团", "赵海"),
    ] {
        let gid = roster::create_delegation(
            &store,
            &admin,
            &DelegationInput {
                name: g.into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
        let pid = roster::create_delegate(
            &store,
            &admin,
            &DelegateInput {
                name: p.into(),
                gender: Gender::Female,
                delegation_id: gid.clone(),
                unit: "文学院".into(),
                mobile: "13812345678".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
        groups.push(gid);
        delegates.push(pid);
    }
    let item = items::create_item(
        &store,
        &admin,
        &ItemInput {
            category: Some(ItemCategory::Hardship),
            source: Some(ItemSource::Survey),
            title: "宿舍热水供应不稳定".into(),
            content: "走访中学生反映宿舍热水供应不稳定。".into(),
            delegate_ids: vec![delegates[0].clone()],
            received_on: "2026-01-05".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    Fixture {
        _dir: dir,
        store,
        groups,
        delegates,
        item,
    }
}

fn survey(f: &Fixture, group: usize, on: &str, items: Vec<String>) -> ActivityInput {
    ActivityInput {
        kind: Some(ActivityKind::FieldSurvey),
        topic: "学生宿舍走访调研".into(),
        start_on: on.into(),
        end_on: String::new(),
        place: "南区宿舍".into(),
        delegation_id: Some(f.groups[group].clone()),
        delegate_ids: vec![f.delegates[group].clone()],
        units: vec![InvitedUnit {
            unit: "后勤管理处".into(),
            head: "王处长".into(),
        }],
        summary: "走访南区 3 栋宿舍。".into(),
        item_ids: items,
    }
}

#[test]
fn an_activity_with_its_items_linked_both_ways_and_an_attachment() {
    let f = fixture();
    let ctx = staff("2026-03-10");
    let a = activities::create_activity(
        &f.store,
        &ctx,
        &survey(&f, 0, "2026-03-09", vec![f.item.clone()]),
    )
    .unwrap();
    assert_eq!(a.organiser, "理工代表团");
    assert_eq!(a.end_on, "2026-03-09");
    assert_eq!(a.delegates[0].name, "张建华");
    assert_eq!(a.items[0].no, "2026-0001");
    // The item's page lists the activity.
    let of = activities::activities_of_item(&f.store, &ctx, &f.item).unwrap();
    assert_eq!(of.len(), 1);
    assert_eq!(of[0].id, a.id);
    // An attachment is copied into the data folder and opened from there.
    let a = activities::add_attachment(
        &f.store,
        &ctx,
        &a.id,
        a.version,
        "走访记录.pdf",
        b"%PDF-1.4 x",
    )
    .unwrap();
    assert_eq!(a.attachments.len(), 1);
    assert_eq!(a.attachments[0].file_name, "走访记录.pdf");
    let path = activities::attachment_path(&f.store, &ctx, &a.attachments[0].id).unwrap();
    assert!(path.starts_with(f.store.files_dir()));
    assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.4 x");
    // Kinds of file and sizes are bounded; a stale version is refused.
    let e =
        activities::add_attachment(&f.store, &ctx, &a.id, a.version, "run.exe", b"MZ").unwrap_err();
    assert_eq!(e.code(), "validation");
    let big = vec![0u8; activities::attachments::ATTACHMENT_MAX_BYTES + 1];
    let e =
        activities::add_attachment(&f.store, &ctx, &a.id, a.version, "big.pdf", &big).unwrap_err();
    assert_eq!(e.code(), "validation");
    let e = activities::add_attachment(&f.store, &ctx, &a.id, a.version - 1, "x.pdf", b"x")
        .unwrap_err();
    assert_eq!(e.code(), "conflict");
    // Removing it keeps the file for the backup, but the activity no longer lists it.
    let a = activities::remove_attachment(&f.store, &ctx, &a.id, a.version, &a.attachments[0].id)
        .unwrap();
    assert!(a.attachments.is_empty());
    assert!(path.exists());
    // Editing: the form again changes nothing; a new topic is a new version.
    let same = activities::update_activity(
        &f.store,
        &ctx,
        &a.id,
        a.version,
        &survey(&f, 0, "2026-03-09", vec![f.item.clone()]),
    )
    .unwrap();
    assert_eq!(same.version, a.version);
    let mut input = survey(&f, 0, "2026-03-09", Vec::new());
    input.topic = "南区宿舍热水走访".into();
    let b = activities::update_activity(&f.store, &ctx, &a.id, a.version, &input).unwrap();
    assert_eq!(b.version, a.version + 1);
    assert!(activities::activities_of_item(&f.store, &ctx, &f.item)
        .unwrap()
        .is_empty());
}

#[test]
fn the_form_is_checked_and_a_head_records_only_their_delegation() {
    let f = fixture();
    let mut bad = survey(&f, 0, "2026-03-09", Vec::new());
    bad.topic = " ".into();
    bad.end_on = "2026-03-01".into();
    let e = activities::create_activity(&f.store, &staff("2026-03-10"), &bad).unwrap_err();
    let studio_core::Error::Validation(fields) = e else {
        panic!("{e:?}")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["topic", "end_on"]);
    let head = Ctx::new(
        Actor::new("李丽华", Role::Head).as_delegate(&f.delegates[1], &f.groups[1]),
        d("2026-03-10"),
    );
    let e = activities::create_activity(&f.store, &head, &survey(&f, 0, "2026-03-09", Vec::new()))
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    activities::create_activity(&f.store, &head, &survey(&f, 1, "2026-03-09", Vec::new())).unwrap();
    // The studio's own activity is staff's.
    let mut studio = survey(&f, 1, "2026-03-09", Vec::new());
    studio.delegation_id = None;
    studio.kind = Some(ActivityKind::ReceptionDay);
    assert_eq!(
        activities::create_activity(&f.store, &head, &studio)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let s = activities::create_activity(&f.store, &staff("2026-03-10"), &studio).unwrap();
    assert_eq!(s.organiser, "工作室");
    activities::create_activity(
        &f.store,
        &staff("2026-03-10"),
        &survey(&f, 2, "2026-03-09", Vec::new()),
    )
    .unwrap();
    // The head's list holds their delegation's and the studio's, not another delegation's; staff
    // see all three, and filter the studio's.
    let q = ActivityQuery::default();
    let theirs = activities::list_activities(&f.store, &head, &q).unwrap();
    assert_eq!(theirs.total, 2);
    assert!(theirs
        .items
        .iter()
        .all(|a| a.delegation_id.as_deref() != Some(f.groups[2].as_str())));
    assert_eq!(
        activities::list_activities(&f.store, &staff("2026-03-10"), &q)
            .unwrap()
            .total,
        3
    );
    let studio_only = ActivityQuery {
        delegation_id: Some(String::new()),
        ..Default::default()
    };
    let page = activities::list_activities(&f.store, &staff("2026-03-10"), &studio_only).unwrap();
    assert_eq!(page.items[0].kind, ActivityKind::ReceptionDay);
}

#[test]
fn the_survey_indicator_per_delegation() {
    let f = fixture();
    let ctx = staff("2026-03-10");
    activities::create_activity(&f.store, &ctx, &survey(&f, 0, "2026-03-09", Vec::new())).unwrap();
    // Last year's survey does not count for this year; a forum is not a survey.
    activities::create_activity(&f.store, &ctx, &survey(&f, 1, "2025-11-20", Vec::new())).unwrap();
    let mut forum = survey(&f, 2, "2026-02-20", Vec::new());
    forum.kind = Some(ActivityKind::Forum);
    activities::create_activity(&f.store, &ctx, &forum).unwrap();
    let lights = |day: &str| -> Vec<(String, SurveyLight, u32)> {
        let mut v: Vec<(String, SurveyLight, u32)> =
            activities::survey_indicators(&f.store, &staff(day), 2026)
                .unwrap()
                .into_iter()
                .map(|i| (i.delegation_name, i.light, i.surveys))
                .collect();
        // In roster order; here by the delegations' names (they have no order number).
        v.sort_by_key(|x| {
            ["理工代表团", "人文社科代表团", "机关代表团"]
                .iter()
                .position(|n| *n == x.0)
        });
        v
    };
    assert_eq!(
        lights("2026-03-10"),
        vec![
            ("理工代表团".to_string(), SurveyLight::Green, 1),
            ("人文社科代表团".to_string(), SurveyLight::Amber, 0),
            ("机关代表团".to_string(), SurveyLight::Amber, 0),
        ]
    );
    assert_eq!(lights("2026-07-01")[1].1, SurveyLight::Red);
    // A head sees their own delegation's light only.
    let head = Ctx::new(
        Actor::new("李丽华", Role::Head).as_delegate(&f.delegates[1], &f.groups[1]),
        d("2026-03-10"),
    );
    let mine = activities::survey_indicators(&f.store, &head, 2026).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].delegation_id, f.groups[1]);
}

#[test]
fn the_demo_leaves_one_delegation_without_a_survey_this_year() {
    let store = Store::open_in_memory().unwrap();
    studio_core::demo::load_on(&store, d("2026-12-03"), false).unwrap();
    let ctx = staff("2026-12-03");
    let lights = activities::survey_indicators(&store, &ctx, 2026).unwrap();
    assert!(lights.len() >= 3);
    let red: Vec<&str> = lights
        .iter()
        .filter(|l| l.light == SurveyLight::Red)
        .map(|l| l.delegation_name.as_str())
        .collect();
    assert_eq!(red.len(), 1, "{lights:?}");
    assert!(
        lights
            .iter()
            .filter(|l| l.light == SurveyLight::Green)
            .count()
            == lights.len() - 1
    );
    // Every delegation has activities.
    let all = activities::activities_for_export(&store, &ctx, None, None).unwrap();
    for l in &lights {
        assert!(all
            .iter()
            .any(|a| a.delegation_id.as_deref() == Some(l.delegation_id.as_str())));
    }
    // Proposals in every step.
    let ps = studio_core::proposals::proposals_for_export(&store, &ctx, None, None).unwrap();
    for s in studio_core::proposals::ProposalStatus::ALL {
        assert!(
            ps.iter().any(|p| p.status == s),
            "no demo proposal in {s:?}"
        );
    }
}

#[test]
fn the_summary_counts_surveys_and_proposals() {
    let f = fixture();
    let ctx = staff("2026-03-10");
    activities::create_activity(&f.store, &ctx, &survey(&f, 0, "2026-03-09", Vec::new())).unwrap();
    activities::create_activity(&f.store, &ctx, &survey(&f, 0, "2026-03-02", Vec::new())).unwrap();
    let mut forum = survey(&f, 1, "2026-03-05", Vec::new());
    forum.kind = Some(ActivityKind::Forum);
    activities::create_activity(&f.store, &ctx, &forum).unwrap();
    studio_core::proposals::create_proposal(
        &f.store,
        &ctx,
        &studio_core::proposals::ProposalInput {
            delegation_id: f.groups[0].clone(),
            title: "关于宿舍热水的提议".into(),
            problem: "热水不稳定。".into(),
            suggestion: "更换锅炉。".into(),
            item_ids: vec![f.item.clone()],
            drafted_on: String::new(),
        },
    )
    .unwrap();
    let s = studio_core::reports::summary(
        &f.store,
        &ctx,
        &studio_core::reports::Period {
            from: Some("2026-01-01".into()),
            to: Some("2026-12-31".into()),
        },
    )
    .unwrap();
    let row = |id: &str| s.rows.iter().find(|r| r.delegate_id == id).unwrap();
    assert_eq!(
        (
            row(&f.delegates[0]).figures.surveys,
            row(&f.delegates[0]).figures.proposals
        ),
        (2, 1)
    );
    // A forum is not a survey.
    assert_eq!(row(&f.delegates[1]).figures.surveys, 0);
    assert_eq!((s.total.surveys, s.total.proposals), (2, 1));
}
