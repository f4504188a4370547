//! Demo data, backup, restore and the integrity check.

use studio_core::roster::{self, DelegateQuery};
use studio_core::settings::{self, SetupState};
use studio_core::{maintenance, Actor, Role, Store};

fn admin() -> Actor {
    Actor::new("组织部", Role::Admin)
}

#[test]
fn demo_fills_an_empty_database_and_refuses_a_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("d.db")).unwrap();
    assert_eq!(settings::setup_state(&s).unwrap(), SetupState::Pending);
    let r = studio_core::demo::load(&mut s, false).unwrap();
    assert!(r.delegations >= 3 && r.delegates >= 20, "{r:?}");
    let groups = roster::list_delegations(&s).unwrap();
    assert!(
        groups.iter().all(|g| g.head_name.is_some()),
        "every delegation has a head"
    );
    assert_eq!(settings::setup_state(&s).unwrap(), SetupState::Demo);
    let e = studio_core::demo::load(&mut s, false).unwrap_err();
    assert_eq!(e.code(), "conflict");
    assert!(e.to_string().contains("--force"));
    studio_core::demo::load(&mut s, true).unwrap();
    assert!(roster::delegate_count(&s).unwrap() as usize >= 2 * r.delegates);
}

#[test]
fn backup_and_restore_round_trip_and_bad_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("live.db")).unwrap();
    studio_core::demo::load(&mut s, false).unwrap();
    let n = roster::delegate_count(&s).unwrap();
    let bak = dir.path().join("b.db");
    maintenance::backup(&s, &admin(), &bak).unwrap();
    assert!(
        maintenance::backup(&s, &admin(), &bak).is_err(),
        "never overwrites"
    );

    // Change the live data, then restore: the backup's roster comes back.
    let first = roster::list_delegates(&s, &DelegateQuery::default())
        .unwrap()
        .items[0]
        .id
        .clone();
    roster::mark_delegate_left(&mut s, &admin(), &first, None).unwrap();
    let report = maintenance::restore(&mut s, &admin(), &bak).unwrap();
    assert!(report.ok);
    assert_eq!(roster::delegate_count(&s).unwrap(), n);
    assert_eq!(
        roster::get_delegate(&s, &admin(), &first).unwrap().status,
        roster::DelegateStatus::Active
    );

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"this is not sqlite").unwrap();
    assert_eq!(
        maintenance::restore(&mut s, &admin(), &junk)
            .unwrap_err()
            .code(),
        "invalid"
    );
    let other = dir.path().join("other.db");
    rusqlite_free_db(&other);
    let e = maintenance::restore(&mut s, &admin(), &other).unwrap_err();
    assert!(e.to_string().contains("不是党代表工作室"), "{e}");
    assert_eq!(
        roster::delegate_count(&s).unwrap(),
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
