//! `studio user …`, `studio audit export`, `--as` and export reasons, as an administrator's script
//! uses them. The demo's accounts (admin, liaison, head, delegate, auditor) have the password
//! Demo2026.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const DEMO_PASSWORD: &str = "Demo2026";

/// Run `studio --db DB ARGS` with `env` set and `stdin` fed (none: an empty stdin). STUDIO_DB and
/// STUDIO_PASSWORD from the caller's environment are removed.
fn run(db: &Path, args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_studio"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STUDIO_DB")
        .env_remove("STUDIO_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run studio");
    let mut input = child.stdin.take().expect("stdin");
    if let Some(s) = stdin {
        // The command may stop before reading (a refusal): a closed pipe is not a failure here.
        let _ = input.write_all(s.as_bytes());
    }
    drop(input);
    child.wait_with_output().expect("wait for studio")
}

fn studio(db: &Path, args: &[&str]) -> Output {
    run(db, args, &[], None)
}

/// `studio --as LOGIN …` with `password` in STUDIO_PASSWORD.
fn studio_as(db: &Path, login: &str, password: &str, args: &[&str]) -> Output {
    let mut all = vec!["--as", login];
    all.extend_from_slice(args);
    run(db, &all, &[("STUDIO_PASSWORD", password)], None)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "stdout: {}\nstderr: {}",
        stdout(o),
        stderr(o)
    );
}

/// Exit code 1 and a Chinese `错误：…` containing `needle`.
fn user_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(o), stderr(o));
    let e = stderr(o);
    assert!(e.starts_with("错误："), "{e}");
    assert!(e.contains(needle), "expected “{needle}” in: {e}");
}

fn demo_db(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let db = dir.path().join("s.db");
    ok(&studio(&db, &["demo"]));
    db
}

fn users(db: &Path) -> Vec<Value> {
    let o = studio(db, &["user", "list", "--json"]);
    ok(&o);
    serde_json::from_slice::<Value>(&o.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn user<'a>(list: &'a [Value], login: &str) -> &'a Value {
    list.iter()
        .find(|u| u["login"] == login)
        .unwrap_or_else(|| panic!("no account {login} in {list:?}"))
}

fn add(db: &Path, args: &[&str], password: &str) -> Output {
    let mut all = vec!["user", "add"];
    all.extend_from_slice(args);
    all.push("--password-stdin");
    run(db, &all, &[], Some(&format!("{password}\n")))
}

