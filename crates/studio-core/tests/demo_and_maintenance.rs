//! Demo data, backup, restore and the integrity check.

use studio_core::roster::{self, DelegateQuery};
use studio_core::settings::{self, SetupState};
use studio_core::{maintenance, Actor, Ctx, Role, Store};

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
    let report = maintenance::restore(&s, &admin(), &bak).unwrap();
    assert!(report.ok);
    assert_eq!(roster::delegate_count(&s, &admin()).unwrap(), n);
    assert_eq!(
        roster::get_delegate(&s, &admin(), &first).unwrap().status,
        roster::DelegateStatus::Active
    );

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not sqlite").unwrap();
    assert_eq!(
        maintenance::restore(&s, &admin(), &junk)
            .unwrap_err()
            .code(),
        "invalid"
    );
    let other = dir.path().join("other.db");
    rusqlite_free_db(&other);
    let e = maintenance::restore(&s, &admin(), &other).unwrap_err();
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
    maintenance::restore(&s, &admin(), &bak).unwrap();
    let last = studio_core::audit::recent(&s, &admin(), 1).unwrap();
    assert_eq!(
        (last[0].entity.as_str(), last[0].action.as_str()),
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
