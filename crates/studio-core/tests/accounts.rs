//! Accounts: the first administrator, the password policy, lockout after 5 failures and its expiry,
//! reset forcing a change, the audit lines of each, and no password hash in any change record.

use chrono::{Duration, Utc};
use studio_core::accounts::{self, AccountUpdate, NewAccount};
use studio_core::audit_log::{self, AuditQuery};
use studio_core::{Ctx, Role, Store};

fn admin_input() -> NewAccount {
    NewAccount {
        login: "wang".into(),
        name: "王老师".into(),
        role: None,
        delegate_id: None,
        password: "Studio2026".into(),
    }
}

fn store_with_admin() -> (Store, Ctx) {
    let s = Store::open_in_memory().unwrap();
    assert!(!accounts::has_accounts(&s).unwrap());
    let a = accounts::create_first_admin(&s, &admin_input()).unwrap();
    assert_eq!(a.role, Role::Admin);
    let ctx = Ctx::now(accounts::actor_of(&a));
    (s, ctx)
}

fn audit_actions(s: &Store, ctx: &Ctx) -> Vec<(String, String, String)> {
    let q = AuditQuery {
        page: studio_core::PageRequest {
            page: 1,
            page_size: 200,
        },
        ..Default::default()
    };
    audit_log::list(s, ctx, &q)
        .unwrap()
        .items
        .into_iter()
        .map(|e| (e.action, e.target, e.summary))
        .collect()
}