fn audit_json(db: &Path) -> Vec<Value> {
    let dir = db.parent().unwrap();
    let out = dir.join("audit-check.json");
    let o = studio(
        db,
        &[
            "audit",
            "export",
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    ok(&o);
    serde_json::from_slice::<Value>(&std::fs::read(&out).unwrap())
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn add_list_lock_unlock_reset_and_change_ones_own_password() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);

    let before = users(&db);
    assert_eq!(before.len(), 5);
    for u in &before {
        let mut keys: Vec<_> = u.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            ["delegate_id", "locked", "login", "name", "role"],
            "{u}"
        );
        assert_eq!(u["locked"], false);
    }
    assert_eq!(user(&before, "auditor")["role"], "auditor");
    assert!(user(&before, "delegate")["delegate_id"].is_string());

    let o = add(
        &db,
        &["zhangsan", "--role", "liaison", "--name", "张三"],
        "Secret2026",
    );
    ok(&o);
    assert!(stdout(&o).contains("已新增账号 zhangsan"), "{}", stdout(&o));
    // A delegate's account names the delegate record; without --name it is called by its login.
    let o = studio(&db, &["delegates", "list", "--json"]);
    let roster: Value = serde_json::from_slice(&o.stdout).unwrap();
    let delegate_id = roster[5]["id"].as_str().unwrap().to_string();
    ok(&add(
        &db,
        &["dbiao", "--role", "delegate", "--delegate", &delegate_id],
        "Secret2026",
    ));

    let list = users(&db);
    assert_eq!(list.len(), 7);
    let z = user(&list, "zhangsan");
    assert_eq!(z["name"], "张三");
    assert_eq!(z["role"], "liaison");
    assert_eq!(z["locked"], false);
    assert!(z["delegate_id"].is_null());
    let d = user(&list, "dbiao");
    assert_eq!(d["role"], "delegate");
    assert_eq!(d["name"], "dbiao");
    assert_eq!(d["delegate_id"], delegate_id.as_str());

    // The table is in Chinese.
    let o = studio(&db, &["user", "list"]);
    ok(&o);
    let table = stdout(&o);
    assert!(table.contains("登录名") && table.contains("联络员") && table.contains("共 7 个账号"));

    // Lock: the account cannot log in.
    let o = studio(&db, &["user", "lock", "zhangsan"]);
    ok(&o);
    assert!(stdout(&o).contains("已锁定账号 zhangsan"));
    assert_eq!(user(&users(&db), "zhangsan")["locked"], true);
    user_error(
        &studio_as(&db, "zhangsan", "Secret2026", &["delegates", "list"]),
        "已被管理员锁定",
    );
    // Unlock: it can again.
    ok(&studio(&db, &["user", "unlock", "zhangsan"]));
    assert_eq!(user(&users(&db), "zhangsan")["locked"], false);
    ok(&studio_as(
        &db,
        "zhangsan",
        "Secret2026",
        &["delegates", "list"],
    ));

    // Five wrong passwords lock it out for a while: `locked` says so too; unlock clears it.
    for _ in 0..5 {
        assert_eq!(
            studio_as(&db, "zhangsan", "Wrong2026", &["check"])
                .status
                .code(),
            Some(1)
        );
    }
    assert_eq!(user(&users(&db), "zhangsan")["locked"], true);
    ok(&studio(&db, &["user", "unlock", "zhangsan"]));
    assert_eq!(user(&users(&db), "zhangsan")["locked"], false);

    // Reset: the old password no longer works; the new one must be changed before anything else.
    let o = run(
        &db,
        &["user", "reset", "zhangsan", "--password-stdin"],
        &[],
        Some("Fresh2026\n"),
    );
    ok(&o);
    assert!(stdout(&o).contains("已重置"));
    user_error(
        &studio_as(&db, "zhangsan", "Secret2026", &["delegates", "list"]),
        "登录名或密码错误",
    );
    user_error(
        &studio_as(&db, "zhangsan", "Fresh2026", &["delegates", "list"]),
        "请先修改密码",
    );
    let o = run(
        &db,
        &["--as", "zhangsan", "user", "passwd", "--password-stdin"],
        &[("STUDIO_PASSWORD", "Fresh2026")],
        Some("Mine2026x\n"),
    );
    ok(&o);
    ok(&studio_as(
        &db,
        "zhangsan",
        "Mine2026x",
        &["delegates", "list"],
    ));

    // A weak reset password is refused and changes nothing.
    let o = run(
        &db,
        &["user", "reset", "zhangsan", "--password-stdin"],
        &[],
        Some("short\n"),
    );
    user_error(&o, "密码至少 8 位");
    ok(&studio_as(
        &db,
        "zhangsan",
        "Mine2026x",
        &["delegates", "list"],
    ));

    // Unknown logins are a Chinese error.
    user_error(&studio(&db, &["user", "lock", "nobody"]), "找不到账号");
}

