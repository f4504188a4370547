//! Backups that keep everything: an archive restored into an empty folder gives the same rows and
//! the same photo bytes; a damaged or foreign archive is refused and the current data is untouched;
//! a newer schema is refused; automatic runs prune to the newest N of their own files only.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use studio_core::backup::{self, auto, schedule::Trigger};
use studio_core::roster::{self, DelegateQuery};
use studio_core::{Actor, Ctx, Role, Store};

fn admin() -> Ctx {
    Ctx::now(Actor::new("组织部", Role::Admin))
}

/// Every table's rows (virtual tables aside: their shadow tables hold their data), in rowid order.
fn dump(db: &Path) -> BTreeMap<String, Vec<Vec<Value>>> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let tables: Vec<(String, bool)> = conn
        .prepare("SELECT name, sql LIKE 'CREATE TABLE%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = BTreeMap::new();
    for (t, without_rowid) in tables {
        let order = if without_rowid { "1" } else { "rowid" };
        let mut st = conn
            .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY {order}"))
            .unwrap();
        let n = st.column_count();
        let mut rows: Vec<Vec<Value>> = st
            .query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        if without_rowid {
            rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        }
        out.insert(t, rows);
    }
    out
}

/// Every file under `dir` by relative path, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn png(r: u8) -> Vec<u8> {
    let mut png = Vec::new();
    image::RgbImage::from_fn(640, 480, |x, y| {
        image::Rgb([r, (x % 251) as u8, (y % 241) as u8])
    })
    .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
    .unwrap();
    png
}

/// A file database with the demo data, three delegates' photos and an attachment-like file in a
/// sub-folder of the files folder.
fn live(dir: &Path) -> Store {
    let s = Store::open(&dir.join("studio.db")).unwrap();
    studio_core::demo::load(&s, false).unwrap();
    let q = DelegateQuery::default();
    let page = roster::list_delegates(&s, &admin(), &q).unwrap();
    for (i, d) in page.items.iter().take(3).enumerate() {
        let d = roster::get_delegate(&s, &admin(), &d.id).unwrap();
        roster::set_delegate_photo(&s, &admin(), &d.id, d.version, &png(40 * i as u8)).unwrap();
    }
    let att = s.files_dir().join("attachments/2026");
    std::fs::create_dir_all(&att).unwrap();
    std::fs::write(att.join("附件.pdf"), b"%PDF-1.4 attachment bytes").unwrap();
    // An archive of old audit entries (审计日志 → 归档), the only copy of those entries.
    let archives = studio_core::audit_log::archive_dir(&s);
    std::fs::create_dir_all(&archives).unwrap();
    std::fs::write(
        archives.join("audit-archive-20260101-x.jsonl"),
        b"{\"seq\":1}\n",
    )
    .unwrap();
    s
}

fn without_restore_lines(
    mut d: BTreeMap<String, Vec<Vec<Value>>>,
) -> BTreeMap<String, Vec<Vec<Value>>> {
    if let Some(rows) = d.get_mut("audit_log") {
        rows.retain(|r| !r.iter().any(|v| *v == Value::Text("restore".into())));
    }
    // The restore's own audit line moved the audit log's counter on by one.
    if let Some(rows) = d.get_mut("sqlite_sequence") {
        for r in rows.iter_mut() {
            if r[0] == Value::Text("audit_log".into()) {
                if let Value::Integer(n) = r[1] {
                    r[1] = Value::Integer(n - 1);
                }
            }
        }
    }
    d
}

