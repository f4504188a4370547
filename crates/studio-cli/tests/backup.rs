//! `studio backup` / `studio restore` with the archive: photos travel with the database, a damaged
//! archive is refused with a Chinese message and exit code 1, an old plain-database backup still
//! restores.

mod common;

use common::{stderr, stdout, studio};

fn files_dir(db: &std::path::Path) -> std::path::PathBuf {
    studio_core::Store::files_dir_for(db)
}

#[test]
fn the_archive_carries_the_files_and_a_damaged_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(studio(&db, &["demo"]).status.success());
    let photos = files_dir(&db).join("photos");
    std::fs::create_dir_all(&photos).unwrap();
    std::fs::write(photos.join("p.jpg"), vec![7u8; 100_000]).unwrap();

    let zip = dir.path().join("b.zip");
    let o = studio(&db, &["backup", "--out", zip.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 个文件"), "{}", stdout(&o));
    // Never over an existing file.
    let o = studio(&db, &["backup", "--out", zip.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("已存在"), "{}", stderr(&o));

    // Restored on "another PC": the photo comes along.
    let other = dir.path().join("other/s.db");
    let o = studio(&other, &["restore", zip.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("恢复前的数据已保存在"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        std::fs::read(files_dir(&other).join("photos/p.jpg")).unwrap(),
        vec![7u8; 100_000]
    );
    let o = studio(&other, &["delegates", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 20);

    // Cut short: refused, exit 1, the data in place.
    let bytes = std::fs::read(&zip).unwrap();
    let cut = dir.path().join("cut.zip");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(photos.join("p.jpg"), b"current").unwrap();
    let o = studio(&db, &["restore", cut.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("损坏"), "{}", stderr(&o));
    assert_eq!(std::fs::read(photos.join("p.jpg")).unwrap(), b"current");
}

#[test]
fn an_old_plain_database_backup_still_restores() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    assert!(studio(&db, &["demo"]).status.success());
    // What `studio backup` wrote before archives: a plain SQLite file.
    let store = studio_core::Store::open(&db).unwrap();
    let plain = dir.path().join("old.db");
    studio_core::maintenance::backup(&store, &studio_core::Ctx::system(), &plain).unwrap();
    drop(store);
    let other = dir.path().join("o.db");
    let o = studio(&other, &["restore", plain.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("旧版数据库备份"), "{}", stdout(&o));
}