#[test]
fn weak_passwords_unknown_roles_and_duplicate_logins_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let before = users(&db);
    let audit_before = audit_json(&db)
        .iter()
        .filter(|e| e["area"] == "account")
        .count();

    user_error(
        &add(&db, &["wang", "--role", "liaison"], "abcdefgh"),
        "密码须同时包含字母和数字",
    );
    user_error(
        &add(&db, &["wang", "--role", "liaison"], "abc1"),
        "密码至少 8 位",
    );
    // Our own Chinese message listing the codes, not clap's English "invalid value".
    for role in ["boss", "visitor", "system", "管理员"] {
        let o = add(&db, &["wang", "--role", role], "Secret2026");
        user_error(&o, "未知角色");
        let e = stderr(&o);
        for code in ["admin", "liaison", "head", "delegate", "auditor"] {
            assert!(e.contains(code), "{e}");
        }
        assert!(!e.contains("invalid value"), "{e}");
    }
    user_error(
        &add(&db, &["admin", "--role", "liaison"], "Secret2026"),
        "已被使用",
    );
    user_error(
        &add(&db, &["ADMIN", "--role", "auditor"], "Secret2026"),
        "已被使用",
    );
    // A delegate account needs its delegate record.
    user_error(
        &add(&db, &["wang", "--role", "delegate"], "Secret2026"),
        "关联",
    );
    // No --password-stdin, or nothing on stdin.
    user_error(
        &studio(&db, &["user", "add", "wang", "--role", "liaison"]),
        "--password-stdin",
    );
    user_error(
        &studio(
            &db,
            &[
                "user",
                "add",
                "wang",
                "--role",
                "liaison",
                "--password-stdin",
            ],
        ),
        "标准输入中没有密码",
    );

    assert_eq!(users(&db), before, "the accounts are unchanged");
    let audit_after = audit_json(&db)
        .iter()
        .filter(|e| e["area"] == "account")
        .count();
    assert_eq!(audit_before, audit_after, "no account change was recorded");
}

#[test]
fn as_logs_in_with_studio_password_and_the_core_refuses_what_the_role_may_not() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);

    // The right password: the command runs as that account.
    let o = studio_as(&db, "admin", DEMO_PASSWORD, &["user", "list", "--json"]);
    ok(&o);
    // The wrong one, an unknown login, or none at all: an error, nothing run.
    user_error(
        &studio_as(&db, "admin", "Wrong2026", &["user", "list"]),
        "登录名或密码错误",
    );
    user_error(
        &studio_as(&db, "nobody", DEMO_PASSWORD, &["user", "list"]),
        "登录名或密码错误",
    );
    user_error(
        &run(&db, &["--as", "admin", "user", "list"], &[], None),
        "STUDIO_PASSWORD",
    );

    // An auditor may read the account list and the log, but not add, lock or export personal data.
    let before = users(&db);
    ok(&studio_as(&db, "auditor", DEMO_PASSWORD, &["user", "list"]));
    let o = run(
        &db,
        &[
            "--as",
            "auditor",
            "user",
            "add",
            "wang",
            "--role",
            "admin",
            "--password-stdin",
        ],
        &[("STUDIO_PASSWORD", DEMO_PASSWORD)],
        Some("Secret2026\n"),
    );
    user_error(&o, "没有权限：管理账号");
    user_error(
        &studio_as(&db, "auditor", DEMO_PASSWORD, &["user", "lock", "admin"]),
        "没有权限",
    );
    let out = dir.path().join("x.json");
    user_error(
        &studio_as(
            &db,
            "auditor",
            DEMO_PASSWORD,
            &[
                "export",
                "items",
                "--format",
                "json",
                "-o",
                out.to_str().unwrap(),
            ],
        ),
        "没有权限：导出个人信息",
    );
    assert!(!out.exists());
    // A liaison may not manage accounts or read the audit log.
    user_error(
        &studio_as(
            &db,
            "liaison",
            DEMO_PASSWORD,
            &[
                "audit",
                "export",
                "--format",
                "json",
                "-o",
                out.to_str().unwrap(),
            ],
        ),
        "没有权限：查看审计日志",
    );
    assert_eq!(users(&db), before);

    // Logins, failed logins and refusals are all in the log, under the account that tried.
    let log = audit_json(&db);
    let has = |area: &str, action: &str, target: &str| {
        log.iter()
            .any(|e| e["area"] == area && e["action"] == action && e["target"] == target)
    };
    assert!(has("session", "login", "admin"));
    assert!(has("session", "login_failed", "admin"));
    assert!(has("session", "login_failed", "nobody"));
    assert!(log.iter().any(|e| e["action"] == "refused"
        && e["actor_role"] == "auditor"
        && e["summary"].as_str().unwrap().contains("管理账号")));
}