#[test]
fn a_backup_restored_into_an_empty_folder_gives_the_same_data_and_photos() {
    let src = tempfile::tempdir().unwrap();
    let s = live(src.path());
    let before_rows = dump(&src.path().join("studio.db"));
    let before_files = files(s.files_dir());
    assert_eq!(
        before_files.len(),
        7,
        "3 photos, 3 thumbnails, 1 attachment"
    );
    let out = tempfile::tempdir().unwrap();
    let archive = out.path().join("b.zip");
    let before_archives = files(&studio_core::audit_log::archive_dir(&s));
    assert_eq!(before_archives.len(), 1);
    let summary = backup::create(&s, &admin(), &archive).unwrap();
    assert_eq!(summary.files, 8, "7 in the files folder, 1 audit archive");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&archive).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // A second backup never overwrites the first.
    assert!(backup::create(&s, &admin(), &archive).is_err());
    // The backup is logged.
    let last = studio_core::audit_log::list(&s, &admin(), &Default::default()).unwrap();
    assert_eq!(last.items[0].action, "backup", "{:?}", last.items[0]);

    // Another PC: an empty folder, a new database, the archive restored into it.
    let dst = tempfile::tempdir().unwrap();
    let t = Store::open(&dst.path().join("studio.db")).unwrap();
    let report = backup::restore(&t, &admin(), &archive).unwrap();
    assert!(report.check.ok);
    assert_eq!(report.files, 8);
    assert_eq!(report.audit_archives_added, 1);
    assert_eq!(
        files(t.files_dir()),
        before_files,
        "every file, byte for byte"
    );
    assert_eq!(
        files(&studio_core::audit_log::archive_dir(&t)),
        before_archives,
        "the audit log's archives too"
    );
    drop(t);
    let after_rows = without_restore_lines(dump(&dst.path().join("studio.db")));
    assert_eq!(
        after_rows.keys().collect::<Vec<_>>(),
        before_rows.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &before_rows {
        assert!(rows == &after_rows[table], "table {table} differs");
    }
    // The restore is logged in the restored database.
    let t = Store::open(&dst.path().join("studio.db")).unwrap();
    let last = studio_core::audit_log::list(&t, &admin(), &Default::default()).unwrap();
    assert_eq!(last.items[0].action, "restore");
    // The photos are served from the restored folder.
    let d = roster::list_delegates(&t, &admin(), &DelegateQuery::default())
        .unwrap()
        .items[0]
        .id
        .clone();
    assert!(roster::photo_bytes(&t, &admin(), &d, false)
        .unwrap()
        .is_some());
}

#[test]
fn restore_keeps_the_current_data_aside_in_a_new_folder_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let s = live(dir.path());
    let archive = dir.path().join("b.zip");
    backup::create(&s, &admin(), &archive).unwrap();
    // Changed after the backup: a new photo file and a delegate left.
    std::fs::write(s.files_dir().join("photos/new.jpg"), b"after").unwrap();
    let current_files = files(s.files_dir());
    let r1 = backup::restore(&s, &admin(), &archive).unwrap();
    let aside = PathBuf::from(&r1.kept_aside);
    assert!(aside
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("before-restore-"));
    assert_eq!(
        files(&aside.join("studio.files")),
        current_files,
        "the files as they were"
    );
    assert!(aside.join("studio.db").is_file());
    assert!(
        !s.files_dir().join("photos/new.jpg").exists(),
        "the archive's files only"
    );
    // A second restore within the same second keeps its own copy; the first is untouched.
    let first_copy = files(&aside);
    let r2 = backup::restore(&s, &admin(), &archive).unwrap();
    assert_ne!(r2.kept_aside, r1.kept_aside);
    assert_eq!(files(&aside), first_copy);
}

/// Rewrite an archive entry by entry; `edit` may change an entry's bytes or drop it (`None`).
fn rewrite(from: &Path, to: &Path, mut edit: impl FnMut(&str, Vec<u8>) -> Option<Vec<u8>>) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut bytes = Vec::new();
        e.read_to_end(&mut bytes).unwrap();
        if let Some(bytes) = edit(&name, bytes) {
            zout.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zout.write_all(&bytes).unwrap();
        }
    }
    zout.finish().unwrap();
}

fn assert_refused_and_untouched(s: &Store, dir: &Path, bad: &Path, expect: &str) {
    let rows = dump(&dir.join("studio.db"));
    let before = files(s.files_dir());
    let err = backup::restore(s, &admin(), bad).unwrap_err();
    assert!(err.to_string().contains(expect), "{err}");
    assert_eq!(
        dump(&dir.join("studio.db")),
        rows,
        "the database is untouched"
    );
    assert_eq!(files(s.files_dir()), before, "the files are untouched");
    let left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with("before-restore-") || n.starts_with(studio_core::files::TEMP_PREFIX)
        })
        .collect();
    assert!(left.is_empty(), "nothing set aside or left over: {left:?}");
}