#[test]
fn the_first_administrator_only_once() {
    let (s, _) = store_with_admin();
    let e = accounts::create_first_admin(
        &s,
        &NewAccount {
            login: "other".into(),
            ..admin_input()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "state");
    assert!(e.to_string().contains("已有账号"), "{e}");
}

#[test]
fn weak_passwords_bad_logins_unknown_links_and_duplicates_write_nothing() {
    let (s, ctx) = store_with_admin();
    let cases = [
        (
            NewAccount {
                login: "li".into(),
                name: "李".into(),
                role: Some(Role::Liaison),
                password: "short1".into(),
                ..Default::default()
            },
            "password",
            "至少 8 位",
        ),
        (
            NewAccount {
                login: "li".into(),
                name: "李".into(),
                role: Some(Role::Liaison),
                password: "onlyletters".into(),
                ..Default::default()
            },
            "password",
            "字母和数字",
        ),
        (
            NewAccount {
                login: "WANG".into(),
                name: "重名".into(),
                role: Some(Role::Liaison),
                password: "Studio2026".into(),
                ..Default::default()
            },
            "login",
            "已被使用",
        ),
        (
            NewAccount {
                login: "张三".into(),
                name: "张三".into(),
                role: Some(Role::Liaison),
                password: "Studio2026".into(),
                ..Default::default()
            },
            "login",
            "英文字母",
        ),
        (
            NewAccount {
                login: "dai".into(),
                name: "代表".into(),
                role: Some(Role::Delegate),
                password: "Studio2026".into(),
                ..Default::default()
            },
            "delegate_id",
            "关联",
        ),
        (
            NewAccount {
                login: "kiosk".into(),
                name: "访客".into(),
                role: Some(Role::Visitor),
                password: "Studio2026".into(),
                ..Default::default()
            },
            "role",
            "角色应为",
        ),
    ];
    for (input, field, text) in cases {
        let e = accounts::add(&s, &ctx, &input).unwrap_err();
        assert_eq!(e.code(), "validation", "{e}");
        let p = e.payload();
        let f = p
            .fields
            .iter()
            .find(|f| f.field == field)
            .unwrap_or_else(|| {
                panic!("no message for {field}: {:?}", p.fields);
            });
        assert!(f.message.contains(text), "{}", f.message);
    }
    assert_eq!(accounts::list(&s, &ctx).unwrap().len(), 1);
}

#[test]
fn five_wrong_passwords_lock_for_fifteen_minutes_then_it_expires() {
    let (s, ctx) = store_with_admin();
    let li = accounts::add(
        &s,
        &ctx,
        &NewAccount {
            login: "li".into(),
            name: "李联络".into(),
            role: Some(Role::Liaison),
            password: "Liaison2026".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let t0 = Utc::now();
    for i in 1..=4 {
        let e = accounts::login_at(&s, "li", "wrong-pass1", t0).unwrap_err();
        assert_eq!(e.code(), "unauthenticated");
        assert_eq!(e.to_string(), "登录名或密码错误", "try {i}");
    }
    let e = accounts::login_at(&s, "li", "wrong-pass1", t0).unwrap_err();
    assert!(e.to_string().contains("已锁定 15 分钟"), "{e}");
    // Locked: even the right password is refused, until the 15 minutes have passed.
    let e = accounts::login_at(&s, "li", "Liaison2026", t0 + Duration::minutes(14)).unwrap_err();
    assert!(e.to_string().contains("账号已锁定"), "{e}");
    let ok = accounts::login_at(&s, "LI", "Liaison2026", t0 + Duration::minutes(16)).unwrap();
    assert_eq!(ok.account.id, li.id);
    assert_eq!(ok.actor.role, Role::Liaison);
    assert_eq!(ok.actor.id, format!("account:{}", li.id));
    // The count starts again after a success.
    let row = accounts::find(&s, &ctx, "li").unwrap();
    assert_eq!(row.failed_attempts, 0);
    assert!(row.locked_until.is_none());
    // Every attempt is in the audit log, with the lock.
    let log = audit_actions(&s, &ctx);
    let count = |a: &str| log.iter().filter(|(x, _, _)| x == a).count();
    assert_eq!(count("login_failed"), 6);
    assert_eq!(count("account_locked"), 1);
    assert_eq!(count("login"), 1);
}

#[test]
fn an_administrator_unlocks_and_locks_and_a_reset_forces_a_change() {
    let (s, ctx) = store_with_admin();
    let li = accounts::add(
        &s,
        &ctx,
        &NewAccount {
            login: "li".into(),
            name: "李联络".into(),
            role: Some(Role::Liaison),
            password: "Liaison2026".into(),
            ..Default::default()
        },
    )
    .unwrap();
    for _ in 0..5 {
        let _ = accounts::login(&s, "li", "nope12345");
    }
    assert!(accounts::login(&s, "li", "Liaison2026").is_err());
    accounts::set_locked(&s, &ctx, &li.id, false).unwrap();
    accounts::login(&s, "li", "Liaison2026").unwrap();

    // Locked by the administrator: refused with its own message.
    accounts::set_locked(&s, &ctx, &li.id, true).unwrap();
    let e = accounts::login(&s, "li", "Liaison2026").unwrap_err();
    assert!(e.to_string().contains("管理员锁定"), "{e}");
    accounts::set_locked(&s, &ctx, &li.id, false).unwrap();

    // A reset: the next login says a new password must be chosen; the old one no longer works.
    accounts::reset_password(&s, &ctx, &li.id, "Temp2026x").unwrap();
    assert!(accounts::login(&s, "li", "Liaison2026").is_err());
    let session = accounts::login(&s, "li", "Temp2026x").unwrap();
    assert!(session.must_change);
    let me = Ctx::now(session.actor.clone());
    let e = accounts::change_own_password(&s, &me, "wrong", "Mine2026a").unwrap_err();
    assert_eq!(e.payload().fields[0].field, "current");
    let e = accounts::change_own_password(&s, &me, "Temp2026x", "weak").unwrap_err();
    assert_eq!(e.code(), "validation");
    accounts::change_own_password(&s, &me, "Temp2026x", "Mine2026a").unwrap();
    let again = accounts::login(&s, "li", "Mine2026a").unwrap();
    assert!(!again.must_change);
}

#[test]
fn the_last_administrator_stays_and_others_may_not_manage_accounts() {
    let (s, ctx) = store_with_admin();
    let me = accounts::find(&s, &ctx, "wang").unwrap();
    let e = accounts::update(
        &s,
        &ctx,
        &me.id,
        &AccountUpdate {
            name: "王老师".into(),
            role: Some(Role::Liaison),
            delegate_id: None,
            version: me.version,
        },
    )
    .unwrap_err();
    assert!(e.to_string().contains("唯一"), "{e}");
    let li = accounts::add(
        &s,
        &ctx,
        &NewAccount {
            login: "li".into(),
            name: "李联络".into(),
            role: Some(Role::Liaison),
            password: "Liaison2026".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let li_ctx = Ctx::now(accounts::actor_of(&li));
    let e = accounts::reset_password(&s, &li_ctx, &me.id, "Hack2026xx").unwrap_err();
    assert_eq!(e.code(), "forbidden");
    assert!(e.to_string().contains("没有权限"), "{e}");
    assert!(accounts::login(&s, "wang", "Studio2026").is_ok());
}

#[test]
fn no_change_record_or_audit_line_holds_a_password_or_its_hash() {
    let (s, ctx) = store_with_admin();
    let li = accounts::add(
        &s,
        &ctx,
        &NewAccount {
            login: "li".into(),
            name: "李联络".into(),
            role: Some(Role::Liaison),
            password: "Liaison2026".into(),
            ..Default::default()
        },
    )
    .unwrap();
    accounts::reset_password(&s, &ctx, &li.id, "Temp2026x").unwrap();
    let records = studio_core::storage::audit::all(&s.reader().unwrap()).unwrap();
    assert!(records.iter().any(|r| r.entity == "account"));
    let text = serde_json::to_string(&records).unwrap();
    assert!(!text.contains("argon2"), "a hash in the change log");
    assert!(!text.contains("Liaison2026") && !text.contains("Temp2026x"));
    assert!(!text.contains("password_hash"));
    let log = serde_json::to_string(&audit_actions(&s, &ctx)).unwrap();
    assert!(!log.contains("argon2") && !log.contains("Temp2026x"));
}

#[test]
fn the_audit_tables_refuse_update_and_delete() {
    let (s, ctx) = store_with_admin();
    let _ = accounts::login(&s, "wang", "bad-pass-1");
    let conn = s.reader().unwrap();
    drop(conn);
    // Ad-hoc SQL on a separate connection to the same file is what an operator with sqlite3 has.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("studio.db");
    let fs = Store::open(&path).unwrap();
    let a = accounts::create_first_admin(&fs, &admin_input()).unwrap();
    let _ = accounts::login(&fs, "wang", "bad-pass-1");
    drop(fs);
    let raw = rusqlite::Connection::open(&path).unwrap();
    for sql in [
        "UPDATE audit_log SET actor = 'x'",
        "DELETE FROM audit_log",
        "UPDATE change_log SET actor = 'x'",
        "DELETE FROM change_log",
    ] {
        let e = raw.execute(sql, []).unwrap_err().to_string();
        assert!(e.contains("只能追加"), "{sql}: {e}");
    }
    let n: i64 = raw
        .query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert!(n >= 2, "{n}");
    let _ = (a, ctx);
}

#[test]
fn archiving_keeps_six_months_writes_a_checked_file_and_is_admin_only() {
    let dir = tempfile::tempdir().unwrap();
    let (s, ctx) = store_with_admin();
    // Less than six months is refused.
    let e = audit_log::archive(&s, &ctx, 5, dir.path()).unwrap_err();
    assert_eq!(e.code(), "validation");
    // Nothing is old enough today.
    let out = audit_log::archive(&s, &ctx, 6, dir.path()).unwrap();
    assert_eq!(out.archived, 0);
    // Seen from a day a year later, everything so far is older than six months.
    let before = audit_actions(&s, &ctx).len();
    let later = ctx.on(ctx.today + Duration::days(400));
    let out = audit_log::archive(&s, &later, 6, dir.path()).unwrap();
    assert_eq!(out.archived as usize, before);
    let file = std::path::PathBuf::from(out.file.unwrap());
    assert!(audit_log::verify_archive(&file).unwrap());
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().count() as u64, out.archived);
    // What stays: the archive's own line, logged before it ran.
    let left = audit_actions(&s, &ctx);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].0, "archive");
    // A tampered file no longer matches its checksum.
    std::fs::write(&file, text.replacen("\"ok\"", "\"failed\"", 1)).unwrap();
    assert!(!audit_log::verify_archive(&file).unwrap());
    // A liaison may not archive.
    let li = accounts::add(
        &s,
        &ctx,
        &NewAccount {
            login: "li".into(),
            name: "李联络".into(),
            role: Some(Role::Liaison),
            password: "Liaison2026".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let e = audit_log::archive(&s, &Ctx::now(accounts::actor_of(&li)), 6, dir.path()).unwrap_err();
    assert_eq!(e.code(), "forbidden");
}

#[test]
fn the_database_file_is_private() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new").join("studio.db");
        let s = Store::open(&path).unwrap();
        accounts::create_first_admin(&s, &admin_input()).unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        let wal = dir.path().join("new").join("studio.db-wal");
        if wal.exists() {
            assert_eq!(mode(&wal), 0o600);
        }
        let backup = dir.path().join("backup.db");
        studio_core::maintenance::backup(&s, &Ctx::system(), &backup).unwrap();
        assert_eq!(mode(&backup), 0o600);
    }
}