#[test]
fn audit_export_writes_json_and_csv_with_the_account_and_login_entries_and_export_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    ok(&add(&db, &["lisi", "--role", "auditor"], "Secret2026"));
    ok(&studio_as(&db, "lisi", "Secret2026", &["user", "list"]));
    user_error(
        &studio_as(&db, "lisi", "Wrong2026", &["user", "list"]),
        "登录名或密码错误",
    );
    // Personal-data exports: with a reason, and without (recorded as 命令行导出).
    let items = dir.path().join("items.csv");
    ok(&studio(
        &db,
        &[
            "export",
            "items",
            "--format",
            "csv",
            "--reason",
            "季度汇总报送组织部",
            "-o",
            items.to_str().unwrap(),
        ],
    ));
    let cards = dir.path().join("cards.pdf");
    ok(&studio(
        &db,
        &["card", "pdf", "--all", "-o", cards.to_str().unwrap()],
    ));

    // JSON, exported by the new auditor with a period that holds today.
    let today = chrono::Utc::now().date_naive();
    let from = (today - chrono::Duration::days(1)).to_string();
    let to = (today + chrono::Duration::days(1)).to_string();
    let json = dir.path().join("audit.json");
    let o = studio_as(
        &db,
        "lisi",
        "Secret2026",
        &[
            "audit",
            "export",
            "--from",
            &from,
            "--to",
            &to,
            "--format",
            "json",
            "-o",
            json.to_str().unwrap(),
        ],
    );
    ok(&o);
    assert!(stdout(&o).contains("已导出审计日志"));
    let log: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let log = log.as_array().unwrap();
    let find = |pred: &dyn Fn(&Value) -> bool| log.iter().any(pred);
    assert!(
        find(&|e| e["area"] == "account"
            && e["action"] == "create"
            && e["actor_id"].as_str().unwrap().starts_with("cli:")),
        "the user add, as the OS user"
    );
    assert!(find(&|e| e["area"] == "session"
        && e["action"] == "login"
        && e["target"] == "lisi"
        && e["actor_role"] == "auditor"));
    assert!(find(
        &|e| e["action"] == "login_failed" && e["target"] == "lisi"
    ));
    // Recorded as the app records its exports: how many, full or masked, and why.
    let summary = |e: &Value| e["summary"].as_str().unwrap_or("").to_string();
    assert!(find(&|e| e["area"] == "personal_data"
        && e["action"] == "export"
        && e["target"] == "items:*"
        && summary(e).ends_with("完整；原因：季度汇总报送组织部")));
    assert!(find(&|e| e["area"] == "personal_data"
        && e["action"] == "export"
        && e["target"] == "cards:*"
        && summary(e).ends_with("完整；原因：命令行导出")));

    // CSV: the same entries under Chinese headers and labels.
    let csv = dir.path().join("audit.csv");
    ok(&studio(
        &db,
        &[
            "audit",
            "export",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap(),
        ],
    ));
    let text = String::from_utf8(std::fs::read(&csv).unwrap()).unwrap();
    assert!(text.contains("操作人") && text.contains("结果"), "header");
    assert!(text.contains("登录失败"));
    assert!(text.contains(",lisi,"));
    assert!(text.contains("季度汇总报送组织部"));
    assert!(text.contains("命令行导出"));

    // A period before anything happened is empty; a bad date is a Chinese error.
    let empty = dir.path().join("empty.json");
    ok(&studio(
        &db,
        &[
            "audit",
            "export",
            "--from",
            "2000-01-01",
            "--to",
            "2000-01-31",
            "--format",
            "json",
            "-o",
            empty.to_str().unwrap(),
        ],
    ));
    assert_eq!(std::fs::read_to_string(&empty).unwrap().trim(), "[]");
    user_error(
        &studio(
            &db,
            &[
                "audit",
                "export",
                "--from",
                "2025-13-01",
                "--format",
                "json",
                "-o",
                empty.to_str().unwrap(),
            ],
        ),
        "格式应为 YYYY-MM-DD",
    );
}