#[test]
fn a_corrupt_archive_is_refused_and_the_current_data_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let s = live(dir.path());
    let out = tempfile::tempdir().unwrap();
    let good = out.path().join("good.zip");
    backup::create(&s, &admin(), &good).unwrap();
    // The live data moves on after the backup, so a wrong restore would show.
    let d = roster::list_delegates(&s, &admin(), &DelegateQuery::default())
        .unwrap()
        .items[0]
        .id
        .clone();
    let v = roster::get_delegate(&s, &admin(), &d).unwrap().version;
    roster::mark_delegate_left(&s, &admin(), &d, v, None).unwrap();
    std::fs::write(s.files_dir().join("photos/later.jpg"), b"later").unwrap();
    let bytes = std::fs::read(&good).unwrap();

    // One byte flipped in the middle (inside the database's or a photo's bytes).
    let flipped = out.path().join("flipped.zip");
    let mut b = bytes.clone();
    let mid = b.len() / 2;
    b[mid] ^= 0x5a;
    std::fs::write(&flipped, &b).unwrap();
    assert_refused_and_untouched(&s, dir.path(), &flipped, "损坏");

    // Truncated: the end of the file (the zip's directory) is missing.
    let truncated = out.path().join("truncated.zip");
    std::fs::write(&truncated, &bytes[..bytes.len() * 2 / 3]).unwrap();
    assert_refused_and_untouched(&s, dir.path(), &truncated, "损坏");

    // A photo missing from the archive though the manifest lists it.
    let missing = out.path().join("missing.zip");
    let mut dropped = false;
    rewrite(&good, &missing, |name, b| {
        if !dropped && name.starts_with("files/photos/") {
            dropped = true;
            None
        } else {
            Some(b)
        }
    });
    assert_refused_and_untouched(&s, dir.path(), &missing, "缺少文件");

    // A photo's bytes changed, the manifest kept: the checksum catches it.
    let changed = out.path().join("changed.zip");
    rewrite(&good, &changed, |name, mut b| {
        if name.starts_with("files/photos/thumb-") {
            b[10] ^= 1;
        }
        Some(b)
    });
    assert_refused_and_untouched(&s, dir.path(), &changed, "校验值");

    // No manifest.
    let bare = out.path().join("bare.zip");
    rewrite(&good, &bare, |name, b| {
        (name != "manifest.json").then_some(b)
    });
    assert_refused_and_untouched(&s, dir.path(), &bare, "清单");

    // An entry outside the manifest (say, a path escaping the folder).
    let extra = out.path().join("extra.zip");
    rewrite(&good, &extra, |_, b| Some(b));
    {
        let mut z = zip::ZipWriter::new_append(
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&extra)
                .unwrap(),
        )
        .unwrap();
        z.start_file(
            "files/../../evil.txt",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        z.write_all(b"x").unwrap();
        z.finish().unwrap();
    }
    assert_refused_and_untouched(&s, dir.path(), &extra, "清单之外");

    // Not an archive at all.
    let junk = out.path().join("junk.zip");
    std::fs::write(&junk, b"hello").unwrap();
    assert_refused_and_untouched(&s, dir.path(), &junk, "不是党代表工作室的备份");

    // The good one still restores.
    backup::restore(&s, &admin(), &good).unwrap();
}

#[test]
fn an_archive_from_a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let s = live(dir.path());
    let out = tempfile::tempdir().unwrap();
    let good = out.path().join("good.zip");
    backup::create(&s, &admin(), &good).unwrap();
    let newer = out.path().join("newer.zip");
    rewrite(&good, &newer, |name, b| {
        if name == "manifest.json" {
            let mut m: serde_json::Value = serde_json::from_slice(&b).unwrap();
            m["schema_version"] = (studio_core::storage::schema_version() + 1).into();
            Some(serde_json::to_vec(&m).unwrap())
        } else {
            Some(b)
        }
    });
    assert_refused_and_untouched(&s, dir.path(), &newer, "更新版本的程序");
}

#[test]
fn only_maintainers_back_up_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let s = live(dir.path());
    let clerk = Ctx::now(Actor::new("联络员", Role::Liaison));
    let e = backup::create(&s, &clerk, &dir.path().join("x.zip")).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    assert!(!dir.path().join("x.zip").exists());
}

fn utc(s: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(s)
        .unwrap()
        .with_timezone(&chrono::Utc)
}

