//! Demo data, backup, restore and the integrity check.

use studio_core::roster::{self, DelegateQuery};
use studio_core::settings::{self, SetupState};
use studio_core::{backup, maintenance, Actor, Ctx, Role, Store};

fn admin() -> Ctx {
    Ctx::now(Actor::new("组织部", Role::Admin))
}

#[test]
fn demo_fills_an_empty_database_and_refuses_a_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("d.db")).unwrap();
    assert_eq!(settings::setup_state(&s).unwrap(), SetupState::Pending);
    let r = studio_core::demo::load(&s, false).unwrap();
    assert!(r.delegations >= 3 && r.delegates >= 20, "{r:?}");
    let groups = roster::list_delegations(&s, &admin()).unwrap();
    assert!(
        groups.iter().all(|g| g.head_name.is_some()),
        "every delegation has a head"
    );
    assert_eq!(settings::setup_state(&s).unwrap(), SetupState::Demo);
    let e = studio_core::demo::load(&s, false).unwrap_err();
    assert_eq!(e.code(), "state");
    assert!(e.to_string().contains("--force"));
    studio_core::demo::load(&s, true).unwrap();
    assert!(roster::delegate_count(&s, &admin()).unwrap() as usize >= 2 * r.delegates);
}

#[test]
fn backup_and_restore_round_trip_and_bad_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("live.db")).unwrap();
    studio_core::demo::load(&s, false).unwrap();
    let n = roster::delegate_count(&s, &admin()).unwrap();
    let bak = dir.path().join("b.db");
    maintenance::backup(&s, &admin(), &bak).unwrap();
    assert!(
        maintenance::backup(&s, &admin(), &bak).is_err(),
        "never overwrites"
    );

    // Change the live data, then restore: the backup's roster comes back.
    let first = roster::list_delegates(&s, &admin(), &DelegateQuery::default())
        .unwrap()
        .items[0]
        .id
        .clone();
    let version = roster::get_delegate(&s, &admin(), &first).unwrap().version;
    roster::mark_delegate_left(&s, &admin(), &first, version, None).unwrap();
    let report = backup::restore(&s, &admin(), &bak).unwrap();
    assert!(report.check.ok);
    assert_eq!(roster::delegate_count(&s, &admin()).unwrap(), n);
    assert_eq!(
        roster::get_delegate(&s, &admin(), &first).unwrap().status,
        roster::DelegateStatus::Active
    );

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not sqlite").unwrap();
    assert_eq!(
        backup::restore(&s, &admin(), &junk).unwrap_err().code(),
        "invalid"
    );
    let other = dir.path().join("other.db");
    rusqlite_free_db(&other);
    let e = backup::restore(&s, &admin(), &other).unwrap_err();
    assert!(e.to_string().contains("不是党代表工作室"), "{e}");
    assert_eq!(
        roster::delegate_count(&s, &admin()).unwrap(),
        n,
        "a refused restore changes nothing"
    );
    assert!(maintenance::check(&s).unwrap().ok);
}

/// A valid SQLite file that is not ours.
fn rusqlite_free_db(path: &std::path::Path) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
        .unwrap();
}

#[test]
fn a_missing_database_is_not_created_by_a_reader() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo").join("studio.db");
    let err = Store::open_existing(&path).err().expect("refused");
    assert_eq!(err.to_string(), format!("数据库不存在：{}", path.display()));
    assert!(!path.exists() && !path.parent().unwrap().exists());
}

#[test]
fn a_database_from_a_newer_build_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Store::open(&path).unwrap());
    let newer = studio_core::storage::schema_version() + 5;
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", newer as i64)
        .unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("更新版本"), "{err}");
    let v: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v as usize, newer, "left as it was");
}

#[test]
fn restore_records_itself_in_the_restored_database() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("live.db")).unwrap();
    studio_core::demo::load(&s, false).unwrap();
    let bak = dir.path().join("b.db");
    maintenance::backup(&s, &admin(), &bak).unwrap();
    backup::restore(&s, &admin(), &bak).unwrap();
    // A restore is an operator's act: it goes to the audit log, with who and when.
    let last = studio_core::audit_log::list(&s, &admin(), &Default::default()).unwrap();
    assert_eq!(
        (last.items[0].area.as_str(), last.items[0].action.as_str()),
        ("database", "restore")
    );
    // No temporary file is left beside the backup.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.starts_with(studio_core::files::TEMP_PREFIX)),
        "{names:?}"
    );
}