/// Without `--as`, someone who does not own the database file acts as a visitor: the core refuses
/// account management. Needs root (to give the file to another user); skipped otherwise.
#[cfg(unix)]
#[test]
fn an_os_user_who_does_not_own_the_database_is_a_visitor() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    if std::os::unix::fs::chown(&db, Some(54321), None).is_err() {
        eprintln!("skipped: not allowed to chown (not root)");
        return;
    }
    let o = add(&db, &["wang", "--role", "liaison"], "Secret2026");
    user_error(&o, "访客");
    user_error(&o, "没有权限：管理账号");
    user_error(&studio(&db, &["user", "list"]), "没有权限");
    // The public roster is still readable.
    ok(&studio(&db, &["delegates", "list", "--json"]));
    // An account still works.
    ok(&studio_as(&db, "admin", DEMO_PASSWORD, &["user", "list"]));
}

/// `--masked`: the file holds no full phone number, and the audit log says it was a masked export;
/// a reason over the limit is refused with the app's message and writes nothing.
#[test]
fn a_masked_export_holds_no_full_phone_and_is_recorded_as_masked() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(&dir);
    let full = dir.path().join("full.csv");
    let masked = dir.path().join("masked.csv");
    for (out, extra) in [(&full, None), (&masked, Some("--masked"))] {
        let mut args = vec![
            "export",
            "cards",
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend(extra);
        ok(&studio(&db, &args));
    }
    let full_text = std::fs::read_to_string(&full).unwrap();
    let masked_text = std::fs::read_to_string(&masked).unwrap();
    assert!(
        full_mobiles(&full_text) > 0,
        "the full export has the phones"
    );
    assert_eq!(
        full_mobiles(&masked_text),
        0,
        "no full mobile number in the masked file"
    );
    assert!(masked_text.contains("****"));

    let too_long = "很".repeat(201);
    let refused = dir.path().join("refused.csv");
    user_error(
        &studio(
            &db,
            &[
                "export",
                "cards",
                "--format",
                "csv",
                "--reason",
                &too_long,
                "-o",
                refused.to_str().unwrap(),
            ],
        ),
        "导出原因不能超过 200 个字",
    );
    assert!(!refused.exists());

    let json = dir.path().join("audit.json");
    ok(&studio(
        &db,
        &[
            "audit",
            "export",
            "--format",
            "json",
            "-o",
            json.to_str().unwrap(),
        ],
    ));
    let log: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let exports: Vec<String> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["area"] == "personal_data" && e["action"] == "export")
        .map(|e| e["summary"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(exports.len(), 2, "{exports:?}");
    assert!(
        exports.iter().any(|s| s.contains("完整；原因：命令行导出")),
        "{exports:?}"
    );
    assert!(
        exports.iter().any(|s| s.contains("脱敏；原因：命令行导出")),
        "{exports:?}"
    );
}

/// How many 11-digit mobile numbers (1[3-9] and nine digits, not inside a longer run of letters and
/// digits) `text` holds.
fn full_mobiles(text: &str) -> usize {
    let b: Vec<char> = text.chars().collect();
    (0..b.len().saturating_sub(10))
        .filter(|&i| {
            let window = &b[i..i + 11];
            window.iter().all(|c| c.is_ascii_digit())
                && window[0] == '1'
                && ('3'..='9').contains(&window[1])
                // Not inside a longer run of letters and digits: a UUID's last group such as
                // `c13761319796` holds 11 digits now and then and is no phone number.
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                && b.get(i + 11).is_none_or(|c| !c.is_ascii_alphanumeric())
        })
        .count()
}