#[test]
fn automatic_backups_run_when_due_prune_to_n_and_report_a_missing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let s = live(dir.path());
    let sys = Ctx::system();
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("我的笔记.txt"), b"not ours").unwrap();
    // Turning it on without a folder is refused.
    let input = auto::AutoBackupInput {
        enabled: true,
        daily_time: "12:00".into(),
        keep: 3,
        version: 0,
    };
    assert!(auto::save(&s, &admin(), &input).is_err());
    let set = auto::set_folder(&s, &admin(), folder.path(), 0).unwrap();
    let bad = auto::AutoBackupInput {
        daily_time: "25:00".into(),
        version: set.version,
        ..input.clone()
    };
    assert_eq!(
        auto::save(&s, &admin(), &bad).unwrap_err().code(),
        "validation"
    );
    auto::save(
        &s,
        &admin(),
        &auto::AutoBackupInput {
            version: set.version,
            ..input
        },
    )
    .unwrap();

    // Five days at noon Shanghai time (04:00 UTC): one archive a day, the newest three kept.
    for day in 1..=5 {
        let now = utc(&format!("2026-03-0{day}T04:00:30Z"));
        let done = auto::run(&s, &sys, now, Trigger::Timer)
            .unwrap()
            .expect("due");
        assert!(done.path.is_some(), "{}", done.message);
        // Not again the same day.
        assert!(auto::run(
            &s,
            &sys,
            utc(&format!("2026-03-0{day}T09:00:00Z")),
            Trigger::Timer
        )
        .unwrap()
        .is_none());
    }
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            "studio-backup-20260303-120030.zip",
            "studio-backup-20260304-120030.zip",
            "studio-backup-20260305-120030.zip",
            "我的笔记.txt",
        ]
    );
    let st = auto::status(&s, &admin(), utc("2026-03-05T05:00:00Z")).unwrap();
    assert_eq!(st.last_ok, Some(true));
    assert_eq!(st.warning, None);

    // The USB drive is pulled out: the next day's run fails, is recorded, and 工作台 warns.
    let gone = folder.path().to_path_buf();
    drop(folder);
    let r = auto::run(&s, &sys, utc("2026-03-06T04:00:30Z"), Trigger::Timer)
        .unwrap()
        .unwrap();
    assert!(r.path.is_none());
    assert!(r.message.contains("不存在"), "{}", r.message);
    let st = auto::status(&s, &admin(), utc("2026-03-06T04:01:00Z")).unwrap();
    assert_eq!(st.last_ok, Some(false));
    assert!(st.warning.unwrap().contains(&gone.display().to_string()));
    // Retried after an hour, not every minute.
    assert!(
        auto::run(&s, &sys, utc("2026-03-06T04:30:00Z"), Trigger::Timer)
            .unwrap()
            .is_none()
    );
    assert!(
        auto::run(&s, &sys, utc("2026-03-06T05:01:00Z"), Trigger::Timer)
            .unwrap()
            .is_some()
    );
}

#[test]
fn an_old_plain_database_backup_restores_the_database_and_leaves_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let s = live(dir.path());
    let plain = dir.path().join("old.db");
    studio_core::maintenance::backup(&s, &admin(), &plain).unwrap();
    let files_before = files(s.files_dir());
    let d = roster::list_delegates(&s, &admin(), &DelegateQuery::default())
        .unwrap()
        .items[0]
        .id
        .clone();
    let v = roster::get_delegate(&s, &admin(), &d).unwrap().version;
    roster::mark_delegate_left(&s, &admin(), &d, v, None).unwrap();
    let r = backup::restore(&s, &admin(), &plain).unwrap();
    assert!(r.plain_database);
    assert_eq!(roster::get_delegate(&s, &admin(), &d).unwrap().version, v);
    assert_eq!(files(s.files_dir()), files_before);
    assert!(PathBuf::from(&r.kept_aside).join("studio.db").is_file());
    // A damaged plain file is refused like an archive.
    let mut bytes = std::fs::read(&plain).unwrap();
    bytes.truncate(bytes.len() / 2);
    let cut = dir.path().join("cut.db");
    std::fs::write(&cut, &bytes).unwrap();
    assert!(backup::restore(&s, &admin(), &cut).is_err());
}