#[test]
fn the_demo_has_visitors_waiting_at_the_kiosk() {
    use studio_core::appointments::{self, AppointmentQuery, AppointmentSource, AppointmentStatus};
    use studio_core::items::{self, ItemQuery, ItemSource};
    use studio_core::kiosk::{self, QueryKind};
    let s = Store::open_in_memory().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let report = studio_core::demo::load_on(&s, day, false).unwrap();
    let staff = Ctx::new(Actor::new("组织部", Role::Admin), day);
    let visitor = Ctx::new(
        Actor::with_id("kiosk:studio-pc", "自助终端", Role::Visitor),
        day,
    );
    let conn = || s.reader().unwrap();
    let last4 = |phone: &str| phone[phone.len() - 4..].to_string();

    // Two messages in 待分派, from the kiosk, one naming the delegate the visitor chose.
    let unrouted = items::list_items(
        &s,
        &staff,
        &ItemQuery {
            unrouted: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(unrouted.total, 2);
    assert_eq!(items::item_counts(&s, &staff).unwrap().unrouted, 2);
    let mut chosen = 0;
    for row in &unrouted.items {
        assert_eq!(row.source, ItemSource::Kiosk);
        let item = items::get_item(&s, &staff, &row.id).unwrap().item;
        chosen += usize::from(item.requested_delegate_id.is_some());
        let codes =
            studio_core::storage::kiosk::codes_for(&conn(), QueryKind::Item, &row.id).unwrap();
        assert_eq!(codes.len(), 1, "{}", row.no);
        let p = kiosk::query_progress(&s, &visitor, &codes[0], &last4(&item.person_phone)).unwrap();
        assert_eq!(p.status_label, "受理");
        let history =
            studio_core::audit::history(&s, &staff, studio_core::Entity::Item, &row.id).unwrap();
        assert_eq!(history[0].actor, "自助终端");
    }
    assert_eq!(chosen, 1);

    // One request to meet a delegate, 待确认, with its code.
    let asked = appointments::list_appointments(
        &s,
        &staff,
        &AppointmentQuery {
            source: Some(AppointmentSource::Kiosk),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(asked.total, 1);
    let a = appointments::get_appointment(&s, &staff, &asked.items[0].id).unwrap();
    assert_eq!(a.status, AppointmentStatus::Pending);
    assert!(a.date.as_str() > "2026-11-30");
    let code = a.query_code.clone().expect("a kiosk request has its code");
    let p = kiosk::query_progress(&s, &visitor, &code, &last4(&a.person_phone)).unwrap();
    assert_eq!(p.status_label, "待确认");
    // Counted in the report with the rest.
    let all = appointments::list_appointments(&s, &staff, &AppointmentQuery::default()).unwrap();
    assert_eq!(all.total as usize, report.appointments);
    assert_eq!(
        items::items_for_export(&s, &staff, None, None)
            .unwrap()
            .len(),
        report.items
    );

    // A second demo (--force) sends no visitor again.
    let again = studio_core::demo::load_on(&s, day, true).unwrap();
    assert_eq!(
        items::item_counts(&s, &staff).unwrap().unrouted,
        2,
        "{again:?}"
    );
}

#[test]
fn the_login_screen_shows_the_demo_password_until_the_admin_changes_it() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("d.db")).unwrap();
    studio_core::demo::load(&s, false).unwrap();
    let hint = studio_core::status::app_status(&s, None)
        .unwrap()
        .demo_login
        .expect("the demo's login hint");
    assert!(hint.logins.iter().any(|l| l == "admin"));
    // Loading the demo again keeps the accounts it already made, and the hint with them.
    studio_core::demo::load(&s, true).unwrap();
    assert!(studio_core::status::app_status(&s, None)
        .unwrap()
        .demo_login
        .is_some());
    // The hint's password logs in.
    let session = studio_core::accounts::login(&s, "admin", &hint.password).unwrap();
    let ctx = Ctx::now(session.actor);
    studio_core::accounts::change_own_password(&s, &ctx, &hint.password, "Neue-Pass-2026").unwrap();
    assert!(studio_core::status::app_status(&s, None)
        .unwrap()
        .demo_login
        .is_none());
}

#[test]
fn the_demo_has_one_published_answer_without_its_writer() {
    use studio_core::items::{self, ItemEventKind, ItemSource, ItemStatus};
    use studio_core::public_answers::{
        self, PublicAnswerQuery, PublicationQuery, PublicationState,
    };
    let s = Store::open_in_memory().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    studio_core::demo::load_on(&s, day, false).unwrap();
    let staff = Ctx::new(Actor::new("组织部", Role::Admin), day);
    let visitor = Ctx::new(
        Actor::with_id("web:visitor", "网上工作室访客", Role::Visitor),
        day,
    );
    // Staff's list: one online message whose writer agreed, answered and published.
    let list = public_answers::publication_list(&s, &staff, &PublicationQuery::default()).unwrap();
    let published: Vec<_> = list
        .items
        .iter()
        .filter(|r| r.state == PublicationState::Published)
        .collect();
    assert_eq!(published.len(), 1, "{list:?}");
    let row = published[0];
    assert_eq!(row.source, ItemSource::Online);
    assert_eq!(row.status, ItemStatus::Answered);
    let item = items::get_item(&s, &staff, &row.item_id).unwrap();
    assert!(item.item.publish_ok);
    assert!(item
        .timeline
        .iter()
        .any(|e| e.kind == ItemEventKind::Published));
    // Visitors read it on 代表回复, without the writer's name or phone.
    let page = public_answers::public_answers(&s, &visitor, &PublicAnswerQuery::default()).unwrap();
    assert_eq!(page.total, 1);
    let a = &page.items[0];
    assert!(a.question.contains("食堂"), "{a:?}");
    assert!(a.answer.contains("20:30"), "{a:?}");
    assert_eq!(a.delegate_names, row.delegate_names);
    let shown = format!("{a:?}");
    assert!(!shown.contains(&item.item.person_name), "{shown}");
    assert!(!shown.contains(&item.item.person_phone), "{shown}");
    // A second demo (--force) publishes no second one.
    studio_core::demo::load_on(&s, day, true).unwrap();
    let page = public_answers::public_answers(&s, &visitor, &PublicAnswerQuery::default()).unwrap();
    assert_eq!(page.total, 1);
}
